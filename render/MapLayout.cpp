// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/MapLayout.h"

#include "gis/AtomicFile.h"
#include "gis/Errors.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <set>

namespace tanhui::render {

namespace {

/// Translation context of the layout's text.
struct LayoutText {
    Q_DECLARE_TR_FUNCTIONS(LayoutText)
};

/// Millimetres per typographic point.
constexpr double kMmPerPt = 25.4 / 72.0;

/// The extent of the visible layers (render::layersExtent).
gis::Box fullExtent(const std::vector<MapLayer>& layers, const gis::Crs& crs) {
    return layersExtent(layers, crs, true);
}

std::vector<MapLayer> mapLayers(const MapLayout& layout) {
    std::vector<MapLayer> out;
    for (const LayoutLayer& l : layout.layers)
        out.push_back(l.map);
    return out;
}

/// Map settings of a frame of `sizeMm` at `pxPerMm` showing `extent`.
MapSettings frameSettings(const MapLayout& layout,
                          const gis::Box& extent,
                          const QSizeF& sizeMm,
                          double pxPerMm) {
    MapSettings s;
    s.crs = layout.crs;
    s.extent = extent;
    s.size = QSize(std::max(1, int(std::lround(sizeMm.width() * pxPerMm))),
                   std::max(1, int(std::lround(sizeMm.height() * pxPerMm))));
    s.dpi = pxPerMm * 25.4;
    return s;
}

/// A "nice" step (1, 2 or 5 × 10^k) not larger than `value`.
double niceStep(double value) {
    if (!(value > 0))
        return 0;
    const double p = std::pow(10.0, std::floor(std::log10(value)));
    for (double f : { 5.0, 2.0, 1.0 })
        if (f * p <= value)
            return f * p;
    return p;
}

/// Values (classes) a paletted raster layer draws inside the frame: the layer is rendered alone by the
/// map renderer with each class in a unique colour, and the colours found give the classes, so the
/// legend follows exactly what the map shows.
std::vector<std::size_t> drawnClasses(const MapLayer& layer, MapSettings settings, gis::Feedback* feedback) {
    MapLayer probe = layer;
    probe.visible = true;
    probe.rasterStyle.opacity = 1.0;
    for (std::size_t i = 0; i < probe.rasterStyle.classes.size(); ++i)
        probe.rasterStyle.classes[i].color =
          QColor::fromRgb(int((i + 1) & 0xff), int(((i + 1) >> 8) & 0xff), 7);
    // About 1,600 px across is enough to see any class a reader can see on the page.
    const double shrink =
      std::min(1.0, 1600.0 / std::max(1, std::max(settings.size.width(), settings.size.height())));
    settings.size = QSize(std::max(1, int(settings.size.width() * shrink)),
                          std::max(1, int(settings.size.height() * shrink)));
    settings.dpi *= shrink;
    settings.background = Qt::transparent;
    const QImage image = MapRenderer::renderImage(settings, { probe }, feedback);
    std::vector<char> seen(probe.rasterStyle.classes.size() + 1, 0);
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(line[x]) != 255 || qBlue(line[x]) != 7)
                continue;
            const std::size_t k = std::size_t(qRed(line[x]) | (qGreen(line[x]) << 8));
            if (k >= 1 && k < seen.size())
                seen[k] = 1;
        }
    }
    std::vector<std::size_t> out;
    for (std::size_t k = 1; k < seen.size(); ++k)
        if (seen[k])
            out.push_back(k - 1);
    return out;
}

