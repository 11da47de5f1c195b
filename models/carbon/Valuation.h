// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/params/Parameter.h"

#include <vector>

namespace tanhui::models::carbon {

/// @brief InVEST carbon valuation inputs (carbon-methods.md §1.1, §1.3). Rates are percent (7 means
/// 7 %); the price is per tonne of carbon (convert CO2 prices with × 44/12 first).
struct ValuationInput {
    double pricePerTC = 0;     ///< V, currency per t C
    double discountPct = 0;    ///< r, % per year (negative allowed, §9)
    double priceChangePct = 0; ///< c, % per year
    int baseYear = 0;          ///< p
    int altYear = 0;           ///< q > p
};

/// @brief The valuation constant K of carbon-methods.md §1.3 (InVEST `_calculate_valuation_constant`):
/// n = q − p, ratio = 1 / ((1 + r/100)(1 + c/100)),
/// K = (V / n)(1 − ratioⁿ)/(1 − ratio), or K = V when |1 − ratio| < 1e-12 (the limit, PR #492).
/// NPV (currency) = change (t C) × K. Requires q > p.
double valuationConstant(const ValuationInput& in);

/// @brief The same constant by the UG's sum form, V/n · Σ_{t=0}^{n−1} 1/((1 + r/100)^t (1 + c/100)^t)
/// (carbon-methods.md §1.3, equation `carbon_value`); used to test the closed form.
double valuationConstantBySum(const ValuationInput& in);

/// Declarations of the valuation parameters (id, label, unit, range, default, source, tag): read by the
/// CLI for help and validation, and by reports.
const std::vector<params::ParameterSpec>& valuationParameters();
const params::ParameterSpec& valuationParameter(const char* id);

/// t CO2e per t C: exactly 44/12 (carbon-methods.md §0; never 3.67).
constexpr double kCo2PerC = 44.0 / 12.0;

} // namespace tanhui::models::carbon
