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

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

Distribution Distribution::truncatedNormal(double mean, double sd, double lo, double hi) {
    Distribution d = normal(mean, sd);
    if (d.kind == Kind::Normal) {
        d.kind = Kind::TruncatedNormal;
        d.min = lo;
        d.max = hi;
    }
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
            // Inversion within [Φ(α), Φ(β)], α = (min − value)/sd, β = (max − value)/sd.
            const double lower = normalCdf((min - value) / sd);
            const double upper = std::isfinite(max) ? normalCdf((max - value) / sd) : 1.0;
            const double p = std::clamp(lower + u * (upper - lower), 1e-300, 1.0 - 1e-16);
            return std::clamp(value + sd * normalQuantile(p), min, max);
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
            // Doubly truncated normal: value + sd (φ(α) − φ(β)) / (Φ(β) − Φ(α)).
            const double alpha = (min - value) / sd;
            const double beta = (max - value) / sd;
            const double z = (std::isfinite(max) ? normalCdf(beta) : 1.0) - normalCdf(alpha);
            const double pb = std::isfinite(max) ? normalPdf(beta) : 0.0;
            return value + sd * (normalPdf(alpha) - pb) / z;
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
            // sd² (1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²), Z = Φ(β) − Φ(α).
            const double alpha = (min - value) / sd;
            const double beta = (max - value) / sd;
            const bool finiteMax = std::isfinite(max);
            const double z = (finiteMax ? normalCdf(beta) : 1.0) - normalCdf(alpha);
            const double pa = normalPdf(alpha), pb = finiteMax ? normalPdf(beta) : 0.0;
            const double ta = std::isfinite(alpha) ? alpha * pa : 0.0;
            const double tb = finiteMax ? beta * pb : 0.0;
            const double m = (pa - pb) / z;
            return sd * std::sqrt(std::max(0.0, 1.0 + (ta - tb) / z - m * m));
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

Distribution fromPercent(double value, double uPct, ValueRange range) {
    if (!range.bounded())
        return fromPercent(value, uPct, false);
    if (range.lo == 0 && !std::isfinite(range.hi))
        return fromPercent(value, uPct, true);
    const double v = std::clamp(value, range.lo, range.hi);
    const double sd = uPct / 100.0 * std::fabs(v) / 1.96;
    if (!(sd > 0) || range.hi <= range.lo)
        return Distribution::fixed(v);
    return Distribution::truncatedNormal(v, sd, range.lo, range.hi);
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
    thread_local std::vector<double> memberStore[K];
    // A local pointer: in position-independent code every use of the thread-local would look it up.
    std::vector<double>* const members = memberStore;
    std::array<int, kBins> slot;
    slot.fill(-1);
    int slots = 0;
    for (std::size_t j = 0; j < K; ++j)
        if (slot[std::size_t(bin[j])] < 0) {
            members[slots].clear();
            slot[std::size_t(bin[j])] = slots++;
        }
    std::size_t k = 0;
#if defined(__SSE2__)
    // Sixteen bins at a time compared with the distinct wanted ones (usually three of the K): most
    // groups hold none of their elements and are skipped with one test; the others are taken element
    // by element, in order, as below.
    __m128i wanted[K];
    std::size_t distinct = 0;
    for (std::size_t j = 0; j < K; ++j)
        if (j == 0 || bin[j] != bin[j - 1]) // ranks ascend, so equal bins are adjacent
            wanted[distinct++] = _mm_set1_epi8(static_cast<char>(bin[j]));
    for (; k + 16 <= n; k += 16) {
        const __m128i b16 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(binOf + k));
        __m128i hit = _mm_cmpeq_epi8(b16, wanted[0]);
        for (std::size_t j = 1; j < distinct; ++j)
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(b16, wanted[j]));
        for (unsigned mask = unsigned(_mm_movemask_epi8(hit)); mask != 0; mask &= mask - 1) {
            const std::size_t e = k + std::size_t(__builtin_ctz(mask));
            members[slot[binOf[e]]].push_back(x[e]);
        }
    }
#endif
    for (; k < n; ++k)
        if (const int t = slot[binOf[k]]; t >= 0)
            members[t].push_back(x[k]);
    for (std::size_t j = 0; j < K; ++j) {
        std::vector<double>& m = members[slot[std::size_t(bin[j])]];
        const auto nth = m.begin() + std::ptrdiff_t(ranks[j] - first[j]);
        std::nth_element(m.begin(), nth, m.end());
        out[j] = *nth;
    }
}

