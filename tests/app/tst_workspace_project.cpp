// SPDX-License-Identifier: GPL-3.0-or-later
// Project persistence of the map workspace (issue 12): save the workspace into project.tanhui.json and
// restore it in a new window; the CLI still reads the file; autosave and recovery; close with unsaved
// changes; missing files relocated (directly and by folder search); a corrupt workspace section.
// The sample project's data are linked (not copied) into a temporary folder per test.
#include "TestUtil.h"
#include "WorkspaceTestUtil.h"
#include "app/gui/LayerEntry.h"
#include "app/gui/LayoutDialog.h"
#include "app/gui/MainWindow.h"
#include "app/gui/MapCanvas.h"
#include "app/gui/Workspace.h"
#include "models/project/Project.h"
#include "render/StyleJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QWindow>
#include <QtTest>

#include <cmath>

using tanhui::gui::MainWindow;

namespace {

using tanhui::test::rowOf;

QJsonObject readJson(const QString& file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

bool writeJson(const QString& file, const QJsonObject& o) {
    QFile f(file);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(QJsonDocument(o).toJson()) > 0;
}

QStringList rowTexts(tanhui::gui::LayerTree* list) {
    QStringList out;
    for (int r = 0; r < list->count(); ++r)
        out << list->item(r)->text() + (list->item(r)->checkState() == Qt::Checked ? QStringLiteral(" [x]")
                                                                                   : QStringLiteral(" [ ]"));
    return out;
}

tanhui::gui::LayerEntry* entryOf(tanhui::gui::LayerTree* list, const QString& id) {
    const int r = rowOf(list, id);
    return r < 0 ? nullptr
                 : reinterpret_cast<tanhui::gui::LayerEntry*>(
                     list->item(r)->data(Qt::UserRole).value<quintptr>());
}

tanhui::gui::LayerTree* listOf(MainWindow& w) {
    return w.findChild<tanhui::gui::LayerTree*>(QStringLiteral("layerList"));
}

QJsonValue restoredGroups(MainWindow& w) {
    return w.workspaceJson().value(QStringLiteral("groups"));
}

} // namespace

class TestWorkspaceProject : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_sample = tanhui::test::sampleProjectDir();
        if (m_sample.isEmpty())
            QFAIL("the sample project is missing: run through ctest (fixture sample_project_setup)");
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void saveAndReopenEveryPart();
    void saveAsMovesPathsAndAdoptsAddedLayers();
    void autosaveRecoveryAndClose();
    void missingFilesRelocated();
    void corruptWorkspaceNamesTheField();

private:
    /// A project folder in `tmp` whose data are links to the sample's files (minus `leaveOut`, names
    /// relative to the sample folder); returns the project file.
    QString makeProject(const QTemporaryDir& tmp, const QStringList& leaveOut = {}) const {
        const QDir sample(m_sample);
        for (const QString& sub :
             { QStringLiteral("rasters"), QStringLiteral("vectors"), QStringLiteral("parameters") }) {
            QDir(tmp.path()).mkpath(sub);
            QDirIterator it(sample.filePath(sub), QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                const QString rel = sample.relativeFilePath(file);
                if (leaveOut.contains(rel))
                    continue;
                QDir(tmp.path()).mkpath(QFileInfo(rel).path());
                QFile::link(file, tmp.filePath(rel));
            }
        }
        const QString project = tmp.filePath(QStringLiteral("project.tanhui.json"));
        QFile::copy(sample.filePath(QStringLiteral("project.tanhui.json")), project);
        QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner);
        return project;
    }
    /// Shows `w` at a fixed size, errors into `errors`, closing without questions (Discard).
    static void prepare(MainWindow& w, QStringList& errors) {
        w.setErrorSink(
          [&errors](const QString& h, const QString& d) { errors << h + QLatin1Char('\n') + d; });
        w.setCloseQuestion([] { return MainWindow::CloseAnswer::Discard; });
        w.setRecoverQuestion([](const QString&, const QString&) { return false; });
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
    }
    QString m_sample;
};

