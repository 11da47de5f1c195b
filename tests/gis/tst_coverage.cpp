// SPDX-License-Identifier: GPL-3.0-or-later
// Hand-checked exact coverage cases (gis/Coverage.h). Every expected matrix below can be verified
// with pencil and paper: grids have 1-unit cells unless stated otherwise.
#include "gis/Coverage.h"

#include <QTest>

#include <cmath>
#include <cstring>

using namespace tanhui::gis;

namespace {

Ring ring(std::initializer_list<double> xy) {
    Ring r;
    r.xy = xy;
    return r;
}

MultiPolygon polygon(std::initializer_list<Ring> rings) {
    MultiPolygon mp;
    mp.parts.push_back(Polygon{ rings });
    return mp;
}

/// The runs layout of `mp` over `window` holds the same values as the dense layout, bit for bit,
/// as maximal runs of non-zero coverage in column order (CoverageWindow::runs).
void verifyRunsMatchDense(const MultiPolygon& mp, const Grid& grid, const Window& window) {
    const CoverageWindow dense = computeCoverage(mp, grid, window);
    CoverageWindow runs;
    CoverageWorkspace workspace;
    computeCoverage(mp, grid, window, runs, workspace, CoverageLayout::Runs);
    QVERIFY(runs.fraction.empty());
    QCOMPARE(runs.rowRuns.size(), std::size_t(window.rows) + 1);
    QCOMPARE(runs.rowRuns.back(), runs.runs.size());
    for (int r = 0; r < window.rows; ++r) {
        int end = -1;
        double last = 0;
        for (std::size_t k = runs.rowRuns[std::size_t(r)]; k < runs.rowRuns[std::size_t(r) + 1]; ++k) {
            const CoverageRun& run = runs.runs[k];
            QVERIFY(run.value > 0 && run.value <= 1 && run.length > 0);
            QVERIFY(run.col >= std::max(end, 0) && run.col + run.length <= window.cols);
            QVERIFY2(!(run.col == end && run.value == last), "adjacent runs of equal coverage are merged");
            end = run.col + run.length;
            last = run.value;
        }
    }
    runs.fillDense();
    QCOMPARE(runs.fraction.size(), dense.fraction.size());
    for (std::size_t i = 0; i < dense.fraction.size(); ++i)
        QVERIFY2(std::memcmp(&runs.fraction[i], &dense.fraction[i], sizeof(double)) == 0,
                 qPrintable(
                   QStringLiteral("cell %1: %2 vs %3").arg(i).arg(runs.fraction[i]).arg(dense.fraction[i])));
}

/// Coverage of the whole grid as a row-major matrix (and the same in the runs layout).
std::vector<double> fullCoverage(const MultiPolygon& mp, const Grid& grid) {
    const CoverageWindow cov = computeCoverage(mp, grid, Window{ 0, 0, grid.rows, grid.cols });
    verifyRunsMatchDense(mp, grid, Window{ 0, 0, grid.rows, grid.cols });
    return cov.fraction;
}

} // namespace

class TestCoverage : public QObject {
    Q_OBJECT

private slots:
    void matrix_data();
    void matrix();
    void windowIsClippedToGrid();
    void orientationDoesNotMatter();
    void sumEqualsAreaForRandomPolygons();
    void bandsAreBitIdentical();
    void nonSquareCells();
    void subCellParcel();
    void polygonOutsideGrid();
    void overlappingParcelsAreIndependent();
};

void TestCoverage::matrix_data() {
    QTest::addColumn<MultiPolygon>("polygon");
    QTest::addColumn<std::vector<double>>("expected");
    // 3 × 3 grid of unit cells, x in [0, 3], y in [0, 3]; row 0 is the top row (y in [2, 3]).
    QTest::newRow("square on the grid")
      << polygon({ ring({ 1, 1, 2, 1, 2, 2, 1, 2 }) }) << std::vector<double>{ 0, 0, 0, 0, 1, 0, 0, 0, 0 };
    QTest::newRow("square off the grid")
      << polygon({ ring({ 0.5, 0.5, 2.5, 0.5, 2.5, 2.5, 0.5, 2.5 }) })
      << std::vector<double>{ 0.25, 0.5, 0.25, 0.5, 1, 0.5, 0.25, 0.5, 0.25 };
    QTest::newRow("triangle") << polygon({ ring({ 0, 0, 3, 0, 0, 3 }) })
                              << std::vector<double>{ 0.5, 0, 0, 1, 0.5, 0, 1, 1, 0.5 };
    QTest::newRow("ring with a hole")
      << polygon({ ring({ 0, 0, 3, 0, 3, 3, 0, 3 }), ring({ 1, 1, 2, 1, 2, 2, 1, 2 }) })
      << std::vector<double>{ 1, 1, 1, 1, 0, 1, 1, 1, 1 };
    QTest::newRow("hole off the grid")
      << polygon({ ring({ 0, 0, 3, 0, 3, 3, 0, 3 }), ring({ 0.5, 0.5, 1.5, 0.5, 1.5, 1.5, 0.5, 1.5 }) })
      << std::vector<double>{ 1, 1, 1, 0.75, 0.75, 1, 0.75, 0.75, 1 };
    MultiPolygon multi = polygon({ ring({ 0, 2, 1, 2, 1, 3, 0, 3 }) });
    multi.parts.push_back(Polygon{ { ring({ 2, 0, 3, 0, 3, 0.5, 2, 0.5 }) } });
    QTest::newRow("multipolygon") << multi << std::vector<double>{ 1, 0, 0, 0, 0, 0, 0, 0, 0.5 };
    QTest::newRow("diamond") << polygon({ ring({ 1.5, 0, 3, 1.5, 1.5, 3, 0, 1.5 }) })
                             << std::vector<double>{ 0.125, 0.75, 0.125, 0.75, 1, 0.75, 0.125, 0.75, 0.125 };
    // Half outside on the left: x from -1 to 1.5 over the middle row only.
    QTest::newRow("half outside") << polygon({ ring({ -1, 1, 1.5, 1, 1.5, 2, -1, 2 }) })
                                  << std::vector<double>{ 0, 0, 0, 1, 0.5, 0, 0, 0, 0 };
    // Thin sliver along a row boundary: height 0.01 across the whole grid.
    QTest::newRow("sliver") << polygon({ ring({ 0, 1.995, 3, 1.995, 3, 2.005, 0, 2.005 }) })
                            << std::vector<double>{ 0.005, 0.005, 0.005, 0.005, 0.005, 0.005, 0, 0, 0 };
}

