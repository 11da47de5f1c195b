// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/CarbonAdapters.h"

#include "gis/Feedback.h"
#include "gis/ParcelReader.h"
#include "gis/ZonalEngine.h"
#include "models/carbon/BlueCarbon.h"
#include "models/carbon/BlueCarbonUncertainty.h"
#include "models/carbon/GainLossMethod.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/RegressionMethod.h"
#include "models/carbon/RegressionUncertainty.h"
#include "models/carbon/SoilGainLossSampler.h"
#include "models/carbon/SoilMethod.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>

namespace tanhui::models::carbon {

namespace {

/// Translation context of this file's user-facing strings.
struct CarbonAdapters {
    Q_DECLARE_TR_FUNCTIONS(CarbonAdapters)
};

using params::Issue;
using params::Issues;

Issue methodError(const QString& file, const QString& key, const QString& message) {
    return { Issue::Severity::Error, file, 0, key, message };
}

/// The mapped field of a semantic name, or empty when the layer does not map it.
QString mappedField(const ProjectLayer& layer, const QString& semantic) {
    return layer.fields.value(semantic);
}

/// Land-cover inputs of `years` (those with a land-cover layer), ascending.
std::vector<LulcInput> landCoverOf(const Project& project, const std::vector<int>& years) {
    std::vector<LulcInput> inputs;
    for (int y : years)
        for (const ProjectLayer* l : project.layersWithRole(QStringLiteral("landcover")))
            if (l->year == y) {
                inputs.push_back({ project.resolve(l->path).toStdString(), y });
                break;
            }
    return inputs;
}

/// The parcels of a batch assigned to the method, as their own set (coverage computed for them only).
gis::ParcelSet assignedSubset(const MethodBatch& batch, const std::vector<std::size_t>& which) {
    gis::ParcelSet subset;
    subset.layer = batch.parcels->layer;
    subset.crs = batch.parcels->crs;
    for (std::size_t k : which)
        subset.parcels.push_back(batch.parcels->parcels[batch.assigned[k].parcel]);
    return subset;
}

/// The indices into batch `b`'s assigned parcels among `members` ((batch, index) pairs, in order).
std::vector<std::size_t> membersOfBatch(const std::vector<std::pair<std::size_t, std::size_t>>& members,
                                        std::size_t b) {
    std::vector<std::size_t> which;
    for (const auto& [mb, k] : members)
        if (mb == b)
            which.push_back(k);
    return which;
}

ParameterRowRef refOf(const params::TableRow& row) {
    return { row.file, row.line, row.key, row.tag };
}

void sortUnique(std::vector<ParameterRowRef>& refs) {
    std::sort(refs.begin(), refs.end());
    refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
}

void progress(const MethodContext& ctx, double percent, const char* status) {
    if (ctx.feedback) {
        ctx.feedback->throwIfCancelled();
        ctx.feedback->setProgress(percent, status);
    }
}

bool hasTagColumn(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray& h : f.readLine().trimmed().split(','))
        if (h.trimmed() == "tag")
            return true;
    return false;
}

} // namespace

// ---- soil (carbon-methods.md §3.3, §3.7, §3.8) ------------------------------------------------------

QString checkSoilOption(const QString& key, const QString& value) {
    if (key == QLatin1String("before") && !parseSoilBefore(value))
        return CarbonAdapters::tr("before must be low, medium or native, not '%1'").arg(value);
    if ((key == QLatin1String("climate_zone") || key == QLatin1String("soil_class")) &&
        value.trimmed().isEmpty())
        return CarbonAdapters::tr("%1 must not be empty").arg(key);
    return {};
}

namespace {

/// Fills the bounds of the results of `out` (in batch order, aligned with `units`) from `sample(model,
/// units, options)`, a chunk of units at a time: the samples of all parcels at once would take N × 8
/// bytes per quantity per parcel (about 880 MB for the sample's 13,738 plots at N = 1,000). Each unit's
/// samples depend only on the unit (and the seed), so chunking changes no number.
template<class Model, class Unit, class Sample>
void applyBoundsInChunks(const Model& model,
                         const std::vector<Unit>& units,
                         Sample sample,
                         const uncertainty::MonteCarloOptions& options,
                         MethodOutput& out) {
    constexpr std::size_t kChunk = 256;
    std::vector<ParcelResult*> results;
    for (std::vector<ParcelResult>& batch : out.results)
        for (ParcelResult& r : batch)
            results.push_back(&r);
    for (std::size_t begin = 0; begin < units.size(); begin += kChunk) {
        const std::size_t end = std::min(units.size(), begin + kChunk);
        const std::vector<Unit> part(units.begin() + std::ptrdiff_t(begin),
                                     units.begin() + std::ptrdiff_t(end));
        std::vector<uncertainty::PeriodSamples> samples = sample(model, part, options);
        for (std::size_t k = 0; k < part.size(); ++k)
            applyPeriodBounds(*results[begin + k], samples[k]);
    }
}

/// Monte Carlo bounds of every soil stock and change (carbon-methods.md §3.3, §6.2; sampleSoilUnits())
/// and the sampler for the totals. `units`: per batch, per result (empty when not computed).
void addSoilBounds(const MethodContext& ctx,
                   const SoilTables& tables,
                   const QString& socFile,
                   const QString& factorFile,
                   std::vector<std::vector<uncertainty::SoilUnit>> units,
                   MethodOutput& out) {
    std::vector<uncertainty::SoilUnit> flat;
    for (const auto& batch : units)
        flat.insert(flat.end(), batch.begin(), batch.end());
    uncertainty::SoilUncertaintyModel model =
      uncertainty::buildSoilUncertainty(tables, flat, uncertaintyDefaults(*ctx.uncertainty));
    out.issues.insert(out.issues.end(), model.issues.begin(), model.issues.end());
    warnExactValues(socFile, model.socRefFixedIds, out.issues);
    warnExactValues(factorFile, model.factorFixedIds, out.issues);
    if (params::hasErrors(out.issues))
        return;
    applyBoundsInChunks(
      model, flat, &uncertainty::sampleSoilUnits, monteCarloOptions(*ctx.uncertainty, ctx.threads), out);
    out.sampler = makeSoilSampler(std::move(model), std::move(units), *ctx.uncertainty, ctx.threads);
}

} // namespace

