// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/RasterDataset.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/Gdal.h"
#include "gis/private/GdalHandles.h"

#include <cpl_string.h>
#include <gdal.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace tanhui::gis {

namespace {

std::string withGdalMessage(std::string message) {
    const std::string gdal = lastGdalError();
    if (!gdal.empty())
        message += ": " + gdal;
    return message;
}

/// A failed read of cells: GDAL's words and what the user can do.
std::string readFailed(std::string message) {
    return withGdalMessage(std::move(message)) +
           ". The file may be damaged or incomplete (e.g. an interrupted copy or download): copy or export "
           "it again.";
}

std::map<std::string, std::string> metadataMap(GDALMajorObjectH h, const char* domain = nullptr) {
    std::map<std::string, std::string> out;
    char** md = GDALGetMetadata(h, domain);
    for (int i = 0; md && md[i]; ++i) {
        char* key = nullptr;
        const char* value = CPLParseNameValue(md[i], &key);
        if (key) {
            out[key] = value ? value : "";
            CPLFree(key);
        }
    }
    return out;
}

/// True when the Byte band is flagged as signed (GDAL < 3.7 has no GDT_Int8).
bool isSignedByte(GDALRasterBandH band) {
    const char* pt = GDALGetMetadataItem(band, "PIXELTYPE", "IMAGE_STRUCTURE");
    return pt && EQUAL(pt, "SIGNEDBYTE");
}

/// The band's nodata value if it has one that can actually occur in its data type.
std::optional<double> representableNodata(GDALRasterBandH band) {
    const GDALDataType type = GDALGetRasterDataType(band);
#if GDAL_VERSION_NUM >= GDAL_COMPUTE_VERSION(3, 5, 0)
    if (type == GDT_Int64 || type == GDT_UInt64) {
        int has = 0;
        if (type == GDT_Int64) {
            const std::int64_t v = GDALGetRasterNoDataValueAsInt64(band, &has);
            if (has)
                return static_cast<double>(v);
        } else {
            const std::uint64_t v = GDALGetRasterNoDataValueAsUInt64(band, &has);
            if (has)
                return static_cast<double>(v);
        }
        return std::nullopt;
    }
#endif
    int has = 0;
    const double v = GDALGetRasterNoDataValue(band, &has);
    if (!has)
        return std::nullopt;
    if (GDALDataTypeIsFloating(type) || GDALDataTypeIsComplex(type)) {
        if (type == GDT_Float32 && std::isfinite(v) &&
            std::abs(v) > static_cast<double>(std::numeric_limits<float>::max()))
            return std::nullopt;
        return v;
    }
    if (!std::isfinite(v) || v != std::floor(v))
        return std::nullopt;
    double lo = 0, hi = 0;
    switch (type) {
        case GDT_Byte:
            lo = isSignedByte(band) ? -128 : 0;
            hi = isSignedByte(band) ? 127 : 255;
            break;
        case GDT_UInt16:
            lo = 0;
            hi = 65535;
            break;
        case GDT_Int16:
            lo = -32768;
            hi = 32767;
            break;
        case GDT_UInt32:
            lo = 0;
            hi = 4294967295.0;
            break;
        case GDT_Int32:
            lo = -2147483648.0;
            hi = 2147483647.0;
            break;
        default:
            return v;
    }
    if (v < lo || v > hi)
        return std::nullopt;
    return v;
}

std::string windowText(const Window& w) {
    return "rows " + std::to_string(w.row0) + ".." + std::to_string(w.row0 + w.rows - 1) + ", columns " +
           std::to_string(w.col0) + ".." + std::to_string(w.col0 + w.cols - 1);
}

} // namespace

struct RasterDataset::Impl {
    DatasetPtr ds;
    RasterInfo info;
    /// Comparison value per band (nodata rounded to the band's storage precision).
    std::vector<std::optional<double>> nodataCompare;
    std::vector<unsigned char> maskBuffer;
    bool southUp = false; ///< the file's row 0 is the southernmost row (positive geotransform dy)

