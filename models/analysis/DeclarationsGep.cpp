// SPDX-License-Identifier: GPL-3.0-or-later
// The declared inputs of GEP (`tanhui-cli gep`, gep-methods.md, docs/gep.md) and how they become the
// run's settings (gep::GepSettings).
#include "models/analysis/Declarations.h"
#include "models/analysis/ProjectKeys.h"
#include "models/gep/GepTables.h"
#include "models/project/Project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace tanhui::models::analysis {

namespace {

QString text(const ParameterValues& v, const char* id) {
    return v.value(QString::fromLatin1(id)).toString();
}

std::optional<double> numberOf(const ParameterValues& v, const char* id) {
    const QVariant x = v.value(QString::fromLatin1(id));
    return x.isValid() && !x.toString().isEmpty() ? std::optional<double>(x.toDouble()) : std::nullopt;
}

AnalysisOutcome runGep(const Project& project, const ParameterValues& values, gis::Feedback* feedback) {
    const AnalysisSpec& spec = *findAnalysis(QStringLiteral("gep"));
    // Inputs whose value is not the project's (or, without one there, not the default) count as set
    // for this run, as flags do on the command line.
    QSet<QString> changed;
    const ParameterValues base = defaultValues(spec, &project);
    for (const InputSpec& in : spec.inputs)
        if (values.contains(in.id) && valueText(in, values.value(in.id)) != valueText(in, base.value(in.id)))
            changed.insert(in.id);
    const gep::GepSettings settings = gepSettings(spec, project, values, changed);
    AnalysisOutcome outcome;
    gep::GepPlan plan = gep::prepareGepModel(project, settings);
    outcome.issues = plan.notes;
    outcome.issues.insert(outcome.issues.end(), plan.issues.begin(), plan.issues.end());
    for (const QString& w : plan.warnings)
        outcome.issues.push_back({ params::Issue::Severity::Warning, {}, 0, {}, w });
    if (params::hasErrors(outcome.issues)) {
        outcome.stopped = true;
        return outcome;
    }
    gep::completeGepInputs(plan, project, settings);
    gep::GepOptions options;
    const QString out = text(values, "out");
    outcome.outDir = project.resolve(out);
    options.outDir = outcome.outDir; // written through a gis::StagedOutput: complete or unchanged
    options.feedback = feedback;
    gep::GepRun run = gep::runGepProject(project, plan.inputs, options);
    for (const QString& f : run.results.files)
        outcome.files << QDir(outcome.outDir).filePath(f);
    outcome.resultSet = std::move(run.results);
    return outcome;
}

InputSpec number(const char* id,
                 const char* paramId,
                 const char* label,
                 const char* help,
                 const char* unit,
                 const char* key) {
    InputSpec in;
    in.id = QString::fromLatin1(id);
    in.kind = InputKind::Number;
    in.label = label;
    in.help = help;
    in.unit = QString::fromUtf8(unit);
    in.scalar = &gep::runParameter(paramId);
    in.min = in.scalar->min;
    in.max = in.scalar->max;
    in.usualMin = in.scalar->usualMin;
    in.usualMax = in.scalar->usualMax;
    if (in.scalar->defaultValue)
        in.defaultValue = *in.scalar->defaultValue;
    in.source = QString::fromUtf8(in.scalar->source);
    in.tag = in.scalar->tag;
    in.projectKey = QString::fromLatin1(key);
    return in;
}

InputSpec table(const char* id, const char* role, const char* label, const char* help) {
    InputSpec in;
    in.id = QString::fromLatin1(id);
    in.kind = InputKind::ParameterTable;
    in.label = label;
    in.help = help;
    in.tableRole = QString::fromLatin1(role);
    in.fileFilter = QStringLiteral("CSV (*.csv)");
    in.cliValueName = QStringLiteral("CSV");
    in.tag = params::Tag::User;
    return in;
}

} // namespace

