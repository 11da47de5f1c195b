// SPDX-License-Identifier: GPL-3.0-or-later
// Analyses in the app (issue 13, "Acceptance"): the carbon project run and GEP on the sample project through
// their forms (Analysis menu → AnalysisDialog → Jobs dock → Results dock) give the same tables as
// tanhui-cli for the same project and settings (the fixture sample_results_setup runs the CLI); a run
// cancelled through the Jobs dock leaves the previous result folder byte-identical with no staging folder;
// invalid input lists every problem and keeps Run disabled.
#include "CliRun.h"
#include "app/gui/AnalysisDialog.h"
#include "app/gui/ChartsDock.h"
#include "app/gui/JobManager.h"
#include "app/gui/JobsDock.h"
#include "app/gui/MainWindow.h"
#include "app/gui/PlanDialog.h"
#include "app/gui/ResultCharts.h"
#include "app/gui/ResultsDock.h"
#include "models/analysis/ResultSet.h"
#include "models/plans/PlanTestProject.h"
#include "models/project/Project.h"
#include "tests/TestUtil.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace tanhui;
using gui::JobState;
namespace analysis = tanhui::models::analysis;

namespace {

constexpr int kRunTimeoutMs = 1500000; // a loaded 2-core CI machine

/// Every file under `dir` (relative path → SHA-256).
QMap<QString, QByteArray> snapshot(const QString& dir) {
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        out.insert(QDir(dir).relativeFilePath(path),
                   QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
    }
    return out;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Waits until job `id` has ended (at most kRunTimeoutMs); its final state (Running when it did not end).
JobState waitEnded(gui::JobManager* jobs, int id) {
    QElapsedTimer timer;
    timer.start();
    while (!(jobs->job(id) && jobs->job(id)->isEnded()) && timer.elapsed() < kRunTimeoutMs)
        QTest::qWait(50);
    return jobs->job(id) ? jobs->job(id)->state : JobState::Running;
}

} // namespace

class TestAnalysisGui : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;
    QString m_results; ///< the fixture's carbon and GEP runs (TANHUI_TEST_RESULTS)
    std::unique_ptr<gui::MainWindow> m_window;

    /// Opens the form of `id`, applies `values`, runs it and waits for its job; the job id.
    int runThroughDialog(const QString& id, const QVariantMap& values) {
        gui::AnalysisDialog* dialog = m_window->showAnalysisDialog(id);
        if (!dialog)
            return -1;
        for (auto it = values.begin(); it != values.end(); ++it)
            dialog->setValue(it.key(), it.value());
        dialog->validateNow();
        if (!dialog->runButton()->isEnabled()) {
            QStringList problems;
            for (int i = 0; i < dialog->problemList()->count(); ++i)
                problems << dialog->problemList()->item(i)->text() + QStringLiteral(" | ") +
                              dialog->problemList()->item(i)->toolTip();
            qWarning() << problems;
            return -1;
        }
        gui::JobManager* jobs = m_window->jobsDock()->manager();
        QSignalSpy added(jobs, &gui::JobManager::jobAdded);
        dialog->runButton()->click();
        return added.count() == 1 ? added.first().first().toInt() : -1;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString sample = test::sampleProjectDir();
        QVERIFY2(!sample.isEmpty(), "the sample project (fixture sample_project_setup) is missing");
        m_project = sample + QStringLiteral("/project.tanhui.json");
        m_results = qEnvironmentVariable("TANHUI_TEST_RESULTS");
        QVERIFY2(QFile::exists(m_results + QStringLiteral("/gep/resultset.json")),
                 "the sample's results (fixture sample_results_setup) are missing");
        m_window = std::make_unique<gui::MainWindow>();
        // The windows here change the shared sample project (Run stores the inputs in it) for minutes:
        // no autosave beside it, which would stop other GUI tests opening it at the recovery question.
        m_window->setAutosaveInterval(0);
        m_window->openFile(m_project);
        // The Analysis menu offers every declared analysis.
        QVERIFY(m_window->findChild<QAction*>(QStringLiteral("analysisAction_carbon_project")));
        QVERIFY(m_window->findChild<QAction*>(QStringLiteral("analysisAction_gep")));
        QVERIFY(m_window->findChild<QAction*>(QStringLiteral("analysisAction_zonal")));
        QVERIFY(m_window->findChild<QAction*>(QStringLiteral("analysisAction_carbon_method")));
        QVERIFY(m_window->findChild<QAction*>(QStringLiteral("analysisAction_restoration_plan")));
    }

