// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/report/ReportCharts.h"
#include "models/ParcelSeries.h"
#include "models/analysis/ResultSet.h"
#include "render/RasterStyle.h"

#include <QByteArray>
#include <QImage>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>
#include <vector>

class QChart;
class QChartView;
class QLabel;
class QScrollArea;
class QStackedWidget;
class QTabWidget;

namespace tanhui::gui {

class ParcelSeriesView;

/// @brief The result charts (issue 13 "Charts", QtCharts) drawn from the carbon and GEP result sets in
/// memory: stock by pool per date (stacked, t C, the total's 95 % range as error bars), change by
/// ecosystem type (t CO2e, error bars from the bounds), GEP by service (stacked by category) and by
/// ecosystem (CNY; 亿元 / 万元 in Chinese when large), and the selected parcel's carbon trajectory (stock
/// per date with its bounds) above its NDVI and land-cover series (a ParcelSeriesView, fed by the caller
/// from models::parcelSeries, as the Parcel Series dock). One tab per chart; each chart exports to PNG
/// and SVG (buttons and the chart's context menu). The tables are turned into series by
/// report/ResultChartData.h, as the report does.
class ResultCharts : public QWidget {
    Q_OBJECT
public:
    enum class Chart {
        StockByPool,
        ChangeByType,
        GepByService,
        GepByEcosystem,
        ParcelTrajectory,
        PlanCarbon, ///< a restoration plan's carbon difference by pool (report::planCarbonChart)
        PlanGep,    ///< a restoration plan's GEP difference by service (report::planGepChart)
    };
    static constexpr int kChartCount = 7;

    explicit ResultCharts(QWidget* parent = nullptr);
    ~ResultCharts() override;

    /// Draws the charts of `carbon` and `gep` (either may be null: its charts say there are no results).
    /// The result sets are copied (lazy per-parcel tables share their source), so they need not outlive
    /// the call. Redraws the parcel shown, if any.
    void setResults(const models::analysis::ResultSet* carbon, const models::analysis::ResultSet* gep);
    /// The same with result sets held elsewhere (e.g. by the Results dock): shared, not copied.
    void setResults(std::shared_ptr<const models::analysis::ResultSet> carbon,
                    std::shared_ptr<const models::analysis::ResultSet> gep);
    /// Draws the charts of a restoration plan run (analysis "restoration_plan"; null: they say there is
    /// none).
    void setPlan(std::shared_ptr<const models::analysis::ResultSet> plan);
    /// Charts the carbon trajectory of feature `fid` of layer `layerId` (the parcels table's layer and
    /// source_fid); false when it is not in the carbon results (the chart area says why).
    bool showParcel(const QString& layerId, qint64 fid);
    /// The parcel's NDVI and land-cover series (models::parcelSeries), shown under its trajectory.
    void showParcelSeries(const QString& title,
                          const models::ParcelSeries& series,
                          const std::vector<render::RasterClass>& classes);
    ParcelSeriesView* parcelSeriesView() const;

    /// Makes `chart`'s tab the current one.
    void showChart(Chart chart);
    /// The drawn chart, or null when the chart area shows a message instead.
    QChart* chart(Chart chart) const;
    QChartView* chartView(Chart chart) const;
    /// The data drawn (categories, series and error bars in the table's units; GEP in spec's unit).
    const report::ChartSpec& spec(Chart chart) const;
    /// What the chart area says instead of a chart (empty when a chart is drawn).
    QString message(Chart chart) const;
    /// The note under the chart (e.g. no error bars because the run computed no bounds).
    QString note(Chart chart) const;
    /// Error bars drawn on `chart`.
    int errorBarCount(Chart chart) const;
    /// Stable key of a chart ("stock_by_pool", ...), used for object names and file names.
    static QString key(Chart chart);

    /// The chart as drawn, at the view's size (PNG) and as SVG; empty when no chart is drawn.
    QImage renderImage(Chart chart) const;
    QByteArray renderSvg(Chart chart) const;
    /// Writes the chart to `path`, PNG or SVG by its suffix, atomically (gis::writeFileAtomically).
    /// Throws GisError naming the file when it cannot be written, when the chart area shows a message
    /// or the suffix is neither .png nor .svg.
    void exportChart(Chart chart, const QString& path) const;

private:
    struct Page {
        QStackedWidget* stack = nullptr;
        QScrollArea* scroll = nullptr; ///< holds the view
        QChartView* view = nullptr;
        QLabel* message = nullptr;
        QLabel* note = nullptr;
        report::ChartSpec spec;
        int errorBars = 0;
    };
    QWidget* makePage(Chart chart);
    void draw(Chart chart, report::ChartSpec spec);
    void exportInteractively(Chart chart, const QString& suffix);
    Page& page(Chart chart) { return m_pages[std::size_t(chart)]; }
    const Page& page(Chart chart) const { return m_pages[std::size_t(chart)]; }

    QTabWidget* m_tabs = nullptr;
    ParcelSeriesView* m_series = nullptr;
    std::array<Page, kChartCount> m_pages;
    std::shared_ptr<const models::analysis::ResultSet> m_plan;
    std::shared_ptr<const models::analysis::ResultSet> m_carbon, m_gep;
    QString m_parcelLayer;
    qint64 m_parcelFid = -1;
};

} // namespace tanhui::gui
