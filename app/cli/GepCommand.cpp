// SPDX-License-Identifier: GPL-3.0-or-later
// `tanhui-cli gep`: options → inputs → models::gep::runGepProject → summary. The run itself (soil
// retention, the carbon join, the parcels, tables, totals and the ledger check) is in models/gep.
#include "app/cli/GepCommand.h"

#include "app/cli/CliCommon.h"
#include "gis/Errors.h"
#include "models/analysis/Declarations.h"
#include "models/gep/GepProject.h"
#include "models/gep/GepSetup.h"
#include "models/gep/GepTables.h"
#include "models/gep/Plausibility.h"
#include "models/params/ParameterTable.h"
#include "models/project/Project.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <map>
#include <set>

namespace tanhui::cli {

namespace {

struct GepCommand {
    Q_DECLARE_TR_FUNCTIONS(GepCommand)
};

namespace analysis = models::analysis;
namespace gep = models::gep;
namespace params = models::params;

QString helpText() {
    return GepCommand::tr(
      "Gross ecosystem product (GEP) per parcel (gep-methods.md): physical quantity, value (CNY), price and\n"
      "source for every indicator of the accounting profile; GEP = material + regulating + cultural.\n"
      "\n"
      "Inputs come from the project: parcel layers (forest sub-compartments, farmland plots, wetland units,\n"
      "restoration plots), districts, and the rasters with roles precipitation, evapotranspiration, "
      "rusle_r,\n"
      "rusle_k, rusle_c, dem and landcover. Ecosystem type = the parcel's majority land-cover class at the\n"
      "latest date (coefficients from gep/ecosystem_params.csv). Soil retention R·K·LS·(1 − C·P) is "
      "computed\n"
      "per pixel (LS from the DEM, see docs/gep.md; P = 1) and averaged per parcel with the exact zonal\n"
      "engine. Carbon sequestration is the carbon result's per-parcel change of the interval ending at the\n"
      "accounting year (the latest land-cover date), per year, never re-derived. Indicators without inputs "
      "are skipped and listed with the reason.\n"
      "\n"
      "Outputs in --out DIR: indicators.csv (parcel × indicator: quantity, unit, value, price, price unit,\n"
      "price year, source, tag, flags), parcels_<layer>.gpkg (one row per parcel with geometry and one "
      "value\n"
      "column per indicator), totals.csv (by service, category, ecosystem type and district, with shares),\n"
      "skipped.csv (layer, ecosystem, indicator, reason, parcels), prices_used.csv, and with --scenario: "
      "scenario_diff.csv.\n"
      "\n"
      "Example:\n"
      "  tanhui-cli gep --project sample/project.tanhui.json --out gep_out --ac-days 120");
}

/// The command: the options of the declared "gep" analysis (models/analysis, DeclarationsGep.cpp) plus
/// --project and --quiet, and the steps from the command line to the run.
class GepCli {
public:
    int run(const QStringList& arguments);

private:
    std::optional<int> readValues();
    std::optional<int> loadModel();
    void printSummary(const gep::GepRun& run, double seconds) const;

    const analysis::AnalysisSpec& spec = *analysis::findAnalysis(QStringLiteral("gep"));
    QCommandLineParser parser;
    const QCommandLineOption projectOpt{ QStringLiteral("project"),
                                         GepCommand::tr("Project file (project.tanhui.json)."),
                                         QStringLiteral("FILE") };
    const QCommandLineOption quietOpt{ QStringLiteral("quiet"), GepCommand::tr("No progress bar.") };

