// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/ReportMaps.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace tanhui::report {

namespace {

constexpr double kDpi = 200.0;

double px(double mm) {
    return mm * kDpi / 25.4;
}

QFont mapFont(double pt, bool bold = false) {
    QFont f(reportFontFamily());
    f.setPointSizeF(pt);
    f.setBold(bold);
    return f;
}

/// A round length (1, 2 or 5 × 10^k) not longer than `maxLength`.
double roundLength(double maxLength) {
    const double p = std::pow(10.0, std::floor(std::log10(maxLength)));
    for (const double m : { 5.0, 2.0, 1.0 }) {
        if (m * p <= maxLength) {
            return m * p;
        }
    }
    return p;
}

void drawScaleBar(QPainter& p, const QRectF& panel, double metresPerPixel, const QString& unit) {
    if (!(metresPerPixel > 0)) {
        return;
    }
    const double maxPx = panel.width() * 0.3;
    const double metres = roundLength(maxPx * metresPerPixel);
    const double lengthPx = metres / metresPerPixel;
    const QPointF origin(panel.left() + px(4), panel.bottom() - px(4));
    const double h = px(1.4);
    p.setPen(QPen(Qt::black, px(0.2)));
    for (int i = 0; i < 2; ++i) {
        p.setBrush(i == 0 ? Qt::black : Qt::white);
        p.drawRect(QRectF(origin.x() + i * lengthPx / 2, origin.y() - h, lengthPx / 2, h));
    }
    p.setFont(mapFont(6.5));
    const QString label = metres >= 1000 ? QStringLiteral("%1 km").arg(metres / 1000.0)
                                         : QStringLiteral("%1 %2").arg(metres).arg(unit);
    p.setPen(Qt::black);
    p.drawText(QPointF(origin.x(), origin.y() - h - px(1)), QStringLiteral("0"));
    const QFontMetricsF fm(p.font());
    p.drawText(QPointF(origin.x() + lengthPx - fm.horizontalAdvance(label) / 2, origin.y() - h - px(1)),
               label);
}

void drawNorthArrow(QPainter& p, const QRectF& panel) {
    const double w = px(3.2), h = px(6);
    const QPointF top(panel.right() - px(6), panel.top() + px(4));
    QPainterPath left, right;
    left.moveTo(top);
    left.lineTo(top.x() - w / 2, top.y() + h);
    left.lineTo(top.x(), top.y() + h * 0.75);
    left.closeSubpath();
    right.moveTo(top);
    right.lineTo(top.x() + w / 2, top.y() + h);
    right.lineTo(top.x(), top.y() + h * 0.75);
    right.closeSubpath();
    p.setPen(QPen(Qt::black, px(0.2)));
    p.setBrush(Qt::black);
    p.drawPath(left);
    p.setBrush(Qt::white);
    p.drawPath(right);
    p.setFont(mapFont(7, true));
    const QFontMetricsF fm(p.font());
    p.setPen(Qt::black);
    p.drawText(QPointF(top.x() - fm.horizontalAdvance(QStringLiteral("N")) / 2, top.y() + h + fm.ascent()),
               QStringLiteral("N"));
}

} // namespace

