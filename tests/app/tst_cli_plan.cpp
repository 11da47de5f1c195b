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
