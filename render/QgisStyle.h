// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/VectorStyle.h"

#include <QString>

#include <string>
#include <vector>

namespace tanhui::render {

// ---------------------------------------------------------------------------------------------------
// A VectorStyle as QGIS reads it (issue 14, "Data export"): a QML document (QGIS's own style format)
// and an OGC SLD 1.1 document, as stored in a GeoPackage's `layer_styles` table so that QGIS applies
// the style when the layer is opened (gis/LayerStyles.h writes the table).
// ---------------------------------------------------------------------------------------------------

/// @brief The style as a QGIS QML document (symbology only): single symbol ("singleSymbol"),
/// categorised ("categorizedSymbol") or graduated ("graduatedSymbol", GraduatedColor) renderers with
/// simple fills (colour, outline colour and width in mm), the class limits at full precision and
/// the layer opacity. Labels are not exported.
QString qgisQml(const VectorStyle& style);

/// @brief The style as an OGC Styled Layer Descriptor 1.1 (Symbology Encoding) for `layerName`: one
/// rule per category or class (filters lower < value ≤ upper, the first class including its lower
/// limit, as VectorStyle draws it), each with a PolygonSymbolizer.
QString qgisSld(const VectorStyle& style, const QString& layerName);

/// @brief The graduated style of a result layer's column (t C/ha, or its change): `classes` natural-
/// breaks classes of `values` (render/Classification), the "carbon" ramp for stocks and densities or
/// the "diverging" ramp centred on zero for changes (losses red, gains green),
/// labels "lower – upper" with `decimals`, thin grey outlines.
VectorStyle resultLayerStyle(const QString& field,
                             const std::vector<double>& values,
                             bool change,
                             int classes = 5,
                             int decimals = 1);

/// @brief Stores `style` in the GeoPackage `path` as the default style of `layer` (QML and SLD in
/// its `layer_styles` table, gis::writeLayerStyles), so QGIS applies it when the layer is opened.
/// Throws gis::GisError as writeLayerStyles does.
void writeQgisDefaultStyle(const std::string& path,
                           const QString& layer,
                           const VectorStyle& style,
                           const QString& styleName,
                           const QString& description);

} // namespace tanhui::render
