// SPDX-License-Identifier: GPL-3.0-or-later
// The Layer Styling dock (issue 12) on the sample project, driven through its widgets: parcels
// graduated by a numeric field (quantile limits against a direct computation, the colour of a drawn
// parcel), categorised by a field (every distinct value with its count, add and remove), raster
// pseudocolour min/max and stretch, paletted classes switched off and recoloured, live update and
// Apply, the legend following each change.
#include "TestUtil.h"
#include "WorkspaceTestUtil.h"
#include "app/gui/LayerEntry.h"
#include "app/gui/MainWindow.h"
#include "app/gui/MapCanvas.h"
#include "app/gui/StyleDock.h"
#include "gis/RasterDataset.h"
#include "models/project/Project.h"
#include "render/ColorRamp.h"
#include "render/RasterStyle.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using tanhui::gui::MainWindow;
using tanhui::gui::MapCanvas;
using tanhui::gui::StyleDock;

namespace {

using tanhui::test::hex;
using tanhui::test::pixelAt;
using tanhui::test::showOnly;

bool near(QRgb a, QRgb b, int tolerance = 3) {
    return tanhui::test::near(a, b, tolerance);
}

const tanhui::render::MapLayer* canvasLayer(MapCanvas* canvas, const QString& id) {
    for (const auto& l : canvas->layers())
        if (l.id == id)
            return &l;
    return nullptr;
}

/// The legend entry of the layer whose name starts with `id`.
QTreeWidgetItem* legendOf(MainWindow& window, const QString& id) {
    auto* legend = window.findChild<QTreeWidget*>(QStringLiteral("legendTree"));
    for (int i = 0; i < legend->topLevelItemCount(); ++i)
        if (legend->topLevelItem(i)->text(0).startsWith(id + QStringLiteral(" — ")))
            return legend->topLevelItem(i);
    return nullptr;
}

/// Type 7 quantile of sorted `v` at p (R's default), computed here independently of render/.
double quantile7(const std::vector<double>& v, double p) {
    const double h = double(v.size() - 1) * p;
    const auto lo = std::size_t(std::floor(h));
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (h - double(lo)) * (v[hi] - v[lo]);
}

void choose(QComboBox* combo, const QString& text) {
    const int i = combo->findText(text);
    QVERIFY2(i >= 0, qPrintable(text));
    combo->setCurrentIndex(i);
}

void chooseData(QComboBox* combo, int data) {
    const int i = combo->findData(data);
    QVERIFY(i >= 0);
    combo->setCurrentIndex(i);
}

} // namespace

class TestStyleDock : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_dir = tanhui::test::sampleProjectDir();
        if (m_dir.isEmpty())
            QSKIP("the sample project fixture is missing (run through ctest)");
        m_project = tanhui::models::Project::load(m_dir + QStringLiteral("/project.tanhui.json"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void menuAndShortcut();
    void graduatedQuantileParcels();
    void categorizedListsEveryValue();
    void rasterPseudocolorMinMax();
    void palettedClassesToggleAndRecolour();
    void multibandRgb();
    void liveUpdateOffNeedsApply();

private:
    bool openSample(MainWindow& window) const {
        window.setErrorSink([](const QString&, const QString&) {});
        window.resize(1300, 800);
        window.show();
        return QTest::qWaitForWindowExposed(&window) &&
               window.openFile(m_dir + QStringLiteral("/project.tanhui.json"));
    }
    /// Opens the dock on project layer `id` (Layer ▸ Style…).
    StyleDock* styleLayer(MainWindow& window, const QString& id) const {
        if (!window.setCurrentLayer(id))
            return nullptr;
        window.findChild<QAction*>(QStringLiteral("styleAction"))->trigger();
        StyleDock* dock = window.styleDock();
        return dock && dock->isVisible() && dock->layer() && dock->layer()->projectId == id ? dock : nullptr;
    }
    /// A parcel of `source` whose bounding-box centre lies inside it alone and which is at least 400 m
    /// across; its index, or −1.
    static long parcelWithCentre(const tanhui::render::VectorSource& source,
                                 std::size_t start,
                                 double& cx,
                                 double& cy) {
        for (std::size_t f = start; f < source.size(); f += 29) {
            const tanhui::gis::Box& b = source.bounds(f);
            cx = 0.5 * (b.xmin + b.xmax);
            cy = 0.5 * (b.ymin + b.ymax);
            const auto hits = source.featuresAt(cx, cy);
            if (hits.size() == 1 && hits[0] == f && b.width() >= 400 && b.height() >= 400)
                return long(f);
        }
        return -1;
    }
    QString m_dir;
    tanhui::models::Project m_project;
};

void TestStyleDock::menuAndShortcut() {
    MainWindow window;
    QVERIFY(openSample(window));
    auto* toggle = window.findChild<QAction*>(QStringLiteral("styleDockAction"));
    QVERIFY(toggle);
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::Key_F7));
    QVERIFY(!window.styleDock()->isVisible()); // hidden until asked for, as QGIS's panel
    toggle->trigger();
    QVERIFY(window.styleDock()->isVisible());
    // It follows the current layer.
    QVERIFY(window.setCurrentLayer(QStringLiteral("districts")));
    QCOMPARE(window.styleDock()->layer()->projectId, QStringLiteral("districts"));
    QVERIFY(window.setCurrentLayer(QStringLiteral("landcover_2015")));
    QCOMPARE(window.styleDock()->layer()->projectId, QStringLiteral("landcover_2015"));
    QVERIFY(styleLayer(window, QStringLiteral("xiaoban")));
}

