// SPDX-License-Identifier: GPL-3.0-or-later
// The map renderer (render/): class limits, ramps, map settings, rasters (paletted, pseudocolour,
// nodata, reprojection, overviews) and polygon layers (styles, index, selection, identify), painted
// onto images with expected colours at known map points.
#include "gis/Crs.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "render/Classification.h"
#include "render/ColorRamp.h"
#include "render/MapRenderer.h"
#include "render/MapSettings.h"

#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QPicture>
#include <QPixmap>
#include <QTemporaryDir>
#include <QtTest>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cmath>

using namespace tanhui;
using namespace tanhui::render;

namespace {

constexpr double kX0 = 440000, kY0 = 2560000; // top-left corner, EPSG:4547 (Guangzhou)
constexpr double kCell = 10;

std::string epsgWkt(int code) {
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, code);
    char* wkt = nullptr;
    OSRExportToWkt(srs, &wkt);
    std::string out = wkt;
    CPLFree(wkt);
    OSRDestroySpatialReference(srs);
    return out;
}

/// A size × size Byte raster: left half 1, right half 2, the top-left 10 × 10 cells nodata 0; colour
/// table 1 = red, 2 = blue.
std::string writeClasses(const QString& dir, int size, bool colorTable = true) {
    GDALAllRegister();
    const std::string path = (dir + QStringLiteral("/classes_%1.tif").arg(size)).toStdString();
    GDALDriverH drv = GDALGetDriverByName("GTiff");
    char** opts = CSLSetNameValue(nullptr, "TILED", "YES");
    GDALDatasetH ds = GDALCreate(drv, path.c_str(), size, size, 1, GDT_Byte, opts);
    CSLDestroy(opts);
    double gt[6] = { kX0, kCell, 0, kY0, 0, -kCell };
    GDALSetGeoTransform(ds, gt);
    GDALSetProjection(ds, epsgWkt(4547).c_str());
    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    GDALSetRasterNoDataValue(band, 0);
    std::vector<unsigned char> row(static_cast<std::size_t>(size));
    for (int r = 0; r < size; ++r) {
        for (int c = 0; c < size; ++c)
            row[std::size_t(c)] = (r < 10 && c < 10) ? 0 : (c < size / 2 ? 1 : 2);
        if (GDALRasterIO(band, GF_Write, 0, r, size, 1, row.data(), size, 1, GDT_Byte, 0, 0) != CE_None)
            qFatal("write failed");
    }
    if (colorTable) {
        GDALColorTableH ct = GDALCreateColorTable(GPI_RGB);
        GDALColorEntry red{ 255, 0, 0, 255 }, blue{ 0, 0, 255, 255 }, none{ 0, 0, 0, 0 };
        GDALSetColorEntry(ct, 0, &none);
        GDALSetColorEntry(ct, 1, &red);
        GDALSetColorEntry(ct, 2, &blue);
        GDALSetRasterColorTable(band, ct);
        GDALDestroyColorTable(ct);
    }
    GDALClose(ds);
    return path;
}

/// Squares of `side` metres in a GeoPackage (EPSG:4547): fields "kind" (text) and "c_t_ha" (real).
struct Square {
    double x0, y0, side;
    const char* kind;
    double c;
};
std::string writeSquares(const QString& dir,
                         const std::vector<Square>& squares,
                         const char* name = "squares") {
    GDALAllRegister();
    const std::string path = (dir + "/" + name + ".gpkg").toStdString();
    GDALDriverH drv = GDALGetDriverByName("GPKG");
    GDALDatasetH ds = GDALCreate(drv, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4547);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, name, srs, wkbPolygon, nullptr);
    OSRDestroySpatialReference(srs);
    OGRFieldDefnH kind = OGR_Fld_Create("kind", OFTString);
    OGR_L_CreateField(layer, kind, TRUE);
    OGR_Fld_Destroy(kind);
    OGRFieldDefnH c = OGR_Fld_Create("c_t_ha", OFTReal);
    OGR_L_CreateField(layer, c, TRUE);
    OGR_Fld_Destroy(c);
    if (OGR_L_StartTransaction(layer) != OGRERR_NONE)
        qFatal("transaction failed");
    for (const Square& s : squares) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(f, 0, s.kind);
        OGR_F_SetFieldDouble(f, 1, s.c);
        OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
        OGR_G_AddPoint_2D(ring, s.x0, s.y0);
        OGR_G_AddPoint_2D(ring, s.x0 + s.side, s.y0);
        OGR_G_AddPoint_2D(ring, s.x0 + s.side, s.y0 + s.side);
        OGR_G_AddPoint_2D(ring, s.x0, s.y0 + s.side);
        OGR_G_AddPoint_2D(ring, s.x0, s.y0);
        OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
        OGR_G_AddGeometryDirectly(poly, ring);
        OGR_F_SetGeometryDirectly(f, poly);
        if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE)
            qFatal("feature failed");
        OGR_F_Destroy(f);
    }
    if (OGR_L_CommitTransaction(layer) != OGRERR_NONE)
        qFatal("commit failed");
    GDALClose(ds);
    return path;
}

MapSettings settingsFor(const gis::Box& extent, int w, int h, int epsg = 4547) {
    MapSettings s;
    s.crs = gis::Crs::fromEpsg(epsg);
    s.extent = extent;
    s.size = QSize(w, h);
    s.background = Qt::white;
    return s;
}

QRgb pixelAt(const QImage& image, const MapSettings& s, double x, double y) {
    const QPointF p = s.toPixel(x, y);
    return image.pixel(int(p.x()), int(p.y()));
}

