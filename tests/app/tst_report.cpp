// SPDX-License-Identifier: GPL-3.0-or-later
// The valuation report (issue 14): PDF and HTML from a carbon and a GEP result set and a small project,
// in Chinese and English. The PDF's text (pdftotext) has the sections, the result set's totals and every
// input's SHA-256; the HTML is well-formed XHTML with inline SVG charts and PNG maps, and headless
// Chromium renders it; bad options name the option and the file.
#include "app/gui/ReportDialog.h"
#include "app/report/Report.h"

#include "TestUtil.h"
#include "gis/Errors.h"
#include "models/analysis/ResultSet.h"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <cmath>
#include <map>
#include <tuple>

using namespace tanhui;
namespace analysis = tanhui::models::analysis;

namespace {

using Type = gis::TableColumn::Type;

analysis::Column col(const QString& name, const QString& unit = QString(), Type type = Type::Real) {
    return { name, unit, name, type };
}

/// A 20 × 20 land-cover raster (EPSG:4547, 30 m): class 11 on the left, 21 on the right.
void writeLandCover(const QString& path) {
    GDALDriverH drv = GDALGetDriverByName("GTiff");
    GDALDatasetH ds = GDALCreate(drv, path.toUtf8().constData(), 20, 20, 1, GDT_Byte, nullptr);
    double gt[6] = { 430000, 30, 0, 2595000, 0, -30 };
    GDALSetGeoTransform(ds, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4547);
    GDALSetSpatialRef(ds, srs);
    std::vector<unsigned char> cells(400);
    for (int i = 0; i < 400; ++i) {
        cells[std::size_t(i)] = (i % 20) < 10 ? 11 : 21;
    }
    QVERIFY(
      GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Write, 0, 0, 20, 20, cells.data(), 20, 20, GDT_Byte, 0, 0) ==
      CE_None);
    GDALClose(ds);
    OSRDestroySpatialReference(srs);
}

/// A GeoPackage of two squares with real fields (each with its two values) and string fields.
void writeParcels(const QString& path,
                  const std::vector<std::tuple<QString, double, double>>& reals,
                  const std::vector<std::tuple<QString, QString, QString>>& strings = {}) {
    GDALDriverH drv = GDALGetDriverByName("GPKG");
    GDALDatasetH ds = GDALCreate(drv, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4547);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "parcels", srs, wkbPolygon, nullptr);
    for (const auto& r : reals) {
        OGRFieldDefnH fd = OGR_Fld_Create(std::get<0>(r).toUtf8().constData(), OFTReal);
        QVERIFY(OGR_L_CreateField(layer, fd, TRUE) == OGRERR_NONE);
        OGR_Fld_Destroy(fd);
    }
    for (const auto& r : strings) {
        OGRFieldDefnH fd = OGR_Fld_Create(std::get<0>(r).toUtf8().constData(), OFTString);
        QVERIFY(OGR_L_CreateField(layer, fd, TRUE) == OGRERR_NONE);
        OGR_Fld_Destroy(fd);
    }
    const char* squares[2] = {
        "POLYGON((430000 2594400,430300 2594400,430300 2594700,430000 2594700,430000 2594400))",
        "POLYGON((430300 2594400,430600 2594400,430600 2594700,430300 2594700,430300 2594400))"
    };
    for (int i = 0; i < 2; ++i) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        int field = 0;
        for (const auto& r : reals) {
            OGR_F_SetFieldDouble(f, field++, i == 0 ? std::get<1>(r) : std::get<2>(r));
        }
        for (const auto& r : strings) {
            OGR_F_SetFieldString(f, field++, (i == 0 ? std::get<1>(r) : std::get<2>(r)).toUtf8().constData());
        }
        OGRGeometryH g = nullptr;
        char* wkt = const_cast<char*>(squares[i]);
        OGR_G_CreateFromWkt(&wkt, srs, &g);
        OGR_F_SetGeometryDirectly(f, g);
        QVERIFY(OGR_L_CreateFeature(layer, f) == OGRERR_NONE);
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    OSRDestroySpatialReference(srs);
}

/// A totals table (by type, district or method) of the synthetic run.
analysis::Table totals(const QString& name,
                       const QString& key,
                       const std::vector<std::pair<QString, double>>& rows) {
    analysis::Table t;
    t.name = name;
    t.columns = { col(key, {}, Type::String),
                  col(QStringLiteral("parcels"), QStringLiteral("count"), Type::Integer),
                  col(QStringLiteral("area_ha"), QStringLiteral("ha")),
                  col(QStringLiteral("area_ha_2015"), QStringLiteral("ha")),
                  col(QStringLiteral("area_ha_2024"), QStringLiteral("ha")),
                  col(QStringLiteral("c_total_t_2015"), QStringLiteral("t C")),
                  col(QStringLiteral("c_total_t_2024"), QStringLiteral("t C")),
                  col(QStringLiteral("change_t_2015_2024"), QStringLiteral("t C")),
                  col(QStringLiteral("change_tco2e_2015_2024"), QStringLiteral("t CO2e")),
                  col(QStringLiteral("change_t_2015_2024_p2_5"), QStringLiteral("t C")),
                  col(QStringLiteral("change_t_2015_2024_p97_5"), QStringLiteral("t C")) };
    for (const auto& [k, scale] : rows) {
        t.rows.push_back({ k,
                           qlonglong(std::lround(scale * 10)),
                           15.25 * scale,
                           15.25 * scale,
                           15.25 * scale,
                           61728.35 * scale,
                           117283.9 * scale,
                           55555.55 * scale,
                           203703.7 * scale,
                           40000.0 * scale,
                           70000.0 * scale });
    }
    return t;
}

/// totals_by_pool (issue 14): one row per date with c_above_t, c_below_t, c_soil_t and their sum.
analysis::Table poolTotals(const std::vector<std::pair<int, std::vector<double>>>& rows) {
    analysis::Table t;
    t.name = QStringLiteral("totals_by_pool");
    t.columns = { col(QStringLiteral("year"), {}, Type::Integer),
                  col(QStringLiteral("c_above_t"), QStringLiteral("t C")),
                  col(QStringLiteral("c_below_t"), QStringLiteral("t C")),
                  col(QStringLiteral("c_soil_t"), QStringLiteral("t C")),
                  col(QStringLiteral("c_total_t"), QStringLiteral("t C")) };
    for (const auto& [year, pools] : rows) {
        t.rows.push_back({ qlonglong(year), pools[0], pools[1], pools[2], pools[0] + pools[1] + pools[2] });
    }
    return t;
}

/// A GEP run's parcels_plots table (the columns the plan comparison reads), P-1 and P-2 of 9 ha.
analysis::Table gepParcels(double p1, double p2) {
    analysis::Table t;
    t.name = QStringLiteral("parcels_plots");
    t.columns = { col(QStringLiteral("parcel_id"), {}, Type::String),
                  col(QStringLiteral("ecosystem"), {}, Type::String),
                  col(QStringLiteral("district"), {}, Type::String),
                  col(QStringLiteral("area_ha"), QStringLiteral("ha")),
                  col(QStringLiteral("gep_cny"), QStringLiteral("CNY")),
                  col(QStringLiteral("gep_cny_per_ha"), QStringLiteral("CNY/ha")) };
    t.rows.push_back(
      { QStringLiteral("P-1"), QStringLiteral("paddy field"), QStringLiteral("北岭区"), 9.0, p1, p1 / 9 });
    t.rows.push_back(
      { QStringLiteral("P-2"), QStringLiteral("paddy field"), QStringLiteral("南滨区"), 9.0, p2, p2 / 9 });
    return t;
}

