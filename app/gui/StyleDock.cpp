// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/StyleDock.h"

#include "app/common/ErrorText.h"
#include "app/gui/LayerEntry.h"
#include "gis/Errors.h"
#include "models/project/Project.h"
#include "render/Legend.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMainWindow>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace tanhui::gui {

using tanhui::render::ClassMethod;
using tanhui::render::ColorRamp;
using tanhui::render::RasterStyle;
using tanhui::render::VectorStyle;

namespace {

enum Pane { EmptyPane = 0, RasterPane = 1, VectorPane = 2 };

QIcon swatch(const QColor& fill, const QColor& stroke = Qt::transparent) {
    tanhui::render::LegendItem item;
    item.fill = fill;
    item.stroke = stroke;
    return QIcon(QPixmap::fromImage(tanhui::render::legendSwatch(item, 28, 14)));
}

QIcon rampIcon(const ColorRamp& ramp) {
    tanhui::render::LegendItem item;
    item.isRamp = true;
    item.ramp = ramp;
    return QIcon(QPixmap::fromImage(tanhui::render::legendSwatch(item, 64, 14)));
}

/// A row of widgets as one form field.
QWidget* row(std::initializer_list<QWidget*> widgets, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : widgets)
        layout->addWidget(w);
    return box;
}

QDoubleSpinBox* valueSpin(QWidget* parent, const QString& objectName) {
    auto* spin = new QDoubleSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(-1e12, 1e12);
    spin->setDecimals(4);
    spin->setKeyboardTracking(false);
    spin->setMinimumWidth(90);
    return spin;
}

/// Lets a combo box shrink to a dozen characters (long field names or band descriptions would otherwise
/// widen the dock).
void shrinkable(QComboBox* combo) {
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(12);
}

int indexOfData(const QComboBox* combo, const QVariant& data) {
    return std::max(0, combo->findData(data));
}

} // namespace

