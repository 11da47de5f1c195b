// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/SoilGainLossSampler.h"

namespace tanhui::models::carbon {

namespace {

namespace mc = uncertainty;

/// A sampler of a method whose per-iteration result is linear in its units' aggregates: a group of
/// parcels is one unit, the sum of theirs (in the given order), sampled with the method's draws.
template<class Model, class Unit, auto Sample>
class AdditiveSampler final : public MethodSampler {
public:
    AdditiveSampler(Model model,
                    std::vector<std::vector<Unit>> units,
                    std::vector<const mc::UncertainValue*> (*parameters)(const Model&),
                    const UncertaintySettings& settings,
                    int threads)
      : m_model(std::move(model))
      , m_units(std::move(units))
      , m_parameters(parameters) {
        m_options = monteCarloOptions(settings, threads);
    }

    std::vector<SampledTotals> sum(const std::vector<std::vector<ResultRef>>& groups) const override {
        std::vector<Unit> aggregated(groups.size());
        for (std::size_t g = 0; g < groups.size(); ++g)
            for (const ResultRef& ref : groups[g])
                aggregated[g].add(m_units.at(ref.first).at(ref.second));
        std::vector<mc::PeriodSamples> samples = Sample(m_model, aggregated, m_options);
        std::vector<SampledTotals> out(groups.size());
        for (std::size_t g = 0; g < groups.size(); ++g) {
            out[g].stocks = std::move(samples[g].stocks);
            out[g].changes = std::move(samples[g].changes);
        }
        return out;
    }

    std::vector<const mc::UncertainValue*> parameters() const override { return m_parameters(m_model); }

private:
    Model m_model;
    std::vector<std::vector<Unit>> m_units;
    std::vector<const mc::UncertainValue*> (*m_parameters)(const Model&);
    mc::MonteCarloOptions m_options;
};

std::vector<const mc::UncertainValue*> soilParameters(const mc::SoilUncertaintyModel& m) {
    std::vector<const mc::UncertainValue*> out;
    for (const auto& [key, v] : m.socRef)
        out.push_back(&v);
    for (const auto& [key, v] : m.factors)
        out.push_back(&v);
    return out;
}

std::vector<const mc::UncertainValue*> gainLossParameters(const mc::GainLossUncertaintyModel& m) {
    std::vector<const mc::UncertainValue*> out;
    for (const auto& [type, v] : m.types)
        for (const mc::UncertainValue& x : v)
            out.push_back(&x);
    for (const auto& [code, v] : m.lossPools)
        for (const mc::UncertainValue& x : v)
            out.push_back(&x);
    return out;
}

} // namespace

std::shared_ptr<MethodSampler> makeSoilSampler(mc::SoilUncertaintyModel model,
                                               std::vector<std::vector<mc::SoilUnit>> units,
                                               const UncertaintySettings& settings,
                                               int threads) {
    return std::make_shared<AdditiveSampler<mc::SoilUncertaintyModel, mc::SoilUnit, &mc::sampleSoilUnits>>(
      std::move(model), std::move(units), &soilParameters, settings, threads);
}

std::shared_ptr<MethodSampler> makeGainLossSampler(mc::GainLossUncertaintyModel model,
                                                   std::vector<std::vector<mc::GainLossUnit>> units,
                                                   const UncertaintySettings& settings,
                                                   int threads) {
    return std::make_shared<
      AdditiveSampler<mc::GainLossUncertaintyModel, mc::GainLossUnit, &mc::sampleGainLossUnits>>(
      std::move(model), std::move(units), &gainLossParameters, settings, threads);
}

void applyPeriodBounds(ParcelResult& r, mc::PeriodSamples& samples) {
    for (CarbonStock& s : r.stocks)
        if (const auto it = samples.stocks.find(s.year); it != samples.stocks.end())
            s.bounds = boundsOf(mc::summarizeSamples(it->second));
    for (CarbonChange& c : r.changes)
        if (const auto it = samples.changes.find({ c.year1, c.year2 }); it != samples.changes.end())
            c.bounds = boundsOf(mc::summarizeSamples(it->second));
}

} // namespace tanhui::models::carbon
