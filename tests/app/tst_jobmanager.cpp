// SPDX-License-Identifier: GPL-3.0-or-later
// app/gui/JobManager and JobsDock (issue 13, "Jobs run in the background"): progress in order, FIFO,
// cancel of running and queued jobs, errors, destruction with a running job, the dock's rows and
// signals, and a real carbon project run cancelled mid-run leaving its output folder as it was.
#include "OutputSnapshot.h"
#include "TestUtil.h"
#include "app/gui/JobManager.h"
#include "app/gui/JobsDock.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "models/analysis/AnalysisSpec.h"
#include "models/project/Project.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>

using namespace tanhui;
using gui::JobManager;
using gui::JobState;
using models::analysis::AnalysisOutcome;

namespace {

void sleepMs(int ms) {
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

/// A job that reports `steps` progress steps `stepMs` apart and returns an outcome naming `outDir`.
JobManager::Task steppedJob(int steps, int stepMs, const QString& outDir = {}) {
    return [=](gis::Feedback* f) {
        for (int i = 1; i <= steps; ++i) {
            f->throwIfCancelled();
            sleepMs(stepMs);
            f->setProgress(100.0 * i / steps, "step " + std::to_string(i));
        }
        AnalysisOutcome outcome;
        outcome.outDir = outDir;
        outcome.files << outDir + QStringLiteral("/a.csv");
        return outcome;
    };
}

/// A job that runs until cancelled (checking every 5 ms) and records that it saw the cancel.
JobManager::Task untilCancelled(std::shared_ptr<std::atomic<bool>> started,
                                std::shared_ptr<std::atomic<bool>> sawCancel) {
    return [=](gis::Feedback* f) -> AnalysisOutcome {
        *started = true;
        for (int i = 0; i < 60000; ++i) { // 5 min at most
            if (f->isCancelled()) {
                *sawCancel = true;
                throw gis::CancelledError();
            }
            sleepMs(5);
        }
        return {};
    };
}

bool ended(const JobManager& m, int id) {
    const auto j = m.job(id);
    return j && j->isEnded();
}

} // namespace

class TstJobManager : public QObject {
    Q_OBJECT
private slots:
    void progressInOrderAndOutcome();
    void remainingEstimate();
    void fifoOneAtATime();
    void cancelRunning();
    void cancelQueued();
    void errorsBecomeFailed();
    void destroyWithRunningJob();
    void dockRowsAndSignals();
    void realCarbonRunCancelled();
};

void TstJobManager::progressInOrderAndOutcome() {
    JobManager m;
    QSignalSpy added(&m, &JobManager::jobAdded);
    QSignalSpy finished(&m, &JobManager::jobFinished);
    QList<double> seen;
    std::atomic<QThread*> ranOn{ nullptr };
    connect(&m, &JobManager::jobChanged, this, [&](int id) {
        if (const auto j = m.job(id); j && j->state == JobState::Running)
            seen << j->percent;
    });
#ifdef Q_OS_LINUX
    const int guiNice = ::getpriority(PRIO_PROCESS, id_t(::gettid()));
    std::atomic<int> workerNice{ -100 };
#endif
    const int id = m.addJob(QStringLiteral("stepped"), [&](gis::Feedback* f) {
        ranOn = QThread::currentThread();
#ifdef Q_OS_LINUX
        workerNice = ::getpriority(PRIO_PROCESS, id_t(::gettid()));
#endif
        return steppedJob(8, 130, QStringLiteral("/tmp/out"))(f);
    });
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.at(0).at(0).toInt(), id);
    QCOMPARE(m.job(id)->state, JobState::Running); // a free worker: it starts at once
    QTRY_VERIFY_WITH_TIMEOUT(ended(m, id), 10000);
    QCOMPARE(finished.size(), 1);
    const auto j = m.job(id);
    QCOMPARE(j->state, JobState::Finished);
    QCOMPARE(j->percent, 100.0);
    QVERIFY(j->outcome);
    QCOMPARE(j->outcome->outDir, QStringLiteral("/tmp/out"));
    QCOMPARE(j->outcome->files.size(), 1);
    QVERIFY(j->error.isEmpty());
    QVERIFY(j->elapsedMs >= 8 * 130 - 50);
    QVERIFY(ranOn.load() != nullptr);
    QVERIFY(ranOn.load() != QThread::currentThread()); // off the GUI thread
#ifdef Q_OS_LINUX
    QCOMPARE(workerNice.load(), std::min(19, guiNice + JobManager::kWorkerNice)); // below the GUI thread
#endif
    // Several reports arrived, in order.
    QVERIFY2(seen.size() >= 3, qPrintable(QString::number(seen.size())));
    for (qsizetype i = 1; i < seen.size(); ++i)
        QVERIFY(seen[i] >= seen[i - 1]);
    QCOMPARE(m.runningCount(), 0);
    QVERIFY(m.removeJob(id));
    QVERIFY(!m.job(id));
}

