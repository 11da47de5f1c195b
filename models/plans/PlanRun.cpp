// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/plans/PlanRun.h"

#include "models/plans/PlanGep.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/ParcelReader.h"
#include "gis/StagedOutput.h"
#include "models/carbon/BlueCarbon.h"
#include "models/carbon/CarbonProject.h"
#include "models/carbon/GainLossMethod.h"
#include "models/carbon/SoilMethod.h"
#include "models/carbon/Valuation.h"
#include "models/uncertainty/BlueCarbonMonteCarlo.h"
#include "models/uncertainty/Distribution.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace tanhui::models::plans {

namespace {

struct PlanModel {
    Q_DECLARE_TR_FUNCTIONS(PlanModel)
};

using params::Issue;
using params::Issues;
using Type = gis::TableColumn::Type;

const QString kBlue = QStringLiteral("bluecarbon_restoration");
const QString kForest = QStringLiteral("forest_growth");

Issue error(const Project& project, const QString& key, const QString& message) {
    return { Issue::Severity::Error, project.fileName(), 0, key, message };
}

/// The methods of a type in carbon.methods (its own entry, else "*").
const std::vector<ProjectCarbonMethod>* methodsOf(const Project& project, const QString& type) {
    const auto it = project.carbon.methods.constFind(type);
    if (it != project.carbon.methods.cend())
        return &*it;
    const auto any = project.carbon.methods.constFind(QStringLiteral("*"));
    return any != project.carbon.methods.cend() ? &*any : nullptr;
}

/// A change's parcels read from their layer (ids, FIDs, ellipsoidal areas).
struct ChangeParcels {
    std::vector<PlanParcel> parcels;
    gis::Crs crs; ///< of the layer the parcels were read from (their PlanParcel::wkb)
};

/// Resolves the parcels of every change of `plan` (plan index `index`), appending problems to `issues`.
std::vector<ChangeParcels> resolveChanges(const Project& project,
                                          const ProjectPlan& plan,
                                          std::size_t index,
                                          Issues& issues,
                                          gis::Feedback* fb) {
    std::vector<ChangeParcels> out(plan.changes.size());
    QSet<QString> carbonLayerIds;
    for (const ProjectCarbonLayer& l : carbon::carbonLayers(project))
        carbonLayerIds.insert(l.layer);
    const std::vector<int> years = carbon::carbonYears(project);
    const int horizon = horizonYear(plan);
    std::map<QString, QString> seen; // "<layer>\n<id>" → key of the change holding it
    for (std::size_t j = 0; j < plan.changes.size(); ++j) {
        const ProjectPlanChange& c = plan.changes[j];
        const QString at = QStringLiteral("plans[%1].changes[%2]").arg(index).arg(j);
        // Target type: known to the carbon methods and plantable.
        if (!methodsOf(project, c.target)) {
            QStringList known = project.carbon.methods.keys();
            issues.push_back(error(project,
                                   at + QStringLiteral(".target"),
                                   PlanModel::tr("the target type '%1' has no method in carbon.methods "
                                                 "(known types: %2)")
                                     .arg(c.target, known.join(QStringLiteral(", ")))));
        } else if (plantingModel(project, c.target).isEmpty()) {
            issues.push_back(
              error(project,
                    at + QStringLiteral(".target"),
                    PlanModel::tr("the target type '%1' cannot be planted: a plan plants types "
                                  "computed by bluecarbon (restoration, carbon-methods.md §4) "
                                  "or by a forest method (gainloss, volume_gainloss, volume, "
                                  "regression: growth, §3.2)")
                      .arg(c.target)));
        }
        if (!years.empty() && c.startYear < years.front())
            issues.push_back(error(project,
                                   at + QStringLiteral(".start_year"),
                                   PlanModel::tr("the start year %1 is before the first carbon year %2; "
                                                 "plan from %2 on")
                                     .arg(c.startYear)
                                     .arg(years.front())));
        if (c.startYear >= horizon)
            issues.push_back(error(project,
                                   QStringLiteral("plans[%1].horizon_year").arg(index),
                                   PlanModel::tr("the horizon year %1 is not after the start year %2 of "
                                                 "changes[%3]; set a later horizon_year")
                                     .arg(horizon)
                                     .arg(c.startYear)
                                     .arg(j)));
        if (plantingModel(project, c.target) == kForest && !c.growthType.isEmpty()) {
            QString file;
            const params::LoadedTable t = carbon::loadCarbonProjectTable(
              project, QStringLiteral("growth_rates"), carbon::growthRatesSpec(), file);
            const carbon::GrowthLookup lookup(t.table);
            if (!params::hasErrors(t.issues) && !lookup.find(c.growthType))
                issues.push_back(
                  error(project,
                        at + QStringLiteral(".growth_type"),
                        PlanModel::tr("'%1' is not a row of the growth table %2 (rows: %3)")
                          .arg(c.growthType, file, lookup.names().join(QStringLiteral(", ")))));
        }
        // Parcels.
        gis::ParcelReadOptions ro;
        ro.keepWkb = true; // plan_parcels.gpkg: the difference map
        QString layerKey, path;
        if (!c.layer.isEmpty()) {
            const ProjectLayer* layer = project.layer(c.layer);
            if (!layer || layer->kind != QLatin1String("vector") || !carbonLayerIds.contains(c.layer)) {
                QStringList ids(carbonLayerIds.begin(), carbonLayerIds.end());
                ids.sort();
                issues.push_back(error(project,
                                       at + QStringLiteral(".layer"),
                                       PlanModel::tr("'%1' is not a parcel layer of the project's carbon run "
                                                     "(parcel layers: %2)")
                                         .arg(c.layer, ids.join(QStringLiteral(", ")))));
                continue;
            }
            ro.open.encodingOverride = layer->encoding.toStdString();
            ro.idField = layer->idField;
            path = project.resolve(layer->path);
            layerKey = c.layer;
        } else {
            path = project.resolve(c.planLayer);
            layerKey = c.planLayer;
            if (!QFileInfo::exists(path)) {
                issues.push_back(
                  error(project,
                        at + QStringLiteral(".plan_layer"),
                        PlanModel::tr("the plan layer '%1' does not exist (%2)").arg(c.planLayer, path)));
                continue;
            }
        }
        gis::ParcelSet set;
        try {
            set = gis::readParcels(path.toStdString(), ro, fb);
        } catch (const gis::CancelledError&) {
            throw;
        } catch (const gis::GisError& e) {
            issues.push_back(
              error(project,
                    at + (c.layer.isEmpty() ? QStringLiteral(".plan_layer") : QStringLiteral(".layer")),
                    PlanModel::tr("cannot read the parcels of '%1': %2")
                      .arg(layerKey, QString::fromUtf8(e.what()))));
            continue;
        }
        out[j].crs = set.crs;
        std::map<QString, const gis::Parcel*> byId;
        for (const gis::Parcel& p : set.parcels)
            byId[p.id.toString()] = &p;
        auto add = [&](const gis::Parcel& p) {
            PlanParcel pp;
            pp.layer = layerKey;
            pp.id = p.id.toString();
            pp.fid = p.fid;
            pp.target = c.target;
            pp.model = plantingModel(project, c.target);
            pp.startYear = c.startYear;
            pp.areaHa = p.ellipsoidalAreaM2 / 10000.0;
            pp.wkb = p.wkb;
            const QString key = layerKey + QLatin1Char('\n') + pp.id;
            if (const auto dup = seen.find(key); dup != seen.end())
                issues.push_back(
                  error(project,
                        at + QStringLiteral(".parcels"),
                        PlanModel::tr("parcel %1 of %2 is also in %3; a parcel takes one target")
                          .arg(pp.id, layerKey, dup->second)));
            seen[key] = at;
            out[j].parcels.push_back(pp);
        };
        if (c.layer.isEmpty()) {
            for (const gis::Parcel& p : set.parcels)
                add(p);
            continue;
        }
        QStringList missing;
        for (const QString& id : c.parcels) {
            const auto it = byId.find(id);
            if (it == byId.end())
                missing << id;
            else
                add(*it->second);
        }
        if (!missing.isEmpty()) {
            const QStringList shown = missing.mid(0, 10);
            issues.push_back(
              error(project,
                    at + QStringLiteral(".parcels"),
                    PlanModel::tr("%1 parcel id(s) are not values of the id field '%2' of layer %3: %4")
                      .arg(missing.size())
                      .arg(project.layer(c.layer)->idField,
                           c.layer,
                           shown.join(QStringLiteral(", ")) +
                             (missing.size() > shown.size() ? QStringLiteral(", …") : QString()))));
        }
    }
    return out;
}

analysis::Column col(const QString& name, Type type, const QString& unit, const QString& description) {
    return { name, unit, description, type };
}

QVariant num(const std::optional<double>& v) {
    return v ? QVariant(*v) : QVariant();
}

} // namespace

