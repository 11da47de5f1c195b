// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/Gdal.h"

#include <QLoggingCategory>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <cstdlib>
#include <mutex>

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

std::string lastGdalError() {
    return t_lastError;
}

void clearGdalError() {
    t_lastError.clear();
    CPLErrorReset();
}

std::string gdalVersion() {
    return GDALVersionInfo("RELEASE_NAME");
}

} // namespace tanhui::gis
