// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/ProjectUncertainty.h"

#include "gis/Errors.h"
#include "models/project/Project.h"
#include "models/uncertainty/UncertainParameters.h"
#include "models/uncertainty/UncertaintyFiles.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace tanhui::models::carbon {

namespace {

/// Translation context of this file's user-facing strings.
struct ProjectUncertainty {
    Q_DECLARE_TR_FUNCTIONS(ProjectUncertainty)
};

namespace mc = uncertainty;

// ---- pools (carbon-methods.md §1.2: stock = Σ class area × density) ------------------------------

class PoolSampler final : public MethodSampler {
public:
    PoolSampler(mc::PoolUncertaintyModel model,
                std::vector<int> years,
                std::vector<std::pair<int, int>> pairs,
                std::vector<std::vector<mc::PoolUnitAreas>> units,
                const UncertaintySettings& settings,
                int threads)
      : m_model(std::move(model))
      , m_years(std::move(years))
      , m_pairs(std::move(pairs))
      , m_units(std::move(units))
      , m_options(monteCarloOptions(settings, threads)) {}

    std::vector<SampledTotals> sum(const std::vector<std::vector<ResultRef>>& groups) const override {
        // A group is one unit whose areas are the sums of its parcels' areas (in the given order).
        std::vector<mc::PoolUnitAreas> aggregated(groups.size());
        for (std::size_t g = 0; g < groups.size(); ++g) {
            mc::PoolUnitAreas& a = aggregated[g];
            a.dateClassHa.resize(m_years.size());
            a.pairTransitionHa.resize(m_pairs.size());
            for (const ResultRef& ref : groups[g]) {
                const mc::PoolUnitAreas& u = m_units.at(ref.first).at(ref.second);
                for (std::size_t d = 0; d < u.dateClassHa.size() && d < m_years.size(); ++d)
                    for (const auto& [code, ha] : u.dateClassHa[d])
                        a.dateClassHa[d][code] += ha;
                for (std::size_t p = 0; p < u.pairTransitionHa.size() && p < m_pairs.size(); ++p)
                    for (const auto& [codes, ha] : u.pairTransitionHa[p])
                        a.pairTransitionHa[p][codes] += ha;
            }
        }
        std::vector<mc::UnitSamples> samples = mc::samplePoolUnits(m_model, aggregated, m_options);
        std::vector<SampledTotals> out(groups.size());
        for (std::size_t g = 0; g < groups.size(); ++g) {
            for (std::size_t d = 0; d < m_years.size(); ++d)
                out[g].stocks[m_years[d]] = std::move(samples[g].stocks[d]);
            for (std::size_t p = 0; p < m_pairs.size(); ++p)
                out[g].changes[m_pairs[p]] = std::move(samples[g].changes[p]);
        }
        return out;
    }

    std::vector<const mc::UncertainValue*> parameters() const override {
        std::vector<const mc::UncertainValue*> out;
        for (const auto& row : m_model.pools)
            for (const mc::UncertainValue& v : row)
                out.push_back(&v);
        return out;
    }

private:
    mc::PoolUncertaintyModel m_model;
    std::vector<int> m_years;
    std::vector<std::pair<int, int>> m_pairs;
    std::vector<std::vector<mc::PoolUnitAreas>> m_units;
    mc::MonteCarloOptions m_options;
};

// ---- volume (carbon-methods.md §5.1, §5.3: linear / affine in V) ---------------------------------

class VolumeSampler final : public MethodSampler {
public:
    VolumeSampler(std::map<BefForm, mc::VolumeUncertaintyModel> models,
                  std::vector<std::vector<VolumeSampleUnit>> units,
                  const UncertaintySettings& settings,
                  int threads)
      : m_models(std::move(models))
      , m_units(std::move(units))
      , m_options(monteCarloOptions(settings, threads)) {}

