// SPDX-License-Identifier: GPL-3.0-or-later
// The map workspace on the sample project (issue 12): every layer listed and drawn in the project CRS,
// expected colours at known map points (land-cover classes of the project, parcels by ecosystem
// type), toggling and reordering layers, the time slider stepping the land cover through the dates.
#include "TestUtil.h"
#include "WorkspaceTestUtil.h"
#include "app/gui/AttributeTable.h"
#include "app/gui/LayerStyler.h"
#include "app/gui/MainWindow.h"
#include "app/gui/MapCanvas.h"
#include "app/gui/ParcelSeriesView.h"
#include "gis/ParcelReader.h"
#include "gis/RasterDataset.h"
#include "gis/RasterWriter.h"
#include "gis/VectorLayer.h"
#include "gis/ZonalEngine.h"
#include "models/project/Project.h"

#include <QAction>
#include <QBarSet>
#include <QChart>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPainterPath>
#include <QPercentBarSeries>
#include <QScatterSeries>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include <cmath>

using tanhui::gui::MainWindow;
using tanhui::gui::MapCanvas;

namespace {

using tanhui::test::hex;
using tanhui::test::near;
using tanhui::test::pixelAt;
using tanhui::test::rowOf;
using tanhui::test::showOnly;

} // namespace

class TestMapWorkspace : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_dir = tanhui::test::sampleProjectDir();
        if (m_dir.isEmpty())
            QSKIP("the sample project fixture is missing (run through ctest)");
        m_project = tanhui::models::Project::load(m_dir + QStringLiteral("/project.tanhui.json"));
        // Recent projects and preferences in a test location of this process only (other runs of this
        // test, e.g. in another build tree, must not see them).
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(
          QStringLiteral("tanhui-test-%1").arg(QCoreApplication::applicationPid()));
        QSettings().clear();
    }
    void cleanupTestCase() {
        const QString file = QSettings().fileName();
        QFile::remove(file);
        QDir().rmdir(QFileInfo(file).absolutePath());
    }

    void opensStyledAndDrawsEveryLayer();
    void timeSliderStepsLandCover();
    void toggleAndReorder();
    void layerGroups();
    void identifyParcelAndRasters();
    void attributeTableAndSelection();
    void measureIsEllipsoidal();
    void parcelSeriesChart();
    void playOpacityCrsAndRecent();
    void overviewsOfferedBuiltAndCancelled();

private:
    /// Shows `window` (1000 × 700) with the sample project open; false when either fails.
    bool openSample(MainWindow& window) const {
        window.setErrorSink([](const QString&, const QString&) {});
        window.resize(1000, 700);
        window.show();
        return QTest::qWaitForWindowExposed(&window) &&
               window.openFile(m_dir + QStringLiteral("/project.tanhui.json"));
    }
    /// A land-cover cell centre (map coordinates) whose class differs between two years.
    bool changedCell(int year1, int year2, double& x, double& y, int& c1, int& c2) const;
    QColor classColor(int code) const {
        for (const auto& c : m_project.classes)
            if (c.code == code)
                return QColor(c.color);
        return {};
    }
    QString m_dir;
    tanhui::models::Project m_project;
};

bool TestMapWorkspace::changedCell(int year1, int year2, double& x, double& y, int& c1, int& c2) const {
    tanhui::gis::RasterDataset a(
      (m_dir + QStringLiteral("/rasters/landcover_%1.tif").arg(year1)).toStdString());
    tanhui::gis::RasterDataset b(
      (m_dir + QStringLiteral("/rasters/landcover_%1.tif").arg(year2)).toStdString());
    const tanhui::gis::Grid& g = a.info().grid;
    std::vector<double> va, vb;
    std::vector<unsigned char> ka, kb;
    // A 9 × 9 block of one class in each year, so the frame's resampling cannot pick a neighbour.
    for (int r0 = 100; r0 + 9 < g.rows; r0 += 37)
        for (int c0 = 100; c0 + 9 < g.cols; c0 += 41) {
            const tanhui::gis::Window w{ r0, c0, 9, 9 };
            a.read(1, w, va, ka);
            b.read(1, w, vb, kb);
            bool uniform = true;
            for (std::size_t i = 0; i < va.size() && uniform; ++i)
                uniform = ka[i] && kb[i] && va[i] == va[0] && vb[i] == vb[0];
            if (uniform && va[0] != vb[0] && classColor(int(va[0])) != classColor(int(vb[0]))) {
                x = g.originX + (c0 + 4.5) * g.cellWidth;
                y = g.originY - (r0 + 4.5) * g.cellHeight;
                c1 = int(va[0]);
                c2 = int(vb[0]);
                return true;
            }
        }
    return false;
}

