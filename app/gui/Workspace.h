// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Geometry.h"
#include "models/project/Project.h"
#include "render/RasterStyle.h"
#include "render/VectorStyle.h"

#include <QDialog>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QTableWidget;

namespace tanhui::gui {

/// @brief One layer of the saved workspace: a project layer by id, how it is shown.
struct WorkspaceLayer {
    QString id;                                        ///< the project layer's id
    bool visible = true;                               ///< ticked in the layer list
    std::optional<tanhui::render::RasterStyle> raster; ///< its style (opacity included), if a raster
    std::optional<tanhui::render::VectorStyle> vector; ///< its style, if a polygon layer
    QString group;                                     ///< the layer group holding it (empty: none)
};

/// @brief A group of the layer tree (its layers name it in WorkspaceLayer::group).
struct WorkspaceGroup {
    QString name;
    bool visible = true;  ///< ticked (its layers drawn when they are ticked too)
    bool expanded = true; ///< open in the tree
};

/// @brief The map workspace of a project, saved in the optional "workspace" section of
/// project.tanhui.json (docs/project-file.md): the layer list top first, the view, the date, the
/// current layer. The CLI ignores the section.
struct WorkspaceState {
    std::vector<WorkspaceLayer> layers; ///< the layer list, top first
    std::vector<WorkspaceGroup> groups; ///< the layer groups, top first
    QStringList removed;                ///< project layers the user removed from the list
    QString crs;                        ///< the map CRS, e.g. "EPSG:4547" (empty: the project's)
    tanhui::gis::Box extent{};          ///< the view in the map CRS (empty: the full extent)
    int year = 0;                       ///< the time slider's date (0: none)
    QString current;                    ///< id of the current layer (empty: none)
};

/// The "workspace" JSON object of `state`.
QJsonObject workspaceToJson(const WorkspaceState& state);
/// Reads a "workspace" section. Never throws: every problem (a wrong type, an unknown key, a style that
/// does not parse) is appended to `problems` as one translated line naming the field
/// ("workspace.layers[2].style.classes[1].color: …"); what is wrong is left out (a layer without its
/// style gets the default style), the rest is used.
WorkspaceState workspaceFromJson(const QJsonValue& value, QStringList& problems);
/// The part of the workspace that makes a project "modified" when it changes: the layers, their order,
/// visibility and styles and the date, not the view or the current layer (as QGIS: panning does not
/// ask to save).
QJsonObject workspaceChangeKey(const QJsonObject& workspace);

/// @brief The JSON root of a project file. Throws gis::GisError naming the file when it cannot be read
/// or is not a JSON object.
QJsonObject readProjectRoot(const QString& file);

/// @brief What Save writes: `existing` (the root object of the file the project came from, as read;
/// empty for a new project) with the project's own sections (Project::sectionKeys()) taken from
/// `project` in memory (a section it no longer has removed), "workspace" replaced, "layers" entries
/// updated (path; the file's other keys of each layer kept) or added for layers the project gained, and,
/// when the file moves to another folder (`fromDir` ≠ `toDir`), every relative path (layers, parameter
/// tables, gep.deflators) rebased so it still names the same file. Keys the project does not know keep
/// their value.
QJsonObject projectFileJson(const QJsonObject& existing,
                            const tanhui::models::Project& project,
                            const QString& fromDir,
                            const QString& toDir,
                            const QJsonObject& workspace);

/// @brief The autosave file of a project file: `.<file name>.autosave` beside it.
QString autosavePathFor(const QString& projectFile);

/// @brief Adds a file loaded by hand to `project` as a layer (id from the file name, unique; path
/// relative to the project's folder) and returns its id.
QString addProjectLayer(tanhui::models::Project& project,
                        const QString& absolutePath,
                        bool raster,
                        const QString& encoding);

/// @brief The project's layers whose file is missing: id → the path expected (absolute).
QMap<QString, QString> missingProjectLayers(const tanhui::models::Project& project);
/// @brief Looks in `folder` and its subfolders for a file with the same name as each missing layer's
/// file (`missing`: id → expected path); returns id → found path for those found (the first in sorted
/// order when several have the name).
QMap<QString, QString> findInFolder(const QMap<QString, QString>& missing, const QString& folder);

/// @brief File ▸ Relocate Missing Layers…: each missing layer (id, expected path, new path) with a
/// Browse… button, and "Search in Folder…" filling every layer whose file name it finds.
class RelocateDialog : public QDialog {
    Q_OBJECT
public:
    RelocateDialog(const QMap<QString, QString>& missing, QWidget* parent = nullptr);
    /// id → new path of the layers given one.
    QMap<QString, QString> relocated() const;
    /// Fills the new paths of the layers found in `folder` (findInFolder); returns how many.
    int searchFolder(const QString& folder);
    QTableWidget* table() const { return m_table; }

private:
    QMap<QString, QString> m_missing;
    QTableWidget* m_table = nullptr;
};

} // namespace tanhui::gui
