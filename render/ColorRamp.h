// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace tanhui::render {

/// @brief A continuous colour ramp: stops at positions 0…1, interpolated linearly in RGB(A).
struct ColorRamp {
    QString id; ///< e.g. "ndvi"; empty for a custom ramp
    std::vector<std::pair<double, QColor>> stops;

    /// The colour at t (clamped to [0, 1]); transparent for an empty ramp.
    QColor at(double t) const;
    /// The same ramp reversed.
    ColorRamp reversed() const;

    /// The built-in ramps: "ndvi" (bare brown → yellow → green), "carbon" (pale yellow → dark green,
    /// t C/ha), "diverging" (loss red → white → gain green; centre it on 0 for changes), "viridis",
    /// "greys", "blues" (water, GEP in CNY/ha). Unknown ids give "greys".
    static ColorRamp named(const QString& id);
    static QStringList names();
};

} // namespace tanhui::render
