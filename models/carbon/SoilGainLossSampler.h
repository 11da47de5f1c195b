// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/carbon/ProjectUncertainty.h"
#include "models/uncertainty/SoilGainLossMonteCarlo.h"

#include <memory>
#include <vector>

/// Samplers of the cropland soil and forest gain-loss methods for the totals of a project run
/// (ProjectUncertainty.h, docs/uncertainty.md "Project runs"; carbon-methods.md §3.2, §3.3, §6.2).
namespace tanhui::models::carbon {

/// @brief The soil method's sampler: per batch per result its unit (uncertainty::soilUnitOf(); empty
/// for results not computed). A group is sampled as the sum of its parcels' units (exact: linear).
std::shared_ptr<MethodSampler> makeSoilSampler(uncertainty::SoilUncertaintyModel model,
                                               std::vector<std::vector<uncertainty::SoilUnit>> units,
                                               const UncertaintySettings& settings,
                                               int threads);

/// @brief The gain-loss method's sampler: per batch per result its unit (per interval the growing
/// ha·yr per forest type and lost ha × fd per class). A group is the sum of its parcels' units.
std::shared_ptr<MethodSampler> makeGainLossSampler(uncertainty::GainLossUncertaintyModel model,
                                                   std::vector<std::vector<uncertainty::GainLossUnit>> units,
                                                   const UncertaintySettings& settings,
                                                   int threads);

/// @brief Fills the bounds of every stock and change of `r` that `samples` has (summarised per
/// quantity: 2.5 / 50 / 97.5 percentiles and Approach 1 U). Consumes the samples.
void applyPeriodBounds(ParcelResult& r, uncertainty::PeriodSamples& samples);

} // namespace tanhui::models::carbon