AnalysisSpec gepAnalysis() {
    AnalysisSpec a;
    a.id = QStringLiteral("gep");
    a.label = QT_TRANSLATE_NOOP("Analysis", "Gross ecosystem product (GEP)");
    a.description = QT_TRANSLATE_NOOP(
      "Analysis",
      "GEP per parcel (gep-methods.md): physical quantity, value, price and source of every indicator of "
      "the accounting profile; GEP = material + regulating + cultural services. With a scenario project, "
      "also the scenario's GEP minus the baseline's.");
    std::vector<InputSpec>& v = a.inputs;

    v.push_back(outputFolderInput(
      QT_TRANSLATE_NOOP("Analysis", "Output folder."), QString(), QStringLiteral("docs/gep.md"), true));

    InputSpec profile;
    profile.id = QStringLiteral("profile");
    profile.kind = InputKind::Choice;
    profile.label = QT_TRANSLATE_NOOP("Analysis", "Accounting profile");
    profile.help = QT_TRANSLATE_NOOP("Analysis", "Accounting profile: the indicator set and its variants.");
    profile.choices = {
        { QStringLiteral("RCEES_LEGACY"), QT_TRANSLATE_NOOP("Analysis", "RCEES / Ouyang (S1 set)") },
        { QStringLiteral("NDRC2022"), QT_TRANSLATE_NOOP("Analysis", "NDRC/NBS specification 2022") }
    };
    profile.defaultValue = QStringLiteral("RCEES_LEGACY");
    profile.cliValueName = QStringLiteral("NAME");
    profile.source = QStringLiteral("gep-methods.md §3");
    profile.tag = params::Tag::Verified;
    profile.projectKey = QStringLiteral("gep.profile");
    v.push_back(profile);

    InputSpec priceSet;
    priceSet.id = QStringLiteral("price_set");
    priceSet.kind = InputKind::Choice;
    priceSet.label = QT_TRANSLATE_NOOP("Analysis", "Price set");
    priceSet.help =
      QT_TRANSLATE_NOOP("Analysis",
                        "Price set; P0_CPI2020 and P0_CPI2024 are P0 adjusted by the shipped CPI table at "
                        "run time (flagged unconfirmed).");
    for (const QString& id : gep::priceProfileIds())
        priceSet.choices.push_back({ id, "" });
    priceSet.defaultValue = QStringLiteral("P0_RCEES2010");
    priceSet.cliValueName = QStringLiteral("ID");
    priceSet.source = QStringLiteral("gep-methods.md §5");
    priceSet.tag = params::Tag::Verified;
    priceSet.projectKey = QStringLiteral("gep.price_set");
    v.push_back(priceSet);

    InputSpec year;
    year.id = QStringLiteral("price_year");
    year.kind = InputKind::Integer;
    year.label = QT_TRANSLATE_NOOP("Analysis", "Price year");
    year.help =
      QT_TRANSLATE_NOOP("Analysis",
                        "Adjust every price to this year with the price index; outputs give the value at "
                        "this year's prices and at the base-year prices.");
    year.unit = QStringLiteral("a");
    year.scalar = &gep::runParameter("price-year");
    year.min = year.scalar->min;
    year.max = year.scalar->max;
    year.cliValueName = QStringLiteral("YEAR");
    year.source = QStringLiteral("gep-methods.md §5.3");
    year.tag = params::Tag::User;
    year.requiredIf = Condition{ QStringLiteral("deflators"), {} };
    year.projectKey = QStringLiteral("gep.price_year");
    v.push_back(year);

    InputSpec defl =
      table("deflators",
            "gep_deflators",
            QT_TRANSLATE_NOOP("Analysis", "Price index table"),
            QT_TRANSLATE_NOOP("Analysis",
                              "Price index table for the price year (year; cpi, construction, market "
                              "as levels or *_yoy with previous year = 100; source, tag). Default: "
                              "the shipped NBS CPI table (unconfirmed)."));
    defl.source = QStringLiteral("gep-methods.md §5.3");
    defl.projectKey = QStringLiteral("gep.deflators");
    defl.advanced = true;
    v.push_back(defl);

    InputSpec fallback;
    fallback.id = QStringLiteral("index_fallback");
    fallback.kind = InputKind::Choice;
    fallback.label = QT_TRANSLATE_NOOP("Analysis", "Fallback index series");
    fallback.help =
      QT_TRANSLATE_NOOP("Analysis",
                        "Index series for prices whose series the index table lacks; such prices are "
                        "flagged unconfirmed. Without it a missing series is an error.");
    fallback.choices = { { QStringLiteral("cpi"), QT_TRANSLATE_NOOP("Analysis", "consumer prices") },
                         { QStringLiteral("construction"),
                           QT_TRANSLATE_NOOP("Analysis", "construction costs") },
                         { QStringLiteral("market"), QT_TRANSLATE_NOOP("Analysis", "market prices") } };
    fallback.cliValueName = QStringLiteral("SERIES");
    fallback.source = QStringLiteral("gep-methods.md §5.3");
    fallback.projectKey = QStringLiteral("gep.index_fallback");
    fallback.advanced = true;
    v.push_back(fallback);

    InputSpec climate;
    climate.id = QStringLiteral("climate_variant");
    climate.kind = InputKind::Choice;
    climate.label = QT_TRANSLATE_NOOP("Analysis", "Water-surface climate regulation");
    climate.help =
      QT_TRANSLATE_NOOP("Analysis",
                        "s1: S1's form, cooling not divided by the COP; cop: cooling divided by the COP "
                        "(later specifications). Default: the profile's.");
    climate.choices = { { QStringLiteral("s1"), QT_TRANSLATE_NOOP("Analysis", "S1 (cooling not ÷ COP)") },
                        { QStringLiteral("cop"), QT_TRANSLATE_NOOP("Analysis", "cooling ÷ COP") } };
    climate.cliValueName = QStringLiteral("s1|cop");
    climate.source = QStringLiteral("gep-methods.md §4.10");
    climate.tag = params::Tag::Secondary;
    climate.projectKey = QStringLiteral("gep.climate_variant");
    v.push_back(climate);

    InputSpec days =
      number("ac_days",
             "ac-days",
             QT_TRANSLATE_NOOP("Analysis", "Days with air conditioning"),
             QT_TRANSLATE_NOOP("Analysis",
                               "Days with air conditioning D (no default; climate regulation is "
                               "skipped without it)."),
             "d",
             "gep.ac_days");
    days.cliValueName = QStringLiteral("N");
    v.push_back(days);
    InputSpec slope =
      number("slope_length",
             "slope-length",
             QT_TRANSLATE_NOOP("Analysis", "RUSLE slope length"),
             QT_TRANSLATE_NOOP("Analysis",
                               "Uniform slope length λ for the RUSLE L factor (22.13 m gives L = 1; at "
                               "most 122 m are used, InVEST's L_max)."),
             "m",
             "gep.slope_length_m");
    slope.cliValueName = QStringLiteral("M");
    v.push_back(slope);
    InputSpec cost =
      number("seawall_cost",
             "seawall-cost",
             QT_TRANSLATE_NOOP("Analysis", "Sea-wall cost"),
             QT_TRANSLATE_NOOP("Analysis", "Sea-wall construction cost (no verified default)."),
             "CNY/m",
             "gep.seawall_cost_cny_per_m");
    cost.cliValueName = QStringLiteral("CNY");
    cost.advanced = true;
    v.push_back(cost);
    InputSpec life = number("seawall_life",
                            "seawall-life",
                            QT_TRANSLATE_NOOP("Analysis", "Sea-wall design life"),
                            QT_TRANSLATE_NOOP("Analysis", "Sea-wall design life."),
                            "a",
                            "gep.seawall_life_years");
    life.cliValueName = QStringLiteral("YEARS");
    life.advanced = true;
    v.push_back(life);

    InputSpec layers;
    layers.id = QStringLiteral("layers");
    layers.kind = InputKind::LayerList;
    layers.label = QT_TRANSLATE_NOOP("Analysis", "Parcel layers");
    layers.help =
      QT_TRANSLATE_NOOP("Analysis", "Parcel layers to value (comma-separated ids; default: all).");
    layers.layerRoles = { QStringLiteral("forest_subcompartments"),
                          QStringLiteral("farmland_plots"),
                          QStringLiteral("wetland_units"),
                          QStringLiteral("restoration_plots") };
    v.push_back(layers);

    InputSpec carbonResults;
    carbonResults.id = QStringLiteral("carbon_results");
    carbonResults.kind = InputKind::File;
    carbonResults.label = QT_TRANSLATE_NOOP("Analysis", "Carbon results");
    carbonResults.help = QT_TRANSLATE_NOOP(
      "Analysis",
      "Output folder of the carbon project run (its resultset.json; default: carbon/ next to the project "
      "file, when it exists); its parcels table is joined by layer and source_fid. 'none' ignores it.");
    carbonResults.noneValue = QStringLiteral("none");
    carbonResults.cliValueName = QStringLiteral("DIR");
    carbonResults.source = QStringLiteral("gep-methods.md §4.8");
    v.push_back(carbonResults);

    InputSpec carbon;
    carbon.id = QStringLiteral("carbon");
    carbon.kind = InputKind::File;
    carbon.multiple = true;
    carbon.label = QT_TRANSLATE_NOOP("Analysis", "Carbon table of a layer");
    carbon.help =
      QT_TRANSLATE_NOOP("Analysis",
                        "LAYER=parcels.csv written by tanhui-cli carbon --parcels (repeatable); for "
                        "layers the carbon results lack.");
    carbon.cliValueName = QStringLiteral("LAYER=CSV");
    carbon.advanced = true;
    v.push_back(carbon);

    v.push_back(
      table("prices",
            "gep_prices",
            QT_TRANSLATE_NOOP("Analysis", "User prices"),
            QT_TRANSLATE_NOOP("Analysis",
                              "User price CSV over the price set (key, value, unit, basis, price_year, "
                              "source; every row needs a source).")));
    v.push_back(
      table("ecosystems",
            "gep_ecosystems",
            QT_TRANSLATE_NOOP("Analysis", "Ecosystem coefficients"),
            QT_TRANSLATE_NOOP("Analysis",
                              "Ecosystem coefficients CSV whose rows replace the default rows with the "
                              "same lucode (e.g. water-purification capacities, which have no default).")));
    v.push_back(table("parcel_inputs",
                      "gep_parcel_inputs",
                      QT_TRANSLATE_NOOP("Analysis", "Per-parcel attributes"),
                      QT_TRANSLATE_NOOP("Analysis",
                                        "Per-parcel attributes CSV: parcel (<layer>:<id>), visits, "
                                        "spend_per_visit_cny, shoreline_m, reservoir_capacity_m3, source.")));
    v.push_back(
      table("products",
            "gep_products",
            QT_TRANSLATE_NOOP("Analysis", "Material products"),
            QT_TRANSLATE_NOOP("Analysis",
                              "Material products CSV: product, lucode, yield_t_per_ha, price_key (a key "
                              "of the price table, per t), source.")));

    InputSpec scenario;
    scenario.id = QStringLiteral("scenario");
    scenario.kind = InputKind::File;
    scenario.label = QT_TRANSLATE_NOOP("Analysis", "Scenario project");
    scenario.help =
      QT_TRANSLATE_NOOP("Analysis",
                        "A scenario project (e.g. a restoration plan): its GEP minus the baseline's, "
                        "per parcel and in total.");
    scenario.fileFilter = QStringLiteral("Tanhui project (*.tanhui.json)");
    v.push_back(scenario);

    a.run = runGep;
    return a;
}

