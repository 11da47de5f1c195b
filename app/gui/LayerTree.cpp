// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/LayerTree.h"

#include <QDropEvent>
#include <QStyle>

#include <algorithm>

namespace tanhui::gui {

LayerItem::LayerItem(const QIcon& icon, const QString& text)
  : QTreeWidgetItem(Type) {
    setIcon(0, icon);
    QTreeWidgetItem::setText(0, text);
    setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled |
             Qt::ItemNeverHasChildren);
}

LayerTree::LayerTree(QWidget* parent)
  : QTreeWidget(parent) {
    setHeaderHidden(true);
    setColumnCount(1);
    setSelectionMode(QAbstractItemView::ExtendedSelection); // Make Time Series takes several
    setDragDropMode(QAbstractItemView::InternalMove);
    setDefaultDropAction(Qt::MoveAction);
    setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    connect(this, &QTreeWidget::itemChanged, this, [this] {
        if (!m_moving)
            emit layersChanged();
    });
    // Any insertion, removal or move of rows (drags, groups, takeItem/insertItem) re-collects the layers.
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(model(), signal, this, [this] { m_layersValid = false; });
    connect(model(), &QAbstractItemModel::rowsMoved, this, [this] { m_layersValid = false; });
    connect(model(), &QAbstractItemModel::layoutChanged, this, [this] { m_layersValid = false; });
    connect(model(), &QAbstractItemModel::modelReset, this, [this] { m_layersValid = false; });
    connect(this, &QTreeWidget::currentItemChanged, this, [this] {
        if (!m_moving)
            emit currentRowChanged(currentRow());
    });
}

void LayerTree::collect(QTreeWidgetItem* parent, std::vector<LayerItem*>& out) const {
    for (int i = 0; i < parent->childCount(); ++i) {
        QTreeWidgetItem* child = parent->child(i);
        if (child->type() == LayerItem::Type)
            out.push_back(static_cast<LayerItem*>(child));
        else
            collect(child, out);
    }
}

const std::vector<LayerItem*>& LayerTree::layers() const {
    if (!m_layersValid) {
        m_layers.clear();
        collect(invisibleRootItem(), m_layers);
        m_layersValid = true;
    }
    return m_layers;
}

int LayerTree::count() const {
    return int(layers().size());
}

LayerItem* LayerTree::item(int row) const {
    const std::vector<LayerItem*>& all = layers();
    return row >= 0 && row < int(all.size()) ? all[std::size_t(row)] : nullptr;
}

int LayerTree::row(const QTreeWidgetItem* item) const {
    const std::vector<LayerItem*>& all = layers();
    const auto it = std::find(all.begin(), all.end(), item);
    return it == all.end() ? -1 : int(it - all.begin());
}

int LayerTree::currentRow() const {
    return row(currentItem());
}

void LayerTree::setCurrentRow(int row) {
    if (LayerItem* it = item(row))
        setCurrentItem(it);
}

void LayerTree::insertItem(int row, LayerItem* item) {
    LayerItem* below = row > 0 ? this->item(row) : nullptr;
    if (!below) {
        if (row <= 0)
            insertTopLevelItem(0, item);
        else
            addTopLevelItem(item);
        return;
    }
    QTreeWidgetItem* parent = below->parent() ? below->parent() : invisibleRootItem();
    parent->insertChild(parent->indexOfChild(below), item);
}

LayerItem* LayerTree::takeItem(int row) {
    LayerItem* it = item(row);
    if (!it)
        return nullptr;
    QTreeWidgetItem* parent = it->parent() ? it->parent() : invisibleRootItem();
    parent->takeChild(parent->indexOfChild(it));
    return it;
}

bool LayerTree::isShown(int row) const {
    const LayerItem* it = item(row);
    if (!it || it->checkState() != Qt::Checked)
        return false;
    for (const QTreeWidgetItem* p = it->parent(); p; p = p->parent())
        if (p->checkState(0) != Qt::Checked)
            return false;
    return true;
}

QString LayerTree::uniqueGroupName() const {
    for (int n = 1;; ++n) {
        const QString name = tr("Group %1").arg(n);
        if (!group(name))
            return name;
    }
}

