// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/report/Report.h"

#include <QColor>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <vector>

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
};

/// @brief Paints `spec` as SVG (for HTML) and as a 200 dpi image (for PDF). Needs a QApplication.
ReportFigure renderChart(const ChartSpec& spec, const QString& caption);

} // namespace tanhui::report
