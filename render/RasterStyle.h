// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/ColorRamp.h"

#include <QColor>
#include <QString>

#include <vector>

namespace tanhui::gis {
class RasterDataset;
class Feedback;
} // namespace tanhui::gis

namespace tanhui::render {

/// @brief One class of a paletted (categorical) raster style, e.g. land cover 11 = 常绿阔叶林.
struct RasterClass {
    double value = 0;
    QColor color;
    QString nameEn, nameZh; ///< legend labels; nameEn doubles as the label when nameZh is empty
    bool visible = true;    ///< false: its cells are not drawn and it leaves the legend (styling dock)
    /// The label for `language` ("zh…" gives the Chinese name when there is one).
    QString label(const QString& language) const;
};

/// @brief How a raster layer is drawn. Nodata (and masked) cells are always transparent.
struct RasterStyle {
    enum class Kind {
        Paletted,    ///< each value its class colour; values without a class are transparent
        Pseudocolor, ///< one band through a colour ramp between min and max
        Rgb,         ///< three bands as red, green and blue, each stretched between min and max
    };
    Kind kind = Kind::Pseudocolor;
    int band = 1;                     ///< Paletted and Pseudocolor
    int red = 1, green = 2, blue = 3; ///< Rgb
    std::vector<RasterClass> classes; ///< Paletted
    double min = 0, max = 1;          ///< Pseudocolor and Rgb
    ColorRamp ramp = ColorRamp::named(QStringLiteral("greys"));
    double opacity = 1.0; ///< 0…1
};

/// @brief How min and max of a stretch are found.
enum class StretchKind {
    MinMax,        ///< the band's extreme valid values
    CumulativeCut, ///< the lowPct and highPct percentiles of the valid values (QGIS: 2–98 %)
};

/// @brief min and max of `band` for a stretch, from a read of the whole band at most 1024 cells across
/// (GDAL reads an overview when there is one), so it costs the same for any raster size. Returns
/// {0, 0} when the band has no valid cell. Throws GisError on a read failure.
std::pair<double, double> computeStretch(gis::RasterDataset& raster,
                                         int band,
                                         StretchKind kind,
                                         double lowPct = 2.0,
                                         double highPct = 98.0);

/// @brief A paletted style from the band's own colour table (and category names, as English labels);
/// no classes when the band has none. Entries that are fully transparent, opaque black without a
/// category name (how writers fill unused values) or the nodata value are left out.
RasterStyle palettedFromColorTable(const gis::RasterDataset& raster, int band);

/// @brief The distinct valid values of `band` (ascending), from the same reduced read as computeStretch;
/// at most `maxValues` (the smallest ones) so a continuous band cannot flood a class list. Throws
/// GisError on a read failure.
std::vector<double> distinctValues(gis::RasterDataset& raster, int band, std::size_t maxValues = 256);

} // namespace tanhui::render
