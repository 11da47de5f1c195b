// SPDX-License-Identifier: GPL-3.0-or-later
// Zonal engine: reference results from other software on real data (../shared/data), invariance to
// threads and tiling, reprojection, nodata, bad geometry and cancellation.
#include "TestUtil.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/ParcelReader.h"
#include "gis/ZonalEngine.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <cpl_conv.h>
#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <map>
#include <mutex>
#include <set>

using namespace tanhui::gis;

namespace {

struct CsvTable {
    QStringList header;
    std::vector<QStringList> rows;
    int column(const QString& name) const { return int(header.indexOf(name)); }
};

CsvTable readCsv(const QString& path) {
    CsvTable t;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return t;
    auto split = [](QString line) {
        QStringList out;
        for (QString& s : line.trimmed().split(QLatin1Char(',')))
            out << s.remove(QLatin1Char('"'));
        return out;
    };
    t.header = split(QString::fromUtf8(f.readLine()));
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine());
        if (!line.trimmed().isEmpty())
            t.rows.push_back(split(line));
    }
    return t;
}

/// Writes a Float64 GeoTIFF with the given grid, EPSG code and values (row-major).
void writeTiff(const QString& path,
               const Grid& g,
               int epsg,
               const std::vector<double>& values,
               double nodata = std::nan(""),
               const char* const* options = nullptr) {
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"),
                                 path.toUtf8().constData(),
                                 g.cols,
                                 g.rows,
                                 1,
                                 GDT_Float64,
                                 const_cast<char**>(options));
    double gt[6] = { g.originX, g.cellWidth, 0, g.originY, 0, -g.cellHeight };
    GDALSetGeoTransform(ds, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, epsg);
    GDALSetSpatialRef(ds, srs);
    OSRDestroySpatialReference(srs);
    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    if (!std::isnan(nodata) || options == nullptr)
        GDALSetRasterNoDataValue(band, nodata);
    if (GDALRasterIO(band,
                     GF_Write,
                     0,
                     0,
                     g.cols,
                     g.rows,
                     const_cast<double*>(values.data()),
                     g.cols,
                     g.rows,
                     GDT_Float64,
                     0,
                     0) != CE_None)
        qFatal("cannot write %s", qPrintable(path));
    GDALClose(ds);
}

/// Writes a GeoJSON polygon layer from WKT strings (EPSG:epsg).
void writeGeoJson(const QString& path, int epsg, const QStringList& wkts) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QTextStream out(&f);
    out << "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:"
           "def:crs:EPSG::"
        << epsg << "\"}},\"features\":[";
    for (int i = 0; i < wkts.size(); ++i) {
        QString geometry = QStringLiteral("null");
        if (!wkts[i].isEmpty()) {
            OGRGeometryH g = nullptr;
            QByteArray wkt = wkts[i].toUtf8();
            char* p = wkt.data();
            OGR_G_CreateFromWkt(&p, nullptr, &g);
            char* json = OGR_G_ExportToJson(g);
            geometry = QString::fromUtf8(json);
            CPLFree(json);
            OGR_G_DestroyGeometry(g);
        }
        out << (i ? "," : "") << "{\"type\":\"Feature\",\"properties\":{\"name\":\"p" << i
            << "\"},\"geometry\":" << geometry << "}";
    }
    out << "]}";
}

/// The Willamette carbon density raster (t C/ha = C_above + C_below + C_soil + C_dead per LULC class),
/// built from the InVEST sample pools table, as the reference results were.
QString makeWillametteDensity(const QString& dir) {
    const QString base = tanhui::test::sharedDataDir() + QStringLiteral("/willamette/");
    QFile csv(base + QStringLiteral("carbon_pools_samp.csv"));
    if (!csv.open(QIODevice::ReadOnly))
        return {};
    std::map<int, double> density;
    const QList<QByteArray> header = csv.readLine().trimmed().split(',');
    auto col = [&](const char* name) {
        for (int i = 0; i < header.size(); ++i)
            if (QByteArray(header[i]).replace('"', "") == name)
                return i;
        return -1;
    };
    const int ca = col("C_above"), cb = col("C_below"), cs = col("C_soil"), cd = col("C_dead"),
              lu = col("lucode");
    while (!csv.atEnd()) {
        const QList<QByteArray> f = csv.readLine().trimmed().split(',');
        if (f.size() <= lu)
            continue;
        density[f[lu].toInt()] = f[ca].toDouble() + f[cb].toDouble() + f[cs].toDouble() + f[cd].toDouble();
    }
    GDALDatasetH src =
      GDALOpen((base + QStringLiteral("lulc_samp_cur.tif")).toUtf8().constData(), GA_ReadOnly);
    const int nx = GDALGetRasterXSize(src), ny = GDALGetRasterYSize(src);
    std::vector<double> v(std::size_t(nx) * ny);
    if (GDALRasterIO(GDALGetRasterBand(src, 1), GF_Read, 0, 0, nx, ny, v.data(), nx, ny, GDT_Float64, 0, 0) !=
        CE_None)
        return {};
    for (double& x : v) {
        const auto it = density.find(int(x));
        x = (x == 255 || it == density.end()) ? -1.0 : it->second;
    }
    const QString out = dir + QStringLiteral("/willamette_density.tif");
    GDALDatasetH dst =
      GDALCreate(GDALGetDriverByName("GTiff"), out.toUtf8().constData(), nx, ny, 1, GDT_Float64, nullptr);
    double gt[6];
    GDALGetGeoTransform(src, gt);
    GDALSetGeoTransform(dst, gt);
    GDALSetProjection(dst, GDALGetProjectionRef(src));
    GDALSetRasterNoDataValue(GDALGetRasterBand(dst, 1), -1.0);
    const CPLErr written =
      GDALRasterIO(GDALGetRasterBand(dst, 1), GF_Write, 0, 0, nx, ny, v.data(), nx, ny, GDT_Float64, 0, 0);
    GDALClose(dst);
    if (written != CE_None)
        return {};
    GDALClose(src);
    return out;
}

