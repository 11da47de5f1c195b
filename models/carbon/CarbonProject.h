// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Geometry.h"
#include "gis/Grid.h"
#include "gis/ZonalStats.h"
#include "models/analysis/ResultSet.h"
#include "models/carbon/CarbonResult.h"
#include "models/carbon/ProjectLedger.h"
#include "models/carbon/ProjectUncertainty.h"
#include "models/params/Parameter.h"
#include "models/params/ParameterTable.h"
#include "models/project/Project.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tanhui::gis {
class Feedback;
struct ParcelSet;
} // namespace tanhui::gis

namespace tanhui::models::carbon {

// ---------------------------------------------------------------------------------------------------
// The adapter contract (docs/carbon-project.md, "Adding a method").
//
// A carbon method joins `tanhui-cli carbon --project` through one adapter function, registered in
// carbonMethods() (CarbonProject.cpp) with its name, its options and the layer fields it needs:
//
//     MethodOutput runMyMethod(const MethodContext& context);
//
// The runner calls it once per run with every parcel assigned to the method, grouped by layer
// (context.batches). The adapter must:
//  1. return, for each batch b, exactly context.batches[b].assigned.size() ParcelResults in the same
//     order (output.results[b][k] is the result of assigned[k]); use makeParcelResult() to fill the
//     identity (layer, fid, id, type, method, area, repaired flag; the runner adds the geometry), then set
//     stocks (ascending years, pools named c_above/c_below/c_dead/c_litter/c_soil/c_biomass/..., totalT = Σ
//     pools, areaHa = the area the stock covers), changes (year1 < year2, t C, positive = sink, with the
//     basis), nodataShare, methodDetail and the parameter rows used (sorted, unique);
//  2. never return zero for a parcel it cannot compute: set notComputed to a sentence saying why
//     (missing attribute, unknown species, no data, ...) and leave stocks and changes empty;
//  3. put problems that concern the whole method (bad parameter table, missing raster) into
//     output.issues as errors, naming file, row and column; the runner stops on any error;
//  4. write its own rasters (density in t C/ha per date, GeoTIFF via gis::RasterWriter) only under
//     context.outDir (a folder reserved for the method) and list them in output.files;
//  5. report progress 0–100 % and check cancellation through context.feedback (may be null), and be
//     deterministic for any context.threads;
//  6. optionally, when context.uncertainty is set (carbon.uncertainty, docs/uncertainty.md): fill
//     Bounds of every stock and change by Monte Carlo with those settings and return a MethodSampler
//     (ProjectUncertainty.h) so the totals get bounds from per-iteration sums. Methods that do not
//     leave bounds empty and return no sampler; totals counting their parcels then have no bounds.
//  7. optionally, when a batch's `releasable` is set, free the layer's geometries after reading them
//     for the last time (the pools adapter does so after its zonal pass); they are not read again.
// Options given in the project (carbon.methods.<type>.<option>) reach the adapter per parcel in
// MethodParcel::options; declare them in MethodInfo::options so that validation rejects typos.
// ---------------------------------------------------------------------------------------------------

/// One parcel assigned to a method.
struct MethodParcel {
    std::size_t parcel = 0;         ///< index into the batch's ParcelSet
    QString ecosystemType;          ///< canonical type
    QMap<QString, QString> options; ///< the options of its method entry (e.g. "bef_form")
    /// The entry's option `key` (trimmed), else its declared default (methodOptionDefault()).
    QString option(const QString& key) const;
};

/// The parcels of one layer assigned to a method.
struct MethodBatch {
    const ProjectLayer* layer = nullptr;
    const gis::ParcelSet* parcels = nullptr; ///< the whole layer (usable parcels, in layer order)
    std::vector<MethodParcel> assigned;      ///< in layer order
    /// Set (to `parcels`) when no later step of the run reads the layer's geometries: the adapter may
    /// free them (Parcel::geometry only) once it has read them for the last time, e.g. after its zonal
    /// pass (docs/benchmark.md, "Memory and scaling"). Null: leave them.
    gis::ParcelSet* releasable = nullptr;
};

/// Everything an adapter gets.
struct MethodContext {
    const Project* project = nullptr;
    std::vector<int> years;           ///< carbon.years (or every land-cover year when not given)
    std::vector<MethodBatch> batches; ///< non-empty batches only
    std::string outDir;               ///< the method's raster folder (exists)
    int threads = 0;                  ///< 0: all cores
    gis::Feedback* feedback = nullptr;
    const UncertaintySettings* uncertainty = nullptr; ///< Monte Carlo bounds wanted (null: off)
};

/// What an adapter returns.
struct MethodOutput {
    std::vector<std::vector<ParcelResult>> results; ///< per batch, per assigned parcel (same order)
    params::Issues issues;                          ///< errors stop the run; warnings are shown
    QStringList files;                              ///< rasters and tables the method wrote
    /// With context.uncertainty: samples any set of the returned results (indices as `results`).
    std::shared_ptr<const MethodSampler> sampler;
};

using MethodAdapter = MethodOutput (*)(const MethodContext&);

/// @brief One option of a method entry (carbon.methods.<type>[i].<key>), declared where the method is
/// registered: the project loader accepts the key, and the carbon_method analysis's form shows it with
/// this label, help, choices, range and default (models/analysis/DeclarationsCarbon.cpp). The value is
/// checked by the method's MethodInfo::checkOption in both (tst_carbon_method_analysis checks that every
/// declared choice and default passes it).
struct MethodOption {
    QString key;            ///< e.g. "bef_form"
    const char* label = ""; ///< English, QT_TRANSLATE_NOOP("Analysis", ...)
    const char* help = "";  ///< English, QT_TRANSLATE_NOOP("Analysis", ...)
    /// The accepted values as written, each with its label (QT_TRANSLATE_NOOP("Analysis", ...)); empty:
    /// a number or free text.
    std::vector<std::pair<QString, const char*>> choices;
    /// A number: the scalar declaration giving its unit and range (null: a choice or free text).
    const params::ParameterSpec* number = nullptr;
    QString defaultValue; ///< what the adapter uses where the entry does not give the option
    QString source;       ///< where the default comes from
    params::Tag tag = params::Tag::Verified;
};

/// @brief A registered carbon method.
struct MethodInfo {
    QString name;                      ///< as written in project files, e.g. "pools"
    QString description;               ///< English, one line (with its carbon-methods.md section)
    std::vector<MethodOption> options; ///< the options the method accepts in carbon.methods entries
    QStringList requiredFields;  ///< semantic fields each layer using it must map (ProjectLayer::fields)
    bool needsLandCover = false; ///< needs a land-cover layer for every carbon year
    /// Checks one option value; returns an English problem or an empty string.
    QString (*checkOption)(const QString& key, const QString& value) = nullptr;
    MethodAdapter run = nullptr;
    /// A carbon.parameters role the method has no built-in table for (e.g. "regression": fitted
    /// coefficients are the user's), and the English text (context "CarbonAdapters", translated where
    /// shown) saying so and how to make one. Checked with the project, before any method runs.
    QString requiredTable;
    const char* requiredTableHelp = nullptr;
};

/// The registered methods: "pools" (carbon-methods.md §1, §3), "volume" (§5), "soil" (§3.3, §3.7),
/// "gainloss" (§3.2), "bluecarbon" (§2, §4) and "regression" (§6.1). To add a method, add
/// its MethodInfo here (CarbonProject.cpp, carbonMethods()).
const std::vector<MethodInfo>& carbonMethods();
const MethodInfo* findCarbonMethod(const QString& name);
/// The option `key` of `method`; null when the method does not take it.
const MethodOption* findMethodOption(const MethodInfo& method, const QString& key);
/// The declared default of option `key` (MethodOption::defaultValue; a key two methods take is declared
/// once for both); empty when no method takes it.
QString methodOptionDefault(const QString& key);

/// @brief The parameter table roles of carbon.parameters: pools, species (pools and volume), soc_ref,
/// soil_factors (soil), growth_rates (gainloss; its pools rows come from "pools"), cbc_biophysical,
/// cbc_transitions, mangrove_ws (bluecarbon) and regression (no default: required by that method).
QStringList carbonParameterRoles();

/// @brief The table of `role` in carbon.parameters (a project table with a `tag` column keeps its rows'
/// provenance, as the sample's copies of the built-in tables; without, rows are user rows), or the
/// built-in default of `spec` when the role is not given. `fileName` gets the file loaded.
params::LoadedTable loadCarbonProjectTable(const Project& project,
                                           const QString& role,
                                           const params::TableSpec& spec,
                                           QString& fileName);

/// @brief Fills a result's identity from parcel `index` of `batch`: layer id, fid, id, ecosystem type
/// (given), method, ellipsoidal area (ha) and repaired flag. The geometry (ParcelResult::wkb) stays empty:
/// the runner moves it from the parcel set into the result once every method has run.
ParcelResult makeParcelResult(const MethodBatch& batch, const MethodParcel& parcel, const QString& method);

/// @brief A per-cell density raster (t C/ha) of per-parcel results on `grid` (Float32 GeoTIFF, one band,
/// nodata −1 as the pool method's rasters): each cell gets Σ over parcels of (exact fraction of the cell
/// the parcel covers, gis::computeCoverage) × the parcel's density (t C/ha); cells no parcel touches
/// are nodata. Σ value × cell area therefore equals Σ density × parcel area (planar) for parcels inside
/// the grid. Parcels with a NaN density are left out. Memory-bounded (bands of 256 rows), single pass
/// in parcel order (deterministic). `geometries` are in the grid's CRS. Throws GisError, CancelledError.
void writeParcelDensityRaster(const std::string& path,
                              const gis::Grid& grid,
                              const gis::Crs& crs,
                              const std::vector<const gis::MultiPolygon*>& geometries,
                              const std::vector<double>& densityTPerHa,
                              gis::Feedback* feedback = nullptr);

/// @brief The ecosystem type and layer settings the runner derives from a layer's role when the
/// project's carbon section does not list the layer: forest_subcompartments → field "ecosystem_type"
/// when mapped, else "forest"; farmland_plots → "cropland"; wetland_units → field "ecosystem_type";
/// restoration_plots → "mangrove". Other roles are not parcel layers (nullopt).
std::optional<ProjectCarbonLayer> defaultCarbonLayer(const ProjectLayer& layer);

/// @brief The layers the run computes: carbon.layers if given, else every layer with a parcel role
/// (defaultCarbonLayer), in project order.
std::vector<ProjectCarbonLayer> carbonLayers(const Project& project);

/// @brief The stock dates: carbon.years, or every land-cover layer's year (ascending).
std::vector<int> carbonYears(const Project& project);

/// @brief Checks the carbon section before any data is read, collecting every problem as an issue
/// naming the project file (Issue::file) and the key (Issue::column, e.g. "carbon.methods.forest"):
/// no carbon section; unknown method names (listing the known ones); unknown or bad options; years
/// not strictly increasing or without a land-cover layer (when a method needs land cover); carbon
/// layers that are not vector layers of the project; a layer with both or neither of ecosystem_type
/// and ecosystem_type_field; a fixed type without a method; grouping without a name or with a layer
/// that does not exist; parameter roles other than carbonParameterRoles() or naming a table the project does
/// not list; negative price; carbon.precedence naming a layer that is not a carbon layer, or twice. Does not
/// open files (Project::validate does that).
params::Issues validateCarbonProject(const Project& project);

/// @brief The land-use change rule that holds for a parcel of mapped type `type` at a date
/// (carbon.land_use_change, docs/carbon-project.md "Ecosystem per date"): the index of the first rule
/// whose classes cover at least its min_share of the parcel's valid land-cover area at that date and
/// whose type differs from `type`; nullopt when none does. `landCover` holds the parcel's class areas on
/// the land-cover raster of the date (gis::Stat::Area); `share` (optional) gets the rule's share (0–1).
std::optional<std::size_t> landUseRuleAt(const std::vector<ProjectLandUseChange>& rules,
                                         const QString& type,
                                         const gis::ZonalStats& landCover,
                                         double* share = nullptr);

/// @brief Options of runCarbonProject().
struct CarbonProjectOptions {
    std::string outDir; ///< output folder (created); method rasters go to <outDir>/rasters/<method>/
    int threads = 0;
    gis::Feedback* feedback = nullptr; ///< one progress 0–100 % over the whole run; cancel
    /// Software version for the provenance; empty: QCoreApplication::applicationVersion() (the CLI
    /// sets TANHUI_VERSION there).
    QString version;
};

/// @brief The outcome of a run.
struct CarbonProjectRun {
    /// Every feature of every carbon layer once (per method computing it), in layer order; shared with
    /// the result set's lazy "parcels" table, so the result set stays valid when the run is moved or
    /// destroyed.
    std::shared_ptr<const std::vector<ParcelResult>> sharedResults =
      std::make_shared<const std::vector<ParcelResult>>();
    const std::vector<ParcelResult>& results() const { return *sharedResults; }
    /// Each result's geometry (its ParcelResult::wkb is empty): read again from its layer's file by FID
    /// when asked (the parcels table's GeoPackage); empty for a feature the reader skipped.
    ParcelGeometryOf geometryOf;
    /// Closes the files geometryOf opened (it opens them again when asked); the run calls it once its
    /// files are written, so a finished run kept in memory (the app's jobs) holds no file open.
    std::function<void()> closeGeometryFiles;
    params::Issues issues; ///< warnings (errors make the run stop before computing)
    QStringList files;     ///< everything written, absolute
    QString groupName;     ///< e.g. "district" (empty when not grouped)
    gis::Crs crs;          ///< CRS of the parcel layers (all the same)
    std::map<QString, int> parcelsPerMethod;
    /// Valuation of the first → last change of all computed parcels (carbon.valuation, §1.3): K
    /// (currency per t C) and NPV = change × K (currency); unset without a price.
    std::optional<double> valuationConstant, npv;
    int npvYear1 = 0, npvYear2 = 0;
    bool stopped = false; ///< true when errors stopped the run (see issues)
    /// Monte Carlo settings, parameters and totals with bounds, when carbon.uncertainty is given.
    std::optional<ProjectUncertaintyRun> uncertainty;
    /// The ground ledger of the parcel layers (overlaps removed by carbon.precedence); set by the run.
    std::optional<ProjectLedger> ledger;
    /// The ledger check of the totals (buildCarbonResultSet, CarbonResultSet.h); a failed row is an
    /// error: the CLI exits with an error naming it.
    LedgerCheck ledgerCheck;
    /// What the run computed, in memory (issue 10): one table per output file with each column's unit
    /// and description, the provenance (inputs with SHA-256, parameter rows, settings, version, times,
    /// threads) and the messages (warnings, parcels not computed). Filled by runCarbonProject (not
    /// when `stopped`); writeCarbonProjectOutputs writes it, `files` listed relative to the output
    /// folder. The report, the app and GEP read their numbers here (CarbonResultSet.h).
    analysis::ResultSet resultSet;
};

/// @brief Runs the project's carbon section: validates it, reads each carbon layer once (GEOS repair,
/// ellipsoidal areas), finds each parcel's ecosystem type (fixed or a field mapped through the layer's
/// `values`), method (per-parcel method field, else carbon.methods[type], else carbon.methods["*"]) and
/// group (the group layer's polygon it overlaps most, gis::assignLargestOverlap, or a field), runs each
/// method's adapter once on all its parcels, and collects one ParcelResult per feature (features the
/// reader skipped, e.g. null geometry, are listed as not computed). Errors (issues) stop the run with
/// `stopped` set and nothing written. Then builds run.resultSet (buildCarbonResultSet, carbonProvenance)
/// and writes it (writeCarbonProjectOutputs).
/// Throws GisError (I/O, cancel).
CarbonProjectRun runCarbonProject(const Project& project, const CarbonProjectOptions& options);

/// @brief Writes run.resultSet into `outDir` (building its tables first when empty) through
/// analysis::writeResultSet: each table as `<name>.csv` (atomically each) — parcels.csv and
/// parcels.gpkg (parcelResultsTable), totals_by_ecosystem_type.csv, totals_by_<group>.csv (when
/// grouped; both count primary results only), totals_by_method.csv (every result; its "all" row adds
/// the methods up and so counts a parcel once per method), parameters_used.csv (every parameter row:
/// file, row, key, tag, parcels using it) and summary.csv (quantity,value,unit); with run.uncertainty
/// the totals carry bounds (columns `*_p2_5|p50|p97_5|u95_pct`, bounds_note), summary.csv the grand
/// total's bounds, and uncertainty_run.csv and uncertainty_parameters.csv are written; overlaps.csv
/// and ledger_check.csv — then the manifest resultset.json (analysis::readResultSet reads the folder
/// back). Appends the paths to run.files. Defined in CarbonResultSet.cpp.
void writeCarbonProjectOutputs(CarbonProjectRun& run, const std::string& outDir);

} // namespace tanhui::models::carbon
