// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/uncertainty/SoilGainLossMonteCarlo.h"

#include "models/Parallel.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <functional>
#include <limits>
#include <mutex>
#include <thread>

namespace tanhui::models::uncertainty {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A non-zero value treated as exact because nothing declared its uncertainty (for the warning; a row
/// that declares `fixed` or U = 0 is exact on purpose).
bool undeclared(const UncertainValue& v) {
    return v.dist.isFixed() && v.origin == UncertainValue::Origin::None && v.dist.value != 0;
}

/// The changes of `stocks` per pair: stock_y2(i) − stock_y1(i); Approach 1 by approach1Difference().
void addChanges(PeriodSamples& out, const std::set<std::pair<int, int>>& pairs) {
    for (const auto& [y1, y2] : pairs) {
        const auto a = out.stocks.find(y1), b = out.stocks.find(y2);
        if (a == out.stocks.end() || b == out.stocks.end())
            continue;
        QuantitySamples q;
        q.samples.resize(a->second.samples.size());
        for (std::size_t i = 0; i < q.samples.size(); ++i)
            q.samples[i] = b->second.samples[i] - a->second.samples[i];
        q.central = b->second.central - a->second.central;
        q.u95 = approach1Difference(a->second.central, a->second.u95, b->second.central, b->second.u95);
        out.changes[{ y1, y2 }] = std::move(q);
    }
}

} // namespace

QuantityUncertainty summarizeSamples(QuantitySamples& q) {
    QuantityUncertainty u;
    u.central = q.central;
    u.u95 = q.u95;
    u.mc = summarize(q.samples);
    return u;
}

// ---- soil -----------------------------------------------------------------------------------------

void SoilUnit::add(const SoilUnit& other) {
    for (const auto& [state, years] : other.weightHa) {
        std::map<int, double>& w = weightHa[state];
        for (const auto& [year, ha] : years)
            w[year] += ha;
    }
    changes.insert(other.changes.begin(), other.changes.end());
}

SoilUnit soilUnitOf(const carbon::SoilTables& tables,
                    const carbon::SoilSettings& settings,
                    const carbon::SoilPlot& plot,
                    double areaHa) {
    SoilUnit unit;
    auto stateOf = [&](const carbon::SoilPractice& practice) -> std::optional<SoilState> {
        const auto eq = tables.equilibrium(settings.climateZone, settings.soilClass, practice);
        if (!eq || eq->rows.empty())
            return std::nullopt;
        SoilState s;
        for (const params::TableRow* row : eq->rows)
            s.push_back(row->key);
        return s;
    };
    const std::optional<SoilState> after = stateOf(plot.after);
    if (!after)
        return unit;
    std::optional<SoilState> before;
    if (plot.changeYear) {
        before = stateOf(plot.before);
        if (!before)
            return unit;
    }
    const std::vector<int>& years = settings.years;
    for (int y : years) {
        // §3.3: SOC(t) = SOC_start + (SOC_eq,new − SOC_start) × f = SOC_start × (1 − f) + SOC_eq,new × f.
        const double f =
          plot.changeYear ? std::clamp((double(y) - double(*plot.changeYear)) / plot.dYears, 0.0, 1.0) : 1.0;
        unit.weightHa[*after][y] += areaHa * f;
        if (before)
            unit.weightHa[*before][y] += areaHa * (1.0 - f);
    }
    for (std::size_t k = 1; k < years.size(); ++k)
        unit.changes.insert({ years[k - 1], years[k] });
    if (years.size() > 2)
        unit.changes.insert({ years.front(), years.back() });
    return unit;
}

SoilUncertaintyModel buildSoilUncertainty(const carbon::SoilTables& tables,
                                          const std::vector<SoilUnit>& units,
                                          const UncertaintyDefaults& defaults) {
    SoilUncertaintyModel model;
    std::set<QString> refKeys, factorKeys;
    for (const SoilUnit& u : units)
        for (const auto& [state, years] : u.weightHa)
            for (std::size_t k = 0; k < state.size(); ++k)
                (k == 0 ? refKeys : factorKeys).insert(state[k]);
    auto read = [&](const params::ParameterTable& table,
                    const std::set<QString>& keys,
                    const char* column,
                    std::map<QString, UncertainValue>& into,
                    std::vector<std::string>& fixed) {
        for (const QString& key : keys) {
            const params::TableRow* row = table.find(key);
            if (!row)
                continue; // soilUnitOf() only names rows of the tables
            UncertainValue v =
              readUncertainty(table, *row, QString::fromLatin1(column), defaults, model.issues);
            if (undeclared(v))
                fixed.push_back(key.toStdString() + "/" + column);
            into[key] = std::move(v);
        }
    };
    read(tables.socRef(), refKeys, "soc_ref", model.socRef, model.socRefFixedIds);
    read(tables.factors(), factorKeys, "value", model.factors, model.factorFixedIds);
    return model;
}

std::vector<PeriodSamples> sampleSoilUnits(const SoilUncertaintyModel& model,
                                           const std::vector<SoilUnit>& units,
                                           const MonteCarloOptions& options) {
    const int n = std::max(1, options.iterations);
    // Parameters in a fixed order (soc_ref rows, then factor rows, by key): row index per key.
    std::vector<const UncertainValue*> values;
    std::map<QString, std::size_t> refRow, factorRow;
    for (const auto& [key, v] : model.socRef) {
        refRow[key] = values.size();
        values.push_back(&v);
    }
    for (const auto& [key, v] : model.factors) {
        factorRow[key] = values.size();
        values.push_back(&v);
    }
    const DrawMatrix draws = drawsOf(values, options.seed, std::max(1, options.iterations));
    // Each state's SOC_eq per iteration (t C/ha), its central value and Approach 1 U (Eq. 3.1).
    struct StateDraws {
        std::vector<double> soc;
        double central = 0, u95 = 0;
    };
    std::map<SoilState, StateDraws> states;
    for (const SoilUnit& u : units)
        for (const auto& [state, years] : u.weightHa)
            states.emplace(state, StateDraws{});
    auto rowOf = [](const std::map<QString, std::size_t>& rows, const QString& key) {
        const auto it = rows.find(key);
        if (it == rows.end())
            throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                "Soil table row " + key.toStdString() + " has no uncertainty model.");
        return it->second;
    };
    for (auto& [state, d] : states) {
        std::vector<double> u;
        d.central = 1.0;
        d.soc.assign(std::size_t(n), 1.0);
        for (std::size_t k = 0; k < state.size(); ++k) {
            const std::size_t r = rowOf(k == 0 ? refRow : factorRow, state[k]);
            const double* row = draws.row(r);
            for (int i = 0; i < n; ++i)
                d.soc[std::size_t(i)] *= row[i];
            d.central *= values[r]->dist.value;
            u.push_back(values[r]->dist.u95());
        }
        d.u95 = approach1Product(u);
    }
    std::vector<PeriodSamples> out(units.size());
    forEachIndex(
      units.size(),
      options.threads,
      1,
      [&](std::size_t k) {
          const SoilUnit& unit = units[k];
          PeriodSamples& p = out[k];
          std::map<int, std::pair<std::vector<double>, std::vector<double>>> a1; // year → (x, U)
          for (const auto& [state, years] : unit.weightHa) {
              const StateDraws& d = states.at(state);
              for (const auto& [year, ha] : years) {
                  QuantitySamples& q = p.stocks[year];
                  if (q.samples.empty())
                      q.samples.assign(std::size_t(n), 0.0);
                  for (int i = 0; i < n; ++i)
                      q.samples[std::size_t(i)] += ha * d.soc[std::size_t(i)];
                  q.central += ha * d.central;
                  a1[year].first.push_back(ha * d.central);
                  a1[year].second.push_back(d.u95);
              }
          }
          for (auto& [year, q] : p.stocks)
              q.u95 = approach1Sum(a1[year].first, a1[year].second);
          addChanges(p, unit.changes);
      },
      options.feedback,
      "Monte Carlo");
    if (options.feedback)
        options.feedback->setProgress(100.0, "Monte Carlo");
    return out;
}

