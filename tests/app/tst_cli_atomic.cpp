// SPDX-License-Identifier: GPL-3.0-or-later
// Atomic runs (issue 15, issue 10 "Atomic runs"): every tanhui-cli command that writes outputs, run once,
// then interrupted with Ctrl+C (SIGINT) early, midway and late, then failed with a bad input, then killed
// with SIGKILL: the previous outputs stay byte-identical and no staging folder or temporary remains
// (a killed run's leftovers are cleaned by the next run). Inputs are opened read-only.
#include "OutputSnapshot.h"
#include "TestUtil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/stat.h>

using tanhui::test::stagingLeftovers;
using tanhui::test::treeHashes;

namespace {

QString cliPath() {
    return QString::fromLocal8Bit(qgetenv("TANHUI_BINARY_DIR")) + QStringLiteral("/app/cli/tanhui-cli");
}

/// Whether process `pid` has a handler for SIGINT (the SigCgt mask of /proc/<pid>/status, Linux).
bool catchesSigint(qint64 pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("SigCgt:"))
            return (line.mid(7).trimmed().toULongLong(nullptr, 16) >> (SIGINT - 1)) & 1U;
    return false;
}

struct Outcome {
    int exitCode = -1;
    bool crashed = false;   ///< ended by a signal
    bool signalled = false; ///< the signal was sent (the run had not finished before)
    qint64 runMs = 0;       ///< start to exit
    qint64 latencyMs = 0;   ///< signal to exit
    QString err;
};

/// Runs tanhui-cli with `args`. With `signal` > 0: waits until the run has started writing (its staging
/// folder beside `target` exists; for a file target, 150 ms), then `delayMs` more, then sends `signal`.
Outcome runCli(const QStringList& args,
               int signal = 0,
               const QString& target = {},
               bool folder = true,
               int delayMs = 0,
               const QString& program = cliPath(),
               const QStringList& programArgs = {}) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TANHUI_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    p.start(program, programArgs + args);
    p.waitForStarted();
    Outcome o;
    if (signal > 0) {
        if (folder) {
            while (p.state() == QProcess::Running && stagingLeftovers(target).isEmpty() &&
                   timer.elapsed() < 120000)
                p.waitForFinished(2);
        } else {
            // A single output file has no staging folder to wait for: wait until the process catches
            // SIGINT (its handler is installed early in main; a Ctrl+C before that, while a loaded
            // machine is still loading the libraries, would end it as a crash), then 150 ms.
            while (p.state() == QProcess::Running && !catchesSigint(p.processId()) &&
                   timer.elapsed() < 120000)
                p.waitForFinished(2);
            p.waitForFinished(150);
        }
        if (delayMs > 0)
            p.waitForFinished(delayMs);
        if (p.state() == QProcess::Running) {
            QElapsedTimer latency;
            latency.start();
            ::kill(pid_t(p.processId()), signal);
            o.signalled = true;
            p.waitForFinished(300000);
            o.latencyMs = latency.elapsed();
        }
    }
    p.waitForFinished(600000);
    o.runMs = timer.elapsed();
    o.crashed = p.exitStatus() == QProcess::CrashExit;
    o.exitCode = o.crashed ? -1 : p.exitCode();
    o.err = QString::fromUtf8(p.readAllStandardError());
    return o;
}

/// What a run must leave unchanged: the output folder, or for a file the folder holding it.
QMap<QString, QByteArray> snapshot(const QString& target, bool folder) {
    return treeHashes(folder ? target : QFileInfo(target).absolutePath());
}

/// Copies `from` to `to` cut to half its size (a file that fails to read).
void writeTruncated(const QString& from, const QString& to) {
    QFile::remove(to);
    QVERIFY(QFile::copy(from, to));
    QFile f(to);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.resize(f.size() / 2));
}

/// A copy of the sample made of links to its files, except land cover 2024, cut in half.
QString brokenSample(const QString& sample, const QString& dir) {
    QDirIterator it(sample, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString copy = dir + file.mid(sample.size());
        QDir().mkpath(QFileInfo(copy).absolutePath());
        if (file.endsWith(QLatin1String("landcover_2024.tif")))
            writeTruncated(file, copy);
        else
            QFile::link(file, copy);
    }
    return dir;
}

} // namespace

