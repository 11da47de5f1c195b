// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Geometry.h"
#include "render/MapRenderer.h"

#include <QImage>
#include <QPoint>
#include <QThreadPool>
#include <QWidget>

#include <memory>
#include <vector>

namespace tanhui::gis {
class Feedback;
}

namespace tanhui::gui {

/// @brief The map canvas: paints the layers through render::MapRenderer on a worker thread, so a pan or
/// a zoom never blocks the UI; a new view cancels the frame in progress, and until the new frame is
/// ready the previous one is shown moved and scaled to the new view (as QGIS does). Pan by dragging
/// with the left button, zoom with the wheel around the cursor (×2 per notch), keys + / − / arrows.
/// A scale bar is drawn in the bottom-left corner.
class MapCanvas : public QWidget {
    Q_OBJECT
public:
    /// What a left-button press does: Pan drags the map (a click identifies); Select draws a rectangle
    /// selecting features (a click selects the feature under the cursor), as QGIS's "Select Features"
    /// tool. The wheel and the keys zoom and pan with either tool.
    /// MeasureLine / MeasureArea: each click adds a vertex (a drag still pans), a right click or a double
    /// click finishes, Esc clears; the measurement text (setMeasureText) is drawn beside the line.
    enum class Tool { Pan, Select, MeasureLine, MeasureArea };

    explicit MapCanvas(QWidget* parent = nullptr);
    ~MapCanvas() override;

    /// The project CRS every layer is drawn in.
    void setCrs(const tanhui::gis::Crs& crs);
    const tanhui::gis::Crs& crs() const;
    /// The layers, bottom first (hidden ones included; MapLayer::visible decides).
    void setLayers(std::vector<tanhui::render::MapLayer> layers);
    const std::vector<tanhui::render::MapLayer>& layers() const;

    /// The wanted extent (the canvas widens it to its aspect ratio).
    void setExtent(const tanhui::gis::Box& extent);
    tanhui::gis::Box extent() const;
    /// The extent of every layer with data, in the canvas CRS (empty when there is none).
    tanhui::gis::Box fullExtent() const;
    void zoomFull();
    /// Zooms by `factor` (< 1 in, > 1 out) keeping the map point under a widget position in place.
    void zoomByFactor(double factor, const QPointF& aroundWidgetPos);
    /// The scale denominator of the current view (1:N).
    double scale() const;
    /// The view's settings at the widget's size and resolution.
    tanhui::render::MapSettings settings() const;
    /// Map coordinates of a widget position.
    QPointF toMap(const QPointF& widgetPos) const;

    /// The last finished frame (null before the first).
    QImage lastFrame() const { return m_frame; }
    /// True while a frame is being drawn.
    bool isRendering() const { return bool(m_job); }
    /// Blocks (processing events) until no frame is being drawn or `timeoutMs` passed; for tests and
    /// exports. Returns true when idle.
    bool waitForFrame(int timeoutMs = 30000);
    /// Schedules a new frame (coalesced).
    void refresh();
    void setTool(Tool tool);
    Tool tool() const { return m_tool; }
    /// The measurement's vertices in map coordinates (interleaved x, y), with the cursor's position as
    /// the last vertex while it is being drawn.
    std::vector<double> measurePoints() const;
    bool measureFinished() const { return m_measureDone; }
    /// Adds a vertex (map coordinates) as a click does; `finish` ends the measurement.
    void addMeasurePoint(double x, double y, bool finish = false);
    void clearMeasure();
    /// The text drawn in the measurement's box (the window computes it from measurePoints()).
    void setMeasureText(const QString& text);

    /// A label drawn in the canvas's top-left corner (the time slider's date); empty: none.
    void setDateLabel(const QString& text);
    QString dateLabel() const { return m_dateLabel; }

signals:
    /// The cursor moved to (x, y) in the canvas CRS.
    void cursorMoved(double x, double y);
    /// A click (press and release without dragging) at (x, y) in the canvas CRS.
    void clicked(double x, double y);
    /// With the Select tool: a click at (x, y) (map CRS) with the keyboard modifiers held.
    void selectClicked(double x, double y, Qt::KeyboardModifiers modifiers);
    /// With the Select tool: a rectangle dragged over the map (map CRS).
    void selectRectangle(double xmin, double ymin, double xmax, double ymax, Qt::KeyboardModifiers modifiers);
    /// The measurement changed (a vertex added, the cursor moved while measuring, finished or cleared).
    void measureChanged();
    void scaleChanged(double scaleDenominator);
    void extentChanged();
    void frameFinished();
    /// A frame failed: the translated headline and detail (naming the layer's file).
    void frameFailed(const QString& headline, const QString& detail);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct Job;
    void startFrame();
    void frameDone(const std::shared_ptr<Job>& job,
                   const QImage& image,
                   const QString& headline,
                   const QString& detail);
    void drawScaleBar(QPainter& painter) const;

    tanhui::gis::Crs m_crs;
    tanhui::gis::Box m_extent{};
    std::vector<tanhui::render::MapLayer> m_layers;
    QImage m_frame;                              ///< last finished frame …
    tanhui::render::MapSettings m_frameSettings; ///< … and the view it shows
    std::shared_ptr<Job> m_job;                  ///< the frame in progress
    bool m_pending = false;
    QThreadPool m_pool;
    QPoint m_dragStart;
    tanhui::gis::Box m_dragExtent{};
    bool m_dragging = false;
    bool m_moved = false; ///< the press turned into a drag
    Tool m_tool = Tool::Pan;
    QRect m_rubberBand;             ///< the Select tool's rectangle while dragging (widget pixels)
    std::vector<QPointF> m_measure; ///< measurement vertices (map coordinates)
    QPointF m_hover;                ///< the cursor (map coordinates) while measuring
    bool m_hasHover = false;
    bool m_measureDone = false;
    QString m_measureText;
    void drawMeasure(QPainter& painter) const;
    QString m_dateLabel;
};

} // namespace tanhui::gui
