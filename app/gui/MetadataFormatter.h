// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Grid.h"
#include "gis/RasterDataset.h"
#include "gis/VectorLayer.h"

#include <QCoreApplication>
#include <QString>

#include <string>

namespace tanhui::gui {

/// @brief Turns layer summaries into translated, human-readable text (HTML for the metadata panel).
class MetadataFormatter {
    Q_DECLARE_TR_FUNCTIONS(MetadataFormatter)
public:
    static QString rasterHtml(const tanhui::gis::RasterInfo& info);
    static QString vectorHtml(const tanhui::gis::LayerInfo& info);

    /// "WGS 84 / UTM zone 18N (EPSG:32618)", or a red note when the CRS is missing.
    static QString crsHtml(const tanhui::gis::Crs& crs);
    /// Unit suffix of CRS coordinates: "m", "°", "ft", ... or a longer explanation.
    static QString unitText(const tanhui::gis::Crs& crs);
    static QString cellSizeText(const tanhui::gis::Grid& grid, const tanhui::gis::Crs& crs);
    static QString extentText(const tanhui::gis::Box& box, const tanhui::gis::Crs& crs);
    /// Translated OGR geometry type name ("Multi Polygon" → "多面"); unknown names are kept.
    static QString geometryTypeText(const std::string& ogrName);
    /// Translated OGR field type name ("String" → "字符串"); unknown names are kept.
    static QString fieldTypeText(const QString& ogrName);
    /// "GBK (detected)".
    static QString encodingText(const tanhui::gis::EncodingInfo& encoding);
};

} // namespace tanhui::gui
