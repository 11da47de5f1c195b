// SPDX-License-Identifier: GPL-3.0-or-later
// Layer ▸ Make Time Series (issue 12): rasters added by hand grouped into a series — dates proposed
// from file names and band metadata, a typed date, OK disabled on duplicates and bad input (other CRS,
// band counts), the series stepping with the time slider (the rendered pixel changes), the parcel
// series chart, saved in the project file (role, year, date) and reopened identical. Its own
// GeoTIFFs in a QTemporaryDir. With TANHUI_SCREENSHOT_DIR set (and TANHUI_LANG), the dialog's picture
// is written there (docs/images).
#include "WorkspaceTestUtil.h"
#include "app/common/Translations.h"
#include "app/gui/LayerTree.h"
#include "app/gui/MainWindow.h"
#include "app/gui/MapCanvas.h"
#include "app/gui/TimeSeriesDialog.h"
#include "app/gui/Workspace.h"
#include "models/TimeSeries.h"
#include "models/project/Project.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cpl_string.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <functional>
#include <vector>

using tanhui::gui::MainWindow;
using tanhui::gui::TimeSeriesDialog;
using tanhui::test::hex;
using tanhui::test::near;
using tanhui::test::pixelAt;

namespace {

constexpr int kCells = 20;
constexpr double kOriginX = 500000, kOriginY = 2560000, kCellM = 30; // EPSG:32649 (UTM 49N, Guangzhou)

/// A Float32 GeoTIFF of `bands` bands, cell (r, c) of band b = value(b, c); band descriptions and DATE
/// metadata as given (empty: none); dataset metadata items `items` ("KEY=VALUE").
bool writeTif(const QString& path,
              int epsg,
              int bands,
              const std::function<float(int band, int col)>& value,
              const QStringList& descriptions = {},
              const QStringList& dates = {},
              const QStringList& items = {}) {
    GDALAllRegister();
    GDALDatasetH ds = GDALCreate(
      GDALGetDriverByName("GTiff"), path.toUtf8().constData(), kCells, kCells, bands, GDT_Float32, nullptr);
    if (!ds)
        return false;
    double gt[6] = { kOriginX, kCellM, 0, kOriginY, 0, -kCellM };
    GDALSetGeoTransform(ds, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, epsg);
    GDALSetSpatialRef(ds, srs);
    OSRDestroySpatialReference(srs);
    for (const QString& item : items)
        GDALSetMetadataItem(ds,
                            item.section(QLatin1Char('='), 0, 0).toUtf8().constData(),
                            item.section(QLatin1Char('='), 1).toUtf8().constData(),
                            nullptr);
    bool ok = true;
    for (int b = 1; b <= bands; ++b) {
        std::vector<float> v(std::size_t(kCells * kCells));
        for (int r = 0; r < kCells; ++r)
            for (int c = 0; c < kCells; ++c)
                v[std::size_t(r * kCells + c)] = value(b, c);
        GDALRasterBandH band = GDALGetRasterBand(ds, b);
        ok = ok &&
             GDALRasterIO(
               band, GF_Write, 0, 0, kCells, kCells, v.data(), kCells, kCells, GDT_Float32, 0, 0) == CE_None;
        if (b <= descriptions.size() && !descriptions[b - 1].isEmpty())
            GDALSetDescription(band, descriptions[b - 1].toUtf8().constData());
        if (b <= dates.size() && !dates[b - 1].isEmpty())
            GDALSetMetadataItem(band, "DATE", dates[b - 1].toUtf8().constData(), nullptr);
    }
    GDALClose(ds);
    return ok;
}

/// NDVI rising from west to east (0.1 … 0.9), falling, or flat.
float rising(int, int col) {
    return float(0.1 + 0.8 * col / (kCells - 1));
}
float falling(int, int col) {
    return float(0.9 - 0.8 * col / (kCells - 1));
}

/// The date cells of the dialog, top row first.
QStringList dateTexts(const TimeSeriesDialog& d) {
    QStringList out;
    for (int r = 0; r < d.table()->rowCount(); ++r)
        out << d.table()->item(r, TimeSeriesDialog::DateColumn)->text();
    return out;
}
QStringList sourceTexts(const TimeSeriesDialog& d) {
    QStringList out;
    for (int r = 0; r < d.table()->rowCount(); ++r)
        out << d.table()->item(r, TimeSeriesDialog::SourceColumn)->text();
    return out;
}

} // namespace

