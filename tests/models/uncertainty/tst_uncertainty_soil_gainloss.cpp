// SPDX-License-Identifier: GPL-3.0-or-later
// Monte Carlo and Approach 1 of the cropland soil method (carbon-methods.md §3.3, §3.7) and the forest
// gain-loss method (§3.2) with the rules of §6.2: hand-checkable single-factor products whose percentiles
// are known analytically, Approach 1 against the analytic propagation, determinism across thread counts,
// and project totals from per-iteration sums (models/carbon/SoilGainLossSampler.h).

#include "models/carbon/GainLossMethod.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/SoilGainLossSampler.h"
#include "models/carbon/SoilMethod.h"
#include "models/uncertainty/SoilGainLossMonteCarlo.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tanhui::models;
using namespace tanhui::models::uncertainty;

namespace {

void writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(text);
}

params::ParameterTable load(const params::TableSpec& spec, const QString& path) {
    params::LoadedTable t = params::loadTable(spec, path, params::Provenance::UserSupplied);
    if (params::hasErrors(t.issues))
        qFatal("%s", qPrintable(t.issues.front().toString()));
    return t.table;
}

/// Soil tables of one zone: SOC_REF 50 t C/ha exact; F_LU long-term cultivated 0.5 ~ uniform(0.4, 0.6),
/// paddy 1.1 ~ uniform(1.0, 1.2); F_I medium (the reference level, 1) declared fixed; F_MG full tillage
/// and F_I low 0.92 without uncertainty columns.
carbon::SoilTables soilTables(const QTemporaryDir& dir) {
    const QString ref = dir.filePath("soc_ref.csv");
    writeFile(ref, "climate_zone,soil_class,soc_ref\nz,lac,50\n");
    const QString fac = dir.filePath("soil_factors.csv");
    writeFile(fac,
              "climate_zone,factor,level,value,d_years,value_dist,value_min,value_max\n"
              "z,LU,long_term_cultivated,0.5,20,uniform,0.4,0.6\n"
              "z,LU,paddy_rice,1.1,20,uniform,1.0,1.2\n"
              "z,MG,full_tillage,1,20,,,\n"
              "z,I,low,0.92,20,,,\n"
              "z,I,medium,1,20,fixed,,\n");
    return carbon::SoilTables(load(carbon::socRefSpec(), ref), load(carbon::soilFactorsSpec(), fac));
}

carbon::SoilSettings soilSettings(std::vector<int> years) {
    carbon::SoilSettings s;
    s.climateZone = QStringLiteral("z");
    s.soilClass = QStringLiteral("lac");
    s.years = std::move(years);
    return s;
}

carbon::SoilPlot plot(carbon::SoilLandUse lu,
                      carbon::SoilInput before,
                      carbon::SoilInput after,
                      int changeYear) {
    carbon::SoilPlot p;
    p.after = { lu, carbon::SoilTillage::Full, after };
    p.before = { lu, carbon::SoilTillage::Full, before };
    if (!(p.before == p.after))
        p.changeYear = changeYear;
    p.dYears = 20;
    return p;
}

/// Bit-identical per-iteration samples.
bool same(const std::vector<PeriodSamples>& a, const std::vector<PeriodSamples>& b) {
    if (a.size() != b.size())
        return false;
    auto eq = [](const QuantitySamples& x, const QuantitySamples& y) {
        return x.samples == y.samples && x.central == y.central &&
               (x.u95 == y.u95 || (std::isnan(x.u95) && std::isnan(y.u95)));
    };
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (a[k].stocks.size() != b[k].stocks.size() || a[k].changes.size() != b[k].changes.size())
            return false;
        for (const auto& [y, q] : a[k].stocks)
            if (!b[k].stocks.count(y) || !eq(q, b[k].stocks.at(y)))
                return false;
        for (const auto& [p, q] : a[k].changes)
            if (!b[k].changes.count(p) || !eq(q, b[k].changes.at(p)))
                return false;
    }
    return true;
}

// Monte Carlo tolerances. The p-quantile of N draws has standard error sqrt(p(1 − p)/N) / f(x_p)
// (f the density at the quantile). For a uniform of width w, f = 1/w: with N = 20,000 the SE is
// 0.0011 w at p = 2.5 % and 0.0035 w at p = 50 %; the tests allow 5 SE (a false failure has
// probability below 1e-6 per check, and the seed is fixed anyway, so a pass is reproducible).
constexpr int kN = 20000;
double seQuantile(double p, double density) {
    return std::sqrt(p * (1 - p) / kN) / density;
}

} // namespace

