// SPDX-License-Identifier: GPL-3.0-or-later
// GEP engine: the worked examples of gep-methods.md §6.1 (forest F1) and §6.2 (mangrove M1) for every
// indicator and the totals to 0.01 CNY (both climate variants, the NDRC2022 profile, the sensitivity
// lines), the §6.4 suggested tests (incl. the unit traps of §10.2) and the shipped tables.
#include "models/gep/GepTables.h"
#include "models/gep/Indicators.h"
#include "models/gep/Plausibility.h"
#include "models/gep/Units.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

using namespace tanhui::models;
using namespace tanhui::models::gep;

namespace {

bool nearRel(double a, double b, double rel = 1e-9) {
    return std::fabs(a - b) <= rel * std::max(1.0, std::max(std::fabs(a), std::fabs(b)));
}
bool nearYuan(double a, double b) {
    return std::fabs(a - b) <= 0.01;
}

PriceSet p0() {
    params::LoadedTable t = params::loadTable(
      priceTableSpec(), priceProfilePath(QStringLiteral("P0_RCEES2010")), params::Provenance::Required);
    if (params::hasErrors(t.issues))
        qFatal("P0 price table does not load: %s", qPrintable(t.issues.front().toString()));
    params::Issues issues;
    PriceSet set = pricesFromTable(t.table, issues);
    if (params::hasErrors(issues))
        qFatal("P0 price table: %s", qPrintable(issues.front().toString()));
    return set;
}

Profile profile(const QString& id) {
    params::LoadedTable t = params::loadDefaultTable(profileTableSpec());
    if (params::hasErrors(t.issues))
        qFatal("profiles.csv does not load: %s", qPrintable(t.issues.front().toString()));
    params::Issues issues;
    return *profileFromTable(t.table, id, issues);
}

Constants constantsP0() {
    params::LoadedTable t = params::loadDefaultTable(constantsTableSpec());
    if (params::hasErrors(t.issues))
        qFatal("constants.csv does not load: %s", qPrintable(t.issues.front().toString()));
    params::Issues issues;
    return constantsFromTable(t.table, issues);
}

// §6.1 F1: 100 ha evergreen broadleaf forest.
EcosystemParams f1Eco() {
    EcosystemParams e;
    e.key = QStringLiteral("F1");
    e.name = QStringLiteral("evergreen broadleaf forest");
    e.runoffCoef = 0.0267;
    e.stormRunoffCoef = 0.25;
    e.so2KgPerHa = 88.65;
    e.noxKgPerHa = 6.0;
    e.dustTPerHa = 10.11;
    e.etHotMmPerDay = 2.0;
    e.pestGroup = QStringLiteral("forest");
    e.tag = params::Tag::Example;
    return e;
}
ParcelInput f1Parcel() {
    ParcelInput p;
    p.id = QStringLiteral("F1");
    p.area = { 1'000'000, Unit::SquareMetre };
    p.precipitationMm = 1800;
    p.etMm = 950;
    p.stormPrecipitationMm = 550;
    p.soilRetentionTPerHa = 10000 * 0.030 * 2.0 * (1 - 0.005 * 1.0);
    p.carbonFixedTC = 3.0 * 100; // NEP 3.0 t C/ha/a × 100 ha
    return p;
}
Constants f1Constants() {
    Constants k = constantsP0();
    k.soilBulkDensity = 1.30;
    k.soilNFraction = 0.001;
    k.soilPFraction = 0.0005;
    k.acDays = 120;
    return k;
}

// §6.2 M1: 50 ha mangrove.
EcosystemParams m1Eco() {
    EcosystemParams e;
    e.key = QStringLiteral("M1");
    e.name = QStringLiteral("mangrove");
    e.runoffCoef = 0;
    e.storageDepthM = 0.3;
    e.codKgPerHa = 600;
    e.nh3nKgPerHa = 60;
    e.tpKgPerHa = 12;
    e.etHotMmPerDay = 3.0;
    e.climateWaterForm = true;
    e.waterConservationCounted = false;
    e.tag = params::Tag::Example;
    return e;
}
ParcelInput m1Parcel() {
    ParcelInput p;
    p.id = QStringLiteral("M1");
    p.area = { 50, Unit::Hectare };
    p.precipitationMm = 1800;
    p.etMm = 1200;
    p.carbonFixedTC = 4.0 * 50;
    p.carbonBurialTC = 1.7 * 50;
    p.shorelineM = 1200;
    p.visits = 100000;
    p.spendPerVisitYuan = 80;
    return p;
}
Constants m1Constants() {
    Constants k = constantsP0();
    k.acDays = 120;
    k.seawallYuanPerM = 20000;
    k.seawallLifeYears = 50;
    return k;
}

const IndicatorResult& get(const std::vector<IndicatorResult>& rs, const char* key) {
    for (const IndicatorResult& r : rs)
        if (r.key == QLatin1String(key))
            return r;
    qFatal("indicator %s missing", key);
}

bool has(const std::vector<IndicatorResult>& rs, const char* key) {
    for (const IndicatorResult& r : rs)
        if (r.key == QLatin1String(key))
            return true;
    return false;
}

} // namespace

class TstGep : public QObject {
    Q_OBJECT

private slots:
    void unitTrapMillimetreTimesArea();
    void unitTrapCarbonPriceBasis();
    void unitNames();
    void registryIdsAreOnePerIndicator();
    void test1WaterConservation();
    void test2SoilRetention();
    void test3CarbonOxygen();
    void test4Climate();
    void forestF1();
    void forestF1Sensitivity();
    void mangroveM1();
    void mangroveM1CopVariant();
    void skippedIndicatorsHaveReasons();
    void missingPriceNamesKey();
    void shippedTablesLoad();
    void userPricesNeedSource();
    void priceUnitMustMatchBasis();
    void priceYearAdjustment();
    void shippedCpiChain();
    void p0AdjustedTo2024();
    void missingIndexYear();
    void missingIndexSeries();
    void carbonSplitVegetationSoil();
    void oxygenFromVegetationOnly();
    void netSourceIsEmission();
    void climateVariantNamed();
    void lsFactorCapped();
    void lowEtFlag();
};