class TestCliAtomic : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_sample, m_broken;

    QStringList lulc(const QString& sample,
                     std::initializer_list<int> years = { 2015, 2018, 2021, 2024 }) const {
        QStringList a;
        for (int y : years)
            a << QStringLiteral("--lulc")
              << QStringLiteral("%1/rasters/landcover_%2.tif@%2").arg(sample).arg(y);
        return a;
    }

    void addCommandRows(const QStringList& only);

private slots:
    void initTestCase();
    void interruptedRunsKeepPreviousOutputs_data();
    void interruptedRunsKeepPreviousOutputs();
    void killedRunsKeepPreviousOutputs_data();
    void killedRunsKeepPreviousOutputs();
    void readOnlyInputsStayUnchanged();
};

void TestCliAtomic::initTestCase() {
    QVERIFY(m_dir.isValid());
    // GeoPackages record the time they were written (gpkg_contents.last_change): with a fixed date every
    // run writes the same bytes, so a run killed just after its atomic replace (a complete output) is
    // not mistaken for one that changed the previous outputs.
    qputenv("OGR_CURRENT_DATE", "2026-01-01T00:00:00.000Z");
    TANHUI_REQUIRE_SAMPLE(shared); // the zonal export case reads the shared sample (see addCommandRows)
    Q_UNUSED(shared);
    // A small sample of our own (600 × 600 cells): runs of a second or two, so that an interrupt can
    // land early, midway and late in each.
    m_sample = m_dir.filePath(QStringLiteral("sample"));
    const Outcome s = runCli({ QStringLiteral("sample"),
                               QStringLiteral("--out"),
                               m_sample,
                               QStringLiteral("--size"),
                               QStringLiteral("test"),
                               QStringLiteral("--quiet") });
    QVERIFY2(s.exitCode == 0, qPrintable(s.err));
    m_broken = brokenSample(m_sample, m_dir.filePath(QStringLiteral("broken")));
}

