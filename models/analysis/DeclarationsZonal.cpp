// SPDX-License-Identifier: GPL-3.0-or-later
// The declared inputs of zonal statistics on the project's layers (the app's form; `tanhui-cli zonal`
// takes files, docs/zonal-statistics.md) and its run: exact per-parcel statistics of raster bands, each
// parcel's coverage computed once per grid and reused for every band (gis/ZonalEngine.h).
#include "gis/ParcelReader.h"
#include "gis/StagedOutput.h"
#include "gis/ZonalEngine.h"
#include "models/ZonalTable.h"
#include "models/analysis/Declarations.h"
#include "models/project/Project.h"

#include <QCoreApplication>
#include <QDir>

namespace tanhui::models::analysis {

namespace {

AnalysisOutcome runZonalAnalysis(const Project& project,
                                 const ParameterValues& values,
                                 gis::Feedback* feedback) {
    const QDateTime started = QDateTime::currentDateTimeUtc();
    AnalysisOutcome outcome;
    const ProjectLayer* layer = project.layer(values.value(QStringLiteral("parcels")).toString());
    if (!layer) { // validate() names it; a run without validation stops here
        outcome.stopped = true;
        outcome.issues.push_back(
          { params::Issue::Severity::Error,
            project.fileName(),
            0,
            QStringLiteral("parcels"),
            QCoreApplication::translate("Analysis", "choose a parcel layer of the project") });
        return outcome;
    }
    gis::StatSet stats = 0;
    for (const QString& name : values.value(QStringLiteral("stats")).toStringList())
        for (const ZonalStatName& s : zonalStatNames())
            if (name.trimmed() == QLatin1String(s.name))
                stats |= gis::StatSet(s.stat);
    if (stats == 0)
        stats = gis::Stat::Count | gis::Stat::Sum | gis::Stat::Mean;
    const int threads = values.value(QStringLiteral("threads")).toInt();

    gis::ParcelReadOptions read;
    read.open.encodingOverride = layer->encoding.toStdString();
    read.idField = layer->idField;
    read.threads = threads;
    auto parcels = std::make_shared<gis::ParcelSet>(
      gis::readParcels(project.resolve(layer->path).toStdString(), read, feedback));
    std::vector<gis::ZonalBand> bands;
    std::vector<QString> bandUnits; // per band: its layer's units ("class", "mm/yr"; empty: unknown)
    ResultSet rs;
    rs.analysis = QStringLiteral("zonal");
    rs.provenance.analysis = rs.analysis;
    rs.provenance.version = QCoreApplication::applicationVersion();
    rs.provenance.projectFile = project.fileName();
    rs.provenance.started = started;
    rs.provenance.threads = threads;
    rs.provenance.inputs.push_back(describeInput(
      project.resolve(layer->path), QStringLiteral("vector"), layer->role, layer->id, {}, feedback));
    for (const QString& id : values.value(QStringLiteral("rasters")).toStringList()) {
        const ProjectLayer* raster = project.layer(id);
        if (!raster)
            continue;
        const QString path = project.resolve(raster->path);
        gis::appendRasterBands(path.toStdString(), bands, raster->id.toStdString());
        bandUnits.resize(bands.size(), raster->units);
        rs.provenance.inputs.push_back(describeInput(path,
                                                     QStringLiteral("raster"),
                                                     raster->role,
                                                     raster->id,
                                                     raster->year ? QString::number(raster->year) : QString(),
                                                     feedback));
    }
    gis::ZonalOptions options;
    options.stats = stats;
    options.threads = threads;
    options.feedback = feedback;
    auto result = std::make_shared<gis::ZonalResult>(gis::runZonal(*parcels, bands, options));
    // Skipped and repaired features are listed with their reason (issue 10: not only on stderr).
    for (const gis::ParcelNote& n : parcels->skipped)
        rs.messages.push_back({ Message::Level::Warning,
                                QString::fromStdString(n.what),
                                project.resolve(layer->path),
                                n.id,
                                {},
                                0 });
    for (const gis::ParcelNote& n : parcels->repaired)
        rs.messages.push_back({ Message::Level::Info,
                                QString::fromStdString(n.what),
                                project.resolve(layer->path),
                                n.id,
                                {},
                                0 });
    rs.addTable(zonalResultTable(parcels, layer->idField, result, stats, bandUnits));
    QStringList statNames;
    for (const ZonalStatName& s : zonalStatNames())
        if (gis::has(stats, s.stat))
            statNames << QLatin1String(s.name);
    rs.provenance.settings.push_back({ QStringLiteral("stats"), statNames.join(QLatin1Char(',')), {}, {} });

    // Written through a staging folder: a cancelled run leaves the folder as it was.
    outcome.outDir = project.resolve(values.value(QStringLiteral("out")).toString());
    gis::StagedOutput staged(outcome.outDir);
    if (feedback)
        feedback->throwIfCancelled();
    rs.provenance.finished = QDateTime::currentDateTimeUtc();
    for (const QString& f : writeResultSet(rs, staged.path().toStdString()))
        outcome.files << staged.finalPath(f);
    staged.commit();
    outcome.resultSet = std::move(rs);
    return outcome;
}

} // namespace

AnalysisSpec zonalAnalysis() {
    AnalysisSpec a;
    a.id = QStringLiteral("zonal");
    a.label = QT_TRANSLATE_NOOP("Analysis", "Zonal statistics");
    a.description = QT_TRANSLATE_NOOP(
      "Analysis",
      "Exact per-parcel statistics of raster bands: each parcel's share of every cell is computed once per "
      "grid and reused for every band; nodata cells are left out and reported as area; areas are "
      "ellipsoidal (docs/zonal-statistics.md). The same numbers as tanhui-cli zonal.");
    std::vector<InputSpec>& v = a.inputs;

    InputSpec parcels;
    parcels.id = QStringLiteral("parcels");
    parcels.kind = InputKind::ParcelLayer;
    parcels.label = QT_TRANSLATE_NOOP("Analysis", "Parcel layer");
    parcels.help =
      QT_TRANSLATE_NOOP("Analysis", "The polygons to summarise (their id field names the rows).");
    parcels.required = true;
    parcels.source = QStringLiteral("docs/zonal-statistics.md");
    v.push_back(parcels);

    InputSpec rasters;
    rasters.id = QStringLiteral("rasters");
    rasters.kind = InputKind::RasterList;
    rasters.label = QT_TRANSLATE_NOOP("Analysis", "Rasters");
    rasters.help = QT_TRANSLATE_NOOP("Analysis",
                                     "The raster layers to summarise; every band of each is used (columns "
                                     "<layer id>_<statistic>).");
    rasters.required = true;
    rasters.source = QStringLiteral("docs/zonal-statistics.md");
    v.push_back(rasters);

    InputSpec stats;
    stats.id = QStringLiteral("stats");
    stats.kind = InputKind::MultiChoice;
    stats.label = QT_TRANSLATE_NOOP("Analysis", "Statistics");
    stats.help = QT_TRANSLATE_NOOP("Analysis", "The statistics per parcel and band.");
    for (const ZonalStatName& s : zonalStatNames())
        stats.choices.push_back({ QString::fromLatin1(s.name), s.label });
    stats.defaultValue =
      QStringList{ QStringLiteral("count"), QStringLiteral("sum"), QStringLiteral("mean") };
    stats.required = true;
    stats.source = QStringLiteral("docs/zonal-statistics.md");
    stats.tag = params::Tag::Verified;
    v.push_back(stats);

    v.push_back(outputFolderInput(QT_TRANSLATE_NOOP("Analysis", "Output folder (created if missing)."),
                                  QStringLiteral("zonal"),
                                  QStringLiteral("docs/zonal-statistics.md"),
                                  true));

    v.push_back(threadsInput());

    a.run = runZonalAnalysis;
    return a;
}

} // namespace tanhui::models::analysis
