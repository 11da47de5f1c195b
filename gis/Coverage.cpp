// SPDX-License-Identifier: GPL-3.0-or-later
//
// Exact cell coverage by signed-area accumulation.
//
// Work in cell coordinates: u = column coordinate (Grid::colCoord), v = row coordinate
// (Grid::rowCoord), so every cell is the unit square [c, c+1] × [r, r+1] and area fractions are plain
// areas. By Green's theorem the area of a region R inside cell (r, c) is the integral, over the
// directed boundary of R, of the horizontal distance to the cell's right edge:
//
//     |R ∩ cell| = Σ_edges ∫ clamp(c + 1 − u_e(v), 0, 1) dv            (edges clipped to row r)
//
// with dv signed by the edge's direction. A piece of an edge that lies within column k of row r,
// from v_a to v_b and with mean column coordinate u_m, therefore contributes
//     (v_b − v_a) · (k + 1 − u_m)   to cell k   (the exact trapezoid area to the right of the piece),
//     (v_b − v_a)                   to every cell right of k.
// We store the first value in acc[k] and the remainder (v_b − v_a) − acc contribution in acc[k+1]; a
// prefix sum along each row then yields the coverage of every cell. Cells crossed by no edge are
// filled by that prefix sum — no point-in-polygon test, no per-cell clipping, no cell-centre rule.
// Cost per ring: O(vertices + boundary cells), plus a linear pass over the window in which the running
// sum changes only at cells an edge touched (elsewhere the accumulation is exactly zero), so the serial
// floating-point work is proportional to the boundary, not to the bounding box.
//
// Rings are oriented by their signed area: exterior rings count +1, holes −1, whatever orientation
// the file used. Pieces left of the window add their whole dv to the window's first column; pieces
// right of it add nothing. Every number is computed from the original edge endpoints and the global
// row and column index, so a cell's value does not depend on which rows of the window are requested:
// processing a large parcel in bands of rows gives bit-identical results.
//
// Reference: the same identity underlies exact-area scanline rasterisers; see also
// ../shared/reference/style.md §5.1 for the exactextract approach this replaces.

#include "gis/Coverage.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace tanhui::gis {

namespace {

constexpr double kSnap = 1e-9;

/// Accumulation buffer for rows [r0, r1) and global columns [c0, c0 + cols) of a window, with a bit
/// per entry that an edge touched, so the prefix sums visit touched entries only.
struct Accumulator {
    int r0, r1, c0, cols;
    std::vector<double>& acc;            // (r1 - r0) × (cols + 1)
    std::vector<std::uint64_t>& touched; // (r1 - r0) × words
    std::size_t words;                   // per row: (cols + 1 + 63) / 64

    double* row(int r) { return acc.data() + std::size_t(r - r0) * (cols + 1); }
    std::uint64_t* bits(int r) { return touched.data() + std::size_t(r - r0) * words; }
    void touch(std::uint64_t* b, int j) { b[std::size_t(j) >> 6] |= std::uint64_t(1) << (j & 63); }

    /// Adds a piece of an edge that lies in row r, between column coordinates ua and ub (in the
    /// order of increasing |dv| fraction) with signed height dv.
    void addPiece(int r, double ua, double ub, double dv) {
        double* a = row(r);
        std::uint64_t* b = bits(r);
        const double ul = std::min(ua, ub), ur = std::max(ua, ub);
        const int c1 = c0 + cols; // first global column right of the window
        if (ur <= c0) {           // wholly left of the window: full height for every column
            a[0] += dv;
            touch(b, 0);
            return;
        }
        if (ul >= c1) // wholly right of the window: contributes nothing
            return;
        if (ul == ur) { // vertical piece
            const int k = int(std::floor(ul));
            addCellPiece(a, b, k, ul, dv);
            return;
        }
        // Walk the integer column boundaries from ul to ur. v varies linearly with u, so the height
        // of each sub-piece is dv times its share of the u-range; consecutive boundaries telescope.
        const double span = ur - ul;
        double uPrev = ul;
        double vPrev = 0.0; // fraction of dv consumed so far
        int k = int(std::floor(ul));
        if (k < c0) { // the part left of the window adds its height to column 0 at once
            const double uCut = double(c0);
            const double vCut = (uCut - ul) / span;
            a[0] += dv * (vCut - vPrev);
            touch(b, 0);
            uPrev = uCut;
            vPrev = vCut;
            k = c0;
        }
        for (; k < c1 && uPrev < ur; ++k) {
            const double uNext = std::min(ur, double(k + 1));
            const double vNext = (uNext == ur) ? 1.0 : (uNext - ul) / span;
            addCellPiece(a, b, k, 0.5 * (uPrev + uNext), dv * (vNext - vPrev));
            uPrev = uNext;
            vPrev = vNext;
        }
    }

