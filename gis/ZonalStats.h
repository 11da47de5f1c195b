// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Coverage.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <unordered_map>
#include <vector>

namespace tanhui::gis {

/// @brief Which statistics a zonal run computes. Class statistics (majority, minority, variety,
/// class fractions and areas) need a per-parcel histogram; the others are one-pass moments.
enum class Stat : std::uint32_t {
    Count = 1u << 0,    ///< Σ coverage over valid cells (in cells)
    Sum = 1u << 1,      ///< Σ coverage × value
    Mean = 1u << 2,     ///< Sum / Count
    Min = 1u << 3,      ///< least value among cells with coverage > 0
    Max = 1u << 4,      ///< greatest value among cells with coverage > 0
    Stdev = 1u << 5,    ///< coverage-weighted population standard deviation
    Majority = 1u << 6, ///< value with the largest Σ coverage (ties: the smaller value)
    Minority = 1u << 7, ///< value with the smallest Σ coverage (ties: the smaller value)
    Variety = 1u << 8,  ///< number of distinct values with coverage > 0
    Frac = 1u << 9,     ///< per value: share of the parcel's valid covered area
    Area = 1u << 10,    ///< per value: true covered area (ha); also the parcel's nodata area
};
using StatSet = std::uint32_t;
constexpr StatSet operator|(Stat a, Stat b) {
    return StatSet(a) | StatSet(b);
}
constexpr StatSet operator|(StatSet a, Stat b) {
    return a | StatSet(b);
}
constexpr bool has(StatSet set, Stat s) {
    return (set & StatSet(s)) != 0;
}
constexpr StatSet kClassStats = Stat::Majority | Stat::Minority | Stat::Variety | Stat::Frac | Stat::Area;

/// @brief Per-value totals of one parcel on one raster band.
struct ClassTotal {
    double value = 0;  ///< the raster value (class code)
    double cells = 0;  ///< Σ coverage, in cells
    double areaM2 = 0; ///< true (ellipsoidal) covered area, m²
};

/// @brief Finished statistics of one parcel on one raster band. Units: values as in the raster;
/// counts in cells (coverage-weighted); areas in m² (true areas, see ZonalEngine.h for the rule).
struct ZonalStats {
    double count = 0; ///< Σ coverage over valid cells
    double sum = 0;   ///< Σ coverage × value
    double mean = std::numeric_limits<double>::quiet_NaN();
    double min = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();
    double stdev = std::numeric_limits<double>::quiet_NaN();
    double majority = std::numeric_limits<double>::quiet_NaN();
    double minority = std::numeric_limits<double>::quiet_NaN();
    int variety = 0;
    double validAreaM2 = 0;          ///< true area of valid covered cells
    double nodataCells = 0;          ///< Σ coverage over nodata / NaN / masked cells
    double nodataAreaM2 = 0;         ///< true area of covered nodata cells
    std::vector<ClassTotal> classes; ///< sorted by value; empty unless class statistics were asked
    /// Share of the valid covered area with `value` (0 when absent or nothing valid).
    double fraction(double value) const;
    double classAreaM2(double value) const;
};

/// @brief One-pass, order-deterministic accumulator of coverage-weighted statistics.
///
/// The standard deviation uses West's weighted incremental algorithm (D. H. D. West, 1979, "Updating
/// mean and variance estimates: an improved method", CACM 22(9)), which stays accurate for large sums;
/// it costs a division per cell, so it runs only when Stdev is asked for. The mean is sum / count.
/// Callers feed cells in row-major order of the parcel window, so results do not depend on the
/// number of threads or on how a large parcel is split into bands of rows.
///
/// Byte bands use histogram mode: every cell adds its coverage to one of 256 bins (and its
/// coverage × area to a second table on geographic grids; see addByteRuns()); count, sum,
/// mean, min, max, stdev, majority, minority, variety and class totals then follow exactly from the
/// histogram in finish(), summed in value order, so they are still independent of threads and bands.
///
/// Areas: on grids whose cells all have the same true area (projected grids) pass that area as
/// `constantCellAreaM2`; areas are then cells × area, computed once in finish() rather than per cell.
/// On geographic grids pass 0 and give each cell's area to add().
class ZonalAccumulator {
public:
    /// `byteValues`: the band is Byte: histogram mode. `byteNodata`: the Byte band's nodata value, or -1;
    /// cells of that value counted through addByteRuns() are reported as nodata.
    explicit ZonalAccumulator(StatSet stats = 0,
                              bool byteValues = false,
                              double constantCellAreaM2 = 0.0,
                              int byteNodata = -1);

