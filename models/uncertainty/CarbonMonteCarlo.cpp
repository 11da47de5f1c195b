// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/uncertainty/CarbonMonteCarlo.h"

#include "models/Parallel.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>
#include <tuple>

namespace tanhui::models::uncertainty {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int threadCount(int requested, std::size_t work) {
    const int hw = int(std::max(1u, std::thread::hardware_concurrency()));
    const int n = requested > 0 ? requested : hw;
    return int(std::clamp<std::size_t>(std::size_t(n), 1, std::max<std::size_t>(1, work)));
}

/// Runs fn(i) for i in [0, count) on `threads` threads (forEachIndex: each i by exactly one thread).
void parallelFor(std::size_t count,
                 int threads,
                 gis::Feedback* feedback,
                 const std::function<void(std::size_t)>& fn) {
    forEachIndex(count, threads, 16, fn, feedback, "Monte Carlo");
}

// Sample kernels: s[i] += h × d[i] (stock) or s[i] += h × (d2[i] − d1[i]) (change), two terms per
// pass over the samples where possible; each sample gets the same operations in the same order as
// with one pass per term, so the sums are bit-identical.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
// On x86-64 also compiled for AVX2 and chosen at run time: four samples per instruction instead of two.
// The same separately rounded products and sums (AVX2 has no fused multiply-add; that is FMA, not
// enabled here), so the results are the same bits on every processor.
#define TANHUI_SAMPLE_KERNEL __attribute__((target_clones("avx2", "default")))
#else
#define TANHUI_SAMPLE_KERNEL
#endif
TANHUI_SAMPLE_KERNEL void addTerm(double* __restrict s, int n, double h, const double* __restrict d) {
    for (int i = 0; i < n; ++i)
        s[i] += h * d[i];
}
TANHUI_SAMPLE_KERNEL void addTwoTerms(double* __restrict s,
                                      int n,
                                      double h,
                                      const double* __restrict d,
                                      double g,
                                      const double* __restrict e) {
    for (int i = 0; i < n; ++i)
        s[i] = (s[i] + h * d[i]) + g * e[i];
}
TANHUI_SAMPLE_KERNEL void addChange(double* __restrict s,
                                    int n,
                                    double h,
                                    const double* __restrict d1,
                                    const double* __restrict d2) {
    for (int i = 0; i < n; ++i)
        s[i] += h * (d2[i] - d1[i]);
}
TANHUI_SAMPLE_KERNEL void addTwoChanges(double* __restrict s,
                                        int n,
                                        double h,
                                        const double* __restrict d1,
                                        const double* __restrict d2,
                                        double g,
                                        const double* __restrict e1,
                                        const double* __restrict e2) {
    for (int i = 0; i < n; ++i)
        s[i] = (s[i] + h * (d2[i] - d1[i])) + g * (e2[i] - e1[i]);
}

QuantityUncertainty summarizeQuantity(double central, std::vector<double>& samples, double u95) {
    QuantityUncertainty q;
    q.central = central;
    q.u95 = u95;
    q.mc = summarize(samples);
    return q;
}

} // namespace

// ---------------------------------------------------------------------------------------------------

PoolUncertaintyModel buildPoolUncertainty(const params::ParameterTable& table,
                                          const carbon::PoolLookup& pools,
                                          const UncertaintyDefaults& defaults) {
    PoolUncertaintyModel model;
    model.codes = pools.codes();
    for (std::int64_t code : model.codes) {
        const params::TableRow* row = table.find(QString::number(code));
        std::array<UncertainValue, carbon::kPoolCount> values;
        for (int p = 0; p < carbon::kPoolCount; ++p) {
            const QString column = QString::fromLatin1(carbon::poolName(p));
            if (row) {
                values[std::size_t(p)] = readUncertainty(table, *row, column, defaults, model.issues);
            } else {
                // A PoolLookup built from this table has every key; keep the central value anyway.
                values[std::size_t(p)].id =
                  "carbon_pools/" + std::to_string(code) + "/" + column.toStdString();
                values[std::size_t(p)].dist = Distribution::fixed(pools.find(code)->density[std::size_t(p)]);
            }
            if (values[std::size_t(p)].dist.isFixed() && values[std::size_t(p)].dist.value != 0 &&
                values[std::size_t(p)].origin != UncertainValue::Origin::Constant)
                model.fixedIds.push_back(std::to_string(code) + "/" + column.toStdString());
        }
        model.pools.push_back(std::move(values));
    }
    return model;
}

