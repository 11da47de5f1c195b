// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/VectorLayer.h"

#include "TestUtil.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cstring>

using namespace tanhui::gis;

namespace {

/// UTF-8 text re-encoded as GBK bytes (by GDAL's own recoder, independent of the code under test).
std::string toGbk(const QString& s) {
    char* r = CPLRecode(s.toUtf8().constData(), CPL_ENC_UTF8, "CP936");
    std::string out(r);
    CPLFree(r);
    return out;
}

const QStringList kSpecies{ QStringLiteral("马尾松"), QStringLiteral("杉木"), QStringLiteral("桉树") };
const QString kSpeciesField = QStringLiteral("优势树种");

/// Writes a polygon shapefile whose DBF holds exactly the given bytes (no recoding, no .cpg).
/// Field 0 is named `fieldName` (raw bytes), field 1 "AREA" (Real).
void writeRawShapefile(const QString& path,
                       const std::string& fieldName,
                       const std::vector<std::string>& values,
                       int epsg = 4547) {
    GDALDriverH drv = GDALGetDriverByName("ESRI Shapefile");
    GDALDatasetH ds = GDALCreate(drv, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    QVERIFY(ds);
    OGRSpatialReferenceH srs = nullptr;
    if (epsg > 0) {
        srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, epsg);
    }
    const char* lco[] = { "ENCODING=", nullptr };
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "parcels", srs, wkbPolygon, const_cast<char**>(lco));
    if (srs)
        OSRRelease(srs);
    QVERIFY(layer);
    OGRFieldDefnH fd = OGR_Fld_Create(fieldName.c_str(), OFTString);
    OGR_Fld_SetWidth(fd, 40);
    QCOMPARE(OGR_L_CreateField(layer, fd, TRUE), OGRERR_NONE);
    OGR_Fld_Destroy(fd);
    fd = OGR_Fld_Create("AREA", OFTReal);
    QCOMPARE(OGR_L_CreateField(layer, fd, TRUE), OGRERR_NONE);
    OGR_Fld_Destroy(fd);
    for (std::size_t i = 0; i < values.size(); ++i) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(f, 0, values[i].c_str());
        OGR_F_SetFieldDouble(f, 1, 1.5 * double(i));
        OGRGeometryH g = nullptr;
        const double x = 500000 + 100.0 * double(i);
        const std::string wkt = "POLYGON ((" + std::to_string(x) + " 2500000," + std::to_string(x + 50) +
                                " 2500000," + std::to_string(x + 50) + " 2500050," + std::to_string(x) +
                                " 2500000))";
        char* w = const_cast<char*>(wkt.c_str());
        QCOMPARE(OGR_G_CreateFromWkt(&w, nullptr, &g), OGRERR_NONE);
        OGR_F_SetGeometryDirectly(f, g);
        QCOMPARE(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    // GDAL writes an empty .cpg for ENCODING=""; remove it to get a bare shapefile.
    QFile::remove(QString(path).replace(QStringLiteral(".shp"), QStringLiteral(".cpg")));
}

void setLdid(const QString& shpPath, unsigned char ldid) {
    QFile dbf(QString(shpPath).replace(QStringLiteral(".shp"), QStringLiteral(".dbf")));
    QVERIFY(dbf.open(QIODevice::ReadWrite));
    QVERIFY(dbf.seek(29));
    QCOMPARE(dbf.write(reinterpret_cast<const char*>(&ldid), 1), qint64(1));
}

void writeCpg(const QString& shpPath, const QByteArray& text) {
    QFile cpg(QString(shpPath).replace(QStringLiteral(".shp"), QStringLiteral(".cpg")));
    QVERIFY(cpg.open(QIODevice::WriteOnly));
    cpg.write(text);
}

std::vector<std::string> gbkSpecies() {
    std::vector<std::string> v;
    for (int i = 0; i < 6; ++i)
        v.push_back(toGbk(kSpecies[i % 3]));
    return v;
}

QStringList readColumn(VectorLayer& layer, int field) {
    QStringList out;
    Feature f;
    layer.resetReading();
    while (layer.next(f))
        out.push_back(f.attributes.at(std::size_t(field)).toString());
    return out;
}

QStringList expectedSpecies() {
    QStringList v;
    for (int i = 0; i < 6; ++i)
        v.push_back(kSpecies[i % 3]);
    return v;
}

using tanhui::test::expectError;

std::vector<unsigned char> wkbFromWkt(const char* wkt, OGRwkbByteOrder order = wkbNDR) {
    OGRGeometryH g = nullptr;
    char* w = const_cast<char*>(wkt);
    if (OGR_G_CreateFromWkt(&w, nullptr, &g) != OGRERR_NONE)
        return {};
    std::vector<unsigned char> out(std::size_t(OGR_G_WkbSizeEx(g)));
    OGR_G_ExportToIsoWkb(g, order, out.data());
    OGR_G_DestroyGeometry(g);
    return out;
}

} // namespace

