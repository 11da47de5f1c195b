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

} // namespace

void generateReport(const QString& projectFile,
                    const QString& carbonDir,
                    const QString& gepDir,
                    const QString& language,
                    const QString& out,
                    gis::Feedback* feedback,
                    const QString& planDir) {
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
    // The restoration plan's run (tanhui-cli plan): the plan section reads its tables only.
    if (!planDir.isEmpty()) {
        in.planDir = QDir(planDir).absolutePath();
        in.plan = readRun(QStringLiteral("--plan-results"), planDir, QStringLiteral("restoration_plan"));
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
