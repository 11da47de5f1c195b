// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui [FILE...]: the desktop application. Files given on the command line are opened as rasters
// when GDAL can read them as such, otherwise as vector layers.
//
// TANHUI_SCREENSHOT=<file.png> saves a picture of the main window once the map is drawn and quits
// (scripts/screenshots.sh); with it, TANHUI_DATE=<year> moves the time slider and
// TANHUI_SHOW=<id,id,...> shows only those project layers; TANHUI_GROUP=<name>:<id,...> puts layers
// in a group; TANHUI_STYLE=<id>[,<render type index>] opens the Layer Styling dock on a layer.
// TANHUI_LANG=zh_CN|en overrides the interface language.

#include "app/common/Translations.h"
#include "app/gui/AttributeTable.h"
#include "app/gui/MainWindow.h"
#include "app/gui/MapCanvas.h"
#include "app/gui/PlanDialog.h"
#include "app/gui/StyleDock.h"
#include "gis/Gdal.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QIcon>
#include <QPixmap>
#include <QSettings>
#include <QTimer>

#include <cstdio>

#ifndef TANHUI_VERSION
#define TANHUI_VERSION "unknown"
#endif

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

    const QString screenshot = qEnvironmentVariable("TANHUI_SCREENSHOT");
    if (!screenshot.isEmpty()) {
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
            window.addLayerGroup(
              group.section(QLatin1Char(':'), 0, 0),
              group.section(QLatin1Char(':'), 1).split(QLatin1Char(','), Qt::SkipEmptyParts));
        // TANHUI_MEASURE=x,y,x,y,…: an area measurement with these vertices (map CRS), for screenshots.
        if (const QStringList xy =
              qEnvironmentVariable("TANHUI_MEASURE").split(QLatin1Char(','), Qt::SkipEmptyParts);
            xy.size() >= 6 && xy.size() % 2 == 0) {
            window.findChild<QAction*>(QStringLiteral("measureAreaAction"))->trigger();
            for (int i = 0; i + 1 < xy.size(); i += 2)
                window.mapCanvas()->addMeasurePoint(
                  xy[i].toDouble(), xy[i + 1].toDouble(), i + 2 == xy.size());
        }
        // TANHUI_IDENTIFY=x,y: identify there (map CRS) and show the parcel's series, for screenshots.
        if (const QStringList xy = qEnvironmentVariable("TANHUI_IDENTIFY").split(QLatin1Char(','));
            xy.size() == 2 && window.identifyAt(xy[0].toDouble(), xy[1].toDouble()) > 0) {
            if (auto* dock = window.findChild<QDockWidget*>(QStringLiteral("seriesDock")))
                dock->raise();
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
        // TANHUI_PLANS=1: the restoration plan editor on the project, for screenshots (the dialog is saved).
        QWidget* plans = qEnvironmentVariableIsSet("TANHUI_PLANS") ? window.showPlanDialog() : nullptr;
        QTimer::singleShot(500, &window, [&window, screenshot, plans] {
            window.mapCanvas()->waitForFrame();
            const bool saved = (plans ? plans : static_cast<QWidget*>(&window))->grab().save(screenshot);
            if (!saved)
                std::fprintf(stderr, "tanhui: cannot save the screenshot to %s\n", qPrintable(screenshot));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
