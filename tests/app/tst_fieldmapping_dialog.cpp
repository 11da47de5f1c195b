// SPDX-License-Identifier: GPL-3.0-or-later
// Layer ▸ Field Mapping… (issue 13): the dialog lists the attributes of the layer's role with the
// suggested fields and why (saved, name, values) and their first values; OK through the main window stores
// the mapping in the project file (other entries kept), and reopening shows it as saved.
#include "app/gui/FieldMappingDialog.h"
#include "app/gui/MainWindow.h"
#include "models/project/Project.h"
#include "tests/models/carbon/FieldMappingFixture.h"

#include <QApplication>
#include <QComboBox>
#include <QTableWidget>
#include <QtTest>

using namespace tanhui;

class TestFieldMappingDialog : public QObject {
    Q_OBJECT

private slots:
    void suggestEditSave() {
        QTemporaryDir dir;
        const QString file = test::writeFieldMappingProject(dir);
        gui::MainWindow window;
        window.setCloseQuestion([] { return gui::MainWindow::CloseAnswer::Discard; });
        QVERIFY(window.openProject(file));
        gui::FieldMappingDialog* dialog = window.showFieldMappingDialog(QStringLiteral("forest"));
        QVERIFY(dialog);
        QVERIFY(dialog->readError().isEmpty());
        QVERIFY(dialog->attributes().contains(QStringLiteral("origin")));
        QVERIFY(!dialog->attributes().contains(QStringLiteral("crop")));
        QCOMPARE(dialog->fieldFor(QStringLiteral("species_group")), QStringLiteral("优势树种"));
        QCOMPARE(dialog->basisText(QStringLiteral("species_group")), QStringLiteral("saved in the project"));
        QCOMPARE(dialog->fieldFor(QStringLiteral("id")), QStringLiteral("XBH"));
        QCOMPARE(dialog->basisText(QStringLiteral("id")), QStringLiteral("field name"));
        QCOMPARE(dialog->fieldFor(QStringLiteral("origin")), QStringLiteral("col_a"));
        QCOMPARE(dialog->basisText(QStringLiteral("origin")), QStringLiteral("field values"));
        // The first values of the chosen field are shown.
        auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("fieldMappingTable"));
        QVERIFY(table);
        const int originRow = int(dialog->attributes().indexOf(QStringLiteral("origin")));
        QCOMPARE(table->item(originRow, 3)->text(), QStringLiteral("天然, 人工"));
        // The user overrides one and clears another.
        dialog->setField(QStringLiteral("age_years"), QString());
        QCOMPARE(dialog->basisText(QStringLiteral("age_years")), QStringLiteral("your choice"));
        dialog->accept();
        QTest::qWait(0);
        const models::Project saved = models::Project::load(file);
        const QMap<QString, QString> fields = saved.layer(QStringLiteral("forest"))->fields;
        QCOMPARE(fields.value(QStringLiteral("origin")), QStringLiteral("col_a"));
        QCOMPARE(fields.value(QStringLiteral("id")), QStringLiteral("XBH"));
        QCOMPARE(fields.value(QStringLiteral("volume_m3_per_ha")), QStringLiteral("每公顷蓄积"));
        QCOMPARE(fields.value(QStringLiteral("area_ha")), QStringLiteral("面积")); // not listed: kept
        QVERIFY(!fields.contains(QStringLiteral("age_years")));
        // Reopened: the saved choices, except the cleared one which is suggested again by its name.
        gui::FieldMappingDialog* again = window.showFieldMappingDialog(QStringLiteral("forest"));
        QVERIFY(again);
        QCOMPARE(again->basisText(QStringLiteral("origin")), QStringLiteral("saved in the project"));
        QCOMPARE(again->fieldFor(QStringLiteral("age_years")), QStringLiteral("林龄"));
        QCOMPARE(again->basisText(QStringLiteral("age_years")), QStringLiteral("field name"));
        // Suggest Again ignores the saved mapping: species by name.
        again->suggestAgain();
        QCOMPARE(again->basisText(QStringLiteral("species_group")), QStringLiteral("field name"));
        again->reject();
        // No layer: no dialog.
        QVERIFY(!window.showFieldMappingDialog(QStringLiteral("no_such_layer")));
    }

    void unreadableLayer() {
        QTemporaryDir dir;
        const QString file = test::writeFieldMappingProject(dir);
        QFile::remove(dir.filePath(QStringLiteral("xb.gpkg")));
        QFile(dir.filePath(QStringLiteral("xb.gpkg"))).open(QIODevice::WriteOnly); // zero bytes
        const models::Project project = models::Project::load(file);
        gui::FieldMappingDialog dialog(project, *project.layer(QStringLiteral("forest")));
        QVERIFY(dialog.readError().contains(QStringLiteral("xb.gpkg")));
        QVERIFY(dialog.fieldFor(QStringLiteral("id")).isEmpty());
    }
};

QTEST_MAIN(TestFieldMappingDialog)
#include "tst_fieldmapping_dialog.moc"
