// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace tanhui::models {

/// @brief A result folder saved with the project (the optional "results" section; issue 13, "Results
/// are saved with the project and reopen without rerunning").
struct ProjectResult {
    QString analysis;   ///< the analysis id as the result set names it ("carbon_project", "gep", …)
    QString folder;     ///< the result folder (holding resultset.json), relative to the project file
    QDateTime finished; ///< when the run finished (UTC); invalid when unknown
};

/// @brief Parses the "results" section (absent or null: none). Throws gis::GisError(InvalidArgument)
/// naming the file and the key (results[i].<key>) when it is not an array of {analysis, folder, finished}
/// objects, a folder is empty or absolute, or a time is not ISO 8601.
std::vector<ProjectResult> resultsFromJson(const QString& file, const QJsonValue& value);

/// @brief The "results" section for `results` (times as ISO 8601 UTC with milliseconds).
QJsonValue resultsToJson(const std::vector<ProjectResult>& results);

} // namespace tanhui::models
