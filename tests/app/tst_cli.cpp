// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli end to end: arguments, messages, exit codes, atomic output, determinism.
#include "TestUtil.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace {

QString cliPath() {
    return QString::fromLocal8Bit(qgetenv("TANHUI_BINARY_DIR")) + QStringLiteral("/app/cli/tanhui-cli");
}

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run runCli(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TANHUI_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start(cliPath(), args);
    p.waitForFinished(300000);
    return { p.exitCode(),
             QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()) };
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A 20 × 20 Byte land-cover raster (classes 1..4 in quadrants) in EPSG:4547, tiled.
void writeLandCover(const QString& path) {
    const char* opts[] = { "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16", "COMPRESS=DEFLATE", nullptr };
    GDALDatasetH ds = GDALCreate(
      GDALGetDriverByName("GTiff"), path.toUtf8().constData(), 20, 20, 1, GDT_Byte, const_cast<char**>(opts));
    double gt[6] = { 500000, 10, 0, 2500200, 0, -10 };
    GDALSetGeoTransform(ds, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4547);
    GDALSetSpatialRef(ds, srs);
    OSRDestroySpatialReference(srs);
    std::vector<unsigned char> v(400);
    for (int r = 0; r < 20; ++r)
        for (int c = 0; c < 20; ++c)
            v[std::size_t(r * 20 + c)] =
              static_cast<unsigned char>(1 + (r >= 10 ? 2 : 0) + (c >= 10 ? 1 : 0));
    GDALSetRasterNoDataValue(GDALGetRasterBand(ds, 1), 0);
    if (GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Write, 0, 0, 20, 20, v.data(), 20, 20, GDT_Byte, 0, 0) !=
        CE_None)
        qWarning("write failed");
    GDALClose(ds);
}

/// A GBK-encoded shapefile (with a .cpg) of two parcels whose id field holds Chinese text.
void writeGbkParcels(const QString& path) {
    GDALDriverH drv = GDALGetDriverByName("ESRI Shapefile");
    GDALDatasetH ds = GDALCreate(drv, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4547);
    const char* lco[] = { "ENCODING=CP936", nullptr };
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "xiaoban", srs, wkbPolygon, const_cast<char**>(lco));
    OSRDestroySpatialReference(srs);
    OGRFieldDefnH fd = OGR_Fld_Create("XBH", OFTString);
    OGR_L_CreateField(layer, fd, TRUE);
    OGR_Fld_Destroy(fd);
    const char* wkts[] = {
        "POLYGON((500000 2500000,500100 2500000,500100 2500100,500000 2500100,500000 2500000))",
        "POLYGON((500050 2500050,500150 2500050,500150 2500150,500050 2500150,500050 2500050))"
    };
    const char* ids[] = { "马尾松-001", "杉木-002" };
    for (int i = 0; i < 2; ++i) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(f, 0, ids[i]);
        OGRGeometryH g = nullptr;
        char* wkt = const_cast<char*>(wkts[i]);
        OGR_G_CreateFromWkt(&wkt, nullptr, &g);
        OGR_F_SetGeometryDirectly(f, g);
        if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE)
            qWarning("cannot write feature %d", i);
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void help();
    void helpOfEveryCommand_data();
    void helpOfEveryCommand();
    void badArguments_data();
    void badArguments();
    void zonalCsvAndGpkg();
    void classColumnsOfContinuousRasterRefused();
    void identicalForOneAndTwoThreads();
    void failedRunKeepsExistingOutput();

private:
    QTemporaryDir m_dir;
    QString m_raster, m_parcels;
};

void TestCli::initTestCase() {
    GDALAllRegister();
    QVERIFY(QFile::exists(cliPath()));
    m_raster = m_dir.filePath(QStringLiteral("lc.tif"));
    m_parcels = m_dir.filePath(QStringLiteral("xiaoban.shp"));
    writeLandCover(m_raster);
    writeGbkParcels(m_parcels);
}

