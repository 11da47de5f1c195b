// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/InventoryRoute.h"

#include "gis/Feedback.h"
#include "gis/ParcelReader.h"
#include "gis/VectorLayer.h"
#include "gis/ZonalEngine.h"
#include "models/carbon/CarbonAdapters.h"
#include "models/carbon/ProjectUncertainty.h"
#include "models/uncertainty/CarbonMonteCarlo.h"
#include "models/uncertainty/SoilGainLossMonteCarlo.h"
#include "models/uncertainty/UncertainParameters.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <set>

namespace tanhui::models::carbon {

namespace {

/// Translation context of this file's user-facing strings.
struct CarbonInventoryRoute {
    Q_DECLARE_TR_FUNCTIONS(CarbonInventoryRoute)
};

using params::Issue;
using params::Issues;
namespace mc = uncertainty;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString normalisedName(const QString& text) {
    return text.simplified().toLower();
}

} // namespace

const char* standOriginName(StandOrigin origin) {
    return origin == StandOrigin::Natural ? "natural" : "plantation";
}

std::optional<StandOrigin> parseStandOrigin(const QString& text) {
    // 起源 in Chinese forest management inventories: 天然林 (天然下种, 人工促进天然更新, 萌生) and 人工林
    // (植苗, 直播, 飞播).
    static const char* const natural[] = { "natural",  "天然", "天然林",          "天然更新",
                                           "天然下种", "萌生", "人工促进天然更新" };
    static const char* const planted[] = { "plantation", "planted", "人工", "人工林",
                                           "人工造林",   "植苗",    "直播", "飞播" };
    const QString n = normalisedName(text);
    for (const char* name : natural)
        if (n == QString::fromUtf8(name))
            return StandOrigin::Natural;
    for (const char* name : planted)
        if (n == QString::fromUtf8(name))
            return StandOrigin::Plantation;
    return std::nullopt;
}

QString standOriginNames() {
    return QStringLiteral(
      "天然, 天然林, 天然更新, 天然下种, 萌生, 人工促进天然更新, natural → natural; 人工, "
      "人工林, 人工造林, 植苗, 直播, 飞播, plantation, planted → plantation");
}

const char* growthSourceName(GrowthSource source) {
    switch (source) {
        case GrowthSource::StandMai:
            return "stand_mai";
        case GrowthSource::GroupMai:
            return "group_mai";
        case GrowthSource::Reference:
            break;
    }
    return "reference";
}

const char* capSourceName(CapSource source) {
    switch (source) {
        case CapSource::Inventory:
            return "inventory_max";
        case CapSource::Tier1:
            return "ipcc_tier1";
        case CapSource::None:
            break;
    }
    return "none";
}

std::optional<double> tier1VolumeCap(const SpeciesParams& group, BefForm form, StandOrigin origin) {
    // §3.5 Table 4.7 (natural, secondary) / Table 4.8 (plantations) AGB in t d.m./ha; §5.1 B_AG = V × WD ×
    // BEF, §5.3 B = a·V + b with B total (above + below ground) = AGB × (1 + R).
    const double agb = origin == StandOrigin::Natural ? kTier1NaturalAgbTPerHa : kTier1PlantationAgbTPerHa;
    double v = kNaN;
    if (form == BefForm::Constant) {
        if (group.wd > 0 && group.bef > 0)
            v = agb / (group.wd * group.bef);
    } else if (group.fangA && *group.fangA > 0 && group.fangB) {
        v = (agb * (1.0 + group.r) - *group.fangB) / *group.fangA;
    }
    if (!(v > 0) || !std::isfinite(v))
        return std::nullopt;
    return v;
}

double carbonPerM3(const SpeciesParams& group, BefForm form) {
    // §5.1: C = V × WD × BEF × (1 + R) × CF, linear in V; §5.3: B = a·V + b, so dC/dV = a × 0.5.
    return form == BefForm::Constant ? constantBefDensity(1.0, group.wd, group.bef, group.r, group.cf).carbon
                                     : group.fangA.value_or(kNaN) * kFangCarbonFraction;
}

double interceptCarbonPerHa(const SpeciesParams& group, BefForm form) {
    return form == BefForm::Constant ? 0.0 : group.fangB.value_or(kNaN) * kFangCarbonFraction;
}

std::optional<double> standMai(const Stand& stand) {
    if (!(stand.volume > 0) || !stand.age || *stand.age <= 0)
        return std::nullopt;
    return stand.volume / double(*stand.age);
}

QString referenceGrowthType(StandOrigin origin,
                            std::optional<int> age,
                            const QString& speciesGroup,
                            const GrowthLookup& growth) {
    // §3.5: Table 4.10 (plantations, subtropical humid Asia: all species) and Table 4.9 (natural
    // secondary forest ≤ 20 yr / > 20 yr). An unknown age of a natural stand takes the > 20 yr rate,
    // the conservative one (as the gain-loss method's default for broadleaf, docs/soil-and-gain-loss.md).
    const QString base = origin == StandOrigin::Plantation    ? QStringLiteral("plantation")
                         : age && *age <= kYoungNaturalMaxAge ? QStringLiteral("natural_secondary_young")
                                                              : QStringLiteral("natural_secondary_old");
    if (!speciesGroup.isEmpty()) {
        const QString specific = base + QLatin1Char('_') + speciesGroup;
        if (growth.find(specific))
            return specific;
    }
    return base;
}

void StandCarbon::scale(double factor) {
    volumeM3 *= factor;
    areaHa *= factor;
    for (auto& [type, haYears] : growthHaYears)
        haYears *= factor;
}

void StandCarbon::add(const StandCarbon& other, double sign) {
    volumeM3 += sign * other.volumeM3;
    areaHa += sign * other.areaHa;
    for (const auto& [type, haYears] : other.growthHaYears)
        growthHaYears[type] += sign * haYears;
}

double StandCarbon::carbonT(const SpeciesParams* group, BefForm form, const GrowthLookup& growth) const {
    double t = 0;
    if (group) {
        if (volumeM3 != 0)
            t += carbonPerM3(*group, form) * volumeM3;
        if (areaHa != 0)
            t += interceptCarbonPerHa(*group, form) * areaHa;
    }
    for (const auto& [type, haYears] : growthHaYears)
        if (haYears != 0)
            t += growth.find(type)->gainPerHaYr() * haYears; // §3.2 Eq. 2.9, 2.10
    return t;
}

StandRoute carryStand(const Stand& stand,
                      const StandGrowth& growth,
                      const std::vector<int>& years,
                      const std::vector<GainLossInterval>& intervals,
                      double fd,
                      const GrowthLookup& growthTable) {
    StandRoute route;
    const int y0 = stand.inventoryYear;
    // The inventory stock (§5.1 / §5.3) over the stand's area; no volume: no tree carbon, exactly.
    StandCarbon s;
    // The area carrying the stock (ha): the stand's, less the lost shares, plus land converted to forest,
    // at most the stand's area; the volume ceiling applies per hectare of it.
    double stockHa = stand.areaHa;
    if (stand.group && stand.volume > 0) {
        s.volumeM3 = stand.volume * stand.areaHa;
        if (stand.form == BefForm::Continuous)
            s.areaHa = stand.areaHa;
    }
    auto record = [&](int year) {
        route.stocks[year] = s;
        route.stockT[year] = s.carbonT(stand.group, stand.form, growthTable);
    };
    bool before = false;
    for (int y : years)
        if (y < y0) {
            route.blankYears.push_back(y);
            before = true;
        }
    if (before)
        route.blankReason = CarbonInventoryRoute::tr("before the inventory year %1: the route carries the "
                                                     "inventory stock forward only")
                              .arg(y0);
    if (std::find(years.begin(), years.end(), y0) != years.end())
        record(y0);
    bool stopped = false;
    for (const GainLossInterval& iv : intervals) {
        if (iv.year2 <= y0)
            continue;
        if (stopped) {
            route.blankYears.push_back(iv.year2);
            continue;
        }
        if (iv.validHa <= 0) {
            stopped = true;
            route.blankYears.push_back(iv.year2);
            route.blankReason = CarbonInventoryRoute::tr("no land cover under the stand on both %1 and %2: "
                                                         "whether it was cleared is unknown, so its stock is "
                                                         "not carried on")
                                  .arg(iv.year1)
                                  .arg(iv.year2);
            continue;
        }
        const double t = double(iv.year2 - std::max(iv.year1, y0));
        const double before1 = s.carbonT(stand.group, stand.form, growthTable);
        // Loss, Eq. 2.14 with the stand's own density: the lost forest's share of the stock at Y1.
        const double forest1 = iv.remainingHa + iv.lostHa + iv.nodataHa;
        if (iv.lostHa > 0 && forest1 > 0) {
            const double kept = 1.0 - std::clamp(fd * iv.lostHa / forest1, 0.0, 1.0);
            s.scale(kept);
            stockHa *= kept;
        }
        stockHa = std::min(stand.areaHa, stockHa + iv.toForestHa);
        const double afterLoss = s.carbonT(stand.group, stand.form, growthTable);
        route.lossT += before1 - afterLoss;
        // Growth, Eq. 2.9 / 2.10, over the forest at Y2 that was forest or became forest.
        const double haYears = (iv.remainingHa + iv.toForestHa) * t;
        if (haYears > 0) {
            if (growth.source != GrowthSource::Reference && stand.group) {
                double added = growth.maiM3PerHaYr * haYears;
                if (growth.capM3PerHa) {
                    // The ceiling (m³) of the area carrying the stock; a stand already above it (a Tier 1
                    // ceiling below its inventory volume) keeps its volume and stops growing.
                    const double room = std::max(0.0, *growth.capM3PerHa * stockHa - s.volumeM3);
                    if (added >= room) {
                        if (!route.capReachedYear) {
                            const double yearsToCap = added > 0 ? room / (added / t) : 0.0;
                            route.capReachedYear = std::max(iv.year1, y0) + int(std::ceil(yearsToCap - 1e-9));
                        }
                        added = room;
                    }
                }
                s.volumeM3 += added;
            } else {
                const std::optional<int> age =
                  stand.age ? std::optional<int>(*stand.age + std::max(iv.year1, y0) - y0) : std::nullopt;
                const QString type = referenceGrowthType(
                  stand.origin, age, stand.group ? stand.group->group : QString(), growthTable);
                s.growthHaYears[type] += haYears;
                if (!route.referenceTypes.contains(type))
                    route.referenceTypes << type;
            }
        }
        route.growthT += s.carbonT(stand.group, stand.form, growthTable) - afterLoss;
        if (std::find(years.begin(), years.end(), iv.year2) != years.end())
            record(iv.year2);
    }
    return route;
}

// ---- the project adapter ------------------------------------------------------------------------------

namespace {

Issue routeError(const QString& file, const QString& key, const QString& message) {
    return { Issue::Severity::Error, file, 0, key, message };
}

/// Age and origin attributes by FID (missing fields: an error naming the layer's fields).
struct AgeOrigin {
    QVariant age;
    QString origin;
};
std::map<std::int64_t, AgeOrigin> readAgeOrigin(const std::string& path,
                                                const gis::VectorOpenOptions& open,
                                                const QString& ageField,
                                                const QString& originField,
                                                Issues& issues) {
    std::map<std::int64_t, AgeOrigin> out;
    gis::VectorLayer layer(path, open);
    QStringList names;
    for (const gis::FieldInfo& f : layer.info().fields)
        names << f.name;
    const int ai = layer.fieldIndex(ageField);
    const int oi = layer.fieldIndex(originField);
    for (const auto& [index, name] : { std::pair{ ai, ageField }, std::pair{ oi, originField } })
        if (index < 0)
            issues.push_back({ Issue::Severity::Error,
                               QString::fromStdString(path),
                               0,
                               name,
                               CarbonInventoryRoute::tr("the layer has no field '%1'; its fields are: %2")
                                 .arg(name, names.join(QStringLiteral(", "))) });
    if (ai < 0 || oi < 0)
        return out;
    gis::Feature f;
    layer.resetReading();
    while (layer.next(f)) {
        const QVariant& o = f.attributes[std::size_t(oi)];
        out[f.fid] = { f.attributes[std::size_t(ai)], o.isNull() ? QString() : o.toString().trimmed() };
    }
    return out;
}

/// The age attribute: empty for null or blank; nullopt-in-optional (error text) for a bad value.
std::optional<int> ageOf(const QVariant& v, QString& problem) {
    if (!v.isValid() || v.isNull() || v.toString().trimmed().isEmpty())
        return std::nullopt;
    bool ok = false;
    const double d = v.toString().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(d) || d < 0 || d > 1000 || d != std::floor(d)) {
        problem = CarbonInventoryRoute::tr("the stand age '%1' is not a whole number of years from 0 to 1000")
                    .arg(v.toString().trimmed());
        return std::nullopt;
    }
    return int(d);
}

/// One stand of the run with where its result goes.
struct RouteStand {
    std::size_t batch = 0, index = 0; ///< out.results[batch][index]
    Stand stand;
    StandGrowth growth;
    QString settingsKey;
    bool useMai = true;
    bool useCap = true; ///< option volume_cap = inventory (default)
    int row = 0;
};

/// Per-iteration stocks and changes of one sampled group (ResultRef set) of the route.
struct RouteUnit {
    BefForm form = BefForm::Constant;
    QString group; ///< species group (empty: no volume terms)
    std::map<int, StandCarbon> stocks;
    std::vector<std::pair<int, int>> pairs;
};

/// The route's Monte Carlo: volume terms with the volume method's draws (sampleVolumeUnits: the same
/// species parameters are the same draws), growth terms with the gain-loss method's (sampleGainLossUnits:
/// the same growth rows), added per iteration; both linear, so a group of stands is sampled as one sum.
class RouteSampler final : public MethodSampler {
public:
    RouteSampler(std::map<BefForm, mc::VolumeUncertaintyModel> volume,
                 mc::GainLossUncertaintyModel growth,
                 std::vector<std::vector<RouteUnit>> units,
                 const UncertaintySettings& settings,
                 int threads)
      : m_volume(std::move(volume))
      , m_growth(std::move(growth))
      , m_units(std::move(units)) {
        m_options = monteCarloOptions(settings, threads);
    }

