// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/gep/GepProject.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/Overlay.h"
#include "gis/ParcelReader.h"
#include "gis/StagedOutput.h"
#include "gis/VectorLayer.h"
#include "gis/ZonalEngine.h"
#include "models/carbon/CarbonProject.h"
#include "models/carbon/PoolMethod.h"
#include "models/gep/GepRunData.h"
#include "models/gep/GepTables.h"
#include "models/gep/Plausibility.h"
#include "models/project/Project.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <set>

namespace tanhui::models::gep {

namespace {

// ---- the run's state ------------------------------------------------------------------------------

const ProjectLayer* rasterRole(const Project& project, const char* role) {
    const auto layers = project.layersWithRole(QString::fromLatin1(role));
    const ProjectLayer* best = nullptr;
    for (const ProjectLayer* l : layers)
        if (!best || l->year > best->year)
            best = l;
    return best;
}

bool isParcelLayer(const ProjectLayer& layer, const QStringList& layerIds) {
    static const char* kParcelRoles[] = {
        "forest_subcompartments", "farmland_plots", "wetland_units", "restoration_plots"
    };
    bool parcelRole = false;
    for (const char* r : kParcelRoles)
        parcelRole = parcelRole || layer.role == QLatin1String(r);
    return parcelRole && (layerIds.isEmpty() || layerIds.contains(layer.id));
}

/// What the steps of one run share.
struct Run {
    Run(const Project& project, const GepInputs& inputs, const GepOptions& options, GepRun& out)
      : project(project)
      , in(inputs)
      , opt(options)
      , fb(options.feedback)
      , out(out) {}

    const Project& project;
    const GepInputs& in;
    const GepOptions& opt;
    gis::Feedback* fb;
    GepRun& out;
    std::shared_ptr<GepParcels> parcels = std::make_shared<GepParcels>();
    QString derivedDir;
    QElapsedTimer timer;

    const ProjectLayer *pLayer = nullptr, *etLayer = nullptr, *stormLayer = nullptr;
    std::string soilPath;
    std::vector<carbon::LulcInput> lulc; ///< the date before the accounting year and the accounting year
    std::string latestLandcover;
    int accountingYear = 0;
    double years = 0;
    params::LoadedTable pools;
    std::optional<carbon::PoolLookup> lookup;
    std::optional<carbon::PoolRunResult> poolRun;
    std::map<std::pair<QString, qint64>, CarbonEntry> carbonResults;
    std::set<QString> resultLayers;
    /// The districts (the first layer with role districts): id, geometry, CRS.
    const ProjectLayer* districtLayer = nullptr;
    std::vector<QString> districtIds;
    std::vector<gis::MultiPolygon> districts;
    gis::Crs districtCrs;
    std::map<QString, gis::ParcelSet> parcelSets;

