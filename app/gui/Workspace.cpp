// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/Workspace.h"

#include "gis/Errors.h"
#include "render/StyleJson.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tanhui::gui {

namespace {

const QString kLayers = QStringLiteral("layers");
const QString kRemoved = QStringLiteral("removed");
const QString kView = QStringLiteral("view");
const QString kDate = QStringLiteral("date");
const QString kCurrent = QStringLiteral("current");
const QString kGroups = QStringLiteral("groups");
const QString kGroup = QStringLiteral("group");
const QString kRasterStyle = QStringLiteral("raster_style");
const QString kVectorStyle = QStringLiteral("vector_style");

QString typeName(const QJsonValue& v) {
    switch (v.type()) {
        case QJsonValue::Null:
            return RelocateDialog::tr("null");
        case QJsonValue::Bool:
            return RelocateDialog::tr("true/false");
        case QJsonValue::Double:
            return RelocateDialog::tr("a number");
        case QJsonValue::String:
            return RelocateDialog::tr("a text");
        case QJsonValue::Array:
            return RelocateDialog::tr("an array");
        case QJsonValue::Object:
            return RelocateDialog::tr("an object");
        default:
            return RelocateDialog::tr("missing");
    }
}

QString rebase(const QString& path, const QString& fromDir, const QString& toDir) {
    if (path.isEmpty() || QDir::cleanPath(fromDir) == QDir::cleanPath(toDir) || QDir::isAbsolutePath(path))
        return path;
    return QDir(toDir).relativeFilePath(QDir::cleanPath(QDir(fromDir).absoluteFilePath(path)));
}

/// The root object Project::save writes for `project` (a new project has no file to start from).

} // namespace

QJsonObject workspaceToJson(const WorkspaceState& state) {
    QJsonArray layers;
    for (const WorkspaceLayer& l : state.layers) {
        QJsonObject o{ { QStringLiteral("id"), l.id }, { QStringLiteral("visible"), l.visible } };
        if (l.raster)
            o.insert(kRasterStyle, tanhui::render::rasterStyleToJson(*l.raster));
        if (l.vector)
            o.insert(kVectorStyle, tanhui::render::vectorStyleToJson(*l.vector));
        if (!l.group.isEmpty())
            o.insert(kGroup, l.group);
        layers.append(o);
    }
    QJsonObject o{ { kLayers, layers } };
    if (!state.groups.empty()) {
        QJsonArray groups;
        for (const WorkspaceGroup& g : state.groups)
            groups.append(QJsonObject{ { QStringLiteral("name"), g.name },
                                       { QStringLiteral("visible"), g.visible },
                                       { QStringLiteral("expanded"), g.expanded } });
        o.insert(kGroups, groups);
    }
    if (!state.removed.isEmpty())
        o.insert(kRemoved, QJsonArray::fromStringList(state.removed));
    QJsonObject view;
    if (!state.crs.isEmpty())
        view.insert(QStringLiteral("crs"), state.crs);
    if (!state.extent.isEmpty())
        view.insert(QStringLiteral("extent"),
                    QJsonArray{ state.extent.xmin, state.extent.ymin, state.extent.xmax, state.extent.ymax });
    if (!view.isEmpty())
        o.insert(kView, view);
    if (state.year > 0)
        o.insert(kDate, state.year);
    if (!state.current.isEmpty())
        o.insert(kCurrent, state.current);
    return o;
}

QJsonObject workspaceChangeKey(const QJsonObject& workspace) {
    QJsonObject key = workspace;
    key.remove(kView);
    key.remove(kCurrent);
    return key;
}

