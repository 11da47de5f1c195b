// SPDX-License-Identifier: GPL-3.0-or-later
// Private to tanhui_gis: an exact, conservative test that a polygon ring is simple, used to skip
// GEOS's validity check for the (very common) parcels whose validity is certain.
#pragma once

#include <cmath>
#include <cstddef>

namespace tanhui::gis::detail {

/// Sign of the orientation of (a, b, c): +1 counter-clockwise, -1 clockwise, 0 when the sign cannot
/// be certified in double arithmetic (the points may be collinear). Shewchuk's floating-point filter
/// (J. R. Shewchuk, 1997, "Adaptive precision floating-point arithmetic and fast robust geometric
/// predicates", Discrete Comput. Geom. 18: 305–363, orient2d stage A): when |det| exceeds
/// (3 + 16ε)ε · (|l| + |r|), ε = 2⁻⁵³, the computed sign is the exact sign.
inline int certifiedOrientation(double ax, double ay, double bx, double by, double cx, double cy) {
    const double left = (ax - cx) * (by - cy);
    const double right = (ay - cy) * (bx - cx);
    const double det = left - right;
    constexpr double kEpsilon = 1.1102230246251565e-16; // 2^-53
    constexpr double kBound = (3.0 + 16.0 * kEpsilon) * kEpsilon;
    const double bound = kBound * (std::abs(left) + std::abs(right));
    if (det > bound)
        return 1;
    if (-det > bound)
        return -1;
    return 0;
}

/// True only when the closed ring of `n` distinct-vertex points `xy` (x0, y0, x1, y1, …; the closing
/// point not repeated) is certainly simple: at least 3 vertices, all coordinates finite, no two
/// consecutive vertices equal, every two consecutive edges not collinear, and every two
/// non-consecutive edges certainly disjoint. A polygon made of one such ring is valid in the OGC
/// sense (what GEOSisValid checks). False means "not proven", not "invalid": the caller must then ask
/// GEOS. Cost O(n²) with a bounding-box filter, so callers use it for small rings only.
inline bool isCertainlySimpleRing(const double* xy, std::size_t n) {
    if (n < 3)
        return false;
    for (std::size_t i = 0; i < 2 * n; ++i)
        if (!std::isfinite(xy[i]))
            return false;
    auto X = [xy](std::size_t i) { return xy[2 * i]; };
    auto Y = [xy](std::size_t i) { return xy[2 * i + 1]; };
    // Consecutive edges (i-1, i) and (i, i+1) meet only at vertex i when the turn is certain; this
    // also rules out repeated vertices (a zero-length edge gives an uncertain orientation).
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t h = (i + n - 1) % n, j = (i + 1) % n;
        if (certifiedOrientation(X(h), Y(h), X(i), Y(i), X(j), Y(j)) == 0)
            return false;
    }
    if (n == 3)
        return true; // a triangle with a certain turn has no non-consecutive edges
    // Non-consecutive edges (i, i+1) and (k, k+1) must be disjoint: their bounding boxes are apart,
    // or one edge's end points lie strictly on the same side of the other edge's line.
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t i1 = (i + 1) % n;
        const double ax = X(i), ay = Y(i), bx = X(i1), by = Y(i1);
        const double minX = std::fmin(ax, bx), maxX = std::fmax(ax, bx);
        const double minY = std::fmin(ay, by), maxY = std::fmax(ay, by);
        // k runs over the edges after i that do not share a vertex with it (edge n-1 shares vertex 0
        // with edge 0).
        const std::size_t kEnd = (i == 0) ? n - 1 : n;
        for (std::size_t k = i + 2; k < kEnd; ++k) {
            const std::size_t k1 = (k + 1) % n;
            const double cx = X(k), cy = Y(k), dx = X(k1), dy = Y(k1);
            if (std::fmax(cx, dx) < minX || std::fmin(cx, dx) > maxX || std::fmax(cy, dy) < minY ||
                std::fmin(cy, dy) > maxY)
                continue;
            const int c = certifiedOrientation(ax, ay, bx, by, cx, cy);
            const int d = certifiedOrientation(ax, ay, bx, by, dx, dy);
            if (c != 0 && c == d)
                continue;
            const int a = certifiedOrientation(cx, cy, dx, dy, ax, ay);
            const int b = certifiedOrientation(cx, cy, dx, dy, bx, by);
            if (a != 0 && a == b)
                continue;
            return false;
        }
    }
    return true;
}

} // namespace tanhui::gis::detail
