// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sample/Random.h"

#include <cmath>

namespace tanhui::models::sample {

namespace {

inline double fade(double t) {
    return t * t * (3 - 2 * t);
}

} // namespace

namespace {

/// The four lattice values of the cell (i, j) of one noise field (seed).
struct LatticeCell {
    std::uint64_t seed = 0;
    std::int64_t i = 0, j = 0;
    double a = 0, b = 0, c = 0, d = 0;
    bool valid = false;
};

// Neighbouring cells of a row fall into the same lattice cell of the low-frequency octaves, so the
// corners of the last cell of each field are kept (direct-mapped by seed, one cache per thread). The
// values are those of the hashes below, so the noise is unchanged.
constexpr int kLatticeCacheBits = 8;
thread_local LatticeCell t_latticeCache[1 << kLatticeCacheBits];

} // namespace

double valueNoise(std::uint64_t seed, double x, double y) {
    const double fx = std::floor(x), fy = std::floor(y);
    const auto i = std::int64_t(fx), j = std::int64_t(fy);
    const double tx = fade(x - fx), ty = fade(y - fy);
    LatticeCell& cell = t_latticeCache[(seed * 0x9E3779B97F4A7C15ull) >> (64 - kLatticeCacheBits)];
    if (!cell.valid || cell.seed != seed || cell.i != i || cell.j != j) {
        // lattice(seed, i, j) == hash64(seed, i, j) unrolled: the seed and column stages are shared by
        // the four corners (11 mixes instead of 16, same values).
        const std::uint64_t hs = mix64(seed ^ 0x5851F42D4C957F2Dull);
        const std::uint64_t h0 = mix64(hs ^ std::uint64_t(i)), h1 = mix64(hs ^ std::uint64_t(i + 1));
        auto corner = [](std::uint64_t hi, std::int64_t jj) {
            return unitFromHash(mix64(mix64(hi ^ (std::uint64_t(jj) * 0xD1B54A32D192ED03ull)) ^ 0));
        };
        cell =
          LatticeCell{ seed, i, j, corner(h0, j), corner(h1, j), corner(h0, j + 1), corner(h1, j + 1), true };
    }
    const double top = cell.a + (cell.b - cell.a) * tx, bottom = cell.c + (cell.d - cell.c) * tx;
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
