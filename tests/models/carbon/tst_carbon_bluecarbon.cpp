// SPDX-License-Identifier: GPL-3.0-or-later
// Blue carbon (issue 4, method 4): the Coastal Blue Carbon engine against InVEST's test vector with the
// compatibility switch (carbon-methods.md §10.3), the User's Guide defaults against independent
// closed-form arithmetic, half-life 0, an overwritten disturbance, nodata at one date, the
// transitions-table checks (#671, #729, #1534), and the Wetlands Supplement Tier 1 mangrove vectors
// (§10.7).
#include "TestUtil.h"
#include "gis/Gdal.h"
#include "gis/ParcelReader.h"
#include "gis/RasterDataset.h"
#include "gis/VectorWriter.h"
#include "models/carbon/BlueCarbon.h"
#include "models/carbon/Valuation.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <gdal.h>
#include <ogr_srs_api.h>

#include <cmath>

using namespace tanhui::models;
using carbon::CbcTransition;

namespace {

bool nearRel(double a, double b, double rel) {
    return std::fabs(a - b) <= rel * std::max(std::fabs(a), std::fabs(b)) || std::fabs(a - b) < 1e-12;
}
#define CHECK_REL(a, b, rel)                                                                                 \
    QVERIFY2(nearRel((a), (b), (rel)),                                                                       \
             qPrintable(QStringLiteral("%1 vs %2").arg((a), 0, 'g', 12).arg((b), 0, 'g', 12)))

/// The upstream CBC test classes (§10.3): 1 = mangrove, 2 = parking lot (all zeros).
carbon::CbcParameters upstreamClasses() {
    carbon::CbcParameters classes;
    carbon::CbcClass m;
    m.code = 1;
    m.name = QStringLiteral("mangrove");
    m.initial = { 64, 313, 3 };
    m.halfLife = { 15, 7.5 };
    m.disturb = { { { 0.5, 0.5, 1.0 }, { 0.3, 0.5, 0.66 } } };
    m.accumulation = { 2, 5.35, 1 };
    m.tag = tanhui::models::params::Tag::Verified;
    classes.put(m);
    carbon::CbcClass p;
    p.code = 2;
    p.name = QStringLiteral("parking lot");
    p.tag = tanhui::models::params::Tag::Verified;
    classes.put(p);
    return classes;
}

carbon::CbcTransitions upstreamTransitions() {
    carbon::CbcTransitions t;
    t.cells[{ 1, 1 }] = CbcTransition::Accum;
    t.cells[{ 1, 2 }] = CbcTransition::HighDisturb;
    t.cells[{ 2, 1 }] = CbcTransition::Accum;
    t.cells[{ 2, 2 }] = CbcTransition::Ncc;
    return t;
}

carbon::CbcValuation priceTable(int from, int to, double price, double discountPct) {
    carbon::CbcValuation v;
    for (int y = from; y <= to; ++y)
        v.priceTable[y] = price;
    v.discountPct = discountPct;
    return v;
}

/// Byte raster of 2 m cells in EPSG:32731 (the upstream CBC fixture, §10.3), nodata 0.
void writeRaster(const QString& path, int cols, int rows, const std::vector<unsigned char>& v) {
    GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GTiff"), path.toUtf8().constData(), cols, rows, 1, GDT_Byte, nullptr);
    double gt[6] = { 443723.127327877911739, 2, 0, 4956546.905980412848294, 0, -2 };
    GDALSetGeoTransform(ds, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 32731);
    GDALSetSpatialRef(ds, srs);
    OSRDestroySpatialReference(srs);
    GDALSetRasterNoDataValue(GDALGetRasterBand(ds, 1), 0);
    if (GDALRasterIO(GDALGetRasterBand(ds, 1),
                     GF_Write,
                     0,
                     0,
                     cols,
                     rows,
                     const_cast<unsigned char*>(v.data()),
                     cols,
                     rows,
                     GDT_Byte,
                     0,
                     0) != CE_None)
        qFatal("write failed");
    GDALClose(ds);
}

/// Fraction of a disturbance of half-life h still unemitted after n years: 0.5^(n/h).
double left(double n, double h) {
    return std::pow(0.5, n / h);
}

} // namespace

