// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/Classification.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tanhui::render {

namespace {

constexpr std::size_t kMaxJenksValues = 3000;

/// Jenks/Fisher optimal partition of sorted `v` into k classes; returns the k − 1 inner limits
/// (upper value of each class but the last).
std::vector<double> jenksInner(const std::vector<double>& v, int k) {
    const std::size_t n = v.size();
    // mat1[l][j]: first index (1-based) of class j in the best partition of v[0..l); mat2: its cost.
    std::vector<std::vector<std::size_t>> lower(n + 1, std::vector<std::size_t>(std::size_t(k) + 1, 0));
    std::vector<std::vector<double>> cost(
      n + 1, std::vector<double>(std::size_t(k) + 1, std::numeric_limits<double>::infinity()));
    // One value makes one class; the classic formulation also set cost[1][j] = 0 for j > 1, which let
    // the search leave classes empty (fewer classes than asked, and not the least squared deviation).
    lower[1][1] = 1;
    cost[1][1] = 0;
    for (std::size_t l = 2; l <= n; ++l) {
        double s1 = 0, s2 = 0, w = 0, variance = 0;
        for (std::size_t m = 1; m <= l; ++m) {
            const std::size_t i3 = l - m + 1;
            const double val = v[i3 - 1];
            s2 += val * val;
            s1 += val;
            w += 1;
            variance = s2 - (s1 * s1) / w;
            // The values before i3 must fill the other j − 1 classes, at least one value each.
            if (i3 != 1)
                for (int j = 2; j <= k && std::size_t(j - 1) <= i3 - 1; ++j) {
                    const double c = variance + cost[i3 - 1][std::size_t(j - 1)];
                    if (cost[l][std::size_t(j)] >= c) {
                        lower[l][std::size_t(j)] = i3;
                        cost[l][std::size_t(j)] = c;
                    }
                }
        }
        lower[l][1] = 1;
        cost[l][1] = variance;
    }
    std::vector<double> inner(std::size_t(k - 1));
    std::size_t kk = n;
    for (int j = k; j >= 2; --j) {
        const std::size_t id = lower[kk][std::size_t(j)] - 2; // last index of class j − 1
        inner[std::size_t(j - 2)] = v[id];
        kk = lower[kk][std::size_t(j)] - 1;
    }
    return inner;
}

} // namespace

std::vector<double> classLimits(std::vector<double> values, int classes, ClassMethod method) {
    values.erase(std::remove_if(values.begin(), values.end(), [](double x) { return !std::isfinite(x); }),
                 values.end());
    if (values.empty() || classes < 1)
        return {};
    std::sort(values.begin(), values.end());
    const double lo = values.front(), hi = values.back();
    if (lo == hi)
        return { lo, hi };
    std::vector<double> limits{ lo };
    switch (method) {
        case ClassMethod::EqualInterval:
            for (int i = 1; i < classes; ++i)
                limits.push_back(lo + (hi - lo) * double(i) / double(classes));
            break;
        case ClassMethod::Quantile:
            // Type 7 quantiles (linear interpolation between order statistics), as R's default.
            for (int i = 1; i < classes; ++i) {
                const double h = double(values.size() - 1) * double(i) / double(classes);
                const auto f = std::size_t(std::floor(h));
                const double q =
                  values[f] + (h - double(f)) * (values[std::min(f + 1, values.size() - 1)] - values[f]);
                limits.push_back(q);
            }
            break;
        case ClassMethod::NaturalBreaks: {
            std::vector<double> sample;
            if (values.size() > kMaxJenksValues) {
                sample.reserve(kMaxJenksValues);
                for (std::size_t i = 0; i < kMaxJenksValues; ++i)
                    sample.push_back(values[i * (values.size() - 1) / (kMaxJenksValues - 1)]);
            } else {
                sample = values;
            }
            std::vector<double> distinct = sample;
            distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
            const int k = std::min<int>(classes, int(distinct.size()));
            if (k >= 2)
                for (double x : jenksInner(sample, k))
                    limits.push_back(x);
            break;
        }
    }
    limits.push_back(hi);
    // Equal limits (ties in quantiles or breaks) would make empty classes (lower < v ≤ upper): keep each
    // limit once, except that the first two may be equal, as the first class also takes its lower limit:
    // [min, min] is a class of the minimum alone (natural breaks isolate an outlying minimum so).
    const auto from = limits.begin() + (limits.size() > 2 && limits[0] == limits[1] ? 1 : 0);
    limits.erase(std::unique(from, limits.end()), limits.end());
    return limits;
}

} // namespace tanhui::render