class TestVectorLayer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        initializeGdal();
        QVERIFY(m_dir.isValid());
    }

    void gbkWithoutCpgDetected() {
        const QString path = m_dir.filePath("gbk_nocpg.shp");
        writeRawShapefile(path, toGbk(kSpeciesField), gbkSpecies());
        VectorLayer layer(path.toStdString());
        const LayerInfo& info = layer.info();
        QCOMPARE(info.encoding.encoding, std::string("GBK"));
        QCOMPARE(info.encoding.source, std::string("detected"));
        QCOMPARE(info.driver, std::string("ESRI Shapefile"));
        QCOMPARE(info.fields.size(), std::size_t(2));
        QCOMPARE(info.fields[0].name, kSpeciesField);
        QCOMPARE(info.fields[0].typeName, QStringLiteral("String"));
        QCOMPARE(info.fields[1].typeName, QStringLiteral("Real"));
        QCOMPARE(layer.fieldIndex(kSpeciesField), 0);
        QCOMPARE(layer.fieldIndex(QStringLiteral("nope")), -1);
        QCOMPARE(info.featureCount, std::int64_t(6));
        QCOMPARE(info.crs.authorityId(), std::string("EPSG:4547"));
        QCOMPARE(readColumn(layer, 0), expectedSpecies());
    }

    void gbkWithAnsiLdidDetected() {
        // LDID 0x57 ("ANSI"): GDAL assumes ISO-8859-1, but the bytes are GBK.
        const QString path = m_dir.filePath("gbk_ldid87.shp");
        writeRawShapefile(path, toGbk(kSpeciesField), gbkSpecies());
        setLdid(path, 0x57);
        VectorLayer layer(path.toStdString());
        QCOMPARE(layer.info().encoding.encoding, std::string("GBK"));
        QCOMPARE(layer.info().encoding.source, std::string("detected"));
        QCOMPARE(layer.info().fields[0].name, kSpeciesField);
        QCOMPARE(readColumn(layer, 0), expectedSpecies());
    }

    void latin1WithAnsiLdidKept() {
        const QString path = m_dir.filePath("latin1.shp");
        const QString name = QStringLiteral("São Miguel, Povoação");
        writeRawShapefile(path, "NAME", { name.toLatin1().toStdString() });
        setLdid(path, 0x57);
        VectorLayer layer(path.toStdString());
        QCOMPARE(layer.info().encoding.encoding, std::string("ISO-8859-1"));
        QCOMPARE(layer.info().encoding.source, std::string("ldid"));
        QCOMPARE(readColumn(layer, 0), QStringList{ name });
    }

    void gbkFromLdid() {
        const QString path = m_dir.filePath("gbk_ldid77.shp");
        writeRawShapefile(path, toGbk(kSpeciesField), gbkSpecies());
        setLdid(path, 0x4D); // CP936
        VectorLayer layer(path.toStdString());
        QCOMPARE(layer.info().encoding.encoding, std::string("GBK"));
        QCOMPARE(layer.info().encoding.source, std::string("ldid"));
        QCOMPARE(readColumn(layer, 0), expectedSpecies());
    }

    void gbkWithCpg_data() {
        QTest::addColumn<QByteArray>("cpg");
        QTest::newRow("GBK") << QByteArray("GBK");
        QTest::newRow("936") << QByteArray("936\n");
        QTest::newRow("CP936") << QByteArray("CP936");
    }
    void gbkWithCpg() {
        QFETCH(QByteArray, cpg);
        const QString path = m_dir.filePath(QStringLiteral("gbk_cpg_%1.shp").arg(QTest::currentDataTag()));
        writeRawShapefile(path, toGbk(kSpeciesField), gbkSpecies());
        writeCpg(path, cpg);
        VectorLayer layer(path.toStdString());
        QCOMPARE(layer.info().encoding.encoding, std::string("GBK"));
        QCOMPARE(layer.info().encoding.source, std::string("cpg"));
        QCOMPARE(layer.info().fields[0].name, kSpeciesField);
        QCOMPARE(readColumn(layer, 0), expectedSpecies());
    }

    void unusableCpg_data() {
        QTest::addColumn<QByteArray>("cpg");
        QTest::newRow("empty") << QByteArray(); // what GDAL itself writes for ENCODING=""
        QTest::newRow("garbage") << QByteArray("no-such-charset");
    }
    void unusableCpg() {
        // GDAL 3.6 passes raw bytes through for both; the LDID (CP936 here) is hidden by an empty .cpg.
        QFETCH(QByteArray, cpg);
        const QString path = m_dir.filePath(QStringLiteral("gbk_badcpg_%1.shp").arg(QTest::currentDataTag()));
        writeRawShapefile(path, toGbk(kSpeciesField), gbkSpecies());
        setLdid(path, 0x4D);
        writeCpg(path, cpg);
        VectorLayer layer(path.toStdString());
        QCOMPARE(layer.info().encoding.encoding, std::string("GBK"));
        QCOMPARE(layer.info().encoding.source, std::string("detected"));
        QCOMPARE(layer.info().fields[0].name, kSpeciesField);
        QCOMPARE(readColumn(layer, 0), expectedSpecies());
    }

    void encodingOverride() {
        const QString path = m_dir.filePath("gbk_override.shp");
        writeRawShapefile(path, toGbk(kSpeciesField), gbkSpecies());
        writeCpg(path, "UTF-8"); // wrong on purpose: the override wins
        VectorOpenOptions options;
        options.encodingOverride = "GBK";
        VectorLayer layer(path.toStdString(), options);
        QCOMPARE(layer.info().encoding.encoding, std::string("GBK"));
        QCOMPARE(layer.info().encoding.source, std::string("override"));
        QCOMPARE(layer.info().fields[0].name, kSpeciesField);
        QCOMPARE(readColumn(layer, 0), expectedSpecies());
    }

    void utf8WithoutCpg() {
        const QString path = m_dir.filePath("utf8_nocpg.shp");
        std::vector<std::string> values;
        for (int i = 0; i < 6; ++i)
            values.push_back(kSpecies[i % 3].toStdString());
        writeRawShapefile(path, kSpeciesField.toStdString().substr(0, 9), values); // 3 chars = 9 bytes
        VectorLayer layer(path.toStdString());
        QCOMPARE(layer.info().encoding.encoding, std::string("UTF-8"));
        QCOMPARE(layer.info().encoding.source, std::string("detected"));
        QCOMPARE(layer.info().fields[0].name, QStringLiteral("优势树"));
        QCOMPARE(readColumn(layer, 0), expectedSpecies());
    }

    void utf8CutFieldNameWithoutCpg() {
        // The DBF keeps 10 bytes of a field name: "优势树种" (12 bytes) keeps "优势树" and one byte of
        // "种". The file is still UTF-8 (not Latin-1 or GBK); the broken tail is dropped.
        const QString path = m_dir.filePath("utf8_cut.shp");
        std::vector<std::string> values;
        for (int i = 0; i < 6; ++i)
            values.push_back(kSpecies[i % 3].toStdString());
        const std::string cut = QStringLiteral("优势树种").toStdString().substr(0, 10);
        writeRawShapefile(path, cut, values);
        VectorLayer layer(path.toStdString());
        QCOMPARE(layer.info().encoding.encoding, std::string("UTF-8"));
        QCOMPARE(layer.info().encoding.source, std::string("detected"));
        QCOMPARE(layer.info().fields[0].name, QStringLiteral("优势树"));
        QCOMPARE(layer.fieldIndex(QStringLiteral("优势树")), 0);
        QCOMPARE(readColumn(layer, 0), expectedSpecies());
    }

    void undefinedCrsIsNone() {
        // A .prj that is not a CRS, and a local (engineering) one: no CRS, with the reason.
        const QString garbage = m_dir.filePath("prj_garbage.shp");
        writeRawShapefile(garbage, "NAME", { "a" });
        QFile prj(QString(garbage).replace(QStringLiteral(".shp"), QStringLiteral(".prj")));
        QVERIFY(prj.open(QIODevice::WriteOnly | QIODevice::Truncate));
        prj.write("not a projection");
        prj.close();
        VectorLayer g(garbage.toStdString());
        QVERIFY(!g.info().crs.isValid());
        QVERIFY2(g.info().crsProblem.find("cannot be read as a CRS") != std::string::npos,
                 g.info().crsProblem.c_str());
        QVERIFY(prj.open(QIODevice::WriteOnly | QIODevice::Truncate));
        prj.write(R"(LOCAL_CS["site grid",UNIT["metre",1]])");
        prj.close();
        VectorLayer local(garbage.toStdString());
        QVERIFY(!local.info().crs.isValid());
        QVERIFY2(local.info().crsProblem.find("local (engineering)") != std::string::npos,
                 local.info().crsProblem.c_str());
        VectorOpenOptions opt;
        opt.assignCrs = Crs::fromEpsg(4547);
        QCOMPARE(VectorLayer(garbage.toStdString(), opt).info().crs.authorityId(), std::string("EPSG:4547"));
        // A geographic .prj on coordinates in metres: the assigned CRS replaces it.
        QVERIFY(prj.open(QIODevice::WriteOnly | QIODevice::Truncate));
        prj.write(R"(GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],)"
                  R"(PRIMEM["Greenwich",0],UNIT["Degree",0.0174532925199433]])");
        prj.close();
        QCOMPARE(VectorLayer(garbage.toStdString()).info().crs.isGeographic(), true);
        QVERIFY(!VectorLayer(garbage.toStdString()).info().crsProblem.empty());
        QCOMPARE(VectorLayer(garbage.toStdString(), opt).info().crs.authorityId(), std::string("EPSG:4547"));
    }

    void asciiShapefileFromSharedData() {
        TANHUI_REQUIRE_SHARED(path, QStringLiteral("willamette/harv_samp_cur.shp"));
        VectorLayer layer(path.toStdString());
        const LayerInfo& info = layer.info();
        QCOMPARE(info.featureCount, std::int64_t(85));
        QCOMPARE(info.crs.authorityId(), std::string("EPSG:26910"));
        QVERIFY(!info.extent.isEmpty());
        Feature f;
        int n = 0;
        while (layer.next(f)) {
            MultiPolygon mp;
            std::string why;
            QVERIFY2(polygonFromWkb(f.wkb.data(), f.wkb.size(), mp, &why), why.c_str());
            QVERIFY(mp.planarArea() > 0);
            ++n;
        }
        QCOMPARE(n, 85);
    }

    void geopackageAndTypes() {
        const QString path = m_dir.filePath("data.gpkg");
        {
            GDALDatasetH ds = GDALCreate(
              GDALGetDriverByName("GPKG"), path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
            QVERIFY(ds);
            OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
            OSRImportFromEPSG(srs, 4326);
            OGRLayerH a = GDALDatasetCreateLayer(ds, "小班", srs, wkbMultiPolygon, nullptr);
            OGRLayerH b = GDALDatasetCreateLayer(ds, "curves", srs, wkbCurvePolygonZ, nullptr);
            GDALDatasetCreateLayer(ds, "empty", srs, wkbPolygon, nullptr);
            OSRRelease(srs);
            const struct {
                const char* name;
                OGRFieldType type;
            } fields[] = { { "名称", OFTString }, { "big", OFTInteger64 }, { "small", OFTInteger },
                           { "x", OFTReal },      { "d", OFTDate },        { "dt", OFTDateTime } };
            for (const auto& fdef : fields) {
                OGRFieldDefnH fd = OGR_Fld_Create(fdef.name, fdef.type);
                QCOMPARE(OGR_L_CreateField(a, fd, TRUE), OGRERR_NONE);
                OGR_Fld_Destroy(fd);
            }
            OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(a));
            OGR_F_SetFieldString(f, 0, "杉木林");
            OGR_F_SetFieldInteger64(f, 1, 9000000000LL);
            OGR_F_SetFieldInteger(f, 2, -7);
            OGR_F_SetFieldDouble(f, 3, 2.25);
            OGR_F_SetFieldDateTime(f, 4, 2021, 3, 14, 0, 0, 0, 0);
            OGR_F_SetFieldDateTimeEx(f, 5, 2021, 3, 14, 15, 9, 26.5f, 100);
            OGRGeometryH g = nullptr;
            char* wkt = const_cast<char*>("MULTIPOLYGON (((114 23,115 23,115 24,114 24,114 23)))");
            OGR_G_CreateFromWkt(&wkt, nullptr, &g);
            OGR_F_SetGeometryDirectly(f, g);
            QCOMPARE(OGR_L_CreateFeature(a, f), OGRERR_NONE);
            OGR_F_Destroy(f);
            f = OGR_F_Create(OGR_L_GetLayerDefn(a)); // all null, no geometry
            OGR_F_SetFieldNull(f, 0);
            QCOMPARE(OGR_L_CreateFeature(a, f), OGRERR_NONE);
            OGR_F_Destroy(f);

            f = OGR_F_Create(OGR_L_GetLayerDefn(b));
            wkt = const_cast<char*>("CURVEPOLYGON Z (CIRCULARSTRING Z (0 0 5,1 1 5,2 0 5,1 -1 5,0 0 5))");
            QCOMPARE(OGR_G_CreateFromWkt(&wkt, nullptr, &g), OGRERR_NONE);
            OGR_F_SetGeometryDirectly(f, g);
            QCOMPARE(OGR_L_CreateFeature(b, f), OGRERR_NONE);
            OGR_F_Destroy(f);
            GDALClose(ds);
        }

        VectorOpenOptions opt;
        opt.layerName = QStringLiteral("小班");
        VectorLayer layer(path.toStdString(), opt);
        const LayerInfo& info = layer.info();
        QCOMPARE(info.driver, std::string("GPKG"));
        QCOMPARE(info.encoding.source, std::string("format"));
        QCOMPARE(info.encoding.encoding, std::string("UTF-8"));
        QCOMPARE(info.layerName, QStringLiteral("小班"));
        QCOMPARE(info.allLayerNames,
                 (QStringList{ QStringLiteral("小班"), QStringLiteral("curves"), QStringLiteral("empty") }));
        QCOMPARE(info.geometryType, std::string("Multi Polygon"));
        QCOMPARE(info.featureCount, std::int64_t(2));
        QVERIFY(info.crs.isGeographic());
        QCOMPARE(info.extent.xmin, 114.0);
        QCOMPARE(info.extent.ymax, 24.0);
        QCOMPARE(info.fields[0].name, QStringLiteral("名称"));
        QCOMPARE(info.fields[1].typeName, QStringLiteral("Integer64"));
        QCOMPARE(info.fields[4].typeName, QStringLiteral("Date"));

        Feature f;
        QVERIFY(layer.next(f));
        QVERIFY(f.fid >= 1);
        QCOMPARE(f.attributes.size(), std::size_t(6));
        QCOMPARE(f.attributes[0], QVariant(QStringLiteral("杉木林")));
        QCOMPARE(f.attributes[1].toLongLong(), 9000000000LL);
        QCOMPARE(f.attributes[1].typeId(), QMetaType::LongLong);
        QCOMPARE(f.attributes[2].toLongLong(), -7LL);
        QCOMPARE(f.attributes[3].toDouble(), 2.25);
        QCOMPARE(f.attributes[4], QVariant(QDate(2021, 3, 14)));
        const QDateTime dt = f.attributes[5].toDateTime();
        QCOMPARE(dt.toUTC(), QDateTime(QDate(2021, 3, 14), QTime(15, 9, 26, 500), QTimeZone::utc()));
        MultiPolygon mp;
        QVERIFY(polygonFromWkb(f.wkb.data(), f.wkb.size(), mp));
        QCOMPARE(mp.planarArea(), 1.0);
        QVERIFY(layer.next(f));
        QVERIFY(f.wkb.empty());
        for (const QVariant& v : f.attributes)
            QVERIFY(v.isNull());
        QVERIFY(!layer.next(f));
        layer.resetReading();
        QVERIFY(layer.next(f));

        // Curves are linearised and Z dropped.
        opt.layerName = QStringLiteral("curves");
        VectorLayer curves(path.toStdString(), opt);
        QVERIFY(curves.next(f));
        QCOMPARE(f.wkb[0], (unsigned char)1); // little endian
        QCOMPARE(int(f.wkb[1]), 3);           // ISO Polygon, 2D
        QCOMPARE(int(f.wkb[2]) | int(f.wkb[3]) | int(f.wkb[4]), 0);
        QVERIFY(polygonFromWkb(f.wkb.data(), f.wkb.size(), mp));
        QVERIFY(mp.parts[0].rings[0].size() > 20);
        QVERIFY(std::abs(mp.planarArea() - 3.14159265) < 0.01);

        // Empty layer.
        opt.layerName = QStringLiteral("empty");
        VectorLayer empty(path.toStdString(), opt);
        QCOMPARE(empty.info().featureCount, std::int64_t(0));
        QVERIFY(!empty.next(f));

        // Missing layer lists the available ones.
        opt.layerName = QStringLiteral("nope");
        const GisError e = expectError([&] { VectorLayer l(path.toStdString(), opt); });
        QCOMPARE(e.kind(), GisError::Kind::Open);
        const QString msg = QString::fromUtf8(e.what());
        QVERIFY2(msg.contains(QStringLiteral("nope")) && msg.contains(QStringLiteral("小班")) &&
                   msg.contains(QStringLiteral("curves")) && msg.contains(QStringLiteral("empty")),
                 e.what());
    }

    void geojsonWithoutCrsAndAssign() {
        const QString path = m_dir.filePath("plain.geojson");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"name":"桉树","n":3},
                 "geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],
                                                             [[1,1],[1,2],[2,2],[2,1],[1,1]]]}}]})");
        }
        // GeoJSON always has a CRS (WGS 84 by the RFC); use a CSV-less case via a shapefile for "none".
        VectorLayer gj(path.toStdString());
        QCOMPARE(gj.info().driver, std::string("GeoJSON"));
        QCOMPARE(gj.info().encoding.source, std::string("format"));
        Feature f;
        QVERIFY(gj.next(f));
        QCOMPARE(f.attributes[0].toString(), QStringLiteral("桉树"));
        MultiPolygon mp;
        QVERIFY(polygonFromWkb(f.wkb.data(), f.wkb.size(), mp));
        QCOMPARE(mp.planarArea(), 15.0);

        const QString shp = m_dir.filePath("nocrs.shp");
        writeRawShapefile(shp, "NAME", { "a", "b" }, 0);
        VectorLayer none(shp.toStdString());
        QVERIFY(!none.info().crs.isValid());
        VectorOpenOptions opt;
        opt.assignCrs = Crs::fromEpsg(4547);
        VectorLayer assigned(shp.toStdString(), opt);
        QCOMPARE(assigned.info().crs.authorityId(), std::string("EPSG:4547"));
        // A file with its own CRS keeps it.
        opt.assignCrs = Crs::fromEpsg(32650);
        VectorLayer own(m_dir.filePath("gbk_nocpg.shp").toStdString(), opt);
        QCOMPARE(own.info().crs.authorityId(), std::string("EPSG:4547"));
    }

    void missingFile() {
        const std::string path = m_dir.filePath("missing.shp").toStdString();
        const GisError e = expectError([&] { VectorLayer l(path); });
        QCOMPARE(e.kind(), GisError::Kind::Open);
        QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
    }

    void wkbPolygonWithHole() {
        const auto wkb = wkbFromWkt("POLYGON ((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,4 2,2 2))");
        MultiPolygon mp;
        QVERIFY(polygonFromWkb(wkb.data(), wkb.size(), mp));
        QCOMPARE(mp.parts.size(), std::size_t(1));
        QCOMPARE(mp.parts[0].rings.size(), std::size_t(2));
        QCOMPARE(mp.parts[0].rings[1].size(), std::size_t(5));
        QCOMPARE(mp.planarArea(), 96.0);
    }

    void wkbMultiPolygonBigEndian() {
        const char* wkt = "MULTIPOLYGON (((0 0,1 0,1 1,0 0)),((5 5,7 5,7 7,5 7,5 5)))";
        for (OGRwkbByteOrder order : { wkbNDR, wkbXDR }) {
            const auto wkb = wkbFromWkt(wkt, order);
            QCOMPARE(wkb[0], (unsigned char)(order == wkbNDR ? 1 : 0));
            MultiPolygon mp;
            QVERIFY(polygonFromWkb(wkb.data(), wkb.size(), mp));
            QCOMPARE(mp.parts.size(), std::size_t(2));
            QCOMPARE(mp.planarArea(), 4.5);
            QCOMPARE(mp.parts[1].rings[0].x(1), 7.0);
        }
        // Hand-built big-endian polygon: one triangle.
        std::vector<unsigned char> be{ 0, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 4 };
        const auto put = [&](double d) {
            unsigned char b[8];
            std::memcpy(b, &d, 8);
            for (int i = 7; i >= 0; --i)
                be.push_back(b[i]);
        };
        for (double d : { 0.0, 0.0, 2.0, 0.0, 0.0, 2.0, 0.0, 0.0 })
            put(d);
        MultiPolygon mp;
        QVERIFY(polygonFromWkb(be.data(), be.size(), mp));
        QCOMPARE(mp.planarArea(), 2.0);
    }

    void wkbZAndM() {
        MultiPolygon mp;
        for (const char* wkt : { "POLYGON Z ((0 0 1,3 0 2,3 3 3,0 0 1))",
                                 "POLYGON M ((0 0 1,3 0 2,3 3 3,0 0 1))",
                                 "MULTIPOLYGON ZM (((0 0 1 9,3 0 2 9,3 3 3 9,0 0 1 9)))" }) {
            const auto wkb = wkbFromWkt(wkt, wkbXDR);
            QVERIFY2(polygonFromWkb(wkb.data(), wkb.size(), mp), wkt);
            QCOMPARE(mp.planarArea(), 4.5);
            QCOMPARE(mp.parts[0].rings[0].xy, (std::vector<double>{ 0, 0, 3, 0, 3, 3, 0, 0 }));
        }
        // EWKB (PostGIS) Z flag with SRID.
        std::vector<unsigned char> ewkb{ 1, 3, 0, 0, 0xA0, 0xE6, 0x10, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0 };
        for (double d : { 0.0, 0.0, 7.0, 2.0, 0.0, 7.0, 0.0, 2.0, 7.0, 0.0, 0.0, 7.0 }) {
            unsigned char b[8];
            std::memcpy(b, &d, 8);
            ewkb.insert(ewkb.end(), b, b + 8);
        }
        QVERIFY(polygonFromWkb(ewkb.data(), ewkb.size(), mp));
        QCOMPARE(mp.planarArea(), 2.0);
    }

    void wkbCollectionAndRejects() {
        MultiPolygon mp;
        std::string why;
        auto wkb = wkbFromWkt("GEOMETRYCOLLECTION (POINT (1 1),POLYGON ((0 0,1 0,1 1,0 0)),"
                              "LINESTRING (0 0,5 5),MULTIPOLYGON (((5 5,6 5,6 6,5 5))))");
        QVERIFY(polygonFromWkb(wkb.data(), wkb.size(), mp, &why));
        QCOMPARE(mp.parts.size(), std::size_t(2));
        QCOMPARE(mp.planarArea(), 1.0);

        wkb = wkbFromWkt("LINESTRING (0 0,1 1)");
        QVERIFY(!polygonFromWkb(wkb.data(), wkb.size(), mp, &why));
        QCOMPARE(why, std::string("LineString"));
        QVERIFY(mp.isEmpty());
        wkb = wkbFromWkt("POINT Z (1 2 3)");
        QVERIFY(!polygonFromWkb(wkb.data(), wkb.size(), mp, &why));
        QCOMPARE(why, std::string("Point"));
        wkb = wkbFromWkt("GEOMETRYCOLLECTION (POINT (1 1))");
        QVERIFY(!polygonFromWkb(wkb.data(), wkb.size(), mp, &why));

        // Malformed: truncated, bad byte order, absurd counts.
        wkb = wkbFromWkt("POLYGON ((0 0,10 0,10 10,0 10,0 0))");
        for (std::size_t cut = 0; cut < wkb.size(); ++cut)
            QVERIFY(!polygonFromWkb(wkb.data(), cut, mp, &why));
        QVERIFY2(why.find("malformed") != std::string::npos, why.c_str());
        auto bad = wkb;
        bad[0] = 7;
        QVERIFY(!polygonFromWkb(bad.data(), bad.size(), mp, &why));
        bad = wkb;
        bad[5] = bad[6] = bad[7] = bad[8] = 0xFF; // ring count
        QVERIFY(!polygonFromWkb(bad.data(), bad.size(), mp, &why));
        QVERIFY(!polygonFromWkb(nullptr, 0, mp, &why));

        // Empty polygon is a polygon without parts.
        wkb = wkbFromWkt("POLYGON EMPTY");
        QVERIFY(polygonFromWkb(wkb.data(), wkb.size(), mp, &why));
        QVERIFY(mp.isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestVectorLayer)
#include "tst_vectorlayer.moc"
