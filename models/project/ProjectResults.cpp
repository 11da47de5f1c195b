// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/project/ProjectResults.h"

#include "gis/Errors.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

namespace tanhui::models {

namespace {

/// Translation context of the project file's messages (shared with Project.cpp).
struct ProjectFile {
    Q_DECLARE_TR_FUNCTIONS(ProjectFile)
};

[[noreturn]] void badResults(const QString& file, const QString& what) {
    throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                        ProjectFile::tr("Project file %1: %2").arg(file, what).toStdString(),
                        file.toStdString());
}

} // namespace

std::vector<ProjectResult> resultsFromJson(const QString& file, const QJsonValue& value) {
    std::vector<ProjectResult> out;
    if (value.isUndefined() || value.isNull())
        return out;
    if (!value.isArray())
        badResults(
          file, ProjectFile::tr("\"results\" must be a JSON array of {analysis, folder, finished} objects"));
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            badResults(file, ProjectFile::tr("results[%1] must be a JSON object").arg(i));
        const QJsonObject o = array.at(i).toObject();
        ProjectResult r;
        const QJsonValue analysis = o.value(QLatin1String("analysis"));
        const QJsonValue folder = o.value(QLatin1String("folder"));
        const QJsonValue finished = o.value(QLatin1String("finished"));
        if (!analysis.isString() || analysis.toString().isEmpty())
            badResults(
              file,
              ProjectFile::tr("results[%1].analysis must be a non-empty text, e.g. \"carbon_project\"")
                .arg(i));
        if (!folder.isString() || folder.toString().isEmpty())
            badResults(
              file,
              ProjectFile::tr("results[%1].folder must be the result folder, relative to the project file")
                .arg(i));
        r.analysis = analysis.toString();
        r.folder = folder.toString();
        if (QDir::isAbsolutePath(r.folder))
            badResults(
              file,
              ProjectFile::tr("results[%1].folder %2 is absolute; projects use paths relative to the "
                              "project file so that they can be moved")
                .arg(i)
                .arg(r.folder));
        if (!finished.isUndefined() && !finished.isNull()) {
            r.finished = QDateTime::fromString(finished.toString(), Qt::ISODateWithMs);
            if (!finished.isString() || !r.finished.isValid())
                badResults(file,
                           ProjectFile::tr("results[%1].finished must be an ISO 8601 time, e.g. "
                                           "\"2026-12-07T03:00:00Z\"")
                             .arg(i));
            r.finished = r.finished.toUTC();
        }
        out.push_back(std::move(r));
    }
    return out;
}

QJsonValue resultsToJson(const std::vector<ProjectResult>& results) {
    QJsonArray array;
    for (const ProjectResult& r : results) {
        QJsonObject o;
        o.insert(QLatin1String("analysis"), r.analysis);
        o.insert(QLatin1String("folder"), QDir::fromNativeSeparators(r.folder));
        if (r.finished.isValid())
            o.insert(QLatin1String("finished"), r.finished.toUTC().toString(Qt::ISODateWithMs));
        array.append(o);
    }
    return array;
}

} // namespace tanhui::models
