// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Geometry.h"
#include "gis/Grid.h"

#include <cstdint>
#include <vector>

namespace tanhui::gis {

/// @brief Exact fraction of each cell of a window covered by one parcel: area(parcel ∩ cell) /
/// area(cell), in [0, 1], stored row-major in double.
struct CoverageWindow {
    Window window;                ///< in the raster grid's cell indices; may be empty
    std::vector<double> fraction; ///< window.rows × window.cols values
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

/// @brief The same, writing into `out` and using `workspace`.
void computeCoverage(const MultiPolygon& polygon,
                     const Grid& grid,
                     const Window& window,
                     CoverageWindow& out,
                     CoverageWorkspace& workspace);

} // namespace tanhui::gis