bool identical(const ZonalStats& a, const ZonalStats& b) {
    auto same = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
    if (!(same(a.count, b.count) && same(a.sum, b.sum) && same(a.mean, b.mean) && same(a.min, b.min) &&
          same(a.max, b.max) && same(a.stdev, b.stdev) && same(a.majority, b.majority) &&
          a.variety == b.variety && same(a.nodataAreaM2, b.nodataAreaM2) &&
          same(a.validAreaM2, b.validAreaM2) && a.classes.size() == b.classes.size()))
        return false;
    for (std::size_t i = 0; i < a.classes.size(); ++i)
        if (a.classes[i].value != b.classes[i].value || a.classes[i].cells != b.classes[i].cells ||
            a.classes[i].areaM2 != b.classes[i].areaM2)
            return false;
    return true;
}

/// Writes a Byte GeoTIFF of grid `g` (EPSG:4547) from north-up row-major values; `southUp` stores the
/// rows south first (positive geotransform dy), as some software writes them.
void writeByteTiff(const QString& path,
                   const Grid& g,
                   const std::vector<unsigned char>& values,
                   std::vector<const char*> options,
                   bool southUp = false,
                   int nodata = 0) {
    options.push_back(nullptr);
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"),
                                 path.toUtf8().constData(),
                                 g.cols,
                                 g.rows,
                                 1,
                                 GDT_Byte,
                                 const_cast<char**>(options.data()));
    QVERIFY(ds);
    double gt[6] = { g.originX, g.cellWidth, 0, g.originY, 0, -g.cellHeight };
    std::vector<unsigned char> file = values;
    if (southUp) {
        gt[3] = g.originY - g.rows * g.cellHeight;
        gt[5] = g.cellHeight;
        for (int r = 0; r < g.rows; ++r)
            std::copy_n(values.begin() + std::ptrdiff_t(g.rows - 1 - r) * g.cols,
                        g.cols,
                        file.begin() + std::ptrdiff_t(r) * g.cols);
    }
    GDALSetGeoTransform(ds, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4547);
    GDALSetSpatialRef(ds, srs);
    OSRDestroySpatialReference(srs);
    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    GDALSetRasterNoDataValue(band, nodata);
    const CPLErr err =
      GDALRasterIO(band, GF_Write, 0, 0, g.cols, g.rows, file.data(), g.cols, g.rows, GDT_Byte, 0, 0);
    GDALClose(ds);
    QCOMPARE(err, CE_None);
}

/// A deterministic pseudo-random number in [0, 1).
double nextUniform(std::uint32_t& state) {
    state = state * 1664525u + 1013904223u;
    return double(state >> 8) / double(1u << 24);
}

constexpr StatSet kAll = Stat::Count | Stat::Sum | Stat::Mean | Stat::Min | Stat::Max | Stat::Stdev |
                         Stat::Majority | Stat::Minority | Stat::Variety | Stat::Frac | Stat::Area;

} // namespace

class TestZonalEngine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void willametteMatchesReference();
    void threadsAndTilingGiveIdenticalResults();
    void releasingGeometryGivesIdenticalResults();
    void reprojectedParcelsAgree();
    void saoMiguelClassesAndTrueAreas();
    void saoMiguelPopulation();
    void nodataAndNanAreExcluded();
    void parcelsFinishedOnceWithTheirStatistics();
    void projectedAreasAreEllipsoidal();
    void invalidAndNullGeometries();
    void emptyLayer();
    void coordinatesOutsideTheCrs();
    void cancelStopsTheRun();
    void rasterWithoutCrsIsRejected();
    void sharedBlocksMatchPerWorkerReads();
    void truncatedByteRasterFailsWithoutHanging();

private:
    QTemporaryDir m_dir;
    QString m_density;
};

void TestZonalEngine::initTestCase() {
    GDALAllRegister();
    QVERIFY(m_dir.isValid());
    // Made here, not by the first test, so that every test that reads it also passes when run alone
    // (empty without the shared Willamette data: those tests then skip, saying so).
    m_density = makeWillametteDensity(m_dir.path());
}

void TestZonalEngine::willametteMatchesReference() {
    TANHUI_REQUIRE_SHARED(parcelsPath, QStringLiteral("willamette/harv_samp_cur.shp"));
    QVERIFY(!m_density.isEmpty());
    ParcelReadOptions ro;
    ro.idField = QStringLiteral("Start_date");
    const ParcelSet parcels = readParcels(parcelsPath.toStdString(), ro);
    QCOMPARE(parcels.parcels.size() + parcels.skipped.size(), std::size_t(85));
    QCOMPARE(parcels.skipped.size(), std::size_t(0));
    std::vector<ZonalBand> bands;
    appendRasterBands(m_density.toStdString(), bands);
    ZonalOptions opt;
    opt.stats = Stat::Count | Stat::Sum;
    const ZonalResult r = runZonal(parcels, bands, opt);

    const CsvTable expected = readCsv(
      tanhui::test::sharedDataFile(QStringLiteral("willamette/expected_parcels_coverage_weighted.csv")));
    QCOMPARE(expected.rows.size(), std::size_t(85));
    const int cSum = expected.column(QStringLiteral("sum")),
              cCount = expected.column(QStringLiteral("count"));
    double worst = 0;
    for (std::size_t i = 0; i < parcels.parcels.size(); ++i) {
        const QStringList& row = expected.rows[std::size_t(parcels.parcels[i].fid)];
        const double es = row[cSum].toDouble(), ec = row[cCount].toDouble();
        const ZonalStats& s = r.stats[i][0];
        const double rs = std::abs(s.sum - es) / std::abs(es), rc = std::abs(s.count - ec) / std::abs(ec);
        worst = std::max({ worst, rs, rc });
        QVERIFY2(rs <= 1e-6 && rc <= 1e-6,
                 qPrintable(QStringLiteral("parcel fid %1: sum %2 vs %3, count %4 vs %5")
                              .arg(parcels.parcels[i].fid)
                              .arg(s.sum, 0, 'g', 15)
                              .arg(es, 0, 'g', 15)
                              .arg(s.count, 0, 'g', 15)
                              .arg(ec, 0, 'g', 15)));
    }
    qInfo("Willamette: 85 parcels, worst relative difference %.3g", worst);
}

