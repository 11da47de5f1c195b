// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/gep/GepSetup.h"

#include "gis/Errors.h"
#include "models/gep/GepTables.h"
#include "models/gep/Plausibility.h"
#include "models/gep/Units.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <set>

namespace tanhui::models::gep {

namespace {

/// The messages' translation context: the one of `tanhui-cli gep`, where they were written first.
struct GepCommand {
    Q_DECLARE_TR_FUNCTIONS(GepCommand)
};

using params::Issue;

void append(params::Issues& to, const params::Issues& from) {
    to.insert(to.end(), from.begin(), from.end());
}

QString yearsOf(const PriceSet& prices) {
    std::set<int> years;
    for (const auto& [key, p] : prices.all())
        if (p.priceYear > 0)
            years.insert(p.priceYear);
    QStringList out;
    for (int y : years)
        out << QString::number(y);
    return out.join(QLatin1Char(';'));
}

/// Loads the model's tables into `plan` (the project's copies where it lists them). Returns the
/// profile, or nothing after an error.
class ModelLoader {
public:
    ModelLoader(const Project& p, const GepSettings& s, GepPlan& plan)
      : project(p)
      , s(s)
      , plan(plan) {}
    std::optional<Profile> load();
    QString priceSet, indexUsed;
    std::vector<std::pair<QString, QString>> parameterFiles; ///< (role, path) of the tables read

private:
    QString tablePath(const QString& name, const QString& embedded);
    void loadUserTables(params::LoadedTable& ecoTable);
    bool adjustPrices();