PoolUnitAreas wholeRasterAreas(const carbon::PoolRunResult& run) {
    PoolUnitAreas a;
    for (const carbon::DateTotals& d : run.dates)
        a.dateClassHa.push_back(d.classAreaHa);
    for (const carbon::PairTotals& p : run.pairs)
        a.pairTransitionHa.push_back(p.transitionAreaHa);
    return a;
}

PoolUnitAreas parcelAreas(const carbon::ParcelCarbon& parcel) {
    PoolUnitAreas a;
    for (const carbon::ParcelDate& d : parcel.dates)
        a.dateClassHa.push_back(d.classAreaHa);
    a.pairTransitionHa = parcel.transitionAreaHa;
    return a;
}

namespace {

using ClassAreas = std::map<std::int64_t, double>;
using PairAreas = std::map<std::pair<std::int64_t, std::int64_t>, double>;

/// runPoolMonteCarlo() over `count` parcels whose areas `parcelAreas(i)` gives as a pair (number of
/// dates, function date → class areas) and the per-pair transition areas, read in place.
template<class ParcelAreas>
PoolMonteCarloResult runPoolMonteCarloImpl(const PoolUncertaintyModel& model,
                                           const PoolUnitAreas& total,
                                           std::size_t count,
                                           const ParcelAreas& parcelAreas,
                                           const MonteCarloOptions& options) {
    PoolMonteCarloResult result;
    const int n = std::max(1, options.iterations);
    result.metadata.seed = options.seed;
    result.metadata.iterations = n;

    // Draws: one row per (class, pool), then each class's total density per iteration.
    const DrawMatrix draws = drawsOfRows(model.pools, options.seed, n);
    const std::size_t nClasses = model.codes.size();
    std::vector<double> density(nClasses * std::size_t(n), 0.0); // [class][iteration], t C/ha
    for (std::size_t k = 0; k < nClasses; ++k)
        for (int p = 0; p < carbon::kPoolCount; ++p) {
            const double* row = draws.row(k * carbon::kPoolCount + std::size_t(p));
            double* out = density.data() + k * std::size_t(n);
            for (int i = 0; i < n; ++i)
                out[i] += row[i];
        }
    // Per class: the central total density (Σ pools of the table values, in pool order), and each
    // pool's value and Approach 1 U, so that a unit needs no lookup but the class index.
    std::vector<double> centralDensity(nClasses, 0.0);
    std::vector<std::array<double, carbon::kPoolCount>> poolValue(nClasses), poolU(nClasses);
    for (std::size_t k = 0; k < nClasses; ++k)
        for (int p = 0; p < carbon::kPoolCount; ++p) {
            const Distribution& dist = model.pools[k][std::size_t(p)].dist;
            centralDensity[k] += dist.value;
            poolValue[k][std::size_t(p)] = dist.value;
            poolU[k][std::size_t(p)] = dist.u95();
        }
    auto classOf = [&](std::int64_t code) -> std::size_t {
        const auto it = std::lower_bound(model.codes.begin(), model.codes.end(), code);
        if (it == model.codes.end() || *it != code)
            throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                "Land-cover code " + std::to_string(code) + " has no uncertainty model.");
        return std::size_t(it - model.codes.begin());
    };

    // Approach 1 of a stock: Eq. 3.2 over the area × pool density terms of the classes (ascending),
    // accumulated term by term in that order.
    struct Approach1 {
        double num = 0, sum = 0;
        void add(double ha,
                 const std::array<double, carbon::kPoolCount>& value,
                 const std::array<double, carbon::kPoolCount>& u) {
            for (int p = 0; p < carbon::kPoolCount; ++p) {
                const double x = ha * value[std::size_t(p)];
                const double t = u[std::size_t(p)] * x;
                num += t * t;
                sum += x;
            }
        }
        double u95() const { return sum == 0 ? kNaN : std::sqrt(num) / std::fabs(sum); }
    };