    /// The carbon project run through its form, with the fixture's Monte Carlo settings, equals
    /// tanhui-cli carbon --project on the same project (fixture sample_results_setup,
    /// tests/sample_results.sh): the same parcels and totals tables with bounds, byte for byte; the
    /// finished job opened its results in the Results dock.
    void carbonMatchesCli() {
        const QString gui = m_dir.filePath(QStringLiteral("carbon_gui"));
        const int id = runThroughDialog(QStringLiteral("carbon_project"),
                                        { { QStringLiteral("out"), gui },
                                          { QStringLiteral("uncertainty"), true },
                                          { QStringLiteral("iterations"), 30 },
                                          { QStringLiteral("seed"), 42 },
                                          { QStringLiteral("default_uncertainty"), 20 } });
        QVERIFY(id >= 0);
        gui::JobManager* jobs = m_window->jobsDock()->manager();
        QCOMPARE(waitEnded(jobs, id), JobState::Finished);

        const QString cli = m_results + QStringLiteral("/carbon");
        for (const char* table : { "parcels.csv",
                                   "totals_by_ecosystem_type.csv",
                                   "totals_by_district.csv",
                                   "totals_by_pool.csv",
                                   "ledger_check.csv",
                                   "summary.csv" }) {
            const QByteArray a = readAll(gui + QLatin1Char('/') + QLatin1String(table));
            QVERIFY2(!a.isEmpty(), table);
            QVERIFY2(a == readAll(cli + QLatin1Char('/') + QLatin1String(table)), table);
        }
        const models::analysis::ResultSet* shown = m_window->resultsDock()->carbon();
        QVERIFY(shown);
        const models::analysis::ResultSet fromCli = models::analysis::readResultSet(cli.toStdString());
        QCOMPARE(shown->table(QStringLiteral("parcels"))->rowCount(),
                 fromCli.table(QStringLiteral("parcels"))->rowCount());
        QVERIFY(!m_window->resultsDock()->isHidden());
    }

