// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ParcelSeries.h"
#include "render/RasterStyle.h"

#include <QWidget>

#include <vector>

class QChart;
class QChartView;
class QLabel;

namespace tanhui::gui {

/// @brief A parcel's time series (QtCharts): the mean NDVI per date (a line; dates without valid cells
/// are gaps, marked under the axis) and the land-cover shares per date (100 % stacked bars in the
/// land-cover style's class colours). Filled by MainWindow when a parcel is identified.
class ParcelSeriesView : public QWidget {
    Q_OBJECT
public:
    explicit ParcelSeriesView(QWidget* parent = nullptr);

    /// Shows `series` of the parcel named `title`; `classes` colour and name the land-cover classes.
    void showSeries(const QString& title,
                    const tanhui::models::ParcelSeries& series,
                    const std::vector<tanhui::render::RasterClass>& classes);
    void clear(const QString& message);

    QChart* ndviChart() const;
    QChart* landCoverChart() const;

private:
    QLabel* m_title = nullptr;
    QChartView* m_ndvi = nullptr;
    QChartView* m_landCover = nullptr;
};

} // namespace tanhui::gui
