// SPDX-License-Identifier: GPL-3.0-or-later
// `tanhui-cli gep`: options → inputs → models::gep::runGepProject → summary. The run itself (soil
// retention, the carbon join, the parcels, tables, totals and the ledger check) is in models/gep.
#include "app/cli/GepCommand.h"

#include "app/cli/CliCommon.h"
#include "app/cli/NumericOptions.h"
#include "gis/Errors.h"
#include "models/gep/GepProject.h"
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

void printIssues(const params::Issues& issues) {
    for (const params::Issue& i : issues) {
        if (i.isError())
            printError(i.toString());
        else
            printWarning(i.toString());
    }
}

/// What the command line asks for, resolved against the project's gep section.
struct Settings {
    QString profileId;
    std::optional<bool> copVariant;
    std::optional<double> acDays;
    double slopeLengthM = 22.13;
    QStringList layerIds;
    QString outDir;
    std::map<QString, QString> carbonTables; ///< --carbon LAYER=FILE: `tanhui-cli carbon` parcels.csv
};

/// The command: its options, and the steps from the command line to the run's inputs.
class GepCli {
public:
    int run(const QStringList& arguments);

private:
    std::optional<int> readFlags();
    std::optional<int> loadProject();
    std::optional<int> loadModel();
    /// The parameter files loadModel() read (role, path), with the user's tables.
    std::vector<std::pair<QString, QString>> parameterFiles;
    double carbonReadSeconds = 0; ///< reading the carbon result set
    void describeAccount();
    /// The carbon inputs (--carbon, --carbon-results or the project's carbon/ folder) and the scenario.
    gep::GepInputs makeInputs();
    void printSummary(const gep::GepRun& run, double seconds) const;