    void info(const QString& text) const {
        if (opt.info)
            opt.info(text);
    }
    void warn(const QString& text, const QString& file = {}) {
        analysis::Message m;
        m.text = text;
        m.file = file;
        out.results.messages.push_back(std::move(m));
    }
    void time(const char* stage) {
        out.seconds[QString::fromLatin1(stage)] += timer.nsecsElapsed() * 1e-9;
        timer.restart();
    }
    void describe(const QString& path, const char* kind, const QString& role, const QString& id, int year) {
        out.results.provenance.inputs.push_back(analysis::describeInput(
          path, QString::fromLatin1(kind), role, id, year > 0 ? QString::number(year) : QString(), fb));
    }
};

gis::ParcelSet readLayer(Run& run, const ProjectLayer& layer) {
    gis::ParcelReadOptions ro;
    ro.idField = layer.fields.value(QStringLiteral("id"), layer.idField);
    ro.open.encodingOverride = layer.encoding.toStdString();
    const QString path = run.project.resolve(layer.path);
    gis::ParcelSet set = gis::readParcels(path.toStdString(), ro, run.fb);
    for (const auto* notes : { &set.repaired, &set.skipped })
        for (const gis::ParcelNote& n : *notes) {
            analysis::Message m;
            m.text = (notes == &set.skipped ? GepCommand::tr("%1: feature %2 (id %3) skipped: %4")
                                            : GepCommand::tr("%1: feature %2 (id %3): %4"))
                       .arg(path)
                       .arg(n.fid)
                       .arg(n.id, QString::fromStdString(n.what));
            m.file = path;
            m.feature = QString::number(n.fid);
            run.out.results.messages.push_back(std::move(m));
        }
    run.describe(path, "vector", layer.role, layer.id, layer.year);
    return set;
}

// ---- steps ----------------------------------------------------------------------------------------

/// Soil retention (gep-methods.md §4.3) from the project's dem, rusle_r, rusle_k and rusle_c rasters.
void soilRetentionStep(Run& run) {
    const Project& project = run.project;
    run.pLayer = rasterRole(project, "precipitation");
    run.etLayer = rasterRole(project, "evapotranspiration");
    run.stormLayer = rasterRole(project, "precipitation_storm");
    for (const ProjectLayer* l : { run.pLayer, run.etLayer, run.stormLayer })
        if (l)
            run.describe(project.resolve(l->path), "raster", l->role, l->id, l->year);
    const ProjectLayer* dem = rasterRole(project, "dem");
    const ProjectLayer* rf = rasterRole(project, "rusle_r");
    const ProjectLayer* kf = rasterRole(project, "rusle_k");
    const ProjectLayer* cf = rasterRole(project, "rusle_c");
    if (!(dem && rf && kf && cf)) {
        run.warn(GepCommand::tr(
          "soil retention: the project lacks one of the rasters dem, rusle_r, rusle_k, rusle_c"));
        return;
    }
    for (const ProjectLayer* l : { dem, rf, kf, cf })
        run.describe(project.resolve(l->path), "raster", l->role, l->id, l->year);
    run.timer.restart();
    run.soilPath = writeSoilRetention(project.resolve(dem->path).toStdString(),
                                      project.resolve(rf->path).toStdString(),
                                      project.resolve(kf->path).toStdString(),
                                      project.resolve(cf->path).toStdString(),
                                      run.in.slopeLengthM,
                                      run.opt.threads,
                                      run.derivedDir,
                                      run.fb,
                                      &run.out.slopeCappedCells);
    run.time("soil_retention_raster");
}

/// Throws naming `what` with the error issues of `issues`; adds its warnings as messages.
void requireNoErrors(Run& run, const params::Issues& issues, const QString& what) {
    QStringList errors;
    for (const params::Issue& i : issues) {
        if (i.isError())
            errors << i.toString();
        else
            run.warn(i.toString(), i.file);
    }
    if (!errors.isEmpty())
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            (what + QStringLiteral(": ") + errors.join(QStringLiteral("; "))).toStdString());
}

/// The land-cover dates, the carbon results and, for layers without any, the pool method on the last
/// two dates (docs/gep.md "Carbon sequestration").
void carbonStep(Run& run) {
    const Project& project = run.project;
    std::vector<const ProjectLayer*> dates = project.layersWithRole(QStringLiteral("landcover"));
    std::stable_sort(
      dates.begin(), dates.end(), [](const auto* a, const auto* b) { return a->year < b->year; });
    for (const ProjectLayer* l : dates)
        run.lulc.push_back({ project.resolve(l->path).toStdString(), l->year });
    if (run.lulc.size() < 2)
        throw gis::GisError(
          gis::GisError::Kind::InvalidArgument,
          GepCommand::tr("the project needs at least two dated land-cover rasters (role landcover) "
                         "for ecosystem types and carbon sequestration")
            .toStdString());
    run.latestLandcover = run.lulc.back().path;
    // The accounting year: the latest land-cover date. GEP values that year's flow (gep-methods.md §4.8),
    // so the pool method runs on the date before it and on it only (their change is what GEP needs), and
    // only for layers without a carbon table or carbon results.
    run.accountingYear = run.lulc.back().year;
    run.lulc = { run.lulc[run.lulc.size() - 2], run.lulc.back() };
    // Provenance: the two dates the run reads (hashing older ones would read files it never uses).
    for (auto it = dates.end() - 2; it != dates.end(); ++it)
        run.describe(project.resolve((*it)->path), "raster", (*it)->role, (*it)->id, (*it)->year);
    run.years = run.lulc.back().year - run.lulc.front().year;
    // The carbon pools of the project's carbon section (parameters.pools) when it lists a copy.
    QString poolsPath = QStringLiteral(":/parameters/carbon/carbon_pools.csv");
    if (const ProjectParameterTable* t =
          project.parameterTable(project.carbon.parameters.value(QStringLiteral("pools"))))
        if (QFileInfo::exists(project.resolve(t->path)))
            poolsPath = project.resolve(t->path);
    run.pools = params::loadTable(carbon::carbonPoolsSpec(), poolsPath, params::Provenance::Required);
    requireNoErrors(
      run, run.pools.issues, GepCommand::tr("the carbon pools table %1 cannot be used").arg(poolsPath));
    run.lookup.emplace(run.pools.table);
    if (run.in.carbonResults) {
        run.carbonResults = carbonResultEntries(*run.in.carbonResults, run.accountingYear);
        for (const auto& [key, e] : run.carbonResults)
            run.resultLayers.insert(key.first);
    }
    bool needPool = false;
    for (const ProjectLayer& layer : project.layers)
        if (isParcelLayer(layer, run.in.layerIds) && !run.in.carbonTables.count(layer.id) &&
            !run.resultLayers.count(layer.id))
            needPool = true;
    if (!needPool)
        return;
    requireNoErrors(run,
                    carbon::validatePoolInputs(run.lulc, *run.lookup, poolsPath, run.fb),
                    GepCommand::tr("the land-cover rasters cannot be used by the carbon pool method"));
    carbon::PoolRunOptions po;
    po.outDir = QDir(run.derivedDir).filePath(QStringLiteral("carbon")).toStdString();
    QDir().mkpath(QString::fromStdString(po.outDir));
    po.feedback = run.fb;
    run.timer.restart();
    run.poolRun = carbon::runPoolRasters(run.lulc, *run.lookup, po);
    run.time("carbon_rasters");
}

/// The districts, the parcel layers (read once) and their ledger: each piece of ground counts in the
/// totals once, for the layer of higher precedence (the carbon run's rule and function,
/// docs/carbon-project.md).
void parcelLayersStep(Run& run) {
    const Project& project = run.project;
    if (const auto dl = project.layersWithRole(QStringLiteral("districts")); !dl.empty()) {
        const gis::ParcelSet ds = readLayer(run, *dl.front());
        run.districtLayer = dl.front();
        run.districtCrs = ds.crs;
        for (const gis::Parcel& p : ds.parcels) {
            run.districtIds.push_back(p.id.toString());
            run.districts.push_back(p.geometry);
        }
    }
    QStringList allParcelLayers;
    for (const ProjectLayer& layer : project.layers)
        if (layer.kind == QLatin1String("vector") && isParcelLayer(layer, {}))
            allParcelLayers << layer.id;
    params::Issues issues;
    carbon::validateLayerPrecedence(project, allParcelLayers, issues);
    if (!issues.empty())
        throw gis::GisError(gis::GisError::Kind::InvalidArgument, issues.front().toString().toStdString());
    std::vector<std::pair<QString, const gis::ParcelSet*>> sets;
    for (const ProjectLayer& layer : project.layers)
        if (isParcelLayer(layer, run.in.layerIds)) {
            run.info(GepCommand::tr("layer %1").arg(layer.id));
            run.parcelSets[layer.id] = readLayer(run, layer);
        }
    for (const ProjectLayer& layer : project.layers)
        if (run.parcelSets.count(layer.id))
            sets.push_back({ layer.id, &run.parcelSets.at(layer.id) });
    run.timer.restart();
    run.parcels->ledger = carbon::computeProjectLedger(project, sets, run.fb);
    run.time("overlaps");
    const QString warning = carbon::overlapWarning(*run.parcels->ledger);
    if (!warning.isEmpty())
        run.warn(warning);
}

/// One parcel layer's inputs: its carbon source, its zonal statistics and its ecosystem types.
struct LayerInputs {
    const ProjectLayer* layer = nullptr;
    const gis::ParcelSet* parcels = nullptr;
    std::vector<carbon::ParcelCarbon> pc; ///< the pool method's result (when it ran for the layer)
    std::map<QString, CarbonEntry> carbonTable;
    bool fromTable = false;
    std::vector<gis::ZonalBand> bands;
    int iLc = -1, iP = -1, iEt = -1, iStorm = -1, iSr = -1, iPot = -1, iCap = -1;
    gis::ZonalResult zr;
    gis::ZonalResult landUse;
    QString fixedType; ///< the carbon section's fixed type of the layer, if any
    double cellAreaM2 = 0;
    std::map<std::int64_t, QString> typeOf; ///< fid → mapped ecosystem type (fields.ecosystem_type)
};

void layerCarbon(Run& run, LayerInputs& li, const gis::ZonalOptions& zo) {
    const ProjectLayer& layer = *li.layer;
    const QString idField = layer.fields.value(QStringLiteral("id"), layer.idField);
    li.fromTable = run.in.carbonTables.count(layer.id) > 0;
    if (li.fromTable) {
        const CarbonInput& t = run.in.carbonTables.at(layer.id);
        li.carbonTable = carbonTableEntries(t, idField, run.accountingYear);
        run.info(GepCommand::tr("carbon source for layer %1: the carbon table %2 (--carbon)")
                   .arg(layer.id, t.origin));
    } else if (run.resultLayers.count(layer.id)) {
        run.info(GepCommand::tr("carbon source for layer %1: the carbon engine's results %2")
                   .arg(layer.id, run.in.carbonResults->origin));
    } else {
        run.info(GepCommand::tr("carbon source for layer %1: no carbon result; the carbon pool method "
                                "ran on the land cover %2 and %3")
                   .arg(layer.id)
                   .arg(run.lulc.front().year)
                   .arg(run.lulc.back().year));
        run.timer.restart();
        li.pc = carbon::runPoolParcels(*li.parcels, run.lulc, *run.lookup, *run.poolRun, zo);
        run.time("carbon_parcels");
    }
}

/// A raster that covers none of the layer's parcels, or negative water depths, are errors naming both.
void checkLayerRasters(const Run& run, const LayerInputs& li) {
    const gis::ParcelSet& parcels = *li.parcels;
    for (std::size_t b = 0; b < li.bands.size(); ++b) {
        bool any = false;
        for (std::size_t i = 0; i < parcels.parcels.size() && !any; ++i)
            any = li.zr.stats[i][b].count > 0;
        if (!any && !parcels.parcels.empty())
            throw gis::GisError(
              gis::GisError::Kind::InvalidArgument,
              GepCommand::tr("raster %1 does not cover any parcel of layer %2 (%3); check the "
                             "raster's extent and CRS against the parcels")
                .arg(
                  QString::fromStdString(li.bands[b].path), li.layer->id, run.project.resolve(li.layer->path))
                .toStdString());
    }
    for (int idx : { li.iP, li.iEt, li.iStorm }) {
        if (idx < 0)
            continue;
        for (std::size_t i = 0; i < parcels.parcels.size(); ++i) {
            const double mn = li.zr.stats[i][std::size_t(idx)].min;
            if (mn < 0)
                throw gis::GisError(
                  gis::GisError::Kind::InvalidArgument,
                  GepCommand::tr("raster %1 has negative values (min %2 mm) under parcel %3 of "
                                 "layer %4; precipitation and evapotranspiration must be ≥ 0 mm/a "
                                 "(set negative cells to nodata or fix the product)")
                    .arg(QString::fromStdString(li.bands[std::size_t(idx)].path))
                    .arg(mn)
                    .arg(parcels.parcels[i].id.toString(), li.layer->id)
                    .toStdString());
        }
    }
}

/// One zonal pass over the continuous inputs (coverage once per grid), and the accounting year's land
/// use (carbon.land_use_change, docs/gep.md "Ecosystem type").
void layerZonal(Run& run, LayerInputs& li, gis::ZonalOptions zo) {
    auto add = [&](const std::string& path, int& index, const char* prefix) {
        index = int(li.bands.size());
        gis::appendRasterBands(path, li.bands, prefix);
        li.bands.resize(std::size_t(index) + 1);
    };
    add(run.latestLandcover, li.iLc, "lc"); // Byte: majority from the histogram, no class statistics
    if (run.pLayer)
        add(run.project.resolve(run.pLayer->path).toStdString(), li.iP, "p");
    if (run.etLayer)
        add(run.project.resolve(run.etLayer->path).toStdString(), li.iEt, "et");
    if (run.stormLayer)
        add(run.project.resolve(run.stormLayer->path).toStdString(), li.iStorm, "storm");
    if (!run.soilPath.empty()) {
        // Bands 1 (soil retention), 3 (potential erosion) and 4 (slope capped); not 2 (LS).
        li.iSr = int(li.bands.size());
        gis::appendRasterBands(run.soilPath, li.bands, "sr");
        li.bands.erase(li.bands.begin() + li.iSr + 1);
        li.iPot = li.iSr + 1;
        li.iCap = li.iSr + 2;
        li.bands.resize(std::size_t(li.iCap) + 1);
    }
    zo.stats = gis::Stat::Count | gis::Stat::Sum | gis::Stat::Mean | gis::Stat::Min;
    run.timer.restart();
    li.zr = gis::runZonal(*li.parcels, li.bands, zo);
    run.time("zonal_inputs");
    const std::vector<ProjectLandUseChange>& landUseRules = run.project.carbon.landUseChange;
    if (!landUseRules.empty()) {
        gis::ZonalOptions lo;
        lo.stats = gis::Stat::Count | gis::Stat::Area;
        lo.feedback = run.fb;
        lo.threads = run.opt.threads;
        li.landUse = gis::runZonal(*li.parcels, { li.bands[std::size_t(li.iLc)] }, lo);
        for (const ProjectCarbonLayer& cl : carbon::carbonLayers(run.project))
            if (cl.layer == li.layer->id)
                li.fixedType = cl.ecosystemType;
    }
    checkLayerRasters(run, li);
    li.cellAreaM2 = li.zr.grids.empty() ? 0 : li.zr.grids.front().cellArea();
}

/// Ecosystem type from the layer's mapped type field (fields.ecosystem_type, values mapped through the
/// layer's value mapping "ecosystem_type:<value>"), by feature id.
void layerTypes(const Run& run, LayerInputs& li) {
    const ProjectLayer& layer = *li.layer;
    const QString typeField = layer.fields.value(QStringLiteral("ecosystem_type"));
    if (typeField.isEmpty())
        return;
    gis::VectorOpenOptions open;
    open.encodingOverride = layer.encoding.toStdString();
    gis::VectorLayer vl(run.project.resolve(layer.path).toStdString(), open);
    const int fi = vl.fieldIndex(typeField);
    if (fi < 0)
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            GepCommand::tr("layer %1 (%2) maps ecosystem_type to the field '%3', which the "
                                           "file does not have; fix the project's field mapping")
                              .arg(layer.id, run.project.resolve(layer.path), typeField)
                              .toStdString());
    gis::Feature f;
    vl.resetReading();
    while (vl.next(f)) {
        const QVariant& v = f.attributes[std::size_t(fi)];
        const QString raw = v.isNull() ? QString() : v.toString().trimmed();
        li.typeOf[f.fid] = layer.values.value(QStringLiteral("ecosystem_type:") + raw, raw);
    }
}

