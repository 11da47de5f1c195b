// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui [FILE...]: the desktop application. Files given on the command line are opened as rasters
// when GDAL can read them as such, otherwise as vector layers.
//
// TANHUI_SCREENSHOT=<file.png> saves a picture of the main window once the map is drawn and quits
// (scripts/screenshots.sh); with it, TANHUI_DATE=<year> moves the time slider and
// TANHUI_SHOW=<id,id,...> shows only those project layers; TANHUI_GROUP=<name>:<id,...> puts layers
// in a group; TANHUI_STYLE=<id>[,<render type index>] opens the Layer Styling dock on a layer.
// TANHUI_LANG=zh_CN|en overrides the interface language. TANHUI_JOBS=<folder> queues three carbon runs
// of the project opened into <folder>/run1..3 in the Jobs dock; with TANHUI_SCREENSHOT, the picture is
// taken once the first has finished and the second shows its remaining time.
// TANHUI_RESULTS=<folder>[,<folder>] opens result
// folders in the Results dock (TANHUI_RESULTS_TAB=<tab index>, TANHUI_RESULTS_TABLE=<table or totals key>,
// TANHUI_RESULTS_LAYER=density|change|gep:<layer>|plan adds the result layer to the map; plan: of the
// last folder).
// TANHUI_CHARTS=<carbon result folder>[,<GEP result folder>[,<plan result folder>]] opens the Result Charts
// dock on those result sets (resultset.json); TANHUI_CHART=<tab index> shows that chart,
// TANHUI_PARCEL=<layer>:<fid> a parcel; with TANHUI_SCREENSHOT the picture is of the dock, floating at 1100 ×
// 640. TANHUI_ANALYSIS=<analysis id>[,<input>=<value>...] opens that analysis's form (the picture is the
// form's). TANHUI_FIELDMAPPING=<layer id> opens that layer's field mapping (the picture is the dialog's).
// TANHUI_PARAMETERS=<table name> opens the parameter-table editor on that table (the picture is the
// dialog's).

#include "app/common/Translations.h"
#include "app/gui/AnalysisDialog.h"
#include "app/gui/AttributeTable.h"
#include "app/gui/ChartsDock.h"
#include "app/gui/FieldMappingDialog.h"
#include "app/gui/JobManager.h"
#include "app/gui/JobsDock.h"
#include "app/gui/MainWindow.h"
#include "app/gui/MapCanvas.h"
#include "app/gui/ParameterTableDialog.h"
#include "app/gui/PlanDialog.h"
#include "app/gui/ResultsDock.h"
#include "app/gui/StyleDock.h"
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "models/analysis/AnalysisSpec.h"
#include "models/project/Project.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QIcon>
#include <QPixmap>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>

#ifndef TANHUI_VERSION
#define TANHUI_VERSION "unknown"
#endif

