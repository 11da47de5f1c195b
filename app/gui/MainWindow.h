// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/VectorLayer.h"

#include <QMainWindow>

#include <functional>
#include <memory>

namespace tanhui::gui {

class MetadataPanel;

/// @brief Tanhui's main window: a dock listing the loaded layers and a panel with the selected
/// layer's metadata and attribute preview.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// Receives the translated headline and the detail of an error. The default shows a warning
    /// message box; tests install their own to record errors without a modal dialog.
    using ErrorSink = std::function<void(const QString& headline, const QString& detail)>;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Replaces how errors are reported; an empty sink restores the message box.
    void setErrorSink(ErrorSink sink);

    /// Opens `path` without asking anything: as a raster if GDAL can, otherwise as the first layer
    /// of a vector data source. Returns false (after reporting the error) on failure.
    bool openFile(const QString& path);
    bool addRaster(const QString& path);
    bool addVector(const QString& path, const tanhui::gis::VectorOpenOptions& options = {});

    int layerCount() const;
    MetadataPanel* metadataPanel() const;

public slots:
    void addRasterInteractively();
    void addVectorInteractively();
    void removeCurrentLayer();
    void showAbout();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createLayerDock();
    void showCurrentLayer();
    void reportError(const QString& headline, const QString& detail);
    /// Runs `load`, which returns a LayerEntry, and appends the result; reports any exception.
    template<typename Load>
    bool loadAndAppend(const QString& path, Load&& load);
    QString lastDirectory() const;
    void rememberDirectory(const QString& file);

    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace tanhui::gui
