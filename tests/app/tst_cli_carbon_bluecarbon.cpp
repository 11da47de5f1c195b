// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli carbon --method bluecarbon end to end on the generated sample project: the mangrove
// restoration plots gain carbon after their planting year (Wetlands Supplement Tier 1, §4, §10.7,
// checked against an independent computation per plot) and after they are mapped as mangrove (CBC
// engine, §2, bounded by the class rates); totals and per-parcel tables are consistent; the
// InVEST-compatible switch; errors name file, row and column.
#include "TestUtil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

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
    p.waitForFinished(540000);
    return { p.exitCode(),
             QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()) };
}

/// Rows of a CSV whose fields contain no quoted commas, as maps column → text.
std::vector<std::map<QString, QString>> readCsv(const QString& path) {
    QFile f(path);
    std::vector<std::map<QString, QString>> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    const QList<QByteArray> lines = f.readAll().split('\n');
    const QStringList header = QString::fromUtf8(lines.value(0).trimmed()).split(QLatin1Char(','));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty())
            continue;
        const QStringList v = QString::fromUtf8(lines[i].trimmed()).split(QLatin1Char(','));
        std::map<QString, QString> row;
        for (qsizetype c = 0; c < header.size(); ++c)
            row[header[c]] = v.value(c);
        rows.push_back(row);
    }
    return rows;
}

double num(const std::map<QString, QString>& row, const QString& column) {
    const auto it = row.find(column);
    if (it == row.end())
        qFatal("missing column %s", qPrintable(column));
    return it->second.toDouble();
}

} // namespace