void TestStyleDock::graduatedQuantileParcels() {
    MainWindow window;
    QVERIFY(openSample(window));
    auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
    showOnly(list, { QStringLiteral("xiaoban") });
    StyleDock* dock = styleLayer(window, QStringLiteral("xiaoban"));
    QVERIFY(dock);
    const QString field = QStringLiteral("每公顷蓄积"); // growing stock, m³/ha
    dock->findChild<QSpinBox*>(QStringLiteral("styleOpacitySpin"))->setValue(100);
    chooseData(dock->findChild<QComboBox*>(QStringLiteral("vectorKindCombo")),
               int(tanhui::render::VectorStyle::Kind::Graduated));
    auto* fieldCombo = dock->findChild<QComboBox*>(QStringLiteral("fieldCombo"));
    QVERIFY(fieldCombo->findText(QStringLiteral("优势树种")) < 0); // text fields are not offered
    choose(fieldCombo, field);
    chooseData(dock->findChild<QComboBox*>(QStringLiteral("methodCombo")),
               int(tanhui::render::ClassMethod::Quantile));
    dock->findChild<QSpinBox*>(QStringLiteral("classCountSpin"))->setValue(5);

    // The limits are type 7 quantiles of the field's values, computed here directly.
    MapCanvas* canvas = window.mapCanvas();
    const tanhui::render::MapLayer* layer = canvasLayer(canvas, QStringLiteral("xiaoban"));
    QVERIFY(layer && layer->vector);
    const auto& source = *layer->vector;
    const int index = source.fieldIndex(field);
    QVERIFY(index >= 0);
    std::vector<double> values;
    for (std::size_t f = 0; f < source.size(); ++f)
        if (!source.attribute(f, index).isNull())
            values.push_back(source.attribute(f, index).toDouble());
    std::sort(values.begin(), values.end());
    QVERIFY(values.size() > 50);
    const auto& style = layer->vectorStyle; // what the canvas draws: applied live
    QCOMPARE(style.kind, tanhui::render::VectorStyle::Kind::Graduated);
    QCOMPARE(style.field, field);
    QCOMPARE(style.ranges.size(), std::size_t(5));
    QCOMPARE(style.ranges.front().lower, values.front());
    QCOMPARE(style.ranges.back().upper, values.back());
    for (int i = 1; i < 5; ++i) {
        const double q = quantile7(values, i / 5.0);
        QVERIFY2(
          std::abs(style.ranges[std::size_t(i - 1)].upper - q) < 1e-9 &&
            std::abs(style.ranges[std::size_t(i)].lower - q) < 1e-9,
          qPrintable(
            QStringLiteral("limit %1: %2 vs %3").arg(i).arg(style.ranges[std::size_t(i)].lower).arg(q)));
    }
    // The list shows each class's limits and count; about a fifth of the parcels each.
    auto* tree = dock->findChild<QTreeWidget*>(QStringLiteral("rangeTree"));
    QCOMPARE(tree->topLevelItemCount(), 5);
    std::size_t total = 0;
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(tree->topLevelItem(i)->text(0), style.ranges[std::size_t(i)].label);
        QVERIFY(style.ranges[std::size_t(i)].label.contains(QStringLiteral(" – ")));
        const std::size_t n = dock->rangeCounts()[std::size_t(i)];
        QCOMPARE(tree->topLevelItem(i)->text(1), QLocale().toString(qulonglong(n)));
        total += n;
    }
    QCOMPARE(total, values.size());
    // The legend lists the five classes.
    QTreeWidgetItem* legend = legendOf(window, QStringLiteral("xiaoban"));
    QVERIFY(legend);
    QCOMPARE(legend->childCount(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(legend->child(i)->text(0), style.ranges[std::size_t(i)].label);

    // A parcel is drawn in its class's colour (opacity 100 %).
    double cx = 0, cy = 0;
    int checked = 0;
    for (long f = parcelWithCentre(source, 0, cx, cy); f >= 0 && checked < 3;
         f = parcelWithCentre(source, std::size_t(f) + 1, cx, cy)) {
        const QVariant v = source.attribute(std::size_t(f), index);
        const tanhui::render::FillSymbol* symbol = style.symbolFor(v);
        if (!symbol)
            continue;
        canvas->setExtent({ cx - 150, cy - 150, cx + 150, cy + 150 });
        QVERIFY(canvas->waitForFrame());
        QVERIFY2(near(pixelAt(canvas, cx, cy), symbol->fill.rgb()),
                 qPrintable(QStringLiteral("%1 = %2: %3 vs %4")
                              .arg(source.fid(std::size_t(f)))
                              .arg(v.toDouble())
                              .arg(hex(pixelAt(canvas, cx, cy)), symbol->fill.name())));
        ++checked;
    }
    QVERIFY(checked >= 2);

    // Natural breaks and equal interval change the limits; equal interval's are evenly spaced.
    chooseData(dock->findChild<QComboBox*>(QStringLiteral("methodCombo")),
               int(tanhui::render::ClassMethod::EqualInterval));
    const auto& equal = canvasLayer(canvas, QStringLiteral("xiaoban"))->vectorStyle.ranges;
    QCOMPARE(equal.size(), std::size_t(5));
    const double width = (values.back() - values.front()) / 5;
    for (std::size_t i = 0; i < 5; ++i)
        QVERIFY(std::abs(equal[i].upper - equal[i].lower - width) < 1e-9 * std::max(1.0, width));
    chooseData(dock->findChild<QComboBox*>(QStringLiteral("methodCombo")),
               int(tanhui::render::ClassMethod::NaturalBreaks));
    QCOMPARE(canvasLayer(canvas, QStringLiteral("xiaoban"))->vectorStyle.ranges.size(), std::size_t(5));
    // Labels by field, with a font size.
    dock->findChild<QCheckBox*>(QStringLiteral("labelsCheck"))->setChecked(true);
    choose(dock->findChild<QComboBox*>(QStringLiteral("labelFieldCombo")), QStringLiteral("小班号"));
    dock->findChild<QDoubleSpinBox*>(QStringLiteral("labelSizeSpin"))->setValue(11);
    QCOMPARE(canvasLayer(canvas, QStringLiteral("xiaoban"))->vectorStyle.labelField,
             QStringLiteral("小班号"));
    QCOMPARE(canvasLayer(canvas, QStringLiteral("xiaoban"))->vectorStyle.labelSizePt, 11.0);
    dock->findChild<QCheckBox*>(QStringLiteral("labelsCheck"))->setChecked(false);
    QVERIFY(canvasLayer(canvas, QStringLiteral("xiaoban"))->vectorStyle.labelField.isEmpty());
}

void TestStyleDock::categorizedListsEveryValue() {
    MainWindow window;
    QVERIFY(openSample(window));
    auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
    showOnly(list, { QStringLiteral("xiaoban") });
    StyleDock* dock = styleLayer(window, QStringLiteral("xiaoban"));
    QVERIFY(dock);
    dock->findChild<QSpinBox*>(QStringLiteral("styleOpacitySpin"))->setValue(100);
    const QString field = QStringLiteral("优势树种"); // dominant species
    // The sample opens categorised by ecosystem type; switch the field.
    QCOMPARE(dock->vectorStyle().kind, tanhui::render::VectorStyle::Kind::Categorized);
    choose(dock->findChild<QComboBox*>(QStringLiteral("fieldCombo")), field);
    MapCanvas* canvas = window.mapCanvas();
    const tanhui::render::MapLayer* layer = canvasLayer(canvas, QStringLiteral("xiaoban"));
    const auto& source = *layer->vector;
    const int index = source.fieldIndex(field);
    std::map<QString, std::size_t> expected;
    for (std::size_t f = 0; f < source.size(); ++f)
        ++expected[source.attribute(f, index).isNull() ? QString() : source.attribute(f, index).toString()];
    QVERIFY(expected.size() >= 3);
    const auto& style = canvasLayer(canvas, QStringLiteral("xiaoban"))->vectorStyle;
    QCOMPARE(style.field, field);
    QCOMPARE(style.categories.size(), expected.size());
    auto* tree = dock->findChild<QTreeWidget*>(QStringLiteral("categoryTree"));
    QCOMPARE(tree->topLevelItemCount(), int(expected.size()));
    std::set<QColor, bool (*)(const QColor&, const QColor&)> colours(
      [](const QColor& a, const QColor& b) { return a.rgba() < b.rgba(); });
    for (std::size_t i = 0; i < style.categories.size(); ++i) {
        const auto& c = style.categories[i];
        QVERIFY2(expected.count(c.value), qPrintable(c.value));
        QCOMPARE(tree->topLevelItem(int(i))->text(2), QLocale().toString(qulonglong(expected[c.value])));
        QCOMPARE(dock->categoryCounts()[i], expected[c.value]);
        colours.insert(c.symbol.fill);
    }
    QCOMPARE(colours.size(), expected.size()); // every class its own colour
    QTreeWidgetItem* legend = legendOf(window, QStringLiteral("xiaoban"));
    QVERIFY(legend);
    QCOMPARE(legend->childCount(), int(std::min<std::size_t>(expected.size(), 40)));
    QCOMPARE(legend->child(0)->text(0), style.categories[0].label);

    // A parcel in its species' colour.
    double cx = 0, cy = 0;
    const long f = parcelWithCentre(source, 0, cx, cy);
    QVERIFY(f >= 0);
    const QString species = source.attribute(std::size_t(f), index).toString();
    canvas->setExtent({ cx - 150, cy - 150, cx + 150, cy + 150 });
    QVERIFY(canvas->waitForFrame());
    QVERIFY(near(pixelAt(canvas, cx, cy), style.symbolFor(species)->fill.rgb()));
    // Its class recoloured: the parcel follows.
    int row = -1;
    for (std::size_t i = 0; i < style.categories.size(); ++i)
        if (style.categories[i].value == species)
            row = int(i);
    dock->setItemColor(row, QColor(250, 0, 250));
    QVERIFY(canvas->waitForFrame());
    QVERIFY2(near(pixelAt(canvas, cx, cy), qRgb(250, 0, 250)), qPrintable(hex(pixelAt(canvas, cx, cy))));
    // Removed: the parcel is no longer drawn (white); added back: drawn again, in a palette colour.
    tree->clearSelection();
    tree->topLevelItem(row)->setSelected(true);
    dock->findChild<QPushButton*>(QStringLiteral("removeCategoryButton"))->click();
    QCOMPARE(canvasLayer(canvas, QStringLiteral("xiaoban"))->vectorStyle.categories.size(),
             expected.size() - 1);
    QCOMPARE(tree->topLevelItemCount(), int(expected.size()) - 1);
    QVERIFY(canvas->waitForFrame());
    QVERIFY(near(pixelAt(canvas, cx, cy), qRgb(255, 255, 255)));
    QVERIFY(dock->addCategory(species));
    QVERIFY(!dock->addCategory(species)); // once only
    QCOMPARE(canvasLayer(canvas, QStringLiteral("xiaoban"))->vectorStyle.categories.size(), expected.size());
    QCOMPARE(dock->categoryCounts().back(), expected[species]);
    QVERIFY(canvas->waitForFrame());
    QVERIFY(!near(pixelAt(canvas, cx, cy), qRgb(255, 255, 255)));
    // Single symbol: fill, outline colour and width.
    chooseData(dock->findChild<QComboBox*>(QStringLiteral("vectorKindCombo")),
               int(tanhui::render::VectorStyle::Kind::Single));
    dock->setFillColor(QColor(10, 120, 200));
    dock->setStrokeColor(QColor(200, 0, 0));
    dock->findChild<QDoubleSpinBox*>(QStringLiteral("strokeWidthSpin"))->setValue(0.5);
    const auto& single = canvasLayer(canvas, QStringLiteral("xiaoban"))->vectorStyle;
    QCOMPARE(single.kind, tanhui::render::VectorStyle::Kind::Single);
    QCOMPARE(single.symbol.stroke, QColor(200, 0, 0));
    QCOMPARE(single.symbol.strokeWidthMm, 0.5);
    QVERIFY(canvas->waitForFrame());
    QVERIFY(near(pixelAt(canvas, cx, cy), qRgb(10, 120, 200)));
}

void TestStyleDock::rasterPseudocolorMinMax() {
    MainWindow window;
    QVERIFY(openSample(window));
    auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
    showOnly(list, { QStringLiteral("ndvi_2015") });
    StyleDock* dock = styleLayer(window, QStringLiteral("ndvi_2015"));
    QVERIFY(dock);
    QCOMPARE(dock->rasterStyle().kind, tanhui::render::RasterStyle::Kind::Pseudocolor);
    // A cell in the middle of the raster, viewed at about a cell per pixel.
    const QString path = m_dir + QStringLiteral("/rasters/ndvi_2015.tif");
    tanhui::gis::RasterDataset raster(path.toStdString());
    const tanhui::gis::Grid& g = raster.info().grid;
    std::vector<double> v;
    std::vector<unsigned char> valid;
    int r = g.rows / 2, c = g.cols / 2;
    for (;; c += 7) {
        QVERIFY(c < g.cols);
        raster.read(1, tanhui::gis::Window{ r, c, 1, 1 }, v, valid);
        if (valid[0])
            break;
    }
    const double value = v[0];
    const double x = g.originX + (c + 0.5) * g.cellWidth, y = g.originY - (r + 0.5) * g.cellHeight;
    MapCanvas* canvas = window.mapCanvas();
    canvas->setExtent(
      { x - 20 * g.cellWidth, y - 20 * g.cellWidth, x + 20 * g.cellWidth, y + 20 * g.cellWidth });
    auto* minSpin = dock->findChild<QDoubleSpinBox*>(QStringLiteral("minSpin"));
    auto* maxSpin = dock->findChild<QDoubleSpinBox*>(QStringLiteral("maxSpin"));
    choose(dock->findChild<QComboBox*>(QStringLiteral("rasterRampCombo")), QStringLiteral("NDVI"));
    const tanhui::render::ColorRamp ramp = tanhui::render::ColorRamp::named(QStringLiteral("ndvi"));
    // The value in the middle of [min, max]: the ramp's middle colour.
    minSpin->setValue(value - 1);
    maxSpin->setValue(value + 1);
    QVERIFY(canvas->waitForFrame());
    QVERIFY2(near(pixelAt(canvas, x, y), ramp.at(0.5).rgb()),
             qPrintable(hex(pixelAt(canvas, x, y)) + QStringLiteral(" vs ") + ramp.at(0.5).name()));
    // Below min: the ramp's first colour.
    maxSpin->setValue(value + 0.2);
    minSpin->setValue(value + 0.1);
    // (The spin boxes keep four decimals.)
    QVERIFY(std::abs(canvasLayer(canvas, QStringLiteral("ndvi_2015"))->rasterStyle.min - (value + 0.1)) <
            1e-4);
    QVERIFY(canvas->waitForFrame());
    QVERIFY2(near(pixelAt(canvas, x, y), ramp.at(0).rgb()), qPrintable(hex(pixelAt(canvas, x, y))));
    // Inverted: the ramp's last colour.
    dock->findChild<QCheckBox*>(QStringLiteral("rasterInvertCheck"))->setChecked(true);
    QVERIFY(canvas->waitForFrame());
    QVERIFY2(near(pixelAt(canvas, x, y), ramp.at(1).rgb()), qPrintable(hex(pixelAt(canvas, x, y))));
    // The legend shows the new range.
    QTreeWidgetItem* legend = legendOf(window, QStringLiteral("ndvi_2015"));
    QVERIFY(legend);
    QVERIFY2(legend->child(0)->text(0).startsWith(QLocale().toString(value + 0.1, 'g', 4)),
             qPrintable(legend->child(0)->text(0)));
    // Load: min and max from the raster, cumulative cut 2–98 % and min/max, as render computes them.
    auto* load = dock->findChild<QPushButton*>(QStringLiteral("loadStretchButton"));
    chooseData(dock->findChild<QComboBox*>(QStringLiteral("stretchKindCombo")),
               int(tanhui::render::StretchKind::CumulativeCut));
    load->click();
    const auto cut =
      tanhui::render::computeStretch(raster, 1, tanhui::render::StretchKind::CumulativeCut, 2, 98);
    QCOMPARE(canvasLayer(canvas, QStringLiteral("ndvi_2015"))->rasterStyle.min, cut.first);
    QCOMPARE(canvasLayer(canvas, QStringLiteral("ndvi_2015"))->rasterStyle.max, cut.second);
    QCOMPARE(minSpin->value(), std::round(cut.first * 1e4) / 1e4);
    chooseData(dock->findChild<QComboBox*>(QStringLiteral("stretchKindCombo")),
               int(tanhui::render::StretchKind::MinMax));
    load->click();
    const auto mm = tanhui::render::computeStretch(raster, 1, tanhui::render::StretchKind::MinMax);
    QCOMPARE(canvasLayer(canvas, QStringLiteral("ndvi_2015"))->rasterStyle.max, mm.second);
    QVERIFY(mm.second >= cut.second && mm.first <= cut.first);
    // Opacity 40 % over white.
    dock->findChild<QSpinBox*>(QStringLiteral("styleOpacitySpin"))->setValue(40);
    QCOMPARE(canvasLayer(canvas, QStringLiteral("ndvi_2015"))->rasterStyle.opacity, 0.4);
}

void TestStyleDock::palettedClassesToggleAndRecolour() {
    MainWindow window;
    QVERIFY(openSample(window));
    auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
    showOnly(list, { QStringLiteral("landcover_2015") });
    StyleDock* dock = styleLayer(window, QStringLiteral("landcover_2015"));
    QVERIFY(dock);
    QCOMPARE(dock->rasterStyle().kind, tanhui::render::RasterStyle::Kind::Paletted);
    // The project's classes, named in the interface language.
    auto* tree = dock->findChild<QTreeWidget*>(QStringLiteral("classTree"));
    QCOMPARE(tree->topLevelItemCount(), int(m_project.classes.size()));
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const auto& pc = m_project.classes[std::size_t(i)];
        QCOMPARE(tree->topLevelItem(i)->text(1),
                 QLocale().name().startsWith(QLatin1String("zh")) ? pc.nameZh : pc.nameEn);
    }
    // A 9 × 9 block of one class, viewed at about a cell per pixel.
    tanhui::gis::RasterDataset raster((m_dir + QStringLiteral("/rasters/landcover_2015.tif")).toStdString());
    const tanhui::gis::Grid& g = raster.info().grid;
    std::vector<double> v;
    std::vector<unsigned char> valid;
    double x = 0, y = 0;
    int code = -1;
    for (int r0 = 100; r0 + 9 < g.rows && code < 0; r0 += 37)
        for (int c0 = 100; c0 + 9 < g.cols && code < 0; c0 += 41) {
            raster.read(1, tanhui::gis::Window{ r0, c0, 9, 9 }, v, valid);
            bool uniform = true;
            for (std::size_t i = 0; i < v.size() && uniform; ++i)
                uniform = valid[i] && v[i] == v[0];
            if (uniform) {
                code = int(v[0]);
                x = g.originX + (c0 + 4.5) * g.cellWidth;
                y = g.originY - (r0 + 4.5) * g.cellHeight;
            }
        }
    QVERIFY(code >= 0);
    int row = -1;
    for (std::size_t i = 0; i < m_project.classes.size(); ++i)
        if (m_project.classes[i].code == code)
            row = int(i);
    QVERIFY(row >= 0);
    MapCanvas* canvas = window.mapCanvas();
    canvas->setExtent({ x - 300, y - 300, x + 300, y + 300 });
    QVERIFY(canvas->waitForFrame());
    QVERIFY(near(pixelAt(canvas, x, y), QColor(m_project.classes[std::size_t(row)].color).rgb()));
    // Untick the class: its cells are transparent and it leaves the legend.
    tree->topLevelItem(row)->setCheckState(0, Qt::Unchecked);
    QVERIFY(
      !canvasLayer(canvas, QStringLiteral("landcover_2015"))->rasterStyle.classes[std::size_t(row)].visible);
    QVERIFY(canvas->waitForFrame());
    QVERIFY2(near(pixelAt(canvas, x, y), qRgb(255, 255, 255)), qPrintable(hex(pixelAt(canvas, x, y))));
    QTreeWidgetItem* legend = legendOf(window, QStringLiteral("landcover_2015"));
    QVERIFY(legend);
    QCOMPARE(legend->childCount(), int(m_project.classes.size()) - 1);
    // Tick it again and give it another colour.
    tree->topLevelItem(row)->setCheckState(0, Qt::Checked);
    dock->setClassColor(row, QColor(255, 0, 255));
    QVERIFY(canvas->waitForFrame());
    QVERIFY2(near(pixelAt(canvas, x, y), qRgb(255, 0, 255)), qPrintable(hex(pixelAt(canvas, x, y))));
    legend = legendOf(window, QStringLiteral("landcover_2015"));
    QCOMPARE(legend->childCount(), int(m_project.classes.size()));
    // Classes from the file's colour table (the sample writes one) and from the distinct values.
    chooseData(dock->findChild<QComboBox*>(QStringLiteral("classSourceCombo")),
               int(StyleDock::ClassSource::ColorTable));
    dock->findChild<QPushButton*>(QStringLiteral("classifyRasterButton"))->click();
    QVERIFY(!dock->rasterStyle().classes.empty());
    QVERIFY(dock->classifyRaster(StyleDock::ClassSource::UniqueValues));
    const auto& classes = canvasLayer(canvas, QStringLiteral("landcover_2015"))->rasterStyle.classes;
    QVERIFY(std::any_of(classes.begin(), classes.end(), [code](const auto& c) { return c.value == code; }));
    QCOMPARE(tree->topLevelItemCount(), int(classes.size()));
    // Pseudocolour from paletted: min and max loaded from the raster.
    chooseData(dock->findChild<QComboBox*>(QStringLiteral("rasterKindCombo")),
               int(tanhui::render::RasterStyle::Kind::Pseudocolor));
    const auto& pc = canvasLayer(canvas, QStringLiteral("landcover_2015"))->rasterStyle;
    QCOMPARE(pc.kind, tanhui::render::RasterStyle::Kind::Pseudocolor);
    QVERIFY(pc.max > pc.min);
}

