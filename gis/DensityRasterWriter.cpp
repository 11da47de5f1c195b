// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/DensityRasterWriter.h"

#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/private/GdalHandles.h"

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace tanhui::gis {

struct DensityRasterWriter::Impl {
    std::string path, tempPath;
    DatasetPtr ds;
    bool committed = false;

    [[noreturn]] void fail(const std::string& what) const {
        const std::string gdal = lastGdalError();
        throw GisError(GisError::Kind::Io,
                       what + " \"" + path + "\"" + (gdal.empty() ? std::string() : ": " + gdal),
                       path);
    }
};

DensityRasterWriter::DensityRasterWriter(const std::string& path,
                                         const Grid& grid,
                                         const Crs& crs,
                                         const std::vector<std::string>& bandNames,
                                         bool float64,
                                         double nodata)
  : m_impl(std::make_unique<Impl>()) {
    initializeGdal();
    m_impl->path = path;
    m_impl->tempPath = path + ".partial.tif";
    GDALDriverH driver = GDALGetDriverByName("GTiff");
    CslList options;
    options.set("TILED", "YES");
    options.set("BLOCKXSIZE", "256");
    options.set("BLOCKYSIZE", "256");
    options.set("COMPRESS", "DEFLATE");
    options.set("PREDICTOR", "3");
    options.set("BIGTIFF", "IF_SAFER");
    clearGdalError();
    m_impl->ds.reset(GDALCreate(driver,
                                m_impl->tempPath.c_str(),
                                grid.cols,
                                grid.rows,
                                int(bandNames.size()),
                                float64 ? GDT_Float64 : GDT_Float32,
                                options.get()));
    if (!m_impl->ds)
        m_impl->fail("Cannot create the raster");
    double gt[6] = { grid.originX, grid.cellWidth, 0, grid.originY, 0, -grid.cellHeight };
    GDALSetGeoTransform(m_impl->ds.get(), gt);
    if (crs.isValid())
        GDALSetProjection(m_impl->ds.get(), crs.wkt().c_str());
    for (std::size_t b = 0; b < bandNames.size(); ++b) {
        GDALRasterBandH h = GDALGetRasterBand(m_impl->ds.get(), int(b) + 1);
        GDALSetRasterNoDataValue(h, nodata);
        GDALSetDescription(h, bandNames[b].c_str());
    }
}

DensityRasterWriter::~DensityRasterWriter() {
    if (m_impl && !m_impl->committed) {
        m_impl->ds.reset();
        std::error_code ec;
        std::filesystem::remove(m_impl->tempPath, ec);
    }
}

void DensityRasterWriter::write(int band, const Window& window, const double* values) {
    clearGdalError();
    GDALRasterBandH h = GDALGetRasterBand(m_impl->ds.get(), band);
    if (!h || GDALRasterIO(h,
                           GF_Write,
                           window.col0,
                           window.row0,
                           window.cols,
                           window.rows,
                           const_cast<double*>(values),
                           window.cols,
                           window.rows,
                           GDT_Float64,
                           0,
                           0) != CE_None)
        m_impl->fail("Writing band " + std::to_string(band) + " failed for");
}

void DensityRasterWriter::commit() {
    clearGdalError();
    GDALFlushCache(m_impl->ds.get());
    GDALClose(m_impl->ds.release());
    if (!lastGdalError().empty())
        m_impl->fail("Closing failed for");
    std::error_code ec;
    std::filesystem::rename(m_impl->tempPath, m_impl->path, ec);
    if (ec)
        throw GisError(GisError::Kind::Io,
                       "Cannot rename \"" + m_impl->tempPath + "\" to \"" + m_impl->path +
                         "\": " + ec.message(),
                       m_impl->path);
    m_impl->committed = true;
}

} // namespace tanhui::gis
