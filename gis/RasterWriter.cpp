// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/RasterWriter.h"

#include "gis/AtomicFile.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/Gdal.h"
#include "gis/private/GdalHandles.h"

#include <gdal_priv.h>

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace tanhui::gis {

std::string rgbHex(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", unsigned(rgb & 0xffffffu));
    return buf;
}

namespace {

/// GDAL progress callback: stops overview building and copies when the Feedback is cancelled.
int CPL_STDCALL continueUnlessCancelled(double, const char*, void* feedback) {
    return feedback && static_cast<const Feedback*>(feedback)->isCancelled() ? FALSE : TRUE;
}

} // namespace

struct RasterWriter::Impl {
    std::string path, tempPath;
    RasterSpec spec;
    DatasetPtr ds;
    bool committed = false;

    [[noreturn]] void fail(const std::string& what) const {
        const std::string gdal = lastGdalError();
        throw GisError(GisError::Kind::Io,
                       what + " \"" + path + "\"" + (gdal.empty() ? std::string() : ": " + gdal),
                       path);
    }
    void write(int band, int row0, int rows, void* data, GDALDataType type) {
        if (committed || !ds)
            fail("Writing after commit to");
        if (band < 1 || band > spec.bands || row0 < 0 || rows < 0 || row0 + rows > spec.grid.rows)
            throw GisError(GisError::Kind::InvalidArgument,
                           "Rows " + std::to_string(row0) + "+" + std::to_string(rows) + " of band " +
                             std::to_string(band) + " are outside the raster \"" + path + "\"",
                           path);
        if (rows == 0)
            return;
        clearGdalError();
        GDALRasterBandH h = GDALGetRasterBand(ds.get(), band);
        if (!h ||
            GDALRasterIO(
              h, GF_Write, 0, row0, spec.grid.cols, rows, data, spec.grid.cols, rows, type, 0, 0) != CE_None)
            fail("Writing band " + std::to_string(band) + " failed for");
    }
    /// Copies the closed GeoTIFF temporary through GDAL's COG driver into a second temporary, which
    /// then takes the first one's place (the tiled file's overviews are reused: OVERVIEWS=AUTO).
    void toCloudOptimized(Feedback* feedback) {
        GDALDriverH cog = GDALGetDriverByName("COG");
        if (!cog)
            fail("GDAL has no COG driver (GDAL 3.1 or later); cannot write the Cloud-Optimised GeoTIFF");
        const std::string cogPath = temporaryPathFor(path, ".cog.tif");
        struct Remove {
            std::string p;
            ~Remove() {
                std::error_code ec;
                std::filesystem::remove(p, ec);
            }
        } removeCog{ cogPath };
        const bool isByte = spec.type == RasterSpec::Type::Byte;
        CslList options;
        options.set("COMPRESS", "DEFLATE");
        options.set("LEVEL", std::to_string(spec.deflateLevel));
        options.set("PREDICTOR", spec.predictor ? "YES" : "NO"); // YES: 2 for integers, 3 for floats
        options.set("BLOCKSIZE", std::to_string(spec.blockSize));
        options.set("BIGTIFF", "IF_SAFER");
        options.set("OVERVIEWS", spec.overviews ? "AUTO" : "NONE");
        options.set("RESAMPLING", isByte ? "NEAREST" : "AVERAGE");
        clearGdalError();
        DatasetPtr src(GDALOpen(tempPath.c_str(), GA_ReadOnly));
        if (!src)
            fail("Cannot reopen the temporary of");
        DatasetPtr out(GDALCreateCopy(
          cog, cogPath.c_str(), src.get(), FALSE, options.get(), continueUnlessCancelled, feedback));
        if (!out) {
            if (feedback)
                feedback->throwIfCancelled();
            fail("Cannot write the Cloud-Optimised GeoTIFF");
        }
        GDALClose(out.release());
        src.reset();
        if (!lastGdalError().empty()) {
            if (feedback)
                feedback->throwIfCancelled();
            fail("Closing the Cloud-Optimised GeoTIFF failed for");
        }
        std::error_code ec;
        std::filesystem::rename(cogPath, tempPath, ec);
        if (ec)
            fail("Cannot rename the Cloud-Optimised GeoTIFF (" + ec.message() + ") for");
    }
};

RasterWriter::RasterWriter(const std::string& path, const RasterSpec& spec)
  : m_impl(std::make_unique<Impl>()) {
    initializeGdal();
    namespace fs = std::filesystem;
    m_impl->path = path;
    m_impl->spec = spec;
    const fs::path target(path);
    // `.<stem>.tmp-<pid>.tif`: temporaries of writers that were killed are removed here.
    removeStaleTemporaries(path);
    m_impl->tempPath = temporaryPathFor(path, ".tif");
    if (spec.grid.cols <= 0 || spec.grid.rows <= 0 || spec.bands <= 0)
        throw GisError(GisError::Kind::InvalidArgument, "Empty raster requested for \"" + path + "\"", path);
    GDALDriverH driver = GDALGetDriverByName("GTiff");
    if (!driver)
        m_impl->fail("GDAL has no GTiff driver; cannot write");
    const bool isByte = spec.type == RasterSpec::Type::Byte;
    CslList options;
    options.set("TILED", "YES");
    options.set("BLOCKXSIZE", std::to_string(spec.blockSize));
    options.set("BLOCKYSIZE", std::to_string(spec.blockSize));
    if (spec.cloudOptimized) {
        // The COG copy at commit() compresses every block once; compressing this temporary as well
        // doubled the cost of writing a density raster.
        options.set("COMPRESS", "NONE");
    } else {
        options.set("COMPRESS", "DEFLATE");
        options.set("ZLEVEL", std::to_string(spec.deflateLevel));
        options.set("PREDICTOR", !spec.predictor ? "1" : isByte ? "2" : "3");
    }
    options.set("BIGTIFF", "IF_SAFER");
    if (spec.bands > 1)
        options.set("INTERLEAVE", "BAND");
    std::error_code ec;
    fs::remove(m_impl->tempPath, ec);
    clearGdalError();
    m_impl->ds.reset(GDALCreate(driver,
                                m_impl->tempPath.c_str(),
                                spec.grid.cols,
                                spec.grid.rows,
                                spec.bands,
                                isByte                                   ? GDT_Byte
                                : spec.type == RasterSpec::Type::Float64 ? GDT_Float64
                                                                         : GDT_Float32,
                                options.get()));
    if (!m_impl->ds)
        m_impl->fail("Cannot create the raster");
    GDALDatasetH ds = m_impl->ds.get();
    double gt[6] = { spec.grid.originX, spec.grid.cellWidth, 0, spec.grid.originY, 0, -spec.grid.cellHeight };
    GDALSetGeoTransform(ds, gt);
    if (spec.crs.isValid())
        GDALSetProjection(ds, spec.crs.wkt().c_str());
    for (const auto& [key, value] : spec.metadata)
        GDALSetMetadataItem(ds, key.c_str(), value.c_str(), nullptr);
    for (int b = 1; b <= spec.bands; ++b) {
        GDALRasterBandH h = GDALGetRasterBand(ds, b);
        if (spec.hasNodata)
            GDALSetRasterNoDataValue(h, spec.nodata);
        if (std::size_t(b) <= spec.bandDescriptions.size())
            GDALSetDescription(h, spec.bandDescriptions[std::size_t(b - 1)].c_str());
        if (std::size_t(b) <= spec.bandMetadata.size())
            for (const auto& [key, value] : spec.bandMetadata[std::size_t(b - 1)])
                GDALSetMetadataItem(h, key.c_str(), value.c_str(), nullptr);
        if (!spec.classes.empty()) {
            std::string codes;
            for (const RasterClass& c : spec.classes) {
                const std::string key = "CLASS_" + std::to_string(c.code);
                std::string value(c.nameEn);
                value.append("|").append(c.nameZh).append("|").append(rgbHex(c.rgb));
                GDALSetMetadataItem(h, key.c_str(), value.c_str(), nullptr);
                if (!codes.empty())
                    codes.push_back(',');
                codes.append(std::to_string(c.code));
            }
            GDALSetMetadataItem(h, "CLASSES", codes.c_str(), nullptr);
            if (isByte) {
                GDALColorTableH table = GDALCreateColorTable(GPI_RGB);
                for (int i = 0; i < 256; ++i) {
                    GDALColorEntry e{ 0, 0, 0, 0 };
                    for (const RasterClass& c : spec.classes)
                        if (c.code == i)
                            e = { short((c.rgb >> 16) & 0xff),
                                  short((c.rgb >> 8) & 0xff),
                                  short(c.rgb & 0xff),
                                  255 };
                    GDALSetColorEntry(table, i, &e);
                }
                GDALSetRasterColorTable(h, table);
                GDALDestroyColorTable(table);
                GDALSetRasterColorInterpretation(h, GCI_PaletteIndex);
            }
        }
    }
    if (!lastGdalError().empty())
        m_impl->fail("Cannot set up the raster");
}

RasterWriter::~RasterWriter() {
    if (m_impl && !m_impl->committed) {
        // Abandoned (error or cancel): close without compressing and writing the cached blocks of a
        // file that is removed next (a cancel then takes milliseconds, not a flush of every raster).
        if (m_impl->ds)
            GDALDataset::FromHandle(m_impl->ds.get())->MarkSuppressOnClose();
        m_impl->ds.reset();
        std::error_code ec;
        std::filesystem::remove(m_impl->tempPath, ec);
    }
}

const std::string& RasterWriter::path() const {
    return m_impl->path;
}

void RasterWriter::writeRows(int band, int row0, int rows, const float* values) {
    if (m_impl->spec.type != RasterSpec::Type::Float32)
        throw GisError(GisError::Kind::InvalidArgument,
                       "Float values for a Byte raster \"" + m_impl->path + "\"");
    m_impl->write(band, row0, rows, const_cast<float*>(values), GDT_Float32);
}

void RasterWriter::writeRows(int band, int row0, int rows, const double* values) {
    if (m_impl->spec.type == RasterSpec::Type::Byte)
        throw GisError(GisError::Kind::InvalidArgument,
                       "Floating-point values for a Byte raster \"" + m_impl->path + "\"");
    m_impl->write(band, row0, rows, const_cast<double*>(values), GDT_Float64);
}

void RasterWriter::writeRows(int band, int row0, int rows, const std::uint8_t* values) {
    if (m_impl->spec.type != RasterSpec::Type::Byte)
        throw GisError(GisError::Kind::InvalidArgument,
                       "Byte values for a Float32 raster \"" + m_impl->path + "\"");
    m_impl->write(band, row0, rows, const_cast<std::uint8_t*>(values), GDT_Byte);
}

void RasterWriter::flush() {
    clearGdalError();
    if (m_impl->ds)
        GDALFlushCache(m_impl->ds.get());
    if (!lastGdalError().empty())
        m_impl->fail("Flushing failed for");
}

void RasterWriter::commit(Feedback* feedback) {
    if (feedback)
        feedback->throwIfCancelled();
    clearGdalError();
    GDALDatasetH ds = m_impl->ds.get();
    if (!ds)
        m_impl->fail("Committing twice");
    GDALFlushCache(ds);
    if (!lastGdalError().empty())
        m_impl->fail("Flushing failed for");
    if (feedback)
        feedback->throwIfCancelled();
    const RasterSpec& spec = m_impl->spec;
    if (spec.overviews) {
        std::vector<int> levels;
        for (int f = 2; spec.grid.cols / f >= spec.blockSize / 2 || spec.grid.rows / f >= spec.blockSize / 2;
             f *= 2)
            levels.push_back(f);
        if (!levels.empty()) {
            const bool nearest = spec.type == RasterSpec::Type::Byte;
            if (GDALBuildOverviews(ds,
                                   nearest ? "NEAREST" : "AVERAGE",
                                   int(levels.size()),
                                   levels.data(),
                                   0,
                                   nullptr,
                                   continueUnlessCancelled,
                                   feedback) != CE_None) {
                if (feedback)
                    feedback->throwIfCancelled();
                m_impl->fail("Building overviews failed for");
            }
        }
    }
    GDALClose(m_impl->ds.release());
    if (!lastGdalError().empty()) {
        // A cancel that reached GDAL's progress callback may surface only here, as its "User
        // terminated" error (e.g. when closing the file finishes the overviews): it is a cancel.
        if (feedback)
            feedback->throwIfCancelled();
        m_impl->fail("Closing failed for");
    }
    if (spec.cloudOptimized)
        m_impl->toCloudOptimized(feedback);
    replaceWithTemporary(m_impl->tempPath, m_impl->path); // fsync, rename, fsync of the folder
    m_impl->committed = true;
}

} // namespace tanhui::gis