const ProjectPlan* findPlan(const Project& project, const QString& name) {
    for (const ProjectPlan& p : project.plans)
        if (p.name == name)
            return &p;
    return nullptr;
}

int horizonYear(const ProjectPlan& plan) {
    if (plan.horizonYear)
        return *plan.horizonYear;
    int latest = 0;
    for (const ProjectPlanChange& c : plan.changes)
        latest = std::max(latest, c.startYear);
    return latest > 0 ? latest + 10 : 0;
}

QString plantingModel(const Project& project, const QString& targetType) {
    const std::vector<ProjectCarbonMethod>* methods = methodsOf(project, targetType);
    if (!methods)
        return {};
    static const QStringList forest = { QStringLiteral("gainloss"),
                                        QStringLiteral("volume_gainloss"),
                                        QStringLiteral("volume"),
                                        QStringLiteral("regression") };
    for (const ProjectCarbonMethod& m : *methods)
        if (m.method == QLatin1String("bluecarbon"))
            return kBlue;
    for (const ProjectCarbonMethod& m : *methods)
        if (forest.contains(m.method))
            return kForest;
    return {};
}

params::Issues validatePlan(const Project& project, std::size_t index) {
    Issues issues;
    if (index >= project.plans.size())
        return issues;
    resolveChanges(project, project.plans[index], index, issues, nullptr);
    return issues;
}

