// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/LayoutDialog.h"

#include "app/common/ErrorText.h"
#include "gis/Errors.h"
#include "render/MapLayout.h"
#include "render/ProjectMaps.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <algorithm>

namespace tanhui::gui {

struct LayoutDialog::Private {
    tanhui::models::Project project;
    tanhui::gis::Box viewExtent;
    QString language;
    QComboBox* layouts = nullptr;
    QLineEdit* name = nullptr;
    QLineEdit* title = nullptr;
    QComboBox* date = nullptr;
    QComboBox* page = nullptr;
    QComboBox* orientation = nullptr;
    QDoubleSpinBox* dpi = nullptr;
    QDoubleSpinBox* margin = nullptr;
    QCheckBox *legend = nullptr, *scaleBar = nullptr, *northArrow = nullptr, *grid = nullptr,
              *overview = nullptr, *currentView = nullptr;
    QLabel* preview = nullptr;
    QTimer previewTimer;
    QString previewError;
    QStringList layers; ///< the edited layout's layer ids (kept as loaded)
    std::vector<double> extent;
    bool filling = false;
};

LayoutDialog::LayoutDialog(const tanhui::models::Project& project,
                           const tanhui::gis::Box& viewExtent,
                           const QString& language,
                           QWidget* parent)
  : QDialog(parent)
  , m_d(std::make_unique<Private>()) {
    setObjectName(QStringLiteral("layoutDialog"));
    setWindowTitle(tr("Map Layout"));
    m_d->project = project;
    m_d->viewExtent = viewExtent;
    m_d->language = language;

    auto* form = new QFormLayout;
    m_d->layouts = new QComboBox(this);
    m_d->layouts->setObjectName(QStringLiteral("layoutCombo"));
    m_d->layouts->addItem(tr("New layout"));
    for (const tanhui::models::ProjectLayout& l : project.layouts)
        m_d->layouts->addItem(l.name);
    form->addRow(tr("Layout:"), m_d->layouts);
    m_d->name = new QLineEdit(tr("Map"), this);
    m_d->name->setObjectName(QStringLiteral("layoutName"));
    form->addRow(tr("Name:"), m_d->name);
    m_d->title = new QLineEdit(project.name, this);
    m_d->title->setObjectName(QStringLiteral("layoutTitle"));
    form->addRow(tr("Title:"), m_d->title);
    m_d->date = new QComboBox(this);
    m_d->date->setObjectName(QStringLiteral("layoutDate"));
    m_d->date->addItem(tr("Last date"), 0);
    std::vector<int> years;
    for (const tanhui::models::ProjectLayer* l : project.layersWithRole(QStringLiteral("landcover")))
        if (l->year > 0)
            years.push_back(l->year);
    std::sort(years.begin(), years.end());
    for (int y : years)
        m_d->date->addItem(QString::number(y), y);
    form->addRow(tr("Date:"), m_d->date);
    m_d->page = new QComboBox(this);
    m_d->page->setObjectName(QStringLiteral("layoutPage"));
    m_d->page->addItems({ QStringLiteral("A0"),
                          QStringLiteral("A1"),
                          QStringLiteral("A2"),
                          QStringLiteral("A3"),
                          QStringLiteral("A4"),
                          QStringLiteral("A5"),
                          QStringLiteral("B4"),
                          QStringLiteral("B5"),
                          QStringLiteral("Letter"),
                          QStringLiteral("Legal") });
    m_d->page->setCurrentText(QStringLiteral("A4"));
    form->addRow(tr("Page:"), m_d->page);
    m_d->orientation = new QComboBox(this);
    m_d->orientation->setObjectName(QStringLiteral("layoutOrientation"));
    m_d->orientation->addItem(tr("Landscape"), QStringLiteral("landscape"));
    m_d->orientation->addItem(tr("Portrait"), QStringLiteral("portrait"));
    form->addRow(tr("Orientation:"), m_d->orientation);
    m_d->dpi = new QDoubleSpinBox(this);
    m_d->dpi->setObjectName(QStringLiteral("layoutDpi"));
    m_d->dpi->setRange(36, 1200);
    m_d->dpi->setDecimals(0);
    m_d->dpi->setValue(150);
    m_d->dpi->setSuffix(tr(" dpi"));
    form->addRow(tr("Resolution:"), m_d->dpi);
    m_d->margin = new QDoubleSpinBox(this);
    m_d->margin->setObjectName(QStringLiteral("layoutMargin"));
    m_d->margin->setRange(0, 50);
    m_d->margin->setDecimals(1);
    m_d->margin->setValue(10);
    m_d->margin->setSuffix(tr(" mm"));
    form->addRow(tr("Margins:"), m_d->margin);
    const auto check = [this, form](const QString& text, const char* name, bool on) {
        auto* box = new QCheckBox(text, this);
        box->setObjectName(QLatin1String(name));
        box->setChecked(on);
        form->addRow(QString(), box);
        return box;
    };
    m_d->legend = check(tr("Legend"), "layoutLegend", true);
    m_d->scaleBar = check(tr("Scale bar"), "layoutScaleBar", true);
    m_d->northArrow = check(tr("North arrow"), "layoutNorthArrow", true);
    m_d->grid = check(tr("Coordinate grid"), "layoutGrid", false);
    m_d->overview = check(tr("Overview inset"), "layoutOverview", false);
    m_d->currentView =
      check(tr("Extent of the current view (else the full extent)"), "layoutCurrentView", false);
    m_d->currentView->setEnabled(!viewExtent.isEmpty());

    m_d->preview = new QLabel(this);
    m_d->preview->setObjectName(QStringLiteral("layoutPreview"));
    m_d->preview->setMinimumSize(480, 340);
    m_d->preview->setAlignment(Qt::AlignCenter);
    m_d->preview->setFrameShape(QFrame::StyledPanel);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    QPushButton* saveButton = buttons->addButton(tr("&Save to Project"), QDialogButtonBox::ActionRole);
    saveButton->setEnabled(!project.fileName().isEmpty());
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString file =
          QFileDialog::getSaveFileName(this,
                                       tr("Export Map"),
                                       QString(),
                                       tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"));
        if (!file.isEmpty())
            exportTo(file);
    });
    connect(saveButton, &QPushButton::clicked, this, [this] { saveToProject(); });