void TestCli::help() {
    const Run top = runCli({ QStringLiteral("--help") });
    QCOMPARE(top.exitCode, 0);
    QVERIFY(top.out.contains(QStringLiteral("zonal")));
    const Run all = runCli({ QStringLiteral("--help-all") });
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.out, top.out);
    const Run zonal = runCli({ QStringLiteral("zonal"), QStringLiteral("--help") });
    QCOMPARE(zonal.exitCode, 0);
    for (const char* word : { "--parcels",
                              "--raster",
                              "--stats",
                              "--out",
                              "--threads",
                              "majority",
                              "frac",
                              "area_ha_",
                              "nodata_ha",
                              "temporary file" })
        QVERIFY2(zonal.out.contains(QLatin1String(word)), word);
    const Run none = runCli({});
    QCOMPARE(none.exitCode, 2);
}

void TestCli::helpOfEveryCommand_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("usage");
    auto row = [](const char* args, const char* usage) {
        QTest::newRow(args) << QString::fromUtf8(args).split(QLatin1Char(' ')) << QString::fromUtf8(usage);
    };
    row("sample", "Usage: tanhui-cli sample [options]");
    row("zonal", "Usage: tanhui-cli zonal [options]");
    row("carbon", "Usage: tanhui-cli carbon [options]");
    row("carbon --method pools", "Usage: tanhui-cli carbon [options]");
    row("carbon --method soil", "Usage: tanhui-cli carbon --method soil [options]");
    row("carbon --method gainloss", "Usage: tanhui-cli carbon --method gainloss [options]");
    row("carbon --method bluecarbon", "Usage: tanhui-cli carbon --method bluecarbon [options]");
    row("carbon --method regression", "Usage: tanhui-cli carbon --method regression [options]");
    row("carbon --project", "Usage: tanhui-cli carbon --project [options]");
    row("gep", "Usage: tanhui-cli gep [options]");
}

void TestCli::helpOfEveryCommand() {
    // --help and --help-all print the command's help (no "missing --parcels"), and the usage line names
    // the command so that it can be typed as shown.
    QFETCH(QStringList, args);
    QFETCH(QString, usage);
    if (args.last() == QLatin1String("--project"))
        args << QStringLiteral("p.tanhui.json"); // --project takes a value
    for (const char* flag : { "--help", "--help-all" }) {
        const Run r = runCli(args + QStringList{ QLatin1String(flag) });
        QVERIFY2(r.exitCode == 0, qPrintable(QLatin1String(flag) + QStringLiteral(": ") + r.err));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QCOMPARE(r.out.section(QLatin1Char('\n'), 0, 0), usage);
        QVERIFY(r.out.contains(QStringLiteral("--help-all")));
        QVERIFY(r.out.contains(QStringLiteral("--out")) || r.out.contains(QStringLiteral("--project")));
    }
}

void TestCli::badArguments_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    // @P and @R stand for the test's parcels and raster; @O for an output that must never appear.
    auto row = [](const char* name, const char* args, int code, const char* mentions) {
        QTest::newRow(name) << QString::fromUtf8(args).split(QLatin1Char(' ')) << code
                            << QString::fromUtf8(mentions);
    };
    row("no parcels", "zonal --raster x.tif --out @O", 2, "--parcels");
    row("unknown stat", "zonal --parcels p.shp --raster x.tif --out @O --stats count,median", 2, "median");
    row(
      "missing raster", "zonal --parcels @P --raster /nonexistent/lc.tif --out @O", 2, "/nonexistent/lc.tif");
    row("bad extension", "zonal --parcels @P --raster @R --out /tmp/out.xlsx", 2, ".csv or .gpkg");
    row("bad threads", "zonal --parcels @P --raster @R --out @O --threads two", 2, "--threads");
    row("missing id field", "zonal --parcels @P --raster @R --out @O --id NOPE", 1, "XBH");
    row("unknown command", "zonl", 2, "zonl");
}

