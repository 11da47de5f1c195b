// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/Crs.h"
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/Grid.h"

#include <QtTest>

#include <cmath>

using namespace tanhui::gis;

namespace {

constexpr double kWgs84A = 6378137.0;
constexpr double kWgs84F = 1.0 / 298.257223563;
constexpr double kPi = 3.14159265358979323846;

MultiPolygon lonLatBox(double lon0, double lat0, double lon1, double lat1) {
    Ring r;
    r.xy = { lon0, lat0, lon1, lat0, lon1, lat1, lon0, lat1, lon0, lat0 };
    Polygon p;
    p.rings.push_back(r);
    MultiPolygon mp;
    mp.parts.push_back(p);
    return mp;
}

/// Independent check of the zone formula: Simpson integration of the ellipsoid's area element
/// dA = a²(1 − e²) cosφ / (1 − e² sin²φ)² dφ dλ.
double numericCellArea(double lat1Deg, double lat2Deg, double dLonDeg, double a, double f) {
    const double e2 = f * (2 - f);
    const auto g = [&](double phi) {
        const double s = std::sin(phi);
        const double w = 1 - e2 * s * s;
        return a * a * (1 - e2) * std::cos(phi) / (w * w);
    };
    const int n = 20000; // even
    const double p1 = lat1Deg * kPi / 180, p2 = lat2Deg * kPi / 180;
    const double h = (p2 - p1) / n;
    double sum = g(p1) + g(p2);
    for (int i = 1; i < n; ++i)
        sum += g(p1 + i * h) * ((i % 2) ? 4 : 2);
    return std::abs(sum * h / 3 * dLonDeg * kPi / 180);
}

} // namespace

