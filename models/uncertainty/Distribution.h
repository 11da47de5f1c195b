// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>
#include <vector>

/// Uncertainty building blocks (carbon-methods.md §6.2): probability distributions of parameters, a
/// counter-based random generator whose draws do not depend on thread count or evaluation order,
/// percentiles, and IPCC Approach 1 error propagation.
namespace tanhui::models::uncertainty {

/// @brief The distribution of one uncertain parameter (carbon-methods.md §6.2, Approach 2 item 1).
///
/// - Fixed: always `value` (no uncertainty).
/// - Normal: mean `value`, standard deviation `sd`.
/// - TruncatedNormal: a normal N(`value`, `sd`²) truncated to [`min`, `max`] (default [0, +∞):
///   non-negative factors; [0, 1] for fractions such as the carbon fraction; [0, 1] or [1, +∞) for a
///   stock-change factor below or above its reference level 1). Its mean moves away from a bound
///   that is close (mean()).
/// - Lognormal: parameterised by the mean (`value`) and the standard deviation (`sd`) **of the value
///   itself**, not of its logarithm: σ² = ln(1 + sd²/value²), μ = ln(value) − σ²/2, so that the mean
///   of the draws is `value` and their SD is `sd`. Needs value > 0.
/// - Triangular: minimum `min`, mode `value`, maximum `max`.
/// - Uniform: `min` to `max` (`value` is the table value used for central results).
struct Distribution {
    enum class Kind { Fixed, Normal, TruncatedNormal, Lognormal, Triangular, Uniform };
    Kind kind = Kind::Fixed;
    double value = 0; ///< the table value: mean (normal, lognormal), mode (triangular)
    double sd = 0;    ///< normal, truncated normal, lognormal: standard deviation of the value
    double min = 0;   ///< triangular, uniform; lower bound of the truncated normal
    double max = 0;   ///< triangular, uniform; upper bound of the truncated normal (may be +∞)

    static Distribution fixed(double value);
    static Distribution normal(double mean, double sd);
    /// N(mean, sd²) truncated to [lo, hi] (lo < hi; hi may be +∞); needs lo ≤ mean ≤ hi.
    static Distribution truncatedNormal(double mean,
                                        double sd,
                                        double lo = 0.0,
                                        double hi = std::numeric_limits<double>::infinity());
    static Distribution lognormal(double mean, double sd);
    static Distribution triangular(double min, double mode, double max);
    static Distribution uniform(double min, double max, double value);

