// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CarbonFluxCommands.h"
#include "app/cli/CarbonFluxCommon.h"
#include "app/cli/CliCommon.h"
#include "gis/ParcelReader.h"
#include "gis/StagedOutput.h"
#include "models/carbon/SoilMethod.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <set>

namespace tanhui::cli {

namespace {

/// Translation context of this file's user-facing strings.
struct SoilCommand {
    Q_DECLARE_TR_FUNCTIONS(SoilCommand)
};

namespace carbon = models::carbon;
namespace params = models::params;

QString helpText() {
    return SoilCommand::tr(
      "Cropland soil organic carbon per plot (carbon-methods.md §3.3, §3.7, §3.8; IPCC Eq. 2.25, Tier 1).\n"
      "\n"
      "SOC_eq = SOC_REF × F_LU × F_MG × F_I (t C/ha, 0–30 cm). SOC_REF comes from soc_ref.csv for the\n"
      "climate zone and soil class; F_LU from the plot's crop or land use (水田/水稻 → paddy rice, 旱地 and\n"
      "annual crops → long-term cultivated, 园地/orchards → perennial); F_MG from its tillage (免耕 "
      "no-till,\n"
      "少耕 reduced, default full); F_I from its inputs (秸秆还田 → medium; + 绿肥 → high without manure;\n"
      "+ 有机肥/粪肥 → high with manure; burning/removal or nothing → low).\n"
      "A plot whose practice started in year t_c moves linearly from SOC(t0) = SOC_eq before the change\n"
      "(--before: low input, medium input or native land) to the new equilibrium over D = 20 years:\n"
      "SOC(t) = SOC(t0) + (SOC_eq,new − SOC(t0)) × min(1, (t − t_c) / 20), then stays constant.\n"
      "A practice with no start year is taken as established (at equilibrium, no change).\n"
      "\n"
      "Outputs in --out DIR:\n"
      "  parcels_soil.csv, parcels_soil.gpkg  per plot: land_use, tillage, input_before, input_after,\n"
      "      change_year, climate_zone, soil_class, area_ha (ellipsoidal), soc_start_t_per_ha,\n"
      "      soc_eq_t_per_ha, d_years; per year Y: soc_t_per_ha_Y, soc_t_Y (t C), flux_t_per_ha_yr_Y\n"
      "      (SOC(Y) − SOC(Y − 1), t C/ha/yr, + = gain), flux_co2e_t_per_ha_yr_Y (t CO2e/ha/yr removed);\n"
      "      per pair of years: change_t_Y1_Y2 (t C), rate_t_per_ha_yr_Y1_Y2, co2e_removal_t_Y1_Y2\n"
      "      (t CO2e, + = removal, − = emission); flagged_parameters (rows tagged unconfirmed/secondary/\n"
      "      example).\n"
      "  totals_soil.csv   quantity,value,unit: soc_Y (t C), flux_Y (t C/yr), flux_co2e_Y (t CO2e/yr),\n"
      "      change_Y1_Y2 (t C), co2e_removal_Y1_Y2 (t CO2e), area (ha), plot counts.\n"
      "  parameters_used.csv  every table row used (value, unit, source, tag, edition, flagged) and the\n"
      "      settings (climate zone, soil class, before state, years).\n"
      "\n"
      "Example (the sample project):\n"
      "  tanhui-cli carbon --method soil --parcels vectors/farmland_plots.gpkg --id 地块编码 \\\n"
      "      --crop-field 作物 --straw-year-field 秸秆还田起始年 --organic-field 施用有机肥 \\\n"
      "      --years 2015,2024 --out soil_out");
}

/// "2015,2020,2024" → ascending unique years; empty on error.
std::vector<int> parseYears(const QString& text) {
    std::set<int> years;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int y = part.trimmed().toInt(&ok);
        if (!ok || y < 1000 || y > 3000)
            return {};
        years.insert(y);
    }
    return std::vector<int>(years.begin(), years.end());
}

} // namespace

int runSoilCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(helpText());
    parser.addHelpOption();
    auto opt = [](const char* name, const QString& help, const QString& value = {}, const QString& def = {}) {
        return value.isEmpty() ? QCommandLineOption(QString::fromLatin1(name), help)
                               : QCommandLineOption(QString::fromLatin1(name), help, value, def);
    };
    const QString field = SoilCommand::tr("FIELD");
    const QCommandLineOption methodOpt =
      opt("method", SoilCommand::tr("soil (this method)."), SoilCommand::tr("NAME"));
    const QCommandLineOption parcelsOpt = opt(
      "parcels", SoilCommand::tr("Plot polygon layer (e.g. farmland_plots.gpkg)."), SoilCommand::tr("FILE"));
    const QCommandLineOption idOpt =
      opt("id", SoilCommand::tr("Plot id field (default: the feature id)."), field);
    const QCommandLineOption layerOpt =
      opt("layer", SoilCommand::tr("Layer name in a multi-layer source."), SoilCommand::tr("NAME"));
    const QCommandLineOption encodingOpt =
      opt("encoding", SoilCommand::tr("Attribute encoding of a shapefile."), SoilCommand::tr("ENC"));
    const QCommandLineOption crsOpt =
      opt("parcels-crs", SoilCommand::tr("CRS to assign to a layer that has none."), SoilCommand::tr("CRS"));
    const QCommandLineOption cropOpt =
      opt("crop-field",
          SoilCommand::tr("Field with the crop or land use (e.g. 作物: 水稻, 蔬菜, 荔枝); required."),
          field);
    const QCommandLineOption practiceOpt =
      opt("practice-field",
          SoilCommand::tr("Field with the practice text (e.g. 秸秆还田+有机肥, 免耕, 秸秆焚烧); optional."),
          field);
    const QCommandLineOption practiceYearOpt =
      opt("practice-year-field",
          SoilCommand::tr("Field with the year the current practice started; optional."),
          field);
    const QCommandLineOption strawOpt =
      opt("straw-year-field",
          SoilCommand::tr(
            "Field with the year straw return started (null: no straw return; e.g. 秸秆还田起始年); also "
            "the change year when --practice-year-field is not given."),
          field);
    const QCommandLineOption organicOpt =
      opt("organic-field",
          SoilCommand::tr("Field saying whether organic fertiliser is applied (是/否, yes/no)."),
          field);
    const QCommandLineOption zoneOpt =
      opt("climate-zone",
          SoilCommand::tr("IPCC climate zone (§3.4), a climate_zone of the tables; default tropical_moist."),
          SoilCommand::tr("ZONE"),
          QStringLiteral("tropical_moist"));
    const QCommandLineOption soilOpt =
      opt("soil-class",
          SoilCommand::tr(
            "Soil class (§3.8: hac, lac, sandy, volcanic, wetland); default lac (lateritic red soils)."),
          SoilCommand::tr("CLASS"),
          QStringLiteral("lac"));
    const QCommandLineOption beforeOpt =
      opt("before",
          SoilCommand::tr(
            "State before a practice change: low (residues removed or burned, full tillage; default), "
            "medium, or native (land converted to cropland at the change year)."),
          SoilCommand::tr("STATE"),
          QStringLiteral("low"));
    const QCommandLineOption yearsOpt =
      opt("years",
          SoilCommand::tr("Years to report, comma separated (e.g. 2015,2024); required."),
          SoilCommand::tr("LIST"));
    const QCommandLineOption socRefOpt =
      opt("soc-ref",
          SoilCommand::tr(
            "CSV whose rows replace rows of soc_ref.csv (climate_zone, soil_class, soc_ref in t C/ha)."),
          SoilCommand::tr("CSV"));
    const QCommandLineOption factorsOpt =
      opt("soil-factors",
          SoilCommand::tr(
            "CSV whose rows replace rows of soil_factors.csv (climate_zone, factor, level, value, d_years)."),
          SoilCommand::tr("CSV"));
    const QCommandLineOption outOpt =
      opt("out", SoilCommand::tr("Output folder (created if missing)."), SoilCommand::tr("DIR"));
    const QCommandLineOption threadsOpt = opt("threads",
                                              SoilCommand::tr("Worker threads (default: all cores)."),
                                              SoilCommand::tr("N"),
                                              QStringLiteral("0"));
    const QCommandLineOption quietOpt = opt("quiet", SoilCommand::tr("No progress bar and no summary."));
    parser.addOptions({ methodOpt,   parcelsOpt,      idOpt,      layerOpt,   encodingOpt, crsOpt,  cropOpt,
                        practiceOpt, practiceYearOpt, strawOpt,   organicOpt, zoneOpt,     soilOpt, beforeOpt,
                        yearsOpt,    socRefOpt,       factorsOpt, outOpt,     threadsOpt,  quietOpt });
    if (const auto stop = parseCommandLine(parser,
                                           arguments,
                                           QStringLiteral("carbon --method soil"),
                                           { methodOpt, parcelsOpt, cropOpt, yearsOpt, outOpt }))
        return *stop;

    const int threads = flux::parseThreads(parser);
    if (threads < 0)
        return ExitUsage;
    const std::vector<int> years = parseYears(parser.value(yearsOpt));
    if (years.empty()) {
        printError(
          SoilCommand::tr("--years must list whole years separated by commas (e.g. 2015,2024), not '%1'")
            .arg(parser.value(yearsOpt)));
        return ExitUsage;
    }
    const std::optional<carbon::SoilBefore> before = carbon::parseSoilBefore(parser.value(beforeOpt));
    if (!before) {
        printError(
          SoilCommand::tr("--before must be low, medium or native, not '%1'").arg(parser.value(beforeOpt)));
        return ExitUsage;
    }
    const QString parcelsPath = parser.value(parcelsOpt);
    if (!requireInputFile(parcelsPath))
        return ExitUsage;
    const QString outDir = parser.value(outOpt);
    if (!prepareOutputFolder(outDir))
        return ExitUsage;

    carbon::SoilFields fields;
    fields.crop = parser.value(cropOpt);
    fields.practice = parser.value(practiceOpt);
    fields.practiceYear = parser.value(practiceYearOpt);
    fields.strawYear = parser.value(strawOpt);
    fields.organic = parser.value(organicOpt);
    carbon::SoilSettings settings;
    settings.climateZone = parser.value(zoneOpt).trimmed().toLower();
    settings.soilClass = parser.value(soilOpt).trimmed().toLower();
    settings.before = *before;
    settings.years = years;
    settings.currentYear = QDate::currentDate().year();
    const QString idField = parser.value(idOpt);
    const bool quiet = parser.isSet(quietOpt);
    auto feedback = makeTerminalFeedback(quiet);
    QElapsedTimer timer;
    timer.start();
    try {
        gis::StagedOutput staged(outDir); // outputs appear in outDir only when complete
        params::Issues issues;
        const params::ParameterTable socRef =
          flux::loadTableWithOverride(carbon::socRefSpec(), parser.value(socRefOpt), issues);
        const params::ParameterTable factors =
          flux::loadTableWithOverride(carbon::soilFactorsSpec(), parser.value(factorsOpt), issues);
        if (params::hasErrors(issues)) {
            printIssues(issues);
            return ExitFailure;
        }
        const carbon::SoilTables tables(socRef, factors);

        gis::ParcelReadOptions readOptions;
        readOptions.open.layerName = parser.value(layerOpt);
        readOptions.open.encodingOverride = parser.value(encodingOpt).toStdString();
        if (parser.isSet(crsOpt))
            readOptions.open.assignCrs = gis::Crs::fromUserInput(parser.value(crsOpt).toStdString());
        readOptions.idField = idField;
        readOptions.threads = threads;
        // Attributes first: a missing field is reported before the (slower) geometry pass.
        const carbon::LayerFieldValues values = carbon::readLayerFields(
          parcelsPath.toStdString(),
          readOptions.open,
          { fields.crop, fields.practice, fields.practiceYear, fields.strawYear, fields.organic });
        issues.insert(issues.end(), values.issues.begin(), values.issues.end());
        if (params::hasErrors(issues)) {
            printIssues(issues);
            return ExitFailure;
        }
        const gis::ParcelSet parcels =
          gis::readParcels(parcelsPath.toStdString(), readOptions, feedback.get());
        finishProgressLine();
        reportParcelNotes(parcelsPath, parcels);
        const std::vector<carbon::SoilRecord> records = carbon::joinSoilRecords(parcels, values, fields);
        const params::Issues recordIssues =
          carbon::validateSoilRecords(records, fields, tables, settings, parcelsPath);
        issues.insert(issues.end(), recordIssues.begin(), recordIssues.end());
        printIssues(issues);
        if (params::hasErrors(issues))
            return ExitFailure;

        const std::vector<carbon::SoilPlot> plots =
          carbon::computeSoilPlots(records, fields, tables, settings);
        const carbon::SoilTotals totals = carbon::sumSoilPlots(records, plots, settings);
        const QDir dir(staged.path());
        for (const char* ext : { "csv", "gpkg" })
            carbon::writeSoilPlotTable(
              dir.filePath(QStringLiteral("parcels_soil.") + QLatin1String(ext)).toStdString(),
              parcels,
              idField,
              records,
              plots,
              settings);
        carbon::writeSoilTotalsTable(
          dir.filePath(QStringLiteral("totals_soil.csv")).toStdString(), totals, settings);

        // Rows used (every practice of every plot), with provenance; flagged ones are warned about.
        std::vector<std::pair<const params::TableSpec*, const params::TableRow*>> used;
        std::set<const params::TableRow*> seen;
        for (const carbon::SoilPlot& p : plots)
            for (int k = 0; k < (p.changeYear ? 2 : 1); ++k) {
                const auto eq =
                  tables.equilibrium(settings.climateZone, settings.soilClass, k == 0 ? p.after : p.before);
                if (!eq)
                    continue;
                for (const params::TableRow* row : eq->rows)
                    if (seen.insert(row).second)
                        used.push_back(
                          { row == eq->rows.front() ? &carbon::socRefSpec() : &carbon::soilFactorsSpec(),
                            row });
            }
        std::sort(used.begin(), used.end(), [](const auto& a, const auto& b) {
            return std::pair(QString::fromLatin1(a.first->id), a.second->key) <
                   std::pair(QString::fromLatin1(b.first->id), b.second->key);
        });
        QStringList yearList;
        for (int y : years)
            yearList << QString::number(y);
        flux::writeParametersUsed(
          dir.filePath(QStringLiteral("parameters_used.csv")),
          used,
          { { QStringLiteral("method"), QStringLiteral("soil (IPCC Eq. 2.25, carbon-methods.md §3.3)") },
            { QStringLiteral("climate_zone"), settings.climateZone },
            { QStringLiteral("soil_class"), settings.soilClass },
            { QStringLiteral("before"), QString::fromLatin1(carbon::soilBeforeName(settings.before)) },
            { QStringLiteral("years"), yearList.join(QLatin1Char(',')) } });
        staged.commit();
        std::size_t flaggedRows = 0;
        for (const auto& [spec, row] : used)
            if (params::isFlagged(row->tag))
                ++flaggedRows;
        if (flaggedRows > 0)
            printWarning(
              SoilCommand::tr("%1 parameter row(s) used are tagged unconfirmed, secondary or example "
                              "(listed in parameters_used.csv, flagged per plot)")
                .arg(flaggedRows));
        if (!quiet) {
            printInfo(SoilCommand::tr(
                        "soil carbon in %1: %2 t C over %3 ha in %4 plot(s) (%5 with a practice change); "
                        "zone %6, soil %7")
                        .arg(years.back())
                        .arg(totals.socT.back(), 0, 'f', 3)
                        .arg(totals.areaHa, 0, 'f', 3)
                        .arg(totals.plots)
                        .arg(totals.changedPlots)
                        .arg(settings.climateZone, settings.soilClass));
            printInfo(SoilCommand::tr("%1 plot(s) in %2 s; wrote %3")
                        .arg(totals.plots)
                        .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
                        .arg(QFileInfo(outDir).absoluteFilePath()));
        }
        return ExitOk;
    } catch (...) {
        return reportFailure(outputsUnchangedMessage(outDir));
    }
}

} // namespace tanhui::cli
