// SPDX-License-Identifier: GPL-3.0-or-later
// The bad-input corpus (tests/badinput/README.md): every case of tests/badinput/cases.json through
// tanhui-cli as a subprocess (exit code, message, no crash, no hang, no silent pass, no half-written
// output), through models::Project::load/validate and through the GUI's MainWindow::openFile. The
// corpus is generated into the build tree by the fixture badinput_corpus_setup (make_corpus.py).
#include "app/gui/MainWindow.h"
#include "app/gui/MetadataPanel.h"
#include "gis/Errors.h"
#include "models/project/Project.h"

#include "app/gui/LayerTree.h"
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <map>

namespace {

QString env(const char* name) {
    return QString::fromLocal8Bit(qgetenv(name));
}

QString cliPath() {
    return env("TANHUI_BINARY_DIR") + QStringLiteral("/app/cli/tanhui-cli");
}

QString corpusDir() {
    return env("TANHUI_BADINPUT_CORPUS");
}

/// Name, size and modification time of every file of a folder (to prove inputs are opened read-only
/// and no side file such as .aux.xml appears next to them).
std::map<QString, QString> snapshot(const QString& dir) {
    std::map<QString, QString> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        files[info.absoluteFilePath()] =
          QString::number(info.size()) + QLatin1Char('@') + info.lastModified().toString(Qt::ISODateWithMs);
    }
    return files;
}

/// The rows of a CSV output without empty lines.
QStringList lines(const QByteArray& text) {
    QStringList out;
    for (const QString& line : QString::fromUtf8(text).split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            out << line;
    return out;
}

/// The main output of a template (must not exist after a failed run: never half-written).
const std::map<QString, QString>& primaryOutputs() {
    static const std::map<QString, QString> outputs{
        { QStringLiteral("zonal"), QStringLiteral("zonal.csv") },
        { QStringLiteral("zonal-parcels"), QStringLiteral("zonal.csv") },
        { QStringLiteral("pools"), QStringLiteral("parcels.csv") },
        { QStringLiteral("pools-parcels"), QStringLiteral("parcels.csv") },
        { QStringLiteral("gainloss"), QStringLiteral("parcels_gainloss.csv") },
        { QStringLiteral("bluecarbon"), QStringLiteral("parcels_bluecarbon.csv") },
        { QStringLiteral("regression"), QStringLiteral("rs_parcels.csv") },
        { QStringLiteral("volume"), QStringLiteral("parcels_volume.csv") },
        { QStringLiteral("soil"), QStringLiteral("parcels_soil.csv") },
        { QStringLiteral("carbon-project"), QStringLiteral("parcels.csv") },
        { QStringLiteral("gep-project"), QStringLiteral("totals.csv") },
    };
    return outputs;
}

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cases_data();
    void cases();
    void inputsUnchanged();

private:
    void runCli(const QJsonObject& run, const QString& file, int timeoutS);
    void runGui(const QJsonObject& run, const QString& file);
    void runProject(const QJsonObject& run, const QString& file);

    QJsonObject m_table;
    QTemporaryDir m_out;
    std::map<QString, QString> m_before;
    int m_runs = 0;
};

void TestBadInput::initTestCase() {
    QVERIFY2(!corpusDir().isEmpty() && QFile::exists(corpusDir() + QStringLiteral("/parcels.shp")),
             "the corpus is missing: run this test through ctest (fixture badinput_corpus_setup), or run "
             "tests/badinput/make_corpus.py DIR and set TANHUI_BADINPUT_CORPUS=DIR");
    QVERIFY(QFile::exists(cliPath()));
    QFile f(env("TANHUI_SOURCE_DIR") + QStringLiteral("/tests/badinput/cases.json"));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
    m_table = doc.object();
    QVERIFY(m_out.isValid());
    m_before = snapshot(corpusDir());
}

