// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/analysis/ResultSet.h"
#include "models/uncertainty/CarbonMonteCarlo.h"

#include <QString>

#include <optional>
#include <string>
#include <utility>
#include <vector>

/// The run metadata files of a Monte Carlo run (carbon-methods.md §6.2: "Record the random seed and the
/// generator"), shared by `carbon --method … --uncertainty` and `carbon --project`.
namespace tanhui::models::uncertainty {

/// @brief uncertainty_parameters.csv: parameter (the RNG stream id), distribution, value, sd, u95_pct,
/// origin (table / default / none) and provenance, one row per value. Atomic. Throws GisError.
void writeUncertaintyParameters(const std::string& path, const std::vector<const UncertainValue*>& values);
/// The same as the result-set table "uncertainty_parameters", with its columns' units and descriptions.
analysis::Table uncertaintyParametersTable(const std::vector<const UncertainValue*>& values);

/// @brief uncertainty_run.csv (key,value): method, iterations, seed, generator, correlation (the rule
/// given), percentiles, approach1, default_uncertainty_pct, then `extra` rows. Atomic. Throws GisError.
void writeUncertaintyRun(const std::string& path,
                         const MonteCarloMetadata& metadata,
                         std::optional<double> defaultPct,
                         const QString& correlation,
                         const std::vector<std::pair<QString, QString>>& extra = {});
/// The same as the result-set table "uncertainty_run", with its columns' descriptions.
analysis::Table uncertaintyRunTable(const MonteCarloMetadata& metadata,
                                    std::optional<double> defaultPct,
                                    const QString& correlation,
                                    const std::vector<std::pair<QString, QString>>& extra = {});

/// The correlation rule of one method run: one draw per parameter per iteration, shared by all dates
/// and parcels (§6.2 item 2).
QString methodCorrelationRule();

} // namespace tanhui::models::uncertainty
