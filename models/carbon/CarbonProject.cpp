// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/CarbonProject.h"

#include "models/carbon/CarbonAdapters.h"
#include "models/carbon/CarbonResultSet.h"

#include "gis/Coverage.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/Gdal.h"
#include "gis/Overlay.h"
#include "gis/ParcelReader.h"
#include "gis/RasterDataset.h"
#include "gis/RasterWriter.h"
#include "gis/TableWriter.h"
#include "gis/VectorLayer.h"
#include "models/carbon/GainLossMethod.h"
#include "models/carbon/InventoryRoute.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/RegressionMethod.h"
#include "models/carbon/SoilMethod.h"
#include "models/carbon/Valuation.h"
#include "models/carbon/VolumeMethod.h"
#include "models/params/ParameterTable.h"
#include "models/uncertainty/CarbonMonteCarlo.h"
#include "models/uncertainty/SoilGainLossMonteCarlo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <tuple>

namespace tanhui::models::carbon {

namespace {

/// @brief Adds the change first → last to a result that has only its consecutive intervals (methods that
/// report per interval: soil, gain-loss, blue carbon, regression): their sum, with the intervals' basis
/// (the sum of stock differences is the stock difference; the sum of interval fluxes is the flux over
/// the span). Nothing when the result already has that change, when the intervals do not chain from
/// first to last, or when their bases differ. No bounds: percentiles do not add.
void addSpanningChange(ParcelResult& r, int first, int last) {
    for (const CarbonChange& c : r.changes)
        if (c.year1 == first && c.year2 == last)
            return;
    CarbonChange span;
    span.year1 = first;
    span.year2 = first;
    for (bool extended = true; extended && span.year2 != last;) {
        extended = false;
        for (const CarbonChange& c : r.changes)
            if (c.year1 == span.year2 && c.year2 > c.year1 && c.year2 <= last) {
                if (span.year2 != first && c.basis != span.basis)
                    return;
                span.basis = c.basis;
                span.changeT += c.changeT;
                span.year2 = c.year2;
                extended = true;
                break;
            }
    }
    if (span.year2 == last && span.year1 != span.year2)
        r.changes.push_back(span);
}

/// Translation context of this file's user-facing strings.
struct CarbonProject {
    Q_DECLARE_TR_FUNCTIONS(CarbonProject)
};

using params::Issue;
using params::Issues;
using Severity = params::Issue::Severity;

Issue error(const QString& file, const QString& key, const QString& message, int row = 0) {
    return { Severity::Error, file, row, key, message };
}

/// The field name of a semantic name in a layer's mapping (the name itself when not mapped).
QString fieldOf(const ProjectLayer& layer, const QString& semantic) {
    return layer.fields.value(semantic, semantic);
}

/// A value through the layer's value mapping ("<semantic>:<value>" → canonical).
QString mapped(const ProjectLayer& layer, const QString& semantic, const QString& value) {
    return layer.values.value(semantic + QLatin1Char(':') + value, value);
}

// ---- pools (carbon-methods.md §1, §3) ------------------------------------------------------------

/// Monte Carlo bounds of every pool-method stock and change (runPoolMonteCarlo over the parcels' class
/// and transition areas; carbon-methods.md §6.2) and the sampler for the totals.
void addPoolBounds(const MethodContext& ctx,
                   const PoolRunResult& run,
                   uncertainty::PoolUncertaintyModel model,
                   std::vector<std::vector<uncertainty::PoolUnitAreas>> units,
                   MethodOutput& out) {
    std::vector<uncertainty::PoolUnitAreas> flat;
    for (const auto& batch : units)
        flat.insert(flat.end(), batch.begin(), batch.end());
    uncertainty::MonteCarloOptions options = monteCarloOptions(*ctx.uncertainty, ctx.threads);
    auto st = stage(ctx.feedback, 90, 100);
    options.feedback = st.get();
    const uncertainty::PoolMonteCarloResult mc = uncertainty::runPoolMonteCarlo(model, {}, flat, options);
    std::size_t i = 0;
    for (std::vector<ParcelResult>& batch : out.results)
        for (ParcelResult& r : batch) {
            const uncertainty::UnitUncertainty& u = mc.parcels[i++];
            for (CarbonStock& s : r.stocks)
                for (std::size_t d = 0; d < run.dates.size(); ++d)
                    if (run.dates[d].year == s.year && d < u.stocks.size())
                        s.bounds = boundsOf(u.stocks[d]);
            for (CarbonChange& c : r.changes)
                for (std::size_t p = 0; p < run.pairs.size(); ++p)
                    if (run.pairs[p].year1 == c.year1 && run.pairs[p].year2 == c.year2 &&
                        p < u.changes.size())
                        c.bounds = boundsOf(u.changes[p]);
        }
    std::vector<int> years;
    for (const DateTotals& d : run.dates)
        years.push_back(d.year);
    std::vector<std::pair<int, int>> pairs;
    for (const PairTotals& p : run.pairs)
        pairs.emplace_back(p.year1, p.year2);
    out.sampler = makePoolSampler(
      std::move(model), std::move(years), std::move(pairs), std::move(units), *ctx.uncertainty, ctx.threads);
}

MethodOutput runPoolsAdapter(const MethodContext& ctx) {
    MethodOutput out;
    const Project& project = *ctx.project;
    QString tableFile;
    const params::LoadedTable loaded =
      loadCarbonProjectTable(project, QStringLiteral("pools"), carbonPoolsSpec(), tableFile);
    out.issues = loaded.issues;
    if (params::hasErrors(out.issues))
        return out;
    const PoolLookup pools(loaded.table);
    // Monte Carlo bounds (carbon.uncertainty; carbon-methods.md §6.2): one draw per pool density.
    uncertainty::PoolUncertaintyModel mcModel;
    if (ctx.uncertainty) {
        mcModel =
          uncertainty::buildPoolUncertainty(loaded.table, pools, uncertaintyDefaults(*ctx.uncertainty));
        out.issues.insert(out.issues.end(), mcModel.issues.begin(), mcModel.issues.end());
        warnExactValues(tableFile, mcModel.fixedIds, out.issues);
        if (params::hasErrors(out.issues))
            return out;
    }
    std::vector<LulcInput> inputs;
    for (int y : ctx.years)
        for (const ProjectLayer* l : project.layersWithRole(QStringLiteral("landcover")))
            if (l->year == y) {
                inputs.push_back({ project.resolve(l->path).toStdString(), y });
                break;
            }
    auto check = stage(ctx.feedback, 0, 20);
    const Issues inputIssues = validatePoolInputs(inputs, pools, tableFile, check.get());
    out.issues.insert(out.issues.end(), inputIssues.begin(), inputIssues.end());
    if (params::hasErrors(out.issues))
        return out;
    PoolRunOptions options;
    options.outDir = ctx.outDir;
    options.writeTransitionRasters = ctx.uncertainty != nullptr; // per-parcel transition areas for MC
    auto rasters = stage(ctx.feedback, 20, 50);
    options.feedback = rasters.get();
    const PoolRunResult run = runPoolRasters(inputs, pools, options);
    // The per-cell pass's block cache of the rasters it wrote is freed now; its pages go back to the
    // system before the zonal pass and the results take memory (docs/benchmark.md, "Memory and
    // scaling": ~170 MB at 1,000,000 parcels).
    gis::releaseFreeMemory();
    for (const DateTotals& d : run.dates)
        if (!d.densityRaster.empty())
            out.files << QString::fromStdString(d.densityRaster);
    for (const PairTotals& p : run.pairs) {
        if (!p.changeRaster.empty())
            out.files << QString::fromStdString(p.changeRaster);
        if (!p.transitionRaster.empty())
            out.files << QString::fromStdString(p.transitionRaster);
    }

    const double zonalEnd = ctx.uncertainty ? 90 : 100;
    std::vector<std::vector<uncertainty::PoolUnitAreas>> mcUnits; // per batch, per assigned parcel
    std::size_t total = 0, done = 0;
    for (const MethodBatch& b : ctx.batches)
        total += b.assigned.size();
    // Shared by every result (interned names and implicitly shared QStrings: no allocation per parcel
    // and pool, no interning per parcel).
    std::array<InternedName, kPoolCount> poolNames;
    for (int p = 0; p < kPoolCount; ++p)
        poolNames[std::size_t(p)] = QString::fromLatin1(poolName(p));
    const QString methodDetail = QStringLiteral("pools table %1").arg(QFileInfo(tableFile).fileName());
    const QString poolsMethod = QStringLiteral("pools");
    std::map<std::int64_t, ParameterRowRef> codeRows; // lucode → its row, key "lucode <code>"
    for (const auto& [code, c] : pools.classes())
        codeRows.emplace(code,
                         ParameterRowRef{ c.file, c.line, QStringLiteral("lucode %1").arg(code), c.tag });
    // One parcel's result from its carbon (called concurrently for different parcels).
    const auto poolResult = [&](const MethodBatch& batch, const MethodParcel& mp, const ParcelCarbon& pc) {
        ParcelResult r = makeParcelResult(batch, mp, poolsMethod);
        r.methodDetail = methodDetail;
        r.stocks.reserve(pc.dates.size());
        r.parameters.reserve(pc.usedCodes.size());
        bool anyValid = false;
        for (std::size_t d = 0; d < pc.dates.size(); ++d) {
            const ParcelDate& pd = pc.dates[d];
            const double area = pd.validAreaHa + pd.nodataAreaHa;
            if (area > 0)
                r.nodataShare = std::max(r.nodataShare, pd.nodataAreaHa / area);
            if (pd.validAreaHa <= 0)
                continue;
            anyValid = true;
            CarbonStock s;
            s.year = run.dates[d].year;
            s.pools.reserve(kPoolCount);
            for (int p = 0; p < kPoolCount; ++p)
                s.pools.push_back({ poolNames[std::size_t(p)], pd.poolT[std::size_t(p)] });
            s.totalT = pd.totalT;
            s.areaHa = pd.validAreaHa;
            r.stocks.push_back(std::move(s));
        }
        // Change over cells valid on both dates (InVEST's c_change, §1.4): a stock difference.
        for (std::size_t p = 0; p < run.pairs.size(); ++p)
            if (r.stock(run.pairs[p].year1) && r.stock(run.pairs[p].year2))
                r.changes.push_back({ run.pairs[p].year1,
                                      run.pairs[p].year2,
                                      pc.changeT[p],
                                      ChangeBasis::StockDifference,
                                      {} });
        for (std::int64_t code : pc.usedCodes)
            r.parameters.push_back(codeRows.at(code));
        std::sort(r.parameters.begin(), r.parameters.end());
        if (!anyValid) {
            r.stocks.clear();
            r.changes.clear();
            r.notComputed = CarbonProject::tr("no land-cover data under the parcel at any date");
        }
        return r;
    };
    for (const MethodBatch& batch : ctx.batches) {
        // The assigned parcels only (a layer may mix methods); coverage once per parcel for all dates.
        // When the method has every parcel of the layer, the layer's set itself (no copy of 1,000,000
        // geometries; docs/benchmark.md, "Memory and scaling").
        bool wholeLayer = batch.assigned.size() == batch.parcels->parcels.size();
        for (std::size_t k = 0; k < batch.assigned.size() && wholeLayer; ++k)
            wholeLayer = batch.assigned[k].parcel == k;
        gis::ParcelSet subset;
        if (!wholeLayer) {
            subset.layer = batch.parcels->layer;
            subset.crs = batch.parcels->crs;
            for (const MethodParcel& mp : batch.assigned)
                subset.parcels.push_back(batch.parcels->parcels[mp.parcel]);
        }
        auto zonalStage = stage(ctx.feedback,
                                50 + (zonalEnd - 50) * double(done) / double(total),
                                50 + (zonalEnd - 50) * double(done + batch.assigned.size()) / double(total));
        gis::ZonalOptions zonal;
        zonal.threads = ctx.threads;
        zonal.feedback = zonalStage.get();
        PoolParcelOptions parcelOptions;
        parcelOptions.classAreas = ctx.uncertainty != nullptr; // only Monte Carlo reads them here
        // Each parcel's result is built by the worker thread that computed its carbon, as soon as it
        // is computed, into its place in the batch's list (sized once), and with a releasable layer
        // each parcel's geometry is freed as its statistics are finished: the results take the place
        // of the geometries and statistics, in the same malloc arenas, instead of adding to a list of
        // 1,000,000 ParcelCarbon structs (~0.5 KB each) until the last result is built
        // (docs/benchmark.md, "Memory and scaling"). Each result depends on its parcel only, so the
        // results are the same for any thread count.
        std::vector<ParcelResult> results(batch.assigned.size());
        std::vector<char> built(batch.assigned.size(), 0);
        if (ctx.uncertainty)
            mcUnits.emplace_back(batch.assigned.size());
        std::vector<uncertainty::PoolUnitAreas>* units = ctx.uncertainty ? &mcUnits.back() : nullptr;
        parcelOptions.onParcel = [&](std::size_t k, ParcelCarbon&& pc) {
            if (units)
                (*units)[k] = uncertainty::parcelAreas(pc);
            results[k] = poolResult(batch, batch.assigned[k], pc);
            built[k] = 1;
        };
        if (wholeLayer && batch.releasable == batch.parcels)
            parcelOptions.releaseGeometry = batch.releasable;
        runPoolParcels(wholeLayer ? *batch.parcels : subset, inputs, pools, run, zonal, parcelOptions);
        for (std::size_t k = 0; k < built.size(); ++k)
            if (!built[k]) // runPoolParcels hands over every parcel once; never a silent blank result
                throw gis::GisError(
                  gis::GisError::Kind::InvalidArgument,
                  "internal error: no carbon computed for parcel " +
                    batch.parcels->parcels[batch.assigned[k].parcel].id.toString().toStdString());
        done += batch.assigned.size();
        subset = gis::ParcelSet();
        if (batch.releasable && !parcelOptions.releaseGeometry) // not read again (released above if so)
            for (gis::Parcel& p : batch.releasable->parcels)
                p.geometry = gis::MultiPolygon();
        out.results.push_back(std::move(results));
    }
    if (ctx.uncertainty)
        addPoolBounds(ctx, run, std::move(mcModel), std::move(mcUnits), out);
    return out;
}

QString checkNoOption(const QString& key, const QString&) {
    return CarbonProject::tr("the method takes no option %1").arg(key);
}

// ---- volume (carbon-methods.md §5) ---------------------------------------------------------------

QString checkVolumeOption(const QString& key, const QString& value) {
    if (key == QLatin1String("bef_form") && !parseBefForm(value))
        return CarbonProject::tr("bef_form must be constant or continuous, not '%1'").arg(value);
    return {};
}

/// Monte Carlo bounds of the volume-method stocks of one BEF form (runVolumeMonteCarlo; carbon-methods.md
/// §6.2) and their units for the sampler (`units`: per batch, per result).
void addVolumeBounds(const MethodContext& ctx,
                     const uncertainty::VolumeUncertaintyModel& model,
                     BefForm form,
                     const std::vector<VolumeRecord>& records,
                     const std::vector<VolumeParcel>& parcels,
                     const std::vector<ResultRef>& where,
                     MethodOutput& out,
                     std::vector<std::vector<VolumeSampleUnit>>& units) {
    uncertainty::MonteCarloOptions options = monteCarloOptions(*ctx.uncertainty, ctx.threads);
    const uncertainty::VolumeMonteCarloResult mc =
      uncertainty::runVolumeMonteCarlo(model, records, parcels, form, options);
    units.resize(out.results.size());
    for (std::size_t b = 0; b < out.results.size(); ++b)
        units[b].resize(out.results[b].size());
    for (std::size_t i = 0; i < where.size(); ++i) {
        ParcelResult& r = out.results[where[i].first][where[i].second];
        VolumeSampleUnit& u = units[where[i].first][where[i].second];
        u.form = form;
        u.areaHa = records[i].areaHa;
        u.year = r.stocks.front().year;
        if (!parcels[i].group) { // no volume: no tree carbon, exactly (§5)
            r.stocks.front().bounds = Bounds{ 0, 0, 0, std::numeric_limits<double>::quiet_NaN() };
            continue;
        }
        u.group = parcels[i].group->group;
        u.areaVolumeM3 = records[i].areaHa * parcels[i].volume;
        r.stocks.front().bounds = boundsOf(mc.parcels[i]);
    }
}

MethodOutput runVolumeAdapter(const MethodContext& ctx) {
    MethodOutput out;
    const Project& project = *ctx.project;
    QString tableFile;
    const params::LoadedTable loaded =
      loadCarbonProjectTable(project, QStringLiteral("species"), speciesParamsSpec(), tableFile);
    out.issues = loaded.issues;
    if (params::hasErrors(out.issues))
        return out;
    const SpeciesLookup species(loaded.table);
    // Monte Carlo (carbon.uncertainty, §6.2): per BEF form its parcels and where their results are.
    struct FormParcels {
        std::vector<VolumeRecord> records;
        std::vector<VolumeParcel> parcels;
        std::vector<ResultRef> where;
    };
    std::map<BefForm, FormParcels> mcParcels;
    std::vector<std::vector<VolumeSampleUnit>> mcUnits; // per batch, per assigned parcel
    for (std::size_t b = 0; b < ctx.batches.size(); ++b) {
        if (ctx.feedback) {
            ctx.feedback->throwIfCancelled();
            ctx.feedback->setProgress(100.0 * double(b) / double(ctx.batches.size()), "volume method");
        }
        const MethodBatch& batch = ctx.batches[b];
        const ProjectLayer& layer = *batch.layer;
        const QString path = project.resolve(layer.path);
        const QString speciesField = fieldOf(layer, QStringLiteral("species_group"));
        const QString volumeField = fieldOf(layer, QStringLiteral("volume_m3_per_ha"));
        if (layer.year <= 0)
            out.issues.push_back(error(project.fileName(),
                                       QStringLiteral("layers.%1.year").arg(layer.id),
                                       CarbonProject::tr("layer %1 has no year: the volume method dates its "
                                                         "stock by the inventory year of the layer")
                                         .arg(layer.id)));
        gis::VectorOpenOptions open;
        open.encodingOverride = layer.encoding.toStdString();
        const VolumeAttributes attributes =
          readVolumeAttributes(path.toStdString(), open, speciesField, volumeField);
        out.issues.insert(out.issues.end(), attributes.issues.begin(), attributes.issues.end());
        if (params::hasErrors(out.issues))
            return out;
        std::vector<VolumeRecord> all = joinVolumeRecords(*batch.parcels, attributes);
        for (VolumeRecord& record : all)
            record.species = mapped(layer, QStringLiteral("species_group"), record.species);
        // Warnings (e.g. zero volume, low volumes for the continuous form) once per layer and form,
        // listing the rows; errors per record below, so that a bad record is listed, not fatal.
        for (const BefForm form : { BefForm::Constant, BefForm::Continuous }) {
            std::vector<VolumeRecord> records;
            for (const MethodParcel& mp : batch.assigned)
                if (parseBefForm(mp.option(QStringLiteral("bef_form"))).value_or(BefForm::Constant) == form)
                    records.push_back(all[mp.parcel]);
            if (records.empty())
                continue;
            for (const Issue& i :
                 validateVolumeRecords(records, species, form, path, speciesField, volumeField))
                if (!i.isError())
                    out.issues.push_back(i);
        }
        std::vector<ParcelResult> results;
        for (const MethodParcel& mp : batch.assigned) {
            ParcelResult r = makeParcelResult(batch, mp, QStringLiteral("volume"));
            const BefForm form =
              parseBefForm(mp.option(QStringLiteral("bef_form"))).value_or(BefForm::Constant);
            r.methodDetail = QStringLiteral("bef_form=%1").arg(QLatin1String(befFormName(form)));
            const VolumeRecord& record = all[mp.parcel];
            QStringList reasons;
            for (const Issue& i :
                 validateVolumeRecords({ record }, species, form, path, speciesField, volumeField))
                if (i.isError())
                    reasons << i.message;
            if (!reasons.isEmpty()) {
                r.notComputed = reasons.join(QStringLiteral("; "));
                results.push_back(std::move(r));
                continue;
            }
            const VolumeParcel v = computeVolumeParcels({ record }, species, form).front();
            if (ctx.uncertainty) {
                FormParcels& f = mcParcels[form];
                f.records.push_back(record);
                f.parcels.push_back(v);
                f.where.emplace_back(b, results.size());
            }
            CarbonStock s;
            s.year = layer.year;
            s.pools.push_back({ QStringLiteral("c_biomass"), v.carbonT });
            s.totalT = v.carbonT;
            s.areaHa = r.areaHa;
            r.stocks.push_back(s);
            r.blankNote = CarbonProject::tr("the volume method gives the stock of the inventory year (%1) "
                                            "only; the volume_gainloss route carries it to every date")
                            .arg(layer.year);
            if (v.group) // a stand without volume has no tree carbon and uses no species row (§5)
                r.parameters.push_back({ v.group->file, v.group->line, v.group->group, v.group->tag });
            results.push_back(std::move(r));
        }
        out.results.push_back(std::move(results));
    }
    if (ctx.uncertainty) {
        std::map<BefForm, uncertainty::VolumeUncertaintyModel> models;
        for (auto& [form, f] : mcParcels) {
            uncertainty::VolumeUncertaintyModel model = uncertainty::buildVolumeUncertainty(
              loaded.table, species, form, uncertaintyDefaults(*ctx.uncertainty));
            out.issues.insert(out.issues.end(), model.issues.begin(), model.issues.end());
            warnExactValues(tableFile, model.fixedIds, out.issues);
            if (params::hasErrors(out.issues))
                return out;
            addVolumeBounds(ctx, model, form, f.records, f.parcels, f.where, out, mcUnits);
            models[form] = std::move(model);
        }
        out.sampler = makeVolumeSampler(std::move(models), std::move(mcUnits), *ctx.uncertainty, ctx.threads);
    }
    // Density raster per inventory year (t C/ha) on the grid of the first land-cover layer, so that it
    // lines up with the pool method's rasters; none when the project has no land cover.
    const std::vector<const ProjectLayer*> landcover = project.layersWithRole(QStringLiteral("landcover"));
    if (landcover.empty())
        return out;
    const gis::RasterDataset grid(project.resolve(landcover.front()->path).toStdString());
    std::map<int, std::pair<std::vector<const gis::MultiPolygon*>, std::vector<double>>> byYear;
    for (std::size_t b = 0; b < ctx.batches.size(); ++b)
        for (std::size_t k = 0; k < out.results[b].size(); ++k) {
            const ParcelResult& r = out.results[b][k];
            if (!r.computed() || r.stocks.empty())
                continue;
            auto& entry = byYear[r.stocks.front().year];
            entry.first.push_back(
              &ctx.batches[b].parcels->parcels[ctx.batches[b].assigned[k].parcel].geometry);
            entry.second.push_back(r.stocks.front().densityTPerHa());
        }
    for (const auto& [year, parcels] : byYear) {
        const std::string path = QDir(QString::fromStdString(ctx.outDir))
                                   .filePath(QStringLiteral("c_density_%1.tif").arg(year))
                                   .toStdString();
        writeParcelDensityRaster(
          path, grid.info().grid, grid.info().crs, parcels.first, parcels.second, ctx.feedback);
        out.files << QString::fromStdString(path);
    }
    return out;
}

} // namespace

/// A project parameter table (with a `tag` column: provenance kept, as the sample's copies of the
/// built-in tables; else a user table, rows tagged user) or the built-in default.
std::optional<std::size_t> landUseRuleAt(const std::vector<ProjectLandUseChange>& rules,
                                         const QString& type,
                                         const gis::ZonalStats& landCover,
                                         double* share) {
    if (landCover.validAreaM2 <= 0)
        return std::nullopt;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        if (rules[i].type == type)
            continue;
        double area = 0;
        for (int code : rules[i].classes)
            area += landCover.classAreaM2(code);
        const double s = area / landCover.validAreaM2;
        if (s >= rules[i].minShare) {
            if (share)
                *share = s;
            return i;
        }
    }
    return std::nullopt;
}

