// SPDX-License-Identifier: GPL-3.0-or-later
//
// tanhui-bench-scene: writes the deterministic city-scale benchmark scene.
//
//   DIR/landcover_2015.tif  Byte land-cover raster, EPSG:4547, 10 m cells, 512x512 DEFLATE tiles
//   DIR/landcover_2024.tif  the same landscape nine years later (urban growth, new fish ponds)
//   DIR/parcels.gpkg        N Voronoi parcels (layer "parcels", integer field "id") tiling the extent
//
// With --parcels-only only the parcels are written (scripts/bench-memory.sh lays them over a mosaic
// of the city rasters, tanhui-bench-mosaic).
//
// The landscape is built from value-noise fBm fields (elevation, moisture, urban potential, rivers)
// thresholded into land-cover classes. Every random number comes from splitmix64 hashes of the seed and
// lattice coordinates, so the output depends only on --size, --parcels and --seed. The rasters are
// produced one 512-row block row at a time (both years in the same pass), so memory stays bounded.
//
// The parcels are the Voronoi diagram of jittered seeds laid out in rows (one seed per cell of a
// near-square grid), clipped to the raster extent. Each cell is computed exactly by clipping the extent
// rectangle with the bisector half-planes of the seeds in the surrounding rows/columns; with one seed
// per grid cell every Voronoi neighbour lies within 3 cells, so a +-4 window is exact.

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <geos_c.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

constexpr int kGeneratorVersion = 1;  // bump when the scene changes, so cached scenes are rebuilt
constexpr int kEpsg = 4547;           // CGCS2000 / 3-degree Gauss-Kruger CM 114E
constexpr double kCell = 10.0;        // metres
constexpr double kOriginX = 390000.0; // upper-left corner, roughly Guangzhou in CM 114E
constexpr double kOriginY = 2630000.0;
constexpr int kBlock = 512;
constexpr unsigned char kNoData = 255;

struct Options {
    std::string outDir;
    int size = 8600;
    int parcels = 100000;
    std::uint64_t seed = 1;
    bool force = false;
    bool validate = false;
    bool parcelsOnly = false; ///< no rasters (the memory benchmark mosaics the city rasters instead)
};

[[noreturn]] void usage(int code) {
    std::fprintf(code == 0 ? stdout : stderr,
                 "usage: tanhui-bench-scene --out DIR [--size N] [--parcels N] [--seed S] [--force] "
                 "[--validate] [--parcels-only]\n"
                 "  --size N      raster width and height in 10 m cells (default 8600)\n"
                 "  --parcels N   number of Voronoi parcels (default 100000)\n"
                 "  --seed S      seed of the deterministic generator (default 1)\n"
                 "  --force       regenerate files that already exist\n"
                 "  --validate    check every parcel with GEOSisValid and the total area\n"
                 "  --parcels-only  write only parcels.gpkg (no rasters)\n");
    std::exit(code);
}

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "tanhui-bench-scene: %s\n", message.c_str());
    std::exit(1);
}

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

constexpr std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/// Hash of (seed, stream, i, j) mapped to [0, 1) with 53 random bits.
double hash01(std::uint64_t seed, std::uint64_t stream, std::int64_t i, std::int64_t j) {
    std::uint64_t h = splitmix64(seed ^ splitmix64(stream));
    h = splitmix64(h ^ static_cast<std::uint64_t>(i));
    h = splitmix64(h ^ static_cast<std::uint64_t>(j));
    return static_cast<double>(h >> 11) * 0x1.0p-53;
}

/// Sequential splitmix64 generator.
class Rng {
public:
    explicit Rng(std::uint64_t seed)
      : state_(seed) {}
    std::uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = state_;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

private:
    std::uint64_t state_;
};

// ---------------------------------------------------------------------------------------------
// Value-noise fBm evaluated one raster row at a time

double smooth(double t) {
    return t * t * (3.0 - 2.0 * t);
}

