// SPDX-License-Identifier: GPL-3.0-or-later
// Deterministic pseudo-random numbers and coherent noise for the sample landscape. Own generators
// (splitmix64) and no std:: distributions, so every platform and thread count gives the same values.
#pragma once

#include <cstdint>

namespace tanhui::models::sample {

/// splitmix64 finaliser: a bijective 64-bit mix.
inline std::uint64_t mix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/// Hash of a seed and up to three integers (lattice coordinates, indices, years).
inline std::uint64_t hash64(std::uint64_t seed, std::int64_t a, std::int64_t b = 0, std::int64_t c = 0) {
    std::uint64_t h = mix64(seed ^ 0x5851F42D4C957F2Dull);
    h = mix64(h ^ std::uint64_t(a));
    h = mix64(h ^ (std::uint64_t(b) * 0xD1B54A32D192ED03ull));
    return mix64(h ^ (std::uint64_t(c) * 0x8CB92BA72F3D8DD7ull));
}

/// A double in [0, 1) from the top 53 bits of a hash.
inline double unitFromHash(std::uint64_t h) {
    return double(h >> 11) * (1.0 / 9007199254740992.0);
}

/// @brief splitmix64 sequence generator.
class Rng {
public:
    explicit Rng(std::uint64_t seed)
      : m_state(seed) {}
    std::uint64_t next() {
        m_state += 0x9E3779B97F4A7C15ull;
        std::uint64_t z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, 1).
    double uniform() { return unitFromHash(next()); }
    /// Uniform in [a, b).
    double uniform(double a, double b) { return a + (b - a) * uniform(); }
    /// Uniform integer in [0, n) (n > 0).
    int below(int n) { return int(uniform() * n); }

private:
    std::uint64_t m_state;
};

/// Value noise in [0, 1] at (x, y) in lattice units (smooth, C1).
double valueNoise(std::uint64_t seed, double x, double y);
/// Fractal sum of `octaves` value-noise octaves (gain 0.5, lacunarity 2), normalised to [0, 1].
double fbm(std::uint64_t seed, double x, double y, int octaves);
/// One-dimensional fBm in [0, 1].
double fbm1(std::uint64_t seed, double x, int octaves);
/// Ridged fBm in [0, 1] (sharp crests, for mountain ridges).
double ridged(std::uint64_t seed, double x, double y, int octaves);

/// Hermite smoothstep of x between edges e0 and e1 (0 below e0, 1 above e1; e0 > e1 allowed).
inline double smoothstep(double e0, double e1, double x) {
    double t = (x - e0) / (e1 - e0);
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    return t * t * (3 - 2 * t);
}

} // namespace tanhui::models::sample