/// An nx × ny tiling of quadrilaterals whose shared corners are jittered by up to 0.3 cell (the
/// neighbours share them exactly, like parcels cut from one coverage), top-left corner (x0, y0), in a
/// GeoPackage (EPSG:4547): "kind" forest or cropland (from a hash of the cell), "c_t_ha" = i + j.
std::string writeJitteredTiling(const QString& dir, int nx, int ny, double x0, double y0, double cell) {
    const auto jitter = [](int i, int j, int axis) {
        std::uint64_t h = std::uint64_t(i) * 0x9E3779B97F4A7C15ull ^
                          std::uint64_t(j) * 0xC2B2AE3D27D4EB4Full ^
                          std::uint64_t(axis + 1) * 0x165667B19E3779F9ull;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9ull;
        h ^= h >> 32;
        return (double(h % 1000) / 999.0 - 0.5) * 0.6;
    };
    const auto vx = [&](int i, int j) { return x0 + (i + jitter(i, j, 0)) * cell; };
    const auto vy = [&](int i, int j) { return y0 - (j + jitter(i, j, 1)) * cell; };
    GDALAllRegister();
    const std::string path = (dir + "/tiling.gpkg").toStdString();
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GPKG"), path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4547);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "tiling", srs, wkbPolygon, nullptr);
    OSRDestroySpatialReference(srs);
    OGRFieldDefnH kind = OGR_Fld_Create("kind", OFTString);
    OGR_L_CreateField(layer, kind, TRUE);
    OGR_Fld_Destroy(kind);
    OGRFieldDefnH c = OGR_Fld_Create("c_t_ha", OFTReal);
    OGR_L_CreateField(layer, c, TRUE);
    OGR_Fld_Destroy(c);
    if (OGR_L_StartTransaction(layer) != OGRERR_NONE)
        qFatal("transaction failed");
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
            OGR_F_SetFieldString(f, 0, (i * 7 + j * 13) % 5 < 2 ? "cropland" : "forest");
            OGR_F_SetFieldDouble(f, 1, i + j);
            OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
            for (const auto& [di, dj] : { std::pair{ 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 }, { 0, 0 } })
                OGR_G_AddPoint_2D(ring, vx(i + di, j + dj), vy(i + di, j + dj));
            OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
            OGR_G_AddGeometryDirectly(poly, ring);
            OGR_F_SetGeometryDirectly(f, poly);
            if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE)
                qFatal("feature failed");
            OGR_F_Destroy(f);
        }
    if (OGR_L_CommitTransaction(layer) != OGRERR_NONE)
        qFatal("commit failed");
    GDALClose(ds);
    return path;
}

/// Mean and largest difference (0–255) between two images of the same size, compared as the means of
/// `block` × `block` pixel blocks per colour channel: what the eye sees of a dense frame.
struct BlockDifference {
    double mean = 0, max = 0;
};
BlockDifference blockDifference(const QImage& a, const QImage& b, int block) {
    BlockDifference d;
    int blocks = 0;
    for (int by = 0; by + block <= a.height(); by += block)
        for (int bx = 0; bx + block <= a.width(); bx += block) {
            double sa[3] = { 0, 0, 0 }, sb[3] = { 0, 0, 0 };
            for (int y = by; y < by + block; ++y)
                for (int x = bx; x < bx + block; ++x) {
                    const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
                    sa[0] += qRed(p), sa[1] += qGreen(p), sa[2] += qBlue(p);
                    sb[0] += qRed(q), sb[1] += qGreen(q), sb[2] += qBlue(q);
                }
            for (int k = 0; k < 3; ++k) {
                const double e = std::abs(sa[k] - sb[k]) / (block * block);
                d.mean += e;
                d.max = std::max(d.max, e);
            }
            ++blocks;
        }
    d.mean /= 3.0 * std::max(1, blocks);
    return d;
}

/// The frame drawn the way vector devices (PDF, SVG) get it: recorded as a QPicture (each feature
/// filled and outlined with antialiasing by Qt, one call per feature), replayed onto an image.
QImage vectorPathFrame(const MapSettings& s, const std::vector<MapLayer>& layers) {
    QPicture picture;
    {
        QPainter painter(&picture);
        MapRenderer::render(painter, s, layers);
    }
    QImage image(s.size, QImage::Format_ARGB32_Premultiplied);
    image.fill(s.background);
    QPainter painter(&image);
    picture.play(&painter);
    return image;
}

/// The frame rendered at 4 × 4 pixels per pixel (outlines 4 × wider, drawn as stroked polygons) and
/// averaged back: the closest to the exact picture an image of this size can hold.
QImage supersampledFrame(const MapSettings& s, const std::vector<MapLayer>& layers) {
    MapSettings big = s;
    big.size = s.size * 4;
    big.dpi = s.dpi * 4;
    const QImage fine = MapRenderer::renderImage(big, layers);
    QImage image(s.size, QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < s.size.height(); ++y)
        for (int x = 0; x < s.size.width(); ++x) {
            int r = 0, g = 0, b = 0;
            for (int v = 0; v < 4; ++v)
                for (int u = 0; u < 4; ++u) {
                    const QRgb p = fine.pixel(4 * x + u, 4 * y + v);
                    r += qRed(p), g += qGreen(p), b += qBlue(p);
                }
            image.setPixel(x, y, qRgb((r + 8) / 16, (g + 8) / 16, (b + 8) / 16));
        }
    return image;
}

} // namespace

