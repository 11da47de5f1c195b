// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli carbon --uncertainty (carbon-methods.md §6.2): the existing outputs keep their columns and
// values, the uncertainty columns and rows are added, the same seed gives byte-identical outputs for 1
// and 2 threads, another seed other numbers; run metadata; usage errors; the volume method.
#include "TestUtil.h"
#include "gis/Gdal.h"
#include "gis/VectorWriter.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace tanhui;

namespace {

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run runCli(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TANHUI_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start(QString::fromLocal8Bit(qgetenv("TANHUI_BINARY_DIR")) + QStringLiteral("/app/cli/tanhui-cli"),
            args);
    p.waitForFinished(300000);
    return { p.exitCode(),
             QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()) };
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::vector<QStringList> readCsv(const QString& path) {
    std::vector<QStringList> rows;
    for (const QByteArray& line : readAll(path).split('\n'))
        if (!line.trimmed().isEmpty())
            rows.push_back(QString::fromUtf8(line.trimmed()).split(QLatin1Char(',')));
    return rows;
}

std::map<QString, double> readTotals(const QString& path) {
    std::map<QString, double> m;
    for (const QStringList& r : readCsv(path))
        if (r.size() == 3)
            m[r[0]] = r[1].toDouble();
    return m;
}

QStringList poolArgs(const QString& cur,
                     const QString& fut,
                     const QString& pools,
                     const QString& shp,
                     const QString& out) {
    return { "carbon",  "--method", "pools",     "--lulc", cur + "@2016", "--lulc", fut + "@2030",
             "--pools", pools,      "--parcels", shp,      "--quiet",     "--out",  out };
}

gis::MultiPolygon square(double x, double y, double side) {
    gis::Ring r;
    r.xy = { x, y, x + side, y, x + side, y + side, x, y + side, x, y };
    gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

} // namespace

class TestCliCarbonMc : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { gis::initializeGdal(); }