MethodOutput runSoilAdapter(const MethodContext& ctx) {
    MethodOutput out;
    const Project& project = *ctx.project;
    QString socFile, factorFile;
    const params::LoadedTable soc =
      loadCarbonProjectTable(project, QStringLiteral("soc_ref"), socRefSpec(), socFile);
    const params::LoadedTable factors =
      loadCarbonProjectTable(project, QStringLiteral("soil_factors"), soilFactorsSpec(), factorFile);
    out.issues = soc.issues;
    out.issues.insert(out.issues.end(), factors.issues.begin(), factors.issues.end());
    if (params::hasErrors(out.issues))
        return out;
    const SoilTables tables(soc.table, factors.table);
    std::vector<std::vector<uncertainty::SoilUnit>> mcUnits; // Monte Carlo: per batch, per result
    for (std::size_t b = 0; b < ctx.batches.size(); ++b) {
        progress(ctx, 100.0 * double(b) / double(ctx.batches.size()), "soil method");
        const MethodBatch& batch = ctx.batches[b];
        const ProjectLayer& layer = *batch.layer;
        const QString path = project.resolve(layer.path);
        SoilFields fields;
        fields.crop = mappedField(layer, QStringLiteral("crop"));
        fields.practice = mappedField(layer, QStringLiteral("practice"));
        fields.practiceYear = mappedField(layer, QStringLiteral("practice_year"));
        fields.strawYear = mappedField(layer, QStringLiteral("straw_return_since"));
        fields.organic = mappedField(layer, QStringLiteral("organic_fertiliser"));
        gis::VectorOpenOptions open;
        open.encodingOverride = layer.encoding.toStdString();
        const LayerFieldValues values = readLayerFields(
          path.toStdString(),
          open,
          { fields.crop, fields.practice, fields.practiceYear, fields.strawYear, fields.organic });
        out.issues.insert(out.issues.end(), values.issues.begin(), values.issues.end());
        if (params::hasErrors(out.issues))
            return out;
        const std::vector<SoilRecord> all = joinSoilRecords(*batch.parcels, values, fields);
        // Every unknown crop, practice or organic-fertiliser value of the layer at once, each with all
        // its rows (one warning per field), besides the reason given to each plot below.
        {
            std::vector<SoilRecord> assigned;
            for (const MethodParcel& mp : batch.assigned)
                assigned.push_back(all[mp.parcel]);
            SoilSettings any;
            any.years = ctx.years;
            for (Issue i : validateSoilRecords(assigned, fields, tables, any, path))
                if (i.isError() && i.file == path && !i.column.isEmpty() &&
                    (i.column == fields.crop || i.column == fields.practice || i.column == fields.organic)) {
                    i.severity = Issue::Severity::Warning;
                    i.message =
                      CarbonAdapters::tr("%1; the soil method does not compute these plots").arg(i.message);
                    out.issues.push_back(i);
                }
        }
        std::vector<ParcelResult> results;
        mcUnits.emplace_back(batch.assigned.size());
        for (const MethodParcel& mp : batch.assigned) {
            ParcelResult r = makeParcelResult(batch, mp, QStringLiteral("soil"));
            SoilSettings settings;
            settings.climateZone = mp.option(QStringLiteral("climate_zone")).toLower();
            settings.soilClass = mp.option(QStringLiteral("soil_class")).toLower();
            settings.before =
              parseSoilBefore(mp.option(QStringLiteral("before"))).value_or(SoilBefore::LowInput);
            settings.years = ctx.years;
            settings.currentYear = QDate::currentDate().year();
            r.methodDetail = QStringLiteral("climate_zone=%1; soil_class=%2; before=%3")
                               .arg(settings.climateZone,
                                    settings.soilClass,
                                    QLatin1String(soilBeforeName(settings.before)));
            const SoilRecord& record = all[mp.parcel];
            // Per plot: a plot with an unknown crop or a bad year is listed, not fatal.
            QStringList reasons;
            for (const Issue& i : validateSoilRecords({ record }, fields, tables, settings, path))
                if (i.isError())
                    reasons << i.message;
            if (!reasons.isEmpty()) {
                r.notComputed = reasons.join(QStringLiteral("; "));
                results.push_back(std::move(r));
                continue;
            }
            const SoilPlot plot = computeSoilPlots({ record }, fields, tables, settings).front();
            for (std::size_t y = 0; y < settings.years.size(); ++y) {
                CarbonStock s;
                s.year = settings.years[y];
                s.pools.push_back({ QStringLiteral("c_soil"), plot.socT[y] });
                s.totalT = plot.socT[y];
                s.areaHa = record.areaHa;
                r.stocks.push_back(s);
            }
            // ΔSOC of each interval: a removal (or emission) flux of the management change, §3.3.
            for (std::size_t p = 0; p + 1 < settings.years.size(); ++p)
                r.changes.push_back({ settings.years[p],
                                      settings.years[p + 1],
                                      plot.intervalChangeT[p],
                                      ChangeBasis::Flux,
                                      {} });
            // First → last: the sum of the intervals, as the project run would add it, here so that it
            // gets Monte Carlo bounds too.
            if (settings.years.size() > 2) {
                CarbonChange span{ settings.years.front(), settings.years.back(), 0, ChangeBasis::Flux, {} };
                for (std::size_t p = 0; p + 1 < settings.years.size(); ++p)
                    span.changeT += plot.intervalChangeT[p];
                r.changes.push_back(span);
            }
            if (ctx.uncertainty)
                mcUnits.back()[results.size()] =
                  uncertainty::soilUnitOf(tables, settings, plot, record.areaHa);
            for (const SoilPractice& practice : { plot.before, plot.after })
                if (const auto eq = tables.equilibrium(settings.climateZone, settings.soilClass, practice))
                    for (const params::TableRow* row : eq->rows)
                        r.parameters.push_back(refOf(*row));
            sortUnique(r.parameters);
            results.push_back(std::move(r));
        }
        out.results.push_back(std::move(results));
    }
    if (ctx.uncertainty)
        addSoilBounds(ctx, tables, socFile, factorFile, std::move(mcUnits), out);
    return out;
}

// ---- gain-loss (carbon-methods.md §3.2) -------------------------------------------------------------

