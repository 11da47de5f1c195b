// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ParcelSeriesView.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFontMetrics>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPercentBarSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>
#include <map>

namespace tanhui::gui {

namespace {

QChart* emptyChart(const QString& title) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

} // namespace

ParcelSeriesView::ParcelSeriesView(QWidget* parent)
  : QWidget(parent) {
    setObjectName(QStringLiteral("parcelSeries"));
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setContentsMargins(6, 4, 6, 0);
    m_ndvi = new QChartView(emptyChart(tr("NDVI")), this);
    m_landCover = new QChartView(emptyChart(tr("Land cover")), this);
    for (QChartView* v : { m_ndvi, m_landCover }) {
        v->setRenderHint(QPainter::Antialiasing, true);
        v->setMinimumHeight(220);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_ndvi, 1);
    layout->addWidget(m_landCover, 1);
    clear(tr("Click a parcel on the map (Pan tool) to chart its NDVI and land cover through the dates."));
}

QChart* ParcelSeriesView::ndviChart() const {
    return m_ndvi->chart();
}

QChart* ParcelSeriesView::landCoverChart() const {
    return m_landCover->chart();
}

void ParcelSeriesView::clear(const QString& message) {
    m_title->setText(message);
    m_ndvi->chart()->removeAllSeries();
    m_landCover->chart()->removeAllSeries();
    for (QChart* c : { m_ndvi->chart(), m_landCover->chart() })
        for (QAbstractAxis* a : c->axes())
            c->removeAxis(a);
}

void ParcelSeriesView::showSeries(const QString& title,
                                  const tanhui::models::ParcelSeries& series,
                                  const std::vector<tanhui::render::RasterClass>& classes) {
    clear(title);
    const QLocale locale;
    const QString language = locale.name();

    // NDVI: one line through the dates with a value; a date without valid cells breaks the line.
    QChart* ndvi = m_ndvi->chart();
    auto* points = new QScatterSeries;
    points->setName(tr("Mean NDVI"));
    points->setMarkerSize(7);
    std::vector<QLineSeries*> lines;
    QLineSeries* line = nullptr;
    int gaps = 0;
    int minYear = 0, maxYear = 0;
    for (const auto& p : series.continuous) {
        minYear = minYear == 0 ? p.year : std::min(minYear, p.year);
        maxYear = std::max(maxYear, p.year);
        if (std::isnan(p.mean)) {
            line = nullptr;
            ++gaps;
            continue;
        }
        if (!line) {
            line = new QLineSeries;
            lines.push_back(line);
        }
        line->append(p.year, p.mean);
        points->append(p.year, p.mean);
    }
    auto* x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%d"));
    x->setRange(minYear - 0.5, maxYear + 0.5);
    // Whole years only, at most about six labels (a narrow dock elides longer rows).
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(minYear);
    x->setTickInterval(std::max(1, (maxYear - minYear + 4) / 5));
    x->setTitleText(gaps > 0 ? tr("Year (%n date(s) without valid cells)", nullptr, gaps) : tr("Year"));
    auto* y = new QValueAxis;
    y->setRange(0, 1);
    y->setTitleText(tr("NDVI (mean over the parcel)"));
    ndvi->addAxis(x, Qt::AlignBottom);
    ndvi->addAxis(y, Qt::AlignLeft);
    const QColor green(46, 125, 50);
    for (QLineSeries* l : lines) {
        l->setColor(green);
        ndvi->addSeries(l);
        l->attachAxis(x);
        l->attachAxis(y);
    }
    points->setColor(green);
    ndvi->addSeries(points);
    points->attachAxis(x);
    points->attachAxis(y);
    for (QLineSeries* l : lines)
        ndvi->legend()->markers(l).first()->setVisible(false);
    ndvi->setTitle(series.continuous.empty() ? tr("NDVI: the project has no dated NDVI rasters")
                                             : tr("NDVI"));

    // Land cover: shares per date (100 % stacked), classes with at least 0.5 % at some date; the rest
    // as "other classes".
    QChart* lc = m_landCover->chart();
    std::map<double, std::vector<double>> areas; // class → ha per date
    std::vector<double> totals(series.classes.size(), 0.0);
    for (std::size_t d = 0; d < series.classes.size(); ++d) {
        for (const auto& c : series.classes[d].classes) {
            auto& v = areas[c.value];
            v.resize(series.classes.size(), 0.0);
            v[d] += c.areaM2 / 10000.0;
            totals[d] += c.areaM2 / 10000.0;
        }
    }
    auto* bars = new QPercentBarSeries;
    std::vector<double> other(series.classes.size(), 0.0);
    bool anyOther = false;
    for (const auto& [value, ha] : areas) {
        bool shown = false;
        for (std::size_t d = 0; d < ha.size(); ++d)
            shown = shown || (totals[d] > 0 && ha[d] / totals[d] >= 0.005);
        if (!shown) {
            for (std::size_t d = 0; d < ha.size(); ++d)
                other[d] += ha[d];
            anyOther = true;
            continue;
        }
        QString label = locale.toString(value, 'g', 6);
        QColor color(150, 150, 150);
        for (const auto& c : classes) {
            if (c.value == value) {
                label = c.label(language);
                color = c.color;
            }
        }
        auto* set = new QBarSet(label);
        set->setColor(color);
        set->setBorderColor(color.darker(115));
        for (double h : ha)
            *set << h;
        bars->append(set);
    }
    if (anyOther) {
        auto* set = new QBarSet(tr("Other classes"));
        set->setColor(QColor(200, 200, 200));
        for (double h : other)
            *set << h;
        bars->append(set);
    }
    lc->addSeries(bars);
    // The class names below the bars, so that the bars keep the dock's width for their year labels;
    // each name is elided to its share of the row (the tooltip-free chart shows the full names in
    // the legend of the map).
    lc->legend()->setAlignment(Qt::AlignBottom);
    QFont small = lc->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    lc->legend()->setFont(small);
    auto* years = new QBarCategoryAxis;
    years->setLabelsFont(small);
    for (const auto& p : series.classes)
        years->append(QString::number(p.year));
    auto* share = new QValueAxis;
    share->setRange(0, 100);
    share->setLabelFormat(QStringLiteral("%d %%"));
    share->setTitleText(tr("Share of the parcel's valid area"));
    lc->addAxis(years, Qt::AlignBottom);
    lc->addAxis(share, Qt::AlignLeft);
    bars->attachAxis(years);
    bars->attachAxis(share);
    lc->setTitle(series.classes.empty() ? tr("Land cover: the project has no dated land-cover rasters")
                                        : tr("Land cover"));
}

} // namespace tanhui::gui
