// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/PlanDialog.h"

#include "app/common/ErrorText.h"
#include "gis/Errors.h"
#include "gis/VectorLayer.h"
#include "models/carbon/CarbonProject.h"
#include "models/plans/PlanRun.h"
#include "render/ProjectMaps.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace tanhui::gui {

namespace {

/// A carbon ecosystem type as the plan editor lists it: its translated name and the canonical key.
QString typeLabel(const QString& type) {
    const QString name = render::LayerStyler::ecosystemName(type);
    return name == type ? type : QStringLiteral("%1 (%2)").arg(name, type);
}

} // namespace

struct PlanDialog::Private {
    tanhui::models::Project project;
    SelectionSource selection;
    QListWidget* plans = nullptr;
    QLineEdit* description = nullptr;
    QSpinBox* horizon = nullptr;
    QTableWidget* changes = nullptr;
    QComboBox* target = nullptr;
    QSpinBox* startYear = nullptr;
    QLabel* status = nullptr;
    QLabel* problems = nullptr;
    QStringList problemLines;
    int current = -1;
    bool filling = false;

    tanhui::models::ProjectPlan* plan() {
        return current >= 0 && std::size_t(current) < project.plans.size()
                 ? &project.plans[std::size_t(current)]
                 : nullptr;
    }
};

PlanDialog::PlanDialog(const tanhui::models::Project& project, QWidget* parent)
  : QDialog(parent)
  , m_d(std::make_unique<Private>()) {
    setObjectName(QStringLiteral("planDialog"));
    setWindowTitle(tr("Restoration Plans"));
    m_d->project = project;

    m_d->plans = new QListWidget;
    auto* addPlanButton = new QPushButton(tr("New Plan…"));
    auto* removePlanButton = new QPushButton(tr("Remove Plan"));
    auto* planButtons = new QHBoxLayout;
    planButtons->addWidget(addPlanButton);
    planButtons->addWidget(removePlanButton);
    auto* left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Plans")));
    left->addWidget(m_d->plans, 1);
    left->addLayout(planButtons);

    m_d->description = new QLineEdit;
    m_d->horizon = new QSpinBox;
    m_d->horizon->setRange(0, 2200);
    m_d->horizon->setSpecialValueText(tr("Default (latest start year + 10)"));
    m_d->changes = new QTableWidget(0, 4);
    m_d->changes->setHorizontalHeaderLabels(
      { tr("Layer"), tr("Parcels"), tr("Target ecosystem"), tr("Start year") });
    m_d->changes->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_d->changes->horizontalHeader()->setStretchLastSection(true);
    m_d->changes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_d->changes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_d->target = new QComboBox;
    for (auto it = m_d->project.carbon.methods.cbegin(); it != m_d->project.carbon.methods.cend(); ++it)
        if (it.key() != QLatin1String("*") &&
            !tanhui::models::plans::plantingModel(m_d->project, it.key()).isEmpty())
            m_d->target->addItem(typeLabel(it.key()), it.key());
    if (const int mangrove = m_d->target->findData(QStringLiteral("mangrove")); mangrove >= 0)
        m_d->target->setCurrentIndex(mangrove); // the usual restoration in the coastal projects
    m_d->startYear = new QSpinBox;
    m_d->startYear->setRange(1900, 2200);
    const std::vector<int> years = tanhui::models::carbon::carbonYears(m_d->project);
    m_d->startYear->setValue(years.empty() ? 2026 : std::max(2026, years.back() + 1));
    auto* addChange = new QPushButton(tr("Add Selected Parcels"));
    addChange->setToolTip(tr("Adds the parcels selected on the map as a change: they take the target "
                             "ecosystem from the start year on."));
    auto* importLayer = new QPushButton(tr("Import Plan Layer…"));
    importLayer->setToolTip(tr("Adds a polygon file whose features are the planted parcels (e.g. new "
                               "planting areas drawn in another GIS) as a change: they take the target "
                               "ecosystem from the start year on."));
    auto* removeChangeButton = new QPushButton(tr("Remove Change"));
    auto* changeRow = new QHBoxLayout;
    changeRow->addWidget(new QLabel(tr("Target:")));
    changeRow->addWidget(m_d->target, 1);
    changeRow->addWidget(new QLabel(tr("From:")));
    changeRow->addWidget(m_d->startYear);
    changeRow->addWidget(addChange);
    changeRow->addWidget(importLayer);
    changeRow->addWidget(removeChangeButton);
    m_d->status = new QLabel;
    m_d->status->setWordWrap(true);
    m_d->problems = new QLabel;
    m_d->problems->setWordWrap(true);
    m_d->problems->setObjectName(QStringLiteral("planProblems"));

    auto* form = new QFormLayout;
    form->addRow(tr("Description:"), m_d->description);
    form->addRow(tr("Horizon year:"), m_d->horizon);
    auto* right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_d->changes, 1);
    right->addLayout(changeRow);
    right->addWidget(m_d->status);
    right->addWidget(m_d->problems);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton* save = buttons->addButton(tr("Save to Project"), QDialogButtonBox::ApplyRole);
    QPushButton* run = buttons->addButton(tr("Run Plan…"), QDialogButtonBox::ActionRole);
    run->setObjectName(QStringLiteral("runPlanButton"));
    run->setToolTip(tr("Save the plans, then run the current plan against the baseline (carbon and GEP) "
                       "in the background"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, [this] { saveToProject(); });
    connect(run, &QPushButton::clicked, this, [this] { requestRun(); });
    auto* top = new QHBoxLayout;
    top->addLayout(left);
    top->addLayout(right, 1);
    auto* outer = new QVBoxLayout(this);
    outer->addLayout(top, 1);
    outer->addWidget(buttons);

    connect(addPlanButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(
          this, tr("New Plan"), tr("Name of the plan:"), QLineEdit::Normal, QString(), &ok);
        if (ok && !addPlan(name.trimmed()))
            m_d->status->setText(tr("A plan needs a name that no other plan has."));
    });
    connect(removePlanButton, &QPushButton::clicked, this, &PlanDialog::removePlan);
    connect(m_d->plans, &QListWidget::currentRowChanged, this, &PlanDialog::setCurrentPlan);
    connect(addChange, &QPushButton::clicked, this, &PlanDialog::addSelectedParcels);
    connect(importLayer, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
          this,
          tr("Import Plan Layer"),
          QFileInfo(m_d->project.fileName()).absolutePath(),
          tr("Polygon layers (*.gpkg *.shp *.geojson *.json *.kml *.gml);;All files (*)"));
        if (!path.isEmpty())
            addPlanLayer(path);
    });
    connect(
      removeChangeButton, &QPushButton::clicked, this, [this] { removeChange(m_d->changes->currentRow()); });
    connect(m_d->description, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (auto* p = m_d->plan())
            p->description = text;
    });
    connect(m_d->horizon, &QSpinBox::valueChanged, this, [this](int year) {
        if (m_d->filling)
            return;
        if (auto* p = m_d->plan()) {
            p->horizonYear = year > 0 ? std::optional<int>(year) : std::nullopt;
            refresh();
        }
    });
    m_d->current = m_d->project.plans.empty() ? -1 : 0;
    refresh();
    resize(900, 520);
}

