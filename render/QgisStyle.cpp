// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/QgisStyle.h"

#include "gis/LayerStyles.h"

#include <QXmlStreamWriter>

namespace tanhui::render {

namespace {

QString number(double v) {
    return QString::number(v, 'g', 17); // full precision: the class limits QGIS compares with
}

QString qgisColor(const QColor& c) {
    return QStringLiteral("%1,%2,%3,%4").arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha());
}

void prop(QXmlStreamWriter& w, const QString& key, const QString& value) {
    w.writeEmptyElement(QStringLiteral("prop"));
    w.writeAttribute(QStringLiteral("k"), key);
    w.writeAttribute(QStringLiteral("v"), value);
}

void fillSymbol(QXmlStreamWriter& w, const QString& name, const FillSymbol& s) {
    w.writeStartElement(QStringLiteral("symbol"));
    w.writeAttribute(QStringLiteral("type"), QStringLiteral("fill"));
    w.writeAttribute(QStringLiteral("name"), name);
    w.writeAttribute(QStringLiteral("alpha"), QStringLiteral("1"));
    w.writeAttribute(QStringLiteral("clip_to_extent"), QStringLiteral("1"));
    w.writeAttribute(QStringLiteral("force_rhr"), QStringLiteral("0"));
    w.writeStartElement(QStringLiteral("layer"));
    w.writeAttribute(QStringLiteral("class"), QStringLiteral("SimpleFill"));
    w.writeAttribute(QStringLiteral("enabled"), QStringLiteral("1"));
    w.writeAttribute(QStringLiteral("locked"), QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("pass"), QStringLiteral("0"));
    prop(w, QStringLiteral("color"), qgisColor(s.fill));
    prop(w, QStringLiteral("outline_color"), qgisColor(s.stroke));
    prop(w,
         QStringLiteral("outline_style"),
         s.strokeWidthMm > 0 ? QStringLiteral("solid") : QStringLiteral("no"));
    prop(w, QStringLiteral("outline_width"), number(s.strokeWidthMm));
    prop(w, QStringLiteral("outline_width_unit"), QStringLiteral("MM"));
    prop(w, QStringLiteral("style"), QStringLiteral("solid"));
    prop(w, QStringLiteral("joinstyle"), QStringLiteral("bevel"));
    w.writeEndElement(); // layer
    w.writeEndElement(); // symbol
}

void sldFill(QXmlStreamWriter& w, const FillSymbol& s, double opacity) {
    w.writeStartElement(QStringLiteral("se:PolygonSymbolizer"));
    w.writeStartElement(QStringLiteral("se:Fill"));
    w.writeStartElement(QStringLiteral("se:SvgParameter"));
    w.writeAttribute(QStringLiteral("name"), QStringLiteral("fill"));
    w.writeCharacters(s.fill.name(QColor::HexRgb));
    w.writeEndElement();
    if (s.fill.alphaF() * opacity < 1.0) {
        w.writeStartElement(QStringLiteral("se:SvgParameter"));
        w.writeAttribute(QStringLiteral("name"), QStringLiteral("fill-opacity"));
        w.writeCharacters(number(s.fill.alphaF() * opacity));
        w.writeEndElement();
    }
    w.writeEndElement(); // Fill
    if (s.strokeWidthMm > 0) {
        w.writeStartElement(QStringLiteral("se:Stroke"));
        w.writeStartElement(QStringLiteral("se:SvgParameter"));
        w.writeAttribute(QStringLiteral("name"), QStringLiteral("stroke"));
        w.writeCharacters(s.stroke.name(QColor::HexRgb));
        w.writeEndElement();
        w.writeStartElement(QStringLiteral("se:SvgParameter"));
        w.writeAttribute(QStringLiteral("name"), QStringLiteral("stroke-width"));
        w.writeCharacters(number(s.strokeWidthMm / 0.28)); // SLD: pixels of 0.28 mm
        w.writeEndElement();
        w.writeEndElement(); // Stroke
    }
    w.writeEndElement(); // PolygonSymbolizer
}

void sldComparison(QXmlStreamWriter& w, const QString& op, const QString& field, const QString& literal) {
    w.writeStartElement(op);
    w.writeTextElement(QStringLiteral("ogc:PropertyName"), field);
    w.writeTextElement(QStringLiteral("ogc:Literal"), literal);
    w.writeEndElement();
}

} // namespace

