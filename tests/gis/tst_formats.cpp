// SPDX-License-Identifier: GPL-3.0-or-later
// The formats the data-format issue names, each written here with GDAL's own writers and opened
// through Tanhui: rasters (Cloud-Optimized GeoTIFF, NetCDF with two variables, Arc/Info ASCII grid,
// GeoPackage raster container) and vectors (Shapefile, GeoPackage, GeoJSON, FileGDB, KML) with
// Chinese attributes, each taken end to end through readParcels + runZonal; plus a GBK shapefile
// without .cpg whose Chinese id field is read by readParcels.
//
// Not tested: the binary Arc/Info grid (AIG driver). GDAL can only read it (no Create/CreateCopy),
// and no AIG coverage is generated here; a real one would have to come from ../shared/data.
#include "gis/Errors.h"
#include "gis/ParcelReader.h"
#include "gis/RasterDataset.h"
#include "gis/VectorLayer.h"
#include "gis/ZonalEngine.h"

#include "TestUtil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace tanhui::gis;

namespace {

const QString kNameField = QStringLiteral("名称");
const QStringList kNames{ QStringLiteral("白云山"), QStringLiteral("海珠湿地") };

// The zonal raster: EPSG:4547 (CGCS2000 / 3-degree GK CM 114E), 100 x 100 cells of 10 m, every cell 1.
constexpr double kX0 = 500000, kY0 = 2501000, kCell = 10;
constexpr int kCols = 100, kRows = 100;

struct Rect {
    double x0, y0, x1, y1;
};
// Two rectangles on cell edges: 20 x 20 = 400 and 30 x 15 = 450 cells.
const Rect kRects[2] = { { 500100, 2500500, 500300, 2500700 }, { 500500, 2500100, 500800, 2500250 } };
const double kExpectedCells[2] = { 400, 450 };

std::string rectWkt(const Rect& r) {
    char buf[512];
    std::snprintf(buf,
                  sizeof buf,
                  "POLYGON ((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f))",
                  r.x0,
                  r.y0,
                  r.x1,
                  r.y0,
                  r.x1,
                  r.y1,
                  r.x0,
                  r.y1,
                  r.x0,
                  r.y0);
    return buf;
}

/// The rectangle's corners transformed to EPSG:4326 (lon, lat), rounded to 1e-7 degree so that every
/// writer (KML, GeoJSON) reproduces the same doubles; straight edges in lon/lat.
std::string rectWkt4326(const Rect& r) {
    OGRSpatialReferenceH src = OSRNewSpatialReference(nullptr);
    OGRSpatialReferenceH dst = OSRNewSpatialReference(nullptr);
    std::string out;
    if (OSRImportFromEPSG(src, 4547) == OGRERR_NONE && OSRImportFromEPSG(dst, 4326) == OGRERR_NONE) {
        OSRSetAxisMappingStrategy(src, OAMS_TRADITIONAL_GIS_ORDER);
        OSRSetAxisMappingStrategy(dst, OAMS_TRADITIONAL_GIS_ORDER);
        OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(src, dst);
        double x[5] = { r.x0, r.x1, r.x1, r.x0, r.x0 };
        double y[5] = { r.y0, r.y0, r.y1, r.y1, r.y0 };
        if (ct && OCTTransform(ct, 5, x, y, nullptr)) {
            out = "POLYGON ((";
            for (int i = 0; i < 5; ++i) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "%s%.7f %.7f", i ? "," : "", x[i], y[i]);
                out += buf;
            }
            out += "))";
        }
        if (ct)
            OCTDestroyCoordinateTransformation(ct);
    }
    OSRDestroySpatialReference(src);
    OSRDestroySpatialReference(dst);
    return out;
}