    std::vector<SampledTotals> sum(const std::vector<std::vector<ResultRef>>& groups) const override {
        // Per group: per stock year and per change pair a linear form (per form and species group the
        // volume terms, per growth type the ha·yr), sampled in one call per method.
        struct Linear {
            std::map<BefForm, mc::VolumeUnitSums> volume;
            mc::GainLossIntervalUnit growth;
        };
        auto addTo = [](Linear& l, const RouteUnit& u, const StandCarbon& c, double sign) {
            if (!u.group.isEmpty() && (c.volumeM3 != 0 || c.areaHa != 0)) {
                mc::VolumeGroupSums& g = l.volume[u.form][u.group];
                g.areaVolumeM3 += sign * c.volumeM3;
                g.areaHa += sign * c.areaHa;
            }
            for (const auto& [type, haYears] : c.growthHaYears)
                l.growth.growthHaYears[type] += sign * haYears;
        };
        // Keys: (group, year, 0) stocks, (group, year1, year2) changes.
        std::vector<std::tuple<std::size_t, int, int>> keys;
        std::vector<Linear> linear;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            std::map<std::pair<int, int>, Linear> byKey;
            for (const ResultRef& ref : groups[g]) {
                const RouteUnit& u = m_units.at(ref.first).at(ref.second);
                for (const auto& [year, c] : u.stocks)
                    addTo(byKey[{ year, 0 }], u, c, 1.0);
                for (const auto& [y1, y2] : u.pairs) {
                    Linear& l = byKey[{ y1, y2 }];
                    addTo(l, u, u.stocks.at(y2), 1.0);
                    addTo(l, u, u.stocks.at(y1), -1.0);
                }
            }
            for (auto& [key, l] : byKey) {
                keys.emplace_back(g, key.first, key.second);
                linear.push_back(std::move(l));
            }
        }
        std::vector<mc::QuantitySamples> samples(linear.size());
        std::vector<std::vector<double>> x(linear.size()), u(linear.size());
        for (const auto& [form, model] : m_volume) {
            std::vector<mc::VolumeUnitSums> units;
            std::vector<std::size_t> where;
            for (std::size_t k = 0; k < linear.size(); ++k) {
                const auto it = linear[k].volume.find(form);
                if (it == linear[k].volume.end())
                    continue;
                units.push_back(it->second);
                where.push_back(k);
            }
            if (!units.empty())
                addSamples(mc::sampleVolumeUnits(model, units, form, m_options), where, samples, x, u);
        }
        {
            std::vector<mc::GainLossUnit> units;
            std::vector<std::size_t> where;
            for (std::size_t k = 0; k < linear.size(); ++k) {
                if (linear[k].growth.growthHaYears.empty())
                    continue;
                mc::GainLossUnit unit;
                unit.intervals[{ 0, 1 }] = linear[k].growth; // one quantity: Σ ha·yr × growth per type
                units.push_back(std::move(unit));
                where.push_back(k);
            }
            if (!units.empty()) {
                std::vector<mc::PeriodSamples> period = mc::sampleGainLossUnits(m_growth, units, m_options);
                std::vector<mc::QuantitySamples> flat;
                for (mc::PeriodSamples& p : period)
                    flat.push_back(std::move(p.changes.at({ 0, 1 })));
                addSamples(std::move(flat), where, samples, x, u);
            }
        }
        std::vector<SampledTotals> out(groups.size());
        for (std::size_t k = 0; k < keys.size(); ++k) {
            mc::QuantitySamples& q = samples[k];
            if (q.samples.empty()) // an exact zero (no volume, no growth)
                q.samples.assign(std::size_t(std::max(1, m_options.iterations)), 0.0);
            q.u95 = mc::approach1Sum(x[k], u[k]);
            const auto& [g, y1, y2] = keys[k];
            if (y2 == 0)
                out[g].stocks[y1] = std::move(q);
            else
                out[g].changes[{ y1, y2 }] = std::move(q);
        }
        return out;
    }