    /// Forgets every cell added so far (keeps the configuration and the allocated tables).
    void reset();

    /// Histogram mode: N Byte bands over the runs of one row of coverage (CoverageWindow::runs, which
    /// hold the covered cells only), in one pass. `values[k]` points at band k's cell of the row's
    /// first window column; `areaM2` is the row's cell area on geographic grids.
    ///
    /// Cells of full coverage (1.0; most of a parcel) are counted, not added: on grids of constant
    /// cell area each increments an integer counter of its value, in one of four interleaved sets of
    /// counters (cell i in set i mod 4), so that runs of one class do not chain every cell through
    /// the same counter, and there is no branch on the value; the counts are exact, so their order
    /// does not matter, and finish() adds each value's total count to its bin once. On geographic
    /// grids, where a row's cells have their own area, a run is scanned for where the value changes
    /// and each stretch of one value adds its length (and length × area) to the bins at once. Cells
    /// of partial coverage add their coverage one by one, in row order. Each accumulator gets the
    /// same additions in the same order whatever N is (N = 2, 3 interleave independent bands to hide
    /// latency), so results are bit-identical to one band at a time, and do not depend on threads or
    /// on how a parcel's rows are split into bands.
    template<int N>
    static void addByteRuns(ZonalAccumulator* const (&acc)[N],
                            const unsigned char* const (&values)[N],
                            const CoverageRun* runs,
                            std::size_t runCount,
                            double areaM2) {
        double* cells[N];
        std::uint64_t* present[N];
        std::uint32_t* counts[N];
        bool varying = false;
        for (int k = 0; k < N; ++k) {
            cells[k] = acc[k]->m_dense.data();
            present[k] = acc[k]->m_present;
            counts[k] = acc[k]->m_fullCounts.data();
            varying = varying || acc[k]->m_varyingArea;
        }
        auto addStretch = [&](int k, unsigned v, int length) {
            cells[k][v] += double(length);
            present[k][v >> 6] |= std::uint64_t(1) << (v & 63);
            if (acc[k]->m_varyingArea)
                cells[k][256 + v] += double(length) * areaM2;
        };
        for (std::size_t ri = 0; ri < runCount; ++ri) {
            const CoverageRun& run = runs[ri];
            const int begin = run.col, end = run.col + run.length;
            if (run.value == 1.0 && !varying) {
                for (int k = 0; k < N; ++k)
                    acc[k]->countFullCells(std::uint32_t(run.length));
                for (int i = begin; i < end; ++i)
                    for (int k = 0; k < N; ++k)
                        ++counts[k][(unsigned(i & 3) << 8) | values[k][i]];
            } else if (run.value == 1.0) {
                unsigned current[N];
                int start[N];
                for (int k = 0; k < N; ++k) {
                    current[k] = values[k][begin];
                    start[k] = begin;
                }
                for (int i = begin + 1; i < end; ++i)
                    for (int k = 0; k < N; ++k) {
                        const unsigned v = values[k][i];
                        if (v != current[k]) {
                            addStretch(k, current[k], i - start[k]);
                            current[k] = v;
                            start[k] = i;
                        }
                    }
                for (int k = 0; k < N; ++k)
                    addStretch(k, current[k], end - start[k]);
            } else {
                const double w = run.value;
                for (int i = begin; i < end; ++i)
                    for (int k = 0; k < N; ++k) {
                        const unsigned v = values[k][i];
                        cells[k][v] += w;
                        present[k][v >> 6] |= std::uint64_t(1) << (v & 63);
                        if (acc[k]->m_varyingArea)
                            cells[k][256 + v] += w * areaM2;
                    }
            }
        }
    }