class TestCrs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { initializeGdal(); }

    void version() { QVERIFY(gdalVersion().rfind("3.", 0) == 0); }

    void cgcs2000GaussKruger() {
        const Crs crs = Crs::fromUserInput("EPSG:4547");
        QVERIFY(crs.isValid());
        QVERIFY(!crs.isGeographic());
        QVERIFY2(crs.name().find("CGCS2000") != std::string::npos, crs.name().c_str());
        QVERIFY2(crs.name().find("114E") != std::string::npos, crs.name().c_str());
        QCOMPARE(crs.authorityId(), std::string("EPSG:4547"));
        QCOMPARE(crs.semiMajorMetres(), 6378137.0);
        QVERIFY(std::abs(1.0 / crs.flattening() - 298.257222101) < 1e-6);
        QCOMPARE(crs.linearUnitMetres(), 1.0);
        const Crs geog = crs.geographic();
        QVERIFY(geog.isGeographic());
        QCOMPARE(geog.linearUnitMetres(), 0.0);
        QVERIFY(!geog.name().empty()); // GDAL 3.6: "China Geodetic Coordinate System 2000"
        QCOMPARE(geog.authorityId(), std::string("EPSG:4490"));
        QVERIFY(geog.isSame(Crs::fromEpsg(4490)));
        QVERIFY(!crs.wkt().empty());
    }

    void copySemantics() {
        Crs a = Crs::fromEpsg(4326);
        Crs b = a;
        Crs c;
        QVERIFY(!c.isValid());
        c = b;
        QVERIFY(c.isValid());
        QVERIFY(c.isSame(a));
        QVERIFY(c.nativeHandle() != nullptr);
        QVERIFY(Crs().nativeHandle() == nullptr);
    }

    void transformAxisOrder() {
        const Crs wgs = Crs::fromEpsg(4326);
        const Crs gk = Crs::fromEpsg(4547);
        CoordinateTransform toGk(wgs, gk);
        QVERIFY(!toGk.isIdentity());
        std::vector<double> xy{ 114.0, 23.0 };
        toGk.transform(xy);
        QVERIFY2(std::abs(xy[0] - 500000.0) < 1.0, qPrintable(QString::number(xy[0], 'f', 3)));
        QVERIFY(xy[1] > 2.5e6 && xy[1] < 2.6e6);
        // Back: x = longitude, y = latitude (traditional GIS order), not EPSG's lat, lon.
        CoordinateTransform back(gk, wgs);
        back.transform(xy);
        QVERIFY(std::abs(xy[0] - 114.0) < 1e-7);
        QVERIFY(std::abs(xy[1] - 23.0) < 1e-7);

        MultiPolygon mp = lonLatBox(113.9, 22.9, 114.1, 23.1);
        toGk.transform(mp);
        QVERIFY(std::abs(mp.bounds().xmin - 500000.0) < 11000);
        QVERIFY(mp.planarArea() > 4e8 && mp.planarArea() < 5e8);
    }

    void transformIdentity() {
        CoordinateTransform t(Crs::fromEpsg(4326), Crs::fromUserInput("EPSG:4326"));
        QVERIFY(t.isIdentity());
        std::vector<double> xy{ 1.5, 2.5 };
        t.transform(xy);
        QCOMPARE(xy[0], 1.5);
        QCOMPARE(xy[1], 2.5);
    }

    void isSame() {
        const Crs a = Crs::fromEpsg(32618);
        const Crs b = Crs::fromUserInput("+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs");
        QVERIFY(a.isSame(b));
        QVERIFY(!a.isSame(Crs::fromEpsg(32619)));
        QVERIFY(!a.isSame(Crs()));
        QVERIFY(Crs().isSame(Crs()));
        const Crs fromWkt = Crs::fromWkt(a.wkt());
        QVERIFY(fromWkt.isSame(a));
        QCOMPARE(fromWkt.authorityId(), std::string("EPSG:32618"));

        // EPSG:4547 (northing, easting) and the same CRS with easting, northing axes (as an ESRI .prj
        // describes it) are the same CRS for Tanhui, which normalises axis order.
        const Crs gk = Crs::fromEpsg(4547);
        const Crs gkFromEsri = Crs::fromWkt(
          "PROJCS[\"CGCS2000_3_Degree_GK_CM_114E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
          "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
          "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\","
          "500000.0],"
          "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",114.0],PARAMETER[\"Scale_"
          "Factor\",1.0],"
          "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
        QVERIFY(gk.isSame(gkFromEsri));
        QVERIFY(gkFromEsri.isSame(gk));
        // Same projection on another datum (WGS 84, not CGCS2000) is a different CRS.
        const Crs wgsTm = Crs::fromUserInput(
          "+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs");
        QVERIFY(!gk.isSame(wgsTm));
        // Another central meridian is a different CRS.
        QVERIFY(!gk.isSame(Crs::fromEpsg(4548)));
    }

    void invalidInput() {
        for (const char* bad : { "EPSG:999999", "not a crs at all", "" }) {
            try {
                Crs::fromUserInput(bad);
                QFAIL(qPrintable(QStringLiteral("no exception for \"%1\"").arg(bad)));
            } catch (const GisError& e) {
                QCOMPARE(e.kind(), GisError::Kind::Crs);
                if (*bad)
                    QVERIFY2(std::string(e.what()).find(bad) != std::string::npos, e.what());
            }
        }
        QVERIFY_THROWS_EXCEPTION(GisError, Crs::fromEpsg(-5));
        QVERIFY_THROWS_EXCEPTION(GisError, Crs::fromWkt("GEOGCS[nonsense"));
        QVERIFY_THROWS_EXCEPTION(GisError, CoordinateTransform(Crs(), Crs::fromEpsg(4326)));
    }

    void transformFailureThrows() {
        CoordinateTransform t(Crs::fromEpsg(4326), Crs::fromEpsg(3857));
        std::vector<double> xy{ 0.0, 95.0 }; // beyond the pole
        QVERIFY_THROWS_EXCEPTION(GisError, t.transform(xy));
    }

    void ellipsoidalAreaOneDegree() {
        const MultiPolygon cell = lonLatBox(0, 0, 1, 1);
        const double geodesic = ellipsoidalAreaM2(cell, kWgs84A, kWgs84F);
        QVERIFY2(std::abs(geodesic - 12308778361.0) < 1e3, qPrintable(QString::number(geodesic, 'f', 1)));
        // Orientation does not matter.
        MultiPolygon reversed = cell;
        std::vector<double>& xy = reversed.parts[0].rings[0].xy;
        std::vector<double> rev;
        for (std::size_t i = xy.size(); i >= 2; i -= 2) {
            rev.push_back(xy[i - 2]);
            rev.push_back(xy[i - 1]);
        }
        xy = rev;
        QCOMPARE(ellipsoidalAreaM2(reversed, kWgs84A, kWgs84F), geodesic);
        // Parallel-edged cell: very close, but not identical (the top edge is no geodesic).
        const double zone = geographicCellAreaM2(0, 1, 1, kWgs84A, kWgs84F);
        QVERIFY(std::abs(zone - geodesic) / geodesic < 1e-4);
        QVERIFY(zone != geodesic);
    }

    void ellipsoidalAreaWithHole() {
        MultiPolygon mp = lonLatBox(10, 40, 12, 42);
        const MultiPolygon hole = lonLatBox(10.5, 40.5, 11, 41);
        mp.parts[0].rings.push_back(hole.parts[0].rings[0]);
        const double outer = ellipsoidalAreaM2(lonLatBox(10, 40, 12, 42), kWgs84A, kWgs84F);
        const double inner = ellipsoidalAreaM2(hole, kWgs84A, kWgs84F);
        QVERIFY(std::abs(ellipsoidalAreaM2(mp, kWgs84A, kWgs84F) - (outer - inner)) < 1e-3);
        // Two parts add up.
        MultiPolygon two = lonLatBox(10, 40, 12, 42);
        two.parts.push_back(lonLatBox(20, 40, 21, 41).parts[0]);
        QVERIFY(std::abs(ellipsoidalAreaM2(two, kWgs84A, kWgs84F) -
                         (outer + ellipsoidalAreaM2(lonLatBox(20, 40, 21, 41), kWgs84A, kWgs84F))) < 1e-3);
    }

    void cellAreaAgainstIntegration_data() {
        QTest::addColumn<double>("lat1");
        QTest::addColumn<double>("lat2");
        QTest::addColumn<double>("dlon");
        QTest::newRow("equator 1deg") << 0.0 << 1.0 << 1.0;
        QTest::newRow("south 1deg") << -1.0 << 0.0 << 1.0;
        QTest::newRow("azores 0.75as") << 37.7 << 37.7 + 0.0002083333333 << 0.0002083333333;
        QTest::newRow("arc second") << 45.0 << 45.0 + 1.0 / 3600 << 1.0 / 3600;
        QTest::newRow("band 10-50") << 10.0 << 50.0 << 3.0;
        QTest::newRow("near pole") << 89.0 << 90.0 << 1.0;
        QTest::newRow("reversed") << 30.0 << 29.0 << 0.5;
    }
    void cellAreaAgainstIntegration() {
        QFETCH(double, lat1);
        QFETCH(double, lat2);
        QFETCH(double, dlon);
        const double closed = geographicCellAreaM2(lat1, lat2, dlon, kWgs84A, kWgs84F);
        const double numeric = numericCellArea(lat1, lat2, dlon, kWgs84A, kWgs84F);
        QVERIFY2(std::abs(closed - numeric) <= 1e-10 * numeric,
                 qPrintable(QStringLiteral("%1 vs %2").arg(closed, 0, 'g', 17).arg(numeric, 0, 'g', 17)));
        // CGCS2000 ellipsoid as well.
        const double fC = 1 / 298.257222101;
        QVERIFY(std::abs(geographicCellAreaM2(lat1, lat2, dlon, kWgs84A, fC) -
                         numericCellArea(lat1, lat2, dlon, kWgs84A, fC)) <= 1e-10 * numeric);
    }

    void cellAreaSphereLimit() {
        const double r = 6371000.0;
        const double exact = r * r * (std::sin(1.0 * kPi / 180) - 0.0) * (1.0 * kPi / 180);
        QVERIFY(std::abs(geographicCellAreaM2(0, 1, 1, r, 0.0) - exact) <= 1e-9 * exact);
        // Tiny flattening converges to the sphere smoothly (series branch).
        QVERIFY(std::abs(geographicCellAreaM2(0, 1, 1, r, 1e-12) - exact) <= 1e-9 * exact);
        // Whole sphere: 4πr².
        QVERIFY(std::abs(geographicCellAreaM2(-90, 90, 360, r, 0.0) - 4 * kPi * r * r) <=
                1e-9 * 4 * kPi * r * r);
        // Whole WGS84 ellipsoid: 510065621.7 km².
        QVERIFY(std::abs(geographicCellAreaM2(-90, 90, 360, kWgs84A, kWgs84F) / 1e6 - 510065621.7) < 1.0);
    }

    /// The per-row cell areas every raster method sums (gis::rowCellAreasM2): planar in metres on a
    /// projected grid (a grid in US feet scaled by the foot), per row on the ellipsoid on a geographic one
    /// (the rows of a 1° band sum to its area); and the strip height for a memory budget.
    void rowCellAreasAndStrips() {
        Grid projected;
        projected.cellWidth = 30;
        projected.cellHeight = 30;
        projected.rows = 3;
        projected.cols = 10;
        for (double a : rowCellAreasM2(projected, Crs::fromEpsg(4547)))
            QCOMPARE(a, 900.0);
        const double ft = 1200.0 / 3937.0; // US survey foot (EPSG:2227)
        for (double a : rowCellAreasM2(projected, Crs::fromEpsg(2227)))
            QVERIFY(std::abs(a - 900.0 * ft * ft) <= 1e-9 * a);
        for (double a : rowCellAreasM2(projected, Crs()))
            QCOMPARE(a, 900.0);

        Grid geographic;
        geographic.originY = 1;
        geographic.cellWidth = 0.25;
        geographic.cellHeight = 0.25;
        geographic.rows = 4;
        geographic.cols = 4;
        const Crs wgs84 = Crs::fromEpsg(4326);
        const std::vector<double> rows = rowCellAreasM2(geographic, wgs84);
        QCOMPARE(rows.size(), std::size_t(4));
        double band = 0;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            band += rows[r] * geographic.cols;
            if (r > 0)
                QVERIFY(rows[r] > rows[r - 1]); // towards the equator, cells grow
        }
        const double expected = geographicCellAreaM2(0, 1, 1, wgs84.semiMajorMetres(), wgs84.flattening());
        QVERIFY(std::abs(band - expected) <= 1e-9 * expected);

        QCOMPARE(stripRows(projected, 10 * 8 * 2, 8), 2); // two rows of ten 8-byte cells
        QCOMPARE(stripRows(projected, 1, 8), 1);          // at least one row
        QCOMPARE(stripRows(projected, 1u << 30, 8), 3);   // at most the grid's rows
    }
};

QTEST_GUILESS_MAIN(TestCrs)
#include "tst_crs.moc"