namespace {

// The demo and screenshot hooks (scripts/screenshots.sh, scripts/demo.sh), each read from the environment.

/// TANHUI_JOBS=<folder>: three carbon runs of the project opened (into <folder>/run1..3), queued as
/// Analysis ▸ Carbon queues them.
void queueDemoJobs(tanhui::gui::MainWindow& window) {
    const QString folder = qEnvironmentVariable("TANHUI_JOBS");
    if (folder.isEmpty())
        return;
    for (int k = 1; k <= 3; ++k)
        window.runAnalysis(
          QStringLiteral("carbon_project"),
          { { QStringLiteral("out"), QDir(folder).filePath(QStringLiteral("run%1").arg(k)) } });
    window.resizeDocks({ window.jobsDock() }, { 330 }, Qt::Vertical);
}

/// TANHUI_CHARTS: the result charts of result folders (for screenshots and demos).
void showChartsFromEnvironment(tanhui::gui::MainWindow& window) {
    const QStringList dirs =
      qEnvironmentVariable("TANHUI_CHARTS").split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (dirs.isEmpty())
        return;
    try {
        std::optional<tanhui::models::analysis::ResultSet> carbon, gep;
        if (!dirs[0].isEmpty() && dirs[0] != QLatin1String("-"))
            carbon = tanhui::models::analysis::readResultSet(dirs[0].toStdString());
        if (dirs.size() > 1 && dirs[1] != QLatin1String("-"))
            gep = tanhui::models::analysis::readResultSet(dirs[1].toStdString());
        tanhui::gui::ChartsDock* dock = window.chartsDock();
        dock->setResults(carbon ? &*carbon : nullptr, gep ? &*gep : nullptr);
        if (dirs.size() > 2)
            dock->setPlan(std::make_shared<const tanhui::models::analysis::ResultSet>(
              tanhui::models::analysis::readResultSet(dirs[2].toStdString())));
        dock->show();
        if (qEnvironmentVariableIsSet("TANHUI_SCREENSHOT")) { // the picture is the dock's, floating
            dock->setFloating(true);
            dock->resize(1100, 640);
        }
        if (const QStringList parcel = qEnvironmentVariable("TANHUI_PARCEL").split(QLatin1Char(':'));
            parcel.size() == 2)
            dock->showParcel(parcel[0], parcel[1].toLongLong());
        if (qEnvironmentVariableIsSet("TANHUI_CHART"))
            dock->charts()->showChart(
              tanhui::gui::ResultCharts::Chart(qEnvironmentVariableIntValue("TANHUI_CHART")));
    } catch (const tanhui::gis::GisError& e) {
        std::fprintf(stderr, "tanhui: %s\n", e.what());
    }
}

/// TANHUI_SCREENSHOT=<file.png>: the window staged as the environment says, saved to the file, then quit.
void stageScreenshot(tanhui::gui::MainWindow& window, const QString& screenshot) {
    tanhui::gui::JobsDock* jobsDock = window.jobsDock();
    if (const QString show = qEnvironmentVariable("TANHUI_SHOW"); !show.isEmpty())
        window.setVisibleLayers(show.split(QLatin1Char(','), Qt::SkipEmptyParts));
    if (const int year = qEnvironmentVariableIntValue("TANHUI_DATE"); year > 0)
        window.setCurrentYear(year);
    // TANHUI_TABLE=<layer id>: its attribute table, with the features in the middle tenth of the
    // layer selected (scripts/screenshots.sh).
    if (const QString table = qEnvironmentVariable("TANHUI_TABLE");
        !table.isEmpty() && window.setCurrentLayer(table)) {
        window.openAttributeTable();
        if (const auto source = window.attributeTable()->source()) {
            const tanhui::gis::Box e = source->extent();
            window.selectFeaturesIn({ e.xmin + 0.45 * e.width(),
                                      e.ymin + 0.45 * e.height(),
                                      e.xmin + 0.55 * e.width(),
                                      e.ymin + 0.55 * e.height() });
        }
    }
    // TANHUI_GROUP=<name>:<id>,<id>,…: a layer group of those project layers, for screenshots.
    if (const QString group = qEnvironmentVariable("TANHUI_GROUP"); group.contains(QLatin1Char(':')))
        window.addLayerGroup(group.section(QLatin1Char(':'), 0, 0),
                             group.section(QLatin1Char(':'), 1).split(QLatin1Char(','), Qt::SkipEmptyParts));
    // TANHUI_MEASURE=x,y,x,y,…: an area measurement with these vertices (map CRS), for screenshots.
    if (const QStringList xy =
          qEnvironmentVariable("TANHUI_MEASURE").split(QLatin1Char(','), Qt::SkipEmptyParts);
        xy.size() >= 6 && xy.size() % 2 == 0) {
        window.findChild<QAction*>(QStringLiteral("measureAreaAction"))->trigger();
        for (int i = 0; i + 1 < xy.size(); i += 2)
            window.mapCanvas()->addMeasurePoint(xy[i].toDouble(), xy[i + 1].toDouble(), i + 2 == xy.size());
    }
    // TANHUI_IDENTIFY=x,y: identify there (map CRS) and show the parcel's series, for screenshots.
    if (const QStringList xy = qEnvironmentVariable("TANHUI_IDENTIFY").split(QLatin1Char(','));
        xy.size() == 2 && window.identifyAt(xy[0].toDouble(), xy[1].toDouble()) > 0) {
        if (auto* dock = window.findChild<QDockWidget*>(QStringLiteral("seriesDock")))
            dock->raise();
        // With TANHUI_CHARTS: the same series under the parcel's trajectory.
        if (window.chartsDock()->isVisible())
            window.chartsDock()->showParcelSeries(
              qEnvironmentVariable("TANHUI_PARCEL"), window.lastParcelSeries(), {});
    }
    // TANHUI_STYLE=<layer id>[,<render type index>]: the Layer Styling dock on that layer, for
    // screenshots.
    if (const QStringList style = qEnvironmentVariable("TANHUI_STYLE").split(QLatin1Char(','));
        !style[0].isEmpty() && window.setCurrentLayer(style[0])) {
        window.showStyleDock();
        for (auto* combo : window.styleDock()->findChildren<QComboBox*>())
            if (style.size() > 1 && combo->objectName().endsWith(QLatin1String("KindCombo")) &&
                combo->isVisibleTo(window.styleDock()))
                combo->setCurrentIndex(style[1].toInt());
    }
    // TANHUI_RESULTS=<folder>[,<folder>]: result folders in the Results dock, for screenshots.
    if (const QStringList folders =
          qEnvironmentVariable("TANHUI_RESULTS").split(QLatin1Char(','), Qt::SkipEmptyParts);
        !folders.isEmpty()) {
        tanhui::gui::ResultsDock* dock = window.resultsDock();
        for (const QString& folder : folders) {
            QString error;
            if (!dock->openFolder(folder, &error))
                std::fprintf(stderr, "tanhui: %s\n", qPrintable(error));
        }
        dock->show();
        window.resizeDocks({ dock }, { 330 }, Qt::Vertical);
        dock->tabs()->setCurrentIndex(qEnvironmentVariableIntValue("TANHUI_RESULTS_TAB"));
        if (const QString table = qEnvironmentVariable("TANHUI_RESULTS_TABLE"); !table.isEmpty())
            dock->showParcelTable(table) || dock->showTotals(table);
        const QString layer = qEnvironmentVariable("TANHUI_RESULTS_LAYER");
        const QString gepFolder = folders.size() > 1 ? folders[1] : folders[0];
        if (layer == QLatin1String("density"))
            window.addResultLayer(folders[0] + QStringLiteral("/parcels.gpkg"),
                                  tanhui::gui::ResultQuantity::StockDensity);
        else if (layer == QLatin1String("change"))
            window.addResultLayer(folders[0] + QStringLiteral("/parcels.gpkg"),
                                  tanhui::gui::ResultQuantity::Change);
        else if (layer == QLatin1String("plan"))
            window.addResultLayer(folders.back() + QStringLiteral("/plan_parcels.gpkg"),
                                  tanhui::gui::ResultQuantity::PlanDifference);
        else if (layer.startsWith(QLatin1String("gep:")))
            window.addResultLayer(gepFolder + QStringLiteral("/parcels_") + layer.mid(4) +
                                    QStringLiteral(".gpkg"),
                                  tanhui::gui::ResultQuantity::GepPerHa);
    }
    // TANHUI_PLANS=1: the restoration plan editor on the project, for screenshots (the dialog is saved).
    QWidget* plans = qEnvironmentVariableIsSet("TANHUI_PLANS") ? window.showPlanDialog() : nullptr;
    // TANHUI_ANALYSIS=<analysis id>[,<input>=<value>...]: that analysis's form (the dialog is saved).
    if (const QStringList parts =
          qEnvironmentVariable("TANHUI_ANALYSIS").split(QLatin1Char(','), Qt::SkipEmptyParts);
        !parts.isEmpty())
        if (tanhui::gui::AnalysisDialog* dialog = window.showAnalysisDialog(parts[0])) {
            for (const QString& kv : parts.mid(1))
                dialog->setValue(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
            dialog->validateNow();
            plans = dialog;
        }
    // TANHUI_FIELDMAPPING=<layer id>: that layer's field mapping (the dialog is saved).
    if (const QString layer = qEnvironmentVariable("TANHUI_FIELDMAPPING"); !layer.isEmpty())
        if (QWidget* dialog = window.showFieldMappingDialog(layer))
            plans = dialog;
    // TANHUI_PARAMETERS=<table name>: the parameter-table editor on that table (the dialog is saved).
    if (const QString table = qEnvironmentVariable("TANHUI_PARAMETERS"); !table.isEmpty())
        if (tanhui::gui::ParameterTableDialog* dialog = window.showParameterTableDialog()) {
            dialog->showTable(table);
            plans = dialog;
        }
    auto shoot = [&window, screenshot, plans] {
        window.mapCanvas()->waitForFrame();
        QWidget* shown = plans ? plans
                         : qEnvironmentVariableIsSet("TANHUI_CHARTS")
                           ? static_cast<QWidget*>(window.chartsDock())
                           : static_cast<QWidget*>(&window);
        const bool saved = shown->grab().save(screenshot);
        if (!saved)
            std::fprintf(stderr, "tanhui: cannot save the screenshot to %s\n", qPrintable(screenshot));
        QCoreApplication::exit(saved ? 0 : 1);
    };
    auto* jobs = jobsDock ? jobsDock->manager() : nullptr;
    if (jobs && jobs->jobIds().size() >= 2) {
        // TANHUI_JOBS: once the first job has ended and the second shows its remaining time.
        QObject::connect(jobs, &tanhui::gui::JobManager::jobChanged, &window, [jobs, shoot] {
            static bool scheduled = false;
            const QList<int> ids = jobs->jobIds();
            const auto first = jobs->job(ids[0]);
            const auto second = jobs->job(ids[1]);
            if (!scheduled && first->isEnded() && second->remainingMs >= 0 && second->percent >= 10.0) {
                scheduled = true;
                QTimer::singleShot(1200, shoot); // after the dock's next one-second refresh
            }
        });
    } else {
        QTimer::singleShot(500, &window, shoot);
    }
}

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Tanhui"));
    QApplication::setApplicationName(QStringLiteral("tanhui"));
    QApplication::setApplicationVersion(QStringLiteral(TANHUI_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("tanhui"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tanhui.svg")));
    // The language chosen in Preferences (restart to apply); TANHUI_LANG overrides it.
    tanhui::app::installTranslations(app, QSettings().value(QStringLiteral("ui/language")).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
      "main", "Tanhui: desktop GIS for carbon sinks and ecosystem product value."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
      QStringLiteral("files"),
      QCoreApplication::translate("main",
                                  "Raster or vector files, or project files (project.tanhui.json), to open."),
      QStringLiteral("[FILE...]"));
    parser.process(app);

    tanhui::gis::initializeGdal();

    tanhui::gui::MainWindow window;
    window.show();
    for (const QString& file : parser.positionalArguments())
        window.openFile(file);

    queueDemoJobs(window);
    showChartsFromEnvironment(window);
    if (const QString screenshot = qEnvironmentVariable("TANHUI_SCREENSHOT"); !screenshot.isEmpty())
        stageScreenshot(window, screenshot);
    return app.exec();
}
