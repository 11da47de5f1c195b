// SPDX-License-Identifier: GPL-3.0-or-later
// Monte Carlo and Approach 1 for the blue-carbon method (carbon-methods.md §2, §4, §6.2): percentiles
// known analytically (one uncertain value, a monotone model: the output's percentile is the model at
// the value's percentile), thread-count invariance, group totals as per-iteration sums (also mixed
// with pool-method parcels through boundedTotals), Approach 1 against hand propagation (Eq. 3.1,
// Eq. 3.2, U_(1+R)), and the uncertainty columns of the blue-carbon tables.
#include "TestUtil.h"
#include "models/carbon/BlueCarbon.h"
#include "models/carbon/BlueCarbonUncertainty.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/ProjectUncertainty.h"
#include "models/uncertainty/BlueCarbonMonteCarlo.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tanhui::models;
using namespace tanhui::models::uncertainty;
using carbon::CbcTransition;

namespace {

void writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(text);
}

/// A CBC biophysical table: class 1 mangrove (the upstream test values, §10.3) with `extra` columns
/// appended to its row, class 2 parking lot (zeros).
params::LoadedTable cbcTable(const QTemporaryDir& dir,
                             const QByteArray& extraHeader,
                             const QByteArray& extra) {
    const QString path = dir.filePath(QStringLiteral("cbc.csv"));
    const QByteArray header =
      "lucode,lulc-class,biomass-initial,soil-initial,litter-initial,biomass-half-life,"
      "biomass-low-impact-disturb,biomass-med-impact-disturb,biomass-high-impact-disturb,"
      "biomass-yearly-accumulation,soil-half-life,soil-low-impact-disturb,soil-med-impact-disturb,"
      "soil-high-impact-disturb,soil-yearly-accumulation,litter-yearly-accumulation";
    QByteArray empties;
    for (int i = 0; i < extraHeader.count(',') + 1 && !extraHeader.isEmpty(); ++i)
        empties += ",";
    writeFile(path,
              header + (extraHeader.isEmpty() ? "" : "," + extraHeader) + "\n" +
                "1,mangrove,64,313,3,15,0.5,0.5,1.0,2,7.5,0.3,0.5,0.66,5.35,1" +
                (extra.isEmpty() ? "" : "," + extra) + "\n" + "2,parking lot,0,0,0,0,0,0,0,0,0,0,0,0,0,0" +
                empties + "\n");
    return params::loadTable(carbon::cbcBiophysicalSpec(), path, params::Provenance::UserSupplied);
}

carbon::CbcTransitions transitions() {
    carbon::CbcTransitions t;
    t.cells[{ 1, 1 }] = CbcTransition::Accum;
    t.cells[{ 1, 2 }] = CbcTransition::HighDisturb;
    t.cells[{ 2, 1 }] = CbcTransition::Accum;
    t.cells[{ 2, 2 }] = CbcTransition::Ncc;
    return t;
}

carbon::CbcModelOptions snapshots() {
    carbon::CbcModelOptions o;
    o.snapshotYears = { 2000, 2010, 2020 };
    return o;
}

/// One history's series with class 1's column `column` set to `value`.
carbon::CbcCellSeries seriesWith(const carbon::CbcParameters& classes,
                                 int column,
                                 double value,
                                 const std::vector<std::int64_t>& history) {
    carbon::CbcParameters c = classes;
    carbon::CbcClass m = *c.find(1);
    switch (column) {
        case 11:
            m.accumulation[0] = value;
            break;
        case 10:
            m.disturb[1][2] = value;
            break;
        default:
            qFatal("column not handled");
    }
    c.put(m);
    const carbon::CbcTransitions t = transitions();
    const carbon::CbcModel model(c, t, snapshots());
    carbon::CbcCellSeries s;
    model.runCell(history.data(), s);
    return s;
}

MonteCarloOptions mcOptions(int iterations, int threads, std::uint64_t seed = 7) {
    MonteCarloOptions o;
    o.iterations = iterations;
    o.threads = threads;
    o.seed = seed;
    return o;
}

