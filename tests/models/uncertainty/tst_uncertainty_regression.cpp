// SPDX-License-Identifier: GPL-3.0-or-later
// Monte Carlo for the remote-sensing regression method (carbon-methods.md §6.1, §6.2): percentiles known
// analytically (linear form with an uncertain intercept: normal; exponential form with an uncertain
// slope: monotone, so the output's percentile is the model at the slope's percentile), the VI-bin
// approximation against the exact per-cell sum and its stated bound, the bins of a synthetic raster
// run (areas, central carbon equal to the method's), thread-count invariance, and group totals from
// per-iteration sums through the sampler.
#include "TestUtil.h"
#include "gis/Gdal.h"
#include "gis/ParcelReader.h"
#include "gis/RasterWriter.h"
#include "gis/VectorWriter.h"
#include "models/carbon/RegressionMethod.h"
#include "models/carbon/RegressionUncertainty.h"
#include "models/uncertainty/RegressionMonteCarlo.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tanhui;
using namespace tanhui::models;
using namespace tanhui::models::uncertainty;
using carbon::RegressionParcelYear;

namespace {

void writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(text);
}

carbon::LoadedRegression table(const QTemporaryDir& dir, const QByteArray& text) {
    const QString path = dir.filePath(QStringLiteral("coef.csv"));
    writeFile(path, text);
    return carbon::loadRegressionCoefficients(path);
}

MonteCarloOptions mcOptions(int iterations, int threads, std::uint64_t seed = 5) {
    MonteCarloOptions o;
    o.iterations = iterations;
    o.threads = threads;
    o.seed = seed;
    return o;
}

/// A unit of one year with the given bins (forest area = Σ bin areas).
RegressionUnit unitOf(const std::vector<RegressionParcelYear::ViBin>& bins, int year = 2020) {
    RegressionUnit u;
    RegressionUnitYear y;
    y.year = year;
    y.present = true;
    y.bins = bins;
    for (const auto& b : bins)
        y.forestAreaHa += b.areaHa;
    u.years.push_back(y);
    return u;
}

constexpr int kCols = 6, kRows = 4;
constexpr double kX0 = 500000, kY0 = 2500040, kCell = 10;

void writeRaster(const QString& path,
                 gis::RasterSpec::Type type,
                 double nodata,
                 const std::vector<double>& v) {
    gis::RasterSpec s;
    s.grid.originX = kX0;
    s.grid.originY = kY0;
    s.grid.cellWidth = s.grid.cellHeight = kCell;
    s.grid.cols = kCols;
    s.grid.rows = kRows;
    s.crs = gis::Crs::fromEpsg(4547);
    s.type = type;
    s.nodata = nodata;
    s.overviews = false;
    gis::RasterWriter w(path.toStdString(), s);
    if (type == gis::RasterSpec::Type::Byte) {
        std::vector<std::uint8_t> bytes(v.begin(), v.end());
        w.writeRows(1, 0, kRows, bytes.data());
    } else {
        w.writeRows(1, 0, kRows, v.data());
    }
    w.commit();
}

gis::MultiPolygon rect(double x0, double y0, double x1, double y1) {
    gis::Ring r;
    r.xy = { x0, y0, x1, y0, x1, y1, x0, y1, x0, y0 };
    gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

} // namespace