WorkspaceState workspaceFromJson(const QJsonValue& value, QStringList& problems) {
    WorkspaceState state;
    if (value.isUndefined() || value.isNull())
        return state;
    const QString prefix = QStringLiteral("workspace");
    if (!value.isObject()) {
        problems << RelocateDialog::tr("%1 must be an object, not %2").arg(prefix, typeName(value));
        return state;
    }
    const QJsonObject o = value.toObject();
    static const QSet<QString> known = { kLayers, kGroups, kRemoved, kView, kDate, kCurrent };
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            problems << RelocateDialog::tr("%1.%2 is not a known key (known: current, date, groups, layers, "
                                           "removed, view); it is ignored")
                          .arg(prefix, it.key());
    // The groups first: a layer may only name a listed group.
    const QJsonValue groups = o.value(kGroups);
    if (!groups.isUndefined() && !groups.isArray())
        problems << RelocateDialog::tr("%1.groups must be an array, not %2").arg(prefix, typeName(groups));
    QSet<QString> groupNames;
    const QJsonArray groupArray = groups.toArray();
    for (qsizetype i = 0; i < groupArray.size(); ++i) {
        const QString where = QStringLiteral("%1.groups[%2]").arg(prefix).arg(i);
        const QJsonObject go = groupArray.at(i).toObject();
        const QString name = go.value(QStringLiteral("name")).toString().trimmed();
        if (!groupArray.at(i).isObject() || name.isEmpty()) {
            problems
              << RelocateDialog::tr("%1 must be an object with a \"name\" text; it is ignored").arg(where);
            continue;
        }
        if (groupNames.contains(name)) {
            problems << RelocateDialog::tr("%1: group \"%2\" is listed twice; the second is ignored")
                          .arg(where, name);
            continue;
        }
        WorkspaceGroup g;
        g.name = name;
        for (const QString& key : { QStringLiteral("visible"), QStringLiteral("expanded") }) {
            const QJsonValue v = go.value(key);
            if (!v.isUndefined() && !v.isBool())
                problems << RelocateDialog::tr("%1.%2 (group \"%3\") must be true or false, not %4")
                              .arg(where, key, name, typeName(v));
        }
        g.visible = go.value(QStringLiteral("visible")).toBool(true);
        g.expanded = go.value(QStringLiteral("expanded")).toBool(true);
        groupNames.insert(name);
        state.groups.push_back(g);
    }
    const QJsonValue layers = o.value(kLayers);
    if (!layers.isUndefined() && !layers.isArray())
        problems << RelocateDialog::tr("%1.layers must be an array, not %2").arg(prefix, typeName(layers));
    const QJsonArray array = layers.toArray();
    QSet<QString> ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("%1.layers[%2]").arg(prefix).arg(i);
        const QJsonObject lo = array.at(i).toObject();
        const QString id = lo.value(QStringLiteral("id")).toString();
        if (!array.at(i).isObject() || id.isEmpty()) {
            problems
              << RelocateDialog::tr("%1 must be an object with an \"id\" text; it is ignored").arg(where);
            continue;
        }
        if (ids.contains(id)) {
            problems
              << RelocateDialog::tr("%1: layer \"%2\" is listed twice; the second is ignored").arg(where, id);
            continue;
        }
        ids.insert(id);
        WorkspaceLayer l;
        l.id = id;
        const QJsonValue visible = lo.value(QStringLiteral("visible"));
        if (!visible.isUndefined() && !visible.isBool())
            problems << RelocateDialog::tr("%1.visible (layer \"%2\") must be true or false, not %3")
                          .arg(where, id, typeName(visible));
        l.visible = visible.toBool(true);
        QString error;
        if (lo.contains(kRasterStyle)) {
            l.raster = tanhui::render::rasterStyleFromJson(lo.value(kRasterStyle), &error);
            if (!l.raster)
                problems << RelocateDialog::tr("%1.%2.%3 (layer \"%4\"); the default style is used")
                              .arg(where, kRasterStyle, error, id);
        }
        if (lo.contains(kVectorStyle)) {
            l.vector = tanhui::render::vectorStyleFromJson(lo.value(kVectorStyle), &error);
            if (!l.vector)
                problems << RelocateDialog::tr("%1.%2.%3 (layer \"%4\"); the default style is used")
                              .arg(where, kVectorStyle, error, id);
        }
        if (lo.contains(kGroup)) {
            const QString group = lo.value(kGroup).toString().trimmed();
            if (groupNames.contains(group))
                l.group = group;
            else
                problems << RelocateDialog::tr("%1.group (layer \"%2\"): %3 is not a group listed in "
                                               "workspace.groups; the layer is put outside any group")
                              .arg(where,
                                   id,
                                   lo.value(kGroup).isString() ? lo.value(kGroup).toString()
                                                               : typeName(lo.value(kGroup)));
        }
        state.layers.push_back(std::move(l));
    }
    const QJsonValue removed = o.value(kRemoved);
    if (!removed.isUndefined() && !removed.isArray())
        problems << RelocateDialog::tr("%1.removed must be an array of layer ids, not %2")
                      .arg(prefix, typeName(removed));
    for (const QJsonValue& v : removed.toArray()) {
        if (v.isString())
            state.removed << v.toString();
        else
            problems << RelocateDialog::tr("%1.removed: %2 is not a layer id").arg(prefix, typeName(v));
    }
    const QJsonValue view = o.value(kView);
    if (!view.isUndefined() && !view.isObject())
        problems << RelocateDialog::tr("%1.view must be an object, not %2").arg(prefix, typeName(view));
    const QJsonObject vo = view.toObject();
    if (vo.contains(QStringLiteral("crs"))) {
        if (vo.value(QStringLiteral("crs")).isString())
            state.crs = vo.value(QStringLiteral("crs")).toString();
        else
            problems << RelocateDialog::tr("%1.view.crs must be a text such as \"EPSG:4547\", not %2")
                          .arg(prefix, typeName(vo.value(QStringLiteral("crs"))));
    }
    if (vo.contains(QStringLiteral("extent"))) {
        const QJsonArray e = vo.value(QStringLiteral("extent")).toArray();
        const bool numbers = e.size() == 4 && std::all_of(e.begin(), e.end(), [](const QJsonValue& v) {
                                 return v.isDouble() && std::isfinite(v.toDouble());
                             });
        const tanhui::gis::Box box =
          numbers ? tanhui::gis::Box{ e[0].toDouble(), e[1].toDouble(), e[2].toDouble(), e[3].toDouble() }
                  : tanhui::gis::Box{};
        if (box.isEmpty())
            problems << RelocateDialog::tr(
                          "%1.view.extent must be [xmin, ymin, xmax, ymax] with xmin < xmax and ymin < ymax; "
                          "the full extent is shown")
                          .arg(prefix);
        else
            state.extent = box;
    }
    const QJsonValue date = o.value(kDate);
    if (!date.isUndefined()) {
        const double d = date.toDouble(-1);
        if (!date.isDouble() || d != std::floor(d) || d < 1 || d > 9999)
            problems << RelocateDialog::tr("%1.date must be a year such as 2024, not %2")
                          .arg(prefix, date.isString() ? date.toString() : typeName(date));
        else
            state.year = int(d);
    }
    const QJsonValue current = o.value(kCurrent);
    if (!current.isUndefined() && !current.isString())
        problems
          << RelocateDialog::tr("%1.current must be a layer id, not %2").arg(prefix, typeName(current));
    state.current = current.toString();
    return state;
}