void TestMapWorkspace::opensStyledAndDrawsEveryLayer() {
    MainWindow window;
    QStringList errors;
    window.setErrorSink(
      [&errors](const QString& h, const QString& d) { errors << h + QLatin1Char('\n') + d; });
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(m_dir + QStringLiteral("/project.tanhui.json")));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(window.layerCount(), int(m_project.layers.size()));
    MapCanvas* canvas = window.mapCanvas();
    QVERIFY(canvas->crs().isSame(tanhui::gis::Crs::fromEpsg(4547)));
    QVERIFY(canvas->waitForFrame());
    QVERIFY(!canvas->lastFrame().isNull());
    // Every layer is on the map (none carries a "not on the map" reason).
    auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
    for (int r = 0; r < list->count(); ++r)
        QVERIFY2(!list->item(r)->toolTip().contains(QStringLiteral("Not on the map")),
                 qPrintable(list->item(r)->toolTip()));
    // Shown at first: parcels, districts and the earliest land cover only.
    QCOMPARE(list->item(rowOf(list, QStringLiteral("landcover_2015")))->checkState(), Qt::Checked);
    QCOMPARE(list->item(rowOf(list, QStringLiteral("landcover_2024")))->checkState(), Qt::Unchecked);
    QCOMPARE(list->item(rowOf(list, QStringLiteral("xiaoban")))->checkState(), Qt::Checked);
    QCOMPARE(list->item(rowOf(list, QStringLiteral("ndvi_2015")))->checkState(), Qt::Unchecked);
    // The legend lists the shown layers, the land cover with the project's class names.
    auto* legend = window.findChild<QTreeWidget*>(QStringLiteral("legendTree"));
    QVERIFY(legend);
    QTreeWidgetItem* lcLegend = nullptr;
    for (int i = 0; i < legend->topLevelItemCount(); ++i)
        if (legend->topLevelItem(i)->text(0).startsWith(QLatin1String("landcover_2015")))
            lcLegend = legend->topLevelItem(i);
    QVERIFY(lcLegend);
    QCOMPARE(lcLegend->childCount(), int(m_project.classes.size()));
    QCOMPARE(lcLegend->child(0)->text(0),
             QStringLiteral("%1 %2").arg(m_project.classes[0].code).arg(m_project.classes[0].nameEn));
    QVERIFY(legend->topLevelItemCount() >= 6); // 4 parcel layers, districts, land cover
    // The status bar names the project CRS.
    QCOMPARE(QTextDocumentFragment::fromHtml(window.findChild<QLabel*>(QStringLiteral("crsLabel"))->text())
               .toPlainText(),
             QStringLiteral("EPSG:4547"));

    // The land cover alone, drawn with the project's class colours.
    showOnly(list, { QStringLiteral("landcover_2015") });
    QVERIFY(canvas->waitForFrame());
    double x = 0, y = 0;
    int c1 = 0, c2 = 0;
    QVERIFY(changedCell(2015, 2024, x, y, c1, c2));
    // Zoom to about 1 cell per pixel there, so the colour is the cell's.
    canvas->setExtent({ x - 300, y - 300, x + 300, y + 300 });
    QVERIFY(canvas->waitForFrame());
    QVERIFY2(near(pixelAt(canvas, x, y), classColor(c1).rgb()),
             qPrintable(hex(pixelAt(canvas, x, y)) + QStringLiteral(" vs ") + classColor(c1).name()));

    // Parcels by ecosystem type: a 小班's centre point has its type's colour (75 % over the land cover).
    showOnly(list, { QStringLiteral("xiaoban") });
    canvas->zoomFull();
    QVERIFY(canvas->waitForFrame());
    const auto* xiaoban = m_project.layer(QStringLiteral("xiaoban"));
    QVERIFY(xiaoban);
    const auto& layers = canvas->layers();
    const auto it = std::find_if(
      layers.begin(), layers.end(), [](const auto& l) { return l.id == QLatin1String("xiaoban"); });
    QVERIFY(it != layers.end() && it->vector);
    const auto& source = *it->vector;
    const int typeField = source.fieldIndex(xiaoban->fields.value(QStringLiteral("ecosystem_type")));
    QVERIFY(typeField >= 0);
    int checked = 0;
    for (std::size_t f = 0; f < source.size() && checked < 5; f += 97) {
        const tanhui::gis::Box& b = source.bounds(f);
        const double cx = 0.5 * (b.xmin + b.xmax), cy = 0.5 * (b.ymin + b.ymax);
        const auto hits = source.featuresAt(cx, cy);
        if (hits.size() != 1 || hits[0] != f || b.width() < 400 || b.height() < 400)
            continue; // centre outside its own polygon, or too small to sample at this scale
        canvas->setExtent({ cx - 150, cy - 150, cx + 150, cy + 150 });
        QVERIFY(canvas->waitForFrame());
        const QString raw = source.attribute(f, typeField).toString();
        const QString type = xiaoban->values.value(QStringLiteral("ecosystem_type:") + raw, raw);
        const QColor c = tanhui::gui::LayerStyler::ecosystemColor(type);
        const QRgb expected = qRgb(int(std::lround(0.75 * c.red() + 0.25 * 255)),
                                   int(std::lround(0.75 * c.green() + 0.25 * 255)),
                                   int(std::lround(0.75 * c.blue() + 0.25 * 255)));
        QVERIFY2(
          near(pixelAt(canvas, cx, cy), expected, 3),
          qPrintable(
            QStringLiteral("%1 (%2): %3 vs %4").arg(raw, type, hex(pixelAt(canvas, cx, cy)), hex(expected))));
        ++checked;
    }
    QVERIFY(checked >= 3);
}

void TestMapWorkspace::timeSliderStepsLandCover() {
    MainWindow window;
    QVERIFY(openSample(window));
    auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
    QCOMPARE(window.currentYear(), 2015);
    QCOMPARE(window.findChild<QSlider*>(QStringLiteral("timeSlider"))->maximum(),
             3); // 2015, 2018, 2021, 2024
    showOnly(list, { QStringLiteral("landcover_2015") });
    double x = 0, y = 0;
    int c1 = 0, c2 = 0;
    QVERIFY(changedCell(2015, 2024, x, y, c1, c2));
    MapCanvas* canvas = window.mapCanvas();
    canvas->setExtent({ x - 300, y - 300, x + 300, y + 300 });
    QVERIFY(canvas->waitForFrame());
    QVERIFY(near(pixelAt(canvas, x, y), classColor(c1).rgb()));
    window.setCurrentYear(2024);
    QCOMPARE(window.currentYear(), 2024);
    QCOMPARE(window.findChild<QLabel*>(QStringLiteral("timeLabel"))->text(), QStringLiteral("2024"));
    QCOMPARE(canvas->dateLabel(), QStringLiteral("2024")); // the date is shown on the map
    QCOMPARE(list->item(rowOf(list, QStringLiteral("landcover_2024")))->checkState(), Qt::Checked);
    QCOMPARE(list->item(rowOf(list, QStringLiteral("landcover_2015")))->checkState(), Qt::Unchecked);
    QVERIFY(canvas->waitForFrame());
    QVERIFY2(near(pixelAt(canvas, x, y), classColor(c2).rgb()),
             qPrintable(hex(pixelAt(canvas, x, y)) + QStringLiteral(" vs ") + classColor(c2).name()));
}

