// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/analysis/ResultSet.h"
#include "models/carbon/CarbonResult.h"
#include "models/carbon/ProjectUncertainty.h"
#include "models/params/ParameterTable.h"
#include "models/project/Project.h"

#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace tanhui::gis {
class Feedback;
}

namespace tanhui::models::plans {

// ---------------------------------------------------------------------------------------------------
// Restoration plans (issue 13; docs/carbon-project.md "Restoration plans"): a plan's parcels take a
// target ecosystem type from a start year on; the plan is compared with the baseline at the plan's
// horizon year. Nothing is copied: the plan is derived in memory from the project (its parcels, the
// target type's method and parameter tables, the start year as planting year).
//
// Carbon of a planted parcel (t C above its pre-planting stock, which it keeps):
//  - a target computed by "bluecarbon" (e.g. mangrove): the restoration-plot accrual of
//    carbon-methods.md §4 (Tier 1, Wetlands Supplement row of the method's `climate` option, soil
//    removals when `planted`), planting year = start year — as a restoration_plots layer's plot;
//  - a target computed by a forest method (gainloss, volume_gainloss, volume, regression): a young
//    planting growing at the Tier 1 rate ΔC_G = G_W × (1 + R) × CF of the growth table (§3.2 Eq. 2.9,
//    row `growth_type`, default "plantation", Table 4.10) from the start year, all in c_biomass.
// Baseline after the last carbon date: each parcel keeps its stock of the last date (no change is
// projected where none is observed), so the difference at the horizon is the plan's accrual.
// ---------------------------------------------------------------------------------------------------

/// The plan named `name`, or null.
const ProjectPlan* findPlan(const Project& project, const QString& name);

/// The plan's horizon year: plan.horizon_year, else the latest start year + 10.
int horizonYear(const ProjectPlan& plan);

/// How a target type is planted: "bluecarbon_restoration" (§4), "forest_growth" (§3.2) or empty
/// when the project's carbon methods of the type allow neither (or the type has no method).
QString plantingModel(const Project& project, const QString& targetType);

/// @brief Checks plan `index` of the project; every problem is an error naming the project file
/// (Issue::file), the key (Issue::column, e.g. "plans[0].changes[1].parcels") and the value: a layer
/// that is not a parcel layer of the project, parcel ids the layer's id field does not hold, a plan
/// layer that is missing or not a polygon layer, a target type the project's carbon methods do not
/// know or cannot plant, a start year before the first carbon year, a horizon not after every start
/// year, a parcel in two changes. Reads the layers (ids).
params::Issues validatePlan(const Project& project, std::size_t index);

/// @brief Options of runPlan().
struct PlanOptions {
    /// Output folder: the result set is written there through a gis::StagedOutput (nothing of a
    /// cancelled or failed run reaches it). Empty: nothing is written.
    QString outDir;
    gis::Feedback* feedback = nullptr;
    /// Monte Carlo settings (bounds); nullopt: the project's carbon.uncertainty (none when absent).
    std::optional<carbon::UncertaintySettings> uncertainty;
    /// The baseline carbon run's "parcels" table (e.g. gep::readCarbonResultSet): its ecosystem type
    /// and stock at the last carbon date fill the baseline and plan stock columns; null: left empty.
    const analysis::Table* baseline = nullptr;
    QString baselineOrigin; ///< where `baseline` was read (a folder), for messages and the provenance
    /// Also value the plan's GEP against the baseline's (see "GEP of a plan" below): the project's GEP
    /// account (its gep section, as `tanhui-cli gep --project` without flags), the baseline's carbon
    /// flux from `baseline` (required).
    bool gep = false;
    QString version; ///< software version for the provenance
};

/// @brief One planted parcel.
struct PlanParcel {
    QString layer; ///< project layer id, or the plan layer's path
    QString id;    ///< value of the id field (plan layer: the FID)
    qint64 fid = -1;
    QString baselineType;  ///< from the baseline table (empty without it)
    QString target, model; ///< target type, plantingModel()
    int startYear = 0;
    double areaHa = 0;
    /// The share of the parcel its layer accounts for in the project ledger (the baseline's
    /// accounted_share; 1 without a baseline): the rest lies under a layer of higher precedence and is
    /// that layer's, so the plan plants and values only this part (docs/carbon-project.md, "Restoration
    /// plans").
    double accountedShare = 1.0;
    double plantedHa() const { return areaHa * accountedShare; } ///< the accounted part's area, ha
    std::map<QString, double> diffT; ///< per pool (c_biomass, c_soil): t C at the horizon, accounted part
    double diffTotalT = 0;
    std::optional<double>
      baselineStockT; ///< accounted part's baseline at the last carbon date (kept to the horizon)
    std::optional<carbon::Bounds> bounds; ///< of diffTotalT
    std::vector<double> samplesT;         ///< Monte Carlo draws of diffTotalT (empty: not sampled)
    std::vector<unsigned char> wkb;       ///< geometry (ISO WKB, in PlanRun::crs)
};

// ---------------------------------------------------------------------------------------------------
// GEP of a plan (docs/carbon-project.md "Restoration plans"; gep-methods.md): the project's GEP account
// runs once (gep::runGepProject, the same run as `tanhui-cli gep`: accounting year = the latest land-cover
// date, its rasters, prices and profile) and values each planted parcel twice: as in the baseline, and
// with the plan — the target type's ecosystem row (coefficients, material products) and the baseline's
// carbon flux plus the planting's mean accrual from the start year to the horizon (diff ÷ years, biomass
// as vegetation, soil as soil, §4.8, §4.9). The difference is the plan's GEP at the horizon minus the
// baseline's, per parcel and per service (CNY/a, the parcel's accounted part). Bounds: each Monte Carlo
// draw of a parcel's accrual is valued again (the other inputs fixed), differences summed per iteration.
// Rasters (ET, soil retention's C factor) stay those of the accounting year.
// ---------------------------------------------------------------------------------------------------

/// @brief One planted parcel's GEP difference.
struct PlanGepParcel {
    QString layer, id;
    qint64 fid = -1;
    QString baselineEcosystem, planEcosystem; ///< names of the ecosystem rows
    double areaHa = 0, accountedShare = 1.0;
    std::optional<double> baselineFluxTC;       ///< t C/a the baseline's GEP valued
    double addedFluxTC = 0;                     ///< t C/a the plan adds
    double baselineCny = 0, planCny = 0;        ///< GEP of the accounted part, CNY/a
    std::map<QString, double> diffByServiceCny; ///< indicator key → plan − baseline, CNY/a
    double diffEmissionCny = 0;                 ///< net carbon source next to GEP: plan − baseline
    std::optional<carbon::Bounds> bounds;       ///< of planCny − baselineCny
};

/// @brief The plan's GEP against the baseline's.
struct PlanGep {
    int accountingYear = 0;
    double baselineTotalCny = 0; ///< the baseline's GEP of the whole project, CNY/a
    std::vector<PlanGepParcel> parcels;
    std::map<QString, double> baselineByServiceCny, planByServiceCny, diffByServiceCny; ///< planted parcels
    std::map<QString, carbon::Bounds> serviceBounds; ///< services whose value varies with the draws
    double diffTotalCny = 0, diffEmissionCny = 0;
    std::optional<carbon::Bounds> totalBounds;
    QStringList services; ///< indicator keys in report order
};

/// @brief What runPlan() returns.
struct PlanRun {
    QString plan;
    int horizon = 0, lastCarbonYear = 0;
    std::vector<PlanParcel> parcels;
    std::map<QString, double> totalByPoolT; ///< Σ parcels per pool, t C
    double totalT = 0;
    std::optional<carbon::Bounds> totalBounds; ///< per-iteration sums of the parcels' differences
    std::optional<PlanGep> gep;                ///< with PlanOptions::gep
    params::Issues issues;                     ///< errors stop the run (`stopped`)
    bool stopped = false;
    /// Tables plan_parcels, plan_totals, plan_settings (with GEP: plan_gep_parcels, plan_gep_services),
    /// with units and descriptions.
    analysis::ResultSet results;
};

/// @brief Validates and runs plan `name` (see the top of this file) and, with options.outDir, writes
/// its result set atomically. Throws GisError for I/O, CancelledError when cancelled (the output
/// folder is then as before).
PlanRun runPlan(const Project& project, const QString& name, const PlanOptions& options);

} // namespace tanhui::models::plans