    QCommandLineParser parser;
    const QCommandLineOption projectOpt{ QStringLiteral("project"),
                                         GepCommand::tr("Project file (project.tanhui.json)."),
                                         QStringLiteral("FILE") };
    const QCommandLineOption outOpt{ QStringLiteral("out"),
                                     GepCommand::tr("Output folder."),
                                     QStringLiteral("DIR") };
    const QCommandLineOption profileOpt{
        QStringLiteral("profile"),
        GepCommand::tr("Accounting profile: RCEES_LEGACY or NDRC2022 (default: the project's gep.profile, "
                       "else RCEES_LEGACY)."),
        QStringLiteral("NAME")
    };
    const QCommandLineOption priceSetOpt{
        QStringLiteral("price-set"),
        GepCommand::tr("Price set: P0_RCEES2010 (default, or the project's gep.price_set), LYT1721_2008, or "
                       "P0_CPI2020 / P0_CPI2024 (P0 adjusted by the shipped CPI table at run time, flagged "
                       "unconfirmed)."),
        QStringLiteral("ID")
    };
    const QCommandLineOption pricesOpt{ QStringLiteral("prices"),
                                        GepCommand::tr(
                                          "User price CSV over the price set (key, value, unit, basis, "
                                          "price_year, source; every row needs a source)."),
                                        QStringLiteral("CSV") };
    const QCommandLineOption deflOpt{
        QStringLiteral("deflators"),
        GepCommand::tr("Price index table for --price-year (year; cpi, construction, market as "
                       "levels or cpi_yoy, construction_yoy, market_yoy with previous year = 100; source, "
                       "tag). Default: the shipped NBS CPI table gep/price_index.csv (unconfirmed)."),
        QStringLiteral("CSV")
    };
    const QCommandLineOption yearOpt{
        QStringLiteral("price-year"),
        GepCommand::tr("Adjust every price to this year with the price index (§5.3); outputs give "
                       "the value at this year's prices and at the base-year prices."),
        QStringLiteral("YEAR")
    };
    const QCommandLineOption fallbackOpt{
        QStringLiteral("index-fallback"),
        GepCommand::tr("Index series for prices whose series (e.g. construction, market) the index "
                       "table lacks, e.g. cpi; such prices are flagged unconfirmed. Without it a "
                       "missing series is an error."),
        QStringLiteral("SERIES")
    };
    const QCommandLineOption climateOpt{
        QStringLiteral("climate-variant"),
        GepCommand::tr("Water-surface climate regulation (gep-methods.md §4.10): s1 (S1's form, cooling not "
                       "÷ COP) or cop (cooling ÷ COP, later specifications). Default: the project's "
                       "gep.climate_variant, else the profile's."),
        QStringLiteral("s1|cop")
    };
    const QCommandLineOption daysOpt{ QStringLiteral("ac-days"),
                                      GepCommand::tr(
                                        "Days with air conditioning D (no default; climate regulation is "
                                        "skipped without it)."),
                                      QStringLiteral("N") };
    const QCommandLineOption slopeOpt{ QStringLiteral("slope-length"),
                                       GepCommand::tr(
                                         "Uniform slope length λ for the RUSLE L factor, m (default 22.13: "
                                         "L = 1; at most 122 m are used, InVEST's L_max)."),
                                       QStringLiteral("M") };
    const QCommandLineOption layersOpt{ QStringLiteral("layers"),
                                        GepCommand::tr(
                                          "Comma-separated parcel layer ids (default: all parcel layers)."),
                                        QStringLiteral("IDS") };
    const QCommandLineOption scenarioOpt{ QStringLiteral("scenario"),
                                          GepCommand::tr(
                                            "A scenario project (e.g. a restoration plan): its GEP minus the "
                                            "baseline's, per parcel and in total."),
                                          QStringLiteral("FILE") };
    const QCommandLineOption inputsOpt{ QStringLiteral("parcel-inputs"),
                                        GepCommand::tr(
                                          "Per-parcel attributes CSV: parcel (<layer>:<id>), visits, "
                                          "spend_per_visit_cny, shoreline_m, reservoir_capacity_m3, source."),
                                        QStringLiteral("CSV") };
    const QCommandLineOption productsOpt{
        QStringLiteral("products"),
        GepCommand::tr("Material products CSV: product, lucode, yield_t_per_ha, price_key "
                       "(a key of the price table, per t), source."),
        QStringLiteral("CSV")
    };
    const QCommandLineOption seawallCostOpt{
        QStringLiteral("seawall-cost"),
        GepCommand::tr("Sea-wall construction cost, CNY per m (no verified default)."),
        QStringLiteral("CNY")
    };
    const QCommandLineOption seawallLifeOpt{ QStringLiteral("seawall-life"),
                                             GepCommand::tr("Sea-wall design life, years."),
                                             QStringLiteral("YEARS") };
    const QCommandLineOption carbonOpt{
        QStringLiteral("carbon"),
        GepCommand::tr(
          "Carbon result of a parcel layer: LAYER=parcels.csv written by tanhui-cli carbon --parcels "
          "(repeatable). Without it the pool method runs on the last two land-cover dates (the interval "
          "ending at the accounting year)."),
        QStringLiteral("LAYER=CSV")
    };
    const QCommandLineOption carbonResultsOpt{
        QStringLiteral("carbon-results"),
        GepCommand::tr(
          "Output folder of tanhui-cli carbon --project (its result set, resultset.json; default: the "
          "carbon project's output folder carbon/ next to the project file, when it exists); its "
          "parcels table is joined by layer and source_fid. Layers it lacks use --carbon or the pool "
          "method; 'none' ignores it."),
        QStringLiteral("DIR")
    };
    const QCommandLineOption ecoOpt{
        QStringLiteral("ecosystems"),
        GepCommand::tr(
          "Ecosystem coefficients CSV whose rows replace the default rows with the same lucode (e.g. "
          "water-purification capacities cod_kg_ha, nh3n_kg_ha, tp_kg_ha, which have no default)."),
        QStringLiteral("CSV")
    };
    const QCommandLineOption quietOpt{ QStringLiteral("quiet"), GepCommand::tr("No progress bar.") };

