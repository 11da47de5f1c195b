// SPDX-License-Identifier: GPL-3.0-or-later
// The declared inputs of the carbon project run (`tanhui-cli carbon --project`, docs/carbon-project.md).
#include "gis/StagedOutput.h"
#include "models/analysis/Declarations.h"
#include "models/carbon/CarbonProject.h"
#include "models/project/Project.h"
#include "models/uncertainty/CarbonMonteCarlo.h"
#include "models/uncertainty/UncertainParameters.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace tanhui::models::analysis {

namespace {

class CarbonMethodRun {
    Q_DECLARE_TR_FUNCTIONS(CarbonMethodRun)
};

/// Runs the carbon section of `p` into the output folder of `values` (default `defaultOut`, next to the
/// project) through a staging folder: the outputs appear only when complete.
AnalysisOutcome runCarbonStaged(Project p,
                                const ParameterValues& values,
                                const QString& defaultOut,
                                gis::Feedback* feedback) {
    applyCarbonUncertainty(values, p);
    AnalysisOutcome outcome;
    const QString out = values.value(QStringLiteral("out")).toString();
    outcome.outDir = p.resolve(out.isEmpty() ? defaultOut : out);
    gis::StagedOutput staged(outcome.outDir);
    carbon::CarbonProjectOptions options;
    options.outDir = staged.path().toStdString();
    options.threads = values.value(QStringLiteral("threads")).toInt();
    options.feedback = feedback;
    carbon::CarbonProjectRun run = carbon::runCarbonProject(p, options);
    outcome.issues = run.issues;
    outcome.stopped = run.stopped;
    if (run.stopped)
        return outcome;
    staged.commit();
    for (const QString& f : run.files)
        outcome.files << staged.finalPath(f);
    outcome.resultSet = std::move(run.resultSet);
    return outcome;
}

AnalysisOutcome runCarbon(const Project& project, const ParameterValues& values, gis::Feedback* feedback) {
    return runCarbonStaged(project, values, QStringLiteral("carbon"), feedback);
}

/// The inputs every carbon run shares: worker threads and the Monte Carlo settings (carbon.uncertainty).
std::vector<InputSpec> runInputs() {
    std::vector<InputSpec> v;
    const Condition mcOn{ QStringLiteral("uncertainty"), {} };
    v.push_back(threadsInput());

    InputSpec mc;
    mc.id = QStringLiteral("uncertainty");
    mc.kind = InputKind::Boolean;
    mc.label = QT_TRANSLATE_NOOP("Analysis", "Uncertainty");
    mc.help = QT_TRANSLATE_NOOP("Analysis",
                                "Uncertainty: Monte Carlo (IPCC Approach 2, 2.5/50/97.5 percentiles) and "
                                "Approach 1 per parcel and in total.");
    mc.defaultValue = false;
    mc.source = QStringLiteral("carbon-methods.md §6.2; docs/uncertainty.md");
    mc.tag = params::Tag::Verified;
    mc.projectKey = QStringLiteral("carbon.uncertainty");
    v.push_back(mc);

    InputSpec it;
    it.id = QStringLiteral("iterations");
    it.kind = InputKind::Integer;
    it.label = QT_TRANSLATE_NOOP("Analysis", "Monte Carlo iterations");
    it.help = QT_TRANSLATE_NOOP("Analysis", "Monte Carlo iterations.");
    it.defaultValue = uncertainty::kDefaultIterations;
    it.min = 1;
    it.max = 10000000;
    it.source = QStringLiteral("carbon-methods.md §6.2 (IPCC 2006 Vol. 1 Ch. 3)");
    it.tag = params::Tag::Secondary;
    it.enabledIf = mcOn;
    it.projectKey = QStringLiteral("carbon.uncertainty.iterations");
    v.push_back(it);

    InputSpec seed;
    seed.id = QStringLiteral("seed");
    seed.kind = InputKind::Integer;
    seed.label = QT_TRANSLATE_NOOP("Analysis", "Monte Carlo seed");
    seed.help = QT_TRANSLATE_NOOP(
      "Analysis", "Monte Carlo seed; the same seed gives the same numbers for any thread count.");
    seed.defaultValue = qlonglong(uncertainty::kDefaultSeed);
    seed.min = 0;
    seed.max = 9007199254740991.0; // 2^53 - 1: written exactly as a number
    seed.cliValueName = QStringLiteral("S");
    seed.source = QStringLiteral("docs/uncertainty.md");
    seed.tag = params::Tag::Verified;
    seed.enabledIf = mcOn;
    seed.projectKey = QStringLiteral("carbon.uncertainty.seed");
    seed.advanced = true;
    v.push_back(seed);

    InputSpec u;
    u.id = QStringLiteral("default_uncertainty");
    u.kind = InputKind::Number;
    u.label = QT_TRANSLATE_NOOP("Analysis", "Default uncertainty");
    u.help = QT_TRANSLATE_NOOP(
      "Analysis",
      "U (95 % half-width) for table values without uncertainty columns whose kind has no default of its "
      "own, e.g. 90 for the IPCC '±90 %' Tier 1 convention.");
    u.unit = QStringLiteral("%");
    u.scalar = &uncertainty::defaultUncertaintyParameter();
    u.min = u.scalar->min;
    u.max = u.scalar->max;
    u.usualMin = u.scalar->usualMin;
    u.usualMax = u.scalar->usualMax;
    u.cliValueName = QStringLiteral("PCT");
    u.source = QStringLiteral("carbon-methods.md §6.2 item 1");
    u.tag = params::Tag::Secondary;
    u.enabledIf = mcOn;
    u.projectKey = QStringLiteral("carbon.uncertainty.default_u_pct");
    v.push_back(u);

    return v;
}

/// The value the project's carbon section gives option `key`: that of the first method entry (by type)
/// that sets it; invalid when none does.
QVariant projectOption(const Project& project, const QString& key) {
    for (auto it = project.carbon.methods.cbegin(); it != project.carbon.methods.cend(); ++it)
        for (const ProjectCarbonMethod& e : it.value())
            if (e.options.contains(key))
                return e.options.value(key);
    return {};
}

/// One input per method option of the registry (carbon::carbonMethods(), MethodOption), shown for the
/// methods that take it; the project's value is the starting one.
std::vector<InputSpec> methodOptionInputs() {
    std::vector<InputSpec> v;
    for (const carbon::MethodInfo& m : carbon::carbonMethods())
        for (const carbon::MethodOption& o : m.options) {
            auto same = std::find_if(v.begin(), v.end(), [&](const InputSpec& in) { return in.id == o.key; });
            if (same != v.end()) {
                same->enabledIf->values << m.name;
                continue;
            }
            InputSpec in;
            in.id = o.key;
            in.label = o.label;
            in.help = o.help;
            in.source = o.source;
            in.tag = o.tag;
            in.defaultValue = o.defaultValue;
            if (o.number) {
                in.kind = InputKind::Number;
                in.scalar = o.number;
                // A fraction is shown by its range (0 to 1), not by the English word as a unit.
                if (qstrcmp(o.number->unit, "fraction") != 0)
                    in.unit = QString::fromUtf8(o.number->unit);
                in.min = o.number->min;
                in.max = o.number->max;
                in.defaultValue = o.defaultValue.toDouble();
            } else if (!o.choices.empty()) {
                in.kind = InputKind::Choice; // not required: absent, the method's default applies
                for (const auto& [value, label] : o.choices)
                    in.choices.push_back({ value, label });
            } else {
                in.kind = InputKind::Text;
                if (o.defaultValue.isEmpty())
                    in.defaultValue = QVariant();
            }
            in.enabledIf = Condition{ QStringLiteral("method"), { m.name } };
            in.hiddenWhenDisabled = true;
            // A project value written in another case ("Continuous", which the loader accepts) starts as
            // the choice it names.
            in.fromProject = [key = o.key, choices = in.choices](const Project& project) {
                QVariant v = projectOption(project, key);
                for (const ChoiceSpec& c : choices)
                    if (c.value.compare(v.toString().trimmed(), Qt::CaseInsensitive) == 0)
                        v = c.value;
                return v;
            };
            // Free text (forest_classes, climate_zone, soil_class) goes through the method's own check; a
            // choice or a number is checked by its kind (choices, scalar range), as the loader's check
            // would (tst_carbon_method_analysis::declaredOptionsPassTheMethodsCheck).
            if (in.kind == InputKind::Text) {
                const auto check = m.checkOption;
                in.check = [check, key = o.key](const QString& text) {
                    return check && !text.isEmpty() ? check(key, text) : QString();
                };
            }
            v.push_back(std::move(in));
        }
    return v;
}

/// The options of `method` as the run gives them: each option the method takes with its value in
/// `values` (given and not empty).
QMap<QString, QString> chosenOptions(const carbon::MethodInfo& method, const ParameterValues& values) {
    QMap<QString, QString> options;
    for (const carbon::MethodOption& o : method.options) {
        const QVariant v = values.value(o.key);
        if (!v.isValid())
            continue;
        const QString text =
          v.typeId() == QMetaType::Double ? QString::number(v.toDouble(), 'g', 15) : v.toString().trimmed();
        if (!text.isEmpty())
            options.insert(o.key, text);
    }
    return options;
}

/// One carbon method on one parcel layer (the project's carbon_method analysis): the project run itself
/// on a copy of the project whose carbon section keeps only that layer, with the method for every type
/// (with the options the project gives it), so a single method runs through the same
/// adapter, table layout and Monte Carlo wiring as the project run (issue 10, "One run path").
AnalysisOutcome runCarbonMethod(const Project& project,
                                const ParameterValues& values,
                                gis::Feedback* feedback) {
    Project p = project;
    const QString layerId = values.value(QStringLiteral("layer")).toString();
    const QString method = values.value(QStringLiteral("method")).toString();
    std::optional<ProjectCarbonLayer> settings;
    for (const ProjectCarbonLayer& l : carbon::carbonLayers(project))
        if (l.layer == layerId)
            settings = l;
    if (!settings)
        if (const ProjectLayer* layer = project.layer(layerId))
            settings = carbon::defaultCarbonLayer(*layer);
    if (!settings) {
        ProjectCarbonLayer l;
        l.layer = layerId;
        l.ecosystemType = QStringLiteral("parcel"); // every parcel one type: the method applies to all
        settings = l;
    }
    settings->methodField.clear(); // one method for every parcel
    // Every parcel gets the method with the options of the form; where the project's own entries of the
    // method differ, the run says so (they are what the project run uses for their types).
    ProjectCarbonMethod entry{ method, {} };
    params::Issues notes;
    if (const carbon::MethodInfo* info = carbon::findCarbonMethod(method)) {
        entry.options = chosenOptions(*info, values);
        for (auto it = project.carbon.methods.cbegin(); it != project.carbon.methods.cend(); ++it)
            for (const ProjectCarbonMethod& e : it.value()) {
                if (e.method != method)
                    continue;
                for (const carbon::MethodOption& o : info->options) {
                    const QString theirs = e.options.value(o.key, o.defaultValue);
                    const QString ours = entry.options.value(o.key, o.defaultValue);
                    if (theirs != ours)
                        notes.push_back({ params::Issue::Severity::Warning,
                                          project.fileName(),
                                          0,
                                          QStringLiteral("carbon.methods.%1").arg(it.key()),
                                          CarbonMethodRun::tr("the project gives %1 %2=%3; this run uses "
                                                              "%2=%4 for every parcel")
                                            .arg(it.key(), o.key, theirs, ours) });
                }
            }
    }
    p.carbon.present = true;
    p.carbon.layers = { *settings };
    p.carbon.methods = { { QStringLiteral("*"), { entry } } };
    p.carbon.precedence.clear();
    AnalysisOutcome outcome =
      runCarbonStaged(std::move(p), values, QStringLiteral("carbon_") + method, feedback);
    outcome.issues.insert(outcome.issues.begin(), notes.begin(), notes.end());
    return outcome;
}

} // namespace

