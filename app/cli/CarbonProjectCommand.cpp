// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CarbonProjectCommand.h"

#include "app/cli/CliCommon.h"
#include "app/cli/ExportOptions.h"
#include "gis/StagedOutput.h"
#include "models/analysis/Declarations.h"
#include "models/carbon/CarbonProject.h"
#include "models/carbon/CarbonResult.h"
#include "models/project/Project.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <map>

namespace tanhui::cli {

namespace {

/// Translation context of this file's user-facing strings.
struct CarbonProjectCommand {
    Q_DECLARE_TR_FUNCTIONS(CarbonProjectCommand)
};

namespace analysis = models::analysis;
namespace carbon = models::carbon;
namespace params = models::params;

/// Parcels whose method could not run are named one by one up to this count (all are in parcels.csv).
constexpr int kListedNotComputed = 20;

QString helpText() {
    QStringList methods;
    for (const carbon::MethodInfo& m : carbon::carbonMethods())
        methods << QStringLiteral("  %1: %2").arg(m.name, m.description);
    return CarbonProjectCommand::tr(
             "Carbon of every parcel of a project, each with the method assigned to its ecosystem type in\n"
             "the project's \"carbon\" section (docs/carbon-project.md). Parcel layers, ecosystem types,\n"
             "methods, dates, grouping (e.g. districts: each parcel goes to the district it overlaps most),\n"
             "valuation and parameter tables all come from the project file.\n"
             "A type may list several methods (e.g. \"forest\": [\"volume\", \"pools\", \"gainloss\"]): "
             "each\n"
             "parcel then has one row per method (column primary = 1 for the first); totals by ecosystem\n"
             "type and grouping count the primary rows only, totals_by_method.csv every method.\n"
             "\n"
             "Outputs in --out DIR (default: carbon next to the project file): parcels.csv and parcels.gpkg\n"
             "(one row per parcel: layer, id, ecosystem_type, method, area_ha, per date <pool>_t_<year>,\n"
             "c_total_t_<year> in t C and c_total_t_per_ha_<year> in t C/ha, changes in t C, t CO2e and\n"
             "t C/yr, flagged parameters, nodata share, repaired geometry, parameter rows used, and why a\n"
             "parcel was not computed), totals_by_ecosystem_type.csv, totals_by_method.csv,\n"
             "totals_by_<grouping>.csv, parameters_used.csv, summary.csv, each method's rasters in\n"
             "rasters/<method>/ (c_density_<year>.tif in t C/ha), and resultset.json (every table with its\n"
             "columns' units and descriptions, each input with its SHA-256, the parameter rows and settings\n"
             "used, messages).\n"
             "\n"
             "Uncertainty (carbon.uncertainty in the project, or --uncertainty; docs/uncertainty.md):\n"
             "Monte Carlo bounds (2.5/50/97.5 percentiles) and Approach 1 U of every stock and change of\n"
             "the methods with Monte Carlo (docs/carbon-project.md, \"Methods with bounds\"; totals with\n"
             "parcels of other methods name them in bounds_note), per parcel and in every total (from\n"
             "per-iteration sums), and\n"
             "uncertainty_run.csv, uncertainty_parameters.csv. --iterations, --seed and\n"
             "--default-uncertainty override the project's values.\n"
             "\n"
             "Methods:\n") +
           methods.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

/// Parcels whose method could not run (listed with the reason, never counted as zero) and the
/// unverified parameter rows the run used.
void printNotComputedAndFlagged(const carbon::CarbonProjectRun& run, const QString& outDir) {
    // (The result set's messages carry them, in parcel order: buildCarbonResultSet.)
    int listed = 0, notComputed = 0;
    for (const models::analysis::Message& m : run.resultSet.messages)
        if (m.field == QLatin1String("not_computed")) {
            ++notComputed;
            if (++listed <= kListedNotComputed)
                printWarning(m.text);
        }
    if (notComputed > kListedNotComputed)
        printWarning(CarbonProjectCommand::tr("%1 more parcel(s) not computed; all are listed with the "
                                              "reason in the column not_computed of %2")
                       .arg(notComputed - kListedNotComputed)
                       .arg(QDir(outDir).filePath(QStringLiteral("parcels.csv"))));
    // The tag travels with the value (carbon-methods.md "How the app should use this", items 2-3).
    std::map<carbon::ParameterRowRef, int> flagged;
    for (const carbon::ParcelResult& r : run.results())
        for (const carbon::ParameterRowRef& ref : r.flaggedParameters())
            ++flagged[ref];
    if (!flagged.empty()) {
        std::map<params::Tag, int> byTag;
        for (const auto& [ref, count] : flagged)
            ++byTag[ref.tag];
        QStringList tags;
        for (const auto& [tag, count] : byTag)
            tags << QStringLiteral("%1 %2").arg(count).arg(params::tagName(tag));
        printWarning(CarbonProjectCommand::tr("%1 parameter row(s) used by this run are not verified (%2); "
                                              "the parcels using them are flagged, and every row with its "
                                              "tag is listed in %3")
                       .arg(flagged.size())
                       .arg(tags.join(QStringLiteral(", ")),
                            QDir(outDir).filePath(QStringLiteral("parameters_used.csv"))));
    }
}

/// The ledger (docs/carbon-project.md, "Ledger check"): its figures and every failed check.
void printLedger(const carbon::CarbonProjectRun& run, const QString& outDir, bool quiet) {
    const carbon::LedgerCheck& check = run.ledgerCheck;
    if (run.ledger && !quiet)
        printInfo(CarbonProjectCommand::tr("ledger: union of the parcel layers %1 ha, the layers summed "
                                           "%2 ha; overlaps removed in %3 s (precedence %4, overlaps.csv)")
                    .arg(run.ledger->unionHa, 0, 'f', 2)
                    .arg(run.ledger->summedHa, 0, 'f', 2)
                    .arg(run.ledger->seconds, 0, 'f', 2)
                    .arg(run.ledger->order.join(QStringLiteral(", "))));
    if (run.ledger && run.ledger->partResults > 0 && !quiet)
        printInfo(CarbonProjectCommand::tr("ledger: %1 result(s) of partly overlapped parcels count "
                                           "the carbon of their accounted part, computed from its own "
                                           "coverage (accounted_rule in parcels.csv)")
                    .arg(run.ledger->partResults));
    int shownFailures = 0;
    for (const carbon::LedgerCheckRow& row : check.rows)
        if (!row.passed && ++shownFailures <= kListedNotComputed)
            printError(row.message());
    const QString checkFile = QDir(outDir).filePath(QStringLiteral("ledger_check.csv"));
    if (check.failures() > 0)
        printError(
          CarbonProjectCommand::tr("the ledger check failed: %1 of %2 check(s); each is listed in %3")
            .arg(check.failures())
            .arg(check.rows.size())
            .arg(checkFile));
    else if (!quiet)
        printInfo(CarbonProjectCommand::tr("ledger check: all %1 check(s) passed (%2)")
                    .arg(check.rows.size())
                    .arg(checkFile));
}

/// What the run computed: methods, stocks and changes (with their intervals), the valuation, the
/// totals by ecosystem type and the files written.
void printRunSummary(const carbon::CarbonProjectRun& run,
                     const gis::StagedOutput& staged,
                     const QStringList& exported,
                     const QElapsedTimer& timer) {
    const carbon::ResultTotals all = carbon::totalOf(run.results());
    for (const auto& [method, count] : run.parcelsPerMethod)
        printInfo(CarbonProjectCommand::tr("method %1: %2 parcel(s)").arg(method).arg(count));
    for (const auto& s : all.stocks)
        printInfo(CarbonProjectCommand::tr("stock %1: %2 t C in %3 parcel(s) (%4 ha)")
                    .arg(s.year)
                    .arg(s.totalT, 0, 'f', 3)
                    .arg(s.parcels)
                    .arg(s.areaHa, 0, 'f', 3));
    // Per-date totals over different sets of parcels do not compare: say so, and give the
    // like-for-like series (summary.csv: c_total_t_<year>_all_dates).
    const carbon::CommonStockTotals common = carbon::commonStockTotals(run.results());
    if (common.perDateTotalsDiffer()) {
        QStringList counts, series;
        for (std::size_t i = 0; i < common.years.size(); ++i) {
            counts << QStringLiteral("%1: %2").arg(common.years[i]).arg(common.parcelsPerDate[i]);
            series
              << CarbonProjectCommand::tr("%1: %2 t C").arg(common.years[i]).arg(common.totalT[i], 0, 'f', 3);
        }
        printWarning(
          CarbonProjectCommand::tr("the stocks per date cover different parcels (%1): a primary method "
                                   "gives some parcels a stock at some dates only (e.g. the volume method "
                                   "at the inventory year), so do not compare them across dates. Like for "
                                   "like, over the %2 parcel(s) (%3 ha) with a stock at every date: %4 "
                                   "(c_total_t_<year>_all_dates in summary.csv)")
            .arg(counts.join(QStringLiteral(", ")))
            .arg(common.parcels)
            .arg(common.areaHa, 0, 'f', 3)
            .arg(series.join(QStringLiteral(", "))));
    }
    for (const auto& ch : all.changes)
        printInfo(CarbonProjectCommand::tr("change %1-%2: %3 t C = %4 t CO2e in %5 parcel(s)")
                    .arg(ch.year1)
                    .arg(ch.year2)
                    .arg(ch.changeT, 0, 'f', 3)
                    .arg(ch.co2eT(), 0, 'f', 3)
                    .arg(ch.parcels));
    if (run.uncertainty) {
        const carbon::ResultTotals& t = run.uncertainty->total;
        printInfo(CarbonProjectCommand::tr("uncertainty: %1 Monte Carlo iterations, seed %2; bounds "
                                           "for the methods %3")
                    .arg(run.uncertainty->settings.iterations)
                    .arg(run.uncertainty->settings.seed)
                    .arg(run.uncertainty->methodsWithBounds.join(QStringLiteral(", "))));
        for (const auto& s : t.stocks)
            if (s.bounds)
                printInfo(CarbonProjectCommand::tr("stock %1: 95 % interval %2 to %3 t C")
                            .arg(s.year)
                            .arg(s.bounds->p2_5, 0, 'f', 3)
                            .arg(s.bounds->p97_5, 0, 'f', 3));
        for (const auto& ch : t.changes)
            if (ch.bounds)
                printInfo(CarbonProjectCommand::tr("change %1-%2: 95 % interval %3 to %4 t C")
                            .arg(ch.year1)
                            .arg(ch.year2)
                            .arg(ch.bounds->p2_5, 0, 'f', 3)
                            .arg(ch.bounds->p97_5, 0, 'f', 3));
        if (!t.boundsNote.isEmpty())
            printInfo(t.boundsNote);
    }
    if (run.npv)
        printInfo(CarbonProjectCommand::tr("npv %1-%2: %3 (K = %4 per t C)")
                    .arg(run.npvYear1)
                    .arg(run.npvYear2)
                    .arg(*run.npv, 0, 'f', 2)
                    .arg(*run.valuationConstant, 0, 'g', 12));
    for (const carbon::ResultTotals& t : carbon::totalsBy(run.results(), carbon::TotalsKey::EcosystemType)) {
        QStringList stocks;
        for (const auto& s : t.stocks)
            stocks << QStringLiteral("%1: %2 t C").arg(s.year).arg(s.totalT, 0, 'f', 1);
        printInfo(CarbonProjectCommand::tr("ecosystem type %1: %2 parcel(s), %3 ha; %4")
                    .arg(t.key)
                    .arg(t.parcels)
                    .arg(t.areaHa, 0, 'f', 2)
                    .arg(stocks.join(QStringLiteral(", "))));
    }
    for (const QString& f : run.files + exported)
        printInfo(CarbonProjectCommand::tr("wrote %1").arg(staged.finalPath(f)));
    printInfo(CarbonProjectCommand::tr("%1 parcel(s), %2 not computed, in %3 s")
                .arg(all.parcels)
                .arg(all.notComputed)
                .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2));
}

} // namespace

bool isCarbonProjectRun(const QStringList& arguments) {
    return std::any_of(arguments.begin(), arguments.end(), [](const QString& a) {
        return a == QLatin1String("--project") || a.startsWith(QLatin1String("--project="));
    });
}

int runCarbonProjectCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(helpText());
    parser.addHelpOption();
    const QCommandLineOption projectOpt(QStringLiteral("project"),
                                        CarbonProjectCommand::tr("Project file (project.tanhui.json)."),
                                        CarbonProjectCommand::tr("FILE"));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"),
                                      CarbonProjectCommand::tr("No progress bar and no summary."));
    // --out, --threads and the Monte Carlo options: the declared inputs of "carbon_project"
    // (models/analysis/DeclarationsCarbon.cpp).
    const analysis::AnalysisSpec& spec = *analysis::findAnalysis(QStringLiteral("carbon_project"));
    parser.addOption(projectOpt);
    analysis::addCliOptions(parser, spec);
    parser.addOption(quietOpt);
    parser.addOptions(exportOptions()); // --xlsx, --csv-bom (issue 14)
    if (const auto stop =
          parseCommandLine(parser, arguments, QStringLiteral("carbon --project"), { projectOpt }))
        return *stop;
    // The values given, checked against their declarations (every problem at once, naming the option;
    // the project's values are checked by validateCarbonProject, naming the file and key).
    params::Issues issues;
    analysis::ParameterValues flags = analysis::parseCli(parser, spec, {}, issues);
    analysis::ParameterValues checked = flags;
    checked.insert(QStringLiteral("uncertainty"), true); // check the Monte Carlo values whenever given
    const params::Issues valueIssues = analysis::validate(spec, checked, nullptr);
    issues.insert(issues.end(), valueIssues.begin(), valueIssues.end());
    printIssues(issues);
    if (params::hasErrors(issues))
        return ExitUsage;
    const int threads = flags.value(QStringLiteral("threads"), 0).toInt();
    const QString projectFile = parser.value(projectOpt);
    if (!requireInputFile(projectFile))
        return ExitUsage;
    const QString outDir = parser.isSet(QStringLiteral("out"))
                             ? parser.value(QStringLiteral("out"))
                             : QFileInfo(projectFile).absoluteDir().filePath(QStringLiteral("carbon"));
    if (!prepareOutputFolder(outDir))
        return ExitUsage;
    const bool quiet = parser.isSet(quietOpt);
    auto feedback = makeTerminalFeedback(quiet);
    QElapsedTimer timer;
    timer.start();
    try {
        gis::StagedOutput staged(outDir); // outputs appear in outDir only when complete
        models::Project project = models::Project::load(projectFile);
        models::ProjectCarbonUncertainty& mc = project.carbon.uncertainty;
        if (!mc.present && !parser.isSet(QStringLiteral("uncertainty")))
            for (const char* name : { "iterations", "seed", "default-uncertainty" })
                if (parser.isSet(QString::fromLatin1(name))) {
                    printError(CarbonProjectCommand::tr("--%1 needs --uncertainty or \"uncertainty\" in "
                                                        "the carbon section of %2")
                                 .arg(QString::fromLatin1(name), projectFile));
                    return ExitUsage;
                }
        if (!flags.contains(QStringLiteral("uncertainty")))
            flags.insert(QStringLiteral("uncertainty"), mc.present);
        analysis::applyCarbonUncertainty(flags, project); // the flags override the project's values
        carbon::CarbonProjectOptions options;
        options.outDir = staged.path().toStdString();
        options.threads = threads;
        options.feedback = feedback.get();
        const carbon::CarbonProjectRun run = carbon::runCarbonProject(project, options);
        finishProgressLine();
        printIssues(run.issues);
        if (run.stopped)
            return ExitFailure;
        QStringList exported;
        writeResultExports(run.resultSet, staged.path(), readExportRequest(parser), exported, feedback.get());
        staged.commit();

        printNotComputedAndFlagged(run, outDir);
        printLedger(run, outDir, quiet);
        if (!quiet)
            printRunSummary(run, staged, exported, timer);
        return run.ledgerCheck.passed() ? ExitOk : ExitFailure;
    } catch (...) {
        return reportFailure(outputsUnchangedMessage(outDir));
    }
}

} // namespace tanhui::cli
