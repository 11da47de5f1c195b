// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the exact coverage engine (gis/Coverage) on random valid (multi)polygons — star-shaped
// rings with holes, several parts, slivers (one axis squeezed by up to 10⁻⁷), vertices snapped to
// quarter cells (on cell lines), rotated, either orientation, closed or not — over random north-up grids
// (1–48 × 1–48 cells, square or not, cell sizes from 2⁻¹² to 64 units, origins up to ±2²⁰), partly
// outside the grid.
//
// The reference is computed independently with GEOS (overlay of the polygon with the grid extent, in
// coordinates relative to the grid origin, where every input coordinate is exact: multiples of 2⁻²⁸).
// Inputs GEOS finds invalid are skipped (the engine requires valid polygons; ParcelReader repairs).
//
// Properties (a violation aborts):
//  1. every fraction is in [0, 1] (no NaN);
//  2. Σ fraction × cell area = area(polygon ∩ grid extent) within 1e-9 relative, plus 1e-9 of a cell per
//     boundary cell: the engine deliberately snaps a cell's fraction within 1e-9 of 0 or 1 (Coverage.cpp
//     kSnap), so a sliver thinner than 1e-9 of a cell counts as empty there. B = Σ over edges of
//     (⌈|Δcol|⌉ + ⌈|Δrow|⌉ + 2) bounds the number of boundary cells;
//  3. the Runs layout expands to the Dense values bit for bit;
//  4. computing the window in two bands of rows gives bit-identical values (Coverage.h).
#include "FuzzInput.h"
#include "gis/Coverage.h"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

using namespace tanhui;
using tanhui::fuzz::fail;

namespace {

constexpr double kQuantum = 1.0 / (1 << 28); // coordinates relative to the origin are multiples of this

double quantize(double v) {
    return std::round(v / kQuantum) * kQuantum;
}

/// Local coordinates (relative to the grid origin, CRS units; y negative downwards) of one part.
struct LocalRing {
    std::vector<double> xy;
};
struct LocalPolygon {
    std::vector<LocalRing> rings;
};

/// A ring star-shaped around (cx, cy): n angles, each jittered within its 1/n of the turn (consecutive
/// gaps < π, so the ring is simple and contains the centre), radii in [r/4, r].
LocalRing starRing(fuzz::Bytes& in, double cx, double cy, double r, int vertices) {
    LocalRing ring;
    for (int i = 0; i < vertices; ++i) {
        const double a = (i + 0.45 * in.unit()) * 2 * std::numbers::pi / vertices;
        const double rad = r * (0.25 + 0.75 * in.unit());
        ring.xy.push_back(cx + rad * std::cos(a));
        ring.xy.push_back(cy + rad * std::sin(a));
    }
    return ring;
}

/// Distance from (cx, cy) to the nearest edge of a ring (the disc of that radius is inside the ring).
double inradius(const LocalRing& r, double cx, double cy) {
    double best = std::numeric_limits<double>::infinity();
    const std::size_t n = r.xy.size() / 2;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t j = (i + 1) % n;
        const double ax = r.xy[2 * i] - cx, ay = r.xy[2 * i + 1] - cy;
        const double dx = r.xy[2 * j] - r.xy[2 * i], dy = r.xy[2 * j + 1] - r.xy[2 * i + 1];
        const double len2 = dx * dx + dy * dy;
        const double t = len2 > 0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
        best = std::min(best, std::hypot(ax + t * dx, ay + t * dy));
    }
    return best;
}

GEOSGeometry* toGeos(GEOSContextHandle_t h, const std::vector<LocalPolygon>& parts) {
    std::vector<GEOSGeometry*> polys;
    for (const LocalPolygon& p : parts) {
        std::vector<GEOSGeometry*> rings;
        for (const LocalRing& r : p.rings) {
            const std::size_t n = r.xy.size() / 2;
            GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, unsigned(n + 1), 2);
            for (std::size_t i = 0; i <= n; ++i) {
                GEOSCoordSeq_setX_r(h, seq, unsigned(i), r.xy[2 * (i % n)]);
                GEOSCoordSeq_setY_r(h, seq, unsigned(i), r.xy[2 * (i % n) + 1]);
            }
            rings.push_back(GEOSGeom_createLinearRing_r(h, seq));
        }
        polys.push_back(GEOSGeom_createPolygon_r(h, rings[0], rings.data() + 1, unsigned(rings.size() - 1)));
    }
    return GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polys.data(), unsigned(polys.size()));
}

