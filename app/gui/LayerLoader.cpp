// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/LayerLoader.h"

#include "gis/Errors.h"
#include "models/project/Project.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

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

bool LayerLoader::isProjectFile(const QString& path) {
    if (path.endsWith(QLatin1String(".tanhui.json"), Qt::CaseInsensitive))
        return true;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024 * 1024)
        return false;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    return doc.isObject() &&
           doc.object().value(QLatin1String("format")).toString() == QLatin1String("tanhui-project");
}

LayerLoader::ProjectLayers LayerLoader::loadProject(const QString& path) {
    ProjectLayers out;
    out.project = tanhui::models::Project::load(path);
    const tanhui::models::Project& project = out.project;
    out.name = project.name;
    out.problems = project.validate();
    for (const tanhui::models::ProjectLayer& layer : project.layers) {
        const QString file = project.resolve(layer.path);
        const QString tag = QStringLiteral("Layer ") + layer.id;
        const bool listed = std::any_of(out.problems.begin(), out.problems.end(), [&](const QString& p) {
            return p.startsWith(tag + QLatin1Char(':')) || p.startsWith(tag + QLatin1Char(' '));
        });
        if (listed)
            continue; // missing, unreadable or of the wrong kind: validate() said so
        try {
            LayerEntry entry;
            if (layer.kind == QLatin1String("raster")) {
                entry = loadRaster(file);
            } else {
                tanhui::gis::VectorOpenOptions options;
                options.encodingOverride = layer.encoding.toStdString();
                entry = loadVector(file, options);
            }
            entry.displayName = layer.id + QStringLiteral(" — ") + entry.displayName;
            entry.projectId = layer.id;
            entry.role = layer.role;
            entry.year = layer.year;
            out.layers.push_back(std::move(entry));
        } catch (const std::exception& error) {
            out.problems << QStringLiteral("Layer %1 (declared %2, %3): %4")
                              .arg(layer.id, layer.kind, file, QString::fromUtf8(error.what()));
        }
    }
    return out;
}

bool LayerLoader::isShapefile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("shp") || suffix == QLatin1String("dbf");
}

} // namespace tanhui::gui