    Settings s;
    double slopeLength = 22.13, acDays = 0, seawallCost = 0, seawallLife = 0, priceYear = 0;
    models::Project project;
    std::optional<models::Project> scenario;
    QStringList fromProject, fromFlags, tableOrigins;
    bool hasAcDays = false, hasSeawallCost = false, hasSeawallLife = false, hasPriceYear = false;
    bool hasDeflators = false;
    QString deflatorsFile, indexFallback, priceSet, indexUsed;
    int targetYear = 0;
    gep::GepModel model;
    gep::AccountSettings account;
};

std::optional<int> GepCli::readFlags() {
    s.outDir = parser.value(outOpt);
    if (!prepareOutputFolder(s.outDir))
        return ExitUsage;
    if (parser.isSet(layersOpt))
        s.layerIds = parser.value(layersOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);
    // The numeric settings given as flags, checked against their declarations (gep::runParameters()),
    // every problem at once, before the project is read.
    slopeLength = gep::runParameter("slope-length").defaultValue.value_or(22.13);
    if (!readNumericOptions(parser,
                            { { slopeOpt, gep::runParameter("slope-length"), slopeLength },
                              { daysOpt, gep::runParameter("ac-days"), acDays },
                              { seawallCostOpt, gep::runParameter("seawall-cost"), seawallCost },
                              { seawallLifeOpt, gep::runParameter("seawall-life"), seawallLife },
                              { yearOpt, gep::runParameter("price-year"), priceYear } }))
        return ExitUsage;
    for (const QString& v : parser.values(carbonOpt)) {
        const int eq = v.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            printError(
              GepCommand::tr("--carbon must be LAYER=FILE (e.g. xiaoban=carbon_out/parcels.csv), not '%1'")
                .arg(v));
            return ExitUsage;
        }
        s.carbonTables[v.left(eq)] = v.mid(eq + 1);
    }
    if (parser.isSet(climateOpt) && !gep::climateVariantFromId(parser.value(climateOpt))) {
        printError(
          GepCommand::tr("--climate-variant must be s1 or cop, not '%1'").arg(parser.value(climateOpt)));
        return ExitUsage;
    }

    return std::nullopt;
}

std::optional<int> GepCli::loadProject() {
    // The project (its parameter tables are used when it lists them; its gep section gives the account's
    // settings, which command-line flags override; the loader has checked the section's values).
    try {
        project = models::Project::load(parser.value(projectOpt));
    } catch (const gis::GisError& e) {
        printError(QString::fromUtf8(e.what()));
        return ExitFailure;
    }
    const models::ProjectGep& pg = project.gep;
    auto origin = [&](const QCommandLineOption& o, bool inProject, const char* key) {
        if (parser.isSet(o))
            fromFlags << QLatin1String("--") + o.names().front();
        else if (inProject)
            fromProject << QLatin1String("gep.") + QLatin1String(key);
    };
    origin(profileOpt, !pg.profile.isEmpty(), "profile");
    origin(priceSetOpt, !pg.priceSet.isEmpty(), "price_set");
    origin(yearOpt, pg.priceYear.has_value(), "price_year");
    origin(deflOpt, !pg.deflators.isEmpty(), "deflators");
    origin(fallbackOpt, !pg.indexFallback.isEmpty(), "index_fallback");
    origin(climateOpt, !pg.climateVariant.isEmpty(), "climate_variant");
    origin(daysOpt, pg.acDays.has_value(), "ac_days");
    origin(slopeOpt, pg.slopeLengthM.has_value(), "slope_length_m");
    origin(seawallCostOpt, pg.seawallCostYuanPerM.has_value(), "seawall_cost_cny_per_m");
    origin(seawallLifeOpt, pg.seawallLifeYears.has_value(), "seawall_life_years");
    s.profileId = parser.isSet(profileOpt) ? parser.value(profileOpt)
                  : !pg.profile.isEmpty()  ? pg.profile
                                           : QStringLiteral("RCEES_LEGACY");
    // A flag wins; else the project's value; else the default.
    auto fromSection = [&](const QCommandLineOption& o, const std::optional<double>& v, double& value) {
        if (!parser.isSet(o) && v)
            value = *v;
        return parser.isSet(o) || v.has_value();
    };
    fromSection(slopeOpt, pg.slopeLengthM, slopeLength);
    hasAcDays = fromSection(daysOpt, pg.acDays, acDays);
    hasSeawallCost = fromSection(seawallCostOpt, pg.seawallCostYuanPerM, seawallCost);
    hasSeawallLife = fromSection(seawallLifeOpt, pg.seawallLifeYears, seawallLife);
    hasPriceYear =
      fromSection(yearOpt, pg.priceYear ? std::optional<double>(*pg.priceYear) : std::nullopt, priceYear);
    s.slopeLengthM = slopeLength;
    if (hasAcDays)
        s.acDays = acDays;
    if (parser.isSet(climateOpt) || !pg.climateVariant.isEmpty())
        s.copVariant =
          gep::climateVariantFromId(parser.isSet(climateOpt) ? parser.value(climateOpt)
                                                             : pg.climateVariant) == gep::ClimateVariant::Cop;
    hasDeflators = parser.isSet(deflOpt) || !pg.deflators.isEmpty();
    deflatorsFile = parser.isSet(deflOpt)     ? parser.value(deflOpt)
                    : !pg.deflators.isEmpty() ? project.resolve(pg.deflators)
                                              : QString();
    indexFallback = parser.isSet(fallbackOpt) ? parser.value(fallbackOpt) : pg.indexFallback;
    if (hasDeflators && !hasPriceYear) {
        printError(GepCommand::tr("--deflators needs --price-year (gep-methods.md §5.3)"));
        return ExitUsage;
    }
    return std::nullopt;
}