void TestStyleDock::multibandRgb() {
    // The NDVI stack (one band per year) as RGB: 2015, 2020 and 2024 as red, green and blue.
    MainWindow window;
    QVERIFY(openSample(window));
    auto* list = window.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
    showOnly(list, { QStringLiteral("ndvi_stack") });
    StyleDock* dock = styleLayer(window, QStringLiteral("ndvi_stack"));
    QVERIFY(dock);
    chooseData(dock->findChild<QComboBox*>(QStringLiteral("rasterKindCombo")),
               int(tanhui::render::RasterStyle::Kind::Rgb));
    chooseData(dock->findChild<QComboBox*>(QStringLiteral("greenBandCombo")), 6);
    chooseData(dock->findChild<QComboBox*>(QStringLiteral("blueBandCombo")), 10);
    chooseData(dock->findChild<QComboBox*>(QStringLiteral("stretchKindCombo")),
               int(tanhui::render::StretchKind::MinMax));
    dock->findChild<QPushButton*>(QStringLiteral("loadStretchButton"))->click();
    MapCanvas* canvas = window.mapCanvas();
    const auto& style = canvasLayer(canvas, QStringLiteral("ndvi_stack"))->rasterStyle;
    QCOMPARE(style.kind, tanhui::render::RasterStyle::Kind::Rgb);
    QCOMPARE(style.red, 1);
    QCOMPARE(style.green, 6);
    QCOMPARE(style.blue, 10);
    // Min and max over the three bands.
    tanhui::gis::RasterDataset raster((m_dir + QStringLiteral("/rasters/ndvi_2015-2024.tif")).toStdString());
    double lo = 1e300, hi = -1e300;
    for (int band : { 1, 6, 10 }) {
        const auto [l, h] = tanhui::render::computeStretch(raster, band, tanhui::render::StretchKind::MinMax);
        lo = std::min(lo, l);
        hi = std::max(hi, h);
    }
    QCOMPARE(style.min, lo);
    QCOMPARE(style.max, hi);
    // A cell's colour: each band stretched between min and max.
    const tanhui::gis::Grid& g = raster.info().grid;
    const int r = g.rows / 3;
    int c = g.cols / 3;
    double channel[3] = { 0, 0, 0 };
    for (bool found = false; !found; c += 5) { // a cell valid in the three bands
        QVERIFY(c < g.cols);
        found = true;
        int i = 0;
        for (int band : { 1, 6, 10 }) {
            std::vector<double> v;
            std::vector<unsigned char> valid;
            raster.read(band, tanhui::gis::Window{ r, c, 1, 1 }, v, valid);
            found = found && valid[0];
            channel[i++] = valid[0] ? 255.0 * std::clamp((v[0] - lo) / (hi - lo), 0.0, 1.0) : 0.0;
        }
        if (found)
            break;
    }
    const double x = g.originX + (c + 0.5) * g.cellWidth, y = g.originY - (r + 0.5) * g.cellHeight;
    canvas->setExtent(
      { x - 20 * g.cellWidth, y - 20 * g.cellWidth, x + 20 * g.cellWidth, y + 20 * g.cellWidth });
    QVERIFY(canvas->waitForFrame());
    const QRgb expected =
      qRgb(int(std::lround(channel[0])), int(std::lround(channel[1])), int(std::lround(channel[2])));
    QVERIFY2(near(pixelAt(canvas, x, y), expected, 2),
             qPrintable(hex(pixelAt(canvas, x, y)) + QStringLiteral(" vs ") + hex(expected)));
    // RGB has no legend ramp; the legend still lists the layer.
    QVERIFY(legendOf(window, QStringLiteral("ndvi_stack")));
}

