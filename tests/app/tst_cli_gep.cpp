// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli gep end to end on the shared sample project (tests/TestUtil.h sampleProjectDir(), read-only;
// tests that change files copy it; docs/sample-project.md): per-parcel GEP for
// forests, farmland, wetlands and mangroves, shares by service and the climate-regulation warning in the
// summary, skipped indicators with reasons, outputs; bad inputs (unsourced price, price unit that does
// not match its basis, negative precipitation, a raster that covers no parcel) get messages naming
// what to fix (gep-methods.md "How the app should use this", §4.2, §4.8).
#include "TestUtil.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <gdal.h>
#include <ogr_api.h>

#include <cmath>
#include <map>
#include <set>

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
    p.waitForFinished(600000);
    return { p.exitCode(),
             QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()) };
}

/// CSV rows split on commas outside quotes.
std::vector<QStringList> readCsv(const QString& path) {
    QFile f(path);
    std::vector<QStringList> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    for (const QByteArray& raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty())
            continue;
        QStringList cells;
        QString cur;
        bool quoted = false;
        for (QChar c : line) {
            if (c == QLatin1Char('"'))
                quoted = !quoted;
            else if (c == QLatin1Char(',') && !quoted) {
                cells << cur;
                cur.clear();
            } else
                cur += c;
        }
        cells << cur;
        rows.push_back(cells);
    }
    return rows;
}

/// Overwrites every cell of band 1 of a raster with `value`.
void fillRaster(const QString& path, double value) {
    GDALAllRegister();
    GDALDatasetH ds = GDALOpen(path.toUtf8().constData(), GA_Update);
    QVERIFY(ds);
    GDALRasterBandH b = GDALGetRasterBand(ds, 1);
    const int cols = GDALGetRasterXSize(ds), rows = GDALGetRasterYSize(ds);
    const std::vector<float> line(static_cast<std::size_t>(cols), static_cast<float>(value));
    for (int r = 0; r < rows; ++r)
        QCOMPARE(GDALRasterIO(
                   b, GF_Write, 0, r, cols, 1, const_cast<float*>(line.data()), cols, 1, GDT_Float32, 0, 0),
                 CE_None);
    GDALClose(ds);
}

} // namespace

class TstCliGep : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void sampleProject();
    void parcelInputsAndProducts();
    void carbonTableEqualsPoolMethod();
    void scenarioDifference();
    void carbonFromCarbonProject();
    void priceYearOutOfTheBox();
    void projectTablesAndTypeField();
    void unsourcedPriceRefused();
    void priceUnitMismatch();
    void negativePrecipitation();
    void rasterNotCoveringParcels();

private:
    QTemporaryDir m_dir;
    QString m_sample;
    QString m_project;
    QString copyProject(const QString& name);
};

void TstCliGep::initTestCase() {
    QVERIFY(m_dir.isValid());
    TANHUI_REQUIRE_SAMPLE(sample); // the shared sample (read-only: tests that change files copy it)
    m_sample = sample;
    m_project = sample + QStringLiteral("/project.tanhui.json");
}

QString TstCliGep::copyProject(const QString& name) {
    const QString src = m_sample;
    const QString dst = m_dir.filePath(name);
    QDirIterator it(src, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = dst + file.mid(src.size());
        QDir().mkpath(QFileInfo(target).path());
        QFile::copy(file, target);
    }
    return dst;
}

