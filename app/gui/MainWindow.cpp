// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/MainWindow.h"
#include "app/gui/ReportDialog.h"

#include "app/common/ErrorText.h"
#include "app/gui/AnalysisDialog.h"
#include "app/gui/AttributeTable.h"
#include "app/gui/ChartsDock.h"
#include "app/gui/FieldMappingDialog.h"
#include "app/gui/JobManager.h"
#include "app/gui/JobsDock.h"
#include "app/gui/LayerEntry.h"
#include "app/gui/LayerLoader.h"
#include "app/gui/LayerStyler.h"
#include "app/gui/LayerTree.h"
#include "app/gui/LayoutDialog.h"
#include "app/gui/MapCanvas.h"
#include "app/gui/MetadataPanel.h"
#include "app/gui/OverviewJob.h"
#include "app/gui/ParameterTableDialog.h"
#include "app/gui/ParcelSeriesView.h"
#include "app/gui/PlanDialog.h"
#include "app/gui/ResultsDock.h"
#include "app/gui/StyleDock.h"
#include "app/gui/TimeSeriesDialog.h"
#include "app/gui/Workspace.h"
#include "gis/AtomicFile.h"
#include "gis/BandVrt.h"
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "render/Legend.h"
#include "render/ProjectMaps.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHash>
#include <QIcon>
#include <QInputDialog>
#include <QJsonDocument>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSet>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#ifndef TANHUI_VERSION
#define TANHUI_VERSION "unknown"
#endif