class TestMapRenderer : public QObject {
    Q_OBJECT

private slots:
    void classLimitsByMethod();
    void colorRamps();
    void mapSettingsGeometry();
    void palettedRasterColoursAndNodata();
    void pseudocolorStretch();
    void rasterReprojectedToGeographic();
    void overviewsAreReadForSmallFrames();
    void rasterWithoutCrsRefused();
    void polygonsCategorizedGraduatedAndSelected();
    void spatialIndexMatchesBruteForce();
    void twoThreadFrameEqualsSinglePass();
    void fastFrameMatchesReferences();
    void identifyFeaturesAtPoint();
    void selectByRectangleIsExact();
    void cancelStopsRendering();
};

void TestMapRenderer::classLimitsByMethod() {
    const std::vector<double> ten{ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
    QCOMPARE(classLimits(ten, 5, ClassMethod::EqualInterval), (std::vector<double>{ 0, 2, 4, 6, 8, 10 }));
    // Type 7 quantiles of 1..9 in 4 classes: h = 8 × 0.25 = 2 → 3, 4 → 5, 6 → 7.
    QCOMPARE(classLimits({ 9, 1, 2, 3, 4, 5, 6, 7, 8 }, 4, ClassMethod::Quantile),
             (std::vector<double>{ 1, 3, 5, 7, 9 }));
    // Three obvious groups: natural breaks end each class at its group's largest value.
    QCOMPARE(classLimits({ 20, 1, 2, 3, 10, 11, 12, 21, 22 }, 3, ClassMethod::NaturalBreaks),
             (std::vector<double>{ 1, 3, 12, 22 }));
    // Jenks on 1, 2, 4, 8, 16 (2 classes): {1,2,4,8}|{16} has SSD 26.75 < {1,2,4}|{8,16} 36.67.
    QCOMPARE(classLimits({ 1, 2, 4, 8, 16 }, 2, ClassMethod::NaturalBreaks),
             (std::vector<double>{ 1, 8, 16 }));
    // Fewer distinct values than classes; NaN ignored; no values.
    QCOMPARE(classLimits({ 5, 5, NAN, 5 }, 4, ClassMethod::Quantile), (std::vector<double>{ 5, 5 }));
    QVERIFY(classLimits({ NAN }, 3, ClassMethod::EqualInterval).empty());
    // Large inputs are reduced to 3,000 order statistics: still ascending, ends at min and max.
    std::vector<double> big;
    for (int i = 0; i < 100000; ++i)
        big.push_back(std::fmod(i * 7919.0, 1000.0));
    const auto limits = classLimits(big, 5, ClassMethod::NaturalBreaks);
    QCOMPARE(limits.size(), std::size_t(6));
    QCOMPARE(limits.front(), 0.0);
    QCOMPARE(limits.back(), 999.0);
    QVERIFY(std::is_sorted(limits.begin(), limits.end()));
}

void TestMapRenderer::colorRamps() {
    const ColorRamp d = ColorRamp::named(QStringLiteral("diverging"));
    QCOMPARE(d.at(0.0), QColor(QStringLiteral("#a50026")));
    QCOMPARE(d.at(0.5), QColor(QStringLiteral("#f7f7f7")));
    QCOMPARE(d.at(1.0), QColor(QStringLiteral("#006837")));
    QCOMPARE(d.at(7.0), d.at(1.0));
    const ColorRamp g = ColorRamp::named(QStringLiteral("no such ramp"));
    QCOMPARE(g.id, QStringLiteral("greys"));
    QCOMPARE(g.at(0.5), QColor(128, 128, 128));
    QCOMPARE(g.reversed().at(0.0), QColor(255, 255, 255));
    for (const QString& id : ColorRamp::names())
        QCOMPARE(ColorRamp::named(id).id, id);
}

void TestMapRenderer::mapSettingsGeometry() {
    // 1,000 m across 500 px wide, 1,000 m high extent in a 500 × 250 frame: widened to 2,000 m across.
    MapSettings s = settingsFor({ 0, 0, 1000, 1000 }, 500, 250);
    QCOMPARE(s.mapUnitsPerPixel(), 4.0);
    const gis::Box v = s.visibleExtent();
    QCOMPARE(v.xmin, -500.0);
    QCOMPARE(v.xmax, 1500.0);
    QCOMPARE(v.ymin, 0.0);
    QCOMPARE(s.toPixel(-500, 1000), QPointF(0, 0));
    QCOMPARE(s.toMap(QPointF(250, 125)), QPointF(500, 500));
    // 1 m per pixel at 96 dpi: 1 px = 0.0254 / 96 m on the device, so 1 : 3779.5.
    MapSettings one = settingsFor({ 0, 0, 1000, 1000 }, 1000, 1000);
    QVERIFY(std::abs(one.scaleDenominator() - 96 / 0.0254) < 1e-6);
}

void TestMapRenderer::palettedRasterColoursAndNodata() {
    QTemporaryDir dir;
    const std::string path = writeClasses(dir.path(), 100);
    MapLayer layer;
    layer.raster = RasterSource::open(path);
    gis::RasterDataset ds(path);
    layer.rasterStyle = palettedFromColorTable(ds, 1);
    QCOMPARE(layer.rasterStyle.classes.size(), std::size_t(2)); // 0 is transparent: left out
    const gis::Box extent{ kX0, kY0 - 1000, kX0 + 1000, kY0 };
    const MapSettings s = settingsFor(extent, 200, 200);
    const QImage image = MapRenderer::renderImage(s, { layer });
    QCOMPARE(pixelAt(image, s, kX0 + 250, kY0 - 500), qRgb(255, 0, 0));   // left half: class 1
    QCOMPARE(pixelAt(image, s, kX0 + 750, kY0 - 500), qRgb(0, 0, 255));   // right half: class 2
    QCOMPARE(pixelAt(image, s, kX0 + 50, kY0 - 50), qRgb(255, 255, 255)); // nodata: background
    // Project classes instead of the file's table; a class without colour entry stays transparent.
    layer.rasterStyle.classes = { RasterClass{
      2, QColor(0, 200, 0), QStringLiteral("Forest"), QStringLiteral("森林"), true } };
    QCOMPARE(layer.rasterStyle.classes[0].label(QStringLiteral("zh_CN")), QStringLiteral("森林"));
    QCOMPARE(layer.rasterStyle.classes[0].label(QStringLiteral("en")), QStringLiteral("Forest"));
    const QImage second = MapRenderer::renderImage(s, { layer });
    QCOMPARE(pixelAt(second, s, kX0 + 750, kY0 - 500), qRgb(0, 200, 0));
    QCOMPARE(pixelAt(second, s, kX0 + 250, kY0 - 500), qRgb(255, 255, 255));
    // Half opacity over white: (0 + 255) / 2 in red and blue.
    layer.rasterStyle.opacity = 0.5;
    const QRgb half = pixelAt(MapRenderer::renderImage(s, { layer }), s, kX0 + 750, kY0 - 500);
    QVERIFY(std::abs(qRed(half) - 127) <= 1 && std::abs(qGreen(half) - 227) <= 1);
}

void TestMapRenderer::pseudocolorStretch() {
    QTemporaryDir dir;
    const std::string path = writeClasses(dir.path(), 100, false);
    gis::RasterDataset ds(path);
    const auto [lo, hi] = computeStretch(ds, 1, StretchKind::MinMax);
    QCOMPARE(lo, 1.0);
    QCOMPARE(hi, 2.0);
    // 10 % cut: the 10th percentile is 1, the 90th 2 (half the valid cells each).
    const auto [clo, chi] = computeStretch(ds, 1, StretchKind::CumulativeCut, 10, 90);
    QCOMPARE(clo, 1.0);
    QCOMPARE(chi, 2.0);
    MapLayer layer;
    layer.raster = RasterSource::open(path);
    layer.rasterStyle.kind = RasterStyle::Kind::Pseudocolor;
    layer.rasterStyle.min = 1;
    layer.rasterStyle.max = 2;
    layer.rasterStyle.ramp = ColorRamp::named(QStringLiteral("greys"));
    const MapSettings s = settingsFor({ kX0, kY0 - 1000, kX0 + 1000, kY0 }, 100, 100);
    const QImage image = MapRenderer::renderImage(s, { layer });
    QCOMPARE(pixelAt(image, s, kX0 + 250, kY0 - 500), qRgb(0, 0, 0));
    QCOMPARE(pixelAt(image, s, kX0 + 750, kY0 - 500), qRgb(255, 255, 255));
}

void TestMapRenderer::rasterReprojectedToGeographic() {
    QTemporaryDir dir;
    const std::string path = writeClasses(dir.path(), 100);
    MapLayer layer;
    layer.raster = RasterSource::open(path);
    gis::RasterDataset ds(path);
    layer.rasterStyle = palettedFromColorTable(ds, 1);
    // Known points (cell centres well inside each half) in longitude/latitude.
    std::vector<double> pts{ kX0 + 205, kY0 - 505, kX0 + 795, kY0 - 505, kX0 + 5, kY0 - 5 };
    std::vector<double> corners{ kX0, kY0, kX0 + 1000, kY0, kX0, kY0 - 1000, kX0 + 1000, kY0 - 1000 };
    gis::CoordinateTransform toGeo(gis::Crs::fromEpsg(4547), gis::Crs::fromEpsg(4490));
    toGeo.transform(pts);
    toGeo.transform(corners);
    gis::Box box{ 1e9, 1e9, -1e9, -1e9 };
    for (std::size_t i = 0; i < corners.size(); i += 2) {
        box.xmin = std::min(box.xmin, corners[i]);
        box.xmax = std::max(box.xmax, corners[i]);
        box.ymin = std::min(box.ymin, corners[i + 1]);
        box.ymax = std::max(box.ymax, corners[i + 1]);
    }
    const MapSettings s = settingsFor(box, 300, 300, 4490);
    const QImage image = MapRenderer::renderImage(s, { layer });
    QCOMPARE(pixelAt(image, s, pts[0], pts[1]), qRgb(255, 0, 0));
    QCOMPARE(pixelAt(image, s, pts[2], pts[3]), qRgb(0, 0, 255));
    QCOMPARE(pixelAt(image, s, pts[4], pts[5]), qRgb(255, 255, 255));
}

void TestMapRenderer::overviewsAreReadForSmallFrames() {
    QTemporaryDir dir;
    const std::string path = writeClasses(dir.path(), 2048);
    {
        gis::RasterDataset ds(path);
        QCOMPARE(ds.info().bands[0].overviewCount, 0);
        gis::Feedback feedback;
        ds.buildOverviews("NEAREST", &feedback);
        QVERIFY(ds.info().bands[0].overviewCount >= 3);
        QVERIFY(QFile::exists(QString::fromStdString(path) + QStringLiteral(".ovr")));
    }
    // Mark every overview cell 2 (blue), so a frame drawn from an overview is all blue on the left.
    GDALDatasetH ovr = GDALOpen((path + ".ovr").c_str(), GA_Update);
    QVERIFY(ovr);
    // The .ovr's band is the first level; the coarser levels are its own overviews.
    GDALRasterBandH first = GDALGetRasterBand(ovr, 1);
    std::vector<GDALRasterBandH> levels{ first };
    for (int i = 0; i < GDALGetOverviewCount(first); ++i)
        levels.push_back(GDALGetOverview(first, i));
    for (GDALRasterBandH band : levels) {
        const int w = GDALGetRasterBandXSize(band), h = GDALGetRasterBandYSize(band);
        std::vector<unsigned char> twos(std::size_t(w) * std::size_t(h), 2);
        QCOMPARE(GDALRasterIO(band, GF_Write, 0, 0, w, h, twos.data(), w, h, GDT_Byte, 0, 0), CE_None);
    }
    GDALClose(ovr);
    MapLayer layer;
    layer.raster = RasterSource::open(path);
    gis::RasterDataset ds(path);
    layer.rasterStyle = palettedFromColorTable(ds, 1);
    const gis::Box full{ kX0, kY0 - 20480, kX0 + 20480, kY0 };
    RenderStats stats;
    const MapSettings small = settingsFor(full, 200, 200);
    const QImage overview = MapRenderer::renderImage(small, { layer }, nullptr, &stats);
    QCOMPARE(pixelAt(overview, small, kX0 + 5000, kY0 - 10000), qRgb(0, 0, 255)); // from an overview
    QVERIFY2(stats.rasterCellsRead <= std::size_t(210 * 210),
             qPrintable(QString::number(stats.rasterCellsRead)));
    // Zoomed in to full resolution (1 cell per pixel): the base raster, red on the left.
    const MapSettings zoomed = settingsFor({ kX0 + 4000, kY0 - 6000, kX0 + 6000, kY0 - 4000 }, 200, 200);
    QCOMPARE(pixelAt(MapRenderer::renderImage(zoomed, { layer }), zoomed, kX0 + 5000, kY0 - 5000),
             qRgb(255, 0, 0));
}

void TestMapRenderer::rasterWithoutCrsRefused() {
    QTemporaryDir dir;
    const std::string path = writeClasses(dir.path(), 50);
    GDALDatasetH ds = GDALOpen(path.c_str(), GA_Update);
    GDALSetProjection(ds, "");
    GDALClose(ds);
    MapLayer layer;
    layer.raster = RasterSource::open(path);
    layer.rasterStyle.kind = RasterStyle::Kind::Pseudocolor;
    const MapSettings s = settingsFor({ kX0, kY0 - 500, kX0 + 500, kY0 }, 50, 50);
    try {
        MapRenderer::renderImage(s, { layer });
        QFAIL("a raster without CRS was drawn");
    } catch (const gis::GisError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("no coordinate reference system")),
                 e.what());
        QVERIFY(QString::fromUtf8(e.what()).contains(QString::fromStdString(path)));
    }
}

