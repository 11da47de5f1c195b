// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/uncertainty/BlueCarbonMonteCarlo.h"

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
#include <stdexcept>
#include <thread>

namespace tanhui::models::uncertainty {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const char* const kCbcColumns[kCbcUncertainColumns] = { "biomass-initial",
                                                        "soil-initial",
                                                        "litter-initial",
                                                        "biomass-half-life",
                                                        "soil-half-life",
                                                        "biomass-low-impact-disturb",
                                                        "biomass-med-impact-disturb",
                                                        "biomass-high-impact-disturb",
                                                        "soil-low-impact-disturb",
                                                        "soil-med-impact-disturb",
                                                        "soil-high-impact-disturb",
                                                        "biomass-yearly-accumulation",
                                                        "soil-yearly-accumulation",
                                                        "litter-yearly-accumulation" };

const char* const kWsColumns[kMangroveWsColumns] = { "agb", "g_w", "r", "cf", "soc", "ef_re" };

/// The value of column `i` of a class (as kCbcColumns).
double& cbcValue(carbon::CbcClass& c, int i) {
    if (i < 3)
        return c.initial[std::size_t(i)];
    if (i < 5)
        return c.halfLife[std::size_t(i - 3)];
    if (i < 11)
        return c.disturb[std::size_t((i - 5) / 3)][std::size_t((i - 5) % 3)];
    return c.accumulation[std::size_t(i - 11)];
}

/// u95 of a value (0 for Fixed); a zero value contributes nothing to a sum, whatever its U.
double uOf(const UncertainValue& v) {
    return v.dist.u95();
}

} // namespace

const char* cbcUncertainColumn(int i) {
    return kCbcColumns[i];
}

const char* mangroveWsColumn(int i) {
    return kWsColumns[i];
}

// ---------------------------------------------------------------------------------------------------

CbcUncertaintyModel buildCbcUncertainty(const params::ParameterTable& table,
                                        const std::vector<std::int64_t>& codes,
                                        const UncertaintyDefaults& defaults) {
    CbcUncertaintyModel model;
    model.codes = codes;
    std::sort(model.codes.begin(), model.codes.end());
    model.codes.erase(std::unique(model.codes.begin(), model.codes.end()), model.codes.end());
    for (std::int64_t code : model.codes) {
        const params::TableRow* row = table.find(QString::number(code));
        std::array<UncertainValue, kCbcUncertainColumns> values;
        for (int c = 0; c < kCbcUncertainColumns; ++c) {
            const QString column = QString::fromLatin1(kCbcColumns[c]);
            UncertainValue& v = values[std::size_t(c)];
            if (row) {
                v = readUncertainty(table, *row, column, defaults, model.issues);
            } else {
                v.id = "cbc_biophysical/" + std::to_string(code) + "/" + column.toStdString();
                v.dist = Distribution::fixed(0.0);
            }
            if (v.dist.isFixed() && v.dist.value != 0 && v.origin != UncertainValue::Origin::Constant)
                model.fixedIds.push_back(std::to_string(code) + "/" + column.toStdString());
        }
        model.values.push_back(std::move(values));
    }
    return model;
}

carbon::CbcParameters drawnCbcParameters(const carbon::CbcParameters& classes,
                                         const CbcUncertaintyModel& model,
                                         const DrawMatrix& draws,
                                         int iteration) {
    carbon::CbcParameters out = classes;
    for (std::size_t k = 0; k < model.codes.size(); ++k) {
        const carbon::CbcClass* base = classes.find(model.codes[k]);
        if (!base)
            continue;
        carbon::CbcClass c = *base;
        for (int col = 0; col < kCbcUncertainColumns; ++col) {
            double x = draws.row(k * kCbcUncertainColumns + std::size_t(col))[iteration];
            x = std::max(0.0, x);
            if (col >= 5 && col < 11)
                x = std::min(1.0, x); // a share of the stock
            cbcValue(c, col) = x;
        }
        // A ceiling equal to the class's initial stock of the pool is the same quantity (the Tier 1
        // stock where growth stops, carbon-methods.md §4): it takes the initial stock's draw (§6.2 item 2,
        // one draw per quantity). Other ceilings are exact.
        for (int p = 0; p < 2; ++p)
            if (base->ceiling[std::size_t(p)] &&
                *base->ceiling[std::size_t(p)] == base->initial[std::size_t(p)])
                c.ceiling[std::size_t(p)] = c.initial[std::size_t(p)];
        out.put(c);
    }
    return out;
}

