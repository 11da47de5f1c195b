// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/carbon/CarbonProject.h"
#include "models/carbon/GainLossMethod.h"
#include "models/carbon/VolumeMethod.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

/// The forest inventory route `volume_gainloss` of `carbon --project` (docs/carbon-project.md, "The
/// forest route"): the stand's volume-method stock at the inventory year (carbon-methods.md §5.1, §5.3)
/// carried to every later carbon year by gain − loss (§3.2): growth from the stand's own mean annual
/// increment (Eq. 2.10 with I_V = MAI) or the growth table by origin and age class (§3.5 Tables 4.9,
/// 4.10), losses (land-cover transitions from forest, as the gain-loss method detects them) valued at the
/// stand's own carried density (Eq. 2.14 with B_W × (1 + R) × CF = the stand's stock per hectare).
namespace tanhui::models::carbon {

/// Origin of a stand (起源): natural (天然) or planted (人工).
enum class StandOrigin { Natural, Plantation };
/// "natural" / "plantation".
const char* standOriginName(StandOrigin origin);
/// Accepts natural, 天然, 天然林, 天然更新, 天然下种, 萌生 (coppice of natural stands), 人工促进天然更新 →
/// natural; plantation, planted, 人工, 人工林, 人工造林, 植苗, 直播, 飞播 → plantation (case and blanks
/// ignored); nullopt otherwise.
std::optional<StandOrigin> parseStandOrigin(const QString& text);
/// The accepted origin names, for messages.
QString standOriginNames();

/// Where a stand's growth rate comes from (docs/carbon-project.md, "The forest route").
enum class GrowthSource {
    StandMai,  ///< the stand's own volume ÷ age (m³/ha/yr)
    GroupMai,  ///< median MAI of the layer's stands of the same species group and origin
    Reference, ///< the growth table's row by origin and age class (§3.5)
};
/// "stand_mai", "group_mai", "reference".
const char* growthSourceName(GrowthSource source);

/// MAI above this (m³/ha/yr) is not used (the top of 2019 Table 4.11's ranges, Eucalyptus urophylla
/// 20–60, §3.5): such a stand takes the next source and is listed in a warning.
constexpr double kMaxMaiM3PerHaYr = 60.0;
/// Natural stands up to this age (years) grow at the "secondary ≤ 20 yr" rate of Table 4.9 (§3.5).
constexpr int kYoungNaturalMaxAge = 20;
/// A group median MAI needs at least this many stands with their own MAI.
constexpr int kMinStandsForGroupMai = 5;

/// @brief Carbon per m³ of stand volume of a species group (t C/m³): WD × BEF × (1 + R) × CF (§5.1) or,
/// for the continuous form, a × 0.5 (the increment of B = a·V + b per m³, §5.3).
double carbonPerM3(const SpeciesParams& group, BefForm form);
/// @brief The continuous form's intercept as carbon (t C/ha): b × 0.5 (§5.3); 0 for the constant form.
double interceptCarbonPerHa(const SpeciesParams& group, BefForm form);

/// @brief One stand (小班) at its inventory year.
struct Stand {
    const SpeciesParams* group = nullptr; ///< null only for a stand without volume (no tree carbon)
    BefForm form = BefForm::Constant;
    double volume = 0;      ///< m³/ha at the inventory year
    std::optional<int> age; ///< years at the inventory year (unknown: empty)
    StandOrigin origin = StandOrigin::Natural;
    double areaHa = 0;
    int inventoryYear = 0;
};

/// The stand's own MAI, volume ÷ age (m³/ha/yr); nullopt without volume or age.
std::optional<double> standMai(const Stand& stand);

/// Where a stand's volume ceiling comes from (docs/carbon-project.md, "The forest route", "Ceiling").
enum class CapSource {
    None,      ///< no ceiling (turned off, growth table route, or no factors to convert Tier 1 AGB)
    Inventory, ///< the largest volume of the layer's stands of the same species group and origin
    Tier1,     ///< 2019 Table 4.7 / 4.8 AGB converted to volume with the stand's own factors (§3.5)
};
/// "none", "inventory_max", "ipcc_tier1".
const char* capSourceName(CapSource source);

/// An inventory ceiling needs at least this many stands with a volume in the group and origin.
constexpr int kMinStandsForInventoryCap = 5;
/// 2019 Table 4.7, subtropical humid forest, Asia, secondary (≤ 20 and > 20 yr merged): 258.4 t d.m./ha
/// above-ground (§3.5), the Tier 1 ceiling of natural stands.
constexpr double kTier1NaturalAgbTPerHa = 258.4;
/// 2019 Table 4.8, subtropical humid forest, Asia: broadleaf 180, other 100 t d.m./ha (§3.5). The species
/// table does not say which groups are broadleaf, so plantations take the larger: the ceiling never
/// binds earlier than the table allows for any plantation.
constexpr double kTier1PlantationAgbTPerHa = 180.0;

/// @brief The Tier 1 volume ceiling (m³/ha) of a group and origin: the Table 4.7 / 4.8 AGB as volume with
/// the group's own factors, AGB ÷ (WD × BEF) (§5.1) or, continuous form, (AGB × (1 + R) − b) ÷ a (§5.3: B
/// is total biomass). nullopt when the factors give no positive volume (e.g. a ≤ 0).
std::optional<double> tier1VolumeCap(const SpeciesParams& group, BefForm form, StandOrigin origin);

/// @brief The growth of a stand: MAI in m³/ha/yr (carbon per m³ of the stand's group), or the growth
/// table's rows (per interval, by the age at the interval's start); the MAI growth stops at the stand's
/// volume ceiling.
struct StandGrowth {
    GrowthSource source = GrowthSource::Reference;
    double maiM3PerHaYr = 0;               ///< StandMai, GroupMai
    std::optional<double> capM3PerHa;      ///< ceiling of the carried volume (StandMai, GroupMai)
    CapSource capSource = CapSource::None; ///< where capM3PerHa comes from
};

/// @brief The growth table row of a stand at `age` (§3.5): plantation → `plantation`; natural → age ≤ 20
/// `natural_secondary_young`, else (also unknown age: the conservative rate) `natural_secondary_old`. A
/// row `<that>_<species group>` (e.g. `plantation_eucalyptus`) takes precedence when the table has it.
QString referenceGrowthType(StandOrigin origin,
                            std::optional<int> age,
                            const QString& speciesGroup,
                            const GrowthLookup& growth);

/// @brief A stand's carbon as a linear form of its parameters, so that Monte Carlo and totals stay exact:
/// stock = carbonPerM3(group) × volumeM3 + interceptCarbonPerHa(group) × areaHa + Σ_type G_W(1 + R)CF ×
/// growthHaYears[type] (t C).
struct StandCarbon {
    double volumeM3 = 0;                     ///< Σ ha × m³/ha (volume and MAI growth)
    double areaHa = 0;                       ///< ha carrying the continuous form's intercept
    std::map<QString, double> growthHaYears; ///< growth table type → ha·yr
    void scale(double factor);               ///< a loss of a share of the stock
    void add(const StandCarbon& other, double sign = 1.0);
    double carbonT(const SpeciesParams* group, BefForm form, const GrowthLookup& growth) const;
};

/// @brief The carried stock of one stand.
struct StandRoute {
    std::map<int, StandCarbon> stocks; ///< carbon year → stock (from the inventory year on)
    std::map<int, double> stockT;      ///< carbon year → t C (table values)
    std::vector<int> blankYears;       ///< carbon years without a stock
    QString blankReason;               ///< why (English; translated by the caller's tr())
    double lossT = 0;                  ///< Σ losses over the route (t C)
    double growthT = 0;                ///< Σ growth over the route (t C)
    QStringList referenceTypes;        ///< growth table rows used
    std::optional<int> capReachedYear; ///< first whole year at the volume ceiling (growth stops there)
};

/// @brief Carries a stand's inventory stock over the carbon `years` with the land-cover `intervals`
/// (consecutive pairs of `years`, as runGainLossParcels gives them; their areas are the stand's):
/// S(Y0) = carbon density(V) × area; per interval Y1 → Y2 (Y2 > Y0, T = Y2 − max(Y1, Y0)):
///  - loss (Eq. 2.14): the share fd × lost / (forest at Y1 + nodata) of S(Y1), i.e. the lost area at the
///    stand's own density (the nodata part is taken as forest like the rest);
///  - growth (Eq. 2.9, 2.10): (remaining + converted-to-forest area) × T × rate, converted land growing
///    from the interval's start as in the gain-loss method (§3.2); MAI growth stops where the volume
///    reaches growth.capM3PerHa × the area carrying the stock (the stand's area less the lost shares,
///    plus land converted to forest, at most the stand's area). Capping volume, not carbon, keeps the
///    stock linear in the parameters (the Monte Carlo form).
/// Years before Y0 have no stock (the route carries forward only); an interval without any valid land
/// cover under the stand leaves that year and the later ones without a stock. `fd` in [0, 1].
StandRoute carryStand(const Stand& stand,
                      const StandGrowth& growth,
                      const std::vector<int>& years,
                      const std::vector<GainLossInterval>& intervals,
                      double fd,
                      const GrowthLookup& growthTable);

/// Adapter of `volume_gainloss` (CarbonProject.h contract). Options: bef_form, fd, forest_classes (as
/// the gain-loss method), growth (`mai`: stand MAI, else group median MAI, else the growth table —
/// default; `reference`: the growth table only), volume_cap (`inventory`: the largest volume of the
/// group and origin in the layer, else the Tier 1 ceiling — default; `none`). Fields: species_group,
/// volume_m3_per_ha, age_years, origin. Tables: species, growth_rates, pools (forest classes). Stocks
/// c_biomass (t C) at every carbon year from the layer's inventory year; changes per consecutive pair and
/// first → last (flux = stock difference). With context.uncertainty: bounds of each and a sampler.
MethodOutput runVolumeGainLossAdapter(const MethodContext& context);
QString checkVolumeGainLossOption(const QString& key, const QString& value);

} // namespace tanhui::models::carbon