// §0.4, §10.2: mm × m² × 10⁻³ = m³, and a volume can only be made from a depth in mm.
void TstGep::registryIdsAreOnePerIndicator() {
    // evaluateParcel() dispatches on IndicatorSpec::id: every id once, in the registry's order, and an
    // indicator's result comes back under its own key (a mix-up of two ids would swap two services).
    std::set<int> ids;
    for (const IndicatorSpec& s : indicatorRegistry())
        QVERIFY2(ids.insert(int(s.id)).second, s.key);
    QCOMPARE(int(ids.size()), int(IndicatorId::Recreation) + 1);
    QCOMPARE(*ids.rbegin(), int(IndicatorId::Recreation));
    QCOMPARE(QLatin1String(indicatorRegistry().front().key), QLatin1String("material_products"));
    QCOMPARE(int(indicatorRegistry().front().id), int(IndicatorId::MaterialProducts));
    QCOMPARE(int(findIndicator(QStringLiteral("carbon_sequestration"))->id),
             int(IndicatorId::CarbonSequestration));
    QCOMPARE(int(findIndicator(QStringLiteral("recreation"))->id), int(IndicatorId::Recreation));
}

void TstGep::unitTrapMillimetreTimesArea() {
    const Quantity v = waterVolume({ 801.94, Unit::Millimetre }, { 1e6, Unit::SquareMetre });
    QCOMPARE(v.unit, Unit::CubicMetre);
    QVERIFY(nearRel(v.value, 801940)); // not 801 940 000 litres (the S9 error)
    QVERIFY(nearRel(waterVolume({ 801.94, Unit::Millimetre }, { 100, Unit::Hectare }).value, 801940));
    QVERIFY_THROWS_EXCEPTION(UnitError, waterVolume({ 0.80194, Unit::Metre }, { 1e6, Unit::SquareMetre }));
    QVERIFY_THROWS_EXCEPTION(UnitError, waterVolume({ 801.94, Unit::Millimetre }, { 1e6, Unit::CubicMetre }));
    // A m³ price never values a depth.
    Price reservoir;
    reservoir.key = QStringLiteral("reservoir_cost");
    reservoir.yuanPerUnit = 7.06;
    reservoir.basis = Unit::CubicMetre;
    QVERIFY_THROWS_EXCEPTION(UnitError, valueOf({ 801.94, Unit::Millimetre }, reservoir));
}

// §4.8, §6.4 test 7: a CO2 quantity with a per-t-C price must raise an error; conversion is explicit.
void TstGep::unitTrapCarbonPriceBasis() {
    Price perC;
    perC.key = QStringLiteral("carbon_price");
    perC.yuanPerUnit = 1200;
    perC.basis = Unit::TonneC;
    const Quantity co2{ 1100, Unit::TonneCO2 };
    try {
        valueOf(co2, perC);
        QFAIL("a per-t-C price was applied to t CO2");
    } catch (const UnitError& e) {
        const QString msg = QString::fromUtf8(e.what());
        QVERIFY2(msg.contains(QLatin1String("carbon_price")) && msg.contains(QLatin1String("t CO2")) &&
                   msg.contains(QLatin1String("12/44")),
                 qPrintable(msg));
    }
    // §6.4 test 3: 1200 CNY/t C → 327.27 CNY/t CO2.
    const Price perCo2 = carbonPricePerTco2(perC);
    QCOMPARE(perCo2.basis, Unit::TonneCO2);
    QVERIFY(std::fabs(perCo2.yuanPerUnit - 327.27) < 0.005);
    QVERIFY(!perCo2.note.isEmpty());
    // A CO2 price is not converted again; an O2 price is not a carbon price.
    QCOMPARE(carbonPricePerTco2(perCo2).yuanPerUnit, perCo2.yuanPerUnit);
    Price o2 = perC;
    o2.basis = Unit::TonneO2;
    QVERIFY_THROWS_EXCEPTION(UnitError, carbonPricePerTco2(o2));
    // A t C quantity with a per-t-CO2 price is refused too.
    QVERIFY_THROWS_EXCEPTION(UnitError, valueOf({ 300, Unit::TonneC }, perCo2));
    QVERIFY_THROWS_EXCEPTION(UnitError, o2FromCo2({ 300, Unit::TonneC }));
}

void TstGep::unitNames() {
    for (Unit u : { Unit::Millimetre,
                    Unit::SquareMetre,
                    Unit::Hectare,
                    Unit::CubicMetre,
                    Unit::Tonne,
                    Unit::TonneC,
                    Unit::TonneCO2,
                    Unit::TonneO2,
                    Unit::KilowattHour,
                    Unit::Visit,
                    Unit::Kilometre }) {
        Unit back = Unit::None;
        QVERIFY(parseUnit(unitSymbol(u), back));
        QCOMPARE(back, u);
    }
    Unit u;
    QVERIFY(parseUnit(QStringLiteral("m³"), u) && u == Unit::CubicMetre);
    QVERIFY(parseUnit(QStringLiteral("tCO2"), u) && u == Unit::TonneCO2);
    QVERIFY(!parseUnit(QStringLiteral("furlong"), u));
}

// §6.4 test 1.
void TstGep::test1WaterConservation() {
    bool clamped = true;
    const Quantity q = waterConservation(1800, 0.0267, 950, { 1e6, Unit::SquareMetre }, &clamped);
    QVERIFY(nearRel(q.value, 801940));
    QCOMPARE(q.unit, Unit::CubicMetre);
    QVERIFY(!clamped);
    // Negative balance (P − R − ET < 0): value 0 and the flag set (§4.2).
    const Quantity neg = waterConservation(900, 0.0, 1200, { 1e6, Unit::SquareMetre }, &clamped);
    QCOMPARE(neg.value, 0.0);
    QVERIFY(clamped);
    // ...and through the parcel evaluation: value 0 with the clamped_negative flag.
    ParcelInput p = f1Parcel();
    p.precipitationMm = 900;
    p.etMm = 1200;
    const auto rs = evaluateParcel(p, f1Eco(), f1Constants(), p0(), profile(QStringLiteral("RCEES_LEGACY")));
    const IndicatorResult& wc = get(rs, "water_conservation");
    QVERIFY(!wc.skipped);
    QCOMPARE(wc.valueYuan, 0.0);
    QVERIFY(wc.flags.contains(QStringLiteral("clamped_negative")));
}