QTreeWidgetItem* LayerTree::addGroup(const QString& name, const std::vector<int>& rows) {
    std::vector<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    std::vector<LayerItem*> members;
    for (int r : sorted)
        if (LayerItem* it = item(r); it && std::find(members.begin(), members.end(), it) == members.end())
            members.push_back(it);
    m_moving = true;
    auto* g = new QTreeWidgetItem(GroupType);
    g->setText(0, name.trimmed().isEmpty() ? uniqueGroupName() : name.trimmed());
    g->setIcon(0, style()->standardIcon(QStyle::SP_DirIcon));
    QFont bold = font();
    bold.setBold(true);
    g->setFont(0, bold);
    g->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled |
                Qt::ItemIsDropEnabled | Qt::ItemIsEditable);
    g->setCheckState(0, Qt::Checked);
    // The group takes the place of its top member (the top of the tree when it has none).
    QTreeWidgetItem* anchor = members.empty() ? nullptr : members.front();
    while (anchor && anchor->parent())
        anchor = anchor->parent();
    const int at = anchor ? indexOfTopLevelItem(anchor) : 0;
    for (LayerItem* it : members) {
        QTreeWidgetItem* parent = it->parent() ? it->parent() : invisibleRootItem();
        parent->takeChild(parent->indexOfChild(it));
    }
    insertTopLevelItem(std::clamp(at, 0, topLevelItemCount()), g);
    for (LayerItem* it : members)
        g->addChild(it);
    g->setExpanded(true);
    m_moving = false;
    emit layersChanged();
    return g;
}

QTreeWidgetItem* LayerTree::group(const QString& name) const {
    for (int i = 0; i < topLevelItemCount(); ++i)
        if (QTreeWidgetItem* it = topLevelItem(i); isGroup(it) && it->text(0) == name)
            return it;
    return nullptr;
}

QStringList LayerTree::groupNames() const {
    QStringList names;
    for (int i = 0; i < topLevelItemCount(); ++i)
        if (QTreeWidgetItem* it = topLevelItem(i); isGroup(it))
            names << it->text(0);
    return names;
}

QString LayerTree::groupOf(int row) const {
    const LayerItem* it = item(row);
    return it && isGroup(it->parent()) ? it->parent()->text(0) : QString();
}

void LayerTree::moveToGroup(int row, const QString& name) {
    LayerItem* it = item(row);
    QTreeWidgetItem* target = name.isEmpty() ? nullptr : group(name);
    if (!it || (!name.isEmpty() && !target) || it->parent() == target)
        return;
    m_moving = true;
    const bool wasCurrent = currentItem() == it;
    QTreeWidgetItem* oldGroup = it->parent();
    (oldGroup ? oldGroup : invisibleRootItem())
      ->takeChild((oldGroup ? oldGroup : invisibleRootItem())->indexOfChild(it));
    if (target)
        target->addChild(it);
    else
        insertTopLevelItem(indexOfTopLevelItem(oldGroup) + 1, it);
    if (wasCurrent)
        setCurrentItem(it);
    m_moving = false;
    emit layersChanged();
}

void LayerTree::ungroup(QTreeWidgetItem* g) {
    if (!isGroup(g))
        return;
    m_moving = true;
    QTreeWidgetItem* parent = g->parent() ? g->parent() : invisibleRootItem();
    const int at = parent->indexOfChild(g);
    const QList<QTreeWidgetItem*> children = g->takeChildren();
    delete parent->takeChild(at);
    parent->insertChildren(at, children);
    m_moving = false;
    emit layersChanged();
    emit currentRowChanged(currentRow());
}

void LayerTree::dropEvent(QDropEvent* event) {
    // Groups hold layers only: a group is not dropped into another group.
    const QList<QTreeWidgetItem*> dragged = selectedItems();
    const bool draggingGroup =
      std::any_of(dragged.begin(), dragged.end(), [](auto* it) { return isGroup(it); });
    if (draggingGroup) {
        QTreeWidgetItem* target = itemAt(event->position().toPoint());
        const DropIndicatorPosition where = dropIndicatorPosition();
        const bool intoGroup = target && ((where == OnItem) || target->parent() != nullptr);
        if (intoGroup) {
            event->ignore();
            return;
        }
    }
    m_moving = true;
    QTreeWidget::dropEvent(event);
    m_moving = false;
    emit layersChanged();
    emit currentRowChanged(currentRow());
}

} // namespace tanhui::gui