/// The parcel's ecosystem (docs/gep.md "Ecosystem type"): a land-use change rule of the accounting year,
/// else the layer's mapped type, else the majority land-cover class; returns its coefficients.
EcosystemParams classifyParcel(const Run& run, const LayerInputs& li, std::size_t i, ParcelRow& row) {
    const gis::Parcel& parcel = li.parcels->parcels[i];
    const std::map<QString, EcosystemParams>& ecosystems = run.in.model.ecosystems;
    const std::vector<ProjectLandUseChange>& landUseRules = run.project.carbon.landUseChange;
    const double majority = li.zr.stats[i][std::size_t(li.iLc)].majority;
    const auto typeIt = li.typeOf.find(parcel.fid);
    const QString typeKey =
      typeIt == li.typeOf.end() ? QString() : ecosystemKeyForType(ecosystems, typeIt->second);
    row.ecosystemType = typeIt == li.typeOf.end() ? QString() : typeIt->second;
    // A parcel whose land cover in the accounting year meets a land-use change rule takes the rule's type
    // (built-up plots are not valued as farmland or marsh).
    std::optional<std::size_t> landUseRule;
    QString landUseKey;
    if (!li.landUse.stats.empty()) {
        landUseRule = carbon::landUseRuleAt(landUseRules,
                                            row.ecosystemType.isEmpty() ? li.fixedType : row.ecosystemType,
                                            li.landUse.stats[i][0]);
        if (landUseRule)
            landUseKey = ecosystemKeyForType(ecosystems, landUseRules[*landUseRule].type);
    }
    if (landUseRule && !landUseKey.isEmpty()) {
        row.ecosystemType = landUseRules[*landUseRule].type;
        row.ecosystemKey = landUseKey;
        row.ecosystemSource = QStringLiteral("land_use_change");
    } else if (!typeKey.isEmpty()) {
        row.ecosystemKey = typeKey;
        row.ecosystemSource = QStringLiteral("type_field");
    } else {
        if (!std::isnan(majority))
            row.ecosystemKey = QString::number(qint64(majority));
        row.ecosystemSource = QStringLiteral("landcover_majority");
        if (typeIt != li.typeOf.end())
            row.flags << QStringLiteral("type_not_in_ecosystem_table");
    }
    const auto eco = ecosystems.find(row.ecosystemKey);
    EcosystemParams ecoParams;
    if (eco == ecosystems.end()) {
        ecoParams.key = row.ecosystemKey;
        ecoParams.name = row.ecosystemKey.isEmpty() ? GepCommand::tr("(no land cover)")
                                                    : GepCommand::tr("code %1").arg(row.ecosystemKey);
        row.flags << QStringLiteral("ecosystem_unknown");
    } else {
        ecoParams = eco->second;
    }
    row.ecosystemName = ecoParams.name;
    return ecoParams;
}