InputSpec threadsInput() {
    InputSpec threads;
    threads.id = QStringLiteral("threads");
    threads.kind = InputKind::Integer;
    threads.label = QT_TRANSLATE_NOOP("Analysis", "Worker threads");
    threads.help =
      QT_TRANSLATE_NOOP("Analysis", "Worker threads (0: all cores); the results do not depend on it.");
    threads.defaultValue = 0;
    threads.min = 0;
    threads.max = 1024;
    threads.tag = params::Tag::Verified;
    threads.advanced = true;
    return threads;
}

InputSpec outputFolderInput(const char* help,
                            const QString& defaultFolder,
                            const QString& source,
                            bool required) {
    InputSpec folder;
    folder.id = QStringLiteral("out");
    folder.kind = InputKind::OutputFolder;
    folder.label = QT_TRANSLATE_NOOP("Analysis", "Output folder");
    folder.help = help;
    if (!defaultFolder.isEmpty())
        folder.defaultValue = defaultFolder; // relative to the project's folder, as the runs resolve it
    folder.required = required;
    folder.source = source;
    return folder;
}

void applyCarbonUncertainty(const ParameterValues& values, Project& project) {
    ProjectCarbonUncertainty& mc = project.carbon.uncertainty;
    if (values.contains(QStringLiteral("uncertainty")))
        mc.present = values.value(QStringLiteral("uncertainty")).toBool();
    // Only the values given: a value the project lacks stays absent (the run's default applies).
    for (const auto& [id, out] : { std::pair{ "iterations", &mc.iterations },
                                   std::pair{ "seed", &mc.seed },
                                   std::pair{ "default_uncertainty", &mc.defaultUPct } }) {
        const QVariant v = values.value(QString::fromLatin1(id));
        if (v.isValid() && !v.toString().isEmpty())
            *out = v.toDouble();
    }
}

