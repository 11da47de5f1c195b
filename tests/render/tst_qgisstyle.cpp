// SPDX-License-Identifier: GPL-3.0-or-later
// QGIS styles in a GeoPackage (issue 14, "Data export"): render/QgisStyle (QML, SLD from a graduated
// VectorStyle) and gis::writeLayerStyles (the layer_styles table). QGIS's Python API (python3-qgis)
// opens the GeoPackage and must apply the default style: a graduated renderer with our classes.
#include "PythonRun.h"
#include "TestUtil.h"
#include "gis/Crs.h"
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/LayerStyles.h"
#include "gis/TableWriter.h"
#include "render/QgisStyle.h"

#include <gdal.h>
#include <ogr_api.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <cmath>
#include <cstring>

using namespace tanhui;
using tanhui::test::pythonHas;
using tanhui::test::runPython;
using tanhui::test::sourceFile;

namespace {

constexpr int kParcels = 40;

double density(int i) {
    return i % 10 == 9 ? 150.0 + i : 10.0 + (i * 37 % 23) * 3.5; // a few dense parcels
}

void appendU32(std::vector<unsigned char>& b, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        b.push_back((v >> (8 * i)) & 0xff);
}

void appendDouble(std::vector<unsigned char>& b, double v) {
    std::uint64_t u;
    std::memcpy(&u, &v, 8);
    for (int i = 0; i < 8; ++i)
        b.push_back((u >> (8 * i)) & 0xff);
}

/// A GeoPackage `parcels` with kParcels squares of 100 m and c_density_t_ha.
QString writeParcels(const QDir& dir) {
    const QString path = dir.filePath(QStringLiteral("parcels.gpkg"));
    gis::writeTable(
      path.toStdString(),
      { { "parcel_id", gis::TableColumn::Type::Integer },
        { "c_density_t_ha", gis::TableColumn::Type::Real } },
      kParcels,
      [](std::size_t row, std::vector<QVariant>& values, std::vector<unsigned char>& wkb) {
          values[0] = qlonglong(row + 1);
          values[1] = density(int(row));
          const double x = 500000 + double(row % 8) * 100, y = 3000000 + double(row / 8) * 100;
          wkb = { 1 };
          appendU32(wkb, 3);
          appendU32(wkb, 1);
          appendU32(wkb, 5);
          const double xs[] = { x, x + 100, x + 100, x, x }, ys[] = { y, y, y + 100, y + 100, y };
          for (int i = 0; i < 5; ++i) {
              appendDouble(wkb, xs[i]);
              appendDouble(wkb, ys[i]);
          }
      },
      true,
      gis::Crs::fromEpsg(4547));
    return path;
}

std::vector<double> densities() {
    std::vector<double> v;
    for (int i = 0; i < kParcels; ++i)
        v.push_back(density(i));
    return v;
}

struct StyleRow {
    QString table, geometry, name;
    int isDefault = 0;
};

std::vector<StyleRow> styleRows(const QString& path) {
    std::vector<StyleRow> rows;
    GDALDatasetH ds = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    if (!ds)
        return rows;
    if (OGRLayerH l = GDALDatasetGetLayerByName(ds, "layer_styles")) {
        OGR_L_ResetReading(l);
        while (OGRFeatureH f = OGR_L_GetNextFeature(l)) {
            rows.push_back(
              { QString::fromUtf8(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "f_table_name"))),
                QString::fromUtf8(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "f_geometry_column"))),
                QString::fromUtf8(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "styleName"))),
                OGR_F_GetFieldAsInteger(f, OGR_F_GetFieldIndex(f, "useAsDefault")) });
            OGR_F_Destroy(f);
        }
    }
    GDALClose(ds);
    return rows;
}

bool wellFormed(const QString& xml) {
    QXmlStreamReader r(xml);
    while (!r.atEnd())
        r.readNext();
    return !r.hasError();
}

} // namespace

