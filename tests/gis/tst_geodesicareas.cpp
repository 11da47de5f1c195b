// SPDX-License-Identifier: GPL-3.0-or-later
// Ellipsoidal areas from per-edge S12 (gis/private/GeodesicAreas.h): against PROJ's own
// geod_polygonarea on rings of every kind, and the per-thread memory of shared vertices and edges
// (same bits whatever was measured before, in any batching).
#include "gis/Crs.h"
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/private/GeodesicAreas.h"

#include <QtTest>

#include <geodesic.h>

#include <cmath>
#include <random>

using namespace tanhui::gis;

namespace {

constexpr double kWgs84A = 6378137.0;
constexpr double kWgs84F = 1.0 / 298.257223563;
// CGCS2000, the ellipsoid of the Guangzhou layers (EPSG:4547).
constexpr double kCgcsA = 6378137.0;
constexpr double kCgcsF = 1.0 / 298.257222101;

MultiPolygon single(std::vector<double> xy) {
    MultiPolygon mp;
    mp.parts.resize(1);
    mp.parts[0].rings.resize(1);
    mp.parts[0].rings[0].xy = std::move(xy);
    return mp;
}

/// |geod_polygonarea| of a lon/lat ring, the reference.
double projRingArea(const Ring& r, double a, double f) {
    geod_geodesic g;
    geod_init(&g, a, f);
    std::vector<double> lats, lons;
    for (std::size_t i = 0; i < r.size(); ++i) {
        lons.push_back(r.x(i));
        lats.push_back(r.y(i));
    }
    double area = 0, perimeter = 0;
    geod_polygonarea(&g, lats.data(), lons.data(), int(r.size()), &area, &perimeter);
    return std::abs(area);
}

/// Agreement of two ways of summing the same S12 values: their order differs, and each S12 is up
/// to ~1e10 m² for a parcel of ~1e4 m², so the difference is rounding of the large terms.
bool close(double x, double y) {
    return std::abs(x - y) <= std::max(1e-9 * std::abs(y), 1e-3);
}

/// A grid of `n` × `n` squares of `side` m in EPSG:4547 with corner (x0, y0), row by row; neighbours
/// share vertices and edges (walked in opposite directions).
std::vector<MultiPolygon> squareGrid(int n, double side, double x0, double y0) {
    std::vector<MultiPolygon> out;
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            const double x = x0 + c * side, y = y0 + r * side;
            out.push_back(single({ x, y, x + side, y, x + side, y + side, x, y + side }));
        }
    return out;
}

} // namespace