gep::GepSettings gepSettings(const AnalysisSpec& spec,
                             const Project& project,
                             const ParameterValues& values,
                             const QSet<QString>& fromFlags) {
    gep::GepSettings s;
    auto path = [&](const char* id) {
        const QString p = text(values, id);
        if (p.isEmpty() || fromFlags.contains(QString::fromLatin1(id)) || QFileInfo(p).isAbsolute())
            return p;
        return project.resolve(p);
    };
    s.projectFile = QFileInfo(project.fileName()).absoluteFilePath();
    if (!text(values, "profile").isEmpty())
        s.profile = text(values, "profile");
    if (!text(values, "price_set").isEmpty())
        s.priceSet = text(values, "price_set");
    s.climateVariant = text(values, "climate_variant");
    s.acDays = numberOf(values, "ac_days");
    s.seawallCost = numberOf(values, "seawall_cost");
    s.seawallLife = numberOf(values, "seawall_life");
    if (const auto y = numberOf(values, "price_year"))
        s.priceYear = int(*y);
    s.slopeLengthM = numberOf(values, "slope_length").value_or(22.13);
    s.deflators = path("deflators");
    s.indexFallback = text(values, "index_fallback");
    s.prices = path("prices");
    s.parcelInputs = path("parcel_inputs");
    s.products = path("products");
    s.ecosystems = path("ecosystems");
    s.layerIds = values.value(QStringLiteral("layers")).toStringList();
    for (const QString& c : values.value(QStringLiteral("carbon")).toStringList()) {
        const int eq = c.indexOf(QLatin1Char('='));
        if (eq > 0)
            s.carbonTables[c.left(eq)] = c.mid(eq + 1);
    }
    s.carbonResults = text(values, "carbon_results") == QLatin1String("none") ? QStringLiteral("none")
                                                                              : path("carbon_results");
    s.scenarioFile = path("scenario");
    // Where the account's settings came from (run_settings.csv settings_origin): flags, else the project.
    QStringList flags, fromProject;
    for (const InputSpec& in : spec.inputs) {
        if (in.projectKey.isEmpty())
            continue;
        if (fromFlags.contains(in.id))
            flags << QStringLiteral("--") + in.optionName();
        else if (projectValue(project, in.projectKey).isValid())
            fromProject << in.projectKey;
    }
    QStringList o;
    if (!fromProject.isEmpty())
        o << QCoreApplication::translate("GepCommand", "project: %1")
               .arg(fromProject.join(QStringLiteral(", ")));
    if (!flags.isEmpty())
        o << QCoreApplication::translate("GepCommand", "flags: %1").arg(flags.join(QStringLiteral(", ")));
    s.origin =
      o.isEmpty() ? QCoreApplication::translate("GepCommand", "defaults") : o.join(QStringLiteral("; "));
    return s;
}

} // namespace tanhui::models::analysis
