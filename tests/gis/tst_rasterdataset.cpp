// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/RasterDataset.h"

#include "TestUtil.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cpl_string.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <limits>

using namespace tanhui::gis;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Writes a GeoTIFF with GDAL: `bands` bands of `type`, values from `values` (band-major).
void writeTiff(const QString& path,
               int cols,
               int rows,
               int bands,
               GDALDataType type,
               const std::vector<double>& values,
               const double gt[6],
               std::optional<double> nodata,
               const std::vector<const char*>& options = {},
               int epsg = 4547) {
    GDALDriverH drv = GDALGetDriverByName("GTiff");
    std::vector<const char*> opts = options;
    opts.push_back(nullptr);
    GDALDatasetH ds =
      GDALCreate(drv, path.toUtf8().constData(), cols, rows, bands, type, const_cast<char**>(opts.data()));
    QVERIFY(ds);
    GDALSetGeoTransform(ds, const_cast<double*>(gt));
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, epsg);
    GDALSetSpatialRef(ds, srs);
    OSRRelease(srs);
    for (int b = 1; b <= bands; ++b) {
        GDALRasterBandH band = GDALGetRasterBand(ds, b);
        if (nodata)
            GDALSetRasterNoDataValue(band, *nodata);
        std::vector<double> v(values.begin() + std::ptrdiff_t(b - 1) * cols * rows,
                              values.begin() + std::ptrdiff_t(b) * cols * rows);
        QCOMPARE(GDALRasterIO(band, GF_Write, 0, 0, cols, rows, v.data(), cols, rows, GDT_Float64, 0, 0),
                 CE_None);
    }
    GDALClose(ds);
}

using tanhui::test::expectError;

} // namespace

