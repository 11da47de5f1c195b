// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/FieldMappingDialog.h"

#include "app/common/ErrorText.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tanhui::gui {

using models::carbon::FieldSuggestion;

namespace {

enum Column { AttributeColumn, FieldColumn, BasisColumn, ValuesColumn };

QString attributeLabel(const models::carbon::FieldAttribute& a) {
    return QCoreApplication::translate("FieldAttribute", a.label);
}

} // namespace

FieldMappingDialog::FieldMappingDialog(const models::Project& project,
                                       const models::ProjectLayer& layer,
                                       QWidget* parent)
  : QDialog(parent)
  , m_layer(layer)
  , m_attributes(models::carbon::fieldAttributesFor(layer.role)) {
    setObjectName(QStringLiteral("fieldMappingDialog"));
    setWindowTitle(tr("Field Mapping — %1").arg(layer.id));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Choose which field of <b>%1</b> holds each attribute the analyses read. "
                                "Suggestions come from the fields' names and values; the mapping is saved "
                                "in the project for this layer.")
                               .arg(layer.path.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    try {
        m_samples = models::carbon::sampleFields(project, layer);
    } catch (const std::exception& e) {
        m_error = app::errorDetail(e);
    }
    if (!m_error.isEmpty()) {
        auto* error = new QLabel(tr("The layer's fields cannot be read: %1").arg(m_error), this);
        error->setObjectName(QStringLiteral("fieldMappingError"));
        error->setWordWrap(true);
        error->setStyleSheet(QStringLiteral("color: #b00020;"));
        layout->addWidget(error);
    }
    m_table = new QTableWidget(int(m_attributes.size()), 4, this);
    m_table->setObjectName(QStringLiteral("fieldMappingTable"));
    m_table->setHorizontalHeaderLabels(
      { tr("Attribute"), tr("Field"), tr("Suggested from"), tr("First values") });
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int r = 0; r < int(m_attributes.size()); ++r) {
        const models::carbon::FieldAttribute& a = *m_attributes[std::size_t(r)];
        auto* name = new QTableWidgetItem(attributeLabel(a));
        name->setToolTip(QCoreApplication::translate("FieldAttribute", a.help) + QStringLiteral("\n(") +
                         a.key + QLatin1Char(')'));
        m_table->setItem(r, AttributeColumn, name);
        auto* combo = new QComboBox(m_table);
        combo->setObjectName(QStringLiteral("field_") + a.key);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->addItem(tr("(none)"), QString());
        for (const models::carbon::FieldSample& f : m_samples)
            combo->addItem(f.name, f.name);
        m_table->setCellWidget(r, FieldColumn, combo);
        m_combos.push_back(combo);
        m_table->setItem(r, BasisColumn, new QTableWidgetItem);
        m_table->setItem(r, ValuesColumn, new QTableWidgetItem);
        connect(combo, &QComboBox::activated, this, [this, r] {
            m_table->item(r, BasisColumn)->setText(tr("your choice"));
            showValues(r);
        });
    }
    fill(models::carbon::suggestFieldMapping(layer.role, m_samples, layer.fields));
    m_table->horizontalHeader()->setSectionResizeMode(AttributeColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(FieldColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(BasisColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    m_help = new QLabel(this);
    m_help->setWordWrap(true);
    layout->addWidget(m_help);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && row < int(m_attributes.size()))
            m_help->setText(
              QCoreApplication::translate("FieldAttribute", m_attributes[std::size_t(row)]->help));
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton* suggest = buttons->addButton(tr("Suggest Again"), QDialogButtonBox::ResetRole);
    suggest->setObjectName(QStringLiteral("suggestAgainButton"));
    suggest->setToolTip(tr("Replace every choice by the suggestion from the fields' names and values"));
    connect(suggest, &QPushButton::clicked, this, &FieldMappingDialog::suggestAgain);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_error.isEmpty());
    layout->addWidget(buttons);
    resize(820, 420);
}

FieldMappingDialog::~FieldMappingDialog() = default;

void FieldMappingDialog::fill(const std::vector<FieldSuggestion>& suggestions) {
    for (int r = 0; r < int(m_attributes.size()); ++r) {
        const QString& key = m_attributes[std::size_t(r)]->key;
        const auto it = std::find_if(suggestions.begin(), suggestions.end(), [&](const FieldSuggestion& s) {
            return s.attribute == key;
        });
        QString basis;
        if (it == suggestions.end()) {
            m_combos[std::size_t(r)]->setCurrentIndex(0);
            basis = tr("no matching field");
        } else {
            m_combos[std::size_t(r)]->setCurrentIndex(
              std::max(0, m_combos[std::size_t(r)]->findData(it->field)));
            basis = it->basis == FieldSuggestion::Basis::Saved  ? tr("saved in the project")
                    : it->basis == FieldSuggestion::Basis::Name ? tr("field name")
                                                                : tr("field values");
        }
        m_table->item(r, BasisColumn)->setText(basis);
        showValues(r);
    }
}

void FieldMappingDialog::showValues(int row) {
    const QString field = m_combos[std::size_t(row)]->currentData().toString();
    QString text;
    for (const models::carbon::FieldSample& f : m_samples)
        if (f.name == field)
            text = f.values.join(QStringLiteral(", "));
    m_table->item(row, ValuesColumn)->setText(text);
    m_table->item(row, ValuesColumn)->setToolTip(text);
}

void FieldMappingDialog::suggestAgain() {
    fill(models::carbon::suggestFieldMapping(m_layer.role, m_samples, {}));
}

QMap<QString, QString> FieldMappingDialog::fields() const {
    QMap<QString, QString> out = m_layer.fields;
    for (std::size_t r = 0; r < m_attributes.size(); ++r) {
        const QString field = m_combos[r]->currentData().toString();
        if (field.isEmpty())
            out.remove(m_attributes[r]->key);
        else
            out.insert(m_attributes[r]->key, field);
    }
    return out;
}

QStringList FieldMappingDialog::attributes() const {
    QStringList out;
    for (const models::carbon::FieldAttribute* a : m_attributes)
        out << a->key;
    return out;
}

QString FieldMappingDialog::fieldFor(const QString& attribute) const {
    const int r = int(attributes().indexOf(attribute));
    return r < 0 ? QString() : m_combos[std::size_t(r)]->currentData().toString();
}

void FieldMappingDialog::setField(const QString& attribute, const QString& field) {
    const int r = int(attributes().indexOf(attribute));
    if (r < 0)
        return;
    m_combos[std::size_t(r)]->setCurrentIndex(std::max(0, m_combos[std::size_t(r)]->findData(field)));
    m_table->item(r, BasisColumn)->setText(tr("your choice"));
    showValues(r);
}

QString FieldMappingDialog::basisText(const QString& attribute) const {
    const int r = int(attributes().indexOf(attribute));
    return r < 0 ? QString() : m_table->item(r, BasisColumn)->text();
}

} // namespace tanhui::gui