namespace {

/// Monte Carlo bounds of every gain-loss change (carbon-methods.md §3.2, §6.2; sampleGainLossUnits())
/// and the sampler for the totals. `units`: per batch, per result (empty when not computed).
void addGainLossBounds(const MethodContext& ctx,
                       const params::ParameterTable& growthTable,
                       const params::ParameterTable& poolTable,
                       const QString& growthFile,
                       const QString& poolsFile,
                       std::vector<std::vector<uncertainty::GainLossUnit>> units,
                       MethodOutput& out) {
    std::vector<uncertainty::GainLossUnit> flat;
    std::set<QString> types;
    std::set<std::int64_t> codes;
    for (const auto& batch : units)
        for (const uncertainty::GainLossUnit& u : batch) {
            flat.push_back(u);
            for (const auto& [pair, interval] : u.intervals) {
                for (const auto& [type, haYears] : interval.growthHaYears)
                    types.insert(type);
                for (const auto& [code, ha] : interval.lossHa)
                    codes.insert(code);
            }
        }
    uncertainty::GainLossUncertaintyModel model = uncertainty::buildGainLossUncertainty(
      growthTable, poolTable, types, codes, uncertaintyDefaults(*ctx.uncertainty));
    out.issues.insert(out.issues.end(), model.issues.begin(), model.issues.end());
    warnExactValues(growthFile, model.growthFixedIds, out.issues);
    warnExactValues(poolsFile, model.poolFixedIds, out.issues);
    if (params::hasErrors(out.issues))
        return;
    applyBoundsInChunks(
      model, flat, &uncertainty::sampleGainLossUnits, monteCarloOptions(*ctx.uncertainty, ctx.threads), out);
    out.sampler = makeGainLossSampler(std::move(model), std::move(units), *ctx.uncertainty, ctx.threads);
}

} // namespace

QString checkGainLossOption(const QString& key, const QString& value) {
    if (key == QLatin1String("fd")) {
        // Checked against the declaration the CLI's --fd uses.
        const params::ParameterSpec& spec = disturbanceFractionParameter();
        bool ok = false;
        const double fd = value.toDouble(&ok);
        if (!ok || params::hasErrors(params::validateScalar(spec, fd, QStringLiteral("fd"))))
            return CarbonAdapters::tr("fd must be a number from %1 to %2, not '%3'")
              .arg(spec.min)
              .arg(spec.max)
              .arg(value);
    }
    if (key == QLatin1String("forest_classes") && !parseForestClasses(value))
        return CarbonAdapters::tr("forest_classes must list CODE=TYPE pairs separated by commas (e.g. "
                                  "11=natural_secondary_old,12=plantation), not '%1'")
          .arg(value);
    return {};
}

MethodOutput runGainLossAdapter(const MethodContext& ctx) {
    MethodOutput out;
    const Project& project = *ctx.project;
    QString poolsFile, growthFile;
    const params::LoadedTable poolTable =
      loadCarbonProjectTable(project, QStringLiteral("pools"), carbonPoolsSpec(), poolsFile);
    const params::LoadedTable growthTable =
      loadCarbonProjectTable(project, QStringLiteral("growth_rates"), growthRatesSpec(), growthFile);
    out.issues = poolTable.issues;
    out.issues.insert(out.issues.end(), growthTable.issues.begin(), growthTable.issues.end());
    if (params::hasErrors(out.issues))
        return out;
    const PoolLookup pools(poolTable.table);
    const GrowthLookup growth(growthTable.table);
    const std::vector<LulcInput> inputs = landCoverOf(project, ctx.years);

    // The settings are per method entry; parcels are run in groups of equal settings.
    std::map<std::pair<QString, QString>, std::vector<std::pair<std::size_t, std::size_t>>> bySettings;
    for (std::size_t b = 0; b < ctx.batches.size(); ++b)
        for (std::size_t k = 0; k < ctx.batches[b].assigned.size(); ++k) {
            const MethodParcel& mp = ctx.batches[b].assigned[k];
            bySettings[{ mp.option(QStringLiteral("fd")), mp.option(QStringLiteral("forest_classes")) }]
              .push_back({ b, k });
        }
    out.results.resize(ctx.batches.size());
    std::vector<std::vector<uncertainty::GainLossUnit>> mcUnits(ctx.batches.size()); // Monte Carlo
    for (std::size_t b = 0; b < ctx.batches.size(); ++b) {
        out.results[b].resize(ctx.batches[b].assigned.size());
        mcUnits[b].resize(ctx.batches[b].assigned.size());
    }
    auto check = stage(ctx.feedback, 0, 10);
    std::vector<TransitionRaster> transitions;
    std::size_t group = 0;
    for (const auto& [key, members] : bySettings) {
        GainLossSettings settings;
        settings.fd = key.first.toDouble();
        if (!key.second.isEmpty())
            settings.forestClasses = *parseForestClasses(key.second);
        const Issues inputIssues =
          validateGainLossInputs(inputs, pools, poolsFile, growth, growthFile, settings, check.get());
        out.issues.insert(out.issues.end(), inputIssues.begin(), inputIssues.end());
        if (params::hasErrors(out.issues))
            return out;
        if (transitions.empty()) {
            auto st = stage(ctx.feedback, 10, 50);
            transitions = writeTransitionRasters(inputs, ctx.outDir, st.get());
            for (const TransitionRaster& t : transitions)
                out.files << QString::fromStdString(t.path);
        }
        QString detail = QStringLiteral("fd=%1").arg(settings.fd);
        for (const auto& [code, type] : settings.forestClasses)
            detail += QStringLiteral("; %1=%2").arg(code).arg(type);
        for (std::size_t b = 0; b < ctx.batches.size(); ++b) {
            const MethodBatch& batch = ctx.batches[b];
            const std::vector<std::size_t> which = membersOfBatch(members, b);
            if (which.empty())
                continue;
            auto st = stage(ctx.feedback,
                            50 + 50 * double(group) / double(bySettings.size()),
                            50 + 50 * double(group + 1) / double(bySettings.size()));
            gis::ZonalOptions zonal;
            zonal.threads = ctx.threads;
            zonal.feedback = st.get();
            const std::vector<GainLossParcel> parcels =
              runGainLossParcels(assignedSubset(batch, which), transitions, growth, pools, settings, zonal);
            for (std::size_t j = 0; j < which.size(); ++j) {
                const MethodParcel& mp = batch.assigned[which[j]];
                ParcelResult r = makeParcelResult(batch, mp, QStringLiteral("gainloss"));
                r.methodDetail = detail;
                r.blankNote = CarbonAdapters::tr("the gain-loss method gives changes (gain − loss), not "
                                                 "stocks");
                bool anyValid = false;
                std::set<QString> types;
                uncertainty::GainLossUnit& unit = mcUnits[b][which[j]];
                for (const GainLossInterval& iv : parcels[j].intervals) {
                    const double covered = iv.validHa + iv.nodataHa;
                    if (covered > 0)
                        r.nodataShare = std::max(r.nodataShare, iv.nodataHa / covered);
                    if (iv.validHa <= 0)
                        continue;
                    anyValid = true;
                    // Net removal over the interval: (gain per year − loss per year) × years (§3.2).
                    r.changes.push_back(
                      { iv.year1, iv.year2, iv.netTPerYr() * double(iv.years()), ChangeBasis::Flux, {} });
                    if (ctx.uncertainty)
                        unit.intervals[{ iv.year1, iv.year2 }] =
                          uncertainty::gainLossIntervalUnit(iv, settings.fd);
                    for (const auto& [type, ha] : iv.remainingHaByType)
                        if (ha > 0)
                            types.insert(type);
                }
                for (const QString& type : types)
                    if (const std::optional<ForestType> t = growth.find(type))
                        r.parameters.push_back({ t->file, t->line, t->name, t->tag });
                sortUnique(r.parameters);
                if (!anyValid) {
                    r.changes.clear();
                    unit.intervals.clear();
                    r.notComputed =
                      CarbonAdapters::tr("no land-cover data under the parcel on two consecutive dates");
                } else if (r.changes.size() > 1 && r.changes.front().year1 == ctx.years.front() &&
                           r.changes.back().year2 == ctx.years.back()) {
                    // The intervals chain from the first to the last year: first → last is their sum (as
                    // the project run would add it), here so that it gets Monte Carlo bounds too.
                    CarbonChange span{ ctx.years.front(), ctx.years.front(), 0, ChangeBasis::Flux, {} };
                    uncertainty::GainLossIntervalUnit spanUnit;
                    for (const CarbonChange& c : r.changes) {
                        if (c.year1 != span.year2)
                            break;
                        span.changeT += c.changeT;
                        span.year2 = c.year2;
                        if (ctx.uncertainty)
                            spanUnit.add(unit.intervals.at({ c.year1, c.year2 }));
                    }
                    if (span.year2 == ctx.years.back()) {
                        r.changes.push_back(span);
                        if (ctx.uncertainty)
                            unit.intervals[{ span.year1, span.year2 }] = std::move(spanUnit);
                    }
                }
                out.results[b][which[j]] = std::move(r);
            }
        }
        ++group;
    }
    if (ctx.uncertainty)
        addGainLossBounds(
          ctx, growthTable.table, poolTable.table, growthFile, poolsFile, std::move(mcUnits), out);
    return out;
}

