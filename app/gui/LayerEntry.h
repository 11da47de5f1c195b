// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/RasterDataset.h"
#include "gis/VectorLayer.h"
#include "render/MapRenderer.h"

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
    QString projectId;                         ///< the layer's id in its project (empty: added by hand)
    QString role;                              ///< its project role ("landcover", "wetland_units", …)
    int year = 0;                              ///< its project year (0: not dated)
    QString date;                              ///< its full ISO date when known (time series)
    tanhui::render::MapLayer map;              ///< how it is drawn (no source: not on the map)
    QString notOnMap;                          ///< why it is not on the map (translated), if so
};

} // namespace tanhui::gui
