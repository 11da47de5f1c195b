// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/LayerEntry.h"

#include "models/project/Project.h"

#include <QStringList>

#include <vector>

namespace tanhui::gui {

/// @brief Reads layers for display. Every function throws tanhui::gis::GisError on failure.
class LayerLoader {
public:
    /// How many features of a vector layer are read for the attribute preview.
    static constexpr int kPreviewFeatures = 50;

    static LayerEntry loadRaster(const QString& path);
    static LayerEntry loadVector(const QString& path, const tanhui::gis::VectorOpenOptions& options = {});
    /// Tries the file as a raster first, then as a vector layer (its first layer).
    static LayerEntry loadAny(const QString& path);
    /// True for .shp/.dbf files, whose attribute encoding the user may want to choose.
    static bool isShapefile(const QString& path);
    /// True for a Tanhui project file: named *.tanhui.json, or a .json whose "format" is
    /// "tanhui-project".
    static bool isProjectFile(const QString& path);

    /// What loading a project gave: the layers that could be read and one English line per problem.
    struct ProjectLayers {
        QString name;
        tanhui::models::Project project; ///< the project as loaded (CRS, classes, roles)
        std::vector<LayerEntry> layers;
        QStringList problems; ///< missing files, wrong kinds, unreadable layers (naming each layer)
    };
    /// Loads a project file through models::Project::load (throws GisError when the file itself
    /// cannot be used: unreadable, not JSON, wrong structure, newer version), then each layer by its
    /// declared kind; every layer that cannot be loaded is listed in `problems`, never skipped silently.
    static ProjectLayers loadProject(const QString& path);
};

} // namespace tanhui::gui
