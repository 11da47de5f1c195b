// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/RasterDataset.h"
#include "render/MapSettings.h"
#include "render/RasterStyle.h"
#include "render/VectorSource.h"
#include "render/VectorStyle.h"

#include <QImage>
#include <QString>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

class QPainter;

namespace tanhui::gis {
class Feedback;
}

namespace tanhui::render {

/// @brief A raster file opened for drawing: its description, and GDAL handles lent to one frame at a
/// time (a GDAL dataset is not thread-safe; frames on several threads each borrow their own).
class RasterSource {
public:
    /// Opens `path` (throws GisError naming the file).
    static std::shared_ptr<RasterSource> open(const std::string& path);

    const gis::RasterInfo& info() const { return m_info; }
    const std::string& path() const { return m_info.path; }

    /// A handle for one frame; give it back with release().
    std::unique_ptr<gis::RasterDataset> acquire() const;
    void release(std::unique_ptr<gis::RasterDataset> handle) const;

private:
    gis::RasterInfo m_info;
    mutable std::mutex m_mutex;
    mutable std::vector<std::unique_ptr<gis::RasterDataset>> m_free;
};

/// @brief One layer of a map: a raster with its style or a polygon layer with its style.
struct MapLayer {
    QString id;
    bool visible = true;
    std::shared_ptr<RasterSource> raster; ///< a raster layer …
    RasterStyle rasterStyle;
    std::shared_ptr<const VectorSource> vector; ///< … or a polygon layer
    VectorStyle vectorStyle;
    std::vector<std::uint32_t> selection; ///< selected features (indices of `vector`), ascending
};

/// @brief The extent of a layer's data in `crs` (the raster's grid transformed through its corners and
/// edge points; a polygon layer is already in its map CRS). Empty when the layer has no data or cannot
/// be placed in `crs`. An invalid `crs` gives the layer's own extent.
gis::Box layerExtent(const MapLayer& layer, const gis::Crs& crs);

/// @brief The union of the layers' extents in `crs` (layerExtent), of the visible ones only when
/// `visibleOnly`; empty when none has data.
gis::Box layersExtent(const std::vector<MapLayer>& layers, const gis::Crs& crs, bool visibleOnly);

/// @brief What one frame cost (for the benchmark and the canvas's debug overlay).
struct RenderStats {
    /// Time painting raster layers, and polygon layers (for those drawn into images while the layers
    /// below were painted: waiting for them and compositing).
    double rasterMs = 0, vectorMs = 0;
    std::size_t featuresDrawn = 0;
    std::size_t rasterCellsRead = 0; ///< cells read from the rasters (after overview selection)
};

/// @brief Paints maps. The one renderer of the canvas, the map export and the report (issue 12):
/// every layer is reprojected on the fly to the settings' CRS; rasters are read at the output's
/// resolution (through GDAL overviews), so a frame's cost and memory do not grow with the raster;
/// polygon layers are drawn from their spatial index, features smaller than a pixel as a pixel,
/// vertices closer than half a pixel merged. Thread-safe for distinct painters.
class MapRenderer {
public:
    /// Paints `layers` (bottom first) onto `painter`, whose device is settings.size pixels. Onto an
    /// image the polygons of a layer are drawn by two threads (each half of the frame); onto other
    /// devices (PDF, SVG) they are drawn directly, as vectors. Throws GisError naming the layer's file
    /// (a raster without a CRS, a failed read), CancelledError (feedback cancelled; the painter then
    /// holds a partial frame).
    static RenderStats render(QPainter& painter,
                              const MapSettings& settings,
                              const std::vector<MapLayer>& layers,
                              gis::Feedback* feedback = nullptr);

    /// A frame as an image (ARGB32 premultiplied, background filled).
    static QImage renderImage(const MapSettings& settings,
                              const std::vector<MapLayer>& layers,
                              gis::Feedback* feedback = nullptr,
                              RenderStats* stats = nullptr);
};

} // namespace tanhui::render
