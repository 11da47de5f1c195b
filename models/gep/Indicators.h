// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/gep/Units.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace tanhui::models::gep {

/// GEP = material products + regulating services + cultural services (gep-methods.md §2).
enum class Category { Material, Regulating, Cultural };
QString categoryName(Category c); ///< "material", "regulating", "cultural"

/// The indicators of the registry (IndicatorSpec::id): what evaluateParcel() dispatches on.
enum class IndicatorId {
    MaterialProducts,
    WaterConservation,
    SoilRetention,
    SandFixation,
    FloodRegulation,
    AirPurification,
    WaterPurification,
    CarbonSequestration,
    OxygenRelease,
    ClimateRegulation,
    PestControl,
    CoastalProtection,
    Recreation,
};

/// @brief Declaration of one GEP indicator (gep-methods.md §3, §4): the registry is the single place
/// that says what an indicator needs, how its physical quantity is computed and in which unit, how it
/// is valued, to which ecosystem groups it applies and where the method comes from. Profiles (§3, §11
/// item 4) switch indicators on and off by `key`.
struct IndicatorSpec {
    const char* key = "";    ///< stable id, e.g. "water_conservation"; a column of profiles.csv
    const char* nameZh = ""; ///< e.g. "水源涵养"
    const char* nameEn = ""; ///< QT_TRANSLATE_NOOP("Gep", ...)
    Category category = Category::Regulating;
    Unit quantityUnit = Unit::None;
    const char* inputs = "";                 ///< rasters, parcel attributes, constants, other indicators
    const char* formula = "";                ///< physical-quantity formula with units
    const char* valuation = "";              ///< valuation method
    const char* priceKeys = "";              ///< keys of the price table used, comma-separated
    const char* ecosystems = "";             ///< ecosystem groups it applies to
    const char* source = "";                 ///< gep-methods.md section and the source keys
    params::Tag tag = params::Tag::Verified; ///< weakest tag of the formula (§3 column "Tag")
    IndicatorId id = IndicatorId::MaterialProducts; ///< which computation evaluateParcel() runs

    QString translatedName() const;
    /// The Chinese name followed by the translated name ("水源涵养 Water conservation"), or the Chinese
    /// name alone when the translation is that name (the zh_CN interface): never the same name twice.
    QString displayName() const;
};

/// Every indicator, in report order (material, regulating, cultural).
const std::vector<IndicatorSpec>& indicatorRegistry();
/// The indicator with `key`, or nullptr.
const IndicatorSpec* findIndicator(const QString& key);

/// @brief Unit prices by key (§5), each with basis, price year, source and tag.
class PriceSet {
public:
    void put(Price price);
    /// The price with `key`. Throws UnitError naming the key and the price file to fix when it is absent.
    const Price& get(const QString& key) const&;
    const Price& get(const QString& key) const&& = delete; ///< no reference into a temporary
    const Price* find(const QString& key) const&;
    const Price* find(const QString& key) const&& = delete;
    const std::map<QString, Price>& all() const& { return m_prices; }
    const std::map<QString, Price>& all() const&& = delete;
    QString file; ///< where the prices were read (for messages)

private:
    std::map<QString, Price> m_prices;
};

/// @brief The water-surface form of climate regulation (gep-methods.md §4.10): a named, reported choice.
enum class ClimateVariant {
    S1, ///< "s1": E_w·ρ·q/3600 + E_w·γ, cooling not divided by COP (S1's equation for V_e)
    Cop ///< "cop": E_w·ρ·q/(3600·COP) + E_w·γ (the variant of later specifications, [unconfirmed])
};
/// "s1" or "cop" (the names of --climate-variant, the project's gep.climate_variant and the outputs).
QString climateVariantId(ClimateVariant v);
/// The variant named `id` ("s1" or "cop"), or nullopt.
std::optional<ClimateVariant> climateVariantFromId(const QString& id);
/// A one-line description of the variant for the outputs, e.g. "cop: water-surface cooling ÷ COP ...".
QString climateVariantDescription(ClimateVariant v);

/// @brief Switches of an accounting profile (gep-methods.md §3, §11 item 4): which indicators are on,
/// and the formula variants.
struct Profile {
    QString id;                          ///< "RCEES_LEGACY", "NDRC2022", ...
    std::map<QString, bool> indicators;  ///< indicator key → enabled
    bool includeVegetationFlood = true;  ///< §4.5: vegetation storm-water term (double counts 水源涵养)
    bool waterCopDividesCooling = false; ///< §4.10: water-surface cooling ÷ COP [unconfirmed variant]
    ClimateVariant climateVariant() const {
        return waterCopDividesCooling ? ClimateVariant::Cop : ClimateVariant::S1;
    }
    QString source;
    params::Tag tag = params::Tag::User;