params::LoadedTable wsTable(const QTemporaryDir& dir,
                            const QByteArray& extraHeader,
                            const QByteArray& extra) {
    const QString path = dir.filePath(QStringLiteral("ws.csv"));
    writeFile(path,
              "climate,agb,g_w,r,cf,soc,ef_re" + (extraHeader.isEmpty() ? QByteArray() : "," + extraHeader) +
                "\nsubtrop,75,18.1,0.96,0.451,386,-1.62" + (extra.isEmpty() ? QByteArray() : "," + extra) +
                "\n");
    return params::loadTable(carbon::mangroveWsSpec(), path, params::Provenance::UserSupplied);
}

MangroveWsUncertainty wsModel(const params::LoadedTable& t) {
    const auto central = carbon::mangroveWsParams(t.table, QStringLiteral("subtrop"));
    if (!central)
        qFatal("no subtrop row");
    return buildMangroveWsUncertainty(t.table, *central, {});
}

bool sameSamples(const UnitSamples& a, const UnitSamples& b) {
    auto eq = [](const QuantitySamples& x, const QuantitySamples& y) {
        return x.samples == y.samples && x.central == y.central &&
               (x.u95 == y.u95 || (std::isnan(x.u95) && std::isnan(y.u95)));
    };
    if (a.stocks.size() != b.stocks.size() || a.changes.size() != b.changes.size())
        return false;
    for (std::size_t i = 0; i < a.stocks.size(); ++i)
        if (!eq(a.stocks[i], b.stocks[i]))
            return false;
    for (std::size_t i = 0; i < a.changes.size(); ++i)
        if (!eq(a.changes[i], b.changes[i]))
            return false;
    return true;
}

} // namespace

class TestUncertaintyBlueCarbon : public QObject {
    Q_OBJECT

private slots:
    void tableColumns() {
        // The blue-carbon tables take the optional uncertainty columns of docs/uncertainty.md; a bad one
        // is reported with file, row and column.
        QTemporaryDir dir;
        const params::LoadedTable ok =
          cbcTable(dir,
                   "biomass-yearly-accumulation_dist,biomass-yearly-accumulation_min,"
                   "biomass-yearly-accumulation_max,u_source",
                   "uniform,1,3,test");
        QVERIFY2(!params::hasErrors(ok.issues),
                 qPrintable(ok.issues.empty() ? QString() : ok.issues[0].toString()));
        const CbcUncertaintyModel m = buildCbcUncertainty(ok.table, { 2, 1 }, {});
        QVERIFY(m.issues.empty());
        QCOMPARE(m.codes, (std::vector<std::int64_t>{ 1, 2 }));
        const UncertainValue& acc = m.values[0][11];
        QCOMPARE(QString::fromLatin1(cbcUncertainColumn(11)), QStringLiteral("biomass-yearly-accumulation"));
        QCOMPARE(acc.id, std::string("cbc_biophysical/1/biomass-yearly-accumulation"));
        QVERIFY(acc.dist.kind == Distribution::Kind::Uniform);
        QCOMPARE(acc.dist.min, 1.0);
        QCOMPARE(acc.dist.max, 3.0);
        // Class 1's other non-zero values are exact and listed; class 2 (all zero) is not.
        QCOMPARE(m.fixedIds.size(), std::size_t(13));
        // The run-wide default applies to every value without columns.
        UncertaintyDefaults d;
        d.uPct = 20;
        const CbcUncertaintyModel withDefault = buildCbcUncertainty(ok.table, { 1 }, d);
        QVERIFY(withDefault.fixedIds.empty());
        QVERIFY(withDefault.values[0][0].origin == UncertainValue::Origin::RunDefault);
        QVERIFY(std::fabs(withDefault.values[0][0].dist.u95() - 0.20) < 1e-12);

        const params::LoadedTable bad = cbcTable(dir, "soil-initial_dist", "gaussian");
        const CbcUncertaintyModel mb = buildCbcUncertainty(bad.table, { 1 }, {});
        QCOMPARE(mb.issues.size(), std::size_t(1));
        QCOMPARE(mb.issues[0].column, QStringLiteral("soil-initial_dist"));
        QVERIFY(mb.issues[0].file.endsWith(QStringLiteral("cbc.csv")));

        const params::LoadedTable ws = wsTable(dir, "g_w_sd", "1.81");
        QVERIFY(!params::hasErrors(ws.issues));
        const MangroveWsUncertainty wm = wsModel(ws);
        QCOMPARE(wm.values[1].id, std::string("mangrove_ws/subtrop/g_w"));
        QVERIFY(wm.values[1].dist.kind == Distribution::Kind::TruncatedNormal); // SD only: truncated at 0
        QCOMPARE(wm.fixedIds.size(), std::size_t(5));
    }