void TestZonalEngine::threadsAndTilingGiveIdenticalResults() {
    if (m_density.isEmpty())
        QSKIP("needs the Willamette raster");
    const QString parcelsPath = tanhui::test::sharedDataFile(QStringLiteral("willamette/harv_samp_cur.shp"));
    const ParcelSet parcels = readParcels(parcelsPath.toStdString(), {});
    std::vector<ZonalBand> bands;
    appendRasterBands(m_density.toStdString(), bands);
    appendRasterBands(
      tanhui::test::sharedDataFile(QStringLiteral("willamette/lulc_samp_cur.tif")).toStdString(), bands);
    appendRasterBands(
      tanhui::test::sharedDataFile(QStringLiteral("willamette/lulc_samp_fut.tif")).toStdString(), bands);
    QCOMPARE(bands.size(), std::size_t(3));

    ZonalOptions one;
    one.stats = kAll;
    one.threads = 1;
    const ZonalResult a = runZonal(parcels, bands, one);
    QCOMPARE(a.grids.size(), std::size_t(1)); // three files, one grid: coverage computed once per parcel
    ZonalOptions two = one;
    two.threads = 2;
    two.maxWindowCells = 777; // forces large parcels into many bands of rows
    two.memoryBudgetBytes = 64u << 20;
    const ZonalResult b = runZonal(parcels, bands, two);
    for (std::size_t i = 0; i < parcels.parcels.size(); ++i)
        for (std::size_t k = 0; k < bands.size(); ++k)
            QVERIFY2(
              identical(a.stats[i][k], b.stats[i][k]),
              qPrintable(QStringLiteral("parcel %1 band %2 differs between 1 and 2 threads").arg(i).arg(k)));
    // The classes collected during the run are exactly the union of the parcels' classes, ascending,
    // for any thread count (the density band is real-valued, the land-cover bands integer codes).
    QCOMPARE(a.bandClasses.size(), bands.size());
    for (std::size_t k = 0; k < bands.size(); ++k) {
        std::set<double> all;
        for (std::size_t i = 0; i < parcels.parcels.size(); ++i)
            for (const ClassTotal& c : a.stats[i][k].classes)
                all.insert(c.value);
        QCOMPARE(a.bandClasses[k], std::vector<double>(all.begin(), all.end()));
        QCOMPARE(b.bandClasses[k], a.bandClasses[k]);
        QVERIFY(!all.empty());
    }
    ZonalOptions noClasses = one;
    noClasses.stats = Stat::Count | Stat::Sum | Stat::Majority; // majority alone needs no class list
    QVERIFY(runZonal(parcels, bands, noClasses).bandClasses.empty());
    // Class areas of a wholly-inside parcel add up to its ellipsoidal area.
    for (std::size_t i = 0; i < parcels.parcels.size(); ++i) {
        const ZonalStats& s = a.stats[i][1];
        double total = s.nodataAreaM2;
        for (const ClassTotal& c : s.classes)
            total += c.areaM2;
        QVERIFY(std::abs(total - parcels.parcels[i].ellipsoidalAreaM2) <=
                1e-6 * parcels.parcels[i].ellipsoidalAreaM2);
    }
}

