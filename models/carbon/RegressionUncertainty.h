// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/carbon/CarbonResult.h"
#include "models/carbon/ProjectUncertainty.h"
#include "models/uncertainty/RegressionMonteCarlo.h"

#include <map>
#include <memory>
#include <utility>
#include <vector>

/// Confidence bounds of the regression method in `tanhui-cli carbon --project` (carbon-methods.md §6.1,
/// §6.2; docs/uncertainty.md "Regression"): per-parcel bounds and the MethodSampler for the totals.
namespace tanhui::models::carbon {

/// @brief A regression parcel for the sampler: its per-iteration stock (t C) at each year it reports,
/// and the changes it reports (pairs of such years).
struct RegressionSampleUnit {
    std::map<int, uncertainty::QuantitySamples> stocks;
    std::vector<std::pair<int, int>> changes;
};

/// @brief Sets the bounds of `r`'s stocks and changes from its Monte Carlo samples (`unit`: years as
/// `years`, changes as sampleRegressionUnits()) and returns what the sampler keeps of it.
RegressionSampleUnit applyRegressionBounds(ParcelResult& r,
                                           const std::vector<int>& years,
                                           uncertainty::UnitSamples unit);

/// @brief The sampler of the method: the model (for uncertainty_parameters.csv) and per result (b, k)
/// its samples. The R class of a parcel depends on the parcel's own mean AGB in each iteration, so the
/// parcels are sampled one by one (sampleRegressionUnits) and a group's totals are the per-iteration
/// sums of its parcels' samples.
std::shared_ptr<MethodSampler> makeRegressionSampler(uncertainty::RegressionUncertaintyModel model,
                                                     std::vector<std::vector<RegressionSampleUnit>> units);

} // namespace tanhui::models::carbon
