// SPDX-License-Identifier: GPL-3.0-or-later
// Private to tanhui_gis: a per-thread GEOS context and RAII geometry handles (re-entrant _r API only).
#pragma once

#include "gis/Geometry.h"

#include <geos_c.h>

#include <memory>
#include <string>

namespace tanhui::gis::detail {

/// @brief Owns one GEOSContextHandle_t. One instance per thread; not shareable. GEOS notices and
/// errors are captured into lastError() instead of being printed.
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t handle() const { return m_handle; }
    const std::string& lastError() const { return m_lastError; }

    /// Geometry owned together with the context that made it (stateless-size deleter with a pointer).
    struct GeomDeleter {
        GEOSContextHandle_t ctx = nullptr;
        void operator()(GEOSGeometry* g) const {
            if (g)
                GEOSGeom_destroy_r(ctx, g);
        }
    };
    using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;
    GeomPtr own(GEOSGeometry* g) const { return GeomPtr(g, GeomDeleter{ m_handle }); }

    /// Parses WKB; null on failure.
    GeomPtr fromWkb(const unsigned char* wkb, std::size_t size) const;
    /// Collects the polygonal parts of any geometry (polygons, multipolygons, collections) as plain
    /// rings; lines and points produced by MakeValid are dropped.
    void toMultiPolygon(const GEOSGeometry* g, MultiPolygon& out) const;
    /// A GEOS MultiPolygon of plain polygons (closing points added); null when a ring cannot be built.
    GeomPtr fromMultiPolygon(const MultiPolygon& mp) const;

private:
    static void onMessage(const char* message, void* userdata);
    GEOSContextHandle_t m_handle;
    std::string m_lastError;
};

} // namespace tanhui::gis::detail