void TestZonalEngine::releasingGeometryGivesIdenticalResults() {
    if (m_density.isEmpty())
        QSKIP("needs the Willamette raster");
    // The memory-saving paths of `tanhui-cli zonal` with a CSV table (docs/benchmark.md, "Memory and
    // scaling"): parcels read without their WKB, and geometries freed as parcels are finished, on a
    // projected and on a geographic (reprojected) layer, with several bands and two threads.
    const QString src = tanhui::test::sharedDataFile(QStringLiteral("willamette/harv_samp_cur.shp"));
    const QString geoPath = m_dir.filePath(QStringLiteral("harv_release_wgs84.gpkg"));
    GDALDatasetH in = GDALOpenEx(src.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    const char* args[] = { "-t_srs", "EPSG:4326", "-f", "GPKG", nullptr };
    GDALVectorTranslateOptions* o = GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
    GDALDatasetH out = GDALVectorTranslate(geoPath.toUtf8().constData(), nullptr, 1, &in, o, nullptr);
    GDALVectorTranslateOptionsFree(o);
    QVERIFY(out);
    GDALClose(out);
    GDALClose(in);
    std::vector<ZonalBand> bands;
    appendRasterBands(m_density.toStdString(), bands);
    appendRasterBands(
      tanhui::test::sharedDataFile(QStringLiteral("willamette/lulc_samp_cur.tif")).toStdString(), bands);
    ZonalOptions opt;
    opt.stats = kAll;
    opt.threads = 2;
    for (const QString& path : { src, geoPath }) {
        const ParcelSet kept = readParcels(path.toStdString(), {});
        ParcelReadOptions lean;
        lean.keepWkb = false;
        ParcelSet released = readParcels(path.toStdString(), lean);
        QCOMPARE(released.parcels.size(), kept.parcels.size());
        QVERIFY(!kept.parcels.empty());
        for (std::size_t i = 0; i < kept.parcels.size(); ++i) {
            QVERIFY(!kept.parcels[i].wkb.empty());
            QVERIFY(released.parcels[i].wkb.empty());
            QCOMPARE(released.parcels[i].ellipsoidalAreaM2, kept.parcels[i].ellipsoidalAreaM2);
        }
        const ZonalResult a = runZonal(kept, bands, opt);
        const ZonalResult b = runZonalReleasingGeometry(released, bands, opt);
        std::size_t freed = 0;
        for (std::size_t i = 0; i < kept.parcels.size(); ++i) {
            QVERIFY(!kept.parcels[i].geometry.isEmpty());
            freed += released.parcels[i].geometry.isEmpty() ? 1 : 0;
            QCOMPARE(released.parcels[i].fid, kept.parcels[i].fid);
            for (std::size_t k = 0; k < bands.size(); ++k)
                QVERIFY2(identical(a.stats[i][k], b.stats[i][k]),
                         qPrintable(QStringLiteral("%1: parcel %2 band %3 differs").arg(path).arg(i).arg(k)));
        }
        QCOMPARE(freed, kept.parcels.size()); // every parcel lies on the rasters here
        QCOMPARE(b.bandClasses, a.bandClasses);
    }
}

void TestZonalEngine::reprojectedParcelsAgree() {
    if (m_density.isEmpty())
        QSKIP("needs the Willamette raster");
    // The same parcels in geographic coordinates: they are transformed back to UTM 10N (with edge
    // densification) for the statistics; the raster is never resampled.
    const QString src = tanhui::test::sharedDataFile(QStringLiteral("willamette/harv_samp_cur.shp"));
    const QString dst = m_dir.filePath(QStringLiteral("harv_wgs84.gpkg"));
    GDALDatasetH in = GDALOpenEx(src.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    const char* args[] = { "-t_srs", "EPSG:4326", "-f", "GPKG", nullptr };
    GDALVectorTranslateOptions* o = GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
    GDALDatasetH out = GDALVectorTranslate(dst.toUtf8().constData(), nullptr, 1, &in, o, nullptr);
    GDALVectorTranslateOptionsFree(o);
    QVERIFY(out);
    GDALClose(out);
    GDALClose(in);

    const ParcelSet utm = readParcels(src.toStdString(), {});
    const ParcelSet geo = readParcels(dst.toStdString(), {});
    QVERIFY(geo.crs.isGeographic());
    QCOMPARE(geo.parcels.size(), utm.parcels.size());
    std::vector<ZonalBand> bands;
    appendRasterBands(m_density.toStdString(), bands);
    ZonalOptions opt;
    opt.stats = Stat::Count | Stat::Sum;
    const ZonalResult a = runZonal(utm, bands, opt), b = runZonal(geo, bands, opt);
    ZonalOptions straight = opt;
    straight.densifyEdges = false;
    const ZonalResult c = runZonal(geo, bands, straight);
    for (std::size_t i = 0; i < utm.parcels.size(); ++i) {
        // Vertices only: the round trip UTM -> lon/lat -> UTM reproduces the parcel exactly.
        const double roundTrip = std::abs(a.stats[i][0].count - c.stats[i][0].count) / a.stats[i][0].count;
        QVERIFY2(
          roundTrip < 1e-9,
          qPrintable(
            QStringLiteral("parcel %1: %2 vs %3").arg(i).arg(a.stats[i][0].count).arg(c.stats[i][0].count)));
        // Densified: edges straight in lon/lat are curved in UTM. Near the central meridian a
        // parallel's curvature is tanφ/R, so an edge of length L bulges by at most s = L²·tanφ/(8R)
        // and moves at most (2/3)·L·s of area. Bound the difference by the sum over all edges (φ ≈ 44.6°,
        // tanφ < 1) with a factor 2 margin.
        double boundM2 = 0;
        for (const Polygon& p : utm.parcels[i].geometry.parts)
            for (const Ring& r : p.rings)
                for (std::size_t k = 0; k < r.size(); ++k) {
                    const std::size_t j = (k + 1 == r.size()) ? 0 : k + 1;
                    const double L = std::hypot(r.x(j) - r.x(k), r.y(j) - r.y(k));
                    boundM2 += 2.0 * (2.0 / 3.0) * L * (L * L / (8.0 * 6371000.0));
                }
        const double diffM2 = std::abs(a.stats[i][0].count - b.stats[i][0].count) * 900.0;
        QVERIFY2(
          diffM2 <= boundM2 + 1e-6,
          qPrintable(QStringLiteral("parcel %1: %2 m² apart, bound %3 m²").arg(i).arg(diffM2).arg(boundM2)));
        // The ellipsoidal area does not depend on the layer's CRS beyond the same edge effect.
        QVERIFY(std::abs(utm.parcels[i].ellipsoidalAreaM2 - geo.parcels[i].ellipsoidalAreaM2) <=
                boundM2 + 1e-6);
    }
}

void TestZonalEngine::saoMiguelClassesAndTrueAreas() {
    TANHUI_REQUIRE_SHARED(parcelsPath, QStringLiteral("sao_miguel/concelhos.gpkg"));
    const QString raster = tanhui::test::sharedDataFile(QStringLiteral("sao_miguel/clc2018_v2020_20u1.tif"));
    ParcelReadOptions ro;
    ro.idField = QStringLiteral("name");
    const ParcelSet parcels = readParcels(parcelsPath.toStdString(), ro);
    QCOMPARE(parcels.parcels.size(), std::size_t(6));
    std::vector<ZonalBand> bands;
    appendRasterBands(raster.toStdString(), bands);
    ZonalOptions opt;
    opt.stats = Stat::Count | Stat::Majority | Stat::Variety | Stat::Area;
    const ZonalResult r = runZonal(parcels, bands, opt);

    const CsvTable expected =
      readCsv(tanhui::test::sharedDataFile(QStringLiteral("sao_miguel/expected_coverage_weighted.csv")));
    // Ellipsoidal polygon areas (km²) given in ../shared/data/README.md.
    const std::map<QString, double> ellipsoidalKm2 = {
        { QStringLiteral("Lagoa"), 45.583 },           { QStringLiteral("Nordeste"), 101.489 },
        { QStringLiteral("Ponta Delgada"), 233.060 },  { QStringLiteral("Povoação"), 106.423 },
        { QStringLiteral("Ribeira Grande"), 180.191 }, { QStringLiteral("Vila Franca do Campo"), 77.987 }
    };
    QCOMPARE(expected.rows.size(), std::size_t(6));
    for (std::size_t i = 0; i < parcels.parcels.size(); ++i) {
        const QString name = parcels.parcels[i].id.toString();
        const QStringList* row = nullptr;
        for (const QStringList& e : expected.rows)
            if (e[expected.column(QStringLiteral("name"))] == name)
                row = &e;
        QVERIFY2(
          row,
          qPrintable(
            QStringLiteral("no reference row for '%1' (non-ASCII names must read correctly)").arg(name)));
        const ZonalStats& s = r.stats[i][0];
        const double ec = (*row)[expected.column(QStringLiteral("count"))].toDouble();
        QVERIFY2(std::abs(s.count - ec) <= 1e-6 * ec, qPrintable(name));
        QCOMPARE(s.majority, (*row)[expected.column(QStringLiteral("majority"))].toDouble());
        QCOMPARE(s.variety, (*row)[expected.column(QStringLiteral("variety"))].toInt());
        double classKm2 = s.nodataAreaM2 / 1e6;
        for (const ClassTotal& c : s.classes)
            classKm2 += c.areaM2 / 1e6;
        const double ref = ellipsoidalKm2.at(name);
        QVERIFY2(
          std::abs(classKm2 - ref) <= 0.001 * ref,
          qPrintable(
            QStringLiteral("%1: class areas %2 km² vs ellipsoidal %3 km²").arg(name).arg(classKm2).arg(ref)));
        QVERIFY(std::abs(parcels.parcels[i].ellipsoidalAreaM2 / 1e6 - ref) <= 0.001 * ref);
    }
}

void TestZonalEngine::saoMiguelPopulation() {
    TANHUI_REQUIRE_SHARED(parcelsPath, QStringLiteral("sao_miguel/concelhos.gpkg"));
    ParcelReadOptions ro;
    ro.idField = QStringLiteral("name");
    const ParcelSet parcels = readParcels(parcelsPath.toStdString(), ro);
    std::vector<ZonalBand> bands;
    appendRasterBands(
      tanhui::test::sharedDataFile(QStringLiteral("sao_miguel/gpw_v411_2020_count_2020.tif")).toStdString(),
      bands);
    ZonalOptions opt;
    opt.stats = StatSet(Stat::Sum);
    const ZonalResult r = runZonal(parcels, bands, opt);
    const CsvTable expected =
      readCsv(tanhui::test::sharedDataFile(QStringLiteral("sao_miguel/expected_population.csv")));
    for (std::size_t i = 0; i < parcels.parcels.size(); ++i)
        for (const QStringList& e : expected.rows)
            if (e[0] == parcels.parcels[i].id.toString()) {
                const double ref = e[1].toDouble();
                QVERIFY2(std::abs(r.stats[i][0].sum - ref) <= 1e-6 * ref,
                         qPrintable(QStringLiteral("%1: %2 vs %3")
                                      .arg(e[0])
                                      .arg(r.stats[i][0].sum, 0, 'g', 12)
                                      .arg(ref, 0, 'g', 12)));
            }
}

void TestZonalEngine::nodataAndNanAreExcluded() {
    // 4 × 1 cells of 10 m: values 1, NaN, nodata(-9), 4. A parcel over the whole row.
    const Grid g{ 500000, 2500010, 10, 10, 4, 1 };
    const QString path = m_dir.filePath(QStringLiteral("nodata.tif"));
    writeTiff(path, g, 4547, { 1.0, std::nan(""), -9.0, 4.0 }, -9.0);
    const QString vec = m_dir.filePath(QStringLiteral("row.geojson"));
    writeGeoJson(
      vec,
      4547,
      { QStringLiteral(
        "POLYGON((500000 2500000,500040 2500000,500040 2500010,500000 2500010,500000 2500000))") });
    const ParcelSet parcels = readParcels(vec.toStdString(), {});
    std::vector<ZonalBand> bands;
    appendRasterBands(path.toStdString(), bands);
    ZonalOptions opt;
    opt.stats = kAll;
    const ZonalResult r = runZonal(parcels, bands, opt);
    const ZonalStats& s = r.stats[0][0];
    QCOMPARE(s.count, 2.0);
    QCOMPARE(s.sum, 5.0);
    QCOMPARE(s.mean, 2.5);
    QCOMPARE(s.min, 1.0);
    QCOMPARE(s.max, 4.0);
    QCOMPARE(s.stdev, 1.5);
    QCOMPARE(s.nodataCells, 2.0);
    const double scale = parcels.parcels[0].ellipsoidalAreaM2 / 400.0;
    QVERIFY(std::abs(s.nodataAreaM2 - 200.0 * scale) < 1e-9);
    QCOMPARE(s.variety, 2);
}

void TestZonalEngine::parcelsFinishedOnceWithTheirStatistics() {
    // ZonalOptions::onParcelFinished: each parcel once, with its statistics on every band, when both
    // grid groups are done with it, also for a parcel on one grid only and one outside every raster;
    // what the callback takes is missing from the result, what it leaves stays.
    const Grid fine{ 500000, 2500040, 10, 10, 4, 4 };   // 40 m × 40 m
    const Grid coarse{ 500000, 2500040, 20, 20, 4, 2 }; // 80 m × 40 m: another grid group
    const QString a = m_dir.filePath(QStringLiteral("finished_fine.tif"));
    const QString b = m_dir.filePath(QStringLiteral("finished_coarse.tif"));
    std::vector<double> v(16);
    for (std::size_t k = 0; k < v.size(); ++k)
        v[k] = double(k + 1);
    writeTiff(a, fine, 4547, v);
    writeTiff(b, coarse, 4547, { 1, 2, 3, 4, 5, 6, 7, 8 });
    const QString vec = m_dir.filePath(QStringLiteral("finished.geojson"));
    writeGeoJson(
      vec,
      4547,
      { QStringLiteral("POLYGON((500005 2500005,500035 2500005,500035 2500035,500005 2500035,500005 "
                       "2500005))"), // on both grids
        QStringLiteral("POLYGON((500045 2500005,500075 2500005,500075 2500035,500045 2500035,500045 "
                       "2500005))"), // on the coarse grid only
        QStringLiteral("POLYGON((600000 2600000,600010 2600000,600010 2600010,600000 2600010,600000 "
                       "2600000))") }); // outside both
    const ParcelSet parcels = readParcels(vec.toStdString(), {});
    QCOMPARE(parcels.parcels.size(), std::size_t(3));
    std::vector<ZonalBand> bands;
    appendRasterBands(a.toStdString(), bands);
    appendRasterBands(b.toStdString(), bands);
    ZonalOptions opt;
    opt.stats = kAll;
    opt.threads = 2;
    const ZonalResult plain = runZonal(parcels, bands, opt);
    QCOMPARE(plain.grids.size(), std::size_t(2));
    std::mutex mutex;
    std::vector<int> calls(3, 0);
    std::vector<std::vector<ZonalStats>> taken(3);
    opt.onParcelFinished = [&](std::size_t i, std::vector<ZonalStats>& stats) {
        const std::lock_guard lock(mutex);
        ++calls[i];
        if (i != 1) // the second parcel's statistics stay in the result
            taken[i] = std::move(stats);
        else
            taken[i] = stats;
    };
    const ZonalResult streamed = runZonal(parcels, bands, opt);
    QCOMPARE(calls, std::vector<int>({ 1, 1, 1 }));
    for (std::size_t i = 0; i < 3; ++i) {
        QCOMPARE(taken[i].size(), bands.size());
        for (std::size_t band = 0; band < bands.size(); ++band) {
            QCOMPARE(taken[i][band].count, plain.stats[i][band].count);
            QCOMPARE(taken[i][band].sum, plain.stats[i][band].sum);
            QCOMPARE(taken[i][band].nodataAreaM2, plain.stats[i][band].nodataAreaM2);
        }
    }
    QVERIFY(plain.stats[0][0].count > 0 && plain.stats[0][1].count > 0);
    QCOMPARE(plain.stats[1][0].count, 0.0);
    QVERIFY(plain.stats[1][1].count > 0);
    QCOMPARE(plain.stats[2][0].count + plain.stats[2][1].count, 0.0);
    QVERIFY(streamed.stats[0].empty() && streamed.stats[2].empty());
    QCOMPARE(streamed.stats[1].size(), bands.size());
    QCOMPARE(streamed.stats[1][1].sum, plain.stats[1][1].sum);
}

void TestZonalEngine::projectedAreasAreEllipsoidal() {
    // Far from the central meridian of a Gauss-Krüger zone the grid scale factor is large; class
    // areas must follow the ellipsoidal area, not the planar one.
    const Grid g{ 200000, 2600000, 100, 100, 20, 20 }; // 300 km west of CM 114E (EPSG:4547)
    const QString path = m_dir.filePath(QStringLiteral("edge.tif"));
    writeTiff(path, g, 4547, std::vector<double>(400, 7.0));
    const QString vec = m_dir.filePath(QStringLiteral("edge.geojson"));
    writeGeoJson(
      vec,
      4547,
      { QStringLiteral(
        "POLYGON((200500 2598500,201500 2598500,201500 2599500,200500 2599500,200500 2598500))") });
    const ParcelSet parcels = readParcels(vec.toStdString(), {});
    const Parcel& p = parcels.parcels[0];
    QVERIFY(std::abs(p.planarAreaM2 - 1e6) < 1e-6);
    QVERIFY(std::abs(p.ellipsoidalAreaM2 - p.planarAreaM2) > 100.0); // scale error ≈ 0.1 %
    std::vector<ZonalBand> bands;
    appendRasterBands(path.toStdString(), bands);
    ZonalOptions opt;
    opt.stats = Stat::Area | Stat::Count;
    const ZonalResult r = runZonal(parcels, bands, opt);
    QCOMPARE(r.stats[0][0].count, 100.0);
    QVERIFY(std::abs(r.stats[0][0].classAreaM2(7.0) - p.ellipsoidalAreaM2) < 1e-6);
}

void TestZonalEngine::invalidAndNullGeometries() {
    const Grid g{ 500000, 2500100, 10, 10, 10, 10 };
    const QString path = m_dir.filePath(QStringLiteral("ones.tif"));
    writeTiff(path, g, 4547, std::vector<double>(100, 1.0));
    const QString vec = m_dir.filePath(QStringLiteral("bad.geojson"));
    writeGeoJson(
      vec,
      4547,
      { QStringLiteral(
          "POLYGON((500000 2500000,500040 2500040,500040 2500000,500000 2500040,500000 2500000))"), // bow-tie
        QString(), // null geometry
        QStringLiteral("POLYGON EMPTY"),
        QStringLiteral("LINESTRING(500000 2500000,500050 2500050)"),
        QStringLiteral(
          "POLYGON((500050 2500050,500060 2500050,500060 2500060,500050 2500060,500050 2500050))") });
    const ParcelSet parcels = readParcels(vec.toStdString(), {});
    QCOMPARE(parcels.parcels.size(), std::size_t(2));
    QCOMPARE(parcels.repaired.size(), std::size_t(1));
    QCOMPARE(parcels.repaired[0].fid, parcels.parcels[0].fid);
    QVERIFY(QString::fromStdString(parcels.repaired[0].what).contains(QStringLiteral("Self-intersection")));
    QCOMPARE(parcels.skipped.size(), std::size_t(3));
    QVERIFY(parcels.parcels[0].repaired);
    // The repaired bow-tie is two triangles of 400 m² each.
    QVERIFY(std::abs(parcels.parcels[0].planarAreaM2 - 800.0) < 1e-6);
    std::vector<ZonalBand> bands;
    appendRasterBands(path.toStdString(), bands);
    ZonalOptions opt;
    opt.stats = StatSet(Stat::Count);
    const ZonalResult r = runZonal(parcels, bands, opt);
    QVERIFY(std::abs(r.stats[0][0].count - 8.0) < 1e-12);
    QVERIFY(std::abs(r.stats[1][0].count - 1.0) < 1e-12);
}

/// Degrees beyond ±90° latitude in a geographic layer (coordinates of another CRS) skip that parcel
/// with a reason, instead of a NaN area.
void TestZonalEngine::coordinatesOutsideTheCrs() {
    const QString vec = m_dir.filePath(QStringLiteral("degrees.geojson"));
    writeGeoJson(
      vec,
      4326,
      { QStringLiteral("POLYGON((10 40,10.01 40,10.01 40.01,10 40.01,10 40))"),
        QStringLiteral("POLYGON((500000 2500000,500010 2500000,500010 2500010,500000 2500000))") });
    const ParcelSet parcels = readParcels(vec.toStdString(), {});
    QCOMPARE(parcels.parcels.size(), std::size_t(1));
    QCOMPARE(parcels.skipped.size(), std::size_t(1));
    QVERIFY(QString::fromStdString(parcels.skipped[0].what).contains(QStringLiteral("±90°")));
    QVERIFY(parcels.parcels[0].ellipsoidalAreaM2 > 0);
}

void TestZonalEngine::emptyLayer() {
    const Grid g{ 500000, 2500100, 10, 10, 10, 10 };
    const QString path = m_dir.filePath(QStringLiteral("ones2.tif"));
    writeTiff(path, g, 4547, std::vector<double>(100, 1.0));
    const QString vec = m_dir.filePath(QStringLiteral("empty.geojson"));
    writeGeoJson(vec, 4547, {});
    // By default a layer without parcels is an error naming the file; callers may accept it.
    const GisError e = tanhui::test::expectError([&] { readParcels(vec.toStdString(), {}); });
    QCOMPARE(e.kind(), GisError::Kind::InvalidArgument);
    QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("has no features")), e.what());
    QVERIFY2(QString::fromUtf8(e.what()).contains(vec), e.what());
    ParcelReadOptions accept;
    accept.requireParcels = false;
    const ParcelSet parcels = readParcels(vec.toStdString(), accept);
    QVERIFY(parcels.parcels.empty());
    std::vector<ZonalBand> bands;
    appendRasterBands(path.toStdString(), bands);
    const ZonalResult r = runZonal(parcels, bands, {});
    QVERIFY(r.stats.empty());
}

