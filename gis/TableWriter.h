// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"

#include <QVariant>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace tanhui::gis {

/// @brief A column of an output table.
struct TableColumn {
    enum class Type { Integer, Real, String };
    std::string name; ///< the column name as written (units belong in the name, e.g. "area_ha")
    Type type = Type::Real;
};

/// @brief Fills `values` (one per column) for row `row`; `wkb` receives the row's geometry (ISO WKB,
/// in the table's CRS) when the table has geometry, else it may be left empty. Called concurrently
/// from several threads for different rows when a CSV is written, so it must only read shared state.
using RowSource =
  std::function<void(std::size_t row, std::vector<QVariant>& values, std::vector<unsigned char>& wkb)>;

/// @brief Formats rows [begin, end) of a CSV table into `text`, one line per row ending in '\n', each
/// field as appendCsvValue / appendCsvNumber would. Called concurrently from several threads for
/// different ranges, so it must only read shared state.
using CsvRowsFormatter = std::function<void(std::size_t begin, std::size_t end, std::string& text)>;

/// @brief Appends one CSV field for `value` exactly as writeTable writes it: nothing for a null value
/// or NaN, integers in decimal, doubles in the shortest form that reads back to the same double
/// (std::to_chars), text quoted per RFC 4180 when needed.
void appendCsvValue(std::string& line, const QVariant& value);

/// @brief The same for a double (appendCsvValue(line, QVariant(value)) without the QVariant).
void appendCsvNumber(std::string& line, double value);

/// @brief Writes a CSV table whose rows the caller formats itself (for large tables, where building a
/// QVariant per cell costs more than formatting it). The header is written from `columns`; the rows
/// are formatted in chunks on all cores while finished chunks are written in row order, so the file
/// is the same for any thread count. Atomic like writeTable; throws GisError(Io) naming the file.
void writeCsvRows(const std::string& path,
                  const std::vector<TableColumn>& columns,
                  std::size_t rows,
                  const CsvRowsFormatter& format);

/// @brief Writes a table to `path`: CSV (UTF-8, comma separated, RFC 4180 quoting, numbers in the
/// shortest form that reads back to the same double) when the name ends in .csv, GeoPackage (one
/// layer named after the file, with the geometry in `crs` when `withGeometry`) when it ends in .gpkg.
///
/// Atomic: the table is written to a temporary file next to `path` and renamed over it only when
/// complete, so an existing file is either kept unchanged (on any error or cancel) or replaced whole.
/// Throws GisError(InvalidArgument) for another extension, GisError(Io) naming the file on failure.
void writeTable(const std::string& path,
                const std::vector<TableColumn>& columns,
                std::size_t rows,
                const RowSource& source,
                bool withGeometry = false,
                const Crs& crs = Crs());

} // namespace tanhui::gis
