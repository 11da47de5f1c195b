// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Geometry.h"
#include "gis/Grid.h"

#include <cstdint>
#include <vector>

namespace tanhui::gis {

/// @brief Cells [col, col + length) of one row of a coverage window (columns relative to the window)
/// that all have the same coverage `value` > 0.
struct CoverageRun {
    int col;
    int length;
    double value;
};

/// @brief How computeCoverage() stores its result.
enum class CoverageLayout {
    Dense, ///< CoverageWindow::fraction only
    Runs,  ///< CoverageWindow::runs only (fillDense() derives the dense form when needed)
};

/// @brief Exact fraction of each cell of a window covered by one parcel: area(parcel ∩ cell) /
/// area(cell), in [0, 1], stored row-major in double, or as runs of equal coverage per row.
struct CoverageWindow {
    Window window;                ///< in the raster grid's cell indices; may be empty
    std::vector<double> fraction; ///< window.rows × window.cols values (CoverageLayout::Dense)
    /// CoverageLayout::Runs: the covered cells, row by row, left to right, as maximal runs of equal
    /// coverage; row r's runs are runs[rowRuns[r], rowRuns[r + 1]). Uncovered cells are in no run.
    /// Inside a parcel a row is typically one long run of 1.0 between a few partial cells.
    std::vector<CoverageRun> runs;
    std::vector<std::size_t> rowRuns; ///< window.rows + 1 entries
    /// `fraction` from `runs`: the same values in every cell.
    void fillDense();
    double at(int row, int col) const {
        return fraction[std::size_t(row - window.row0) * window.cols + (col - window.col0)];
    }
    /// Σ fraction (the parcel's area inside the window, in cells).
    double sum() const;
};

/// @brief The cells of `grid` that the bounding box of `polygon` touches, clipped to the grid.
/// Empty when the parcel lies wholly outside the raster.
Window coverageWindow(const MultiPolygon& polygon, const Grid& grid);

/// @brief Exact coverage of `polygon` (in the grid's CRS) over the rows [rowBegin, rowEnd) of
/// `window` (the whole window by default).
///
/// The polygon must be valid (components and holes do not overlap; see ParcelReader, which repairs
/// invalid input). Each value is bit-identical whatever rows are requested, so a large parcel can be
/// processed in bands of rows without changing any result.
CoverageWindow computeCoverage(const MultiPolygon& polygon, const Grid& grid, const Window& window);

/// @brief Reusable working memory for computeCoverage(), so that a worker processing many parcels
/// allocates nothing per parcel. Not thread-safe: one per thread.
struct CoverageWorkspace {
    std::vector<double> accumulation; ///< kept all-zero between calls
    /// One bit per accumulation entry that an edge touched (64 per word, rows padded to whole words);
    /// kept all-zero between calls.
    std::vector<std::uint64_t> touched;
};

/// @brief The same, writing into `out` in the given layout and using `workspace`. Both layouts hold
/// bit-identical values.
void computeCoverage(const MultiPolygon& polygon,
                     const Grid& grid,
                     const Window& window,
                     CoverageWindow& out,
                     CoverageWorkspace& workspace,
                     CoverageLayout layout = CoverageLayout::Dense);

} // namespace tanhui::gis