namespace {

/// The plan's result set (run.results: tables, provenance, messages) from its run; `changes`, `mc` and
/// `unsampled` as the run used them, `parameterRows` the table rows it read.
/// The table plan_parcels: per planted parcel, the plan minus the baseline at the horizon, per pool; the
/// parcels' WKB moves into it (run.parcels keep none), and a warning goes to run.issues when they have
/// no common CRS.
analysis::Table planParcelsTable(PlanRun& run,
                                 const Project& project,
                                 const std::vector<ChangeParcels>& changes,
                                 const QString& rule) {
    analysis::Table t;
    t.name = QStringLiteral("plan_parcels");
    t.title = QStringLiteral("Restoration plan: difference per parcel");
    t.description = QStringLiteral("One row per planted parcel: the plan's carbon minus the baseline's at "
                                   "the horizon year, per pool (t C above the pre-planting stock). ") +
                    rule;
    t.columns = {
        col(QStringLiteral("layer"),
            Type::String,
            {},
            QStringLiteral("Project layer id (or plan layer file).")),
        col(QStringLiteral("parcel_id"),
            Type::String,
            {},
            QStringLiteral("Value of the layer's id field (plan layer: FID).")),
        col(QStringLiteral("source_fid"), Type::Integer, {}, QStringLiteral("Feature id in the layer.")),
        col(QStringLiteral("baseline_type"),
            Type::String,
            {},
            QStringLiteral("Ecosystem type in the baseline carbon run (empty without it).")),
        col(QStringLiteral("target_type"),
            Type::String,
            {},
            QStringLiteral("Ecosystem type the plan gives the parcel.")),
        col(QStringLiteral("planting_model"),
            Type::String,
            {},
            QStringLiteral("bluecarbon_restoration (carbon-methods.md §4) or forest_growth (§3.2).")),
        col(QStringLiteral("start_year"),
            Type::Integer,
            {},
            QStringLiteral("Planting year: the target type holds from then on.")),
        col(QStringLiteral("horizon_year"),
            Type::Integer,
            {},
            QStringLiteral("Year at which plan and baseline are compared.")),
        col(QStringLiteral("area_ha"),
            Type::Real,
            QStringLiteral("ha"),
            QStringLiteral("Ellipsoidal area (ha).")),
        col(QStringLiteral("accounted_share"),
            Type::Real,
            QStringLiteral("1"),
            QStringLiteral("Share of the parcel its layer accounts for in the project ledger (the baseline "
                           "run's accounted_share; 1 without it): the plan plants and values this part, "
                           "the rest being under a layer of higher precedence. The stocks and "
                           "differences are of this part.")),
        col(QStringLiteral("baseline_stock_t"),
            Type::Real,
            QStringLiteral("t C"),
            QStringLiteral("Baseline stock of the accounted part at the last carbon date, kept to the "
                           "horizon (t C); empty without the baseline run.")),
        col(QStringLiteral("plan_stock_t"),
            Type::Real,
            QStringLiteral("t C"),
            QStringLiteral("Plan stock at the horizon: baseline stock + difference (t C).")),
        col(QStringLiteral("diff_c_biomass_t"),
            Type::Real,
            QStringLiteral("t C"),
            QStringLiteral(
              "Difference plan − baseline in biomass (above and below ground) at the horizon (t C).")),
        col(QStringLiteral("diff_c_soil_t"),
            Type::Real,
            QStringLiteral("t C"),
            QStringLiteral("Difference plan − baseline in soil carbon at the horizon (t C).")),
        col(QStringLiteral("diff_total_t"),
            Type::Real,
            QStringLiteral("t C"),
            QStringLiteral("Difference plan − baseline, all pools, at the horizon (t C).")),
        col(QStringLiteral("diff_total_co2e_t"),
            Type::Real,
            QStringLiteral("t CO2e"),
            QStringLiteral("diff_total_t × 44/12 (t CO2e).")),
        col(QStringLiteral("diff_co2e_per_yr"),
            Type::Real,
            QStringLiteral("t CO2e/yr"),
            QStringLiteral("Mean removal from the start year to the horizon (t CO2e/yr).")),
        col(QStringLiteral("diff_total_t_p2_5"),
            Type::Real,
            QStringLiteral("t C"),
            QStringLiteral("2.5th percentile of diff_total_t over the Monte Carlo iterations (t C).")),
        col(QStringLiteral("diff_total_t_p50"),
            Type::Real,
            QStringLiteral("t C"),
            QStringLiteral("Median of diff_total_t over the Monte Carlo iterations (t C).")),
        col(QStringLiteral("diff_total_t_p97_5"),
            Type::Real,
            QStringLiteral("t C"),
            QStringLiteral("97.5th percentile of diff_total_t over the Monte Carlo iterations (t C).")),
    };
    for (const PlanParcel& p : run.parcels) {
        const int span = run.horizon - p.startYear;
        t.rows.push_back({ p.layer,
                           p.id,
                           QVariant(qlonglong(p.fid)),
                           p.baselineType.isEmpty() ? QVariant() : QVariant(p.baselineType),
                           p.target,
                           p.model,
                           p.startYear,
                           run.horizon,
                           p.areaHa,
                           p.accountedShare,
                           num(p.baselineStockT),
                           p.baselineStockT ? QVariant(*p.baselineStockT + p.diffTotalT) : QVariant(),
                           p.diffT.at(QStringLiteral("c_biomass")),
                           p.diffT.at(QStringLiteral("c_soil")),
                           p.diffTotalT,
                           p.diffTotalT * carbon::kCo2PerC,
                           span > 0 ? QVariant(p.diffTotalT * carbon::kCo2PerC / span) : QVariant(),
                           p.bounds ? QVariant(p.bounds->p2_5) : QVariant(),
                           p.bounds ? QVariant(p.bounds->p50) : QVariant(),
                           p.bounds ? QVariant(p.bounds->p97_5) : QVariant() });
    }
    // With one CRS for every planted parcel (the carbon layers share one; a plan layer may not), the
    // table carries their geometry and is written as plan_parcels.gpkg too: the difference map.
    std::optional<gis::Crs> crs;
    bool oneCrs = true;
    for (const ChangeParcels& c : changes)
        if (!c.parcels.empty()) {
            if (!crs)
                crs = c.crs;
            else if (!c.crs.isSame(*crs))
                oneCrs = false;
        }
    if (crs && oneCrs && crs->isValid()) {
        auto rows = std::make_shared<const std::vector<std::vector<QVariant>>>(std::move(t.rows));
        auto geometries = std::make_shared<std::vector<std::vector<unsigned char>>>();
        for (PlanParcel& p : run.parcels)
            geometries->push_back(std::move(p.wkb));
        t.rows.clear();
        t.hasGeometry = true;
        t.crs = *crs;
        t.lazyRowCount = rows->size();
        t.source = [rows,
                    geometries](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>& wkb) {
            v = (*rows)[i];
            wkb = (*geometries)[i];
        };
    } else if (!run.parcels.empty()) {
        run.issues.push_back({ params::Issue::Severity::Warning,
                               project.fileName(),
                               0,
                               QStringLiteral("plans"),
                               PlanModel::tr("the plan's parcels come from layers in different CRSs: "
                                             "plan_parcels has no geometry (no difference map)") });
    }
    return t;
}

/// The table plan_totals: the difference by pool, with its Monte Carlo bounds.
analysis::Table planTotalsTable(const PlanRun& run, const QString& boundsNote) {
    analysis::Table t;
    t.name = QStringLiteral("plan_totals");
    t.title = QStringLiteral("Restoration plan: difference by pool");
    t.description = QStringLiteral("The plan minus the baseline at the horizon year, summed over the planted "
                                   "parcels, per carbon pool and in total. ") +
                    boundsNote;
    t.columns = {
        col(QStringLiteral("quantity"),
            Type::String,
            {},
            QStringLiteral("Carbon pool (c_biomass, c_soil) or total.")),
        col(QStringLiteral("kind"), Type::String, {}, QStringLiteral("carbon_pool or carbon_total.")),
        col(QStringLiteral("diff_t"),
            Type::Real,
            QStringLiteral("t C"),
            QStringLiteral("Σ over planted parcels of the difference at the horizon (t C).")),
        col(QStringLiteral("diff_co2e_t"),
            Type::Real,
            QStringLiteral("t CO2e"),
            QStringLiteral("diff_t × 44/12 (t CO2e).")),
        col(QStringLiteral("diff_p2_5_t"),
            Type::Real,
            QStringLiteral("t C"),
            QStringLiteral("2.5th percentile of the per-iteration sums (t C).")),
        col(QStringLiteral("diff_p50_t"),
            Type::Real,
            QStringLiteral("t C"),
            QStringLiteral("Median of the per-iteration sums (t C).")),
        col(QStringLiteral("diff_p97_5_t"),
            Type::Real,
            QStringLiteral("t C"),
            QStringLiteral("97.5th percentile of the per-iteration sums (t C).")),
        col(QStringLiteral("parcels"), Type::Integer, {}, QStringLiteral("Planted parcels.")),
        col(QStringLiteral("area_ha"),
            Type::Real,
            QStringLiteral("ha"),
            QStringLiteral("Planted area: the parcels' accounted parts (ha).")),
    };
    double area = 0;
    for (const PlanParcel& p : run.parcels)
        area += p.plantedHa();
    const qlonglong n = qlonglong(run.parcels.size());
    for (const auto& [pool, v] : run.totalByPoolT)
        t.rows.push_back(
          { pool, QStringLiteral("carbon_pool"), v, v * carbon::kCo2PerC, {}, {}, {}, n, area });
    const auto& b = run.totalBounds;
    t.rows.push_back({ QStringLiteral("total"),
                       QStringLiteral("carbon_total"),
                       run.totalT,
                       run.totalT * carbon::kCo2PerC,
                       b ? QVariant(b->p2_5) : QVariant(),
                       b ? QVariant(b->p50) : QVariant(),
                       b ? QVariant(b->p97_5) : QVariant(),
                       n,
                       area });
    return t;
}

/// The table plan_settings: what defines the comparison.
analysis::Table planSettingsTable(const PlanRun& run,
                                  const ProjectPlan* plan,
                                  const std::optional<carbon::UncertaintySettings>& mc,
                                  int iterations,
                                  const QString& rule,
                                  const QString& boundsNote) {
    analysis::Table t;
    t.name = QStringLiteral("plan_settings");
    t.title = QStringLiteral("Restoration plan: settings");
    t.description =
      QStringLiteral("What defines the comparison: the plan, the horizon, the baseline rule and "
                     "how the bounds are formed.");
    t.columns = { col(QStringLiteral("key"), Type::String, {}, QStringLiteral("Setting.")),
                  col(QStringLiteral("value"), Type::String, {}, QStringLiteral("Value.")),
                  col(QStringLiteral("unit"), Type::String, {}, QStringLiteral("Unit, when any.")) };
    t.rows = {
        { QStringLiteral("plan"), plan->name, QString() },
        { QStringLiteral("description"), plan->description, QString() },
        { QStringLiteral("horizon_year"), QString::number(run.horizon), QStringLiteral("year") },
        { QStringLiteral("horizon_source"),
          plan->horizonYear ? QStringLiteral("plans[].horizon_year")
                            : QStringLiteral("default: latest start year + 10"),
          QString() },
        { QStringLiteral("last_carbon_year"), QString::number(run.lastCarbonYear), QStringLiteral("year") },
        { QStringLiteral("baseline_rule"), rule, QString() },
        { QStringLiteral("bounds"), boundsNote, QString() },
        { QStringLiteral("iterations"), mc ? QString::number(iterations) : QString(), QString() },
        { QStringLiteral("seed"), mc ? QString::number(mc->seed) : QString(), QString() },
    };
    if (run.gep) {
        t.rows.push_back({ QStringLiteral("gep_accounting_year"),
                           QString::number(run.gep->accountingYear),
                           QStringLiteral("year") });
        t.rows.push_back({ QStringLiteral("gep_baseline_total"),
                           QString::number(run.gep->baselineTotalCny, 'f', 2),
                           QStringLiteral("CNY/a") });
        t.rows.push_back({ QStringLiteral("gep_plan_total"),
                           QString::number(run.gep->baselineTotalCny + run.gep->diffTotalCny, 'f', 2),
                           QStringLiteral("CNY/a") });
    }
    return t;
}

void buildPlanResultSet(PlanRun& run,
                        const Project& project,
                        const ProjectPlan* plan,
                        const std::vector<ChangeParcels>& changes,
                        const PlanOptions& options,
                        const std::optional<carbon::UncertaintySettings>& mc,
                        bool unsampled,
                        const std::vector<analysis::ParameterRecord>& parameterRows,
                        const QDateTime& started) {
    gis::Feedback* fb = options.feedback;
    const int iterations = mc ? std::max(1, mc->iterations) : 0;
    // Result set.
    analysis::ResultSet& rs = run.results;
    rs.analysis = QStringLiteral("restoration_plan");
    const QString rule =
      QStringLiteral("Baseline after the last carbon date (%1): each parcel keeps its %1 stock up to the "
                     "horizon (no change is projected where none is observed); the plan's parcel keeps that "
                     "pre-planting stock and adds the planting's accrual from its start year, so the "
                     "difference at the horizon is the accrual.")
        .arg(run.lastCarbonYear);
    const QString boundsNote =
      !mc
        ? QStringLiteral("no Monte Carlo (carbon.uncertainty absent and --uncertainty not given): no bounds")
      : unsampled
        ? QStringLiteral("restoration (§4) parcels: 2.5/50/97.5 percentiles of the difference drawn from the "
                         "Wetlands Supplement row's distributions; forest plantings are not sampled, so the "
                         "totals have no bounds; per-pool bounds are not given")
        : QStringLiteral("2.5/50/97.5 percentiles over Monte Carlo iterations; the total's bounds are the "
                         "percentiles of the per-iteration sums of the parcels' differences (same draws, "
                         "the baseline cancels within an iteration); per-pool bounds are not given");
    rs.addTable(planParcelsTable(run, project, changes, rule));
    rs.addTable(planTotalsTable(run, boundsNote));
    rs.addTable(planSettingsTable(run, plan, mc, iterations, rule, boundsNote));
    addPlanGepTables(run, rs);
    rs.provenance.analysis = rs.analysis;
    rs.provenance.version =
      options.version.isEmpty() ? QCoreApplication::applicationVersion() : options.version;
    rs.provenance.projectFile =
      project.fileName().isEmpty() ? QString() : QFileInfo(project.fileName()).absoluteFilePath();
    rs.provenance.started = started;
    rs.provenance.parameters = parameterRows;
    // The parcel layers and plan layers the plan read (SHA-256, CRS, extent, features).
    QStringList described;
    for (const ProjectPlanChange& c : plan->changes) {
        const ProjectLayer* layer = c.layer.isEmpty() ? nullptr : project.layer(c.layer);
        const QString path = layer ? project.resolve(layer->path) : project.resolve(c.planLayer);
        if (described.contains(path))
            continue;
        described << path;
        rs.provenance.inputs.push_back(
          analysis::describeInput(path,
                                  QStringLiteral("vector"),
                                  layer ? layer->role : QStringLiteral("plan_layer"),
                                  layer ? layer->id : c.planLayer,
                                  QString(),
                                  fb));
    }
    rs.provenance.settings.push_back(
      { QStringLiteral("plan"), plan->name, QString(), QStringLiteral("plans") });
    rs.provenance.settings.push_back({ QStringLiteral("plan.horizon_year"),
                                       QString::number(run.horizon),
                                       QStringLiteral("year"),
                                       QString() });
    for (const Issue& i : run.issues)
        rs.messages.push_back(analysis::messageOf(i));
    rs.provenance.finished = QDateTime::currentDateTimeUtc();
}

/// The baseline carbon run's parcels table (PlanOptions::baseline), indexed by (layer, source_fid) of
/// its primary rows: per planted parcel its type, its accounted share (the part the project ledger gives
/// its layer: a part under a layer of higher precedence is that layer's, so planting it would count its
/// hectares twice) and the accounted part's stock at the last carbon date.
class Baseline {
public:
    Baseline(const analysis::Table* table, int lastCarbonYear)
      : m_table(lastCarbonYear > 0 ? table : nullptr) {
        if (!m_table)
            return;
        const analysis::Table& t = *m_table;
        const int cl = t.columnIndex(QStringLiteral("layer")),
                  cf = t.columnIndex(QStringLiteral("source_fid")),
                  cp = t.columnIndex(QStringLiteral("primary"));
        // The accounted part's stock at the last date (older results: the parcel's).
        m_stockColumn = QStringLiteral("accounted_c_total_t_%1").arg(lastCarbonYear);
        if (t.columnIndex(m_stockColumn) < 0)
            m_stockColumn = QStringLiteral("c_total_t_%1").arg(lastCarbonYear);
        if (cl < 0 || cf < 0)
            return;
        for (std::size_t r = 0; r < t.rowCount(); ++r) {
            if (cp >= 0) {
                const QVariant v = t.value(r, cp);
                if (!v.isNull() && !v.toBool() && v.toString() != QLatin1String("1") &&
                    v.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) != 0)
                    continue;
            }
            m_rowOf.emplace(std::make_pair(t.value(r, cl).toString(), t.value(r, cf).toLongLong()), r);
        }
    }
    /// Sets p's baseline type, stock and accounted share from its row (nothing when it has none).
    void apply(PlanParcel& p) const {
        const auto it = m_rowOf.find({ p.layer, p.fid });
        if (it == m_rowOf.end())
            return;
        const analysis::Table& t = *m_table;
        p.baselineType = t.value(it->second, QStringLiteral("ecosystem_type")).toString();
        if (const double stock = t.number(it->second, m_stockColumn); std::isfinite(stock))
            p.baselineStockT = stock;
        if (const double share = t.number(it->second, QStringLiteral("accounted_share"));
            std::isfinite(share))
            p.accountedShare = std::clamp(share, 0.0, 1.0);
    }

private:
    const analysis::Table* m_table = nullptr;
    QString m_stockColumn;
    std::map<std::pair<QString, qint64>, std::size_t> m_rowOf;
};

