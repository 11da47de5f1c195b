// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Grid.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tanhui::gis {

class Feedback;

/// @brief What a raster band holds; enough for statistics, reports and the GUI's metadata view.
struct BandInfo {
    int index = 1;                ///< 1-based, as in GDAL
    std::string dataType;         ///< GDAL name: "Byte", "Int16", "Float32", ...
    bool isInteger = true;        ///< integral data type (class rasters)
    std::optional<double> nodata; ///< the band's nodata value, if any and representable in its type
    std::string description;      ///< band description (often a date in time-series stacks)
    std::map<std::string, std::string> metadata; ///< default-domain band metadata
    int blockWidth = 0, blockHeight = 0;
    int overviewCount = 0;
    double scale = 1.0, offset = 0.0; ///< values are returned unscaled (raw)
    /// The band's RGB colour table, entry i for value i, as 0xAARRGGBB (empty when it has none).
    std::vector<std::uint32_t> colorTable;
    /// The band's category names, entry i for value i (empty when it has none).
    std::vector<std::string> categoryNames;
};

/// @brief Summary of an opened raster for display and validation.
struct RasterInfo {
    std::string path;
    std::string driver; ///< short driver name, e.g. "GTiff"
    Grid grid;
    Crs crs; ///< invalid when the file has none
    /// Why the file's own CRS was not used (empty when it was, or the file declares none): a local
    /// (engineering) or "Undefined" CRS, which cannot place the grid on the Earth.
    std::string crsProblem;
    std::vector<BandInfo> bands;
    std::map<std::string, std::string> metadata; ///< dataset default-domain metadata
};

/// @brief How the natural blocks of a Byte band map onto its grid (RasterDataset::byteBlockLayout()).
struct ByteBlockLayout {
    int blockWidth = 1, blockHeight = 1; ///< natural block size; edge blocks are clipped to the raster
    int blocksX = 0, blocksY = 0;        ///< number of blocks across and down
    /// The file's row 0 is the southernmost row: blocks are numbered and stored in file row order, so
    /// grid row r is file row (grid rows - 1 - r).
    bool southUp = false;
};

/// @brief An opened GDAL raster (GeoTIFF/COG, NetCDF subdataset, ArcInfo grid, ...).
///
/// Opening validates what Tanhui relies on and throws GisError naming the file otherwise:
/// missing or unreadable file (Kind::Open, with GDAL's message), a rotated/sheared geotransform
/// (Kind::InvalidArgument), no bands. A missing CRS is *not* an error here (info().crs is invalid);
/// callers that need one decide. A NetCDF/HDF container with subdatasets and no bands of its own gets
/// an error listing the subdataset names to open instead.
///
/// Not thread-safe (GDAL datasets are not): give every worker thread its own instance, e.g. with
/// reopen().
class RasterDataset {
public:
    /// What the constructor reads besides the grid and the bands.
    enum class CrsReading { Read, Skip };
    /// `crs`: Skip leaves info().crs invalid and spares turning the file's georeferencing into a
    /// CRS, which consults PROJ's database (a few milliseconds); for second handles on a file whose
    /// CRS is already known, such as the zonal workers' own handles.
    explicit RasterDataset(const std::string& path, CrsReading crs = CrsReading::Read);
    ~RasterDataset();
    RasterDataset(RasterDataset&&) noexcept;
    RasterDataset& operator=(RasterDataset&&) noexcept;

    const RasterInfo& info() const;
    const std::string& path() const;
    int bandCount() const;

    /// A new, independent handle on the same file, for another thread.
    RasterDataset reopen() const;

    /// Reads `window` of `band` (1-based) as double, row-major, into `out` (resized to
    /// window.cellCount()). Cells equal to the band's nodata value, NaN cells and cells masked by the
    /// band's mask are reported by setting valid[i] = 0 (valid is resized too; 1 = valid). The window
    /// must lie inside the raster. Throws GisError(Io) naming the file, band and window on a read
    /// failure (e.g. a truncated file).
    void read(int band, const Window& window, std::vector<double>& out, std::vector<unsigned char>& valid);

    /// Reads `window` of `band` resampled (nearest neighbour) to `outCols` × `outRows` cells, as double,
    /// row-major, with validity as read(). When the output is smaller than the window, GDAL reads the
    /// coarsest overview that still has at least the output's resolution, so the cost and memory of a
    /// screen-sized read do not grow with the raster (the map renderer's read; issue 12). Throws like
    /// read().
    void readResampled(int band,
                       const Window& window,
                       int outCols,
                       int outRows,
                       std::vector<double>& out,
                       std::vector<unsigned char>& valid);

    /// Builds external overviews (`<file>.ovr`, factors 2, 4, 8, … until the coarsest is under 256
    /// cells across) with `resampling` ("NEAREST" for classes, "AVERAGE" for continuous values), so
    /// that screen-sized reads stay fast. The dataset itself is not modified. Reports progress and
    /// honours cancel through `feedback` (a cancelled build removes the partial .ovr). Throws
    /// GisError(Io) naming the file, CancelledError.
    void buildOverviews(const std::string& resampling, Feedback* feedback = nullptr);

    /// Fast path for Byte bands whose validity is decided by the nodata value alone (no mask band):
    /// reads the raw bytes of `window` into `out` (resized) and returns true. The caller compares with
    /// BandInfo::nodata itself. Returns false without reading when the band is not Byte or has a mask
    /// band; use read() then. Throws like read() on a read failure.
    bool readByteWindow(int band, const Window& window, std::vector<unsigned char>& out);

    /// The block layout of a band that readByteWindow() reads (Byte, validity from the nodata value
    /// alone), or nullopt when it does not.
    std::optional<ByteBlockLayout> byteBlockLayout(int band) const;

    /// Reads natural block (bx, by) of a Byte band (byteBlockLayout()) into `out`, which must hold
    /// blockWidth × blockHeight bytes: rows in file order, with the block width as row stride (edge
    /// blocks: only the part inside the raster is meaningful). Bypasses GDAL's block cache (the caller
    /// keeps the block). Throws GisError(InvalidArgument) for a band or block that does not qualify
    /// and GisError(Io) naming the file, band, block and its cells on a read failure.
    void readByteBlock(int band, int bx, int by, unsigned char* out);

    /// Reads one natural block (bx, by) of `band` as double (edge blocks are clipped); used by the
    /// I/O-floor benchmark and whole-raster passes.
    void readBlock(int band, int bx, int by, std::vector<double>& out, Window& cells);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace tanhui::gis