class TestUncertaintyRegression : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { gis::initializeGdal(); }

    void tableColumns() {
        QTemporaryDir dir;
        const carbon::LoadedRegression t =
          table(dir,
                "lucode,form,a,b,agb_cap,r_low,r_high,cf,bias_sigma2,a_sd,b_sd,"
                "bias_sigma2_u_pct,u_source\n"
                "11,exponential,10,3.5,400,0.23,0.246,0.47,0.02,1,0.2,40,fit\n"
                "12,linear,-100,400,180,0.2,0.24,0.5,,,,,\n");
        QVERIFY2(!params::hasErrors(t.issues),
                 qPrintable(t.issues.empty() ? QString() : t.issues[0].toString()));
        const RegressionUncertaintyModel m = buildRegressionUncertainty(t.table, t.lookup, {});
        QVERIFY(m.issues.empty());
        QCOMPARE(m.codes, (std::vector<std::int64_t>{ 11, 12 }));
        QCOMPARE(m.values[0][0].id, std::string("rs_coefficients/11/a"));
        QVERIFY(!m.values[0][0].dist.isFixed());
        QCOMPARE(m.values[0][2].id, std::string("rs_coefficients/11/bias_sigma2"));
        QVERIFY(std::fabs(m.values[0][2].dist.u95() - 0.4) < 1e-12);
        QVERIFY(m.hasBias[0]);
        QVERIFY(!m.hasBias[1]);
        // Row 11: r_low, r_high, cf exact; row 12: a, b, r_low, r_high, cf exact (no bias column).
        QCOMPARE(m.fixedIds.size(), std::size_t(3 + 5));
    }

    void linearInterceptPercentiles() {
        // Linear form AGB = a + 100·VI, a ~ normal(10, 2), R 0.2 in both classes (the class rule does
        // not matter), CF 0.5, no cap reached: carbon = 0.6 × (a × 5 ha + 100 × (2 × 0.5 + 3 × 0.7)) is
        // normal with SD 0.6 × 5 × 2 = 6 t C. N = 20,000: the standard error of a sample 2.5th
        // percentile of a normal is 0.019 SD (median 0.009 SD); tolerance 0.1 SD (> 5 standard errors).
        QTemporaryDir dir;
        const carbon::LoadedRegression t = table(dir,
                                                 "lucode,form,a,b,agb_cap,r_low,r_high,cf,a_dist,a_sd\n"
                                                 "11,linear,10,100,1000,0.2,0.2,0.5,normal,2\n");
        QVERIFY(!params::hasErrors(t.issues));
        const RegressionUncertaintyModel m = buildRegressionUncertainty(t.table, t.lookup, {});
        const std::vector<UnitSamples> u = sampleRegressionUnits(
          m, t.lookup, { unitOf({ { 11, 2.0, 0.5 }, { 11, 3.0, 0.7 } }) }, mcOptions(20000, 2));
        const double mean = 0.6 * (10 * 5 + 100 * (2 * 0.5 + 3 * 0.7)), sd = 6;
        QVERIFY(std::fabs(u[0].stocks[0].central - mean) < 1e-9);
        // Approach 1 (Eq. 3.2 over a·A and b·S; b exact): 1.96 × 2 × 5 × 0.6 / mean = 1.96 SD / mean.
        QVERIFY(std::fabs(u[0].stocks[0].u95 - 1.96 * sd / mean) < 1e-12);
        // With U_R = 50 % and U_CF = 4 % too: Eq. 3.1 with U_(1+R) = U_R × R / (1 + R) (§6.2, §10.8).
        const carbon::LoadedRegression t2 =
          table(dir,
                "lucode,form,a,b,agb_cap,r_low,r_high,cf,a_dist,a_sd,r_low_u_pct,r_high_u_pct,cf_u_pct\n"
                "11,linear,10,100,1000,0.2,0.2,0.5,normal,2,50,50,4\n");
        const RegressionUncertaintyModel m2 = buildRegressionUncertainty(t2.table, t2.lookup, {});
        const auto u2 = sampleRegressionUnits(
          m2, t2.lookup, { unitOf({ { 11, 2.0, 0.5 }, { 11, 3.0, 0.7 } }) }, mcOptions(10, 1));
        const double uInner = 1.96 * 0.2 * 50 / 360, uOneR = 0.5 * 0.2 / 1.2;
        QVERIFY(std::fabs(u2[0].stocks[0].u95 - std::sqrt(uInner * uInner + uOneR * uOneR + 0.04 * 0.04)) <
                1e-12);
        std::vector<double> s = u[0].stocks[0].samples;
        const Interval iv = summarize(s);
        QVERIFY2(std::fabs(iv.p2_5 - (mean - 1.959964 * sd)) < 0.1 * sd,
                 qPrintable(QString::number(iv.p2_5)));
        QVERIFY(std::fabs(iv.p50 - mean) < 0.05 * sd);
        QVERIFY(std::fabs(iv.p97_5 - (mean + 1.959964 * sd)) < 0.1 * sd);
    }

    void correlatedCoefficients() {
        // a ~ normal(10, 2), b ~ normal(100, 10) with ab_corr −0.8 (§6.2: draw (a, b) from their
        // covariance), linear form on A = 5 ha, S = Σ area·VI = 3.1: carbon = 0.6 × (a·A + b·S) is normal
        // with variance 0.36 × ((2A)² + (10S)² + 2ρ(2A)(10S)) = 0.36 × 565. Tolerances as in
        // linearInterceptPercentiles (0.1 SD, N = 20,000). Approach 1 with the covariance term gives
        // the same U = 1.96 × √565 / 360. Without the correlation the spread is wider (√1061).
        QTemporaryDir dir;
        const carbon::LoadedRegression t =
          table(dir,
                "lucode,form,a,b,agb_cap,r_low,r_high,cf,a_dist,b_dist,a_sd,b_sd,ab_corr\n"
                "11,linear,10,100,1000,0.2,0.2,0.5,normal,normal,2,10,-0.8\n");
        QVERIFY2(!params::hasErrors(t.issues),
                 qPrintable(t.issues.empty() ? QString() : t.issues[0].toString()));
        const RegressionUncertaintyModel m = buildRegressionUncertainty(t.table, t.lookup, {});
        QVERIFY(m.issues.empty());
        QCOMPARE(m.abCorr, std::vector<double>{ -0.8 });
        const RegressionUnit unit = unitOf({ { 11, 2.0, 0.5 }, { 11, 3.0, 0.7 } });
        const std::vector<UnitSamples> u = sampleRegressionUnits(m, t.lookup, { unit }, mcOptions(20000, 2));
        const double mean = 0.6 * 360, sd = 0.6 * std::sqrt(565.0);
        std::vector<double> s = u[0].stocks[0].samples;
        const Interval iv = summarize(s);
        QVERIFY2(std::fabs(iv.p2_5 - (mean - 1.959964 * sd)) < 0.1 * sd,
                 qPrintable(QString::number(iv.p2_5)));
        QVERIFY(std::fabs(iv.p50 - mean) < 0.05 * sd);
        QVERIFY(std::fabs(iv.p97_5 - (mean + 1.959964 * sd)) < 0.1 * sd);
        QVERIFY(std::fabs(u[0].stocks[0].u95 - 1.96 * std::sqrt(565.0) / 360) < 1e-12);
        // a's draws are those of the uncorrelated run (only b's uniform numbers are transformed).
        const carbon::LoadedRegression t0 =
          table(dir,
                "lucode,form,a,b,agb_cap,r_low,r_high,cf,a_dist,b_dist,a_sd,b_sd\n"
                "11,linear,10,100,1000,0.2,0.2,0.5,normal,normal,2,10\n");
        const RegressionUncertaintyModel m0 = buildRegressionUncertainty(t0.table, t0.lookup, {});
        const auto onlyA =
          sampleRegressionUnits(m0, t0.lookup, { unitOf({ { 11, 1.0, 0.0 } }) }, mcOptions(50, 1));
        const auto onlyA2 =
          sampleRegressionUnits(m, t.lookup, { unitOf({ { 11, 1.0, 0.0 } }) }, mcOptions(50, 1));
        QCOMPARE(onlyA[0].stocks[0].samples, onlyA2[0].stocks[0].samples); // VI 0: carbon = 0.6·a
        const auto wide = sampleRegressionUnits(m0, t0.lookup, { unit }, mcOptions(20000, 2));
        std::vector<double> w = wide[0].stocks[0].samples;
        const Interval ivw = summarize(w);
        QVERIFY(std::fabs((ivw.p97_5 - ivw.p2_5) / (2 * 1.959964) - 0.6 * std::sqrt(1061.0)) < 0.1 * sd);
        // A bad correlation is reported with file, row and column.
        const carbon::LoadedRegression bad = table(dir,
                                                   "lucode,form,a,b,agb_cap,r_low,r_high,cf,ab_corr\n"
                                                   "11,linear,10,100,1000,0.2,0.2,0.5,1.5\n");
        const RegressionUncertaintyModel mb = buildRegressionUncertainty(bad.table, bad.lookup, {});
        QCOMPARE(mb.issues.size(), std::size_t(1));
        QCOMPARE(mb.issues[0].column, QStringLiteral("ab_corr"));
        QCOMPARE(mb.issues[0].row, 2);
    }

    void exponentialSlopePercentiles() {
        // Exponential form 10·e^(b·VI) with b ~ uniform(3, 4), one bin at VI 0.6, cap 200 not reached:
        // carbon increases with b, so its percentile p is the model at b = 3 + p. The sample percentile
        // of b has a standard error ≤ sqrt(0.25 / 20,000) = 0.0035; the check brackets the model at
        // b ± 0.02 (> 5 standard errors).
        QTemporaryDir dir;
        const carbon::LoadedRegression t =
          table(dir,
                "lucode,form,a,b,agb_cap,r_low,r_high,cf,b_dist,b_min,b_max\n"
                "11,exponential,10,3.5,200,0.23,0.246,0.47,uniform,3,4\n");
        QVERIFY(!params::hasErrors(t.issues));
        const RegressionUncertaintyModel m = buildRegressionUncertainty(t.table, t.lookup, {});
        const std::vector<UnitSamples> u =
          sampleRegressionUnits(m, t.lookup, { unitOf({ { 11, 1.0, 0.6 } }) }, mcOptions(20000, 1));
        auto f = [](double b) {
            const double agb = std::min(10 * std::exp(b * 0.6), 200.0);
            return agb * (agb > 125 ? 1.246 : 1.230) * 0.47; // R class by the parcel mean (one year)
        };
        QVERIFY(std::isnan(u[0].stocks[0].u95)); // Approach 1 does not apply to the exponential form
        std::vector<double> s = u[0].stocks[0].samples;
        const Interval iv = summarize(s);
        for (const auto& [value, p] : { std::pair{ iv.p2_5, 0.025 }, { iv.p50, 0.5 }, { iv.p97_5, 0.975 } })
            QVERIFY2(value >= f(3 + p - 0.02) && value <= f(3 + p + 0.02),
                     qPrintable(QStringLiteral("%1 at p %2").arg(value).arg(p)));
    }

    void binBound() {
        // The VI bins: Σ area·f(VI) over 2,000 cells against Σ bin area × f(bin mean VI) with w = 0.01;
        // the relative error must stay below the documented bound b²w²/8 for 10·e^(3.5·VI).
        double exact = 0;
        std::map<long, std::pair<double, double>> bins;
        std::uint64_t x = 12345;
        for (int k = 0; k < 2000; ++k) {
            x = splitmix64(x);
            const double vi = 0.2 + 0.7 * double(x >> 11) / 9007199254740992.0;
            const double area = 0.01 * (1 + double(k % 7));
            exact += area * 10 * std::exp(3.5 * vi);
            auto& b = bins[long(std::floor((vi + 1) / 0.01))];
            b.first += area;
            b.second += area * vi;
        }
        double binned = 0;
        for (const auto& [key, b] : bins)
            binned += b.first * 10 * std::exp(3.5 * b.second / b.first);
        const double rel = std::fabs(binned - exact) / exact;
        QVERIFY2(rel <= 3.5 * 3.5 * 0.01 * 0.01 / 8, qPrintable(QString::number(rel)));
        QVERIFY(rel > 0); // the approximation is not exact (the test can fail)
    }

    void rasterBinsAndThreads() {
        // A synthetic run (the grid of tst_carbon_regression): the parcels' bins cover their valid forest
        // area, the Monte Carlo's central carbon equals the method's (up to the Float32 rasters), and
        // 1 and 2 threads give identical samples.
        QTemporaryDir dir;
        std::vector<double> lc(kCols * kRows), v20(kCols * kRows), v21(kCols * kRows);
        for (int r = 0; r < kRows; ++r)
            for (int c = 0; c < kCols; ++c) {
                lc[std::size_t(r * kCols + c)] = c <= 2 ? 11 : c <= 4 ? 12 : 50;
                v20[std::size_t(r * kCols + c)] = 0.5 + 0.05 * c + 0.02 * r;
                v21[std::size_t(r * kCols + c)] = 0.55 + 0.05 * c + 0.02 * r;
            }
        v20[std::size_t(1 * kCols + 1)] = std::nan("");
        const QString lcPath = dir.filePath(QStringLiteral("lc.tif"));
        const QString n20 = dir.filePath(QStringLiteral("n20.tif")),
                      n21 = dir.filePath(QStringLiteral("n21.tif"));
        writeRaster(lcPath, gis::RasterSpec::Type::Byte, 0, lc);
        writeRaster(n20, gis::RasterSpec::Type::Float32, std::nan(""), v20);
        writeRaster(n21, gis::RasterSpec::Type::Float32, std::nan(""), v21);
        const carbon::LoadedRegression t = table(dir,
                                                 "lucode,form,a,b,agb_cap,r_low,r_high,cf,bias_sigma2,u_pct\n"
                                                 "11,exponential,10,3.5,400,0.230,0.246,0.47,0.02,20\n"
                                                 "12,linear,-100,400,180,0.20,0.24,0.50,,20\n");
        QVERIFY(!params::hasErrors(t.issues));
        carbon::RegressionInputs in;
        in.vi = { { n20.toStdString(), 1, 2020 }, { n21.toStdString(), 1, 2021 } };
        in.lulc = { { lcPath.toStdString(), 2020 } };
        in.forestCodes = carbon::defaultForestCodes();
        carbon::RegressionRunOptions opt;
        opt.outDir = dir.path().toStdString();
        opt.writeViKeyRasters = true;
        const carbon::RegressionRun run = carbon::writeRegressionRasters(in, t.lookup, opt);
        QCOMPARE(run.viKeyRasters.size(), std::size_t(2));
        const QString gpkg = dir.filePath(QStringLiteral("parcels.gpkg"));
        gis::writePolygonLayer(gpkg.toStdString(),
                               QStringLiteral("parcels"),
                               gis::Crs::fromEpsg(4547),
                               { { QStringLiteral("pid"), gis::VectorField::Type::String, 8, 0 } },
                               { { { QStringLiteral("A") }, rect(kX0, kY0 - 30, kX0 + 30, kY0) },
                                 { { QStringLiteral("B") }, rect(kX0 + 25, kY0 - 35, kX0 + 52, kY0 - 5) } });
        gis::ParcelReadOptions ro;
        ro.idField = QStringLiteral("pid");
        const gis::ParcelSet parcels = gis::readParcels(gpkg.toStdString(), ro);
        const auto res = carbon::runRegressionParcels(parcels, run, 10, {});
        std::vector<RegressionUnit> units;
        for (const carbon::RegressionParcel& p : res) {
            RegressionUnit u;
            for (const RegressionParcelYear& y : p.years) {
                double area = 0;
                for (const auto& b : y.viBins)
                    area += b.areaHa;
                QVERIFY2(std::fabs(area - y.forestAreaHa) < 1e-9 * (1 + y.forestAreaHa),
                         qPrintable(QStringLiteral("%1 vs %2").arg(area).arg(y.forestAreaHa)));
                QVERIFY(!y.viBins.empty());
                u.years.push_back({ y.year, true, y.forestAreaHa, y.viBins });
            }
            units.push_back(u);
        }
        const RegressionUncertaintyModel m = buildRegressionUncertainty(t.table, t.lookup, {});
        const auto a = sampleRegressionUnits(m, t.lookup, units, mcOptions(400, 1));
        const auto b = sampleRegressionUnits(m, t.lookup, units, mcOptions(400, 2));
        for (std::size_t p = 0; p < res.size(); ++p) {
            for (std::size_t y = 0; y < res[p].years.size(); ++y) {
                const double method = res[p].years[y].carbonT;
                QVERIFY2(std::fabs(a[p].stocks[y].central - method) < 1e-5 * method,
                         qPrintable(QStringLiteral("%1 vs %2").arg(a[p].stocks[y].central).arg(method)));
                QVERIFY(a[p].stocks[y].samples == b[p].stocks[y].samples);
            }
            QVERIFY(a[p].changes[0].samples == b[p].changes[0].samples);
        }
        // The seed matters.
        const auto c = sampleRegressionUnits(m, t.lookup, units, mcOptions(400, 2, 6));
        QVERIFY(c[0].stocks[0].samples != a[0].stocks[0].samples);
    }

    void samplerTotals() {
        // Totals of two regression parcels and a parcel of a method without Monte Carlo: per-iteration
        // sums of the parcels' samples, and bounds_note naming only the other method.
        using namespace tanhui::models::carbon;
        QTemporaryDir dir;
        const carbon::LoadedRegression t = table(dir,
                                                 "lucode,form,a,b,agb_cap,r_low,r_high,cf,u_pct\n"
                                                 "11,exponential,10,3.5,400,0.230,0.246,0.47,30\n");
        const RegressionUncertaintyModel m = buildRegressionUncertainty(t.table, t.lookup, {});
        RegressionUnit u1 = unitOf({ { 11, 2.0, 0.6 } }, 2020);
        u1.years.push_back({ 2024, true, 2.0, { { 11, 2.0, 0.7 } } });
        RegressionUnit u2 = unitOf({ { 11, 1.0, 0.8 } }, 2020);
        u2.years.push_back({ 2024, false, 0, {} }); // no data in 2024: no stock, no change
        const auto samples = sampleRegressionUnits(m, t.lookup, { u1, u2 }, mcOptions(1000, 2));
        QCOMPARE(samples[1].changes[0].samples, std::vector<double>(1000, 0.0));
        std::vector<ParcelResult> rs(3);
        std::vector<std::vector<RegressionSampleUnit>> units(1);
        for (int i = 0; i < 2; ++i) {
            rs[std::size_t(i)].method = QStringLiteral("regression");
            rs[std::size_t(i)].stocks.push_back({ 2020, {}, 1.0, 1.0, std::nullopt });
        }
        rs[0].stocks.push_back({ 2024, {}, 1.0, 1.0, std::nullopt });
        rs[0].changes.push_back({ 2020, 2024, 0.0, ChangeBasis::StockDifference, std::nullopt });
        units[0].push_back(applyRegressionBounds(rs[0], { 2020, 2024 }, samples[0]));
        units[0].push_back(applyRegressionBounds(rs[1], { 2020, 2024 }, samples[1]));
        QVERIFY(rs[0].stocks[1].bounds && rs[0].changes[0].bounds && rs[1].stocks[0].bounds);
        QCOMPARE(units[0][1].stocks.size(), std::size_t(1));
        rs[2].method = QStringLiteral("soil");
        rs[2].stocks.push_back({ 2024, {}, 1.0, 1.0, std::nullopt });
        auto sampler = makeRegressionSampler(m, units);
        std::vector<SampledResult> sampling(3);
        sampling[0] = { sampler.get(), { 0, 0 }, nullptr, {} };
        sampling[1] = { sampler.get(), { 0, 1 }, nullptr, {} };
        const ResultTotals total = boundedTotals(rs, sampling, std::nullopt).front();
        std::vector<double> sum(1000);
        for (std::size_t i = 0; i < sum.size(); ++i)
            sum[i] = samples[0].stocks[0].samples[i] + samples[1].stocks[0].samples[i];
        const Interval iv = summarize(sum);
        QVERIFY(total.stocks[0].bounds);
        QCOMPARE(total.stocks[0].bounds->p2_5, iv.p2_5);
        QCOMPARE(total.stocks[0].bounds->p97_5, iv.p97_5);
        QVERIFY(!total.stocks[1].bounds); // the soil parcel counts in 2024
        QVERIFY(total.boundsNote.contains(QStringLiteral("soil")));
        QVERIFY(!total.boundsNote.contains(QStringLiteral("regression")));
        QVERIFY(total.changes.front().bounds);
        // A change that the parcel's sampler does not sample (e.g. added after the method ran) while
        // another sampler of the group samples that pair: no bounds, rather than bounds without the
        // parcel. (Two samplers: the second holds only the second parcel.)
        auto sampler2 = makeRegressionSampler(m, { { units[0][1] } });
        sampling[1] = { sampler2.get(), { 0, 0 }, nullptr, {} };
        QVERIFY(boundedTotals(rs, sampling, std::nullopt).front().changes.front().bounds);
        rs[1].changes.push_back({ 2020, 2024, 0.0, ChangeBasis::StockDifference, std::nullopt });
        const ResultTotals total2 = boundedTotals(rs, sampling, std::nullopt).front();
        QVERIFY(!total2.changes.front().bounds);
        QVERIFY(total2.stocks[0].bounds);
    }
};

QTEST_GUILESS_MAIN(TestUncertaintyRegression)
#include "tst_uncertainty_regression.moc"