class TestUncertaintySoilGainLoss : public QObject {
    Q_OBJECT

private slots:
    void soilUniformFactor() {
        QTemporaryDir dir;
        const carbon::SoilTables tables = soilTables(dir);
        using carbon::SoilInput;
        using carbon::SoilLandUse;
        // A: 10 ha long-term cultivated, F_I low throughout (no change): stock = 10 × 50 × 0.92 × F_LU,
        // F_LU ~ U(0.4, 0.6) → stock ~ U(184, 276). B: low → medium input in 2010 (D = 20):
        // f = 0, 0.5, 1 in 2010, 2020, 2030, so stock_y = 500 × F_LU × (0.92 (1 − f) + f).
        const carbon::SoilSettings settings = soilSettings({ 2010, 2020, 2030 });
        const carbon::SoilPlot a = plot(SoilLandUse::LongTermCultivated, SoilInput::Low, SoilInput::Low, 0);
        const carbon::SoilPlot b =
          plot(SoilLandUse::LongTermCultivated, SoilInput::Low, SoilInput::Medium, 2010);
        const std::vector<SoilUnit> units = { soilUnitOf(tables, settings, a, 10),
                                              soilUnitOf(tables, settings, b, 10) };
        QCOMPARE(units[0].weightHa.size(), std::size_t(1));
        QCOMPARE(units[1].weightHa.size(), std::size_t(2));
        QCOMPARE(units[1].changes.size(), std::size_t(3)); // 2010–2020, 2020–2030, 2010–2030
        const SoilUncertaintyModel model = buildSoilUncertainty(tables, units, {});
        QVERIFY(model.issues.empty());
        QCOMPARE(model.factors.at(QStringLiteral("z|lu|long_term_cultivated")).dist.kind,
                 Distribution::Kind::Uniform);
        QCOMPARE(model.factors.at(QStringLiteral("z|lu|long_term_cultivated")).id,
                 std::string("soil_factors/z|lu|long_term_cultivated/value"));
        // Exact values without columns are listed for the warning (soc_ref 50, F_MG, F_I low), not the
        // one declared fixed.
        QCOMPARE(model.socRefFixedIds, std::vector<std::string>{ "z|lac/soc_ref" });
        QCOMPARE(model.factorFixedIds,
                 (std::vector<std::string>{ "z|i|low/value", "z|mg|full_tillage/value" }));
        MonteCarloOptions options;
        options.iterations = kN;
        options.seed = 7;
        options.threads = 1;
        std::vector<PeriodSamples> s = sampleSoilUnits(model, units, options);

        // A: uniform percentiles 184 + 92 p.
        const QuantitySamples stockA = s[0].stocks.at(2020);
        QCOMPARE(stockA.central, 10 * 50 * 0.92 * 0.5);
        QuantitySamples copy = stockA;
        const QuantityUncertainty qa = summarizeSamples(copy);
        const double w = 92;
        QVERIFY2(std::fabs(qa.mc.p2_5 - (184 + 0.025 * w)) < 5 * seQuantile(0.025, 1 / w),
                 qPrintable(QString::number(qa.mc.p2_5)));
        QVERIFY(std::fabs(qa.mc.p50 - 230) < 5 * seQuantile(0.5, 1 / w));
        QVERIFY(std::fabs(qa.mc.p97_5 - (184 + 0.975 * w)) < 5 * seQuantile(0.975, 1 / w));
        // Approach 1: a product (Eq. 3.1) whose only uncertain factor is F_LU: U = 1.96 × SD / 0.5 with
        // SD = 0.2 / √12 (uniform); the exact factors add 0.
        const double uLu = 1.96 * (0.2 / std::sqrt(12.0)) / 0.5;
        QVERIFY(std::fabs(stockA.u95 - uLu) < 1e-12);
        // No change: the same draw on both dates, the change is exactly 0 in every iteration.
        for (double v : s[0].changes.at({ 2010, 2030 }).samples)
            QCOMPARE(v, 0.0);
        QVERIFY(std::isnan(s[0].changes.at({ 2010, 2030 }).u95));

        // B: stock_2020 = 480 × F_LU ~ U(192, 288); change 2010 → 2030 = 500 × 0.08 × F_LU ~ U(16, 24).
        QVERIFY(std::fabs(s[1].stocks.at(2020).central - 500 * 0.5 * 0.96) < 1e-9);
        const QuantitySamples change = s[1].changes.at({ 2010, 2030 });
        QVERIFY(std::fabs(change.central - 500 * 0.5 * 0.08) < 1e-9);
        for (std::size_t i = 0; i < change.samples.size(); ++i)
            QVERIFY(std::fabs(change.samples[i] -
                              (s[1].stocks.at(2030).samples[i] - s[1].stocks.at(2010).samples[i])) < 1e-12);
        copy = change;
        const QuantityUncertainty qc = summarizeSamples(copy);
        QVERIFY2(std::fabs(qc.mc.p2_5 - 16.2) < 5 * seQuantile(0.025, 1 / 8.0),
                 qPrintable(QString::number(qc.mc.p2_5)));
        QVERIFY(std::fabs(qc.mc.p97_5 - 23.8) < 5 * seQuantile(0.975, 1 / 8.0));
        // Approach 1 of the change: the two stocks as independent (approach1Difference(), §6.2), each
        // by Eq. 3.2 over its two states (U_LU each): far wider than the correlated Monte Carlo.
        const double s1 = 500 * 0.5 * 0.92, s2 = 500 * 0.5;
        QVERIFY(std::fabs(s[1].stocks.at(2010).u95 - uLu) < 1e-12);
        const double x2020[] = { 250 * 0.5 * 0.92, 250 * 0.5 };
        const double u2020[] = { uLu, uLu };
        QVERIFY(std::fabs(s[1].stocks.at(2020).u95 - approach1Sum(x2020, u2020)) < 1e-12);
        const double a1 = std::sqrt(std::pow(uLu * s1, 2) + std::pow(uLu * s2, 2)) / (s2 - s1);
        QVERIFY(std::fabs(change.u95 - a1) < 1e-12);
        QVERIFY((qc.mc.p97_5 - qc.mc.p2_5) / 2 < 0.2 * a1 * change.central);

        // The weights reproduce the method's own stocks (computeSoilPlots' socAt rule).
        const carbon::SoilEquilibrium low =
          *tables.equilibrium(QStringLiteral("z"), QStringLiteral("lac"), b.before);
        const carbon::SoilEquilibrium medium =
          *tables.equilibrium(QStringLiteral("z"), QStringLiteral("lac"), b.after);
        for (int y : settings.years)
            QVERIFY(std::fabs(s[1].stocks.at(y).central -
                              10 * carbon::socAt(low.soc(), medium.soc(), 2010, y, 20)) < 1e-9);
    }

