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

/// @brief Hands the memory the allocator holds free back to the system (glibc: malloc_trim; elsewhere
/// nothing). For the end of a pass whose large buffers are gone, e.g. GDAL's blocks of the rasters a
/// pass wrote: glibc serves such blocks from its heaps once it has raised its mmap threshold, and keeps
/// the freed pages resident, under what the next pass allocates (docs/benchmark.md, "Memory and
/// scaling"). Thread-safe; costs a walk over the heaps (milliseconds).
void releaseFreeMemory();

/// @brief The most recent GDAL error message raised on the calling thread since the last call of
/// clearGdalError(), or empty. Used to attach GDAL's own words to our typed errors.
std::string lastGdalError();
void clearGdalError();

/// @brief A GDAL dataset name split into the file and, for a subdataset name such as
/// NETCDF:"f.nc":lulc or HDF5:"f.h5"://grp/var, the part naming the variable inside it.
struct DatasetName {
    std::string file;      ///< the file on disk (the whole name when it is not a subdataset name)
    std::string component; ///< the variable or subdataset path ("lulc"); empty for plain files
    std::string driver;    ///< the prefix before the first ':' ("NETCDF"); empty for plain files
};
/// Splits `name` as GDAL's subdataset syntax DRIVER:"FILE":COMPONENT or DRIVER:FILE:COMPONENT (the
/// driver prefix is at least two letters, so "C:\\x" is a plain path).
DatasetName splitDatasetName(const std::string& name);
/// True when the file of a dataset name exists: a plain path, the file of a subdataset name, or a
/// GDAL virtual path (/vsi…), which is left to GDAL.
bool datasetFileExists(const std::string& name);

/// @brief What GDAL finds in a file opened read-only: raster bands (or raster subdatasets) and vector
/// layers. Both false when GDAL cannot open it at all.
struct DataKinds {
    bool raster = false;
    bool vector = false;
};
DataKinds probeDataKinds(const std::string& path);

/// GDAL's release name, e.g. "3.6.2".
std::string gdalVersion();

} // namespace tanhui::gis
