// SPDX-License-Identifier: GPL-3.0-or-later
// gis/ZonalStats.h: the Byte histogram pass over coverage runs (addByteRuns) agrees with a plain
// cell-by-cell sum, counts full cells exactly, and gives bit-identical statistics for two and three
// bands at a time as for one band at a time, on projected (constant cell area) and geographic
// (per-row area) grids.
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
        // Reference: every covered cell added one by one, per class (cells, area), in long double.
        std::vector<long double> refCells(256, 0.0L), refArea(256, 0.0L);
        std::uint64_t seed = 1;
        for (int row = 0; row < 200; ++row) {
            const int n = int(mix(seed++) % 97); // includes empty rows
            std::vector<unsigned char> a(std::size_t(n) + 1), b(std::size_t(n) + 1), c(std::size_t(n) + 1);
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
            }
            // Runs as computeCoverage makes them: gaps, partial cells, long full runs, and now and then
            // a partial run longer than a cell (a parcel edge along a row).
            std::vector<CoverageRun> runs;
            for (int col = 0; col < n;) {
                const std::uint64_t r = mix(seed++);
                const int length =
                  std::min(n - col, r % 4 == 0 ? 1 + int(r >> 40) % 40 : 1 + int(r >> 40) % 3);
                const double partial = double(r >> 11) * 0x1.0p-53;
                if (r % 9 != 0) // else a gap (uncovered cells)
                    runs.push_back({ col, length, r % 4 == 0 ? 1.0 : partial > 0 ? partial : 0.5 });
                col += length;
            }
            const double area = 95.0 + row * 0.01;
            for (const CoverageRun& run : runs)
                for (int i = run.col; i < run.col + run.length; ++i) {
                    refCells[a[std::size_t(i)]] += run.value;
                    refArea[a[std::size_t(i)]] += run.value * (cellArea > 0 ? cellArea : area);
                }
            ZonalAccumulator::addByteRuns<1>({ &singleA }, { a.data() }, runs.data(), runs.size(), area);
            ZonalAccumulator::addByteRuns<1>({ &singleB }, { b.data() }, runs.data(), runs.size(), area);
            ZonalAccumulator::addByteRuns<2>(
              { &pairA, &pairB }, { a.data(), b.data() }, runs.data(), runs.size(), area);
            ZonalAccumulator::addByteRuns<1>({ &singleC }, { c.data() }, runs.data(), runs.size(), area);
            ZonalAccumulator::addByteRuns<3>({ &tripleA, &tripleB, &tripleC },
                                             { a.data(), b.data(), c.data() },
                                             runs.data(),
                                             runs.size(),
                                             area);
        }
        QVERIFY(identical(singleA.finish(1.0003), tripleA.finish(1.0003)));
        QVERIFY(identical(singleB.finish(1.0003), tripleB.finish(1.0003)));
        QVERIFY(identical(singleC.finish(1.0003), tripleC.finish(1.0003)));
        QVERIFY(singleC.finish().classes.size() > 10);
        QVERIFY(identical(singleA.finish(1.0003), pairA.finish(1.0003)));
        QVERIFY(identical(singleB.finish(1.0003), pairB.finish(1.0003)));
        QVERIFY(singleA.finish().classes.size() > 10);

        // Against the cell-by-cell reference; class 255 is nodata.
        const ZonalStats got = singleA.finish();
        for (const ClassTotal& t : got.classes) {
            const std::size_t v = std::size_t(t.value);
            QVERIFY2(std::abs(t.cells - double(refCells[v])) <= 1e-12 * double(refCells[v]),
                     qPrintable(QStringLiteral("class %1: %2 vs %3")
                                  .arg(v)
                                  .arg(t.cells, 0, 'g', 17)
                                  .arg(double(refCells[v]), 0, 'g', 17)));
            QVERIFY(std::abs(t.areaM2 - double(refArea[v])) <= 1e-12 * double(refArea[v]));
        }
        std::size_t present = 0;
        for (std::size_t v = 0; v < 255; ++v)
            present += refCells[v] > 0;
        QCOMPARE(got.classes.size(), present);
        QVERIFY(std::abs(got.nodataCells - double(refCells[255])) <= 1e-12 * double(refCells[255]));
        QVERIFY(got.nodataCells > 0);
    }

    /// Full cells are counted as whole stretches: 3 × 10^6 cells in runs of full coverage give
    /// exactly their count and area per class.
    void fullCellsAreCountedExactly() {
        ZonalAccumulator acc(Stat::Count | Stat::Frac, true, 100.0, 255);
        std::vector<unsigned char> row(1000, 21);
        row[500] = 31;
        const std::vector<CoverageRun> runs{ { 0, 1000, 1.0 } };
        for (int r = 0; r < 3000; ++r)
            ZonalAccumulator::addByteRuns<1>({ &acc }, { row.data() }, runs.data(), runs.size(), 0.0);
        const ZonalStats s = acc.finish();
        QCOMPARE(s.count, 3e6);
        QCOMPARE(s.classes.size(), std::size_t(2));
        QCOMPARE(s.classes[0].cells, 2997000.0);
        QCOMPARE(s.classes[1].cells, 3000.0);
        QCOMPARE(s.classes[0].areaM2, 2997000.0 * 100.0);
    }
};

QTEST_GUILESS_MAIN(TestZonalStats)
#include "tst_zonalstats.moc"
