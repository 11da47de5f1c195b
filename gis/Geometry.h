// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace tanhui::gis {

/// @brief Axis-aligned rectangle; x is easting/longitude, y is northing/latitude.
struct Box {
    double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
    double width() const { return xmax - xmin; }
    double height() const { return ymax - ymin; }
    bool isEmpty() const { return !(xmax > xmin && ymax > ymin); }
    bool intersects(const Box& o) const {
        return xmin < o.xmax && o.xmin < xmax && ymin < o.ymax && o.ymin < ymax;
    }
};

/// @brief A closed linear ring as interleaved coordinates x0, y0, x1, y1, ...
/// The closing point may or may not repeat the first; consumers treat the ring as closed either way.
struct Ring {
    std::vector<double> xy;
    std::size_t size() const { return xy.size() / 2; }
    double x(std::size_t i) const { return xy[2 * i]; }
    double y(std::size_t i) const { return xy[2 * i + 1]; }
    /// Signed shoelace area in the ring's own units (positive when counter-clockwise with y up).
    double signedArea() const;
};

/// @brief One polygon: rings[0] is the exterior ring, the others are holes. Orientation is free.
struct Polygon {
    std::vector<Ring> rings;
};

/// @brief A valid (multi)polygon: the components do not overlap. Plain data, no GEOS or OGR handle,
/// so the coverage engine can be used and tested without any library.
struct MultiPolygon {
    std::vector<Polygon> parts;
    bool isEmpty() const { return parts.empty(); }
    Box bounds() const;
    /// Planar area in squared CRS units (holes subtracted).
    double planarArea() const;
};

} // namespace tanhui::gis
