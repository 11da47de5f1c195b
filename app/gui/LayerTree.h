// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTreeWidget>
#include <QTreeWidgetItem>

#include <vector>

namespace tanhui::gui {

/// @brief A layer's row in the layer tree: a checkable, draggable item that carries its LayerEntry
/// (Qt::UserRole). Its check box is the layer's own visibility; the layer is shown when it and every
/// group above it are ticked (LayerTree::isShown), as in QGIS.
class LayerItem : public QTreeWidgetItem {
public:
    static constexpr int Type = QTreeWidgetItem::UserType + 1;
    LayerItem(const QIcon& icon, const QString& text);
    // The one-column forms of QListWidgetItem's accessors (the base's forms stay available).
    using QTreeWidgetItem::checkState;
    using QTreeWidgetItem::data;
    using QTreeWidgetItem::setCheckState;
    using QTreeWidgetItem::setData;
    using QTreeWidgetItem::setForeground;
    using QTreeWidgetItem::setToolTip;
    using QTreeWidgetItem::text;
    using QTreeWidgetItem::toolTip;
    QString toolTip() const { return QTreeWidgetItem::toolTip(0); }
    QVariant data(int role) const { return QTreeWidgetItem::data(0, role); }
    void setData(int role, const QVariant& value) { QTreeWidgetItem::setData(0, role, value); }
    Qt::CheckState checkState() const { return QTreeWidgetItem::checkState(0); }
    void setCheckState(Qt::CheckState state) { QTreeWidgetItem::setCheckState(0, state); }
    QString text() const { return QTreeWidgetItem::text(0); }
    void setToolTip(const QString& tip) { QTreeWidgetItem::setToolTip(0, tip); }
    void setForeground(const QColor& color) { QTreeWidgetItem::setForeground(0, color); }
};

/// @brief The Layers panel: layers and groups of layers, top first, reordered by dragging (a layer
/// dropped on a group goes into it). Rows are the layers only, in the order they are listed (depth
/// first): row 0 is the top layer, drawn last. Groups have their own check box and name (editable);
/// they are not nested deeper than the tree lets a user drag them.
class LayerTree : public QTreeWidget {
    Q_OBJECT
public:
    static constexpr int GroupType = QTreeWidgetItem::UserType + 2;

    explicit LayerTree(QWidget* parent = nullptr);

    /// The number of layers (not counting groups).
    int count() const;
    /// The layer at `row` (null when out of range).
    LayerItem* item(int row) const;
    /// The row of `item` (−1 when it is not a layer of this tree).
    int row(const QTreeWidgetItem* item) const;
    /// The row of the current item when it is a layer, else −1.
    int currentRow() const;
    void setCurrentRow(int row);
    /// Inserts `item` at `row` of the layers: row 0 puts it on top of the tree (outside any group);
    /// another row puts it just above the layer now at that row, in that layer's group.
    void insertItem(int row, LayerItem* item);
    /// Appends `item` at the bottom of the tree (outside any group).
    void addItem(LayerItem* item) { addTopLevelItem(item); }
    /// Takes the layer at `row` out of the tree (the caller owns it); null when out of range.
    LayerItem* takeItem(int row);
    /// Whether the layer at `row` is drawn: its own box and those of every group above it are ticked.
    bool isShown(int row) const;

    /// A new group named `name` (a unique "Group N" when empty) on top of the tree, holding the layers
    /// at `rows` in their current order; returns it.
    QTreeWidgetItem* addGroup(const QString& name, const std::vector<int>& rows = {});
    /// The top-level group named `name` (null when none).
    QTreeWidgetItem* group(const QString& name) const;
    /// The names of the groups, top first.
    QStringList groupNames() const;
    /// The name of the group holding the layer at `row` (empty when it is at the top level).
    QString groupOf(int row) const;
    /// Moves the layer at `row` into group `name` (at its bottom), or out of any group to the top level
    /// just below its group when `name` is empty.
    void moveToGroup(int row, const QString& name);
    /// Removes a group, keeping its layers in its place and order.
    void ungroup(QTreeWidgetItem* group);
    static bool isGroup(const QTreeWidgetItem* item) { return item && item->type() == GroupType; }

signals:
    /// The current layer changed (−1: a group or nothing is current).
    void currentRowChanged(int row);
    /// A layer or group was ticked or unticked, moved, grouped or ungrouped: the map must follow.
    void layersChanged();

protected:
    void dropEvent(QDropEvent* event) override;

private:
    void collect(QTreeWidgetItem* parent, std::vector<LayerItem*>& out) const;
    /// The layers in list order: collected once after the tree's rows change (the window's loops ask
    /// for every row on each redraw).
    const std::vector<LayerItem*>& layers() const;
    QString uniqueGroupName() const;
    bool m_moving = false;
    mutable std::vector<LayerItem*> m_layers;
    mutable bool m_layersValid = false;
};

} // namespace tanhui::gui
