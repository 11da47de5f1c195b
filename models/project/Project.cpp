// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/project/Project.h"

#include "models/project/JsonNumbers.h"
#include "models/project/ProjectAnalyses.h"

#include "gis/Errors.h"
#include "gis/Gdal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace tanhui::models {

namespace {

/// Translation context of the project file's messages.
struct ProjectFile {
    Q_DECLARE_TR_FUNCTIONS(ProjectFile)
};

using gis::GisError;

[[noreturn]] void bad(const QString& file, const QString& what) {
    throw GisError(GisError::Kind::InvalidArgument,
                   ProjectFile::tr("Project file %1: %2").arg(file, what).toStdString(),
                   file.toStdString());
}

QJsonObject mapToJson(const QMap<QString, QString>& map) {
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QMap<QString, QString> mapFromJson(const QJsonValue& v) {
    QMap<QString, QString> map;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

void putIf(QJsonObject& o, const char* key, const QString& value) {
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

/// Parses the optional "carbon" section (structure only; meaning is checked by
/// models::carbon::validateCarbonProject).
ProjectCarbon carbonFromJson(const QString& file, const QJsonValue& value) {
    ProjectCarbon c;
    if (value.isUndefined() || value.isNull())
        return c;
    if (!value.isObject())
        bad(file, ProjectFile::tr("\"carbon\" must be a JSON object"));
    c.present = true;
    const QJsonObject o = value.toObject();
    static const QSet<QString> known = { QStringLiteral("years"),       QStringLiteral("layers"),
                                         QStringLiteral("methods"),     QStringLiteral("grouping"),
                                         QStringLiteral("valuation"),   QStringLiteral("parameters"),
                                         QStringLiteral("uncertainty"), QStringLiteral("land_use_change"),
                                         QStringLiteral("precedence") };
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            bad(file,
                ProjectFile::tr("carbon.%1 is not a known key (known: grouping, land_use_change, layers, "
                                "methods, parameters, precedence, uncertainty, valuation, years)")
                  .arg(it.key()));
    const QJsonValue years = o.value(QLatin1String("years"));
    if (!years.isUndefined() && !years.isArray())
        bad(file, ProjectFile::tr("carbon.years must be an array of years, e.g. [2015, 2024]"));
    for (const QJsonValue& y : years.toArray()) {
        const std::optional<int> v = wholeJsonNumber<int>(y);
        if (!v)
            bad(file,
                ProjectFile::tr("carbon.years must hold whole numbers (years), not %1")
                  .arg(QString::fromUtf8(QJsonDocument(QJsonArray{ y }).toJson(QJsonDocument::Compact))));
        c.years.push_back(*v);
    }
    const QJsonValue layers = o.value(QLatin1String("layers"));
    if (!layers.isUndefined() && !layers.isArray())
        bad(file, ProjectFile::tr("carbon.layers must be an array of objects"));
    for (const QJsonValue& v : layers.toArray()) {
        if (!v.isObject())
            bad(file, ProjectFile::tr("carbon.layers must be an array of objects"));
        const QJsonObject lo = v.toObject();
        ProjectCarbonLayer l;
        l.layer = lo.value(QLatin1String("layer")).toString();
        l.ecosystemType = lo.value(QLatin1String("ecosystem_type")).toString();
        l.ecosystemTypeField = lo.value(QLatin1String("ecosystem_type_field")).toString();
        l.methodField = lo.value(QLatin1String("method_field")).toString();
        if (l.layer.isEmpty())
            bad(
              file,
              ProjectFile::tr("carbon.layers[%1] has no \"layer\" (a vector layer id)").arg(c.layers.size()));
        c.layers.push_back(l);
    }
    const QJsonValue methods = o.value(QLatin1String("methods"));
    if (!methods.isUndefined() && !methods.isObject())
        bad(file,
            ProjectFile::tr("carbon.methods must be an object: ecosystem type → {\"method\": name, "
                            "options...}"));
    const QJsonObject mo = methods.toObject();
    for (auto it = mo.begin(); it != mo.end(); ++it) {
        // One entry (a name or an object) or a list of them: the first is the primary method.
        auto entry = [&](const QJsonValue& value, const QString& key) {
            ProjectCarbonMethod m;
            if (value.isString()) {
                m.method = value.toString();
            } else if (value.isObject()) {
                const QJsonObject e = value.toObject();
                for (auto opt = e.begin(); opt != e.end(); ++opt) {
                    if (opt.value().isObject() || opt.value().isArray())
                        bad(file, ProjectFile::tr("%1.%2 must be a string or a number").arg(key, opt.key()));
                    const QString text = opt.value().isDouble()
                                           ? QString::number(opt.value().toDouble(), 'g', 17)
                                           : opt.value().toVariant().toString();
                    if (opt.key() == QLatin1String("method"))
                        m.method = text;
                    else
                        m.options.insert(opt.key(), text);
                }
            } else {
                bad(file,
                    ProjectFile::tr("%1 must be a method name, an object with \"method\" or a list of them")
                      .arg(key));
            }
            return m;
        };
        const QString key = QStringLiteral("carbon.methods.") + it.key();
        std::vector<ProjectCarbonMethod> list;
        if (it.value().isArray()) {
            const QJsonArray a = it.value().toArray();
            if (a.isEmpty())
                bad(file, ProjectFile::tr("%1 is an empty list; give at least one method").arg(key));
            for (qsizetype i = 0; i < a.size(); ++i)
                list.push_back(entry(a.at(i), QStringLiteral("%1[%2]").arg(key).arg(i)));
        } else {
            list.push_back(entry(it.value(), key));
        }
        c.methods.insert(it.key(), list);
    }
    const QJsonValue grouping = o.value(QLatin1String("grouping"));
    if (!grouping.isUndefined() && !grouping.isObject())
        bad(file,
            ProjectFile::tr("carbon.grouping must be an object with \"name\" and \"layer\" or \"field\""));
    const QJsonObject go = grouping.toObject();
    c.groupName = go.value(QLatin1String("name")).toString();
    c.groupLayer = go.value(QLatin1String("layer")).toString();
    c.groupField = go.value(QLatin1String("field")).toString();
    const QJsonValue valuation = o.value(QLatin1String("valuation"));
    if (!valuation.isUndefined() && !valuation.isObject())
        bad(file,
            ProjectFile::tr(
              "carbon.valuation must be an object with \"price\", \"discount\", \"price_change\""));
    const QJsonObject vo = valuation.toObject();
    auto number = [&](const char* key, std::optional<double>& out) {
        const QJsonValue n = vo.value(QLatin1String(key));
        if (n.isUndefined())
            return;
        if (!n.isDouble())
            bad(file, ProjectFile::tr("carbon.valuation.%1 must be a number").arg(QLatin1String(key)));
        out = n.toDouble();
    };
    number("price", c.price);
    number("discount", c.discountPct);
    number("price_change", c.priceChangePct);
    const QJsonValue parameters = o.value(QLatin1String("parameters"));
    if (!parameters.isUndefined() && !parameters.isObject())
        bad(file, ProjectFile::tr("carbon.parameters must be an object: role → parameter table name"));
    c.parameters = mapFromJson(parameters);
    const QJsonValue precedence = o.value(QLatin1String("precedence"));
    if (!precedence.isUndefined() && !precedence.isArray())
        bad(file,
            ProjectFile::tr("carbon.precedence must be an array of layer ids, highest precedence first, "
                            "e.g. [\"restoration\", \"wetlands\", \"xiaoban\", \"farmland\"]"));
    for (const QJsonValue& v : precedence.toArray()) {
        if (!v.isString())
            bad(file, ProjectFile::tr("carbon.precedence must hold layer ids (strings)"));
        c.precedence << v.toString();
    }
    const QJsonValue uncertainty = o.value(QLatin1String("uncertainty"));
    if (!uncertainty.isUndefined()) {
        if (!uncertainty.isObject())
            bad(file,
                ProjectFile::tr("carbon.uncertainty must be an object with \"iterations\", \"seed\", "
                                "\"default_u_pct\" (e.g. {\"iterations\": 1000, \"seed\": 42})"));
        c.uncertainty.present = true;
        const QJsonObject uo = uncertainty.toObject();
        for (auto it = uo.begin(); it != uo.end(); ++it) {
            std::optional<double>* out = it.key() == QLatin1String("iterations") ? &c.uncertainty.iterations
                                         : it.key() == QLatin1String("seed")     ? &c.uncertainty.seed
                                         : it.key() == QLatin1String("default_u_pct")
                                           ? &c.uncertainty.defaultUPct
                                           : nullptr;
            if (!out)
                bad(file,
                    ProjectFile::tr("carbon.uncertainty.%1 is not a known key (known: default_u_pct, "
                                    "iterations, seed)")
                      .arg(it.key()));
            if (!it.value().isDouble())
                bad(file, ProjectFile::tr("carbon.uncertainty.%1 must be a number").arg(it.key()));
            *out = it.value().toDouble();
        }
    }
    const QJsonValue luc = o.value(QLatin1String("land_use_change"));
    if (!luc.isUndefined() && !luc.isArray())
        bad(file,
            ProjectFile::tr("carbon.land_use_change must be an array of rules, e.g. [{\"type\": "
                            "\"settlement\", \"classes\": [61], \"min_share\": 0.5}]"));
    const QJsonArray rules = luc.toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString key = QStringLiteral("carbon.land_use_change[%1]").arg(i);
        if (!rules[i].isObject())
            bad(file,
                ProjectFile::tr("%1 must be an object with \"type\", \"classes\", \"min_share\"").arg(key));
        const QJsonObject ro = rules[i].toObject();
        for (auto it = ro.begin(); it != ro.end(); ++it)
            if (it.key() != QLatin1String("type") && it.key() != QLatin1String("classes") &&
                it.key() != QLatin1String("min_share"))
                bad(file,
                    ProjectFile::tr("%1.%2 is not a known key (known: classes, min_share, type)")
                      .arg(key, it.key()));
        ProjectLandUseChange r;
        if (!ro.value(QLatin1String("type")).isString())
            bad(file,
                ProjectFile::tr("%1.type must be an ecosystem type name, e.g. \"settlement\"").arg(key));
        r.type = ro.value(QLatin1String("type")).toString().trimmed();
        if (!ro.value(QLatin1String("classes")).isArray())
            bad(file, ProjectFile::tr("%1.classes must be an array of land-cover codes, e.g. [61]").arg(key));
        for (const QJsonValue& v : ro.value(QLatin1String("classes")).toArray()) {
            const std::optional<int> code = wholeJsonNumber<int>(v);
            if (!code)
                bad(file, ProjectFile::tr("%1.classes must hold whole land-cover codes").arg(key));
            r.classes.push_back(*code);
        }
        const QJsonValue share = ro.value(QLatin1String("min_share"));
        if (!share.isUndefined()) {
            if (!share.isDouble())
                bad(file, ProjectFile::tr("%1.min_share must be a number (a share, 0–1)").arg(key));
            r.minShare = share.toDouble();
        }
        c.landUseChange.push_back(std::move(r));
    }
    return c;
}

/// Parses the optional "gep" section: types, ranges and names (docs/gep.md "Project settings"); every
/// problem names the file and the key (gep.<key>).
ProjectGep gepFromJson(const QString& file, const QJsonValue& value) {
    ProjectGep g;
    if (value.isUndefined() || value.isNull())
        return g;
    if (!value.isObject())
        bad(file, ProjectFile::tr("\"gep\" must be a JSON object"));
    g.present = true;
    const QJsonObject o = value.toObject();
    static const QStringList known = { QStringLiteral("profile"),
                                       QStringLiteral("price_set"),
                                       QStringLiteral("price_year"),
                                       QStringLiteral("deflators"),
                                       QStringLiteral("index_fallback"),
                                       QStringLiteral("climate_variant"),
                                       QStringLiteral("ac_days"),
                                       QStringLiteral("slope_length_m"),
                                       QStringLiteral("seawall_cost_cny_per_m"),
                                       QStringLiteral("seawall_life_years") };
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            bad(file,
                ProjectFile::tr("gep.%1 is not a known key (known: %2)")
                  .arg(it.key(), known.join(QStringLiteral(", "))));
    auto text = [&](const char* key, QString& out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        if (!v.isString() || v.toString().trimmed().isEmpty())
            bad(file, ProjectFile::tr("gep.%1 must be a non-empty text").arg(QLatin1String(key)));
        out = v.toString().trimmed();
    };
    auto number = [&](const char* key, double lo, double hi, const char* unit) -> std::optional<double> {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isDouble() || v.toDouble() < lo || v.toDouble() > hi)
            bad(file,
                ProjectFile::tr("gep.%1 must be a number from %2 to %3 %4")
                  .arg(QLatin1String(key))
                  .arg(lo)
                  .arg(hi)
                  .arg(QString::fromUtf8(unit)));
        return v.toDouble();
    };
    text("profile", g.profile);
    text("price_set", g.priceSet);
    text("deflators", g.deflators);
    text("index_fallback", g.indexFallback);
    text("climate_variant", g.climateVariant);
    if (!g.climateVariant.isEmpty() && g.climateVariant != QLatin1String("s1") &&
        g.climateVariant != QLatin1String("cop"))
        bad(file,
            ProjectFile::tr("gep.climate_variant must be \"s1\" or \"cop\" (gep-methods.md §4.10), not "
                            "\"%1\"")
              .arg(g.climateVariant));
    if (const std::optional<double> y = number("price_year", 1950, 2100, "")) {
        if (*y != std::floor(*y))
            bad(file, ProjectFile::tr("gep.price_year must be a whole year, not %1").arg(*y));
        g.priceYear = int(*y);
    }
    if (!g.deflators.isEmpty() && !g.priceYear)
        bad(file, ProjectFile::tr("gep.deflators needs gep.price_year (gep-methods.md §5.3)"));
    g.acDays = number("ac_days", 0, 366, "d");
    g.slopeLengthM = number("slope_length_m", 1, 1000, "m");
    g.seawallCostYuanPerM = number("seawall_cost_cny_per_m", 0, 1e9, "CNY/m");
    g.seawallLifeYears = number("seawall_life_years", 1, 1000, "a");
    return g;
}

QJsonObject gepToJson(const ProjectGep& g) {
    QJsonObject o;
    putIf(o, "profile", g.profile);
    putIf(o, "price_set", g.priceSet);
    if (g.priceYear)
        o.insert(QLatin1String("price_year"), *g.priceYear);
    putIf(o, "deflators", g.deflators);
    putIf(o, "index_fallback", g.indexFallback);
    putIf(o, "climate_variant", g.climateVariant);
    auto put = [&](const char* key, const std::optional<double>& v) {
        if (v)
            o.insert(QLatin1String(key), *v);
    };
    put("ac_days", g.acDays);
    put("slope_length_m", g.slopeLengthM);
    put("seawall_cost_cny_per_m", g.seawallCostYuanPerM);
    put("seawall_life_years", g.seawallLifeYears);
    return o;
}

QJsonObject carbonToJson(const ProjectCarbon& c) {
    QJsonObject o;
    if (!c.years.empty()) {
        QJsonArray years;
        for (int y : c.years)
            years.append(y);
        o.insert(QLatin1String("years"), years);
    }
    if (!c.layers.empty()) {
        QJsonArray layers;
        for (const ProjectCarbonLayer& l : c.layers) {
            QJsonObject lo;
            lo.insert(QLatin1String("layer"), l.layer);
            putIf(lo, "ecosystem_type", l.ecosystemType);
            putIf(lo, "ecosystem_type_field", l.ecosystemTypeField);
            putIf(lo, "method_field", l.methodField);
            layers.append(lo);
        }
        o.insert(QLatin1String("layers"), layers);
    }
    if (!c.methods.isEmpty()) {
        QJsonObject methods;
        for (auto it = c.methods.begin(); it != c.methods.end(); ++it) {
            QJsonArray list;
            for (const ProjectCarbonMethod& entry : it.value()) {
                QJsonObject m = mapToJson(entry.options);
                m.insert(QLatin1String("method"), entry.method);
                list.append(m);
            }
            // The single-method form stays an object (older readers, smaller files).
            if (list.size() == 1)
                methods.insert(it.key(), list.first());
            else
                methods.insert(it.key(), list);
        }
        o.insert(QLatin1String("methods"), methods);
    }
    if (!c.groupName.isEmpty() || !c.groupLayer.isEmpty() || !c.groupField.isEmpty()) {
        QJsonObject g;
        putIf(g, "name", c.groupName);
        putIf(g, "layer", c.groupLayer);
        putIf(g, "field", c.groupField);
        o.insert(QLatin1String("grouping"), g);
    }
    if (c.price || c.discountPct || c.priceChangePct) {
        QJsonObject v;
        if (c.price)
            v.insert(QLatin1String("price"), *c.price);
        if (c.discountPct)
            v.insert(QLatin1String("discount"), *c.discountPct);
        if (c.priceChangePct)
            v.insert(QLatin1String("price_change"), *c.priceChangePct);
        o.insert(QLatin1String("valuation"), v);
    }
    if (!c.parameters.isEmpty())
        o.insert(QLatin1String("parameters"), mapToJson(c.parameters));
    if (!c.precedence.isEmpty())
        o.insert(QLatin1String("precedence"), QJsonArray::fromStringList(c.precedence));
    if (c.uncertainty.present) {
        QJsonObject u;
        if (c.uncertainty.iterations)
            u.insert(QLatin1String("iterations"), *c.uncertainty.iterations);
        if (c.uncertainty.seed)
            u.insert(QLatin1String("seed"), *c.uncertainty.seed);
        if (c.uncertainty.defaultUPct)
            u.insert(QLatin1String("default_u_pct"), *c.uncertainty.defaultUPct);
        o.insert(QLatin1String("uncertainty"), u);
    }
    if (!c.landUseChange.empty()) {
        QJsonArray rules;
        for (const ProjectLandUseChange& r : c.landUseChange) {
            QJsonObject ro;
            ro.insert(QLatin1String("type"), r.type);
            QJsonArray classes;
            for (int code : r.classes)
                classes.append(code);
            ro.insert(QLatin1String("classes"), classes);
            ro.insert(QLatin1String("min_share"), r.minShare);
            rules.append(ro);
        }
        o.insert(QLatin1String("land_use_change"), rules);
    }
    return o;
}

/// Parses the optional "layouts" section (named map layouts, issue 14): every problem names the file
/// and the key (layouts[i].<key>, with the layout's name when it has one).
std::vector<ProjectLayout> layoutsFromJson(const QString& file, const QJsonValue& value) {
    std::vector<ProjectLayout> out;
    if (value.isUndefined() || value.isNull())
        return out;
    if (!value.isArray())
        bad(file, ProjectFile::tr("\"layouts\" must be a JSON array of layout objects"));
    static const QStringList known = {
        QStringLiteral("name"),        QStringLiteral("title"),     QStringLiteral("layers"),
        QStringLiteral("extent"),      QStringLiteral("date"),      QStringLiteral("page"),
        QStringLiteral("orientation"), QStringLiteral("dpi"),       QStringLiteral("margin_mm"),
        QStringLiteral("legend"),      QStringLiteral("scale_bar"), QStringLiteral("north_arrow"),
        QStringLiteral("grid"),        QStringLiteral("overview"),  QStringLiteral("source"),
        QStringLiteral("atlas"),
    };
    static const QStringList pages = { QStringLiteral("A0"),   QStringLiteral("A1"), QStringLiteral("A2"),
                                       QStringLiteral("A3"),   QStringLiteral("A4"), QStringLiteral("A5"),
                                       QStringLiteral("B4"),   QStringLiteral("B5"), QStringLiteral("Letter"),
                                       QStringLiteral("Legal") };
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            bad(file, ProjectFile::tr("layouts[%1] must be a JSON object").arg(i));
        const QJsonObject o = array.at(i).toObject();
        ProjectLayout l;
        l.name = o.value(QLatin1String("name")).toString().trimmed();
        const QString at = l.name.isEmpty() ? ProjectFile::tr("layouts[%1]").arg(i)
                                            : ProjectFile::tr("layouts[%1] (\"%2\")").arg(i).arg(l.name);
        if (l.name.isEmpty())
            bad(file, ProjectFile::tr("%1.name must be a non-empty text").arg(at));
        for (const ProjectLayout& other : out)
            if (other.name == l.name)
                bad(file, ProjectFile::tr("%1.name: another layout is already named \"%2\"").arg(at, l.name));
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!known.contains(it.key()))
                bad(file,
                    ProjectFile::tr("%1.%2 is not a known key (known: %3)")
                      .arg(at, it.key(), known.join(QStringLiteral(", "))));
        const auto text = [&](const char* key, QString& target) {
            const QJsonValue v = o.value(QLatin1String(key));
            if (v.isUndefined())
                return;
            if (!v.isString())
                bad(file, ProjectFile::tr("%1.%2 must be a text").arg(at, QLatin1String(key)));
            target = v.toString().trimmed();
        };
        const auto flag = [&](const char* key, bool& target) {
            const QJsonValue v = o.value(QLatin1String(key));
            if (v.isUndefined())
                return;
            if (!v.isBool())
                bad(file, ProjectFile::tr("%1.%2 must be true or false").arg(at, QLatin1String(key)));
            target = v.toBool();
        };
        const auto number = [&](const char* key, double lo, double hi, const char* unit, double& target) {
            const QJsonValue v = o.value(QLatin1String(key));
            if (v.isUndefined())
                return;
            if (!v.isDouble() || v.toDouble() < lo || v.toDouble() > hi)
                bad(file,
                    ProjectFile::tr("%1.%2 must be a number from %3 to %4 %5")
                      .arg(at, QLatin1String(key))
                      .arg(lo)
                      .arg(hi)
                      .arg(QLatin1String(unit)));
            target = v.toDouble();
        };
        text("title", l.title);
        text("source", l.source);
        const QJsonValue layers = o.value(QLatin1String("layers"));
        if (!layers.isUndefined()) {
            if (!layers.isArray())
                bad(file, ProjectFile::tr("%1.layers must be an array of layer ids").arg(at));
            for (const QJsonValue& id : layers.toArray()) {
                if (!id.isString() || id.toString().trimmed().isEmpty())
                    bad(file, ProjectFile::tr("%1.layers must be an array of layer ids").arg(at));
                l.layers << id.toString().trimmed();
            }
        }
        const QJsonValue extent = o.value(QLatin1String("extent"));
        if (!extent.isUndefined() && !(extent.isString() && extent.toString() == QLatin1String("full"))) {
            const QJsonArray e = extent.toArray();
            bool ok = extent.isArray() && e.size() == 4;
            for (const QJsonValue& v : e)
                ok = ok && v.isDouble();
            if (ok)
                ok = e.at(2).toDouble() > e.at(0).toDouble() && e.at(3).toDouble() > e.at(1).toDouble();
            if (!ok)
                bad(
                  file,
                  ProjectFile::tr("%1.extent must be \"full\" or [xmin, ymin, xmax, ymax] in the project CRS "
                                  "with xmax > xmin and ymax > ymin")
                    .arg(at));
            for (const QJsonValue& v : e)
                l.extent.push_back(v.toDouble());
        }
        double year = 0;
        number("date", 1900, 2200, "", year);
        if (year != std::floor(year))
            bad(file, ProjectFile::tr("%1.date must be a whole year, not %2").arg(at).arg(year));
        l.year = int(year);
        text("page", l.page);
        const auto page = std::find_if(pages.begin(), pages.end(), [&](const QString& p) {
            return p.compare(l.page, Qt::CaseInsensitive) == 0;
        });
        if (page == pages.end())
            bad(file,
                ProjectFile::tr("%1.page must be one of %2, not \"%3\"")
                  .arg(at, pages.join(QStringLiteral(", ")), l.page));
        l.page = *page;
        text("orientation", l.orientation);
        if (l.orientation != QLatin1String("landscape") && l.orientation != QLatin1String("portrait"))
            bad(file,
                ProjectFile::tr("%1.orientation must be \"landscape\" or \"portrait\", not \"%2\"")
                  .arg(at, l.orientation));
        number("dpi", 36, 1200, "dpi", l.dpi);
        number("margin_mm", 0, 50, "mm", l.marginMm);
        flag("legend", l.legend);
        flag("scale_bar", l.scaleBar);
        flag("north_arrow", l.northArrow);
        flag("grid", l.grid);
        flag("overview", l.overview);
        const QJsonValue atlas = o.value(QLatin1String("atlas"));
        if (!atlas.isUndefined()) {
            const QJsonObject a = atlas.toObject();
            if (!atlas.isObject() || !a.value(QLatin1String("layer")).isString() ||
                a.value(QLatin1String("layer")).toString().trimmed().isEmpty() ||
                !(a.value(QLatin1String("field")).isUndefined() ||
                  a.value(QLatin1String("field")).isString()))
                bad(file,
                    ProjectFile::tr(
                      "%1.atlas must be an object {\"layer\": coverage layer id, \"field\": page name "
                      "field (optional)}")
                      .arg(at));
            l.atlasLayer = a.value(QLatin1String("layer")).toString().trimmed();
            l.atlasField = a.value(QLatin1String("field")).toString().trimmed();
        }
        out.push_back(l);
    }
    return out;
}