    bool enabled(const QString& key) const;
};

/// @brief Coefficients of one ecosystem type (gep-methods.md §11 item 4 `ecosystem_params`). Absent
/// values make the indicators that need them skip with a reason, never count as zero.
struct EcosystemParams {
    QString key;   ///< land-cover code or type name
    QString name;  ///< e.g. "evergreen broadleaf forest"
    QString group; ///< "forest", "shrub", "grassland", "farmland", "wetland", "mangrove", "water", "urban"
    QStringList types; ///< canonical parcel types (a layer's mapped ecosystem_type) that map to this row
    std::optional<double> runoffCoef;      ///< α, fraction (§4.2)
    std::optional<double> stormRunoffCoef; ///< α_storm, fraction (§4.5)
    std::optional<double> storageDepthM;   ///< flood storage depth H, m (§4.5 marsh 0.3 m)
    std::optional<double> so2KgPerHa, noxKgPerHa, dustTPerHa; ///< §4.6 capacities per year
    std::optional<double> codKgPerHa, nh3nKgPerHa, tpKgPerHa; ///< §4.7 removal per year
    std::optional<double> etHotMmPerDay;  ///< transpiration (or evaporation) on air-conditioning days
    bool climateWaterForm = false;        ///< §4.10 water-surface form (wetlands, mangroves, water)
    bool climateApplies = true;           ///< false: no climate-regulation form (built-up land)
    bool waterConservationCounted = true; ///< §6.2: saline intertidal water is not counted
    QString pestGroup;                    ///< "forest" or "grassland" (natural stands, §4.11), else empty
    QString source;
    params::Tag tag = params::Tag::User;
};

/// @brief Scalar constants (§5.1) with the provenance of each.
struct Constants {
    double sedimentLambda = 0.24;    ///< λ (§4.3)
    double soilBulkDensity = 0.93;   ///< ρ, t/m³
    double soilNFraction = 0.0037;   ///< C_N (fraction, not percent)
    double soilPFraction = 0.00108;  ///< C_P
    double cop = 3.0;                ///< air-conditioner efficiency r
    double latentHeatKjPerKg = 2450; ///< q (J/g = kJ/kg)
    double humidifierKwhPerM3 = 120; ///< γ
    double reservoirFloodShare = 0.35;
    std::optional<double> acDays;           ///< D, days with air conditioning (no default)
    std::optional<double> seawallYuanPerM;  ///< sea-wall cost (no verified default, §4.12)
    std::optional<double> seawallLifeYears; ///< design life
    std::map<QString, params::Tag> tags;    ///< constant key → tag (for reports)
};

/// @brief One material product of a parcel (§4.1): output per year and its market price key.
struct Product {
    QString name;
    Quantity output; ///< t (or another unit matching the price basis) per year
    QString priceKey;
};

/// @brief Everything known about one parcel. Rasters enter as parcel totals or means computed per
/// pixel (gep-methods.md §11 item 3); an absent input makes its indicators skip with a reason.
struct ParcelInput {
    QString id;
    Quantity area{ 0, Unit::SquareMetre };
    std::optional<double> precipitationMm; ///< annual P, parcel mean
    std::optional<double> etMm;            ///< annual actual ET, parcel mean
    std::optional<double> stormPrecipitationMm;
    /// ET (or open-water evaporation) per air-conditioning day, mm/d; overrides the ecosystem value.
    std::optional<double> etHotMmPerDay;
    QString etHotNote; ///< flag text when etHotMmPerDay is an approximation (e.g. annual ET / 365)
    /// Soil retention R·K·LS·(1 − C·P), t/ha/a, parcel mean of the per-pixel product (§4.3).
    std::optional<double> soilRetentionTPerHa;
    /// Vegetation (photosynthetic) part of the carbon change this year, t C/a: the change of the
    /// biomass, litter and dead-wood pools (or a gain-loss biomass flux) from the carbon engine, never
    /// re-derived. Negative = the vegetation lost carbon. Only this part releases O2 (§4.9).
    std::optional<double> carbonFixedTC;
    /// Soil part of the change, t C/a: sediment burial (blue carbon) or soil organic carbon (cropland
    /// management). Counts for carbon sequestration (§4.8) but releases no O2 (§4.9).
    std::optional<double> carbonBurialTC;
    std::optional<double> reservoirCapacityM3;
    std::optional<double> shorelineM; ///< protected shoreline (§4.12)
    std::optional<double> visits;     ///< visits per year (§4.13)
    std::optional<double> spendPerVisitYuan;
    std::vector<Product> products;
};

