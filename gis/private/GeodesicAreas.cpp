// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/private/GeodesicAreas.h"

#include <geodesic.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace tanhui::gis::detail {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Compensated (Neumaier) sum: the S12 of a ring's edges are ~1e9 m² each (the area down to the
/// equator) while a parcel is ~1e4 m², so their sum cancels almost entirely.
struct CompensatedSum {
    double sum = 0, carry = 0;
    void add(double y) {
        const double t = sum + y;
        carry += std::abs(sum) >= std::abs(y) ? (sum - t) + y : (y - t) + sum;
        sum = t;
    }
    double value() const { return sum + carry; }
};

/// Longitude in (-180, 180].
double normalisedLongitude(double lon) {
    const double r = std::remainder(lon, 360.0);
    return r == -180.0 ? 180.0 : r;
}

/// +1 when the edge lon1 → lon2 (the short way round) crosses the prime meridian eastwards
/// (lon2 > 0 ≥ lon1 after normalisation), -1 westwards, else 0; the parity of the sum over a ring
/// tells whether it encircles a pole (as geod_polygonarea counts its "crossings").
int meridianCrossing(double lon1, double lon2) {
    const double d = std::remainder(lon2 - lon1, 360.0);
    const double n1 = normalisedLongitude(lon1), n2 = normalisedLongitude(lon2);
    if (n1 <= 0 && n2 > 0 && d > 0)
        return 1;
    if (n2 <= 0 && n1 > 0 && d < 0)
        return -1;
    return 0;
}

/// Signed ring area (m², counter-clockwise positive) from the sum of its edges' S12 and its meridian
/// crossings; `area0` is the ellipsoid's total area. The reduction follows geod_polygonarea's: the
/// S12 sum is the area to the south pole side modulo area0, a ring around a pole (odd crossings) is
/// shifted by half of area0, and the result is brought into (-area0/2, area0/2].
double reduceRingArea(double s12Sum, int crossings, double area0) {
    double area = std::remainder(s12Sum, area0);
    if (crossings & 1)
        area += (area < 0 ? 1 : -1) * area0 / 2;
    area = -area; // S12 sums clockwise; counter-clockwise positive
    if (area > area0 / 2)
        area -= area0;
    else if (area <= -area0 / 2)
        area += area0;
    return area;
}

/// |area| (m²) of a ring of n ≥ 3 vertices from the S12 of its edges, s12(i, j) for the edge from
/// vertex i to j, and the longitudes lon(i) of its vertices: the compensated sum, the meridian
/// crossings and the reduction of reduceRingArea().
template<typename S12, typename Lon>
double ringAreaM2(std::size_t n, S12&& s12, Lon&& lon, double area0) {
    CompensatedSum sum;
    int crossings = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t j = i + 1 == n ? 0 : i + 1;
        sum.add(s12(i, j));
        crossings += meridianCrossing(lon(i), lon(j));
    }
    return std::abs(reduceRingArea(sum.value(), crossings, area0));
}

/// S12 (m²) of the geodesic from (lon1, lat1) to (lon2, lat2).
double edgeS12(const geod_geodesic& g, double lon1, double lat1, double lon2, double lat2) {
    double s12 = 0;
    geod_geninverse(&g, lat1, lon1, lat2, lon2, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, &s12);
    return s12;
}

/// Number of vertices of a ring without a repeated closing vertex.
std::size_t openRingSize(const Ring& r) {
    std::size_t n = r.size();
    if (n >= 2 && r.x(0) == r.x(n - 1) && r.y(0) == r.y(n - 1))
        --n;
    return n;
}

/// True when vertex (x1, y1) sorts before (x2, y2); an edge's S12 is always computed from the
/// vertex that sorts first, so that both directions of a shared edge use one computed value.
bool sortsFirst(double x1, double y1, double x2, double y2) {
    return x1 < x2 || (x1 == x2 && y1 < y2);
}

std::uint64_t mix(std::uint64_t h) {
    h ^= h >> 31;
    h *= 0x7fb5d329728ea185ULL;
    h ^= h >> 27;
    h *= 0x81dadef4bc2dd44dULL;
    h ^= h >> 33;
    return h;
}

std::uint64_t vertexHash(double x, double y) {
    return mix(std::bit_cast<std::uint64_t>(x) * 0x9e3779b97f4a7c15ULL ^ std::bit_cast<std::uint64_t>(y));
}

} // namespace

// ---------------------------------------------------------------------------------------------

struct GeodesicAreas::Impl {
    // 2^14 slots of one cache line each (a look-up touches one line): 1 MB of vertices and 1 MB of
    // edges per thread, several times the vertices and edges of the thousand or so parcels between
    // a parcel and its neighbours in the row above in a layer stored in spatial order.
    static constexpr int kBits = 14;
    static constexpr std::size_t kSlots = std::size_t(1) << kBits;

