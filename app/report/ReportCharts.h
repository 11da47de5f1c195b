// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/report/Report.h"

#include <QColor>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <vector>

class QChart;

namespace tanhui::report {

/// @brief A bar chart of the report (QtCharts, painted offscreen): one or more series over categories,
/// side by side or stacked, vertical or horizontal, with optional error bars (a 95 % range) per
/// category drawn on the single series or on the stack's total.
struct ChartSpec {
    struct Series {
        QString name;
        QColor color;
        std::vector<double> values; ///< one per category (NaN: none)
    };
    QString title;
    QString valueAxisTitle; ///< with the unit, e.g. "t C"
    /// When set and a value reaches 100,000: values are drawn in thousands under this title
    /// ("thousand t C").
    QString thousandsAxisTitle;
    QStringList categories;
    std::vector<Series> series;
    bool stacked = false;
    bool horizontal = false;
    std::vector<double> errorLow, errorHigh; ///< per category; NaN (or empty): no bar
    QLocale locale;
    double widthMm = 160, heightMm = 85;
    /// Set when there is nothing to draw (no categories): what is missing, for the caller to show.
    QString message;
    /// Set when the chart could have error bars but the run computed no bounds: says so.
    QString note;
};

/// @brief A chart built from `spec` (owned by the caller): bars over a QBarCategoryAxis and a QValueAxis,
/// each error bar a QLineSeries (low cap, stem, high cap) in the axes' data coordinates, so that it stays
/// exact and aligned however the chart is resized. Its dynamic property "valueScale" (double) is the
/// divisor of the drawn values (1000 when drawn in thousands, else 1).
QChart* buildChart(const ChartSpec& spec);

/// @brief Paints `spec` as SVG (for HTML) and as a 200 dpi image (for PDF). Needs a QApplication.
ReportFigure renderChart(const ChartSpec& spec, const QString& caption);

} // namespace tanhui::report
