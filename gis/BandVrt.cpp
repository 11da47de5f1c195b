// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/BandVrt.h"

#include "gis/AtomicFile.h"
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/private/GdalHandles.h"

#include <gdal_utils.h>

#include <cstdio>
#include <string>

namespace tanhui::gis {

void writeBandVrt(const std::string& source,
                  int band,
                  const std::string& vrtPath,
                  const std::string& isoDate) {
    initializeGdal();
    DatasetPtr src(GDALOpenEx(source.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!src)
        throw GisError(GisError::Kind::Open, "Cannot open " + source + ": " + lastGdalError(), source);
    const int count = GDALGetRasterCount(src.get());
    if (band < 1 || band > count)
        throw GisError(GisError::Kind::InvalidArgument,
                       source + " has " + std::to_string(count) + " band(s), not band " +
                         std::to_string(band),
                       source);
    const std::string temporary = temporaryPathFor(vrtPath, ".vrt");
    const std::string bandText = std::to_string(band);
    const char* args[] = { "-of", "VRT", "-b", bandText.c_str(), nullptr };
    GDALTranslateOptions* options = GDALTranslateOptionsNew(const_cast<char**>(args), nullptr);
    int usageError = FALSE;
    GDALDatasetH out = GDALTranslate(temporary.c_str(), src.get(), options, &usageError);
    GDALTranslateOptionsFree(options);
    if (!out) {
        std::remove(temporary.c_str());
        throw GisError(GisError::Kind::Io, "Cannot write " + vrtPath + ": " + lastGdalError(), vrtPath);
    }
    GDALRasterBandH outBand = GDALGetRasterBand(out, 1);
    const char* description = GDALGetDescription(GDALGetRasterBand(src.get(), band));
    if (description && *description)
        GDALSetDescription(outBand, description);
    if (!isoDate.empty())
        GDALSetMetadataItem(outBand, "DATE", isoDate.c_str(), nullptr);
    CPLErrorReset();
    GDALClose(out); // writes the VRT
    if (CPLGetLastErrorType() >= CE_Failure) {
        std::remove(temporary.c_str());
        throw GisError(GisError::Kind::Io, "Cannot write " + vrtPath + ": " + lastGdalError(), vrtPath);
    }
    replaceWithTemporary(temporary, vrtPath);
}

} // namespace tanhui::gis
