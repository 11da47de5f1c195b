// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace tanhui::models::gep {

/// @brief RUSLE LS factor kept within the documented validity of its equations (gep-methods.md §4.3,
/// §7.2). S: McCool et al. (1987) 10.8 sin θ + 0.03 below 9 %, 16.8 sin θ − 0.50 from 9 %, and the
/// 刘宝元 steep-slope form 21.91 sin θ − 0.96 from 10° (§4.3). L = (λ/22.13)^m with m = 0.2/0.3/0.4/0.5 by
/// slope class (< 1 %, 1–3 %, 3–5 %, ≥ 5 %, §7.2) and a uniform slope length λ.
///
/// Validity caps:
/// - slope: the steep-slope S equation was fitted on plots of 9–55 % (Liu, Nearing & Risse 1994,
///   "Slope gradient effects on soil loss for steep slopes", Trans. ASAE 37(6): 1835–1840); steeper cells
///   are evaluated at 55 % (S = 9.60) and counted as capped, instead of extrapolating up to S = 20.95 at a
///   vertical face;
/// - slope length: at most L_max = 122 m, InVEST SDR's default upper limit of the slope length (§7.2);
///   the L factor of RUSLE grows without bound with λ.
///
/// Computed from the gradient G = tan θ (Horn's |∇z|) without trigonometry: sin θ = G / √(1 + G²), the
/// slope in percent is 100 G, and θ ≥ 10° ⇔ G ≥ tan 10°; L for the four exponents is computed once.
class LsFactor {
public:
    static constexpr double kMaxGradient = 0.55;      ///< 55 % slope (Liu et al. 1994)
    static constexpr double kMaxSlopeLengthM = 122.0; ///< InVEST SDR L_max (gep-methods.md §7.2)

    explicit LsFactor(double slopeLengthM);
    /// LS of a cell with gradient tan θ; `capped` (optional) says whether the slope cap applied.
    double operator()(double gradient, bool* capped = nullptr) const;
    /// The slope length used (λ capped at kMaxSlopeLengthM), m.
    double slopeLengthM() const { return m_lambda; }
    /// True when the requested slope length exceeded kMaxSlopeLengthM.
    bool slopeLengthCapped() const { return m_lambdaCapped; }

private:
    static constexpr double kTan10Deg = 0.17632698070846498; // tan(10°)
    double m_l[4];
    double m_lambda;
    bool m_lambdaCapped;
};

/// Potential erosion R·K·LS above which a parcel is flagged `implausible_potential_erosion`, t/ha/a:
/// gep-methods.md §4.3 notes that A_p on steep south-China hillslopes "easily reaches hundreds of t/ha/a";
/// 1000 t/ha/a would strip about 7.7 cm of soil a year at a bulk density of 1.3 t/m³ (1000 / 1.3 / 10⁴ m),
/// an order of magnitude beyond that and beyond the 剧烈 (severe) class of China's erosion grading,
/// > 150 t/ha/a of actual erosion (SL 190-2007).
inline constexpr double kImplausiblePotentialErosionTPerHa = 1000.0;

/// Share of a parcel's ET below the median ET of its ecosystem type in the run under which its water
/// conservation is flagged `water_conservation_low_et`: the balance P − αP − ET (§4.2) credits missing
/// transpiration (a clear-cut, a gap, a mis-typed parcel) as water conserved by the ecosystem.
inline constexpr double kLowEtShareOfMedian = 0.8;

/// @brief For every parcel (ecosystem key, ET in mm/a or NaN), whether its ET is below
/// kLowEtShareOfMedian × the median ET of the parcels with the same ecosystem key. Ecosystems with fewer
/// than 5 parcels with ET are not judged (no stable median).
std::vector<bool> lowEtWithinEcosystem(const std::vector<QString>& ecosystem,
                                       const std::vector<double>& etMm);

} // namespace tanhui::models::gep