    // One unit: per date the sample vector Σ_k area_k × D_k (a row of the area × density matrix
    // product, vectorised over iterations), per pair Σ_(a,b) area_ab × (D_b − D_a).
    // The unit's quantities (dates, then pairs) each get a sample vector; they are summarised together
    // (summarizeEach(): the same results as one by one, with their means' additions overlapping).
    struct Scratch {
        std::vector<std::vector<double>> samples;
        std::vector<std::vector<double>*> quantities;
        std::vector<Interval> intervals;
        std::vector<double> fromHa, toHa;
        std::vector<unsigned char> fromSet, toSet;
    };
    auto computeUnit =
      [&](std::size_t dates, const auto& dateClassHa, const std::vector<PairAreas>& pairs, Scratch& w) {
          UnitUncertainty out;
          const std::size_t nq = dates + pairs.size();
          if (w.samples.size() < nq)
              w.samples.resize(nq);
          w.quantities.clear();
          for (std::size_t q = 0; q < nq; ++q) {
              w.samples[q].resize(std::size_t(n));
              w.quantities.push_back(&w.samples[q]);
          }
          w.intervals.resize(nq);
          out.stocks.reserve(dates);
          out.changes.reserve(pairs.size());
          for (std::size_t date = 0; date < dates; ++date) {
              const ClassAreas& dateAreas = dateClassHa(date);
              double* samples = w.samples[date].data();
              std::fill(samples, samples + n, 0.0);
              double central = 0;
              Approach1 a1;
              const double* pendingD = nullptr; // a term waiting for a second one
              double pendingHa = 0;
              for (const auto& [code, ha] : dateAreas) {
                  const std::size_t k = classOf(code);
                  const double* d = density.data() + k * std::size_t(n);
                  if (pendingD) {
                      addTwoTerms(samples, n, pendingHa, pendingD, ha, d);
                      pendingD = nullptr;
                  } else {
                      pendingD = d;
                      pendingHa = ha;
                  }
                  central += ha * centralDensity[k];
                  a1.add(ha, poolValue[k], poolU[k]);
              }
              if (pendingD)
                  addTerm(samples, n, pendingHa, pendingD);
              out.stocks.push_back({ central, {}, a1.u95() });
          }
          for (std::size_t pair = 0; pair < pairs.size(); ++pair) {
              const PairAreas& pairAreas = pairs[pair];
              double* samples = w.samples[dates + pair].data();
              std::fill(samples, samples + n, 0.0);
              w.fromHa.assign(nClasses, 0.0);
              w.toHa.assign(nClasses, 0.0);
              w.fromSet.assign(nClasses, 0);
              w.toSet.assign(nClasses, 0);
              double central = 0;
              const double *pending1 = nullptr, *pending2 = nullptr;
              double pendingHa = 0;
              for (const auto& [codes, ha] : pairAreas) {
                  const std::size_t k1 = classOf(codes.first), k2 = classOf(codes.second);
                  const double* d1 = density.data() + k1 * std::size_t(n);
                  const double* d2 = density.data() + k2 * std::size_t(n);
                  if (pending1) {
                      addTwoChanges(samples, n, pendingHa, pending1, pending2, ha, d1, d2);
                      pending1 = nullptr;
                  } else {
                      pending1 = d1;
                      pending2 = d2;
                      pendingHa = ha;
                  }
                  w.fromHa[k1] += ha;
                  w.toHa[k2] += ha;
                  w.fromSet[k1] = w.toSet[k2] = 1;
                  central += ha * (centralDensity[k2] - centralDensity[k1]);
              }
              if (pending1)
                  addChange(samples, n, pendingHa, pending1, pending2);
              Approach1 from, to;
              for (std::size_t k = 0; k < nClasses; ++k) {
                  if (w.fromSet[k])
                      from.add(w.fromHa[k], poolValue[k], poolU[k]);
                  if (w.toSet[k])
                      to.add(w.toHa[k], poolValue[k], poolU[k]);
              }
              const double u =
                pairAreas.empty() ? kNaN : approach1Difference(from.sum, from.u95(), to.sum, to.u95());
              out.changes.push_back({ central, {}, u });
          }
          summarizeEach(w.quantities, w.intervals);
          for (std::size_t q = 0; q < nq; ++q)
              (q < dates ? out.stocks[q] : out.changes[q - dates]).mc = w.intervals[q];
          return out;
      };

