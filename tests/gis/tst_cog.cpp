// SPDX-License-Identifier: GPL-3.0-or-later
// Cloud-Optimised GeoTIFF output of gis::RasterWriter (RasterSpec::cloudOptimized, issue 14 "Data
// export"): GDAL reports LAYOUT=COG, GDAL's own validator (osgeo_utils.samples.
// validate_cloud_optimized_geotiff, python3-gdal) passes, the values, nodata, band descriptions,
// metadata and colour table read back unchanged, and the write stays atomic.
#include "PythonRun.h"
#include "TestUtil.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/Gdal.h"
#include "gis/RasterWriter.h"

#include <gdal.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace tanhui;
using tanhui::test::pythonHas;
using tanhui::test::runPython;

namespace {

constexpr int kCols = 700, kRows = 600;

gis::RasterSpec floatSpec(bool cog) {
    gis::RasterSpec s;
    s.grid.originX = 500000;
    s.grid.originY = 3000000;
    s.grid.cellWidth = 30;
    s.grid.cellHeight = 30;
    s.grid.cols = kCols;
    s.grid.rows = kRows;
    s.crs = gis::Crs::fromUserInput("EPSG:4547");
    s.type = gis::RasterSpec::Type::Float32;
    s.bands = 2;
    s.nodata = -1;
    s.bandDescriptions = { "c_above", "c_total" };
    s.metadata = { { "UNIT", "t C/ha" } };
    s.cloudOptimized = cog;
    return s;
}

float cell(int band, int r, int c) {
    if ((r * 7 + c * 3) % 97 == 0)
        return -1.0f; // nodata
    return float(band * 100.0 + std::sin(r * 0.01) * 50.0 + c * 0.125 + r * 1e-4);
}

void writeFloat(const QString& path, bool cog, gis::Feedback* feedback = nullptr) {
    gis::RasterWriter w(path.toStdString(), floatSpec(cog));
    std::vector<float> row(kCols);
    for (int b = 1; b <= 2; ++b)
        for (int r = 0; r < kRows; ++r) {
            for (int c = 0; c < kCols; ++c)
                row[std::size_t(c)] = cell(b, r, c);
            w.writeRows(b, r, 1, row.data());
        }
    w.commit(feedback);
}

QString layout(const QString& path) {
    GDALDatasetH ds = GDALOpen(path.toUtf8().constData(), GA_ReadOnly);
    if (!ds)
        return QStringLiteral("(cannot open)");
    const char* v = GDALGetMetadataItem(ds, "LAYOUT", "IMAGE_STRUCTURE");
    const QString out = v ? QString::fromLatin1(v) : QString();
    GDALClose(ds);
    return out;
}

bool requireValidator() {
    return pythonHas(QStringLiteral("osgeo_utils.samples.validate_cloud_optimized_geotiff"));
}

test::PythonRun validate(const QString& path) {
    return runPython(
      { QStringLiteral("-m"), QStringLiteral("osgeo_utils.samples.validate_cloud_optimized_geotiff"), path });
}

} // namespace

