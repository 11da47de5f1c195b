// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/ResultCharts.h"

#include <QDockWidget>

#include <memory>

namespace tanhui::gui {

/// @brief The Result Charts dock (issue 13): a ResultCharts in a dock widget, toggled from the View
/// menu. MainWindow gives it the result sets of the last runs (setResults) and the selected parcel
/// (showParcel, showParcelSeries).
class ChartsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit ChartsDock(QWidget* parent = nullptr);

    /// See ResultCharts::setResults (copied; null: no results of that kind).
    void setResults(const models::analysis::ResultSet* carbon, const models::analysis::ResultSet* gep);
    /// The same, shared with their holder (the Results dock), not copied.
    void setResults(std::shared_ptr<const models::analysis::ResultSet> carbon,
                    std::shared_ptr<const models::analysis::ResultSet> gep);
    /// See ResultCharts::setPlan.
    void setPlan(std::shared_ptr<const models::analysis::ResultSet> plan);
    /// See ResultCharts::showParcel; raises the parcel's tab.
    bool showParcel(const QString& layerId, qint64 fid);
    /// The parcel's NDVI and land-cover series (as MainWindow::lastParcelSeries()).
    void showParcelSeries(const QString& title,
                          const models::ParcelSeries& series,
                          const std::vector<render::RasterClass>& classes);
    ResultCharts* charts() const { return m_charts; }

private:
    ResultCharts* m_charts = nullptr;
};

} // namespace tanhui::gui
