// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace tanhui::gis {

/// @brief Writes `vrtPath`, a single-band GDAL VRT of band `band` (1-based) of the raster `source`
/// (its grid, CRS, nodata and description; the source named relative to the VRT when both are in one
/// folder), with the band metadata item DATE = `isoDate` when not empty. One date of a multiband
/// stack becomes a file of its own, so every reader of single-band rasters reads the right band
/// (the GUI's Make Time Series, docs/maps.md). Written under a temporary name and renamed (atomic).
/// Throws GisError naming the file: Open (the source cannot be read), InvalidArgument (no such band),
/// Io (the VRT cannot be written, e.g. a read-only folder).
void writeBandVrt(const std::string& source,
                  int band,
                  const std::string& vrtPath,
                  const std::string& isoDate);

} // namespace tanhui::gis
