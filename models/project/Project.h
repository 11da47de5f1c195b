// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace tanhui::models {

/// @brief One layer of a project: a raster or vector file referenced relative to the project file.
struct ProjectLayer {
    QString id;          ///< unique in the project, e.g. "landcover_2015"
    QString kind;        ///< "raster" or "vector"
    QString role;        ///< what it holds: "landcover", "ndvi", "ndvi_stack", "dem", "precipitation",
                         ///< "evapotranspiration", "rusle_r", "rusle_k", "rusle_c",
                         ///< "forest_subcompartments", "farmland_plots", "wetland_units",
                         ///< "restoration_plots", "districts"
    QString path;        ///< relative to the project file's folder ('/' separators)
    int year = 0;        ///< 0 when not dated
    QString date;        ///< ISO date, e.g. "2015-07-01" (empty when not dated)
    QString units;       ///< e.g. "mm/yr", "m", "class"
    QString encoding;    ///< attribute encoding of a shapefile, e.g. "GBK"
    QString idField;     ///< parcel id field of a vector layer
    QString description; ///< English
    /// Parcel-layer field mapping: semantic name ("ecosystem_type", "species_group", "age_class",
    /// "volume_m3_per_ha", "area_ha", "planting_year", ...) → field name in the file.
    QMap<QString, QString> fields;
    /// Value mapping of coded fields: "<semantic>:<value in the file>" → canonical value, e.g.
    /// "species_group:马尾松" → "masson_pine".
    QMap<QString, QString> values;
};

/// @brief A land-cover class as listed in the project.
struct ProjectClass {
    int code = 0;
    QString nameEn, nameZh, color; ///< color "#rrggbb"
};

/// @brief A parameter table copied into the project.
struct ProjectParameterTable {
    QString name; ///< e.g. "carbon/species_params_cn"
    QString path; ///< relative to the project file
};

/// @brief A Tanhui project file (project.tanhui.json): version, CRS, layers, classes and parameter
/// tables, all paths relative to the file. Reading checks the structure and the version; validate()
/// checks that every referenced file exists.
class Project {
public:
    static constexpr int kVersion = 1;

    int version = kVersion;
    QString name;
    QString crs; ///< e.g. "EPSG:4547"
    QString description;
    std::vector<ProjectLayer> layers;
    std::vector<ProjectClass> classes;
    std::vector<ProjectParameterTable> parameters;

    /// Reads a project file. Throws gis::GisError: Open (missing or unreadable file, not JSON),
    /// InvalidArgument (wrong structure or newer version), naming the file and what is wrong.
    static Project load(const QString& file);
    /// Writes the project as indented UTF-8 JSON with sorted keys (deterministic bytes), atomically.
    /// Throws gis::GisError(Io) naming the file.
    void save(const QString& file) const;

    /// The folder of the file the project was loaded from or saved to (paths resolve against it).
    QString baseDir() const { return m_baseDir; }
    void setBaseDir(const QString& dir) { m_baseDir = dir; }
    /// Absolute path of a path relative to the project.
    QString resolve(const QString& relativePath) const;
    /// English messages, one per problem: missing files (naming the layer and the resolved path),
    /// duplicate layer ids, absolute paths. Empty when the project is usable.
    QStringList validate() const;

    const ProjectLayer* layer(const QString& id) const;
    std::vector<const ProjectLayer*> layersWithRole(const QString& role) const;

private:
    QString m_baseDir;
};

} // namespace tanhui::models