    void cbcAccumulationPercentiles() {
        // Only biomass accumulation is uncertain, uniform(1, 3) around 2 t C/ha/yr. A cell that stays
        // mangrove (history 1,1,1) accumulates: its stock is increasing and linear in the rate, so its
        // percentile p is the engine run at the rate's percentile 1 + 2p. Tolerance: with N = 20,000 the
        // standard error of a sample percentile of a uniform is sqrt(p(1 − p)/N) × width ≤ 0.0071 t C/ha/yr
        // (median); 0.04 is > 5 standard errors, times the stock's slope d stock / d rate = 20 years.
        QTemporaryDir dir;
        const params::LoadedTable t =
          cbcTable(dir,
                   "biomass-yearly-accumulation_dist,biomass-yearly-accumulation_min,"
                   "biomass-yearly-accumulation_max",
                   "uniform,1,3");
        const carbon::CbcParameters classes(t.table);
        const CbcUncertaintyModel m = buildCbcUncertainty(t.table, { 1, 2 }, {});
        const std::vector<std::vector<std::int64_t>> histories = { { 1, 1, 1 }, { 1, 2, 2 } };
        const CbcHistorySamples hs =
          sampleCbcHistories(m, classes, transitions(), snapshots(), histories, mcOptions(20000, 2));
        QCOMPARE(hs.reportYears, (std::vector<int>{ 2000, 2010, 2020 }));
        const std::vector<UnitSamples> u = sampleCbcUnits(hs, { { { 0, 1.0 } } });
        std::vector<double> s = u[0].stocks[2].samples;
        const Interval iv = summarize(s);
        const double slope = 20.0;
        const double expect[] = { seriesWith(classes, 11, 1.05, histories[0]).total(2),
                                  seriesWith(classes, 11, 2.0, histories[0]).total(2),
                                  seriesWith(classes, 11, 2.95, histories[0]).total(2) };
        QVERIFY2(std::fabs(iv.p2_5 - expect[0]) < 0.04 * slope, qPrintable(QString::number(iv.p2_5)));
        QVERIFY2(std::fabs(iv.p50 - expect[1]) < 0.04 * slope, qPrintable(QString::number(iv.p50)));
        QVERIFY2(std::fabs(iv.p97_5 - expect[2]) < 0.04 * slope, qPrintable(QString::number(iv.p97_5)));
        // The central value is the engine with the table values, and Approach 1 is not applicable.
        QCOMPARE(u[0].stocks[2].central, seriesWith(classes, 11, 2.0, histories[0]).total(2));
        QVERIFY(std::isnan(u[0].stocks[2].u95));
        // The 2000 stock (initial stocks exact) has no spread.
        std::vector<double> s0 = u[0].stocks[0].samples;
        const Interval iv0 = summarize(s0);
        QCOMPARE(iv0.p2_5, iv0.p97_5);
        // Units are linear in the history areas: 2 ha of history 0 plus 3 ha of history 1, per iteration.
        const std::vector<UnitSamples> mix = sampleCbcUnits(hs, { { { 0, 2.0 }, { 1, 3.0 } } });
        const std::vector<UnitSamples> each = sampleCbcUnits(hs, { { { 0, 1.0 } }, { { 1, 1.0 } } });
        for (int i = 0; i < 20000; i += 997)
            QVERIFY(std::fabs(mix[0].stocks[2].samples[std::size_t(i)] -
                              (2 * each[0].stocks[2].samples[std::size_t(i)] +
                               3 * each[1].stocks[2].samples[std::size_t(i)])) < 1e-9);
    }