void TestMapRenderer::polygonsCategorizedGraduatedAndSelected() {
    QTemporaryDir dir;
    const std::string path = writeSquares(dir.path(),
                                          { { kX0, kY0 - 400, 400, "forest", 80 },
                                            { kX0 + 500, kY0 - 400, 400, "cropland", 20 },
                                            { kX0 + 100, kY0 - 900, 300, "forest", 50 } });
    MapLayer layer;
    layer.vector = VectorSource::load(path, {}, gis::Crs::fromEpsg(4547));
    QCOMPARE(layer.vector->size(), std::size_t(3));
    layer.vectorStyle.kind = VectorStyle::Kind::Categorized;
    layer.vectorStyle.field = QStringLiteral("kind");
    FillSymbol green, yellow;
    green.fill = QColor(0, 128, 0);
    yellow.fill = QColor(255, 220, 0);
    layer.vectorStyle.categories = { { QStringLiteral("forest"), QStringLiteral("Forest"), green },
                                     { QStringLiteral("cropland"), QStringLiteral("Cropland"), yellow } };
    const MapSettings s = settingsFor({ kX0, kY0 - 1000, kX0 + 1000, kY0 }, 200, 200);
    QImage image = MapRenderer::renderImage(s, { layer });
    QCOMPARE(pixelAt(image, s, kX0 + 200, kY0 - 200), qRgb(0, 128, 0));
    QCOMPARE(pixelAt(image, s, kX0 + 700, kY0 - 200), qRgb(255, 220, 0));
    QCOMPARE(pixelAt(image, s, kX0 + 950, kY0 - 950), qRgb(255, 255, 255)); // outside every square
    // Graduated on c_t_ha, 2 equal-interval classes over 20…80: 20–50 and 50–80.
    layer.vectorStyle.kind = VectorStyle::Kind::Graduated;
    layer.vectorStyle.field = QStringLiteral("c_t_ha");
    layer.vectorStyle.ranges = graduatedRanges(
      { 80, 20, 50 }, 2, ClassMethod::EqualInterval, ColorRamp::named(QStringLiteral("carbon")));
    QCOMPARE(layer.vectorStyle.ranges.size(), std::size_t(2));
    QCOMPARE(layer.vectorStyle.ranges[0].label, QStringLiteral("20.0 – 50.0"));
    image = MapRenderer::renderImage(s, { layer });
    const QRgb low = layer.vectorStyle.ranges[0].symbol.fill.rgb(),
               high = layer.vectorStyle.ranges[1].symbol.fill.rgb();
    QVERIFY(low != high);
    QCOMPARE(pixelAt(image, s, kX0 + 200, kY0 - 200), high); // 80
    QCOMPARE(pixelAt(image, s, kX0 + 700, kY0 - 200), low);  // 20
    QCOMPARE(pixelAt(image, s, kX0 + 250, kY0 - 750), low);  // 50: upper limit of the first class
    // Selection: yellow highlight over the selected square only.
    layer.selection = { 1 };
    image = MapRenderer::renderImage(s, { layer });
    const QRgb selected = pixelAt(image, s, kX0 + 700, kY0 - 200);
    QVERIFY2(qRed(selected) > 200 && qGreen(selected) > 200 && qBlue(selected) < 150,
             qPrintable(QString::number(selected, 16)));
    QCOMPARE(pixelAt(image, s, kX0 + 200, kY0 - 200), high);
    // Invisible layers are not drawn.
    layer.visible = false;
    QCOMPARE(pixelAt(MapRenderer::renderImage(s, { layer }), s, kX0 + 200, kY0 - 200), qRgb(255, 255, 255));
}