void TestMapWorkspace::toggleAndReorder() {
    MainWindow window;
    QVERIFY(openSample(window));
    auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
    MapCanvas* canvas = window.mapCanvas();
    double x = 0, y = 0;
    int c1 = 0, c2 = 0;
    QVERIFY(changedCell(2015, 2024, x, y, c1, c2));
    showOnly(list, { QStringLiteral("landcover_2015"), QStringLiteral("landcover_2024") });
    canvas->setExtent({ x - 300, y - 300, x + 300, y + 300 });
    QVERIFY(canvas->waitForFrame());
    // 2024 lies above 2015 in the list (added later): its colour shows.
    QVERIFY(rowOf(list, QStringLiteral("landcover_2024")) < rowOf(list, QStringLiteral("landcover_2015")));
    QVERIFY(near(pixelAt(canvas, x, y), classColor(c2).rgb()));
    // Move 2015 to the top of the list: now it is drawn last.
    const int row = rowOf(list, QStringLiteral("landcover_2015"));
    tanhui::gui::LayerItem* item = list->takeItem(row);
    list->insertItem(0, item);
    // takeItem/insertItem are not a drag (no rowsMoved); a tick change makes the map follow the list.
    item->setCheckState(Qt::Unchecked);
    item->setCheckState(Qt::Checked);
    QVERIFY(canvas->waitForFrame());
    QVERIFY2(near(pixelAt(canvas, x, y), classColor(c1).rgb()),
             qPrintable(hex(pixelAt(canvas, x, y)) + QStringLiteral(" vs ") + classColor(c1).name()));
    // Untick both: white.
    showOnly(list, {});
    QVERIFY(canvas->waitForFrame());
    QVERIFY(near(pixelAt(canvas, x, y), qRgb(255, 255, 255)));
}

void TestMapWorkspace::layerGroups() {
    MainWindow window;
    QVERIFY(openSample(window));
    auto* tree = window.layerTree();
    MapCanvas* canvas = window.mapCanvas();
    double x = 0, y = 0;
    int c1 = 0, c2 = 0;
    QVERIFY(changedCell(2015, 2024, x, y, c1, c2));
    showOnly(tree, { QStringLiteral("landcover_2015"), QStringLiteral("districts") });
    canvas->setExtent({ x - 300, y - 300, x + 300, y + 300 });
    QVERIFY(canvas->waitForFrame());
    QVERIFY(near(pixelAt(canvas, x, y), classColor(c1).rgb()));
    const QStringList before = [&] {
        QStringList names;
        for (int r = 0; r < tree->count(); ++r)
            names << tree->item(r)->text();
        return names;
    }();

    // A group of the two land-cover layers keeps the layers' order and takes the top one's place.
    const QString name = window.addLayerGroup(
      QStringLiteral("土地覆盖"), { QStringLiteral("landcover_2015"), QStringLiteral("landcover_2024") });
    QCOMPARE(name, QStringLiteral("土地覆盖"));
    QCOMPARE(window.addLayerGroup(QStringLiteral("土地覆盖")), QString()); // names are unique
    QCOMPARE(window.layerGroups(), QStringList{ name });
    QCOMPARE(window.layerGroupOf(QStringLiteral("landcover_2015")), name);
    QCOMPARE(window.layerGroupOf(QStringLiteral("landcover_2024")), name);
    QCOMPARE(window.layerGroupOf(QStringLiteral("xiaoban")), QString());
    QCOMPARE(tree->count(), int(before.size()));
    QCOMPARE(rowOf(tree, QStringLiteral("landcover_2015")),
             rowOf(tree, QStringLiteral("landcover_2024")) + 1);

    // Unticking the group hides its layers on the map and in the legend; their own boxes stay ticked.
    QVERIFY(window.setLayerGroupVisible(name, false));
    QVERIFY(canvas->waitForFrame());
    QVERIFY2(near(pixelAt(canvas, x, y), qRgb(255, 255, 255)), qPrintable(hex(pixelAt(canvas, x, y))));
    QCOMPARE(tree->item(rowOf(tree, QStringLiteral("landcover_2015")))->checkState(), Qt::Checked);
    for (const auto& layer : canvas->layers())
        if (layer.id == QStringLiteral("landcover_2015"))
            QVERIFY(!layer.visible);
    auto* legend = window.findChild<QTreeWidget*>(QStringLiteral("legendTree"));
    for (int i = 0; i < legend->topLevelItemCount(); ++i)
        QVERIFY(!legend->topLevelItem(i)->text(0).startsWith(QStringLiteral("landcover_2015")));
    QVERIFY(window.setLayerGroupVisible(name, true));
    QVERIFY(canvas->waitForFrame());
    QVERIFY(near(pixelAt(canvas, x, y), classColor(c1).rgb()));

    // Into and out of the group; ungrouping keeps every layer in the order it had.
    QVERIFY(window.moveLayerToGroup(QStringLiteral("districts"), name));
    QCOMPARE(window.layerGroupOf(QStringLiteral("districts")), name);
    QVERIFY(!window.moveLayerToGroup(QStringLiteral("districts"), QStringLiteral("no such group")));
    QVERIFY(window.moveLayerToGroup(QStringLiteral("districts"), QString()));
    QCOMPARE(window.layerGroupOf(QStringLiteral("districts")), QString());
    QVERIFY(window.removeLayerGroup(name));
    QVERIFY(!window.removeLayerGroup(name));
    QVERIFY(window.layerGroups().isEmpty());
    QStringList after;
    for (int r = 0; r < tree->count(); ++r)
        after << tree->item(r)->text();
    // The group took the place of its top member (landcover_2024) with landcover_2015 below it;
    // districts left the group just below it; ungrouping put the members in the group's place.
    const auto textOf = [&](const QString& id) { return tree->item(rowOf(tree, id))->text(); };
    QStringList expected = before;
    expected.removeAll(textOf(QStringLiteral("landcover_2015")));
    expected.removeAll(textOf(QStringLiteral("districts")));
    const int at = int(expected.indexOf(textOf(QStringLiteral("landcover_2024"))));
    expected.insert(at + 1, textOf(QStringLiteral("landcover_2015")));
    expected.insert(at + 2, textOf(QStringLiteral("districts")));
    QCOMPARE(after, expected);
}

