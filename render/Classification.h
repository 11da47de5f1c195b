// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace tanhui::render {

/// @brief How a graduated style divides values into classes.
enum class ClassMethod {
    EqualInterval, ///< classes of equal width between the minimum and the maximum
    Quantile,      ///< (about) equal counts per class
    NaturalBreaks, ///< Jenks: least squared deviation within classes (Fisher's exact algorithm)
};

/// @brief Class limits of `values` (non-finite values ignored): `classes` + 1 ascending limits, the first
/// the minimum and the last the maximum; fewer when there are fewer distinct values than classes
/// (at least two limits when any value is finite, none for no values). Limits are distinct but for the
/// first two, which are equal when the first class holds the minimum alone (its lower limit is included).
/// Natural breaks are exact for up to 3,000 values; larger inputs are first reduced to 3,000 evenly spaced
/// order statistics, as QGIS does, so a style is computed in milliseconds on a city's parcels.
std::vector<double> classLimits(std::vector<double> values, int classes, ClassMethod method);

} // namespace tanhui::render