/// How many inputs were checked and skipped (GEOS-invalid), printed at exit when TANHUI_FUZZ_STATS is set:
/// the generator must keep most inputs valid to be useful.
struct Stats {
    long checked = 0, invalid = 0, slivers = 0, holes = 0, clipped = 0;
    ~Stats() {
        if (std::getenv("TANHUI_FUZZ_STATS"))
            std::fprintf(
              stderr,
              "fuzz_coverage: %ld checked (%ld with a sliver, %ld with holes, %ld partly outside the "
              "grid), %ld skipped as invalid\n",
              checked,
              slivers,
              holes,
              clipped,
              invalid);
    }
};
Stats stats;

double cellSize(fuzz::Bytes& in) {
    switch (in.range(0, 4)) {
        case 0:
            return 1;
        case 1:
            return 30;
        case 2:
            return 1.0 / 4096; // ~ degrees of a 1" raster
        case 3:
            return 0.5;
        default:
            return in.range(1, 1024) / 16.0; // 1/16 .. 64
    }
}

void run(const std::uint8_t* data, std::size_t size) {
    fuzz::Bytes in(data, size);
    gis::Grid grid;
    grid.cols = in.range(1, 48);
    grid.rows = in.range(1, 48);
    grid.cellWidth = cellSize(in);
    grid.cellHeight = in.flag() ? grid.cellWidth : cellSize(in);
    grid.originX = in.range(-(1 << 20), 1 << 20) + in.range(0, 1023) / 1024.0;
    grid.originY = in.range(-(1 << 20), 1 << 20) + in.range(0, 1023) / 1024.0;
    const double W = grid.cols * grid.cellWidth, H = grid.rows * grid.cellHeight;

    // Parts side by side in vertical strips of a region reaching up to half the grid beyond each side.
    const int nParts = in.range(1, 3);
    const double rx0 = -W * 0.5 * in.unit(), rx1 = W * (1 + 0.5 * in.unit());
    const double ry0 = -H * (1 + 0.5 * in.unit()), ry1 = H * 0.5 * in.unit();
    std::vector<LocalPolygon> parts;
    bool sliver = false, withHoles = false;
    const double strip = (rx1 - rx0) / nParts;
    for (int p = 0; p < nParts; ++p) {
        const double cx = rx0 + strip * (p + 0.5);
        const double cy = ry0 + (ry1 - ry0) * (0.2 + 0.6 * in.unit());
        const double r = 0.49 * std::min(strip, ry1 - ry0) * (0.05 + 0.95 * in.unit());
        LocalPolygon poly;
        poly.rings.push_back(starRing(in, cx, cy, r, in.range(3, 40)));
        // Holes side by side in the square inscribed in the largest disc inside the exterior ring.
        const int holes = in.range(0, 3);
        withHoles = withHoles || holes > 0;
        const double side = inradius(poly.rings[0], cx, cy) * std::numbers::sqrt2 * 0.95;
        const double hw = side / std::max(holes, 1);
        for (int k = 0; k < holes; ++k)
            poly.rings.push_back(
              starRing(in, cx - side / 2 + hw * (k + 0.5), cy, 0.45 * std::min(hw, side), in.range(3, 12)));
        // A sliver: squeeze the part towards its centre line.
        if (in.range(0, 3) == 0) {
            sliver = true;
            const double squeeze = std::pow(10.0, -in.range(2, 7));
            for (LocalRing& ring : poly.rings)
                for (std::size_t i = 1; i < ring.xy.size(); i += 2)
                    ring.xy[i] = cy + (ring.xy[i] - cy) * squeeze;
        }
        parts.push_back(std::move(poly));
    }
    // A rotation of the whole multipolygon about the grid centre (keeps the parts disjoint).
    if (in.flag()) {
        const double a = in.unit() * 2 * std::numbers::pi, c = std::cos(a), s = std::sin(a);
        for (LocalPolygon& p : parts)
            for (LocalRing& r : p.rings)
                for (std::size_t i = 0; i < r.xy.size(); i += 2) {
                    const double x = r.xy[i] - W / 2, y = r.xy[i + 1] + H / 2;
                    r.xy[i] = W / 2 + c * x - s * y;
                    r.xy[i + 1] = -H / 2 + s * x + c * y;
                }
    }
    // Vertices on cell lines: snap to quarter cells (may make the polygon invalid: then skipped).
    const bool snapToCells = in.range(0, 3) == 0;
    for (LocalPolygon& p : parts)
        for (LocalRing& r : p.rings) {
            for (std::size_t i = 0; i < r.xy.size(); i += 2) {
                if (snapToCells) {
                    r.xy[i] = std::round(r.xy[i] / grid.cellWidth * 4) / 4 * grid.cellWidth;
                    r.xy[i + 1] = std::round(r.xy[i + 1] / grid.cellHeight * 4) / 4 * grid.cellHeight;
                }
                r.xy[i] = quantize(r.xy[i]);
                r.xy[i + 1] = quantize(r.xy[i + 1]);
            }
            if (in.flag()) { // the other orientation
                std::vector<double> rev;
                for (std::size_t i = r.xy.size(); i >= 2; i -= 2) {
                    rev.push_back(r.xy[i - 2]);
                    rev.push_back(r.xy[i - 1]);
                }
                r.xy = rev;
            }
        }

    static GEOSContextHandle_t h = GEOS_init_r();
    GEOSGeometry* geom = toGeos(h, parts);
    if (!geom)
        return;
    if (GEOSisValid_r(h, geom) != 1) {
        GEOSGeom_destroy_r(h, geom);
        ++stats.invalid;
        return;
    }
    GEOSGeometry* box = GEOSGeom_createRectangle_r(h, 0, -H, W, 0);
    GEOSGeometry* clipped = GEOSIntersection_r(h, geom, box);
    double reference = 0;
    double full = 0;
    if (!clipped || GEOSArea_r(h, clipped, &reference) != 1 || GEOSArea_r(h, geom, &full) != 1)
        fail("GEOS could not clip a valid polygon");
    ++stats.checked;
    stats.slivers += sliver;
    stats.holes += withHoles;
    stats.clipped += reference < full;
    GEOSGeom_destroy_r(h, clipped);
    GEOSGeom_destroy_r(h, box);
    GEOSGeom_destroy_r(h, geom);

    // The same polygon in the grid's CRS: origin + local offset, exact (see kQuantum).
    gis::MultiPolygon mp;
    double boundaryCells = 0;
    for (const LocalPolygon& p : parts) {
        gis::Polygon poly;
        for (const LocalRing& r : p.rings) {
            gis::Ring ring;
            const std::size_t n = r.xy.size() / 2;
            for (std::size_t i = 0; i < n; ++i) {
                ring.xy.push_back(grid.originX + r.xy[2 * i]);
                ring.xy.push_back(grid.originY + r.xy[2 * i + 1]);
                const std::size_t j = (i + 1) % n;
                boundaryCells += std::ceil(std::abs(r.xy[2 * j] - r.xy[2 * i]) / grid.cellWidth) +
                                 std::ceil(std::abs(r.xy[2 * j + 1] - r.xy[2 * i + 1]) / grid.cellHeight) + 2;
            }
            if (in.flag()) { // repeat the first point
                ring.xy.push_back(ring.xy[0]);
                ring.xy.push_back(ring.xy[1]);
            }
            poly.rings.push_back(std::move(ring));
        }
        mp.parts.push_back(std::move(poly));
    }

    const gis::Window window = gis::coverageWindow(mp, grid);
    const gis::CoverageWindow cov = gis::computeCoverage(mp, grid, window);
    double sum = 0;
    for (const double f : cov.fraction) {
        if (!(f >= 0.0 && f <= 1.0))
            fail("a coverage fraction outside [0, 1]: " + std::to_string(f));
        sum += f;
    }
    const double area = sum * grid.cellArea();
    const double tolerance = 1e-9 * reference + 1e-9 * grid.cellArea() * boundaryCells;
    if (!(std::abs(area - reference) <= tolerance)) {
        std::ostringstream s;
        s.precision(17);
        s << "Σ coverage × cell area = " << area << ", GEOS clipped area = " << reference << " (difference "
          << area - reference << ", tolerance " << tolerance << ")";
        fail(s.str());
    }

    gis::CoverageWindow runs;
    gis::CoverageWorkspace workspace;
    gis::computeCoverage(mp, grid, window, runs, workspace, gis::CoverageLayout::Runs);
    runs.fillDense();
    if (runs.fraction != cov.fraction)
        fail("the Runs layout differs from the Dense layout");

    if (window.rows >= 2) {
        const int split = in.range(1, window.rows - 1);
        gis::Window top = window, bottom = window;
        top.rows = split;
        bottom.row0 = window.row0 + split;
        bottom.rows = window.rows - split;
        const gis::CoverageWindow a = gis::computeCoverage(mp, grid, top);
        const gis::CoverageWindow b = gis::computeCoverage(mp, grid, bottom);
        std::vector<double> joined = a.fraction;
        joined.insert(joined.end(), b.fraction.begin(), b.fraction.end());
        if (joined != cov.fraction)
            fail("two bands of rows differ from the whole window");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    run(data, size);
    return 0;
}