class TestGeodesicAreas : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { initializeGdal(); }

    /// detail::lonLatAreaM2 (behind ellipsoidalAreaM2) agrees with geod_polygonarea on parcels, large
    /// rings, both orientations, rings across the prime meridian and the antimeridian, and rings
    /// around either pole.
    void lonLatAreaAgainstPolygonArea_data() {
        QTest::addColumn<std::vector<double>>("xy");
        QTest::newRow("7 ha parcel, Guangzhou")
          << std::vector<double>{ 113.3, 23.1, 113.3027, 23.1003, 113.3031, 23.1027, 113.3001, 23.1024 };
        QTest::newRow("same, clockwise")
          << std::vector<double>{ 113.3001, 23.1024, 113.3031, 23.1027, 113.3027, 23.1003, 113.3, 23.1 };
        QTest::newRow("closing vertex repeated")
          << std::vector<double>{ 113.3, 23.1, 113.31, 23.1, 113.31, 23.11, 113.3, 23.1 };
        QTest::newRow("one degree") << std::vector<double>{ 0, 0, 1, 0, 1, 1, 0, 1 };
        QTest::newRow("across prime meridian") << std::vector<double>{ -0.5, 51, 0.5, 51, 0.5, 52, -0.5, 52 };
        QTest::newRow("across antimeridian")
          << std::vector<double>{ 179.5, -17, -179.5, -17, -179.5, -16, 179.5, -16 };
        QTest::newRow("across antimeridian, 0..360")
          << std::vector<double>{ 179.5, -17, 180.5, -17, 180.5, -16, 179.5, -16 };
        QTest::newRow("continent") << std::vector<double>{ 75, 20, 135, 20, 135, 50, 75, 50 };
        QTest::newRow("around the north pole") << std::vector<double>{ 0, 80, 90, 80, 180, 80, -90, 80 };
        QTest::newRow("around the south pole, clockwise")
          << std::vector<double>{ 0, -70, -120, -70, 120, -70 };
        QTest::newRow("sliver") << std::vector<double>{ 10, 10, 10.000001, 10, 10.000001, 10.0000001 };
    }
    void lonLatAreaAgainstPolygonArea() {
        QFETCH(std::vector<double>, xy);
        const MultiPolygon mp = single(xy);
        for (const auto& [a, f] : { std::pair{ kWgs84A, kWgs84F }, std::pair{ kCgcsA, kCgcsF } }) {
            const double ours = detail::lonLatAreaM2(mp, a, f);
            const double proj = projRingArea(mp.parts[0].rings[0], a, f);
            QVERIFY2(close(ours, proj),
                     qPrintable(QStringLiteral("%1 vs %2").arg(ours, 0, 'f', 6).arg(proj, 0, 'f', 6)));
            QVERIFY(ours > 0);
            QCOMPARE(ellipsoidalAreaM2(mp, a, f), ours);
        }
    }

    /// Random small quadrilaterals all over the globe, against geod_polygonarea.
    void lonLatAreaRandomParcels() {
        std::mt19937_64 rng(7);
        std::uniform_real_distribution<double> lon(-180, 180), lat(-85, 85), d(-0.01, 0.01);
        for (int k = 0; k < 2000; ++k) {
            const double x = lon(rng), y = lat(rng);
            const MultiPolygon mp = single({ x,
                                             y,
                                             x + 0.01 + d(rng) / 2,
                                             y + d(rng) / 4,
                                             x + 0.01 + d(rng) / 2,
                                             y + 0.01 + d(rng) / 2,
                                             x + d(rng) / 4,
                                             y + 0.01 });
            const double ours = detail::lonLatAreaM2(mp, kWgs84A, kWgs84F);
            const double proj = projRingArea(mp.parts[0].rings[0], kWgs84A, kWgs84F);
            QVERIFY2(close(ours, proj),
                     qPrintable(QStringLiteral("parcel %1 at (%2, %3): %4 vs %5")
                                  .arg(k)
                                  .arg(x)
                                  .arg(y)
                                  .arg(ours, 0, 'f', 6)
                                  .arg(proj, 0, 'f', 6)));
        }
    }

    /// Holes subtract and parts add.
    void holesAndParts() {
        MultiPolygon mp = single({ 10, 40, 12, 40, 12, 42, 10, 42 });
        const MultiPolygon hole = single({ 10.5, 40.5, 11, 40.5, 11, 41, 10.5, 41 });
        mp.parts[0].rings.push_back(hole.parts[0].rings[0]);
        const double outer =
          projRingArea(single({ 10, 40, 12, 40, 12, 42, 10, 42 }).parts[0].rings[0], kWgs84A, kWgs84F);
        const double inner = projRingArea(hole.parts[0].rings[0], kWgs84A, kWgs84F);
        QVERIFY(close(detail::lonLatAreaM2(mp, kWgs84A, kWgs84F), outer - inner));
        mp.parts.push_back(hole.parts[0]);
        QVERIFY(close(detail::lonLatAreaM2(mp, kWgs84A, kWgs84F), outer));
    }

    /// GeodesicAreas on projected parcels: each area equals the area of the parcel's vertices taken to
    /// lon/lat, shared vertices and edges are found in the tables, and the bits do not depend on the
    /// batching or on the order in which parcels were measured.
    void projectedGridRemembersSharedEdges() {
        const Crs gk = Crs::fromEpsg(4547);
        const std::vector<MultiPolygon> grid = squareGrid(30, 270.0, 400000, 2560000);
        std::vector<const MultiPolygon*> all;
        for (const MultiPolygon& mp : grid)
            all.push_back(&mp);

        detail::GeodesicAreas together(gk, kCgcsA, kCgcsF);
        std::vector<double> areas;
        together.measure(all, areas);
        QCOMPARE(areas.size(), grid.size());
        // 31 × 31 vertices, each a corner of up to four squares, and 2 × 30 × 31 edges, the inner
        // ones shared by two squares: all but the first visit of each could be found; the tables are
        // direct-mapped, so a few are lost to collisions.
        const std::size_t sharedVertices = 4u * 900u - 31u * 31u, sharedEdges = 4u * 900u - 2u * 30u * 31u;
        QVERIFY2(together.vertexHits() <= sharedVertices &&
                   together.vertexHits() >= sharedVertices * 95 / 100,
                 qPrintable(QString::number(together.vertexHits())));
        QVERIFY2(together.edgeHits() <= sharedEdges && together.edgeHits() >= sharedEdges * 95 / 100,
                 qPrintable(QString::number(together.edgeHits())));

        CoordinateTransform toLonLat(gk, gk.geographic());
        for (std::size_t i = 0; i < grid.size(); ++i) {
            MultiPolygon lonLat = grid[i];
            toLonLat.transform(lonLat);
            QVERIFY2(close(areas[i], detail::lonLatAreaM2(lonLat, kCgcsA, kCgcsF)),
                     qPrintable(QString::number(i)));
            QVERIFY(std::abs(areas[i] - 270.0 * 270.0) < 0.01 * 270.0 * 270.0); // GK scale near CM ~1
        }

        // One at a time, in reverse order, in batches of 7 with null entries: the same bits.
        detail::GeodesicAreas single(gk, kCgcsA, kCgcsF);
        for (std::size_t k = grid.size(); k-- > 0;) {
            std::vector<double> one;
            single.measure({ &grid[k] }, one);
            QCOMPARE(one.size(), 1u);
            QVERIFY2(one[0] == areas[k], qPrintable(QString::number(k)));
        }
        detail::GeodesicAreas batched(gk, kCgcsA, kCgcsF);
        for (std::size_t b = 0; b < grid.size(); b += 7) {
            std::vector<const MultiPolygon*> batch{ nullptr };
            for (std::size_t k = b; k < std::min(grid.size(), b + 7); ++k)
                batch.push_back(&grid[k]);
            std::vector<double> got;
            batched.measure(batch, got);
            QCOMPARE(got.front(), 0.0);
            for (std::size_t k = b; k < std::min(grid.size(), b + 7); ++k)
                QVERIFY2(got[k - b + 1] == areas[k], qPrintable(QString::number(k)));
        }
    }

    /// A vertex that cannot be transformed fails the call with GisError(Crs); the object keeps
    /// working, and what that call left half-done is not used later.
    void failedTransformLeavesNothingStale() {
        const Crs utm = Crs::fromEpsg(32650);
        detail::GeodesicAreas areas(utm, kWgs84A, kWgs84F);
        const MultiPolygon good =
          single({ 500000, 2500000, 500300, 2500000, 500300, 2500300, 500000, 2500300 });
        const MultiPolygon bad = single({ 500000, 2500000, 500300, 2500000, 1e30, 1e30, 500000, 2500300 });
        std::vector<double> out;
        QVERIFY_THROWS_EXCEPTION(GisError, areas.measure({ &good, &bad }, out));
        std::vector<double> after;
        areas.measure({ &good }, after);
        detail::GeodesicAreas fresh(utm, kWgs84A, kWgs84F);
        std::vector<double> expected;
        fresh.measure({ &good }, expected);
        QCOMPARE(after.size(), 1u);
        QVERIFY(after[0] == expected[0]);
        QVERIFY(std::abs(expected[0] - 90000.0) < 0.01 * 90000.0);
    }
};

QTEST_GUILESS_MAIN(TestGeodesicAreas)
#include "tst_geodesicareas.moc"
