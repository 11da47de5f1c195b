// SPDX-License-Identifier: GPL-3.0-or-later
// Uncertainty (carbon-methods.md §6.2): Approach 1 vectors of §10.8, the Monte Carlo check of §10.8
// (95 % half-width / mean within ±5 % of Approach 1 for normal inputs and small U, 100k draws, several
// seeds), distributions, the counter-based generator, type-7 percentiles, uncertainty columns of
// parameter tables, and Monte Carlo for the pool and volume methods (thread-count invariance, seeds,
// correlated change).
#include "TestUtil.h"
#include "gis/Gdal.h"
#include "gis/ParcelReader.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/VolumeMethod.h"
#include "models/uncertainty/CarbonMonteCarlo.h"
#include "models/uncertainty/Distribution.h"
#include "models/uncertainty/UncertainParameters.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <gdal.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

using namespace tanhui::models;
using namespace tanhui::models::uncertainty;

namespace {

bool near(double a, double b, double tol) {
    return std::fabs(a - b) <= tol;
}

void writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(text);
}

/// N draws of one distribution through the generator (seed, "test/<name>").
std::vector<double> drawMany(const Distribution& d, int n, std::uint64_t seed, const char* name = "x") {
    const DrawMatrix m({ d }, { parameterKey(name) }, seed, n);
    return std::vector<double>(m.row(0), m.row(0) + n);
}

double meanOf(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
}
double sdOf(const std::vector<double>& v) {
    const double m = meanOf(v);
    double s = 0;
    for (double x : v)
        s += (x - m) * (x - m);
    return std::sqrt(s / double(v.size() - 1));
}

/// A cols × rows Byte raster of 1 m cells in EPSG:26910.
void writeRaster(const QString& path, int cols, int rows, const std::vector<unsigned char>& v) {
    GDALDatasetH ds =
      GDALCreate(GDALGetDriverByName("GTiff"), path.toUtf8().constData(), cols, rows, 1, GDT_Byte, nullptr);
    double gt[6] = { 461261, 1, 0, 4923265, 0, -1 };
    GDALSetGeoTransform(ds, gt);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 26910);
    GDALSetSpatialRef(ds, srs);
    OSRDestroySpatialReference(srs);
    GDALSetRasterNoDataValue(GDALGetRasterBand(ds, 1), 255);
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

params::LoadedTable loadPools(const QString& path) {
    return params::loadTable(carbon::carbonPoolsSpec(), path, params::Provenance::UserSupplied);
}

