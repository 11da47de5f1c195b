// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// From the settings of a GEP run (the declared inputs of the "gep" analysis, models/analysis) to the
// inputs of runGepProject: the parameter tables (the project's copies or the embedded defaults), the
// user's tables, the price-year adjustment (gep-methods.md §5.3), the account settings and the carbon
// results. `tanhui-cli gep` and the analysis's run() both go through here.

#include "models/gep/GepProject.h"
#include "models/params/Parameter.h"
#include "models/project/Project.h"

#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>

namespace tanhui::models::gep {

/// @brief A GEP run's settings, resolved (flags over the project's gep section over the defaults).
struct GepSettings {
    QString projectFile;                              ///< absolute, for the provenance
    QString profile = QStringLiteral("RCEES_LEGACY"); ///< accounting profile (gep/profiles.csv)
    QString priceSet = QStringLiteral("P0_RCEES2010");
    QString climateVariant; ///< "s1", "cop" or empty (the profile's)
    std::optional<double> acDays, seawallCost, seawallLife;
    std::optional<int> priceYear;
    double slopeLengthM = 22.13;
    QString deflators;     ///< price index table (path); empty: the shipped one
    QString indexFallback; ///< index series for prices whose series the table lacks
    QString prices, parcelInputs, products, ecosystems; ///< user tables (paths); empty: none
    QStringList layerIds;                               ///< empty: every parcel layer
    std::map<QString, QString> carbonTables;            ///< layer id → parcels.csv of `carbon --parcels`
    QString carbonResults; ///< a `carbon --project` folder, "none", or empty: carbon/ beside the project
    QString scenarioFile;  ///< a scenario project, or empty
    QString origin;        ///< where the settings came from (run_settings.csv settings_origin)
};

/// @brief The loaded model and what loading it said.
struct GepPlan {
    GepInputs inputs;                  ///< model and account (the carbon inputs: completeGepInputs)
    QStringList tableOrigins;          ///< "gep/profiles embedded default", ... (printed before a run)
    params::Issues notes;              ///< warnings while choosing tables (printed first)
    params::Issues issues;             ///< table and value problems (errors stop the run)
    QStringList warnings;              ///< after the issues: a flagged profile, a capped slope length
    std::shared_ptr<Project> scenario; ///< the scenario project, once completeGepInputs loaded it
    double carbonReadSeconds = 0;      ///< reading the carbon result set
    int targetYear = 0;                ///< the price year prices were adjusted to (0: none)
};

/// @brief Loads the parameter tables and the user's tables, adjusts the prices to the price year and
/// fills the account settings. Never throws for bad input: problems are in `issues`.
GepPlan prepareGepModel(const Project& project, const GepSettings& settings);

/// @brief Adds the carbon inputs (settings.carbonTables, carbonResults or the project's carbon/
/// folder) and the scenario to `plan.inputs`. Throws gis::GisError naming the file for unreadable
/// carbon results or scenario.
void completeGepInputs(GepPlan& plan, const Project& project, const GepSettings& settings);

} // namespace tanhui::models::gep
