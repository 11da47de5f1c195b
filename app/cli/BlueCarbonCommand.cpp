// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/BlueCarbonCommand.h"

#include "app/cli/CliCommon.h"
#include "app/cli/NumericOptions.h"
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/ParcelReader.h"
#include "gis/StagedOutput.h"
#include "models/Dates.h"
#include "models/carbon/BlueCarbon.h"
#include "models/carbon/Valuation.h"
#include "models/params/ParameterTable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cmath>
#include <set>
#include <tuple>

namespace tanhui::cli {

namespace {

/// Translation context of this file's user-facing strings.
struct BlueCarbonCommand {
    Q_DECLARE_TR_FUNCTIONS(BlueCarbonCommand)
};

namespace carbon = models::carbon;
namespace params = models::params;

QString helpText() {
    return BlueCarbonCommand::tr(
      "Blue carbon of mangroves and coastal wetlands (carbon-methods.md §2, §4; docs/blue-carbon.md).\n"
      "\n"
      "Coastal Blue Carbon engine: from dated land-cover snapshots (--lulc FILE@YEAR, two or more, same\n"
      "grid) each cell is followed year by year from the first snapshot to --analysis-year. At each later\n"
      "snapshot the transitions table (from-class row × to-class column: accum, NCC,\n"
      "low-/med-/high-impact-disturb or blank) decides what happens: accum = the destination class's yearly\n"
      "accumulation per pool (biomass, soil, litter; t C/ha/yr, up to its optional ceiling); a disturbance\n"
      "moves a share of the biomass and soil stock (ratio of the source class) into a cohort that is\n"
      "emitted with the source class's half-life, E = D × (0.5^((t−s)/H) − 0.5^((t−s+1)/H)); half-life 0 =\n"
      "no emissions. By default (the User's Guide) every cohort decays until fully emitted, litter is a\n"
      "running stock, and NPV = Σ p_t × N_t / (1 + d)^(t − t0). --invest-compatible reproduces InVEST's\n"
      "coded behaviour instead (see the option).\n"
      "\n"
      "Restoration (--restoration-plots): IPCC 2013 Wetlands Supplement Tier 1 per plot from its planting\n"
      "year: biomass G × (1 + R) × CF per year up to the Tier 1 stock AGB × (1 + R) × CF, plus the soil\n"
      "removal −EF_RE per year for planted or seeded plots (subtropical: 16.0 t C/ha/yr up to 66.3 t C/ha;\n"
      "1.62 t C/ha/yr).\n"
      "\n"
      "Outputs in --out DIR (t C = tonnes of carbon; t CO2e = t C × 44/12; report years = the snapshot\n"
      "years and the analysis year; stocks at the start of a year; periods between report years):\n"
      "  totals_bluecarbon.csv  quantity,value,unit: stock_<pool>_<year> and stock_total_<year> (t C),\n"
      "      net_sequestration_<y1>_<y2> (t C, positive = gain) and _co2e_ (t CO2e), emissions_<y1>_<y2>\n"
      "      (t C emitted by disturbances), npv_<year> (currency), valid_area_ha, nodata_area_ha (cells\n"
      "      nodata at any snapshot, excluded), partial_nodata_area_ha, invest_compatible, flagged_classes,\n"
      "      restoration_* (t C, t CO2e, ha) with --restoration-plots.\n"
      "  parcels_bluecarbon.csv/.gpkg (with --parcels): fid, id, area_ha, valid_area_ha, nodata_share "
      "(0–1),\n"
      "      <pool>_t_<year> and total_t_<year> (t C), total_t_per_ha_<year> (t C/ha over the valid area),\n"
      "      net_seq_t_<y1>_<y2> (t C), net_seq_co2e_t_<y1>_<y2> (t CO2e), emissions_t_<y1>_<y2> (t C),\n"
      "      npv_<year> (currency), flagged_classes (code:tag of flagged parameter rows), "
      "geometry_repaired.\n"
      "  restoration_plots.csv/.gpkg (with --restoration-plots): fid, id, planting_year, area_ha,\n"
      "      biomass_t_per_ha_<year>, soil_t_per_ha_<year> (t C/ha gained since planting), stock_t_<year>\n"
      "      (t C), net_seq_t_<y1>_<y2> (t C), net_seq_co2e_t_<y1>_<y2> (t CO2e), since_planting_t (t C),\n"
      "      since_planting_co2e_t (t CO2e), planted, flagged_parameters.\n"
      "  parameters_used.csv  table,key,parameter,value,unit,tag,source of every row and option used.\n"
      "  cbc_stock_<year>.tif  stock density, t C/ha (bands biomass, soil, litter, total; NaN = nodata).\n"
      "  cbc_period_<y1>_<y2>.tif  net_sequestration and emissions (t C/ha), npv (currency/ha).\n"
      "Values tagged unconfirmed, secondary or example are listed as warnings and flagged per parcel.\n"
      "\n"
      "Example:\n"
      "  tanhui-cli carbon --method bluecarbon --lulc lc2015.tif@2015 --lulc lc2024.tif@2024 \\\n"
      "      --analysis-year 2030 --restoration-plots mangrove_restoration.gpkg \\\n"
      "      --planting-year-field 种植年份 --plot-id plot_id --parcels wetland_units.gpkg --id 单元编码 "
      "--out blue_out");
}

bool parseNumber(const QString& text, double& value) {
    bool ok = false;
    value = text.trimmed().toDouble(&ok);
    return ok && std::isfinite(value);
}

/// A price table CSV with columns year, price (currency per t C); issues name file, row and column.
std::map<int, double> readPriceTable(const QString& path, params::Issues& issues) {
    std::map<int, double> prices;
    const std::vector<params::CsvLine> lines = params::readCsvLines(path, issues);
    if (lines.size() < 2 && !params::hasErrors(issues)) {
        issues.push_back({ params::Issue::Severity::Error,
                           path,
                           1,
                           {},
                           lines.empty()
                             ? BlueCarbonCommand::tr("the price table is empty: a header row year,price "
                                                     "and one row per year are expected")
                             : BlueCarbonCommand::tr("the price table has a header but no rows; add "
                                                     "one row per year") });
        return prices;
    }
    if (lines.empty())
        return prices;
    const QStringList& header = lines.front().fields;
    int yc = -1, pc = -1;
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (header[i].trimmed().compare(QLatin1String("year"), Qt::CaseInsensitive) == 0)
            yc = int(i);
        if (header[i].trimmed().compare(QLatin1String("price"), Qt::CaseInsensitive) == 0)
            pc = int(i);
    }
    if (yc < 0 || pc < 0) {
        issues.push_back({ params::Issue::Severity::Error,
                           path,
                           1,
                           yc < 0 ? QStringLiteral("year") : QStringLiteral("price"),
                           BlueCarbonCommand::tr("the price table needs the columns year and price") });
        return prices;
    }
    for (std::size_t r = 1; r < lines.size(); ++r) {
        double y = 0, p = 0;
        const QString ys = lines[r].fields.value(yc), ps = lines[r].fields.value(pc);
        if (!parseNumber(ys, y) || y != std::floor(y)) {
            issues.push_back({ params::Issue::Severity::Error,
                               path,
                               lines[r].line,
                               QStringLiteral("year"),
                               BlueCarbonCommand::tr("'%1' is not a year").arg(ys) });
            continue;
        }
        if (!parseNumber(ps, p)) {
            issues.push_back({ params::Issue::Severity::Error,
                               path,
                               lines[r].line,
                               QStringLiteral("price"),
                               BlueCarbonCommand::tr("'%1' is not a number").arg(ps) });
            continue;
        }
        // The same declaration as --price (currency/t C, not negative).
        const params::Issues pi =
          params::validateScalar(carbon::valuationParameter("price"), p, QStringLiteral("price"), path);
        for (params::Issue i : pi) {
            i.row = lines[r].line;
            issues.push_back(i);
        }
        if (params::hasErrors(pi))
            continue;
        if (!prices.emplace(int(y), p).second)
            issues.push_back({ params::Issue::Severity::Error,
                               path,
                               lines[r].line,
                               QStringLiteral("year"),
                               BlueCarbonCommand::tr("the year %1 appears twice").arg(int(y)) });
    }
    return prices;
}

} // namespace

