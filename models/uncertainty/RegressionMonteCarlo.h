// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/carbon/RegressionMethod.h"
#include "models/uncertainty/CarbonMonteCarlo.h"

#include <array>
#include <cstdint>
#include <vector>

/// IPCC Approach 2 (Monte Carlo) for the remote-sensing regression method (carbon-methods.md §6.1,
/// §6.2 "Remote-sensing model error"): parameter uncertainty of the fitted coefficients, drawn with the
/// generator, seed handling and correlation rule of the other methods (CarbonMonteCarlo.h).
namespace tanhui::models::uncertainty {

/// Value columns of a coefficient row that are drawn, in this order: a, b, the bias correction
/// (bias_sigma2 or smearing, whichever the row has; none: not drawn), r_low, r_high, cf. agb_cap is
/// exact (the training maximum, a property of the calibration data, not an estimate).
constexpr int kRegressionUncertainColumns = 6;

/// @brief The distribution of each drawn value of each coefficient row (ids
/// "rs_coefficients/<code>/<column>"), in RegressionLookup::rows() order, and the correlation of a
/// and b (§6.2: draw (a, b) from their covariance matrix): the optional `ab_corr` column, ρ in
/// [−1, 1] (default 0, independent). With ρ ≠ 0, b's uniform number becomes Φ(ρ·z_a + √(1 − ρ²)·z_b)
/// with z = Φ⁻¹(u) of a's and b's own uniforms (a Gaussian copula): for normal a and b exactly the
/// bivariate normal with correlation ρ; a's draws are unchanged, and every draw still depends only
/// on the seed, the values and the iteration.
struct RegressionUncertaintyModel {
    std::vector<std::int64_t> codes;
    std::vector<std::array<UncertainValue, kRegressionUncertainColumns>> values;
    std::vector<bool> hasBias;  ///< the row has bias_sigma2 or smearing (column 2 is drawn)
    std::vector<double> abCorr; ///< per row, ρ(a, b)
    params::Issues issues;
    std::vector<std::string> fixedIds;
};
RegressionUncertaintyModel buildRegressionUncertainty(const params::ParameterTable& table,
                                                      const carbon::RegressionLookup& lookup,
                                                      const UncertaintyDefaults& defaults);

/// @brief One year of a unit (a parcel): whether the parcel reports a stock that year, its valid
/// forest area and its VI bins (RegressionParcelYear::viBins).
struct RegressionUnitYear {
    int year = 0;
    bool present = false;
    double forestAreaHa = 0;
    std::vector<carbon::RegressionParcelYear::ViBin> bins;
};
/// @brief A parcel for the Monte Carlo: its years (ascending, the run's years) and the R-class
/// hysteresis of its method entry (t d.m./ha).
struct RegressionUnit {
    std::vector<RegressionUnitYear> years;
    double hysteresis = carbon::kDefaultRHysteresisTDmPerHa;
};

/// @brief Per-iteration carbon (t C) of each unit per year: the whole chain of §6.1 recomputed per
/// iteration with the drawn coefficients — per bin AGB = clamp(model(VI) × bias, 0, cap) at the bin's
/// mean VI, the parcel mean AGB per year, the R class trajectory by the hysteresis rule on it, and
/// carbon = Σ bin area × (AGB + AGB × R) × CF. Stocks of years not present are exactly 0. Changes:
/// consecutive years, then first → last (more than two years), the per-iteration difference of the
/// stocks where both years are present, else exactly 0. Units in parallel, each by one thread with the
/// iterations in order: identical for any thread count.
///
/// Approach 1 (§6.2) applies where the stock is a sum of products of the table values: every forest
/// code of the parcel that year has the linear form and no cell is clamped at 0 or capped (central
/// values). Then per code carbon = (1 + R) × CF × (a·A + b·S) with A = Σ area, S = Σ area × VI over the
/// bins and R of the parcel's central R class: Eq. 3.2 over a·A and b·S (with the covariance term
/// 2ρ·(U_a·a·A)·(U_b·b·S) under the root when ab_corr is given), Eq. 3.1 with U_(1+R) and U_CF,
/// Eq. 3.2 over codes; a change by approach1Difference() (uncorrelated: it overstates, §6.2). It does
/// not apply to the power, exponential and logarithmic forms, nor where the cap or zero binds (u95 NaN);
/// the R class is taken as fixed (it is a threshold rule on the result).
///
/// The bins are the only approximation: a cell's AGB is evaluated at its bin's area-weighted mean VI
/// (the midpoint rule at the centroid: first-order errors cancel exactly). For a smooth model the
/// error of a bin is ½ f''(ξ) × the bin's VI variance ≤ f''·w²/8; for the exponential form that is a
/// relative error ≤ b²w²/8 (w = 0.01, b = 3.5: 1.5e-4), plus, in a bin straddling the cap or zero, at
/// most the bin's area × |f'| × w.
std::vector<UnitSamples> sampleRegressionUnits(const RegressionUncertaintyModel& model,
                                               const carbon::RegressionLookup& lookup,
                                               const std::vector<RegressionUnit>& units,
                                               const MonteCarloOptions& options);

} // namespace tanhui::models::uncertainty