void TestZonalEngine::cancelStopsTheRun() {
    // 2000 × 2000 raster and 400 parcels; cancel as soon as progress is first reported.
    const Grid g{ 500000, 2520000, 10, 10, 2000, 2000 };
    const QString path = m_dir.filePath(QStringLiteral("big.tif"));
    const char* const tiled[] = { "TILED=YES", nullptr };
    writeTiff(path, g, 4547, std::vector<double>(std::size_t(4000000), 3.0), -1, tiled);
    QStringList wkts;
    for (int i = 0; i < 20; ++i)
        for (int j = 0; j < 20; ++j) {
            const double x = 500000 + i * 1000, y = 2500000 + j * 1000;
            wkts << QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))")
                      .arg(x)
                      .arg(y)
                      .arg(x + 990)
                      .arg(y + 990);
        }
    const QString vec = m_dir.filePath(QStringLiteral("grid.geojson"));
    writeGeoJson(vec, 4547, wkts);
    const ParcelSet parcels = readParcels(vec.toStdString(), {});
    QCOMPARE(parcels.parcels.size(), std::size_t(400));
    std::vector<ZonalBand> bands;
    appendRasterBands(path.toStdString(), bands);
    Feedback* self = nullptr;
    Feedback feedback([&self](double, const std::string&) { self->cancel(); });
    self = &feedback;
    ZonalOptions opt;
    opt.feedback = &feedback;
    opt.threads = 2;
    bool cancelled = false;
    try {
        runZonal(parcels, bands, opt);
    } catch (const CancelledError&) {
        cancelled = true;
    }
    QVERIFY(cancelled);
    QVERIFY(feedback.progress() < 100.0);
}

