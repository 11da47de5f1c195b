// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/carbon/CarbonResult.h"
#include "models/carbon/ProjectUncertainty.h"
#include "models/uncertainty/BlueCarbonMonteCarlo.h"

#include <QString>

#include <map>
#include <memory>
#include <vector>

/// Confidence bounds of the blue-carbon method in `tanhui-cli carbon --project` (carbon-methods.md §2,
/// §4, §6.2; docs/uncertainty.md "Blue carbon"): per-parcel bounds and the MethodSampler for the
/// totals, over both routes (the CBC engine in either mode and the Wetlands Supplement Tier 1 route).
namespace tanhui::models::carbon {

/// @brief One CBC run of the project (one per mode: User's Guide or InVEST-compatible): the drawn
/// values and the per-history, per-iteration series.
struct BlueCarbonCbcEngine {
    uncertainty::CbcUncertaintyModel model;
    uncertainty::CbcHistorySamples samples;
};

/// @brief What the blue-carbon sampler knows of one result of the method.
struct BlueCarbonSampleUnit {
    enum class Kind { None, Cbc, Tier1 };
    Kind kind = Kind::None;                  ///< None: not computed (contributes nothing)
    std::size_t engine = 0;                  ///< Cbc: index into the engines
    uncertainty::CbcUnitAreas historyAreaHa; ///< Cbc: area per class history
    QString climate;                         ///< Tier1: the mangrove_ws row
    uncertainty::RestorationUnitPlot plot;   ///< Tier1
};

/// @brief Per-iteration totals of a unit's samples: per report year the stock, per consecutive pair
/// the change, and, with more than two years, first → last (Σ of the period samples per iteration;
/// the change the project adds to every result with chained intervals, so totals of that pair get
/// bounds too). `years` are the unit's report years.
SampledTotals blueCarbonTotals(uncertainty::UnitSamples samples, const std::vector<int>& years);

/// @brief Sets the bounds of `r`'s stocks and changes from `totals` (same years and pairs); adds the
/// first → last change with its bounds when `totals` has it, it is `runSpan` (the run's first and last
/// carbon years, the change the project adds) and `r` has not (its value: the sum of the period
/// changes in order, as the project would add it).
void applyBlueCarbonBounds(ParcelResult& r, const SampledTotals& totals, std::pair<int, int> runSpan);

/// @brief The sampler of the method (ProjectUncertainty.h): `units[b][k]` is result (b, k) of the
/// method's output; a group's totals are the per-iteration sums over its CBC histories (areas summed
/// per engine) and its Tier 1 plots (per climate row), exact because every route is linear in areas.
std::shared_ptr<MethodSampler> makeBlueCarbonSampler(
  std::vector<BlueCarbonCbcEngine> engines,
  std::map<QString, uncertainty::MangroveWsUncertainty> tier1,
  std::vector<int> tier1Years,
  std::vector<std::vector<BlueCarbonSampleUnit>> units,
  const UncertaintySettings& settings,
  int threads);

} // namespace tanhui::models::carbon