void TestWorkspaceProject::saveAndReopenEveryPart() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString file = makeProject(tmp);
    const QJsonObject original = readJson(file);
    QStringList errors;
    MainWindow w;
    prepare(w, errors);
    QVERIFY2(w.openProject(file), qPrintable(errors.join(QLatin1Char('\n'))));
    QVERIFY(!w.isProjectModified());
    QVERIFY(!w.isWindowModified());
    const QString name = tanhui::models::Project::load(file).name;
    QVERIFY2(w.windowTitle().startsWith(name + QStringLiteral(" — ")), qPrintable(w.windowTitle()));
    tanhui::gui::LayerTree* list = listOf(w);

    // Order: land cover 2015 to the top.
    tanhui::gui::LayerItem* item = list->takeItem(rowOf(list, QStringLiteral("landcover_2015")));
    list->insertItem(0, item);
    // The date (re-ticks the land cover), then visibility: districts hidden, NDVI 2015 shown.
    w.setCurrentYear(2021);
    list->item(rowOf(list, QStringLiteral("districts")))->setCheckState(Qt::Unchecked);
    list->item(rowOf(list, QStringLiteral("ndvi_2015")))->setCheckState(Qt::Checked);
    QVERIFY(w.isProjectModified());
    QVERIFY(w.isWindowModified());
    QCOMPARE(w.windowHandle()->title(), name + QStringLiteral(" — Tanhui 碳汇*")); // what the title bar shows
    // Opacity and styles: a raster ramp and stretch, a vector single symbol with labels.
    QVERIFY(w.setLayerOpacity(QStringLiteral("landcover_2021"), 0.45));
    tanhui::gui::LayerEntry* ndvi = entryOf(list, QStringLiteral("ndvi_2015"));
    QVERIFY(ndvi && ndvi->map.raster);
    ndvi->map.rasterStyle.ramp = tanhui::render::ColorRamp::named(QStringLiteral("viridis")).reversed();
    ndvi->map.rasterStyle.min = 0.125;
    ndvi->map.rasterStyle.max = 0.8125;
    tanhui::gui::LayerEntry* xiaoban = entryOf(list, QStringLiteral("xiaoban"));
    QVERIFY(xiaoban && xiaoban->map.vector);
    xiaoban->map.vectorStyle.kind = tanhui::render::VectorStyle::Kind::Single;
    xiaoban->map.vectorStyle.symbol.fill = QColor(200, 30, 40);
    xiaoban->map.vectorStyle.symbol.strokeWidthMm = 0.6;
    xiaoban->map.vectorStyle.labelField = QStringLiteral("小班号");
    QVERIFY(w.setLayerOpacity(QStringLiteral("xiaoban"), 0.3)); // also redraws with the new styles
    // The view: another CRS and a zoomed extent; the current layer.
    QVERIFY(w.setMapCrs(QStringLiteral("EPSG:4490")));
    const tanhui::gis::Box full = w.mapCanvas()->extent();
    w.mapCanvas()->setExtent({ full.xmin + 0.2 * full.width(),
                               full.ymin + 0.3 * full.height(),
                               full.xmin + 0.5 * full.width(),
                               full.ymin + 0.6 * full.height() });
    // Groups: the parcel layers in one (unticked, closed), an empty one.
    const QString parcels = w.addLayerGroup(QStringLiteral("地块 parcels"),
                                            { QStringLiteral("xiaoban"), QStringLiteral("farmland_plots") });
    QVERIFY(!parcels.isEmpty());
    QVERIFY(w.setLayerGroupVisible(parcels, false));
    list->group(parcels)->setExpanded(false);
    QVERIFY(!w.addLayerGroup(QStringLiteral("empty")).isEmpty());
    QVERIFY(w.setCurrentLayer(QStringLiteral("wetland_units")));
    const QStringList rows = rowTexts(list);
    const QJsonObject workspace = w.workspaceJson();
    QVERIFY(errors.isEmpty());

    QVERIFY(w.saveProject());
    QVERIFY(!w.isProjectModified());
    QVERIFY(!w.isWindowModified());
    QCOMPARE(w.windowHandle()->title(), name + QStringLiteral(" — Tanhui 碳汇"));
    QVERIFY(!QFile::exists(w.autosaveFile()));
    // Every other section is kept as it was (same JSON values), the workspace is the window's.
    const QJsonObject saved = readJson(file);
    QCOMPARE(saved.value(QStringLiteral("workspace")).toObject(), workspace);
    for (auto it = original.begin(); it != original.end(); ++it)
        QVERIFY2(saved.value(it.key()) == it.value(), qPrintable(it.key()));
    QCOMPARE(saved.keys().size(), original.keys().size() + 1);
    // The project reader the CLI uses accepts it, and tanhui-cli draws a map from it.
    const tanhui::models::Project reread = tanhui::models::Project::load(file);
    QVERIFY2(reread.validate().isEmpty(), qPrintable(reread.validate().join(QLatin1Char('\n'))));
    QProcess cli;
    cli.start(qEnvironmentVariable("TANHUI_BINARY_DIR") + QStringLiteral("/app/cli/tanhui-cli"),
              { QStringLiteral("map"),
                QStringLiteral("--project"),
                file,
                QStringLiteral("--dpi"),
                QStringLiteral("40"),
                QStringLiteral("--out"),
                tmp.filePath(QStringLiteral("map.png")) });
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("map.png"))));

    // A new window restores every part.
    QStringList errors2;
    MainWindow w2;
    prepare(w2, errors2);
    QVERIFY2(w2.openProject(file), qPrintable(errors2.join(QLatin1Char('\n'))));
    QCOMPARE(rowTexts(listOf(w2)), rows);
    QCOMPARE(w2.layerGroups(), w.layerGroups());
    QCOMPARE(w2.layerGroupOf(QStringLiteral("xiaoban")), parcels);
    QCOMPARE(w2.layerGroupOf(QStringLiteral("farmland_plots")), parcels);
    QCOMPARE(w2.layerGroupOf(QStringLiteral("wetland_units")), QString());
    QCOMPARE(listOf(w2)->group(parcels)->checkState(0), Qt::Unchecked);
    QVERIFY(!listOf(w2)->group(parcels)->isExpanded());
    QCOMPARE(restoredGroups(w2), workspace.value(QStringLiteral("groups")));
    QCOMPARE(w2.currentYear(), 2021);
    QVERIFY(w2.mapCanvas()->crs().isSame(tanhui::gis::Crs::fromEpsg(4490)));
    const QJsonObject restored = w2.workspaceJson();
    QCOMPARE(restored.value(QStringLiteral("layers")), workspace.value(QStringLiteral("layers")));
    QCOMPARE(restored.value(QStringLiteral("date")).toInt(), 2021);
    QCOMPARE(restored.value(QStringLiteral("current")).toString(), QStringLiteral("wetland_units"));
    const QJsonArray e1 = workspace[QStringLiteral("view")][QStringLiteral("extent")].toArray();
    const QJsonArray e2 = restored[QStringLiteral("view")][QStringLiteral("extent")].toArray();
    QCOMPARE(e2.size(), 4);
    for (int i = 0; i < 4; ++i)
        QVERIFY2(std::abs(e1[i].toDouble() - e2[i].toDouble()) < 1e-6,
                 qPrintable(QStringLiteral("%1 vs %2").arg(e1[i].toDouble()).arg(e2[i].toDouble())));
    tanhui::gui::LayerEntry* x2 = entryOf(listOf(w2), QStringLiteral("xiaoban"));
    QCOMPARE(x2->map.vectorStyle.symbol.fill, QColor(200, 30, 40));
    QCOMPARE(x2->map.vectorStyle.opacity, 0.3);
    QCOMPARE(entryOf(listOf(w2), QStringLiteral("ndvi_2015"))->map.rasterStyle.max, 0.8125);
    QCOMPARE(entryOf(listOf(w2), QStringLiteral("landcover_2021"))->map.rasterStyle.opacity, 0.45);
    QVERIFY(!w2.isProjectModified());
    QVERIFY(w2.windowTitle().startsWith(name));

    // A removed layer stays removed.
    QVERIFY(w2.setCurrentLayer(QStringLiteral("dem")));
    const int count = w2.layerCount();
    w2.removeCurrentLayer();
    QVERIFY(w2.isProjectModified());
    QVERIFY(w2.saveProject());
    MainWindow w3;
    prepare(w3, errors2);
    QVERIFY(w3.openProject(file));
    QCOMPARE(w3.layerCount(), count - 1);
    QCOMPARE(rowOf(listOf(w3), QStringLiteral("dem")), -1);
    const tanhui::models::Project afterRemove = tanhui::models::Project::load(file);
    QVERIFY(afterRemove.layer(QStringLiteral("dem"))); // still in the project

    // Saving a map layout (Project::save writes the sections it knows) keeps the saved workspace.
    const QJsonObject before = readJson(file).value(QStringLiteral("workspace")).toObject();
    tanhui::gui::LayoutDialog* layout = w3.showLayoutDialog();
    QVERIFY(layout);
    QVERIFY(layout->saveToProject());
    const QJsonObject after = readJson(file);
    QVERIFY(after.value(QStringLiteral("layouts")).isArray());
    QCOMPARE(after.value(QStringLiteral("workspace")).toObject(), before);
    layout->close();
}

