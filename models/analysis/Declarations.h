// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The declarations of the analyses (AnalysisSpec.h), one file each, and what their CLI commands share
// with their run(): how the declared values become the model's settings.

#include "models/analysis/AnalysisSpec.h"
#include "models/gep/GepSetup.h"

#include <QSet>

namespace tanhui::models::analysis {

/// "carbon_project": the carbon of every parcel of the project (DeclarationsCarbon.cpp).
AnalysisSpec carbonProjectAnalysis();
/// "carbon_method": one carbon method on one parcel layer, through the project run (DeclarationsCarbon.cpp).
AnalysisSpec carbonMethodAnalysis();
/// "gep": gross ecosystem product per parcel, with an optional scenario (DeclarationsGep.cpp).
AnalysisSpec gepAnalysis();
/// "restoration_plan": a restoration plan against the baseline, optionally with GEP (DeclarationsPlan.cpp).
AnalysisSpec planAnalysis();
/// "zonal": exact per-parcel statistics of the project's raster layers (DeclarationsZonal.cpp).
AnalysisSpec zonalAnalysis();

/// The worker-threads input of the runs (id "threads", 0: all cores; advanced).
InputSpec threadsInput();
/// The output-folder input of the runs (id "out"): `help` a QT_TRANSLATE_NOOP("Analysis", ...) text,
/// `defaultFolder` relative to the project's folder (empty: none).
InputSpec outputFolderInput(const char* help,
                            const QString& defaultFolder,
                            const QString& source,
                            bool required);

/// @brief Writes the carbon_project values "uncertainty", "iterations", "seed" and
/// "default_uncertainty" into the project's carbon.uncertainty (what runCarbonProject reads).
void applyCarbonUncertainty(const ParameterValues& values, Project& project);

/// @brief The GEP run's settings from the gep analysis's values. `fromFlags`: the ids of the inputs
/// given on the command line (or changed in a dialog), which the account's settings_origin names as
/// flags; the other inputs with a value the project keeps are named as "gep.<key>". File values given
/// as flags are used as given; the others resolve against the project's folder.
gep::GepSettings gepSettings(const AnalysisSpec& spec,
                             const Project& project,
                             const ParameterValues& values,
                             const QSet<QString>& fromFlags);

} // namespace tanhui::models::analysis
