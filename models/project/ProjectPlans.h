// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tanhui::models {

/// @brief One change of a restoration plan (the project's `plans` section, docs/carbon-project.md
/// "Restoration plans"): parcels of a parcel layer (by the values of its id field) or the features of
/// a plan layer (a polygon file, relative to the project file) take `target` from `startYear` on.
struct ProjectPlanChange {
    QString layer;       ///< id of a parcel layer of the project (with `parcels`)
    QStringList parcels; ///< values of the layer's id field
    QString planLayer;   ///< a polygon file (relative to the project file) whose features are parcels
    QString target;      ///< ecosystem type the parcels take, e.g. "mangrove", "forest"
    int startYear = 0;   ///< planting year: the parcels carry `target` from then on
    QString growthType;  ///< forest targets: row of the growth table (default "plantation", §3.2)
};

/// @brief A named restoration plan (scenario) of the project.
struct ProjectPlan {
    QString name;        ///< unique in the project
    QString description; ///< free text
    /// The year at which plan and baseline are compared; unset: the default (plans::horizonYear:
    /// the latest start year + 10).
    std::optional<int> horizonYear;
    std::vector<ProjectPlanChange> changes;
};

/// Parses the optional `plans` array (structure only: types, names, known keys; the meaning is
/// checked by models::plans::validatePlan). Throws gis::GisError(InvalidArgument) naming the file and
/// the key (plans[i].changes[j].<key>) and the value.
std::vector<ProjectPlan> plansFromJson(const QString& file, const QJsonValue& value);
/// The `plans` array as written in project files (deterministic key order).
QJsonArray plansToJson(const std::vector<ProjectPlan>& plans);

} // namespace tanhui::models