// ---- blue carbon (carbon-methods.md §2, §4) ---------------------------------------------------------

QString checkBlueCarbonOption(const QString& key, const QString& value) {
    const QString v = value.trimmed().toLower();
    if (key == QLatin1String("route") && v != QLatin1String("auto") && v != QLatin1String("cbc") &&
        v != QLatin1String("tier1"))
        return CarbonAdapters::tr("route must be auto, cbc or tier1, not '%1'").arg(value);
    if ((key == QLatin1String("invest_compatible") || key == QLatin1String("planted")) &&
        !parseYesNo(QVariant(value)))
        return CarbonAdapters::tr("%1 must be yes or no, not '%2'").arg(key, value);
    if (key == QLatin1String("climate") && v != QLatin1String("trop_wet") && v != QLatin1String("trop_dry") &&
        v != QLatin1String("subtrop"))
        return CarbonAdapters::tr("climate must be trop_wet, trop_dry or subtrop, not '%1'").arg(value);
    return {};
}

namespace {

bool tier1Route(const MethodBatch& batch, const MethodParcel& mp) {
    const QString route = mp.option(QStringLiteral("route")).toLower();
    if (route == QLatin1String("auto"))
        return batch.layer->fields.contains(QStringLiteral("planting_year"));
    return route == QLatin1String("tier1");
}

/// The blue-carbon adapter's two routes (runBlueCarbonAdapter) and what they share: the context, the
/// output, and the Monte Carlo inputs gathered per result (carbon.uncertainty; carbon-methods.md §6.2).
struct BlueCarbonRoutes {
    using Refs = std::vector<std::pair<std::size_t, std::size_t>>; ///< (batch, assigned index)

    BlueCarbonRoutes(const MethodContext& c, MethodOutput& o)
      : ctx(c)
      , out(o)
      , project(*c.project)
      , mcUnits(c.batches.size())
      , runSpan(c.years.empty() ? 0 : c.years.front(), c.years.empty() ? 0 : c.years.back()) {
        for (std::size_t b = 0; b < ctx.batches.size(); ++b)
            mcUnits[b].resize(ctx.batches[b].assigned.size());
        if (ctx.uncertainty)
            mcOptions = monteCarloOptions(*ctx.uncertainty, ctx.threads);
    }
    /// The Coastal Blue Carbon route (§2), per mode (InVEST-compatible or not); false when the run stops.
    bool cbc(const std::map<bool, Refs>& cbcParcels);
    /// The Wetlands Supplement Tier 1 route of restoration plots (§4); false when the run stops.
    bool tier1(const Refs& tier1Parcels);