    std::vector<const mc::UncertainValue*> parameters() const override {
        std::vector<const mc::UncertainValue*> out;
        for (const auto& [form, model] : m_volume) {
            const bool constant = form == BefForm::Constant;
            for (const auto& [group, row] : model.groups)
                for (std::size_t c = constant ? 0 : 4; c < (constant ? 4u : 6u); ++c)
                    out.push_back(&row[c]);
        }
        for (const auto& [type, row] : m_growth.types)
            for (const mc::UncertainValue& v : row)
                out.push_back(&v);
        return out;
    }

private:
    static void addSamples(std::vector<mc::QuantitySamples> part,
                           const std::vector<std::size_t>& where,
                           std::vector<mc::QuantitySamples>& samples,
                           std::vector<std::vector<double>>& x,
                           std::vector<std::vector<double>>& u) {
        for (std::size_t i = 0; i < part.size(); ++i) {
            mc::QuantitySamples& q = samples[where[i]];
            if (q.samples.empty())
                q.samples.assign(part[i].samples.size(), 0.0);
            for (std::size_t n = 0; n < q.samples.size(); ++n)
                q.samples[n] += part[i].samples[n];
            q.central += part[i].central;
            x[where[i]].push_back(part[i].central);
            u[where[i]].push_back(part[i].u95);
        }
    }

