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

#include <cmath>

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
