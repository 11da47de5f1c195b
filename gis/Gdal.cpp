// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/Gdal.h"

#include <QLoggingCategory>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <cctype>
#include <cstdlib>
#include <mutex>

#ifdef __GLIBC__
#include <malloc.h> // malloc_trim
#endif

// GDAL chatter is verbose and mostly irrelevant to users, so the category is silent below
// "critical" by default (nothing reaches stderr); enable it with QT_LOGGING_RULES="tanhui.gdal*=true"
// or QLoggingCategory::setFilterRules().
Q_LOGGING_CATEGORY(lcGdal, "tanhui.gdal", QtCriticalMsg)

namespace tanhui::gis {

namespace {

thread_local std::string t_lastError;

constexpr GIntBig kDefaultCacheBytes = GIntBig(256) * 1024 * 1024;

void CPL_STDCALL tanhuiErrorHandler(CPLErr level, CPLErrorNum errorNumber, const char* message) {
    const char* msg = message ? message : "";
    switch (level) {
        case CE_None:
        case CE_Debug:
            qCDebug(lcGdal, "%s", msg);
            break;
        case CE_Warning:
            qCWarning(lcGdal, "warning %d: %s", int(errorNumber), msg);
            break;
        case CE_Failure:
        case CE_Fatal:
            t_lastError = msg;
            qCWarning(lcGdal, "error %d: %s", int(errorNumber), msg);
            break;
    }
}

void initializeOnce() {
    CPLSetErrorHandler(tanhuiErrorHandler);
    GDALAllRegister();
    const char* env = std::getenv("GDAL_CACHEMAX");
    if (!(env && *env))
        GDALSetCacheMax64(kDefaultCacheBytes);
    qCDebug(lcGdal,
            "GDAL %s initialised, block cache %lld bytes",
            GDALVersionInfo("RELEASE_NAME"),
            static_cast<long long>(GDALGetCacheMax64()));
}

} // namespace

void initializeGdal() {
    static std::once_flag once;
    std::call_once(once, initializeOnce);
}

void setGdalCacheBytes(std::size_t bytes) {
    initializeGdal();
    GDALSetCacheMax64(static_cast<GIntBig>(bytes));
}

void releaseFreeMemory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

std::string lastGdalError() {
    return t_lastError;
}

void clearGdalError() {
    t_lastError.clear();
    CPLErrorReset();
}

DatasetName splitDatasetName(const std::string& name) {
    DatasetName out;
    out.file = name;
    const std::size_t colon = name.find(':');
    if (colon == std::string::npos || colon < 2)
        return out;
    for (std::size_t i = 0; i < colon; ++i) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (!(std::isalnum(c) || c == '_'))
            return out;
    }
    std::string rest = name.substr(colon + 1);
    std::string file, component;
    if (!rest.empty() && rest.front() == '"') {
        const std::size_t close = rest.find('"', 1);
        if (close == std::string::npos)
            return out;
        file = rest.substr(1, close - 1);
        component = rest.substr(close + 1);
        if (!component.empty() && component.front() == ':')
            component.erase(0, 1);
    } else {
        const std::size_t sep = rest.rfind(':');
        if (sep == std::string::npos)
            return out;
        file = rest.substr(0, sep);
        component = rest.substr(sep + 1);
    }
    if (file.empty())
        return out;
    out.driver = name.substr(0, colon);
    out.file = file;
    out.component = component;
    return out;
}

bool datasetFileExists(const std::string& name) {
    const std::string file = splitDatasetName(name).file;
    if (file.rfind("/vsi", 0) == 0)
        return true;
    VSIStatBufL stat;
    return VSIStatL(file.c_str(), &stat) == 0;
}

DataKinds probeDataKinds(const std::string& path) {
    initializeGdal();
    DataKinds kinds;
    for (const unsigned kind : { unsigned(GDAL_OF_RASTER), unsigned(GDAL_OF_VECTOR) }) {
        GDALDatasetH ds = GDALOpenEx(path.c_str(), kind | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
        if (!ds)
            continue;
        if (kind == GDAL_OF_RASTER)
            kinds.raster = GDALGetRasterCount(ds) > 0 || GDALGetMetadata(ds, "SUBDATASETS") != nullptr;
        else
            kinds.vector = GDALDatasetGetLayerCount(ds) > 0;
        GDALClose(ds);
    }
    clearGdalError();
    return kinds;
}

std::string gdalVersion() {
    return GDALVersionInfo("RELEASE_NAME");
}

} // namespace tanhui::gis