std::vector<LegendItem> drawnItems(const MapLayer& layer,
                                   const QString& language,
                                   const MapSettings& settings,
                                   gis::Feedback* feedback) {
    const std::vector<LegendItem> all = legendItems(layer, language);
    if (layer.raster) {
        if (layer.rasterStyle.kind != RasterStyle::Kind::Paletted)
            return all;
        // Legend items list the visible classes only: item of class k = visible classes before k.
        std::vector<std::size_t> itemOfClass;
        std::size_t visibleBefore = 0;
        for (const RasterClass& c : layer.rasterStyle.classes) {
            itemOfClass.push_back(visibleBefore);
            visibleBefore += c.visible ? 1 : 0;
        }
        std::vector<LegendItem> out;
        for (std::size_t k : drawnClasses(layer, settings, feedback))
            if (k < itemOfClass.size() && layer.rasterStyle.classes[k].visible && itemOfClass[k] < all.size())
                out.push_back(all[itemOfClass[k]]);
        return out;
    }
    if (!layer.vector)
        return {};
    const VectorSource& source = *layer.vector;
    const VectorStyle& style = layer.vectorStyle;
    std::vector<std::uint32_t> features;
    source.query(settings.visibleExtent(), features);
    if (features.empty())
        return {};
    if (style.kind == VectorStyle::Kind::Single)
        return all;
    const int field = source.fieldIndex(style.field);
    if (field < 0)
        return {};
    std::vector<char> used(
      style.kind == VectorStyle::Kind::Categorized ? style.categories.size() : style.ranges.size(), 0);
    for (std::uint32_t f : features) {
        const QVariant& v = source.attribute(f, field);
        const FillSymbol* symbol = style.symbolFor(v);
        if (!symbol)
            continue;
        if (style.kind == VectorStyle::Kind::Categorized) {
            for (std::size_t c = 0; c < style.categories.size(); ++c)
                if (&style.categories[c].symbol == symbol)
                    used[c] = 1;
        } else {
            for (std::size_t r = 0; r < style.ranges.size(); ++r)
                if (&style.ranges[r].symbol == symbol)
                    used[r] = 1;
        }
    }
    std::vector<LegendItem> out;
    for (std::size_t k = 0; k < used.size() && k < all.size(); ++k)
        if (used[k])
            out.push_back(all[k]);
    return out;
}

QFont layoutFont(double heightMm, double pxPerMm, bool bold = false) {
    QFont font;
    font.setFamilies(layoutFontFamilies());
    font.setPixelSize(std::max(1, int(std::lround(heightMm * pxPerMm))));
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

/// Legend block size (mm) for a font height and column count; also whether everything fits `frame`.
struct LegendFit {
    double fontMm = 3.2;
    int columns = 1;
    std::size_t shownRows = 0; ///< rows drawn (the rest summarised as "+N more")
    std::size_t totalRows = 0;
};

double textWidthMm(const QString& text, double fontMm, bool bold = false) {
    // Measured at 10 px per mm (font metrics scale linearly).
    const QFontMetricsF m(layoutFont(fontMm, 10.0, bold));
    return m.horizontalAdvance(text) / 10.0;
}

/// Rows of a legend: headings and items, in order.
struct LegendRow {
    bool heading = false;
    const LegendItem* item = nullptr;
    QString text;
};

std::vector<LegendRow> legendRows(const std::vector<LegendSection>& sections) {
    std::vector<LegendRow> rows;
    for (const LegendSection& s : sections) {
        if (!s.title.isEmpty())
            rows.push_back({ true, nullptr, s.title });
        for (const LegendItem& item : s.items)
            rows.push_back({ false, &item, item.label });
    }
    return rows;
}

double rowHeightMm(double fontMm) {
    return fontMm * 1.55;
}

LegendFit fitLegend(const std::vector<LegendSection>& sections, const QSizeF& frameMm) {
    const std::vector<LegendRow> rows = legendRows(sections);
    LegendFit fit;
    fit.totalRows = rows.size();
    for (double fontMm = 3.2; fontMm >= 1.99; fontMm -= 0.2) {
        const double rowH = rowHeightMm(fontMm);
        const int perColumn = int(std::floor((frameMm.height() - rowH * 1.3) / rowH));
        if (perColumn < 1)
            continue;
        for (int columns = 1; columns <= 3; ++columns) {
            if (std::size_t(perColumn) * std::size_t(columns) < rows.size())
                continue;
            const double colW = frameMm.width() / columns;
            bool fits = true;
            for (const LegendRow& r : rows) {
                const double w =
                  r.heading ? textWidthMm(r.text, fontMm, true) : fontMm * 2.2 + textWidthMm(r.text, fontMm);
                if (w > colW - 1.0) {
                    fits = false;
                    break;
                }
            }
            if (fits) {
                fit.fontMm = fontMm;
                fit.columns = columns;
                fit.shownRows = rows.size();
                return fit;
            }
        }
    }
    // Does not fit even small: one column at the smallest size, long labels elided, the rest counted.
    fit.fontMm = 2.0;
    fit.columns = 1;
    const double rowH = rowHeightMm(fit.fontMm);
    const int perColumn = std::max(0, int(std::floor((frameMm.height() - rowH * 1.3) / rowH)));
    fit.shownRows = std::min(rows.size(), std::size_t(std::max(0, perColumn - 1)));
    if (std::size_t(perColumn) >= rows.size())
        fit.shownRows = rows.size();
    return fit;
}

QString crsNote(const gis::Crs& crs) {
    if (!crs.isValid())
        return LayoutText::tr("Coordinate reference system: unknown");
    const QString id = QString::fromStdString(crs.authorityId());
    const QString name = QString::fromStdString(crs.name());
    return LayoutText::tr("Coordinate reference system: %1")
      .arg(id.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(id, name));
}

QString formatDistance(double metres) {
    if (metres >= 1000)
        return QStringLiteral("%1 km").arg(QLocale().toString(metres / 1000.0, 'g', 6));
    return QStringLiteral("%1 m").arg(QLocale().toString(metres, 'g', 6));
}

} // namespace