/// The parcel's carbon sequestration (t C/a, vegetation and soil, §4.8, §4.9) from its carbon source; in
/// `part` that of its accounted part where the carbon run computed the part from its own coverage (and
/// row.accountedCarbonFluxTC).
void parcelCarbon(const Run& run,
                  const LayerInputs& li,
                  std::size_t i,
                  ParcelRow& row,
                  ParcelInput& in,
                  std::optional<CarbonSplit>& part) {
    if (!li.pc.empty()) {
        const carbon::ParcelCarbon& pc = li.pc[i];
        row.carbonSource = QStringLiteral("pool_method");
        row.carbonYears = QStringLiteral("%1-%2").arg(run.lulc.front().year).arg(run.lulc.back().year);
        if (pc.dates.back().validAreaHa > 0 && run.years > 0) {
            // the accounting interval (the last two land-cover dates), t C/a, split into vegetation and
            // soil (§4.9)
            std::vector<PoolChange> pools;
            for (int p = 0; p < carbon::kPoolCount; ++p)
                pools.push_back(
                  { QString::fromLatin1(carbon::poolName(p)),
                    (pc.dates.back().poolT[std::size_t(p)] - pc.dates.front().poolT[std::size_t(p)]) /
                      run.years });
            const CarbonSplit split =
              splitCarbonChange(pc.changeT.front() / run.years, pools, QStringLiteral("pools"));
            in.carbonFixedTC = split.vegetationTcPerYr;
            in.carbonBurialTC = split.soilTcPerYr;
        }
        return;
    }
    row.carbonSource = li.fromTable ? QStringLiteral("carbon_table") : QStringLiteral("carbon_results");
    const CarbonEntry* c = nullptr;
    if (li.fromTable) {
        if (auto it = li.carbonTable.find(row.id); it != li.carbonTable.end())
            c = &it->second;
    } else if (auto it = run.carbonResults.find({ li.layer->id, qint64(li.parcels->parcels[i].fid) });
               it != run.carbonResults.end()) {
        c = &it->second;
    }
    if (!c) {
        row.flags << QStringLiteral("not_in_carbon_table");
    } else if (c->tcPerYr) {
        in.carbonFixedTC = c->vegetationTcPerYr;
        in.carbonBurialTC = c->soilTcPerYr;
        if (c->accountedTcPerYr && row.accountedShare < 1.0) {
            row.accountedCarbonFluxTC = c->accountedTcPerYr;
            part = CarbonSplit{ c->accountedVegetationTcPerYr, c->accountedSoilTcPerYr };
        }
        row.carbonYears = c->years;
        if (!c->method.isEmpty())
            row.carbonNote = GepCommand::tr("carbon method %1").arg(c->method);
    } else {
        row.flags << QStringLiteral("no_carbon_change");
        row.carbonNote = c->reason;
    }
}