void TestMapWorkspace::identifyParcelAndRasters() {
    MainWindow window;
    QVERIFY(openSample(window));
    auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
    showOnly(list, { QStringLiteral("xiaoban") });
    double x = 0, y = 0;
    int c1 = 0, c2 = 0;
    QVERIFY(changedCell(2015, 2024, x, y, c1, c2));
    QVERIFY(window.identifyAt(x, y) >= 1);
    auto* tree = window.findChild<QTreeWidget*>(QStringLiteral("identifyTree"));
    QVERIFY(tree);
    // Every raster of the project (each date, shown or not) gives its value; 2015 and 2024 differ here.
    int rasters = 0;
    QString lc2015, lc2024;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = tree->topLevelItem(i);
        if (item->text(0).endsWith(QLatin1String(".tif")))
            ++rasters;
        if (item->text(0).startsWith(QLatin1String("landcover_2015")))
            lc2015 = item->child(0)->text(1);
        if (item->text(0).startsWith(QLatin1String("landcover_2024")))
            lc2024 = item->child(0)->text(1);
    }
    int projectRasters = 0;
    for (const auto& l : m_project.layers)
        projectRasters += l.kind == QLatin1String("raster");
    QCOMPARE(rasters, projectRasters);
    QVERIFY2(lc2015.startsWith(QString::number(c1) + QStringLiteral(" — ")), qPrintable(lc2015));
    QVERIFY2(lc2024.startsWith(QString::number(c2) + QStringLiteral(" — ")), qPrintable(lc2024));
    // A 小班 at its own centre point: its attributes, as read from the file.
    const auto& all = window.mapCanvas()->layers();
    const auto it =
      std::find_if(all.begin(), all.end(), [](const auto& l) { return l.id == QLatin1String("xiaoban"); });
    QVERIFY(it != all.end());
    const auto& source = *it->vector;
    const int idField = source.fieldIndex(m_project.layer(QStringLiteral("xiaoban"))->idField);
    QVERIFY(idField >= 0);
    for (std::size_t f = 0; f < source.size(); f += 53) {
        const tanhui::gis::Box& b = source.bounds(f);
        const double cx = 0.5 * (b.xmin + b.xmax), cy = 0.5 * (b.ymin + b.ymax);
        const auto hits = source.featuresAt(cx, cy);
        if (hits.size() != 1 || hits[0] != f)
            continue;
        QVERIFY(window.identifyAt(cx, cy) >= 1);
        QTreeWidgetItem* top = tree->topLevelItem(0);
        QVERIFY2(top->text(0).startsWith(QLatin1String("xiaoban")), qPrintable(top->text(0)));
        QTreeWidgetItem* feature = top->child(0);
        QCOMPARE(feature->text(0), QStringLiteral("Feature %1").arg(source.fid(f)));
        QCOMPARE(feature->child(idField)->text(1), source.attribute(f, idField).toString());
        return;
    }
    QFAIL("no 小班 contains its own bounding-box centre");
}

