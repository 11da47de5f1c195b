// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/StyleJson.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>
#include <utility>

namespace tanhui::render {

namespace {

/// Translation context of the style messages.
struct StyleJson {
    Q_DECLARE_TR_FUNCTIONS(StyleJson)
};

/// A problem at a field; caught by the public readers and turned into their error text.
struct StyleProblem {
    QString message;
};

[[noreturn]] void fail(const QString& field, const QString& what) {
    throw StyleProblem{ StyleJson::tr("%1: %2").arg(field, what) };
}

QJsonValue colorToJson(const QColor& c) {
    if (!c.isValid())
        return QJsonValue(QJsonValue::Null);
    return c.alpha() == 255 ? c.name(QColor::HexRgb) : c.name(QColor::HexArgb);
}

QJsonValue numberToJson(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject symbolToJson(const FillSymbol& s) {
    return { { QStringLiteral("fill"), colorToJson(s.fill) },
             { QStringLiteral("stroke"), colorToJson(s.stroke) },
             { QStringLiteral("stroke_width_mm"), numberToJson(s.strokeWidthMm) } };
}

/// Reads the keys of one JSON object, naming each field by its path ("categories[2].symbol.fill").
class Reader {
public:
    Reader(const QJsonValue& value, QString path)
      : m_path(std::move(path)) {
        if (!value.isObject())
            fail(m_path.isEmpty() ? StyleJson::tr("style") : m_path, StyleJson::tr("must be a JSON object"));
        m_object = value.toObject();
    }

    QString field(const QString& key) const {
        return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    }
    bool has(const char* key) const { return m_object.contains(QLatin1String(key)); }
    QJsonValue value(const char* key) const { return m_object.value(QLatin1String(key)); }

    void number(const char* key, double& out, double lo = -HUGE_VAL, double hi = HUGE_VAL) const {
        if (!has(key))
            return;
        const QJsonValue v = value(key);
        if (v.isNull()) {
            out = std::nan("");
            return;
        }
        if (!v.isDouble())
            fail(field(QLatin1String(key)), StyleJson::tr("must be a number"));
        if (v.toDouble() < lo || v.toDouble() > hi)
            fail(field(QLatin1String(key)),
                 StyleJson::tr("%1 is outside %2 to %3").arg(v.toDouble()).arg(lo).arg(hi));
        out = v.toDouble();
    }
    void whole(const char* key, int& out, int lo, int hi) const {
        if (!has(key))
            return;
        const QJsonValue v = value(key);
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || d != std::floor(d))
            fail(field(QLatin1String(key)), StyleJson::tr("must be a whole number"));
        if (d < lo || d > hi)
            fail(field(QLatin1String(key)), StyleJson::tr("%1 is outside %2 to %3").arg(d).arg(lo).arg(hi));
        out = int(d);
    }
    void text(const char* key, QString& out) const {
        if (!has(key))
            return;
        const QJsonValue v = value(key);
        if (!v.isString())
            fail(field(QLatin1String(key)), StyleJson::tr("must be a text"));
        out = v.toString();
    }
    void boolean(const char* key, bool& out) const {
        if (!has(key))
            return;
        if (!value(key).isBool())
            fail(field(QLatin1String(key)), StyleJson::tr("must be true or false"));
        out = value(key).toBool();
    }
    void color(const char* key, QColor& out) const {
        if (!has(key))
            return;
        out = colorFrom(value(key), field(QLatin1String(key)));
    }
    static QColor colorFrom(const QJsonValue& v, const QString& where) {
        if (v.isNull())
            return QColor();
        const QString s = v.toString();
        const QColor c = QColor::fromString(s);
        if (!v.isString() || !s.startsWith(QLatin1Char('#')) || !c.isValid())
            fail(where,
                 StyleJson::tr("\"%1\" is not a colour (#rrggbb or #aarrggbb)")
                   .arg(v.isString() ? s : StyleJson::tr("a non-text value")));
        return c;
    }
    /// The objects of array `key` with their paths; empty when absent.
    std::vector<Reader> array(const char* key) const {
        std::vector<Reader> out;
        if (!has(key))
            return out;
        if (!value(key).isArray())
            fail(field(QLatin1String(key)), StyleJson::tr("must be an array"));
        const QJsonArray a = value(key).toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            out.emplace_back(a.at(i), field(QLatin1String(key)) + QStringLiteral("[%1]").arg(i));
        return out;
    }
    template<typename Enum>
    void choice(const char* key, Enum& out, const std::vector<std::pair<const char*, Enum>>& words) const {
        if (!has(key))
            return;
        const QString s = value(key).toString();
        QStringList known;
        for (const auto& [word, e] : words) {
            if (s == QLatin1String(word)) {
                out = e;
                return;
            }
            known << QLatin1String(word);
        }
        fail(field(QLatin1String(key)),
             StyleJson::tr("\"%1\" is not one of %2").arg(s, known.join(QStringLiteral(", "))));
    }

private:
    QString m_path;
    QJsonObject m_object;
};

FillSymbol readSymbol(const QJsonValue& v, const QString& path) {
    FillSymbol s;
    const Reader r(v, path);
    r.color("fill", s.fill);
    r.color("stroke", s.stroke);
    r.number("stroke_width_mm", s.strokeWidthMm, 0, 100);
    return s;
}

ColorRamp readRamp(const QJsonValue& v, const QString& path) {
    const Reader r(v, path);
    ColorRamp ramp;
    r.text("id", ramp.id);
    if (!r.has("stops"))
        return ColorRamp::named(ramp.id);
    if (!r.value("stops").isArray())
        fail(r.field(QStringLiteral("stops")), StyleJson::tr("must be an array of [position, colour]"));
    const QJsonArray stops = r.value("stops").toArray();
    for (qsizetype i = 0; i < stops.size(); ++i) {
        const QString where = r.field(QStringLiteral("stops[%1]").arg(i));
        const QJsonArray stop = stops.at(i).toArray();
        if (!stops.at(i).isArray() || stop.size() != 2 || !stop.at(0).isDouble())
            fail(where, StyleJson::tr("must be [position, colour], e.g. [0.5, \"#ffcc00\"]"));
        const double t = stop.at(0).toDouble();
        if (t < 0 || t > 1)
            fail(where, StyleJson::tr("position %1 is outside 0 to 1").arg(t));
        ramp.stops.emplace_back(t, Reader::colorFrom(stop.at(1), where));
    }
    return ramp;
}

template<typename Fn>
auto guarded(Fn&& fn, QString* error) -> std::optional<decltype(fn())> {
    try {
        return fn();
    } catch (const StyleProblem& p) {
        if (error)
            *error = p.message;
        return std::nullopt;
    }
}

} // namespace

QJsonObject colorRampToJson(const ColorRamp& ramp) {
    QJsonArray stops;
    for (const auto& [t, c] : ramp.stops)
        stops.append(QJsonArray{ t, colorToJson(c) });
    return { { QStringLiteral("id"), ramp.id }, { QStringLiteral("stops"), stops } };
}

QJsonObject rasterStyleToJson(const RasterStyle& s) {
    static const char* const kinds[] = { "paletted", "pseudocolor", "rgb" };
    QJsonArray classes;
    for (const RasterClass& c : s.classes)
        classes.append(QJsonObject{ { QStringLiteral("value"), numberToJson(c.value) },
                                    { QStringLiteral("color"), colorToJson(c.color) },
                                    { QStringLiteral("name_en"), c.nameEn },
                                    { QStringLiteral("name_zh"), c.nameZh },
                                    { QStringLiteral("visible"), c.visible } });
    return { { QStringLiteral("kind"), QLatin1String(kinds[int(s.kind)]) },
             { QStringLiteral("band"), s.band },
             { QStringLiteral("red"), s.red },
             { QStringLiteral("green"), s.green },
             { QStringLiteral("blue"), s.blue },
             { QStringLiteral("classes"), classes },
             { QStringLiteral("min"), numberToJson(s.min) },
             { QStringLiteral("max"), numberToJson(s.max) },
             { QStringLiteral("ramp"), colorRampToJson(s.ramp) },
             { QStringLiteral("opacity"), s.opacity } };
}

QJsonObject vectorStyleToJson(const VectorStyle& s) {
    static const char* const kinds[] = { "single", "categorized", "graduated" };
    QJsonArray categories;
    for (const VectorCategory& c : s.categories)
        categories.append(QJsonObject{ { QStringLiteral("value"), c.value },
                                       { QStringLiteral("label"), c.label },
                                       { QStringLiteral("symbol"), symbolToJson(c.symbol) } });
    QJsonArray ranges;
    for (const VectorRange& r : s.ranges)
        ranges.append(QJsonObject{ { QStringLiteral("lower"), numberToJson(r.lower) },
                                   { QStringLiteral("upper"), numberToJson(r.upper) },
                                   { QStringLiteral("label"), r.label },
                                   { QStringLiteral("symbol"), symbolToJson(r.symbol) } });
    return { { QStringLiteral("kind"), QLatin1String(kinds[int(s.kind)]) },
             { QStringLiteral("symbol"), symbolToJson(s.symbol) },
             { QStringLiteral("field"), s.field },
             { QStringLiteral("categories"), categories },
             { QStringLiteral("ranges"), ranges },
             { QStringLiteral("draw_others"), s.drawOthers },
             { QStringLiteral("label_field"), s.labelField },
             { QStringLiteral("label_size_pt"), numberToJson(s.labelSizePt) },
             { QStringLiteral("label_color"), colorToJson(s.labelColor) },
             { QStringLiteral("opacity"), s.opacity } };
}

std::optional<RasterStyle> rasterStyleFromJson(const QJsonValue& value, QString* error) {
    return guarded(
      [&] {
          RasterStyle s;
          const Reader r(value, QString());
          r.choice<RasterStyle::Kind>("kind",
                                      s.kind,
                                      { { "paletted", RasterStyle::Kind::Paletted },
                                        { "pseudocolor", RasterStyle::Kind::Pseudocolor },
                                        { "rgb", RasterStyle::Kind::Rgb } });
          r.whole("band", s.band, 1, 65535);
          r.whole("red", s.red, 1, 65535);
          r.whole("green", s.green, 1, 65535);
          r.whole("blue", s.blue, 1, 65535);
          for (const Reader& c : r.array("classes")) {
              RasterClass rc;
              c.number("value", rc.value);
              c.color("color", rc.color);
              c.text("name_en", rc.nameEn);
              c.text("name_zh", rc.nameZh);
              c.boolean("visible", rc.visible);
              s.classes.push_back(rc);
          }
          r.number("min", s.min);
          r.number("max", s.max);
          if (r.has("ramp"))
              s.ramp = readRamp(r.value("ramp"), r.field(QStringLiteral("ramp")));
          r.number("opacity", s.opacity, 0, 1);
          return s;
      },
      error);
}

std::optional<VectorStyle> vectorStyleFromJson(const QJsonValue& value, QString* error) {
    return guarded(
      [&] {
          VectorStyle s;
          const Reader r(value, QString());
          r.choice<VectorStyle::Kind>("kind",
                                      s.kind,
                                      { { "single", VectorStyle::Kind::Single },
                                        { "categorized", VectorStyle::Kind::Categorized },
                                        { "graduated", VectorStyle::Kind::Graduated } });
          if (r.has("symbol"))
              s.symbol = readSymbol(r.value("symbol"), r.field(QStringLiteral("symbol")));
          r.text("field", s.field);
          for (const Reader& c : r.array("categories")) {
              VectorCategory vc;
              c.text("value", vc.value);
              c.text("label", vc.label);
              if (c.has("symbol"))
                  vc.symbol = readSymbol(c.value("symbol"), c.field(QStringLiteral("symbol")));
              s.categories.push_back(vc);
          }
          for (const Reader& c : r.array("ranges")) {
              VectorRange vr;
              c.number("lower", vr.lower);
              c.number("upper", vr.upper);
              c.text("label", vr.label);
              if (c.has("symbol"))
                  vr.symbol = readSymbol(c.value("symbol"), c.field(QStringLiteral("symbol")));
              s.ranges.push_back(vr);
          }
          r.boolean("draw_others", s.drawOthers);
          r.text("label_field", s.labelField);
          r.number("label_size_pt", s.labelSizePt, 0, 1000);
          r.color("label_color", s.labelColor);
          r.number("opacity", s.opacity, 0, 1);
          return s;
      },
      error);
}

} // namespace tanhui::render
