// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/carbon/BlueCarbon.h"
#include "models/uncertainty/CarbonMonteCarlo.h"

#include <array>
#include <cstdint>
#include <map>
#include <vector>

/// IPCC Approach 2 (Monte Carlo) and Approach 1 for the blue-carbon method (carbon-methods.md §2, §4,
/// §6.2): the Coastal Blue Carbon engine and the Wetlands Supplement Tier 1 restoration route. Same
/// generator, seed handling and correlation rule as the pool and volume methods (CarbonMonteCarlo.h):
/// draw i of a table value is dist.quantile(uniform01(seed, FNV-1a(id), i)), one draw per value per
/// iteration shared by every year, parcel and total that uses it; thread-count independent.
namespace tanhui::models::uncertainty {

// ---------------------------------------------------------------------------------------------------
// Coastal Blue Carbon (carbon-methods.md §2.1, §2.3).

/// Value columns of the CBC biophysical table that carry uncertainty, in this order: the initial
/// stocks (biomass, soil, litter), the half-lives (biomass, soil), the disturbed shares
/// ([biomass, soil] × [low, med, high]) and the yearly accumulation rates (biomass, soil, litter).
/// The optional ceilings (a Tanhui extension; they only stop accumulation) are not drawn on their own:
/// a ceiling equal to the class's initial stock of its pool (the default mangrove row: both are the
/// Tier 1 stock, carbon-methods.md §4) takes the initial stock's draw, other ceilings are exact.
constexpr int kCbcUncertainColumns = 14;
/// The column name of index `i` (e.g. "biomass-yearly-accumulation").
const char* cbcUncertainColumn(int i);

/// @brief The distribution of each uncertain value of each class used (readUncertainty(); ids
/// "cbc_biophysical/<code>/<column>").
struct CbcUncertaintyModel {
    std::vector<std::int64_t> codes;                                      ///< ascending
    std::vector<std::array<UncertainValue, kCbcUncertainColumns>> values; ///< per code
    params::Issues issues;
    std::vector<std::string> fixedIds; ///< non-zero values treated as exact ("<code>/<column>")
};
CbcUncertaintyModel buildCbcUncertainty(const params::ParameterTable& table,
                                        const std::vector<std::int64_t>& codes,
                                        const UncertaintyDefaults& defaults);

/// @brief `classes` with the values of iteration `iteration` of `draws` (one row per (code, column) in
/// model order). Drawn values are kept physical: stocks, rates and half-lives at ≥ 0, disturbed
/// shares in [0, 1] (only a declared normal, triangular or uniform can leave these ranges; the
/// U-only rule is already non-negative); ceilings as described at kCbcUncertainColumns.
carbon::CbcParameters drawnCbcParameters(const carbon::CbcParameters& classes,
                                         const CbcUncertaintyModel& model,
                                         const DrawMatrix& draws,
                                         int iteration);

/// @brief Per class history (the codes of a cell at every snapshot) and iteration, the cell's series
/// per hectare: total stock (t C/ha) at each report year and net sequestration (t C/ha) of each
/// period. Every cell of a history has the same series (CbcModel::runCell()), so a parcel's stock in
/// iteration i is exactly Σ_h area_h × value_h(i): the Monte Carlo runs the engine once per history
/// and iteration, never per cell.
struct CbcHistorySamples {
    std::vector<int> reportYears;
    std::size_t histories = 0;
    int iterations = 0;
    std::vector<double> central; ///< [h][q] with the table values; q < years: stock, else period
    std::vector<double> values;  ///< [h][q][i]
    std::size_t quantities() const { return reportYears.size() * 2 - 1; }
    const double* row(std::size_t h, std::size_t q) const {
        return values.data() + (h * quantities() + q) * std::size_t(iterations);
    }
    double centralOf(std::size_t h, std::size_t q) const { return central[h * quantities() + q]; }
};

/// @brief Runs the CBC engine for every history and iteration with drawn parameters (iterations in
/// parallel, each a pure function of the seed: identical for any thread count). Throws
/// CancelledError, and GisError when a history has a code or pair the tables lack.
CbcHistorySamples sampleCbcHistories(const CbcUncertaintyModel& model,
                                     const carbon::CbcParameters& classes,
                                     const carbon::CbcTransitions& transitions,
                                     const carbon::CbcModelOptions& modelOptions,
                                     const std::vector<std::vector<std::int64_t>>& histories,
                                     const MonteCarloOptions& options);

/// A unit (a parcel or any set of parcels): history id → area (ha).
using CbcUnitAreas = std::map<std::size_t, double>;

/// @brief Per-iteration stocks (per report year) and net sequestration (per period) of `units`, t C:
/// Σ over histories in ascending id of area × the history's value. Approach 1 does not apply to the
/// CBC engine (a state machine with exponential half-life decay of disturbed stocks, not a product
/// or sum of the table values): u95 is NaN. Identical for any thread count.
std::vector<UnitSamples> sampleCbcUnits(const CbcHistorySamples& histories,
                                        const std::vector<CbcUnitAreas>& units);

// ---------------------------------------------------------------------------------------------------
// Wetlands Supplement Tier 1 restoration (carbon-methods.md §4).

/// Value columns of the mangrove_ws table, in this order: agb, g_w, r, cf, soc, ef_re.
constexpr int kMangroveWsColumns = 6;
const char* mangroveWsColumn(int i);

/// @brief The distributions of one climate row (ids "mangrove_ws/<climate>/<column>").
struct MangroveWsUncertainty {
    QString climate;
    carbon::MangroveWsParams central;
    std::array<UncertainValue, kMangroveWsColumns> values;
    params::Issues issues;
    std::vector<std::string> fixedIds;
};
MangroveWsUncertainty buildMangroveWsUncertainty(const params::ParameterTable& table,
                                                 const carbon::MangroveWsParams& central,
                                                 const UncertaintyDefaults& defaults);

/// @brief A restoration plot for the Monte Carlo: planting year, planted (soil removal) and area.
struct RestorationUnitPlot {
    int plantYear = 0;
    bool planted = true;
    double areaHa = 0;
};

/// @brief Per-iteration stocks (t C above the pre-planting stock, per report year) and changes (stock
/// differences of consecutive report years) of units of plots sharing one climate row: Σ over plots
/// of restorationStockAt(drawn row) × area. Drawn values are kept ≥ 0 except ef_re.
///
/// Approach 1 (§6.2): per year, plots before the biomass ceiling contribute g_w × n × area and plots
/// at it agb × area, so biomass = (1 + R) × CF × (g_w·A + agb·B): Eq. 3.2 over the two terms, then
/// Eq. 3.1 with U_(1+R) = U_R × R / (1 + R) and U_CF; soil = −ef_re·C + soc·D by Eq. 3.2; stock by
/// Eq. 3.2 over biomass and soil; a change by approach1Difference() of the two stocks (taken as
/// uncorrelated: it overstates the change's U, §6.2 design note). NaN where the stock is 0.
std::vector<UnitSamples> sampleRestorationUnits(const MangroveWsUncertainty& model,
                                                const std::vector<std::vector<RestorationUnitPlot>>& units,
                                                const std::vector<int>& reportYears,
                                                const MonteCarloOptions& options);

} // namespace tanhui::models::uncertainty