/// The indicators valued from the carbon flux (carbon sequestration §4.8, oxygen release §4.9) of `all`.
std::vector<IndicatorResult> carbonIndicators(std::vector<IndicatorResult> all) {
    std::erase_if(all, [](const IndicatorResult& r) {
        return r.key != QLatin1String("carbon_sequestration") && r.key != QLatin1String("oxygen_release");
    });
    return all;
}

/// Parcel means of the rasters (water depths, soil retention) and the coverage flags.
void parcelRasterInputs(const LayerInputs& li, std::size_t i, ParcelRow& row, ParcelInput& in) {
    const gis::ZonalResult& zr = li.zr;
    auto mean = [&](int idx) -> std::optional<double> {
        if (idx < 0 || zr.stats[i][std::size_t(idx)].count <= 0)
            return std::nullopt;
        return zr.stats[i][std::size_t(idx)].mean;
    };
    in.precipitationMm = mean(li.iP);
    in.etMm = mean(li.iEt);
    in.stormPrecipitationMm = mean(li.iStorm);
    in.soilRetentionTPerHa = mean(li.iSr);
    row.etMm = in.etMm.value_or(std::nan(""));
    row.potentialErosionTPerHa = mean(li.iPot).value_or(std::nan(""));
    row.slopeCappedShare = mean(li.iCap).value_or(0.0);
    if (in.etMm) {
        in.etHotMmPerDay = *in.etMm / 365.0; // [design] annual mean daily ET stands in for ET_hot
        in.etHotNote = QStringLiteral("et_hot_from_annual_mean");
    }
}

void parcelCoverageFlags(const LayerInputs& li, std::size_t i, ParcelRow& row) {
    const gis::Parcel& parcel = li.parcels->parcels[i];
    for (const gis::ZonalStats& zs : li.zr.stats.empty() ? std::vector<gis::ZonalStats>{} : li.zr.stats[i])
        if (zs.nodataCells > 0 || zs.validAreaM2 < 0.99 * parcel.ellipsoidalAreaM2) {
            row.flags << QStringLiteral("partial_coverage");
            break;
        }
    if (li.cellAreaM2 > 0 && parcel.ellipsoidalAreaM2 < 25 * li.cellAreaM2)
        row.flags << QStringLiteral("low_coverage"); // §10.2: fewer than ~25 input pixels
}

