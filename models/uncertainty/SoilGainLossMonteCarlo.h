// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/carbon/GainLossMethod.h"
#include "models/carbon/SoilMethod.h"
#include "models/uncertainty/CarbonMonteCarlo.h"

#include <QString>

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

/// IPCC Approach 2 (Monte Carlo) and Approach 1 for the cropland soil method (carbon-methods.md §3.3,
/// §3.7, §3.8) and the forest gain-loss method (§3.2), with the generator, seed handling and correlation
/// rule of the pool and volume methods (CarbonMonteCarlo.h, §6.2): a draw depends only on the seed, the
/// parameter ("<table id>/<key>/<column>") and the iteration, so the same table value is the same draw in
/// every parcel, date, method and total that uses it, for any thread count.
namespace tanhui::models::uncertainty {

/// @brief Per-iteration values of one unit: per year the stock, per (year1, year2) the change (t C).
/// Years and pairs the unit does not have are absent.
struct PeriodSamples {
    std::map<int, QuantitySamples> stocks;
    std::map<std::pair<int, int>, QuantitySamples> changes;
};

/// The Monte Carlo summary (and Approach 1) of a quantity's samples (reorders them).
QuantityUncertainty summarizeSamples(QuantitySamples& q);

// ---------------------------------------------------------------------------------------------------
// Cropland soil (carbon-methods.md §3.3 Eq. 2.25 with the linear 20-year transition).

/// @brief An equilibrium state SOC_eq = SOC_REF × F_LU × F_MG × F_I: the key of its soc_ref row
/// (front) and of its soil_factors rows (none for native land: all factors 1, §3.3).
using SoilState = std::vector<QString>;

/// @brief A soil unit (a plot, or the sum of plots): per state, per year the weight (ha) of that state,
/// so that stock_y = Σ_state weight × SOC_eq(state); and the changes (year1, year2) it reports. By §3.3
/// a plot's SOC(t) = SOC_start × (1 − f) + SOC_eq,new × f with f = clamp((t − t_change) / D, 0, 1): the
/// "before" state weighs area × (1 − f), the "after" state area × f (f = 1 without a change). Linear in
/// the weights, so the sum of plots is the unit whose weights are the sums (exact per iteration).
struct SoilUnit {
    std::map<SoilState, std::map<int, double>> weightHa;
    std::set<std::pair<int, int>> changes;
    void add(const SoilUnit& other);
};

/// @brief The unit of one computed plot (computeSoilPlots()): per settings.years its weights, the
/// consecutive pairs and, with three or more years, first → last. Empty when a table row is missing.
SoilUnit soilUnitOf(const carbon::SoilTables& tables,
                    const carbon::SoilSettings& settings,
                    const carbon::SoilPlot& plot,
                    double areaHa);

/// @brief The distributions of the soc_ref and soil_factors values used by `units` (readUncertainty()
/// with column soc_ref, value; d_years is exact): one parameter per table row, shared by every plot and
/// state that uses the row (§6.2 item 2), rows independent of each other.
struct SoilUncertaintyModel {
    std::map<QString, UncertainValue> socRef;  ///< soc_ref key → distribution of soc_ref (t C/ha)
    std::map<QString, UncertainValue> factors; ///< soil_factors key → distribution of value (ratio)
    params::Issues issues;
    std::vector<std::string> socRefFixedIds, factorFixedIds; ///< undeclared, treated as exact (warning)
};
SoilUncertaintyModel buildSoilUncertainty(const carbon::SoilTables& tables,
                                          const std::vector<SoilUnit>& units,
                                          const UncertaintyDefaults& defaults);

/// @brief Per iteration i of each unit: stock_y(i) = Σ_state weight_y × SOC_REF(i) × Π F(i) (the drawn
/// values of the state's rows), change(i) = stock_y2(i) − stock_y1(i) (the same draws on both dates:
/// correlated). Approach 1: a state's U by Eq. 3.1 over its SOC_REF and factors, a stock's by Eq. 3.2
/// over its states (taken as independent), a change's by approach1Difference() of its two stocks (§6.2:
/// it overstates the uncertainty of a correlated change). Units in parallel, each by one thread:
/// identical for any thread count. Throws GisError (a row not in the model), CancelledError.
std::vector<PeriodSamples> sampleSoilUnits(const SoilUncertaintyModel& model,
                                           const std::vector<SoilUnit>& units,
                                           const MonteCarloOptions& options);

// ---------------------------------------------------------------------------------------------------
// Forest gain − loss (carbon-methods.md §3.2 Eq. 2.9, 2.10, 2.14).

/// @brief One interval of a gain-loss unit: per forest type (at y2) the growing area × years (ha·yr:
/// remaining forest and land converted to forest), per class at y1 the lost area × fd (ha).
struct GainLossIntervalUnit {
    std::map<QString, double> growthHaYears;
    std::map<std::int64_t, double> lossHa;
    void add(const GainLossIntervalUnit& other);
};
/// @brief A gain-loss unit: per (year1, year2) its interval. change(i) = Σ_type ha·yr × G_W(i) ×
/// (1 + R(i)) × CF(i) − Σ_class ha × (c_above(i) + c_below(i)): linear, so units add.
struct GainLossUnit {
    std::map<std::pair<int, int>, GainLossIntervalUnit> intervals;
    void add(const GainLossUnit& other);
};
/// The interval unit of one GainLossInterval with disturbance fraction `fd` (ParcelResult's change).
GainLossIntervalUnit gainLossIntervalUnit(const carbon::GainLossInterval& interval, double fd);

/// @brief Distributions of g_w, r, cf per forest type (growth_rates: g_w_sd is g_w's SD) and of c_above,
/// c_below per land-cover code of the pools table (the same parameters, hence the same draws, as the
/// pool method's: `carbon_pools/<code>/<pool>`). Only the types and codes given are read.
struct GainLossUncertaintyModel {
    std::map<QString, std::array<UncertainValue, 3>> types;          ///< g_w, r, cf
    std::map<std::int64_t, std::array<UncertainValue, 2>> lossPools; ///< c_above, c_below
    params::Issues issues;
    std::vector<std::string> growthFixedIds, poolFixedIds; ///< undeclared, treated as exact (warning)
};
GainLossUncertaintyModel buildGainLossUncertainty(const params::ParameterTable& growthTable,
                                                  const params::ParameterTable& poolsTable,
                                                  const std::set<QString>& types,
                                                  const std::set<std::int64_t>& codes,
                                                  const UncertaintyDefaults& defaults);

/// @brief Per iteration the change of each interval of each unit (t C over the interval). Approach 1:
/// Eq. 3.2 over the growth terms ha·yr × G_W × (1 + R) × CF (each by Eq. 3.1 over U_GW, U_(1+R), U_CF)
/// and the loss terms −ha × c_above, −ha × c_below. Units in parallel, each by one thread: identical
/// for any thread count. Throws GisError (a type or code not in the model), CancelledError.
std::vector<PeriodSamples> sampleGainLossUnits(const GainLossUncertaintyModel& model,
                                               const std::vector<GainLossUnit>& units,
                                               const MonteCarloOptions& options);

} // namespace tanhui::models::uncertainty
