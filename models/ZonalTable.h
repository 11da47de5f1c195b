// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Feedback.h"
#include "gis/TableWriter.h"
#include "gis/ZonalStats.h"
#include "models/analysis/ResultSet.h"

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace tanhui::gis {
struct ParcelSet;
struct ZonalResult;
} // namespace tanhui::gis

namespace tanhui::models {

/// @brief Layout of the per-parcel zonal statistics table: one row per parcel (ParcelSet order),
/// columns named with their units.
///
/// Parcel columns: `fid`; the id field under its own name (when one was given); `area_ha`
/// (ellipsoidal area, ha); `planar_area_ha` (area in the layer's projected CRS, ha; empty for
/// geographic layers); `geometry_repaired` (1 when the input geometry was invalid and repaired).
/// Per band, prefixed `<prefix>_`: `count_cells` (Σ coverage of valid cells), `sum`, `mean`, `min`,
/// `max`, `stdev` (raster units), `majority`, `minority`, `variety`, `frac_<class>` (share of the
/// valid covered area, 0–1), `area_ha_<class>` (true area, ha), `nodata_ha` (covered nodata area,
/// always present), `outside_ha` (part of the parcel outside the raster, always present).
/// Class columns list every class seen in any parcel, in ascending order.
struct ZonalTableColumn {
    gis::TableColumn column;
    QString description; ///< what the column holds, with its unit (for --help, reports, GUI tooltips)
    /// The column's unit, declared where the column is made: "ha", "1" (shares), "cells", the band's
    /// unit for its values (empty when the band's unit is not known), "<unit>·cells" for sums.
    QString unit;
};

std::vector<ZonalTableColumn> zonalColumns(const gis::ParcelSet& parcels,
                                           const QString& idField,
                                           const gis::ZonalResult& result,
                                           gis::StatSet stats);

/// @brief One statistic by the name `tanhui-cli zonal --stats` and the zonal analysis's form use.
struct ZonalStatName {
    const char* name; ///< e.g. "mean"
    gis::Stat stat;
    const char* label; ///< QT_TRANSLATE_NOOP("Analysis", ...), e.g. "mean"
};
/// Every statistic, in the order of the outputs' columns.
const std::vector<ZonalStatName>& zonalStatNames();

/// @brief The same table as a result-set table (analysis::Table, lazy rows with the parcels' geometry
/// when they kept it), holding `parcels` and `result`; each column with the unit its producer declares
/// (ZonalTableColumn::unit). `bandUnits[b]`: the unit of band b's values (e.g. the project layer's
/// "units"), which its mean, min, max, stdev, majority and minority carry; missing or empty: unknown.
analysis::Table zonalResultTable(std::shared_ptr<const gis::ParcelSet> parcels,
                                 const QString& idField,
                                 std::shared_ptr<const gis::ZonalResult> result,
                                 gis::StatSet stats,
                                 const std::vector<QString>& bandUnits = {});

/// @brief Writes the table to .csv or .gpkg (GeoPackage rows carry the parcel geometry in the layer's
/// CRS). Atomic, see gis::writeTable: a cancelled `feedback` (checked before the CSV is written and
/// every 1,024 GeoPackage rows) throws CancelledError and leaves `path` as it was.
void writeZonalTable(const std::string& path,
                     const gis::ParcelSet& parcels,
                     const QString& idField,
                     const gis::ZonalResult& result,
                     gis::StatSet stats,
                     gis::Feedback* feedback = nullptr);

} // namespace tanhui::models