QJsonObject readProjectRoot(const QString& file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        throw tanhui::gis::GisError(
          tanhui::gis::GisError::Kind::Open,
          RelocateDialog::tr("Cannot open the project file %1: %2").arg(file, f.errorString()).toStdString(),
          file.toStdString());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        throw tanhui::gis::GisError(tanhui::gis::GisError::Kind::Open,
                                    RelocateDialog::tr("The project file %1 is not a JSON object (%2)")
                                      .arg(file, error.errorString())
                                      .toStdString(),
                                    file.toStdString());
    return doc.object();
}

QJsonObject projectFileJson(const QJsonObject& existing,
                            const tanhui::models::Project& project,
                            const QString& fromDir,
                            const QString& toDir,
                            const QJsonObject& workspace) {
    // The project's own sections come from the project in memory (edited in the app: the analyses'
    // inputs, plans, layouts, gep, carbon); keys it does not know (the workspace, ...) stay as the file
    // had them; a section the project no longer has is removed. Layers are merged below, keeping the
    // file's own keys of each layer.
    QJsonObject root = existing;
    const QJsonObject own = project.toJson();
    for (const QString& key : tanhui::models::Project::sectionKeys()) {
        if (key == kLayers && root.contains(kLayers))
            continue;
        if (own.contains(key))
            root.insert(key, own.value(key));
        else
            root.remove(key);
    }
    // Layers: the file's own entries (every key kept), their paths and field mappings as the project has
    // them now (relocated, rebased, mapped), and entries for layers the project gained.
    const QJsonArray old = root.value(kLayers).toArray();
    QJsonArray layers;
    for (const tanhui::models::ProjectLayer& l : project.layers) {
        const QString path = rebase(l.path, fromDir, toDir);
        auto it = std::find_if(old.begin(), old.end(), [&](const QJsonValue& v) {
            return v.toObject().value(QStringLiteral("id")).toString() == l.id;
        });
        QJsonObject o;
        if (it != old.end()) {
            o = it->toObject();
        } else {
            o.insert(QStringLiteral("id"), l.id);
            o.insert(QStringLiteral("kind"), l.kind);
            o.insert(QStringLiteral("role"), l.role);
            if (!l.encoding.isEmpty())
                o.insert(QStringLiteral("encoding"), l.encoding);
        }
        // Role and dates as the project has them now (a time series made in the app sets them).
        if (!l.role.isEmpty() && o.value(QStringLiteral("role")).toString() != l.role)
            o.insert(QStringLiteral("role"), l.role);
        if (l.year > 0 && o.value(QStringLiteral("year")).toInt() != l.year)
            o.insert(QStringLiteral("year"), l.year);
        if (!l.date.isEmpty() && o.value(QStringLiteral("date")).toString() != l.date)
            o.insert(QStringLiteral("date"), l.date);
        if (o.value(QStringLiteral("path")).toString() != path)
            o.insert(QStringLiteral("path"), path);
        // The field mapping as the project has it now (Layer ▸ Field Mapping…).
        QJsonObject fields;
        for (auto f = l.fields.begin(); f != l.fields.end(); ++f)
            fields.insert(f.key(), f.value());
        if (fields.isEmpty())
            o.remove(QStringLiteral("fields"));
        else if (o.value(QStringLiteral("fields")).toObject() != fields)
            o.insert(QStringLiteral("fields"), fields);
        layers.append(o);
    }
    root.insert(kLayers, layers);
    if (QDir::cleanPath(fromDir) != QDir::cleanPath(toDir)) {
        QJsonArray parameters = root.value(QStringLiteral("parameters")).toArray();
        for (qsizetype i = 0; i < parameters.size(); ++i) {
            QJsonObject t = parameters.at(i).toObject();
            if (t.contains(QStringLiteral("path")))
                t.insert(QStringLiteral("path"),
                         rebase(t.value(QStringLiteral("path")).toString(), fromDir, toDir));
            parameters.replace(i, t);
        }
        if (root.contains(QStringLiteral("parameters")))
            root.insert(QStringLiteral("parameters"), parameters);
        if (root.value(QStringLiteral("gep")).isObject()) {
            QJsonObject gep = root.value(QStringLiteral("gep")).toObject();
            if (gep.value(QStringLiteral("deflators")).isString())
                gep.insert(QStringLiteral("deflators"),
                           rebase(gep.value(QStringLiteral("deflators")).toString(), fromDir, toDir));
            root.insert(QStringLiteral("gep"), gep);
        }
    }
    root.insert(QStringLiteral("workspace"), workspace);
    return root;
}