void TestCliAtomic::addCommandRows(const QStringList& only) {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("badArgs"); ///< the same run with a bad input (fails); empty: none
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("folder");
    auto add = [&](const char* name,
                   const QStringList& args,
                   const QStringList& bad,
                   const QString& target,
                   bool folder) {
        if (only.isEmpty() || only.contains(QLatin1String(name)))
            QTest::newRow(name) << args << bad << target << folder;
    };
    const QString s = m_sample, b = m_broken;
    const QString out = m_dir.filePath(QStringLiteral("out"));
    const QString xiaoban = QStringLiteral("/vectors/xiaoban.shp");
    const QStringList id{ QStringLiteral("--id"), QStringLiteral("小班号") };
    const QString zonalOut = out + QStringLiteral("/zonal.gpkg");
    QDir().mkpath(out);
    // The shared 20 × 20 km sample's 13,738 farmland plots and four land-cover dates: long enough
    // (about 1 s) to be interrupted while the GeoPackage is written (this test's own small sample
    // takes 0.1 s, too short to interrupt reliably). The failing run reads the broken small sample.
    auto zonal = [&](const QString& root) {
        return QStringList{
            QStringLiteral("zonal"),
            QStringLiteral("--parcels"),
            root + QStringLiteral("/vectors/farmland_plots.gpkg"),
            QStringLiteral("--id"),
            QStringLiteral("地块编码")
        } << QStringList{ QStringLiteral("--raster"),
                          root + QStringLiteral("/rasters/landcover_2015.tif"),
                          QStringLiteral("--raster"),
                          root + QStringLiteral("/rasters/landcover_2018.tif"),
                          QStringLiteral("--raster"),
                          root + QStringLiteral("/rasters/landcover_2021.tif"),
                          QStringLiteral("--raster"),
                          root + QStringLiteral("/rasters/landcover_2024.tif"),
                          QStringLiteral("--stats"),
                          QStringLiteral("count,mean,frac,area"),
                          QStringLiteral("--quiet"),
                          QStringLiteral("--out"),
                          zonalOut };
    };
    add("zonal (GeoPackage export)", zonal(tanhui::test::sampleProjectDir()), zonal(b), zonalOut, false);

    auto pools = [&](const QString& root, const QString& dir) {
        return QStringList{ QStringLiteral("carbon"), QStringLiteral("--method"), QStringLiteral("pools") }
               << lulc(root) << QStringList{ QStringLiteral("--parcels"), root + xiaoban } << id
               << QStringList{ QStringLiteral("--price"),       QStringLiteral("200"),
                               QStringLiteral("--uncertainty"), QStringLiteral("--iterations"),
                               QStringLiteral("200"),           QStringLiteral("--quiet"),
                               QStringLiteral("--out"),         dir };
    };
    const QString poolsOut = out + QStringLiteral("/pools");
    add("carbon --method pools", pools(s, poolsOut), pools(b, poolsOut), poolsOut, true);

    auto volume = [&](const QString& parcels, const QString& dir) {
        return QStringList{
            QStringLiteral("carbon"),
            QStringLiteral("--method"),
            QStringLiteral("volume"),
            QStringLiteral("--parcels"),
            parcels
        } << id
          << QStringList{ QStringLiteral("--species-field"),
                          QStringLiteral("优势树种"),
                          QStringLiteral("--volume-field"),
                          QStringLiteral("每公顷蓄积"),
                          QStringLiteral("--uncertainty"),
                          QStringLiteral("--iterations"),
                          QStringLiteral("500"),
                          QStringLiteral("--quiet"),
                          QStringLiteral("--out"),
                          dir };
    };
    const QString volumeOut = out + QStringLiteral("/volume");
    add("carbon --method volume",
        volume(s + xiaoban, volumeOut),
        volume(b + QStringLiteral("/vectors/missing.shp"), volumeOut),
        volumeOut,
        true);

    auto soil = [&](const QString& parcels, const QString& dir) {
        return QStringList{ QStringLiteral("carbon"),
                            QStringLiteral("--method"),
                            QStringLiteral("soil"),
                            QStringLiteral("--parcels"),
                            parcels,
                            QStringLiteral("--id"),
                            QStringLiteral("地块编码"),
                            QStringLiteral("--crop-field"),
                            QStringLiteral("作物"),
                            QStringLiteral("--straw-year-field"),
                            QStringLiteral("秸秆还田起始年"),
                            QStringLiteral("--organic-field"),
                            QStringLiteral("施用有机肥"),
                            QStringLiteral("--years"),
                            QStringLiteral("2024,2015"),
                            QStringLiteral("--quiet"),
                            QStringLiteral("--out"),
                            dir };
    };
    const QString soilOut = out + QStringLiteral("/soil");
    const QString badPlots = m_dir.filePath(QStringLiteral("bad_plots.gpkg"));
    writeTruncated(s + QStringLiteral("/vectors/farmland_plots.gpkg"), badPlots);
    add("carbon --method soil",
        soil(s + QStringLiteral("/vectors/farmland_plots.gpkg"), soilOut),
        soil(badPlots, soilOut),
        soilOut,
        true);

    auto gainloss = [&](const QString& root, const QString& dir) {
        return QStringList{ QStringLiteral("carbon"), QStringLiteral("--method"), QStringLiteral("gainloss") }
               << lulc(root) << QStringList{ QStringLiteral("--parcels"), root + xiaoban } << id
               << QStringList{ QStringLiteral("--quiet"), QStringLiteral("--out"), dir };
    };
    const QString gainlossOut = out + QStringLiteral("/gainloss");
    add("carbon --method gainloss", gainloss(s, gainlossOut), gainloss(b, gainlossOut), gainlossOut, true);

    auto bluecarbon = [&](const QString& root, const QString& dir) {
        const QString plots = root + QStringLiteral("/vectors/mangrove_restoration.gpkg");
        return QStringList{
            QStringLiteral("carbon"), QStringLiteral("--method"), QStringLiteral("bluecarbon")
        } << lulc(root)
          << QStringList{ QStringLiteral("--analysis-year"),
                          QStringLiteral("2030"),
                          QStringLiteral("--restoration-plots"),
                          plots,
                          QStringLiteral("--planting-year-field"),
                          QStringLiteral("种植年份"),
                          QStringLiteral("--plot-id"),
                          QStringLiteral("plot_id"),
                          QStringLiteral("--parcels"),
                          plots,
                          QStringLiteral("--id"),
                          QStringLiteral("plot_id"),
                          QStringLiteral("--price"),
                          QStringLiteral("220"),
                          QStringLiteral("--discount"),
                          QStringLiteral("4"),
                          QStringLiteral("--quiet"),
                          QStringLiteral("--out"),
                          dir };
    };
    const QString blueOut = out + QStringLiteral("/bluecarbon");
    add("carbon --method bluecarbon", bluecarbon(s, blueOut), bluecarbon(b, blueOut), blueOut, true);

    auto regression = [&](const QString& root, const QString& dir) {
        return QStringList{
            QStringLiteral("carbon"), QStringLiteral("--method"), QStringLiteral("regression")
        } << lulc(root)
          << QStringList{ QStringLiteral("--vi-stack"),
                          root + QStringLiteral("/rasters/ndvi_2015-2024.tif"),
                          QStringLiteral("--coefficients"),
                          root +
                            QStringLiteral("/parameters/carbon/regression_coefficients_sample_example.csv"),
                          QStringLiteral("--parcels"),
                          root + xiaoban }
          << id << QStringList{ QStringLiteral("--quiet"), QStringLiteral("--out"), dir };
    };
    const QString regressionOut = out + QStringLiteral("/regression");
    add("carbon --method regression",
        regression(s, regressionOut),
        regression(b, regressionOut),
        regressionOut,
        true);

    auto project = [&](const QString& root, const QString& dir) {
        return QStringList{ QStringLiteral("carbon"),
                            QStringLiteral("--project"),
                            root + QStringLiteral("/project.tanhui.json"),
                            QStringLiteral("--uncertainty"),
                            QStringLiteral("--iterations"),
                            QStringLiteral("200"),
                            QStringLiteral("--quiet"),
                            QStringLiteral("--out"),
                            dir };
    };
    const QString projectOut = out + QStringLiteral("/project");
    add("carbon --project", project(s, projectOut), project(b, projectOut), projectOut, true);

    auto gep = [&](const QString& root, const QString& dir) {
        return QStringList{ QStringLiteral("gep"),
                            QStringLiteral("--project"),
                            root + QStringLiteral("/project.tanhui.json"),
                            QStringLiteral("--ac-days"),
                            QStringLiteral("120"),
                            QStringLiteral("--scenario"),
                            root + QStringLiteral("/project.tanhui.json"),
                            QStringLiteral("--quiet"),
                            QStringLiteral("--out"),
                            dir };
    };
    const QString gepOut = out + QStringLiteral("/gep");
    add("gep --scenario", gep(s, gepOut), gep(b, gepOut), gepOut, true);

    const QString sampleOut = out + QStringLiteral("/sample");
    add("sample",
        QStringList{ QStringLiteral("sample"),
                     QStringLiteral("--size"),
                     QStringLiteral("test"),
                     QStringLiteral("--force"),
                     QStringLiteral("--quiet"),
                     QStringLiteral("--out"),
                     sampleOut },
        QStringList{ QStringLiteral("sample"),
                     QStringLiteral("--size"),
                     QStringLiteral("nope"),
                     QStringLiteral("--force"),
                     QStringLiteral("--quiet"),
                     QStringLiteral("--out"),
                     sampleOut },
        sampleOut,
        true);
}