    const MethodContext& ctx;
    MethodOutput& out;
    const Project& project;
    std::vector<BlueCarbonCbcEngine> mcEngines;
    std::map<QString, uncertainty::MangroveWsUncertainty> mcTier1;
    std::vector<std::vector<BlueCarbonSampleUnit>> mcUnits;
    uncertainty::MonteCarloOptions mcOptions;
    const std::pair<int, int> runSpan;
};

bool BlueCarbonRoutes::cbc(const std::map<bool, Refs>& cbcParcels) {
    QString bioFile;
    const params::LoadedTable bio =
      loadCarbonProjectTable(project, QStringLiteral("cbc_biophysical"), cbcBiophysicalSpec(), bioFile);
    out.issues.insert(out.issues.end(), bio.issues.begin(), bio.issues.end());
    if (params::hasErrors(out.issues))
        return false;
    const CbcParameters classes(bio.table);
    // One distribution per (class, column) of the table, shared by both modes and every parcel.
    uncertainty::CbcUncertaintyModel mcModel;
    if (ctx.uncertainty) {
        std::vector<std::int64_t> codes;
        for (const auto& [code, c] : classes.classes())
            codes.push_back(code);
        mcModel = uncertainty::buildCbcUncertainty(bio.table, codes, uncertaintyDefaults(*ctx.uncertainty));
        out.issues.insert(out.issues.end(), mcModel.issues.begin(), mcModel.issues.end());
        warnExactValues(bioFile, mcModel.fixedIds, out.issues);
        if (params::hasErrors(out.issues))
            return false;
    }
    const QString transName = project.carbon.parameters.value(QStringLiteral("cbc_transitions"));
    LoadedTransitions trans;
    if (transName.isEmpty()) {
        trans = loadDefaultCbcTransitions(classes);
    } else {
        const ProjectParameterTable* t = project.parameterTable(transName);
        const QString path = t ? project.resolve(t->path) : transName;
        trans = loadCbcTransitions(path,
                                   classes,
                                   hasTagColumn(path) ? params::Provenance::Required
                                                      : params::Provenance::UserSupplied);
    }
    out.issues.insert(out.issues.end(), trans.issues.begin(), trans.issues.end());
    if (params::hasErrors(out.issues))
        return false;
    const std::vector<LulcInput> snapshots = landCoverOf(project, ctx.years);
    auto check = stage(ctx.feedback, 0, 10);
    const Issues inputIssues =
      validateCbcInputs(snapshots, std::nullopt, classes, trans.table, bioFile, check.get());
    out.issues.insert(out.issues.end(), inputIssues.begin(), inputIssues.end());
    if (params::hasErrors(out.issues))
        return false;
    for (const auto& [compatible, members] : cbcParcels) {
        CbcModelOptions mo;
        for (const LulcInput& s : snapshots)
            mo.snapshotYears.push_back(s.year);
        mo.investCompatible = compatible;
        const CbcModel model(classes, trans.table, mo);
        CbcRunOptions ro;
        // Both modes in one run write into their own sub-folder.
        ro.outDir =
          cbcParcels.size() > 1 ? ctx.outDir + (compatible ? "/invest_compatible" : "/tanhui") : ctx.outDir;
        QDir().mkpath(QString::fromStdString(ro.outDir));
        ro.writeHistoryRaster = ctx.uncertainty != nullptr; // areas per class history for MC
        auto st = stage(ctx.feedback, 10, 60);
        ro.feedback = st.get();
        const CbcRunResult run = runCbcRasters(snapshots, model, classes, ro);
        for (const std::string& f : run.stockRasters)
            out.files << QString::fromStdString(f);
        for (const std::string& f : run.periodRasters)
            out.files << QString::fromStdString(f);
        if (!run.historyRaster.empty())
            out.files << QString::fromStdString(run.historyRaster);
        std::vector<ResultRef> mcRefs; // computed parcels of this mode
        for (std::size_t b = 0; b < ctx.batches.size(); ++b) {
            const MethodBatch& batch = ctx.batches[b];
            const std::vector<std::size_t> which = membersOfBatch(members, b);
            if (which.empty())
                continue;
            auto zs = stage(ctx.feedback, 60, 80);
            gis::ZonalOptions zonal;
            zonal.threads = ctx.threads;
            zonal.feedback = zs.get();
            const std::vector<CbcParcel> parcels =
              runCbcParcels(assignedSubset(batch, which), snapshots, classes, run, zonal);
            for (std::size_t j = 0; j < which.size(); ++j) {
                const CbcParcel& pc = parcels[j];
                ParcelResult r =
                  makeParcelResult(batch, batch.assigned[which[j]], QStringLiteral("bluecarbon"));
                r.methodDetail = compatible ? QStringLiteral("route=cbc; invest_compatible=yes")
                                            : QStringLiteral("route=cbc");
                r.nodataShare = pc.nodataShare();
                if (pc.validAreaHa <= 0) {
                    r.notComputed = CarbonAdapters::tr(
                      "no land-cover data under the parcel at every snapshot (the CBC engine needs all)");
                    out.results[b][which[j]] = std::move(r);
                    continue;
                }
                for (std::size_t y = 0; y < run.reportYears.size(); ++y) {
                    CarbonStock s;
                    s.year = run.reportYears[y];
                    s.pools = { { QStringLiteral("c_biomass"), pc.stockT[y][CbcBiomass] },
                                { QStringLiteral("c_soil"), pc.stockT[y][CbcSoil] },
                                { QStringLiteral("c_litter"), pc.stockT[y][CbcLitter] } };
                    s.totalT = pc.totalStockT[y];
                    s.areaHa = pc.validAreaHa;
                    r.stocks.push_back(s);
                }
                // Net sequestration of each period: accumulation − emissions (§2.3), a flux.
                for (std::size_t p = 0; p + 1 < run.reportYears.size(); ++p)
                    r.changes.push_back({ run.reportYears[p],
                                          run.reportYears[p + 1],
                                          pc.netSequestrationT[p],
                                          ChangeBasis::Flux,
                                          {} });
                // Rows listed: the flagged classes present under the parcel (the CBC engine reports
                // those per parcel).
                for (std::int64_t code : pc.flaggedCodes)
                    if (const CbcClass* c = classes.find(code))
                        r.parameters.push_back(
                          { c->file, c->line, QStringLiteral("lucode %1").arg(code), c->tag });
                sortUnique(r.parameters);
                out.results[b][which[j]] = std::move(r);
                if (ctx.uncertainty) {
                    BlueCarbonSampleUnit& u = mcUnits[b][which[j]];
                    u.kind = BlueCarbonSampleUnit::Kind::Cbc;
                    u.engine = mcEngines.size();
                    u.historyAreaHa = pc.historyAreaHa;
                    mcRefs.push_back({ b, which[j] });
                }
            }
        }
        if (ctx.uncertainty) {
            // Every history once per iteration (exact: cells of a history share their series).
            progress(ctx, 80, "blue carbon Monte Carlo");
            BlueCarbonCbcEngine engine;
            engine.model = mcModel;
            engine.samples =
              uncertainty::sampleCbcHistories(mcModel, classes, trans.table, mo, run.histories, mcOptions);
            std::vector<uncertainty::CbcUnitAreas> units;
            for (const ResultRef& ref : mcRefs)
                units.push_back(mcUnits[ref.first][ref.second].historyAreaHa);
            std::vector<uncertainty::UnitSamples> samples =
              uncertainty::sampleCbcUnits(engine.samples, units);
            for (std::size_t k = 0; k < mcRefs.size(); ++k)
                applyBlueCarbonBounds(out.results[mcRefs[k].first][mcRefs[k].second],
                                      blueCarbonTotals(std::move(samples[k]), engine.samples.reportYears),
                                      runSpan);
            mcEngines.push_back(std::move(engine));
        }
    }
    return true;
}

bool BlueCarbonRoutes::tier1(const Refs& tier1Parcels) {
    QString wsFile;
    const params::LoadedTable wsTable =
      loadCarbonProjectTable(project, QStringLiteral("mangrove_ws"), mangroveWsSpec(), wsFile);
    out.issues.insert(out.issues.end(), wsTable.issues.begin(), wsTable.issues.end());
    if (params::hasErrors(out.issues))
        return false;
    std::map<QString, std::vector<ResultRef>> mcRefs; // computed plots per climate row
    for (std::size_t b = 0; b < ctx.batches.size(); ++b) {
        progress(ctx, 80 + 20 * double(b) / double(ctx.batches.size()), "blue carbon Tier 1");
        const MethodBatch& batch = ctx.batches[b];
        std::vector<std::size_t> which;
        for (const auto& [mb, k] : tier1Parcels)
            if (mb == b)
                which.push_back(k);
        if (which.empty())
            continue;
        const ProjectLayer& layer = *batch.layer;
        const QString field = mappedField(layer, QStringLiteral("planting_year"));
        if (field.isEmpty()) {
            out.issues.push_back(methodError(project.fileName(),
                                             QStringLiteral("layers.%1.fields.planting_year").arg(layer.id),
                                             CarbonAdapters::tr("the Tier 1 route (route=tier1) needs the "
                                                                "field 'planting_year' of layer %1: map it "
                                                                "in the layer's \"fields\"")
                                               .arg(layer.id)));
            return false;
        }
        gis::VectorOpenOptions open;
        open.encodingOverride = layer.encoding.toStdString();
        Issues plotIssues;
        const std::vector<RestorationPlot> plots =
          readRestorationPlots(project.resolve(layer.path).toStdString(),
                               open,
                               *batch.parcels,
                               field,
                               ctx.years.back(),
                               plotIssues);
        // A bad planting year concerns one plot (listed as not computed); others stop the run.
        std::map<int, QStringList> plotErrors;
        for (const Issue& i : plotIssues) {
            if (i.isError() && i.row > 0)
                plotErrors[i.row] << i.message;
            else
                out.issues.push_back(i);
        }
        if (params::hasErrors(out.issues))
            return false;
        for (std::size_t k : which) {
            const MethodParcel& mp = batch.assigned[k];
            ParcelResult r = makeParcelResult(batch, mp, QStringLiteral("bluecarbon"));
            const QString climate = mp.option(QStringLiteral("climate")).toLower();
            const bool planted = parseYesNo(QVariant(mp.option(QStringLiteral("planted")))).value_or(true);
            r.methodDetail = QStringLiteral("route=tier1; climate=%1; planted=%2")
                               .arg(climate, planted ? QStringLiteral("yes") : QStringLiteral("no"));
            const std::optional<MangroveWsParams> ws = mangroveWsParams(wsTable.table, climate);
            if (!ws) {
                out.issues.push_back(methodError(wsFile,
                                                 QStringLiteral("climate"),
                                                 CarbonAdapters::tr("the Wetlands Supplement table has no "
                                                                    "row for climate '%1'")
                                                   .arg(climate)));
                return false;
            }
            const RestorationPlot& plot = plots[mp.parcel];
            const auto bad = plotErrors.find(plot.row);
            if (bad != plotErrors.end() || !plot.plantYear) {
                r.notComputed = bad != plotErrors.end() ? bad->second.join(QStringLiteral("; "))
                                                        : CarbonAdapters::tr("no planting year");
                out.results[b][k] = std::move(r);
                continue;
            }
            const RestorationResult res = computeRestoration({ plot }, *ws, ctx.years, planted).front();
            for (std::size_t y = 0; y < ctx.years.size(); ++y) {
                CarbonStock s;
                s.year = ctx.years[y];
                // t C above the pre-planting stock (§4): biomass and (planted) soil removals.
                s.pools = { { QStringLiteral("c_biomass"), res.stockTPerHa[y].biomass * plot.areaHa },
                            { QStringLiteral("c_soil"), res.stockTPerHa[y].soil * plot.areaHa } };
                s.totalT = res.stockT[y];
                s.areaHa = plot.areaHa;
                r.stocks.push_back(s);
            }
            for (std::size_t p = 0; p + 1 < ctx.years.size(); ++p)
                r.changes.push_back(
                  { ctx.years[p], ctx.years[p + 1], res.netSequestrationT[p], ChangeBasis::Flux, {} });
            r.parameters.push_back({ ws->file, ws->line, ws->climate, ws->tag });
            out.results[b][k] = std::move(r);
            if (ctx.uncertainty) {
                if (!mcTier1.count(climate)) {
                    uncertainty::MangroveWsUncertainty m = uncertainty::buildMangroveWsUncertainty(
                      wsTable.table, *ws, uncertaintyDefaults(*ctx.uncertainty));
                    out.issues.insert(out.issues.end(), m.issues.begin(), m.issues.end());
                    warnExactValues(wsFile, m.fixedIds, out.issues);
                    if (params::hasErrors(out.issues))
                        return false;
                    mcTier1.emplace(climate, std::move(m));
                }
                BlueCarbonSampleUnit& u = mcUnits[b][k];
                u.kind = BlueCarbonSampleUnit::Kind::Tier1;
                u.climate = climate;
                u.plot = { *plot.plantYear, planted, plot.areaHa };
                mcRefs[climate].push_back({ b, k });
            }
        }
    }
    // Per-plot bounds, per climate row (carbon-methods.md §4, §6.2).
    for (const auto& [climate, refs] : mcRefs) {
        std::vector<std::vector<uncertainty::RestorationUnitPlot>> units;
        for (const ResultRef& ref : refs)
            units.push_back({ mcUnits[ref.first][ref.second].plot });
        std::vector<uncertainty::UnitSamples> samples =
          uncertainty::sampleRestorationUnits(mcTier1.at(climate), units, ctx.years, mcOptions);
        for (std::size_t k = 0; k < refs.size(); ++k)
            applyBlueCarbonBounds(out.results[refs[k].first][refs[k].second],
                                  blueCarbonTotals(std::move(samples[k]), ctx.years),
                                  runSpan);
    }
    return true;
}

} // namespace