std::optional<int> GepCli::loadModel() {
    const models::ProjectGep& pg = project.gep;
    // Tables: the project's copy when the project lists it (Project::parameters, e.g. "gep/profiles"),
    // else the embedded default.
    auto tablePath = [&](const QString& name, const QString& embedded) {
        if (const models::ProjectParameterTable* t = project.parameterTable(name)) {
            const QString path = project.resolve(t->path);
            if (QFileInfo::exists(path)) {
                tableOrigins << GepCommand::tr("%1 from the project (%2)").arg(name, path);
                parameterFiles.push_back({ name, path });
                return path;
            }
            printWarning(GepCommand::tr("the project lists the table %1 at %2, which does not exist; the "
                                        "embedded default is used")
                           .arg(name, path));
        }
        tableOrigins << GepCommand::tr("%1 embedded default").arg(name);
        parameterFiles.push_back({ name, embedded });
        return embedded;
    };
    params::Issues issues;
    priceSet = parser.isSet(priceSetOpt) ? parser.value(priceSetOpt)
               : !pg.priceSet.isEmpty()  ? pg.priceSet
                                         : QStringLiteral("P0_RCEES2010");
    if (!gep::priceProfileIds().contains(priceSet)) {
        printError(GepCommand::tr("unknown --price-set '%1'; known: %2")
                     .arg(priceSet, gep::priceProfileIds().join(QStringLiteral(", "))));
        return ExitUsage;
    }
    const QString priceFile =
      tablePath(QStringLiteral("gep/") + QFileInfo(gep::priceProfilePath(priceSet)).baseName(),
                gep::priceProfilePath(priceSet));
    params::LoadedTable priceTable =
      params::loadTable(gep::priceTableSpec(), priceFile, params::Provenance::Required);
    issues.insert(issues.end(), priceTable.issues.begin(), priceTable.issues.end());
    model.prices = gep::pricesFromTable(priceTable.table, issues);
    model.prices.file = priceFile;
    if (parser.isSet(pricesOpt)) {
        const params::Issues pi = gep::overridePrices(model.prices, parser.value(pricesOpt));
        issues.insert(issues.end(), pi.begin(), pi.end());
    }
    params::LoadedTable profiles = params::loadTable(
      gep::profileTableSpec(),
      tablePath(QStringLiteral("gep/profiles"), QStringLiteral(":/parameters/gep/profiles.csv")),
      params::Provenance::Required);
    issues.insert(issues.end(), profiles.issues.begin(), profiles.issues.end());
    std::optional<gep::Profile> profile = gep::profileFromTable(profiles.table, s.profileId, issues);
    params::LoadedTable ecoTable =
      params::loadTable(gep::ecosystemTableSpec(),
                        tablePath(QStringLiteral("gep/ecosystem_params"),
                                  QStringLiteral(":/parameters/gep/ecosystem_params.csv")),
                        params::Provenance::Required);
    issues.insert(issues.end(), ecoTable.issues.begin(), ecoTable.issues.end());
    params::LoadedTable constTable = params::loadTable(
      gep::constantsTableSpec(),
      tablePath(QStringLiteral("gep/constants"), QStringLiteral(":/parameters/gep/constants.csv")),
      params::Provenance::Required);
    issues.insert(issues.end(), constTable.issues.begin(), constTable.issues.end());
    model.constants = gep::constantsFromTable(constTable.table, issues);
    model.constants.acDays = s.acDays;
    if (hasSeawallCost)
        model.constants.seawallYuanPerM = seawallCost;
    if (hasSeawallLife)
        model.constants.seawallLifeYears = seawallLife;
    if (parser.isSet(inputsOpt)) {
        params::LoadedTable t = params::loadTable(
          gep::parcelInputSpec(), parser.value(inputsOpt), params::Provenance::UserSupplied);
        issues.insert(issues.end(), t.issues.begin(), t.issues.end());
        model.parcelInputs = t.table;
    }
    if (parser.isSet(productsOpt)) {
        params::LoadedTable t =
          params::loadTable(gep::productSpec(), parser.value(productsOpt), params::Provenance::UserSupplied);
        issues.insert(issues.end(), t.issues.begin(), t.issues.end());
        model.products = t.table.rows();
        for (const params::TableRow& r : model.products) {
            const auto pk = r.text.find(QStringLiteral("price_key"));
            const QString key = pk == r.text.end() || pk->second.isEmpty() ? r.key : pk->second;
            if (!model.prices.find(key))
                issues.push_back(
                  { params::Issue::Severity::Error,
                    r.file,
                    r.line,
                    QStringLiteral("price_key"),
                    GepCommand::tr("no price '%1' in the price table; add it with --prices (value, unit, "
                                   "basis t, price_year, source)")
                      .arg(key) });
        }
    }
    if (parser.isSet(ecoOpt)) {
        // User rows replace the default rows with the same land-cover code (tag "user").
        params::LoadedTable user = params::loadTable(
          gep::ecosystemTableSpec(), parser.value(ecoOpt), params::Provenance::UserSupplied);
        issues.insert(issues.end(), user.issues.begin(), user.issues.end());
        ecoTable.table = params::overrideTable(ecoTable.table, user.table);
    }
    model.ecosystems = gep::ecosystemsFromTable(ecoTable.table);
    // Price-year adjustment (§5.3): --price-year with the shipped CPI table or --deflators, or a derived
    // price set (P0_CPI2020, P0_CPI2024: every price by CPI, generated from the same shipped table).
    targetYear = gep::derivedPriceYear(priceSet);
    const bool derivedSet = targetYear > 0;
    if (hasPriceYear)
        targetYear = int(priceYear);
    if (targetYear > 0 && !params::hasErrors(issues)) {
        const QString indexFile =
          hasDeflators ? deflatorsFile : tablePath(QStringLiteral("gep/price_index"), gep::priceIndexPath());
        params::LoadedTable defl =
          params::loadTable(gep::deflatorTableSpec(),
                            indexFile,
                            hasDeflators ? params::Provenance::UserSupplied : params::Provenance::Required);
        issues.insert(issues.end(), defl.issues.begin(), defl.issues.end());
        if (!params::hasErrors(defl.issues)) {
            const QString fallback =
              derivedSet && indexFallback.isEmpty() ? QStringLiteral("cpi") : indexFallback;
            indexUsed = fallback.isEmpty()
                          ? indexFile
                          : GepCommand::tr("%1 (series the table lacks: %2)").arg(indexFile, fallback);
            try {
                gep::PriceSet adjusted;
                adjusted.file = model.prices.file;
                for (const auto& [key, p] : model.prices.all())
                    adjusted.put(gep::adjustPriceYear(p, targetYear, defl.table, fallback, derivedSet));
                model.basePrices = model.prices;
                model.prices = adjusted;
                model.prices.file += GepCommand::tr(" adjusted to %1 by %2").arg(targetYear).arg(indexFile);
            } catch (const gep::UnitError& e) {
                printError(QString::fromUtf8(e.what()));
                return ExitFailure;
            }
        }
    }
    printIssues(issues);
    if (params::hasErrors(issues) || !profile)
        return ExitFailure;
    model.profile = *profile;
    if (s.copVariant)
        model.profile.waterCopDividesCooling = *s.copVariant;
    if (params::isFlagged(model.profile.tag))
        printWarning(GepCommand::tr("profile %1 is tagged %2: %3")
                       .arg(model.profile.id, params::tagName(model.profile.tag), model.profile.source));
    return std::nullopt;
}