    /// Cancelling a rerun into the same folder leaves it byte-identical, with no staging folder.
    void cancelKeepsPreviousOutputs() {
        const QString gui = m_dir.filePath(QStringLiteral("carbon_gui"));
        const QMap<QString, QByteArray> before = snapshot(gui);
        QVERIFY(!before.isEmpty());
        gui::JobManager* jobs = m_window->jobsDock()->manager();
        const int id =
          m_window->runAnalysis(QStringLiteral("carbon_project"), { { QStringLiteral("out"), gui } });
        QVERIFY(id >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(jobs->job(id)->percent >= 5.0 || jobs->job(id)->isEnded(), kRunTimeoutMs);
        QVERIFY(jobs->cancel(id));
        QCOMPARE(waitEnded(jobs, id), JobState::Cancelled);
        QCOMPARE(snapshot(gui), before);
        const QStringList siblings =
          QDir(m_dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
        QCOMPARE(siblings, QStringList{ QStringLiteral("carbon_gui") });
    }

    /// GEP through its form, on the carbon run above, equals tanhui-cli gep on the fixture's carbon
    /// (byte-identical to it).
    void gepMatchesCli() {
        const QString carbon = m_dir.filePath(QStringLiteral("carbon_gui"));
        const QString gui = m_dir.filePath(QStringLiteral("gep_gui"));
        const int id =
          runThroughDialog(QStringLiteral("gep"),
                           { { QStringLiteral("out"), gui }, { QStringLiteral("carbon_results"), carbon } });
        QVERIFY(id >= 0);
        QCOMPARE(waitEnded(m_window->jobsDock()->manager(), id), JobState::Finished);
        const QString cli = m_results + QStringLiteral("/gep");
        for (const char* table : { "indicators.csv", "totals.csv", "skipped.csv" }) {
            const QByteArray a = readAll(gui + QLatin1Char('/') + QLatin1String(table));
            QVERIFY2(!a.isEmpty(), table);
            QVERIFY2(a == readAll(cli + QLatin1Char('/') + QLatin1String(table)), table);
        }
        QVERIFY(m_window->resultsDock()->gep());
    }

    /// Invalid input: every problem listed at once, naming the option, and Run disabled.
    void invalidInput() {
        gui::AnalysisDialog* dialog = m_window->showAnalysisDialog(QStringLiteral("gep"));
        QVERIFY(dialog);
        dialog->setValue(QStringLiteral("out"), QString());
        dialog->setValue(QStringLiteral("ac_days"), 400);
        dialog->setValue(QStringLiteral("carbon_results"), m_dir.filePath(QStringLiteral("no_such_folder")));
        dialog->validateNow();
        QStringList problems;
        for (int i = 0; i < dialog->problemList()->count(); ++i)
            problems << dialog->problemList()->item(i)->text() + QStringLiteral(" | ") +
                          dialog->problemList()->item(i)->toolTip();
        const QString all = problems.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("--out")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("--ac-days")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("no_such_folder")), qPrintable(all));
        QVERIFY(!dialog->runButton()->isEnabled());
        dialog->close();
    }