/// fBm of value noise over world metres. For one row, each octave first interpolates the lattice in y
/// for every lattice column the row touches, then each pixel only interpolates in x.
class Fbm {
public:
    Fbm(std::uint64_t seed, std::uint64_t stream, double wavelength, int octaves, double gain = 0.5) {
        double amp = 1.0;
        double total = 0.0;
        for (int o = 0; o < octaves; ++o) {
            octaves_.push_back({ stream * 64 + static_cast<std::uint64_t>(o), wavelength, amp });
            total += amp;
            wavelength *= 0.5;
            amp *= gain;
        }
        for (auto& oct : octaves_)
            oct.amp /= total;
        seed_ = seed;
    }

    /// Adds the field for world row y (metres, relative to the origin) at columns x = (c + 0.5) * cell
    /// for c in [0, width) into out (values in [0, 1]).
    void row(double y, int width, std::vector<double>& lattice, double* out) const {
        std::fill(out, out + width, 0.0);
        for (const Octave& oct : octaves_) {
            const double fy = y / oct.wavelength;
            const double iy = std::floor(fy);
            const double sy = smooth(fy - iy);
            const auto j = static_cast<std::int64_t>(iy);
            const double step = kCell / oct.wavelength;
            const auto nLattice = static_cast<std::size_t>(std::ceil(width * step)) + 2;
            lattice.resize(nLattice);
            for (std::size_t i = 0; i < nLattice; ++i) {
                const double a = hash01(seed_, oct.stream, static_cast<std::int64_t>(i), j);
                const double b = hash01(seed_, oct.stream, static_cast<std::int64_t>(i), j + 1);
                lattice[i] = a + (b - a) * sy;
            }
            for (int c = 0; c < width; ++c) {
                const double fx = (c + 0.5) * step;
                const double ix = std::floor(fx);
                const double sx = smooth(fx - ix);
                const auto i = static_cast<std::size_t>(ix);
                out[c] += oct.amp * (lattice[i] + (lattice[i + 1] - lattice[i]) * sx);
            }
        }
    }

private:
    struct Octave {
        std::uint64_t stream;
        double wavelength;
        double amp;
    };
    std::vector<Octave> octaves_;
    std::uint64_t seed_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Landscape

struct Disc {
    double x, y, r; // metres relative to the origin, y growing downwards
};

struct Landscape {
    Landscape(std::uint64_t sceneSeed, double extent)
      : elevation(sceneSeed, 1, 24000.0, 7)
      , moisture(sceneSeed, 2, 9000.0, 6)
      , urban(sceneSeed, 3, 7000.0, 5)
      , river(sceneSeed, 4, 30000.0, 4, 0.45)
      , detail(sceneSeed, 5, 1200.0, 3)
      , growth(sceneSeed, 6, 5000.0, 4)
      , fine(sceneSeed, 7, 320.0, 3, 0.6)
      , seed(sceneSeed) {
        Rng rng(splitmix64(seed ^ 0x5EEDC0DEULL));
        // City centres pull the urban potential up (a Guangzhou-like core plus satellite towns).
        centres.push_back({ extent * 0.55, extent * 0.45, extent * 0.18 });
        const int towns = std::max(3, static_cast<int>(extent / 15000.0));
        for (int t = 0; t < towns; ++t)
            centres.push_back({ rng.uniform(0.1, 0.9) * extent,
                                rng.uniform(0.1, 0.9) * extent,
                                rng.uniform(0.03, 0.07) * extent });
        // No-data patches (cloud masks, survey gaps): a few shared discs plus one per year.
        for (int k = 0; k < 4; ++k)
            holesBoth.push_back({ rng.uniform(0.05, 0.95) * extent,
                                  rng.uniform(0.05, 0.95) * extent,
                                  rng.uniform(0.004, 0.012) * extent });
        holes2015 = { rng.uniform(0.1, 0.9) * extent, rng.uniform(0.1, 0.9) * extent, 0.01 * extent };
        holes2024 = { rng.uniform(0.1, 0.9) * extent, rng.uniform(0.1, 0.9) * extent, 0.015 * extent };
    }