params::LoadedTable loadCarbonProjectTable(const Project& project,
                                           const QString& role,
                                           const params::TableSpec& spec,
                                           QString& fileName) {
    const QString name = project.carbon.parameters.value(role);
    if (name.isEmpty()) {
        fileName = QStringLiteral(":/parameters/") + QString::fromLatin1(spec.defaultPath);
        return params::loadDefaultTable(spec);
    }
    const ProjectParameterTable* t = project.parameterTable(name);
    fileName = t ? project.resolve(t->path) : name;
    QFile f(fileName);
    bool tagged = false;
    if (f.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> header = f.readLine().trimmed().split(',');
        for (const QByteArray& h : header)
            tagged = tagged || h.trimmed() == "tag";
    }
    return params::loadTable(
      spec, fileName, tagged ? params::Provenance::Required : params::Provenance::UserSupplied);
}

QStringList carbonParameterRoles() {
    return { QStringLiteral("pools"),           QStringLiteral("species"),
             QStringLiteral("soc_ref"),         QStringLiteral("soil_factors"),
             QStringLiteral("growth_rates"),    QStringLiteral("cbc_biophysical"),
             QStringLiteral("cbc_transitions"), QStringLiteral("mangrove_ws"),
             QStringLiteral("regression") };
}

namespace {

// The options of the method entries (docs/carbon-project.md, "Methods"), each declared once; bef_form, fd
// and forest_classes serve two methods each.

MethodOption befFormOption() {
    MethodOption o;
    o.key = QStringLiteral("bef_form");
    o.label = QT_TRANSLATE_NOOP("Analysis", "BEF form");
    o.help = QT_TRANSLATE_NOOP("Analysis",
                               "Biomass expansion: constant (the species' BEF and wood density) or "
                               "continuous (biomass as a function of the stand volume, B = a + b·V).");
    o.choices = { { QStringLiteral("constant"),
                    QT_TRANSLATE_NOOP("Analysis", "constant: the BEF and wood density of the species") },
                  { QStringLiteral("continuous"),
                    QT_TRANSLATE_NOOP("Analysis",
                                      "continuous: biomass from the stand volume (B = a + b·V)") } };
    o.defaultValue = QStringLiteral("constant");
    o.source = QStringLiteral("carbon-methods.md §5");
    return o;
}

MethodOption fdOption() {
    MethodOption o;
    o.key = QStringLiteral("fd");
    o.label = QT_TRANSLATE_NOOP("Analysis", "Disturbance fraction fd");
    o.help = QT_TRANSLATE_NOOP("Analysis",
                               "Fraction of the biomass lost where forest is cleared or converted (1: all "
                               "of it, the Tier 1 rule).");
    o.number = &disturbanceFractionParameter();
    o.defaultValue = QStringLiteral("1");
    o.source = QString::fromUtf8(o.number->source);
    o.tag = o.number->tag;
    return o;
}

MethodOption forestClassesOption() {
    MethodOption o;
    o.key = QStringLiteral("forest_classes");
    o.label = QT_TRANSLATE_NOOP("Analysis", "Forest classes");
    o.help =
      QT_TRANSLATE_NOOP("Analysis",
                        "Land-cover codes that are forest, with their growth type, as CODE=TYPE pairs "
                        "separated by commas (e.g. 11=natural_secondary_old,12=plantation); empty: the "
                        "sample's classes 11, 12 and 13.");
    QStringList pairs;
    for (const auto& [code, type] : defaultForestClasses())
        pairs << QStringLiteral("%1=%2").arg(code).arg(type);
    o.defaultValue = pairs.join(QLatin1Char(','));
    o.source = QStringLiteral("carbon-methods.md §3.2");
    return o;
}

std::vector<MethodOption> volumeGainLossOptions() {
    MethodOption growth;
    growth.key = QStringLiteral("growth");
    growth.label = QT_TRANSLATE_NOOP("Analysis", "Growth");
    growth.help = QT_TRANSLATE_NOOP("Analysis",
                                    "mai: the stand's mean annual increment (else its group's median, else "
                                    "the growth table); reference: the growth table only.");
    growth.choices = {
        { QStringLiteral("mai"), QT_TRANSLATE_NOOP("Analysis", "mai: the stand's mean annual increment") },
        { QStringLiteral("reference"), QT_TRANSLATE_NOOP("Analysis", "reference: the growth table") }
    };
    growth.defaultValue = QStringLiteral("mai");
    growth.source = QStringLiteral("docs/carbon-project.md, \"The forest route\"");
    MethodOption cap;
    cap.key = QStringLiteral("volume_cap");
    cap.label = QT_TRANSLATE_NOOP("Analysis", "Volume ceiling");
    cap.help = QT_TRANSLATE_NOOP("Analysis",
                                 "inventory: growth stops at the largest volume of the stand's group and "
                                 "origin in the layer (else the Tier 1 ceiling); none: no ceiling.");
    cap.choices = { { QStringLiteral("inventory"),
                      QT_TRANSLATE_NOOP("Analysis", "inventory: the largest volume in the layer") },
                    { QStringLiteral("none"), QT_TRANSLATE_NOOP("Analysis", "none: no ceiling") } };
    cap.defaultValue = QStringLiteral("inventory");
    cap.source = QStringLiteral("docs/carbon-project.md, \"The forest route\"");
    return { befFormOption(), fdOption(), forestClassesOption(), growth, cap };
}

std::vector<MethodOption> soilOptions() {
    const SoilSettings defaults;
    MethodOption zone;
    zone.key = QStringLiteral("climate_zone");
    zone.label = QT_TRANSLATE_NOOP("Analysis", "Climate zone");
    zone.help = QT_TRANSLATE_NOOP("Analysis", "IPCC climate zone of the soc_ref table's rows.");
    zone.defaultValue = defaults.climateZone;
    zone.source = QStringLiteral("carbon-methods.md §3.4");
    MethodOption soil;
    soil.key = QStringLiteral("soil_class");
    soil.label = QT_TRANSLATE_NOOP("Analysis", "Soil class");
    soil.help =
      QT_TRANSLATE_NOOP("Analysis", "IPCC soil class of the soc_ref table's rows (lac: low-activity clay).");
    soil.defaultValue = defaults.soilClass;
    soil.source = QStringLiteral("carbon-methods.md §3.8");
    MethodOption before;
    before.key = QStringLiteral("before");
    before.label = QT_TRANSLATE_NOOP("Analysis", "Before the practice change");
    before.help = QT_TRANSLATE_NOOP("Analysis",
                                    "The input level a plot had before its practice change: low, medium or "
                                    "native.");
    before.choices = { { QStringLiteral("low"), QT_TRANSLATE_NOOP("Analysis", "low: low input") },
                       { QStringLiteral("medium"), QT_TRANSLATE_NOOP("Analysis", "medium: medium input") },
                       { QStringLiteral("native"),
                         QT_TRANSLATE_NOOP("Analysis", "native: native vegetation") } };
    before.defaultValue = QString::fromLatin1(soilBeforeName(defaults.before));
    before.source = QStringLiteral("carbon-methods.md §3.7");
    return { zone, soil, before };
}

std::vector<MethodOption> blueCarbonOptions() {
    MethodOption route;
    route.key = QStringLiteral("route");
    route.label = QT_TRANSLATE_NOOP("Analysis", "Route");
    route.help = QT_TRANSLATE_NOOP("Analysis",
                                   "cbc: Coastal Blue Carbon over the land cover of the carbon years; tier1: "
                                   "Wetlands Supplement restoration from the planting year; auto: tier1 on a "
                                   "layer that maps planting_year, else cbc.");
    route.choices = {
        { QStringLiteral("auto"), QT_TRANSLATE_NOOP("Analysis", "auto: by the layer's fields") },
        { QStringLiteral("cbc"), QT_TRANSLATE_NOOP("Analysis", "cbc: Coastal Blue Carbon") },
        { QStringLiteral("tier1"), QT_TRANSLATE_NOOP("Analysis", "tier1: Wetlands Supplement restoration") }
    };
    route.defaultValue = QStringLiteral("auto");
    route.source = QStringLiteral("carbon-methods.md §2, §4");
    MethodOption invest;
    invest.key = QStringLiteral("invest_compatible");
    invest.label = QT_TRANSLATE_NOOP("Analysis", "InVEST-compatible");
    invest.help = QT_TRANSLATE_NOOP("Analysis",
                                    "cbc route: reproduce InVEST Coastal Blue Carbon's accounting (yes) or "
                                    "Tanhui's (no).");
    invest.choices = { { QStringLiteral("no"), QT_TRANSLATE_NOOP("Analysis", "no") },
                       { QStringLiteral("yes"), QT_TRANSLATE_NOOP("Analysis", "yes") } };
    invest.defaultValue = QStringLiteral("no");
    invest.source = QStringLiteral("carbon-methods.md §2");
    MethodOption climate;
    climate.key = QStringLiteral("climate");
    climate.label = QT_TRANSLATE_NOOP("Analysis", "Mangrove climate");
    climate.help = QT_TRANSLATE_NOOP("Analysis",
                                     "tier1 route: the Wetlands Supplement climate row (tropical wet, "
                                     "tropical dry or subtropical).");
    climate.choices = {
        { QStringLiteral("trop_wet"), QT_TRANSLATE_NOOP("Analysis", "trop_wet: tropical wet") },
        { QStringLiteral("trop_dry"), QT_TRANSLATE_NOOP("Analysis", "trop_dry: tropical dry") },
        { QStringLiteral("subtrop"), QT_TRANSLATE_NOOP("Analysis", "subtrop: subtropical") }
    };
    climate.defaultValue = QStringLiteral("subtrop");
    climate.source = QStringLiteral("carbon-methods.md §4");
    MethodOption planted;
    planted.key = QStringLiteral("planted");
    planted.label = QT_TRANSLATE_NOOP("Analysis", "Planted");
    planted.help = QT_TRANSLATE_NOOP(
      "Analysis", "tier1 route: the mangroves were planted (yes) or regrew naturally (no).");
    planted.choices = { { QStringLiteral("yes"), QT_TRANSLATE_NOOP("Analysis", "yes") },
                        { QStringLiteral("no"), QT_TRANSLATE_NOOP("Analysis", "no") } };
    planted.defaultValue = QStringLiteral("yes");
    planted.source = QStringLiteral("carbon-methods.md §4");
    return { route, invest, climate, planted };
}

std::vector<MethodOption> regressionOptions() {
    MethodOption h;
    h.key = QStringLiteral("r_hysteresis");
    h.label = QT_TRANSLATE_NOOP("Analysis", "Root-ratio hysteresis");
    h.help = QT_TRANSLATE_NOOP("Analysis",
                               "Half-width of the band around 125 t d.m./ha inside which a stratum keeps its "
                               "root-to-shoot class.");
    h.number = &rHysteresisParameter();
    h.defaultValue = QString::number(kDefaultRHysteresisTDmPerHa);
    h.source = QString::fromUtf8(h.number->source);
    h.tag = h.number->tag;
    MethodOption gap;
    gap.key = QStringLiteral("gap_fill");
    gap.label = QT_TRANSLATE_NOOP("Analysis", "Cloud gaps");
    gap.help =
      QT_TRANSLATE_NOOP("Analysis",
                        "none: cloud gaps stay blank; linear: interpolated between the nearest valid "
                        "years.");
    gap.choices = { { QStringLiteral("none"), QT_TRANSLATE_NOOP("Analysis", "none: gaps stay blank") },
                    { QStringLiteral("linear"),
                      QT_TRANSLATE_NOOP("Analysis", "linear: interpolated between valid years") } };
    gap.defaultValue = QStringLiteral("none");
    gap.source = QStringLiteral("carbon-methods.md §6.1");
    return { h, gap };
}

} // namespace