    /// @brief The inverse cumulative distribution function at u ∈ (0, 1): one uniform number gives one
    /// draw (inversion sampling), so draws depend only on the uniform number.
    double quantile(double u) const;
    /// Mean of the distribution (for triangular and uniform not necessarily `value`).
    double mean() const;
    /// Standard deviation of the distribution.
    double stddev() const;
    /// @brief Approach 1 uncertainty U (fraction): the 95 % half-width relative to the table value,
    /// U = 1.96 × sd / |value| for normal, truncated normal and lognormal (the declared U; for normal
    /// inputs exactly §6.2's U), 1.96 × stddev() / |value| for triangular and uniform; 0 for Fixed;
    /// infinity when value = 0 and the spread is not 0.
    double u95() const;
    bool isFixed() const { return kind == Kind::Fixed; }
};

/// "fixed", "normal", "truncnormal", "lognormal", "triangular", "uniform".
const char* kindName(Distribution::Kind kind);
/// Parses the names above (case-insensitive; "truncated_normal" and "none" are accepted too); false
/// when unknown.
bool parseKind(std::string_view text, Distribution::Kind& kind);

/// @brief The "U %" rule of carbon-methods.md §6.2 item 1: U is the 95 % half-width in percent of the
/// value, so SD = U/100 × |value| / 1.96 (the "±90 %" default gives SD ≈ 0.9 × value / 1.96).
/// For a non-negative parameter (`nonNegative`) with U > kLognormalAbovePct the distribution is
/// lognormal (same mean and SD; "lognormal ... for non-negative factors with large U"); with smaller U
/// a normal truncated at 0; for a parameter that may be negative, a normal. U = 0 gives Fixed.
Distribution fromPercent(double value, double uPct, bool nonNegative);
/// @brief The valid range of a parameter (docs/uncertainty.md, "Bounded distributions").
struct ValueRange {
    double lo = -std::numeric_limits<double>::infinity();
    double hi = std::numeric_limits<double>::infinity();
    static ValueRange any() { return {}; }
    static ValueRange nonNegative() { return { 0.0, std::numeric_limits<double>::infinity() }; }
    static ValueRange fraction() { return { 0.0, 1.0 }; }
    bool bounded() const { return std::isfinite(lo) || std::isfinite(hi); }
};
/// @brief fromPercent() within `range`: unbounded → normal; [0, +∞) → the rule above (truncated normal,
/// lognormal above kLognormalAbovePct); any other range (a finite upper bound, e.g. a fraction in
/// [0, 1], or a lower bound other than 0, e.g. BEF ≥ 1) → a normal truncated to the range, whatever U
/// (a lognormal cannot respect an upper bound). A value outside the range is clamped into it first.
Distribution fromPercent(double value, double uPct, ValueRange range);
/// Above this U (%) a non-negative parameter given only by U becomes lognormal (§6.2: Approach 1 is
/// valid below about 50–100 %; a normal with U = 50 % puts 0.004 % of its mass below 0).
constexpr double kLognormalAbovePct = 50.0;

/// Standard normal quantile Φ⁻¹(p), p ∈ (0, 1) (Wichura's AS 241, relative error about 1e-16).
double normalQuantile(double p);
/// Standard normal CDF Φ(x).
double normalCdf(double x);

// ---------------------------------------------------------------------------------------------------
// Random numbers (carbon-methods.md §6.2: "Record the random seed and the generator").

/// splitmix64's output function applied to x + 0x9E3779B97F4A7C15 (Steele, Lea & Flood 2014).
std::uint64_t splitmix64(std::uint64_t x);
/// 64-bit FNV-1a hash of a stable parameter identifier, e.g. "carbon_pools/11/c_above".
std::uint64_t parameterKey(std::string_view id);
/// @brief The uniform number of (seed, parameter, iteration), in the open interval (0, 1):
/// h = splitmix64(splitmix64(splitmix64(seed) ^ key) ^ iteration); u = ((h >> 11) + 0.5) / 2⁵³.
/// A pure function of its arguments (counter-based), so a draw does not depend on which thread
/// computes it, nor on the order of evaluation.
double uniform01(std::uint64_t seed, std::uint64_t key, std::uint64_t iteration);
/// Name of the generator, written into run metadata.
constexpr const char* kGeneratorName =
  "splitmix64-counter: u(seed, key, i) = ((splitmix64(splitmix64(splitmix64(seed) ^ key) ^ i) >> 11) + "
  "0.5) / 2^53, key = FNV-1a-64(parameter id); draws by inversion";

/// @brief N draws of every parameter, one row per parameter: draws(p, i) = dist[p].quantile(
/// uniform01(seed, key[p], i)). One draw per parameter per iteration, shared by every date and parcel
/// that uses the parameter (correlation rule of §6.2 item 2).
class DrawMatrix {
public:
    DrawMatrix() = default;
    DrawMatrix(const std::vector<Distribution>& dists,
               const std::vector<std::uint64_t>& keys,
               std::uint64_t seed,
               int iterations);
    int iterations() const { return m_iterations; }
    std::size_t parameters() const { return m_parameters; }
    const double* row(std::size_t parameter) const {
        return m_draws.data() + parameter * std::size_t(m_iterations);
    }

private:
    int m_iterations = 0;
    std::size_t m_parameters = 0;
    std::vector<double> m_draws;
};

// ---------------------------------------------------------------------------------------------------
// Percentiles and summaries.

/// @brief Percentile of sorted data, Hyndman & Fan type 7 (R's default, NumPy's "linear"): with
/// h = (n − 1) × p, x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋ + 1] − x[⌊h⌋]); p ∈ [0, 1]. NaN for empty data.
double percentileSorted(std::span<const double> sorted, double p);

/// @brief Monte Carlo summary of one quantity: mean and the 2.5 / 50 / 97.5 percentiles (type 7).
struct Interval {
    double mean = 0;
    double p2_5 = 0;
    double p50 = 0;
    double p97_5 = 0;
};
/// Summarises `samples` (reordering them: the percentiles come from order statistics found by
/// selection, equal to percentileSorted() of the sorted samples; the mean is accumulated in iteration
/// order first).
Interval summarize(std::vector<double>& samples);
/// @brief summarize() of several sample vectors (e.g. the quantities of one parcel): out[q] is
/// exactly summarize(*samples[q]) (same bits), but the means of vectors of one size are accumulated
/// in one loop, where their chains of additions (each in iteration order) overlap.
void summarizeEach(std::span<std::vector<double>* const> samples, std::span<Interval> out);

// ---------------------------------------------------------------------------------------------------
// IPCC Approach 1 (carbon-methods.md §6.2; IPCC 2006 Vol. 1 Ch. 3). U values are fractions (0.05 = 5 %).

/// Eq. 3.1, products: U = sqrt(U1² + … + Un²).
double approach1Product(std::span<const double> u);
/// Eq. 3.2, sums and differences: U = sqrt(Σ (Ui·xi)²) / |Σ xi|; NaN when Σ xi = 0.
double approach1Sum(std::span<const double> x, std::span<const double> u);
/// U of the factor (1 + R): U_(1+R) = U_R × R / (1 + R).
double uOnePlusR(double uR, double r);
/// Approach 1 for a difference of two stocks treated as uncorrelated (Eq. 3.2 with x = (s2, −s1)):
/// sqrt((u1·s1)² + (u2·s2)²) / |s2 − s1|; NaN when s2 = s1. §6.2 design note: it overstates the
/// uncertainty of a change between correlated stocks.
double approach1Difference(double s1, double u1, double s2, double u2);

} // namespace tanhui::models::uncertainty
