// SPDX-License-Identifier: GPL-3.0-or-later
// Restoration plans (issue 13; docs/carbon-project.md "Restoration plans"): the project's plans section
// (parse, save, structure errors), validation issues naming key and value, hand-checked differences
// (carbon-methods.md §4 restoration accrual, §3.2 forest growth), empty plans, totals, bounds, cancel.
#include "IssueUtil.h"
#include "PlanTestProject.h"
#include "TestUtil.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/ParcelReader.h"
#include "models/analysis/Declarations.h"
#include "models/analysis/ResultSet.h"
#include "models/plans/PlanRun.h"
#include "models/project/Project.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace tanhui;
using models::Project;
namespace plans = models::plans;
namespace analysis = models::analysis;

namespace {

// Wetlands Supplement row "subtrop" (resources/parameters/carbon/mangrove_ws.csv): AGB 75 t d.m./ha,
// G_W 18.1 t d.m./ha/yr, R 0.96, CF 0.451, EF_RE −1.62 t C/ha/yr.
constexpr double kGainPerYr = 18.1 * 1.96 * 0.451; // 15.9996 t C/ha/yr
constexpr double kCeiling = 75 * 1.96 * 0.451;     // 66.297 t C/ha
constexpr double kSoilPerYr = 1.62;

} // namespace

