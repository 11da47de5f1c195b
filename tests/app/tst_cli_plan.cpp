// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli plan (issue 13): a restoration plan of a small project against the baseline's carbon
// result set; the written tables, the bounds, and bad input (unknown plan, unknown parcel ids).
#include "CliRun.h"
#include "models/analysis/ResultSet.h"
#include "models/gep/GepProject.h"
#include "models/plans/PlanTestProject.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace tanhui;
using tanhui::test::runCli;

namespace {

/// A baseline carbon result set with the columns the plan reads (layer, source_fid, primary,
/// ecosystem_type, c_total_t_2024).
QString writeBaseline(const QTemporaryDir& dir) {
    const QString folder = dir.filePath(QStringLiteral("carbon"));
    QDir().mkpath(folder);
    const QString csv = folder + QStringLiteral("/parcels.csv");
    QFile f(csv);
    f.open(QIODevice::WriteOnly);
    f.write("layer,source_fid,id,primary,ecosystem_type,c_total_t_2024\n"
            "wet,1,W1,1,tidal_flat,12.5\n"
            "wet,2,W2,1,fishpond_dyke,30\n"
            "wet,3,W3,1,tidal_flat,25\n");
    f.close();
    models::analysis::ResultSet rs;
    rs.analysis = QStringLiteral("carbon_project");
    models::analysis::Table& t = rs.addTable(models::gep::readCsvTable(csv));
    t.name = QStringLiteral("parcels");
    models::analysis::writeResultSet(rs, folder.toStdString());
    return folder;
}

/// A baseline carbon result set with the GEP's carbon flux too (change_t_per_yr_2021_2024, the
/// interval ending at the accounting year 2024; method bluecarbon without pools: vegetation only).
QString writeGepBaseline(const QTemporaryDir& dir) {
    const QString folder = dir.filePath(QStringLiteral("carbon_gep"));
    QDir().mkpath(folder);
    const QString csv = folder + QStringLiteral("/parcels.csv");
    QFile f(csv);
    f.open(QIODevice::WriteOnly);
    f.write("layer,source_fid,id,primary,ecosystem_type,method,c_total_t_2024,change_t_per_yr_2021_2024\n"
            "wet,1,W1,1,tidal_flat,bluecarbon,12.5,0.5\n"
            "wet,2,W2,1,fishpond_dyke,pools,30,-0.2\n"
            "wet,3,W3,1,tidal_flat,bluecarbon,25,-2\n");
    f.close();
    models::analysis::ResultSet rs;
    rs.analysis = QStringLiteral("carbon_project");
    models::analysis::Table& t = rs.addTable(models::gep::readCsvTable(csv));
    t.name = QStringLiteral("parcels");
    models::analysis::writeResultSet(rs, folder.toStdString());
    return folder;
}

} // namespace

class TestCliPlan : public QObject {
    Q_OBJECT

private slots:
    void planAgainstBaseline() {
        QTemporaryDir dir;
        const QString project = test::writePlanProject(
          dir,
          R"([{"name": "p", "changes": [{"layer": "wet", "parcels": ["W1", "W3"], "target": "mangrove", "start_year": 2026}]}])");
        const QString out = dir.filePath(QStringLiteral("plan"));
        const auto r = runCli({ QStringLiteral("plan"),
                                QStringLiteral("--project"),
                                project,
                                QStringLiteral("--plan"),
                                QStringLiteral("p"),
                                QStringLiteral("--carbon-results"),
                                writeBaseline(dir),
                                QStringLiteral("--out"),
                                out,
                                QStringLiteral("--uncertainty"),
                                QStringLiteral("--iterations"),
                                QStringLiteral("200"),
                                QStringLiteral("--default-uncertainty"),
                                QStringLiteral("30") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("horizon 2036")), qPrintable(r.err));
        const models::analysis::ResultSet rs = models::analysis::readResultSet(out.toStdString());
        const models::analysis::Table* parcels = rs.table(QStringLiteral("plan_parcels"));
        QVERIFY(parcels);
        QCOMPARE(parcels->rowCount(), std::size_t(2));
        const long long w1 = parcels->findRow(QStringLiteral("parcel_id"), QStringLiteral("W1"));
        QVERIFY(w1 >= 0);
        const std::size_t row = std::size_t(w1);
        const double area = parcels->number(row, QStringLiteral("area_ha"));
        // carbon-methods.md §4, subtrop row: 10 years reach the biomass ceiling 75 × 1.96 × 0.451 t C/ha;
        // soil 10 × 1.62 t C/ha.
        const double diff = (75 * 1.96 * 0.451 + 16.2) * area;
        QVERIFY(std::abs(parcels->number(row, QStringLiteral("diff_total_t")) - diff) < 1e-6);
        QCOMPARE(parcels->value(row, QStringLiteral("baseline_type")).toString(),
                 QStringLiteral("tidal_flat"));
        QCOMPARE(parcels->number(row, QStringLiteral("baseline_stock_t")), 12.5);
        QVERIFY(std::abs(parcels->number(row, QStringLiteral("plan_stock_t")) - (12.5 + diff)) < 1e-6);
        QVERIFY(parcels->number(row, QStringLiteral("diff_total_t_p2_5")) <
                parcels->number(row, QStringLiteral("diff_total_t_p97_5")));
        const models::analysis::Table* totals = rs.table(QStringLiteral("plan_totals"));
        QVERIFY(totals);
        const long long total = totals->findRow(QStringLiteral("quantity"), QStringLiteral("total"));
        QVERIFY(total >= 0);
        QVERIFY(!std::isnan(totals->number(std::size_t(total), QStringLiteral("diff_p2_5_t"))));
        double sum = 0;
        for (std::size_t k = 0; k < parcels->rowCount(); ++k)
            sum += parcels->number(k, QStringLiteral("diff_total_t"));
        QVERIFY(std::abs(totals->number(std::size_t(total), QStringLiteral("diff_t")) - sum) < 1e-6);
    }

