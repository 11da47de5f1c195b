// SPDX-License-Identifier: GPL-3.0-or-later
// Cancel through the C++ API (gis::Feedback, from another thread, at several points of each run): the
// run throws CancelledError promptly, no worker thread survives it (/proc/self/task is back to its
// count before the run), and a run writing through gis::StagedOutput leaves the previous outputs
// byte-identical with no staging folder. Sample generation, the carbon project run and zonal statistics.
#include "OutputSnapshot.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/Gdal.h"
#include "gis/ParcelReader.h"
#include "gis/StagedOutput.h"
#include "gis/ZonalEngine.h"
#include "models/carbon/CarbonProject.h"
#include "models/project/Project.h"
#include "models/sample/SampleProject.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

using namespace tanhui;
using tanhui::test::stagingLeftovers;
using tanhui::test::treeHashes;

namespace {

int threadCount() {
    return int(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

struct Cancelled {
    bool cancelled = false;
    qint64 runMs = 0;
    double latencyMs = 0; ///< cancel() to the exception
    int threadsAfter = 0;
    QString error; ///< another exception (a failure)
};

/// Runs `run` and calls feedback.cancel() from another thread after `delayMs`.
Cancelled runAndCancel(const std::function<void(gis::Feedback*)>& run, int delayMs) {
    gis::Feedback feedback;
    QElapsedTimer clock;
    clock.start();
    std::atomic<qint64> cancelAt{ -1 };
    std::atomic<bool> done{ false };
    std::thread canceller([&] {
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(delayMs);
        while (!done && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        if (!done) {
            cancelAt = clock.nsecsElapsed();
            feedback.cancel();
        }
    });
    Cancelled c;
    try {
        run(&feedback);
    } catch (const gis::CancelledError&) {
        c.cancelled = true;
    } catch (const std::exception& e) {
        c.error = QString::fromUtf8(e.what());
    }
    const qint64 end = clock.nsecsElapsed();
    done = true;
    canceller.join();
    c.runMs = end / 1000000;
    if (c.cancelled)
        c.latencyMs = double(end - cancelAt) / 1e6;
    c.threadsAfter = threadCount();
    return c;
}

} // namespace

class TestCancelInProcess : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_sample;
    int m_baseline = 0;
    double m_maxLatencyMs = 0;

    /// The first run (complete) then cancels at 0 %, 30 % and 70 % of its time: see the file comment.
    void checkCancels(const char* what,
                      const QString& target,
                      const std::function<void(gis::Feedback*)>& run) {
        const Cancelled first = runAndCancel(run, 1 << 30);
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QVERIFY(!first.cancelled);
        QCOMPARE(first.threadsAfter, m_baseline);
        const auto before = treeHashes(target);
        QVERIFY(!before.isEmpty());
        int cancelled = 0;
        QStringList figures;
        for (const double at : { 0.0, 0.3, 0.7 }) {
            const Cancelled c = runAndCancel(run, int(at * double(first.runMs)));
            figures << QStringLiteral("%1 %: %2 after %3 ms, latency %4 ms, %5 threads")
                         .arg(at * 100)
                         .arg(c.cancelled ? QStringLiteral("cancelled") : QStringLiteral("finished"))
                         .arg(c.runMs)
                         .arg(c.latencyMs, 0, 'f', 1)
                         .arg(c.threadsAfter);
            QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
            QCOMPARE(c.threadsAfter, m_baseline); // every worker joined
            QVERIFY(stagingLeftovers(target).isEmpty());
            if (!c.cancelled)
                continue;
            ++cancelled;
            m_maxLatencyMs = std::max(m_maxLatencyMs, c.latencyMs);
            QVERIFY2(c.latencyMs < 5000, qPrintable(figures.join(QStringLiteral("; "))));
            QVERIFY2(treeHashes(target) == before, "a cancelled run changed the previous outputs");
        }
        qInfo("%s: first run %lld ms; %s", what, first.runMs, qPrintable(figures.join(QStringLiteral("; "))));
        QVERIFY2(cancelled >= 2, qPrintable(figures.join(QStringLiteral("; "))));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        gis::initializeGdal();
        m_sample = m_dir.filePath(QStringLiteral("sample"));
        m_baseline = threadCount();
    }

    void sampleGeneration() {
        models::sample::SampleOptions options;
        options.size = models::sample::SampleSize::Test;
        checkCancels("sample", m_sample, [&](gis::Feedback* feedback) {
            gis::StagedOutput staged(m_sample);
            models::sample::generateSampleProject(staged.path(), options, feedback);
            staged.commit();
        });
    }

    void carbonProjectRun() {
        const QString out = m_dir.filePath(QStringLiteral("carbon"));
        const models::Project project =
          models::Project::load(QDir(m_sample).filePath(QStringLiteral("project.tanhui.json")));
        checkCancels("carbon project", out, [&](gis::Feedback* feedback) {
            gis::StagedOutput staged(out);
            models::carbon::CarbonProjectOptions options;
            options.outDir = staged.path().toStdString();
            options.feedback = feedback;
            const models::carbon::CarbonProjectRun run = models::carbon::runCarbonProject(project, options);
            QVERIFY(!run.stopped);
            staged.commit();
        });
    }

    void zonalStatistics() {
        std::vector<gis::ZonalBand> bands;
        for (const char* f : { "landcover_2015.tif", "landcover_2024.tif", "ndvi_2015-2024.tif" })
            gis::appendRasterBands(
              QDir(m_sample).filePath(QStringLiteral("rasters/") + QLatin1String(f)).toStdString(), bands);
        const Cancelled first = runAndCancel(
          [&](gis::Feedback* feedback) {
              gis::ParcelReadOptions read;
              const gis::ParcelSet parcels = gis::readParcels(
                QDir(m_sample).filePath(QStringLiteral("vectors/xiaoban.shp")).toStdString(), read, feedback);
              gis::ZonalOptions options;
              options.feedback = feedback;
              options.stats = gis::Stat::Count | gis::Stat::Mean | gis::Stat::Frac;
              gis::runZonal(parcels, bands, options);
          },
          1 << 30);
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QCOMPARE(first.threadsAfter, m_baseline);
        int cancelled = 0;
        for (const double at : { 0.0, 0.3, 0.7 }) {
            const Cancelled c = runAndCancel(
              [&](gis::Feedback* feedback) {
                  gis::ParcelReadOptions read;
                  const gis::ParcelSet parcels = gis::readParcels(
                    QDir(m_sample).filePath(QStringLiteral("vectors/xiaoban.shp")).toStdString(),
                    read,
                    feedback);
                  gis::ZonalOptions options;
                  options.feedback = feedback;
                  gis::runZonal(parcels, bands, options);
              },
              int(at * double(first.runMs)));
            QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
            QCOMPARE(c.threadsAfter, m_baseline);
            if (c.cancelled) {
                ++cancelled;
                m_maxLatencyMs = std::max(m_maxLatencyMs, c.latencyMs);
                QVERIFY2(c.latencyMs < 5000, qPrintable(QString::number(c.latencyMs)));
            }
        }
        QVERIFY(cancelled >= 1);
    }

    void cleanupTestCase() { qInfo("largest cancel latency: %.1f ms", m_maxLatencyMs); }
};

QTEST_GUILESS_MAIN(TestCancelInProcess)
#include "tst_cancel_inprocess.moc"
