// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-bench-jobs: does the user interface stay responsive while a city-scale carbon run with Monte
// Carlo runs in the background (issue 13: no event-loop stall over 100 ms)? Usage:
//   tanhui-bench-jobs [--scene DIR] [--iterations N] [--threads N] [--max-stall-ms MS] [--baseline-s S]
//                     [--keep DIR]
// DIR holds the scene of tanhui-bench-scene (landcover_2015.tif, landcover_2024.tif, parcels.gpkg;
// default build/bench-data, as scripts/bench.sh caches it). The benchmark writes a carbon project on
// that scene (the pools method of carbon-methods.md §1 on every parcel, two dates, the benchmark pools
// table of scripts/bench-carbon.sh with its u_pct, carbon.uncertainty with N iterations), shows the
// Jobs dock (offscreen unless QT_QPA_PLATFORM says otherwise) and queues the run in its JobManager,
// as the app does. Meanwhile a 10 ms timer on the GUI thread records how late each tick comes; the
// lateness beyond the 10 ms is the stall (measured for S seconds without a job first, to show the
// machine's own share, then during the job). Prints the worst, 99th-percentile and median stall, the
// job's wall time and state; exits 1 when the job does not finish or the worst stall exceeds
// --max-stall-ms (default 100).
#include "app/gui/JobManager.h"
#include "app/gui/JobsDock.h"
#include "gis/Gdal.h"
#include "models/analysis/AnalysisSpec.h"
#include "models/project/Project.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

// The benchmark pools table of scripts/bench-carbon.sh: benchmark values tagged example, u_pct the
// row-wide 95 % half-width in % (docs/uncertainty.md).
const char* const kPools = "lucode,lulc_name,c_above,c_below,c_soil,c_dead,u_pct,source,tag\n"
                           "11,paddy,3,1,45,0,30,benchmark value,example\n"
                           "12,dry land,2,1,40,0,30,benchmark value,example\n"
                           "13,orchard,20,5,45,1,50,benchmark value,example\n"
                           "21,forest,60,14,60,3,90,benchmark value,example\n"
                           "22,shrub,10,4,50,1,90,benchmark value,example\n"
                           "23,sparse woodland,25,6,50,2,90,benchmark value,example\n"
                           "31,grassland,2,3,45,0,75,benchmark value,example\n"
                           "41,water,0,0,0,0,,benchmark value,example\n"
                           "42,fish ponds,0,0,30,0,50,benchmark value,example\n"
                           "51,urban,1,0,20,0,50,benchmark value,example\n"
                           "52,rural settlement,2,1,25,0,50,benchmark value,example\n"
                           "61,bare rock,0,0,5,0,90,benchmark value,example\n";

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size() && f.flush();
}

/// The project file of the scene in `sceneDir`, written into `projectDir` (paths relative to it).
QByteArray projectJson(const QString& projectDir, const QString& sceneDir, int iterations) {
    const QDir p(projectDir);
    auto rel = [&](const char* name) {
        return p.relativeFilePath(QDir(sceneDir).absoluteFilePath(QString::fromLatin1(name)));
    };
    return QStringLiteral(R"({
  "format": "tanhui-project",
  "version": 1,
  "name": "jobs benchmark",
  "crs": "EPSG:4547",
  "layers": [
    { "id": "landcover_2015", "kind": "raster", "role": "landcover", "path": "%1", "year": 2015, "units": "class" },
    { "id": "landcover_2024", "kind": "raster", "role": "landcover", "path": "%2", "year": 2024, "units": "class" },
    { "id": "parcels", "kind": "vector", "role": "farmland_plots", "path": "%3", "id_field": "id" }
  ],
  "parameters": [ { "name": "carbon/bench_pools", "path": "bench_pools.csv" } ],
  "carbon": {
    "years": [2015, 2024],
    "layers": [ { "layer": "parcels", "ecosystem_type": "cropland" } ],
    "methods": { "cropland": { "method": "pools" } },
    "parameters": { "pools": "carbon/bench_pools" },
    "uncertainty": { "iterations": %4, "seed": 42 }
  }
}
)")
      .arg(rel("landcover_2015.tif"), rel("landcover_2024.tif"), rel("parcels.gpkg"))
      .arg(iterations)
      .toUtf8();
}

