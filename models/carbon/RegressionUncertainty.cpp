// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/RegressionUncertainty.h"

#include <cmath>
#include <limits>

namespace tanhui::models::carbon {

namespace mc = uncertainty;

namespace {

/// Adds a parcel's samples into a group's. Approach 1 is not given for groups: parcels share the
/// coefficient rows (correlated terms) and each has its own R class.
void addInto(mc::QuantitySamples& acc, const mc::QuantitySamples& part) {
    if (acc.samples.empty()) {
        acc.samples = part.samples;
        acc.central = part.central;
        acc.u95 = std::numeric_limits<double>::quiet_NaN();
        return;
    }
    for (std::size_t i = 0; i < acc.samples.size() && i < part.samples.size(); ++i)
        acc.samples[i] += part.samples[i];
    acc.central += part.central;
}

class RegressionSampler final : public MethodSampler {
public:
    RegressionSampler(mc::RegressionUncertaintyModel model,
                      std::vector<std::vector<RegressionSampleUnit>> units)
      : m_model(std::move(model))
      , m_units(std::move(units)) {}

    std::vector<SampledTotals> sum(const std::vector<std::vector<ResultRef>>& groups) const override {
        std::vector<SampledTotals> out(groups.size());
        for (std::size_t g = 0; g < groups.size(); ++g)
            for (const ResultRef& ref : groups[g]) {
                const RegressionSampleUnit& u = m_units.at(ref.first).at(ref.second);
                for (const auto& [year, q] : u.stocks)
                    addInto(out[g].stocks[year], q);
                for (const auto& pair : u.changes) {
                    const mc::QuantitySamples& s1 = u.stocks.at(pair.first);
                    const mc::QuantitySamples& s2 = u.stocks.at(pair.second);
                    mc::QuantitySamples c;
                    c.central = s2.central - s1.central;
                    c.samples.resize(s1.samples.size());
                    for (std::size_t i = 0; i < c.samples.size(); ++i)
                        c.samples[i] = s2.samples[i] - s1.samples[i];
                    addInto(out[g].changes[pair], c);
                }
            }
        return out;
    }

    std::vector<const mc::UncertainValue*> parameters() const override {
        std::vector<const mc::UncertainValue*> out;
        for (std::size_t r = 0; r < m_model.values.size(); ++r)
            for (std::size_t c = 0; c < m_model.values[r].size(); ++c)
                if (c != 2 || m_model.hasBias[r])
                    out.push_back(&m_model.values[r][c]);
        return out;
    }

private:
    mc::RegressionUncertaintyModel m_model;
    std::vector<std::vector<RegressionSampleUnit>> m_units;
};

} // namespace

RegressionSampleUnit applyRegressionBounds(ParcelResult& r,
                                           const std::vector<int>& years,
                                           mc::UnitSamples unit) {
    RegressionSampleUnit keep;
    for (CarbonStock& s : r.stocks)
        for (std::size_t y = 0; y < years.size() && y < unit.stocks.size(); ++y)
            if (years[y] == s.year) {
                s.bounds = boundsOfSamples(unit.stocks[y]);
                keep.stocks[s.year] = std::move(unit.stocks[y]);
            }
    for (CarbonChange& c : r.changes)
        if (keep.stocks.count(c.year1) && keep.stocks.count(c.year2)) {
            // The change samples of sampleRegressionUnits() are these differences (consecutive and
            // first → last): recompute them from the kept stocks for any reported pair.
            mc::QuantitySamples d;
            const auto& s1 = keep.stocks.at(c.year1);
            const auto& s2 = keep.stocks.at(c.year2);
            d.u95 = mc::approach1Difference(s1.central, s1.u95, s2.central, s2.u95); // NaN if either is
            d.samples.resize(s1.samples.size());
            for (std::size_t i = 0; i < d.samples.size(); ++i)
                d.samples[i] = s2.samples[i] - s1.samples[i];
            c.bounds = boundsOfSamples(d);
            keep.changes.emplace_back(c.year1, c.year2);
        }
    return keep;
}

std::shared_ptr<MethodSampler> makeRegressionSampler(mc::RegressionUncertaintyModel model,
                                                     std::vector<std::vector<RegressionSampleUnit>> units) {
    return std::make_shared<RegressionSampler>(std::move(model), std::move(units));
}

} // namespace tanhui::models::carbon