/// @brief A priced component of an indicator (e.g. SO2 of air purification).
struct Component {
    QString label;
    Quantity quantity;
    Price price;
    double valueYuan = 0;
};

/// @brief Result of one indicator on one parcel. A skipped indicator has `skipped` set and a reason;
/// its quantity and value are not zeros to be summed.
struct IndicatorResult {
    QString key;
    Category category = Category::Regulating;
    Quantity quantity;
    double valueYuan = 0;
    std::vector<Component> parts;
    QStringList flags; ///< e.g. "clamped_negative", "unconfirmed:runoff_coef"
    bool skipped = false;
    QString reason;
    /// Carbon sequestration only: a net carbon source (vegetation + soil change < 0) is not a negative
    /// service value inside GEP; the indicator's quantity and value are 0 and the loss is reported here as
    /// an emission next to GEP (t CO2 > 0, valued at the same carbon price, CNY > 0).
    std::optional<Quantity> emission;
    double emissionYuan = 0;
};

// ---- Pure formulas (gep-methods.md §4; tested with §6.4) ----------------------------------------

/// §4.2: Q = (P − α·P − ET) × A × 10⁻³ m³. A negative balance gives 0 with `clamped` set (§4.2).
Quantity waterConservation(double pMm, double alpha, double etMm, const Quantity& area, bool* clamped);
/// §4.3: Q = R·K·LS·(1 − C·P) × A_ha, t/a.
Quantity soilRetention(double r, double k, double ls, double c, double p, const Quantity& area);
/// §4.8: t CO2 from NEP (t C/ha/a) over an area.
Quantity co2FromNep(double nepTCPerHa, const Quantity& area);
/// §4.10: E_pt = EPP × S × D / (3600 × COP) kWh; EPP in kJ/m²/d.
Quantity climateVegetation(double eppKjPerM2Day, const Quantity& area, double days, double cop);
/// §4.10: E_we = E_w·ρ_w·q/3600 (÷ COP when `divideCooling`) + E_w·γ kWh; E_w in m³, q in kJ/kg.
Quantity climateWater(const Quantity& evaporated,
                      double latentHeatKjPerKg,
                      double humidifierKwhPerM3,
                      double cop,
                      bool divideCooling);

/// @brief The change of one carbon pool of a parcel, t C/a (a `<pool>_t_<year>` pair of the carbon results).
struct PoolChange {
    QString pool; ///< "c_above", "c_below", "c_dead", "c_litter", "c_biomass", "c_soil", ...
    double tcPerYr = 0;
};
/// @brief The vegetation (photosynthetic) and soil parts of a parcel's carbon change, t C/a.
struct CarbonSplit {
    std::optional<double> vegetationTcPerYr; ///< unset: the change is soil carbon only
    std::optional<double> soilTcPerYr;       ///< unset: the change is vegetation only
};
/// @brief Splits the carbon engine's change (t C/a) into its vegetation and soil parts (gep-methods.md
/// §4.9: only the photosynthetic part releases O2; sediment burial and soil organic carbon do not).
/// With pool changes: vegetation = Σ of every pool except c_soil (biomass, litter, dead wood), soil = the
/// rest of the total (c_soil, sediment burial, emissions a flux counts beyond the stock difference); no
/// vegetation pool = soil only. Without pools: the soil method's change is soil only, any other method's
/// (gain-loss: a biomass flux; regression: vegetation carbon) is vegetation only.
CarbonSplit splitCarbonChange(double totalTcPerYr,
                              const std::vector<PoolChange>& pools,
                              const QString& method);

/// @brief Every indicator of the registry for one parcel, in registry order: enabled indicators are
/// computed or skipped with a reason; indicators off in the profile are not returned. Throws
/// UnitError on a unit mismatch between a quantity and its price.
std::vector<IndicatorResult> evaluateParcel(const ParcelInput& parcel,
                                            const EcosystemParams& eco,
                                            const Constants& constants,
                                            const PriceSet& prices,
                                            const Profile& profile);

/// Σ of the values of the non-skipped results (CNY), optionally of one category only.
double totalValue(const std::vector<IndicatorResult>& results, std::optional<Category> category = {});

} // namespace tanhui::models::gep
