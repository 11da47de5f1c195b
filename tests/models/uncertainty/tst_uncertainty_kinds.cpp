// SPDX-License-Identifier: GPL-3.0-or-later
// Uncertainty rules of issue 11 (docs/uncertainty.md, "Defaults by kind", "Bounded distributions",
// "Joint draws", "Approach 1"): analytic percentiles of a truncated normal on [0, 1], defaults per
// parameter kind (carbon fraction, BEF ≥ 1, wood density, R), soil factors drawn jointly so that
// low ≤ medium ≤ high in every draw, definitional constants exact, the Approach 1 percentage rule and the
// note of a run without uncertainty sources in the written tables.
#include "TestUtil.h"
#include "models/carbon/CarbonResult.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/SoilMethod.h"
#include "models/params/ParameterTable.h"
#include "models/uncertainty/Distribution.h"
#include "models/uncertainty/UncertainParameters.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace tanhui::models;
using namespace tanhui::models::uncertainty;

namespace {

void writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(text);
}

std::vector<double> drawsOfValue(const UncertainValue& v, int n, std::uint64_t seed = 11) {
    const DrawMatrix m = drawsOf({ &v }, seed, n);
    return std::vector<double>(m.row(0), m.row(0) + n);
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return percentileSorted(v, p);
}

UncertaintyDefaults byKind(double pct) {
    UncertaintyDefaults d;
    d.uPct = pct;
    d.provenance = QStringLiteral("run default");
    d.byKind = true;
    return d;
}

/// The CSV cells of row `row` (0 = header) of a file without quoted commas before the last column.
QStringList csvRow(const QString& path, int row) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    return QString::fromUtf8(lines.value(row)).trimmed().split(QLatin1Char(','));
}

} // namespace

class TestUncertaintyKinds : public QObject {
    Q_OBJECT

private slots:
    void truncatedNormalOnUnitInterval() {
        // N(0.9, 0.2²) truncated to [0, 1]: hand values (Φ from Python's statistics.NormalDist):
        // quantile(p) = 0.9 + 0.2 Φ⁻¹(Φ(−4.5) + p (Φ(0.5) − Φ(−4.5))).
        const Distribution d = Distribution::truncatedNormal(0.9, 0.2, 0.0, 1.0);
        QCOMPARE(d.kind, Distribution::Kind::TruncatedNormal);
        QVERIFY(std::fabs(d.quantile(0.025) - 0.4773508714107823) < 1e-9);
        QVERIFY(std::fabs(d.quantile(0.5) - 0.8206266864352938) < 1e-9);
        QVERIFY(std::fabs(d.quantile(0.975) - 0.9902947803640053) < 1e-9);
        QVERIFY(std::fabs(d.mean() - 0.7981720360451023) < 1e-9);
        QVERIFY(std::fabs(d.stddev() - 0.13944047536137522) < 1e-9);
        // 20,000 draws: all within [0, 1]; sample percentiles near the analytic ones.
        UncertainValue v;
        v.id = "test/cf";
        v.dist = d;
        const std::vector<double> x = drawsOfValue(v, 20000);
        QVERIFY(*std::min_element(x.begin(), x.end()) >= 0.0);
        QVERIFY(*std::max_element(x.begin(), x.end()) <= 1.0);
        QVERIFY(std::fabs(percentile(x, 0.5) - 0.8206266864352938) < 0.005);
        QVERIFY(std::fabs(percentile(x, 0.975) - 0.9902947803640053) < 0.002);
        // The lower-bound-only form is unchanged (a truncation at 0 only, as before).
        const Distribution below = Distribution::truncatedNormal(1.0, 0.4);
        QCOMPARE(below.min, 0.0);
        QVERIFY(std::isinf(below.max));
        QVERIFY(std::fabs(below.quantile(0.5) -
                          (1.0 + 0.4 * normalQuantile(normalCdf(-2.5) + 0.5 * (1 - normalCdf(-2.5))))) <
                1e-15);
    }

