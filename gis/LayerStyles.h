// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace tanhui::gis {

/// @brief A style for a layer of a GeoPackage, as QGIS stores it in the `layer_styles` table.
struct LayerStyle {
    std::string layer;        ///< the GeoPackage layer (table) the style is for
    std::string name;         ///< styleName (QGIS lists it in the layer's style manager)
    std::string qml;          ///< QGIS QML document (render/QgisStyle.h)
    std::string sld;          ///< OGC SLD document (may be empty)
    std::string description;  ///< shown by QGIS next to the name
    bool useAsDefault = true; ///< QGIS applies the default style when the layer is opened
};

/// @brief Writes `styles` into the GeoPackage `path` (issue 14, "Data export"): creates QGIS's
/// `layer_styles` table when missing (fid id; f_table_catalog, f_table_schema, f_table_name,
/// f_geometry_column, styleName, styleQML, styleSLD, useAsDefault (boolean), description, owner, ui,
/// update_time), registered in gpkg_contents as an attributes table as QGIS does; replaces a style of
/// the same layer and name; a default style clears useAsDefault on the layer's other styles.
/// f_table_catalog and f_table_schema are empty and f_geometry_column is the layer's geometry column,
/// which is what QGIS's OGR provider looks up. One SQLite transaction: on any error the GeoPackage
/// is unchanged. Throws GisError(Open) naming the file when it cannot be opened for update,
/// GisError(InvalidArgument) naming the layer when it does not exist or an existing layer_styles
/// table lacks a column, GisError(Io) naming the file when a write fails.
void writeLayerStyles(const std::string& path, const std::vector<LayerStyle>& styles);

} // namespace tanhui::gis
