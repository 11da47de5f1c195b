// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/VectorLayer.h"
#include "models/project/Project.h"

#include <QMainWindow>

#include <functional>
#include <memory>

namespace tanhui::gui {

class LayoutDialog;
class ReportDialog;
class MapCanvas;
class MetadataPanel;
struct LayerEntry;

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

    /// Opens `path` without asking anything: a project file (LayerLoader::isProjectFile) through
    /// openProject(), otherwise as a raster if GDAL can, else as the first layer of a vector data
    /// source. Returns false (after reporting the error) on failure.
    bool openFile(const QString& path);
    /// Opens a project file (project.tanhui.json) and adds every layer it lists that can be read.
    /// Everything that went wrong — missing files, layers of the wrong kind, a newer version, wrong
    /// types — is reported in one message listing every problem. Returns false when something was
    /// reported.
    bool openProject(const QString& path);
    bool addRaster(const QString& path);
    bool addVector(const QString& path, const tanhui::gis::VectorOpenOptions& options = {});

    int layerCount() const;
    MetadataPanel* metadataPanel() const;
    MapCanvas* mapCanvas() const;
    /// The date the time slider shows (0 when the project has fewer than two land-cover dates).
    int currentYear() const;
    /// Moves the time slider to `year` (ignored when it is not one of its dates).
    void setCurrentYear(int year);
    /// Shows the layers whose project id is in `projectIds` and hides the others.
    void setVisibleLayers(const QStringList& projectIds);
    /// Identify at (x, y) in the map CRS: the features of every shown polygon layer there (with their
    /// attributes) and the value of every raster layer (every date and band, shown or not), listed in
    /// the Identify Results dock. Returns the number of layers with a result.
    int identifyAt(double x, double y);

public slots:
    void openProjectInteractively();
    void addRasterInteractively();
    void addVectorInteractively();
    void removeCurrentLayer();
    void zoomToCurrentLayer();
    void showAbout();
    /// Opens the map layout dialog on the project (non-modal; deleted on close); null without a project.
    LayoutDialog* showLayoutDialog();
    /// File ▸ Export Report…: the report dialog (open, not modal-blocking; deleted on close).
    ReportDialog* showReportDialog();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createLayerDock();
    void createStatusWidgets();
    void createTimeBar();
    void showCurrentLayer();
    void showCoordinates(double x, double y);
    void updateCrsLabel();
    void showDate(int index);
    /// The entry of a list row (null for none).
    LayerEntry* entryAt(int row) const;
    /// Gives the canvas the layers in list order (bottom row drawn first) with their visibility.
    void syncMap();
    /// The legend of the shown layers, top layer first (render::legendItems).
    void updateLegend();
    /// Opens the entry's file for drawing with a default style (LayerStyler); sets notOnMap on failure.
    void attachMapLayer(LayerEntry& entry,
                        const tanhui::models::ProjectLayer* projectLayer,
                        const tanhui::gis::VectorOpenOptions& options);
    void reportError(const QString& headline, const QString& detail);
    /// Runs `load`, which returns a LayerEntry, and appends the result; reports any exception.
    template<typename Load>
    bool loadAndAppend(const QString& path, Load&& load, const tanhui::gis::VectorOpenOptions& options);
    /// Runs load() with a wait cursor; a failure is reported (headline and detail) and gives false.
    template<typename Load>
    bool guardedLoad(const QString& path, Load&& load);
    /// Lists `entry` on top of the layer list (ticked when `visible`) and selects it.
    void appendEntry(LayerEntry&& entry, bool visible);
    QString lastDirectory() const;
    void rememberDirectory(const QString& file);

    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace tanhui::gui
