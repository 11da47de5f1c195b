// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli: runs Tanhui's analyses and exports without the GUI.
#include "app/cli/CarbonCommand.h"
#include "app/cli/CliCommon.h"
#include "app/cli/GepCommand.h"
#ifdef TANHUI_HAVE_MAP
#include "app/cli/MapCommand.h"
#include <QGuiApplication>
#endif
#include "app/cli/PlanCommand.h"
#include "app/cli/SampleCommand.h"
#include "app/cli/ZonalCommand.h"
#ifdef TANHUI_HAVE_REPORT
#include "app/cli/ReportCommand.h"
#include "app/report/ReportApplication.h"
#endif
#include "app/common/Translations.h"
#include "gis/Gdal.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

QString usage() {
    return QCoreApplication::translate("Cli",
                                       "Usage: tanhui-cli <command> [options]\n"
                                       "\n"
                                       "Commands:\n"
                                       "  sample   write the Guangzhou-like sample project (generated)\n"
                                       "  zonal    exact per-parcel zonal statistics of raster bands\n"
                                       "  carbon   carbon stocks, change and value from land-cover rasters\n"
                                       "  gep      gross ecosystem product (GEP) per parcel\n"
                                       "  plan     a restoration plan of the project against the baseline\n"
                                       "  map      a project map as PNG, PDF or SVG (layouts, atlas)\n"
                                       "  report   the valuation report (PDF or HTML) from result sets\n"
                                       "\n"
                                       "Run 'tanhui-cli <command> --help' for the options of a command.\n"
                                       "Options: --help, --version\n");
}

} // namespace

int main(int argc, char** argv) {
    tanhui::cli::installInterruptHandler(); // Ctrl+C cancels cleanly (outputs unchanged), never kills
    // The map command paints with QtGui: it gets a QGuiApplication (offscreen without a display, and
    // in the language of its --lang); the report paints charts (QtCharts): a QApplication, offscreen
    // without a display. The other commands stay QtCore-only.
    [[maybe_unused]] const bool guiCommand = argc > 1 && std::strcmp(argv[1], "map") == 0;
    std::unique_ptr<QCoreApplication> application;
#ifdef TANHUI_HAVE_REPORT
    if (argc > 1 && std::strcmp(argv[1], "report") == 0)
        application = tanhui::report::makeReportApplication(argc, argv);
#endif
#ifdef TANHUI_HAVE_MAP
    if (guiCommand) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        for (int i = 2; i + 1 < argc; ++i)
            if (std::strcmp(argv[i], "--lang") == 0)
                qputenv("TANHUI_LANG", argv[i + 1]);
        application = std::make_unique<QGuiApplication>(argc, argv);
    }
#endif
    if (!application)
        application = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication& app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("tanhui-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TANHUI_VERSION));
    tanhui::app::installTranslations(app);
    tanhui::gis::initializeGdal();

    const QStringList args = QCoreApplication::arguments();
    const QString command = args.size() > 1 ? args.at(1) : QString();
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("--help-all") || command == QLatin1String("help")) {
        std::fputs(qPrintable(usage()), command.isEmpty() ? stderr : stdout);
        return command.isEmpty() ? tanhui::cli::ExitUsage : tanhui::cli::ExitOk;
    }
    if (command == QLatin1String("--version")) {
        std::printf("tanhui-cli %s (GDAL %s)\n", TANHUI_VERSION, tanhui::gis::gdalVersion().c_str());
        return tanhui::cli::ExitOk;
    }
    if (command == QLatin1String("sample"))
        return tanhui::cli::runSampleCommand(args);
    if (command == QLatin1String("zonal"))
        return tanhui::cli::runZonalCommand(args);
    if (command == QLatin1String("carbon"))
        return tanhui::cli::runCarbonCommand(args);
    if (command == QLatin1String("gep"))
        return tanhui::cli::runGepCommand(args);
    if (command == QLatin1String("plan"))
        return tanhui::cli::runPlanCommand(args);
#ifdef TANHUI_HAVE_MAP
    if (guiCommand)
        return tanhui::cli::runMapCommand(args);
#endif
#ifdef TANHUI_HAVE_REPORT
    if (command == QLatin1String("report"))
        return tanhui::cli::runReportCommand(args);
#endif
    tanhui::cli::printError(
      QCoreApplication::translate("Cli", "unknown command '%1' (see tanhui-cli --help)").arg(command));
    return tanhui::cli::ExitUsage;
}