void TestMapWorkspace::overviewsOfferedBuiltAndCancelled() {
    // A 5,000 × 4,200 class raster written without overviews: a full view would read all 21 M cells.
    QTemporaryDir dir;
    const QString big = dir.filePath(QStringLiteral("big_landcover.tif"));
    {
        tanhui::gis::RasterSpec spec;
        spec.grid = { 420000, 2600000, 10, 10, 5000, 4200 };
        spec.crs = tanhui::gis::Crs::fromEpsg(4547);
        spec.type = tanhui::gis::RasterSpec::Type::Byte;
        spec.overviews = false;
        spec.deflateLevel = 1;
        tanhui::gis::RasterWriter writer(big.toStdString(), spec);
        std::vector<std::uint8_t> rows(std::size_t(5000) * 200);
        for (int r0 = 0; r0 < 4200; r0 += 200) {
            for (std::size_t k = 0; k < rows.size(); ++k)
                rows[k] = std::uint8_t(11 + (k / 5000 + std::size_t(r0)) / 1000 + (k % 5000) / 1000);
            writer.writeRows(1, r0, 200, rows.data());
        }
        writer.commit();
    }
    const QString ovr = big + QStringLiteral(".ovr");
    QVERIFY(!QFile::exists(ovr));

    // Declined: asked once, listing the raster, never again in the session; nothing built.
    {
        MainWindow window;
        window.setErrorSink(
          [](const QString& h, const QString& d) { QFAIL(qPrintable(h + QLatin1Char(' ') + d)); });
        QStringList asked;
        int questions = 0;
        window.setOverviewQuestion([&](const QStringList& files) {
            asked = files;
            ++questions;
            return false;
        });
        QVERIFY(window.addRaster(big));
        QTRY_COMPARE(questions, 1); // offered by itself once the layer is in
        QCOMPARE(asked, QStringList{ big });
        QCOMPARE(window.offerOverviews(), 0);
        QCOMPARE(questions, 1);
        QVERIFY(!window.isBuildingOverviews());
        QVERIFY(!QFile::exists(ovr));
    }
    // Accepted: built in the background, the layer then draws from the overviews.
    {
        MainWindow window;
        window.setErrorSink(
          [](const QString& h, const QString& d) { QFAIL(qPrintable(h + QLatin1Char(' ') + d)); });
        window.setOverviewQuestion([](const QStringList&) { return false; }); // the automatic offer
        QVERIFY(window.addRaster(big));
        QTest::qWait(50);
        // A small raster (the sample's) needs none.
        QVERIFY(window.addRaster(m_dir + QStringLiteral("/rasters/landcover_2015.tif")));
        QTest::qWait(50);
        window.setOverviewQuestion([](const QStringList&) { return true; });
        QCOMPARE(window.offerOverviews(), 0); // offered already
        MainWindow second;
        second.setErrorSink(
          [](const QString& h, const QString& d) { QFAIL(qPrintable(h + QLatin1Char(' ') + d)); });
        QStringList asked;
        second.setOverviewQuestion([&](const QStringList& files) {
            asked = files;
            return true;
        });
        QVERIFY(second.addRaster(m_dir + QStringLiteral("/rasters/landcover_2015.tif")));
        QVERIFY(second.addRaster(big));
        QTRY_VERIFY(!asked.isEmpty());
        QCOMPARE(asked, QStringList{ big }); // only the large one
        QTRY_VERIFY_WITH_TIMEOUT(!second.isBuildingOverviews(), 120000);
        QVERIFY(QFile::exists(ovr));
        bool found = false;
        for (const auto& layer : second.mapCanvas()->layers()) {
            if (layer.raster && QString::fromStdString(layer.raster->path()) == big) {
                found = true;
                QVERIFY(layer.raster->info().bands.front().overviewCount >= 4);
                QCOMPARE(layer.raster->info().bands.front().overviewCount,
                         tanhui::gis::RasterDataset(big.toStdString()).info().bands.front().overviewCount);
            }
        }
        QVERIFY(found);
        QVERIFY(
          second.statusBar()->currentMessage().contains(QStringLiteral("Built the overviews of 1 raster")));
    }
    // Cancelled at once: no overview file is left.
    QVERIFY(QFile::remove(ovr));
    {
        MainWindow window;
        window.setErrorSink(
          [](const QString& h, const QString& d) { QFAIL(qPrintable(h + QLatin1Char(' ') + d)); });
        bool asked = false;
        window.setOverviewQuestion([&window, &asked](const QStringList&) {
            asked = true;
            QTimer::singleShot(0, &window, [&window] { window.cancelOverviews(); });
            return true;
        });
        QVERIFY(window.addRaster(big));
        QTRY_VERIFY(asked);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBuildingOverviews(), 120000);
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("cancelled")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(!QFile::exists(ovr));
        QCOMPARE(tanhui::gis::RasterDataset(big.toStdString()).info().bands.front().overviewCount, 0);
    }
}

QTEST_MAIN(TestMapWorkspace)
#include "tst_mapworkspace.moc"

namespace {

/// Features of `source` whose polygons meet `box`, by Qt's own path–rectangle test (an oracle independent
/// of VectorSource::featuresIntersecting).
std::vector<std::uint32_t> intersectingByQt(const tanhui::render::VectorSource& source,
                                            const tanhui::gis::Box& box) {
    const QRectF rect(QPointF(box.xmin, box.ymin), QPointF(box.xmax, box.ymax));
    std::vector<std::uint32_t> out;
    for (std::uint32_t f = 0; f < source.size(); ++f) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (std::uint32_t r = source.firstRing(f); r < source.endRing(f); ++r) {
            const double* xy = source.xy();
            const std::uint32_t a = source.ringStart(r), b = source.ringStart(r + 1);
            path.moveTo(xy[2 * a], xy[2 * a + 1]);
            for (std::uint32_t i = a + 1; i < b; ++i)
                path.lineTo(xy[2 * i], xy[2 * i + 1]);
            path.closeSubpath();
        }
        if (!path.isEmpty() && path.intersects(rect))
            out.push_back(f);
    }
    return out;
}

} // namespace