bool wantsBlueCarbon(const QStringList& arguments) {
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        if ((a == QLatin1String("--method") || a == QLatin1String("-method")) && i + 1 < arguments.size() &&
            arguments[i + 1] == QLatin1String("bluecarbon"))
            return true;
        if (a == QLatin1String("--method=bluecarbon"))
            return true;
    }
    return false;
}

int runBlueCarbonCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(helpText());
    parser.addHelpOption();
    const QCommandLineOption methodOpt(QStringLiteral("method"),
                                       BlueCarbonCommand::tr("bluecarbon (this method)."),
                                       BlueCarbonCommand::tr("NAME"));
    const QCommandLineOption lulcOpt(
      QStringLiteral("lulc"),
      BlueCarbonCommand::tr("Land-cover snapshot FILE@YEAR (integer classes; two or more, on one grid; the "
                            "earliest is the baseline)."),
      BlueCarbonCommand::tr("FILE@YEAR"));
    const QCommandLineOption analysisOpt(
      QStringLiteral("analysis-year"),
      BlueCarbonCommand::tr("Final year of the analysis, after the last snapshot."),
      BlueCarbonCommand::tr("YEAR"));
    const QCommandLineOption bioOpt(
      QStringLiteral("biophysical"),
      BlueCarbonCommand::tr("Biophysical table CSV (lucode, lulc-class, <pool>-initial in t C/ha, "
                            "<pool>-half-life in yr, <pool>-low/med/high-impact-disturb ratios 0–1, "
                            "<pool>-yearly-accumulation in t C/ha/yr, optional biomass-/soil-ceiling in t "
                            "C/ha). Default: the built-in table for the sample classes."),
      BlueCarbonCommand::tr("CSV"));
    const QCommandLineOption transOpt(
      QStringLiteral("transitions"),
      BlueCarbonCommand::tr("Transitions table CSV: first column lulc-class (from), one column per "
                            "to-class; cells accum, NCC, low-impact-disturb, med-impact-disturb, "
                            "high-impact-disturb or blank. Default: the built-in table."),
      BlueCarbonCommand::tr("CSV"));
    const QCommandLineOption compatOpt(
      QStringLiteral("invest-compatible"),
      BlueCarbonCommand::tr("Reproduce InVEST's coded behaviour: a later disturbance replaces the earlier "
                            "one, emissions stop at a snapshot whose preceding class has half-life 0, "
                            "litter is the accumulation rate (not a running stock) and is left out of "
                            "net sequestration after the first transition, no ceilings, and NPV = "
                            "cumulative sequestration × Σ discounted prices."));
    const QCommandLineOption priceOpt(
      QStringLiteral("price"),
      BlueCarbonCommand::tr("Carbon price in the baseline year, currency per t C (a CO2 price × 44/12)."),
      BlueCarbonCommand::tr("V"));
    const QCommandLineOption inflationOpt(QStringLiteral("inflation"),
                                          BlueCarbonCommand::tr("Yearly price increase with --price, % "
                                                                "(default 0)."),
                                          BlueCarbonCommand::tr("PCT"));
    const QCommandLineOption discountOpt(QStringLiteral("discount"),
                                         BlueCarbonCommand::tr("Discount rate, % per year (needed for "
                                                               "valuation)."),
                                         BlueCarbonCommand::tr("PCT"));
    const QCommandLineOption priceTableOpt(
      QStringLiteral("price-table"),
      BlueCarbonCommand::tr("Price table CSV (year, price in currency per t C) covering every year from the "
                            "first snapshot to the year before the analysis year; undiscounted prices."),
      BlueCarbonCommand::tr("CSV"));
    const QCommandLineOption parcelsOpt(
      QStringLiteral("parcels"),
      BlueCarbonCommand::tr("Parcel polygons to aggregate over (exact cell coverage, true areas)."),
      BlueCarbonCommand::tr("FILE"));
    const QCommandLineOption idOpt(QStringLiteral("id"),
                                   BlueCarbonCommand::tr("Parcel id field (default: the feature id)."),
                                   BlueCarbonCommand::tr("FIELD"));
    const QCommandLineOption plotsOpt(
      QStringLiteral("restoration-plots"),
      BlueCarbonCommand::tr("Mangrove restoration plots (polygons) for the Wetlands Supplement Tier 1 "
                            "route."),
      BlueCarbonCommand::tr("FILE"));
    const QCommandLineOption plantOpt(
      QStringLiteral("planting-year-field"),
      BlueCarbonCommand::tr("Field of the restoration plots with the planting year (e.g. 种植年份)."),
      BlueCarbonCommand::tr("FIELD"));
    const QCommandLineOption plotIdOpt(
      QStringLiteral("plot-id"),
      BlueCarbonCommand::tr("Restoration plot id field (default: the feature "
                            "id)."),
      BlueCarbonCommand::tr("FIELD"));
    const QCommandLineOption climateOpt(
      QStringLiteral("climate"),
      BlueCarbonCommand::tr("Wetlands Supplement climate row: trop_wet, trop_dry or subtrop (default; "
                            "Guangzhou)."),
      BlueCarbonCommand::tr("NAME"),
      QStringLiteral("subtrop"));
    const QCommandLineOption naturalOpt(
      QStringLiteral("natural-regeneration"),
      BlueCarbonCommand::tr("The plots regenerate naturally (not planted or seeded): no soil removal "
                            "factor (§4)."));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"),
                                        BlueCarbonCommand::tr("Threads for parcel statistics (0 = all "
                                                              "cores)."),
                                        BlueCarbonCommand::tr("N"),
                                        QStringLiteral("0"));
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    BlueCarbonCommand::tr("Output folder (created if needed)."),
                                    BlueCarbonCommand::tr("DIR"));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"),
                                      BlueCarbonCommand::tr("No progress bar or summary."));
    parser.addOptions({ methodOpt,    lulcOpt,     analysisOpt,   bioOpt,     transOpt, compatOpt, priceOpt,
                        inflationOpt, discountOpt, priceTableOpt, parcelsOpt, idOpt,    plotsOpt,  plantOpt,
                        plotIdOpt,    climateOpt,  naturalOpt,    threadsOpt, outOpt,   quietOpt });
    if (const auto stop = parseCommandLine(
          parser, arguments, QStringLiteral("carbon --method bluecarbon"), { lulcOpt, analysisOpt, outOpt }))
        return *stop;

    auto usage = [](const QString& message) {
        printError(message);
        return int(ExitUsage);
    };
    bool ok = false;
    const int threads = parser.value(threadsOpt).toInt(&ok);
    if (!ok || threads < 0 || threads > 1024)
        return usage(
          BlueCarbonCommand::tr("--threads must be a whole number from 0 (all cores) to 1024, not '%1'")
            .arg(parser.value(threadsOpt)));
    const int analysisYear = parser.value(analysisOpt).toInt(&ok);
    if (!ok)
        return usage(
          BlueCarbonCommand::tr("--analysis-year must be a year, not '%1'").arg(parser.value(analysisOpt)));
    if (parser.isSet(idOpt) && !parser.isSet(parcelsOpt))
        return usage(BlueCarbonCommand::tr("--id needs --parcels"));
    if (parser.isSet(plotsOpt) != parser.isSet(plantOpt))
        return usage(BlueCarbonCommand::tr("--restoration-plots and --planting-year-field go together"));
    if (parser.isSet(priceOpt) && parser.isSet(priceTableOpt))
        return usage(BlueCarbonCommand::tr("give either --price or --price-table, not both"));
    const bool valued = parser.isSet(priceOpt) || parser.isSet(priceTableOpt);
    if (valued && !parser.isSet(discountOpt))
        return usage(BlueCarbonCommand::tr("valuation needs --discount (%, e.g. 4)"));
    if (!valued && (parser.isSet(discountOpt) || parser.isSet(inflationOpt)))
        return usage(BlueCarbonCommand::tr("--discount and --inflation need --price or --price-table"));
    if (parser.isSet(inflationOpt) && parser.isSet(priceTableOpt))
        return usage(BlueCarbonCommand::tr("--inflation applies to --price, not to a price table"));

    std::vector<carbon::LulcInput> snapshots;
    for (const QString& v : parser.values(lulcOpt)) {
        const std::optional<models::FileYear> fy = models::parseFileYear(v);
        if (!fy)
            return usage(
              BlueCarbonCommand::tr("--lulc %1: expected FILE@YEAR, e.g. landcover_2015.tif@2015").arg(v));
        const QString& file = fy->file;
        const int year = fy->year;
        if (!QFileInfo::exists(file) && !gis::datasetFileExists(file.toStdString())) // NETCDF:"f.nc":v
            return usage(BlueCarbonCommand::tr("input file not found: %1").arg(file));
        snapshots.push_back({ file.toStdString(), year });
    }
    for (const QCommandLineOption* o : { &parcelsOpt, &plotsOpt, &bioOpt, &transOpt, &priceTableOpt })
        if (parser.isSet(*o) && !QFileInfo::exists(parser.value(*o)))
            return usage(BlueCarbonCommand::tr("input file not found: %1").arg(parser.value(*o)));
    const QString outDir = parser.value(outOpt);
    if (!prepareOutputFolder(outDir))
        return ExitUsage;

    params::Issues issues;
    std::optional<carbon::CbcValuation> valuation;
    if (valued) {
        carbon::CbcValuation v;
        // Percent, not fractions (natcap/invest#1827, §8 row 2): the declarations of the pool method's
        // valuation; every problem at once.
        if (!readNumericOptions(
              parser,
              { { priceOpt, carbon::valuationParameter("price"), v.pricePerTC },
                { discountOpt, carbon::valuationParameter("discount"), v.discountPct },
                { inflationOpt, carbon::valuationParameter("price-change"), v.inflationPct } }))
            return ExitUsage;
        if (parser.isSet(priceTableOpt))
            v.priceTable = readPriceTable(parser.value(priceTableOpt), issues);
        valuation = v;
    }

    const bool quiet = parser.isSet(quietOpt);
    auto feedback = makeTerminalFeedback(quiet);
    QElapsedTimer timer;
    timer.start();
    try {
        gis::StagedOutput staged(outDir); // outputs appear in outDir only when complete
        // Parameter tables: built-in defaults (provenance required) or the user's tables.
        const QString bioPath = parser.value(bioOpt);
        const params::LoadedTable bio =
          bioPath.isEmpty()
            ? params::loadDefaultTable(carbon::cbcBiophysicalSpec())
            : params::loadTable(carbon::cbcBiophysicalSpec(), bioPath, params::Provenance::UserSupplied);
        issues.insert(issues.end(), bio.issues.begin(), bio.issues.end());
        if (params::hasErrors(issues)) {
            printIssues(issues);
            return ExitFailure;
        }
        const carbon::CbcParameters classes(bio.table);
        const QString transPath = parser.value(transOpt);
        const carbon::LoadedTransitions trans =
          transPath.isEmpty()
            ? carbon::loadDefaultCbcTransitions(classes)
            : carbon::loadCbcTransitions(transPath, classes, params::Provenance::UserSupplied);
        issues.insert(issues.end(), trans.issues.begin(), trans.issues.end());
        if (params::hasErrors(issues)) {
            printIssues(issues);
            return ExitFailure;
        }
        const QString bioName =
          bioPath.isEmpty() ? QStringLiteral("cbc_biophysical.csv (built-in)") : bioPath;
        const params::Issues inputIssues =
          carbon::validateCbcInputs(snapshots, analysisYear, classes, trans.table, bioName, feedback.get());
        issues.insert(issues.end(), inputIssues.begin(), inputIssues.end());
        if (valuation && !params::hasErrors(issues)) {
            int first = snapshots.front().year;
            for (const carbon::LulcInput& s : snapshots)
                first = std::min(first, s.year);
            params::Issues priceIssues;
            carbon::cbcPrices(*valuation, first, analysisYear - 1, &priceIssues);
            for (params::Issue& i : priceIssues)
                i.file = parser.value(priceTableOpt);
            issues.insert(issues.end(), priceIssues.begin(), priceIssues.end());
        }
        // Wetlands Supplement parameters (restoration route).
        std::optional<carbon::MangroveWsParams> ws;
        if (parser.isSet(plotsOpt)) {
            const params::LoadedTable wsTable = params::loadDefaultTable(carbon::mangroveWsSpec());
            issues.insert(issues.end(), wsTable.issues.begin(), wsTable.issues.end());
            ws = carbon::mangroveWsParams(wsTable.table, parser.value(climateOpt));
            if (!ws)
                issues.push_back(
                  { params::Issue::Severity::Error,
                    QStringLiteral("mangrove_ws.csv (built-in)"),
                    0,
                    QStringLiteral("--climate"),
                    BlueCarbonCommand::tr("unknown climate '%1'; use trop_wet, trop_dry or subtrop")
                      .arg(parser.value(climateOpt)) });
        }
        finishProgressLine();
        printIssues(issues);
        if (params::hasErrors(issues))
            return ExitFailure;

        // The per-cell engine, then the tables.
        carbon::CbcModelOptions mo;
        for (const carbon::LulcInput& s : snapshots)
            mo.snapshotYears.push_back(s.year);
        mo.analysisYear = analysisYear;
        mo.investCompatible = parser.isSet(compatOpt);
        mo.valuation = valuation;
        const carbon::CbcModel model(classes, trans.table, mo);
        carbon::CbcRunOptions ro;
        ro.outDir = staged.path().toStdString();
        ro.feedback = feedback.get();
        const carbon::CbcRunResult run = carbon::runCbcRasters(snapshots, model, classes, ro);
        finishProgressLine();
        if (run.partialNodataAreaHa > 0)
            printWarning(
              BlueCarbonCommand::tr("%1 ha are nodata at some snapshots but not all; those cells are left "
                                    "out of every total (nodata_area_ha)")
                .arg(run.partialNodataAreaHa, 0, 'f', 4));
        const QDir dir(staged.path());

        if (parser.isSet(parcelsOpt)) {
            gis::ParcelReadOptions read;
            read.idField = parser.value(idOpt);
            read.threads = threads;
            const QString path = parser.value(parcelsOpt);
            const gis::ParcelSet parcels = gis::readParcels(path.toStdString(), read, feedback.get());
            finishProgressLine();
            reportParcelNotes(path, parcels);
            gis::ZonalOptions zonal;
            zonal.threads = threads;
            zonal.feedback = feedback.get();
            const std::vector<carbon::CbcParcel> results =
              carbon::runCbcParcels(parcels, snapshots, classes, run, zonal);
            finishProgressLine();
            for (const char* ext : { "csv", "gpkg" })
                carbon::writeCbcParcelTable(
                  dir.filePath(QStringLiteral("parcels_bluecarbon.") + QLatin1String(ext)).toStdString(),
                  parcels,
                  parser.value(idOpt),
                  run,
                  results);
        }

        std::vector<carbon::RestorationPlot> plots;
        std::vector<carbon::RestorationResult> restoration;
        if (ws) {
            gis::ParcelReadOptions read;
            read.threads = threads;
            read.idField = parser.value(plotIdOpt);
            const QString path = parser.value(plotsOpt);
            const gis::ParcelSet plotSet = gis::readParcels(path.toStdString(), read, feedback.get());
            finishProgressLine();
            reportParcelNotes(path, plotSet);
            params::Issues plotIssues;
            plots = carbon::readRestorationPlots(
              path.toStdString(), read.open, plotSet, parser.value(plantOpt), analysisYear, plotIssues);
            printIssues(plotIssues);
            if (params::hasErrors(plotIssues))
                return ExitFailure;
            const bool planted = !parser.isSet(naturalOpt);
            restoration = carbon::computeRestoration(plots, *ws, run.reportYears, planted);
            for (const char* ext : { "csv", "gpkg" })
                carbon::writeRestorationTable(
                  dir.filePath(QStringLiteral("restoration_plots.") + QLatin1String(ext)).toStdString(),
                  plotSet,
                  plots,
                  restoration,
                  run.reportYears,
                  *ws,
                  planted);
        }
        carbon::writeCbcTotalsTable(dir.filePath(QStringLiteral("totals_bluecarbon.csv")).toStdString(),
                                    run,
                                    ws ? &plots : nullptr,
                                    ws ? &restoration : nullptr);
        std::vector<std::pair<QString, QString>> options = {
            { QStringLiteral("analysis_year"), QString::number(analysisYear) },
            { QStringLiteral("invest_compatible"),
              mo.investCompatible ? QStringLiteral("1") : QStringLiteral("0") },
        };
        if (valuation) {
            options.push_back(
              { QStringLiteral("discount_pct"), QString::number(valuation->discountPct, 'g', 12) });
            if (valuation->priceTable.empty()) {
                options.push_back(
                  { QStringLiteral("price_per_t_c"), QString::number(valuation->pricePerTC, 'g', 12) });
                options.push_back(
                  { QStringLiteral("inflation_pct"), QString::number(valuation->inflationPct, 'g', 12) });
            } else {
                options.push_back({ QStringLiteral("price_table"), parser.value(priceTableOpt) });
            }
        }
        if (ws)
            options.push_back({ QStringLiteral("restoration_planted"),
                                parser.isSet(naturalOpt) ? QStringLiteral("0") : QStringLiteral("1") });
        carbon::writeCbcParametersUsed(dir.filePath(QStringLiteral("parameters_used.csv")).toStdString(),
                                       run,
                                       trans.table,
                                       classes,
                                       ws ? &*ws : nullptr,
                                       options);
        staged.commit();

        // The tag travels with the value (carbon-methods.md "How the app should use this", items 2-3).
        for (const carbon::CbcClass& c : run.flaggedClasses())
            printWarning(BlueCarbonCommand::tr("biophysical table %1, row %2 (%3 %4) is tagged %5: %6")
                           .arg(c.file)
                           .arg(c.line)
                           .arg(c.code)
                           .arg(c.name, params::tagName(c.tag), params::tagDescription(c.tag)));
        if (ws && params::isFlagged(ws->tag))
            printWarning(BlueCarbonCommand::tr("Wetlands Supplement table %1, row %2 (%3) is tagged %4: %5")
                           .arg(ws->file)
                           .arg(ws->line)
                           .arg(ws->climate, params::tagName(ws->tag), params::tagDescription(ws->tag)));
        if (!quiet) {
            const std::size_t last = run.reportYears.size() - 1;
            double stock = 0, seq = 0;
            for (int p = 0; p < carbon::kCbcPoolCount; ++p)
                stock += run.stockT[last][std::size_t(p)];
            for (double s : run.netSequestrationT)
                seq += s;
            printInfo(BlueCarbonCommand::tr(
                        "blue carbon %1: stock %2 t C in %3; net sequestration %4–%3: %5 t C (%6 t "
                        "CO2e) over %7 ha")
                        .arg(mo.investCompatible ? BlueCarbonCommand::tr("(InVEST-compatible)")
                                                 : BlueCarbonCommand::tr("(User's Guide)"))
                        .arg(stock, 0, 'f', 3)
                        .arg(run.reportYears.back())
                        .arg(run.reportYears.front())
                        .arg(seq, 0, 'f', 3)
                        .arg(seq * carbon::kCo2PerC, 0, 'f', 3)
                        .arg(run.validAreaHa, 0, 'f', 3));
            printInfo(BlueCarbonCommand::tr("done in %1 s; wrote %2")
                        .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                        .arg(QFileInfo(outDir).absoluteFilePath()));
        }
        return ExitOk;
    } catch (...) {
        return reportFailure(outputsUnchangedMessage(outDir));
    }
}

} // namespace tanhui::cli
