// SPDX-License-Identifier: GPL-3.0-or-later
// File ▸ Parameter Tables… (issue 13): the project's tables in an editor that keeps the source and tag
// columns, checks every edit as a run loads the table (row and column named, Save disabled on an error),
// tags an edited row `user` with its source marked, and saves atomically beside the project; the saved
// table is what the carbon run then loads.
#include "app/gui/MainWindow.h"
#include "app/gui/ParameterTableDialog.h"
#include "models/analysis/ParameterTables.h"
#include "models/carbon/CarbonProject.h"
#include "models/carbon/PoolMethod.h"
#include "models/project/Project.h"

#include <QDir>
#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tanhui;

namespace {

/// A project with the built-in pools table copied beside it and a price table kept outside its folder.
QString writeProject(const QTemporaryDir& dir, const QTemporaryDir& elsewhere) {
    QDir(dir.path()).mkpath(QStringLiteral("parameters/carbon"));
    QFile::copy(QStringLiteral(":/parameters/carbon/carbon_pools.csv"),
                dir.filePath(QStringLiteral("parameters/carbon/carbon_pools.csv")));
    QFile::setPermissions(dir.filePath(QStringLiteral("parameters/carbon/carbon_pools.csv")),
                          QFile::ReadOwner | QFile::WriteOwner);
    QFile::copy(QStringLiteral(":/parameters/carbon/cbc_transitions.csv"),
                dir.filePath(QStringLiteral("parameters/carbon/cbc_transitions.csv")));
    QFile::copy(QStringLiteral(":/parameters/gep/prices_P0_RCEES2010.csv"),
                elsewhere.filePath(QStringLiteral("prices.csv")));
    QFile::setPermissions(elsewhere.filePath(QStringLiteral("prices.csv")),
                          QFile::ReadOwner | QFile::WriteOwner);
    const QString path = dir.filePath(QStringLiteral("p.tanhui.json"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(QStringLiteral(R"({"format": "tanhui-project", "version": 1, "name": "p", "crs": "EPSG:32650",
      "layers": [],
      "parameters": [{"name": "carbon/carbon_pools", "path": "parameters/carbon/carbon_pools.csv"},
                     {"name": "gep/prices_P0_RCEES2010", "path": "%1"},
                     {"name": "carbon/cbc_transitions", "path": "parameters/carbon/cbc_transitions.csv"}],
      "carbon": {"parameters": {"pools": "carbon/carbon_pools"}}})")
              .arg(elsewhere.filePath(QStringLiteral("prices.csv")))
              .toUtf8());
    return path;
}

} // namespace

class TestParameterTables : public QObject {
    Q_OBJECT

private slots:
    void specsByName() {
        QVERIFY(models::analysis::parameterTableSpec(QStringLiteral("carbon/carbon_pools")) ==
                &models::carbon::carbonPoolsSpec());
        QVERIFY(models::analysis::parameterTableSpec(QStringLiteral("gep/prices_LYT1721_2008")));
        QVERIFY(models::analysis::parameterTableSpec(QStringLiteral("carbon/regression_coefficients_x")));
        QVERIFY(!models::analysis::parameterTableSpec(QStringLiteral("carbon/cbc_transitions")));
    }

