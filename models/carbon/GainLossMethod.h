// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/ZonalEngine.h"
#include "models/carbon/PoolMethod.h"
#include "models/params/ParameterTable.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tanhui::gis {
class Feedback;
struct ParcelSet;
} // namespace tanhui::gis

namespace tanhui::models::carbon {

/// @brief Tier 1 growth table (carbon-methods.md §3.5 Tables 4.9 / 4.10 with R of Table 4.4 and CF of
/// §3.6; §9 `ipcc_growth.csv`): key `forest_type`; `g_w` (t d.m./ha/yr), optional `g_w_sd`, `r`
/// (t root/t shoot), `cf` (t C/t d.m.); text columns gez, continent, origin, uncertainty_note.
/// Default: :/parameters/carbon/growth_rates.csv.
const params::TableSpec& growthRatesSpec();

/// @brief Declaration of fd (carbon-methods.md §3.2 Eq. 2.14): the fraction of the biomass lost in a
/// disturbance, 0–1, default 1 (clear-cut or conversion); id "fd" (CLI --fd, project option fd).
const params::ParameterSpec& disturbanceFractionParameter();

/// §3.2 Eq. 2.9 / 2.10 per hectare: ΔC_G = G_W × (1 + R) × CF (t C/ha/yr).
double growthCarbonPerHaYr(double gW, double r, double cf);
/// §3.2 Eq. 2.14 per hectare of disturbed area: L = B_W × (1 + R) × CF × fd (t C/ha).
double disturbanceLossPerHa(double bW, double r, double cf, double fd);
/// §10.4: stock of biomass B_W with roots: B_W × (1 + R) × CF (t C/ha).
double biomassCarbonPerHa(double bW, double r, double cf);

/// @brief One row of the growth table with provenance.
struct ForestType {
    QString name;
    double gW = 0; ///< t d.m./ha/yr
    std::optional<double> gWSd;
    double r = 0, cf = 0;
    params::Tag tag = params::Tag::User;
    QString source, file;
    int line = 0;
    double gainPerHaYr() const { return growthCarbonPerHaYr(gW, r, cf); } ///< t C/ha/yr
};

/// @brief The growth table by forest type. find() returns a copy of the row (a few implicitly shared
/// strings), never a pointer into the lookup, so a row outlives a temporary lookup
/// (`GrowthLookup(table).find(name)->gainPerHaYr()` is safe).
class GrowthLookup {
public:
    explicit GrowthLookup(const params::ParameterTable& table);
    std::optional<ForestType> find(const QString& name) const;
    QStringList names() const;

private:
    std::vector<ForestType> m_types;
};

/// @brief Land-cover class → forest type. Default (the sample's classes, docs/soil-and-gain-loss.md):
/// 11 evergreen broadleaf → natural_secondary_old (Guangzhou's broadleaf stands are secondary, mostly
/// older than 20 years: Table 4.9 "> 20 yr", 1.0 t d.m./ha/yr, the conservative rate); 12 coniferous
/// (Masson pine / Chinese fir, planted) → plantation; 13 eucalyptus plantation → plantation (Table 4.10
/// subtropical humid Asia, 8 t d.m./ha/yr). 14 shrubland is not mapped: there is no Tier 1 shrub growth
/// rate, so it counts as non-forest (forest → shrubland is a loss).
std::map<std::int64_t, QString> defaultForestClasses();
/// Parses "CODE=TYPE" (e.g. "11=natural_secondary_young").
std::optional<std::pair<std::int64_t, QString>> parseForestClass(const QString& text);
/// Parses the forest_classes option, "CODE=TYPE" pairs separated by commas; nullopt when a pair is
/// malformed or none is given.
std::optional<std::map<std::int64_t, QString>> parseForestClasses(const QString& text);

struct GainLossSettings {
    std::map<std::int64_t, QString> forestClasses = defaultForestClasses();
    /// fd of Eq. 2.14: fraction of the biomass lost in a disturbance. 1 for clear-cut or conversion
    /// (Tier 1: B_AFTER = 0 immediately after clearing, §3.2).
    double fd = 1.0;
};

/// @brief Checks before any computation: the pool method's raster checks (validatePoolInputs: years
/// ascending, same grid and CRS, integer single band, every code present has a pools-table row, which
/// gives B_W of the lost forest); every mapped forest type is in the growth table; every mapped class
/// has a pools row; fd in [0, 1]; at least two dates; class codes 0–65535.
params::Issues validateGainLossInputs(const std::vector<LulcInput>& inputs,
                                      const PoolLookup& pools,
                                      const QString& poolsFile,
                                      const GrowthLookup& growth,
                                      const QString& growthFile,
                                      const GainLossSettings& settings,
                                      gis::Feedback* feedback = nullptr);

/// Transition code of a cell: from × 65536 + to (both 0–65535).
constexpr double transitionCode(std::int64_t from, std::int64_t to) {
    return double(from) * 65536.0 + double(to);
}
std::pair<std::int64_t, std::int64_t> decodeTransition(double code);

/// @brief A written transition raster of one interval.
struct TransitionRaster {
    int year1 = 0, year2 = 0;
    std::string path;
};

/// @brief Writes transition_<y1>_<y2>.tif for each consecutive pair of dates into `outDir`: per cell the
/// code transitionCode(class at y1, class at y2) (Float64, nodata NaN where either date is nodata: the
/// intersection of the valid masks, carbon-methods.md §7 item 3). One streamed pass per interval, memory
/// bounded by `memoryBudgetBytes`, atomic. Throws GisError, CancelledError.
std::vector<TransitionRaster> writeTransitionRasters(const std::vector<LulcInput>& inputs,
                                                     const std::string& outDir,
                                                     gis::Feedback* feedback = nullptr,
                                                     std::size_t memoryBudgetBytes = 128u << 20);

/// @brief Gain–loss of one area over one interval (carbon-methods.md §3.2).
struct GainLossInterval {
    int year1 = 0, year2 = 0;
    double remainingHa = 0;  ///< forest at both dates (incl. a change of forest type)
    double typeChangeHa = 0; ///< part of remainingHa whose forest type changed (growth at the y2 type)
    double toForestHa = 0;   ///< non-forest at y1, forest at y2 (land converted to forest)
    double lostHa = 0;       ///< forest at y1, non-forest at y2 (clear-cut, fire, conversion)
    double validHa = 0;      ///< area valid at both dates
    double nodataHa = 0;     ///< covered area nodata at either date
    std::map<QString, double> remainingHaByType;  ///< forest type (at y2) → ha
    std::map<QString, double> toForestHaByType;   ///< forest type (at y2) → ha converted to it
    std::map<std::int64_t, double> lostHaByClass; ///< class at y1 → ha lost (for Monte Carlo)
    double gainRemainingTPerYr = 0;               ///< Σ remaining ha × G_W × (1 + R) × CF
    double gainToForestTPerYr = 0;                ///< Σ converted ha × G_W × (1 + R) × CF of the new type
    double lossT = 0; ///< Σ lost ha × (c_above + c_below of the y1 class) × fd, over the interval
    int years() const { return year2 - year1; }
    double gainTPerYr() const { return gainRemainingTPerYr + gainToForestTPerYr; }
    double lossTPerYr() const { return years() > 0 ? lossT / years() : 0.0; }
    double netTPerYr() const { return gainTPerYr() - lossTPerYr(); } ///< + = removal (sink), §0
};

/// @brief The accounting from class-pair areas (ha) of one interval: used per parcel and testable by hand.
/// Losses use B_W × (1 + R) × CF = c_above + c_below of the y1 class in the pools table (c_above = B_W ×
/// CF, c_below = B_W × R × CF, as the default table is built, §10.4); pairs with nodata (kNoClass) add
/// to nodataHa. Flagged rows used (growth and pools) are added to `flagged` ("file:key:tag").
constexpr std::int64_t kNoClass = -1;
GainLossInterval gainLossFromTransitions(
  const std::map<std::pair<std::int64_t, std::int64_t>, double>& areaHa,
  int year1,
  int year2,
  const GrowthLookup& growth,
  const PoolLookup& pools,
  const GainLossSettings& settings,
  QStringList* flagged = nullptr);

struct GainLossParcel {
    std::vector<GainLossInterval> intervals;
    QStringList flaggedRows;
};

/// @brief One zonal pass of the parcels over all transition rasters (same grid: each parcel's coverage
/// computed once, true class-pair areas from Stat::Area), then gainLossFromTransitions per interval.
/// Results in ParcelSet order.
std::vector<GainLossParcel> runGainLossParcels(const gis::ParcelSet& parcels,
                                               const std::vector<TransitionRaster>& transitions,
                                               const GrowthLookup& growth,
                                               const PoolLookup& pools,
                                               const GainLossSettings& settings,
                                               const gis::ZonalOptions& zonal);

/// @brief Totals over parcels per interval (Σ in double).
struct GainLossTotals {
    std::vector<GainLossInterval> intervals;
    std::size_t parcels = 0, sinkParcels = 0, sourceParcels = 0, flaggedParcels = 0;
};
GainLossTotals sumGainLossParcels(const std::vector<GainLossParcel>& parcels);

/// @brief `parcels_gainloss.csv` / `.gpkg`: fid, id, area_ha; per interval Y1_Y2: remaining_forest_ha,
/// forest_type_change_ha, to_forest_ha, lost_forest_ha, nodata_ha, gain_t_per_yr, loss_t (whole interval),
/// loss_t_per_yr, net_t_per_yr (+ = removal), net_co2e_t_per_yr (removal positive), net_t_per_ha_yr
/// (per parcel area); flagged_parameters, geometry_repaired. Atomic.
void writeGainLossParcelTable(const std::string& path,
                              const gis::ParcelSet& parcels,
                              const QString& idField,
                              const std::vector<GainLossParcel>& results);

/// @brief `totals_gainloss.csv` (quantity,value,unit), per interval: remaining_forest_Y1_Y2 (ha),
/// remaining_<type>_Y1_Y2 (ha), to_forest, lost_forest (ha), gain (t C/yr), loss (t C), loss_per_yr,
/// net (t C/yr), net_co2e (t CO2e/yr); parcels, sink_parcels, source_parcels, flagged_parcels (count).
void writeGainLossTotalsTable(const std::string& path, const GainLossTotals& totals);

} // namespace tanhui::models::carbon