QString methodOptionDefault(const QString& key) {
    for (const MethodInfo& m : carbonMethods())
        if (const MethodOption* o = findMethodOption(m, key))
            return o->defaultValue;
    return {};
}

QString MethodParcel::option(const QString& key) const {
    const auto it = options.constFind(key);
    return (it != options.cend() ? *it : methodOptionDefault(key)).trimmed();
}

const MethodOption* findMethodOption(const MethodInfo& method, const QString& key) {
    for (const MethodOption& o : method.options)
        if (o.key == key)
            return &o;
    return nullptr;
}

const std::vector<MethodInfo>& carbonMethods() {
    static const std::vector<MethodInfo> methods = {
        { QStringLiteral("pools"),
          QStringLiteral("Land-cover pool table (IPCC Tier 1 / InVEST Carbon), carbon-methods.md §1, §3"),
          {},
          {},
          true,
          &checkNoOption,
          &runPoolsAdapter,
          {},
          nullptr },
        { QStringLiteral("volume"),
          QStringLiteral("Stand volume × species parameters per sub-compartment, carbon-methods.md §5"),
          { befFormOption() },
          { QStringLiteral("species_group"), QStringLiteral("volume_m3_per_ha") },
          false,
          &checkVolumeOption,
          &runVolumeAdapter,
          {},
          nullptr },
        { QStringLiteral("volume_gainloss"),
          QStringLiteral("Stand volume stock at the inventory year (§5) carried to every carbon year by "
                         "gain − loss (§3.2): growth from the stand's mean annual increment or the growth "
                         "table by origin and age, losses at the stand's own density"),
          volumeGainLossOptions(),
          { QStringLiteral("species_group"),
            QStringLiteral("volume_m3_per_ha"),
            QStringLiteral("age_years"),
            QStringLiteral("origin") },
          true,
          &checkVolumeGainLossOption,
          &runVolumeGainLossAdapter,
          {},
          nullptr },
        { QStringLiteral("soil"),
          QStringLiteral(
            "Cropland soil organic carbon (IPCC Tier 1, Eq. 2.25), carbon-methods.md §3.3, §3.7"),
          soilOptions(),
          { QStringLiteral("crop") },
          false,
          &checkSoilOption,
          &runSoilAdapter,
          {},
          nullptr },
        { QStringLiteral("gainloss"),
          QStringLiteral("Forest growth − disturbance from land-cover transitions, carbon-methods.md §3.2"),
          { fdOption(), forestClassesOption() },
          {},
          true,
          &checkGainLossOption,
          &runGainLossAdapter,
          {},
          nullptr },
        { QStringLiteral("bluecarbon"),
          QStringLiteral(
            "Coastal Blue Carbon per parcel (§2) or Wetlands Supplement Tier 1 restoration (§4)"),
          blueCarbonOptions(),
          {},
          true,
          &checkBlueCarbonOption,
          &runBlueCarbonAdapter,
          {},
          nullptr },
        { QStringLiteral("regression"),
          QStringLiteral("NDVI → above-ground biomass → carbon, user coefficients, carbon-methods.md §6.1"),
          regressionOptions(),
          {},
          true,
          &checkRegressionOption,
          &runRegressionAdapter,
          QStringLiteral("regression"),
          QT_TRANSLATE_NOOP("CarbonAdapters",
                            "the regression method has no default coefficients: name your fitted table in "
                            "carbon.parameters.regression (tanhui-cli carbon --method regression "
                            "--write-template makes one)") },
    };
    return methods;
}

const MethodInfo* findCarbonMethod(const QString& name) {
    for (const MethodInfo& m : carbonMethods())
        if (m.name == name)
            return &m;
    return nullptr;
}