    /// GEP of the plan by hand (no gep section: profile RCEES_LEGACY, prices P0_RCEES2010; no rasters
    /// but land cover, so only flood regulation, carbon sequestration and oxygen release are valued).
    /// Tidal flat → mangrove (gep/ecosystem_params.csv rows 43 → 42): flood storage 0.3 m × area at the
    /// reservoir cost 7.06 CNY/m3 (§4.5); carbon sequestration (baseline flux + the planting's mean
    /// accrual) × 44/12 × 380 CNY/t CO2 (§4.8); O2 of the vegetation part × 32/12 × 727 CNY/t O2 (§4.9).
    void planGep() {
        QTemporaryDir dir;
        const QString project = test::writePlanProject(
          dir,
          R"([{"name": "p", "changes": [{"layer": "wet", "parcels": ["W1", "W3"], "target": "mangrove", "start_year": 2026}]}])");
        const QString out = dir.filePath(QStringLiteral("plan"));
        const auto r = runCli({ QStringLiteral("plan"),
                                QStringLiteral("--project"),
                                project,
                                QStringLiteral("--plan"),
                                QStringLiteral("p"),
                                QStringLiteral("--carbon-results"),
                                writeGepBaseline(dir),
                                QStringLiteral("--gep"),
                                QStringLiteral("--out"),
                                out,
                                QStringLiteral("--uncertainty"),
                                QStringLiteral("--iterations"),
                                QStringLiteral("200"),
                                QStringLiteral("--default-uncertainty"),
                                QStringLiteral("30") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("GEP difference total")), qPrintable(r.err));
        const models::analysis::ResultSet rs = models::analysis::readResultSet(out.toStdString());
        const models::analysis::Table* parcels = rs.table(QStringLiteral("plan_gep_parcels"));
        const models::analysis::Table* services = rs.table(QStringLiteral("plan_gep_services"));
        QVERIFY(parcels && services);
        QCOMPARE(parcels->rowCount(), std::size_t(2));
        QCOMPARE(parcels->column(QStringLiteral("diff_gep_cny"))->unit, QStringLiteral("CNY/a"));
        double sumDiff = 0, sumCarbon = 0, sumO2 = 0, sumFlood = 0, sumEmission = 0;
        for (const QString& id : { QStringLiteral("W1"), QStringLiteral("W3") }) {
            const long long k = parcels->findRow(QStringLiteral("parcel_id"), id);
            QVERIFY(k >= 0);
            const std::size_t row = std::size_t(k);
            QCOMPARE(parcels->value(row, QStringLiteral("baseline_ecosystem")).toString(),
                     QStringLiteral("tidal flat"));
            QCOMPARE(parcels->value(row, QStringLiteral("plan_ecosystem")).toString(),
                     QStringLiteral("mangrove"));
            QCOMPARE(parcels->number(row, QStringLiteral("accounted_share")), 1.0);
            const double a = parcels->number(row, QStringLiteral("area_ha"));
            const double base = id == QLatin1String("W1") ? 0.5 : -2.0; // t C/a, vegetation
            const double vegAdded = 75 * 1.96 * 0.451 * a / 10, soilAdded = 16.2 * a / 10;
            QVERIFY(std::abs(parcels->number(row, QStringLiteral("added_flux_tc_per_yr")) -
                             (vegAdded + soilAdded)) < 1e-9);
            const double flood = 0.3 * a * 1e4 * 7.06;
            // W3's baseline is a net source: 0 in GEP, its loss an emission next to GEP (2 × 44/12 × 380).
            const double carbon =
              (base + vegAdded + soilAdded) * 44.0 / 12 * 380 - std::max(0.0, base) * 44.0 / 12 * 380;
            const double o2 = (base + vegAdded) * 32.0 / 12 * 727 - std::max(0.0, base) * 32.0 / 12 * 727;
            const double emission = -std::max(0.0, -base) * 44.0 / 12 * 380;
            QVERIFY2(
              std::abs(parcels->number(row, QStringLiteral("diff_flood_regulation_cny")) - flood) < 1e-6,
              qPrintable(QString::number(parcels->number(row, QStringLiteral("diff_flood_regulation_cny")))));
            QVERIFY2(
              std::abs(parcels->number(row, QStringLiteral("diff_carbon_sequestration_cny")) - carbon) < 1e-6,
              qPrintable(QString::number(
                parcels->number(row, QStringLiteral("diff_carbon_sequestration_cny")) - carbon)));
            QVERIFY2(std::abs(parcels->number(row, QStringLiteral("diff_oxygen_release_cny")) - o2) < 1e-6,
                     qPrintable(QString::number(
                       parcels->number(row, QStringLiteral("diff_oxygen_release_cny")) - o2)));
            QVERIFY(std::abs(parcels->number(row, QStringLiteral("diff_emission_cny")) - emission) < 1e-6);
            QVERIFY2(std::abs(parcels->number(row, QStringLiteral("diff_gep_cny")) - (flood + carbon + o2)) <
                       1e-6,
                     qPrintable(QString::number(parcels->number(row, QStringLiteral("diff_gep_cny")))));
            QVERIFY(parcels->number(row, QStringLiteral("diff_gep_cny_p2_5")) <
                    parcels->number(row, QStringLiteral("diff_gep_cny_p97_5")));
            sumDiff += flood + carbon + o2;
            sumCarbon += carbon;
            sumO2 += o2;
            sumFlood += flood;
            sumEmission += emission;
        }
        auto service = [&](const QString& key, const QString& column) {
            const long long k = services->findRow(QStringLiteral("service"), key);
            return k < 0 ? std::nan("") : services->number(std::size_t(k), column);
        };
        QVERIFY(std::abs(service(QStringLiteral("total"), QStringLiteral("diff_cny")) - sumDiff) < 1e-6);
        QVERIFY(std::abs(service(QStringLiteral("carbon_sequestration"), QStringLiteral("diff_cny")) -
                         sumCarbon) < 1e-6);
        QVERIFY(std::abs(service(QStringLiteral("oxygen_release"), QStringLiteral("diff_cny")) - sumO2) <
                1e-6);
        QVERIFY(std::abs(service(QStringLiteral("flood_regulation"), QStringLiteral("diff_cny")) - sumFlood) <
                1e-6);
        QVERIFY(std::abs(service(QStringLiteral("carbon_emission"), QStringLiteral("diff_cny")) -
                         sumEmission) < 1e-6);
        // Bounds: the carbon-dependent services and the total vary with the accrual's draws; flood does not.
        QVERIFY(service(QStringLiteral("carbon_sequestration"), QStringLiteral("diff_p2_5_cny")) <
                service(QStringLiteral("carbon_sequestration"), QStringLiteral("diff_p97_5_cny")));
        QVERIFY(service(QStringLiteral("total"), QStringLiteral("diff_p2_5_cny")) <
                service(QStringLiteral("total"), QStringLiteral("diff_p97_5_cny")));
        QVERIFY(std::isnan(service(QStringLiteral("flood_regulation"), QStringLiteral("diff_p2_5_cny"))));

        // Without the baseline carbon results there is no flux to add to: a clear error, nothing written.
        const QString out2 = dir.filePath(QStringLiteral("plan2"));
        const auto e = runCli({ QStringLiteral("plan"),
                                QStringLiteral("--project"),
                                project,
                                QStringLiteral("--plan"),
                                QStringLiteral("p"),
                                QStringLiteral("--gep"),
                                QStringLiteral("--out"),
                                out2 });
        QCOMPARE(e.exitCode, 1);
        QVERIFY2(e.err.contains(QStringLiteral("--carbon-results")), qPrintable(e.err));
        QVERIFY(!QFileInfo::exists(out2));
    }

    void badInput() {
        QTemporaryDir dir;
        const QString project = test::writePlanProject(
          dir,
          R"([{"name": "p", "changes": [{"layer": "wet", "parcels": ["W7"], "target": "mangrove", "start_year": 2026}]}])");
        const QString out = dir.filePath(QStringLiteral("plan"));
        auto r = runCli({ QStringLiteral("plan"),
                          QStringLiteral("--project"),
                          project,
                          QStringLiteral("--plan"),
                          QStringLiteral("p"),
                          QStringLiteral("--out"),
                          out });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("plans[0].changes[0].parcels")) &&
                   r.err.contains(QStringLiteral("W7")),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
        r = runCli({ QStringLiteral("plan"),
                     QStringLiteral("--project"),
                     project,
                     QStringLiteral("--plan"),
                     QStringLiteral("nope"),
                     QStringLiteral("--out"),
                     out });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("'nope'")), qPrintable(r.err));
        r = runCli(
          { QStringLiteral("plan"), QStringLiteral("--project"), project, QStringLiteral("--out"), out });
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliPlan)
#include "tst_cli_plan.moc"