QSizeF LayoutPage::sizeMm() const {
    const QSizeF s = QPageSize(size).size(QPageSize::Millimeter);
    const double a = std::min(s.width(), s.height()), b = std::max(s.width(), s.height());
    return orientation == QPageLayout::Landscape ? QSizeF(b, a) : QSizeF(a, b);
}

QSize LayoutPage::sizePixels() const {
    const QSizeF mm = sizeMm();
    return { int(std::lround(mm.width() / 25.4 * dpi)), int(std::lround(mm.height() / 25.4 * dpi)) };
}

QString cjkFontFamily() {
    static const QString family = [] {
        const QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
        for (const char* wanted : { "Noto Sans CJK SC",
                                    "Noto Sans SC",
                                    "Source Han Sans SC",
                                    "WenQuanYi Micro Hei",
                                    "Noto Serif CJK SC" })
            if (families.contains(QLatin1String(wanted)))
                return QString::fromLatin1(wanted);
        return families.isEmpty() ? QFont().family() : families.first();
    }();
    return family;
}

QStringList layoutFontFamilies() {
    static const QStringList families = [] {
        QStringList out;
        const QStringList all = QFontDatabase::families();
        for (const char* latin : { "Noto Sans", "DejaVu Sans", "Liberation Sans" })
            if (all.contains(QLatin1String(latin))) {
                out << QString::fromLatin1(latin);
                break;
            }
        out << cjkFontFamily();
        return out;
    }();
    return families;
}

std::vector<LegendSection> layoutLegend(const MapLayout& layout, gis::Feedback* feedback) {
    return layoutGeometry(layout, feedback).legendSections;
}

LayoutGeometry layoutGeometry(const MapLayout& layout, gis::Feedback* feedback) {
    LayoutGeometry g;
    g.page = layout.page.sizeMm();
    const double m = std::clamp(layout.page.marginMm, 0.0, std::min(g.page.width(), g.page.height()) / 4);
    const QRectF content(m, m, g.page.width() - 2 * m, g.page.height() - 2 * m);
    double y = content.top();
    g.title = QRectF(content.left(), y, content.width(), 8.0);
    y += 8.5;
    if (!layout.subtitle.isEmpty()) {
        g.subtitle = QRectF(content.left(), y, content.width(), 5.0);
        y += 5.5;
    }
    y += 1.5;
    const double notesH = 8.0;
    g.notes = QRectF(content.left(), content.bottom() - notesH, content.width(), notesH);
    QRectF body(content.left(), y, content.width(), g.notes.top() - 1.5 - y);
    const bool landscape = g.page.width() >= g.page.height();
    const bool panel = layout.options.legend || layout.options.overview;
    QRectF panelRect;
    if (panel) {
        if (landscape) {
            const double w = std::clamp(body.width() * 0.27, 45.0, 75.0);
            panelRect = QRectF(body.right() - w, body.top(), w, body.height());
            body.setRight(panelRect.left() - 4.0);
        } else {
            const double h = std::clamp(body.height() * 0.28, 40.0, 90.0);
            panelRect = QRectF(body.left(), body.bottom() - h, body.width(), h);
            body.setBottom(panelRect.top() - 4.0);
        }
    }
    // Grid labels sit outside the map frame: leave them a gutter.
    if (layout.options.grid)
        body.adjust(5.0, 5.0, -5.0, -5.0);
    g.map = body;

    // The shown extent: the layout's, or the visible layers' full extent, widened to the frame.
    const std::vector<MapLayer> layers = mapLayers(layout);
    gis::Box extent = layout.extent.isEmpty() ? fullExtent(layers, layout.crs) : layout.extent;
    const MapSettings probe = frameSettings(layout, extent, g.map.size(), 10.0);
    g.mapExtent = probe.visibleExtent();

    if (panel) {
        QRectF legendRect = panelRect;
        if (layout.options.overview) {
            std::vector<MapLayer> ov = layout.overviewLayers.empty() ? layers : layout.overviewLayers;
            gis::Box ovExtent =
              layout.overviewExtent.isEmpty() ? fullExtent(ov, layout.crs) : layout.overviewExtent;
            double w =
              landscape ? panelRect.width() : std::min(panelRect.width() * 0.35, panelRect.height() * 1.6);
            double h = std::min(landscape ? panelRect.height() * 0.35 : panelRect.height(), 60.0);
            if (!ovExtent.isEmpty() && ovExtent.width() > 0 && ovExtent.height() > 0) {
                const double aspect = ovExtent.width() / ovExtent.height();
                if (w / h > aspect)
                    w = h * aspect;
                else
                    h = w / aspect;
            }
            g.overview = QRectF(panelRect.left(), panelRect.top(), w, h);
            if (landscape)
                legendRect.setTop(g.overview.bottom() + 4.0);
            else
                legendRect.setLeft(g.overview.right() + 4.0);
        }
        if (layout.options.legend)
            g.legend = legendRect;
    }
    if (layout.options.legend) {
        const MapSettings settings = frameSettings(layout, extent, g.map.size(), layout.page.dpi / 25.4);
        for (auto it = layout.layers.rbegin(); it != layout.layers.rend(); ++it) {
            if (!it->map.visible || !it->inLegend)
                continue;
            LegendSection section;
            section.title = it->title.isEmpty() ? it->map.id : it->title;
            section.items = drawnItems(it->map, layout.language, settings, feedback);
            // A single symbol (outlines) is one row named after the layer.
            if (section.items.size() == 1 && section.items.front().label.isEmpty()) {
                section.items.front().label = section.title;
                section.title.clear();
            }
            if (!section.items.empty())
                g.legendSections.push_back(std::move(section));
        }
        const LegendFit fit = fitLegend(g.legendSections, g.legend.isEmpty() ? QSizeF() : g.legend.size());
        g.legendFontMm = fit.fontMm;
        g.legendColumns = fit.columns;
    }
    // Scale bar bottom-left and north arrow top-right, inside the map frame.
    const double sbW = std::min(60.0, g.map.width() * 0.4);
    if (layout.options.scaleBar)
        g.scaleBar = QRectF(g.map.left() + 2.0, g.map.bottom() - 12.0, sbW, 10.0);
    if (layout.options.northArrow)
        g.northArrow = QRectF(g.map.right() - 12.0, g.map.top() + 2.0, 10.0, 14.0);
    return g;
}