class TestCliCarbonBlueCarbon : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_sample;
    QStringList m_lulc;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // The sample project generated once per ctest run (fixture sample_project_setup); read-only.
        m_sample = tanhui::test::sampleProjectDir();
        QVERIFY2(!m_sample.isEmpty(),
                 "sample project missing: run through ctest (fixture sample_project_setup)");
        for (int y : { 2015, 2018, 2021, 2024 })
            m_lulc << QStringLiteral("--lulc")
                   << QStringLiteral("%1/rasters/landcover_%2.tif@%2").arg(m_sample).arg(y);
    }

    void restorationPlotsGainCarbon() {
        const QString out = m_dir.filePath(QStringLiteral("out"));
        const QString plots = m_sample + QStringLiteral("/vectors/mangrove_restoration.gpkg");
        QStringList args = { QStringLiteral("carbon"),
                             QStringLiteral("--method"),
                             QStringLiteral("bluecarbon") };
        args << m_lulc
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
                             QStringLiteral("--out"),
                             out,
                             QStringLiteral("--quiet") };
        const Run r = runCli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Flagged defaults are named (mangrove stocks and the Wetlands Supplement row are unconfirmed).
        QVERIFY(r.err.contains(QStringLiteral("(42 mangrove) is tagged unconfirmed")));
        QVERIFY(r.err.contains(QStringLiteral("(subtrop) is tagged unconfirmed")));
        for (const char* f : { "totals_bluecarbon.csv",
                               "parcels_bluecarbon.csv",
                               "parcels_bluecarbon.gpkg",
                               "restoration_plots.csv",
                               "restoration_plots.gpkg",
                               "parameters_used.csv",
                               "cbc_stock_2015.tif",
                               "cbc_stock_2030.tif",
                               "cbc_period_2024_2030.tif" })
            QVERIFY2(QFile::exists(out + QLatin1Char('/') + QLatin1String(f)), f);

        // Wetlands Supplement Tier 1 per plot, computed independently from §4 / §10.7:
        // biomass 18.1 × (1 + 0.96) × 0.451 t C/ha/yr up to 75 × 1.96 × 0.451, soil 1.62 t C/ha/yr.
        const double gain = 18.1 * 1.96 * 0.451, ceiling = 75 * 1.96 * 0.451, soil = 1.62;
        const std::vector<int> years = { 2015, 2018, 2021, 2024, 2030 };
        auto expected = [&](int plant, int year) {
            const double n = std::max(0, year - plant);
            return std::min(gain * n, ceiling) + soil * n;
        };
        const auto plotsRows = readCsv(out + QStringLiteral("/restoration_plots.csv"));
        QCOMPARE(plotsRows.size(), std::size_t(9));
        double sinceTotal = 0;
        std::map<QString, int> plantYear;
        for (const auto& row : plotsRows) {
            const int plant = int(num(row, QStringLiteral("planting_year")));
            QVERIFY(plant >= 2017 && plant <= 2021);
            plantYear[row.at(QStringLiteral("id"))] = plant;
            const double area = num(row, QStringLiteral("area_ha"));
            QVERIFY(area > 1 && area < 10);
            for (std::size_t k = 0; k + 1 < years.size(); ++k) {
                const double seq =
                  num(row, QStringLiteral("net_seq_t_%1_%2").arg(years[k]).arg(years[k + 1]));
                const double want = area * (expected(plant, years[k + 1]) - expected(plant, years[k]));
                QVERIFY2(std::fabs(seq - want) <= 1e-9 * std::max(1.0, want),
                         qPrintable(QString::number(seq)));
                if (years[k + 1] > plant)
                    QVERIFY2(seq > 0, "positive sequestration after planting");
                else
                    QCOMPARE(seq, 0.0);
                QVERIFY(
                  std::fabs(num(row, QStringLiteral("net_seq_co2e_t_%1_%2").arg(years[k]).arg(years[k + 1])) -
                            seq * 44.0 / 12.0) <= 1e-9 * std::max(1.0, seq));
            }
            sinceTotal += num(row, QStringLiteral("since_planting_t"));
        }

        // CBC engine per parcel: nothing before the plot is mapped as mangrove (two years after planting),
        // then a gain bounded by the mangrove rates (16.0 + 1.62 t C/ha/yr) over the plot's area.
        const auto parcels = readCsv(out + QStringLiteral("/parcels_bluecarbon.csv"));
        QCOMPARE(parcels.size(), std::size_t(9));
        for (const auto& row : parcels) {
            const int plant = plantYear.at(row.at(QStringLiteral("plot_id")));
            const double area = num(row, QStringLiteral("valid_area_ha"));
            QVERIFY(std::fabs(area - num(row, QStringLiteral("area_ha"))) <
                    1e-4 * area); // inside the rasters
            QCOMPARE(num(row, QStringLiteral("nodata_share")), 0.0);
            QVERIFY(row.at(QStringLiteral("flagged_classes")).contains(QStringLiteral("42:unconfirmed")));
            bool gained = false;
            for (std::size_t k = 0; k + 1 < years.size(); ++k) {
                const double seq =
                  num(row, QStringLiteral("net_seq_t_%1_%2").arg(years[k]).arg(years[k + 1]));
                if (years[k] < plant + 2) {
                    QVERIFY2(std::fabs(seq) < 1e-9, qPrintable(QString::number(seq)));
                    continue;
                }
                QVERIFY2(seq > 0, "the plot gains carbon once it is mangrove");
                QVERIFY(seq <= area * (gain + soil) * (years[k + 1] - years[k]) * (1 + 1e-9));
                gained = true;
                // Stock difference = net sequestration (t C), CO2e = × 44/12.
                const double d = num(row, QStringLiteral("total_t_%1").arg(years[k + 1])) -
                                 num(row, QStringLiteral("total_t_%1").arg(years[k]));
                QVERIFY(std::fabs(d - seq) <= 1e-6 * std::max(1.0, seq));
            }
            QVERIFY(gained);
        }

        // Totals: whole area and the restoration sum.
        std::map<QString, double> totals;
        for (const auto& row : readCsv(out + QStringLiteral("/totals_bluecarbon.csv")))
            totals[row.at(QStringLiteral("quantity"))] = row.at(QStringLiteral("value")).toDouble();
        QVERIFY(std::fabs(totals.at(QStringLiteral("restoration_since_planting")) - sinceTotal) <
                1e-6 * sinceTotal);
        QVERIFY(std::fabs(totals.at(QStringLiteral("valid_area_ha")) - 40000.0) < 1e-6);
        QCOMPARE(totals.at(QStringLiteral("invest_compatible")), 0.0);
        for (std::size_t k = 0; k + 1 < years.size(); ++k) {
            const QString span = QStringLiteral("%1_%2").arg(years[k]).arg(years[k + 1]);
            const double seq = totals.at(QStringLiteral("net_sequestration_") + span);
            const double d = totals.at(QStringLiteral("stock_total_%1").arg(years[k + 1])) -
                             totals.at(QStringLiteral("stock_total_%1").arg(years[k]));
            QVERIFY(std::fabs(seq - d) <= 1e-6 * std::max(1.0, std::fabs(seq)));
        }
        // parameters_used lists the mangrove row with its tag and the Wetlands Supplement derivations.
        QFile used(out + QStringLiteral("/parameters_used.csv"));
        QVERIFY(used.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(used.readAll());
        QVERIFY(text.contains(QStringLiteral(
          "cbc_biophysical,42 (mangrove),biomass-yearly-accumulation,15.999676,t C/ha/yr,unconfirmed")));
        QVERIFY(text.contains(QStringLiteral("cbc_transitions,tidal-flat -> mangrove,transition,accum")));
        QVERIFY(text.contains(QStringLiteral("mangrove_ws,subtrop,ef_re,-1.62,t C/ha/yr,unconfirmed")));
    }

    void investCompatibleRun() {
        const QString out = m_dir.filePath(QStringLiteral("compat"));
        QStringList args = { QStringLiteral("carbon"),
                             QStringLiteral("--method"),
                             QStringLiteral("bluecarbon") };
        args << m_lulc
             << QStringList{ QStringLiteral("--analysis-year"),
                             QStringLiteral("2030"),
                             QStringLiteral("--invest-compatible"),
                             QStringLiteral("--out"),
                             out,
                             QStringLiteral("--quiet") };
        const Run r = runCli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        std::map<QString, double> totals;
        for (const auto& row : readCsv(out + QStringLiteral("/totals_bluecarbon.csv")))
            totals[row.at(QStringLiteral("quantity"))] = row.at(QStringLiteral("value")).toDouble();
        QCOMPARE(totals.at(QStringLiteral("invest_compatible")), 1.0);
        QVERIFY(totals.count(QStringLiteral("net_sequestration_2024_2030")));
    }

    void errorsNameFileRowColumn() {
        const QString out = m_dir.filePath(QStringLiteral("bad"));
        // One snapshot only (#1534).
        Run r = runCli({ QStringLiteral("carbon"),
                         QStringLiteral("--method"),
                         QStringLiteral("bluecarbon"),
                         m_lulc[0],
                         m_lulc[1],
                         QStringLiteral("--analysis-year"),
                         QStringLiteral("2030"),
                         QStringLiteral("--out"),
                         out });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("at least two")), qPrintable(r.err));
        // A transitions table with a bad cell: file, row and column named.
        const QString bad = m_dir.filePath(QStringLiteral("transitions.csv"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("lulc-class,mangrove,tidal-flat\nmangrove,accum,disturb\ntidal-flat,accum,NCC\n");
        f.close();
        QStringList args = { QStringLiteral("carbon"),
                             QStringLiteral("--method"),
                             QStringLiteral("bluecarbon") };
        args << m_lulc << QStringList{ QStringLiteral("--analysis-year"), QStringLiteral("2030"),
                                       QStringLiteral("--transitions"),   bad,
                                       QStringLiteral("--out"),           out };
        r = runCli(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(bad + QStringLiteral(", row 2, column tidal-flat")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("'disturb' is not a transition")));
        // Analysis year not after the last snapshot.
        args =
          QStringList{ QStringLiteral("carbon"), QStringLiteral("--method"), QStringLiteral("bluecarbon") };
        args << m_lulc
             << QStringList{
                    QStringLiteral("--analysis-year"), QStringLiteral("2024"), QStringLiteral("--out"), out
                };
        r = runCli(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--analysis-year")), qPrintable(r.err));
        // Help explains the options and output units.
        r = runCli({ QStringLiteral("carbon"),
                     QStringLiteral("--method"),
                     QStringLiteral("bluecarbon"),
                     QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("--invest-compatible")));
        QVERIFY(r.out.contains(QStringLiteral("t C/ha")));
    }
};

QTEST_GUILESS_MAIN(TestCliCarbonBlueCarbon)
#include "tst_cli_carbon_bluecarbon.moc"
