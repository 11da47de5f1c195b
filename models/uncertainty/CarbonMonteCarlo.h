// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/carbon/PoolMethod.h"
#include "models/carbon/VolumeMethod.h"
#include "models/uncertainty/Distribution.h"
#include "models/uncertainty/UncertainParameters.h"

#include <array>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace tanhui::gis {
class Feedback;
}

/// IPCC Approach 2 (Monte Carlo) and Approach 1 for the carbon methods (carbon-methods.md §6.2, §9 step 9).
namespace tanhui::models::uncertainty {

/// Issue default: 1,000 iterations.
constexpr int kDefaultIterations = 1000;
/// Seed used when the user gives none (recorded in the run metadata like any other).
constexpr std::uint64_t kDefaultSeed = 20240601;

struct MonteCarloOptions {
    int iterations = kDefaultIterations;
    std::uint64_t seed = kDefaultSeed;
    int threads = 0; ///< 0: all cores. Results do not depend on it.
    gis::Feedback* feedback = nullptr;
};

/// @brief What produced the draws (for run metadata): seed, iterations, generator.
struct MonteCarloMetadata {
    std::uint64_t seed = 0;
    int iterations = 0;
    const char* generator = kGeneratorName;
    int threadsUsed = 1;
};

/// @brief Uncertainty of one quantity (t C): the central result with the table values, the Monte
/// Carlo mean and 2.5 / 50 / 97.5 percentiles, and Approach 1's U (fraction; NaN when undefined,
/// e.g. a zero change).
struct QuantityUncertainty {
    double central = 0;
    Interval mc;
    double u95 = 0;
};

/// @brief The per-iteration values of one quantity (t C): samples[i] is Monte Carlo iteration i; with
/// the central result (table values) and Approach 1's U (fraction; NaN when undefined).
struct QuantitySamples {
    double central = 0;
    double u95 = 0;
    std::vector<double> samples;
};

/// @brief Uncertainty of a unit (a parcel, or the whole raster): per date the stock, per pair the
/// change over cells valid on both dates.
struct UnitUncertainty {
    std::vector<QuantityUncertainty> stocks;
    std::vector<QuantityUncertainty> changes;
};

// ---------------------------------------------------------------------------------------------------
// Pool-table method (carbon-methods.md §1.2, §9 step 3 "class: pool-table lookup").

/// @brief The distribution of each pool density of each class of the pools table (readUncertainty()
/// with column c_above … c_dead). One parameter per (class, pool): drawn once per iteration and shared
/// by both dates and every parcel (§6.2 item 2), pools of a class independent of each other.
struct PoolUncertaintyModel {
    std::vector<std::int64_t> codes;                                   ///< ascending, as PoolLookup::codes()
    std::vector<std::array<UncertainValue, carbon::kPoolCount>> pools; ///< per code
    params::Issues issues;
    /// Parameters treated as exact although MC was requested ("<code>/<pool>"), for a warning.
    std::vector<std::string> fixedIds;
};
PoolUncertaintyModel buildPoolUncertainty(const params::ParameterTable& table,
                                          const carbon::PoolLookup& pools,
                                          const UncertaintyDefaults& defaults);

/// @brief Class areas of one unit: per date the area (ha) of each class; per pair the area of each
/// (class y1, class y2) over cells valid on both dates.
struct PoolUnitAreas {
    std::vector<std::map<std::int64_t, double>> dateClassHa;
    std::vector<std::map<std::pair<std::int64_t, std::int64_t>, double>> pairTransitionHa;
};
/// The whole-raster areas of a run (DateTotals::classAreaHa, PairTotals::transitionAreaHa).
PoolUnitAreas wholeRasterAreas(const carbon::PoolRunResult& run);
/// A parcel's areas (ParcelDate::classAreaHa, ParcelCarbon::transitionAreaHa; run with
/// PoolRunOptions::writeTransitionRasters for the pairs).
PoolUnitAreas parcelAreas(const carbon::ParcelCarbon& parcel);

struct PoolMonteCarloResult {
    MonteCarloMetadata metadata;
    UnitUncertainty total;                ///< whole raster (as totals.csv)
    std::vector<UnitUncertainty> parcels; ///< in the order of the given parcels
};

/// @brief Monte Carlo and Approach 1 for the pool method.
///
/// Per iteration i: each class's total density D_k(i) = Σ pools of its drawn pool densities; per unit
/// stock_d(i) = Σ_k area_dk × D_k(i); change_p(i) = Σ_(a,b) area_ab × (D_b(i) − D_a(i)) over cells
/// valid on both dates, so a density drawn once enters both dates (correlated change). Percentiles are
/// of type 7 (percentileSorted()). Parcels are processed in parallel, each parcel entirely by one
/// thread in a fixed order, so the results are identical for any thread count.
///
/// Approach 1 (§6.2): stock U by Eq. 3.2 over the terms area_k × density_kp with U_kp = u95() of each
/// pool's distribution (areas exact); change U by Eq. 3.2 over the two dates' stocks on the both-valid
/// cells taken as uncorrelated (approach1Difference(); §6.2: it overstates the change's uncertainty).
/// Throws CancelledError.
PoolMonteCarloResult runPoolMonteCarlo(const PoolUncertaintyModel& model,
                                       const PoolUnitAreas& total,
                                       const std::vector<PoolUnitAreas>& parcels,
                                       const MonteCarloOptions& options);
/// @brief The same with the parcels' areas read in place from the pool method's per-parcel results
/// (ParcelDate::classAreaHa, ParcelCarbon::transitionAreaHa) instead of copies (parcelAreas()): the
/// same numbers, without a second copy of every parcel's class areas in memory.
PoolMonteCarloResult runPoolMonteCarloOnParcels(const PoolUncertaintyModel& model,
                                                const PoolUnitAreas& total,
                                                const std::vector<carbon::ParcelCarbon>& parcels,
                                                const MonteCarloOptions& options);

/// @brief Per-iteration samples of a unit: per date the stock, per pair the change (as PoolUnitAreas).
struct UnitSamples {
    std::vector<QuantitySamples> stocks;
    std::vector<QuantitySamples> changes;
};

/// @brief The per-iteration stocks and changes of `units` with the draws of runPoolMonteCarlo() (same
/// model, seed and iterations give the same draws: summarize() of these samples are its results). The
/// method is linear in the class areas, so a group of parcels is sampled exactly as one unit whose
/// areas are the sums of the parcels' areas (percentiles of a sum are not sums of percentiles). Units
/// in parallel, each by one thread: identical for any thread count.
std::vector<UnitSamples> samplePoolUnits(const PoolUncertaintyModel& model,
                                         const std::vector<PoolUnitAreas>& units,
                                         const MonteCarloOptions& options);

// ---------------------------------------------------------------------------------------------------
// Volume method (carbon-methods.md §5.1, §5.3).

/// @brief Per species group, the distributions of wd, bef, r, cf (constant form) and fang_a, fang_b
/// (continuous form; CF = 0.5 exact, as Fang used it).
struct VolumeUncertaintyModel {
    std::map<QString, std::array<UncertainValue, 6>> groups; ///< wd, bef, r, cf, fang_a, fang_b
    params::Issues issues;
    std::vector<std::string> fixedIds;
};
VolumeUncertaintyModel buildVolumeUncertainty(const params::ParameterTable& table,
                                              const carbon::SpeciesLookup& species,
                                              carbon::BefForm form,
                                              const UncertaintyDefaults& defaults);

struct VolumeMonteCarloResult {
    MonteCarloMetadata metadata;
    QuantityUncertainty total;                ///< Σ parcels, t C
    std::vector<QuantityUncertainty> parcels; ///< t C, in record order (NaN for records without group)
};

/// @brief Monte Carlo and Approach 1 for the volume method: per iteration the stock of each parcel is
/// area × density(V, drawn parameters of its group) (constantBefDensity() / continuousBefDensity()),
/// the group's draw shared by all its parcels; the total per iteration is Σ over groups (parcel sums
/// in record order). Approach 1: constant form Eq. 3.1 with U_wd, U_bef, U_(1+R), U_cf (volume and
/// area exact); continuous form Eq. 3.2 over a·V and b; total Eq. 3.2 over groups (a group's parcels
/// share its parameters, so each group is one product term). Deterministic for any thread count.
VolumeMonteCarloResult runVolumeMonteCarlo(const VolumeUncertaintyModel& model,
                                           const std::vector<carbon::VolumeRecord>& records,
                                           const std::vector<carbon::VolumeParcel>& results,
                                           carbon::BefForm form,
                                           const MonteCarloOptions& options);

/// @brief Sums of the parcels of one species group in a unit: Σ area × V (m³) and Σ area (ha).
struct VolumeGroupSums {
    double areaVolumeM3 = 0;
    double areaHa = 0;
};
/// Species group → sums; a unit is any set of parcels (e.g. a district).
using VolumeUnitSums = std::map<QString, VolumeGroupSums>;

/// @brief The per-iteration carbon (t C) of `units` with the draws of runVolumeMonteCarlo() (same model,
/// seed, iterations): per iteration Σ over groups of the group's density at V = 1 × Σ area·V (constant
/// form, linear in V) or (a·Σ area·V + b·Σ area) × 0.5 (continuous form, affine in V), exactly the
/// per-iteration sum of the parcels. Central and Approach 1 (Eq. 3.2 over groups) as for the total of
/// runVolumeMonteCarlo(). Groups not in the model throw GisError (InvalidArgument).
std::vector<QuantitySamples> sampleVolumeUnits(const VolumeUncertaintyModel& model,
                                               const std::vector<VolumeUnitSums>& units,
                                               carbon::BefForm form,
                                               const MonteCarloOptions& options);

} // namespace tanhui::models::uncertainty
