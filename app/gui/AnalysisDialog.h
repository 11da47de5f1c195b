// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/analysis/AnalysisSpec.h"
#include "models/params/Parameter.h"

#include <QDialog>
#include <QMap>
#include <QString>
#include <QStringList>

class QLabel;
class QListWidget;
class QPushButton;
class QTimer;
class QWidget;

namespace tanhui::models {
class Project;
}

namespace tanhui::gui {

/// @brief The form of one analysis (issue 13, "Analyses"), built from its declared inputs
/// (models/analysis/AnalysisSpec.h) and nothing else: one editor per input chosen by its kind (project
/// layers of the accepted roles, the chosen layer's fields, choices, numbers with their unit, files,
/// parameter tables, the output folder), each with its help as tooltip and a line giving its default,
/// the default's source and its evidence tag (flagged tags are marked "to confirm"). Inputs whose
/// enabledIf does not hold are greyed out; advanced inputs sit in a collapsible group.
///
/// Every change validates the whole parameter set again (analysis::validate, debounced), and the list
/// under the form shows every problem at once, naming the input; Run stays disabled while there is an
/// error. Warnings (a value outside the usual range, an unconfirmed default) are listed but do not
/// block. Run emits runRequested() with the values and closes the dialog.
class AnalysisDialog : public QDialog {
    Q_OBJECT
public:
    /// `project` must outlive the dialog; `initial` overrides analysis::defaultValues(spec, project).
    AnalysisDialog(const models::analysis::AnalysisSpec& spec,
                   const models::Project& project,
                   const models::analysis::ParameterValues& initial = {},
                   QWidget* parent = nullptr);
    ~AnalysisDialog() override;

    const models::analysis::AnalysisSpec& spec() const { return m_spec; }
    /// The values the form holds now (inputs left empty are absent).
    models::analysis::ParameterValues values() const;
    /// The problems of the last validation (validateNow() forces one).
    const models::params::Issues& issues() const { return m_issues; }
    void validateNow();

    /// Sets an input's value as the user would (tests, restoring a previous run's values).
    void setValue(const QString& inputId, const QVariant& value);
    /// The editor of an input (QComboBox, QLineEdit, QCheckBox, QListWidget or a row with a line edit
    /// and a Browse button), null when there is none.
    QWidget* editor(const QString& inputId) const;
    QPushButton* runButton() const { return m_run; }
    QListWidget* problemList() const { return m_problems; }

signals:
    /// Run was pressed with a valid parameter set.
    void runRequested(const models::analysis::ParameterValues& values);

private:
    struct Row;
    QWidget* buildEditor(Row& row);
    void fillFields(Row& row);
    void changed();
    void updateEnabled();
    void showIssues();
    QVariant rowValue(const Row& row) const;
    void setRowValue(Row& row, const QVariant& value);
    QStringList layerFields(const QString& layerId) const;

    const models::analysis::AnalysisSpec& m_spec;
    const models::Project& m_project;
    std::vector<Row*> m_rows;
    models::params::Issues m_issues;
    QListWidget* m_problems = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_run = nullptr;
    QTimer* m_debounce = nullptr;
    /// Field names per vector layer id (opened once), or the error opening it.
    mutable QMap<QString, QStringList> m_fields;
    mutable QMap<QString, QString> m_fieldErrors;
    bool m_filling = false;
};

} // namespace tanhui::gui