void TestCliAtomic::interruptedRunsKeepPreviousOutputs() {
    QFETCH(QStringList, args);
    QFETCH(QStringList, badArgs);
    QFETCH(QString, target);
    QFETCH(bool, folder);

    // The run's time from the faster of two runs (the first may read cold files on a loaded machine).
    Outcome first = runCli(args);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const Outcome again = runCli(args);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    first.runMs = std::min(first.runMs, again.runMs);
    QVERIFY(folder ? QFileInfo(target).isDir() : QFileInfo(target).isFile());
    QVERIFY(stagingLeftovers(target).isEmpty());
    auto before = snapshot(target, folder);
    QVERIFY(!before.isEmpty());

    // Ctrl+C right after the run started writing, midway and late (by the first run's time).
    int cancelled = 0;
    QStringList figures;
    for (const double at : { 0.0, 0.4, 0.8 }) {
        const Outcome o = runCli(args, SIGINT, target, folder, int(at * double(first.runMs)));
        QVERIFY2(!o.crashed, qPrintable(o.err));
        figures << QStringLiteral("%1 %: exit %2 after %3 ms, %4 ms after the signal")
                     .arg(at * 100)
                     .arg(o.exitCode)
                     .arg(o.runMs)
                     .arg(o.latencyMs);
        QVERIFY2(stagingLeftovers(target).isEmpty(), qPrintable(stagingLeftovers(target).join(' ')));
        if (o.exitCode == 3) {
            ++cancelled;
            QVERIFY2(o.err.contains(QLatin1String("cancelled;")), qPrintable(o.err));
            QVERIFY2(o.latencyMs < 10000, qPrintable(figures.join(QStringLiteral("; "))));
            const auto after = snapshot(target, folder);
            QCOMPARE(after.keys(), before.keys());
            QVERIFY2(after == before, "an interrupted run changed the previous outputs");
        } else {
            // The run finished before the signal (or the signal came during the final swap, which is
            // not interrupted): a complete run of the same arguments replaced the outputs.
            QVERIFY2(o.exitCode == 0, qPrintable(o.err));
            before = snapshot(target, folder);
        }
    }
    qInfo("%s: first run %lld ms; interrupts: %s",
          QTest::currentDataTag(),
          first.runMs,
          qPrintable(figures.join(QStringLiteral("; "))));
    // A run of a second or two may finish before the later interrupts; the early one always lands.
    QVERIFY2(cancelled >= (first.runMs < 2000 ? 1 : 2), qPrintable(figures.join(QStringLiteral("; "))));

    // A run that fails on a bad input.
    const Outcome bad = runCli(badArgs);
    QVERIFY2(bad.exitCode == 1 || bad.exitCode == 2, qPrintable(bad.err));
    QVERIFY2(snapshot(target, folder) == before, qPrintable(bad.err));
    QVERIFY(stagingLeftovers(target).isEmpty());
}