    /// Reads a grid window (north-up rows) of `band` into `buffer` as `type`, flipping south-up files.
    /// `bufCols` × `bufRows` (0: the window's size) resamples with nearest neighbour; GDAL then reads
    /// from the best overview for that size.
    CPLErr readWindow(GDALRasterBandH band,
                      const Window& w,
                      void* buffer,
                      GDALDataType type,
                      int bufCols = 0,
                      int bufRows = 0) const {
        if (bufCols <= 0 || bufRows <= 0) {
            bufCols = w.cols;
            bufRows = w.rows;
        }
        const int fileRow0 = southUp ? info.grid.rows - w.row0 - w.rows : w.row0;
        GDALRasterIOExtraArg extra;
        INIT_RASTERIO_EXTRA_ARG(extra);
        extra.eResampleAlg = GRIORA_NearestNeighbour;
        const CPLErr err = GDALRasterIOEx(
          band, GF_Read, w.col0, fileRow0, w.cols, w.rows, buffer, bufCols, bufRows, type, 0, 0, &extra);
        if (err == CE_None && southUp) {
            const std::size_t rowBytes = std::size_t(bufCols) * std::size_t(GDALGetDataTypeSizeBytes(type));
            auto* p = static_cast<unsigned char*>(buffer);
            for (int top = 0, bottom = bufRows - 1; top < bottom; ++top, --bottom)
                std::swap_ranges(p + std::size_t(top) * rowBytes,
                                 p + std::size_t(top + 1) * rowBytes,
                                 p + std::size_t(bottom) * rowBytes);
        }
        return err;
    }
};