/// Restoration parcels of one (climate, planted) setting: one Monte Carlo model for all of them.
struct BlueGroup {
    carbon::MangroveWsParams ws;
    bool planted = true;
    std::vector<PlanParcel*> parcels;
};

/// Monte Carlo of one group's stocks at `horizon` (carbon-methods.md §4, §6.2): each parcel's bounds and
/// samples, and the group's per-iteration sum added to `total`. False when an error stops the plan.
bool sampleBlueGroup(BlueGroup& g,
                     const params::ParameterTable& wsTable,
                     const QString& wsFile,
                     const carbon::UncertaintySettings& mc,
                     int horizon,
                     gis::Feedback* fb,
                     Issues& issues,
                     std::vector<double>& total) {
    const uncertainty::MangroveWsUncertainty model =
      uncertainty::buildMangroveWsUncertainty(wsTable, g.ws, carbon::uncertaintyDefaults(mc));
    issues.insert(issues.end(), model.issues.begin(), model.issues.end());
    if (params::hasErrors(issues))
        return false;
    if (!model.fixedIds.empty()) {
        QStringList ids;
        for (const std::string& id : model.fixedIds)
            ids << QString::fromStdString(id);
        issues.push_back({ Issue::Severity::Warning,
                           wsFile,
                           0,
                           QString(),
                           PlanModel::tr("%1 value(s) have no uncertainty in the table and no "
                                         "default (--default-uncertainty): treated as exact, "
                                         "so the bounds leave them out: %2")
                             .arg(ids.size())
                             .arg(ids.join(QStringLiteral(", "))) });
    }
    int first = horizon;
    std::vector<std::vector<uncertainty::RestorationUnitPlot>> units;
    std::vector<uncertainty::RestorationUnitPlot> all;
    for (const PlanParcel* p : g.parcels) {
        const uncertainty::RestorationUnitPlot u{ p->startYear, g.planted, p->plantedHa() };
        units.push_back({ u });
        all.push_back(u);
        first = std::min(first, p->startYear);
    }
    units.push_back(all);
    uncertainty::MonteCarloOptions mo;
    mo.iterations = std::max(1, mc.iterations);
    mo.seed = mc.seed;
    mo.feedback = fb;
    std::vector<uncertainty::UnitSamples> samples =
      uncertainty::sampleRestorationUnits(model, units, { first, horizon }, mo);
    for (std::size_t k = 0; k < g.parcels.size(); ++k) {
        std::vector<double>& s = samples[k].stocks.back().samples;
        g.parcels[k]->samplesT = s; // in iteration order (summarize may reorder s)
        const uncertainty::Interval iv = uncertainty::summarize(s);
        g.parcels[k]->bounds =
          carbon::Bounds{ iv.p2_5, iv.p50, iv.p97_5, std::numeric_limits<double>::quiet_NaN() };
    }
    const std::vector<double>& sum = samples.back().stocks.back().samples;
    for (std::size_t i = 0; i < total.size() && i < sum.size(); ++i)
        total[i] += sum[i];
    return true;
}

} // namespace