QJsonArray layoutsToJson(const std::vector<ProjectLayout>& layouts) {
    QJsonArray array;
    for (const ProjectLayout& l : layouts) {
        QJsonObject o;
        o.insert(QLatin1String("name"), l.name);
        putIf(o, "title", l.title);
        putIf(o, "source", l.source);
        if (!l.layers.isEmpty())
            o.insert(QLatin1String("layers"), QJsonArray::fromStringList(l.layers));
        if (l.extent.size() == 4)
            o.insert(QLatin1String("extent"),
                     QJsonArray{ l.extent[0], l.extent[1], l.extent[2], l.extent[3] });
        else
            o.insert(QLatin1String("extent"), QLatin1String("full"));
        if (l.year)
            o.insert(QLatin1String("date"), l.year);
        o.insert(QLatin1String("page"), l.page);
        o.insert(QLatin1String("orientation"), l.orientation);
        o.insert(QLatin1String("dpi"), l.dpi);
        o.insert(QLatin1String("margin_mm"), l.marginMm);
        o.insert(QLatin1String("legend"), l.legend);
        o.insert(QLatin1String("scale_bar"), l.scaleBar);
        o.insert(QLatin1String("north_arrow"), l.northArrow);
        o.insert(QLatin1String("grid"), l.grid);
        o.insert(QLatin1String("overview"), l.overview);
        if (!l.atlasLayer.isEmpty()) {
            QJsonObject a{ { QLatin1String("layer"), l.atlasLayer } };
            putIf(a, "field", l.atlasField);
            o.insert(QLatin1String("atlas"), a);
        }
        array.append(o);
    }
    return array;
}

} // namespace

