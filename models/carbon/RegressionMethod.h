// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Grid.h"
#include "gis/ZonalEngine.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/Valuation.h"
#include "models/params/ParameterTable.h"

#include <QString>
#include <QStringList>

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tanhui::gis {
class Feedback;
struct Parcel;
struct ParcelSet;
} // namespace tanhui::gis

namespace tanhui::models::carbon {

/// @brief Remote-sensing regression method (carbon-methods.md §6.1): above-ground biomass from a
/// vegetation index per cell and year, fitted per forest type. AGB in t d.m./ha, VI dimensionless.
///  - Linear:       AGB = a + b·VI
///  - Power:        AGB = a·VI^b            (VI ≤ 0 → 0: the power of a non-positive VI is undefined)
///  - Exponential:  AGB = a·e^(b·VI)        (a = e^(a_log) when fitted as ln AGB = a_log + b·VI)
///  - Logarithmic:  AGB = a + b·ln(VI)      (VI ≤ 0 → 0)
enum class AgbForm { Linear, Power, Exponential, Logarithmic };
/// "linear", "power", "exponential", "logarithmic" (the `form` column of the coefficient table).
const char* agbFormName(AgbForm form);
/// Parses a form name (case-insensitive, blanks ignored; "log" is accepted for logarithmic).
std::optional<AgbForm> parseAgbForm(const QString& text);
/// True for the forms fitted by OLS on log-transformed AGB (power, exponential), the only ones for which
/// a log-model bias correction (Baskerville or smearing) is meaningful (§6.1).
bool isLogFittedForm(AgbForm form);

/// IPCC 2019 Table 4.4: R is tabulated for AGB ≤ 125 t d.m./ha and AGB > 125 t d.m./ha (§3.5).
constexpr double kRClassThresholdTDmPerHa = 125.0;
/// Default hysteresis half-width (t d.m./ha) of the R class rule (design note 9): a stratum in the low
/// class moves up only when its mean AGB exceeds 125 + h, one in the high class moves down only when
/// its mean AGB falls to 125 − h or below.
constexpr double kDefaultRHysteresisTDmPerHa = 10.0;
/// Declaration of the hysteresis half-width (id "r-hysteresis", t d.m./ha, 0–100, default
/// kDefaultRHysteresisTDmPerHa): the CLI option --r-hysteresis.
const params::ParameterSpec& rHysteresisParameter();
/// Largest accepted AGB cap (t d.m./ha): above any forest of South China (Table 4.7 primary: 323).
constexpr double kMaxAgbCapTDmPerHa = 1000.0;
/// Nodata value of the per-year rasters (InVEST's carbon nodata, §7.3).
constexpr double kRegressionNodata = -1.0;

/// @brief The coefficient table (carbon-methods.md §6.1, §3.5, §3.6, §9), one row per forest
/// land-cover code: key `lucode`; text `form` (required), optional `forest_type`, `name_zh`; numbers
/// `a`, `b`, optional `bias_sigma2` (residual variance of the log model; Baskerville factor
/// e^(σ²/2)) or `smearing` (Duan's factor), `agb_cap` (t d.m./ha, the training maximum), `r_low`
/// (R for AGB ≤ 125), `r_high` (R for AGB > 125), `cf` (t C/t d.m.); for Monte Carlo the optional
/// uncertainty columns of docs/uncertainty.md and `ab_corr` (correlation of the a and b estimates,
/// −1 to 1, from the fit's covariance matrix). There is no default table:
/// no published Guangzhou coefficients exist in the reference (docs/remote-sensing-carbon.md).
const params::TableSpec& regressionCoefficientsSpec();

/// @brief A template of the coefficient table: the §6.1 illustrative curve AGB = 10·e^(3.5·NDVI) for
/// classes 11–14, tagged `example` (not a calibrated model: never use it for reporting), with the
/// IPCC 2019 Table 4.4 R values (0.230 / 0.246) and CF 0.47 (§3.6).
QString regressionTemplateCsv();

/// @brief One forest type's model with the provenance of its row.
struct RegressionCoefficients {
    std::int64_t code = 0;
    QString forestType;
    AgbForm form = AgbForm::Linear;
    double a = 0, b = 0;
    std::optional<double> biasSigma2; ///< Baskerville: factor e^(σ²/2)
    std::optional<double> smearing;   ///< Duan's smearing factor
    double agbCap = 0;                ///< t d.m./ha
    double rLow = 0, rHigh = 0;       ///< R for AGB ≤ 125 / > 125 t d.m./ha
    double cf = 0;                    ///< t C/t d.m.
    params::Tag tag = params::Tag::User;
    QString declaredTag; ///< the `tag` column as written in a user table (e.g. "example"), may be empty
    QString source;
    QString file;
    int line = 0;
    /// The multiplicative bias correction: e^(σ²/2), the smearing factor, or 1.
    double biasFactor() const;
    /// The row is tagged (or declared) secondary, unconfirmed or example: flagged in every output.
    bool flagged() const;
};

/// @brief The model without correction or cap: a + b·VI, a·VI^b, a·e^(b·VI), a + b·ln(VI). For the
/// power and logarithmic forms VI ≤ 0 gives 0 (bare soil, water).
double agbModel(AgbForm form, double a, double b, double vi);
/// @brief AGB (t d.m./ha) = clamp(agbModel(VI) × biasFactor, 0, agbCap) (§6.1 saturation: cap at the
/// training maximum; never negative).
double predictAgb(const RegressionCoefficients& c, double vi);
/// @brief Carbon density (t C/ha) = (AGB + AGB × R) × CF (§6.1 pipeline, §3.5, §3.6).
double carbonDensity(double agb, double r, double cf);

/// @brief Coefficients by land-cover code.
class RegressionLookup {
public:
    RegressionLookup() = default;
    explicit RegressionLookup(std::vector<RegressionCoefficients> rows);
    // Pointers into the lookup: deleted on a temporary, so they cannot dangle.
    const RegressionCoefficients* find(std::int64_t code) const&;
    const RegressionCoefficients* find(std::int64_t code) const&& = delete;
    const std::vector<RegressionCoefficients>& rows() const& { return m_rows; }
    const std::vector<RegressionCoefficients>& rows() const&& = delete;

private:
    std::vector<RegressionCoefficients> m_rows;
};

/// @brief Loads and checks a user's coefficient table: the generic checks of params::loadTable, then
/// per row: an unknown `form` (naming the allowed forms), a bias correction on a linear or logarithmic
/// form, both `bias_sigma2` and `smearing`, a smearing factor below 1 (warning), r_high > r_low is
/// not required. Issues name the file, row and column.
struct LoadedRegression {
    RegressionLookup lookup;
    params::Issues issues;
    params::ParameterTable table; ///< the table as loaded (its uncertainty columns, for Monte Carlo)
};
LoadedRegression loadRegressionCoefficients(const QString& path);

/// @brief The R class of a stratum (design note 9).
enum class RClass { Low, High };
/// "le125" / "gt125".
const char* rClassName(RClass c);
/// @brief One step of the hysteresis rule: without a previous class, High iff meanAgb > 125; from Low,
/// High iff meanAgb > 125 + h; from High, Low iff meanAgb ≤ 125 − h. A NaN mean (no valid forest cell)
/// keeps the previous class (Low when there is none).
RClass nextRClass(std::optional<RClass> previous, double meanAgb, double hysteresis);
/// @brief The rule applied along a yearly trajectory of stratum mean AGB (NaN = no data that year).
std::vector<RClass> rClassTrajectory(const std::vector<double>& meanAgb, double hysteresis);

/// @brief One year's vegetation-index band.
struct ViInput {
    std::string path;
    int band = 1;
    int year = 0;
};
/// @brief The bands of a multi-band VI stack with their years, from each band's `DATE` metadata item
/// (YYYY or YYYY-MM-DD) or, failing that, a band description starting with a year. A band without
/// either is an error naming the band.
std::vector<ViInput> viStackBands(const std::string& path, params::Issues& issues);

/// @brief Index into `lulc` (sorted by year) of the land-cover date used for `year`: the latest date
/// not after `year` (the nearest earlier or equal date); -1 when every date is later.
int landCoverIndexFor(const std::vector<LulcInput>& lulc, int year);

/// @brief What the method runs on.
struct RegressionInputs {
    std::vector<ViInput> vi;               ///< one band per year
    std::vector<LulcInput> lulc;           ///< dated land cover
    std::vector<std::int64_t> forestCodes; ///< land-cover codes that are forest (default 11, 12, 13, 14)
};
/// The forest classes of Tanhui's land-cover scheme (docs/sample-project.md): 11 evergreen broadleaf,
/// 12 coniferous, 13 eucalyptus plantation, 14 shrubland.
std::vector<std::int64_t> defaultForestCodes();

/// @brief Checks before any computation, collecting every problem: VI years unique; land-cover years
/// unique; VI years earlier than every land-cover date (listed together); every raster on the grid
/// and CRS of the first VI band (no resampling; §7.4); land cover of an integer type; VI values
/// outside [−1, 1] (with a hint when they look scaled by 10,000); forest codes present in the land
/// cover without a coefficient row (one issue listing all, with the rasters); coefficient rows for
/// codes that are not forest (warning: unused). Reads every raster once. Throws CancelledError.
params::Issues validateRegressionInputs(const RegressionInputs& inputs,
                                        const RegressionLookup& coefficients,
                                        const QString& coefficientsFile,
                                        gis::Feedback* feedback = nullptr);

/// @brief One year's per-cell raster `rs_carbon_<year>.tif` (Float32, nodata −1) and its
/// whole-raster tallies. Bands: 1 `agb` (t d.m./ha; nodata off forest and in VI gaps), 2
/// `c_density_r_le125` and 3 `c_density_r_gt125` (t C/ha with the R of each AGB class), 4
/// `nonforest` (1 non-forest cell, 0 forest; nodata where land cover is nodata), 5 `vi_gap` (1 forest
/// cell with nodata VI, 0 otherwise; nodata where land cover is nodata), 6 `vi_filled` (1 forest cell
/// whose gap was filled by RegressionRunOptions::interpolateGaps, 0 otherwise).
struct RegressionYear {
    int year = 0;
    int lulcYear = 0;
    std::string raster;
    double forestAreaHa = 0;    ///< forest cells with a valid VI
    double viGapAreaHa = 0;     ///< forest cells with nodata VI (cloud gaps)
    double nonforestAreaHa = 0; ///< valid land cover that is not forest
    double lulcNodataAreaHa = 0;
    double agbT = 0;           ///< Σ AGB × area, t d.m.
    double viFilledAreaHa = 0; ///< forest cells whose gap was filled by interpolation (interpolateGaps)
    double meanAgb() const { return forestAreaHa > 0 ? agbT / forestAreaHa : std::nan(""); }
};
enum RegressionBand : int {
    BandAgb = 1,
    BandCLow = 2,
    BandCHigh = 3,
    BandNonforest = 4,
    BandViGap = 5,
    BandViFilled = 6 ///< 1 = forest cell whose VI gap was filled by temporal interpolation
};
constexpr int kRegressionBands = 6;

struct RegressionRunOptions {
    std::string outDir; ///< required: the per-year rasters are written here
    std::size_t memoryBudgetBytes = 256u << 20;
    gis::Feedback* feedback = nullptr;
    /// Also write rs_vi_key_<year>.tif (Float64, nodata −1): on forest cells with a valid VI the key
    /// code × 4 + 2 + VI (encodeViKey()), so that runRegressionParcels() can bin each parcel's VI
    /// values per forest code for the Monte Carlo (docs/uncertainty.md, "Regression").
    bool writeViKeyRasters = false;
    /// Width of the VI bins of RegressionParcelYear::viBins (VI units).
    double viBinWidth = 0.01;
    /// Temporal interpolation of cloud gaps (docs/remote-sensing-carbon.md, "Cloud gaps"): a forest
    /// cell with nodata VI in year y and a valid VI in an earlier year y0 and a later year y1 (the
    /// nearest ones) gets VI = VI(y0) + (VI(y1) − VI(y0)) × (y − y0)/(y1 − y0); the model then runs on
    /// that VI with year y's land cover. No extrapolation: gaps in the first or last year, or without
    /// a valid year on both sides, stay gaps. Off by default (a gap is a blank with a flag).
    bool interpolateGaps = false;
};

/// @brief The year pairs whose changes the method reports: consecutive years, then first → last when
/// there are more than two years (trajectoryChanges()).
std::vector<std::pair<int, int>> regressionPairs(const std::vector<int>& years);
struct RegressionRun {
    gis::Grid grid;
    gis::Crs crs;
    std::vector<RegressionYear> years; ///< ascending
    /// Rows of the table that entered the result (forest codes present), ascending by code.
    std::vector<RegressionCoefficients> used;
    std::vector<std::string> viKeyRasters; ///< per year, with RegressionRunOptions::writeViKeyRasters
    double viBinWidth = 0.01;
    bool interpolateGaps = false;
    /// regressionPairs() of the years and, per pair, `rs_common_<y1>_<y2>.tif` (Float32, nodata −1):
    /// on forest cells with a valid (or filled) VI in **both** years, bands 1–2 the first year's
    /// densities with R ≤ 125 / > 125 and bands 3–4 the second year's (t C/ha). The change of a parcel
    /// is computed over these cells only (a cell in a gap on either date is left out of the change).
    std::vector<std::pair<int, int>> pairs;
    std::vector<std::string> commonRasters;
};
/// The VI key of a forest cell: code × 4 + 2 + VI (VI in [−1, 1], so the code and VI decode uniquely;
/// VI is kept to about 1e-9 for codes below 10⁶).
double encodeViKey(std::int64_t code, double vi);
/// Inverse of encodeViKey().
void decodeViKey(double key, std::int64_t& code, double& vi);
/// @brief Per-cell pass (strip by strip, memory bounded, single-threaded and so deterministic): writes
/// rs_carbon_<year>.tif for every VI year. Call validateRegressionInputs() first. Throws GisError,
/// CancelledError.
RegressionRun writeRegressionRasters(const RegressionInputs& inputs,
                                     const RegressionLookup& coefficients,
                                     const RegressionRunOptions& options);

/// @brief One parcel in one year. Areas are true (ellipsoidal) areas from the zonal engine.
struct RegressionParcelYear {
    int year = 0;
    double forestAreaHa = 0;            ///< valid forest area (VI valid)
    double viGapAreaHa = 0;             ///< forest area with nodata VI: excluded, never counted as zero
    double nonforestAreaHa = 0;         ///< valid land cover that is not forest (no regression AGB)
    double lulcNodataAreaHa = 0;        ///< land cover nodata inside the raster
    double meanAgb = std::nan("");      ///< t d.m./ha over the valid forest area; NaN without forest
    RClass rClass = RClass::Low;        ///< by the hysteresis rule on the parcel's mean AGB trajectory
    double carbonT = 0;                 ///< t C over the valid forest area
    double carbonTPerHa = std::nan(""); ///< carbonT / forestAreaHa
    double viFilledAreaHa = 0;          ///< part of forestAreaHa whose VI was interpolated
    /// Share of the parcel's forest (valid + gap) with a valid VI; NaN without forest.
    double validForestShare() const {
        const double all = forestAreaHa + viGapAreaHa;
        return all > 0 ? forestAreaHa / all : std::nan("");
    }
    double co2eT() const { return carbonT * kCo2PerC; }
    /// With RegressionRun::viKeyRasters: the parcel's valid forest area binned per forest code and VI
    /// bin (RegressionRun::viBinWidth), each bin with its area and the area-weighted mean VI of its
    /// cells (exact, from the per-cell values); ascending by (code, bin). Σ areaHa = forestAreaHa.
    struct ViBin {
        std::int64_t code = 0;
        double areaHa = 0;
        double vi = 0;
    };
    std::vector<ViBin> viBins;
};
/// @brief A change between two years of one parcel (stock difference, §3.2): ΔC = C₂ − C₁ (t C),
/// ×44/12 (t CO2e), annualised over (y₂ − y₁). `gapsDiffer`: the VI-gap area differs between the years
/// by more than 1 % of the parcel's forest + gap area, so part of ΔC is a nodata artefact (design note
/// 3); `densityChange` (t C/ha of valid forest) is then the better indicator.
struct RegressionChange {
    int year1 = 0, year2 = 0;
    double changeT = 0;
    double changeCo2eT = 0;
    double rateTPerYr = 0;
    double rateCo2eTPerYr = 0;
    double densityChange = std::nan(""); ///< t C/ha
    bool gapsDiffer = false;
    /// Forest area valid on both dates (ha) over which changeT is computed (runRegressionParcels());
    /// NaN from trajectoryChanges() alone (then changeT is the difference of the two stocks).
    double commonAreaHa = std::nan("");
};

/// @brief Below this share of valid forest (forest with a valid VI / forest incl. gaps) a parcel-year
/// has no stock: blank with a flag, never zero carbon (docs/remote-sensing-carbon.md, "Cloud gaps").
constexpr double kMinValidForestShare = 0.5;
/// @brief Whether a parcel-year has a stock: it has valid land cover, and its forest (if any) is not
/// mostly in VI gaps (validForestShare() ≥ kMinValidForestShare; a year without gaps always has one).
bool hasRegressionStock(const RegressionParcelYear& y);
struct RegressionParcel {
    std::vector<RegressionParcelYear> years;
    std::vector<RegressionChange> changes; ///< consecutive years, then first → last (when > 2 years)
};
/// @brief Changes along a trajectory: consecutive years, plus first → last when there are > 2 years.
std::vector<RegressionChange> trajectoryChanges(const std::vector<RegressionParcelYear>& years);

/// @brief One runZonal call over the 6 bands of every year's raster (one grid: each parcel's exact
/// coverage is computed once), then per parcel: areas, mean AGB, the R class trajectory (hysteresis
/// `hysteresis` t d.m./ha on the parcel mean AGB) and carbon = Σ coverage × true area × the density
/// band of the parcel's R class. Results in ParcelSet order. Deterministic for any thread count.
std::vector<RegressionParcel> runRegressionParcels(const gis::ParcelSet& parcels,
                                                   const RegressionRun& run,
                                                   double hysteresis,
                                                   const gis::ZonalOptions& zonal);

/// @brief Share of the parcel's ellipsoidal area that the rasters cover (forest + gap + non-forest +
/// land-cover nodata, first year): below 0.98 the parcel lies partly outside the rasters (§7.2 asks
/// to flag a gap larger than 2 %). NaN without years or area.
double rasterCoverageFraction(const gis::Parcel& parcel, const RegressionParcel& result);

/// @brief `rs_trajectory.csv` (long form, one row per parcel and year): fid, id, year, lulc_year,
/// forest_area_ha, vi_gap_area_ha, nonforest_area_ha, lulc_nodata_area_ha, mean_agb_t_dm_per_ha,
/// r_class, carbon_t, carbon_t_per_ha, co2e_t, change_t (since the previous year), change_co2e_t,
/// rate_t_per_yr, gaps_differ, flagged_parameters. Atomic.
void writeRegressionTrajectory(const std::string& path,
                               const gis::ParcelSet& parcels,
                               const QString& idField,
                               const RegressionRun& run,
                               const std::vector<RegressionParcel>& results);
/// @brief `rs_parcels.csv` / `.gpkg` (wide, one row per parcel, with geometry in the GPKG): fid, id,
/// area_ha, per year carbon_<y>_t, carbon_<y>_t_per_ha, mean_agb_<y>_t_dm_per_ha, forest_area_<y>_ha,
/// vi_gap_area_<y>_ha; first → last change_t, change_co2e_t, rate_t_per_yr, rate_co2e_t_per_yr,
/// gaps_differ; raster_coverage_fraction (rasterCoverageFraction()); flagged_parameters,
/// geometry_repaired. Atomic.
void writeRegressionParcels(const std::string& path,
                            const gis::ParcelSet& parcels,
                            const QString& idField,
                            const RegressionRun& run,
                            const std::vector<RegressionParcel>& results);
/// @brief `rs_totals.csv` (quantity,value,unit): per year, sums over parcels of carbon (t C), CO2e,
/// forest, gap and non-forest areas (ha); the whole raster's forest area, gap area and mean AGB; the
/// changes between years (t C, t CO2e, t C/yr). Atomic.
void writeRegressionTotals(const std::string& path,
                           const RegressionRun& run,
                           const std::vector<RegressionParcel>& results);
/// @brief `parameters_used.csv`: every coefficient row used (lucode, forest_type, form, a, b,
/// bias_sigma2, smearing, bias_factor, agb_cap_t_dm_per_ha, r_le125, r_gt125, cf, tag, source, file,
/// line) and the rule constants (R class threshold and hysteresis). Atomic.
void writeRegressionParameters(const std::string& path, const RegressionRun& run, double hysteresis);

} // namespace tanhui::models::carbon
