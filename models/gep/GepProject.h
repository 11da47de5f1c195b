// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/analysis/ResultSet.h"
#include "models/carbon/ProjectLedger.h"
#include "models/gep/Indicators.h"
#include "models/params/ParameterTable.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace tanhui::gis {
class Feedback;
}

namespace tanhui::models {
class Project;
}

namespace tanhui::models::gep {

// ---------------------------------------------------------------------------------------------------
// GEP of a project's parcels (gep-methods.md; docs/gep.md): the spatial run behind `tanhui-cli gep`,
// returning an analysis::ResultSet (issue 10). Steps: soil-retention raster (RUSLE, §4.3), the carbon
// sequestration of each parcel (the carbon run's result table, §4.8), the parcel layers and their
// ledger (each piece of ground counts once), one zonal pass per layer, the ecosystem type, the
// indicators of the profile, plausibility flags, then tables, totals and the ledger check.
// ---------------------------------------------------------------------------------------------------

/// @brief Everything loaded once before a run: prices, profile, coefficients, constants.
struct GepModel {
    PriceSet prices;
    /// The prices before the price-year adjustment (gep-methods.md §5.3: the report shows the value at
    /// current prices and at the base-year prices); empty when no adjustment ran.
    std::optional<PriceSet> basePrices;
    Profile profile;
    std::map<QString, EcosystemParams> ecosystems;
    Constants constants;
    params::ParameterTable parcelInputs;    ///< per-parcel attributes; key "<layer>:<parcel id>"
    std::vector<params::TableRow> products; ///< material products per land-cover class (§4.1)
};

/// Per-parcel attributes that no raster gives (gep-methods.md §4.5, §4.12, §4.13): parcel (<layer>:<id>),
/// visits, spend_per_visit_cny, shoreline_m, reservoir_capacity_m3, source.
const params::TableSpec& parcelInputSpec();
/// Material products per land-cover class (§4.1): product, lucode, yield_t_per_ha, price_key, source.
const params::TableSpec& productSpec();

/// @brief What defines the account, named in every output (run_settings, totals, the summary).
struct AccountSettings {
    QString profile;        ///< e.g. "NDRC2022"
    QString profileTag;     ///< e.g. "unconfirmed"
    QString priceSet;       ///< e.g. "P0_RCEES2010"
    QString priceYears;     ///< the price years of the prices used, e.g. "2010" or "2024"
    QString baseYears;      ///< with a price-year adjustment: the base years, else empty
    QString priceIndex;     ///< "none" or the index table (and fallback series)
    QString climateVariant; ///< "s1" or "cop"
    QString climateVariantText;
    QString acDays;      ///< D, or empty
    QString slopeLength; ///< λ used, m
    QString origin;      ///< where the settings came from (project gep section, flags)
};

/// @brief The carbon result of a project run (the "parcels" table of the carbon result set, or a
/// single method's parcels table) and where it came from.
struct CarbonInput {
    analysis::Table table;
    QString origin; ///< file or folder, for messages
};

/// @brief A planned change of one parcel (a restoration plan, models/plans/PlanRun.h): the ecosystem type
/// the parcel takes and the carbon the planting adds to the baseline's flux (t C/a; vegetation releases
/// O2, soil does not, gep-methods.md §4.9).
struct ParcelChange {
    QString ecosystemType;
    double addedVegetationTcPerYr = 0; ///< t C/a the change adds to the parcel's accounted part
    double addedSoilTcPerYr = 0;
};

/// @brief The inputs of a GEP run besides the project.
struct GepInputs {
    GepModel model;
    AccountSettings account;
    double slopeLengthM = 22.13; ///< uniform RUSLE slope length λ, m (§4.3)
    QStringList layerIds;        ///< parcel layers to value (empty: every parcel layer)
    /// Per layer id: the parcels table of `tanhui-cli carbon --parcels` (joined by the layer's id field
    /// or `id`).
    std::map<QString, CarbonInput> carbonTables;
    /// The carbon project run's "parcels" table (joined by layer and source_fid); layers it lacks use
    /// carbonTables or the pool method.
    std::optional<CarbonInput> carbonResults;
    /// Provenance: the parameter tables and files read before the run (profile, prices, ...).
    std::vector<analysis::InputRecord> parameterInputs;
    /// A scenario project (e.g. a restoration plan) valued with the same model: its result set goes to
    /// `<out>/scenario`, and the baseline's gets the table scenario_diff.
    const Project* scenario = nullptr;
    QString projectFile, scenarioFile; ///< the project files (absolute), for the provenance
    std::optional<CarbonInput> scenarioCarbonResults;
    /// Planned changes by (layer id, feature id): each such parcel is valued a second time with the
    /// change (GepRun::changed); the baseline's rows, tables and totals are as without changes.
    std::map<std::pair<QString, qint64>, ParcelChange> changes;
};

/// @brief How a run runs.
struct GepOptions {
    /// Output folder: the run writes its derived rasters and its result set there through a
    /// gis::StagedOutput (nothing of a cancelled or failed run reaches it). Empty: the derived rasters
    /// go to a temporary folder and nothing is written.
    QString outDir;
    int threads = 0; ///< 0: every core
    gis::Feedback* feedback = nullptr;
    /// Called once per parcel layer as it starts and for notes of the run (English or translated text);
    /// may be empty.
    std::function<void(const QString&)> info;
};

/// @brief The GEP totals over the parcels' accounted parts (docs/gep.md "Totals").
struct GepTotals {
    std::map<QString, double> byService, byCategory, byEcosystem, byDistrict;
    std::map<QString, double> areaByEcosystem;
    double total = 0;
    std::map<QString, double> baseByService, baseByCategory, baseByEcosystem, baseByDistrict;
    double baseTotal = 0;
    bool hasBase = false; ///< a price-year adjustment ran: base-year values are known
    /// Net carbon sources: emission next to GEP (not in `total`), t CO2 and CNY (base-year CNY).
    double emissionTco2 = 0, emissionYuan = 0, baseEmissionYuan = 0;
    int emissionParcels = 0;
};

struct GepParcels; // the evaluated parcels (GepRunData.h)

/// @brief A parcel of GepInputs::changes valued as in the baseline and with its change: same rasters,
/// prices, profile and parcel attributes; the plan's ecosystem row (its coefficients and material
/// products) and the baseline's carbon flux plus the change's. Values are of the parcel's accounted part,
/// as GEP's totals count it (docs/gep.md "Totals"): each indicator × accountedShare, except the carbon
/// indicators of a part the carbon run computed from its own coverage, valued from that part's flux.
struct ChangedParcel {
    QString layer, id;
    qint64 fid = -1;
    double areaHa = 0;
    double accountedShare = 1.0;                          ///< as the baseline row (the project ledger)
    QString baselineKey, baselineName, planKey, planName; ///< ecosystem rows
    std::optional<double> baselineFluxTC;                 ///< t C/a, as joined from the carbon results
    std::vector<IndicatorResult> baseline, plan;          ///< of the accounted part (valueYuan, emissionYuan)
    /// For re-evaluation with another added flux (Monte Carlo draws): the plan's input with the
    /// baseline's flux, the accounted part's own input where it has one, and the plan's ecosystem row.
    ParcelInput planInput;
    std::optional<ParcelInput> partInput;
    EcosystemParams planEco;
    /// The accounted part's plan values with `vegetation` and `soil` t C/a added to its baseline flux.
    std::vector<IndicatorResult> planWithAdded(double vegetationTcPerYr,
                                               double soilTcPerYr,
                                               const GepModel& model) const;
};

/// @brief What runGepProject() returns.
struct GepRun {
    /// Tables: indicators, skipped, parcels_<layer> (with geometry), prices_used, totals, run_settings,
    /// overlaps, ledger_check (and scenario_diff with a scenario); provenance; messages.
    analysis::ResultSet results;
    GepTotals totals;
    carbon::LedgerCheck ledgerCheck;
    std::map<QString, double> seconds;         ///< wall time per stage
    std::int64_t slopeCappedCells = 0;         ///< DEM cells whose slope exceeded gep::LsFactor's cap
    std::map<QString, int> plausibilityCounts; ///< parcels per plausibility flag
    std::map<QString, int> parcelsByLayer;
    /// Per skipped indicator: parcels and the distinct reasons.
    std::map<QString, std::pair<int, QStringList>> skippedByIndicator;
    std::shared_ptr<const GepParcels> parcels; ///< the rows the lazy tables read
    std::shared_ptr<GepRun> scenario;          ///< the scenario's run, when one was given
    std::vector<ChangedParcel> changed;        ///< the parcels of GepInputs::changes, in run order
};

/// @brief Runs GEP on `project` (see the top of this file). Throws GisError naming the file, row, field
/// or feature for bad input, CancelledError when `options.feedback` is cancelled (the output folder is
/// then unchanged and no staging folder remains), UnitError for a unit mismatch of a price.
GepRun runGepProject(const Project& project, const GepInputs& inputs, const GepOptions& options);

/// @brief The carbon result set's parcels table from a `tanhui-cli carbon --project` folder (its
/// resultset.json). Throws GisError naming the folder, saying to rerun `carbon --project` with this
/// version, when the folder has no result set.
CarbonInput readCarbonResultSet(const QString& dir);

/// @brief A CSV table (e.g. parcels.csv of `tanhui-cli carbon --parcels`) as an analysis::Table of text
/// cells. Throws GisError naming the file for an empty file or an unclosed quote.
analysis::Table readCsvTable(const QString& path);

} // namespace tanhui::models::gep
