// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/plans/PlanGep.h"

#include "gis/Feedback.h"
#include "models/analysis/AnalysisSpec.h"
#include "models/analysis/Declarations.h"
#include "models/gep/GepProject.h"
#include "models/gep/GepSetup.h"
#include "models/gep/GepTables.h"
#include "models/uncertainty/Distribution.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace tanhui::models::plans {

namespace {

struct PlanModel {
    Q_DECLARE_TR_FUNCTIONS(PlanModel)
};

using Type = gis::TableColumn::Type;

analysis::Column col(const QString& name, Type type, const QString& unit, const QString& description) {
    return { name, unit, description, type };
}

/// The GEP of a parcel's results (CNY/a, every non-skipped indicator) and its emission next to GEP.
double gepOf(const std::vector<gep::IndicatorResult>& results) {
    return gep::totalValue(results);
}
double emissionOf(const std::vector<gep::IndicatorResult>& results) {
    double e = 0;
    for (const gep::IndicatorResult& r : results)
        if (!r.skipped)
            e += r.emissionYuan;
    return e;
}
void addByService(const std::vector<gep::IndicatorResult>& results,
                  double sign,
                  std::map<QString, double>& out) {
    for (const gep::IndicatorResult& r : results)
        out[r.key] += r.skipped ? 0.0 : sign * r.valueYuan;
}

carbon::Bounds boundsOf(std::vector<double> draws) {
    const uncertainty::Interval iv = uncertainty::summarize(draws);
    return { iv.p2_5, iv.p50, iv.p97_5, std::numeric_limits<double>::quiet_NaN() };
}

QVariant opt(const std::optional<double>& v) {
    return v ? QVariant(*v) : QVariant();
}

} // namespace

