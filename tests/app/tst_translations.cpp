// SPDX-License-Identifier: GPL-3.0-or-later
// The Chinese translation must be complete (no unfinished or empty entry, placeholders kept), and
// the compiled translations must be embedded in tanhui_app_common and picked by TANHUI_LANG.

#include "app/common/ErrorText.h"
#include "app/common/MessageText.h"
#include "app/common/Translations.h"
#include "models/gep/Indicators.h"
#include "models/project/Project.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct TsMessage {
    QString context;
    QString source;
    QStringList translations; ///< one, or one per numerus form
    QString type;             ///< "unfinished", "vanished", "obsolete" or empty
    qint64 line = 0;
};

bool readTs(const QString& path, QList<TsMessage>& messages, QString& error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.errorString();
        return false;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                current = TsMessage{ context, {}, {}, {}, xml.lineNumber() };
            } else if (name == QLatin1String("source") && inMessage) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation") && inMessage) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                // Either plain text or <numerusform> children.
                QString text;
                while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                    xml.readNext();
                    if (xml.isCharacters())
                        text += xml.text();
                    else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                        current.translations << xml.readElementText();
                }
                if (current.translations.isEmpty())
                    current.translations << text;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            messages << current;
        }
    }
    if (xml.hasError()) {
        error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
        return false;
    }
    return true;
}

QString tsPath(const QString& name) {
    return QDir(qEnvironmentVariable("TANHUI_SOURCE_DIR")).filePath(QStringLiteral("translations/") + name);
}

