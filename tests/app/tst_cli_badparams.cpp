// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli with bad parameter tables (the corpus of tests/badinput/params/) and bad numeric options:
// the message names the file, the row and the column, every problem is listed at once, BOM and CRLF
// simply work; and the same in the Chinese interface (TANHUI_LANG=zh_CN): Qt's own command-line texts,
// parameter messages, GEOS repair reasons and project-loader errors in Chinese.
#include "CliRun.h"

#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace {

QString corpusFile(const QString& name) {
    return QDir(qEnvironmentVariable("TANHUI_SOURCE_DIR"))
      .filePath(QStringLiteral("tests/badinput/params/cases/") + name);
}

using Run = tanhui::test::CliRun;
using tanhui::test::cliPath;
using tanhui::test::runCli;

/// A 20 × 20 Byte land-cover raster in EPSG:4547 with the classes 11 (left half) and 12 (right half)
/// of the pools corpus (whose rows are 11, 12, 13).
void writeLandCover(const QString& path) {
    GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GTiff"), path.toUtf8().constData(), 20, 20, 1, GDT_Byte, nullptr);
    double gt[6] = { 500000, 10, 0, 2500200, 0, -10 };
    GDALSetGeoTransform(ds, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4547);
    GDALSetSpatialRef(ds, srs);
    OSRDestroySpatialReference(srs);
    std::vector<unsigned char> v(400);
    for (int r = 0; r < 20; ++r)
        for (int c = 0; c < 20; ++c)
            v[std::size_t(r * 20 + c)] = c < 10 ? 11 : 12;
    if (GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Write, 0, 0, 20, 20, v.data(), 20, 20, GDT_Byte, 0, 0) !=
        CE_None)
        qWarning("write failed");
    GDALClose(ds);
}

/// A GeoPackage of two parcels, the second a self-intersecting "bow tie" (repaired with MakeValid).
void writeBowTieParcels(const QString& path) {
    GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GPKG"), path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4547);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "parcels", srs, wkbPolygon, nullptr);
    OSRDestroySpatialReference(srs);
    const char* wkts[] = {
        "POLYGON((500000 2500000,500100 2500000,500100 2500100,500000 2500100,500000 2500000))",
        "POLYGON((500000 2500000,500100 2500100,500100 2500000,500000 2500100,500000 2500000))",
    };
    for (const char* text : wkts) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGRGeometryH g = nullptr;
        char* wkt = const_cast<char*>(text);
        OGR_G_CreateFromWkt(&wkt, nullptr, &g);
        OGR_F_SetGeometryDirectly(f, g);
        if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE)
            qWarning("cannot write feature");
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
}

/// Four farmland plots (EPSG:4547) with a crop and a practice field: two unknown practices ('深松',
/// rows 2 and 3) and one unknown crop ('香菇', row 4).
void writeFarmland(const QString& path) {
    GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GPKG"), path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4547);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "farm", srs, wkbPolygon, nullptr);
    OSRDestroySpatialReference(srs);
    for (const char* name : { "编码", "作物", "措施" }) {
        OGRFieldDefnH fd = OGR_Fld_Create(name, OFTString);
        OGR_L_CreateField(layer, fd, TRUE);
        OGR_Fld_Destroy(fd);
    }
    const char* rows[][3] = { { "A1", "水稻", "秸秆还田" },
                              { "A2", "水稻", "深松" },
                              { "A3", "蔬菜", "深松" },
                              { "A4", "香菇", "秸秆还田" } };
    for (int i = 0; i < 4; ++i) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        for (int k = 0; k < 3; ++k)
            OGR_F_SetFieldString(f, k, rows[i][k]);
        const int x = 500000 + 200 * i;
        const QByteArray text =
          QStringLiteral("POLYGON((%1 2500000,%2 2500000,%2 2500100,%1 2500100,%1 2500000))")
            .arg(x)
            .arg(x + 100)
            .toUtf8();
        OGRGeometryH g = nullptr;
        char* wkt = const_cast<char*>(text.constData());
        OGR_G_CreateFromWkt(&wkt, nullptr, &g);
        OGR_F_SetGeometryDirectly(f, g);
        if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE)
            qWarning("cannot write feature");
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
}

bool qtChineseInstalled() {
    return QFile::exists(
      QDir(QLibraryInfo::path(QLibraryInfo::TranslationsPath)).filePath(QStringLiteral("qtbase_zh_CN.qm")));
}

} // namespace