void TstJobManager::remainingEstimate() {
    // 30 steps of 100 ms (3 s): once past 1 s the estimate of what is left is about 3 s − elapsed.
    JobManager m;
    const int id = m.addJob(QStringLiteral("linear"), steppedJob(30, 100));
    QCOMPARE(m.job(id)->remainingMs, -1);
    QTRY_VERIFY_WITH_TIMEOUT(m.job(id)->remainingMs >= 0 || ended(m, id), 10000);
    const auto j = m.job(id);
    QCOMPARE(j->state, JobState::Running);
    QVERIFY(j->percent >= JobManager::kEstimateAfterPercent);
    QVERIFY(j->elapsedMs >= JobManager::kEstimateAfterMs);
    const double expected = 3000.0 - double(j->elapsedMs);
    QVERIFY2(
      std::abs(double(j->remainingMs) - expected) < 1200.0,
      qPrintable(QStringLiteral("remaining %1 ms, expected about %2 ms").arg(j->remainingMs).arg(expected)));
    QTRY_VERIFY_WITH_TIMEOUT(ended(m, id), 10000);
    QCOMPARE(m.job(id)->remainingMs, -1);
}

void TstJobManager::fifoOneAtATime() {
    JobManager m;
    QCOMPARE(m.maxConcurrent(), 1);
    std::mutex mutex;
    QList<int> order;
    std::atomic<int> running{ 0 }, maxRunning{ 0 };
    QList<int> ids;
    for (int k = 0; k < 4; ++k)
        ids << m.addJob(QStringLiteral("job %1").arg(k), [&, k](gis::Feedback*) {
            const int now = ++running;
            maxRunning = std::max(maxRunning.load(), now);
            {
                const std::lock_guard lock(mutex);
                order << k;
            }
            sleepMs(60);
            --running;
            return AnalysisOutcome{};
        });
    QCOMPARE(m.queuedCount(), 3);
    QCOMPARE(m.job(ids[1])->state, JobState::Queued);
    QTRY_VERIFY_WITH_TIMEOUT(ended(m, ids.last()), 10000);
    QCOMPARE(order, (QList<int>{ 0, 1, 2, 3 }));
    QCOMPARE(maxRunning.load(), 1);
    for (int id : ids)
        QCOMPARE(m.job(id)->state, JobState::Finished);
    QCOMPARE(m.jobIds(), ids);
}

void TstJobManager::cancelRunning() {
    JobManager m;
    auto started = std::make_shared<std::atomic<bool>>(false);
    auto sawCancel = std::make_shared<std::atomic<bool>>(false);
    QSignalSpy finished(&m, &JobManager::jobFinished);
    const int id = m.addJob(QStringLiteral("long"), untilCancelled(started, sawCancel));
    QTRY_VERIFY(started->load());
    QElapsedTimer t;
    t.start();
    QVERIFY(m.cancel(id));
    QVERIFY(m.job(id)->cancelRequested);
    QTRY_VERIFY_WITH_TIMEOUT(ended(m, id), 5000);
    const qint64 ms = t.elapsed();
    qInfo("cancel of a running job took %lld ms", ms);
    QVERIFY2(ms < 2000, qPrintable(QString::number(ms))); // a sanity bound, not a benchmark
    QCOMPARE(m.job(id)->state, JobState::Cancelled);
    QVERIFY(sawCancel->load());
    QVERIFY(!m.job(id)->outcome);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!m.cancel(id)); // already ended
}

void TstJobManager::cancelQueued() {
    JobManager m;
    auto started = std::make_shared<std::atomic<bool>>(false);
    auto sawCancel = std::make_shared<std::atomic<bool>>(false);
    std::atomic<bool> secondRan{ false };
    const int first = m.addJob(QStringLiteral("first"), untilCancelled(started, sawCancel));
    const int second = m.addJob(QStringLiteral("second"), [&](gis::Feedback*) {
        secondRan = true;
        return AnalysisOutcome{};
    });
    const int third = m.addJob(QStringLiteral("third"), steppedJob(2, 10));
    QCOMPARE(m.job(second)->state, JobState::Queued);
    QSignalSpy finished(&m, &JobManager::jobFinished);
    QVERIFY(m.cancel(second));
    QCOMPARE(m.job(second)->state, JobState::Cancelled); // at once, without running
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), second);
    QCOMPARE(m.queuedCount(), 1);
    QVERIFY(m.cancel(first));
    QTRY_VERIFY_WITH_TIMEOUT(ended(m, third), 5000);
    QCOMPARE(m.job(third)->state, JobState::Finished); // the queue goes on after a cancel
    QVERIFY(!secondRan.load());
    QCOMPARE(m.job(second)->elapsedMs, 0);
    QVERIFY(!m.job(second)->startedAt.isValid());
}