RasterDataset::RasterDataset(const std::string& path, CrsReading crs)
  : m_impl(std::make_unique<Impl>()) {
    initializeGdal();
    clearGdalError();
    RasterInfo& info = m_impl->info;
    info.path = path;
    m_impl->ds.reset(GDALOpenEx(
      path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, nullptr, nullptr, nullptr));
    GDALDatasetH ds = m_impl->ds.get();
    if (!ds)
        throw GisError(GisError::Kind::Open, withGdalMessage("Cannot open raster \"" + path + "\""), path);

    GDALDriverH driver = GDALGetDatasetDriver(ds);
    info.driver = driver ? GDALGetDriverShortName(driver) : "";

    const int bandCount = GDALGetRasterCount(ds);
    if (bandCount <= 0) {
        std::string names;
        char** sub = GDALGetMetadata(ds, "SUBDATASETS");
        for (int i = 0; sub && sub[i]; ++i) {
            char* key = nullptr;
            const char* value = CPLParseNameValue(sub[i], &key);
            if (key && value && std::string(key).size() > 5 &&
                std::string(key).compare(std::string(key).size() - 5, 5, "_NAME") == 0) {
                names += names.empty() ? "" : ", ";
                names += value;
            }
            CPLFree(key);
        }
        if (!names.empty())
            throw GisError(GisError::Kind::Open,
                           "\"" + path +
                             "\" is a container of several rasters (subdatasets); open one of them "
                             "instead: " +
                             names,
                           path);
        throw GisError(GisError::Kind::Open, "\"" + path + "\" has no raster bands", path);
    }

    double gt[6] = { 0, 1, 0, 0, 0, 1 };
    const bool hasGt = GDALGetGeoTransform(ds, gt) == CE_None;
    clearGdalError();
    if (hasGt) {
        if (gt[2] != 0.0 || gt[4] != 0.0)
            throw GisError(GisError::Kind::InvalidArgument,
                           "Raster \"" + path +
                             "\" has a rotated or sheared geotransform, which is not supported; "
                             "warp it to a north-up grid first (e.g. gdalwarp)",
                           path);
        if (!(gt[1] > 0.0) || gt[5] == 0.0 || !std::isfinite(gt[0]) || !std::isfinite(gt[3]))
            throw GisError(GisError::Kind::InvalidArgument,
                           "Raster \"" + path +
                             "\" has an unusable geotransform (cell width not positive or zero cell "
                             "height); warp it to a north-up grid first (e.g. gdalwarp)",
                           path);
        info.grid.originX = gt[0];
        info.grid.cellWidth = gt[1];
        if (gt[5] < 0.0) {
            info.grid.originY = gt[3];
            info.grid.cellHeight = -gt[5];
        } else {
            // South-up file (row 0 is the southernmost): exposed as a north-up grid, rows flipped
            // on reading.
            m_impl->southUp = true;
            info.grid.originY = gt[3] + gt[5] * GDALGetRasterYSize(ds);
            info.grid.cellHeight = gt[5];
        }
    } else {
        // No georeferencing: pixel coordinates, row 0 at the top.
        info.grid.originX = 0;
        info.grid.originY = 0;
        info.grid.cellWidth = 1;
        info.grid.cellHeight = 1;
    }
    info.grid.cols = GDALGetRasterXSize(ds);
    info.grid.rows = GDALGetRasterYSize(ds);

    if (crs == CrsReading::Read)
        if (OGRSpatialReferenceH srs = GDALGetSpatialRef(ds)) {
            info.crsProblem = undefinedCrsReason(srs);
            if (info.crsProblem.empty())
                info.crs = crsFromOgr(srs);
        }

    info.metadata = metadataMap(ds);

    for (int b = 1; b <= bandCount; ++b) {
        GDALRasterBandH band = GDALGetRasterBand(ds, b);
        BandInfo bi;
        bi.index = b;
        const GDALDataType type = GDALGetRasterDataType(band);
        bi.dataType = GDALGetDataTypeName(type);
        if (type == GDT_Byte && isSignedByte(band))
            bi.dataType = "Int8";
        bi.isInteger = !GDALDataTypeIsFloating(type) && !GDALDataTypeIsComplex(type);
        bi.nodata = representableNodata(band);
        const char* desc = GDALGetDescription(band);
        bi.description = desc ? desc : "";
        bi.metadata = metadataMap(band);
        GDALGetBlockSize(band, &bi.blockWidth, &bi.blockHeight);
        bi.overviewCount = GDALGetOverviewCount(band);
        int hasScale = 0, hasOffset = 0;
        const double scale = GDALGetRasterScale(band, &hasScale);
        const double offset = GDALGetRasterOffset(band, &hasOffset);
        bi.scale = hasScale ? scale : 1.0;
        bi.offset = hasOffset ? offset : 0.0;
        if (GDALColorTableH table = GDALGetRasterColorTable(band);
            table && GDALGetPaletteInterpretation(table) == GPI_RGB) {
            const int n = GDALGetColorEntryCount(table);
            bi.colorTable.reserve(std::size_t(std::max(n, 0)));
            for (int i = 0; i < n; ++i) {
                const GDALColorEntry* e = GDALGetColorEntry(table, i);
                bi.colorTable.push_back(std::uint32_t(std::clamp<int>(e->c4, 0, 255)) << 24 |
                                        std::uint32_t(std::clamp<int>(e->c1, 0, 255)) << 16 |
                                        std::uint32_t(std::clamp<int>(e->c2, 0, 255)) << 8 |
                                        std::uint32_t(std::clamp<int>(e->c3, 0, 255)));
            }
        }
        if (char** names = GDALGetRasterCategoryNames(band))
            for (int i = 0; names[i]; ++i)
                bi.categoryNames.emplace_back(names[i]);
        info.bands.push_back(std::move(bi));

        std::optional<double> cmp = info.bands.back().nodata;
        if (cmp && type == GDT_Float32 && std::isfinite(*cmp))
            cmp = static_cast<double>(static_cast<float>(*cmp));
        m_impl->nodataCompare.push_back(cmp);
    }
    clearGdalError();
}

RasterDataset::~RasterDataset() = default;
RasterDataset::RasterDataset(RasterDataset&&) noexcept = default;
RasterDataset& RasterDataset::operator=(RasterDataset&&) noexcept = default;

const RasterInfo& RasterDataset::info() const {
    return m_impl->info;
}

const std::string& RasterDataset::path() const {
    return m_impl->info.path;
}

int RasterDataset::bandCount() const {
    return static_cast<int>(m_impl->info.bands.size());
}

RasterDataset RasterDataset::reopen() const {
    return RasterDataset(m_impl->info.path);
}

