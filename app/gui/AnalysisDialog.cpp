// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/AnalysisDialog.h"

#include "app/common/ErrorText.h"
#include "app/common/Translations.h"
#include "gis/VectorLayer.h"
#include "models/project/Project.h"
#include "render/ProjectMaps.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace tanhui::gui {

namespace analysis = models::analysis;
namespace params = models::params;
using analysis::InputKind;

/// One input's widgets.
struct AnalysisDialog::Row {
    const analysis::InputSpec* spec = nullptr;
    QWidget* editor = nullptr; ///< what the form shows (a container for line edit + Browse)
    QComboBox* combo = nullptr;
    QLineEdit* line = nullptr;
    QCheckBox* check = nullptr;
    QListWidget* list = nullptr;
    QLabel* label = nullptr;
    QLabel* info = nullptr;
    QFormLayout* form = nullptr; ///< the layout holding the row (main or advanced)
};

namespace {

bool isNumeric(InputKind kind) {
    return kind == InputKind::Number || kind == InputKind::Integer;
}

/// A number as the form shows it (the UI locale, no group separators, up to 10 significant digits).
QString numberText(const QVariant& value) {
    bool ok = false;
    const double v = value.toDouble(&ok);
    if (!ok)
        return value.toString();
    QLocale locale = app::uiLocale();
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(v, 'g', 10);
}

/// The text of a number field as a value: a double (or an integer) when it parses in the UI locale or
/// in C notation, else the text itself, which validation then reports.
QVariant numberValue(const QString& text, bool integer) {
    const QString t = text.trimmed();
    bool ok = false;
    double v = app::uiLocale().toDouble(t, &ok);
    if (!ok)
        v = QLocale::c().toDouble(t, &ok);
    if (!ok)
        return t;
    if (integer && v == static_cast<double>(static_cast<qlonglong>(v)))
        return static_cast<qlonglong>(v);
    return v;
}

/// A choice as the form shows it: its translated label, or its value when it has none (ids such as
/// price sets are shown as they are written).
QString choiceText(const analysis::ChoiceSpec& c) {
    return c.label && *c.label ? QCoreApplication::translate("Analysis", c.label) : c.value;
}

/// The input's default as the info line shows it.
QString defaultText(const analysis::InputSpec& spec) {
    const QVariant& d = spec.defaultValue;
    if (!d.isValid())
        return {};
    QString text;
    if (spec.kind == InputKind::Boolean)
        text = d.toBool() ? AnalysisDialog::tr("on") : AnalysisDialog::tr("off");
    else if (isNumeric(spec.kind))
        text = numberText(d);
    else if (spec.kind == InputKind::Choice) {
        text = d.toString();
        for (const analysis::ChoiceSpec& c : spec.choices)
            if (c.value == text)
                text = choiceText(c);
    } else
        text = d.toString();
    if (text.isEmpty())
        return {};
    if (!spec.unit.isEmpty() && isNumeric(spec.kind))
        text += QLatin1Char(' ') + spec.unit;
    return text;
}

} // namespace