    std::map<BefForm, mc::VolumeUncertaintyModel> m_volume;
    mc::GainLossUncertaintyModel m_growth;
    std::vector<std::vector<RouteUnit>> m_units;
    mc::MonteCarloOptions m_options;
};

/// Land-cover inputs of the carbon years, ascending (every year has one: validation).
std::vector<LulcInput> landCover(const Project& project, const std::vector<int>& years) {
    std::vector<LulcInput> inputs;
    for (int y : years)
        for (const ProjectLayer* l : project.layersWithRole(QStringLiteral("landcover")))
            if (l->year == y) {
                inputs.push_back({ project.resolve(l->path).toStdString(), y });
                break;
            }
    return inputs;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/// Step 1 of the route: reads every stand of the batches (volume and species as the volume method, age and
/// origin) into `stands`, and gives each parcel its result in `out` (not computed, with the reasons, for
/// a stand that cannot be used); false when an error stops the method (out.issues say why).
bool readStands(const MethodContext& ctx,
                const SpeciesLookup& species,
                MethodOutput& out,
                std::vector<RouteStand>& stands) {
    const Project& project = *ctx.project;
    out.results.resize(ctx.batches.size());
    for (std::size_t b = 0; b < ctx.batches.size(); ++b) {
        const MethodBatch& batch = ctx.batches[b];
        const ProjectLayer& layer = *batch.layer;
        const QString path = project.resolve(layer.path);
        auto fieldOf = [&](const char* semantic) {
            return layer.fields.value(QLatin1String(semantic), QLatin1String(semantic));
        };
        const QString speciesField = fieldOf("species_group"), volumeField = fieldOf("volume_m3_per_ha");
        const QString ageField = fieldOf("age_years"), originField = fieldOf("origin");
        if (layer.year <= 0) {
            out.issues.push_back(routeError(project.fileName(),
                                            QStringLiteral("layers.%1.year").arg(layer.id),
                                            CarbonInventoryRoute::tr("layer %1 has no year: the "
                                                                     "volume_gainloss route starts from the "
                                                                     "stock of the layer's inventory year")
                                              .arg(layer.id)));
            return false;
        }
        gis::VectorOpenOptions open;
        open.encodingOverride = layer.encoding.toStdString();
        const VolumeAttributes attributes =
          readVolumeAttributes(path.toStdString(), open, speciesField, volumeField);
        out.issues.insert(out.issues.end(), attributes.issues.begin(), attributes.issues.end());
        const std::map<std::int64_t, AgeOrigin> ageOrigin =
          readAgeOrigin(path.toStdString(), open, ageField, originField, out.issues);
        if (params::hasErrors(out.issues))
            return false;
        std::vector<VolumeRecord> all = joinVolumeRecords(*batch.parcels, attributes);
        out.results[b].resize(batch.assigned.size());
        for (std::size_t k = 0; k < batch.assigned.size(); ++k) {
            const MethodParcel& mp = batch.assigned[k];
            VolumeRecord record = all[mp.parcel];
            record.species =
              layer.values.value(QStringLiteral("species_group:") + record.species, record.species);
            ParcelResult r = makeParcelResult(batch, mp, QStringLiteral("volume_gainloss"));
            const BefForm form =
              parseBefForm(mp.option(QStringLiteral("bef_form"))).value_or(BefForm::Constant);
            QStringList reasons;
            for (const Issue& i :
                 validateVolumeRecords({ record }, species, form, path, speciesField, volumeField))
                if (i.isError())
                    reasons << i.message;
            const auto ao = ageOrigin.find(record.fid);
            const QString originText =
              ao == ageOrigin.end()
                ? QString()
                : layer.values.value(QStringLiteral("origin:") + ao->second.origin, ao->second.origin);
            const std::optional<StandOrigin> origin = parseStandOrigin(originText);
            if (!origin)
                reasons << CarbonInventoryRoute::tr(
                             "row %1, field %2: unknown stand origin '%3'; accepted: %4")
                             .arg(record.row)
                             .arg(originField, originText, standOriginNames());
            QString ageProblem;
            const std::optional<int> age =
              ageOf(ao == ageOrigin.end() ? QVariant() : ao->second.age, ageProblem);
            if (!ageProblem.isEmpty())
                reasons << CarbonInventoryRoute::tr("row %1, field %2: %3")
                             .arg(record.row)
                             .arg(ageField, ageProblem);
            if (!reasons.isEmpty()) {
                r.notComputed = reasons.join(QStringLiteral("; "));
                out.results[b][k] = std::move(r);
                continue;
            }
            RouteStand rs;
            rs.batch = b;
            rs.index = k;
            rs.row = record.row;
            rs.stand.group = species.resolve(record.species);
            rs.stand.form = form;
            rs.stand.volume = record.volume.toString().trimmed().toDouble();
            if (!(rs.stand.volume > 0))
                rs.stand.volume = 0;
            rs.stand.age = age;
            rs.stand.origin = *origin;
            rs.stand.areaHa = record.areaHa;
            rs.stand.inventoryYear = layer.year;
            rs.useMai = mp.option(QStringLiteral("growth")).toLower() == QLatin1String("mai");
            rs.useCap = mp.option(QStringLiteral("volume_cap")).toLower() != QLatin1String("none");
            rs.settingsKey = mp.option(QStringLiteral("fd")) + QLatin1Char('|') +
                             mp.option(QStringLiteral("forest_classes"));
            out.results[b][k] = std::move(r);
            stands.push_back(rs);
        }
    }
    return true;
}

/// Step 4 of the route, per parcel: the bounds of every computed result's stocks and changes from
/// `sampler`, each parcel as its own group.
void setParcelBounds(const MethodSampler& sampler, MethodOutput& out) {
    std::vector<std::vector<ResultRef>> singles;
    std::vector<ResultRef> refs;
    for (std::size_t b = 0; b < out.results.size(); ++b)
        for (std::size_t k = 0; k < out.results[b].size(); ++k)
            if (out.results[b][k].computed()) {
                singles.push_back({ { b, k } });
                refs.emplace_back(b, k);
            }
    const std::vector<SampledTotals> sampled = sampler.sum(singles);
    for (std::size_t i = 0; i < refs.size(); ++i) {
        ParcelResult& r = out.results[refs[i].first][refs[i].second];
        for (CarbonStock& s : r.stocks)
            s.bounds = boundsOfSamples(sampled[i].stocks.at(s.year));
        for (CarbonChange& c : r.changes) {
            c.bounds = boundsOfSamples(sampled[i].changes.at({ c.year1, c.year2 }));
            if (c.changeT == 0)
                c.bounds->u95Pct = kNaN;
        }
    }
}

/// A stand's method_detail: its BEF form, origin and growth (with the MAI and the growth table's forest
/// types), its volume ceiling (and the year it reached it) and the forest disturbance fraction fd.
QString routeDetail(const RouteStand& rs, const StandRoute& route, double fd) {
    QString detail = QStringLiteral("bef_form=%1; origin=%2; growth=%3")
                       .arg(QLatin1String(befFormName(rs.stand.form)),
                            QLatin1String(standOriginName(rs.stand.origin)),
                            QLatin1String(growthSourceName(rs.growth.source)));
    if (rs.growth.source != GrowthSource::Reference)
        detail += QStringLiteral(" %1 m3/ha/yr").arg(rs.growth.maiM3PerHaYr, 0, 'f', 3);
    if (!route.referenceTypes.isEmpty())
        detail += QStringLiteral(" (%1)").arg(route.referenceTypes.join(QStringLiteral(", ")));
    if (rs.growth.capM3PerHa) {
        detail += QStringLiteral("; cap=%1 m3/ha (%2)")
                    .arg(*rs.growth.capM3PerHa, 0, 'f', 1)
                    .arg(QLatin1String(capSourceName(rs.growth.capSource)));
        if (route.capReachedYear)
            detail += QStringLiteral(" reached %1").arg(*route.capReachedYear);
    } else if (rs.growth.source != GrowthSource::Reference) {
        // MAI growth without a ceiling: turned off, or no factors to convert Tier 1 AGB.
        detail += rs.useCap ? QStringLiteral("; cap=none (no group of %1 stands, no Tier 1 "
                                             "volume from the group's factors)")
                                .arg(kMinStandsForInventoryCap)
                            : QStringLiteral("; cap=none (volume_cap=none)");
    }
    return detail + QStringLiteral("; fd=%1").arg(fd);
}

/// Sorts `rows` and lists the first ten, for a warning naming the rows of many stands.
QString firstRows(std::vector<int>& rows) {
    std::sort(rows.begin(), rows.end());
    QStringList first;
    for (std::size_t i = 0; i < rows.size() && i < 10; ++i)
        first << QString::number(rows[i]);
    return first.join(QStringLiteral(", "));
}

/// Step 2 of the route: each stand's growth and volume ceiling; a warning (file `layerPath`) lists the
/// stands whose own increment is implausibly high.
void assignStandGrowth(std::vector<RouteStand>& stands, const QString& layerPath, params::Issues& issues) {
    std::vector<int> maiTooHighRows;
    // 2. Growth per stand (docs/carbon-project.md, "The forest route"): the stand's own MAI where volume
    //    and age are known (Eq. 2.10 with I_V = MAI, the stock's own WD, BEF, R and CF), else the median
    //    MAI of the layer's stands of its species group and origin, else the growth table (§3.5).
    std::map<std::tuple<std::size_t, QString, int>, std::vector<double>> groupMai;
    for (RouteStand& rs : stands) {
        const std::optional<double> mai = standMai(rs.stand);
        if (mai && *mai > kMaxMaiM3PerHaYr)
            maiTooHighRows.push_back(rs.row);
        if (rs.useMai && mai && *mai <= kMaxMaiM3PerHaYr && rs.stand.group) {
            rs.growth.source = GrowthSource::StandMai;
            rs.growth.maiM3PerHaYr = *mai;
            groupMai[{ rs.batch, rs.stand.group->group, int(rs.stand.origin) }].push_back(*mai);
        }
    }
    for (RouteStand& rs : stands) {
        if (!rs.useMai || rs.growth.source == GrowthSource::StandMai || !rs.stand.group)
            continue;
        const auto it = groupMai.find({ rs.batch, rs.stand.group->group, int(rs.stand.origin) });
        if (it != groupMai.end() && int(it->second.size()) >= kMinStandsForGroupMai) {
            rs.growth.source = GrowthSource::GroupMai;
            rs.growth.maiM3PerHaYr = median(it->second);
        }
    }
    // 2b. Volume ceiling per stand growing at an MAI (docs/carbon-project.md, "The forest route",
    //     "Ceiling"): the largest volume of the layer's stands of the same species group and origin (at
    //     least kMinStandsForInventoryCap stands with a volume), else the Tier 1 AGB of 2019 Table 4.7 /
    //     4.8 as volume with the stand's own factors (§3.5, §5.1, §5.3).
    std::map<std::tuple<std::size_t, QString, int>, std::pair<int, double>> groupVolume; // count, max
    for (const RouteStand& rs : stands)
        if (rs.stand.group && rs.stand.volume > 0) {
            auto& [count, largest] = groupVolume[{ rs.batch, rs.stand.group->group, int(rs.stand.origin) }];
            ++count;
            largest = std::max(largest, rs.stand.volume);
        }
    for (RouteStand& rs : stands) {
        if (!rs.useCap || rs.growth.source == GrowthSource::Reference || !rs.stand.group)
            continue;
        const auto it = groupVolume.find({ rs.batch, rs.stand.group->group, int(rs.stand.origin) });
        if (it != groupVolume.end() && it->second.first >= kMinStandsForInventoryCap) {
            rs.growth.capM3PerHa = it->second.second;
            rs.growth.capSource = CapSource::Inventory;
        } else if (const std::optional<double> v =
                     tier1VolumeCap(*rs.stand.group, rs.stand.form, rs.stand.origin)) {
            rs.growth.capM3PerHa = *v;
            rs.growth.capSource = CapSource::Tier1;
        }
    }
    if (!maiTooHighRows.empty()) {
        const QString rows = firstRows(maiTooHighRows);
        issues.push_back({ Issue::Severity::Warning,
                           layerPath,
                           maiTooHighRows.front(),
                           QStringLiteral("age_years"),
                           CarbonInventoryRoute::tr(
                             "%1 stand(s) have a volume ÷ age above %2 m³/ha/yr (the top of IPCC 2019 "
                             "Table 4.11's ranges); their own increment is not used (rows %3)")
                             .arg(maiTooHighRows.size())
                             .arg(kMaxMaiM3PerHaYr)
                             .arg(rows) });
    }
}

} // namespace

