// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/ResultLayer.h"
#include "gis/VectorLayer.h"
#include "models/ParcelSeries.h"
#include "models/analysis/AnalysisSpec.h"
#include "models/project/Project.h"

#include <QJsonObject>
#include <QMainWindow>
#include <QMap>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace tanhui::gui {

class AnalysisDialog;
class AttributeTable;
class JobsDock;
class LayerTree;
class LayoutDialog;
class PlanDialog;
class FieldMappingDialog;
class ParameterTableDialog;
class ReportDialog;
class ResultsDock;
class MapCanvas;
class ParcelSeriesView;
class MetadataPanel;
class StyleDock;
class TimeSeriesDialog;
struct TimeSeriesMember;
class ChartsDock;
struct LayerEntry;
struct WorkspaceState;

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
    /// Sets the opacity (0–1) of the layer with project id or display name `layer`; false when none.
    bool setLayerOpacity(const QString& layer, double opacity);
    /// Changes the map CRS (e.g. "EPSG:4490"): every layer is reprojected to it on the fly, vector
    /// layers are re-read into it; the view keeps its place. False (reported) for an unknown CRS.
    bool setMapCrs(const QString& definition);
    /// The recent projects (most recent first, at most 10), as File ▸ Recent Projects lists them.
    QStringList recentProjects() const;
    /// Starts or stops stepping the time slider through the dates (one date per `intervalMs`).
    void setPlaying(bool playing, int intervalMs = 1200);
    bool isPlaying() const;
    /// Makes the layer with project id `projectId` the current one; false when there is none.
    bool setCurrentLayer(const QString& projectId);
    /// Shows the layers whose project id is in `projectIds` and hides the others.
    void setVisibleLayers(const QStringList& projectIds);
    /// Identify at (x, y) in the map CRS: the features of every shown polygon layer there (with their
    /// attributes) and the value of every raster layer (every date and band, shown or not), listed in
    /// the Identify Results dock. Returns the number of layers with a result.
    int identifyAt(double x, double y);

    /// How a new selection combines with the layer's current one: replace it, add to it (Shift, as in
    /// QGIS) or toggle the features (Ctrl).
    enum class SelectionMode { Replace, Add, Toggle };
    /// Selects the features of the current polygon layer that intersect the rectangle (map CRS);
    /// returns the layer's selected count afterwards, or −1 when the current layer is not a polygon
    /// layer on the map (the status bar says so).
    int selectFeaturesIn(const tanhui::gis::Box& box, SelectionMode mode = SelectionMode::Replace);
    /// Selects the topmost feature of the current polygon layer at (x, y) (map CRS); a click on empty
    /// ground with Replace clears the selection. Returns the selected count, or −1 as above.
    int selectFeatureAt(double x, double y, SelectionMode mode = SelectionMode::Replace);
    /// The selected features (indices in layer order) of the layer with project id or display name `layer`,
    /// or of the current layer when empty.
    std::vector<std::uint32_t> selectedFeatures(const QString& layer = QString()) const;
    /// Charts the series of feature `feature` of the polygon layer `entryName` (project id or display
    /// name) in the Parcel Series dock: NDVI and land cover of every dated raster of the project, exact
    /// coverage-weighted (models::parcelSeries). Identify does this for the topmost parcel it finds.
    /// Returns false (and says why in the dock) when there is no project with dated rasters.
    bool showParcelSeries(const QString& entryName, std::uint32_t feature);
    /// The series last charted (empty before the first).
    const tanhui::models::ParcelSeries& lastParcelSeries() const;
    ParcelSeriesView* parcelSeriesView() const;
    /// Ellipsoidal length (m) of a polyline in the map CRS (interleaved x, y): each segment the geodesic
    /// between its ends on the map CRS's ellipsoid, as QGIS measures with an ellipsoid set. NaN without a
    /// map CRS or when a point cannot be transformed.
    double measureLengthM(const std::vector<double>& xy) const;
    /// Ellipsoidal area (m²) of the polygon with these vertices (closed automatically); NaN as above.
    double measureAreaM2(const std::vector<double>& xy) const;
    /// The text of the current measurement (empty when none).
    QString measureText() const;
    /// The attribute table dock's widget (created on first use).
    AttributeTable* attributeTable();
    /// The Layer Styling dock (hidden until F7 or Layer ▸ Style…); it follows the current layer.
    StyleDock* styleDock() const;
    /// The Result Charts dock (issue 13; View ▸ Result Charts).
    ChartsDock* chartsDock() const;

    /// The Results dock (View ▸ Results; File ▸ Open Results…): result sets saved with the project.
    ResultsDock* resultsDock() const;
    /// Adds a result GeoPackage to the map with its result style (loadResultLayer); false (reported) on
    /// error.
    bool addResultLayer(const QString& gpkg, tanhui::gui::ResultQuantity quantity);

    /// The Layers panel (layers and groups, top first).
    LayerTree* layerTree() const;
    /// A new group on top of the layer tree (named `name`, or "Group N" when empty) holding `layers`
    /// (project ids or display names; unknown ones ignored) in their order; returns its name, empty
    /// when a group of that name exists.
    QString addLayerGroup(const QString& name, const QStringList& layers = {});
    /// Layer ▸ Make Time Series…: the dialog on the raster layers `layers` (project ids or display names;
    /// empty: the rasters selected in the layer tree), non-modal, deleted on close; OK makes the series
    /// (makeTimeSeries). Null (reported) when none of them is a raster.
    TimeSeriesDialog* showTimeSeriesDialog(const QStringList& layers = {});
    /// Makes the raster layers `layers` (project ids or display names) a time series of `role` with the
    /// dates `members` (TimeSeriesDialog::members()): one file per date keeps the layers, one band per
    /// date replaces the multiband layer by a single-band VRT per date written beside it
    /// (gis::writeBandVrt). The dates become layers of that role and year in one group of the layer tree
    /// ("<role> series <first>–<last>"), the time slider steps through them as through a project's series,
    /// and with a project open they join its layers (Save writes them, with role, year and date). Returns
    /// the group's name; empty (reported) on failure.
    QString makeTimeSeries(const QStringList& layers,
                           const QString& role,
                           const std::vector<TimeSeriesMember>& members);
    /// The dates of the time slider, ascending.
    std::vector<int> timeSliderYears() const;
    /// Removes the group `name`, keeping its layers in place; false when there is none.
    bool removeLayerGroup(const QString& name);
    /// The groups' names, top first.
    QStringList layerGroups() const;
    /// The group holding `layer` (project id or display name); empty at the top level or unknown.
    QString layerGroupOf(const QString& layer) const;
    /// Moves `layer` into group `group` (to its bottom), or out of its group when `group` is empty.
    bool moveLayerToGroup(const QString& layer, const QString& group);
    /// Ticks or unticks a group: its layers are drawn only while it is ticked (their own boxes kept).
    bool setLayerGroupVisible(const QString& name, bool visible);

    /// Asks whether to build the overviews of the listed rasters; the default is a message box.
    using OverviewQuestion = std::function<bool(const QStringList& files)>;
    void setOverviewQuestion(OverviewQuestion question);
    /// The loaded rasters that need overviews (large, none built: OverviewJob::needsOverviews) and were
    /// not offered before: asks once, listing them, whether to build them now; if so a background job
    /// builds them (progress dialog with Cancel) and the layers then draw from them. Runs by itself
    /// after layers are added. Returns the number of rasters the started job builds (0: none).
    int offerOverviews();
    bool isBuildingOverviews() const;
    void cancelOverviews();

    // Project persistence (issue 12; the file side is in app/gui/Workspace.h).
    /// What to do with unsaved changes on close (or before opening another project).
    enum class CloseAnswer { Save, Discard, Cancel };
    /// Asks Save / Discard / Cancel; the default is a message box; tests install their own.
    using CloseQuestion = std::function<CloseAnswer()>;
    /// Asks whether to recover `autosaveFile`, newer than `projectFile`; the default is a message box.
    using RecoverQuestion = std::function<bool(const QString& projectFile, const QString& autosaveFile)>;
    void setCloseQuestion(CloseQuestion question);
    void setRecoverQuestion(RecoverQuestion question);
    /// Asks whether to cancel `count` running or queued analyses and quit; the default is a message
    /// box; tests install their own.
    using JobsQuestion = std::function<bool(int count)>;
    void setJobsQuestion(JobsQuestion question);
    /// The project file Save writes (empty before a project is opened or saved).
    QString projectFile() const;
    /// True when the layers, their order, visibility or styles, the date or the project's layers
    /// (relocated, added) differ from the file; the title then shows a `*`.
    bool isProjectModified() const;
    /// The workspace as the "workspace" section of the project file would hold it now.
    QJsonObject workspaceJson() const;
    /// Saves to projectFile() (atomically); false (reported) without one or on a write error.
    bool saveProject();
    /// Saves the project, its workspace and the layers added by hand (they become project layers) to
    /// `file`, which then is the project file; paths are rewritten relative to its folder.
    bool saveProjectAs(const QString& file);
    /// How often unsaved changes are written to the autosave file beside the project (default 60 s);
    /// 0 turns autosave off (e.g. a window that must not write beside a shared project).
    void setAutosaveInterval(int milliseconds);
    /// The autosave file of the project (empty without a project file).
    QString autosaveFile() const;
    /// The project's layers whose files are missing: id → the path expected.
    QMap<QString, QString> missingLayers() const;
    /// Points missing layers (id → new file) at their new files, loads them and marks the project
    /// modified (Save writes the new relative paths). Returns how many were loaded; problems reported.
    int relocateLayers(const QMap<QString, QString>& newPaths);
    /// Relocates every missing layer whose file name is found in `folder` or its subfolders.
    int relocateFromFolder(const QString& folder);