AnalysisSpec carbonProjectAnalysis() {
    AnalysisSpec a;
    a.id = QStringLiteral("carbon_project");
    a.label = QT_TRANSLATE_NOOP("Analysis", "Carbon of the project's parcels");
    a.description = QT_TRANSLATE_NOOP(
      "Analysis",
      "Carbon of every parcel of the project, each with the method assigned to its ecosystem type in the "
      "project's carbon section (docs/carbon-project.md): stocks per date, changes, totals by ecosystem "
      "type, method and grouping, and with uncertainty Monte Carlo bounds.");

    a.inputs.push_back(outputFolderInput(
      QT_TRANSLATE_NOOP("Analysis",
                        "Output folder (created if missing; default: carbon next to the project)."),
      QStringLiteral("carbon"),
      QStringLiteral("docs/carbon-project.md"),
      false));

    for (InputSpec& in : runInputs())
        a.inputs.push_back(std::move(in));

    a.run = runCarbon;
    return a;
}

AnalysisSpec carbonMethodAnalysis() {
    AnalysisSpec a;
    a.id = QStringLiteral("carbon_method");
    a.label = QT_TRANSLATE_NOOP("Analysis", "One carbon method on a parcel layer");
    a.description = QT_TRANSLATE_NOOP(
      "Analysis",
      "One carbon method for every parcel of one layer (pools, volume, gain-loss, soil, blue carbon or NDVI "
      "regression), through the same run as the project's carbon: stocks per date, changes, totals, and with "
      "uncertainty Monte Carlo bounds. The method's options start from the project's and apply to every "
      "parcel; the parameter tables are the project's (docs/carbon-project.md).");

    InputSpec layer;
    layer.id = QStringLiteral("layer");
    layer.kind = InputKind::ParcelLayer;
    layer.label = QT_TRANSLATE_NOOP("Analysis", "Parcel layer");
    layer.help =
      QT_TRANSLATE_NOOP("Analysis",
                        "The parcels to compute; their ecosystem type as the project's carbon section "
                        "or the layer's role gives it.");
    layer.required = true;
    layer.source = QStringLiteral("docs/carbon-project.md");
    a.inputs.push_back(layer);

    InputSpec method;
    method.id = QStringLiteral("method");
    method.kind = InputKind::Choice;
    method.label = QT_TRANSLATE_NOOP("Analysis", "Method");
    method.help = QT_TRANSLATE_NOOP("Analysis", "The carbon method (carbon-methods.md).");
    method.choices = {
        { QStringLiteral("pools"),
          QT_TRANSLATE_NOOP("Analysis", "pools: land-cover classes × pool densities (§1)") },
        { QStringLiteral("volume"),
          QT_TRANSLATE_NOOP("Analysis", "volume: inventory volume → biomass (§5)") },
        { QStringLiteral("volume_gainloss"),
          QT_TRANSLATE_NOOP("Analysis",
                            "volume_gainloss: inventory volume, grown by its increment (§5, §3.2)") },
        { QStringLiteral("gainloss"), QT_TRANSLATE_NOOP("Analysis", "gainloss: growth minus losses (§3.2)") },
        { QStringLiteral("soil"),
          QT_TRANSLATE_NOOP("Analysis", "soil: cropland soil organic carbon (§3.3, §3.7)") },
        { QStringLiteral("bluecarbon"),
          QT_TRANSLATE_NOOP("Analysis", "bluecarbon: coastal blue carbon (§2, §4)") },
        { QStringLiteral("regression"), QT_TRANSLATE_NOOP("Analysis", "regression: NDVI → biomass (§6.1)") },
    };
    method.required = true;
    method.defaultValue = QStringLiteral("pools");
    method.source = QStringLiteral("carbon-methods.md");
    method.tag = params::Tag::Verified;
    a.inputs.push_back(method);

    for (InputSpec& in : methodOptionInputs())
        a.inputs.push_back(std::move(in));

    a.inputs.push_back(outputFolderInput(QT_TRANSLATE_NOOP("Analysis",
                                                           "Output folder (created if missing; default: "
                                                           "carbon_<method> next to the project)."),
                                         QString(),
                                         QStringLiteral("docs/carbon-project.md"),
                                         false));

    for (InputSpec& in : runInputs())
        a.inputs.push_back(std::move(in));
    a.run = runCarbonMethod;
    return a;
}

} // namespace tanhui::models::analysis
