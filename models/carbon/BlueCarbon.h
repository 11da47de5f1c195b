// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Grid.h"
#include "gis/VectorLayer.h"
#include "gis/ZonalEngine.h"
#include "models/carbon/PoolMethod.h"
#include "models/params/ParameterTable.h"

#include <QString>
#include <QVariant>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tanhui::gis {
class Feedback;
struct ParcelSet;
} // namespace tanhui::gis

/// Blue carbon (mangroves and coastal wetlands), issue 4 method 4:
///  - the Coastal Blue Carbon (CBC) transition engine of carbon-methods.md §2 (land-cover snapshots,
///    transitions, accumulation per pool, low/medium/high disturbance with half-life decay), Tanhui's
///    own implementation of the User's Guide equations, with an InVEST-compatibility switch that
///    reproduces the coded state machine (§2.3, §2.4; test vector §10.3);
///  - the IPCC 2013 Wetlands Supplement Tier 1 route for mangrove restoration plots (§4, §10.7).
/// Every stock is a density in t C/ha (§0); fluxes in t C/ha/yr, positive = sequestration.
/// See docs/blue-carbon.md.
namespace tanhui::models::carbon {

// ---------------------------------------------------------------------------------------------
// Parameters

/// CBC pools (carbon-methods.md §2.1): biomass, soil, litter.
enum CbcPool : int { CbcBiomass = 0, CbcSoil = 1, CbcLitter = 2 };
constexpr int kCbcPoolCount = 3;
/// "biomass", "soil", "litter".
const char* cbcPoolName(int pool);

/// Cell values of the transitions table (§2.1): blank (= no carbon change), NCC, accum, low-, med- and
/// high-impact-disturb. The enumeration is strict: anything else is an error naming row and column.
enum class CbcTransition : std::uint8_t { Blank, Ncc, Accum, LowDisturb, MedDisturb, HighDisturb };
/// The cell text as written in the CSV ("" for Blank, "NCC", "accum", "low-impact-disturb", ...).
const char* cbcTransitionName(CbcTransition t);
/// Parses a cell (surrounding blanks ignored; "NCC" and "accum" case-insensitive); nullopt if unknown.
std::optional<CbcTransition> parseCbcTransition(const QString& text);

/// @brief The CBC biophysical table (§2.1; default :/parameters/carbon/cbc_biophysical.csv): key
/// `lucode`; text `lulc-class` (unique, used by the transitions table), `name_zh`;
/// `biomass-initial`, `soil-initial`, `litter-initial` (t C/ha); `biomass-half-life`,
/// `soil-half-life` (yr, ≥ 0, 0 = no emissions); `{biomass,soil}-{low,med,high}-impact-disturb`
/// (ratio 0–1 of the stock disturbed when a cell leaves the class); `{biomass,soil,litter}-yearly-
/// accumulation` (t C/ha/yr, used when a cell enters the class with `accum`). Tanhui extension,
/// optional: `biomass-ceiling`, `soil-ceiling` (t C/ha): accumulation stops at this stock
/// (Wetlands Supplement: growth until the Tier 1 stock, soil removal until the natural stock, §4);
/// ignored in InVEST-compatible mode. Units per hectare, not per cell (§8 row 8).
const params::TableSpec& cbcBiophysicalSpec();

/// @brief Wetlands Supplement Tier 1 mangrove parameters (§4, §9 `mangrove_ws.csv`; default
/// :/parameters/carbon/mangrove_ws.csv): key `climate` (trop_wet, trop_dry, subtrop); `agb`
/// (t d.m./ha, Table 4.3), `g_w` (t d.m./ha/yr, Table 4.4), `r` (BGB/AGB, Table 4.5), `cf`
/// (t C/t d.m., Table 4.2), `soc` (t C/ha, Table 4.11), `ef_re` (t C/ha/yr, Table 4.12, negative =
/// removal).
const params::TableSpec& mangroveWsSpec();

/// @brief One class of the biophysical table with provenance.
struct CbcClass {
    std::int64_t code = 0;
    QString name; ///< lulc-class
    QString nameZh;
    std::array<double, kCbcPoolCount> initial{};      ///< t C/ha
    std::array<double, 2> halfLife{};                 ///< yr (biomass, soil); 0 = no emissions
    std::array<std::array<double, 3>, 2> disturb{};   ///< [pool][low, med, high], ratio 0–1
    std::array<double, kCbcPoolCount> accumulation{}; ///< t C/ha/yr
    std::array<std::optional<double>, 2> ceiling;     ///< t C/ha (biomass, soil), Tanhui extension
    /// Accumulates in some pool (a "habitat" for the #671 check).
    bool isHabitat() const { return accumulation[0] > 0 || accumulation[1] > 0 || accumulation[2] > 0; }
    params::Tag tag = params::Tag::User;
    QString source;
    QString file;
    int line = 0;
};

/// @brief Classes of a loaded biophysical table by code.
class CbcParameters {
public:
    CbcParameters() = default;
    explicit CbcParameters(const params::ParameterTable& table);
    // Pointers into the lookup: deleted on a temporary, so they cannot dangle.
    const CbcClass* find(std::int64_t code) const&;
    const CbcClass* find(std::int64_t code) const&& = delete;
    /// The class whose lulc-class is `name` (case-insensitive), or whose code is `name`.
    const CbcClass* findByName(const QString& name) const&;
    const CbcClass* findByName(const QString& name) const&& = delete;
    const std::map<std::int64_t, CbcClass>& classes() const& { return m_classes; }
    const std::map<std::int64_t, CbcClass>& classes() const&& = delete;
    /// Adds or replaces a class (tests, programmatic use).
    void put(const CbcClass& c) { m_classes[c.code] = c; }

private:
    std::map<std::int64_t, CbcClass> m_classes;
};

/// @brief The transitions table: from-class × to-class → transition, by class code.
struct CbcTransitions {
    std::map<std::pair<std::int64_t, std::int64_t>, CbcTransition> cells;
    QString file;
    /// Source and tag of each from-row (default tables; user tables: tag User).
    std::map<std::int64_t, std::pair<QString, params::Tag>> rowProvenance;
    /// The transition, or nullopt when the pair is not in the table.
    std::optional<CbcTransition> find(std::int64_t from, std::int64_t to) const;
};

/// @brief Result of loading a transitions table: the table and every problem found.
struct LoadedTransitions {
    CbcTransitions table;
    params::Issues issues;
};

/// @brief Reads a transitions table (§2.1, §9 `cbc_transitions.csv`): the first column (`lulc-class`)
/// names the from-class of each row; the other header cells name the to-classes; classes are named by
/// `lulc-class` of the biophysical table or by code. Optional `source`, `tag` columns (required by
/// Provenance::Required). Checks, collecting every problem: unknown class names (row or column);
/// cell values outside the strict enumeration, each named by row and column (#729); a habitat class
/// whose habitat → same habitat cell is NCC or blank: warning, accumulation stops after the first
/// transition (#671). A legend block or other text rows are rejected as unknown classes.
LoadedTransitions loadCbcTransitions(const QString& path,
                                     const CbcParameters& classes,
                                     params::Provenance provenance,
                                     const QString& displayName = {});
/// The default transitions table :/parameters/carbon/cbc_transitions.csv for `classes`.
LoadedTransitions loadDefaultCbcTransitions(const CbcParameters& classes);

// ---------------------------------------------------------------------------------------------
// The per-cell CBC engine

/// @brief Valuation inputs (§2.1): a price per year from a table (every year from the baseline to the
/// year before the final year), or a baseline price with an inflation rate; a discount rate.
/// Prices are per tonne of carbon (t C; convert CO2 prices × 44/12 first); rates in percent.
struct CbcValuation {
    std::map<int, double> priceTable; ///< year → price (currency/t C); empty: price + inflation
    double pricePerTC = 0;            ///< price in the baseline year (without a table)
    double inflationPct = 0;          ///< % per year (without a table)
    double discountPct = 0;           ///< % per year
};

/// @brief Prices for years [firstYear, lastYear] (§2.4: price[t0 + k] = price × (1 + inflation/100)^k
/// without a table). Returns the issues (one error listing the years missing from the table).
std::vector<double> cbcPrices(const CbcValuation& v, int firstYear, int lastYear, params::Issues* issues);

/// @brief Emission in year t of a disturbance of volume D at year s with half-life H (§2.3):
/// E = D × (0.5^((t−s)/H) − 0.5^((t−s+1)/H)) for t ≥ s; 0 for H = 0 or t < s.
double cbcEmission(double volume, int disturbanceYear, double halfLife, int year);

/// @brief The per-cell series of one cell.
struct CbcCellSeries {
    std::vector<std::array<double, kCbcPoolCount>> stock; ///< per report year: t C/ha, start of year
    std::vector<double> netSequestration;                 ///< per period: t C/ha (positive = gain)
    std::vector<double> emissions;                        ///< per period: t C/ha emitted (≥ 0)
    std::vector<double> npv;                              ///< per period end: currency/ha (if valued)
    std::vector<double> yearlyNetSequestration;           ///< per year t0 … final−1: t C/ha
    double total(std::size_t reportIndex) const {
        const auto& s = stock[reportIndex];
        return s[0] + s[1] + s[2];
    }
};

struct CbcModelOptions {
    std::vector<int> snapshotYears;  ///< ≥ 2, strictly increasing
    std::optional<int> analysisYear; ///< > the last snapshot year; none: the last snapshot is final
    bool investCompatible = false;   ///< reproduce InVEST's coded state machine (§2.3, §2.4)
    std::optional<CbcValuation> valuation;
};

/// @brief The CBC engine for one cell, year by year (§2.3). Report years are the snapshot years plus
/// the analysis year; periods run between consecutive report years (the first is the baseline period).
///
/// Tanhui (default, the User's Guide): accumulation A from the destination class of the latest
/// transition (0 unless `accum`), up to the class's optional ceiling; disturbance D = S(s) × M from the
/// source class, with the source class's half-life; every disturbance cohort decays with its own
/// half-life until fully emitted (a later disturbance adds a cohort); N = A − ΣE; litter is a running
/// stock (never disturbed); NPV by the UG per-year formula V = Σ p_t N_t / (1 + d)^(t − t0).
///
/// InVEST-compatible: one tracked (volume, year) per pool, overwritten by a later disturbance; at each
/// snapshot the half-life is re-read from the class of the preceding period (emissions stop at a
/// zero-half-life class); N = −E when E ≠ 0, else A; ceilings ignored; after the first transition the
/// litter "stock" is the litter accumulation rate of the current transition and net sequestration
/// excludes litter; NPV_Y = (Σ period net sequestration ending ≤ Y) × Σ_{k=0}^{Y−t0−1} p/(1+d)^k.
class CbcModel {
public:
    /// Keeps references to `classes` and `transitions`: they must outlive the model.
    /// Throws std::invalid_argument on fewer than 2 snapshots, unsorted years, an analysis year not
    /// after the last snapshot, or a price table that does not cover the years (validate first).
    CbcModel(const CbcParameters& classes, const CbcTransitions& transitions, CbcModelOptions options);
    const std::vector<int>& reportYears() const { return m_reportYears; }
    int firstYear() const { return m_reportYears.front(); }
    int finalYear() const { return m_reportYears.back(); }
    std::size_t periodCount() const { return m_reportYears.size() - 1; }
    bool valued() const { return m_options.valuation.has_value(); }
    bool investCompatible() const { return m_options.investCompatible; }
    /// Price per year from firstYear() to finalYear() − 1 (empty without valuation).
    const std::vector<double>& prices() const { return m_prices; }
    double discountPct() const { return m_options.valuation ? m_options.valuation->discountPct : 0; }