    std::vector<SampledTotals> sum(const std::vector<std::vector<ResultRef>>& groups) const override {
        std::vector<SampledTotals> out(groups.size());
        for (const auto& [form, model] : m_models) {
            // One unit per (group, year) with parcels of this form.
            std::vector<mc::VolumeUnitSums> units;
            std::vector<std::pair<std::size_t, int>> where;
            for (std::size_t g = 0; g < groups.size(); ++g) {
                std::map<int, mc::VolumeUnitSums> byYear;
                for (const ResultRef& ref : groups[g]) {
                    const VolumeSampleUnit& u = m_units.at(ref.first).at(ref.second);
                    if (u.form != form)
                        continue;
                    mc::VolumeUnitSums& sums = byYear[u.year];
                    if (u.group.isEmpty())
                        continue; // no tree carbon: an exact zero
                    mc::VolumeGroupSums& s = sums[u.group];
                    s.areaVolumeM3 += u.areaVolumeM3;
                    s.areaHa += u.areaHa;
                }
                for (auto& [year, sums] : byYear) {
                    units.push_back(std::move(sums));
                    where.emplace_back(g, year);
                }
            }
            std::vector<mc::QuantitySamples> samples = mc::sampleVolumeUnits(model, units, form, m_options);
            for (std::size_t k = 0; k < samples.size(); ++k) {
                auto& [g, year] = where[k];
                const auto it = out[g].stocks.find(year);
                if (it == out[g].stocks.end()) {
                    out[g].stocks[year] = std::move(samples[k]);
                    continue;
                }
                // Both forms in one group and year: independent parameters, sums per iteration.
                mc::QuantitySamples& q = it->second;
                for (std::size_t i = 0; i < q.samples.size(); ++i)
                    q.samples[i] += samples[k].samples[i];
                const double x[] = { q.central, samples[k].central };
                const double u[] = { q.u95, samples[k].u95 };
                q.u95 = mc::approach1Sum(x, u);
                q.central += samples[k].central;
            }
        }
        return out;
    }

    std::vector<const mc::UncertainValue*> parameters() const override {
        std::vector<const mc::UncertainValue*> out;
        for (const auto& [form, model] : m_models) {
            const bool constant = form == BefForm::Constant;
            for (const auto& [group, row] : model.groups)
                for (std::size_t c = constant ? 0 : 4; c < (constant ? 4u : 6u); ++c)
                    out.push_back(&row[c]);
        }
        return out;
    }

private:
    std::map<BefForm, mc::VolumeUncertaintyModel> m_models;
    std::vector<std::vector<VolumeSampleUnit>> m_units;
    mc::MonteCarloOptions m_options;
};

// ---- stocks altered by a land-use change (docs/carbon-project.md "Ecosystem per date") ------------

class LandUseChangeSampler final : public MethodSampler {
public:
    LandUseChangeSampler(std::shared_ptr<const MethodSampler> inner,
                         const mc::PoolUncertaintyModel& pools,
                         std::map<ResultRef, AlteredResult> altered,
                         const UncertaintySettings& settings)
      : m_inner(std::move(inner))
      , m_altered(std::move(altered)) {
        // The new use's pool densities: the pool model's distributions of the classes used, drawn from
        // their own streams (the same draws as the pool method's, carbon-methods.md §6.2 item 2).
        std::set<std::pair<std::int64_t, int>> used;
        for (const auto& [ref, a] : m_altered)
            for (const AlteredStock& st : a.stocks)
                for (const auto& [key, ha] : st.poolHa)
                    used.insert(key);
        for (const auto& key : used) {
            const auto it = std::lower_bound(pools.codes.begin(), pools.codes.end(), key.first);
            if (it == pools.codes.end() || *it != key.first)
                throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                    "land-use change: class " + std::to_string(key.first) +
                                      " is not in the pool uncertainty model");
            m_row[key] = m_values.size();
            m_values.push_back(pools.pools[std::size_t(it - pools.codes.begin())][std::size_t(key.second)]);
        }
        std::vector<const mc::UncertainValue*> values;
        for (const mc::UncertainValue& v : m_values)
            values.push_back(&v);
        m_draws = mc::drawsOf(values, settings.seed, settings.iterations);
    }

