// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/ZonalStats.h"

#include <algorithm>
#include <bit>

namespace tanhui::gis {

namespace {

const ClassTotal* findClass(const std::vector<ClassTotal>& classes, double value) {
    const auto it = std::lower_bound(
      classes.begin(), classes.end(), value, [](const ClassTotal& c, double v) { return c.value < v; });
    return it != classes.end() && it->value == value ? &*it : nullptr;
}

} // namespace

double ZonalStats::fraction(double value) const {
    const ClassTotal* c = findClass(classes, value);
    return c && count > 0 ? c->cells / count : 0.0;
}

double ZonalStats::classAreaM2(double value) const {
    const ClassTotal* c = findClass(classes, value);
    return c ? c->areaM2 : 0.0;
}

ZonalAccumulator::ZonalAccumulator(StatSet stats, bool byteValues, double constantCellAreaM2, int byteNodata)
  : m_stats(stats)
  , m_classes((stats & kClassStats) != 0)
  , m_byte(byteValues)
  , m_variance(has(stats, Stat::Stdev))
  , m_varyingArea(!(constantCellAreaM2 > 0))
  , m_cellArea(constantCellAreaM2)
  , m_byteNodata(byteNodata) {
    if (m_byte) {
        m_dense.assign(512, 0.0);
        m_fullCounts.assign(4 * 256, 0);
    }
}

void ZonalAccumulator::reset() {
    m_weight = m_mean = m_t = m_sum = m_validArea = 0;
    m_min = std::numeric_limits<double>::infinity();
    m_max = -std::numeric_limits<double>::infinity();
    m_nodataCells = m_nodataArea = 0;
    if (m_byte) {
        if (m_countedCells > 0) {
            std::fill(m_fullCounts.begin(), m_fullCounts.end(), 0u);
            m_countedCells = 0;
        }
        forEachPresent([&](unsigned v) {
            m_dense[v] = 0.0;
            m_dense[256 + v] = 0.0;
        });
        std::fill(std::begin(m_present), std::end(m_present), 0);
    }
    m_sparse.clear();
    m_runValue = std::numeric_limits<double>::quiet_NaN();
    m_runCells = m_runArea = 0;
}

void ZonalAccumulator::addClass(double x, double w, double areaM2) {
    if (x != m_runValue) {
        flushRun();
        m_runValue = x;
    }
    m_runCells += w;
    if (m_varyingArea)
        m_runArea += w * areaM2;
}

void ZonalAccumulator::flushRun() const {
    if (m_runCells > 0) {
        ClassTotal& t = m_sparse[m_runValue];
        t.value = m_runValue;
        t.cells += m_runCells;
        t.areaM2 += m_runArea;
    }
    m_runCells = 0;
    m_runArea = 0;
    m_runValue = std::numeric_limits<double>::quiet_NaN();
}

void ZonalAccumulator::foldFullCounts() const {
    if (m_countedCells == 0)
        return;
    // Written so the compiler vectorises the two passes over the counters (their sum per value, then
    // zeroing them); the values present are then found eight at a time (a parcel has a few).
    std::uint32_t* c = m_fullCounts.data();
    alignas(32) std::uint32_t total[256];
    for (unsigned v = 0; v < 256; ++v) // at most 2^31 cells since the last fold: the sum fits
        total[v] = c[v] + c[256 + v] + c[512 + v] + c[768 + v];
    std::fill(m_fullCounts.begin(), m_fullCounts.end(), 0u);
    m_countedCells = 0;
    for (unsigned v0 = 0; v0 < 256; v0 += 8) {
        std::uint32_t any = 0;
        for (unsigned k = 0; k < 8; ++k)
            any |= total[v0 + k];
        if (any == 0)
            continue;
        for (unsigned v = v0; v < v0 + 8; ++v)
            if (const std::uint32_t n = total[v]; n != 0) {
                m_dense[v] += double(n);
                m_present[v >> 6] |= std::uint64_t(1) << (v & 63);
            }
    }
}

ZonalStats ZonalAccumulator::finishHistogram(double areaScale) const {
    foldFullCounts();
    ZonalStats s;
    const double cellArea = m_cellArea * areaScale;
    auto area = [&](int v) {
        return m_varyingArea ? m_dense[256 + std::size_t(v)] * areaScale : m_dense[std::size_t(v)] * cellArea;
    };
    // Cells of the nodata value can only arrive through addByteRuns() (read() already files them as
    // invalid, through addNodata()), so that bin is the nodata area.
    const int nodataBin = m_byteNodata;
    s.nodataCells = m_nodataCells;
    s.nodataAreaM2 = m_varyingArea ? m_nodataArea * areaScale : m_nodataCells * cellArea;
    if (nodataBin >= 0) {
        s.nodataCells += m_dense[std::size_t(nodataBin)];
        s.nodataAreaM2 += area(nodataBin);
    }
    if (m_classes) // one allocation: at most one class per present value
        s.classes.reserve(std::size_t(std::popcount(m_present[0]) + std::popcount(m_present[1]) +
                                      std::popcount(m_present[2]) + std::popcount(m_present[3])));
    // Bins of absent values are zero and were skipped before by !(w > 0): visiting the present ones in
    // ascending order gives the same sums.
    forEachPresent([&](unsigned value) {
        const int v = int(value);
        const double w = m_dense[std::size_t(v)];
        if (v == nodataBin || !(w > 0))
            return;
        s.count += w;
        s.sum += w * v;
        s.validAreaM2 += area(v);
        if (std::isnan(s.min))
            s.min = v;
        s.max = v;
        ++s.variety;
        if (m_classes)
            s.classes.push_back({ double(v), w, area(v) });
        if (std::isnan(s.majority) || w > m_dense[std::size_t(s.majority)])
            s.majority = v;
        if (std::isnan(s.minority) || w < m_dense[std::size_t(s.minority)])
            s.minority = v;
    });
    if (s.count > 0) {
        s.mean = s.sum / s.count;
        if (m_variance) {
            double t = 0;
            forEachPresent([&](unsigned value) {
                const int v = int(value);
                if (v != nodataBin && m_dense[std::size_t(v)] > 0)
                    t += m_dense[std::size_t(v)] * (v - s.mean) * (v - s.mean);
            });
            s.stdev = std::sqrt(t / s.count);
        }
    }
    return s;
}

ZonalStats ZonalAccumulator::finish(double areaScale) const {
    if (m_byte)
        return finishHistogram(areaScale);
    ZonalStats s;
    s.count = m_weight;
    s.sum = m_sum;
    s.nodataCells = m_nodataCells;
    const double cellArea = m_cellArea * areaScale;
    s.validAreaM2 = m_varyingArea ? m_validArea * areaScale : m_weight * cellArea;
    s.nodataAreaM2 = m_varyingArea ? m_nodataArea * areaScale : m_nodataCells * cellArea;
    if (m_weight > 0) {
        s.mean = m_sum / m_weight;
        s.min = m_min;
        s.max = m_max;
        if (m_variance)
            s.stdev = std::sqrt(std::max(0.0, m_t / m_weight));
    }
    if (!m_classes)
        return s;

    auto area = [&](double cells, double varying) {
        return m_varyingArea ? varying * areaScale : cells * cellArea;
    };
    {
        flushRun();
        s.classes.reserve(m_sparse.size());
        for (const auto& [value, total] : m_sparse)
            s.classes.push_back({ value, total.cells, area(total.cells, total.areaM2) });
        std::sort(s.classes.begin(), s.classes.end(), [](const ClassTotal& a, const ClassTotal& b) {
            return a.value < b.value;
        });
    }
    s.variety = int(s.classes.size());
    if (!s.classes.empty()) {
        // Classes are sorted by value, so strict comparisons keep the smaller value on ties.
        const ClassTotal* most = &s.classes.front();
        const ClassTotal* least = &s.classes.front();
        for (const ClassTotal& c : s.classes) {
            if (c.cells > most->cells)
                most = &c;
            if (c.cells < least->cells)
                least = &c;
        }
        s.majority = most->value;
        s.minority = least->value;
    }
    return s;
}

} // namespace tanhui::gis