QString autosavePathFor(const QString& projectFile) {
    const QFileInfo info(projectFile);
    return info.absoluteDir().filePath(QLatin1Char('.') + info.fileName() + QStringLiteral(".autosave"));
}

QString addProjectLayer(tanhui::models::Project& project,
                        const QString& absolutePath,
                        bool raster,
                        const QString& encoding) {
    QString base = QFileInfo(absolutePath).completeBaseName();
    for (QChar& c : base)
        if (!c.isLetterOrNumber() && c != QLatin1Char('_') && c != QLatin1Char('-'))
            c = QLatin1Char('_');
    if (base.isEmpty())
        base = QStringLiteral("layer");
    QString id = base;
    for (int n = 2; project.layer(id); ++n)
        id = QStringLiteral("%1_%2").arg(base).arg(n);
    tanhui::models::ProjectLayer l;
    l.id = id;
    l.kind = raster ? QStringLiteral("raster") : QStringLiteral("vector");
    l.path = QDir(project.baseDir()).relativeFilePath(absolutePath);
    l.encoding = encoding;
    project.layers.push_back(l);
    return id;
}

QMap<QString, QString> missingProjectLayers(const tanhui::models::Project& project) {
    QMap<QString, QString> out;
    for (const tanhui::models::ProjectLayer& l : project.layers) {
        const QString path = project.resolve(l.path);
        if (!QFileInfo::exists(path))
            out.insert(l.id, path);
    }
    return out;
}