OGRSpatialReferenceH newSrs(int epsg) {
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    if (OSRImportFromEPSG(srs, epsg) != OGRERR_NONE) {
        OSRDestroySpatialReference(srs);
        return nullptr;
    }
    // x = easting/longitude, as in the WKT given to the writers (KML would otherwise swap axes).
    OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

/// Writes a polygon layer with one String field `fieldName` (UTF-8) holding `values`.
void writePolygons(const char* driverName,
                   const QString& path,
                   int epsg,
                   const std::vector<std::string>& wkts,
                   const std::string& fieldName,
                   const std::vector<std::string>& values,
                   const char* const* layerOptions = nullptr) {
    GDALDriverH drv = GDALGetDriverByName(driverName);
    QVERIFY2(drv, driverName);
    GDALDatasetH ds = GDALCreate(drv, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    QVERIFY2(ds, CPLGetLastErrorMsg());
    OGRSpatialReferenceH srs = newSrs(epsg);
    QVERIFY(srs);
    OGRLayerH layer =
      GDALDatasetCreateLayer(ds, "parcels", srs, wkbPolygon, const_cast<char**>(layerOptions));
    OSRDestroySpatialReference(srs);
    QVERIFY2(layer, CPLGetLastErrorMsg());
    OGRFieldDefnH fd = OGR_Fld_Create(fieldName.c_str(), OFTString);
    OGR_Fld_SetWidth(fd, 40);
    QCOMPARE(OGR_L_CreateField(layer, fd, TRUE), OGRERR_NONE);
    OGR_Fld_Destroy(fd);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int field = OGR_FD_GetFieldIndex(defn, fieldName.c_str());
    QVERIFY(field >= 0);
    for (std::size_t i = 0; i < wkts.size(); ++i) {
        OGRFeatureH f = OGR_F_Create(defn);
        OGR_F_SetFieldString(f, field, values[i].c_str());
        OGRGeometryH g = nullptr;
        char* w = const_cast<char*>(wkts[i].c_str());
        QCOMPARE(OGR_G_CreateFromWkt(&w, nullptr, &g), OGRERR_NONE);
        QCOMPARE(OGR_F_SetGeometryDirectly(f, g), OGRERR_NONE);
        QCOMPARE(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
}

/// A MEM raster with the given size, geotransform, EPSG and Float64 values (row-major).
GDALDatasetH memRaster(int cols,
                       int rows,
                       const double gt[6],
                       int epsg,
                       const std::vector<double>& values,
                       GDALDataType type = GDT_Float64) {
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("MEM"), "", cols, rows, 1, type, nullptr);
    if (!ds)
        return nullptr;
    OGRSpatialReferenceH srs = newSrs(epsg);
    const bool ok = GDALSetGeoTransform(ds, const_cast<double*>(gt)) == CE_None && srs &&
                    GDALSetSpatialRef(ds, srs) == CE_None &&
                    GDALRasterIO(GDALGetRasterBand(ds, 1),
                                 GF_Write,
                                 0,
                                 0,
                                 cols,
                                 rows,
                                 const_cast<double*>(values.data()),
                                 cols,
                                 rows,
                                 GDT_Float64,
                                 0,
                                 0) == CE_None;
    if (srs)
        OSRDestroySpatialReference(srs);
    if (!ok) {
        GDALClose(ds);
        return nullptr;
    }
    return ds;
}

/// The zonal raster (see kX0...) as a GeoTIFF.
bool writeZonalRaster(const QString& path) {
    const double gt[6] = { kX0, kCell, 0, kY0, 0, -kCell };
    GDALDatasetH mem =
      memRaster(kCols, kRows, gt, 4547, std::vector<double>(std::size_t(kCols) * kRows, 1.0), GDT_Byte);
    if (!mem)
        return false;
    GDALDatasetH out = GDALCreateCopy(
      GDALGetDriverByName("GTiff"), path.toUtf8().constData(), mem, FALSE, nullptr, nullptr, nullptr);
    GDALClose(mem);
    if (!out)
        return false;
    GDALClose(out);
    return true;
}

using tanhui::test::expectError;

/// Counts (Stat::Count) of every parcel of a layer on the zonal raster, with ids from `idField`.
std::vector<double> zonalCounts(const QString& parcelsPath,
                                const QString& rasterPath,
                                QStringList* ids = nullptr,
                                const QString& idField = kNameField) {
    ParcelReadOptions ro;
    ro.idField = idField;
    ro.threads = 1;
    const ParcelSet set = readParcels(parcelsPath.toStdString(), ro);
    std::vector<ZonalBand> bands;
    appendRasterBands(rasterPath.toStdString(), bands);
    ZonalOptions zo;
    zo.stats = StatSet(Stat::Count);
    zo.threads = 1;
    const ZonalResult result = runZonal(set, bands, zo);
    std::vector<double> counts;
    for (std::size_t i = 0; i < set.parcels.size(); ++i) {
        counts.push_back(result.stats.at(i).at(0).count);
        if (ids)
            ids->push_back(set.parcels[i].id.toString());
    }
    return counts;
}

} // namespace

class TestFormats : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cloudOptimizedGeoTiff();
    void netcdfTwoVariables();
    void geopackageRasterContainer();
    void arcInfoAsciiGrid();
    void vectorFormats_data();
    void vectorFormats();
    void gbkShapefileWithoutCpg();

private:
    QTemporaryDir m_dir;
    QString m_raster;
    QString file(const QString& name) const { return m_dir.filePath(name); }
};

void TestFormats::initTestCase() {
    GDALAllRegister();
    QVERIFY(m_dir.isValid());
    m_raster = file(QStringLiteral("zonal_4547.tif"));
    QVERIFY(writeZonalRaster(m_raster));
}

void TestFormats::cloudOptimizedGeoTiff() {
    GDALDriverH cog = GDALGetDriverByName("COG");
    QVERIFY2(cog, "GDAL has no COG driver");
    constexpr int n = 1024;
    std::vector<double> v(std::size_t(n) * n);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            v[std::size_t(r) * n + c] = (r + c) % 200;
    const double gt[6] = { kX0, 1, 0, kY0, 0, -1 };
    GDALDatasetH mem = memRaster(n, n, gt, 4547, v, GDT_Byte);
    QVERIFY(mem);
    const QString path = file(QStringLiteral("cog.tif"));
    const char* const options[] = { "BLOCKSIZE=512", "OVERVIEWS=AUTO", "COMPRESS=DEFLATE", nullptr };
    GDALDatasetH out = GDALCreateCopy(
      cog, path.toUtf8().constData(), mem, FALSE, const_cast<char**>(options), nullptr, nullptr);
    GDALClose(mem);
    QVERIFY2(out, CPLGetLastErrorMsg());
    GDALClose(out);

    RasterDataset ds(path.toStdString());
    const RasterInfo& info = ds.info();
    QCOMPARE(info.driver, std::string("GTiff")); // a COG is read by the GTiff driver
    QVERIFY(info.crs.isValid());
    QVERIFY(info.crs.isSame(Crs::fromEpsg(4547)));
    QCOMPARE(info.grid.cols, n);
    QCOMPARE(info.grid.rows, n);
    QCOMPARE(info.bands.size(), std::size_t(1));
    QVERIFY2(info.bands[0].overviewCount > 0, "the COG has no overviews");
    QCOMPARE(info.bands[0].blockWidth, 512);
    QCOMPARE(info.bands[0].blockHeight, 512);
    std::vector<double> out2;
    std::vector<unsigned char> valid;
    ds.read(1, Window{ 700, 600, 3, 2 }, out2, valid);
    QCOMPARE(out2.size(), std::size_t(6));
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 2; ++c)
            QCOMPARE(out2[std::size_t(r) * 2 + c], double((700 + r + 600 + c) % 200));
}