// §6.4 test 2.
void TstGep::test2SoilRetention() {
    const Quantity q = soilRetention(1e4, 0.03, 2, 0.005, 1, { 100, Unit::Hectare });
    QVERIFY(nearRel(q.value, 59700));
    QCOMPARE(q.unit, Unit::Tonne);
    const auto rs =
      evaluateParcel(f1Parcel(), f1Eco(), f1Constants(), p0(), profile(QStringLiteral("RCEES_LEGACY")));
    const IndicatorResult& sr = get(rs, "soil_retention");
    QVERIFY(nearRel(sr.quantity.value, 59700));
    QVERIFY(nearYuan(sr.valueYuan, 307533.07));
    QCOMPARE(int(sr.parts.size()), 3);
    QVERIFY(nearRel(sr.parts[0].quantity.value, 11021.538461538461)); // sediment m³
    QVERIFY(nearYuan(sr.parts[0].valueYuan, 171715.57));
    QVERIFY(nearYuan(sr.parts[1].valueYuan, 52237.50));
    QVERIFY(nearYuan(sr.parts[2].valueYuan, 83580.00));
}

// §6.4 test 3.
void TstGep::test3CarbonOxygen() {
    const Quantity co2 = co2FromNep(3.0, { 100, Unit::Hectare });
    QCOMPARE(co2.unit, Unit::TonneCO2);
    QVERIFY(nearRel(co2.value, 1100));
    const Quantity o2 = o2FromCo2(co2);
    QCOMPARE(o2.unit, Unit::TonneO2);
    QVERIFY(nearRel(o2.value, 800));
}

// §6.4 test 4.
void TstGep::test4Climate() {
    const Quantity veg = climateVegetation(4900, { 1e6, Unit::SquareMetre }, 120, 3.0);
    QCOMPARE(veg.unit, Unit::KilowattHour);
    QVERIFY(nearRel(veg.value, 54444444.444444444));
    const Quantity ew = waterVolume({ 3.0 * 120, Unit::Millimetre }, { 500000, Unit::SquareMetre });
    QVERIFY(nearRel(ew.value, 180000));
    QVERIFY(nearRel(climateWater(ew, 2450, 120, 3.0, false).value, 144100000));
    QVERIFY(nearRel(climateWater(ew, 2450, 120, 3.0, true).value, 62433333.333333333));
    QVERIFY_THROWS_EXCEPTION(UnitError, climateWater({ 360, Unit::Millimetre }, 2450, 120, 3.0, false));
}

// §6.1 F1 with P0 prices, every indicator and the total; §6.4 tests 5 and 6.
void TstGep::forestF1() {
    const auto rs =
      evaluateParcel(f1Parcel(), f1Eco(), f1Constants(), p0(), profile(QStringLiteral("RCEES_LEGACY")));
    struct Expect {
        const char* key;
        double qty;
        Unit unit;
        double value;
    };
    const Expect expected[] = {
        { "water_conservation", 801940.00, Unit::CubicMetre, 5661696.40 },
        { "soil_retention", 59700.00, Unit::Tonne, 307533.07 },
        { "flood_regulation", 412500.00, Unit::CubicMetre, 2912250.00 },
        { "air_purification", 1020.465, Unit::Tonne, 162666.00 },
        { "carbon_sequestration", 1100.00, Unit::TonneCO2, 418000.00 },
        { "oxygen_release", 800.00, Unit::TonneO2, 581600.00 },
        { "climate_regulation", 54444444.444444444, Unit::KilowattHour, 28855555.56 },
        { "pest_control", 100.00, Unit::Hectare, 37500.00 },
    };
    for (const Expect& e : expected) {
        const IndicatorResult& r = get(rs, e.key);
        QVERIFY2(!r.skipped, e.key);
        QVERIFY2(nearRel(r.quantity.value, e.qty), e.key);
        QVERIFY2(r.quantity.unit == e.unit, e.key);
        QVERIFY2(nearYuan(r.valueYuan, e.value),
                 qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(e.key)).arg(r.valueYuan, 0, 'f', 4)));
    }
    QVERIFY(nearYuan(get(rs, "air_purification").parts[0].valueYuan, 10638));
    QVERIFY(nearYuan(get(rs, "air_purification").parts[1].valueYuan, 378));
    QVERIFY(nearYuan(get(rs, "air_purification").parts[2].valueYuan, 151650));
    // Material and cultural have no inputs: skipped with a reason, not zero.
    QVERIFY(get(rs, "material_products").skipped && !get(rs, "material_products").reason.isEmpty());
    QVERIFY(get(rs, "recreation").skipped);
    QVERIFY(nearYuan(totalValue(rs), 38936801.02));
    QVERIFY(nearYuan(totalValue(rs, Category::Regulating), 38936801.02));
    QVERIFY(nearYuan(totalValue(rs) - get(rs, "climate_regulation").valueYuan, 10081245.47));
    QVERIFY(nearYuan(totalValue(rs) / 100.0, 389368.01));
    // Shares of §6.1's table.
    QVERIFY(std::fabs(get(rs, "climate_regulation").valueYuan / totalValue(rs) * 100 - 74.11) < 0.005);
    QVERIFY(std::fabs(get(rs, "water_conservation").valueYuan / totalValue(rs) * 100 - 14.54) < 0.005);
    QVERIFY(get(rs, "climate_regulation").flags.contains(QStringLiteral("dominates_total")));
    // §6.4 test 6: NDRC2022 (no 释氧, no 病虫害控制).
    const auto nd =
      evaluateParcel(f1Parcel(), f1Eco(), f1Constants(), p0(), profile(QStringLiteral("NDRC2022")));
    QVERIFY(!has(nd, "oxygen_release"));
    QVERIFY(!has(nd, "pest_control"));
    QVERIFY(nearYuan(totalValue(nd), 38317701.02));
}