/// The material products (§4.1) of a parcel of `areaHa` whose ecosystem row is `ecosystemKey`.
std::vector<Product> productsOf(const GepModel& model, const QString& ecosystemKey, double areaHa) {
    std::vector<Product> out;
    for (const params::TableRow& prod : model.products) {
        if (QString::number(qint64(prod.values[0].value_or(-1))) != ecosystemKey)
            continue;
        const auto pk = prod.text.find(QStringLiteral("price_key"));
        out.push_back({ prod.key,
                        { prod.values[1].value_or(0) * areaHa, Unit::Tonne },
                        pk == prod.text.end() ? prod.key : pk->second });
    }
    return out;
}

/// Per-parcel attributes and material products (§4.1, §4.5, §4.12, §4.13).
void parcelExtras(const Run& run, const LayerInputs& li, ParcelRow& row, ParcelInput& in) {
    const GepModel& model = run.in.model;
    const QString inputKey = li.layer->id + QLatin1Char(':') + row.id;
    if (const params::TableRow* extra = model.parcelInputs.find(inputKey)) {
        in.visits = extra->values[0];
        in.spendPerVisitYuan = extra->values[1];
        in.shorelineM = extra->values[2];
        in.reservoirCapacityM3 = extra->values[3];
    }
    in.products = productsOf(model, row.ecosystemKey, row.areaHa);
}

/// @brief The district of each parcel of the layer: the one it overlaps most (gis::assignLargestOverlap),
/// the carbon run's rule (docs/carbon-project.md "Grouping"; docs/gep.md "Districts"); a parcel
/// overlapping none has none. The district layer must be in the parcel layer's CRS (an error naming both
/// otherwise, as in the carbon run).
std::vector<gis::ZoneOverlap> layerDistricts(Run& run, const LayerInputs& li) {
    if (!run.districtLayer)
        return {};
    if (!run.districtCrs.isSame(li.parcels->crs))
        throw gis::GisError(
          gis::GisError::Kind::InvalidArgument,
          GepCommand::tr("the district layer %1 (%2) is in another CRS than the parcel layer "
                         "%3 (%4); reproject one of them")
            .arg(run.districtLayer->id,
                 run.project.resolve(run.districtLayer->path),
                 li.layer->id,
                 run.project.resolve(li.layer->path))
            .toStdString());
    std::vector<gis::MultiPolygon> geoms;
    geoms.reserve(li.parcels->parcels.size());
    for (const gis::Parcel& p : li.parcels->parcels)
        geoms.push_back(p.geometry);
    run.timer.restart();
    std::vector<gis::ZoneOverlap> out = gis::assignLargestOverlap(geoms, run.districts, run.fb);
    run.time("districts");
    return out;
}

/// `whole` as counted for the accounted part (forEachCounted): value and emission × the factor (the
/// quantities stay as they are).
std::vector<IndicatorResult> countedPart(const std::vector<IndicatorResult>& whole,
                                         const std::vector<IndicatorResult>& part,
                                         double share) {
    std::vector<IndicatorResult> out;
    out.reserve(whole.size());
    forEachCounted(whole, part, share, [&](const IndicatorResult& r, double factor) {
        out.push_back(r);
        out.back().valueYuan *= factor;
        out.back().emissionYuan *= factor;
    });
    return out;
}

/// A parcel of GepInputs::changes valued with its change (see ChangedParcel); `part`: the accounted
/// part's own input where the carbon run computed the part from its own coverage.
ChangedParcel changedParcel(const Run& run,
                            const ParcelRow& row,
                            const ParcelInput& in,
                            const std::optional<ParcelInput>& part,
                            qint64 fid,
                            const ParcelChange& change) {
    const GepModel& model = run.in.model;
    ChangedParcel c;
    c.layer = row.layer;
    c.id = row.id;
    c.fid = fid;
    c.areaHa = row.areaHa;
    c.accountedShare = row.accountedShare;
    c.baselineKey = row.ecosystemKey;
    c.baselineName = row.ecosystemName;
    c.baselineFluxTC = row.carbonFluxTC;
    c.baseline = countedPart(row.results, row.accountedCarbon, row.accountedShare);
    c.planKey = ecosystemKeyForType(model.ecosystems, change.ecosystemType);
    if (const auto eco = model.ecosystems.find(c.planKey); eco != model.ecosystems.end()) {
        c.planEco = eco->second;
    } else { // the plan run checks the target types first; unknown: every indicator skips with a reason
        c.planEco.key = change.ecosystemType;
        c.planEco.name = change.ecosystemType;
    }
    c.planName = c.planEco.name;
    c.planInput = in;
    c.planInput.products = productsOf(model, c.planKey, row.areaHa);
    c.partInput = part;
    c.plan = c.planWithAdded(change.addedVegetationTcPerYr, change.addedSoilTcPerYr, model);
    return c;
}

