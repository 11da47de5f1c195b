// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>

namespace tanhui::gis {

/// @brief Process-wide GDAL/OGR/PROJ set-up. Call once before any I/O (the first RasterDataset,
/// VectorLayer or Crs call does it anyway): registers drivers, installs a CPL error handler that routes
/// GDAL messages to the Qt log category "tanhui.gdal" (never to stderr), and sizes the GDAL block
/// cache. Thread-safe and idempotent.
void initializeGdal();

/// @brief Sets the GDAL block cache size in bytes (GDALSetCacheMax64). Takes effect for later reads.
void setGdalCacheBytes(std::size_t bytes);

/// @brief The most recent GDAL error message raised on the calling thread since the last call of
/// clearGdalError(), or empty. Used to attach GDAL's own words to our typed errors.
std::string lastGdalError();
void clearGdalError();

/// GDAL's release name, e.g. "3.6.2".
std::string gdalVersion();

} // namespace tanhui::gis
