// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CarbonFluxCommands.h"
#include "app/cli/CarbonFluxCommon.h"
#include "app/cli/CliCommon.h"
#include "app/cli/NumericOptions.h"
#include "gis/ParcelReader.h"
#include "gis/StagedOutput.h"
#include "models/Dates.h"
#include "models/carbon/GainLossMethod.h"
#include "models/carbon/PoolMethod.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <set>

namespace tanhui::cli {

namespace {

/// Translation context of this file's user-facing strings.
struct GainLossCommand {
    Q_DECLARE_TR_FUNCTIONS(GainLossCommand)
};

namespace carbon = models::carbon;
namespace params = models::params;

QString helpText() {
    return GainLossCommand::tr(
      "Forest gain-loss carbon flux per parcel (carbon-methods.md §3.2, §3.5; IPCC Eq. 2.9, 2.10, 2.14, Tier "
      "1).\n"
      "\n"
      "Between consecutive land-cover dates Y1 and Y2 (T = Y2 − Y1 years), per parcel, from the true\n"
      "(ellipsoidal) areas of each class pair Y1 → Y2 with exact pixel coverage:\n"
      "  gain (t C/yr) = Σ forest types of area forest at both dates (ha) × G_W × (1 + R) × CF, plus land\n"
      "      converted to forest × the new type's rate (growth_rates.csv: Tables 4.9 / 4.10);\n"
      "  loss (t C)    = area forest at Y1 and non-forest at Y2 (clear-cut, fire, conversion; ha)\n"
      "      × B_W × (1 + R) × CF × fd, where B_W × (1 + R) × CF = c_above + c_below of the Y1 class in\n"
      "      the pools table (Eq. 2.14); loss_per_yr = loss / T;\n"
      "  net (t C/yr)  = gain − loss / T; positive = removal (sink).\n"
      "Forest classes map to forest types with --forest-class CODE=TYPE (default 11=natural_secondary_old,\n"
      "12=plantation, 13=plantation; other classes are non-forest).\n"
      "\n"
      "Outputs in --out DIR:\n"
      "  transition_Y1_Y2.tif   per cell from × 65536 + to (NaN where either date is nodata).\n"
      "  parcels_gainloss.csv, parcels_gainloss.gpkg   per parcel: area_ha; per interval _Y1_Y2:\n"
      "      remaining_forest_ha, forest_type_change_ha, to_forest_ha, lost_forest_ha, nodata_ha,\n"
      "      gain_t_per_yr, loss_t, loss_t_per_yr, net_t_per_yr (t C/yr), net_co2e_t_per_yr (t CO2e/yr\n"
      "      removed), net_t_per_ha_yr; flagged_parameters.\n"
      "  totals_gainloss.csv   quantity,value,unit: the same per interval summed over parcels, the "
      "remaining\n"
      "      area per forest type, sink/source parcel counts.\n"
      "  parameters_used.csv   growth and pools rows used (value, unit, source, tag, edition, flagged) and\n"
      "      the settings.\n"
      "\n"
      "Example (the sample project):\n"
      "  tanhui-cli carbon --method gainloss --lulc rasters/landcover_2015.tif@2015 \\\n"
      "      --lulc rasters/landcover_2018.tif@2018 --parcels vectors/xiaoban.shp --id 小班号 --out gl_out");
}

} // namespace

int runGainLossCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(helpText());
    parser.addHelpOption();
    const QCommandLineOption methodOpt(
      QStringLiteral("method"), GainLossCommand::tr("gainloss (this method)."), GainLossCommand::tr("NAME"));
    const QCommandLineOption lulcOpt(
      QStringLiteral("lulc"),
      GainLossCommand::tr("Land-cover raster and its year, FILE@YEAR; two or more, earliest first."),
      GainLossCommand::tr("FILE@YEAR"));
    const QCommandLineOption parcelsOpt(QStringLiteral("parcels"),
                                        GainLossCommand::tr("Parcel polygon layer; required."),
                                        GainLossCommand::tr("FILE"));
    const QCommandLineOption idOpt(QStringLiteral("id"),
                                   GainLossCommand::tr("Parcel id field (default: the feature id)."),
                                   GainLossCommand::tr("FIELD"));
    const QCommandLineOption layerOpt(QStringLiteral("layer"),
                                      GainLossCommand::tr("Layer name in a multi-layer source."),
                                      GainLossCommand::tr("NAME"));
    const QCommandLineOption encodingOpt(QStringLiteral("encoding"),
                                         GainLossCommand::tr("Attribute encoding of a shapefile."),
                                         GainLossCommand::tr("ENC"));
    const QCommandLineOption crsOpt(QStringLiteral("parcels-crs"),
                                    GainLossCommand::tr("CRS to assign to a layer that has none."),
                                    GainLossCommand::tr("CRS"));
    const QCommandLineOption poolsOpt(
      QStringLiteral("pools"),
      GainLossCommand::tr(
        "CSV whose rows replace rows of the pools table (c_above + c_below of a lost forest "
        "class = B_W × (1 + R) × CF, t C/ha)."),
      GainLossCommand::tr("CSV"));
    const QCommandLineOption growthOpt(
      QStringLiteral("growth"),
      GainLossCommand::tr(
        "CSV whose rows replace rows of growth_rates.csv (forest_type, g_w in t d.m./ha/yr, "
        "r, cf)."),
      GainLossCommand::tr("CSV"));
    const QCommandLineOption forestOpt(
      QStringLiteral("forest-class"),
      GainLossCommand::tr("Land-cover class and its forest type, CODE=TYPE (repeat); replaces the default "
                          "mapping 11=natural_secondary_old, 12=plantation, 13=plantation."),
      GainLossCommand::tr("CODE=TYPE"));
    const QCommandLineOption fdOpt(
      QStringLiteral("fd"),
      GainLossCommand::tr("Fraction of biomass lost where forest disappears (Eq. 2.14), 0–1; default 1 "
                          "(clear-cut: Tier 1 B_AFTER = 0)."),
      GainLossCommand::tr("F"),
      QStringLiteral("1"));
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    GainLossCommand::tr("Output folder (created if missing)."),
                                    GainLossCommand::tr("DIR"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"),
                                        GainLossCommand::tr("Worker threads (default: all cores)."),
                                        GainLossCommand::tr("N"),
                                        QStringLiteral("0"));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"),
                                      GainLossCommand::tr("No progress bar and no summary."));
    parser.addOptions({ methodOpt,
                        lulcOpt,
                        parcelsOpt,
                        idOpt,
                        layerOpt,
                        encodingOpt,
                        crsOpt,
                        poolsOpt,
                        growthOpt,
                        forestOpt,
                        fdOpt,
                        outOpt,
                        threadsOpt,
                        quietOpt });
    if (const auto stop = parseCommandLine(parser,
                                           arguments,
                                           QStringLiteral("carbon --method gainloss"),
                                           { methodOpt, lulcOpt, parcelsOpt, outOpt }))
        return *stop;

    const int threads = flux::parseThreads(parser);
    if (threads < 0)
        return ExitUsage;
    std::vector<carbon::LulcInput> inputs;
    for (const QString& v : parser.values(lulcOpt)) {
        const std::optional<models::FileYear> fy = models::parseFileYear(v);
        if (!fy) {
            printError(
              GainLossCommand::tr("--lulc %1: expected FILE@YEAR, e.g. landcover_2015.tif@2015").arg(v));
            return ExitUsage;
        }
        if (!requireInputFile(fy->file))
            return ExitUsage;
        inputs.push_back({ fy->file.toStdString(), fy->year });
    }
    carbon::GainLossSettings settings;
    settings.fd = carbon::disturbanceFractionParameter().defaultValue.value_or(1.0);
    if (!readNumericOptions(parser, { { fdOpt, carbon::disturbanceFractionParameter(), settings.fd } }))
        return ExitUsage;
    if (parser.isSet(forestOpt)) {
        settings.forestClasses.clear();
        for (const QString& v : parser.values(forestOpt)) {
            const auto m = carbon::parseForestClass(v);
            if (!m) {
                printError(
                  GainLossCommand::tr("--forest-class %1: expected CODE=TYPE, e.g. 11=natural_secondary_old")
                    .arg(v));
                return ExitUsage;
            }
            settings.forestClasses[m->first] = m->second;
        }
    }
    const QString parcelsPath = parser.value(parcelsOpt);
    if (!requireInputFile(parcelsPath))
        return ExitUsage;
    const QString outDir = parser.value(outOpt);
    if (!prepareOutputFolder(outDir))
        return ExitUsage;
    const QString idField = parser.value(idOpt);
    const bool quiet = parser.isSet(quietOpt);
    auto feedback = makeTerminalFeedback(quiet);
    QElapsedTimer timer;
    timer.start();
    try {
        gis::StagedOutput staged(outDir); // outputs appear in outDir only when complete
        params::Issues issues;
        const params::ParameterTable poolsTable =
          flux::loadTableWithOverride(carbon::carbonPoolsSpec(), parser.value(poolsOpt), issues);
        const params::ParameterTable growthTable =
          flux::loadTableWithOverride(carbon::growthRatesSpec(), parser.value(growthOpt), issues);
        if (params::hasErrors(issues)) {
            printIssues(issues);
            return ExitFailure;
        }
        const carbon::PoolLookup pools(poolsTable);
        const carbon::GrowthLookup growth(growthTable);
        const QString poolsFile = parser.isSet(poolsOpt)
                                    ? parser.value(poolsOpt)
                                    : QStringLiteral(":/parameters/carbon/carbon_pools.csv");
        const QString growthFile = parser.isSet(growthOpt)
                                     ? parser.value(growthOpt)
                                     : QStringLiteral(":/parameters/carbon/growth_rates.csv");
        const params::Issues inputIssues = carbon::validateGainLossInputs(
          inputs, pools, poolsFile, growth, growthFile, settings, feedback.get());
        finishProgressLine();
        issues.insert(issues.end(), inputIssues.begin(), inputIssues.end());
        if (params::hasErrors(issues)) {
            printIssues(issues);
            return ExitFailure;
        }

        gis::ParcelReadOptions readOptions;
        readOptions.open.layerName = parser.value(layerOpt);
        readOptions.open.encodingOverride = parser.value(encodingOpt).toStdString();
        if (parser.isSet(crsOpt))
            readOptions.open.assignCrs = gis::Crs::fromUserInput(parser.value(crsOpt).toStdString());
        readOptions.idField = idField;
        readOptions.threads = threads;
        const gis::ParcelSet parcels =
          gis::readParcels(parcelsPath.toStdString(), readOptions, feedback.get());
        finishProgressLine();
        reportParcelNotes(parcelsPath, parcels);
        printIssues(issues);

        const std::vector<carbon::TransitionRaster> transitions =
          carbon::writeTransitionRasters(inputs, staged.path().toStdString(), feedback.get());
        finishProgressLine();
        gis::ZonalOptions zonal;
        zonal.threads = threads;
        zonal.feedback = feedback.get();
        const std::vector<carbon::GainLossParcel> results =
          carbon::runGainLossParcels(parcels, transitions, growth, pools, settings, zonal);
        finishProgressLine();
        const carbon::GainLossTotals totals = carbon::sumGainLossParcels(results);
        const QDir dir(staged.path());
        for (const char* ext : { "csv", "gpkg" })
            carbon::writeGainLossParcelTable(
              dir.filePath(QStringLiteral("parcels_gainloss.") + QLatin1String(ext)).toStdString(),
              parcels,
              idField,
              results);
        carbon::writeGainLossTotalsTable(dir.filePath(QStringLiteral("totals_gainloss.csv")).toStdString(),
                                         totals);

        // Parameters used: the growth rows of the mapped types and the pools rows of the forest classes.
        std::vector<std::pair<const params::TableSpec*, const params::TableRow*>> used;
        std::set<QString> types;
        QStringList mapping;
        for (const auto& [code, type] : settings.forestClasses) {
            types.insert(type);
            mapping << QStringLiteral("%1=%2").arg(code).arg(type);
            if (const params::TableRow* row = poolsTable.find(QString::number(code)))
                used.push_back({ &carbon::carbonPoolsSpec(), row });
        }
        for (const QString& t : types)
            if (const params::TableRow* row = growthTable.find(t))
                used.push_back({ &carbon::growthRatesSpec(), row });
        QStringList dates;
        for (const carbon::LulcInput& in : inputs)
            dates << QStringLiteral("%1@%2").arg(QString::fromStdString(in.path)).arg(in.year);
        flux::writeParametersUsed(
          dir.filePath(QStringLiteral("parameters_used.csv")),
          used,
          { { QStringLiteral("method"),
              QStringLiteral("gainloss (IPCC Eq. 2.9, 2.10, 2.14; carbon-methods.md §3.2)") },
            { QStringLiteral("forest_classes"), mapping.join(QLatin1Char(';')) },
            { QStringLiteral("fd"), QString::number(settings.fd) },
            { QStringLiteral("lulc"), dates.join(QLatin1Char(';')) } });
        staged.commit();
        std::size_t flagged = 0;
        for (const auto& [spec, row] : used)
            if (params::isFlagged(row->tag))
                ++flagged;
        if (flagged > 0)
            printWarning(
              GainLossCommand::tr("%1 parameter row(s) used are tagged unconfirmed, secondary or example "
                                  "(listed in parameters_used.csv, flagged per parcel)")
                .arg(flagged));
        if (!quiet) {
            for (const carbon::GainLossInterval& g : totals.intervals)
                printInfo(
                  GainLossCommand::tr("%1–%2: gain %3 t C/yr on %4 ha of forest, loss %5 t C on %6 ha "
                                      "cleared, net %7 t C/yr (%8 t CO2e/yr)")
                    .arg(g.year1)
                    .arg(g.year2)
                    .arg(g.gainTPerYr(), 0, 'f', 3)
                    .arg(g.remainingHa + g.toForestHa, 0, 'f', 3)
                    .arg(g.lossT, 0, 'f', 3)
                    .arg(g.lostHa, 0, 'f', 3)
                    .arg(g.netTPerYr(), 0, 'f', 3)
                    .arg(g.netTPerYr() * 44.0 / 12.0, 0, 'f', 3));
            printInfo(GainLossCommand::tr("%1 parcel(s) (%2 net sinks, %3 net sources) in %4 s; wrote %5")
                        .arg(totals.parcels)
                        .arg(totals.sinkParcels)
                        .arg(totals.sourceParcels)
                        .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                        .arg(QFileInfo(outDir).absoluteFilePath()));
        }
        return ExitOk;
    } catch (...) {
        return reportFailure(outputsUnchangedMessage(outDir));
    }
}

} // namespace tanhui::cli
