// SPDX-License-Identifier: GPL-3.0-or-later
// Cropland soil method: carbon-methods.md §10.6 test vectors (2006 factors, Tropical moist, LAC,
// SOC_REF = 47), the 20-year rule incl. T > D (§3.3, §9 edge cases), the practice mapping of §3.7,
// validation messages, and composite keys of the parameter loader.
#include "models/carbon/SoilMethod.h"
#include "models/carbon/Valuation.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace carbon = tanhui::models::carbon;
namespace params = tanhui::models::params;

namespace {

bool near(double a, double b, double rel = 1e-6) {
    return std::fabs(a - b) <= rel * std::max(1.0, std::fabs(b));
}

carbon::SoilTables defaultTables() {
    params::Issues issues;
    carbon::SoilTables t = carbon::loadDefaultSoilTables(issues);
    if (!issues.empty())
        qFatal("default soil tables: %s", qPrintable(issues.front().toString()));
    return t;
}

double eq(const carbon::SoilTables& t, carbon::SoilLandUse lu, carbon::SoilTillage mg, carbon::SoilInput i) {
    const auto e = t.equilibrium(QStringLiteral("tropical_moist"), QStringLiteral("lac"), { lu, mg, i });
    return e ? e->soc() : std::nan("");
}

carbon::SoilRecord plot(int row,
                        const QString& crop,
                        const QVariant& strawYear,
                        const QString& organic = {}) {
    carbon::SoilRecord r;
    r.fid = row;
    r.row = row;
    r.id = QString::number(row);
    r.crop = crop;
    r.strawYear = strawYear;
    r.organic = organic;
    r.areaHa = 2.0;
    return r;
}

carbon::SoilFields sampleFields() {
    carbon::SoilFields f;
    f.crop = QStringLiteral("作物");
    f.strawYear = QStringLiteral("秸秆还田起始年");
    f.organic = QStringLiteral("施用有机肥");
    return f;
}

std::vector<int> yearRange(int from, int to) {
    std::vector<int> y;
    for (int k = from; k <= to; ++k)
        y.push_back(k);
    return y;
}

} // namespace

class TestCarbonSoil : public QObject {
    Q_OBJECT
private slots:
    // §10.6: long-term cultivated, full tillage, the four input levels; paddy.
    void equilibriumVectors() {
        using LU = carbon::SoilLandUse;
        using MG = carbon::SoilTillage;
        using I = carbon::SoilInput;
        const carbon::SoilTables t = defaultTables();
        QVERIFY(near(eq(t, LU::LongTermCultivated, MG::Full, I::Low), 20.7552));
        QVERIFY(near(eq(t, LU::LongTermCultivated, MG::Full, I::Medium), 22.56));
        QVERIFY(near(eq(t, LU::LongTermCultivated, MG::Full, I::HighWithoutManure), 25.0416));
        QVERIFY(near(eq(t, LU::LongTermCultivated, MG::Full, I::HighWithManure), 32.4864));
        QVERIFY(near(eq(t, LU::Paddy, MG::Full, I::Medium), 51.70));
        QVERIFY(near(eq(t, LU::Native, MG::Full, I::Low), 47.0)); // SOC_REF, all factors 1 (§3.3)
        // No-till and reduced tillage (§3.7 table, tropical moist): 47 × 0.48 × 1.22 and × 1.15.
        QVERIFY(near(eq(t, LU::LongTermCultivated, MG::NoTill, I::Medium), 47 * 0.48 * 1.22));
        QVERIFY(near(eq(t, LU::LongTermCultivated, MG::Reduced, I::Medium), 47 * 0.48 * 1.15));
        // Provenance: the default rows are tagged unconfirmed, edition IPCC2006 (§3.7, §3.8).
        const auto e = t.equilibrium(QStringLiteral("tropical_moist"), QStringLiteral("lac"), {});
        QVERIFY(e);
        QCOMPARE(e->rows.size(), std::size_t(4));
        for (const params::TableRow* r : e->rows) {
            QCOMPARE(r->tag, params::Tag::Unconfirmed);
            QCOMPARE(r->edition, QStringLiteral("IPCC2006"));
        }
        QCOMPARE(e->dYears, 20.0);
    }

