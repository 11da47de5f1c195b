// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/MapCanvas.h"

#include "app/common/ErrorText.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace tanhui::gui {

struct MapCanvas::Job {
    tanhui::render::MapSettings settings;
    tanhui::gis::Feedback feedback;
};

MapCanvas::MapCanvas(QWidget* parent)
  : QWidget(parent) {
    setObjectName(QStringLiteral("mapCanvas"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 150);
    setCursor(Qt::OpenHandCursor);
    m_pool.setMaxThreadCount(2);
}

MapCanvas::~MapCanvas() {
    if (m_job)
        m_job->feedback.cancel();
    m_pool.waitForDone();
}

void MapCanvas::setCrs(const tanhui::gis::Crs& crs) {
    m_crs = crs;
    refresh();
}

const tanhui::gis::Crs& MapCanvas::crs() const {
    return m_crs;
}

void MapCanvas::setLayers(std::vector<tanhui::render::MapLayer> layers) {
    const bool first = m_extent.isEmpty();
    m_layers = std::move(layers);
    if (first)
        zoomFull();
    else
        refresh();
}

const std::vector<tanhui::render::MapLayer>& MapCanvas::layers() const {
    return m_layers;
}

void MapCanvas::setExtent(const tanhui::gis::Box& extent) {
    if (extent.isEmpty())
        return;
    m_extent = extent;
    emit extentChanged();
    emit scaleChanged(scale());
    refresh();
}

tanhui::gis::Box MapCanvas::extent() const {
    return settings().visibleExtent();
}

tanhui::gis::Box MapCanvas::fullExtent() const {
    return tanhui::render::layersExtent(m_layers, m_crs, false);
}

void MapCanvas::zoomFull() {
    tanhui::gis::Box box = fullExtent();
    if (box.isEmpty())
        return;
    // A 2 % margin, as QGIS's "zoom full".
    const double mx = box.width() * 0.02, my = box.height() * 0.02;
    setExtent({ box.xmin - mx, box.ymin - my, box.xmax + mx, box.ymax + my });
}

void MapCanvas::zoomByFactor(double factor, const QPointF& aroundWidgetPos) {
    const tanhui::gis::Box v = extent();
    if (v.isEmpty() || factor <= 0)
        return;
    const QPointF c = toMap(aroundWidgetPos);
    setExtent({ c.x() - (c.x() - v.xmin) * factor,
                c.y() - (c.y() - v.ymin) * factor,
                c.x() + (v.xmax - c.x()) * factor,
                c.y() + (v.ymax - c.y()) * factor });
}

double MapCanvas::scale() const {
    return settings().scaleDenominator();
}

tanhui::render::MapSettings MapCanvas::settings() const {
    tanhui::render::MapSettings s;
    s.crs = m_crs;
    s.extent = m_extent;
    const qreal ratio = devicePixelRatioF();
    s.size =
      QSize(std::max(1, int(std::lround(width() * ratio))), std::max(1, int(std::lround(height() * ratio))));
    s.dpi = logicalDpiX() * ratio;
    return s;
}

QPointF MapCanvas::toMap(const QPointF& widgetPos) const {
    return settings().toMap(widgetPos * devicePixelRatioF());
}

void MapCanvas::setDateLabel(const QString& text) {
    m_dateLabel = text;
    update();
}

void MapCanvas::refresh() {
    if (m_pending)
        return;
    m_pending = true;
    QTimer::singleShot(0, this, [this] {
        m_pending = false;
        startFrame();
    });
}

void MapCanvas::startFrame() {
    if (m_job)
        m_job->feedback.cancel(); // its result will be dropped
    const tanhui::render::MapSettings s = settings();
    if (s.mapUnitsPerPixel() <= 0) {
        update();
        return;
    }
    auto job = std::make_shared<Job>();
    job->settings = s;
    m_job = job;
    const std::vector<tanhui::render::MapLayer> layers = m_layers;
    m_pool.start([this, job, layers] {
        QImage image;
        QString headline, detail;
        try {
            image = tanhui::render::MapRenderer::renderImage(job->settings, layers, &job->feedback);
        } catch (const tanhui::gis::CancelledError&) {
            return; // superseded by a newer view
        } catch (const tanhui::gis::GisError& e) {
            headline = tanhui::app::errorHeadline(e);
            detail = tanhui::app::errorDetail(e);
        } catch (const std::exception& e) {
            headline = tr("The map could not be drawn");
            detail = tanhui::app::errorDetail(e);
        }
        QMetaObject::invokeMethod(
          this,
          [this, job, image, headline, detail] { frameDone(job, image, headline, detail); },
          Qt::QueuedConnection);
    });
    update();
}

void MapCanvas::frameDone(const std::shared_ptr<Job>& job,
                          const QImage& image,
                          const QString& headline,
                          const QString& detail) {
    if (job != m_job)
        return; // an older view
    m_job.reset();
    if (!headline.isEmpty()) {
        emit frameFailed(headline, detail);
        return;
    }
    m_frame = image;
    m_frame.setDevicePixelRatio(devicePixelRatioF());
    m_frameSettings = job->settings;
    update();
    emit frameFinished();
}

bool MapCanvas::waitForFrame(int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while ((m_pending || m_job) && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_pending && !m_job;
}

void MapCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    if (!m_frame.isNull()) {
        // The last frame, moved and scaled to the current view.
        const tanhui::gis::Box f = m_frameSettings.visibleExtent();
        const tanhui::render::MapSettings now = settings();
        const qreal ratio = devicePixelRatioF();
        const QPointF topLeft = now.toPixel(f.xmin, f.ymax) / ratio;
        const QPointF bottomRight = now.toPixel(f.xmax, f.ymin) / ratio;
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter.drawImage(QRectF(topLeft, bottomRight), m_frame);
    }
    drawScaleBar(painter);
    if (!m_dateLabel.isEmpty()) {
        QFont font = painter.font();
        font.setPointSizeF(font.pointSizeF() * 1.6);
        font.setBold(true);
        painter.setFont(font);
        const QRectF box = QRectF(QFontMetricsF(font).boundingRect(m_dateLabel)).adjusted(-8, -4, 8, 4);
        const QRectF placed(QPointF(12, 12), box.size());
        painter.fillRect(placed, QColor(255, 255, 255, 210));
        painter.setPen(QColor(30, 30, 30));
        painter.drawText(placed, Qt::AlignCenter, m_dateLabel);
        painter.setFont(this->font());
    }
    drawMeasure(painter);
    if (!m_rubberBand.isNull()) {
        painter.setPen(QPen(QColor(255, 200, 0), 1.5));
        painter.setBrush(QColor(255, 230, 0, 50));
        painter.drawRect(m_rubberBand);
        painter.setBrush(Qt::NoBrush);
    }
    if (m_job) {
        painter.setPen(QColor(90, 90, 90));
        painter.drawText(rect().adjusted(0, 0, -8, -6), Qt::AlignRight | Qt::AlignBottom, tr("Drawing…"));
    }
}

void MapCanvas::drawScaleBar(QPainter& painter) const {
    const tanhui::render::MapSettings s = settings();
    const double mupp = s.mapUnitsPerPixel();
    if (mupp <= 0 || !m_crs.isValid())
        return;
    // Metres per widget pixel at the centre (ground distance).
    const double metresPerPixel = s.scaleDenominator() * 0.0254 / s.dpi * devicePixelRatioF();
    if (!(metresPerPixel > 0))
        return;
    const double target = 120 * metresPerPixel; // about 120 px
    const double magnitude = std::pow(10.0, std::floor(std::log10(target)));
    double nice = magnitude;
    for (double m : { 1.0, 2.0, 5.0, 10.0 })
        if (m * magnitude <= target)
            nice = m * magnitude;
    const double px = nice / metresPerPixel;
    const QString label = nice >= 1000 ? tr("%1 km").arg(QLocale().toString(nice / 1000.0, 'g', 6))
                                       : tr("%1 m").arg(QLocale().toString(nice, 'g', 6));
    const QPointF origin(14, height() - 16);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(
      QRectF(
        origin.x() - 6, origin.y() - 22, px + 12 + painter.fontMetrics().horizontalAdvance(label) / 2.0, 30),
      QColor(255, 255, 255, 190));
    QPen pen(Qt::black, 2);
    painter.setPen(pen);
    painter.drawLine(origin, origin + QPointF(px, 0));
    painter.drawLine(origin, origin + QPointF(0, -6));
    painter.drawLine(origin + QPointF(px, 0), origin + QPointF(px, -6));
    painter.drawText(QRectF(origin.x(), origin.y() - 22, px, 16), Qt::AlignCenter, label);
    painter.restore();
}

void MapCanvas::resizeEvent(QResizeEvent*) {
    refresh();
    emit scaleChanged(scale());
}

void MapCanvas::setTool(Tool tool) {
    m_tool = tool;
    m_dragging = false;
    m_rubberBand = QRect();
    clearMeasure();
    setCursor(tool == Tool::Pan ? Qt::OpenHandCursor : Qt::CrossCursor);
    update();
}

std::vector<double> MapCanvas::measurePoints() const {
    std::vector<double> xy;
    for (const QPointF& p : m_measure) {
        xy.push_back(p.x());
        xy.push_back(p.y());
    }
    if (!m_measureDone && m_hasHover && !m_measure.empty()) {
        xy.push_back(m_hover.x());
        xy.push_back(m_hover.y());
    }
    return xy;
}

void MapCanvas::addMeasurePoint(double x, double y, bool finish) {
    if (m_measureDone) {
        m_measure.clear();
        m_measureDone = false;
    }
    m_measure.emplace_back(x, y);
    m_hover = QPointF(x, y);
    m_measureDone = finish;
    update();
    emit measureChanged();
}

void MapCanvas::clearMeasure() {
    const bool had = !m_measure.empty();
    m_measure.clear();
    m_measureDone = false;
    m_hasHover = false;
    m_measureText.clear();
    update();
    if (had)
        emit measureChanged();
}

void MapCanvas::setMeasureText(const QString& text) {
    m_measureText = text;
    update();
}

void MapCanvas::drawMeasure(QPainter& painter) const {
    const std::vector<double> xy = measurePoints();
    if (xy.empty())
        return;
    const tanhui::render::MapSettings s = settings();
    const qreal ratio = devicePixelRatioF();
    QPolygonF line;
    for (std::size_t i = 0; i + 1 < xy.size(); i += 2)
        line << s.toPixel(xy[i], xy[i + 1]) / ratio;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor red(220, 30, 30);
    if (m_tool == Tool::MeasureArea && line.size() >= 3) {
        painter.setPen(QPen(red, 2));
        painter.setBrush(QColor(220, 30, 30, 45));
        painter.drawPolygon(line);
    } else {
        painter.setPen(QPen(red, 2));
        painter.drawPolyline(line);
    }
    painter.setBrush(Qt::white);
    painter.setPen(QPen(red, 1.5));
    for (const QPointF& p : line)
        painter.drawEllipse(p, 3.5, 3.5);
    if (!m_measureText.isEmpty()) {
        const QFontMetricsF fm(painter.font());
        const QRectF text = fm.boundingRect(QRectF(0, 0, 600, 200), Qt::AlignLeft, m_measureText);
        QRectF box(line.last() + QPointF(14, 14), text.size() + QSizeF(12, 8));
        // Keep the box on the canvas.
        if (box.right() > width() - 4)
            box.moveRight(line.last().x() - 14);
        if (box.bottom() > height() - 4)
            box.moveBottom(line.last().y() - 14);
        painter.setPen(QColor(120, 120, 120));
        painter.setBrush(QColor(255, 255, 255, 235));
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(QColor(20, 20, 20));
        painter.drawText(box.adjusted(6, 4, -6, -4), Qt::AlignLeft, m_measureText);
    }
    painter.restore();
}

void MapCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::RightButton && (m_tool == Tool::MeasureLine || m_tool == Tool::MeasureArea) &&
        !m_measure.empty() && !m_measureDone) {
        m_measureDone = true;
        update();
        emit measureChanged();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_moved = false;
        m_dragStart = event->position().toPoint();
        m_dragExtent = m_extent;
        if (m_tool == Tool::Pan)
            setCursor(Qt::ClosedHandCursor);
    }
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event) {
    const QPointF p = toMap(event->position());
    emit cursorMoved(p.x(), p.y());
    if ((m_tool == Tool::MeasureLine || m_tool == Tool::MeasureArea) && !m_measure.empty() &&
        !m_measureDone) {
        m_hover = p;
        m_hasHover = true;
        update();
        emit measureChanged();
    }
    if (!m_dragging)
        return;
    const double mupp = settings().mapUnitsPerPixel() * devicePixelRatioF();
    const QPoint d = event->position().toPoint() - m_dragStart;
    if (!m_moved && d.manhattanLength() < 4)
        return; // a click, not yet a drag
    m_moved = true;
    if (m_tool == Tool::Select) {
        m_rubberBand = QRect(m_dragStart, event->position().toPoint()).normalized();
        update();
        return;
    }
    m_extent = { m_dragExtent.xmin - d.x() * mupp,
                 m_dragExtent.ymin + d.y() * mupp,
                 m_dragExtent.xmax - d.x() * mupp,
                 m_dragExtent.ymax + d.y() * mupp };
    update(); // the last frame moves with the cursor; the new frame is drawn on release
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        if (m_tool == Tool::Select) {
            const QPointF p = toMap(event->position());
            if (!m_moved) {
                emit selectClicked(p.x(), p.y(), event->modifiers());
                return;
            }
            const QPointF q = toMap(m_dragStart);
            m_rubberBand = QRect();
            update();
            emit selectRectangle(std::min(p.x(), q.x()),
                                 std::min(p.y(), q.y()),
                                 std::max(p.x(), q.x()),
                                 std::max(p.y(), q.y()),
                                 event->modifiers());
            return;
        }
        setCursor(m_tool == Tool::Pan ? Qt::OpenHandCursor : Qt::CrossCursor);
        if (!m_moved) {
            const QPointF p = toMap(event->position());
            if (m_tool == Tool::MeasureLine || m_tool == Tool::MeasureArea)
                addMeasurePoint(p.x(), p.y());
            else
                emit clicked(p.x(), p.y());
            return;
        }
        emit extentChanged();
        refresh();
    }
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    if ((m_tool == Tool::MeasureLine || m_tool == Tool::MeasureArea) && !m_measure.empty()) {
        // The double click's first click added the last vertex already; its release adds nothing.
        m_measureDone = true;
        m_dragging = false;
        update();
        emit measureChanged();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void MapCanvas::wheelEvent(QWheelEvent* event) {
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0)
        return;
    zoomByFactor(std::pow(2.0, -notches), event->position());
    event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent* event) {
    const QPointF centre(width() / 2.0, height() / 2.0);
    const tanhui::gis::Box v = extent();
    const double stepX = v.width() / 4, stepY = v.height() / 4;
    switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomByFactor(0.5, centre);
            break;
        case Qt::Key_Minus:
            zoomByFactor(2.0, centre);
            break;
        case Qt::Key_Left:
            setExtent({ v.xmin - stepX, v.ymin, v.xmax - stepX, v.ymax });
            break;
        case Qt::Key_Right:
            setExtent({ v.xmin + stepX, v.ymin, v.xmax + stepX, v.ymax });
            break;
        case Qt::Key_Up:
            setExtent({ v.xmin, v.ymin + stepY, v.xmax, v.ymax + stepY });
            break;
        case Qt::Key_Down:
            setExtent({ v.xmin, v.ymin - stepY, v.xmax, v.ymax - stepY });
            break;
        case Qt::Key_Escape:
            clearMeasure();
            break;
        default:
            QWidget::keyPressEvent(event);
    }
}

} // namespace tanhui::gui
