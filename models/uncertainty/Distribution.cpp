// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/uncertainty/Distribution.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <string>
#include <utility>

namespace tanhui::models::uncertainty {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double normalPdf(double x) {
    return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi);
}

/// Lognormal (μ, σ) of the log from the mean and SD of the value.
void lognormalParams(double mean, double sd, double& mu, double& sigma) {
    const double s2 = std::log1p((sd * sd) / (mean * mean));
    sigma = std::sqrt(s2);
    mu = std::log(mean) - 0.5 * s2;
}

} // namespace

Distribution Distribution::fixed(double value) {
    Distribution d;
    d.value = value;
    return d;
}

Distribution Distribution::normal(double mean, double sd) {
    Distribution d;
    d.kind = sd > 0 ? Kind::Normal : Kind::Fixed;
    d.value = mean;
    d.sd = sd;
    return d;
}

Distribution Distribution::truncatedNormal(double mean, double sd) {
    Distribution d = normal(mean, sd);
    if (d.kind == Kind::Normal)
        d.kind = Kind::TruncatedNormal;
    return d;
}

Distribution Distribution::lognormal(double mean, double sd) {
    Distribution d = normal(mean, sd);
    if (d.kind == Kind::Normal)
        d.kind = Kind::Lognormal;
    return d;
}

Distribution Distribution::triangular(double min, double mode, double max) {
    Distribution d;
    d.kind = max > min ? Kind::Triangular : Kind::Fixed;
    d.value = mode;
    d.min = min;
    d.max = max;
    return d;
}

Distribution Distribution::uniform(double min, double max, double value) {
    Distribution d;
    d.kind = max > min ? Kind::Uniform : Kind::Fixed;
    d.value = value;
    d.min = min;
    d.max = max;
    return d;
}

double Distribution::quantile(double u) const {
    switch (kind) {
        case Kind::Fixed:
            return value;
        case Kind::Normal:
            return value + sd * normalQuantile(u);
        case Kind::TruncatedNormal: {
            const double lower = normalCdf(-value / sd);
            return std::max(0.0, value + sd * normalQuantile(lower + u * (1.0 - lower)));
        }
        case Kind::Lognormal: {
            double mu = 0, sigma = 0;
            lognormalParams(value, sd, mu, sigma);
            return std::exp(mu + sigma * normalQuantile(u));
        }
        case Kind::Triangular: {
            const double width = max - min;
            const double split = (value - min) / width;
            return u < split ? min + std::sqrt(u * width * (value - min))
                             : max - std::sqrt((1.0 - u) * width * (max - value));
        }
        case Kind::Uniform:
            return min + u * (max - min);
    }
    return value;
}

double Distribution::mean() const {
    switch (kind) {
        case Kind::TruncatedNormal: {
            const double alpha = -value / sd;
            return value + sd * normalPdf(alpha) / (1.0 - normalCdf(alpha));
        }
        case Kind::Triangular:
            return (min + value + max) / 3.0;
        case Kind::Uniform:
            return 0.5 * (min + max);
        default:
            return value;
    }
}

double Distribution::stddev() const {
    switch (kind) {
        case Kind::Fixed:
            return 0;
        case Kind::Normal:
        case Kind::Lognormal:
            return sd;
        case Kind::TruncatedNormal: {
            const double alpha = -value / sd;
            const double lambda = normalPdf(alpha) / (1.0 - normalCdf(alpha));
            return sd * std::sqrt(std::max(0.0, 1.0 + alpha * lambda - lambda * lambda));
        }
        case Kind::Triangular: {
            const double a = min, b = max, c = value;
            return std::sqrt(std::max(0.0, (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0));
        }
        case Kind::Uniform:
            return (max - min) / std::sqrt(12.0);
    }
    return 0;
}

double Distribution::u95() const {
    // The declared U for the normal family (a truncated normal keeps the U of its parent normal);
    // 1.96 × SD for triangular and uniform.
    const bool normalFamily =
      kind == Kind::Normal || kind == Kind::TruncatedNormal || kind == Kind::Lognormal;
    const double s = normalFamily ? sd : stddev();
    if (s == 0)
        return 0;
    if (value == 0)
        return std::numeric_limits<double>::infinity();
    return 1.96 * s / std::fabs(value);
}

const char* kindName(Distribution::Kind kind) {
    switch (kind) {
        case Distribution::Kind::Fixed:
            return "fixed";
        case Distribution::Kind::Normal:
            return "normal";
        case Distribution::Kind::TruncatedNormal:
            return "truncnormal";
        case Distribution::Kind::Lognormal:
            return "lognormal";
        case Distribution::Kind::Triangular:
            return "triangular";
        case Distribution::Kind::Uniform:
            return "uniform";
    }
    return "fixed";
}

bool parseKind(std::string_view text, Distribution::Kind& kind) {
    std::string t;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)))
            t += char(std::tolower(static_cast<unsigned char>(c)));
    using K = Distribution::Kind;
    if (t == "fixed" || t == "none")
        kind = K::Fixed;
    else if (t == "normal")
        kind = K::Normal;
    else if (t == "truncnormal" || t == "truncated_normal" || t == "truncatednormal")
        kind = K::TruncatedNormal;
    else if (t == "lognormal")
        kind = K::Lognormal;
    else if (t == "triangular")
        kind = K::Triangular;
    else if (t == "uniform")
        kind = K::Uniform;
    else
        return false;
    return true;
}