class TestCog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { gis::initializeGdal(); }

    void cogLayoutAndValuesUnchanged() {
        QTemporaryDir dir;
        const QString cog = dir.filePath(QStringLiteral("c_density_2015.tif"));
        const QString plain = dir.filePath(QStringLiteral("plain.tif"));
        writeFloat(cog, true);
        writeFloat(plain, false);
        QCOMPARE(layout(cog), QStringLiteral("COG"));
        QVERIFY(layout(plain) != QStringLiteral("COG")); // the check can fail
        // No temporaries are left beside the outputs.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList({ QStringLiteral("c_density_2015.tif"), QStringLiteral("plain.tif") }));

        GDALDatasetH ds = GDALOpen(cog.toUtf8().constData(), GA_ReadOnly);
        QVERIFY(ds);
        QCOMPARE(GDALGetRasterXSize(ds), kCols);
        QCOMPARE(GDALGetRasterYSize(ds), kRows);
        QCOMPARE(GDALGetRasterCount(ds), 2);
        QCOMPARE(QString::fromLatin1(GDALGetMetadataItem(ds, "UNIT", nullptr)), QStringLiteral("t C/ha"));
        QCOMPARE(QString::fromLatin1(GDALGetMetadataItem(ds, "COMPRESSION", "IMAGE_STRUCTURE")),
                 QStringLiteral("DEFLATE"));
        double gt[6];
        QCOMPARE(GDALGetGeoTransform(ds, gt), CE_None);
        QCOMPARE(gt[0], 500000.0);
        QCOMPARE(gt[1], 30.0);
        QCOMPARE(gt[3], 3000000.0);
        QVERIFY(QString::fromLatin1(GDALGetProjectionRef(ds)).contains(QStringLiteral("4547")));
        std::vector<float> got(std::size_t(kCols) * kRows);
        for (int b = 1; b <= 2; ++b) {
            GDALRasterBandH h = GDALGetRasterBand(ds, b);
            QCOMPARE(QString::fromLatin1(GDALGetDescription(h)),
                     b == 1 ? QStringLiteral("c_above") : QStringLiteral("c_total"));
            int hasNodata = 0;
            QCOMPARE(GDALGetRasterNoDataValue(h, &hasNodata), -1.0);
            QVERIFY(hasNodata);
            QVERIFY(GDALGetOverviewCount(h) >= 1); // overviews for zoomed-out reads
            QCOMPARE(
              GDALRasterIO(h, GF_Read, 0, 0, kCols, kRows, got.data(), kCols, kRows, GDT_Float32, 0, 0),
              CE_None);
            long long differing = 0;
            for (int r = 0; r < kRows; ++r)
                for (int c = 0; c < kCols; ++c)
                    if (got[std::size_t(r) * kCols + std::size_t(c)] != cell(b, r, c))
                        ++differing;
            QCOMPARE(differing, 0LL);
        }
        GDALClose(ds);

        if (!requireValidator()) {
            if (tanhui::test::runningInCi())
                QFAIL("python3-gdal's osgeo_utils is missing under CI (apt install python3-gdal)");
            QSKIP("python3 cannot import osgeo_utils (python3-gdal); GDAL's COG validator skipped");
        }
        const auto ok = validate(cog);
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.out + ok.err));
        QVERIFY2(ok.out.contains(QStringLiteral("is a valid cloud optimized GeoTIFF")), qPrintable(ok.out));
        const auto bad = validate(plain); // a tiled GeoTIFF with overviews after the data is not a COG
        QVERIFY2(bad.exitCode != 0, qPrintable(bad.out));
    }

    void classRasterKeepsItsColourTable() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("classes.tif"));
        gis::RasterSpec s = floatSpec(true);
        s.type = gis::RasterSpec::Type::Byte;
        s.bands = 1;
        s.nodata = 255;
        s.bandDescriptions = { "class" };
        s.classes = { { 1, "forest", "森林", 0x228b22 }, { 2, "water", "水体", 0x1e90ff } };
        {
            gis::RasterWriter w(path.toStdString(), s);
            std::vector<std::uint8_t> row(kCols);
            for (int r = 0; r < kRows; ++r) {
                for (int c = 0; c < kCols; ++c)
                    row[std::size_t(c)] = std::uint8_t((r / 50 + c / 70) % 3 == 0 ? 255 : 1 + (r + c) % 2);
                w.writeRows(1, r, 1, row.data());
            }
            w.commit();
        }
        QCOMPARE(layout(path), QStringLiteral("COG"));
        GDALDatasetH ds = GDALOpen(path.toUtf8().constData(), GA_ReadOnly);
        QVERIFY(ds);
        GDALRasterBandH h = GDALGetRasterBand(ds, 1);
        GDALColorTableH ct = GDALGetRasterColorTable(h);
        QVERIFY(ct);
        const GDALColorEntry* e = GDALGetColorEntry(ct, 1);
        QVERIFY(e);
        QCOMPARE(e->c1, short(0x22));
        QCOMPARE(e->c2, short(0x8b));
        QCOMPARE(QString::fromUtf8(GDALGetMetadataItem(h, "CLASS_2", nullptr)),
                 QStringLiteral("water|水体|#1e90ff"));
        std::vector<std::uint8_t> got(std::size_t(kCols) * kRows);
        QCOMPARE(GDALRasterIO(h, GF_Read, 0, 0, kCols, kRows, got.data(), kCols, kRows, GDT_Byte, 0, 0),
                 CE_None);
        for (int r = 0; r < kRows; r += 37)
            for (int c = 0; c < kCols; c += 13)
                QCOMPARE(int(got[std::size_t(r) * kCols + std::size_t(c)]),
                         (r / 50 + c / 70) % 3 == 0 ? 255 : 1 + (r + c) % 2);
        GDALClose(ds);
    }

    void cancelLeavesTheTargetUnchanged() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c_change.tif"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        gis::Feedback feedback;
        feedback.cancel();
        QVERIFY_THROWS_EXCEPTION(gis::CancelledError, writeFloat(path, true, &feedback));
        QFile check(path);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("old"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{ QStringLiteral("c_change.tif") });
    }
};

QTEST_GUILESS_MAIN(TestCog)
#include "tst_cog.moc"