class TestTimeSeries : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void datesFromTextNamesAndMetadata();
    void badInputKeepsOkDisabled();
    void fileSeriesStepsSavesAndReopens();
    void bandSeriesInAProject();
    void screenshots();

private:
    bool showWindow(MainWindow& w) {
        w.setErrorSink([this](const QString& h, const QString& d) { m_errors << h + QLatin1Char(' ') + d; });
        w.setCloseQuestion([] { return MainWindow::CloseAnswer::Discard; });
        w.setOverviewQuestion([](const QStringList&) { return false; });
        w.resize(1000, 700);
        w.show();
        return QTest::qWaitForWindowExposed(&w);
    }
    QString file(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    QStringList m_errors;
};

void TestTimeSeries::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY(writeTif(file(QStringLiteral("ndvi_2015.tif")), 32649, 1, rising));
    QVERIFY(writeTif(file(QStringLiteral("ndvi_2018.tif")), 32649, 1, falling));
    QVERIFY(writeTif(file(QStringLiteral("ndvi_latest.tif")), 32649, 1, [](int, int) { return 0.5f; }));
    // One band per date: band 1 dated by its description, band 2 by DATE metadata, band 3 not at all.
    QVERIFY(writeTif(file(QStringLiteral("rain_stack.tif")),
                     32649,
                     3,
                     [](int b, int) { return float(1000 + 100 * b); },
                     { QStringLiteral("2015 precipitation"), QString(), QString() },
                     { QString(), QStringLiteral("2018-06-30"), QString() }));
    QVERIFY(writeTif(file(QStringLiteral("ndvi_2019_utm50.tif")), 32650, 1, rising));
    // A parcel over the western quarter (columns 0–4).
    QFile geojson(file(QStringLiteral("parcels.geojson")));
    QVERIFY(geojson.open(QIODevice::WriteOnly));
    const double x0 = kOriginX, x1 = kOriginX + 5 * kCellM, y0 = kOriginY - kCells * kCellM, y1 = kOriginY;
    geojson.write(QStringLiteral(R"({"type":"FeatureCollection",
"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32649"}},
"features":[{"type":"Feature","properties":{"name":"west"},"geometry":{"type":"Polygon",
"coordinates":[[[%1,%3],[%2,%3],[%2,%4],[%1,%4],[%1,%3]]]}}]})")
                    .arg(x0, 0, 'f', 1)
                    .arg(x1, 0, 'f', 1)
                    .arg(y0, 0, 'f', 1)
                    .arg(y1, 0, 'f', 1)
                    .toUtf8());
    geojson.close();
}

