// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/sample/Landscape.h"

#include <QString>
#include <QStringList>

#include <cstdint>

namespace tanhui::gis {
class Feedback;
}

namespace tanhui::models::sample {

struct SampleOptions {
    std::uint64_t seed = 2024;
    SampleSize size = SampleSize::Small;
    int threads = 0; ///< 0: all cores (the files do not depend on it)
};

/// @brief Writes the complete sample project into `dir` (created if needed): land cover 2015, 2018,
/// 2021, 2024; NDVI 2015–2024 (yearly files and a 10-band stack); DEM, precipitation, ET, RUSLE R, K
/// and C; forest sub-compartments (GBK shapefile), farmland plots, wetland units, mangrove
/// restoration plots and districts (GeoPackage); the default parameter tables; project.tanhui.json.
/// Files are replaced atomically; other files in `dir` are left alone. Same seed and size → the same
/// bytes. Returns the written files relative to `dir`, the project file last.
/// Throws gis::GisError (Io naming the file, Cancelled).
QStringList generateSampleProject(const QString& dir, const SampleOptions& options, gis::Feedback* feedback);

/// The relative paths generateSampleProject() writes for a size (shapefile: every component).
QStringList sampleProjectFiles();

/// Name of the project file inside the folder.
inline constexpr const char* kProjectFileName = "project.tanhui.json";

} // namespace tanhui::models::sample