// ---- gain-loss ------------------------------------------------------------------------------------

void GainLossIntervalUnit::add(const GainLossIntervalUnit& other) {
    for (const auto& [type, haYears] : other.growthHaYears)
        growthHaYears[type] += haYears;
    for (const auto& [code, ha] : other.lossHa)
        lossHa[code] += ha;
}

void GainLossUnit::add(const GainLossUnit& other) {
    for (const auto& [pair, interval] : other.intervals)
        intervals[pair].add(interval);
}

GainLossIntervalUnit gainLossIntervalUnit(const carbon::GainLossInterval& interval, double fd) {
    // §3.2: the interval's change is (gain per year − loss per year) × years = Σ ha × G × years − loss.
    GainLossIntervalUnit u;
    const double years = double(interval.years());
    for (const auto& [type, ha] : interval.remainingHaByType)
        u.growthHaYears[type] += ha * years;
    for (const auto& [type, ha] : interval.toForestHaByType)
        u.growthHaYears[type] += ha * years;
    for (const auto& [code, ha] : interval.lostHaByClass)
        u.lossHa[code] += ha * fd;
    return u;
}

namespace {
constexpr const char* kGrowthColumns[3] = { "g_w", "r", "cf" };
constexpr const char* kLossColumns[2] = { "c_above", "c_below" };
} // namespace

GainLossUncertaintyModel buildGainLossUncertainty(const params::ParameterTable& growthTable,
                                                  const params::ParameterTable& poolsTable,
                                                  const std::set<QString>& types,
                                                  const std::set<std::int64_t>& codes,
                                                  const UncertaintyDefaults& defaults) {
    GainLossUncertaintyModel model;
    for (const QString& type : types) {
        const params::TableRow* row = growthTable.find(type);
        if (!row)
            continue; // validateGainLossInputs() reports it
        std::array<UncertainValue, 3> v;
        for (int c = 0; c < 3; ++c) {
            v[std::size_t(c)] = readUncertainty(
              growthTable, *row, QString::fromLatin1(kGrowthColumns[c]), defaults, model.issues);
            if (undeclared(v[std::size_t(c)]))
                model.growthFixedIds.push_back(type.toStdString() + "/" + kGrowthColumns[c]);
        }
        model.types[type] = std::move(v);
    }
    for (std::int64_t code : codes) {
        const params::TableRow* row = poolsTable.find(QString::number(code));
        if (!row)
            continue; // validateGainLossInputs() reports it
        std::array<UncertainValue, 2> v;
        for (int c = 0; c < 2; ++c) {
            v[std::size_t(c)] =
              readUncertainty(poolsTable, *row, QString::fromLatin1(kLossColumns[c]), defaults, model.issues);
            if (undeclared(v[std::size_t(c)]))
                model.poolFixedIds.push_back(std::to_string(code) + "/" + kLossColumns[c]);
        }
        model.lossPools[code] = std::move(v);
    }
    return model;
}