void RasterDataset::read(int band,
                         const Window& window,
                         std::vector<double>& out,
                         std::vector<unsigned char>& valid) {
    readResampled(band, window, window.cols, window.rows, out, valid);
}

void RasterDataset::readResampled(int band,
                                  const Window& window,
                                  int outCols,
                                  int outRows,
                                  std::vector<double>& out,
                                  std::vector<unsigned char>& valid) {
    const RasterInfo& info = m_impl->info;
    if (band < 1 || band > bandCount())
        throw GisError(GisError::Kind::InvalidArgument,
                       "Band " + std::to_string(band) + " does not exist in \"" + info.path + "\" (it has " +
                         std::to_string(bandCount()) + ")",
                       info.path);
    if (window.isEmpty() || window.row0 < 0 || window.col0 < 0 ||
        window.row0 + window.rows > info.grid.rows || window.col0 + window.cols > info.grid.cols)
        throw GisError(GisError::Kind::InvalidArgument,
                       "Window " + windowText(window) + " lies outside raster \"" + info.path + "\" (" +
                         std::to_string(info.grid.rows) + " rows, " + std::to_string(info.grid.cols) +
                         " columns)",
                       info.path);

    if (outCols <= 0 || outRows <= 0)
        throw GisError(GisError::Kind::InvalidArgument,
                       "Empty output size " + std::to_string(outCols) + " x " + std::to_string(outRows) +
                         " for a read of \"" + info.path + "\"",
                       info.path);
    const std::size_t n = std::size_t(outCols) * std::size_t(outRows);
    out.resize(n);
    valid.assign(n, 1);
    GDALRasterBandH h = GDALGetRasterBand(m_impl->ds.get(), band);
    clearGdalError();
    const auto fail = [&](const char* what) {
        throw GisError(GisError::Kind::Io,
                       readFailed(std::string("Reading ") + what + " of band " + std::to_string(band) +
                                  " of \"" + info.path + "\" failed (" + windowText(window) + ")"),
                       info.path);
    };
    if (info.bands[static_cast<std::size_t>(band - 1)].dataType == "Byte") {
        // Read as Byte and widened here: GDAL resamples Byte to Byte by plain copies, but to Float64
        // through one GDALCopyWords call per cell (a third of a full-view map frame's raster pass).
        m_impl->maskBuffer.resize(n);
        if (m_impl->readWindow(h, window, m_impl->maskBuffer.data(), GDT_Byte, outCols, outRows) != CE_None)
            fail("data");
        std::copy(m_impl->maskBuffer.begin(), m_impl->maskBuffer.begin() + std::ptrdiff_t(n), out.begin());
    } else if (m_impl->readWindow(h, window, out.data(), GDT_Float64, outCols, outRows) != CE_None) {
        fail("data");
    }

    const std::optional<double>& nodata = m_impl->nodataCompare[static_cast<std::size_t>(band - 1)];
    const bool floating = !info.bands[static_cast<std::size_t>(band - 1)].isInteger;
    if (nodata && std::isnan(*nodata)) {
        for (std::size_t i = 0; i < n; ++i)
            if (std::isnan(out[i]))
                valid[i] = 0;
    } else if (nodata) {
        const double nd = *nodata;
        for (std::size_t i = 0; i < n; ++i)
            if (out[i] == nd || std::isnan(out[i]))
                valid[i] = 0;
    } else if (floating) {
        for (std::size_t i = 0; i < n; ++i)
            if (std::isnan(out[i]))
                valid[i] = 0;
    }

    const int flags = GDALGetMaskFlags(h);
    if (!(flags & GMF_ALL_VALID) && !(flags & GMF_NODATA)) {
        GDALRasterBandH mask = GDALGetMaskBand(h);
        if (mask) {
            m_impl->maskBuffer.resize(n);
            if (m_impl->readWindow(mask, window, m_impl->maskBuffer.data(), GDT_Byte, outCols, outRows) !=
                CE_None)
                fail("the mask");
            for (std::size_t i = 0; i < n; ++i)
                if (m_impl->maskBuffer[i] == 0)
                    valid[i] = 0;
        }
    }
}

