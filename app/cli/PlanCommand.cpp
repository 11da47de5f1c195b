// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/PlanCommand.h"

#include "app/cli/CarbonUncertainty.h"
#include "app/cli/CliCommon.h"
#include "models/gep/GepProject.h"
#include "models/plans/PlanRun.h"
#include "models/project/Project.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

namespace tanhui::cli {

namespace {

struct PlanCommand {
    Q_DECLARE_TR_FUNCTIONS(PlanCommand)
};

} // namespace

int runPlanCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(PlanCommand::tr(
      "A restoration plan of the project (its \"plans\" section) against the baseline: the plan's\n"
      "parcels take the target ecosystem type from the start year on (mangrove: the restoration\n"
      "accrual of carbon-methods.md §4 with planting year = start year; forest types: a young planting\n"
      "growing at the Tier 1 rate of §3.2), compared with the baseline at the plan's horizon year\n"
      "(horizon_year, default the latest start year + 10). The baseline keeps its stock of the last\n"
      "carbon date (docs/carbon-project.md, \"Restoration plans\").\n"
      "Outputs in --out DIR: plan_parcels.csv (difference per parcel and pool, t C and t CO2e, with\n"
      "95 % bounds), plan_totals.csv (by pool and in total, bounds from per-iteration sums),\n"
      "plan_settings.csv and resultset.json.\n"
      "With --gep (needs --carbon-results): the plan's GEP against the baseline's, the project's GEP\n"
      "account valuing each planted parcel with the target type and the baseline's carbon flux plus the\n"
      "planting's mean accrual: plan_gep_parcels.csv (CNY/a per parcel and service, bounds) and\n"
      "plan_gep_services.csv (per service and in total, bounds from per-iteration sums)."));
    parser.addHelpOption();
    const QCommandLineOption projectOpt(QStringLiteral("project"),
                                        PlanCommand::tr("Project file (project.tanhui.json)."),
                                        PlanCommand::tr("FILE"));
    const QCommandLineOption planOpt(QStringLiteral("plan"),
                                     PlanCommand::tr("Name of a plan of the project's \"plans\" section."),
                                     PlanCommand::tr("NAME"));
    const QCommandLineOption outOpt(
      QStringLiteral("out"), PlanCommand::tr("Output folder (created if missing)."), PlanCommand::tr("DIR"));
    const QCommandLineOption carbonOpt(
      QStringLiteral("carbon-results"),
      PlanCommand::tr("The baseline's carbon result set (tanhui-cli carbon --project --out DIR): fills the "
                      "baseline type and the baseline and plan stocks."),
      PlanCommand::tr("DIR"));
    const QCommandLineOption gepOpt(
      QStringLiteral("gep"),
      PlanCommand::tr("Also value the plan's GEP against the baseline's (the project's gep section)."));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"),
                                      PlanCommand::tr("No progress bar and no summary."));
    parser.addOptions({ projectOpt, planOpt, outOpt, carbonOpt, gepOpt, quietOpt });
    parser.addOptions(uncertaintyOptions());
    if (const auto stop =
          parseCommandLine(parser, arguments, QStringLiteral("plan"), { projectOpt, planOpt, outOpt }))
        return *stop;
    UncertaintyRequest mcOverride;
    if (const int rc = parseUncertaintyValues(parser, mcOverride); rc != ExitOk)
        return rc;
    const QString projectFile = parser.value(projectOpt);
    if (!requireInputFile(projectFile))
        return ExitUsage;
    const QString outDir = parser.value(outOpt);
    if (!prepareOutputFolder(outDir))
        return ExitUsage;
    const bool quiet = parser.isSet(quietOpt);
    auto feedback = makeTerminalFeedback(quiet);
    try {
        const models::Project project = models::Project::load(projectFile);
        models::plans::PlanOptions options;
        options.outDir = outDir;
        options.feedback = feedback.get();
        options.version = QCoreApplication::applicationVersion();
        std::optional<models::carbon::UncertaintySettings> mc = models::carbon::uncertaintySettings(project);
        const bool mcFlags = parser.isSet(QStringLiteral("iterations")) ||
                             parser.isSet(QStringLiteral("seed")) ||
                             parser.isSet(QStringLiteral("default-uncertainty"));
        if (!mc && (parser.isSet(QStringLiteral("uncertainty")) || mcFlags))
            mc = models::carbon::UncertaintySettings{};
        if (mc) {
            if (parser.isSet(QStringLiteral("iterations")))
                mc->iterations = mcOverride.iterations;
            if (parser.isSet(QStringLiteral("seed")))
                mc->seed = mcOverride.seed;
            if (parser.isSet(QStringLiteral("default-uncertainty")))
                mc->defaultUPct = mcOverride.defaultPct;
        }
        options.uncertainty = mc;
        std::optional<models::gep::CarbonInput> baseline;
        if (parser.isSet(carbonOpt)) {
            baseline = models::gep::readCarbonResultSet(parser.value(carbonOpt));
            options.baseline = &baseline->table;
            options.baselineOrigin = baseline->origin;
        }
        options.gep = parser.isSet(gepOpt);
        const models::plans::PlanRun run = models::plans::runPlan(project, parser.value(planOpt), options);
        finishProgressLine();
        printIssues(run.issues);
        if (run.stopped)
            return ExitFailure;
        if (!quiet) {
            printInfo(PlanCommand::tr("plan %1: %2 parcel(s), horizon %3 (baseline kept from %4)")
                        .arg(run.plan)
                        .arg(run.parcels.size())
                        .arg(run.horizon)
                        .arg(run.lastCarbonYear));
            for (const auto& [pool, t] : run.totalByPoolT)
                printInfo(PlanCommand::tr("difference %1: %2 t C").arg(pool).arg(t, 0, 'f', 3));
            if (run.totalBounds)
                printInfo(PlanCommand::tr("difference total: %1 t C (95 % interval %2 to %3 t C)")
                            .arg(run.totalT, 0, 'f', 3)
                            .arg(run.totalBounds->p2_5, 0, 'f', 3)
                            .arg(run.totalBounds->p97_5, 0, 'f', 3));
            else
                printInfo(PlanCommand::tr("difference total: %1 t C (no bounds)").arg(run.totalT, 0, 'f', 3));
            if (run.gep) {
                printInfo(PlanCommand::tr("GEP (accounting year %1): baseline %2 CNY/a, plan %3 CNY/a")
                            .arg(run.gep->accountingYear)
                            .arg(run.gep->baselineTotalCny, 0, 'f', 2)
                            .arg(run.gep->baselineTotalCny + run.gep->diffTotalCny, 0, 'f', 2));
                for (const QString& s : run.gep->services)
                    if (const double d = run.gep->diffByServiceCny.at(s); d != 0)
                        printInfo(PlanCommand::tr("GEP difference %1: %2 CNY/a").arg(s).arg(d, 0, 'f', 2));
                if (run.gep->totalBounds)
                    printInfo(PlanCommand::tr("GEP difference total: %1 CNY/a (95 % interval %2 to %3 CNY/a)")
                                .arg(run.gep->diffTotalCny, 0, 'f', 2)
                                .arg(run.gep->totalBounds->p2_5, 0, 'f', 2)
                                .arg(run.gep->totalBounds->p97_5, 0, 'f', 2));
                else
                    printInfo(PlanCommand::tr("GEP difference total: %1 CNY/a (no bounds)")
                                .arg(run.gep->diffTotalCny, 0, 'f', 2));
            }
            for (const QString& f : run.results.files)
                printInfo(PlanCommand::tr("wrote %1").arg(QDir(outDir).filePath(f)));
        }
        return ExitOk;
    } catch (...) {
        return reportFailure(outputsUnchangedMessage(outDir));
    }
}

} // namespace tanhui::cli
