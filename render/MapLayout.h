// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/Legend.h"
#include "render/MapRenderer.h"

#include <QPageLayout>
#include <QPageSize>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QPainter;

namespace tanhui::gis {
class Feedback;
}

namespace tanhui::render {

/// @brief One layer of a layout: how it is drawn, and its heading in the legend.
struct LayoutLayer {
    MapLayer map;
    QString title;        ///< legend heading, e.g. "土地覆被 2024"
    bool inLegend = true; ///< list its classes in the legend
};

/// @brief The paper of a layout: size, orientation, margins and the resolution of raster output.
struct LayoutPage {
    QPageSize::PageSizeId size = QPageSize::A4;
    QPageLayout::Orientation orientation = QPageLayout::Landscape;
    double marginMm = 10;
    double dpi = 150; ///< PNG pixels per inch; also the resolution of raster layers in PDF and SVG

    /// Width and height of the (oriented) page in millimetres.
    QSizeF sizeMm() const;
    /// Width and height in pixels at `dpi` (the size of an exported PNG).
    QSize sizePixels() const;
};

/// @brief Which furniture a layout shows.
struct LayoutOptions {
    bool legend = true;
    bool scaleBar = true;
    bool northArrow = true;
    bool grid = false;     ///< a coordinate grid, labelled in the map CRS at the map frame's edges
    bool overview = false; ///< an inset locating the map's extent in `overviewExtent`
};

/// @brief A printable map: title, the map (MapRenderer), legend, scale bar, north arrow, CRS, data
/// source and date notes, optional overview inset and coordinate grid, on a page (issue 14, "Map
/// export"). Text renders with a CJK-capable font (cjkFontFamily()) so Chinese has no missing glyph.
struct MapLayout {
    QString title;
    QString subtitle;                ///< below the title, e.g. the date or the atlas feature
    std::vector<LayoutLayer> layers; ///< bottom first
    gis::Crs crs;                    ///< the map CRS (the project's)
    gis::Box extent;                 ///< empty: the full extent of the visible layers
    LayoutPage page;
    LayoutOptions options;
    QString language = QStringLiteral("en"); ///< "zh_CN" or "en": class names and furniture text
    QString sourceNote;                      ///< e.g. "Data: Tanhui sample project"
    QString dateNote;                        ///< e.g. "Land cover 2024 · exported 2026-12-06"
    std::vector<MapLayer> overviewLayers;    ///< the inset's layers (empty: the map's layers)
    gis::Box overviewExtent;                 ///< empty: the full extent of the overview layers
    /// Features to outline in the map (the atlas feature): a polygon layer and feature indices.
    std::shared_ptr<const VectorSource> highlight;
    std::vector<std::uint32_t> highlightFeatures;
};

/// @brief One layer's part of a layout legend.
struct LegendSection {
    QString title;
    std::vector<LegendItem> items;
};

/// @brief The legend of a layout, top layer first: for every visible layer in the legend, the items of
/// its style that are actually drawn inside the map's extent (a paletted raster's classes present in
/// the frame, a categorised layer's categories of the features in view), so the legend lists exactly
/// the classes drawn. Layers with nothing drawn are left out. Throws like MapRenderer::render.
std::vector<LegendSection> layoutLegend(const MapLayout& layout, gis::Feedback* feedback = nullptr);

/// @brief Where each element of a layout goes, in millimetres from the page's top-left corner. Every
/// rectangle lies inside the page's margins (nothing overflows the page).
struct LayoutGeometry {
    QSizeF page;
    QRectF title, subtitle, map, legend, overview, scaleBar, northArrow, notes;
    gis::Box mapExtent;                        ///< the extent shown in `map` (widened to its aspect ratio)
    std::vector<LegendSection> legendSections; ///< the legend model (layoutLegend)
    int legendColumns = 1;
    double legendFontMm = 3.2; ///< legend text height, shrunk until the legend fits its frame
};

/// @brief Computes the placement of the layout's elements (and its legend model).
LayoutGeometry layoutGeometry(const MapLayout& layout, gis::Feedback* feedback = nullptr);

/// @brief Paints the layout scaled into `target` (in the painter's coordinates; the page's aspect
/// ratio is kept, centred). Map layers go through MapRenderer at target's resolution, so onto a PDF
/// or SVG painter polygons, text and furniture are vectors and only rasters are images. Throws
/// GisError naming a layer's file, CancelledError.
void renderLayout(const MapLayout& layout,
                  QPainter& painter,
                  const QRectF& target,
                  gis::Feedback* feedback = nullptr);

/// @brief The page as an image of page.sizePixels() (white background, DPI stored in the image).
QImage renderLayoutImage(const MapLayout& layout, gis::Feedback* feedback = nullptr);

/// @brief Output formats of exportLayout().
enum class LayoutFormat { Png, Pdf, Svg };
/// The format of a file name's extension (.png, .pdf, .svg; case-insensitive), or none.
std::optional<LayoutFormat> layoutFormatFor(const QString& path);

/// @brief Writes the layout to `path` as PNG, PDF (vector) or SVG by its extension, atomically (a
/// temporary file renamed into place; on failure `path` is unchanged). Throws GisError(InvalidArgument)
/// for an unknown extension (naming it), GisError(Io) naming the file, CancelledError.
void exportLayout(const MapLayout& layout, const QString& path, gis::Feedback* feedback = nullptr);

/// @brief An atlas: `pages` as one multi-page PDF (`path` ends in .pdf) or one PNG / SVG per page
/// (`path` "out.png" gives "out_<suffix>.png" with each page's suffix from `suffixes`, which must be as
/// long as `pages`). Returns the files written. Atomic per file; throws like exportLayout().
QStringList exportAtlas(const std::vector<MapLayout>& pages,
                        const QStringList& suffixes,
                        const QString& path,
                        gis::Feedback* feedback = nullptr);

/// @brief A font family with Simplified Chinese glyphs (Noto Sans CJK SC from fonts-noto-cjk, else
/// another CJK family the font database has, else the default family).
QString cjkFontFamily();

/// @brief The font families of layout text: a Latin family (Noto Sans or DejaVu Sans) for Latin text
/// and digits, then cjkFontFamily() for Chinese. Latin runs set in Noto Sans CJK lose their digits in
/// the PDF's text layer (its shaped digit glyphs have no Unicode mapping, so pdftotext and copy-paste
/// drop them); a Latin family first avoids that.
QStringList layoutFontFamilies();

} // namespace tanhui::render