QMap<QString, QString> findInFolder(const QMap<QString, QString>& missing, const QString& folder) {
    QMultiMap<QString, QString> idsByName;
    for (auto it = missing.begin(); it != missing.end(); ++it)
        idsByName.insert(QFileInfo(it.value()).fileName(), it.key());
    QStringList found;
    QDirIterator files(folder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        if (idsByName.contains(QFileInfo(path).fileName()))
            found << path;
    }
    found.sort(); // the same answer whatever order the file system lists them in
    QMap<QString, QString> out;
    for (const QString& path : found)
        for (const QString& id : idsByName.values(QFileInfo(path).fileName()))
            if (!out.contains(id))
                out.insert(id, QDir::cleanPath(path));
    return out;
}

RelocateDialog::RelocateDialog(const QMap<QString, QString>& missing, QWidget* parent)
  : QDialog(parent)
  , m_missing(missing) {
    setObjectName(QStringLiteral("relocateDialog"));
    setWindowTitle(tr("Relocate Missing Layers"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
      tr("These layers' files are not where the project expects them. Choose each file, or search a "
         "folder for files of the same names; the project then refers to the new places (save it to keep "
         "them)."),
      this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(int(missing.size()), 4, this);
    m_table->setObjectName(QStringLiteral("relocateTable"));
    m_table->setHorizontalHeaderLabels({ tr("Layer"), tr("Expected file"), tr("New file"), QString() });
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    int row = 0;
    for (auto it = missing.begin(); it != missing.end(); ++it, ++row) {
        auto* id = new QTableWidgetItem(it.key());
        id->setFlags(id->flags() & ~Qt::ItemIsEditable);
        auto* expected = new QTableWidgetItem(QDir::toNativeSeparators(it.value()));
        expected->setFlags(expected->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(row, 0, id);
        m_table->setItem(row, 1, expected);
        m_table->setItem(row, 2, new QTableWidgetItem());
        auto* browse = new QPushButton(tr("Browse…"), m_table);
        const QString expectedPath = it.value();
        connect(browse, &QPushButton::clicked, this, [this, row, expectedPath] {
            const QString file = QFileDialog::getOpenFileName(
              this,
              tr("Find %1").arg(QFileInfo(expectedPath).fileName()),
              QFileInfo(expectedPath).absolutePath(),
              tr("%1 (%1);;All files (*)").arg(QFileInfo(expectedPath).fileName()));
            if (!file.isEmpty())
                m_table->item(row, 2)->setText(QDir::toNativeSeparators(file));
        });
        m_table->setCellWidget(row, 3, browse);
    }
    m_table->resizeColumnsToContents();
    layout->addWidget(m_table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* search = buttons->addButton(tr("Search in Folder…"), QDialogButtonBox::ActionRole);
    connect(search, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Search in Folder"));
        if (!folder.isEmpty())
            searchFolder(folder);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(900, 360);
}

QMap<QString, QString> RelocateDialog::relocated() const {
    QMap<QString, QString> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString path = m_table->item(row, 2)->text().trimmed();
        if (!path.isEmpty())
            out.insert(m_table->item(row, 0)->text(), QDir::fromNativeSeparators(path));
    }
    return out;
}

int RelocateDialog::searchFolder(const QString& folder) {
    const QMap<QString, QString> found = findInFolder(m_missing, folder);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto it = found.find(m_table->item(row, 0)->text());
        if (it != found.end())
            m_table->item(row, 2)->setText(QDir::toNativeSeparators(it.value()));
    }
    return int(found.size());
}

} // namespace tanhui::gui