void TestMapRenderer::spatialIndexMatchesBruteForce() {
    QTemporaryDir dir;
    std::vector<Square> grid;
    for (int i = 0; i < 100; ++i)
        for (int j = 0; j < 100; ++j)
            grid.push_back({ kX0 + i * 100.0, kY0 - 10000 + j * 100.0, 90.0, "forest", double(i + j) });
    const std::string path = writeSquares(dir.path(), grid, "grid");
    const auto source = VectorSource::load(path, {}, gis::Crs::fromEpsg(4547));
    QCOMPARE(source->size(), grid.size());
    for (const gis::Box& q :
         { gis::Box{ kX0 + 1234, kY0 - 8000, kX0 + 2345, kY0 - 7000 },
           gis::Box{ kX0 - 50, kY0 - 10050, kX0 + 50, kY0 - 9950 },
           gis::Box{ kX0 + 5000, kY0 - 5000, kX0 + 5000.5, kY0 - 4999.5 },
           gis::Box{ kX0 + 1000, kY0 - 9500, kX0 + 9000, kY0 - 500 }, // most: marked, not sorted
           gis::Box{ kX0 - 1, kY0 - 10001, kX0 + 10001, kY0 + 1 } }) {
        std::vector<std::uint32_t> hits;
        source->query(q, hits);
        std::vector<std::uint32_t> expected;
        for (std::uint32_t f = 0; f < source->size(); ++f) {
            const gis::Box& b = source->bounds(f);
            if (b.xmin <= q.xmax && q.xmin <= b.xmax && b.ymin <= q.ymax && q.ymin <= b.ymax)
                expected.push_back(f);
        }
        QCOMPARE(hits, expected);
    }
    // A frame at 1:5,000-like zoom draws only a handful of the 10,000 squares.
    RenderStats stats;
    MapLayer layer;
    layer.vector = source;
    MapRenderer::renderImage(
      settingsFor({ kX0 + 1000, kY0 - 9000, kX0 + 1300, kY0 - 8700 }, 300, 300), { layer }, nullptr, &stats);
    QVERIFY2(stats.featuresDrawn <= 25, qPrintable(QString::number(stats.featuresDrawn)));
    QVERIFY(stats.featuresDrawn >= 9);
}