class TestCarbonBlueCarbon : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { tanhui::gis::initializeGdal(); }

    void emissionUnitVector() {
        // §10.3: D = 5.5, last disturbance year 10, H = 7.5, current year 15 → 0.3058625 (rel 1e-6).
        CHECK_REL(carbon::cbcEmission(5.5, 10, 7.5, 15), 0.3058625, 1e-6);
        QCOMPARE(carbon::cbcEmission(5.5, 10, 0.0, 15), 0.0); // half-life 0 = no emissions
        QCOMPARE(carbon::cbcEmission(5.5, 10, 7.5, 9), 0.0);  // before the disturbance
        // The whole volume is emitted as t → ∞ (§2.3).
        double sum = 0;
        for (int t = 10; t < 2000; ++t)
            sum += carbon::cbcEmission(5.5, 10, 7.5, t);
        CHECK_REL(sum, 5.5, 1e-9);
    }

    void investCompatibleVector() {
        // §10.3 with the switch on: 2000 [1, 2], 2010 [2, 1], 2020 [1, 2], analysis 2030, price table 1.04,
        // discount 4 %.
        const carbon::CbcParameters classes = upstreamClasses();
        const carbon::CbcTransitions transitions = upstreamTransitions();
        carbon::CbcModelOptions o;
        o.snapshotYears = { 2000, 2010, 2020 };
        o.analysisYear = 2030;
        o.investCompatible = true;
        o.valuation = priceTable(2000, 2030, 1.04, 4.0);
        const carbon::CbcModel model(classes, transitions, o);
        QCOMPARE(model.reportYears(), (std::vector<int>{ 2000, 2010, 2020, 2030 }));

        const std::int64_t px0[] = { 1, 2, 1 }, px1[] = { 2, 1, 2 };
        carbon::CbcCellSeries a, b;
        model.runCell(px0, a);
        model.runCell(px1, b);
        // Net sequestration [[83.5, 0]], [[−176.9792, 73.5]], [[73.5, −28.698004]] (upstream expectations).
        CHECK_REL(a.netSequestration[0], 83.5, 1e-9);
        QCOMPARE(b.netSequestration[0], 0.0);
        QVERIFY(std::fabs(a.netSequestration[1] - -176.9792) < 5e-5);
        CHECK_REL(a.netSequestration[1], -176.97920578926846, 1e-9); // [example], §10.3 breakdown
        CHECK_REL(b.netSequestration[1], 73.5, 1e-9);                // litter excluded after 1st transition
        CHECK_REL(a.netSequestration[2], 73.5, 1e-9); // emissions stopped at the zero-half-life class
        CHECK_REL(b.netSequestration[2], -28.698004, 1e-6);
        // Stocks at 2010 and disturbance volumes (§10.3 breakdown): biomass 84, soil 366.5.
        CHECK_REL(a.stock[1][carbon::CbcBiomass], 84.0, 1e-12);
        CHECK_REL(a.stock[1][carbon::CbcSoil], 366.5, 1e-12);
        CHECK_REL(a.emissions[1], 31.08332 + 145.89589, 1e-6);
        // As coded, the litter "stock" after the first transition is the litter accumulation rate.
        QCOMPARE(a.stock[2][carbon::CbcLitter], 1.0);
        QCOMPARE(a.stock[1][carbon::CbcLitter], 0.0);
        // NPV at 2030 [[−373.67245, 837.93445]] (rel 1e-5); factor Σ 1.04/1.04^k = 18.703063218.
        CHECK_REL(carbon::cbcCodedFactor(model.prices(), 4.0, 30), 18.703063218, 1e-9);
        CHECK_REL(a.npv[2], -373.67245, 1e-5);
        CHECK_REL(b.npv[2], 837.93445, 1e-5);
        // The UG per-year formula on the same series gives −5.03945 for pixel 0 (§2.4, §10.3).
        CHECK_REL(carbon::cbcNpvUserGuide(a.yearlyNetSequestration, model.prices(), 4.0, 30), -5.03945, 1e-5);
    }

    void investCompatibleSingleTransition() {
        // §10.3: one transition, no analysis year, price 1, inflation 4 %, discount 4 % → NPV₂₀₁₀ [[835, 0]].
        const carbon::CbcParameters classes = upstreamClasses();
        const carbon::CbcTransitions transitions = upstreamTransitions();
        carbon::CbcModelOptions o;
        o.snapshotYears = { 2000, 2010 };
        o.investCompatible = true;
        carbon::CbcValuation v;
        v.pricePerTC = 1;
        v.inflationPct = 4;
        v.discountPct = 4;
        o.valuation = v;
        const carbon::CbcModel model(classes, transitions, o);
        QCOMPARE(model.reportYears(), (std::vector<int>{ 2000, 2010 }));
        const std::int64_t px0[] = { 1, 2 }, px1[] = { 2, 1 };
        carbon::CbcCellSeries a, b;
        model.runCell(px0, a);
        model.runCell(px1, b);
        CHECK_REL(a.npv[0], 835.0, 1e-9);
        QCOMPARE(b.npv[0], 0.0);
        CHECK_REL(model.prices()[9], std::pow(1.04, 9), 1e-12);
    }

    void userGuideDefaults() {
        // The same case with Tanhui's defaults (UG): cohorts keep their half-life, litter is a running
        // stock counted in every period, NPV per year. Expected values by independent closed-form
        // arithmetic [example].
        const carbon::CbcParameters classes = upstreamClasses();
        const carbon::CbcTransitions transitions = upstreamTransitions();
        carbon::CbcModelOptions o;
        o.snapshotYears = { 2000, 2010, 2020 };
        o.analysisYear = 2030;
        o.valuation = priceTable(2000, 2030, 1.04, 4.0);
        const carbon::CbcModel model(classes, transitions, o);
        const std::int64_t px0[] = { 1, 2, 1 }, px1[] = { 2, 1, 2 };
        carbon::CbcCellSeries a, b;
        model.runCell(px0, a);
        model.runCell(px1, b);

        // Pixel 0: disturbance at 2010 of D_b = 84 × 1 (H 15), D_s = 366.5 × 0.66 (H 7.5).
        const double db = 84.0, ds = 366.5 * 0.66;
        const double p1 = -(db * (1 - left(10, 15)) + ds * (1 - left(10, 7.5)));
        const double p2 =
          (2 + 5.35 + 1) * 10 - (db * (left(10, 15) - left(20, 15)) + ds * (left(10, 7.5) - left(20, 7.5)));
        CHECK_REL(a.netSequestration[0], 83.5, 1e-12);
        CHECK_REL(a.netSequestration[1], p1, 1e-12);
        CHECK_REL(a.netSequestration[2], p2, 1e-12);
        CHECK_REL(p2, 6.019915725484388, 1e-9); // [example] documented in docs/blue-carbon.md
        // Litter is a running stock: 3 + 10 at 2010, 13 at 2020 (no accumulation after a disturbance).
        CHECK_REL(a.stock[1][carbon::CbcLitter], 13.0, 1e-12);
        CHECK_REL(a.stock[2][carbon::CbcLitter], 13.0, 1e-12);
        CHECK_REL(a.stock[3][carbon::CbcLitter], 23.0, 1e-12);
        // Stock difference = net sequestration in every period.
        for (std::size_t r = 0; r < 3; ++r)
            CHECK_REL(a.total(r + 1) - a.total(r), a.netSequestration[r], 1e-12);
        // Pixel 1: accumulation 2010–2020 with litter (83.5), then a high-impact disturbance of 20 / 53.5.
        CHECK_REL(b.netSequestration[1], 83.5, 1e-12);
        CHECK_REL(
          b.netSequestration[2], -(20 * (1 - left(10, 15)) + 53.5 * 0.66 * (1 - left(10, 7.5))), 1e-12);
        CHECK_REL(b.netSequestration[2], -28.698004, 1e-6);

        // UG NPV: Σ_k 1.04 × N_k / 1.04^k with the per-year closed forms.
        double npv0 = 0, npv1 = 0;
        for (int k = 0; k < 30; ++k) {
            const double f = 1.04 / std::pow(1.04, k);
            double n0 = 0, n1 = 0;
            if (k < 10) {
                n0 = 8.35;
            } else {
                const double e =
                  db * (left(k - 10, 15) - left(k - 9, 15)) + ds * (left(k - 10, 7.5) - left(k - 9, 7.5));
                n0 = (k >= 20 ? 8.35 : 0.0) - e;
                if (k < 20)
                    n1 = 8.35;
                else
                    n1 = -(20 * (left(k - 20, 15) - left(k - 19, 15)) +
                           35.31 * (left(k - 20, 7.5) - left(k - 19, 7.5)));
            }
            npv0 += f * n0;
            npv1 += f * n1;
        }
        CHECK_REL(a.npv[2], npv0, 1e-12);
        CHECK_REL(b.npv[2], npv1, 1e-12);
        CHECK_REL(npv0, -32.8593646917522, 1e-9);  // [example] (the coded form gives −373.67245)
        CHECK_REL(npv1, 37.700342723681544, 1e-9); // [example] (coded: 837.93445)
        // NPV at 2010 covers only the baseline years: 8.35 × Σ_{k<10} 1.04/1.04^k.
        double base = 0;
        for (int k = 0; k < 10; ++k)
            base += 8.35 * 1.04 / std::pow(1.04, k);
        CHECK_REL(a.npv[0], base, 1e-12);
    }

    void halfLifeZero() {
        // A class with half-life 0 never emits its disturbed carbon (§2.1: 0 = no emissions), either mode.
        carbon::CbcParameters classes = upstreamClasses();
        carbon::CbcClass m = *classes.find(1);
        m.halfLife = { 0, 0 };
        classes.put(m);
        const carbon::CbcTransitions transitions = upstreamTransitions();
        for (bool compat : { false, true }) {
            carbon::CbcModelOptions o;
            o.snapshotYears = { 2000, 2010 };
            o.analysisYear = 2020;
            o.investCompatible = compat;
            const carbon::CbcModel model(classes, transitions, o);
            const std::int64_t px[] = { 1, 2 };
            carbon::CbcCellSeries s;
            model.runCell(px, s);
            QCOMPARE(s.emissions[1], 0.0);
            QCOMPARE(s.netSequestration[1], 0.0);
            CHECK_REL(s.stock[2][carbon::CbcSoil], 366.5, 1e-12);
        }
    }

    void disturbanceOverwritten() {
        // 2000 mangrove → 2005 class 3 (low-impact) → 2010 parking lot (high-impact, class 3's ratios and
        // half-lives) → analysis 2020. Tanhui keeps both cohorts; InVEST overwrites the first.
        carbon::CbcParameters classes = upstreamClasses();
        carbon::CbcClass c3;
        c3.code = 3;
        c3.name = QStringLiteral("degraded");
        c3.halfLife = { 5, 10 };
        c3.disturb = { { { 0.2, 0.4, 0.8 }, { 0.2, 0.4, 0.8 } } };
        classes.put(c3);
        carbon::CbcTransitions transitions = upstreamTransitions();
        transitions.cells[{ 1, 3 }] = CbcTransition::LowDisturb;
        transitions.cells[{ 3, 2 }] = CbcTransition::HighDisturb;
        const std::int64_t px[] = { 1, 3, 2 };

        // Independent arithmetic [example].
        const double sb = 64 + 2 * 5, ss = 313 + 5.35 * 5; // stocks at 2005
        const double d1b = sb * 0.5, d1s = ss * 0.3;       // mangrove low impact, H 15 / 7.5
        const double e1b = d1b * (1 - left(5, 15)), e1s = d1s * (1 - left(5, 7.5));
        const double d2b = 0.8 * (sb - e1b), d2s = 0.8 * (ss - e1s); // class 3 high impact at 2010
        const double cohort2 = d2b * (1 - left(10, 5)) + d2s * (1 - left(10, 10));
        const double cohort1 = d1b * (left(5, 15) - left(15, 15)) + d1s * (left(5, 7.5) - left(15, 7.5));

        carbon::CbcModelOptions o;
        o.snapshotYears = { 2000, 2005, 2010 };
        o.analysisYear = 2020;
        carbon::CbcCellSeries ug, compat;
        carbon::CbcModel(classes, transitions, o).runCell(px, ug);
        o.investCompatible = true;
        carbon::CbcModel(classes, transitions, o).runCell(px, compat);
        CHECK_REL(ug.emissions[1], e1b + e1s, 1e-12);
        CHECK_REL(compat.emissions[1], e1b + e1s, 1e-12);
        CHECK_REL(ug.emissions[2], cohort1 + cohort2, 1e-12);
        CHECK_REL(compat.emissions[2], cohort2, 1e-12);
        CHECK_REL(ug.netSequestration[2], -(cohort1 + cohort2), 1e-12);
    }

    void ceilingStopsAccumulation() {
        // Tanhui extension: accumulation stops at the class's ceiling (§4: growth until the Tier 1
        // stock); ignored with the compatibility switch.
        carbon::CbcParameters classes = upstreamClasses();
        carbon::CbcClass m = *classes.find(1);
        m.ceiling = { 5.0, std::nullopt };
        classes.put(m);
        const carbon::CbcTransitions transitions = upstreamTransitions();
        carbon::CbcModelOptions o;
        o.snapshotYears = { 2000, 2010 };
        o.analysisYear = 2020;
        const std::int64_t px[] = { 2, 1 };
        carbon::CbcCellSeries s;
        carbon::CbcModel(classes, transitions, o).runCell(px, s);
        QCOMPARE(s.stock[2][carbon::CbcBiomass], 5.0); // 2 t C/ha/yr, capped at 5
        CHECK_REL(s.stock[2][carbon::CbcSoil], 53.5, 1e-12);
        o.investCompatible = true;
        carbon::CbcModel(classes, transitions, o).runCell(px, s);
        CHECK_REL(s.stock[2][carbon::CbcBiomass], 20.0, 1e-12);
    }

    void modelRejectsBadYears() {
        const carbon::CbcParameters classes = upstreamClasses();
        const carbon::CbcTransitions transitions = upstreamTransitions();
        carbon::CbcModelOptions o;
        o.snapshotYears = { 2000 };
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, carbon::CbcModel(classes, transitions, o));
        o.snapshotYears = { 2000, 2010 };
        o.analysisYear = 2010;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, carbon::CbcModel(classes, transitions, o));
        o.analysisYear = 2020;
        o.valuation = priceTable(2000, 2015, 1, 0); // does not cover 2016–2019
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, carbon::CbcModel(classes, transitions, o));
        tanhui::models::params::Issues issues;
        carbon::cbcPrices(*o.valuation, 2000, 2019, &issues);
        QCOMPARE(issues.size(), std::size_t(1));
        QVERIFY(issues[0].message.contains(QStringLiteral("2016, 2017, 2018, 2019")));
    }

    void rastersAndNodata() {
        // The §10.3 fixture as rasters (2 m cells, EPSG:32731) plus a third cell that is nodata in 2010
        // only: whole-area totals = Σ cell values × 4 m², the third cell excluded and reported.
        QTemporaryDir dir;
        const QString d = dir.path();
        writeRaster(d + QStringLiteral("/lc2000.tif"), 3, 1, { 1, 2, 1 });
        writeRaster(d + QStringLiteral("/lc2010.tif"), 3, 1, { 2, 1, 0 });
        writeRaster(d + QStringLiteral("/lc2020.tif"), 3, 1, { 1, 2, 1 });
        const std::vector<carbon::LulcInput> snaps = {
            { (d + QStringLiteral("/lc2000.tif")).toStdString(), 2000 },
            { (d + QStringLiteral("/lc2010.tif")).toStdString(), 2010 },
            { (d + QStringLiteral("/lc2020.tif")).toStdString(), 2020 }
        };
        const carbon::CbcParameters classes = upstreamClasses();
        const carbon::CbcTransitions transitions = upstreamTransitions();
        QVERIFY(!tanhui::models::params::hasErrors(
          carbon::validateCbcInputs(snaps, 2030, classes, transitions, QStringLiteral("bio.csv"))));
        carbon::CbcModelOptions o;
        o.snapshotYears = { 2000, 2010, 2020 };
        o.analysisYear = 2030;
        o.investCompatible = true;
        o.valuation = priceTable(2000, 2030, 1.04, 4.0);
        const carbon::CbcModel model(classes, transitions, o);
        carbon::CbcRunOptions ro;
        ro.outDir = (d + QStringLiteral("/out")).toStdString();
        QDir().mkpath(d + QStringLiteral("/out"));
        const carbon::CbcRunResult run = carbon::runCbcRasters(snaps, model, classes, ro);
        const double ha = 4.0 / 10000.0;
        CHECK_REL(run.validAreaHa, 2 * ha, 1e-12);
        CHECK_REL(run.nodataAreaHa, ha, 1e-12);
        CHECK_REL(run.partialNodataAreaHa, ha, 1e-12);
        CHECK_REL(run.netSequestrationT[0], 83.5 * ha, 1e-9);
        CHECK_REL(run.netSequestrationT[1], (-176.97920578926846 + 73.5) * ha, 1e-9);
        CHECK_REL(run.netSequestrationT[2], (73.5 - 28.698004) * ha, 1e-6);
        CHECK_REL(run.npv[2], (-373.67245 + 837.93445) * ha, 1e-5);
        // Stock raster of 2010: pixel 0 biomass 84, the nodata cell NaN.
        tanhui::gis::RasterDataset stock(run.stockRasters[1]);
        std::vector<double> v;
        std::vector<unsigned char> valid;
        stock.read(1, { 0, 0, 1, 3 }, v, valid);
        CHECK_REL(v[0], 84.0, 1e-12);
        QVERIFY(!valid[2]);
        QCOMPARE(run.stockRasters.size(), std::size_t(4));
        QCOMPARE(run.periodRasters.size(), std::size_t(3));

        // A code missing from the table and a missing transition are named before any computation.
        writeRaster(d + QStringLiteral("/lc2020b.tif"), 3, 1, { 1, 7, 1 });
        auto bad = snaps;
        bad[2].path = (d + QStringLiteral("/lc2020b.tif")).toStdString();
        carbon::CbcTransitions partial = transitions;
        partial.cells.erase({ 1, 2 });
        const auto issues = carbon::validateCbcInputs(bad, 2030, classes, partial, QStringLiteral("bio.csv"));
        QCOMPARE(issues.size(), std::size_t(2));
        QVERIFY(issues[0].message.contains(QStringLiteral(": 7")));
        QCOMPARE(issues[0].column, QStringLiteral("lucode"));
        QVERIFY(issues[1].message.contains(QStringLiteral("mangrove → parking lot")));
        const auto one = carbon::validateCbcInputs({ snaps[0] }, 2030, classes, transitions, QString());
        QVERIFY(tanhui::models::params::hasErrors(one)); // #1534: at least two snapshots
        const auto late = carbon::validateCbcInputs(snaps, 2020, classes, transitions, QString());
        QVERIFY(tanhui::models::params::hasErrors(late)); // analysis year not after the last snapshot
    }

    void transitionsTableChecks() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("transitions.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("lulc-class,mangrove,parking lot\n"
                "mangrove,NCC,disturb\n"
                "parking lot,accum,\n"
                "legend,,\n");
        f.close();
        const carbon::CbcParameters classes = upstreamClasses();
        const auto loaded =
          carbon::loadCbcTransitions(path, classes, tanhui::models::params::Provenance::UserSupplied);
        int errors = 0, warnings = 0;
        bool namedCell = false, namedLegend = false, warned671 = false;
        for (const auto& i : loaded.issues) {
            (i.isError() ? errors : warnings) += 1;
            if (i.isError() && i.row == 2 && i.column == QStringLiteral("parking lot") &&
                i.message.contains(QStringLiteral("'disturb'")))
                namedCell = true;
            if (i.isError() && i.row == 4 && i.message.contains(QStringLiteral("legend")))
                namedLegend = true;
            if (!i.isError() && i.row == 2 && i.column == QStringLiteral("mangrove"))
                warned671 = true;
        }
        QCOMPARE(errors, 2);
        QCOMPARE(warnings, 1);
        QVERIFY(namedCell);
        QVERIFY(namedLegend);
        QVERIFY(warned671);
        QCOMPARE(loaded.table.find(2, 2), std::optional<CbcTransition>(CbcTransition::Blank));
        QCOMPARE(loaded.table.find(2, 1), std::optional<CbcTransition>(CbcTransition::Accum));
    }

    void defaultTables() {
        // The built-in tables load cleanly and cover every sample class; mangrove stocks are flagged.
        const auto bio = tanhui::models::params::loadDefaultTable(carbon::cbcBiophysicalSpec());
        QVERIFY2(!tanhui::models::params::hasErrors(bio.issues),
                 qPrintable(bio.issues.empty() ? QString() : bio.issues.front().toString()));
        const carbon::CbcParameters classes(bio.table);
        for (int code : { 11, 12, 13, 14, 21, 22, 23, 31, 41, 42, 43, 51, 61 })
            QVERIFY2(classes.find(code), qPrintable(QString::number(code)));
        const carbon::CbcClass* m = classes.find(42);
        QVERIFY(tanhui::models::params::isFlagged(m->tag));
        // UG Table 1 mangrove row (§2.5): biomass 0.5/0.5/1.0, H 15; soil 0.3/0.5/0.66, H 7.5.
        QCOMPARE(m->halfLife[0], 15.0);
        QCOMPARE(m->halfLife[1], 7.5);
        QCOMPARE(m->disturb[1][2], 0.66);
        CHECK_REL(m->initial[carbon::CbcBiomass], 75 * 1.96 * 0.451, 1e-12);
        const auto tr = carbon::loadDefaultCbcTransitions(classes);
        QVERIFY2(!tanhui::models::params::hasErrors(tr.issues),
                 qPrintable(tr.issues.empty() ? QString() : tr.issues.front().toString()));
        for (const auto& i : tr.issues)
            QVERIFY2(false, qPrintable(i.toString())); // no #671 warning either
        QCOMPARE(tr.table.find(43, 42), std::optional<CbcTransition>(CbcTransition::Accum));
        QCOMPARE(tr.table.find(42, 61), std::optional<CbcTransition>(CbcTransition::HighDisturb));
        QCOMPARE(tr.table.cells.size(), std::size_t(13 * 13));
        const auto ws = tanhui::models::params::loadDefaultTable(carbon::mangroveWsSpec());
        QVERIFY(!tanhui::models::params::hasErrors(ws.issues));
        QVERIFY(carbon::mangroveWsParams(ws.table, QStringLiteral("subtrop")).has_value());
    }

    void wetlandsSupplementVectors() {
        // §10.7 (subtropical mangrove; values [secondary]/[unconfirmed]) [example].
        const auto ws = tanhui::models::params::loadDefaultTable(carbon::mangroveWsSpec());
        const carbon::MangroveWsParams p = *carbon::mangroveWsParams(ws.table, QStringLiteral("subtrop"));
        QVERIFY(tanhui::models::params::isFlagged(p.tag));
        CHECK_REL(p.biomassCeilingTCPerHa(), 66.297, 1e-9);
        CHECK_REL(p.biomassCeilingTCPerHa() + p.soc, 452.297, 1e-9);
        CHECK_REL(p.biomassGainTCPerHaYr(), 15.999676, 1e-9);
        CHECK_REL(p.biomassGainTCPerHaYr() * carbon::kCo2PerC, 58.6655, 1e-6);
        QVERIFY(std::fabs(p.biomassCeilingTCPerHa() / p.biomassGainTCPerHaYr() - 4.14) < 0.01);
        CHECK_REL(p.soilRemovalTCPerHaYr(), 1.62, 1e-12);
        CHECK_REL(p.soilRemovalTCPerHaYr() * carbon::kCo2PerC, 5.94, 1e-12);
        // Stock from the planting year: linear growth, then the ceiling; soil only when planted.
        QCOMPARE(carbon::restorationStockAt(p, 2018, 2018).total(), 0.0);
        QCOMPARE(carbon::restorationStockAt(p, 2018, 2010).total(), 0.0);
        CHECK_REL(carbon::restorationStockAt(p, 2018, 2020).biomass, 2 * 15.999676, 1e-9);
        CHECK_REL(carbon::restorationStockAt(p, 2018, 2020).soil, 3.24, 1e-12);
        CHECK_REL(carbon::restorationStockAt(p, 2018, 2023).biomass, 66.297, 1e-9); // > 4.14 years
        QCOMPARE(carbon::restorationStockAt(p, 2018, 2030, false).soil, 0.0);       // natural recolonisation
        CHECK_REL(carbon::restorationStockAt(p, 2000, 2300).soil, 386.0, 1e-12);    // up to the natural stock
        CHECK_REL(carbon::restorationStockAt(p, 2000, 2300, true, 300).soil, 86.0, 1e-12);

        // Per plot: t C = density × area; net sequestration per period = stock difference.
        carbon::RestorationPlot plot;
        plot.plantYear = 2019;
        plot.areaHa = 2.5;
        const std::vector<int> years = { 2015, 2018, 2021, 2024, 2030 };
        const auto r = carbon::computeRestoration({ plot }, p, years, true);
        QCOMPARE(r[0].netSequestrationT[0], 0.0);
        QCOMPARE(r[0].netSequestrationT[1], r[0].stockT[2]);
        CHECK_REL(r[0].stockT[2], 2.5 * (2 * 15.999676 + 2 * 1.62), 1e-9);
        QVERIFY(r[0].netSequestrationT[2] > 0 && r[0].netSequestrationT[3] > 0);
        CHECK_REL(r[0].sinceplantingT, 2.5 * (66.297 + 11 * 1.62), 1e-9);
    }

    void restorationPlotAttributes() {
        // Planting years are checked per feature: file, row (feature) and column (field) are named.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plots.gpkg"));
        auto square = [](double x0) {
            // Near the central meridian of EPSG:4547 (114°E, false easting 500 km), where scale ≈ 1.
            const double x = 500000 + x0, y = 2550000;
            tanhui::gis::Ring r;
            r.xy = { x, y, x + 100, y, x + 100, y + 100, x, y + 100, x, y };
            tanhui::gis::MultiPolygon mp;
            mp.parts.push_back({ { r } });
            return mp;
        };
        using F = tanhui::gis::VectorField;
        const std::vector<F> fields = { { QStringLiteral("plot_id"), F::Type::String },
                                        { QStringLiteral("种植年份"), F::Type::String } };
        std::vector<tanhui::gis::VectorFeature> features = {
            { { QStringLiteral("A"), QStringLiteral("2019") }, square(0) },
            { { QStringLiteral("B"), QStringLiteral("abc") }, square(200) },
            { { QStringLiteral("C"), QVariant() }, square(400) },
            { { QStringLiteral("D"), QStringLiteral("2031") }, square(600) },
        };
        tanhui::gis::writePolygonLayer(
          path.toStdString(), QStringLiteral("plots"), tanhui::gis::Crs::fromEpsg(4547), fields, features);
        tanhui::gis::ParcelReadOptions read;
        read.idField = QStringLiteral("plot_id");
        const tanhui::gis::ParcelSet set = tanhui::gis::readParcels(path.toStdString(), read);
        tanhui::models::params::Issues issues;
        const auto plots = carbon::readRestorationPlots(
          path.toStdString(), read.open, set, QStringLiteral("种植年份"), 2030, issues);
        QCOMPARE(plots.size(), std::size_t(4));
        QCOMPARE(plots[0].plantYear, std::optional<int>(2019));
        CHECK_REL(plots[0].areaHa, 1.0, 1e-3); // 100 m × 100 m (ellipsoidal area)
        QCOMPARE(issues.size(), std::size_t(3));
        QVERIFY(issues[0].isError() && issues[0].row == 2 && issues[0].column == QStringLiteral("种植年份"));
        QVERIFY(issues[1].isError() && issues[1].row == 3);
        QVERIFY(!issues[2].isError() && issues[2].row == 4); // planted after the final year
        tanhui::models::params::Issues missing;
        carbon::readRestorationPlots(
          path.toStdString(), read.open, set, QStringLiteral("year"), 2030, missing);
        QCOMPARE(missing.size(), std::size_t(1));
        QVERIFY(missing[0].message.contains(QStringLiteral("种植年份")));
    }
};

QTEST_GUILESS_MAIN(TestCarbonBlueCarbon)
#include "tst_carbon_bluecarbon.moc"