void TestTimeSeries::datesFromTextNamesAndMetadata() {
    using tanhui::models::dateInFileName;
    using tanhui::models::parseSeriesDate;
    QCOMPARE(parseSeriesDate(QStringLiteral("2015"))->year, 2015);
    QCOMPARE(parseSeriesDate(QStringLiteral("2015-06-30"))->iso, QStringLiteral("2015-06-30"));
    QCOMPARE(parseSeriesDate(QStringLiteral("2015:06:30 12:00:00"))->iso, QStringLiteral("2015-06-30"));
    QCOMPARE(parseSeriesDate(QStringLiteral("20150630"))->iso, QStringLiteral("2015-06-30"));
    QVERIFY(!parseSeriesDate(QStringLiteral("2015-02-30")));
    QVERIFY(!parseSeriesDate(QStringLiteral("next year")));
    QVERIFY(!parseSeriesDate(QString()));
    QCOMPARE(dateInFileName(QStringLiteral("/x/ndvi_2015.tif"))->year, 2015);
    QCOMPARE(dateInFileName(QStringLiteral("S2_20180630_B4.tif"))->iso, QStringLiteral("2018-06-30"));
    QVERIFY(!dateInFileName(QStringLiteral("ndvi_2015-2024.tif"))); // a stack: two years
    QVERIFY(!dateInFileName(QStringLiteral("ndvi_latest.tif")));
    QVERIFY(!dateInFileName(QStringLiteral("tile_123456.tif")));
    // NetCDF: NETCDF_DIM_time in the dataset's time#units.
    tanhui::gis::RasterInfo nc;
    nc.bands.resize(2);
    nc.metadata["time#units"] = "days since 1970-01-01 00:00:00";
    nc.bands[1].metadata["NETCDF_DIM_time"] = "16617"; // 2015-07-01
    const auto p = tanhui::models::bandDate(nc, 2);
    QCOMPARE(p.source, tanhui::models::DateSource::Metadata);
    QCOMPARE(p.key, QStringLiteral("NETCDF_DIM_time"));
    QCOMPARE(p.date->iso, QStringLiteral("2015-07-01"));
    QCOMPARE(tanhui::models::bandDate(nc, 1).source, tanhui::models::DateSource::None);
}

void TestTimeSeries::badInputKeepsOkDisabled() {
    MainWindow w;
    QVERIFY(showWindow(w));
    for (const char* name : { "ndvi_2015.tif", "rain_stack.tif", "ndvi_2019_utm50.tif" })
        QVERIFY(w.addRaster(file(QString::fromLatin1(name))));
    // A multiband file among single-band files: its band count is named.
    TimeSeriesDialog* d =
      w.showTimeSeriesDialog({ QStringLiteral("ndvi_2015.tif"), QStringLiteral("rain_stack.tif") });
    QVERIFY(d);
    QVERIFY(!d->okButton()->isEnabled());
    QVERIFY2(d->problems().join(QLatin1Char('\n')).contains(QStringLiteral("rain_stack.tif has 3 band")),
             qPrintable(d->problems().join(QLatin1Char('\n'))));
    d->close();
    // Another CRS: the file and both CRSs are named.
    d = w.showTimeSeriesDialog({ QStringLiteral("ndvi_2015.tif"), QStringLiteral("ndvi_2019_utm50.tif") });
    QVERIFY(d);
    QStringList proposed = dateTexts(*d);
    proposed.sort();
    QCOMPARE(proposed, (QStringList{ QStringLiteral("2015"), QStringLiteral("2019") }));
    QVERIFY(!d->okButton()->isEnabled());
    const QString problems = d->problems().join(QLatin1Char('\n'));
    QVERIFY2(problems.contains(QStringLiteral("ndvi_2019_utm50.tif")) &&
               problems.contains(QStringLiteral("ndvi_2015.tif")) &&
               problems.contains(QStringLiteral("49N")) && problems.contains(QStringLiteral("50N")),
             qPrintable(problems));
    d->close();
    // One single-band file is not a series.
    d = w.showTimeSeriesDialog({ QStringLiteral("ndvi_2015.tif") });
    QVERIFY(d && !d->okButton()->isEnabled());
    d->close();
    // No raster chosen: reported, no dialog.
    m_errors.clear();
    w.layerTree()->clearSelection();
    QVERIFY(!w.showTimeSeriesDialog());
    QCOMPARE(m_errors.size(), 1);
}