Distribution fromPercent(double value, double uPct, bool nonNegative) {
    const double sd = uPct / 100.0 * std::fabs(value) / 1.96;
    if (!(sd > 0))
        return Distribution::fixed(value);
    if (!nonNegative)
        return Distribution::normal(value, sd);
    if (uPct > kLognormalAbovePct && value > 0)
        return Distribution::lognormal(value, sd);
    return Distribution::truncatedNormal(value, sd);
}

double normalCdf(double x) {
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

double normalQuantile(double p) {
    // Acklam's rational approximation (relative error < 1.15e-9) refined by one Halley step on
    // Φ(x) − p, which brings it to full double precision.
    if (!(p > 0 && p < 1))
        return p == 0   ? -std::numeric_limits<double>::infinity()
               : p == 1 ? std::numeric_limits<double>::infinity()
                        : kNaN;
    static constexpr double a[] = { -3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                                    1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00 };
    static constexpr double b[] = { -5.447609879822406e+01,
                                    1.615858368580409e+02,
                                    -1.556989798598866e+02,
                                    6.680131188771972e+01,
                                    -1.328068155288572e+01 };
    static constexpr double c[] = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                    -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00 };
    static constexpr double d[] = {
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
    };
    constexpr double low = 0.02425;
    double x = 0;
    if (p < low) {
        const double q = std::sqrt(-2 * std::log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= 1 - low) {
        const double q = p - 0.5;
        const double r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
        const double q = std::sqrt(-2 * std::log1p(-p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    // Halley refinement; the error is computed on the smaller tail for accuracy.
    const double e = x < 0 ? 0.5 * std::erfc(-x / std::numbers::sqrt2) - p
                           : (1 - p) - 0.5 * std::erfc(x / std::numbers::sqrt2);
    const double u = e * std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

std::uint64_t splitmix64(std::uint64_t x) {
    std::uint64_t z = x + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint64_t parameterKey(std::string_view id) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (char c : id) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    return h;
}

double uniform01(std::uint64_t seed, std::uint64_t key, std::uint64_t iteration) {
    const std::uint64_t h = splitmix64(splitmix64(splitmix64(seed) ^ key) ^ iteration);
    return (double(h >> 11) + 0.5) * 0x1.0p-53;
}

DrawMatrix::DrawMatrix(const std::vector<Distribution>& dists,
                       const std::vector<std::uint64_t>& keys,
                       std::uint64_t seed,
                       int iterations)
  : m_iterations(std::max(0, iterations))
  , m_parameters(dists.size())
  , m_draws(dists.size() * std::size_t(std::max(0, iterations))) {
    for (std::size_t p = 0; p < dists.size(); ++p) {
        double* out = m_draws.data() + p * std::size_t(m_iterations);
        for (int i = 0; i < m_iterations; ++i)
            out[i] = dists[p].isFixed() ? dists[p].value
                                        : dists[p].quantile(uniform01(seed, keys[p], std::uint64_t(i)));
    }
}

double percentileSorted(std::span<const double> sorted, double p) {
    if (sorted.empty())
        return kNaN;
    const double h = double(sorted.size() - 1) * std::clamp(p, 0.0, 1.0);
    const std::size_t lo = std::size_t(std::floor(h));
    if (lo + 1 >= sorted.size())
        return sorted.back();
    return sorted[lo] + (h - double(lo)) * (sorted[lo + 1] - sorted[lo]);
}

namespace {

/// Order statistics lo and lo + 1 of data[from, to) (lo + 1 < to), knowing that every element before
/// `from` is ≤ and every element from `to` on is ≥ them: selects lo + 1 and takes lo as the greatest
/// element before it, or selects lo and takes lo + 1 as the least element after it, whichever side
/// leaves the shorter scan.
std::pair<double, double> adjacentOrderStats(std::vector<double>& data,
                                             std::size_t from,
                                             std::size_t lo,
                                             std::size_t to) {
    auto at = [&](std::size_t k) { return data.begin() + std::ptrdiff_t(k); };
    if (lo + 1 - from <= to - lo - 1) {
        std::nth_element(at(from), at(lo + 1), at(to));
        return { *std::max_element(at(from), at(lo + 1)), data[lo + 1] };
    }
    std::nth_element(at(from), at(lo), at(to));
    return { data[lo], *std::min_element(at(lo + 1), at(to)) };
}

/// Bins of binnedOrderStats(): enough that the bins holding the wanted ranks are small, few enough
/// that the counts stay in L1.
constexpr int kBins = 256;

/// @brief Order statistics `ranks` (ascending) of data, from the value bin of every element
/// (`binOf`) and the count of each bin: with m, M the least and greatest values,
/// bin(x) = min(B − 1, ⌊(x − m) × B / (M − m)⌋) is non-decreasing in x (each step is correctly
/// rounded, hence monotone), so every element of a lower bin is ≤ every element of a higher one, and
/// rank r lies in the bin where the running count passes r; it is then selected among that bin's
/// elements only. Exact (the same values as sorting).
template<std::size_t K>
void binnedOrderStats(const std::vector<double>& data,
                      const unsigned char* binOf,
                      const std::array<std::uint32_t, kBins>& count,
                      const std::array<std::size_t, K>& ranks,
                      std::array<double, K>& out) {
    const std::size_t n = data.size();
    const double* x = data.data();
    // Bin and first rank of each wanted rank.
    std::array<int, K> bin{};
    std::array<std::size_t, K> first{};
    std::size_t below = 0;
    int b = 0;
    for (std::size_t j = 0; j < K; ++j) {
        while (below + count[std::size_t(b)] <= ranks[j]) {
            below += count[std::size_t(b)];
            ++b;
        }
        bin[j] = b;
        first[j] = below;
    }
    // The elements of the wanted bins (at most K distinct), then a selection within each.
    thread_local std::vector<double> members[K];
    std::array<int, kBins> slot;
    slot.fill(-1);
    int slots = 0;
    for (std::size_t j = 0; j < K; ++j)
        if (slot[std::size_t(bin[j])] < 0) {
            members[slots].clear();
            slot[std::size_t(bin[j])] = slots++;
        }
    for (std::size_t k = 0; k < n; ++k)
        if (const int t = slot[binOf[k]]; t >= 0)
            members[t].push_back(x[k]);
    for (std::size_t j = 0; j < K; ++j) {
        std::vector<double>& m = members[slot[std::size_t(bin[j])]];
        const auto nth = m.begin() + std::ptrdiff_t(ranks[j] - first[j]);
        std::nth_element(m.begin(), nth, m.end());
        out[j] = *nth;
    }
}

} // namespace

Interval summarize(std::vector<double>& samples) {
    Interval s;
    const std::size_t n = samples.size();
    if (n == 0)
        return { kNaN, kNaN, kNaN, kNaN };
    // First the least and greatest draw (four independent lanes, element k in lane k mod 4, then
    // combined in lane order) and whether a draw is NaN: no chain from one element to the next, so
    // the pass is cheap. The mean is accumulated in iteration order afterwards, in one chain of
    // additions bound by their latency; for large samples the same loop files every draw in its value
    // bin (below), which then costs little more than the additions alone.
    const double* x = samples.data();
    double lo[4] = { x[0], x[0], x[0], x[0] }, hi[4] = { x[0], x[0], x[0], x[0] };
    bool nan = false;
    std::size_t k = 0;
    for (; k + 4 <= n; k += 4)
        for (std::size_t j = 0; j < 4; ++j) {
            const double v = x[k + j];
            lo[j] = v < lo[j] ? v : lo[j];
            hi[j] = v > hi[j] ? v : hi[j];
            nan |= v != v;
        }
    for (; k < n; ++k) {
        lo[0] = x[k] < lo[0] ? x[k] : lo[0];
        hi[0] = x[k] > hi[0] ? x[k] : hi[0];
        nan |= x[k] != x[k];
    }
    const double lowest = std::min(std::min(lo[0], lo[1]), std::min(lo[2], lo[3]));
    const double highest = std::max(std::max(hi[0], hi[1]), std::max(hi[2], hi[3]));
    const bool finite = !nan && std::isfinite(lowest) && std::isfinite(highest);
    auto sumInOrder = [&] {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i)
            sum += x[i];
        return sum;
    };
    // Type-7 percentiles from order statistics found by selection (average O(N)) instead of a full
    // sort: the result is the same as percentileSorted() of the sorted draws. The median pair is
    // selected first over all draws; the 2.5 % pair is then selected among the draws below it and the
    // 97.5 % pair among those above it, each as one selection plus a scan of the short side (the
    // neighbour of an order statistic is the maximum or minimum of the part next to it).
    auto loOf = [&](double p) { return std::size_t(std::floor(double(n - 1) * p)); };
    auto interpolate = [&](double p, std::pair<double, double> x) {
        const double h = double(n - 1) * p;
        return x.first + (h - std::floor(h)) * (x.second - x.first);
    };
    if (n < 4) {
        s.mean = sumInOrder() / double(n);
        std::sort(samples.begin(), samples.end());
        s.p2_5 = percentileSorted(samples, 0.025);
        s.p50 = percentileSorted(samples, 0.5);
        s.p97_5 = percentileSorted(samples, 0.975);
        return s;
    }
    const std::size_t mid = loOf(0.5), low = loOf(0.025), high = loOf(0.975);
    // Large samples: the six order statistics from one counting pass over value bins
    // (binnedOrderStats()), done in the loop of the mean; not when a draw is not finite or the range
    // overflows (the selection then works on the whole data).
    const double scale = double(kBins) / (highest - lowest);
    if (n >= 64 && finite && lowest == highest) {
        s.mean = sumInOrder() / double(n);
        s.p2_5 = interpolate(0.025, { lowest, lowest });
        s.p50 = interpolate(0.5, { lowest, lowest });
        s.p97_5 = interpolate(0.975, { lowest, lowest });
        return s;
    }
    if (n >= 64 && finite && std::isfinite(scale) && scale > 0) {
        thread_local std::vector<unsigned char> binStore;
        binStore.resize(n);
        unsigned char* binOf = binStore.data(); // local pointers: no reload through the thread-local
        std::array<std::uint32_t, kBins> count{};
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            sum += x[i];
            const int b = std::min(kBins - 1, int((x[i] - lowest) * scale));
            binOf[i] = static_cast<unsigned char>(b);
            ++count[std::size_t(b)];
        }
        s.mean = sum / double(n);
        const std::array<std::size_t, 6> ranks{ low, low + 1, mid, mid + 1, high, high + 1 };
        std::array<double, 6> o{};
        binnedOrderStats(samples, binOf, count, ranks, o);
        s.p2_5 = interpolate(0.025, { o[0], o[1] });
        s.p50 = interpolate(0.5, { o[2], o[3] });
        s.p97_5 = interpolate(0.975, { o[4], o[5] });
        return s;
    }
    s.mean = sumInOrder() / double(n);
    // n ≥ 4: low < mid < mid + 1 ≤ high < n − 1.
    const auto median = adjacentOrderStats(samples, 0, mid, n);
    // After the median selection [0, mid + 1) holds the mid + 1 smallest draws and [mid + 1, n) the
    // others: the lower pair lies in the first part (low + 1 ≤ mid), the upper pair in the second
    // (high ≥ mid + 1).
    s.p50 = interpolate(0.5, median);
    s.p2_5 = interpolate(0.025, adjacentOrderStats(samples, 0, low, mid + 1));
    s.p97_5 = interpolate(0.975, adjacentOrderStats(samples, mid + 1, high, n));
    return s;
}

double approach1Product(std::span<const double> u) {
    double s = 0;
    for (double v : u)
        s += v * v;
    return std::sqrt(s);
}

double approach1Sum(std::span<const double> x, std::span<const double> u) {
    double num = 0, sum = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double t = u[i] * x[i];
        num += t * t;
        sum += x[i];
    }
    if (sum == 0)
        return kNaN;
    return std::sqrt(num) / std::fabs(sum);
}

double uOnePlusR(double uR, double r) {
    return uR * r / (1.0 + r);
}

double approach1Difference(double s1, double u1, double s2, double u2) {
    const double x[] = { s2, -s1 };
    const double u[] = { u2, u1 };
    return approach1Sum(x, u);
}

} // namespace tanhui::models::uncertainty
