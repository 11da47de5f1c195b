// SPDX-License-Identifier: GPL-3.0-or-later
// The method-independent carbon result (CarbonResult.h): CO2e = C × 44/12, per-year change, densities,
// flagged rows, totals by type and group, CSV/GPKG writers; the district assignment by largest exact
// overlap (gis/Overlay.h) on hand-made polygons; the project's "carbon" section: parsing, round trip,
// old files, and validation of bad inputs naming the file and key (CarbonProject.h).
#include "TestUtil.h"
#include "gis/Crs.h"
#include "gis/Feedback.h"
#include "gis/Overlay.h"
#include "gis/RasterWriter.h"
#include "gis/VectorLayer.h"
#include "gis/VectorWriter.h"
#include "models/carbon/CarbonProject.h"
#include "models/carbon/CarbonResult.h"
#include "models/carbon/GainLossMethod.h"
#include "models/carbon/ProjectLedger.h"
#include "models/project/Project.h"
#include "models/uncertainty/Distribution.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <set>

using namespace tanhui;
using namespace tanhui::models::carbon;

namespace {

/// RFC 4180 CSV rows (quoted fields with commas and doubled quotes).
std::vector<QStringList> readCsv(const QString& path) {
    QFile f(path);
    std::vector<QStringList> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    const QString text = QString::fromUtf8(f.readAll());
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                cell += ch;
                ++i;
            } else if (ch == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += ch;
            }
        } else if (ch == QLatin1Char('"')) {
            quoted = true;
        } else if (ch == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (ch == QLatin1Char('\n') || ch == QLatin1Char('\r')) {
            if (ch == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            row << cell;
            cell.clear();
            rows.push_back(row);
            row.clear();
        } else {
            cell += ch;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        row << cell;
        rows.push_back(row);
    }
    return rows;
}

QString cell(const std::vector<QStringList>& rows, std::size_t row, const QString& column) {
    const qsizetype c = rows.front().indexOf(column);
    return c < 0 || row >= rows.size() ? QStringLiteral("<no column %1>").arg(column) : rows[row][c];
}

gis::MultiPolygon rect(double x0, double y0, double x1, double y1) {
    gis::Ring r;
    r.xy = { x0, y0, x1, y0, x1, y1, x0, y1 };
    gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

/// ISO WKB of a polygon with one ring (little endian), for the GeoPackage writer.
std::vector<unsigned char> wkbOf(const gis::Ring& ring) {
    std::vector<unsigned char> out;
    auto put32 = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i)
            out.push_back((unsigned char)(v >> (8 * i)));
    };
    auto putD = [&](double d) {
        std::uint64_t v;
        std::memcpy(&v, &d, 8);
        for (int i = 0; i < 8; ++i)
            out.push_back((unsigned char)(v >> (8 * i)));
    };
    out.push_back(1);
    put32(3);
    put32(1);
    put32(std::uint32_t(ring.size() + 1));
    for (std::size_t i = 0; i <= ring.size(); ++i) {
        putD(ring.x(i % ring.size()));
        putD(ring.y(i % ring.size()));
    }
    return out;
}

/// Two computed parcels (pools over 2015/2024, volume at 2015) and one not computed.
std::vector<ParcelResult> sampleResults() {
    std::vector<ParcelResult> rs(3);
    rs[0].layer = QStringLiteral("xiaoban");
    rs[0].fid = 0;
    rs[0].id = QStringLiteral("0001-01");
    rs[0].ecosystemType = QStringLiteral("shrubland");
    rs[0].method = QStringLiteral("pools");
    rs[0].group = QStringLiteral("Beiling");
    rs[0].areaHa = 4;
    rs[0].stocks = {
        { 2015, { { QStringLiteral("c_above"), 30 }, { QStringLiteral("c_soil"), 70 } }, 100, 4, {} },
        { 2024, { { QStringLiteral("c_above"), 42 }, { QStringLiteral("c_soil"), 76 } }, 118, 3.5, {} }
    };
    rs[0].changes = { { 2015, 2024, 18, ChangeBasis::StockDifference, Bounds{ 10, 18, 25, 40 } } };
    rs[0].parameters = {
        { QStringLiteral("pools.csv"), 3, QStringLiteral("lucode 21"), models::params::Tag::Unconfirmed },
        { QStringLiteral("pools.csv"), 5, QStringLiteral("lucode 41"), models::params::Tag::Verified }
    };
    rs[0].nodataShare = 0.125;
    rs[1].layer = QStringLiteral("xiaoban");
    rs[1].fid = 1;
    rs[1].id = QStringLiteral("0001-02");
    rs[1].ecosystemType = QStringLiteral("forest");
    rs[1].method = QStringLiteral("volume");
    rs[1].group = QStringLiteral("Nanbin");
    rs[1].areaHa = 2;
    rs[1].geometryRepaired = true;
    rs[1].stocks = { { 2015, { { QStringLiteral("c_biomass"), 50 } }, 50, 2, {} } };
    rs[1].parameters = {
        { QStringLiteral("species.csv"), 2, QStringLiteral("chinese_fir"), models::params::Tag::Verified }
    };
    rs[2].layer = QStringLiteral("xiaoban");
    rs[2].fid = 2;
    rs[2].id = QStringLiteral("0001-03");
    rs[2].ecosystemType = QStringLiteral("forest");
    rs[2].method = QStringLiteral("volume");
    rs[2].group = QStringLiteral("Nanbin");
    rs[2].areaHa = 1;
    rs[2].notComputed = QStringLiteral("unknown species '经济林', see row 3");
    for (auto& r : rs) {
        gis::Ring ring;
        ring.xy = { 0, 0, 10, 0, 10, 10, 0, 10 };
        for (double& v : ring.xy)
            v += double(r.fid) * 20;
        r.wkb = wkbOf(ring);
    }
    return rs;
}

QString writeJson(const QTemporaryDir& dir,
                  const QByteArray& carbon,
                  const QString& name = QStringLiteral("p.json")) {
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(R"({"format": "tanhui-project", "version": 1, "name": "t", "crs": "EPSG:4547",
      "layers": [
        {"id": "lc2015", "kind": "raster", "role": "landcover", "path": "lc2015.tif", "year": 2015},
        {"id": "lc2024", "kind": "raster", "role": "landcover", "path": "lc2024.tif", "year": 2024},
        {"id": "xb", "kind": "vector", "role": "forest_subcompartments", "path": "xb.shp", "year": 2015,
         "fields": {"ecosystem_type": "DL", "species_group": "SZ", "volume_m3_per_ha": "XJ"}},
        {"id": "farm", "kind": "vector", "role": "farmland_plots", "path": "farm.gpkg"},
        {"id": "dist", "kind": "vector", "role": "districts", "path": "d.gpkg"}
      ],
      "parameters": [{"name": "carbon/carbon_pools", "path": "pools.csv"}])");
    if (!carbon.isEmpty())
        f.write(", \"carbon\": " + carbon);
    f.write("}");
    return path;
}

/// The issues of validateCarbonProject as "key: message" lines.
QStringList problems(const QString& path) {
    const models::Project p = models::Project::load(path);
    QStringList out;
    for (const auto& i : validateCarbonProject(p)) {
        if (i.file != path)
            out << QStringLiteral("WRONG FILE %1").arg(i.file);
        out << i.column + QStringLiteral(": ") + i.message;
    }
    return out;
}

bool anyContains(const QStringList& list, const QString& a, const QString& b = {}) {
    for (const QString& s : list)
        if (s.contains(a) && s.contains(b))
            return true;
    return false;
}