void TstCliGep::sampleProject() {
    const QString out = m_dir.filePath(QStringLiteral("gep"));
    const Run r = runCli({ QStringLiteral("gep"),
                           QStringLiteral("--project"),
                           m_project,
                           QStringLiteral("--out"),
                           out,
                           QStringLiteral("--ac-days"),
                           QStringLiteral("120"),
                           QStringLiteral("--quiet") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // Summary: total, shares by service, the climate-regulation warning, skipped indicators with reasons.
    QVERIFY2(r.err.contains(QLatin1String("GEP ")), qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("Water conservation")));
    QVERIFY(r.err.contains(QLatin1String(" %")));
    QVERIFY(r.err.contains(QLatin1String("climate regulation is")));
    QVERIFY(r.err.contains(QLatin1String("dominates the total")));
    QVERIFY(r.err.contains(QLatin1String("skipped water_purification")));
    for (const char* f : { "indicators.csv",
                           "skipped.csv",
                           "totals.csv",
                           "prices_used.csv",
                           "parcels_xiaoban.gpkg",
                           "parcels_farmland_plots.gpkg",
                           "parcels_wetland_units.gpkg",
                           "parcels_mangrove_restoration.gpkg" })
        QVERIFY2(QFile::exists(out + QLatin1Char('/') + QLatin1String(f)), f);

    // Per-parcel GEP exists for forests, farmland, wetlands and mangroves; per-ha values of the order of
    // the §6.3 sanity benchmarks (tens of 万元/ha/a for forest, more for wetlands with climate regulation).
    const auto ind = readCsv(out + QStringLiteral("/indicators.csv"));
    QVERIFY(ind.size() > 1000);
    const QStringList header = ind.front();
    const int cLayer = header.indexOf(QStringLiteral("layer")),
              cEco = header.indexOf(QStringLiteral("ecosystem")),
              cInd = header.indexOf(QStringLiteral("indicator")),
              cComp = header.indexOf(QStringLiteral("component")),
              cVal = header.indexOf(QStringLiteral("value_cny")),
              cUnit = header.indexOf(QStringLiteral("unit")),
              cSrc = header.indexOf(QStringLiteral("price_source")),
              cYear = header.indexOf(QStringLiteral("price_year"));
    QVERIFY(cLayer >= 0 && cEco >= 0 && cInd >= 0 && cComp >= 0 && cVal >= 0 && cSrc >= 0 && cYear >= 0);
    std::map<QString, double> valueByEco;
    std::set<QString> layers;
    for (std::size_t i = 1; i < ind.size(); ++i) {
        const QStringList& row = ind[i];
        if (row[cComp] == QLatin1String("total")) {
            valueByEco[row[cEco]] += row[cVal].toDouble();
            layers.insert(row[cLayer]);
            if (row[cInd] == QLatin1String("water_conservation"))
                QCOMPARE(row[cUnit], QStringLiteral("m3"));
            if (row[cInd] == QLatin1String("carbon_sequestration"))
                QCOMPARE(row[cUnit], QStringLiteral("t CO2"));
        } else {
            QVERIFY2(!row[cSrc].isEmpty(), qPrintable(row.join(QLatin1Char(','))));
            QVERIFY(row[cYear].toInt() > 0);
        }
    }
    for (const char* l : { "xiaoban", "farmland_plots", "wetland_units", "mangrove_restoration" })
        QVERIFY2(layers.count(QLatin1String(l)), l);
    for (const char* e : { "evergreen broadleaf forest", "paddy field", "freshwater marsh", "mangrove" })
        QVERIFY2(valueByEco[QLatin1String(e)] > 0, e);

    // Per-ha GEP from totals.csv: forest 10–100 万元/ha/a (F1: 38.9), mangrove 50–500 (M1: 173).
    const auto totals = readCsv(out + QStringLiteral("/totals.csv"));
    double total = 0, shareSum = 0;
    for (const QStringList& row : totals) {
        if (row[0] == QLatin1String("total"))
            total = row[2].toDouble();
        if (row[0] == QLatin1String("service"))
            shareSum += row[3].toDouble();
    }
    QVERIFY(total > 0);
    QVERIFY(std::fabs(shareSum - 100.0) < 1e-6);
    const QRegularExpression perHa(QStringLiteral("ecosystem (.+): ([0-9.]+) ha, (-?[0-9]+) CNY/ha/a"));
    std::map<QString, double> cnyPerHa;
    for (const QString& line : r.err.split(QLatin1Char('\n'))) {
        const auto m = perHa.match(line);
        if (m.hasMatch())
            cnyPerHa[m.captured(1)] = m.captured(3).toDouble();
    }
    QVERIFY2(cnyPerHa.count(QStringLiteral("evergreen broadleaf forest")), qPrintable(r.err));
    QVERIFY(cnyPerHa[QStringLiteral("evergreen broadleaf forest")] > 1e5);
    QVERIFY(cnyPerHa[QStringLiteral("evergreen broadleaf forest")] < 1e6);
    QVERIFY(cnyPerHa[QStringLiteral("mangrove")] > 5e5);
    QVERIFY(cnyPerHa[QStringLiteral("mangrove")] < 5e6);

    // Skipped indicators are listed with their reasons, never as zero values.
    const auto skipped = readCsv(out + QStringLiteral("/skipped.csv"));
    bool mangroveWater = false;
    for (const QStringList& row : skipped)
        if (row[1] == QLatin1String("mangrove") && row[2] == QLatin1String("water_conservation"))
            mangroveWater = row[3].contains(QLatin1String("saline")) && row[4].toInt() > 0;
    QVERIFY(mangroveWater);
}

// Recreation, coastal protection and material products from user tables (gep-methods.md §4.1, §4.12,
// §4.13; the M1 inputs of §6.2 on one restoration plot), with a user price for the product.
void TstCliGep::parcelInputsAndProducts() {
    const QString inputs = m_dir.filePath(QStringLiteral("inputs.csv"));
    QFile f(inputs);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("parcel,visits,spend_per_visit_cny,shoreline_m,source\n"
            "mangrove_restoration:HSL-01,100000,80,1200,park survey 2024 (test)\n");
    f.close();
    const QString products = m_dir.filePath(QStringLiteral("products.csv"));
    QFile g(products);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("product,lucode,yield_t_per_ha,price_key,source\nmangrove_fish,42,0.5,fish_price,test\n");
    g.close();
    const QString prices = m_dir.filePath(QStringLiteral("fish_prices.csv"));
    QFile h(prices);
    QVERIFY(h.open(QIODevice::WriteOnly));
    h.write("key,value,unit,basis,price_year,source\nfish_price,20000,CNY/t,t,2024,market survey (test)\n");
    h.close();
    // Water-purification capacities have no default (§4.7): the M1 values of §6.2 through --ecosystems.
    const QString eco = m_dir.filePath(QStringLiteral("eco.csv"));
    QFile e(eco);
    QVERIFY(e.open(QIODevice::WriteOnly));
    e.write(
      "lucode,ecosystem,group,climate_form,runoff_coef,storage_depth_m,cod_kg_ha,nh3n_kg_ha,tp_kg_ha,"
      "water_conservation,source\n42,mangrove,mangrove,water,0,0.3,600,60,12,0,M1 example values (test)\n");
    e.close();
    const QString out = m_dir.filePath(QStringLiteral("inputs_out"));
    const Run r = runCli({ QStringLiteral("gep"),
                           QStringLiteral("--project"),
                           m_project,
                           QStringLiteral("--out"),
                           out,
                           QStringLiteral("--layers"),
                           QStringLiteral("mangrove_restoration"),
                           QStringLiteral("--parcel-inputs"),
                           inputs,
                           QStringLiteral("--products"),
                           products,
                           QStringLiteral("--prices"),
                           prices,
                           QStringLiteral("--seawall-cost"),
                           QStringLiteral("20000"),
                           QStringLiteral("--seawall-life"),
                           QStringLiteral("50"),
                           QStringLiteral("--ecosystems"),
                           eco,
                           QStringLiteral("--quiet") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto ind = readCsv(out + QStringLiteral("/indicators.csv"));
    const QStringList header = ind.front();
    const int cId = header.indexOf(QStringLiteral("parcel_id")),
              cInd = header.indexOf(QStringLiteral("indicator")),
              cComp = header.indexOf(QStringLiteral("component")),
              cVal = header.indexOf(QStringLiteral("value_cny")),
              cCat = header.indexOf(QStringLiteral("category")),
              cEco = header.indexOf(QStringLiteral("ecosystem"));
    std::map<QString, double> hsl01;
    int material = 0;
    for (std::size_t i = 1; i < ind.size(); ++i) {
        const QStringList& row = ind[i];
        if (row[cComp] != QLatin1String("total"))
            continue;
        if (row[cId] == QLatin1String("HSL-01"))
            hsl01[row[cInd]] = row[cVal].toDouble();
        if (row[cInd] == QLatin1String("material_products")) {
            QCOMPARE(row[cCat], QStringLiteral("material"));
            QCOMPARE(row[cEco], QStringLiteral("mangrove"));
            ++material;
        }
        if (row[cInd] == QLatin1String("recreation"))
            QCOMPARE(row[cCat], QStringLiteral("cultural"));
    }
    QVERIFY(std::fabs(hsl01[QStringLiteral("recreation")] - 8000000.0) < 0.01);
    QVERIFY(std::fabs(hsl01[QStringLiteral("coastal_protection")] - 480000.0) < 0.01);
    // 506.10 CNY/ha (§6.2 table) × the plot's area.
    const auto gpkgFree = readCsv(out + QStringLiteral("/indicators.csv"));
    double qty = 0;
    for (const QStringList& row : gpkgFree)
        if (row[cId] == QLatin1String("HSL-01") && row[cInd] == QLatin1String("water_purification") &&
            row[cComp] == QLatin1String("total"))
            qty = row[header.indexOf(QStringLiteral("quantity"))].toDouble();
    QVERIFY(qty > 0);
    const double ha = qty / 0.672; // t per ha: (600 + 60 + 12) kg/ha / 1000
    QVERIFY(std::fabs(hsl01[QStringLiteral("water_purification")] - 506.10 * ha) < 0.01);
    QVERIFY(material > 0);
}

// Carbon taken from `tanhui-cli carbon` parcels.csv (--carbon) gives the same sequestration as the
// built-in pool-method pass (both the carbon engine's change of the interval ending at the accounting
// year 2024, 2021 → 2024, per year).
void TstCliGep::carbonTableEqualsPoolMethod() {
    const QString sample = m_sample;
    const QString carbonOut = m_dir.filePath(QStringLiteral("carbon"));
    Run r = runCli({ QStringLiteral("carbon"),
                     QStringLiteral("--method"),
                     QStringLiteral("pools"),
                     QStringLiteral("--lulc"),
                     sample + QStringLiteral("/rasters/landcover_2021.tif@2021"),
                     QStringLiteral("--lulc"),
                     sample + QStringLiteral("/rasters/landcover_2024.tif@2024"),
                     QStringLiteral("--parcels"),
                     sample + QStringLiteral("/vectors/mangrove_restoration.gpkg"),
                     QStringLiteral("--id"),
                     QStringLiteral("plot_id"),
                     QStringLiteral("--out"),
                     carbonOut,
                     QStringLiteral("--quiet") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    auto carbonOf = [&](const QString& out) {
        std::map<QString, double> v;
        const auto ind = readCsv(out + QStringLiteral("/indicators.csv"));
        const QStringList header = ind.front();
        const int cId = header.indexOf(QStringLiteral("parcel_id")),
                  cInd = header.indexOf(QStringLiteral("indicator")),
                  cComp = header.indexOf(QStringLiteral("component")),
                  cQty = header.indexOf(QStringLiteral("quantity"));
        for (std::size_t i = 1; i < ind.size(); ++i)
            if (ind[i][cComp] == QLatin1String("total") &&
                ind[i][cInd] == QLatin1String("carbon_sequestration"))
                v[ind[i][cId]] = ind[i][cQty].toDouble();
        return v;
    };
    const QString a = m_dir.filePath(QStringLiteral("carbon_table")),
                  b = m_dir.filePath(QStringLiteral("carbon_pool"));
    r = runCli({ QStringLiteral("gep"),
                 QStringLiteral("--project"),
                 m_project,
                 QStringLiteral("--out"),
                 a,
                 QStringLiteral("--layers"),
                 QStringLiteral("mangrove_restoration"),
                 QStringLiteral("--carbon"),
                 QStringLiteral("mangrove_restoration=") + carbonOut + QStringLiteral("/parcels.csv"),
                 QStringLiteral("--quiet") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!r.err.contains(QLatin1String("carbon_rasters")));
    r = runCli({ QStringLiteral("gep"),
                 QStringLiteral("--project"),
                 m_project,
                 QStringLiteral("--out"),
                 b,
                 QStringLiteral("--layers"),
                 QStringLiteral("mangrove_restoration"),
                 QStringLiteral("--carbon-results"),
                 QStringLiteral("none"),
                 QStringLiteral("--quiet") });
    QVERIFY2(
      (r.out + r.err).contains(QLatin1String("the carbon pool method ran on the land cover 2021 and 2024")),
      qPrintable(r.out));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto va = carbonOf(a), vb = carbonOf(b);
    QVERIFY(!va.empty());
    QCOMPARE(va.size(), vb.size());
    for (const auto& [id, q] : va)
        QVERIFY2(std::fabs(q - vb.at(id)) <= 1e-6 * std::max(1.0, std::fabs(q)), qPrintable(id));

    // The same table as a spreadsheet may save it: UTF-8 BOM, CRLF line ends, a blank line and an
    // extra quoted column with a comma, a doubled quote and a line break inside: same values.
    QFile in(carbonOut + QStringLiteral("/parcels.csv"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = in.readAll().split('\n');
    in.close();
    QByteArray edited("\xEF\xBB\xBF");
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        edited +=
          lines[i] + (i == 0 ? QByteArray(",note") : QByteArray(",\"row, \"\"checked\"\"\nby hand\""));
        edited += "\r\n";
        if (i == 1)
            edited += "\r\n";
    }
    const QString editedPath = m_dir.filePath(QStringLiteral("carbon_edited.csv"));
    QFile out(editedPath);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(edited);
    out.close();
    const QString c = m_dir.filePath(QStringLiteral("carbon_table_edited"));
    r = runCli({ QStringLiteral("gep"),
                 QStringLiteral("--project"),
                 m_project,
                 QStringLiteral("--out"),
                 c,
                 QStringLiteral("--layers"),
                 QStringLiteral("mangrove_restoration"),
                 QStringLiteral("--carbon"),
                 QStringLiteral("mangrove_restoration=") + editedPath,
                 QStringLiteral("--quiet") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto vc = carbonOf(c);
    QCOMPARE(vc.size(), va.size());
    for (const auto& [id, q] : va)
        QCOMPARE(vc.at(id), q);

    // A quote that is never closed is an error naming the file, not a silently shortened table.
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Append));
    out.write(",\"not closed\r\n");
    out.close();
    r = runCli({ QStringLiteral("gep"),
                 QStringLiteral("--project"),
                 m_project,
                 QStringLiteral("--out"),
                 m_dir.filePath(QStringLiteral("carbon_table_unclosed")),
                 QStringLiteral("--layers"),
                 QStringLiteral("mangrove_restoration"),
                 QStringLiteral("--carbon"),
                 QStringLiteral("mangrove_restoration=") + editedPath,
                 QStringLiteral("--quiet") });
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(editedPath) && r.err.contains(QLatin1String("not closed")), qPrintable(r.err));
}

// --scenario: a copy of the project with a wetter evapotranspiration (1500 mm/a everywhere) changes
// climate regulation of the mangrove plots; scenario_diff.csv = scenario − baseline per parcel.
void TstCliGep::scenarioDifference() {
    const QString dir = copyProject(QStringLiteral("scenario"));
    fillRaster(dir + QStringLiteral("/rasters/evapotranspiration.tif"), 1500);
    const QString out = m_dir.filePath(QStringLiteral("scenario_out"));
    const Run r = runCli({ QStringLiteral("gep"),
                           QStringLiteral("--project"),
                           m_project,
                           QStringLiteral("--out"),
                           out,
                           QStringLiteral("--layers"),
                           QStringLiteral("mangrove_restoration"),
                           QStringLiteral("--ac-days"),
                           QStringLiteral("120"),
                           QStringLiteral("--scenario"),
                           dir + QStringLiteral("/project.tanhui.json"),
                           QStringLiteral("--quiet") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("scenario GEP")));
    const auto diff = readCsv(out + QStringLiteral("/scenario_diff.csv"));
    QCOMPARE(int(diff.size()), 10); // header + 9 plots
    for (std::size_t i = 1; i < diff.size(); ++i) {
        const double base = diff[i][2].toDouble(), scen = diff[i][3].toDouble(), d = diff[i][4].toDouble();
        QVERIFY(std::fabs(d - (scen - base)) <= 1e-6 * std::max(1.0, std::fabs(d)));
        QVERIFY2(d != 0, qPrintable(diff[i].join(QLatin1Char(','))));
    }
    QVERIFY(QFile::exists(out + QStringLiteral("/scenario/totals.csv")));
}

void TstCliGep::unsourcedPriceRefused() {
    const QString prices = m_dir.filePath(QStringLiteral("prices.csv"));
    QFile f(prices);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("key,value,unit,basis,price_year,source\nelectricity_price,0.61,CNY/kWh,kWh,2024,\n");
    f.close();
    const Run r = runCli({ QStringLiteral("gep"),
                           QStringLiteral("--project"),
                           m_project,
                           QStringLiteral("--out"),
                           m_dir.filePath(QStringLiteral("x")),
                           QStringLiteral("--prices"),
                           prices });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("prices.csv")) && r.err.contains(QLatin1String("column source")) &&
               r.err.contains(QLatin1String("electricity_price")),
             qPrintable(r.err));
}

void TstCliGep::priceUnitMismatch() {
    const QString prices = m_dir.filePath(QStringLiteral("prices2.csv"));
    QFile f(prices);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("key,value,unit,basis,price_year,source\ncarbon_price,1200,CNY/t C,t CO2,2008,LY/T 1721-2008\n");
    f.close();
    const Run r = runCli({ QStringLiteral("gep"),
                           QStringLiteral("--project"),
                           m_project,
                           QStringLiteral("--out"),
                           m_dir.filePath(QStringLiteral("x")),
                           QStringLiteral("--prices"),
                           prices });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("prices2.csv")) && r.err.contains(QLatin1String("column unit")) &&
               r.err.contains(QLatin1String("44/12")),
             qPrintable(r.err));
}

void TstCliGep::negativePrecipitation() {
    const QString dir = copyProject(QStringLiteral("negative"));
    fillRaster(dir + QStringLiteral("/rasters/precipitation.tif"), -5);
    const Run r = runCli({ QStringLiteral("gep"),
                           QStringLiteral("--project"),
                           dir + QStringLiteral("/project.tanhui.json"),
                           QStringLiteral("--out"),
                           m_dir.filePath(QStringLiteral("neg")),
                           QStringLiteral("--layers"),
                           QStringLiteral("mangrove_restoration"),
                           QStringLiteral("--quiet") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("precipitation.tif")) &&
               r.err.contains(QLatin1String("negative")) &&
               r.err.contains(QLatin1String("mangrove_restoration")),
             qPrintable(r.err));
}

void TstCliGep::rasterNotCoveringParcels() {
    const QString dir = copyProject(QStringLiteral("offset"));
    // Move the ET raster 100 km east: it then covers none of the parcels.
    GDALAllRegister();
    GDALDatasetH ds =
      GDALOpen((dir + QStringLiteral("/rasters/evapotranspiration.tif")).toUtf8().constData(), GA_Update);
    QVERIFY(ds);
    double gt[6];
    GDALGetGeoTransform(ds, gt);
    gt[0] += 100000;
    GDALSetGeoTransform(ds, gt);
    GDALClose(ds);
    const Run r = runCli({ QStringLiteral("gep"),
                           QStringLiteral("--project"),
                           dir + QStringLiteral("/project.tanhui.json"),
                           QStringLiteral("--out"),
                           m_dir.filePath(QStringLiteral("off")),
                           QStringLiteral("--layers"),
                           QStringLiteral("mangrove_restoration"),
                           QStringLiteral("--quiet") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("evapotranspiration.tif")) &&
               r.err.contains(QLatin1String("does not cover")),
             qPrintable(r.err));
}

// The carbon project's results in carbon/ next to the project (where `tanhui-cli carbon --project`
// writes them by default): gep takes each parcel's annual change from them (layer + source_fid), never
// re-deriving it: 固碳 = change_t_per_yr_2021_2024 × 44/12 per parcel, and the output names the source
// and the years. The results are the fixture's (sample_results_setup: the sample's carbon --project),
// copied next to a copy of the project.
void TstCliGep::carbonFromCarbonProject() {
    const QString dir = copyProject(QStringLiteral("carbonproj"));
    const QString project = dir + QStringLiteral("/project.tanhui.json");
    const QString results = qEnvironmentVariable("TANHUI_TEST_RESULTS") + QStringLiteral("/carbon");
    QVERIFY2(QFileInfo::exists(results + QStringLiteral("/parcels.csv")),
             "the sample's carbon results are missing: run through ctest (fixture sample_results_setup)");
    {
        QDirIterator it(results, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString target = dir + QStringLiteral("/carbon") + file.mid(results.size());
            QVERIFY(QDir().mkpath(QFileInfo(target).path()));
            QVERIFY2(QFile::copy(file, target), qPrintable(file));
        }
    }
    Run r;
    const auto carbon = readCsv(dir + QStringLiteral("/carbon/parcels.csv"));
    QVERIFY(carbon.size() > 1);
    const QStringList ch = carbon.front();
    const int cLayer = ch.indexOf(QStringLiteral("layer")), cId = ch.indexOf(QStringLiteral("id")),
              cMethod = ch.indexOf(QStringLiteral("method"));
    QVERIFY(cLayer >= 0 && cId >= 0 && cMethod >= 0);
    // The annual change GEP takes from a row: the flow of the accounting year 2024, change_t_per_yr of
    // the narrowest interval ending at 2024 with a value (GepCommand.cpp, CarbonColumns), never the
    // 2015–2024 mean.
    auto rateOf = [&](const QStringList& row) -> std::optional<double> {
        const QRegularExpression re(QStringLiteral("^change_t_per_yr_(\\d{4})_(2024)$"));
        int bestSpan = 1000;
        std::optional<double> best;
        for (int c = 0; c < ch.size(); ++c) {
            const auto m = re.match(ch[c]);
            if (!m.hasMatch() || row.value(c).isEmpty())
                continue;
            const int y1 = m.captured(1).toInt(), y2 = m.captured(2).toInt();
            if (y2 - y1 < bestSpan) {
                bestSpan = y2 - y1;
                best = row.value(c).toDouble();
            }
        }
        return best;
    };
    std::map<QString, double> expected; // t CO2/a per mangrove plot
    for (std::size_t i = 1; i < carbon.size(); ++i)
        if (carbon[i][cLayer] == QLatin1String("mangrove_restoration"))
            if (const auto rate = rateOf(carbon[i]))
                expected[carbon[i][cId]] = *rate * 44.0 / 12.0;
    QCOMPARE(int(expected.size()), 9);

    const QString out = m_dir.filePath(QStringLiteral("carbonproj_out"));
    r = runCli({ QStringLiteral("gep"),
                 QStringLiteral("--project"),
                 project,
                 QStringLiteral("--out"),
                 out,
                 QStringLiteral("--layers"),
                 QStringLiteral("mangrove_restoration"),
                 QStringLiteral("--quiet") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2((r.out + r.err)
               .contains(QLatin1String("carbon source for layer mangrove_restoration: the carbon engine's "
                                       "results")),
             qPrintable(r.out));
    QVERIFY(!r.err.contains(QLatin1String("carbon_rasters"))); // the pool method did not run
    const auto ind = readCsv(out + QStringLiteral("/indicators.csv"));
    const QStringList h = ind.front();
    const int iId = h.indexOf(QStringLiteral("parcel_id")), iInd = h.indexOf(QStringLiteral("indicator")),
              iComp = h.indexOf(QStringLiteral("component")), iQty = h.indexOf(QStringLiteral("quantity"));
    int matched = 0;
    for (std::size_t i = 1; i < ind.size(); ++i) {
        if (ind[i][iComp] != QLatin1String("total") || ind[i][iInd] != QLatin1String("carbon_sequestration"))
            continue;
        const double want = expected.at(ind[i][iId]);
        QVERIFY2(std::fabs(ind[i][iQty].toDouble() - want) <= 1e-9 * std::max(1.0, std::fabs(want)),
                 qPrintable(ind[i].join(QLatin1Char(','))));
        ++matched;
    }
    QCOMPARE(matched, 9);
    // Per parcel: the source and the years.
    GDALAllRegister();
    GDALDatasetH ds =
      GDALOpenEx((out + QStringLiteral("/parcels_mangrove_restoration.gpkg")).toUtf8().constData(),
                 GDAL_OF_VECTOR,
                 nullptr,
                 nullptr,
                 nullptr);
    QVERIFY(ds);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    OGRFeatureH feat;
    int n = 0;
    while ((feat = OGR_L_GetNextFeature(layer)) != nullptr) {
        const OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        QCOMPARE(QString::fromUtf8(OGR_F_GetFieldAsString(feat, OGR_FD_GetFieldIndex(defn, "carbon_source"))),
                 QStringLiteral("carbon_results"));
        QCOMPARE(QString::fromUtf8(OGR_F_GetFieldAsString(feat, OGR_FD_GetFieldIndex(defn, "carbon_years"))),
                 QStringLiteral("2021-2024")); // the interval ending at the accounting year
        OGR_F_Destroy(feat);
        ++n;
    }
    GDALClose(ds);
    QCOMPARE(n, 9);
    // Forest 小班: 固碳 comes from the parcel's primary row, the forest route volume_gainloss (the
    // inventory stock carried by gain − loss, change_basis flux), not from the pools row's stock
    // difference nor the Tier 1 gain-loss row.
    {
        std::map<QString, double> flux; // t CO2/a per 小班
        for (std::size_t i = 1; i < carbon.size(); ++i)
            if (carbon[i][cLayer] == QLatin1String("xiaoban") &&
                carbon[i][cMethod] == QLatin1String("volume_gainloss"))
                if (const auto rate = rateOf(carbon[i]))
                    flux[carbon[i][cId]] = *rate * 44.0 / 12.0;
        QVERIFY(flux.size() > 1000);
        const QString forestOut = m_dir.filePath(QStringLiteral("carbonproj_forest"));
        const Run f = runCli({ QStringLiteral("gep"),
                               QStringLiteral("--project"),
                               project,
                               QStringLiteral("--out"),
                               forestOut,
                               QStringLiteral("--layers"),
                               QStringLiteral("xiaoban"),
                               QStringLiteral("--quiet") });
        QVERIFY2(f.exitCode == 0, qPrintable(f.err));
        const auto fi = readCsv(forestOut + QStringLiteral("/indicators.csv"));
        // A net loss is 0 in 固碳 and an emission line (t CO2) next to GEP.
        std::map<QString, double> emitted;
        for (std::size_t i = 1; i < fi.size(); ++i)
            if (fi[i][iComp] == QLatin1String("emission") &&
                fi[i][iInd] == QLatin1String("carbon_sequestration"))
                emitted[fi[i][iId]] = fi[i][iQty].toDouble();
        int fromFlux = 0, emissions = 0;
        for (std::size_t i = 1; i < fi.size(); ++i) {
            if (fi[i][iComp] != QLatin1String("total") ||
                fi[i][iInd] != QLatin1String("carbon_sequestration"))
                continue;
            const auto it = flux.find(fi[i][iId]);
            if (it == flux.end())
                continue; // no gain-loss flux (e.g. no forest left): another method's change, if any
            QVERIFY2(std::fabs(fi[i][iQty].toDouble() - std::max(0.0, it->second)) <=
                       1e-9 * std::max(1.0, std::fabs(it->second)),
                     qPrintable(fi[i].join(QLatin1Char(','))));
            if (it->second < 0) {
                QVERIFY2(emitted.count(fi[i][iId]) &&
                           std::fabs(emitted.at(fi[i][iId]) + it->second) <= 1e-9 * std::fabs(it->second),
                         qPrintable(fi[i].join(QLatin1Char(','))));
                ++emissions;
            }
            ++fromFlux;
        }
        QVERIFY(fromFlux > 1000);
        QVERIFY(emissions > 0 && int(emitted.size()) >= emissions);
    }
    // --carbon-results DIR that lacks the carbon result set is an error naming the file and what to run.
    r = runCli({ QStringLiteral("gep"),
                 QStringLiteral("--project"),
                 project,
                 QStringLiteral("--out"),
                 out,
                 QStringLiteral("--carbon-results"),
                 m_dir.filePath(QStringLiteral("nowhere")),
                 QStringLiteral("--quiet") });
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(QLatin1String("resultset.json")) &&
               r.err.contains(QLatin1String("carbon --project")),
             qPrintable(r.err));
}

// --price-year 2024 with the shipped CPI index: the construction and market series are not shipped
// (error naming them), --index-fallback cpi adjusts them by CPI; every price is then × Π i_y/100
// (2011–2024), so GEP at 2024 prices = 1.3233024 × GEP at 2010 prices, both reported; P0_CPI2024 is the
// same set by name; a year past the table names the table and the year.
void TstCliGep::priceYearOutOfTheBox() {
    const QString base = m_dir.filePath(QStringLiteral("py"));
    auto gepRun = [&](const QString& out, const QStringList& extra) {
        return runCli(QStringList{ QStringLiteral("gep"),
                                   QStringLiteral("--project"),
                                   m_project,
                                   QStringLiteral("--out"),
                                   out,
                                   QStringLiteral("--layers"),
                                   QStringLiteral("mangrove_restoration"),
                                   QStringLiteral("--ac-days"),
                                   QStringLiteral("120"),
                                   QStringLiteral("--quiet") } +
                      extra);
    };
    Run r = gepRun(base + QStringLiteral("0"), { QStringLiteral("--price-year"), QStringLiteral("2024") });
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(QLatin1String("price_index.csv")) &&
               r.err.contains(QLatin1String("--index-fallback")),
             qPrintable(r.err));
    r = gepRun(base + QStringLiteral("1"),
               { QStringLiteral("--price-year"),
                 QStringLiteral("2024"),
                 QStringLiteral("--index-fallback"),
                 QStringLiteral("cpi") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const double chain = 1.054 * 1.026 * 1.026 * 1.020 * 1.014 * 1.020 * 1.016 * 1.021 * 1.029 * 1.025 *
                         1.009 * 1.020 * 1.002 * 1.002;
    const auto totals = readCsv(base + QStringLiteral("1/totals.csv"));
    QCOMPARE(totals.front()[4], QStringLiteral("value_base_cny"));
    QCOMPARE(totals.back()[0], QStringLiteral("total"));
    const double current = totals.back()[2].toDouble(), constant = totals.back()[4].toDouble();
    QVERIFY(constant > 0);
    QVERIFY2(std::fabs(current / constant - chain) < 1e-9, qPrintable(totals.back().join(QLatin1Char(','))));
    const auto prices = readCsv(base + QStringLiteral("1/prices_used.csv"));
    const QStringList ph = prices.front();
    const int pKey = ph.indexOf(QStringLiteral("key")), pVal = ph.indexOf(QStringLiteral("value")),
              pBase = ph.indexOf(QStringLiteral("base_value")),
              pYear = ph.indexOf(QStringLiteral("price_year")), pTag = ph.indexOf(QStringLiteral("tag")),
              pRows = ph.indexOf(QStringLiteral("index_rows"));
    bool sawOxygen = false;
    for (std::size_t i = 1; i < prices.size(); ++i) {
        QCOMPARE(prices[i][pYear], QStringLiteral("2024"));
        QCOMPARE(prices[i][pTag], QStringLiteral("unconfirmed"));
        QVERIFY(prices[i][pRows].contains(QLatin1String("price_index.csv:16 2024 (unconfirmed)")));
        if (prices[i][pKey] == QLatin1String("oxygen_price")) {
            sawOxygen = true;
            QCOMPARE(prices[i][pBase].toDouble(), 727.0);
            QVERIFY(std::fabs(prices[i][pVal].toDouble() - 727 * chain) < 1e-9);
        }
    }
    QVERIFY(sawOxygen);
    QVERIFY((r.out + r.err).contains(QLatin1String("at the base-year prices (2010)")));
    r = gepRun(base + QStringLiteral("2"), { QStringLiteral("--price-set"), QStringLiteral("P0_CPI2024") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto named = readCsv(base + QStringLiteral("2/totals.csv"));
    QCOMPARE(named.back()[2], totals.back()[2]);
    r = gepRun(base + QStringLiteral("3"),
               { QStringLiteral("--price-year"),
                 QStringLiteral("2030"),
                 QStringLiteral("--index-fallback"),
                 QStringLiteral("cpi") });
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(QLatin1String("price_index.csv")) && r.err.contains(QLatin1String("2025")),
             qPrintable(r.err));
}

// The project's own copies of the GEP tables are used (a changed oxygen price in the project's
// prices_P0_RCEES2010.csv reaches prices_used.csv), and the ecosystem type comes from the layer's
// mapped ecosystem_type field when the ecosystem table has a row for it (wetland_units: 红树林 →
// mangrove → row 42), else from the land-cover majority; the per-parcel output says which.
void TstCliGep::projectTablesAndTypeField() {
    const QString dir = copyProject(QStringLiteral("tables"));
    const QString prices = dir + QStringLiteral("/parameters/gep/prices_P0_RCEES2010.csv");
    QFile f(prices);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    QVERIFY(text.contains("oxygen_price,727,"));
    text.replace("oxygen_price,727,", "oxygen_price,1000,");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();
    const QString out = m_dir.filePath(QStringLiteral("tables_out"));
    const Run r = runCli({ QStringLiteral("gep"),
                           QStringLiteral("--project"),
                           dir + QStringLiteral("/project.tanhui.json"),
                           QStringLiteral("--out"),
                           out,
                           QStringLiteral("--layers"),
                           QStringLiteral("wetland_units"),
                           QStringLiteral("--quiet") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2((r.out + r.err).contains(QLatin1String("gep/prices_P0_RCEES2010 from the project")),
             qPrintable(r.out));
    const auto used = readCsv(out + QStringLiteral("/prices_used.csv"));
    bool oxygen = false;
    for (const QStringList& row : used)
        if (row[0] == QLatin1String("oxygen_price")) {
            oxygen = true;
            QCOMPARE(row[1].toDouble(), 1000.0);
        }
    QVERIFY(oxygen);
    GDALAllRegister();
    GDALDatasetH ds = GDALOpenEx((out + QStringLiteral("/parcels_wetland_units.gpkg")).toUtf8().constData(),
                                 GDAL_OF_VECTOR,
                                 nullptr,
                                 nullptr,
                                 nullptr);
    QVERIFY(ds);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    const OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int fSource = OGR_FD_GetFieldIndex(defn, "ecosystem_source"),
              fType = OGR_FD_GetFieldIndex(defn, "ecosystem_type"),
              fCode = OGR_FD_GetFieldIndex(defn, "ecosystem_code");
    QVERIFY(fSource >= 0 && fType >= 0 && fCode >= 0);
    int fromField = 0, fromLandcover = 0;
    OGRFeatureH feat;
    while ((feat = OGR_L_GetNextFeature(layer)) != nullptr) {
        const QString source = QString::fromUtf8(OGR_F_GetFieldAsString(feat, fSource));
        const QString type = QString::fromUtf8(OGR_F_GetFieldAsString(feat, fType));
        const QString code = QString::fromUtf8(OGR_F_GetFieldAsString(feat, fCode));
        if (type == QLatin1String("mangrove")) {
            QCOMPARE(source, QStringLiteral("type_field"));
            QCOMPARE(code, QStringLiteral("42"));
            ++fromField;
        } else if (type == QLatin1String("fishpond_dyke")) {
            QCOMPARE(source, QStringLiteral("landcover_majority")); // no ecosystem row for fish ponds
            ++fromLandcover;
        }
        OGR_F_Destroy(feat);
    }
    GDALClose(ds);
    QVERIFY(fromField > 0);
    QVERIFY(fromLandcover > 0);
}

QTEST_GUILESS_MAIN(TstCliGep)
#include "tst_cli_gep.moc"
