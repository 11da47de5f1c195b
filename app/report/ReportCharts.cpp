// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/ReportCharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QStackedBarSeries>
#include <QSvgGenerator>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tanhui::report {

namespace {

constexpr double kScreenDpi = 96.0;
constexpr double kImageDpi = 200.0;

QFont chartFont(double pt, bool bold = false) {
    QFont f(reportFontFamily());
    f.setPointSizeF(pt);
    f.setBold(bold);
    return f;
}

/// A "nice" axis range covering [lo, hi] (and 0).
std::pair<double, double> niceRange(double lo, double hi) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
    if (hi - lo <= 0) {
        return { 0.0, 1.0 };
    }
    const double span = hi - lo;
    const double step0 = std::pow(10.0, std::floor(std::log10(span / 5)));
    double step = step0;
    for (const double m : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        step = step0 * m;
        if (span / step <= 6) {
            break;
        }
    }
    return { std::floor(lo / step) * step, std::ceil(hi / step) * step };
}

/// Drops the offscreen platform's "does not support propagateSizeHints()" notes while a chart view is
/// shown off the screen (noise on the CLI's stderr); every other message goes to the previous handler.
QtMessageHandler g_previousHandler = nullptr;
void quietHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (message.contains(QLatin1String("propagateSizeHints"))) {
        return;
    }
    if (g_previousHandler) {
        g_previousHandler(type, context, message);
    }
}

} // namespace