    // §10.6: straw return (low → medium) 0.09024 t C/ha/yr for 20 years then 0 (0.33088 t CO2/ha/yr);
    // manure (low → high with manure) 0.58656 (2.15072 t CO2/ha/yr). Through the per-plot path with the
    // sample's fields (crop, straw-return year, organic fertiliser yes/no).
    void strawAndManureTransitions() {
        const carbon::SoilTables t = defaultTables();
        carbon::SoilSettings s;
        s.years = yearRange(2000, 2030);
        s.currentYear = 2026;
        const carbon::SoilFields f = sampleFields();
        const std::vector<carbon::SoilRecord> records = {
            plot(1, QStringLiteral("蔬菜"), 2005, QStringLiteral("否")),
            plot(2, QStringLiteral("甘蔗"), 2005, QStringLiteral("是")),
            plot(3, QStringLiteral("花生"), QVariant(), QStringLiteral("否"))
        };
        QVERIFY(carbon::validateSoilRecords(records, f, t, s, QStringLiteral("plots.gpkg")).empty());
        const std::vector<carbon::SoilPlot> p = carbon::computeSoilPlots(records, f, t, s);
        QCOMPARE(p[0].after.input, carbon::SoilInput::Medium);
        QCOMPARE(p[0].before.input, carbon::SoilInput::Low);
        QCOMPARE(p[1].after.input, carbon::SoilInput::HighWithManure);
        QCOMPARE(*p[0].changeYear, 2005);
        for (std::size_t k = 0; k < s.years.size(); ++k) {
            const int y = s.years[k];
            const bool inTransition = y > 2005 && y <= 2025; // years 2006 … 2025: 20 years
            QVERIFY2(near(p[0].fluxPerHaYr[k], inTransition ? 0.09024 : 0.0, 1e-9),
                     qPrintable(QString::number(y)));
            QVERIFY(near(p[0].fluxPerHaYr[k] * carbon::kCo2PerC, inTransition ? 0.33088 : 0.0, 1e-9));
            QVERIFY(near(p[1].fluxPerHaYr[k], inTransition ? 0.58656 : 0.0, 1e-9));
            QVERIFY(near(p[1].fluxPerHaYr[k] * carbon::kCo2PerC, inTransition ? 2.15072 : 0.0, 1e-9));
            QCOMPARE(p[2].fluxPerHaYr[k], 0.0); // no straw return, no manure: low input, at equilibrium
            QVERIFY(near(p[0].socT[k], p[0].socPerHa[k] * 2.0, 1e-12));
        }
        QVERIFY(near(p[0].socPerHa.front(), 20.7552));
        QVERIFY(near(p[0].socPerHa.back(), 22.56));
        QVERIFY(near(p[1].socPerHa.back(), 32.4864));
        QVERIFY(near(p[2].socPerHa.back(), 20.7552));
        // Totals: Σ flux × area and Σ stock, in double.
        const carbon::SoilTotals tot = carbon::sumSoilPlots(records, p, s);
        QVERIFY(near(tot.fluxT[10], (0.09024 + 0.58656) * 2.0, 1e-9));
        QCOMPARE(tot.changedPlots, std::size_t(2));
        QCOMPARE(tot.flaggedPlots, std::size_t(3));
        QVERIFY(
          p[0].flaggedRows.contains(QStringLiteral("soil_factors.csv:tropical_moist|i|medium:unconfirmed")));
    }

