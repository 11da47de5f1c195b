// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/VectorLayer.h"
#include "models/params/ParameterTable.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tanhui::gis {
struct ParcelSet;
} // namespace tanhui::gis

namespace tanhui::models::carbon {

/// @brief Default reference SOC stocks (carbon-methods.md §3.8, §9 `soc_ref.csv`): composite key
/// `climate_zone, soil_class` (e.g. tropical_moist|lac), `soc_ref` in t C/ha (0–30 cm).
/// Default: :/parameters/carbon/soc_ref.csv (2006 Table 2.3, tagged unconfirmed, edition IPCC2006).
const params::TableSpec& socRefSpec();
/// @brief Cropland stock-change factors (carbon-methods.md §3.7, §9 `soil_factors.csv`): composite key
/// `climate_zone, factor (LU / MG / I), level`; `value` (ratio), `d_years` (years, default 20).
/// Default: :/parameters/carbon/soil_factors.csv (2006 Table 5.5, unconfirmed, IPCC2006).
const params::TableSpec& soilFactorsSpec();

/// Default time dependence of the stock-change factors, D (carbon-methods.md §3.3).
constexpr double kSoilDefaultDYears = 20.0;
/// Practice start years before this are rejected as implausible (or a unit/field mistake).
constexpr int kSoilEarliestPracticeYear = 1950;

/// F_LU levels of 2006 Table 5.5 (§3.7); Native is the reference state (SOC_REF, all factors 1, §3.3).
enum class SoilLandUse { Native, LongTermCultivated, Paddy, Perennial, SetAside };
/// F_MG levels.
enum class SoilTillage { Full, Reduced, NoTill };
/// F_I levels.
enum class SoilInput { Low, Medium, HighWithoutManure, HighWithManure };
/// Table level names: "long_term_cultivated", "paddy_rice", "perennial", "set_aside" ("native" for
/// Native); "full_tillage", "reduced_tillage", "no_till"; "low", "medium", "high_without_manure",
/// "high_with_manure".
const char* soilLevelName(SoilLandUse v);
const char* soilLevelName(SoilTillage v);
const char* soilLevelName(SoilInput v);

/// @brief A cropland management state: the three factor levels of Eq. 2.25.
struct SoilPractice {
    SoilLandUse landUse = SoilLandUse::LongTermCultivated;
    SoilTillage tillage = SoilTillage::Full;
    SoilInput input = SoilInput::Low;
    bool operator==(const SoilPractice&) const = default;
};

/// @brief SOC_eq = SOC_REF × F_LU × F_MG × F_I (carbon-methods.md §3.3, Eq. 2.25 per hectare), with
/// the table rows used (for provenance) and D (the largest d_years of the factor rows; 20 by default).
struct SoilEquilibrium {
    double socRef = 0; ///< t C/ha
    double fLu = 1, fMg = 1, fI = 1;
    double dYears = kSoilDefaultDYears;
    double soc() const { return socRef * fLu * fMg * fI; } ///< t C/ha
    std::vector<const params::TableRow*> rows;             ///< soc_ref row, then the factor rows used
};

/// @brief The two default (or user) soil tables, and lookups by zone, soil class and practice.
class SoilTables {
public:
    SoilTables(params::ParameterTable socRef, params::ParameterTable factors);
    const params::ParameterTable& socRef() const { return m_socRef; }
    const params::ParameterTable& factors() const { return m_factors; }
    /// SOC_eq of `practice`; nullopt when a row is missing, with one error issue per missing row
    /// appended to `issues` (file = the table's file, column = its key column, naming the key).
    /// Native: SOC_REF with all factors 1 (§3.3).
    std::optional<SoilEquilibrium> equilibrium(const QString& climateZone,
                                               const QString& soilClass,
                                               const SoilPractice& practice,
                                               params::Issues* issues = nullptr) const;
    /// Climate zones and soil classes present in the SOC_REF table ("tropical_moist|lac", ...).
    QStringList socRefKeys() const;

private:
    params::ParameterTable m_socRef, m_factors;
};

/// Both default tables; their load issues are appended to `issues`.
SoilTables loadDefaultSoilTables(params::Issues& issues);

/// @brief The 20-year linear rule of carbon-methods.md §3.3:
/// SOC(t) = SOC(t0) + (SOC_eq,new − SOC(t0)) × min(1, (t − t_change) / D), and SOC(t0) before the
/// change (t < t_change). All stocks in t C/ha.
double socAt(double socStart,
             double socEqNew,
             double changeYear,
             double year,
             double dYears = kSoilDefaultDYears);

/// @brief Mapping of a plot's crop / land-use text to F_LU (carbon-methods.md §3.7 "Mapping Chinese
/// practices"; trimmed, case-insensitive; table level names are accepted too):
/// | text | level |
/// |---|---|
/// | 水田, 水稻, 稻, 早稻, 晚稻, rice, paddy | paddy_rice |
/// | 旱地, 蔬菜, 甘蔗, 花生, 玉米, 大豆, 甘薯, 番薯, 木薯, 薯类, 油菜, dry land, vegetables, sugarcane,
/// peanut, maize, corn, soybean, sweet potato, cassava, rapeseed | long_term_cultivated | | 园地, 果园, 荔枝,
/// 龙眼, 香蕉, 柑橘, 茶, 茶园, orchard, lychee, litchi, longan, banana, citrus, tea, perennial | perennial |
/// | 休耕, 撂荒, fallow, set-aside | set_aside |
std::optional<SoilLandUse> parseSoilLandUse(const QString& text);
/// Accepted crop / land-use texts, for messages.
QStringList acceptedSoilLandUses();

/// @brief What a practice text says (several may be combined, e.g. "秸秆还田+有机肥"; separators + , 、 ;
/// / and the words 加, 和, and, with are ignored):
/// | text | meaning |
/// |---|---|
/// | 秸秆还田, 秸秆覆盖, straw return, residue return | residues returned |
/// | 秸秆焚烧, 焚烧, 秸秆移除, 移除, burning, removal, 无, none, 常规, conventional | residues removed or
/// burned | | 绿肥, 覆盖作物, green manure, cover crop | green manure / cover crop | | 有机肥, 粪肥, 农家肥,
/// 施用有机肥, manure, organic fertiliser (fertilizer) | manure / organic amendment | | 免耕, no-till |
/// no-till | | 少耕, reduced tillage | reduced tillage | | 翻耕, 常规耕作, full tillage | full tillage | The
/// table's F_I and F_MG level names are accepted too and set the level directly.
struct SoilPracticeText {
    bool straw = false, removed = false, greenManure = false, manure = false;
    std::optional<SoilTillage> tillage;
    std::optional<SoilInput> input; ///< a level name given directly
    QString unknown;                ///< text left over that matched nothing (empty: all understood)
    bool contradictory = false;     ///< e.g. straw return and burning, or two tillage levels
};
SoilPracticeText parseSoilPractice(const QString& text);
/// Accepted practice words, for messages.
QStringList acceptedSoilPractices();

/// @brief F_I from the practices (2006 definitions, §3.7): straw + manure (or green manure + manure) →
/// high with manure; straw + green manure → high without manure; straw alone, or manure / green manure
/// alone (residues removed but organic matter added) → medium; nothing, burning or removal → low.
SoilInput soilInputLevel(const SoilPracticeText& p);

/// @brief A yes/no attribute (organic fertiliser): 是/有/施用/yes/y/true/1 → true; 否/无/未施用/no/n/
/// false/0, empty or null → false; anything else nullopt.
std::optional<bool> parseYesNo(const QVariant& value);

/// @brief The fields of the plot layer that the soil method reads; empty names are not read.
struct SoilFields {
    QString crop;         ///< crop or land use (required), e.g. 作物
    QString practice;     ///< practice text, e.g. "秸秆还田+有机肥"
    QString practiceYear; ///< year the current practice started
    QString strawYear;    ///< straw return since year (null: no straw return), e.g. 秸秆还田起始年
    QString organic;      ///< organic fertiliser yes/no, e.g. 施用有机肥
};

/// @brief Attribute values of `fields` (in the order given, empty names skipped) of a vector layer, by
/// FID, read through gis::VectorLayer (the layer's encoding is honoured). A field the layer does not
/// have becomes an error issue (row 0, column = the field) listing the layer's fields.
struct LayerFieldValues {
    QStringList fields;                                  ///< the fields read, in order
    std::map<std::int64_t, std::vector<QVariant>> byFid; ///< fid → values in `fields` order
    std::map<std::int64_t, int> rowOfFid;                ///< fid → 1-based feature position
    params::Issues issues;
};
LayerFieldValues readLayerFields(const std::string& path,
                                 const gis::VectorOpenOptions& open,
                                 const QStringList& fields);

/// @brief One plot's attributes as read.
struct SoilRecord {
    std::int64_t fid = -1;
    int row = 0;  ///< 1-based feature position (named in issues)
    QString id;   ///< id field value (or FID)
    QString crop; ///< trimmed
    QString practice;
    QVariant practiceYear, strawYear, organic;
    double areaHa = 0; ///< ellipsoidal area (ha)
};
std::vector<SoilRecord> joinSoilRecords(const gis::ParcelSet& parcels,
                                        const LayerFieldValues& values,
                                        const SoilFields& fields);

/// @brief What a plot was before its practice change (the same land use before a management change).
enum class SoilBefore {
    LowInput,    ///< same land use, full tillage, residues removed or burned (F_I low): default
    MediumInput, ///< same land use, full tillage, F_I medium
    Native       ///< native land (SOC_REF, all factors 1), converted to its current use at the change year
};
const char* soilBeforeName(SoilBefore b); ///< "low", "medium", "native"
std::optional<SoilBefore> parseSoilBefore(const QString& text);

/// @brief Settings of a run, saved with each result (carbon-methods.md §3.4: store the zone).
struct SoilSettings {
    QString climateZone = QStringLiteral("tropical_moist"); ///< §3.4: Guangzhou is Tropical moist
    QString soilClass = QStringLiteral("lac");              ///< §3.8: lateritic red soils are LAC
    SoilBefore before = SoilBefore::LowInput;
    std::vector<int> years; ///< years to report, ascending
    int currentYear = 0;    ///< practice years after it are "in the future" (the CLI: this year)
};

/// @brief Checks every plot before any computation, collecting every problem (file = `file`, row =
/// feature, column = field): one error per field listing all distinct unknown crop / practice / yes-no
/// values with their rows and the accepted ones; contradictory practices; per feature, a practice
/// year that is not a whole number, before kSoilEarliestPracticeYear or after settings.currentYear;
/// missing table rows for any practice used (one error per missing key, naming the table file);
/// the zone / soil class missing from soc_ref; and one warning listing the plots whose practice differs
/// from the "before" state but has no start year (taken as established: at equilibrium).
params::Issues validateSoilRecords(const std::vector<SoilRecord>& records,
                                   const SoilFields& fields,
                                   const SoilTables& tables,
                                   const SoilSettings& settings,
                                   const QString& file);

/// @brief One plot's result.
struct SoilPlot {
    SoilPractice before, after;
    std::optional<int> changeYear; ///< none: no practice change (SOC constant at SOC_eq of `after`)
    double socStartPerHa = 0;      ///< SOC(t0) = SOC_eq of `before` (t C/ha)
    double socEqPerHa = 0;         ///< SOC_eq of `after` (t C/ha)
    double dYears = kSoilDefaultDYears;
    std::vector<double> socPerHa;            ///< per requested year (t C/ha)
    std::vector<double> socT;                ///< per year, × area (t C)
    std::vector<double> fluxPerHaYr;         ///< per year: SOC(t) − SOC(t − 1), t C/ha/yr (+ = gain)
    std::vector<double> intervalChangeT;     ///< per consecutive pair of years: ΔSOC × area (t C)
    std::vector<double> intervalRatePerHaYr; ///< per pair: ΔSOC / (t2 − t1), t C/ha/yr
    QStringList flaggedRows;                 ///< "soil_factors.csv:tropical_moist|lu|paddy_rice:unconfirmed"
};

/// @brief Computes every record (validate first; records must be valid).
std::vector<SoilPlot> computeSoilPlots(const std::vector<SoilRecord>& records,
                                       const SoilFields& fields,
                                       const SoilTables& tables,
                                       const SoilSettings& settings);

/// @brief Run totals per requested year and interval (accumulated in double).
struct SoilTotals {
    std::vector<double> socT;            ///< per year (t C)
    std::vector<double> fluxT;           ///< per year: Σ flux × area (t C/yr)
    std::vector<double> intervalChangeT; ///< per pair (t C)
    double areaHa = 0;
    std::size_t plots = 0, changedPlots = 0, flaggedPlots = 0;
};
SoilTotals sumSoilPlots(const std::vector<SoilRecord>& records,
                        const std::vector<SoilPlot>& plots,
                        const SoilSettings& settings);

/// @brief `parcels_soil.csv` / `.gpkg`: fid, id, crop, practice (as given), land_use, tillage, input_before,
/// input_after, change_year, climate_zone, soil_class, area_ha, soc_start_t_per_ha, soc_eq_t_per_ha,
/// d_years; per year Y: soc_t_per_ha_Y, soc_t_Y, flux_t_per_ha_yr_Y, flux_co2e_t_per_ha_yr_Y (removal
/// positive); per pair: change_t_Y1_Y2, rate_t_per_ha_yr_Y1_Y2, co2e_removal_t_Y1_Y2; flagged_parameters,
/// geometry_repaired. Atomic.
void writeSoilPlotTable(const std::string& path,
                        const gis::ParcelSet& parcels,
                        const QString& idField,
                        const std::vector<SoilRecord>& records,
                        const std::vector<SoilPlot>& plots,
                        const SoilSettings& settings);

/// @brief `totals_soil.csv` (quantity,value,unit): soc_Y (t C), flux_Y (t C/yr), flux_co2e_Y
/// (t CO2e/yr), change_Y1_Y2 (t C), co2e_removal_Y1_Y2 (t CO2e), area (ha), plots, changed_plots,
/// flagged_plots (count). Atomic.
void writeSoilTotalsTable(const std::string& path, const SoilTotals& totals, const SoilSettings& settings);

} // namespace tanhui::models::carbon