StyleDock::StyleDock(QWidget* parent)
  : QDockWidget(tr("Layer Styling"), parent) {
    setObjectName(QStringLiteral("styleDock"));
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    m_title = new QLabel(content);
    m_title->setObjectName(QStringLiteral("styleTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);

    m_panes = new QStackedWidget(content);
    auto* empty = new QLabel(tr("Choose a layer on the map in the Layers panel to style it."), m_panes);
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_panes->addWidget(empty);
    buildRasterPane();
    buildVectorPane();
    layout->addWidget(m_panes, 1);

    m_opacitySlider = new QSlider(Qt::Horizontal, content);
    m_opacitySlider->setObjectName(QStringLiteral("styleOpacitySlider"));
    m_opacitySlider->setRange(0, 100);
    m_opacitySpin = new QSpinBox(content);
    m_opacitySpin->setObjectName(QStringLiteral("styleOpacitySpin"));
    m_opacitySpin->setRange(0, 100);
    m_opacitySpin->setSuffix(QStringLiteral(" %"));
    m_opacityRow = new QWidget(content);
    auto* opacityLayout = new QHBoxLayout(m_opacityRow);
    opacityLayout->setContentsMargins(0, 0, 0, 0);
    opacityLayout->addWidget(new QLabel(tr("Opacity"), m_opacityRow));
    opacityLayout->addWidget(m_opacitySlider, 1);
    opacityLayout->addWidget(m_opacitySpin);
    layout->addWidget(m_opacityRow);
    connect(m_opacitySlider, &QSlider::valueChanged, m_opacitySpin, &QSpinBox::setValue);
    connect(m_opacitySpin, &QSpinBox::valueChanged, this, [this](int percent) {
        const QSignalBlocker block(m_opacitySlider);
        m_opacitySlider->setValue(percent);
        if (m_updating)
            return;
        m_raster.opacity = m_vector.opacity = percent / 100.0;
        changed();
    });

    m_message = new QLabel(content);
    m_message->setObjectName(QStringLiteral("styleMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #a03020"));
    m_message->hide();
    layout->addWidget(m_message);

    m_live = new QCheckBox(tr("Live update"), content);
    m_live->setObjectName(QStringLiteral("liveUpdateCheck"));
    m_live->setChecked(true);
    m_live->setToolTip(tr("Apply every change to the map at once"));
    m_apply = new QPushButton(tr("Apply"), content);
    m_apply->setObjectName(QStringLiteral("styleApplyButton"));
    m_apply->setEnabled(false);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_live);
    bottom->addStretch(1);
    bottom->addWidget(m_apply);
    layout->addLayout(bottom);
    connect(m_live, &QCheckBox::toggled, this, [this](bool on) {
        m_apply->setEnabled(!on && m_entry);
        if (on && m_entry)
            apply();
    });
    connect(m_apply, &QPushButton::clicked, this, &StyleDock::apply);

    for (QComboBox* combo : content->findChildren<QComboBox*>())
        shrinkable(combo);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    setWidget(scroll);
    setLayer(nullptr, nullptr);
}

StyleDock::~StyleDock() = default;

void StyleDock::setApplyCallback(std::function<void()> callback) {
    m_callback = std::move(callback);
}

// ---------------------------------------------------------------------------------------------------
// Building the panes

void StyleDock::buildRasterPane() {
    auto* pane = new QWidget(m_panes);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    m_rasterForm = new QFormLayout;
    m_rasterForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_rasterKind = new QComboBox(pane);
    m_rasterKind->setObjectName(QStringLiteral("rasterKindCombo"));
    m_rasterKind->addItem(tr("Paletted / unique values"), int(RasterStyle::Kind::Paletted));
    m_rasterKind->addItem(tr("Singleband pseudocolor"), int(RasterStyle::Kind::Pseudocolor));
    m_rasterKind->addItem(tr("Multiband color (RGB)"), int(RasterStyle::Kind::Rgb));
    m_rasterForm->addRow(tr("Render type"), m_rasterKind);
    m_band = new QComboBox(pane);
    m_band->setObjectName(QStringLiteral("bandCombo"));
    m_rasterForm->addRow(tr("Band"), m_band);
    m_red = new QComboBox(pane);
    m_red->setObjectName(QStringLiteral("redBandCombo"));
    m_green = new QComboBox(pane);
    m_green->setObjectName(QStringLiteral("greenBandCombo"));
    m_blue = new QComboBox(pane);
    m_blue->setObjectName(QStringLiteral("blueBandCombo"));
    m_rasterForm->addRow(tr("Red band"), m_red);
    m_rasterForm->addRow(tr("Green band"), m_green);
    m_rasterForm->addRow(tr("Blue band"), m_blue);
    layout->addLayout(m_rasterForm);

    // Paletted classes.
    m_classBox = new QWidget(pane);
    auto* classLayout = new QVBoxLayout(m_classBox);
    classLayout->setContentsMargins(0, 0, 0, 0);
    m_classTree = new QTreeWidget(m_classBox);
    m_classTree->setObjectName(QStringLiteral("classTree"));
    m_classTree->setHeaderLabels({ tr("Value"), tr("Class name") });
    m_classTree->setRootIsDecorated(false);
    m_classTree->setIconSize(QSize(28, 14));
    m_classTree->setMinimumHeight(200);
    m_classTree->setToolTip(tr("Untick a class to hide it; double-click its colour to change it"));
    m_classTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    classLayout->addWidget(m_classTree, 1);
    m_classSource = new QComboBox(m_classBox);
    m_classSource->setObjectName(QStringLiteral("classSourceCombo"));
    m_classSource->addItem(tr("Project class table"), int(ClassSource::ProjectClasses));
    m_classSource->addItem(tr("Raster colour table"), int(ClassSource::ColorTable));
    m_classSource->addItem(tr("Unique values"), int(ClassSource::UniqueValues));
    auto* classify = new QPushButton(tr("Classify"), m_classBox);
    classify->setObjectName(QStringLiteral("classifyRasterButton"));
    classLayout->addWidget(row({ m_classSource, classify }, m_classBox));
    layout->addWidget(m_classBox, 1);
    connect(classify, &QPushButton::clicked, this, [this] {
        classifyRaster(ClassSource(m_classSource->currentData().toInt()));
    });
    connect(m_classTree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        if (m_updating || column != 0)
            return;
        setClassVisible(m_classTree->indexOfTopLevelItem(item), item->checkState(0) == Qt::Checked);
    });
    connect(m_classTree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item, int) {
        const int index = m_classTree->indexOfTopLevelItem(item);
        if (index < 0 || index >= int(m_raster.classes.size()))
            return;
        const QColor c = askColor(m_raster.classes[std::size_t(index)].color, tr("Class Colour"));
        if (c.isValid())
            setClassColor(index, c);
    });

    // Pseudocolour and RGB: the stretch, and the ramp.
    m_stretchBox = new QWidget(pane);
    auto* stretch = new QFormLayout(m_stretchBox);
    stretch->setContentsMargins(0, 0, 0, 0);
    stretch->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_min = valueSpin(m_stretchBox, QStringLiteral("minSpin"));
    m_max = valueSpin(m_stretchBox, QStringLiteral("maxSpin"));
    stretch->addRow(tr("Min"), m_min);
    stretch->addRow(tr("Max"), m_max);
    m_stretchKind = new QComboBox(m_stretchBox);
    m_stretchKind->setObjectName(QStringLiteral("stretchKindCombo"));
    m_stretchKind->addItem(tr("Min / max"), int(tanhui::render::StretchKind::MinMax));
    m_stretchKind->addItem(tr("Cumulative count cut"), int(tanhui::render::StretchKind::CumulativeCut));
    m_stretchKind->setCurrentIndex(1);
    stretch->addRow(tr("Min / max from"), m_stretchKind);
    m_cutLow = new QDoubleSpinBox(m_stretchBox);
    m_cutLow->setObjectName(QStringLiteral("cutLowSpin"));
    m_cutHigh = new QDoubleSpinBox(m_stretchBox);
    m_cutHigh->setObjectName(QStringLiteral("cutHighSpin"));
    for (QDoubleSpinBox* s : { m_cutLow, m_cutHigh }) {
        s->setRange(0, 100);
        s->setDecimals(1);
        s->setSuffix(QStringLiteral(" %"));
    }
    m_cutLow->setValue(2);
    m_cutHigh->setValue(98);
    auto* load = new QPushButton(tr("Load"), m_stretchBox);
    load->setObjectName(QStringLiteral("loadStretchButton"));
    load->setToolTip(tr("Compute min and max from the raster (a reduced-resolution read of the band)"));
    auto* dash = new QLabel(QStringLiteral("–"), m_stretchBox);
    dash->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    stretch->addRow(tr("Cut"), row({ m_cutLow, dash, m_cutHigh, load }, m_stretchBox));
    m_rasterRamp = new QComboBox(m_stretchBox);
    m_rasterRamp->setObjectName(QStringLiteral("rasterRampCombo"));
    m_rasterInvert = new QCheckBox(tr("Invert"), m_stretchBox);
    m_rasterInvert->setObjectName(QStringLiteral("rasterInvertCheck"));
    stretch->addRow(tr("Colour ramp"), row({ m_rasterRamp, m_rasterInvert }, m_stretchBox));
    layout->addWidget(m_stretchBox);
    m_nodata = new QLabel(pane);
    m_nodata->setObjectName(QStringLiteral("nodataLabel"));
    m_nodata->setWordWrap(true);
    layout->addWidget(m_nodata);
    layout->addStretch(0);
    m_panes->addWidget(pane);

    connect(m_rasterKind, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            onRasterKind();
    });
    connect(m_band, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        m_raster.band = m_band->currentData().toInt();
        if (m_raster.kind == RasterStyle::Kind::Pseudocolor)
            loadStretch(); // a new band has its own range, as QGIS reloads it
        else
            changed();
    });
    for (QComboBox* c : { m_red, m_green, m_blue })
        connect(c, &QComboBox::currentIndexChanged, this, [this] {
            if (m_updating)
                return;
            m_raster.red = m_red->currentData().toInt();
            m_raster.green = m_green->currentData().toInt();
            m_raster.blue = m_blue->currentData().toInt();
            changed();
        });
    connect(m_min, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_updating)
            return;
        m_raster.min = v;
        changed();
    });
    connect(m_max, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_updating)
            return;
        m_raster.max = v;
        changed();
    });
    connect(m_stretchKind, &QComboBox::currentIndexChanged, this, [this] {
        const bool cut =
          m_stretchKind->currentData().toInt() == int(tanhui::render::StretchKind::CumulativeCut);
        m_cutLow->setEnabled(cut);
        m_cutHigh->setEnabled(cut);
    });
    connect(load, &QPushButton::clicked, this, &StyleDock::loadStretch);
    connect(m_rasterRamp, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            rampChosen(m_rasterRamp, m_rasterInvert, m_raster.ramp);
    });
    connect(m_rasterInvert, &QCheckBox::toggled, this, [this] {
        if (!m_updating)
            rampChosen(m_rasterRamp, m_rasterInvert, m_raster.ramp);
    });
}