void TestFormats::netcdfTwoVariables() {
    // GDAL 3.6's classic netCDF writer has no APPEND_SUBDATASET option; two variables on one grid are
    // written with the multidimensional API instead (x/y indexing variables + a grid mapping).
    GDALDriverH nc = GDALGetDriverByName("netCDF");
    QVERIFY2(nc, "GDAL has no netCDF driver");
    constexpr int cols = 6, rows = 4;
    const QString path = file(QStringLiteral("two_vars.nc"));
    {
        GDALDatasetH ds = GDALCreateMultiDimensional(nc, path.toUtf8().constData(), nullptr, nullptr);
        QVERIFY2(ds, CPLGetLastErrorMsg());
        GDALGroupH root = GDALDatasetGetRootGroup(ds);
        QVERIFY(root);
        GDALDimensionH dy =
          GDALGroupCreateDimension(root, "y", GDAL_DIM_TYPE_HORIZONTAL_Y, nullptr, rows, nullptr);
        GDALDimensionH dx =
          GDALGroupCreateDimension(root, "x", GDAL_DIM_TYPE_HORIZONTAL_X, nullptr, cols, nullptr);
        QVERIFY(dx && dy);
        GDALExtendedDataTypeH f64 = GDALExtendedDataTypeCreate(GDT_Float64);
        OGRSpatialReferenceH srs = newSrs(4547);
        QVERIFY(srs);
        auto writeArray = [&](GDALMDArrayH a,
                              std::size_t count0,
                              std::size_t count1,
                              const std::vector<double>& v) {
            const GUInt64 start[2] = { 0, 0 };
            const std::size_t count[2] = { count0, count1 };
            return GDALMDArrayWrite(
                     a, start, count, nullptr, nullptr, f64, v.data(), v.data(), v.size() * sizeof(double)) !=
                   0;
        };
        auto setString = [](GDALMDArrayH a, const char* name, const char* value) {
            GDALExtendedDataTypeH str = GDALExtendedDataTypeCreateString(0);
            GDALAttributeH attr = GDALMDArrayCreateAttribute(a, name, 0, nullptr, str, nullptr);
            const bool ok = attr && GDALAttributeWriteString(attr, value) != 0;
            if (attr)
                GDALAttributeRelease(attr);
            GDALExtendedDataTypeRelease(str);
            return ok;
        };
        // Cell centres; y decreasing (north first).
        GDALMDArrayH xv = GDALGroupCreateMDArray(root, "x", 1, &dx, f64, nullptr);
        GDALMDArrayH yv = GDALGroupCreateMDArray(root, "y", 1, &dy, f64, nullptr);
        QVERIFY(xv && yv);
        std::vector<double> xs, ys;
        for (int c = 0; c < cols; ++c)
            xs.push_back(kX0 + (c + 0.5) * kCell);
        for (int r = 0; r < rows; ++r)
            ys.push_back(kY0 - (r + 0.5) * kCell);
        QVERIFY(writeArray(xv, cols, 0, xs));
        QVERIFY(writeArray(yv, rows, 0, ys));
        QVERIFY(setString(xv, "standard_name", "projection_x_coordinate"));
        QVERIFY(setString(yv, "standard_name", "projection_y_coordinate"));
        QVERIFY(setString(xv, "units", "m"));
        QVERIFY(setString(yv, "units", "m"));
        // A variable named like its dimension is its coordinate variable in netCDF (the driver does not
        // implement SetIndexingVariable).
        GDALDimensionH dims[2] = { dy, dx };
        for (const char* name : { "temperature", "rainfall" }) {
            GDALMDArrayH a = GDALGroupCreateMDArray(root, name, 2, dims, f64, nullptr);
            QVERIFY(a);
            QVERIFY(GDALMDArraySetSpatialRef(a, srs));
            std::vector<double> v(std::size_t(cols) * rows);
            const double base = std::string(name) == "temperature" ? 0 : 1000;
            for (std::size_t i = 0; i < v.size(); ++i)
                v[i] = base + double(i);
            QVERIFY(writeArray(a, rows, cols, v));
            GDALMDArrayRelease(a);
        }
        OSRDestroySpatialReference(srs);
        GDALMDArrayRelease(xv);
        GDALMDArrayRelease(yv);
        GDALExtendedDataTypeRelease(f64);
        GDALDimensionRelease(dx);
        GDALDimensionRelease(dy);
        GDALGroupRelease(root);
        GDALClose(ds);
    }

    // The container: an error listing both subdatasets.
    const GisError e = expectError([&] { RasterDataset ds(path.toStdString()); });
    QCOMPARE(e.kind(), GisError::Kind::Open);
    const std::string msg = e.what();
    const std::string tName = "NETCDF:\"" + path.toStdString() + "\":temperature";
    const std::string rName = "NETCDF:\"" + path.toStdString() + "\":rainfall";
    QVERIFY2(msg.find(tName) != std::string::npos, msg.c_str());
    QVERIFY2(msg.find(rName) != std::string::npos, msg.c_str());
    QCOMPARE(e.path(), path.toStdString());

    // One subdataset: the right grid, CRS and values.
    for (const std::string& name : { tName, rName }) {
        RasterDataset ds(name);
        const RasterInfo& info = ds.info();
        QCOMPARE(info.driver, std::string("netCDF"));
        QCOMPARE(info.grid.cols, cols);
        QCOMPARE(info.grid.rows, rows);
        QVERIFY(std::abs(info.grid.originX - kX0) < 1e-6);
        QVERIFY(std::abs(info.grid.originY - kY0) < 1e-6);
        QVERIFY(std::abs(info.grid.cellWidth - kCell) < 1e-9);
        QVERIFY(std::abs(info.grid.cellHeight - kCell) < 1e-9);
        QVERIFY2(info.crs.isValid(), name.c_str());
        QVERIFY(info.crs.isSame(Crs::fromEpsg(4547)));
        std::vector<double> v;
        std::vector<unsigned char> valid;
        ds.read(1, Window{ 0, 0, rows, cols }, v, valid);
        const double base = name == tName ? 0 : 1000;
        for (std::size_t i = 0; i < v.size(); ++i)
            QCOMPARE(v[i], base + double(i)); // row 0 is the northern row as written
    }
}