    void editValidateSave() {
        QTemporaryDir dir, elsewhere;
        const QString file = writeProject(dir, elsewhere);
        gui::MainWindow window;
        window.setCloseQuestion([] { return gui::MainWindow::CloseAnswer::Discard; });
        QVERIFY(window.openProject(file));
        gui::ParameterTableDialog* dialog = window.showParameterTableDialog();
        QVERIFY(dialog);
        // Tables without a layout (the transition matrix) are not offered.
        QCOMPARE(
          dialog->tableNames(),
          (QStringList{ QStringLiteral("carbon/carbon_pools"), QStringLiteral("gep/prices_P0_RCEES2010") }));
        QVERIFY(dialog->showTable(QStringLiteral("carbon/carbon_pools")));
        QVERIFY(dialog->problems().isEmpty());
        QVERIFY(!dialog->canSave()); // nothing edited
        const QString before = dialog->cell(0, QStringLiteral("c_soil"));
        const QString lucode = dialog->cell(0, QStringLiteral("lucode"));
        // Text in a number: named by row (line 2) and column; Save disabled.
        QVERIFY(dialog->setCell(0, QStringLiteral("c_soil"), QStringLiteral("abc")));
        QVERIFY(!dialog->canSave());
        const QString problems = dialog->problems().join(QLatin1Char('\n'));
        QVERIFY2(problems.contains(QStringLiteral("c_soil")) && problems.contains(QStringLiteral("2")),
                 qPrintable(problems));
        // A negative stock too.
        QVERIFY(dialog->setCell(0, QStringLiteral("c_soil"), QStringLiteral("-5")));
        QVERIFY(!dialog->canSave());
        QVERIFY(dialog->setCell(0, QStringLiteral("c_soil"), QStringLiteral("55.5")));
        QVERIFY2(dialog->canSave(), qPrintable(dialog->problems().join(QLatin1Char('\n'))));
        // The edited row is the user's: tag user, source marked (the old source kept after it).
        QCOMPARE(dialog->cell(0, QStringLiteral("tag")), QStringLiteral("user"));
        QVERIFY(dialog->cell(0, QStringLiteral("source")).startsWith(QStringLiteral("user edit of: Tier 1")));
        QVERIFY(before != QStringLiteral("55.5"));
        QVERIFY(dialog->save());
        QVERIFY(!dialog->canSave());
        // The carbon run loads the saved table: the new value, the row tagged user, no problems.
        const models::Project project = models::Project::load(file);
        QString loadedFrom;
        const auto loaded = models::carbon::loadCarbonProjectTable(
          project, QStringLiteral("pools"), models::carbon::carbonPoolsSpec(), loadedFrom);
        QVERIFY(!models::params::hasErrors(loaded.issues));
        QCOMPARE(loaded.table.value(lucode, QStringLiteral("c_soil")).value_or(-1), 55.5);
        QCOMPARE(loaded.table.find(lucode)->tag, models::params::Tag::User);
        QVERIFY(QDir(dir.path()).entryList({ QStringLiteral("*.tmp*") }, QDir::Files).isEmpty());

        // A table kept outside the project folder is saved beside the project, and the project points to it.
        QVERIFY(dialog->showTable(QStringLiteral("gep/prices_P0_RCEES2010")));
        QVERIFY(dialog->problems().isEmpty());
        QVERIFY(dialog->setCell(0, QStringLiteral("value"), QStringLiteral("7.5")));
        QVERIFY(dialog->save());
        QTest::qWait(0);
        const QString moved = dir.filePath(QStringLiteral("parameters/gep/prices_P0_RCEES2010.csv"));
        QVERIFY(QFile::exists(moved));
        const models::Project reopened = models::Project::load(file);
        QCOMPARE(reopened.parameterTable(QStringLiteral("gep/prices_P0_RCEES2010"))->path,
                 QStringLiteral("parameters/gep/prices_P0_RCEES2010.csv"));
        // The original outside stays as it was.
        QCOMPARE(
          models::analysis::readTextTable(elsewhere.filePath(QStringLiteral("prices.csv"))).rows.at(0).at(1),
          QStringLiteral("7.06"));
        dialog->close();
    }

    /// Rows added and removed; an added row with an empty key is an error until filled.
    void addAndRemoveRows() {
        QTemporaryDir dir, elsewhere;
        const models::Project project = models::Project::load(writeProject(dir, elsewhere));
        gui::ParameterTableDialog dialog(project);
        QVERIFY(dialog.showTable(QStringLiteral("carbon/carbon_pools")));
        const int rows = dialog.tableWidget()->rowCount();
        dialog.addRow();
        QCOMPARE(dialog.tableWidget()->rowCount(), rows + 1);
        QVERIFY(!dialog.canSave());
        dialog.removeRow(rows);
        QCOMPARE(dialog.tableWidget()->rowCount(), rows);
        QVERIFY(dialog.problems().isEmpty());
    }
};

QTEST_MAIN(TestParameterTables)
#include "tst_parametertables.moc"
