// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/Report.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"

#include <QDir>
#include <QFileInfo>

namespace tanhui::report {

namespace {

[[noreturn]] void fail(gis::GisError::Kind kind, const QString& message, const QString& path) {
    throw gis::GisError(kind, message.toStdString(), path.toStdString());
}

/// Reads the result set of `dir` given with `option`; names the option and the folder on failure.
models::analysis::ResultSet readRun(const QString& option, const QString& dir, const QString& analysis) {
    const QFileInfo info(dir);
    if (!info.exists()) {
        fail(gis::GisError::Kind::Open,
             QStringLiteral("%1 %2: the folder does not exist").arg(option, dir),
             dir);
    }
    if (!info.isDir()) {
        fail(gis::GisError::Kind::Open,
             QStringLiteral("%1 %2: not a folder (give the folder the run wrote, which holds %3)")
               .arg(option, dir, models::analysis::resultSetManifestName()),
             dir);
    }
    const QString manifest = QDir(dir).filePath(models::analysis::resultSetManifestName());
    if (!QFileInfo::exists(manifest)) {
        fail(gis::GisError::Kind::Open,
             QStringLiteral("%1 %2: no result set in the folder (%3 is missing); give the folder a run wrote "
                            "with --out, or rerun it")
               .arg(option, dir, manifest),
             manifest);
    }
    models::analysis::ResultSet rs;
    try {
        // The per-parcel tables stay on disk: the report lists their files and reads the parcels'
        // GeoPackage for the maps and the top parcels.
        models::analysis::ReadOptions options;
        options.headerOnly = [](const QString& table) {
            return table == QLatin1String("parcels") || table.startsWith(QLatin1String("parcels_")) ||
                   table == QLatin1String("indicators") || table.startsWith(QLatin1String("uncertainty_"));
        };
        rs = models::analysis::readResultSet(QDir(dir).absolutePath().toStdString(), options);
    } catch (const gis::GisError& e) {
        fail(e.kind(), QStringLiteral("%1 %2: %3").arg(option, dir, QString::fromStdString(e.what())), dir);
    }
    if (rs.analysis != analysis) {
        fail(gis::GisError::Kind::InvalidArgument,
             QStringLiteral("%1 %2: the folder holds the results of \"%3\", not of \"%4\" (wrong folder?)")
               .arg(option, dir, rs.analysis, analysis),
             dir);
    }
    return rs;
}

/// Replaces the header-only parcels_<layer> tables of the GEP run `rs` (read from `dir`) by their
/// rows, with only the columns the plan comparison uses.
void readGepParcelRows(models::analysis::ResultSet& rs, const QString& option, const QString& dir) {
    models::analysis::ReadOptions options;
    options.skipTable = [](const QString& table) { return !table.startsWith(QLatin1String("parcels_")); };
    options.readColumn = [](const QString&, const QString& column) {
        return column == QLatin1String("parcel_id") || column == QLatin1String("ecosystem") ||
               column == QLatin1String("district") || column == QLatin1String("area_ha") ||
               column == QLatin1String("gep_cny");
    };
    try {
        models::analysis::ResultSet parcels =
          models::analysis::readResultSet(QDir(dir).absolutePath().toStdString(), options);
        for (models::analysis::Table& t : parcels.tables) {
            rs.addTable(std::move(t));
        }
    } catch (const gis::GisError& e) {
        fail(e.kind(), QStringLiteral("%1 %2: %3").arg(option, dir, QString::fromStdString(e.what())), dir);
    }
}

} // namespace

void generateReport(const QString& projectFile,
                    const QString& carbonDir,
                    const QString& gepDir,
                    const QString& language,
                    const QString& out,
                    gis::Feedback* feedback,
                    const QString& scenarioDir,
                    const QString& scenarioCarbonDir) {
    const QString suffix = QFileInfo(out).suffix().toLower();
    const bool pdf = suffix == QLatin1String("pdf");
    const bool html = suffix == QLatin1String("html") || suffix == QLatin1String("htm");
    if (!pdf && !html) {
        fail(gis::GisError::Kind::InvalidArgument,
             QStringLiteral("--out %1: the report's file name must end in .pdf or .html").arg(out),
             out);
    }
    if (language != QLatin1String("zh_CN") && language != QLatin1String("en")) {
        fail(gis::GisError::Kind::InvalidArgument,
             QStringLiteral("--lang %1: the report's language must be zh_CN or en").arg(language),
             QString());
    }
    const QFileInfo outInfo(out);
    if (!outInfo.absoluteDir().exists()) {
        fail(gis::GisError::Kind::Io,
             QStringLiteral("--out %1: the folder %2 does not exist").arg(out, outInfo.absolutePath()),
             out);
    }
    if (!projectFile.isEmpty() && !QFileInfo::exists(projectFile)) {
        fail(gis::GisError::Kind::Open,
             QStringLiteral("--project %1: the file does not exist").arg(projectFile),
             projectFile);
    }
    ReportInputs in;
    in.projectFile = projectFile;
    in.language = language;
    in.carbonDir = QDir(carbonDir).absolutePath();
    in.carbon = readRun(QStringLiteral("--carbon-results"), carbonDir, QStringLiteral("carbon_project"));
    if (!gepDir.isEmpty()) {
        in.gepDir = QDir(gepDir).absolutePath();
        in.gep = readRun(QStringLiteral("--gep-results"), gepDir, QStringLiteral("gep"));
    }
    // The plan comparison: the plan's GEP run given, or the one `gep --scenario` wrote beside the baseline.
    QString scenario = scenarioDir;
    QString scenarioOption = QStringLiteral("--scenario-results");
    if (scenario.isEmpty() && !gepDir.isEmpty()) {
        const QString beside = QDir(gepDir).filePath(QStringLiteral("scenario"));
        if (QFileInfo::exists(QDir(beside).filePath(models::analysis::resultSetManifestName()))) {
            scenario = beside;
            scenarioOption = QStringLiteral("--gep-results (its scenario folder)");
        }
    }
    if (!scenario.isEmpty() && gepDir.isEmpty()) {
        fail(gis::GisError::Kind::InvalidArgument,
             QStringLiteral("--scenario-results %1: give the baseline's GEP run with --gep-results too (the "
                            "comparison is plan minus baseline)")
               .arg(scenario),
             scenario);
    }
    if (!scenarioCarbonDir.isEmpty() && scenario.isEmpty()) {
        fail(gis::GisError::Kind::InvalidArgument,
             QStringLiteral("--scenario-carbon-results %1: give the plan's GEP run with --scenario-results "
                            "(or a --gep-results folder written by gep --scenario) too")
               .arg(scenarioCarbonDir),
             scenarioCarbonDir);
    }
    if (!scenario.isEmpty()) {
        in.scenarioDir = QDir(scenario).absolutePath();
        in.scenario = readRun(scenarioOption, scenario, QStringLiteral("gep"));
        readGepParcelRows(*in.scenario, scenarioOption, scenario);
        readGepParcelRows(*in.gep, QStringLiteral("--gep-results"), gepDir);
        if (!scenarioCarbonDir.isEmpty()) {
            in.scenarioCarbonDir = QDir(scenarioCarbonDir).absolutePath();
            in.scenarioCarbon = readRun(QStringLiteral("--scenario-carbon-results"),
                                        scenarioCarbonDir,
                                        QStringLiteral("carbon_project"));
        }
    }
    const Report report = buildReport(in, feedback);
    if (feedback) {
        feedback->throwIfCancelled();
    }
    if (pdf) {
        writeReportPdf(report, out);
    } else {
        writeReportHtml(report, out);
    }
}

} // namespace tanhui::report
