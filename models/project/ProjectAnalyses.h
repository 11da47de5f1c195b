// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The project file's "analyses" section (ProjectAnalyses in Project.h): read and written here, with one
// hook each in Project::load and Project::save.

#include "models/project/Project.h"

#include <QJsonObject>
#include <QJsonValue>

namespace tanhui::models {

/// @brief Parses the optional "analyses" object: {"<analysis id>": {"<input id>": value, ...}, ...}.
/// Values are JSON scalars or arrays of texts. Throws gis::GisError(InvalidArgument) naming the file and
/// the key (analyses.<id>.<input>) for another structure.
ProjectAnalyses analysesFromJson(const QString& file, const QJsonValue& value);
/// The section as written (analyses without values are left out).
QJsonObject analysesToJson(const ProjectAnalyses& analyses);

} // namespace tanhui::models
