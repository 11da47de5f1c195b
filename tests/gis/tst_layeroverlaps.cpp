// SPDX-License-Identifier: GPL-3.0-or-later
// The ledger of overlapping parcel layers (gis/LayerOverlaps.h): three layers of squares in a projected
// CRS (UTM 50N, EPSG:32650) overlapping by known areas; accounted areas, pair overlaps and the union
// against hand-computed values, and a changed precedence.
#include "gis/Crs.h"
#include "gis/Gdal.h"
#include "gis/LayerOverlaps.h"
#include "gis/private/GeodesicAreas.h"

#include <QtTest>

using namespace tanhui::gis;

namespace {

constexpr double kX0 = 500000, kY0 = 2560000; // near Guangzhou, on the central meridian

/// An axis-aligned rectangle [x1, x2] × [y1, y2] in metres from (kX0, kY0).
MultiPolygon rect(double x1, double y1, double x2, double y2) {
    MultiPolygon mp;
    mp.parts.resize(1);
    mp.parts[0].rings.resize(1);
    mp.parts[0].rings[0].xy = {
        kX0 + x1, kY0 + y1, kX0 + x2, kY0 + y1, kX0 + x2, kY0 + y2, kX0 + x1, kY0 + y2
    };
    return mp;
}

} // namespace

class TstLayerOverlaps : public QObject {
    Q_OBJECT

    Crs m_crs;
    // A: one 100 × 100 m square (1 ha). B: B1 [50,150] × [0,100] (half on A), B2 [200,300] × [0,100].
    // C: a strip [0,300] × [50,100] (1.5 ha): 0.5 ha under A, 0.5 under B1 (0.25 of it also under A),
    // 0.5 under B2.
    std::vector<MultiPolygon> m_a, m_b, m_c;

    double geodesic(const MultiPolygon& mp) {
        detail::GeodesicAreas g(m_crs, m_crs.semiMajorMetres(), m_crs.flattening());
        std::vector<double> out;
        g.measure({ &mp }, out);
        return out[0];
    }
    OverlapLayer layer(const std::vector<MultiPolygon>& parcels) {
        OverlapLayer l;
        for (const MultiPolygon& p : parcels) {
            l.geometries.push_back(&p);
            l.ellipsoidalAreasM2.push_back(geodesic(p));
        }
        return l;
    }

private slots:
    void initTestCase() {
        initializeGdal();
        m_crs = Crs::fromEpsg(32650);
        m_a = { rect(0, 0, 100, 100) };
        m_b = { rect(50, 0, 150, 100), rect(200, 0, 300, 100) };
        m_c = { rect(0, 50, 300, 100) };
    }

    void accountedAreasFollowPrecedence() {
        const AccountedAreas r = accountedAreas({ layer(m_a), layer(m_b), layer(m_c) }, m_crs);
        QCOMPARE(r.accountedM2.size(), std::size_t(3));
        // A is first: its full area, bit for bit; so is B2, which nothing above overlaps.
        QCOMPARE(r.accountedM2[0][0], geodesic(m_a[0]));
        QCOMPARE(r.accountedM2[1][1], geodesic(m_b[1]));
        // B1 keeps [100,150] × [0,100] (0.5 ha); C keeps [150,200] × [50,100] (0.25 ha).
        QVERIFY(qAbs(r.accountedM2[1][0] - geodesic(rect(100, 0, 150, 100))) < 1e-6);
        QVERIFY(qAbs(r.accountedM2[2][0] - geodesic(rect(150, 50, 200, 100))) < 1e-6);
        // Hand check in plain metres (UTM scale 0.9996 on the central meridian: areas +0.08 %).
        QVERIFY(qAbs(r.accountedM2[1][0] / 5000.0 - 1) < 2e-3);
        QVERIFY(qAbs(r.accountedM2[2][0] / 2500.0 - 1) < 2e-3);
        // Pairs: A∩B 0.5 ha, A∩C 0.5 ha, B∩C 1.0 ha.
        QCOMPARE(r.pairs.size(), std::size_t(3));
        QCOMPARE(r.pairs[0].higher, std::size_t(0));
        QCOMPARE(r.pairs[0].lower, std::size_t(1));
        QVERIFY(qAbs(r.pairs[0].areaM2 / 5000.0 - 1) < 2e-3);
        QCOMPARE(r.pairs[1].lower, std::size_t(2));
        QVERIFY(qAbs(r.pairs[1].areaM2 / 5000.0 - 1) < 2e-3);
        QCOMPARE(r.pairs[2].higher, std::size_t(1));
        QVERIFY(qAbs(r.pairs[2].areaM2 / 10000.0 - 1) < 2e-3);
        // Union: [0,150] × [0,100] + [200,300] × [0,100] + [150,200] × [50,100] = 2.75 ha; the layers
        // sum to 1 + 2 + 1.5 = 4.5 ha.
        QVERIFY(qAbs(r.unionM2 / 27500.0 - 1) < 2e-3);
        QVERIFY(qAbs(r.summedM2 / 45000.0 - 1) < 2e-3);
        QVERIFY(qAbs(r.unionM2 - (geodesic(rect(0, 0, 150, 100)) + geodesic(rect(200, 0, 300, 100)) +
                                  geodesic(rect(150, 50, 200, 100)))) < 1e-5);
    }

    void changedPrecedence() {
        // C first, then B, then A: C keeps 1.5 ha; B1 keeps [50,150] × [0,50], B2 [200,300] × [0,50];
        // A keeps [0,50] × [0,50] (B1 covers [50,100] × [0,50]).
        const AccountedAreas r = accountedAreas({ layer(m_c), layer(m_b), layer(m_a) }, m_crs);
        QCOMPARE(r.accountedM2[0][0], geodesic(m_c[0]));
        QVERIFY(qAbs(r.accountedM2[1][0] / 5000.0 - 1) < 2e-3);
        QVERIFY(qAbs(r.accountedM2[1][1] / 5000.0 - 1) < 2e-3);
        QVERIFY(qAbs(r.accountedM2[2][0] / 2500.0 - 1) < 2e-3);
        // The union does not depend on the order.
        QVERIFY(qAbs(r.unionM2 / 27500.0 - 1) < 2e-3);
        // Pairs (C,B) 1.0 ha, (C,A) 0.5 ha, (B,A) 0.5 ha.
        QVERIFY(qAbs(r.pairs[0].areaM2 / 10000.0 - 1) < 2e-3);
        QVERIFY(qAbs(r.pairs[1].areaM2 / 5000.0 - 1) < 2e-3);
        QVERIFY(qAbs(r.pairs[2].areaM2 / 5000.0 - 1) < 2e-3);
    }

    void touchingIsNoOverlap() {
        // Squares sharing an edge only: nothing removed, full areas kept exactly.
        const std::vector<MultiPolygon> left = { rect(0, 0, 100, 100) }, right = { rect(100, 0, 200, 100) };
        const AccountedAreas r = accountedAreas({ layer(left), layer(right) }, m_crs);
        QCOMPARE(r.accountedM2[1][0], geodesic(right[0]));
        QCOMPARE(r.pairs[0].areaM2, 0.0);
        QCOMPARE(r.unionM2, r.summedM2);
    }

    void oneLayer() {
        const AccountedAreas r = accountedAreas({ layer(m_b) }, m_crs);
        QVERIFY(r.pairs.empty());
        QCOMPARE(r.unionM2, r.summedM2);
    }
};

QTEST_GUILESS_MAIN(TstLayerOverlaps)
#include "tst_layeroverlaps.moc"
