// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/SampleCommand.h"

#include "app/cli/CliCommon.h"
#include "gis/Errors.h"
#include "gis/StagedOutput.h"
#include "models/sample/SampleProject.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QtCore/qcoreapplication.h>

#include <cstdio>

namespace tanhui::cli {

namespace {

/// Translation context of this file's user-facing strings.
struct SampleCommand {
    Q_DECLARE_TR_FUNCTIONS(SampleCommand)
};

QString helpText() {
    return SampleCommand::tr(
      "Writes Tanhui's sample project: a fictional, deterministic study area shaped like the northern\n"
      "hills and the southern estuary of Guangzhou, in EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E)\n"
      "with 10 m cells.\n"
      "\n"
      "Files (paths relative to --out):\n"
      "  rasters/landcover_<year>.tif    land cover 2015, 2018, 2021, 2024 (13 classes, colour table)\n"
      "  rasters/ndvi_<year>.tif         NDVI 2015-2024; rasters/ndvi_2015-2024.tif as one 10-band file\n"
      "  rasters/dem.tif, precipitation.tif, evapotranspiration.tif, rusle_r.tif, rusle_k.tif, rusle_c.tif\n"
      "  vectors/xiaoban.shp             forest sub-compartments (GBK shapefile, id field 小班号)\n"
      "  vectors/farmland_plots.gpkg, wetland_units.gpkg, mangrove_restoration.gpkg, districts.gpkg\n"
      "  parameters/                     the default parameter tables\n"
      "  project.tanhui.json             the project file referencing all of them\n"
      "\n"
      "The same seed and size always give byte-identical files. An existing folder that is not empty is\n"
      "refused unless --force is given; --force replaces only the files listed above.\n"
      "\n"
      "Sizes: small (20 x 20 km, 2000 x 2000 cells, seconds), city (86 x 86 km, 8600 x 8600 cells,\n"
      "a few minutes).\n"
      "\n"
      "Example:\n"
      "  tanhui-cli sample --out sample\n"
      "  tanhui-cli zonal --parcels sample/vectors/xiaoban.shp --id 小班号 \\\n"
      "      --raster sample/rasters/landcover_2015.tif --raster sample/rasters/landcover_2024.tif \\\n"
      "      --stats count,majority,frac,area --out xiaoban_landcover.csv");
}

} // namespace

int runSampleCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(helpText());
    parser.addHelpOption();
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    SampleCommand::tr("Folder to write the project into."),
                                    SampleCommand::tr("DIR"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"),
                                     SampleCommand::tr("Landscape seed, a whole number (default 2024)."),
                                     SampleCommand::tr("N"),
                                     QStringLiteral("2024"));
    const QCommandLineOption sizeOpt(QStringLiteral("size"),
                                     SampleCommand::tr("small (default) or city."),
                                     SampleCommand::tr("SIZE"),
                                     QStringLiteral("small"));
    const QCommandLineOption forceOpt(
      QStringLiteral("force"),
      SampleCommand::tr("Write into a folder that is not empty, replacing the "
                        "sample's own files (and no others)."));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"),
                                        SampleCommand::tr("Worker threads (default: all cores); the files "
                                                          "do not depend on it."),
                                        SampleCommand::tr("N"),
                                        QStringLiteral("0"));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"),
                                      SampleCommand::tr("No progress bar and no summary."));
    parser.addOptions({ outOpt, seedOpt, sizeOpt, forceOpt, threadsOpt, quietOpt });

    if (const auto stop = parseCommandLine(parser, arguments, QStringLiteral("sample"), { outOpt }))
        return *stop;
    models::sample::SampleOptions options;
    bool ok = false;
    options.seed = parser.value(seedOpt).toULongLong(&ok);
    if (!ok) {
        printError(SampleCommand::tr("--seed must be a non-negative whole number, not '%1'")
                     .arg(parser.value(seedOpt)));
        return ExitUsage;
    }
    const QString size = parser.value(sizeOpt).toLower();
    if (size == QLatin1String("small"))
        options.size = models::sample::SampleSize::Small;
    else if (size == QLatin1String("city"))
        options.size = models::sample::SampleSize::City;
    else if (size == QLatin1String("test")) // hidden: 600 x 600 cells, for the test suite
        options.size = models::sample::SampleSize::Test;
    else {
        printError(SampleCommand::tr("--size must be small or city, not '%1'").arg(parser.value(sizeOpt)));
        return ExitUsage;
    }
    options.threads = parser.value(threadsOpt).toInt(&ok);
    if (!ok || options.threads < 0 || options.threads > 1024) {
        printError(SampleCommand::tr("--threads must be a whole number from 0 (all cores) to 1024, not '%1'")
                     .arg(parser.value(threadsOpt)));
        return ExitUsage;
    }
    const QString out = parser.value(outOpt);
    const QFileInfo outInfo(out);
    if (outInfo.exists() && !outInfo.isDir()) {
        printError(SampleCommand::tr("--out %1 is a file, not a folder").arg(out));
        return ExitUsage;
    }
    if (outInfo.isDir() && !QDir(out).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden) &&
        !parser.isSet(forceOpt)) {
        printError(SampleCommand::tr("--out %1 is not empty; choose a new folder, or add --force to replace "
                                     "the sample's files in it (other files are kept)")
                     .arg(out));
        return ExitUsage;
    }
    if (!prepareOutputFolder(out))
        return ExitUsage;

    const bool quiet = parser.isSet(quietOpt);
    auto feedback = makeTerminalFeedback(quiet);
    QElapsedTimer timer;
    timer.start();
    try {
        // Written beside --out and swapped in when complete (gis::StagedOutput); files of the folder
        // that are not the sample's are kept.
        gis::StagedOutput staged(out);
        const QStringList files =
          models::sample::generateSampleProject(staged.path(), options, feedback.get());
        staged.commit();
        finishProgressLine();
        if (!quiet) {
            printInfo(SampleCommand::tr("wrote %1 files in %2 s; project file: %3")
                        .arg(files.size())
                        .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                        .arg(QDir(out).absoluteFilePath(QLatin1String(models::sample::kProjectFileName))));
        }
        return ExitOk;
    } catch (...) {
        return reportFailure(outputsUnchangedMessage(out));
    }
}

} // namespace tanhui::cli
