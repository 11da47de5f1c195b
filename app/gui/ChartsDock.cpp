// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ChartsDock.h"

namespace tanhui::gui {

ChartsDock::ChartsDock(QWidget* parent)
  : QDockWidget(tr("Result Charts"), parent) {
    setObjectName(QStringLiteral("chartsDock"));
    m_charts = new ResultCharts(this);
    setWidget(m_charts);
    toggleViewAction()->setText(tr("Result &Charts"));
    toggleViewAction()->setObjectName(QStringLiteral("chartsDockAction"));
}

void ChartsDock::setResults(const models::analysis::ResultSet* carbon,
                            const models::analysis::ResultSet* gep) {
    m_charts->setResults(carbon, gep);
}

void ChartsDock::setResults(std::shared_ptr<const models::analysis::ResultSet> carbon,
                            std::shared_ptr<const models::analysis::ResultSet> gep) {
    m_charts->setResults(std::move(carbon), std::move(gep));
}

bool ChartsDock::showParcel(const QString& layerId, qint64 fid) {
    const bool shown = m_charts->showParcel(layerId, fid);
    m_charts->showChart(ResultCharts::Chart::ParcelTrajectory);
    return shown;
}

void ChartsDock::showParcelSeries(const QString& title,
                                  const models::ParcelSeries& series,
                                  const std::vector<render::RasterClass>& classes) {
    m_charts->showParcelSeries(title, series, classes);
}

void ChartsDock::setPlan(std::shared_ptr<const models::analysis::ResultSet> plan) {
    m_charts->setPlan(std::move(plan));
}

} // namespace tanhui::gui
