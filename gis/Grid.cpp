// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/Grid.h"

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

} // namespace tanhui::gis