void TestCli::badArguments() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    for (QString& a : args)
        a = a == QLatin1String("@P")   ? m_parcels
            : a == QLatin1String("@R") ? m_raster
            : a == QLatin1String("@O") ? QStringLiteral("/tmp/tanhui-cli-test-never-written.csv")
                                       : a;
    const Run r = runCli(args);
    QCOMPARE(r.exitCode, exitCode);
    const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
    const QString last = lines.last();
    QVERIFY2(last.startsWith(QStringLiteral("tanhui-cli: error: ")), qPrintable(r.err));
    QVERIFY2(last.contains(mentions), qPrintable(r.err));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/tanhui-cli-test-never-written.csv")));
}

void TestCli::classColumnsOfContinuousRasterRefused() {
    // 200 × 200 Float32 cells of 1 m, each with its own value (an NDVI-like band): class shares of
    // the two 100 m parcels would give about 17,500 columns, more than a GeoPackage table can hold,
    // so frac/area are refused with advice.
    const QString ndvi = m_dir.filePath(QStringLiteral("ndvi_continuous.tif"));
    GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GTiff"), ndvi.toUtf8().constData(), 200, 200, 1, GDT_Float32, nullptr);
    double gt[6] = { 500000, 1, 0, 2500200, 0, -1 };
    GDALSetGeoTransform(ds, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4547);
    GDALSetSpatialRef(ds, srs);
    OSRDestroySpatialReference(srs);
    std::vector<float> v(40000);
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = 0.1f + float(i) * 1e-5f;
    QCOMPARE(
      GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Write, 0, 0, 200, 200, v.data(), 200, 200, GDT_Float32, 0, 0),
      CE_None);
    GDALClose(ds);
    const QString gpkg = m_dir.filePath(QStringLiteral("continuous.gpkg"));
    const Run bad = runCli({ QStringLiteral("zonal"),
                             QStringLiteral("--quiet"),
                             QStringLiteral("--parcels"),
                             m_parcels,
                             QStringLiteral("--raster"),
                             ndvi,
                             QStringLiteral("--stats"),
                             QStringLiteral("mean,frac"),
                             QStringLiteral("--out"),
                             gpkg });
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains(QStringLiteral("ndvi_continuous")) &&
               bad.err.contains(QStringLiteral("distinct values")) &&
               bad.err.contains(QStringLiteral("mean")),
             qPrintable(bad.err));
    QVERIFY(!QFile::exists(gpkg));
    const Run good = runCli({ QStringLiteral("zonal"),
                              QStringLiteral("--quiet"),
                              QStringLiteral("--parcels"),
                              m_parcels,
                              QStringLiteral("--raster"),
                              ndvi,
                              QStringLiteral("--stats"),
                              QStringLiteral("mean"),
                              QStringLiteral("--out"),
                              gpkg });
    QVERIFY2(good.exitCode == 0, qPrintable(good.err));
    QVERIFY(QFile::exists(gpkg));
}