class TestRasterDataset : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        initializeGdal();
        QVERIFY(m_dir.isValid());
    }

    void readWindowWithNodataAndNaN() {
        const QString path = m_dir.filePath("f32.tif");
        const int cols = 5, rows = 4;
        std::vector<double> v(cols * rows);
        for (int i = 0; i < cols * rows; ++i)
            v[i] = i * 0.5;
        v[6] = -9999;
        v[8] = kNaN;
        v[12] = -9999;
        const double gt[6] = { 500000, 30, 0, 2500000, 0, -20 };
        writeTiff(path, cols, rows, 1, GDT_Float32, v, gt, -9999.0);

        RasterDataset ds(path.toStdString());
        const RasterInfo& info = ds.info();
        QCOMPARE(info.driver, std::string("GTiff"));
        QCOMPARE(info.path, path.toStdString());
        QCOMPARE(info.grid.cols, cols);
        QCOMPARE(info.grid.rows, rows);
        QCOMPARE(info.grid.originX, 500000.0);
        QCOMPARE(info.grid.originY, 2500000.0);
        QCOMPARE(info.grid.cellWidth, 30.0);
        QCOMPARE(info.grid.cellHeight, 20.0);
        QCOMPARE(info.crs.authorityId(), std::string("EPSG:4547"));
        QCOMPARE(ds.bandCount(), 1);
        QCOMPARE(info.bands[0].dataType, std::string("Float32"));
        QVERIFY(!info.bands[0].isInteger);
        QVERIFY(info.bands[0].nodata.has_value());
        QCOMPARE(*info.bands[0].nodata, -9999.0);

        std::vector<double> out;
        std::vector<unsigned char> valid;
        ds.read(1, Window{ 1, 1, 2, 3 }, out, valid); // rows 1-2, cols 1-3
        QCOMPARE(out.size(), std::size_t(6));
        QCOMPARE(valid.size(), std::size_t(6));
        // row 1: cells 6 (nodata), 7, 8 (NaN); row 2: 11, 12 (nodata), 13
        const std::vector<unsigned char> expectValid{ 0, 1, 0, 1, 0, 1 };
        QCOMPARE(valid, expectValid);
        QCOMPARE(out[1], 3.5);
        QCOMPARE(out[3], 5.5);
        QCOMPARE(out[5], 6.5);

        // Outside the raster.
        QCOMPARE(expectError([&] {
                     ds.read(1, Window{ 3, 0, 2, 1 }, out, valid);
                 }).kind(),
                 GisError::Kind::InvalidArgument);
        QCOMPARE(expectError([&] {
                     ds.read(2, Window{ 0, 0, 1, 1 }, out, valid);
                 }).kind(),
                 GisError::Kind::InvalidArgument);

        // reopen() gives an independent handle.
        RasterDataset again = ds.reopen();
        again.read(1, Window{ 0, 0, rows, cols }, out, valid);
        QCOMPARE(std::count(valid.begin(), valid.end(), 0), 3);
    }

    /// CrsReading::Skip (the zonal workers' second handles): the same grid, bands and cells, no CRS.
    void skippingTheCrs() {
        const QString path = m_dir.filePath("skipcrs.tif");
        const double gt[6] = { 390000, 10, 0, 2630000, 0, -10 };
        writeTiff(path, 3, 2, 1, GDT_Byte, { 11, 21, 31, 41, 51, 255 }, gt, 255.0);
        RasterDataset full(path.toStdString());
        const RasterDataset light(path.toStdString(), RasterDataset::CrsReading::Skip);
        QVERIFY(full.info().crs.isValid());
        QVERIFY(!light.info().crs.isValid());
        QVERIFY(light.info().grid.sameAs(full.info().grid));
        QCOMPARE(light.info().bands.size(), full.info().bands.size());
        QCOMPARE(light.info().bands[0].nodata, full.info().bands[0].nodata);
        std::vector<unsigned char> a, b;
        QVERIFY(full.readByteWindow(1, Window{ 0, 0, 2, 3 }, a));
        QVERIFY(RasterDataset(path.toStdString(), RasterDataset::CrsReading::Skip)
                  .readByteWindow(1, Window{ 0, 0, 2, 3 }, b));
        QCOMPARE(a, b);
    }

    void nanNodataAndNoNodata() {
        const QString path = m_dir.filePath("nan.tif");
        std::vector<double> v{ 1, kNaN, 3, 4 };
        const double gt[6] = { 0, 1, 0, 2, 0, -1 };
        writeTiff(path, 2, 2, 1, GDT_Float64, v, gt, kNaN);
        RasterDataset ds(path.toStdString());
        QVERIFY(ds.info().bands[0].nodata.has_value());
        QVERIFY(std::isnan(*ds.info().bands[0].nodata));
        std::vector<double> out;
        std::vector<unsigned char> valid;
        ds.read(1, Window{ 0, 0, 2, 2 }, out, valid);
        QCOMPARE(valid, (std::vector<unsigned char>{ 1, 0, 1, 1 }));

        // Without any nodata value, NaN cells are still invalid.
        const QString path2 = m_dir.filePath("nan_nonodata.tif");
        writeTiff(path2, 2, 2, 1, GDT_Float32, v, gt, std::nullopt);
        RasterDataset ds2(path2.toStdString());
        QVERIFY(!ds2.info().bands[0].nodata.has_value());
        ds2.read(1, Window{ 0, 0, 2, 2 }, out, valid);
        QCOMPARE(valid, (std::vector<unsigned char>{ 1, 0, 1, 1 }));
    }

    void maskBand() {
        const QString path = m_dir.filePath("masked.tif");
        std::vector<double> v{ 10, 20, 30, 40, 50, 60 };
        const double gt[6] = { 0, 1, 0, 2, 0, -1 };
        writeTiff(path, 3, 2, 1, GDT_Byte, v, gt, std::nullopt);
        {
            GDALDatasetH ds = GDALOpen(path.toUtf8().constData(), GA_Update);
            QVERIFY(ds);
            QCOMPARE(GDALCreateDatasetMaskBand(ds, GMF_PER_DATASET), CE_None);
            GDALRasterBandH mask = GDALGetMaskBand(GDALGetRasterBand(ds, 1));
            unsigned char m[6] = { 255, 0, 255, 255, 255, 0 };
            QCOMPARE(GDALRasterIO(mask, GF_Write, 0, 0, 3, 2, m, 3, 2, GDT_Byte, 0, 0), CE_None);
            GDALClose(ds);
        }
        RasterDataset ds(path.toStdString());
        std::vector<double> out;
        std::vector<unsigned char> valid;
        ds.read(1, Window{ 0, 0, 2, 3 }, out, valid);
        QCOMPARE(valid, (std::vector<unsigned char>{ 1, 0, 1, 1, 1, 0 }));
        QCOMPARE(out, v);
    }

    void rotatedGeotransformRejected() {
        const QString path = m_dir.filePath("rotated.tif");
        const double gt[6] = { 0, 1, 0.2, 10, 0.1, -1 };
        writeTiff(path, 3, 3, 1, GDT_Byte, std::vector<double>(9, 1), gt, std::nullopt);
        const GisError e = expectError([&] { RasterDataset ds(path.toStdString()); });
        QCOMPARE(e.kind(), GisError::Kind::InvalidArgument);
        QVERIFY2(std::string(e.what()).find("rotated.tif") != std::string::npos, e.what());
        QCOMPARE(e.path(), path.toStdString());
    }

    void southUpFlipped() {
        const QString path = m_dir.filePath("southup.tif");
        // File rows: row 0 (south, y 10..11) = 1 2, row 1 = 3 4, row 2 (north, y 12..13) = 5 6.
        const double gt[6] = { 0, 1, 0, 10, 0, 1 };
        writeTiff(path, 2, 3, 1, GDT_Int16, { 1, 2, 3, 4, 5, 6 }, gt, 6.0);
        RasterDataset ds(path.toStdString());
        const Grid& g = ds.info().grid;
        QCOMPARE(g.originY, 13.0);
        QCOMPARE(g.cellHeight, 1.0);
        std::vector<double> out;
        std::vector<unsigned char> valid;
        ds.read(1, Window{ 0, 0, 2, 2 }, out, valid); // the two northern rows
        QCOMPARE(out, (std::vector<double>{ 5, 6, 3, 4 }));
        QCOMPARE(valid, (std::vector<unsigned char>{ 1, 0, 1, 1 }));
        Window cells;
        ds.readBlock(1, 0, 0, out, cells);
        QCOMPARE(cells.row0, 0);
        QCOMPARE(cells.rows, 3);
        QCOMPARE(out, (std::vector<double>{ 5, 6, 3, 4, 1, 2 }));
    }

    void missingFile() {
        const std::string path = m_dir.filePath("does_not_exist.tif").toStdString();
        const GisError e = expectError([&] { RasterDataset ds(path); });
        QCOMPARE(e.kind(), GisError::Kind::Open);
        QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
        QCOMPARE(e.path(), path);
    }

    void truncatedTiff() {
        const QString path = m_dir.filePath("truncated.tif");
        const int n = 512;
        std::vector<double> v(std::size_t(n) * n);
        for (std::size_t i = 0; i < v.size(); ++i)
            v[i] = std::sin(double(i) * 0.001) * 1000 + double(i % 977);
        const double gt[6] = { 0, 1, 0, double(n), 0, -1 };
        writeTiff(path,
                  n,
                  n,
                  1,
                  GDT_Float32,
                  v,
                  gt,
                  std::nullopt,
                  { "TILED=YES", "BLOCKXSIZE=64", "BLOCKYSIZE=64", "COMPRESS=DEFLATE" });
        QFile f(path);
        const qint64 full = f.size();
        QVERIFY(full > 100000);
        QVERIFY(f.resize(full / 2));

        bool sawError = false;
        try {
            RasterDataset ds(path.toStdString());
            QCOMPARE(ds.info().bands[0].blockWidth, 64);
            QCOMPARE(ds.info().bands[0].blockHeight, 64);
            std::vector<double> out;
            std::vector<unsigned char> valid;
            try {
                ds.read(1, Window{ 0, 0, n, n }, out, valid);
            } catch (const GisError& e) {
                sawError = true;
                QCOMPARE(e.kind(), GisError::Kind::Io);
                const std::string msg = e.what();
                QVERIFY2(msg.find("truncated.tif") != std::string::npos, e.what());
                QVERIFY2(msg.find("band 1") != std::string::npos, e.what());
                QVERIFY2(msg.find("rows 0..511") != std::string::npos, e.what());
            }
            // The first (intact) tiles still read fine.
            ds.read(1, Window{ 0, 0, 64, 64 }, out, valid);
            QCOMPARE(out[1], double(float(v[1])));
            // A bottom block fails through readBlock as well.
            Window cells;
            QVERIFY_THROWS_EXCEPTION(GisError, ds.readBlock(1, 7, 7, out, cells));
        } catch (const GisError& e) {
            sawError = true; // failing at open is acceptable too
            QVERIFY2(std::string(e.what()).find("truncated.tif") != std::string::npos, e.what());
        }
        QVERIFY(sawError);
    }

    void byteBlocksMatchWindows() {
        // readByteBlock() gives the natural blocks in file row order (edge blocks clipped) for tiled,
        // striped and south-up files; byteBlockLayout() describes them.
        const int cols = 100, rows = 70;
        std::vector<double> v(std::size_t(cols) * rows);
        for (std::size_t i = 0; i < v.size(); ++i)
            v[i] = double((i * 7 + i / 13) % 250);
        const double northUp[6] = { 0, 1, 0, double(rows), 0, -1 };
        const double southUp[6] = { 0, 1, 0, 0, 0, 1 }; // file row 0 is the southernmost
        struct Case {
            const char* name;
            const double* gt;
            std::vector<const char*> options;
            int bw, bh;
        };
        const Case cases[] = {
            { "tiled.tif",
              northUp,
              { "TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=16", "COMPRESS=DEFLATE" },
              32,
              16 },
            { "striped.tif", northUp, { "BLOCKYSIZE=9", "COMPRESS=DEFLATE" }, cols, 9 },
            { "southup.tif", southUp, { "TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=16" }, 32, 16 },
        };
        for (const Case& c : cases) {
            const QString path = m_dir.filePath(QString::fromLatin1(c.name));
            writeTiff(path, cols, rows, 1, GDT_Byte, v, c.gt, 255.0, c.options);
            RasterDataset ds(path.toStdString());
            const std::optional<ByteBlockLayout> layout = ds.byteBlockLayout(1);
            QVERIFY(layout);
            QCOMPARE(layout->blockWidth, c.bw);
            QCOMPARE(layout->blockHeight, c.bh);
            QCOMPARE(layout->blocksX, (cols + c.bw - 1) / c.bw);
            QCOMPARE(layout->blocksY, (rows + c.bh - 1) / c.bh);
            QCOMPARE(layout->southUp, c.gt == southUp);
            std::vector<unsigned char> whole, block(std::size_t(c.bw) * std::size_t(c.bh));
            QVERIFY(ds.readByteWindow(1, Window{ 0, 0, rows, cols }, whole));
            for (int by = 0; by < layout->blocksY; ++by)
                for (int bx = 0; bx < layout->blocksX; ++bx) {
                    ds.readByteBlock(1, bx, by, block.data());
                    for (int fr = by * c.bh; fr < std::min(rows, (by + 1) * c.bh); ++fr)
                        for (int col = bx * c.bw; col < std::min(cols, (bx + 1) * c.bw); ++col) {
                            const int gridRow = layout->southUp ? rows - 1 - fr : fr;
                            QCOMPARE(block[std::size_t(fr - by * c.bh) * std::size_t(c.bw) +
                                           std::size_t(col - bx * c.bw)],
                                     whole[std::size_t(gridRow) * cols + std::size_t(col)]);
                        }
                }
            // The grid in the south-up file is the same as in the north-up one.
            if (layout->southUp)
                for (std::size_t i = 0; i < whole.size(); ++i)
                    QCOMPARE(double(whole[i]), v[(std::size_t(rows) - 1 - i / cols) * cols + i % cols]);
            QVERIFY_THROWS_EXCEPTION(GisError, ds.readByteBlock(1, layout->blocksX, 0, block.data()));
        }
        // Two bands interleaved by pixel: each band's blocks hold that band's values.
        {
            const QString path = m_dir.filePath("interleaved.tif");
            std::vector<double> two = v;
            for (const double x : v)
                two.push_back(249 - x);
            writeTiff(
              path,
              cols,
              rows,
              2,
              GDT_Byte,
              two,
              northUp,
              255.0,
              { "TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=32", "INTERLEAVE=PIXEL", "COMPRESS=DEFLATE" });
            RasterDataset ds(path.toStdString());
            std::vector<unsigned char> block(32 * 32);
            for (const int band : { 2, 1, 2 }) {
                ds.readByteBlock(band, 1, 2, block.data());
                for (int r = 0; r < rows - 64; ++r)
                    for (int c = 0; c < 32; ++c)
                        QCOMPARE(double(block[std::size_t(r) * 32 + std::size_t(c)]),
                                 two[std::size_t(band - 1) * v.size() + std::size_t(64 + r) * cols +
                                     std::size_t(32 + c)]);
            }
        }
        // Not a Byte band: no layout, and readByteBlock refuses.
        const QString f32 = m_dir.filePath("blocks_f32.tif");
        writeTiff(f32, cols, rows, 1, GDT_Float32, v, northUp, std::nullopt);
        RasterDataset ds(f32.toStdString());
        QVERIFY(!ds.byteBlockLayout(1));
        std::vector<unsigned char> block(std::size_t(cols) * rows * 4);
        const GisError e = expectError([&] { ds.readByteBlock(1, 0, 0, block.data()); });
        QCOMPARE(e.kind(), GisError::Kind::InvalidArgument);
    }

    void truncatedByteBlock() {
        const QString path = m_dir.filePath("truncated_byte.tif");
        const int n = 512;
        std::vector<double> v(std::size_t(n) * n);
        std::uint32_t x = 12345;
        for (double& c : v) {
            x = x * 1664525u + 1013904223u;
            c = double(x >> 24); // incompressible
        }
        const double gt[6] = { 0, 1, 0, double(n), 0, -1 };
        writeTiff(path,
                  n,
                  n,
                  1,
                  GDT_Byte,
                  v,
                  gt,
                  std::nullopt,
                  { "TILED=YES", "BLOCKXSIZE=64", "BLOCKYSIZE=64", "COMPRESS=DEFLATE" });
        QFile f(path);
        QVERIFY(f.resize(f.size() / 2));
        RasterDataset ds(path.toStdString());
        std::vector<unsigned char> block(64 * 64);
        ds.readByteBlock(1, 0, 0, block.data()); // the first tile is intact
        QCOMPARE(double(block[1]), v[1]);
        const GisError e = expectError([&] { ds.readByteBlock(1, 7, 6, block.data()); });
        QCOMPARE(e.kind(), GisError::Kind::Io);
        const std::string msg = e.what();
        QVERIFY2(msg.find("truncated_byte.tif") != std::string::npos, e.what());
        QVERIFY2(msg.find("band 1") != std::string::npos, e.what());
        QVERIFY2(msg.find("block (7, 6)") != std::string::npos, e.what());
        QVERIFY2(msg.find("rows 384..447, columns 448..511") != std::string::npos, e.what());
    }

    void infoComplete() {
        const QString path = m_dir.filePath("info.tif");
        const int cols = 100, rows = 70;
        std::vector<double> v(std::size_t(cols) * rows * 2, 7);
        const double gt[6] = { 100, 0.5, 0, 200, 0, -0.25 };
        writeTiff(
          path, cols, rows, 2, GDT_Int16, v, gt, -32768.0, { "TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=16" });
        {
            GDALDatasetH ds = GDALOpen(path.toUtf8().constData(), GA_Update);
            GDALSetMetadataItem(ds, "PRODUCER", "tanhui test", nullptr);
            GDALRasterBandH b2 = GDALGetRasterBand(ds, 2);
            GDALSetDescription(b2, "2020-06-01");
            GDALSetMetadataItem(b2, "UNITS", "tC/ha", nullptr);
            GDALSetRasterScale(b2, 0.1);
            GDALSetRasterOffset(b2, 5);
            int levels[] = { 2, 4 };
            QCOMPARE(GDALBuildOverviews(ds, "NEAREST", 2, levels, 0, nullptr, nullptr, nullptr), CE_None);
            GDALClose(ds);
        }
        RasterDataset ds(path.toStdString());
        const RasterInfo& info = ds.info();
        QCOMPARE(info.metadata.at("PRODUCER"), std::string("tanhui test"));
        QCOMPARE(info.bands.size(), std::size_t(2));
        const BandInfo& b2 = info.bands[1];
        QCOMPARE(b2.index, 2);
        QCOMPARE(b2.dataType, std::string("Int16"));
        QVERIFY(b2.isInteger);
        QCOMPARE(*b2.nodata, -32768.0);
        QCOMPARE(b2.description, std::string("2020-06-01"));
        QCOMPARE(b2.metadata.at("UNITS"), std::string("tC/ha"));
        QCOMPARE(b2.blockWidth, 32);
        QCOMPARE(b2.blockHeight, 16);
        QCOMPARE(b2.overviewCount, 2);
        QCOMPARE(b2.scale, 0.1);
        QCOMPARE(b2.offset, 5.0);
        QCOMPARE(info.bands[0].scale, 1.0);

        // Natural blocks, clipped at the edges.
        std::vector<double> out;
        Window cells;
        ds.readBlock(2, 3, 4, out, cells);
        QCOMPARE(cells.col0, 96);
        QCOMPARE(cells.row0, 64);
        QCOMPARE(cells.cols, 4);
        QCOMPARE(cells.rows, 6);
        QCOMPARE(out.size(), std::size_t(24));
        QCOMPARE(out[0], 7.0); // raw, unscaled
        QVERIFY_THROWS_EXCEPTION(GisError, ds.readBlock(2, 4, 0, out, cells));
    }

    void subdatasetsListed() {
        const QString path = m_dir.filePath("two_rasters.gpkg");
        GDALDriverH drv = GDALGetDriverByName("GPKG");
        QVERIFY(drv);
        for (const char* table : { "alpha", "beta" }) {
            const std::string t = std::string("RASTER_TABLE=") + table;
            const char* opts[] = { t.c_str(), "APPEND_SUBDATASET=YES", nullptr };
            GDALDatasetH ds =
              GDALCreate(drv, path.toUtf8().constData(), 4, 4, 1, GDT_Byte, const_cast<char**>(opts));
            QVERIFY(ds);
            double gt[6] = { 0, 1, 0, 4, 0, -1 };
            GDALSetGeoTransform(ds, gt);
            OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
            OSRImportFromEPSG(srs, 4326);
            GDALSetSpatialRef(ds, srs);
            OSRRelease(srs);
            std::vector<unsigned char> px(16, 3);
            QCOMPARE(
              GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Write, 0, 0, 4, 4, px.data(), 4, 4, GDT_Byte, 0, 0),
              CE_None);
            GDALClose(ds);
        }
        const GisError e = expectError([&] { RasterDataset ds(path.toStdString()); });
        QCOMPARE(e.kind(), GisError::Kind::Open);
        const std::string msg = e.what();
        QVERIFY2(msg.find("alpha") != std::string::npos && msg.find("beta") != std::string::npos, e.what());
    }

    void byteBandWithUnrepresentableNodata() {
        TANHUI_REQUIRE_SHARED(path, QStringLiteral("sao_miguel/clc2018_v2020_20u1.tif"));
        RasterDataset ds(path.toStdString());
        const RasterInfo& info = ds.info();
        QCOMPARE(info.bands.size(), std::size_t(1));
        QCOMPARE(info.bands[0].dataType, std::string("Byte"));
        QVERIFY(!info.bands[0].nodata.has_value()); // -128 cannot occur in a Byte band
        QVERIFY(info.crs.isGeographic());
        QCOMPARE(info.grid.cols, 3840);
        QCOMPARE(info.grid.rows, 1920);
        std::vector<double> out;
        std::vector<unsigned char> valid;
        ds.read(1, Window{ 900, 1900, 64, 64 }, out, valid);
        QCOMPARE(std::count(valid.begin(), valid.end(), 1), std::ptrdiff_t(64 * 64));
        for (double x : out)
            QVERIFY(x >= 0 && x <= 255 && x == std::floor(x));
    }

    void rasterioRgb() {
        TANHUI_REQUIRE_SHARED(path, QStringLiteral("rasterio/RGB.byte.tif"));
        RasterDataset ds(path.toStdString());
        const RasterInfo& info = ds.info();
        QCOMPARE(ds.bandCount(), 3);
        QCOMPARE(info.grid.cols, 791);
        QCOMPARE(info.grid.rows, 718);
        QVERIFY(std::abs(info.grid.cellWidth - 300.0379266750948) < 1e-9);
        QVERIFY(std::abs(info.grid.cellHeight - 300.041782729805) < 1e-9);
        QCOMPARE(info.crs.authorityId(), std::string("EPSG:32618"));
        for (const BandInfo& b : info.bands) {
            QCOMPARE(b.dataType, std::string("Byte"));
            QVERIFY(b.nodata.has_value());
            QCOMPARE(*b.nodata, 0.0);
            QCOMPARE(b.blockWidth, 791);
            QCOMPARE(b.blockHeight, 3);
        }
        std::vector<double> out;
        std::vector<unsigned char> valid;
        ds.read(2, Window{ 0, 0, 718, 791 }, out, valid);
        QCOMPARE(valid[0], (unsigned char)0); // the corner is nodata
        const auto nValid = std::count(valid.begin(), valid.end(), 1);
        QVERIFY(nValid > 0 && nValid < std::ptrdiff_t(out.size()));
        for (std::size_t i = 0; i < out.size(); ++i)
            QCOMPARE(valid[i] == 0, out[i] == 0.0);
    }

    void rasterioFloatNan() {
        TANHUI_REQUIRE_SHARED(path, QStringLiteral("rasterio/float_nan.tif"));
        RasterDataset ds(path.toStdString());
        std::vector<double> out;
        std::vector<unsigned char> valid;
        const Grid& g = ds.info().grid;
        QCOMPARE(g.originY, 200.0); // south-up file, exposed north-up
        QCOMPARE(g.cellHeight, 100.0);
        ds.read(1, Window{ 0, 0, g.rows, g.cols }, out, valid);
        for (std::size_t i = 0; i < out.size(); ++i)
            if (std::isnan(out[i]))
                QCOMPARE(valid[i], (unsigned char)0);
        QVERIFY(std::any_of(out.begin(), out.end(), [](double x) { return std::isnan(x); }));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestRasterDataset)
#include "tst_rasterdataset.moc"