void StyleDock::buildVectorPane() {
    auto* pane = new QWidget(m_panes);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    m_vectorForm = new QFormLayout;
    m_vectorForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_vectorKind = new QComboBox(pane);
    m_vectorKind->setObjectName(QStringLiteral("vectorKindCombo"));
    m_vectorKind->addItem(tr("Single symbol"), int(VectorStyle::Kind::Single));
    m_vectorKind->addItem(tr("Categorized"), int(VectorStyle::Kind::Categorized));
    m_vectorKind->addItem(tr("Graduated"), int(VectorStyle::Kind::Graduated));
    m_vectorForm->addRow(tr("Render type"), m_vectorKind);
    m_field = new QComboBox(pane);
    m_field->setObjectName(QStringLiteral("fieldCombo"));
    m_vectorForm->addRow(tr("Value field"), m_field);
    m_fillButton = new QToolButton(pane);
    m_fillButton->setObjectName(QStringLiteral("fillColorButton"));
    m_strokeButton = new QToolButton(pane);
    m_strokeButton->setObjectName(QStringLiteral("strokeColorButton"));
    for (QToolButton* b : { m_fillButton, m_strokeButton }) {
        b->setIconSize(QSize(40, 16));
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    m_fillButton->setToolTip(tr("Fill colour (click to change)"));
    m_strokeButton->setToolTip(tr("Outline colour of every symbol (click to change)"));
    m_strokeWidth = new QDoubleSpinBox(pane);
    m_strokeWidth->setObjectName(QStringLiteral("strokeWidthSpin"));
    m_strokeWidth->setRange(0, 10);
    m_strokeWidth->setDecimals(2);
    m_strokeWidth->setSingleStep(0.1);
    m_strokeWidth->setSuffix(tr(" mm"));
    m_vectorForm->addRow(tr("Fill colour"), m_fillButton);
    m_vectorForm->addRow(tr("Outline"), row({ m_strokeButton, m_strokeWidth }, pane));
    layout->addLayout(m_vectorForm);
    buildCategoryBox(pane, layout);
    buildRangeBox(pane, layout);
    buildLabelForm(pane, layout);
    m_panes->addWidget(pane);
    connectVectorPane();
    fillRampCombos();
}

/// The categorised renderer's classes (issue 12): one row per value with its symbol and label.
void StyleDock::buildCategoryBox(QWidget* pane, QVBoxLayout* layout) {
    m_categoryBox = new QWidget(pane);
    auto* catLayout = new QVBoxLayout(m_categoryBox);
    catLayout->setContentsMargins(0, 0, 0, 0);
    m_categoryTree = new QTreeWidget(m_categoryBox);
    m_categoryTree->setObjectName(QStringLiteral("categoryTree"));
    m_categoryTree->setHeaderLabels({ tr("Value"), tr("Legend"), tr("Count") });
    m_categoryTree->setRootIsDecorated(false);
    m_categoryTree->setIconSize(QSize(28, 14));
    m_categoryTree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_categoryTree->setMinimumHeight(200);
    m_categoryTree->setToolTip(tr("Double-click a colour to change it, a legend text to edit it"));
    m_categoryTree->header()->setStretchLastSection(false);
    m_categoryTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_categoryTree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_categoryTree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    catLayout->addWidget(m_categoryTree, 1);
    auto* classify = new QPushButton(tr("Classify"), m_categoryBox);
    classify->setObjectName(QStringLiteral("classifyCategoriesButton"));
    classify->setToolTip(tr("One class per distinct value of the field"));
    auto* add = new QPushButton(tr("Add…"), m_categoryBox);
    add->setObjectName(QStringLiteral("addCategoryButton"));
    auto* remove = new QPushButton(tr("Remove"), m_categoryBox);
    remove->setObjectName(QStringLiteral("removeCategoryButton"));
    catLayout->addWidget(row({ classify, add, remove }, m_categoryBox));
    layout->addWidget(m_categoryBox, 1);
    connect(classify, &QPushButton::clicked, this, &StyleDock::classifyCategories);
    connect(add, &QPushButton::clicked, this, &StyleDock::addCategoryInteractively);
    connect(remove, &QPushButton::clicked, this, &StyleDock::removeSelectedCategories);
    connect(m_categoryTree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item, int column) {
        const int index = m_categoryTree->indexOfTopLevelItem(item);
        if (index < 0 || index >= int(m_vector.categories.size()))
            return;
        if (column == 1) {
            m_categoryTree->editItem(item, 1);
            return;
        }
        const QColor c = askColor(m_vector.categories[std::size_t(index)].symbol.fill, tr("Class Colour"));
        if (c.isValid())
            setItemColor(index, c);
    });
    connect(m_categoryTree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        const int index = m_categoryTree->indexOfTopLevelItem(item);
        if (m_updating || column != 1 || index < 0 || index >= int(m_vector.categories.size()))
            return;
        m_vector.categories[std::size_t(index)].label = item->text(1);
        changed();
    });
}

