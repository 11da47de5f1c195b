// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Grid.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tanhui::gis {

class Feedback;

/// @brief One class of a categorical raster: code, English and Chinese names, display colour.
struct RasterClass {
    int code = 0;
    std::string nameEn;
    std::string nameZh;    ///< UTF-8
    std::uint32_t rgb = 0; ///< 0xRRGGBB
};

/// @brief What a RasterWriter creates.
struct RasterSpec {
    enum class Type { Byte, Float32, Float64 };
    Grid grid;
    Crs crs;
    Type type = Type::Float32;
    int bands = 1;
    double nodata = 0;
    bool hasNodata = true;
    std::vector<std::string> bandDescriptions;                    ///< one per band (may be empty)
    std::vector<std::map<std::string, std::string>> bandMetadata; ///< one per band (may be empty)
    std::map<std::string, std::string> metadata;                  ///< dataset metadata
    /// For class rasters (Byte): a colour table and CLASS_<code>=<en>|<中文>|#rrggbb band metadata
    /// items (stored in the TIFF's GDAL_METADATA tag) and CLASSES=<code,code,...>.
    std::vector<RasterClass> classes;
    int blockSize = 256;
    bool overviews = true; ///< internal overviews (NEAREST for classes/Byte, AVERAGE for floats)
    int deflateLevel = 6;  ///< 1 (fast) to 9 (small)
    /// TIFF predictor (2 for Byte, 3 for floats) before DEFLATE. Off by default: the fields Tanhui
    /// computes are constant per class or masked to a cover (densities, changes, transitions), for which
    /// the predictor makes the files larger and their writing about twice as slow (a 5,000² Float32
    /// regression raster: 15.1 MB in 1.7 s with it, 4.1 MB in 0.8 s without; docs/benchmark.md,
    /// "Raster compression"). On for smooth continuous fields such as the sample's NDVI and elevation.
    bool predictor = false;
    /// Cloud-Optimised GeoTIFF (issue 14, "Data export"): at commit() the tiled GeoTIFF is copied
    /// through GDAL's COG driver (same compression, predictor, block size and overviews; metadata,
    /// band descriptions, nodata and colour table kept), so the file's IMAGE_STRUCTURE metadata says
    /// LAYOUT=COG and it can be read by HTTP range requests. Costs a second pass over the raster.
    bool cloudOptimized = false;
};

/// @brief Streams a GeoTIFF to disk row band by row band: tiled, DEFLATE (RasterSpec::predictor: 2 for
/// integers, 3 for floats), BIGTIFF=IF_SAFER, internal overviews built at commit(). The bytes depend only on
/// what is written (no timestamps, no software tag), so equal inputs give identical files.
///
/// With RasterSpec::cloudOptimized the file is a Cloud-Optimised GeoTIFF (GDAL's COG driver).
///
/// Atomic: written as a temporary next to `path` and renamed over it by commit(); destroying the
/// writer without commit() removes the temporary. Errors are GisError(Io) naming the file.
/// Not thread-safe. Memory use is bounded by GDAL's block cache, never a whole raster.
class RasterWriter {
public:
    RasterWriter(const std::string& path, const RasterSpec& spec);
    ~RasterWriter();
    RasterWriter(const RasterWriter&) = delete;
    RasterWriter& operator=(const RasterWriter&) = delete;

    const std::string& path() const;
    /// Writes rows [row0, row0 + rows) of band `band` (1-based), full width, row-major.
    void writeRows(int band, int row0, int rows, const float* values);
    void writeRows(int band, int row0, int rows, const std::uint8_t* values);
    /// For Float32 and Float64 rasters (values are converted to the file's type).
    void writeRows(int band, int row0, int rows, const double* values);
    /// Writes the dirty blocks of this file to disk now (keeps the block order, and so the bytes,
    /// independent of other threads' use of GDAL's shared block cache).
    void flush();
    /// Builds overviews, closes and renames the temporary over the target (fsynced first). With a
    /// `feedback`, a cancel is honoured between the steps and while overviews are built (CancelledError;
    /// the temporary is removed and the target unchanged).
    void commit(Feedback* feedback = nullptr);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// "#rrggbb" of a colour.
std::string rgbHex(std::uint32_t rgb);

} // namespace tanhui::gis