void TestWorkspaceProject::saveAsMovesPathsAndAdoptsAddedLayers() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString file = makeProject(tmp);
    QStringList errors;
    MainWindow w;
    prepare(w, errors);
    QVERIFY(w.openProject(file));
    const int count = w.layerCount();
    // A raster added by hand (from outside the project's list) becomes a project layer on save.
    QDir(tmp.path()).mkpath(QStringLiteral("extra"));
    QVERIFY(QFile::link(QDir(m_sample).filePath(QStringLiteral("rasters/dem.tif")),
                        tmp.filePath(QStringLiteral("extra/hand_dem.tif"))));
    QVERIFY(w.addRaster(tmp.filePath(QStringLiteral("extra/hand_dem.tif"))));
    QVERIFY(w.isProjectModified());
    QDir(tmp.path()).mkpath(QStringLiteral("copies/a"));
    const QString other = tmp.filePath(QStringLiteral("copies/a/other.tanhui.json"));
    QVERIFY2(w.saveProjectAs(other), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(w.projectFile(), other);
    const tanhui::models::Project p = tanhui::models::Project::load(other);
    QVERIFY2(p.validate().isEmpty(), qPrintable(p.validate().join(QLatin1Char('\n'))));
    QCOMPARE(p.layer(QStringLiteral("xiaoban"))->path, QStringLiteral("../../vectors/xiaoban.shp"));
    QVERIFY(p.layer(QStringLiteral("hand_dem")));
    QCOMPARE(p.layer(QStringLiteral("hand_dem"))->path, QStringLiteral("../../extra/hand_dem.tif"));
    QCOMPARE(p.parameters.front().path.left(6), QStringLiteral("../../"));
    // The original file is untouched; the copy reopens with every layer, the added one included.
    QVERIFY(!readJson(file).contains(QStringLiteral("workspace")));
    MainWindow w2;
    prepare(w2, errors);
    QVERIFY2(w2.openProject(other), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(w2.layerCount(), count + 1);
    QCOMPARE(rowOf(listOf(w2), QStringLiteral("hand_dem")), 0); // on top, as it was

    // Layers added to an empty window stay when a project is opened, and make it modified.
    MainWindow w3;
    prepare(w3, errors);
    QVERIFY(w3.addRaster(tmp.filePath(QStringLiteral("extra/hand_dem.tif"))));
    QVERIFY(w3.openProject(file));
    QCOMPARE(w3.layerCount(), count + 1);
    QVERIFY(w3.isProjectModified());
}

void TestWorkspaceProject::autosaveRecoveryAndClose() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString file = makeProject(tmp);
    QStringList errors;
    const QString autosave = tanhui::gui::autosavePathFor(file);
    QCOMPARE(autosave, tmp.filePath(QStringLiteral(".project.tanhui.json.autosave")));
    auto opacityIn = [](const QJsonObject& workspace, const QString& id) {
        for (const QJsonValue& l : workspace.value(QStringLiteral("layers")).toArray())
            if (l[QStringLiteral("id")].toString() == id)
                return l[QStringLiteral("vector_style")][QStringLiteral("opacity")].toDouble();
        return -1.0;
    };
    {
        MainWindow w;
        prepare(w, errors);
        QVERIFY(w.openProject(file));
        QCOMPARE(w.autosaveFile(), autosave);
        w.setAutosaveInterval(100);
        QTest::qWait(300);
        QVERIFY(!QFile::exists(autosave)); // nothing to save: no autosave
        QVERIFY(w.setLayerOpacity(QStringLiteral("xiaoban"), 0.3));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(autosave), 5000);
        QCOMPARE(opacityIn(readJson(autosave).value(QStringLiteral("workspace")).toObject(),
                           QStringLiteral("xiaoban")),
                 0.3);
        QVERIFY(!readJson(file).contains(QStringLiteral("workspace"))); // the project file is untouched
        QVERIFY(w.saveProject());
        QVERIFY(!QFile::exists(autosave)); // a normal save removes it
        QVERIFY(w.setLayerOpacity(QStringLiteral("xiaoban"), 0.2));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(autosave), 5000);
        // A crash runs no destructor: keep what it would leave behind.
        QVERIFY(QFile::copy(autosave, autosave + QStringLiteral(".crash")));
    }
    QVERIFY(!QFile::exists(autosave)); // an ordinary end removes the autosave
    QVERIFY(QFile::rename(autosave + QStringLiteral(".crash"), autosave));
    // Make sure the autosave is newer than the project, whatever the clock's resolution.
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime));
    f.close();
    {
        MainWindow w;
        prepare(w, errors);
        QStringList asked;
        w.setRecoverQuestion([&asked](const QString& p, const QString& a) {
            asked << p << a;
            return true;
        });
        QVERIFY(w.openProject(file));
        QCOMPARE(asked, (QStringList{ file, autosave }));
        QCOMPARE(opacityIn(w.workspaceJson(), QStringLiteral("xiaoban")), 0.2); // recovered
        QVERIFY(w.isProjectModified());
        QVERIFY(w.isWindowModified());
        QCOMPARE(w.projectFile(), file);
        // Close: Cancel keeps the window open; Discard closes and removes the autosave.
        w.setCloseQuestion([] { return MainWindow::CloseAnswer::Cancel; });
        QVERIFY(!w.close());
        QVERIFY(w.isVisible());
        QVERIFY(QFile::exists(autosave));
        w.setCloseQuestion([] { return MainWindow::CloseAnswer::Discard; });
        QVERIFY(w.close());
        QVERIFY(!QFile::exists(autosave));
    }
    {
        // Declining the recovery removes the autosave and opens the file as saved.
        QVERIFY(writeJson(autosave, readJson(file)));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime));
        f.close();
        MainWindow w;
        prepare(w, errors);
        int asked = 0;
        w.setRecoverQuestion([&asked](const QString&, const QString&) {
            ++asked;
            return false;
        });
        QVERIFY(w.openProject(file));
        QCOMPARE(asked, 1);
        QVERIFY(!QFile::exists(autosave));
        QCOMPARE(opacityIn(w.workspaceJson(), QStringLiteral("xiaoban")), 0.3);
        QVERIFY(!w.isProjectModified());
        // Close with Save writes the changes.
        QVERIFY(w.setLayerOpacity(QStringLiteral("xiaoban"), 0.6));
        w.setCloseQuestion([] { return MainWindow::CloseAnswer::Save; });
        QVERIFY(w.close());
        QCOMPARE(
          opacityIn(readJson(file).value(QStringLiteral("workspace")).toObject(), QStringLiteral("xiaoban")),
          0.6);
    }
    QVERIFY(errors.isEmpty());
    {
        // An autosave that cannot be read is reported and the file opens as saved.
        QFile bad(autosave);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{ not json");
        bad.close();
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime));
        f.close();
        MainWindow w;
        prepare(w, errors);
        w.setRecoverQuestion([](const QString&, const QString&) { return true; });
        QVERIFY(w.openProject(file));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors[0].contains(QStringLiteral(".project.tanhui.json.autosave")), qPrintable(errors[0]));
        QCOMPARE(opacityIn(w.workspaceJson(), QStringLiteral("xiaoban")), 0.6);
        QVERIFY(!w.isProjectModified());
    }
}