/// The %1..%99 placeholders (and %n) used by a text, sorted.
QStringList placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral("%(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    found.removeDuplicates();
    return found;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY2(!qEnvironmentVariable("TANHUI_SOURCE_DIR").isEmpty(), "TANHUI_SOURCE_DIR is not set");
    }

    void chineseIsComplete() {
        QList<TsMessage> messages;
        QString error;
        QVERIFY2(readTs(tsPath(QStringLiteral("tanhui_zh_CN.ts")), messages, error), qPrintable(error));
        QVERIFY2(messages.size() > 20, "suspiciously few messages in tanhui_zh_CN.ts");

        QStringList problems;
        for (const TsMessage& m : messages) {
            if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
                continue;
            const QString where = QStringLiteral("line %1 [%2] \"%3\"").arg(m.line).arg(m.context, m.source);
            if (m.type == QLatin1String("unfinished"))
                problems << where + QStringLiteral(": unfinished");
            for (const QString& t : m.translations) {
                if (t.trimmed().isEmpty()) {
                    problems << where + QStringLiteral(": empty translation");
                    continue;
                }
                QStringList expected = placeholders(m.source);
                QStringList actual = placeholders(t);
                if (expected != actual)
                    problems << where +
                                  QStringLiteral(": placeholders %1 in the source but %2 in \"%3\"")
                                    .arg(expected.join(QLatin1Char(',')), actual.join(QLatin1Char(',')), t);
            }
        }
        if (!problems.isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1 problem(s) in tanhui_zh_CN.ts:\n  %2")
                               .arg(problems.size())
                               .arg(problems.join(QStringLiteral("\n  ")))));
    }

    void englishCatalogueParses() {
        QList<TsMessage> messages;
        QString error;
        QVERIFY2(readTs(tsPath(QStringLiteral("tanhui_en.ts")), messages, error), qPrintable(error));
        // Only plural forms need an English "translation"; they must be filled in.
        for (const TsMessage& m : messages) {
            for (const QString& t : m.translations)
                QVERIFY2(!t.trimmed().isEmpty(),
                         qPrintable(QStringLiteral("empty English plural form for \"%1\"").arg(m.source)));
        }
    }

    void embeddedTranslationsExist() {
        for (const char* name : { "tanhui_zh_CN.qm", "tanhui_en.qm" }) {
            const QString path = QStringLiteral("%1/%2").arg(
              QLatin1String(tanhui::app::kTranslationsResourceDir), QLatin1String(name));
            QVERIFY2(QFile::exists(path), qPrintable(path + QStringLiteral(" is not embedded")));
        }
    }

    void languageFromEnvironment() {
        qputenv("TANHUI_LANG", "zh_CN");
        QCOMPARE(tanhui::app::uiLocale().language(), QLocale::Chinese);
        tanhui::app::installTranslations(*QCoreApplication::instance());
        QCOMPARE(tanhui::app::errorHeadline(tanhui::gis::GisError(tanhui::gis::GisError::Kind::Open, "x")),
                 QStringLiteral("无法打开文件"));
        removeTranslators();

        qputenv("TANHUI_LANG", "en");
        tanhui::app::installTranslations(*QCoreApplication::instance());
        QCOMPARE(tanhui::app::errorHeadline(tanhui::gis::GisError(tanhui::gis::GisError::Kind::Open, "x")),
                 QStringLiteral("Cannot open the file"));
        removeTranslators();
        qunsetenv("TANHUI_LANG");
    }

    void languageFromPreferences() {
        // The Preferences' language applies without TANHUI_LANG; TANHUI_LANG still overrides it.
        qunsetenv("TANHUI_LANG");
        QCOMPARE(tanhui::app::uiLocale(QStringLiteral("zh_CN")).language(), QLocale::Chinese);
        QCOMPARE(tanhui::app::uiLocale(QStringLiteral("en")).language(), QLocale::English);
        QCOMPARE(tanhui::app::uiLocale(QStringLiteral("system")), QLocale::system());
        QCOMPARE(tanhui::app::uiLocale(QString()), QLocale::system());
        tanhui::app::installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN"));
        QCOMPARE(tanhui::app::errorHeadline(tanhui::gis::GisError(tanhui::gis::GisError::Kind::Open, "x")),
                 QStringLiteral("无法打开文件"));
        removeTranslators();
        qputenv("TANHUI_LANG", "en");
        QCOMPARE(tanhui::app::uiLocale(QStringLiteral("zh_CN")).language(), QLocale::English);
        qunsetenv("TANHUI_LANG");
        QLocale::setDefault(QLocale::c());
    }

    void everyProgressLabelIsDeclared() {
        // Every stage name given to gis::Feedback::setProgress() (directly, through a progress(...)
        // helper or forEachIndex) in gis/, models/ and app/cli/ is in app::progressLabels(), so that
        // lupdate sees it and the CLI progress bar shows it translated.
        QStringList declared;
        for (const char* l : tanhui::app::progressLabels())
            declared << QString::fromUtf8(l);
        static const QRegularExpression call(
          QStringLiteral("\\b(?:setProgress|progress|forEachIndex)\\(([^;{}]*?)\"([^\"]+)\"\\s*\\)\\s*;"));
        QStringList missing, found;
        const QDir root(qEnvironmentVariable("TANHUI_SOURCE_DIR"));
        for (const char* dir : { "gis", "models", "app/cli" }) {
            QDirIterator it(root.filePath(QLatin1String(dir)),
                            { QStringLiteral("*.cpp") },
                            QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QString text = QString::fromUtf8(f.readAll());
                for (auto m = call.globalMatch(text); m.hasNext();) {
                    const QString label = m.next().captured(2);
                    found << label;
                    if (!declared.contains(label))
                        missing << QStringLiteral("%1: \"%2\"").arg(f.fileName(), label);
                }
            }
        }
        QVERIFY2(found.size() > 20, qPrintable(found.join(QLatin1Char(','))));
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("add to app/common/MessageText.cpp: ") +
                            missing.join(QStringLiteral("; "))));
    }

    void chineseMessages() {
        qputenv("TANHUI_LANG", "zh_CN");
        tanhui::app::installTranslations(*QCoreApplication::instance());
        // Progress stage names.
        for (const char* l : tanhui::app::progressLabels())
            QVERIFY2(tanhui::app::progressLabel(l) != QString::fromUtf8(l), l);
        QCOMPARE(tanhui::app::progressLabel("Zonal statistics"), QStringLiteral("分区统计"));
        QCOMPARE(tanhui::app::progressLabel("not a known stage"), QStringLiteral("not a known stage"));
        // GEOS repair reasons keep their coordinates.
        QCOMPARE(tanhui::app::parcelNoteText("Self-intersection[500050 2500050]; repaired with MakeValid"),
                 QStringLiteral("自相交，位于 500050 2500050; 已用 MakeValid 修复"));
        QCOMPARE(tanhui::app::parcelNoteText("Ring Self-intersection[1 2]; repair left no polygon"),
                 QStringLiteral("环自相交，位于 1 2; 修复后没有留下多边形"));
        QCOMPARE(tanhui::app::parcelNoteText("not a polygon (LineString)"),
                 QStringLiteral("不是多边形（LineString）"));
        QCOMPARE(tanhui::app::parcelNoteText("something new"), QStringLiteral("something new"));
        // GEP service names: once in Chinese, not "空气净化 空气净化".
        const auto* air = tanhui::models::gep::findIndicator(QStringLiteral("air_purification"));
        QVERIFY(air);
        QCOMPARE(air->displayName(), QStringLiteral("空气净化"));
        // Project-loader errors.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("p.tanhui.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "tanhui-project", "version": 999, "layers": []})");
        f.close();
        QString message;
        try {
            tanhui::models::Project::load(file);
        } catch (const tanhui::gis::GisError& e) {
            message = QString::fromUtf8(e.what());
        }
        QVERIFY2(message.startsWith(QStringLiteral("项目文件 ")) && message.contains(QStringLiteral("999")),
                 qPrintable(message));
        removeTranslators();

        qputenv("TANHUI_LANG", "en");
        tanhui::app::installTranslations(*QCoreApplication::instance());
        QCOMPARE(air->displayName(), QStringLiteral("空气净化 Air purification"));
        QCOMPARE(tanhui::app::parcelNoteText("Self-intersection[1 2]; repaired with MakeValid"),
                 QStringLiteral("Self-intersection at 1 2; repaired with MakeValid"));
        removeTranslators();
        qunsetenv("TANHUI_LANG");
    }

    void everyKindHasAHeadline() {
        using Kind = tanhui::gis::GisError::Kind;
        for (Kind kind :
             { Kind::Open, Kind::Crs, Kind::Geometry, Kind::InvalidArgument, Kind::Io, Kind::Cancelled })
            QVERIFY(!tanhui::app::errorHeadline(kind).isEmpty());
    }

private:
    static void removeTranslators() {
        const auto translators = QCoreApplication::instance()->findChildren<QTranslator*>();
        for (QTranslator* translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
