// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Geometry.h"
#include "models/analysis/ResultSet.h"
#include "models/carbon/CarbonResult.h"
#include "models/params/Parameter.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tanhui::gis {
class Feedback;
struct ParcelSet;
} // namespace tanhui::gis

namespace tanhui::models {
class Project;
}

/// The project ledger (docs/carbon-project.md, "Overlapping layers" and "Ledger check"): every piece
/// of ground belongs to one parcel layer in the totals, and the totals of a run add up.
namespace tanhui::models::carbon {

/// @brief The order of precedence of `layerIds` (parcel layers of the project), highest first: the
/// ids of carbon.precedence in its order, then the others by role (restoration_plots, wetland_units,
/// forest_subcompartments, farmland_plots, then any other role), in project order within a role.
QStringList layerPrecedence(const Project& project, const QStringList& layerIds);

/// @brief Checks carbon.precedence against the parcel layers the run computes (`layerIds`): unknown
/// ids and duplicates are errors naming the project file and the key ("carbon.precedence[2]").
void validateLayerPrecedence(const Project& project, const QStringList& layerIds, params::Issues& issues);

/// @brief Overlap of two parcel layers (ha, ellipsoidal): `higher` has precedence over `lower`.
struct LayerOverlap {
    QString higher, lower;
    double areaHa = 0;
};

/// @brief The ground ledger of a project's parcel layers.
struct ProjectLedger {
    QStringList order; ///< layer ids, highest precedence first
    /// Layer id → per parcel (the ParcelSet's order) the accounted area (ha): the parcel minus the
    /// parcels of higher layers.
    std::map<QString, std::vector<double>> accountedHa;
    /// Layer id → the accounted parts of its parcels that higher layers cover in part (0 <
    /// accounted_share < 1): parcel index (the ParcelSet's order) → the parcel minus the higher
    /// layers' parcels (the layer's CRS). Raster methods compute these parts' values from their own
    /// coverage (docs/carbon-project.md, "Overlapping layers").
    std::map<QString, std::map<std::size_t, gis::MultiPolygon>> accountedParts;
    std::vector<LayerOverlap> overlaps; ///< every pair of layers, in precedence order
    double unionHa = 0;                 ///< area of the union of the layers (ha) = Σ accounted
    double summedHa = 0;                ///< Σ full parcel areas (ha)
    double seconds = 0;                 ///< wall time of the overlay (s)
    /// Results of partly counted parcels whose method computed the accounted part from its own coverage,
    /// and their stocks and changes that the part lacked (share rule instead); set by the carbon run.
    std::size_t partResults = 0, partShareRule = 0;
    /// Pairs that overlap (≥ 0.005 ha, i.e. shown as at least 0.01 ha).
    std::vector<LayerOverlap> overlapping() const;
};

/// @brief The ledger of `layers` (id → its parcels, all in one CRS), ordered by layerPrecedence():
/// gis::accountedAreas with each parcel's ellipsoidal area. Throws GisError (geometry, cancel).
ProjectLedger computeProjectLedger(const Project& project,
                                   const std::vector<std::pair<QString, const gis::ParcelSet*>>& layers,
                                   gis::Feedback* feedback = nullptr);

/// The same as the result-set table "overlaps", with its columns' units and descriptions.
analysis::Table overlapsTable(const ProjectLedger& ledger);

/// @brief A warning naming the overlapping pairs and their hectares, e.g. "parcel layers overlap:
/// wetland_units ∩ farmland_plots 997.12 ha (…); …"; empty when no pair overlaps.
QString overlapWarning(const ProjectLedger& ledger);

/// @brief One line of the ledger check.
struct LedgerCheckRow {
    QString check;    ///< "union_area", "stock_change", "parcels_sum", "pool_sum", "gep_carbon"
    QString table;    ///< the totals file checked (e.g. "totals_by_ecosystem_type.csv")
    QString subject;  ///< row of that file: ecosystem type, group, method or "all"
    QString interval; ///< "2015-2018" for changes, the year for stocks; empty otherwise
    QString quantity; ///< e.g. "area_ha", "c_total_t_2015", "change_t_2015_2018"
    double expected = 0, actual = 0;
    QString unit; ///< "ha", "t C", "t C/yr"
    bool passed = true;
    /// The failure in one sentence naming check, table, row, interval and both numbers.
    QString message() const;
};

/// @brief The ledger check of a run: rows, and whether all passed.
struct LedgerCheck {
    std::vector<LedgerCheckRow> rows;
    bool passed() const;
    std::size_t failures() const;
    /// Adds a row comparing `expected` and `actual` (equal within 1e-6 relative, 1e-6 absolute).
    void add(LedgerCheckRow row);
};

/// @brief union area = totals area: the ledger's union against the "all" row of `table`.
void checkUnionArea(LedgerCheck& check, const QString& table, double unionHa, const ResultTotals& all);

/// @brief stock(t2) − stock(t1) = change, for every row of `table` (and "all") and every change whose
/// two dates both have a stock in that row.
void checkStockChange(LedgerCheck& check,
                      const QString& table,
                      const std::vector<ResultTotals>& rows,
                      const ResultTotals& all);

/// @brief Σ of the parcel rows' accounted values (ParcelResult::counted*(): parcels.csv's accounted_*) = each
/// row of the totals `table` grouped by `key` (nullopt: only "all") and its "all" row: area, each stock and
/// each change. By type and group the primary results only, by method (and its "all") every result.
void checkParcelSums(LedgerCheck& check,
                     const QString& table,
                     const std::vector<ParcelResult>& results,
                     std::optional<TotalsKey> key,
                     const std::vector<ResultTotals>& rows,
                     const ResultTotals& all);

/// @brief Σ pools (+ unattributed) per date of `pools` = the stock of that date in the "all" row of the
/// totals (`all`), for every date of `all` (a date missing from `pools` counts 0 and fails). `table` is
/// the pool totals' file ("totals_by_pool.csv").
void checkPoolSums(LedgerCheck& check,
                   const QString& table,
                   const PoolTotals& pools,
                   const ResultTotals& all);

/// The same as the result-set table "ledger_check", with its columns' units and descriptions.
analysis::Table ledgerCheckTable(const LedgerCheck& check);

} // namespace tanhui::models::carbon