    void cbcDisturbancePercentiles() {
        // Only the soil share disturbed by a high-impact disturbance is uncertain, uniform(0.5, 0.8)
        // around 0.66. A cell that turns mangrove → parking lot in 2010 emits that share of its soil
        // stock with a half-life of 7.5 years: net sequestration of 2010–2020 is decreasing and linear
        // in the share, so its 2.5th percentile is the engine at the share's 97.5th percentile
        // 0.5 + 0.975 × 0.3. Tolerance 0.012 of the share (> 5 standard errors, see above) times the
        // derivative, taken from the engine.
        QTemporaryDir dir;
        const params::LoadedTable t =
          cbcTable(dir,
                   "soil-high-impact-disturb_dist,soil-high-impact-disturb_min,soil-high-impact-disturb_max",
                   "uniform,0.5,0.8");
        const carbon::CbcParameters classes(t.table);
        const CbcUncertaintyModel m = buildCbcUncertainty(t.table, { 1, 2 }, {});
        const std::vector<std::int64_t> h = { 1, 2, 2 };
        const CbcHistorySamples hs =
          sampleCbcHistories(m, classes, transitions(), snapshots(), { h }, mcOptions(20000, 2));
        const std::vector<UnitSamples> u = sampleCbcUnits(hs, { { { 0, 1.0 } } });
        std::vector<double> s = u[0].changes[1].samples;
        const Interval iv = summarize(s);
        auto f = [&](double share) { return seriesWith(classes, 10, share, h).netSequestration[1]; };
        const double slope = std::fabs(f(0.8) - f(0.5)) / 0.3;
        QVERIFY(slope > 1); // the share matters
        const double tol = 0.012 * slope;
        QVERIFY2(std::fabs(iv.p2_5 - f(0.5 + 0.975 * 0.3)) < tol, qPrintable(QString::number(iv.p2_5)));
        QVERIFY2(std::fabs(iv.p50 - f(0.65)) < tol, qPrintable(QString::number(iv.p50)));
        QVERIFY2(std::fabs(iv.p97_5 - f(0.5 + 0.025 * 0.3)) < tol, qPrintable(QString::number(iv.p97_5)));
    }

    void cbcCeilingFollowsInitial() {
        // A biomass ceiling equal to the initial biomass stock (the default mangrove row: both are the
        // Tier 1 stock, §4) takes the initial stock's draw: a cell at its ceiling stays there in every
        // iteration, so the change of a mangrove that stays mangrove is the exact soil and litter
        // accumulation, while its stocks vary with the drawn initial stock.
        QTemporaryDir dir;
        const params::LoadedTable t = cbcTable(dir, "biomass-ceiling,biomass-initial_u_pct", "64,30");
        QVERIFY2(!params::hasErrors(t.issues),
                 qPrintable(t.issues.empty() ? QString() : t.issues[0].toString()));
        const carbon::CbcParameters classes(t.table);
        QVERIFY(classes.find(1)->ceiling[0].has_value());
        const CbcUncertaintyModel m = buildCbcUncertainty(t.table, { 1, 2 }, {});
        const CbcHistorySamples hs =
          sampleCbcHistories(m, classes, transitions(), snapshots(), { { 1, 1, 1 } }, mcOptions(500, 2));
        const std::vector<UnitSamples> u = sampleCbcUnits(hs, { { { 0, 1.0 } } });
        const double central = u[0].stocks[2].central - u[0].stocks[0].central;
        QVERIFY(central > 0); // soil and litter accumulate
        double lo = 1e300, hi = -1e300;
        for (std::size_t i = 0; i < 500; ++i) {
            const double change = u[0].stocks[2].samples[i] - u[0].stocks[0].samples[i];
            QVERIFY2(std::fabs(change - central) < 1e-9, qPrintable(QString::number(change)));
            lo = std::min(lo, u[0].stocks[0].samples[i]);
            hi = std::max(hi, u[0].stocks[0].samples[i]);
        }
        QVERIFY(hi - lo > 10); // the initial stock is drawn
    }