    Fbm elevation, moisture, urban, river, detail, growth, fine;
    std::uint64_t seed;
    std::vector<Disc> centres;
    std::vector<Disc> holesBoth;
    Disc holes2015{}, holes2024{};
};

bool inside(const Disc& d, double x, double y) {
    const double dx = x - d.x;
    const double dy = y - d.y;
    return dx * dx + dy * dy <= d.r * d.r;
}

struct RowScratch {
    std::vector<double> lattice, e, m, u, r, d, g, f, cityBoost;
};

/// Classifies one raster row into both years.
void classifyRow(const Landscape& ls,
                 int row,
                 int width,
                 RowScratch& s,
                 unsigned char* out2015,
                 unsigned char* out2024) {
    const double y = (row + 0.5) * kCell;
    for (auto* v : { &s.e, &s.m, &s.u, &s.r, &s.d, &s.g, &s.f, &s.cityBoost })
        v->resize(static_cast<std::size_t>(width));
    ls.elevation.row(y, width, s.lattice, s.e.data());
    ls.moisture.row(y, width, s.lattice, s.m.data());
    ls.urban.row(y, width, s.lattice, s.u.data());
    ls.river.row(y, width, s.lattice, s.r.data());
    ls.detail.row(y, width, s.lattice, s.d.data());
    ls.growth.row(y, width, s.lattice, s.g.data());
    ls.fine.row(y, width, s.lattice, s.f.data());

    std::fill(s.cityBoost.begin(), s.cityBoost.end(), 0.0);
    for (const Disc& c : ls.centres) {
        const double dy = y - c.y;
        const double reach2 = 9.0 * c.r * c.r - dy * dy;
        if (reach2 <= 0.0)
            continue;
        const double reach = std::sqrt(reach2);
        const int c0 = std::max(0, static_cast<int>((c.x - reach) / kCell));
        const int c1 = std::min(width, static_cast<int>((c.x + reach) / kCell) + 1);
        for (int col = c0; col < c1; ++col) {
            const double dx = (col + 0.5) * kCell - c.x;
            const double q = (dx * dx + dy * dy) / (c.r * c.r);
            if (q < 9.0)
                s.cityBoost[col] = std::max(s.cityBoost[col], std::exp(-q));
        }
    }

    // Field plots: rectangles of 80 x 50 m (8 x 5 cells) with staggered rows, each with its own
    // crop draw, give agricultural land the mosaic of real 10 m land-cover maps.
    const std::int64_t plotRow = row / 5;
    const int plotShift = static_cast<int>(splitmix64(ls.seed ^ static_cast<std::uint64_t>(plotRow)) % 8);

    for (int col = 0; col < width; ++col) {
        const double x = (col + 0.5) * kCell;
        // Fine noise makes class boundaries ragged; fBm values cluster around 0.5, so stretch them.
        const double f = s.f[col] - 0.5;
        const double e = std::clamp((s.e[col] - 0.5) * 2.6 + 0.5 + 0.10 * f, 0.0, 1.0);
        const double m = std::clamp((s.m[col] - 0.5) * 2.4 + 0.5 + 0.25 * f, 0.0, 1.0);
        const double d = s.d[col] + 0.3 * f;
        const double lowland = std::clamp((0.62 - e) * 3.0, 0.0, 1.0);
        const double u =
          (s.u[col] - 0.5) * 2.0 + 0.5 + 0.55 * s.cityBoost[col] * (0.4 + 0.6 * lowland) + 0.12 * f;
        const double riverDist = std::abs(s.r[col] - 0.5);
        const double riverWidth = 0.002 + 0.004 * lowland;
        const double plot = hash01(ls.seed, 100, (col + plotShift) / 8, plotRow);
        const double speckle = hash01(ls.seed, 101, col, row);

        unsigned char c15;
        if (riverDist < riverWidth || e < 0.12)
            c15 = 41; // rivers, lakes
        else if (u > 0.80)
            c15 = (f > 0.17) ? 31 : 51; // urban built-up with parks
        else if (u > 0.72 && d > 0.45)
            c15 = 52; // rural settlement
        else if (e > 0.80 && m < 0.35)
            c15 = 61; // bare rock
        else if (e > 0.62)
            c15 = (d > 0.60) ? 22 : 21; // shrub / forest
        else if (e > 0.55)
            c15 = (m > 0.50) ? 21 : 23; // forest / sparse woodland on foothills
        else {
            // Farmland: the plot's draw against the moisture picks the crop.
            const double w = m + 0.35 * (plot - 0.5);
            if (w > 0.60)
                c15 = (d > 0.65 && lowland > 0.5 && plot > 0.7) ? 42 : 11; // fish ponds / paddy
            else if (w < 0.25)
                c15 = 31; // grassland
            else
                c15 = (plot < 0.25) ? 13 : 12; // orchard / dry land
        }
        // Classification noise: about 3% of the cells take a neighbouring class.
        if (speckle < 0.03 && c15 != 41) {
            static constexpr std::array<unsigned char, 6> kConfused{ 12, 11, 21, 23, 31, 52 };
            c15 = kConfused[static_cast<std::size_t>(speckle * 200.0) % kConfused.size()];
        }

        // 2024: the urban potential rises near existing cities, new ponds replace some paddy, and a
        // little forest is cleared to shrub.
        unsigned char c24 = c15;
        const double g = s.g[col];
        const double u24 = u + 0.05 + 0.10 * s.cityBoost[col] + 0.06 * (g - 0.5);
        if (c15 != 41 && c15 != 61 && c15 != 51 && u24 > 0.80)
            c24 = (f > 0.2) ? 31 : 51;
        else if (c15 == 11 && g > 0.60 && plot > 0.5)
            c24 = 42;
        else if (c15 == 21 && g < 0.36 && d > 0.62)
            c24 = 22;
        else if (c15 == 12 && g > 0.64 && plot > 0.4)
            c24 = 13;
        else if (speckle > 0.985 && c15 != 41)
            c24 = 12; // fresh classification noise in the later map

        bool hole = false;
        for (const Disc& h : ls.holesBoth)
            hole = hole || inside(h, x, y);
        out2015[col] = (hole || inside(ls.holes2015, x, y)) ? kNoData : c15;
        out2024[col] = (hole || inside(ls.holes2024, x, y)) ? kNoData : c24;
    }
}

OGRSpatialReferenceH makeSrs() {
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    if (OSRImportFromEPSG(srs, kEpsg) != OGRERR_NONE)
        fail("cannot build EPSG:4547 (is proj.db installed?)");
    OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

GDALDatasetH createRaster(const std::string& path, int size, OGRSpatialReferenceH srs) {
    GDALDriverH drv = GDALGetDriverByName("GTiff");
    if (!drv)
        fail("GTiff driver missing");
    char** opts = nullptr;
    opts = CSLSetNameValue(opts, "TILED", "YES");
    opts = CSLSetNameValue(opts, "BLOCKXSIZE", std::to_string(kBlock).c_str());
    opts = CSLSetNameValue(opts, "BLOCKYSIZE", std::to_string(kBlock).c_str());
    opts = CSLSetNameValue(opts, "COMPRESS", "DEFLATE");
    opts = CSLSetNameValue(opts, "NUM_THREADS", "ALL_CPUS");
    opts = CSLSetNameValue(opts, "BIGTIFF", "IF_SAFER");
    GDALDatasetH ds = GDALCreate(drv, path.c_str(), size, size, 1, GDT_Byte, opts);
    CSLDestroy(opts);
    if (!ds)
        fail("cannot create " + path + ": " + CPLGetLastErrorMsg());
    double gt[6] = { kOriginX, kCell, 0.0, kOriginY, 0.0, -kCell };
    GDALSetGeoTransform(ds, gt);
    GDALSetSpatialRef(ds, srs);
    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    GDALSetRasterNoDataValue(band, kNoData);
    return ds;
}

void writeRasters(const Options& opt,
                  const std::string& p15,
                  const std::string& p24,
                  OGRSpatialReferenceH srs) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::string tmp15 = p15 + ".part";
    const std::string tmp24 = p24 + ".part";
    GDALDatasetH ds15 = createRaster(tmp15, opt.size, srs);
    GDALDatasetH ds24 = createRaster(tmp24, opt.size, srs);
    const Landscape ls(opt.seed, opt.size * kCell);

    const std::size_t width = static_cast<std::size_t>(opt.size);
    std::vector<unsigned char> buf15(width * kBlock), buf24(width * kBlock);
    const unsigned nThreads = std::max(1U, std::min(8U, std::thread::hardware_concurrency()));
    std::vector<RowScratch> scratch(nThreads);

    for (int y0 = 0; y0 < opt.size; y0 += kBlock) {
        const int rows = std::min(kBlock, opt.size - y0);
        std::vector<std::thread> workers;
        for (unsigned t = 0; t < nThreads; ++t) {
            workers.emplace_back([&, t] {
                for (int r = static_cast<int>(t); r < rows; r += static_cast<int>(nThreads))
                    classifyRow(
                      ls, y0 + r, opt.size, scratch[t], buf15.data() + r * width, buf24.data() + r * width);
            });
        }
        for (auto& w : workers)
            w.join();
        for (auto [ds, buf] : { std::pair{ ds15, &buf15 }, std::pair{ ds24, &buf24 } }) {
            if (GDALDatasetRasterIO(ds,
                                    GF_Write,
                                    0,
                                    y0,
                                    opt.size,
                                    rows,
                                    buf->data(),
                                    opt.size,
                                    rows,
                                    GDT_Byte,
                                    1,
                                    nullptr,
                                    0,
                                    0,
                                    0) != CE_None)
                fail(std::string("raster write failed: ") + CPLGetLastErrorMsg());
        }
        std::fprintf(stderr, "\r  rasters: %d/%d rows", y0 + rows, opt.size);
    }
    std::fprintf(stderr, "\n");
    GDALClose(ds15);
    GDALClose(ds24);
    std::filesystem::rename(tmp15, p15);
    std::filesystem::rename(tmp24, p24);
    // Statistics that GDAL/QGIS cached for an earlier version of the files would now be wrong.
    std::filesystem::remove(p15 + ".aux.xml");
    std::filesystem::remove(p24 + ".aux.xml");
    std::printf(
      "rasters: %s, %s (%d x %d) in %.1f s\n", p15.c_str(), p24.c_str(), opt.size, opt.size, seconds(t0));
}

// ---------------------------------------------------------------------------------------------
// Voronoi parcels

struct Pt {
    double x, y;
};

/// Keeps the part of the convex polygon `poly` closer to p than to q (Sutherland-Hodgman step).
void clipBisector(std::vector<Pt>& poly, std::vector<Pt>& tmp, Pt p, Pt q) {
    // Points z with (z - mid) . (q - p) <= 0 are on p's side.
    const double nx = q.x - p.x;
    const double ny = q.y - p.y;
    const double c = (nx * (p.x + q.x) + ny * (p.y + q.y)) * 0.5;
    tmp.clear();
    const std::size_t n = poly.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Pt a = poly[i];
        const Pt b = poly[(i + 1) % n];
        const double da = nx * a.x + ny * a.y - c;
        const double db = nx * b.x + ny * b.y - c;
        if (da <= 0)
            tmp.push_back(a);
        if ((da < 0 && db > 0) || (da > 0 && db < 0)) {
            const double t = da / (da - db);
            tmp.push_back({ a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t });
        }
    }
    poly.swap(tmp);
}