    Scratch scratch;
    result.total = computeUnit(
      total.dateClassHa.size(),
      [&](std::size_t d) -> const ClassAreas& { return total.dateClassHa[d]; },
      total.pairTransitionHa,
      scratch);
    result.parcels.resize(count);
    const int threads = threadCount(options.threads, count);
    result.metadata.threadsUsed = threads;
    // Parcels are independent, each computed wholly by one thread (with that thread's scratch
    // buffers), so the results do not depend on the thread count.
    parallelFor(count, threads, options.feedback, [&](std::size_t i) {
        thread_local Scratch local;
        const auto [dates, dateAt, pairs] = parcelAreas(i);
        result.parcels[i] = computeUnit(dates, dateAt, pairs, local);
    });
    if (options.feedback)
        options.feedback->setProgress(100.0, "Monte Carlo");
    return result;
}

} // namespace

PoolMonteCarloResult runPoolMonteCarlo(const PoolUncertaintyModel& model,
                                       const PoolUnitAreas& total,
                                       const std::vector<PoolUnitAreas>& parcels,
                                       const MonteCarloOptions& options) {
    return runPoolMonteCarloImpl(
      model,
      total,
      parcels.size(),
      [&](std::size_t i) {
          const PoolUnitAreas& a = parcels[i];
          auto dateAt = [&a](std::size_t d) -> const ClassAreas& { return a.dateClassHa[d]; };
          return std::tuple<std::size_t, decltype(dateAt), const std::vector<PairAreas>&>{
              a.dateClassHa.size(), dateAt, a.pairTransitionHa
          };
      },
      options);
}

PoolMonteCarloResult runPoolMonteCarloOnParcels(const PoolUncertaintyModel& model,
                                                const PoolUnitAreas& total,
                                                const std::vector<carbon::ParcelCarbon>& parcels,
                                                const MonteCarloOptions& options) {
    return runPoolMonteCarloImpl(
      model,
      total,
      parcels.size(),
      [&](std::size_t i) {
          const carbon::ParcelCarbon& p = parcels[i];
          auto dateAt = [&p](std::size_t d) -> const ClassAreas& { return p.dates[d].classAreaHa; };
          return std::tuple<std::size_t, decltype(dateAt), const std::vector<PairAreas>&>{
              p.dates.size(), dateAt, p.transitionAreaHa
          };
      },
      options);
}

namespace {

/// The draws of a pool model: each class's total density per iteration (Σ of its drawn pool
/// densities), shared by every unit sampled from it.
class PoolDraws {
public:
    PoolDraws(const PoolUncertaintyModel& model, const MonteCarloOptions& options)
      : m_model(model)
      , m_n(std::max(1, options.iterations)) {
        // Draws: one row per (class, pool), then each class's total density per iteration.
        const DrawMatrix draws = drawsOfRows(model.pools, options.seed, m_n);
        const std::size_t nClasses = model.codes.size();
        m_density.assign(nClasses * std::size_t(m_n), 0.0); // [class][iteration], t C/ha
        for (std::size_t k = 0; k < nClasses; ++k)
            for (int p = 0; p < carbon::kPoolCount; ++p) {
                const double* row = draws.row(k * carbon::kPoolCount + std::size_t(p));
                double* out = m_density.data() + k * std::size_t(m_n);
                for (int i = 0; i < m_n; ++i)
                    out[i] += row[i];
            }
        for (std::size_t k = 0; k < nClasses; ++k)
            m_index[model.codes[k]] = k;
    }

    int iterations() const { return m_n; }