void TestZonalEngine::rasterWithoutCrsIsRejected() {
    const QString path = m_dir.filePath(QStringLiteral("nocrs.tif"));
    GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GTiff"), path.toUtf8().constData(), 4, 4, 1, GDT_Byte, nullptr);
    double gt[6] = { 0, 1, 0, 4, 0, -1 };
    GDALSetGeoTransform(ds, gt);
    GDALClose(ds);
    const QString vec = m_dir.filePath(QStringLiteral("one.geojson"));
    writeGeoJson(vec, 4547, { QStringLiteral("POLYGON((0 0,1 0,1 1,0 0))") });
    const ParcelSet parcels = readParcels(vec.toStdString(), {});
    std::vector<ZonalBand> bands;
    appendRasterBands(path.toStdString(), bands);
    try {
        runZonal(parcels, bands, {});
        QFAIL("a raster without CRS must be rejected");
    } catch (const GisError& e) {
        QCOMPARE(e.kind(), GisError::Kind::Crs);
        QVERIFY(QString::fromStdString(e.what()).contains(path));
    }
}

void TestZonalEngine::sharedBlocksMatchPerWorkerReads() {
    // Byte rasters on one grid whose size is no multiple of the blocks (partial edge blocks): tiled
    // 64 × 32 and 128 × 48, a south-up copy of the first, a striped (5 rows per strip) copy of the
    // second, and a derived pair band of the first and the striped one. Parcels from 20 m to 3 km
    // wide (up to ~300 cells: windows within one block and windows spanning several), some crossing
    // the raster's edge. Statistics through the shared block store (any thread count, parts of rows)
    // must be bit-identical to each worker reading its windows through its own GDAL dataset.
    const Grid g{ 500000, 2520000, 10, 10, 1000, 777 };
    std::vector<unsigned char> a(std::size_t(g.cols) * std::size_t(g.rows)), b(a.size());
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c) {
            const std::size_t i = std::size_t(r) * std::size_t(g.cols) + std::size_t(c);
            a[i] =
              (r * 31 + c * 17) % 97 == 0 ? 0 : std::uint8_t((r / 9 + c / 13 + (r * 7 + c * 3) / 50) % 9 + 1);
            b[i] = (r * 13 + c * 29) % 89 == 0 ? 0 : std::uint8_t((r / 11 + c / 5 + (r + c) / 40) % 7 + 11);
        }
    const QString tiled = m_dir.filePath(QStringLiteral("lc_a.tif")),
                  tiled2 = m_dir.filePath(QStringLiteral("lc_b.tif")),
                  southUp = m_dir.filePath(QStringLiteral("lc_a_southup.tif")),
                  striped = m_dir.filePath(QStringLiteral("lc_b_striped.tif"));
    writeByteTiff(tiled, g, a, { "TILED=YES", "BLOCKXSIZE=64", "BLOCKYSIZE=32", "COMPRESS=DEFLATE" });
    writeByteTiff(tiled2, g, b, { "TILED=YES", "BLOCKXSIZE=128", "BLOCKYSIZE=48", "COMPRESS=DEFLATE" });
    writeByteTiff(southUp, g, a, { "TILED=YES", "BLOCKXSIZE=64", "BLOCKYSIZE=32" }, true);
    writeByteTiff(striped, g, b, { "BLOCKYSIZE=5", "COMPRESS=DEFLATE" });

    QStringList wkts;
    std::uint32_t seed = 2026;
    int multiBlock = 0;
    for (int k = 0; k < 300; ++k) {
        const double cx = 499800 + nextUniform(seed) * 10400, cy = 2512000 + nextUniform(seed) * 8200;
        const double u = nextUniform(seed), radius = 10 + 1490 * u * u * u;
        multiBlock += radius > 320 ? 1 : 0; // wider than a 64-cell block
        QString wkt = QStringLiteral("POLYGON((");
        QString first;
        for (int v = 0; v < 7; ++v) {
            const double angle = (v + 0.8 * nextUniform(seed)) * 2 * M_PI / 7;
            const double rr = radius * (0.6 + 0.4 * nextUniform(seed));
            const QString p = QStringLiteral("%1 %2")
                                .arg(cx + rr * std::cos(angle), 0, 'f', 3)
                                .arg(cy + rr * std::sin(angle), 0, 'f', 3);
            if (v == 0)
                first = p;
            wkt += p + QStringLiteral(",");
        }
        wkts << wkt + first + QStringLiteral("))");
    }
    QVERIFY(multiBlock >= 10);
    const QString vec = m_dir.filePath(QStringLiteral("shared_blocks.geojson"));
    writeGeoJson(vec, 4547, wkts);
    const ParcelSet parcels = readParcels(vec.toStdString(), {});
    QCOMPARE(parcels.parcels.size(), std::size_t(300));

    std::vector<ZonalBand> bands;
    for (const QString& path : { tiled, tiled2, southUp, striped })
        appendRasterBands(path.toStdString(), bands);
    bands.push_back({ tiled.toStdString(), 1, "pair", "Byte", true, 0 });
    ZonalPairBand pair;
    pair.band = 4;
    pair.first = 0;
    pair.second = 3;
    for (int v = 0; v < 256; ++v) {
        pair.lutFirst[std::size_t(v)] = v == 0 || v > 9 ? 255 : std::uint8_t(v * 20);
        pair.lutSecond[std::size_t(v)] = v == 0 ? 255 : std::uint8_t(v % 20);
    }

    ZonalOptions reference;
    reference.stats = kAll;
    reference.threads = 1;
    reference.shareByteBlocks = false;
    reference.pairBands = { pair };
    const ZonalResult ref = runZonal(parcels, bands, reference);
    QCOMPARE(ref.grids.size(), std::size_t(1));
    // The south-up file holds the same grid: same statistics.
    int covered = 0;
    for (std::size_t i = 0; i < parcels.parcels.size(); ++i) {
        QVERIFY(identical(ref.stats[i][0], ref.stats[i][2]));
        covered += ref.stats[i][4].count > 0 && ref.stats[i][4].classes.size() > 1 ? 1 : 0;
    }
    QVERIFY(covered > 100);

    struct Variant {
        int threads;
        std::int64_t maxWindowCells;
    };
    for (const Variant v : { Variant{ 1, 0 }, Variant{ 2, 0 }, Variant{ 3, 0 }, Variant{ 2, 500 } }) {
        ZonalOptions shared = reference;
        shared.shareByteBlocks = true;
        shared.threads = v.threads;
        shared.maxWindowCells = v.maxWindowCells;
        const ZonalResult r = runZonal(parcels, bands, shared);
        for (std::size_t i = 0; i < parcels.parcels.size(); ++i)
            for (std::size_t k = 0; k < bands.size(); ++k)
                QVERIFY2(identical(ref.stats[i][k], r.stats[i][k]),
                         qPrintable(QStringLiteral("parcel %1 band %2 differs (%3 threads, %4 cells)")
                                      .arg(i)
                                      .arg(k)
                                      .arg(v.threads)
                                      .arg(v.maxWindowCells)));
    }

    // Cancellation still stops a run on the shared path.
    Feedback* self = nullptr;
    Feedback feedback([&self](double, const std::string&) { self->cancel(); });
    self = &feedback;
    ZonalOptions cancelled = reference;
    cancelled.shareByteBlocks = true;
    cancelled.threads = 2;
    cancelled.feedback = &feedback;
    QVERIFY_THROWS_EXCEPTION(CancelledError, runZonal(parcels, bands, cancelled));
}