namespace {

/// Paints text elided to fit `rect` (px), vertically centred.
void drawFitted(QPainter& p,
                const QRectF& rect,
                const QString& text,
                const QFont& font,
                Qt::Alignment align) {
    p.setFont(font);
    const QFontMetricsF metrics(font);
    p.drawText(rect, int(align | Qt::AlignVCenter), metrics.elidedText(text, Qt::ElideRight, rect.width()));
}

QFont fittedFont(const QString& text,
                 double heightMm,
                 double minMm,
                 double widthMm,
                 double pxPerMm,
                 bool bold) {
    double h = heightMm;
    while (h > minMm && textWidthMm(text, h, bold) > widthMm)
        h -= 0.25;
    return layoutFont(h, pxPerMm, bold);
}

void drawHighlight(QPainter& p,
                   const MapSettings& s,
                   const VectorSource& source,
                   const std::vector<std::uint32_t>& features) {
    QPainterPath path;
    for (std::uint32_t f : features) {
        if (f >= source.size())
            continue;
        for (std::uint32_t r = source.firstRing(f); r < source.endRing(f); ++r) {
            QPolygonF ring;
            for (std::uint32_t k = source.ringStart(r); k < source.ringStart(r + 1); ++k)
                ring << s.toPixel(source.xy()[2 * k], source.xy()[2 * k + 1]);
            path.addPolygon(ring);
            path.closeSubpath();
        }
    }
    p.save();
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(220, 30, 30), s.pixelsFromMm(0.7), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(path);
    p.restore();
}

void drawGrid(QPainter& p, const MapSettings& s, const QRectF& frame, double pxPerMm) {
    const gis::Box e = s.visibleExtent();
    const double step = niceStep(std::max(e.width(), e.height()) / 5.0);
    if (!(step > 0))
        return;
    const QFont font = layoutFont(2.2, pxPerMm);
    p.setFont(font);
    const QFontMetricsF metrics(font);
    const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step)));
    const auto label = [&](double v) { return QLocale::c().toString(v, 'f', decimals); };
    p.setPen(QPen(QColor(80, 80, 80, 160), std::max(1.0, 0.15 * pxPerMm)));
    for (double x = std::ceil(e.xmin / step) * step; x <= e.xmax; x += step) {
        const double px = frame.left() + s.toPixel(x, e.ymin).x();
        if (px < frame.left() + 1 || px > frame.right() - 1)
            continue;
        p.drawLine(QPointF(px, frame.top()), QPointF(px, frame.bottom()));
        const QString t = label(x);
        const double w = metrics.horizontalAdvance(t);
        p.save();
        p.setPen(QColor(40, 40, 40));
        p.drawText(QPointF(px - w / 2, frame.top() - 1.0 * pxPerMm), t);
        p.drawText(QPointF(px - w / 2, frame.bottom() + 1.0 * pxPerMm + metrics.ascent()), t);
        p.restore();
    }
    for (double y = std::ceil(e.ymin / step) * step; y <= e.ymax; y += step) {
        const double py = frame.top() + s.toPixel(e.xmin, y).y();
        if (py < frame.top() + 1 || py > frame.bottom() - 1)
            continue;
        p.drawLine(QPointF(frame.left(), py), QPointF(frame.right(), py));
        const QString t = label(y);
        const double w = metrics.horizontalAdvance(t);
        for (const auto& [x0, angle] : { std::pair{ frame.left() - 1.0 * pxPerMm, -90.0 },
                                         std::pair{ frame.right() + 1.0 * pxPerMm, 90.0 } }) {
            p.save();
            p.setPen(QColor(40, 40, 40));
            p.translate(x0, py);
            p.rotate(angle);
            p.drawText(QPointF(-w / 2, 0), t);
            p.restore();
        }
    }
}