Project Project::load(const QString& file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        throw GisError(
          GisError::Kind::Open,
          ProjectFile::tr("Cannot open the project file %1: %2").arg(file, f.errorString()).toStdString(),
          file.toStdString());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (doc.isNull())
        throw GisError(GisError::Kind::Open,
                       ProjectFile::tr("The project file %1 is not valid JSON (at byte %2: %3)")
                         .arg(file)
                         .arg(error.offset)
                         .arg(error.errorString())
                         .toStdString(),
                       file.toStdString());
    if (!doc.isObject())
        bad(file, ProjectFile::tr("the top level must be a JSON object"));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("tanhui-project"))
        bad(file, ProjectFile::tr("\"format\" must be \"tanhui-project\""));
    Project p;
    p.version = root.value(QLatin1String("version")).toInt(0);
    if (p.version < 1)
        bad(file, ProjectFile::tr("\"version\" is missing or not a positive whole number"));
    if (p.version > kVersion)
        bad(file,
            ProjectFile::tr("version %1 is newer than this Tanhui understands (%2); update Tanhui")
              .arg(p.version)
              .arg(kVersion));
    // Structure of the rest: every wrong type is listed (one line each, naming the key), not only
    // the first, so that one round of fixes is enough.
    QStringList problems;
    auto typeName = [](const QJsonValue& v) {
        switch (v.type()) {
            case QJsonValue::Null:
                return ProjectFile::tr("null");
            case QJsonValue::Bool:
                return ProjectFile::tr("true/false");
            case QJsonValue::Double:
                return ProjectFile::tr("a number");
            case QJsonValue::String:
                return ProjectFile::tr("a text");
            case QJsonValue::Array:
                return ProjectFile::tr("an array");
            case QJsonValue::Object:
                return ProjectFile::tr("an object");
            default:
                return ProjectFile::tr("missing");
        }
    };
    auto text = [&](const QJsonObject& o, const char* key, const QString& where) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return QString();
        if (!v.isString())
            problems << ProjectFile::tr("%1\"%2\" must be a text, not %3")
                          .arg(where, QLatin1String(key), typeName(v));
        return v.toString();
    };
    auto wholeNumber = [&](const QJsonObject& o, const char* key, const QString& where) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return 0;
        const std::optional<int> whole = wholeJsonNumber<int>(v);
        if (!whole) {
            problems << ProjectFile::tr("%1\"%2\" must be a whole number, not %3")
                          .arg(where,
                               QLatin1String(key),
                               v.isString() ? ProjectFile::tr("the text \"%1\"").arg(v.toString())
                                            : typeName(v));
            return 0;
        }
        return *whole;
    };
    auto textMap = [&](const QJsonObject& o, const char* key, const QString& where) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return QMap<QString, QString>();
        if (!v.isObject()) {
            problems << ProjectFile::tr("%1\"%2\" must be an object of texts, not %3")
                          .arg(where, QLatin1String(key), typeName(v));
            return QMap<QString, QString>();
        }
        const QJsonObject object = v.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            if (!it.value().isString())
                problems << ProjectFile::tr("%1\"%2\".\"%3\" must be a text, not %4")
                              .arg(where, QLatin1String(key), it.key(), typeName(it.value()));
        return mapFromJson(v);
    };
    auto objects = [&](const char* key) {
        std::vector<QJsonObject> out;
        const QJsonValue v = root.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return out;
        if (!v.isArray()) {
            problems << ProjectFile::tr("\"%1\" must be an array of objects, not %2")
                          .arg(QLatin1String(key), typeName(v));
            return out;
        }
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (array.at(i).isObject())
                out.push_back(array.at(i).toObject());
            else
                problems << ProjectFile::tr("%1 entry %2 must be an object, not %3")
                              .arg(QLatin1String(key))
                              .arg(i + 1)
                              .arg(typeName(array.at(i)));
        }
        return out;
    };
    p.name = text(root, "name", QString());
    p.crs = text(root, "crs", QString());
    p.description = text(root, "description", QString());
    QSet<QString> ids;
    int number = 0;
    for (const QJsonObject& o : objects("layers")) {
        ++number;
        ProjectLayer l;
        const QString where = ProjectFile::tr("layer %1: ").arg(number);
        l.id = text(o, "id", where);
        const QString at = l.id.isEmpty() ? where : ProjectFile::tr("layer %1: ").arg(l.id);
        l.kind = text(o, "kind", at);
        l.role = text(o, "role", at);
        l.path = text(o, "path", at);
        l.year = wholeNumber(o, "year", at);
        l.date = text(o, "date", at);
        l.units = text(o, "units", at);
        l.encoding = text(o, "encoding", at);
        l.idField = text(o, "id_field", at);
        l.description = text(o, "description", at);
        l.fields = textMap(o, "fields", at);
        l.values = textMap(o, "values", at);
        if (l.id.isEmpty() || l.path.isEmpty())
            problems << ProjectFile::tr("layer %1 has no \"id\" or no \"path\"").arg(number);
        if (o.value(QLatin1String("kind")).isString() && l.kind != QLatin1String("raster") &&
            l.kind != QLatin1String("vector"))
            problems
              << ProjectFile::tr("%1\"kind\" must be \"raster\" or \"vector\", not \"%2\"").arg(at, l.kind);
        else if (!o.contains(QLatin1String("kind")))
            problems << ProjectFile::tr("%1\"kind\" is missing (\"raster\" or \"vector\")").arg(at);
        if (!l.id.isEmpty() && ids.contains(l.id))
            problems << ProjectFile::tr("layer id %1 is used twice").arg(l.id);
        ids.insert(l.id);
        p.layers.push_back(l);
    }
    number = 0;
    for (const QJsonObject& o : objects("classes")) {
        const QString where = ProjectFile::tr("class %1: ").arg(++number);
        p.classes.push_back({ wholeNumber(o, "code", where),
                              text(o, "name_en", where),
                              text(o, "name_zh", where),
                              text(o, "color", where) });
    }
    number = 0;
    for (const QJsonObject& o : objects("parameters")) {
        const QString where = ProjectFile::tr("parameter table %1: ").arg(++number);
        p.parameters.push_back({ text(o, "name", where), text(o, "path", where) });
    }
    if (!problems.isEmpty())
        bad(file,
            ProjectFile::tr("%1 problem(s):\n").arg(problems.size()) + problems.join(QLatin1Char('\n')));
    p.carbon = carbonFromJson(file, root.value(QLatin1String("carbon")));
    p.gep = gepFromJson(file, root.value(QLatin1String("gep")));
    p.layouts = layoutsFromJson(file, root.value(QLatin1String("layouts")));
    p.analyses = analysesFromJson(file, root.value(QLatin1String("analyses")));
    p.results = resultsFromJson(file, root.value(QLatin1String("results")));
    p.plans = plansFromJson(file, root.value(QLatin1String("plans")));
    for (const ProjectLayout& l : p.layouts) {
        for (const QString& id : l.layers)
            if (!p.layer(id))
                bad(file, ProjectFile::tr("layout \"%1\": layers: unknown layer \"%2\"").arg(l.name, id));
        if (!l.atlasLayer.isEmpty() && !p.layer(l.atlasLayer))
            bad(
              file,
              ProjectFile::tr("layout \"%1\": atlas.layer: unknown layer \"%2\"").arg(l.name, l.atlasLayer));
    }
    for (auto it = root.begin(); it != root.end(); ++it)
        if (!sectionKeys().contains(it.key()))
            p.m_otherKeys.insert(it.key(), it.value());
    p.m_baseDir = QFileInfo(file).absolutePath();
    p.m_fileName = file;
    return p;
}