void runPlanGep(PlanRun& run, const Project& project, const PlanOptions& options, bool sampled) {
    using params::Issue;
    if (!options.baseline) {
        run.issues.push_back({ Issue::Severity::Error,
                               project.fileName(),
                               0,
                               QStringLiteral("carbon-results"),
                               PlanModel::tr("the GEP of a plan needs the baseline's carbon result set "
                                             "(tanhui-cli plan --carbon-results DIR): its carbon flux is "
                                             "the baseline the plan adds to") });
        run.stopped = true;
        return;
    }
    gis::Feedback* fb = options.feedback;
    // The project's GEP account, as `tanhui-cli gep --project` without flags.
    const analysis::AnalysisSpec& spec = *analysis::findAnalysis(QStringLiteral("gep"));
    gep::GepSettings settings =
      analysis::gepSettings(spec, project, analysis::defaultValues(spec, &project), {});
    gep::GepPlan model = gep::prepareGepModel(project, settings);
    run.issues.insert(run.issues.end(), model.issues.begin(), model.issues.end());
    if (params::hasErrors(run.issues)) {
        run.stopped = true;
        return;
    }
    model.inputs.carbonResults = gep::CarbonInput{ *options.baseline, options.baselineOrigin };
    model.inputs.projectFile = project.fileName();
    // The changes: planted parcels of the project's layers (a plan layer's features are not parcels of
    // the GEP run); the target type must have a row of the ecosystem table.
    QSet<QString> unknownTargets;
    int planLayerParcels = 0;
    for (const PlanParcel& p : run.parcels) {
        if (!project.layer(p.layer)) {
            ++planLayerParcels;
            continue;
        }
        if (gep::ecosystemKeyForType(model.inputs.model.ecosystems, p.target).isEmpty())
            unknownTargets.insert(p.target);
        const int span = run.horizon - p.startYear;
        gep::ParcelChange c;
        c.ecosystemType = p.target;
        // The accounted part's accrual (PlanParcel::plantedHa), per year.
        c.addedVegetationTcPerYr = span > 0 ? p.diffT.at(QStringLiteral("c_biomass")) / span : 0.0;
        c.addedSoilTcPerYr = span > 0 ? p.diffT.at(QStringLiteral("c_soil")) / span : 0.0;
        model.inputs.changes[{ p.layer, p.fid }] = c;
    }
    for (const QString& t : unknownTargets)
        run.issues.push_back({ Issue::Severity::Error,
                               project.fileName(),
                               0,
                               QStringLiteral("plans"),
                               PlanModel::tr("the target type '%1' has no row in the GEP ecosystem table "
                                             "(gep/ecosystem_params: its column types); add it to value "
                                             "the plan's GEP")
                                 .arg(t) });
    if (planLayerParcels > 0)
        run.issues.push_back({ Issue::Severity::Warning,
                               project.fileName(),
                               0,
                               QStringLiteral("plans"),
                               PlanModel::tr("%1 parcel(s) of plan layers are not parcels of the GEP run: "
                                             "their GEP difference is not valued")
                                 .arg(planLayerParcels) });
    if (params::hasErrors(run.issues)) {
        run.stopped = true;
        return;
    }
    gep::GepOptions go;
    go.feedback = fb;
    const gep::GepRun g = gep::runGepProject(project, model.inputs, go);

    PlanGep out;
    for (const auto& s : g.results.provenance.settings)
        if (s.key == QLatin1String("accounting_year"))
            out.accountingYear = s.value.toInt();
    out.baselineTotalCny = g.totals.total;
    for (const gep::IndicatorSpec& spec : gep::indicatorRegistry())
        if (model.inputs.model.profile.enabled(QString::fromLatin1(spec.key)))
            out.services << QString::fromLatin1(spec.key);
    const gep::GepModel& m = model.inputs.model;
    std::map<std::pair<QString, qint64>, const PlanParcel*> planned;
    for (const PlanParcel& p : run.parcels)
        planned[{ p.layer, p.fid }] = &p;
    const int iterations = sampled && !run.parcels.empty() ? int(run.parcels.front().samplesT.size()) : 0;
    std::vector<double> totalDraws(std::size_t(iterations), 0.0);
    std::map<QString, std::vector<double>> serviceDraws;
    for (const gep::ChangedParcel& c : g.changed) {
        if (fb)
            fb->throwIfCancelled();
        const PlanParcel& p = *planned.at({ c.layer, c.fid });
        // c.baseline and c.plan are of the accounted part already (gep::ChangedParcel), as the carbon
        // differences (PlanParcel::plantedHa).
        PlanGepParcel r;
        r.layer = c.layer;
        r.id = c.id;
        r.fid = c.fid;
        r.baselineEcosystem = c.baselineName;
        r.planEcosystem = c.planName;
        r.areaHa = c.areaHa;
        r.accountedShare = c.accountedShare;
        r.baselineFluxTC = c.baselineFluxTC;
        const int span = run.horizon - p.startYear;
        r.addedFluxTC = span > 0 ? p.diffTotalT / span : 0.0;
        r.baselineCny = gepOf(c.baseline);
        r.planCny = gepOf(c.plan);
        addByService(c.plan, 1.0, r.diffByServiceCny);
        addByService(c.baseline, -1.0, r.diffByServiceCny);
        r.diffEmissionCny = emissionOf(c.plan) - emissionOf(c.baseline);
        addByService(c.baseline, 1.0, out.baselineByServiceCny);
        addByService(c.plan, 1.0, out.planByServiceCny);
        // Monte Carlo: the parcel's drawn accrual valued again, pools in the point estimate's proportion.
        if (!p.samplesT.empty() && span > 0) {
            std::vector<double> parcelDraws(p.samplesT.size());
            const double veg = p.diffT.at(QStringLiteral("c_biomass")),
                         soil = p.diffT.at(QStringLiteral("c_soil"));
            const double baseGep = gepOf(c.baseline);
            for (std::size_t i = 0; i < p.samplesT.size(); ++i) {
                const double f = p.diffTotalT != 0 ? p.samplesT[i] / p.diffTotalT : 0.0;
                const std::vector<gep::IndicatorResult> drawn =
                  c.planWithAdded(veg * f / span, soil * f / span, m);
                parcelDraws[i] = gepOf(drawn) - baseGep;
                if (i < totalDraws.size())
                    totalDraws[i] += parcelDraws[i];
                for (const gep::IndicatorResult& d : drawn) {
                    std::vector<double>& sd = serviceDraws[d.key];
                    sd.resize(totalDraws.size(), 0.0);
                    if (i < sd.size())
                        sd[i] += d.skipped ? 0.0 : d.valueYuan;
                }
            }
            for (const gep::IndicatorResult& b : c.baseline) {
                std::vector<double>& sd = serviceDraws[b.key];
                sd.resize(totalDraws.size(), 0.0);
                for (double& v : sd)
                    v -= b.skipped ? 0.0 : b.valueYuan;
            }
            r.bounds = boundsOf(std::move(parcelDraws));
        }
        out.parcels.push_back(std::move(r));
    }
    for (const QString& s : out.services) {
        out.diffByServiceCny[s] = out.planByServiceCny[s] - out.baselineByServiceCny[s];
        out.diffTotalCny += out.diffByServiceCny[s];
    }
    for (const PlanGepParcel& r : out.parcels)
        out.diffEmissionCny += r.diffEmissionCny;
    if (iterations > 0) {
        out.totalBounds = boundsOf(totalDraws);
        for (const auto& [key, draws] : serviceDraws) {
            const auto [lo, hi] = std::minmax_element(draws.begin(), draws.end());
            if (lo != draws.end() && *hi - *lo > 1e-9 * std::max(1.0, std::abs(*hi)))
                out.serviceBounds[key] = boundsOf(draws);
        }
    }
    run.gep = std::move(out);
}