QChart* buildChart(const ChartSpec& spec) {
    const int n = int(spec.categories.size());
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTheme(QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setTitle(spec.title);
    chart->setTitleFont(chartFont(10, true));
    chart->setLocalizeNumbers(true);
    chart->setLocale(spec.locale);

    QAbstractBarSeries* bars = nullptr;
    if (spec.horizontal) {
        bars = spec.stacked ? static_cast<QAbstractBarSeries*>(new QHorizontalStackedBarSeries)
                            : static_cast<QAbstractBarSeries*>(new QHorizontalBarSeries);
    } else {
        bars = spec.stacked ? static_cast<QAbstractBarSeries*>(new QStackedBarSeries)
                            : static_cast<QAbstractBarSeries*>(new QBarSeries);
    }
    // Large values in thousands (axis labels stay short).
    double absMax = 0;
    for (const ChartSpec::Series& s : spec.series) {
        for (const double v : s.values) {
            absMax = std::isfinite(v) ? std::max(absMax, std::abs(v)) : absMax;
        }
    }
    for (const double v : spec.errorHigh) {
        absMax = std::isfinite(v) ? std::max(absMax, std::abs(v)) : absMax;
    }
    const double unit = absMax >= 1e5 && !spec.thousandsAxisTitle.isEmpty() ? 1000.0 : 1.0;
    double lo = 0, hi = 0;
    std::vector<double> posSum(std::size_t(n), 0.0), negSum(std::size_t(n), 0.0);
    for (const ChartSpec::Series& s : spec.series) {
        auto* set = new QBarSet(s.name);
        set->setColor(s.color);
        set->setBorderColor(s.color.darker(130));
        for (int i = 0; i < n; ++i) {
            const double v = i < int(s.values.size()) && std::isfinite(s.values[std::size_t(i)])
                               ? s.values[std::size_t(i)] / unit
                               : 0.0;
            *set << v;
            if (spec.stacked) {
                (v >= 0 ? posSum : negSum)[std::size_t(i)] += v;
            } else {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        bars->append(set);
    }
    if (spec.stacked) {
        for (int i = 0; i < n; ++i) {
            lo = std::min(lo, negSum[std::size_t(i)]);
            hi = std::max(hi, posSum[std::size_t(i)]);
        }
    }
    bars->setBarWidth(spec.series.size() > 1 && !spec.stacked ? 0.8 : 0.6);
    chart->addSeries(bars);

    auto* categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(spec.categories);
    categoryAxis->setLabelsFont(chartFont(8));
    categoryAxis->setTruncateLabels(false);
    auto* valueAxis = new QValueAxis;
    valueAxis->setTitleText(unit > 1 ? spec.thousandsAxisTitle : spec.valueAxisTitle);
    valueAxis->setTitleFont(chartFont(8));
    valueAxis->setLabelsFont(chartFont(7.5));
    valueAxis->setLabelFormat(QStringLiteral("%.4g"));

    // Error bars: one polyline per category (low cap, stem, high cap), x (or y) = category index.
    std::vector<QLineSeries*> errors;
    for (int i = 0; i < n; ++i) {
        if (std::size_t(i) >= spec.errorLow.size() || std::size_t(i) >= spec.errorHigh.size()) {
            break;
        }
        const double a = spec.errorLow[std::size_t(i)] / unit, b = spec.errorHigh[std::size_t(i)] / unit;
        if (!std::isfinite(a) || !std::isfinite(b)) {
            continue;
        }
        lo = std::min(lo, std::min(a, b));
        hi = std::max(hi, std::max(a, b));
        auto* line = new QLineSeries;
        const double c = 0.12;
        const std::vector<std::pair<double, double>> pts{ { i - c, a }, { i + c, a }, { i, a },
                                                          { i, b },     { i - c, b }, { i + c, b } };
        for (const auto& [x, y] : pts) {
            line->append(spec.horizontal ? QPointF(y, x) : QPointF(x, y));
        }
        QPen pen(QColor(30, 30, 30));
        pen.setWidthF(1.3);
        line->setPen(pen);
        errors.push_back(line);
    }
    const auto [axisLo, axisHi] = niceRange(lo, hi * 1.02);
    valueAxis->setRange(axisLo, axisHi);
    // Whole numbers on a wide axis (no "1.2e+04"), significant digits on a narrow one.
    valueAxis->setLabelFormat(std::max(std::abs(axisLo), std::abs(axisHi)) >= 100 ? QStringLiteral("%.0f")
                                                                                  : QStringLiteral("%.4g"));
    // Ticks on multiples of the range's step, so that 0 is a tick when the range spans it.
    const double span = axisHi - axisLo;
    double step = std::pow(10.0, std::floor(std::log10(span / 5)));
    for (const double m : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        if (span / (step * m) <= 6) {
            step *= m;
            break;
        }
    }
    valueAxis->setTickType(QValueAxis::TicksDynamic);
    valueAxis->setTickAnchor(0.0);
    valueAxis->setTickInterval(step);
    const Qt::Alignment catSide = spec.horizontal ? Qt::AlignLeft : Qt::AlignBottom;
    const Qt::Alignment valSide = spec.horizontal ? Qt::AlignBottom : Qt::AlignLeft;
    chart->addAxis(categoryAxis, catSide);
    chart->addAxis(valueAxis, valSide);
    bars->attachAxis(categoryAxis);
    bars->attachAxis(valueAxis);
    for (QLineSeries* line : errors) {
        chart->addSeries(line);
        line->attachAxis(categoryAxis);
        line->attachAxis(valueAxis);
        for (QLegendMarker* marker : chart->legend()->markers(line)) {
            marker->setVisible(false);
        }
    }
    chart->legend()->setVisible(spec.series.size() > 1);
    chart->legend()->setFont(chartFont(7.5));
    chart->legend()->setAlignment(spec.horizontal ? Qt::AlignBottom : Qt::AlignRight);
    chart->setProperty("valueScale", unit);
    return chart;
}

ReportFigure renderChart(const ChartSpec& spec, const QString& caption) {
    QChart* chart = buildChart(spec);
    QChartView view(chart); // owns the chart
    view.setRenderHint(QPainter::Antialiasing);
    view.setFrameShape(QFrame::NoFrame);
    // A horizontal chart of few categories keeps room for its value axis (QtCharts elides the labels
    // and the title to "…" when the plot is too low).
    const double heightMm = spec.horizontal ? std::max(spec.heightMm, 45.0) : spec.heightMm;
    const QSize size(int(std::lround(spec.widthMm / 25.4 * kScreenDpi)),
                     int(std::lround(heightMm / 25.4 * kScreenDpi)));
    view.resize(size);
    // Laid out only when shown: shown off the screen (no window appears), then the posted layout
    // events are processed before painting.
    view.setAttribute(Qt::WA_DontShowOnScreen);
    g_previousHandler = qInstallMessageHandler(quietHandler);
    view.show();
    QCoreApplication::processEvents();
    qInstallMessageHandler(g_previousHandler);

    ReportFigure figure;
    figure.caption = caption;
    figure.widthMm = spec.widthMm;
    figure.categories = spec.categories;
    for (const ChartSpec::Series& s : spec.series) {
        figure.values.emplace_back(s.name, s.values);
    }
    QGraphicsScene* scene = view.scene();
    const QRectF source(QPointF(0, 0), QSizeF(size));
    {
        QBuffer buffer(&figure.svg);
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(int(kScreenDpi));
        svg.setTitle(spec.title);
        QPainter painter(&svg);
        painter.setRenderHint(QPainter::Antialiasing);
        scene->render(&painter, source, source);
    }
    const int xmlStart = figure.svg.indexOf("<svg");
    if (xmlStart > 0) {
        figure.svg.remove(0, xmlStart);
    }
    const double scale = kImageDpi / kScreenDpi;
    figure.image = QImage(QSize(int(size.width() * scale), int(size.height() * scale)),
                          QImage::Format_ARGB32_Premultiplied);
    figure.image.fill(Qt::white);
    {
        QPainter painter(&figure.image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        scene->render(&painter, QRectF(QPointF(0, 0), QSizeF(figure.image.size())), source);
    }
    return figure;
}

} // namespace tanhui::report
