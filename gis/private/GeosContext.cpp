// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/private/GeosContext.h"

namespace tanhui::gis::detail {

GeosContext::GeosContext()
  : m_handle(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::onMessage, this);
    GEOSContext_setNoticeMessageHandler_r(m_handle, nullptr, nullptr);
}

GeosContext::~GeosContext() {
    GEOS_finish_r(m_handle);
}

void GeosContext::onMessage(const char* message, void* userdata) {
    static_cast<GeosContext*>(userdata)->m_lastError = message ? message : "";
}

GeosContext::GeomPtr GeosContext::fromWkb(const unsigned char* wkb, std::size_t size) const {
    GEOSWKBReader* reader = GEOSWKBReader_create_r(m_handle);
    GEOSGeometry* g = GEOSWKBReader_read_r(m_handle, reader, wkb, size);
    GEOSWKBReader_destroy_r(m_handle, reader);
    return own(g);
}

namespace {

void appendRing(GEOSContextHandle_t ctx, const GEOSGeometry* ring, Polygon& polygon) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, ring);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &n) || n < 4)
        return;
    Ring r;
    r.xy.resize(std::size_t(n) * 2);
    GEOSCoordSeq_copyToBuffer_r(ctx, seq, r.xy.data(), 0, 0);
    r.xy.resize(r.xy.size() - 2); // drop the closing point; rings are implicitly closed
    polygon.rings.push_back(std::move(r));
}

void collect(GEOSContextHandle_t ctx, const GEOSGeometry* g, MultiPolygon& out) {
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(ctx, g))
            return;
        Polygon p;
        appendRing(ctx, GEOSGetExteriorRing_r(ctx, g), p);
        if (p.rings.empty())
            return;
        const int holes = GEOSGetNumInteriorRings_r(ctx, g);
        for (int i = 0; i < holes; ++i)
            appendRing(ctx, GEOSGetInteriorRingN_r(ctx, g, i), p);
        out.parts.push_back(std::move(p));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx, g);
        for (int i = 0; i < n; ++i)
            collect(ctx, GEOSGetGeometryN_r(ctx, g, i), out);
    }
}

/// A closed GEOS linear ring from a plain ring (the closing point is added when missing).
GEOSGeometry* makeRing(GEOSContextHandle_t ctx, const Ring& ring) {
    const std::size_t n = ring.size();
    if (n < 3)
        return nullptr;
    const bool closed = ring.x(0) == ring.x(n - 1) && ring.y(0) == ring.y(n - 1);
    const std::size_t m = closed ? n : n + 1;
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(m), 2);
    if (!seq)
        return nullptr;
    for (std::size_t i = 0; i < m; ++i) {
        const std::size_t k = i < n ? i : 0;
        GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(i), ring.x(k), ring.y(k));
    }
    return GEOSGeom_createLinearRing_r(ctx, seq); // takes ownership of seq
}

} // namespace

void GeosContext::toMultiPolygon(const GEOSGeometry* g, MultiPolygon& out) const {
    out.parts.clear();
    if (g)
        collect(m_handle, g, out);
}

GeosContext::GeomPtr GeosContext::fromMultiPolygon(const MultiPolygon& mp) const {
    GEOSContextHandle_t ctx = m_handle;
    std::vector<GEOSGeometry*> polygons;
    bool ok = true;
    for (const Polygon& p : mp.parts) {
        if (p.rings.empty())
            continue;
        GEOSGeometry* shell = makeRing(ctx, p.rings[0]);
        if (!shell) {
            ok = false;
            break;
        }
        std::vector<GEOSGeometry*> holes;
        for (std::size_t r = 1; r < p.rings.size(); ++r)
            if (GEOSGeometry* h = makeRing(ctx, p.rings[r]))
                holes.push_back(h);
        polygons.push_back(GEOSGeom_createPolygon_r(
          ctx, shell, holes.empty() ? nullptr : holes.data(), static_cast<unsigned>(holes.size())));
    }
    if (!ok) {
        for (GEOSGeometry* g : polygons)
            GEOSGeom_destroy_r(ctx, g);
        return own(nullptr);
    }
    return own(GEOSGeom_createCollection_r(ctx,
                                           GEOS_MULTIPOLYGON,
                                           polygons.empty() ? nullptr : polygons.data(),
                                           static_cast<unsigned>(polygons.size())));
}

} // namespace tanhui::gis::detail