void TestFormats::geopackageRasterContainer() {
    // A GeoPackage with two raster tables is a container too.
    const QString path = file(QStringLiteral("two_tables.gpkg"));
    const double gt[6] = { kX0, kCell, 0, kY0, 0, -kCell };
    GDALDatasetH mem = memRaster(8, 8, gt, 4547, std::vector<double>(64, 7.0), GDT_Byte);
    QVERIFY(mem);
    const char* const first[] = { "RASTER_TABLE=dem", nullptr };
    const char* const second[] = { "RASTER_TABLE=slope", "APPEND_SUBDATASET=YES", nullptr };
    for (const char* const* options : { first, second }) {
        GDALDatasetH out = GDALCreateCopy(GDALGetDriverByName("GPKG"),
                                          path.toUtf8().constData(),
                                          mem,
                                          FALSE,
                                          const_cast<char**>(options),
                                          nullptr,
                                          nullptr);
        QVERIFY2(out, CPLGetLastErrorMsg());
        GDALClose(out);
    }
    GDALClose(mem);
    const GisError e = expectError([&] { RasterDataset ds(path.toStdString()); });
    QCOMPARE(e.kind(), GisError::Kind::Open);
    const std::string msg = e.what();
    QVERIFY2(msg.find("GPKG:" + path.toStdString() + ":dem") != std::string::npos, msg.c_str());
    QVERIFY2(msg.find("GPKG:" + path.toStdString() + ":slope") != std::string::npos, msg.c_str());
    RasterDataset slope("GPKG:" + path.toStdString() + ":slope");
    QCOMPARE(slope.info().driver, std::string("GPKG"));
    QCOMPARE(slope.info().grid.cols, 8);
    QVERIFY(slope.info().crs.isSame(Crs::fromEpsg(4547)));
}

