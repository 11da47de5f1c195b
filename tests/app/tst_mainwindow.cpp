// SPDX-License-Identifier: GPL-3.0-or-later
// GUI smoke test: the MainWindow loads a GeoTIFF and a GeoJSON written by the test, lists them and
// shows their metadata and attributes (Chinese text intact); failures are reported, never fatal; a
// project file adds its layers and lists every problem in one report.

#include "app/gui/FeatureTableModel.h"
#include "app/gui/MainWindow.h"
#include "app/gui/MetadataPanel.h"

#include <gdal.h>
#include <ogr_srs_api.h>

#include "app/gui/LayerTree.h"
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using tanhui::gui::MainWindow;

namespace {

/// Writes a 10 × 8 single-band Float32 GeoTIFF with 30 m cells (nodata -9999) in EPSG:32650 when
/// `epsg` is non-zero, without a CRS otherwise.
bool writeGeoTiff(const QString& path, int epsg) {
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName("GTiff");
    if (!driver)
        return false;
    GDALDatasetH ds = GDALCreate(driver, path.toUtf8().constData(), 10, 8, 1, GDT_Float32, nullptr);
    if (!ds)
        return false;
    double gt[6] = { 500000.0, 30.0, 0.0, 4000000.0, 0.0, -30.0 };
    GDALSetGeoTransform(ds, gt);
    if (epsg != 0) {
        OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, epsg);
        GDALSetSpatialRef(ds, srs);
        OSRDestroySpatialReference(srs);
    }
    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    GDALSetRasterNoDataValue(band, -9999.0);
    GDALSetDescription(band, "carbon density");
    std::vector<float> values(80);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = float(i);
    const CPLErr err = GDALRasterIO(band, GF_Write, 0, 0, 10, 8, values.data(), 10, 8, GDT_Float32, 0, 0);
    GDALClose(ds);
    return err == CE_None;
}