/// The graduated renderer: mode, class count and ramp, and its ranges.
void StyleDock::buildRangeBox(QWidget* pane, QVBoxLayout* layout) {
    m_rangeBox = new QWidget(pane);
    auto* rangeLayout = new QVBoxLayout(m_rangeBox);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    auto* rangeForm = new QFormLayout;
    rangeForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_method = new QComboBox(m_rangeBox);
    m_method->setObjectName(QStringLiteral("methodCombo"));
    m_method->addItem(tr("Equal interval"), int(ClassMethod::EqualInterval));
    m_method->addItem(tr("Quantile (equal count)"), int(ClassMethod::Quantile));
    m_method->addItem(tr("Natural breaks (Jenks)"), int(ClassMethod::NaturalBreaks));
    m_classCount = new QSpinBox(m_rangeBox);
    m_classCount->setObjectName(QStringLiteral("classCountSpin"));
    m_classCount->setRange(1, 20);
    m_vectorRamp = new QComboBox(m_rangeBox);
    m_vectorRamp->setObjectName(QStringLiteral("vectorRampCombo"));
    m_vectorInvert = new QCheckBox(tr("Invert"), m_rangeBox);
    m_vectorInvert->setObjectName(QStringLiteral("vectorInvertCheck"));
    rangeForm->addRow(tr("Mode"), m_method);
    rangeForm->addRow(tr("Classes"), m_classCount);
    rangeForm->addRow(tr("Colour ramp"), row({ m_vectorRamp, m_vectorInvert }, m_rangeBox));
    rangeLayout->addLayout(rangeForm);
    m_rangeTree = new QTreeWidget(m_rangeBox);
    m_rangeTree->setObjectName(QStringLiteral("rangeTree"));
    m_rangeTree->setHeaderLabels({ tr("Class limits"), tr("Count") });
    m_rangeTree->setRootIsDecorated(false);
    m_rangeTree->setIconSize(QSize(28, 14));
    m_rangeTree->setMinimumHeight(160);
    m_rangeTree->setToolTip(tr("Double-click a colour to change it"));
    m_rangeTree->header()->setStretchLastSection(false);
    m_rangeTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_rangeTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    rangeLayout->addWidget(m_rangeTree, 1);
    layout->addWidget(m_rangeBox, 1);
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            classifyRanges();
    });
    connect(m_classCount, &QSpinBox::valueChanged, this, [this] {
        if (!m_updating)
            classifyRanges();
    });
    connect(m_vectorRamp, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            classifyRanges();
    });
    connect(m_vectorInvert, &QCheckBox::toggled, this, [this] {
        if (!m_updating)
            classifyRanges();
    });
    connect(m_rangeTree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item, int) {
        const int index = m_rangeTree->indexOfTopLevelItem(item);
        if (index < 0 || index >= int(m_vector.ranges.size()))
            return;
        const QColor c = askColor(m_vector.ranges[std::size_t(index)].symbol.fill, tr("Class Colour"));
        if (c.isValid())
            setItemColor(index, c);
    });
}

/// Labels: on or off, the field and the font size.
void StyleDock::buildLabelForm(QWidget* pane, QVBoxLayout* layout) {
    auto* labelForm = new QFormLayout;
    labelForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_labelsOn = new QCheckBox(tr("Label with"), pane);
    m_labelsOn->setObjectName(QStringLiteral("labelsCheck"));
    m_labelField = new QComboBox(pane);
    m_labelField->setObjectName(QStringLiteral("labelFieldCombo"));
    m_labelSize = new QDoubleSpinBox(pane);
    m_labelSize->setObjectName(QStringLiteral("labelSizeSpin"));
    m_labelSize->setRange(4, 72);
    m_labelSize->setDecimals(1);
    m_labelSize->setSuffix(tr(" pt"));
    labelForm->addRow(m_labelsOn, m_labelField);
    labelForm->addRow(tr("Font size"), m_labelSize);
    layout->addLayout(labelForm);
}

/// The vector pane's own controls (the category and range boxes connect theirs where they are built).
void StyleDock::connectVectorPane() {
    connect(m_vectorKind, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            onVectorKind();
    });
    connect(m_field, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        if (m_vector.kind == VectorStyle::Kind::Categorized)
            classifyCategories();
        else if (m_vector.kind == VectorStyle::Kind::Graduated)
            classifyRanges();
    });
    connect(m_fillButton, &QToolButton::clicked, this, [this] {
        const QColor c = askColor(m_vector.symbol.fill, tr("Fill Colour"));
        if (c.isValid())
            setFillColor(c);
    });
    connect(m_strokeButton, &QToolButton::clicked, this, [this] {
        const QColor c = askColor(m_vector.symbol.stroke, tr("Outline Colour"));
        if (c.isValid())
            setStrokeColor(c);
    });
    connect(m_strokeWidth, &QDoubleSpinBox::valueChanged, this, [this](double mm) {
        if (m_updating)
            return;
        m_vector.symbol.strokeWidthMm = mm;
        for (auto& c : m_vector.categories)
            c.symbol.strokeWidthMm = mm;
        for (auto& r : m_vector.ranges)
            r.symbol.strokeWidthMm = mm;
        changed();
    });
    const auto labelsChanged = [this] {
        m_labelField->setEnabled(m_labelsOn->isChecked());
        m_labelSize->setEnabled(m_labelsOn->isChecked());
        if (m_updating)
            return;
        m_vector.labelField = m_labelsOn->isChecked() ? m_labelField->currentText() : QString();
        m_vector.labelSizePt = m_labelSize->value();
        changed();
    };
    connect(m_labelsOn, &QCheckBox::toggled, this, labelsChanged);
    connect(m_labelField, &QComboBox::currentIndexChanged, this, labelsChanged);
    connect(m_labelSize, &QDoubleSpinBox::valueChanged, this, labelsChanged);
}