    void defaultsByKind() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("species.csv"));
        writeFile(path, "species_group,wd,bef,r,cf\nfir,0.307,1.634,0.246,0.52\n");
        const params::LoadedTable t =
          params::loadTable(carbon::speciesParamsSpec(), path, params::Provenance::UserSupplied);
        QVERIFY(!params::hasErrors(t.issues));
        const params::TableRow& row = *t.table.find(QStringLiteral("fir"));
        params::Issues issues;
        const UncertaintyDefaults kinds = byKind(90);
        // CF: §3.6 range 0.44–0.49 → U 6.4 %, within [0, 1].
        const UncertainValue cf = readUncertainty(t.table, row, QStringLiteral("cf"), kinds, issues);
        QCOMPARE(cf.dist.kind, Distribution::Kind::TruncatedNormal);
        QCOMPARE(cf.dist.min, 0.0);
        QCOMPARE(cf.dist.max, 1.0);
        QVERIFY(std::fabs(cf.dist.u95() - 0.064) < 1e-12);
        QVERIFY(cf.provenance.contains(QStringLiteral("§3.6")));
        // BEF ≥ 1 by definition and WD: §6.2 item 1 ±90 % (no source gives theirs); R ±90 % (Table 4.4):
        // lognormal.
        const UncertainValue bef = readUncertainty(t.table, row, QStringLiteral("bef"), kinds, issues);
        QCOMPARE(bef.dist.kind, Distribution::Kind::TruncatedNormal);
        QCOMPARE(bef.dist.min, 1.0);
        QVERIFY(std::fabs(bef.dist.u95() - 0.90) < 1e-12);
        QVERIFY(bef.provenance.contains(QStringLiteral("§6.2 item 1")));
        for (double x : drawsOfValue(bef, 5000))
            QVERIFY(x >= 1.0);
        const UncertainValue wd = readUncertainty(t.table, row, QStringLiteral("wd"), kinds, issues);
        QVERIFY(std::fabs(wd.dist.u95() - 0.90) < 1e-12);
        QVERIFY(wd.provenance.contains(QStringLiteral("§6.2 item 1")));
        const UncertainValue r = readUncertainty(t.table, row, QStringLiteral("r"), kinds, issues);
        QCOMPARE(r.dist.kind, Distribution::Kind::Lognormal);
        QVERIFY(std::fabs(r.dist.u95() - 0.90) < 1e-12);
        QVERIFY(issues.empty());

        // Without kinds (a plain run-wide 90 %), a fraction is still bounded: no CF draw above 1, where
        // the former rule (lognormal, mean 0.52, U 90 %) put 4.5 % of the draws above 1.
        UncertaintyDefaults plain = kinds;
        plain.byKind = false;
        const UncertainValue cf90 = readUncertainty(t.table, row, QStringLiteral("cf"), plain, issues);
        QCOMPARE(cf90.dist.max, 1.0);
        for (double x : drawsOfValue(cf90, 5000))
            QVERIFY(x >= 0.0 && x <= 1.0);
        UncertainValue old;
        old.id = cf90.id;
        old.dist = fromPercent(0.52, 90, true);
        const std::vector<double> oldDraws = drawsOfValue(old, 20000);
        const double above =
          double(std::count_if(oldDraws.begin(), oldDraws.end(), [](double x) { return x > 1.0; })) / 20000.0;
        QVERIFY2(above > 0.03 && above < 0.06, qPrintable(QString::number(above)));
    }

    void soilFactorsJointAndConstants() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("soil_factors.csv"));
        writeFile(path,
                  "climate_zone,factor,level,value,d_years\n"
                  "z,I,low,0.92,20\n"
                  "z,I,medium,1.00,20\n"
                  "z,I,high_without_manure,1.11,20\n"
                  "z,MG,full_tillage,1.00,20\n"
                  "z,LU,long_term_cultivated,0.48,20\n");
        const params::LoadedTable t =
          params::loadTable(carbon::soilFactorsSpec(), path, params::Provenance::UserSupplied);
        QVERIFY(!params::hasErrors(t.issues));
        params::Issues issues;
        const UncertaintyDefaults kinds = byKind(90);
        auto read = [&](const char* key) {
            const params::TableRow* row = t.table.find(QString::fromLatin1(key));
            if (!row)
                qFatal("no row %s", key);
            return readUncertainty(t.table, *row, QStringLiteral("value"), kinds, issues);
        };
        const UncertainValue low = read("z|i|low"), medium = read("z|i|medium"),
                             high = read("z|i|high_without_manure"), till = read("z|mg|full_tillage"),
                             lu = read("z|lu|long_term_cultivated");
        QVERIFY(issues.empty());
        // Reference levels equal to 1 are definitional constants: exact, whatever the default.
        QVERIFY(medium.dist.isFixed());
        QCOMPARE(medium.origin, UncertainValue::Origin::Constant);
        QVERIFY(till.dist.isFixed());
        // Each level on its side of 1 (U 90 %, §6.2 item 1: Table 5.5's errors are not transcribed): hand
        // quantiles of N(0.92, (0.9 × 0.92 / 1.96)²) on [0, 1] and N(1.11, (0.9 × 1.11 / 1.96)²) on [1, ∞)
        // (value + SD·Φ⁻¹(Φ(α) + p(Φ(β) − Φ(α))).
        QCOMPARE(low.dist.max, 1.0);
        QCOMPARE(high.dist.min, 1.0);
        QVERIFY(std::fabs(low.dist.quantile(0.5) - 0.6922533438652003) < 1e-9);
        QVERIFY(std::fabs(low.dist.quantile(0.975) - 0.9849441224859291) < 1e-9);
        QVERIFY(std::fabs(high.dist.quantile(0.025) - 1.0190668394843165) < 1e-9);
        QVERIFY(std::fabs(high.dist.quantile(0.975) - 2.221034652159691) < 1e-9);
        QVERIFY(std::fabs(lu.dist.u95() - 0.90) < 1e-12);
        QVERIFY(lu.provenance.contains(QStringLiteral("§6.2 item 1")) &&
                lu.provenance.contains(QStringLiteral("F_LU")));
        // Drawn together: one stream per zone and factor, so low and high move together and
        // low ≤ medium ≤ high in every draw (a low → medium change is never negative).
        QCOMPARE(low.stream, std::string("soil_factors/z|i/joint"));
        QCOMPARE(high.stream, low.stream);
        QVERIFY(lu.stream.empty()); // land uses are independent
        const DrawMatrix m = drawsOf({ &low, &medium, &high }, 42, 5000);
        for (int i = 0; i < 5000; ++i) {
            QVERIFY(m.row(0)[i] <= m.row(1)[i]);
            QVERIFY(m.row(1)[i] <= m.row(2)[i]);
            QCOMPARE(m.row(1)[i], 1.0);
        }
        // Comonotone: the iteration with the largest low factor also has the largest high factor.
        const auto maxLow = std::max_element(m.row(0), m.row(0) + 5000) - m.row(0);
        const auto maxHigh = std::max_element(m.row(2), m.row(2) + 5000) - m.row(2);
        QCOMPARE(maxLow, maxHigh);
        // A constant is exact even without byKind; with no default at all nothing is drawn.
        UncertaintyDefaults none;
        const UncertainValue lowNone = readUncertainty(
          t.table, *t.table.find(QStringLiteral("z|i|low")), QStringLiteral("value"), none, issues);
        QVERIFY(lowNone.dist.isFixed());
        QCOMPARE(lowNone.origin, UncertainValue::Origin::None);
    }

    void approach1RuleAndExactNote() {
        QTemporaryDir dir;
        using carbon::Bounds;
        carbon::ResultTotals all;
        all.stocks.push_back({ 2015, 100.0, 10.0, 1, Bounds{ 90, 100, 110, 10.0 } });
        // A change near zero: U = 10⁶ % → no percentage, the absolute half-width 10⁴ × 0.001 = 10 t C.
        carbon::ResultTotals::Change near;
        near.year1 = 2015;
        near.year2 = 2020;
        near.changeT = 0.001;
        near.bounds = Bounds{ -9, 0, 11, 1e6 };
        // A change with a zero-width interval (no uncertainty source): blank bounds and a note.
        carbon::ResultTotals::Change exact;
        exact.year1 = 2020;
        exact.year2 = 2024;
        exact.changeT = 50;
        exact.bounds = Bounds{ 50, 50, 50, std::numeric_limits<double>::quiet_NaN() };
        all.changes = { near, exact };
        const QString path = dir.filePath(QStringLiteral("totals.csv"));
        carbon::writeTotals(path.toStdString(), QStringLiteral("type"), {}, all);
        const QStringList header = csvRow(path, 0), row = csvRow(path, 1);
        auto cell = [&](const char* name) {
            const qsizetype i = header.indexOf(QString::fromLatin1(name));
            if (i < 0)
                qFatal("no column %s", name);
            return row.value(i);
        };
        QCOMPARE(cell("c_total_t_2015_u95_pct").toDouble(), 10.0);
        QCOMPARE(cell("c_total_t_2015_u95_t").toDouble(), 10.0);
        QVERIFY(cell("change_t_2015_2020_u95_pct").isEmpty());
        QVERIFY(std::fabs(cell("change_t_2015_2020_u95_t").toDouble() - 10.0) < 1e-9);
        QCOMPARE(cell("change_t_2015_2020_p2_5").toDouble(), -9.0);
        QVERIFY(cell("change_t_2020_2024_p2_5").isEmpty());
        QVERIFY(cell("change_t_2020_2024_p97_5").isEmpty());
        QVERIFY(cell("change_t_2020_2024_u95_t").isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(f.readAll()).contains(QStringLiteral("no uncertainty source")));
        QCOMPARE(carbon::kApproach1PercentMaxPct, 100.0);
    }
};

QTEST_GUILESS_MAIN(TestUncertaintyKinds)
#include "tst_uncertainty_kinds.moc"