void drawScaleBar(QPainter& p, const MapSettings& s, const QRectF& box, double pxPerMm) {
    const double denominator = s.scaleDenominator();
    if (!(denominator > 0))
        return;
    const double groundPerMm = denominator / 1000.0; // metres of ground per mm of paper
    const double maxBarMm = box.width() - 8.0;
    const double unitM = niceStep(maxBarMm * groundPerMm / 4.0);
    if (!(unitM > 0))
        return;
    const double segMm = unitM / groundPerMm;
    const QRectF back(
      box.left() * pxPerMm, box.top() * pxPerMm, (segMm * 4 + 8.0) * pxPerMm, box.height() * pxPerMm);
    p.save();
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 215));
    p.drawRect(back);
    const double x0 = back.left() + 3.0 * pxPerMm, yBar = back.top() + 4.2 * pxPerMm, hBar = 1.3 * pxPerMm;
    p.setPen(QPen(Qt::black, std::max(1.0, 0.15 * pxPerMm)));
    for (int i = 0; i < 4; ++i) {
        p.setBrush(i % 2 ? Qt::white : Qt::black);
        p.drawRect(QRectF(x0 + i * segMm * pxPerMm, yBar, segMm * pxPerMm, hBar));
    }
    const QFont font = layoutFont(2.2, pxPerMm);
    p.setFont(font);
    const QFontMetricsF metrics(font);
    for (int i : { 0, 2, 4 }) {
        const QString t = i == 0 ? QStringLiteral("0") : formatDistance(unitM * i);
        const double w = metrics.horizontalAdvance(t);
        p.drawText(QPointF(x0 + i * segMm * pxPerMm - (i == 0 ? 0.0 : w / 2), yBar - 0.8 * pxPerMm), t);
    }
    p.drawText(QPointF(x0, yBar + hBar + 0.8 * pxPerMm + metrics.ascent()),
               QStringLiteral("1 : %1").arg(QLocale().toString(std::round(denominator), 'f', 0)));
    p.restore();
}

void drawNorthArrow(QPainter& p, const QRectF& box, double pxPerMm) {
    const QRectF r(box.left() * pxPerMm, box.top() * pxPerMm, box.width() * pxPerMm, box.height() * pxPerMm);
    p.save();
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 215));
    p.drawRect(r);
    const QFont font = layoutFont(3.0, pxPerMm, true);
    p.setFont(font);
    p.setPen(Qt::black);
    const QRectF letter(r.left(), r.top() + 0.5 * pxPerMm, r.width(), 3.6 * pxPerMm);
    p.drawText(letter, Qt::AlignCenter, QStringLiteral("N"));
    const double cx = r.center().x(), top = letter.bottom() + 0.6 * pxPerMm,
                 bottom = r.bottom() - 0.8 * pxPerMm;
    const double half = r.width() * 0.28, mid = bottom - (bottom - top) * 0.3;
    QPolygonF left, right;
    left << QPointF(cx, top) << QPointF(cx - half, bottom) << QPointF(cx, mid);
    right << QPointF(cx, top) << QPointF(cx + half, bottom) << QPointF(cx, mid);
    p.setPen(QPen(Qt::black, std::max(1.0, 0.15 * pxPerMm)));
    p.setBrush(Qt::black);
    p.drawPolygon(left);
    p.setBrush(Qt::white);
    p.drawPolygon(right);
    p.restore();
}

