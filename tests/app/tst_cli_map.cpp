// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli map (issue 14, "Map export") on the sample project: the default map as PNG (page × DPI,
// not blank), PDF with the title and SVG without a display (offscreen QPA), a named layout of the
// project, the atlas, and errors naming the option (unknown layout, layer, date, extension).
#include "CliRun.h"
#include "TestUtil.h"
#include "models/project/Project.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace tanhui;
using test::runCli;

class TestCliMap : public QObject {
    Q_OBJECT

    QString m_project;

private slots:
    void initTestCase() {
        TANHUI_REQUIRE_SAMPLE(dir);
        m_project = QDir(dir).filePath(QStringLiteral("project.tanhui.json"));
        qunsetenv("DISPLAY");
        qunsetenv("QT_QPA_PLATFORM"); // the command must pick offscreen by itself
    }

    void defaultPng() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("map.png"));
        const test::CliRun r = runCli({ QStringLiteral("map"),
                                        QStringLiteral("--project"),
                                        m_project,
                                        QStringLiteral("--out"),
                                        out,
                                        QStringLiteral("--dpi"),
                                        QStringLiteral("120") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(out), qPrintable(r.err));
        const QImage image(out);
        QCOMPARE(image.size(), QSize(1403, 992)); // A4 landscape at 120 dpi
        std::set<QRgb> colours;
        for (int y = image.height() / 4; y < image.height() * 3 / 4; y += 2)
            for (int x = image.width() / 8; x < image.width() / 2; x += 2)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), qsizetype(1));
    }

    void pdfAndSvgInChinese() {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("map.pdf"));
        test::CliRun r = runCli({ QStringLiteral("map"),
                                  QStringLiteral("--project"),
                                  m_project,
                                  QStringLiteral("--lang"),
                                  QStringLiteral("zh_CN"),
                                  QStringLiteral("--date"),
                                  QStringLiteral("2015"),
                                  QStringLiteral("--out"),
                                  pdf });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QProcess p;
        p.start(QStringLiteral("pdftotext"), { pdf, QStringLiteral("-") });
        QVERIFY(p.waitForFinished(60000));
        // NFKC: the PDF's text layer may give a Kangxi radical for an ideograph of the same glyph (⼟ 土).
        const QString text =
          QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
        QVERIFY2(text.contains(QStringLiteral("Tanhui sample")), qPrintable(text.left(300)));
        QVERIFY2(text.contains(QStringLiteral("2015")) && text.contains(QStringLiteral("常绿阔叶林")),
                 qPrintable(text.left(300)));
        const QString svg = dir.filePath(QStringLiteral("map.svg"));
        r = runCli(
          { QStringLiteral("map"), QStringLiteral("--project"), m_project, QStringLiteral("--out"), svg });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("<svg"));
    }

    void namedLayoutAndAtlas() {
        QTemporaryDir dir;
        // A copy of the sample project (paths resolved against the original folder) with a layout.
        models::Project project = models::Project::load(m_project);
        for (models::ProjectLayer& l : project.layers)
            l.path = QDir(dir.path()).relativeFilePath(project.resolve(l.path));
        models::ProjectLayout layout;
        layout.name = QStringLiteral("districts");
        layout.title = QStringLiteral("Districts A5");
        layout.layers = { QStringLiteral("landcover_2021"), QStringLiteral("districts") };
        layout.page = QStringLiteral("A5");
        layout.orientation = QStringLiteral("portrait");
        layout.dpi = 72;
        layout.grid = true;
        layout.atlasLayer = QStringLiteral("districts");
        project.layouts.push_back(layout);
        const QString file = dir.filePath(QStringLiteral("project.tanhui.json"));
        project.save(file);
        const QString png = dir.filePath(QStringLiteral("a.png"));
        const test::CliRun r = runCli({ QStringLiteral("map"),
                                        QStringLiteral("--project"),
                                        file,
                                        QStringLiteral("--layout"),
                                        QStringLiteral("districts"),
                                        QStringLiteral("--out"),
                                        png });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList pngs = QDir(dir.path()).entryList({ QStringLiteral("a_*.png") });
        QVERIFY2(pngs.size() >= 2, qPrintable(pngs.join(QLatin1Char(' '))));
        for (const QString& name : pngs)
            QCOMPARE(QImage(dir.filePath(name)).size(), QSize(420, 595)); // A5 portrait at 72 dpi
    }

    void errorsNameTheOption() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("m.png"));
        const auto run = [&](const QStringList& extra) {
            return runCli(QStringList{ QStringLiteral("map"), QStringLiteral("--project"), m_project } +
                          extra);
        };
        const std::vector<std::pair<QStringList, QString>> cases = {
            { { QStringLiteral("--out"), dir.filePath(QStringLiteral("m.jpg")) }, QStringLiteral("--out") },
            { { QStringLiteral("--out"), out, QStringLiteral("--layout"), QStringLiteral("nope") },
              QStringLiteral("--layout nope: the project has no such layout") },
            { { QStringLiteral("--out"), out, QStringLiteral("--atlas"), QStringLiteral("nope") },
              QStringLiteral("--atlas nope: the project has no such layer") },
            { { QStringLiteral("--out"), out, QStringLiteral("--atlas"), QStringLiteral("landcover_2015") },
              QStringLiteral("--atlas landcover_2015") },
            { { QStringLiteral("--out"), out, QStringLiteral("--date"), QStringLiteral("2016") },
              QStringLiteral("--date 2016") },
            { { QStringLiteral("--out"), out, QStringLiteral("--dpi"), QStringLiteral("5") },
              QStringLiteral("--dpi 5") },
            { { QStringLiteral("--out"), out, QStringLiteral("--lang"), QStringLiteral("fr") },
              QStringLiteral("--lang fr") },
            { { QStringLiteral("--out"), dir.filePath(QStringLiteral("no/such/m.png")) },
              QStringLiteral("--out") },
        };
        for (const auto& [args, expected] : cases) {
            const test::CliRun r = run(args);
            QVERIFY2(r.exitCode != 0, qPrintable(args.join(QLatin1Char(' '))));
            QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        }
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliMap)
#include "tst_cli_map.moc"
