// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/Valuation.h"

#include <QtCore/qcoreapplication.h>

#include <cmath>
#include <cstring>
#include <stdexcept>

namespace tanhui::models::carbon {

double valuationConstant(const ValuationInput& in) {
    // carbon-methods.md §1.3, closed form of InVEST's _calculate_valuation_constant.
    const int n = in.altYear - in.baseYear;
    if (n <= 0)
        throw std::invalid_argument("valuation: the alternate year must be later than the baseline year");
    const double ratio = 1.0 / ((1.0 + in.discountPct / 100.0) * (1.0 + in.priceChangePct / 100.0));
    if (std::fabs(1.0 - ratio) < 1e-12)
        return in.pricePerTC; // the ratio = 1 limit (fixed upstream in PR #492)
    return in.pricePerTC / n * (1.0 - std::pow(ratio, n)) / (1.0 - ratio);
}

double valuationConstantBySum(const ValuationInput& in) {
    const int n = in.altYear - in.baseYear;
    if (n <= 0)
        throw std::invalid_argument("valuation: the alternate year must be later than the baseline year");
    double sum = 0;
    for (int t = 0; t < n; ++t)
        sum +=
          1.0 / (std::pow(1.0 + in.discountPct / 100.0, t) * std::pow(1.0 + in.priceChangePct / 100.0, t));
    return in.pricePerTC / n * sum;
}

const std::vector<params::ParameterSpec>& valuationParameters() {
    using params::ParameterSpec;
    using params::Tag;
    static const std::vector<ParameterSpec> specs = [] {
        std::vector<ParameterSpec> s(4);
        s[0].id = "price";
        s[0].label = QT_TRANSLATE_NOOP("Parameters", "carbon price");
        s[0].unit = "currency/t C";
        s[0].min = 0;
        s[0].source = "carbon-methods.md §1.1 price_per_metric_ton_of_c; §1.3: convert CO2 prices × 44/12";
        s[0].tag = Tag::Verified;
        s[1].id = "discount";
        s[1].label = QT_TRANSLATE_NOOP("Parameters", "discount rate");
        s[1].unit = "%";
        s[1].min = -99.999999;
        s[1].max = 1000;
        s[1].usualMin = 0; // §1.3: 7 %/yr suggested; a negative rate is allowed (§1.1) but rare
        s[1].usualMax = 30;
        s[1].defaultValue = 7.0;
        s[1].source = "carbon-methods.md §1.3: the InVEST UG suggests 7 %/yr (US OMB); negative rates are "
                      "allowed (§1.1, natcap/invest#2160)";
        s[1].tag = Tag::Verified;
        s[1].percent = true;
        s[2].id = "price-change";
        s[2].label = QT_TRANSLATE_NOOP("Parameters", "annual price change");
        s[2].unit = "%";
        s[2].min = -99.999999;
        s[2].max = 1000;
        s[2].usualMin = -20;
        s[2].usualMax = 30;
        s[2].defaultValue = 0.0;
        s[2].source = "carbon-methods.md §1.1 rate_change (percent)";
        s[2].tag = Tag::Verified;
        s[2].percent = true;
        s[3].id = "year";
        s[3].label = QT_TRANSLATE_NOOP("Parameters", "land-cover year");
        s[3].unit = "year";
        s[3].min = 1000;
        s[3].max = 9999;
        s[3].source = "carbon-methods.md §1.1: the baseline year must be earlier than the alternate year";
        s[3].tag = Tag::Verified;
        s[3].integer = true;
        return s;
    }();
    return specs;
}

const params::ParameterSpec& valuationParameter(const char* id) {
    return params::specById(valuationParameters(), id, "valuation");
}

} // namespace tanhui::models::carbon