namespace {

/// The table "plan_gep_parcels": per planted parcel, the plan's GEP minus the baseline's (CNY/a), in
/// total and per service; `rule` says how both are valued.
analysis::Table planGepParcelsTable(const PlanRun& run, const QString& rule) {
    const PlanGep& g = *run.gep;
    analysis::Table t;
    t.name = QStringLiteral("plan_gep_parcels");
    t.title = QStringLiteral("Restoration plan: GEP difference per parcel");
    t.description = QStringLiteral("One row per planted parcel of a project layer: the plan's GEP minus "
                                   "the baseline's (CNY/a), in total and per service. ") +
                    rule;
    t.columns = {
        col(QStringLiteral("layer"), Type::String, {}, QStringLiteral("Project layer id.")),
        col(QStringLiteral("parcel_id"), Type::String, {}, QStringLiteral("Value of the layer's id field.")),
        col(QStringLiteral("source_fid"), Type::Integer, {}, QStringLiteral("Feature id in the layer.")),
        col(QStringLiteral("baseline_ecosystem"),
            Type::String,
            {},
            QStringLiteral("Ecosystem row of the baseline's GEP.")),
        col(QStringLiteral("plan_ecosystem"),
            Type::String,
            {},
            QStringLiteral("Ecosystem row of the plan's target type.")),
        col(QStringLiteral("area_ha"), Type::Real, QStringLiteral("ha"), QStringLiteral("Area (ha).")),
        col(QStringLiteral("accounted_share"),
            Type::Real,
            QStringLiteral("1"),
            QStringLiteral("Part of the parcel GEP counts (the project ledger), fraction.")),
        col(QStringLiteral("baseline_flux_tc_per_yr"),
            Type::Real,
            QStringLiteral("t C/a"),
            QStringLiteral("Carbon flux the baseline's GEP valued (t C/a); empty: none joined.")),
        col(QStringLiteral("added_flux_tc_per_yr"),
            Type::Real,
            QStringLiteral("t C/a"),
            QStringLiteral("Mean accrual the plan adds to the parcel's accounted part: diff_total_t ÷ "
                           "(horizon − start year) (t C/a).")),
        col(QStringLiteral("baseline_gep_cny"),
            Type::Real,
            QStringLiteral("CNY/a"),
            QStringLiteral("Baseline GEP of the parcel (CNY/a).")),
        col(QStringLiteral("plan_gep_cny"),
            Type::Real,
            QStringLiteral("CNY/a"),
            QStringLiteral("Plan GEP of the parcel (CNY/a).")),
        col(QStringLiteral("diff_gep_cny"),
            Type::Real,
            QStringLiteral("CNY/a"),
            QStringLiteral("plan_gep_cny − baseline_gep_cny (CNY/a).")),
        col(QStringLiteral("diff_gep_cny_p2_5"),
            Type::Real,
            QStringLiteral("CNY/a"),
            QStringLiteral("2.5th percentile of diff_gep_cny over the accrual's Monte Carlo draws.")),
        col(QStringLiteral("diff_gep_cny_p50"),
            Type::Real,
            QStringLiteral("CNY/a"),
            QStringLiteral("Median of diff_gep_cny over the draws.")),
        col(QStringLiteral("diff_gep_cny_p97_5"),
            Type::Real,
            QStringLiteral("CNY/a"),
            QStringLiteral("97.5th percentile of diff_gep_cny over the draws.")),
        col(QStringLiteral("diff_emission_cny"),
            Type::Real,
            QStringLiteral("CNY/a"),
            QStringLiteral("Change of the net carbon source valued next to GEP (not in GEP) (CNY/a).")),
    };
    for (const QString& s : g.services)
        t.columns.push_back(col(QStringLiteral("diff_%1_cny").arg(s),
                                Type::Real,
                                QStringLiteral("CNY/a"),
                                QStringLiteral("Difference of the service %1 (CNY/a).").arg(s)));
    for (const PlanGepParcel& p : g.parcels) {
        std::vector<QVariant> row{ p.layer,
                                   p.id,
                                   QVariant(qlonglong(p.fid)),
                                   p.baselineEcosystem,
                                   p.planEcosystem,
                                   p.areaHa,
                                   p.accountedShare,
                                   opt(p.baselineFluxTC),
                                   p.addedFluxTC,
                                   p.baselineCny,
                                   p.planCny,
                                   p.planCny - p.baselineCny,
                                   p.bounds ? QVariant(p.bounds->p2_5) : QVariant(),
                                   p.bounds ? QVariant(p.bounds->p50) : QVariant(),
                                   p.bounds ? QVariant(p.bounds->p97_5) : QVariant(),
                                   p.diffEmissionCny };
        for (const QString& s : g.services) {
            const auto it = p.diffByServiceCny.find(s);
            row.push_back(it == p.diffByServiceCny.end() ? 0.0 : it->second);
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

/// The table "plan_gep_services": per service, summed over the planted parcels, with Monte Carlo bounds.
analysis::Table planGepServicesTable(const PlanRun& run, const QString& rule) {
    const PlanGep& g = *run.gep;
    analysis::Table t;
    t.name = QStringLiteral("plan_gep_services");
    t.title = QStringLiteral("Restoration plan: GEP difference by service");
    t.description =
      QStringLiteral("Per service of the profile, summed over the planted parcels: baseline, plan and "
                     "difference (CNY/a), then the total and the carbon emission valued next to GEP. "
                     "Bounds: 2.5/50/97.5 percentiles over the Monte Carlo draws of the accrual (each draw "
                     "valued again, differences summed per iteration); given for the services whose "
                     "value varies with the draws and for the total when every planted parcel is sampled. ") +
      rule;
    t.columns = {
        col(QStringLiteral("service"),
            Type::String,
            {},
            QStringLiteral("Indicator key (gep-methods.md §4), total or carbon_emission.")),
        col(QStringLiteral("name"), Type::String, {}, QStringLiteral("Indicator name.")),
        col(QStringLiteral("category"),
            Type::String,
            {},
            QStringLiteral("material, regulating, cultural; total; next_to_gep.")),
        col(QStringLiteral("baseline_cny"),
            Type::Real,
            QStringLiteral("CNY/a"),
            QStringLiteral("Baseline value on the planted parcels (CNY/a).")),
        col(QStringLiteral("plan_cny"),
            Type::Real,
            QStringLiteral("CNY/a"),
            QStringLiteral("Plan value on the planted parcels (CNY/a).")),
        col(QStringLiteral("diff_cny"),
            Type::Real,
            QStringLiteral("CNY/a"),
            QStringLiteral("plan_cny − baseline_cny (CNY/a).")),
        col(QStringLiteral("diff_p2_5_cny"),
            Type::Real,
            QStringLiteral("CNY/a"),
            QStringLiteral("2.5th percentile of the per-iteration difference (CNY/a).")),
        col(QStringLiteral("diff_p50_cny"),
            Type::Real,
            QStringLiteral("CNY/a"),
            QStringLiteral("Median of the per-iteration difference (CNY/a).")),
        col(QStringLiteral("diff_p97_5_cny"),
            Type::Real,
            QStringLiteral("CNY/a"),
            QStringLiteral("97.5th percentile of the per-iteration difference (CNY/a).")),
        col(QStringLiteral("parcels"), Type::Integer, {}, QStringLiteral("Planted parcels valued.")),
    };
    const qlonglong n = qlonglong(g.parcels.size());
    auto bound = [](const carbon::Bounds* b, int which) -> QVariant {
        if (!b)
            return {};
        return which == 0 ? b->p2_5 : which == 1 ? b->p50 : b->p97_5;
    };
    double baseTotal = 0, planTotal = 0;
    for (const QString& s : g.services) {
        const gep::IndicatorSpec* spec = gep::findIndicator(s);
        const auto bi = g.serviceBounds.find(s);
        const carbon::Bounds* b = bi == g.serviceBounds.end() ? nullptr : &bi->second;
        const double base = g.baselineByServiceCny.count(s) ? g.baselineByServiceCny.at(s) : 0.0;
        const double plan = g.planByServiceCny.count(s) ? g.planByServiceCny.at(s) : 0.0;
        baseTotal += base;
        planTotal += plan;
        t.rows.push_back({ s,
                           spec ? QString::fromUtf8(spec->nameEn) : s,
                           spec ? gep::categoryName(spec->category) : QString(),
                           base,
                           plan,
                           g.diffByServiceCny.at(s),
                           bound(b, 0),
                           bound(b, 1),
                           bound(b, 2),
                           n });
    }
    const carbon::Bounds* tb = g.totalBounds ? &*g.totalBounds : nullptr;
    t.rows.push_back({ QStringLiteral("total"),
                       QStringLiteral("GEP"),
                       QStringLiteral("total"),
                       baseTotal,
                       planTotal,
                       g.diffTotalCny,
                       bound(tb, 0),
                       bound(tb, 1),
                       bound(tb, 2),
                       n });
    t.rows.push_back({ QStringLiteral("carbon_emission"),
                       QStringLiteral("Net carbon source (not in GEP)"),
                       QStringLiteral("next_to_gep"),
                       QVariant(),
                       QVariant(),
                       g.diffEmissionCny,
                       QVariant(),
                       QVariant(),
                       QVariant(),
                       n });
    return t;
}

} // namespace

void addPlanGepTables(const PlanRun& run, analysis::ResultSet& rs) {
    if (!run.gep)
        return;
    const QString year = QString::number(run.gep->accountingYear);
    const QString rule =
      QStringLiteral(
        "The project's GEP account (its gep section; accounting year %1, the latest land-cover "
        "date, with its rasters, prices and profile) values each planted parcel twice: as in the "
        "baseline, and with the plan's ecosystem type (its coefficients and material products) "
        "and the baseline's carbon flux plus the planting's mean accrual from the start year to "
        "the horizon %2 (biomass as vegetation, soil as soil; gep-methods.md §4.8, §4.9). "
        "Values are of the parcel's accounted part (the project ledger).")
        .arg(year)
        .arg(run.horizon);
    rs.addTable(planGepParcelsTable(run, rule));
    rs.addTable(planGepServicesTable(run, rule));
}

} // namespace tanhui::models::plans