    models::Project project;
    gep::GepSettings settings;
    gep::GepPlan plan;
};

std::optional<int> GepCli::readValues() {
    if (!prepareOutputFolder(parser.value(QStringLiteral("out"))))
        return ExitUsage;
    for (const QString& v : parser.values(QStringLiteral("carbon")))
        if (v.indexOf(QLatin1Char('=')) <= 0) {
            printError(
              GepCommand::tr("--carbon must be LAYER=FILE (e.g. xiaoban=carbon_out/parcels.csv), not '%1'")
                .arg(v));
            return ExitUsage;
        }
    // The project (its gep section gives the account's settings, which flags override; the loader has
    // checked the section's values). The values are checked against their declarations, every problem
    // at once, also when the project cannot be read.
    std::optional<QString> loadError;
    try {
        project = models::Project::load(parser.value(projectOpt));
    } catch (const gis::GisError& e) {
        loadError = QString::fromUtf8(e.what());
    }
    params::Issues issues;
    const analysis::ParameterValues flags = analysis::parseCli(parser, spec, {}, issues);
    analysis::ParameterValues values = analysis::defaultValues(spec, loadError ? nullptr : &project);
    for (auto it = flags.begin(); it != flags.end(); ++it)
        values.insert(it.key(), it.value());
    const params::Issues checked = analysis::validate(spec, values, nullptr);
    issues.insert(issues.end(), checked.begin(), checked.end());
    printIssues(issues);
    if (loadError) // with the flags' problems, if any: every problem at once
        printError(*loadError);
    if (params::hasErrors(issues))
        return ExitUsage;
    if (loadError)
        return ExitFailure;
    const QStringList given = flags.keys();
    settings = analysis::gepSettings(spec, project, values, QSet<QString>(given.begin(), given.end()));
    return std::nullopt;
}

std::optional<int> GepCli::loadModel() {
    plan = gep::prepareGepModel(project, settings);
    printIssues(plan.notes);
    printIssues(plan.issues);
    if (params::hasErrors(plan.issues))
        return ExitFailure;
    for (const QString& w : plan.warnings)
        printWarning(w);
    return std::nullopt;
}

void GepCli::printSummary(const gep::GepRun& run, double seconds) const {
    const gep::GepTotals& totals = run.totals;
    const gep::GepModel& model = plan.inputs.model;
    const gep::AccountSettings& account = plan.inputs.account;
    const int targetYear = plan.targetYear;
    const double carbonReadSeconds = plan.carbonReadSeconds;
    QStringList timing;
    for (const auto& [stage, sec] : run.seconds)
        timing << QStringLiteral("%1 %2 s").arg(stage).arg(sec, 0, 'f', 1);
    timing << QStringLiteral("carbon_results_read %1 s").arg(carbonReadSeconds, 0, 'f', 1);
    timing << QStringLiteral("run %1 s").arg(seconds, 0, 'f', 1);
    printInfo(GepCommand::tr("timing: %1").arg(timing.join(QStringLiteral(", "))));
    printInfo(GepCommand::tr("profile %1, prices %2 (price years and sources in prices_used.csv)")
                .arg(model.profile.id, model.prices.file));
    printInfo(GepCommand::tr("account: profile %1 (%2), price set %3, price year %4, price index %5, "
                             "climate-regulation variant %6 (run_settings.csv; settings from %7)")
                .arg(account.profile,
                     account.profileTag,
                     account.priceSet,
                     account.priceYears,
                     account.priceIndex,
                     account.climateVariant,
                     account.origin));
    for (const auto& [layer, n] : run.parcelsByLayer)
        printInfo(GepCommand::tr("%1: %2 parcels").arg(layer).arg(n));
    printInfo(GepCommand::tr("GEP %1 CNY/a (%2 亿元)")
                .arg(totals.total, 0, 'f', 2)
                .arg(totals.total / 1e8, 0, 'f', 4));
    if (totals.emissionParcels > 0)
        printWarning(GepCommand::tr("carbon emission (net carbon source, not in GEP): %1 t CO2e/a, %2 "
                                    "CNY/a at the carbon price, on %3 parcels (totals.csv emission, "
                                    "carbon_emission_* in parcels_<layer>.gpkg)")
                       .arg(totals.emissionTco2, 0, 'f', 2)
                       .arg(totals.emissionYuan, 0, 'f', 2)
                       .arg(totals.emissionParcels));
    if (model.basePrices) {
        std::set<int> baseYears;
        for (const auto& [key, p] : model.basePrices->all())
            baseYears.insert(p.priceYear);
        QStringList years;
        for (int y : baseYears)
            years << QString::number(y);
        printInfo(GepCommand::tr("  at current prices of %1: %2 CNY/a; at the base-year prices (%3): %4 "
                                 "CNY/a (value_base_cny in indicators.csv and totals.csv)")
                    .arg(targetYear)
                    .arg(totals.total, 0, 'f', 2)
                    .arg(years.join(QStringLiteral(", ")))
                    .arg(totals.baseTotal, 0, 'f', 2));
    }
    for (const auto& [key, v] : totals.byService) {
        const gep::IndicatorSpec* spec = gep::findIndicator(key);
        printInfo(GepCommand::tr("  %1: %2 CNY/a, %3 %")
                    .arg(spec->displayName())
                    .arg(v, 0, 'f', 2)
                    .arg(totals.total != 0 ? v / totals.total * 100 : 0.0, 0, 'f', 2));
    }
    for (const auto& [eco, v] : totals.byEcosystem) {
        const double ha = totals.areaByEcosystem.at(eco);
        printInfo(GepCommand::tr("  ecosystem %1: %2 ha, %3 CNY/ha/a")
                    .arg(eco)
                    .arg(ha, 0, 'f', 1)
                    .arg(ha > 0 ? v / ha : 0.0, 0, 'f', 0));
    }
    if (auto it = totals.byService.find(QStringLiteral("climate_regulation"));
        it != totals.byService.end() && totals.total > 0)
        printWarning(
          GepCommand::tr("climate regulation is %1 % of GEP: it dominates the total and depends on the "
                         "air-conditioning days D, on ET and on the water-surface variant (%2); report "
                         "it separately (gep-methods.md §4.10, §10.2)")
            .arg(it->second / totals.total * 100, 0, 'f', 1)
            .arg(account.climateVariantText));
    if (run.slopeCappedCells > 0)
        printWarning(GepCommand::tr("soil retention: %1 DEM cells are steeper than %2 % and use the S factor "
                                    "of %2 % (validity of the steep-slope equation, Liu, Nearing & Risse "
                                    "1994); %3 parcels flagged ls_slope_capped")
                       .arg(run.slopeCappedCells)
                       .arg(gep::LsFactor::kMaxGradient * 100)
                       .arg(run.plausibilityCounts.count(QStringLiteral("ls_slope_capped"))
                              ? run.plausibilityCounts.at(QStringLiteral("ls_slope_capped"))
                              : 0));
    if (auto it = run.plausibilityCounts.find(QStringLiteral("implausible_potential_erosion"));
        it != run.plausibilityCounts.end())
        printWarning(GepCommand::tr("soil retention: %1 parcels have a potential erosion R·K·LS above %2 "
                                    "t/ha/a, implausible (flag implausible_potential_erosion; check the R, "
                                    "K and DEM rasters)")
                       .arg(it->second)
                       .arg(gep::kImplausiblePotentialErosionTPerHa));
    if (auto it = run.plausibilityCounts.find(QStringLiteral("water_conservation_low_et"));
        it != run.plausibilityCounts.end())
        printWarning(GepCommand::tr("water conservation: %1 parcels have an ET below %2 % of their "
                                    "ecosystem's median, so the water balance credits missing "
                                    "transpiration (flag water_conservation_low_et; check the ecosystem "
                                    "type, e.g. a clear-cut)")
                       .arg(it->second)
                       .arg(gep::kLowEtShareOfMedian * 100));
    for (const auto& [key, entry] : run.skippedByIndicator) {
        QStringList reasons = entry.second.mid(0, 3);
        if (entry.second.size() > 3)
            reasons << GepCommand::tr("%1 more reasons").arg(entry.second.size() - 3);
        printWarning(GepCommand::tr("skipped %1 on %2 parcels (see skipped.csv): %3")
                       .arg(key)
                       .arg(entry.first)
                       .arg(reasons.join(QStringLiteral("; "))));
    }
}

int GepCli::run(const QStringList& arguments) {
    parser.setApplicationDescription(helpText());
    parser.addHelpOption();
    parser.addOption(projectOpt);
    analysis::addCliOptions(parser, spec);
    parser.addOption(quietOpt);
    if (auto rc = parseCommandLine(parser,
                                   arguments,
                                   QStringLiteral("gep"),
                                   { projectOpt, QCommandLineOption(QStringLiteral("out")) }))
        return *rc;

    for (auto step : { &GepCli::readValues, &GepCli::loadModel })
        if (auto rc = (this->*step)())
            return *rc;
    auto feedback = makeTerminalFeedback(parser.isSet(quietOpt));
    try {
        printInfo(GepCommand::tr("parameter tables: %1").arg(plan.tableOrigins.join(QStringLiteral("; "))));
        const QStringList problems = project.validate();
        if (!problems.isEmpty()) {
            for (const QString& p : problems)
                printError(p);
            return ExitFailure;
        }
        gep::completeGepInputs(plan, project, settings);
        gep::GepOptions options;
        options.outDir = parser.value(QStringLiteral("out")); // through a gis::StagedOutput
        options.feedback = feedback.get();
        options.info = [](const QString& text) { printInfo(text); };
        QElapsedTimer timer;
        timer.start();
        // The rows (316,681 parcels × ~10 indicators on the city sample: ~2.7 s of frees) are kept until
        // the process exits.
        const gep::GepRun& run = keepUntilExit(gep::runGepProject(project, plan.inputs, options));
        finishProgressLine();
        for (const gep::GepRun* r : { &run, static_cast<const gep::GepRun*>(run.scenario.get()) })
            for (const auto& m : r ? r->results.messages : std::vector<models::analysis::Message>{})
                m.level == models::analysis::Message::Level::Info ? printInfo(m.text) : printWarning(m.text);
        printSummary(run, timer.nsecsElapsed() * 1e-9);
        if (run.scenario)
            printInfo(GepCommand::tr("scenario GEP %1 CNY/a, difference %2 CNY/a")
                        .arg(run.scenario->totals.total, 0, 'f', 2)
                        .arg(run.scenario->totals.total - run.totals.total, 0, 'f', 2));
        // The ledger check: a failed check is an error (docs/carbon-project.md, "Ledger check").
        const models::carbon::LedgerCheck& check = run.ledgerCheck;
        for (const models::carbon::LedgerCheckRow& row : check.rows)
            if (!row.passed)
                printError(row.message());
        const QString checkFile =
          QDir(parser.value(QStringLiteral("out"))).filePath(QStringLiteral("ledger_check.csv"));
        if (!check.passed()) {
            printError(GepCommand::tr("the ledger check failed: %1 of %2 check(s); each is listed in %3")
                         .arg(check.failures())
                         .arg(check.rows.size())
                         .arg(checkFile));
            return ExitFailure;
        }
        printInfo(
          GepCommand::tr("ledger check: all %1 check(s) passed (%2)").arg(check.rows.size()).arg(checkFile));
    } catch (const gep::UnitError& e) {
        finishProgressLine();
        printError(QString::fromUtf8(e.what()));
        return ExitFailure;
    } catch (...) {
        finishProgressLine();
        return reportFailure(outputsUnchangedMessage(parser.value(QStringLiteral("out"))));
    }
    return ExitOk;
}

} // namespace

int runGepCommand(const QStringList& arguments) {
    return GepCli().run(arguments);
}

} // namespace tanhui::cli