void TestFormats::arcInfoAsciiGrid() {
    // AAIGrid is written by CreateCopy (it has no Create) and gets its CRS from an ESRI .prj.
    const double gt[6] = { kX0, kCell, 0, kY0, 0, -kCell };
    std::vector<double> v(std::size_t(kCols) * kRows, 1.0);
    v[0] = -9999;
    GDALDatasetH mem = memRaster(kCols, kRows, gt, 4547, v, GDT_Int32);
    QVERIFY(mem);
    QCOMPARE(GDALSetRasterNoDataValue(GDALGetRasterBand(mem, 1), -9999), CE_None);
    const QString path = file(QStringLiteral("grid.asc"));
    GDALDatasetH out = GDALCreateCopy(
      GDALGetDriverByName("AAIGrid"), path.toUtf8().constData(), mem, FALSE, nullptr, nullptr, nullptr);
    GDALClose(mem);
    QVERIFY2(out, CPLGetLastErrorMsg());
    GDALClose(out);
    QVERIFY(QFile::exists(file(QStringLiteral("grid.prj"))));

    RasterDataset ds(path.toStdString());
    const RasterInfo& info = ds.info();
    QCOMPARE(info.driver, std::string("AAIGrid"));
    QVERIFY(info.crs.isValid());
    // The ESRI .prj carries no EPSG code; check what it defines.
    QVERIFY2(QString::fromStdString(info.crs.name()).contains(QStringLiteral("CM 114E")),
             info.crs.name().c_str());
    QCOMPARE(info.crs.semiMajorMetres(), 6378137.0);
    QCOMPARE(info.crs.linearUnitMetres(), 1.0);
    QVERIFY(!info.crs.isGeographic());
    // The .prj CRS is EPSG:4547 except for the axis order (easting, northing; EPSG:4547 says northing,
    // easting): Crs::isSame ignores axis order, for projected CRSs too.
    QVERIFY2(info.crs.isSame(Crs::fromEpsg(4547)), info.crs.wkt().c_str());
    QCOMPARE(info.grid.cols, kCols);
    QCOMPARE(info.grid.rows, kRows);
    QCOMPARE(info.grid.originX, kX0);
    QCOMPARE(info.grid.originY, kY0);
    QCOMPARE(info.grid.cellWidth, kCell);
    QVERIFY(info.bands.at(0).nodata.has_value());
    QCOMPARE(*info.bands[0].nodata, -9999.0);

    // And it works as a zonal raster: the nodata cell (row 0, col 0) is outside both parcels.
    const QString parcels = file(QStringLiteral("asc_parcels.geojson"));
    writePolygons("GeoJSON",
                  parcels,
                  4547,
                  { rectWkt(kRects[0]), rectWkt(kRects[1]) },
                  kNameField.toStdString(),
                  { kNames[0].toStdString(), kNames[1].toStdString() });
    const std::vector<double> counts = zonalCounts(parcels, path);
    QCOMPARE(counts.size(), std::size_t(2));
    for (int i = 0; i < 2; ++i)
        QVERIFY2(std::abs(counts[std::size_t(i)] - kExpectedCells[i]) < 1e-9,
                 qPrintable(QString::number(counts[std::size_t(i)], 'g', 17)));
}