/// The colour ramps offered by the raster and the graduated vector renderer, each with its preview.
void StyleDock::fillRampCombos() {
    for (QComboBox* combo : { m_rasterRamp, m_vectorRamp }) {
        combo->setIconSize(QSize(64, 14));
        const std::pair<const char*, QString> ramps[] = {
            { "ndvi", tr("NDVI") },
            { "carbon", tr("Carbon density") },
            { "diverging", tr("Change (diverging)") },
            { "viridis", tr("Viridis") },
            { "greys", tr("Greys") },
            { "blues", tr("Blues") },
        };
        for (const auto& [id, name] : ramps)
            combo->addItem(rampIcon(ColorRamp::named(QLatin1String(id))), name, QLatin1String(id));
    }
}

// ---------------------------------------------------------------------------------------------------
// The layer

void StyleDock::setLayer(LayerEntry* entry, const tanhui::models::Project* project) {
    if (m_entry && m_entry->map.vector)
        m_graduations[m_entry->map.id] = m_graduation;
    m_entry = entry && (entry->map.raster || entry->map.vector) ? entry : nullptr;
    m_project = project;
    m_valueCounts.clear();
    showMessage(QString());
    if (!m_entry) {
        m_title->setText(entry ? tr("%1 is not on the map.").arg(entry->displayName) : QString());
        showPane(EmptyPane);
        m_opacityRow->setEnabled(false);
        m_apply->setEnabled(false);
        return;
    }
    m_raster = m_entry->map.rasterStyle;
    m_vector = m_entry->map.vectorStyle;
    const auto saved = m_graduations.find(m_entry->map.id);
    m_graduation = saved != m_graduations.end() ? saved->second : Graduation{};
    if (saved == m_graduations.end() && m_vector.kind == VectorStyle::Kind::Graduated)
        m_graduation.classes = int(m_vector.ranges.size());
    m_title->setText(m_entry->displayName);
    m_opacityRow->setEnabled(true);
    m_apply->setEnabled(!m_live->isChecked());
    showPane(m_entry->map.raster ? RasterPane : VectorPane);
    // Hidden (as while a project's layers are listed): fill the widgets when shown.
    m_populatePending = !isVisible();
    if (!m_populatePending)
        populate();
}

void StyleDock::showPane(int pane) {
    // A stacked widget is as wide as its widest page: hidden pages must not count, or the dock would
    // need a horizontal scroll bar for a page it does not show.
    for (int i = 0; i < m_panes->count(); ++i)
        m_panes->widget(i)->setSizePolicy(i == pane ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                                          i == pane ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_panes->setCurrentIndex(pane);
    m_panes->adjustSize();
}

void StyleDock::showEvent(QShowEvent* event) {
    QDockWidget::showEvent(event);
    if (m_populatePending && m_entry) {
        m_populatePending = false;
        populate();
    }
    // The first time it is shown, wide enough for its widgets and for four tabs' titles beside it.
    if (m_widened)
        return;
    m_widened = true;
    auto* window = qobject_cast<QMainWindow*>(parentWidget());
    if (!window || isFloating())
        return;
    int tabs = fontMetrics().horizontalAdvance(windowTitle()) + 32;
    for (const QDockWidget* dock : window->tabifiedDockWidgets(this))
        tabs += fontMetrics().horizontalAdvance(dock->windowTitle()) + 32;
    const int wanted = std::clamp(tabs, 440, 560);
    if (width() < wanted)
        window->resizeDocks({ this }, { wanted }, Qt::Horizontal);
}

void StyleDock::reload(const LayerEntry* entry) {
    if (entry && entry == m_entry)
        setLayer(m_entry, m_project);
}

bool StyleDock::liveUpdate() const {
    return m_live->isChecked();
}

void StyleDock::setLiveUpdate(bool on) {
    m_live->setChecked(on);
}

void StyleDock::apply() {
    if (!m_entry)
        return;
    if (m_entry->map.raster)
        m_entry->map.rasterStyle = m_raster;
    else
        m_entry->map.vectorStyle = m_vector;
    if (m_callback)
        m_callback();
}

void StyleDock::changed() {
    if (m_updating || !m_entry)
        return;
    if (m_live->isChecked())
        apply();
}

void StyleDock::showMessage(const QString& text) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QColor StyleDock::askColor(const QColor& initial, const QString& title) {
    return QColorDialog::getColor(initial, this, title, QColorDialog::ShowAlphaChannel);
}

// ---------------------------------------------------------------------------------------------------
// Filling the widgets

void StyleDock::populate() {
    m_updating = true;
    const double opacity = m_entry->map.raster ? m_raster.opacity : m_vector.opacity;
    m_opacitySpin->setValue(int(std::lround(opacity * 100)));
    m_opacitySlider->setValue(int(std::lround(opacity * 100)));
    if (m_entry->map.raster) {
        const tanhui::gis::RasterInfo& info = m_entry->map.raster->info();
        for (QComboBox* c : { m_band, m_red, m_green, m_blue }) {
            c->clear();
            for (const tanhui::gis::BandInfo& b : info.bands)
                c->addItem(b.description.empty()
                             ? tr("Band %1").arg(b.index)
                             : tr("Band %1 (%2)").arg(b.index).arg(QString::fromStdString(b.description)),
                           b.index);
        }
        m_band->setCurrentIndex(indexOfData(m_band, m_raster.band));
        m_red->setCurrentIndex(indexOfData(m_red, m_raster.red));
        m_green->setCurrentIndex(indexOfData(m_green, m_raster.green));
        m_blue->setCurrentIndex(indexOfData(m_blue, m_raster.blue));
        m_rasterKind->setCurrentIndex(indexOfData(m_rasterKind, int(m_raster.kind)));
        const bool paletted = m_raster.kind == RasterStyle::Kind::Paletted;
        const bool rgb = m_raster.kind == RasterStyle::Kind::Rgb;
        m_rasterForm->setRowVisible(m_band, !rgb);
        for (QComboBox* c : { m_red, m_green, m_blue })
            m_rasterForm->setRowVisible(c, rgb);
        m_classBox->setVisible(paletted);
        m_stretchBox->setVisible(!paletted);
        m_rasterRamp->setEnabled(!rgb);
        m_rasterInvert->setEnabled(!rgb);
        m_min->setValue(m_raster.min);
        m_max->setValue(m_raster.max);
        m_rasterRamp->setCurrentIndex(indexOfData(m_rasterRamp, m_raster.ramp.id));
        m_rasterInvert->setChecked(tanhui::render::isReversedNamedRamp(m_raster.ramp));
        populateClasses();
        const tanhui::gis::BandInfo* band = m_raster.band >= 1 && m_raster.band <= int(info.bands.size())
                                              ? &info.bands[std::size_t(m_raster.band - 1)]
                                              : nullptr;
        m_nodata->setText(
          band && band->nodata
            ? tr("No-data cells (value %1) are transparent.")
                .arg(std::isnan(*band->nodata) ? QStringLiteral("NaN") : QLocale().toString(*band->nodata))
            : tr("The band has no no-data value; every cell is drawn."));
    } else {
        m_vectorKind->setCurrentIndex(indexOfData(m_vectorKind, int(m_vector.kind)));
        populateFields();
        const bool single = m_vector.kind == VectorStyle::Kind::Single;
        m_vectorForm->setRowVisible(m_field, !single);
        m_vectorForm->setRowVisible(m_fillButton, single);
        m_categoryBox->setVisible(m_vector.kind == VectorStyle::Kind::Categorized);
        m_rangeBox->setVisible(m_vector.kind == VectorStyle::Kind::Graduated);
        m_fillButton->setIcon(swatch(m_vector.symbol.fill, m_vector.symbol.stroke));
        m_strokeButton->setIcon(swatch(m_vector.symbol.stroke));
        m_strokeWidth->setValue(m_vector.symbol.strokeWidthMm);
        m_method->setCurrentIndex(indexOfData(m_method, int(m_graduation.method)));
        m_classCount->setValue(m_graduation.classes);
        m_vectorRamp->setCurrentIndex(indexOfData(m_vectorRamp, m_graduation.ramp));
        m_vectorInvert->setChecked(m_graduation.inverted);
        m_labelsOn->setChecked(!m_vector.labelField.isEmpty());
        m_labelField->setCurrentIndex(std::max(0, m_labelField->findText(m_vector.labelField)));
        m_labelField->setEnabled(m_labelsOn->isChecked());
        m_labelSize->setValue(m_vector.labelSizePt);
        m_labelSize->setEnabled(m_labelsOn->isChecked());
        populateCategories();
        populateRanges();
    }
    m_updating = false;
}

void StyleDock::populateFields() {
    const bool wasUpdating = m_updating;
    m_updating = true;
    const auto& fields = m_entry->map.vector->info().fields;
    m_field->clear();
    m_labelField->clear();
    for (const auto& f : fields) {
        m_labelField->addItem(f.name);
        if (m_vector.kind != VectorStyle::Kind::Graduated || tanhui::render::isNumericField(f.typeName))
            m_field->addItem(f.name);
    }
    m_field->setCurrentIndex(std::max(0, m_field->findText(m_vector.field)));
    m_updating = wasUpdating;
}

void StyleDock::populateClasses() {
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_classTree->clear();
    const QString language = QLocale().name();
    for (const tanhui::render::RasterClass& c : m_raster.classes) {
        auto* item = new QTreeWidgetItem(m_classTree, { QLocale().toString(c.value), c.label(language) });
        item->setIcon(0, swatch(c.color));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, c.visible ? Qt::Checked : Qt::Unchecked);
    }
    m_updating = wasUpdating;
}