    /// Per date the stock, per pair the change of one unit, with central values and Approach 1.
    UnitSamples sample(const PoolUnitAreas& areas) const {
        const int n = m_n;
        UnitSamples out;
        for (const auto& dateAreas : areas.dateClassHa) {
            QuantitySamples q;
            q.samples.assign(std::size_t(n), 0.0);
            double central = 0;
            for (const auto& [code, ha] : dateAreas) {
                const std::size_t k = classOf(code);
                const double* d = m_density.data() + k * std::size_t(n);
                for (int i = 0; i < n; ++i)
                    q.samples[std::size_t(i)] += ha * d[i];
                central += ha * centralDensity(k);
            }
            q.central = central;
            q.u95 = stockApproach1(dateAreas).second;
            out.stocks.push_back(std::move(q));
        }
        for (const auto& pairAreas : areas.pairTransitionHa) {
            QuantitySamples q;
            q.samples.assign(std::size_t(n), 0.0);
            std::map<std::int64_t, double> from, to;
            for (const auto& [codes, ha] : pairAreas) {
                const double* d1 = m_density.data() + classOf(codes.first) * std::size_t(n);
                const double* d2 = m_density.data() + classOf(codes.second) * std::size_t(n);
                for (int i = 0; i < n; ++i)
                    q.samples[std::size_t(i)] += ha * (d2[i] - d1[i]);
                from[codes.first] += ha;
                to[codes.second] += ha;
            }
            const auto [s1, u1] = stockApproach1(from);
            const auto [s2, u2] = stockApproach1(to);
            double central = 0;
            for (const auto& [codes, ha] : pairAreas)
                central +=
                  ha * (centralDensity(classOf(codes.second)) - centralDensity(classOf(codes.first)));
            q.central = central;
            q.u95 = pairAreas.empty() ? kNaN : approach1Difference(s1, u1, s2, u2);
            out.changes.push_back(std::move(q));
        }
        return out;
    }

private:
    std::size_t classOf(std::int64_t code) const {
        const auto it = m_index.find(code);
        if (it == m_index.end())
            throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                "Land-cover code " + std::to_string(code) + " has no uncertainty model.");
        return it->second;
    }
    double centralDensity(std::size_t k) const {
        double c = 0;
        for (const UncertainValue& v : m_model.pools[k])
            c += v.dist.value;
        return c;
    }
    /// Approach 1 of a stock: Eq. 3.2 over area × pool density terms; returns (stock, U).
    std::pair<double, double> stockApproach1(const std::map<std::int64_t, double>& areas) const {
        std::vector<double> x, u;
        for (const auto& [code, ha] : areas) {
            const auto& values = m_model.pools[classOf(code)];
            for (const UncertainValue& v : values) {
                x.push_back(ha * v.dist.value);
                u.push_back(v.dist.u95());
            }
        }
        double s = 0;
        for (double t : x)
            s += t;
        return { s, approach1Sum(x, u) };
    }

    const PoolUncertaintyModel& m_model;
    int m_n = 1;
    std::vector<double> m_density;
    std::map<std::int64_t, std::size_t> m_index;
};

} // namespace

std::vector<UnitSamples> samplePoolUnits(const PoolUncertaintyModel& model,
                                         const std::vector<PoolUnitAreas>& units,
                                         const MonteCarloOptions& options) {
    const PoolDraws draws(model, options);
    std::vector<UnitSamples> out(units.size());
    parallelFor(units.size(),
                threadCount(options.threads, units.size()),
                options.feedback,
                [&](std::size_t i) { out[i] = draws.sample(units[i]); });
    return out;
}

// ---------------------------------------------------------------------------------------------------

namespace {
constexpr const char* kVolumeColumns[6] = { "wd", "bef", "r", "cf", "fang_a", "fang_b" };
}

