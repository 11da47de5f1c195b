// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/MapSettings.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tanhui::render {

double MapSettings::mapUnitsPerPixel() const {
    if (extent.isEmpty() || size.width() <= 0 || size.height() <= 0)
        return 0;
    return std::max(extent.width() / size.width(), extent.height() / size.height());
}

gis::Box MapSettings::visibleExtent() const {
    const double mupp = mapUnitsPerPixel();
    if (mupp <= 0)
        return extent;
    const double cx = 0.5 * (extent.xmin + extent.xmax), cy = 0.5 * (extent.ymin + extent.ymax);
    const double hw = 0.5 * mupp * size.width(), hh = 0.5 * mupp * size.height();
    return { cx - hw, cy - hh, cx + hw, cy + hh };
}

QPointF MapSettings::toPixel(double x, double y) const {
    const gis::Box v = visibleExtent();
    const double mupp = mapUnitsPerPixel();
    if (mupp <= 0)
        return {};
    return { (x - v.xmin) / mupp, (v.ymax - y) / mupp };
}

QPointF MapSettings::toMap(const QPointF& pixel) const {
    const gis::Box v = visibleExtent();
    const double mupp = mapUnitsPerPixel();
    return { v.xmin + pixel.x() * mupp, v.ymax - pixel.y() * mupp };
}

double MapSettings::scaleDenominator() const {
    const double mupp = mapUnitsPerPixel();
    if (mupp <= 0 || dpi <= 0)
        return 0;
    double metresPerUnit = 1.0;
    if (crs.isValid() && crs.isGeographic()) {
        const double lat = 0.5 * (extent.ymin + extent.ymax) * std::numbers::pi / 180.0;
        metresPerUnit = crs.semiMajorMetres() * std::numbers::pi / 180.0 * std::cos(lat);
    } else if (crs.isValid()) {
        metresPerUnit = crs.linearUnitMetres();
    }
    const double deviceMetresPerPixel = 0.0254 / dpi;
    return mupp * metresPerUnit / deviceMetresPerPixel;
}

} // namespace tanhui::render