// §6.1 sensitivity lines.
void TstGep::forestF1Sensitivity() {
    const Profile legacy = profile(QStringLiteral("RCEES_LEGACY"));
    // Carbon at 1200 CNY/t C → 360 000 (through the shipped LY/T 1721 profile, whose price is per t C).
    params::LoadedTable t = params::loadTable(
      priceTableSpec(), priceProfilePath(QStringLiteral("LYT1721_2008")), params::Provenance::Required);
    QVERIFY(!params::hasErrors(t.issues));
    params::Issues issues;
    const PriceSet lyt = pricesFromTable(t.table, issues);
    QVERIFY(issues.empty());
    QCOMPARE(lyt.get(QStringLiteral("carbon_price")).basis, Unit::TonneC);
    auto rs = evaluateParcel(f1Parcel(), f1Eco(), f1Constants(), lyt, legacy);
    QVERIFY(nearYuan(get(rs, "carbon_sequestration").valueYuan, 360000));
    QVERIFY(nearYuan(get(rs, "oxygen_release").valueYuan, 800000)); // oxygen at 1000 CNY/t
    // Carbon at 80 CNY/t CO2 → 88 000.
    PriceSet p = p0();
    Price c = p.get(QStringLiteral("carbon_price"));
    c.yuanPerUnit = 80;
    p.put(c);
    rs = evaluateParcel(f1Parcel(), f1Eco(), f1Constants(), p, legacy);
    QVERIFY(nearYuan(get(rs, "carbon_sequestration").valueYuan, 88000));
    // Without the vegetation flood term → 36 024 551.02 (the indicator is then skipped, with a reason).
    Profile noVeg = legacy;
    noVeg.includeVegetationFlood = false;
    rs = evaluateParcel(f1Parcel(), f1Eco(), f1Constants(), p0(), noVeg);
    QVERIFY(get(rs, "flood_regulation").skipped);
    QVERIFY(nearYuan(totalValue(rs), 36024551.02));
}

// §6.2 M1, S1 climate form; §6.4 test 5.
void TstGep::mangroveM1() {
    const auto rs =
      evaluateParcel(m1Parcel(), m1Eco(), m1Constants(), p0(), profile(QStringLiteral("RCEES_LEGACY")));
    QVERIFY(nearRel(get(rs, "water_purification").quantity.value, 33.6));
    QVERIFY(nearYuan(get(rs, "water_purification").valueYuan, 25305.00));
    QVERIFY(nearRel(get(rs, "carbon_sequestration").quantity.value, 1045.0));
    QVERIFY(nearYuan(get(rs, "carbon_sequestration").valueYuan, 397100.00));
    QVERIFY(nearRel(get(rs, "oxygen_release").quantity.value, 533.33333333333333));
    QVERIFY(nearYuan(get(rs, "oxygen_release").valueYuan, 387733.33));
    QVERIFY(nearRel(get(rs, "climate_regulation").quantity.value, 144100000));
    QVERIFY(nearYuan(get(rs, "climate_regulation").valueYuan, 76373000.00));
    QVERIFY(nearRel(get(rs, "flood_regulation").quantity.value, 150000));
    QVERIFY(nearYuan(get(rs, "flood_regulation").valueYuan, 1059000.00));
    QVERIFY(nearRel(get(rs, "coastal_protection").quantity.value, 1.2));
    QCOMPARE(get(rs, "coastal_protection").quantity.unit, Unit::Kilometre);
    QVERIFY(nearYuan(get(rs, "coastal_protection").valueYuan, 480000.00));
    QVERIFY(nearRel(get(rs, "recreation").quantity.value, 100000));
    QVERIFY(nearYuan(get(rs, "recreation").valueYuan, 8000000.00));
    QCOMPARE(get(rs, "recreation").category, Category::Cultural);
    // Water conservation is excluded for saline intertidal water, with the reason.
    QVERIFY(get(rs, "water_conservation").skipped);
    QVERIFY(get(rs, "water_conservation").reason.contains(QString::fromUtf8("§6.2")));
    QVERIFY(nearYuan(totalValue(rs), 86722138.33));
    QVERIFY(nearYuan(totalValue(rs, Category::Cultural), 8000000.00));
    QVERIFY(nearYuan(totalValue(rs) - get(rs, "climate_regulation").valueYuan, 10349138.33));
    QVERIFY(std::fabs(get(rs, "climate_regulation").valueYuan / totalValue(rs) * 100 - 88.07) < 0.005);
    // Soil retention does not apply to mangroves (§3), even with RUSLE inputs.
    EcosystemParams grouped = m1Eco();
    grouped.group = QStringLiteral("mangrove");
    ParcelInput withSoil = m1Parcel();
    withSoil.soilRetentionTPerHa = 5.0;
    const auto rs3 =
      evaluateParcel(withSoil, grouped, m1Constants(), p0(), profile(QStringLiteral("RCEES_LEGACY")));
    QVERIFY(get(rs3, "soil_retention").skipped);
    QVERIFY(nearYuan(totalValue(rs3), 86722138.33));
    // The excluded water conservation, if counted: 300 000 m³ → 2 118 000 CNY (§6.2 step 8).
    EcosystemParams counted = m1Eco();
    counted.waterConservationCounted = true;
    const auto rs2 =
      evaluateParcel(m1Parcel(), counted, m1Constants(), p0(), profile(QStringLiteral("RCEES_LEGACY")));
    QVERIFY(nearRel(get(rs2, "water_conservation").quantity.value, 300000));
    QVERIFY(nearYuan(get(rs2, "water_conservation").valueYuan, 2118000));
}