    auto* side = new QVBoxLayout;
    side->addLayout(form);
    side->addStretch();
    auto* top = new QHBoxLayout;
    top->addLayout(side);
    top->addWidget(m_d->preview, 1);
    auto* outer = new QVBoxLayout(this);
    outer->addLayout(top, 1);
    outer->addWidget(buttons);

    m_d->previewTimer.setSingleShot(true);
    m_d->previewTimer.setInterval(250);
    connect(&m_d->previewTimer, &QTimer::timeout, this, [this] { refreshPreview(); });
    connect(m_d->layouts, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index > 0 && std::size_t(index - 1) < m_d->project.layouts.size())
            setLayout(m_d->project.layouts[std::size_t(index - 1)]);
    });
    for (QLineEdit* edit : { m_d->name, m_d->title })
        connect(edit, &QLineEdit::textChanged, this, &LayoutDialog::schedulePreview);
    for (QComboBox* combo : { m_d->date, m_d->page, m_d->orientation })
        connect(combo, &QComboBox::currentIndexChanged, this, &LayoutDialog::schedulePreview);
    for (QDoubleSpinBox* spin : { m_d->dpi, m_d->margin })
        connect(spin, &QDoubleSpinBox::valueChanged, this, &LayoutDialog::schedulePreview);
    for (QCheckBox* box :
         { m_d->legend, m_d->scaleBar, m_d->northArrow, m_d->grid, m_d->overview, m_d->currentView })
        connect(box, &QCheckBox::toggled, this, &LayoutDialog::schedulePreview);
    resize(1000, 620);
    schedulePreview();
}

LayoutDialog::~LayoutDialog() = default;

tanhui::models::ProjectLayout LayoutDialog::layout() const {
    tanhui::models::ProjectLayout l;
    l.name = m_d->name->text().trimmed();
    l.title = m_d->title->text().trimmed();
    l.layers = m_d->layers;
    l.year = m_d->date->currentData().toInt();
    l.page = m_d->page->currentText();
    l.orientation = m_d->orientation->currentData().toString();
    l.dpi = m_d->dpi->value();
    l.marginMm = m_d->margin->value();
    l.legend = m_d->legend->isChecked();
    l.scaleBar = m_d->scaleBar->isChecked();
    l.northArrow = m_d->northArrow->isChecked();
    l.grid = m_d->grid->isChecked();
    l.overview = m_d->overview->isChecked();
    if (m_d->currentView->isChecked() && !m_d->viewExtent.isEmpty()) {
        const tanhui::gis::Box& b = m_d->viewExtent;
        l.extent = { b.xmin, b.ymin, b.xmax, b.ymax };
    } else if (m_d->currentView->isChecked()) {
        l.extent = m_d->extent;
    }
    if (const tanhui::models::ProjectLayout* old = m_d->project.layout(l.name)) {
        l.source = old->source;
        l.atlasLayer = old->atlasLayer;
        l.atlasField = old->atlasField;
    }
    return l;
}

