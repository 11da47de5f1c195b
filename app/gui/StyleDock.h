// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/Classification.h"
#include "render/RasterStyle.h"
#include "render/StyleTools.h"
#include "render/VectorStyle.h"

#include <QDockWidget>
#include <QString>

#include <functional>
#include <map>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QVBoxLayout;
class QStackedWidget;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;
class QWidget;

namespace tanhui::models {
class Project;
}

namespace tanhui::gui {

struct LayerEntry;

/// @brief The Layer Styling dock (as QGIS's Layer Styling panel, F7): the current layer's style, every
/// change applied at once to the canvas and the legend ("Live update"; unticked, Apply applies).
///
/// Rasters: paletted classes (from the project's class table, the raster's colour table or its
/// distinct values; switch classes off, change their colours), single-band pseudocolour (band,
/// min/max typed or computed from the raster: min/max or cumulative cut; colour ramp, inverted) and
/// multiband RGB. Polygon layers: single symbol, categorised by a field (distinct values with their
/// counts; add and remove classes) and graduated by a numeric field (equal interval, quantile,
/// natural breaks; number of classes; colour ramp). Labels by field, opacity. The classification
/// maths are render/'s (Classification.h, StyleTools.h); the dock edits a copy of the layer's style
/// and writes it into the layer on apply.
class StyleDock : public QDockWidget {
    Q_OBJECT
public:
    /// Where a paletted raster's classes come from.
    enum class ClassSource { ProjectClasses, ColorTable, UniqueValues };

    explicit StyleDock(QWidget* parent = nullptr);
    ~StyleDock() override;

    /// Called after a style was written into the layer (the main window redraws and refreshes the legend).
    void setApplyCallback(std::function<void()> callback);
    /// Shows the style of `entry` (null, or a layer not on the map: nothing to style); `project` gives
    /// the class table for paletted rasters (may be null).
    void setLayer(LayerEntry* entry, const tanhui::models::Project* project);
    LayerEntry* layer() const { return m_entry; }
    /// Reads the style of `entry` again when the dock shows it (changed elsewhere, e.g. Layer ▸ Opacity).
    void reload(const LayerEntry* entry);

    /// The style being edited (what Apply writes into the layer).
    const tanhui::render::RasterStyle& rasterStyle() const { return m_raster; }
    const tanhui::render::VectorStyle& vectorStyle() const { return m_vector; }
    /// The count of features of each category / class, as the lists show them.
    std::vector<std::size_t> categoryCounts() const;
    std::vector<std::size_t> rangeCounts() const;

    bool liveUpdate() const;
    void setLiveUpdate(bool on);
    /// Writes the edited style into the layer and calls the apply callback.
    void apply();

    // What the colour buttons and dialogs do, callable without a dialog (scripts, tests).
    /// Colour of paletted class `index`.
    void setClassColor(int index, const QColor& color);
    /// Switches paletted class `index` on or off (its tick in the list).
    void setClassVisible(int index, bool visible);
    /// Replaces the paletted classes from `source`; false (with a message in the dock) when it has none.
    bool classifyRaster(ClassSource source);
    /// The single symbol's fill (Single), and the outline of every symbol.
    void setFillColor(const QColor& color);
    void setStrokeColor(const QColor& color);
    /// Colour of category `index` (Categorized) or class `index` (Graduated).
    void setItemColor(int index, const QColor& color);
    /// Adds a category for `value` (Categorized); false when it exists already.
    bool addCategory(const QString& value);
    /// Removes category `index` (Categorized).
    void removeCategory(int index);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void buildRasterPane();
    void buildVectorPane();
    void buildCategoryBox(QWidget* pane, QVBoxLayout* layout);
    void buildRangeBox(QWidget* pane, QVBoxLayout* layout);
    void buildLabelForm(QWidget* pane, QVBoxLayout* layout);
    void connectVectorPane();
    void fillRampCombos();
    /// Fills every widget from m_raster / m_vector (signals blocked).
    void populate();
    void populateClasses();
    void populateCategories();
    void populateRanges();
    void populateFields();
    /// The style changed: apply it when live.
    void changed();
    void showMessage(const QString& text);
    /// Shows pane `pane` (empty, raster, vector).
    void showPane(int pane);