void TestTimeSeries::fileSeriesStepsSavesAndReopens() {
    const QString projectFile = file(QStringLiteral("series.tanhui.json"));
    std::vector<QRgb> steps; // the pixel at each date
    QString groupName;
    QJsonObject savedWorkspace;
    const double x = kOriginX + 12.5 * kCellM, y = kOriginY - 10.5 * kCellM; // east of the parcel
    {
        MainWindow w;
        QVERIFY(showWindow(w));
        for (const char* name : { "ndvi_latest.tif", "ndvi_2018.tif", "ndvi_2015.tif", "parcels.geojson" })
            QVERIFY(w.openFile(file(QString::fromLatin1(name))));
        // The three rasters selected in the layer tree, as a user would (Ctrl+click), then the menu item.
        w.layerTree()->clearSelection();
        for (int row = 0; row < w.layerTree()->count(); ++row)
            if (w.layerTree()->item(row)->text().endsWith(QLatin1String(".tif")))
                w.layerTree()->item(row)->setSelected(true);
        auto* action = w.findChild<QAction*>(QStringLiteral("timeSeriesAction"));
        QVERIFY(action);
        action->trigger();
        auto* d = w.findChild<TimeSeriesDialog*>(QStringLiteral("timeSeriesDialog"));
        QVERIFY(d);
        QCOMPARE(d->table()->rowCount(), 3);
        // Proposed from the file names where they hold a year; the other is left to type.
        QStringList dates = dateTexts(*d), sources = sourceTexts(*d);
        const int latest = int(dates.indexOf(QString()));
        QVERIFY(latest >= 0);
        QVERIFY(dates.contains(QStringLiteral("2015")) && dates.contains(QStringLiteral("2018")));
        QCOMPARE(sources.count(TimeSeriesDialog::tr("file name")), 2);
        QVERIFY(!d->okButton()->isEnabled());
        QVERIFY(d->problems().join(QLatin1Char('\n')).contains(QStringLiteral("ndvi_latest.tif: no date")));
        // A duplicate year keeps OK disabled and names both files.
        d->setDateText(latest, QStringLiteral("2018-09-01"));
        QVERIFY(!d->okButton()->isEnabled());
        QVERIFY2(d->problems().join(QLatin1Char('\n')).contains(QStringLiteral("2018 is the date of")),
                 qPrintable(d->problems().join(QLatin1Char('\n'))));
        QCOMPARE(d->table()->item(latest, TimeSeriesDialog::SourceColumn)->text(),
                 TimeSeriesDialog::tr("typed"));
        d->setDateText(latest, QStringLiteral("21.7.2021"));
        QVERIFY(!d->okButton()->isEnabled());
        QVERIFY(d->problems().join(QLatin1Char('\n')).contains(QStringLiteral("is not a date")));
        d->setDateText(latest, QStringLiteral("2021-07-01"));
        QVERIFY2(d->okButton()->isEnabled(), qPrintable(d->problems().join(QLatin1Char('\n'))));
        d->setRole(QStringLiteral("ndvi"));
        QCOMPARE(d->role(), QStringLiteral("ndvi"));
        d->okButton()->click();

        // One group, the slider over the three dates, the first shown.
        QCOMPARE(w.layerGroups().size(), 1);
        groupName = w.layerGroups().front();
        QVERIFY2(groupName.contains(QStringLiteral("2015–2021")), qPrintable(groupName));
        QCOMPARE(w.timeSliderYears(), (std::vector<int>{ 2015, 2018, 2021 }));
        QCOMPARE(w.currentYear(), 2015);
        QCOMPARE(w.layerGroupOf(QStringLiteral("ndvi_latest.tif")), groupName);
        auto* canvas = w.mapCanvas();
        QCOMPARE(canvas->dateLabel(), QStringLiteral("2015"));
        canvas->zoomFull();
        for (int year : { 2015, 2018, 2021 }) {
            w.setCurrentYear(year);
            QVERIFY(canvas->waitForFrame());
            QCOMPARE(canvas->dateLabel(), QString::number(year));
            steps.push_back(pixelAt(canvas, x, y));
        }
        QVERIFY2(
          !near(steps[0], steps[1], 20) && !near(steps[1], steps[2], 20),
          qPrintable(hex(steps[0]) + QLatin1Char(' ') + hex(steps[1]) + QLatin1Char(' ') + hex(steps[2])));
        // The parcel's series: the three dates, the western quarter low in 2015, high in 2018.
        QVERIFY(w.showParcelSeries(QStringLiteral("parcels.geojson"), 0));
        const auto& series = w.lastParcelSeries();
        QCOMPARE(series.continuous.size(), std::size_t(3));
        QCOMPARE(series.continuous[2].year, 2021);
        QVERIFY(std::abs(series.continuous[0].mean - (0.1 + 0.8 * 2.0 / 19)) < 1e-3);
        QVERIFY(std::abs(series.continuous[1].mean - (0.9 - 0.8 * 2.0 / 19)) < 1e-3);
        QVERIFY(std::abs(series.continuous[2].mean - 0.5) < 1e-6);

        QVERIFY(w.saveProjectAs(projectFile));
        savedWorkspace = w.workspaceJson();
    }
    // The file: the CLI's schema, each date a raster layer with role, year and date.
    const tanhui::models::Project project = tanhui::models::Project::load(projectFile);
    QVERIFY(project.validate().isEmpty());
    const auto ndvi = project.layersWithRole(QStringLiteral("ndvi"));
    QCOMPARE(ndvi.size(), std::size_t(3));
    QSet<int> years;
    for (const auto* l : ndvi) {
        years.insert(l->year);
        QCOMPARE(l->kind, QStringLiteral("raster"));
        if (l->year == 2021)
            QCOMPARE(l->date, QStringLiteral("2021-07-01"));
    }
    QCOMPARE(years, (QSet<int>{ 2015, 2018, 2021 }));
    QCOMPARE(tanhui::models::projectSeriesInputs(project).size(), std::size_t(3));

    // Reopened: the same group, dates, ticks and pixels.
    MainWindow w;
    QVERIFY(showWindow(w));
    m_errors.clear();
    QVERIFY(w.openProject(projectFile));
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(QLatin1Char('\n'))));
    QCOMPARE(w.layerGroups(), QStringList{ groupName });
    QCOMPARE(w.timeSliderYears(), (std::vector<int>{ 2015, 2018, 2021 }));
    QCOMPARE(tanhui::gui::workspaceChangeKey(w.workspaceJson()),
             tanhui::gui::workspaceChangeKey(savedWorkspace));
    QVERIFY(!w.isProjectModified());
    auto* canvas = w.mapCanvas();
    const int years3[] = { 2015, 2018, 2021 };
    for (int i = 0; i < 3; ++i) {
        w.setCurrentYear(years3[i]);
        QVERIFY(canvas->waitForFrame());
        QVERIFY2(
          near(pixelAt(canvas, x, y), steps[std::size_t(i)]),
          qPrintable(hex(pixelAt(canvas, x, y)) + QStringLiteral(" vs ") + hex(steps[std::size_t(i)])));
    }
    QVERIFY(w.showParcelSeries(QStringLiteral("parcels"), 0));
    QCOMPARE(w.lastParcelSeries().continuous.size(), std::size_t(3));
}

