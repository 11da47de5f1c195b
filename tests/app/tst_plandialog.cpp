// SPDX-License-Identifier: GPL-3.0-or-later
// The restoration plan editor (issue 13): plantable targets offered, the map's selection added as a change
// (ids of the layer's id field), validation problems shown, removal, saving into the project file.
#include "app/gui/PlanDialog.h"
#include "models/plans/PlanTestProject.h"
#include "models/project/Project.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QtTest>

using namespace tanhui;

class TestPlanDialog : public QObject {
    Q_OBJECT

private slots:
    void editAndSave() {
        QTemporaryDir dir;
        const QString file = test::writePlanProject(dir, "[]");
        gui::PlanDialog dialog(models::Project::load(file));
        // Plantable targets only: bluecarbon (mangrove, tidal_flat) and forest methods, not pools.
        const QStringList targets = dialog.targetTypes();
        QVERIFY(targets.contains(QStringLiteral("mangrove")));
        QVERIFY(targets.contains(QStringLiteral("forest")));
        QVERIFY(!targets.contains(QStringLiteral("fishpond_dyke")));
        QVERIFY(!dialog.addSelectedParcels()); // no plan yet
        QVERIFY(dialog.addPlan(QStringLiteral("restore")));
        QVERIFY(!dialog.addPlan(QStringLiteral("restore")));
        QVERIFY(!dialog.addSelectedParcels()); // no selection
        std::vector<std::uint32_t> selected{ 0, 2 };
        QString layer = QStringLiteral("wet");
        dialog.setSelectionSource([&] { return std::make_pair(layer, selected); });
        dialog.setTarget(QStringLiteral("mangrove"), 2027);
        QVERIFY(dialog.addSelectedParcels());
        const models::ProjectPlan& plan = dialog.project().plans.at(0);
        QCOMPARE(plan.changes.size(), std::size_t(1));
        QCOMPARE(plan.changes[0].parcels, (QStringList{ QStringLiteral("W1"), QStringLiteral("W3") }));
        QCOMPARE(plan.changes[0].target, QStringLiteral("mangrove"));
        QCOMPARE(plan.changes[0].startYear, 2027);
        QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(QLatin1Char('\n'))));
        // The same parcel twice: the validation names it.
        selected = { 0 };
        QVERIFY(dialog.addSelectedParcels());
        QCOMPARE(dialog.problems().size(), 1);
        QVERIFY(dialog.problems().at(0).contains(QStringLiteral("plans[0].changes[1].parcels")));
        dialog.removeChange(1);
        QVERIFY(dialog.problems().isEmpty());
        // A layer that is not a parcel layer is refused.
        layer = QStringLiteral("lc2021");
        QVERIFY(!dialog.addSelectedParcels());
        QVERIFY(dialog.saveToProject());
        const models::Project saved = models::Project::load(file);
        QCOMPARE(saved.plans.size(), std::size_t(1));
        QCOMPARE(saved.plans[0].name, QStringLiteral("restore"));
        QCOMPARE(saved.plans[0].changes.at(0).parcels, plan.changes[0].parcels);
        dialog.removePlan();
        QVERIFY(dialog.project().plans.empty());
    }

    /// A polygon file of new planting areas is imported as a change of the plan (kept relative to the
    /// project's folder), validated as a plan layer, and saved; a missing file is refused.
    void importPlanLayer() {
        QTemporaryDir dir;
        const QString file = test::writePlanProject(dir, "[]");
        // Two new planting areas south of the wetland units.
        std::vector<gis::VectorFeature> features(2);
        features[0].geometry = test::planRect(500000, 2499700, 500100, 2499800);
        features[1].geometry = test::planRect(500100, 2499700, 500300, 2499800);
        const QString areas = dir.filePath(QStringLiteral("new_planting.gpkg"));
        gis::writePolygonLayer(
          areas.toStdString(), QStringLiteral("new_planting"), gis::Crs::fromEpsg(32650), {}, features);
        gui::PlanDialog dialog(models::Project::load(file));
        QVERIFY(!dialog.addPlanLayer(areas)); // no plan yet
        QVERIFY(dialog.addPlan(QStringLiteral("new_forest")));
        QVERIFY(!dialog.addPlanLayer(dir.filePath(QStringLiteral("missing.gpkg"))));
        dialog.setTarget(QStringLiteral("forest"), 2027);
        QVERIFY(dialog.addPlanLayer(areas));
        const models::ProjectPlanChange& change = dialog.project().plans.at(0).changes.at(0);
        QCOMPARE(change.planLayer, QStringLiteral("new_planting.gpkg"));
        QVERIFY(change.layer.isEmpty());
        QCOMPARE(change.target, QStringLiteral("forest"));
        QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(QLatin1Char('\n'))));
        QVERIFY(dialog.saveToProject());
        QCOMPARE(models::Project::load(file).plans.at(0).changes.at(0).planLayer,
                 QStringLiteral("new_planting.gpkg"));
    }
};

QTEST_MAIN(TestPlanDialog)
#include "tst_plandialog.moc"