void TestMapWorkspace::attributeTableAndSelection() {
    using Mode = MainWindow::SelectionMode;
    MainWindow window;
    QVERIFY(openSample(window));
    auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
    showOnly(list, { QStringLiteral("xiaoban") });
    list->setCurrentRow(rowOf(list, QStringLiteral("xiaoban")));
    window.openAttributeTable();
    tanhui::gui::AttributeTable* table = window.attributeTable();
    QVERIFY(table->isVisible());
    const auto source = table->source();
    QVERIFY(source);
    // Every feature of the file, not a preview.
    const QString file = m_dir + QLatin1Char('/') + m_project.layer(QStringLiteral("xiaoban"))->path;
    const auto featureCount = tanhui::gis::VectorLayer(file.toStdString()).info().featureCount;
    QVERIFY(featureCount > 1000);
    QCOMPARE(table->view()->model()->rowCount(), int(featureCount));
    QCOMPARE(table->view()->model()->columnCount(), 1 + int(source->info().fields.size()));

    // The filter keeps the rows with the text in some field.
    const int idField = source->fieldIndex(m_project.layer(QStringLiteral("xiaoban"))->idField);
    QVERIFY(idField >= 0);
    const QString text = source->attribute(7, idField).toString().left(5);
    int expectedShown = 0;
    for (std::size_t f = 0; f < source->size(); ++f) {
        bool any = QString::number(source->fid(f)).contains(text, Qt::CaseInsensitive);
        for (int c = 0; c < int(source->info().fields.size()) && !any; ++c)
            any = source->attribute(f, c).toString().contains(text, Qt::CaseInsensitive);
        expectedShown += any;
    }
    table->setFilterText(text);
    QCOMPARE(table->shownRows(), expectedShown);
    QVERIFY(expectedShown >= 1 && expectedShown < int(featureCount));
    table->setFilterText(QString());
    QCOMPARE(table->shownRows(), int(featureCount));

    // A rectangle on the map selects exactly the polygons it meets; the table shows the same rows.
    const tanhui::gis::Box e = source->extent();
    const tanhui::gis::Box box{ e.xmin + 0.40 * e.width(),
                                e.ymin + 0.40 * e.height(),
                                e.xmin + 0.48 * e.width(),
                                e.ymin + 0.47 * e.height() };
    const std::vector<std::uint32_t> expected = intersectingByQt(*source, box);
    QVERIFY(expected.size() >= 5);
    QCOMPARE(window.selectFeaturesIn(box), int(expected.size()));
    QCOMPARE(window.selectedFeatures(QStringLiteral("xiaoban")), expected);
    QCOMPARE(table->selection(), expected);
    QCOMPARE(table->view()->selectionModel()->selectedRows().size(), qsizetype(expected.size()));
    const auto& drawn = window.mapCanvas()->layers();
    const auto it = std::find_if(
      drawn.begin(), drawn.end(), [](const auto& l) { return l.id == QLatin1String("xiaoban"); });
    QVERIFY(it != drawn.end());
    QCOMPARE(it->selection, expected); // the canvas highlights them

    // Shift adds, Ctrl toggles (a second box, then the same box again).
    const tanhui::gis::Box box2{ e.xmin + 0.10 * e.width(),
                                 e.ymin + 0.10 * e.height(),
                                 e.xmin + 0.14 * e.width(),
                                 e.ymin + 0.13 * e.height() };
    const std::vector<std::uint32_t> second = intersectingByQt(*source, box2);
    std::vector<std::uint32_t> both;
    std::set_union(expected.begin(), expected.end(), second.begin(), second.end(), std::back_inserter(both));
    QCOMPARE(window.selectFeaturesIn(box2, Mode::Add), int(both.size()));
    QCOMPARE(window.selectFeaturesIn(box2, Mode::Toggle), int(expected.size()));
    QCOMPARE(window.selectedFeatures(), expected);

    // "Show selected only" filters the table to them.
    table->setSelectedOnly(true);
    QCOMPARE(table->shownRows(), int(expected.size()));
    table->setSelectedOnly(false);

    // Selecting a row in the table selects that feature on the map.
    table->view()->selectRow(3);
    const std::uint32_t feature = table->view()
                                    ->model()
                                    ->index(3, 0)
                                    .data(tanhui::gui::AttributeTableModel::FeatureRole)
                                    .value<quint32>();
    QCOMPARE(window.selectedFeatures(QStringLiteral("xiaoban")), (std::vector<std::uint32_t>{ feature }));

    // Zoom to selection frames the feature.
    window.zoomToSelection();
    const tanhui::gis::Box view = window.mapCanvas()->extent();
    const tanhui::gis::Box& fb = source->bounds(feature);
    QVERIFY(view.xmin <= fb.xmin && view.xmax >= fb.xmax && view.ymin <= fb.ymin && view.ymax >= fb.ymax);
    QVERIFY(view.width() < e.width() / 4);

    // A click selects the feature under the cursor; a click on empty ground clears.
    double x = 0.5 * (fb.xmin + fb.xmax), y = 0.5 * (fb.ymin + fb.ymax);
    const std::vector<std::uint32_t> under = source->featuresAt(x, y);
    if (!under.empty()) {
        QCOMPARE(window.selectFeatureAt(x, y), 1);
        QCOMPARE(window.selectedFeatures().front(), under.front());
    }
    QCOMPARE(window.selectFeatureAt(e.xmax + 1000, e.ymax + 1000), 0);
    QVERIFY(table->selection().empty());

    // A raster as current layer: selection is refused with a hint, nothing changes.
    list->setCurrentRow(rowOf(list, QStringLiteral("landcover_2015")));
    QCOMPARE(window.selectFeaturesIn(box), -1);
}