    // §10.6: native → long-term cultivated: (47 − 22.56) / 20 = 1.222 t C/ha/yr loss.
    void nativeToCultivated() {
        const carbon::SoilTables t = defaultTables();
        carbon::SoilSettings s;
        s.before = carbon::SoilBefore::Native;
        s.years = { 2010, 2011, 2020 };
        s.currentYear = 2026;
        carbon::SoilFields f;
        f.crop = QStringLiteral("crop");
        f.practice = QStringLiteral("practice");
        f.practiceYear = QStringLiteral("year");
        carbon::SoilRecord r = plot(1, QStringLiteral("旱地"), QVariant());
        r.practice = QStringLiteral("秸秆还田");
        r.practiceYear = 2010;
        QVERIFY(carbon::validateSoilRecords({ r }, f, t, s, QStringLiteral("p.gpkg")).empty());
        const carbon::SoilPlot p = carbon::computeSoilPlots({ r }, f, t, s).front();
        QVERIFY(near(p.socStartPerHa, 47.0));
        QVERIFY(near(p.socEqPerHa, 22.56));
        QVERIFY(near(p.fluxPerHaYr[1], -1.222, 1e-9));
        QVERIFY(near(p.intervalRatePerHaYr[1], -1.222, 1e-9));
        QVERIFY(near(p.intervalChangeT[0], -1.222 * 2.0, 1e-9));
    }

    // §3.3 / §9 edge case T > D: the rate over T is ΔSOC / T (never faster than ΔSOC / D per year), and
    // the stock stays at the new equilibrium after D years.
    void periodLongerThanD() {
        QCOMPARE(carbon::socAt(20.7552, 22.56, 2000, 1990), 20.7552); // before the change
        QVERIFY(near(carbon::socAt(20.7552, 22.56, 2000, 2010), (20.7552 + 22.56) / 2));
        QCOMPARE(carbon::socAt(20.7552, 22.56, 2000, 2020), 22.56);
        QCOMPARE(carbon::socAt(20.7552, 22.56, 2000, 2050), 22.56);
        const carbon::SoilTables t = defaultTables();
        carbon::SoilSettings s;
        s.years = { 2000, 2040 };
        s.currentYear = 2026;
        const carbon::SoilFields f = sampleFields();
        const carbon::SoilPlot p =
          carbon::computeSoilPlots({ plot(1, QStringLiteral("蔬菜"), 2000, QStringLiteral("否")) }, f, t, s)
            .front();
        QVERIFY(near(p.intervalRatePerHaYr[0], 1.8048 / 40, 1e-9)); // T = 40 > D = 20
        QVERIFY(near(p.intervalRatePerHaYr[0] * 2, 0.09024, 1e-9));
        QCOMPARE(p.fluxPerHaYr[1], 0.0); // 2040: transition over
    }

    // §3.7 mapping of Chinese practices.
    void practiceMapping() {
        using I = carbon::SoilInput;
        auto input = [](const char* text) {
            return carbon::soilInputLevel(carbon::parseSoilPractice(QString::fromUtf8(text)));
        };
        QCOMPARE(input("秸秆还田"), I::Medium);
        QCOMPARE(input("秸秆焚烧"), I::Low);
        QCOMPARE(input("秸秆移除"), I::Low);
        QCOMPARE(input("秸秆还田+绿肥"), I::HighWithoutManure);
        QCOMPARE(input("秸秆还田、有机肥"), I::HighWithManure);
        QCOMPARE(input("straw return and green manure with manure"), I::HighWithManure);
        QCOMPARE(input("有机肥"), I::Medium); // residues removed but organic matter added (2006 "medium")
        QCOMPARE(input("high_without_manure"), I::HighWithoutManure);
        QCOMPARE(input(""), I::Low);
        const carbon::SoilPracticeText nt = carbon::parseSoilPractice(QStringLiteral("免耕；秸秆还田"));
        QCOMPARE(*nt.tillage, carbon::SoilTillage::NoTill);
        QVERIFY(nt.unknown.isEmpty());
        QCOMPARE(*carbon::parseSoilPractice(QStringLiteral("少耕")).tillage, carbon::SoilTillage::Reduced);
        QVERIFY(carbon::parseSoilPractice(QStringLiteral("秸秆还田和焚烧")).contradictory);
        QVERIFY(carbon::parseSoilPractice(QStringLiteral("免耕 少耕")).contradictory);
        QCOMPARE(carbon::parseSoilPractice(QStringLiteral("秸秆还田+深松")).unknown, QStringLiteral("深松"));
        QCOMPARE(carbon::parseSoilPractice(QStringLiteral("island")).unknown, QStringLiteral("island"));

        using LU = carbon::SoilLandUse;
        QCOMPARE(*carbon::parseSoilLandUse(QStringLiteral("水稻")), LU::Paddy);
        QCOMPARE(*carbon::parseSoilLandUse(QStringLiteral("水田")), LU::Paddy);
        QCOMPARE(*carbon::parseSoilLandUse(QStringLiteral(" Rice ")), LU::Paddy);
        QCOMPARE(*carbon::parseSoilLandUse(QStringLiteral("旱地")), LU::LongTermCultivated);
        QCOMPARE(*carbon::parseSoilLandUse(QStringLiteral("甘蔗")), LU::LongTermCultivated);
        QCOMPARE(*carbon::parseSoilLandUse(QStringLiteral("荔枝")), LU::Perennial);
        QCOMPARE(*carbon::parseSoilLandUse(QStringLiteral("龙眼")), LU::Perennial);
        QCOMPARE(*carbon::parseSoilLandUse(QStringLiteral("long_term_cultivated")), LU::LongTermCultivated);
        QVERIFY(!carbon::parseSoilLandUse(QStringLiteral("鱼塘")));
        QCOMPARE(*carbon::parseYesNo(QStringLiteral("是")), true);
        QCOMPARE(*carbon::parseYesNo(QStringLiteral("否")), false);
        QCOMPARE(*carbon::parseYesNo(QVariant()), false);
        QVERIFY(!carbon::parseYesNo(QStringLiteral("偶尔")));
    }