QString qgisQml(const VectorStyle& style) {
    QString out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeDTD(QStringLiteral("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"));
    w.writeStartElement(QStringLiteral("qgis"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("3.22.0"));
    w.writeAttribute(QStringLiteral("styleCategories"), QStringLiteral("Symbology"));
    w.writeStartElement(QStringLiteral("renderer-v2"));
    w.writeAttribute(QStringLiteral("forceraster"), QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("symbollevels"), QStringLiteral("0"));
    w.writeAttribute(QStringLiteral("enableorderby"), QStringLiteral("0"));
    switch (style.kind) {
        case VectorStyle::Kind::Single:
            w.writeAttribute(QStringLiteral("type"), QStringLiteral("singleSymbol"));
            w.writeStartElement(QStringLiteral("symbols"));
            fillSymbol(w, QStringLiteral("0"), style.symbol);
            w.writeEndElement();
            break;
        case VectorStyle::Kind::Categorized: {
            w.writeAttribute(QStringLiteral("type"), QStringLiteral("categorizedSymbol"));
            w.writeAttribute(QStringLiteral("attr"), style.field);
            w.writeStartElement(QStringLiteral("categories"));
            for (std::size_t i = 0; i < style.categories.size(); ++i) {
                const VectorCategory& c = style.categories[i];
                w.writeEmptyElement(QStringLiteral("category"));
                w.writeAttribute(QStringLiteral("value"), c.value);
                w.writeAttribute(QStringLiteral("symbol"), QString::number(i));
                w.writeAttribute(QStringLiteral("label"), c.label);
                w.writeAttribute(QStringLiteral("render"), QStringLiteral("true"));
            }
            if (style.drawOthers) {
                w.writeEmptyElement(QStringLiteral("category"));
                w.writeAttribute(QStringLiteral("value"), QString());
                w.writeAttribute(QStringLiteral("symbol"), QString::number(style.categories.size()));
                w.writeAttribute(QStringLiteral("label"), QString());
                w.writeAttribute(QStringLiteral("render"), QStringLiteral("true"));
            }
            w.writeEndElement(); // categories
            w.writeStartElement(QStringLiteral("symbols"));
            for (std::size_t i = 0; i < style.categories.size(); ++i)
                fillSymbol(w, QString::number(i), style.categories[i].symbol);
            if (style.drawOthers)
                fillSymbol(w, QString::number(style.categories.size()), style.symbol);
            w.writeEndElement();
            break;
        }
        case VectorStyle::Kind::Graduated: {
            w.writeAttribute(QStringLiteral("type"), QStringLiteral("graduatedSymbol"));
            w.writeAttribute(QStringLiteral("attr"), style.field);
            w.writeAttribute(QStringLiteral("graduatedMethod"), QStringLiteral("GraduatedColor"));
            w.writeStartElement(QStringLiteral("ranges"));
            for (std::size_t i = 0; i < style.ranges.size(); ++i) {
                const VectorRange& r = style.ranges[i];
                w.writeEmptyElement(QStringLiteral("range"));
                w.writeAttribute(QStringLiteral("lower"), number(r.lower));
                w.writeAttribute(QStringLiteral("upper"), number(r.upper));
                w.writeAttribute(QStringLiteral("symbol"), QString::number(i));
                w.writeAttribute(QStringLiteral("label"), r.label);
                w.writeAttribute(QStringLiteral("render"), QStringLiteral("true"));
            }
            w.writeEndElement(); // ranges
            w.writeStartElement(QStringLiteral("symbols"));
            for (std::size_t i = 0; i < style.ranges.size(); ++i)
                fillSymbol(w, QString::number(i), style.ranges[i].symbol);
            w.writeEndElement();
            break;
        }
    }
    w.writeEndElement(); // renderer-v2
    w.writeTextElement(QStringLiteral("layerOpacity"), number(style.opacity));
    w.writeEndElement(); // qgis
    w.writeEndDocument();
    return out;
}

QString qgisSld(const VectorStyle& style, const QString& layerName) {
    QString out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("StyledLayerDescriptor"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("1.1.0"));
    w.writeAttribute(QStringLiteral("xmlns"), QStringLiteral("http://www.opengis.net/sld"));
    w.writeAttribute(QStringLiteral("xmlns:ogc"), QStringLiteral("http://www.opengis.net/ogc"));
    w.writeAttribute(QStringLiteral("xmlns:se"), QStringLiteral("http://www.opengis.net/se"));
    w.writeAttribute(QStringLiteral("xmlns:xlink"), QStringLiteral("http://www.w3.org/1999/xlink"));
    w.writeAttribute(QStringLiteral("xmlns:xsi"),
                     QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"));
    w.writeAttribute(QStringLiteral("xsi:schemaLocation"),
                     QStringLiteral("http://www.opengis.net/sld "
                                    "http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd"));
    w.writeStartElement(QStringLiteral("NamedLayer"));
    w.writeTextElement(QStringLiteral("se:Name"), layerName);
    w.writeStartElement(QStringLiteral("UserStyle"));
    w.writeTextElement(QStringLiteral("se:Name"), layerName);
    w.writeStartElement(QStringLiteral("se:FeatureTypeStyle"));
    auto rule = [&](const QString& name, const FillSymbol& symbol, auto&& filter) {
        w.writeStartElement(QStringLiteral("se:Rule"));
        w.writeTextElement(QStringLiteral("se:Name"), name);
        w.writeStartElement(QStringLiteral("se:Description"));
        w.writeTextElement(QStringLiteral("se:Title"), name);
        w.writeEndElement();
        filter();
        sldFill(w, symbol, style.opacity);
        w.writeEndElement(); // Rule
    };
    switch (style.kind) {
        case VectorStyle::Kind::Single:
            rule(layerName, style.symbol, [] {});
            break;
        case VectorStyle::Kind::Categorized:
            for (const VectorCategory& c : style.categories)
                rule(c.label.isEmpty() ? c.value : c.label, c.symbol, [&] {
                    w.writeStartElement(QStringLiteral("ogc:Filter"));
                    w.writeAttribute(QStringLiteral("xmlns"), QStringLiteral("http://www.opengis.net/ogc"));
                    sldComparison(w, QStringLiteral("ogc:PropertyIsEqualTo"), style.field, c.value);
                    w.writeEndElement();
                });
            break;
        case VectorStyle::Kind::Graduated:
            for (std::size_t i = 0; i < style.ranges.size(); ++i) {
                const VectorRange& r = style.ranges[i];
                rule(r.label, r.symbol, [&] {
                    w.writeStartElement(QStringLiteral("ogc:Filter"));
                    w.writeAttribute(QStringLiteral("xmlns"), QStringLiteral("http://www.opengis.net/ogc"));
                    w.writeStartElement(QStringLiteral("ogc:And"));
                    sldComparison(w,
                                  i == 0 ? QStringLiteral("ogc:PropertyIsGreaterThanOrEqualTo")
                                         : QStringLiteral("ogc:PropertyIsGreaterThan"),
                                  style.field,
                                  number(r.lower));
                    sldComparison(
                      w, QStringLiteral("ogc:PropertyIsLessThanOrEqualTo"), style.field, number(r.upper));
                    w.writeEndElement(); // And
                    w.writeEndElement(); // Filter
                });
            }
            break;
    }
    w.writeEndElement(); // FeatureTypeStyle
    w.writeEndElement(); // UserStyle
    w.writeEndElement(); // NamedLayer
    w.writeEndElement(); // StyledLayerDescriptor
    w.writeEndDocument();
    return out;
}

VectorStyle resultLayerStyle(const QString& field,
                             const std::vector<double>& values,
                             bool change,
                             int classes,
                             int decimals) {
    VectorStyle style;
    style.kind = VectorStyle::Kind::Graduated;
    style.field = field;
    style.ranges =
      graduatedRanges(values,
                      classes,
                      ClassMethod::NaturalBreaks,
                      ColorRamp::named(change ? QStringLiteral("diverging") : QStringLiteral("carbon")),
                      decimals,
                      change);
    // Thin grey outlines: parcels stay apart without hiding their colour.
    style.symbol.stroke = QColor(90, 90, 90, 120);
    style.symbol.strokeWidthMm = 0.03;
    for (VectorRange& r : style.ranges) {
        r.symbol.stroke = style.symbol.stroke;
        r.symbol.strokeWidthMm = style.symbol.strokeWidthMm;
    }
    return style;
}

void writeQgisDefaultStyle(const std::string& path,
                           const QString& layer,
                           const VectorStyle& style,
                           const QString& styleName,
                           const QString& description) {
    gis::LayerStyle s;
    s.layer = layer.toStdString();
    s.name = styleName.toStdString();
    s.qml = qgisQml(style).toStdString();
    s.sld = qgisSld(style, layer).toStdString();
    s.description = description.toStdString();
    s.useAsDefault = true;
    gis::writeLayerStyles(path, { s });
}

} // namespace tanhui::render
