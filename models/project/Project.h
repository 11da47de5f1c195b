// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/project/ProjectPlans.h"
#include "models/project/ProjectResults.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>
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

/// @brief A method assignment of the project's carbon section: the method's registered name (e.g.
/// "pools", "volume") and its options as written (e.g. "bef_form" → "constant").
struct ProjectCarbonMethod {
    QString method;
    QMap<QString, QString> options;
};

/// @brief How the carbon run reads one parcel layer (docs/carbon-project.md).
struct ProjectCarbonLayer {
    QString layer; ///< id of a vector layer of the project
    /// Fixed ecosystem type of every parcel of the layer, e.g. "cropland" (exclusive with the field).
    QString ecosystemType;
    /// Field with the type per parcel: a semantic name of the layer's `fields` mapping (e.g.
    /// "ecosystem_type") or a field name of the file; values are mapped through the layer's `values`
    /// ("ecosystem_type:乔木林地" → "forest").
    QString ecosystemTypeField;
    /// Optional field with a method name per parcel (semantic name or field name); an empty value falls
    /// back to the method of the parcel's ecosystem type.
    QString methodField;
};

/// @brief Monte Carlo settings of the carbon run (carbon.uncertainty, docs/uncertainty.md): numbers as
/// written (checked by models::carbon::validateCarbonProject); absent = no uncertainty.
struct ProjectCarbonUncertainty {
    bool present = false;              ///< the carbon section has an "uncertainty" object
    std::optional<double> iterations;  ///< "iterations": Monte Carlo iterations (default 1,000)
    std::optional<double> seed;        ///< "seed": 0 to 2⁵³ − 1
    std::optional<double> defaultUPct; ///< "default_u_pct": U (%) for table values without their own
};

/// @brief A land-use change rule of the carbon section (carbon.land_use_change, docs/carbon-project.md
/// "Ecosystem per date"): at a carbon date where the share of a parcel's valid land-cover area in
/// `classes` is at least `minShare`, the parcel's ecosystem type for that date is `type`.
struct ProjectLandUseChange {
    QString type;             ///< the ecosystem type the parcel takes, e.g. "settlement"
    std::vector<int> classes; ///< land-cover codes of the project's classes, e.g. {61} (built-up)
    double minShare = 0.5;    ///< 0 < share ≤ 1 of the valid area (default 0.5: "mostly")
};

/// @brief The `carbon` section of a project: which method computes which parcels, the dates, the
/// grouping of results, valuation and parameter tables. Read and written by Project; checked against
/// the registered methods by models::carbon::validateCarbonProject().
struct ProjectCarbon {
    bool present = false;   ///< the project file has a "carbon" object
    std::vector<int> years; ///< stock dates, strictly increasing (land-cover years for "pools")
    std::vector<ProjectCarbonLayer> layers;
    /// Ecosystem type → methods (one or more; the first is the primary one, used for the totals by
    /// type and group); the key "*" applies to every type not listed.
    QMap<QString, std::vector<ProjectCarbonMethod>> methods;
    QString groupName;  ///< column name of the grouping in outputs, e.g. "district"
    QString groupLayer; ///< polygon layer id: each parcel goes to the polygon it overlaps most
    QString groupField; ///< with groupLayer: the label field of the polygons (semantic or real name);
                        ///< without: a field of each parcel layer holding the group
    /// InVEST valuation (carbon-methods.md §1.3): price per t C, discount and price change in %.
    std::optional<double> price, discountPct, priceChangePct;
    /// Parameter table role → name of a table in the project's `parameters` list, e.g.
    /// "pools" → "carbon/carbon_pools", "species" → "carbon/species_params_cn".
    QMap<QString, QString> parameters;
    ProjectCarbonUncertainty uncertainty; ///< Monte Carlo bounds (carbon-methods.md §6.2)
    /// Land-use change rules, in order (the first that holds at a date wins); empty: types never change.
    std::vector<ProjectLandUseChange> landUseChange;
    /// Parcel layer ids, highest precedence first (carbon.precedence): where layers overlap, the
    /// ground counts in the totals for the first of them only (docs/carbon-project.md, "Overlapping
    /// layers"). Empty: the default by role (models::carbon::layerPrecedence).
    QStringList precedence;
};

/// @brief The `gep` section of a project (docs/gep.md "Project settings"): the settings of `tanhui-cli
/// gep` that define the account, so that every run of the project values with the same profile, prices
/// and variants. Command-line flags override them. Absent values fall back to the CLI defaults. The
/// loader checks types, ranges and the variant name and names the file and the key of a problem.
struct ProjectGep {
    bool present = false;               ///< the project file has a "gep" object
    QString profile;                    ///< accounting profile, e.g. "NDRC2022" (gep/profiles.csv)
    QString priceSet;                   ///< price set, e.g. "P0_RCEES2010", "P0_CPI2024"
    std::optional<int> priceYear;       ///< adjust prices to this year (gep-methods.md §5.3)
    QString deflators;                  ///< price index table, relative to the project file
    QString indexFallback;              ///< index series for prices whose series the table lacks, e.g. "cpi"
    QString climateVariant;             ///< "s1" or "cop" (gep-methods.md §4.10)
    std::optional<double> acDays;       ///< air-conditioning days D (0–366)
    std::optional<double> slopeLengthM; ///< uniform RUSLE slope length λ, m
    std::optional<double> seawallCostYuanPerM; ///< sea-wall cost, CNY per m
    std::optional<double> seawallLifeYears;    ///< sea-wall design life, years
};