void drawLegend(QPainter& p, const LayoutGeometry& g, double pxPerMm) {
    const std::vector<LegendRow> rows = legendRows(g.legendSections);
    const LegendFit fit = fitLegend(g.legendSections, g.legend.isEmpty() ? QSizeF() : g.legend.size());
    const double f = fit.fontMm, rowH = rowHeightMm(f);
    const QRectF frame = g.legend;
    p.save();
    p.setPen(Qt::black);
    drawFitted(
      p,
      QRectF(frame.left() * pxPerMm, frame.top() * pxPerMm, frame.width() * pxPerMm, rowH * 1.3 * pxPerMm),
      LayoutText::tr("Legend"),
      layoutFont(f * 1.15, pxPerMm, true),
      Qt::AlignLeft);
    const double top = frame.top() + rowH * 1.3;
    const int perColumn = std::max(1, int(std::floor((frame.bottom() - top) / rowH)));
    const double colW = frame.width() / fit.columns;
    const QFont normal = layoutFont(f, pxPerMm), bold = layoutFont(f, pxPerMm, true);
    std::size_t shown = std::min(fit.shownRows, rows.size());
    for (std::size_t i = 0; i < shown; ++i) {
        const int col = int(i) / perColumn, row = int(i) % perColumn;
        const double x = frame.left() + col * colW, yTop = top + row * rowH;
        const LegendRow& r = rows[i];
        if (r.heading) {
            p.setPen(Qt::black);
            drawFitted(p,
                       QRectF(x * pxPerMm, yTop * pxPerMm, (colW - 1.0) * pxPerMm, rowH * pxPerMm),
                       r.text,
                       bold,
                       Qt::AlignLeft);
            continue;
        }
        const double swW = f * 1.6, swH = f * 1.05;
        const QRectF sw(
          (x + 0.5) * pxPerMm, (yTop + (rowH - swH) / 2) * pxPerMm, swW * pxPerMm, swH * pxPerMm);
        if (r.item->isRamp) {
            QLinearGradient grad(sw.topLeft(), sw.topRight());
            for (const auto& [t, c] : r.item->ramp.stops)
                grad.setColorAt(t, c);
            p.fillRect(sw, grad);
            p.setPen(QPen(QColor(90, 90, 90), std::max(1.0, 0.1 * pxPerMm)));
            p.setBrush(Qt::NoBrush);
            p.drawRect(sw);
        } else {
            p.setBrush(r.item->fill.alpha() > 0 ? QBrush(r.item->fill) : QBrush(Qt::NoBrush));
            p.setPen(r.item->stroke.alpha() > 0 ? QPen(r.item->stroke, std::max(1.0, 0.2 * pxPerMm))
                                                : QPen(Qt::NoPen));
            p.drawRect(sw);
        }
        p.setPen(Qt::black);
        const double tx = x + 0.5 + swW + f * 0.6;
        drawFitted(p,
                   QRectF(tx * pxPerMm, yTop * pxPerMm, (x + colW - 1.0 - tx) * pxPerMm, rowH * pxPerMm),
                   r.text,
                   normal,
                   Qt::AlignLeft);
    }
    if (shown < rows.size()) {
        const int col = int(shown) / perColumn, row = int(shown) % perColumn;
        const double x = frame.left() + col * colW, yTop = top + row * rowH;
        p.setPen(QColor(80, 80, 80));
        drawFitted(p,
                   QRectF(x * pxPerMm, yTop * pxPerMm, (colW - 1.0) * pxPerMm, rowH * pxPerMm),
                   LayoutText::tr("… and %1 more entries").arg(rows.size() - shown),
                   normal,
                   Qt::AlignLeft);
    }
    p.restore();
}

} // namespace