    // Validation: every distinct unknown value with its rows and the accepted ones, years out of range,
    // missing table rows, and the warning for practices without a start year.
    void validationMessages() {
        const carbon::SoilTables t = defaultTables();
        carbon::SoilSettings s;
        s.years = { 2015, 2024 };
        s.currentYear = 2026;
        carbon::SoilFields f = sampleFields();
        f.practice = QStringLiteral("措施");
        std::vector<carbon::SoilRecord> r = {
            plot(2, QStringLiteral("鱼塘"), 2010),
            plot(3, QStringLiteral("水稻"), 2031),
            plot(4, QStringLiteral("鱼塘"), 1900),
            plot(5, QStringLiteral("茶"), QVariant(), QStringLiteral("偶尔")),
            plot(6, QStringLiteral("蔬菜"), QVariant(), QStringLiteral("是")),
            plot(7, QStringLiteral("蔬菜"), 2012.5)
        };
        r[1].practice = QStringLiteral("秸秆还田+深松");
        r[4].practice = QStringLiteral("秸秆还田和焚烧");
        const params::Issues issues = carbon::validateSoilRecords(r, f, t, s, QStringLiteral("plots.gpkg"));
        QStringList all;
        for (const params::Issue& i : issues)
            all << i.toString();
        const QString text = all.join(QLatin1Char('\n'));
        auto has = [&](const QString& what) {
            if (!text.contains(what))
                qWarning("missing: %s\nin:\n%s", qPrintable(what), qPrintable(text));
            return text.contains(what);
        };
        QVERIFY(has(QStringLiteral("plots.gpkg, row 2, column 作物: unknown crop or land use in 2 "
                                   "feature(s): '鱼塘' (rows 2, 4); accepted: 水田 → paddy_rice")));
        QVERIFY(has(QStringLiteral("row 3, column 措施: unknown practice in 1 feature(s): '秸秆还田+深松' "
                                   "(rows 3); accepted: 秸秆还田")));
        QVERIFY(has(QStringLiteral(
          "row 5, column 施用有机肥: unknown organic-fertiliser value in 1 feature(s): '偶尔' (rows 5)")));
        QVERIFY(has(QStringLiteral("row 6, column 措施: contradictory practices")));
        QVERIFY(has(QStringLiteral("row 3, column 秸秆还田起始年: feature 3 (id 3): the practice start year "
                                   "2031 is in the future (after 2026)")));
        QVERIFY(has(QStringLiteral(
          "row 4, column 秸秆还田起始年: feature 4 (id 4): the practice start year 1900 is before 1950")));
        QVERIFY(has(QStringLiteral(
          "row 7, column 秸秆还田起始年: feature 7 (id 7): the year '2012.5' is not a whole number")));
        int errors = 0, warnings = 0;
        for (const params::Issue& i : issues)
            (i.isError() ? errors : warnings)++;
        QCOMPARE(errors, 7);
        QCOMPARE(warnings, 1); // row 6: a practice (manure) without a start year; row 7's year is an error
        QVERIFY(has(QStringLiteral("row 6, column 秸秆还田起始年: 1 feature(s) have a practice")));

        // A practice without a start year: a warning (taken as established).
        const params::Issues w =
          carbon::validateSoilRecords({ plot(9, QStringLiteral("蔬菜"), QVariant(), QStringLiteral("是")) },
                                      sampleFields(),
                                      t,
                                      s,
                                      QStringLiteral("p.gpkg"));
        QCOMPARE(w.size(), std::size_t(1));
        QVERIFY(!w[0].isError());
        QVERIFY(w[0].message.contains(QStringLiteral("no start year")));

        // Missing table rows: a climate zone without SOC_REF or factor rows.
        carbon::SoilSettings boreal = s;
        boreal.climateZone = QStringLiteral("boreal_dry");
        const params::Issues m = carbon::validateSoilRecords(
          { plot(1, QStringLiteral("蔬菜"), 2010) }, sampleFields(), t, boreal, QStringLiteral("p.gpkg"));
        QStringList mm;
        for (const params::Issue& i : m)
            mm << i.toString();
        QVERIFY2(mm.join(QLatin1Char('\n'))
                   .contains(
                     QStringLiteral("soc_ref.csv, column climate_zone: the table has no row boreal_dry|lac")),
                 qPrintable(mm.join(QLatin1Char('\n'))));
        QVERIFY(mm.join(QLatin1Char('\n'))
                  .contains(QStringLiteral("soil_factors.csv, column climate_zone: the table has no row "
                                           "boreal_dry|lu|long_term_cultivated")));
    }