    void cbcThreadInvariance() {
        // Each iteration is a pure function of (seed, value id, iteration): 1 and 2 threads give
        // bit-identical series; another seed gives other draws.
        QTemporaryDir dir;
        const params::LoadedTable t = cbcTable(dir, {}, {});
        const carbon::CbcParameters classes(t.table);
        UncertaintyDefaults d;
        d.uPct = 30;
        const CbcUncertaintyModel m = buildCbcUncertainty(t.table, { 1, 2 }, d);
        const std::vector<std::vector<std::int64_t>> histories = { { 1, 1, 1 }, { 1, 2, 2 }, { 2, 1, 2 } };
        const CbcHistorySamples a =
          sampleCbcHistories(m, classes, transitions(), snapshots(), histories, mcOptions(301, 1));
        const CbcHistorySamples b =
          sampleCbcHistories(m, classes, transitions(), snapshots(), histories, mcOptions(301, 2));
        QVERIFY(a.values == b.values);
        QVERIFY(a.central == b.central);
        const CbcHistorySamples c =
          sampleCbcHistories(m, classes, transitions(), snapshots(), histories, mcOptions(301, 2, 8));
        QVERIFY(a.values != c.values);
        QVERIFY(a.central == c.central);
    }

    void tier1PercentilesAndApproach1() {
        // Subtropical mangrove planted in 2020 on 2 ha, not planted/seeded (no soil removal), 2022: below
        // the biomass ceiling, stock = g_w × 2 yr × (1 + R) × CF × 2 ha. With g_w ~ normal(18.1, 1.81)
        // the stock is normal, percentiles mean ± 1.96 sd. Tolerance: the standard error of a sample
        // 2.5th percentile of a normal with N = 20,000 is 0.019 sd (median 0.009 sd); 0.1 sd is > 5.
        QTemporaryDir dir;
        const params::LoadedTable t = wsTable(dir, "g_w_sd", "1.81");
        const MangroveWsUncertainty m = wsModel(t);
        const double k = 2.0 * (1 + 0.96) * 0.451 * 2.0;
        const std::vector<UnitSamples> u =
          sampleRestorationUnits(m, { { { 2020, false, 2.0 } } }, { 2020, 2022 }, mcOptions(20000, 1));
        QCOMPARE(u[0].stocks[0].central, 0.0);
        QVERIFY(std::fabs(u[0].stocks[1].central - 18.1 * k) < 1e-9);
        std::vector<double> s = u[0].stocks[1].samples;
        const Interval iv = summarize(s);
        const double sd = 1.81 * k;
        QVERIFY(std::fabs(iv.p2_5 - (18.1 * k - 1.959964 * sd)) < 0.1 * sd);
        QVERIFY(std::fabs(iv.p50 - 18.1 * k) < 0.05 * sd);
        QVERIFY(std::fabs(iv.p97_5 - (18.1 * k + 1.959964 * sd)) < 0.1 * sd);
        // Approach 1 (Eq. 3.1 with one uncertain factor): U = 1.96 × 1.81 / 18.1.
        QVERIFY(std::fabs(u[0].stocks[1].u95 - 1.96 * 0.1) < 1e-12);
        // The change from a zero stock has the U of the later stock.
        QVERIFY(std::fabs(u[0].changes[0].u95 - 1.96 * 0.1) < 1e-12);

        // Approach 1 against hand propagation: g_w, R, CF uncertain, a plot below the ceiling
        // (U = sqrt(U_G² + U_(1+R)² + U_CF²), U_(1+R) = U_R × R / (1 + R), §6.2) and a plot at it (agb in
        // place of g_w), planted: soil removal −ef_re × n until the natural stock, summed by Eq. 3.2.
        const params::LoadedTable t2 =
          wsTable(dir, "agb_u_pct,g_w_u_pct,r_u_pct,cf_u_pct,ef_re_u_pct", "40,30,50,4,60");
        const MangroveWsUncertainty m2 = wsModel(t2);
        QVERIFY(m2.issues.empty());
        const std::vector<UnitSamples> u2 = sampleRestorationUnits(
          m2, { { { 2020, true, 1.0 } }, { { 2000, true, 1.0 } } }, { 2022 }, mcOptions(10, 1));
        const double uOneR = 0.5 * 0.96 / 1.96;
        const double uBio1 = std::sqrt(0.3 * 0.3 + uOneR * uOneR + 0.04 * 0.04);
        const double bio1 = 18.1 * 2 * 1.96 * 0.451, soil1 = 1.62 * 2;
        const double expect1 =
          std::sqrt(std::pow(uBio1 * bio1, 2) + std::pow(0.6 * soil1, 2)) / (bio1 + soil1);
        QVERIFY2(std::fabs(u2[0].stocks[0].u95 - expect1) < 1e-12,
                 qPrintable(QString::number(u2[0].stocks[0].u95)));
        const double uBio2 = std::sqrt(0.4 * 0.4 + uOneR * uOneR + 0.04 * 0.04);
        const double bio2 = 75 * 1.96 * 0.451, soil2 = 1.62 * 22;
        const double expect2 =
          std::sqrt(std::pow(uBio2 * bio2, 2) + std::pow(0.6 * soil2, 2)) / (bio2 + soil2);
        QVERIFY(std::fabs(u2[1].stocks[0].u95 - expect2) < 1e-12);
        QVERIFY(std::fabs(u2[1].stocks[0].central - (bio2 + soil2)) < 1e-9);

        // Thread count does not matter (the Tier 1 route runs on the calling thread anyway).
        const auto a =
          sampleRestorationUnits(m2, { { { 2015, true, 3.0 } } }, { 2015, 2018, 2024 }, mcOptions(500, 1));
        const auto b =
          sampleRestorationUnits(m2, { { { 2015, true, 3.0 } } }, { 2015, 2018, 2024 }, mcOptions(500, 2));
        QVERIFY(sameSamples(a[0], b[0]));
    }