void writeParcelDensityRaster(const std::string& path,
                              const gis::Grid& grid,
                              const gis::Crs& crs,
                              const std::vector<const gis::MultiPolygon*>& geometries,
                              const std::vector<double>& densityTPerHa,
                              gis::Feedback* feedback) {
    constexpr int kBandRows = 256;
    constexpr double kNodata = -1.0;
    gis::RasterSpec spec;
    spec.grid = grid;
    spec.crs = crs;
    spec.type = gis::RasterSpec::Type::Float32;
    spec.nodata = kNodata;
    spec.bandDescriptions = { "c_density_t_per_ha" };
    spec.metadata = { { "UNITS", "t C/ha" } };
    spec.cloudOptimized = true; // density rasters as Cloud-Optimised GeoTIFF (issue 14)
    gis::RasterWriter writer(path, spec);
    std::vector<gis::Window> windows;
    for (const gis::MultiPolygon* g : geometries)
        windows.push_back(gis::coverageWindow(*g, grid));
    std::vector<double> value, covered;
    gis::CoverageWindow coverage;
    gis::CoverageWorkspace workspace;
    for (int row0 = 0; row0 < grid.rows; row0 += kBandRows) {
        if (feedback) {
            feedback->throwIfCancelled();
            feedback->setProgress(100.0 * double(row0) / double(grid.rows), "density raster");
        }
        const int rows = std::min(kBandRows, grid.rows - row0);
        value.assign(std::size_t(rows) * std::size_t(grid.cols), 0.0);
        covered.assign(value.size(), 0.0);
        for (std::size_t p = 0; p < geometries.size(); ++p) {
            const gis::Window& w = windows[p];
            if (w.isEmpty() || std::isnan(densityTPerHa[p]) || w.row0 >= row0 + rows ||
                w.row0 + w.rows <= row0)
                continue;
            gis::Window part = w;
            part.row0 = std::max(w.row0, row0);
            part.rows = std::min(w.row0 + w.rows, row0 + rows) - part.row0;
            gis::computeCoverage(*geometries[p], grid, part, coverage, workspace);
            for (int r = part.row0; r < part.row0 + part.rows; ++r)
                for (int c = part.col0; c < part.col0 + part.cols; ++c) {
                    const double f = coverage.at(r, c);
                    if (f <= 0)
                        continue;
                    const std::size_t i = std::size_t(r - row0) * std::size_t(grid.cols) + std::size_t(c);
                    value[i] += f * densityTPerHa[p];
                    covered[i] += f;
                }
        }
        for (std::size_t i = 0; i < value.size(); ++i)
            if (covered[i] <= 0)
                value[i] = kNodata;
        writer.writeRows(1, row0, rows, value.data());
    }
    writer.commit(feedback);
    if (feedback)
        feedback->setProgress(100.0, "density raster");
}

ParcelResult makeParcelResult(const MethodBatch& batch, const MethodParcel& parcel, const QString& method) {
    const gis::Parcel& p = batch.parcels->parcels[parcel.parcel];
    ParcelResult r;
    r.layer = batch.layer->id;
    r.fid = p.fid;
    r.id = p.id.toString();
    r.ecosystemType = parcel.ecosystemType;
    r.method = method;
    r.areaHa = p.ellipsoidalAreaM2 / 10000.0;
    r.geometryRepaired = p.repaired;
    // No copy of the WKB: the runner moves it from the parcel set to the result once the methods have
    // run (docs/benchmark.md, "Memory and scaling").
    return r;
}

std::optional<ProjectCarbonLayer> defaultCarbonLayer(const ProjectLayer& layer) {
    ProjectCarbonLayer c;
    c.layer = layer.id;
    const QString type = QStringLiteral("ecosystem_type");
    if (layer.role == QLatin1String("forest_subcompartments")) {
        if (layer.fields.contains(type))
            c.ecosystemTypeField = type;
        else
            c.ecosystemType = QStringLiteral("forest");
    } else if (layer.role == QLatin1String("farmland_plots")) {
        c.ecosystemType = QStringLiteral("cropland");
    } else if (layer.role == QLatin1String("wetland_units")) {
        c.ecosystemTypeField = type;
    } else if (layer.role == QLatin1String("restoration_plots")) {
        c.ecosystemType = QStringLiteral("mangrove");
    } else {
        return std::nullopt;
    }
    return c;
}

std::vector<ProjectCarbonLayer> carbonLayers(const Project& project) {
    if (!project.carbon.layers.empty())
        return project.carbon.layers;
    std::vector<ProjectCarbonLayer> out;
    for (const ProjectLayer& l : project.layers)
        if (l.kind == QLatin1String("vector"))
            if (auto c = defaultCarbonLayer(l))
                out.push_back(*c);
    return out;
}

std::vector<int> carbonYears(const Project& project) {
    if (!project.carbon.years.empty())
        return project.carbon.years;
    std::set<int> years;
    for (const ProjectLayer* l : project.layersWithRole(QStringLiteral("landcover")))
        if (l->year > 0)
            years.insert(l->year);
    return { years.begin(), years.end() };
}

namespace {

/// carbon.methods: every entry names a known method once per type, with options it takes and values its
/// check accepts. Returns whether any listed method reads the land cover.
bool validateMethodEntries(const Project& project, Issues& issues) {
    const QString file = project.fileName();
    const ProjectCarbon& c = project.carbon;
    QStringList known;
    for (const MethodInfo& m : carbonMethods())
        known << m.name;
    bool needsLandCover = false;
    for (auto it = c.methods.begin(); it != c.methods.end(); ++it) {
        const std::vector<ProjectCarbonMethod>& entries = it.value();
        if (entries.empty())
            issues.push_back(error(
              file,
              QStringLiteral("carbon.methods.") + it.key(),
              CarbonProject::tr("no method given; known methods: %1").arg(known.join(QStringLiteral(", ")))));
        QSet<QString> listed;
        for (std::size_t e = 0; e < entries.size(); ++e) {
            const ProjectCarbonMethod& entry = entries[e];
            // carbon.methods.forest, or carbon.methods.forest[1] in a list of several methods.
            const QString key = entries.size() == 1
                                  ? QStringLiteral("carbon.methods.") + it.key()
                                  : QStringLiteral("carbon.methods.%1[%2]").arg(it.key()).arg(e);
            const MethodInfo* m = findCarbonMethod(entry.method);
            if (!m) {
                issues.push_back(error(file,
                                       key,
                                       entry.method.isEmpty()
                                         ? CarbonProject::tr("no \"method\" given; known methods: %1")
                                             .arg(known.join(QStringLiteral(", ")))
                                         : CarbonProject::tr("unknown method '%1'; known methods: %2")
                                             .arg(entry.method, known.join(QStringLiteral(", ")))));
                continue;
            }
            if (listed.contains(m->name))
                issues.push_back(error(file,
                                       key,
                                       CarbonProject::tr("method %1 is listed twice for %2; list each "
                                                         "method once (the first one is the primary one)")
                                         .arg(m->name, it.key())));
            listed.insert(m->name);
            needsLandCover = needsLandCover || m->needsLandCover;
            // A table the method has no default for: named now, not after the other methods have run.
            const QString tableKey = QStringLiteral("carbon.parameters.") + m->requiredTable;
            if (!m->requiredTable.isEmpty() && c.parameters.value(m->requiredTable).isEmpty() &&
                std::none_of(
                  issues.begin(), issues.end(), [&](const params::Issue& i) { return i.column == tableKey; }))
                issues.push_back(
                  error(file, tableKey, QCoreApplication::translate("CarbonAdapters", m->requiredTableHelp)));
            for (auto o = entry.options.begin(); o != entry.options.end(); ++o) {
                if (!findMethodOption(*m, o.key())) {
                    QStringList keys;
                    for (const MethodOption& mo : m->options)
                        keys << mo.key;
                    issues.push_back(error(
                      file,
                      key + QLatin1Char('.') + o.key(),
                      m->options.empty() ? CarbonProject::tr("method %1 takes no options").arg(m->name)
                                         : CarbonProject::tr("method %1 has no option '%2'; its options: %3")
                                             .arg(m->name, o.key(), keys.join(QStringLiteral(", ")))));
                    continue;
                }
                const QString problem = m->checkOption ? m->checkOption(o.key(), o.value()) : QString();
                if (!problem.isEmpty())
                    issues.push_back(error(file, key + QLatin1Char('.') + o.key(), problem));
            }
        }
    }
    return needsLandCover;
}

/// carbon.layers (vector layers of the project, each once, with one way to give the ecosystem type, and a
/// method for a layer-wide type) and carbon.grouping (a name, and a layer or a field).
void validateCarbonLayersAndGrouping(const Project& project, Issues& issues) {
    const QString file = project.fileName();
    const ProjectCarbon& c = project.carbon;
    const std::vector<ProjectCarbonLayer> layers = carbonLayers(project);
    if (layers.empty())
        issues.push_back(error(file,
                               QStringLiteral("carbon.layers"),
                               CarbonProject::tr("no parcel layers: list them in carbon.layers")));
    QSet<QString> seen;
    for (const ProjectCarbonLayer& cl : layers) {
        const QString key = QStringLiteral("carbon.layers.") + cl.layer;
        const ProjectLayer* l = project.layer(cl.layer);
        if (!l || l->kind != QLatin1String("vector")) {
            issues.push_back(
              error(file, key, CarbonProject::tr("%1 is not a vector layer of the project").arg(cl.layer)));
            continue;
        }
        if (seen.contains(cl.layer))
            issues.push_back(error(file, key, CarbonProject::tr("layer %1 is listed twice").arg(cl.layer)));
        seen.insert(cl.layer);
        if (cl.ecosystemType.isEmpty() == cl.ecosystemTypeField.isEmpty())
            issues.push_back(error(file,
                                   key,
                                   CarbonProject::tr("give either \"ecosystem_type\" (one type for the "
                                                     "whole layer) or \"ecosystem_type_field\", not both "
                                                     "or neither")));
        if (!cl.ecosystemType.isEmpty() && !c.methods.contains(cl.ecosystemType) &&
            !c.methods.contains(QStringLiteral("*")) && cl.methodField.isEmpty())
            issues.push_back(error(file,
                                   QStringLiteral("carbon.methods"),
                                   CarbonProject::tr("ecosystem type %1 (layer %2) has no method; add "
                                                     "\"%1\": {\"method\": ...} to carbon.methods")
                                     .arg(cl.ecosystemType, cl.layer)));
    }
    if (!c.groupLayer.isEmpty() || !c.groupField.isEmpty()) {
        if (c.groupName.isEmpty())
            issues.push_back(error(file,
                                   QStringLiteral("carbon.grouping.name"),
                                   CarbonProject::tr("the grouping needs a \"name\" (the output column, "
                                                     "e.g. \"district\")")));
        if (!c.groupLayer.isEmpty()) {
            const ProjectLayer* g = project.layer(c.groupLayer);
            if (!g || g->kind != QLatin1String("vector"))
                issues.push_back(
                  error(file,
                        QStringLiteral("carbon.grouping.layer"),
                        CarbonProject::tr("%1 is not a vector layer of the project").arg(c.groupLayer)));
        }
    } else if (!c.groupName.isEmpty()) {
        issues.push_back(
          error(file,
                QStringLiteral("carbon.grouping"),
                CarbonProject::tr("the grouping needs a \"layer\" (polygons) or a \"field\"")));
    }
}

/// carbon.land_use_change (docs/carbon-project.md "Ecosystem per date"): each rule's type, classes and
/// share, and a land-cover layer at every carbon year.
void validateLandUseChangeRules(const Project& project, Issues& issues) {
    const QString file = project.fileName();
    const ProjectCarbon& c = project.carbon;
    for (std::size_t i = 0; i < c.landUseChange.size(); ++i) {
        const ProjectLandUseChange& r = c.landUseChange[i];
        const QString key = QStringLiteral("carbon.land_use_change[%1]").arg(i);
        if (r.type.isEmpty())
            issues.push_back(error(
              file, key + QStringLiteral(".type"), CarbonProject::tr("the rule names no ecosystem type")));
        if (r.classes.empty())
            issues.push_back(
              error(file,
                    key + QStringLiteral(".classes"),
                    CarbonProject::tr("the rule lists no land-cover class; give the codes of the "
                                      "project's classes, e.g. [61]")));
        if (!(r.minShare > 0 && r.minShare <= 1))
            issues.push_back(error(
              file,
              key + QStringLiteral(".min_share"),
              CarbonProject::tr("min_share must be a share above 0 and at most 1, not %1").arg(r.minShare)));
        if (!project.classes.empty())
            for (int code : r.classes)
                if (std::none_of(project.classes.begin(), project.classes.end(), [&](const ProjectClass& pc) {
                        return pc.code == code;
                    }))
                    issues.push_back(
                      error(file,
                            key + QStringLiteral(".classes"),
                            CarbonProject::tr("land-cover class %1 is not one of the project's "
                                              "classes")
                              .arg(code)));
    }
    if (!c.landUseChange.empty())
        for (int y : carbonYears(project)) {
            const auto lc = project.layersWithRole(QStringLiteral("landcover"));
            if (std::none_of(lc.begin(), lc.end(), [&](const ProjectLayer* l) { return l->year == y; }))
                issues.push_back(error(file,
                                       QStringLiteral("carbon.land_use_change"),
                                       CarbonProject::tr("the land-use change rules need a land-cover layer "
                                                         "for every carbon year; %1 has none")
                                         .arg(y)));
        }
}

} // namespace