    /// Runs one cell whose class codes at the snapshots are `codes` (one per snapshot). Throws
    /// std::invalid_argument naming a code missing from the biophysical table or a pair missing from
    /// the transitions table.
    void runCell(const std::int64_t* codes, CbcCellSeries& out) const;

private:
    const CbcClass& classOf(std::int64_t code) const;
    const CbcParameters& m_classes;
    const CbcTransitions& m_transitions;
    CbcModelOptions m_options;
    std::vector<int> m_reportYears;
    std::vector<double> m_prices;
};

/// @brief The UG per-year NPV (§2.4, equation `cbc_net_present_value`) of a yearly net-sequestration
/// series starting at t0: Σ_k price[k] × N[k] / (1 + d/100)^k over the first `years` entries.
double cbcNpvUserGuide(const std::vector<double>& yearlyNetSeq,
                       const std::vector<double>& prices,
                       double discountPct,
                       std::size_t years);
/// @brief InVEST's coded valuation factor (§2.4): Σ_{k=0}^{n−1} price[k] / (1 + d/100)^k.
double cbcCodedFactor(const std::vector<double>& prices, double discountPct, std::size_t n);

// ---------------------------------------------------------------------------------------------
// Rasters

/// @brief Checks the snapshots before any computation, collecting every problem: ≥ 2 snapshots
/// (#1534), strictly increasing years, analysis year after the last snapshot; single-band integer
/// rasters on one grid and CRS; every code in the biophysical table (one issue per raster listing all
/// missing codes; code 0 hints at an undeclared nodata, §8 row 5); every transition pair that occurs
/// between consecutive snapshots present in the transitions table (one issue listing the pairs).
/// Reads every raster once. Throws CancelledError.
params::Issues validateCbcInputs(const std::vector<LulcInput>& snapshots,
                                 std::optional<int> analysisYear,
                                 const CbcParameters& classes,
                                 const CbcTransitions& transitions,
                                 const QString& biophysicalFile,
                                 gis::Feedback* feedback = nullptr);

/// @brief Whole-area results of a raster run (Σ over cells valid at every snapshot of density × cell
/// area, in double).
struct CbcRunResult {
    gis::Grid grid;
    gis::Crs crs;
    std::vector<int> reportYears;
    std::vector<std::array<double, kCbcPoolCount>> stockT; ///< per report year, t C per pool
    std::vector<double> netSequestrationT;                 ///< per period, t C
    std::vector<double> emissionsT;                        ///< per period, t C
    std::vector<double> npv;                               ///< per period end, currency (if valued)
    double validAreaHa = 0;                                ///< cells valid at every snapshot
    double nodataAreaHa = 0;               ///< cells nodata at one or more snapshots (excluded)
    double partialNodataAreaHa = 0;        ///< of which valid at some snapshots (nodata differs by date, §8)
    std::vector<std::string> stockRasters; ///< cbc_stock_<year>.tif per report year, if written
    std::vector<std::string> periodRasters; ///< cbc_period_<y1>_<y2>.tif per period, if written
    std::vector<CbcClass> classesUsed;      ///< classes present in the snapshots (ascending code)
    std::vector<std::pair<std::int64_t, std::int64_t>> transitionsUsed; ///< from ≠ to pairs present
    /// cbc_history.tif (CbcRunOptions::writeHistoryRaster): per valid cell the id of its class history
    /// (the codes at every snapshot), an index into `histories`; empty when not written.
    std::string historyRaster;
    /// Class codes at each snapshot of every history id (ids in order of first occurrence, row-major:
    /// deterministic). Filled with writeHistoryRaster.
    std::vector<std::vector<std::int64_t>> histories;
    bool valued = false;
    bool investCompatible = false;
    std::vector<CbcClass> flaggedClasses() const;
};

struct CbcRunOptions {
    std::string outDir; ///< rasters are written here; empty: no rasters (no parcels either)
    std::size_t memoryBudgetBytes = 512u << 20; ///< strip buffers and output blocks held at once
    gis::Feedback* feedback = nullptr;
    /// Also write cbc_history.tif (Float64, NaN nodata: the history id of each cell valid at every
    /// snapshot), so that runCbcParcels() reports each parcel's area per class history, which the
    /// Monte Carlo needs (every cell of a history has the same per-hectare series; docs/uncertainty.md).
    bool writeHistoryRaster = false;
};

/// @brief Runs the model over aligned snapshot rasters, strip by strip (memory bounded, §8 row 8),
/// writing per report year cbc_stock_<year>.tif (Float64, NaN nodata; bands biomass, soil, litter,
/// total in t C/ha) and per period cbc_period_<y1>_<y2>.tif (bands net_sequestration and emissions in
/// t C/ha, plus npv in currency/ha when valued). A cell is nodata when any snapshot is nodata.
/// Deterministic. Call validateCbcInputs() first. Throws GisError, CancelledError.
CbcRunResult runCbcRasters(const std::vector<LulcInput>& snapshots,
                           const CbcModel& model,
                           const CbcParameters& classes,
                           const CbcRunOptions& options);

// ---------------------------------------------------------------------------------------------
// Parcels

/// @brief CBC results of one parcel (exact coverage, true areas, ZonalEngine).
struct CbcParcel {
    std::vector<std::array<double, kCbcPoolCount>> stockT; ///< per report year, t C
    std::vector<double> totalStockT;                       ///< per report year, t C
    std::vector<double> netSequestrationT;                 ///< per period, t C
    std::vector<double> emissionsT;                        ///< per period, t C
    std::vector<double> npv;                               ///< per period end, currency
    double validAreaHa = 0;                                ///< covered area valid at every snapshot
    double nodataAreaHa = 0;                               ///< covered area nodata at some snapshot
    double nodataShare() const {
        const double a = validAreaHa + nodataAreaHa;
        return a > 0 ? nodataAreaHa / a : 0.0;
    }
    /// Stock density over the valid area (t C/ha); NaN when nothing is valid.
    double densityTPerHa(std::size_t reportIndex) const;
    std::vector<std::int64_t> flaggedCodes; ///< classes present whose table row is flagged
    /// With CbcRunResult::historyRaster: covered area (ha) per history id (Σ = validAreaHa).
    std::map<std::size_t, double> historyAreaHa;
};

/// @brief One zonal pass (coverage once per parcel; every snapshot, stock and period band, and the
/// history band when written, in the same call) over the rasters written by runCbcRasters(). Results in
/// ParcelSet order.
std::vector<CbcParcel> runCbcParcels(const gis::ParcelSet& parcels,
                                     const std::vector<LulcInput>& snapshots,
                                     const CbcParameters& classes,
                                     const CbcRunResult& run,
                                     const gis::ZonalOptions& zonal);

// ---------------------------------------------------------------------------------------------
// Wetlands Supplement Tier 1 mangrove restoration (§4, §10.7)

/// @brief One climate row of mangroveWsSpec() with provenance.
struct MangroveWsParams {
    QString climate;
    double agb = 0;  ///< t d.m./ha, Tier 1 AGB stock (Table 4.3)
    double gw = 0;   ///< t d.m./ha/yr, AGB growth (Table 4.4)
    double r = 0;    ///< BGB/AGB (Table 4.5)
    double cf = 0;   ///< t C/t d.m. (Table 4.2)
    double soc = 0;  ///< t C/ha, natural soil stock (Table 4.11)
    double efRe = 0; ///< t C/ha/yr, rewetting/revegetation EF (Table 4.12), negative = removal
    params::Tag tag = params::Tag::User;
    QString source;
    QString file;
    int line = 0;
    /// G_AGB × (1 + R) × CF, t C/ha/yr (§4).
    double biomassGainTCPerHaYr() const { return gw * (1.0 + r) * cf; }
    /// AGB × (1 + R) × CF, t C/ha: the Tier 1 stock where growth stops.
    double biomassCeilingTCPerHa() const { return agb * (1.0 + r) * cf; }
    /// Soil removal, t C/ha/yr (= −EF_RE).
    double soilRemovalTCPerHaYr() const { return -efRe; }
};
/// The row `climate` of a loaded table; nullopt when absent.
std::optional<MangroveWsParams> mangroveWsParams(const params::ParameterTable& table, const QString& climate);

/// @brief Carbon of a restoration plot at the start of `year`, planted at the start of `plantYear`
/// on bare flat (§4): biomass min(gain × n, ceiling) and, only when `planted` (planted or seeded;
/// natural recolonisation earns no soil removal), soil min(removal × n, soc − soilInitial), with
/// n = max(0, year − plantYear) years. t C/ha above the pre-planting stock.
struct RestorationStock {
    double biomass = 0; ///< t C/ha
    double soil = 0;    ///< t C/ha
    double total() const { return biomass + soil; }
};
RestorationStock restorationStockAt(const MangroveWsParams& p,
                                    int plantYear,
                                    int year,
                                    bool planted = true,
                                    double soilInitialTCPerHa = 0);

/// @brief A restoration plot read from its layer: planting year, area.
struct RestorationPlot {
    std::int64_t fid = -1;
    int row = 0; ///< 1-based feature position
    QString id;
    std::optional<int> plantYear;
    double areaHa = 0; ///< ellipsoidal
};

/// @brief Reads the planting-year field by FID and joins it to `parcels` (read from `path`). Issues
/// (file, row = feature, column = field): the field is missing (listing the layer's fields); a
/// planting year that is empty, not a whole number or outside 1900–2200 (error); planted after the
/// final year (warning: no gain in the report).
std::vector<RestorationPlot> readRestorationPlots(const std::string& path,
                                                  const gis::VectorOpenOptions& open,
                                                  const gis::ParcelSet& parcels,
                                                  const QString& plantingYearField,
                                                  int finalYear,
                                                  params::Issues& issues);

/// @brief Tier 1 result of one plot at the report years.
struct RestorationResult {
    std::vector<RestorationStock> stockTPerHa; ///< per report year
    std::vector<double> stockT;                ///< per report year, t C
    std::vector<double> netSequestrationT;     ///< per period, t C (positive = removal)
    double sinceplantingT = 0;                 ///< planting year → final year, t C
};
std::vector<RestorationResult> computeRestoration(const std::vector<RestorationPlot>& plots,
                                                  const MangroveWsParams& params,
                                                  const std::vector<int>& reportYears,
                                                  bool planted);

// ---------------------------------------------------------------------------------------------
// Output tables (atomic, gis::writeTable)

/// `totals_bluecarbon.csv`: quantity,value,unit — stock_<pool>_<year> and stock_total_<year> (t C),
/// net_sequestration_<y1>_<y2> (t C and _co2e t CO2e), emissions_<y1>_<y2> (t C), npv_<year>
/// (currency), valid_area_ha, nodata_area_ha, partial_nodata_area_ha, invest_compatible (0/1),
/// flagged_classes (count); with restoration plots: restoration_* rows.
void writeCbcTotalsTable(const std::string& path,
                         const CbcRunResult& run,
                         const std::vector<RestorationPlot>* plots = nullptr,
                         const std::vector<RestorationResult>* restoration = nullptr);

/// `parcels_bluecarbon.csv` / `.gpkg`: fid, id, area_ha, valid_area_ha, nodata_share; per report
/// year <pool>_t_<year>, total_t_<year>, total_t_per_ha_<year>; per period
/// net_seq_t_<y1>_<y2>, net_seq_co2e_t_<y1>_<y2>, emissions_t_<y1>_<y2>, npv_<year>;
/// flagged_classes ("42:unconfirmed;…"); geometry_repaired.
void writeCbcParcelTable(const std::string& path,
                         const gis::ParcelSet& parcels,
                         const QString& idField,
                         const CbcRunResult& run,
                         const std::vector<CbcParcel>& results);

/// `restoration_plots.csv` / `.gpkg`: fid, id, planting_year, area_ha; per report year
/// biomass_t_per_ha_<y>, soil_t_per_ha_<y>, stock_t_<y>; per period net_seq_t_<y1>_<y2>,
/// net_seq_co2e_t_<y1>_<y2>; since_planting_t, since_planting_co2e_t; planted (0/1); flagged.
void writeRestorationTable(const std::string& path,
                           const gis::ParcelSet& parcels,
                           const std::vector<RestorationPlot>& plots,
                           const std::vector<RestorationResult>& results,
                           const std::vector<int>& reportYears,
                           const MangroveWsParams& params,
                           bool planted);

/// `parameters_used.csv`: table,key,parameter,value,unit,tag,source — every biophysical row used,
/// every transition used, the Wetlands Supplement row (if used) and the run options.
void writeCbcParametersUsed(const std::string& path,
                            const CbcRunResult& run,
                            const CbcTransitions& transitions,
                            const CbcParameters& classes,
                            const MangroveWsParams* ws,
                            const std::vector<std::pair<QString, QString>>& options);

} // namespace tanhui::models::carbon
