// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sample/Random.h"

#include <cmath>

namespace tanhui::models::sample {

namespace {

inline double fade(double t) {
    return t * t * (3 - 2 * t);
}

} // namespace

double valueNoise(std::uint64_t seed, double x, double y) {
    const double fx = std::floor(x), fy = std::floor(y);
    const auto i = std::int64_t(fx), j = std::int64_t(fy);
    const double tx = fade(x - fx), ty = fade(y - fy);
    // lattice(seed, i, j) == hash64(seed, i, j) unrolled: the seed and column stages are shared by the
    // four corners (11 mixes instead of 16, same values).
    const std::uint64_t hs = mix64(seed ^ 0x5851F42D4C957F2Dull);
    const std::uint64_t h0 = mix64(hs ^ std::uint64_t(i)), h1 = mix64(hs ^ std::uint64_t(i + 1));
    auto corner = [](std::uint64_t hi, std::int64_t jj) {
        return unitFromHash(mix64(mix64(hi ^ (std::uint64_t(jj) * 0xD1B54A32D192ED03ull)) ^ 0));
    };
    const double a = corner(h0, j), b = corner(h1, j);
    const double c = corner(h0, j + 1), d = corner(h1, j + 1);
    const double top = a + (b - a) * tx, bottom = c + (d - c) * tx;
    return top + (bottom - top) * ty;
}

double fbm(std::uint64_t seed, double x, double y, int octaves) {
    double sum = 0, amp = 1, norm = 0;
    for (int o = 0; o < octaves; ++o) {
        sum += amp * valueNoise(seed + std::uint64_t(o) * 1013, x, y);
        norm += amp;
        amp *= 0.5;
        // A rotation-like shear between octaves hides the lattice axes.
        const double nx = 1.6 * x + 1.2 * y + 17.3, ny = -1.2 * x + 1.6 * y + 5.1;
        x = nx;
        y = ny;
    }
    return sum / norm;
}

double fbm1(std::uint64_t seed, double x, int octaves) {
    return fbm(seed, x, 0.5, octaves);
}

double ridged(std::uint64_t seed, double x, double y, int octaves) {
    double sum = 0, amp = 1, norm = 0;
    for (int o = 0; o < octaves; ++o) {
        const double v = 1 - std::fabs(2 * valueNoise(seed + std::uint64_t(o) * 7919, x, y) - 1);
        sum += amp * v * v;
        norm += amp;
        amp *= 0.5;
        const double nx = 1.6 * x + 1.2 * y + 3.7, ny = -1.2 * x + 1.6 * y + 11.9;
        x = nx;
        y = ny;
    }
    return sum / norm;
}

} // namespace tanhui::models::sample
