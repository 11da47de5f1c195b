// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Geometry.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tanhui::gis {

/// @brief A north-up raster grid: origin at the top-left corner of cell (0, 0), cells of
/// cellWidth × cellHeight CRS units (both positive; non-square cells are fine), `cols` × `rows` cells.
/// Row 0 is the northernmost row. Rotated or sheared geotransforms are rejected when a raster is
/// opened (RasterDataset), so every grid in Tanhui has this form.
struct Grid {
    double originX = 0;    ///< x of the left edge of column 0
    double originY = 0;    ///< y of the top edge of row 0
    double cellWidth = 1;  ///< > 0, CRS units
    double cellHeight = 1; ///< > 0, CRS units (the geotransform's negative dy, made positive)
    int cols = 0;
    int rows = 0;

    Box extent() const {
        return { originX, originY - rows * cellHeight, originX + cols * cellWidth, originY };
    }
    /// Column coordinate of x: 0 at the left edge of column 0, 1 at its right edge.
    double colCoord(double x) const { return (x - originX) / cellWidth; }
    /// Row coordinate of y: 0 at the top edge of row 0, increasing southwards.
    double rowCoord(double y) const { return (originY - y) / cellHeight; }
    double cellArea() const { return cellWidth * cellHeight; }
    std::int64_t cellCount() const { return std::int64_t(cols) * rows; }

    /// Two rasters share coverage when their grids are equal up to a tolerance of 1e-9 cells.
    bool sameAs(const Grid& o) const;
    /// A stable textual signature (used to key coverage caches and in reports).
    std::string signature() const;
};

/// @brief A rectangular block of cells: rows [row0, row0 + rows), columns [col0, col0 + cols).
struct Window {
    int row0 = 0, col0 = 0, rows = 0, cols = 0;
    bool isEmpty() const { return rows <= 0 || cols <= 0; }
    std::int64_t cellCount() const { return std::int64_t(rows) * cols; }
};

class Crs;

/// @brief The area (m²) of one cell of each row of `grid` (top row first): on a projected grid the
/// planar cell, |width × height| in metres (the CRS's linear unit; InVEST's convention,
/// carbon-methods.md §1.4); on a geographic grid the ellipsoidal area of the row's cells, which shrinks
/// towards the poles (§0, §7.1). Without a CRS: width × height as they are.
std::vector<double> rowCellAreasM2(const Grid& grid, const Crs& crs);

/// @brief How many whole rows of `grid` fit in `budgetBytes` at `bytesPerCell` per cell: at least 1, at
/// most the grid's rows (a strip of rows read or written at once).
int stripRows(const Grid& grid, std::size_t budgetBytes, std::size_t bytesPerCell);

} // namespace tanhui::gis