    const Project& project;
    const GepSettings& s;
    GepPlan& plan;
    GepModel& model = plan.inputs.model;
    params::Issues& issues = plan.issues;
};

// Tables: the project's copy when the project lists it (Project::parameters, e.g. "gep/profiles"), else
// the embedded default.
QString ModelLoader::tablePath(const QString& name, const QString& embedded) {
    if (const ProjectParameterTable* t = project.parameterTable(name)) {
        const QString path = project.resolve(t->path);
        if (QFileInfo::exists(path)) {
            plan.tableOrigins << GepCommand::tr("%1 from the project (%2)").arg(name, path);
            parameterFiles.push_back({ name, path });
            return path;
        }
        plan.notes.push_back({ Issue::Severity::Warning,
                               {},
                               0,
                               {},
                               GepCommand::tr("the project lists the table %1 at %2, which does not exist; "
                                              "the embedded default is used")
                                 .arg(name, path) });
    }
    plan.tableOrigins << GepCommand::tr("%1 embedded default").arg(name);
    parameterFiles.push_back({ name, embedded });
    return embedded;
}

std::optional<Profile> ModelLoader::load() {
    priceSet = s.priceSet;
    if (!priceProfileIds().contains(priceSet)) {
        issues.push_back({ Issue::Severity::Error,
                           {},
                           0,
                           {},
                           GepCommand::tr("unknown --price-set '%1'; known: %2")
                             .arg(priceSet, priceProfileIds().join(QStringLiteral(", "))) });
        return std::nullopt;
    }
    const QString priceFile = tablePath(
      QStringLiteral("gep/") + QFileInfo(priceProfilePath(priceSet)).baseName(), priceProfilePath(priceSet));
    params::LoadedTable priceTable =
      params::loadTable(priceTableSpec(), priceFile, params::Provenance::Required);
    append(issues, priceTable.issues);
    model.prices = pricesFromTable(priceTable.table, issues);
    model.prices.file = priceFile;
    if (!s.prices.isEmpty())
        append(issues, overridePrices(model.prices, s.prices));
    params::LoadedTable profiles = params::loadTable(
      profileTableSpec(),
      tablePath(QStringLiteral("gep/profiles"), QStringLiteral(":/parameters/gep/profiles.csv")),
      params::Provenance::Required);
    append(issues, profiles.issues);
    std::optional<Profile> profile = profileFromTable(profiles.table, s.profile, issues);
    params::LoadedTable ecoTable =
      params::loadTable(ecosystemTableSpec(),
                        tablePath(QStringLiteral("gep/ecosystem_params"),
                                  QStringLiteral(":/parameters/gep/ecosystem_params.csv")),
                        params::Provenance::Required);
    append(issues, ecoTable.issues);
    params::LoadedTable constTable = params::loadTable(
      constantsTableSpec(),
      tablePath(QStringLiteral("gep/constants"), QStringLiteral(":/parameters/gep/constants.csv")),
      params::Provenance::Required);
    append(issues, constTable.issues);
    model.constants = constantsFromTable(constTable.table, issues);
    model.constants.acDays = s.acDays;
    if (s.seawallCost)
        model.constants.seawallYuanPerM = *s.seawallCost;
    if (s.seawallLife)
        model.constants.seawallLifeYears = *s.seawallLife;
    loadUserTables(ecoTable);
    model.ecosystems = ecosystemsFromTable(ecoTable.table);
    if (!adjustPrices() || params::hasErrors(issues) || !profile)
        return std::nullopt;
    return profile;
}

void ModelLoader::loadUserTables(params::LoadedTable& ecoTable) {
    if (!s.parcelInputs.isEmpty()) {
        params::LoadedTable t =
          params::loadTable(parcelInputSpec(), s.parcelInputs, params::Provenance::UserSupplied);
        append(issues, t.issues);
        model.parcelInputs = t.table;
    }
    if (!s.products.isEmpty()) {
        params::LoadedTable t =
          params::loadTable(productSpec(), s.products, params::Provenance::UserSupplied);
        append(issues, t.issues);
        model.products = t.table.rows();
        for (const params::TableRow& r : model.products) {
            const auto pk = r.text.find(QStringLiteral("price_key"));
            const QString key = pk == r.text.end() || pk->second.isEmpty() ? r.key : pk->second;
            if (!model.prices.find(key))
                issues.push_back(
                  { Issue::Severity::Error,
                    r.file,
                    r.line,
                    QStringLiteral("price_key"),
                    GepCommand::tr("no price '%1' in the price table; add it with --prices (value, "
                                   "unit, basis t, price_year, source)")
                      .arg(key) });
        }
    }
    if (!s.ecosystems.isEmpty()) {
        // User rows replace the default rows with the same land-cover code (tag "user").
        params::LoadedTable user =
          params::loadTable(ecosystemTableSpec(), s.ecosystems, params::Provenance::UserSupplied);
        append(issues, user.issues);
        ecoTable.table = params::overrideTable(ecoTable.table, user.table);
    }
}

// Price-year adjustment (§5.3): the price year with the shipped CPI table or the user's deflators, or a
// derived price set (P0_CPI2020, P0_CPI2024: every price by CPI, generated from the same shipped table).
bool ModelLoader::adjustPrices() {
    const bool hasDeflators = !s.deflators.isEmpty();
    int& targetYear = plan.targetYear;
    targetYear = derivedPriceYear(priceSet);
    const bool derivedSet = targetYear > 0;
    if (s.priceYear)
        targetYear = *s.priceYear;
    if (targetYear <= 0 || params::hasErrors(issues))
        return true;
    const QString indexFile =
      hasDeflators ? s.deflators : tablePath(QStringLiteral("gep/price_index"), priceIndexPath());
    params::LoadedTable defl =
      params::loadTable(deflatorTableSpec(),
                        indexFile,
                        hasDeflators ? params::Provenance::UserSupplied : params::Provenance::Required);
    append(issues, defl.issues);
    if (params::hasErrors(defl.issues))
        return true;
    const QString fallback =
      derivedSet && s.indexFallback.isEmpty() ? QStringLiteral("cpi") : s.indexFallback;
    indexUsed = fallback.isEmpty()
                  ? indexFile
                  : GepCommand::tr("%1 (series the table lacks: %2)").arg(indexFile, fallback);
    try {
        PriceSet adjusted;
        adjusted.file = model.prices.file;
        for (const auto& [key, p] : model.prices.all())
            adjusted.put(adjustPriceYear(p, targetYear, defl.table, fallback, derivedSet));
        model.basePrices = model.prices;
        model.prices = adjusted;
        model.prices.file += GepCommand::tr(" adjusted to %1 by %2").arg(targetYear).arg(indexFile);
    } catch (const UnitError& e) {
        issues.push_back({ Issue::Severity::Error, {}, 0, {}, QString::fromUtf8(e.what()) });
        return false;
    }
    return true;
}

} // namespace

GepPlan prepareGepModel(const Project& project, const GepSettings& s) {
    GepPlan plan;
    ModelLoader loader(project, s, plan);
    const std::optional<Profile> profile = loader.load();
    if (!profile)
        return plan;
    GepModel& model = plan.inputs.model;
    model.profile = *profile;
    if (!s.climateVariant.isEmpty())
        model.profile.waterCopDividesCooling = climateVariantFromId(s.climateVariant) == ClimateVariant::Cop;
    if (params::isFlagged(model.profile.tag))
        plan.warnings << GepCommand::tr("profile %1 is tagged %2: %3")
                           .arg(model.profile.id, params::tagName(model.profile.tag), model.profile.source);
    // What defines the account, named in every output.
    AccountSettings& account = plan.inputs.account;
    account.profile = model.profile.id;
    account.profileTag = params::tagName(model.profile.tag);
    account.priceSet = loader.priceSet;
    account.priceYears = yearsOf(model.prices);
    account.baseYears = model.basePrices ? yearsOf(*model.basePrices) : QString();
    account.priceIndex = loader.indexUsed.isEmpty() ? QStringLiteral("none") : loader.indexUsed;
    account.climateVariant = climateVariantId(model.profile.climateVariant());
    account.climateVariantText = climateVariantDescription(model.profile.climateVariant());
    account.acDays = s.acDays ? QString::number(*s.acDays) : QString();
    const LsFactor ls(s.slopeLengthM);
    account.slopeLength = QString::number(ls.slopeLengthM());
    if (ls.slopeLengthCapped())
        plan.warnings << GepCommand::tr(
                           "slope length %1 m is beyond the RUSLE L factor's range; %2 m (InVEST's "
                           "L_max, gep-methods.md §7.2) is used")
                           .arg(s.slopeLengthM)
                           .arg(LsFactor::kMaxSlopeLengthM);
    account.origin = s.origin;
    plan.inputs.slopeLengthM = s.slopeLengthM;
    plan.inputs.layerIds = s.layerIds;
    plan.inputs.projectFile = s.projectFile;
    std::vector<std::pair<QString, QString>> files = loader.parameterFiles;
    for (const auto& [path, role] : { std::pair{ &s.prices, "gep/prices (user)" },
                                      std::pair{ &s.parcelInputs, "gep/parcel_inputs" },
                                      std::pair{ &s.products, "gep/products" },
                                      std::pair{ &s.ecosystems, "gep/ecosystem_params (user)" } })
        if (!path->isEmpty())
            files.push_back({ QString::fromLatin1(role), *path });
    if (!s.deflators.isEmpty() && plan.targetYear > 0)
        files.push_back({ QStringLiteral("gep/price_index (user)"), s.deflators });
    for (const auto& [role, path] : files)
        plan.inputs.parameterInputs.push_back(
          analysis::describeInput(QFileInfo(path).absoluteFilePath(), QStringLiteral("table"), role));
    return plan;
}

void completeGepInputs(GepPlan& plan, const Project& project, const GepSettings& s) {
    GepInputs& in = plan.inputs;
    for (const auto& [layer, file] : s.carbonTables)
        in.carbonTables[layer] = { readCsvTable(file), file };
    // The carbon results folder, 'none', or the carbon project's default output (docs/carbon-project.md:
    // carbon/ next to the project file) when it exists.
    auto carbonOf = [&](const Project& p) -> std::optional<CarbonInput> {
        if (s.carbonResults == QLatin1String("none"))
            return std::nullopt;
        if (!s.carbonResults.isEmpty())
            return readCarbonResultSet(s.carbonResults);
        const QString dir = QDir(p.baseDir()).filePath(QStringLiteral("carbon"));
        if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("parcels.csv"))) ||
            QFileInfo::exists(QDir(dir).filePath(QStringLiteral("resultset.json"))))
            return readCarbonResultSet(dir);
        return std::nullopt;
    };
    QElapsedTimer timer;
    timer.start();
    in.carbonResults = carbonOf(project);
    plan.carbonReadSeconds = timer.nsecsElapsed() * 1e-9;
    if (!s.scenarioFile.isEmpty()) {
        if (!plan.scenario)
            plan.scenario = std::make_shared<Project>(Project::load(s.scenarioFile));
        in.scenario = plan.scenario.get();
        in.scenarioFile = QFileInfo(s.scenarioFile).absoluteFilePath();
        in.scenarioCarbonResults = !s.carbonResults.isEmpty() ? in.carbonResults : carbonOf(*plan.scenario);
    }
}

} // namespace tanhui::models::gep