void TstJobManager::errorsBecomeFailed() {
    JobManager m;
    const int plain = m.addJob(QStringLiteral("throws"), [](gis::Feedback*) -> AnalysisOutcome {
        throw std::runtime_error("the disk is on fire");
    });
    const int gis = m.addJob(QStringLiteral("gis error"), [](gis::Feedback*) -> AnalysisOutcome {
        throw gis::GisError(gis::GisError::Kind::Open, "cannot open /no/such/file.tif", "/no/such/file.tif");
    });
    const int stopped = m.addJob(QStringLiteral("stopped"), [](gis::Feedback*) {
        AnalysisOutcome o;
        o.stopped = true;
        o.issues.push_back({ models::params::Issue::Severity::Error,
                             QStringLiteral("project.tanhui.json"),
                             0,
                             QStringLiteral("carbon.methods"),
                             QStringLiteral("unknown method 'poolz'") });
        return o;
    });
    const int after = m.addJob(QStringLiteral("after"), steppedJob(1, 1));
    QTRY_VERIFY_WITH_TIMEOUT(ended(m, after), 5000);
    QCOMPARE(m.job(plain)->state, JobState::Failed);
    QVERIFY2(m.job(plain)->error.contains(QStringLiteral("the disk is on fire")),
             qPrintable(m.job(plain)->error));
    QCOMPARE(m.job(gis)->state, JobState::Failed);
    QVERIFY(m.job(gis)->error.contains(QStringLiteral("cannot open /no/such/file.tif")));
    QCOMPARE(m.job(stopped)->state, JobState::Failed);
    QVERIFY2(m.job(stopped)->error.contains(QStringLiteral("unknown method 'poolz'")),
             qPrintable(m.job(stopped)->error));
    QVERIFY(m.job(stopped)->outcome); // its issues stay readable
    QCOMPARE(m.job(after)->state, JobState::Finished);
    m.removeEndedJobs();
    QVERIFY(m.jobIds().isEmpty());
}

void TstJobManager::destroyWithRunningJob() {
    auto started = std::make_shared<std::atomic<bool>>(false);
    auto sawCancel = std::make_shared<std::atomic<bool>>(false);
    std::atomic<bool> queuedRan{ false };
    QElapsedTimer t;
    {
        auto m = std::make_unique<JobManager>();
        m->addJob(QStringLiteral("long"), untilCancelled(started, sawCancel));
        m->addJob(QStringLiteral("queued"), [&](gis::Feedback*) {
            queuedRan = true;
            return AnalysisOutcome{};
        });
        QTRY_VERIFY(started->load());
        t.start();
        m.reset();
    }
    qInfo("destroying the manager with a running job took %lld ms", t.elapsed());
    QVERIFY(t.elapsed() < 2000);
    QVERIFY(sawCancel->load());
    QVERIFY(!queuedRan.load());
    QCoreApplication::processEvents(); // nothing posted to the dead manager is delivered
}