MethodOutput runBlueCarbonAdapter(const MethodContext& ctx) {
    MethodOutput out;
    out.results.resize(ctx.batches.size());
    for (std::size_t b = 0; b < ctx.batches.size(); ++b)
        out.results[b].resize(ctx.batches[b].assigned.size());

    // Split the parcels by route and CBC mode.
    std::map<bool, BlueCarbonRoutes::Refs> cbcParcels; // invest-compatible →
    BlueCarbonRoutes::Refs tier1Parcels;
    for (std::size_t b = 0; b < ctx.batches.size(); ++b)
        for (std::size_t k = 0; k < ctx.batches[b].assigned.size(); ++k) {
            const MethodParcel& mp = ctx.batches[b].assigned[k];
            if (tier1Route(ctx.batches[b], mp))
                tier1Parcels.push_back({ b, k });
            else
                cbcParcels[parseYesNo(QVariant(mp.option(QStringLiteral("invest_compatible"))))
                             .value_or(false)]
                  .push_back({ b, k });
        }

    // Each route; with Monte Carlo, what the sampler needs per result stays in `routes`.
    BlueCarbonRoutes routes(ctx, out);
    if (!cbcParcels.empty() && !routes.cbc(cbcParcels))
        return out;
    if (!tier1Parcels.empty() && !routes.tier1(tier1Parcels))
        return out;
    if (ctx.uncertainty)
        out.sampler = makeBlueCarbonSampler(std::move(routes.mcEngines),
                                            std::move(routes.mcTier1),
                                            ctx.years,
                                            std::move(routes.mcUnits),
                                            *ctx.uncertainty,
                                            ctx.threads);
    return out;
}