Issues validateCarbonProject(const Project& project) {
    Issues issues;
    const QString file = project.fileName();
    const ProjectCarbon& c = project.carbon;
    if (!c.present) {
        issues.push_back(error(file,
                               QStringLiteral("carbon"),
                               CarbonProject::tr("the project has no \"carbon\" section; add one (see "
                                                 "docs/carbon-project.md)")));
        return issues;
    }
    const bool needsLandCover = validateMethodEntries(project, issues);
    const std::vector<int> years = carbonYears(project);
    if (years.empty())
        issues.push_back(error(file,
                               QStringLiteral("carbon.years"),
                               CarbonProject::tr("no carbon years: list them in carbon.years or add "
                                                 "dated land-cover layers")));
    for (std::size_t i = 1; i < years.size(); ++i)
        if (years[i] <= years[i - 1])
            issues.push_back(error(file,
                                   QStringLiteral("carbon.years"),
                                   CarbonProject::tr("years must be strictly increasing: %1 comes after %2")
                                     .arg(years[i])
                                     .arg(years[i - 1])));
    if (needsLandCover)
        for (int y : years) {
            bool found = false;
            for (const ProjectLayer* l : project.layersWithRole(QStringLiteral("landcover")))
                found = found || l->year == y;
            if (!found)
                issues.push_back(error(file,
                                       QStringLiteral("carbon.years"),
                                       CarbonProject::tr("no land-cover layer (role \"landcover\") for %1, "
                                                         "which the pool method needs")
                                         .arg(y)));
        }
    validateCarbonLayersAndGrouping(project, issues);
    for (auto it = c.parameters.begin(); it != c.parameters.end(); ++it) {
        const QString key = QStringLiteral("carbon.parameters.") + it.key();
        if (!carbonParameterRoles().contains(it.key()))
            issues.push_back(error(file,
                                   key,
                                   CarbonProject::tr("unknown parameter role '%1'; known: %2")
                                     .arg(it.key(), carbonParameterRoles().join(QStringLiteral(", ")))));
        else if (!project.parameterTable(it.value()))
            issues.push_back(
              error(file,
                    key,
                    CarbonProject::tr("the project lists no parameter table named '%1'").arg(it.value())));
    }
    // The valuation settings against the declarations the CLI's --price, --discount and --price-change
    // use (carbon-methods.md §1.1, §1.3): a negative price is an error, a negative discount a warning.
    for (const auto& [value, id, key] : { std::tuple{ c.price, "price", "price" },
                                          std::tuple{ c.discountPct, "discount", "discount" },
                                          std::tuple{ c.priceChangePct, "price-change", "price_change" } })
        if (value)
            for (const Issue& i :
                 params::validateScalar(valuationParameter(id),
                                        *value,
                                        QStringLiteral("carbon.valuation.") + QLatin1String(key),
                                        file))
                issues.push_back(i);
    if ((c.discountPct || c.priceChangePct) && !c.price)
        issues.push_back(error(file,
                               QStringLiteral("carbon.valuation"),
                               CarbonProject::tr("discount and price_change need a price")));
    validateUncertaintySettings(project, issues);
    validateLandUseChangeRules(project, issues);
    QStringList parcelLayers;
    for (const ProjectCarbonLayer& l : carbonLayers(project))
        parcelLayers << l.layer;
    validateLayerPrecedence(project, parcelLayers, issues);
    return issues;
}

namespace {

/// Attribute values of some fields by FID; a missing field becomes an error naming the layer.
std::map<std::int64_t, std::vector<QVariant>> readFields(const Project& project,
                                                         const ProjectLayer& layer,
                                                         const QStringList& fields,
                                                         const QStringList& keys,
                                                         Issues& issues) {
    std::map<std::int64_t, std::vector<QVariant>> out;
    gis::VectorOpenOptions open;
    open.encodingOverride = layer.encoding.toStdString();
    gis::VectorLayer vl(project.resolve(layer.path).toStdString(), open);
    std::vector<int> index;
    QStringList names;
    for (const gis::FieldInfo& f : vl.info().fields)
        names << f.name;
    bool ok = true;
    for (int k = 0; k < fields.size(); ++k) {
        index.push_back(vl.fieldIndex(fields[k]));
        if (index.back() < 0) {
            ok = false;
            issues.push_back(
              error(project.fileName(),
                    keys[k],
                    CarbonProject::tr("layer %1 (%2) has no field '%3'; its fields are: %4")
                      .arg(layer.id, layer.path, fields[k], names.join(QStringLiteral(", ")))));
        }
    }
    if (!ok)
        return out;
    gis::Feature f;
    vl.resetReading();
    while (vl.next(f)) {
        std::vector<QVariant>& v = out[f.fid];
        for (int i : index)
            v.push_back(f.attributes[std::size_t(i)]);
    }
    return out;
}

QString text(const QVariant& v) {
    return v.isNull() ? QString() : v.toString().trimmed();
}

/// The stocks of a result whose parcel changed its land use (docs/carbon-project.md "Ecosystem per date"),
/// for methods whose stocks do not follow the land cover (soil, volume). At a date where rule
/// `ruleAt[d]` holds with share s of the parcel's valid land-cover area, over that share:
/// - biomass and dead organic matter of the old use are lost at once and replaced by the new use's
///   densities from the pool table (carbon-methods.md §3.2, Eq. 2.15/2.16: Tier 1 B_AFTER right after
///   the conversion; DOM losses happen at once on clearing);
/// - soil carbon moves linearly from the stock of the last date before the change (the last date with
///   the parcel's own type) to the new use's c_soil over D = 20 years (§3.3, the per-pixel transition
///   model: SOC(t) = SOC(t0) + (SOC_eq,new − SOC(t0)) × min(1, (t − t0) / 20)); for a parcel changed
///   already at its first date, t0 is the first date (the earliest date the record shows the change).
/// The rest of the parcel (1 − s) keeps the method's stock. Changes with an altered end date become the
/// stock difference (and every change of an altered result is labelled so); their bounds and those of the
/// altered stocks are removed (the method's sampler draws its own stocks) and refilled by the runner
/// from `altered`: each altered stock as a linear form in the method's stocks and the new use's pool
/// densities (AlteredStock, ProjectUncertainty.h). `altered` is left empty when a stock mixes soil and
/// other pools (not one of the soil or volume methods' stocks): it then has no bounds.
void applyLandUseChange(ParcelResult& r,
                        const std::vector<int>& years,
                        const std::vector<std::optional<std::size_t>>& ruleAt,
                        const std::vector<double>& shareAt,
                        const std::vector<const gis::ZonalStats*>& landCover,
                        const std::vector<ProjectLandUseChange>& rules,
                        const PoolLookup& pools,
                        std::optional<AlteredResult>& linearForm) {
    linearForm.emplace();
    // The method's stock is one pool (soil: c_soil; volume: c_biomass) or has no soil pool: then keep ×
    // its total is the unconverted part (carbon-methods.md §3.2, §3.3).
    auto linear = [](const CarbonStock& s) {
        bool soil = false, other = false;
        for (const PoolStock& p : s.pools)
            (p.pool == QLatin1String("c_soil") ? soil : other) = true;
        return !(soil && other);
    };
    auto dateIndex = [&](int year) -> std::optional<std::size_t> {
        const auto it = std::find(years.begin(), years.end(), year);
        return it == years.end() ? std::nullopt : std::optional<std::size_t>(std::size_t(it - years.begin()));
    };
    auto changedAt = [&](int year) {
        const auto d = dateIndex(year);
        return d && ruleAt[*d].has_value();
    };
    const std::vector<CarbonStock> before = r.stocks;
    const QString soilName = QString::fromLatin1(poolName(2));
    std::set<ParameterRowRef> rows(r.parameters.begin(), r.parameters.end());
    QStringList notes;
    std::set<int> alteredYears;
    for (CarbonStock& s : r.stocks) {
        const auto d = dateIndex(s.year);
        if (!d || !ruleAt[*d])
            continue;
        const ProjectLandUseChange& rule = rules[*ruleAt[*d]];
        const double share = shareAt[*d];
        // The new use's densities (t C/ha): the rule's classes under the parcel, area-weighted.
        std::array<double, kPoolCount> density{};
        double classArea = 0;
        for (int code : rule.classes) {
            const double a = landCover[*d]->classAreaM2(code);
            const PoolClass* pc = pools.find(code);
            if (a <= 0 || !pc)
                continue;
            classArea += a;
            for (int p = 0; p < kPoolCount; ++p)
                density[std::size_t(p)] += a * pc->density[std::size_t(p)];
            rows.insert({ pc->file, pc->line, QStringLiteral("lucode %1").arg(code), pc->tag });
        }
        for (double& x : density)
            x = classArea > 0 ? x / classArea : 0.0;
        const double convertedHa = share * s.areaHa;
        // The last earlier date with the parcel's own type (its soil stock is where the transition starts);
        // a parcel changed since the first date starts there (the earliest date the record shows it).
        const CarbonStock* start = nullptr;
        for (const CarbonStock& b : before)
            if (b.year < s.year && !changedAt(b.year))
                start = &b;
        if (!start && !before.empty())
            start = &before.front();
        const bool methodLinear = linear(s); // before the rule changes its pools
        bool altered = false; // the stock differs from the method's (its bounds no longer apply)
        AlteredStock form;    // the same stock as a linear form in the draws (ProjectUncertainty.h)
        form.year = s.year;
        form.keep = 1.0 - share;
        bool hasSoil = false;
        double f = 0; // share of the 20-year soil transition done (§3.3)
        for (PoolStock& p : s.pools) {
            if (p.pool != soilName) {
                altered = altered || p.t != 0;
                p.t *= 1.0 - share;
                continue;
            }
            hasSoil = true;
            if (start && start->year == s.year) {
                form.keep = 1.0;
                continue; // the transition starts at this date: the soil stock is still the method's
            }
            altered = true;
            const double soilEq = convertedHa * density[2];
            double converted = soilEq;
            f = 1.0;
            if (start) {
                double soil0 = 0;
                for (const PoolStock& q : start->pools)
                    if (q.pool == soilName)
                        soil0 = share * q.t;
                f = std::min(1.0, double(s.year - start->year) / 20.0);
                converted = soil0 + (soilEq - soil0) * f;
                form.soilFrom = start->year;
                form.soilWeight = share * (1.0 - f);
                if (!linear(*start))
                    linearForm.reset();
            }
            p.t = (1.0 - share) * p.t + converted;
        }
        // The new use's densities per class: s × area × the class's share of the rule's classes, for
        // each pool the deterministic rule adds (× f for c_soil, the transition's progress).
        for (int code : rule.classes) {
            const double a = landCover[*d]->classAreaM2(code);
            if (a <= 0 || !pools.find(code) || classArea <= 0)
                continue;
            const double ha = convertedHa * a / classArea;
            for (int p : { 0, 1, 3 })
                if (density[std::size_t(p)] > 0)
                    form.poolHa.push_back({ { code, p }, ha });
            if (hasSoil && f > 0)
                form.poolHa.push_back({ { code, 2 }, ha * f });
        }
        for (int p : { 0, 1, 3 }) // the new use's biomass and dead organic matter
            if (density[std::size_t(p)] > 0) {
                const QString name = QString::fromLatin1(poolName(p));
                auto it = std::find_if(
                  s.pools.begin(), s.pools.end(), [&](const PoolStock& x) { return x.pool == name; });
                if (it == s.pools.end())
                    s.pools.push_back({ name, convertedHa * density[std::size_t(p)] });
                else
                    it->t += convertedHa * density[std::size_t(p)];
                altered = true;
            }
        if (altered) {
            alteredYears.insert(s.year);
            s.totalT = 0;
            for (const PoolStock& p : s.pools)
                s.totalT += p.t;
            s.bounds.reset();
            form.centralT = s.totalT;
            if (!methodLinear)
                linearForm.reset();
            if (linearForm)
                linearForm->stocks.push_back(std::move(form));
        }
        notes << QStringLiteral("%1 %2 (%3 %)").arg(s.year).arg(rule.type).arg(share * 100.0, 0, 'f', 1);
    }
    for (CarbonChange& ch : r.changes) {
        // Every change of an altered result is a stock difference (for soil the method's ΔSOC already
        // is one), so that its basis is one for the row.
        if (!alteredYears.empty())
            ch.basis = ChangeBasis::StockDifference;
        if (!alteredYears.count(ch.year1) && !alteredYears.count(ch.year2))
            continue;
        const CarbonStock* a = r.stock(ch.year1);
        const CarbonStock* b = r.stock(ch.year2);
        if (a && b) {
            ch.changeT = b->totalT - a->totalT;
            ch.basis = ChangeBasis::StockDifference;
        }
        ch.bounds.reset();
    }
    r.parameters.assign(rows.begin(), rows.end());
    if (!notes.isEmpty())
        r.methodDetail += (r.methodDetail.isEmpty() ? QString() : QStringLiteral("; ")) +
                          QStringLiteral("land-use change ") + notes.join(QStringLiteral(", "));
}

gis::ParcelReadOptions layerReadOptions(const ProjectLayer& layer, int threads) {
    gis::ParcelReadOptions options;
    options.open.encodingOverride = layer.encoding.toStdString();
    options.idField = layer.idField;
    options.threads = threads;
    // No WKB: the parcels table reads each geometry again when it is written (gis::ParcelGeometries;
    // docs/benchmark.md, "Memory and scaling").
    options.keepWkb = false;
    return options;
}

gis::ParcelSet readLayer(const Project& project, const ProjectLayer& layer, int threads, gis::Feedback* fb) {
    return gis::readParcels(project.resolve(layer.path).toStdString(), layerReadOptions(layer, threads), fb);
}

} // namespace