void TestMapRenderer::twoThreadFrameEqualsSinglePass() {
    // 10,000 squares (more than the 2,000 from which an image frame is drawn by two threads, each
    // drawing only the features that reach its half) against one pass onto a pixmap.
    QTemporaryDir dir;
    std::vector<Square> grid;
    for (int i = 0; i < 100; ++i)
        for (int j = 0; j < 100; ++j)
            grid.push_back({ kX0 + i * 100.0, kY0 - 10000 + j * 100.0, 90.0, "forest", double(i + j) });
    const auto source =
      VectorSource::load(writeSquares(dir.path(), grid, "grid"), {}, gis::Crs::fromEpsg(4547));
    MapLayer layer;
    layer.vector = source;
    layer.vectorStyle.symbol.strokeWidthMm = 0.5; // outlines crossing the halves' border
    // Odd height: the halves differ by a row; the view cuts squares at every edge.
    for (const gis::Box& view : { gis::Box{ kX0 - 500, kY0 - 10500, kX0 + 10500, kY0 + 500 },
                                  gis::Box{ kX0 + 550, kY0 - 8050, kX0 + 8550, kY0 - 1850 } }) {
        const MapSettings s = settingsFor(view, 401, 333);
        RenderStats stats;
        const QImage threaded = MapRenderer::renderImage(s, { layer }, nullptr, &stats);
        QPixmap pixmap(s.size);
        pixmap.fill(s.background);
        {
            QPainter painter(&pixmap);
            MapRenderer::render(painter, s, { layer });
        }
        const QImage single = pixmap.toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
        int worst = 0;
        for (int y = 0; y < single.height(); ++y)
            for (int x = 0; x < single.width(); ++x) {
                const QRgb a = threaded.pixel(x, y), b = single.pixel(x, y);
                worst = std::max({ worst,
                                   std::abs(qRed(a) - qRed(b)),
                                   std::abs(qGreen(a) - qGreen(b)),
                                   std::abs(qBlue(a) - qBlue(b)) });
            }
        QVERIFY2(worst <= 2, qPrintable(QStringLiteral("largest channel difference %1").arg(worst)));
        // Each feature in view counted once, although those on the border are drawn by both threads.
        std::vector<std::uint32_t> inView;
        source->query(s.visibleExtent(), inView);
        QVERIFY(inView.size() > 2000);
        QCOMPARE(stats.featuresDrawn, inView.size());
    }
}