    void samplerTotalsMixWithPools() {
        // Totals by group from per-iteration sums over a pool-method parcel, a CBC parcel and a Tier 1
        // plot in group A, and a Tier 1 plot in group B: the bounds are the percentiles of the summed
        // samples (never sums of percentiles), and a parcel of a method without Monte Carlo is named in
        // bounds_note.
        using namespace tanhui::models::carbon;
        QTemporaryDir dir;
        UncertaintySettings settings;
        settings.iterations = 2000;
        settings.seed = 11;
        UncertaintyDefaults d;
        d.uPct = 30;
        const params::LoadedTable cbc = cbcTable(dir, {}, {});
        const CbcParameters classes(cbc.table);
        const std::vector<int> years = { 2000, 2010, 2020 };
        BlueCarbonCbcEngine engine;
        engine.model = buildCbcUncertainty(cbc.table, { 1, 2 }, d);
        engine.samples = sampleCbcHistories(engine.model,
                                            classes,
                                            transitions(),
                                            snapshots(),
                                            { { 1, 1, 1 }, { 1, 2, 2 } },
                                            mcOptions(settings.iterations, 2, settings.seed));
        const params::LoadedTable ws = wsTable(dir, "u_pct", "25");
        std::map<QString, MangroveWsUncertainty> tier1;
        tier1.emplace(QStringLiteral("subtrop"), wsModel(ws));
        std::vector<std::vector<BlueCarbonSampleUnit>> units(1);
        BlueCarbonSampleUnit c;
        c.kind = BlueCarbonSampleUnit::Kind::Cbc;
        c.historyAreaHa = { { 0, 1.5 }, { 1, 0.5 } };
        BlueCarbonSampleUnit p1;
        p1.kind = BlueCarbonSampleUnit::Kind::Tier1;
        p1.climate = QStringLiteral("subtrop");
        p1.plot = { 2005, true, 2.0 };
        BlueCarbonSampleUnit p2 = p1;
        p2.plot = { 2012, false, 1.0 };
        units[0] = { c, p1, p2 };
        auto blue = makeBlueCarbonSampler({ engine }, tier1, years, units, settings, 2);

        // A pool parcel: 2 ha of class 1 at every date, pool densities with U = 30 %.
        const QString poolsPath = dir.filePath(QStringLiteral("pools.csv"));
        writeFile(poolsPath, "lucode,c_above,c_below,c_soil,c_dead\n1,50,10,40,2\n");
        const params::LoadedTable pt =
          params::loadTable(carbonPoolsSpec(), poolsPath, params::Provenance::UserSupplied);
        const PoolLookup pools(pt.table);
        PoolUncertaintyModel pm = buildPoolUncertainty(pt.table, pools, d);
        PoolUnitAreas area;
        area.dateClassHa = { { { 1, 2.0 } }, { { 1, 2.0 } }, { { 1, 2.0 } } };
        auto poolSampler = makePoolSampler(pm, years, {}, { { area } }, settings, 1);

        std::vector<ParcelResult> rs(5);
        std::vector<SampledResult> sampling(5);
        const char* methods[] = { "pools", "bluecarbon", "bluecarbon", "bluecarbon", "regression" };
        const char* groups[] = { "A", "A", "A", "B", "B" };
        for (int i = 0; i < 5; ++i) {
            rs[std::size_t(i)].method = QString::fromLatin1(methods[i]);
            rs[std::size_t(i)].group = QString::fromLatin1(groups[i]);
            rs[std::size_t(i)].id = QString::number(i);
            for (int y : years)
                rs[std::size_t(i)].stocks.push_back({ y, {}, 1.0, 1.0, std::nullopt });
        }
        sampling[0] = { poolSampler.get(), { 0, 0 }, nullptr, {} };
        sampling[1] = { blue.get(), { 0, 0 }, nullptr, {} };
        sampling[2] = { blue.get(), { 0, 1 }, nullptr, {} };
        sampling[3] = { blue.get(), { 0, 2 }, nullptr, {} };
        const std::vector<ResultTotals> byGroup = boundedTotals(rs, sampling, TotalsKey::Group);
        QCOMPARE(byGroup.size(), std::size_t(2));
        QVERIFY(byGroup[0].boundsNote.isEmpty());
        QVERIFY(byGroup[0].stocks[2].bounds);
        QVERIFY(byGroup[1].boundsNote.contains(QStringLiteral("regression")));
        QVERIFY(!byGroup[1].boundsNote.contains(QStringLiteral("bluecarbon")));
        QVERIFY(!byGroup[1].stocks[2].bounds);

        // Group A by hand: pool samples + CBC unit + the first plot, summed per iteration.
        const auto poolSamples =
          samplePoolUnits(pm, { area }, mcOptions(settings.iterations, 1, settings.seed));
        const auto cbcSamples = sampleCbcUnits(engine.samples, { c.historyAreaHa });
        const auto plotSamples = sampleRestorationUnits(tier1.at(QStringLiteral("subtrop")),
                                                        { { p1.plot } },
                                                        years,
                                                        mcOptions(settings.iterations, 1, settings.seed));
        std::vector<double> sum(std::size_t(settings.iterations));
        for (std::size_t i = 0; i < sum.size(); ++i)
            sum[i] = poolSamples[0].stocks[2].samples[i] + cbcSamples[0].stocks[2].samples[i] +
                     plotSamples[0].stocks[2].samples[i];
        std::vector<double> copy = sum;
        const Interval iv = summarize(copy);
        QVERIFY2(std::fabs(byGroup[0].stocks[2].bounds->p2_5 - iv.p2_5) < 1e-9 * std::fabs(iv.p2_5),
                 qPrintable(QStringLiteral("%1 vs %2").arg(byGroup[0].stocks[2].bounds->p2_5).arg(iv.p2_5)));
        QVERIFY(std::fabs(byGroup[0].stocks[2].bounds->p97_5 - iv.p97_5) < 1e-9 * std::fabs(iv.p97_5));
        // Percentiles do not add: the sum of the parts' 2.5th percentiles is lower than the total's.
        double partsLow = 0;
        for (const std::vector<double>* part : { &poolSamples[0].stocks[2].samples,
                                                 &cbcSamples[0].stocks[2].samples,
                                                 &plotSamples[0].stocks[2].samples }) {
            std::vector<double> p = *part;
            partsLow += summarize(p).p2_5;
        }
        QVERIFY(partsLow < iv.p2_5 - 1e-6 * std::fabs(iv.p2_5));

        // The sampler gives the first → last change as the per-iteration sum of the periods.
        const std::vector<SampledTotals> direct = blue->sum({ { { 0, 0 }, { 0, 1 } } });
        const auto& span = direct[0].changes.at({ 2000, 2020 });
        const auto& c1 = direct[0].changes.at({ 2000, 2010 });
        const auto& c2 = direct[0].changes.at({ 2010, 2020 });
        for (std::size_t i = 0; i < span.samples.size(); i += 101)
            QVERIFY(std::fabs(span.samples[i] - (c1.samples[i] + c2.samples[i])) <
                    1e-9 * (1 + std::fabs(span.samples[i])));
        // Both groups' totals are thread-count invariant (the blue-carbon sampler with 1 thread).
        auto blue1 = makeBlueCarbonSampler({ engine }, tier1, years, units, settings, 1);
        sampling[1].sampler = sampling[2].sampler = sampling[3].sampler = blue1.get();
        const std::vector<ResultTotals> again = boundedTotals(rs, sampling, TotalsKey::Group);
        QCOMPARE(again[0].stocks[2].bounds->p2_5, byGroup[0].stocks[2].bounds->p2_5);
        QCOMPARE(again[0].changes.size(), byGroup[0].changes.size());
    }