std::vector<PeriodSamples> sampleGainLossUnits(const GainLossUncertaintyModel& model,
                                               const std::vector<GainLossUnit>& units,
                                               const MonteCarloOptions& options) {
    const int n = std::max(1, options.iterations);
    std::vector<const UncertainValue*> values;
    for (const auto& [type, v] : model.types)
        for (const UncertainValue& x : v)
            values.push_back(&x);
    for (const auto& [code, v] : model.lossPools)
        for (const UncertainValue& x : v)
            values.push_back(&x);
    const DrawMatrix draws = drawsOf(values, options.seed, std::max(1, options.iterations));
    // Per type G_W × (1 + R) × CF per iteration (t C/ha/yr); per code c_above + c_below (t C/ha).
    struct Term {
        std::vector<double> perIteration;
        double central = 0, u95 = 0;
        std::array<double, 2> parts{}, partU{}; // loss: the two pools' central values and U
    };
    std::map<QString, Term> growth;
    std::map<std::int64_t, Term> loss;
    std::size_t r = 0;
    for (const auto& [type, v] : model.types) {
        Term t;
        t.perIteration.resize(std::size_t(n));
        const double *gw = draws.row(r), *root = draws.row(r + 1), *cf = draws.row(r + 2);
        for (int i = 0; i < n; ++i)
            t.perIteration[std::size_t(i)] = carbon::growthCarbonPerHaYr(gw[i], root[i], cf[i]);
        t.central = carbon::growthCarbonPerHaYr(v[0].dist.value, v[1].dist.value, v[2].dist.value);
        // Eq. 3.1 over G_W, (1 + R) (U_(1+R) = U_R × R / (1 + R), §6.2) and CF.
        const double u[] = { v[0].dist.u95(), uOnePlusR(v[1].dist.u95(), v[1].dist.value), v[2].dist.u95() };
        t.u95 = approach1Product(u);
        growth[type] = std::move(t);
        r += 3;
    }
    for (const auto& [code, v] : model.lossPools) {
        Term t;
        t.perIteration.resize(std::size_t(n));
        const double *above = draws.row(r), *below = draws.row(r + 1);
        for (int i = 0; i < n; ++i)
            t.perIteration[std::size_t(i)] = above[i] + below[i];
        t.parts = { v[0].dist.value, v[1].dist.value };
        t.partU = { v[0].dist.u95(), v[1].dist.u95() };
        t.central = t.parts[0] + t.parts[1];
        loss[code] = std::move(t);
        r += 2;
    }
    std::vector<PeriodSamples> out(units.size());
    forEachIndex(
      units.size(),
      options.threads,
      1,
      [&](std::size_t k) {
          for (const auto& [pair, interval] : units[k].intervals) {
              QuantitySamples q;
              q.samples.assign(std::size_t(n), 0.0);
              std::vector<double> x, u;
              for (const auto& [type, haYears] : interval.growthHaYears) {
                  const auto it = growth.find(type);
                  if (it == growth.end())
                      throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                          "Forest type " + type.toStdString() + " has no uncertainty model.");
                  const Term& t = it->second;
                  for (int i = 0; i < n; ++i)
                      q.samples[std::size_t(i)] += haYears * t.perIteration[std::size_t(i)];
                  q.central += haYears * t.central;
                  x.push_back(haYears * t.central);
                  u.push_back(t.u95);
              }
              for (const auto& [code, ha] : interval.lossHa) {
                  const auto it = loss.find(code);
                  if (it == loss.end())
                      throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                          "Land-cover code " + std::to_string(code) +
                                            " has no uncertainty model.");
                  const Term& t = it->second;
                  for (int i = 0; i < n; ++i)
                      q.samples[std::size_t(i)] -= ha * t.perIteration[std::size_t(i)];
                  q.central -= ha * t.central;
                  for (int c = 0; c < 2; ++c) {
                      x.push_back(-ha * t.parts[std::size_t(c)]);
                      u.push_back(t.partU[std::size_t(c)]);
                  }
              }
              q.u95 = x.empty() ? kNaN : approach1Sum(x, u);
              out[k].changes[pair] = std::move(q);
          }
      },
      options.feedback,
      "Monte Carlo");
    if (options.feedback)
        options.feedback->setProgress(100.0, "Monte Carlo");
    return out;
}

} // namespace tanhui::models::uncertainty