void TestMapRenderer::fastFrameMatchesReferences() {
    // A 120 × 80 tiling of irregular quads (shared corners), two categories with QGIS's default 0.26 mm
    // outline: the image path fills without antialiasing, snaps vertices to half a pixel and draws each
    // shared edge once with its own line rasteriser. Compared with the vector devices' path (Qt, one
    // antialiased fill and outline per feature) and with a 4 × 4 supersampled rendering.
    QTemporaryDir dir;
    const double cell = 100;
    MapLayer layer;
    layer.vector = VectorSource::load(
      writeJitteredTiling(dir.path(), 120, 80, kX0, kY0, cell), {}, gis::Crs::fromEpsg(4547));
    layer.vectorStyle.kind = VectorStyle::Kind::Categorized;
    layer.vectorStyle.field = QStringLiteral("kind");
    FillSymbol forest, crop;
    forest.fill = QColor(60, 150, 70);
    crop.fill = QColor(235, 215, 120);
    layer.vectorStyle.categories = { { QStringLiteral("forest"), QStringLiteral("Forest"), forest },
                                     { QStringLiteral("cropland"), QStringLiteral("Cropland"), crop } };
    struct Case {
        const char* name;
        gis::Box view;
        int w, h;
        double maxMeanDiff; ///< mean difference of 4 × 4 blocks from the supersampled frame, 0–255
        bool outlinesOnly;  ///< fills transparent
    };
    // Dense: cells of 3.3 px, like the 100,000 parcels in the full view of the benchmark; zoomed:
    // cells of 33 px (1:50,000 in the benchmark is ~27 px). Measured (fast, vector path): dense 6.7 and
    // 2.5, zoomed 1.6 and 0.6, outlines only 10.6 and 16.1. With fills the fast path is nearer the
    // picture with every outline over every fill; the references fill each feature after the previous
    // one's outline, covering its ends at shared vertices (lighter by ~7 levels at 3 px cells).
    const gis::Box dense{ kX0 - 300, kY0 - 8300, kX0 + 12300, kY0 + 100 },
      zoomed{ kX0 + 3000, kY0 - 3000, kX0 + 4260, kY0 - 2160 };
    for (const Case& c : { Case{ "dense", dense, 420, 280, 8, false },
                           Case{ "zoomed", zoomed, 420, 280, 2.5, false },
                           Case{ "dense outlines", dense, 420, 280, 12, true } }) {
        layer.vectorStyle.categories[0].symbol.fill = c.outlinesOnly ? QColor(Qt::transparent) : forest.fill;
        layer.vectorStyle.categories[1].symbol.fill = c.outlinesOnly ? QColor(Qt::transparent) : crop.fill;
        MapSettings s = settingsFor(c.view, c.w, c.h);
        RenderStats stats;
        const QImage fast = MapRenderer::renderImage(s, { layer }, nullptr, &stats);
        const QImage vector = vectorPathFrame(s, { layer });
        const QImage fine = supersampledFrame(s, { layer });
        const BlockDifference fastErr = blockDifference(fast, fine, 4),
                              vectorErr = blockDifference(vector, fine, 4),
                              fastVector = blockDifference(fast, vector, 4);
        qInfo("%s: 4x4 block differences (mean, max): fast-supersampled %.2f %.1f, vector-supersampled %.2f "
              "%.1f, "
              "fast-vector %.2f %.1f",
              c.name,
              fastErr.mean,
              fastErr.max,
              vectorErr.mean,
              vectorErr.max,
              fastVector.mean,
              fastVector.max);
        QVERIFY2(fastErr.mean <= c.maxMeanDiff, c.name);
        QVERIFY2(fastErr.mean <= vectorErr.mean + 1.0 || !c.outlinesOnly, c.name);
        //  Every feature in view drawn (and counted once).
        std::vector<std::uint32_t> inView;
        layer.vector->query(s.visibleExtent(), inView);
        QCOMPARE(stats.featuresDrawn, inView.size());
        // Per pixel: away from the outlines the two paths agree exactly; the outlines move by at most
        // a fraction of a pixel, so few pixels differ much.
        int far = 0;
        for (int y = 0; y < fast.height(); ++y)
            for (int x = 0; x < fast.width(); ++x) {
                const QRgb a = fast.pixel(x, y), b = vector.pixel(x, y);
                far += std::max({ std::abs(qRed(a) - qRed(b)),
                                  std::abs(qGreen(a) - qGreen(b)),
                                  std::abs(qBlue(a) - qBlue(b)) }) > 64;
            }
        qInfo("%s: %.2f %% of the pixels differ by more than 64 from the vector path",
              c.name,
              100.0 * far / (fast.width() * fast.height()));
        if (std::string(c.name) == "zoomed")
            QVERIFY(far <= fast.width() * fast.height() / 50);
    }
    // The selection highlight and the labels are drawn as before (Qt, after the polygons): equal in
    // the interior of the selected feature, and as many label pixels.
    const MapSettings s = settingsFor(zoomed, 420, 280);
    layer.vectorStyle.categories[0].symbol.fill = forest.fill;
    layer.vectorStyle.categories[1].symbol.fill = crop.fill;
    std::vector<std::uint32_t> inView;
    layer.vector->query(s.visibleExtent(), inView);
    layer.selection = { inView[inView.size() / 2] };
    QImage fast = MapRenderer::renderImage(s, { layer });
    QImage vector = vectorPathFrame(s, { layer });
    const gis::Box& sel = layer.vector->bounds(layer.selection[0]);
    const QPointF centre = s.toPixel(0.5 * (sel.xmin + sel.xmax), 0.5 * (sel.ymin + sel.ymax));
    const QRgb highlighted = fast.pixel(centre.toPoint());
    QCOMPARE(highlighted, vector.pixel(centre.toPoint()));
    QVERIFY2(qRed(highlighted) > 200 && qGreen(highlighted) > 180,
             qPrintable(QString::number(highlighted, 16)));
    layer.vectorStyle.labelField = QStringLiteral("c_t_ha");
    layer.vectorStyle.labelColor = QColor(255, 0, 0);
    layer.vectorStyle.labelSizePt = 7;
    fast = MapRenderer::renderImage(s, { layer });
    vector = vectorPathFrame(s, { layer });
    int redFast = 0, redVector = 0;
    for (int y = 0; y < fast.height(); ++y)
        for (int x = 0; x < fast.width(); ++x) {
            const auto red = [](QRgb p) { return qRed(p) > 200 && qGreen(p) < 80 && qBlue(p) < 80; };
            redFast += red(fast.pixel(x, y));
            redVector += red(vector.pixel(x, y));
        }
    QVERIFY2(redVector > 100, qPrintable(QString::number(redVector))); // labels were placed
    QVERIFY2(std::abs(redFast - redVector) <= redVector / 50,
             qPrintable(QStringLiteral("%1 %2").arg(redFast).arg(redVector)));
}