PlanDialog::~PlanDialog() = default;

void PlanDialog::setSelectionSource(SelectionSource source) {
    m_d->selection = std::move(source);
}

const tanhui::models::Project& PlanDialog::project() const {
    return m_d->project;
}

QStringList PlanDialog::targetTypes() const {
    QStringList out;
    for (int i = 0; i < m_d->target->count(); ++i)
        out << m_d->target->itemData(i).toString();
    return out;
}

bool PlanDialog::addPlan(const QString& name) {
    if (name.isEmpty() || tanhui::models::plans::findPlan(m_d->project, name))
        return false;
    tanhui::models::ProjectPlan plan;
    plan.name = name;
    m_d->project.plans.push_back(plan);
    m_d->current = int(m_d->project.plans.size()) - 1;
    refresh();
    return true;
}

void PlanDialog::removePlan() {
    if (!m_d->plan())
        return;
    m_d->project.plans.erase(m_d->project.plans.begin() + m_d->current);
    m_d->current = std::min(m_d->current, int(m_d->project.plans.size()) - 1);
    refresh();
}

void PlanDialog::setCurrentPlan(int index) {
    if (m_d->filling || index == m_d->current)
        return;
    m_d->current = index;
    refresh();
}

void PlanDialog::setTarget(const QString& type, int startYear) {
    const int i = m_d->target->findData(type);
    if (i >= 0)
        m_d->target->setCurrentIndex(i);
    m_d->startYear->setValue(startYear);
}

bool PlanDialog::addSelectedParcels() {
    tanhui::models::ProjectPlan* plan = m_d->plan();
    if (!plan) {
        m_d->status->setText(tr("Add a plan first."));
        return false;
    }
    const auto [layerId, features] =
      m_d->selection ? m_d->selection() : std::pair<QString, std::vector<std::uint32_t>>();
    if (features.empty()) {
        m_d->status->setText(tr("Select parcels on the map first (a parcel layer of the project)."));
        return false;
    }
    const tanhui::models::ProjectLayer* layer = m_d->project.layer(layerId);
    bool parcelLayer = false;
    for (const tanhui::models::ProjectCarbonLayer& l : tanhui::models::carbon::carbonLayers(m_d->project))
        parcelLayer = parcelLayer || l.layer == layerId;
    if (!layer || !parcelLayer || m_d->target->currentIndex() < 0) {
        m_d->status->setText(tr("The selection is not on a parcel layer of the project's carbon run."));
        return false;
    }
    // The ids of the selected features (indices in layer order) from the layer's id field.
    QStringList ids;
    try {
        tanhui::gis::VectorOpenOptions open;
        open.encodingOverride = layer->encoding.toStdString();
        tanhui::gis::VectorLayer vl(m_d->project.resolve(layer->path).toStdString(), open);
        const int field = layer->idField.isEmpty() ? -1 : vl.fieldIndex(layer->idField);
        const std::set<std::uint32_t> wanted(features.begin(), features.end());
        tanhui::gis::Feature f;
        std::uint32_t index = 0;
        vl.resetReading();
        while (vl.next(f)) {
            if (wanted.count(index))
                ids << (field >= 0 ? f.attributes[std::size_t(field)].toString() : QString::number(f.fid));
            ++index;
        }
    } catch (const tanhui::gis::GisError& error) {
        m_d->status->setText(tanhui::app::errorDetail(error));
        return false;
    }
    tanhui::models::ProjectPlanChange change;
    change.layer = layerId;
    change.parcels = ids;
    change.target = m_d->target->currentData().toString();
    change.startYear = m_d->startYear->value();
    plan->changes.push_back(change);
    m_d->status->setText(tr("Added %n parcel(s).", nullptr, int(ids.size())));
    refresh();
    return true;
}

