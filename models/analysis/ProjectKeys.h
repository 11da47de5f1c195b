// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The project-file places of declared inputs (InputSpec::projectKey, AnalysisSpec.h): dotted paths into
// the sections of Project.h, e.g. "gep.ac_days", "carbon.uncertainty.iterations".

#include <QString>
#include <QStringList>
#include <QVariant>

namespace tanhui::models {
class Project;
}

namespace tanhui::models::analysis {

/// The value the project keeps at `key`; invalid when it keeps none (or the key is unknown).
QVariant projectValue(const Project& project, const QString& key);
/// Sets (invalid `value`: clears) the value at `key`; marks the section present. Throws
/// std::invalid_argument for an unknown key (a programming error: keys are literals).
void setProjectValue(Project& project, const QString& key, const QVariant& value);

} // namespace tanhui::models::analysis
