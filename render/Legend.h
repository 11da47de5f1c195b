// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/MapRenderer.h"

#include <QColor>
#include <QImage>
#include <QString>

#include <vector>

namespace tanhui::render {

/// @brief One entry of a layer's legend, from its style: a class, category or range (a swatch and a
/// label), a single symbol, or a colour ramp with its end values.
struct LegendItem {
    QString label;
    QColor fill, stroke; ///< swatch colours (stroke transparent for raster classes)
    bool isRamp = false; ///< a continuous ramp from `rampMin` to `rampMax`
    ColorRamp ramp;
    double rampMin = 0, rampMax = 0;
};

/// @brief The legend of a layer as its style draws it (the canvas's legend, and the map export's and the
/// report's). Class labels in `language` ("zh…" gives the Chinese names when there are). Raster classes
/// switched off (RasterClass::visible false) are left out.
std::vector<LegendItem> legendItems(const MapLayer& layer, const QString& language);

/// @brief A swatch image of an item (`size` × `size` px; a ramp is drawn across).
QImage legendSwatch(const LegendItem& item, int width, int height);

} // namespace tanhui::render
