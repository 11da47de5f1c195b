// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Geometry.h"

#include <memory>
#include <vector>

namespace tanhui::gis::detail {

/// @brief Ellipsoidal (geodesic) areas of many neighbouring polygons given in a layer CRS, on one
/// thread.
///
/// The area of a ring is the sum over its edges of S12, the area between the geodesic edge and the
/// equator, which PROJ's geod_geninverse computes (the same quantity geod_polygonarea sums), reduced
/// as for geod_polygonarea (edges crossing the antimeridian, rings around a pole). Neighbouring
/// parcels share their vertices and, walked in opposite directions, their edges; each thread keeps
/// the last few thousand of both in direct-mapped tables, so a shared vertex is transformed to
/// lon/lat once and a shared edge's S12 computed once. A remembered value is bit-identical to a
/// recomputed one (the transformation is point by point, and S12 is always computed in the
/// direction from the edge end that sorts first), so areas never depend on which parcels a thread
/// saw before, i.e. on thread count or chunking.
class GeodesicAreas {
public:
    /// `layerCrs`: the polygons' CRS; `a`, `f`: the ellipsoid (semi-major axis in m, flattening).
    /// Throws GisError(Crs) when the layer CRS cannot be transformed to its geographic CRS.
    GeodesicAreas(const Crs& layerCrs, double a, double f);
    ~GeodesicAreas();
    GeodesicAreas(const GeodesicAreas&) = delete;
    GeodesicAreas& operator=(const GeodesicAreas&) = delete;

    /// Ellipsoidal areas in m² of `polygons` (layer CRS coordinates; holes subtract, parts add), in
    /// `areasM2` (resized). Null entries get 0. The vertices of the whole batch are transformed in
    /// one call. Throws GisError(Crs) when a vertex cannot be transformed.
    void measure(const std::vector<const MultiPolygon*>& polygons, std::vector<double>& areasM2);

    /// Vertices and edges found in the tables since construction (for tests).
    std::size_t vertexHits() const;
    std::size_t edgeHits() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Area in m² of a polygon in lon/lat degrees, summing geod_geninverse's S12 per edge without
/// remembering anything (Crs.h ellipsoidalAreaM2 forwards here).
double lonLatAreaM2(const MultiPolygon& lonLat, double a, double f);

} // namespace tanhui::gis::detail