    std::vector<SampledTotals> sum(const std::vector<std::vector<ResultRef>>& groups) const override {
        // Results without a land-use change: the method's sampler, summed per group as before.
        std::vector<std::vector<ResultRef>> plain(groups.size());
        std::vector<ResultRef> altered;                         // in order of first appearance
        std::map<ResultRef, std::vector<std::size_t>> groupsOf; // altered result → its groups
        for (std::size_t g = 0; g < groups.size(); ++g)
            for (const ResultRef& ref : groups[g]) {
                if (!m_altered.count(ref)) {
                    plain[g].push_back(ref);
                    continue;
                }
                std::vector<std::size_t>& in = groupsOf[ref];
                if (in.empty())
                    altered.push_back(ref);
                in.push_back(g);
            }
        const bool anyPlain =
          std::any_of(plain.begin(), plain.end(), [](const std::vector<ResultRef>& g) { return !g.empty(); });
        // Every result altered: nothing for the method's sampler to sum (empty totals per group).
        std::vector<SampledTotals> out =
          anyPlain ? m_inner->sum(plain) : std::vector<SampledTotals>(groups.size());
        if (altered.empty())
            return out;
        // Σ|x|·U per quantity (as boundedTotals() for parts of one sampler: shared parameters).
        std::vector<std::map<int, double>> stockAbsU(groups.size());
        std::vector<std::map<std::pair<int, int>, double>> changeAbsU(groups.size());
        for (std::size_t g = 0; g < groups.size(); ++g) {
            for (const auto& [year, q] : out[g].stocks)
                stockAbsU[g][year] = std::abs(q.central) * q.u95;
            for (const auto& [pair, q] : out[g].changes)
                changeAbsU[g][pair] = std::abs(q.central) * q.u95;
        }
        auto add = [](mc::QuantitySamples& into, const mc::QuantitySamples& part, double& absU, bool fresh) {
            if (fresh) {
                into.samples.assign(part.samples.size(), 0.0);
                into.central = 0;
                absU = 0;
            }
            for (std::size_t i = 0; i < into.samples.size() && i < part.samples.size(); ++i)
                into.samples[i] += part.samples[i];
            into.central += part.central;
            absU += std::abs(part.central) * part.u95;
        };
        // The altered results one by one (in chunks: the method's draws of each parcel alone).
        constexpr std::size_t kChunk = 256;
        std::vector<bool> touched(groups.size(), false);
        for (std::size_t from = 0; from < altered.size(); from += kChunk) {
            const std::size_t to = std::min(altered.size(), from + kChunk);
            std::vector<std::vector<ResultRef>> one;
            for (std::size_t j = from; j < to; ++j)
                one.push_back({ altered[j] });
            std::vector<SampledTotals> parts = m_inner->sum(one);
            for (std::size_t j = from; j < to; ++j) {
                const SampledTotals part = alter(m_altered.at(altered[j]), std::move(parts[j - from]));
                for (std::size_t g : groupsOf.at(altered[j])) {
                    touched[g] = true;
                    for (const auto& [year, q] : part.stocks) {
                        const bool fresh = !out[g].stocks.count(year);
                        add(out[g].stocks[year], q, stockAbsU[g][year], fresh);
                    }
                    for (const auto& [pair, q] : part.changes) {
                        const bool fresh = !out[g].changes.count(pair);
                        add(out[g].changes[pair], q, changeAbsU[g][pair], fresh);
                    }
                }
            }
        }
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (!touched[g])
                continue;
            for (auto& [year, q] : out[g].stocks)
                q.u95 = q.central != 0 ? stockAbsU[g][year] / std::abs(q.central)
                                       : std::numeric_limits<double>::quiet_NaN();
            for (auto& [pair, q] : out[g].changes)
                q.u95 = q.central != 0 ? changeAbsU[g][pair] / std::abs(q.central)
                                       : std::numeric_limits<double>::quiet_NaN();
        }
        return out;
    }

    std::vector<const mc::UncertainValue*> parameters() const override {
        std::vector<const mc::UncertainValue*> out = m_inner->parameters();
        for (const mc::UncertainValue& v : m_values)
            out.push_back(&v);
        return out;
    }