    /// Piece inside global column k with mean column coordinate um and signed height dv.
    void addCellPiece(double* a, std::uint64_t* b, int k, double um, double dv) {
        const int j = k - c0;
        if (j < 0) {
            a[0] += dv;
            touch(b, 0);
            return;
        }
        if (j >= cols)
            return;
        const double inCell = dv * (double(k + 1) - um);
        a[j] += inCell;
        a[j + 1] += dv - inCell;
        touch(b, j);
        touch(b, j + 1);
    }
};

void accumulateRing(const Ring& ring, double sign, const Grid& grid, Accumulator& acc) {
    const std::size_t n = ring.size();
    if (n < 3)
        return;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t j = (i + 1 == n) ? 0 : i + 1;
        const double u0 = grid.colCoord(ring.x(i)), v0 = grid.rowCoord(ring.y(i));
        const double u1 = grid.colCoord(ring.x(j)), v1 = grid.rowCoord(ring.y(j));
        if (v0 == v1)
            continue; // horizontal edges enclose no area against the cell's right edge
        const bool down = v1 > v0;
        const double vlo = down ? v0 : v1, vhi = down ? v1 : v0;
        const double ulo = down ? u0 : u1, uhi = down ? u1 : u0; // u at vlo and at vhi
        const double dudv = (uhi - ulo) / (vhi - vlo);
        const double dir = down ? sign : -sign;
        const int rFirst = std::max(acc.r0, int(std::floor(vlo)));
        const int rLast = std::min(acc.r1 - 1, int(std::ceil(vhi)) - 1);
        for (int r = rFirst; r <= rLast; ++r) {
            const double va = std::max(vlo, double(r));
            const double vb = std::min(vhi, double(r + 1));
            if (!(vb > va))
                continue;
            const double ua = (va == vlo) ? ulo : ulo + (va - vlo) * dudv;
            const double ub = (vb == vhi) ? uhi : ulo + (vb - vlo) * dudv;
            acc.addPiece(r, ua, ub, dir * (vb - va));
        }
    }
}

} // namespace

double CoverageWindow::sum() const {
    double s = 0.0;
    for (double f : fraction)
        s += f;
    return s;
}

Window coverageWindow(const MultiPolygon& polygon, const Grid& grid) {
    if (polygon.isEmpty())
        return {};
    const Box b = polygon.bounds();
    if (!(b.xmax >= b.xmin))
        return {};
    const double cMin = std::floor(grid.colCoord(b.xmin)), cMax = std::ceil(grid.colCoord(b.xmax));
    const double rMin = std::floor(grid.rowCoord(b.ymax)), rMax = std::ceil(grid.rowCoord(b.ymin));
    const int c0 = int(std::clamp(cMin, 0.0, double(grid.cols)));
    const int c1 = int(std::clamp(cMax, 0.0, double(grid.cols)));
    const int r0 = int(std::clamp(rMin, 0.0, double(grid.rows)));
    const int r1 = int(std::clamp(rMax, 0.0, double(grid.rows)));
    if (c1 <= c0 || r1 <= r0)
        return {};
    return { r0, c0, r1 - r0, c1 - c0 };
}

CoverageWindow computeCoverage(const MultiPolygon& polygon, const Grid& grid, const Window& window) {
    CoverageWindow out;
    CoverageWorkspace workspace;
    computeCoverage(polygon, grid, window, out, workspace);
    return out;
}

void CoverageWindow::fillDense() {
    fraction.assign(std::size_t(window.cellCount()), 0.0);
    for (int r = 0; r < window.rows && std::size_t(r + 1) < rowRuns.size(); ++r) {
        double* dst = fraction.data() + std::size_t(r) * std::size_t(window.cols);
        for (std::size_t k = rowRuns[std::size_t(r)]; k < rowRuns[std::size_t(r) + 1]; ++k)
            std::fill(dst + runs[k].col, dst + runs[k].col + runs[k].length, runs[k].value);
    }
}