// §6.2 climate cooling ÷ COP variant.
void TstGep::mangroveM1CopVariant() {
    Profile p = profile(QStringLiteral("RCEES_LEGACY"));
    p.waterCopDividesCooling = true;
    const auto rs = evaluateParcel(m1Parcel(), m1Eco(), m1Constants(), p0(), p);
    QVERIFY(nearRel(get(rs, "climate_regulation").quantity.value, 62433333.333333333));
    QVERIFY(nearYuan(get(rs, "climate_regulation").valueYuan, 33089666.67));
    QVERIFY(
      get(rs, "climate_regulation").flags.contains(QStringLiteral("unconfirmed:water_cop_divides_cooling")));
    QVERIFY(nearYuan(totalValue(rs), 43438805.00));
    QVERIFY(nearYuan(totalValue(rs) / 50.0, 868776.10));
}

void TstGep::skippedIndicatorsHaveReasons() {
    ParcelInput p;
    p.id = QStringLiteral("bare");
    p.area = { 1, Unit::Hectare };
    EcosystemParams e;
    e.key = QStringLiteral("61");
    e.name = QStringLiteral("built-up land");
    Constants k = constantsP0();
    const auto rs = evaluateParcel(p, e, k, p0(), profile(QStringLiteral("RCEES_LEGACY")));
    QCOMPARE(int(rs.size()), int(indicatorRegistry().size()));
    for (const IndicatorResult& r : rs) {
        QVERIFY2(r.skipped, qPrintable(r.key));
        QVERIFY2(!r.reason.isEmpty(), qPrintable(r.key));
        QCOMPARE(r.valueYuan, 0.0);
    }
    QCOMPARE(totalValue(rs), 0.0);
}

void TstGep::missingPriceNamesKey() {
    PriceSet prices = p0();
    PriceSet partial;
    partial.file = QStringLiteral("my_prices.csv");
    for (const auto& [key, price] : prices.all())
        if (key != QLatin1String("electricity_price"))
            partial.put(price);
    try {
        evaluateParcel(f1Parcel(), f1Eco(), f1Constants(), partial, profile(QStringLiteral("RCEES_LEGACY")));
        QFAIL("a missing price was not reported");
    } catch (const UnitError& e) {
        const QString msg = QString::fromUtf8(e.what());
        QVERIFY2(msg.contains(QLatin1String("electricity_price")) &&
                   msg.contains(QLatin1String("my_prices.csv")),
                 qPrintable(msg));
    }
}

void TstGep::shippedTablesLoad() {
    for (const QString& id : priceProfileIds()) {
        params::LoadedTable t =
          params::loadTable(priceTableSpec(), priceProfilePath(id), params::Provenance::Required);
        QVERIFY2(!params::hasErrors(t.issues), qPrintable(id));
        params::Issues issues;
        const PriceSet set = pricesFromTable(t.table, issues);
        QVERIFY2(issues.empty(), qPrintable(issues.empty() ? id : issues.front().toString()));
        // Every price key named by the registry exists in every shipped profile.
        for (const char* key : { "reservoir_cost",
                                 "dredging_cost",
                                 "n_cost",
                                 "p_cost",
                                 "so2_cost",
                                 "nox_cost",
                                 "dust_cost",
                                 "cod_cost",
                                 "nh3n_cost",
                                 "tp_cost",
                                 "carbon_price",
                                 "oxygen_price",
                                 "electricity_price",
                                 "pest_cost_forest",
                                 "pest_cost_grassland" })
            QVERIFY2(set.find(QLatin1String(key)) && !set.find(QLatin1String(key))->source.isEmpty() &&
                       set.find(QLatin1String(key))->priceYear > 0,
                     qPrintable(id + QLatin1Char(' ') + QLatin1String(key)));
    }
    // P0 values of §5.1, all verified.
    const PriceSet set = p0();
    QCOMPARE(set.get(QStringLiteral("reservoir_cost")).yuanPerUnit, 7.06);
    QCOMPARE(set.get(QStringLiteral("carbon_price")).basis, Unit::TonneCO2);
    QCOMPARE(set.get(QStringLiteral("electricity_price")).priceYear, 2010);
    for (const auto& [key, price] : set.all())
        QVERIFY2(price.tag == params::Tag::Verified, qPrintable(key));
    // Profiles: every registry indicator is a column; NDRC2022 is tagged unconfirmed.
    params::LoadedTable prof = params::loadDefaultTable(profileTableSpec());
    QVERIFY(!params::hasErrors(prof.issues));
    QCOMPARE(prof.table.find(QStringLiteral("NDRC2022"))->tag, params::Tag::Unconfirmed);
    params::Issues issues;
    QVERIFY(!profileFromTable(prof.table, QStringLiteral("NOPE"), issues));
    QVERIFY(issues.front().message.contains(QLatin1String("NDRC2022")));
    // Ecosystem table: α of evergreen broadleaf, marsh depth of mangroves.
    params::LoadedTable eco = params::loadDefaultTable(ecosystemTableSpec());
    QVERIFY(!params::hasErrors(eco.issues));
    const auto ecos = ecosystemsFromTable(eco.table);
    QCOMPARE(*ecos.at(QStringLiteral("11")).runoffCoef, 0.0267);
    QCOMPARE(*ecos.at(QStringLiteral("42")).storageDepthM, 0.3);
    QVERIFY(!ecos.at(QStringLiteral("42")).waterConservationCounted);
    QVERIFY(ecos.at(QStringLiteral("42")).climateWaterForm);
    QVERIFY(!ecos.at(QStringLiteral("42")).codKgPerHa); // no verified default (§4.7)
    const Constants k = constantsP0();
    QCOMPARE(k.sedimentLambda, 0.24);
    QCOMPARE(k.humidifierKwhPerM3, 120.0);
    QVERIFY(!k.acDays); // no default for D
}

void TstGep::userPricesNeedSource() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("prices.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("key,value,unit,basis,price_year,source\n"
            "carbon_price,60,CNY/t CO2,t CO2,2024,Guangdong ETS 2024 average (user)\n"
            "electricity_price,0.61,CNY/kWh,kWh,2024,\n");
    f.close();
    PriceSet set = p0();
    const params::Issues issues = overridePrices(set, path);
    QVERIFY(params::hasErrors(issues));
    bool found = false;
    for (const params::Issue& i : issues)
        if (i.row == 3 && i.column == QLatin1String("source") &&
            i.message.contains(QLatin1String("electricity_price")))
            found = true;
    QVERIFY(found);
    QCOMPARE(set.get(QStringLiteral("carbon_price")).yuanPerUnit, 60.0);
    QCOMPARE(set.get(QStringLiteral("carbon_price")).tag, params::Tag::User);
}