    void applyBoundsAddsSpan() {
        // A result gets bounds at every year and period and the first → last change with its bounds.
        using namespace tanhui::models::carbon;
        QTemporaryDir dir;
        const params::LoadedTable ws = wsTable(dir, "u_pct", "25");
        const MangroveWsUncertainty m = wsModel(ws);
        const std::vector<int> years = { 2015, 2018, 2024 };
        auto samples = sampleRestorationUnits(m, { { { 2016, true, 1.0 } } }, years, mcOptions(1000, 1));
        ParcelResult r;
        for (int y : years)
            r.stocks.push_back({ y, {}, 0.0, 1.0, std::nullopt });
        r.changes.push_back({ 2015, 2018, 1.0, ChangeBasis::Flux, std::nullopt });
        r.changes.push_back({ 2018, 2024, 2.0, ChangeBasis::Flux, std::nullopt });
        applyBlueCarbonBounds(r, blueCarbonTotals(samples[0], years), { 2015, 2024 });
        QCOMPARE(r.changes.size(), std::size_t(3));
        QCOMPARE(r.changes[2].changeT, 3.0);
        QVERIFY(r.changes[2].bounds);
        QVERIFY(r.stocks[2].bounds && r.stocks[2].bounds->p2_5 < r.stocks[2].bounds->p97_5);
        QVERIFY(r.changes[0].bounds);
        // Not when the run's span differs.
        ParcelResult r2 = r;
        r2.changes.pop_back();
        applyBlueCarbonBounds(r2, blueCarbonTotals(samples[0], years), { 2010, 2024 });
        QCOMPARE(r2.changes.size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestUncertaintyBlueCarbon)
#include "tst_uncertainty_bluecarbon.moc"
