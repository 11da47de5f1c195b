// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/project/Project.h"

#include <QDialog>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace tanhui::gui {

/// @brief The restoration plan editor (issue 13, "Restoration plans"): lists the project's plans, adds
/// the map's selected parcels as a change (target ecosystem type among the project's plantable carbon
/// types, start year), removes changes, shows the plan's validation problems (models::plans::validatePlan)
/// and saves the plans into the project file.
class PlanDialog : public QDialog {
    Q_OBJECT

public:
    /// The map's current selection: the layer's project id and the selected features (indices in layer
    /// order, MainWindow::selectedFeatures).
    using SelectionSource = std::function<std::pair<QString, std::vector<std::uint32_t>>()>;

    /// `project` must have a file name (saving writes it).
    explicit PlanDialog(const tanhui::models::Project& project, QWidget* parent = nullptr);
    ~PlanDialog() override;

    void setSelectionSource(SelectionSource source);
    /// The project with the edited plans.
    const tanhui::models::Project& project() const;
    /// The plantable target types offered (canonical names, in the combo box's order).
    QStringList targetTypes() const;

    /// Adds a plan named `name` (unique) and makes it current; false when the name is empty or taken.
    bool addPlan(const QString& name);
    /// Removes the current plan.
    void removePlan();
    /// Makes plan `index` current.
    void setCurrentPlan(int index);
    /// Sets the target type and start year that addSelectedParcels() uses.
    void setTarget(const QString& type, int startYear);
    /// Adds the selection as a change of the current plan (the ids of the layer's id field); false (the
    /// status line says why) without a plan, a selection, or on a layer that is not a parcel layer.
    bool addSelectedParcels();
    /// Adds a polygon file (e.g. the new planting areas drawn in another GIS) as a change of the current
    /// plan: its features are the planted parcels, with the target type and start year of
    /// addSelectedParcels(); the path is kept relative to the project's folder when inside it. False (the
    /// status line says why) without a plan or when the file does not exist; the plan's validation names
    /// a file that is not a polygon layer.
    bool addPlanLayer(const QString& path);
    /// Removes change `row` of the current plan.
    void removeChange(int row);
    /// The current plan's problems (one line each), empty when valid.
    QStringList problems() const;
    /// Saves the project file with the plans; false with the reason reported on failure.
    bool saveToProject();
    /// "Run Plan…": saves, then asks to run the current plan (runRequested); false (the status line says
    /// why) without a plan, while the plan has problems, or when saving failed.
    bool requestRun();

signals:
    void projectSaved(const QString& file);
    /// The user asked to run plan `name` (saved in the project file).
    void runRequested(const QString& name);

private:
    void refresh();

    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace tanhui::gui