AnalysisDialog::AnalysisDialog(const analysis::AnalysisSpec& spec,
                               const models::Project& project,
                               const analysis::ParameterValues& initial,
                               QWidget* parent)
  : QDialog(parent)
  , m_spec(spec)
  , m_project(project) {
    setObjectName(QStringLiteral("analysisDialog_%1").arg(spec.id));
    setWindowTitle(spec.translatedLabel());

    auto* intro = new QLabel(spec.translatedDescription(), this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    auto* body = new QWidget;
    auto* bodyLayout = new QVBoxLayout(body);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    bodyLayout->addLayout(form);
    // Advanced inputs under a disclosure button, collapsed at first.
    auto* advanced = new QToolButton(body);
    advanced->setText(tr("Advanced"));
    advanced->setCheckable(true);
    advanced->setAutoRaise(true);
    advanced->setArrowType(Qt::RightArrow);
    advanced->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto* advancedContent = new QWidget(body);
    auto* advancedForm = new QFormLayout(advancedContent);
    advancedForm->setContentsMargins(0, 0, 0, 0);
    advancedForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    advancedContent->setVisible(false);
    connect(advanced, &QToolButton::toggled, advancedContent, [advanced, advancedContent](bool on) {
        advancedContent->setVisible(on);
        advanced->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    bodyLayout->addWidget(advanced);
    bodyLayout->addWidget(advancedContent);
    bodyLayout->addStretch(1);

    bool anyAdvanced = false;
    for (const analysis::InputSpec& input : spec.inputs) {
        auto* row = new Row;
        row->spec = &input;
        m_rows.push_back(row);
        QFormLayout* target = input.advanced ? advancedForm : form;
        anyAdvanced = anyAdvanced || input.advanced;
        QWidget* parentWidget = input.advanced ? advancedContent : body;
        QString labelText = input.translatedLabel();
        if (!input.unit.isEmpty() && isNumeric(input.kind))
            labelText = tr("%1 (%2)").arg(labelText, input.unit);
        row->label = new QLabel(tr("%1:").arg(labelText), parentWidget);
        row->label->setToolTip(input.translatedHelp());
        buildEditor(*row);
        row->editor->setParent(parentWidget);
        row->editor->setToolTip(input.translatedHelp());
        row->editor->setObjectName(QStringLiteral("input_%1").arg(input.id));

        // The default, its source and its evidence tag, under the editor.
        QStringList parts;
        const QString def = defaultText(input);
        if (!def.isEmpty())
            parts << tr("Default: %1").arg(def);
        if (!input.source.isEmpty())
            parts << tr("Source: %1").arg(input.source);
        // The evidence tag qualifies a value (a number, a choice, a flag), not a folder or a layer.
        const bool valued =
          isNumeric(input.kind) || input.kind == InputKind::Choice || input.kind == InputKind::Boolean;
        if (valued && input.defaultValue.isValid() && !input.source.isEmpty()) {
            QString tag = params::tagLabel(input.tag);
            if (params::isFlagged(input.tag))
                tag = tr("%1, to confirm").arg(tag);
            parts << tr("Evidence: %1").arg(tag);
        }
        auto* cell = new QWidget(parentWidget);
        auto* cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(1);
        cellLayout->addWidget(row->editor);
        if (!parts.isEmpty()) {
            row->info = new QLabel(parts.join(QStringLiteral(" · ")), cell);
            row->info->setWordWrap(true);
            row->info->setTextFormat(Qt::PlainText);
            QFont small = row->info->font();
            small.setPointSizeF(small.pointSizeF() * 0.85);
            row->info->setFont(small);
            row->info->setStyleSheet(valued && params::isFlagged(input.tag) && input.defaultValue.isValid()
                                       ? QStringLiteral("color: #a15c00;")
                                       : QStringLiteral("color: palette(mid);"));
            row->info->setToolTip(params::tagDescription(input.tag));
            cellLayout->addWidget(row->info);
        }
        target->addRow(row->label, cell);
        row->form = target;
    }
    advanced->setVisible(anyAdvanced);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("analysisProblems"));
    m_problems->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_run = buttons->addButton(tr("Run"), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(QStringLiteral("runButton"));
    QPushButton* restore = buttons->addButton(QDialogButtonBox::RestoreDefaults);
    connect(restore, &QPushButton::clicked, this, [this] {
        const analysis::ParameterValues defaults = analysis::defaultValues(m_spec, &m_project);
        m_filling = true;
        for (Row* row : m_rows)
            setRowValue(*row, defaults.value(row->spec->id));
        m_filling = false;
        changed();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, [this] {
        validateNow();
        if (params::hasErrors(m_issues))
            return;
        emit runRequested(values());
        accept();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &AnalysisDialog::validateNow);

    // Start from the defaults and what the project keeps, then the caller's values.
    analysis::ParameterValues start = analysis::defaultValues(spec, &project);
    for (auto it = initial.begin(); it != initial.end(); ++it)
        start.insert(it.key(), it.value());
    m_filling = true;
    for (Row* row : m_rows)
        if (row->spec->kind != InputKind::Field)
            setRowValue(*row, start.value(row->spec->id));
    for (Row* row : m_rows)
        if (row->spec->kind == InputKind::Field) {
            fillFields(*row);
            setRowValue(*row, start.value(row->spec->id));
        }
    m_filling = false;
    updateEnabled();
    validateNow();
    // As tall as the form needs, up to 680 px (the form scrolls beyond).
    resize(720, std::min(680, body->sizeHint().height() + intro->sizeHint().height() + 160));
}

AnalysisDialog::~AnalysisDialog() {
    qDeleteAll(m_rows);
}

QWidget* AnalysisDialog::buildEditor(Row& row) {
    const analysis::InputSpec& input = *row.spec;
    const auto onChange = [this] { changed(); };
    switch (input.kind) {
        case InputKind::ParcelLayer:
        case InputKind::RasterLayer: {
            row.combo = new QComboBox;
            const QString kind =
              input.kind == InputKind::ParcelLayer ? QStringLiteral("vector") : QStringLiteral("raster");
            row.combo->addItem(tr("(none)"), QString());
            for (const models::ProjectLayer& layer : m_project.layers) {
                if (layer.kind != kind ||
                    (!input.layerRoles.isEmpty() && !input.layerRoles.contains(layer.role)))
                    continue;
                row.combo->addItem(tr("%1 (%2)").arg(render::projectLayerTitle(layer), layer.id), layer.id);
            }
            connect(row.combo, &QComboBox::currentIndexChanged, this, [this, &row] {
                // The fields of inputs depending on this layer follow it.
                for (Row* other : m_rows)
                    if (other->spec->kind == InputKind::Field && other->spec->parentInput == row.spec->id) {
                        const QVariant keep = rowValue(*other);
                        const bool filling = m_filling;
                        m_filling = true;
                        fillFields(*other);
                        setRowValue(*other, keep);
                        m_filling = filling;
                    }
                changed();
            });
            row.editor = row.combo;
            break;
        }
        case InputKind::Plan: {
            row.combo = new QComboBox;
            for (const models::ProjectPlan& plan : m_project.plans)
                row.combo->addItem(plan.name, plan.name);
            connect(row.combo, &QComboBox::currentIndexChanged, this, onChange);
            row.editor = row.combo;
            break;
        }
        case InputKind::Field:
        case InputKind::Choice: {
            row.combo = new QComboBox;
            if (input.kind == InputKind::Choice) {
                if (!input.required)
                    row.combo->addItem(tr("(not set)"), QString());
                for (const analysis::ChoiceSpec& c : input.choices)
                    row.combo->addItem(choiceText(c), c.value);
            }
            connect(row.combo, &QComboBox::currentIndexChanged, this, onChange);
            row.editor = row.combo;
            break;
        }
        case InputKind::LayerList:
        case InputKind::RasterList:
        case InputKind::MultiChoice: {
            // A checkable list: the project's vector or raster layers, or the choices.
            row.list = new QListWidget;
            auto addItem = [&](const QString& text, const QString& value) {
                auto* item = new QListWidgetItem(text, row.list);
                item->setData(Qt::UserRole, value);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Unchecked);
            };
            if (input.kind == InputKind::MultiChoice)
                for (const analysis::ChoiceSpec& c : input.choices)
                    addItem(choiceText(c), c.value);
            const QString kind =
              input.kind == InputKind::RasterList ? QStringLiteral("raster") : QStringLiteral("vector");
            for (const models::ProjectLayer& layer : m_project.layers) {
                if (input.kind == InputKind::MultiChoice || layer.kind != kind ||
                    (!input.layerRoles.isEmpty() && !input.layerRoles.contains(layer.role)))
                    continue;
                addItem(tr("%1 (%2)").arg(render::projectLayerTitle(layer), layer.id), layer.id);
            }
            if (row.list->count() > 0)
                row.list->setMaximumHeight(row.list->sizeHintForRow(0) * std::min(row.list->count(), 5) +
                                           2 * row.list->frameWidth() + 2);
            connect(row.list, &QListWidget::itemChanged, this, onChange);
            row.editor = row.list;
            break;
        }
        case InputKind::Boolean:
            row.check = new QCheckBox;
            connect(row.check, &QCheckBox::toggled, this, onChange);
            row.editor = row.check;
            break;
        case InputKind::Number:
        case InputKind::Integer:
        case InputKind::Text:
            row.line = new QLineEdit;
            if (input.defaultValue.isValid())
                row.line->setPlaceholderText(defaultText(input));
            connect(row.line, &QLineEdit::textChanged, this, onChange);
            row.editor = row.line;
            break;
        case InputKind::File:
        case InputKind::ParameterTable:
        case InputKind::OutputFolder: {
            row.line = new QLineEdit;
            if (input.kind == InputKind::ParameterTable)
                row.line->setPlaceholderText(tr("Built-in table"));
            else if (input.multiple)
                row.line->setPlaceholderText(tr("Several values separated by ';'"));
            connect(row.line, &QLineEdit::textChanged, this, onChange);
            auto* box = new QWidget;
            auto* layout = new QHBoxLayout(box);
            layout->setContentsMargins(0, 0, 0, 0);
            layout->addWidget(row.line, 1);
            auto* browse = new QPushButton(tr("Browse…"), box);
            layout->addWidget(browse);
            connect(browse, &QPushButton::clicked, this, [this, &row] {
                const QString base =
                  row.line->text().isEmpty() ? m_project.baseDir() : m_project.resolve(row.line->text());
                QString chosen;
                if (row.spec->kind == InputKind::OutputFolder)
                    chosen = QFileDialog::getExistingDirectory(this, row.spec->translatedLabel(), base);
                else
                    chosen = QFileDialog::getOpenFileName(
                      this,
                      row.spec->translatedLabel(),
                      base,
                      row.spec->fileFilter.isEmpty() ? tr("All files (*)") : row.spec->fileFilter);
                if (chosen.isEmpty())
                    return;
                // Inside the project folder the path is kept relative, as the project file keeps paths.
                const QString rel = QDir(m_project.baseDir()).relativeFilePath(chosen);
                row.line->setText(
                  m_project.baseDir().isEmpty() || rel.startsWith(QLatin1String("..")) ? chosen : rel);
            });
            row.editor = box;
            break;
        }
    }
    return row.editor;
}

QStringList AnalysisDialog::layerFields(const QString& layerId) const {
    if (m_fields.contains(layerId) || m_fieldErrors.contains(layerId))
        return m_fields.value(layerId);
    const models::ProjectLayer* layer = m_project.layer(layerId);
    if (!layer)
        return {};
    try {
        gis::VectorOpenOptions options;
        options.encodingOverride = layer->encoding.toStdString();
        const gis::VectorLayer opened(m_project.resolve(layer->path).toStdString(), options);
        QStringList names;
        for (const gis::FieldInfo& f : opened.info().fields)
            names << f.name;
        m_fields.insert(layerId, names);
        return names;
    } catch (const std::exception& e) {
        // Validation reports the unreadable layer; the combo stays empty.
        m_fieldErrors.insert(layerId, app::errorDetail(e));
        return {};
    }
}

void AnalysisDialog::fillFields(Row& row) {
    row.combo->clear();
    row.combo->addItem(tr("(none)"), QString());
    QString layerId;
    for (const Row* other : m_rows)
        if (other->spec->id == row.spec->parentInput)
            layerId = rowValue(*other).toString();
    for (const QString& name : layerFields(layerId))
        row.combo->addItem(name, name);
}

QVariant AnalysisDialog::rowValue(const Row& row) const {
    const analysis::InputSpec& input = *row.spec;
    switch (input.kind) {
        case InputKind::ParcelLayer:
        case InputKind::RasterLayer:
        case InputKind::Field:
        case InputKind::Choice:
        case InputKind::Plan:
            return row.combo->currentData();
        case InputKind::LayerList:
        case InputKind::RasterList:
        case InputKind::MultiChoice: {
            QStringList ids;
            for (int i = 0; i < row.list->count(); ++i)
                if (row.list->item(i)->checkState() == Qt::Checked)
                    ids << row.list->item(i)->data(Qt::UserRole).toString();
            return ids;
        }
        case InputKind::Boolean:
            return row.check->isChecked();
        case InputKind::Number:
        case InputKind::Integer:
            return row.line->text().trimmed().isEmpty()
                     ? QVariant()
                     : numberValue(row.line->text(), input.kind == InputKind::Integer);
        case InputKind::Text:
        case InputKind::File:
        case InputKind::ParameterTable:
        case InputKind::OutputFolder:
            if (input.multiple) {
                QStringList items;
                for (const QString& part : row.line->text().split(QLatin1Char(';'), Qt::SkipEmptyParts))
                    if (!part.trimmed().isEmpty())
                        items << part.trimmed();
                return items;
            }
            return row.line->text().trimmed();
    }
    return {};
}

void AnalysisDialog::setRowValue(Row& row, const QVariant& value) {
    const analysis::InputSpec& input = *row.spec;
    switch (input.kind) {
        case InputKind::ParcelLayer:
        case InputKind::RasterLayer:
        case InputKind::Field:
        case InputKind::Choice:
        case InputKind::Plan: {
            const QString text = value.toString();
            int index = row.combo->findData(text);
            if (index < 0 && !text.isEmpty()) {
                // A value the project names but that is not offered (a removed layer, a missing field):
                // kept visible so that validation names it.
                row.combo->addItem(tr("%1 (not found)").arg(text), text);
                index = row.combo->count() - 1;
            }
            row.combo->setCurrentIndex(std::max(index, 0));
            break;
        }
        case InputKind::LayerList:
        case InputKind::RasterList:
        case InputKind::MultiChoice: {
            const QStringList ids = value.toStringList();
            for (int i = 0; i < row.list->count(); ++i)
                row.list->item(i)->setCheckState(
                  ids.contains(row.list->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                 : Qt::Unchecked);
            break;
        }
        case InputKind::Boolean:
            row.check->setChecked(value.toBool());
            break;
        case InputKind::Number:
        case InputKind::Integer:
            row.line->setText(value.isValid() && !value.toString().isEmpty() ? numberText(value) : QString());
            break;
        case InputKind::Text:
        case InputKind::File:
        case InputKind::ParameterTable:
        case InputKind::OutputFolder:
            row.line->setText(input.multiple ? value.toStringList().join(QStringLiteral("; "))
                                             : value.toString());
            break;
    }
}

analysis::ParameterValues AnalysisDialog::values() const {
    analysis::ParameterValues out;
    for (const Row* row : m_rows) {
        const QVariant v = rowValue(*row);
        const bool empty = !v.isValid() || (v.typeId() == QMetaType::QString && v.toString().isEmpty()) ||
                           (v.typeId() == QMetaType::QStringList && v.toStringList().isEmpty());
        if (!empty)
            out.insert(row->spec->id, v);
    }
    return out;
}

void AnalysisDialog::setValue(const QString& inputId, const QVariant& value) {
    for (Row* row : m_rows)
        if (row->spec->id == inputId)
            setRowValue(*row, value);
}

QWidget* AnalysisDialog::editor(const QString& inputId) const {
    for (const Row* row : m_rows)
        if (row->spec->id == inputId)
            return row->editor;
    return nullptr;
}

void AnalysisDialog::changed() {
    if (m_filling)
        return;
    updateEnabled();
    m_run->setEnabled(false); // until the new values have been validated
    m_debounce->start();
}

void AnalysisDialog::updateEnabled() {
    const analysis::ParameterValues now = values();
    for (Row* row : m_rows) {
        const bool on = analysis::isEnabled(*row->spec, now);
        if (row->spec->hiddenWhenDisabled)
            row->form->setRowVisible(row->label, on);
        row->editor->setEnabled(on);
        row->label->setEnabled(on);
        if (row->info)
            row->info->setEnabled(on);
        QString text = row->label->text();
        const bool starred = text.startsWith(QLatin1Char('*'));
        if (on && analysis::isRequired(*row->spec, now) && !starred)
            row->label->setText(QLatin1Char('*') + text);
        else if ((!on || !analysis::isRequired(*row->spec, now)) && starred)
            row->label->setText(text.mid(1));
    }
}

void AnalysisDialog::validateNow() {
    m_debounce->stop();
    m_issues = analysis::validate(m_spec, values(), &m_project);
    showIssues();
}

void AnalysisDialog::showIssues() {
    m_problems->clear();
    int errors = 0;
    int warnings = 0;
    for (const params::Issue& issue : m_issues) {
        // A problem of an input is named by the input's label as the form shows it (the CLI names the
        // option); problems inside a file keep the file, row and column.
        QString text = issue.toString();
        for (const Row* row : m_rows)
            if (issue.file.isEmpty() && issue.column == QStringLiteral("--") + row->spec->optionName())
                text = tr("%1: %2").arg(row->spec->translatedLabel(), issue.message);
        auto* item = new QListWidgetItem(text, m_problems);
        item->setToolTip(issue.toString());
        item->setIcon(style()->standardIcon(issue.isError() ? QStyle::SP_MessageBoxCritical
                                                            : QStyle::SP_MessageBoxWarning));
        issue.isError() ? ++errors : ++warnings;
    }
    // The editors of inputs with an error get a red frame.
    for (Row* row : m_rows) {
        const QString option = QStringLiteral("--") + row->spec->optionName();
        bool bad = false;
        for (const params::Issue& issue : m_issues)
            bad = bad || (issue.isError() && (issue.column == option || issue.column == row->spec->id));
        QWidget* target = row->line    ? static_cast<QWidget*>(row->line)
                          : row->combo ? static_cast<QWidget*>(row->combo)
                                       : row->editor;
        target->setStyleSheet(bad ? QStringLiteral("border: 1px solid #c62828;") : QString());
    }
    if (errors > 0)
        m_summary->setText(tr("%n problem(s) must be fixed before the analysis can run.", nullptr, errors));
    else if (warnings > 0)
        m_summary->setText(tr("Ready to run, with %n warning(s) to read.", nullptr, warnings));
    else
        m_summary->setText(tr("Ready to run."));
    m_problems->setVisible(!m_issues.empty());
    // As tall as its problems (up to six lines), so the form keeps the room.
    const int lines = std::clamp(m_problems->count(), 1, 6);
    m_problems->setFixedHeight(lines * (fontMetrics().height() + 6) + 2 * m_problems->frameWidth() + 4);
    m_run->setEnabled(errors == 0);
}

} // namespace tanhui::gui
