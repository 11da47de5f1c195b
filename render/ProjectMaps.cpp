// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/ProjectMaps.h"

#include "gis/Errors.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>

#include <map>
#include <set>

namespace tanhui::render {

namespace {

struct TypeInfo {
    const char* colour;
    const char* name; ///< English, translated through the context "EcosystemType"
};

const std::map<QString, TypeInfo>& typeTable() {
    static const std::map<QString, TypeInfo> table{
        { QStringLiteral("forest"), { "#2e7d32", QT_TRANSLATE_NOOP("EcosystemType", "Forest") } },
        { QStringLiteral("broadleaf_forest"),
          { "#388e3c", QT_TRANSLATE_NOOP("EcosystemType", "Broadleaf forest") } },
        { QStringLiteral("shrubland"), { "#9ccc65", QT_TRANSLATE_NOOP("EcosystemType", "Shrubland") } },
        { QStringLiteral("clear_cut"), { "#bcaaa4", QT_TRANSLATE_NOOP("EcosystemType", "Clear-cut") } },
        { QStringLiteral("grassland"), { "#dce775", QT_TRANSLATE_NOOP("EcosystemType", "Grassland") } },
        { QStringLiteral("cropland"), { "#f2d16b", QT_TRANSLATE_NOOP("EcosystemType", "Cropland") } },
        { QStringLiteral("mangrove"), { "#00796b", QT_TRANSLATE_NOOP("EcosystemType", "Mangrove") } },
        { QStringLiteral("marsh"), { "#4db6ac", QT_TRANSLATE_NOOP("EcosystemType", "Marsh") } },
        { QStringLiteral("tidal_flat"), { "#d7c9a7", QT_TRANSLATE_NOOP("EcosystemType", "Tidal flat") } },
        { QStringLiteral("fishpond_dyke"),
          { "#81d4fa", QT_TRANSLATE_NOOP("EcosystemType", "Fishpond dyke") } },
        { QStringLiteral("river"), { "#1e88e5", QT_TRANSLATE_NOOP("EcosystemType", "River") } },
        { QStringLiteral("reservoir"), { "#1565c0", QT_TRANSLATE_NOOP("EcosystemType", "Reservoir") } },
        { QStringLiteral("wetland"), { "#26a69a", QT_TRANSLATE_NOOP("EcosystemType", "Wetland") } },
        { QStringLiteral("built_up"), { "#9e9e9e", QT_TRANSLATE_NOOP("EcosystemType", "Built-up") } },
        { QStringLiteral("settlement"), { "#757575", QT_TRANSLATE_NOOP("EcosystemType", "Settlement") } },
    };
    return table;
}

} // namespace

QColor LayerStyler::ecosystemColor(const QString& type) {
    const auto it = typeTable().find(type);
    return it == typeTable().end() ? QColor(QStringLiteral("#b0bec5"))
                                   : QColor(QLatin1String(it->second.colour));
}

QString LayerStyler::ecosystemName(const QString& type) {
    const auto it = typeTable().find(type);
    return it == typeTable().end() ? type : QCoreApplication::translate("EcosystemType", it->second.name);
}

RasterStyle LayerStyler::rasterStyle(RasterSource& source,
                                     const models::ProjectLayer* layer,
                                     const models::Project* project) {
    const QString role = layer ? layer->role : QString();
    auto dataset = source.acquire();
    RasterStyle style;
    if (role == QLatin1String("landcover") && project && !project->classes.empty()) {
        style.kind = RasterStyle::Kind::Paletted;
        for (const models::ProjectClass& c : project->classes)
            style.classes.push_back({ double(c.code), QColor(c.color), c.nameEn, c.nameZh, true });
    } else if (!dataset->info().bands.empty() && !dataset->info().bands[0].colorTable.empty()) {
        style = palettedFromColorTable(*dataset, 1);
    }
    if (style.kind != RasterStyle::Kind::Paletted || style.classes.empty()) {
        style.kind = RasterStyle::Kind::Pseudocolor;
        const auto [lo, hi] = computeStretch(*dataset, 1, StretchKind::CumulativeCut);
        style.min = lo;
        style.max = hi;
        const QString name = (role + QLatin1Char(' ') + source.info().path.c_str()).toLower();
        if (name.contains(QLatin1String("ndvi")))
            style.ramp = ColorRamp::named(QStringLiteral("ndvi"));
        else if (name.contains(QLatin1String("carbon")) || name.contains(QLatin1String("density")))
            style.ramp = ColorRamp::named(QStringLiteral("carbon"));
        else if (role == QLatin1String("precipitation") || role == QLatin1String("evapotranspiration"))
            style.ramp = ColorRamp::named(QStringLiteral("blues"));
        else
            style.ramp = ColorRamp::named(QStringLiteral("viridis"));
    }
    source.release(std::move(dataset));
    return style;
}

VectorStyle LayerStyler::vectorStyle(const VectorSource& source, const models::ProjectLayer* layer) {
    VectorStyle style;
    const QString role = layer ? layer->role : QString();
    style.symbol.strokeWidthMm = 0.1;
    style.symbol.stroke = QColor(60, 60, 60);
    if (role == QLatin1String("districts")) {
        style.symbol.fill = Qt::transparent;
        style.symbol.stroke = QColor(90, 40, 90);
        style.symbol.strokeWidthMm = 0.5;
        style.labelField = layer->fields.value(QStringLiteral("name"), layer->idField);
        if (source.fieldIndex(style.labelField) < 0)
            style.labelField = layer->idField;
        style.labelSizePt = 10;
        return style;
    }
    QString fixedType;
    if (role == QLatin1String("farmland_plots"))
        fixedType = QStringLiteral("cropland");
    else if (role == QLatin1String("restoration_plots"))
        fixedType = QStringLiteral("mangrove");
    const QString field = layer ? layer->fields.value(QStringLiteral("ecosystem_type")) : QString();
    const int fieldIndex = field.isEmpty() ? -1 : source.fieldIndex(field);
    if (fieldIndex >= 0) {
        style.kind = VectorStyle::Kind::Categorized;
        style.field = field;
        std::set<QString> values;
        for (std::size_t f = 0; f < source.size(); ++f)
            values.insert(source.attribute(f, fieldIndex).toString());
        for (const QString& value : values) {
            const QString canonical =
              layer->values.value(QStringLiteral("ecosystem_type:") + value,
                                  value.toLower().replace(QLatin1Char(' '), QLatin1Char('_')));
            VectorCategory c;
            c.value = value;
            c.label = value == canonical ? ecosystemName(canonical)
                                         : QStringLiteral("%1 (%2)").arg(value, ecosystemName(canonical));
            c.symbol = style.symbol;
            c.symbol.fill = ecosystemColor(canonical);
            style.categories.push_back(c);
        }
        return style;
    }
    style.symbol.fill = fixedType.isEmpty() ? QColor(QStringLiteral("#a1887f")) : ecosystemColor(fixedType);
    return style;
}

} // namespace tanhui::render

