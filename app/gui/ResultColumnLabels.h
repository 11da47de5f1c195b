// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tanhui::gui {

/// @brief The header a reader sees for a result column (issue 13, "Results"): a translated label for
/// the columns of the carbon and GEP result sets ("c_total_t_2015" → "Carbon stock 2015",
/// "water_conservation_cny" → "Water conservation, value"), the name itself for a column no rule knows.
/// The unit is not part of the label (the table adds it); the column's name and description stay in the
/// tooltip, so the CSV column is one hover away.
QString resultColumnLabel(const QString& name);

} // namespace tanhui::gui
