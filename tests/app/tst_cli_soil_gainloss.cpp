// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli carbon --method soil / --method gainloss end to end: on the generated sample project (the
// sample's farmland plots with crop, straw-return year and organic fertiliser; land cover 2015–2024 over
// the 小班 layer), on a small plot layer with a practice field, usage errors and validation messages.
#include "TestUtil.h"
#include "gis/Crs.h"
#include "gis/VectorWriter.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

namespace {

QString cliPath() {
    return QString::fromLocal8Bit(qgetenv("TANHUI_BINARY_DIR")) + QStringLiteral("/app/cli/tanhui-cli");
}

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run runCli(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TANHUI_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start(cliPath(), args);
    p.waitForFinished(600000);
    return { p.exitCode(),
             QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()) };
}

/// A CSV without quoted commas as header → column index and rows.
struct Csv {
    std::map<QString, int> col;
    std::vector<QStringList> rows;
    QString at(std::size_t r, const QString& c) const {
        const auto it = col.find(c);
        return it == col.end() ? QString() : rows[r].value(it->second);
    }
};
Csv readCsv(const QString& path) {
    Csv csv;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return csv;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty())
            continue;
        const QStringList cells = QString::fromUtf8(lines[i].trimmed()).split(QLatin1Char(','));
        if (csv.col.empty())
            for (qsizetype k = 0; k < cells.size(); ++k)
                csv.col[cells[k]] = int(k);
        else
            csv.rows.push_back(cells);
    }
    return csv;
}
std::map<QString, double> readTotals(const QString& path) {
    std::map<QString, double> m;
    const Csv c = readCsv(path);
    for (const QStringList& r : c.rows)
        m[r.value(0)] = r.value(1).toDouble();
    return m;
}

tanhui::gis::MultiPolygon square(double x, double y, double side) {
    tanhui::gis::Ring r;
    r.xy = { x, y, x + side, y, x + side, y + side, x, y + side, x, y };
    tanhui::gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

} // namespace