void GepCli::describeAccount() {
    // What defines the account, named in every output.
    {
        auto yearsOf = [](const gep::PriceSet& prices) {
            std::set<int> years;
            for (const auto& [key, p] : prices.all())
                if (p.priceYear > 0)
                    years.insert(p.priceYear);
            QStringList out;
            for (int y : years)
                out << QString::number(y);
            return out.join(QLatin1Char(';'));
        };
        account.profile = model.profile.id;
        account.profileTag = params::tagName(model.profile.tag);
        account.priceSet = priceSet;
        account.priceYears = yearsOf(model.prices);
        account.baseYears = model.basePrices ? yearsOf(*model.basePrices) : QString();
        account.priceIndex = indexUsed.isEmpty() ? QStringLiteral("none") : indexUsed;
        account.climateVariant = gep::climateVariantId(model.profile.climateVariant());
        account.climateVariantText = gep::climateVariantDescription(model.profile.climateVariant());
        account.acDays = s.acDays ? QString::number(*s.acDays) : QString();
        const gep::LsFactor ls(s.slopeLengthM);
        account.slopeLength = QString::number(ls.slopeLengthM());
        if (ls.slopeLengthCapped())
            printWarning(
              GepCommand::tr("slope length %1 m is beyond the RUSLE L factor's range; %2 m (InVEST's "
                             "L_max, gep-methods.md §7.2) is used")
                .arg(s.slopeLengthM)
                .arg(gep::LsFactor::kMaxSlopeLengthM));
        QStringList o;
        if (!fromProject.isEmpty())
            o << GepCommand::tr("project: %1").arg(fromProject.join(QStringLiteral(", ")));
        if (!fromFlags.isEmpty())
            o << GepCommand::tr("flags: %1").arg(fromFlags.join(QStringLiteral(", ")));
        account.origin = o.isEmpty() ? GepCommand::tr("defaults") : o.join(QStringLiteral("; "));
    }
}

