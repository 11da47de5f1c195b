// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/BlueCarbonUncertainty.h"

#include <algorithm>
#include <cmath>

namespace tanhui::models::carbon {

namespace mc = uncertainty;

namespace {

/// Adds `part` into `acc` per iteration (independent parameters: different tables or rows), with
/// Approach 1's Eq. 3.2 over the (central, U) of the parts.
void addInto(mc::QuantitySamples& acc, const mc::QuantitySamples& part) {
    if (acc.samples.empty()) {
        acc = part;
        return;
    }
    for (std::size_t i = 0; i < acc.samples.size() && i < part.samples.size(); ++i)
        acc.samples[i] += part.samples[i];
    const double x[] = { acc.central, part.central };
    const double u[] = { acc.central != 0 ? acc.u95 : 0.0, part.central != 0 ? part.u95 : 0.0 };
    acc.u95 = mc::approach1Sum(x, u);
    acc.central += part.central;
}

void mergeInto(SampledTotals& acc, const SampledTotals& part) {
    for (const auto& [year, q] : part.stocks)
        addInto(acc.stocks[year], q);
    for (const auto& [pair, q] : part.changes)
        addInto(acc.changes[pair], q);
}

class BlueCarbonSampler final : public MethodSampler {
public:
    BlueCarbonSampler(std::vector<BlueCarbonCbcEngine> engines,
                      std::map<QString, mc::MangroveWsUncertainty> tier1,
                      std::vector<int> tier1Years,
                      std::vector<std::vector<BlueCarbonSampleUnit>> units,
                      const UncertaintySettings& settings,
                      int threads)
      : m_engines(std::move(engines))
      , m_tier1(std::move(tier1))
      , m_tier1Years(std::move(tier1Years))
      , m_units(std::move(units)) {
        m_options = monteCarloOptions(settings, threads);
    }

    std::vector<SampledTotals> sum(const std::vector<std::vector<ResultRef>>& groups) const override {
        std::vector<SampledTotals> out(groups.size());
        // CBC: per engine, one unit per group whose history areas are the sums of its parcels'.
        for (std::size_t e = 0; e < m_engines.size(); ++e) {
            std::vector<mc::CbcUnitAreas> units(groups.size());
            std::vector<bool> any(groups.size(), false);
            for (std::size_t g = 0; g < groups.size(); ++g)
                for (const ResultRef& ref : groups[g]) {
                    const BlueCarbonSampleUnit& u = m_units.at(ref.first).at(ref.second);
                    if (u.kind != BlueCarbonSampleUnit::Kind::Cbc || u.engine != e)
                        continue;
                    any[g] = true;
                    for (const auto& [h, ha] : u.historyAreaHa)
                        units[g][h] += ha;
                }
            std::vector<mc::UnitSamples> samples = mc::sampleCbcUnits(m_engines[e].samples, units);
            for (std::size_t g = 0; g < groups.size(); ++g)
                if (any[g])
                    mergeInto(out[g],
                              blueCarbonTotals(std::move(samples[g]), m_engines[e].samples.reportYears));
        }
        // Tier 1: per climate row, one unit per group with its plots.
        for (const auto& [climate, model] : m_tier1) {
            std::vector<std::vector<mc::RestorationUnitPlot>> units(groups.size());
            std::vector<bool> any(groups.size(), false);
            for (std::size_t g = 0; g < groups.size(); ++g)
                for (const ResultRef& ref : groups[g]) {
                    const BlueCarbonSampleUnit& u = m_units.at(ref.first).at(ref.second);
                    if (u.kind != BlueCarbonSampleUnit::Kind::Tier1 || u.climate != climate)
                        continue;
                    any[g] = true;
                    units[g].push_back(u.plot);
                }
            std::vector<mc::UnitSamples> samples =
              mc::sampleRestorationUnits(model, units, m_tier1Years, m_options);
            for (std::size_t g = 0; g < groups.size(); ++g)
                if (any[g])
                    mergeInto(out[g], blueCarbonTotals(std::move(samples[g]), m_tier1Years));
        }
        return out;
    }