void LayoutDialog::setLayout(const tanhui::models::ProjectLayout& l) {
    m_d->filling = true;
    m_d->name->setText(l.name);
    m_d->title->setText(l.title);
    m_d->layers = l.layers;
    m_d->extent = l.extent;
    const int dateIndex = m_d->date->findData(l.year);
    m_d->date->setCurrentIndex(std::max(0, dateIndex));
    m_d->page->setCurrentText(l.page);
    m_d->orientation->setCurrentIndex(std::max(0, m_d->orientation->findData(l.orientation)));
    m_d->dpi->setValue(l.dpi);
    m_d->margin->setValue(l.marginMm);
    m_d->legend->setChecked(l.legend);
    m_d->scaleBar->setChecked(l.scaleBar);
    m_d->northArrow->setChecked(l.northArrow);
    m_d->grid->setChecked(l.grid);
    m_d->overview->setChecked(l.overview);
    if (l.extent.size() == 4) {
        m_d->viewExtent = { l.extent[0], l.extent[1], l.extent[2], l.extent[3] };
        m_d->currentView->setEnabled(true);
    }
    m_d->currentView->setChecked(l.extent.size() == 4);
    m_d->filling = false;
    schedulePreview();
}

const tanhui::models::Project& LayoutDialog::project() const {
    return m_d->project;
}

void LayoutDialog::schedulePreview() {
    if (!m_d->filling)
        m_d->previewTimer.start();
}

QString LayoutDialog::previewError() const {
    return m_d->previewError;
}

namespace {

tanhui::render::MapLayout buildLayout(const tanhui::models::Project& project,
                                      const tanhui::models::ProjectLayout& layout,
                                      const QString& language) {
    tanhui::render::ProjectMapRequest request;
    request.layout = &layout;
    request.language = language;
    return tanhui::render::projectMapLayout(project, request);
}

} // namespace

QImage LayoutDialog::refreshPreview() {
    m_d->previewTimer.stop();
    m_d->previewError.clear();
    const tanhui::models::ProjectLayout l = layout();
    try {
        tanhui::render::MapLayout map = buildLayout(m_d->project, l, m_d->language);
        // The preview is the page at the label's size (the same layout, fewer pixels).
        const QSizeF mm = map.page.sizeMm();
        const QSize box = m_d->preview->contentsRect().size().expandedTo(QSize(480, 340));
        map.page.dpi = std::max(10.0, std::min(box.width() / mm.width(), box.height() / mm.height()) * 25.4);
        const QImage image = tanhui::render::renderLayoutImage(map);
        m_d->preview->setPixmap(QPixmap::fromImage(image));
        m_d->preview->setToolTip(QString());
        return image;
    } catch (const tanhui::gis::GisError& error) {
        m_d->previewError = tanhui::app::errorDetail(error);
        m_d->preview->setPixmap(QPixmap());
        m_d->preview->setText(m_d->previewError);
        return {};
    }
}

bool LayoutDialog::exportTo(const QString& path) {
    try {
        tanhui::render::exportLayout(buildLayout(m_d->project, layout(), m_d->language), path);
        return true;
    } catch (const tanhui::gis::GisError& error) {
        reportError(tr("The map could not be exported to %1.").arg(path), tanhui::app::errorDetail(error));
        return false;
    }
}

bool LayoutDialog::saveToProject() {
    const tanhui::models::ProjectLayout l = layout();
    if (l.name.isEmpty()) {
        reportError(tr("The layout needs a name."),
                    tr("Type a name for the layout, e.g. \"Land cover 2024\"."));
        return false;
    }
    tanhui::models::Project updated = m_d->project;
    const auto it = std::find_if(
      updated.layouts.begin(), updated.layouts.end(), [&](const auto& o) { return o.name == l.name; });
    const bool added = it == updated.layouts.end(); // before push_back invalidates `it`
    if (added)
        updated.layouts.push_back(l);
    else
        *it = l;
    try {
        updated.save(m_d->project.fileName());
    } catch (const tanhui::gis::GisError& error) {
        reportError(tr("The project could not be saved."), tanhui::app::errorDetail(error));
        return false;
    }
    m_d->project = std::move(updated);
    if (added)
        m_d->layouts->addItem(l.name);
    emit projectSaved(m_d->project.fileName());
    return true;
}

void LayoutDialog::reportError(const QString& headline, const QString& detail) {
    m_d->previewError = headline + QLatin1Char('\n') + detail;
    if (isVisible())
        QMessageBox::warning(this, tr("Map Layout"), m_d->previewError);
}

} // namespace tanhui::gui