PlanRun runPlan(const Project& project, const QString& name, const PlanOptions& options) {
    const QDateTime started = QDateTime::currentDateTimeUtc();
    PlanRun run;
    run.plan = name;
    const ProjectPlan* plan = findPlan(project, name);
    if (!plan) {
        QStringList names;
        for (const ProjectPlan& p : project.plans)
            names << p.name;
        run.issues.push_back(
          error(project,
                QStringLiteral("plans"),
                PlanModel::tr("the project has no plan named '%1' (plans: %2)")
                  .arg(name, names.isEmpty() ? PlanModel::tr("none") : names.join(QStringLiteral(", ")))));
        run.stopped = true;
        return run;
    }
    const std::size_t index = std::size_t(plan - project.plans.data());
    gis::Feedback* fb = options.feedback;
    run.issues = carbon::validateCarbonProject(project);
    if (params::hasErrors(run.issues)) {
        run.stopped = true;
        return run;
    }
    const std::vector<ChangeParcels> changes = resolveChanges(project, *plan, index, run.issues, fb);
    if (params::hasErrors(run.issues)) {
        run.stopped = true;
        return run;
    }
    run.horizon = horizonYear(*plan);
    const std::vector<int> years = carbon::carbonYears(project);
    run.lastCarbonYear = years.empty() ? 0 : years.back();
    const std::optional<carbon::UncertaintySettings> mc =
      options.uncertainty ? options.uncertainty : carbon::uncertaintySettings(project);

    // Parameter tables of the planting models.
    QString wsFile, growthFile;
    std::optional<params::LoadedTable> wsTable, growthTable;
    std::vector<analysis::ParameterRecord> parameterRows;
    std::set<std::pair<QString, int>> rowsListed;
    auto listRow = [&](const QString& role,
                       const QString& file,
                       int row,
                       const QString& key,
                       params::Tag tag,
                       const QString& source) {
        if (!rowsListed.insert({ file, row }).second)
            return;
        analysis::ParameterRecord r;
        r.table = role;
        r.file = file;
        r.row = row;
        r.key = key;
        r.tag = params::tagName(tag);
        r.source = source;
        r.flagged = params::isFlagged(tag);
        parameterRows.push_back(r);
    };

    const Baseline baseline(options.baseline, run.lastCarbonYear);

    // The restoration settings (climate, planted) of a target's bluecarbon entry, with the declared
    // defaults (carbon::MethodParcel::option).
    auto restorationOf = [&](const QString& target) {
        carbon::MethodParcel entry;
        for (const ProjectCarbonMethod& m : *methodsOf(project, target))
            if (m.method == QLatin1String("bluecarbon"))
                entry.options = m.options;
        return std::pair<QString, bool>{
            entry.option(QStringLiteral("climate")).toLower(),
            carbon::parseYesNo(QVariant(entry.option(QStringLiteral("planted")))).value_or(true)
        };
    };

    // Monte Carlo groups of restoration parcels: per (climate, planted) one model and its units.
    std::map<std::pair<QString, bool>, BlueGroup> blueGroups;
    bool unsampled = false; // forest plantings: no Monte Carlo of their growth here

    for (std::size_t j = 0; j < changes.size(); ++j) {
        const ProjectPlanChange& c = plan->changes[j];
        const QString model = plantingModel(project, c.target);
        for (PlanParcel p : changes[j].parcels) {
            baseline.apply(p);
            const double plantedHa = p.plantedHa();
            const double years = double(std::max(0, run.horizon - c.startYear));
            if (model == kBlue) {
                // carbon-methods.md §4: the planted parcel is a restoration plot planted in the start year.
                const auto [climate, planted] = restorationOf(c.target);
                if (!wsTable) {
                    wsTable = carbon::loadCarbonProjectTable(
                      project, QStringLiteral("mangrove_ws"), carbon::mangroveWsSpec(), wsFile);
                    run.issues.insert(run.issues.end(), wsTable->issues.begin(), wsTable->issues.end());
                    if (params::hasErrors(run.issues)) {
                        run.stopped = true;
                        return run;
                    }
                }
                const std::optional<carbon::MangroveWsParams> ws =
                  carbon::mangroveWsParams(wsTable->table, climate);
                if (!ws) {
                    run.issues.push_back(
                      { Issue::Severity::Error,
                        wsFile,
                        0,
                        QStringLiteral("climate"),
                        PlanModel::tr("the Wetlands Supplement table has no row for climate "
                                      "'%1' (carbon.methods.%2 option climate)")
                          .arg(climate, c.target) });
                    run.stopped = true;
                    return run;
                }
                listRow(QStringLiteral("mangrove_ws"), ws->file, ws->line, ws->climate, ws->tag, ws->source);
                const carbon::RestorationStock s =
                  carbon::restorationStockAt(*ws, c.startYear, run.horizon, planted);
                p.diffT[QStringLiteral("c_biomass")] = s.biomass * plantedHa;
                p.diffT[QStringLiteral("c_soil")] = s.soil * plantedHa;
                p.diffTotalT = s.total() * plantedHa;
                run.parcels.push_back(p);
                BlueGroup& g = blueGroups[{ climate, planted }];
                g.ws = *ws;
                g.planted = planted;
            } else {
                // §3.2 Eq. 2.9: a young planting gains G_W × (1 + R) × CF per hectare and year.
                if (!growthTable) {
                    growthTable = carbon::loadCarbonProjectTable(
                      project, QStringLiteral("growth_rates"), carbon::growthRatesSpec(), growthFile);
                    run.issues.insert(
                      run.issues.end(), growthTable->issues.begin(), growthTable->issues.end());
                    if (params::hasErrors(run.issues)) {
                        run.stopped = true;
                        return run;
                    }
                }
                const QString type = c.growthType.isEmpty() ? QStringLiteral("plantation") : c.growthType;
                const std::optional<carbon::ForestType> ft =
                  carbon::GrowthLookup(growthTable->table).find(type);
                if (!ft) {
                    run.issues.push_back(
                      error(project,
                            QStringLiteral("plans[%1].changes[%2].growth_type").arg(index).arg(j),
                            PlanModel::tr("'%1' is not a row of the growth table %2").arg(type, growthFile)));
                    run.stopped = true;
                    return run;
                }
                listRow(QStringLiteral("growth_rates"), ft->file, ft->line, ft->name, ft->tag, ft->source);
                p.diffT[QStringLiteral("c_biomass")] = ft->gainPerHaYr() * years * plantedHa;
                p.diffT[QStringLiteral("c_soil")] = 0;
                p.diffTotalT = p.diffT[QStringLiteral("c_biomass")];
                run.parcels.push_back(p);
                unsampled = true;
            }
        }
    }
    if (fb)
        fb->throwIfCancelled();
    // Group membership once run.parcels stopped growing (the pointers stay valid).
    {
        for (PlanParcel& p : run.parcels) {
            if (p.model != kBlue)
                continue;
            blueGroups[restorationOf(p.target)].parcels.push_back(&p);
        }
    }

    // Totals and Monte Carlo bounds (differences within one iteration, carbon-methods.md §6.2).
    for (const PlanParcel& p : run.parcels) {
        for (const auto& [pool, v] : p.diffT)
            run.totalByPoolT[pool] += v;
        run.totalT += p.diffTotalT;
    }
    run.totalByPoolT.emplace(QStringLiteral("c_biomass"), 0.0);
    run.totalByPoolT.emplace(QStringLiteral("c_soil"), 0.0);
    if (mc) {
        std::vector<double> total(std::size_t(std::max(1, mc->iterations)), 0.0);
        for (auto& [key, g] : blueGroups) {
            if (g.parcels.empty())
                continue;
            if (!sampleBlueGroup(g, wsTable->table, wsFile, *mc, run.horizon, fb, run.issues, total)) {
                run.stopped = true;
                return run;
            }
        }
        if (!unsampled) {
            const uncertainty::Interval iv = uncertainty::summarize(total);
            run.totalBounds =
              carbon::Bounds{ iv.p2_5, iv.p50, iv.p97_5, std::numeric_limits<double>::quiet_NaN() };
        }
    }
    if (fb)
        fb->throwIfCancelled();
    if (options.gep) {
        runPlanGep(run, project, options, mc && !unsampled && !run.parcels.empty());
        if (run.stopped)
            return run;
    }

    buildPlanResultSet(run, project, plan, changes, options, mc, unsampled, parameterRows, started);
    analysis::ResultSet& rs = run.results;

    if (!options.outDir.isEmpty()) {
        gis::StagedOutput staged(options.outDir);
        const QStringList written = analysis::writeResultSet(rs, staged.path().toStdString());
        if (fb)
            fb->throwIfCancelled();
        staged.commit();
        for (const QString& f : written)
            rs.files << QDir(staged.path()).relativeFilePath(f);
    }
    return run;
}

} // namespace tanhui::models::plans