void TestMapRenderer::identifyFeaturesAtPoint() {
    QTemporaryDir dir;
    const std::string path = writeSquares(
      dir.path(), { { kX0, kY0 - 400, 400, "forest", 80 }, { kX0 + 200, kY0 - 400, 400, "cropland", 20 } });
    const auto source = VectorSource::load(path, {}, gis::Crs::fromEpsg(4547));
    QCOMPARE(source->featuresAt(kX0 + 100, kY0 - 100), (std::vector<std::uint32_t>{ 0 }));
    QCOMPARE(source->featuresAt(kX0 + 300, kY0 - 100), (std::vector<std::uint32_t>{ 1, 0 })); // topmost first
    QVERIFY(source->featuresAt(kX0 + 700, kY0 - 100).empty());
    QCOMPARE(source->attribute(1, source->fieldIndex(QStringLiteral("kind"))).toString(),
             QStringLiteral("cropland"));
    // Reprojected to longitude/latitude, the same point in degrees finds the same feature.
    const auto geo = VectorSource::load(path, {}, gis::Crs::fromEpsg(4490));
    std::vector<double> p{ kX0 + 100, kY0 - 100 };
    gis::CoordinateTransform(gis::Crs::fromEpsg(4547), gis::Crs::fromEpsg(4490)).transform(p);
    QCOMPARE(geo->featuresAt(p[0], p[1]), (std::vector<std::uint32_t>{ 0 }));
}

void TestMapRenderer::selectByRectangleIsExact() {
    // A square with a hole and an L-shaped parcel (EPSG:4547, metres from kX0, kY0).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shapes.geojson"));
    auto ring = [](std::initializer_list<std::pair<double, double>> pts) {
        QStringList xy;
        for (const auto& [x, y] : pts)
            xy << QStringLiteral("[%1,%2]").arg(kX0 + x, 0, 'f', 1).arg(kY0 + y, 0, 'f', 1);
        return QStringLiteral("[") + xy.join(QLatin1Char(',')) + QStringLiteral("]");
    };
    const QString holed = ring({ { 0, 0 }, { 1000, 0 }, { 1000, 1000 }, { 0, 1000 }, { 0, 0 } }) +
                          QLatin1Char(',') +
                          ring({ { 400, 400 }, { 400, 600 }, { 600, 600 }, { 600, 400 }, { 400, 400 } });
    const QString ell = ring({ { 2000, 0 },
                               { 3000, 0 },
                               { 3000, 300 },
                               { 2300, 300 },
                               { 2300, 1000 },
                               { 2000, 1000 },
                               { 2000, 0 } });
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
      QStringLiteral(
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4547"}},
      "features":[{"type":"Feature","properties":{"n":0},"geometry":{"type":"Polygon","coordinates":[%1]}},
                  {"type":"Feature","properties":{"n":1},"geometry":{"type":"Polygon","coordinates":[%2]}}]})")
        .arg(holed, ell)
        .toUtf8());
    f.close();
    const auto source = VectorSource::load(path.toStdString(), {}, gis::Crs::fromEpsg(4547));
    QCOMPARE(source->size(), std::size_t(2));
    auto select = [&](double x0, double y0, double x1, double y1) {
        return source->featuresIntersecting({ kX0 + x0, kY0 + y0, kX0 + x1, kY0 + y1 });
    };
    using Hits = std::vector<std::uint32_t>;
    QCOMPARE(select(450, 450, 550, 550), Hits{});          // inside the hole
    QCOMPARE(select(100, 100, 200, 200), (Hits{ 0 }));     // inside the polygon, no edge crossed
    QCOMPARE(select(300, 300, 700, 700), (Hits{ 0 }));     // around the hole
    QCOMPARE(select(-50, 500, 50, 510), (Hits{ 0 }));      // across the outer edge
    QCOMPARE(select(1000, 1000, 1100, 1100), (Hits{ 0 })); // touching a corner
    QCOMPARE(select(2500, 500, 2900, 900), Hits{});        // in the L's bounding box, outside the L
    QCOMPARE(select(2250, 500, 2400, 600), (Hits{ 1 }));   // overlapping its upright
    QCOMPARE(select(-100, -100, 3100, 1100), (Hits{ 0, 1 }));
    QCOMPARE(select(1200, 0, 1800, 1000), Hits{}); // between them
}

void TestMapRenderer::cancelStopsRendering() {
    QTemporaryDir dir;
    const std::string path = writeClasses(dir.path(), 100);
    MapLayer layer;
    layer.raster = RasterSource::open(path);
    gis::Feedback feedback;
    feedback.cancel();
    const MapSettings s = settingsFor({ kX0, kY0 - 1000, kX0 + 1000, kY0 }, 100, 100);
    QVERIFY_THROWS_EXCEPTION(gis::CancelledError, MapRenderer::renderImage(s, { layer }, &feedback));
}

QTEST_MAIN(TestMapRenderer)
#include "tst_maprenderer.moc"