void TestCli::zonalCsvAndGpkg() {
    const QString csv = m_dir.filePath(QStringLiteral("out.csv"));
    const Run r = runCli({ QStringLiteral("zonal"),
                           QStringLiteral("--parcels"),
                           m_parcels,
                           QStringLiteral("--id"),
                           QStringLiteral("XBH"),
                           QStringLiteral("--raster"),
                           m_raster,
                           QStringLiteral("--stats"),
                           QStringLiteral("count,majority,frac,area"),
                           QStringLiteral("--out"),
                           csv });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList lines = QString::fromUtf8(fileBytes(csv)).trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0],
             QStringLiteral(
               "fid,XBH,area_ha,planar_area_ha,geometry_repaired,lc_count_cells,lc_majority,"
               "lc_frac_1,lc_frac_2,lc_frac_3,lc_frac_4,lc_area_ha_1,lc_area_ha_2,lc_area_ha_3,lc_area_ha_4,"
               "lc_nodata_ha,lc_outside_ha"));
    // Parcel 1: x 0–100 m, y 0–100 m from the raster's south-west corner: the 10 × 10 cells of the
    // bottom-left quadrant (class 3). Chinese ids come through the GBK shapefile intact.
    QVERIFY2(lines[1].startsWith(QStringLiteral("0,马尾松-001,")), qPrintable(lines[1]));
    const QStringList f = lines[1].split(QLatin1Char(','));
    QCOMPARE(f[5].toDouble(), 100.0);
    QCOMPARE(f[6], QStringLiteral("3"));
    QCOMPARE(f[9].toDouble(), 1.0);                                              // lc_frac_3
    QCOMPARE(f[13].toDouble(), 10000.0 * 10000.0 / 1e4 / 1e4 * f[2].toDouble()); // lc_area_ha_3 = area_ha
    QVERIFY(lines[2].startsWith(QStringLiteral("1,杉木-002,")));

    const QString gpkg = m_dir.filePath(QStringLiteral("out.gpkg"));
    const Run g = runCli({ QStringLiteral("zonal"),
                           QStringLiteral("--quiet"),
                           QStringLiteral("--parcels"),
                           m_parcels,
                           QStringLiteral("--raster"),
                           m_raster,
                           QStringLiteral("--out"),
                           gpkg });
    QVERIFY2(g.exitCode == 0, qPrintable(g.err));
    GDALDatasetH ds = GDALOpenEx(gpkg.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    QVERIFY(ds);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    QCOMPARE(OGR_L_GetFeatureCount(layer, TRUE), GIntBig(2));
    OGRFeatureH feat = OGR_L_GetNextFeature(layer);
    QVERIFY(OGR_F_GetGeometryRef(feat) != nullptr);
    QCOMPARE(OGR_F_GetFieldAsDouble(feat, OGR_F_GetFieldIndex(feat, "lc_mean")), 3.0);
    OGR_F_Destroy(feat);
    GDALClose(ds);
}

void TestCli::identicalForOneAndTwoThreads() {
    const QString a = m_dir.filePath(QStringLiteral("t1.csv")), b = m_dir.filePath(QStringLiteral("t2.csv"));
    const QStringList common{ QStringLiteral("zonal"),
                              QStringLiteral("--quiet"),
                              QStringLiteral("--parcels"),
                              m_parcels,
                              QStringLiteral("--raster"),
                              m_raster,
                              QStringLiteral("--raster"),
                              m_raster,
                              QStringLiteral("--stats"),
                              QStringLiteral(
                                "count,sum,mean,min,max,stdev,majority,minority,variety,frac,area") };
    QCOMPARE(
      runCli(common +
             QStringList{ QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--out"), a })
        .exitCode,
      0);
    QCOMPARE(
      runCli(common +
             QStringList{ QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--out"), b })
        .exitCode,
      0);
    QVERIFY(!fileBytes(a).isEmpty());
    QCOMPARE(fileBytes(a), fileBytes(b));
}

void TestCli::failedRunKeepsExistingOutput() {
    // A truncated GeoTIFF fails mid-run; the existing output must stay exactly as it was.
    const QString broken = m_dir.filePath(QStringLiteral("broken.tif"));
    {
        const char* opts[] = { "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16", "COMPRESS=DEFLATE", nullptr };
        GDALDatasetH ds = GDALCreateCopy(GDALGetDriverByName("GTiff"),
                                         broken.toUtf8().constData(),
                                         GDALOpen(m_raster.toUtf8().constData(), GA_ReadOnly),
                                         FALSE,
                                         const_cast<char**>(opts),
                                         nullptr,
                                         nullptr);
        GDALClose(ds);
        QFile f(broken);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(f.size() / 2));
    }
    const QString out = m_dir.filePath(QStringLiteral("keep.csv"));
    {
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("previous results\n");
    }
    const Run r = runCli({ QStringLiteral("zonal"),
                           QStringLiteral("--parcels"),
                           m_parcels,
                           QStringLiteral("--raster"),
                           broken,
                           QStringLiteral("--out"),
                           out });
    QVERIFY2(r.exitCode == 1, qPrintable(r.err));
    QVERIFY2(r.err.contains(broken), qPrintable(r.err));
    QCOMPARE(fileBytes(out), QByteArray("previous results\n"));
    QCOMPARE(QDir(m_dir.path())
               .entryList(QStringList{ QStringLiteral("*.tmp*") }, QDir::Files | QDir::Hidden)
               .size(),
             0);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