    std::vector<const mc::UncertainValue*> parameters() const override {
        std::vector<const mc::UncertainValue*> out;
        for (const BlueCarbonCbcEngine& e : m_engines)
            for (const auto& row : e.model.values)
                for (const mc::UncertainValue& v : row)
                    if (std::find_if(out.begin(), out.end(), [&](const mc::UncertainValue* o) {
                            return o->id == v.id;
                        }) == out.end()) // both modes draw the same values
                        out.push_back(&v);
        for (const auto& [climate, model] : m_tier1)
            for (const mc::UncertainValue& v : model.values)
                out.push_back(&v);
        return out;
    }

private:
    std::vector<BlueCarbonCbcEngine> m_engines;
    std::map<QString, mc::MangroveWsUncertainty> m_tier1;
    std::vector<int> m_tier1Years;
    std::vector<std::vector<BlueCarbonSampleUnit>> m_units;
    mc::MonteCarloOptions m_options;
};

} // namespace

SampledTotals blueCarbonTotals(mc::UnitSamples samples, const std::vector<int>& years) {
    SampledTotals t;
    for (std::size_t y = 0; y < years.size() && y < samples.stocks.size(); ++y)
        t.stocks[years[y]] = samples.stocks[y];
    for (std::size_t p = 0; p + 1 < years.size() && p < samples.changes.size(); ++p)
        t.changes[{ years[p], years[p + 1] }] = samples.changes[p];
    if (years.size() > 2 && samples.changes.size() == years.size() - 1) {
        // First → last: the per-iteration sum of the periods (a flux chain, or a chain of stock
        // differences: both add). Approach 1 as for a period: the two end stocks taken as uncorrelated.
        mc::QuantitySamples span;
        span.samples.assign(samples.changes.front().samples.size(), 0.0);
        for (const mc::QuantitySamples& c : samples.changes) {
            span.central += c.central;
            for (std::size_t i = 0; i < span.samples.size(); ++i)
                span.samples[i] += c.samples[i];
        }
        const mc::QuantitySamples& s1 = samples.stocks.front();
        const mc::QuantitySamples& s2 = samples.stocks.back();
        span.u95 = mc::approach1Difference(
          s1.central, s1.central != 0 ? s1.u95 : 0.0, s2.central, s2.central != 0 ? s2.u95 : 0.0);
        t.changes[{ years.front(), years.back() }] = std::move(span);
    }
    return t;
}

void applyBlueCarbonBounds(ParcelResult& r, const SampledTotals& totals, std::pair<int, int> runSpan) {
    const auto bounds = &boundsOfSamples;
    for (CarbonStock& s : r.stocks)
        if (const auto it = totals.stocks.find(s.year); it != totals.stocks.end())
            s.bounds = bounds(it->second);
    bool hasSpan = false;
    std::pair<int, int> span{ 0, 0 };
    if (!totals.stocks.empty()) {
        span = { totals.stocks.begin()->first, totals.stocks.rbegin()->first };
        for (const CarbonChange& c : r.changes)
            hasSpan = hasSpan || (c.year1 == span.first && c.year2 == span.second);
    }
    for (CarbonChange& c : r.changes)
        if (const auto it = totals.changes.find({ c.year1, c.year2 }); it != totals.changes.end())
            c.bounds = bounds(it->second);
    const auto it = totals.changes.find(span);
    if (!hasSpan && span == runSpan && it != totals.changes.end() && !r.changes.empty()) {
        CarbonChange c;
        c.year1 = span.first;
        c.year2 = span.second;
        c.basis = r.changes.front().basis;
        for (const CarbonChange& p : r.changes)
            c.changeT += p.changeT; // in order, as the project's spanning change
        c.bounds = bounds(it->second);
        r.changes.push_back(c);
    }
}

std::shared_ptr<MethodSampler> makeBlueCarbonSampler(std::vector<BlueCarbonCbcEngine> engines,
                                                     std::map<QString, mc::MangroveWsUncertainty> tier1,
                                                     std::vector<int> tier1Years,
                                                     std::vector<std::vector<BlueCarbonSampleUnit>> units,
                                                     const UncertaintySettings& settings,
                                                     int threads) {
    return std::make_shared<BlueCarbonSampler>(
      std::move(engines), std::move(tier1), std::move(tier1Years), std::move(units), settings, threads);
}

} // namespace tanhui::models::carbon
