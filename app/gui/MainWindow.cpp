// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/MainWindow.h"

#include "app/common/ErrorText.h"
#include "app/gui/LayerEntry.h"
#include "app/gui/LayerLoader.h"
#include "app/gui/MetadataPanel.h"
#include "gis/Errors.h"
#include "gis/Gdal.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

#include <exception>
#include <memory>
#include <vector>

#ifndef TANHUI_VERSION
#define TANHUI_VERSION "unknown"
#endif

namespace tanhui::gui {

namespace {
const char* const kLastDirectoryKey = "gui/lastDirectory";
} // namespace

struct MainWindow::Private {
    ErrorSink errorSink;
    /// In the order of the layer list's rows; heap-allocated so the panel's pointer stays valid.
    std::vector<std::unique_ptr<LayerEntry>> layers;
    QListWidget* layerList = nullptr;
    MetadataPanel* panel = nullptr;
    QAction* removeAction = nullptr;
    QIcon rasterIcon{ QStringLiteral(":/icons/raster.svg") };
    QIcon vectorIcon{ QStringLiteral(":/icons/vector.svg") };
};

MainWindow::MainWindow(QWidget* parent)
  : QMainWindow(parent)
  , m_d(std::make_unique<Private>()) {
    setObjectName(QStringLiteral("mainWindow"));
    // The product name is the same in every language.
    setWindowTitle(QStringLiteral("Tanhui 碳汇"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tanhui.svg")));
    setAcceptDrops(true);
    resize(1200, 800);

    m_d->panel = new MetadataPanel(this);
    setCentralWidget(m_d->panel);
    createLayerDock();
    createActions();

    auto* gdalLabel = new QLabel(tr("GDAL %1").arg(QString::fromStdString(tanhui::gis::gdalVersion())), this);
    gdalLabel->setObjectName(QStringLiteral("gdalVersionLabel"));
    gdalLabel->setContentsMargins(6, 0, 6, 0);
    statusBar()->addPermanentWidget(gdalLabel);
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() = default;

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
    m_d->layerList = new QListWidget(dock);
    m_d->layerList->setObjectName(QStringLiteral("layerList"));
    m_d->layerList->setIconSize(QSize(20, 20));
    m_d->layerList->setSpacing(2);
    m_d->layerList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_d->layerList->setMinimumWidth(240);
    dock->setWidget(m_d->layerList);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({ dock }, { 300 }, Qt::Horizontal);
    connect(m_d->layerList, &QListWidget::currentRowChanged, this, [this] { showCurrentLayer(); });
}

void MainWindow::createActions() {
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* openProjectAction =
      fileMenu->addAction(tr("&Open Project…"), this, &MainWindow::openProjectInteractively);
    openProjectAction->setObjectName(QStringLiteral("openProjectAction"));
    openProjectAction->setShortcut(QKeySequence::Open);
    openProjectAction->setStatusTip(tr("Open a Tanhui project (project.tanhui.json) and add its layers"));
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
    fileMenu->addSeparator();
    m_d->removeAction = fileMenu->addAction(tr("Re&move Layer"), this, &MainWindow::removeCurrentLayer);
    m_d->removeAction->setObjectName(QStringLiteral("removeLayerAction"));
    m_d->removeAction->setShortcut(QKeySequence::Delete);
    m_d->removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_d->removeAction->setEnabled(false);
    m_d->layerList->addAction(m_d->removeAction);
    fileMenu->addSeparator();
    QAction* quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* aboutAction = helpMenu->addAction(tr("&About Tanhui"), this, &MainWindow::showAbout);
    aboutAction->setMenuRole(QAction::AboutRole);
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);

    QToolBar* toolBar = addToolBar(tr("Main toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(20, 20));
    toolBar->addAction(addRasterAction);
    toolBar->addAction(addVectorAction);
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
bool MainWindow::loadAndAppend(const QString& path, Load&& load) {
    LayerEntry entry;
    if (!guardedLoad(path, [&] { entry = load(); }))
        return false;
    appendEntry(std::move(entry));
    return true;
}

void MainWindow::appendEntry(LayerEntry&& entry) {
    const bool raster = entry.kind == LayerEntry::Kind::Raster;
    auto* item = new QListWidgetItem(raster ? m_d->rasterIcon : m_d->vectorIcon, entry.displayName);
    item->setToolTip(entry.path);
    m_d->layers.push_back(std::make_unique<LayerEntry>(std::move(entry)));
    m_d->layerList->addItem(item);
    m_d->layerList->setCurrentRow(m_d->layerList->count() - 1);
    statusBar()->showMessage(tr("Loaded %1").arg(item->text()), 5000);
}

bool MainWindow::openFile(const QString& path) {
    if (LayerLoader::isProjectFile(path))
        return openProject(path);
    return loadAndAppend(path, [&path] { return LayerLoader::loadAny(path); });
}

bool MainWindow::openProject(const QString& path) {
    LayerLoader::ProjectLayers project;
    if (!guardedLoad(path, [&] { project = LayerLoader::loadProject(path); }))
        return false;
    for (LayerEntry& entry : project.layers)
        appendEntry(std::move(entry));
    if (project.problems.isEmpty())
        return true;
    reportError(tr("The project %1 has %n problem(s); the other layers were loaded.",
                   nullptr,
                   int(project.problems.size()))
                  .arg(QFileInfo(path).fileName()),
                project.problems.join(QLatin1Char('\n')));
    return false;
}

bool MainWindow::addRaster(const QString& path) {
    return loadAndAppend(path, [&path] { return LayerLoader::loadRaster(path); });
}

bool MainWindow::addVector(const QString& path, const tanhui::gis::VectorOpenOptions& options) {
    return loadAndAppend(path, [&path, &options] { return LayerLoader::loadVector(path, options); });
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
    if (row < 0 || row >= int(m_d->layers.size()))
        return;
    // Detach the panel first: it refers to the entry being removed.
    m_d->panel->showEntry(nullptr);
    m_d->layers.erase(m_d->layers.begin() + row);
    delete m_d->layerList->takeItem(row);
    showCurrentLayer();
}

void MainWindow::showCurrentLayer() {
    const int row = m_d->layerList->currentRow();
    const bool valid = row >= 0 && row < int(m_d->layers.size());
    m_d->removeAction->setEnabled(valid);
    m_d->panel->showEntry(valid ? m_d->layers[std::size_t(row)].get() : nullptr);
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

} // namespace tanhui::gui