void TestFormats::vectorFormats_data() {
    QTest::addColumn<QString>("writer"); // GDAL driver used to write the fixture
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QStringList>("drivers"); // acceptable VectorLayer::info().driver values
    QTest::addColumn<int>("epsg");
    QTest::addColumn<QStringList>("layerOptions");

    const QStringList none;
    QTest::newRow("Shapefile") << "ESRI Shapefile"
                               << "parcels.shp" << QStringList{ "ESRI Shapefile" } << 4547
                               << QStringList{ "ENCODING=UTF-8" };
    QTest::newRow("GeoPackage") << "GPKG"
                                << "parcels.gpkg" << QStringList{ "GPKG" } << 4547 << none;
    QTest::newRow("GeoJSON") << "GeoJSON"
                             << "parcels.geojson" << QStringList{ "GeoJSON" } << 4547 << none;
    QTest::newRow("FileGDB") << "OpenFileGDB"
                             << "parcels.gdb" << QStringList{ "OpenFileGDB" } << 4547 << none;
    // KML is always EPSG:4326; GDAL reads it with LIBKML when that driver is built in, else with KML.
    QTest::newRow("KML") << "KML"
                         << "parcels.kml" << QStringList{ "LIBKML", "KML" } << 4326 << none;
}

void TestFormats::vectorFormats() {
    QFETCH(QString, writer);
    QFETCH(QString, fileName);
    QFETCH(QStringList, drivers);
    QFETCH(int, epsg);
    QFETCH(QStringList, layerOptions);

    std::vector<std::string> wkts;
    for (const Rect& r : kRects)
        wkts.push_back(epsg == 4547 ? rectWkt(r) : rectWkt4326(r));
    QVERIFY(!wkts[0].empty() && !wkts[1].empty());
    const QString path = file(fileName);
    std::vector<QByteArray> optBytes;
    std::vector<const char*> opts;
    for (const QString& o : layerOptions)
        optBytes.push_back(o.toUtf8());
    for (const QByteArray& b : optBytes)
        opts.push_back(b.constData());
    opts.push_back(nullptr);
    writePolygons(writer.toUtf8().constData(),
                  path,
                  epsg,
                  wkts,
                  kNameField.toStdString(),
                  { kNames[0].toStdString(), kNames[1].toStdString() },
                  opts.data());
    if (QTest::currentTestFailed())
        return;

    {
        VectorLayer layer(path.toStdString());
        const LayerInfo& info = layer.info();
        QVERIFY2(drivers.contains(QString::fromStdString(info.driver)), info.driver.c_str());
        QCOMPARE(info.featureCount, std::int64_t(2));
        QVERIFY(info.crs.isValid());
        QVERIFY(info.crs.isSame(Crs::fromEpsg(epsg)));
        const int field = layer.fieldIndex(kNameField);
        QVERIFY2(field >= 0, "the Chinese field name was not read back");
        QStringList values;
        Feature f;
        while (layer.next(f)) {
            values << f.attributes.at(std::size_t(field)).toString();
            QVERIFY(!f.wkb.empty());
        }
        QCOMPARE(values, kNames);
    }

    // The geometries read again by FID (the carbon run's parcels table, ParcelGeometries) are the bytes
    // the reader kept, asked in order, in reverse (read by FID), again, and one skipped.
    {
        ParcelReadOptions keep;
        keep.keepWkb = true;
        const ParcelSet read = readParcels(path.toStdString(), keep);
        QCOMPARE(read.parcels.size(), std::size_t(2));
        const ParcelGeometries again(path.toStdString(), keep.open);
        for (const Parcel& p : read.parcels)
            QVERIFY(again.wkb(p.fid) == p.wkb);
        for (auto p = read.parcels.rbegin(); p != read.parcels.rend(); ++p)
            QVERIFY(again.wkb(p->fid) == p->wkb);
        QVERIFY(again.wkb(read.parcels[1].fid) == read.parcels[1].wkb);
        again.close(); // closed, it opens the file again when asked
        QVERIFY(again.wkb(read.parcels[0].fid) == read.parcels[0].wkb);
        const ParcelGeometries skipping(path.toStdString(), keep.open);
        QVERIFY(skipping.wkb(read.parcels[1].fid) == read.parcels[1].wkb);
        // A feature the file no longer has (it changed during the run) is an error naming the file.
        const std::int64_t gone = std::max(read.parcels[0].fid, read.parcels[1].fid) + 100;
        try {
            (void)again.wkb(gone);
            QFAIL("no error for a missing feature");
        } catch (const GisError& e) {
            QCOMPARE(e.kind(), GisError::Kind::Io);
            QVERIFY2(QString::fromUtf8(e.what()).contains(QString::number(gone)) &&
                       QString::fromUtf8(e.what()).contains(fileName),
                     e.what());
        }
        // With the stamp of the read (ParcelSet::stamp: every file of the dataset), the geometries as
        // long as the files are unchanged; once one is edited (here: each file's time moved 10 s on,
        // as a save would), refused before any geometry is given, naming the file.
        QVERIFY(!read.stamp.empty());
        QVERIFY2(std::any_of(read.stamp.files.begin(),
                             read.stamp.files.end(),
                             [&](const FileStamp::File& f) {
                                 return QString::fromStdString(f.path).contains(fileName);
                             }),
                 qPrintable(fileName));
        const ParcelGeometries stamped(path.toStdString(), keep.open, read.stamp);
        QVERIFY(stamped.wkb(read.parcels[1].fid) == read.parcels[1].wkb);
        stamped.close();
        for (const FileStamp::File& f : read.stamp.files)
            std::filesystem::last_write_time(
              f.path, std::filesystem::last_write_time(f.path) + std::chrono::seconds(10));
        try {
            (void)stamped.wkb(read.parcels[0].fid);
            QFAIL("no error for a file edited after it was read");
        } catch (const GisError& e) {
            QCOMPARE(e.kind(), GisError::Kind::Io);
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("changed after it was read")) &&
                       QString::fromUtf8(e.what()).contains(fileName),
                     e.what());
        }
    }

    QStringList ids;
    const std::vector<double> counts = zonalCounts(path, m_raster, &ids);
    QCOMPARE(ids, kNames);
    QCOMPARE(counts.size(), std::size_t(2));
    if (epsg == 4547) {
        for (std::size_t i = 0; i < 2; ++i)
            QVERIFY2(std::abs(counts[i] - kExpectedCells[i]) < 1e-9,
                     qPrintable(QStringLiteral("parcel %1: %2 cells, expected %3")
                                  .arg(i)
                                  .arg(counts[i], 0, 'g', 17)
                                  .arg(kExpectedCells[i])));
    } else {
        // Reprojected from lon/lat: the same rectangles from a GeoJSON in EPSG:4326 are the reference.
        const QString reference = file(QStringLiteral("reference_4326.geojson"));
        writePolygons("GeoJSON",
                      reference,
                      4326,
                      wkts,
                      kNameField.toStdString(),
                      { kNames[0].toStdString(), kNames[1].toStdString() });
        const std::vector<double> expected = zonalCounts(reference, m_raster);
        QCOMPARE(expected.size(), std::size_t(2));
        for (std::size_t i = 0; i < 2; ++i) {
            QVERIFY2(std::abs(counts[i] - expected[i]) <= 1e-9 * expected[i],
                     qPrintable(QStringLiteral("parcel %1: %2 cells from KML, %3 from GeoJSON")
                                  .arg(i)
                                  .arg(counts[i], 0, 'g', 17)
                                  .arg(expected[i], 0, 'g', 17)));
            // ...and close to the projected rectangles (corners rounded to 1e-7 degree, ~1 cm).
            QVERIFY(std::abs(counts[i] - kExpectedCells[i]) < 1e-3 * kExpectedCells[i]);
        }
    }
}