private:
    /// One altered result's draws from the method's draws of that parcel alone (`part`): its altered
    /// stocks per AlteredStock, and its changes touching an altered date as per-iteration differences of
    /// its stocks (the deterministic rule's stock difference). A stock whose inputs the method does not
    /// sample is dropped (its totals then get no bounds).
    SampledTotals alter(const AlteredResult& a, SampledTotals part) const {
        std::set<int> alteredYears;
        std::map<int, mc::QuantitySamples> stocks;
        for (const AlteredStock& st : a.stocks) {
            alteredYears.insert(st.year);
            const auto m = part.stocks.find(st.year);
            const auto soil = part.stocks.find(st.soilFrom);
            if (m == part.stocks.end() || (st.soilWeight != 0 && soil == part.stocks.end()))
                continue;
            mc::QuantitySamples q;
            q.central = st.centralT;
            q.samples.resize(m->second.samples.size());
            std::vector<double> x{ st.keep * m->second.central }, u{ m->second.u95 };
            for (std::size_t i = 0; i < q.samples.size(); ++i)
                q.samples[i] = st.keep * m->second.samples[i];
            if (st.soilWeight != 0) {
                for (std::size_t i = 0; i < q.samples.size(); ++i)
                    q.samples[i] += st.soilWeight * soil->second.samples[i];
                x.push_back(st.soilWeight * soil->second.central);
                u.push_back(soil->second.u95);
            }
            for (const auto& [key, ha] : st.poolHa) {
                const std::size_t row = m_row.at(key);
                const double* draws = m_draws.row(row);
                for (std::size_t i = 0; i < q.samples.size() && i < std::size_t(m_draws.iterations()); ++i)
                    q.samples[i] += ha * draws[i];
                x.push_back(ha * m_values[row].dist.value);
                u.push_back(m_values[row].dist.u95());
            }
            // Approach 1 (Eq. 3.2 over the terms, taken as independent).
            q.u95 = mc::approach1Sum(x, u);
            stocks[st.year] = std::move(q);
        }
        for (auto& [year, q] : stocks)
            part.stocks[year] = std::move(q);
        for (int year : alteredYears)
            if (!stocks.count(year))
                part.stocks.erase(year);
        for (auto it = part.changes.begin(); it != part.changes.end();) {
            const auto [y1, y2] = it->first;
            if (!alteredYears.count(y1) && !alteredYears.count(y2)) {
                ++it;
                continue;
            }
            const auto s1 = part.stocks.find(y1), s2 = part.stocks.find(y2);
            if (s1 == part.stocks.end() || s2 == part.stocks.end()) {
                it = part.changes.erase(it);
                continue;
            }
            mc::QuantitySamples& q = it->second;
            q.central = s2->second.central - s1->second.central;
            q.samples.resize(s2->second.samples.size());
            for (std::size_t i = 0; i < q.samples.size(); ++i)
                q.samples[i] = s2->second.samples[i] - s1->second.samples[i];
            q.u95 =
              mc::approach1Difference(s1->second.central, s1->second.u95, s2->second.central, s2->second.u95);
            ++it;
        }
        return part;
    }

    std::shared_ptr<const MethodSampler> m_inner;
    std::map<ResultRef, AlteredResult> m_altered;
    std::vector<mc::UncertainValue> m_values; ///< the new use's pool densities drawn
    std::map<std::pair<std::int64_t, int>, std::size_t> m_row;
    mc::DrawMatrix m_draws;
};

bool wholeInRange(double v, double lo, double hi) {
    return std::isfinite(v) && v == std::floor(v) && v >= lo && v <= hi;
}

} // namespace

void validateUncertaintySettings(const Project& project, params::Issues& issues) {
    const ProjectCarbonUncertainty& u = project.carbon.uncertainty;
    if (!u.present)
        return;
    auto error = [&](const char* key, const QString& message) {
        issues.push_back({ params::Issue::Severity::Error,
                           project.fileName(),
                           0,
                           QStringLiteral("carbon.uncertainty.") + QLatin1String(key),
                           message });
    };
    if (u.iterations && !wholeInRange(*u.iterations, 1, kMaxIterations))
        error("iterations",
              ProjectUncertainty::tr("the Monte Carlo iterations must be a whole number from 1 to %1, not %2")
                .arg(kMaxIterations)
                .arg(*u.iterations));
    if (u.seed && !wholeInRange(*u.seed, 0, double(kMaxUncertaintySeed)))
        error("seed",
              ProjectUncertainty::tr("the seed must be a whole number from 0 to 9007199254740991, not %1")
                .arg(*u.seed, 0, 'g', 17));
    if (u.defaultUPct && params::hasErrors(params::validateScalar(
                           uncertainty::defaultUncertaintyParameter(), *u.defaultUPct, {})))
        error("default_u_pct",
              ProjectUncertainty::tr("default_u_pct must be a percentage from 0 to 1000 (95 % half-width, "
                                     "e.g. 90 for ±90 %), not %1")
                .arg(*u.defaultUPct));
}

std::optional<UncertaintySettings> uncertaintySettings(const Project& project) {
    const ProjectCarbonUncertainty& u = project.carbon.uncertainty;
    if (!u.present)
        return std::nullopt;
    UncertaintySettings s;
    if (u.iterations)
        s.iterations = int(*u.iterations);
    if (u.seed)
        s.seed = std::uint64_t(*u.seed);
    s.defaultUPct = u.defaultUPct;
    return s;
}