    struct alignas(64) VertexSlot {
        double x = kNaN, y = kNaN; // key in the layer CRS (NaN: empty, never equal)
        double lon = 0, lat = 0;
        std::int64_t pending = -1; // index into the misses of batch `batch` until transformed
        std::uint64_t batch = 0;
    };
    struct alignas(64) EdgeSlot {
        double x1 = kNaN, y1 = kNaN, x2 = kNaN, y2 = kNaN; // the vertex that sorts first, then the other
        double s12 = 0;
    };

    CoordinateTransform toGeographic;
    geod_geodesic g{};
    double area0 = 0;
    std::vector<VertexSlot> vertices = std::vector<VertexSlot>(kSlots);
    std::vector<EdgeSlot> edges = std::vector<EdgeSlot>(kSlots);
    std::size_t vertexHits = 0, edgeHits = 0;
    std::uint64_t batch = 0; // measure() calls so far; a slot left pending by a failed call is stale

    // Per batch: lon/lat of every vertex in visiting order, the index of the miss it waits for, and
    // the misses to transform.
    std::vector<double> lonLat;
    std::vector<std::int64_t> waitsFor;
    std::vector<double> misses;
    std::vector<std::uint64_t> hashes;
    std::vector<std::size_t> edgeSlots; // per batch vertex: the slot of the edge that starts there

    Impl(const Crs& crs, double a, double f)
      : toGeographic(crs, crs.geographic()) {
        geod_init(&g, a, f);
        area0 = 4 * 3.14159265358979323846 * g.c2;
    }

    static std::size_t slotOf(std::uint64_t h) { return std::size_t(h >> (64 - kBits)); }

    /// The table slot of the edge between batch vertices v1 and v2 (either direction).
    std::size_t edgeSlotOf(std::size_t v1, std::size_t v2, double x1, double y1, double x2, double y2) const {
        return sortsFirst(x1, y1, x2, y2) ? slotOf(mix(hashes[v1] * 3 + hashes[v2]))
                                          : slotOf(mix(hashes[v2] * 3 + hashes[v1]));
    }

    /// S12 of the edge from batch vertex v1 to v2, from table slot `at` or computed into it.
    double s12(std::size_t at, std::size_t v1, std::size_t v2, double x1, double y1, double x2, double y2) {
        const bool forward = sortsFirst(x1, y1, x2, y2);
        if (!forward) {
            std::swap(v1, v2);
            std::swap(x1, x2);
            std::swap(y1, y2);
        }
        EdgeSlot& slot = edges[at];
        if (slot.x1 == x1 && slot.y1 == y1 && slot.x2 == x2 && slot.y2 == y2) {
            ++edgeHits;
        } else {
            slot = { x1,
                     y1,
                     x2,
                     y2,
                     edgeS12(g, lonLat[2 * v1], lonLat[2 * v1 + 1], lonLat[2 * v2], lonLat[2 * v2 + 1]) };
        }
        return forward ? slot.s12 : -slot.s12;
    }
};

GeodesicAreas::GeodesicAreas(const Crs& layerCrs, double a, double f)
  : m_impl(std::make_unique<Impl>(layerCrs, a, f)) {}

GeodesicAreas::~GeodesicAreas() = default;

std::size_t GeodesicAreas::vertexHits() const {
    return m_impl->vertexHits;
}

std::size_t GeodesicAreas::edgeHits() const {
    return m_impl->edgeHits;
}