void TstGep::priceUnitMustMatchBasis() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("prices.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("key,value,unit,basis,price_year,source\n"
            "carbon_price,1200,CNY/t C,t CO2,2008,LY/T 1721-2008\n"
            "oxygen_price,1000,CNY/t O2,barrel,2008,LY/T 1721-2008\n");
    f.close();
    PriceSet set;
    const params::Issues issues = overridePrices(set, path);
    QCOMPARE(int(issues.size()), 2);
    QCOMPARE(issues[0].row, 2);
    QCOMPARE(issues[0].column, QStringLiteral("unit"));
    QVERIFY(issues[0].message.contains(QLatin1String("44/12")));
    QCOMPARE(issues[1].row, 3);
    QCOMPARE(issues[1].column, QStringLiteral("basis"));
}

// §5.3: p_t = p_base × I_t / I_base with the series of the price.
void TstGep::priceYearAdjustment() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deflators.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("year,cpi,construction,source,tag\n"
            "2010,100,100,test index,example\n"
            "2020,125,140,test index,example\n");
    f.close();
    params::LoadedTable t = params::loadTable(deflatorTableSpec(), path, params::Provenance::Required);
    QVERIFY(!params::hasErrors(t.issues));
    const PriceSet set = p0();
    const Price r = adjustPriceYear(set.get(QStringLiteral("reservoir_cost")), 2020, t.table);
    QVERIFY(nearRel(r.yuanPerUnit, 7.06 * 1.4));
    QCOMPARE(r.priceYear, 2020);
    QCOMPARE(r.tag, params::Tag::Unconfirmed); // the index is flagged, so is the adjusted price
    const Price o = adjustPriceYear(set.get(QStringLiteral("oxygen_price")), 2020, t.table);
    QVERIFY(nearRel(o.yuanPerUnit, 727 * 1.25));
    try {
        adjustPriceYear(set.get(QStringLiteral("reservoir_cost")), 2024, t.table);
        QFAIL("missing year not reported");
    } catch (const UnitError& e) {
        QVERIFY(QString::fromUtf8(e.what()).contains(QLatin1String("2024")));
    }
}

// The shipped CPI table (year-on-year, previous year = 100) chained by hand: 2010 → 2012 is
// 1.054 × 1.026 = 1.081404; 2020 → 2024 is 1.009 × 1.020 × 1.002 × 1.002 (§5.3).
void TstGep::shippedCpiChain() {
    params::LoadedTable t =
      params::loadTable(deflatorTableSpec(), priceIndexPath(), params::Provenance::Required);
    QVERIFY(!params::hasErrors(t.issues));
    const IndexRatio a = indexRatio(t.table, QStringLiteral("cpi"), 2010, 2012);
    QVERIFY(nearRel(a.factor, 1.054 * 1.026));
    QCOMPARE(int(a.rows.size()), 2); // rows 2011 and 2012
    QCOMPARE(a.rows[0].year, 2011);
    QCOMPARE(a.rows[0].tag, params::Tag::Unconfirmed); // from memory until transcribed
    QVERIFY(a.rowsText().contains(QLatin1String("price_index.csv")));
    const IndexRatio b = indexRatio(t.table, QStringLiteral("cpi"), 2020, 2024);
    QVERIFY(nearRel(b.factor, 1.009 * 1.020 * 1.002 * 1.002));
    // Backwards is the inverse; the same year is 1 with no row.
    QVERIFY(nearRel(indexRatio(t.table, QStringLiteral("cpi"), 2012, 2010).factor, 1.0 / (1.054 * 1.026)));
    QCOMPARE(indexRatio(t.table, QStringLiteral("cpi"), 2015, 2015).factor, 1.0);
}

// P0's oxygen price (727 CNY/t O2, 2010, cpi) at 2024 prices: 727 × Π_{2011..2024} i_y/100, by hand:
// 1.054·1.026·1.026·1.020·1.014·1.020·1.016·1.021·1.029·1.025·1.009·1.020·1.002·1.002 = 1.323302...
void TstGep::p0AdjustedTo2024() {
    params::LoadedTable t =
      params::loadTable(deflatorTableSpec(), priceIndexPath(), params::Provenance::Required);
    const PriceSet set = p0();
    const double chain = 1.054 * 1.026 * 1.026 * 1.020 * 1.014 * 1.020 * 1.016 * 1.021 * 1.029 * 1.025 *
                         1.009 * 1.020 * 1.002 * 1.002;
    QVERIFY(std::fabs(chain - 1.323302) < 1e-6);
    const Price o = adjustPriceYear(set.get(QStringLiteral("oxygen_price")), 2024, t.table);
    QVERIFY(nearRel(o.yuanPerUnit, 727 * chain));
    QCOMPARE(o.priceYear, 2024);
    QCOMPARE(o.tag, params::Tag::Unconfirmed); // the shipped index rows are unconfirmed
    QCOMPARE(o.indexSeries, QStringLiteral("cpi"));
    QVERIFY(o.indexRows.contains(QLatin1String("2024 (unconfirmed)")));
    QVERIFY(o.note.contains(QLatin1String("727")));
    // The reservoir cost names the construction series, which the shipped table lacks: an error unless a
    // fallback is chosen; with the fallback it is adjusted by CPI and flagged.
    try {
        adjustPriceYear(set.get(QStringLiteral("reservoir_cost")), 2024, t.table);
        QFAIL("missing construction series not reported");
    } catch (const UnitError& e) {
        const QString m = QString::fromUtf8(e.what());
        QVERIFY2(m.contains(QLatin1String("construction")) && m.contains(QLatin1String("price_index.csv")),
                 qPrintable(m));
    }
    const Price r =
      adjustPriceYear(set.get(QStringLiteral("reservoir_cost")), 2024, t.table, QStringLiteral("cpi"));
    QVERIFY(nearRel(r.yuanPerUnit, 7.06 * chain));
    QVERIFY(r.note.contains(QLatin1String("construction")));
    QCOMPARE(r.tag, params::Tag::Unconfirmed);
}