VolumeUncertaintyModel buildVolumeUncertainty(const params::ParameterTable& table,
                                              const carbon::SpeciesLookup& species,
                                              carbon::BefForm form,
                                              const UncertaintyDefaults& defaults) {
    VolumeUncertaintyModel model;
    for (const carbon::SpeciesParams& g : species.groups()) {
        const params::TableRow* row = table.find(g.group);
        std::array<UncertainValue, 6> values;
        for (int c = 0; c < 6; ++c) {
            const QString column = QString::fromLatin1(kVolumeColumns[c]);
            const bool used = form == carbon::BefForm::Constant ? c < 4 : c >= 4;
            if (row && used && table.columnIndex(column) >= 0 &&
                row->values[std::size_t(table.columnIndex(column))]) {
                values[std::size_t(c)] = readUncertainty(table, *row, column, defaults, model.issues);
                if (values[std::size_t(c)].dist.isFixed() &&
                    values[std::size_t(c)].origin != UncertainValue::Origin::Constant)
                    model.fixedIds.push_back(g.group.toStdString() + "/" + column.toStdString());
            } else {
                values[std::size_t(c)].id =
                  std::string("species_params_cn/") + g.group.toStdString() + "/" + column.toStdString();
                const double v = c == 0   ? g.wd
                                 : c == 1 ? g.bef
                                 : c == 2 ? g.r
                                 : c == 3 ? g.cf
                                 : c == 4 ? g.fangA.value_or(kNaN)
                                          : g.fangB.value_or(kNaN);
                values[std::size_t(c)].dist = Distribution::fixed(v);
            }
        }
        model.groups[g.group] = std::move(values);
    }
    return model;
}

namespace {

/// The draws of a volume model (per group, in the model's key order, 6 rows each) and the
/// per-iteration densities, shared by the parcels and the units sampled from it.
class VolumeDraws {
public:
    VolumeDraws(const VolumeUncertaintyModel& model, carbon::BefForm form, const MonteCarloOptions& options)
      : m_model(model)
      , m_n(std::max(1, options.iterations))
      , m_constant(form == carbon::BefForm::Constant) {
        std::vector<const UncertainValue*> values;
        for (const auto& [group, groupValues] : model.groups) {
            m_groupIndex[group] = m_groupIndex.size();
            for (const UncertainValue& v : groupValues)
                values.push_back(&v);
        }
        m_draws = drawsOf(values, options.seed, m_n);
    }

    int iterations() const { return m_n; }
    std::size_t groupOf(const QString& group) const {
        const auto it = m_groupIndex.find(group);
        if (it == m_groupIndex.end())
            throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                "Species group " + group.toStdString() + " has no uncertainty model.");
        return it->second;
    }

    /// Carbon density (t C/ha) of group g at iteration i for a volume (m³/ha).
    double density(std::size_t g, int i, double volume) const {
        auto at = [&](int c) { return m_draws.row(g * 6 + std::size_t(c))[i]; };
        return m_constant ? carbon::constantBefDensity(volume, at(0), at(1), at(2), at(3)).carbon
                          : carbon::continuousBefDensity(volume, at(4), at(5)).carbon;
    }

    /// Approach 1 U of a group's carbon over Σ area·V and Σ area.
    double approach1(const std::array<UncertainValue, 6>& v, double areaVolume, double area) const {
        if (m_constant) {
            const double u[] = {
                v[0].dist.u95(), v[1].dist.u95(), uOnePlusR(v[2].dist.u95(), v[2].dist.value), v[3].dist.u95()
            };
            return approach1Product(u);
        }
        const double x[] = { v[4].dist.value * areaVolume, v[5].dist.value * area };
        const double u[] = { v[4].dist.u95(), v[5].dist.u95() };
        return approach1Sum(x, u);
    }