void TestStyleDock::liveUpdateOffNeedsApply() {
    MainWindow window;
    QVERIFY(openSample(window));
    StyleDock* dock = styleLayer(window, QStringLiteral("districts"));
    QVERIFY(dock);
    MapCanvas* canvas = window.mapCanvas();
    auto* apply = dock->findChild<QPushButton*>(QStringLiteral("styleApplyButton"));
    QVERIFY(!apply->isEnabled());
    dock->findChild<QCheckBox*>(QStringLiteral("liveUpdateCheck"))->setChecked(false);
    QVERIFY(apply->isEnabled());
    dock->findChild<QSpinBox*>(QStringLiteral("styleOpacitySpin"))->setValue(30);
    QCOMPARE(canvasLayer(canvas, QStringLiteral("districts"))->vectorStyle.opacity, 1.0); // not yet
    apply->click();
    QCOMPARE(canvasLayer(canvas, QStringLiteral("districts"))->vectorStyle.opacity, 0.3);
    // Layer ▸ Opacity… elsewhere: the dock shows the new value.
    QVERIFY(window.setLayerOpacity(QStringLiteral("districts"), 0.8));
    QCOMPARE(dock->findChild<QSpinBox*>(QStringLiteral("styleOpacitySpin"))->value(), 80);
}

QTEST_MAIN(TestStyleDock)
#include "tst_styledock.moc"