void TestFormats::gbkShapefileWithoutCpg() {
    // A shapefile as written by Chinese desktop software: GBK bytes in field names and values, no .cpg,
    // no LDID. GDAL writes raw bytes with ENCODING="" (and an empty .cpg, removed below).
    auto gbk = [](const QString& s) {
        char* r = CPLRecode(s.toUtf8().constData(), CPL_ENC_UTF8, "CP936");
        std::string out(r);
        CPLFree(r);
        return out;
    };
    const QString idField = QStringLiteral("小班号");
    const QStringList ids{ QStringLiteral("林-001"), QStringLiteral("林-002") };
    const QString path = file(QStringLiteral("gbk_parcels.shp"));
    const char* const lco[] = { "ENCODING=", nullptr };
    writePolygons("ESRI Shapefile",
                  path,
                  4547,
                  { rectWkt(kRects[0]), rectWkt(kRects[1]) },
                  gbk(idField),
                  { gbk(ids[0]), gbk(ids[1]) },
                  lco);
    if (QTest::currentTestFailed())
        return;
    QFile::remove(file(QStringLiteral("gbk_parcels.cpg")));
    QVERIFY(!QFile::exists(file(QStringLiteral("gbk_parcels.cpg"))));
    // The raw bytes really are GBK (independent of the code under test).
    QFile dbf(file(QStringLiteral("gbk_parcels.dbf")));
    QVERIFY(dbf.open(QIODevice::ReadOnly));
    const QByteArray bytes = dbf.readAll();
    QVERIFY(bytes.contains(QByteArray::fromStdString(gbk(ids[0]))));
    QVERIFY(!bytes.contains(ids[0].toUtf8()));

    ParcelReadOptions ro;
    ro.idField = idField;
    const ParcelSet set = readParcels(path.toStdString(), ro);
    QCOMPARE(set.layer.encoding.encoding, std::string("GBK"));
    QCOMPARE(set.parcels.size(), std::size_t(2));
    for (std::size_t i = 0; i < 2; ++i)
        QCOMPARE(set.parcels[i].id.toString(), ids[int(i)]);

    QStringList got;
    const std::vector<double> counts = zonalCounts(path, m_raster, &got, idField);
    QCOMPARE(got, ids);
    for (std::size_t i = 0; i < 2; ++i)
        QVERIFY(std::abs(counts[i] - kExpectedCells[i]) < 1e-9);
}

QTEST_GUILESS_MAIN(TestFormats)
#include "tst_formats.moc"