CbcHistorySamples sampleCbcHistories(const CbcUncertaintyModel& model,
                                     const carbon::CbcParameters& classes,
                                     const carbon::CbcTransitions& transitions,
                                     const carbon::CbcModelOptions& modelOptions,
                                     const std::vector<std::vector<std::int64_t>>& histories,
                                     const MonteCarloOptions& options) {
    CbcHistorySamples s;
    s.iterations = std::max(1, options.iterations);
    s.histories = histories.size();
    const carbon::CbcModel centralModel(classes, transitions, modelOptions);
    s.reportYears = centralModel.reportYears();
    const std::size_t nr = s.reportYears.size();
    const std::size_t nq = s.quantities();
    const std::size_t n = std::size_t(s.iterations);
    auto run =
      [&](const carbon::CbcModel& m, const std::vector<std::int64_t>& codes, carbon::CbcCellSeries& series) {
          try {
              m.runCell(codes.data(), series);
          } catch (const std::invalid_argument& e) {
              throw gis::GisError(gis::GisError::Kind::InvalidArgument, e.what());
          }
      };
    s.central.assign(s.histories * nq, 0.0);
    carbon::CbcCellSeries series;
    for (std::size_t h = 0; h < s.histories; ++h) {
        run(centralModel, histories[h], series);
        for (std::size_t r = 0; r < nr; ++r)
            s.central[h * nq + r] = series.total(r);
        for (std::size_t p = 0; p + 1 < nr; ++p)
            s.central[h * nq + nr + p] = series.netSequestration[p];
    }

    const DrawMatrix draws = drawsOfRows(model.values, options.seed, s.iterations);
    s.values.assign(s.histories * nq * n, 0.0);
    forEachIndex(
      std::size_t(s.iterations),
      options.threads,
      16,
      [&](std::size_t iteration) {
          const int i = int(iteration);
          const carbon::CbcParameters drawn = drawnCbcParameters(classes, model, draws, i);
          const carbon::CbcModel m(drawn, transitions, modelOptions);
          carbon::CbcCellSeries cell;
          for (std::size_t h = 0; h < s.histories; ++h) {
              run(m, histories[h], cell);
              double* out = s.values.data() + h * nq * n + std::size_t(i);
              for (std::size_t r = 0; r < nr; ++r)
                  out[r * n] = cell.total(r);
              for (std::size_t p = 0; p + 1 < nr; ++p)
                  out[(nr + p) * n] = cell.netSequestration[p];
          }
      },
      options.feedback,
      "Monte Carlo");
    return s;
}