namespace tanhui::render {

namespace {

using gis::GisError;

/// Translation context of the project maps' text.
struct ProjectMap {
    Q_DECLARE_TR_FUNCTIONS(ProjectMap)
};

[[noreturn]] void invalid(const QString& message) {
    throw GisError(GisError::Kind::InvalidArgument, message.toStdString());
}

bool isParcelRole(const QString& role) {
    return role == QLatin1String("forest_subcompartments") || role == QLatin1String("farmland_plots") ||
           role == QLatin1String("wetland_units") || role == QLatin1String("restoration_plots");
}

/// The project's layer of `role` dated `year`, or null.
const models::ProjectLayer* layerOf(const models::Project& project, const QString& role, int year) {
    for (const models::ProjectLayer* l : project.layersWithRole(role))
        if (l->year == year)
            return l;
    return nullptr;
}

int lastYear(const models::Project& project, const QString& role) {
    int year = 0;
    for (const models::ProjectLayer* l : project.layersWithRole(role))
        year = std::max(year, l->year);
    return year;
}

std::optional<QPageSize::PageSizeId> pageSizeNamed(const QString& name) {
    static const std::map<QString, QPageSize::PageSizeId> sizes{
        { QStringLiteral("a0"), QPageSize::A0 },         { QStringLiteral("a1"), QPageSize::A1 },
        { QStringLiteral("a2"), QPageSize::A2 },         { QStringLiteral("a3"), QPageSize::A3 },
        { QStringLiteral("a4"), QPageSize::A4 },         { QStringLiteral("a5"), QPageSize::A5 },
        { QStringLiteral("b4"), QPageSize::B4 },         { QStringLiteral("b5"), QPageSize::B5 },
        { QStringLiteral("letter"), QPageSize::Letter }, { QStringLiteral("legal"), QPageSize::Legal },
    };
    const auto it = sizes.find(name.toLower());
    return it == sizes.end() ? std::nullopt : std::optional(it->second);
}

} // namespace

QString projectLayerTitle(const models::ProjectLayer& layer) {
    static const std::map<QString, const char*> names{
        { QStringLiteral("landcover"), QT_TRANSLATE_NOOP("ProjectMap", "Land cover") },
        { QStringLiteral("ndvi"), QT_TRANSLATE_NOOP("ProjectMap", "NDVI") },
        { QStringLiteral("ndvi_stack"), QT_TRANSLATE_NOOP("ProjectMap", "NDVI") },
        { QStringLiteral("dem"), QT_TRANSLATE_NOOP("ProjectMap", "Elevation (m)") },
        { QStringLiteral("precipitation"), QT_TRANSLATE_NOOP("ProjectMap", "Precipitation (mm/yr)") },
        { QStringLiteral("evapotranspiration"),
          QT_TRANSLATE_NOOP("ProjectMap", "Evapotranspiration (mm/yr)") },
        { QStringLiteral("forest_subcompartments"),
          QT_TRANSLATE_NOOP("ProjectMap", "Forest sub-compartments") },
        { QStringLiteral("farmland_plots"), QT_TRANSLATE_NOOP("ProjectMap", "Farmland plots") },
        { QStringLiteral("wetland_units"), QT_TRANSLATE_NOOP("ProjectMap", "Wetland units") },
        { QStringLiteral("restoration_plots"), QT_TRANSLATE_NOOP("ProjectMap", "Restoration plots") },
        { QStringLiteral("districts"), QT_TRANSLATE_NOOP("ProjectMap", "Districts") },
    };
    const auto it = names.find(layer.role);
    QString title = it == names.end() ? layer.id : QCoreApplication::translate("ProjectMap", it->second);
    if (layer.year > 0)
        title += QStringLiteral(" %1").arg(layer.year);
    return title;
}

LayoutLayer projectLayoutLayer(const models::Project& project,
                               const models::ProjectLayer& layer,
                               const gis::Crs& mapCrs,
                               const QString& /*language*/) {
    LayoutLayer out;
    out.title = projectLayerTitle(layer);
    out.map.id = layer.id;
    const QString path = project.resolve(layer.path);
    try {
        if (layer.kind == QLatin1String("raster")) {
            auto source = RasterSource::open(path.toStdString());
            out.map.rasterStyle = LayerStyler::rasterStyle(*source, &layer, &project);
            out.map.raster = std::move(source);
        } else {
            gis::VectorOpenOptions options;
            options.encodingOverride = layer.encoding.toStdString();
            auto source = VectorSource::load(path.toStdString(), options, mapCrs);
            out.map.vectorStyle = LayerStyler::vectorStyle(*source, &layer);
            out.map.vector = std::move(source);
        }
    } catch (const GisError& error) {
        throw GisError(error.kind(),
                       ProjectMap::tr("Layer %1 (%2): %3")
                         .arg(layer.id, path, QString::fromStdString(error.what()))
                         .toStdString(),
                       path.toStdString());
    }
    return out;
}

MapLayout projectMapLayout(const models::Project& project, const ProjectMapRequest& request) {
    const models::ProjectLayout* pl = request.layout;
    const QString where = pl ? ProjectMap::tr("layout \"%1\": ").arg(pl->name) : QString();
    MapLayout layout;
    layout.language = request.language;
    layout.crs = gis::Crs::fromUserInput(
      (project.crs.isEmpty() ? QStringLiteral("EPSG:4547") : project.crs).toStdString());

    // The date: --date, the layout's year, or the last land-cover year.
    int year = request.year.value_or(pl && pl->year > 0 ? pl->year : 0);
    if (request.year && lastYear(project, QStringLiteral("landcover")) > 0 &&
        !layerOf(project, QStringLiteral("landcover"), *request.year)) {
        QStringList years;
        for (const models::ProjectLayer* l : project.layersWithRole(QStringLiteral("landcover")))
            years << QString::number(l->year);
        invalid(ProjectMap::tr("--date %1: the project has no land cover of that year (it has %2)")
                  .arg(*request.year)
                  .arg(years.join(QStringLiteral(", "))));
    }
    std::vector<const models::ProjectLayer*> chosen;
    if (!pl || pl->layers.isEmpty()) {
        if (year == 0)
            year = lastYear(project, QStringLiteral("landcover"));
        if (const models::ProjectLayer* lc = layerOf(project, QStringLiteral("landcover"), year))
            chosen.push_back(lc);
        for (const models::ProjectLayer& l : project.layers)
            if (l.kind == QLatin1String("vector") && isParcelRole(l.role))
                chosen.push_back(&l);
        for (const models::ProjectLayer* l : project.layersWithRole(QStringLiteral("districts")))
            chosen.push_back(l);
        if (chosen.empty())
            invalid(ProjectMap::tr(
              "the project has no land-cover, parcel or district layer to map; name layers in a layout"));
    } else {
        for (const QString& id : pl->layers) {
            const models::ProjectLayer* l = project.layer(id);
            if (!l)
                invalid(where + ProjectMap::tr("layers: unknown layer \"%1\"").arg(id));
            // A date swaps a dated layer for its role's layer of that year.
            if (year > 0 && l->year > 0 && l->year != year) {
                const models::ProjectLayer* dated = layerOf(project, l->role, year);
                if (!dated)
                    invalid(
                      where +
                      ProjectMap::tr("layers: \"%1\" has no %2 layer of %3").arg(id, l->role).arg(year));
                l = dated;
            }
            chosen.push_back(l);
        }
    }
    bool rasterBelow = false;
    bool landCover = false;
    for (const models::ProjectLayer* l : chosen) {
        landCover = landCover || l->role == QLatin1String("landcover");
        LayoutLayer layer = projectLayoutLayer(project, *l, layout.crs, request.language);
        // Parcels over a raster are drawn as outlines so the raster stays readable.
        if (rasterBelow && layer.map.vector && isParcelRole(l->role)) {
            VectorStyle outline;
            outline.symbol.fill = Qt::transparent;
            outline.symbol.stroke = QColor(40, 40, 40, 120);
            outline.symbol.strokeWidthMm = 0.12;
            layer.map.vectorStyle = outline;
        } else {
            // The overview inset shows the ground and the districts, not thousands of parcel outlines.
            layout.overviewLayers.push_back(layer.map);
        }
        if (layer.map.raster)
            rasterBelow = true;
        if (year == 0 && l->year > 0)
            year = l->year;
        layout.layers.push_back(std::move(layer));
    }

    layout.title = pl && !pl->title.isEmpty() ? pl->title : project.name;
    if (year > 0)
        layout.subtitle = landCover ? ProjectMap::tr("Land cover %1").arg(year) : QString::number(year);
    layout.sourceNote =
      ProjectMap::tr("Data: %1").arg(pl && !pl->source.isEmpty() ? pl->source : project.name);
    layout.dateNote =
      ProjectMap::tr("Map made with Tanhui on %1").arg(QDate::currentDate().toString(Qt::ISODate));
    if (pl) {
        if (!pl->extent.empty())
            layout.extent = { pl->extent[0], pl->extent[1], pl->extent[2], pl->extent[3] };
        const std::optional<QPageSize::PageSizeId> size = pageSizeNamed(pl->page);
        if (!size)
            invalid(
              where +
              ProjectMap::tr("page: unknown page size \"%1\" (A0–A5, B4, B5, Letter, Legal)").arg(pl->page));
        layout.page.size = *size;
        layout.page.orientation =
          pl->orientation == QLatin1String("portrait") ? QPageLayout::Portrait : QPageLayout::Landscape;
        layout.page.dpi = pl->dpi;
        layout.page.marginMm = pl->marginMm;
        layout.options.legend = pl->legend;
        layout.options.scaleBar = pl->scaleBar;
        layout.options.northArrow = pl->northArrow;
        layout.options.grid = pl->grid;
        layout.options.overview = pl->overview;
    }
    if (request.dpi)
        layout.page.dpi = *request.dpi;
    return layout;
}

std::vector<MapLayout> projectAtlas(const models::Project& project,
                                    const MapLayout& base,
                                    const QString& coverageLayerId,
                                    const QString& nameField,
                                    QStringList& suffixes) {
    const models::ProjectLayer* l = project.layer(coverageLayerId);
    if (!l)
        invalid(ProjectMap::tr("--atlas %1: the project has no such layer").arg(coverageLayerId));
    if (l->kind != QLatin1String("vector"))
        invalid(ProjectMap::tr("--atlas %1: the atlas coverage must be a polygon layer, not a %2")
                  .arg(coverageLayerId, l->kind));
    gis::VectorOpenOptions options;
    options.encodingOverride = l->encoding.toStdString();
    const auto source = VectorSource::load(project.resolve(l->path).toStdString(), options, base.crs);
    QString field = nameField;
    if (field.isEmpty())
        field = l->fields.value(QStringLiteral("name"), l->fields.value(QStringLiteral("id"), l->idField));
    else
        field = l->fields.value(field, field);
    const int fieldIndex = source->fieldIndex(field);
    if (fieldIndex < 0)
        invalid(ProjectMap::tr("--atlas %1: the layer has no field \"%2\" to name its pages")
                  .arg(coverageLayerId, field));
    std::vector<MapLayout> pages;
    suffixes.clear();
    for (std::size_t f = 0; f < source->size(); ++f) {
        const gis::Box b = source->bounds(f);
        if (b.isEmpty())
            continue;
        MapLayout page = base;
        const double dx = b.width() * 0.05, dy = b.height() * 0.05;
        page.extent = { b.xmin - dx, b.ymin - dy, b.xmax + dx, b.ymax + dy };
        const QString name = source->attribute(f, fieldIndex).toString();
        page.title = QStringLiteral("%1 · %2").arg(name, base.title);
        page.highlight = source;
        page.highlightFeatures = { std::uint32_t(f) };
        page.options.overview = true; // locates the feature in the whole area
        pages.push_back(std::move(page));
        QString suffix = name;
        suffix.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|\\s]+")), QStringLiteral("_"));
        if (suffix.isEmpty() || suffixes.contains(suffix))
            suffix = QStringLiteral("%1").arg(f + 1, 3, 10, QLatin1Char('0'));
        suffixes << suffix;
    }
    if (pages.empty())
        invalid(ProjectMap::tr("--atlas %1: the layer has no feature with an area").arg(coverageLayerId));
    return pages;
}

} // namespace tanhui::render