    /// Zonal statistics through their form (Analysis ▸ Zonal statistics…): the job's table equals
    /// tanhui-cli zonal on the same files, cell by cell; the Results dock shows it.
    void zonalMatchesCli() {
        const models::Project project = models::Project::load(m_project);
        const models::ProjectLayer* xiaoban = project.layer(QStringLiteral("xiaoban"));
        QVERIFY(xiaoban);
        const QString gui = m_dir.filePath(QStringLiteral("zonal_gui"));
        const int id = runThroughDialog(
          QStringLiteral("zonal"),
          { { QStringLiteral("parcels"), QStringLiteral("xiaoban") },
            { QStringLiteral("rasters"),
              QStringList{ QStringLiteral("landcover_2015"), QStringLiteral("landcover_2024") } },
            { QStringLiteral("stats"),
              QStringList{ QStringLiteral("count"),
                           QStringLiteral("majority"),
                           QStringLiteral("frac"),
                           QStringLiteral("area") } },
            { QStringLiteral("out"), gui } });
        QVERIFY(id >= 0);
        QCOMPARE(waitEnded(m_window->jobsDock()->manager(), id), JobState::Finished);
        QTest::qWait(50);
        const QString cli = m_dir.filePath(QStringLiteral("zonal_cli.csv"));
        const auto run =
          test::runCli({ QStringLiteral("zonal"),
                         QStringLiteral("--parcels"),
                         project.resolve(xiaoban->path),
                         QStringLiteral("--id"),
                         xiaoban->idField,
                         QStringLiteral("--raster"),
                         project.resolve(project.layer(QStringLiteral("landcover_2015"))->path),
                         QStringLiteral("--raster"),
                         project.resolve(project.layer(QStringLiteral("landcover_2024"))->path),
                         QStringLiteral("--stats"),
                         QStringLiteral("count,majority,frac,area"),
                         QStringLiteral("--out"),
                         cli,
                         QStringLiteral("--quiet") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        auto rows = [](const QString& path) {
            QList<QStringList> out;
            for (const QByteArray& line : readAll(path).split('\n'))
                if (!line.trimmed().isEmpty())
                    out << QString::fromUtf8(line.trimmed()).split(QLatin1Char(','));
            return out;
        };
        const QList<QStringList> a = rows(gui + QStringLiteral("/zonal.csv"));
        const QList<QStringList> b = rows(cli);
        QVERIFY(a.size() > 100);
        QCOMPARE(a.size(), b.size());
        QCOMPARE(a.front(), b.front()); // the same columns (layer ids are the files' names here)
        for (qsizetype r = 1; r < a.size(); ++r) {
            QCOMPARE(a[r].size(), b[r].size());
            for (qsizetype c = 0; c < a[r].size(); ++c) {
                bool okA = false, okB = false;
                const double x = a[r][c].toDouble(&okA), y = b[r][c].toDouble(&okB);
                if (okA && okB)
                    QVERIFY2(std::abs(x - y) <= 1e-9 * std::max(1.0, std::abs(y)),
                             qPrintable(a.front()[c] + QStringLiteral(": ") + a[r][c] +
                                        QStringLiteral(" vs ") + b[r][c]));
                else
                    QCOMPARE(a[r][c], b[r][c]);
            }
        }
        QVERIFY(m_window->resultsDock()->showParcelTable(QStringLiteral("zonal")));
    }

    /// One carbon method through its form (Analysis ▸ One carbon method on a parcel layer…): the volume
    /// method on the 小班 gives every stand the stocks of the volume rows of the project run (fixture
    /// sample_results_setup), which computes the same method for the same stands among its forest methods.
    void carbonMethodMatchesTheProjectRun() {
        const QString gui = m_dir.filePath(QStringLiteral("carbon_volume"));
        const int id = runThroughDialog(QStringLiteral("carbon_method"),
                                        { { QStringLiteral("layer"), QStringLiteral("xiaoban") },
                                          { QStringLiteral("method"), QStringLiteral("volume") },
                                          { QStringLiteral("uncertainty"), false },
                                          { QStringLiteral("out"), gui } });
        QVERIFY(id >= 0);
        QCOMPARE(waitEnded(m_window->jobsDock()->manager(), id), JobState::Finished);
        const analysis::ResultSet one = analysis::readResultSet(gui.toStdString());
        const analysis::ResultSet all =
          analysis::readResultSet((m_results + QStringLiteral("/carbon")).toStdString());
        const analysis::Table& a = *one.table(QStringLiteral("parcels"));
        const analysis::Table& b = *all.table(QStringLiteral("parcels"));
        std::map<qint64, std::size_t> volumeRow; // the project run's volume row per 小班 FID
        for (std::size_t i = 0; i < b.rowCount(); ++i)
            if (b.value(i, QStringLiteral("layer")).toString() == QLatin1String("xiaoban") &&
                b.value(i, QStringLiteral("method")).toString() == QLatin1String("volume"))
                volumeRow[b.value(i, QStringLiteral("source_fid")).toLongLong()] = i;
        // Every stand (the project run computes volume only for the forest types that list it).
        QVERIFY(a.rowCount() > 100);
        QVERIFY(a.rowCount() >= volumeRow.size() && volumeRow.size() > a.rowCount() / 2);
        QStringList stockColumns;
        for (const analysis::Column& c : a.columns)
            if (c.name.startsWith(QLatin1String("c_total_t_")) && b.columnIndex(c.name) >= 0)
                stockColumns << c.name;
        QVERIFY(!stockColumns.isEmpty());
        int compared = 0;
        for (std::size_t i = 0; i < a.rowCount(); ++i) {
            QCOMPARE(a.value(i, QStringLiteral("method")).toString(), QStringLiteral("volume"));
            const auto found = volumeRow.find(a.value(i, QStringLiteral("source_fid")).toLongLong());
            if (found == volumeRow.end())
                continue;
            const std::size_t j = found->second;
            for (const QString& c : stockColumns) {
                const QVariant x = a.value(i, c), y = b.value(j, c);
                QCOMPARE(x.isNull(), y.isNull());
                if (!x.isNull()) {
                    QVERIFY2(std::abs(x.toDouble() - y.toDouble()) <=
                               1e-9 * std::max(1.0, std::abs(y.toDouble())),
                             qPrintable(c));
                    ++compared;
                }
            }
        }
        QVERIFY(compared > 100);
    }

    /// A restoration plan run from the app (issue 13, "Restoration plans"): File ▸ Restoration Plans…,
    /// Run Plan… opens the plan's form (the declared "restoration_plan" analysis) for the current plan; its
    /// job gives the same tables as tanhui-cli plan on the same project; the Results dock shows the plan, the
    /// map gets its difference layer and the Result Charts its two charts.
    void planThroughItsDialog() {
        // Run Plan… saves the project: a copy of the shared sample's project file, its folders linked.
        const QString sample = QFileInfo(m_project).absolutePath();
        const QString copy = m_dir.filePath(QStringLiteral("plan_project"));
        QVERIFY(QDir().mkpath(copy));
        for (const QString& entry : QDir(sample).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QVERIFY(QFile::link(QDir(sample).filePath(entry), QDir(copy).filePath(entry)));
        const QString project = QDir(copy).filePath(QStringLiteral("project.tanhui.json"));
        QVERIFY(QFile::copy(m_project, project));
        gui::MainWindow window;
        window.setCloseQuestion([] { return gui::MainWindow::CloseAnswer::Discard; });
        window.setAutosaveInterval(0);
        window.setRecoverQuestion([](const QString&, const QString&) { return false; });
        window.openFile(project);

        gui::PlanDialog* plans = window.showPlanDialog();
        QVERIFY(plans);
        plans->setCurrentPlan(0);
        const QString name = plans->project().plans.at(0).name;
        QVERIFY2(plans->problems().isEmpty(), qPrintable(plans->problems().join(QLatin1Char('\n'))));
        const int layersBefore = window.layerCount();
        QVERIFY(plans->requestRun());       // saves the project, then asks for the form
        QPointer<gui::AnalysisDialog> form; // Run closes (and deletes) it
        for (gui::AnalysisDialog* d : window.findChildren<gui::AnalysisDialog*>())
            if (d->isVisible() && d->windowTitle().contains(QStringLiteral("plan"), Qt::CaseInsensitive))
                form = d;
        QVERIFY(form);
        QCOMPARE(form->values().value(QStringLiteral("plan")).toString(), name);
        const QString gui = m_dir.filePath(QStringLiteral("plan_gui"));
        form->setValue(QStringLiteral("out"), gui);
        form->setValue(QStringLiteral("carbon_results"), m_results + QStringLiteral("/carbon"));
        form->setValue(QStringLiteral("gep"), true);
        form->validateNow();
        QVERIFY(form->runButton()->isEnabled());
        gui::JobManager* jobs = window.jobsDock()->manager();
        QSignalSpy added(jobs, &gui::JobManager::jobAdded);
        form->runButton()->click();
        QCOMPARE(added.count(), 1);
        QCOMPARE(waitEnded(jobs, added.first().first().toInt()), JobState::Finished);
        QTest::qWait(50);
        // The CLI on the project as the job read it (the saved file).
        const QString cli = m_dir.filePath(QStringLiteral("plan_cli"));
        const auto run = test::runCli({ QStringLiteral("plan"),
                                        QStringLiteral("--project"),
                                        project,
                                        QStringLiteral("--plan"),
                                        name,
                                        QStringLiteral("--carbon-results"),
                                        m_results + QStringLiteral("/carbon"),
                                        QStringLiteral("--gep"),
                                        QStringLiteral("--out"),
                                        cli,
                                        QStringLiteral("--quiet") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (const char* table :
             { "plan_parcels.csv", "plan_totals.csv", "plan_gep_parcels.csv", "plan_gep_services.csv" }) {
            const QByteArray a = readAll(gui + QLatin1Char('/') + QLatin1String(table));
            QVERIFY2(!a.isEmpty(), table);
            QVERIFY2(a == readAll(cli + QLatin1Char('/') + QLatin1String(table)), table);
        }
        QVERIFY(QFile::exists(gui + QStringLiteral("/plan_parcels.gpkg")));
        // Shown: the Results dock's plan run, its difference layer on the map, its charts.
        QVERIFY(window.resultsDock()->shownPlan());
        QVERIFY(window.resultsDock()->showParcelTable(QStringLiteral("plan_parcels")));
        QCOMPARE(window.layerCount(), layersBefore + 1);
        gui::ChartsDock* charts = window.chartsDock();
        QVERIFY(charts);
        QVERIFY(charts->charts()->chart(gui::ResultCharts::Chart::PlanCarbon));
        QVERIFY(charts->charts()->chart(gui::ResultCharts::Chart::PlanGep));
        plans->close();
        if (form)
            form->close();
    }

    /// A job's results join the project it was started for only: GEP queued on the sample, then another
    /// project opened while it runs; the finished job's folder is complete but not shown in the Results
    /// dock nor listed in the other project.
    void resultsStayWithTheirProject() {
        QTemporaryDir otherDir;
        const QString other = test::writePlanProject(otherDir, "[]"); // a small valid project
        gui::MainWindow window;
        window.setCloseQuestion([] { return gui::MainWindow::CloseAnswer::Discard; });
        window.setAutosaveInterval(0);
        window.setRecoverQuestion([](const QString&, const QString&) { return false; });
        window.openFile(m_project);
        const QString out = m_dir.filePath(QStringLiteral("gep_other"));
        const int id =
          window.runAnalysis(QStringLiteral("gep"),
                             { { QStringLiteral("out"), out },
                               { QStringLiteral("carbon_results"), m_results + QStringLiteral("/carbon") } });
        QVERIFY(id >= 0);
        window.openFile(other);
        QCOMPARE(waitEnded(window.jobsDock()->manager(), id), JobState::Finished);
        QTest::qWait(50); // the finished signal's handlers
        QVERIFY(QFile::exists(out + QStringLiteral("/resultset.json")));
        QVERIFY(!window.resultsDock()->gep());
        QVERIFY(window.resultsDock()->projectResults(otherDir.path()).empty());
    }

    /// Closing the window while an analysis runs asks first: No keeps the window and the job; Yes cancels
    /// the job (its new output folder never appears) and closes.
    void closeAsksWhileJobsRun() {
        gui::MainWindow window;
        window.setCloseQuestion([] { return gui::MainWindow::CloseAnswer::Discard; });
        window.setAutosaveInterval(0);
        window.setRecoverQuestion([](const QString&, const QString&) { return false; });
        window.openFile(m_project);
        window.show();
        gui::JobManager* jobs = window.jobsDock()->manager();
        const QString out = m_dir.filePath(QStringLiteral("carbon_closed"));
        const int id =
          window.runAnalysis(QStringLiteral("carbon_project"), { { QStringLiteral("out"), out } });
        QVERIFY(id >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(jobs->job(id)->state == JobState::Running, kRunTimeoutMs);
        int asked = -1;
        window.setJobsQuestion([&asked](int count) {
            asked = count;
            return false;
        });
        QVERIFY(!window.close());
        QCOMPARE(asked, 1);
        QVERIFY(window.isVisible());
        QCOMPARE(jobs->job(id)->state, JobState::Running);
        window.setJobsQuestion([](int) { return true; });
        QVERIFY(window.close());
        QCOMPARE(waitEnded(jobs, id), JobState::Cancelled);
        QVERIFY(!QFileInfo::exists(out));
    }
};

QTEST_MAIN(TestAnalysisGui)
#include "tst_analysis_gui.moc"
