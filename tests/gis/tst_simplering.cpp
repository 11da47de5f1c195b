// SPDX-License-Identifier: GPL-3.0-or-later
// The exact simplicity test that lets ParcelReader skip GEOSisValid (gis/private/SimpleRing.h): every
// ring it accepts must be valid for GEOS, and it must accept ordinary parcels.
#include "gis/private/SimpleRing.h"

#include <QtTest>

#include <geos_c.h>

#include <cmath>
#include <cstdint>
#include <vector>

using tanhui::gis::detail::certifiedOrientation;
using tanhui::gis::detail::isCertainlySimpleRing;

namespace {

/// splitmix64: a tiny deterministic generator for the random rings.
struct Random {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    int below(int n) { return int(next() % std::uint64_t(n)); }
};

class Geos {
public:
    Geos()
      : m_ctx(GEOS_init_r()) {}
    ~Geos() { GEOS_finish_r(m_ctx); }
    /// GEOSisValid of the polygon with the (open) ring xy as its shell.
    bool valid(const std::vector<double>& xy) const {
        const unsigned n = unsigned(xy.size() / 2);
        GEOSCoordSequence* seq = GEOSCoordSeq_create_r(m_ctx, n + 1, 2);
        for (unsigned i = 0; i <= n; ++i) {
            GEOSCoordSeq_setX_r(m_ctx, seq, i, xy[2 * (i % n)]);
            GEOSCoordSeq_setY_r(m_ctx, seq, i, xy[2 * (i % n) + 1]);
        }
        GEOSGeometry* shell = GEOSGeom_createLinearRing_r(m_ctx, seq);
        GEOSGeometry* polygon = GEOSGeom_createPolygon_r(m_ctx, shell, nullptr, 0);
        const bool ok = GEOSisValid_r(m_ctx, polygon) == 1;
        GEOSGeom_destroy_r(m_ctx, polygon);
        return ok;
    }

private:
    GEOSContextHandle_t m_ctx;
};

bool simple(const std::vector<double>& xy) {
    return isCertainlySimpleRing(xy.data(), xy.size() / 2);
}

} // namespace

class TestSimpleRing : public QObject {
    Q_OBJECT
private slots:
    void orientation() {
        QCOMPARE(certifiedOrientation(0, 0, 1, 0, 0, 1), 1);
        QCOMPARE(certifiedOrientation(0, 0, 0, 1, 1, 0), -1);
        QCOMPARE(certifiedOrientation(0, 0, 1, 1, 2, 2), 0);
        // Nearly collinear, within the rounding error of the determinant: not certified.
        QCOMPARE(certifiedOrientation(0.5, 0.5, 12, 12, 24, 24.000000000000004), 0);
        // Nearly collinear but beyond the error bound: certified.
        QCOMPARE(certifiedOrientation(0, 0, 1, 1, 2, 2.000001), 1);
        QCOMPARE(certifiedOrientation(0.1, 0.1, 0.3, 0.3, 0.7, 0.7), 0);
    }

    void knownRings() {
        // Accepted: squares in either orientation, a convex hexagon in projected metres (1 mm grid),
        // a concave (L-shaped) ring, a triangle.
        QVERIFY(simple({ 0, 0, 1, 0, 1, 1, 0, 1 }));
        QVERIFY(simple({ 0, 0, 0, 1, 1, 1, 1, 0 }));
        QVERIFY(simple({ 432101.123,
                         2571000.456,
                         432300.001,
                         2571050.002,
                         432350.5,
                         2571250.25,
                         432200.75,
                         2571400.0,
                         432050.0,
                         2571300.5,
                         432020.0,
                         2571120.0 }));
        QVERIFY(simple({ 0, 0, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2 }));
        QVERIFY(simple({ 0, 0, 1, 0, 0, 1 }));
        // Rejected (not proven): bow tie, repeated vertex, a vertex touching another edge, a spike
        // (edge folding back), collinear consecutive edges, too few vertices, non-finite values.
        QVERIFY(!simple({ 0, 0, 1, 1, 1, 0, 0, 1 }));
        QVERIFY(!simple({ 0, 0, 1, 0, 1, 0, 1, 1, 0, 1 }));
        QVERIFY(!simple({ 0, 0, 2, 0, 2, 2, 1, 0, 0, 2 }));
        QVERIFY(!simple({ 0, 0, 2, 0, 1, 0, 1, 1 }));
        QVERIFY(!simple({ 0, 0, 1, 0, 2, 0, 2, 1, 0, 1 }));
        QVERIFY(!simple({ 0, 0, 1, 0 }));
        QVERIFY(!simple({ 0, 0, 1, 0, std::nan(""), 1 }));
        QVERIFY(!simple({ 0, 0, 1, 0, HUGE_VAL, 1 }));
        // GEOS agrees on the rejected invalid ones.
        Geos geos;
        QVERIFY(!geos.valid({ 0, 0, 1, 1, 1, 0, 0, 1 }));
        QVERIFY(!geos.valid({ 0, 0, 2, 0, 2, 2, 1, 0, 0, 2 }));
    }

    /// Random rings, many of them degenerate (small integer grid: collinear points, touching vertices,
    /// repeated points, crossings): whatever the test accepts, GEOS must find valid.
    void acceptedRingsAreValidForGeos() {
        Geos geos;
        Random rnd{ 42 };
        int accepted = 0, geosValid = 0;
        for (int trial = 0; trial < 20000; ++trial) {
            const int n = 3 + rnd.below(6);
            const bool grid = trial % 2 == 0;
            std::vector<double> xy;
            for (int i = 0; i < n; ++i) {
                xy.push_back(grid ? rnd.below(4) : 1e6 + rnd.uniform());
                xy.push_back(grid ? rnd.below(4) : 3e6 + rnd.uniform());
            }
            const bool valid = geos.valid(xy);
            geosValid += valid;
            if (simple(xy)) {
                ++accepted;
                QVERIFY2(valid,
                         qPrintable(QStringLiteral("trial %1 accepted but invalid for GEOS").arg(trial)));
            }
        }
        // Most valid random rings are recognised (the rest are near-degenerate grid cases).
        QVERIFY2(accepted > geosValid / 2,
                 qPrintable(QStringLiteral("accepted %1 of %2 valid rings").arg(accepted).arg(geosValid)));
    }

    /// Convex polygons (random angles around a centre, as Voronoi parcels are) are always accepted.
    void convexRingsAreAccepted() {
        Random rnd{ 7 };
        for (int trial = 0; trial < 2000; ++trial) {
            const int n = 3 + rnd.below(10);
            std::vector<double> angles;
            for (int i = 0; i < n; ++i)
                angles.push_back(2 * M_PI * (i + 0.1 + 0.8 * rnd.uniform()) / n);
            std::vector<double> xy;
            for (double a : angles) {
                xy.push_back(std::round((400000.0 + 150.0 * std::cos(a)) * 1000.0) / 1000.0);
                xy.push_back(std::round((2600000.0 + 150.0 * std::sin(a)) * 1000.0) / 1000.0);
            }
            QVERIFY2(simple(xy), qPrintable(QStringLiteral("convex trial %1 not accepted").arg(trial)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSimpleRing)
#include "tst_simplering.moc"
