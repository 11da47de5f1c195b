// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/AttributeTable.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace tanhui::gui {

AttributeTableModel::AttributeTableModel(QObject* parent)
  : QAbstractTableModel(parent) {}

void AttributeTableModel::setSource(std::shared_ptr<const tanhui::render::VectorSource> source) {
    beginResetModel();
    m_source = std::move(source);
    endResetModel();
}

int AttributeTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_source ? 0 : int(m_source->size());
}

int AttributeTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_source ? 0 : 1 + int(m_source->info().fields.size());
}

QVariant AttributeTableModel::data(const QModelIndex& index, int role) const {
    if (!m_source || !index.isValid())
        return {};
    const auto feature = std::size_t(index.row());
    if (role == FeatureRole)
        return QVariant::fromValue(quint32(feature));
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::TextAlignmentRole)
        return {};
    const QVariant value = index.column() == 0 ? QVariant::fromValue(qlonglong(m_source->fid(feature)))
                                               : m_source->attribute(feature, index.column() - 1);
    if (role == Qt::TextAlignmentRole) {
        const bool number = value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Int ||
                            value.typeId() == QMetaType::LongLong;
        return QVariant(int((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    return value;
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || !m_source)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section == 0)
        return tr("FID");
    const auto& fields = m_source->info().fields;
    return section - 1 < int(fields.size()) ? fields[std::size_t(section - 1)].name : QVariant();
}

void AttributeFilterModel::setText(const QString& text) {
    m_text = text.trimmed();
    invalidateRowsFilter();
}

void AttributeFilterModel::setSelectedOnly(bool only, const std::vector<std::uint32_t>& features) {
    m_selectedOnly = only;
    m_selected = features;
    invalidateRowsFilter();
}

bool AttributeFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_selectedOnly && !std::binary_search(m_selected.begin(), m_selected.end(), std::uint32_t(sourceRow)))
        return false;
    if (m_text.isEmpty())
        return true;
    const QAbstractItemModel* model = sourceModel();
    for (int c = 0; c < model->columnCount(sourceParent); ++c) {
        const QVariant v = model->index(sourceRow, c, sourceParent).data(Qt::EditRole);
        if (v.toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool AttributeFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const QVariant a = left.data(Qt::EditRole), b = right.data(Qt::EditRole);
    if (a.isNull() != b.isNull())
        return a.isNull(); // empty cells first
    bool okA = false, okB = false;
    const double x = a.toDouble(&okA), y = b.toDouble(&okB);
    if (okA && okB && a.typeId() != QMetaType::QString && b.typeId() != QMetaType::QString)
        return x < y;
    return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
}

AttributeTable::AttributeTable(QWidget* parent)
  : QWidget(parent)
  , m_model(new AttributeTableModel(this))
  , m_filter(new AttributeFilterModel(this)) {
    setObjectName(QStringLiteral("attributeTable"));
    m_filter->setSourceModel(m_model);
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("attributeFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter: text in any field"));
    m_filterEdit->setClearButtonEnabled(true);
    m_selectedOnly = new QCheckBox(tr("Show selected only"), this);
    m_selectedOnly->setObjectName(QStringLiteral("selectedOnly"));
    m_zoomButton = new QToolButton(this);
    m_zoomButton->setText(tr("Zoom to Selection"));
    m_zoomButton->setToolTip(tr("Zoom the map to the selected features"));
    m_clearButton = new QToolButton(this);
    m_clearButton->setText(tr("Clear Selection"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("attributeCount"));
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_selectedOnly);
    bar->addWidget(m_zoomButton);
    bar->addWidget(m_clearButton);
    bar->addWidget(m_count);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("attributeView"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // layer order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setDefaultSectionSize(110);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(
      m_filterEdit, &QLineEdit::textChanged, this, [this](const QString& text) { setFilterText(text); });
    connect(m_selectedOnly, &QCheckBox::toggled, this, [this](bool on) { setSelectedOnly(on); });
    connect(m_zoomButton, &QToolButton::clicked, this, [this] { emit zoomToSelectionRequested(); });
    connect(m_clearButton, &QToolButton::clicked, this, [this] {
        setSelection({});
        emit selectionChanged(m_selection);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        onViewSelectionChanged();
    });
    updateCount();
}

