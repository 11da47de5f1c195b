// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/Overlay.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/private/GeosContext.h"

#include <string>

namespace tanhui::gis {

namespace {

using detail::GeosContext;

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

/// A GEOS (multi)polygon from plain polygons; null when a ring cannot be built.
GeosContext::GeomPtr toGeos(const GeosContext& geos, const MultiPolygon& mp) {
    GEOSContextHandle_t ctx = geos.handle();
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
        return geos.own(nullptr);
    }
    return geos.own(GEOSGeom_createCollection_r(ctx,
                                                GEOS_MULTIPOLYGON,
                                                polygons.empty() ? nullptr : polygons.data(),
                                                static_cast<unsigned>(polygons.size())));
}

} // namespace

std::vector<ZoneOverlap> assignLargestOverlap(const std::vector<MultiPolygon>& parcels,
                                              const std::vector<MultiPolygon>& zones,
                                              Feedback* feedback) {
    GeosContext geos;
    GEOSContextHandle_t ctx = geos.handle();
    std::vector<GeosContext::GeomPtr> zoneGeoms;
    std::vector<Box> zoneBoxes;
    for (std::size_t z = 0; z < zones.size(); ++z) {
        zoneGeoms.push_back(toGeos(geos, zones[z]));
        if (!zoneGeoms.back())
            throw GisError(GisError::Kind::Geometry,
                           "zone " + std::to_string(z + 1) + ": cannot build its geometry (" +
                             geos.lastError() + ")");
        zoneBoxes.push_back(zones[z].bounds());
    }
    std::vector<ZoneOverlap> out(parcels.size());
    for (std::size_t i = 0; i < parcels.size(); ++i) {
        if (feedback) {
            feedback->throwIfCancelled();
            feedback->setProgress(100.0 * double(i) / double(parcels.size()), "Assigning parcels to zones");
        }
        const Box box = parcels[i].bounds();
        GeosContext::GeomPtr parcel;
        for (std::size_t z = 0; z < zones.size(); ++z) {
            if (!box.intersects(zoneBoxes[z]))
                continue;
            if (!parcel) {
                parcel = toGeos(geos, parcels[i]);
                if (!parcel)
                    throw GisError(GisError::Kind::Geometry,
                                   "parcel " + std::to_string(i + 1) + ": cannot build its geometry (" +
                                     geos.lastError() + ")");
            }
            auto inter = geos.own(GEOSIntersection_r(ctx, parcel.get(), zoneGeoms[z].get()));
            if (!inter)
                throw GisError(GisError::Kind::Geometry,
                               "parcel " + std::to_string(i + 1) + ", zone " + std::to_string(z + 1) +
                                 ": the intersection failed (" + geos.lastError() + ")");
            double area = 0;
            if (!GEOSisEmpty_r(ctx, inter.get()))
                GEOSArea_r(ctx, inter.get(), &area);
            if (area > out[i].overlapArea) { // strict: ties keep the lower zone index
                out[i].zone = int(z);
                out[i].overlapArea = area;
            }
        }
        const double parcelArea = parcels[i].planarArea();
        if (out[i].zone >= 0 && parcelArea > 0)
            out[i].share = out[i].overlapArea / parcelArea;
    }
    if (feedback)
        feedback->setProgress(100.0, "Assigning parcels to zones");
    return out;
}

} // namespace tanhui::gis