void TestCoverage::matrix() {
    QFETCH(MultiPolygon, polygon);
    QFETCH(std::vector<double>, expected);
    const Grid grid{ 0, 3, 1, 1, 3, 3 };
    const std::vector<double> got = fullCoverage(polygon, grid);
    QCOMPARE(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (std::abs(got[i] - expected[i]) > 1e-12)
            QFAIL(qPrintable(QStringLiteral("cell %1: got %2, expected %3")
                               .arg(i)
                               .arg(got[i], 0, 'g', 17)
                               .arg(expected[i])));
    }
}

void TestCoverage::windowIsClippedToGrid() {
    const Grid grid{ 0, 3, 1, 1, 3, 3 };
    const Window w = coverageWindow(polygon({ ring({ -1, 1, 1.5, 1, 1.5, 5, -1, 5 }) }), grid);
    QCOMPARE(w.row0, 0);
    QCOMPARE(w.col0, 0);
    QCOMPARE(w.rows, 2);
    QCOMPARE(w.cols, 2);
    const Window inner = coverageWindow(polygon({ ring({ 1.2, 1.2, 1.4, 1.2, 1.4, 1.5 }) }), grid);
    QCOMPARE(inner.row0, 1);
    QCOMPARE(inner.col0, 1);
    QCOMPARE(inner.cellCount(), std::int64_t(1));
}

void TestCoverage::orientationDoesNotMatter() {
    const Grid grid{ 0, 3, 1, 1, 3, 3 };
    // Clockwise exterior and counter-clockwise hole (shapefile convention) vs the reverse.
    const auto a = fullCoverage(
      polygon({ ring({ 0, 0, 0, 3, 3, 3, 3, 0 }), ring({ 0.5, 0.5, 1.5, 0.5, 1.5, 1.5, 0.5, 1.5 }) }), grid);
    const auto b = fullCoverage(
      polygon({ ring({ 0, 0, 3, 0, 3, 3, 0, 3 }), ring({ 0.5, 0.5, 0.5, 1.5, 1.5, 1.5, 1.5, 0.5 }) }), grid);
    for (std::size_t i = 0; i < a.size(); ++i)
        QCOMPARE(a[i], b[i]);
}

void TestCoverage::sumEqualsAreaForRandomPolygons() {
    // Star-shaped polygons with many vertices at arbitrary positions: Σ coverage × cell area must
    // equal the shoelace area, and every value must lie in [0, 1].
    const Grid grid{ 1000.0, 2000.0, 7.0, 3.0, 60, 140 };
    std::uint64_t state = 42;
    auto rnd = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return double(state >> 11) / double(1ULL << 53);
    };
    for (int k = 0; k < 50; ++k) {
        Ring r;
        const double cx = 1000 + 420 * (0.2 + 0.6 * rnd()), cy = 2000 - 420 * (0.2 + 0.6 * rnd());
        const int n = 3 + int(rnd() * 40);
        for (int i = 0; i < n; ++i) {
            const double angle = 2 * M_PI * i / n;
            const double radius = 5 + 75 * rnd(); // stays inside the 420 × 420 grid
            r.xy.push_back(cx + radius * std::cos(angle));
            r.xy.push_back(cy + radius * std::sin(angle));
        }
        MultiPolygon mp;
        mp.parts.push_back(Polygon{ { r } });
        const Window w = coverageWindow(mp, grid);
        const CoverageWindow cov = computeCoverage(mp, grid, w);
        verifyRunsMatchDense(mp, grid, w);
        for (double f : cov.fraction)
            QVERIFY(f >= 0.0 && f <= 1.0);
        const double area = cov.sum() * grid.cellArea();
        QVERIFY2(std::abs(area - mp.planarArea()) <= 1e-9 * mp.planarArea(),
                 qPrintable(QStringLiteral("polygon %1: %2 vs %3")
                              .arg(k)
                              .arg(area, 0, 'g', 17)
                              .arg(mp.planarArea(), 0, 'g', 17)));
    }
}