QString checkVolumeGainLossOption(const QString& key, const QString& value) {
    const QString v = value.trimmed().toLower();
    if (key == QLatin1String("bef_form") && !parseBefForm(value))
        return CarbonInventoryRoute::tr("bef_form must be constant or continuous, not '%1'").arg(value);
    if (key == QLatin1String("growth") && v != QLatin1String("mai") && v != QLatin1String("reference"))
        return CarbonInventoryRoute::tr("growth must be mai or reference, not '%1'").arg(value);
    if (key == QLatin1String("volume_cap") && v != QLatin1String("inventory") && v != QLatin1String("none"))
        return CarbonInventoryRoute::tr("volume_cap must be inventory or none, not '%1'").arg(value);
    // fd and forest_classes mean what they mean for gainloss: one check.
    if (key == QLatin1String("fd") || key == QLatin1String("forest_classes"))
        return checkGainLossOption(key, value);
    return {};
}

MethodOutput runVolumeGainLossAdapter(const MethodContext& ctx) {
    MethodOutput out;
    const Project& project = *ctx.project;
    QString speciesFile, growthFile, poolsFile;
    const params::LoadedTable speciesTable =
      loadCarbonProjectTable(project, QStringLiteral("species"), speciesParamsSpec(), speciesFile);
    const params::LoadedTable growthTable =
      loadCarbonProjectTable(project, QStringLiteral("growth_rates"), growthRatesSpec(), growthFile);
    const params::LoadedTable poolTable =
      loadCarbonProjectTable(project, QStringLiteral("pools"), carbonPoolsSpec(), poolsFile);
    for (const params::LoadedTable* t : { &speciesTable, &growthTable, &poolTable })
        out.issues.insert(out.issues.end(), t->issues.begin(), t->issues.end());
    if (params::hasErrors(out.issues))
        return out;
    const SpeciesLookup species(speciesTable.table);
    const GrowthLookup growth(growthTable.table);
    const PoolLookup pools(poolTable.table);
    for (const QString& type : { QStringLiteral("plantation"),
                                 QStringLiteral("natural_secondary_young"),
                                 QStringLiteral("natural_secondary_old") })
        if (!growth.find(type))
            out.issues.push_back(
              routeError(growthFile,
                         QStringLiteral("forest_type"),
                         CarbonInventoryRoute::tr("the growth table has no row '%1', which "
                                                  "the volume_gainloss route needs (§3.5)")
                           .arg(type)));
    if (params::hasErrors(out.issues))
        return out;

    // 1. Read every stand: volume and species (as the volume method), age and origin.
    std::vector<RouteStand> stands;
    if (!readStands(ctx, species, out, stands))
        return out;
    std::vector<int> cappedRows; ///< stands reaching their volume ceiling

    assignStandGrowth(stands, ctx.batches.front().layer->path, out.issues);

    // 3. Land-cover transitions per interval (the gain-loss method's engine), per settings group.
    const std::vector<LulcInput> inputs = landCover(project, ctx.years);
    std::map<QString, std::vector<std::size_t>> bySettings;
    for (std::size_t i = 0; i < stands.size(); ++i)
        bySettings[stands[i].settingsKey].push_back(i);
    std::vector<TransitionRaster> transitions;
    std::size_t groupIndex = 0;
    std::vector<std::vector<RouteUnit>> units(ctx.batches.size());
    for (std::size_t b = 0; b < ctx.batches.size(); ++b)
        units[b].resize(ctx.batches[b].assigned.size());
    std::set<QString> typesUsed;
    for (const auto& [key, members] : bySettings) {
        GainLossSettings settings;
        settings.fd = key.section(QLatin1Char('|'), 0, 0).toDouble();
        const QString classes = key.section(QLatin1Char('|'), 1);
        if (!classes.isEmpty())
            settings.forestClasses = *parseForestClasses(classes);
        const Issues inputIssues =
          validateGainLossInputs(inputs, pools, poolsFile, growth, growthFile, settings, nullptr);
        out.issues.insert(out.issues.end(), inputIssues.begin(), inputIssues.end());
        if (params::hasErrors(out.issues))
            return out;
        if (transitions.empty()) {
            if (ctx.feedback) {
                ctx.feedback->throwIfCancelled();
                ctx.feedback->setProgress(5, "land-cover transitions");
            }
            transitions = writeTransitionRasters(inputs, ctx.outDir, nullptr);
            for (const TransitionRaster& t : transitions)
                out.files << QString::fromStdString(t.path);
        }
        for (std::size_t b = 0; b < ctx.batches.size(); ++b) {
            gis::ParcelSet subset;
            subset.layer = ctx.batches[b].parcels->layer;
            subset.crs = ctx.batches[b].parcels->crs;
            std::vector<std::size_t> which;
            for (std::size_t i : members)
                if (stands[i].batch == b) {
                    which.push_back(i);
                    subset.parcels.push_back(
                      ctx.batches[b].parcels->parcels[ctx.batches[b].assigned[stands[i].index].parcel]);
                }
            if (which.empty())
                continue;
            if (ctx.feedback) {
                ctx.feedback->throwIfCancelled();
                ctx.feedback->setProgress(40 + 50 * double(groupIndex) / double(bySettings.size()),
                                          "forest route");
            }
            gis::ZonalOptions zonal;
            zonal.threads = ctx.threads;
            const std::vector<GainLossParcel> areas =
              runGainLossParcels(subset, transitions, growth, pools, settings, zonal);
            for (std::size_t j = 0; j < which.size(); ++j) {
                const RouteStand& rs = stands[which[j]];
                ParcelResult& r = out.results[b][rs.index];
                for (const GainLossInterval& iv : areas[j].intervals) {
                    const double covered = iv.validHa + iv.nodataHa;
                    if (covered > 0)
                        r.nodataShare = std::max(r.nodataShare, iv.nodataHa / covered);
                }
                const StandRoute route =
                  carryStand(rs.stand, rs.growth, ctx.years, areas[j].intervals, settings.fd, growth);
                r.methodDetail = routeDetail(rs, route, settings.fd);
                if (rs.growth.capM3PerHa && route.capReachedYear)
                    cappedRows.push_back(rs.row);
                if (route.stockT.empty()) {
                    r.notComputed =
                      CarbonInventoryRoute::tr("no stock at any carbon year: %1").arg(route.blankReason);
                    continue;
                }
                if (!route.blankYears.empty())
                    r.blankNote = route.blankReason;
                RouteUnit& unit = units[b][rs.index];
                unit.form = rs.stand.form;
                // The species row enters through the inventory volume or the MAI growth.
                const bool usesGroup =
                  rs.stand.group && (rs.stand.volume > 0 || rs.growth.source != GrowthSource::Reference);
                unit.group = usesGroup ? rs.stand.group->group : QString();
                for (const auto& [year, t] : route.stockT) {
                    CarbonStock s;
                    s.year = year;
                    s.pools.push_back({ QStringLiteral("c_biomass"), t });
                    s.totalT = t;
                    s.areaHa = r.areaHa;
                    r.stocks.push_back(s);
                    unit.stocks[year] = route.stocks.at(year);
                }
                // Changes: consecutive carbon years with stocks, and first → last of them (flux: gain −
                // loss, equal to the stock difference by construction).
                std::vector<int> ys;
                for (const auto& [year, t] : route.stockT)
                    ys.push_back(year);
                for (std::size_t i = 0; i + 1 < ys.size(); ++i)
                    unit.pairs.emplace_back(ys[i], ys[i + 1]);
                if (ys.size() > 2)
                    unit.pairs.emplace_back(ys.front(), ys.back());
                for (const auto& [y1, y2] : unit.pairs)
                    r.changes.push_back(
                      { y1, y2, route.stockT.at(y2) - route.stockT.at(y1), ChangeBasis::Flux, {} });
                if (usesGroup)
                    r.parameters.push_back({ rs.stand.group->file,
                                             rs.stand.group->line,
                                             rs.stand.group->group,
                                             rs.stand.group->tag });
                for (const QString& type : route.referenceTypes) {
                    typesUsed.insert(type);
                    if (const std::optional<ForestType> t = growth.find(type))
                        r.parameters.push_back({ t->file, t->line, t->name, t->tag });
                }
                std::sort(r.parameters.begin(), r.parameters.end());
                r.parameters.erase(std::unique(r.parameters.begin(), r.parameters.end()), r.parameters.end());
            }
        }
        ++groupIndex;
    }

    if (!cappedRows.empty()) {
        const QString rows = firstRows(cappedRows);
        out.issues.push_back(
          { Issue::Severity::Warning,
            ctx.batches.front().layer->path,
            cappedRows.front(),
            QStringLiteral("volume_m3_per_ha"),
            CarbonInventoryRoute::tr(
              "%1 stand(s) reach their volume ceiling (the largest volume of their species "
              "group and origin in the layer, or the IPCC 2019 Table 4.7/4.8 biomass) "
              "and stop growing there; method_detail gives the ceiling and the year "
              "(rows %2)")
              .arg(cappedRows.size())
              .arg(rows) });
    }

    // 4. Monte Carlo (carbon.uncertainty): per parcel and for the totals, with the volume method's
    //    species draws and the gain-loss method's growth draws (§6.2 item 2: same value, same draw).
    if (ctx.uncertainty) {
        const mc::UncertaintyDefaults defaults = uncertaintyDefaults(*ctx.uncertainty);
        std::map<BefForm, mc::VolumeUncertaintyModel> volumeModels;
        std::set<BefForm> forms;
        for (const RouteStand& rs : stands)
            forms.insert(rs.stand.form);
        for (BefForm form : forms) {
            mc::VolumeUncertaintyModel model =
              mc::buildVolumeUncertainty(speciesTable.table, species, form, defaults);
            out.issues.insert(out.issues.end(), model.issues.begin(), model.issues.end());
            warnExactValues(speciesFile, model.fixedIds, out.issues);
            volumeModels[form] = std::move(model);
        }
        mc::GainLossUncertaintyModel growthModel =
          mc::buildGainLossUncertainty(growthTable.table, poolTable.table, typesUsed, {}, defaults);
        out.issues.insert(out.issues.end(), growthModel.issues.begin(), growthModel.issues.end());
        warnExactValues(growthFile, growthModel.growthFixedIds, out.issues);
        if (params::hasErrors(out.issues))
            return out;
        auto sampler = std::make_shared<RouteSampler>(
          std::move(volumeModels), std::move(growthModel), units, *ctx.uncertainty, ctx.threads);
        setParcelBounds(*sampler, out);
        out.sampler = sampler;
    }
    if (ctx.feedback)
        ctx.feedback->setProgress(100, "forest route");
    return out;
}

} // namespace tanhui::models::carbon
