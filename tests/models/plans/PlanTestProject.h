// SPDX-License-Identifier: GPL-3.0-or-later
// A small project for the restoration-plan tests: three wetland units (W1 tidal flat 1 ha, W2 fishpond
// dyke 1 ha, W3 tidal flat 2 ha, EPSG:32650), land cover 2021 and 2024, and a plan "p" planting W1 with
// mangrove from 2026 (horizon 2036).
#pragma once

#include "gis/Crs.h"
#include "gis/RasterWriter.h"
#include "gis/VectorWriter.h"

#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cstdint>
#include <vector>

namespace tanhui::test {

inline gis::MultiPolygon planRect(double x0, double y0, double x1, double y1) {
    gis::Ring r;
    r.xy = { x0, y0, x1, y0, x1, y1, x0, y1 };
    gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

inline void writePlanLandCover(const QString& path) {
    gis::RasterSpec spec;
    spec.grid.originX = 500000;
    spec.grid.originY = 2500000;
    spec.grid.cellWidth = 10;
    spec.grid.cellHeight = 10;
    spec.grid.cols = 40;
    spec.grid.rows = 10;
    spec.crs = gis::Crs::fromEpsg(32650);
    spec.type = gis::RasterSpec::Type::Byte;
    spec.nodata = 255;
    spec.overviews = false;
    gis::RasterWriter w(path.toStdString(), spec);
    std::vector<std::uint8_t> cells(400, 41);
    w.writeRows(1, 0, 10, cells.data());
    w.commit();
}

/// Writes the project into `dir` with `plans` (a JSON array text) and returns its path.
inline QString writePlanProject(const QTemporaryDir& dir, const QByteArray& plans) {
    writePlanLandCover(dir.filePath(QStringLiteral("lc2021.tif")));
    writePlanLandCover(dir.filePath(QStringLiteral("lc2024.tif")));
    using F = gis::VectorField;
    const std::vector<F> fields = { { QStringLiteral("code"), F::Type::String },
                                    { QStringLiteral("type"), F::Type::String } };
    std::vector<gis::VectorFeature> features(3);
    features[0].values = { QStringLiteral("W1"), QStringLiteral("tidal_flat") };
    features[0].geometry = planRect(500000, 2499900, 500100, 2500000);
    features[1].values = { QStringLiteral("W2"), QStringLiteral("fishpond_dyke") };
    features[1].geometry = planRect(500100, 2499900, 500200, 2500000);
    features[2].values = { QStringLiteral("W3"), QStringLiteral("tidal_flat") };
    features[2].geometry = planRect(500200, 2499900, 500400, 2500000);
    gis::writePolygonLayer(dir.filePath(QStringLiteral("wet.gpkg")).toStdString(),
                           QStringLiteral("wet"),
                           gis::Crs::fromEpsg(32650),
                           fields,
                           features);
    const QString path = dir.filePath(QStringLiteral("plan.tanhui.json"));
    QFile p(path);
    p.open(QIODevice::WriteOnly);
    p.write(R"({"format": "tanhui-project", "version": 1, "name": "plan", "crs": "EPSG:32650",
      "layers": [
        {"id": "lc2021", "kind": "raster", "role": "landcover", "path": "lc2021.tif", "year": 2021},
        {"id": "lc2024", "kind": "raster", "role": "landcover", "path": "lc2024.tif", "year": 2024},
        {"id": "wet", "kind": "vector", "role": "wetland_units", "path": "wet.gpkg", "id_field": "code",
         "fields": {"id": "code", "ecosystem_type": "type"}}
      ],
      "carbon": {"years": [2021, 2024],
                 "layers": [{"layer": "wet", "ecosystem_type_field": "ecosystem_type"}],
                 "methods": {"tidal_flat": "bluecarbon", "fishpond_dyke": "pools",
                             "mangrove": {"method": "bluecarbon", "climate": "subtrop"},
                             "forest": "gainloss"}},
      "plans": )" +
            plans + "}");
    return path;
}

} // namespace tanhui::test
