// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/carbon/FieldMapping.h"
#include "models/project/Project.h"

#include <QDialog>
#include <QMap>
#include <QString>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace tanhui::gui {

/// @brief Layer ▸ Field Mapping… (issue 13): which field of a parcel layer holds each attribute the
/// analyses read (models::carbon::fieldAttributesFor its role), suggested from the fields' names and values
/// (models::carbon::suggestFieldMapping) and kept in the project (ProjectLayer::fields). Each row shows
/// the attribute, the chosen field, why it was suggested and the field's first values.
class FieldMappingDialog : public QDialog {
    Q_OBJECT

public:
    /// `layer` is a vector layer of the project; its fields are read here (errors shown in the dialog).
    FieldMappingDialog(const models::Project& project,
                       const models::ProjectLayer& layer,
                       QWidget* parent = nullptr);
    ~FieldMappingDialog() override;

    /// The layer's `fields` as the dialog has them now: the layer's other entries kept, the listed
    /// attributes set to the chosen field or removed when none is chosen.
    QMap<QString, QString> fields() const;
    /// The attribute keys listed, in order.
    QStringList attributes() const;
    /// The field chosen for `attribute` (empty: none).
    QString fieldFor(const QString& attribute) const;
    void setField(const QString& attribute, const QString& field);
    /// What the suggestion column says for `attribute` (translated).
    QString basisText(const QString& attribute) const;
    /// Replaces every choice by the suggestion from names and values, ignoring the saved mapping.
    void suggestAgain();
    /// Why the layer's fields could not be read (empty when they were).
    QString readError() const { return m_error; }

private:
    void fill(const std::vector<models::carbon::FieldSuggestion>& suggestions);
    void showValues(int row);

    models::ProjectLayer m_layer;
    std::vector<const models::carbon::FieldAttribute*> m_attributes;
    std::vector<models::carbon::FieldSample> m_samples;
    QString m_error;
    QTableWidget* m_table = nullptr;
    QLabel* m_help = nullptr;
    std::vector<QComboBox*> m_combos;
};

} // namespace tanhui::gui