void TestMapWorkspace::measureIsEllipsoidal() {
    MainWindow window;
    QVERIFY(openSample(window));
    QVERIFY(window.mapCanvas()->crs().authorityId() == "EPSG:4547"); // Gauss–Krüger, CM 114°E, k0 = 1
    // On the central meridian (x = 500 km) the projection keeps lengths: 10 km of northing is 10 km.
    QVERIFY(std::abs(window.measureLengthM({ 500000, 2500000, 500000, 2510000 }) - 10000.0) < 1e-3);
    // 70 km west of it the scale factor is k ≈ 1 + x²/(2R²) ≈ 1.0000603, so a planar 10 km is shorter on
    // the ellipsoid by about 0.60 m — a planar measure would miss it.
    const double x = 430000;
    const double k = 1 + std::pow(x - 500000, 2) / (2 * 6378137.0 * 6378137.0);
    const double len = window.measureLengthM({ x, 2500000, x, 2510000 });
    QVERIFY2(std::abs(len - 10000.0 / k) < 0.02, qPrintable(QString::number(len, 'f', 4)));
    QVERIFY(10000.0 - len > 0.5);
    // Areas shrink by k²: a 1 km square 70 km off the meridian has about 120 m² less than 1 km².
    const double a0 =
      window.measureAreaM2({ 500000, 2500000, 501000, 2500000, 501000, 2501000, 500000, 2501000 });
    QVERIFY2(std::abs(a0 - 1e6) < 0.5, qPrintable(QString::number(a0, 'f', 3)));
    const double a1 = window.measureAreaM2({ x, 2500000, x + 1000, 2500000, x + 1000, 2501000, x, 2501000 });
    QVERIFY2(std::abs(a1 - 1e6 / (k * k)) < 3.0, qPrintable(QString::number(a1, 'f', 3)));
    // Polylines add their segments.
    QVERIFY(std::abs(window.measureLengthM({ 500000, 2500000, 500000, 2505000, 500000, 2510000 }) - 10000.0) <
            1e-3);

    // The tool: clicks add vertices, the text follows, Esc-like clear empties it.
    MapCanvas* canvas = window.mapCanvas();
    window.findChild<QAction*>(QStringLiteral("measureLineAction"))->trigger();
    QCOMPARE(canvas->tool(), MapCanvas::Tool::MeasureLine);
    canvas->addMeasurePoint(500000, 2500000);
    canvas->addMeasurePoint(500000, 2510000, true);
    QVERIFY(canvas->measureFinished());
    QVERIFY2(window.measureText().contains(QLocale().toString(10000.0, 'f', 2)),
             qPrintable(window.measureText()));
    window.findChild<QAction*>(QStringLiteral("measureAreaAction"))->trigger();
    QVERIFY(window.measureText().isEmpty()); // a new tool starts afresh
    canvas->addMeasurePoint(500000, 2500000);
    canvas->addMeasurePoint(501000, 2500000);
    canvas->addMeasurePoint(501000, 2501000);
    canvas->addMeasurePoint(500000, 2501000, true);
    QVERIFY2(window.measureText().contains(QLocale().toString(100.0, 'f', 4)),
             qPrintable(window.measureText()));
    canvas->clearMeasure();
    QVERIFY(window.measureText().isEmpty());
}

void TestMapWorkspace::parcelSeriesChart() {
    MainWindow window;
    QVERIFY(openSample(window));
    auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
    showOnly(list, { QStringLiteral("xiaoban") });
    const auto& drawn = window.mapCanvas()->layers();
    const auto it = std::find_if(
      drawn.begin(), drawn.end(), [](const auto& l) { return l.id == QLatin1String("xiaoban"); });
    QVERIFY(it != drawn.end());
    const tanhui::render::VectorSource& source = *it->vector;
    // The parcels as the analyses read them (GEOS-checked), to compare with.
    const QString file = m_dir + QLatin1Char('/') + m_project.layer(QStringLiteral("xiaoban"))->path;
    tanhui::gis::ParcelReadOptions ro;
    ro.open.encodingOverride = m_project.layer(QStringLiteral("xiaoban"))->encoding.toStdString();
    const tanhui::gis::ParcelSet parcels = tanhui::gis::readParcels(file.toStdString(), ro);
    // A parcel (not repaired) whose bounding-box centre lies inside it, so identify hits it.
    std::size_t pick = 0;
    double x = 0, y = 0;
    bool found = false;
    for (std::size_t k = 40; k < parcels.parcels.size() && !found; ++k) {
        const auto& p = parcels.parcels[k];
        if (p.repaired)
            continue;
        const tanhui::gis::Box b = p.geometry.bounds();
        x = 0.5 * (b.xmin + b.xmax);
        y = 0.5 * (b.ymin + b.ymax);
        const auto hits = source.featuresAt(x, y);
        found = hits.size() == 1 && source.fid(hits.front()) == p.fid;
        pick = k;
    }
    QVERIFY(found);
    QVERIFY(window.identifyAt(x, y) >= 1);
    const tanhui::models::ParcelSeries& series = window.lastParcelSeries();
    int ndviLayers = 0, landCoverLayers = 0;
    for (const auto& l : m_project.layers) {
        ndviLayers += l.role == QLatin1String("ndvi") && l.year > 0;
        landCoverLayers += l.role == QLatin1String("landcover") && l.year > 0;
    }
    QCOMPARE(int(series.continuous.size()), ndviLayers);
    QCOMPARE(int(series.classes.size()), landCoverLayers);
    QVERIFY(ndviLayers >= 5 && landCoverLayers >= 2);

    // The same parcel through the zonal engine, from the file's own geometry: equal means and areas.
    tanhui::gis::ParcelSet one;
    one.crs = parcels.crs;
    one.parcels.push_back(parcels.parcels[pick]);
    std::vector<tanhui::gis::ZonalBand> bands;
    const auto inputs = tanhui::models::projectSeriesInputs(m_project);
    for (const auto& in : inputs)
        tanhui::gis::appendRasterBands(in.path.toStdString(), bands, in.id.toStdString());
    tanhui::gis::ZonalOptions zo;
    zo.stats =
      tanhui::gis::Stat::Count | tanhui::gis::Stat::Sum | tanhui::gis::Stat::Mean | tanhui::gis::Stat::Area;
    const tanhui::gis::ZonalResult z = tanhui::gis::runZonal(one, bands, zo);
    std::size_t c = 0, k = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const tanhui::gis::ZonalStats& st = z.stats[0][i];
        if (inputs[i].kind == tanhui::models::SeriesInput::Kind::Continuous) {
            const auto& p = series.continuous[c++];
            QCOMPARE(p.year, inputs[i].year);
            if (std::isnan(st.mean))
                QVERIFY(std::isnan(p.mean));
            else
                QVERIFY2(std::abs(p.mean - st.mean) <= 1e-9 * std::max(1.0, std::abs(st.mean)),
                         qPrintable(QStringLiteral("%1: %2 vs %3").arg(p.year).arg(p.mean).arg(st.mean)));
        } else {
            const auto& p = series.classes[k++];
            double sum = 0;
            for (const auto& cl : p.classes) {
                sum += cl.areaM2;
                QVERIFY2(std::abs(cl.areaM2 - st.classAreaM2(cl.value)) <=
                           1e-6 * std::max(1.0, st.validAreaM2),
                         qPrintable(QStringLiteral("%1 class %2: %3 vs %4")
                                      .arg(p.year)
                                      .arg(cl.value)
                                      .arg(cl.areaM2)
                                      .arg(st.classAreaM2(cl.value))));
            }
            QVERIFY(std::abs(sum - p.validAreaM2) <= 1e-6 * p.validAreaM2); // shares add up to 100 %
        }
    }

    // The charts: one point per date with a value, one bar per land-cover date.
    tanhui::gui::ParcelSeriesView* view = window.parcelSeriesView();
    int points = 0;
    for (QAbstractSeries* sr : view->ndviChart()->series())
        if (auto* scatter = qobject_cast<QScatterSeries*>(sr))
            points = int(scatter->count());
    int withValue = 0;
    for (const auto& p : series.continuous)
        withValue += !std::isnan(p.mean);
    QCOMPARE(points, withValue);
    QVERIFY(withValue >= 1);
    QCOMPARE(view->landCoverChart()->series().size(), 1);
    auto* bars = qobject_cast<QPercentBarSeries*>(view->landCoverChart()->series().front());
    QVERIFY(bars && bars->count() >= 1);
    for (QBarSet* set : bars->barSets())
        QCOMPARE(int(set->count()), landCoverLayers);
}