namespace {

/// One parcel layer of a carbon project run: its parcels and, per parcel, its type, group and methods.
struct LayerData {
    const ProjectLayer* layer = nullptr;
    ProjectCarbonLayer settings;
    gis::ParcelSet parcels;
    // Per parcel, 8 and 4 bytes: at 1,000,000 parcels a QString and a QStringList each would hold
    // ~140 MB for a handful of distinct values (docs/benchmark.md, "Memory and scaling").
    std::vector<InternedName> types, groups;
    std::vector<std::uint32_t> methodList; ///< index into methodLists
    std::vector<QStringList> methodLists;  ///< distinct method lists, the primary method first
    std::map<QStringList, std::uint32_t> methodListIndex;
    /// Parcel k's methods, the primary one first.
    const QStringList& methods(std::size_t k) const { return methodLists[methodList[k]]; }
    void addMethods(const QStringList& methods) {
        const auto [it, added] = methodListIndex.try_emplace(methods, std::uint32_t(methodLists.size()));
        if (added)
            methodLists.push_back(methods);
        methodList.push_back(it->second);
    }
};

/// Where one method's result of one parcel is (step 3 of runCarbonProject): output, batch and index in
/// the methods' outputs, and the Monte Carlo sampler of the method.
struct Slot {
    static constexpr std::uint32_t kNone = ~std::uint32_t(0);
    // 32-bit indices: 40 bytes per result instead of 64 (docs/benchmark.md, "Memory and scaling").
    std::uint32_t output = kNone; ///< index into `outputs`; kNone: no result
    std::uint32_t batch = 0, k = 0;
    /// The result of the parcel's accounted part (partOutputs; kNone: none, the share rule).
    std::uint32_t partOutput = kNone;
    std::uint32_t partBatch = 0, partK = 0;
    const MethodSampler* sampler = nullptr;
    const MethodSampler* partSampler = nullptr;
};

/// What the steps of one carbon project run share (runCarbonProject): the layers, the methods' outputs
/// and where each parcel's results are in them, until step 4 gathers them.
struct RunState {
    RunState(const Project& p, const CarbonProjectOptions& o, CarbonProjectRun& r)
      : project(p)
      , options(o)
      , run(r)
      , c(p.carbon)
      , file(p.fileName())
      , fb(o.feedback)
      , mcSettings(uncertaintySettings(p)) {}

    const Project& project;
    const CarbonProjectOptions& options;
    CarbonProjectRun& run;
    const ProjectCarbon& c;
    const QString file; ///< the project file, named in messages
    gis::Feedback* fb;
    std::optional<UncertaintySettings> mcSettings;
    std::vector<std::shared_ptr<const MethodSampler>> samplers;
    std::vector<LayerData> data;
    std::vector<MethodOutput> outputs;
    /// The accounted parts' parcel sets (step 3), alive until the results are gathered.
    std::vector<std::unique_ptr<gis::ParcelSet>> partSets;
    std::size_t partCount = 0;
    /// resultSlots[i][firstSlot[i][k] .. firstSlot[i][k + 1]) are parcel k's of layer i.
    std::vector<std::vector<std::size_t>> firstSlot;
    std::vector<std::vector<Slot>> resultSlots;
    double progress = 25; ///< % reached by the methods (step 3)

    ParcelResult* resultAt(const Slot& s) {
        return s.output == Slot::kNone ? nullptr : &outputs[s.output].results[s.batch][s.k];
    }

    // The steps, in order; those returning bool return false when the run stops (run.issues say why).
    bool readParcelLayers();
    void computeGroundLedger();
    bool assignGroups();
    void addPartBatches(const MethodInfo& m,
                        const std::vector<std::size_t>& layerOfBatch,
                        MethodContext& ctx,
                        std::vector<std::size_t>& partOf,
                        std::vector<std::vector<std::size_t>>& partSlotOf);
    bool runMethods();
    bool applyLandUseChanges();
    std::vector<SampledResult> gatherResults();
    void setGeometrySource();
    void boundedTotalsAndValue(std::vector<SampledResult> sampling);
};

/// Step 1 of runCarbonProject: reads every parcel layer and gives each parcel its type, group and methods;
/// false when the run stops (run.issues say why).
bool RunState::readParcelLayers() {
    // 1. Parcel layers, types, method fields, groups (0–20 %).
    const std::vector<ProjectCarbonLayer> layers = carbonLayers(project);
    data.resize(layers.size());
    for (std::size_t i = 0; i < layers.size(); ++i) {
        LayerData& d = data[i];
        d.settings = layers[i];
        d.layer = project.layer(layers[i].layer);
        auto st =
          stage(fb, 20.0 * double(i) / double(layers.size()), 20.0 * double(i + 1) / double(layers.size()));
        d.parcels = readLayer(project, *d.layer, options.threads, st.get());
        if (i == 0)
            run.crs = d.parcels.crs;
        else if (!d.parcels.crs.isSame(run.crs))
            run.issues.push_back(error(file,
                                       QStringLiteral("carbon.layers.") + d.layer->id,
                                       CarbonProject::tr("layer %1 is in another CRS than layer %2; "
                                                         "reproject it to the project CRS")
                                         .arg(d.layer->id, data[0].layer->id)));
        QStringList fields, keys;
        const QString typeSemantic = d.settings.ecosystemTypeField;
        if (!typeSemantic.isEmpty()) {
            fields << fieldOf(*d.layer, typeSemantic);
            keys << QStringLiteral("carbon.layers.%1.ecosystem_type_field").arg(d.layer->id);
        }
        if (!d.settings.methodField.isEmpty()) {
            fields << fieldOf(*d.layer, d.settings.methodField);
            keys << QStringLiteral("carbon.layers.%1.method_field").arg(d.layer->id);
        }
        const bool groupByField = c.groupLayer.isEmpty() && !c.groupField.isEmpty();
        if (groupByField) {
            fields << fieldOf(*d.layer, c.groupField);
            keys << QStringLiteral("carbon.grouping.field");
        }
        const auto values = fields.isEmpty() ? std::map<std::int64_t, std::vector<QVariant>>()
                                             : readFields(project, *d.layer, fields, keys, run.issues);
        if (params::hasErrors(run.issues))
            continue;
        std::map<QString, int> untyped; // type without a method → parcels
        for (const gis::Parcel& p : d.parcels.parcels) {
            const auto it = values.find(p.fid);
            int k = 0;
            QString type = d.settings.ecosystemType;
            if (!typeSemantic.isEmpty())
                type = it == values.end()
                         ? QString()
                         : mapped(*d.layer, typeSemantic, text(it->second[std::size_t(k++)]));
            QString method;
            if (!d.settings.methodField.isEmpty() && it != values.end())
                method = text(it->second[std::size_t(k++)]);
            QString group;
            if (groupByField && it != values.end())
                group = mapped(*d.layer, c.groupField, text(it->second[std::size_t(k++)]));
            QStringList methods;
            if (method.isEmpty()) {
                const auto m = c.methods.constFind(type);
                const auto any = c.methods.constFind(QStringLiteral("*"));
                if (m != c.methods.cend() || any != c.methods.cend())
                    for (const ProjectCarbonMethod& e : m != c.methods.cend() ? *m : *any)
                        methods << e.method;
                else
                    ++untyped[type];
            } else if (!findCarbonMethod(method)) {
                run.issues.push_back(
                  error(project.resolve(d.layer->path),
                        fieldOf(*d.layer, d.settings.methodField),
                        CarbonProject::tr("parcel %1: unknown method '%2'").arg(p.id.toString(), method)));
            }
            d.types.push_back(InternedName(type));
            if (!method.isEmpty())
                methods << method;
            d.addMethods(methods);
            d.groups.push_back(InternedName(group));
        }
        for (const auto& [type, count] : untyped)
            run.issues.push_back(
              error(file,
                    QStringLiteral("carbon.methods"),
                    CarbonProject::tr("%1 parcel(s) of layer %2 have the ecosystem type "
                                      "'%3', which has no method; add \"%3\": "
                                      "{\"method\": ...} (or \"*\") to carbon.methods")
                      .arg(count)
                      .arg(d.layer->id, type.isEmpty() ? CarbonProject::tr("(empty)") : type)));
    }
    if (params::hasErrors(run.issues)) {
        run.stopped = true;
        return false;
    }

    return true;
}

/// Step 1b: the ground ledger of the layers (ProjectLedger.h).
void RunState::computeGroundLedger() {
    // 1b. The ground ledger: each parcel's part not covered by a layer of higher precedence.
    {
        std::vector<std::pair<QString, const gis::ParcelSet*>> sets;
        for (const LayerData& d : data)
            sets.push_back({ d.layer->id, &d.parcels });
        auto st = stage(fb, 20, 20);
        run.ledger = computeProjectLedger(project, sets, st.get());
        const QString warning = overlapWarning(*run.ledger);
        if (!warning.isEmpty())
            run.issues.push_back(
              { Severity::Warning, file, 0, QStringLiteral("carbon.precedence"), warning });
    }
}

/// Step 2: each parcel's group from the grouping layer; false when the run stops.
bool RunState::assignGroups() {
    // 2. Grouping by the polygon each parcel overlaps most (20–25 %).
    if (!c.groupLayer.isEmpty()) {
        const ProjectLayer* gl = project.layer(c.groupLayer);
        const gis::ParcelSet zones = readLayer(project, *gl, options.threads, nullptr);
        if (!zones.crs.isSame(run.crs)) {
            run.issues.push_back(error(file,
                                       QStringLiteral("carbon.grouping.layer"),
                                       CarbonProject::tr("the grouping layer %1 is in another CRS than the "
                                                         "parcel layers; reproject it")
                                         .arg(gl->id)));
            run.stopped = true;
            return false;
        }
        std::vector<QString> labels;
        if (c.groupField.isEmpty()) {
            for (const gis::Parcel& z : zones.parcels)
                labels.push_back(z.id.toString());
        } else {
            const auto values = readFields(project,
                                           *gl,
                                           { fieldOf(*gl, c.groupField) },
                                           { QStringLiteral("carbon.grouping.field") },
                                           run.issues);
            if (params::hasErrors(run.issues)) {
                run.stopped = true;
                return false;
            }
            for (const gis::Parcel& z : zones.parcels) {
                const auto it = values.find(z.fid);
                labels.push_back(it == values.end() ? QString()
                                                    : mapped(*gl, c.groupField, text(it->second[0])));
            }
        }
        std::vector<gis::MultiPolygon> zoneGeoms;
        for (const gis::Parcel& z : zones.parcels)
            zoneGeoms.push_back(z.geometry);
        for (std::size_t i = 0; i < data.size(); ++i) {
            auto st = stage(
              fb, 20 + 5.0 * double(i) / double(data.size()), 20 + 5.0 * double(i + 1) / double(data.size()));
            std::vector<gis::MultiPolygon> geoms;
            for (const gis::Parcel& p : data[i].parcels.parcels)
                geoms.push_back(p.geometry);
            const std::vector<gis::ZoneOverlap> overlaps =
              gis::assignLargestOverlap(geoms, zoneGeoms, st.get());
            for (std::size_t k = 0; k < overlaps.size(); ++k)
                data[i].groups[k] =
                  InternedName(overlaps[k].zone >= 0 ? labels[std::size_t(overlaps[k].zone)] : QString());
        }
    }

    return true;
}

/// Step 3, for a method reading rasters: appends to `ctx` a batch of the accounted parts of each main
/// batch's partly counted parcels (docs/carbon-project.md "Overlapping layers"). Batch mainBatches + j
/// holds the parts of batch partOf[j]; partSlotOf[j][q] is part q's place in that batch.
void RunState::addPartBatches(const MethodInfo& m,
                              const std::vector<std::size_t>& layerOfBatch,
                              MethodContext& ctx,
                              std::vector<std::size_t>& partOf,
                              std::vector<std::vector<std::size_t>>& partSlotOf) {
    const std::size_t mainBatches = ctx.batches.size();
    for (std::size_t b = 0; m.needsLandCover && run.ledger && b < mainBatches; ++b) {
        const std::size_t i = layerOfBatch[b];
        const auto parts = run.ledger->accountedParts.find(data[i].layer->id);
        if (parts == run.ledger->accountedParts.end() || parts->second.empty())
            continue;
        const std::vector<double>& accounted = run.ledger->accountedHa.at(data[i].layer->id);
        auto set = std::make_unique<gis::ParcelSet>();
        set->layer = data[i].parcels.layer;
        set->crs = data[i].parcels.crs;
        MethodBatch batch;
        batch.layer = data[i].layer;
        std::vector<std::size_t> partSlots;
        for (std::size_t k = 0; k < ctx.batches[b].assigned.size(); ++k) {
            const MethodParcel& mp = ctx.batches[b].assigned[k];
            const auto part = parts->second.find(mp.parcel);
            if (part == parts->second.end())
                continue;
            const gis::Parcel& whole = data[i].parcels.parcels[mp.parcel];
            gis::Parcel p;
            p.fid = whole.fid;
            p.id = whole.id;
            p.geometry = part->second;
            p.repaired = whole.repaired;
            p.ellipsoidalAreaM2 = accounted[mp.parcel] * 1e4;
            p.planarAreaM2 = whole.ellipsoidalAreaM2 > 0
                               ? whole.planarAreaM2 * p.ellipsoidalAreaM2 / whole.ellipsoidalAreaM2
                               : 0;
            MethodParcel partParcel = mp;
            partParcel.parcel = set->parcels.size();
            set->parcels.push_back(std::move(p));
            batch.assigned.push_back(std::move(partParcel));
            partSlots.push_back(k);
        }
        if (batch.assigned.empty())
            continue;
        batch.parcels = set.get();
        partSets.push_back(std::move(set));
        ctx.batches.push_back(std::move(batch));
        partOf.push_back(b);
        partSlotOf.push_back(std::move(partSlots));
    }
}

/// Step 3: each method once, on all its parcels; false when the run stops.
bool RunState::runMethods() {
    // 3. Each method once, on all its parcels (25–95 %).
    // The results stay in the methods' outputs until step 4 gathers them: per layer, per parcel, per
    // method of the parcel (the primary one first), where its result is (output, batch, index; no
    // second copy of 1,000,000 results) and the Monte Carlo sampler of the method (docs/benchmark.md,
    // "Memory and scaling"). resultSlots[i][firstSlot[i][k] .. firstSlot[i][k + 1]) are parcel k's.
    // Accounted parts (docs/carbon-project.md "Overlapping layers"): a method reading rasters gets, next
    // to each layer's batch, a batch of the accounted geometries of its partly counted parcels, in the
    // same call (its rasters written once; the same zonal engine: coverage computed once per part,
    // reused for every date and band; the same sampler). They live until the results are gathered.
    firstSlot.resize(data.size());
    resultSlots.resize(data.size());
    std::size_t totalParcels = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        firstSlot[i].reserve(data[i].methodList.size() + 1);
        std::size_t first = 0;
        for (std::size_t k = 0; k < data[i].methodList.size(); ++k) {
            firstSlot[i].push_back(first);
            first += std::size_t(data[i].methods(k).size());
        }
        firstSlot[i].push_back(first);
        resultSlots[i].resize(first);
        totalParcels += first;
    }
    // The last method (in carbonMethods() order) of each layer: its adapter may free the layer's
    // geometries (MethodBatch::releasable), unless the land-use step reads them afterwards.
    std::vector<std::size_t> lastMethodOf(data.size(), 0);
    for (std::size_t i = 0; i < data.size(); ++i)
        for (const QStringList& methods : data[i].methodLists)
            for (const QString& name : methods)
                if (const MethodInfo* info = findCarbonMethod(name))
                    lastMethodOf[i] = std::max(lastMethodOf[i], std::size_t(info - carbonMethods().data()));
    for (const MethodInfo& m : carbonMethods()) {
        const std::size_t methodIndex = std::size_t(&m - carbonMethods().data());
        MethodContext ctx;
        ctx.project = &project;
        ctx.years = carbonYears(project);
        ctx.threads = options.threads;
        ctx.uncertainty = mcSettings ? &*mcSettings : nullptr;
        std::vector<std::size_t> layerOfBatch;
        std::vector<std::vector<std::size_t>> slotOf; // per batch, per assigned parcel: method slot
        std::size_t count = 0;
        for (std::size_t i = 0; i < data.size(); ++i) {
            MethodBatch batch;
            batch.layer = data[i].layer;
            batch.parcels = &data[i].parcels;
            if (c.landUseChange.empty() && lastMethodOf[i] == methodIndex)
                batch.releasable = &data[i].parcels;
            std::vector<std::size_t> slotList;
            for (std::size_t k = 0; k < data[i].parcels.parcels.size(); ++k) {
                const qsizetype slot = data[i].methods(k).indexOf(m.name);
                if (slot < 0)
                    continue;
                MethodParcel mp;
                mp.parcel = k;
                mp.ecosystemType = data[i].types[k];
                // The options of the method's entry for the type, else of "*" (a method named in a
                // parcel's method field that the type does not list runs with its defaults).
                auto optionsIn = [&](const QString& type) -> const QMap<QString, QString>* {
                    const auto entry = c.methods.constFind(type);
                    if (entry != c.methods.cend())
                        for (const ProjectCarbonMethod& e : *entry)
                            if (e.method == m.name)
                                return &e.options;
                    return nullptr;
                };
                const QMap<QString, QString>* opts = c.methods.contains(mp.ecosystemType)
                                                       ? optionsIn(mp.ecosystemType)
                                                       : optionsIn(QStringLiteral("*"));
                if (opts)
                    mp.options = *opts;
                batch.assigned.push_back(mp);
                slotList.push_back(std::size_t(slot));
            }
            if (!batch.assigned.empty()) {
                count += batch.assigned.size();
                ctx.batches.push_back(std::move(batch));
                layerOfBatch.push_back(i);
                slotOf.push_back(std::move(slotList));
            }
        }
        if (ctx.batches.empty())
            continue;
        run.parcelsPerMethod[m.name] = int(count);
        // The accounted parts of the method's partly counted parcels, when it reads rasters (its density
        // varies within a parcel); attribute-driven methods keep the share rule, exact for a uniform
        // density. Batch mainBatches + j holds the parts of batch partOf[j]; partSlotOf[j][q] is part q's
        // place in that batch.
        const std::size_t mainBatches = ctx.batches.size();
        std::vector<std::size_t> partOf;
        std::vector<std::vector<std::size_t>> partSlotOf;
        addPartBatches(m, layerOfBatch, ctx, partOf, partSlotOf);
        // Required fields of the method on every layer it runs on.
        for (const MethodBatch& b : ctx.batches)
            for (const QString& semantic : m.requiredFields)
                if (!b.layer->fields.contains(semantic))
                    run.issues.push_back(
                      error(file,
                            QStringLiteral("layers.%1.fields.%2").arg(b.layer->id, semantic),
                            CarbonProject::tr("method %1 needs the field '%2' of layer %3: map "
                                              "it in the layer's \"fields\"")
                              .arg(m.name, semantic, b.layer->id)));
        if (params::hasErrors(run.issues)) {
            run.stopped = true;
            return false;
        }
        const QString dir =
          QDir(QString::fromStdString(options.outDir)).filePath(QStringLiteral("rasters/") + m.name);
        if (!QDir().mkpath(dir))
            throw gis::GisError(
              gis::GisError::Kind::Io, "Cannot create the folder " + dir.toStdString(), dir.toStdString());
        ctx.outDir = dir.toStdString();
        const double share = 70.0 * double(count) / double(std::max<std::size_t>(totalParcels, 1));
        auto st = stage(fb, progress, progress + share);
        progress += share;
        ctx.feedback = st.get();
        MethodOutput out = m.run(ctx);
        if (fb)
            fb->throwIfCancelled();
        run.issues.insert(run.issues.end(), out.issues.begin(), out.issues.end());
        if (params::hasErrors(out.issues)) {
            run.stopped = true;
            return false;
        }
        run.files << out.files;
        if (out.results.size() != ctx.batches.size())
            throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                "Carbon method " + m.name.toStdString() + " returned results for " +
                                  std::to_string(out.results.size()) + " layers instead of " +
                                  std::to_string(ctx.batches.size()));
        for (std::size_t b = 0; b < ctx.batches.size(); ++b) {
            const std::size_t i = layerOfBatch[b < mainBatches ? b : partOf[b - mainBatches]];
            if (out.results[b].size() != ctx.batches[b].assigned.size())
                throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                    "Carbon method " + m.name.toStdString() + " returned " +
                                      std::to_string(out.results[b].size()) + " results for " +
                                      std::to_string(ctx.batches[b].assigned.size()) + " parcels of layer " +
                                      data[i].layer->id.toStdString());
            if (b >= mainBatches) {
                const std::size_t whole = partOf[b - mainBatches];
                for (std::size_t q = 0; q < out.results[b].size(); ++q) {
                    const std::size_t k = partSlotOf[b - mainBatches][q]; // its place in batch `whole`
                    const std::size_t parcel = ctx.batches[whole].assigned[k].parcel;
                    Slot& slot = resultSlots[i][firstSlot[i][parcel] + slotOf[whole][k]];
                    slot.partOutput = std::uint32_t(outputs.size());
                    slot.partBatch = std::uint32_t(b);
                    slot.partK = std::uint32_t(q);
                    slot.partSampler = out.sampler.get();
                    ++partCount;
                }
                continue;
            }
            for (std::size_t k = 0; k < out.results[b].size(); ++k) {
                ParcelResult& r = out.results[b][k];
                const std::size_t parcel = ctx.batches[b].assigned[k].parcel;
                const std::size_t slot = slotOf[b][k];
                r.group = data[i].groups[parcel];
                r.method = m.name;
                r.primary = slot == 0;
                Slot& at = resultSlots[i][firstSlot[i][parcel] + slot];
                at.output = std::uint32_t(outputs.size());
                at.batch = std::uint32_t(b);
                at.k = std::uint32_t(k);
                at.sampler = out.sampler.get();
            }
        }
        if (out.sampler)
            samplers.push_back(out.sampler);
        outputs.push_back(std::move(out));
    }

    return true;
}