bool RasterDataset::readByteWindow(int band, const Window& window, std::vector<unsigned char>& out) {
    const RasterInfo& info = m_impl->info;
    if (band < 1 || band > bandCount() || info.bands[std::size_t(band - 1)].dataType != "Byte")
        return false;
    GDALRasterBandH h = GDALGetRasterBand(m_impl->ds.get(), band);
    const int flags = GDALGetMaskFlags(h);
    if (!(flags & GMF_ALL_VALID) && !(flags & GMF_NODATA))
        return false;
    if (window.isEmpty() || window.row0 < 0 || window.col0 < 0 ||
        window.row0 + window.rows > info.grid.rows || window.col0 + window.cols > info.grid.cols)
        throw GisError(GisError::Kind::InvalidArgument,
                       "Window " + windowText(window) + " lies outside raster \"" + info.path + "\"",
                       info.path);
    out.resize(static_cast<std::size_t>(window.cellCount()));
    clearGdalError();
    if (m_impl->readWindow(h, window, out.data(), GDT_Byte) != CE_None)
        throw GisError(GisError::Kind::Io,
                       readFailed("Reading data of band " + std::to_string(band) + " of \"" + info.path +
                                  "\" failed (" + windowText(window) + ")"),
                       info.path);
    return true;
}

std::optional<ByteBlockLayout> RasterDataset::byteBlockLayout(int band) const {
    const RasterInfo& info = m_impl->info;
    if (band < 1 || band > bandCount() || info.bands[std::size_t(band - 1)].dataType != "Byte")
        return std::nullopt;
    const int flags = GDALGetMaskFlags(GDALGetRasterBand(m_impl->ds.get(), band));
    if (!(flags & GMF_ALL_VALID) && !(flags & GMF_NODATA))
        return std::nullopt;
    const BandInfo& bi = info.bands[std::size_t(band - 1)];
    ByteBlockLayout layout;
    layout.blockWidth = std::max(1, bi.blockWidth);
    layout.blockHeight = std::max(1, bi.blockHeight);
    layout.blocksX = (info.grid.cols + layout.blockWidth - 1) / layout.blockWidth;
    layout.blocksY = (info.grid.rows + layout.blockHeight - 1) / layout.blockHeight;
    layout.southUp = m_impl->southUp;
    return layout;
}

void RasterDataset::readByteBlock(int band, int bx, int by, unsigned char* out) {
    const RasterInfo& info = m_impl->info;
    const std::optional<ByteBlockLayout> layout = byteBlockLayout(band);
    if (!layout)
        throw GisError(GisError::Kind::InvalidArgument,
                       "Band " + std::to_string(band) + " of \"" + info.path +
                         "\" cannot be read as Byte blocks",
                       info.path);
    if (bx < 0 || by < 0 || bx >= layout->blocksX || by >= layout->blocksY)
        throw GisError(GisError::Kind::InvalidArgument,
                       "Block (" + std::to_string(bx) + ", " + std::to_string(by) +
                         ") lies outside raster \"" + info.path + "\"",
                       info.path);
    clearGdalError();
    // GDALReadBlock decodes straight into `out`, without a copy in GDAL's block cache.
    if (GDALReadBlock(GDALGetRasterBand(m_impl->ds.get(), band), bx, by, out) != CE_None) {
        Window cells;
        cells.col0 = bx * layout->blockWidth;
        cells.cols = std::min(layout->blockWidth, info.grid.cols - cells.col0);
        const int fileRow0 = by * layout->blockHeight;
        cells.rows = std::min(layout->blockHeight, info.grid.rows - fileRow0);
        cells.row0 = layout->southUp ? info.grid.rows - fileRow0 - cells.rows : fileRow0;
        throw GisError(GisError::Kind::Io,
                       readFailed("Reading data of band " + std::to_string(band) + " of \"" + info.path +
                                  "\" failed (block (" + std::to_string(bx) + ", " + std::to_string(by) +
                                  "): " + windowText(cells) + ")"),
                       info.path);
    }
}