/// @brief The `analyses` section of a project (issue 10, "Declared inputs"): per analysis id (e.g.
/// "gep"), the values of its declared inputs that no other section keeps (e.g. "out", "layers"), as
/// the analysis dialog or models::analysis::storeInProject last set them. Parsed and written by
/// ProjectAnalyses.cpp; older files have none.
struct ProjectAnalyses {
    QMap<QString, QVariantMap> values; ///< analysis id → input id → value (JSON types)
};

/// @brief A named map layout of the project (the `layouts` section; issue 14 "Map export"): what
/// `tanhui-cli map --layout NAME` and the app's layout dialog export. Checked on load; every problem
/// names the file and the key (layouts[i].<key>).
struct ProjectLayout {
    QString name;               ///< unique in the project
    QString title;              ///< empty: the project's name
    QStringList layers;         ///< layer ids, bottom first; empty: land cover of the date + parcels
    std::vector<double> extent; ///< xmin, ymin, xmax, ymax in the project CRS; empty: "full"
    int year = 0;               ///< the date: dated layers are swapped for their role's layer of this
                                ///< year; 0: the last land-cover year (or the layers as listed)
    QString page = QStringLiteral("A4");               ///< A0…A5, B4, B5, Letter, Legal
    QString orientation = QStringLiteral("landscape"); ///< "landscape" or "portrait"
    double dpi = 150;                                  ///< 36–1200
    double marginMm = 10;                              ///< 0–50
    bool legend = true, scaleBar = true, northArrow = true, grid = false, overview = false;
    QString source;     ///< data source note (empty: the project's name)
    QString atlasLayer; ///< atlas coverage layer id (one page per feature); empty: one page
    QString atlasField; ///< the coverage field naming each page (empty: the layer's "name" field)
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
    ProjectCarbon carbon;               ///< the optional "carbon" section (absent in older files)
    ProjectGep gep;                     ///< the optional "gep" section (absent in older files)
    std::vector<ProjectLayout> layouts; ///< the optional "layouts" section: named map layouts
    ProjectAnalyses analyses;           ///< the optional "analyses" section: inputs of the analyses
    std::vector<ProjectResult> results; ///< the optional "results" section (ProjectResults.h)
    std::vector<ProjectPlan> plans;     ///< the optional "plans" section: restoration plans (ProjectPlans.h)

    /// Reads a project file. Throws gis::GisError: Open (missing or unreadable file, not JSON),
    /// InvalidArgument (wrong structure or newer version), naming the file and what is wrong.
    static Project load(const QString& file);
    /// Writes the project as indented UTF-8 JSON with sorted keys (deterministic bytes), atomically: its
    /// sections (toJson()) and the root keys of the file it was loaded from that it does not read (e.g.
    /// the app's "workspace"), as they were. Throws gis::GisError(Io) naming the file.
    void save(const QString& file) const;
    /// The sections the project holds, as save() writes them (paths relative to baseDir()); empty
    /// optional sections are left out.
    QJsonObject toJson() const;
    /// The root keys a project file's sections use (those load() reads and toJson() may write).
    static const QStringList& sectionKeys();
    /// Root keys of the loaded file that load() does not read, kept for save().
    const QJsonObject& otherKeys() const { return m_otherKeys; }
    void setOtherKeys(const QJsonObject& keys) { m_otherKeys = keys; }

    /// The folder of the file the project was loaded from or saved to (paths resolve against it).
    QString baseDir() const { return m_baseDir; }
    void setBaseDir(const QString& dir) { m_baseDir = dir; }
    /// Absolute path of a path relative to the project.
    QString resolve(const QString& relativePath) const;
    /// English messages, one per problem: missing files (naming the layer and the resolved path),
    /// files GDAL cannot read or that are not of the layer's declared kind, duplicate layer ids,
    /// absolute paths. Each message about a layer starts with "Layer <id>". Empty when the project is
    /// usable.
    QStringList validate() const;

    // Pointers into the project: deleted on a temporary project (`Project::load(f).layer(id)` would
    // dangle), so such code does not compile.
    const ProjectLayer* layer(const QString& id) const&;
    const ProjectLayer* layer(const QString& id) const&& = delete;
    std::vector<const ProjectLayer*> layersWithRole(const QString& role) const&;
    std::vector<const ProjectLayer*> layersWithRole(const QString& role) const&& = delete;
    const ProjectParameterTable* parameterTable(const QString& name) const&;
    const ProjectLayout* layout(const QString& name) const&;
    const ProjectLayout* layout(const QString& name) const&& = delete;
    const ProjectParameterTable* parameterTable(const QString& name) const&& = delete;
    /// The file this project was loaded from (empty for a project built in memory).
    QString fileName() const { return m_fileName; }

private:
    QString m_baseDir;
    QString m_fileName;
    QJsonObject m_otherKeys;
};

} // namespace tanhui::models
