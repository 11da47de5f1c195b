// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The project's parameter tables as the parameter-table editor sees them (issue 13): each table of the
// project's `parameters` list with its layout (the same TableSpec the runs load it with), its cells as
// text, validation exactly as a run loads it (params::loadTable, every problem with its row and column)
// and an atomic save beside the project.
#include "models/params/Parameter.h"
#include "models/params/ParameterTable.h"
#include "models/project/Project.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace tanhui::models::analysis {

/// The layout of project table `name` ("carbon/carbon_pools", "gep/prices_P0_RCEES2010", …): the spec
/// whose default file has that name (price sets: every "gep/prices_*"; regression coefficients: every
/// "carbon/regression_coefficients*"); null when none (e.g. the CBC transition matrix).
const params::TableSpec* parameterTableSpec(const QString& name);

/// @brief A CSV table as text: its header and rows (fields as written, quoted fields unquoted).
struct TextTable {
    QStringList header;
    std::vector<QStringList> rows;
    int column(const QString& name) const; ///< index of `name` (case-insensitive), −1 when absent
};

/// Reads a CSV file (UTF-8, BOM and CRLF accepted, RFC 4180). Throws GisError naming the file when it
/// cannot be read or a quote is not closed.
TextTable readTextTable(const QString& path);
/// Writes `table` as UTF-8 CSV (RFC 4180 quoting) atomically: a failed write leaves the old file as it
/// was. Throws GisError naming the file.
void writeTextTable(const QString& path, const TextTable& table);

/// Every problem of `table` as a run would find it loading the file with `spec` (tables with a `tag`
/// column are read with their provenance required, others as user tables); issues name `displayName`,
/// the row (1-based line, header = 1) and the column.
params::Issues validateTextTable(const params::TableSpec& spec,
                                 const TextTable& table,
                                 const QString& displayName);

/// Marks row `row` as edited by the user: tag `user` (when the table has a tag column) and a source
/// saying it was edited, naming the previous source (when it has a source column and the text does not
/// say so already).
void markRowEdited(TextTable& table, std::size_t row);

} // namespace tanhui::models::analysis