void TestZonalEngine::truncatedByteRasterFailsWithoutHanging() {
    // A tiled, compressed Byte GeoTIFF cut in half: with 2 threads sharing its blocks the run must
    // fail with an I/O error naming the file and band (never hang on a block another thread failed).
    const Grid g{ 500000, 2520000, 10, 10, 2000, 2000 };
    std::vector<unsigned char> v(std::size_t(g.cols) * std::size_t(g.rows));
    std::uint32_t seed = 7;
    for (unsigned char& c : v)
        c = std::uint8_t(1 + nextUniform(seed) * 200); // incompressible
    const QString path = m_dir.filePath(QStringLiteral("truncated_byte.tif"));
    writeByteTiff(path, g, v, { "TILED=YES", "BLOCKXSIZE=64", "BLOCKYSIZE=64", "COMPRESS=DEFLATE" });
    QFile f(path);
    QVERIFY(f.resize(f.size() / 2));
    QStringList wkts;
    for (int i = 0; i < 20; ++i)
        for (int j = 0; j < 20; ++j) {
            const double x = 500000 + i * 1000, y = 2500000 + j * 1000;
            wkts << QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))")
                      .arg(x + 5)
                      .arg(y + 5)
                      .arg(x + 1003)
                      .arg(y + 1003);
        }
    const QString vec = m_dir.filePath(QStringLiteral("truncated_cover.geojson"));
    writeGeoJson(vec, 4547, wkts);
    const ParcelSet parcels = readParcels(vec.toStdString(), {});
    std::vector<ZonalBand> bands;
    appendRasterBands(path.toStdString(), bands);
    for (int attempt = 0; attempt < 5; ++attempt) {
        ZonalOptions opt;
        opt.stats = Stat::Count | Stat::Majority;
        opt.threads = 2;
        try {
            runZonal(parcels, bands, opt);
            QFAIL("a truncated raster must fail");
        } catch (const GisError& e) {
            QCOMPARE(e.kind(), GisError::Kind::Io);
            const QString msg = QString::fromStdString(e.what());
            QVERIFY2(msg.contains(path) && msg.contains(QStringLiteral("band 1")) &&
                       msg.contains(QStringLiteral("block (")),
                     e.what());
        }
    }
}

QTEST_GUILESS_MAIN(TestZonalEngine)
#include "tst_zonalengine.moc"