void TstJobManager::dockRowsAndSignals() {
    gui::JobsDock dock;
    dock.resize(420, 300);
    dock.show();
    JobManager* m = dock.manager();
    QSignalSpy open(&dock, &gui::JobsDock::openResults);
    QSignalSpy message(&dock, &gui::JobsDock::message);
    auto started = std::make_shared<std::atomic<bool>>(false);
    auto sawCancel = std::make_shared<std::atomic<bool>>(false);
    const int done = m->addJob(QStringLiteral("Quick run"), steppedJob(2, 20, QStringLiteral("/tmp/quick")));
    const int running = m->addJob(QStringLiteral("Long run"), untilCancelled(started, sawCancel));
    const int queued = m->addJob(QStringLiteral("Waiting run"), steppedJob(1, 1));
    auto row = [&](int id) { return dock.findChild<QWidget*>(QStringLiteral("jobRow_%1").arg(id)); };
    QVERIFY(row(done) && row(running) && row(queued));
    QTRY_VERIFY_WITH_TIMEOUT(ended(*m, done), 5000);
    QCOMPARE(message.size(), 1);
    QVERIFY(message.at(0).at(0).toString().contains(QStringLiteral("Quick run")));
    auto* openButton = row(done)->findChild<QPushButton*>(QStringLiteral("openResultsButton"));
    QVERIFY(openButton->isVisible());
    QVERIFY(!row(done)->findChild<QPushButton*>(QStringLiteral("cancelJobButton"))->isVisible());
    QVERIFY(row(done)
              ->findChild<QLabel*>(QStringLiteral("jobDetail"))
              ->text()
              .contains(QStringLiteral("/tmp/quick")));
    QTest::mouseClick(openButton, Qt::LeftButton);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.at(0).at(0).toInt(), done);
    // The queued job is cancelled from its row, then the running one.
    QTRY_VERIFY(started->load());
    QVERIFY(!row(running)->findChild<QPushButton*>(QStringLiteral("openResultsButton"))->isVisible());
    QTest::mouseClick(row(queued)->findChild<QPushButton*>(QStringLiteral("cancelJobButton")),
                      Qt::LeftButton);
    QCOMPARE(m->job(queued)->state, JobState::Cancelled);
    QTest::mouseClick(row(running)->findChild<QPushButton*>(QStringLiteral("cancelJobButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(ended(*m, running), 5000);
    QCOMPARE(m->job(running)->state, JobState::Cancelled);
    QCOMPARE(row(running)->findChild<QLabel*>(QStringLiteral("jobState"))->text(),
             JobManager::stateText(JobState::Cancelled));
    QCOMPARE(message.size(), 3);
    // Clear Finished removes the ended rows.
    QTest::mouseClick(dock.findChild<QPushButton*>(QStringLiteral("clearFinishedButton")), Qt::LeftButton);
    QVERIFY(!row(done) && !row(running) && !row(queued));
    QVERIFY(dock.findChild<QLabel*>(QStringLiteral("jobsEmptyLabel"))->isVisible());
    QCOMPARE(gui::JobsDock::formatDuration(65'400), QStringLiteral("1:05"));
    QCOMPARE(gui::JobsDock::formatDuration(3'723'000), QStringLiteral("1:02:03"));
}

void TstJobManager::realCarbonRunCancelled() {
    // The carbon project run on the sample, through a staged output folder, cancelled mid-run: the
    // previous outputs stay byte for byte and no staging folder remains (issue 10, "Atomic runs").
    TANHUI_REQUIRE_SAMPLE(sample);
    const models::Project project =
      models::Project::load(QDir(sample).filePath(QStringLiteral("project.tanhui.json")));
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString out = tmp.filePath(QStringLiteral("carbon"));
    QVERIFY(QDir().mkpath(out + QStringLiteral("/rasters/pools")));
    auto write = [](const QString& path, const QByteArray& bytes) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write(out + QStringLiteral("/parcels.csv"), "layer,fid,c_total_t_2015\nxiaoban,1,12.5\n");
    write(out + QStringLiteral("/summary.csv"), "quantity,value,unit\nstock_2015,12.5,t C\n");
    write(out + QStringLiteral("/rasters/pools/c_density_2015.tif"), QByteArray(4096, '\x2a'));
    write(out + QStringLiteral("/notes.txt"), "the user's own notes\n");
    const auto before = test::treeHashes(out);

    auto sawCancel = std::make_shared<std::atomic<bool>>(false);
    JobManager m;
    const int id = m.addJob(QStringLiteral("Carbon"), [project, out, sawCancel](gis::Feedback* f) {
        // The declared analysis, as Analysis ▸ Carbon queues it (MainWindow::runAnalysis).
        try {
            return models::analysis::findAnalysis(QStringLiteral("carbon_project"))
              ->run(project, { { QStringLiteral("out"), out }, { QStringLiteral("threads"), 2 } }, f);
        } catch (const gis::CancelledError&) {
            *sawCancel = true;
            throw;
        }
    });
    // Mid-run: a third of the way, with outputs already written into the staging folder.
    QTRY_VERIFY_WITH_TIMEOUT(m.job(id)->percent >= 30.0 || ended(m, id), 600000);
    QCOMPARE(m.job(id)->state, JobState::Running);
    const QStringList staging = test::stagingLeftovers(out);
    QCOMPARE(staging.size(), 1);
    const auto written = test::treeHashes(QFileInfo(out).dir().filePath(staging.first()));
    qInfo("%lld files and folders in the staging folder", qlonglong(written.size()));
    qInfo("cancelling at %.1f %% (%s) after %lld ms",
          m.job(id)->percent,
          qPrintable(m.job(id)->stage),
          m.job(id)->elapsedMs);
    QElapsedTimer t;
    t.start();
    QVERIFY(m.cancel(id));
    QTRY_VERIFY_WITH_TIMEOUT(ended(m, id), 120000);
    qInfo("the run stopped %lld ms after the cancel", t.elapsed());
    QCOMPARE(m.job(id)->state, JobState::Cancelled);
    QVERIFY(sawCancel->load());
    QCOMPARE(test::treeHashes(out), before);
    QCOMPARE(test::stagingLeftovers(out), QStringList());
}

QTEST_MAIN(TstJobManager)
#include "tst_jobmanager.moc"