class TestPlans : public QObject {
    Q_OBJECT

private slots:
    void roundTrip() {
        QTemporaryDir dir;
        const QString file =
          test::writePlanProject(dir,
                                 R"([{"name": "p", "description": "W1 → mangrove", "horizon_year": 2036,
               "changes": [{"layer": "wet", "parcels": ["W1", "W3"], "target": "mangrove", "start_year": 2026},
                           {"plan_layer": "new.gpkg", "target": "forest", "start_year": 2027,
                            "growth_type": "natural_secondary_young"}]},
              {"name": "empty", "changes": []}])");
        const Project p = Project::load(file);
        QCOMPARE(p.plans.size(), std::size_t(2));
        const models::ProjectPlan& a = p.plans[0];
        QCOMPARE(a.name, QStringLiteral("p"));
        QCOMPARE(a.description, QStringLiteral("W1 → mangrove"));
        QCOMPARE(a.horizonYear.value_or(0), 2036);
        QCOMPARE(a.changes.size(), std::size_t(2));
        QCOMPARE(a.changes[0].parcels, (QStringList{ QStringLiteral("W1"), QStringLiteral("W3") }));
        QCOMPARE(a.changes[0].startYear, 2026);
        QCOMPARE(a.changes[1].planLayer, QStringLiteral("new.gpkg"));
        QCOMPARE(a.changes[1].growthType, QStringLiteral("natural_secondary_young"));
        QVERIFY(!p.plans[1].horizonYear);
        const QString again = dir.filePath(QStringLiteral("again.json"));
        p.save(again);
        const Project q = Project::load(again);
        QCOMPARE(q.plans.size(), std::size_t(2));
        QCOMPARE(q.plans[0].changes[0].parcels, a.changes[0].parcels);
        QCOMPARE(q.plans[0].changes[1].target, QStringLiteral("forest"));
        QCOMPARE(q.plans[0].horizonYear.value_or(0), 2036);
        const QString third = dir.filePath(QStringLiteral("third.json"));
        q.save(third);
        QFile f2(again), f3(third);
        QVERIFY(f2.open(QIODevice::ReadOnly) && f3.open(QIODevice::ReadOnly));
        QCOMPARE(f2.readAll(), f3.readAll());
        // Default horizon: the latest start + 10.
        QCOMPARE(plans::horizonYear(p.plans[0]), 2036);
        models::ProjectPlan d = p.plans[0];
        d.horizonYear.reset();
        QCOMPARE(plans::horizonYear(d), 2037);
    }

    void structureErrors_data() {
        QTest::addColumn<QByteArray>("plans");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not array") << QByteArray(R"({})") << QStringLiteral("\"plans\" must be a JSON array");
        QTest::newRow("unknown key") << QByteArray(R"([{"name": "a", "colour": 1}])")
                                     << QStringLiteral("plans[0].colour is not a known key");
        QTest::newRow("no name") << QByteArray(R"([{"changes": []}])") << QStringLiteral("plans[0].name");
        QTest::newRow("twice") << QByteArray(R"([{"name": "a"}, {"name": "a"}])")
                               << QStringLiteral("another plan is already named \"a\"");
        QTest::newRow("both")
          << QByteArray(
               R"([{"name": "a", "changes": [{"layer": "wet", "plan_layer": "x.gpkg", "target": "mangrove", "start_year": 2026}]}])")
          << QStringLiteral("plans[0].changes[0] needs either");
        QTest::newRow("year")
          << QByteArray(
               R"([{"name": "a", "changes": [{"layer": "wet", "parcels": ["W1"], "target": "mangrove", "start_year": 2026.5}]}])")
          << QStringLiteral("plans[0].changes[0].start_year must be a year");
        QTest::newRow("no year")
          << QByteArray(
               R"([{"name": "a", "changes": [{"layer": "wet", "parcels": ["W1"], "target": "mangrove"}]}])")
          << QStringLiteral("plans[0].changes[0].start_year is missing");
        QTest::newRow("parcel id")
          << QByteArray(
               R"([{"name": "a", "changes": [{"layer": "wet", "parcels": [true], "target": "mangrove", "start_year": 2026}]}])")
          << QStringLiteral("parcels must hold parcel ids");
    }
    void structureErrors() {
        QFETCH(QByteArray, plans);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString file = test::writePlanProject(dir, plans);
        try {
            Project::load(file);
            QFAIL("no error");
        } catch (const gis::GisError& e) {
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.contains(expected), qPrintable(what));
            QVERIFY2(what.contains(file), qPrintable(what));
        }
    }

    void validation() {
        QTemporaryDir dir;
        const QString file = test::writePlanProject(dir,
                                                    R"([{"name": "bad", "horizon_year": 2030, "changes": [
               {"layer": "nowhere", "parcels": ["W1"], "target": "mangrove", "start_year": 2026},
               {"layer": "wet", "parcels": ["W1", "W9", "W10"], "target": "mangrove", "start_year": 2026},
               {"layer": "wet", "parcels": ["W2"], "target": "savanna", "start_year": 2026},
               {"layer": "wet", "parcels": ["W3"], "target": "fishpond_dyke", "start_year": 2026},
               {"layer": "wet", "parcels": ["W3"], "target": "mangrove", "start_year": 2019},
               {"layer": "wet", "parcels": ["W1"], "target": "mangrove", "start_year": 2031},
               {"plan_layer": "missing.gpkg", "target": "mangrove", "start_year": 2026}]}])");
        const Project p = Project::load(file);
        const auto issues = plans::validatePlan(p, 0);
        const QString all = test::issuesText(issues);
        QVERIFY2(
          test::hasError(issues, QStringLiteral("plans[0].changes[0].layer"), QStringLiteral("'nowhere'")),
          qPrintable(all));
        QVERIFY2(
          test::hasError(issues, QStringLiteral("plans[0].changes[1].parcels"), QStringLiteral("W9, W10")),
          qPrintable(all));
        QVERIFY2(
          test::hasError(issues, QStringLiteral("plans[0].changes[2].target"), QStringLiteral("'savanna'")),
          qPrintable(all));
        QVERIFY2(test::hasError(
                   issues, QStringLiteral("plans[0].changes[3].target"), QStringLiteral("cannot be planted")),
                 qPrintable(all));
        QVERIFY2(
          test::hasError(issues, QStringLiteral("plans[0].changes[4].start_year"), QStringLiteral("2019")),
          qPrintable(all));
        QVERIFY2(test::hasError(issues, QStringLiteral("plans[0].horizon_year"), QStringLiteral("2031")),
                 qPrintable(all));
        QVERIFY2(test::hasError(issues, QStringLiteral("plans[0].changes[5].parcels"), QStringLiteral("W1")),
                 qPrintable(all));
        QVERIFY2(test::hasError(
                   issues, QStringLiteral("plans[0].changes[6].plan_layer"), QStringLiteral("missing.gpkg")),
                 qPrintable(all));
        for (const auto& i : issues)
            QCOMPARE(i.file, file);
        // A run stops on them and writes nothing.
        plans::PlanOptions o;
        o.outDir = dir.filePath(QStringLiteral("out"));
        const plans::PlanRun run = plans::runPlan(p, QStringLiteral("bad"), o);
        QVERIFY(run.stopped);
        QVERIFY(!QFileInfo::exists(o.outDir));
        const plans::PlanRun none = plans::runPlan(p, QStringLiteral("nope"), o);
        QVERIFY(none.stopped);
        QVERIFY(test::hasError(none.issues, QStringLiteral("plans"), QStringLiteral("'nope'")));
    }

    void mangroveHandChecked() {
        QTemporaryDir dir;
        const QString file = test::writePlanProject(
          dir,
          R"([{"name": "p", "changes": [{"layer": "wet", "parcels": ["W1"], "target": "mangrove", "start_year": 2026}]},
              {"name": "short", "horizon_year": 2029,
               "changes": [{"layer": "wet", "parcels": ["W1"], "target": "mangrove", "start_year": 2026}]}])");
        const Project p = Project::load(file);
        QVERIFY2(plans::validatePlan(p, 0).empty(), qPrintable(test::issuesText(plans::validatePlan(p, 0))));
        plans::PlanOptions o;
        o.outDir = dir.filePath(QStringLiteral("out"));
        const plans::PlanRun run = plans::runPlan(p, QStringLiteral("p"), o);
        QVERIFY2(!run.stopped, qPrintable(test::issuesText(run.issues)));
        QCOMPARE(run.horizon, 2036);
        QCOMPARE(run.lastCarbonYear, 2024);
        QCOMPARE(run.parcels.size(), std::size_t(1));
        const plans::PlanParcel& w1 = run.parcels[0];
        QCOMPARE(w1.id, QStringLiteral("W1"));
        QCOMPARE(w1.model, QStringLiteral("bluecarbon_restoration"));
        QVERIFY(std::abs(w1.areaHa - 1.0) < 0.01); // 100 m × 100 m, ellipsoidal
        // 10 years after planting in 2026: biomass 10 × 16.0 t C/ha passes the ceiling 66.3 t C/ha;
        // soil 10 × 1.62 t C/ha (carbon-methods.md §4). The baseline keeps its 2024 stock.
        QVERIFY(10 * kGainPerYr > kCeiling);
        QVERIFY(std::abs(w1.diffT.at(QStringLiteral("c_biomass")) - kCeiling * w1.areaHa) < 1e-9);
        QVERIFY(std::abs(w1.diffT.at(QStringLiteral("c_soil")) - 10 * kSoilPerYr * w1.areaHa) < 1e-9);
        QVERIFY(std::abs(w1.diffTotalT - (kCeiling + 16.2) * w1.areaHa) < 1e-9);
        QVERIFY(!w1.bounds); // no carbon.uncertainty
        // Written: the three tables with units.
        const models::analysis::ResultSet rs = models::analysis::readResultSet(o.outDir.toStdString());
        const models::analysis::Table* parcels = rs.table(QStringLiteral("plan_parcels"));
        QVERIFY(parcels && rs.table(QStringLiteral("plan_totals")) &&
                rs.table(QStringLiteral("plan_settings")));
        QCOMPARE(parcels->column(QStringLiteral("diff_total_t"))->unit, QStringLiteral("t C"));
        QCOMPARE(parcels->column(QStringLiteral("diff_total_co2e_t"))->unit, QStringLiteral("t CO2e"));
        QCOMPARE(parcels->rowCount(), std::size_t(1));
        QVERIFY(std::abs(parcels->number(0, QStringLiteral("diff_total_co2e_t")) -
                         (kCeiling + 16.2) * w1.areaHa * 44.0 / 12.0) < 1e-6);
        const models::analysis::Table* settings = rs.table(QStringLiteral("plan_settings"));
        const long long rule = settings->findRow(QStringLiteral("key"), QStringLiteral("baseline_rule"));
        QVERIFY(rule >= 0);
        QVERIFY(settings->value(std::size_t(rule), QStringLiteral("value"))
                  .toString()
                  .contains(QStringLiteral("2024")));

        // Three years (below the ceiling): 3 × 16.0 t C/ha biomass, 3 × 1.62 soil.
        const plans::PlanRun s = plans::runPlan(p, QStringLiteral("short"), {});
        QVERIFY2(!s.stopped, qPrintable(test::issuesText(s.issues)));
        QVERIFY(std::abs(s.parcels[0].diffT.at(QStringLiteral("c_biomass")) -
                         3 * kGainPerYr * s.parcels[0].areaHa) < 1e-9);
        QVERIFY(std::abs(s.parcels[0].diffT.at(QStringLiteral("c_soil")) -
                         3 * kSoilPerYr * s.parcels[0].areaHa) < 1e-9);

        // W1 three-quarters under a layer of higher precedence (the baseline's accounted_share 0.25): the
        // plan plants and counts only its accounted part, so no hectare is counted twice; the baseline
        // stock is the part's.
        models::analysis::Table baseline;
        baseline.name = QStringLiteral("parcels");
        using T = gis::TableColumn::Type;
        for (const auto& [name, type] :
             std::vector<std::pair<const char*, T>>{ { "layer", T::String },
                                                     { "source_fid", T::Integer },
                                                     { "primary", T::Integer },
                                                     { "ecosystem_type", T::String },
                                                     { "accounted_share", T::Real },
                                                     { "c_total_t_2024", T::Real },
                                                     { "accounted_c_total_t_2024", T::Real } })
            baseline.columns.push_back({ QString::fromLatin1(name), {}, {}, type });
        baseline.rows.push_back(
          { QStringLiteral("wet"), 1, 1, QStringLiteral("tidal_flat"), 0.25, 12.0, 3.0 });
        plans::PlanOptions partOptions;
        partOptions.baseline = &baseline;
        const plans::PlanRun part = plans::runPlan(p, QStringLiteral("p"), partOptions);
        QVERIFY2(!part.stopped, qPrintable(test::issuesText(part.issues)));
        QCOMPARE(part.parcels[0].accountedShare, 0.25);
        QVERIFY(std::abs(part.parcels[0].diffTotalT - 0.25 * w1.diffTotalT) < 1e-9);
        QVERIFY(std::abs(part.totalT - 0.25 * w1.diffTotalT) < 1e-9);
        QCOMPARE(part.parcels[0].baselineStockT.value_or(0), 3.0);
        const models::analysis::Table* partTable = part.results.table(QStringLiteral("plan_parcels"));
        QVERIFY(partTable);
        QCOMPARE(partTable->number(0, QStringLiteral("accounted_share")), 0.25);
        QCOMPARE(partTable->number(0, QStringLiteral("plan_stock_t")), 3.0 + part.parcels[0].diffTotalT);
    }

    void forestGrowth() {
        QTemporaryDir dir;
        const QString file = test::writePlanProject(
          dir,
          R"([{"name": "f", "changes": [{"layer": "wet", "parcels": ["W2"], "target": "forest", "start_year": 2025}]}])");
        const Project p = Project::load(file);
        const plans::PlanRun run = plans::runPlan(p, QStringLiteral("f"), {});
        QVERIFY2(!run.stopped, qPrintable(test::issuesText(run.issues)));
        QCOMPARE(run.horizon, 2035);
        // growth_rates.csv "plantation": G_W 8 t d.m./ha/yr, R 0.23, CF 0.47 (§3.2 Eq. 2.9), 10 years.
        const plans::PlanParcel& w2 = run.parcels.at(0);
        QCOMPARE(w2.model, QStringLiteral("forest_growth"));
        QVERIFY(std::abs(w2.diffTotalT - 8 * 1.23 * 0.47 * 10 * w2.areaHa) < 1e-9);
        QCOMPARE(w2.diffT.at(QStringLiteral("c_soil")), 0.0);
    }

    void planLayer() {
        QTemporaryDir dir;
        const QString file = test::writePlanProject(
          dir,
          R"([{"name": "new", "changes": [{"plan_layer": "new.gpkg", "target": "forest", "start_year": 2030}]}])");
        std::vector<gis::VectorFeature> features(2);
        features[0].values = { QStringLiteral("N1") };
        features[0].geometry = test::planRect(500000, 2499000, 500100, 2499100);
        features[1].values = { QStringLiteral("N2") };
        features[1].geometry = test::planRect(500100, 2499000, 500300, 2499100);
        gis::writePolygonLayer(dir.filePath(QStringLiteral("new.gpkg")).toStdString(),
                               QStringLiteral("new"),
                               gis::Crs::fromEpsg(32650),
                               { { QStringLiteral("name"), gis::VectorField::Type::String } },
                               features);
        const Project p = Project::load(file);
        const plans::PlanRun run = plans::runPlan(p, QStringLiteral("new"), {});
        QVERIFY2(!run.stopped, qPrintable(test::issuesText(run.issues)));
        QCOMPARE(run.parcels.size(), std::size_t(2));
        QCOMPARE(run.parcels[0].layer, QStringLiteral("new.gpkg"));
        QVERIFY(std::abs(run.parcels[1].areaHa - 2.0) < 0.02);
        // §3.2: 10 years of the plantation rate on 1 ha and 2 ha.
        QVERIFY(std::abs(run.totalT -
                         8 * 1.23 * 0.47 * 10 * (run.parcels[0].areaHa + run.parcels[1].areaHa)) < 1e-9);
        QVERIFY(!run.totalBounds);
    }

    void emptyPlanGivesZero() {
        QTemporaryDir dir;
        const QString file =
          test::writePlanProject(dir, R"([{"name": "none", "horizon_year": 2035, "changes": []}])");
        const Project p = Project::load(file);
        plans::PlanOptions o;
        o.uncertainty = models::carbon::UncertaintySettings{};
        o.uncertainty->iterations = 200;
        o.outDir = dir.filePath(QStringLiteral("out"));
        const plans::PlanRun run = plans::runPlan(p, QStringLiteral("none"), o);
        QVERIFY2(!run.stopped, qPrintable(test::issuesText(run.issues)));
        QVERIFY(run.parcels.empty());
        QCOMPARE(run.totalT, 0.0);
        for (const auto& [pool, t] : run.totalByPoolT)
            QCOMPARE(t, 0.0);
        QVERIFY(run.totalBounds);
        QCOMPARE(run.totalBounds->p2_5, 0.0);
        QCOMPARE(run.totalBounds->p97_5, 0.0);
        const models::analysis::ResultSet rs = models::analysis::readResultSet(o.outDir.toStdString());
        const models::analysis::Table* totals = rs.table(QStringLiteral("plan_totals"));
        QVERIFY(totals);
        for (std::size_t r = 0; r < totals->rowCount(); ++r)
            QCOMPARE(totals->number(r, QStringLiteral("diff_t")), 0.0);
    }

    void totalsAddUpWithBounds() {
        QTemporaryDir dir;
        const QString file = test::writePlanProject(dir,
                                                    R"([{"name": "p", "horizon_year": 2034, "changes": [
               {"layer": "wet", "parcels": ["W1", "W3"], "target": "mangrove", "start_year": 2026},
               {"layer": "wet", "parcels": ["W2"], "target": "mangrove", "start_year": 2028}]}])");
        const Project p = Project::load(file);
        plans::PlanOptions o;
        o.uncertainty = models::carbon::UncertaintySettings{};
        o.uncertainty->iterations = 500;
        o.uncertainty->seed = 7;
        o.uncertainty->defaultUPct = 30; // the table has no uncertainty columns: ±30 % for each value
        const plans::PlanRun run = plans::runPlan(p, QStringLiteral("p"), o);
        QVERIFY2(!run.stopped, qPrintable(test::issuesText(run.issues)));
        QCOMPARE(run.parcels.size(), std::size_t(3));
        std::map<QString, double> sum;
        double total = 0;
        for (const plans::PlanParcel& x : run.parcels) {
            for (const auto& [pool, t] : x.diffT)
                sum[pool] += t;
            total += x.diffTotalT;
            QVERIFY(x.bounds);
            QVERIFY(x.bounds->p2_5 <= x.diffTotalT && x.diffTotalT <= x.bounds->p97_5);
        }
        QCOMPARE(sum.size(), run.totalByPoolT.size());
        for (const auto& [pool, t] : sum)
            QVERIFY(std::abs(run.totalByPoolT.at(pool) - t) < 1e-9);
        QVERIFY(std::abs(run.totalT - total) < 1e-9);
        QVERIFY(std::abs(run.totalByPoolT.at(QStringLiteral("c_biomass")) +
                         run.totalByPoolT.at(QStringLiteral("c_soil")) - run.totalT) < 1e-9);
        // The total's bounds are percentiles of per-iteration sums: within the sums of the parcels'
        // percentiles (a sum's spread is at most the sum of the spreads) and around the total.
        QVERIFY(run.totalBounds);
        double lo = 0, hi = 0;
        for (const plans::PlanParcel& x : run.parcels) {
            lo += x.bounds->p2_5;
            hi += x.bounds->p97_5;
        }
        QVERIFY(run.totalBounds->p2_5 >= lo - 1e-9 && run.totalBounds->p97_5 <= hi + 1e-9);
        QVERIFY2(run.totalBounds->p2_5 < run.totalT && run.totalT < run.totalBounds->p97_5,
                 qPrintable(QStringLiteral("%1 %2 %3")
                              .arg(run.totalBounds->p2_5)
                              .arg(run.totalT)
                              .arg(run.totalBounds->p97_5)));
        // Same seed, same bounds.
        const plans::PlanRun again = plans::runPlan(p, QStringLiteral("p"), o);
        QCOMPARE(again.totalBounds->p2_5, run.totalBounds->p2_5);
    }

    void declaredAnalysis() {
        // The "restoration_plan" analysis (models/analysis/DeclarationsPlan.cpp) the app's jobs run: its plan
        // input lists the project's plans and the plan's own problems; a run writes the result set with
        // plan_parcels.gpkg (the difference map), its totals those of runPlan.
        QTemporaryDir dir;
        const QString file = test::writePlanProject(dir,
                                                    R"([{"name": "p", "horizon_year": 2034, "changes": [
               {"layer": "wet", "parcels": ["W1", "W3"], "target": "mangrove", "start_year": 2026}]},
               {"name": "bad", "changes": [{"layer": "wet", "parcels": ["W9"], "target": "mangrove", "start_year": 2026}]}])");
        const Project p = Project::load(file);
        const analysis::AnalysisSpec* spec = analysis::findAnalysis(QStringLiteral("restoration_plan"));
        QVERIFY(spec);
        analysis::ParameterValues values{ { QStringLiteral("plan"), QStringLiteral("nope") },
                                          { QStringLiteral("out"), dir.filePath(QStringLiteral("out")) },
                                          { QStringLiteral("carbon_results"), QStringLiteral("none") } };
        models::params::Issues issues = analysis::validate(*spec, values, &p);
        QVERIFY2(test::hasError(issues, QStringLiteral("--plan"), QStringLiteral("'nope'")) &&
                   test::hasError(issues, QStringLiteral("--plan"), QStringLiteral("p, bad")),
                 qPrintable(test::issuesText(issues)));
        values[QStringLiteral("plan")] = QStringLiteral("bad");
        issues = analysis::validate(*spec, values, &p);
        QVERIFY2(test::hasError(issues, QStringLiteral("plans[1].changes[0].parcels"), QStringLiteral("W9")),
                 qPrintable(test::issuesText(issues)));
        values[QStringLiteral("plan")] = QStringLiteral("p");
        issues = analysis::validate(*spec, values, &p);
        QVERIFY2(!models::params::hasErrors(issues), qPrintable(test::issuesText(issues)));

        gis::Feedback fb;
        const analysis::AnalysisOutcome outcome = spec->run(p, values, &fb);
        QVERIFY2(!outcome.stopped, qPrintable(test::issuesText(outcome.issues)));
        const plans::PlanRun direct = plans::runPlan(p, QStringLiteral("p"), {});
        const analysis::Table* totals = outcome.resultSet.table(QStringLiteral("plan_totals"));
        QVERIFY(totals);
        bool total = false;
        for (std::size_t i = 0; i < totals->rowCount(); ++i)
            if (totals->value(i, QStringLiteral("kind")).toString() == QLatin1String("carbon_total")) {
                QCOMPARE(totals->number(i, QStringLiteral("diff_t")), direct.totalT);
                total = true;
            }
        QVERIFY(total);
        const QString gpkg = QDir(outcome.outDir).filePath(QStringLiteral("plan_parcels.gpkg"));
        QVERIFY2(outcome.files.contains(gpkg), qPrintable(outcome.files.join(QLatin1Char(' '))));
        const gis::ParcelSet read = gis::readParcels(gpkg.toStdString(), {});
        QCOMPARE(read.parcels.size(), std::size_t(2));
        double area = 0;
        for (const gis::Parcel& x : read.parcels)
            area += x.ellipsoidalAreaM2 / 1e4;
        QVERIFY(std::abs(area - (direct.parcels[0].areaHa + direct.parcels[1].areaHa)) < 1e-6);
    }

    void cancelLeavesOutputAsBefore() {
        QTemporaryDir dir;
        const QString file = test::writePlanProject(
          dir,
          R"([{"name": "p", "changes": [{"layer": "wet", "parcels": ["W1"], "target": "mangrove", "start_year": 2026}]}])");
        const Project p = Project::load(file);
        const QString out = dir.filePath(QStringLiteral("out"));
        QVERIFY(test::writeOldOutput(out));
        gis::Feedback fb;
        fb.cancel();
        plans::PlanOptions o;
        o.outDir = out;
        o.feedback = &fb;
        QVERIFY_THROWS_EXCEPTION(gis::CancelledError, plans::runPlan(p, QStringLiteral("p"), o));
        QVERIFY(test::oldOutputKept(out));
    }
};

QTEST_GUILESS_MAIN(TestPlans)
#include "tst_plans.moc"