/// Evaluates every parcel of one layer.
void valueLayer(Run& run, const ProjectLayer& layer) {
    LayerInputs li;
    li.layer = &layer;
    li.parcels = &run.parcelSets.at(layer.id);
    const std::vector<double>& accountedHa = run.parcels->ledger->accountedHa.at(layer.id);
    run.parcels->layerCrs[layer.id] = li.parcels->crs;
    gis::ZonalOptions zo;
    zo.feedback = run.fb;
    zo.threads = run.opt.threads;
    layerCarbon(run, li, zo);
    layerZonal(run, li, zo);
    layerTypes(run, li);
    const std::vector<gis::ZoneOverlap> districtOf = layerDistricts(run, li);
    const GepModel& model = run.in.model;
    for (std::size_t i = 0; i < li.parcels->parcels.size(); ++i) {
        if (run.fb)
            run.fb->throwIfCancelled();
        const gis::Parcel& parcel = li.parcels->parcels[i];
        ParcelRow row;
        row.layer = layer.id;
        row.id = parcel.id.toString();
        row.sourceFid = qint64(parcel.fid);
        row.areaHa = parcel.ellipsoidalAreaM2 / 1e4;
        if (row.areaHa > 0)
            row.accountedShare = std::clamp(accountedHa[i] / row.areaHa, 0.0, 1.0);
        row.wkb = parcel.wkb;
        const EcosystemParams ecoParams = classifyParcel(run, li, i, row);
        if (!districtOf.empty() && districtOf[i].zone >= 0)
            row.district = run.districtIds[std::size_t(districtOf[i].zone)];
        ParcelInput in;
        in.id = row.id;
        in.area = { parcel.ellipsoidalAreaM2, Unit::SquareMetre };
        parcelRasterInputs(li, i, row, in);
        std::optional<CarbonSplit> partCarbon;
        parcelCarbon(run, li, i, row, in, partCarbon);
        parcelCoverageFlags(li, i, row);
        parcelExtras(run, li, row, in);
        // The flux GEP values: vegetation and soil (a soil-only result, e.g. cropland soil carbon, has no
        // vegetation part but is carbon sequestration all the same, gep-methods.md §4.8).
        if (in.carbonFixedTC || in.carbonBurialTC)
            row.carbonFluxTC = in.carbonFixedTC.value_or(0.0) + in.carbonBurialTC.value_or(0.0);
        row.results = evaluateParcel(in, ecoParams, model.constants, model.prices, model.profile);
        if (model.basePrices)
            row.baseResults =
              evaluateParcel(in, ecoParams, model.constants, *model.basePrices, model.profile);
        std::optional<ParcelInput> part;
        if (partCarbon) {
            // The accounted part's carbon indicators from its own flux (docs/gep.md "Totals").
            part = in;
            part->area.value *= row.accountedShare;
            part->carbonFixedTC = partCarbon->vegetationTcPerYr;
            part->carbonBurialTC = partCarbon->soilTcPerYr;
            row.accountedCarbon = carbonIndicators(
              evaluateParcel(*part, ecoParams, model.constants, model.prices, model.profile));
            if (model.basePrices)
                row.baseAccountedCarbon = carbonIndicators(
                  evaluateParcel(*part, ecoParams, model.constants, *model.basePrices, model.profile));
        }
        if (const auto change = run.in.changes.find({ layer.id, qint64(parcel.fid) });
            change != run.in.changes.end())
            run.out.changed.push_back(changedParcel(run, row, in, part, qint64(parcel.fid), change->second));
        run.parcels->rows.push_back(std::move(row));
    }
}

/// Adds an indicator flag (and the same row flag) to every result with `key` of the row.
void flagIndicator(ParcelRow& row, const char* key, const QString& flag, std::map<QString, int>& counts) {
    bool any = false;
    for (std::vector<IndicatorResult>* results : { &row.results, &row.baseResults })
        for (IndicatorResult& r : *results)
            if (r.key == QLatin1String(key) && !r.skipped) {
                r.flags << flag;
                any = true;
            }
    if (any) {
        row.flags << flag;
        counts[flag]++;
    }
}

/// Plausibility flags of soil retention and water conservation (docs/gep.md "Plausibility"): potential
/// erosion above kImplausiblePotentialErosionTPerHa, cells with the RUSLE slope capped (LsFactor), and
/// water conservation of a parcel whose ET is far below its ecosystem's median ET (lowEtWithinEcosystem).
void flagPlausibility(GepParcels& parcels, std::map<QString, int>& counts) {
    std::vector<QString> eco;
    std::vector<double> et;
    for (const ParcelRow& row : parcels.rows) {
        eco.push_back(row.ecosystemKey);
        et.push_back(row.etMm);
    }
    const std::vector<bool> lowEt = lowEtWithinEcosystem(eco, et);
    for (std::size_t i = 0; i < parcels.rows.size(); ++i) {
        ParcelRow& row = parcels.rows[i];
        if (row.potentialErosionTPerHa > kImplausiblePotentialErosionTPerHa)
            flagIndicator(row, "soil_retention", QStringLiteral("implausible_potential_erosion"), counts);
        if (row.slopeCappedShare > 0)
            flagIndicator(row, "soil_retention", QStringLiteral("ls_slope_capped"), counts);
        if (lowEt[i])
            flagIndicator(row, "water_conservation", QStringLiteral("water_conservation_low_et"), counts);
    }
}