bool writeGeoJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const char* json = R"({
  "type": "FeatureCollection",
  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
  "features": [
    {"type": "Feature", "properties": {"名称": "白云山林场", "面积": 12.5, "code": 1},
     "geometry": {"type": "Polygon", "coordinates": [[[113.0, 23.0], [113.1, 23.0], [113.1, 23.1], [113.0, 23.0]]]}},
    {"type": "Feature", "properties": {"名称": "鼎湖山保护区", "面积": 8.25, "code": 2},
     "geometry": {"type": "Polygon", "coordinates": [[[112.5, 23.1], [112.6, 23.1], [112.6, 23.2], [112.5, 23.1]]]}}
  ]
})";
    return file.write(json) > 0;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_tif = m_dir.filePath(QStringLiteral("carbon.tif"));
        m_tifNoCrs = m_dir.filePath(QStringLiteral("nocrs.tif"));
        m_json = m_dir.filePath(QStringLiteral("林场.geojson"));
        QVERIFY(writeGeoTiff(m_tif, 32650));
        QVERIFY(writeGeoTiff(m_tifNoCrs, 0));
        QVERIFY(writeGeoJson(m_json));
    }

    void constructs() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Tanhui 碳汇"));
        auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
        QVERIFY(list);
        QCOMPARE(list->count(), 0);
        auto* gdal = window.findChild<QLabel*>(QStringLiteral("gdalVersionLabel"));
        QVERIFY(gdal);
        QVERIFY(gdal->text().startsWith(QLatin1String("GDAL 3.")));
    }

    void loadsRasterAndVector() {
        MainWindow window;
        QStringList errors;
        window.setErrorSink([&errors](const QString& headline, const QString& detail) {
            errors << headline + QStringLiteral(": ") + detail;
        });
        window.show();

        QVERIFY(window.openFile(m_tif));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        const QString raster = window.metadataPanel()->metadataText();
        for (const char* expected : { "carbon.tif",
                                      "GTiff",
                                      "10 × 8",
                                      "30 × 30 m",
                                      "EPSG:32650",
                                      "Float32",
                                      "-9999",
                                      "carbon density",
                                      "500000.00",
                                      "4000000.00" })
            QVERIFY2(
              raster.contains(QString::fromUtf8(expected)),
              qPrintable(QStringLiteral("'%1' missing from:\n%2").arg(QString::fromUtf8(expected), raster)));
        QVERIFY(!raster.contains(QLatin1String("No CRS")));

        QVERIFY(window.openFile(m_json));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
        QVERIFY(list);
        QCOMPARE(list->count(), 2);
        QCOMPARE(window.layerCount(), 2);
        // New layers go on top of the list (drawn last), as in QGIS.
        QCOMPARE(list->item(0)->text(), QStringLiteral("林场.geojson"));
        QCOMPARE(list->item(1)->text(), QStringLiteral("carbon.tif"));
        QCOMPARE(list->currentRow(), 0);

        const QString vector = window.metadataPanel()->metadataText();
        for (const char* expected : { "Vector layer",
                                      "GeoJSON",
                                      "Polygon",
                                      "Feature count",
                                      "2",
                                      "WGS 84",
                                      "UTF-8",
                                      "名称",
                                      "面积",
                                      "Fields (3)" })
            QVERIFY2(
              vector.contains(QString::fromUtf8(expected)),
              qPrintable(QStringLiteral("'%1' missing from:\n%2").arg(QString::fromUtf8(expected), vector)));

        tanhui::gui::FeatureTableModel* model = window.metadataPanel()->featureModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->columnCount(), 4); // FID + 3 fields
        QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("名称"));
        QCOMPARE(model->index(0, 1).data().toString(), QStringLiteral("白云山林场"));
        QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("鼎湖山保护区"));
        QCOMPARE(model->index(1, 2).data().toDouble(), 8.25);

        // Selecting the raster again shows its metadata and hides the feature table.
        list->setCurrentRow(1);
        QVERIFY(window.metadataPanel()->metadataText().contains(QLatin1String("GTiff")));
        QCOMPARE(model->rowCount(), 0);
    }

    void missingCrsIsFlagged() {
        MainWindow window;
        QStringList errors;
        window.setErrorSink([&errors](const QString& h, const QString&) { errors << h; });
        QVERIFY(window.addRaster(m_tifNoCrs));
        QVERIFY(errors.isEmpty());
        QVERIFY(window.metadataPanel()->metadataText().contains(QLatin1String("No CRS")));
    }

    void missingFileReportsError() {
        MainWindow window;
        QStringList headlines;
        QStringList details;
        window.setErrorSink([&](const QString& headline, const QString& detail) {
            headlines << headline;
            details << detail;
        });
        const QString missing = m_dir.filePath(QStringLiteral("does-not-exist.tif"));
        QVERIFY(!window.openFile(missing));
        QCOMPARE(headlines.size(), 1);
        QCOMPARE(headlines.first(), QStringLiteral("Cannot open the file"));
        QVERIFY2(details.first().contains(QLatin1String("does-not-exist.tif")), qPrintable(details.first()));
        QCOMPARE(window.layerCount(), 0);

        QVERIFY(!window.addVector(missing));
        QCOMPARE(headlines.size(), 2);

        // A file that is neither raster nor vector.
        const QString junk = m_dir.filePath(QStringLiteral("junk.bin"));
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not geodata");
        file.close();
        QVERIFY(!window.openFile(junk));
        QCOMPARE(headlines.size(), 3);
        QCOMPARE(window.layerCount(), 0);
    }

    void opensProjectFiles() {
        // A project file: its readable layers are added, every problem is listed in one report.
        const QString project = m_dir.filePath(QStringLiteral("project.tanhui.json"));
        QFile f(project);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "tanhui-project", "version": 1, "name": "t", "layers": [
            {"id": "carbon", "kind": "raster", "path": "carbon.tif"},
            {"id": "forest", "kind": "vector", "path": "林场.geojson"},
            {"id": "gone", "kind": "raster", "path": "gone.tif"},
            {"id": "swapped", "kind": "vector", "path": "nocrs.tif"}]})");
        f.close();
        MainWindow window;
        QStringList reports;
        window.setErrorSink([&reports](const QString& h, const QString& d) { reports << h + '\n' + d; });
        QVERIFY(!window.openFile(project));
        QCOMPARE(window.layerCount(), 2);
        QCOMPARE(reports.size(), 1);
        QVERIFY2(reports.first().contains(QStringLiteral("Layer gone: the file")),
                 qPrintable(reports.first()));
        QVERIFY2(reports.first().contains(QStringLiteral("Layer swapped is declared \"vector\"")),
                 qPrintable(reports.first()));
        auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
        QCOMPARE(list->item(0)->text(), QStringLiteral("forest — 林场.geojson"));
        QCOMPARE(list->item(1)->text(), QStringLiteral("carbon — carbon.tif"));
        // A newer version is refused as a whole, with one report.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(R"({"format": "tanhui-project", "version": 2, "layers": []})");
        f.close();
        MainWindow other;
        reports.clear();
        other.setErrorSink([&reports](const QString& h, const QString& d) { reports << h + '\n' + d; });
        QVERIFY(!other.openFile(project));
        QCOMPARE(other.layerCount(), 0);
        QCOMPARE(reports.size(), 1);
        QVERIFY2(reports.first().contains(QStringLiteral("newer than this Tanhui")),
                 qPrintable(reports.first()));
    }

    void removesLayers() {
        MainWindow window;
        window.setErrorSink([](const QString&, const QString&) {});
        QVERIFY(window.openFile(m_tif));
        QVERIFY(window.openFile(m_json));
        window.removeCurrentLayer();
        QCOMPARE(window.layerCount(), 1);
        QVERIFY(window.metadataPanel()->metadataText().contains(QLatin1String("GTiff")));
        window.removeCurrentLayer();
        QCOMPARE(window.layerCount(), 0);
        QVERIFY(window.metadataPanel()->metadataText().contains(QLatin1String("No layer selected")));
    }

private:
    QTemporaryDir m_dir;
    QString m_tif, m_tifNoCrs, m_json;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