ReportFigure renderMapFigure(const std::vector<MapPanel>& panels,
                             const gis::Crs& crs,
                             const QString& legendTitle,
                             const std::vector<render::LegendItem>& legend,
                             const QString& caption,
                             const QString& scaleUnit,
                             double widthMm) {
    ReportFigure figure;
    figure.caption = caption;
    figure.widthMm = widthMm;
    figure.isMap = true;
    if (panels.empty()) {
        return figure;
    }
    // The extent of every panel's layers (all panels share it, so they compare).
    gis::Box extent{};
    bool any = false;
    for (const MapPanel& panel : panels) {
        for (const render::MapLayer& layer : panel.layers) {
            const gis::Box b = render::layerExtent(layer, crs);
            if (b.xmax <= b.xmin || b.ymax <= b.ymin) {
                continue;
            }
            if (!any) {
                extent = b;
                any = true;
            } else {
                extent.xmin = std::min(extent.xmin, b.xmin);
                extent.ymin = std::min(extent.ymin, b.ymin);
                extent.xmax = std::max(extent.xmax, b.xmax);
                extent.ymax = std::max(extent.ymax, b.ymax);
            }
        }
    }
    if (!any) {
        return figure;
    }
    const double aspect = (extent.ymax - extent.ymin) / (extent.xmax - extent.xmin);
    const double legendW = px(48);
    const double gap = px(3);
    const double titleH = px(6);
    const int columns = panels.size() > 1 ? 2 : 1;
    const int rows = int((panels.size() + std::size_t(columns) - 1) / std::size_t(columns));
    const double totalW = px(widthMm);
    const double panelW = (totalW - legendW - gap * columns) / columns;
    const double panelH = std::clamp(panelW * aspect, px(30), px(columns == 1 ? 150 : 90));
    const double totalH = rows * (panelH + titleH + gap);

    // Legend height may exceed the maps (many classes): grow the figure then.
    const double rowH = px(4.2);
    const double legendH = px(8) + rowH * double(legend.size());
    figure.image =
      QImage(QSize(int(totalW), int(std::max(totalH, legendH))), QImage::Format_ARGB32_Premultiplied);
    figure.image.setDotsPerMeterX(int(kDpi / 0.0254));
    figure.image.setDotsPerMeterY(int(kDpi / 0.0254));
    figure.image.fill(Qt::white);
    QPainter p(&figure.image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);

    for (std::size_t i = 0; i < panels.size(); ++i) {
        const int r = int(i) / columns, c = int(i) % columns;
        const QRectF title(c * (panelW + gap), r * (panelH + titleH + gap), panelW, titleH);
        const QRectF frame(title.left(), title.bottom(), panelW, panelH);
        p.setFont(mapFont(8, true));
        p.setPen(Qt::black);
        p.drawText(title, Qt::AlignLeft | Qt::AlignVCenter, panels[i].title);
        render::MapSettings settings;
        settings.crs = crs;
        settings.extent = extent;
        settings.size = frame.size().toSize();
        settings.dpi = kDpi;
        const QImage map = render::MapRenderer::renderImage(settings, panels[i].layers);
        p.drawImage(frame.topLeft(), map);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(80, 80, 80), px(0.2)));
        p.drawRect(frame);
        drawScaleBar(p, frame, settings.mapUnitsPerPixel(), scaleUnit);
        drawNorthArrow(p, frame);
    }

    // Legend.
    const double lx = totalW - legendW + px(2);
    double ly = 0;
    p.setFont(mapFont(8, true));
    p.setPen(Qt::black);
    p.drawText(QRectF(lx, ly, legendW - px(2), px(7)),
               Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
               legendTitle);
    ly += px(8);
    p.setFont(mapFont(6.5));
    const QFontMetricsF fm(p.font());
    for (const render::LegendItem& item : legend) {
        const int sw = int(px(5)), sh = int(px(3.2));
        if (item.isRamp) {
            p.drawImage(QPointF(lx, ly), render::legendSwatch(item, sw, sh));
        } else {
            p.setPen(QPen(item.stroke.alpha() ? item.stroke : Qt::transparent, px(0.15)));
            p.setBrush(item.fill);
            p.drawRect(QRectF(lx, ly, sw, sh));
        }
        p.setPen(Qt::black);
        const QString label = fm.elidedText(item.label, Qt::ElideRight, legendW - sw - px(4));
        p.drawText(QRectF(lx + sw + px(1.5), ly - px(0.5), legendW - sw - px(3), sh + px(1)),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   label);
        ly += rowH;
    }
    p.end();
    return figure;
}

} // namespace tanhui::report
