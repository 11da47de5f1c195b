// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/carbon/FieldMapping.h"

#include "gis/VectorLayer.h"
#include "models/carbon/InventoryRoute.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <set>
#include <tuple>

namespace tanhui::models::carbon {

namespace {

const QString kForest = QStringLiteral("forest_subcompartments");
const QString kFarm = QStringLiteral("farmland_plots");
const QString kWetland = QStringLiteral("wetland_units");
const QString kPlots = QStringLiteral("restoration_plots");

/// Lower case without blanks, '_' and '-': "Volume_m3" and "volume m3" compare equal.
QString normalised(const QString& name) {
    QString out = name.toLower();
    out.remove(QRegularExpression(QStringLiteral("[\\s_\\-]")));
    return out;
}

/// Share (0–1) of the non-empty sample values for which `accept` holds; 0 without values.
template<typename Accept>
double shareOf(const FieldSample& field, Accept accept) {
    int n = 0, yes = 0;
    for (const QString& v : field.values) {
        if (v.trimmed().isEmpty())
            continue;
        ++n;
        if (accept(v.trimmed()))
            ++yes;
    }
    return n == 0 ? 0.0 : double(yes) / double(n);
}

bool containsAny(const QString& value, const std::vector<const char*>& parts) {
    const QString v = value.toLower();
    return std::any_of(
      parts.begin(), parts.end(), [&](const char* p) { return v.contains(QString::fromUtf8(p)); });
}

bool isInteger(const FieldSample& f) {
    return f.typeName.startsWith(QLatin1String("Integer"));
}
bool isNumeric(const FieldSample& f) {
    return isInteger(f) || f.typeName == QLatin1String("Real");
}

/// All sample values are numbers within [lo, hi] (at least one value).
bool allNumbersIn(const FieldSample& f, double lo, double hi) {
    bool any = false;
    for (const QString& v : f.values) {
        if (v.trimmed().isEmpty())
            continue;
        bool ok = false;
        const double x = v.toDouble(&ok);
        if (!ok || x < lo || x > hi)
            return false;
        any = true;
    }
    return any;
}

/// How much `field`'s values look like `attribute` (0: not at all; at most 60, below any name match).
int valueScore(const QString& attribute, const FieldSample& field) {
    constexpr double kMostly = 0.8;
    if (attribute == QLatin1String("origin")) {
        // The words the forest route accepts (parseStandOrigin).
        return shareOf(field, [](const QString& v) { return parseStandOrigin(v).has_value(); }) >= kMostly
                 ? 60
                 : 0;
    }
    // Text fields whose values mostly name species, crops or land classes (a word part in each value).
    struct WordHint {
        const char* attribute;
        int score;
        std::vector<const char*> parts;
    };
    static const WordHint words[] = {
        { "species_group",
          55,
          { "松",
            "杉",
            "桉",
            "柏",
            "栎",
            "樟",
            "相思",
            "木荷",
            "阔叶",
            "针叶",
            "pine",
            "fir",
            "eucalypt",
            "broadleaf",
            "conifer" } },
        { "crop",
          55,
          { "稻",
            "玉米",
            "花生",
            "甘蔗",
            "蔬菜",
            "薯",
            "豆",
            "麦",
            "rice",
            "paddy",
            "maize",
            "corn",
            "vegetable",
            "sugarcane",
            "peanut",
            "wheat",
            "soy" } },
        { "ecosystem_type",
          50,
          { "林地",
            "林",
            "灌",
            "湿地",
            "红树",
            "滩涂",
            "沼泽",
            "水田",
            "旱地",
            "草地",
            "坑塘",
            "forest",
            "shrub",
            "wetland",
            "mangrove",
            "marsh",
            "tidal",
            "cropland",
            "grassland" } },
    };
    for (const WordHint& w : words)
        if (attribute == QLatin1String(w.attribute))
            return shareOf(field, [&](const QString& v) { return containsAny(v, w.parts); }) >= kMostly
                     ? w.score
                     : 0;
    if (attribute == QLatin1String("organic_fertiliser")) {
        return shareOf(field,
                       [](const QString& v) {
                           static const QStringList yesNo = { QStringLiteral("是"),
                                                              QStringLiteral("否"),
                                                              QStringLiteral("yes"),
                                                              QStringLiteral("no") };
                           return yesNo.contains(v.toLower());
                       }) >= kMostly
                 ? 30
                 : 0;
    }
    // Numbers: weak hints, used only when no name matched.
    if (attribute == QLatin1String("volume_m3_per_ha"))
        return field.typeName == QLatin1String("Real") && allNumbersIn(field, 0, 1500) ? 20 : 0;
    if (attribute == QLatin1String("age_years"))
        return isInteger(field) && allNumbersIn(field, 0, 300) ? 15 : 0;
    if (attribute == QLatin1String("planting_year") || attribute == QLatin1String("straw_return_since") ||
        attribute == QLatin1String("practice_year"))
        return isNumeric(field) && allNumbersIn(field, 1900, 2100) ? 15 : 0;
    return 0;
}

/// How well `field`'s name matches `attribute`: 100 its key, 90 one of its names, 70 a name containing
/// one of its names (of at least two Chinese or four Latin characters: "ln" or "age" only as a whole
/// name); 0 otherwise.
int nameScore(const FieldAttribute& attribute, const QString& field) {
    const QString f = normalised(field);
    if (f == normalised(attribute.key))
        return 100;
    int best = 0;
    for (const QString& name : attribute.names) {
        const QString n = normalised(name);
        if (f == n)
            return 90;
        const bool cjk = !n.isEmpty() && n.at(0).unicode() >= 0x2E80;
        if (n.size() >= (cjk ? 2 : 4) && f.contains(n))
            best = 70;
    }
    return best;
}

} // namespace

const std::vector<FieldAttribute>& fieldAttributes() {
    // Names: the national forest management inventory's (森林资源规划设计调查) and the farmland and
    // wetland surveys' usual Chinese field names, their pinyin initials, and English.
    static const std::vector<FieldAttribute> attributes = {
        { QStringLiteral("id"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Parcel id"),
          QT_TRANSLATE_NOOP("FieldAttribute",
                            "Unique id of each parcel: names parcels in every result table."),
          {},
          { QStringLiteral("小班号"),
            QStringLiteral("地块编码"),
            QStringLiteral("单元编码"),
            QStringLiteral("编号"),
            QStringLiteral("编码"),
            QStringLiteral("xbh"),
            QStringLiteral("plot_id"),
            QStringLiteral("parcel_id") } },
        { QStringLiteral("ecosystem_type"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Land class / ecosystem type"),
          QT_TRANSLATE_NOOP("FieldAttribute",
                            "The parcel's land class (地类) or ecosystem; its values are mapped to Tanhui's "
                            "types in the project. Read by the carbon run and GEP."),
          { kForest, kWetland },
          { QStringLiteral("地类"),
            QStringLiteral("类型"),
            QStringLiteral("type"),
            QStringLiteral("dl"),
            QStringLiteral("landclass"),
            QStringLiteral("ecosystem"),
            QStringLiteral("土地利用") } },
        { QStringLiteral("species_group"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Dominant species"),
          QT_TRANSLATE_NOOP("FieldAttribute",
                            "Dominant tree species (优势树种): selects wood density, BEF and root ratio "
                            "(volume method, forest route)."),
          { kForest },
          { QStringLiteral("优势树种"),
            QStringLiteral("树种"),
            QStringLiteral("yssz"),
            QStringLiteral("species"),
            QStringLiteral("dominant") } },
        { QStringLiteral("volume_m3_per_ha"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Stand volume per hectare (m³/ha)"),
          QT_TRANSLATE_NOOP("FieldAttribute",
                            "Growing stock per hectare (每公顷蓄积), m³/ha (volume method, forest route)."),
          { kForest },
          { QStringLiteral("每公顷蓄积"),
            QStringLiteral("公顷蓄积"),
            QStringLiteral("mgqxj"),
            QStringLiteral("volume_per_ha"),
            QStringLiteral("vol_ha"),
            QStringLiteral("m3_per_ha") } },
        { QStringLiteral("age_years"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Stand age (years)"),
          QT_TRANSLATE_NOOP("FieldAttribute",
                            "Mean age of the stand (林龄), years: growth by age (forest route)."),
          { kForest },
          { QStringLiteral("林龄"),
            QStringLiteral("平均年龄"),
            QStringLiteral("年龄"),
            QStringLiteral("ln"),
            QStringLiteral("age") } },
        { QStringLiteral("origin"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Origin (natural / planted)"),
          QT_TRANSLATE_NOOP("FieldAttribute",
                            "起源: natural (天然) or planted (人工) stand: growth rates (forest route)."),
          { kForest },
          { QStringLiteral("起源"), QStringLiteral("qy"), QStringLiteral("origin") } },
        { QStringLiteral("crop"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Crop"),
          QT_TRANSLATE_NOOP("FieldAttribute",
                            "Crop grown on the plot (作物): cropland soil factors (soil method)."),
          { kFarm },
          { QStringLiteral("作物"),
            QStringLiteral("种植作物"),
            QStringLiteral("作物类型"),
            QStringLiteral("crop") } },
        { QStringLiteral("practice"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Management practice"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Tillage and input practice of the plot (soil method)."),
          { kFarm },
          { QStringLiteral("耕作方式"),
            QStringLiteral("管理方式"),
            QStringLiteral("practice"),
            QStringLiteral("tillage") } },
        { QStringLiteral("practice_year"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Practice since (year)"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Year the current practice started (soil method)."),
          { kFarm },
          { QStringLiteral("耕作起始年"),
            QStringLiteral("practice_year"),
            QStringLiteral("practice_since") } },
        { QStringLiteral("straw_return_since"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Straw returned since (year)"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Year straw return started (秸秆还田), soil method."),
          { kFarm },
          { QStringLiteral("秸秆还田起始年"), QStringLiteral("秸秆还田"), QStringLiteral("straw") } },
        { QStringLiteral("organic_fertiliser"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Organic fertiliser (yes / no)"),
          QT_TRANSLATE_NOOP("FieldAttribute",
                            "Whether manure or organic fertiliser is applied (施用有机肥)."),
          { kFarm },
          { QStringLiteral("施用有机肥"),
            QStringLiteral("有机肥"),
            QStringLiteral("organic"),
            QStringLiteral("manure") } },
        { QStringLiteral("planting_year"),
          QT_TRANSLATE_NOOP("FieldAttribute", "Planting year"),
          QT_TRANSLATE_NOOP("FieldAttribute",
                            "Year the plot was planted (种植年份): blue carbon accumulates from it."),
          { kPlots },
          { QStringLiteral("种植年份"),
            QStringLiteral("造林年度"),
            QStringLiteral("造林年份"),
            QStringLiteral("种植年"),
            QStringLiteral("planting"),
            QStringLiteral("planted") } },
    };
    return attributes;
}

std::vector<const FieldAttribute*> fieldAttributesFor(const QString& role) {
    std::vector<const FieldAttribute*> out;
    for (const FieldAttribute& a : fieldAttributes())
        if (a.roles.isEmpty() || a.roles.contains(role))
            out.push_back(&a);
    return out;
}

std::vector<FieldSample> sampleFields(const Project& project,
                                      const ProjectLayer& layer,
                                      int maxFeatures,
                                      int maxValues) {
    gis::VectorOpenOptions options;
    options.encodingOverride = layer.encoding.toStdString();
    gis::VectorLayer opened(project.resolve(layer.path).toStdString(), options);
    std::vector<FieldSample> out;
    for (const gis::FieldInfo& f : opened.info().fields)
        out.push_back({ f.name, f.typeName, {} });
    std::vector<std::set<QString>> seen(out.size());
    gis::Feature feature;
    for (int n = 0; n < maxFeatures && opened.next(feature); ++n)
        for (std::size_t i = 0; i < out.size() && i < feature.attributes.size(); ++i) {
            const QVariant& v = feature.attributes[i];
            if (v.isNull() || int(out[i].values.size()) >= maxValues)
                continue;
            const QString text = v.toString();
            if (seen[i].insert(text).second)
                out[i].values << text;
        }
    return out;
}

std::vector<FieldSuggestion> suggestFieldMapping(const QString& role,
                                                 const std::vector<FieldSample>& fields,
                                                 const QMap<QString, QString>& saved) {
    const std::vector<const FieldAttribute*> attributes = fieldAttributesFor(role);
    std::vector<FieldSuggestion> out;
    std::set<QString> usedFields, doneAttributes;
    auto hasField = [&](const QString& name) {
        return std::any_of(
          fields.begin(), fields.end(), [&](const FieldSample& f) { return f.name == name; });
    };
    for (const FieldAttribute* a : attributes)
        if (const QString f = saved.value(a->key); !f.isEmpty() && hasField(f)) {
            out.push_back({ a->key, f, FieldSuggestion::Basis::Saved });
            usedFields.insert(f);
            doneAttributes.insert(a->key);
        }
    // Every (score, attribute, field) candidate; the strongest first, ties in form and file order.
    std::vector<std::tuple<int, std::size_t, std::size_t, FieldSuggestion::Basis>> candidates;
    for (std::size_t ai = 0; ai < attributes.size(); ++ai) {
        if (doneAttributes.count(attributes[ai]->key))
            continue;
        for (std::size_t fi = 0; fi < fields.size(); ++fi) {
            if (usedFields.count(fields[fi].name))
                continue;
            if (const int s = nameScore(*attributes[ai], fields[fi].name); s > 0)
                candidates.emplace_back(s, ai, fi, FieldSuggestion::Basis::Name);
            else if (const int v = valueScore(attributes[ai]->key, fields[fi]); v > 0)
                candidates.emplace_back(v, ai, fi, FieldSuggestion::Basis::Values);
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
        return std::get<0>(a) > std::get<0>(b);
    });
    for (const auto& [score, ai, fi, basis] : candidates) {
        const FieldAttribute& a = *attributes[ai];
        const QString& f = fields[fi].name;
        if (doneAttributes.count(a.key) || usedFields.count(f))
            continue;
        out.push_back({ a.key, f, basis });
        doneAttributes.insert(a.key);
        usedFields.insert(f);
    }
    // In the form's order.
    std::sort(out.begin(), out.end(), [&](const FieldSuggestion& x, const FieldSuggestion& y) {
        auto index = [&](const QString& key) {
            return std::find_if(attributes.begin(),
                                attributes.end(),
                                [&](const FieldAttribute* a) { return a->key == key; }) -
                   attributes.begin();
        };
        return index(x.attribute) < index(y.attribute);
    });
    return out;
}

} // namespace tanhui::models::carbon