// ---- regression (carbon-methods.md §6.1) ------------------------------------------------------------

QString checkRegressionOption(const QString& key, const QString& value) {
    if (key == QLatin1String("r_hysteresis")) {
        bool ok = false;
        const double h = value.toDouble(&ok);
        if (!ok || !(h >= 0 && h <= 100))
            return CarbonAdapters::tr("r_hysteresis must be a number from 0 to 100 t d.m./ha, not '%1'")
              .arg(value);
    }
    if (key == QLatin1String("gap_fill") && value != QLatin1String("none") &&
        value != QLatin1String("linear"))
        return CarbonAdapters::tr("gap_fill must be 'none' (cloud gaps stay blank) or 'linear' (temporal "
                                  "interpolation between the nearest valid years), not '%1'")
          .arg(value);
    return {};
}

namespace {

/// The regression method's inputs from the project: the NDVI layers of the carbon years, the dated
/// land-cover layers, the forest classes; checked against the coefficients (`coefPath`). False when an
/// error (in `issues`) stops the method.
bool regressionInputs(const MethodContext& ctx,
                      const LoadedRegression& coefficients,
                      const QString& coefPath,
                      Issues& issues,
                      RegressionInputs& inputs) {
    const Project& project = *ctx.project;
    for (int y : ctx.years)
        for (const ProjectLayer* l : project.layersWithRole(QStringLiteral("ndvi")))
            if (l->year == y) {
                inputs.vi.push_back({ project.resolve(l->path).toStdString(), 1, y });
                break;
            }
    if (inputs.vi.empty()) {
        issues.push_back(methodError(project.fileName(),
                                     QStringLiteral("carbon.years"),
                                     CarbonAdapters::tr("the regression method needs an NDVI layer (role "
                                                        "\"ndvi\") for one or more carbon years")));
        return false;
    }
    for (const ProjectLayer* l : project.layersWithRole(QStringLiteral("landcover")))
        if (l->year > 0)
            inputs.lulc.push_back({ project.resolve(l->path).toStdString(), l->year });
    std::sort(inputs.lulc.begin(), inputs.lulc.end(), [](const LulcInput& a, const LulcInput& b) {
        return a.year < b.year;
    });
    inputs.forestCodes = defaultForestCodes();
    auto check = stage(ctx.feedback, 0, 10);
    const Issues inputIssues = validateRegressionInputs(inputs, coefficients.lookup, coefPath, check.get());
    issues.insert(issues.end(), inputIssues.begin(), inputIssues.end());
    return !params::hasErrors(issues);
}

} // namespace

