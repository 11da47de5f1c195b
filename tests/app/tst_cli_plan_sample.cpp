// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli plan --gep on the sample's plan mangrove_2026 against the fixture's carbon and GEP runs
// (sample_results_setup): the plan's baseline GEP is `tanhui-cli gep`'s total, and the carbon
// sequestration difference (net of the emission it removes) is the plan's added flux × 44/12 × the
// carbon price of the GEP run (docs/carbon-project.md "Restoration plans", GEP of a plan).
#include "CliRun.h"
#include "models/analysis/ResultSet.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace tanhui;
using tanhui::test::runCli;

class TestCliPlanSample : public QObject {
    Q_OBJECT

private slots:
    void mangrovePlanGep() {
        const QString sample = qEnvironmentVariable("TANHUI_TEST_SAMPLE");
        const QString results = qEnvironmentVariable("TANHUI_TEST_RESULTS");
        QVERIFY(!sample.isEmpty() && !results.isEmpty());
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("plan"));
        const auto r = runCli({ QStringLiteral("plan"),
                                QStringLiteral("--project"),
                                sample + QStringLiteral("/project.tanhui.json"),
                                QStringLiteral("--plan"),
                                QStringLiteral("mangrove_2026"),
                                QStringLiteral("--carbon-results"),
                                results + QStringLiteral("/carbon"),
                                QStringLiteral("--gep"),
                                QStringLiteral("--uncertainty"),
                                QStringLiteral("--iterations"),
                                QStringLiteral("100"),
                                QStringLiteral("--default-uncertainty"),
                                QStringLiteral("90"),
                                QStringLiteral("--out"),
                                out });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const models::analysis::ResultSet plan = models::analysis::readResultSet(out.toStdString());
        const models::analysis::ResultSet gep =
          models::analysis::readResultSet((results + QStringLiteral("/gep")).toStdString());

        // The plan's baseline GEP is the GEP run's total (same account, same carbon results).
        const models::analysis::Table* settings = plan.table(QStringLiteral("plan_settings"));
        const models::analysis::Table* totals = gep.table(QStringLiteral("totals"));
        QVERIFY(settings && totals);
        const double baseline =
          settings
            ->value(
              std::size_t(settings->findRow(QStringLiteral("key"), QStringLiteral("gep_baseline_total"))),
              QStringLiteral("value"))
            .toDouble();
        const double gepTotal =
          totals->number(std::size_t(totals->findRow(QStringLiteral("group"), QStringLiteral("total"))),
                         QStringLiteral("value_cny"));
        QVERIFY2(std::abs(baseline - gepTotal) < 0.01,
                 qPrintable(QStringLiteral("%1 vs %2").arg(baseline, 0, 'f', 2).arg(gepTotal, 0, 'f', 2)));

        // 38 planted units; the carbon sequestration difference minus the change of the emission next to
        // GEP (negative: the plan removes a baseline net source, valued 0 in GEP) equals the added flux of
        // the accounted parts × 44/12 × the carbon price (CNY/t CO2).
        const models::analysis::Table* prices = gep.table(QStringLiteral("prices_used"));
        QVERIFY(prices);
        const long long pr = prices->findRow(QStringLiteral("key"), QStringLiteral("carbon_price"));
        QVERIFY(pr >= 0);
        const double price = prices->number(std::size_t(pr), QStringLiteral("value"));
        QVERIFY(price > 0);
        const models::analysis::Table* parcels = plan.table(QStringLiteral("plan_gep_parcels"));
        const models::analysis::Table* services = plan.table(QStringLiteral("plan_gep_services"));
        QVERIFY(parcels && services);
        QCOMPARE(parcels->rowCount(), std::size_t(38));
        double added = 0, carbon = 0, emission = 0, diff = 0;
        for (std::size_t k = 0; k < parcels->rowCount(); ++k) {
            added += parcels->number(k, QStringLiteral("added_flux_tc_per_yr")); // the accounted part's
            carbon += parcels->number(k, QStringLiteral("diff_carbon_sequestration_cny"));
            emission += parcels->number(k, QStringLiteral("diff_emission_cny"));
            diff += parcels->number(k, QStringLiteral("diff_gep_cny"));
        }
        QVERIFY(added > 0);
        QVERIFY2(
          std::abs(carbon - emission - added * 44.0 / 12.0 * price) < 1e-3,
          qPrintable(QStringLiteral("%1 - %2 vs %3").arg(carbon).arg(emission).arg(added * 44 / 12 * price)));
        auto service = [&](const QString& key, const QString& column) {
            const long long k = services->findRow(QStringLiteral("service"), key);
            return k < 0 ? std::nan("") : services->number(std::size_t(k), column);
        };
        QVERIFY(std::abs(service(QStringLiteral("total"), QStringLiteral("diff_cny")) - diff) < 1e-3);
        QVERIFY(service(QStringLiteral("carbon_sequestration"), QStringLiteral("diff_p2_5_cny")) <
                service(QStringLiteral("carbon_sequestration"), QStringLiteral("diff_p97_5_cny")));
        // The plan's GEP total is the baseline's plus the difference.
        const double planTotal =
          settings
            ->value(std::size_t(settings->findRow(QStringLiteral("key"), QStringLiteral("gep_plan_total"))),
                    QStringLiteral("value"))
            .toDouble();
        QVERIFY(std::abs(planTotal - (baseline + diff)) < 0.01);
    }
};

QTEST_GUILESS_MAIN(TestCliPlanSample)
#include "tst_cli_plan_sample.moc"
