// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/project/Project.h"
#include "render/MapRenderer.h"

#include <QColor>
#include <QString>

#include <vector>

namespace tanhui::gui {

/// @brief Default styles of layers as they are added, from what the project says about them (issue 12:
/// "the sample project opens styled"): land cover paletted with the project's classes (Chinese and
/// English names), NDVI and other continuous rasters as pseudocolour with a 2–98 % cumulative cut,
/// parcel layers categorised by ecosystem type, district outlines labelled by name.
class LayerStyler {
public:
    /// `layer` and `project` may be null (a file added by hand).
    static tanhui::render::RasterStyle rasterStyle(tanhui::render::RasterSource& source,
                                                   const tanhui::models::ProjectLayer* layer,
                                                   const tanhui::models::Project* project);
    static tanhui::render::VectorStyle vectorStyle(const tanhui::render::VectorSource& source,
                                                   const tanhui::models::ProjectLayer* layer);

    /// The display colour of a canonical ecosystem type ("forest", "cropland", "mangrove", ...).
    static QColor ecosystemColor(const QString& type);
    /// The translated name of a canonical ecosystem type (the type itself when unknown).
    static QString ecosystemName(const QString& type);
};

} // namespace tanhui::gui
