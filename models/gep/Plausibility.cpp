// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/gep/Plausibility.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace tanhui::models::gep {

LsFactor::LsFactor(double slopeLengthM)
  : m_lambda(std::min(slopeLengthM, kMaxSlopeLengthM))
  , m_lambdaCapped(slopeLengthM > kMaxSlopeLengthM) {
    const double m[4] = { 0.2, 0.3, 0.4, 0.5 };
    for (int i = 0; i < 4; ++i)
        m_l[i] = std::pow(m_lambda / 22.13, m[i]);
}

double LsFactor::operator()(double gradient, bool* capped) const {
    const bool over = gradient > kMaxGradient;
    if (capped)
        *capped = over;
    if (over)
        gradient = kMaxGradient;
    const double s = gradient / std::sqrt(1.0 + gradient * gradient);
    const double pct = gradient * 100.0;
    double S;
    if (gradient >= kTan10Deg)
        S = 21.91 * s - 0.96;
    else if (pct < 9.0)
        S = 10.8 * s + 0.03;
    else
        S = 16.8 * s - 0.50;
    const double l = pct < 1 ? m_l[0] : pct < 3 ? m_l[1] : pct < 5 ? m_l[2] : m_l[3];
    return l * S;
}

std::vector<bool> lowEtWithinEcosystem(const std::vector<QString>& ecosystem,
                                       const std::vector<double>& etMm) {
    std::map<QString, std::vector<double>> byEco;
    for (std::size_t i = 0; i < ecosystem.size() && i < etMm.size(); ++i)
        if (std::isfinite(etMm[i]))
            byEco[ecosystem[i]].push_back(etMm[i]);
    std::map<QString, double> median;
    for (auto& [eco, v] : byEco) {
        if (v.size() < 5)
            continue;
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        median[eco] = n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
    std::vector<bool> out(ecosystem.size(), false);
    for (std::size_t i = 0; i < ecosystem.size() && i < etMm.size(); ++i) {
        const auto it = median.find(ecosystem[i]);
        out[i] = it != median.end() && std::isfinite(etMm[i]) && etMm[i] < kLowEtShareOfMedian * it->second;
    }
    return out;
}

} // namespace tanhui::models::gep