void TestBadInput::cases_data() {
    QTest::addColumn<QJsonObject>("run");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("timeout");
    const QJsonArray cases = m_table.value(QLatin1String("cases")).toArray();
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue& c : cases) {
        const QJsonObject o = c.toObject();
        const QString name = o.value(QLatin1String("case")).toString();
        const QString file = o.value(QLatin1String("file")).toString();
        const int timeout = o.value(QLatin1String("timeout")).toInt(60);
        int n = 0;
        for (const QJsonValue& r : o.value(QLatin1String("runs")).toArray()) {
            const QJsonObject run = r.toObject();
            const QString tag =
              QStringLiteral("%1/%2#%3").arg(name, run.value(QLatin1String("command")).toString()).arg(++n);
            QTest::newRow(qPrintable(tag)) << run << file << timeout;
        }
    }
}

void TestBadInput::cases() {
    QFETCH(QJsonObject, run);
    QFETCH(QString, file);
    QFETCH(int, timeout);
    ++m_runs;
    file.replace(QStringLiteral("{corpus}"), corpusDir());
    if (!file.contains(QLatin1Char(':')))
        file = QDir(corpusDir()).filePath(file);
    const QString command = run.value(QLatin1String("command")).toString();
    if (command == QLatin1String("gui"))
        runGui(run, file);
    else if (command == QLatin1String("project"))
        runProject(run, file);
    else
        runCli(run, file, timeout);
}

void TestBadInput::runCli(const QJsonObject& run, const QString& file, int timeoutS) {
    const QString command = run.value(QLatin1String("command")).toString();
    QString args = run.value(QLatin1String("args")).toString();
    if (args.isEmpty())
        args = m_table.value(QLatin1String("templates")).toObject().value(command).toString();
    QVERIFY2(!args.isEmpty(), qPrintable(QStringLiteral("no template for command '%1'").arg(command)));
    args += QLatin1Char(' ') + run.value(QLatin1String("extra")).toString();
    const QString out = m_out.filePath(QString::number(m_runs));
    QVERIFY(QDir().mkpath(out));
    QStringList argv;
    for (QString a : args.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        a.replace(QStringLiteral("{file}"), file);
        a.replace(QStringLiteral("{corpus}"), corpusDir());
        a.replace(QStringLiteral("{out}"), out);
        argv << a;
    }

    QProcess p;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TANHUI_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(environment);
    p.start(cliPath(), argv);
    QVERIFY2(p.waitForStarted(), qPrintable(p.errorString()));
    const QString commandLine = QStringLiteral("tanhui-cli ") + argv.join(QLatin1Char(' '));
    if (!p.waitForFinished(timeoutS * 1000)) {
        p.kill();
        p.waitForFinished();
        QFAIL(qPrintable(QStringLiteral("no answer within %1 s (hang?): %2").arg(timeoutS).arg(commandLine)));
    }
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const QString stdOut = QString::fromUtf8(p.readAllStandardOutput());
    const QString context = commandLine + QStringLiteral("\n--- stderr:\n") + err;
    QVERIFY2(p.exitStatus() == QProcess::NormalExit, qPrintable(QStringLiteral("crashed: ") + context));
    const int expected = run.value(QLatin1String("exit")).toInt(-1);
    QVERIFY2(
      p.exitCode() == expected,
      qPrintable(QStringLiteral("exit code %1, expected %2: ").arg(p.exitCode()).arg(expected) + context));
    QVERIFY2(!err.contains(QLatin1String("unexpected failure")), qPrintable(context));
    const QString message = run.value(QLatin1String("message")).toString();
    if (!message.isEmpty()) {
        const QRegularExpression re(message);
        QVERIFY2(re.isValid(), qPrintable(re.errorString()));
        QVERIFY2(re.match(err + stdOut).hasMatch(),
                 qPrintable(QStringLiteral("message /%1/ not found: ").arg(message) + context));
    } else {
        QVERIFY2(expected == 0, "a failing run must name its expected message");
    }

    const auto primary = primaryOutputs().find(command);
    if (expected != 0) {
        // Never half-written: the command's main output does not exist after a failure.
        if (primary != primaryOutputs().end())
            QVERIFY2(
              !QFile::exists(QDir(out).filePath(primary->second)),
              qPrintable(QStringLiteral("%1 written by a failed run: ").arg(primary->second) + context));
        return;
    }
    // Success is never silent: the output exists with a header and rows and holds what it must.
    const QJsonObject output = run.value(QLatin1String("output")).toObject();
    QVERIFY2(!output.isEmpty(), "a successful run must name an output file to check");
    const QString outFile = QDir(out).filePath(output.value(QLatin1String("file")).toString());
    QFile f(outFile);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(QStringLiteral("%1 missing: ").arg(outFile) + context));
    const QByteArray bytes = f.readAll();
    QVERIFY2(lines(bytes).size() >= 2, qPrintable(QStringLiteral("%1 has no rows: ").arg(outFile) + context));
    const QRegularExpression re(output.value(QLatin1String("match")).toString(),
                                QRegularExpression::MultilineOption);
    QVERIFY2(re.isValid(), qPrintable(re.errorString()));
    QVERIFY2(re.match(QString::fromUtf8(bytes)).hasMatch(),
             qPrintable(QStringLiteral("%1 does not match /%2/:\n%3")
                          .arg(outFile, re.pattern(), QString::fromUtf8(bytes.left(2000)))));
}

