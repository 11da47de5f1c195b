// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers of the GUI tests that drive the main window's layer tree and read the canvas's pixels
// (tst_mapworkspace, tst_styledock, tst_workspace_project).
#pragma once

#include "app/gui/LayerTree.h"
#include "app/gui/MapCanvas.h"

#include <QColor>
#include <QImage>
#include <QString>
#include <QStringList>

#include <cstdlib>

namespace tanhui::test {

/// The row of the project layer `projectId` (its row reads "id — file"), −1 when not listed.
inline int rowOf(gui::LayerTree* list, const QString& projectId) {
    for (int r = 0; r < list->count(); ++r)
        if (list->item(r)->text().startsWith(projectId + QStringLiteral(" — ")))
            return r;
    return -1;
}

/// Ticks the project layers in `ids` and unticks every other layer.
inline void showOnly(gui::LayerTree* list, const QStringList& ids) {
    for (int r = 0; r < list->count(); ++r) {
        const QString id = list->item(r)->text().section(QStringLiteral(" — "), 0, 0);
        list->item(r)->setCheckState(ids.contains(id) ? Qt::Checked : Qt::Unchecked);
    }
}

/// The colour of the canvas's last frame at map point (x, y).
inline QRgb pixelAt(gui::MapCanvas* canvas, double x, double y) {
    const QPointF p = canvas->settings().toPixel(x, y);
    return canvas->lastFrame().pixel(int(p.x()), int(p.y()));
}

/// Colours equal within `tolerance` per channel (antialiasing, resampling).
inline bool near(QRgb a, QRgb b, int tolerance = 2) {
    return std::abs(qRed(a) - qRed(b)) <= tolerance && std::abs(qGreen(a) - qGreen(b)) <= tolerance &&
           std::abs(qBlue(a) - qBlue(b)) <= tolerance;
}

inline QString hex(QRgb c) {
    return QColor(c).name();
}

} // namespace tanhui::test