bool PlanDialog::addPlanLayer(const QString& path) {
    tanhui::models::ProjectPlan* plan = m_d->plan();
    if (!plan) {
        m_d->status->setText(tr("Add a plan first."));
        return false;
    }
    const QFileInfo file(path);
    if (!file.exists()) {
        m_d->status->setText(tr("%1 does not exist.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    // Relative to the project's folder when inside it, so that the project can move with its data.
    const QDir folder = QFileInfo(m_d->project.fileName()).absoluteDir();
    const QString relative = folder.relativeFilePath(file.absoluteFilePath());
    tanhui::models::ProjectPlanChange change;
    change.planLayer = relative.startsWith(QLatin1String("..")) ? file.absoluteFilePath() : relative;
    change.target = m_d->target->currentData().toString();
    change.startYear = m_d->startYear->value();
    plan->changes.push_back(change);
    m_d->status->setText(tr("Added the features of %1.").arg(file.fileName()));
    refresh();
    return true;
}

void PlanDialog::removeChange(int row) {
    tanhui::models::ProjectPlan* plan = m_d->plan();
    if (!plan || row < 0 || std::size_t(row) >= plan->changes.size())
        return;
    plan->changes.erase(plan->changes.begin() + row);
    refresh();
}

QStringList PlanDialog::problems() const {
    return m_d->problemLines;
}

bool PlanDialog::requestRun() {
    const tanhui::models::ProjectPlan* plan = m_d->plan();
    if (!plan) {
        m_d->status->setText(tr("Choose or add a plan first."));
        return false;
    }
    if (!problems().isEmpty()) {
        m_d->status->setText(tr("Mend the plan's problems below before running it."));
        return false;
    }
    const QString name = plan->name;
    // The run reads the project file's copy of the plan (the job works on the saved project).
    if (!saveToProject())
        return false;
    emit runRequested(name);
    return true;
}

bool PlanDialog::saveToProject() {
    try {
        m_d->project.save(m_d->project.fileName());
    } catch (const tanhui::gis::GisError& error) {
        QMessageBox::warning(this, tanhui::app::errorHeadline(error), tanhui::app::errorDetail(error));
        return false;
    }
    m_d->status->setText(tr("Saved the plans in %1").arg(m_d->project.fileName()));
    emit projectSaved(m_d->project.fileName());
    return true;
}

void PlanDialog::refresh() {
    m_d->filling = true;
    m_d->plans->clear();
    for (const tanhui::models::ProjectPlan& p : m_d->project.plans)
        m_d->plans->addItem(p.name);
    m_d->plans->setCurrentRow(m_d->current);
    const tanhui::models::ProjectPlan* plan = m_d->plan();
    m_d->description->setEnabled(plan);
    m_d->horizon->setEnabled(plan);
    m_d->description->setText(plan ? plan->description : QString());
    m_d->horizon->setValue(plan && plan->horizonYear ? *plan->horizonYear : 0);
    m_d->changes->setRowCount(plan ? int(plan->changes.size()) : 0);
    m_d->problemLines.clear();
    if (plan) {
        for (std::size_t i = 0; i < plan->changes.size(); ++i) {
            const tanhui::models::ProjectPlanChange& c = plan->changes[i];
            const int row = int(i);
            m_d->changes->setItem(row, 0, new QTableWidgetItem(c.layer.isEmpty() ? c.planLayer : c.layer));
            m_d->changes->setItem(row,
                                  1,
                                  new QTableWidgetItem(c.layer.isEmpty()
                                                         ? tr("all features")
                                                         : QString::number(c.parcels.size())));
            m_d->changes->setItem(row, 2, new QTableWidgetItem(typeLabel(c.target)));
            m_d->changes->setItem(row, 3, new QTableWidgetItem(QString::number(c.startYear)));
        }
        for (const auto& issue : tanhui::models::plans::validatePlan(m_d->project, std::size_t(m_d->current)))
            m_d->problemLines << QStringLiteral("%1: %2").arg(issue.column, issue.message);
    }
    m_d->problems->setText(
      m_d->problemLines.isEmpty()
        ? (plan ? tr("The plan is valid; run it with tanhui-cli plan --plan %1.").arg(plan->name) : QString())
        : m_d->problemLines.join(QLatin1Char('\n')));
    m_d->filling = false;
}

} // namespace tanhui::gui
