// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ResultCharts.h"

#include "app/gui/ParcelSeriesView.h"
#include "app/report/ResultChartData.h"
#include "gis/AtomicFile.h"
#include "gis/Errors.h"

#include <QAction>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QVBoxLayout>

namespace tanhui::gui {

namespace {

bool chineseUi() {
    return QLocale().language() == QLocale::Chinese;
}

} // namespace

ResultCharts::ResultCharts(QWidget* parent)
  : QWidget(parent) {
    setObjectName(QStringLiteral("resultCharts"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("resultChartTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(makePage(Chart::StockByPool), tr("Stock by pool"));
    m_tabs->addTab(makePage(Chart::ChangeByType), tr("Change by type"));
    m_tabs->addTab(makePage(Chart::GepByService), tr("GEP by service"));
    m_tabs->addTab(makePage(Chart::GepByEcosystem), tr("GEP by ecosystem"));
    // The parcel: its carbon trajectory above its NDVI and land-cover series (ParcelSeriesView).
    // Side by side, so that the dock stays low.
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(makePage(Chart::ParcelTrajectory));
    m_series = new ParcelSeriesView(splitter);
    m_series->setObjectName(QStringLiteral("resultChartsParcelSeries"));
    // The NDVI only (the land-cover shares are in the Parcel Series dock), so that it has the height.
    for (QChartView* v : m_series->findChildren<QChartView*>()) {
        v->setMinimumHeight(150);
        v->setVisible(v->chart() != m_series->landCoverChart());
    }
    splitter->addWidget(m_series);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    m_tabs->addTab(splitter, tr("Parcel"));
    m_tabs->addTab(makePage(Chart::PlanCarbon), tr("Plan: carbon"));
    m_tabs->addTab(makePage(Chart::PlanGep), tr("Plan: GEP"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    setResults(nullptr, nullptr);
    setPlan(nullptr);
}

ResultCharts::~ResultCharts() = default;

QString ResultCharts::key(Chart chart) {
    switch (chart) {
        case Chart::StockByPool:
            return QStringLiteral("stock_by_pool");
        case Chart::ChangeByType:
            return QStringLiteral("change_by_ecosystem_type");
        case Chart::GepByService:
            return QStringLiteral("gep_by_service");
        case Chart::GepByEcosystem:
            return QStringLiteral("gep_by_ecosystem");
        case Chart::ParcelTrajectory:
            return QStringLiteral("parcel_trajectory");
        case Chart::PlanCarbon:
            return QStringLiteral("plan_carbon_by_pool");
        case Chart::PlanGep:
            return QStringLiteral("plan_gep_by_service");
    }
    return QString();
}

QWidget* ResultCharts::makePage(Chart chart) {
    Page& p = page(chart);
    auto* w = new QWidget(this);
    w->setObjectName(key(chart) + QStringLiteral("Page"));
    p.stack = new QStackedWidget(w);
    p.view = new QChartView(new QChart, p.stack);
    p.view->setObjectName(key(chart) + QStringLiteral("View"));
    p.view->setRenderHint(QPainter::Antialiasing, true);
    p.view->setMinimumSize(320, 180);
    p.message = new QLabel(p.stack);
    p.message->setObjectName(key(chart) + QStringLiteral("Message"));
    p.message->setWordWrap(true);
    p.message->setAlignment(Qt::AlignCenter);
    p.message->setMargin(12);
    // A chart of many categories keeps a row per category (QtCharts drops labels that do not fit) and
    // scrolls in a low dock.
    p.scroll = new QScrollArea(p.stack);
    p.scroll->setWidgetResizable(true);
    p.scroll->setFrameShape(QFrame::NoFrame);
    p.scroll->setWidget(p.view);
    p.stack->addWidget(p.scroll);
    p.stack->addWidget(p.message);
    p.note = new QLabel(w);
    p.note->setObjectName(key(chart) + QStringLiteral("Note"));
    p.note->setWordWrap(true);
    p.note->setContentsMargins(6, 0, 6, 0);

    auto* png = new QPushButton(tr("Export PNG…"), w);
    png->setObjectName(key(chart) + QStringLiteral("ExportPng"));
    auto* svg = new QPushButton(tr("Export SVG…"), w);
    svg->setObjectName(key(chart) + QStringLiteral("ExportSvg"));
    connect(
      png, &QPushButton::clicked, this, [this, chart] { exportInteractively(chart, QStringLiteral("png")); });
    connect(
      svg, &QPushButton::clicked, this, [this, chart] { exportInteractively(chart, QStringLiteral("svg")); });
    // The same in the chart's context menu.
    p.view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* pngAction = new QAction(tr("Export as PNG…"), p.view);
    auto* svgAction = new QAction(tr("Export as SVG…"), p.view);
    connect(pngAction, &QAction::triggered, this, [this, chart] {
        exportInteractively(chart, QStringLiteral("png"));
    });
    connect(svgAction, &QAction::triggered, this, [this, chart] {
        exportInteractively(chart, QStringLiteral("svg"));
    });
    p.view->addAction(pngAction);
    p.view->addAction(svgAction);

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(6, 0, 6, 4);
    buttons->addWidget(p.note, 1);
    buttons->addWidget(png);
    buttons->addWidget(svg);
    auto* layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(p.stack, 1);
    layout->addLayout(buttons);
    return w;
}

void ResultCharts::draw(Chart chart, report::ChartSpec spec) {
    Page& p = page(chart);
    spec.locale = QLocale();
    QChart* previous = p.view->chart();
    p.errorBars = 0;
    if (spec.categories.isEmpty() || spec.series.empty()) {
        p.view->setChart(new QChart);
        p.message->setText(spec.message.isEmpty() ? tr("There is nothing to chart.") : spec.message);
        p.stack->setCurrentWidget(p.message);
        p.note->clear();
    } else {
        QChart* c = report::buildChart(spec);
        c->setObjectName(key(chart));
        for (QAbstractSeries* s : c->series()) {
            p.errorBars += qobject_cast<QLineSeries*>(s) ? 1 : 0;
        }
        p.view->setChart(c);
        p.message->clear();
        p.view->setMinimumHeight(spec.horizontal ? 110 + 22 * int(spec.categories.size()) : 180);
        p.stack->setCurrentWidget(p.scroll);
        if (!spec.note.isEmpty()) {
            p.note->setText(spec.note);
        } else if (p.errorBars > 0) {
            p.note->setText(tr("Error bars: the 95 % range (2.5th–97.5th percentile of the Monte Carlo "
                               "iterations)."));
        } else {
            p.note->clear();
        }
    }
    delete previous; // setChart() does not delete the chart it replaces
    p.spec = std::move(spec);
}

void ResultCharts::setResults(const models::analysis::ResultSet* carbon,
                              const models::analysis::ResultSet* gep) {
    setResults(carbon ? std::make_shared<const models::analysis::ResultSet>(*carbon) : nullptr,
               gep ? std::make_shared<const models::analysis::ResultSet>(*gep) : nullptr);
}

void ResultCharts::setResults(std::shared_ptr<const models::analysis::ResultSet> carbon,
                              std::shared_ptr<const models::analysis::ResultSet> gep) {
    m_carbon = std::move(carbon);
    m_gep = std::move(gep);
    auto none = [](const QString& title, const QString& message) {
        report::ChartSpec s;
        s.title = title;
        s.message = message;
        return s;
    };
    const QString noCarbon =
      tr("No carbon results: run the carbon project analysis or open a project with saved results.");
    const QString noGep = tr("No GEP results: run the GEP analysis or open a project with saved results.");
    if (m_carbon) {
        draw(Chart::StockByPool, report::stockByPoolChart(*m_carbon));
        // Change in t CO2e (the unit of carbon sinks in accounts), bounds converted × 44/12.
        draw(Chart::ChangeByType, report::changeByTypeChart(*m_carbon, /*co2e*/ true));
    } else {
        draw(Chart::StockByPool, none(QString(), noCarbon));
        draw(Chart::ChangeByType, none(QString(), noCarbon));
    }
    if (m_gep) {
        report::GepChartOptions options;
        options.chinese = chineseUi();
        draw(Chart::GepByService, report::gepByServiceChart(*m_gep, /*stacked*/ true, options));
        draw(Chart::GepByEcosystem, report::gepByEcosystemChart(*m_gep, options));
    } else {
        draw(Chart::GepByService, none(QString(), noGep));
        draw(Chart::GepByEcosystem, none(QString(), noGep));
    }
    if (m_parcelFid >= 0 && m_carbon) {
        showParcel(m_parcelLayer, m_parcelFid);
    } else {
        draw(Chart::ParcelTrajectory,
             none(QString(),
                  m_carbon ? tr("Select a parcel on the map to chart its carbon stock through the dates.")
                           : noCarbon));
    }
}

void ResultCharts::setPlan(std::shared_ptr<const models::analysis::ResultSet> plan) {
    m_plan = std::move(plan);
    if (!m_plan) {
        report::ChartSpec s;
        s.message = tr("No plan results: run a restoration plan (File ▸ Restoration Plans…, Run Plan…).");
        draw(Chart::PlanCarbon, s);
        draw(Chart::PlanGep, s);
        return;
    }
    draw(Chart::PlanCarbon, report::planCarbonChart(*m_plan));
    report::GepChartOptions options;
    options.chinese = chineseUi();
    draw(Chart::PlanGep, report::planGepChart(*m_plan, options));
}

bool ResultCharts::showParcel(const QString& layerId, qint64 fid) {
    m_parcelLayer = layerId;
    m_parcelFid = fid;
    if (!m_carbon) {
        report::ChartSpec s;
        s.message =
          tr("No carbon results: run the carbon project analysis or open a project with saved results.");
        draw(Chart::ParcelTrajectory, s);
        return false;
    }
    draw(Chart::ParcelTrajectory, report::parcelTrajectoryChart(*m_carbon, layerId, fid));
    return chart(Chart::ParcelTrajectory) != nullptr;
}

void ResultCharts::showParcelSeries(const QString& title,
                                    const models::ParcelSeries& series,
                                    const std::vector<render::RasterClass>& classes) {
    m_series->showSeries(title, series, classes);
}

ParcelSeriesView* ResultCharts::parcelSeriesView() const {
    return m_series;
}

void ResultCharts::showChart(Chart chart) {
    m_tabs->setCurrentIndex(int(chart));
}

QChart* ResultCharts::chart(Chart chart) const {
    const Page& p = page(chart);
    return p.stack->currentWidget() == p.scroll ? p.view->chart() : nullptr;
}

QChartView* ResultCharts::chartView(Chart chart) const {
    return page(chart).view;
}

const report::ChartSpec& ResultCharts::spec(Chart chart) const {
    return page(chart).spec;
}

QString ResultCharts::message(Chart chart) const {
    const Page& p = page(chart);
    return p.stack->currentWidget() == p.message ? p.message->text() : QString();
}

QString ResultCharts::note(Chart chart) const {
    return page(chart).note->text();
}

int ResultCharts::errorBarCount(Chart chart) const {
    return page(chart).errorBars;
}

QImage ResultCharts::renderImage(Chart chart) const {
    const Page& p = page(chart);
    if (!this->chart(chart)) {
        return {};
    }
    const QSize size = p.view->size();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    p.view->scene()->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), p.view->sceneRect());
    return image;
}

QByteArray ResultCharts::renderSvg(Chart chart) const {
    const Page& p = page(chart);
    if (!this->chart(chart)) {
        return {};
    }
    const QSize size = p.view->size();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(p.spec.title);
    svg.setDescription(tr("Tanhui chart"));
    {
        QPainter painter(&svg);
        painter.setRenderHint(QPainter::Antialiasing);
        p.view->scene()->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), p.view->sceneRect());
    }
    return bytes;
}

void ResultCharts::exportChart(Chart chart, const QString& path) const {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg")) {
        throw gis::GisError(gis::GisError::Kind::Io,
                            tr("Cannot export the chart to %1: the file name must end in .png or .svg.")
                              .arg(QDir::toNativeSeparators(path))
                              .toStdString(),
                            path.toStdString());
    }
    if (!this->chart(chart)) {
        throw gis::GisError(gis::GisError::Kind::Io,
                            tr("Cannot export the chart to %1: there is no chart to export (%2).")
                              .arg(QDir::toNativeSeparators(path), message(chart))
                              .toStdString(),
                            path.toStdString());
    }
    QByteArray bytes;
    if (suffix == QLatin1String("svg")) {
        bytes = renderSvg(chart);
    } else {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        renderImage(chart).save(&buffer, "PNG");
    }
    gis::writeFileAtomically(path, bytes);
}

void ResultCharts::exportInteractively(Chart chart, const QString& suffix) {
    if (!this->chart(chart)) {
        QMessageBox::information(this, tr("Export Chart"), message(chart));
        return;
    }
    const QString filter = suffix == QLatin1String("svg") ? tr("SVG image (*.svg)") : tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(
      this, tr("Export Chart"), QDir::home().filePath(key(chart) + QLatin1Char('.') + suffix), filter);
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QLatin1Char('.') + suffix;
    }
    try {
        exportChart(chart, path);
    } catch (const gis::GisError& e) {
        QMessageBox::warning(this, tr("Export Chart"), QString::fromUtf8(e.what()));
    }
}

} // namespace tanhui::gui
