// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/Geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tanhui::gis {

double Ring::signedArea() const {
    const std::size_t n = size();
    if (n < 3)
        return 0.0;
    // Shoelace relative to the first vertex, which keeps the products small for projected
    // coordinates in the millions of metres.
    const double x0 = x(0), y0 = y(0);
    double twice = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t j = (i + 1 == n) ? 0 : i + 1;
        twice += (x(i) - x0) * (y(j) - y0) - (x(j) - x0) * (y(i) - y0);
    }
    return 0.5 * twice;
}

Box MultiPolygon::bounds() const {
    Box b{ std::numeric_limits<double>::infinity(),
           std::numeric_limits<double>::infinity(),
           -std::numeric_limits<double>::infinity(),
           -std::numeric_limits<double>::infinity() };
    for (const Polygon& p : parts) {
        if (p.rings.empty())
            continue;
        const Ring& r = p.rings.front();
        for (std::size_t i = 0; i < r.size(); ++i) {
            b.xmin = std::min(b.xmin, r.x(i));
            b.xmax = std::max(b.xmax, r.x(i));
            b.ymin = std::min(b.ymin, r.y(i));
            b.ymax = std::max(b.ymax, r.y(i));
        }
    }
    return b;
}

double MultiPolygon::planarArea() const {
    double area = 0.0;
    for (const Polygon& p : parts) {
        for (std::size_t i = 0; i < p.rings.size(); ++i) {
            const double a = std::abs(p.rings[i].signedArea());
            area += (i == 0) ? a : -a;
        }
    }
    return area;
}

} // namespace tanhui::gis