class TestQgisStyle : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { gis::initializeGdal(); }

    void qmlAndSldDescribeTheClasses() {
        const render::VectorStyle style =
          render::resultLayerStyle(QStringLiteral("c_density_t_ha"), densities(), false);
        QCOMPARE(style.ranges.size(), std::size_t(5));
        const QString qml = render::qgisQml(style);
        const QString sld = render::qgisSld(style, QStringLiteral("parcels"));
        QVERIFY(wellFormed(qml));
        QVERIFY(wellFormed(sld));
        QVERIFY(qml.contains(QStringLiteral("type=\"graduatedSymbol\"")));
        QVERIFY(qml.contains(QStringLiteral("attr=\"c_density_t_ha\"")));
        QCOMPARE(qml.count(QStringLiteral("<range ")), 5);
        QCOMPARE(sld.count(QStringLiteral("<se:Rule>")), 5);
        QCOMPARE(sld.count(QStringLiteral("PropertyIsGreaterThanOrEqualTo")),
                 2); // first class: start, end tag
        // A change style is centred on zero: negative classes red-ish, positive green-ish.
        std::vector<double> changes;
        for (int i = 0; i < kParcels; ++i)
            changes.push_back(density(i) - 60.0);
        const render::VectorStyle ch =
          render::resultLayerStyle(QStringLiteral("c_change_t_ha"), changes, true);
        QVERIFY(ch.ranges.front().symbol.fill.red() > ch.ranges.front().symbol.fill.green());
        QVERIFY(ch.ranges.back().symbol.fill.green() > ch.ranges.back().symbol.fill.red());
    }

    void layerStylesTable() {
        QTemporaryDir dir;
        const QString path = writeParcels(QDir(dir.path()));
        const render::VectorStyle style =
          render::resultLayerStyle(QStringLiteral("c_density_t_ha"), densities(), false);
        gis::LayerStyle other{ "parcels", "single", render::qgisQml(render::VectorStyle{}).toStdString(),
                               "",        "",       true };
        gis::writeLayerStyles(path.toStdString(), { other });
        render::writeQgisDefaultStyle(path.toStdString(),
                                      QStringLiteral("parcels"),
                                      style,
                                      QStringLiteral("carbon density"),
                                      QStringLiteral("Carbon density (t C/ha), natural breaks"));
        // Written again: replaced, not duplicated.
        render::writeQgisDefaultStyle(path.toStdString(),
                                      QStringLiteral("parcels"),
                                      style,
                                      QStringLiteral("carbon density"),
                                      QStringLiteral("Carbon density (t C/ha), natural breaks"));
        const std::vector<StyleRow> rows = styleRows(path);
        QCOMPARE(rows.size(), std::size_t(2));
        int defaults = 0;
        for (const StyleRow& r : rows) {
            QCOMPARE(r.table, QStringLiteral("parcels"));
            QCOMPARE(r.geometry, QStringLiteral("geom"));
            if (r.isDefault) {
                ++defaults;
                QCOMPARE(r.name, QStringLiteral("carbon density"));
            }
        }
        QCOMPARE(defaults, 1);

        // Errors: a layer that does not exist (named; nothing written), a file that is not a GeoPackage.
        const gis::GisError e = tanhui::test::expectError([&] {
            gis::writeLayerStyles(path.toStdString(), { { "nope", "x", "<qgis/>", "", "", true } });
        });
        QCOMPARE(e.kind(), gis::GisError::Kind::InvalidArgument);
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("\"nope\"")), e.what());
        QCOMPARE(styleRows(path).size(), std::size_t(2));
        const QString missing = dir.filePath(QStringLiteral("missing.gpkg"));
        const gis::GisError o =
          tanhui::test::expectError([&] { gis::writeLayerStyles(missing.toStdString(), { other }); });
        QCOMPARE(o.kind(), gis::GisError::Kind::Open);
        QVERIFY(QString::fromUtf8(o.what()).contains(missing));
    }

    void qgisAppliesTheDefaultStyle() {
        if (!pythonHas(QStringLiteral("qgis.core")))
            QSKIP("python3 cannot import qgis.core (python3-qgis is not installed); QGIS check skipped");
        QTemporaryDir dir;
        const QString path = writeParcels(QDir(dir.path()));
        const QString script = sourceFile(QStringLiteral("tests/render/qgis_style_check.py"));
        // Without a style QGIS draws a single symbol: the check below can fail.
        const auto before = runPython({ script, path, QStringLiteral("parcels") });
        QVERIFY2(before.exitCode == 0, qPrintable(before.err));
        const QJsonObject b = QJsonDocument::fromJson(before.out.toUtf8()).object();
        QCOMPARE(b.value(QStringLiteral("valid")).toBool(), true);
        QCOMPARE(b.value(QStringLiteral("renderer")).toString(), QStringLiteral("singleSymbol"));

        const render::VectorStyle style =
          render::resultLayerStyle(QStringLiteral("c_density_t_ha"), densities(), false);
        render::writeQgisDefaultStyle(path.toStdString(),
                                      QStringLiteral("parcels"),
                                      style,
                                      QStringLiteral("carbon density"),
                                      QStringLiteral("Carbon density (t C/ha)"));
        const auto after = runPython({ script, path, QStringLiteral("parcels") });
        qInfo("%s", qPrintable(after.out.trimmed()));
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        const QJsonObject a = QJsonDocument::fromJson(after.out.toUtf8()).object();
        QCOMPARE(a.value(QStringLiteral("features")).toInt(), kParcels);
        QCOMPARE(a.value(QStringLiteral("renderer")).toString(), QStringLiteral("graduatedSymbol"));
        QCOMPARE(a.value(QStringLiteral("attribute")).toString(), QStringLiteral("c_density_t_ha"));
        const QJsonArray ranges = a.value(QStringLiteral("ranges")).toArray();
        QCOMPARE(std::size_t(ranges.size()), style.ranges.size());
        for (qsizetype i = 0; i < ranges.size(); ++i) {
            const QJsonObject r = ranges[i].toObject();
            const render::VectorRange& want = style.ranges[std::size_t(i)];
            QCOMPARE(r.value(QStringLiteral("lower")).toDouble(), want.lower);
            QCOMPARE(r.value(QStringLiteral("upper")).toDouble(), want.upper);
            QCOMPARE(r.value(QStringLiteral("label")).toString(), want.label);
            QCOMPARE(r.value(QStringLiteral("color")).toString(), want.symbol.fill.name());
        }
        QVERIFY(
          a.value(QStringLiteral("styles_in_database")).toArray().contains(QStringLiteral("carbon density")));
    }
};

QTEST_GUILESS_MAIN(TestQgisStyle)
#include "tst_qgisstyle.moc"