void RasterDataset::readBlock(int band, int bx, int by, std::vector<double>& out, Window& cells) {
    const RasterInfo& info = m_impl->info;
    if (band < 1 || band > bandCount())
        throw GisError(GisError::Kind::InvalidArgument,
                       "Band " + std::to_string(band) + " does not exist in \"" + info.path + "\"",
                       info.path);
    const BandInfo& bi = info.bands[static_cast<std::size_t>(band - 1)];
    const int bw = std::max(1, bi.blockWidth), bh = std::max(1, bi.blockHeight);
    const int nbx = (info.grid.cols + bw - 1) / bw, nby = (info.grid.rows + bh - 1) / bh;
    if (bx < 0 || by < 0 || bx >= nbx || by >= nby)
        throw GisError(GisError::Kind::InvalidArgument,
                       "Block (" + std::to_string(bx) + ", " + std::to_string(by) +
                         ") lies outside raster \"" + info.path + "\"",
                       info.path);
    cells.col0 = bx * bw;
    cells.cols = std::min(bw, info.grid.cols - cells.col0);
    const int fileRow0 = by * bh;
    cells.rows = std::min(bh, info.grid.rows - fileRow0);
    // In a south-up file, a natural block covers the mirrored grid rows.
    cells.row0 = m_impl->southUp ? info.grid.rows - fileRow0 - cells.rows : fileRow0;
    out.resize(static_cast<std::size_t>(cells.cellCount()));
    GDALRasterBandH h = GDALGetRasterBand(m_impl->ds.get(), band);
    clearGdalError();
    if (m_impl->readWindow(h, cells, out.data(), GDT_Float64) != CE_None)
        throw GisError(GisError::Kind::Io,
                       readFailed("Reading block (" + std::to_string(bx) + ", " + std::to_string(by) +
                                  ") of band " + std::to_string(band) + " of \"" + info.path + "\" failed (" +
                                  windowText(cells) + ")"),
                       info.path);
}

namespace {

/// GDAL progress callback for overview building: forwards progress, stops when cancelled.
int CPL_STDCALL overviewProgress(double done, const char*, void* data) {
    auto* feedback = static_cast<Feedback*>(data);
    if (!feedback)
        return TRUE;
    if (feedback->isCancelled())
        return FALSE;
    feedback->setProgress(100.0 * done, "Building overviews");
    return TRUE;
}

} // namespace

void RasterDataset::buildOverviews(const std::string& resampling, Feedback* feedback) {
    const RasterInfo& info = m_impl->info;
    std::vector<int> levels;
    for (int f = 2; info.grid.cols / f >= 256 || info.grid.rows / f >= 256; f *= 2)
        levels.push_back(f);
    if (levels.empty())
        return; // small enough to be read whole
    // A second handle, read-only: GDAL writes the overviews to an external .ovr beside the file and
    // leaves the file itself untouched.
    DatasetPtr ds(
      GDALOpenEx(info.path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds)
        throw GisError(
          GisError::Kind::Open, "Cannot reopen \"" + info.path + "\" to build overviews", info.path);
    clearGdalError();
    const CPLErr err = GDALBuildOverviews(ds.get(),
                                          resampling.c_str(),
                                          int(levels.size()),
                                          levels.data(),
                                          0,
                                          nullptr,
                                          overviewProgress,
                                          feedback);
    ds.reset();
    if (feedback && feedback->isCancelled()) {
        std::remove((info.path + ".ovr").c_str());
        feedback->throwIfCancelled();
    }
    if (err != CE_None)
        throw GisError(GisError::Kind::Io,
                       "Building overviews of \"" + info.path + "\" failed: " + lastGdalError() +
                         " (is its folder writable?)",
                       info.path);
    // Reopen our own handle so that it sees the new overviews.
    m_impl->ds.reset(
      GDALOpenEx(info.path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!m_impl->ds)
        throw GisError(GisError::Kind::Open, "Cannot reopen \"" + info.path + "\"", info.path);
    for (std::size_t b = 0; b < m_impl->info.bands.size(); ++b)
        m_impl->info.bands[b].overviewCount =
          GDALGetOverviewCount(GDALGetRasterBand(m_impl->ds.get(), int(b) + 1));
}

} // namespace tanhui::gis