void StyleDock::populateCategories() {
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_categoryTree->clear();
    if (m_vector.kind == VectorStyle::Kind::Categorized && m_valueCounts.empty() && m_entry) {
        const int field = m_entry->map.vector->fieldIndex(m_vector.field);
        for (const auto& v : tanhui::render::uniqueValues(*m_entry->map.vector, field))
            m_valueCounts[v.value] = v.count;
    }
    const QLocale locale;
    for (const tanhui::render::VectorCategory& c : m_vector.categories) {
        const auto it = m_valueCounts.find(c.value);
        auto* item =
          new QTreeWidgetItem(m_categoryTree,
                              { c.value.isEmpty() ? tr("(no value)") : c.value,
                                c.label,
                                locale.toString(qulonglong(it == m_valueCounts.end() ? 0 : it->second)) });
        item->setIcon(0, swatch(c.symbol.fill, c.symbol.stroke));
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_updating = wasUpdating;
}

void StyleDock::populateRanges() {
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_rangeTree->clear();
    const std::vector<std::size_t> counts = rangeCounts();
    const QLocale locale;
    for (std::size_t i = 0; i < m_vector.ranges.size(); ++i) {
        const tanhui::render::VectorRange& r = m_vector.ranges[i];
        auto* item = new QTreeWidgetItem(m_rangeTree, { r.label, locale.toString(qulonglong(counts[i])) });
        item->setIcon(0, swatch(r.symbol.fill, r.symbol.stroke));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_updating = wasUpdating;
}

std::vector<std::size_t> StyleDock::categoryCounts() const {
    std::vector<std::size_t> out;
    for (const auto& c : m_vector.categories) {
        const auto it = m_valueCounts.find(c.value);
        out.push_back(it == m_valueCounts.end() ? 0 : it->second);
    }
    return out;
}

std::vector<std::size_t> StyleDock::rangeCounts() const {
    if (!m_entry || !m_entry->map.vector)
        return std::vector<std::size_t>(m_vector.ranges.size(), 0);
    return tanhui::render::rangeCounts(
      m_vector.ranges,
      tanhui::render::numericValues(*m_entry->map.vector, m_entry->map.vector->fieldIndex(m_vector.field)));
}

QString StyleDock::fieldName() const {
    return m_field->currentText();
}

// ---------------------------------------------------------------------------------------------------
// Raster edits

void StyleDock::onRasterKind() {
    const auto kind = RasterStyle::Kind(m_rasterKind->currentData().toInt());
    const RasterStyle::Kind old = m_raster.kind;
    m_raster.kind = kind;
    showMessage(QString());
    if (kind == RasterStyle::Kind::Paletted && m_raster.classes.empty()) {
        // The project's classes for its land cover, else the file's colour table, else its values.
        const bool landcover =
          m_entry->role == QLatin1String("landcover") && m_project && !m_project->classes.empty();
        if (!(landcover && classifyRaster(ClassSource::ProjectClasses)) &&
            !classifyRaster(ClassSource::ColorTable))
            classifyRaster(ClassSource::UniqueValues);
        showMessage(QString());
    }
    if (kind == RasterStyle::Kind::Rgb) {
        const int bands = int(m_entry->map.raster->info().bands.size());
        if (bands < 3)
            showMessage(
              tr("The raster has %n band(s); RGB needs three (a band may be used twice).", nullptr, bands));
        m_raster.red = std::min(m_raster.red, bands);
        m_raster.green = std::min(m_raster.green, bands);
        m_raster.blue = std::min(m_raster.blue, bands);
    }
    populate();
    if (kind != RasterStyle::Kind::Paletted &&
        (old == RasterStyle::Kind::Paletted || m_raster.min == m_raster.max))
        loadStretch(); // changed()
    else
        changed();
}

void StyleDock::loadStretch() {
    if (!m_entry || !m_entry->map.raster)
        return;
    const auto kind = tanhui::render::StretchKind(m_stretchKind->currentData().toInt());
    std::vector<int> bands{ m_raster.band };
    if (m_raster.kind == RasterStyle::Kind::Rgb)
        bands = { m_raster.red, m_raster.green, m_raster.blue };
    double lo = 0, hi = 0;
    bool first = true;
    auto dataset = m_entry->map.raster->acquire();
    try {
        for (int band : bands) {
            const auto [l, h] =
              tanhui::render::computeStretch(*dataset, band, kind, m_cutLow->value(), m_cutHigh->value());
            lo = first ? l : std::min(lo, l);
            hi = first ? h : std::max(hi, h);
            first = false;
        }
    } catch (const tanhui::gis::GisError& error) {
        m_entry->map.raster->release(std::move(dataset));
        showMessage(tr("Min and max cannot be computed: %1").arg(tanhui::app::errorDetail(error)));
        return;
    }
    m_entry->map.raster->release(std::move(dataset));
    if (lo == hi && lo == 0)
        showMessage(tr("The band has no valid cell; min and max are unchanged."));
    else {
        m_raster.min = lo;
        m_raster.max = hi;
        showMessage(QString());
    }
    m_updating = true;
    m_min->setValue(m_raster.min);
    m_max->setValue(m_raster.max);
    m_updating = false;
    changed();
}

void StyleDock::rampChosen(QComboBox* combo, QCheckBox* invert, ColorRamp& target) {
    ColorRamp ramp = ColorRamp::named(combo->currentData().toString());
    target = invert->isChecked() ? ramp.reversed() : ramp;
    changed();
}

bool StyleDock::classifyRaster(ClassSource source) {
    if (!m_entry || !m_entry->map.raster)
        return false;
    std::vector<tanhui::render::RasterClass> classes;
    QString problem;
    const int band = m_raster.band;
    if (source == ClassSource::ProjectClasses) {
        if (m_project)
            for (const tanhui::models::ProjectClass& c : m_project->classes)
                classes.push_back({ double(c.code), QColor(c.color), c.nameEn, c.nameZh, true });
        if (classes.empty())
            problem = tr("The project has no class table.");
    } else {
        auto dataset = m_entry->map.raster->acquire();
        try {
            if (source == ClassSource::ColorTable) {
                classes = tanhui::render::palettedFromColorTable(*dataset, band).classes;
                if (classes.empty())
                    problem = tr("Band %1 has no colour table.").arg(band);
            } else {
                const std::vector<double> values = tanhui::render::distinctValues(*dataset, band, 256);
                for (std::size_t i = 0; i < values.size(); ++i)
                    classes.push_back(
                      { values[i], tanhui::render::qualitativeColor(i), QString(), QString(), true });
                if (classes.empty())
                    problem = tr("Band %1 has no valid cell.").arg(band);
                else if (values.size() >= 256)
                    problem = tr("Band %1 has more than 256 distinct values; the first 256 are listed. "
                                 "A continuous band reads better as singleband pseudocolor.")
                                .arg(band);
            }
        } catch (const tanhui::gis::GisError& error) {
            problem = tanhui::app::errorDetail(error);
        }
        m_entry->map.raster->release(std::move(dataset));
    }
    showMessage(problem);
    if (classes.empty())
        return false;
    m_raster.classes = std::move(classes);
    populateClasses();
    changed();
    return true;
}

void StyleDock::setClassColor(int index, const QColor& color) {
    if (index < 0 || index >= int(m_raster.classes.size()) || !color.isValid())
        return;
    m_raster.classes[std::size_t(index)].color = color;
    populateClasses();
    changed();
}

void StyleDock::setClassVisible(int index, bool visible) {
    if (index < 0 || index >= int(m_raster.classes.size()))
        return;
    m_raster.classes[std::size_t(index)].visible = visible;
    if (QTreeWidgetItem* item = m_classTree->topLevelItem(index);
        item && (item->checkState(0) == Qt::Checked) != visible) {
        m_updating = true;
        item->setCheckState(0, visible ? Qt::Checked : Qt::Unchecked);
        m_updating = false;
    }
    changed();
}

// ---------------------------------------------------------------------------------------------------
// Vector edits

void StyleDock::onVectorKind() {
    m_vector.kind = VectorStyle::Kind(m_vectorKind->currentData().toInt());
    showMessage(QString());
    populate(); // the field list depends on the kind
    if (m_vector.kind == VectorStyle::Kind::Categorized)
        classifyCategories();
    else if (m_vector.kind == VectorStyle::Kind::Graduated) {
        if (m_field->count() == 0) {
            showMessage(tr("The layer has no numeric field to grade by."));
            changed();
            return;
        }
        classifyRanges();
    } else
        changed();
}

void StyleDock::classifyCategories() {
    if (!m_entry || !m_entry->map.vector)
        return;
    const QString field = fieldName();
    const int index = m_entry->map.vector->fieldIndex(field);
    if (index < 0) {
        showMessage(tr("The layer has no field to classify by."));
        return;
    }
    const std::vector<tanhui::render::ValueCount> values =
      tanhui::render::uniqueValues(*m_entry->map.vector, index);
    m_valueCounts.clear();
    for (const auto& v : values)
        m_valueCounts[v.value] = v.count;
    tanhui::render::FillSymbol base = m_vector.symbol;
    m_vector.field = field;
    m_vector.categories = tanhui::render::categoriesFor(values, base);
    for (auto& c : m_vector.categories)
        if (c.value.isEmpty())
            c.label = tr("(no value)");
    showMessage(values.size() > 200
                  ? tr("%n distinct values: a graduated style may read better.", nullptr, int(values.size()))
                  : QString());
    populateCategories();
    changed();
}

void StyleDock::classifyRanges() {
    if (!m_entry || !m_entry->map.vector)
        return;
    const QString field = fieldName();
    const int index = m_entry->map.vector->fieldIndex(field);
    if (index < 0)
        return;
    m_graduation.method = ClassMethod(m_method->currentData().toInt());
    m_graduation.classes = m_classCount->value();
    m_graduation.ramp = m_vectorRamp->currentData().toString();
    m_graduation.inverted = m_vectorInvert->isChecked();
    const std::vector<double> values = tanhui::render::numericValues(*m_entry->map.vector, index);
    if (values.empty()) {
        showMessage(tr("The field %1 has no numeric value.").arg(field));
        return;
    }
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    ColorRamp ramp = ColorRamp::named(m_graduation.ramp);
    if (m_graduation.inverted)
        ramp = ramp.reversed();
    // A diverging ramp on a field with losses and gains centres on 0 (carbon change).
    const bool symmetric = m_graduation.ramp == QLatin1String("diverging") && *lo < 0 && *hi > 0;
    const tanhui::render::FillSymbol base = m_vector.symbol;
    m_vector.field = field;
    m_vector.ranges = tanhui::render::graduatedRanges(values,
                                                      m_graduation.classes,
                                                      m_graduation.method,
                                                      ramp,
                                                      tanhui::render::limitDecimals(*hi - *lo),
                                                      symmetric);
    for (auto& r : m_vector.ranges) {
        r.symbol.stroke = base.stroke;
        r.symbol.strokeWidthMm = base.strokeWidthMm;
    }
    showMessage(int(m_vector.ranges.size()) < m_graduation.classes
                  ? tr("Only %n class(es): the field has too few distinct values.",
                       nullptr,
                       int(m_vector.ranges.size()))
                  : QString());
    populateRanges();
    changed();
}

void StyleDock::setFillColor(const QColor& color) {
    if (!color.isValid())
        return;
    m_vector.symbol.fill = color;
    m_fillButton->setIcon(swatch(m_vector.symbol.fill, m_vector.symbol.stroke));
    changed();
}

void StyleDock::setStrokeColor(const QColor& color) {
    if (!color.isValid())
        return;
    m_vector.symbol.stroke = color;
    for (auto& c : m_vector.categories)
        c.symbol.stroke = color;
    for (auto& r : m_vector.ranges)
        r.symbol.stroke = color;
    m_strokeButton->setIcon(swatch(color));
    m_fillButton->setIcon(swatch(m_vector.symbol.fill, color));
    populateCategories();
    populateRanges();
    changed();
}

void StyleDock::setItemColor(int index, const QColor& color) {
    if (!color.isValid() || index < 0)
        return;
    if (m_vector.kind == VectorStyle::Kind::Categorized && index < int(m_vector.categories.size())) {
        m_vector.categories[std::size_t(index)].symbol.fill = color;
        populateCategories();
    } else if (m_vector.kind == VectorStyle::Kind::Graduated && index < int(m_vector.ranges.size())) {
        m_vector.ranges[std::size_t(index)].symbol.fill = color;
        populateRanges();
    } else {
        return;
    }
    changed();
}

bool StyleDock::addCategory(const QString& value) {
    if (m_vector.kind != VectorStyle::Kind::Categorized)
        return false;
    for (const auto& c : m_vector.categories)
        if (c.value == value)
            return false;
    tanhui::render::VectorCategory c;
    c.value = value;
    c.label = value.isEmpty() ? tr("(no value)") : value;
    c.symbol = m_vector.symbol;
    c.symbol.fill = tanhui::render::qualitativeColor(m_vector.categories.size());
    m_vector.categories.push_back(std::move(c));
    populateCategories();
    changed();
    return true;
}

void StyleDock::removeCategory(int index) {
    if (index < 0 || index >= int(m_vector.categories.size()))
        return;
    m_vector.categories.erase(m_vector.categories.begin() + index);
    populateCategories();
    changed();
}

void StyleDock::addCategoryInteractively() {
    bool ok = false;
    const QString value = QInputDialog::getText(this,
                                                tr("Add Class"),
                                                tr("Value of %1 for the new class:").arg(m_vector.field),
                                                QLineEdit::Normal,
                                                QString(),
                                                &ok);
    if (ok && !addCategory(value.trimmed()))
        showMessage(tr("%1 has a class already.").arg(value.trimmed()));
}

void StyleDock::removeSelectedCategories() {
    std::set<int, std::greater<>> rows;
    for (QTreeWidgetItem* item : m_categoryTree->selectedItems())
        rows.insert(m_categoryTree->indexOfTopLevelItem(item));
    if (rows.empty())
        return;
    for (int r : rows)
        if (r >= 0 && r < int(m_vector.categories.size()))
            m_vector.categories.erase(m_vector.categories.begin() + r);
    populateCategories();
    changed();
}

} // namespace tanhui::gui