    void poolsWillamette() {
        TANHUI_REQUIRE_SHARED(cur, QStringLiteral("willamette/lulc_samp_cur.tif"));
        TANHUI_REQUIRE_SHARED(fut, QStringLiteral("willamette/lulc_samp_fut.tif"));
        TANHUI_REQUIRE_SHARED(pools, QStringLiteral("willamette/carbon_pools_samp.csv"));
        TANHUI_REQUIRE_SHARED(shp, QStringLiteral("willamette/harv_samp_cur.shp"));
        QTemporaryDir dir;
        const QString plain = dir.filePath("plain");
        const Run p = runCli(poolArgs(cur, fut, pools, shp, plain));
        QVERIFY2(p.exitCode == 0, qPrintable(p.err));
        auto mcRun = [&](const QString& out, const QString& threads, const QString& seed) {
            QStringList args = poolArgs(cur, fut, pools, shp, out);
            args << "--uncertainty"
                 << "--iterations"
                 << "300"
                 << "--seed" << seed << "--default-uncertainty"
                 << "40"
                 << "--threads" << threads;
            return runCli(args);
        };
        const Run a = mcRun(dir.filePath("t1"), "1", "5");
        QVERIFY2(a.exitCode == 0, qPrintable(a.err));
        const Run b = mcRun(dir.filePath("t2"), "2", "5");
        QVERIFY2(b.exitCode == 0, qPrintable(b.err));
        for (const char* f : { "totals.csv", "parcels.csv", "uncertainty_parameters.csv" })
            QVERIFY2(readAll(dir.filePath(QStringLiteral("t1/") + f)) ==
                       readAll(dir.filePath(QStringLiteral("t2/") + f)),
                     f);

        // The existing columns and values are unchanged; the uncertainty columns follow them.
        const auto plainRows = readCsv(plain + "/parcels.csv");
        const auto mcRows = readCsv(dir.filePath("t1/parcels.csv"));
        QCOMPARE(mcRows.size(), plainRows.size());
        const qsizetype n = plainRows[0].size();
        QCOMPARE(mcRows[0].size(), n + 12); // 2 stocks + 1 change, 4 columns each
        // (Per-parcel change comes from the transition areas with --uncertainty: same quantity, the
        // last digits may differ.)
        for (std::size_t r = 0; r < plainRows.size(); ++r)
            for (qsizetype c = 0; c < n; ++c) {
                const QString& x = mcRows[r][c];
                const QString& y = plainRows[r][c];
                QVERIFY2(
                  x == y ||
                    std::fabs(x.toDouble() - y.toDouble()) <= 1e-9 * std::max(1.0, std::fabs(y.toDouble())),
                  qPrintable(QStringLiteral("row %1 column %2: %3 vs %4").arg(r).arg(plainRows[0][c], x, y)));
            }
        QCOMPARE(mcRows[0][n], QStringLiteral("c_total_t_2016_p2_5"));
        QCOMPARE(mcRows[0][n + 8], QStringLiteral("change_t_2016_2030_p2_5"));
        QCOMPARE(mcRows[0][n + 11], QStringLiteral("change_t_2016_2030_u95_pct"));
        // Per parcel: P2.5 ≤ P50 ≤ P97.5 around the central stock.
        const qsizetype total2016 = plainRows[0].indexOf("c_total_t_2016");
        for (std::size_t r = 1; r < mcRows.size(); ++r) {
            const double c = mcRows[r][total2016].toDouble();
            const double lo = mcRows[r][n].toDouble(), mid = mcRows[r][n + 1].toDouble(),
                         hi = mcRows[r][n + 2].toDouble();
            QVERIFY(lo <= mid && mid <= hi);
            if (c > 0)
                QVERIFY2(lo < c && c < hi, qPrintable(mcRows[r].join(',')));
            // U of a sum ≤ the largest U: the pool densities take their kind's default, ±90 %
            // (docs/uncertainty.md "Defaults by kind"), not the run-wide 40 %.
            QVERIFY(mcRows[r][n + 3].toDouble() > 0 && mcRows[r][n + 3].toDouble() <= 90.0 + 1e-9);
        }
        // totals.csv keeps its rows and appends the uncertainty rows.
        const auto plainTotals = readTotals(plain + "/totals.csv");
        const auto mcTotals = readTotals(dir.filePath("t1/totals.csv"));
        for (const auto& [k, v] : plainTotals)
            QCOMPARE(mcTotals.at(k), v);
        QVERIFY(mcTotals.count("stock_2016_p2_5") && mcTotals.count("change_2016_2030_p97_5"));
        QVERIFY(mcTotals.at("stock_2016_p2_5") < plainTotals.at("stock_2016"));
        QVERIFY(mcTotals.at("stock_2016_p97_5") > plainTotals.at("stock_2016"));
        QCOMPARE(mcTotals.at("mc_iterations"), 300.0);
        QCOMPARE(mcTotals.at("mc_seed"), 5.0);
        const QByteArray run = readAll(dir.filePath("t1/uncertainty_run.csv"));
        QVERIFY(run.contains("seed,5"));
        QVERIFY(run.contains("splitmix64"));
        QVERIFY(readAll(dir.filePath("t1/uncertainty_parameters.csv"))
                  .contains("default for the kind 'Tier 1 pool density'"));

        // Another seed: other percentiles, same central values.
        const Run c = mcRun(dir.filePath("s6"), "2", "6");
        QVERIFY2(c.exitCode == 0, qPrintable(c.err));
        const auto other = readTotals(dir.filePath("s6/totals.csv"));
        QVERIFY(other.at("stock_2016_p2_5") != mcTotals.at("stock_2016_p2_5"));
        QCOMPARE(other.at("stock_2016"), mcTotals.at("stock_2016"));

        // --no-rasters: no density or change maps; the per-parcel change comes from the transition raster.
        const Run nr = runCli(poolArgs(cur, fut, pools, shp, dir.filePath("nr")) << "--no-rasters");
        QVERIFY2(nr.exitCode == 0, qPrintable(nr.err));
        QVERIFY(!QFile::exists(dir.filePath("nr/c_density_2016.tif")));
        QVERIFY(!QFile::exists(dir.filePath("nr/c_change_2016_2030.tif")));
        QVERIFY(QFile::exists(dir.filePath("nr/c_transition_2016_2030.tif")));
        const auto nrRows = readCsv(dir.filePath("nr/parcels.csv"));
        const qsizetype changeCol = plainRows[0].indexOf("change_t_2016_2030");
        QVERIFY(changeCol > 0);
        QCOMPARE(nrRows.size(), plainRows.size());
        for (std::size_t r = 1; r < nrRows.size(); ++r)
            QVERIFY(std::fabs(nrRows[r][changeCol].toDouble() - plainRows[r][changeCol].toDouble()) <=
                    1e-9 * std::max(1.0, std::fabs(plainRows[r][changeCol].toDouble())));

        // --parcel-formats csv: the same parcels.csv, no parcels.gpkg; an unknown format is refused.
        const Run csvOnly = runCli(poolArgs(cur, fut, pools, shp, dir.filePath("csv")) << "--no-rasters"
                                                                                       << "--parcel-formats"
                                                                                       << "csv");
        QVERIFY2(csvOnly.exitCode == 0, qPrintable(csvOnly.err));
        QVERIFY(QFile::exists(dir.filePath("csv/parcels.csv")));
        QVERIFY(!QFile::exists(dir.filePath("csv/parcels.gpkg")));
        QVERIFY(QFile::exists(dir.filePath("nr/parcels.gpkg")));
        QCOMPARE(readAll(dir.filePath("csv/parcels.csv")), readAll(dir.filePath("nr/parcels.csv")));
        const Run badFormat = runCli(poolArgs(cur, fut, pools, shp, dir.filePath("bad")) << "--parcel-formats"
                                                                                         << "shp");
        QCOMPARE(badFormat.exitCode, 2);
        QVERIFY(badFormat.err.contains("--parcel-formats"));

        // Without --default-uncertainty the Willamette table has no uncertainty: a warning says so.
        QStringList args = poolArgs(cur, fut, pools, shp, dir.filePath("none"));
        args << "--uncertainty"
             << "--iterations"
             << "10";
        const Run d = runCli(args);
        QVERIFY2(d.exitCode == 0, qPrintable(d.err));
        QVERIFY2(d.err.contains("are treated as exact"), qPrintable(d.err));
    }

