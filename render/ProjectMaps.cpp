// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/LayerStyler.h"

#include <QCoreApplication>

#include <map>
#include <set>

namespace tanhui::gui {

namespace {

struct TypeInfo {
    const char* colour;
    const char* name; ///< English, translated through the context "EcosystemType"
};

const std::map<QString, TypeInfo>& typeTable() {
    static const std::map<QString, TypeInfo> table{
        { QStringLiteral("forest"), { "#2e7d32", QT_TRANSLATE_NOOP("EcosystemType", "Forest") } },
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

tanhui::render::RasterStyle LayerStyler::rasterStyle(tanhui::render::RasterSource& source,
                                                     const tanhui::models::ProjectLayer* layer,
                                                     const tanhui::models::Project* project) {
    using tanhui::render::RasterStyle;
    const QString role = layer ? layer->role : QString();
    auto dataset = source.acquire();
    RasterStyle style;
    if (role == QLatin1String("landcover") && project && !project->classes.empty()) {
        style.kind = RasterStyle::Kind::Paletted;
        for (const tanhui::models::ProjectClass& c : project->classes)
            style.classes.push_back({ double(c.code), QColor(c.color), c.nameEn, c.nameZh });
    } else if (!dataset->info().bands.empty() && !dataset->info().bands[0].colorTable.empty()) {
        style = tanhui::render::palettedFromColorTable(*dataset, 1);
    }
    if (style.kind != RasterStyle::Kind::Paletted || style.classes.empty()) {
        style.kind = RasterStyle::Kind::Pseudocolor;
        const auto [lo, hi] =
          tanhui::render::computeStretch(*dataset, 1, tanhui::render::StretchKind::CumulativeCut);
        style.min = lo;
        style.max = hi;
        const QString name = (role + QLatin1Char(' ') + source.info().path.c_str()).toLower();
        if (name.contains(QLatin1String("ndvi")))
            style.ramp = tanhui::render::ColorRamp::named(QStringLiteral("ndvi"));
        else if (name.contains(QLatin1String("carbon")) || name.contains(QLatin1String("density")))
            style.ramp = tanhui::render::ColorRamp::named(QStringLiteral("carbon"));
        else if (role == QLatin1String("precipitation") || role == QLatin1String("evapotranspiration"))
            style.ramp = tanhui::render::ColorRamp::named(QStringLiteral("blues"));
        else
            style.ramp = tanhui::render::ColorRamp::named(QStringLiteral("viridis"));
    }
    source.release(std::move(dataset));
    return style;
}

tanhui::render::VectorStyle LayerStyler::vectorStyle(const tanhui::render::VectorSource& source,
                                                     const tanhui::models::ProjectLayer* layer) {
    using tanhui::render::VectorStyle;
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
            tanhui::render::VectorCategory c;
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

} // namespace tanhui::gui