std::vector<UnitSamples> sampleCbcUnits(const CbcHistorySamples& histories,
                                        const std::vector<CbcUnitAreas>& units) {
    const std::size_t nr = histories.reportYears.size();
    const std::size_t n = std::size_t(histories.iterations);
    std::vector<UnitSamples> out(units.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
        UnitSamples& us = out[u];
        us.stocks.resize(nr);
        us.changes.resize(nr - 1);
        for (std::size_t q = 0; q < histories.quantities(); ++q) {
            QuantitySamples& qs = q < nr ? us.stocks[q] : us.changes[q - nr];
            qs.samples.assign(n, 0.0);
            qs.u95 = kNaN; // Approach 1 does not apply to the CBC engine
            for (const auto& [h, ha] : units[u]) {
                if (h >= histories.histories)
                    throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                        "blue carbon Monte Carlo: history id " + std::to_string(h) +
                                          " out of range");
                qs.central += ha * histories.centralOf(h, q);
                const double* row = histories.row(h, q);
                for (std::size_t i = 0; i < n; ++i)
                    qs.samples[i] += ha * row[i];
            }
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------

MangroveWsUncertainty buildMangroveWsUncertainty(const params::ParameterTable& table,
                                                 const carbon::MangroveWsParams& central,
                                                 const UncertaintyDefaults& defaults) {
    MangroveWsUncertainty model;
    model.climate = central.climate;
    model.central = central;
    const params::TableRow* row = table.find(central.climate);
    const double values[kMangroveWsColumns] = { central.agb, central.gw,  central.r,
                                                central.cf,  central.soc, central.efRe };
    for (int c = 0; c < kMangroveWsColumns; ++c) {
        const QString column = QString::fromLatin1(kWsColumns[c]);
        UncertainValue& v = model.values[std::size_t(c)];
        if (row) {
            v = readUncertainty(table, *row, column, defaults, model.issues);
        } else {
            v.id = "mangrove_ws/" + central.climate.toStdString() + "/" + column.toStdString();
            v.dist = Distribution::fixed(values[c]);
        }
        if (v.dist.isFixed() && v.dist.value != 0 && v.origin != UncertainValue::Origin::Constant)
            model.fixedIds.push_back(central.climate.toStdString() + "/" + column.toStdString());
    }
    return model;
}

namespace {

/// Plots of a unit merged by (planting year, planted): the model is linear in the area.
std::map<std::pair<int, bool>, double> mergedPlots(const std::vector<RestorationUnitPlot>& plots) {
    std::map<std::pair<int, bool>, double> m;
    for (const RestorationUnitPlot& p : plots)
        m[{ p.plantYear, p.planted }] += p.areaHa;
    return m;
}

/// Approach 1 U (fraction) of a unit's stock at `year` (see sampleRestorationUnits()).
double restorationU(const MangroveWsUncertainty& model,
                    const std::map<std::pair<int, bool>, double>& plots,
                    int year) {
    const carbon::MangroveWsParams& p = model.central;
    const double uAgb = uOf(model.values[0]), uGw = uOf(model.values[1]), uR = uOf(model.values[2]),
                 uCf = uOf(model.values[3]), uSoc = uOf(model.values[4]), uEf = uOf(model.values[5]);
    double a = 0, b = 0, c = 0, d = 0; // Σ n·area below the ceilings, Σ area at them
    for (const auto& [key, ha] : plots) {
        const double years = double(std::max(0, year - key.first));
        if (p.biomassGainTCPerHaYr() * years < p.biomassCeilingTCPerHa())
            a += years * ha;
        else
            b += ha;
        if (key.second && p.soilRemovalTCPerHaYr() > 0) {
            if (p.soilRemovalTCPerHaYr() * years < p.soc)
                c += years * ha;
            else
                d += ha;
        }
    }
    const double oneR = (1.0 + p.r) * p.cf;
    const double bioInner[] = { p.gw * a, p.agb * b };
    const double bioU[] = { uGw, uAgb };
    const double biomass = oneR * (bioInner[0] + bioInner[1]);
    double uBiomass = 0;
    if (biomass != 0) {
        const double parts[] = { approach1Sum(bioInner, bioU), uOnePlusR(uR, p.r), uCf };
        uBiomass = approach1Product(parts);
    }
    const double soilTerms[] = { p.soilRemovalTCPerHaYr() * c, p.soc * d };
    const double soilU[] = { uEf, uSoc };
    const double soil = soilTerms[0] + soilTerms[1];
    const double uSoil = soil != 0 ? approach1Sum(soilTerms, soilU) : 0.0;
    const double x[] = { biomass, soil };
    const double u[] = { uBiomass, uSoil };
    return approach1Sum(x, u);
}

} // namespace

std::vector<UnitSamples> sampleRestorationUnits(const MangroveWsUncertainty& model,
                                                const std::vector<std::vector<RestorationUnitPlot>>& units,
                                                const std::vector<int>& reportYears,
                                                const MonteCarloOptions& options) {
    const int n = std::max(1, options.iterations);
    const std::size_t nr = reportYears.size();
    std::vector<const UncertainValue*> values;
    for (const UncertainValue& v : model.values)
        values.push_back(&v);
    const DrawMatrix draws = drawsOf(values, options.seed, n);
    // The drawn row of every iteration (ef_re may be negative: a removal).
    std::vector<carbon::MangroveWsParams> drawn(std::size_t(n), model.central);
    for (int i = 0; i < n; ++i) {
        carbon::MangroveWsParams& p = drawn[std::size_t(i)];
        p.agb = std::max(0.0, draws.row(0)[i]);
        p.gw = std::max(0.0, draws.row(1)[i]);
        p.r = std::max(0.0, draws.row(2)[i]);
        p.cf = std::max(0.0, draws.row(3)[i]);
        p.soc = std::max(0.0, draws.row(4)[i]);
        p.efRe = draws.row(5)[i];
    }
    std::vector<UnitSamples> out(units.size());
    std::vector<std::map<std::pair<int, bool>, double>> merged;
    for (const auto& u : units)
        merged.push_back(mergedPlots(u));
    // Per unit, iterations in order, on the calling thread (a few plots × years × iterations: cheap), so
    // the result cannot depend on the thread count.
    for (std::size_t u = 0; u < units.size(); ++u) {
        if (options.feedback) {
            options.feedback->throwIfCancelled();
            options.feedback->setProgress(100.0 * double(u) / double(units.size()), "Monte Carlo");
        }
        UnitSamples& us = out[u];
        us.stocks.resize(nr);
        us.changes.resize(nr > 0 ? nr - 1 : 0);
        for (std::size_t y = 0; y < nr; ++y) {
            QuantitySamples& q = us.stocks[y];
            q.samples.assign(std::size_t(n), 0.0);
            for (const auto& [key, ha] : merged[u]) {
                q.central +=
                  carbon::restorationStockAt(model.central, key.first, reportYears[y], key.second).total() *
                  ha;
                for (int i = 0; i < n; ++i)
                    q.samples[std::size_t(i)] +=
                      carbon::restorationStockAt(drawn[std::size_t(i)], key.first, reportYears[y], key.second)
                        .total() *
                      ha;
            }
            q.u95 = restorationU(model, merged[u], reportYears[y]);
        }
        for (std::size_t p = 0; p + 1 < nr; ++p) {
            QuantitySamples& c = us.changes[p];
            const QuantitySamples& s1 = us.stocks[p];
            const QuantitySamples& s2 = us.stocks[p + 1];
            c.central = s2.central - s1.central;
            c.samples.resize(std::size_t(n));
            for (std::size_t i = 0; i < std::size_t(n); ++i)
                c.samples[i] = s2.samples[i] - s1.samples[i];
            // A zero stock (before planting) is exact.
            c.u95 = approach1Difference(
              s1.central, s1.central != 0 ? s1.u95 : 0.0, s2.central, s2.central != 0 ? s2.u95 : 0.0);
        }
    }
    return out;
}

} // namespace tanhui::models::uncertainty