void renderLayout(const MapLayout& layout, QPainter& painter, const QRectF& target, gis::Feedback* feedback) {
    const LayoutGeometry g = layoutGeometry(layout, feedback);
    const double pxPerMm = std::min(target.width() / g.page.width(), target.height() / g.page.height());
    if (!(pxPerMm > 0))
        return;
    painter.save();
    painter.translate(target.left() + (target.width() - g.page.width() * pxPerMm) / 2,
                      target.top() + (target.height() - g.page.height() * pxPerMm) / 2);
    const QRectF pagePx(0, 0, g.page.width() * pxPerMm, g.page.height() * pxPerMm);
    painter.setClipRect(pagePx);
    painter.fillRect(pagePx, Qt::white);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    // Class rasters in a PDF stay exact: lossless (Flate) images, not JPEG.
    painter.setRenderHint(QPainter::LosslessImageRendering, true);
    const auto px = [pxPerMm](const QRectF& mm) {
        return QRectF(mm.left() * pxPerMm, mm.top() * pxPerMm, mm.width() * pxPerMm, mm.height() * pxPerMm);
    };

    // Title and subtitle, shrunk to fit their line (then elided).
    painter.setPen(Qt::black);
    drawFitted(painter,
               px(g.title),
               layout.title,
               fittedFont(layout.title, 6.0, 3.5, g.title.width(), pxPerMm, true),
               Qt::AlignLeft);
    if (!layout.subtitle.isEmpty()) {
        painter.setPen(QColor(60, 60, 60));
        drawFitted(painter,
                   px(g.subtitle),
                   layout.subtitle,
                   fittedFont(layout.subtitle, 4.0, 2.5, g.subtitle.width(), pxPerMm, false),
                   Qt::AlignLeft);
    }

    // The map.
    const gis::Box extent =
      layout.extent.isEmpty() ? fullExtent(mapLayers(layout), layout.crs) : layout.extent;
    const MapSettings settings = frameSettings(layout, extent, g.map.size(), pxPerMm);
    const QRectF mapPx(px(g.map).topLeft(), QSizeF(settings.size));
    painter.save();
    painter.translate(mapPx.topLeft());
    painter.setClipRect(QRectF(QPointF(0, 0), mapPx.size()));
    painter.fillRect(QRectF(QPointF(0, 0), mapPx.size()), Qt::white);
    painter.setFont(layoutFont(3.0, pxPerMm));
    MapRenderer::render(painter, settings, mapLayers(layout), feedback);
    if (layout.highlight)
        drawHighlight(painter, settings, *layout.highlight, layout.highlightFeatures);
    painter.restore();
    if (layout.options.grid)
        drawGrid(painter, settings, mapPx, pxPerMm);
    painter.setPen(QPen(Qt::black, std::max(1.0, 0.3 * pxPerMm)));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(mapPx);
    if (layout.options.scaleBar)
        drawScaleBar(painter, settings, g.scaleBar, pxPerMm);
    if (layout.options.northArrow)
        drawNorthArrow(painter, g.northArrow, pxPerMm);

    // Overview inset: its layers at their full extent, the map's extent as a red frame.
    if (layout.options.overview && !g.overview.isEmpty()) {
        const std::vector<MapLayer> ov =
          layout.overviewLayers.empty() ? mapLayers(layout) : layout.overviewLayers;
        const gis::Box ovExtent =
          layout.overviewExtent.isEmpty() ? fullExtent(ov, layout.crs) : layout.overviewExtent;
        const MapSettings os = frameSettings(layout, ovExtent, g.overview.size(), pxPerMm);
        const QRectF ovPx(px(g.overview).topLeft(), QSizeF(os.size));
        painter.save();
        painter.translate(ovPx.topLeft());
        painter.setClipRect(QRectF(QPointF(0, 0), ovPx.size()));
        painter.fillRect(QRectF(QPointF(0, 0), ovPx.size()), Qt::white);
        MapRenderer::render(painter, os, ov, feedback);
        const gis::Box e = g.mapExtent;
        const QPointF a = os.toPixel(e.xmin, e.ymax), b = os.toPixel(e.xmax, e.ymin);
        painter.setPen(QPen(QColor(220, 30, 30), std::max(1.0, 0.5 * pxPerMm)));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(a, b));
        painter.restore();
        painter.setPen(QPen(Qt::black, std::max(1.0, 0.2 * pxPerMm)));
        painter.drawRect(ovPx);
    }

    if (layout.options.legend && !g.legend.isEmpty() && !g.legendSections.empty())
        drawLegend(painter, g, pxPerMm);

    // Notes: CRS, then data source and date.
    painter.setPen(QColor(50, 50, 50));
    const QFont noteFont = layoutFont(2.5, pxPerMm);
    const QRectF notes = px(g.notes);
    drawFitted(painter,
               QRectF(notes.left(), notes.top(), notes.width(), notes.height() / 2),
               crsNote(layout.crs),
               noteFont,
               Qt::AlignLeft);
    QStringList second;
    if (!layout.sourceNote.isEmpty())
        second << layout.sourceNote;
    if (!layout.dateNote.isEmpty())
        second << layout.dateNote;
    drawFitted(painter,
               QRectF(notes.left(), notes.top() + notes.height() / 2, notes.width(), notes.height() / 2),
               second.join(QStringLiteral("  ·  ")),
               noteFont,
               Qt::AlignLeft);
    painter.restore();
}