/// The least and greatest of n ≥ 1 values and whether one is NaN. Four lanes (value k in lane
/// k mod 4: v < lo ? v : lo, v > hi ? v : hi), then combined in lane order: the same values, zeros'
/// signs included, whether the lanes run in SSE2 registers (MINPD/MAXPD compute exactly these
/// expressions) or one by one.
struct Range {
    double lowest = 0, highest = 0;
    bool nan = false;
    bool finite() const { return !nan && std::isfinite(lowest) && std::isfinite(highest); }
};
Range rangeOf(const double* x, std::size_t n) {
    double lo[4] = { x[0], x[0], x[0], x[0] }, hi[4] = { x[0], x[0], x[0], x[0] };
    bool nan = false;
    std::size_t k = 0;
#if defined(__SSE2__)
    __m128d lo01 = _mm_set1_pd(x[0]), lo23 = lo01, hi01 = lo01, hi23 = lo01, unordered = _mm_setzero_pd();
    for (; k + 4 <= n; k += 4) {
        const __m128d a = _mm_loadu_pd(x + k), b = _mm_loadu_pd(x + k + 2);
        lo01 = _mm_min_pd(a, lo01);
        lo23 = _mm_min_pd(b, lo23);
        hi01 = _mm_max_pd(a, hi01);
        hi23 = _mm_max_pd(b, hi23);
        unordered = _mm_or_pd(unordered, _mm_cmpunord_pd(a, b));
    }
    _mm_storeu_pd(lo, lo01);
    _mm_storeu_pd(lo + 2, lo23);
    _mm_storeu_pd(hi, hi01);
    _mm_storeu_pd(hi + 2, hi23);
    nan = _mm_movemask_pd(unordered) != 0;
#endif
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
    return { std::min(std::min(lo[0], lo[1]), std::min(lo[2], lo[3])),
             std::max(std::max(hi[0], hi[1]), std::max(hi[2], hi[3])),
             nan };
}

double sumInOrder(const double* x, std::size_t n) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += x[i];
    return sum;
}

/// Type-7 percentile p of n values from the order statistics ⌊h⌋ and ⌊h⌋ + 1, h = (n − 1) × p.
double interpolate(std::size_t n, double p, std::pair<double, double> x) {
    const double h = double(n - 1) * p;
    return x.first + (h - std::floor(h)) * (x.second - x.first);
}
std::size_t loOf(std::size_t n, double p) {
    return std::size_t(std::floor(double(n - 1) * p));
}