void TestWorkspaceProject::missingFilesRelocated() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString file = makeProject(
      tmp, { QStringLiteral("vectors/districts.gpkg"), QStringLiteral("vectors/wetland_units.gpkg") });
    QDir(tmp.path()).mkpath(QStringLiteral("moved/deep"));
    QDir(tmp.path()).mkpath(QStringLiteral("other"));
    QVERIFY(QFile::link(QDir(m_sample).filePath(QStringLiteral("vectors/districts.gpkg")),
                        tmp.filePath(QStringLiteral("moved/deep/districts.gpkg"))));
    QVERIFY(QFile::link(QDir(m_sample).filePath(QStringLiteral("vectors/wetland_units.gpkg")),
                        tmp.filePath(QStringLiteral("other/wu_renamed.gpkg"))));
    const int all = int(tanhui::models::Project::load(file).layers.size());
    // The saved workspace gives the districts a style; it waits for the file and is kept meanwhile.
    QJsonObject root = readJson(file);
    tanhui::render::VectorStyle districtStyle;
    districtStyle.symbol.fill = QColor(10, 120, 200);
    districtStyle.opacity = 0.55;
    root.insert(
      QStringLiteral("workspace"),
      QJsonObject{ { QStringLiteral("layers"),
                     QJsonArray{ QJsonObject{ { QStringLiteral("id"), QStringLiteral("districts") },
                                              { QStringLiteral("visible"), false },
                                              { QStringLiteral("vector_style"),
                                                tanhui::render::vectorStyleToJson(districtStyle) } } } } });
    QVERIFY(writeJson(file, root));
    QStringList errors;
    MainWindow w;
    prepare(w, errors);
    QVERIFY(!w.openProject(file)); // opens, with the problem reported
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors[0].contains(QStringLiteral("Layer districts")) &&
               errors[0].contains(QStringLiteral("Relocate")),
             qPrintable(errors[0]));
    QCOMPARE(w.layerCount(), all - 2);
    const QMap<QString, QString> missing = w.missingLayers();
    QCOMPARE(missing.keys(), (QStringList{ QStringLiteral("districts"), QStringLiteral("wetland_units") }));
    QCOMPARE(missing.value(QStringLiteral("districts")),
             tmp.filePath(QStringLiteral("vectors/districts.gpkg")));
    QVERIFY(!w.isProjectModified());

    // The dialog, driven without showing it: the folder search fills the layer it finds.
    tanhui::gui::RelocateDialog dialog(missing);
    QCOMPARE(dialog.table()->rowCount(), 2);
    QCOMPARE(dialog.searchFolder(tmp.filePath(QStringLiteral("moved"))), 1);
    QCOMPARE(dialog.relocated(),
             (QMap<QString, QString>{
               { QStringLiteral("districts"), tmp.filePath(QStringLiteral("moved/deep/districts.gpkg")) } }));

    // A file that is not there is refused, and nothing changes.
    errors.clear();
    QCOMPARE(
      w.relocateLayers({ { QStringLiteral("wetland_units"), tmp.filePath(QStringLiteral("nowhere.gpkg")) } }),
      0);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors[0].contains(QStringLiteral("nowhere.gpkg")), qPrintable(errors[0]));
    QVERIFY(!w.isProjectModified());
    // Direct relocation (another name), then the folder search for the other.
    QCOMPARE(w.relocateLayers({ { QStringLiteral("wetland_units"),
                                  tmp.filePath(QStringLiteral("other/wu_renamed.gpkg")) } }),
             1);
    QCOMPARE(w.layerCount(), all - 1);
    QVERIFY(w.isProjectModified());
    QVERIFY(w.saveProject()); // saved before the districts are found: their entry stays in the file
    QCOMPARE(readJson(file)[QStringLiteral("workspace")][QStringLiteral("layers")]
               .toArray()
               .last()[QStringLiteral("id")]
               .toString(),
             QStringLiteral("districts"));
    QCOMPARE(w.relocateFromFolder(tmp.path()), 1);
    QCOMPARE(w.layerCount(), all);
    tanhui::gui::LayerEntry* districts = entryOf(listOf(w), QStringLiteral("districts"));
    QVERIFY(districts);
    QCOMPARE(districts->map.vectorStyle.symbol.fill, QColor(10, 120, 200)); // the saved style
    QCOMPARE(districts->map.vectorStyle.opacity, 0.55);
    QCOMPARE(listOf(w)->item(rowOf(listOf(w), QStringLiteral("districts")))->checkState(), Qt::Unchecked);
    QVERIFY(w.missingLayers().isEmpty());
    QVERIFY(rowOf(listOf(w), QStringLiteral("districts")) >= 0);
    QVERIFY(w.mapCanvas()->waitForFrame());

    QVERIFY(w.saveProject());
    const tanhui::models::Project saved = tanhui::models::Project::load(file);
    QCOMPARE(saved.layer(QStringLiteral("districts"))->path, QStringLiteral("moved/deep/districts.gpkg"));
    QCOMPARE(saved.layer(QStringLiteral("wetland_units"))->path, QStringLiteral("other/wu_renamed.gpkg"));
    QVERIFY2(saved.validate().isEmpty(), qPrintable(saved.validate().join(QLatin1Char('\n'))));
    errors.clear();
    MainWindow w2;
    prepare(w2, errors);
    QVERIFY2(w2.openProject(file), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(w2.layerCount(), all);
}

