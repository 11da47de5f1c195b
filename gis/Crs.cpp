// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/Crs.h"

#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/private/GdalHandles.h"
#include "gis/private/GeodesicAreas.h"

#include <cpl_conv.h>
#include <geodesic.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <mutex>

namespace tanhui::gis {

namespace {

/// Shortens long definitions (WKT) for error messages.
std::string abbreviate(const std::string& s) {
    constexpr std::size_t kMax = 120;
    if (s.size() <= kMax)
        return s;
    return s.substr(0, kMax) + "...";
}

std::string withGdalMessage(std::string message) {
    const std::string gdal = lastGdalError();
    if (!gdal.empty())
        message += " (GDAL: " + gdal + ")";
    return message;
}

SrsPtr newSrs() {
    SrsPtr srs(OSRNewSpatialReference(nullptr));
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Crs
// ---------------------------------------------------------------------------------------------

/// The spatial reference is immutable once built, but OGR caches internally even in "const" calls,
/// so every access is serialised by a mutex (copies of a Crs share one Impl across threads).
struct Crs::Impl {
    SrsPtr srs;
    mutable std::mutex mutex;
};

Crs::Crs() = default;
Crs::~Crs() = default;
Crs::Crs(const Crs&) = default;
Crs& Crs::operator=(const Crs&) = default;

Crs Crs::fromUserInput(const std::string& definition) {
    initializeGdal();
    clearGdalError();
    if (definition.empty())
        throw GisError(GisError::Kind::Crs, "Empty coordinate reference system definition");
    SrsPtr srs = newSrs();
    // Never reach out to the network (URLs) from a CRS definition; local .prj/.wkt files are fine.
    const char* const options[] = { "ALLOW_NETWORK_ACCESS=NO", nullptr };
    if (OGRSpatialReference::FromHandle(srs.get())->SetFromUserInput(definition.c_str(), options) !=
        OGRERR_NONE)
        throw GisError(GisError::Kind::Crs,
                       withGdalMessage("Unknown or invalid coordinate reference system \"" +
                                       abbreviate(definition) + "\""));
    return adopt(srs.release());
}

Crs Crs::fromEpsg(int code) {
    initializeGdal();
    clearGdalError();
    SrsPtr srs = newSrs();
    if (code <= 0 || OSRImportFromEPSG(srs.get(), code) != OGRERR_NONE)
        throw GisError(GisError::Kind::Crs, withGdalMessage("Unknown EPSG code " + std::to_string(code)));
    return adopt(srs.release());
}

Crs Crs::fromWkt(const std::string& wkt) {
    initializeGdal();
    clearGdalError();
    SrsPtr srs = newSrs();
    if (wkt.empty() ||
        OGRSpatialReference::FromHandle(srs.get())->SetFromUserInput(
          wkt.c_str(), OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS_get()) != OGRERR_NONE)
        throw GisError(
          GisError::Kind::Crs,
          withGdalMessage("Invalid WKT coordinate reference system \"" + abbreviate(wkt) + "\""));
    return adopt(srs.release());
}

Crs Crs::adopt(void* handle) {
    SrsPtr srs(static_cast<OGRSpatialReferenceH>(handle));
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    auto impl = std::make_shared<Impl>();
    impl->srs = std::move(srs);
    Crs crs;
    crs.m_impl = std::move(impl);
    return crs;
}

Crs crsFromOgr(OGRSpatialReferenceH srs) {
    if (!srs)
        return {};
    char* raw = nullptr;
    const char* const options[] = { "FORMAT=WKT2_2018", "MULTILINE=NO", nullptr };
    if (OSRExportToWktEx(srs, &raw, options) != OGRERR_NONE || !raw) {
        CPLFree(raw);
        raw = nullptr;
        if (OSRExportToWkt(srs, &raw) != OGRERR_NONE || !raw) {
            CPLFree(raw);
            throw GisError(GisError::Kind::Crs, "Cannot export a coordinate reference system to WKT");
        }
    }
    CplCharPtr wkt(raw);
    return Crs::fromWkt(wkt.get());
}

std::string undefinedCrsReason(OGRSpatialReferenceH srs) {
    if (!srs)
        return {};
    const char* rawName = OSRGetName(srs);
    const std::string name = rawName ? rawName : "";
    if (OSRIsLocal(srs))
        return "its CRS \"" + name +
               "\" is a local (engineering) one, with no link to positions on the Earth";
    if (name.rfind("Undefined", 0) == 0)
        return "its CRS is the placeholder \"" + name + "\" (the CRS was never defined)";
    return {};
}

bool Crs::isValid() const {
    return m_impl && m_impl->srs;
}

bool Crs::isGeographic() const {
    if (!isValid())
        return false;
    std::lock_guard lock(m_impl->mutex);
    return OSRIsGeographic(m_impl->srs.get()) != 0;
}

std::string Crs::name() const {
    if (!isValid())
        return {};
    std::lock_guard lock(m_impl->mutex);
    const char* n = OSRGetName(m_impl->srs.get());
    return n ? n : "";
}

std::string Crs::authorityId() const {
    if (!isValid())
        return {};
    std::lock_guard lock(m_impl->mutex);
    OGRSpatialReferenceH h = m_impl->srs.get();
    const char* auth = OSRGetAuthorityName(h, nullptr);
    const char* code = OSRGetAuthorityCode(h, nullptr);
    if (auth && code)
        return std::string(auth) + ":" + code;
    // Try to identify a definition without an explicit code (e.g. ESRI .prj WKT).
    SrsPtr clone(OSRClone(h));
    if (clone && OSRAutoIdentifyEPSG(clone.get()) == OGRERR_NONE) {
        auth = OSRGetAuthorityName(clone.get(), nullptr);
        code = OSRGetAuthorityCode(clone.get(), nullptr);
        if (auth && code)
            return std::string(auth) + ":" + code;
    }
    return {};
}

std::string Crs::wkt() const {
    if (!isValid())
        return {};
    std::lock_guard lock(m_impl->mutex);
    char* raw = nullptr;
    const char* const options[] = { "FORMAT=WKT2_2018", nullptr };
    if (OSRExportToWktEx(m_impl->srs.get(), &raw, options) != OGRERR_NONE || !raw) {
        CPLFree(raw);
        return {};
    }
    CplCharPtr wkt(raw);
    return wkt.get();
}

double Crs::semiMajorMetres() const {
    if (!isValid())
        return 0.0;
    std::lock_guard lock(m_impl->mutex);
    OGRErr err = OGRERR_NONE;
    const double a = OSRGetSemiMajor(m_impl->srs.get(), &err);
    return err == OGRERR_NONE ? a : 0.0;
}

double Crs::flattening() const {
    if (!isValid())
        return 0.0;
    std::lock_guard lock(m_impl->mutex);
    OGRErr err = OGRERR_NONE;
    const double invf = OSRGetInvFlattening(m_impl->srs.get(), &err);
    if (err != OGRERR_NONE || invf == 0.0)
        return 0.0; // sphere
    return 1.0 / invf;
}

double Crs::linearUnitMetres() const {
    if (!isValid())
        return 0.0;
    std::lock_guard lock(m_impl->mutex);
    if (OSRIsGeographic(m_impl->srs.get()))
        return 0.0;
    return OSRGetLinearUnits(m_impl->srs.get(), nullptr);
}

Crs Crs::geographic() const {
    if (!isValid())
        throw GisError(GisError::Kind::Crs, "No geographic CRS: the coordinate reference system is empty");
    std::lock_guard lock(m_impl->mutex);
    clearGdalError();
    SrsPtr geog(OSRCloneGeogCS(m_impl->srs.get()));
    if (!geog) {
        const char* n = OSRGetName(m_impl->srs.get());
        throw GisError(GisError::Kind::Crs,
                       withGdalMessage("No geographic CRS underlies \"" + std::string(n ? n : "") + "\""));
    }
    return adopt(geog.release());
}

bool Crs::isSame(const Crs& other) const {
    if (!isValid() || !other.isValid())
        return isValid() == other.isValid();
    if (m_impl == other.m_impl)
        return true;
    // Lock both in a consistent order.
    std::scoped_lock lock(m_impl->mutex, other.m_impl->mutex);
    const char* const options[] = { "IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES",
                                    "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS",
                                    nullptr };
    OGRSpatialReferenceH a = m_impl->srs.get(), b = other.m_impl->srs.get();
    if (OSRIsSameEx(a, b, options) != 0)
        return true;
    // OGR ignores axis order only for geographic CRSs. Two projected CRSs that differ only in axis
    // order (EPSG:4547 is northing, easting; an ESRI .prj of it is easting, northing) are the same
    // for Tanhui, whose axis order is always normalised: same datum (compared as geographic CRSs)
    // and same projection (PROJ strings carry no axis order).
    if (!OSRIsProjected(a) || !OSRIsProjected(b))
        return false;
    SrsPtr geogA(OSRCloneGeogCS(a)), geogB(OSRCloneGeogCS(b));
    if (!geogA || !geogB || OSRIsSameEx(geogA.get(), geogB.get(), options) == 0)
        return false;
    char* projA = nullptr;
    char* projB = nullptr;
    const bool exported =
      OSRExportToProj4(a, &projA) == OGRERR_NONE && OSRExportToProj4(b, &projB) == OGRERR_NONE;
    const bool same = exported && projA && projB && std::string(projA) == std::string(projB);
    CPLFree(projA);
    CPLFree(projB);
    return same;
}

void* Crs::nativeHandle() const {
    return isValid() ? static_cast<void*>(m_impl->srs.get()) : nullptr;
}

// ---------------------------------------------------------------------------------------------
// CoordinateTransform
// ---------------------------------------------------------------------------------------------

struct CoordinateTransform::Impl {
    TransformPtr transform; ///< null when identity
    std::string description;
    mutable std::vector<double> x, y;
    mutable std::vector<int> ok;
};

CoordinateTransform::CoordinateTransform(const Crs& source, const Crs& target)
  : m_impl(std::make_unique<Impl>()) {
    initializeGdal();
    if (!source.isValid() || !target.isValid())
        throw GisError(GisError::Kind::Crs,
                       "Cannot transform coordinates: the " +
                         std::string(source.isValid() ? "target" : "source") +
                         " coordinate reference system is missing");
    m_impl->description = "from \"" + source.name() + "\" to \"" + target.name() + "\"";
    if (source.isSame(target))
        return;
    clearGdalError();
    {
        std::scoped_lock lock(source.m_impl->mutex, target.m_impl->mutex);
        m_impl->transform.reset(
          OCTNewCoordinateTransformation(source.m_impl->srs.get(), target.m_impl->srs.get()));
    }
    if (!m_impl->transform)
        throw GisError(GisError::Kind::Crs,
                       withGdalMessage("No coordinate transformation exists " + m_impl->description));
}

CoordinateTransform::~CoordinateTransform() = default;
CoordinateTransform::CoordinateTransform(CoordinateTransform&&) noexcept = default;
CoordinateTransform& CoordinateTransform::operator=(CoordinateTransform&&) noexcept = default;

bool CoordinateTransform::isIdentity() const {
    return !m_impl->transform;
}

void CoordinateTransform::transform(std::vector<double>& xy) const {
    if (!m_impl->transform || xy.empty())
        return;
    if (xy.size() % 2 != 0)
        throw GisError(GisError::Kind::InvalidArgument,
                       "CoordinateTransform::transform: odd number of coordinates");
    const std::size_t n = xy.size() / 2;
    m_impl->x.resize(n);
    m_impl->y.resize(n);
    m_impl->ok.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        m_impl->x[i] = xy[2 * i];
        m_impl->y[i] = xy[2 * i + 1];
    }
    clearGdalError();
    const int done = OCTTransformEx(m_impl->transform.get(),
                                    static_cast<int>(n),
                                    m_impl->x.data(),
                                    m_impl->y.data(),
                                    nullptr,
                                    m_impl->ok.data());
    for (std::size_t i = 0; i < n; ++i) {
        if (!done || !m_impl->ok[i] || !std::isfinite(m_impl->x[i]) || !std::isfinite(m_impl->y[i]))
            throw GisError(GisError::Kind::Crs,
                           withGdalMessage("Coordinate transformation " + m_impl->description +
                                           " failed for point (" + std::to_string(xy[2 * i]) + ", " +
                                           std::to_string(xy[2 * i + 1]) + ")"));
        xy[2 * i] = m_impl->x[i];
        xy[2 * i + 1] = m_impl->y[i];
    }
}

void CoordinateTransform::transform(MultiPolygon& polygon) const {
    if (!m_impl->transform)
        return;
    for (Polygon& p : polygon.parts)
        for (Ring& r : p.rings)
            transform(r.xy);
}

// ---------------------------------------------------------------------------------------------
// Ellipsoidal areas
// ---------------------------------------------------------------------------------------------

double ellipsoidalAreaM2(const MultiPolygon& lonLat, double a, double f) {
    return detail::lonLatAreaM2(lonLat, a, f);
}

double geographicCellAreaM2(double lat1Deg, double lat2Deg, double dLonDeg, double a, double f) {
    // Area of the zone between latitudes φ1 and φ2 per radian of longitude:
    //   Q(φ) = (b²/2) [ sinφ / (1 − e² sin²φ) + atanh(e sinφ) / e ],  b² = a²(1 − e²).
    // Q(φ2) − Q(φ1) is evaluated in difference form to avoid cancellation for small cells:
    //   s2/(1−e²s2²) − s1/(1−e²s1²) = (s2 − s1)(1 + e² s1 s2) / ((1 − e²s1²)(1 − e²s2²))
    //   atanh(e s2) − atanh(e s1)   = atanh(e (s2 − s1) / (1 − e² s1 s2))
    constexpr double kDeg = 3.14159265358979323846 / 180.0;
    const double phi1 = lat1Deg * kDeg, phi2 = lat2Deg * kDeg;
    const double s1 = std::sin(phi1), s2 = std::sin(phi2);
    // sin φ2 − sin φ1 = 2 cos((φ1+φ2)/2) sin((φ2−φ1)/2), exact for small differences.
    const double ds = 2.0 * std::cos(0.5 * (phi1 + phi2)) * std::sin(0.5 * (phi2 - phi1));
    const double e2 = f * (2.0 - f);
    const double b2 = a * a * (1.0 - e2);
    const double term1 = ds * (1.0 + e2 * s1 * s2) / ((1.0 - e2 * s1 * s1) * (1.0 - e2 * s2 * s2));
    double term2 = 0.0;
    const double u = ds / (1.0 - e2 * s1 * s2); // atanh(e u) / e
    if (e2 > 0.0) {
        const double e = std::sqrt(e2);
        const double y = e * u;
        if (std::abs(y) < 1e-4) {
            const double y2 = y * y;
            term2 = u * (1.0 + y2 / 3.0 + y2 * y2 / 5.0);
        } else {
            term2 = std::atanh(y) / e;
        }
    } else if (e2 < 0.0) {
        // Prolate ellipsoid (f < 0): atanh(i·x)/i = atan(x).
        const double e = std::sqrt(-e2);
        term2 = std::atan(e * u) / e;
    } else {
        term2 = u;
    }
    const double zone = 0.5 * b2 * (term1 + term2);
    return std::abs(zone * dLonDeg * kDeg);
}

double geodesicLengthM(const std::vector<double>& lonLat, double a, double f) {
    geod_geodesic g;
    geod_init(&g, a, f);
    double total = 0; // accumulated in double, segment by segment
    for (std::size_t i = 2; i + 1 < lonLat.size(); i += 2) {
        double s12 = 0;
        geod_inverse(&g, lonLat[i - 1], lonLat[i - 2], lonLat[i + 1], lonLat[i], &s12, nullptr, nullptr);
        total += s12;
    }
    return total;
}

} // namespace tanhui::gis
