// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/TableWriter.h"
#include "models/carbon/ExtraColumns.h"
#include "models/carbon/PoolMethod.h"

#include <QString>

#include <string>
#include <vector>

namespace tanhui::models::carbon {

/// @brief A column of a carbon output table with its description (unit included), for --help,
/// reports and GUI tooltips.
struct CarbonColumn {
    gis::TableColumn column;
    QString description;
};

/// @brief `totals.csv`: columns `quantity,value,unit`; rows `stock_<year>` (t C, whole raster),
/// `change_<y1>_<y2>` (t C, over cells valid on both dates), `stock_difference_<y1>_<y2>` (t C,
/// difference of the two totals), `npv` (currency, first → last date, when valued), then
/// `valuation_constant` (currency/t C), per-pool stocks `c_above_<year>` …, valid and nodata areas
/// (ha), and `unconfirmed_classes` (count of flagged table rows used; see parameters_used.csv).
/// `extraRows` (e.g. uncertainty) are appended at the end.
void writeTotalsTable(const std::string& path,
                      const PoolRunResult& run,
                      const std::vector<ExtraTotalRow>& extraRows = {});

/// @brief `totals_by_class.csv`: per land-cover class and date: code, name, area (ha), stock per pool
/// and total (t C), density (t C/ha), the row's tag and source.
void writeClassTotalsTable(const std::string& path, const PoolRunResult& run, const PoolLookup& pools);

/// @brief `parameters_used.csv`: every pools-table row that entered the result, with its values
/// (t C/ha), tag, source and origin (file, row); flagged rows are marked (carbon-methods.md "How the
/// app should use this", items 2–3).
void writeParametersUsedTable(const std::string& path, const PoolRunResult& run);

/// Per-parcel columns (see writeParcelTable).
std::vector<CarbonColumn> parcelColumns(const QString& idField, const PoolRunResult& run);

/// @brief The per-parcel table (.csv, or .gpkg with the parcel geometry): fid, id, ecosystem_type
/// (majority class of the last date, code and name), method, area_ha (ellipsoidal); per date
/// c_above_t_<y>, c_below_t_<y>, c_soil_t_<y>, c_dead_t_<y>, c_total_t_<y> (t C), c_total_t_per_ha_<y>
/// (t C/ha of valid area), nodata_ha_<y>; per pair change_t_<y1>_<y2> (cells valid on both dates),
/// change_tco2e_<y1>_<y2> (× 44/12), change_t_per_yr_<y1>_<y2>, stock_difference_t_<y1>_<y2>; flags:
/// flagged_parameters (codes of secondary/unconfirmed/example rows used), nodata_share (largest over
/// dates, 0–1), geometry_repaired; then `extra`'s columns when given. Atomic (gis::writeTable).
void writeParcelTable(const std::string& path,
                      const gis::ParcelSet& parcels,
                      const QString& idField,
                      const PoolRunResult& run,
                      const PoolLookup& pools,
                      const std::vector<ParcelCarbon>& carbon,
                      const ExtraColumns* extra = nullptr);

} // namespace tanhui::models::carbon