void TestTimeSeries::bandSeriesInAProject() {
    const QString projectFile = file(QStringLiteral("series.tanhui.json"));
    QVERIFY(QFileInfo::exists(projectFile)); // written by fileSeriesStepsSavesAndReopens
    MainWindow w;
    QVERIFY(showWindow(w));
    QVERIFY(w.openProject(projectFile));
    QVERIFY(w.addRaster(file(QStringLiteral("rain_stack.tif"))));
    TimeSeriesDialog* d = w.showTimeSeriesDialog({ QStringLiteral("rain_stack.tif") });
    QVERIFY(d && d->isBandSeries());
    QCOMPARE(d->table()->rowCount(), 3);
    // Band 1 from its description, band 2 from its DATE item, band 3 to type.
    QCOMPARE(dateTexts(*d), (QStringList{ QStringLiteral("2015"), QStringLiteral("2018-06-30"), QString() }));
    QCOMPARE(sourceTexts(*d)[0], TimeSeriesDialog::tr("metadata (%1)").arg(QStringLiteral("description")));
    QCOMPARE(sourceTexts(*d)[1], TimeSeriesDialog::tr("metadata (%1)").arg(QStringLiteral("DATE")));
    QVERIFY(!d->okButton()->isEnabled());
    d->setRole(QStringLiteral("precipitation"));
    d->setDateText(2, QStringLiteral("2015"));
    QVERIFY(!d->okButton()->isEnabled()); // 2015 twice
    d->setDateText(2, QStringLiteral("2021"));
    QVERIFY(d->okButton()->isEnabled());
    // As NDVI the dates would clash with the project's NDVI series of 2015, 2018 and 2021.
    d->setRole(QStringLiteral("ndvi"));
    QVERIFY(!d->okButton()->isEnabled());
    QVERIFY2(d->problems()
               .join(QLatin1Char('\n'))
               .contains(QStringLiteral("ndvi_2015 has a layer of this kind for 2015")),
             qPrintable(d->problems().join(QLatin1Char('\n'))));
    d->setRole(QStringLiteral("precipitation"));
    QVERIFY(d->okButton()->isEnabled());
    d->okButton()->click();
    // A VRT per band beside the stack, each a project layer of its date; the stack left the tree.
    for (const char* vrt : { "rain_stack_2015.vrt", "rain_stack_2018-06-30.vrt", "rain_stack_2021.vrt" })
        QVERIFY2(QFileInfo::exists(file(QString::fromLatin1(vrt))), vrt);
    QCOMPARE(w.layerGroups().size(), 2);
    QVERIFY(w.isProjectModified());
    QVERIFY(w.saveProject());
    const tanhui::models::Project project = tanhui::models::Project::load(projectFile);
    QVERIFY2(project.validate().isEmpty(), qPrintable(project.validate().join(QLatin1Char('\n'))));
    const auto rain = project.layersWithRole(QStringLiteral("precipitation"));
    QCOMPARE(rain.size(), std::size_t(3));
    for (const auto* l : rain) {
        tanhui::gis::RasterDataset ds(project.resolve(l->path).toStdString());
        QCOMPARE(ds.bandCount(), 1);
        std::vector<double> v;
        std::vector<unsigned char> valid;
        ds.read(1, tanhui::gis::Window{ 0, 0, 1, 1 }, v, valid);
        const double expected = l->year == 2015 ? 1100 : l->year == 2018 ? 1200 : 1300;
        QCOMPARE(v[0], expected);
        if (l->year == 2018)
            QCOMPARE(l->date, QStringLiteral("2018-06-30"));
    }
    // NDVI (no land cover): the slider keeps the union of the dated rasters.
    QCOMPARE(w.timeSliderYears(), (std::vector<int>{ 2015, 2018, 2021 }));
}

