// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Geometry.h"

#include <memory>
#include <string>
#include <vector>

namespace tanhui::gis {

/// @brief A coordinate reference system (wraps OGRSpatialReference; value semantics, cheap to copy
/// through shared immutable state). Axis order is always normalised to x = easting/longitude,
/// y = northing/latitude (OAMS_TRADITIONAL_GIS_ORDER), whatever the authority says.
class Crs {
public:
    Crs(); ///< an invalid (empty) CRS
    ~Crs();
    Crs(const Crs&);
    Crs& operator=(const Crs&);

    /// Any definition OGR accepts: "EPSG:4547", WKT, PROJ string, PROJJSON. Throws GisError(Crs).
    static Crs fromUserInput(const std::string& definition);
    static Crs fromEpsg(int code);
    static Crs fromWkt(const std::string& wkt);

    bool isValid() const;
    bool isGeographic() const;
    /// The CRS's name, e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 114E".
    std::string name() const;
    /// "EPSG:4547" when an authority code is known, else empty.
    std::string authorityId() const;
    std::string wkt() const;
    /// Ellipsoid semi-major axis in metres and flattening (f, not 1/f).
    double semiMajorMetres() const;
    double flattening() const;
    /// Metres per CRS linear unit (1 for metre CRSs); for geographic CRSs, 0.
    double linearUnitMetres() const;
    /// The geographic CRS (lon/lat, degrees, same datum) underlying this CRS.
    Crs geographic() const;
    /// True when both describe the same CRS (ignoring axis-order and metadata differences).
    bool isSame(const Crs& other) const;

    /// Opaque access for other tanhui_gis translation units (an OGRSpatialReferenceH); not for use
    /// outside gis/.
    void* nativeHandle() const;

private:
    struct Impl;
    /// Takes ownership of an OGRSpatialReferenceH (passed as void* to keep GDAL out of this header)
    /// and normalises its axis order.
    static Crs adopt(void* srs);

    std::shared_ptr<const Impl> m_impl;
    friend class CoordinateTransform;
};

/// @brief Transforms coordinates between two CRSs (wraps an OGRCoordinateTransformation over PROJ).
/// Not thread-safe: give every thread its own instance. Identity when the CRSs are the same.
class CoordinateTransform {
public:
    /// Throws GisError(Crs) when no transformation between the two exists.
    CoordinateTransform(const Crs& source, const Crs& target);
    ~CoordinateTransform();
    CoordinateTransform(CoordinateTransform&&) noexcept;
    CoordinateTransform& operator=(CoordinateTransform&&) noexcept;

    bool isIdentity() const;
    /// Transforms interleaved x, y pairs in place. Throws GisError(Crs) if any point fails.
    void transform(std::vector<double>& xy) const;
    /// Transforms every ring of a polygon in place.
    void transform(MultiPolygon& polygon) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// @brief Area of a polygon given in geographic coordinates (lon/lat degrees) on the ellipsoid with
/// semi-major axis `a` (m) and flattening `f`, in m², with geodesic edges: the sum of PROJ's
/// geod_geninverse S12 over the edges, reduced as geod_polygonarea does (see
/// gis/private/GeodesicAreas.h). Holes subtract, parts add; orientation is free.
double ellipsoidalAreaM2(const MultiPolygon& lonLat, double a, double f);

/// @brief Length in m of a polyline given in geographic coordinates (interleaved lon/lat degrees), each
/// segment the geodesic between its ends on the ellipsoid (a, f) (PROJ's geod_inverse: Karney 2013,
/// accurate to nanometres). Fewer than two points: 0.
double geodesicLengthM(const std::vector<double>& lonLat, double a, double f);

/// @brief Exact area in m² of one cell of a geographic grid, between latitudes lat1 and lat2 (degrees)
/// and `dLonDeg` degrees wide, on the ellipsoid (a, f). Uses the closed form of the area of an
/// ellipsoidal zone (authalic latitude), exact to rounding.
double geographicCellAreaM2(double lat1Deg, double lat2Deg, double dLonDeg, double a, double f);

} // namespace tanhui::gis