double percentile(std::vector<double> v, double q) {
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t k = std::min(v.size() - 1, std::size_t(q * double(v.size() - 1) + 0.5));
    return v[k];
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    tanhui::gis::initializeGdal();
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sceneOpt(QStringLiteral("scene"),
                                      QStringLiteral("folder of the tanhui-bench-scene scene"),
                                      QStringLiteral("DIR"),
                                      QStringLiteral("build/bench-data"));
    const QCommandLineOption iterOpt(QStringLiteral("iterations"),
                                     QStringLiteral("Monte Carlo iterations"),
                                     QStringLiteral("N"),
                                     QStringLiteral("200"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"),
                                        QStringLiteral("threads of the run (0: all cores)"),
                                        QStringLiteral("N"),
                                        QStringLiteral("0"));
    const QCommandLineOption maxOpt(QStringLiteral("max-stall-ms"),
                                    QStringLiteral("fail above this worst stall"),
                                    QStringLiteral("MS"),
                                    QStringLiteral("100"));
    const QCommandLineOption baselineOpt(QStringLiteral("baseline-s"),
                                         QStringLiteral("seconds measured without a job first"),
                                         QStringLiteral("S"),
                                         QStringLiteral("10"));
    const QCommandLineOption keepOpt(QStringLiteral("keep"),
                                     QStringLiteral("write the project and outputs here and keep them"),
                                     QStringLiteral("DIR"));
    parser.addOptions({ sceneOpt, iterOpt, threadsOpt, maxOpt, baselineOpt, keepOpt });
    parser.process(app);

    const QString scene = QDir(parser.value(sceneOpt)).absolutePath();
    for (const char* name : { "landcover_2015.tif", "landcover_2024.tif", "parcels.gpkg" })
        if (!QFile::exists(QDir(scene).filePath(QString::fromLatin1(name)))) {
            std::fprintf(stderr,
                         "tanhui-bench-jobs: %s/%s is missing; generate the scene first "
                         "(scripts/bench.sh, or tanhui-bench-scene --out %s)\n",
                         qPrintable(scene),
                         name,
                         qPrintable(scene));
            return 2;
        }
    QTemporaryDir tmp;
    const QString work = parser.isSet(keepOpt) ? QDir(parser.value(keepOpt)).absolutePath() : tmp.path();
    QDir().mkpath(work);
    const int iterations = parser.value(iterOpt).toInt();
    const int threads = parser.value(threadsOpt).toInt();
    const double maxStall = parser.value(maxOpt).toDouble();
    if (!writeFile(QDir(work).filePath(QStringLiteral("bench_pools.csv")), kPools) ||
        !writeFile(QDir(work).filePath(QStringLiteral("project.tanhui.json")),
                   projectJson(work, scene, iterations))) {
        std::fprintf(stderr, "tanhui-bench-jobs: cannot write into %s\n", qPrintable(work));
        return 2;
    }
    const QString projectFile = QDir(work).filePath(QStringLiteral("project.tanhui.json"));
    const QString outDir = QDir(work).filePath(QStringLiteral("carbon"));
    const tanhui::models::Project project = tanhui::models::Project::load(projectFile);

    tanhui::gui::JobsDock dock;
    dock.resize(480, 360);
    dock.show();
    tanhui::gui::JobManager* jobs = dock.manager();

    // The event-loop probe: a 10 ms precise timer; each tick's lateness beyond 10 ms is a stall.
    std::vector<double> stalls;
    stalls.reserve(1 << 16);
    QElapsedTimer clock;
    qint64 lastTick = -1;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    QElapsedTimer wall; // started with the job
    double worst = 0.0;
    double worstAt = 0.0; // seconds since the start
    QString worstStage;   // the job's stage and percent then
    int over50 = 0;
    int id = 0;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastTick >= 0) {
            const double stall = std::max(0.0, double(now - lastTick) / 1e6 - 10.0);
            stalls.push_back(stall);
            over50 += stall > 50.0 ? 1 : 0;
            if (stall > worst) {
                worst = stall;
                worstAt = double(wall.isValid() ? wall.elapsed() : 0) / 1000.0;
                if (const auto j = jobs->job(id))
                    worstStage = QStringLiteral("%1, %2 %").arg(j->stage).arg(j->percent, 0, 'f', 1);
            }
        }
        lastTick = now;
    });

    QObject::connect(jobs, &tanhui::gui::JobManager::jobFinished, &app, [&](int ended) {
        if (ended == id)
            QCoreApplication::quit();
    });
    // First the machine's own lateness, without a job (other processes share the cores).
    const int baselineMs = parser.value(baselineOpt).toInt() * 1000;
    double baseWorst = 0.0, baseP99 = 0.0;
    clock.start();
    probe.start();
    QTimer::singleShot(baselineMs, [&] {
        baseWorst = worst;
        baseP99 = percentile(stalls, 0.99);
        stalls.clear();
        worst = 0.0;
        over50 = 0;
        wall.start();
        // The declared analysis, as Analysis ▸ Carbon queues it (MainWindow::runAnalysis).
        const tanhui::models::analysis::AnalysisSpec* spec =
          tanhui::models::analysis::findAnalysis(QStringLiteral("carbon_project"));
        const tanhui::models::analysis::ParameterValues values{ { QStringLiteral("out"), outDir },
                                                                { QStringLiteral("threads"), threads } };
        id = jobs->addJob(
          QStringLiteral("Carbon, city scene"),
          [spec, project, values](tanhui::gis::Feedback* f) { return spec->run(project, values, f); });
    });
    app.exec();
    probe.stop();
    const double wallS = double(wall.elapsed()) / 1000.0;
    const auto job = jobs->job(id);

    const double p99 = percentile(stalls, 0.99);
    const double median = percentile(stalls, 0.5);
    std::printf("scene %s, pools method, 2 dates, Monte Carlo %d iterations, threads %d\n",
                qPrintable(scene),
                iterations,
                threads);
    std::printf("job: %s in %.1f s wall (%zu event-loop ticks)\n",
                job ? qPrintable(tanhui::gui::JobManager::stateText(job->state)) : "missing",
                wallS,
                stalls.size());
    if (job && !job->error.isEmpty())
        std::printf("error: %s\n", qPrintable(job->error));
    std::printf("event-loop stall (lateness of a 10 ms timer): worst %.1f ms, p99 %.1f ms, median %.2f ms\n",
                worst,
                p99,
                median);
    std::printf(
      "without a job (first %d s): worst %.1f ms, p99 %.1f ms\n", baselineMs / 1000, baseWorst, baseP99);
    std::printf(
      "worst stall at %.1f s (job at: %s); %d ticks over 50 ms\n", worstAt, qPrintable(worstStage), over50);
    if (!job || job->state != tanhui::gui::JobState::Finished) {
        std::printf("FAIL: the job did not finish\n");
        return 1;
    }
    if (worst > maxStall) {
        std::printf("FAIL: worst stall %.1f ms > %.0f ms\n", worst, maxStall);
        return 1;
    }
    std::printf("OK: worst stall %.1f ms <= %.0f ms\n", worst, maxStall);
    return 0;
}