void TestTimeSeries::screenshots() {
    const QString dir = qEnvironmentVariable("TANHUI_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("TANHUI_SCREENSHOT_DIR not set");
    tanhui::app::installTranslations(*QCoreApplication::instance());
    MainWindow w;
    QVERIFY(showWindow(w));
    for (const char* name : { "ndvi_latest.tif", "ndvi_2018.tif", "ndvi_2015.tif" })
        QVERIFY(w.addRaster(file(QString::fromLatin1(name))));
    TimeSeriesDialog* d = w.showTimeSeriesDialog({ QStringLiteral("ndvi_2015.tif"),
                                                   QStringLiteral("ndvi_2018.tif"),
                                                   QStringLiteral("ndvi_latest.tif") });
    QVERIFY(d);
    // The three sources of a date: two file names and one typed.
    for (int row = 0; row < d->table()->rowCount(); ++row)
        if (d->table()->item(row, TimeSeriesDialog::DateColumn)->text().isEmpty())
            d->setDateText(row, QStringLiteral("2021-07-01"));
    QVERIFY(d->okButton()->isEnabled());
    QVERIFY(QTest::qWaitForWindowExposed(d));
    QTest::qWait(200);
    const QString lang = tanhui::app::uiLocale().name().startsWith(QLatin1String("zh"))
                           ? QStringLiteral("zh_CN")
                           : QStringLiteral("en");
    QVERIFY(d->grab().save(dir + QStringLiteral("/workspace-time-series-%1.png").arg(lang)));
}

QTEST_MAIN(TestTimeSeries)
#include "tst_timeseries.moc"
