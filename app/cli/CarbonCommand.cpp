// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CarbonCommand.h"

#include "app/cli/BlueCarbonCommand.h"
#include "app/cli/CarbonFluxCommands.h"
#include "app/cli/CarbonProjectCommand.h"
#include "app/cli/CarbonUncertainty.h"
#include "app/cli/CliCommon.h"
#include "app/cli/NumericOptions.h"
#include "app/cli/RegressionCommand.h"
#include "gis/Errors.h"
#include "gis/ParcelReader.h"
#include "gis/StagedOutput.h"
#include "models/Dates.h"
#include "models/carbon/CarbonTables.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/Valuation.h"
#include "models/carbon/VolumeMethod.h"
#include "models/params/ParameterTable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QtCore/qcoreapplication.h>

#include <memory>
#include <set>

namespace tanhui::cli {

namespace {

/// Translation context of this file's user-facing strings.
struct CarbonCommand {
    Q_DECLARE_TR_FUNCTIONS(CarbonCommand)
};

namespace carbon = models::carbon;
namespace params = models::params;

QString helpText() {
    return CarbonCommand::tr(
      "Carbon stocks, stock change and value from dated land-cover rasters (pool-table method: IPCC Tier 1 "
      "/\n"
      "InVEST Carbon).\n"
      "\n"
      "Each land-cover class gets four carbon densities (c_above, c_below, c_soil, c_dead, t C/ha) from the\n"
      "pools table. Whole-raster totals are computed per cell as InVEST does: density × cell area summed "
      "over\n"
      "valid cells. Change is reported two ways: change_<y1>_<y2> over cells valid on both dates, and\n"
      "stock_difference_<y1>_<y2> = the difference of the two totals (they differ when nodata differs).\n"
      "Valuation (--price): NPV = change × K with InVEST's constant K (discount and price change in %).\n"
      "\n"
      "Outputs in --out DIR: totals.csv (quantity,value,unit), totals_by_class.csv, parameters_used.csv "
      "(every\n"
      "table row used, with its evidence tag and source), c_density_<year>.tif (t C/ha: bands c_above, "
      "c_below,\n"
      "c_soil, c_dead, c_total), c_change_<y1>_<y2>.tif (t C/ha), and with --parcels: parcels.csv and\n"
      "parcels.gpkg (stocks per pool and date in t C and t C/ha, change in t C, t CO2e and t C/yr, flags).\n"
      "Values tagged unconfirmed, secondary or example are listed as warnings and flagged per parcel.\n"
      "\n"
      "Volume method (--method volume, carbon-methods.md §5): per sub-compartment (小班) from the stand\n"
      "volume (m³/ha, --volume-field) and the dominant species (--species-field, mapped to a species group\n"
      "of the species table): constant BEF, C = V × WD × BEF × (1 + R) × CF (§5.1), or continuous BEF,\n"
      "C = (a·V + b) × 0.5 (§5.3). Stock per parcel = density × ellipsoidal area. Outputs in --out DIR:\n"
      "parcels_volume.csv, parcels_volume.gpkg and totals_volume.csv.\n"
      "\n"
      "Uncertainty (--uncertainty, both methods, carbon-methods.md §6.2): IPCC Approach 1 and a seeded "
      "Monte\n"
      "Carlo (--iterations, default 1000; --seed) adding 2.5/50/97.5 percentiles and Approach 1's U (%) to\n"
      "the parcel and totals tables, plus uncertainty_parameters.csv and uncertainty_run.csv. Table rows\n"
      "declare uncertainty in optional columns (<column>_u_pct, _sd, _dist, _min, _max; u_pct, dist);\n"
      "--default-uncertainty PCT covers the rest (docs/uncertainty.md).\n\n"
      "Whole project (--project project.tanhui.json, docs/carbon-project.md): every parcel layer of the\n"
      "project, each parcel with the methods its \"carbon\" section assigns to its ecosystem type: pools,\n"
      "volume, soil (cropland SOC), gainloss (forest growth − loss), bluecarbon (Coastal Blue Carbon, or\n"
      "Wetlands Supplement Tier 1 on restoration plots with a planting year) and regression (NDVI, your\n"
      "coefficient table). With several methods per type each parcel gets one row per method; the first\n"
      "is primary and alone enters the totals by ecosystem type and district. Details:\n"
      "tanhui-cli carbon --project FILE --help. Other methods: --method soil|gainloss|bluecarbon|regression\n"
      "--help.\n"
      "\n"
      "Example:\n"
      "  tanhui-cli carbon --method pools --lulc lc2015.tif@2015 --lulc lc2024.tif@2024 \\\n"
      "      --pools my_pools.csv --parcels xiaoban.shp --id XBH --price 220 --discount 8 --out carbon_out");
}

/// The parcels and per-parcel results of a pool run (with their Monte Carlo results), kept until the
/// process exits (keepUntilExit: for 100,000 parcels a few million small frees, ~0.15 s on one thread).
struct FinishedPoolRun {
    gis::ParcelSet parcels;
    gis::ZonalResult zonal; ///< the statistics perParcel was computed from
    std::vector<carbon::ParcelCarbon> perParcel;
    PoolUncertaintyOutputs uncertainty;
};

/// `--method volume` (carbon-methods.md §5): stand volume × species parameters per parcel.
int runVolumeMethod(const QCommandLineParser& parser) {
    for (const char* name : { "parcels", "species-field", "volume-field" })
        if (!parser.isSet(QString::fromLatin1(name))) {
            printError(QCoreApplication::translate("Cli", "missing --%1 %2")
                         .arg(QString::fromLatin1(name),
                              QCoreApplication::translate("Cli", "(see tanhui-cli %1 --help)")
                                .arg(QStringLiteral("carbon"))));
            return ExitUsage;
        }
    for (const char* name : { "lulc",
                              "pools",
                              "pools-override",
                              "price",
                              "discount",
                              "price-change",
                              "no-rasters",
                              "parcel-formats" })
        if (parser.isSet(QString::fromLatin1(name))) {
            printError(
              CarbonCommand::tr("--%1 is not used by --method volume").arg(QString::fromLatin1(name)));
            return ExitUsage;
        }
    const std::optional<carbon::BefForm> form =
      carbon::parseBefForm(parser.value(QStringLiteral("bef-form")));
    if (!form) {
        printError(CarbonCommand::tr("--bef-form must be constant or continuous, not '%1'")
                     .arg(parser.value(QStringLiteral("bef-form"))));
        return ExitUsage;
    }
    bool ok = false;
    const int threads = parser.value(QStringLiteral("threads")).toInt(&ok);
    if (!ok || threads < 0 || threads > 1024) {
        printError(CarbonCommand::tr("--threads must be a whole number from 0 (all cores) to 1024, not '%1'")
                     .arg(parser.value(QStringLiteral("threads"))));
        return ExitUsage;
    }
    std::optional<UncertaintyRequest> mcRequest;
    if (const int rc = parseUncertaintyOptions(parser, threads, mcRequest); rc != ExitOk)
        return rc;
    const QString parcelsPath = parser.value(QStringLiteral("parcels"));
    if (!requireInputFile(parcelsPath))
        return ExitUsage;
    const QString outDir = parser.value(QStringLiteral("out"));
    if (!prepareOutputFolder(outDir))
        return ExitUsage;
    const QString idField = parser.value(QStringLiteral("id"));
    const QString speciesField = parser.value(QStringLiteral("species-field"));
    const QString volumeField = parser.value(QStringLiteral("volume-field"));
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    auto feedback = makeTerminalFeedback(quiet);
    QElapsedTimer timer;
    timer.start();
    try {
        gis::StagedOutput staged(outDir); // outputs appear in outDir only when complete
        // Species table (§5.2, §5.3): the built-in defaults (provenance required) or the user's table.
        const QString tablePath = parser.value(QStringLiteral("species-table"));
        params::LoadedTable loaded =
          tablePath.isEmpty()
            ? params::loadDefaultTable(carbon::speciesParamsSpec())
            : params::loadTable(carbon::speciesParamsSpec(), tablePath, params::Provenance::UserSupplied);
        params::Issues issues = loaded.issues;
        if (params::hasErrors(issues)) {
            printIssues(issues);
            return ExitFailure;
        }
        const carbon::SpeciesLookup species(loaded.table);
        VolumeUncertaintyOutputs mcOut; // carbon-methods.md §6.2 (--uncertainty)
        if (mcRequest) {
            const params::Issues ui = mcOut.prepare(loaded.table, species, *form, *mcRequest);
            issues.insert(issues.end(), ui.begin(), ui.end());
            if (params::hasErrors(issues)) {
                printIssues(issues);
                return ExitFailure;
            }
        }

        gis::ParcelReadOptions readOptions;
        readOptions.open.layerName = parser.value(QStringLiteral("layer"));
        readOptions.open.encodingOverride = parser.value(QStringLiteral("encoding")).toStdString();
        if (parser.isSet(QStringLiteral("parcels-crs")))
            readOptions.open.assignCrs =
              gis::Crs::fromUserInput(parser.value(QStringLiteral("parcels-crs")).toStdString());
        readOptions.idField = idField;
        readOptions.threads = threads;
        // Attributes first: a missing field is reported before the (slower) geometry pass.
        const carbon::VolumeAttributes attributes = carbon::readVolumeAttributes(
          parcelsPath.toStdString(), readOptions.open, speciesField, volumeField);
        issues.insert(issues.end(), attributes.issues.begin(), attributes.issues.end());
        if (params::hasErrors(issues)) {
            printIssues(issues);
            return ExitFailure;
        }
        const gis::ParcelSet parcels =
          gis::readParcels(parcelsPath.toStdString(), readOptions, feedback.get());
        finishProgressLine();
        reportParcelNotes(parcelsPath, parcels);
        const std::vector<carbon::VolumeRecord> records = carbon::joinVolumeRecords(parcels, attributes);
        const params::Issues recordIssues =
          carbon::validateVolumeRecords(records, species, *form, parcelsPath, speciesField, volumeField);
        issues.insert(issues.end(), recordIssues.begin(), recordIssues.end());
        printIssues(issues);
        if (params::hasErrors(issues))
            return ExitFailure;

        const std::vector<carbon::VolumeParcel> results =
          carbon::computeVolumeParcels(records, species, *form);
        const carbon::VolumeTotals totals = carbon::sumVolumeParcels(records, results);
        carbon::ExtraColumns mcColumns;
        if (mcRequest) {
            mcOut.run(records, results, feedback.get());
            finishProgressLine();
            mcColumns = mcOut.parcels();
        }
        const QDir dir(staged.path());
        for (const char* ext : { "csv", "gpkg" })
            carbon::writeVolumeParcelTable(
              dir.filePath(QStringLiteral("parcels_volume.") + QLatin1String(ext)).toStdString(),
              parcels,
              idField,
              records,
              results,
              *form,
              mcRequest ? &mcColumns : nullptr);
        carbon::writeVolumeTotalsTable(dir.filePath(QStringLiteral("totals_volume.csv")).toStdString(),
                                       totals,
                                       mcRequest ? mcOut.totals() : std::vector<carbon::ExtraTotalRow>{});
        if (mcRequest)
            mcOut.writeRunFiles(staged.path(), quiet);
        staged.commit();

        // The tag travels with the value (carbon-methods.md "How the app should use this", items 2-3).
        std::set<const carbon::SpeciesParams*> used;
        for (const carbon::VolumeParcel& p : results)
            if (p.flagged)
                used.insert(p.group);
        for (const carbon::SpeciesParams* s : used)
            printWarning(CarbonCommand::tr("species table %1, row %2 (%3) is tagged %4: %5")
                           .arg(s->file)
                           .arg(s->line)
                           .arg(s->group, params::tagName(s->tag), params::tagDescription(s->tag)));
        if (!quiet) {
            printInfo(CarbonCommand::tr("stock: %1 t C (%2 t CO2e) over %3 ha in %4 parcel(s), %5 BEF")
                        .arg(totals.carbonT, 0, 'f', 3)
                        .arg(totals.co2eT, 0, 'f', 3)
                        .arg(totals.areaHa, 0, 'f', 3)
                        .arg(totals.parcels)
                        .arg(QString::fromLatin1(carbon::befFormName(*form))));
            printInfo(CarbonCommand::tr("%1 parcel(s) in %2 s; wrote %3")
                        .arg(totals.parcels)
                        .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                        .arg(QFileInfo(outDir).absoluteFilePath()));
        }
        return ExitOk;
    } catch (...) {
        return reportFailure(outputsUnchangedMessage(outDir));
    }
}

} // namespace

int runCarbonCommand(const QStringList& arguments) {
    if (isCarbonProjectRun(arguments))
        return runCarbonProjectCommand(arguments); // the project's carbon section (CarbonProjectCommand.cpp)
    if (const auto rc = runCarbonFluxMethod(arguments)) // --method soil / gainloss: own options
        return *rc;
    if (wantsBlueCarbon(arguments)) // --method bluecarbon has its own options (BlueCarbonCommand.cpp)
        return runBlueCarbonCommand(arguments);
    if (isRegressionMethod(arguments)) // --method regression has its own options (RegressionCommand.cpp)
        return runRegressionCommand(arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(helpText());
    parser.addHelpOption();
    const QCommandLineOption methodOpt(
      QStringLiteral("method"),
      CarbonCommand::tr(
        "Carbon method: pools (land-cover rasters), volume (stand volume and species), soil "
        "(cropland soil), gainloss (forest flux), bluecarbon (mangroves and coastal wetlands) or "
        "regression (vegetation index). Methods other than pools and volume have their own "
        "options: see --method <name> --help."),
      CarbonCommand::tr("NAME"));
    const QCommandLineOption lulcOpt(
      QStringLiteral("lulc"),
      CarbonCommand::tr("Land-cover raster and its year, FILE@YEAR; repeat for each date, earliest first."),
      CarbonCommand::tr("FILE@YEAR"));
    const QCommandLineOption poolsOpt(
      QStringLiteral("pools"),
      CarbonCommand::tr("Pools table CSV (lucode, c_above, c_below, c_soil, c_dead in t C/ha); default: the "
                        "built-in table (values tagged unconfirmed)."),
      CarbonCommand::tr("CSV"));
    const QCommandLineOption overrideOpt(
      QStringLiteral("pools-override"),
      CarbonCommand::tr("CSV whose rows replace rows of the pools table with the same lucode."),
      CarbonCommand::tr("CSV"));
    const QCommandLineOption parcelsOpt(QStringLiteral("parcels"),
                                        CarbonCommand::tr("Polygon layer for per-parcel results."),
                                        CarbonCommand::tr("FILE"));
    const QCommandLineOption idOpt(QStringLiteral("id"),
                                   CarbonCommand::tr("Parcel id field (default: the feature id)."),
                                   CarbonCommand::tr("FIELD"));
    const QCommandLineOption layerOpt(QStringLiteral("layer"),
                                      CarbonCommand::tr("Layer name in a multi-layer source."),
                                      CarbonCommand::tr("NAME"));
    const QCommandLineOption encodingOpt(QStringLiteral("encoding"),
                                         CarbonCommand::tr("Attribute encoding of a shapefile."),
                                         CarbonCommand::tr("ENC"));
    const QCommandLineOption crsOpt(QStringLiteral("parcels-crs"),
                                    CarbonCommand::tr("CRS to assign to a parcel layer that has none."),
                                    CarbonCommand::tr("CRS"));
    const auto& priceSpec = carbon::valuationParameter("price");
    const auto& discountSpec = carbon::valuationParameter("discount");
    const auto& changeSpec = carbon::valuationParameter("price-change");
    auto specHelp = [](const params::ParameterSpec& s) {
        QString text =
          s.translatedLabel() + QStringLiteral(" (") + QString::fromUtf8(s.unit) + QStringLiteral(")");
        if (s.defaultValue)
            text += CarbonCommand::tr("; default %1").arg(*s.defaultValue);
        return text + QLatin1Char('.');
    };
    const QCommandLineOption priceOpt(QStringLiteral("price"),
                                      specHelp(priceSpec) + CarbonCommand::tr(" Enables valuation."),
                                      CarbonCommand::tr("V"));
    const QCommandLineOption discountOpt(
      QStringLiteral("discount"), specHelp(discountSpec), CarbonCommand::tr("R"));
    const QCommandLineOption changeOpt(
      QStringLiteral("price-change"), specHelp(changeSpec), CarbonCommand::tr("C"));
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    CarbonCommand::tr("Output folder (created if missing)."),
                                    CarbonCommand::tr("DIR"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"),
                                        CarbonCommand::tr("Worker threads (default: all cores)."),
                                        CarbonCommand::tr("N"),
                                        QStringLiteral("0"));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"),
                                      CarbonCommand::tr("No progress bar and no summary."));
    const QCommandLineOption speciesFieldOpt(
      QStringLiteral("species-field"),
      CarbonCommand::tr("Volume method: field with the dominant species (e.g. 优势树种)."),
      CarbonCommand::tr("FIELD"));
    const QCommandLineOption volumeFieldOpt(
      QStringLiteral("volume-field"),
      CarbonCommand::tr("Volume method: field with the stand volume in m³/ha (e.g. 每公顷蓄积)."),
      CarbonCommand::tr("FIELD"));
    const QCommandLineOption befFormOpt(
      QStringLiteral("bef-form"),
      CarbonCommand::tr("Volume method: constant (V × WD × BEF × (1 + R) × CF, §5.1) or continuous "
                        "(Fang: (a·V + b) × 0.5, §5.3); default constant."),
      CarbonCommand::tr("FORM"),
      QStringLiteral("constant"));
    const QCommandLineOption noRastersOpt(
      QStringLiteral("no-rasters"),
      CarbonCommand::tr(
        "Pools method: write no carbon maps (c_density_<year>.tif, c_change_<y1>_<y2>.tif; "
        "saves disk and time on large scenes). With --parcels, the per-parcel change comes from "
        "the class pairs of the dates, combined in the zonal pass; a compact class-transition "
        "raster c_transition_<y1>_<y2>.tif is written for it only when the land-cover rasters "
        "are not Byte or the pools table has more than 15 classes."));
    const QCommandLineOption parcelFormatsOpt(
      QStringLiteral("parcel-formats"),
      CarbonCommand::tr("Pools method: per-parcel table formats, comma-separated: csv, gpkg (with "
                        "geometry); default csv,gpkg."),
      CarbonCommand::tr("LIST"),
      QStringLiteral("csv,gpkg"));
    const QCommandLineOption speciesTableOpt(
      QStringLiteral("species-table"),
      CarbonCommand::tr("Volume method: species parameter CSV (species_group, wd, bef, r, cf, fang_a, "
                        "fang_b); default: the built-in table (values tagged unconfirmed)."),
      CarbonCommand::tr("CSV"));
    parser.addOptions({ methodOpt,
                        lulcOpt,
                        poolsOpt,
                        overrideOpt,
                        parcelsOpt,
                        idOpt,
                        layerOpt,
                        encodingOpt,
                        crsOpt,
                        priceOpt,
                        discountOpt,
                        changeOpt,
                        outOpt,
                        threadsOpt,
                        quietOpt,
                        speciesFieldOpt,
                        volumeFieldOpt,
                        befFormOpt,
                        speciesTableOpt });
    parser.addOption(noRastersOpt);
    parser.addOption(parcelFormatsOpt);
    parser.addOptions(uncertaintyOptions());

    if (const auto stop =
          parseCommandLine(parser, arguments, QStringLiteral("carbon"), { methodOpt, outOpt }))
        return *stop;
    const QString method = parser.value(methodOpt);
    if (method == QLatin1String("volume"))
        return runVolumeMethod(parser);
    if (method != QLatin1String("pools")) {
        printError(
          CarbonCommand::tr("unknown --method '%1'; available: pools, volume, soil, gainloss, bluecarbon, "
                            "regression")
            .arg(parser.value(methodOpt)));
        return ExitUsage;
    }
    if (!parser.isSet(lulcOpt)) {
        printError(QCoreApplication::translate("Cli", "missing --%1 %2")
                     .arg(QStringLiteral("lulc"),
                          QCoreApplication::translate("Cli", "(see tanhui-cli %1 --help)")
                            .arg(QStringLiteral("carbon"))));
        return ExitUsage;
    }
    bool ok = false;
    const int threads = parser.value(threadsOpt).toInt(&ok);
    if (!ok || threads < 0 || threads > 1024) {
        printError(CarbonCommand::tr("--threads must be a whole number from 0 (all cores) to 1024, not '%1'")
                     .arg(parser.value(threadsOpt)));
        return ExitUsage;
    }
    std::optional<UncertaintyRequest> mcRequest; // carbon-methods.md §6.2 (--uncertainty)
    if (const int rc = parseUncertaintyOptions(parser, threads, mcRequest); rc != ExitOk)
        return rc;
    if (parser.isSet(idOpt) && !parser.isSet(parcelsOpt)) {
        printError(CarbonCommand::tr("--id needs --parcels"));
        return ExitUsage;
    }

    // Dates: FILE@YEAR.
    std::vector<carbon::LulcInput> inputs;
    params::Issues issues;
    const auto& yearSpec = carbon::valuationParameter("year");
    for (const QString& v : parser.values(lulcOpt)) {
        const std::optional<models::FileYear> fy = models::parseFileYear(v);
        if (!fy) {
            printError(
              CarbonCommand::tr("--lulc %1: expected FILE@YEAR, e.g. landcover_2015.tif@2015").arg(v));
            return ExitUsage;
        }
        const QString& file = fy->file;
        const double year = fy->year;
        if (!requireInputFile(file))
            return ExitUsage;
        const params::Issues yi = params::validateScalar(yearSpec, year, QStringLiteral("--lulc"), file);
        issues.insert(issues.end(), yi.begin(), yi.end());
        inputs.push_back({ file.toStdString(), int(year) });
    }

    // Valuation parameters, validated against their declarations (every problem at once).
    std::optional<carbon::ValuationInput> valuation;
    if (parser.isSet(priceOpt)) {
        carbon::ValuationInput v;
        v.discountPct = discountSpec.defaultValue.value_or(0.0);
        v.priceChangePct = changeSpec.defaultValue.value_or(0.0);
        if (!readNumericOptions(parser,
                                { { priceOpt, priceSpec, v.pricePerTC },
                                  { discountOpt, discountSpec, v.discountPct },
                                  { changeOpt, changeSpec, v.priceChangePct } }))
            return ExitUsage;
        if (inputs.size() < 2) {
            printError(CarbonCommand::tr("--price needs two or more --lulc dates (value of the change)"));
            return ExitUsage;
        }
        valuation = v;
    } else if (parser.isSet(discountOpt) || parser.isSet(changeOpt)) {
        printError(CarbonCommand::tr("--discount and --price-change need --price"));
        return ExitUsage;
    }

    const QString outDir = parser.value(outOpt);
    if (!prepareOutputFolder(outDir))
        return ExitUsage;
    QStringList parcelFormats; // parcels.<ext> written, in this order
    for (const QString& f : parser.value(parcelFormatsOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString ext = f.trimmed().toLower();
        if (ext != QLatin1String("csv") && ext != QLatin1String("gpkg")) {
            printError(CarbonCommand::tr("--parcel-formats: unknown format '%1'; use csv, gpkg or csv,gpkg")
                         .arg(f.trimmed()));
            return ExitUsage;
        }
        if (!parcelFormats.contains(ext))
            parcelFormats << ext;
    }
    if (parcelFormats.isEmpty()) {
        printError(CarbonCommand::tr("--parcel-formats needs csv, gpkg or both"));
        return ExitUsage;
    }
    const QString parcelsPath = parser.value(parcelsOpt);
    if (!parcelsPath.isEmpty() && !QFileInfo::exists(parcelsPath)) {
        printError(CarbonCommand::tr("input file not found: %1").arg(parcelsPath));
        return ExitUsage;
    }

    const bool quiet = parser.isSet(quietOpt);
    auto feedback = makeTerminalFeedback(quiet);
    QElapsedTimer timer;
    timer.start();
    try {
        gis::StagedOutput staged(outDir); // outputs appear in outDir only when complete
        // Pools table: built-in defaults (provenance required) or the user's table (rows tagged user).
        const QString poolsPath = parser.value(poolsOpt);
        const QString poolsName =
          poolsPath.isEmpty()
            ? QStringLiteral(":/parameters/") + QString::fromLatin1(carbon::carbonPoolsSpec().defaultPath)
            : poolsPath;
        params::LoadedTable loaded =
          poolsPath.isEmpty()
            ? params::loadDefaultTable(carbon::carbonPoolsSpec())
            : params::loadTable(carbon::carbonPoolsSpec(), poolsPath, params::Provenance::UserSupplied);
        issues.insert(issues.end(), loaded.issues.begin(), loaded.issues.end());
        params::ParameterTable table = loaded.table;
        if (parser.isSet(overrideOpt)) {
            const params::LoadedTable user = params::loadTable(
              carbon::carbonPoolsSpec(), parser.value(overrideOpt), params::Provenance::UserSupplied);
            issues.insert(issues.end(), user.issues.begin(), user.issues.end());
            table = params::overrideTable(table, user.table);
        }
        if (params::hasErrors(issues)) {
            printIssues(issues);
            return ExitFailure;
        }
        const carbon::PoolLookup pools(table);
        auto finished = std::make_unique<FinishedPoolRun>(); // kept until exit (FinishedPoolRun)
        PoolUncertaintyOutputs& mcOut = finished->uncertainty;
        if (mcRequest) {
            const params::Issues ui = mcOut.prepare(table, pools, *mcRequest);
            issues.insert(issues.end(), ui.begin(), ui.end());
        }
        carbon::PoolRunOptions options;
        options.outDir = staged.path().toStdString();
        options.valuation = valuation;
        options.feedback = feedback.get();
        options.threads = threads;
        options.writeDensityRasters = options.writeChangeRasters = !parser.isSet(noRastersOpt);
        // Per-parcel class-pair areas (Monte Carlo of the change, or the change without change maps):
        // with maps the transition map is written and read back; with --no-rasters the zonal pass
        // combines the two land-cover bands itself when it can (Byte rasters, ≤ 15 classes).
        const bool parcelTransitions = (mcRequest || parser.isSet(noRastersOpt)) && !parcelsPath.isEmpty();
        options.writeTransitionRasters =
          parcelTransitions && (!parser.isSet(noRastersOpt) || !carbon::pairBandsAvailable(inputs, pools));
        // Validation and the per-cell pass (one read of each raster when no map is written); with
        // errors already found, only the validation, so that every problem is listed at once.
        const QString poolsLabel = parser.isSet(overrideOpt)
                                     ? poolsName + QStringLiteral(" + ") + parser.value(overrideOpt)
                                     : poolsName;
        carbon::PoolCheckedRun checked;
        if (params::hasErrors(issues))
            checked.issues = carbon::validatePoolInputs(inputs, pools, poolsLabel, feedback.get());
        else
            checked = carbon::validateAndRunPoolRasters(inputs, pools, poolsLabel, options);
        issues.insert(issues.end(), checked.issues.begin(), checked.issues.end());
        finishProgressLine();
        printIssues(issues);
        if (params::hasErrors(issues) || !checked.run)
            return ExitFailure;
        const carbon::PoolRunResult run = std::move(*checked.run);
        const QDir dir(staged.path());
        carbon::writeTotalsTable(dir.filePath(QStringLiteral("totals.csv")).toStdString(),
                                 run,
                                 mcRequest ? mcOut.totals(run, feedback.get())
                                           : std::vector<carbon::ExtraTotalRow>{});
        carbon::writeClassTotalsTable(
          dir.filePath(QStringLiteral("totals_by_class.csv")).toStdString(), run, pools);
        carbon::writeParametersUsedTable(dir.filePath(QStringLiteral("parameters_used.csv")).toStdString(),
                                         run);

        std::size_t parcelCount = 0;
        if (!parcelsPath.isEmpty()) {
            gis::ParcelReadOptions readOptions;
            readOptions.open.layerName = parser.value(layerOpt);
            readOptions.open.encodingOverride = parser.value(encodingOpt).toStdString();
            if (parser.isSet(crsOpt))
                readOptions.open.assignCrs = gis::Crs::fromUserInput(parser.value(crsOpt).toStdString());
            readOptions.idField = parser.value(idOpt);
            readOptions.threads = threads;
            const gis::ParcelSet& parcels = finished->parcels =
              gis::readParcels(parcelsPath.toStdString(), readOptions, feedback.get());
            reportParcelNotes(parcelsPath, parcels);
            gis::ZonalOptions zonal;
            zonal.threads = threads;
            zonal.feedback = feedback.get();
            carbon::PoolParcelOptions parcelOptions;
            parcelOptions.transitions = parcelTransitions;
            parcelOptions.zonalOut = &finished->zonal;
            const std::vector<carbon::ParcelCarbon>& perParcel = finished->perParcel =
              carbon::runPoolParcels(parcels, inputs, pools, run, zonal, parcelOptions);
            carbon::ExtraColumns mcColumns;
            if (mcRequest)
                mcColumns = mcOut.parcels(run, perParcel, feedback.get());
            for (const QString& ext : parcelFormats)
                carbon::writeParcelTable(dir.filePath(QStringLiteral("parcels.") + ext).toStdString(),
                                         parcels,
                                         parser.value(idOpt),
                                         run,
                                         pools,
                                         perParcel,
                                         mcRequest ? &mcColumns : nullptr);
            parcelCount = parcels.parcels.size();
        }
        finishProgressLine();
        if (mcRequest)
            mcOut.writeRunFiles(staged.path(), quiet);
        staged.commit();

        // The tag travels with the value (carbon-methods.md "How the app should use this", items 2-3).
        // A few flagged rows are named one by one; many are summarised (all are in parameters_used.csv).
        const auto flagged = run.flaggedClasses();
        if (flagged.size() <= 3) {
            for (const carbon::PoolClass& c : flagged)
                printWarning(CarbonCommand::tr("pools table %1, row %2 (lucode %3 %4) is tagged %5: %6")
                               .arg(c.file)
                               .arg(c.line)
                               .arg(c.code)
                               .arg(c.name, params::tagName(c.tag), params::tagDescription(c.tag)));
        } else {
            QStringList codes;
            for (const carbon::PoolClass& c : flagged)
                codes << QString::number(c.code);
            printWarning(
              CarbonCommand::tr("%1 rows of the pools table %2 that this run used are not verified "
                                "(land-cover codes %3); results depending on them are flagged, and "
                                "every row with its tag and source is listed in %4")
                .arg(flagged.size())
                .arg(flagged.front().file,
                     codes.join(QStringLiteral(", ")),
                     QDir(outDir).filePath(QStringLiteral("parameters_used.csv"))));
        }
        if (!quiet) {
            for (const carbon::DateTotals& d : run.dates)
                printInfo(CarbonCommand::tr("stock %1: %2 t C").arg(d.year).arg(d.totalT, 0, 'f', 3));
            for (const carbon::PairTotals& p : run.pairs)
                printInfo(
                  CarbonCommand::tr("change %1-%2: %3 t C over cells valid on both dates; difference of "
                                    "totals %4 t C")
                    .arg(p.year1)
                    .arg(p.year2)
                    .arg(p.changeT, 0, 'f', 3)
                    .arg(p.stockDifferenceT, 0, 'f', 3));
            for (const carbon::PairTotals& p : run.pairs)
                if (p.npv)
                    printInfo(CarbonCommand::tr("npv %1-%2: %3 (K = %4 per t C)")
                                .arg(p.year1)
                                .arg(p.year2)
                                .arg(*p.npv, 0, 'f', 2)
                                .arg(*run.valuationConstant, 0, 'g', 12));
            printInfo(CarbonCommand::tr("%1 date(s), %2 parcel(s) in %3 s; wrote %4")
                        .arg(run.dates.size())
                        .arg(parcelCount)
                        .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                        .arg(QFileInfo(outDir).absoluteFilePath()));
        }
        keepUntilExit(std::move(finished)); // the unique_ptr: the references into it stay valid
        return ExitOk;
    } catch (...) {
        return reportFailure(outputsUnchangedMessage(outDir));
    }
}

} // namespace tanhui::cli