// A year outside the table: the error names the table file and the missing year.
void TstGep::missingIndexYear() {
    params::LoadedTable t =
      params::loadTable(deflatorTableSpec(), priceIndexPath(), params::Provenance::Required);
    const PriceSet set = p0();
    try {
        adjustPriceYear(set.get(QStringLiteral("oxygen_price")), 2026, t.table);
        QFAIL("missing year not reported");
    } catch (const UnitError& e) {
        const QString m = QString::fromUtf8(e.what());
        QVERIFY2(m.contains(QLatin1String("price_index.csv")) && m.contains(QLatin1String("2025")) &&
                   m.contains(QLatin1String("cpi_yoy")),
                 qPrintable(m)); // the chain stops at the first missing year, 2025
    }
    // A gap inside a user table of year-on-year indices is also named.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gap.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("year,cpi_yoy,source,tag\n2010,103,test,example\n2011,105,test,example\n2013,102,test,example\n");
    f.close();
    params::LoadedTable g = params::loadTable(deflatorTableSpec(), path, params::Provenance::UserSupplied);
    QVERIFY(!params::hasErrors(g.issues));
    try {
        indexRatio(g.table, QStringLiteral("cpi"), 2010, 2013);
        QFAIL("gap not reported");
    } catch (const UnitError& e) {
        const QString m = QString::fromUtf8(e.what());
        QVERIFY2(m.contains(QLatin1String("gap.csv")) && m.contains(QLatin1String("2012")), qPrintable(m));
    }
}

// A series with no column at all asks for a table with it.
void TstGep::missingIndexSeries() {
    params::LoadedTable t =
      params::loadTable(deflatorTableSpec(), priceIndexPath(), params::Provenance::Required);
    try {
        indexRatio(t.table, QStringLiteral("market"), 2010, 2020);
        QFAIL("missing series not reported");
    } catch (const UnitError& e) {
        const QString m = QString::fromUtf8(e.what());
        QVERIFY2(m.contains(QLatin1String("market_yoy")) && m.contains(QLatin1String("--deflators")),
                 qPrintable(m));
    }
}

// §4.9: the vegetation / soil split of a carbon change from the pool changes (hand-made rows).
void TstGep::carbonSplitVegetationSoil() {
    // Blue-carbon-like row: biomass +4, litter +1, soil +3 t C/a; the engine's flux 8.5 t C/a: the rest of
    // the flux beyond the vegetation pools (3.5) is soil.
    CarbonSplit s = splitCarbonChange(8.5,
                                      { { QStringLiteral("c_biomass"), 4 },
                                        { QStringLiteral("c_litter"), 1 },
                                        { QStringLiteral("c_soil"), 3 } },
                                      QStringLiteral("bluecarbon"));
    QVERIFY(s.vegetationTcPerYr && s.soilTcPerYr);
    QCOMPARE(*s.vegetationTcPerYr, 5.0);
    QCOMPARE(*s.soilTcPerYr, 3.5);
    // Soil pools only (cropland soil carbon): no vegetation part.
    s = splitCarbonChange(2.0, { { QStringLiteral("c_soil"), 2.0 } }, QStringLiteral("soil"));
    QVERIFY(!s.vegetationTcPerYr);
    QCOMPARE(*s.soilTcPerYr, 2.0);
    // No pool stocks: the soil method is soil, gain-loss (a biomass flux) is vegetation.
    s = splitCarbonChange(-1.5, {}, QStringLiteral("soil"));
    QVERIFY(!s.vegetationTcPerYr);
    QCOMPARE(*s.soilTcPerYr, -1.5);
    s = splitCarbonChange(7.0, {}, QStringLiteral("gainloss"));
    QCOMPARE(*s.vegetationTcPerYr, 7.0);
    QVERIFY(!s.soilTcPerYr);
}

// §4.9: O2 from the vegetation part only: 10 t C vegetation + 5 t C soil → 固碳 15 × 44/12 = 55 t CO2,
// 释氧 10 × 44/12 × 32/44 = 26.667 t O2; a vegetation loss (−2) with a soil gain (+5) gives 固碳 11 t CO2 and
// no (not negative) O2; soil carbon only gives no 释氧, with the reason.
void TstGep::oxygenFromVegetationOnly() {
    const Profile legacy = profile(QStringLiteral("RCEES_LEGACY"));
    ParcelInput p = f1Parcel();
    p.carbonFixedTC = 10;
    p.carbonBurialTC = 5;
    auto rs = evaluateParcel(p, f1Eco(), f1Constants(), p0(), legacy);
    QVERIFY(nearRel(get(rs, "carbon_sequestration").quantity.value, 55.0));
    QVERIFY(nearRel(get(rs, "oxygen_release").quantity.value, 26.666666666666667));
    QVERIFY(nearYuan(get(rs, "oxygen_release").valueYuan, 26.666666666666667 * 727));
    p.carbonFixedTC = -2;
    rs = evaluateParcel(p, f1Eco(), f1Constants(), p0(), legacy);
    QVERIFY(nearRel(get(rs, "carbon_sequestration").quantity.value, 11.0));
    QCOMPARE(get(rs, "oxygen_release").quantity.value, 0.0);
    QCOMPARE(get(rs, "oxygen_release").valueYuan, 0.0);
    QVERIFY(get(rs, "oxygen_release").flags.contains(QStringLiteral("vegetation_net_loss")));
    p.carbonFixedTC.reset();
    rs = evaluateParcel(p, f1Eco(), f1Constants(), p0(), legacy);
    QVERIFY(nearRel(get(rs, "carbon_sequestration").quantity.value, 5.0 * 44 / 12));
    QVERIFY(get(rs, "oxygen_release").skipped);
    QVERIFY2(get(rs, "oxygen_release").reason.contains(QLatin1String("soil carbon only")),
             qPrintable(get(rs, "oxygen_release").reason));
}

