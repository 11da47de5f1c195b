// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/analysis/ResultSet.h"

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace tanhui::gis {
class Feedback;
}

namespace tanhui::models::analysis {

// ---------------------------------------------------------------------------------------------------
// XLSX export of result tables (issue 14, "Data export") through libxlsxwriter.
// ---------------------------------------------------------------------------------------------------

/// @brief The most data rows a sheet holds (Excel's 1,048,576 rows less the header).
constexpr std::size_t kXlsxMaxDataRows = 1048575;

/// @brief A sheet name for `name` that Excel accepts: at most 31 characters, none of `[]:*?/\`, not
/// starting or ending with an apostrophe, not "History", not empty, and unique (case-insensitively)
/// among `taken` (a "~2", "~3" … suffix is added, shortening the name to fit).
QString xlsxSheetName(const QString& name, const QStringList& taken);

/// @brief The header of a column as the XLSX shows it: "name (unit)", or the name for columns
/// without a unit (text, ids, counts declared without one).
QString xlsxHeader(const Column& column);

/// @brief Writes `tables` as one workbook at `path`: one sheet per table (named by xlsxSheetName from
/// the table's name), a bold header row "name (unit)" frozen at the top with an autofilter, numbers
/// as numbers (Excel keeps 15 significant digits; the file stores 16), text as text, empty cells
/// (null values, NaN) empty, column widths from the header and the first rows. A last sheet
/// "columns" lists each table's title and description and each column's name, unit, type and
/// description (the sentences the app shows as tooltips).
///
/// Lazy tables (Table::source) are streamed row by row (libxlsxwriter's constant-memory mode), so a
/// city's parcels fit in little memory. Atomic: written to a temporary beside `path` and renamed over
/// it when complete; on any error or cancel `path` is unchanged. Throws GisError(InvalidArgument)
/// naming the table when it has more than kXlsxMaxDataRows rows or 16,384 columns (write it as CSV),
/// GisError(Io) naming the file (and table, row, column) when a write fails, CancelledError when
/// `feedback` is cancelled (checked every 1,000 rows).
void writeXlsx(const std::vector<const Table*>& tables,
               const std::string& path,
               gis::Feedback* feedback = nullptr);

/// @brief writeXlsx() of every table of `rs`, in order.
void writeXlsx(const ResultSet& rs, const std::string& path, gis::Feedback* feedback = nullptr);

} // namespace tanhui::models::analysis