/// A tiny project for the runner: two land-cover rasters (20 × 10 cells of 10 m, EPSG:32650; 2015 left
/// half class 1, right half class 2; 2024 all class 1), a user pools table (class 1: 63 t C/ha, class
/// 2: 35 t C/ha) and a parcel GeoPackage with a type field, a method field and a district field.
QString writeRunnerProject(const QTemporaryDir& dir, const QString& p4Method, const QByteArray& methods) {
    const gis::Crs crs = gis::Crs::fromEpsg(32650);
    for (int year : { 2015, 2024 }) {
        gis::RasterSpec spec;
        spec.grid.originX = 500000;
        spec.grid.originY = 2500000;
        spec.grid.cellWidth = 10;
        spec.grid.cellHeight = 10;
        spec.grid.cols = 20;
        spec.grid.rows = 10;
        spec.crs = crs;
        spec.type = gis::RasterSpec::Type::Byte;
        spec.nodata = 255;
        spec.overviews = false;
        gis::RasterWriter w(dir.filePath(QStringLiteral("lc%1.tif").arg(year)).toStdString(), spec);
        std::vector<std::uint8_t> cells(200);
        for (int r = 0; r < 10; ++r)
            for (int c = 0; c < 20; ++c)
                cells[std::size_t(r * 20 + c)] = year == 2015 && c >= 10 ? 2 : 1;
        w.writeRows(1, 0, 10, cells.data());
        w.commit();
    }
    QFile pools(dir.filePath(QStringLiteral("pools.csv")));
    pools.open(QIODevice::WriteOnly);
    pools.write("lucode,c_above,c_below,c_soil,c_dead\n1,10,2,50,1\n2,4,1,30,0\n");
    pools.close();
    using F = gis::VectorField;
    const std::vector<F> fields = { { QStringLiteral("code"), F::Type::String },
                                    { QStringLiteral("kind"), F::Type::String },
                                    { QStringLiteral("how"), F::Type::String },
                                    { QStringLiteral("dist"), F::Type::String } };
    auto feature =
      [](const char* code, const char* kind, const QString& how, const char* dist, gis::MultiPolygon g) {
          gis::VectorFeature f;
          f.values = { QString::fromLatin1(code), QString::fromLatin1(kind), how, QString::fromLatin1(dist) };
          f.geometry = std::move(g);
          return f;
      };
    const std::vector<gis::VectorFeature> features = {
        feature("P1", "grass", QString(), "A", rect(500000, 2499900, 500100, 2500000)),
        feature("P2", "wetland_x", QString(), "B", rect(500100, 2499900, 500200, 2500000)),
        feature("P3", "grass", QString(), "A", gis::MultiPolygon()), // no geometry
        feature("P4", "forest", p4Method, "B", rect(500050, 2499950, 500150, 2500000)),
    };
    gis::writePolygonLayer(dir.filePath(QStringLiteral("plots.gpkg")).toStdString(),
                           QStringLiteral("plots"),
                           crs,
                           fields,
                           features);
    const QString path = dir.filePath(QStringLiteral("runner.tanhui.json"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(R"({"format": "tanhui-project", "version": 1, "name": "runner", "crs": "EPSG:32650",
      "layers": [
        {"id": "lc2015", "kind": "raster", "role": "landcover", "path": "lc2015.tif", "year": 2015},
        {"id": "lc2024", "kind": "raster", "role": "landcover", "path": "lc2024.tif", "year": 2024},
        {"id": "plots", "kind": "vector", "role": "farmland_plots", "path": "plots.gpkg", "id_field": "code",
         "fields": {"ecosystem_type": "kind", "district": "dist"}, "values": {"ecosystem_type:grass": "grassland"}}
      ],
      "parameters": [{"name": "my_pools", "path": "pools.csv"}],
      "carbon": {"layers": [{"layer": "plots", "ecosystem_type_field": "ecosystem_type", "method_field": "how"}],
                 "grouping": {"name": "district", "field": "district"},
                 "parameters": {"pools": "my_pools"}, "methods": )" +
            methods + "}}");
    return path;
}

/// The runner project of writeRunnerProject() with Monte Carlo: a pools table with uncertainty columns
/// (row-wide u_pct 20 %, class 2's soil a triangular), a parcel layer dated 2015 with species and
/// volume fields, two pools parcels and two volume parcels (constant and continuous BEF) spread over
/// two districts, so that district B and the grand total mix both methods; carbon.uncertainty as given.
QString writeMcProject(const QTemporaryDir& dir,
                       const QByteArray& uncertainty,
                       const QByteArray& extraCarbon = {}) {
    const gis::Crs crs = gis::Crs::fromEpsg(32650);
    for (int year : { 2015, 2024 }) {
        gis::RasterSpec spec;
        spec.grid.originX = 500000;
        spec.grid.originY = 2500000;
        spec.grid.cellWidth = 10;
        spec.grid.cellHeight = 10;
        spec.grid.cols = 20;
        spec.grid.rows = 10;
        spec.crs = crs;
        spec.type = gis::RasterSpec::Type::Byte;
        spec.nodata = 255;
        spec.overviews = false;
        gis::RasterWriter w(dir.filePath(QStringLiteral("lc%1.tif").arg(year)).toStdString(), spec);
        std::vector<std::uint8_t> cells(200);
        for (int r = 0; r < 10; ++r)
            for (int c = 0; c < 20; ++c)
                cells[std::size_t(r * 20 + c)] = year == 2015 && c >= 10 ? 2 : 1;
        w.writeRows(1, 0, 10, cells.data());
        w.commit();
    }
    QFile pools(dir.filePath(QStringLiteral("pools.csv")));
    pools.open(QIODevice::WriteOnly);
    pools.write("lucode,c_above,c_below,c_soil,c_dead,u_pct,c_soil_dist,c_soil_min,c_soil_max\n"
                "1,10,2,50,1,20,,,\n2,4,1,30,0,20,triangular,20,45\n");
    pools.close();
    using F = gis::VectorField;
    const std::vector<F> fields = { { QStringLiteral("code"), F::Type::String },
                                    { QStringLiteral("kind"), F::Type::String },
                                    { QStringLiteral("dist"), F::Type::String },
                                    { QStringLiteral("sz"), F::Type::String },
                                    { QStringLiteral("xj"), F::Type::Real } };
    auto feature = [](const char* code,
                      const char* kind,
                      const char* dist,
                      const char* sz,
                      double xj,
                      gis::MultiPolygon g) {
        gis::VectorFeature f;
        f.values = { QString::fromLatin1(code),
                     QString::fromLatin1(kind),
                     QString::fromLatin1(dist),
                     QString::fromLatin1(sz),
                     xj };
        f.geometry = std::move(g);
        return f;
    };
    const std::vector<gis::VectorFeature> features = {
        feature("P1", "grass", "A", "", 0, rect(500000, 2499900, 500100, 2500000)),
        feature("P2", "marsh", "B", "", 0, rect(500100, 2499900, 500200, 2500000)),
        feature("V1", "forest", "B", "chinese_fir", 120, rect(500000, 2499900, 500050, 2499950)),
        feature("V2", "oak", "A", "masson_pine", 80, rect(500150, 2499900, 500200, 2499950)),
    };
    gis::writePolygonLayer(dir.filePath(QStringLiteral("plots.gpkg")).toStdString(),
                           QStringLiteral("plots"),
                           crs,
                           fields,
                           features);
    const QString path = dir.filePath(QStringLiteral("mc.tanhui.json"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(R"({"format": "tanhui-project", "version": 1, "name": "mc", "crs": "EPSG:32650",
      "layers": [
        {"id": "lc2015", "kind": "raster", "role": "landcover", "path": "lc2015.tif", "year": 2015},
        {"id": "lc2024", "kind": "raster", "role": "landcover", "path": "lc2024.tif", "year": 2024},
        {"id": "plots", "kind": "vector", "role": "farmland_plots", "path": "plots.gpkg", "id_field": "code",
         "year": 2015, "fields": {"ecosystem_type": "kind", "district": "dist", "species_group": "sz",
         "volume_m3_per_ha": "xj"}}
      ],
      "parameters": [{"name": "my_pools", "path": "pools.csv"}],
      "carbon": {"layers": [{"layer": "plots", "ecosystem_type_field": "ecosystem_type"}],
                 "grouping": {"name": "district", "field": "district"},
                 "parameters": {"pools": "my_pools"},
                 "methods": {"grass": "pools", "marsh": "pools",
                             "forest": {"method": "volume", "bef_form": "constant"},
                             "oak": {"method": "volume", "bef_form": "continuous"}})" +
            (uncertainty.isEmpty() ? QByteArray() : ", \"uncertainty\": " + uncertainty) +
            (extraCarbon.isEmpty() ? QByteArray() : ", " + extraCarbon) + "}}");
    return path;
}

/// A Monte Carlo project of the soil and gain-loss methods next to pools: land cover 2015, 2020, 2024
/// on a 20 × 10 grid of 10 m cells (2015: right half class 2, 2020: all class 1, 2024: left quarter
/// class 2); plots S1 (dry land, straw return since 2018: low → medium input) and S2 (paddy, no change)
/// by the soil method with the default tables, G1 (class 1 as plantation: growth 2015 → 2020 on the
/// converted right half, loss 2020 → 2024 on the left quarter) by gain-loss with the default growth
/// table, P1 by pools; districts A (S1, P1) and B (S2, G1).
QString writeSoilGainLossMcProject(const QTemporaryDir& dir,
                                   const QByteArray& uncertainty,
                                   const QByteArray& extraCarbon = {}) {
    const gis::Crs crs = gis::Crs::fromEpsg(32650);
    for (int year : { 2015, 2020, 2024 }) {
        gis::RasterSpec spec;
        spec.grid.originX = 500000;
        spec.grid.originY = 2500000;
        spec.grid.cellWidth = 10;
        spec.grid.cellHeight = 10;
        spec.grid.cols = 20;
        spec.grid.rows = 10;
        spec.crs = crs;
        spec.type = gis::RasterSpec::Type::Byte;
        spec.nodata = 255;
        spec.overviews = false;
        gis::RasterWriter w(dir.filePath(QStringLiteral("lc%1.tif").arg(year)).toStdString(), spec);
        std::vector<std::uint8_t> cells(200);
        for (int r = 0; r < 10; ++r)
            for (int c = 0; c < 20; ++c)
                cells[std::size_t(r * 20 + c)] = (year == 2015 && c >= 10) || (year == 2024 && c < 5) ? 2 : 1;
        w.writeRows(1, 0, 10, cells.data());
        w.commit();
    }
    QFile pools(dir.filePath(QStringLiteral("pools.csv")));
    pools.open(QIODevice::WriteOnly);
    pools.write("lucode,c_above,c_below,c_soil,c_dead,u_pct\n1,100,20,50,1,20\n2,4,1,30,0,20\n");
    pools.close();
    using F = gis::VectorField;
    const std::vector<F> fields = {
        { QStringLiteral("code"), F::Type::String },     { QStringLiteral("kind"), F::Type::String },
        { QStringLiteral("dist"), F::Type::String },     { QStringLiteral("crop"), F::Type::String },
        { QStringLiteral("practice"), F::Type::String }, { QStringLiteral("since"), F::Type::Integer }
    };
    auto feature = [](const char* code,
                      const char* kind,
                      const char* dist,
                      const QString& crop,
                      const QString& practice,
                      QVariant since,
                      gis::MultiPolygon g) {
        gis::VectorFeature f;
        f.values = { QString::fromLatin1(code),
                     QString::fromLatin1(kind),
                     QString::fromLatin1(dist),
                     crop,
                     practice,
                     since };
        f.geometry = std::move(g);
        return f;
    };
    const std::vector<gis::VectorFeature> features = {
        feature("S1",
                "crop",
                "A",
                QStringLiteral("旱地"),
                QStringLiteral("秸秆还田"),
                2018,
                rect(500000, 2499900, 500050, 2499950)),
        feature("S2",
                "crop",
                "B",
                QStringLiteral("水稻"),
                QString(),
                QVariant(),
                rect(500050, 2499900, 500100, 2499950)),
        feature(
          "G1", "forest", "B", QString(), QString(), QVariant(), rect(500000, 2499950, 500200, 2500000)),
        feature("P1", "grass", "A", QString(), QString(), QVariant(), rect(500100, 2499900, 500200, 2499950)),
    };
    gis::writePolygonLayer(dir.filePath(QStringLiteral("plots.gpkg")).toStdString(),
                           QStringLiteral("plots"),
                           crs,
                           fields,
                           features);
    const QString path = dir.filePath(QStringLiteral("sg.tanhui.json"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(R"({"format": "tanhui-project", "version": 1, "name": "sg", "crs": "EPSG:32650",
      "layers": [
        {"id": "lc2015", "kind": "raster", "role": "landcover", "path": "lc2015.tif", "year": 2015},
        {"id": "lc2020", "kind": "raster", "role": "landcover", "path": "lc2020.tif", "year": 2020},
        {"id": "lc2024", "kind": "raster", "role": "landcover", "path": "lc2024.tif", "year": 2024},
        {"id": "plots", "kind": "vector", "role": "farmland_plots", "path": "plots.gpkg", "id_field": "code",
         "fields": {"ecosystem_type": "kind", "district": "dist", "crop": "crop", "practice": "practice",
         "straw_return_since": "since"}}
      ],
      "parameters": [{"name": "my_pools", "path": "pools.csv"}],
      "carbon": {"layers": [{"layer": "plots", "ecosystem_type_field": "ecosystem_type"}],
                 "grouping": {"name": "district", "field": "district"},
                 "parameters": {"pools": "my_pools"},
                 "methods": {"grass": "pools", "crop": "soil",
                             "forest": {"method": "gainloss", "forest_classes": "1=plantation"}})" +
            (uncertainty.isEmpty() ? QByteArray() : ", \"uncertainty\": " + uncertainty) +
            (extraCarbon.isEmpty() ? QByteArray() : ", " + extraCarbon) + "}}");
    return path;
}

/// Type-7 percentile of unsorted data (independent of uncertainty::summarize).
double percentile7(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const double h = double(v.size() - 1) * p;
    const std::size_t lo = std::size_t(std::floor(h));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (h - double(lo)) * (v[hi] - v[lo]);
}

bool near(double a, double b, double rel = 1e-9) {
    return std::abs(a - b) <= rel * std::max({ 1.0, std::abs(a), std::abs(b) });
}

/// All bounds of a run (parcels and totals) as one list of numbers, for identity checks.
std::vector<double> allBounds(const CarbonProjectRun& run) {
    std::vector<double> out;
    auto add = [&](const std::optional<Bounds>& b) {
        if (b)
            out.insert(out.end(), { b->p2_5, b->p50, b->p97_5, std::isnan(b->u95Pct) ? -2.0 : b->u95Pct });
        else
            out.push_back(-1);
    };
    for (const ParcelResult& r : run.results()) {
        for (const CarbonStock& s : r.stocks)
            add(s.bounds);
        for (const CarbonChange& c : r.changes)
            add(c.bounds);
    }
    std::vector<ResultTotals> totals = { run.uncertainty->total };
    for (const auto& [key, list] : run.uncertainty->by)
        totals.insert(totals.end(), list.begin(), list.end());
    for (const ResultTotals& t : totals) {
        for (const auto& s : t.stocks)
            add(s.bounds);
        for (const auto& c : t.changes)
            add(c.bounds);
    }
    return out;
}
} // namespace

class TestCarbonProject : public QObject {
    Q_OBJECT

private slots:
    void resultModel() {
        const auto rs = sampleResults();
        const CarbonChange& ch = rs[0].changes[0];
        QCOMPARE(ch.co2eT(), 18.0 * 44.0 / 12.0);
        QCOMPARE(ch.co2eT(), 66.0);
        QCOMPARE(ch.perYearT(), 2.0);
        QCOMPARE(rs[0].stocks[1].densityTPerHa(), 118.0 / 3.5);
        QCOMPARE(rs[0].flaggedParameters().size(), std::size_t(1));
        QCOMPARE(rs[0].flaggedParameters()[0].toString(),
                 QStringLiteral("pools.csv:3 lucode 21 (unconfirmed)"));
        QVERIFY(rs[1].flaggedParameters().empty());
        QVERIFY(!rs[2].computed());
        QVERIFY(rs[0].stock(2018) == nullptr);
        QCOMPARE(rs[0].stock(2024)->totalT, 118.0);
        QVERIFY(rs[0].change(2015, 2024) != nullptr);
        QVERIFY(rs[0].change(2024, 2015) == nullptr);
        QCOMPARE(QString::fromLatin1(changeBasisName(ChangeBasis::Flux)), QStringLiteral("flux"));
    }

    void totals() {
        const auto rs = sampleResults();
        const ResultTotals all = totalOf(rs);
        QCOMPARE(all.parcels, std::size_t(3));
        QCOMPARE(all.computed, std::size_t(2));
        QCOMPARE(all.notComputed, std::size_t(1));
        QCOMPARE(all.flagged, std::size_t(1));
        QCOMPARE(all.areaHa, 7.0);
        QCOMPARE(all.stocks.size(), std::size_t(2));
        QCOMPARE(all.stocks[0].year, 2015);
        QCOMPARE(all.stocks[0].totalT, 150.0); // the not-computed parcel adds nothing, and is counted
        QCOMPARE(all.stocks[0].parcels, std::size_t(2));
        QCOMPARE(all.stocks[1].totalT, 118.0);
        QCOMPARE(all.stocks[1].parcels, std::size_t(1));
        QCOMPARE(all.changes.size(), std::size_t(1));
        QCOMPARE(all.changes[0].co2eT(), 66.0);
        const auto byType = totalsBy(rs, TotalsKey::EcosystemType);
        QCOMPARE(byType.size(), std::size_t(2));
        QCOMPARE(byType[0].key, QStringLiteral("forest"));
        QCOMPARE(byType[0].parcels, std::size_t(2));
        QCOMPARE(byType[0].stocks[0].totalT, 50.0);
        const auto byGroup = totalsBy(rs, TotalsKey::Group);
        QCOMPARE(byGroup.size(), std::size_t(2));
        double sum2015 = 0;
        for (const auto& g : byGroup)
            for (const auto& s : g.stocks)
                if (s.year == 2015)
                    sum2015 += s.totalT;
        QCOMPARE(sum2015, all.stocks[0].totalT);
        const auto byMethod = totalsBy(rs, TotalsKey::Method);
        QCOMPARE(byMethod[0].key, QStringLiteral("pools"));
        QCOMPARE(byMethod[1].key, QStringLiteral("volume"));

        // A second (non-primary) result of parcel 0 by another method: counted in its method's totals
        // and in totalOf(…, false), never in the totals by type, group or the grand total.
        auto more = rs;
        ParcelResult second = rs[0];
        second.method = QStringLiteral("gainloss");
        second.primary = false;
        second.stocks.clear();
        second.changes = { { 2015, 2024, 5.0, ChangeBasis::Flux, {} } };
        more.push_back(second);
        const ResultTotals primary = totalOf(more);
        QCOMPARE(primary.parcels, all.parcels);
        QCOMPARE(primary.changes[0].changeT, all.changes[0].changeT);
        QCOMPARE(totalOf(more, false).parcels, all.parcels + 1);
        QCOMPARE(totalOf(more, false).changes[0].changeT, all.changes[0].changeT + 5.0);
        const auto typeMore = totalsBy(more, TotalsKey::EcosystemType);
        QCOMPARE(typeMore[0].parcels, byType[0].parcels);
        QCOMPARE(typeMore[0].changes.size(), byType[0].changes.size());
        const auto groupMore = totalsBy(more, TotalsKey::Group);
        QCOMPARE(groupMore.size(), byGroup.size());
        for (std::size_t g = 0; g < groupMore.size(); ++g)
            QCOMPARE(groupMore[g].parcels, byGroup[g].parcels);
        const auto methodMore = totalsBy(more, TotalsKey::Method);
        QCOMPARE(methodMore.size(), std::size_t(3));
        QCOMPARE(methodMore[0].key, QStringLiteral("gainloss"));
        QCOMPARE(methodMore[0].parcels, std::size_t(1));
        QCOMPARE(methodMore[0].changes[0].changeT, 5.0);
    }

    /// Ground with land-cover data at one date only (cloud, nodata) adds its stock without a change: the
    /// totals carry it as the coverage change, so that stock(2024) − stock(2015) = change + coverage and
    /// the ledger passes; a parcel whose stock area is the same at both dates gets none, so a change that
    /// does not match its stocks still fails the check.
    void coverageChange() {
        auto parcel =
          [](qint64 fid, double s1, double a1, double s2, double a2, std::optional<double> change) {
              ParcelResult r;
              r.layer = QStringLiteral("wet");
              r.fid = fid;
              r.id = QString::number(fid);
              r.ecosystemType = QStringLiteral("tidal_flat");
              r.method = QStringLiteral("pools");
              r.group = QStringLiteral("Nansha");
              r.areaHa = 20;
              if (a1 > 0)
                  r.stocks.push_back({ 2015, { { QStringLiteral("c_soil"), s1 } }, s1, a1, {} });
              if (a2 > 0)
                  r.stocks.push_back({ 2024, { { QStringLiteral("c_soil"), s2 } }, s2, a2, {} });
              if (change)
                  r.changes = { { 2015, 2024, *change, ChangeBasis::StockDifference, {} } };
              return r;
          };
        std::vector<ParcelResult> rs = {
            parcel(1, 100, 10, 130, 12, 10.0), // 2 ha more with data in 2024: coverage 130 − 100 − 10 = 20
            parcel(2, 0, 0, 40, 8, std::nullopt), // nodata everywhere in 2015: coverage 40
            parcel(3, 50, 5, 55, 5, 5.0),         // the same ground: no coverage
        };
        const ResultTotals all = totalOf(rs);
        QCOMPARE(all.changes.size(), std::size_t(1));
        QCOMPARE(all.changes[0].changeT, 15.0);
        QCOMPARE(all.changes[0].coverageT, 60.0);
        QCOMPARE(all.stocks[1].totalT - all.stocks[0].totalT, 75.0);
        const std::vector<ResultTotals> byType = totalsBy(rs, TotalsKey::EcosystemType);
        QCOMPARE(byType.size(), std::size_t(1));
        QCOMPARE(byType[0].changes[0].coverageT, 60.0);
        LedgerCheck check;
        checkStockChange(check, QStringLiteral("totals_by_ecosystem_type"), byType, all);
        QCOMPARE(check.rows.size(), std::size_t(2));
        QVERIFY(check.passed());
        QVERIFY(check.rows.back().quantity.contains(QStringLiteral("coverage_change_t")));
        // The totals table has the column, with the value.
        const models::analysis::Table t = totalsTable(
          QStringLiteral("totals_by_ecosystem_type"), QStringLiteral("ecosystem_type"), byType, all);
        QVERIFY(t.column(QStringLiteral("coverage_change_t_2015_2024")));
        QCOMPARE(t.number(1, QStringLiteral("coverage_change_t_2015_2024")), 60.0);
        // A method with stocks alone (volume at its inventory year) has no change to complete: by method,
        // `all` (every result) is the sum of the rows.
        std::vector<ParcelResult> withVolume = rs;
        ParcelResult volume = parcel(1, 70, 10, 0, 0, std::nullopt);
        volume.method = QStringLiteral("volume");
        volume.primary = false;
        withVolume.push_back(volume);
        const std::vector<ResultTotals> byMethod = totalsBy(withVolume, TotalsKey::Method);
        QCOMPARE(byMethod.size(), std::size_t(2));
        QVERIFY(byMethod[1].changes.empty()); // volume
        QCOMPARE(totalOf(withVolume, false).changes[0].coverageT, byMethod[0].changes[0].coverageT);
        // A row none of whose parcels has a change for the pair (parcel 2 alone in its district: no data
        // in 2015) gets the pair with its coverage alone, so that its stock difference is accounted for.
        std::vector<ParcelResult> districts = rs;
        districts[1].group = QStringLiteral("Panyu");
        const std::vector<ResultTotals> byGroup = totalsBy(districts, TotalsKey::Group);
        QCOMPARE(byGroup.size(), std::size_t(2));
        QCOMPARE(byGroup[1].key, QStringLiteral("Panyu"));
        QCOMPARE(byGroup[1].changes.size(), std::size_t(1));
        QCOMPARE(byGroup[1].changes[0].changeT, 0.0);
        QCOMPARE(byGroup[1].changes[0].coverageT, 40.0);
        QCOMPARE(byGroup[0].changes[0].coverageT, 20.0);
        LedgerCheck groups;
        checkStockChange(groups, QStringLiteral("totals_by_district"), byGroup, totalOf(districts));
        QVERIFY(groups.passed());
        // A change that does not match the stocks of the same ground is not absorbed.
        rs[2].changes[0].changeT = 3.0;
        LedgerCheck wrong;
        checkStockChange(wrong,
                         QStringLiteral("totals_by_ecosystem_type"),
                         totalsBy(rs, TotalsKey::EcosystemType),
                         totalOf(rs));
        QVERIFY(!wrong.passed());
        // Without data gaps there is no column.
        const std::vector<ParcelResult> same = { parcel(3, 50, 5, 55, 5, 5.0) };
        QVERIFY(!totalsTable(QStringLiteral("t"),
                             QStringLiteral("ecosystem_type"),
                             totalsBy(same, TotalsKey::EcosystemType),
                             totalOf(same))
                   .column(QStringLiteral("coverage_change_t_2015_2024")));
    }

    // Like-for-like stocks: only primary, computed parcels with a stock at every date count.
    void commonStocks() {
        auto rs = sampleResults(); // rs[0]: 2015 and 2024; rs[1]: 2015 only; rs[2]: not computed
        ParcelResult other = rs[1];
        other.primary = false; // a second method's result with both dates does not count
        other.stocks = rs[0].stocks;
        rs.push_back(other);
        CommonStockTotals c = commonStockTotals(rs);
        QCOMPARE(c.years, (std::vector<int>{ 2015, 2024 }));
        QCOMPARE(c.parcels, std::size_t(1));
        QCOMPARE(c.areaHa, 4.0);
        QCOMPARE(c.totalT, (std::vector<double>{ 100.0, 118.0 }));
        QCOMPARE(c.parcelsPerDate, (std::vector<std::size_t>{ 2, 1 }));
        QVERIFY(c.perDateTotalsDiffer());
        // The per-date totals differ (150 t C in 2 parcels, then 118 t C in 1); like for like, the
        // difference of the series is the change of the parcels in it.
        QCOMPARE(totalOf(rs).stocks[0].totalT, 150.0);
        QCOMPARE(c.totalT[1] - c.totalT[0], totalOf(rs).changes[0].changeT);
        rs[1].stocks.push_back({ 2024, { { QStringLiteral("c_biomass"), 61 } }, 61, 2, {} });
        c = commonStockTotals(rs);
        QCOMPARE(c.parcels, std::size_t(2));
        QCOMPARE(c.areaHa, 6.0);
        QCOMPARE(c.totalT, (std::vector<double>{ 150.0, 179.0 }));
        QVERIFY(!c.perDateTotalsDiffer());
        // Equal counts per date can still be different parcels: one with 2015 only, one with 2024 only.
        auto swapped = sampleResults();
        swapped[0].stocks.erase(swapped[0].stocks.begin()); // 2024 only; rs[1] has 2015 only
        const CommonStockTotals d = commonStockTotals(swapped);
        QCOMPARE(d.parcelsPerDate, (std::vector<std::size_t>{ 1, 1 }));
        QCOMPARE(d.parcels, std::size_t(0));
        QVERIFY(d.perDateTotalsDiffer());
        QCOMPARE(commonStockTotals({}).parcels, std::size_t(0));
    }

    void layout() {
        const ResultLayout l = layoutOf(sampleResults());
        QCOMPARE(l.years, (std::vector<int>{ 2015, 2024 }));
        QCOMPARE(
          l.pools,
          (QStringList{ QStringLiteral("c_above"), QStringLiteral("c_soil"), QStringLiteral("c_biomass") }));
        QCOMPARE(l.pairs.size(), std::size_t(1));
        QVERIFY(!l.stockBounds);
        QVERIFY(l.changeBounds);
    }

    void writersCsvAndGpkg() {
        QTemporaryDir dir;
        const auto rs = sampleResults();
        writeParcelResults(
          dir.filePath(QStringLiteral("parcels.csv")).toStdString(), rs, QStringLiteral("district"));
        const auto rows = readCsv(dir.filePath(QStringLiteral("parcels.csv")));
        QCOMPARE(rows.size(), std::size_t(4));
        const QStringList expectStart = { QStringLiteral("layer"),
                                          QStringLiteral("source_fid"),
                                          QStringLiteral("id"),
                                          QStringLiteral("ecosystem_type"),
                                          QStringLiteral("method"),
                                          QStringLiteral("primary"),
                                          QStringLiteral("method_detail"),
                                          QStringLiteral("district"),
                                          QStringLiteral("area_ha"),
                                          QStringLiteral("accounted_area_ha"),
                                          QStringLiteral("accounted_share"),
                                          QStringLiteral("c_above_t_2015") };
        QCOMPARE(rows[0].mid(0, expectStart.size()), expectStart);
        QCOMPARE(cell(rows, 1, QStringLiteral("primary")), QStringLiteral("1"));
        QCOMPARE(cell(rows, 1, QStringLiteral("c_total_t_2015")), QStringLiteral("100"));
        QCOMPARE(cell(rows, 1, QStringLiteral("c_total_t_per_ha_2015")), QStringLiteral("25"));
        QCOMPARE(cell(rows, 1, QStringLiteral("c_total_t_per_ha_2024")),
                 QString::number(118.0 / 3.5, 'g', 17));
        QCOMPARE(cell(rows, 1, QStringLiteral("c_biomass_t_2015")), QString()); // pools has no c_biomass
        QCOMPARE(cell(rows, 2, QStringLiteral("c_biomass_t_2015")), QStringLiteral("50"));
        QCOMPARE(cell(rows, 2, QStringLiteral("c_total_t_2024")), QString()); // no stock: empty, not 0
        QCOMPARE(cell(rows, 1, QStringLiteral("change_t_2015_2024")), QStringLiteral("18"));
        QCOMPARE(cell(rows, 1, QStringLiteral("change_tco2e_2015_2024")), QStringLiteral("66"));
        QCOMPARE(cell(rows, 1, QStringLiteral("change_t_per_yr_2015_2024")), QStringLiteral("2"));
        QCOMPARE(cell(rows, 1, QStringLiteral("change_basis_2015_2024")), QStringLiteral("stock_difference"));
        QCOMPARE(cell(rows, 1, QStringLiteral("change_t_2015_2024_p2_5")), QStringLiteral("10"));
        QCOMPARE(cell(rows, 1, QStringLiteral("change_t_2015_2024_p97_5")), QStringLiteral("25"));
        QCOMPARE(cell(rows, 1, QStringLiteral("flagged_parameters")),
                 QStringLiteral("pools.csv:3 lucode 21 (unconfirmed)"));
        QCOMPARE(cell(rows, 1, QStringLiteral("parameters_used")),
                 QStringLiteral("pools.csv:3 lucode 21 (unconfirmed); pools.csv:5 lucode 41 (verified)"));
        QCOMPARE(cell(rows, 1, QStringLiteral("nodata_share")), QStringLiteral("0.125"));
        QCOMPARE(cell(rows, 2, QStringLiteral("geometry_repaired")), QStringLiteral("1"));
        QCOMPARE(cell(rows, 3, QStringLiteral("not_computed")),
                 QStringLiteral("unknown species '经济林', see row 3"));
        QCOMPARE(cell(rows, 3, QStringLiteral("c_total_t_2015")), QString());
        QVERIFY(!rows[0].contains(QStringLiteral("c_total_t_2015_p50"))); // no stock bounds anywhere

        const QString gpkg = dir.filePath(QStringLiteral("parcels.gpkg"));
        auto twoLayers = rs;
        twoLayers[2].layer = QStringLiteral("farmland_plots");
        twoLayers[2].fid = 0; // the same feature id in another layer
        writeParcelResults(
          gpkg.toStdString(), twoLayers, QStringLiteral("district"), gis::Crs::fromEpsg(4547));
        gis::VectorLayer layer(gpkg.toStdString());
        QCOMPARE(layer.info().featureCount, std::int64_t(3));
        QVERIFY(layer.info().crs.isSame(gis::Crs::fromEpsg(4547)));
        QVERIFY(layer.fieldIndex(QStringLiteral("c_total_t_per_ha_2024")) >= 0);
        gis::Feature f;
        layer.resetReading();
        QVERIFY(layer.next(f));
        QVERIFY(!f.wkb.empty());
        QCOMPARE(f.attributes[std::size_t(layer.fieldIndex(QStringLiteral("id")))].toString(),
                 QStringLiteral("0001-01"));

        const auto rsAll = totalOf(rs);
        writeTotals(dir.filePath(QStringLiteral("t.csv")).toStdString(),
                    QStringLiteral("district"),
                    totalsBy(rs, TotalsKey::Group),
                    rsAll);
        const auto t = readCsv(dir.filePath(QStringLiteral("t.csv")));
        QCOMPARE(t.size(), std::size_t(4));
        QCOMPARE(t[0][0], QStringLiteral("district"));
        QCOMPARE(cell(t, 3, QStringLiteral("district")), QStringLiteral("all"));
        QCOMPARE(cell(t, 3, QStringLiteral("c_total_t_2015")), QStringLiteral("150"));
        QCOMPARE(cell(t, 3, QStringLiteral("not_computed")), QStringLiteral("1"));
        QCOMPARE(cell(t, 2, QStringLiteral("c_total_t_2015")), QStringLiteral("50"));
        QCOMPARE(cell(t, 2, QStringLiteral("parcels")), QStringLiteral("2"));
        QCOMPARE(cell(t, 1, QStringLiteral("change_tco2e_2015_2024")), QStringLiteral("66"));
    }

    void largestOverlap() {
        // Zones: A = [0,10]×[0,10], B = [10,20]×[0,10], C far away.
        const std::vector<gis::MultiPolygon> zones = { rect(0, 0, 10, 10),
                                                       rect(10, 0, 20, 10),
                                                       rect(100, 100, 110, 110) };
        std::vector<gis::MultiPolygon> parcels = {
            rect(8, 2, 18, 4),    // 2 in A, 8 in B → B
            rect(1, 1, 3, 3),     // inside A
            rect(5, 0, 15, 10),   // 50 / 50 → the lower index, A
            rect(50, 50, 60, 60), // no zone
            rect(9, 9, 11, 12),   // 1 in A, 1 in B, 4 outside: tie → A, share 1/6
        };
        // A parcel with a hole: [0,20]×[0,10] minus [1,9]×[1,9] lies mostly in B (100 vs 36).
        gis::MultiPolygon holed = rect(0, 0, 20, 10);
        gis::Ring hole;
        hole.xy = { 1, 1, 9, 1, 9, 9, 1, 9 };
        holed.parts[0].rings.push_back(hole);
        parcels.push_back(holed);
        const auto out = gis::assignLargestOverlap(parcels, zones);
        QCOMPARE(out.size(), parcels.size());
        QCOMPARE(out[0].zone, 1);
        QCOMPARE(out[0].overlapArea, 16.0);
        QCOMPARE(out[0].share, 0.8);
        QCOMPARE(out[1].zone, 0);
        QCOMPARE(out[1].share, 1.0);
        QCOMPARE(out[2].zone, 0);
        QCOMPARE(out[2].overlapArea, 50.0);
        QCOMPARE(out[3].zone, -1);
        QCOMPARE(out[3].share, 0.0);
        QCOMPARE(out[4].zone, 0);
        QVERIFY(std::abs(out[4].share - 1.0 / 6.0) < 1e-12);
        QCOMPARE(out[5].zone, 1);
        QCOMPARE(out[5].overlapArea, 100.0);
        QCOMPARE(out[5].share, 100.0 / 136.0);
    }

    void parseRoundTripAndOldFiles() {
        QTemporaryDir dir;
        const QString path = writeJson(dir, R"({
            "years": [2015, 2024],
            "layers": [{"layer": "xb", "ecosystem_type_field": "ecosystem_type", "method_field": "FF"},
                       {"layer": "farm", "ecosystem_type": "cropland"}],
            "methods": {"forest": {"method": "volume", "bef_form": "continuous"}, "*": "pools"},
            "grouping": {"name": "district", "layer": "dist", "field": "name"},
            "valuation": {"price": 220, "discount": 8, "price_change": 0},
            "parameters": {"pools": "carbon/carbon_pools"}})");
        const models::Project p = models::Project::load(path);
        QVERIFY(p.carbon.present);
        QCOMPARE(p.carbon.years, (std::vector<int>{ 2015, 2024 }));
        QCOMPARE(p.carbon.layers.size(), std::size_t(2));
        QCOMPARE(p.carbon.layers[0].methodField, QStringLiteral("FF"));
        QCOMPARE(p.carbon.layers[1].ecosystemType, QStringLiteral("cropland"));
        QCOMPARE(p.carbon.methods.value(QStringLiteral("forest")).size(), std::size_t(1));
        QCOMPARE(p.carbon.methods.value(QStringLiteral("forest")).front().method, QStringLiteral("volume"));
        QCOMPARE(
          p.carbon.methods.value(QStringLiteral("forest")).front().options.value(QStringLiteral("bef_form")),
          QStringLiteral("continuous"));
        QCOMPARE(p.carbon.methods.value(QStringLiteral("*")).front().method, QStringLiteral("pools"));
        QCOMPARE(p.carbon.groupLayer, QStringLiteral("dist"));
        QCOMPARE(*p.carbon.price, 220.0);
        QCOMPARE(*p.carbon.priceChangePct, 0.0);
        QCOMPARE(p.fileName(), path);
        QVERIFY2(validateCarbonProject(p).empty(), qPrintable(problems(path).join(QLatin1Char('\n'))));

        const QString copy = dir.filePath(QStringLiteral("copy.json"));
        p.save(copy);
        const models::Project q = models::Project::load(copy);
        QCOMPARE(q.carbon.years, p.carbon.years);
        QCOMPARE(q.carbon.methods.value(QStringLiteral("forest")).front().options,
                 p.carbon.methods.value(QStringLiteral("forest")).front().options);

        // Several methods per type: a list, the first primary; saved as a list, single ones as objects.
        const QString multi = writeJson(dir,
                                        R"({
            "methods": {"forest": ["volume", {"method": "pools"}, {"method": "gainloss", "fd": 0.5}],
                        "*": "pools"}})",
                                        QStringLiteral("multi.json"));
        const models::Project m = models::Project::load(multi);
        const auto& forest = m.carbon.methods.value(QStringLiteral("forest"));
        QCOMPARE(forest.size(), std::size_t(3));
        QCOMPARE(forest[0].method, QStringLiteral("volume"));
        QCOMPARE(forest[1].method, QStringLiteral("pools"));
        QCOMPARE(forest[2].options.value(QStringLiteral("fd")), QStringLiteral("0.5"));
        m.save(copy);
        QFile saved(copy);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QJsonObject savedMethods = QJsonDocument::fromJson(saved.readAll())
                                           .object()
                                           .value(QStringLiteral("carbon"))
                                           .toObject()
                                           .value(QStringLiteral("methods"))
                                           .toObject();
        QVERIFY(savedMethods.value(QStringLiteral("forest")).isArray());
        QVERIFY(savedMethods.value(QStringLiteral("*")).isObject());
        const models::Project m2 = models::Project::load(copy);
        QCOMPARE(m2.carbon.methods.value(QStringLiteral("forest")).size(), std::size_t(3));
        QCOMPARE(m2.carbon.methods.value(QStringLiteral("forest"))[2].method, QStringLiteral("gainloss"));
        QCOMPARE(q.carbon.layers[0].ecosystemTypeField, QStringLiteral("ecosystem_type"));
        QCOMPARE(q.carbon.groupField, QStringLiteral("name"));
        QCOMPARE(*q.carbon.discountPct, 8.0);
        QCOMPARE(q.carbon.parameters, p.carbon.parameters);

        // An older project file without a carbon section still loads; validation asks for the section.
        const QString old = writeJson(dir, QByteArray(), QStringLiteral("old.json"));
        const models::Project o = models::Project::load(old);
        QVERIFY(!o.carbon.present);
        QVERIFY(
          anyContains(problems(old), QStringLiteral("carbon: "), QStringLiteral("no \"carbon\" section")));
        // Saving it again writes no carbon section.
        o.save(copy);
        QFile f(copy);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("\"carbon\""));
    }

    void defaultsFromRoles() {
        QTemporaryDir dir;
        const models::Project p = models::Project::load(writeJson(dir, R"({"methods": {"*": "pools"}})"));
        const auto layers = carbonLayers(p);
        QCOMPARE(layers.size(), std::size_t(2)); // xb and farm; districts are not parcels
        QCOMPARE(layers[0].ecosystemTypeField, QStringLiteral("ecosystem_type"));
        QCOMPARE(layers[1].ecosystemType, QStringLiteral("cropland"));
        QCOMPARE(carbonYears(p), (std::vector<int>{ 2015, 2024 }));
        models::ProjectLayer wet;
        wet.id = QStringLiteral("w");
        wet.role = QStringLiteral("wetland_units");
        QCOMPARE(defaultCarbonLayer(wet)->ecosystemTypeField, QStringLiteral("ecosystem_type"));
        wet.role = QStringLiteral("restoration_plots");
        QCOMPARE(defaultCarbonLayer(wet)->ecosystemType, QStringLiteral("mangrove"));
        wet.role = QStringLiteral("forest_subcompartments");
        QCOMPARE(defaultCarbonLayer(wet)->ecosystemType, QStringLiteral("forest")); // no type field mapped
        wet.role = QStringLiteral("dem");
        QVERIFY(!defaultCarbonLayer(wet));
        QVERIFY(findCarbonMethod(QStringLiteral("pools")));
        QVERIFY(findCarbonMethod(QStringLiteral("volume")));
        QVERIFY(!findCarbonMethod(QStringLiteral("bluecarbon_typo")));
    }

    void badInputs() {
        QTemporaryDir dir;
        auto check = [&](const QByteArray& carbon, const QString& key, const QString& words) {
            const QStringList ps = problems(writeJson(dir, carbon));
            QVERIFY2(anyContains(ps, key + QStringLiteral(": "), words),
                     qPrintable(QStringLiteral("expected '%1' ... '%2' in:\n%3")
                                  .arg(key, words, ps.join(QLatin1Char('\n')))));
        };
        check(
          R"({"methods": {"forest": "invest"}, "layers": [{"layer": "farm", "ecosystem_type": "forest"}]})",
          QStringLiteral("carbon.methods.forest"),
          QStringLiteral(
            "unknown method 'invest'; known methods: pools, volume, volume_gainloss, soil, gainloss, "
            "bluecarbon, "
            "regression"));
        // Several methods: each entry is named by its index; a method listed twice; options per entry.
        check(R"({"methods": {"forest": ["volume", "invest"], "*": "pools"}})",
              QStringLiteral("carbon.methods.forest[1]"),
              QStringLiteral("unknown method 'invest'"));
        check(R"({"methods": {"forest": ["pools", {"method": "pools"}]}})",
              QStringLiteral("carbon.methods.forest[1]"),
              QStringLiteral("method pools is listed twice for forest"));
        check(R"({"methods": {"forest": ["volume", {"method": "gainloss", "fd": 2}]}})",
              QStringLiteral("carbon.methods.forest[1].fd"),
              QStringLiteral("fd must be a number from 0 to 1"));
        check(R"({"methods": {"forest": ["volume", {"method": "gainloss", "forest_classes": "11:x"}]}})",
              QStringLiteral("carbon.methods.forest[1].forest_classes"),
              QStringLiteral("CODE=TYPE"));
        check(R"({"methods": {"mangrove": {"method": "bluecarbon", "route": "tier2"}}})",
              QStringLiteral("carbon.methods.mangrove.route"),
              QStringLiteral("auto, cbc or tier1"));
        check(R"({"methods": {"mangrove": {"method": "bluecarbon", "climate": "boreal"}}})",
              QStringLiteral("carbon.methods.mangrove.climate"),
              QStringLiteral("trop_wet, trop_dry or subtrop"));
        check(R"({"methods": {"cropland": {"method": "soil", "before": "forest"}}})",
              QStringLiteral("carbon.methods.cropland.before"),
              QStringLiteral("low, medium or native"));
        check(R"({"methods": {"forest": {"method": "regression", "r_hysteresis": "-1"}}})",
              QStringLiteral("carbon.methods.forest.r_hysteresis"),
              QStringLiteral("from 0 to 100"));
        // A table the method has no default for is named with the project, before any method runs
        // (MethodInfo::requiredTable), once however many types use the method.
        check(R"({"methods": {"forest": ["pools", "regression"], "grassland": "regression"}})",
              QStringLiteral("carbon.parameters.regression"),
              QStringLiteral("no default coefficients"));
        {
            const QStringList ps = problems(writeJson(
              dir, R"({"methods": {"forest": ["pools", "regression"], "grassland": "regression"}})"));
            QCOMPARE(ps.filter(QStringLiteral("carbon.parameters.regression: ")).size(), 1);
        }
        check(R"({"methods": {"*": "pools"}, "parameters": {"regresion": "x"}})",
              QStringLiteral("carbon.parameters.regresion"),
              QStringLiteral("known: pools, species, soc_ref"));
        check(
          R"({"methods": {"forest": {"bef_form": "constant"}}, "layers": [{"layer": "farm", "ecosystem_type": "forest"}]})",
          QStringLiteral("carbon.methods.forest"),
          QStringLiteral("no \"method\" given"));
        check(R"({"methods": {"forest": {"method": "volume", "bef": "constant"}}})",
              QStringLiteral("carbon.methods.forest.bef"),
              QStringLiteral("its options: bef_form"));
        check(R"({"methods": {"forest": {"method": "volume", "bef_form": "linear"}}})",
              QStringLiteral("carbon.methods.forest.bef_form"),
              QStringLiteral("not 'linear'"));
        check(R"({"methods": {"*": {"method": "pools", "bef_form": "constant"}}})",
              QStringLiteral("carbon.methods.*.bef_form"),
              QStringLiteral("takes no options"));
        check(R"({"years": [2024, 2015], "methods": {"*": "pools"}})",
              QStringLiteral("carbon.years"),
              QStringLiteral("strictly increasing: 2015 comes after 2024"));
        check(R"({"years": [2015, 2020], "methods": {"*": "pools"}})",
              QStringLiteral("carbon.years"),
              QStringLiteral("no land-cover layer (role \"landcover\") for 2020"));
        check(R"({"methods": {"*": "pools"}, "layers": [{"layer": "nope", "ecosystem_type": "x"}]})",
              QStringLiteral("carbon.layers.nope"),
              QStringLiteral("nope is not a vector layer"));
        check(R"({"methods": {"*": "pools"}, "layers": [{"layer": "lc2015", "ecosystem_type": "x"}]})",
              QStringLiteral("carbon.layers.lc2015"),
              QStringLiteral("not a vector layer"));
        check(
          R"({"methods": {"*": "pools"}, "layers": [{"layer": "xb", "ecosystem_type": "forest", "ecosystem_type_field": "DL"}]})",
          QStringLiteral("carbon.layers.xb"),
          QStringLiteral("not both or neither"));
        check(R"({"methods": {"*": "pools"}, "layers": [{"layer": "xb"}]})",
              QStringLiteral("carbon.layers.xb"),
              QStringLiteral("not both or neither"));
        check(
          R"({"methods": {"forest": "volume"}, "layers": [{"layer": "farm", "ecosystem_type": "cropland"}]})",
          QStringLiteral("carbon.methods"),
          QStringLiteral("ecosystem type cropland (layer farm) has no method"));
        check(R"({"methods": {"*": "pools"}, "grouping": {"layer": "dist"}})",
              QStringLiteral("carbon.grouping.name"),
              QStringLiteral("needs a \"name\""));
        check(R"({"methods": {"*": "pools"}, "grouping": {"name": "district", "layer": "districts"}})",
              QStringLiteral("carbon.grouping.layer"),
              QStringLiteral("districts is not a vector layer"));
        check(R"({"methods": {"*": "pools"}, "parameters": {"pool": "carbon/carbon_pools"}})",
              QStringLiteral("carbon.parameters.pool"),
              QStringLiteral("unknown parameter role 'pool'"));
        check(R"({"methods": {"*": "pools"}, "parameters": {"species": "carbon/species"}})",
              QStringLiteral("carbon.parameters.species"),
              QStringLiteral("no parameter table named 'carbon/species'"));
        check(R"({"methods": {"*": "pools"}, "valuation": {"price": -1}})",
              QStringLiteral("carbon.valuation.price"),
              QStringLiteral("carbon price is -1 currency/t C; it must be at least 0"));
        // The same declarations as the CLI: a negative discount rate is allowed but warned.
        check(R"({"methods": {"*": "pools"}, "valuation": {"price": 220, "discount": -5}})",
              QStringLiteral("carbon.valuation.discount"),
              QStringLiteral("discount rate is -5 %, outside the usual range 0 to 30 %"));
        check(R"({"methods": {"*": "pools"}, "valuation": {"price": 220, "price_change": 5000}})",
              QStringLiteral("carbon.valuation.price_change"),
              QStringLiteral("outside the valid range"));
        check(R"({"methods": {"*": "pools"}, "valuation": {"discount": 8}})",
              QStringLiteral("carbon.valuation"),
              QStringLiteral("need a price"));

        // Structure errors stop loading, naming the file and the key.
        auto loadError = [&](const QByteArray& carbon) -> QString {
            const QString path = writeJson(dir, carbon);
            const gis::GisError e = test::expectError([&] { models::Project::load(path); });
            const QString what = QString::fromStdString(e.what());
            if (e.kind() != gis::GisError::Kind::InvalidArgument || !what.contains(path))
                return QStringLiteral("WRONG ERROR: ") + what;
            return what;
        };
        QVERIFY(loadError(R"({"years": "2015"})").contains(QStringLiteral("carbon.years must be an array")));
        QVERIFY(loadError(R"({"years": [2015.5]})").contains(QStringLiteral("whole numbers")));
        QVERIFY(loadError(R"({"method": {}})").contains(QStringLiteral("carbon.method is not a known key")));
        QVERIFY(loadError(R"({"methods": {"forest": 3}})").contains(QStringLiteral("carbon.methods.forest")));
        QVERIFY(loadError(R"({"methods": {"forest": []}})").contains(QStringLiteral("empty list")));
        QVERIFY(loadError(R"({"methods": {"forest": ["volume", 3]}})")
                  .contains(QStringLiteral("carbon.methods.forest[1]")));
        QVERIFY(loadError(R"({"methods": {"forest": {"method": "volume", "bef_form": ["a"]}}})")
                  .contains(QStringLiteral("carbon.methods.forest.bef_form")));
        QVERIFY(
          loadError(R"({"layers": [{"ecosystem_type": "x"}]})").contains(QStringLiteral("carbon.layers[0]")));
        QVERIFY(
          loadError(R"({"valuation": {"price": "220"}})").contains(QStringLiteral("carbon.valuation.price")));
        QVERIFY(loadError(R"([1])").contains(QStringLiteral("\"carbon\" must be a JSON object")));
    }

    void uncertaintySettings() {
        QTemporaryDir dir;
        // Parsed and written back.
        models::Project p = models::Project::load(
          writeJson(dir, R"({"uncertainty": {"iterations": 500, "seed": 42, "default_u_pct": 90}})"));
        QVERIFY(p.carbon.uncertainty.present);
        QCOMPARE(*p.carbon.uncertainty.iterations, 500.0);
        const auto s = models::carbon::uncertaintySettings(p);
        QVERIFY(s);
        QCOMPARE(s->iterations, 500);
        QCOMPARE(s->seed, std::uint64_t(42));
        QCOMPARE(*s->defaultUPct, 90.0);
        p.save(dir.filePath(QStringLiteral("again.json")));
        const models::Project again = models::Project::load(dir.filePath(QStringLiteral("again.json")));
        QCOMPARE(*again.carbon.uncertainty.seed, 42.0);
        QCOMPARE(*again.carbon.uncertainty.defaultUPct, 90.0);
        // Absent: off; empty object: on with the defaults.
        QVERIFY(!models::carbon::uncertaintySettings(models::Project::load(writeJson(dir, "{}"))));
        const auto d = models::carbon::uncertaintySettings(
          models::Project::load(writeJson(dir, R"({"uncertainty": {}})")));
        QVERIFY(d);
        QCOMPARE(d->iterations, models::uncertainty::kDefaultIterations);
        QCOMPARE(d->seed, models::uncertainty::kDefaultSeed);
        // Bad values: issues naming the file and the key.
        auto check = [&](const QByteArray& u, const QString& key, const QString& words) {
            const QStringList ps = problems(writeJson(dir, R"({"uncertainty": )" + u + "}"));
            QVERIFY2(anyContains(ps, key + QStringLiteral(": "), words),
                     qPrintable(ps.join(QLatin1Char('\n'))));
        };
        check(
          R"({"iterations": 0})", QStringLiteral("carbon.uncertainty.iterations"), QStringLiteral("1 to"));
        check(R"({"iterations": 10.5})",
              QStringLiteral("carbon.uncertainty.iterations"),
              QStringLiteral("whole"));
        check(
          R"({"seed": -1})", QStringLiteral("carbon.uncertainty.seed"), QStringLiteral("9007199254740991"));
        check(R"({"default_u_pct": -5})",
              QStringLiteral("carbon.uncertainty.default_u_pct"),
              QStringLiteral("0 to 1000"));
        // Structure errors when loading, naming the file and the key.
        auto loadError = [&](const QByteArray& u) -> QString {
            const QString path = writeJson(dir, R"({"uncertainty": )" + u + "}");
            const QString what =
              QString::fromStdString(test::expectError([&] { models::Project::load(path); }).what());
            return what.contains(path) ? what : QStringLiteral("WRONG FILE ") + what;
        };
        QVERIFY(loadError(R"({"iteration": 5})")
                  .contains(QStringLiteral("carbon.uncertainty.iteration is not a known key")));
        QVERIFY(loadError(R"({"seed": "42"})")
                  .contains(QStringLiteral("carbon.uncertainty.seed must be a number")));
        QVERIFY(loadError(R"(true)").contains(QStringLiteral("carbon.uncertainty must be an object")));
    }

    void monteCarloBounds() {
        QTemporaryDir dir;
        const QString path = writeMcProject(dir, R"({"iterations": 300, "seed": 11, "default_u_pct": 40})");
        const models::Project project = models::Project::load(path);
        CarbonProjectOptions options;
        options.outDir = dir.filePath(QStringLiteral("out1")).toStdString();
        options.threads = 1;
        const CarbonProjectRun run = runCarbonProject(project, options);
        QVERIFY2(!run.stopped, qPrintable(run.issues.empty() ? QString() : run.issues.front().toString()));
        QVERIFY(run.uncertainty);
        QCOMPARE(run.uncertainty->settings.iterations, 300);
        QCOMPARE(run.uncertainty->methodsWithBounds,
                 QStringList({ QStringLiteral("pools"), QStringLiteral("volume") }));
        // Every stock and change of every parcel has bounds bracketing its central value.
        std::map<QString, const ParcelResult*> byId;
        for (const ParcelResult& r : run.results()) {
            byId[r.id] = &r;
            QVERIFY2(r.computed(), qPrintable(r.id + QStringLiteral(": ") + r.notComputed));
            for (const CarbonStock& s : r.stocks) {
                QVERIFY2(s.bounds, qPrintable(r.id));
                QVERIFY2(s.bounds->p2_5 < s.totalT && s.totalT < s.bounds->p97_5, qPrintable(r.id));
                QVERIFY(s.bounds->p2_5 < s.bounds->p50 && s.bounds->p50 < s.bounds->p97_5);
                QVERIFY(std::isfinite(s.bounds->u95Pct) && s.bounds->u95Pct > 0);
            }
            for (const CarbonChange& c : r.changes)
                QVERIFY2(c.bounds, qPrintable(r.id));
        }
        QCOMPARE(byId.size(), std::size_t(4));
        QCOMPARE(byId.at(QStringLiteral("V1"))->method, QStringLiteral("volume"));
        QCOMPARE(byId.at(QStringLiteral("V2"))->methodDetail, QStringLiteral("bef_form=continuous"));
        // P2 (class 2 → 1): a change whose bounds bracket it; P1 stays class 1: change 0 exactly, the
        // same density drawn for both dates gives a zero-width interval (correlated change, §6.2).
        const CarbonChange& c2 = byId.at(QStringLiteral("P2"))->changes.front();
        QVERIFY(c2.bounds->p2_5 < c2.changeT && c2.changeT < c2.bounds->p97_5);
        const CarbonChange& c1 = byId.at(QStringLiteral("P1"))->changes.front();
        QVERIFY(std::abs(c1.bounds->p2_5) < 1e-9 && std::abs(c1.bounds->p97_5) < 1e-9);
        QVERIFY(std::isnan(c1.bounds->u95Pct)); // Approach 1 undefined for a zero change

        // Totals: brute force = per-iteration Σ of each parcel's own samples (singleton groups), then
        // type-7 percentiles; equal to the bounds from the aggregated units. A parcel's own samples
        // give its bounds.
        const ProjectUncertaintyRun& u = *run.uncertainty;
        const std::size_t n = 300;
        auto parcelSamples = [&](std::size_t r, int year, std::optional<std::pair<int, int>> pair) {
            const SampledResult& s = u.sampling[r];
            const SampledTotals t = s.sampler->sum({ { s.ref } }).front();
            if (pair) {
                const auto it = t.changes.find(*pair);
                return it == t.changes.end() ? std::vector<double>(n, 0.0) : it->second.samples;
            }
            const auto it = t.stocks.find(year);
            return it == t.stocks.end() ? std::vector<double>(n, 0.0) : it->second.samples;
        };
        for (std::size_t r = 0; r < run.results().size(); ++r)
            for (const CarbonStock& s : run.results()[r].stocks) {
                const std::vector<double> v = parcelSamples(r, s.year, std::nullopt);
                QVERIFY(near(percentile7(v, 0.025), s.bounds->p2_5));
                QVERIFY(near(percentile7(v, 0.975), s.bounds->p97_5));
            }
        std::vector<std::pair<QString, const ResultTotals*>> groups = { { QString(), &u.total } };
        for (const ResultTotals& t : u.by.at(TotalsKey::Group))
            groups.emplace_back(t.key, &t);
        for (const ResultTotals& t : u.by.at(TotalsKey::EcosystemType))
            groups.emplace_back(QStringLiteral("type:") + t.key, &t);
        QCOMPARE(groups.size(), std::size_t(1 + 2 + 4));
        bool sawMixed = false;
        for (const auto& [key, t] : groups) {
            auto member = [&, &key = key](const ParcelResult& p) { // (clang 14: no binding capture)
                return key.isEmpty() || (key.startsWith(QLatin1String("type:"))
                                           ? QStringLiteral("type:") + p.ecosystemType == key
                                           : p.group == key);
            };
            for (const auto& s : t->stocks) {
                QVERIFY2(s.bounds, qPrintable(key));
                std::vector<double> sum(n, 0.0);
                std::set<QString> methods;
                for (std::size_t r = 0; r < run.results().size(); ++r)
                    if (member(run.results()[r]) && run.results()[r].stock(s.year)) {
                        methods.insert(run.results()[r].method);
                        const std::vector<double> v = parcelSamples(r, s.year, std::nullopt);
                        for (std::size_t i = 0; i < n; ++i)
                            sum[i] += v[i];
                    }
                sawMixed = sawMixed || methods.size() == 2;
                QVERIFY2(near(percentile7(sum, 0.025), s.bounds->p2_5), qPrintable(key));
                QVERIFY2(near(percentile7(sum, 0.5), s.bounds->p50), qPrintable(key));
                QVERIFY2(near(percentile7(sum, 0.975), s.bounds->p97_5), qPrintable(key));
                QVERIFY(s.bounds->p2_5 < s.totalT && s.totalT < s.bounds->p97_5);
            }
            for (const auto& c : t->changes) {
                QVERIFY2(c.bounds, qPrintable(key));
                std::vector<double> sum(n, 0.0);
                for (std::size_t r = 0; r < run.results().size(); ++r)
                    if (member(run.results()[r]) && run.results()[r].change(c.year1, c.year2)) {
                        const std::vector<double> v = parcelSamples(r, 0, std::pair{ c.year1, c.year2 });
                        for (std::size_t i = 0; i < n; ++i)
                            sum[i] += v[i];
                    }
                QVERIFY2(near(percentile7(sum, 0.025), c.bounds->p2_5), qPrintable(key));
                QVERIFY2(near(percentile7(sum, 0.975), c.bounds->p97_5), qPrintable(key));
            }
        }
        QVERIFY(sawMixed); // district B and the grand total mix pools and volume at 2015
        // Percentiles do not add: the total's 97.5th percentile is below the sum of the parcels'.
        double sumP97 = 0;
        for (const ParcelResult& r : run.results())
            if (r.stock(2015))
                sumP97 += r.stock(2015)->bounds->p97_5;
        QVERIFY(u.total.stocks.front().bounds->p97_5 < sumP97);

        // Files: the run metadata, the parameters, bound columns in the totals and the summary.
        const auto runRows = readCsv(dir.filePath(QStringLiteral("out1/uncertainty_run.csv")));
        QStringList runText;
        for (const QStringList& row : runRows)
            runText << row.join(QLatin1Char('='));
        QVERIFY2(runText.contains(QStringLiteral("seed=11")), qPrintable(runText.join(QLatin1Char('\n'))));
        QVERIFY(runText.contains(QStringLiteral("iterations=300")));
        QVERIFY(runText.contains(QStringLiteral("methods_with_bounds=pools, volume")));
        const auto params = readCsv(dir.filePath(QStringLiteral("out1/uncertainty_parameters.csv")));
        QStringList ids;
        for (std::size_t i = 1; i < params.size(); ++i)
            ids << params[i][0];
        QVERIFY(ids.contains(QStringLiteral("carbon_pools/2/c_soil")));
        QVERIFY(ids.contains(QStringLiteral("species_params_cn/chinese_fir/wd")));
        QVERIFY(ids.contains(QStringLiteral("species_params_cn/masson_pine/fang_a")));
        const auto district = readCsv(dir.filePath(QStringLiteral("out1/totals_by_district.csv")));
        QCOMPARE(cell(district, 3, QStringLiteral("district")), QStringLiteral("all"));
        QCOMPARE(cell(district, 3, QStringLiteral("c_total_t_2015_p97_5")).toDouble(),
                 u.total.stocks.front().bounds->p97_5);
        const auto parcels = readCsv(dir.filePath(QStringLiteral("out1/parcels.csv")));
        QVERIFY(!cell(parcels, 1, QStringLiteral("c_total_t_2015_u95_pct")).isEmpty());

        // Same seed: identical for 1 and 2 threads; another seed: different bounds.
        options.outDir = dir.filePath(QStringLiteral("out2")).toStdString();
        options.threads = 2;
        const CarbonProjectRun twoThreads = runCarbonProject(project, options);
        QVERIFY(allBounds(twoThreads) == allBounds(run));
        options.threads = 1;
        options.outDir = dir.filePath(QStringLiteral("out3")).toStdString();
        const CarbonProjectRun again = runCarbonProject(project, options);
        QVERIFY(allBounds(again) == allBounds(run));
        models::Project other = project;
        other.carbon.uncertainty.seed = 12.0;
        const CarbonProjectRun otherSeed = runCarbonProject(other, options);
        QCOMPARE(otherSeed.uncertainty->settings.seed, std::uint64_t(12));
        QVERIFY(allBounds(otherSeed) != allBounds(run));
        QCOMPARE(allBounds(otherSeed).size(), allBounds(run).size());

        // Without carbon.uncertainty: no bounds, no uncertainty files.
        models::Project off = project;
        off.carbon.uncertainty = {};
        options.outDir = dir.filePath(QStringLiteral("out4")).toStdString();
        const CarbonProjectRun plain = runCarbonProject(off, options);
        QVERIFY(!plain.uncertainty);
        QVERIFY(!plain.results().front().stocks.front().bounds);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out4/uncertainty_run.csv"))));
        QVERIFY(!readCsv(dir.filePath(QStringLiteral("out4/totals_by_district.csv")))
                   .front()
                   .contains(QStringLiteral("bounds_note")));
    }

    void monteCarloSoilAndGainLoss() {
        // The soil and gain-loss methods fill bounds of every stock and change (first → last included)
        // and leave samplers, so that every total, mixing them with pools, has bounds from per-iteration
        // sums (docs/uncertainty.md); the same seed gives the same numbers for 1 and 2 threads.
        QTemporaryDir dir;
        const QString path =
          writeSoilGainLossMcProject(dir, R"({"iterations": 400, "seed": 3, "default_u_pct": 40})");
        const models::Project project = models::Project::load(path);
        CarbonProjectOptions options;
        options.outDir = dir.filePath(QStringLiteral("out1")).toStdString();
        options.threads = 1;
        const CarbonProjectRun run = runCarbonProject(project, options);
        QVERIFY2(!run.stopped, qPrintable(run.issues.empty() ? QString() : run.issues.front().toString()));
        QVERIFY(run.uncertainty);
        QCOMPARE(
          run.uncertainty->methodsWithBounds,
          QStringList({ QStringLiteral("pools"), QStringLiteral("soil"), QStringLiteral("gainloss") }));
        std::map<QString, const ParcelResult*> byId;
        for (const ParcelResult& r : run.results()) {
            byId[r.id] = &r;
            QVERIFY2(r.computed(), qPrintable(r.id + QStringLiteral(": ") + r.notComputed));
            for (const CarbonStock& s : r.stocks) {
                QVERIFY2(s.bounds, qPrintable(r.id));
                QVERIFY2(s.bounds->p2_5 < s.totalT && s.totalT < s.bounds->p97_5, qPrintable(r.id));
            }
            for (const CarbonChange& c : r.changes)
                QVERIFY2(c.bounds,
                         qPrintable(QStringLiteral("%1 %2-%3").arg(r.id).arg(c.year1).arg(c.year2)));
        }
        QCOMPARE(byId.size(), std::size_t(4));
        const ParcelResult& s1 = *byId.at(QStringLiteral("S1"));
        const ParcelResult& s2 = *byId.at(QStringLiteral("S2"));
        const ParcelResult& g1 = *byId.at(QStringLiteral("G1"));
        QCOMPARE(s1.method, QStringLiteral("soil"));
        QCOMPARE(g1.method, QStringLiteral("gainloss"));
        // Consecutive intervals and first → last, the latter the sum of the former.
        QCOMPARE(s1.changes.size(), std::size_t(3));
        QCOMPARE(g1.changes.size(), std::size_t(3));
        for (const ParcelResult* r : { &s1, &g1 }) {
            const CarbonChange* span = r->change(2015, 2024);
            QVERIFY(span);
            QCOMPARE(span->changeT, r->change(2015, 2020)->changeT + r->change(2020, 2024)->changeT);
        }
        // S1 gains (straw return from 2018), its interval brackets the change; S2 does not change: the
        // same draws on both dates give exactly 0.
        const CarbonChange& gain = *s1.change(2015, 2024);
        QVERIFY(gain.changeT > 0);
        QVERIFY(gain.bounds->p2_5 < gain.changeT && gain.changeT < gain.bounds->p97_5);
        QCOMPARE(s2.change(2015, 2024)->bounds->p2_5, 0.0);
        QCOMPARE(s2.change(2015, 2024)->bounds->p97_5, 0.0);
        // G1: growth 2015 → 2020 (a sink), loss 2020 → 2024 (a source).
        QVERIFY(g1.change(2015, 2020)->changeT > 0 && g1.change(2020, 2024)->changeT < 0);
        for (const CarbonChange& c : g1.changes)
            QVERIFY(c.bounds->p2_5 < c.changeT && c.changeT < c.bounds->p97_5);

        // Totals: every group has bounds and no note; each equals the percentiles of the per-iteration
        // sum of its parcels' own samples (singleton groups of each sampler).
        const ProjectUncertaintyRun& u = *run.uncertainty;
        const std::size_t n = 400;
        auto samplesOf = [&](std::size_t r, int year, std::optional<std::pair<int, int>> pair) {
            const SampledResult& s = u.sampling[r];
            const SampledTotals t = s.sampler->sum({ { s.ref } }).front();
            if (pair) {
                const auto it = t.changes.find(*pair);
                return it == t.changes.end() ? std::vector<double>(n, 0.0) : it->second.samples;
            }
            const auto it = t.stocks.find(year);
            return it == t.stocks.end() ? std::vector<double>(n, 0.0) : it->second.samples;
        };
        std::vector<std::pair<QString, const ResultTotals*>> groups = { { QString(), &u.total } };
        for (const ResultTotals& t : u.by.at(TotalsKey::Group))
            groups.emplace_back(t.key, &t);
        QCOMPARE(groups.size(), std::size_t(3));
        for (const auto& [key, t] : groups) {
            QVERIFY2(t->boundsNote.isEmpty(), qPrintable(t->boundsNote));
            auto member = [&, &key = key](const ParcelResult& p) { return key.isEmpty() || p.group == key; };
            for (const auto& s : t->stocks) {
                QVERIFY2(s.bounds, qPrintable(key));
                std::vector<double> sum(n, 0.0);
                for (std::size_t r = 0; r < run.results().size(); ++r)
                    if (member(run.results()[r]) && run.results()[r].stock(s.year)) {
                        const std::vector<double> v = samplesOf(r, s.year, std::nullopt);
                        for (std::size_t i = 0; i < n; ++i)
                            sum[i] += v[i];
                    }
                QVERIFY2(near(percentile7(sum, 0.025), s.bounds->p2_5), qPrintable(key));
                QVERIFY2(near(percentile7(sum, 0.975), s.bounds->p97_5), qPrintable(key));
            }
            for (const auto& c : t->changes) {
                QVERIFY2(c.bounds, qPrintable(QStringLiteral("%1 %2-%3").arg(key).arg(c.year1).arg(c.year2)));
                std::vector<double> sum(n, 0.0);
                for (std::size_t r = 0; r < run.results().size(); ++r)
                    if (member(run.results()[r]) && run.results()[r].change(c.year1, c.year2)) {
                        const std::vector<double> v = samplesOf(r, 0, std::pair{ c.year1, c.year2 });
                        for (std::size_t i = 0; i < n; ++i)
                            sum[i] += v[i];
                    }
                QVERIFY2(near(percentile7(sum, 0.025), c.bounds->p2_5), qPrintable(key));
                QVERIFY2(near(percentile7(sum, 0.975), c.bounds->p97_5), qPrintable(key));
            }
        }
        // The pools table's c_above is drawn once for pools and gain-loss, and listed once.
        const auto params = readCsv(dir.filePath(QStringLiteral("out1/uncertainty_parameters.csv")));
        QStringList ids;
        for (std::size_t i = 1; i < params.size(); ++i)
            ids << params[i][0];
        QCOMPARE(ids.count(QStringLiteral("carbon_pools/1/c_above")), 1);
        QVERIFY(ids.contains(QStringLiteral("growth_rates/plantation/cf")));
        QVERIFY(ids.contains(QStringLiteral("soil_factors/tropical_moist|i|medium/value")));
        QVERIFY(ids.contains(QStringLiteral("soc_ref/tropical_moist|lac/soc_ref")));
        const auto runRows = readCsv(dir.filePath(QStringLiteral("out1/uncertainty_run.csv")));
        QStringList runText;
        for (const QStringList& row : runRows)
            runText << row.join(QLatin1Char('='));
        QVERIFY(runText.contains(QStringLiteral("methods_with_bounds=pools, soil, gainloss")));

        // 2 threads: identical; without uncertainty: the same central values and changes.
        options.outDir = dir.filePath(QStringLiteral("out2")).toStdString();
        options.threads = 2;
        QVERIFY(allBounds(runCarbonProject(project, options)) == allBounds(run));
        models::Project off = project;
        off.carbon.uncertainty = {};
        options.outDir = dir.filePath(QStringLiteral("out3")).toStdString();
        const CarbonProjectRun plain = runCarbonProject(off, options);
        QCOMPARE(plain.results().size(), run.results().size());
        for (std::size_t r = 0; r < run.results().size(); ++r) {
            QCOMPARE(plain.results()[r].changes.size(), run.results()[r].changes.size());
            for (std::size_t c = 0; c < run.results()[r].changes.size(); ++c)
                QCOMPARE(plain.results()[r].changes[c].changeT, run.results()[r].changes[c].changeT);
            for (std::size_t y = 0; y < run.results()[r].stocks.size(); ++y)
                QCOMPARE(plain.results()[r].stocks[y].totalT, run.results()[r].stocks[y].totalT);
        }
    }

    void landUseChangePerDate() {
        // Ecosystem per date (docs/carbon-project.md): a rule "mostly (≥ 60 %) class 2 → settlement" and a
        // pool table whose class 2 is built-up (all pools 0). S1 (soil method, dry land, straw return
        // since 2018) is class 1 in 2015 and 2020 and wholly class 2 in 2024; P1 (pools) is class 2 in
        // 2015 only; S2 and G1 never reach 60 %.
        QTemporaryDir dir;
        const QByteArray rule =
          R"("land_use_change": [{"type": "settlement", "classes": [2], "min_share": 0.6}])";
        auto run = [&](const QByteArray& extra, const QString& out) {
            const QString path = writeSoilGainLossMcProject(dir, {}, extra);
            QFile pools(dir.filePath(QStringLiteral("pools.csv")));
            pools.open(QIODevice::WriteOnly);
            pools.write("lucode,c_above,c_below,c_soil,c_dead\n1,100,20,50,1\n2,0,0,0,0\n");
            pools.close();
            const models::Project project = models::Project::load(path);
            CarbonProjectOptions options;
            options.outDir = dir.filePath(out).toStdString();
            return runCarbonProject(project, options);
        };
        const CarbonProjectRun plain = run({}, QStringLiteral("plain"));
        const CarbonProjectRun changed = run(rule, QStringLiteral("changed"));
        QVERIFY2(!changed.stopped,
                 qPrintable(changed.issues.empty() ? QString() : changed.issues.front().toString()));
        QVERIFY(!plain.stopped);
        auto find = [](const CarbonProjectRun& r, const char* id) -> const ParcelResult& {
            for (const ParcelResult& p : r.results())
                if (p.id == QLatin1String(id))
                    return p;
            return r.results().front();
        };
        const ParcelResult& s1 = find(changed, "S1");
        const ParcelResult& s1Plain = find(plain, "S1");
        QCOMPARE(s1.id, QStringLiteral("S1"));
        // Types per date.
        QCOMPARE(s1.typeAt(2015), QStringLiteral("crop"));
        QCOMPARE(s1.typeAt(2020), QStringLiteral("crop"));
        QCOMPARE(s1.typeAt(2024), QStringLiteral("settlement"));
        QCOMPARE(s1.landUseChange.size(), std::size_t(1));
        QVERIFY(std::fabs(s1.landUseChange.front().share - 1.0) < 1e-12);
        QCOMPARE(find(changed, "P1").typeAt(2015), QStringLiteral("settlement"));
        QCOMPARE(find(changed, "P1").typeAt(2020), QStringLiteral("grass"));
        QVERIFY(find(changed, "S2").landUseChange.empty());
        QVERIFY(find(changed, "G1").landUseChange.empty());
        // Hand computation (carbon-methods.md §3.7, §3.8): SOC_REF 47 × F_LU 0.48 × F_I low 0.92 =
        // 20.7552 t C/ha before 2018, moving to × F_I medium 1.00 = 22.56 over 20 years: 2020 = 20.7552 +
        // 1.8048 × 2/20 = 20.93568 t C/ha (the method without the rule).
        const double a = s1.areaHa;
        QVERIFY(std::fabs(s1Plain.stock(2015)->totalT / a - 20.7552) < 1e-9);
        QVERIFY(std::fabs(s1Plain.stock(2020)->totalT / a - 20.93568) < 1e-9);
        // With the rule: 2015 and 2020 unchanged; 2024 (share 1): soil from the 2020 stock towards the
        // built-up c_soil 0 over 20 years (§3.3): 20.93568 + (0 − 20.93568) × 4/20 = 16.748544 t C/ha.
        QCOMPARE(s1.stock(2015)->totalT, s1Plain.stock(2015)->totalT);
        QCOMPARE(s1.stock(2020)->totalT, s1Plain.stock(2020)->totalT);
        QVERIFY2(std::fabs(s1.stock(2024)->totalT / a - 16.748544) < 1e-9,
                 qPrintable(QString::number(s1.stock(2024)->totalT / a, 'g', 12)));
        // Changes ending in 2024 are stock differences, losses (no gains for a plot that became built-up).
        QVERIFY(std::fabs(s1.change(2020, 2024)->changeT / a - (16.748544 - 20.93568)) < 1e-9);
        QVERIFY(std::fabs(s1.change(2015, 2024)->changeT / a - (16.748544 - 20.7552)) < 1e-9);
        QCOMPARE(s1.change(2020, 2024)->basis, ChangeBasis::StockDifference);
        QCOMPARE(s1.change(2015, 2020)->changeT, s1Plain.change(2015, 2020)->changeT);
        QVERIFY(s1Plain.change(2020, 2024)->changeT > 0); // before: a gain
        // The pool row of class 2 is listed among the parameters used.
        QVERIFY(std::any_of(s1.parameters.begin(), s1.parameters.end(), [](const ParameterRowRef& r) {
            return r.key == QLatin1String("lucode 2");
        }));
        // P1 (pools) keeps its stocks: its method follows the land cover itself.
        QCOMPARE(find(changed, "P1").stock(2015)->totalT, find(plain, "P1").stock(2015)->totalT);
        // Totals by type use the type of each date (stocks) and of each change's end.
        const std::vector<ResultTotals> byType = totalsBy(changed.results(), TotalsKey::EcosystemType);
        auto row = [&](const char* key) -> const ResultTotals* {
            for (const ResultTotals& t : byType)
                if (t.key == QLatin1String(key))
                    return &t;
            return nullptr;
        };
        QVERIFY(row("settlement") && row("crop"));
        auto stockOf = [](const ResultTotals* t, int year) -> std::optional<double> {
            for (const auto& s : t->stocks)
                if (s.year == year)
                    return s.totalT;
            return std::nullopt;
        };
        auto changeOf = [](const ResultTotals* t, int y1, int y2) -> std::optional<double> {
            for (const auto& c : t->changes)
                if (c.year1 == y1 && c.year2 == y2)
                    return c.changeT;
            return std::nullopt;
        };
        QCOMPARE(*stockOf(row("settlement"), 2024), s1.stock(2024)->totalT);
        QCOMPARE(*stockOf(row("settlement"), 2015), find(changed, "P1").stock(2015)->totalT);
        QVERIFY(!stockOf(row("settlement"), 2020));
        QCOMPARE(*stockOf(row("crop"), 2024), find(changed, "S2").stock(2024)->totalT);
        QCOMPARE(*stockOf(row("crop"), 2020),
                 s1.stock(2020)->totalT + find(changed, "S2").stock(2020)->totalT);
        QCOMPARE(*changeOf(row("settlement"), 2020, 2024), s1.change(2020, 2024)->changeT);
        QCOMPARE(*changeOf(row("crop"), 2020, 2024), find(changed, "S2").change(2020, 2024)->changeT);
        QCOMPARE(row("settlement")->parcels, std::size_t(0)); // counts and areas by the mapped type
        // Per date, the types add up to the grand total.
        const ResultTotals all = totalOf(changed.results());
        for (const auto& s : all.stocks) {
            double sum = 0;
            for (const ResultTotals& t : byType)
                sum += stockOf(&t, s.year).value_or(0.0);
            QVERIFY(std::fabs(sum - s.totalT) <= 1e-9 * std::max(1.0, std::fabs(s.totalT)));
        }
        // parcels.csv has the type per date.
        const auto rows = readCsv(dir.filePath(QStringLiteral("changed/parcels.csv")));
        QVERIFY(!rows.empty());
        const int c2024 = int(rows.front().indexOf(QStringLiteral("ecosystem_type_2024")));
        const int cId = int(rows.front().indexOf(QStringLiteral("id")));
        QVERIFY(c2024 >= 0 && cId >= 0);
        for (std::size_t i = 1; i < rows.size(); ++i)
            if (rows[i][cId] == QLatin1String("S1"))
                QCOMPARE(rows[i][c2024], QStringLiteral("settlement"));
        // With Monte Carlo: S1's altered stock (2024) and changes ending then have bounds from the altered
        // sampler (docs/uncertainty.md "Land-use change"), and so do the totals counting them; the pools
        // method's P1 keeps its samples, split by date in the totals by type (settlement in 2015).
        {
            QTemporaryDir mcDir;
            const QString path = writeSoilGainLossMcProject(
              mcDir, R"({"iterations": 50, "seed": 5, "default_u_pct": 40})", rule);
            QFile pools(mcDir.filePath(QStringLiteral("pools.csv")));
            pools.open(QIODevice::WriteOnly);
            pools.write("lucode,c_above,c_below,c_soil,c_dead,u_pct\n1,100,20,50,1,20\n2,0,0,0,0,20\n");
            pools.close();
            CarbonProjectOptions options;
            options.outDir = mcDir.filePath(QStringLiteral("out")).toStdString();
            const CarbonProjectRun mc = runCarbonProject(models::Project::load(path), options);
            QVERIFY(!mc.stopped && mc.uncertainty);
            const ParcelResult& s1mc = find(mc, "S1");
            QVERIFY(s1mc.stock(2015)->bounds);
            QVERIFY(s1mc.stock(2024)->bounds);
            QVERIFY(s1mc.change(2020, 2024)->bounds);
            QVERIFY(std::fabs(s1mc.stock(2024)->totalT - s1.stock(2024)->totalT) < 1e-9);
            const Bounds& b24 = *s1mc.stock(2024)->bounds;
            QVERIFY(b24.p2_5 <= s1mc.stock(2024)->totalT && s1mc.stock(2024)->totalT <= b24.p97_5);
            // The grand total has bounds at every date and no note.
            const ResultTotals& total = mc.uncertainty->total;
            for (const auto& st : total.stocks)
                QVERIFY(st.bounds);
            for (const auto& ch : total.changes)
                QVERIFY(ch.bounds);
            QVERIFY2(total.boundsNote.isEmpty(), qPrintable(total.boundsNote));
            for (const ResultTotals& t : mc.uncertainty->by.at(TotalsKey::Method))
                if (t.key == QLatin1String("pools"))
                    QVERIFY(t.stocks.front().bounds); // P1 alone
            bool seen = false;
            for (const ResultTotals& t : mc.uncertainty->by.at(TotalsKey::EcosystemType)) {
                QVERIFY2(t.boundsNote.isEmpty(), qPrintable(t.key + QStringLiteral(": ") + t.boundsNote));
                if (t.key == QLatin1String("settlement")) {
                    QVERIFY(t.stocks.front().bounds); // P1 in 2015, S1 in 2024
                    QVERIFY(t.stocks.back().bounds);
                    seen = true;
                }
            }
            QVERIFY(seen);
        }
        // A share outside (0, 1] is refused before anything is read; a class without a pool row stops
        // the run, naming the pool table and the class.
        QTemporaryDir badDir;
        const QString bad = writeSoilGainLossMcProject(
          badDir, {}, R"("land_use_change": [{"type": "settlement", "classes": [2], "min_share": 0}])");
        const models::params::Issues issues = validateCarbonProject(models::Project::load(bad));
        QVERIFY(std::any_of(issues.begin(), issues.end(), [](const models::params::Issue& i) {
            return i.column == QLatin1String("carbon.land_use_change[0].min_share");
        }));
        const QString missing = writeSoilGainLossMcProject(
          badDir, {}, R"("land_use_change": [{"type": "settlement", "classes": [7]}])");
        CarbonProjectOptions options;
        options.outDir = badDir.filePath(QStringLiteral("out")).toStdString();
        const CarbonProjectRun stopped = runCarbonProject(models::Project::load(missing), options);
        QVERIFY(stopped.stopped);
        QVERIFY(std::any_of(stopped.issues.begin(), stopped.issues.end(), [](const models::params::Issue& i) {
            return i.isError() && i.file.endsWith(QLatin1String("pools.csv")) &&
                   i.message.contains(QLatin1String("class 7"));
        }));
    }

    void landUseChangeVolumeBounds() {
        // A volume stock altered by a land-use change (docs/uncertainty.md "Land-use change"): V2 (masson
        // pine, continuous BEF) lies wholly on class 2 in 2015, its inventory year, so with the rule
        // "class 2 → settlement" its biomass is replaced by class 2's pool densities: c_above 4 + c_below
        // 1 (c_dead 0 adds nothing; no soil pool in a volume stock) = 5 t C/ha, drawn as the pool
        // method's class-2 densities (±20 %). P2 (pools, marsh) is on class 2 in 2015 too: its stock keeps
        // its samples, which the totals by type put under settlement for 2015.
        QTemporaryDir dir;
        const QString path =
          writeMcProject(dir,
                         R"({"iterations": 300, "seed": 11, "default_u_pct": 40})",
                         R"("land_use_change": [{"type": "settlement", "classes": [2], "min_share": 0.5}])");
        CarbonProjectOptions options;
        options.outDir = dir.filePath(QStringLiteral("out")).toStdString();
        const CarbonProjectRun run = runCarbonProject(models::Project::load(path), options);
        QVERIFY2(!run.stopped, qPrintable(run.issues.empty() ? QString() : run.issues.front().toString()));
        QVERIFY(run.uncertainty);
        const ParcelResult* v2 = nullptr;
        const ParcelResult* p2 = nullptr;
        for (const ParcelResult& r : run.results()) {
            if (r.id == QLatin1String("V2"))
                v2 = &r;
            if (r.id == QLatin1String("P2"))
                p2 = &r;
        }
        QVERIFY(v2 && p2);
        QCOMPARE(v2->method, QStringLiteral("volume"));
        QCOMPARE(v2->typeAt(2015), QStringLiteral("settlement"));
        const CarbonStock& s = *v2->stock(2015);
        QVERIFY2(near(s.totalT / v2->areaHa, 5.0),
                 qPrintable(QString::number(s.totalT / v2->areaHa, 'g', 12)));
        QVERIFY(s.bounds);
        QVERIFY(s.bounds->p2_5 < s.totalT && s.totalT < s.bounds->p97_5);
        QVERIFY(std::fabs(s.bounds->p50 - s.totalT) < 0.25 * (s.bounds->p97_5 - s.bounds->p2_5));
        // The by-type row settlement 2015 is V2 + P2 per iteration (two samplers, one split per date).
        const ProjectUncertaintyRun& u = *run.uncertainty;
        auto samplesOf = [&](const ParcelResult* r) {
            const std::size_t i = std::size_t(r - run.results().data());
            return u.sampling[i].sampler->sum({ { u.sampling[i].ref } }).front().stocks.at(2015).samples;
        };
        std::vector<double> sum = samplesOf(v2);
        const std::vector<double> pools = samplesOf(p2);
        for (std::size_t i = 0; i < sum.size(); ++i)
            sum[i] += pools[i];
        bool seen = false;
        for (const ResultTotals& t : u.by.at(TotalsKey::EcosystemType)) {
            QVERIFY2(t.boundsNote.isEmpty(), qPrintable(t.key + QStringLiteral(": ") + t.boundsNote));
            if (t.key != QLatin1String("settlement"))
                continue;
            seen = true;
            QCOMPARE(t.stocks.front().year, 2015);
            QVERIFY(t.stocks.front().bounds);
            QVERIFY(near(t.stocks.front().bounds->p2_5, percentile7(sum, 0.025)));
            QVERIFY(near(t.stocks.front().bounds->p97_5, percentile7(sum, 0.975)));
        }
        QVERIFY(seen);
        QVERIFY(u.total.stocks.front().bounds && u.total.boundsNote.isEmpty());
    }

    void totalsWithoutMonteCarloHaveNoBounds() {
        // A parcel whose method left no sampler (any method without Monte Carlo): its group and the
        // grand total get no bounds at the dates it counts, and say why.
        std::vector<ParcelResult> rs = sampleResults();
        std::vector<SampledResult> sampling(rs.size());
        const std::vector<ResultTotals> byGroup = boundedTotals(rs, sampling, TotalsKey::Group);
        QCOMPARE(byGroup.size(), std::size_t(2));
        for (const ResultTotals& t : byGroup) {
            for (const auto& s : t.stocks)
                QVERIFY(!s.bounds);
            QVERIFY2(t.boundsNote.contains(QStringLiteral("without Monte Carlo")), qPrintable(t.boundsNote));
        }
        QTemporaryDir dir;
        writeTotals(dir.filePath(QStringLiteral("t.csv")).toStdString(),
                    QStringLiteral("district"),
                    byGroup,
                    boundedTotals(rs, sampling, std::nullopt).front());
        const auto rows = readCsv(dir.filePath(QStringLiteral("t.csv")));
        QVERIFY(cell(rows, 1, QStringLiteral("c_total_t_2015_p2_5")).isEmpty());
        QVERIFY(cell(rows, 3, QStringLiteral("bounds_note")).contains(QStringLiteral("pools, volume")));
    }

    void runnerOnHandMadeProject() {
        QTemporaryDir dir;
        const QString path = writeRunnerProject(
          dir, QStringLiteral("pools"), R"({"grassland": "pools", "forest": "volume", "*": "pools"})");
        const models::Project project = models::Project::load(path);
        CarbonProjectOptions options;
        options.outDir = dir.filePath(QStringLiteral("out")).toStdString();
        options.threads = 1;
        const CarbonProjectRun run = runCarbonProject(project, options);
        QVERIFY2(!run.stopped, qPrintable(run.issues.empty() ? QString() : run.issues.front().toString()));
        QCOMPARE(run.results().size(), std::size_t(4)); // P3 without geometry is listed too
        QCOMPARE(run.groupName, QStringLiteral("district"));
        std::map<QString, const ParcelResult*> byId;
        for (const ParcelResult& r : run.results())
            byId[r.id] = &r;
        const ParcelResult& p1 = *byId.at(QStringLiteral("P1"));
        QCOMPARE(p1.ecosystemType, QStringLiteral("grassland")); // through the layer's value mapping
        QCOMPARE(p1.method, QStringLiteral("pools"));
        QCOMPARE(p1.group, QStringLiteral("A"));
        QCOMPARE(p1.stocks.size(), std::size_t(2));
        QVERIFY(std::abs(p1.stocks[0].densityTPerHa() - 63.0) < 1e-9);
        QVERIFY(std::abs(p1.stocks[0].areaHa - p1.areaHa) < 1e-6 * p1.areaHa);
        QVERIFY(std::abs(p1.areaHa - 1.0) < 0.01); // 100 m × 100 m, ellipsoidal
        QCOMPARE(p1.stocks[0].pools.size(), std::size_t(4));
        QCOMPARE(p1.stocks[0].pools[0].pool, QStringLiteral("c_above"));
        QVERIFY(std::abs(p1.stocks[0].pools[0].t - 10.0 * p1.stocks[0].areaHa) < 1e-9);
        QVERIFY(std::abs(p1.changes.back().changeT) < 1e-9); // class 1 on both dates
        QCOMPARE(p1.parameters.size(), std::size_t(1));
        QVERIFY(p1.parameters[0].toString().endsWith(QStringLiteral("pools.csv:2 lucode 1 (user)")));
        QVERIFY(p1.flaggedParameters().empty());
        const ParcelResult& p2 = *byId.at(QStringLiteral("P2"));
        QCOMPARE(p2.ecosystemType, QStringLiteral("wetland_x")); // not listed: the "*" method
        QCOMPARE(p2.method, QStringLiteral("pools"));
        QVERIFY(std::abs(p2.stocks[0].densityTPerHa() - 35.0) < 1e-9);
        QCOMPARE(p2.changes.size(), std::size_t(1));
        QCOMPARE(p2.changes[0].basis, ChangeBasis::StockDifference);
        QVERIFY(std::abs(p2.changes[0].changeT - 28.0 * p2.stocks[0].areaHa) < 1e-9);
        const ParcelResult& p3 = *byId.at(QStringLiteral("P3"));
        QVERIFY(!p3.computed());
        QVERIFY2(p3.notComputed.startsWith(QStringLiteral("geometry not usable")),
                 qPrintable(p3.notComputed));
        // P4 is "forest" (→ volume) but its method field says pools: half class 1, half class 2 in 2015.
        const ParcelResult& p4 = *byId.at(QStringLiteral("P4"));
        QCOMPARE(p4.method, QStringLiteral("pools"));
        QCOMPARE(p4.group, QStringLiteral("B"));
        QVERIFY(std::abs(p4.stocks[0].densityTPerHa() - 49.0) < 1e-6);
        QCOMPARE(run.parcelsPerMethod.at(QStringLiteral("pools")), 3);
        // One method computes the whole layer, so the runner adopts its result list (docs/benchmark.md,
        // "Memory and scaling"): the results stay in layer order (the skipped P3 last), each with its
        // own geometry (read again from the layer's file: none held in the result) and its own
        // accounted area; the skipped P3 has none.
        QStringList order;
        for (const ParcelResult& r : run.results())
            order << r.id;
        QCOMPARE(order, QStringList({ "P1", "P2", "P4", "P3" }));
        QVERIFY(run.geometryOf);
        // The finished run (kept in memory, as the app's jobs are) holds none of the project's files open:
        // the geometry files were closed once parcels.gpkg was written (geometryOf opens them again).
        for (const QFileInfo& fd :
             QDir(QStringLiteral("/proc/self/fd"))
               .entryInfoList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot))
            QVERIFY2(!fd.symLinkTarget().startsWith(dir.path()) ||
                       fd.symLinkTarget().startsWith(dir.filePath(QStringLiteral("out"))),
                     qPrintable(fd.symLinkTarget()));
        for (const ParcelResult& r : run.results()) {
            QVERIFY(r.wkb.empty());
            const std::vector<unsigned char> wkb = run.geometryOf(r);
            if (!r.computed()) {
                QVERIFY2(wkb.empty(), qPrintable(r.id));
                continue;
            }
            gis::MultiPolygon g;
            QVERIFY(gis::polygonFromWkb(wkb.data(), wkb.size(), g));
            QVERIFY2(std::abs(g.planarArea() / 1e4 - r.areaHa) < 0.01 * r.areaHa, qPrintable(r.id));
            QVERIFY2(r.accountedAreaHa > 0 && r.accountedAreaHa <= r.areaHa * (1 + 1e-9), qPrintable(r.id));
        }
        QVERIFY(std::abs(p4.areaHa - 0.5) < 0.01);
        // Once the layer's files change (here its file's time moves on, as a save would), the run gives
        // no geometry of it: an error naming the file, not new geometries next to the old numbers.
        {
            run.closeGeometryFiles();
            for (const QFileInfo& f : QDir(dir.path()).entryInfoList(QDir::Files))
                std::filesystem::last_write_time(
                  f.filePath().toStdString(),
                  std::filesystem::last_write_time(f.filePath().toStdString()) + std::chrono::seconds(10));
            const gis::GisError e = test::expectError([&] { (void)run.geometryOf(p4); });
            QCOMPARE(e.kind(), gis::GisError::Kind::Io);
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("changed after it was read")),
                     e.what());
        }
        const auto files = run.files.join(QLatin1Char('\n'));
        for (const char* name : { "parcels.csv",
                                  "parcels.gpkg",
                                  "totals_by_district.csv",
                                  "summary.csv",
                                  "pools/c_density_2015.tif" })
            QVERIFY2(files.contains(QLatin1String(name)), name);
        const ResultTotals all = totalOf(run.results());
        QCOMPARE(all.notComputed, std::size_t(1));
        QVERIFY(std::abs(all.stocks[0].totalT -
                         (p1.stocks[0].totalT + p2.stocks[0].totalT + p4.stocks[0].totalT)) < 1e-9);

        // Several methods for grassland: pools (primary) and gain-loss with class 1 taken as plantation
        // forest (present on both dates under P1: growth only, §3.2).
        {
            QTemporaryDir multiDir;
            const models::Project multi = models::Project::load(writeRunnerProject(
              multiDir,
              QStringLiteral("pools"),
              R"({"grassland": ["pools", {"method": "gainloss", "forest_classes": "1=plantation"}],
                  "forest": "volume", "*": "pools"})"));
            CarbonProjectOptions mo;
            mo.outDir = multiDir.filePath(QStringLiteral("out")).toStdString();
            mo.threads = 1;
            const CarbonProjectRun mr = runCarbonProject(multi, mo);
            QVERIFY2(!mr.stopped, qPrintable(mr.issues.empty() ? QString() : mr.issues.front().toString()));
            QCOMPARE(mr.results().size(), std::size_t(5)); // P1 twice
            QCOMPARE(mr.results()[0].id, QStringLiteral("P1"));
            QCOMPARE(mr.results()[0].method, QStringLiteral("pools"));
            QVERIFY(mr.results()[0].primary);
            QCOMPARE(mr.results()[1].id, QStringLiteral("P1"));
            QCOMPARE(mr.results()[1].method, QStringLiteral("gainloss"));
            QVERIFY(!mr.results()[1].primary);
            QVERIFY(mr.results()[1].stocks.empty());
            QCOMPARE(mr.results()[1].changes.size(), std::size_t(1));
            QCOMPARE(mr.results()[1].changes[0].basis, ChangeBasis::Flux);
            const models::params::LoadedTable growth = models::params::loadDefaultTable(growthRatesSpec());
            // A row of a temporary lookup is a copy: it outlives the lookup (was a heap-use-after-free
            // under ASan when find() returned a pointer into the lookup).
            const std::optional<ForestType> plantation =
              GrowthLookup(growth.table).find(QStringLiteral("plantation"));
            QVERIFY(plantation);
            const double expected =
              plantation->gainPerHaYr() * mr.results()[0].stocks[0].areaHa *
              double(mr.results()[1].changes[0].year2 - mr.results()[1].changes[0].year1);
            QVERIFY2(
              std::abs(mr.results()[1].changes[0].changeT - expected) < 1e-6 * expected,
              qPrintable(QStringLiteral("%1 vs %2").arg(mr.results()[1].changes[0].changeT).arg(expected)));
            QCOMPARE(mr.results()[1].parameters.size(), std::size_t(1));
            QCOMPARE(mr.results()[1].parameters[0].key, QStringLiteral("plantation"));
            for (std::size_t i = 2; i < mr.results().size(); ++i)
                QVERIFY(mr.results()[i].primary);
            QCOMPARE(mr.parcelsPerMethod.at(QStringLiteral("gainloss")), 1);
            // The grand total is that of the single-method run (P1 counted once).
            QCOMPARE(totalOf(mr.results()).parcels, totalOf(run.results()).parcels);
            QVERIFY(std::abs(totalOf(mr.results()).stocks[0].totalT -
                             totalOf(run.results()).stocks[0].totalT) < 1e-9);
            const QString csv = multiDir.filePath(QStringLiteral("out/parcels.csv"));
            QFile f(csv);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.readLine().contains(",method,primary,method_detail,"));
        }

        // Cancelled (Ctrl+C): CancelledError, and the finished outputs are left as they were.
        QFile::remove(dir.filePath(QStringLiteral("out/summary.csv")));
        gis::Feedback cancelled;
        cancelled.cancel();
        options.feedback = &cancelled;
        QCOMPARE(test::expectError([&] { runCarbonProject(project, options); }).kind(),
                 gis::GisError::Kind::Cancelled);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out/summary.csv"))));

        // Errors stop the run before anything is computed, naming the file and the key.
        QTemporaryDir bad;
        const models::Project unknown = models::Project::load(writeRunnerProject(
          bad, QStringLiteral("invest"), R"({"grassland": "pools", "forest": "volume", "*": "pools"})"));
        CarbonProjectOptions badOptions;
        badOptions.outDir = bad.filePath(QStringLiteral("out")).toStdString();
        CarbonProjectRun r = runCarbonProject(unknown, badOptions);
        QVERIFY(r.stopped);
        QVERIFY(r.results().empty());
        QVERIFY(!QFile::exists(bad.filePath(QStringLiteral("out/parcels.csv"))));
        QStringList messages;
        for (const auto& i : r.issues)
            messages << i.toString();
        QVERIFY2(anyContains(messages,
                             QStringLiteral("parcel P4: unknown method 'invest'"),
                             QStringLiteral("plots.gpkg")),
                 qPrintable(messages.join(QLatin1Char('\n'))));
        const models::Project untyped = models::Project::load(
          writeRunnerProject(bad, QStringLiteral("pools"), R"({"grassland": "pools", "forest": "volume"})"));
        r = runCarbonProject(untyped, badOptions);
        QVERIFY(r.stopped);
        messages.clear();
        for (const auto& i : r.issues)
            messages << i.toString();
        QVERIFY2(anyContains(messages,
                             QStringLiteral("1 parcel(s) of layer plots have the ecosystem type 'wetland_x'"),
                             QStringLiteral("carbon.methods")),
                 qPrintable(messages.join(QLatin1Char('\n'))));
        // A type assigned to volume on a layer that does not map the volume fields.
        const models::Project volume = models::Project::load(
          writeRunnerProject(bad, QString(), R"({"grassland": "pools", "forest": "volume", "*": "pools"})"));
        r = runCarbonProject(volume, badOptions);
        QVERIFY(r.stopped);
        messages.clear();
        for (const auto& i : r.issues)
            messages << i.toString();
        QVERIFY2(anyContains(messages,
                             QStringLiteral("method volume needs the field 'species_group' of layer plots")),
                 qPrintable(messages.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestCarbonProject)
#include "tst_carbon_project.moc"
