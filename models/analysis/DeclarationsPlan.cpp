// SPDX-License-Identifier: GPL-3.0-or-later
// The declared inputs of a restoration plan's run (`tanhui-cli plan`, docs/carbon-project.md
// "Restoration plans"; models/plans/PlanRun.h) and its run from them.
#include "models/analysis/Declarations.h"
#include "models/gep/GepProject.h"
#include "models/plans/PlanRun.h"
#include "models/project/Project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace tanhui::models::analysis {

namespace {

/// The baseline carbon result folder of a project: "carbon" next to the project file (the carbon
/// run's default output folder), when it holds a result set.
QString defaultCarbonResults(const Project& project) {
    const QString dir = project.resolve(QStringLiteral("carbon"));
    return QFileInfo::exists(QDir(dir).filePath(resultSetManifestName())) ? dir : QString();
}

AnalysisOutcome runPlanAnalysis(const Project& project,
                                const ParameterValues& values,
                                gis::Feedback* feedback) {
    AnalysisOutcome outcome;
    plans::PlanOptions options;
    outcome.outDir = project.resolve(values.value(QStringLiteral("out")).toString());
    options.outDir = outcome.outDir; // written through a gis::StagedOutput: complete or unchanged
    options.feedback = feedback;
    options.version = QCoreApplication::applicationVersion();
    // The project's carbon.uncertainty, as `tanhui-cli plan` without flags.
    options.uncertainty = carbon::uncertaintySettings(project);
    QString carbonDir = values.value(QStringLiteral("carbon_results")).toString();
    carbonDir = carbonDir == QLatin1String("none") ? QString()
                : carbonDir.isEmpty()              ? defaultCarbonResults(project)
                                                   : project.resolve(carbonDir);
    std::optional<gep::CarbonInput> baseline;
    if (!carbonDir.isEmpty()) {
        baseline = gep::readCarbonResultSet(carbonDir);
        options.baseline = &baseline->table;
        options.baselineOrigin = baseline->origin;
    }
    options.gep = values.value(QStringLiteral("gep")).toBool();
    plans::PlanRun run = plans::runPlan(project, values.value(QStringLiteral("plan")).toString(), options);
    outcome.issues = std::move(run.issues);
    if (run.stopped) {
        outcome.stopped = true;
        outcome.outDir.clear();
        return outcome;
    }
    for (const QString& f : run.results.files)
        outcome.files << QDir(outcome.outDir).filePath(f);
    outcome.resultSet = std::move(run.results);
    return outcome;
}

} // namespace

AnalysisSpec planAnalysis() {
    AnalysisSpec a;
    a.id = QStringLiteral("restoration_plan");
    a.label = QT_TRANSLATE_NOOP("Analysis", "Restoration plan against the baseline");
    a.description = QT_TRANSLATE_NOOP(
      "Analysis",
      "A restoration plan of the project: its parcels take the target ecosystem type from the start year "
      "on and are compared with the baseline at the plan's horizon year, per parcel and pool with 95 % "
      "bounds (docs/carbon-project.md \"Restoration plans\"); with GEP, the plan's GEP against the "
      "baseline's per parcel and service.");
    std::vector<InputSpec>& v = a.inputs;

    InputSpec plan;
    plan.id = QStringLiteral("plan");
    plan.kind = InputKind::Plan;
    plan.label = QT_TRANSLATE_NOOP("Analysis", "Plan");
    plan.help = QT_TRANSLATE_NOOP("Analysis", "Name of a plan of the project's \"plans\" section.");
    plan.required = true;
    plan.source = QStringLiteral("docs/carbon-project.md \"Restoration plans\"");
    v.push_back(plan);

    v.push_back(outputFolderInput(QT_TRANSLATE_NOOP("Analysis", "Output folder (created if missing)."),
                                  QString(),
                                  QStringLiteral("docs/carbon-project.md"),
                                  true));

    InputSpec carbonResults;
    carbonResults.id = QStringLiteral("carbon_results");
    carbonResults.kind = InputKind::File;
    carbonResults.label = QT_TRANSLATE_NOOP("Analysis", "Baseline carbon results");
    carbonResults.help = QT_TRANSLATE_NOOP(
      "Analysis",
      "Output folder of the baseline's carbon project run (default: carbon/ next to the project file, when "
      "it exists): the baseline type and stocks, and the carbon flux GEP values. 'none' ignores it.");
    carbonResults.noneValue = QStringLiteral("none");
    carbonResults.cliValueName = QStringLiteral("DIR");
    carbonResults.source = QStringLiteral("docs/carbon-project.md \"Restoration plans\"");
    v.push_back(carbonResults);

    InputSpec gepOn;
    gepOn.id = QStringLiteral("gep");
    gepOn.kind = InputKind::Boolean;
    gepOn.label = QT_TRANSLATE_NOOP("Analysis", "Value GEP too");
    gepOn.help = QT_TRANSLATE_NOOP("Analysis",
                                   "Also value the plan's GEP against the baseline's with the project's GEP "
                                   "account (needs the baseline carbon results).");
    gepOn.defaultValue = false;
    gepOn.source = QStringLiteral("gep-methods.md; docs/gep.md");
    gepOn.tag = params::Tag::Verified;
    v.push_back(gepOn);

    a.run = runPlanAnalysis;
    return a;
}

} // namespace tanhui::models::analysis