    void soilNativeAndRunDefault() {
        QTemporaryDir dir;
        const carbon::SoilTables tables = soilTables(dir);
        // Native before: SOC_REF alone (all factors 1, §3.3); the run-wide default gives soc_ref a
        // distribution (U 20 %: truncated normal, §6.2 item 1) with the default's provenance.
        carbon::SoilPlot p =
          plot(carbon::SoilLandUse::Paddy, carbon::SoilInput::Medium, carbon::SoilInput::Medium, 0);
        p.before.landUse = carbon::SoilLandUse::Native;
        p.changeYear = 2000;
        const carbon::SoilSettings settings = soilSettings({ 2000, 2030 });
        const SoilUnit u = soilUnitOf(tables, settings, p, 2);
        QVERIFY(u.weightHa.count(SoilState{ QStringLiteral("z|lac") }));
        UncertaintyDefaults defaults;
        defaults.uPct = 20;
        defaults.provenance = QStringLiteral("default 20 %");
        const SoilUncertaintyModel model = buildSoilUncertainty(tables, { u }, defaults);
        const UncertainValue& ref = model.socRef.at(QStringLiteral("z|lac"));
        QCOMPARE(ref.origin, UncertainValue::Origin::RunDefault);
        QCOMPARE(ref.dist.kind, Distribution::Kind::TruncatedNormal);
        QVERIFY(std::fabs(ref.dist.sd - 0.2 * 50 / 1.96) < 1e-12);
        QVERIFY(model.socRefFixedIds.empty());
        // The paddy factor keeps its table uniform, F_I medium its declared "fixed"; F_MG full tillage is
        // the reference level, 1 by definition: exact despite the default (a definitional constant).
        QCOMPARE(model.factors.at(QStringLiteral("z|lu|paddy_rice")).origin, UncertainValue::Origin::Table);
        QCOMPARE(model.factors.at(QStringLiteral("z|mg|full_tillage")).origin,
                 UncertainValue::Origin::Constant);
        QVERIFY(model.factors.at(QStringLiteral("z|mg|full_tillage")).dist.isFixed());
        QCOMPARE(model.factors.at(QStringLiteral("z|i|medium")).origin, UncertainValue::Origin::Table);
        QVERIFY(model.factors.at(QStringLiteral("z|i|medium")).dist.isFixed());
        QVERIFY(model.factorFixedIds.empty());
        MonteCarloOptions options;
        options.iterations = 2000;
        const PeriodSamples s = sampleSoilUnits(model, { u }, options).front();
        // 2000: native, 2 ha × SOC_REF; 2030 (f = 1): 2 × SOC_REF × 1.1 × F_MG × F_I.
        QCOMPARE(s.stocks.at(2000).central, 100.0);
        QVERIFY(std::fabs(s.stocks.at(2000).u95 - 0.2) < 1e-12);
        QVERIFY(std::fabs(s.stocks.at(2030).central - 110) < 1e-9);
        const double uPaddy = 1.96 * (0.2 / std::sqrt(12.0)) / 1.1;
        const double uProduct[] = { 0.2, uPaddy, 0.0, 0.0 };
        QVERIFY(std::fabs(s.stocks.at(2030).u95 - approach1Product(uProduct)) < 1e-12);
        // The SOC_REF draw is shared by both dates: the change ratio to the 2000 stock is the factor
        // product alone, so iterations with a high SOC_REF have high stocks on both dates.
        double corr = 0, m1 = 0, m2 = 0;
        const auto& a = s.stocks.at(2000).samples;
        const auto& b = s.stocks.at(2030).samples;
        for (std::size_t i = 0; i < a.size(); ++i) {
            m1 += a[i] / double(a.size());
            m2 += b[i] / double(b.size());
        }
        double v1 = 0, v2 = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            corr += (a[i] - m1) * (b[i] - m2);
            v1 += (a[i] - m1) * (a[i] - m1);
            v2 += (b[i] - m2) * (b[i] - m2);
        }
        QVERIFY(corr / std::sqrt(v1 * v2) > 0.5);
    }

    void gainLossTriangularGrowth() {
        QTemporaryDir dir;
        const QString growthPath = dir.filePath("growth.csv");
        writeFile(growthPath,
                  "forest_type,g_w,r,cf,g_w_dist,g_w_min,g_w_max\n"
                  "t,2,0,0.5,triangular,1,3\n");
        const QString poolsPath = dir.filePath("pools.csv");
        writeFile(poolsPath, "lucode,c_above,c_below,c_soil,c_dead\n11,100,20,40,0\n");
        const params::ParameterTable growthTable = load(carbon::growthRatesSpec(), growthPath);
        const params::ParameterTable poolsTable = load(carbon::carbonPoolsSpec(), poolsPath);
        const GainLossUncertaintyModel model =
          buildGainLossUncertainty(growthTable, poolsTable, { QStringLiteral("t") }, { 11 }, {});
        QVERIFY(model.issues.empty());
        QCOMPARE(model.types.at(QStringLiteral("t"))[0].dist.kind, Distribution::Kind::Triangular);
        // R = 0 needs no uncertainty; CF has none and is listed for the warning, as are both pools.
        QCOMPARE(model.growthFixedIds, std::vector<std::string>{ "t/cf" });
        QCOMPARE(model.poolFixedIds, (std::vector<std::string>{ "11/c_above", "11/c_below" }));
        // The losses use the pools table's parameters: same id (hence same draws) as the pool method.
        const carbon::PoolLookup pools(poolsTable);
        const PoolUncertaintyModel poolModel = buildPoolUncertainty(poolsTable, pools, {});
        QCOMPARE(model.lossPools.at(11)[0].id, poolModel.pools[0][0].id);
        QCOMPARE(model.lossPools.at(11)[1].id, poolModel.pools[0][1].id);

        // One interval 2015 → 2020 of a parcel: 10 ha remaining of type t, 1 ha of class 11 lost with fd 1.
        carbon::GainLossInterval iv;
        iv.year1 = 2015;
        iv.year2 = 2020;
        iv.remainingHaByType[QStringLiteral("t")] = 10;
        iv.lostHaByClass[11] = 1;
        const GainLossIntervalUnit interval = gainLossIntervalUnit(iv, 1.0);
        QCOMPARE(interval.growthHaYears.at(QStringLiteral("t")), 50.0);
        GainLossUnit unit;
        unit.intervals[{ 2015, 2020 }] = interval;
        MonteCarloOptions options;
        options.iterations = kN;
        options.seed = 3;
        const QuantitySamples q =
          sampleGainLossUnits(model, { unit }, options).front().changes.at({ 2015, 2020 });
        // change = 50 ha·yr × G_W × (1 + 0) × 0.5 − 1 ha × 120 = 25 G_W − 120, G_W ~ Tri(1, 2, 3):
        // quantiles 1 + √(2p) below the mode, 3 − √(2(1 − p)) above it.
        QCOMPARE(q.central, 25 * 2.0 - 120);
        QuantitySamples copy = q;
        const QuantityUncertainty u = summarizeSamples(copy);
        const double lo = 25 * (1 + std::sqrt(0.05)) - 120, hi = 25 * (3 - std::sqrt(0.05)) - 120;
        const double densityAtLo = std::sqrt(0.05) / 25; // f(x) = (x − 1) per unit G_W, over 25
        QVERIFY2(std::fabs(u.mc.p2_5 - lo) < 5 * seQuantile(0.025, densityAtLo),
                 qPrintable(QStringLiteral("%1 vs %2").arg(u.mc.p2_5).arg(lo)));
        QVERIFY(std::fabs(u.mc.p97_5 - hi) < 5 * seQuantile(0.975, densityAtLo));
        QVERIFY(std::fabs(u.mc.p50 - (50 - 120)) < 5 * seQuantile(0.5, 1.0 / 25));
        // Approach 1 (Eq. 3.2 over 50 × G_W × 0.5 and the exact losses): U_GW = 1.96 × SD / 2 with the
        // triangular's SD = √((1 + 4 + 9 − 2 − 3 − 6) / 18).
        const double uGw = 1.96 * std::sqrt(3.0 / 18.0) / 2;
        QVERIFY(std::fabs(q.u95 - 50 * uGw / 70) < 1e-12);
    }

    void gainLossApproach1AndShippedTable() {
        // The shipped growth table: g_w's SD from g_w_sd (Table 4.9), R ±90 % (Table 4.4), CF
        // triangular 0.44–0.47–0.49 (§3.6); plantation g_w has none (Table 4.10) and stays exact.
        const params::LoadedTable growth = params::loadDefaultTable(carbon::growthRatesSpec());
        QVERIFY(!params::hasErrors(growth.issues));
        const params::ParameterTable pools;
        const GainLossUncertaintyModel model = buildGainLossUncertainty(
          growth.table,
          pools,
          { QStringLiteral("natural_secondary_young"), QStringLiteral("plantation") },
          {},
          {});
        QVERIFY(model.issues.empty());
        const auto& young = model.types.at(QStringLiteral("natural_secondary_young"));
        // U = 1.96 × 0.8 / 2.5 = 62.7 % > 50 %: lognormal with the table's mean and SD (§6.2 item 1).
        QCOMPARE(young[0].dist.kind, Distribution::Kind::Lognormal);
        QCOMPARE(young[0].dist.sd, 0.8);
        QCOMPARE(young[1].dist.kind, Distribution::Kind::Lognormal);
        QVERIFY(std::fabs(young[1].dist.sd - 0.9 * 0.23 / 1.96) < 1e-12);
        QCOMPARE(young[2].dist.kind, Distribution::Kind::Triangular);
        QCOMPARE(young[2].dist.min, 0.44);
        QCOMPARE(young[2].dist.max, 0.49);
        QCOMPARE(young[0].origin, UncertainValue::Origin::Table);
        const auto& plantation = model.types.at(QStringLiteral("plantation"));
        QVERIFY(plantation[0].dist.isFixed());
        QCOMPARE(model.growthFixedIds, std::vector<std::string>{ "plantation/g_w" });
        // Approach 1 of a growth term: Eq. 3.1 over U_GW, U_(1+R) = U_R × R / (1 + R) and U_CF.
        GainLossUnit unit;
        unit.intervals[{ 2015, 2024 }].growthHaYears[QStringLiteral("natural_secondary_young")] = 9;
        MonteCarloOptions options;
        options.iterations = 10;
        const QuantitySamples q =
          sampleGainLossUnits(model, { unit }, options).front().changes.at({ 2015, 2024 });
        const double uCf = 1.96 * young[2].dist.stddev() / 0.47;
        const double expected =
          std::sqrt(std::pow(1.96 * 0.8 / 2.5, 2) + std::pow(0.9 * 0.23 / 1.23, 2) + std::pow(uCf, 2));
        QVERIFY2(std::fabs(q.u95 - expected) < 1e-12, qPrintable(QString::number(q.u95)));
        QVERIFY(std::fabs(q.central - 9 * carbon::growthCarbonPerHaYr(2.5, 0.23, 0.47)) < 1e-12);
    }

    void gainLossMonteCarloMatchesApproach1() {
        // §10.8's statistical check for the growth chain G_W × (1 + R) × CF: with small normal U the
        // Monte Carlo 95 % half-width / mean is within ±5 % (relative) of Approach 1 (Eq. 3.1 with
        // U_(1+R)), over 100k draws, for three seeds.
        QTemporaryDir dir;
        const QString growthPath = dir.filePath("growth.csv");
        writeFile(growthPath,
                  "forest_type,g_w,r,cf,g_w_u_pct,r_u_pct,cf_u_pct\n"
                  "t,5,0.25,0.47,10,20,5\n");
        const GainLossUncertaintyModel model =
          buildGainLossUncertainty(load(carbon::growthRatesSpec(), growthPath),
                                   params::ParameterTable(),
                                   { QStringLiteral("t") },
                                   {},
                                   {});
        QVERIFY(model.issues.empty());
        GainLossUnit unit;
        unit.intervals[{ 2015, 2024 }].growthHaYears[QStringLiteral("t")] = 90;
        const double a1 = std::sqrt(0.1 * 0.1 + std::pow(0.2 * 0.25 / 1.25, 2) + 0.05 * 0.05);
        for (std::uint64_t seed : { 1u, 2u, 3u }) {
            MonteCarloOptions options;
            options.iterations = 100000;
            options.seed = seed;
            QuantitySamples q =
              sampleGainLossUnits(model, { unit }, options).front().changes.at({ 2015, 2024 });
            QVERIFY(std::fabs(q.u95 - a1) < 1e-12);
            const QuantityUncertainty u = summarizeSamples(q);
            const double half = (u.mc.p97_5 - u.mc.p2_5) / 2 / u.mc.mean;
            QVERIFY2(std::fabs(half / a1 - 1) < 0.05,
                     qPrintable(QStringLiteral("%1 vs %2").arg(half).arg(a1)));
        }
    }

    void deterministicAcrossThreads() {
        QTemporaryDir dir;
        const carbon::SoilTables tables = soilTables(dir);
        const carbon::SoilSettings settings = soilSettings({ 2015, 2018, 2021, 2024 });
        std::vector<SoilUnit> soil;
        for (int k = 0; k < 41; ++k)
            soil.push_back(
              soilUnitOf(tables,
                         settings,
                         plot(k % 2 ? carbon::SoilLandUse::Paddy : carbon::SoilLandUse::LongTermCultivated,
                              carbon::SoilInput::Low,
                              k % 3 ? carbon::SoilInput::Medium : carbon::SoilInput::Low,
                              2005 + k % 17),
                         1.0 + k));
        UncertaintyDefaults defaults;
        defaults.uPct = 30;
        const SoilUncertaintyModel soilModel = buildSoilUncertainty(tables, soil, defaults);
        const QString growthPath = dir.filePath("growth.csv");
        writeFile(growthPath, "forest_type,g_w,r,cf,u_pct\na,2,0.2,0.47,40\nb,8,0.23,0.47,\n");
        const QString poolsPath = dir.filePath("pools.csv");
        writeFile(poolsPath, "lucode,c_above,c_below,c_soil,c_dead\n11,100,20,40,0\n12,50,10,40,0\n");
        const GainLossUncertaintyModel glModel =
          buildGainLossUncertainty(load(carbon::growthRatesSpec(), growthPath),
                                   load(carbon::carbonPoolsSpec(), poolsPath),
                                   { QStringLiteral("a"), QStringLiteral("b") },
                                   { 11, 12 },
                                   defaults);
        std::vector<GainLossUnit> gl(37);
        for (std::size_t k = 0; k < gl.size(); ++k) {
            GainLossIntervalUnit& i = gl[k].intervals[{ 2015, 2024 }];
            i.growthHaYears[k % 2 ? QStringLiteral("a") : QStringLiteral("b")] = 9.0 * double(k + 1);
            i.lossHa[k % 3 ? 11 : 12] = 0.5 * double(k);
        }
        MonteCarloOptions options;
        options.iterations = 1000;
        options.seed = 99;
        options.threads = 1;
        const auto soil1 = sampleSoilUnits(soilModel, soil, options);
        const auto gl1 = sampleGainLossUnits(glModel, gl, options);
        options.threads = 2;
        QVERIFY(same(soil1, sampleSoilUnits(soilModel, soil, options)));
        QVERIFY(same(gl1, sampleGainLossUnits(glModel, gl, options)));
        options.threads = 0;
        QVERIFY(same(soil1, sampleSoilUnits(soilModel, soil, options)));
        // A unit's samples do not depend on which other units are sampled with it.
        QVERIFY(same({ soil1[17] }, sampleSoilUnits(soilModel, { soil[17] }, options)));
        // Another seed: other draws.
        options.seed = 100;
        QVERIFY(!same(gl1, sampleGainLossUnits(glModel, gl, options)));
    }

    void totalsFromPerIterationSums() {
        using namespace tanhui::models::carbon;
        QTemporaryDir dir;
        const SoilTables tables = soilTables(dir);
        const SoilSettings settings = soilSettings({ 2015, 2024 });
        // Parcel 0: long-term cultivated (F_LU uniform 0.4–0.6); parcel 1: paddy (its own uniform): two
        // independent parameters. Parcel 2: a gain-loss parcel (its own growth parameter) in the same
        // district as parcel 1; parcel 3: a method without Monte Carlo in another district.
        const std::vector<SoilUnit> soilUnits = {
            soilUnitOf(
              tables, settings, plot(SoilLandUse::LongTermCultivated, SoilInput::Low, SoilInput::Low, 0), 10),
            soilUnitOf(tables, settings, plot(SoilLandUse::Paddy, SoilInput::Low, SoilInput::Low, 0), 10)
        };
        UncertaintySettings us;
        us.iterations = 4000;
        us.seed = 5;
        const auto soilSampler =
          makeSoilSampler(buildSoilUncertainty(tables, soilUnits, {}), { soilUnits }, us, 1);
        const QString growthPath = dir.filePath("growth.csv");
        writeFile(growthPath, "forest_type,g_w,r,cf,g_w_u_pct\nt,4,0,0.5,40\n");
        GainLossUnit glUnit;
        glUnit.intervals[{ 2015, 2024 }].growthHaYears[QStringLiteral("t")] = 45; // 5 ha × 9 yr
        const auto glSampler = makeGainLossSampler(
          buildGainLossUncertainty(
            load(growthRatesSpec(), growthPath), params::ParameterTable(), { QStringLiteral("t") }, {}, {}),
          { { glUnit } },
          us,
          1);
        std::vector<ParcelResult> rs(4);
        const char* methods[] = { "soil", "soil", "gainloss", "bluecarbon" };
        const char* groups[] = { "A", "B", "B", "C" };
        for (std::size_t k = 0; k < rs.size(); ++k) {
            rs[k].id = QString::number(k);
            rs[k].method = QString::fromLatin1(methods[k]);
            rs[k].group = QString::fromLatin1(groups[k]);
            rs[k].ecosystemType = k < 2 ? QStringLiteral("cropland") : QStringLiteral("forest");
        }
        const double central[] = { 10 * 50 * 0.5 * 0.92, 10 * 50 * 1.1 * 0.92 };
        for (std::size_t k = 0; k < 2; ++k) {
            for (int y : { 2015, 2024 })
                rs[k].stocks.push_back(
                  { y, { { QStringLiteral("c_soil"), central[k] } }, central[k], 10, {} });
            rs[k].changes.push_back({ 2015, 2024, 0.0, ChangeBasis::Flux, {} });
        }
        rs[2].changes.push_back({ 2015, 2024, 45 * 4 * 0.5, ChangeBasis::Flux, {} });
        rs[3].stocks.push_back({ 2015, { { QStringLiteral("c_soil"), 7 } }, 7, 1, {} });
        rs[3].changes.push_back({ 2015, 2024, 3.0, ChangeBasis::Flux, {} });
        std::vector<SampledResult> sampling(rs.size());
        sampling[0] = { soilSampler.get(), { 0, 0 }, nullptr, {} };
        sampling[1] = { soilSampler.get(), { 0, 1 }, nullptr, {} };
        sampling[2] = { glSampler.get(), { 0, 0 }, nullptr, {} };

        // Each parcel's own bounds, as the adapters fill them.
        std::vector<Bounds> parcelStock(2);
        for (std::size_t k = 0; k < 2; ++k) {
            SampledTotals t = soilSampler->sum({ { sampling[k].ref } }).front();
            parcelStock[k] = boundsOf(summarizeSamples(t.stocks.at(2015)));
        }
        const std::vector<ResultTotals> byGroup = boundedTotals(rs, sampling, TotalsKey::Group);
        QCOMPARE(byGroup.size(), std::size_t(3));
        const ResultTotals& b = byGroup[1];
        QCOMPARE(b.key, QStringLiteral("B"));
        QVERIFY2(b.boundsNote.isEmpty(), qPrintable(b.boundsNote));
        QVERIFY(b.stocks.front().bounds);
        // B's change mixes soil (0 exactly) and gain-loss: the gain-loss parcel's own bounds.
        SampledTotals gl = glSampler->sum({ { sampling[2].ref } }).front();
        const Bounds glBounds = boundsOf(summarizeSamples(gl.changes.at({ 2015, 2024 })));
        QVERIFY(std::fabs(b.changes.front().bounds->p2_5 - glBounds.p2_5) < 1e-9);
        QVERIFY(std::fabs(b.changes.front().bounds->p97_5 - glBounds.p97_5) < 1e-9);
        QVERIFY(byGroup[2].boundsNote.contains(QStringLiteral("bluecarbon")));
        QVERIFY(!byGroup[2].stocks.front().bounds);

        // By ecosystem type, cropland = parcels 0 and 1: percentiles of the per-iteration sums, which
        // are not the sums of the parcels' percentiles (independent factors partly cancel).
        const std::vector<ResultTotals> byType = boundedTotals(rs, sampling, TotalsKey::EcosystemType);
        QCOMPARE(byType[0].key, QStringLiteral("cropland"));
        QVERIFY(byType[0].boundsNote.isEmpty());
        const Bounds& total = *byType[0].stocks.front().bounds;
        SampledTotals a0 = soilSampler->sum({ { sampling[0].ref } }).front();
        SampledTotals a1 = soilSampler->sum({ { sampling[1].ref } }).front();
        std::vector<double> sum(a0.stocks.at(2015).samples.size());
        for (std::size_t i = 0; i < sum.size(); ++i)
            sum[i] = a0.stocks.at(2015).samples[i] + a1.stocks.at(2015).samples[i];
        const Interval expected = summarize(sum);
        QVERIFY(std::fabs(total.p2_5 - expected.p2_5) < 1e-9);
        QVERIFY(std::fabs(total.p50 - expected.p50) < 1e-9);
        QVERIFY(std::fabs(total.p97_5 - expected.p97_5) < 1e-9);
        const double sumP2_5 = parcelStock[0].p2_5 + parcelStock[1].p2_5;
        const double sumP97_5 = parcelStock[0].p97_5 + parcelStock[1].p97_5;
        QVERIFY2(total.p2_5 > sumP2_5 + 1,
                 qPrintable(QStringLiteral("%1 vs %2").arg(total.p2_5).arg(sumP2_5)));
        QVERIFY(total.p97_5 < sumP97_5 - 1);
        // Approach 1 of the total: Eq. 3.2 over the two parcels' stocks (U of each F_LU).
        const double x[] = { central[0], central[1] };
        const double u[] = { 1.96 * (0.2 / std::sqrt(12.0)) / 0.5, 1.96 * (0.2 / std::sqrt(12.0)) / 1.1 };
        QVERIFY(std::fabs(total.u95Pct - 100 * approach1Sum(x, u)) < 1e-9);
        // The grand total counts the parcel without Monte Carlo: no stock bounds, and the note names it.
        const ResultTotals all = boundedTotals(rs, sampling, std::nullopt).front();
        QVERIFY(!all.stocks.front().bounds);
        QVERIFY(all.boundsNote.contains(QStringLiteral("bluecarbon")));
        QVERIFY(!all.boundsNote.contains(QStringLiteral("soil")));
        QVERIFY(!all.boundsNote.contains(QStringLiteral("gainloss")));
        // The parameters listed: soc_ref, the factors used, and the growth row.
        QCOMPARE(soilSampler->parameters().size(), std::size_t(1 + 4));
        QCOMPARE(glSampler->parameters().size(), std::size_t(3));
    }
};

QTEST_GUILESS_MAIN(TestUncertaintySoilGainLoss)
#include "tst_uncertainty_soil_gainloss.moc"