    /// A covered valid cell: value x, coverage w in (0, 1], true cell area a (m²; ignored when the
    /// accumulator was given a constant cell area).
    void add(double x, double w, double areaM2) {
        if (m_byte) {
            const unsigned v = unsigned(x);
            m_dense[v] += w;
            m_present[v >> 6] |= std::uint64_t(1) << (v & 63);
            if (m_varyingArea)
                m_dense[256 + v] += w * areaM2;
            return;
        }
        if (m_variance) {
            const double newWeight = m_weight + w;
            const double delta = x - m_mean;
            const double r = delta * w / newWeight;
            m_mean += r;
            m_t += m_weight * delta * r;
        }
        m_weight += w;
        m_sum += w * x;
        if (m_varyingArea)
            m_validArea += w * areaM2;
        if (x < m_min)
            m_min = x;
        if (x > m_max)
            m_max = x;
        if (m_classes)
            addClass(x, w, areaM2);
    }
    /// A covered cell that is nodata, NaN or masked.
    void addNodata(double w, double areaM2) {
        m_nodataCells += w;
        if (m_varyingArea)
            m_nodataArea += w * areaM2;
    }

    /// Finishes; `areaScale` multiplies every area (the per-parcel ellipsoidal/planar ratio).
    ZonalStats finish(double areaScale = 1.0) const;

private:
    void addClass(double x, double w, double areaM2);
    void flushRun() const;

    StatSet m_stats;
    bool m_classes;
    bool m_byte;
    bool m_variance;
    bool m_varyingArea;
    double m_cellArea;
    double m_weight = 0, m_mean = 0, m_t = 0, m_sum = 0, m_validArea = 0;
    double m_min = std::numeric_limits<double>::infinity();
    double m_max = -std::numeric_limits<double>::infinity();
    double m_nodataCells = 0, m_nodataArea = 0;
    ZonalStats finishHistogram(double areaScale) const;
    /// Adds the full-cell counts (addByteRuns) to the bins and zeroes them. Called by finish() and
    /// before a count could overflow; the bins stay the same sums whenever it runs, since the counts
    /// are exact integers added as one term per value.
    void foldFullCounts() const;
    /// `cells` more full cells are about to be counted: fold first if a counter could overflow.
    void countFullCells(std::uint32_t cells) {
        if (m_countedCells + cells >= (std::uint32_t(1) << 31))
            foldFullCounts();
        m_countedCells += cells;
    }
    /// Calls fn(value) for every Byte value in m_present, in ascending order.
    template<typename Fn>
    void forEachPresent(Fn&& fn) const {
        for (unsigned word = 0; word < 4; ++word)
            for (std::uint64_t bits = m_present[word]; bits != 0; bits &= bits - 1)
                fn(word * 64 + unsigned(std::countr_zero(bits)));
    }

    int m_byteNodata;
    // Byte: [value] -> cells, [256 + value] -> area. Mutable: finish() first folds the full-cell
    // counts into it (foldFullCounts), which changes no result.
    mutable std::vector<double> m_dense;
    // Byte: a bit per value whose bins were added to since reset(), so that finish() and reset() visit
    // the parcel's few classes rather than all 256 values.
    mutable std::uint64_t m_present[4] = { 0, 0, 0, 0 };
    // Byte, constant cell area: counts of full cells per value in four interleaved sets
    // ([set << 8 | value]; addByteRuns), and the cells counted since the last fold.
    mutable std::vector<std::uint32_t> m_fullCounts;
    mutable std::uint32_t m_countedCells = 0;
    // Other types: totals per value. The current run of equal values is kept apart and flushed when
    // the value changes, which saves most hash look-ups on land-cover data (long runs of one class).
    mutable std::unordered_map<double, ClassTotal> m_sparse;
    mutable double m_runValue = std::numeric_limits<double>::quiet_NaN();
    mutable double m_runCells = 0, m_runArea = 0;
};

} // namespace tanhui::gis