/// Step 3b: the ecosystem per date; false when the run stops.
bool RunState::applyLandUseChanges() {
    // 3b. Ecosystem per date (carbon.land_use_change; docs/carbon-project.md "Ecosystem per date"): the
    //     land cover of each carbon year, per parcel; where a rule holds, the parcel's type at that date
    //     follows it, and the stocks of methods that do not read the land cover follow the new use.
    if (!c.landUseChange.empty()) {
        if (fb)
            fb->setProgress(progress, "land-use change");
        const std::vector<int> years = carbonYears(project);
        std::vector<gis::ZonalBand> bands;
        for (int y : years)
            for (const ProjectLayer* l : project.layersWithRole(QStringLiteral("landcover")))
                if (l->year == y) {
                    std::vector<gis::ZonalBand> fileBands;
                    gis::appendRasterBands(
                      project.resolve(l->path).toStdString(), fileBands, "land_cover_" + std::to_string(y));
                    bands.push_back(fileBands.front());
                    break;
                }
        QString poolsFile;
        const params::LoadedTable loaded =
          loadCarbonProjectTable(project, QStringLiteral("pools"), carbonPoolsSpec(), poolsFile);
        run.issues.insert(run.issues.end(), loaded.issues.begin(), loaded.issues.end());
        const PoolLookup pools(loaded.table);
        for (std::size_t i = 0; i < c.landUseChange.size(); ++i)
            for (int code : c.landUseChange[i].classes)
                if (!params::hasErrors(loaded.issues) && !pools.find(code))
                    run.issues.push_back(
                      error(poolsFile,
                            QStringLiteral("lucode"),
                            CarbonProject::tr("land-cover class %1 of carbon.land_use_change[%2] "
                                              "has no row in the pool table; add its densities "
                                              "(t C/ha) for the new use's carbon")
                              .arg(code)
                              .arg(i)));
        if (params::hasErrors(run.issues)) {
            run.stopped = true;
            return false;
        }
        std::size_t changedParcels = 0, unsampledAltered = 0;
        // With Monte Carlo: per method sampler the altered results' linear forms, and the results.
        std::map<const MethodSampler*, std::map<ResultRef, AlteredResult>> alteredBySampler;
        std::vector<std::pair<ParcelResult*, SampledResult>> alteredResults;
        for (std::size_t i = 0; i < data.size(); ++i) {
            gis::ZonalOptions zo;
            zo.stats = gis::Stat::Count | gis::Stat::Area;
            zo.threads = options.threads;
            const gis::ZonalResult zr = gis::runZonal(data[i].parcels, bands, zo);
            if (fb)
                fb->throwIfCancelled();
            for (std::size_t k = 0; k < data[i].parcels.parcels.size(); ++k) {
                std::vector<std::optional<std::size_t>> ruleAt(years.size());
                std::vector<double> shareAt(years.size(), 0.0);
                std::vector<const gis::ZonalStats*> landCover(years.size());
                std::vector<DatedType> dated;
                for (std::size_t d = 0; d < years.size(); ++d) {
                    landCover[d] = &zr.stats[k][d];
                    ruleAt[d] = landUseRuleAt(c.landUseChange, data[i].types[k], zr.stats[k][d], &shareAt[d]);
                    if (ruleAt[d])
                        dated.push_back({ years[d], c.landUseChange[*ruleAt[d]].type, shareAt[d] });
                }
                if (dated.empty())
                    continue;
                ++changedParcels;
                for (std::size_t slot = firstSlot[i][k]; slot < firstSlot[i][k + 1]; ++slot) {
                    ParcelResult* r = resultAt(resultSlots[i][slot]);
                    if (!r)
                        continue;
                    r->landUseChange = dated;
                    // Stocks and changes altered here lose the method's bounds; with Monte Carlo they get
                    // the altered sampler's below (totals by type split a parcel's samples per date,
                    // boundedTotals in ProjectUncertainty.cpp).
                    if (r->computed() &&
                        (r->method == QLatin1String("soil") || r->method == QLatin1String("volume"))) {
                        std::optional<AlteredResult> form;
                        applyLandUseChange(
                          *r, years, ruleAt, shareAt, landCover, c.landUseChange, pools, form);
                        const Slot& at = resultSlots[i][slot];
                        const SampledResult sr =
                          at.sampler ? SampledResult{ at.sampler, { at.batch, at.k }, nullptr, {} }
                                     : SampledResult{};
                        if (!mcSettings || (form && form->stocks.empty()))
                            continue;
                        if (form && sr.sampler) {
                            alteredBySampler[sr.sampler][sr.ref] = std::move(*form);
                            alteredResults.push_back({ &*r, sr });
                        } else {
                            ++unsampledAltered;
                        }
                    }
                }
            }
        }
        // Monte Carlo of the altered stocks (docs/uncertainty.md "Land-use change"): per method sampler a
        // wrapper drawing the altered stocks from the method's draws and the new use's pool densities.
        if (mcSettings && !alteredBySampler.empty()) {
            const uncertainty::PoolUncertaintyModel poolModel =
              uncertainty::buildPoolUncertainty(loaded.table, pools, uncertaintyDefaults(*mcSettings));
            run.issues.insert(run.issues.end(), poolModel.issues.begin(), poolModel.issues.end());
            if (params::hasErrors(run.issues)) {
                run.stopped = true;
                return false;
            }
            if (!run.parcelsPerMethod.count(QStringLiteral("pools"))) { // else the pool method warned
                std::set<std::string> ruleCodes;
                for (const ProjectLandUseChange& rule : c.landUseChange)
                    for (int code : rule.classes)
                        ruleCodes.insert(std::to_string(code) + "/");
                std::vector<std::string> fixed;
                for (const std::string& id : poolModel.fixedIds)
                    if (ruleCodes.count(id.substr(0, id.find('/') + 1)))
                        fixed.push_back(id);
                warnExactValues(poolsFile, fixed, run.issues);
            }
            std::map<const MethodSampler*, const MethodSampler*> wrapped;
            for (auto& [inner, altered] : alteredBySampler) {
                const auto it = std::find_if(samplers.begin(),
                                             samplers.end(),
                                             [&, inner = inner](const auto& x) { return x.get() == inner; });
                std::shared_ptr<const MethodSampler> w =
                  makeLandUseChangeSampler(*it, poolModel, std::move(altered), *mcSettings);
                wrapped[inner] = w.get();
                *it = std::move(w);
            }
            for (auto& layer : resultSlots)
                for (Slot& at : layer)
                    if (const auto w = wrapped.find(at.sampler); w != wrapped.end())
                        at.sampler = w->second;
            // Per-parcel bounds of the altered stocks and changes (those the rule reset), in chunks.
            constexpr std::size_t kChunk = 256;
            for (std::size_t from = 0; from < alteredResults.size(); from += kChunk) {
                const std::size_t to = std::min(alteredResults.size(), from + kChunk);
                std::map<const MethodSampler*, std::vector<std::size_t>> bySampler;
                for (std::size_t j = from; j < to; ++j)
                    bySampler[wrapped.at(alteredResults[j].second.sampler)].push_back(j);
                for (const auto& [sampler, members] : bySampler) {
                    std::vector<std::vector<ResultRef>> one;
                    for (std::size_t j : members)
                        one.push_back({ alteredResults[j].second.ref });
                    std::vector<SampledTotals> parts = sampler->sum(one);
                    for (std::size_t m = 0; m < members.size(); ++m) {
                        ParcelResult& r = *alteredResults[members[m]].first;
                        for (CarbonStock& st : r.stocks)
                            if (const auto q = parts[m].stocks.find(st.year);
                                !st.bounds && q != parts[m].stocks.end())
                                st.bounds = boundsOf(uncertainty::summarizeSamples(q->second));
                        for (CarbonChange& ch : r.changes)
                            if (const auto q = parts[m].changes.find({ ch.year1, ch.year2 });
                                !ch.bounds && q != parts[m].changes.end())
                                ch.bounds = boundsOf(uncertainty::summarizeSamples(q->second));
                    }
                }
            }
        }
        if (unsampledAltered > 0)
            run.issues.push_back(params::Issue{
              params::Issue::Severity::Warning,
              file,
              0,
              QStringLiteral("carbon.land_use_change"),
              CarbonProject::tr("%1 result(s) altered by a land-use change have no Monte Carlo samples; "
                                "totals counting them at the altered dates have no bounds")
                .arg(unsampledAltered) });
    }

    return true;
}