void AttributeTable::setLayer(std::shared_ptr<const tanhui::render::VectorSource> source,
                              const QString& layerName) {
    m_updating = true;
    m_layerName = layerName;
    m_selection.clear();
    m_model->setSource(std::move(source));
    m_filter->setSelectedOnly(m_selectedOnly->isChecked(), m_selection);
    m_view->resizeColumnsToContents();
    m_updating = false;
    updateCount();
}

void AttributeTable::setSelection(const std::vector<std::uint32_t>& features) {
    m_selection = features;
    m_updating = true;
    if (m_selectedOnly->isChecked())
        m_filter->setSelectedOnly(true, m_selection);
    // The selected features' rows in the view (sorted or filtered), merged into contiguous ranges.
    std::vector<int> rows;
    rows.reserve(m_selection.size());
    for (std::uint32_t f : m_selection) {
        const QModelIndex proxy = m_filter->mapFromSource(m_model->index(int(f), 0));
        if (proxy.isValid())
            rows.push_back(proxy.row());
    }
    std::sort(rows.begin(), rows.end());
    QItemSelection selection;
    const int lastColumn = std::max(0, m_filter->columnCount() - 1);
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i + 1;
        while (j < rows.size() && rows[j] == rows[j - 1] + 1)
            ++j;
        selection.select(m_filter->index(rows[i], 0), m_filter->index(rows[j - 1], lastColumn));
        i = j;
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!m_selection.empty()) {
        const QModelIndex first = m_filter->mapFromSource(m_model->index(int(m_selection.front()), 0));
        if (first.isValid())
            m_view->scrollTo(first);
    }
    m_updating = false;
    updateCount();
}

void AttributeTable::onViewSelectionChanged() {
    if (m_updating)
        return;
    std::vector<std::uint32_t> features;
    for (const QModelIndex& row : m_view->selectionModel()->selectedRows())
        features.push_back(
          m_filter->mapToSource(row).data(AttributeTableModel::FeatureRole).value<quint32>());
    // Rows hidden by the filter keep their selection (as in QGIS).
    if (!m_filterEdit->text().isEmpty() || m_selectedOnly->isChecked()) {
        for (std::uint32_t f : m_selection) {
            if (!m_filter->mapFromSource(m_model->index(int(f), 0)).isValid())
                features.push_back(f);
        }
    }
    std::sort(features.begin(), features.end());
    features.erase(std::unique(features.begin(), features.end()), features.end());
    m_selection = std::move(features);
    updateCount();
    emit selectionChanged(m_selection);
}

int AttributeTable::shownRows() const {
    return m_filter->rowCount();
}

void AttributeTable::setFilterText(const QString& text) {
    if (m_filterEdit->text() != text)
        m_filterEdit->setText(text); // re-enters through textChanged
    m_filter->setText(text);
    setSelection(m_selection); // re-map the selection onto the rows now shown
}

void AttributeTable::setSelectedOnly(bool only) {
    if (m_selectedOnly->isChecked() != only)
        m_selectedOnly->setChecked(only);
    m_filter->setSelectedOnly(only, m_selection);
    setSelection(m_selection);
}

void AttributeTable::updateCount() {
    const QLocale locale;
    const int total = m_model->rowCount();
    m_count->setText(tr("%1: %2 of %3 features, %4 selected")
                       .arg(m_layerName,
                            locale.toString(shownRows()),
                            locale.toString(total),
                            locale.toString(qulonglong(m_selection.size()))));
    m_zoomButton->setEnabled(!m_selection.empty());
    m_clearButton->setEnabled(!m_selection.empty());
}

} // namespace tanhui::gui
