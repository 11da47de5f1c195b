// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/RegressionCommand.h"

#include "app/cli/CliCommon.h"
#include "app/cli/NumericOptions.h"
#include "gis/AtomicFile.h"
#include "gis/Errors.h"
#include "gis/ParcelReader.h"
#include "gis/RasterDataset.h"
#include "gis/StagedOutput.h"
#include "models/Dates.h"
#include "models/carbon/RegressionMethod.h"
#include "models/params/ParameterTable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>

namespace tanhui::cli {

namespace {

/// Translation context of this file's user-facing strings.
struct RegressionCommand {
    Q_DECLARE_TR_FUNCTIONS(RegressionCommand)
};

namespace carbon = models::carbon;
namespace params = models::params;

QString helpText() {
    return RegressionCommand::tr(
      "Remote-sensing regression method (carbon-methods.md §6.1): above-ground biomass (AGB) per cell and\n"
      "year from a vegetation index (NDVI, EVI), with coefficients per forest type, aggregated per parcel\n"
      "and year. See docs/remote-sensing-carbon.md.\n"
      "\n"
      "Per cell and year: the forest type is the land-cover class of the nearest earlier (or equal)\n"
      "land-cover date; AGB = f(VI) with the row's form (linear a + b·VI, power a·VI^b, exponential\n"
      "a·e^(b·VI), logarithmic a + b·ln(VI)), times the bias correction (e^(σ²/2) or the smearing factor),\n"
      "capped at agb_cap and at least 0; carbon density = (AGB + AGB × R) × CF (t C/ha). R is r_low for\n"
      "AGB ≤ 125 t d.m./ha and r_high above, chosen per parcel from its mean AGB with hysteresis\n"
      "(--r-hysteresis) so that R does not flip from year to year. Non-forest cells get no AGB (reported\n"
      "as non-forest area); nodata index cells (cloud gaps) are reported as gap area, never as zero.\n"
      "\n"
      "Coefficients: there are no published Guangzhou coefficients in Tanhui's reference, so there is no\n"
      "default table: --coefficients is required. --write-template FILE writes a template (the\n"
      "illustrative §6.1 curve AGB = 10·e^(3.5·NDVI), tagged example: replace it with a model fitted to\n"
      "local plots). CSV columns: lucode, form, a, b, agb_cap (t d.m./ha), r_low, r_high, cf (t C/t d.m.),\n"
      "optional bias_sigma2 or smearing, forest_type, name_zh, source, tag.\n"
      "\n"
      "Outputs in --out DIR:\n"
      "  rs_carbon_<year>.tif  Float32, nodata −1; bands agb (t d.m./ha), c_density_r_le125 and\n"
      "                        c_density_r_gt125 (t C/ha with the R of each class), nonforest (1/0),\n"
      "                        vi_gap (1 = forest cell with nodata index).\n"
      "  rs_trajectory.csv     one row per parcel and year: fid, id, year, lulc_year (land-cover date\n"
      "                        used), forest_area_ha (forest with a valid index), vi_gap_area_ha,\n"
      "                        nonforest_area_ha, lulc_nodata_area_ha, mean_agb_t_dm_per_ha, r_class\n"
      "                        (le125/gt125), carbon_t (t C), carbon_t_per_ha (t C per ha of valid forest),\n"
      "                        co2e_t (t CO2e = t C × 44/12), change_t and change_co2e_t (since the\n"
      "                        previous year), rate_t_per_yr (t C/yr), gaps_differ (1: gap areas of the two\n"
      "                        years differ by > 1 %, so part of the change is a nodata artefact),\n"
      "                        flagged_parameters (lucode:tag of rows tagged "
      "example/unconfirmed/secondary).\n"
      "  rs_parcels.csv, .gpkg one row per parcel: fid, id, area_ha, per year carbon_<y>_t,\n"
      "                        carbon_<y>_t_per_ha, mean_agb_<y>_t_dm_per_ha, forest_area_<y>_ha,\n"
      "                        vi_gap_area_<y>_ha; first → last change_t, change_co2e_t, rate_t_per_yr,\n"
      "                        rate_co2e_t_per_yr (stock difference / years, §3.2), gaps_differ,\n"
      "                        raster_coverage_fraction (share of the parcel inside the rasters),\n"
      "                        flagged_parameters, geometry_repaired.\n"
      "  rs_totals.csv         quantity,value,unit: per year sums over parcels (t C, t CO2e, ha) and the\n"
      "                        whole raster's forest, gap and non-forest areas and mean AGB; changes.\n"
      "  parameters_used.csv   every coefficient row used with its tag and source, and the R rule.\n"
      "\n"
      "Example (sample project):\n"
      "  tanhui-cli carbon --method regression --vi-stack rasters/ndvi_2015-2024.tif \\\n"
      "      --lulc rasters/landcover_2015.tif@2015 --lulc rasters/landcover_2018.tif@2018 \\\n"
      "      --lulc rasters/landcover_2021.tif@2021 --lulc rasters/landcover_2024.tif@2024 \\\n"
      "      --coefficients my_coefficients.csv --parcels vectors/xiaoban.shp --id 小班号 --out rs_out");
}

/// FILE@YEAR; false on a malformed value.
bool splitFileYear(const QString& v, QString& file, int& year) {
    const std::optional<models::FileYear> fy = models::parseFileYear(v);
    if (!fy)
        return false;
    file = fy->file;
    year = fy->year;
    return year >= 1900 && year <= 2200;
}

} // namespace

bool isRegressionMethod(const QStringList& arguments) {
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--method=regression"))
            return true;
        if (arguments[i] == QLatin1String("--method") && i + 1 < arguments.size() &&
            arguments[i + 1] == QLatin1String("regression"))
            return true;
    }
    return false;
}

int runRegressionCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(helpText());
    parser.addHelpOption();
    const QCommandLineOption methodOpt(QStringLiteral("method"),
                                       RegressionCommand::tr("regression (this method)."),
                                       RegressionCommand::tr("NAME"));
    const QCommandLineOption viOpt(
      QStringLiteral("vi"),
      RegressionCommand::tr("Vegetation-index raster of one year, FILE@YEAR (band 1); repeat per year."),
      RegressionCommand::tr("FILE@YEAR"));
    const QCommandLineOption stackOpt(
      QStringLiteral("vi-stack"),
      RegressionCommand::tr("Multi-band vegetation-index raster, one band per year, the year read from each "
                            "band's DATE metadata (or a description starting with the year)."),
      RegressionCommand::tr("FILE"));
    const QCommandLineOption lulcOpt(
      QStringLiteral("lulc"),
      RegressionCommand::tr("Land-cover raster and its year, FILE@YEAR; repeat. Each index year uses the "
                            "nearest earlier or equal land-cover date."),
      RegressionCommand::tr("FILE@YEAR"));
    const QCommandLineOption forestOpt(
      QStringLiteral("forest-classes"),
      RegressionCommand::tr("Land-cover codes that are forest, comma separated (default 11,12,13,14)."),
      RegressionCommand::tr("CODES"),
      QStringLiteral("11,12,13,14"));
    const QCommandLineOption coefOpt(
      QStringLiteral("coefficients"),
      RegressionCommand::tr("Coefficient table CSV, one row per forest class (required; no default)."),
      RegressionCommand::tr("CSV"));
    const QCommandLineOption templateOpt(
      QStringLiteral("write-template"),
      RegressionCommand::tr("Write a coefficient table template (illustrative values tagged example) and "
                            "exit."),
      RegressionCommand::tr("FILE"));
    const QCommandLineOption hystOpt(
      QStringLiteral("r-hysteresis"),
      RegressionCommand::tr("Hysteresis of the R class rule in t d.m./ha (default 10): a parcel changes R "
                            "class only when its mean AGB passes 125 ± this value."),
      RegressionCommand::tr("T"),
      QStringLiteral("10"));
    const QCommandLineOption parcelsOpt(QStringLiteral("parcels"),
                                        RegressionCommand::tr("Polygon layer for per-parcel results."),
                                        RegressionCommand::tr("FILE"));
    const QCommandLineOption idOpt(QStringLiteral("id"),
                                   RegressionCommand::tr("Parcel id field (default: the feature id)."),
                                   RegressionCommand::tr("FIELD"));
    const QCommandLineOption layerOpt(QStringLiteral("layer"),
                                      RegressionCommand::tr("Layer name in a multi-layer source."),
                                      RegressionCommand::tr("NAME"));
    const QCommandLineOption encodingOpt(QStringLiteral("encoding"),
                                         RegressionCommand::tr("Attribute encoding of a shapefile."),
                                         RegressionCommand::tr("ENC"));
    const QCommandLineOption crsOpt(QStringLiteral("parcels-crs"),
                                    RegressionCommand::tr("CRS to assign to a parcel layer that has none."),
                                    RegressionCommand::tr("CRS"));
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    RegressionCommand::tr("Output folder (created if missing)."),
                                    RegressionCommand::tr("DIR"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"),
                                        RegressionCommand::tr("Worker threads (default: all cores)."),
                                        RegressionCommand::tr("N"),
                                        QStringLiteral("0"));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"),
                                      RegressionCommand::tr("No progress bar and no summary."));
    parser.addOptions({ methodOpt,
                        viOpt,
                        stackOpt,
                        lulcOpt,
                        forestOpt,
                        coefOpt,
                        templateOpt,
                        hystOpt,
                        parcelsOpt,
                        idOpt,
                        layerOpt,
                        encodingOpt,
                        crsOpt,
                        outOpt,
                        threadsOpt,
                        quietOpt });
    if (const auto stop =
          parseCommandLine(parser, arguments, QStringLiteral("carbon --method regression"), { methodOpt }))
        return *stop;

    if (parser.isSet(templateOpt)) {
        const QString path = parser.value(templateOpt);
        try {
            gis::writeFileAtomically(path, carbon::regressionTemplateCsv().toUtf8()); // never half-written
        } catch (const gis::GisError& e) {
            printError(
              RegressionCommand::tr("cannot write %1: %2").arg(path, QString::fromStdString(e.what())));
            return ExitFailure;
        }
        printInfo(RegressionCommand::tr("wrote the coefficient template %1: its values are the illustrative "
                                        "curve of carbon-methods.md §6.1 (tagged example), not a calibrated "
                                        "model; fit a, b and agb_cap to local plots per forest type")
                    .arg(path));
        return ExitOk;
    }
    const QString seeHelp =
      QCoreApplication::translate("Cli", "(see tanhui-cli %1 --help)").arg(QStringLiteral("carbon"));
    for (const QCommandLineOption* o : { &lulcOpt, &coefOpt, &parcelsOpt, &outOpt })
        if (!parser.isSet(*o)) {
            QString msg =
              QCoreApplication::translate("Cli", "missing --%1 %2").arg(o->names().first(), seeHelp);
            if (o == &coefOpt)
                msg +=
                  RegressionCommand::tr("; there is no default coefficient table (no published Guangzhou "
                                        "coefficients); --write-template FILE writes a template");
            printError(msg);
            return ExitUsage;
        }
    if (!parser.isSet(viOpt) && !parser.isSet(stackOpt)) {
        printError(
          RegressionCommand::tr("give the vegetation index with --vi FILE@YEAR (repeat) or --vi-stack FILE"));
        return ExitUsage;
    }
    bool ok = false;
    const int threads = parser.value(threadsOpt).toInt(&ok);
    if (!ok || threads < 0 || threads > 1024) {
        printError(
          RegressionCommand::tr("--threads must be a whole number from 0 (all cores) to 1024, not '%1'")
            .arg(parser.value(threadsOpt)));
        return ExitUsage;
    }
    double hysteresis =
      carbon::rHysteresisParameter().defaultValue.value_or(carbon::kDefaultRHysteresisTDmPerHa);
    if (!readNumericOptions(parser, { { hystOpt, carbon::rHysteresisParameter(), hysteresis } }))
        return ExitUsage;
    carbon::RegressionInputs inputs;
    for (const QString& c : parser.value(forestOpt).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qlonglong code = c.trimmed().toLongLong(&ok);
        if (!ok) {
            printError(RegressionCommand::tr("--forest-classes: '%1' is not a land-cover code").arg(c));
            return ExitUsage;
        }
        inputs.forestCodes.push_back(code);
    }
    for (const QString& v : parser.values(lulcOpt)) {
        QString file;
        int year = 0;
        if (!splitFileYear(v, file, year)) {
            printError(
              RegressionCommand::tr("--lulc %1: expected FILE@YEAR, e.g. landcover_2015.tif@2015").arg(v));
            return ExitUsage;
        }
        if (!requireInputFile(file))
            return ExitUsage;
        inputs.lulc.push_back({ file.toStdString(), year });
    }
    std::sort(
      inputs.lulc.begin(), inputs.lulc.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
    for (const QString& v : parser.values(viOpt)) {
        QString file;
        int year = 0;
        if (!splitFileYear(v, file, year)) {
            printError(RegressionCommand::tr("--vi %1: expected FILE@YEAR, e.g. ndvi_2015.tif@2015").arg(v));
            return ExitUsage;
        }
        if (!requireInputFile(file))
            return ExitUsage;
        inputs.vi.push_back({ file.toStdString(), 1, year });
    }
    const QString parcelsPath = parser.value(parcelsOpt);
    if (!requireInputFile(parcelsPath))
        return ExitUsage;
    const QString coefPath = parser.value(coefOpt);
    if (!requireInputFile(coefPath))
        return ExitUsage;
    const QString outDir = parser.value(outOpt);
    if (!prepareOutputFolder(outDir))
        return ExitUsage;

    const bool quiet = parser.isSet(quietOpt);
    auto feedback = makeTerminalFeedback(quiet);
    QElapsedTimer timer;
    timer.start();
    try {
        gis::StagedOutput staged(outDir); // outputs appear in outDir only when complete
        params::Issues issues;
        if (parser.isSet(stackOpt)) {
            const QString stack = parser.value(stackOpt);
            if (!requireInputFile(stack))
                return ExitUsage;
            const auto bands = carbon::viStackBands(stack.toStdString(), issues);
            inputs.vi.insert(inputs.vi.end(), bands.begin(), bands.end());
        }
        carbon::LoadedRegression coefficients = carbon::loadRegressionCoefficients(coefPath);
        issues.insert(issues.end(), coefficients.issues.begin(), coefficients.issues.end());
        if (params::hasErrors(issues)) {
            printIssues(issues);
            return ExitFailure;
        }
        const params::Issues inputIssues =
          carbon::validateRegressionInputs(inputs, coefficients.lookup, coefPath, feedback.get());
        issues.insert(issues.end(), inputIssues.begin(), inputIssues.end());
        finishProgressLine();
        printIssues(issues);
        if (params::hasErrors(issues))
            return ExitFailure;

        carbon::RegressionRunOptions options;
        options.outDir = staged.path().toStdString();
        options.feedback = feedback.get();
        const carbon::RegressionRun run =
          carbon::writeRegressionRasters(inputs, coefficients.lookup, options);

        gis::ParcelReadOptions readOptions;
        readOptions.open.layerName = parser.value(layerOpt);
        readOptions.open.encodingOverride = parser.value(encodingOpt).toStdString();
        if (parser.isSet(crsOpt))
            readOptions.open.assignCrs = gis::Crs::fromUserInput(parser.value(crsOpt).toStdString());
        const QString idField = parser.value(idOpt);
        readOptions.idField = idField;
        readOptions.threads = threads;
        const gis::ParcelSet parcels =
          gis::readParcels(parcelsPath.toStdString(), readOptions, feedback.get());
        reportParcelNotes(parcelsPath, parcels);
        gis::ZonalOptions zonal;
        zonal.threads = threads;
        zonal.feedback = feedback.get();
        const std::vector<carbon::RegressionParcel> results =
          carbon::runRegressionParcels(parcels, run, hysteresis, zonal);
        const QDir dir(staged.path());
        carbon::writeRegressionTrajectory(
          dir.filePath(QStringLiteral("rs_trajectory.csv")).toStdString(), parcels, idField, run, results);
        for (const char* ext : { "csv", "gpkg" })
            carbon::writeRegressionParcels(
              dir.filePath(QStringLiteral("rs_parcels.") + QLatin1String(ext)).toStdString(),
              parcels,
              idField,
              run,
              results);
        carbon::writeRegressionTotals(
          dir.filePath(QStringLiteral("rs_totals.csv")).toStdString(), run, results);
        carbon::writeRegressionParameters(
          dir.filePath(QStringLiteral("parameters_used.csv")).toStdString(), run, hysteresis);
        finishProgressLine();
        staged.commit();

        // The tag travels with the value (carbon-methods.md "How the app should use this", items 2-3).
        for (const carbon::RegressionCoefficients& c : run.used)
            if (c.flagged())
                printWarning(RegressionCommand::tr("coefficient table %1, row %2 (lucode %3) is tagged %4: "
                                                   "results using it are flagged")
                               .arg(c.file)
                               .arg(c.line)
                               .arg(c.code)
                               .arg(c.declaredTag.isEmpty() ? params::tagName(c.tag) : c.declaredTag));
        std::size_t gapDiffer = 0;
        for (const carbon::RegressionParcel& p : results)
            if (!p.changes.empty() && p.changes.back().gapsDiffer)
                ++gapDiffer;
        std::size_t partial = 0;
        for (std::size_t i = 0; i < results.size(); ++i)
            if (carbon::rasterCoverageFraction(parcels.parcels[i], results[i]) < 0.98)
                ++partial;
        if (partial > 0)
            printWarning(RegressionCommand::tr("%1 parcel(s) lie more than 2 % outside the rasters; their "
                                               "results cover only the part inside (raster_coverage_fraction "
                                               "in rs_parcels.csv)")
                           .arg(partial));
        if (gapDiffer > 0)
            printWarning(
              RegressionCommand::tr("%1 parcel(s) have cloud-gap areas that differ between the first "
                                    "and last year by more than 1 %: their change in t C is partly a "
                                    "nodata artefact; compare carbon_t_per_ha (gaps_differ = 1)")
                .arg(gapDiffer));
        if (!quiet) {
            for (const carbon::RegressionYear& y : run.years) {
                double c = 0;
                for (const carbon::RegressionParcel& p : results)
                    for (const carbon::RegressionParcelYear& py : p.years)
                        if (py.year == y.year)
                            c += py.carbonT;
                printInfo(RegressionCommand::tr("%1 (land cover %2): parcels %3 t C; raster forest %4 ha, "
                                                "gaps %5 ha, mean AGB %6 t d.m./ha")
                            .arg(y.year)
                            .arg(y.lulcYear)
                            .arg(c, 0, 'f', 3)
                            .arg(y.forestAreaHa, 0, 'f', 2)
                            .arg(y.viGapAreaHa, 0, 'f', 2)
                            .arg(y.meanAgb(), 0, 'f', 2));
            }
            printInfo(RegressionCommand::tr("%1 year(s), %2 parcel(s) in %3 s; wrote %4")
                        .arg(run.years.size())
                        .arg(parcels.parcels.size())
                        .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                        .arg(QFileInfo(outDir).absoluteFilePath()));
        }
        return ExitOk;
    } catch (...) {
        return reportFailure(outputsUnchangedMessage(outDir));
    }
}

} // namespace tanhui::cli
