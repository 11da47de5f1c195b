// SPDX-License-Identifier: GPL-3.0-or-later
// Private to tanhui_gis: densifying rings before geodesic areas (ParcelReader, LayerOverlaps).
#pragma once

#include "gis/Geometry.h"

#include <cmath>
#include <vector>

namespace tanhui::gis::detail {

/// True when some edge of `mp` is longer than maxLength (in the ring's units).
inline bool needsDensify(const MultiPolygon& mp, double maxLength) {
    const double max2 = maxLength * maxLength;
    for (const Polygon& p : mp.parts)
        for (const Ring& r : p.rings) {
            const std::size_t n = r.size();
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t j = (i + 1 == n) ? 0 : i + 1;
                const double dx = r.x(j) - r.x(i), dy = r.y(j) - r.y(i);
                if (dx * dx + dy * dy > max2)
                    return true;
            }
        }
    return false;
}

/// Inserts vertices so no edge is longer than maxLength (in the ring's units); used before geodesic
/// area so that long straight edges follow the layer's CRS rather than the geodesic.
inline void densify(MultiPolygon& mp, double maxLength) {
    for (Polygon& p : mp.parts) {
        for (Ring& r : p.rings) {
            const std::size_t n = r.size();
            std::vector<double> out;
            out.reserve(r.xy.size());
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t j = (i + 1 == n) ? 0 : i + 1;
                const double x0 = r.x(i), y0 = r.y(i), x1 = r.x(j), y1 = r.y(j);
                out.push_back(x0);
                out.push_back(y0);
                const double len = std::sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
                const int pieces = int(std::ceil(len / maxLength));
                for (int k = 1; k < pieces; ++k) {
                    const double t = double(k) / pieces;
                    out.push_back(x0 + t * (x1 - x0));
                    out.push_back(y0 + t * (y1 - y0));
                }
            }
            r.xy = std::move(out);
        }
    }
}

/// The densify step ParcelReader uses before geodesic areas: 1 km for projected layers (in the CRS's
/// units), 0.01° for geographic ones.
inline double densifyStepOf(bool geographic, double linearUnitMetres) {
    return geographic ? 0.01 : 1000.0 / (linearUnitMetres > 0 ? linearUnitMetres : 1.0);
}

} // namespace tanhui::gis::detail