    void usageErrors() {
        QTemporaryDir dir;
        const QStringList base{ "carbon", "--method", "pools", "--lulc", dir.filePath("x.tif@2015"),
                                "--out",  dir.path() };
        const Run s = runCli(base + QStringList{ "--seed", "3" });
        QCOMPARE(s.exitCode, 2);
        QVERIFY(s.err.contains("--seed needs --uncertainty"));
        for (const QStringList& bad : { QStringList{ "--uncertainty", "--iterations", "0" },
                                        QStringList{ "--uncertainty", "--seed", "-1" },
                                        QStringList{ "--uncertainty", "--default-uncertainty", "abc" } }) {
            const Run r = runCli(base + bad);
            QVERIFY2(r.exitCode == 2, qPrintable(bad.join(' ') + ": " + r.err));
        }
    }

    void volumeMethod() {
        QTemporaryDir dir;
        using F = gis::VectorField;
        const std::vector<F> fields = { { QStringLiteral("xbh"), F::Type::String, 12, 0 },
                                        { QStringLiteral("species"), F::Type::String, 24, 0 },
                                        { QStringLiteral("volume"), F::Type::Real, 8, 1 } };
        std::vector<gis::VectorFeature> features;
        for (int i = 0; i < 6; ++i)
            features.push_back({ { QStringLiteral("x%1").arg(i),
                                   i % 2 ? QStringLiteral("chinese fir") : QStringLiteral("masson pine"),
                                   80.0 + 10 * i },
                                 square(500000 + 300.0 * i, 2500000, 100 + 20.0 * i) });
        const QString shp = dir.filePath("xb.gpkg");
        gis::writePolygonLayer(
          shp.toStdString(), QStringLiteral("xb"), gis::Crs::fromEpsg(4547), fields, features, {});
        const QString table = dir.filePath("species.csv");
        QFile f(table);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("species_group,wd,bef,r,cf,wd_u_pct,bef_u_pct,r_u_pct,cf_u_pct,u_source\n"
                "chinese_fir,0.307,1.634,0.246,0.520,10,20,50,4,test values\n"
                "masson_pine,0.380,1.472,0.187,0.460,10,20,50,4,test values\n");
        f.close();
        auto run = [&](const QString& out, const QString& threads) {
            return runCli({ "carbon",
                            "--method",
                            "volume",
                            "--parcels",
                            shp,
                            "--id",
                            "xbh",
                            "--species-field",
                            "species",
                            "--volume-field",
                            "volume",
                            "--species-table",
                            table,
                            "--quiet",
                            "--out",
                            out,
                            "--uncertainty",
                            "--seed",
                            "11",
                            "--threads",
                            threads });
        };
        const Run a = run(dir.filePath("a"), "1");
        QVERIFY2(a.exitCode == 0, qPrintable(a.err));
        const Run b = run(dir.filePath("b"), "2");
        QVERIFY2(b.exitCode == 0, qPrintable(b.err));
        QCOMPARE(readAll(dir.filePath("a/parcels_volume.csv")),
                 readAll(dir.filePath("b/parcels_volume.csv")));
        QCOMPARE(readAll(dir.filePath("a/totals_volume.csv")), readAll(dir.filePath("b/totals_volume.csv")));
        const auto rows = readCsv(dir.filePath("a/parcels_volume.csv"));
        QCOMPARE(rows[0].mid(rows[0].size() - 4),
                 QStringList({ "carbon_t_p2_5", "carbon_t_p50", "carbon_t_p97_5", "carbon_t_u95_pct" }));
        // Approach 1, Eq. 3.1 with U_(1+R): chinese fir sqrt(0.1² + 0.2² + (0.5·0.246/1.246)² + 0.04²).
        const double u = std::sqrt(0.01 + 0.04 + std::pow(0.5 * 0.246 / 1.246, 2) + 0.0016) * 100;
        QVERIFY(std::fabs(rows[2].last().toDouble() - u) < 1e-9);
        const auto totals = readTotals(dir.filePath("a/totals_volume.csv"));
        QVERIFY(totals.at("carbon_total_p2_5") < totals.at("carbon_total"));
        QVERIFY(totals.at("carbon_total_p97_5") > totals.at("carbon_total"));
        QVERIFY(std::fabs(totals.at("co2e_total_p50") / totals.at("carbon_total_p50") - 44.0 / 12.0) < 1e-12);
        QCOMPARE(totals.at("mc_iterations"), 1000.0);
    }
};

QTEST_GUILESS_MAIN(TestCliCarbonMc)
#include "tst_cli_carbon_mc.moc"
