// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/gep/Indicators.h"

#include <QCoreApplication>

#include <algorithm>

namespace tanhui::models::gep {

namespace {

struct Gep {
    Q_DECLARE_TR_FUNCTIONS(Gep)
};

using params::Tag;

// The registry (gep-methods.md §3 master table, §4 methods). Ecosystem groups: forest, shrub,
// grassland, farmland, wetland, mangrove, water, urban.
const std::vector<IndicatorSpec> kRegistry = {
    { "material_products",
      "物质产品",
      QT_TRANSLATE_NOOP("Gep", "Material products"),
      Category::Material,
      Unit::Yuan,
      "product output per parcel (table: t/a per parcel or per ha of a land-cover class)",
      "Q_i = yield_i × A (t/a)",
      "market price 市场价值法: V = Σ Q_i × p_i",
      "product price keys named in the products table",
      "forest, farmland, wetland, water",
      "gep-methods.md §4.1 [verified: S1 §2.3]",
      Tag::Verified,
      IndicatorId::MaterialProducts },
    { "water_conservation",
      "水源涵养",
      QT_TRANSLATE_NOOP("Gep", "Water conservation"),
      Category::Regulating,
      Unit::CubicMetre,
      "precipitation P (mm/a) and ET (mm/a) rasters; runoff coefficient α per ecosystem",
      "Q = (P − α·P − ET) × A × 10⁻³ (m³/a); negative balance → 0, flagged",
      "shadow engineering: reservoir storage construction cost (CNY/m³)",
      "reservoir_cost",
      "forest, shrub, grassland, farmland, wetland",
      "gep-methods.md §4.2 [verified: S1, S3, S9]; α [unconfirmed]",
      Tag::Verified,
      IndicatorId::WaterConservation },
    { "soil_retention",
      "土壤保持",
      QT_TRANSLATE_NOOP("Gep", "Soil retention"),
      Category::Regulating,
      Unit::Tonne,
      "RUSLE R, K, C rasters, LS from the DEM, support practice P; λ, ρ, C_N, C_P",
      "Q = R·K·LS·(1 − C·P) × A_ha (t/a), per pixel",
      "replacement cost: dredging λ·Q/ρ (CNY/m³) + N and P content × fertiliser cost (CNY/t)",
      "dredging_cost, n_cost, p_cost",
      "forest, shrub, grassland, farmland",
      "gep-methods.md §4.3 [verified: S1 §2.4.2, S2]",
      Tag::Verified,
      IndicatorId::SoilRetention },
    { "sand_fixation",
      "防风固沙",
      QT_TRANSLATE_NOOP("Gep", "Sand fixation"),
      Category::Regulating,
      Unit::Tonne,
      "RWEQ wind erosion",
      "not applicable in Guangzhou (no wind-erosion zone)",
      "desertification control cost",
      "",
      "none in Guangzhou",
      "gep-methods.md §4.4 [verified: S1]",
      Tag::Verified,
      IndicatorId::SandFixation },
    { "flood_regulation",
      "洪水调蓄",
      QT_TRANSLATE_NOOP("Gep", "Flood regulation"),
      Category::Regulating,
      Unit::CubicMetre,
      "storage depth H per ecosystem (marsh 0.3 m), reservoir capacity (parcel attribute), storm rainfall "
      "and storm runoff coefficient (vegetation term)",
      "C = H × A + 0.35 × C_reservoir + (P_storm − α_storm·P_storm) × A × 10⁻³ (m³/a)",
      "shadow engineering: reservoir storage construction cost (CNY/m³)",
      "reservoir_cost",
      "wetland, mangrove, water (reservoirs), farmland (paddy, with a storage depth), forest (vegetation "
      "term)",
      "gep-methods.md §4.5 [verified: S1 marsh, reservoir]; vegetation term [unconfirmed]",
      Tag::Unconfirmed,
      IndicatorId::FloodRegulation },
    { "air_purification",
      "空气净化",
      QT_TRANSLATE_NOOP("Gep", "Air purification"),
      Category::Regulating,
      Unit::Tonne,
      "SO2, NOx (kg/ha/a) and dust (t/ha/a) capacities per ecosystem",
      "Q_j = capacity_j × A_ha (t/a), j ∈ {SO2, NOx, dust}",
      "avoided treatment cost (CNY/t)",
      "so2_cost, nox_cost, dust_cost",
      "forest (broadleaf, conifer)",
      "gep-methods.md §4.6 [verified: S1, S2]; capacities [unconfirmed]",
      Tag::Unconfirmed,
      IndicatorId::AirPurification },
    { "water_purification",
      "水质净化",
      QT_TRANSLATE_NOOP("Gep", "Water purification"),
      Category::Regulating,
      Unit::Tonne,
      "COD, NH3-N and TP removal capacities (kg/ha/a) per ecosystem (user-supplied: no verified default)",
      "Q_j = capacity_j × A_ha / 1000 (t/a)",
      "avoided treatment cost (CNY/t)",
      "cod_cost, nh3n_cost, tp_cost",
      "wetland, mangrove, water",
      "gep-methods.md §4.7 [verified: S1, S5]",
      Tag::Verified,
      IndicatorId::WaterPurification },
    { "carbon_sequestration",
      "固碳",
      QT_TRANSLATE_NOOP("Gep", "Carbon sequestration"),
      Category::Regulating,
      Unit::TonneCO2,
      "carbon fixed per year from the carbon engine (t C), plus sediment burial for mangroves",
      "Q = (C_fixed + C_burial) × 44/12 (t CO2/a)",
      "carbon price; a price per t C is converted × 12/44 before it is applied to t CO2",
      "carbon_price",
      "forest, shrub, grassland, farmland, wetland, mangrove",
      "gep-methods.md §4.8 [verified: S1, S2, S3, S4]",
      Tag::Verified,
      IndicatorId::CarbonSequestration },
    { "oxygen_release",
      "释氧",
      QT_TRANSLATE_NOOP("Gep", "Oxygen release"),
      Category::Regulating,
      Unit::TonneO2,
      "the photosynthetic part of carbon sequestration",
      "Q = C_fixed × 44/12 × 32/44 (t O2/a); burial excluded",
      "industrial oxygen price (CNY/t)",
      "oxygen_price",
      "forest, shrub, grassland, farmland, wetland, mangrove",
      "gep-methods.md §4.9 [verified: S1, S3, S4]; not in NDRC2022 [unconfirmed]",
      Tag::Verified,
      IndicatorId::OxygenRelease },
    { "climate_regulation",
      "气候调节",
      QT_TRANSLATE_NOOP("Gep", "Climate regulation"),
      Category::Regulating,
      Unit::KilowattHour,
      "ET on air-conditioning days (mm/d), days D, COP, latent heat q, humidifier γ",
      "vegetation: EPP × S × D / (3600 × COP), EPP = ET_hot × q; water: E_w·ρ·q/3600 (÷ COP in the cop "
      "variant) + E_w·γ (kWh/a)",
      "replacement cost: electricity for air conditioning and humidifiers (CNY/kWh)",
      "electricity_price",
      "all vegetated and water ecosystems",
      "gep-methods.md §4.10 [verified: S1, S2, S7]; ÷ COP variant [unconfirmed]",
      Tag::Verified,
      IndicatorId::ClimateRegulation },
    { "pest_control",
      "病虫害控制",
      QT_TRANSLATE_NOOP("Gep", "Pest and disease control"),
      Category::Regulating,
      Unit::Hectare,
      "area of natural forest or grassland",
      "Q = A_ha",
      "avoided control cost (CNY/ha)",
      "pest_cost_forest, pest_cost_grassland",
      "natural forest, grassland",
      "gep-methods.md §4.11 [verified: S1]; not in NDRC2022 [unconfirmed]",
      Tag::Verified,
      IndicatorId::PestControl },
    { "coastal_protection",
      "海岸带防护",
      QT_TRANSLATE_NOOP("Gep", "Coastal protection"),
      Category::Regulating,
      Unit::Kilometre,
      "protected shoreline length (parcel attribute), sea-wall cost per m and design life",
      "Q = L (km)",
      "annualised sea-wall replacement cost: L × cost / life",
      "(constants seawall_cost, seawall_life)",
      "mangrove",
      "gep-methods.md §4.12 [design]; formula [unconfirmed]",
      Tag::Unconfirmed,
      IndicatorId::CoastalProtection },
    { "recreation",
      "休闲旅游",
      QT_TRANSLATE_NOOP("Gep", "Recreation"),
      Category::Cultural,
      Unit::Visit,
      "visits per year and spending per visit (park table)",
      "Q = visits (人次/a)",
      "travel cost: visits × spending per visit",
      "(spending per visit from the park table)",
      "parks: forest, wetland, mangrove",
      "gep-methods.md §4.13 [verified: S1 §3.3]",
      Tag::Verified,
      IndicatorId::Recreation },
};

IndicatorResult skip(const IndicatorSpec& spec, const QString& reason) {
    IndicatorResult r;
    r.key = QString::fromLatin1(spec.key);
    r.category = spec.category;
    r.quantity = { 0, spec.quantityUnit };
    r.skipped = true;
    r.reason = reason;
    return r;
}

IndicatorResult start(const IndicatorSpec& spec) {
    IndicatorResult r;
    r.key = QString::fromLatin1(spec.key);
    r.category = spec.category;
    r.quantity = { 0, spec.quantityUnit };
    return r;
}

void addPart(IndicatorResult& r, const QString& label, const Quantity& q, const Price& price) {
    Component c;
    c.label = label;
    c.quantity = q;
    c.price = price;
    c.valueYuan = valueOf(q, price);
    r.valueYuan += c.valueYuan;
    r.parts.push_back(std::move(c));
}

void flagTag(IndicatorResult& r, params::Tag tag, const QString& what) {
    if (params::isFlagged(tag))
        r.flags << params::tagName(tag) + QLatin1Char(':') + what;
}

/// A price built from constants or parcel attributes (not a row of the price table).
Price derivedPrice(const QString& key, double value, Unit basis, const QString& source, params::Tag tag) {
    Price p;
    p.key = key;
    p.yuanPerUnit = value;
    p.basis = basis;
    p.source = source;
    p.tag = tag;
    return p;
}

} // namespace

QString climateVariantId(ClimateVariant v) {
    return v == ClimateVariant::Cop ? QStringLiteral("cop") : QStringLiteral("s1");
}

std::optional<ClimateVariant> climateVariantFromId(const QString& id) {
    if (id == QLatin1String("s1"))
        return ClimateVariant::S1;
    if (id == QLatin1String("cop"))
        return ClimateVariant::Cop;
    return std::nullopt;
}

QString climateVariantDescription(ClimateVariant v) {
    // gep-methods.md §4.10: S1's equation for V_e, and the variant of several later specifications.
    return v == ClimateVariant::Cop
             ? Gep::tr(
                 "cop: water-surface cooling E_w·ρ·q/(3600·COP) + E_w·γ, divided by COP as several later "
                 "specifications do (gep-methods.md §4.10, unconfirmed)")
             : Gep::tr("s1: water-surface cooling E_w·ρ·q/3600 + E_w·γ, not divided by COP (S1's equation, "
                       "gep-methods.md §4.10)");
}

CarbonSplit splitCarbonChange(double totalTcPerYr,
                              const std::vector<PoolChange>& pools,
                              const QString& method) {
    CarbonSplit out;
    if (pools.empty()) {
        if (method == QLatin1String("soil"))
            out.soilTcPerYr = totalTcPerYr;
        else
            out.vegetationTcPerYr = totalTcPerYr;
        return out;
    }
    bool anyVegetation = false;
    double vegetation = 0;
    for (const PoolChange& p : pools)
        if (p.pool != QLatin1String("c_soil")) {
            anyVegetation = true;
            vegetation += p.tcPerYr;
        }
    if (!anyVegetation) {
        out.soilTcPerYr = totalTcPerYr;
        return out;
    }
    out.vegetationTcPerYr = vegetation;
    out.soilTcPerYr = totalTcPerYr - vegetation;
    return out;
}

QString categoryName(Category c) {
    switch (c) {
        case Category::Material:
            return QStringLiteral("material");
        case Category::Regulating:
            return QStringLiteral("regulating");
        case Category::Cultural:
            return QStringLiteral("cultural");
    }
    return {};
}

QString IndicatorSpec::translatedName() const {
    return QCoreApplication::translate("Gep", nameEn);
}

QString IndicatorSpec::displayName() const {
    const QString zh = QString::fromUtf8(nameZh);
    const QString translated = translatedName();
    return translated.isEmpty() || translated == zh ? zh : zh + QLatin1Char(' ') + translated;
}

const std::vector<IndicatorSpec>& indicatorRegistry() {
    return kRegistry;
}

const IndicatorSpec* findIndicator(const QString& key) {
    for (const IndicatorSpec& s : kRegistry)
        if (key == QLatin1String(s.key))
            return &s;
    return nullptr;
}

void PriceSet::put(Price price) {
    QString key = price.key;
    m_prices[key] = std::move(price);
}

const Price* PriceSet::find(const QString& key) const& {
    auto it = m_prices.find(key);
    return it == m_prices.end() ? nullptr : &it->second;
}

const Price& PriceSet::get(const QString& key) const& {
    if (const Price* p = find(key))
        return *p;
    throw UnitError(Gep::tr("price '%1' is missing from the price table %2; add a row with key '%1', value, "
                            "unit, basis, price_year, source and tag.")
                      .arg(key, file.isEmpty() ? Gep::tr("(none given)") : file)
                      .toStdString());
}

bool Profile::enabled(const QString& key) const {
    auto it = indicators.find(key);
    return it != indicators.end() && it->second;
}

Quantity waterConservation(double pMm, double alpha, double etMm, const Quantity& area, bool* clamped) {
    const double balanceMm = pMm - alpha * pMm - etMm; // §4.2: R = α × P
    if (clamped)
        *clamped = balanceMm < 0;
    return waterVolume({ std::max(0.0, balanceMm), Unit::Millimetre }, area);
}

Quantity soilRetention(double r, double k, double ls, double c, double p, const Quantity& area) {
    const double potential = r * k * ls; // A_p, t/ha/a
    return { (potential - potential * c * p) * toHectares(area).value, Unit::Tonne };
}

Quantity co2FromNep(double nepTCPerHa, const Quantity& area) {
    return co2FromCarbon({ nepTCPerHa * toHectares(area).value, Unit::TonneC });
}

Quantity climateVegetation(double eppKjPerM2Day, const Quantity& area, double days, double cop) {
    // §4.10: kJ → kWh is ÷ 3600.
    return { eppKjPerM2Day * toSquareMetres(area).value * days / (3600.0 * cop), Unit::KilowattHour };
}

Quantity climateWater(const Quantity& evaporated,
                      double latentHeatKjPerKg,
                      double humidifierKwhPerM3,
                      double cop,
                      bool divideCooling) {
    requireUnit(evaporated, Unit::CubicMetre, "evaporated water");
    const double waterDensityKgPerM3 = 1000.0; // ρ_w
    double coolingKwh = evaporated.value * waterDensityKgPerM3 * latentHeatKjPerKg / 3600.0;
    if (divideCooling)
        coolingKwh /= cop;
    return { coolingKwh + evaporated.value * humidifierKwhPerM3, Unit::KilowattHour };
}

std::vector<IndicatorResult> evaluateParcel(const ParcelInput& parcel,
                                            const EcosystemParams& eco,
                                            const Constants& k,
                                            const PriceSet& prices,
                                            const Profile& profile) {
    std::vector<IndicatorResult> out;
    const Quantity areaM2 = toSquareMetres(parcel.area);
    const double ha = toHectares(parcel.area).value;
    auto ecoFlag = [&](IndicatorResult& r, const char* column) {
        flagTag(r, eco.tag, QStringLiteral("%1.%2").arg(eco.key, QLatin1String(column)));
    };
    for (const IndicatorSpec& spec : kRegistry) {
        const QString key = QString::fromLatin1(spec.key);
        if (!profile.enabled(key))
            continue;
        IndicatorResult r = start(spec);
        if (spec.id == IndicatorId::MaterialProducts) {
            if (parcel.products.empty()) {
                out.push_back(skip(spec,
                                   Gep::tr("no product yields for this parcel or its land-cover class "
                                           "(give a products table)")));
                continue;
            }
            for (const Product& p : parcel.products) {
                addPart(r, p.name, p.output, prices.get(p.priceKey));
            }
            r.quantity = { r.valueYuan, Unit::Yuan };
        } else if (spec.id == IndicatorId::WaterConservation) {
            if (!eco.waterConservationCounted) {
                out.push_back(skip(spec,
                                   Gep::tr("not counted for ecosystem '%1' (saline or tidal water is not "
                                           "a usable supply, gep-methods.md §6.2)")
                                     .arg(eco.name)));
                continue;
            }
            if (!parcel.precipitationMm || !parcel.etMm || !eco.runoffCoef) {
                out.push_back(skip(spec,
                                   !eco.runoffCoef
                                     ? Gep::tr("no runoff coefficient for ecosystem '%1'").arg(eco.name)
                                     : Gep::tr("no precipitation or evapotranspiration raster covers the "
                                               "parcel")));
                continue;
            }
            bool clamped = false;
            r.quantity =
              waterConservation(*parcel.precipitationMm, *eco.runoffCoef, *parcel.etMm, areaM2, &clamped);
            if (clamped)
                r.flags << QStringLiteral("clamped_negative");
            addPart(r, Gep::tr("storage"), r.quantity, prices.get(QStringLiteral("reservoir_cost")));
            ecoFlag(r, "runoff_coef");
        } else if (spec.id == IndicatorId::SoilRetention) {
            // §3 master table: soil retention applies to forest, shrub, grassland and farmland, not to
            // wetlands, mangroves, water or built-up land.
            static const QStringList kNoSoil = { QStringLiteral("wetland"),
                                                 QStringLiteral("mangrove"),
                                                 QStringLiteral("water"),
                                                 QStringLiteral("urban") };
            if (kNoSoil.contains(eco.group)) {
                out.push_back(
                  skip(spec,
                       Gep::tr("not applicable to ecosystem group '%1' (gep-methods.md §3)").arg(eco.group)));
                continue;
            }
            if (!parcel.soilRetentionTPerHa) {
                out.push_back(
                  skip(spec, Gep::tr("no RUSLE factors (R, K, C rasters and a DEM) cover the parcel")));
                continue;
            }
            r.quantity = { *parcel.soilRetentionTPerHa * ha, Unit::Tonne };
            // §4.3: V_sd = λ × Q/ρ × c; V_dpd = Σ Q × C_i × P_i.
            const Quantity sediment{ k.sedimentLambda * r.quantity.value / k.soilBulkDensity,
                                     Unit::CubicMetre };
            addPart(r, Gep::tr("sediment (dredging)"), sediment, prices.get(QStringLiteral("dredging_cost")));
            addPart(r,
                    Gep::tr("nitrogen"),
                    { r.quantity.value * k.soilNFraction, Unit::Tonne },
                    prices.get(QStringLiteral("n_cost")));
            addPart(r,
                    Gep::tr("phosphorus"),
                    { r.quantity.value * k.soilPFraction, Unit::Tonne },
                    prices.get(QStringLiteral("p_cost")));
        } else if (spec.id == IndicatorId::SandFixation) {
            out.push_back(skip(spec, Gep::tr("not applicable (no wind-erosion zone, gep-methods.md §4.4)")));
            continue;
        } else if (spec.id == IndicatorId::FloodRegulation) {
            const Price& reservoir = prices.get(QStringLiteral("reservoir_cost"));
            bool any = false;
            if (eco.storageDepthM) {
                addPart(r,
                        Gep::tr("storage depth × area"),
                        { *eco.storageDepthM * areaM2.value, Unit::CubicMetre },
                        reservoir);
                ecoFlag(r, "storage_depth_m");
                any = true;
            }
            if (parcel.reservoirCapacityM3) {
                addPart(r,
                        Gep::tr("reservoir flood storage"),
                        { k.reservoirFloodShare * *parcel.reservoirCapacityM3, Unit::CubicMetre },
                        reservoir);
                any = true;
            }
            if (profile.includeVegetationFlood && eco.stormRunoffCoef && parcel.stormPrecipitationMm) {
                const double mm = *parcel.stormPrecipitationMm * (1.0 - *eco.stormRunoffCoef);
                addPart(r,
                        Gep::tr("vegetation storm retention"),
                        waterVolume({ mm, Unit::Millimetre }, areaM2),
                        reservoir);
                r.flags << QStringLiteral("unconfirmed:vegetation_flood_term");
                any = true;
            }
            if (!any) {
                out.push_back(skip(spec,
                                   Gep::tr("no storage depth for ecosystem '%1', no reservoir capacity, and "
                                           "no storm-rainfall raster with a storm runoff coefficient")
                                     .arg(eco.name)));
                continue;
            }
            for (const Component& c : r.parts)
                r.quantity.value += c.quantity.value;
        } else if (spec.id == IndicatorId::AirPurification) {
            if (!eco.so2KgPerHa && !eco.noxKgPerHa && !eco.dustTPerHa) {
                out.push_back(
                  skip(spec, Gep::tr("no air-purification capacities for ecosystem '%1'").arg(eco.name)));
                continue;
            }
            if (eco.so2KgPerHa)
                addPart(r,
                        QStringLiteral("SO2"),
                        { *eco.so2KgPerHa * ha / 1000.0, Unit::Tonne },
                        prices.get(QStringLiteral("so2_cost")));
            if (eco.noxKgPerHa)
                addPart(r,
                        QStringLiteral("NOx"),
                        { *eco.noxKgPerHa * ha / 1000.0, Unit::Tonne },
                        prices.get(QStringLiteral("nox_cost")));
            if (eco.dustTPerHa)
                addPart(r,
                        Gep::tr("dust"),
                        { *eco.dustTPerHa * ha, Unit::Tonne },
                        prices.get(QStringLiteral("dust_cost")));
            for (const Component& c : r.parts)
                r.quantity.value += c.quantity.value;
            ecoFlag(r, "air_capacities");
        } else if (spec.id == IndicatorId::WaterPurification) {
            if (!eco.codKgPerHa && !eco.nh3nKgPerHa && !eco.tpKgPerHa) {
                out.push_back(skip(spec,
                                   Gep::tr("no water-purification capacities for ecosystem '%1' (no verified "
                                           "default: supply them, gep-methods.md §4.7)")
                                     .arg(eco.name)));
                continue;
            }
            if (eco.codKgPerHa)
                addPart(r,
                        QStringLiteral("COD"),
                        { *eco.codKgPerHa * ha / 1000.0, Unit::Tonne },
                        prices.get(QStringLiteral("cod_cost")));
            if (eco.nh3nKgPerHa)
                addPart(r,
                        QStringLiteral("NH3-N"),
                        { *eco.nh3nKgPerHa * ha / 1000.0, Unit::Tonne },
                        prices.get(QStringLiteral("nh3n_cost")));
            if (eco.tpKgPerHa)
                addPart(r,
                        QStringLiteral("TP"),
                        { *eco.tpKgPerHa * ha / 1000.0, Unit::Tonne },
                        prices.get(QStringLiteral("tp_cost")));
            for (const Component& c : r.parts)
                r.quantity.value += c.quantity.value;
            ecoFlag(r, "water_capacities");
        } else if (spec.id == IndicatorId::CarbonSequestration) {
            if (!parcel.carbonFixedTC && !parcel.carbonBurialTC) {
                out.push_back(skip(spec,
                                   Gep::tr("no carbon-engine result for the parcel (run the carbon pool "
                                           "method; carbon is never re-derived here)")));
                continue;
            }
            const Quantity co2 = co2FromCarbon(
              { parcel.carbonFixedTC.value_or(0.0) + parcel.carbonBurialTC.value_or(0.0), Unit::TonneC });
            // §4.8: the price basis is converted explicitly; valueOf() refuses a mismatch.
            const Price price = carbonPricePerTco2(prices.get(QStringLiteral("carbon_price")));
            if (co2.value < 0) {
                // A net source is not a negative service hidden in GEP (§2: GEP counts the year's flow of
                // final services): the indicator is 0 and the loss is an emission reported next to GEP, in
                // t CO2 and at the same carbon price.
                const Quantity emitted{ -co2.value, Unit::TonneCO2 };
                r.emission = emitted;
                r.emissionYuan = valueOf(emitted, price);
                r.quantity = { 0.0, Unit::TonneCO2 };
                addPart(r, Gep::tr("CO2 fixed"), r.quantity, price);
                r.flags << QStringLiteral("net_carbon_source");
            } else {
                r.quantity = co2;
                addPart(r, Gep::tr("CO2 fixed"), co2, price);
            }
        } else if (spec.id == IndicatorId::OxygenRelease) {
            if (!parcel.carbonFixedTC) {
                out.push_back(
                  skip(spec,
                       parcel.carbonBurialTC
                         ? Gep::tr("the carbon result has soil carbon only (sediment burial or soil "
                                   "organic carbon), which releases no O2 (gep-methods.md §4.9)")
                         : Gep::tr("no carbon-engine result for the parcel")));
                continue;
            }
            // §4.9: only the photosynthetic (vegetation) part releases O2, derived from the same CO2 figure;
            // soil burial and soil organic carbon release none. A vegetation net loss fixed no carbon
            // photosynthetically in net terms: the release is 0 (not negative), flagged; the loss itself is
            // counted in carbon sequestration (an emission when the parcel is a net source).
            if (*parcel.carbonFixedTC < 0) {
                r.quantity = { 0.0, Unit::TonneO2 };
                r.flags << QStringLiteral("vegetation_net_loss");
            } else {
                r.quantity = o2FromCo2(co2FromCarbon({ *parcel.carbonFixedTC, Unit::TonneC }));
            }
            addPart(r, QStringLiteral("O2"), r.quantity, prices.get(QStringLiteral("oxygen_price")));
        } else if (spec.id == IndicatorId::ClimateRegulation) {
            const std::optional<double> etHot =
              parcel.etHotMmPerDay ? parcel.etHotMmPerDay : eco.etHotMmPerDay;
            if (!k.acDays || !etHot) {
                out.push_back(skip(
                  spec,
                  !k.acDays ? Gep::tr("the number of air-conditioning days D is not given")
                            : Gep::tr("no ET on air-conditioning days for ecosystem '%1'").arg(eco.name)));
                continue;
            }
            if (eco.climateWaterForm) {
                const Quantity ew = waterVolume({ *etHot * *k.acDays, Unit::Millimetre }, areaM2);
                r.quantity = climateWater(
                  ew, k.latentHeatKjPerKg, k.humidifierKwhPerM3, k.cop, profile.waterCopDividesCooling);
                // The variant is named on every water-surface result (§4.10: a reported choice).
                r.flags << QStringLiteral("climate_variant:") + climateVariantId(profile.climateVariant());
                if (profile.waterCopDividesCooling)
                    r.flags << QStringLiteral("unconfirmed:water_cop_divides_cooling");
            } else {
                // §4.10: EPP = ET_hot (mm/d = kg/m²/d) × q (kJ/kg).
                r.quantity = climateVegetation(*etHot * k.latentHeatKjPerKg, areaM2, *k.acDays, k.cop);
            }
            if (!parcel.etHotNote.isEmpty())
                r.flags << parcel.etHotNote;
            addPart(r, Gep::tr("electricity"), r.quantity, prices.get(QStringLiteral("electricity_price")));
            r.flags << QStringLiteral("dominates_total");
        } else if (spec.id == IndicatorId::PestControl) {
            if (eco.pestGroup.isEmpty()) {
                out.push_back(skip(spec, Gep::tr("applies to natural forest and grassland only")));
                continue;
            }
            r.quantity = { ha, Unit::Hectare };
            addPart(r, Gep::tr("area"), r.quantity, prices.get(QStringLiteral("pest_cost_") + eco.pestGroup));
        } else if (spec.id == IndicatorId::CoastalProtection) {
            if (!parcel.shorelineM) {
                out.push_back(skip(spec, Gep::tr("no protected shoreline length for the parcel")));
                continue;
            }
            if (!k.seawallYuanPerM || !k.seawallLifeYears) {
                out.push_back(skip(spec,
                                   Gep::tr("sea-wall cost or design life not given (no verified default, "
                                           "gep-methods.md §4.12)")));
                continue;
            }
            r.quantity = { *parcel.shorelineM / 1000.0, Unit::Kilometre };
            addPart(r,
                    Gep::tr("shoreline"),
                    r.quantity,
                    derivedPrice(QStringLiteral("seawall_cost_per_year"),
                                 *k.seawallYuanPerM * 1000.0 / *k.seawallLifeYears,
                                 Unit::Kilometre,
                                 Gep::tr("sea-wall cost / design life (user constants)"),
                                 params::Tag::User));
            r.flags << QStringLiteral("unconfirmed:coastal_formula");
        } else if (spec.id == IndicatorId::Recreation) {
            if (!parcel.visits || !parcel.spendPerVisitYuan) {
                out.push_back(skip(spec, Gep::tr("no visitor numbers or spending per visit for the parcel")));
                continue;
            }
            r.quantity = { *parcel.visits, Unit::Visit };
            addPart(r,
                    Gep::tr("visits"),
                    r.quantity,
                    derivedPrice(QStringLiteral("spend_per_visit"),
                                 *parcel.spendPerVisitYuan,
                                 Unit::Visit,
                                 Gep::tr("park table (travel cost per visit)"),
                                 params::Tag::User));
        }
        for (const Component& c : r.parts)
            flagTag(r, c.price.tag, c.price.key);
        out.push_back(std::move(r));
    }
    return out;
}

double totalValue(const std::vector<IndicatorResult>& results, std::optional<Category> category) {
    double sum = 0;
    for (const IndicatorResult& r : results)
        if (!r.skipped && (!category || r.category == *category))
            sum += r.valueYuan;
    return sum;
}

} // namespace tanhui::models::gep