struct Fixture {
    QString project, carbonDir, gepDir;
    /// A restoration plan's run (`tanhui-cli plan --gep`, result set restoration_plan) and a project whose
    /// plots layer has the id field the plan names its parcels by (for the difference map).
    QString planDir, planProject;
    analysis::ResultSet carbon, gep;
};

Fixture makeFixture(const QString& root) {
    Fixture fx;
    QDir(root).mkpath(QStringLiteral("carbon"));
    QDir(root).mkpath(QStringLiteral("gep"));
    fx.carbonDir = root + QStringLiteral("/carbon");
    fx.gepDir = root + QStringLiteral("/gep");
    writeLandCover(root + QStringLiteral("/landcover_2015.tif"));
    writeLandCover(root + QStringLiteral("/landcover_2024.tif"));
    writeParcels(root + QStringLiteral("/plots.gpkg"), { { QStringLiteral("area_ha"), 9, 9 } });
    fx.project = root + QStringLiteral("/project.tanhui.json");
    QFile pf(fx.project);
    pf.open(QIODevice::WriteOnly);
    pf.write(R"({"format": "tanhui-project", "version": 1, "name": "测试项目 Test", "crs": "EPSG:4547",
      "classes": [{"code": 11, "color": "#1b7837", "name_en": "Evergreen broadleaf forest", "name_zh": "常绿阔叶林"},
                  {"code": 21, "color": "#f2d16b", "name_en": "Paddy field", "name_zh": "水田"}],
      "layers": [{"id": "landcover_2015", "kind": "raster", "role": "landcover", "path": "landcover_2015.tif", "year": 2015},
                 {"id": "landcover_2024", "kind": "raster", "role": "landcover", "path": "landcover_2024.tif", "year": 2024},
                 {"id": "plots", "kind": "vector", "role": "farmland_plots", "path": "plots.gpkg"}]})");
    pf.close();

    analysis::ResultSet& c = fx.carbon;
    c.analysis = QStringLiteral("carbon_project");
    c.provenance.analysis = c.analysis;
    c.provenance.version = QStringLiteral("0.1.0");
    c.provenance.projectFile = fx.project;
    c.provenance.started = QDateTime(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC);
    c.provenance.finished = QDateTime(QDate(2026, 12, 6), QTime(10, 1, 30), Qt::UTC);
    c.provenance.threads = 2;
    c.provenance.inputs.push_back(analysis::describeInput(root + QStringLiteral("/landcover_2015.tif"),
                                                          QStringLiteral("raster"),
                                                          QStringLiteral("landcover"),
                                                          QStringLiteral("landcover_2015"),
                                                          QStringLiteral("2015")));
    c.provenance.inputs.push_back(analysis::describeInput(root + QStringLiteral("/landcover_2024.tif"),
                                                          QStringLiteral("raster"),
                                                          QStringLiteral("landcover"),
                                                          QStringLiteral("landcover_2024"),
                                                          QStringLiteral("2024")));
    c.provenance.inputs.push_back(analysis::describeInput(root + QStringLiteral("/plots.gpkg"),
                                                          QStringLiteral("vector"),
                                                          QStringLiteral("farmland_plots"),
                                                          QStringLiteral("plots")));
    c.provenance.parameters.push_back({ QStringLiteral("pools"),
                                        root + QStringLiteral("/carbon_pools.csv"),
                                        2,
                                        QStringLiteral("lucode 11"),
                                        QStringLiteral("c_above=60.5 t C/ha"),
                                        QStringLiteral("verified"),
                                        QStringLiteral("IPCC 2019 Table 4.7"),
                                        false,
                                        1 });
    c.provenance.parameters.push_back({ QStringLiteral("pools"),
                                        root + QStringLiteral("/carbon_pools.csv"),
                                        3,
                                        QStringLiteral("lucode 21"),
                                        QStringLiteral("c_soil=47 t C/ha"),
                                        QStringLiteral("unconfirmed"),
                                        QStringLiteral("Sample source ZZQ"),
                                        true,
                                        1 });
    c.provenance.settings.push_back({ QStringLiteral("carbon.uncertainty.iterations"),
                                      QStringLiteral("1000"),
                                      {},
                                      QStringLiteral("project") });
    c.messages.push_back({ analysis::Message::Level::Warning,
                           QStringLiteral("The geometry of a parcel was repaired"),
                           root + QStringLiteral("/plots.gpkg"),
                           QStringLiteral("P-2"),
                           {},
                           0 });

    analysis::Table summary;
    summary.name = QStringLiteral("summary");
    summary.columns = { col(QStringLiteral("quantity"), {}, Type::String),
                        col(QStringLiteral("value")),
                        col(QStringLiteral("unit"), {}, Type::String) };
    const std::vector<std::pair<QString, double>> s{
        { QStringLiteral("parcels"), 2 },
        { QStringLiteral("area_ha"), 30.5 },
        { QStringLiteral("parcels_with_flagged_parameters"), 1 },
        { QStringLiteral("c_total_t_2015"), 123456.7 },
        { QStringLiteral("c_total_t_2015_p2_5"), 100001.2 },
        { QStringLiteral("c_total_t_2015_p97_5"), 150009.8 },
        { QStringLiteral("c_total_t_2024"), 234567.8 },
        { QStringLiteral("change_t_2015_2024"), 111111.1 },
        { QStringLiteral("change_tco2e_2015_2024"), 407407.4 },
        { QStringLiteral("change_t_2015_2024_p2_5"), 90000.0 },
        { QStringLiteral("change_t_2015_2024_p97_5"), 132000.0 },
        { QStringLiteral("mc_iterations"), 1000 },
        { QStringLiteral("mc_seed"), 42 },
    };
    for (const auto& [q, v] : s) {
        summary.rows.push_back({ q, v, QStringLiteral("t C") });
    }
    c.addTable(summary);
    c.addTable(totals(QStringLiteral("totals_by_ecosystem_type"),
                      QStringLiteral("ecosystem_type"),
                      { { QStringLiteral("forest"), 1.2 },
                        { QStringLiteral("cropland"), 0.8 },
                        { QStringLiteral("all"), 2 } }));
    c.addTable(totals(QStringLiteral("totals_by_district"),
                      QStringLiteral("district"),
                      { { QStringLiteral("北岭区"), 1.5 },
                        { QStringLiteral("南滨区"), 0.5 },
                        { QStringLiteral("all"), 2 } }));
    c.addTable(totals(QStringLiteral("totals_by_method"),
                      QStringLiteral("method"),
                      { { QStringLiteral("pools"), 2 }, { QStringLiteral("all"), 2 } }));
    c.addTable(
      poolTotals({ { 2015, { 60000.5, 13456.2, 50000.0 } }, { 2024, { 120000.3, 24567.5, 90000.0 } } }));
    analysis::Table ledger;
    ledger.name = QStringLiteral("ledger_check");
    ledger.columns = { col(QStringLiteral("check"), {}, Type::String),
                       col(QStringLiteral("table"), {}, Type::String),
                       col(QStringLiteral("subject"), {}, Type::String),
                       col(QStringLiteral("quantity"), {}, Type::String),
                       col(QStringLiteral("expected")),
                       col(QStringLiteral("actual")),
                       col(QStringLiteral("unit"), {}, Type::String),
                       col(QStringLiteral("passed"), {}, Type::Integer) };
    ledger.rows.push_back({ QStringLiteral("union_area"),
                            QStringLiteral("totals_by_ecosystem_type"),
                            QStringLiteral("all"),
                            QStringLiteral("area_ha"),
                            30.5,
                            30.5,
                            QStringLiteral("ha"),
                            1LL });
    ledger.rows.push_back({ QStringLiteral("stock_change"),
                            QStringLiteral("totals_by_ecosystem_type"),
                            QStringLiteral("forest"),
                            QStringLiteral("change_t_2015_2024"),
                            1.0,
                            1.0,
                            QStringLiteral("t C"),
                            1LL });
    c.addTable(ledger);
    analysis::Table parcels;
    parcels.name = QStringLiteral("parcels");
    parcels.columns = { col(QStringLiteral("layer"), {}, Type::String),
                        col(QStringLiteral("id"), {}, Type::String),
                        col(QStringLiteral("ecosystem_type"), {}, Type::String),
                        col(QStringLiteral("method"), {}, Type::String),
                        col(QStringLiteral("primary"), {}, Type::Integer),
                        col(QStringLiteral("district"), {}, Type::String),
                        col(QStringLiteral("area_ha"), QStringLiteral("ha")),
                        col(QStringLiteral("change_t_2015_2024"), QStringLiteral("t C")) };
    parcels.rows.push_back({ QStringLiteral("plots"),
                             QStringLiteral("P-1"),
                             QStringLiteral("forest"),
                             QStringLiteral("pools"),
                             1LL,
                             QStringLiteral("北岭区"),
                             9.0,
                             66666.6 });
    parcels.rows.push_back({ QStringLiteral("plots"),
                             QStringLiteral("P-2"),
                             QStringLiteral("cropland"),
                             QStringLiteral("pools"),
                             1LL,
                             QStringLiteral("南滨区"),
                             9.0,
                             44444.5 });
    c.addTable(parcels);
    writeParcels(fx.carbonDir + QStringLiteral("/parcels.gpkg"),
                 { { QStringLiteral("c_total_t_per_ha_2024"), 80.5, 20.25 },
                   { QStringLiteral("change_t_2015_2024"), 66666.6, 44444.5 },
                   { QStringLiteral("change_t_per_yr_2015_2024"), 7407.4, -4938.3 },
                   { QStringLiteral("primary"), 1, 1 },
                   { QStringLiteral("area_ha"), 9, 9 } },
                 { { QStringLiteral("layer"), QStringLiteral("plots"), QStringLiteral("plots") },
                   { QStringLiteral("id"), QStringLiteral("P-1"), QStringLiteral("P-2") },
                   { QStringLiteral("ecosystem_type"), QStringLiteral("forest"), QStringLiteral("cropland") },
                   { QStringLiteral("method"), QStringLiteral("pools"), QStringLiteral("pools") },
                   { QStringLiteral("district"), QStringLiteral("北岭区"), QStringLiteral("南滨区") } });
    c.files << fx.carbonDir + QStringLiteral("/parcels.gpkg");
    analysis::writeResultSet(c, fx.carbonDir.toStdString());

    analysis::ResultSet& g = fx.gep;
    g.analysis = QStringLiteral("gep");
    g.provenance = c.provenance;
    g.provenance.analysis = g.analysis;
    analysis::Table gt;
    gt.name = QStringLiteral("totals");
    gt.columns = { col(QStringLiteral("group"), {}, Type::String),
                   col(QStringLiteral("key"), {}, Type::String),
                   col(QStringLiteral("value_cny"), QStringLiteral("CNY")),
                   col(QStringLiteral("share_pct"), QStringLiteral("%")) };
    gt.rows.push_back({ QStringLiteral("category"), QStringLiteral("regulating"), 1234567890.0, 100.0 });
    gt.rows.push_back(
      { QStringLiteral("service"), QStringLiteral("climate_regulation"), 1000000000.0, 81.0 });
    gt.rows.push_back({ QStringLiteral("service"), QStringLiteral("water_conservation"), 234567890.0, 19.0 });
    gt.rows.push_back({ QStringLiteral("ecosystem"), QStringLiteral("paddy field"), 1234567890.0, 100.0 });
    gt.rows.push_back({ QStringLiteral("district"), QStringLiteral("440191"), 1234567890.0, 100.0 });
    gt.rows.push_back({ QStringLiteral("total"), QStringLiteral("gep"), 1234567890.0, 100.0 });
    g.addTable(gt);
    analysis::Table prices;
    prices.name = QStringLiteral("prices_used");
    prices.columns = {
        col(QStringLiteral("key"), {}, Type::String),    col(QStringLiteral("value")),
        col(QStringLiteral("unit"), {}, Type::String),   col(QStringLiteral("price_year"), {}, Type::Integer),
        col(QStringLiteral("source"), {}, Type::String), col(QStringLiteral("tag"), {}, Type::String)
    };
    prices.rows.push_back({ QStringLiteral("reservoir_cost"),
                            7.06,
                            QStringLiteral("CNY/m3"),
                            2010LL,
                            QStringLiteral("S1 Table 3"),
                            QStringLiteral("verified") });
    g.addTable(prices);
    analysis::Table settings;
    settings.name = QStringLiteral("run_settings");
    settings.columns = { col(QStringLiteral("key"), {}, Type::String),
                         col(QStringLiteral("value"), {}, Type::String),
                         col(QStringLiteral("note"), {}, Type::String) };
    settings.rows.push_back({ QStringLiteral("profile"), QStringLiteral("NDRC2022"), QString() });
    settings.rows.push_back({ QStringLiteral("price_year"), QStringLiteral("2010"), QString() });
    settings.rows.push_back({ QStringLiteral("price_index"), QStringLiteral("none"), QString() });
    g.addTable(settings);
    g.addTable(gepParcels(2250000.0, 810000.0));
    writeParcels(fx.gepDir + QStringLiteral("/parcels_plots.gpkg"),
                 { { QStringLiteral("gep_cny_per_ha"), 250000, 90000 } },
                 { { QStringLiteral("parcel_id"), QStringLiteral("P-1"), QStringLiteral("P-2") } });
    g.files << QStringLiteral("parcels_plots.gpkg");
    analysis::writeResultSet(g, fx.gepDir.toStdString());

    // The plan (as tanhui-cli plan --gep writes it): P-1 and P-2, cropland → broadleaf forest from 2026,
    // horizon 2036. Carbon: P-1 +1,234.5 t C [1,000–1,500], P-2 +617.25 [500–750], total 1,851.75
    // [1,600–2,100]; GEP: P-1 +800,000 CNY/a [700,000–950,000], P-2 +400,000, carbon sequestration
    // +1,200,000 [1,000,000–1,400,000], total +1,200,000 [1,000,000–1,400,000].
    analysis::ResultSet plan;
    plan.analysis = QStringLiteral("restoration_plan");
    plan.provenance.analysis = plan.analysis;
    plan.provenance.projectFile = fx.project;
    {
        analysis::Table t;
        t.name = QStringLiteral("plan_parcels");
        t.columns = { col(QStringLiteral("layer"), {}, Type::String),
                      col(QStringLiteral("parcel_id"), {}, Type::String),
                      col(QStringLiteral("baseline_type"), {}, Type::String),
                      col(QStringLiteral("target_type"), {}, Type::String),
                      col(QStringLiteral("area_ha"), QStringLiteral("ha")),
                      col(QStringLiteral("accounted_share"), QStringLiteral("1")),
                      col(QStringLiteral("diff_total_t"), QStringLiteral("t C")),
                      col(QStringLiteral("diff_total_t_p2_5"), QStringLiteral("t C")),
                      col(QStringLiteral("diff_total_t_p97_5"), QStringLiteral("t C")) };
        t.rows.push_back({ QStringLiteral("plots"),
                           QStringLiteral("P-1"),
                           QStringLiteral("cropland"),
                           QStringLiteral("broadleaf_forest"),
                           9.0,
                           1.0,
                           1234.5,
                           1000.0,
                           1500.0 });
        t.rows.push_back({ QStringLiteral("plots"),
                           QStringLiteral("P-2"),
                           QStringLiteral("cropland"),
                           QStringLiteral("broadleaf_forest"),
                           9.0,
                           0.5, // half under a layer of higher precedence: 4.5 ha planted
                           617.25,
                           500.0,
                           750.0 });
        plan.addTable(t);
        analysis::Table tt;
        tt.name = QStringLiteral("plan_totals");
        tt.columns = { col(QStringLiteral("quantity"), {}, Type::String),
                       col(QStringLiteral("diff_t")),
                       col(QStringLiteral("diff_co2e_t")),
                       col(QStringLiteral("diff_p2_5_t")),
                       col(QStringLiteral("diff_p97_5_t")),
                       col(QStringLiteral("parcels")),
                       col(QStringLiteral("area_ha")) };
        tt.rows.push_back(
          { QStringLiteral("c_biomass"), 1851.75, 1851.75 * 44 / 12, QVariant(), QVariant(), 2, 18.0 });
        tt.rows.push_back({ QStringLiteral("c_soil"), 0.0, 0.0, QVariant(), QVariant(), 2, 18.0 });
        tt.rows.push_back({ QStringLiteral("total"), 1851.75, 1851.75 * 44 / 12, 1600.0, 2100.0, 2, 18.0 });
        plan.addTable(tt);
        analysis::Table st;
        st.name = QStringLiteral("plan_settings");
        st.columns = { col(QStringLiteral("key"), {}, Type::String),
                       col(QStringLiteral("value"), {}, Type::String),
                       col(QStringLiteral("unit"), {}, Type::String) };
        for (const auto& [k, v] :
             std::vector<std::pair<const char*, const char*>>{ { "plan", "forest_2026" },
                                                               { "description", "cropland to forest" },
                                                               { "horizon_year", "2036" },
                                                               { "last_carbon_year", "2024" },
                                                               { "gep_accounting_year", "2024" },
                                                               { "gep_baseline_total", "5000000.00" },
                                                               { "gep_plan_total", "6200000.00" } })
            st.rows.push_back({ QString::fromLatin1(k), QString::fromLatin1(v), QString() });
        plan.addTable(st);
        analysis::Table gp;
        gp.name = QStringLiteral("plan_gep_parcels");
        gp.columns = { col(QStringLiteral("layer"), {}, Type::String),
                       col(QStringLiteral("parcel_id"), {}, Type::String),
                       col(QStringLiteral("diff_gep_cny"), QStringLiteral("CNY/a")),
                       col(QStringLiteral("diff_gep_cny_p2_5"), QStringLiteral("CNY/a")),
                       col(QStringLiteral("diff_gep_cny_p97_5"), QStringLiteral("CNY/a")) };
        gp.rows.push_back({ QStringLiteral("plots"), QStringLiteral("P-1"), 800000.0, 700000.0, 950000.0 });
        gp.rows.push_back({ QStringLiteral("plots"), QStringLiteral("P-2"), 400000.0, 350000.0, 475000.0 });
        plan.addTable(gp);
        analysis::Table gs;
        gs.name = QStringLiteral("plan_gep_services");
        gs.columns = { col(QStringLiteral("service"), {}, Type::String),
                       col(QStringLiteral("baseline_cny")),
                       col(QStringLiteral("plan_cny")),
                       col(QStringLiteral("diff_cny")),
                       col(QStringLiteral("diff_p2_5_cny")),
                       col(QStringLiteral("diff_p97_5_cny")) };
        gs.rows.push_back({ QStringLiteral("water_conservation"), 0.0, 0.0, 0.0, QVariant(), QVariant() });
        gs.rows.push_back(
          { QStringLiteral("carbon_sequestration"), 10000.0, 1210000.0, 1200000.0, 1000000.0, 1400000.0 });
        gs.rows.push_back({ QStringLiteral("total"), 10000.0, 1210000.0, 1200000.0, 1000000.0, 1400000.0 });
        gs.rows.push_back(
          { QStringLiteral("carbon_emission"), QVariant(), QVariant(), 0.0, QVariant(), QVariant() });
        plan.addTable(gs);
    }
    fx.planDir = root + QStringLiteral("/plan");
    QDir().mkpath(fx.planDir);
    analysis::writeResultSet(plan, fx.planDir.toStdString());
    writeParcels(root + QStringLiteral("/plots_plan.gpkg"),
                 { { QStringLiteral("area_ha"), 9, 9 } },
                 { { QStringLiteral("parcel_id"), QStringLiteral("P-1"), QStringLiteral("P-2") } });
    fx.planProject = root + QStringLiteral("/project_plan.tanhui.json");
    QFile::copy(fx.project, fx.planProject);
    QFile ppf(fx.planProject);
    ppf.open(QIODevice::ReadWrite);
    QByteArray text = ppf.readAll();
    text.replace(R"("path": "plots.gpkg"})", R"("path": "plots_plan.gpkg", "id_field": "parcel_id"})");
    ppf.resize(0);
    ppf.write(text);
    ppf.close();
    return fx;
}