void TestCoverage::bandsAreBitIdentical() {
    const Grid grid{ 0, 100, 1, 1, 100, 100 };
    Ring r;
    for (int i = 0; i < 37; ++i) {
        const double angle = 2 * M_PI * i / 37;
        r.xy.push_back(50.3 + (30 + 15 * std::sin(5 * angle)) * std::cos(angle));
        r.xy.push_back(49.7 + (30 + 15 * std::sin(5 * angle)) * std::sin(angle));
    }
    MultiPolygon mp;
    mp.parts.push_back(Polygon{ { r } });
    const Window w = coverageWindow(mp, grid);
    const CoverageWindow whole = computeCoverage(mp, grid, w);
    for (int bandRows : { 1, 3, 7, 64 }) {
        for (int r0 = w.row0; r0 < w.row0 + w.rows; r0 += bandRows) {
            const Window part{ r0, w.col0, std::min(bandRows, w.row0 + w.rows - r0), w.cols };
            const CoverageWindow band = computeCoverage(mp, grid, part);
            verifyRunsMatchDense(mp, grid, part);
            for (int row = part.row0; row < part.row0 + part.rows; ++row)
                for (int col = part.col0; col < part.col0 + part.cols; ++col)
                    QCOMPARE(band.at(row, col), whole.at(row, col)); // exact, not fuzzy
        }
    }
}

void TestCoverage::nonSquareCells() {
    // The rasterio RGB.byte.tif grid: 300.0379 × 300.0417 m cells (issue: 300.038 × 300.042).
    const double dx = 300.038, dy = 300.042;
    const Grid grid{ 101985.0, 2826915.0, dx, dy, 10, 10 };
    // A square of 450 × 450 m starting at the corner of cell (2, 3): covers cell (2,3) fully, half of
    // its right and lower neighbours' widths / heights (450 - 300.038 = 149.962 m etc.).
    const double x0 = grid.originX + 3 * dx, y0 = grid.originY - 2 * dy;
    const MultiPolygon mp = polygon({ ring({ x0, y0 - 450, x0 + 450, y0 - 450, x0 + 450, y0, x0, y0 }) });
    const CoverageWindow cov = computeCoverage(mp, grid, coverageWindow(mp, grid));
    const double fx = (450 - dx) / dx, fy = (450 - dy) / dy;
    QVERIFY(std::abs(cov.at(2, 3) - 1.0) < 1e-12);
    QVERIFY(std::abs(cov.at(2, 4) - fx) < 1e-9);
    QVERIFY(std::abs(cov.at(3, 3) - fy) < 1e-9);
    QVERIFY(std::abs(cov.at(3, 4) - fx * fy) < 1e-9);
    QVERIFY(std::abs(cov.sum() * grid.cellArea() - 450.0 * 450.0) < 1e-6);
}

void TestCoverage::subCellParcel() {
    const Grid grid{ 0, 10, 10, 10, 1, 1 };
    const MultiPolygon mp = polygon({ ring({ 2, 2, 3, 2, 3, 3, 2, 3 }) }); // 1 m² in a 100 m² cell
    const CoverageWindow cov = computeCoverage(mp, grid, coverageWindow(mp, grid));
    QCOMPARE(cov.fraction.size(), std::size_t(1));
    QVERIFY(std::abs(cov.fraction[0] - 0.01) < 1e-15);
}

void TestCoverage::polygonOutsideGrid() {
    const Grid grid{ 0, 3, 1, 1, 3, 3 };
    const MultiPolygon mp = polygon({ ring({ 10, 10, 11, 10, 11, 11 }) });
    QVERIFY(coverageWindow(mp, grid).isEmpty());
    QVERIFY(computeCoverage(mp, grid, coverageWindow(mp, grid)).fraction.empty());
}

void TestCoverage::overlappingParcelsAreIndependent() {
    const Grid grid{ 0, 3, 1, 1, 3, 3 };
    const MultiPolygon a = polygon({ ring({ 0, 0, 2, 0, 2, 3, 0, 3 }) });
    const MultiPolygon b = polygon({ ring({ 1, 0, 3, 0, 3, 3, 1, 3 }) });
    const auto ca = fullCoverage(a, grid), cb = fullCoverage(b, grid);
    QCOMPARE(ca[1], 1.0); // the shared middle column is fully covered by both
    QCOMPARE(cb[1], 1.0);
    QCOMPARE(ca[2], 0.0);
    QCOMPARE(cb[0], 0.0);
}

QTEST_GUILESS_MAIN(TestCoverage)
#include "tst_coverage.moc"
