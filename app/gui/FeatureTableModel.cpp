// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/FeatureTableModel.h"

#include <QColor>
#include <QFont>
#include <QPalette>

namespace tanhui::gui {

namespace {
bool isNumeric(const QVariant& value) {
    switch (value.typeId()) {
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Double:
        case QMetaType::Float:
            return true;
        default:
            return false;
    }
}
} // namespace

FeatureTableModel::FeatureTableModel(QObject* parent)
  : QAbstractTableModel(parent) {}

void FeatureTableModel::setFeatures(std::vector<tanhui::gis::FieldInfo> fields,
                                    std::vector<tanhui::gis::Feature> features) {
    beginResetModel();
    m_fields = std::move(fields);
    m_features = std::move(features);
    endResetModel();
}

void FeatureTableModel::clear() {
    setFeatures({}, {});
}

int FeatureTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_features.size());
}

int FeatureTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || (m_fields.empty() && m_features.empty()) ? 0 : int(m_fields.size()) + 1;
}

QVariant FeatureTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_features.size()))
        return {};
    const tanhui::gis::Feature& feature = m_features[std::size_t(index.row())];
    if (index.column() == 0) {
        if (role == Qt::DisplayRole)
            return QVariant::fromValue<qlonglong>(feature.fid);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    const std::size_t field = std::size_t(index.column() - 1);
    const QVariant value = field < feature.attributes.size() ? feature.attributes[field] : QVariant();
    const bool null = value.isNull();
    switch (role) {
        case Qt::DisplayRole:
            return null ? QStringLiteral("NULL") : value;
        case Qt::ToolTipRole:
            return null ? QVariant() : value.toString();
        case Qt::ForegroundRole:
            return null ? QVariant(QColor(Qt::gray)) : QVariant();
        case Qt::FontRole:
            if (null) {
                QFont font;
                font.setItalic(true);
                return font;
            }
            return {};
        case Qt::TextAlignmentRole:
            return int((isNumeric(value) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
        default:
            return {};
    }
}

QVariant FeatureTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section == 0)
        return tr("FID");
    if (section - 1 < int(m_fields.size()))
        return m_fields[std::size_t(section - 1)].name;
    return {};
}

} // namespace tanhui::gui