struct SeedLayout {
    int rows = 0;
    std::vector<int> rowStart; // index of the first seed of each row (rows + 1 entries)
    std::vector<Pt> seeds;
};

/// One jittered seed per cell of a near-square grid; rows hold floor or ceil(n / rows) seeds so the
/// total is exactly n.
SeedLayout layoutSeeds(int n, double extent, std::uint64_t seed) {
    SeedLayout l;
    l.rows = std::max(1, static_cast<int>(std::lround(std::sqrt(static_cast<double>(n)))));
    const int base = n / l.rows;
    const int extra = n % l.rows;
    const double h = extent / l.rows;
    Rng rng(splitmix64(seed ^ 0xBA7C0DE5ULL));
    l.rowStart.push_back(0);
    for (int r = 0; r < l.rows; ++r) {
        // Spread the longer rows evenly instead of stacking them at the top.
        const int count = base + (((r * extra) % l.rows) < extra ? 1 : 0);
        const double w = extent / count;
        for (int c = 0; c < count; ++c)
            l.seeds.push_back({ (c + rng.uniform(0.02, 0.98)) * w, (r + rng.uniform(0.02, 0.98)) * h });
        l.rowStart.push_back(static_cast<int>(l.seeds.size()));
    }
    if (static_cast<int>(l.seeds.size()) != n)
        fail("internal error: seed count");
    return l;
}

