// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/TableWriter.h"

#include <QString>
#include <QVariant>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace tanhui::models::carbon {

/// @brief Columns appended after a carbon output table's own columns (e.g. the uncertainty columns of
/// models/uncertainty), so that other modules extend the tables without changing their layout.
/// `fill(row, values, offset)` writes columns.size() values starting at values[offset]; it is called
/// concurrently for different rows and must only read shared state.
struct ExtraColumns {
    std::vector<gis::TableColumn> columns;
    std::function<void(std::size_t row, std::vector<QVariant>& values, std::size_t offset)> fill;
    /// Optional, for CSV tables: appends the row's fields, each preceded by ',', exactly as fill()'s
    /// values would be written (gis::appendCsvValue); without it, CSV rows go through fill().
    std::function<void(std::size_t row, std::string& line)> formatCsv;
};

/// @brief A row appended to a `quantity,value,unit` totals table.
struct ExtraTotalRow {
    QString quantity;
    double value = 0;
    QString unit;
};

} // namespace tanhui::models::carbon
