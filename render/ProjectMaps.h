// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/project/Project.h"
#include "render/MapLayout.h"

#include <QColor>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tanhui::render {

/// @brief Default styles of a project's layers, from what the project says about them (issue 12:
/// "the sample project opens styled"): land cover paletted with the project's classes (Chinese and
/// English names), NDVI and other continuous rasters as pseudocolour with a 2–98 % cumulative cut,
/// parcel layers categorised by ecosystem type, district outlines labelled by name. The canvas, the map
/// export and the report style layers with it, so they look the same.
class LayerStyler {
public:
    /// `layer` and `project` may be null (a file added by hand).
    static RasterStyle rasterStyle(RasterSource& source,
                                   const models::ProjectLayer* layer,
                                   const models::Project* project);
    static VectorStyle vectorStyle(const VectorSource& source, const models::ProjectLayer* layer);

    /// The display colour of a canonical ecosystem type ("forest", "cropland", "mangrove", ...).
    static QColor ecosystemColor(const QString& type);
    /// The translated name of a canonical ecosystem type (the type itself when unknown).
    static QString ecosystemName(const QString& type);
};

/// @brief A heading for a project layer from its role (and year), in the current translation, e.g.
/// "Land cover 2024", "Forest sub-compartments"; the layer id when the role is unknown. Used by legends
/// and by the app wherever a layer is chosen.
QString projectLayerTitle(const models::ProjectLayer& layer);

/// @brief A project layer opened for drawing in `mapCrs` with its project style, titled for a legend
/// ("Land cover 2024", in the current translation). Throws GisError naming the layer and its file.
LayoutLayer projectLayoutLayer(const models::Project& project,
                               const models::ProjectLayer& layer,
                               const gis::Crs& mapCrs,
                               const QString& language);

/// @brief What to export from a project (the options of `tanhui-cli map`).
struct ProjectMapRequest {
    const models::ProjectLayout* layout = nullptr; ///< null: the default layout
    std::optional<int> year;                       ///< overrides the layout's date
    QString language = QStringLiteral("en");       ///< "zh_CN" or "en"
    std::optional<double> dpi;                     ///< overrides the layout's DPI
};

/// @brief The layout of a project map: a named layout of the project, or the default (land cover of
/// the last date, or of `year`, under the parcel layers and district outlines; title from the project).
/// Throws GisError(InvalidArgument) naming the layout and the layer id, year or key that is wrong, and
/// GisError naming a file that cannot be read.
MapLayout projectMapLayout(const models::Project& project, const ProjectMapRequest& request);

/// @brief An atlas: one page per feature of polygon layer `coverageLayerId` of the project, the
/// extent fitted to the feature (with a 5 % margin), the feature's name (from `nameField`, else the
/// layer's "name" field, else its id field) at the head of the title, the feature outlined in red, an
/// overview inset locating it. `suffixes` receives a
/// file-name-safe suffix per page. Throws GisError(InvalidArgument) naming an unknown or non-polygon
/// layer or field.
std::vector<MapLayout> projectAtlas(const models::Project& project,
                                    const MapLayout& base,
                                    const QString& coverageLayerId,
                                    const QString& nameField,
                                    QStringList& suffixes);

} // namespace tanhui::render