/// pdftotext of `pdf` (UTF-8, layout kept), or a null string when poppler-utils is missing.
QString pdfText(const QString& pdf) {
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty()) {
        return QString();
    }
    QProcess p;
    p.start(tool,
            { QStringLiteral("-enc"),
              QStringLiteral("UTF-8"),
              QStringLiteral("-layout"),
              pdf,
              QStringLiteral("-") });
    p.waitForFinished(60000);
    // A glyph shared by the en dash and the figure dash may come out as either.
    // CJK glyphs shared with Kangxi radicals come out as either (⽅/方): NFKC folds them (and ligatures).
    return QString::fromUtf8(p.readAllStandardOutput())
      .replace(QChar(0x2012), QChar(0x2013))
      .normalized(QString::NormalizationForm_KC);
}

QString squeeze(QString s) {
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    return s.remove(ws);
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        GDALAllRegister();
        QVERIFY(m_dir.isValid());
        m_fx = makeFixture(m_dir.path());
    }

    void pdf_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("en") << QStringLiteral("en");
    }

    // The PDF has the sections, the result set's totals as the report formats them, every input file's
    // SHA-256, the flagged parameter and page numbers; the CJK font is embedded.
    void pdf() {
        QFETCH(QString, lang);
        const QString out = m_dir.filePath(QStringLiteral("report_%1.pdf").arg(lang));
        report::generateReport(m_fx.project, m_fx.carbonDir, m_fx.gepDir, lang, out);
        QVERIFY(QFileInfo(out).size() > 10000);
        if (qEnvironmentVariableIsSet("TANHUI_KEEP_REPORT")) {
            QFile::copy(out,
                        qEnvironmentVariable("TANHUI_KEEP_REPORT") +
                          QStringLiteral("/tst_report_%1.pdf").arg(lang));
        }
        const QString text = pdfText(out);
        if (text.isNull()) {
            if (test::runningInCi()) {
                QFAIL("pdftotext (poppler-utils) is missing");
            }
            QSKIP("pdftotext (poppler-utils) is not installed");
        }
        const bool zh = lang == QLatin1String("zh_CN");
        const QStringList sections = zh ? QStringList{ QStringLiteral("摘要"),
                                                       QStringLiteral("研究区与数据"),
                                                       QStringLiteral("方法与参数"),
                                                       QStringLiteral("碳核算结果"),
                                                       QStringLiteral("生态系统生产总值"),
                                                       QStringLiteral("地图"),
                                                       QStringLiteral("附录") }
                                        : QStringList{ QStringLiteral("Summary"),
                                                       QStringLiteral("Study area and data"),
                                                       QStringLiteral("Methods and parameters"),
                                                       QStringLiteral("Carbon results"),
                                                       QStringLiteral("Gross ecosystem product"),
                                                       QStringLiteral("Maps"),
                                                       QStringLiteral("Appendix") };
        for (const QString& s : sections) {
            QVERIFY2(text.contains(s), qPrintable(s));
        }
        // GEP's ecosystems (English land-cover names in its tables) in the report's language.
        QVERIFY2(text.contains(zh ? QStringLiteral("水田") : QStringLiteral("Paddy field")),
                 qPrintable(lang));
        if (zh) {
            QVERIFY(!text.contains(QStringLiteral("paddy field")));
        }
        // Totals as in the result set (numbers formatted for the language, no decimals for t C).
        const QLocale locale =
          zh ? QLocale(QLocale::Chinese, QLocale::China) : QLocale(QLocale::English, QLocale::UnitedKingdom);
        const analysis::ResultSet rs = analysis::readResultSet(m_fx.carbonDir.toStdString());
        const analysis::Table* summary = rs.table(QStringLiteral("summary"));
        for (const char* q :
             { "c_total_t_2015", "c_total_t_2024", "change_t_2015_2024", "change_tco2e_2015_2024" }) {
            const double v =
              summary->number(std::size_t(summary->findRow(QStringLiteral("quantity"), QLatin1String(q))),
                              QStringLiteral("value"));
            QVERIFY2(text.contains(locale.toString(v, 'f', 0)), q);
        }
        QVERIFY(text.contains(locale.toString(100001.2, 'f', 0) + QStringLiteral(" – ") +
                              locale.toString(150009.8, 'f', 0)));
        // The change's range in t C, in t CO2e (× 44/12) and per year (÷ 9).
        for (const auto& [lo, hi] : { std::pair{ 90000.0, 132000.0 },
                                      std::pair{ 330000.0, 484000.0 },
                                      std::pair{ 10000.0, 132000.0 / 9.0 } }) {
            const QString r =
              locale.toString(lo, 'f', 0) + QStringLiteral(" – ") + locale.toString(hi, 'f', 0);
            QVERIFY2(text.contains(r), qPrintable(r));
        }
        const analysis::Table* byType = rs.table(QStringLiteral("totals_by_ecosystem_type"));
        for (std::size_t r = 0; r < byType->rowCount(); ++r) {
            QVERIFY(text.contains(
              locale.toString(byType->number(r, QStringLiteral("change_t_2015_2024")), 'f', 0)));
        }
        // The top parcels (from the run's parcels.gpkg): P-1 gained 66,666.6 t C.
        QVERIFY(text.contains(locale.toString(66666.6, 'f', 1)));
        // Letters followed by digits extract whole (the PDF sets Latin runs in DejaVu Sans; in Noto Sans
        // CJK alone pdftotext gave "landcover_.tif", "EPSG:", "t CO e"): file names, the CRS, units,
        // years and parcel ids, exactly as printed.
        for (const QString& exact : { QStringLiteral("landcover_2015.tif"),
                                      QStringLiteral("landcover_2024.tif"),
                                      QStringLiteral("EPSG:4547"),
                                      QStringLiteral("t CO2e"),
                                      QStringLiteral("2015–2024"),
                                      QStringLiteral("P-1"),
                                      QStringLiteral("P-2") }) {
            QVERIFY2(text.contains(exact), qPrintable(exact));
        }
        // Stock by pool per date (totals_by_pool): every pool's stock as the result set has it, and the
        // pools of a date add up to the date's stock.
        const analysis::Table* byPool = rs.table(QStringLiteral("totals_by_pool"));
        QVERIFY(byPool);
        for (std::size_t r = 0; r < byPool->rowCount(); ++r) {
            double sum = 0;
            for (const char* pool : { "c_above_t", "c_below_t", "c_soil_t" }) {
                const double v = byPool->number(r, QLatin1String(pool));
                QVERIFY2(text.contains(locale.toString(v, 'f', 0)), pool);
                sum += v;
            }
            const QString year = QString::number(qlonglong(byPool->number(r, QStringLiteral("year"))));
            const double stock = summary->number(
              std::size_t(summary->findRow(QStringLiteral("quantity"), QStringLiteral("c_total_t_") + year)),
              QStringLiteral("value"));
            QVERIFY2(std::abs(sum - stock) < 1e-6, qPrintable(year));
        }
        // (A header cell may wrap: compared without white space.)
        QVERIFY(
          squeeze(text).contains(zh ? QStringLiteral("地上生物量") : QStringLiteral("Above-groundbiomass")));
        // No plan was run for this report: no comparison section (not an empty one).
        QVERIFY(!text.contains(zh ? QStringLiteral("规划方案对比")
                                  : QStringLiteral("Restoration plan comparison")));
        // GEP total 1,234,567,890 CNY: 12.35 亿元 / 1,234.57 million CNY.
        QVERIFY(text.contains(zh ? QStringLiteral("12.35") : QStringLiteral("1,234.57")));
        // Every input file with its hash.
        const QString flat = squeeze(text);
        int files = 0;
        for (const analysis::InputRecord& in : rs.provenance.inputs) {
            for (const analysis::InputFile& f : in.files) {
                QCOMPARE(f.sha256.size(), 64);
                QVERIFY2(flat.contains(f.sha256), qPrintable(f.path));
                QVERIFY2(flat.contains(QFileInfo(f.path).fileName()), qPrintable(f.path));
                ++files;
            }
        }
        QCOMPARE(files, 3);
        QVERIFY(text.contains(QStringLiteral("Sample source ZZQ")));
        QVERIFY(text.contains(zh ? QStringLiteral("待核实") : QStringLiteral("to confirm")));
        QVERIFY(text.contains(QStringLiteral("The geometry of a parcel was repaired")));
        // Page numbers in the footer (页 may come out as the radical ⻚, which NFKC does not fold).
        QVERIFY(text.contains(zh ? QRegularExpression(QStringLiteral("第 1 \\S[，,]共 \\d+ \\S"))
                                 : QRegularExpression(QStringLiteral("Page 1 of \\d+"))));
        QVERIFY(!text.contains(QChar(0xFFFD)));
        const QString pdffonts = QStandardPaths::findExecutable(QStringLiteral("pdffonts"));
        if (!pdffonts.isEmpty()) {
            QProcess p;
            p.start(pdffonts, { out });
            p.waitForFinished(30000);
            const QString fonts = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(fonts.contains(QStringLiteral("NotoSansCJK")), qPrintable(fonts));
        }
    }

    void html_data() { pdf_data(); }

    // The HTML parses as XML (well-formed XHTML), has an inline SVG per chart, a PNG data URI per map, the
    // hashes, and Chromium renders it.
    void html() {
        QFETCH(QString, lang);
        const QString out = m_dir.filePath(QStringLiteral("report_%1.html").arg(lang));
        report::generateReport(m_fx.project, m_fx.carbonDir, m_fx.gepDir, lang, out);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QXmlStreamReader xml(bytes);
        int svg = 0, img = 0, tables = 0, sections = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                const auto name = xml.name();
                svg += name == QLatin1String("svg") ? 1 : 0;
                tables += name == QLatin1String("table") ? 1 : 0;
                sections += name == QLatin1String("section") ? 1 : 0;
                if (name == QLatin1String("img")) {
                    QVERIFY(xml.attributes()
                              .value(QStringLiteral("src"))
                              .startsWith(QLatin1String("data:image/png;base64,")));
                    ++img;
                }
            }
        }
        QVERIFY2(!xml.hasError(),
                 qPrintable(QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber())));
        QCOMPARE(sections, 7);
        QVERIFY2(svg >= 4, qPrintable(QString::number(svg))); // stock, change, top parcels, GEP by service
        QVERIFY2(img >= 3, qPrintable(QString::number(img))); // land cover, carbon density, GEP per ha
        QVERIFY(tables >= 12);
        const QString text = QString::fromUtf8(bytes);
        const analysis::ResultSet rs = analysis::readResultSet(m_fx.carbonDir.toStdString());
        for (const analysis::InputRecord& in : rs.provenance.inputs) {
            for (const analysis::InputFile& file : in.files) {
                QVERIFY(text.contains(file.sha256));
                QVERIFY(text.contains(QFileInfo(file.path).fileName()));
            }
        }
        QVERIFY(!text.contains(QStringLiteral("src=\"file:"))); // self-contained
        QVERIFY(!text.contains(QStringLiteral("<link ")));

        const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        if (chromium.isEmpty()) {
            if (test::runningInCi()) {
                QFAIL("chromium is missing");
            }
            QSKIP("chromium is not installed");
        }
        const QString png = m_dir.filePath(QStringLiteral("report_%1.png").arg(lang));
        QProcess p;
        p.start(chromium,
                { QStringLiteral("--headless"),
                  QStringLiteral("--no-sandbox"),
                  QStringLiteral("--disable-gpu"),
                  QStringLiteral("--hide-scrollbars"),
                  QStringLiteral("--user-data-dir=") + m_dir.filePath(QStringLiteral("chromium")),
                  QStringLiteral("--window-size=1000,6000"),
                  QStringLiteral("--screenshot=") + png,
                  QUrl::fromLocalFile(out).toString() });
        QVERIFY(p.waitForFinished(120000));
        const QImage shot(png);
        QVERIFY2(!shot.isNull(), qPrintable(QString::fromUtf8(p.readAllStandardError())));
        QCOMPARE(shot.size(), QSize(1000, 6000));
        // Charts and maps are drawn: many distinct colours, and the charts' green and the maps' classes.
        QSet<QRgb> colours;
        for (int y = 0; y < shot.height(); y += 3) {
            for (int x = 0; x < shot.width(); x += 3) {
                colours.insert(shot.pixel(x, y));
            }
        }
        QVERIFY2(colours.size() > 200, qPrintable(QString::number(colours.size())));
        if (qEnvironmentVariableIsSet("TANHUI_KEEP_REPORT")) {
            QFile::copy(png,
                        qEnvironmentVariable("TANHUI_KEEP_REPORT") +
                          QStringLiteral("/tst_report_%1.png").arg(lang));
        }
    }

    // The stock-by-pool chart and table carry the result set's numbers; the pools of a date add up to
    // the date's total stock (summary).
    void poolChart() {
        report::ReportInputs in;
        in.projectFile = m_fx.project;
        in.carbonDir = m_fx.carbonDir;
        in.carbon = analysis::readResultSet(m_fx.carbonDir.toStdString());
        in.language = QStringLiteral("en");
        in.maps = false;
        const report::Report r = report::buildReport(in);
        const analysis::Table* byPool = in.carbon.table(QStringLiteral("totals_by_pool"));
        const analysis::Table* summary = in.carbon.table(QStringLiteral("summary"));
        const report::ReportFigure* chart = nullptr;
        const report::ReportTable* table = nullptr;
        for (const report::ReportSection& s : r.sections) {
            for (const report::ReportBlock& b : s.blocks) {
                if (b.kind == report::ReportBlock::Kind::Figure &&
                    b.figure.caption.contains(QLatin1String("by pool"))) {
                    chart = &b.figure;
                }
                if (b.kind == report::ReportBlock::Kind::Table &&
                    b.table.caption.contains(QLatin1String("by pool per date"))) {
                    table = &b.table;
                }
            }
        }
        QVERIFY(chart && table);
        QCOMPARE(chart->categories, QStringList({ QStringLiteral("2015"), QStringLiteral("2024") }));
        QCOMPARE(chart->values.size(), std::size_t(3));
        QCOMPARE(chart->values[0].first, QStringLiteral("Above-ground biomass"));
        QCOMPARE(table->header,
                 QStringList({ QStringLiteral("Date"),
                               QStringLiteral("Above-ground biomass"),
                               QStringLiteral("Below-ground biomass"),
                               QStringLiteral("Soil organic carbon"),
                               QStringLiteral("Total") }));
        const QLocale en(QLocale::English, QLocale::UnitedKingdom);
        const char* pools[] = { "c_above_t", "c_below_t", "c_soil_t" };
        for (std::size_t d = 0; d < 2; ++d) {
            double sum = 0;
            for (std::size_t p = 0; p < 3; ++p) {
                const double v = byPool->number(d, QLatin1String(pools[p]));
                QCOMPARE(chart->values[p].second[d], v);
                QCOMPARE(table->rows[d][int(p) + 1], en.toString(v, 'f', 0));
                sum += chart->values[p].second[d];
            }
            const double stock = summary->number(
              std::size_t(summary->findRow(QStringLiteral("quantity"),
                                           QStringLiteral("c_total_t_") + chart->categories[int(d)])),
              QStringLiteral("value"));
            QVERIFY(std::abs(sum - stock) < 1e-6);
            QCOMPARE(table->rows[d][4], en.toString(stock, 'f', 0));
        }
    }

    void plan_data() { pdf_data(); }

    // The restoration plan's section read from the plan run's tables (tanhui-cli plan --gep): carbon by
    // pool with the total's range, by change of type, GEP by service with ranges, the parcels with the
    // largest difference and the map of it. The numbers are the plan run's, rounded for the report.
    void plan() {
        QFETCH(QString, lang);
        const bool zh = lang == QLatin1String("zh_CN");
        const QString out = m_dir.filePath(QStringLiteral("plan_%1.pdf").arg(lang));
        report::generateReport(
          m_fx.planProject, m_fx.carbonDir, m_fx.gepDir, lang, out, nullptr, m_fx.planDir);
        if (qEnvironmentVariableIsSet("TANHUI_KEEP_REPORT")) {
            QFile::copy(out,
                        qEnvironmentVariable("TANHUI_KEEP_REPORT") +
                          QStringLiteral("/tst_report_plan_%1.pdf").arg(lang));
        }
        const QString text = pdfText(out);
        if (text.isNull()) {
            QSKIP("pdftotext (poppler-utils) is not installed");
        }
        const QLocale locale =
          zh ? QLocale(QLocale::Chinese, QLocale::China) : QLocale(QLocale::English, QLocale::UnitedKingdom);
        QVERIFY(text.contains(zh ? QStringLiteral("恢复规划与基线对比")
                                 : QStringLiteral("Restoration plan against the baseline")));
        QVERIFY(text.contains(QStringLiteral("forest_2026")));
        auto n = [&](double v, int d = 0) { return locale.toString(v, 'f', d); };
        // Carbon: total 1,852 t C with its range 1,600 – 2,100; P-1 1,235 [1,000 – 1,500].
        const QRegularExpression total(QStringLiteral("%1\\s+%2\\s+%3 – %4")
                                         .arg(QRegularExpression::escape(n(1851.75)),
                                              QRegularExpression::escape(n(1851.75 * 44 / 12)),
                                              QRegularExpression::escape(n(1600)),
                                              QRegularExpression::escape(n(2100))));
        QVERIFY2(text.contains(total), qPrintable(total.pattern()));
        // By change of type: 2 parcels, their planted (accounted) area 9 + 4.5 ha, 1,852 t C.
        const QRegularExpression byType(
          QStringLiteral("\\s2\\s+%1\\s+%2")
            .arg(QRegularExpression::escape(n(13.5, 1)), QRegularExpression::escape(n(1851.75))));
        QVERIFY2(text.contains(byType), qPrintable(byType.pattern() + QLatin1Char('\n') + text));
        // GEP by service (亿元 / million CNY, 4 decimals): carbon sequestration +1,200,000 CNY/a with its
        // range; the unchanged service is left out.
        const double money = zh ? 1e8 : 1e6;
        const QRegularExpression carbon(QStringLiteral("%1\\s+%2\\s+%3\\s+%4 – %5")
                                          .arg(QRegularExpression::escape(n(10000 / money, 4)),
                                               QRegularExpression::escape(n(1210000 / money, 4)),
                                               QRegularExpression::escape(n(1200000 / money, 4)),
                                               QRegularExpression::escape(n(1000000 / money, 4)),
                                               QRegularExpression::escape(n(1400000 / money, 4))));
        QVERIFY2(text.contains(carbon), qPrintable(carbon.pattern()));
        const QRegularExpression unchanged(
          QStringLiteral("%1\\s+%2\\s+%2\\s+%2")
            .arg(zh ? QStringLiteral("水源涵养") : QStringLiteral("Water conservation"),
                 QRegularExpression::escape(n(0, 4))));
        QVERIFY(!text.contains(unchanged));
        // The top parcel: P-1, carbon 1,235 [1,000 – 1,500], GEP 800,000 CNY/a in 万元 / thousand CNY.
        const double scale = zh ? 1e4 : 1e3;
        const QRegularExpression p1(QStringLiteral("P-1\\s.*%1\\s+%2 – %3\\s+%4\\s+%5 – %6")
                                      .arg(QRegularExpression::escape(n(1234.5)),
                                           QRegularExpression::escape(n(1000)),
                                           QRegularExpression::escape(n(1500)),
                                           QRegularExpression::escape(n(800000 / scale, 2)),
                                           QRegularExpression::escape(n(700000 / scale, 2)),
                                           QRegularExpression::escape(n(950000 / scale, 2))));
        QVERIFY2(text.contains(p1), qPrintable(p1.pattern()));
        // The whole project's GEP and the map of the difference (drawn: no "not drawn" note).
        QVERIFY(text.contains(n(5000000 / money, 2)) && text.contains(n(6200000 / money, 2)));
        QVERIFY(text.contains(zh ? QStringLiteral("各地块 GEP 差值")
                                 : QStringLiteral("GEP difference per parcel")));
        QVERIFY(!text.contains(zh ? QStringLiteral("未能绘制") : QStringLiteral("Not drawn")));

        // Without --plan-results there is no plan section.
        const QString html = m_dir.filePath(QStringLiteral("noplan_%1.html").arg(lang));
        report::generateReport(m_fx.project, m_fx.carbonDir, m_fx.gepDir, lang, html);
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!QString::fromUtf8(f.readAll()).contains(QStringLiteral("<section id=\"plan\">")));
    }

    // A --plan-results folder that is not a plan run is refused naming the option and the folder.
    void planErrors() {
        const QString out = m_dir.filePath(QStringLiteral("plan_bad.pdf"));
        for (const QString& dir : { m_fx.carbonDir, m_dir.filePath(QStringLiteral("no_such_plan")) }) {
            try {
                report::generateReport(
                  m_fx.project, m_fx.carbonDir, m_fx.gepDir, QStringLiteral("en"), out, nullptr, dir);
                QFAIL("no error");
            } catch (const gis::GisError& e) {
                const QString what = QString::fromStdString(e.what());
                QVERIFY2(what.contains(QStringLiteral("--plan-results")) && what.contains(dir), e.what());
            }
        }
        QVERIFY(!QFileInfo::exists(out));
    }

    // Writing over an existing report replaces it whole.
    void atomicReplace() {
        const QString out = m_dir.filePath(QStringLiteral("replace.html"));
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("old");
        f.close();
        report::generateReport(m_fx.project, m_fx.carbonDir, QString(), QStringLiteral("en"), out);
        QFile g(out);
        QVERIFY(g.open(QIODevice::ReadOnly));
        QVERIFY(g.readAll().startsWith("<!DOCTYPE html>"));
        QVERIFY(QDir(m_dir.path())
                  .entryList({ QStringLiteral(".replace*") }, QDir::Hidden | QDir::Files)
                  .isEmpty());
    }

    void errors_data() {
        QTest::addColumn<QString>("carbon");
        QTest::addColumn<QString>("gep");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QStringList>("expected");
        const QString d = m_dir.path();
        QTest::newRow("no folder") << d + QStringLiteral("/nope") << QString() << d + QStringLiteral("/r.pdf")
                                   << "en"
                                   << QStringList{ QStringLiteral("--carbon-results"),
                                                   d + QStringLiteral("/nope"),
                                                   QStringLiteral("does not exist") };
        QTest::newRow("no result set")
          << d << QString() << d + QStringLiteral("/r.pdf") << "en"
          << QStringList{ QStringLiteral("--carbon-results"), QStringLiteral("resultset.json") };
        QTest::newRow("gep as carbon")
          << d + QStringLiteral("/gep") << QString() << d + QStringLiteral("/r.pdf") << "en"
          << QStringList{ QStringLiteral("--carbon-results"),
                          QStringLiteral("\"gep\""),
                          QStringLiteral("wrong folder") };
        QTest::newRow("carbon as gep")
          << d + QStringLiteral("/carbon") << d + QStringLiteral("/carbon") << d + QStringLiteral("/r.pdf")
          << "en" << QStringList{ QStringLiteral("--gep-results"), QStringLiteral("carbon_project") };
        QTest::newRow("extension") << d + QStringLiteral("/carbon") << QString()
                                   << d + QStringLiteral("/r.docx") << "en"
                                   << QStringList{ QStringLiteral("--out"),
                                                   QStringLiteral("r.docx"),
                                                   QStringLiteral(".pdf or .html") };
        QTest::newRow("language") << d + QStringLiteral("/carbon") << QString()
                                  << d + QStringLiteral("/r.pdf") << "fr"
                                  << QStringList{ QStringLiteral("--lang fr") };
        QTest::newRow("out folder") << d + QStringLiteral("/carbon") << QString()
                                    << d + QStringLiteral("/no/r.pdf") << "en"
                                    << QStringList{ QStringLiteral("--out"),
                                                    QStringLiteral("does not exist") };
    }

    // Bad options and folders: a GisError naming the option and the file, and no report file.
    void errors() {
        QFETCH(QString, carbon);
        QFETCH(QString, gep);
        QFETCH(QString, out);
        QFETCH(QString, lang);
        QFETCH(QStringList, expected);
        QFile::remove(out);
        try {
            report::generateReport(m_fx.project, carbon, gep, lang, out);
            QFAIL("no error");
        } catch (const gis::GisError& e) {
            const QString message = QString::fromStdString(e.what());
            for (const QString& x : expected) {
                QVERIFY2(message.contains(x), qPrintable(message));
            }
        }
        QVERIFY(!QFileInfo::exists(out));
    }

    // A result folder whose table was damaged: the error names the option and the table's file.
    /// A table row is never cut by a page break (QTextDocument would put some of its cells' lines on the
    /// next page): 300 rows, every other one with a cell of three lines and a mixed-script cell (taller
    /// lines), each row's two marker cells must come out on one page; the table continues with its header.
    void tableRowsStayTogether() {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("pdftotext (poppler-utils) is missing");
            QSKIP("pdftotext (poppler-utils) is not installed");
        }
        report::Report r;
        r.language = QStringLiteral("en");
        r.title = QStringLiteral("Rows");
        r.contentsTitle = QStringLiteral("Contents");
        r.pageFormat = QStringLiteral("Page %1 of %2");
        report::ReportSection s;
        s.id = QStringLiteral("rows");
        s.title = QStringLiteral("1 Rows");
        report::ReportTable t;
        t.caption = QStringLiteral("A long table");
        t.header = { QStringLiteral("First"), QStringLiteral("Middle"), QStringLiteral("Last") };
        t.numeric = { false, false, true };
        t.widths = { 0.3, 0.4, 0.3 };
        for (int i = 0; i < 300; ++i) {
            const QString n = QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
            // The middle cell's marker ends its last line.
            t.rows.push_back(
              { QStringLiteral("FIRST") + n,
                (i % 2 == 0 ? QStringLiteral("滩涂 → 红树林 one two three four five six seven eight nine ten "
                                             "eleven twelve thirteen fourteen fifteen sixteen seventeen ")
                            : QStringLiteral("滩涂 → 红树林 ")) +
                  QStringLiteral("MID") + n,
                QStringLiteral("LAST") + n });
        }
        s.blocks.push_back({ report::ReportBlock::Kind::Table, {}, {}, t, {} });
        r.sections.push_back(s);
        const QString pdf = m_dir.filePath(QStringLiteral("rows.pdf"));
        report::writeReportPdf(r, pdf);
        // Page by page (pdftotext -f N -l N): the page of each marker.
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), { pdf });
        info.waitForFinished(60000);
        static const QRegularExpression pagesRe(QStringLiteral("Pages:\\s+(\\d+)"));
        const int pages = pagesRe.match(QString::fromUtf8(info.readAllStandardOutput())).captured(1).toInt();
        QVERIFY(pages >= 4);
        std::map<QString, int> pageOf;
        static const QRegularExpression marker(QStringLiteral("(FIRST|MID|LAST)\\d{3}"));
        for (int p = 1; p <= pages; ++p) {
            QProcess text;
            text.start(QStringLiteral("pdftotext"),
                       { QStringLiteral("-f"),
                         QString::number(p),
                         QStringLiteral("-l"),
                         QString::number(p),
                         pdf,
                         QStringLiteral("-") });
            text.waitForFinished(60000);
            auto it = marker.globalMatch(QString::fromUtf8(text.readAllStandardOutput()));
            while (it.hasNext())
                pageOf[it.next().captured(0)] = p;
        }
        int split = 0;
        for (int i = 0; i < 300; ++i) {
            const QString n = QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
            QVERIFY2(pageOf.count(QStringLiteral("FIRST") + n) && pageOf.count(QStringLiteral("MID") + n) &&
                       pageOf.count(QStringLiteral("LAST") + n),
                     qPrintable(n));
            const int p = pageOf[QStringLiteral("FIRST") + n];
            split += p != pageOf[QStringLiteral("MID") + n] || p != pageOf[QStringLiteral("LAST") + n];
        }
        QCOMPARE(split, 0);
    }

    void damagedTable() {
        const QString dir = m_dir.filePath(QStringLiteral("damaged"));
        QDir().mkpath(dir);
        analysis::writeResultSet(m_fx.carbon, dir.toStdString());
        QFile f(dir + QStringLiteral("/summary.csv"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("quantity,value\n");
        f.close();
        try {
            report::generateReport(
              QString(), dir, QString(), QStringLiteral("en"), m_dir.filePath(QStringLiteral("d.pdf")));
            QFAIL("no error");
        } catch (const gis::GisError& e) {
            const QString message = QString::fromStdString(e.what());
            QVERIFY2(message.contains(QStringLiteral("--carbon-results")) &&
                       message.contains(QStringLiteral("summary.csv")),
                     qPrintable(message));
        }
    }

    // File ▸ Export Report…'s dialog: writes the report from its fields; a folder without a result set
    // is refused with the option and the folder named, and nothing is written.
    void dialog() {
        gui::ReportDialog d(m_fx.project);
        d.carbonEdit()->setText(m_fx.carbonDir);
        d.gepEdit()->setText(m_fx.gepDir);
        d.languageBox()->setCurrentIndex(d.languageBox()->findData(QStringLiteral("en")));
        const QString out = m_dir.filePath(QStringLiteral("dialog.pdf"));
        d.outEdit()->setText(out);
        QString error;
        QVERIFY2(d.generate(&error), qPrintable(error));
        QVERIFY(QFileInfo(out).size() > 10000);
        QVERIFY(pdfText(out).isNull() || pdfText(out).contains(QStringLiteral("Carbon results")));
        const QString bad = m_dir.filePath(QStringLiteral("dialog_bad.pdf"));
        d.carbonEdit()->setText(m_dir.path());
        d.outEdit()->setText(bad);
        QVERIFY(!d.generate(&error));
        QVERIFY2(error.contains(QStringLiteral("--carbon-results")) &&
                   error.contains(QStringLiteral("resultset.json")),
                 qPrintable(error));
        QVERIFY(!QFileInfo::exists(bad));
    }

private:
    QTemporaryDir m_dir;
    Fixture m_fx;
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