uncertainty::UncertaintyDefaults uncertaintyDefaults(const UncertaintySettings& settings) {
    uncertainty::UncertaintyDefaults d;
    d.uPct = settings.defaultUPct;
    // Values of a kind with a documented default take it; the given U reaches the other kinds.
    d.byKind = true;
    if (settings.defaultUPct)
        d.provenance = ProjectUncertainty::tr("run-wide default_u_pct %1 % (U = 95 % half-width; "
                                              "carbon-methods.md §6.2 item 1)")
                         .arg(*settings.defaultUPct);
    return d;
}

uncertainty::MonteCarloOptions monteCarloOptions(const UncertaintySettings& settings, int threads) {
    uncertainty::MonteCarloOptions options;
    options.iterations = settings.iterations;
    options.seed = settings.seed;
    options.threads = threads;
    return options;
}

void warnExactValues(const QString& file, const std::vector<std::string>& ids, params::Issues& issues) {
    if (ids.empty())
        return;
    QStringList names;
    for (std::size_t i = 0; i < ids.size() && i < 8; ++i)
        names << QString::fromStdString(ids[i]);
    if (ids.size() > 8)
        names << QStringLiteral("…");
    issues.push_back(
      { params::Issue::Severity::Warning,
        file,
        0,
        QString(),
        ProjectUncertainty::tr("%1 value(s) have no uncertainty (no uncertainty columns in the "
                               "table and no carbon.uncertainty.default_u_pct) and are "
                               "treated as exact: %2")
          .arg(ids.size())
          .arg(names.join(QStringLiteral(", "))) });
}

QString exactBoundsNote() {
    return ProjectUncertainty::tr("no uncertainty source: every draw gives the same value (no parameter it "
                                  "depends on carries an uncertainty), so the bounds are left blank; "
                                  "declare uncertainty columns or set default_u_pct / "
                                  "--default-uncertainty");
}

Bounds boundsOfSamples(const uncertainty::QuantitySamples& q) {
    std::vector<double> s = q.samples; // summarize() reorders
    const uncertainty::Interval iv = uncertainty::summarize(s);
    return Bounds{ iv.p2_5, iv.p50, iv.p97_5, q.u95 * 100.0 };
}

Bounds boundsOf(const uncertainty::QuantityUncertainty& q) {
    return Bounds{ q.mc.p2_5, q.mc.p50, q.mc.p97_5, q.u95 * 100.0 };
}

std::shared_ptr<MethodSampler> makePoolSampler(uncertainty::PoolUncertaintyModel model,
                                               std::vector<int> years,
                                               std::vector<std::pair<int, int>> pairs,
                                               std::vector<std::vector<uncertainty::PoolUnitAreas>> units,
                                               const UncertaintySettings& settings,
                                               int threads) {
    return std::make_shared<PoolSampler>(
      std::move(model), std::move(years), std::move(pairs), std::move(units), settings, threads);
}

std::shared_ptr<MethodSampler> makeVolumeSampler(
  std::map<BefForm, uncertainty::VolumeUncertaintyModel> models,
  std::vector<std::vector<VolumeSampleUnit>> units,
  const UncertaintySettings& settings,
  int threads) {
    return std::make_shared<VolumeSampler>(std::move(models), std::move(units), settings, threads);
}

std::shared_ptr<MethodSampler> makeLandUseChangeSampler(std::shared_ptr<const MethodSampler> inner,
                                                        const uncertainty::PoolUncertaintyModel& pools,
                                                        std::map<ResultRef, AlteredResult> altered,
                                                        const UncertaintySettings& settings) {
    return std::make_shared<LandUseChangeSampler>(std::move(inner), pools, std::move(altered), settings);
}