class TestCliBadParams : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        GDALAllRegister();
        QVERIFY(QFile::exists(cliPath()));
        QVERIFY(m_dir.isValid());
        m_lc1 = m_dir.filePath(QStringLiteral("lc_2015.tif"));
        m_lc2 = m_dir.filePath(QStringLiteral("lc_2020.tif"));
        writeLandCover(m_lc1);
        writeLandCover(m_lc2);
    }

    void poolsTable_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions"); // after "<file>, " (empty: the run succeeds)
        QTest::newRow("bom") << "carbon_pools__bom.csv" << 0 << QString();
        QTest::newRow("crlf") << "carbon_pools__crlf.csv" << 0 << QString();
        QTest::newRow("empty") << "carbon_pools__empty.csv" << 1 << "row 1: the table is empty";
        QTest::newRow("header only") << "carbon_pools__header_only.csv" << 1
                                     << "row 1: the table has a header but no rows; add one row per "
                                        "land-cover code";
        QTest::newRow("missing column")
          << "carbon_pools__missing_column.csv" << 1
          << "row 1, column c_soil: the column c_soil (soil organic carbon stock, t C/ha) is missing; add "
             "it to the header row";
        QTest::newRow("duplicate") << "carbon_pools__duplicate_key.csv" << 1
                                   << "row 5, column lucode: the land-cover code 11 appears more than once "
                                      "(first in row 2); keep one row per key";
        QTest::newRow("text") << "carbon_pools__text_in_number.csv" << 1
                              << "row 2, column c_above: 'abc' is not a number (t C/ha expected)";
        QTest::newRow("percent sign") << "carbon_pools__percent_sign.csv" << 1
                                      << "row 2, column c_above: '45%' is not a number: write the value "
                                         "without the %-sign, in t C/ha";
        QTest::newRow("negative") << "carbon_pools__negative.csv" << 1
                                  << "row 2, column c_above: negative value -5 t C/ha: above-ground carbon "
                                     "stock cannot be negative";
        QTest::newRow("semicolons") << "carbon_pools__semicolons.csv" << 1
                                    << "row 1: the columns are separated by ';', not by commas";
    }

    void poolsTable() {
        // carbon --method pools --pools <corpus file>: the message names the file, row and column; the
        // run writes nothing when the table is bad.
        QFETCH(QString, file);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        const QString path = corpusFile(file);
        QVERIFY(QFile::exists(path));
        QTemporaryDir out;
        const Run r = runCli({ QStringLiteral("carbon"),
                               QStringLiteral("--method"),
                               QStringLiteral("pools"),
                               QStringLiteral("--lulc"),
                               m_lc1 + QStringLiteral("@2015"),
                               QStringLiteral("--lulc"),
                               m_lc2 + QStringLiteral("@2020"),
                               QStringLiteral("--pools"),
                               path,
                               QStringLiteral("--out"),
                               out.path(),
                               QStringLiteral("--quiet") });
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.err));
        if (mentions.isEmpty()) {
            QVERIFY(QFile::exists(QDir(out.path()).filePath(QStringLiteral("totals.csv"))));
            return;
        }
        QVERIFY2(
          r.err.contains(QStringLiteral("tanhui-cli: error: ") + path + QStringLiteral(", ") + mentions),
          qPrintable(r.err));
        QVERIFY(!QFile::exists(QDir(out.path()).filePath(QStringLiteral("totals.csv"))));
    }

    void numericOptionsAllAtOnce() {
        QTemporaryDir out;
        const QStringList base = {
            QStringLiteral("carbon"),        QStringLiteral("--method"),      QStringLiteral("pools"),
            QStringLiteral("--lulc"),        m_lc1 + QStringLiteral("@2015"), QStringLiteral("--lulc"),
            m_lc2 + QStringLiteral("@2020"), QStringLiteral("--out"),         out.path(),
            QStringLiteral("--quiet")
        };
        // A negative discount rate is allowed (carbon-methods.md §1.1) but never silent.
        Run r = runCli(base + QStringList{ "--price", "220", "--discount", "-5" });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(
          r.err.contains(QStringLiteral("tanhui-cli: warning: column --discount: discount rate is -5 %, "
                                        "outside the usual range 0 to 30 %: accepted, but check it for "
                                        "a unit or sign mistake")),
          qPrintable(r.err));
        // Three bad options: all three listed, nothing written.
        QTemporaryDir out2;
        QStringList bad = base;
        bad[8] = out2.path();
        r = runCli(bad + QStringList{ "--price", "-1", "--discount", "abc", "--price-change", "2000" });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
          r.err.contains(QStringLiteral("column --price: carbon price is -1 currency/t C; it must be at "
                                        "least 0 currency/t C")),
          qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("column --discount: discount rate must be a number in %, not "
                                               "'abc'")),
                 qPrintable(r.err));
        QVERIFY2(
          r.err.contains(QStringLiteral("column --price-change: annual price change is 2000 %, outside "
                                        "the valid range")),
          qPrintable(r.err));
        QVERIFY(!QFile::exists(QDir(out2.path()).filePath(QStringLiteral("totals.csv"))));

        // The run-wide default uncertainty: a percent, so 0.1 is warned as a fraction; above 1000 % an error.
        r = runCli(base + QStringList{ "--uncertainty", "--default-uncertainty", "0.1" });
        QVERIFY2(
          r.err.contains(QStringLiteral("warning: column --default-uncertainty: run-wide default uncertainty "
                                        "(95 % half-width) is 0.1 %; percentages are written as percent")),
          qPrintable(r.err));
        r = runCli(bad + QStringList{ "--uncertainty", "--default-uncertainty", "2000" });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
          r.err.contains(QStringLiteral("error: column --default-uncertainty: run-wide default uncertainty "
                                        "(95 % half-width) is 2000 %, outside the valid range 0 to 1000 %")),
          qPrintable(r.err));

        // The gain-loss fd and the regression hysteresis, from their declarations.
        r = runCli({ QStringLiteral("carbon"),
                     QStringLiteral("--method"),
                     QStringLiteral("gainloss"),
                     QStringLiteral("--lulc"),
                     m_lc1 + QStringLiteral("@2015"),
                     QStringLiteral("--lulc"),
                     m_lc2 + QStringLiteral("@2020"),
                     QStringLiteral("--parcels"),
                     m_dir.filePath(QStringLiteral("none.gpkg")),
                     QStringLiteral("--out"),
                     out2.path(),
                     QStringLiteral("--fd"),
                     QStringLiteral("45") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
          r.err.contains(QStringLiteral("error: column --fd: fraction of the biomass lost in a disturbance "
                                        "(fd) is 45 fraction, outside the valid range 0 to 1 fraction")),
          qPrintable(r.err));
        r = runCli({ QStringLiteral("carbon"),
                     QStringLiteral("--method"),
                     QStringLiteral("regression"),
                     QStringLiteral("--vi"),
                     m_lc1 + QStringLiteral("@2015"),
                     QStringLiteral("--lulc"),
                     m_lc1 + QStringLiteral("@2015"),
                     QStringLiteral("--coefficients"),
                     corpusFile(QStringLiteral("rs_coefficients__bom.csv")),
                     QStringLiteral("--parcels"),
                     m_dir.filePath(QStringLiteral("none.gpkg")),
                     QStringLiteral("--out"),
                     out2.path(),
                     QStringLiteral("--r-hysteresis"),
                     QStringLiteral("-10") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
          r.err.contains(QStringLiteral("error: column --r-hysteresis: hysteresis of the R class rule is "
                                        "-10 t d.m./ha, outside the valid range 0 to 100 t d.m./ha")),
          qPrintable(r.err));

        // The blue-carbon price table: a negative price and an empty table are errors naming the file.
        const QString prices = m_dir.filePath(QStringLiteral("prices.csv"));
        for (const auto& [content, mentions] :
             { std::pair{ QByteArray("year,price\r\n2015,12\r\n2016,-5\r\n"),
                          QStringLiteral(
                            ", row 3, column price: carbon price is -5 currency/t C; it must be at least 0 "
                            "currency/t C") },
               std::pair{ QByteArray(""), QStringLiteral(", row 1: the price table is empty") },
               std::pair{ QByteArray("year,price\n"),
                          QStringLiteral(", row 1: the price table has a header but no rows") } }) {
            QFile pf(prices);
            QVERIFY(pf.open(QIODevice::WriteOnly | QIODevice::Truncate));
            pf.write(content);
            pf.close();
            r = runCli({ QStringLiteral("carbon"),
                         QStringLiteral("--method"),
                         QStringLiteral("bluecarbon"),
                         QStringLiteral("--lulc"),
                         m_lc1 + QStringLiteral("@2015"),
                         QStringLiteral("--lulc"),
                         m_lc2 + QStringLiteral("@2020"),
                         QStringLiteral("--analysis-year"),
                         QStringLiteral("2025"),
                         QStringLiteral("--price-table"),
                         prices,
                         QStringLiteral("--discount"),
                         QStringLiteral("4"),
                         QStringLiteral("--out"),
                         out2.path(),
                         QStringLiteral("--quiet") });
            QVERIFY2(r.exitCode == 1 && r.err.contains(QStringLiteral("error: ") + prices + mentions),
                     qPrintable(r.err));
        }

        // GEP: the settings are checked before the project is read, every problem at once.
        r = runCli({ QStringLiteral("gep"),
                     QStringLiteral("--project"),
                     m_dir.filePath(QStringLiteral("none.tanhui.json")),
                     QStringLiteral("--out"),
                     out2.path(),
                     QStringLiteral("--slope-length"),
                     QStringLiteral("-3"),
                     QStringLiteral("--ac-days"),
                     QStringLiteral("400"),
                     QStringLiteral("--price-year"),
                     QStringLiteral("2024.5"),
                     QStringLiteral("--seawall-life"),
                     QStringLiteral("5") });
        QCOMPARE(r.exitCode, 2);
        for (
          const char* text :
          { "error: column --slope-length: RUSLE slope length is -3 m, outside the valid range 0.1 to 2000 m",
            "error: column --ac-days: days with air conditioning is 400 day, outside the valid range 0 to "
            "366 day",
            "error: column --price-year: price year must be a whole number, not 2024.5",
            "warning: column --seawall-life: sea-wall design life is 5 year, outside the usual range 10 to "
            "200 year" })
            QVERIFY2(r.err.contains(QString::fromUtf8(text)), qPrintable(r.err));
    }

    void farmlandUnknownValuesListedAtOnce() {
        // Every unknown practice and crop with all its rows, in one run: the soil method on its own
        // (errors) and in a project run (one warning per field; the other plots are computed).
        const QString farm = m_dir.filePath(QStringLiteral("farm.gpkg"));
        writeFarmland(farm);
        QTemporaryDir out;
        Run r = runCli({ QStringLiteral("carbon"),
                         QStringLiteral("--method"),
                         QStringLiteral("soil"),
                         QStringLiteral("--parcels"),
                         farm,
                         QStringLiteral("--crop-field"),
                         QStringLiteral("作物"),
                         QStringLiteral("--practice-field"),
                         QStringLiteral("措施"),
                         QStringLiteral("--years"),
                         QStringLiteral("2015,2024"),
                         QStringLiteral("--out"),
                         out.path(),
                         QStringLiteral("--quiet") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
          r.err.contains(farm + QStringLiteral(", row 2, column 措施: unknown practice in 2 feature(s): "
                                               "'深松' (rows 2, 3); accepted: 秸秆还田")),
          qPrintable(r.err));
        QVERIFY2(r.err.contains(farm + QStringLiteral(", row 4, column 作物: unknown crop or land use in 1 "
                                                      "feature(s): '香菇' (rows 4)")),
                 qPrintable(r.err));

        const QString project = m_dir.filePath(QStringLiteral("farm.tanhui.json"));
        QFile f(project);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "tanhui-project", "version": 1, "crs": "EPSG:4547",
 "layers": [{"id": "farm", "kind": "vector", "path": "farm.gpkg", "role": "farmland_plots", "id_field": "编码",
             "fields": {"id": "编码", "crop": "作物", "practice": "措施"}}],
 "carbon": {"years": [2015, 2024], "layers": [{"layer": "farm", "ecosystem_type": "cropland"}],
            "methods": {"cropland": {"method": "soil"}}}})");
        f.close();
        QTemporaryDir out2;
        r = runCli({ QStringLiteral("carbon"),
                     QStringLiteral("--project"),
                     project,
                     QStringLiteral("--out"),
                     out2.path(),
                     QStringLiteral("--quiet") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(
          r.err.contains(QStringLiteral("warning: ") + farm +
                         QStringLiteral(", row 2, column 措施: unknown practice in 2 feature(s): '深松' "
                                        "(rows 2, 3)")),
          qPrintable(r.err));
        QVERIFY2(
          r.err.contains(QStringLiteral("column 作物: unknown crop or land use in 1 feature(s): '香菇' "
                                        "(rows 4)")),
          qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("the soil method does not compute these plots")));
        QVERIFY(QFile::exists(QDir(out2.path()).filePath(QStringLiteral("parcels.csv"))));

        // The project's valuation from the same declarations as --discount: a negative rate is warned.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(R"({"format": "tanhui-project", "version": 1, "crs": "EPSG:4547",
 "layers": [{"id": "farm", "kind": "vector", "path": "farm.gpkg", "role": "farmland_plots", "id_field": "编码",
             "fields": {"id": "编码", "crop": "作物", "practice": "措施"}}],
 "carbon": {"years": [2015, 2024], "layers": [{"layer": "farm", "ecosystem_type": "cropland"}],
            "methods": {"cropland": {"method": "soil"}}, "valuation": {"price": 220, "discount": -5}}})");
        f.close();
        QTemporaryDir out3;
        r = runCli({ QStringLiteral("carbon"),
                     QStringLiteral("--project"),
                     project,
                     QStringLiteral("--out"),
                     out3.path(),
                     QStringLiteral("--quiet") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(
          r.err.contains(QStringLiteral("warning: ") + project +
                         QStringLiteral(", column carbon.valuation.discount: discount rate is -5 %, outside "
                                        "the usual range 0 to 30 %")),
          qPrintable(r.err));
    }

    void chineseInterface() {
        if (!qtChineseInstalled())
            QFAIL("qtbase_zh_CN.qm is missing: install qt6-translations-l10n (scripts/setup.sh)");
        // Qt's own command-line texts, and the usage line naming the command.
        Run r = runCli({ QStringLiteral("zonal"), QStringLiteral("--help") }, "zh_CN");
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("用法：tanhui-cli zonal [选项]")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("选项：")), qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("Displays help on commandline options.")));
        QVERIFY(!r.out.contains(QStringLiteral("Usage:")));

        // A parameter-table message.
        QTemporaryDir out;
        r = runCli({ QStringLiteral("carbon"),
                     QStringLiteral("--method"),
                     QStringLiteral("pools"),
                     QStringLiteral("--lulc"),
                     m_lc1 + QStringLiteral("@2015"),
                     QStringLiteral("--lulc"),
                     m_lc2 + QStringLiteral("@2020"),
                     QStringLiteral("--pools"),
                     corpusFile(QStringLiteral("carbon_pools__text_in_number.csv")),
                     QStringLiteral("--out"),
                     out.path(),
                     QStringLiteral("--quiet") },
                   "zh_CN");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("第 2 行")) && r.err.contains(QStringLiteral("不是数值")),
                 qPrintable(r.err));

        // A GEOS repair reason, with its coordinates kept.
        const QString parcels = m_dir.filePath(QStringLiteral("bowtie.gpkg"));
        writeBowTieParcels(parcels);
        r = runCli({ QStringLiteral("zonal"),
                     QStringLiteral("--parcels"),
                     parcels,
                     QStringLiteral("--raster"),
                     m_lc1,
                     QStringLiteral("--out"),
                     m_dir.filePath(QStringLiteral("z.csv")) },
                   "zh_CN");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("自相交")) && r.err.contains(QStringLiteral("500050 2500050")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("Self-intersection")), qPrintable(r.err));

        // The progress bar's stage names (drawn only on a terminal: run under script(1), which gives the
        // command a pseudo-terminal).
        const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
        if (script.isEmpty()) {
            QWARN("script(1) not found: the progress-bar check is left out");
        } else {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("TANHUI_LANG"), QStringLiteral("zh_CN"));
            p.setProcessEnvironment(env);
            p.start(script,
                    { QStringLiteral("-qec"),
                      QStringList{ cliPath(),
                                   QStringLiteral("zonal"),
                                   QStringLiteral("--parcels"),
                                   parcels,
                                   QStringLiteral("--raster"),
                                   m_lc1,
                                   QStringLiteral("--out"),
                                   m_dir.filePath(QStringLiteral("z2.csv")) }
                        .join(QLatin1Char(' ')),
                      QStringLiteral("/dev/null") });
            QVERIFY(p.waitForFinished(120000));
            const QString tty = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(tty.contains(QStringLiteral("100.0%  分区统计")), qPrintable(tty));
            QVERIFY2(!tty.contains(QStringLiteral("Zonal statistics")), qPrintable(tty));
        }

        // A project-loader error.
        const QString project = m_dir.filePath(QStringLiteral("future.tanhui.json"));
        QFile f(project);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "tanhui-project", "version": 999, "crs": "EPSG:4547", "layers": []})");
        f.close();
        r = runCli({ QStringLiteral("carbon"),
                     QStringLiteral("--project"),
                     project,
                     QStringLiteral("--out"),
                     out.path() },
                   "zh_CN");
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("999")) && r.err.contains(QStringLiteral("项目文件")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("is newer than")), qPrintable(r.err));
    }

private:
    QTemporaryDir m_dir;
    QString m_lc1, m_lc2;
};

QTEST_GUILESS_MAIN(TestCliBadParams)
#include "tst_cli_badparams.moc"
