// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/report/Report.h"
#include "gis/Crs.h"
#include "render/Legend.h"
#include "render/MapRenderer.h"

#include <QString>

#include <vector>

namespace tanhui::report {

/// @brief One map panel of a figure: its title and layers (bottom first).
struct MapPanel {
    QString title;
    std::vector<render::MapLayer> layers;
};

/// @brief A map figure: one panel or a grid of two columns, each drawn by render::MapRenderer (the
/// canvas's renderer) over the extent of all panels' layers, with a scale bar and a north arrow per
/// panel and one legend (`legend`, titled `legendTitle`) on the right. Painted at 200 dpi for
/// `widthMm`. Throws gis::GisError naming a layer's file that cannot be drawn.
ReportFigure renderMapFigure(const std::vector<MapPanel>& panels,
                             const gis::Crs& crs,
                             const QString& legendTitle,
                             const std::vector<render::LegendItem>& legend,
                             const QString& caption,
                             const QString& scaleUnit,
                             double widthMm = 165);

} // namespace tanhui::report
