// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Geometry.h"

#include <QColor>
#include <QPointF>
#include <QSize>

namespace tanhui::render {

/// @brief What one frame of a map shows: the CRS every layer is reprojected to, the extent in its
/// units, the output size in device pixels and the resolution.
///
/// The extent is widened (about its centre) to the output's aspect ratio, as a QGIS canvas does, so
/// map units per pixel are the same across and down (visibleExtent()).
struct MapSettings {
    gis::Crs crs;    ///< the project CRS (default EPSG:4547)
    gis::Box extent; ///< the wanted extent, in crs units
    QSize size;      ///< output size in device pixels
    double dpi = 96; ///< output resolution (scale, line widths in mm, label sizes in pt)
    QColor background = QColor(255, 255, 255);

    /// Map units per device pixel (same across and down); 0 for an empty extent or size.
    double mapUnitsPerPixel() const;
    /// The extent actually shown: `extent` widened to the output's aspect ratio.
    gis::Box visibleExtent() const;
    /// Device pixel of a map point (pixel centres at +0.5; y down).
    QPointF toPixel(double x, double y) const;
    /// Map point of a device pixel position.
    QPointF toMap(const QPointF& pixel) const;
    /// Scale denominator (1:N) at the extent's centre: ground metres per metre on the device. For a
    /// geographic CRS, degrees are converted with the ellipsoid's radius at the centre latitude.
    double scaleDenominator() const;
    /// Device pixels of a length in millimetres at this resolution.
    double pixelsFromMm(double mm) const { return mm * dpi / 25.4; }
};

} // namespace tanhui::render