void GeodesicAreas::measure(const std::vector<const MultiPolygon*>& polygons, std::vector<double>& areasM2) {
    Impl& m = *m_impl;
    ++m.batch;
    // 1. Every vertex: from the table, or queued for one transformation call. The tables are larger
    // than a core's cache, so their slots for the whole batch are requested (prefetched) first and
    // looked at afterwards, instead of waiting for memory vertex after vertex.
    m.lonLat.clear();
    m.waitsFor.clear();
    m.misses.clear();
    m.hashes.clear();
    auto forEachRing = [&](auto&& fn) {
        std::size_t v0 = 0; // the batch index of the ring's first vertex
        for (std::size_t pi = 0; pi < polygons.size(); ++pi) {
            if (!polygons[pi])
                continue;
            for (const Polygon& p : polygons[pi]->parts)
                for (std::size_t ri = 0; ri < p.rings.size(); ++ri) {
                    const std::size_t n = openRingSize(p.rings[ri]);
                    fn(pi, ri, p.rings[ri], n, v0);
                    v0 += n;
                }
        }
    };
    forEachRing([&](std::size_t, std::size_t, const Ring& r, std::size_t n, std::size_t) {
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t h = vertexHash(r.x(i), r.y(i));
            m.hashes.push_back(h);
            __builtin_prefetch(&m.vertices[Impl::slotOf(h)]);
        }
    });
    forEachRing([&](std::size_t, std::size_t, const Ring& r, std::size_t n, std::size_t v0) {
        for (std::size_t i = 0; i < n; ++i) {
            const double x = r.x(i), y = r.y(i);
            Impl::VertexSlot& slot = m.vertices[Impl::slotOf(m.hashes[v0 + i])];
            if (slot.x == x && slot.y == y && (slot.pending < 0 || slot.batch == m.batch)) {
                ++m.vertexHits;
                if (slot.pending < 0) {
                    m.lonLat.push_back(slot.lon);
                    m.lonLat.push_back(slot.lat);
                    m.waitsFor.push_back(-1);
                    continue;
                }
                m.waitsFor.push_back(slot.pending); // queued earlier in this batch
            } else {
                const std::int64_t miss = std::int64_t(m.misses.size() / 2);
                m.misses.push_back(x);
                m.misses.push_back(y);
                slot = { x, y, 0, 0, miss, m.batch };
                m.waitsFor.push_back(miss);
            }
            m.lonLat.push_back(kNaN);
            m.lonLat.push_back(kNaN);
        }
    });
    // 2. The misses in one call; every slot still holding a miss of this batch gets its lon/lat.
    std::vector<double> layerXy = m.misses;
    m.toGeographic.transform(m.misses);
    for (std::size_t k = 0; k < m.misses.size() / 2; ++k) {
        const double x = layerXy[2 * k], y = layerXy[2 * k + 1];
        Impl::VertexSlot& slot = m.vertices[Impl::slotOf(vertexHash(x, y))];
        if (slot.x == x && slot.y == y && slot.batch == m.batch && slot.pending == std::int64_t(k)) {
            slot.lon = m.misses[2 * k];
            slot.lat = m.misses[2 * k + 1];
            slot.pending = -1;
        }
    }
    for (std::size_t v = 0; v < m.waitsFor.size(); ++v)
        if (m.waitsFor[v] >= 0) {
            m.lonLat[2 * v] = m.misses[2 * std::size_t(m.waitsFor[v])];
            m.lonLat[2 * v + 1] = m.misses[2 * std::size_t(m.waitsFor[v]) + 1];
        }
    // 3. Ring by ring: S12 of every edge, from the table or computed (the slots again requested
    // first).
    m.edgeSlots.resize(m.hashes.size());
    forEachRing([&](std::size_t, std::size_t, const Ring& r, std::size_t n, std::size_t v0) {
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t j = i + 1 == n ? 0 : i + 1;
            m.edgeSlots[v0 + i] = m.edgeSlotOf(v0 + i, v0 + j, r.x(i), r.y(i), r.x(j), r.y(j));
            __builtin_prefetch(&m.edges[m.edgeSlots[v0 + i]]);
        }
    });
    areasM2.assign(polygons.size(), 0.0);
    forEachRing([&](std::size_t pi, std::size_t ri, const Ring& r, std::size_t n, std::size_t v0) {
        if (n < 3)
            return;
        const double area = ringAreaM2(
          n,
          [&](std::size_t i, std::size_t j) {
              return m.s12(m.edgeSlots[v0 + i], v0 + i, v0 + j, r.x(i), r.y(i), r.x(j), r.y(j));
          },
          [&](std::size_t i) { return m.lonLat[2 * (v0 + i)]; },
          m.area0);
        areasM2[pi] += ri == 0 ? area : -area;
    });
}

double lonLatAreaM2(const MultiPolygon& lonLat, double a, double f) {
    // geod_init's set-up (series coefficients of the ellipsoid) is kept per thread for the last
    // ellipsoid seen.
    thread_local struct {
        double a = 0, f = 0;
        bool ready = false;
        geod_geodesic g;
    } cache;
    if (!cache.ready || cache.a != a || cache.f != f) {
        geod_init(&cache.g, a, f);
        cache.a = a;
        cache.f = f;
        cache.ready = true;
    }
    const geod_geodesic& g = cache.g;
    const double area0 = 4 * 3.14159265358979323846 * g.c2;
    double total = 0.0;
    for (const Polygon& p : lonLat.parts)
        for (std::size_t ri = 0; ri < p.rings.size(); ++ri) {
            const Ring& r = p.rings[ri];
            const std::size_t n = openRingSize(r);
            if (n < 3)
                continue;
            const double area = ringAreaM2(
              n,
              [&](std::size_t i, std::size_t j) {
                  const bool forward = sortsFirst(r.x(i), r.y(i), r.x(j), r.y(j));
                  const std::size_t u = forward ? i : j, w = forward ? j : i;
                  const double s12 = edgeS12(g, r.x(u), r.y(u), r.x(w), r.y(w));
                  return forward ? s12 : -s12;
              },
              [&](std::size_t i) { return r.x(i); },
              area0);
            total += ri == 0 ? area : -area;
        }
    return total;
}

} // namespace tanhui::gis::detail