public slots:
    void openProjectInteractively();
    void addRasterInteractively();
    void addVectorInteractively();
    void removeCurrentLayer();
    void zoomToCurrentLayer();
    /// Shows every feature of the current polygon layer in the attribute table dock (F6).
    void openAttributeTable();
    /// Zooms to the selected features of the current layer (Ctrl+J).
    void zoomToSelection();
    /// Clears the selection of every layer.
    void clearSelection();
    /// Asks for the current layer's opacity (Layer ▸ Opacity…).
    void changeOpacityInteractively();
    /// Shows the Layer Styling dock on the current layer (Layer ▸ Style…).
    void showStyleDock();
    /// Asks for a new map CRS (a click on the CRS in the status bar).
    void changeCrsInteractively();
    /// Preferences: the interface language (applied at the next start).
    void showPreferences();
    void showAbout();
    /// Opens the map layout dialog on the project (non-modal; deleted on close); null without a project.
    LayoutDialog* showLayoutDialog();
    /// Project ▸ Restoration Plans…: the plan editor on the project (PlanDialog; deleted on close); null
    /// without a project.
    PlanDialog* showPlanDialog();
    /// File ▸ Parameter Tables…: the project's parameter tables in the editor (non-modal, deleted on
    /// close); null without a project.
    ParameterTableDialog* showParameterTableDialog();
    /// Layer ▸ Field Mapping…: the field mapping of project vector layer `layerId` (empty: the current
    /// layer), non-modal, deleted on close; OK stores it in the layer and saves the project. Null when
    /// the layer is no vector layer of the project.
    FieldMappingDialog* showFieldMappingDialog(const QString& layerId);
    /// Analysis ▸ <analysis>…: the form of a declared analysis (AnalysisDialog) on the open project,
    /// deleted on close; Run queues it (runAnalysis). The form starts from `initial` when given, else from
    /// the values last run in this session (over the project's). Null without a project or for an
    /// unknown id.
    AnalysisDialog* showAnalysisDialog(const QString& analysisId,
                                       const models::analysis::ParameterValues& initial = {});
    /// Queues an analysis of the open project with `values` in the Jobs dock (the inputs the project keeps
    /// are stored in it first); returns the job id, −1 without a project. When the job finishes, its result
    /// folder opens in the Results and Result Charts docks and is listed in the project's results.
    int runAnalysis(const QString& analysisId, const models::analysis::ParameterValues& values);
    /// The Jobs dock (View ▸ Jobs).
    JobsDock* jobsDock() const;
    /// File ▸ Export Report…: the report dialog (open, not modal-blocking; deleted on close).
    ReportDialog* showReportDialog();
    /// File ▸ Save Project (Ctrl+S): to the project file, else asks for one.
    bool saveProjectInteractively();
    /// File ▸ Save Project As…
    bool saveProjectAsInteractively();
    /// File ▸ Relocate Missing Layers…
    void relocateMissingLayersInteractively();
    /// File ▸ Open Results…: a result folder (resultset.json) in the Results dock.
    void openResultsInteractively();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createFileMenu();
    void createViewMenu();
    void createLayerMenu();
    void createToolBar();
    /// Opens a finished job's result folder in the Results and Result Charts docks.
    void openJobResults(int jobId);
    void createLayerDock();
    void createStatusWidgets();
    void createTimeBar();
    void showCurrentLayer();
    void showCoordinates(double x, double y);
    void updateCrsLabel();
    void showDate(int index);
    /// The time slider's dates from the listed layers: the land-cover years when there are two or more
    /// (a project's series), else the years of every dated raster; keeps the shown date when it remains.
    void updateDates();
    /// The entry of a list row (null for none).
    LayerEntry* entryAt(int row) const;
    /// The row of the layer with project id or display name `layer` (−1 when none).
    int rowOf(const QString& layer) const;
    /// Gives the canvas the layers in list order (bottom row drawn first) with their visibility.
    void syncMap();
    /// The legend of the shown layers, top layer first (render::legendItems).
    void updateLegend();
    /// Opens the entry's file for drawing with a default style (LayerStyler); sets notOnMap on failure.
    void attachMapLayer(LayerEntry& entry,
                        const tanhui::models::ProjectLayer* projectLayer,
                        const tanhui::gis::VectorOpenOptions& options);
    void reportError(const QString& headline, const QString& detail);
    void updateMeasure();
    /// Transforms map-CRS points to longitude/latitude of the CRS's datum through one cached transform;
    /// false without a CRS or outside the projection's domain.
    bool toLonLat(std::vector<double>& xy) const;
    void rememberProject(const QString& path);
    void updateRecentMenu();
    /// The current layer when it is a polygon layer on the map; else null (and a status-bar hint).
    LayerEntry* currentVectorEntry(bool hint);
    /// Gives `entry` the selection `features` (ascending), redraws, updates the attribute table.
    void applySelection(LayerEntry& entry, std::vector<std::uint32_t> features);
    std::vector<std::uint32_t> combineSelection(const std::vector<std::uint32_t>& current,
                                                std::vector<std::uint32_t> hits,
                                                SelectionMode mode) const;
    /// The overview job's end: the built rasters' layers reopened (their styles kept) and redrawn.
    void overviewsBuilt(const QStringList& built, const QString& error, bool cancelled);
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
    WorkspaceState captureWorkspace() const;
    /// Applies a "workspace" section read from a project file; returns its problems (one line each).
    QStringList restoreWorkspace(const QJsonValue& section);
    /// Recomputes the modified flag and the window title.
    void updateModified();
    /// Asks what to do with unsaved changes; false when the user cancels (or saving failed).
    bool maybeSave();
    /// Removes every layer (before another project is opened).
    void clearLayers();
    /// Loads a project layer's file, puts it on the map and lists it (ticked when `visible`).
    bool loadProjectLayer(const tanhui::models::ProjectLayer& layer, bool visible);

    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace tanhui::gui