void TestCliAtomic::interruptedRunsKeepPreviousOutputs_data() {
    addCommandRows({});
}

void TestCliAtomic::killedRunsKeepPreviousOutputs_data() {
    addCommandRows({ QStringLiteral("zonal (GeoPackage export)"),
                     QStringLiteral("carbon --project"),
                     QStringLiteral("sample") });
}

// kill -9 cannot clean up: the previous outputs must still be intact, and what the killed run left
// (a staging folder, a temporary file) is removed by the next run into the same target.
void TestCliAtomic::killedRunsKeepPreviousOutputs() {
    QFETCH(QStringList, args);
    QFETCH(QString, target);
    QFETCH(bool, folder);

    Outcome first = runCli(args);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const auto before = snapshot(target, folder);
    int killed = 0;
    for (const double at : { 0.3, 0.7 }) {
        const Outcome o = runCli(args, SIGKILL, target, folder, int(at * double(first.runMs)));
        if (!o.signalled)
            continue; // finished first: nothing to check
        if (!o.crashed) {
            // It exited between the last look and the signal (a kill of a process that has just ended
            // does nothing): a finished run, which must have succeeded.
            QVERIFY2(o.exitCode == 0, qPrintable(o.err));
            continue;
        }
        ++killed;
        auto after = snapshot(target, folder);
        if (!folder) // the killed writer's temporary may be left beside the file
            for (auto it = after.begin(); it != after.end();)
                it = it.key().contains(QLatin1String(".tmp-")) ? after.erase(it) : std::next(it);
        QCOMPARE(after.keys(), before.keys());
        QVERIFY2(after == before, "a killed run changed the previous outputs");
    }
    QVERIFY2(killed > 0, "every run finished before it could be killed");
    // The next run cleans up what the killed ones left.
    const Outcome next = runCli(args);
    QVERIFY2(next.exitCode == 0, qPrintable(next.err));
    QVERIFY2(stagingLeftovers(target).isEmpty(), qPrintable(stagingLeftovers(target).join(' ')));
    if (!folder)
        QVERIFY2(!snapshot(target, folder).keys().join(' ').contains(QLatin1String(".tmp-")),
                 qPrintable(snapshot(target, folder).keys().join(' ')));
}

