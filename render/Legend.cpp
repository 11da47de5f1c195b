// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/Legend.h"

#include <QLocale>
#include <QPainter>

namespace tanhui::render {

std::vector<LegendItem> legendItems(const MapLayer& layer, const QString& language) {
    std::vector<LegendItem> items;
    if (layer.raster) {
        const RasterStyle& s = layer.rasterStyle;
        if (s.kind == RasterStyle::Kind::Paletted) {
            for (const RasterClass& c : s.classes) {
                if (!c.visible)
                    continue; // switched off in the styling dock: not drawn, not listed
                LegendItem item;
                const QString name = c.label(language);
                item.label = name.isEmpty() ? QLocale().toString(c.value)
                                            : QStringLiteral("%1 %2").arg(c.value).arg(name);
                item.fill = c.color;
                item.stroke = Qt::transparent;
                items.push_back(item);
            }
        } else if (s.kind == RasterStyle::Kind::Pseudocolor) {
            LegendItem item;
            item.isRamp = true;
            item.ramp = s.ramp;
            item.rampMin = s.min;
            item.rampMax = s.max;
            item.label = QStringLiteral("%1 – %2").arg(QLocale().toString(s.min, 'g', 4),
                                                       QLocale().toString(s.max, 'g', 4));
            items.push_back(item);
        }
        return items;
    }
    if (!layer.vector)
        return items;
    const VectorStyle& s = layer.vectorStyle;
    const auto add = [&items](const QString& label, const FillSymbol& symbol) {
        LegendItem item;
        item.label = label;
        item.fill = symbol.fill;
        item.stroke = symbol.stroke;
        items.push_back(item);
    };
    switch (s.kind) {
        case VectorStyle::Kind::Single:
            add(QString(), s.symbol);
            break;
        case VectorStyle::Kind::Categorized:
            for (const VectorCategory& c : s.categories)
                add(c.label.isEmpty() ? c.value : c.label, c.symbol);
            break;
        case VectorStyle::Kind::Graduated:
            for (const VectorRange& r : s.ranges)
                add(r.label, r.symbol);
            break;
    }
    return items;
}

QImage legendSwatch(const LegendItem& item, int width, int height) {
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    const QRectF box(1, 1, width - 2, height - 2);
    if (item.isRamp) {
        QLinearGradient g(box.topLeft(), box.topRight());
        for (const auto& [t, c] : item.ramp.stops)
            g.setColorAt(t, c);
        p.fillRect(box, g);
        p.setPen(QColor(90, 90, 90));
        p.drawRect(box);
        return image;
    }
    p.fillRect(box, item.fill);
    if (item.stroke.alpha() > 0) {
        p.setPen(QPen(item.stroke, 1));
        p.drawRect(box.adjusted(0, 0, -0.5, -0.5));
    }
    return image;
}

} // namespace tanhui::render