void TestBadInput::runGui(const QJsonObject& run, const QString& file) {
    tanhui::gui::MainWindow window;
    QStringList reports;
    window.setErrorSink([&reports](const QString& headline, const QString& detail) {
        reports << headline + QLatin1Char('\n') + detail;
    });
    const bool ok = window.openFile(file);
    const int expected = run.value(QLatin1String("exit")).toInt(-1);
    QString text;
    if (expected == 0) {
        QVERIFY2(ok && reports.isEmpty(), qPrintable(reports.join(QLatin1Char('\n'))));
        QVERIFY(window.layerCount() > 0);
        text = window.metadataPanel()->metadataText();
        if (auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList")))
            for (int i = 0; i < list->count(); ++i)
                text += QLatin1Char('\n') + list->item(i)->text();
    } else {
        QVERIFY(!ok);
        // One message listing every problem, not one dialog per problem.
        QCOMPARE(reports.size(), 1);
        text = reports.first();
    }
    const QRegularExpression re(run.value(QLatin1String("message")).toString());
    QVERIFY2(re.match(text).hasMatch(),
             qPrintable(QStringLiteral("/%1/ not in:\n%2").arg(re.pattern(), text)));
}

void TestBadInput::runProject(const QJsonObject& run, const QString& file) {
    QString text;
    bool failed = false;
    try {
        const tanhui::models::Project project = tanhui::models::Project::load(file);
        const QStringList problems = project.validate();
        failed = !problems.isEmpty();
        text = problems.join(QLatin1Char('\n'));
    } catch (const tanhui::gis::GisError& e) {
        failed = true;
        text = QString::fromUtf8(e.what());
    }
    QCOMPARE(failed ? 1 : 0, run.value(QLatin1String("exit")).toInt(-1));
    const QRegularExpression re(run.value(QLatin1String("message")).toString());
    QVERIFY2(re.match(text).hasMatch(),
             qPrintable(QStringLiteral("/%1/ not in:\n%2").arg(re.pattern(), text)));
}

void TestBadInput::inputsUnchanged() {
    // Every input is opened read-only: no corpus file changed and none was added (.aux.xml, .shx).
    const std::map<QString, QString> after = snapshot(corpusDir());
    for (const auto& [path, stamp] : after) {
        const auto before = m_before.find(path);
        QVERIFY2(before != m_before.end(),
                 qPrintable(QStringLiteral("new file next to the inputs: ") + path));
        QVERIFY2(before->second == stamp, qPrintable(QStringLiteral("input modified: ") + path));
    }
    QCOMPARE(after.size(), m_before.size());
    QVERIFY(m_runs > 100);
}

QTEST_MAIN(TestBadInput)
#include "tst_badinput.moc"