namespace {

struct FileState {
    QByteArray sha256;
    qint64 mtimeNs = 0;
    bool operator==(const FileState&) const = default;
};

/// Every entry under `dir` with its hash and modification time (hidden files included).
QMap<QString, FileState> fileStates(const QString& dir) {
    QMap<QString, FileState> out;
    const auto hashes = treeHashes(dir);
    for (auto it = hashes.begin(); it != hashes.end(); ++it) {
        struct stat st {};
        ::lstat(QDir(dir).filePath(it.key()).toLocal8Bit().constData(), &st);
        out.insert(it.key(), { it.value(), qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec });
    }
    return out;
}

void chmodTree(const QString& dir, bool writable) {
    QDirIterator it(
      dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList paths{ dir };
    while (it.hasNext())
        paths << it.next();
    for (const QString& p : paths) {
        const bool isDir = QFileInfo(p).isDir();
        ::chmod(p.toLocal8Bit().constData(), writable ? (isDir ? 0755 : 0644) : (isDir ? 0555 : 0444));
    }
}

} // namespace

// Inputs are opened read-only: with every input file and folder read-only (and, when the test runs as
// root, tanhui-cli running as the unprivileged user "nobody" so that the permissions hold), the
// commands succeed and leave no trace in the inputs: same files, same bytes, same modification times
// (a GeoPackage opened read-write would touch its -wal/-shm files, a raster its .aux.xml).
void TestCliAtomic::readOnlyInputsStayUnchanged() {
    const QString ro = m_dir.filePath(QStringLiteral("readonly"));
    QDirIterator it(m_sample, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.contains(QLatin1String("/.")))
            continue;
        const QString copy = ro + file.mid(m_sample.size());
        QDir().mkpath(QFileInfo(copy).absolutePath());
        QVERIFY(QFile::copy(file, copy));
    }
    const QString out = m_dir.filePath(QStringLiteral("readonly_out"));
    QVERIFY(QDir().mkpath(out));
    ::chmod(m_dir.path().toLocal8Bit().constData(), 0755);
    ::chmod(out.toLocal8Bit().constData(), 0777);
    chmodTree(ro, false);
    const auto before = fileStates(ro);
    QStringList asUser;
    if (::geteuid() == 0 && !QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        asUser = { QStringLiteral("--reuid=65534"),
                   QStringLiteral("--regid=65534"),
                   QStringLiteral("--clear-groups"),
                   cliPath() };
    const QString program = asUser.isEmpty() ? cliPath() : QStringLiteral("setpriv");
    const QStringList id{ QStringLiteral("--id"), QStringLiteral("小班号") };
    const QList<QStringList> runs = {
        QStringList{
          QStringLiteral("zonal"), QStringLiteral("--parcels"), ro + QStringLiteral("/vectors/xiaoban.shp") }
          << id
          << QStringList{ QStringLiteral("--raster"),
                          ro + QStringLiteral("/rasters/landcover_2024.tif"),
                          QStringLiteral("--stats"),
                          QStringLiteral("count,frac"),
                          QStringLiteral("--out"),
                          out + QStringLiteral("/zonal.csv") },
        QStringList{ QStringLiteral("zonal"),
                     QStringLiteral("--parcels"),
                     ro + QStringLiteral("/vectors/farmland_plots.gpkg"),
                     QStringLiteral("--raster"),
                     ro + QStringLiteral("/rasters/ndvi_2015-2024.tif"),
                     QStringLiteral("--out"),
                     out + QStringLiteral("/zonal.gpkg") },
        QStringList{ QStringLiteral("carbon"), QStringLiteral("--method"), QStringLiteral("pools") }
          << lulc(ro, { 2015, 2024 })
          << QStringList{ QStringLiteral("--parcels"), ro + QStringLiteral("/vectors/xiaoban.shp") } << id
          << QStringList{ QStringLiteral("--out"), out + QStringLiteral("/pools") },
        QStringList{ QStringLiteral("carbon"),
                     QStringLiteral("--project"),
                     ro + QStringLiteral("/project.tanhui.json"),
                     QStringLiteral("--out"),
                     out + QStringLiteral("/project") },
        QStringList{ QStringLiteral("gep"),
                     QStringLiteral("--project"),
                     ro + QStringLiteral("/project.tanhui.json"),
                     QStringLiteral("--carbon-results"),
                     out + QStringLiteral("/project"),
                     QStringLiteral("--out"),
                     out + QStringLiteral("/gep") },
    };
    for (const QStringList& args : runs) {
        const Outcome o =
          runCli(args + QStringList{ QStringLiteral("--quiet") }, 0, {}, true, 0, program, asUser);
        QVERIFY2(o.exitCode == 0,
                 qPrintable(args.first() + QLatin1Char(' ') + args.at(1) + QStringLiteral(": ") + o.err));
        QCOMPARE(fileStates(ro).keys(), before.keys());
        QVERIFY2(fileStates(ro) == before, qPrintable(args.join(' ')));
    }
    chmodTree(ro, true);
}

QTEST_GUILESS_MAIN(TestCliAtomic)
#include "tst_cli_atomic.moc"
