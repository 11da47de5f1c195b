// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>

#include <cmath>
#include <limits>
#include <optional>

namespace tanhui::models {

/// The value of a JSON number that is a whole number inside T's range, else nothing.
/// Checks the range before converting: casting a double outside T's range (1e300, NaN) is
/// undefined behaviour, which the project-file fuzzer found in a hand-edited "version".
template<typename T>
std::optional<T> wholeJsonNumber(const QJsonValue& v) {
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    // T's max as a double may round up (2^63 for qint64), so the upper bound is exclusive of it.
    constexpr double lo = double(std::numeric_limits<T>::min());
    constexpr double hi = double(std::numeric_limits<T>::max());
    if (!std::isfinite(d) || d != std::trunc(d) || d < lo || d >= hi)
        return std::nullopt;
    return static_cast<T>(d);
}

} // namespace tanhui::models
