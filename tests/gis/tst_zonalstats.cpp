// SPDX-License-Identifier: GPL-3.0-or-later
// gis/ZonalStats.h: the two- and three-band Byte passes (addByteRowPair, addByteRowTriple) give
// bit-identical statistics to one addByteRow per band, on projected (constant cell area) and
// geographic (per-row area) grids.
#include "gis/ZonalStats.h"

#include <QTest>

#include <cstdint>
#include <cstring>
#include <vector>

using namespace tanhui::gis;

namespace {

std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

bool identical(const ZonalStats& a, const ZonalStats& b) {
    if (!sameBits(a.count, b.count) || !sameBits(a.sum, b.sum) || !sameBits(a.validAreaM2, b.validAreaM2) ||
        !sameBits(a.nodataAreaM2, b.nodataAreaM2) || !sameBits(a.nodataCells, b.nodataCells) ||
        !sameBits(a.majority, b.majority) || a.classes.size() != b.classes.size())
        return false;
    for (std::size_t i = 0; i < a.classes.size(); ++i)
        if (!sameBits(a.classes[i].value, b.classes[i].value) ||
            !sameBits(a.classes[i].cells, b.classes[i].cells) ||
            !sameBits(a.classes[i].areaM2, b.classes[i].areaM2))
            return false;
    return true;
}

} // namespace

class TestZonalStats : public QObject {
    Q_OBJECT
private slots:
    void pairEqualsSingle_data() {
        QTest::addColumn<double>("cellArea");
        QTest::newRow("projected") << 100.0;
        QTest::newRow("geographic") << 0.0;
    }

    void pairEqualsSingle() {
        QFETCH(double, cellArea);
        const StatSet stats = Stat::Count | Stat::Sum | Stat::Majority | Stat::Frac | Stat::Area;
        ZonalAccumulator singleA(stats, true, cellArea, 255), singleB(stats, true, cellArea, 255);
        ZonalAccumulator pairA(stats, true, cellArea, 255), pairB(stats, true, cellArea, 255);
        ZonalAccumulator singleC(stats, true, cellArea, 255);
        ZonalAccumulator tripleA(stats, true, cellArea, 255), tripleB(stats, true, cellArea, 255),
          tripleC(stats, true, cellArea, 255);
        std::uint64_t seed = 1;
        for (int row = 0; row < 200; ++row) {
            const int n = int(mix(seed++) % 97); // includes empty rows
            std::vector<unsigned char> a(std::size_t(n) + 1), b(std::size_t(n) + 1), c(std::size_t(n) + 1);
            std::vector<double> coverage(std::size_t(n) + 1);
            unsigned classA = 11, classB = 21;
            for (int i = 0; i < n; ++i) {
                const std::uint64_t r = mix(seed++);
                if (r % 5 == 0) // runs of equal classes, as in land cover
                    classA = unsigned(r >> 8) % 8 == 0 ? 255 : 11 + unsigned(r >> 16) % 50;
                if (r % 7 == 0)
                    classB = 11 + unsigned(r >> 24) % 50;
                a[std::size_t(i)] = static_cast<unsigned char>(classA);
                b[std::size_t(i)] = static_cast<unsigned char>(classB);
                // A third band: the pair of the two (as a derived class-pair band), nodata 255.
                c[std::size_t(i)] =
                  static_cast<unsigned char>(classA == 255 ? 255 : (classA * 7 + classB) % 255);
                const double f = double(r >> 11) * 0x1.0p-53;
                coverage[std::size_t(i)] = r % 3 == 0 ? 1.0 : r % 11 == 0 ? 0.0 : f;
            }
            const double area = 95.0 + row * 0.01;
            singleA.addByteRow(a.data(), coverage.data(), n, area);
            singleB.addByteRow(b.data(), coverage.data(), n, area);
            ZonalAccumulator::addByteRowPair(pairA, pairB, a.data(), b.data(), coverage.data(), n, area);
            singleC.addByteRow(c.data(), coverage.data(), n, area);
            ZonalAccumulator::addByteRowTriple(
              tripleA, tripleB, tripleC, a.data(), b.data(), c.data(), coverage.data(), n, area);
        }
        QVERIFY(identical(singleA.finish(1.0003), tripleA.finish(1.0003)));
        QVERIFY(identical(singleB.finish(1.0003), tripleB.finish(1.0003)));
        QVERIFY(identical(singleC.finish(1.0003), tripleC.finish(1.0003)));
        QVERIFY(singleC.finish().classes.size() > 10);
        QVERIFY(identical(singleA.finish(1.0003), pairA.finish(1.0003)));
        QVERIFY(identical(singleB.finish(1.0003), pairB.finish(1.0003)));
        QVERIFY(singleA.finish().classes.size() > 10);
    }
};

QTEST_GUILESS_MAIN(TestZonalStats)
#include "tst_zonalstats.moc"