void writeParcels(const Options& opt, const std::string& path, OGRSpatialReferenceH srs) {
    const auto t0 = std::chrono::steady_clock::now();
    const double extent = opt.size * kCell;
    const SeedLayout l = layoutSeeds(opt.parcels, extent, opt.seed);

    const std::string tmp = path + ".part.gpkg";
    std::filesystem::remove(tmp);
    GDALDriverH drv = GDALGetDriverByName("GPKG");
    if (!drv)
        fail("GPKG driver missing");
    GDALDatasetH ds = GDALCreate(drv, tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds)
        fail("cannot create " + tmp + ": " + CPLGetLastErrorMsg());
    char** lopts = CSLSetNameValue(nullptr, "SPATIAL_INDEX", "YES");
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "parcels", srs, wkbPolygon, lopts);
    CSLDestroy(lopts);
    if (!layer)
        fail(std::string("cannot create layer: ") + CPLGetLastErrorMsg());
    OGRFieldDefnH fd = OGR_Fld_Create("id", OFTInteger);
    OGR_L_CreateField(layer, fd, TRUE);
    OGR_Fld_Destroy(fd);
    const int idField = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), "id");

    GEOSContextHandle_t geos = opt.validate ? GEOS_init_r() : nullptr;
    long invalid = 0;
    double totalArea = 0.0;

    if (GDALDatasetStartTransaction(ds, FALSE) != OGRERR_NONE)
        fail("cannot start transaction");
    std::vector<Pt> poly, tmpPoly;
    OGRFeatureH feat = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    constexpr int kWindow = 4; // rows/columns searched around each seed's own cell
    for (int r = 0; r < l.rows; ++r) {
        const int count = l.rowStart[r + 1] - l.rowStart[r];
        for (int c = 0; c < count; ++c) {
            const Pt p = l.seeds[static_cast<std::size_t>(l.rowStart[r] + c)];
            poly = { { 0, 0 }, { extent, 0 }, { extent, extent }, { 0, extent } };
            for (int rr = std::max(0, r - kWindow); rr <= std::min(l.rows - 1, r + kWindow); ++rr) {
                const int cnt = l.rowStart[rr + 1] - l.rowStart[rr];
                // Column in row rr under p, then +-kWindow around it.
                const int cc = static_cast<int>(p.x / (extent / cnt));
                for (int k = std::max(0, cc - kWindow); k <= std::min(cnt - 1, cc + kWindow); ++k) {
                    if (rr == r && k == c)
                        continue;
                    clipBisector(poly, tmpPoly, p, l.seeds[static_cast<std::size_t>(l.rowStart[rr] + k)]);
                }
            }
            // World coordinates (y up), rounded to 1 mm so neighbours share identical vertices.
            OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
            double lastX = NAN, lastY = NAN;
            double firstX = NAN, firstY = NAN;
            for (const Pt& v : poly) {
                const double wx = std::round((kOriginX + v.x) * 1000.0) / 1000.0;
                const double wy = std::round((kOriginY - v.y) * 1000.0) / 1000.0;
                if (wx == lastX && wy == lastY)
                    continue;
                if (std::isnan(firstX)) {
                    firstX = wx;
                    firstY = wy;
                }
                OGR_G_AddPoint_2D(ring, wx, wy);
                lastX = wx;
                lastY = wy;
            }
            if (lastX == firstX && lastY == firstY)
                OGR_G_SetPointCount(ring, OGR_G_GetPointCount(ring) - 1);
            // The clipped ring runs clockwise in world coordinates (y flipped); reverse it so the
            // exterior ring is counter-clockwise, then close it.
            const int np = OGR_G_GetPointCount(ring);
            OGRGeometryH ccw = OGR_G_CreateGeometry(wkbLinearRing);
            for (int i = np - 1; i >= 0; --i)
                OGR_G_AddPoint_2D(ccw, OGR_G_GetX(ring, i), OGR_G_GetY(ring, i));
            OGR_G_AddPoint_2D(ccw, OGR_G_GetX(ring, np - 1), OGR_G_GetY(ring, np - 1));
            OGR_G_DestroyGeometry(ring);
            OGRGeometryH polygon = OGR_G_CreateGeometry(wkbPolygon);
            OGR_G_AddGeometryDirectly(polygon, ccw);

            const int id = l.rowStart[r] + c + 1;
            if (geos) {
                int size = OGR_G_WkbSize(polygon);
                std::vector<unsigned char> wkb(static_cast<std::size_t>(size));
                OGR_G_ExportToWkb(polygon, wkbNDR, wkb.data());
                GEOSGeometry* g = GEOSGeomFromWKB_buf_r(geos, wkb.data(), wkb.size());
                if (!g || GEOSisValid_r(geos, g) != 1) {
                    if (++invalid <= 5)
                        std::fprintf(stderr, "  parcel %d is invalid\n", id);
                }
                double a = 0.0;
                if (g && GEOSArea_r(geos, g, &a))
                    totalArea += a;
                if (g)
                    GEOSGeom_destroy_r(geos, g);
            }

            OGR_F_SetFID(feat, id);
            OGR_F_SetFieldInteger(feat, idField, id);
            OGR_F_SetGeometryDirectly(feat, polygon);
            if (OGR_L_CreateFeature(layer, feat) != OGRERR_NONE)
                fail(std::string("cannot write parcel: ") + CPLGetLastErrorMsg());
        }
        if (r % 16 == 0 || r == l.rows - 1)
            std::fprintf(stderr, "\r  parcels: %d/%d", l.rowStart[r + 1], opt.parcels);
    }
    std::fprintf(stderr, "\n");
    OGR_F_Destroy(feat);
    if (GDALDatasetCommitTransaction(ds) != OGRERR_NONE)
        fail(std::string("commit failed: ") + CPLGetLastErrorMsg());
    GDALClose(ds);
    std::filesystem::rename(tmp, path);
    std::printf("parcels: %s (%d polygons) in %.1f s\n", path.c_str(), opt.parcels, seconds(t0));
    if (geos) {
        std::printf("validate: %ld invalid parcels; area %.1f m2 vs extent %.1f m2 (%.6f%%)\n",
                    invalid,
                    totalArea,
                    extent * extent,
                    100.0 * (totalArea - extent * extent) / (extent * extent));
        GEOS_finish_r(geos);
        if (invalid > 0)
            std::exit(2);
    }
}

