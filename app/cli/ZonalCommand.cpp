// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/ZonalCommand.h"

#include "app/cli/CliCommon.h"
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/ParcelReader.h"
#include "gis/ZonalEngine.h"
#include "models/ZonalTable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QtCore/qcoreapplication.h>

#include <thread>

namespace tanhui::cli {

namespace {

/// Translation context of this file's user-facing strings.
struct ZonalCommand {
    Q_DECLARE_TR_FUNCTIONS(ZonalCommand)
};

QString statNames() {
    QStringList names;
    for (const models::ZonalStatName& s : models::zonalStatNames())
        names << QString::fromLatin1(s.name);
    return names.join(QLatin1Char(','));
}

QString helpText() {
    return ZonalCommand::tr(
      "Exact per-parcel zonal statistics of raster bands.\n"
      "\n"
      "Each parcel's exact cell coverage (the share of every cell's area inside the parcel) is computed\n"
      "once per raster grid and reused for every band and file on that grid. Parcels are reprojected to\n"
      "each raster's CRS; rasters are never resampled. Nodata and NaN cells are excluded and reported as\n"
      "nodata area. Areas are true (ellipsoidal) areas in hectares.\n"
      "\n"
      "Output: one row per parcel. Columns: fid, the id field, area_ha (ellipsoidal), planar_area_ha,\n"
      "geometry_repaired, then for every raster band <prefix>_<stat> where <prefix> is the file name\n"
      "(plus _b<N> for multi-band files): count_cells (coverage-weighted valid cells), sum, mean, min, max,\n"
      "stdev (raster units), majority, minority, variety, frac_<class> (share of valid area, 0-1),\n"
      "area_ha_<class> (ha), and always nodata_ha and outside_ha (ha).\n"
      "A .gpkg output also carries each parcel's geometry. The output is written to a temporary file and\n"
      "renamed when complete, so an existing file is never left half-written.\n"
      "\n"
      "Example:\n"
      "  tanhui-cli zonal --parcels xiaoban.shp --id XBH --raster lc2015.tif --raster lc2024.tif \\\n"
      "      --stats count,majority,frac,area --out xiaoban_landcover.csv");
}

/// A band that no parcel overlaps (usually a wrong CRS or the wrong file), or that is nodata under
/// every parcel, gives a table of zeros: say so, naming the file and what to check.
void reportEmptyBands(const QString& parcelsPath, const gis::ZonalResult& result) {
    for (std::size_t b = 0; b < result.bands.size(); ++b) {
        double valid = 0, nodata = 0;
        for (const auto& parcel : result.stats) {
            valid += parcel[b].count;
            nodata += parcel[b].nodataCells;
        }
        if (valid > 0 || result.stats.empty())
            continue;
        const QString raster = QString::fromStdString(result.bands[b].path);
        const int band = result.bands[b].band;
        if (nodata > 0)
            printWarning(
              ZonalCommand::tr("%1 band %2: every cell under the parcels of %3 is nodata (or NaN); "
                               "its statistics are empty. Check the raster's nodata value and "
                               "that it is the file you meant.")
                .arg(raster)
                .arg(band)
                .arg(parcelsPath));
        else
            printWarning(ZonalCommand::tr("%1 band %2 does not overlap any parcel of %3; its statistics are "
                                          "empty. Check that both files have the right CRS and cover the "
                                          "same area.")
                           .arg(raster)
                           .arg(band)
                           .arg(parcelsPath));
    }
}

} // namespace

int runZonalCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(helpText());
    parser.addHelpOption();
    const QCommandLineOption parcelsOpt(
      QStringLiteral("parcels"),
      ZonalCommand::tr("Polygon layer file (Shapefile, GeoPackage, GeoJSON, FileGDB, KML)."),
      ZonalCommand::tr("FILE"));
    const QCommandLineOption layerOpt(
      QStringLiteral("layer"),
      ZonalCommand::tr("Layer name in a multi-layer source (default: first)."),
      ZonalCommand::tr("NAME"));
    const QCommandLineOption idOpt(
      QStringLiteral("id"),
      ZonalCommand::tr("Field identifying each parcel (default: the feature id)."),
      ZonalCommand::tr("FIELD"));
    const QCommandLineOption rasterOpt(
      QStringLiteral("raster"),
      ZonalCommand::tr("Raster file; repeat for several dates or layers. Every band is used."),
      ZonalCommand::tr("FILE"));
    const QCommandLineOption statsOpt(
      QStringLiteral("stats"),
      ZonalCommand::tr("Comma-separated statistics: %1 (default: count,sum,mean).").arg(statNames()),
      ZonalCommand::tr("LIST"),
      QStringLiteral("count,sum,mean"));
    const QCommandLineOption outOpt(
      QStringLiteral("out"), ZonalCommand::tr("Output table: .csv or .gpkg."), ZonalCommand::tr("FILE"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"),
                                        ZonalCommand::tr("Worker threads (default: all cores)."),
                                        ZonalCommand::tr("N"),
                                        QStringLiteral("0"));
    const QCommandLineOption memoryOpt(
      QStringLiteral("memory"),
      ZonalCommand::tr("Memory budget in MB for raster buffers and cache (default 512)."),
      ZonalCommand::tr("MB"),
      QStringLiteral("512"));
    const QCommandLineOption encodingOpt(
      QStringLiteral("encoding"),
      ZonalCommand::tr("Attribute encoding of a shapefile, e.g. GBK or UTF-8 (default: .cpg, or detected)."),
      ZonalCommand::tr("ENC"));
    const QCommandLineOption crsOpt(
      QStringLiteral("parcels-crs"),
      ZonalCommand::tr("CRS to assign to a parcel layer that has none, e.g. EPSG:4547."),
      ZonalCommand::tr("CRS"));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"),
                                      ZonalCommand::tr("No progress bar and no summary."));
    const QCommandLineOption verboseOpt(QStringLiteral("verbose"),
                                        ZonalCommand::tr("Also print the time of each step."));
    parser.addOptions({ parcelsOpt,
                        layerOpt,
                        idOpt,
                        rasterOpt,
                        statsOpt,
                        outOpt,
                        threadsOpt,
                        memoryOpt,
                        encodingOpt,
                        crsOpt,
                        quietOpt,
                        verboseOpt });