void computeCoverage(const MultiPolygon& polygon,
                     const Grid& grid,
                     const Window& window,
                     CoverageWindow& out,
                     CoverageWorkspace& workspace,
                     CoverageLayout layout) {
    out.window = window;
    out.runs.clear();
    out.rowRuns.clear();
    if (layout != CoverageLayout::Dense || window.isEmpty())
        out.fraction.clear(); // (a dense result below overwrites every value of a resized buffer)
    if (window.isEmpty()) {
        out.rowRuns.push_back(0);
        return;
    }
    const std::size_t stride = std::size_t(window.cols) + 1;
    const std::size_t needed = std::size_t(window.rows) * stride;
    if (workspace.accumulation.size() < needed)
        workspace.accumulation.resize(needed, 0.0); // new entries are zero; old ones were reset
    const std::size_t words = (stride + 63) / 64;
    if (workspace.touched.size() < std::size_t(window.rows) * words)
        workspace.touched.resize(std::size_t(window.rows) * words, 0);
    Accumulator a{ window.row0, window.row0 + window.rows, window.col0,
                   window.cols, workspace.accumulation,    workspace.touched,
                   words };

    for (const Polygon& part : polygon.parts) {
        for (std::size_t i = 0; i < part.rings.size(); ++i) {
            const Ring& ring = part.rings[i];
            const double area = ring.signedArea();
            if (area == 0.0)
                continue;
            // Counter-clockwise (x right, y up) rings accumulate +area with this scheme.
            const double orientation = area > 0 ? 1.0 : -1.0;
            const double role = (i == 0) ? 1.0 : -1.0;
            accumulateRing(ring, orientation * role, grid, a);
        }
    }

    // The prefix sum adds and cancels O(1) contributions, which leaves round-off of order 1e-14 in
    // cells that are exactly empty or full. Snap within kSnap (1e-9 of a cell: 1e-7 m² for a 10 m
    // cell) so such cells count neither in variety nor in class lists.
    auto snap = [](double v) { return v < kSnap ? 0.0 : v > 1.0 - kSnap ? 1.0 : v; };
    const bool dense = layout == CoverageLayout::Dense;
    // Every value is written below, so the dense buffer is only resized (not cleared and zero-filled).
    if (dense)
        out.fraction.resize(std::size_t(window.cellCount()));
    else
        out.rowRuns.reserve(std::size_t(window.rows) + 1);
    // Untouched entries are zero, and adding zero leaves the running sum unchanged, so visiting the
    // touched entries only (in column order, through the bit set) gives the full prefix sum bit for
    // bit; between them the row has the running value: written out (dense) or recorded as a run
    // (runs; adjacent runs of the same value are merged, zero runs dropped). Touched entries and
    // their bits are reset, so the buffers stay zero.
    for (int r = 0; r < window.rows; ++r) {
        double* acc = workspace.accumulation.data() + std::size_t(r) * stride;
        std::uint64_t* bits = workspace.touched.data() + std::size_t(r) * words;
        double* dst = dense ? out.fraction.data() + std::size_t(r) * window.cols : nullptr;
        if (!dense)
            out.rowRuns.push_back(out.runs.size());
        const std::size_t rowFirstRun = out.runs.size();
        double running = 0.0, value = 0.0;
        int filled = 0; // cells [0, filled) are written or recorded
        auto emit = [&](int end) {
            if (dense) {
                std::fill(dst + filled, dst + end, value);
            } else if (end > filled && value != 0.0) {
                if (out.runs.size() > rowFirstRun && out.runs.back().value == value &&
                    out.runs.back().col + out.runs.back().length == filled)
                    out.runs.back().length += end - filled;
                else
                    out.runs.push_back({ filled, end - filled, value });
            }
            filled = end;
        };
        for (std::size_t wi = 0; wi < words; ++wi) {
            std::uint64_t w = bits[wi];
            bits[wi] = 0;
            while (w != 0) {
                const int c = int(wi * 64) + std::countr_zero(w);
                w &= w - 1;
                if (c >= window.cols) { // the entry right of the window: nothing follows it
                    acc[c] = 0.0;
                    continue;
                }
                emit(c);
                running += acc[c];
                acc[c] = 0.0;
                value = snap(running);
            }
        }
        emit(window.cols);
    }
    if (!dense)
        out.rowRuns.push_back(out.runs.size());
}

} // namespace tanhui::gis