const QStringList& Project::sectionKeys() {
    static const QStringList keys{ QStringLiteral("format"),      QStringLiteral("version"),
                                   QStringLiteral("name"),        QStringLiteral("crs"),
                                   QStringLiteral("description"), QStringLiteral("layers"),
                                   QStringLiteral("classes"),     QStringLiteral("parameters"),
                                   QStringLiteral("carbon"),      QStringLiteral("gep"),
                                   QStringLiteral("layouts"),     QStringLiteral("analyses"),
                                   QStringLiteral("results"),     QStringLiteral("plans") };
    return keys;
}

void Project::save(const QString& file) const {
    QJsonObject root = m_otherKeys;
    const QJsonObject own = toJson();
    for (auto it = own.begin(); it != own.end(); ++it)
        root.insert(it.key(), it.value());
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !out.commit())
        throw GisError(
          GisError::Kind::Io,
          ProjectFile::tr("Cannot write the project file %1: %2").arg(file, out.errorString()).toStdString(),
          file.toStdString());
}

QJsonObject Project::toJson() const {
    QJsonObject root;
    root.insert(QLatin1String("format"), QLatin1String("tanhui-project"));
    root.insert(QLatin1String("version"), version);
    root.insert(QLatin1String("name"), name);
    root.insert(QLatin1String("crs"), crs);
    putIf(root, "description", description);
    QJsonArray layerArray;
    for (const ProjectLayer& l : layers) {
        QJsonObject o;
        o.insert(QLatin1String("id"), l.id);
        o.insert(QLatin1String("kind"), l.kind);
        o.insert(QLatin1String("role"), l.role);
        o.insert(QLatin1String("path"), l.path);
        if (l.year)
            o.insert(QLatin1String("year"), l.year);
        putIf(o, "date", l.date);
        putIf(o, "units", l.units);
        putIf(o, "encoding", l.encoding);
        putIf(o, "id_field", l.idField);
        putIf(o, "description", l.description);
        if (!l.fields.isEmpty())
            o.insert(QLatin1String("fields"), mapToJson(l.fields));
        if (!l.values.isEmpty())
            o.insert(QLatin1String("values"), mapToJson(l.values));
        layerArray.append(o);
    }
    root.insert(QLatin1String("layers"), layerArray);
    QJsonArray classArray;
    for (const ProjectClass& c : classes) {
        QJsonObject o;
        o.insert(QLatin1String("code"), c.code);
        o.insert(QLatin1String("name_en"), c.nameEn);
        o.insert(QLatin1String("name_zh"), c.nameZh);
        o.insert(QLatin1String("color"), c.color);
        classArray.append(o);
    }
    root.insert(QLatin1String("classes"), classArray);
    QJsonArray paramArray;
    for (const ProjectParameterTable& t : parameters) {
        QJsonObject o;
        o.insert(QLatin1String("name"), t.name);
        o.insert(QLatin1String("path"), t.path);
        paramArray.append(o);
    }
    root.insert(QLatin1String("parameters"), paramArray);
    if (carbon.present)
        root.insert(QLatin1String("carbon"), carbonToJson(carbon));
    if (gep.present)
        root.insert(QLatin1String("gep"), gepToJson(gep));
    if (!layouts.empty())
        root.insert(QLatin1String("layouts"), layoutsToJson(layouts));
    if (!analyses.values.isEmpty())
        root.insert(QLatin1String("analyses"), analysesToJson(analyses));
    if (!results.empty())
        root.insert(QLatin1String("results"), resultsToJson(results));
    if (!plans.empty())
        root.insert(QLatin1String("plans"), plansToJson(plans));
    return root;
}