namespace tanhui::gui {

namespace analysis = tanhui::models::analysis;

namespace {
const char* const kLastDirectoryKey = "gui/lastDirectory";
} // namespace

struct MainWindow::Private {
    ErrorSink errorSink;
    /// Every loaded layer; heap-allocated so the panel's and the list items' pointers stay valid. The
    /// list shows them top layer first (drawn last), as QGIS's layer tree.
    std::vector<std::unique_ptr<LayerEntry>> layers;
    LayerTree* layerList = nullptr;
    QAction* ungroupAction = nullptr;
    OverviewJob* overviewJob = nullptr;
    QProgressDialog* overviewProgress = nullptr;
    QSet<QString> overviewsOffered; ///< rasters already offered overviews (asked once per session)
    bool overviewOfferQueued = false;
    MainWindow::OverviewQuestion overviewQuestion;
    MetadataPanel* panel = nullptr;
    MapCanvas* canvas = nullptr;
    QAction* removeAction = nullptr;
    QAction* zoomLayerAction = nullptr;
    QAction* attributeTableAction = nullptr;
    QAction* fieldMappingAction = nullptr;
    QAction* zoomSelectionAction = nullptr;
    QAction* panToolAction = nullptr;
    QAction* selectToolAction = nullptr;
    QAction* measureLineAction = nullptr;
    QAction* measureAreaAction = nullptr;
    QString measureText;
    ParcelSeriesView* seriesView = nullptr;
    QMenu* recentMenu = nullptr;
    QAction* playAction = nullptr;
    QTimer* playTimer = nullptr;
    QDockWidget* seriesDock = nullptr;
    tanhui::models::ParcelSeries lastSeries;
    AttributeTable* attributeTable = nullptr;
    StyleDock* styleDock = nullptr;     ///< Layer Styling (F7): edits the current layer's style live
    ResultsDock* resultsDock = nullptr; ///< carbon and GEP result sets (issue 13)
    QDockWidget* attributeDock = nullptr;
    LayerEntry* tableEntry = nullptr; ///< the layer the attribute table shows
    QLabel* coordinateLabel = nullptr;
    QLabel* scaleLabel = nullptr;
    QLabel* crsLabel = nullptr;
    QToolBar* timeBar = nullptr;
    QSlider* timeSlider = nullptr;
    QLabel* timeLabel = nullptr;
    QTreeWidget* identifyTree = nullptr;
    QTreeWidget* legendTree = nullptr;
    QDockWidget* identifyDock = nullptr;
    std::vector<int> years; ///< the dates of the time slider (years of the land-cover layers)
    std::optional<tanhui::models::Project> project;
    /// The values each analysis was last run with in this session (its form reopens with them).
    QMap<QString, tanhui::models::analysis::ParameterValues> lastAnalysisValues;
    bool syncing = false;
    std::unique_ptr<tanhui::gis::CoordinateTransform> toLonLat; ///< status bar: map CRS → lon/lat
    tanhui::gis::Crs toLonLatCrs;
    QIcon rasterIcon{ QStringLiteral(":/icons/raster.svg") };
    QIcon vectorIcon{ QStringLiteral(":/icons/vector.svg") };
    // Project persistence (issue 12).
    QString projectFile;         ///< where Save writes (empty: not saved yet)
    QJsonObject savedKey;        ///< workspaceChangeKey() of the file's workspace
    QJsonObject savedWorkspace;  ///< the workspace section last written or read
    bool forcedModified = false; ///< relocated or recovered: modified until saved
    QSet<QString> notLoaded;     ///< project layers that could not be loaded (not removed)
    /// The saved workspace of layers not loaded (missing files): kept in the file, applied on relocation.
    std::vector<WorkspaceLayer> pending;
    QTimer* autosaveTimer = nullptr;
    CloseQuestion closeQuestion;
    RecoverQuestion recoverQuestion;
    JobsQuestion jobsQuestion;
    /// The project file each analysis job was started for (absolute path): a job's results join only
    /// that project, not one opened while it ran.
    QHash<int, QString> jobProjects;
    QAction* relocateAction = nullptr;
};

MainWindow::MainWindow(QWidget* parent)
  : QMainWindow(parent)
  , m_d(std::make_unique<Private>()) {
    setObjectName(QStringLiteral("mainWindow"));
    // The product name is the same in every language.
    setWindowTitle(QStringLiteral("Tanhui 碳汇"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tanhui.svg")));
    setAcceptDrops(true);
    resize(1400, 880);

    m_d->canvas = new MapCanvas(this);
    setCentralWidget(m_d->canvas);
    m_d->panel = new MetadataPanel(this);
    auto* propertiesDock = new QDockWidget(tr("Layer Properties"), this);
    propertiesDock->setObjectName(QStringLiteral("propertiesDock"));
    propertiesDock->setWidget(m_d->panel);
    addDockWidget(Qt::RightDockWidgetArea, propertiesDock);
    resizeDocks({ propertiesDock }, { 360 }, Qt::Horizontal);
    m_d->identifyTree = new QTreeWidget(this);
    m_d->identifyTree->setObjectName(QStringLiteral("identifyTree"));
    m_d->identifyTree->setHeaderLabels({ tr("Feature / field"), tr("Value") });
    m_d->identifyTree->setColumnWidth(0, 170);
    m_d->identifyDock = new QDockWidget(tr("Identify Results"), this);
    m_d->identifyDock->setObjectName(QStringLiteral("identifyDock"));
    m_d->identifyDock->setWidget(m_d->identifyTree);
    addDockWidget(Qt::RightDockWidgetArea, m_d->identifyDock);
    tabifyDockWidget(propertiesDock, m_d->identifyDock);
    m_d->seriesView = new ParcelSeriesView(this);
    m_d->seriesDock = new QDockWidget(tr("Parcel Series"), this);
    m_d->seriesDock->setObjectName(QStringLiteral("seriesDock"));
    m_d->seriesDock->setWidget(m_d->seriesView);
    addDockWidget(Qt::RightDockWidgetArea, m_d->seriesDock);
    tabifyDockWidget(propertiesDock, m_d->seriesDock);
    m_d->styleDock = new StyleDock(this);
    m_d->styleDock->setApplyCallback([this] { syncMap(); }); // redraws the canvas, refreshes the legend
    addDockWidget(Qt::RightDockWidgetArea, m_d->styleDock);
    tabifyDockWidget(propertiesDock, m_d->styleDock);
    m_d->styleDock->hide(); // F7 or Layer ▸ Style… shows it, as QGIS's Layer Styling panel
    m_d->resultsDock = new ResultsDock(this); // its selection is the map's (by layer id and FID)
    addDockWidget(Qt::BottomDockWidgetArea, m_d->resultsDock);
    m_d->resultsDock->hide();
    connect(m_d->resultsDock,
            &ResultsDock::parcelsSelected,
            this,
            [this](const QString& layer, const QList<qint64>& fids) {
                for (const auto& e : m_d->layers) {
                    bool handled = false;
                    auto features = e->map.vector
                                      ? featuresOfParcels(*e->map.vector, e->projectId, layer, fids, &handled)
                                      : std::vector<std::uint32_t>{};
                    if (handled)
                        applySelection(*e, std::move(features));
                }
            });
    connect(m_d->resultsDock, &ResultsDock::resultLayerRequested, this, &MainWindow::addResultLayer);
    // The Result Charts dock charts the runs the Results dock shows (opened, chosen, or the project's).
    connect(m_d->resultsDock, &ResultsDock::shownRunsChanged, this, [this] {
        if (ChartsDock* charts = chartsDock()) {
            charts->setResults(m_d->resultsDock->shownCarbon(), m_d->resultsDock->shownGep());
            charts->setPlan(m_d->resultsDock->shownPlan());
        }
    });
    auto* chartsDock = new ChartsDock(this); // View ▸ Result Charts
    addDockWidget(Qt::BottomDockWidgetArea, chartsDock);
    chartsDock->hide();
    propertiesDock->raise();
    createLayerDock();
    createActions();
    createStatusWidgets();
    createTimeBar();
    m_d->autosaveTimer = new QTimer(this);
    m_d->autosaveTimer->setInterval(60000);
    connect(m_d->autosaveTimer, &QTimer::timeout, this, [this] {
        updateModified();
        if (!isProjectModified() || m_d->projectFile.isEmpty() || !m_d->project)
            return;
        try {
            const QJsonObject root = projectFileJson(readProjectRoot(m_d->projectFile),
                                                     *m_d->project,
                                                     m_d->project->baseDir(),
                                                     m_d->project->baseDir(),
                                                     workspaceJson());
            tanhui::gis::writeFileAtomically(autosaveFile(),
                                             QJsonDocument(root).toJson(QJsonDocument::Indented));
        } catch (const tanhui::gis::GisError& error) {
            statusBar()->showMessage(tr("Autosave failed: %1").arg(tanhui::app::errorDetail(error)), 10000);
        }
    });
    m_d->autosaveTimer->start();
    m_d->savedKey = workspaceChangeKey(workspaceJson());
    updateModified();

    auto* gdalLabel = new QLabel(tr("GDAL %1").arg(QString::fromStdString(tanhui::gis::gdalVersion())), this);
    gdalLabel->setObjectName(QStringLiteral("gdalVersionLabel"));
    gdalLabel->setContentsMargins(6, 0, 6, 0);
    statusBar()->addPermanentWidget(gdalLabel);
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() {
    // Only a crash keeps the autosave (a crash runs no destructor): an ordinary end removes it.
    if (!m_d->projectFile.isEmpty())
        QFile::remove(autosaveFile());
}

void MainWindow::setErrorSink(ErrorSink sink) {
    m_d->errorSink = std::move(sink);
}

int MainWindow::layerCount() const {
    return int(m_d->layers.size());
}

MetadataPanel* MainWindow::metadataPanel() const {
    return m_d->panel;
}

void MainWindow::createLayerDock() {
    auto* dock = new QDockWidget(tr("Layers"), this);
    dock->setObjectName(QStringLiteral("layerDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_d->layerList = new LayerTree(dock);
    m_d->layerList->setObjectName(QStringLiteral("layerList"));
    m_d->layerList->setIconSize(QSize(20, 20));
    m_d->layerList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_d->layerList->setMinimumWidth(240);
    dock->setWidget(m_d->layerList);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({ dock }, { 300 }, Qt::Horizontal);
    m_d->legendTree = new QTreeWidget(this);
    m_d->legendTree->setObjectName(QStringLiteral("legendTree"));
    m_d->legendTree->setHeaderHidden(true);
    m_d->legendTree->setIconSize(QSize(28, 14));
    m_d->legendTree->setRootIsDecorated(false);
    auto* legendDock = new QDockWidget(tr("Legend"), this);
    legendDock->setObjectName(QStringLiteral("legendDock"));
    legendDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    legendDock->setWidget(m_d->legendTree);
    addDockWidget(Qt::LeftDockWidgetArea, legendDock);
    splitDockWidget(dock, legendDock, Qt::Vertical);
    connect(m_d->layerList, &LayerTree::currentRowChanged, this, [this] { showCurrentLayer(); });
    connect(m_d->layerList, &LayerTree::layersChanged, this, [this] { syncMap(); });
}

void MainWindow::createStatusWidgets() {
    m_d->coordinateLabel = new QLabel(this);
    m_d->coordinateLabel->setObjectName(QStringLiteral("coordinateLabel"));
    m_d->coordinateLabel->setMinimumWidth(330);
    m_d->scaleLabel = new QLabel(this);
    m_d->scaleLabel->setObjectName(QStringLiteral("scaleLabel"));
    m_d->scaleLabel->setMinimumWidth(110);
    m_d->crsLabel = new QLabel(this);
    m_d->crsLabel->setObjectName(QStringLiteral("crsLabel"));
    m_d->crsLabel->setTextFormat(Qt::RichText);
    connect(m_d->crsLabel, &QLabel::linkActivated, this, [this] { changeCrsInteractively(); });
    for (QLabel* label : { m_d->coordinateLabel, m_d->scaleLabel, m_d->crsLabel }) {
        label->setContentsMargins(6, 0, 6, 0);
        statusBar()->addPermanentWidget(label);
    }
    connect(
      m_d->canvas, &MapCanvas::cursorMoved, this, [this](double x, double y) { showCoordinates(x, y); });
    connect(m_d->canvas, &MapCanvas::clicked, this, [this](double x, double y) { identifyAt(x, y); });
    connect(m_d->canvas, &MapCanvas::measureChanged, this, [this] { updateMeasure(); });
    const auto modeOf = [](Qt::KeyboardModifiers m) {
        return m.testFlag(Qt::ControlModifier) ? SelectionMode::Toggle
               : m.testFlag(Qt::ShiftModifier) ? SelectionMode::Add
                                               : SelectionMode::Replace;
    };
    connect(
      m_d->canvas,
      &MapCanvas::selectClicked,
      this,
      [this, modeOf](double x, double y, Qt::KeyboardModifiers m) { selectFeatureAt(x, y, modeOf(m)); });
    connect(m_d->canvas,
            &MapCanvas::selectRectangle,
            this,
            [this, modeOf](double x0, double y0, double x1, double y1, Qt::KeyboardModifiers m) {
                selectFeaturesIn({ x0, y0, x1, y1 }, modeOf(m));
            });
    connect(m_d->canvas, &MapCanvas::scaleChanged, this, [this](double scale) {
        m_d->scaleLabel->setText(
          scale > 0 ? tr("Scale 1:%1").arg(QLocale().toString(std::round(scale), 'f', 0)) : QString());
    });
    connect(
      m_d->canvas, &MapCanvas::frameFailed, this, [this](const QString& headline, const QString& detail) {
          statusBar()->showMessage(headline + QStringLiteral(": ") + detail, 15000);
      });
    updateCrsLabel();
}

void MainWindow::showCoordinates(double x, double y) {
    const tanhui::gis::Crs& crs = m_d->canvas->crs();
    if (!crs.isValid()) {
        m_d->coordinateLabel->setText(tr("x %1, y %2").arg(x, 0, 'f', 2).arg(y, 0, 'f', 2));
        return;
    }
    QString text = crs.isGeographic() ? tr("%1°, %2°").arg(x, 0, 'f', 6).arg(y, 0, 'f', 6)
                                      : tr("x %1, y %2").arg(x, 0, 'f', 1).arg(y, 0, 'f', 1);
    if (std::vector<double> xy{ x, y }; !crs.isGeographic() && toLonLat(xy))
        text += tr("  (lon %1°, lat %2°)").arg(xy[0], 0, 'f', 6).arg(xy[1], 0, 'f', 6);
    m_d->coordinateLabel->setText(text);
}

void MainWindow::updateCrsLabel() {
    const tanhui::gis::Crs& crs = m_d->canvas->crs();
    const QString text =
      crs.isValid() ? QString::fromStdString(crs.authorityId().empty() ? crs.name() : crs.authorityId())
                    : tr("No CRS");
    // A link: a click changes the map CRS, as QGIS's status-bar CRS button.
    m_d->crsLabel->setText(
      QStringLiteral("<a href=\"crs\" style=\"color: palette(window-text); text-decoration: none\">%1</a>")
        .arg(text.toHtmlEscaped()));
    m_d->crsLabel->setToolTip(
      (crs.isValid() ? QString::fromStdString(crs.name()) + QLatin1Char('\n') : QString()) +
      tr("Click to change the map's coordinate reference system"));
}

void MainWindow::createTimeBar() {
    m_d->timeBar = new QToolBar(tr("Time"), this);
    m_d->timeBar->setObjectName(QStringLiteral("timeBar"));
    m_d->timeBar->addWidget(new QLabel(tr("Date") + QLatin1Char(' '), m_d->timeBar));
    m_d->playAction = m_d->timeBar->addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Play"));
    m_d->playAction->setObjectName(QStringLiteral("playAction"));
    m_d->playAction->setCheckable(true);
    m_d->playAction->setToolTip(tr("Step the map through the dates"));
    m_d->playTimer = new QTimer(this);
    connect(m_d->playAction, &QAction::toggled, this, [this](bool on) { setPlaying(on); });
    connect(m_d->playTimer, &QTimer::timeout, this, [this] {
        const int next = m_d->timeSlider->value() + 1;
        if (next > m_d->timeSlider->maximum()) {
            setPlaying(false); // stop at the last date, as a player does
            return;
        }
        m_d->timeSlider->setValue(next);
    });
    m_d->timeSlider = new QSlider(Qt::Horizontal, m_d->timeBar);
    m_d->timeSlider->setObjectName(QStringLiteral("timeSlider"));
    m_d->timeSlider->setMinimumWidth(220);
    m_d->timeSlider->setPageStep(1);
    m_d->timeSlider->setTickPosition(QSlider::TicksBelow);
    m_d->timeBar->addWidget(m_d->timeSlider);
    m_d->timeLabel = new QLabel(m_d->timeBar);
    m_d->timeLabel->setObjectName(QStringLiteral("timeLabel"));
    m_d->timeLabel->setMinimumWidth(60);
    m_d->timeLabel->setContentsMargins(8, 0, 8, 0);
    m_d->timeBar->addWidget(m_d->timeLabel);
    addToolBar(Qt::TopToolBarArea, m_d->timeBar);
    m_d->timeBar->setVisible(false);
    connect(m_d->timeSlider, &QSlider::valueChanged, this, [this](int index) { showDate(index); });
}

void MainWindow::showDate(int index) {
    if (index < 0 || index >= int(m_d->years.size()))
        return;
    const int year = m_d->years[std::size_t(index)];
    m_d->timeLabel->setText(QString::number(year));
    m_d->canvas->setDateLabel(QString::number(year));
    // The dated layers of each role follow the date: the one of that year is shown, the others hidden
    // (only roles with a shown layer follow, so a hidden series stays hidden).
    std::set<QString> followingRoles;
    for (int row = 0; row < m_d->layerList->count(); ++row) {
        const LayerEntry* e = entryAt(row);
        if (e && e->year > 0 && m_d->layerList->isShown(row))
            followingRoles.insert(e->role);
    }
    m_d->syncing = true;
    for (int row = 0; row < m_d->layerList->count(); ++row) {
        const LayerEntry* e = entryAt(row);
        if (e && e->year > 0 && followingRoles.count(e->role))
            m_d->layerList->item(row)->setCheckState(e->year == year ? Qt::Checked : Qt::Unchecked);
    }
    m_d->syncing = false;
    syncMap();
}

void MainWindow::updateDates() {
    std::set<int> landCover, dated;
    for (int row = 0; row < m_d->layerList->count(); ++row)
        if (const LayerEntry* e = entryAt(row); e && e->kind == LayerEntry::Kind::Raster && e->year > 0) {
            dated.insert(e->year);
            if (e->role == QLatin1String("landcover"))
                landCover.insert(e->year);
        }
    const std::set<int>& years = landCover.size() > 1 ? landCover : dated;
    const int shown = m_d->years.empty() ? 0 : m_d->years[std::size_t(m_d->timeSlider->value())];
    m_d->years.assign(years.begin(), years.end());
    const auto it = std::find(m_d->years.begin(), m_d->years.end(), shown);
    const int index = it == m_d->years.end() ? 0 : int(it - m_d->years.begin());
    m_d->timeSlider->blockSignals(true);
    m_d->timeSlider->setRange(0, std::max(0, int(m_d->years.size()) - 1));
    m_d->timeSlider->setValue(index);
    m_d->timeSlider->blockSignals(false);
    const QString date = m_d->years.empty() ? QString() : QString::number(m_d->years[std::size_t(index)]);
    m_d->timeLabel->setText(date);
    m_d->timeBar->setVisible(m_d->years.size() > 1);
    m_d->canvas->setDateLabel(m_d->years.size() > 1 ? date : QString());
}

std::vector<int> MainWindow::timeSliderYears() const {
    return m_d->years;
}

TimeSeriesDialog* MainWindow::showTimeSeriesDialog(const QStringList& layers) {
    std::vector<const LayerEntry*> chosen;
    for (int row = 0; row < m_d->layerList->count(); ++row) {
        const LayerEntry* e = entryAt(row);
        if (!e || e->kind != LayerEntry::Kind::Raster)
            continue;
        const bool wanted = layers.isEmpty()
                              ? m_d->layerList->item(row)->isSelected()
                              : layers.contains(e->projectId) || layers.contains(e->displayName);
        if (wanted)
            chosen.push_back(e);
    }
    if (chosen.empty()) {
        reportError(tr("Select the rasters of the series first."),
                    tr("Select several single-band rasters (one file per date) or one multiband raster (one "
                       "band per date) in the Layers panel; Ctrl+click selects several."));
        return nullptr;
    }
    std::vector<tanhui::gis::RasterInfo> infos;
    QStringList names;
    for (const LayerEntry* e : chosen) {
        tanhui::gis::RasterInfo info = e->raster;
        info.path = e->path.toStdString();
        infos.push_back(std::move(info));
        names << (e->projectId.isEmpty() ? e->displayName : e->projectId);
    }
    std::vector<std::pair<QString, QString>> roles;
    for (const char* role : { "ndvi", "landcover", "precipitation", "evapotranspiration" }) {
        tanhui::models::ProjectLayer l;
        l.role = QString::fromLatin1(role);
        roles.emplace_back(l.role, tanhui::render::projectLayerTitle(l));
    }
    auto* dialog = new TimeSeriesDialog(infos, roles, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!chosen.front()->role.isEmpty())
        dialog->setRole(chosen.front()->role == QLatin1String("ndvi_stack") ? QStringLiteral("ndvi")
                                                                            : chosen.front()->role);
    QMap<QString, QMap<int, QString>> existing;
    for (int row = 0; row < m_d->layerList->count(); ++row)
        if (const LayerEntry* e = entryAt(row); e && e->kind == LayerEntry::Kind::Raster && e->year > 0 &&
                                                std::find(chosen.begin(), chosen.end(), e) == chosen.end())
            existing[e->role].insert(e->year, e->projectId.isEmpty() ? e->displayName : e->projectId);
    dialog->setExistingDates(existing);
    connect(dialog, &QDialog::accepted, this, [this, dialog, names] {
        makeTimeSeries(names, dialog->role(), dialog->members());
    });
    dialog->show();
    return dialog;
}

QString MainWindow::makeTimeSeries(const QStringList& layers,
                                   const QString& role,
                                   const std::vector<TimeSeriesMember>& members) {
    std::vector<LayerEntry*> sources;
    for (const QString& name : layers)
        if (const int row = rowOf(name); row >= 0 && entryAt(row)->kind == LayerEntry::Kind::Raster)
            sources.push_back(entryAt(row));
    if (sources.empty() || members.empty() || role.isEmpty()) {
        reportError(tr("The time series was not made."),
                    tr("It needs raster layers, a role and their dates."));
        return QString();
    }
    const bool bandSeries = sources.size() == 1 && sources.front()->raster.bands.size() > 1;
    std::vector<LayerEntry*> dated; // one entry per member, in member order (ascending dates)
    try {
        if (bandSeries) {
            // One band per date: a single-band VRT per band beside the file, so that the map and every
            // analysis that reads single-band rasters read the band of its date.
            const QFileInfo stack(sources.front()->path);
            std::vector<LayerEntry> loaded;
            for (const TimeSeriesMember& m : members) {
                const QString vrt = stack.absoluteDir().filePath(
                  QStringLiteral("%1_%2.vrt").arg(stack.completeBaseName(), m.date.text()));
                tanhui::gis::writeBandVrt(
                  m.path.toStdString(), m.band, vrt.toStdString(), m.date.iso.toStdString());
                loaded.push_back(LayerLoader::loadRaster(vrt));
            }
            if (const int row = rowOf(layers.front()); row >= 0) {
                m_d->layerList->setCurrentRow(row);
                removeCurrentLayer(); // the stack is replaced by its dates
            }
            for (LayerEntry& e : loaded) {
                appendEntry(std::move(e), false);
                dated.push_back(m_d->layers.back().get());
            }
        } else {
            for (const TimeSeriesMember& m : members) {
                const auto it = std::find_if(
                  sources.begin(), sources.end(), [&](const LayerEntry* e) { return e->path == m.path; });
                if (it == sources.end())
                    throw tanhui::gis::GisError(tanhui::gis::GisError::Kind::InvalidArgument,
                                                m.path.toStdString() + " is not one of the chosen layers");
                dated.push_back(*it);
            }
        }
    } catch (const tanhui::gis::GisError& error) {
        reportError(tr("The time series was not made."), tanhui::app::errorDetail(error));
        return QString();
    }
    // Each date: its role, year and date; with a project open a project layer of its own.
    for (std::size_t i = 0; i < dated.size(); ++i) {
        LayerEntry* e = dated[i];
        e->role = role;
        e->year = members[i].date.year;
        e->date = members[i].date.iso;
        tanhui::models::ProjectLayer styleLayer;
        styleLayer.role = role;
        styleLayer.year = e->year;
        if (m_d->project) {
            if (e->projectId.isEmpty())
                e->projectId = addProjectLayer(*m_d->project, e->path, true, QString());
            for (tanhui::models::ProjectLayer& l : m_d->project->layers)
                if (l.id == e->projectId) {
                    l.role = role;
                    l.year = e->year;
                    l.date = e->date;
                    styleLayer = l;
                }
            m_d->forcedModified = true;
        }
        e->notOnMap.clear();
        attachMapLayer(*e, &styleLayer, {});
        if (const int row = rowOf(e->projectId.isEmpty() ? e->displayName : e->projectId); row >= 0)
            m_d->layerList->item(row)->setToolTip(e->path);
    }
    // One group of the layer tree: the dates, latest on top; the first date shown.
    tanhui::models::ProjectLayer titled;
    titled.role = role;
    QString name = tr("%1 series %2–%3")
                     .arg(tanhui::render::projectLayerTitle(titled))
                     .arg(members.front().date.year)
                     .arg(members.back().date.year);
    for (int n = 2; m_d->layerList->group(name); ++n)
        name = tr("%1 series %2–%3 (%4)")
                 .arg(tanhui::render::projectLayerTitle(titled))
                 .arg(members.front().date.year)
                 .arg(members.back().date.year)
                 .arg(n);
    std::vector<int> rows;
    for (auto it = dated.rbegin(); it != dated.rend(); ++it) {
        const LayerEntry* e = *it;
        rows.push_back(rowOf(e->projectId.isEmpty() ? e->displayName : e->projectId));
    }
    m_d->syncing = true;
    for (auto* e : dated)
        m_d->layerList->item(rowOf(e->projectId.isEmpty() ? e->displayName : e->projectId))
          ->setCheckState(e == dated.front() ? Qt::Checked : Qt::Unchecked);
    QTreeWidgetItem* group = m_d->layerList->addGroup(name, rows);
    group->setCheckState(0, Qt::Checked);
    group->setExpanded(true);
    m_d->syncing = false;
    updateDates();
    if (const auto it = std::find(m_d->years.begin(), m_d->years.end(), members.front().date.year);
        it != m_d->years.end()) {
        m_d->timeSlider->setValue(int(it - m_d->years.begin()));
        showDate(int(it - m_d->years.begin()));
    }
    syncMap();
    updateModified();
    statusBar()->showMessage(
      tr("Made the time series %1 (%n date(s))", nullptr, int(members.size())).arg(name), 5000);
    return name;
}

int MainWindow::currentYear() const {
    const int index = m_d->timeSlider->value();
    return index >= 0 && index < int(m_d->years.size()) && m_d->timeBar->isVisibleTo(this)
             ? m_d->years[std::size_t(index)]
             : 0;
}

void MainWindow::setCurrentYear(int year) {
    const auto it = std::find(m_d->years.begin(), m_d->years.end(), year);
    if (it != m_d->years.end())
        m_d->timeSlider->setValue(int(it - m_d->years.begin()));
}

LayerEntry* MainWindow::entryAt(int row) const {
    const LayerItem* item = m_d->layerList->item(row);
    return item ? reinterpret_cast<LayerEntry*>(item->data(Qt::UserRole).value<quintptr>()) : nullptr;
}

void MainWindow::syncMap() {
    if (m_d->syncing)
        return;
    std::vector<tanhui::render::MapLayer> layers;
    for (int row = m_d->layerList->count() - 1; row >= 0; --row) { // bottom of the list is drawn first
        LayerEntry* e = entryAt(row);
        if (!e || (!e->map.raster && !e->map.vector))
            continue;
        e->map.visible = m_d->layerList->isShown(row);
        layers.push_back(e->map);
    }
    m_d->canvas->setLayers(std::move(layers));
    updateLegend();
    updateModified();
}

void MainWindow::updateLegend() {
    constexpr int kMaxItems = 40;
    QTreeWidget* tree = m_d->legendTree;
    tree->clear();
    const QString language = QLocale().name();
    for (int row = 0; row < m_d->layerList->count(); ++row) { // top layer first
        const LayerEntry* e = entryAt(row);
        if (!e || !m_d->layerList->isShown(row) || (!e->map.raster && !e->map.vector))
            continue;
        const std::vector<tanhui::render::LegendItem> items = tanhui::render::legendItems(e->map, language);
        auto* layerItem = new QTreeWidgetItem(tree, { e->displayName });
        QFont bold = layerItem->font(0);
        bold.setBold(true);
        layerItem->setFont(0, bold);
        if (items.size() == 1 && items.front().label.isEmpty()) {
            layerItem->setIcon(
              0, QIcon(QPixmap::fromImage(tanhui::render::legendSwatch(items.front(), 28, 14))));
            continue;
        }
        for (std::size_t i = 0; i < items.size() && int(i) < kMaxItems; ++i) {
            auto* child = new QTreeWidgetItem(layerItem, { items[i].label });
            child->setIcon(0, QIcon(QPixmap::fromImage(tanhui::render::legendSwatch(items[i], 28, 14))));
        }
        if (int(items.size()) > kMaxItems)
            new QTreeWidgetItem(layerItem, { tr("… %n more", nullptr, int(items.size()) - kMaxItems) });
        layerItem->setExpanded(true);
    }
}

int MainWindow::identifyAt(double x, double y) {
    QTreeWidget* tree = m_d->identifyTree;
    tree->clear();
    const tanhui::gis::Crs& mapCrs = m_d->canvas->crs();
    int layersWithResult = 0;
    bool charted = false;
    for (int row = 0; row < m_d->layerList->count(); ++row) { // top layer first
        LayerEntry* e = entryAt(row);
        if (!e)
            continue;
        if (e->map.vector && m_d->layerList->isShown(row)) {
            const tanhui::render::VectorSource& source = *e->map.vector;
            const std::vector<std::uint32_t> hits = source.featuresAt(x, y);
            if (hits.empty())
                continue;
            if (!charted && e->role != QLatin1String("districts")) {
                // The topmost parcel's series (districts are not parcels).
                charted =
                  showParcelSeries(e->projectId.isEmpty() ? e->displayName : e->projectId, hits.front());
            }
            auto* layerItem = new QTreeWidgetItem(tree, { e->displayName });
            for (std::uint32_t f : hits) {
                auto* featureItem = new QTreeWidgetItem(layerItem, { tr("Feature %1").arg(source.fid(f)) });
                for (std::size_t i = 0; i < source.info().fields.size(); ++i)
                    new QTreeWidgetItem(
                      featureItem, { source.info().fields[i].name, source.attribute(f, int(i)).toString() });
                featureItem->setExpanded(true);
            }
            layerItem->setExpanded(true);
            ++layersWithResult;
        } else if (e->map.raster) {
            const tanhui::gis::RasterInfo& info = e->map.raster->info();
            std::vector<double> xy{ x, y };
            try {
                if (mapCrs.isValid() && !info.crs.isSame(mapCrs))
                    tanhui::gis::CoordinateTransform(mapCrs, info.crs).transform(xy);
            } catch (const tanhui::gis::GisError&) {
                continue;
            }
            const int col = int(std::floor(info.grid.colCoord(xy[0]))),
                      r = int(std::floor(info.grid.rowCoord(xy[1])));
            if (col < 0 || r < 0 || col >= info.grid.cols || r >= info.grid.rows)
                continue;
            auto dataset = e->map.raster->acquire();
            auto* layerItem = new QTreeWidgetItem(tree, { e->displayName });
            std::vector<double> value;
            std::vector<unsigned char> valid;
            const bool paletted = e->map.rasterStyle.kind == tanhui::render::RasterStyle::Kind::Paletted;
            for (int band = 1; band <= int(info.bands.size()); ++band) {
                QString text;
                try {
                    dataset->read(band, tanhui::gis::Window{ r, col, 1, 1 }, value, valid);
                    text = valid[0] ? QLocale().toString(value[0], 'g', 8) : tr("no data");
                    if (valid[0] && paletted)
                        for (const tanhui::render::RasterClass& c : e->map.rasterStyle.classes)
                            if (c.value == value[0])
                                text += QStringLiteral(" — ") + c.label(QLocale().name());
                } catch (const tanhui::gis::GisError& error) {
                    text = tanhui::app::errorDetail(error);
                }
                const std::string& desc = info.bands[std::size_t(band - 1)].description;
                new QTreeWidgetItem(
                  layerItem, { desc.empty() ? tr("Band %1").arg(band) : QString::fromStdString(desc), text });
            }
            e->map.raster->release(std::move(dataset));
            layerItem->setExpanded(true);
            ++layersWithResult;
        }
    }
    if (layersWithResult > 0) {
        m_d->identifyDock->show();
        m_d->identifyDock->raise();
    }
    statusBar()->showMessage(tr("Identified %n layer(s) at the clicked point", nullptr, layersWithResult),
                             5000);
    return layersWithResult;
}

void MainWindow::setVisibleLayers(const QStringList& projectIds) {
    m_d->syncing = true;
    for (int row = 0; row < m_d->layerList->count(); ++row)
        if (const LayerEntry* e = entryAt(row))
            m_d->layerList->item(row)->setCheckState(projectIds.contains(e->projectId) ? Qt::Checked
                                                                                       : Qt::Unchecked);
    m_d->syncing = false;
    syncMap();
}

MapCanvas* MainWindow::mapCanvas() const {
    return m_d->canvas;
}

void MainWindow::zoomToCurrentLayer() {
    const LayerEntry* e = entryAt(m_d->layerList->currentRow());
    if (!e)
        return;
    const tanhui::gis::Box box = tanhui::render::layerExtent(e->map, m_d->canvas->crs());
    if (!box.isEmpty())
        m_d->canvas->setExtent(box);
}

void MainWindow::attachMapLayer(LayerEntry& entry,
                                const tanhui::models::ProjectLayer* projectLayer,
                                const tanhui::gis::VectorOpenOptions& options) {
    const tanhui::models::Project* project = m_d->project ? &*m_d->project : nullptr;
    try {
        if (entry.kind == LayerEntry::Kind::Raster) {
            const tanhui::gis::Crs& crs = entry.raster.crs;
            if (!crs.isValid()) {
                entry.notOnMap = tr("Not on the map: the raster has no coordinate reference system.");
                return;
            }
            if (!m_d->canvas->crs().isValid()) {
                m_d->canvas->setCrs(crs);
                updateCrsLabel();
            }
            auto source = tanhui::render::RasterSource::open(entry.path.toStdString());
            entry.map.rasterStyle = LayerStyler::rasterStyle(*source, projectLayer, project);
            entry.map.raster = std::move(source);
        } else {
            const tanhui::gis::Crs& crs = entry.vector.crs;
            if (!crs.isValid()) {
                entry.notOnMap = tr("Not on the map: the layer has no coordinate reference system.");
                return;
            }
            if (!m_d->canvas->crs().isValid()) {
                m_d->canvas->setCrs(crs);
                updateCrsLabel();
            }
            auto source =
              tanhui::render::VectorSource::load(entry.path.toStdString(), options, m_d->canvas->crs());
            entry.map.vectorStyle = LayerStyler::vectorStyle(*source, projectLayer);
            entry.map.vector = std::move(source);
        }
        entry.map.id = entry.projectId.isEmpty() ? entry.displayName : entry.projectId;
    } catch (const tanhui::gis::GisError& error) {
        entry.notOnMap = tr("Not on the map: %1").arg(tanhui::app::errorDetail(error));
    }
}

PlanDialog* MainWindow::showPlanDialog() {
    if (!m_d->project) {
        reportError(tr("Open a project first."), tr("A restoration plan is saved in a project."));
        return nullptr;
    }
    auto* dialog = new PlanDialog(*m_d->project, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSelectionSource([this] {
        const LayerEntry* entry = currentVectorEntry(false);
        return std::make_pair(entry ? entry->projectId : QString(),
                              entry ? selectedFeatures() : std::vector<std::uint32_t>());
    });
    // The dialog saved its copy of the project; its plans join the window's project, which is saved
    // whole (one save path: the window's layers, sections and workspace stay as they are).
    connect(dialog, &PlanDialog::projectSaved, this, [this, dialog] {
        m_d->project->plans = dialog->project().plans;
        saveProject();
    });
    // The plan's run form (the declared "restoration_plan" analysis): this plan, its own output folder, GEP
    // too when the baseline carbon results exist.
    connect(dialog, &PlanDialog::runRequested, this, [this](const QString& name) {
        analysis::ParameterValues values = m_d->lastAnalysisValues.value(QStringLiteral("restoration_plan"));
        values.insert(QStringLiteral("plan"), name);
        values.insert(QStringLiteral("out"), QStringLiteral("plans/") + name);
        if (!values.contains(QStringLiteral("gep")))
            values.insert(QStringLiteral("gep"),
                          QFileInfo::exists(QDir(m_d->project->resolve(QStringLiteral("carbon")))
                                              .filePath(analysis::resultSetManifestName())));
        if (AnalysisDialog* form = showAnalysisDialog(QStringLiteral("restoration_plan"), values))
            form->raise();
    });
    dialog->show();
    return dialog;
}

FieldMappingDialog* MainWindow::showFieldMappingDialog(const QString& layerId) {
    QString id = layerId;
    if (id.isEmpty())
        if (const LayerEntry* entry = currentVectorEntry(true))
            id = entry->projectId;
    const models::ProjectLayer* layer = m_d->project && !id.isEmpty() ? m_d->project->layer(id) : nullptr;
    if (!layer || layer->kind != QLatin1String("vector")) {
        statusBar()->showMessage(tr("Choose a parcel layer of the project in the Layers panel first"), 8000);
        return nullptr;
    }
    auto* dialog = new FieldMappingDialog(*m_d->project, *layer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The mapping is the layer's: kept in the project file (saved at once, as the plans are).
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        for (models::ProjectLayer& l : m_d->project->layers)
            if (l.id == id)
                l.fields = dialog->fields();
        if (saveProject())
            statusBar()->showMessage(
              tr("Saved the field mapping of %1 in %2").arg(id, m_d->project->fileName()), 8000);
    });
    dialog->show();
    return dialog;
}

ParameterTableDialog* MainWindow::showParameterTableDialog() {
    if (!m_d->project) {
        reportError(tr("Open a project first."), tr("Parameter tables are kept with a project."));
        return nullptr;
    }
    auto* dialog = new ParameterTableDialog(*m_d->project, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A table saved into the project folder: the project points to the new file (saved at once).
    connect(dialog, &ParameterTableDialog::projectChanged, this, [this, dialog] {
        m_d->project->parameters = dialog->project().parameters;
        saveProject();
    });
    dialog->show();
    return dialog;
}

LayoutDialog* MainWindow::showLayoutDialog() {
    if (!m_d->project) {
        reportError(tr("Open a project first."),
                    tr("A map layout is made from a project's layers and saved in it."));
        return nullptr;
    }
    auto* dialog = new LayoutDialog(*m_d->project,
                                    m_d->canvas->extent(),
                                    QLocale().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                                                     : QStringLiteral("en"),
                                    this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // As for plans: the dialog's layouts join the window's project, saved whole.
    connect(dialog, &LayoutDialog::projectSaved, this, [this, dialog] {
        m_d->project->layouts = dialog->project().layouts;
        saveProject();
        statusBar()->showMessage(tr("Saved the layout in %1").arg(m_d->project->fileName()), 5000);
    });
    dialog->show();
    return dialog;
}

void MainWindow::createActions() {
    createFileMenu();
    createViewMenu();
    createLayerMenu();
    // Analysis: one form per declared analysis (models/analysis, AnalysisSpec), run in the background.
    QMenu* analysisMenu = menuBar()->addMenu(tr("&Analysis"));
    for (const analysis::AnalysisSpec& spec : analysis::analyses()) {
        QAction* a = analysisMenu->addAction(
          tr("%1…").arg(spec.translatedLabel()), this, [this, id = spec.id] { showAnalysisDialog(id); });
        a->setObjectName(QStringLiteral("analysisAction_%1").arg(spec.id));
        a->setStatusTip(spec.translatedDescription().section(QLatin1Char('.'), 0, 0));
    }
    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* aboutAction = helpMenu->addAction(tr("&About Tanhui"), this, &MainWindow::showAbout);
    aboutAction->setMenuRole(QAction::AboutRole);
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
    createToolBar();
}

/// File: projects, layers, results, layouts, plans, parameter tables, the report, preferences.
void MainWindow::createFileMenu() {
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* openProjectAction =
      fileMenu->addAction(tr("&Open Project…"), this, &MainWindow::openProjectInteractively);
    openProjectAction->setObjectName(QStringLiteral("openProjectAction"));
    openProjectAction->setShortcut(QKeySequence::Open);
    openProjectAction->setStatusTip(tr("Open a Tanhui project (project.tanhui.json) and add its layers"));
    m_d->recentMenu = fileMenu->addMenu(tr("Open &Recent Project"));
    m_d->recentMenu->setObjectName(QStringLiteral("recentMenu"));
    updateRecentMenu();
    QAction* saveAction =
      fileMenu->addAction(tr("&Save Project"), this, &MainWindow::saveProjectInteractively);
    saveAction->setObjectName(QStringLiteral("saveProjectAction"));
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setStatusTip(tr("Save the project with its layers, styles, view and date"));
    QAction* saveAsAction =
      fileMenu->addAction(tr("Save Project &As…"), this, &MainWindow::saveProjectAsInteractively);
    saveAsAction->setObjectName(QStringLiteral("saveProjectAsAction"));
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    m_d->relocateAction = fileMenu->addAction(
      tr("Re&locate Missing Layers…"), this, &MainWindow::relocateMissingLayersInteractively);
    m_d->relocateAction->setObjectName(QStringLiteral("relocateAction"));
    m_d->relocateAction->setStatusTip(tr("Point the project's missing layers at their files' new places"));
    m_d->relocateAction->setEnabled(false);
    fileMenu->addSeparator();
    QAction* addRasterAction =
      fileMenu->addAction(m_d->rasterIcon, tr("Add &Raster…"), this, &MainWindow::addRasterInteractively);
    addRasterAction->setObjectName(QStringLiteral("addRasterAction"));
    addRasterAction->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    addRasterAction->setStatusTip(tr("Load a raster dataset (GeoTIFF, NetCDF, ERDAS IMAGINE, …)"));
    QAction* addVectorAction = fileMenu->addAction(
      m_d->vectorIcon, tr("Add &Vector Layer…"), this, &MainWindow::addVectorInteractively);
    addVectorAction->setObjectName(QStringLiteral("addVectorAction"));
    addVectorAction->setShortcut(QKeySequence(tr("Ctrl+Shift+V")));
    addVectorAction->setStatusTip(tr("Load a vector layer (Shapefile, GeoPackage, GeoJSON, KML, …)"));
    fileMenu->addAction(tr("Open Res&ults…"), this, &MainWindow::openResultsInteractively)
      ->setObjectName(QStringLiteral("openResultsAction"));
    fileMenu->addSeparator();
    QAction* layoutAction = fileMenu->addAction(tr("Map &Layout…"), this, &MainWindow::showLayoutDialog);
    layoutAction->setObjectName(QStringLiteral("layoutAction"));
    fileMenu->addAction(tr("Restoration &Plans…"), this, &MainWindow::showPlanDialog)
      ->setObjectName(QStringLiteral("planAction"));
    QAction* tablesAction =
      fileMenu->addAction(tr("Parameter &Tables…"), this, &MainWindow::showParameterTableDialog);
    tablesAction->setObjectName(QStringLiteral("parameterTablesAction"));
    tablesAction->setStatusTip(
      tr("View and edit the project's parameter tables (carbon pools, species, soil factors, GEP prices …)"));
    layoutAction->setStatusTip(tr("Lay out, export and save a map of the project (PNG, PDF, SVG)"));
    QAction* reportAction = fileMenu->addAction(tr("Export &Report…"), this, &MainWindow::showReportDialog);
    reportAction->setObjectName(QStringLiteral("reportAction"));
    reportAction->setStatusTip(tr("Write the valuation report (PDF or HTML) from the runs' result folders"));
    fileMenu->addSeparator();
    m_d->removeAction = fileMenu->addAction(tr("Re&move Layer"), this, &MainWindow::removeCurrentLayer);
    m_d->removeAction->setObjectName(QStringLiteral("removeLayerAction"));
    m_d->removeAction->setShortcut(QKeySequence::Delete);
    m_d->removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_d->removeAction->setEnabled(false);
    m_d->layerList->addAction(m_d->removeAction);
    fileMenu->addSeparator();
    QAction* preferencesAction = fileMenu->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferencesAction->setObjectName(QStringLiteral("preferencesAction"));
    preferencesAction->setMenuRole(QAction::PreferencesRole);
    fileMenu->addSeparator();
    QAction* quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);
}

/// View: zoom, the map tools, selection, the docks (styling, charts, jobs, results).
void MainWindow::createViewMenu() {
    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* zoomFullAction =
      viewMenu->addAction(tr("Zoom &Full"), this, [this] { m_d->canvas->zoomFull(); });
    zoomFullAction->setObjectName(QStringLiteral("zoomFullAction"));
    zoomFullAction->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    m_d->zoomLayerAction = viewMenu->addAction(tr("Zoom to &Layer"), this, &MainWindow::zoomToCurrentLayer);
    m_d->zoomLayerAction->setObjectName(QStringLiteral("zoomLayerAction"));
    m_d->layerList->addAction(m_d->zoomLayerAction);
    QAction* zoomInAction = viewMenu->addAction(tr("Zoom &In"), this, [this] {
        m_d->canvas->zoomByFactor(0.5, QPointF(m_d->canvas->width() / 2.0, m_d->canvas->height() / 2.0));
    });
    zoomInAction->setObjectName(QStringLiteral("zoomInAction"));
    zoomInAction->setShortcut(QKeySequence::ZoomIn);
    QAction* zoomOutAction = viewMenu->addAction(tr("Zoom &Out"), this, [this] {
        m_d->canvas->zoomByFactor(2.0, QPointF(m_d->canvas->width() / 2.0, m_d->canvas->height() / 2.0));
    });
    zoomOutAction->setObjectName(QStringLiteral("zoomOutAction"));
    zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    viewMenu->addAction(chartsDock()->toggleViewAction());
    viewMenu->addSeparator();
    auto* tools = new QActionGroup(this);
    m_d->panToolAction =
      viewMenu->addAction(tr("&Pan Map"), this, [this] { m_d->canvas->setTool(MapCanvas::Tool::Pan); });
    m_d->panToolAction->setObjectName(QStringLiteral("panToolAction"));
    m_d->panToolAction->setStatusTip(tr("Drag to move the map; click to identify features"));
    m_d->selectToolAction = viewMenu->addAction(
      tr("&Select Features"), this, [this] { m_d->canvas->setTool(MapCanvas::Tool::Select); });
    m_d->selectToolAction->setObjectName(QStringLiteral("selectToolAction"));
    m_d->selectToolAction->setStatusTip(
      tr("Click or drag a rectangle to select features of the current layer; Shift adds, Ctrl toggles"));
    m_d->measureLineAction = viewMenu->addAction(
      tr("Measure &Line"), this, [this] { m_d->canvas->setTool(MapCanvas::Tool::MeasureLine); });
    m_d->measureLineAction->setObjectName(QStringLiteral("measureLineAction"));
    m_d->measureLineAction->setShortcut(QKeySequence(tr("Ctrl+Shift+M")));
    m_d->measureLineAction->setStatusTip(
      tr("Click to add vertices, right-click to finish; lengths are ellipsoidal (on the CRS's ellipsoid)"));
    m_d->measureAreaAction = viewMenu->addAction(
      tr("Measure &Area"), this, [this] { m_d->canvas->setTool(MapCanvas::Tool::MeasureArea); });
    m_d->measureAreaAction->setObjectName(QStringLiteral("measureAreaAction"));
    m_d->measureAreaAction->setShortcut(QKeySequence(tr("Ctrl+Shift+J")));
    m_d->measureAreaAction->setStatusTip(
      tr("Click to add vertices, right-click to finish; areas are ellipsoidal (on the CRS's ellipsoid)"));
    for (QAction* a :
         { m_d->panToolAction, m_d->selectToolAction, m_d->measureLineAction, m_d->measureAreaAction }) {
        a->setCheckable(true);
        tools->addAction(a);
    }
    m_d->panToolAction->setChecked(true);
    m_d->zoomSelectionAction =
      viewMenu->addAction(tr("Zoom to Selectio&n"), this, &MainWindow::zoomToSelection);
    m_d->zoomSelectionAction->setObjectName(QStringLiteral("zoomSelectionAction"));
    m_d->zoomSelectionAction->setShortcut(QKeySequence(tr("Ctrl+J")));
    m_d->zoomSelectionAction->setEnabled(false);
    QAction* clearSelectionAction =
      viewMenu->addAction(tr("&Clear Selection"), this, &MainWindow::clearSelection);
    clearSelectionAction->setObjectName(QStringLiteral("clearSelectionAction"));
    clearSelectionAction->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    viewMenu->addSeparator();
    QAction* styleDockAction = m_d->styleDock->toggleViewAction();
    styleDockAction->setText(tr("Layer &Styling Panel"));
    styleDockAction->setObjectName(QStringLiteral("styleDockAction"));
    styleDockAction->setShortcut(QKeySequence(Qt::Key_F7));
    viewMenu->addAction(styleDockAction);
    // The Jobs dock (issue 13): analyses run in the background (runAnalysis); a job that ends with
    // results opens them in the Results and Result Charts docks.
    auto* jobsDock = new JobsDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, jobsDock);
    jobsDock->hide(); // shown when a job is queued, or from View ▸ Jobs
    viewMenu->addAction(jobsDock->toggleViewAction());
    connect(jobsDock, &JobsDock::message, this, [this](const QString& text) {
        statusBar()->showMessage(text, 15000);
    });
    connect(jobsDock, &JobsDock::openResults, this, &MainWindow::openJobResults);
    connect(jobsDock->manager(), &JobManager::jobFinished, this, [this, jobsDock](int id) {
        const auto job = jobsDock->manager()->job(id);
        if (job && job->state == JobState::Finished)
            openJobResults(id);
    });
    viewMenu->addAction(m_d->resultsDock->toggleViewAction());
}

/// Layer: the attribute table, field mapping, opacity and style, groups, time series.
void MainWindow::createLayerMenu() {
    QMenu* layerMenu = menuBar()->addMenu(tr("&Layer"));
    m_d->attributeTableAction =
      layerMenu->addAction(tr("Open &Attribute Table"), this, &MainWindow::openAttributeTable);
    m_d->attributeTableAction->setObjectName(QStringLiteral("attributeTableAction"));
    m_d->attributeTableAction->setShortcut(QKeySequence(Qt::Key_F6));
    m_d->attributeTableAction->setStatusTip(tr("Show every feature of the current polygon layer in a table"));
    m_d->attributeTableAction->setEnabled(false);
    m_d->layerList->addAction(m_d->attributeTableAction);
    m_d->fieldMappingAction =
      layerMenu->addAction(tr("&Field Mapping…"), this, [this] { showFieldMappingDialog(QString()); });
    m_d->fieldMappingAction->setObjectName(QStringLiteral("fieldMappingAction"));
    m_d->fieldMappingAction->setStatusTip(
      tr("Choose which field of the current parcel layer holds each attribute the analyses read"));
    m_d->fieldMappingAction->setEnabled(false);
    m_d->layerList->addAction(m_d->fieldMappingAction);
    QAction* opacityAction =
      layerMenu->addAction(tr("&Opacity…"), this, &MainWindow::changeOpacityInteractively);
    opacityAction->setObjectName(QStringLiteral("opacityAction"));
    m_d->layerList->addAction(opacityAction);
    QAction* styleAction = layerMenu->addAction(tr("&Style…"), this, &MainWindow::showStyleDock);
    styleAction->setObjectName(QStringLiteral("styleAction"));
    styleAction->setStatusTip(tr("Style the current layer in the Layer Styling panel"));
    m_d->layerList->addAction(styleAction);
    layerMenu->addAction(m_d->zoomLayerAction);
    layerMenu->addAction(m_d->removeAction);
    layerMenu->addSeparator();
    QAction* addGroupAction = layerMenu->addAction(tr("Add &Group"), this, [this] {
        // A new group holding the current layer (if any), its name ready to be typed, as in QGIS.
        const int row = m_d->layerList->currentRow();
        QTreeWidgetItem* group =
          m_d->layerList->addGroup(QString(), row >= 0 ? std::vector<int>{ row } : std::vector<int>{});
        m_d->layerList->setCurrentItem(group);
        m_d->layerList->editItem(group, 0);
    });
    addGroupAction->setObjectName(QStringLiteral("addGroupAction"));
    addGroupAction->setShortcut(QKeySequence(tr("Ctrl+G")));
    addGroupAction->setStatusTip(
      tr("Put the current layer in a new group; drag layers onto a group to add them"));
    m_d->layerList->addAction(addGroupAction);
    m_d->ungroupAction = layerMenu->addAction(
      tr("&Ungroup"), this, [this] { m_d->layerList->ungroup(m_d->layerList->currentItem()); });
    m_d->ungroupAction->setObjectName(QStringLiteral("ungroupAction"));
    m_d->ungroupAction->setStatusTip(tr("Remove the current group, keeping its layers in place"));
    m_d->ungroupAction->setEnabled(false);
    m_d->layerList->addAction(m_d->ungroupAction);
    layerMenu->addSeparator();
    QAction* seriesAction =
      layerMenu->addAction(tr("Make &Time Series…"), this, [this] { showTimeSeriesDialog(); });
    seriesAction->setObjectName(QStringLiteral("timeSeriesAction"));
    seriesAction->setStatusTip(
      tr("Group the selected rasters into a time series: one file or one band per date"));
    m_d->layerList->addAction(seriesAction);
}

/// The main toolbar: the menus' most used actions (found by object name).
void MainWindow::createToolBar() {
    const auto action = [this](const char* name) { return findChild<QAction*>(QLatin1String(name)); };
    QToolBar* toolBar = addToolBar(tr("Main toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(20, 20));
    toolBar->addAction(action("addRasterAction"));
    toolBar->addAction(action("addVectorAction"));
    toolBar->addSeparator();
    toolBar->addAction(action("zoomInAction"));
    toolBar->addAction(action("zoomOutAction"));
    toolBar->addAction(action("zoomFullAction"));
    toolBar->addAction(m_d->zoomLayerAction);
    toolBar->addSeparator();
    toolBar->addAction(m_d->panToolAction);
    toolBar->addAction(m_d->selectToolAction);
    toolBar->addAction(m_d->measureLineAction);
    toolBar->addAction(m_d->measureAreaAction);
    toolBar->addAction(m_d->attributeTableAction);
}

void MainWindow::reportError(const QString& headline, const QString& detail) {
    statusBar()->showMessage(headline, 10000);
    if (m_d->errorSink) {
        m_d->errorSink(headline, detail);
        return;
    }
    QMessageBox box(QMessageBox::Warning, tr("Tanhui"), headline, QMessageBox::Ok, this);
    box.setInformativeText(detail);
    box.exec();
}

template<typename Load>
bool MainWindow::guardedLoad(const QString& path, Load&& load) {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    statusBar()->showMessage(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    QString headline;
    QString detail;
    try {
        load();
    } catch (const tanhui::gis::GisError& error) {
        headline = tanhui::app::errorHeadline(error);
        detail = tanhui::app::errorDetail(error);
    } catch (const std::exception& error) {
        headline = tr("Unexpected error while loading %1").arg(QFileInfo(path).fileName());
        detail = tanhui::app::errorDetail(error);
    }
    QApplication::restoreOverrideCursor();
    if (headline.isEmpty())
        return true;
    reportError(headline, detail);
    return false;
}

template<typename Load>
bool MainWindow::loadAndAppend(const QString& path,
                               Load&& load,
                               const tanhui::gis::VectorOpenOptions& options) {
    LayerEntry entry;
    if (!guardedLoad(path, [&] {
            entry = load();
            attachMapLayer(entry, nullptr, options);
        }))
        return false;
    appendEntry(std::move(entry), true);
    syncMap();
    return true;
}

void MainWindow::appendEntry(LayerEntry&& entry, bool visible) {
    const bool raster = entry.kind == LayerEntry::Kind::Raster;
    auto* item = new LayerItem(raster ? m_d->rasterIcon : m_d->vectorIcon, entry.displayName);
    item->setToolTip(entry.notOnMap.isEmpty() ? entry.path : entry.path + QLatin1Char('\n') + entry.notOnMap);
    m_d->layers.push_back(std::make_unique<LayerEntry>(std::move(entry)));
    item->setData(Qt::UserRole, QVariant::fromValue(quintptr(m_d->layers.back().get())));
    m_d->syncing = true;
    item->setCheckState(visible && m_d->layers.back()->notOnMap.isEmpty() ? Qt::Checked : Qt::Unchecked);
    if (!m_d->layers.back()->notOnMap.isEmpty())
        item->setForeground(QColor(140, 140, 140));
    m_d->layerList->insertItem(0, item); // new layers go on top, as in QGIS
    m_d->syncing = false;
    m_d->layerList->setCurrentRow(0);
    statusBar()->showMessage(tr("Loaded %1").arg(item->text()), 5000);
    if (m_d->layers.back()->map.raster && !m_d->overviewOfferQueued) {
        // Once the whole batch (e.g. a project's layers) is in: one question for every large raster.
        m_d->overviewOfferQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_d->overviewOfferQueued = false;
            offerOverviews();
        });
    }
}

bool MainWindow::openFile(const QString& path) {
    if (LayerLoader::isProjectFile(path))
        return openProject(path);
    return loadAndAppend(path, [&path] { return LayerLoader::loadAny(path); }, {});
}

bool MainWindow::openProject(const QString& path) {
    // Another project replaces the open one (after asking about its unsaved changes); layers added by
    // hand to an empty window stay and join the project (Save makes them project layers).
    if (m_d->project && !maybeSave())
        return false;
    // An autosave newer than the file holds changes a crash lost: offer them.
    const QString file = QFileInfo(path).absoluteFilePath();
    QString source = file;
    const QFileInfo autosave(autosavePathFor(file));
    if (autosave.exists() && QFileInfo::exists(file) &&
        autosave.lastModified() > QFileInfo(file).lastModified()) {
        bool recover = false;
        if (m_d->recoverQuestion) {
            recover = m_d->recoverQuestion(file, autosave.filePath());
        } else {
            recover = QMessageBox::question(
                        this,
                        tr("Recover Unsaved Changes"),
                        tr("%1 has unsaved changes from %2 (autosave). Recover them?\n\nNo discards them.")
                          .arg(QFileInfo(file).fileName(), QLocale().toString(autosave.lastModified())),
                        QMessageBox::Yes | QMessageBox::No,
                        QMessageBox::Yes) == QMessageBox::Yes;
        }
        if (recover)
            source = autosave.filePath();
        else
            QFile::remove(autosave.filePath());
    }
    LayerLoader::ProjectLayers project;
    if (source != file && !guardedLoad(autosave.filePath(), [&] { tanhui::models::Project::load(source); }))
        source = file; // an unreadable autosave (reported): the file as saved
    if (!guardedLoad(path, [&] {
            project = LayerLoader::loadProject(source);
            if (source != file) { // recovered: the file's project with the autosave's layers
                tanhui::models::Project real = tanhui::models::Project::load(file);
                real.layers = project.project.layers;
                project.project = std::move(real);
            }
            if (m_d->project)
                clearLayers();
            m_d->project = project.project;
            rememberProject(QFileInfo(path).absoluteFilePath());
            const tanhui::gis::Crs crs = tanhui::gis::Crs::fromUserInput(
              project.project.crs.isEmpty() ? "EPSG:4547" : project.project.crs.toStdString());
            m_d->canvas->setCrs(crs);
            updateCrsLabel();
            for (LayerEntry& entry : project.layers) {
                const tanhui::models::ProjectLayer* layer = m_d->project->layer(entry.projectId);
                tanhui::gis::VectorOpenOptions options;
                if (layer)
                    options.encodingOverride = layer->encoding.toStdString();
                attachMapLayer(entry, layer, options);
            }
        }))
        return false;
    // Shown at first: the parcel and district layers, and the earliest land cover (the time slider
    // steps it through the dates); the other rasters are listed, unticked.
    int firstLandCover = 0;
    for (const LayerEntry& entry : project.layers)
        if (entry.role == QLatin1String("landcover") && entry.year > 0 &&
            (firstLandCover == 0 || entry.year < firstLandCover))
            firstLandCover = entry.year;
    for (LayerEntry& entry : project.layers) {
        const bool visible = entry.kind == LayerEntry::Kind::Vector ||
                             (entry.role == QLatin1String("landcover") && entry.year == firstLandCover);
        if (entry.kind == LayerEntry::Kind::Vector && entry.role != QLatin1String("districts"))
            entry.map.vectorStyle.opacity = 0.75;
        appendEntry(std::move(entry), visible);
    }
    m_d->years.clear(); // from the first date
    updateDates();
    syncMap();
    m_d->canvas->zoomFull();
    // The saved workspace (issue 12): layer order, visibility, styles, view, date, current layer.
    m_d->notLoaded.clear();
    for (const tanhui::models::ProjectLayer& l : m_d->project->layers)
        m_d->notLoaded.insert(l.id);
    for (const auto& e : m_d->layers)
        m_d->notLoaded.remove(e->projectId);
    QStringList workspaceProblems;
    try {
        m_d->savedWorkspace = readProjectRoot(file).value(QLatin1String("workspace")).toObject();
        workspaceProblems = restoreWorkspace(readProjectRoot(source).value(QLatin1String("workspace")));
    } catch (const tanhui::gis::GisError& error) {
        workspaceProblems << tanhui::app::errorDetail(error);
    }
    if (const QStringList missing = m_d->resultsDock->setProject(*m_d->project); !missing.isEmpty())
        workspaceProblems << missing;
    m_d->projectFile = file;
    m_d->forcedModified = source != file || std::any_of(m_d->layers.begin(),
                                                        m_d->layers.end(),
                                                        [](const auto& e) { return e->projectId.isEmpty(); });
    m_d->savedKey = workspaceChangeKey(workspaceJson());
    m_d->relocateAction->setEnabled(!missingLayers().isEmpty());
    updateModified();
    if (source != file)
        statusBar()->showMessage(tr("Recovered the unsaved changes of %1").arg(QFileInfo(file).fileName()),
                                 10000);
    if (!workspaceProblems.isEmpty())
        reportError(tr("The workspace saved in %1 was not restored entirely; defaults are used where it is "
                       "wrong.")
                      .arg(QFileInfo(path).fileName()),
                    workspaceProblems.join(QLatin1Char('\n')));
    if (project.problems.isEmpty())
        return workspaceProblems.isEmpty();
    QString detail = project.problems.join(QLatin1Char('\n'));
    if (m_d->relocateAction->isEnabled())
        detail += QStringLiteral("\n\n") + tr("File ▸ Relocate Missing Layers… finds the missing files.");
    reportError(tr("The project %1 has %n problem(s); the other layers were loaded.",
                   nullptr,
                   int(project.problems.size()))
                  .arg(QFileInfo(path).fileName()),
                detail);
    return false;
}

bool MainWindow::addRaster(const QString& path) {
    return loadAndAppend(path, [&path] { return LayerLoader::loadRaster(path); }, {});
}

bool MainWindow::addVector(const QString& path, const tanhui::gis::VectorOpenOptions& options) {
    return loadAndAppend(
      path, [&path, &options] { return LayerLoader::loadVector(path, options); }, options);
}

QString MainWindow::lastDirectory() const {
    return QSettings().value(QLatin1String(kLastDirectoryKey)).toString();
}

void MainWindow::rememberDirectory(const QString& file) {
    QSettings().setValue(QLatin1String(kLastDirectoryKey), QFileInfo(file).absolutePath());
}

void MainWindow::openProjectInteractively() {
    const QString file = QFileDialog::getOpenFileName(
      this, tr("Open Project"), lastDirectory(), tr("Tanhui projects (*.tanhui.json);;JSON files (*.json)"));
    if (file.isEmpty())
        return;
    rememberDirectory(file);
    openProject(file);
}

void MainWindow::addRasterInteractively() {
    const QStringList files =
      QFileDialog::getOpenFileNames(this,
                                    tr("Add Raster"),
                                    lastDirectory(),
                                    tr("Raster datasets (*.tif *.tiff *.img *.nc *.vrt *.asc *.jp2 *.hdf "
                                       "*.h5 *.grd *.bil *.dem);;All files (*)"));
    for (const QString& file : files) {
        rememberDirectory(file);
        addRaster(file);
    }
}

void MainWindow::addVectorInteractively() {
    const QString file = QFileDialog::getOpenFileName(
      this,
      tr("Add Vector Layer"),
      lastDirectory(),
      tr("Vector data (*.shp *.gpkg *.geojson *.json *.kml *.kmz *.gml *.sqlite *.tab *.mif *.csv);;"
         "All files (*)"));
    if (file.isEmpty())
        return;
    rememberDirectory(file);

    tanhui::gis::VectorOpenOptions options;
    if (LayerLoader::isShapefile(file)) {
        const QStringList encodings{ tr("Automatic (.cpg file or detection)"),
                                     QStringLiteral("UTF-8"),
                                     QStringLiteral("GBK") };
        bool ok = false;
        const QString choice = QInputDialog::getItem(this,
                                                     tr("Attribute Encoding"),
                                                     tr("Text encoding of the shapefile's attributes:"),
                                                     encodings,
                                                     0,
                                                     false,
                                                     &ok);
        if (!ok)
            return;
        if (choice != encodings.first())
            options.encodingOverride = choice.toStdString();
    }

    // Multi-layer sources (GeoPackage, FileGDB, KML, ...): let the user pick the layer.
    QStringList layerNames;
    try {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const tanhui::gis::VectorLayer probe(file.toStdString(), options);
        layerNames = probe.info().allLayerNames;
        QApplication::restoreOverrideCursor();
    } catch (const tanhui::gis::GisError& error) {
        QApplication::restoreOverrideCursor();
        reportError(tanhui::app::errorHeadline(error), tanhui::app::errorDetail(error));
        return;
    } catch (const std::exception& error) {
        QApplication::restoreOverrideCursor();
        reportError(tr("Unexpected error while loading %1").arg(QFileInfo(file).fileName()),
                    tanhui::app::errorDetail(error));
        return;
    }
    if (layerNames.size() > 1) {
        bool ok = false;
        const QString layer =
          QInputDialog::getItem(this,
                                tr("Choose Layer"),
                                tr("%1 contains %n layers. Layer to add:", nullptr, int(layerNames.size()))
                                  .arg(QFileInfo(file).fileName()),
                                layerNames,
                                0,
                                false,
                                &ok);
        if (!ok)
            return;
        options.layerName = layer;
    }
    addVector(file, options);
}

void MainWindow::removeCurrentLayer() {
    const int row = m_d->layerList->currentRow();
    LayerEntry* entry = entryAt(row);
    if (!entry)
        return;
    // Detach the panel and the attribute table first: they refer to the entry being removed.
    m_d->panel->showEntry(nullptr);
    m_d->styleDock->setLayer(nullptr, nullptr);
    if (m_d->tableEntry == entry) {
        m_d->tableEntry = nullptr;
        m_d->attributeTable->setLayer(nullptr, QString());
        m_d->attributeDock->hide();
    }
    m_d->syncing = true;
    delete m_d->layerList->takeItem(row);
    m_d->syncing = false;
    m_d->layers.erase(std::find_if(
      m_d->layers.begin(), m_d->layers.end(), [entry](const auto& e) { return e.get() == entry; }));
    syncMap();
    showCurrentLayer();
}

void MainWindow::showCurrentLayer() {
    LayerEntry* entry = entryAt(m_d->layerList->currentRow());
    m_d->removeAction->setEnabled(entry != nullptr);
    m_d->ungroupAction->setEnabled(LayerTree::isGroup(m_d->layerList->currentItem()));
    m_d->zoomLayerAction->setEnabled(entry && (entry->map.raster || entry->map.vector));
    m_d->attributeTableAction->setEnabled(entry && entry->map.vector);
    m_d->fieldMappingAction->setEnabled(entry && entry->map.vector && !entry->projectId.isEmpty() &&
                                        m_d->project && m_d->project->layer(entry->projectId));
    m_d->panel->showEntry(entry);
    m_d->styleDock->setLayer(entry, m_d->project ? &*m_d->project : nullptr);
    // An open attribute table follows the current polygon layer, as QGIS's docked table does not (it
    // keeps its layer); following is what a one-table workspace needs.
    if (m_d->attributeDock && m_d->attributeDock->isVisible() && entry && entry->map.vector &&
        entry != m_d->tableEntry)
        openAttributeTable();
}

bool MainWindow::toLonLat(std::vector<double>& xy) const {
    const tanhui::gis::Crs& crs = m_d->canvas->crs();
    if (!crs.isValid())
        return false;
    if (crs.isGeographic())
        return true;
    try {
        // One transform per CRS, not one per mouse move (PROJ builds its pipeline each time).
        if (!m_d->toLonLat || !m_d->toLonLatCrs.isSame(crs)) {
            m_d->toLonLat = std::make_unique<tanhui::gis::CoordinateTransform>(crs, crs.geographic());
            m_d->toLonLatCrs = crs;
        }
        m_d->toLonLat->transform(xy);
        return true;
    } catch (const tanhui::gis::GisError&) {
        return false; // outside the projection's domain
    }
}

const tanhui::models::ParcelSeries& MainWindow::lastParcelSeries() const {
    return m_d->lastSeries;
}

ChartsDock* MainWindow::chartsDock() const {
    return findChild<ChartsDock*>(QStringLiteral("chartsDock"));
}

ParcelSeriesView* MainWindow::parcelSeriesView() const {
    return m_d->seriesView;
}

bool MainWindow::showParcelSeries(const QString& entryName, std::uint32_t feature) {
    const LayerEntry* entry = nullptr;
    for (const auto& e : m_d->layers)
        if (e->map.vector && (e->projectId == entryName || e->displayName == entryName))
            entry = e.get();
    if (!entry || feature >= entry->map.vector->size())
        return false;
    std::vector<tanhui::models::SeriesInput> inputs;
    if (m_d->project) {
        inputs = tanhui::models::projectSeriesInputs(*m_d->project);
    } else { // layers added by hand and made a series (Make Time Series)
        for (const auto& e : m_d->layers) {
            const bool ndvi = e->role == QLatin1String("ndvi"),
                       landCover = e->role == QLatin1String("landcover");
            if (e->kind != LayerEntry::Kind::Raster || e->year <= 0 || (!ndvi && !landCover))
                continue;
            tanhui::models::SeriesInput in;
            in.id = e->displayName;
            in.path = e->path;
            in.year = e->year;
            in.kind = ndvi ? tanhui::models::SeriesInput::Kind::Continuous
                           : tanhui::models::SeriesInput::Kind::Classes;
            in.units = ndvi ? QStringLiteral("NDVI") : QStringLiteral("class");
            inputs.push_back(std::move(in));
        }
        std::stable_sort(
          inputs.begin(), inputs.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
    }
    if (inputs.empty()) {
        m_d->seriesView->clear(tr("The project has no dated NDVI or land-cover rasters to chart."));
        return false;
    }
    const tanhui::render::VectorSource& source = *entry->map.vector;
    const tanhui::gis::MultiPolygon geometry = source.geometry(feature);
    QString title = tr("Feature %1 of %2").arg(source.fid(feature)).arg(entry->displayName);
    if (const auto* layer = m_d->project ? m_d->project->layer(entry->projectId) : nullptr;
        layer && !layer->idField.isEmpty()) {
        const int field = source.fieldIndex(layer->idField);
        if (field >= 0)
            title = tr("%1 %2 (%3)")
                      .arg(layer->idField, source.attribute(feature, field).toString(), entry->displayName);
    }
    try {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        m_d->lastSeries = tanhui::models::parcelSeries(geometry, m_d->canvas->crs(), inputs);
        QApplication::restoreOverrideCursor();
    } catch (const tanhui::gis::GisError& e) {
        QApplication::restoreOverrideCursor();
        m_d->seriesView->clear(tr("The series cannot be computed: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    std::vector<tanhui::render::RasterClass> classes;
    for (const auto& e : m_d->layers)
        if (e->role == QLatin1String("landcover") && e->map.raster && !e->map.rasterStyle.classes.empty()) {
            classes = e->map.rasterStyle.classes;
            break;
        }
    m_d->seriesView->showSeries(title, m_d->lastSeries, classes);
    // The Result Charts dock's Parcel tab: the parcel's carbon trajectory (when the shown carbon run has
    // it) beside the same NDVI series.
    if (ChartsDock* charts = chartsDock()) {
        if (!entry->projectId.isEmpty())
            charts->showParcel(entry->projectId, source.fid(feature));
        charts->showParcelSeries(title, m_d->lastSeries, classes);
    }
    return true;
}

double MainWindow::measureLengthM(const std::vector<double>& xy) const {
    const tanhui::gis::Crs& crs = m_d->canvas->crs();
    std::vector<double> ll = xy;
    if (!toLonLat(ll))
        return std::numeric_limits<double>::quiet_NaN();
    return tanhui::gis::geodesicLengthM(ll, crs.semiMajorMetres(), crs.flattening());
}

double MainWindow::measureAreaM2(const std::vector<double>& xy) const {
    const tanhui::gis::Crs& crs = m_d->canvas->crs();
    std::vector<double> ll = xy;
    if (xy.size() < 6 || !toLonLat(ll))
        return std::numeric_limits<double>::quiet_NaN();
    ll.push_back(ll[0]);
    ll.push_back(ll[1]);
    tanhui::gis::MultiPolygon polygon;
    polygon.parts.resize(1);
    polygon.parts[0].rings.resize(1);
    polygon.parts[0].rings[0].xy = std::move(ll);
    return tanhui::gis::ellipsoidalAreaM2(polygon, crs.semiMajorMetres(), crs.flattening());
}

QString MainWindow::measureText() const {
    return m_d->measureText;
}

void MainWindow::updateMeasure() {
    const std::vector<double> xy = m_d->canvas->measurePoints();
    const QLocale locale;
    auto length = [&](double m) {
        return m >= 10000 ? tr("%1 km").arg(locale.toString(m / 1000, 'f', 3))
                          : tr("%1 m").arg(locale.toString(m, 'f', 2));
    };
    QString text;
    const bool area = m_d->canvas->tool() == MapCanvas::Tool::MeasureArea;
    if (xy.size() >= 4) {
        const tanhui::gis::Crs& crs = m_d->canvas->crs();
        const QString ellipsoid = QString::fromStdString(crs.geographic().name());
        if (area && xy.size() >= 6) {
            const double m2 = measureAreaM2(xy);
            std::vector<double> ring = xy;
            ring.push_back(xy[0]);
            ring.push_back(xy[1]);
            const double perimeter = measureLengthM(ring);
            text = std::isnan(m2) ? tr("Cannot measure here: the points cannot be placed on the ellipsoid")
                                  : tr("Area %1 ha (%2 m²)\nPerimeter %3\nEllipsoidal, %4")
                                      .arg(locale.toString(m2 / 10000, 'f', 4),
                                           locale.toString(m2, 'f', 1),
                                           length(perimeter),
                                           ellipsoid);
        } else if (!area) {
            const double m = measureLengthM(xy);
            std::vector<double> last(xy.end() - 4, xy.end());
            text = std::isnan(m) ? tr("Cannot measure here: the points cannot be placed on the ellipsoid")
                                 : tr("Length %1 (last segment %2)\nEllipsoidal, %3")
                                     .arg(length(m), length(measureLengthM(last)), ellipsoid);
        }
    }
    m_d->measureText = text;
    m_d->canvas->setMeasureText(text);
    if (!text.isEmpty())
        statusBar()->showMessage(QString(text).replace(QLatin1Char('\n'), QStringLiteral("; ")), 10000);
}

void MainWindow::rememberProject(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("gui/recentProjects")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 10)
        recent.removeLast();
    settings.setValue(QStringLiteral("gui/recentProjects"), recent);
    updateRecentMenu();
}

QStringList MainWindow::recentProjects() const {
    return QSettings().value(QStringLiteral("gui/recentProjects")).toStringList();
}

void MainWindow::updateRecentMenu() {
    if (!m_d->recentMenu)
        return;
    m_d->recentMenu->clear();
    const QStringList recent = recentProjects();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction* a =
          m_d->recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path)),
                                     this,
                                     [this, path] { openProject(path); });
        a->setEnabled(QFileInfo::exists(path));
        if (!a->isEnabled())
            a->setToolTip(tr("The file no longer exists"));
    }
    m_d->recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::setPlaying(bool playing, int intervalMs) {
    if (playing && m_d->years.size() < 2)
        playing = false;
    if (playing) {
        if (m_d->timeSlider->value() >= m_d->timeSlider->maximum())
            m_d->timeSlider->setValue(0); // from the first date again
        m_d->playTimer->start(intervalMs);
    } else {
        m_d->playTimer->stop();
    }
    const QSignalBlocker block(m_d->playAction);
    m_d->playAction->setChecked(playing);
    m_d->playAction->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_d->playAction->setText(playing ? tr("Pause") : tr("Play"));
}

bool MainWindow::isPlaying() const {
    return m_d->playTimer->isActive();
}

bool MainWindow::setLayerOpacity(const QString& layer, double opacity) {
    opacity = std::clamp(opacity, 0.0, 1.0);
    for (const auto& e : m_d->layers) {
        if (e->projectId != layer && e->displayName != layer)
            continue;
        e->map.rasterStyle.opacity = opacity;
        e->map.vectorStyle.opacity = opacity;
        m_d->styleDock->reload(e.get());
        syncMap();
        return true;
    }
    return false;
}

void MainWindow::setOverviewQuestion(OverviewQuestion question) {
    m_d->overviewQuestion = std::move(question);
}

int MainWindow::offerOverviews() {
    if (isBuildingOverviews())
        return 0;
    QStringList files;
    for (const auto& e : m_d->layers)
        if (e->map.raster && OverviewJob::needsOverviews(e->map.raster->info()) &&
            !m_d->overviewsOffered.contains(e->path) && !files.contains(e->path))
            files << e->path;
    if (files.isEmpty())
        return 0;
    for (const QString& f : files)
        m_d->overviewsOffered.insert(f);
    const bool build =
      m_d->overviewQuestion
        ? m_d->overviewQuestion(files)
        : QMessageBox::question(this,
                                tr("Build Overviews"),
                                tr("%n large raster(s) have no overviews, so every full view reads all their "
                                   "cells:\n\n%1\n\nBuild overviews now (a .ovr file beside each raster; the "
                                   "rasters themselves are not changed)?",
                                   nullptr,
                                   int(files.size()))
                                  .arg(files.join(QLatin1Char('\n'))),
                                QMessageBox::Yes | QMessageBox::No,
                                QMessageBox::Yes) == QMessageBox::Yes;
    if (!build)
        return 0;
    if (!m_d->overviewJob) {
        m_d->overviewJob = new OverviewJob(this);
        connect(m_d->overviewJob, &OverviewJob::progress, this, [this](int percent, const QString& file) {
            if (m_d->overviewProgress) {
                m_d->overviewProgress->setLabelText(
                  tr("Building overviews of %1…").arg(QFileInfo(file).fileName()));
                m_d->overviewProgress->setValue(percent);
            }
        });
        connect(m_d->overviewJob, &OverviewJob::finished, this, &MainWindow::overviewsBuilt);
    }
    m_d->overviewProgress = new QProgressDialog(tr("Building overviews…"), tr("Cancel"), 0, 100, this);
    m_d->overviewProgress->setObjectName(QStringLiteral("overviewProgress"));
    m_d->overviewProgress->setWindowTitle(tr("Build Overviews"));
    m_d->overviewProgress->setAutoClose(false);
    m_d->overviewProgress->setAutoReset(false);
    m_d->overviewProgress->setMinimumDuration(0);
    m_d->overviewProgress->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_d->overviewProgress, &QProgressDialog::canceled, this, &MainWindow::cancelOverviews);
    m_d->overviewProgress->show();
    m_d->overviewJob->start(files);
    return int(files.size());
}

bool MainWindow::isBuildingOverviews() const {
    return m_d->overviewJob && m_d->overviewJob->isRunning();
}

void MainWindow::cancelOverviews() {
    if (m_d->overviewJob)
        m_d->overviewJob->cancel();
}

void MainWindow::overviewsBuilt(const QStringList& built, const QString& error, bool cancelled) {
    if (m_d->overviewProgress) {
        m_d->overviewProgress->close();
        m_d->overviewProgress = nullptr;
    }
    for (const auto& e : m_d->layers) {
        if (!e->map.raster || !built.contains(e->path))
            continue;
        try {
            auto source = tanhui::render::RasterSource::open(e->path.toStdString());
            e->raster = source->info();
            e->map.raster = std::move(source); // the style stays
        } catch (const tanhui::gis::GisError& failure) {
            reportError(tr("Cannot reopen %1").arg(e->path), tanhui::app::errorDetail(failure));
        }
    }
    syncMap();
    showCurrentLayer();
    if (!error.isEmpty())
        reportError(tr("The overviews were not built"), error);
    else if (cancelled)
        statusBar()->showMessage(tr("Building overviews cancelled; no overview file was left"), 8000);
    else
        statusBar()->showMessage(tr("Built the overviews of %n raster(s)", nullptr, int(built.size())), 8000);
}

int MainWindow::rowOf(const QString& layer) const {
    for (int row = 0; row < m_d->layerList->count(); ++row)
        if (const LayerEntry* e = entryAt(row); e && (e->projectId == layer || e->displayName == layer))
            return row;
    return -1;
}

LayerTree* MainWindow::layerTree() const {
    return m_d->layerList;
}

QString MainWindow::addLayerGroup(const QString& name, const QStringList& layers) {
    if (!name.trimmed().isEmpty() && m_d->layerList->group(name.trimmed()))
        return QString();
    std::vector<int> rows;
    for (const QString& layer : layers)
        if (const int row = rowOf(layer); row >= 0)
            rows.push_back(row);
    return m_d->layerList->addGroup(name, rows)->text(0);
}

bool MainWindow::removeLayerGroup(const QString& name) {
    QTreeWidgetItem* group = m_d->layerList->group(name);
    m_d->layerList->ungroup(group);
    return group != nullptr;
}

QStringList MainWindow::layerGroups() const {
    return m_d->layerList->groupNames();
}

QString MainWindow::layerGroupOf(const QString& layer) const {
    return m_d->layerList->groupOf(rowOf(layer));
}

bool MainWindow::moveLayerToGroup(const QString& layer, const QString& group) {
    const int row = rowOf(layer);
    if (row < 0 || (!group.isEmpty() && !m_d->layerList->group(group)))
        return false;
    m_d->layerList->moveToGroup(row, group);
    return true;
}

bool MainWindow::setLayerGroupVisible(const QString& name, bool visible) {
    QTreeWidgetItem* group = m_d->layerList->group(name);
    if (!group)
        return false;
    group->setCheckState(0, visible ? Qt::Checked : Qt::Unchecked); // the tree tells the map
    return true;
}

void MainWindow::changeOpacityInteractively() {
    LayerEntry* e = entryAt(m_d->layerList->currentRow());
    if (!e || (!e->map.raster && !e->map.vector))
        return;
    const double current = e->map.raster ? e->map.rasterStyle.opacity : e->map.vectorStyle.opacity;
    bool ok = false;
    const int percent = QInputDialog::getInt(this,
                                             tr("Layer Opacity"),
                                             tr("Opacity of %1 (%):").arg(e->displayName),
                                             int(std::lround(current * 100)),
                                             0,
                                             100,
                                             5,
                                             &ok);
    if (ok)
        setLayerOpacity(e->projectId.isEmpty() ? e->displayName : e->projectId, percent / 100.0);
}

bool MainWindow::setMapCrs(const QString& definition) {
    tanhui::gis::Crs crs;
    try {
        crs = tanhui::gis::Crs::fromUserInput(definition.trimmed().toStdString());
    } catch (const tanhui::gis::GisError& e) {
        reportError(tr("Unknown coordinate reference system \"%1\"").arg(definition),
                    QString::fromUtf8(e.what()));
        return false;
    }
    if (!crs.isValid()) {
        reportError(tr("Unknown coordinate reference system \"%1\"").arg(definition),
                    tr("Give an EPSG code such as EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E)."));
        return false;
    }
    // Keep the view: its centre and width carried into the new CRS.
    const tanhui::gis::Crs old = m_d->canvas->crs();
    const tanhui::gis::Box view = m_d->canvas->extent();
    tanhui::gis::Box next{};
    if (old.isValid() && !view.isEmpty()) {
        try {
            std::vector<double> xy{ view.xmin, view.ymin, view.xmax, view.ymax };
            tanhui::gis::CoordinateTransform(old, crs).transform(xy);
            next = {
                std::min(xy[0], xy[2]), std::min(xy[1], xy[3]), std::max(xy[0], xy[2]), std::max(xy[1], xy[3])
            };
        } catch (const tanhui::gis::GisError&) {
            next = {};
        }
    }
    m_d->canvas->setCrs(crs);
    // Polygon layers hold their rings in the map CRS: re-read them (selections are kept: same features).
    for (const auto& e : m_d->layers) {
        if (e->kind != LayerEntry::Kind::Vector)
            continue;
        const tanhui::models::ProjectLayer* layer =
          m_d->project ? m_d->project->layer(e->projectId) : nullptr;
        tanhui::gis::VectorOpenOptions options;
        if (layer)
            options.encodingOverride = layer->encoding.toStdString();
        const auto selection = e->map.selection;
        const auto style = e->map.vectorStyle;
        attachMapLayer(*e, layer, options);
        e->map.vectorStyle = style;
        e->map.selection = selection;
        if (m_d->tableEntry == e.get())
            m_d->attributeTable->setLayer(e->map.vector, e->displayName);
    }
    updateCrsLabel();
    syncMap();
    if (!next.isEmpty())
        m_d->canvas->setExtent(next);
    else
        m_d->canvas->zoomFull();
    return true;
}

void MainWindow::changeCrsInteractively() {
    bool ok = false;
    const tanhui::gis::Crs& crs = m_d->canvas->crs();
    const QString text = QInputDialog::getText(
      this,
      tr("Map CRS"),
      tr("Coordinate reference system of the map (e.g. EPSG:4547, EPSG:4490, EPSG:32649):"),
      QLineEdit::Normal,
      QString::fromStdString(crs.isValid() ? crs.authorityId() : std::string()),
      &ok);
    if (ok && !text.trimmed().isEmpty())
        setMapCrs(text);
}

void MainWindow::showPreferences() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Preferences"));
    auto* form = new QFormLayout(&dialog);
    auto* language = new QComboBox(&dialog);
    language->setObjectName(QStringLiteral("languageCombo"));
    language->addItem(tr("System language"), QStringLiteral("system"));
    language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    QSettings settings;
    const int index =
      language->findData(settings.value(QStringLiteral("ui/language"), QStringLiteral("system")));
    language->setCurrentIndex(std::max(0, index));
    form->addRow(tr("Interface language:"), language);
    form->addRow(new QLabel(tr("The new language applies when Tanhui is started again."), &dialog));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted)
        settings.setValue(QStringLiteral("ui/language"), language->currentData().toString());
}

bool MainWindow::setCurrentLayer(const QString& projectId) {
    for (int row = 0; row < m_d->layerList->count(); ++row) {
        if (const LayerEntry* e = entryAt(row); e && e->projectId == projectId) {
            m_d->layerList->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

AttributeTable* MainWindow::attributeTable() {
    if (!m_d->attributeTable) {
        m_d->attributeTable = new AttributeTable(this);
        m_d->attributeDock = new QDockWidget(tr("Attribute Table"), this);
        m_d->attributeDock->setObjectName(QStringLiteral("attributeDock"));
        m_d->attributeDock->setWidget(m_d->attributeTable);
        addDockWidget(Qt::BottomDockWidgetArea, m_d->attributeDock);
        resizeDocks({ m_d->attributeDock }, { 260 }, Qt::Vertical);
        connect(m_d->attributeTable,
                &AttributeTable::selectionChanged,
                this,
                [this](const std::vector<std::uint32_t>& features) {
                    if (m_d->tableEntry)
                        applySelection(*m_d->tableEntry, features);
                });
        connect(
          m_d->attributeTable, &AttributeTable::zoomToSelectionRequested, this, &MainWindow::zoomToSelection);
    }
    return m_d->attributeTable;
}

void MainWindow::openAttributeTable() {
    LayerEntry* entry = currentVectorEntry(true);
    if (!entry)
        return;
    AttributeTable* table = attributeTable();
    m_d->tableEntry = entry;
    table->setLayer(entry->map.vector, entry->displayName);
    table->setSelection(entry->map.selection);
    m_d->attributeDock->setWindowTitle(tr("Attribute Table — %1").arg(entry->displayName));
    m_d->attributeDock->show();
    m_d->attributeDock->raise();
}

LayerEntry* MainWindow::currentVectorEntry(bool hint) {
    LayerEntry* entry = entryAt(m_d->layerList->currentRow());
    if (entry && entry->map.vector)
        return entry;
    if (hint)
        statusBar()->showMessage(tr("Choose a polygon layer in the Layers panel first"), 8000);
    return nullptr;
}

std::vector<std::uint32_t> MainWindow::combineSelection(const std::vector<std::uint32_t>& current,
                                                        std::vector<std::uint32_t> hits,
                                                        SelectionMode mode) const {
    std::sort(hits.begin(), hits.end());
    hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
    std::vector<std::uint32_t> out;
    switch (mode) {
        case SelectionMode::Replace:
            return hits;
        case SelectionMode::Add:
            std::set_union(current.begin(), current.end(), hits.begin(), hits.end(), std::back_inserter(out));
            break;
        case SelectionMode::Toggle:
            std::set_symmetric_difference(
              current.begin(), current.end(), hits.begin(), hits.end(), std::back_inserter(out));
            break;
    }
    return out;
}

void MainWindow::applySelection(LayerEntry& entry, std::vector<std::uint32_t> features) {
    entry.map.selection = std::move(features);
    syncMap();
    if (entry.map.vector) // the Results dock shows the parcels selected on the map
        for (const auto& [layer, fids] :
             parcelsOfFeatures(*entry.map.vector, entry.projectId, entry.map.selection))
            m_d->resultsDock->selectParcels(layer, fids);
    if (m_d->attributeTable && m_d->tableEntry == &entry &&
        m_d->attributeTable->selection() != entry.map.selection)
        m_d->attributeTable->setSelection(entry.map.selection);
    m_d->zoomSelectionAction->setEnabled(!entry.map.selection.empty());
    statusBar()->showMessage(
      tr("%n feature(s) selected on %1", nullptr, int(entry.map.selection.size())).arg(entry.displayName),
      8000);
}

int MainWindow::selectFeaturesIn(const tanhui::gis::Box& box, SelectionMode mode) {
    LayerEntry* entry = currentVectorEntry(true);
    if (!entry)
        return -1;
    applySelection(
      *entry, combineSelection(entry->map.selection, entry->map.vector->featuresIntersecting(box), mode));
    return int(entry->map.selection.size());
}

int MainWindow::selectFeatureAt(double x, double y, SelectionMode mode) {
    LayerEntry* entry = currentVectorEntry(true);
    if (!entry)
        return -1;
    std::vector<std::uint32_t> hits = entry->map.vector->featuresAt(x, y);
    if (hits.size() > 1)
        hits.erase(hits.begin() + 1, hits.end()); // the topmost feature only, as a click in QGIS
    applySelection(*entry, combineSelection(entry->map.selection, std::move(hits), mode));
    return int(entry->map.selection.size());
}

std::vector<std::uint32_t> MainWindow::selectedFeatures(const QString& layer) const {
    if (layer.isEmpty()) {
        const LayerEntry* e = entryAt(m_d->layerList->currentRow());
        return e ? e->map.selection : std::vector<std::uint32_t>{};
    }
    for (const auto& e : m_d->layers) {
        if (e->projectId == layer || e->displayName == layer)
            return e->map.selection;
    }
    return {};
}

void MainWindow::zoomToSelection() {
    const LayerEntry* entry = m_d->tableEntry && m_d->attributeDock && m_d->attributeDock->isVisible()
                                ? m_d->tableEntry
                                : entryAt(m_d->layerList->currentRow());
    if (!entry || !entry->map.vector || entry->map.selection.empty())
        return;
    tanhui::gis::Box box = entry->map.vector->bounds(entry->map.selection.front());
    for (std::uint32_t f : entry->map.selection) {
        const tanhui::gis::Box& b = entry->map.vector->bounds(f);
        box = { std::min(box.xmin, b.xmin),
                std::min(box.ymin, b.ymin),
                std::max(box.xmax, b.xmax),
                std::max(box.ymax, b.ymax) };
    }
    // A margin of 10 %, and at least 100 map units (a single small parcel stays readable).
    const double mx = std::max(box.width() * 0.1, 50.0), my = std::max(box.height() * 0.1, 50.0);
    m_d->canvas->setExtent({ box.xmin - mx, box.ymin - my, box.xmax + mx, box.ymax + my });
}

void MainWindow::clearSelection() {
    for (const auto& e : m_d->layers) {
        if (!e->map.selection.empty())
            applySelection(*e, {});
    }
}

void MainWindow::showAbout() {
    QMessageBox::about(
      this,
      tr("About Tanhui"),
      QStringLiteral("<h3>Tanhui 碳汇 %1</h3><p>%2</p><p>%3</p><p style=\"color:#5f6f5f\">%4</p>")
        .arg(QStringLiteral(TANHUI_VERSION),
             tr("Desktop GIS for forest carbon sinks and gross ecosystem product (GEP) valuation.")
               .toHtmlEscaped(),
             tr("Built with Qt %1 (running on Qt %2) and GDAL %3.")
               .arg(QStringLiteral(QT_VERSION_STR),
                    QString::fromLatin1(qVersion()),
                    QString::fromStdString(tanhui::gis::gdalVersion()))
               .toHtmlEscaped(),
             tr("Licensed under the GNU General Public License, version 3 or later.").toHtmlEscaped()));
}

void MainWindow::showStyleDock() {
    m_d->styleDock->setLayer(entryAt(m_d->layerList->currentRow()), m_d->project ? &*m_d->project : nullptr);
    m_d->styleDock->show();
    m_d->styleDock->raise();
}

StyleDock* MainWindow::styleDock() const {
    return m_d->styleDock;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    event->acceptProposedAction();
    for (const QUrl& url : urls) {
        if (url.isLocalFile())
            openFile(url.toLocalFile());
    }
}

ReportDialog* MainWindow::showReportDialog() {
    auto* dialog = new ReportDialog(m_d->project ? m_d->project->fileName() : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        statusBar()->showMessage(tr("Report written: %1").arg(dialog->outEdit()->text()), 8000);
    });
    dialog->open();
    return dialog;
}

// ---- Project persistence (issue 12): the workspace section, save, autosave, recovery, relocation ----

void MainWindow::setCloseQuestion(CloseQuestion question) {
    m_d->closeQuestion = std::move(question);
}

void MainWindow::setJobsQuestion(JobsQuestion question) {
    m_d->jobsQuestion = std::move(question);
}

void MainWindow::setRecoverQuestion(RecoverQuestion question) {
    m_d->recoverQuestion = std::move(question);
}

QString MainWindow::projectFile() const {
    return m_d->projectFile;
}

QString MainWindow::autosaveFile() const {
    return m_d->projectFile.isEmpty() ? QString() : autosavePathFor(m_d->projectFile);
}

void MainWindow::setAutosaveInterval(int milliseconds) {
    if (milliseconds <= 0)
        m_d->autosaveTimer->stop();
    else
        m_d->autosaveTimer->start(std::max(10, milliseconds));
}

WorkspaceState MainWindow::captureWorkspace() const {
    WorkspaceState state;
    QSet<QString> listed;
    for (int row = 0; row < m_d->layerList->count(); ++row) {
        const LayerEntry* e = entryAt(row);
        if (!e)
            continue;
        WorkspaceLayer l;
        // A layer added by hand has no id until Save makes it a project layer.
        l.id = e->projectId.isEmpty() ? QStringLiteral("file:") + e->path : e->projectId;
        l.visible = m_d->layerList->item(row)->checkState() == Qt::Checked; // its own tick
        l.group = m_d->layerList->groupOf(row);
        if (e->map.raster)
            l.raster = e->map.rasterStyle;
        if (e->map.vector)
            l.vector = e->map.vectorStyle;
        listed.insert(e->projectId);
        state.layers.push_back(std::move(l));
    }
    for (const QString& name : m_d->layerList->groupNames()) {
        const QTreeWidgetItem* g = m_d->layerList->group(name);
        state.groups.push_back({ name, g->checkState(0) == Qt::Checked, g->isExpanded() });
    }
    for (const WorkspaceLayer& l : m_d->pending) // missing files: their saved entries stay (at the bottom)
        if (m_d->notLoaded.contains(l.id) && !listed.contains(l.id))
            state.layers.push_back(l);
    if (m_d->project)
        for (const tanhui::models::ProjectLayer& l : m_d->project->layers)
            if (!listed.contains(l.id) && !m_d->notLoaded.contains(l.id))
                state.removed << l.id;
    const tanhui::gis::Crs& crs = m_d->canvas->crs();
    if (crs.isValid())
        state.crs = QString::fromStdString(crs.authorityId().empty() ? crs.wkt() : crs.authorityId());
    state.extent = m_d->canvas->extent();
    state.year = currentYear();
    if (const LayerEntry* e = entryAt(m_d->layerList->currentRow()))
        state.current = e->projectId;
    return state;
}

QJsonObject MainWindow::workspaceJson() const {
    return workspaceToJson(captureWorkspace());
}

QStringList MainWindow::restoreWorkspace(const QJsonValue& section) {
    QStringList problems;
    const WorkspaceState state = workspaceFromJson(section, problems);
    m_d->pending.clear();
    if (section.isUndefined() || section.isNull())
        return problems;
    for (const QString& id : state.removed)
        if (setCurrentLayer(id))
            removeCurrentLayer();
    // Order: the saved layers as saved, below layers the project gained since (new layers go on top).
    std::vector<LayerItem*> saved(state.layers.size(), nullptr), others;
    m_d->syncing = true;
    for (const QString& name : m_d->layerList->groupNames())
        m_d->layerList->ungroup(m_d->layerList->group(name));
    while (m_d->layerList->count() > 0) {
        LayerItem* item = m_d->layerList->takeItem(0);
        const auto* e = reinterpret_cast<const LayerEntry*>(item->data(Qt::UserRole).value<quintptr>());
        const auto it = std::find_if(state.layers.begin(), state.layers.end(), [e](const WorkspaceLayer& l) {
            return l.id == e->projectId;
        });
        if (it != state.layers.end())
            saved[std::size_t(it - state.layers.begin())] = item;
        else
            others.push_back(item);
    }
    for (LayerItem* item : others)
        m_d->layerList->addItem(item);
    for (std::size_t i = 0; i < saved.size(); ++i) {
        const WorkspaceLayer& l = state.layers[i];
        if (!saved[i]) {
            if (m_d->notLoaded.contains(l.id)) // a missing file (reported already): kept for relocation
                m_d->pending.push_back(l);
            else
                problems << tr("workspace.layers[%1]: the project has no layer \"%2\"; it is ignored")
                              .arg(i)
                              .arg(l.id);
            continue;
        }
        m_d->layerList->addItem(saved[i]);
        auto* e = reinterpret_cast<LayerEntry*>(saved[i]->data(Qt::UserRole).value<quintptr>());
        saved[i]->setCheckState(l.visible && e->notOnMap.isEmpty() ? Qt::Checked : Qt::Unchecked);
        if (l.raster && e->map.raster)
            e->map.rasterStyle = *l.raster;
        if (l.vector && e->map.vector)
            e->map.vectorStyle = *l.vector;
        if ((l.raster && !e->map.raster) || (l.vector && !e->map.vector))
            problems << tr("workspace.layers[%1]: layer \"%2\" is not a %3 layer; its style is ignored")
                          .arg(i)
                          .arg(l.id, l.raster ? tr("raster") : tr("polygon"));
    }
    // The groups, each where its top layer is (an empty group on top), ticked and opened as saved.
    for (auto g = state.groups.rbegin(); g != state.groups.rend(); ++g) {
        std::vector<int> rows;
        for (int row = 0; row < m_d->layerList->count(); ++row)
            if (const LayerEntry* e = entryAt(row))
                for (const WorkspaceLayer& l : state.layers)
                    if (l.id == e->projectId && l.group == g->name)
                        rows.push_back(row);
        QTreeWidgetItem* item = m_d->layerList->addGroup(g->name, rows);
        item->setCheckState(0, g->visible ? Qt::Checked : Qt::Unchecked);
        item->setExpanded(g->expanded);
    }
    // The date: the slider moves without re-ticking the layers (their ticks are the saved ones).
    if (state.year > 0) {
        const auto it = std::find(m_d->years.begin(), m_d->years.end(), state.year);
        if (it == m_d->years.end()) {
            problems << tr("workspace.date: %1 is not a date of the project's land cover").arg(state.year);
        } else {
            const QSignalBlocker block(m_d->timeSlider);
            m_d->timeSlider->setValue(int(it - m_d->years.begin()));
            m_d->timeLabel->setText(QString::number(state.year));
            if (m_d->years.size() > 1)
                m_d->canvas->setDateLabel(QString::number(state.year));
        }
    }
    m_d->syncing = false;
    syncMap();
    if (!state.crs.isEmpty() && QString::fromStdString(m_d->canvas->crs().authorityId()) != state.crs) {
        bool known = false;
        try {
            known = tanhui::gis::Crs::fromUserInput(state.crs.toStdString()).isValid();
        } catch (const tanhui::gis::GisError&) {
        }
        if (known)
            setMapCrs(state.crs);
        else
            problems
              << tr("workspace.view.crs: \"%1\" is not a known coordinate reference system").arg(state.crs);
    }
    if (!state.extent.isEmpty())
        m_d->canvas->setExtent(state.extent);
    if (!state.current.isEmpty() && !setCurrentLayer(state.current) &&
        !m_d->notLoaded.contains(state.current))
        problems << tr("workspace.current: the project has no layer \"%1\"").arg(state.current);
    return problems;
}

bool MainWindow::isProjectModified() const {
    return m_d->forcedModified || workspaceChangeKey(workspaceJson()) != m_d->savedKey;
}

void MainWindow::updateModified() {
    if (!m_d->autosaveTimer)
        return; // still constructing
    QString title = QStringLiteral("Tanhui 碳汇");
    if (m_d->project) {
        const QString name =
          m_d->project->name.isEmpty() ? QFileInfo(m_d->projectFile).fileName() : m_d->project->name;
        title = name + QStringLiteral(" — ") + title;
    }
    // "[*]": Qt shows a "*" there while the window is modified (nothing to save in an empty window).
    const bool empty = !m_d->project && m_d->layers.empty();
    setWindowTitle(empty ? title : title + QStringLiteral("[*]"));
    setWindowModified(!empty && isProjectModified());
}

bool MainWindow::saveProject() {
    if (m_d->projectFile.isEmpty()) {
        reportError(tr("The project has no file yet."), tr("Use File ▸ Save Project As… to choose one."));
        return false;
    }
    return saveProjectAs(m_d->projectFile);
}

bool MainWindow::saveProjectAs(const QString& target) {
    const QString file = QFileInfo(target).absoluteFilePath();
    const QString toDir = QFileInfo(file).absolutePath();
    try {
        QJsonObject existing;
        if (!m_d->project) { // layers added by hand become a new project
            tanhui::models::Project p;
            p.name = QFileInfo(file).fileName().section(QLatin1Char('.'), 0, 0);
            const tanhui::gis::Crs& crs = m_d->canvas->crs();
            p.crs = crs.isValid() ? QString::fromStdString(crs.authorityId()) : QString();
            p.setBaseDir(toDir);
            m_d->project = std::move(p);
        } else if (!m_d->project->fileName().isEmpty()) {
            existing = readProjectRoot(m_d->project->fileName());
        }
        tanhui::models::Project& project = *m_d->project;
        const QString fromDir = project.baseDir().isEmpty() ? toDir : project.baseDir();
        project.setBaseDir(fromDir);
        for (const auto& e : m_d->layers) {
            if (!e->projectId.isEmpty())
                continue;
            const QString encoding = e->kind == LayerEntry::Kind::Vector && LayerLoader::isShapefile(e->path)
                                       ? QString::fromStdString(e->vector.encoding.encoding)
                                       : QString();
            e->projectId = addProjectLayer(project, e->path, e->kind == LayerEntry::Kind::Raster, encoding);
            e->map.id = e->projectId;
            // A series made by hand (Make Time Series): its role and dates become the layer's.
            tanhui::models::ProjectLayer& added = project.layers.back();
            added.role = e->role;
            added.year = e->year;
            added.date = e->date;
        }
        const QJsonObject workspace = workspaceJson();
        QJsonObject root = projectFileJson(existing, project, fromDir, toDir, workspace);
        if (const auto results = m_d->resultsDock->projectResults(toDir);
            !results.empty() || root.contains(QStringLiteral("results")))
            root.insert(QStringLiteral("results"), tanhui::models::resultsToJson(results));
        tanhui::gis::writeFileAtomically(file, QJsonDocument(root).toJson(QJsonDocument::Indented));
        const QString oldAutosave = autosaveFile();
        m_d->project = tanhui::models::Project::load(file);
        m_d->projectFile = file;
        m_d->savedWorkspace = workspace;
        m_d->savedKey = workspaceChangeKey(workspace);
        m_d->forcedModified = false;
        if (!oldAutosave.isEmpty())
            QFile::remove(oldAutosave);
        QFile::remove(autosaveFile());
        rememberProject(file);
    } catch (const tanhui::gis::GisError& error) {
        reportError(tr("The project was not saved: %1").arg(QFileInfo(file).fileName()),
                    tanhui::app::errorDetail(error));
        return false;
    }
    updateModified();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(file)), 5000);
    return true;
}

bool MainWindow::saveProjectInteractively() {
    return m_d->projectFile.isEmpty() ? saveProjectAsInteractively() : saveProject();
}

bool MainWindow::saveProjectAsInteractively() {
    QString file =
      QFileDialog::getSaveFileName(this,
                                   tr("Save Project As"),
                                   m_d->projectFile.isEmpty() ? lastDirectory() : m_d->projectFile,
                                   tr("Tanhui projects (*.tanhui.json)"));
    if (file.isEmpty())
        return false;
    if (!file.endsWith(QLatin1String(".json")))
        file += QStringLiteral(".tanhui.json");
    rememberDirectory(file);
    return saveProjectAs(file);
}

bool MainWindow::maybeSave() {
    updateModified();
    if (!isProjectModified())
        return true;
    CloseAnswer answer = CloseAnswer::Cancel;
    if (m_d->closeQuestion) {
        answer = m_d->closeQuestion();
    } else {
        QMessageBox box(QMessageBox::Question,
                        tr("Unsaved Changes"),
                        tr("The project has unsaved changes. Save them?"),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                        this);
        box.setDefaultButton(QMessageBox::Save);
        const int b = box.exec();
        answer = b == QMessageBox::Save      ? CloseAnswer::Save
                 : b == QMessageBox::Discard ? CloseAnswer::Discard
                                             : CloseAnswer::Cancel;
    }
    switch (answer) {
        case CloseAnswer::Save:
            return saveProjectInteractively();
        case CloseAnswer::Discard:
            if (!autosaveFile().isEmpty())
                QFile::remove(autosaveFile());
            return true;
        case CloseAnswer::Cancel:
            break;
    }
    return false;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // Running analyses first: quitting cancels them (their output folders stay as they were, the runs
    // being atomic), so the user decides before anything else is asked.
    JobManager* jobs = jobsDock()->manager();
    if (const int pending = jobs->runningCount() + jobs->queuedCount(); pending > 0) {
        const bool quit =
          m_d->jobsQuestion
            ? m_d->jobsQuestion(pending)
            : QMessageBox::question(this,
                                    tr("Analyses Running"),
                                    tr("%n analysis(es) are still running or queued. Quitting cancels them; "
                                       "their output folders stay as they were before the run.\n\n"
                                       "Cancel them and quit?",
                                       nullptr,
                                       pending),
                                    QMessageBox::Yes | QMessageBox::No,
                                    QMessageBox::No) == QMessageBox::Yes;
        if (!quit) {
            event->ignore();
            return;
        }
    }
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (!autosaveFile().isEmpty())
        QFile::remove(autosaveFile());
    m_d->autosaveTimer->stop();
    jobs->cancelAll();
    event->accept();
}

void MainWindow::clearLayers() {
    while (m_d->layerList->count() > 0) {
        m_d->layerList->setCurrentRow(0);
        removeCurrentLayer();
    }
    m_d->layers.clear(); // entries never listed
}

QMap<QString, QString> MainWindow::missingLayers() const {
    QMap<QString, QString> out;
    if (!m_d->project)
        return out;
    const QMap<QString, QString> missing = missingProjectLayers(*m_d->project);
    for (auto it = missing.begin(); it != missing.end(); ++it)
        if (m_d->notLoaded.contains(it.key()))
            out.insert(it.key(), it.value());
    return out;
}

bool MainWindow::loadProjectLayer(const tanhui::models::ProjectLayer& layer, bool visible) {
    LayerEntry entry;
    tanhui::gis::VectorOpenOptions options;
    options.encodingOverride = layer.encoding.toStdString();
    const QString file = m_d->project->resolve(layer.path);
    if (!guardedLoad(file, [&] {
            entry = layer.kind == QLatin1String("raster") ? LayerLoader::loadRaster(file)
                                                          : LayerLoader::loadVector(file, options);
            entry.displayName = layer.id + QStringLiteral(" — ") + entry.displayName;
            entry.projectId = layer.id;
            entry.role = layer.role;
            entry.year = layer.year;
            attachMapLayer(entry, &layer, options);
        }))
        return false;
    appendEntry(std::move(entry), visible);
    return true;
}

int MainWindow::relocateLayers(const QMap<QString, QString>& newPaths) {
    if (!m_d->project)
        return 0;
    QStringList problems;
    int loaded = 0;
    for (auto it = newPaths.begin(); it != newPaths.end(); ++it) {
        auto layer = std::find_if(m_d->project->layers.begin(),
                                  m_d->project->layers.end(),
                                  [&](const tanhui::models::ProjectLayer& l) { return l.id == it.key(); });
        const QFileInfo info(it.value());
        if (layer == m_d->project->layers.end() || !m_d->notLoaded.contains(it.key())) {
            problems << tr("%1: not a missing layer of the project").arg(it.key());
            continue;
        }
        if (!info.isFile()) {
            problems << tr("Layer %1: the file %2 does not exist")
                          .arg(it.key(), QDir::toNativeSeparators(it.value()));
            continue;
        }
        const QString old = layer->path;
        layer->path = QDir(m_d->project->baseDir()).relativeFilePath(info.absoluteFilePath());
        const bool visible = layer->kind == QLatin1String("vector") ||
                             (layer->role == QLatin1String("landcover") && layer->year == currentYear());
        if (!loadProjectLayer(*layer, visible)) {
            layer->path = old;
            continue; // reported
        }
        m_d->notLoaded.remove(it.key());
        ++loaded;
        // Its saved visibility and style, if the workspace listed it.
        const auto saved = std::find_if(m_d->pending.begin(),
                                        m_d->pending.end(),
                                        [&](const WorkspaceLayer& l) { return l.id == it.key(); });
        LayerEntry* entry = entryAt(0); // the new layer is on top
        if (saved != m_d->pending.end() && entry && entry->projectId == it.key()) {
            m_d->syncing = true;
            m_d->layerList->item(0)->setCheckState(
              saved->visible && entry->notOnMap.isEmpty() ? Qt::Checked : Qt::Unchecked);
            m_d->syncing = false;
            if (saved->raster && entry->map.raster)
                entry->map.rasterStyle = *saved->raster;
            if (saved->vector && entry->map.vector)
                entry->map.vectorStyle = *saved->vector;
        }
    }
    if (loaded > 0) {
        m_d->forcedModified = true;
        syncMap();
    }
    m_d->relocateAction->setEnabled(!missingLayers().isEmpty());
    updateModified();
    if (!problems.isEmpty())
        reportError(tr("%n layer(s) could not be relocated", nullptr, int(problems.size())),
                    problems.join(QLatin1Char('\n')));
    else if (loaded > 0)
        statusBar()->showMessage(tr("Relocated %n layer(s); save the project to keep them", nullptr, loaded),
                                 8000);
    return loaded;
}

int MainWindow::relocateFromFolder(const QString& folder) {
    return relocateLayers(findInFolder(missingLayers(), folder));
}

void MainWindow::relocateMissingLayersInteractively() {
    const QMap<QString, QString> missing = missingLayers();
    if (missing.isEmpty()) {
        statusBar()->showMessage(tr("No layer of the project is missing"), 5000);
        return;
    }
    RelocateDialog dialog(missing, this);
    if (dialog.exec() == QDialog::Accepted)
        relocateLayers(dialog.relocated());
}

} // namespace tanhui::gui

namespace tanhui::gui {

ResultsDock* MainWindow::resultsDock() const {
    return m_d->resultsDock;
}

bool MainWindow::addResultLayer(const QString& gpkg, ResultQuantity quantity) {
    return guardedLoad(gpkg, [&] {
        appendEntry(loadResultLayer(gpkg, quantity, m_d->canvas->crs()), true);
        syncMap();
    });
}

void MainWindow::openResultsInteractively() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Results"), lastDirectory());
    if (dir.isEmpty())
        return;
    QString error;
    if (!m_d->resultsDock->openFolder(dir, &error))
        return reportError(tr("The results were not opened."), error);
    m_d->resultsDock->show();
    m_d->resultsDock->raise();
}

JobsDock* MainWindow::jobsDock() const {
    return findChild<JobsDock*>();
}

AnalysisDialog* MainWindow::showAnalysisDialog(const QString& analysisId,
                                               const analysis::ParameterValues& initial) {
    const analysis::AnalysisSpec* spec = analysis::findAnalysis(analysisId);
    if (!spec)
        return nullptr;
    if (!m_d->project) {
        reportError(tr("Open a project first."), tr("An analysis runs on the layers of the open project."));
        return nullptr;
    }
    // The form starts from the project's stored values, then what was last run in this session.
    auto* dialog = new AnalysisDialog(
      *spec, *m_d->project, initial.isEmpty() ? m_d->lastAnalysisValues.value(analysisId) : initial, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog,
            &AnalysisDialog::runRequested,
            this,
            [this, analysisId](const analysis::ParameterValues& v) { runAnalysis(analysisId, v); });
    dialog->show();
    return dialog;
}

int MainWindow::runAnalysis(const QString& analysisId, const analysis::ParameterValues& values) {
    const analysis::AnalysisSpec* spec = analysis::findAnalysis(analysisId);
    if (!spec || !m_d->project)
        return -1;
    m_d->lastAnalysisValues.insert(analysisId, values);
    // The inputs the project keeps (gep.*, carbon.uncertainty.*, "analyses") go into it: saved with it.
    analysis::storeInProject(*spec, values, *m_d->project);
    m_d->forcedModified = true; // the inputs are saved with the project
    updateModified();
    JobsDock* jobs = jobsDock();
    jobs->show();
    jobs->raise();
    // The job runs on a copy: later edits of the open project do not reach a running analysis.
    auto project = std::make_shared<const models::Project>(*m_d->project);
    const int id =
      jobs->manager()->addJob(spec->translatedLabel(), [spec, project, values](gis::Feedback* feedback) {
          analysis::AnalysisOutcome outcome = spec->run(*project, values, feedback);
          // The Results dock reads cells in any order: the per-parcel rows are laid out here, on the
          // worker thread, so that opening the results does not stall the window.
          analysis::materialiseTables(outcome.resultSet);
          return outcome;
      });
    m_d->jobProjects.insert(id, QFileInfo(m_d->projectFile).absoluteFilePath());
    return id;
}

void MainWindow::openJobResults(int jobId) {
    const auto job = jobsDock()->manager()->job(jobId);
    if (!job || !job->outcome || job->outcome->outDir.isEmpty())
        return;
    // A job started for another project (one opened while it ran): its results stay in their folder
    // and are not added to this project's results.
    const QString jobProject = m_d->jobProjects.value(jobId);
    if (!m_d->project || jobProject != QFileInfo(m_d->projectFile).absoluteFilePath()) {
        statusBar()->showMessage(
          tr("The results of “%1” belong to %2, not to the open project; they are in %3.")
            .arg(job->title,
                 QDir::toNativeSeparators(jobProject),
                 QDir::toNativeSeparators(job->outcome->outDir)),
          20000);
        return;
    }
    // The run's result set is in memory (laid out by the job): shown without reading its folder again.
    m_d->resultsDock->showRun(
      std::shared_ptr<const analysis::ResultSet>(job->outcome, &job->outcome->resultSet),
      job->outcome->outDir);
    // The carbon run's parcels on the map, graduated by stock density of the last date (t C/ha).
    const QString parcels = QDir(job->outcome->outDir).filePath(QStringLiteral("parcels.gpkg"));
    if (job->outcome->resultSet.analysis == QLatin1String("carbon_project") && QFileInfo::exists(parcels))
        addResultLayer(parcels, ResultQuantity::StockDensity);
    // A restoration plan's planted parcels, by their carbon difference (diverging around 0).
    const QString planParcels = QDir(job->outcome->outDir).filePath(QStringLiteral("plan_parcels.gpkg"));
    if (job->outcome->resultSet.analysis == QLatin1String("restoration_plan") &&
        QFileInfo::exists(planParcels))
        addResultLayer(planParcels, ResultQuantity::PlanDifference);
    m_d->resultsDock->show();
    m_d->resultsDock->raise();
    m_d->forcedModified = true; // the project's results section lists the folder
    updateModified();
}

} // namespace tanhui::gui
