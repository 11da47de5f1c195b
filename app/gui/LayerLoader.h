// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/LayerEntry.h"

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
};

} // namespace tanhui::gui
