// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/Grid.h"

#include "gis/Crs.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tanhui::gis {

bool Grid::sameAs(const Grid& o) const {
    if (cols != o.cols || rows != o.rows)
        return false;
    const double tolW = 1e-9 * cellWidth, tolH = 1e-9 * cellHeight;
    return std::abs(cellWidth - o.cellWidth) <= tolW && std::abs(cellHeight - o.cellHeight) <= tolH &&
           std::abs(originX - o.originX) <= tolW && std::abs(originY - o.originY) <= tolH;
}

std::string Grid::signature() const {
    char buf[256];
    std::snprintf(
      buf, sizeof buf, "%.17g,%.17g,%.17g,%.17g,%d,%d", originX, originY, cellWidth, cellHeight, cols, rows);
    return buf;
}

std::vector<double> rowCellAreasM2(const Grid& grid, const Crs& crs) {
    std::vector<double> areas(std::size_t(std::max(grid.rows, 0)));
    if (crs.isValid() && crs.isGeographic()) {
        for (int r = 0; r < grid.rows; ++r) {
            const double top = grid.originY - r * grid.cellHeight;
            areas[std::size_t(r)] = std::fabs(geographicCellAreaM2(
              top - grid.cellHeight, top, grid.cellWidth, crs.semiMajorMetres(), crs.flattening()));
        }
    } else {
        const double unit = crs.isValid() ? crs.linearUnitMetres() : 1.0;
        std::fill(areas.begin(), areas.end(), grid.cellWidth * grid.cellHeight * unit * unit);
    }
    return areas;
}

int stripRows(const Grid& grid, std::size_t budgetBytes, std::size_t bytesPerCell) {
    const std::size_t perRow = std::max<std::size_t>(1, std::size_t(std::max(grid.cols, 0)) * bytesPerCell);
    return int(std::clamp<std::size_t>(budgetBytes / perRow, 1, std::size_t(std::max(grid.rows, 1))));
}

} // namespace tanhui::gis