    /// Per iteration Σ over the unit's groups (key order). For the constant form the density is linear
    /// in V, and for the continuous form affine, so the group sums give the exact per-iteration sum of
    /// the parcels. Central from the table values; Approach 1 Eq. 3.2 over groups.
    QuantitySamples sample(const VolumeUnitSums& unit) const {
        const int n = m_n;
        QuantitySamples q;
        q.samples.assign(std::size_t(n), 0.0);
        std::vector<double> x, u;
        for (const auto& [group, sums] : unit) {
            const std::size_t g = groupOf(group);
            // Constant form: carbon is linear in V; continuous form: (a·V + b) × 0.5 is affine in V.
            for (int i = 0; i < n; ++i)
                q.samples[std::size_t(i)] += m_constant ? density(g, i, 1.0) * sums.areaVolumeM3
                                                        : (m_draws.row(g * 6 + 4)[i] * sums.areaVolumeM3 +
                                                           m_draws.row(g * 6 + 5)[i] * sums.areaHa) *
                                                            carbon::kFangCarbonFraction;
            const auto& v = m_model.groups.at(group);
            const double groupCentral =
              m_constant ? carbon::constantBefDensity(
                             1.0, v[0].dist.value, v[1].dist.value, v[2].dist.value, v[3].dist.value)
                               .carbon *
                             sums.areaVolumeM3
                         : (v[4].dist.value * sums.areaVolumeM3 + v[5].dist.value * sums.areaHa) *
                             carbon::kFangCarbonFraction;
            x.push_back(groupCentral);
            u.push_back(approach1(v, sums.areaVolumeM3, sums.areaHa));
        }
        double central = 0;
        for (double t : x)
            central += t;
        q.central = central;
        q.u95 = approach1Sum(x, u);
        return q;
    }

private:
    const VolumeUncertaintyModel& m_model;
    int m_n = 1;
    bool m_constant = true;
    std::map<QString, std::size_t> m_groupIndex;
    DrawMatrix m_draws;
};

} // namespace

VolumeMonteCarloResult runVolumeMonteCarlo(const VolumeUncertaintyModel& model,
                                           const std::vector<carbon::VolumeRecord>& records,
                                           const std::vector<carbon::VolumeParcel>& results,
                                           carbon::BefForm form,
                                           const MonteCarloOptions& options) {
    VolumeMonteCarloResult out;
    const VolumeDraws draws(model, form, options);
    const int n = draws.iterations();
    out.metadata.seed = options.seed;
    out.metadata.iterations = n;

    out.parcels.resize(records.size());
    const int threads = threadCount(options.threads, records.size());
    out.metadata.threadsUsed = threads;
    parallelFor(records.size(), threads, options.feedback, [&](std::size_t r) {
        const carbon::VolumeParcel& p = results[r];
        QuantityUncertainty& q = out.parcels[r];
        if (!p.group) {
            q.central = q.u95 = kNaN;
            q.mc = { kNaN, kNaN, kNaN, kNaN };
            return;
        }
        const std::size_t g = draws.groupOf(p.group->group);
        const double area = records[r].areaHa;
        std::vector<double> samples(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            samples[std::size_t(i)] = draws.density(g, i, p.volume) * area;
        q = summarizeQuantity(
          p.carbonT, samples, draws.approach1(model.groups.at(p.group->group), p.volume * area, area));
    });

    // Total: per group Σ area × V and Σ area (record order), then per iteration Σ over groups.
    VolumeUnitSums unit;
    double central = 0;
    for (std::size_t r = 0; r < records.size(); ++r) {
        if (!results[r].group)
            continue;
        VolumeGroupSums& sums = unit[results[r].group->group];
        sums.areaVolumeM3 += records[r].areaHa * results[r].volume;
        sums.areaHa += records[r].areaHa;
        central += results[r].carbonT;
    }
    QuantitySamples total = draws.sample(unit);
    out.total = summarizeQuantity(central, total.samples, total.u95);
    if (options.feedback)
        options.feedback->setProgress(100.0, "Monte Carlo");
    return out;
}

std::vector<QuantitySamples> sampleVolumeUnits(const VolumeUncertaintyModel& model,
                                               const std::vector<VolumeUnitSums>& units,
                                               carbon::BefForm form,
                                               const MonteCarloOptions& options) {
    const VolumeDraws draws(model, form, options);
    std::vector<QuantitySamples> out(units.size());
    parallelFor(units.size(),
                threadCount(options.threads, units.size()),
                options.feedback,
                [&](std::size_t i) { out[i] = draws.sample(units[i]); });
    return out;
}

} // namespace tanhui::models::uncertainty
