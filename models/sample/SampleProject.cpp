// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sample/SampleProject.h"

#include "models/Parallel.h"

#include "gis/AtomicFile.h"
#include "gis/Crs.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/RasterWriter.h"
#include "gis/VectorWriter.h"
#include "models/carbon/RegressionMethod.h"
#include "models/project/Project.h"
#include "models/sample/Random.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace tanhui::models::sample {

namespace {

using gis::RasterSpec;
using gis::RasterWriter;
using gis::VectorFeature;
using gis::VectorField;

/// The sample-only example coefficient table of the regression method (parameters/<name>.csv).
constexpr const char* kSampleRegressionTable = "carbon/regression_coefficients_sample_example";
constexpr int kBandRows = 256; // = the tile size, so every write completes whole tiles

const char* kLayerDate = "-07-01";

/// Runs fn(i) for i in [0, count) on `threads` threads (forEachIndex); results must go to per-index
/// slots.
void parallelFor(int count, int threads, const std::function<void(int)>& fn) {
    forEachIndex(std::size_t(std::max(0, count)), threads, 1, [&](std::size_t i) { fn(int(i)); });
}

double ringArea(const gis::Ring& r) {
    return std::fabs(r.signedArea());
}

gis::MultiPolygon single(const gis::Ring& r) {
    gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

double round4(double v) {
    return std::round(v * 10000) / 10000;
}

QString speciesZh(Species s) {
    switch (s) {
        case Species::BroadleafMix:
            return QStringLiteral("阔叶混交林");
        case Species::MassonPine:
            return QStringLiteral("马尾松");
        case Species::ChineseFir:
            return QStringLiteral("杉木");
        case Species::Eucalyptus:
            return QStringLiteral("桉树");
        case Species::Shrub:
            return QStringLiteral("其他灌木");
        case Species::Orchard:
            return QStringLiteral("经济林");
    }
    return {};
}

/// Age-class (龄组) thresholds, upper bounds of 幼龄林, 中龄林, 近熟林, 成熟林 (years).
QString ageClass(Species s, int age) {
    int b[4] = { 20, 40, 50, 70 }; // broadleaf mix
    if (s == Species::MassonPine)
        b[0] = 10, b[1] = 20, b[2] = 30, b[3] = 50;
    else if (s == Species::ChineseFir)
        b[0] = 10, b[1] = 20, b[2] = 25, b[3] = 35;
    else if (s == Species::Eucalyptus)
        b[0] = 2, b[1] = 4, b[2] = 5, b[3] = 7;
    else if (s == Species::Shrub || s == Species::Orchard)
        return {};
    if (age <= b[0])
        return QStringLiteral("幼龄林");
    if (age <= b[1])
        return QStringLiteral("中龄林");
    if (age <= b[2])
        return QStringLiteral("近熟林");
    if (age <= b[3])
        return QStringLiteral("成熟林");
    return QStringLiteral("过熟林");
}

/// Growing stock (m³/ha) by a Chapman–Richards curve per species.
double volumePerHa(Species s, int age) {
    double vmax = 230, k = 0.04, p = 1.8;
    if (s == Species::MassonPine)
        vmax = 210, k = 0.05, p = 2.0;
    else if (s == Species::ChineseFir)
        vmax = 290, k = 0.08, p = 2.2;
    else if (s == Species::Eucalyptus)
        vmax = 150, k = 0.32, p = 2.0;
    else if (s == Species::Shrub || s == Species::Orchard)
        return 0;
    return vmax * std::pow(1 - std::exp(-k * age), p);
}

struct RasterOut {
    QString rel;
    std::unique_ptr<RasterWriter> writer;
};

} // namespace

QStringList sampleProjectFiles() {
    QStringList files;
    for (int y : kLandCoverYears)
        files << QStringLiteral("rasters/landcover_%1.tif").arg(y);
    for (int y = kFirstNdviYear; y <= kLastNdviYear; ++y)
        files << QStringLiteral("rasters/ndvi_%1.tif").arg(y);
    files << QStringLiteral("rasters/ndvi_2015-2024.tif") << QStringLiteral("rasters/dem.tif")
          << QStringLiteral("rasters/precipitation.tif") << QStringLiteral("rasters/evapotranspiration.tif")
          << QStringLiteral("rasters/rusle_r.tif") << QStringLiteral("rasters/rusle_k.tif")
          << QStringLiteral("rasters/rusle_c.tif");
    for (const char* e : { ".shp", ".shx", ".dbf", ".prj", ".cpg" })
        files << QStringLiteral("vectors/xiaoban") + QLatin1String(e);
    files << QStringLiteral("vectors/farmland_plots.gpkg") << QStringLiteral("vectors/wetland_units.gpkg")
          << QStringLiteral("vectors/mangrove_restoration.gpkg") << QStringLiteral("vectors/districts.gpkg");
    return files;
}

QStringList generateSampleProject(const QString& dirPath,
                                  const SampleOptions& options,
                                  gis::Feedback* feedback) {
    const int threads =
      options.threads > 0 ? options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    QDir dir(dirPath);
    for (const char* sub : { "rasters", "vectors", "parameters" })
        if (!dir.mkpath(QLatin1String(sub)))
            throw gis::GisError(gis::GisError::Kind::Io,
                                "Cannot create the folder " + dir.filePath(QLatin1String(sub)).toStdString(),
                                dirPath.toStdString());
    auto progress = [&](double pct, const char* status) {
        if (feedback) {
            feedback->throwIfCancelled();
            feedback->setProgress(pct, status);
        }
    };
    progress(0, "Building the landscape");
    const Landscape land(options.seed, options.size);
    const gis::Grid grid = land.grid();
    const gis::Crs crs = gis::Crs::fromEpsg(4547);
    const auto abs = [&](const QString& rel) { return dir.filePath(rel).toStdString(); };

    // ---- rasters ------------------------------------------------------------------------------
    std::vector<gis::RasterClass> classes;
    for (const LandCoverClass& c : landCoverClasses())
        classes.push_back({ c.code, c.nameEn, c.nameZh, c.rgb });
    const std::map<std::string, std::string> common = {
        { "SOURCE", "Tanhui sample project (fictional, generated)" },
        { "SEED", std::to_string(options.seed) },
    };
    auto floatSpec =
      [&](const std::string& desc, const std::string& units, std::map<std::string, std::string> md) {
          RasterSpec s;
          s.grid = grid;
          s.crs = crs;
          s.type = RasterSpec::Type::Float32;
          s.nodata = std::nan("");
          s.bandDescriptions = { desc };
          md["UNIT"] = units;
          s.bandMetadata = { md };
          s.metadata = common;
          // The city size trades a little file size for speed (fast DEFLATE) to stay within its
          // time budget; small keeps the default level.
          s.deflateLevel = options.size == SampleSize::City ? 1 : 6;
          s.predictor = true; // smooth fields (NDVI, elevation, climate): smaller with it
          return s;
      };
    std::vector<RasterOut> outs;
    for (int y : kLandCoverYears) {
        RasterSpec s;
        s.grid = grid;
        s.crs = crs;
        s.type = RasterSpec::Type::Byte;
        s.nodata = 0;
        s.predictor = true; // the sample's land cover as generated so far (byte-identical)
        s.classes = classes;
        s.bandDescriptions = { "Land cover " + std::to_string(y) };
        s.bandMetadata = { { { "DATE", std::to_string(y) + kLayerDate }, { "UNIT", "class" } } };
        s.metadata = common;
        const QString rel = QStringLiteral("rasters/landcover_%1.tif").arg(y);
        outs.push_back({ rel, std::make_unique<RasterWriter>(abs(rel), s) });
    }
    for (int y = kFirstNdviYear; y <= kLastNdviYear; ++y) {
        const QString rel = QStringLiteral("rasters/ndvi_%1.tif").arg(y);
        outs.push_back(
          { rel,
            std::make_unique<RasterWriter>(
              abs(rel),
              floatSpec("NDVI " + std::to_string(y), "1", { { "DATE", std::to_string(y) + kLayerDate } })) });
    }
    {
        RasterSpec s = floatSpec("", "1", {});
        s.bands = kNdviYears;
        s.bandDescriptions.clear();
        s.bandMetadata.clear();
        for (int y = kFirstNdviYear; y <= kLastNdviYear; ++y) {
            s.bandDescriptions.push_back(std::to_string(y) + kLayerDate);
            s.bandMetadata.push_back({ { "DATE", std::to_string(y) + kLayerDate }, { "UNIT", "1" } });
        }
        const QString rel = QStringLiteral("rasters/ndvi_2015-2024.tif");
        outs.push_back({ rel, std::make_unique<RasterWriter>(abs(rel), s) });
    }
    struct Static {
        const char* file;
        const char* desc;
        const char* units;
    };
    const Static statics[] = {
        { "rasters/dem.tif", "Elevation", "m" },
        { "rasters/precipitation.tif", "Annual precipitation", "mm/yr" },
        { "rasters/evapotranspiration.tif", "Annual actual evapotranspiration 2024", "mm/yr" },
        { "rasters/rusle_r.tif", "RUSLE rainfall erosivity R", "MJ mm/(ha h yr)" },
        { "rasters/rusle_k.tif", "RUSLE soil erodibility K", "t ha h/(ha MJ mm)" },
        { "rasters/rusle_c.tif", "RUSLE cover-management factor C 2024", "1" },
    };
    const int firstStatic = int(outs.size());
    for (const Static& st : statics) {
        std::map<std::string, std::string> md;
        if (QByteArray(st.file).contains("evapo") || QByteArray(st.file).contains("rusle_c"))
            md["DATE"] = std::string("2024") + kLayerDate;
        outs.push_back({ QString::fromLatin1(st.file),
                         std::make_unique<RasterWriter>(abs(QString::fromLatin1(st.file)),
                                                        floatSpec(st.desc, st.units, md)) });
    }

    const int cols = grid.cols;
    const std::size_t bandCells = std::size_t(kBandRows) * std::size_t(cols);
    std::vector<std::vector<std::uint8_t>> lc(4, std::vector<std::uint8_t>(bandCells));
    std::vector<std::vector<float>> ndvi(kNdviYears, std::vector<float>(bandCells));
    std::vector<std::vector<float>> stat(6, std::vector<float>(bandCells));
    const int bands = (grid.rows + kBandRows - 1) / kBandRows;
    for (int b = 0; b < bands; ++b) {
        const int row0 = b * kBandRows;
        const int rows = std::min(kBandRows, grid.rows - row0);
        parallelFor(rows, threads, [&](int r) {
            const int row = row0 + r;
            const double y = grid.originY - (row + 0.5) * grid.cellHeight;
            Landscape::RowContext ctx;
            land.rowContext(y, ctx);
            Site s;
            for (int c = 0; c < cols; ++c) {
                const std::size_t i = std::size_t(r) * std::size_t(cols) + std::size_t(c);
                land.siteAt(grid.originX + (c + 0.5) * grid.cellWidth, y, ctx, s);
                std::uint8_t cover2024 = 0;
                for (int k = 0; k < kNdviYears; ++k) {
                    const int year = kFirstNdviYear + k;
                    const std::uint8_t cover = land.landCover(s, year);
                    if ((year - 2015) % 3 == 0)
                        lc[std::size_t((year - 2015) / 3)][i] = cover;
                    ndvi[std::size_t(k)][i] = land.ndvi(s, year, cover);
                    cover2024 = cover;
                }
                stat[0][i] = std::round(s.elevation * 10) / 10;
                stat[1][i] = land.precipitation(s);
                stat[2][i] = land.evapotranspiration(s, cover2024);
                stat[3][i] = land.erosivity(s);
                stat[4][i] = land.erodibility(s);
                stat[5][i] = land.coverManagement(cover2024, land.ndvi(s, 2024, cover2024, false));
            }
        });
        progress(80.0 * (b + 0.5) / bands, "Writing rasters");
        parallelFor(int(outs.size()), threads, [&](int o) {
            RasterWriter& w = *outs[std::size_t(o)].writer;
            if (o < 4)
                w.writeRows(1, row0, rows, lc[std::size_t(o)].data());
            else if (o < 4 + kNdviYears)
                w.writeRows(1, row0, rows, ndvi[std::size_t(o - 4)].data());
            else if (o == 4 + kNdviYears)
                for (int k = 0; k < kNdviYears; ++k)
                    w.writeRows(k + 1, row0, rows, ndvi[std::size_t(k)].data());
            else
                w.writeRows(1, row0, rows, stat[std::size_t(o - firstStatic)].data());
            w.flush();
        });
        progress(80.0 * (b + 1) / bands, "Writing rasters");
    }
    lc = {};
    ndvi = {};
    stat = {};
    progress(80, "Building overviews");
    parallelFor(int(outs.size()), threads, [&](int o) { outs[std::size_t(o)].writer->commit(feedback); });
    outs.clear();

    // ---- parcel layers ------------------------------------------------------------------------
    progress(85, "Writing parcel layers");
    const gis::Box extent = grid.extent();
    gis::VectorWriteOptions gbk;
    gbk.encoding = "CP936";
    const gis::VectorWriteOptions utf8;

    // Forest sub-compartments (小班), attributes as surveyed in 2015.
    const auto& stands = land.stands();
    std::vector<int> keep(stands.size(), 0);
    std::vector<gis::Ring> rings(stands.size());
    parallelFor(int(stands.size()), threads, [&](int k) {
        const Stand& st = stands[std::size_t(k)];
        if (!isForest(st.cover))
            return;
        gis::Ring ring = land.standCell(k, extent);
        if (ring.size() < 4 || ringArea(ring) < 20000)
            return;
        gis::Box bb{ 1e18, 1e18, -1e18, -1e18 };
        for (std::size_t p = 0; p < ring.size(); ++p) {
            bb.xmin = std::min(bb.xmin, ring.x(p));
            bb.xmax = std::max(bb.xmax, ring.x(p));
            bb.ymin = std::min(bb.ymin, ring.y(p));
            bb.ymax = std::max(bb.ymax, ring.y(p));
        }
        int forest = 0, total = 0;
        Site s;
        for (double y = bb.ymin + 25; y < bb.ymax; y += 50)
            for (double x = bb.xmin + 25; x < bb.xmax; x += 50) {
                land.siteAt(x, y, s);
                if (s.stand != k)
                    continue;
                ++total;
                const std::uint8_t c = land.landCover(s, 2015);
                forest += isForest(c) || (c == Grassland && st.plantation);
            }
        if (total > 0 && forest * 10 >= total * 6) {
            keep[std::size_t(k)] = 1;
            rings[std::size_t(k)] = std::move(ring);
        }
    });
    const std::vector<VectorField> xbFields = {
        { QStringLiteral("小班号"), VectorField::Type::String, 12, 0 },
        { QStringLiteral("林班号"), VectorField::Type::String, 6, 0 },
        { QStringLiteral("地类"), VectorField::Type::String, 12, 0 },
        { QStringLiteral("起源"), VectorField::Type::String, 4, 0 },
        { QStringLiteral("优势树种"), VectorField::Type::String, 12, 0 },
        { QStringLiteral("林龄"), VectorField::Type::Integer, 4, 0 },
        { QStringLiteral("龄组"), VectorField::Type::String, 8, 0 },
        { QStringLiteral("郁闭度"), VectorField::Type::Real, 5, 2 },
        { QStringLiteral("每公顷蓄积"), VectorField::Type::Real, 8, 1 },
        { QStringLiteral("面积"), VectorField::Type::Real, 12, 4 },
        { QStringLiteral("调查年度"), VectorField::Type::Integer, 4, 0 },
    };
    std::vector<VectorFeature> xiaoban;
    std::map<int, int> perCompartment;
    bool bowTie = false, outside = false;
    const int standCols = int(std::ceil(land.extentMetres() / 400));
    for (std::size_t k = 0; k < stands.size(); ++k) {
        if (!keep[k])
            continue;
        const Stand& st = stands[k];
        const int i = int(k) % standCols, j = int(k) / standCols;
        gis::Ring ring = rings[k];
        // Blemishes users' data has: one bow-tie, one parcel reaching outside the rasters.
        if (!outside && i == 0 && j > 3) {
            ring = land.standCell(int(k), gis::Box());
            outside = true;
        } else if (!bowTie && i > 3 && j > standCols / 2 && ring.size() >= 6) {
            std::swap(ring.xy[2], ring.xy[4]);
            std::swap(ring.xy[3], ring.xy[5]);
            bowTie = true;
        }
        const int compartment = (j / 5) * 100 + i / 5 + 1;
        const int n = ++perCompartment[compartment];
        bool cut = false;
        const int age = st.ageIn(2015, &cut);
        Rng rng(hash64(land.seed() + 901, std::int64_t(k)));
        const double volume = cut ? 0 : volumePerHa(st.species, age) * rng.uniform(0.85, 1.15);
        const bool shrub = st.species == Species::Shrub;
        double canopy =
          shrub || cut
            ? 0
            : std::min(0.9, 0.2 + 0.7 * std::min(1.0, (age + 1) / 12.0) + rng.uniform(-0.06, 0.06));
        canopy = std::round(canopy * 100) / 100;
        VectorFeature f;
        f.values = {
            QStringLiteral("%1-%2").arg(compartment, 4, 10, QLatin1Char('0')).arg(n, 2, 10, QLatin1Char('0')),
            QStringLiteral("%1").arg(compartment, 4, 10, QLatin1Char('0')),
            cut     ? QStringLiteral("采伐迹地")
            : shrub ? QStringLiteral("灌木林地")
                    : QStringLiteral("乔木林地"),
            st.plantation ? QStringLiteral("人工") : QStringLiteral("天然"),
            speciesZh(st.species),
            age,
            cut ? QString() : ageClass(st.species, age),
            canopy,
            std::round(volume * 10) / 10,
            round4(ringArea(ring) / 10000),
            2015
        };
        f.geometry = single(ring);
        xiaoban.push_back(std::move(f));
    }
    // A sliver: a 1.5 m wide strip along the edge of one sub-compartment (a digitising leftover).
    if (!xiaoban.empty()) {
        const gis::Ring& host = xiaoban[xiaoban.size() / 3].geometry.parts[0].rings[0];
        const double x0 = host.x(0), y0 = host.y(0), x1 = host.x(1), y1 = host.y(1);
        const double len = std::hypot(x1 - x0, y1 - y0);
        const double nx = -(y1 - y0) / len * 1.5, ny = (x1 - x0) / len * 1.5;
        gis::Ring sliver;
        sliver.xy = { x0, y0, x1, y1, x1 + nx, y1 + ny, x0 + nx, y0 + ny, x0, y0 };
        VectorFeature f = xiaoban[xiaoban.size() / 3];
        f.values[0] = f.values[0].toString() + QStringLiteral("A");
        f.values[9] = round4(std::fabs(sliver.signedArea()) / 10000);
        f.geometry = single(sliver);
        xiaoban.push_back(std::move(f));
    }
    gis::writePolygonLayer(
      abs(QStringLiteral("vectors/xiaoban.shp")), QStringLiteral("xiaoban"), crs, xbFields, xiaoban, gbk);
    xiaoban.clear();
    progress(88, "Writing farmland plots");

    // Farmland plots on 2015 cropland.
    {
        const std::int64_t nFields = land.fieldCount();
        std::vector<std::uint8_t> fieldClass(std::size_t(nFields), 0);
        const int chunks = 256;
        parallelFor(chunks, threads, [&](int c) {
            Site s;
            for (std::int64_t f = nFields * c / chunks; f < nFields * (c + 1) / chunks; ++f) {
                const gis::Ring ring = land.fieldRing(f);
                bool inside = true;
                for (std::size_t p = 0; p < ring.size(); ++p)
                    inside = inside && ring.x(p) > extent.xmin && ring.x(p) < extent.xmax &&
                             ring.y(p) > extent.ymin && ring.y(p) < extent.ymax;
                if (!inside)
                    continue;
                double x, y;
                land.fieldCentre(f, x, y);
                land.siteAt(x, y, s);
                const std::uint8_t cover = land.landCover(s, 2015);
                if (cover == Paddy || cover == DryCropland || cover == Orchard)
                    fieldClass[std::size_t(f)] = cover;
            }
        });
        const std::vector<VectorField> fields = {
            { QStringLiteral("地块编码"), VectorField::Type::String },
            { QStringLiteral("作物"), VectorField::Type::String },
            { QStringLiteral("crop"), VectorField::Type::String },
            { QStringLiteral("秸秆还田起始年"), VectorField::Type::Integer },
            { QStringLiteral("施用有机肥"), VectorField::Type::String },
            { QStringLiteral("面积"), VectorField::Type::Real },
        };
        std::vector<VectorFeature> plots;
        int id = 0;
        for (std::int64_t f = 0; f < nFields; ++f) {
            const std::uint8_t cover = fieldClass[std::size_t(f)];
            if (!cover)
                continue;
            Rng rng(hash64(land.seed() + 911, f));
            const double p = rng.uniform();
            QString zh, en;
            if (cover == Paddy)
                zh = QStringLiteral("水稻"), en = QStringLiteral("rice");
            else if (cover == DryCropland)
                zh = p < 0.5   ? QStringLiteral("蔬菜")
                     : p < 0.8 ? QStringLiteral("甘蔗")
                               : QStringLiteral("花生"),
                en = p < 0.5   ? QStringLiteral("vegetables")
                     : p < 0.8 ? QStringLiteral("sugarcane")
                               : QStringLiteral("peanut");
            else
                zh = p < 0.6 ? QStringLiteral("荔枝") : QStringLiteral("龙眼"),
                en = p < 0.6 ? QStringLiteral("lychee") : QStringLiteral("longan");
            const double q = rng.uniform();
            const QVariant straw = cover != Orchard && q < 0.4 ? QVariant(2016 + rng.below(8)) : QVariant();
            const QString organic = rng.uniform() < 0.3 ? QStringLiteral("是") : QStringLiteral("否");
            const gis::Ring ring = land.fieldRing(f);
            VectorFeature feature;
            feature.values = { QStringLiteral("NT%1").arg(++id, 6, 10, QLatin1Char('0')),
                               zh,
                               en,
                               straw,
                               organic,
                               round4(ringArea(ring) / 10000) };
            feature.geometry = single(ring);
            plots.push_back(std::move(feature));
        }
        gis::writePolygonLayer(abs(QStringLiteral("vectors/farmland_plots.gpkg")),
                               QStringLiteral("farmland_plots"),
                               crs,
                               fields,
                               plots,
                               utf8);
    }
    progress(93, "Writing wetland units");

    // Wetland units on 2015 wetland and inland water.
    // Wetland units of the restoration plan (the project's "plans" section): every 8th fishpond dyke
    // and tidal-flat unit.
    QStringList planUnits;
    {
        const int nSeeds = land.wetlandSeedCount();
        std::vector<int> unitType(std::size_t(nSeeds), -1);
        parallelFor(nSeeds, threads, [&](int k) {
            double sx, sy;
            land.wetlandSeed(k, sx, sy);
            int counts[6] = { 0, 0, 0, 0, 0, 0 }; // marsh, mangrove, tidal, pond, river, reservoir
            int open = 0;
            Site s;
            for (int a = -2; a <= 2; ++a)
                for (int b = -2; b <= 2; ++b) {
                    land.siteAt(sx + a * 40, sy + b * 40, s);
                    const std::uint8_t c = land.landCover(s, 2015);
                    if (s.pondZone && (c == Water || c == DryCropland))
                        ++counts[3];
                    else if (c == FreshwaterMarsh)
                        ++counts[0];
                    else if (c == Mangrove)
                        ++counts[1];
                    else if (c == TidalFlat)
                        ++counts[2];
                    else if (c == Water && s.reservoir)
                        ++counts[5];
                    else if (c == Water && s.coast >= 0)
                        ++counts[4];
                    else if (c == Water)
                        ++open;
                }
            int best = 0;
            for (int t = 1; t < 6; ++t)
                if (counts[t] > counts[best])
                    best = t;
            int sum = 0;
            for (int t = 0; t < 6; ++t)
                sum += counts[t];
            if (sum >= 13 && open < 13)
                unitType[std::size_t(k)] = best;
        });
        static const char* const typeZh[] = { "沼泽", "红树林", "滩涂", "基塘", "河流", "水库" };
        static const char* const typeEn[] = { "marsh",         "mangrove", "tidal_flat",
                                              "fishpond_dyke", "river",    "reservoir" };
        const std::vector<VectorField> fields = {
            { QStringLiteral("单元编码"), VectorField::Type::String },
            { QStringLiteral("类型"), VectorField::Type::String },
            { QStringLiteral("type"), VectorField::Type::String },
            { QStringLiteral("面积"), VectorField::Type::Real },
        };
        std::vector<VectorFeature> units;
        int id = 0;
        for (int k = 0; k < nSeeds; ++k) {
            const int t = unitType[std::size_t(k)];
            if (t < 0)
                continue;
            const gis::Ring ring = land.wetlandCell(k, extent);
            if (ring.size() < 4)
                continue;
            VectorFeature f;
            f.values = { QStringLiteral("SD%1").arg(++id, 5, 10, QLatin1Char('0')),
                         QString::fromUtf8(typeZh[t]),
                         QString::fromLatin1(typeEn[t]),
                         round4(ringArea(ring) / 10000) };
            f.geometry = single(ring);
            if (id % 8 == 0 && (t == 2 || t == 3))
                planUnits << f.values[0].toString();
            units.push_back(std::move(f));
        }
        gis::writePolygonLayer(abs(QStringLiteral("vectors/wetland_units.gpkg")),
                               QStringLiteral("wetland_units"),
                               crs,
                               fields,
                               units,
                               utf8);
    }

    // Mangrove restoration plots.
    {
        static const char* const speciesZhNames[] = { "秋茄", "桐花树", "无瓣海桑" };
        const std::vector<VectorField> fields = {
            { QStringLiteral("plot_id"), VectorField::Type::String },
            { QStringLiteral("种植年份"), VectorField::Type::Integer },
            { QStringLiteral("树种"), VectorField::Type::String },
            { QStringLiteral("面积"), VectorField::Type::Real },
        };
        std::vector<VectorFeature> plots;
        int id = 0;
        for (const RestorationPlot& p : land.restorationPlots()) {
            VectorFeature f;
            f.values = { QStringLiteral("HSL-%1").arg(++id, 2, 10, QLatin1Char('0')),
                         p.plantYear,
                         QString::fromUtf8(speciesZhNames[p.speciesIndex]),
                         round4(ringArea(p.ring) / 10000) };
            f.geometry = single(p.ring);
            plots.push_back(std::move(f));
        }
        gis::writePolygonLayer(abs(QStringLiteral("vectors/mangrove_restoration.gpkg")),
                               QStringLiteral("mangrove_restoration"),
                               crs,
                               fields,
                               plots,
                               utf8);
    }
    // Districts.
    {
        const std::vector<VectorField> fields = {
            { QStringLiteral("区划代码"), VectorField::Type::String },
            { QStringLiteral("名称"), VectorField::Type::String },
            { QStringLiteral("name_en"), VectorField::Type::String },
        };
        const char* const zh[] = { "北岭区", "中江区", "南滨区" };
        const char* const en[] = { "Beiling District", "Zhongjiang District", "Nanbin District" };
        std::vector<VectorFeature> districts;
        for (int d = 0; d < 3; ++d) {
            VectorFeature f;
            f.values = { QStringLiteral("4401%1").arg(91 + d),
                         QString::fromUtf8(zh[d]),
                         QString::fromLatin1(en[d]) };
            f.geometry = single(land.districtRing(d));
            districts.push_back(std::move(f));
        }
        gis::writePolygonLayer(abs(QStringLiteral("vectors/districts.gpkg")),
                               QStringLiteral("districts"),
                               crs,
                               fields,
                               districts,
                               utf8);
    }
    progress(97, "Copying parameter tables");

    // ---- parameter tables and the project file --------------------------------------------------
    Project project;
    project.name =
      QStringLiteral("Tanhui sample: fictional Guangzhou-like study area (seed %1)").arg(options.seed);
    project.crs = QStringLiteral("EPSG:4547");
    project.description = QStringLiteral(
      "Generated by tanhui-cli sample; fictional data shaped like the northern hills and southern "
      "estuary of Guangzhou. See docs/sample-project.md.");
    QStringList paramFiles;
    QDirIterator it(QStringLiteral(":/parameters"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        paramFiles << it.next();
    paramFiles.sort();
    QStringList written = sampleProjectFiles();
    for (const QString& res : paramFiles) {
        const QString rel = QStringLiteral("parameters/") + res.mid(QStringLiteral(":/parameters/").size());
        const QString target = dir.filePath(rel);
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile in(res);
        if (!in.open(QIODevice::ReadOnly))
            throw gis::GisError(
              gis::GisError::Kind::Io, "Cannot read " + res.toStdString(), res.toStdString());
        gis::writeFileAtomically(target, in.readAll());
        QString name = rel.mid(QStringLiteral("parameters/").size());
        name.chop(4); // .csv
        project.parameters.push_back({ name, rel });
        written << rel;
    }
    {
        // The regression method has no default coefficients (docs/remote-sensing-carbon.md): the sample
        // carries the §6.1 illustrative template, tagged example and marked sample-only in its source
        // column, so that `carbon --project` can show the method. Never a Tanhui default.
        QString csv = carbon::regressionTemplateCsv();
        csv.replace(QStringLiteral(",\"a,b,form:"),
                    QStringLiteral(",\"SAMPLE ONLY (written by tanhui-cli sample for the fictional sample "
                                   "project; not a Tanhui default, not for reporting); a,b,form:"));
        const QString rel = QStringLiteral("parameters/%1.csv").arg(QLatin1String(kSampleRegressionTable));
        const QString target = dir.filePath(rel);
        gis::writeFileAtomically(target, csv.toUtf8());
        project.parameters.push_back({ QString::fromLatin1(kSampleRegressionTable), rel });
        written << rel;
    }
    for (const LandCoverClass& c : landCoverClasses())
        project.classes.push_back({ c.code,
                                    QString::fromUtf8(c.nameEn),
                                    QString::fromUtf8(c.nameZh),
                                    QString::fromStdString(gis::rgbHex(c.rgb)) });
    for (int y : kLandCoverYears) {
        ProjectLayer l;
        l.id = QStringLiteral("landcover_%1").arg(y);
        l.kind = QStringLiteral("raster");
        l.role = QStringLiteral("landcover");
        l.path = QStringLiteral("rasters/landcover_%1.tif").arg(y);
        l.year = y;
        l.date = QStringLiteral("%1-07-01").arg(y);
        l.units = QStringLiteral("class");
        l.description = QStringLiteral("Land cover %1 (classes in the project's class table)").arg(y);
        project.layers.push_back(l);
    }
    for (int y = kFirstNdviYear; y <= kLastNdviYear; ++y) {
        ProjectLayer l;
        l.id = QStringLiteral("ndvi_%1").arg(y);
        l.kind = QStringLiteral("raster");
        l.role = QStringLiteral("ndvi");
        l.path = QStringLiteral("rasters/ndvi_%1.tif").arg(y);
        l.year = y;
        l.date = QStringLiteral("%1-07-01").arg(y);
        l.units = QStringLiteral("1");
        l.description = QStringLiteral("Annual NDVI %1; cloud gaps are NaN (nodata)").arg(y);
        project.layers.push_back(l);
    }
    {
        ProjectLayer l;
        l.id = QStringLiteral("ndvi_stack");
        l.kind = QStringLiteral("raster");
        l.role = QStringLiteral("ndvi_stack");
        l.path = QStringLiteral("rasters/ndvi_2015-2024.tif");
        l.units = QStringLiteral("1");
        l.description = QStringLiteral("NDVI 2015-2024, one band per year (band metadata DATE)");
        project.layers.push_back(l);
    }
    const char* const staticIds[] = { "dem",     "precipitation", "evapotranspiration",
                                      "rusle_r", "rusle_k",       "rusle_c" };
    for (int k = 0; k < 6; ++k) {
        ProjectLayer l;
        l.id = QString::fromLatin1(staticIds[k]);
        l.kind = QStringLiteral("raster");
        l.role = l.id;
        l.path = QString::fromLatin1(statics[k].file);
        l.units = QString::fromLatin1(statics[k].units);
        l.description = QString::fromLatin1(statics[k].desc);
        if (k == 2 || k == 5) {
            l.year = 2024;
            l.date = QStringLiteral("2024-07-01");
        }
        project.layers.push_back(l);
    }
    {
        ProjectLayer l;
        l.id = QStringLiteral("xiaoban");
        l.kind = QStringLiteral("vector");
        l.role = QStringLiteral("forest_subcompartments");
        l.path = QStringLiteral("vectors/xiaoban.shp");
        l.encoding = QStringLiteral("GBK");
        l.idField = QStringLiteral("小班号");
        l.year = 2015;
        l.description = QStringLiteral("Forest sub-compartments (小班), forest management inventory 2015");
        l.fields = { { QStringLiteral("id"), QStringLiteral("小班号") },
                     { QStringLiteral("ecosystem_type"), QStringLiteral("地类") },
                     { QStringLiteral("origin"), QStringLiteral("起源") },
                     { QStringLiteral("species_group"), QStringLiteral("优势树种") },
                     { QStringLiteral("age_years"), QStringLiteral("林龄") },
                     { QStringLiteral("age_class"), QStringLiteral("龄组") },
                     { QStringLiteral("canopy_closure"), QStringLiteral("郁闭度") },
                     { QStringLiteral("volume_m3_per_ha"), QStringLiteral("每公顷蓄积") },
                     { QStringLiteral("area_ha"), QStringLiteral("面积") },
                     { QStringLiteral("survey_year"), QStringLiteral("调查年度") } };
        l.values = { { QStringLiteral("species_group:阔叶混交林"), QStringLiteral("mixed_broadleaf") },
                     { QStringLiteral("species_group:马尾松"), QStringLiteral("masson_pine") },
                     { QStringLiteral("species_group:杉木"), QStringLiteral("chinese_fir") },
                     { QStringLiteral("species_group:桉树"), QStringLiteral("eucalyptus") },
                     { QStringLiteral("species_group:其他灌木"), QStringLiteral("shrub") },
                     { QStringLiteral("origin:天然"), QStringLiteral("natural") },
                     { QStringLiteral("origin:人工"), QStringLiteral("plantation") },
                     { QStringLiteral("age_class:幼龄林"), QStringLiteral("young") },
                     { QStringLiteral("age_class:中龄林"), QStringLiteral("middle_aged") },
                     { QStringLiteral("age_class:近熟林"), QStringLiteral("pre_mature") },
                     { QStringLiteral("age_class:成熟林"), QStringLiteral("mature") },
                     { QStringLiteral("age_class:过熟林"), QStringLiteral("over_mature") },
                     { QStringLiteral("ecosystem_type:乔木林地"), QStringLiteral("forest") },
                     { QStringLiteral("ecosystem_type:灌木林地"), QStringLiteral("shrubland") },
                     { QStringLiteral("ecosystem_type:采伐迹地"), QStringLiteral("clear_cut") } };
        project.layers.push_back(l);
    }
    {
        ProjectLayer l;
        l.id = QStringLiteral("farmland_plots");
        l.kind = QStringLiteral("vector");
        l.role = QStringLiteral("farmland_plots");
        l.path = QStringLiteral("vectors/farmland_plots.gpkg");
        l.idField = QStringLiteral("地块编码");
        l.description = QStringLiteral("Farmland plots with crop and management");
        l.fields = { { QStringLiteral("id"), QStringLiteral("地块编码") },
                     { QStringLiteral("crop"), QStringLiteral("crop") },
                     { QStringLiteral("straw_return_since"), QStringLiteral("秸秆还田起始年") },
                     { QStringLiteral("organic_fertiliser"), QStringLiteral("施用有机肥") },
                     { QStringLiteral("area_ha"), QStringLiteral("面积") } };
        l.values = { { QStringLiteral("organic_fertiliser:是"), QStringLiteral("yes") },
                     { QStringLiteral("organic_fertiliser:否"), QStringLiteral("no") } };
        project.layers.push_back(l);
    }
    {
        ProjectLayer l;
        l.id = QStringLiteral("wetland_units");
        l.kind = QStringLiteral("vector");
        l.role = QStringLiteral("wetland_units");
        l.path = QStringLiteral("vectors/wetland_units.gpkg");
        l.idField = QStringLiteral("单元编码");
        l.year = 2015;
        l.description = QStringLiteral("Wetland management units by type");
        l.fields = { { QStringLiteral("id"), QStringLiteral("单元编码") },
                     { QStringLiteral("ecosystem_type"), QStringLiteral("type") },
                     { QStringLiteral("area_ha"), QStringLiteral("面积") } };
        project.layers.push_back(l);
    }
    {
        ProjectLayer l;
        l.id = QStringLiteral("mangrove_restoration");
        l.kind = QStringLiteral("vector");
        l.role = QStringLiteral("restoration_plots");
        l.path = QStringLiteral("vectors/mangrove_restoration.gpkg");
        l.idField = QStringLiteral("plot_id");
        l.description = QStringLiteral("Mangrove restoration plots planted on tidal flat");
        l.fields = { { QStringLiteral("id"), QStringLiteral("plot_id") },
                     { QStringLiteral("planting_year"), QStringLiteral("种植年份") },
                     { QStringLiteral("species"), QStringLiteral("树种") },
                     { QStringLiteral("area_ha"), QStringLiteral("面积") } };
        project.layers.push_back(l);
    }
    {
        ProjectLayer l;
        l.id = QStringLiteral("districts");
        l.kind = QStringLiteral("vector");
        l.role = QStringLiteral("districts");
        l.path = QStringLiteral("vectors/districts.gpkg");
        l.idField = QStringLiteral("区划代码");
        l.description = QStringLiteral("Fictional districts for grouping results");
        l.fields = { { QStringLiteral("id"), QStringLiteral("区划代码") },
                     { QStringLiteral("name"), QStringLiteral("名称") },
                     { QStringLiteral("name_en"), QStringLiteral("name_en") } };
        project.layers.push_back(l);
    }
    // Carbon section (docs/carbon-project.md): forest 小班 by stand volume (§5) carried by gain − loss
    // (§3.2), the other parcels by their methods; districts group the results.
    {
        ProjectCarbon& c = project.carbon;
        c.present = true;
        for (int y : kLandCoverYears)
            c.years.push_back(y);
        c.layers = { { QStringLiteral("xiaoban"), {}, QStringLiteral("ecosystem_type"), {} },
                     { QStringLiteral("farmland_plots"), QStringLiteral("cropland"), {}, {} },
                     { QStringLiteral("wetland_units"), {}, QStringLiteral("ecosystem_type"), {} },
                     { QStringLiteral("mangrove_restoration"), QStringLiteral("mangrove"), {}, {} } };
        // Several methods per type: the first is the primary one (totals by type and district).
        auto entry = [](const char* method, QMap<QString, QString> options = {}) {
            return ProjectCarbonMethod{ QString::fromLatin1(method), std::move(options) };
        };
        // Forest and clear-cut 小班: the inventory stock carried by gain − loss (volume_gainloss) is primary,
        // so both have a stock at every date and a change in every interval; the single-date volume stock
        // and the other methods stay beside it for comparison.
        const QMap<QString, QString> constant = { { QStringLiteral("bef_form"),
                                                    QStringLiteral("constant") } };
        c.methods.insert(QStringLiteral("forest"),
                         { entry("volume_gainloss", constant),
                           entry("volume", constant),
                           entry("pools"),
                           entry("gainloss"),
                           entry("regression") });
        c.methods.insert(QStringLiteral("cropland"), { entry("soil"), entry("pools") });
        // Blue carbon: the CBC engine on wetland units; the Tier 1 route on the restoration plots (the
        // layer maps planting_year, so route "auto" takes it).
        for (const char* type : { "mangrove", "tidal_flat", "marsh" })
            c.methods.insert(QString::fromLatin1(type), { entry("bluecarbon") });
        c.methods.insert(QStringLiteral("clear_cut"), { entry("volume_gainloss", constant), entry("pools") });
        for (const char* type : { "shrubland", "fishpond_dyke", "river", "reservoir" })
            c.methods.insert(QString::fromLatin1(type), { entry("pools") });
        // Where layers overlap, the ground counts once, for the first of them (docs/carbon-project.md,
        // "Overlapping layers"): the restoration plots inside tidal-flat units, then the wetland units,
        // the 小班, the farm plots (the default order by role, written out so that it can be edited).
        c.precedence = { QStringLiteral("mangrove_restoration"),
                         QStringLiteral("wetland_units"),
                         QStringLiteral("xiaoban"),
                         QStringLiteral("farmland_plots") };
        c.groupName = QStringLiteral("district");
        c.groupLayer = QStringLiteral("districts");
        c.groupField = QStringLiteral("name");
        c.price = 220;
        c.discountPct = 8;
        c.priceChangePct = 0;
        c.parameters = { { QStringLiteral("pools"), QStringLiteral("carbon/carbon_pools") },
                         { QStringLiteral("species"), QStringLiteral("carbon/species_params_cn") },
                         { QStringLiteral("regression"), QString::fromLatin1(kSampleRegressionTable) } };
        // Ecosystem per date (docs/carbon-project.md): a parcel mostly built-up (class 61) at a date is
        // settlement at that date.
        c.landUseChange = { { QStringLiteral("settlement"), { 61 }, 0.5 } };
    }
    // GEP section (docs/gep.md "Project settings"): new projects value with the NDRC 2022 profile, the
    // water-surface variant of the later specifications (÷ COP, gep-methods.md §4.10) and the P0 prices
    // (2010 level, named in every output; a price year is the user's choice, §5.3). D = 120
    // air-conditioning days is the demo's setting (the reference gives no default).
    {
        ProjectGep& g = project.gep;
        g.present = true;
        g.profile = QStringLiteral("NDRC2022");
        g.priceSet = QStringLiteral("P0_RCEES2010");
        g.climateVariant = QStringLiteral("cop");
        g.acDays = 120;
    }
    // A restoration plan (docs/carbon-project.md "Restoration plans"): every 8th fishpond dyke and
    // tidal-flat unit planted with mangrove from 2026, compared with the baseline in 2036.
    {
        ProjectPlan plan;
        plan.name = QStringLiteral("mangrove_2026");
        plan.description =
          QStringLiteral("Every 8th fishpond dyke and tidal-flat unit planted with mangrove from 2026");
        plan.changes.push_back(
          { QStringLiteral("wetland_units"), planUnits, {}, QStringLiteral("mangrove"), 2026, {} });
        project.plans.push_back(plan);
    }
    project.save(dir.filePath(QLatin1String(kProjectFileName)));
    written << QString::fromLatin1(kProjectFileName);
    progress(100, "Done");
    return written;
}

} // namespace tanhui::models::sample
