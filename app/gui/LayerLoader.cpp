// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/LayerLoader.h"

#include "gis/Errors.h"

#include <QFileInfo>

namespace tanhui::gui {

using tanhui::gis::GisError;

LayerEntry LayerLoader::loadRaster(const QString& path) {
    tanhui::gis::RasterDataset dataset(path.toStdString());
    LayerEntry entry;
    entry.kind = LayerEntry::Kind::Raster;
    entry.path = path;
    entry.displayName = QFileInfo(path).fileName();
    entry.raster = dataset.info();
    return entry;
}

LayerEntry LayerLoader::loadVector(const QString& path, const tanhui::gis::VectorOpenOptions& options) {
    tanhui::gis::VectorLayer layer(path.toStdString(), options);
    LayerEntry entry;
    entry.kind = LayerEntry::Kind::Vector;
    entry.path = path;
    entry.vector = layer.info();
    entry.displayName = QFileInfo(path).fileName();
    if (entry.vector.allLayerNames.size() > 1)
        entry.displayName += QStringLiteral(" — ") + entry.vector.layerName;
    layer.resetReading();
    tanhui::gis::Feature feature;
    while (int(entry.preview.size()) < kPreviewFeatures && layer.next(feature))
        entry.preview.push_back(std::move(feature));
    return entry;
}

LayerEntry LayerLoader::loadAny(const QString& path) {
    try {
        return loadRaster(path);
    } catch (const GisError& rasterError) {
        if (!QFileInfo::exists(path) && !path.startsWith(QLatin1String("/vsi")))
            throw; // the raster error already says the file is missing
        try {
            return loadVector(path);
        } catch (const GisError& vectorError) {
            const std::string message =
              std::string("GDAL cannot read '") + path.toStdString() +
              "' as a raster or as a vector layer.\nAs a raster: " + rasterError.what() +
              "\nAs a vector layer: " + vectorError.what();
            throw GisError(vectorError.kind(), message, path.toStdString());
        }
    }
}

bool LayerLoader::isShapefile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("shp") || suffix == QLatin1String("dbf");
}

} // namespace tanhui::gui