Options parseArgs(int argc, char** argv) {
    Options o;
    auto value = [&](int& i) -> std::string {
        if (i + 1 >= argc)
            usage(2);
        return argv[++i];
    };
    auto positive = [](const std::string& s) {
        char* end = nullptr;
        const long v = std::strtol(s.c_str(), &end, 10);
        if (!end || *end != '\0' || v <= 0 || v > 1000000000L)
            fail("expected a positive integer, got '" + s + "'");
        return static_cast<int>(v);
    };
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--out")
            o.outDir = value(i);
        else if (a == "--size")
            o.size = positive(value(i));
        else if (a == "--parcels")
            o.parcels = positive(value(i));
        else if (a == "--seed")
            o.seed = std::strtoull(value(i).c_str(), nullptr, 10);
        else if (a == "--force")
            o.force = true;
        else if (a == "--validate")
            o.validate = true;
        else if (a == "--parcels-only")
            o.parcelsOnly = true;
        else if (a == "-h" || a == "--help")
            usage(0);
        else
            usage(2);
    }
    if (o.outDir.empty())
        usage(2);
    return o;
}

} // namespace

int main(int argc, char** argv) {
    const Options opt = parseArgs(argc, argv);
    GDALAllRegister();
    // Keep the block cache small: every block row is complete when written, so caching buys nothing
    // and a large cache would hold the whole uncompressed raster until close.
    GDALSetCacheMax64(64LL * 1024 * 1024);
    std::filesystem::create_directories(opt.outDir);
    const auto t0 = std::chrono::steady_clock::now();

    const std::string p15 = opt.outDir + "/landcover_2015.tif";
    const std::string p24 = opt.outDir + "/landcover_2024.tif";
    const std::string pg = opt.outDir + "/parcels.gpkg";
    OGRSpatialReferenceH srs = makeSrs();

    // The stamp records what the files in DIR were generated with; a mismatch regenerates them.
    const std::string stampPath = opt.outDir + "/scene.txt";
    const std::string stamp = "tanhui-bench-scene v" + std::to_string(kGeneratorVersion) + " size " +
                              std::to_string(opt.size) + " parcels " + std::to_string(opt.parcels) +
                              " seed " + std::to_string(opt.seed) + (opt.parcelsOnly ? " parcels-only" : "") +
                              "\n";
    std::string oldStamp;
    if (std::FILE* f = std::fopen(stampPath.c_str(), "r")) {
        char line[256] = {};
        if (std::fgets(line, sizeof line, f))
            oldStamp = line;
        std::fclose(f);
    }
    bool force = opt.force;
    if (oldStamp != stamp && (std::filesystem::exists(p15) || std::filesystem::exists(pg))) {
        std::printf("scene in %s was generated with different parameters; regenerating\n",
                    opt.outDir.c_str());
        force = true;
    }
    std::filesystem::remove(stampPath);

    if (opt.parcelsOnly) {
        std::filesystem::remove(p15);
        std::filesystem::remove(p24);
    } else if (force || !std::filesystem::exists(p15) || !std::filesystem::exists(p24)) {
        writeRasters(opt, p15, p24, srs);
    } else {
        std::printf("rasters: %s, %s exist (use --force to regenerate)\n", p15.c_str(), p24.c_str());
    }
    if (force || !std::filesystem::exists(pg))
        writeParcels(opt, pg, srs);
    else
        std::printf("parcels: %s exists (use --force to regenerate)\n", pg.c_str());

    OSRDestroySpatialReference(srs);
    if (std::FILE* f = std::fopen(stampPath.c_str(), "w")) {
        std::fputs(stamp.c_str(), f);
        std::fclose(f);
    }
    std::printf("scene ready in %.1f s\n", seconds(t0));
    return 0;
}