    // The loader's composite keys: parts lower-cased and joined by '|'; duplicates, empty parts and
    // missing key columns named with file, row and column.
    void compositeKeys() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("soc.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("climate_zone,soil_class,soc_ref\nTropical_Moist,LAC,50\ntropical_moist,lac,51\ntropical_wet,"
                ",60\n");
        f.close();
        const params::LoadedTable t =
          params::loadTable(carbon::socRefSpec(), path, params::Provenance::UserSupplied);
        QCOMPARE(t.table.rows().size(), std::size_t(1));
        QCOMPARE(t.table.rows()[0].key, QStringLiteral("tropical_moist|lac"));
        QCOMPARE(t.issues.size(), std::size_t(2));
        QVERIFY(t.issues[0].toString().startsWith(path + QStringLiteral(", row 3, column climate_zone: ")));
        QVERIFY(t.issues[0].message.contains(QStringLiteral("more than once")));
        QCOMPARE(t.issues[1].toString(),
                 path + QStringLiteral(", row 4, column soil_class: the key column soil_class is empty"));

        QFile g(path);
        QVERIFY(g.open(QIODevice::WriteOnly | QIODevice::Truncate));
        g.write("climate_zone,soc_ref\ntropical_moist,50\n");
        g.close();
        const params::LoadedTable u =
          params::loadTable(carbon::socRefSpec(), path, params::Provenance::UserSupplied);
        QCOMPARE(u.issues.size(), std::size_t(1));
        QCOMPARE(u.issues[0].column, QStringLiteral("soil_class"));
        QCOMPARE(u.issues[0].row, 1);
        QVERIFY(u.table.rows().empty());

        // User rows replace default rows by composite key.
        params::Issues issues;
        const carbon::SoilTables def = carbon::loadDefaultSoilTables(issues);
        const params::ParameterTable merged = params::overrideTable(def.socRef(), t.table);
        QCOMPARE(*merged.value(QStringLiteral("tropical_moist|lac"), QStringLiteral("soc_ref")), 50.0);
        QCOMPARE(*merged.value(QStringLiteral("tropical_moist|hac"), QStringLiteral("soc_ref")), 65.0);
        QCOMPARE(def.factors().rows().size(), std::size_t(66));
    }
};

QTEST_GUILESS_MAIN(TestCarbonSoil)
#include "tst_carbon_soil.moc"