/// run.geometryOf: each result's geometry for the parcels table, read again from its layer's file by FID
/// (the same bytes the reader had; nothing held through the run), none for a feature the reader skipped
/// (null, empty or not polygonal); run.closeGeometryFiles closes those files.
void RunState::setGeometrySource() {
    struct Source {
        std::shared_ptr<gis::ParcelGeometries> file;
        std::set<std::int64_t> skipped;
    };
    auto sources = std::make_shared<std::map<QString, Source>>();
    for (const LayerData& d : data) {
        Source& src = (*sources)[d.layer->id];
        src.file = std::make_shared<gis::ParcelGeometries>(
          project.resolve(d.layer->path).toStdString(), layerReadOptions(*d.layer, 1).open, d.parcels.stamp);
        for (const gis::ParcelNote& note : d.parcels.skipped)
            src.skipped.insert(note.fid);
    }
    run.geometryOf = [sources](const ParcelResult& r) -> std::vector<unsigned char> {
        const auto it = sources->find(r.layer);
        if (it == sources->end() || it->second.skipped.count(r.fid))
            return {};
        return it->second.file->wkb(r.fid);
    };
    run.closeGeometryFiles = [sources] {
        for (const auto& [layer, source] : *sources)
            source.file->close();
    };
}

/// Step 4: the results in layer order (run.sharedResults); returns, with Monte Carlo, each result's sampler.
std::vector<SampledResult> RunState::gatherResults() {
    // 4. One result per feature, in layer order; features the reader skipped are listed too. Every
    //    computed result gets the first → last change that the totals and the valuation use.
    const std::vector<int> runYears = carbonYears(project);
    if (runYears.size() >= 2)
        for (MethodOutput& out : outputs)
            for (std::vector<ParcelResult>& batch : out.results)
                for (ParcelResult& r : batch)
                    if (r.computed())
                        addSpanningChange(r, runYears.front(), runYears.back());
    std::size_t partShareRule = 0; // accounted values that fell back to the share rule
    std::vector<SampledResult> sampling;
    // Sized once (no copy of 1,000,000 results while the vector grows). When one method's results of
    // one layer are the whole run in order (the usual single-layer project), its vector becomes the
    // run's, without moving a result; otherwise each result is moved once. Each parcel's WKB moves
    // from the parcel set to its (last) result, and each layer's parcels are freed once gathered
    // (docs/benchmark.md, "Memory and scaling").
    std::size_t resultCount = 0;
    bool adopt = outputs.size() == 1 && outputs.front().results.size() == 1;
    bool afterSkipped = false; // a result after a skipped feature is not in the batch's order
    for (std::size_t i = 0, next = 0; i < data.size(); ++i) {
        for (const Slot& slot : resultSlots[i])
            if (slot.output != Slot::kNone) {
                ++resultCount;
                adopt = adopt && !afterSkipped && slot.output == 0 && slot.batch == 0 && slot.k == next++;
            }
        resultCount += data[i].parcels.skipped.size();
        afterSkipped = afterSkipped || !data[i].parcels.skipped.empty();
    }
    // Shared with the result set's lazy parcels table (CarbonProjectRun::sharedResults).
    auto allResults = std::make_shared<std::vector<ParcelResult>>();
    std::vector<ParcelResult>& results = *allResults;
    if (adopt)
        results = std::move(outputs.front().results.front());
    results.reserve(resultCount);
    if (mcSettings)
        sampling.reserve(resultCount);
    std::size_t at = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const std::vector<double>& accounted = run.ledger->accountedHa.at(data[i].layer->id);
        std::vector<gis::Parcel>& parcels = data[i].parcels.parcels;
        for (std::size_t k = 0; k + 1 < firstSlot[i].size(); ++k) {
            std::size_t last = firstSlot[i][k + 1];
            while (last > firstSlot[i][k] && resultSlots[i][last - 1].output == Slot::kNone)
                --last;
            for (std::size_t s = firstSlot[i][k]; s < last; ++s) {
                const Slot& slot = resultSlots[i][s];
                if (slot.output == Slot::kNone)
                    continue;
                if (!adopt) // (adopted: the output's vector is the run's now)
                    results.push_back(std::move(*resultAt(slot)));
                ParcelResult& r = adopt ? results[at++] : results.back();
                r.accountedAreaHa = accounted[k];
                if (slot.partOutput != Slot::kNone && r.computed() && r.accountedShare() > 0 &&
                    r.accountedShare() < 1)
                    partShareRule +=
                      setAccountedPart(r, outputs[slot.partOutput].results[slot.partBatch][slot.partK]);
                if (mcSettings) {
                    SampledResult sr;
                    if (slot.sampler)
                        sr = SampledResult{ slot.sampler, { slot.batch, slot.k }, nullptr, {} };
                    if (slot.sampler && slot.partSampler && r.accountedPart) {
                        sr.partSampler = slot.partSampler;
                        sr.partRef = { slot.partBatch, slot.partK };
                    }
                    sampling.push_back(sr);
                }
            }
        }
        std::vector<gis::Parcel>().swap(parcels);
        std::vector<Slot>().swap(resultSlots[i]);
        for (const gis::ParcelNote& note : data[i].parcels.skipped) {
            ParcelResult r;
            r.layer = data[i].layer->id;
            r.fid = note.fid;
            r.id = note.id;
            r.ecosystemType = data[i].settings.ecosystemType;
            r.notComputed =
              CarbonProject::tr("geometry not usable: %1").arg(QString::fromStdString(note.what));
            results.push_back(std::move(r));
            if (mcSettings)
                sampling.emplace_back();
        }
    }
    std::vector<MethodOutput>().swap(outputs);
    std::vector<std::unique_ptr<gis::ParcelSet>>().swap(partSets);
    run.sharedResults = std::move(allResults);
    setGeometrySource();
    if (run.ledger) {
        run.ledger->partResults = partCount;
        run.ledger->partShareRule = partShareRule;
    }

    return sampling;
}

/// Step 5: totals with Monte Carlo bounds and the valuation.
void RunState::boundedTotalsAndValue(std::vector<SampledResult> sampling) {
    const std::vector<ParcelResult>& results = *run.sharedResults;
    const std::vector<int> runYears = carbonYears(project);
    // 5. Totals with bounds from per-iteration sums over all methods (carbon-methods.md §6.2).
    if (mcSettings) {
        if (fb)
            fb->setProgress(95.0, "Monte Carlo totals");
        ProjectUncertaintyRun u;
        u.settings = *mcSettings;
        std::set<std::string> listed; // a table value two methods use (e.g. c_above) is one parameter
        for (const auto& sampler : samplers)
            for (const uncertainty::UncertainValue* v : sampler->parameters())
                if (listed.insert(v->id).second)
                    u.parameters.push_back(*v);
        for (const MethodInfo& m : carbonMethods())
            for (std::size_t r = 0; r < results.size(); ++r)
                if (sampling[r].sampler && results[r].method == m.name) {
                    u.methodsWithBounds << m.name;
                    break;
                }
        u.total = boundedTotals(results, sampling, std::nullopt).front();
        for (const TotalsKey key : { TotalsKey::EcosystemType, TotalsKey::Group, TotalsKey::Method })
            u.by[key] = boundedTotals(results, sampling, key);
        u.samplers = std::move(samplers);
        u.sampling = std::move(sampling);
        run.uncertainty = std::move(u);
    }
    if (c.price && runYears.size() >= 2) {
        ValuationInput v;
        v.pricePerTC = *c.price;
        v.discountPct = c.discountPct.value_or(0.0);
        v.priceChangePct = c.priceChangePct.value_or(0.0);
        v.baseYear = runYears.front();
        v.altYear = runYears.back();
        run.valuationConstant = valuationConstant(v);
        run.npvYear1 = v.baseYear;
        run.npvYear2 = v.altYear;
        for (const auto& ch : totalOf(results).changes)
            if (ch.year1 == v.baseYear && ch.year2 == v.altYear)
                run.npv = ch.changeT * *run.valuationConstant;
    }
}

} // namespace

CarbonProjectRun runCarbonProject(const Project& project, const CarbonProjectOptions& options) {
    const QDateTime started = QDateTime::currentDateTimeUtc();
    CarbonProjectRun run;
    run.issues = validateCarbonProject(project);
    for (const QString& problem : project.validate())
        run.issues.push_back(error(project.fileName(), QString(), problem));
    if (params::hasErrors(run.issues)) {
        run.stopped = true;
        return run;
    }
    gis::Feedback* fb = options.feedback;
    RunState state(project, options, run);
    run.groupName = project.carbon.groupName;
    if (!state.readParcelLayers())
        return run;
    state.computeGroundLedger();
    if (!state.assignGroups() || !state.runMethods() || !state.applyLandUseChanges())
        return run;
    state.boundedTotalsAndValue(state.gatherResults());
    if (fb)
        fb->setProgress(95.0, "writing");
    // Methods reading one table (the pools table is read by the pool, soil, gain-loss and land-use
    // change steps) report the same row's problem alike: each problem is listed once.
    params::removeDuplicates(run.issues);
    // 6. The result set (tables, ledger check, messages, provenance), then its files.
    buildCarbonResultSet(run);
    run.resultSet.provenance = carbonProvenance(project, run, options, started);
    writeCarbonProjectOutputs(run, options.outDir);
    if (run.closeGeometryFiles)
        run.closeGeometryFiles();
    if (fb)
        fb->setProgress(100.0, "done");
    return run;
}

} // namespace tanhui::models::carbon