gep::GepInputs GepCli::makeInputs() {
    gep::GepInputs in;
    in.model = model;
    in.account = account;
    in.slopeLengthM = s.slopeLengthM;
    in.layerIds = s.layerIds;
    in.projectFile = QFileInfo(parser.value(projectOpt)).absoluteFilePath();
    std::vector<std::pair<QString, QString>> files = parameterFiles;
    for (const auto& [opt, role] : { std::pair{ &pricesOpt, "gep/prices (user)" },
                                     std::pair{ &inputsOpt, "gep/parcel_inputs" },
                                     std::pair{ &productsOpt, "gep/products" },
                                     std::pair{ &ecoOpt, "gep/ecosystem_params (user)" } })
        if (parser.isSet(*opt))
            files.push_back({ QString::fromLatin1(role), parser.value(*opt) });
    if (hasDeflators && targetYear > 0)
        files.push_back({ QStringLiteral("gep/price_index (user)"), deflatorsFile });
    for (const auto& [role, path] : files)
        in.parameterInputs.push_back(
          models::analysis::describeInput(QFileInfo(path).absoluteFilePath(), QStringLiteral("table"), role));
    for (const auto& [layer, file] : s.carbonTables)
        in.carbonTables[layer] = { gep::readCsvTable(file), file };
    // --carbon-results DIR, 'none', or the carbon project's default output (docs/carbon-project.md:
    // carbon/ next to the project file) when it exists.
    auto carbonOf = [&](const models::Project& p) -> std::optional<gep::CarbonInput> {
        if (parser.value(carbonResultsOpt) == QLatin1String("none"))
            return std::nullopt;
        if (parser.isSet(carbonResultsOpt))
            return gep::readCarbonResultSet(parser.value(carbonResultsOpt));
        const QString dir = QDir(p.baseDir()).filePath(QStringLiteral("carbon"));
        if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("parcels.csv"))) ||
            QFileInfo::exists(QDir(dir).filePath(QStringLiteral("resultset.json"))))
            return gep::readCarbonResultSet(dir);
        return std::nullopt;
    };
    QElapsedTimer timer;
    timer.start();
    in.carbonResults = carbonOf(project);
    carbonReadSeconds = timer.nsecsElapsed() * 1e-9;
    if (scenario) {
        in.scenario = &*scenario;
        in.scenarioFile = QFileInfo(parser.value(scenarioOpt)).absoluteFilePath();
        in.scenarioCarbonResults = parser.isSet(carbonResultsOpt) ? in.carbonResults : carbonOf(*scenario);
    }
    return in;
}

