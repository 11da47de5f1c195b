// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/VectorSource.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace tanhui::gui {

/// @brief Every feature of a drawn polygon layer as a table: the FID, then one column per field. Reads
/// the layer's render::VectorSource (already in memory for drawing), so opening the table costs nothing
/// and a 100,000-feature layer scrolls as fast as a small one. Row r is feature r of the source.
class AttributeTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    /// The role giving a row's feature index (quint32).
    static constexpr int FeatureRole = Qt::UserRole + 1;

    explicit AttributeTableModel(QObject* parent = nullptr);
    void setSource(std::shared_ptr<const tanhui::render::VectorSource> source);
    const std::shared_ptr<const tanhui::render::VectorSource>& source() const { return m_source; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    /// DisplayRole: the value (numbers as numbers, so the view formats them in the UI language);
    /// Qt::EditRole: the raw value (sorting); FeatureRole: the feature index.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const tanhui::render::VectorSource> m_source;
};

/// @brief Filters an AttributeTableModel: rows any of whose cells contain a text (case-insensitive), and
/// optionally only the selected features. Sorts numbers as numbers.
class AttributeFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setText(const QString& text);
    /// Show only `features` (ascending) when `only`; everything otherwise.
    void setSelectedOnly(bool only, const std::vector<std::uint32_t>& features);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QString m_text;
    bool m_selectedOnly = false;
    std::vector<std::uint32_t> m_selected;
};

/// @brief The attribute table dock's widget: a filter box, "show selected only", zoom to and clear the
/// selection, a count ("3 of 12,345 features, 1 selected") and the sortable table. Its row selection is
/// the layer's feature selection: selecting rows emits selectionChanged(); setSelection() shows a
/// selection made on the map (without echoing it back).
class AttributeTable : public QWidget {
    Q_OBJECT
public:
    explicit AttributeTable(QWidget* parent = nullptr);

    /// Shows `source` (null: empty) with `layerName` in the count line.
    void setLayer(std::shared_ptr<const tanhui::render::VectorSource> source, const QString& layerName);
    const std::shared_ptr<const tanhui::render::VectorSource>& source() const { return m_model->source(); }
    /// Selects the rows of `features` (ascending feature indices) without emitting selectionChanged().
    void setSelection(const std::vector<std::uint32_t>& features);
    /// The selected features (ascending).
    std::vector<std::uint32_t> selection() const { return m_selection; }

    QTableView* view() const { return m_view; }
    AttributeFilterModel* filterModel() const { return m_filter; }
    /// Rows shown after filtering.
    int shownRows() const;
    void setFilterText(const QString& text);
    void setSelectedOnly(bool only);

signals:
    /// The user selected rows: the features selected now (ascending).
    void selectionChanged(const std::vector<std::uint32_t>& features);
    void zoomToSelectionRequested();

private:
    void updateCount();
    void onViewSelectionChanged();

    AttributeTableModel* m_model = nullptr;
    AttributeFilterModel* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QCheckBox* m_selectedOnly = nullptr;
    QToolButton* m_zoomButton = nullptr;
    QToolButton* m_clearButton = nullptr;
    QLabel* m_count = nullptr;
    QString m_layerName;
    std::vector<std::uint32_t> m_selection;
    bool m_updating = false;
};

} // namespace tanhui::gui
