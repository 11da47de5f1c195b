// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/VectorLayer.h"

#include <QAbstractTableModel>

#include <vector>

namespace tanhui::gui {

/// @brief Read-only table of a few features: the FID, then one column per attribute field.
class FeatureTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit FeatureTableModel(QObject* parent = nullptr);

    void setFeatures(std::vector<tanhui::gis::FieldInfo> fields, std::vector<tanhui::gis::Feature> features);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<tanhui::gis::FieldInfo> m_fields;
    std::vector<tanhui::gis::Feature> m_features;
};

} // namespace tanhui::gui