/// One project's run into `derivedDir` (no result tables yet).
GepRun evaluateProject(const Project& project,
                       const GepInputs& inputs,
                       const GepOptions& options,
                       const QString& derivedDir) {
    GepRun out;
    Run run(project, inputs, options, out);
    run.derivedDir = derivedDir;
    QDir().mkpath(derivedDir);
    run.timer.start();
    run.out.results.provenance.inputs = inputs.parameterInputs;
    if (inputs.carbonResults)
        run.describe(inputs.carbonResults->origin, "table", QStringLiteral("carbon_results"), QString(), 0);
    for (const auto& [layer, t] : inputs.carbonTables)
        run.describe(t.origin, "table", QStringLiteral("carbon_table"), layer, 0);
    soilRetentionStep(run);
    carbonStep(run);
    parcelLayersStep(run);
    for (const ProjectLayer& layer : project.layers)
        if (isParcelLayer(layer, inputs.layerIds))
            valueLayer(run, layer);
    flagPlausibility(*run.parcels, out.plausibilityCounts);
    out.parcels = run.parcels;
    out.results.provenance.settings.push_back({ QStringLiteral("accounting_year"),
                                                QString::number(run.accountingYear),
                                                QStringLiteral("year"),
                                                QStringLiteral("the latest land-cover date") });
    return out;
}

} // namespace

std::vector<IndicatorResult> ChangedParcel::planWithAdded(double vegetationTcPerYr,
                                                          double soilTcPerYr,
                                                          const GepModel& model) const {
    // The whole parcel with the part's addition spread over it (the share rule: × share gives the part's
    // values back, the carbon indicators being linear in the flux) ...
    const double perWhole = accountedShare > 0 ? 1.0 / accountedShare : 0.0;
    ParcelInput whole = planInput;
    whole.carbonFixedTC = planInput.carbonFixedTC.value_or(0.0) + vegetationTcPerYr * perWhole;
    whole.carbonBurialTC = planInput.carbonBurialTC.value_or(0.0) + soilTcPerYr * perWhole;
    const std::vector<IndicatorResult> all =
      evaluateParcel(whole, planEco, model.constants, model.prices, model.profile);
    if (!partInput)
        return countedPart(all, {}, accountedShare);
    // ... or, where the part has its own flux, its carbon indicators from that flux plus the addition.
    ParcelInput part = *partInput;
    part.carbonFixedTC = partInput->carbonFixedTC.value_or(0.0) + vegetationTcPerYr;
    part.carbonBurialTC = partInput->carbonBurialTC.value_or(0.0) + soilTcPerYr;
    return countedPart(
      all,
      carbonIndicators(evaluateParcel(part, planEco, model.constants, model.prices, model.profile)),
      accountedShare);
}

const params::TableSpec& parcelInputSpec() {
    static const params::TableSpec spec{
        "gep_parcel_inputs",
        "parcel",
        {},
        false,
        QT_TRANSLATE_NOOP("Parameters", "parcel (<layer>:<id>)"),
        { { "visits", QT_TRANSLATE_NOOP("Parameters", "visits per year"), "visit/a", 0, 1e10, false, false },
          { "spend_per_visit_cny",
            QT_TRANSLATE_NOOP("Parameters", "travel cost per visit"),
            "CNY/visit",
            0,
            1e7,
            false,
            false },
          { "shoreline_m",
            QT_TRANSLATE_NOOP("Parameters", "protected shoreline"),
            "m",
            0,
            1e7,
            false,
            false },
          { "reservoir_capacity_m3",
            QT_TRANSLATE_NOOP("Parameters", "reservoir total capacity"),
            "m3",
            0,
            1e12,
            false,
            false } },
        {},
        "",
    };
    return spec;
}

/// `--products`: material products per land-cover class (§4.1): yield per ha and the price key.
const params::TableSpec& productSpec() {
    static const params::TableSpec spec{
        "gep_products",
        "product",
        {},
        false,
        QT_TRANSLATE_NOOP("Parameters", "product"),
        { { "lucode", QT_TRANSLATE_NOOP("Parameters", "land-cover code"), "code", 0, 1e9 },
          { "yield_t_per_ha", QT_TRANSLATE_NOOP("Parameters", "yield"), "t/ha/a", 0, 1e6 } },
        { "price_key" },
        "",
    };
    return spec;
}

GepRun runGepProject(const Project& project, const GepInputs& inputs, const GepOptions& options) {
    const QDateTime started = QDateTime::currentDateTimeUtc();
    std::optional<gis::StagedOutput> staged;
    std::optional<QTemporaryDir> scratch;
    QString dir;
    if (options.outDir.isEmpty()) {
        scratch.emplace();
        dir = scratch->path();
    } else {
        staged.emplace(options.outDir);
        dir = staged->path();
    }
    GepRun run = evaluateProject(project, inputs, options, QDir(dir).filePath(QStringLiteral("derived")));
    run.results.provenance.projectFile = inputs.projectFile;
    run.results.provenance.started = started;
    addResultTables(run, inputs);
    if (inputs.scenario) {
        GepInputs si = inputs;
        si.scenario = nullptr;
        si.carbonResults = inputs.scenarioCarbonResults;
        const QString sdir = QDir(dir).filePath(QStringLiteral("scenario"));
        auto scenario = std::make_shared<GepRun>(
          evaluateProject(*inputs.scenario, si, options, QDir(sdir).filePath(QStringLiteral("derived"))));
        scenario->results.provenance.projectFile = inputs.scenarioFile;
        scenario->results.provenance.started = started;
        addResultTables(*scenario, si);
        run.results.addTable(scenarioDiffTable(*run.parcels, *scenario->parcels));
        run.scenario = scenario;
        if (staged)
            analysis::writeResultSet(scenario->results, sdir.toStdString());
    }
    if (staged) {
        if (options.feedback)
            options.feedback->throwIfCancelled();
        run.results.provenance.finished = QDateTime::currentDateTimeUtc();
        analysis::writeResultSet(run.results, dir.toStdString());
        staged->commit();
    }
    return run;
}

} // namespace tanhui::models::gep
