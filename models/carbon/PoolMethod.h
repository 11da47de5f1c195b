// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Grid.h"
#include "gis/ZonalEngine.h"
#include "models/carbon/Valuation.h"
#include "models/params/ParameterTable.h"

#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tanhui::gis {
class Feedback;
struct ParcelSet;
} // namespace tanhui::gis

namespace tanhui::models::carbon {

/// The four InVEST pools (carbon-methods.md §1.1; IPCC AB, BB, DW + LI, SO of §3.1).
enum Pool : int { Above = 0, Below = 1, Soil = 2, Dead = 3 };
constexpr int kPoolCount = 4;
/// Column names of the pools table and of outputs: "c_above", "c_below", "c_soil", "c_dead".
const char* poolName(int pool);

/// @brief The land-cover pools table (carbon-methods.md §9 `carbon_pools.csv`, InVEST-compatible):
/// key `lucode` (whole number), `c_above, c_below, c_soil, c_dead` in t C/ha (≥ 0), optional
/// `lulc_name` and `name_zh`. Default: :/parameters/carbon/carbon_pools.csv.
const params::TableSpec& carbonPoolsSpec();
/// @brief The Chinese species parameter table (carbon-methods.md §5.2, §5.3, §9
/// `species_params_cn.csv`): key `species_group`; `wd` (t/m³), `bef`, `r`, `cf` (ratios), optional
/// `fang_a` (t/m³), `fang_b` (t/ha). Default: :/parameters/carbon/species_params_cn.csv.
const params::TableSpec& speciesParamsSpec();

/// @brief A class's pool densities (t C/ha) with the provenance of its table row.
struct PoolClass {
    std::int64_t code = 0;
    int index = 0;                            ///< position in PoolLookup::classes() (ascending codes)
    std::array<double, kPoolCount> density{}; ///< t C/ha
    double total() const { return density[0] + density[1] + density[2] + density[3]; }
    QString name;
    params::Tag tag = params::Tag::User;
    QString source;
    QString file;
    int line = 0;
};

/// @brief Pool densities by land-cover code, built from a loaded pools table.
class PoolLookup {
public:
    explicit PoolLookup(const params::ParameterTable& table);
    // Pointers and references into the lookup: deleted on a temporary lookup, so that
    // `PoolLookup(table).find(code)` cannot dangle (it does not compile).
    const PoolClass* find(std::int64_t code) const&;
    const PoolClass* find(std::int64_t code) const&& = delete;
    const std::map<std::int64_t, PoolClass>& classes() const& { return m_classes; }
    const std::map<std::int64_t, PoolClass>& classes() const&& = delete;
    /// The codes in ascending order (codes()[c.index] == c.code).
    const std::vector<std::int64_t>& codes() const& { return m_codes; }
    const std::vector<std::int64_t>& codes() const&& = delete;

private:
    std::map<std::int64_t, PoolClass> m_classes;
    std::vector<std::int64_t> m_codes;
};

/// @brief One dated land-cover raster (single band, integer classes).
struct LulcInput {
    std::string path;
    int year = 0;
};

/// @brief Checks everything the pool method needs before any computation, collecting every problem:
/// years in strictly increasing order; each raster single-band with an integer type; all rasters on
/// the same grid and CRS (InVEST requires equal pixel size and dimensions, §1.1); a projected CRS in
/// metres or a geographic one (true row areas are then used); every land-cover code present in each
/// raster has a row in the pools table (one issue per raster listing all missing codes, as InVEST's
/// "missing values" error, §1.2). Reads every raster once. Throws CancelledError.
params::Issues validatePoolInputs(const std::vector<LulcInput>& inputs,
                                  const PoolLookup& pools,
                                  const QString& poolsFile,
                                  gis::Feedback* feedback = nullptr);

/// @brief Whole-raster totals of one date, computed per cell as InVEST does (§1.4): Σ over valid cells
/// of density × cell area (ha), accumulated in double. Projected grids: the planar cell area
/// |width × height| (as InVEST); geographic grids: each row's ellipsoidal cell area.
struct DateTotals {
    int year = 0;
    std::array<double, kPoolCount> poolT{}; ///< t C per pool
    double totalT = 0;                      ///< t C
    double validAreaHa = 0;
    double nodataAreaHa = 0;
    std::map<std::int64_t, double> classAreaHa; ///< valid area per land-cover code
    std::string densityRaster;                  ///< c_density_<year>.tif (t C/ha; 5 bands), if written
};

/// @brief Change between two dates (first < second), both ways of §1.4, labelled:
/// `changeT` = Σ over cells valid on *both* dates of (density₂ − density₁) × cell area — InVEST's
/// c_change sum; `stockDifferenceT` = total₂ − total₁, each over its own valid cells. They differ when
/// nodata differs between the dates.
struct PairTotals {
    int index1 = 0, index2 = 1; ///< into the inputs
    int year1 = 0, year2 = 0;
    double changeT = 0;
    double stockDifferenceT = 0;
    double bothValidAreaHa = 0;
    std::optional<double> npv; ///< changeT × K (currency), when valuation was asked (first → last pair)
    std::string changeRaster;  ///< c_change_<y1>_<y2>.tif (t C/ha, Float64, nodata NaN), if written
    /// c_transition_<y1>_<y2>.tif (transitionValue() of the two classes, nodata −1), if written
    std::string transitionRaster;
    /// Area (ha) of each (class at y1, class at y2) over cells valid on both dates (for uncertainty).
    std::map<std::pair<std::int64_t, std::int64_t>, double> transitionAreaHa;
};

struct PoolRunOptions {
    std::string outDir; ///< rasters are written here; empty: no rasters
    /// Write c_density_<year>.tif (off: only the change rasters, which per-parcel change needs, are
    /// written; saves disk and time on large scenes when the density maps are not wanted).
    bool writeDensityRasters = true;
    /// Write c_change_<y1>_<y2>.tif (off: per-parcel change then needs writeTransitionRasters).
    bool writeChangeRasters = true;
    /// Write c_transition_<y1>_<y2>.tif for each pair: per-parcel transition areas for Monte Carlo
    /// uncertainty of the change (models/uncertainty/CarbonMonteCarlo.h).
    bool writeTransitionRasters = false;
    std::optional<ValuationInput> valuation; ///< years are taken from the first and last inputs
    std::size_t memoryBudgetBytes = 256u << 20;
    /// Threads of the per-cell pass when it only counts cells (Byte rasters on a projected grid, no
    /// map written); 0: all cores. Results do not depend on it.
    int threads = 0;
    gis::Feedback* feedback = nullptr;
};

struct PoolRunResult {
    gis::Grid grid;
    gis::Crs crs;
    bool trueRowAreas = false; ///< geographic grid: row areas on the ellipsoid
    std::vector<DateTotals> dates;
    std::vector<PairTotals> pairs; ///< consecutive dates, plus first → last when there are > 2 dates
    std::optional<double> valuationConstant; ///< K (currency per t C), §1.3
    std::vector<PoolClass> classesUsed;      ///< rows of the table that entered the result (ascending)
    /// Rows used whose tag is flagged (secondary, unconfirmed, example): must be shown with the result.
    std::vector<PoolClass> flaggedClasses() const;
};

/// @brief validatePoolInputs() and runPoolRasters() together: `run` is set when `issues` has no error.
struct PoolCheckedRun {
    params::Issues issues;
    std::optional<PoolRunResult> run;
};
/// @brief Validates (the same issues as validatePoolInputs()) and runs runPoolRasters(). When `options`
/// write no raster, every raster is read only once: the per-cell pass also collects the land-cover
/// codes missing from the table, and its result is kept only when there is none. Otherwise the
/// inputs are validated before any raster is written. Throws GisError, CancelledError.
PoolCheckedRun validateAndRunPoolRasters(const std::vector<LulcInput>& inputs,
                                         const PoolLookup& pools,
                                         const QString& poolsFile,
                                         const PoolRunOptions& options);

/// @brief Value of a cell of a transition raster: i1 × n + i2, where i1, i2 are the positions of the two
/// dates' classes in `pools.classes()` (ascending codes) and n its size. Byte rasters when n² ≤ 255
/// (up to 15 classes; nodata 255), Float32 up to 4,096 classes (exact below 2²⁴), Float64 beyond
/// (nodata −1); nodata marks a cell invalid on either date.
double transitionValue(const PoolLookup& pools, std::int64_t code1, std::int64_t code2);
/// The two codes of a transition value; false when the value is not one.
bool decodeTransition(const PoolLookup& pools, double value, std::int64_t& code1, std::int64_t& code2);

/// @brief Per-cell pass over all dates (block by block, memory bounded): densities per pool and total
/// (written as c_density_<year>.tif: bands c_above, c_below, c_soil, c_dead, c_total, Float32, nodata
/// −1 like InVEST's _CARBON_NODATA), change rasters for each pair (Float64, nodata NaN), whole-raster
/// totals and change. Call validatePoolInputs() first. Deterministic (single pass in row order, class
/// histograms). Throws GisError, CancelledError.
PoolRunResult runPoolRasters(const std::vector<LulcInput>& inputs,
                             const PoolLookup& pools,
                             const PoolRunOptions& options);

/// @brief Carbon of one parcel at one date.
struct ParcelDate {
    std::array<double, kPoolCount> poolT{};
    double totalT = 0;
    double validAreaHa = 0;
    double nodataAreaHa = 0;
    double majorityClass = 0;                   ///< NaN when the parcel has no valid cell
    std::map<std::int64_t, double> classAreaHa; ///< true area (ha) of each class
};

/// @brief Carbon of one parcel: stocks = Σ over classes of true class area (ha, exact coverage, from
/// the zonal engine's Stat::Area) × density; change over cells valid on both dates from the change
/// raster (Σ value × true area); stock difference.
struct ParcelCarbon {
    std::vector<ParcelDate> dates;
    std::vector<double> changeT;            ///< per pair, cells valid on both dates
    std::vector<double> stockDifferenceT;   ///< per pair
    std::vector<std::int64_t> flaggedCodes; ///< classes present whose table row is flagged
    std::vector<std::int64_t> usedCodes;    ///< every class present on any date (ascending)
    /// Per pair, when the run wrote transition rasters: true area (ha) of each (class y1, class y2)
    /// over cells valid on both dates.
    std::vector<std::map<std::pair<std::int64_t, std::int64_t>, double>> transitionAreaHa;
};

/// @brief Options of the per-parcel pass.
struct PoolParcelOptions {
    /// Per-parcel class-pair areas (ParcelCarbon::transitionAreaHa) of every pair, for Monte Carlo of
    /// the change; the change is then Σ transition area × (density₂ − density₁). From the run's
    /// transition rasters when it wrote them, otherwise from derived pair bands combined in the zonal
    /// pass (pairBandsAvailable(); nothing written, the same values as the Byte transition raster).
    bool transitions = false;
    /// When set, receives (moved) the zonal statistics the parcels were computed from, instead of
    /// their being freed on return: a caller that exits soon after can keep them until then (for
    /// 100,000 parcels several hundred thousand small frees on one thread).
    gis::ZonalResult* zonalOut = nullptr;
    /// Fill ParcelDate::classAreaHa (the per-class areas Monte Carlo and the GEP read). Off: left
    /// empty, e.g. for the project runner without uncertainty (about 0.5 KB per parcel of class maps;
    /// docs/benchmark.md, "Memory and scaling").
    bool classAreas = true;
    /// When set (and zonalOut is not), each parcel's carbon is handed over as soon as it is computed,
    /// from the worker thread that computed it (parcel index in ParcelSet order), and runPoolParcels()
    /// returns an empty list: the caller keeps them as it likes (the project runner: one pointer per
    /// parcel, freed as its result is built; docs/benchmark.md, "Memory and scaling"). Called
    /// concurrently for different parcels, once per parcel.
    std::function<void(std::size_t parcel, ParcelCarbon&& carbon)> onParcel = nullptr;
    /// The `parcels` argument itself, when the caller reads no geometry of it afterwards: each parcel's
    /// geometry is freed as soon as its statistics are finished (gis::runZonalReleasingGeometry), so
    /// that what onParcel keeps takes the place of the geometries instead of adding to them (the
    /// project runner at 1,000,000 parcels; docs/benchmark.md, "Memory and scaling"). Ids and areas
    /// are kept. Only with onParcel and without zonalOut.
    gis::ParcelSet* releaseGeometry = nullptr;
};

/// @brief True when per-parcel transitions can be computed in the zonal pass without transition
/// rasters: every land-cover raster is Byte with nodata-marked invalid cells, and the pools table has
/// at most 15 classes (transition values i1 × n + i2 fit a Byte, as for the transition raster).
bool pairBandsAvailable(const std::vector<LulcInput>& inputs, const PoolLookup& pools);

/// @brief Zonal pass of the parcels over the land-cover rasters and the change rasters of `run`
/// (which must have been written); when `run` wrote transition rasters, over those instead of the
/// change rasters, and the change is Σ transition area × (density₂ − density₁) (the same quantity; last
/// digits may differ). One coverage per parcel for all bands. Results in ParcelSet order.
std::vector<ParcelCarbon> runPoolParcels(const gis::ParcelSet& parcels,
                                         const std::vector<LulcInput>& inputs,
                                         const PoolLookup& pools,
                                         const PoolRunResult& run,
                                         const gis::ZonalOptions& zonal);
/// @brief The same with options: with `options.transitions`, or when `run` wrote neither change nor
/// transition rasters, per-parcel class-pair areas come from the transition rasters or, without them,
/// from derived pair bands (pairBandsAvailable() must then hold; GisError otherwise).
std::vector<ParcelCarbon> runPoolParcels(const gis::ParcelSet& parcels,
                                         const std::vector<LulcInput>& inputs,
                                         const PoolLookup& pools,
                                         const PoolRunResult& run,
                                         const gis::ZonalOptions& zonal,
                                         const PoolParcelOptions& options);

} // namespace tanhui::models::carbon
