// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/Overlay.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/private/GeosContext.h"

#include <string>

namespace tanhui::gis {

namespace {

using detail::GeosContext;

/// A GEOS (multi)polygon from plain polygons; null when a ring cannot be built.
GeosContext::GeomPtr toGeos(const GeosContext& geos, const MultiPolygon& mp) {
    return geos.fromMultiPolygon(mp);
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