/// The bin scale of binnedOrderStats() for a range, or 0 when the values cannot be binned that way
/// (fewer than 64, not finite, all equal, or a range that overflows).
double binScale(std::size_t n, const Range& r) {
    if (n < 64 || !r.finite() || r.lowest == r.highest)
        return 0;
    const double scale = double(kBins) / (r.highest - r.lowest);
    return std::isfinite(scale) && scale > 0 ? scale : 0;
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
// Also compiled for AVX2 and chosen at run time (four values per instruction); subtraction,
// multiplication and truncation are exact IEEE operations either way, so the bins are the same.
#define TANHUI_BIN_KERNEL __attribute__((target_clones("avx2", "default")))
#else
#define TANHUI_BIN_KERNEL
#endif

/// The value bin of each of x[0, n): min(B − 1, ⌊(x − lowest) × scale⌋) (binnedOrderStats()).
TANHUI_BIN_KERNEL void binValues(const double* __restrict x,
                                 std::size_t n,
                                 double lowest,
                                 double scale,
                                 unsigned char* __restrict binOf) {
    for (std::size_t i = 0; i < n; ++i)
        binOf[i] = static_cast<unsigned char>(std::min(kBins - 1, int((x[i] - lowest) * scale)));
}

/// summarize() of M sample vectors of the same size n that binScale() accepts: the mean of each
/// (additions in iteration order) and its value bins in one loop over the iterations, in which the M
/// chains of additions overlap; then the six order statistics of each from its bins.
template<int M>
void summarizeBinned(std::vector<double>* const* v, const Range* range, Interval* out) {
    const std::size_t n = v[0]->size();
    thread_local std::vector<unsigned char> binStore[M];
    const double* x[M];
    unsigned char* binOf[M];
    double lowest[M], scale[M], sum[M];
    std::array<std::array<std::uint32_t, kBins>, M> count{};
    for (int j = 0; j < M; ++j) {
        binStore[j].resize(n);
        binOf[j] = binStore[j].data(); // local pointers: no reload through the thread-local
        x[j] = v[j]->data();
        lowest[j] = range[j].lowest;
        scale[j] = binScale(n, range[j]);
        sum[j] = 0;
    }
    // The bins in a vectorised pass per vector; then the sums (in iteration order) and the counts.
    for (int j = 0; j < M; ++j)
        binValues(x[j], n, lowest[j], scale[j], binOf[j]);
    for (std::size_t i = 0; i < n; ++i)
        for (int j = 0; j < M; ++j) {
            sum[j] += x[j][i];
            ++count[std::size_t(j)][binOf[j][i]];
        }
    const std::size_t mid = loOf(n, 0.5), low = loOf(n, 0.025), high = loOf(n, 0.975);
    const std::array<std::size_t, 6> ranks{ low, low + 1, mid, mid + 1, high, high + 1 };
    for (int j = 0; j < M; ++j) {
        std::array<double, 6> o{};
        binnedOrderStats(*v[j], binOf[j], count[std::size_t(j)], ranks, o);
        out[j].mean = sum[j] / double(n);
        out[j].p2_5 = interpolate(n, 0.025, { o[0], o[1] });
        out[j].p50 = interpolate(n, 0.5, { o[2], o[3] });
        out[j].p97_5 = interpolate(n, 0.975, { o[4], o[5] });
    }
}

/// summarize() once the range of the samples is known.
Interval summarizeWithRange(std::vector<double>& samples, const Range& range) {
    Interval s;
    const std::size_t n = samples.size();
    const double* x = samples.data();
    // Type-7 percentiles from order statistics found by selection (average O(N)) instead of a full
    // sort: the result is the same as percentileSorted() of the sorted draws.
    if (n < 4) {
        s.mean = sumInOrder(x, n) / double(n);
        std::sort(samples.begin(), samples.end());
        s.p2_5 = percentileSorted(samples, 0.025);
        s.p50 = percentileSorted(samples, 0.5);
        s.p97_5 = percentileSorted(samples, 0.975);
        return s;
    }
    // Large samples: the six order statistics from one counting pass over value bins
    // (binnedOrderStats()), done in the loop of the mean; not when a draw is not finite or the range
    // overflows (the selection then works on the whole data).
    if (n >= 64 && range.finite() && range.lowest == range.highest) {
        s.mean = sumInOrder(x, n) / double(n);
        s.p2_5 = interpolate(n, 0.025, { range.lowest, range.lowest });
        s.p50 = interpolate(n, 0.5, { range.lowest, range.lowest });
        s.p97_5 = interpolate(n, 0.975, { range.lowest, range.lowest });
        return s;
    }
    if (binScale(n, range) > 0) {
        std::vector<double>* one[1] = { &samples };
        summarizeBinned<1>(one, &range, &s);
        return s;
    }
    s.mean = sumInOrder(x, n) / double(n);
    // n ≥ 4: low < mid < mid + 1 ≤ high < n − 1. The median pair is selected first over all draws;
    // after it [0, mid + 1) holds the mid + 1 smallest draws and [mid + 1, n) the others: the 2.5 %
    // pair is then selected in the first part (low + 1 ≤ mid) and the 97.5 % pair in the second
    // (high ≥ mid + 1), each as one selection plus a scan of the short side (the neighbour of an
    // order statistic is the maximum or minimum of the part next to it).
    const std::size_t mid = loOf(n, 0.5), low = loOf(n, 0.025), high = loOf(n, 0.975);
    const auto median = adjacentOrderStats(samples, 0, mid, n);
    s.p50 = interpolate(n, 0.5, median);
    s.p2_5 = interpolate(n, 0.025, adjacentOrderStats(samples, 0, low, mid + 1));
    s.p97_5 = interpolate(n, 0.975, adjacentOrderStats(samples, mid + 1, high, n));
    return s;
}

} // namespace

Interval summarize(std::vector<double>& samples) {
    if (samples.empty())
        return { kNaN, kNaN, kNaN, kNaN };
    return summarizeWithRange(samples, rangeOf(samples.data(), samples.size()));
}

void summarizeEach(std::span<std::vector<double>* const> samples, std::span<Interval> out) {
    // Vectors that can be binned, of one size, in groups of up to three; the others one by one.
    std::vector<std::size_t> binned;
    std::vector<Range> ranges(samples.size());
    for (std::size_t q = 0; q < samples.size(); ++q) {
        std::vector<double>& v = *samples[q];
        if (v.empty()) {
            out[q] = { kNaN, kNaN, kNaN, kNaN };
            continue;
        }
        ranges[q] = rangeOf(v.data(), v.size());
        if (binScale(v.size(), ranges[q]) > 0 && (binned.empty() || samples[binned[0]]->size() == v.size()))
            binned.push_back(q);
        else
            out[q] = summarizeWithRange(v, ranges[q]);
    }
    for (std::size_t g = 0; g < binned.size(); g += 3) {
        const std::size_t m = std::min<std::size_t>(3, binned.size() - g);
        std::vector<double>* v[3];
        Range r[3];
        Interval o[3];
        for (std::size_t j = 0; j < m; ++j) {
            v[j] = samples[binned[g + j]];
            r[j] = ranges[binned[g + j]];
        }
        if (m == 3)
            summarizeBinned<3>(v, r, o);
        else if (m == 2)
            summarizeBinned<2>(v, r, o);
        else
            summarizeBinned<1>(v, r, o);
        for (std::size_t j = 0; j < m; ++j)
            out[binned[g + j]] = o[j];
    }
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