QImage renderLayoutImage(const MapLayout& layout, gis::Feedback* feedback) {
    const QSize size = layout.page.sizePixels();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(int(std::lround(layout.page.dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(layout.page.dpi / 0.0254)));
    image.fill(Qt::white);
    QPainter painter(&image);
    renderLayout(layout, painter, QRectF(QPointF(0, 0), QSizeF(size)), feedback);
    painter.end();
    return image;
}

std::optional<LayoutFormat> layoutFormatFor(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return LayoutFormat::Png;
    if (suffix == QLatin1String("pdf"))
        return LayoutFormat::Pdf;
    if (suffix == QLatin1String("svg"))
        return LayoutFormat::Svg;
    return std::nullopt;
}

namespace {

LayoutFormat formatOrThrow(const QString& path) {
    const std::optional<LayoutFormat> format = layoutFormatFor(path);
    if (!format)
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            LayoutText::tr("%1: unknown map format \"%2\"; use .png, .pdf or .svg")
                              .arg(path, QFileInfo(path).suffix())
                              .toStdString(),
                            path.toStdString());
    return *format;
}

QPageLayout pdfPageLayout(const LayoutPage& page) {
    return QPageLayout(
      QPageSize(page.size), page.orientation, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
}

/// Paints pages into a PDF in memory (vector; rasters at the page's DPI).
QByteArray pdfBytes(const std::vector<MapLayout>& pages, gis::Feedback* feedback) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(int(std::lround(std::max(72.0, pages.front().page.dpi))));
        writer.setCreator(QStringLiteral("Tanhui"));
        writer.setTitle(pages.front().title);
        writer.setPageLayout(pdfPageLayout(pages.front().page));
        QPainter painter(&writer);
        for (std::size_t i = 0; i < pages.size(); ++i) {
            if (i > 0) {
                writer.setPageLayout(pdfPageLayout(pages[i].page));
                writer.newPage();
            }
            const QSizeF mm = pages[i].page.sizeMm();
            const double pxPerMm = writer.resolution() / 25.4;
            renderLayout(
              pages[i], painter, QRectF(0, 0, mm.width() * pxPerMm, mm.height() * pxPerMm), feedback);
        }
        painter.end();
    }
    return bytes;
}

QByteArray svgBytes(const MapLayout& layout, gis::Feedback* feedback) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const QSize size = layout.page.sizePixels();
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setResolution(int(std::lround(layout.page.dpi)));
    svg.setTitle(layout.title);
    svg.setDescription(layout.subtitle);
    QPainter painter(&svg);
    renderLayout(layout, painter, QRectF(QPointF(0, 0), QSizeF(size)), feedback);
    painter.end();
    return bytes;
}

QByteArray pngBytes(const MapLayout& layout, gis::Feedback* feedback) {
    const QImage image = renderLayoutImage(layout, feedback);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void writeAtomically(const QString& path, const QByteArray& bytes) {
    if (bytes.isEmpty())
        throw gis::GisError(gis::GisError::Kind::Io,
                            LayoutText::tr("%1: the map could not be encoded").arg(path).toStdString(),
                            path.toStdString());
    gis::writeFileAtomically(path, bytes);
}

} // namespace

void exportLayout(const MapLayout& layout, const QString& path, gis::Feedback* feedback) {
    switch (formatOrThrow(path)) {
        case LayoutFormat::Png:
            writeAtomically(path, pngBytes(layout, feedback));
            break;
        case LayoutFormat::Pdf:
            writeAtomically(path, pdfBytes({ layout }, feedback));
            break;
        case LayoutFormat::Svg:
            writeAtomically(path, svgBytes(layout, feedback));
            break;
    }
}

QStringList exportAtlas(const std::vector<MapLayout>& pages,
                        const QStringList& suffixes,
                        const QString& path,
                        gis::Feedback* feedback) {
    const LayoutFormat format = formatOrThrow(path);
    if (pages.empty())
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            LayoutText::tr("%1: the atlas has no page").arg(path).toStdString(),
                            path.toStdString());
    if (format == LayoutFormat::Pdf) {
        writeAtomically(path, pdfBytes(pages, feedback));
        return { path };
    }
    if (suffixes.size() != qsizetype(pages.size()))
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            "exportAtlas: one suffix per page is needed");
    const QFileInfo info(path);
    QStringList written;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const QString file = info.dir().filePath(
          QStringLiteral("%1_%2.%3").arg(info.completeBaseName(), suffixes[qsizetype(i)], info.suffix()));
        writeAtomically(
          file, format == LayoutFormat::Png ? pngBytes(pages[i], feedback) : svgBytes(pages[i], feedback));
        written << file;
    }
    return written;
}

} // namespace tanhui::render