    if (const auto stop =
          parseCommandLine(parser, arguments, QStringLiteral("zonal"), { parcelsOpt, rasterOpt, outOpt }))
        return *stop;

    gis::StatSet stats = 0;
    for (const QString& name : parser.value(statsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString n = name.trimmed().toLower();
        const models::ZonalStatName* found = nullptr;
        for (const models::ZonalStatName& s : models::zonalStatNames())
            if (n == QLatin1String(s.name))
                found = &s;
        if (!found) {
            printError(ZonalCommand::tr("unknown statistic '%1'; choose from %2").arg(name, statNames()));
            return ExitUsage;
        }
        stats |= gis::StatSet(found->stat);
    }
    if (stats == 0) {
        printError(ZonalCommand::tr("--stats is empty; choose from %1").arg(statNames()));
        return ExitUsage;
    }
    bool ok = false;
    const int threads = parser.value(threadsOpt).toInt(&ok);
    if (!ok || threads < 0 || threads > 1024) {
        printError(ZonalCommand::tr("--threads must be a whole number from 0 (all cores) to 1024, not '%1'")
                     .arg(parser.value(threadsOpt)));
        return ExitUsage;
    }
    const int memoryMb = parser.value(memoryOpt).toInt(&ok);
    if (!ok || memoryMb < 64) {
        printError(ZonalCommand::tr("--memory must be a whole number of megabytes, at least 64, not '%1'")
                     .arg(parser.value(memoryOpt)));
        return ExitUsage;
    }
    const QString out = parser.value(outOpt);
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (suffix != QLatin1String("csv") && suffix != QLatin1String("gpkg")) {
        printError(ZonalCommand::tr("--out %1: the output must end in .csv or .gpkg").arg(out));
        return ExitUsage;
    }
    const QFileInfo outDir(QFileInfo(out).absolutePath());
    if (!outDir.isDir() || !outDir.isWritable()) {
        printError(ZonalCommand::tr("--out %1: the folder %2 does not exist or is not writable")
                     .arg(out, outDir.absoluteFilePath()));
        return ExitUsage;
    }
    const QString parcelsPath = parser.value(parcelsOpt);
    for (const QString& f : QStringList{ parcelsPath } + parser.values(rasterOpt)) {
        if (!QFileInfo::exists(f) && !gis::datasetFileExists(f.toStdString())) { // NETCDF:"f.nc":var
            printError(ZonalCommand::tr("input file not found: %1").arg(f));
            return ExitUsage;
        }
        if (QFileInfo(f).absoluteFilePath() == QFileInfo(out).absoluteFilePath()) {
            printError(ZonalCommand::tr("--out %1 would overwrite an input file").arg(out));
            return ExitUsage;
        }
    }

    const bool quiet = parser.isSet(quietOpt);
    auto feedback = makeTerminalFeedback(quiet);
    QElapsedTimer timer;
    timer.start();
    try {
        gis::ParcelReadOptions readOptions;
        readOptions.open.layerName = parser.value(layerOpt);
        readOptions.open.encodingOverride = parser.value(encodingOpt).toStdString();
        if (parser.isSet(crsOpt))
            readOptions.open.assignCrs = gis::Crs::fromUserInput(parser.value(crsOpt).toStdString());
        readOptions.idField = parser.value(idOpt);
        readOptions.threads = threads;
        readOptions.keepWkb = suffix == QLatin1String("gpkg"); // a CSV table has no geometry

        std::vector<gis::ZonalBand> bands;
        for (const QString& r : parser.values(rasterOpt))
            gis::appendRasterBands(r.toStdString(), bands);

        const bool verbose = parser.isSet(verboseOpt);
        QElapsedTimer step;
        step.start();
        auto reportStep = [&](const QString& what) {
            if (verbose)
                printInfo(
                  ZonalCommand::tr("%1: %2 s").arg(what).arg(double(step.restart()) / 1000.0, 0, 'f', 3));
        };
        gis::ParcelSet parcels = gis::readParcels(parcelsPath.toStdString(), readOptions, feedback.get());
        reportStep(ZonalCommand::tr("reading and checking parcels"));
        reportParcelNotes(parcelsPath, parcels);

        gis::ZonalOptions options;
        options.stats = stats;
        options.threads = threads;
        options.memoryBudgetBytes = std::size_t(memoryMb) << 20;
        options.feedback = feedback.get();
        // A CSV table needs no geometry: each parcel's is freed once its statistics are done.
        gis::ZonalResult result = suffix == QLatin1String("gpkg")
                                    ? gis::runZonal(parcels, bands, options)
                                    : gis::runZonalReleasingGeometry(parcels, bands, options);
        reportStep(ZonalCommand::tr("zonal statistics"));
        reportEmptyBands(parcelsPath, result);
        models::writeZonalTable(
          out.toStdString(), parcels, parser.value(idOpt), result, stats, feedback.get());
        reportStep(ZonalCommand::tr("writing the table"));
        finishProgressLine();
        if (!quiet) {
            printInfo(ZonalCommand::tr(
                        "%1 parcels × %2 raster band(s) in %3 s with %4 thread(s); %5 repaired, %6 skipped")
                        .arg(parcels.parcels.size())
                        .arg(bands.size())
                        .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                        .arg(result.threadsUsed)
                        .arg(parcels.repaired.size())
                        .arg(parcels.skipped.size()));
            printInfo(ZonalCommand::tr("wrote %1").arg(QFileInfo(out).absoluteFilePath()));
        }
        keepUntilExit(std::move(parcels)); // no frees before the exit (keepUntilExit)
        keepUntilExit(std::move(result));
        return ExitOk;
    } catch (...) {
        return reportFailure(ZonalCommand::tr("cancelled; %1 was not written or changed").arg(out));
    }
}

} // namespace tanhui::cli