/// Both MC results are bit-identical.
bool same(const UnitUncertainty& a, const UnitUncertainty& b) {
    auto eq = [](const QuantityUncertainty& x, const QuantityUncertainty& y) {
        return x.central == y.central && x.mc.mean == y.mc.mean && x.mc.p2_5 == y.mc.p2_5 &&
               x.mc.p50 == y.mc.p50 && x.mc.p97_5 == y.mc.p97_5 &&
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

class TestUncertainty : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { tanhui::gis::initializeGdal(); }

    void approach1Vectors() {
        // §10.8: U_(1+R) = 0.5 × 0.246 / 1.246 = 0.098716; U_total = 0.50977; sum rule 0.188562.
        const double u1r = uOnePlusR(0.5, 0.246);
        QVERIFY2(near(u1r, 0.098716, 5e-7), qPrintable(QString::number(u1r, 'g', 12)));
        const double u[] = { 0.05, 0.496, u1r, 0.04 };
        const double total = approach1Product(u);
        QVERIFY2(near(total, 0.50977, 5e-6), qPrintable(QString::number(total, 'g', 12)));
        const double x[] = { 100, 50 };
        const double us[] = { 0.20, 0.40 };
        QVERIFY(near(approach1Sum(x, us), 0.188562, 5e-7));
        // A zero sum has no relative uncertainty.
        const double z[] = { 10, -10 };
        QVERIFY(std::isnan(approach1Sum(z, us)));
        // Difference of uncorrelated stocks: sqrt((0.1·100)² + (0.1·120)²) / 20.
        QVERIFY(near(approach1Difference(100, 0.1, 120, 0.1), std::sqrt(100.0 + 144.0) / 20.0, 1e-15));
    }

    void normalQuantileAccuracy() {
        QVERIFY(near(normalQuantile(0.975), 1.959963984540054, 1e-14));
        QVERIFY(near(normalQuantile(0.025), -1.959963984540054, 1e-14));
        QCOMPARE(normalQuantile(0.5), 0.0);
        QVERIFY(near(normalQuantile(0.8413447460685429), 1.0, 1e-13));
        QVERIFY(near(normalQuantile(1e-10), -6.361340902404056, 1e-11));
        for (double p : { 1e-300, 1e-12, 0.001, 0.02425, 0.3, 0.7, 0.99, 1 - 1e-12 })
            QVERIFY2(near(normalCdf(normalQuantile(p)) / p, 1.0, 1e-10), qPrintable(QString::number(p)));
    }

    void percentilesType7() {
        // R: quantile(1:4, c(.25, .5, .975)) = 1.75, 2.5, 3.925; quantile(1:10, c(.025, .975))
        // = 1.225, 9.775.
        const std::vector<double> a{ 1, 2, 3, 4 };
        QVERIFY(near(percentileSorted(a, 0.25), 1.75, 1e-15));
        QVERIFY(near(percentileSorted(a, 0.5), 2.5, 1e-15));
        QVERIFY(near(percentileSorted(a, 0.975), 3.925, 1e-14));
        std::vector<double> b(10);
        std::iota(b.begin(), b.end(), 1.0);
        QVERIFY(near(percentileSorted(b, 0.025), 1.225, 1e-14));
        QVERIFY(near(percentileSorted(b, 0.975), 9.775, 1e-14));
        QCOMPARE(percentileSorted(b, 0.0), 1.0);
        QCOMPARE(percentileSorted(b, 1.0), 10.0);
        QCOMPARE(percentileSorted(std::vector<double>{ 7 }, 0.975), 7.0);
        QVERIFY(std::isnan(percentileSorted(std::vector<double>{}, 0.5)));
        // summarize() (selection) equals percentileSorted() of the sorted data, for several sizes.
        // Also with many ties (draws rounded to a few values), which stress the selection's partitions.
        // Variants: 0 normal, 1 ties, 2 heavy tail (lognormal), 3 one far outlier, 4 all equal but one,
        // 5 a non-finite draw (the selection then works on the whole data).
        for (int variant = 0; variant < 6; ++variant)
            for (int size :
                 { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 39, 40, 41, 63, 64, 65, 999, 1000, 1001, 4000 }) {
                std::vector<double> v = drawMany(
                  variant == 2 ? Distribution::lognormal(1, 3) : Distribution::normal(0, 1), size, 77);
                if (variant == 1)
                    for (double& x : v)
                        x = std::round(2 * x);
                if (variant == 3)
                    v[std::size_t(size / 2)] = 1e12;
                if (variant == 4)
                    for (std::size_t k = 1; k < v.size(); ++k)
                        v[k] = 5;
                if (variant == 5)
                    v.back() = std::numeric_limits<double>::infinity();
                std::vector<double> sorted = v;
                std::sort(sorted.begin(), sorted.end());
                double sum = 0;
                for (double x : v)
                    sum += x;
                const Interval i = summarize(v);
                auto same = [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); };
                QVERIFY(same(i.mean, sum / double(size)));
                QVERIFY(same(i.p2_5, percentileSorted(sorted, 0.025)));
                QVERIFY(same(i.p50, percentileSorted(sorted, 0.5)));
                QVERIFY(same(i.p97_5, percentileSorted(sorted, 0.975)));
                std::sort(v.begin(), v.end());
                QVERIFY(v == sorted); // a permutation of the draws
            }
        // summarize() gives the mean.
        std::vector<double> c{ 4, 1, 3, 2 };
        const Interval s = summarize(c);
        QCOMPARE(s.mean, 2.5);
        QVERIFY(near(s.p2_5, 1.075, 1e-15));
        QCOMPARE(s.p50, 2.5);
        QVERIFY(near(s.p97_5, 3.925, 1e-14));
    }

    void summarizeEachEqualsSummarize() {
        // summarizeEach(): bit for bit what summarize() gives for each vector alone, for groups mixing
        // sizes, ties, all-equal (+0 and −0), far outliers and a non-finite draw, in groups of 1 to 7.
        auto vectors = [](int variant) {
            std::vector<std::vector<double>> out;
            for (int q = 0; q < 7; ++q) {
                const int size = variant == 1 && q == 2 ? 999 : variant == 2 && q == 0 ? 20 : 1000;
                std::vector<double> v = drawMany(Distribution::normal(q, 1 + q), size, 11 + std::uint64_t(q));
                if (q == 3)
                    for (double& x : v)
                        x = std::round(x);
                if (q == 4)
                    v.assign(std::size_t(size), variant == 0 ? 0.0 : -0.0);
                if (q == 5)
                    v[7] = 1e300;
                if (q == 6 && variant == 2)
                    v[9] = std::numeric_limits<double>::quiet_NaN();
                out.push_back(std::move(v));
            }
            return out;
        };
        auto bits = [](double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; };
        for (int variant = 0; variant < 3; ++variant)
            for (std::size_t count = 1; count <= 7; ++count) {
                std::vector<std::vector<double>> each = vectors(variant), alone = vectors(variant);
                each.resize(count);
                std::vector<std::vector<double>*> pointers;
                for (std::vector<double>& v : each)
                    pointers.push_back(&v);
                std::vector<Interval> got(count);
                summarizeEach(pointers, got);
                for (std::size_t q = 0; q < count; ++q) {
                    const Interval want = summarize(alone[q]);
                    QVERIFY2(
                      bits(got[q].mean, want.mean) && bits(got[q].p2_5, want.p2_5) &&
                        bits(got[q].p50, want.p50) && bits(got[q].p97_5, want.p97_5),
                      qPrintable(
                        QStringLiteral("variant %1, %2 vectors, vector %3").arg(variant).arg(count).arg(q)));
                }
            }
    }

    void generatorIsCounterBased() {
        const double u = uniform01(42, parameterKey("a"), 7);
        QVERIFY(u > 0 && u < 1);
        QCOMPARE(uniform01(42, parameterKey("a"), 7), u);                 // pure function
        QVERIFY(uniform01(43, parameterKey("a"), 7) != u);                // another seed
        QVERIFY(uniform01(42, parameterKey("b"), 7) != u);                // another parameter
        QVERIFY(uniform01(42, parameterKey("a"), 8) != u);                // another iteration
        QCOMPARE(parameterKey(""), std::uint64_t(0xcbf29ce484222325ull)); // FNV-1a offset basis
        // Uniformity: mean 1/2, variance 1/12 over 100k draws.
        const std::vector<double> v = drawMany(Distribution::uniform(0, 1, 0.5), 100000, 1);
        QVERIFY(near(meanOf(v), 0.5, 0.005));
        QVERIFY(near(sdOf(v), std::sqrt(1.0 / 12.0), 0.003));
        // Draw i does not depend on how many iterations are drawn.
        const std::vector<double> shorter = drawMany(Distribution::normal(5, 1), 10, 9);
        const std::vector<double> longer = drawMany(Distribution::normal(5, 1), 1000, 9);
        QVERIFY(std::equal(shorter.begin(), shorter.end(), longer.begin()));
    }

    void distributionsMoments() {
        const int n = 200000;
        struct Case {
            Distribution d;
            double mean, sd;
        };
        const Case cases[] = {
            { Distribution::normal(10, 2), 10, 2 },
            { Distribution::lognormal(10, 9), 10, 9 }, // mean and SD of the value, not of the log
            { Distribution::triangular(1, 2, 6), 3, std::sqrt((1 + 4 + 36 - 2 - 6 - 12) / 18.0) },
            { Distribution::uniform(2, 8, 5), 5, 6 / std::sqrt(12.0) },
        };
        for (const Case& c : cases) {
            const std::vector<double> v = drawMany(c.d, n, 5);
            QVERIFY2(near(meanOf(v) / c.mean, 1.0, 0.01), kindName(c.d.kind));
            QVERIFY2(near(sdOf(v) / c.sd, 1.0, 0.03), kindName(c.d.kind));
            QVERIFY(near(c.d.mean(), c.mean, 1e-12));
            QVERIFY(near(c.d.stddev(), c.sd, 1e-12));
        }
        // Lognormal: log-space parameters σ² = ln(1 + cv²), μ = ln m − σ²/2: median = m / sqrt(1 + cv²).
        const Distribution ln = Distribution::lognormal(10, 9);
        QVERIFY(near(ln.quantile(0.5), 10 / std::sqrt(1 + 0.81), 1e-12));
        // Triangular quantiles at the ends and at the mode's CDF.
        const Distribution tri = Distribution::triangular(1, 2, 6);
        QVERIFY(near(tri.quantile(0.2), 2.0, 1e-12)); // F(mode) = (2 − 1)/(6 − 1)
        QVERIFY(tri.quantile(1e-12) >= 1 && tri.quantile(1 - 1e-12) <= 6);
        // Truncated normal: never negative; its mean lies above the untruncated one.
        const Distribution tn = Distribution::truncatedNormal(1, 1);
        const std::vector<double> t = drawMany(tn, n, 3);
        QVERIFY(*std::min_element(t.begin(), t.end()) >= 0);
        QVERIFY(near(meanOf(t), tn.mean(), 0.01));
        QVERIFY(tn.mean() > 1.2 && tn.mean() < 1.3); // 1 + φ(1)/Φ(1) = 1.2876
        QVERIFY(near(sdOf(t), tn.stddev(), 0.01));
        // Fixed: the value itself, U = 0.
        QCOMPARE(Distribution::fixed(3).quantile(0.9), 3.0);
        QCOMPARE(Distribution::fixed(3).u95(), 0.0);
    }

    void percentRule() {
        // §6.2 item 1: "±90 %" → SD ≈ 0.9 × mean / 1.96; large U on a non-negative factor → lognormal.
        const Distribution big = fromPercent(100, 90, true);
        QCOMPARE(big.kind, Distribution::Kind::Lognormal);
        QVERIFY(near(big.sd, 0.9 * 100 / 1.96, 1e-12));
        QVERIFY(near(big.u95(), 0.9, 1e-12));
        const Distribution small = fromPercent(100, 30, true);
        QCOMPARE(small.kind, Distribution::Kind::TruncatedNormal);
        QVERIFY(near(small.sd, 30 / 1.96, 1e-12));
        QCOMPARE(fromPercent(-5, 90, false).kind, Distribution::Kind::Normal);
        QCOMPARE(fromPercent(100, 0, true).kind, Distribution::Kind::Fixed);
        QCOMPARE(fromPercent(0, 90, true).kind, Distribution::Kind::Fixed);
    }

    void monteCarloMatchesApproach1() {
        // §10.8: with normal inputs and small U, the MC 95 % half-width / mean is within ±5 % (relative)
        // of Approach 1, over 100k draws and any seed (checked with three seeds).
        const int n = 100000;
        for (std::uint64_t seed : { 1ull, 2024ull, 987654321ull }) {
            // Product (Eq. 3.1): area × AGB × (1 + R) × CF with U = 5 %, 10 %, 8 % on R, 4 %.
            const double r = 0.246;
            const std::vector<Distribution> dists{ Distribution::normal(50, 0.05 * 50 / 1.96),
                                                   Distribution::normal(258.4, 0.10 * 258.4 / 1.96),
                                                   Distribution::normal(r, 0.08 * r / 1.96),
                                                   Distribution::normal(0.47, 0.04 * 0.47 / 1.96) };
            const DrawMatrix m(
              dists,
              { parameterKey("A"), parameterKey("AGB"), parameterKey("R"), parameterKey("CF") },
              seed,
              n);
            std::vector<double> prod(n), sum(n);
            for (int i = 0; i < n; ++i) {
                prod[std::size_t(i)] = m.row(0)[i] * m.row(1)[i] * (1 + m.row(2)[i]) * m.row(3)[i];
                sum[std::size_t(i)] = m.row(0)[i] * 2 + m.row(1)[i]; // 100 ± 5 % and 258.4 ± 10 %
            }
            const double u[] = { 0.05, 0.10, uOnePlusR(0.08, r), 0.04 };
            const double a1 = approach1Product(u);
            const Interval p = summarize(prod);
            const double mcProd = (p.p97_5 - p.p2_5) / 2 / p.mean;
            QVERIFY2(std::fabs(mcProd / a1 - 1) < 0.05,
                     qPrintable(QStringLiteral("seed %1: MC %2 vs A1 %3").arg(seed).arg(mcProd).arg(a1)));
            const double xs[] = { 100, 258.4 };
            const double us[] = { 0.05, 0.10 };
            const double a1s = approach1Sum(xs, us);
            const Interval s = summarize(sum);
            const double mcSum = (s.p97_5 - s.p2_5) / 2 / s.mean;
            QVERIFY2(std::fabs(mcSum / a1s - 1) < 0.05,
                     qPrintable(QStringLiteral("seed %1: MC %2 vs A1 %3").arg(seed).arg(mcSum).arg(a1s)));
        }
    }

    void tableUncertaintyColumns() {
        QTemporaryDir dir;
        const QString path = dir.filePath("pools.csv");
        writeFile(
          path,
          "lucode,c_above,c_below,c_soil,c_dead,c_above_sd,c_soil_dist,c_soil_min,c_soil_max,u_pct,u_source\n"
          "1,100,20,50,0,10,triangular,30,80,,plot data\n"
          "2,40,10,50,2,,uniform,40,60,90,IPCC ±90 % default\n"
          "3,10,2,5,0,,,,,,\n");
        const params::LoadedTable t = loadPools(path);
        QVERIFY(!params::hasErrors(t.issues));
        const carbon::PoolLookup pools(t.table);
        UncertaintyDefaults defaults;
        defaults.uPct = 30;
        defaults.provenance = "run-wide default";
        const PoolUncertaintyModel m = buildPoolUncertainty(t.table, pools, defaults);
        QVERIFY(m.issues.empty());
        QCOMPARE(m.codes.size(), std::size_t(3));
        // Row 1: c_above normal? No dist: SD 10 on a non-negative value with U = 19.6 % → truncnormal.
        QCOMPARE(m.pools[0][0].dist.kind, Distribution::Kind::TruncatedNormal);
        QCOMPARE(m.pools[0][0].dist.sd, 10.0);
        QVERIFY(m.pools[0][0].provenance.contains("row 2: plot data"));
        QCOMPARE(m.pools[0][2].dist.kind, Distribution::Kind::Triangular);
        QCOMPARE(m.pools[0][2].dist.min, 30.0);
        QCOMPARE(m.pools[0][2].dist.max, 80.0);
        // Row 1's c_below has no column of its own and no row-wide U: the run-wide default.
        QCOMPARE(m.pools[0][1].origin, UncertainValue::Origin::RunDefault);
        QVERIFY(near(m.pools[0][1].dist.sd, 0.3 * 20 / 1.96, 1e-12));
        // Row 2: row-wide u_pct 90 → lognormal for c_above, uniform for c_soil; c_dead 2 ± 90 %.
        QCOMPARE(m.pools[1][0].dist.kind, Distribution::Kind::Lognormal);
        QVERIFY(near(m.pools[1][0].dist.sd, 0.9 * 40 / 1.96, 1e-12));
        QCOMPARE(m.pools[1][2].dist.kind, Distribution::Kind::Uniform);
        QCOMPARE(m.pools[1][3].dist.kind, Distribution::Kind::Lognormal);
        // Row 3: nothing declared → run-wide default; without a default → exact, listed as fixed.
        QCOMPARE(m.pools[2][0].origin, UncertainValue::Origin::RunDefault);
        const PoolUncertaintyModel none = buildPoolUncertainty(t.table, pools, {});
        QCOMPARE(none.pools[2][0].dist.kind, Distribution::Kind::Fixed);
        QVERIFY(std::find(none.fixedIds.begin(), none.fixedIds.end(), "3/c_above") != none.fixedIds.end());
        // The id names the RNG stream.
        QCOMPARE(m.pools[0][0].id, std::string("carbon_pools/1/c_above"));
    }

    void tableUncertaintyErrors() {
        QTemporaryDir dir;
        const QString path = dir.filePath("pools.csv");
        writeFile(
          path,
          "lucode,c_above,c_below,c_soil,c_dead,c_above_dist,c_above_sd,c_soil_dist,c_soil_min,c_soil_max,"
          "c_below_u_pct\n"
          "1,100,20,50,0,gamma,,triangular,60,80,\n"
          "2,40,10,50,2,normal,,uniform,40,,-5\n"
          "3,10,2,5,0,normal,abc,,1,9,\n");
        const params::LoadedTable t = loadPools(path);
        QVERIFY(!params::hasErrors(t.issues));
        const carbon::PoolLookup pools(t.table);
        const PoolUncertaintyModel m = buildPoolUncertainty(t.table, pools, {});
        auto has = [&](int row, const QString& column, const QString& text) {
            for (const params::Issue& i : m.issues)
                if (i.row == row && i.column == column && i.message.contains(text) && i.file == path)
                    return true;
            return false;
        };
        QVERIFY(has(2, "c_above_dist", "unknown distribution 'gamma'"));
        QVERIFY(has(2, "c_soil_min", "must lie within [60, 80]"));
        QVERIFY(has(3, "c_above_sd", "needs c_above_sd or c_above_u_pct"));
        QVERIFY(has(3, "c_soil_max", "needs c_soil_min and c_soil_max"));
        QVERIFY(has(3, "c_below_u_pct", "must be ≥ 0 %"));
        QVERIFY(has(4, "c_above_sd", "'abc' is not a number"));
        QVERIFY(has(4, "c_soil_dist", "bounds are given without a distribution"));
    }

    void poolMonteCarloUnits() {
        // Two classes with normal totals; a unit of 10 ha of class 1 at both dates, 5 ha changing 1 → 2.
        QTemporaryDir dir;
        const QString path = dir.filePath("pools.csv");
        writeFile(path,
                  "lucode,c_above,c_below,c_soil,c_dead,c_above_dist,c_above_u_pct\n"
                  "1,100,0,0,0,normal,10\n"
                  "2,50,0,0,0,normal,20\n");
        const params::LoadedTable t = loadPools(path);
        const carbon::PoolLookup pools(t.table);
        const PoolUncertaintyModel model = buildPoolUncertainty(t.table, pools, {});
        QVERIFY(model.issues.empty());
        PoolUnitAreas unit;
        unit.dateClassHa = { { { 1, 15.0 } }, { { 1, 10.0 }, { 2, 5.0 } } };
        unit.pairTransitionHa = { { { { 1, 1 }, 10.0 }, { { 1, 2 }, 5.0 } } };
        std::vector<PoolUnitAreas> parcels(37, unit);
        parcels[3].dateClassHa[0][2] = 1.0; // vary a few parcels
        MonteCarloOptions options;
        options.iterations = 20000;
        options.seed = 11;
        options.threads = 1;
        const PoolMonteCarloResult one = runPoolMonteCarlo(model, unit, parcels, options);
        options.threads = 2;
        const PoolMonteCarloResult two = runPoolMonteCarlo(model, unit, parcels, options);
        QCOMPARE(two.metadata.threadsUsed, 2);
        QVERIFY(same(one.total, two.total));
        for (std::size_t i = 0; i < parcels.size(); ++i)
            QVERIFY2(same(one.parcels[i], two.parcels[i]), qPrintable(QString::number(i)));
        // Equal areas → identical results (one draw per parameter per iteration, shared by parcels).
        QVERIFY(same(one.parcels[0], one.total));
        QVERIFY(!same(one.parcels[3], one.total));
        // Another seed: other draws.
        options.seed = 12;
        const PoolMonteCarloResult other = runPoolMonteCarlo(model, unit, parcels, options);
        QVERIFY(other.total.stocks[0].mc.p97_5 != one.total.stocks[0].mc.p97_5);

        const UnitUncertainty& u = one.total;
        QCOMPARE(u.stocks[0].central, 1500.0);
        QCOMPARE(u.stocks[1].central, 1250.0);
        QCOMPARE(u.changes[0].central, -250.0);
        // Approach 1: stock 1 = 15 ha × 100 ± 10 % → U = 10 %; stock 2 by Eq. 3.2.
        QVERIFY(near(u.stocks[0].u95, 0.10, 1e-12));
        const double x2[] = { 1000, 250 };
        const double u2[] = { 0.10, 0.20 };
        QVERIFY(near(u.stocks[1].u95, approach1Sum(x2, u2), 1e-12));
        // MC stock interval agrees with Approach 1 for these small normal U (within 5 %).
        const double half = (u.stocks[0].mc.p97_5 - u.stocks[0].mc.p2_5) / 2 / u.stocks[0].mc.mean;
        QVERIFY(std::fabs(half / 0.10 - 1) < 0.05);
        // Change: the unchanged 10 ha cancel exactly in every iteration; only 5 ha × (D2 − D1) vary:
        // SD = 5 × sqrt(5.102² + 5.102²) (t C), far narrower than Approach 1, which takes the two
        // dates' stocks as independent (§6.2 design note).
        const double sdChange = 5 * std::sqrt(2 * std::pow(10 / 1.96, 2));
        const double mcHalf = (u.changes[0].mc.p97_5 - u.changes[0].mc.p2_5) / 2;
        QVERIFY2(std::fabs(mcHalf / (1.96 * sdChange) - 1) < 0.05, qPrintable(QString::number(mcHalf)));
        const double a1Half = u.changes[0].u95 * 250;
        QVERIFY(mcHalf < 0.5 * a1Half);
        // Independent draws for the second date (a different seed) give a wider change interval.
        const DrawMatrix d1({ model.pools[0][0].dist, model.pools[1][0].dist },
                            { parameterKey(model.pools[0][0].id), parameterKey(model.pools[1][0].id) },
                            11,
                            20000);
        const DrawMatrix d2({ model.pools[0][0].dist, model.pools[1][0].dist },
                            { parameterKey(model.pools[0][0].id), parameterKey(model.pools[1][0].id) },
                            99,
                            20000);
        std::vector<double> independent(20000);
        for (int i = 0; i < 20000; ++i)
            independent[std::size_t(i)] = (10 * d2.row(0)[i] + 5 * d2.row(1)[i]) - 15 * d1.row(0)[i];
        const Interval ind = summarize(independent);
        QVERIFY((ind.p97_5 - ind.p2_5) > 2 * (u.changes[0].mc.p97_5 - u.changes[0].mc.p2_5));
        // Percentiles are ordered and bracket the central value.
        QVERIFY(u.stocks[1].mc.p2_5 < u.stocks[1].mc.p50 && u.stocks[1].mc.p50 < u.stocks[1].mc.p97_5);
        QVERIFY(u.stocks[1].mc.p2_5 < 1250 && 1250 < u.stocks[1].mc.p97_5);
    }

    void poolRasterParcelsTransitions() {
        // 10 × 10 cells of 1 m²: date 1 all class 1; date 2 class 2 in the left half, nodata in row 0.
        QTemporaryDir dir;
        std::vector<unsigned char> b(100, 1);
        for (int r = 0; r < 10; ++r)
            for (int c = 0; c < 5; ++c)
                b[std::size_t(r * 10 + c)] = 2;
        for (int c = 0; c < 10; ++c)
            b[std::size_t(c)] = 255;
        writeRaster(dir.filePath("a.tif"), 10, 10, std::vector<unsigned char>(100, 1));
        writeRaster(dir.filePath("b.tif"), 10, 10, b);
        writeFile(dir.filePath("pools.csv"),
                  "lucode,c_above,c_below,c_soil,c_dead,u_pct\n1,100,20,50,5,20\n2,10,2,30,0,40\n");
        writeFile(
          dir.filePath("parcels.geojson"),
          R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::26910"}},
"features":[
{"type":"Feature","properties":{"id":1},"geometry":{"type":"Polygon","coordinates":[[[461261,4923265],[461266,4923265],[461266,4923260],[461261,4923260],[461261,4923265]]]}},
{"type":"Feature","properties":{"id":2},"geometry":{"type":"Polygon","coordinates":[[[461263.5,4923263],[461270,4923263],[461270,4923257],[461263.5,4923257],[461263.5,4923263]]]}}
]})");
        const params::LoadedTable t = loadPools(dir.filePath("pools.csv"));
        QVERIFY(!params::hasErrors(t.issues));
        const carbon::PoolLookup pools(t.table);
        const std::vector<carbon::LulcInput> inputs{ { dir.filePath("a.tif").toStdString(), 2015 },
                                                     { dir.filePath("b.tif").toStdString(), 2024 } };
        carbon::PoolRunOptions options;
        options.outDir = dir.path().toStdString();
        options.writeTransitionRasters = true;
        options.writeDensityRasters = false;
        const carbon::PoolRunResult run = carbon::runPoolRasters(inputs, pools, options);
        QVERIFY(!QFile::exists(dir.filePath("c_density_2015.tif")));
        QVERIFY(QFile::exists(dir.filePath("c_transition_2015_2024.tif")));
        // Whole raster transitions: 45 cells 1 → 2, 45 cells 1 → 1 (row 0 invalid at date 2).
        QCOMPARE(run.pairs[0].transitionAreaHa.size(), std::size_t(2));
        QVERIFY(near(run.pairs[0].transitionAreaHa.at({ 1, 2 }), 0.0045, 1e-15));
        QVERIFY(near(run.pairs[0].transitionAreaHa.at({ 1, 1 }), 0.0045, 1e-15));
        const tanhui::gis::ParcelSet parcels =
          tanhui::gis::readParcels(dir.filePath("parcels.geojson").toStdString(), {});
        QCOMPARE(parcels.parcels.size(), std::size_t(2));
        tanhui::gis::ZonalOptions zonal;
        zonal.threads = 1;
        const std::vector<carbon::ParcelCarbon> pc =
          carbon::runPoolParcels(parcels, inputs, pools, run, zonal);
        PoolUncertaintyModel model = buildPoolUncertainty(t.table, pools, {});
        QVERIFY(model.issues.empty());
        std::vector<PoolUnitAreas> units;
        for (const carbon::ParcelCarbon& p : pc) {
            QCOMPARE(p.transitionAreaHa.size(), std::size_t(1));
            units.push_back(parcelAreas(p));
        }
        MonteCarloOptions mc;
        mc.iterations = 1000;
        mc.threads = 2;
        const PoolMonteCarloResult r = runPoolMonteCarlo(model, wholeRasterAreas(run), units, mc);
        // Central values from the transition areas equal the pool method's stocks and change.
        for (std::size_t i = 0; i < pc.size(); ++i) {
            for (std::size_t d = 0; d < 2; ++d)
                QVERIFY(near(r.parcels[i].stocks[d].central, pc[i].dates[d].totalT, 1e-12));
            QVERIFY2(
              near(r.parcels[i].changes[0].central, pc[i].changeT[0], 1e-12),
              qPrintable(
                QStringLiteral("%1 vs %2").arg(r.parcels[i].changes[0].central).arg(pc[i].changeT[0])));
        }
        // The change from transition areas equals the change-raster route (run without transitions).
        carbon::PoolRunResult viaChange = run;
        for (carbon::PairTotals& p : viaChange.pairs)
            p.transitionRaster.clear();
        const std::vector<carbon::ParcelCarbon> pc2 =
          carbon::runPoolParcels(parcels, inputs, pools, viaChange, zonal);
        for (std::size_t i = 0; i < pc.size(); ++i) {
            QVERIFY(pc2[i].transitionAreaHa.empty());
            QVERIFY(near(pc2[i].changeT[0], pc[i].changeT[0], 1e-12));
            QVERIFY(pc[i].changeT[0] != 0);
        }
        // No change rasters at all (CLI --no-rasters): the transition rasters carry the parcel change.
        QTemporaryDir dir2;
        carbon::PoolRunOptions noMaps;
        noMaps.outDir = dir2.path().toStdString();
        noMaps.writeDensityRasters = noMaps.writeChangeRasters = false;
        noMaps.writeTransitionRasters = true;
        const carbon::PoolRunResult run3 = carbon::runPoolRasters(inputs, pools, noMaps);
        QVERIFY(run3.pairs[0].changeRaster.empty());
        QVERIFY(!QFile::exists(dir2.filePath("c_change_2015_2024.tif")));
        const std::vector<carbon::ParcelCarbon> pc3 =
          carbon::runPoolParcels(parcels, inputs, pools, run3, zonal);
        for (std::size_t i = 0; i < pc.size(); ++i)
            QCOMPARE(pc3[i].changeT[0], pc[i].changeT[0]);
        // No raster at all: derived pair bands in the zonal pass give the transition raster's areas
        // and change exactly (same encoding, same accumulation).
        QVERIFY(carbon::pairBandsAvailable(inputs, pools));
        carbon::PoolRunOptions none;
        const carbon::PoolRunResult run4 = carbon::runPoolRasters(inputs, pools, none);
        QVERIFY(run4.pairs[0].transitionRaster.empty() && run4.pairs[0].changeRaster.empty());
        for (bool asked : { true, false }) { // asked for, or implied by the missing change rasters
            const std::vector<carbon::ParcelCarbon> pc4 =
              carbon::runPoolParcels(parcels, inputs, pools, run4, zonal, { asked });
            for (std::size_t i = 0; i < pc.size(); ++i) {
                QCOMPARE(pc4[i].transitionAreaHa, pc[i].transitionAreaHa);
                QCOMPARE(pc4[i].changeT[0], pc[i].changeT[0]);
                QCOMPARE(pc4[i].dates[1].classAreaHa, pc[i].dates[1].classAreaHa);
            }
        }
        // With change rasters and without transitions asked for: the change-raster route, no areas.
        const std::vector<carbon::ParcelCarbon> pc5 =
          carbon::runPoolParcels(parcels, inputs, pools, viaChange, zonal, { false });
        QVERIFY(pc5[0].transitionAreaHa.empty());
        // More than 15 classes in the table: transition values do not fit a Byte, no derived bands.
        QString many = "lucode,c_above,c_below,c_soil,c_dead\n";
        for (int code = 1; code <= 16; ++code)
            many += QString::number(code) + ",1,1,1,1\n";
        writeFile(dir.filePath("many.csv"), many.toUtf8());
        const params::LoadedTable manyTable = loadPools(dir.filePath("many.csv"));
        QVERIFY(!carbon::pairBandsAvailable(inputs, carbon::PoolLookup(manyTable.table)));
        QVERIFY(near(r.total.stocks[0].central, run.dates[0].totalT, 1e-12));
        QVERIFY(near(r.total.changes[0].central, run.pairs[0].changeT, 1e-12));
        // Parcel 2 covers cells that are nodata at date 2 (row 0 is outside it), parcel 1 covers row 0:
        // its change is over both-valid cells, unlike its stock difference.
        QVERIFY(!near(pc[0].changeT[0], pc[0].stockDifferenceT[0], 1e-9));
    }

    void volumeMonteCarlo() {
        QTemporaryDir dir;
        const QString path = dir.filePath("species.csv");
        writeFile(
          path,
          "species_group,wd,bef,r,cf,fang_a,fang_b,wd_u_pct,bef_u_pct,r_u_pct,cf_u_pct,fang_a_sd,fang_b_sd\n"
          "chinese_fir,0.307,1.634,0.246,0.52,0.3999,22.541,10,20,50,4,0.02,2\n"
          "masson_pine,0.38,1.472,0.187,0.46,0.5101,1.0451,10,20,40,4,0.03,0.5\n");
        const params::LoadedTable t =
          params::loadTable(carbon::speciesParamsSpec(), path, params::Provenance::UserSupplied);
        QVERIFY(!params::hasErrors(t.issues));
        const carbon::SpeciesLookup species(t.table);
        std::vector<carbon::VolumeRecord> records;
        for (int i = 0; i < 40; ++i) {
            carbon::VolumeRecord r;
            r.fid = i;
            r.row = i + 1;
            r.species = i % 3 == 0 ? "马尾松" : "杉木";
            r.volume = 50.0 + i;
            r.areaHa = 1.0 + 0.25 * i;
            records.push_back(r);
        }
        for (carbon::BefForm form : { carbon::BefForm::Constant, carbon::BefForm::Continuous }) {
            const std::vector<carbon::VolumeParcel> results =
              carbon::computeVolumeParcels(records, species, form);
            const VolumeUncertaintyModel model = buildVolumeUncertainty(t.table, species, form, {});
            QVERIFY(model.issues.empty());
            QVERIFY(model.fixedIds.empty());
            MonteCarloOptions options;
            options.iterations = 4000;
            options.threads = 1;
            const VolumeMonteCarloResult one = runVolumeMonteCarlo(model, records, results, form, options);
            options.threads = 2;
            const VolumeMonteCarloResult two = runVolumeMonteCarlo(model, records, results, form, options);
            double central = 0;
            for (std::size_t i = 0; i < records.size(); ++i) {
                QCOMPARE(one.parcels[i].mc.p2_5, two.parcels[i].mc.p2_5);
                QCOMPARE(one.parcels[i].mc.p97_5, two.parcels[i].mc.p97_5);
                QCOMPARE(one.parcels[i].central, results[i].carbonT);
                central += results[i].carbonT;
            }
            QCOMPARE(one.total.mc.p50, two.total.mc.p50);
            QVERIFY(near(one.total.central / central, 1.0, 1e-12));
            if (form == carbon::BefForm::Constant) {
                // Eq. 3.1 with U_(1+R) (§6.2): chinese fir U = sqrt(0.1² + 0.2² + U_(1+R)² + 0.04²).
                const double u[] = { 0.1, 0.2, uOnePlusR(0.5, 0.246), 0.04 };
                QVERIFY(near(one.parcels[1].u95, approach1Product(u), 1e-12));
                // Parcels of one group share draws: their relative intervals are identical.
                QVERIFY(near(one.parcels[1].mc.p97_5 / one.parcels[1].mc.mean,
                             one.parcels[2].mc.p97_5 / one.parcels[2].mc.mean,
                             1e-12));
            }
            // The total's percentiles equal Σ of per-iteration parcel stocks: its interval lies
            // within the sum of the parcels' intervals (parcels of a group are perfectly correlated).
            double lo = 0, hi = 0;
            for (const QuantityUncertainty& q : one.parcels) {
                lo += q.mc.p2_5;
                hi += q.mc.p97_5;
            }
            QVERIFY(one.total.mc.p2_5 >= lo - 1e-6 && one.total.mc.p97_5 <= hi + 1e-6);
            QVERIFY(one.total.mc.p2_5 < one.total.central && one.total.central < one.total.mc.p97_5);
        }
    }
};

QTEST_GUILESS_MAIN(TestUncertainty)
#include "tst_uncertainty.moc"