// A net source (vegetation −3, soil −1 t C/a) is an emission of 4 × 44/12 = 14.667 t CO2, valued at P0's
// 380 CNY/t CO2 = 5573.33 CNY, next to GEP: the indicator is 0 and GEP is not reduced.
void TstGep::netSourceIsEmission() {
    const Profile legacy = profile(QStringLiteral("RCEES_LEGACY"));
    ParcelInput p = f1Parcel();
    p.carbonFixedTC = 1;
    p.carbonBurialTC.reset();
    const double gepWithSink = totalValue(evaluateParcel(p, f1Eco(), f1Constants(), p0(), legacy));
    p.carbonFixedTC = -3;
    p.carbonBurialTC = -1;
    const auto rs = evaluateParcel(p, f1Eco(), f1Constants(), p0(), legacy);
    const IndicatorResult& c = get(rs, "carbon_sequestration");
    QVERIFY(!c.skipped);
    QCOMPARE(c.quantity.value, 0.0);
    QCOMPARE(c.valueYuan, 0.0);
    QVERIFY(c.flags.contains(QStringLiteral("net_carbon_source")));
    QVERIFY(c.emission);
    QCOMPARE(c.emission->unit, Unit::TonneCO2);
    QVERIFY(nearRel(c.emission->value, 14.666666666666667));
    QVERIFY(nearYuan(c.emissionYuan, 5573.33));
    // GEP = the sink case minus its 固碳 (1 × 44/12 × 380) and 释氧 (1 × 32/12 × 727): nothing negative.
    QVERIFY(nearYuan(totalValue(rs), gepWithSink - 44.0 / 12 * 380 - 32.0 / 12 * 727));
    for (const IndicatorResult& r : rs)
        QVERIFY2(r.skipped || r.valueYuan >= 0, qPrintable(r.key));
}

// §4.10: the water-surface variant is named on the result; NDRC2022 (later specification) divides the
// cooling by COP. 5 mm/d × 100 d over 1 ha = 5000 m³: s1 = 5000 × 2450 / 3.6 + 5000 × 120 = 4 002 777.78
// kWh; cop = 5000 × 2450 / 10.8 + 600 000 = 1 734 259.26 kWh.
void TstGep::climateVariantNamed() {
    QCOMPARE(climateVariantId(ClimateVariant::S1), QStringLiteral("s1"));
    QCOMPARE(climateVariantId(ClimateVariant::Cop), QStringLiteral("cop"));
    QCOMPARE(*climateVariantFromId(QStringLiteral("cop")), ClimateVariant::Cop);
    QVERIFY(!climateVariantFromId(QStringLiteral("COP3")));
    QVERIFY(climateVariantDescription(ClimateVariant::Cop).contains(QLatin1String("COP")));
    QCOMPARE(profile(QStringLiteral("NDRC2022")).climateVariant(), ClimateVariant::Cop);
    QCOMPARE(profile(QStringLiteral("RCEES_LEGACY")).climateVariant(), ClimateVariant::S1);
    ParcelInput p;
    p.id = QStringLiteral("W");
    p.area = { 1, Unit::Hectare };
    EcosystemParams e;
    e.key = QStringLiteral("51");
    e.name = QStringLiteral("water");
    e.climateWaterForm = true;
    e.etHotMmPerDay = 5;
    Constants k = constantsP0();
    k.acDays = 100;
    Profile pr = profile(QStringLiteral("RCEES_LEGACY"));
    auto rs = evaluateParcel(p, e, k, p0(), pr);
    QVERIFY(nearRel(get(rs, "climate_regulation").quantity.value, 4002777.7777777778));
    QVERIFY(get(rs, "climate_regulation").flags.contains(QStringLiteral("climate_variant:s1")));
    pr.waterCopDividesCooling = true;
    rs = evaluateParcel(p, e, k, p0(), pr);
    QVERIFY(nearRel(get(rs, "climate_regulation").quantity.value, 1734259.2592592593));
    QVERIFY(get(rs, "climate_regulation").flags.contains(QStringLiteral("climate_variant:cop")));
}

// RUSLE validity: a 5 % slope with λ = 22.13 m: LS = 10.8 × 0.05/√1.0025 + 0.03 = 0.569326; a 45° slope
// is evaluated at 55 %: 21.91 × 0.55/√1.3025 − 0.96 = 9.598840 (not 20.95 at a vertical face), reported
// as capped; λ = 500 m is capped at 122 m: L = (122/22.13)^0.5 = 2.347952.
void TstGep::lsFactorCapped() {
    const LsFactor ls(22.13);
    bool capped = true;
    QVERIFY(nearRel(ls(0.05, &capped), 0.5693262629940362));
    QVERIFY(!capped);
    QVERIFY(nearRel(ls(1.0, &capped), 9.598839807507936));
    QVERIFY(capped);
    QVERIFY(nearRel(ls(100.0), 9.598839807507936));
    QVERIFY(!ls.slopeLengthCapped());
    const LsFactor longSlope(500);
    QVERIFY(longSlope.slopeLengthCapped());
    QCOMPARE(longSlope.slopeLengthM(), 122.0);
    QVERIFY(nearRel(longSlope(0.05), 2.3479519683223993 * 0.5693262629940362));
    QVERIFY(kImplausiblePotentialErosionTPerHa > 500 && kImplausiblePotentialErosionTPerHa < 2000);
}

// Water conservation from missing ET: forest ET 700, 720, 710, 730, 500, 715 mm: median 712.5, 80 % =
// 570, so only the 500 mm parcel is flagged; an ecosystem with 3 parcels is not judged.
void TstGep::lowEtFlag() {
    const QString f = QStringLiteral("11"), w = QStringLiteral("41");
    const std::vector<bool> flags =
      lowEtWithinEcosystem({ f, f, f, f, f, f, w, w, w }, { 700, 720, 710, 730, 500, 715, 900, 100, 950 });
    const std::vector<bool> expected = { false, false, false, false, true, false, false, false, false };
    QCOMPARE(flags, expected);
}

QTEST_GUILESS_MAIN(TstGep)
#include "tst_gep.moc"
