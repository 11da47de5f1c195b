// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/RasterDataset.h"
#include "gis/VectorLayer.h"

#include <QString>

#include <vector>

namespace tanhui::gui {

/// @brief A layer loaded in the GUI: what was read from the file for display (no GDAL handle is kept
/// open).
struct LayerEntry {
    enum class Kind { Raster, Vector };
    Kind kind = Kind::Raster;
    QString path;
    QString displayName;                       ///< file name, plus the layer name for multi-layer sources
    tanhui::gis::RasterInfo raster;            ///< when kind == Raster
    tanhui::gis::LayerInfo vector;             ///< when kind == Vector
    std::vector<tanhui::gis::Feature> preview; ///< the first features of a vector layer
};

} // namespace tanhui::gui