void GepCli::printSummary(const gep::GepRun& run, double seconds) const {
    const gep::GepTotals& totals = run.totals;
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
    parser.addOptions({ projectOpt,     outOpt,         profileOpt,       priceSetOpt, pricesOpt, deflOpt,
                        yearOpt,        fallbackOpt,    climateOpt,       daysOpt,     slopeOpt,  layersOpt,
                        scenarioOpt,    carbonOpt,      carbonResultsOpt, ecoOpt,      inputsOpt, productsOpt,
                        seawallCostOpt, seawallLifeOpt, quietOpt });
    if (auto rc = parseCommandLine(parser, arguments, QStringLiteral("gep"), { projectOpt, outOpt }))
        return *rc;

    for (auto step : { &GepCli::readFlags, &GepCli::loadProject, &GepCli::loadModel })
        if (auto rc = (this->*step)())
            return *rc;
    describeAccount();
    auto feedback = makeTerminalFeedback(parser.isSet(quietOpt));
    try {
        printInfo(GepCommand::tr("parameter tables: %1").arg(tableOrigins.join(QStringLiteral("; "))));
        const QStringList problems = project.validate();
        if (!problems.isEmpty()) {
            for (const QString& p : problems)
                printError(p);
            return ExitFailure;
        }
        if (parser.isSet(scenarioOpt))
            scenario = models::Project::load(parser.value(scenarioOpt));
        const gep::GepInputs in = makeInputs();
        gep::GepOptions options;
        options.outDir = s.outDir; // written through a gis::StagedOutput: complete or unchanged
        options.feedback = feedback.get();
        options.info = [](const QString& text) { printInfo(text); };
        QElapsedTimer timer;
        timer.start();
        // The rows (316,681 parcels × ~10 indicators on the city sample: ~2.7 s of frees) are kept until
        // the process exits.
        const gep::GepRun& run = keepUntilExit(gep::runGepProject(project, in, options));
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
        const QString checkFile = QDir(parser.value(outOpt)).filePath(QStringLiteral("ledger_check.csv"));
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
        return reportFailure(outputsUnchangedMessage(parser.value(outOpt)));
    }
    return ExitOk;
}

} // namespace

int runGepCommand(const QStringList& arguments) {
    return GepCli().run(arguments);
}

} // namespace tanhui::cli