std::vector<ResultTotals> boundedTotals(const std::vector<ParcelResult>& results,
                                        const std::vector<SampledResult>& sampling,
                                        std::optional<TotalsKey> key) {
    std::vector<ResultTotals> totals;
    std::vector<std::vector<std::size_t>> members;
    if (key) {
        totals = totalsBy(results, *key);
        std::map<QString, std::size_t> index;
        for (std::size_t g = 0; g < totals.size(); ++g)
            index[totals[g].key] = g;
        members.resize(totals.size());
        for (std::size_t r = 0; r < results.size(); ++r) {
            const ParcelResult& p = results[r];
            // As totalsBy(): by ecosystem type and group the primary results only, by method all.
            if (!p.primary && *key != TotalsKey::Method)
                continue;
            if (*key == TotalsKey::EcosystemType) {
                // Every type the result has at some date (ParcelResult::typeAt).
                std::set<QString> types{ p.ecosystemType };
                for (const DatedType& d : p.landUseChange)
                    types.insert(d.type);
                for (const QString& type : types)
                    members[index.at(type)].push_back(r);
                continue;
            }
            const QString& k = *key == TotalsKey::Group ? p.group : p.method;
            members[index.at(k)].push_back(r);
        }
    } else {
        totals = { totalOf(results) };
        members.resize(1);
        for (std::size_t r = 0; r < results.size(); ++r)
            if (results[r].primary) // as totalOf()
                members[0].push_back(r);
    }
    // By type, a result whose type changes at some date counts under several types (totalsBy(): each
    // date's stock under that date's type, a change under its end date's type): it is sampled alone and
    // each date's stock samples, and each change's, go to the row of that type (below).
    const bool byType = key && *key == TotalsKey::EcosystemType;
    auto splitByType = [&](std::size_t r) { return byType && !results[r].landUseChange.empty(); };
    // Whether result r's stock of `year` (or a change ending then) counts in total g.
    auto here = [&](std::size_t g, std::size_t r, int year) {
        return !byType || results[r].typeAt(year) == totals[g].key;
    };
    // The samplers in order of first appearance (results are in a fixed order: deterministic).
    std::vector<const MethodSampler*> samplers;
    for (const SampledResult& s : sampling)
        if (s.sampler && std::find(samplers.begin(), samplers.end(), s.sampler) == samplers.end())
            samplers.push_back(s.sampler);
    // Per sampler, the computed parcels of each group (those totalOf() counts). Totals count a parcel's
    // accounted part (docs/carbon-project.md "Overlapping layers"), so per iteration a parcel overlapped
    // by a layer of higher precedence adds the draws of its accounted part: those of the part's own
    // result (SampledResult::partSampler, the method's run on the accounted geometry: same parameters,
    // same draws) when its method computed it, else its own draws × its share. Such parcels are sampled
    // one by one (in chunks) and added to their group's sums; the others, share 1, are summed by the
    // sampler as before.
    std::vector<std::vector<SampledTotals>> sums;
    // Years and pairs a partly counted parcel's own draws lack (its group then has no bounds for them).
    std::vector<std::set<int>> partialMissingYears(totals.size());
    std::vector<std::set<std::pair<int, int>>> partialMissingPairs(totals.size());
    for (const MethodSampler* sampler : samplers) {
        std::vector<std::vector<ResultRef>> refs(totals.size());
        std::vector<std::pair<std::size_t, std::size_t>> partial; // (group, result)
        for (std::size_t g = 0; g < totals.size(); ++g)
            for (std::size_t r : members[g])
                if (results[r].computed() && sampling[r].sampler == sampler) {
                    if (results[r].accountedShare() < 1.0 || splitByType(r))
                        partial.push_back({ g, r });
                    else
                        refs[g].push_back(sampling[r].ref);
                }
        std::vector<SampledTotals> groupSums = sampler->sum(refs);
        // Σ|x|·U per quantity (U relative): draws of one sampler share their parameters, so the parts'
        // Approach 1 U combine as fully correlated (|x|-weighted mean).
        std::vector<std::map<int, double>> stockAbsU(totals.size());
        std::vector<std::map<std::pair<int, int>, double>> changeAbsU(totals.size());
        auto addScaled = [](mc::QuantitySamples& into,
                            const mc::QuantitySamples& part,
                            double share,
                            double& absU,
                            bool fresh) {
            if (fresh) {
                into.samples.assign(part.samples.size(), 0.0);
                into.central = 0;
                absU = 0;
            }
            for (std::size_t i = 0; i < into.samples.size() && i < part.samples.size(); ++i)
                into.samples[i] += part.samples[i] * share;
            into.central += part.central * share;
            absU += std::abs(part.central * share) * part.u95;
        };
        for (std::size_t g = 0; g < totals.size() && !partial.empty(); ++g) {
            for (auto& [year, q] : groupSums[g].stocks)
                stockAbsU[g][year] = std::abs(q.central) * q.u95;
            for (auto& [pair, q] : groupSums[g].changes)
                changeAbsU[g][pair] = std::abs(q.central) * q.u95;
        }
        constexpr std::size_t kChunk = 256;
        for (std::size_t from = 0; from < partial.size(); from += kChunk) {
            const std::size_t to = std::min(partial.size(), from + kChunk);
            // Per part sampler (the parcel's own sampler when its part has none), its members' refs.
            std::map<const MethodSampler*, std::vector<std::size_t>> bySampler;
            for (std::size_t i = from; i < to; ++i) {
                const SampledResult& s = sampling[partial[i].second];
                bySampler[s.partSampler ? s.partSampler : sampler].push_back(i);
            }
            std::vector<SampledTotals> parts(to - from);
            for (const auto& [with, list] : bySampler) {
                std::vector<std::vector<ResultRef>> one;
                for (std::size_t i : list) {
                    const SampledResult& s = sampling[partial[i].second];
                    one.push_back({ s.partSampler ? s.partRef : s.ref });
                }
                std::vector<SampledTotals> got = with->sum(one);
                for (std::size_t j = 0; j < list.size(); ++j)
                    parts[list[j] - from] = std::move(got[j]);
            }
            for (std::size_t i = from; i < to; ++i) {
                const auto [g, r] = partial[i];
                // The part's own draws count whole; the parcel's draws × its share.
                const double share = sampling[r].partSampler ? 1.0 : results[r].accountedShare();
                const SampledTotals& part = parts[i - from];
                for (const CarbonStock& st : results[r].stocks)
                    if (here(g, r, st.year) && !part.stocks.count(st.year))
                        partialMissingYears[g].insert(st.year);
                for (const CarbonChange& c : results[r].changes)
                    if (here(g, r, c.year2) && !part.changes.count({ c.year1, c.year2 }))
                        partialMissingPairs[g].insert({ c.year1, c.year2 });
                for (const auto& [year, q] : part.stocks) {
                    if (!here(g, r, year) || (splitByType(r) && !results[r].stock(year)))
                        continue;
                    const bool fresh = !groupSums[g].stocks.count(year);
                    addScaled(groupSums[g].stocks[year], q, share, stockAbsU[g][year], fresh);
                }
                for (const auto& [pair, q] : part.changes) {
                    if (!here(g, r, pair.second) ||
                        (splitByType(r) && !results[r].change(pair.first, pair.second)))
                        continue;
                    const bool fresh = !groupSums[g].changes.count(pair);
                    addScaled(groupSums[g].changes[pair], q, share, changeAbsU[g][pair], fresh);
                }
            }
        }
        if (!partial.empty())
            for (std::size_t g = 0; g < totals.size(); ++g) {
                for (auto& [year, q] : groupSums[g].stocks)
                    q.u95 = q.central != 0 ? stockAbsU[g][year] / std::abs(q.central) : q.u95;
                for (auto& [pair, q] : groupSums[g].changes)
                    q.u95 = q.central != 0 ? changeAbsU[g][pair] / std::abs(q.central) : q.u95;
            }
        sums.push_back(std::move(groupSums));
    }
    for (std::size_t g = 0; g < totals.size(); ++g) {
        ResultTotals& t = totals[g];
        std::set<int> unboundedYears = partialMissingYears[g];
        std::set<std::pair<int, int>> unboundedPairs = partialMissingPairs[g];
        std::set<QString> without, landUse; // methods without samples; of parcels with a land-use change
        // A partly counted (or, by type, per-date split) parcel whose own draws lack a date or pair.
        bool unsampled = !unboundedYears.empty() || !unboundedPairs.empty();
        for (std::size_t r : members[g]) {
            const ParcelResult& p = results[r];
            if (!p.computed())
                continue;
            if (sampling[r].sampler) {
                // A stock or change its sampler does not sample (e.g. one added after the method ran)
                // would be missing from the per-iteration sums: no bounds for that date or pair.
                const std::size_t si = std::size_t(
                  std::find(samplers.begin(), samplers.end(), sampling[r].sampler) - samplers.begin());
                const SampledTotals& st = sums[si][g];
                // A stock or change that a land-use change altered (runCarbonProject removed its own
                // bounds) is not what the sampler draws: no bounds for that date or pair either.
                const bool altered = !p.landUseChange.empty();
                for (const CarbonStock& s : p.stocks)
                    if (here(g, r, s.year) && (!st.stocks.count(s.year) || (altered && !s.bounds))) {
                        unboundedYears.insert(s.year);
                        if (altered && !s.bounds)
                            landUse.insert(p.method);
                    }
                for (const CarbonChange& c : p.changes)
                    if (here(g, r, c.year2) &&
                        (!st.changes.count({ c.year1, c.year2 }) || (altered && !c.bounds))) {
                        unboundedPairs.insert({ c.year1, c.year2 });
                        if (altered && !c.bounds)
                            landUse.insert(p.method);
                        else
                            unsampled = true;
                    }
                continue;
            }
            // By type, only the dates and changes the result has under this row's type.
            bool any = false;
            for (const CarbonStock& s : p.stocks)
                if (here(g, r, s.year)) {
                    unboundedYears.insert(s.year);
                    any = true;
                }
            for (const CarbonChange& c : p.changes)
                if (here(g, r, c.year2)) {
                    unboundedPairs.insert({ c.year1, c.year2 });
                    any = true;
                }
            if (any)
                (p.landUseChange.empty() ? without : landUse).insert(p.method);
        }
        // Σ over samplers per iteration; Approach 1 (Eq. 3.2) over the samplers' (central, U).
        auto combine = [&](auto find) -> std::optional<Bounds> {
            std::vector<double> samples, x, u;
            for (std::size_t s = 0; s < samplers.size(); ++s) {
                const mc::QuantitySamples* q = find(sums[s][g]);
                if (!q)
                    continue;
                if (samples.empty())
                    samples.assign(q->samples.size(), 0.0);
                for (std::size_t i = 0; i < samples.size(); ++i)
                    samples[i] += q->samples[i];
                x.push_back(q->central);
                u.push_back(q->u95);
            }
            if (samples.empty())
                return std::nullopt;
            const mc::Interval iv = mc::summarize(samples);
            return Bounds{ iv.p2_5, iv.p50, iv.p97_5, mc::approach1Sum(x, u) * 100.0 };
        };
        for (ResultTotals::Stock& s : t.stocks) {
            if (unboundedYears.count(s.year))
                continue;
            s.bounds = combine([&](const SampledTotals& st) -> const mc::QuantitySamples* {
                const auto it = st.stocks.find(s.year);
                return it == st.stocks.end() ? nullptr : &it->second;
            });
        }
        for (ResultTotals::Change& c : t.changes) {
            if (unboundedPairs.count({ c.year1, c.year2 }))
                continue;
            c.bounds = combine([&](const SampledTotals& st) -> const mc::QuantitySamples* {
                const auto it = st.changes.find({ c.year1, c.year2 });
                return it == st.changes.end() ? nullptr : &it->second;
            });
        }
        if (!without.empty()) {
            QStringList names(without.begin(), without.end());
            t.boundsNote = ProjectUncertainty::tr("no bounds where parcels of methods without Monte Carlo "
                                                  "count (%1): bounds cannot be added")
                             .arg(names.join(QStringLiteral(", ")));
        }
        if (!landUse.empty()) {
            QStringList names(landUse.begin(), landUse.end());
            const QString note =
              ProjectUncertainty::tr("no bounds where parcels whose ecosystem type or stock "
                                     "follows a land-use change count (%1)")
                .arg(names.join(QStringLiteral(", ")));
            t.boundsNote = t.boundsNote.isEmpty() ? note : t.boundsNote + QStringLiteral("; ") + note;
        }
        if (unsampled) {
            const QString note = ProjectUncertainty::tr(
              "no bounds for changes that some parcels report without Monte Carlo samples (e.g. NDVI "
              "regression changes across cloud gaps, see their method_detail)");
            t.boundsNote = t.boundsNote.isEmpty() ? note : t.boundsNote + QStringLiteral("; ") + note;
        }
    }
    return totals;
}

std::vector<analysis::Table> projectUncertaintyTables(const ProjectUncertaintyRun& u) {
    std::vector<const mc::UncertainValue*> values;
    for (const mc::UncertainValue& v : u.parameters)
        values.push_back(&v);
    mc::MonteCarloMetadata meta;
    meta.seed = u.settings.seed;
    meta.iterations = u.settings.iterations;
    std::vector<analysis::Table> tables;
    tables.push_back(mc::uncertaintyRunTable(
      meta,
      u.settings.defaultUPct,
      QStringLiteral("one draw per parameter per iteration, shared by all dates, parcels, methods and "
                     "totals (§6.2 item 2); parameters of different tables independent; totals by type, "
                     "group and method from per-iteration sums over parcels"),
      { { QStringLiteral("methods_with_bounds"), u.methodsWithBounds.join(QStringLiteral(", ")) } }));
    tables.push_back(mc::uncertaintyParametersTable(values));
    return tables;
}

} // namespace tanhui::models::carbon