QString Project::resolve(const QString& relativePath) const {
    return QDir::cleanPath(QDir(m_baseDir).absoluteFilePath(relativePath));
}

QStringList Project::validate() const {
    QStringList problems;
    QSet<QString> ids;
    for (const ProjectLayer& l : layers) {
        if (ids.contains(l.id))
            problems << ProjectFile::tr("Layer id %1 is used twice.").arg(l.id);
        ids.insert(l.id);
        if (QDir::isAbsolutePath(l.path))
            problems << ProjectFile::tr(
                          "Layer %1: the path %2 is absolute; projects use paths relative to the "
                          "project file so that they can be moved.")
                          .arg(l.id, l.path);
        const QString path = resolve(l.path);
        if (!QFileInfo::exists(path)) {
            problems << ProjectFile::tr("Layer %1: the file %2 is missing.").arg(l.id, path);
            continue;
        }
        // The declared kind must be what the file holds (a shapefile given as a raster, ...).
        const gis::DataKinds kinds = gis::probeDataKinds(path.toStdString());
        const bool raster = l.kind == QLatin1String("raster");
        if (!kinds.raster && !kinds.vector)
            problems << ProjectFile::tr("Layer %1: GDAL cannot read the file %2 as a raster or vector layer.")
                          .arg(l.id, path);
        else if (raster ? !kinds.raster : !kinds.vector)
            problems << ProjectFile::tr("Layer %1 is declared \"%2\" but the file %3 is a %4; correct its "
                                        "\"kind\" or \"path\" in the project file.")
                          .arg(l.id,
                               l.kind,
                               path,
                               raster ? ProjectFile::tr("vector layer") : ProjectFile::tr("raster"));
    }
    for (const ProjectParameterTable& t : parameters) {
        const QString path = resolve(t.path);
        if (!QFileInfo::exists(path))
            problems << ProjectFile::tr("Parameter table %1: the file %2 is missing.").arg(t.name, path);
    }
    return problems;
}

const ProjectLayer* Project::layer(const QString& id) const& {
    for (const ProjectLayer& l : layers)
        if (l.id == id)
            return &l;
    return nullptr;
}

const ProjectLayout* Project::layout(const QString& name) const& {
    for (const ProjectLayout& l : layouts)
        if (l.name == name)
            return &l;
    return nullptr;
}

const ProjectParameterTable* Project::parameterTable(const QString& name) const& {
    for (const ProjectParameterTable& t : parameters)
        if (t.name == name)
            return &t;
    return nullptr;
}

std::vector<const ProjectLayer*> Project::layersWithRole(const QString& role) const& {
    std::vector<const ProjectLayer*> out;
    for (const ProjectLayer& l : layers)
        if (l.role == role)
            out.push_back(&l);
    return out;
}

} // namespace tanhui::models
