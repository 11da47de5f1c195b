// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A forest sub-compartment layer with a bureau's field names (小班号, 优势树种, 每公顷蓄积, 林龄, 地类) and
// an origin column under a meaningless name (col_a: 天然 / 人工), in a project that has saved only
// species_group and area_ha: the fixture of tst_field_mapping and tst_fieldmapping_dialog.
#include "gis/Crs.h"
#include "gis/Geometry.h"
#include "gis/VectorWriter.h"

#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace tanhui::test {

inline QString writeFieldMappingProject(const QTemporaryDir& dir) {
    using F = gis::VectorField;
    const std::vector<F> fields = {
        { QStringLiteral("XBH"), F::Type::String },      { QStringLiteral("地类"), F::Type::String },
        { QStringLiteral("优势树种"), F::Type::String }, { QStringLiteral("每公顷蓄积"), F::Type::Real },
        { QStringLiteral("林龄"), F::Type::Integer },    { QStringLiteral("col_a"), F::Type::String },
        { QStringLiteral("面积"), F::Type::Real }
    };
    std::vector<gis::VectorFeature> features(3);
    const char* const species[] = { "马尾松", "杉木", "桉树" };
    const char* const origin[] = { "天然", "人工", "人工" };
    for (int i = 0; i < 3; ++i) {
        features[std::size_t(i)].values = { QStringLiteral("0101-0%1").arg(i + 1),
                                            QStringLiteral("乔木林地"),
                                            QString::fromUtf8(species[i]),
                                            80.5 + i,
                                            12 + i,
                                            QString::fromUtf8(origin[i]),
                                            1.0 };
        const double x = 500000 + 100 * i;
        gis::Ring ring;
        ring.xy = { x, 2500000, x + 100, 2500000, x + 100, 2500100, x, 2500100 };
        features[std::size_t(i)].geometry.parts.push_back({ { ring } });
    }
    gis::writePolygonLayer(dir.filePath(QStringLiteral("xb.gpkg")).toStdString(),
                           QStringLiteral("xb"),
                           gis::Crs::fromEpsg(32650),
                           fields,
                           features);
    const QString path = dir.filePath(QStringLiteral("fm.tanhui.json"));
    QFile p(path);
    p.open(QIODevice::WriteOnly);
    p.write(R"({"format": "tanhui-project", "version": 1, "name": "fm", "crs": "EPSG:32650",
      "layers": [
        {"id": "forest", "kind": "vector", "role": "forest_subcompartments", "path": "xb.gpkg",
         "fields": {"species_group": "优势树种", "area_ha": "面积"}}
      ]})");
    return path;
}

} // namespace tanhui::test
