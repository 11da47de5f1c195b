// SPDX-License-Identifier: GPL-3.0-or-later
// The map layout dialog (issue 14, "Map export"), offscreen on the sample project: the live preview
// follows the form, the layout is saved in the project file and reloads equal, export writes the file,
// a layout without a name is refused; the main window opens the dialog on its project.
#include "TestUtil.h"
#include "app/gui/LayoutDialog.h"
#include "app/gui/MainWindow.h"
#include "models/project/Project.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace tanhui;
using gui::LayoutDialog;

namespace {

int distinctColours(const QImage& image) {
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

} // namespace

class TestLayoutDialog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_file;

private slots:
    void initTestCase() {
        TANHUI_REQUIRE_SAMPLE(sample);
        // A copy of the sample's project file whose paths lead to the shared sample (never modified).
        models::Project project =
          models::Project::load(QDir(sample).filePath(QStringLiteral("project.tanhui.json")));
        for (models::ProjectLayer& l : project.layers)
            l.path = QDir(m_dir.path()).relativeFilePath(project.resolve(l.path));
        for (models::ProjectParameterTable& t : project.parameters)
            t.path = QDir(m_dir.path()).relativeFilePath(project.resolve(t.path));
        m_file = m_dir.filePath(QStringLiteral("project.tanhui.json"));
        project.save(m_file);
    }

    void previewSaveExport() {
        const models::Project project = models::Project::load(m_file);
        LayoutDialog dialog(project, {}, QStringLiteral("zh_CN"));
        auto* title = dialog.findChild<QLineEdit*>(QStringLiteral("layoutTitle"));
        auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("layoutName"));
        auto* orientation = dialog.findChild<QComboBox*>(QStringLiteral("layoutOrientation"));
        auto* date = dialog.findChild<QComboBox*>(QStringLiteral("layoutDate"));
        auto* grid = dialog.findChild<QCheckBox*>(QStringLiteral("layoutGrid"));
        auto* preview = dialog.findChild<QLabel*>(QStringLiteral("layoutPreview"));
        QVERIFY(title && name && orientation && date && grid && preview);
        QImage image = dialog.refreshPreview();
        QVERIFY2(!image.isNull(), qPrintable(dialog.previewError()));
        QVERIFY(image.width() > image.height()); // A4 landscape
        QVERIFY(std::abs(double(image.width()) / image.height() - 297.0 / 210.0) < 0.02);
        QVERIFY(distinctColours(image) > 30);
        // Live: a change re-renders the preview by itself (after 250 ms).
        const qint64 before = preview->pixmap().cacheKey();
        orientation->setCurrentIndex(1); // portrait
        QTRY_VERIFY_WITH_TIMEOUT(preview->pixmap().cacheKey() != before, 10000);
        QVERIFY(preview->pixmap().height() > preview->pixmap().width());

        name->setText(QStringLiteral("土地覆被 2015"));
        title->setText(QStringLiteral("样例区土地覆被"));
        date->setCurrentIndex(date->findData(2015));
        grid->setChecked(true);
        auto* layoutList = dialog.findChild<QComboBox*>(QStringLiteral("layoutCombo"));
        QVERIFY(layoutList);
        const int listed = layoutList->count();
        QVERIFY(dialog.saveToProject());
        QCOMPARE(layoutList->count(), listed + 1); // the new layout is listed at once
        QCOMPARE(layoutList->itemText(listed), QStringLiteral("土地覆被 2015"));
        const models::Project saved = models::Project::load(m_file);
        const models::ProjectLayout* l = saved.layout(QStringLiteral("土地覆被 2015"));
        QVERIFY(l);
        QCOMPARE(l->title, QStringLiteral("样例区土地覆被"));
        QCOMPARE(l->year, 2015);
        QCOMPARE(l->orientation, QStringLiteral("portrait"));
        QVERIFY(l->grid && l->legend && !l->overview);
        QVERIFY(l->extent.empty());
        // Saving again replaces the layout of that name.
        grid->setChecked(false);
        QVERIFY(dialog.saveToProject());
        QCOMPARE(layoutList->count(), listed + 1); // replaced, not listed twice
        const models::Project again = models::Project::load(m_file);
        QCOMPARE(again.layouts.size(), std::size_t(1));
        QVERIFY(!again.layouts.front().grid);

        const QString pdf = m_dir.filePath(QStringLiteral("map.pdf"));
        QVERIFY(dialog.exportTo(pdf));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
        QVERIFY(!dialog.exportTo(m_dir.filePath(QStringLiteral("map.jpg"))));
        QVERIFY2(dialog.previewError().contains(QStringLiteral("jpg")), qPrintable(dialog.previewError()));

        name->clear();
        QVERIFY(!dialog.saveToProject());
        QVERIFY(dialog.previewError().contains(QStringLiteral("name")));
    }

    void fromTheMainWindow() {
        gui::MainWindow window;
        window.setErrorSink([](const QString& headline, const QString& detail) {
            QFAIL(qPrintable(headline + QLatin1Char(' ') + detail));
        });
        QVERIFY(window.openProject(m_file));
        LayoutDialog* dialog = window.showLayoutDialog();
        QVERIFY(dialog);
        auto* layouts = dialog->findChild<QComboBox*>(QStringLiteral("layoutCombo"));
        QVERIFY(layouts && layouts->count() == 2); // "New layout" and the one saved above
        layouts->setCurrentIndex(1);
        QCOMPARE(dialog->layout().title, QStringLiteral("样例区土地覆被"));
        QVERIFY(!dialog->refreshPreview().isNull());
        if (const QString shots = qEnvironmentVariable("TANHUI_SCREENSHOT_DIR"); !shots.isEmpty())
            dialog->grab().save(QDir(shots).filePath(QStringLiteral("layout-dialog.png")));
        dialog->close();
    }
};

QTEST_MAIN(TestLayoutDialog)
#include "tst_layoutdialog.moc"
