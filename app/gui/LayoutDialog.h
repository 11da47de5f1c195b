// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Geometry.h"
#include "models/project/Project.h"

#include <QDialog>
#include <QImage>

#include <memory>

namespace tanhui::gui {

/// @brief The map layout dialog (issue 14, "Map export"): edits a named layout of the project (title,
/// date, page, orientation, DPI, margins, furniture, extent: full or the canvas's view) with a live
/// preview rendered by the same layout code as `tanhui-cli map`, exports it to PNG / PDF / SVG and
/// saves it in the project file's `layouts` section.
class LayoutDialog : public QDialog {
    Q_OBJECT

public:
    /// `project` must have a file name (saving writes it); `viewExtent` is the canvas's extent (for "current
    /// view"), `language` the map text's ("zh_CN" or "en").
    LayoutDialog(const tanhui::models::Project& project,
                 const tanhui::gis::Box& viewExtent,
                 const QString& language,
                 QWidget* parent = nullptr);
    ~LayoutDialog() override;

    /// The layout as the form describes it.
    tanhui::models::ProjectLayout layout() const;
    /// Fills the form with `layout`.
    void setLayout(const tanhui::models::ProjectLayout& layout);
    /// The project with the form's layout added (or replacing the one of the same name).
    const tanhui::models::Project& project() const;

    /// Renders the preview now (otherwise 250 ms after the last change); returns it (null on failure,
    /// with the reason in previewError()).
    QImage refreshPreview();
    QString previewError() const;

    /// Writes the layout to `path` (.png, .pdf, .svg); false with the reason reported on failure.
    bool exportTo(const QString& path);
    /// Adds or replaces the layout in the project and saves the project file; false with the reason
    /// reported on failure.
    bool saveToProject();

signals:
    /// The project file was saved with the layout.
    void projectSaved(const QString& file);

private:
    void schedulePreview();
    void reportError(const QString& headline, const QString& detail);

    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace tanhui::gui