void TestWorkspaceProject::corruptWorkspaceNamesTheField() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString file = makeProject(tmp);
    QJsonObject root = readJson(file);
    const QJsonObject badStyle{ { QStringLiteral("kind"), QStringLiteral("single") },
                                { QStringLiteral("symbol"),
                                  QJsonObject{ { QStringLiteral("fill"), QStringLiteral("#12") } } } };
    root.insert(
      QStringLiteral("workspace"),
      QJsonObject{
        { QStringLiteral("layers"),
          QJsonArray{ QJsonObject{ { QStringLiteral("id"), QStringLiteral("xiaoban") },
                                   { QStringLiteral("visible"), false },
                                   { QStringLiteral("vector_style"), badStyle },
                                   { QStringLiteral("group"), QStringLiteral("no such group") } },
                      QJsonObject{ { QStringLiteral("id"), QStringLiteral("no_such_layer") } } } },
        { QStringLiteral("groups"),
          QJsonArray{ QJsonObject{ { QStringLiteral("name"), QStringLiteral("forest") },
                                   { QStringLiteral("visible"), QStringLiteral("yes") } },
                      QJsonObject{ { QStringLiteral("name"), QStringLiteral("forest") } } } },
        { QStringLiteral("date"), QStringLiteral("2020") },
        { QStringLiteral("view"), QJsonObject{ { QStringLiteral("extent"), QJsonArray{ 1, 2 } } } } });
    QVERIFY(writeJson(file, root));
    // The CLI's reader ignores the section.
    QVERIFY(tanhui::models::Project::load(file).validate().isEmpty());
    QStringList errors;
    MainWindow w;
    prepare(w, errors);
    QVERIFY(!w.openProject(file));
    QCOMPARE(errors.size(), 1);
    const QString& e = errors[0];
    QVERIFY2(
      e.contains(QStringLiteral("workspace.layers[0].vector_style.symbol.fill: \"#12\" is not a colour")) &&
        e.contains(QStringLiteral("(layer \"xiaoban\"); the default style is used")),
      qPrintable(e));
    QVERIFY2(e.contains(QStringLiteral("workspace.date must be a year")), qPrintable(e));
    QVERIFY2(
      e.contains(QStringLiteral("workspace.layers[0].group (layer \"xiaoban\"): no such group is not a "
                                "group listed in workspace.groups")),
      qPrintable(e));
    QVERIFY2(
      e.contains(QStringLiteral("workspace.groups[0].visible (group \"forest\") must be true or false")),
      qPrintable(e));
    QVERIFY2(e.contains(QStringLiteral("workspace.groups[1]: group \"forest\" is listed twice")),
             qPrintable(e));
    QVERIFY2(e.contains(QStringLiteral("workspace.view.extent")), qPrintable(e));
    QVERIFY2(e.contains(QStringLiteral("workspace.layers[1]: the project has no layer \"no_such_layer\"")),
             qPrintable(e));
    // The project opened: every layer, xiaoban with its default style (categorised) but hidden as saved.
    QCOMPARE(w.layerCount(), int(tanhui::models::Project::load(file).layers.size()));
    tanhui::gui::LayerEntry* x = entryOf(listOf(w), QStringLiteral("xiaoban"));
    QVERIFY(x);
    QCOMPARE(x->map.vectorStyle.kind, tanhui::render::VectorStyle::Kind::Categorized);
    QCOMPARE(listOf(w)->item(rowOf(listOf(w), QStringLiteral("xiaoban")))->checkState(), Qt::Unchecked);
    QCOMPARE(rowOf(listOf(w), QStringLiteral("xiaoban")), listOf(w)->count() - 1); // listed layers go below
    QCOMPARE(w.layerGroups(), QStringList{ QStringLiteral("forest") }); // the valid part of the groups
    QCOMPARE(w.layerGroupOf(QStringLiteral("xiaoban")), QString());
}

QTEST_MAIN(TestWorkspaceProject)
#include "tst_workspace_project.moc"