void TestMapWorkspace::playOpacityCrsAndRecent() {
    MainWindow window;
    QVERIFY(openSample(window));
    // Recent projects: the sample, first.
    QCOMPARE(window.recentProjects().value(0),
             QFileInfo(m_dir + QStringLiteral("/project.tanhui.json")).absoluteFilePath());

    // Play steps through every date and stops at the last.
    const int first = window.currentYear();
    QVERIFY(first > 0);
    window.setPlaying(true, 30);
    QVERIFY(window.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!window.isPlaying(), 20000);
    int last = 0;
    for (const auto& l : m_project.layers)
        if (l.role == QLatin1String("landcover"))
            last = std::max(last, l.year);
    QCOMPARE(window.currentYear(), last);

    // Opacity 50 %: a land-cover cell is drawn halfway between its class colour and the white paper.
    auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
    const QString lcId = QStringLiteral("landcover_%1").arg(last);
    showOnly(list, { lcId });
    MapCanvas* canvas = window.mapCanvas();
    QVERIFY(canvas->waitForFrame());
    double x = 0, y = 0;
    int c1 = 0, c2 = 0;
    QVERIFY(changedCell(first, last, x, y, c1, c2));
    const QRgb opaque = pixelAt(canvas, x, y);
    QVERIFY(window.setLayerOpacity(lcId, 0.5));
    QVERIFY(canvas->waitForFrame());
    const QRgb half = pixelAt(canvas, x, y);
    const QRgb expected =
      qRgb((qRed(opaque) + 255) / 2, (qGreen(opaque) + 255) / 2, (qBlue(opaque) + 255) / 2);
    QVERIFY2(near(half, expected, 3), qPrintable(hex(half) + QStringLiteral(" vs ") + hex(expected)));

    // The map CRS changes to geographic CGCS2000; parcels are re-read into it and still identified.
    showOnly(list, { QStringLiteral("xiaoban") });
    const auto& before = canvas->layers();
    const auto it = std::find_if(
      before.begin(), before.end(), [](const auto& l) { return l.id == QLatin1String("xiaoban"); });
    QVERIFY(it != before.end());
    const auto feature = std::uint32_t(10);
    const tanhui::gis::Box b = it->vector->bounds(feature);
    std::vector<double> centre{ 0.5 * (b.xmin + b.xmax), 0.5 * (b.ymin + b.ymax) };
    const std::vector<std::uint32_t> hitsBefore = it->vector->featuresAt(centre[0], centre[1]);
    QVERIFY(window.setMapCrs(QStringLiteral("EPSG:4490")));
    QVERIFY(canvas->crs().isGeographic());
    QVERIFY(canvas->waitForFrame());
    const auto& after = canvas->layers();
    const auto jt = std::find_if(
      after.begin(), after.end(), [](const auto& l) { return l.id == QLatin1String("xiaoban"); });
    QVERIFY(jt != after.end());
    QVERIFY(jt->vector->crs().isGeographic());
    const tanhui::gis::Box e = jt->vector->extent();
    QVERIFY2(e.xmin > 112 && e.xmax < 115 && e.ymin > 22 && e.ymax < 25,
             "the parcels are in degrees of CGCS2000");
    tanhui::gis::CoordinateTransform(tanhui::gis::Crs::fromEpsg(4547), tanhui::gis::Crs::fromEpsg(4490))
      .transform(centre);
    QCOMPARE(jt->vector->featuresAt(centre[0], centre[1]), hitsBefore);
    // An unknown CRS is refused with a message and changes nothing.
    QString error;
    window.setErrorSink([&error](const QString& headline, const QString&) { error = headline; });
    QVERIFY(!window.setMapCrs(QStringLiteral("EPSG:999999")));
    QVERIFY(error.contains(QStringLiteral("EPSG:999999")));
    QVERIFY(canvas->crs().isGeographic());
}
