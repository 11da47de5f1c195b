// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/carbon/CarbonResult.h"
#include "models/carbon/VolumeMethod.h"
#include "models/params/Parameter.h"
#include "models/uncertainty/CarbonMonteCarlo.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tanhui::models {
class Project;
}

/// Confidence bounds of `tanhui-cli carbon --project` (carbon-methods.md §6.2, docs/uncertainty.md
/// "Project runs"): the Monte Carlo settings of a project, the per-iteration samplers the methods with
/// Monte Carlo support leave for the totals, and totals whose bounds come from per-iteration sums.
namespace tanhui::models::carbon {

/// @brief Monte Carlo settings of a project run: carbon.uncertainty, overridden by the command line.
struct UncertaintySettings {
    int iterations = uncertainty::kDefaultIterations;
    std::uint64_t seed = uncertainty::kDefaultSeed;
    std::optional<double> defaultUPct; ///< U (%) for table values without uncertainty columns
};

/// Largest seed (2⁵³ − 1: exact in JSON numbers and CSV).
constexpr std::uint64_t kMaxUncertaintySeed = (std::uint64_t(1) << 53) - 1;
/// Largest iteration count accepted.
constexpr int kMaxIterations = 10000000;

/// @brief Checks carbon.uncertainty (whole iterations 1–10,000,000, whole seed 0–2⁵³ − 1, default_u_pct
/// 0–1000), appending errors naming the project file and the key (e.g. "carbon.uncertainty.seed").
void validateUncertaintySettings(const Project& project, params::Issues& issues);
/// The settings of a valid project; nullopt when carbon.uncertainty is absent (no bounds).
std::optional<UncertaintySettings> uncertaintySettings(const Project& project);

/// The run-wide default uncertainty of `settings` (default_u_pct) with its provenance.
uncertainty::UncertaintyDefaults uncertaintyDefaults(const UncertaintySettings& settings);
/// A method's Monte Carlo options: the iterations and seed of `settings` on `threads` threads.
uncertainty::MonteCarloOptions monteCarloOptions(const UncertaintySettings& settings, int threads);
/// A warning naming `file` when values of its table have no uncertainty and are treated as exact
/// (`ids`, e.g. "11/c_above"); nothing when `ids` is empty.
void warnExactValues(const QString& file, const std::vector<std::string>& ids, params::Issues& issues);
/// Bounds from a Monte Carlo summary (t C) and Approach 1's U (fraction).
Bounds boundsOf(const uncertainty::QuantityUncertainty& q);
/// Bounds from a quantity's Monte Carlo samples (t C; 2.5/50/97.5 percentiles) and Approach 1's U
/// (fraction, given as %).
Bounds boundsOfSamples(const uncertainty::QuantitySamples& q);

/// A result of one method output: (batch, position in the batch), as MethodOutput::results[b][k].
using ResultRef = std::pair<std::size_t, std::size_t>;

/// @brief Per-iteration totals (t C) of a set of parcels of one method: per year the stock, per
/// (year1, year2) the change. Years and pairs the method does not compute are absent.
struct SampledTotals {
    std::map<int, uncertainty::QuantitySamples> stocks;
    std::map<std::pair<int, int>, uncertainty::QuantitySamples> changes;
};

/// @brief What a method with Monte Carlo support leaves for the totals: its uncertainty model and each
/// parcel's aggregates, so that any set of its parcels can be sampled with the draws of the parcels'
/// bounds (same seed and parameter streams: uncertainty::uniform01 depends only on seed, parameter and
/// iteration). Parameters of different methods are different streams, hence independent, so sums over
/// methods per iteration are valid.
class MethodSampler {
public:
    virtual ~MethodSampler() = default;
    /// Per-iteration sums over each group of parcels (exact: the methods are linear in the summed
    /// aggregates). Deterministic for any thread count.
    virtual std::vector<SampledTotals> sum(const std::vector<std::vector<ResultRef>>& groups) const = 0;
    /// The distributions drawn (for uncertainty_parameters.csv).
    virtual std::vector<const uncertainty::UncertainValue*> parameters() const = 0;
};

/// @brief The pool method's sampler: the model, the run's dates and pairs, and per batch per parcel the
/// class and transition areas (uncertainty::parcelAreas).
std::shared_ptr<MethodSampler> makePoolSampler(uncertainty::PoolUncertaintyModel model,
                                               std::vector<int> years,
                                               std::vector<std::pair<int, int>> pairs,
                                               std::vector<std::vector<uncertainty::PoolUnitAreas>> units,
                                               const UncertaintySettings& settings,
                                               int threads);

/// @brief One volume-method parcel for its sampler: the form, species group (empty when the parcel has
/// no tree carbon: exact zero), Σ area × V (m³), area (ha) and the inventory year.
struct VolumeSampleUnit {
    BefForm form = BefForm::Constant;
    QString group;
    double areaVolumeM3 = 0;
    double areaHa = 0;
    int year = 0;
};
/// @brief The volume method's sampler: a model per BEF form used, per batch per parcel its unit.
std::shared_ptr<MethodSampler> makeVolumeSampler(
  std::map<BefForm, uncertainty::VolumeUncertaintyModel> models,
  std::vector<std::vector<VolumeSampleUnit>> units,
  const UncertaintySettings& settings,
  int threads);

/// @brief A stock altered by a land-use change (docs/carbon-project.md "Ecosystem per date";
/// carbon-methods.md §3.2 Eq. 2.15/2.16, §3.3 linear transition over D = 20 years) as a linear form in
/// the run's draws: per iteration i
///   stock(i) = keep × M_year(i) + soilWeight × M_soilFrom(i) + Σ ha × density_(code, pool)(i)
/// where M is the method's own stock of the parcel (its sampler's draws: for the soil method its SOC,
/// for the volume method its biomass), keep = 1 − s (the unconverted share; 1 at the date the soil
/// transition starts), soilWeight = s × (1 − f) (SOC(t0) over the converted share, f = min(1, (t − t0) /
/// 20)), and the new use's pool densities (the pools table's `carbon_pools/<code>/<pool>`, the pool
/// method's parameters and hence its draws) weigh s × area × the class's share of the rule's classes
/// (× f for c_soil).
struct AlteredStock {
    int year = 0;
    double keep = 1.0;
    int soilFrom = 0;
    double soilWeight = 0;
    std::vector<std::pair<std::pair<std::int64_t, int>, double>> poolHa; ///< ((lucode, pool), ha)
    double centralT = 0;                                                 ///< the deterministic stock (t C)
};
/// The altered stocks of one result (its other dates keep the method's draws).
struct AlteredResult {
    std::vector<AlteredStock> stocks;
};

/// @brief A method's sampler with the stocks of some results altered by a land-use change: results not
/// in `altered` are sampled by `inner` as before; an altered result's stocks follow AlteredStock with the
/// same iteration's draws at every date (so its changes, per-iteration differences, are correlated
/// correctly) and its changes touching an altered date are the per-iteration stock differences, as the
/// deterministic rule. `pools` is the pools table's model (buildPoolUncertainty()).
std::shared_ptr<MethodSampler> makeLandUseChangeSampler(std::shared_ptr<const MethodSampler> inner,
                                                        const uncertainty::PoolUncertaintyModel& pools,
                                                        std::map<ResultRef, AlteredResult> altered,
                                                        const UncertaintySettings& settings);

/// Where a result of the run comes from for the totals: its method's sampler (null: no Monte Carlo).
struct SampledResult {
    const MethodSampler* sampler = nullptr;
    ResultRef ref;
    /// A partly counted parcel whose method computed its accounted part (ParcelResult::accountedPart):
    /// the sampler of that computation and the part's result there (the same method's parameters, so
    /// the same draws per iteration); the totals sample the part. Null: the parcel's draws × its share.
    const MethodSampler* partSampler = nullptr;
    ResultRef partRef;
};

/// @brief Totals of `results` per key (as totalsBy(); the grand total when `key` is empty) with bounds
/// of every stock and change from per-iteration sums over all methods' samplers. A total gets no
/// bounds when a parcel it counts has no sampler (a method without Monte Carlo); boundsNote then says
/// which methods. A date or pair that a parcel reports but its sampler does not sample for the parcel's
/// group gets no bounds either. `sampling` is aligned with `results`.
std::vector<ResultTotals> boundedTotals(const std::vector<ParcelResult>& results,
                                        const std::vector<SampledResult>& sampling,
                                        std::optional<TotalsKey> key);

/// @brief The uncertainty part of a project run.
struct ProjectUncertaintyRun {
    UncertaintySettings settings;
    std::vector<uncertainty::UncertainValue> parameters; ///< every distribution drawn
    QStringList methodsWithBounds;                       ///< methods that filled bounds
    ResultTotals total;                                  ///< grand total with bounds
    std::map<TotalsKey, std::vector<ResultTotals>> by;   ///< per key, with bounds
    std::vector<std::shared_ptr<const MethodSampler>> samplers;
    std::vector<SampledResult> sampling; ///< aligned with CarbonProjectRun::results
};

/// The result-set tables "uncertainty_run" and "uncertainty_parameters" of those files.
std::vector<analysis::Table> projectUncertaintyTables(const ProjectUncertaintyRun& u);

} // namespace tanhui::models::carbon