class TestCliSoilGainLoss : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_sample;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // The sample project generated once per ctest run (fixture sample_project_setup); read-only.
        m_sample = tanhui::test::sampleProjectDir();
        QVERIFY2(!m_sample.isEmpty(),
                 "sample project missing: run through ctest (fixture sample_project_setup)");
    }

    // The sample's farmland plots: crop (作物), straw return since (秸秆还田起始年), organic fertiliser
    // (施用有机肥), as mapped in project.tanhui.json.
    void soilOnSample() {
        const QString out = m_dir.filePath(QStringLiteral("soil"));
        const Run r = runCli({ "carbon",
                               "--method",
                               "soil",
                               "--parcels",
                               m_sample + "/vectors/farmland_plots.gpkg",
                               "--id",
                               "地块编码",
                               "--crop-field",
                               "作物",
                               "--straw-year-field",
                               "秸秆还田起始年",
                               "--organic-field",
                               "施用有机肥",
                               "--years",
                               "2024,2015",
                               "--out",
                               out,
                               "--quiet" });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("tagged unconfirmed")));
        for (const char* f :
             { "parcels_soil.csv", "parcels_soil.gpkg", "totals_soil.csv", "parameters_used.csv" })
            QVERIFY(QFile::exists(out + QLatin1Char('/') + QLatin1String(f)));
        const Csv p = readCsv(out + "/parcels_soil.csv");
        QVERIFY(p.rows.size() > 1000);
        int checked = 0, paddy = 0;
        double soc2024 = 0, change = 0;
        for (std::size_t i = 0; i < p.rows.size(); ++i) {
            QCOMPARE(p.at(i, "climate_zone"), QStringLiteral("tropical_moist"));
            QCOMPARE(p.at(i, "soil_class"), QStringLiteral("lac"));
            QCOMPARE(p.at(i, "flagged_parameters").isEmpty(), false);
            const double area = p.at(i, "area_ha").toDouble();
            soc2024 += p.at(i, "soc_t_2024").toDouble();
            change += p.at(i, "change_t_2015_2024").toDouble();
            if (p.at(i, "crop") == QStringLiteral("水稻")) {
                QCOMPARE(p.at(i, "land_use"), QStringLiteral("paddy_rice"));
                ++paddy;
            }
            // Straw return only (no manure) on dry land: 20.7552 → 22.56 over 20 years from the start year.
            if (p.at(i, "land_use") == QStringLiteral("long_term_cultivated") &&
                p.at(i, "input_after") == QStringLiteral("medium") && !p.at(i, "change_year").isEmpty()) {
                const int y0 = p.at(i, "change_year").toInt();
                const auto expected = [&](int y) {
                    return 20.7552 + 1.8048 * std::clamp((y - y0) / 20.0, 0.0, 1.0);
                };
                QVERIFY(std::fabs(p.at(i, "soc_t_per_ha_2024").toDouble() - expected(2024)) < 1e-9);
                QVERIFY(std::fabs(p.at(i, "soc_t_per_ha_2015").toDouble() - expected(2015)) < 1e-9);
                QVERIFY(std::fabs(p.at(i, "soc_t_2024").toDouble() - expected(2024) * area) < 1e-6);
                if (y0 < 2024)
                    QVERIFY(std::fabs(p.at(i, "flux_t_per_ha_yr_2024").toDouble() - 0.09024) < 1e-9);
                ++checked;
            }
        }
        QVERIFY(checked > 10);
        QVERIFY(paddy > 10);
        const std::map<QString, double> t = readTotals(out + "/totals_soil.csv");
        QVERIFY(std::fabs(t.at("soc_2024") - soc2024) < 1e-6 * soc2024);
        QVERIFY(t.at("change_2015_2024") > 0); // straw return and manure build soil carbon
        QVERIFY(std::fabs(t.at("change_2015_2024") - change) < 1e-6 * change);
        QVERIFY(std::fabs(t.at("co2e_removal_2015_2024") - t.at("change_2015_2024") * 44 / 12) <
                1e-6 * change);
        QFile used(out + "/parameters_used.csv");
        QVERIFY(used.open(QIODevice::ReadOnly));
        const QString u = QString::fromUtf8(used.readAll());
        QVERIFY(u.contains(QStringLiteral("soc_ref,tropical_moist|lac,soc_ref,47,t C/ha,")));
        QVERIFY(u.contains(QStringLiteral("soil_factors,tropical_moist|lu|paddy_rice,value,1.1,ratio,")));
        QVERIFY(u.contains(QStringLiteral("settings,climate_zone,,tropical_moist")));
    }

    // A plot layer with a practice text field and a practice-year field; unknown values listed.
    void soilPracticeField() {
        using F = tanhui::gis::VectorField;
        const QString path = m_dir.filePath(QStringLiteral("plots.gpkg"));
        tanhui::gis::writePolygonLayer(
          path.toStdString(),
          QStringLiteral("plots"),
          tanhui::gis::Crs::fromEpsg(4547),
          { { QStringLiteral("编号"), F::Type::String, 0, 0 },
            { QStringLiteral("用地"), F::Type::String, 0, 0 },
            { QStringLiteral("措施"), F::Type::String, 0, 0 },
            { QStringLiteral("起始年"), F::Type::Integer, 0, 0 } },
          { { { QStringLiteral("P1"), QStringLiteral("旱地"), QStringLiteral("秸秆还田+有机肥"), 2010 },
              square(500000, 2500000, 100) },
            { { QStringLiteral("P2"), QStringLiteral("水田"), QStringLiteral("免耕"), 2020 },
              square(500200, 2500000, 100) } });
        const QString out = m_dir.filePath(QStringLiteral("soil2"));
        const QStringList base = {
            "carbon", "--method",     "soil", "--parcels",        path,   "--id",
            "编号",   "--crop-field", "用地", "--practice-field", "措施", "--practice-year-field",
            "起始年", "--out",        out,    "--quiet"
        };
        Run r = runCli(base + QStringList{ "--years", "2010,2020,2030" });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Csv p = readCsv(out + "/parcels_soil.csv");
        QCOMPARE(p.rows.size(), std::size_t(2));
        QCOMPARE(p.at(0, "input_after"), QStringLiteral("high_with_manure"));
        QVERIFY(std::fabs(p.at(0, "rate_t_per_ha_yr_2010_2020").toDouble() - 0.58656) < 1e-9);
        QVERIFY(std::fabs(p.at(0, "rate_t_per_ha_yr_2020_2030").toDouble() - 0.58656) < 1e-9);
        QCOMPARE(p.at(1, "tillage"), QStringLiteral("no_till"));
        // Paddy, no-till from low input: 47 × 1.1 × 0.92 → 47 × 1.1 × 1.22 × 0.92 over 20 years.
        QVERIFY(std::fabs(p.at(1, "soc_t_per_ha_2030").toDouble() -
                          (47 * 1.1 * 0.92 + 47 * 1.1 * 0.92 * 0.22 / 2)) < 1e-9);

        // Unknown crop and a non-existent field: exit 1, messages name the file, row and column.
        r = runCli(QStringList{ "carbon",
                                "--method",
                                "soil",
                                "--parcels",
                                path,
                                "--crop-field",
                                "作物",
                                "--years",
                                "2015",
                                "--out",
                                out });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
          r.err.contains(
            path +
            QStringLiteral(
              ", column 作物: the layer has no field '作物'; its fields are: 编号, 用地, 措施, 起始年")),
          qPrintable(r.err));
        r = runCli(QStringList{ "carbon",
                                "--method",
                                "soil",
                                "--parcels",
                                path,
                                "--crop-field",
                                "措施",
                                "--years",
                                "2015",
                                "--out",
                                out });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(
                   path + QStringLiteral(
                            ", row 1, column 措施: unknown crop or land use in 2 feature(s): "
                            "'秸秆还田+有机肥' (rows 1), '免耕' (rows 2); accepted: 水田 → paddy_rice")),
                 qPrintable(r.err));
        r = runCli(base + QStringList{ "--years", "2015", "--climate-zone", "boreal_dry" });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(
                   QStringLiteral("soc_ref.csv, column climate_zone: the table has no row boreal_dry|lac")),
                 qPrintable(r.err));
    }

    // Land cover 2015–2024 of the sample over its 小班 layer: eucalyptus and plantation harvests appear
    // as cleared forest (losses); most forest parcels are net sinks.
    void gainLossOnSample() {
        const QString out = m_dir.filePath(QStringLiteral("gl"));
        QStringList args = {
            "carbon",    "--method", "gainloss", "--parcels", m_sample + "/vectors/xiaoban.shp",
            "--id",      "小班号",   "--out",    out,         "--quiet",
            "--threads", "2"
        };
        for (int y : { 2015, 2018, 2021, 2024 })
            args << "--lulc" << QStringLiteral("%1/rasters/landcover_%2.tif@%2").arg(m_sample).arg(y);
        const Run r = runCli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const char* f : { "parcels_gainloss.csv",
                               "parcels_gainloss.gpkg",
                               "totals_gainloss.csv",
                               "parameters_used.csv",
                               "transition_2015_2018.tif",
                               "transition_2021_2024.tif" })
            QVERIFY2(QFile::exists(out + QLatin1Char('/') + QLatin1String(f)), f);
        const std::map<QString, double> t = readTotals(out + "/totals_gainloss.csv");
        for (const char* iv : { "_2015_2018", "_2018_2021", "_2021_2024" }) {
            const QString s = QString::fromLatin1(iv);
            QVERIFY(t.at("lost_forest" + s) > 10); // harvests between the dates (ha)
            QVERIFY(t.at("loss" + s) > 0);
            QVERIFY(t.at("remaining_forest" + s) > 1000);
            QVERIFY(std::fabs(t.at("net" + s) - (t.at("gain" + s) - t.at("loss" + s) / 3)) <
                    1e-6 * t.at("gain" + s));
            QVERIFY(std::fabs(t.at("net_co2e" + s) - t.at("net" + s) * 44 / 12) < 1e-6 * t.at("gain" + s));
            QVERIFY(std::fabs(t.at("remaining_natural_secondary_old" + s) + t.at("remaining_plantation" + s) -
                              t.at("remaining_forest" + s)) < 1e-6 * t.at("remaining_forest" + s));
        }
        QVERIFY(t.at("sink_parcels") > 2 * t.at("source_parcels"));
        QVERIFY(t.at("source_parcels") > 0);
        const Csv p = readCsv(out + "/parcels_gainloss.csv");
        QCOMPARE(double(p.rows.size()), t.at("parcels"));
        int withLoss = 0;
        for (std::size_t i = 0; i < p.rows.size(); ++i)
            if (p.at(i, "lost_forest_ha_2015_2018").toDouble() > 0.5) {
                ++withLoss;
                QVERIFY(p.at(i, "loss_t_2015_2018").toDouble() > 0);
            }
        QVERIFY(withLoss > 0);
    }

    void usageAndHelp() {
        Run r = runCli({ "carbon", "--method", "soil", "--help" });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("flux_t_per_ha_yr_Y")));
        QVERIFY(r.out.contains(QStringLiteral("--straw-year-field")));
        r = runCli({ "carbon", "--method", "gainloss", "--help" });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("net_co2e_t_per_yr")));
        r = runCli({ "carbon",
                     "--method",
                     "soil",
                     "--parcels",
                     "x.gpkg",
                     "--crop-field",
                     "c",
                     "--years",
                     "20x5",
                     "--out",
                     m_dir.path() });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--years")));
        r = runCli({ "carbon",
                     "--method",
                     "soil",
                     "--parcels",
                     "x.gpkg",
                     "--crop-field",
                     "c",
                     "--years",
                     "2015",
                     "--before",
                     "forest",
                     "--out",
                     m_dir.path() });
        QCOMPARE(r.exitCode, 2);
        r = runCli({ "carbon",
                     "--method",
                     "gainloss",
                     "--lulc",
                     "a.tif@2015",
                     "--parcels",
                     "x.shp",
                     "--out",
                     m_dir.path() });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("input file not found: a.tif")));
        const QString lc = m_sample + "/rasters/landcover_2015.tif@2015";
        r = runCli({ "carbon",
                     "--method",
                     "gainloss",
                     "--lulc",
                     lc,
                     "--parcels",
                     m_sample + "/vectors/xiaoban.shp",
                     "--forest-class",
                     "eleven=plantation",
                     "--out",
                     m_dir.path() });
        QCOMPARE(r.exitCode, 2);
        r = runCli({ "carbon",
                     "--method",
                     "gainloss",
                     "--lulc",
                     lc,
                     "--parcels",
                     m_sample + "/vectors/xiaoban.shp",
                     "--forest-class",
                     "11=bamboo",
                     "--out",
                     m_dir.filePath("gl2") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("needs land cover at two dates or more (1 given)")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("forest type 'bamboo'")));
        r = runCli({ "carbon", "--method", "nope", "--out", m_dir.path() });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("available: pools, volume, soil, gainloss")));
    }
};

QTEST_GUILESS_MAIN(TestCliSoilGainLoss)
#include "tst_cli_soil_gainloss.moc"