MethodOutput runRegressionAdapter(const MethodContext& ctx) {
    MethodOutput out;
    const Project& project = *ctx.project;
    const QString tableName = project.carbon.parameters.value(QStringLiteral("regression"));
    if (tableName.isEmpty()) {
        out.issues.push_back(methodError(
          project.fileName(),
          QStringLiteral("carbon.parameters.regression"),
          QCoreApplication::translate("CarbonAdapters",
                                      findCarbonMethod(QStringLiteral("regression"))->requiredTableHelp)));
        return out;
    }
    const ProjectParameterTable* table = project.parameterTable(tableName);
    const QString coefPath = table ? project.resolve(table->path) : tableName;
    LoadedRegression coefficients = loadRegressionCoefficients(coefPath);
    out.issues = coefficients.issues;
    if (params::hasErrors(out.issues))
        return out;
    // Monte Carlo (carbon.uncertainty; carbon-methods.md §6.2): one draw per coefficient value.
    uncertainty::RegressionUncertaintyModel mcModel;
    if (ctx.uncertainty) {
        mcModel = uncertainty::buildRegressionUncertainty(
          coefficients.table, coefficients.lookup, uncertaintyDefaults(*ctx.uncertainty));
        out.issues.insert(out.issues.end(), mcModel.issues.begin(), mcModel.issues.end());
        warnExactValues(coefPath, mcModel.fixedIds, out.issues);
        if (params::hasErrors(out.issues))
            return out;
    }
    RegressionInputs inputs;
    if (!regressionInputs(ctx, coefficients, coefPath, out.issues, inputs))
        return out;
    RegressionRunOptions ro;
    ro.outDir = ctx.outDir;
    for (const MethodBatch& batch : ctx.batches)
        for (const MethodParcel& mp : batch.assigned)
            if (mp.option(QStringLiteral("gap_fill")) == QLatin1String("linear"))
                ro.interpolateGaps = true;
    ro.writeViKeyRasters = ctx.uncertainty != nullptr; // per-parcel VI bins for MC
    auto rasters = stage(ctx.feedback, 10, 60);
    ro.feedback = rasters.get();
    const RegressionRun run = writeRegressionRasters(inputs, coefficients.lookup, ro);
    for (const RegressionYear& y : run.years)
        out.files << QString::fromStdString(y.raster);
    for (const std::string& f : run.viKeyRasters)
        out.files << QString::fromStdString(f);
    for (const std::string& f : run.commonRasters)
        out.files << QString::fromStdString(f);
    std::vector<int> runYears;
    for (const RegressionYear& y : run.years)
        runYears.push_back(y.year);
    std::vector<std::vector<RegressionSampleUnit>> mcUnits(ctx.batches.size());
    for (std::size_t b = 0; b < ctx.batches.size(); ++b)
        mcUnits[b].resize(ctx.batches[b].assigned.size());
    uncertainty::MonteCarloOptions mcOptions =
      ctx.uncertainty ? monteCarloOptions(*ctx.uncertainty, ctx.threads) : uncertainty::MonteCarloOptions();
    std::vector<ParameterRowRef> used;
    for (const RegressionCoefficients& c : run.used) {
        params::Tag tag = c.tag;
        if (c.flagged() && !params::isFlagged(tag))
            tag = params::parseTag(c.declaredTag).value_or(params::Tag::Example);
        used.push_back({ c.file, c.line, QStringLiteral("lucode %1").arg(c.code), tag });
    }
    sortUnique(used);

    // Parcels grouped by hysteresis (an option of the method entry).
    std::map<double, std::vector<std::pair<std::size_t, std::size_t>>> byHysteresis;
    for (std::size_t b = 0; b < ctx.batches.size(); ++b)
        for (std::size_t k = 0; k < ctx.batches[b].assigned.size(); ++k)
            byHysteresis[ctx.batches[b].assigned[k].option(QStringLiteral("r_hysteresis")).toDouble()]
              .push_back({ b, k });
    out.results.resize(ctx.batches.size());
    for (std::size_t b = 0; b < ctx.batches.size(); ++b)
        out.results[b].resize(ctx.batches[b].assigned.size());
    for (const auto& [hysteresis, members] : byHysteresis) {
        for (std::size_t b = 0; b < ctx.batches.size(); ++b) {
            const MethodBatch& batch = ctx.batches[b];
            const std::vector<std::size_t> which = membersOfBatch(members, b);
            if (which.empty())
                continue;
            auto zs = stage(ctx.feedback, 60, 100);
            gis::ZonalOptions zonal;
            zonal.threads = ctx.threads;
            zonal.feedback = zs.get();
            const std::vector<RegressionParcel> parcels =
              runRegressionParcels(assignedSubset(batch, which), run, hysteresis, zonal);
            std::vector<uncertainty::RegressionUnit> mcParcels;
            std::vector<std::set<std::pair<int, int>>> gapChanges(which.size());
            for (std::size_t j = 0; j < which.size(); ++j) {
                const RegressionParcel& rp = parcels[j];
                ParcelResult r =
                  makeParcelResult(batch, batch.assigned[which[j]], QStringLiteral("regression"));
                r.methodDetail = QStringLiteral("coefficients %1; r_hysteresis=%2")
                                   .arg(QFileInfo(coefPath).fileName())
                                   .arg(hysteresis);
                QStringList gapNotes;
                for (const RegressionParcelYear& y : rp.years) {
                    const double covered =
                      y.forestAreaHa + y.viGapAreaHa + y.nonforestAreaHa + y.lulcNodataAreaHa;
                    if (covered > 0)
                        r.nodataShare =
                          std::max(r.nodataShare, (y.viGapAreaHa + y.lulcNodataAreaHa) / covered);
                    const double valid = y.forestAreaHa + y.nonforestAreaHa;
                    if (valid <= 0)
                        continue;
                    // A cloud gap is a blank with a flag, never zero carbon: below
                    // kMinValidForestShare of valid forest the year has no stock.
                    const double share = y.validForestShare();
                    if (!hasRegressionStock(y)) {
                        gapNotes << CarbonAdapters::tr("%1: no stock (%2 % of the forest in VI gaps)")
                                      .arg(y.year)
                                      .arg((1.0 - share) * 100.0, 0, 'f', 1);
                        continue;
                    }
                    if (y.viGapAreaHa > 0)
                        gapNotes << CarbonAdapters::tr(
                                      "%1: %2 % of the forest in VI gaps (stock over the valid "
                                      "forest only)")
                                      .arg(y.year)
                                      .arg((1.0 - share) * 100.0, 0, 'f', 1);
                    if (y.viFilledAreaHa > 0)
                        gapNotes << CarbonAdapters::tr("%1: %2 ha of gaps filled by temporal interpolation")
                                      .arg(y.year)
                                      .arg(y.viFilledAreaHa, 0, 'f', 2);
                    // Carbon over the valid forest area; non-forest cells have no tree carbon (§6.1).
                    CarbonStock s;
                    s.year = y.year;
                    s.pools.push_back({ QStringLiteral("c_biomass"), y.carbonT });
                    s.totalT = y.carbonT;
                    s.areaHa = valid;
                    r.stocks.push_back(s);
                }
                // Changes over the forest cells valid on both dates (runRegressionParcels()).
                std::set<std::pair<int, int>> commonDiffers;
                for (const RegressionChange& c : rp.changes)
                    if (r.stock(c.year1) && r.stock(c.year2)) {
                        r.changes.push_back(
                          { c.year1, c.year2, c.changeT, ChangeBasis::StockDifference, {} });
                        const auto forestOf = [&](int year) {
                            for (const RegressionParcelYear& y : rp.years)
                                if (y.year == year)
                                    return y.forestAreaHa;
                            return 0.0;
                        };
                        const double tol = 1e-9 * std::max(1.0, forestOf(c.year1));
                        if (std::fabs(forestOf(c.year1) - c.commonAreaHa) > tol ||
                            std::fabs(forestOf(c.year2) - c.commonAreaHa) > tol)
                            commonDiffers.insert({ c.year1, c.year2 });
                    }
                if (!gapNotes.isEmpty())
                    r.methodDetail += QStringLiteral("; vi_gap: ") + gapNotes.join(QStringLiteral("; "));
                gapChanges[j] = commonDiffers;
                r.parameters = used;
                if (r.stocks.empty()) {
                    r.changes.clear();
                    r.notComputed =
                      CarbonAdapters::tr("no land-cover or NDVI data under the parcel in any year");
                }
                if (ctx.uncertainty) {
                    uncertainty::RegressionUnit u;
                    u.hysteresis = hysteresis;
                    for (const RegressionParcelYear& y : rp.years)
                        u.years.push_back({ y.year, r.stock(y.year) != nullptr, y.forestAreaHa, y.viBins });
                    mcParcels.push_back(std::move(u));
                }
                out.results[b][which[j]] = std::move(r);
            }
            if (ctx.uncertainty) {
                // The whole chain per parcel and iteration, on each parcel's VI bins (§6.2 item 4).
                auto ms = stage(ctx.feedback, 60, 100);
                mcOptions.feedback = ms.get();
                std::vector<uncertainty::UnitSamples> samples =
                  uncertainty::sampleRegressionUnits(mcModel, coefficients.lookup, mcParcels, mcOptions);
                mcOptions.feedback = nullptr;
                for (std::size_t j = 0; j < which.size(); ++j) {
                    ParcelResult& r = out.results[b][which[j]];
                    RegressionSampleUnit unit = applyRegressionBounds(r, runYears, std::move(samples[j]));
                    // The Monte Carlo samples each year's valid cells; a change whose common cells
                    // differ from them (VI gaps on one date) gets no bounds rather than wrong ones.
                    if (!gapChanges[j].empty()) {
                        for (CarbonChange& c : r.changes)
                            if (gapChanges[j].count({ c.year1, c.year2 }))
                                c.bounds.reset();
                        std::erase_if(unit.changes, [&](const std::pair<int, int>& pair) {
                            return gapChanges[j].count(pair) != 0;
                        });
                        r.methodDetail += CarbonAdapters::tr("; no bounds for changes across VI gaps");
                    }
                    mcUnits[b][which[j]] = std::move(unit);
                }
            }
        }
    }
    if (ctx.uncertainty)
        out.sampler = makeRegressionSampler(std::move(mcModel), std::move(mcUnits));
    return out;
}

} // namespace tanhui::models::carbon
