// SPDX-License-Identifier: GPL-3.0-or-later
// `carbon --project` with Monte Carlo bounds for the blue-carbon (CBC engine and Wetlands Supplement
// Tier 1) and regression methods on a hand-made project (carbon-methods.md §2, §4, §6.1, §6.2): every
// stock and change of their parcels gets bounds, totals by district get bounds from per-iteration sums
// with no bounds_note, the history raster and the VI-key rasters are written, and 1 and 2 threads
// give identical numbers.
#include "TestUtil.h"
#include "gis/Crs.h"
#include "gis/RasterWriter.h"
#include "gis/VectorWriter.h"
#include "models/carbon/CarbonProject.h"
#include "models/carbon/CarbonResult.h"
#include "models/project/Project.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <stdexcept>

using namespace tanhui;
using namespace tanhui::models::carbon;

namespace {

gis::MultiPolygon rect(double x0, double y0, double x1, double y1) {
    gis::Ring r;
    r.xy = { x0, y0, x1, y0, x1, y1, x0, y1, x0, y0 };
    gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

constexpr double kX0 = 500000, kY0 = 2500000, kCell = 10;
constexpr int kCols = 20, kRows = 10;

gis::RasterSpec spec(gis::RasterSpec::Type type, double nodata) {
    gis::RasterSpec s;
    s.grid.originX = kX0;
    s.grid.originY = kY0;
    s.grid.cellWidth = s.grid.cellHeight = kCell;
    s.grid.cols = kCols;
    s.grid.rows = kRows;
    s.crs = gis::Crs::fromEpsg(32650);
    s.type = type;
    s.nodata = nodata;
    s.overviews = false;
    return s;
}

/// x of column c's west edge.
double xOf(int c) {
    return kX0 + c * kCell;
}

/// Land cover 2015, 2018, 2024: columns 0–9 mangrove (42), of which 5–9 tidal flat (43) from 2018
/// (a disturbance); columns 10–19 evergreen broadleaf (11). NDVI per year on the forest; default CBC
/// tables and Wetlands Supplement row; a regression table with a_sd and b_sd; carbon.uncertainty with
/// 300 iterations, seed 3 and a run-wide ±20 %.
/// With `gaps`: cloud gaps in the 2018 NDVI: F2 (columns 15–19) rows 0–7 (80 % of its forest), F1
/// column 10 row 0 (2 %). Without `sources`: no a_sd/b_sd and no default_u_pct (nothing uncertain).
QString writeProject(const QTemporaryDir& dir, bool gaps = false, bool sources = true) {
    const int years[] = { 2015, 2018, 2024 };
    for (int k = 0; k < 3; ++k) {
        gis::RasterWriter lc(dir.filePath(QStringLiteral("lc%1.tif").arg(years[k])).toStdString(),
                             spec(gis::RasterSpec::Type::Byte, 255));
        gis::RasterWriter vi(dir.filePath(QStringLiteral("ndvi%1.tif").arg(years[k])).toStdString(),
                             spec(gis::RasterSpec::Type::Float32, std::nan("")));
        std::vector<std::uint8_t> cells(kCols * kRows);
        std::vector<double> ndvi(kCols * kRows);
        for (int r = 0; r < kRows; ++r)
            for (int c = 0; c < kCols; ++c) {
                cells[std::size_t(r * kCols + c)] = c >= 10 ? 11 : (c >= 5 && k > 0 ? 43 : 42);
                ndvi[std::size_t(r * kCols + c)] = 0.45 + 0.02 * (c - 10) + 0.01 * r + 0.02 * k;
                if (gaps && k == 1 && ((c >= 15 && r < 8) || (c == 10 && r == 0)))
                    ndvi[std::size_t(r * kCols + c)] = std::nan("");
            }
        lc.writeRows(1, 0, kRows, cells.data());
        lc.commit();
        vi.writeRows(1, 0, kRows, ndvi.data());
        vi.commit();
    }
    QFile coef(dir.filePath(QStringLiteral("coef.csv")));
    coef.open(QIODevice::WriteOnly);
    if (sources)
        coef.write("lucode,form,a,b,agb_cap,r_low,r_high,cf,a_sd,b_sd,u_source\n"
                   "11,exponential,10,3.5,300,0.230,0.246,0.47,1.0,0.25,test fit\n");
    else
        coef.write("lucode,form,a,b,agb_cap,r_low,r_high,cf\n11,exponential,10,3.5,300,0.230,0.246,0.47\n");
    coef.close();
    using F = gis::VectorField;
    const gis::Crs crs = gis::Crs::fromEpsg(32650);
    auto write =
      [&](const char* file, const std::vector<F>& fields, const std::vector<gis::VectorFeature>& f) {
          gis::writePolygonLayer(
            dir.filePath(QString::fromLatin1(file)).toStdString(), QStringLiteral("l"), crs, fields, f);
      };
    auto feature = [](std::vector<QVariant> values, gis::MultiPolygon g) {
        gis::VectorFeature f;
        f.values = std::move(values);
        f.geometry = std::move(g);
        return f;
    };
    const double top = kY0, bottom = kY0 - kRows * kCell;
    write("wet.gpkg",
          { { QStringLiteral("code"), F::Type::String }, { QStringLiteral("dist"), F::Type::String } },
          { feature({ QStringLiteral("W1"), QStringLiteral("A") }, rect(xOf(0), bottom, xOf(4), top)),
            feature({ QStringLiteral("W2"), QStringLiteral("B") }, rect(xOf(3), bottom, xOf(10), top)) });
    write(
      "resto.gpkg",
      { { QStringLiteral("code"), F::Type::String },
        { QStringLiteral("dist"), F::Type::String },
        { QStringLiteral("planted"), F::Type::Integer } },
      { feature({ QStringLiteral("R1"), QStringLiteral("B"), 2016 }, rect(xOf(5), bottom, xOf(8), top)),
        feature({ QStringLiteral("R2"), QStringLiteral("A"), 2010 }, rect(xOf(8), bottom, xOf(10), top)) });
    write("forest.gpkg",
          { { QStringLiteral("code"), F::Type::String }, { QStringLiteral("dist"), F::Type::String } },
          { feature({ QStringLiteral("F1"), QStringLiteral("A") }, rect(xOf(10), bottom, xOf(15), top)),
            feature({ QStringLiteral("F2"), QStringLiteral("B") }, rect(xOf(15), bottom, xOf(20), top)) });
    const QString path = dir.filePath(QStringLiteral("mc.tanhui.json"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    QByteArray json = R"({"format": "tanhui-project", "version": 1, "name": "mc", "crs": "EPSG:32650",
      "layers": [
        {"id": "lc2015", "kind": "raster", "role": "landcover", "path": "lc2015.tif", "year": 2015},
        {"id": "lc2018", "kind": "raster", "role": "landcover", "path": "lc2018.tif", "year": 2018},
        {"id": "lc2024", "kind": "raster", "role": "landcover", "path": "lc2024.tif", "year": 2024},
        {"id": "ndvi2015", "kind": "raster", "role": "ndvi", "path": "ndvi2015.tif", "year": 2015},
        {"id": "ndvi2018", "kind": "raster", "role": "ndvi", "path": "ndvi2018.tif", "year": 2018},
        {"id": "ndvi2024", "kind": "raster", "role": "ndvi", "path": "ndvi2024.tif", "year": 2024},
        {"id": "wet", "kind": "vector", "role": "wetland_units", "path": "wet.gpkg", "id_field": "code",
         "fields": {"district": "dist"}},
        {"id": "resto", "kind": "vector", "role": "restoration_plots", "path": "resto.gpkg", "id_field": "code",
         "fields": {"district": "dist", "planting_year": "planted"}},
        {"id": "forest", "kind": "vector", "role": "forest_subcompartments", "path": "forest.gpkg",
         "id_field": "code", "fields": {"district": "dist"}}
      ],
      "parameters": [{"name": "coef", "path": "coef.csv"}],
      "carbon": {"layers": [{"layer": "wet", "ecosystem_type": "mangrove"},
                            {"layer": "resto", "ecosystem_type": "mangrove"},
                            {"layer": "forest", "ecosystem_type": "forest"}],
                 "years": [2015, 2018, 2024],
                 "grouping": {"name": "district", "field": "district"},
                 "parameters": {"regression": "coef"},
                 "methods": {"mangrove": "bluecarbon", "forest": "regression"},
                 "uncertainty": {"iterations": 300, "seed": 3, "default_u_pct": 20}}})";
    if (!sources)
        json.replace(R"("uncertainty": {"iterations": 300, "seed": 3, "default_u_pct": 20})",
                     R"("uncertainty": {"iterations": 50, "seed": 3})");
    f.write(json);
    return path;
}

/// Land-use change fixture (docs/carbon-project.md "Ecosystem per date"): 20 × 10 cells of 10 m, dates
/// 2015, 2020, 2024; class 1 cropland, class 2 built-up (rule: ≥ 40 % class 2 → settlement). Three dry-land
/// plots on the soil method (旱地, no practice: SOC_REF 47 × F_LU 0.48 × F_I low 0.92 = 20.7552 t C/ha at
/// every date): A (columns 0–4) wholly built-up in 2024, B (columns 5–14) half built-up in 2024 (columns
/// 5–9), C (columns 15–19) stays cropland. Pools: class 2 c_above 4, c_below 1, c_soil 30, c_dead 0.
/// `uncertainty`: the carbon.uncertainty object; `poolsU`: the pools table's u_pct column (empty: none).
QString writeLandUseProject(const QTemporaryDir& dir,
                            const QByteArray& uncertainty,
                            const QByteArray& poolsU,
                            const QByteArray& croplandMethods = R"("soil")") {
    const int years[] = { 2015, 2020, 2024 };
    for (int year : years) {
        gis::RasterWriter lc(dir.filePath(QStringLiteral("lc%1.tif").arg(year)).toStdString(),
                             spec(gis::RasterSpec::Type::Byte, 255));
        std::vector<std::uint8_t> cells(kCols * kRows);
        for (int r = 0; r < kRows; ++r)
            for (int c = 0; c < kCols; ++c)
                cells[std::size_t(r * kCols + c)] = year == 2024 && c < 10 ? 2 : 1;
        lc.writeRows(1, 0, kRows, cells.data());
        lc.commit();
    }
    QFile pools(dir.filePath(QStringLiteral("pools.csv")));
    pools.open(QIODevice::WriteOnly);
    if (poolsU.isEmpty())
        pools.write("lucode,c_above,c_below,c_soil,c_dead\n1,5,1,40,0\n2,4,1,30,0\n");
    else
        pools.write("lucode,c_above,c_below,c_soil,c_dead,u_pct\n1,5,1,40,0," + poolsU + "\n2,4,1,30,0," +
                    poolsU + "\n");
    pools.close();
    using F = gis::VectorField;
    gis::VectorFeature a, b, c;
    const double top = kY0, bottom = kY0 - kRows * kCell;
    a.values = { QStringLiteral("A"), QStringLiteral("D1"), QStringLiteral("旱地") };
    a.geometry = rect(xOf(0), bottom, xOf(5), top);
    b.values = { QStringLiteral("B"), QStringLiteral("D1"), QStringLiteral("旱地") };
    b.geometry = rect(xOf(5), bottom, xOf(15), top);
    c.values = { QStringLiteral("C"), QStringLiteral("D2"), QStringLiteral("旱地") };
    c.geometry = rect(xOf(15), bottom, xOf(20), top);
    gis::writePolygonLayer(dir.filePath(QStringLiteral("farm.gpkg")).toStdString(),
                           QStringLiteral("farm"),
                           gis::Crs::fromEpsg(32650),
                           { { QStringLiteral("code"), F::Type::String },
                             { QStringLiteral("dist"), F::Type::String },
                             { QStringLiteral("crop"), F::Type::String } },
                           { a, b, c });
    const QString path = dir.filePath(QStringLiteral("luc.tanhui.json"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(R"({"format": "tanhui-project", "version": 1, "name": "luc", "crs": "EPSG:32650",
      "layers": [
        {"id": "lc2015", "kind": "raster", "role": "landcover", "path": "lc2015.tif", "year": 2015},
        {"id": "lc2020", "kind": "raster", "role": "landcover", "path": "lc2020.tif", "year": 2020},
        {"id": "lc2024", "kind": "raster", "role": "landcover", "path": "lc2024.tif", "year": 2024},
        {"id": "farm", "kind": "vector", "role": "farmland_plots", "path": "farm.gpkg", "id_field": "code",
         "fields": {"district": "dist", "crop": "crop"}}
      ],
      "parameters": [{"name": "my_pools", "path": "pools.csv"}],
      "carbon": {"layers": [{"layer": "farm", "ecosystem_type": "cropland"}],
                 "years": [2015, 2020, 2024],
                 "grouping": {"name": "district", "field": "district"},
                 "parameters": {"pools": "my_pools"},
                 "methods": {"cropland": )" +
            croplandMethods + R"(},
                 "land_use_change": [{"type": "settlement", "classes": [2], "min_share": 0.4}])" +
            (uncertainty.isEmpty() ? QByteArray() : ", \"uncertainty\": " + uncertainty) + "}}");
    return path;
}

CarbonProjectRun runLandUse(const QTemporaryDir& dir,
                            const QByteArray& uncertainty,
                            const QByteArray& poolsU,
                            const QString& out,
                            int threads = 1,
                            const QByteArray& croplandMethods = R"("soil")") {
    const models::Project project =
      models::Project::load(writeLandUseProject(dir, uncertainty, poolsU, croplandMethods));
    CarbonProjectOptions options;
    options.outDir = dir.filePath(out).toStdString();
    options.threads = threads;
    return runCarbonProject(project, options);
}

const ParcelResult& resultOf(const CarbonProjectRun& run, const char* id) {
    for (const ParcelResult& r : run.results())
        if (r.id == QLatin1String(id))
            return r;
    throw std::runtime_error(std::string("no result ") + id);
}

/// Type 7 percentile of a copy of `v`.
double percentile7(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const double h = double(v.size() - 1) * p;
    const std::size_t lo = std::size_t(std::floor(h));
    return lo + 1 < v.size() ? v[lo] + (h - double(lo)) * (v[lo + 1] - v[lo]) : v[lo];
}

bool nearRel(double a, double b, double rel = 1e-9) {
    return std::fabs(a - b) <= rel * std::max(1.0, std::max(std::fabs(a), std::fabs(b)));
}

bool sameBounds(const std::optional<Bounds>& a, const std::optional<Bounds>& b) {
    if (!a || !b)
        return !a && !b;
    return a->p2_5 == b->p2_5 && a->p50 == b->p50 && a->p97_5 == b->p97_5 &&
           (a->u95Pct == b->u95Pct || (std::isnan(a->u95Pct) && std::isnan(b->u95Pct)));
}

} // namespace

class TestCarbonProjectBounds : public QObject {
    Q_OBJECT

private slots:
    void blueCarbonAndRegressionBounds() {
        QTemporaryDir dir;
        const models::Project project = models::Project::load(writeProject(dir));
        CarbonProjectOptions options;
        options.outDir = dir.filePath(QStringLiteral("out1")).toStdString();
        options.threads = 1;
        const CarbonProjectRun run = runCarbonProject(project, options);
        QVERIFY2(!run.stopped, qPrintable(run.issues.empty() ? QString() : run.issues.front().toString()));
        QVERIFY(run.uncertainty);
        QCOMPARE(run.uncertainty->methodsWithBounds,
                 QStringList({ QStringLiteral("bluecarbon"), QStringLiteral("regression") }));
        QCOMPARE(run.results().size(), std::size_t(6));
        std::map<QString, const ParcelResult*> byId;
        for (const ParcelResult& r : run.results()) {
            byId[r.id] = &r;
            QVERIFY2(r.computed(), qPrintable(r.id + QStringLiteral(": ") + r.notComputed));
            QCOMPARE(r.stocks.size(), std::size_t(3));
            for (const CarbonStock& s : r.stocks) {
                QVERIFY2(s.bounds, qPrintable(r.id));
                QVERIFY(s.bounds->p2_5 <= s.bounds->p50 && s.bounds->p50 <= s.bounds->p97_5);
            }
            // Consecutive periods and first → last, each with bounds.
            QVERIFY2(r.change(2015, 2024), qPrintable(r.id));
            for (const CarbonChange& c : r.changes)
                QVERIFY2(c.bounds, qPrintable(r.id + QStringLiteral(" %1-%2").arg(c.year1).arg(c.year2)));
        }
        QVERIFY(byId.at(QStringLiteral("W1"))->methodDetail.startsWith(QStringLiteral("route=cbc")));
        QVERIFY(byId.at(QStringLiteral("R1"))->methodDetail.startsWith(QStringLiteral("route=tier1")));
        QCOMPARE(byId.at(QStringLiteral("F1"))->method, QStringLiteral("regression"));
        // A mangrove that stays mangrove has a positive stock with a spread; the regression stock too.
        for (const char* id : { "W1", "F1", "F2" }) {
            const CarbonStock& s = byId.at(QString::fromLatin1(id))->stocks.back();
            QVERIFY2(s.totalT > 0 && s.bounds->p2_5 < s.totalT && s.totalT < s.bounds->p97_5, id);
        }
        // Tier 1 has Approach 1 (a planted plot grows: U defined); the CBC engine and the exponential
        // regression have none.
        QVERIFY(std::isfinite(byId.at(QStringLiteral("R1"))->stocks.back().bounds->u95Pct));
        QVERIFY(std::isnan(byId.at(QStringLiteral("W1"))->stocks.back().bounds->u95Pct));
        QVERIFY(std::isnan(byId.at(QStringLiteral("F1"))->stocks.back().bounds->u95Pct));
        // R1 was planted in 2016: nothing in 2015, exactly.
        QCOMPARE(byId.at(QStringLiteral("R1"))->stocks.front().bounds->p97_5, 0.0);

        // Totals by district: bounds everywhere, no note; W2 (district B) mixes cells that stay mangrove
        // with disturbed ones.
        const auto& byGroup = run.uncertainty->by.at(TotalsKey::Group);
        QCOMPARE(byGroup.size(), std::size_t(2));
        for (const ResultTotals& t : byGroup) {
            QVERIFY2(t.boundsNote.isEmpty(), qPrintable(t.boundsNote));
            for (const auto& s : t.stocks)
                QVERIFY(s.bounds);
            for (const auto& c : t.changes)
                QVERIFY2(c.bounds, qPrintable(t.key + QStringLiteral(" %1-%2").arg(c.year1).arg(c.year2)));
        }
        QVERIFY(run.uncertainty->total.boundsNote.isEmpty());
        // The grand total's 97.5th percentile is below the sum of the parcels' (percentiles do not add).
        double sumHi = 0;
        for (const ParcelResult& r : run.results())
            sumHi += r.stocks.back().bounds->p97_5;
        QVERIFY(run.uncertainty->total.stocks.back().bounds->p97_5 < sumHi);
        bool history = false, keys = false;
        for (const QString& f : run.files) {
            history = history || QFileInfo(f).fileName() == QLatin1String("cbc_history.tif");
            keys = keys || QFileInfo(f).fileName() == QLatin1String("rs_vi_key_2024.tif");
        }
        QVERIFY(history && keys);

        // Two threads: identical bounds of every parcel and total.
        options.outDir = dir.filePath(QStringLiteral("out2")).toStdString();
        options.threads = 2;
        const CarbonProjectRun run2 = runCarbonProject(project, options);
        QVERIFY(!run2.stopped);
        QCOMPARE(run2.results().size(), run.results().size());
        for (std::size_t i = 0; i < run.results().size(); ++i) {
            for (std::size_t y = 0; y < run.results()[i].stocks.size(); ++y)
                QVERIFY(sameBounds(run.results()[i].stocks[y].bounds, run2.results()[i].stocks[y].bounds));
            for (std::size_t c = 0; c < run.results()[i].changes.size(); ++c)
                QVERIFY(sameBounds(run.results()[i].changes[c].bounds, run2.results()[i].changes[c].bounds));
        }
        for (std::size_t y = 0; y < run.uncertainty->total.stocks.size(); ++y)
            QVERIFY(
              sameBounds(run.uncertainty->total.stocks[y].bounds, run2.uncertainty->total.stocks[y].bounds));
    }

    void landUseChangeBounds() {
        // Stocks altered by a land-use change get Monte Carlo bounds from the same draws as the
        // deterministic rule (docs/uncertainty.md "Land-use change"): the soil method's SOC draws for the
        // unconverted share and SOC(t0), the pools table's class-2 densities for the new use, the 20-year
        // linear soil transition; totals by type put each date's samples under that date's type.
        QTemporaryDir dir;
        // Zero uncertainty (no default, no uncertainty columns): zero-width bounds at the deterministic
        // value.
        const CarbonProjectRun exact =
          runLandUse(dir, R"({"iterations": 50, "seed": 3})", {}, QStringLiteral("exact"));
        QVERIFY2(!exact.stopped,
                 qPrintable(exact.issues.empty() ? QString() : exact.issues.front().toString()));
        // With uncertainty: soil factors and SOC_REF by kind (default_u_pct), pools ±40 %.
        const QByteArray mcSettings = R"({"iterations": 2000, "seed": 11, "default_u_pct": 30})";
        const CarbonProjectRun run = runLandUse(dir, mcSettings, "40", QStringLiteral("mc"));
        QVERIFY2(!run.stopped, qPrintable(run.issues.empty() ? QString() : run.issues.front().toString()));
        QVERIFY(run.uncertainty);
        // Without uncertainty: the same deterministic numbers (bounds change nothing).
        const CarbonProjectRun plain = runLandUse(dir, {}, "40", QStringLiteral("plain"));
        QVERIFY(!plain.stopped && !plain.uncertainty);
        for (const ParcelResult& r : run.results()) {
            const ParcelResult& p = resultOf(plain, r.id.toLatin1().constData());
            QCOMPARE(r.stocks.size(), p.stocks.size());
            for (std::size_t y = 0; y < r.stocks.size(); ++y)
                QCOMPARE(r.stocks[y].totalT, p.stocks[y].totalT);
            QCOMPARE(r.changes.size(), p.changes.size());
            for (std::size_t c = 0; c < r.changes.size(); ++c)
                QCOMPARE(r.changes[c].changeT, p.changes[c].changeT);
        }
        // Hand computation: M = 47 × 0.48 × 0.92 = 20.7552 t C/ha at every date; in 2024 a share s is
        // built-up, t0 = 2020, f = 4/20: (1 − s)·M + s·(M·(1 − f) + 30·f) + s·(4 + 1 + 0)
        // = M − 0.2·s·M + 11·s: A (s = 1) 27.60416, B (s = 0.5) 24.17968 t C/ha.
        const ParcelResult& a = resultOf(run, "A");
        const ParcelResult& b = resultOf(run, "B");
        const ParcelResult& c = resultOf(run, "C");
        QCOMPARE(a.typeAt(2024), QStringLiteral("settlement"));
        QCOMPARE(b.typeAt(2024), QStringLiteral("settlement"));
        QCOMPARE(c.typeAt(2024), QStringLiteral("cropland"));
        QVERIFY(std::fabs(b.landUseChange.front().share - 0.5) < 1e-9);
        QVERIFY(nearRel(a.stock(2015)->totalT / a.areaHa, 20.7552));
        QVERIFY2(nearRel(a.stock(2024)->totalT / a.areaHa, 27.60416),
                 qPrintable(QString::number(a.stock(2024)->totalT / a.areaHa, 'g', 12)));
        QVERIFY2(nearRel(b.stock(2024)->totalT / b.areaHa, 24.17968, 1e-8),
                 qPrintable(QString::number(b.stock(2024)->totalT / b.areaHa, 'g', 12)));
        QVERIFY(nearRel(c.stock(2024)->totalT / c.areaHa, 20.7552));

        // Every stock and change of every parcel has bounds containing the deterministic value, the
        // median near it; with zero uncertainty the bounds have zero width at the deterministic value.
        for (const ParcelResult& r : run.results()) {
            const ParcelResult& e = resultOf(exact, r.id.toLatin1().constData());
            auto check = [&](const std::optional<Bounds>& bd,
                             const std::optional<Bounds>& be,
                             double x,
                             const QString& what) {
                QVERIFY2(bd && be, qPrintable(what));
                QVERIFY2(
                  bd->p2_5 <= x && x <= bd->p97_5,
                  qPrintable(what + QStringLiteral(": %1 [%2, %3]").arg(x).arg(bd->p2_5).arg(bd->p97_5)));
                QVERIFY2(std::fabs(bd->p50 - x) <= 0.25 * (bd->p97_5 - bd->p2_5) + 1e-9, qPrintable(what));
                QVERIFY2(nearRel(be->p2_5, x) && nearRel(be->p97_5, x) && nearRel(be->p50, x),
                         qPrintable(what));
            };
            for (std::size_t y = 0; y < r.stocks.size(); ++y)
                check(r.stocks[y].bounds,
                      e.stocks[y].bounds,
                      r.stocks[y].totalT,
                      r.id + QStringLiteral(" %1").arg(r.stocks[y].year));
            for (std::size_t k = 0; k < r.changes.size(); ++k)
                check(r.changes[k].bounds,
                      e.changes[k].bounds,
                      r.changes[k].changeT,
                      r.id + QStringLiteral(" %1-%2").arg(r.changes[k].year1).arg(r.changes[k].year2));
        }
        // Altered stocks and changes have a spread; C (unchanged) has exactly zero change in every draw.
        QVERIFY(a.stock(2024)->bounds->p97_5 > a.stock(2024)->bounds->p2_5);
        QVERIFY(b.change(2020, 2024)->bounds->p97_5 > b.change(2020, 2024)->bounds->p2_5);
        QCOMPARE(c.change(2015, 2024)->bounds->p2_5, 0.0);
        QCOMPARE(c.change(2015, 2024)->bounds->p97_5, 0.0);

        // Per-iteration samples of a result through its sampler.
        const ProjectUncertaintyRun& u = *run.uncertainty;
        auto samplesOf = [&](const ParcelResult& r, std::optional<int> year, std::pair<int, int> pair = {}) {
            const std::size_t i = std::size_t(&r - run.results().data());
            const SampledTotals t = u.sampling[i].sampler->sum({ { u.sampling[i].ref } }).front();
            return year ? t.stocks.at(*year).samples : t.changes.at(pair).samples;
        };
        // A change is the per-iteration difference of the stocks (the same draws at every date).
        {
            const std::vector<double> s20 = samplesOf(a, 2020), s24 = samplesOf(a, 2024);
            const std::vector<double> ch = samplesOf(a, std::nullopt, { 2020, 2024 });
            QCOMPARE(ch.size(), std::size_t(2000));
            for (std::size_t i = 0; i < ch.size(); ++i)
                QVERIFY(nearRel(ch[i], s24[i] - s20[i], 1e-12));
        }
        // Correlation: A's 2015–2024 change is far narrower than independent stocks would give
        // (sqrt of the squared widths): the SOC draw is shared by both dates.
        {
            const Bounds& b15 = *a.stock(2015)->bounds;
            const Bounds& b24 = *a.stock(2024)->bounds;
            const Bounds& bc = *a.change(2015, 2024)->bounds;
            const double naive = std::hypot(b15.p97_5 - b15.p2_5, b24.p97_5 - b24.p2_5);
            QVERIFY2(bc.p97_5 - bc.p2_5 < 0.5 * naive,
                     qPrintable(QStringLiteral("%1 vs %2").arg(bc.p97_5 - bc.p2_5).arg(naive)));
        }

        // Totals: every stock and change of every row has bounds and no note, containing the value.
        std::vector<const ResultTotals*> rows = { &u.total };
        for (const TotalsKey key : { TotalsKey::EcosystemType, TotalsKey::Group, TotalsKey::Method })
            for (const ResultTotals& t : u.by.at(key))
                rows.push_back(&t);
        for (const ResultTotals* t : rows) {
            QVERIFY2(t->boundsNote.isEmpty(), qPrintable(t->key + QStringLiteral(": ") + t->boundsNote));
            for (const auto& st : t->stocks) {
                QVERIFY2(st.bounds, qPrintable(t->key + QStringLiteral(" %1").arg(st.year)));
                QVERIFY(st.bounds->p2_5 <= st.totalT && st.totalT <= st.bounds->p97_5);
            }
            for (const auto& ch : t->changes) {
                QVERIFY2(ch.bounds,
                         qPrintable(t->key + QStringLiteral(" %1-%2").arg(ch.year1).arg(ch.year2)));
                QVERIFY(ch.bounds->p2_5 <= ch.changeT && ch.changeT <= ch.bounds->p97_5);
            }
        }
        // By type: settlement 2024 = A + B per iteration, cropland 2024 = C; a change goes where its end
        // date's type is (A's and B's changes ending in 2024 under settlement, as totalsBy()).
        const ResultTotals* settlement = nullptr;
        const ResultTotals* cropland = nullptr;
        for (const ResultTotals& t : u.by.at(TotalsKey::EcosystemType))
            (t.key == QLatin1String("settlement") ? settlement : cropland) = &t;
        QVERIFY(settlement && cropland);
        auto sumOf = [](std::vector<double> x, const std::vector<double>& y) {
            for (std::size_t i = 0; i < x.size(); ++i)
                x[i] += y[i];
            return x;
        };
        auto stockRow = [](const ResultTotals* t, int year) {
            for (const auto& st : t->stocks)
                if (st.year == year)
                    return &st;
            return static_cast<const ResultTotals::Stock*>(nullptr);
        };
        auto changeRow = [](const ResultTotals* t, int y1, int y2) {
            for (const auto& ch : t->changes)
                if (ch.year1 == y1 && ch.year2 == y2)
                    return &ch;
            return static_cast<const ResultTotals::Change*>(nullptr);
        };
        QVERIFY(!stockRow(settlement, 2020));
        const std::vector<double> set24 = sumOf(samplesOf(a, 2024), samplesOf(b, 2024));
        QVERIFY(nearRel(stockRow(settlement, 2024)->bounds->p2_5, percentile7(set24, 0.025)));
        QVERIFY(nearRel(stockRow(settlement, 2024)->bounds->p97_5, percentile7(set24, 0.975)));
        QVERIFY(nearRel(stockRow(cropland, 2024)->bounds->p97_5, percentile7(samplesOf(c, 2024), 0.975)));
        const std::vector<double> setCh =
          sumOf(samplesOf(a, std::nullopt, { 2015, 2024 }), samplesOf(b, std::nullopt, { 2015, 2024 }));
        QVERIFY(nearRel(changeRow(settlement, 2015, 2024)->bounds->p2_5, percentile7(setCh, 0.025)));
        QVERIFY(nearRel(changeRow(settlement, 2015, 2024)->bounds->p97_5, percentile7(setCh, 0.975)));
        QCOMPARE(changeRow(cropland, 2020, 2024)->bounds->p97_5, 0.0); // C only: no change in any draw
        // Cropland 2015 (all three plots) and the grand total 2024 (A + B + C).
        const std::vector<double> crop15 =
          sumOf(sumOf(samplesOf(a, 2015), samplesOf(b, 2015)), samplesOf(c, 2015));
        QVERIFY(nearRel(stockRow(cropland, 2015)->bounds->p2_5, percentile7(crop15, 0.025)));
        const std::vector<double> all24 = sumOf(set24, samplesOf(c, 2024));
        QVERIFY(nearRel(stockRow(&u.total, 2024)->bounds->p97_5, percentile7(all24, 0.975)));
        // No warning about missing bounds; the new use's densities are listed among the parameters drawn.
        for (const auto& issue : run.issues)
            QVERIFY2(issue.column != QLatin1String("carbon.land_use_change"), qPrintable(issue.toString()));
        bool listed = false;
        for (const auto& v : u.parameters)
            listed = listed || v.id == "carbon_pools/2/c_soil";
        QVERIFY(listed);

        // Seeded: another run (2 threads) gives identical bounds; another seed other bounds.
        const CarbonProjectRun again = runLandUse(dir, mcSettings, "40", QStringLiteral("again"), 2);
        QVERIFY(!again.stopped);
        for (std::size_t i = 0; i < run.results().size(); ++i) {
            for (std::size_t y = 0; y < run.results()[i].stocks.size(); ++y)
                QVERIFY(sameBounds(run.results()[i].stocks[y].bounds, again.results()[i].stocks[y].bounds));
            for (std::size_t k = 0; k < run.results()[i].changes.size(); ++k)
                QVERIFY(sameBounds(run.results()[i].changes[k].bounds, again.results()[i].changes[k].bounds));
        }
        for (std::size_t y = 0; y < u.total.stocks.size(); ++y)
            QVERIFY(sameBounds(u.total.stocks[y].bounds, again.uncertainty->total.stocks[y].bounds));
        const CarbonProjectRun other = runLandUse(
          dir, R"({"iterations": 2000, "seed": 12, "default_u_pct": 30})", "40", QStringLiteral("other"));
        QVERIFY(!other.stopped);
        QVERIFY(!sameBounds(resultOf(other, "A").stock(2024)->bounds, a.stock(2024)->bounds));
    }

    void landUseChangeWarnsOnce() {
        // The pools table is read by the pool method and again for the new use's densities after a
        // land-use change: a warning about one of its rows (here u_pct 0.4, a percent that looks like a
        // fraction) is reported once, not once per reading.
        QTemporaryDir dir;
        const CarbonProjectRun run = runLandUse(
          dir, R"({"iterations": 50, "seed": 3})", "0.4", QStringLiteral("twice"), 1, R"(["soil", "pools"])");
        QVERIFY2(!run.stopped, qPrintable(run.issues.empty() ? QString() : run.issues.front().toString()));
        QStringList seen;
        int fractionWarnings = 0;
        for (const auto& issue : run.issues) {
            const QString text = issue.toString();
            QVERIFY2(!seen.contains(text), qPrintable(QStringLiteral("reported twice: ") + text));
            seen << text;
            fractionWarnings += issue.column == QLatin1String("u_pct") ? 1 : 0;
        }
        QCOMPARE(fractionWarnings, 2); // one per pools row (lucode 1 and 2)
    }

    void regressionCloudGapsAndExactRun() {
        // Issue 11: a cloud gap is a blank with a flag, never zero carbon; changes over the cells valid
        // on both dates; a run without uncertainty sources writes blank bounds with a note.
        QTemporaryDir dir;
        const models::Project project = models::Project::load(writeProject(dir, true, false));
        CarbonProjectOptions options;
        options.outDir = dir.filePath(QStringLiteral("out")).toStdString();
        options.threads = 1;
        const CarbonProjectRun run = runCarbonProject(project, options);
        QVERIFY2(!run.stopped, qPrintable(run.issues.empty() ? QString() : run.issues.front().toString()));
        std::map<QString, const ParcelResult*> byId;
        for (const ParcelResult& r : run.results())
            byId[r.id] = &r;
        const ParcelResult& f1 = *byId.at(QStringLiteral("F1"));
        const ParcelResult& f2 = *byId.at(QStringLiteral("F2"));
        // F2: 80 % of its forest in gaps in 2018 → no 2018 stock (not 0), flagged; no change to or from
        // 2018, but 2015 → 2024.
        QVERIFY(f2.stock(2015) && f2.stock(2024));
        QVERIFY(!f2.stock(2018));
        QVERIFY2(f2.methodDetail.contains(QStringLiteral("2018: no stock (80.0 %")),
                 qPrintable(f2.methodDetail));
        QVERIFY(!f2.change(2015, 2018) && !f2.change(2018, 2024));
        QVERIFY(f2.change(2015, 2024));
        QVERIFY(std::fabs(f2.change(2015, 2024)->changeT -
                          (f2.stock(2024)->totalT - f2.stock(2015)->totalT)) < 1e-6);
        // F1: 1 cell of 50 in a gap → a stock over the valid forest, flagged; its 2015 → 2018 change is
        // over the 49 common cells, so it is larger than the stock difference (the gap cell is not a loss).
        QVERIFY(f1.stock(2018));
        QVERIFY(f1.methodDetail.contains(QStringLiteral("2018: 2.0 %")));
        const double diff = f1.stock(2018)->totalT - f1.stock(2015)->totalT;
        QVERIFY2(f1.change(2015, 2018)->changeT > diff + 0.2,
                 qPrintable(QStringLiteral("%1 vs %2").arg(f1.change(2015, 2018)->changeT).arg(diff)));
        // No uncertainty source: every parcel's draws are equal; parcels.csv has blank bounds and a note.
        QFile parcels(dir.filePath(QStringLiteral("out/parcels.csv")));
        QVERIFY(parcels.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = parcels.readAll().split('\n');
        const QList<QByteArray> header = lines[0].split(',');
        const qsizetype lo = header.indexOf("c_total_t_2015_p2_5");
        QVERIFY(lo > 0);
        QVERIFY(header.contains("c_total_t_2015_u95_t"));
        QVERIFY(header.contains("bounds_note"));
        bool noted = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (!lines[i].contains("F1"))
                continue;
            QVERIFY(lines[i].split(',').value(lo).isEmpty());
            noted = lines[i].contains("no uncertainty source");
        }
        QVERIFY(noted);
    }
};

QTEST_GUILESS_MAIN(TestCarbonProjectBounds)
#include "tst_carbon_project_bounds.moc"