    void onRasterKind();
    void onVectorKind();
    void loadStretch();
    void rampChosen(QComboBox* combo, QCheckBox* invert, tanhui::render::ColorRamp& target);
    void classifyCategories();
    void classifyRanges();
    void addCategoryInteractively();
    void removeSelectedCategories();
    QColor askColor(const QColor& initial, const QString& title);
    QString fieldName() const;

    LayerEntry* m_entry = nullptr;
    const tanhui::models::Project* m_project = nullptr;
    std::function<void()> m_callback;
    tanhui::render::RasterStyle m_raster;
    tanhui::render::VectorStyle m_vector;
    /// Counts of the current field's distinct values (Categorized).
    std::map<QString, std::size_t> m_valueCounts;
    /// Graduated settings per layer (a VectorStyle keeps the ranges only).
    struct Graduation {
        tanhui::render::ClassMethod method = tanhui::render::ClassMethod::Quantile;
        int classes = 5;
        QString ramp = QStringLiteral("carbon");
        bool inverted = false;
    };
    std::map<QString, Graduation> m_graduations;
    Graduation m_graduation;
    bool m_updating = false;
    bool m_widened = false;
    bool m_populatePending = false; ///< setLayer while hidden: populate() when shown

    QLabel* m_title = nullptr;
    QLabel* m_message = nullptr;
    QStackedWidget* m_panes = nullptr;
    QCheckBox* m_live = nullptr;
    QPushButton* m_apply = nullptr;
    QSlider* m_opacitySlider = nullptr;
    QSpinBox* m_opacitySpin = nullptr;
    QWidget* m_opacityRow = nullptr;

    // Raster pane
    QComboBox* m_rasterKind = nullptr;
    QFormLayout* m_rasterForm = nullptr;
    QComboBox* m_band = nullptr;
    QComboBox* m_red = nullptr;
    QComboBox* m_green = nullptr;
    QComboBox* m_blue = nullptr;
    QWidget* m_classBox = nullptr;
    QTreeWidget* m_classTree = nullptr;
    QComboBox* m_classSource = nullptr;
    QWidget* m_stretchBox = nullptr;
    QDoubleSpinBox* m_min = nullptr;
    QDoubleSpinBox* m_max = nullptr;
    QComboBox* m_stretchKind = nullptr;
    QDoubleSpinBox* m_cutLow = nullptr;
    QDoubleSpinBox* m_cutHigh = nullptr;
    QComboBox* m_rasterRamp = nullptr;
    QCheckBox* m_rasterInvert = nullptr;
    QLabel* m_nodata = nullptr;

    // Vector pane
    QComboBox* m_vectorKind = nullptr;
    QFormLayout* m_vectorForm = nullptr;
    QComboBox* m_field = nullptr;
    QToolButton* m_fillButton = nullptr;
    QToolButton* m_strokeButton = nullptr;
    QDoubleSpinBox* m_strokeWidth = nullptr;
    QWidget* m_categoryBox = nullptr;
    QTreeWidget* m_categoryTree = nullptr;
    QWidget* m_rangeBox = nullptr;
    QComboBox* m_method = nullptr;
    QSpinBox* m_classCount = nullptr;
    QComboBox* m_vectorRamp = nullptr;
    QCheckBox* m_vectorInvert = nullptr;
    QTreeWidget* m_rangeTree = nullptr;
    QCheckBox* m_labelsOn = nullptr;
    QComboBox* m_labelField = nullptr;
    QDoubleSpinBox* m_labelSize = nullptr;
};

} // namespace tanhui::gui
