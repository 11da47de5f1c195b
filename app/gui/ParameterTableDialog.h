// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/analysis/ParameterTables.h"
#include "models/project/Project.h"

#include <QDialog>
#include <QString>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace tanhui::gui {

/// @brief File ▸ Parameter Tables… (issue 13): the project's parameter tables (carbon pools, species,
/// soil factors, growth rates, blue carbon, GEP prices, ecosystems, …) in an editable table with their
/// source and tag columns. Every edit is checked as a run loads the table (models::analysis::
/// validateTextTable: each problem with its row and column, Save disabled while one is an error); an
/// edited row is tagged `user` with its source marked as edited. Save writes the table atomically beside
/// the project (a table kept elsewhere is saved under <project>/parameters/ and the project points to
/// it: projectChanged()).
class ParameterTableDialog : public QDialog {
    Q_OBJECT

public:
    explicit ParameterTableDialog(const models::Project& project, QWidget* parent = nullptr);
    ~ParameterTableDialog() override;

    /// The tables listed (the project's `parameters` names that have a layout).
    QStringList tableNames() const;
    /// Shows table `name`; false when not listed or unreadable (the reason in problems()).
    bool showTable(const QString& name);
    QString currentTable() const { return m_name; }
    /// Sets a cell of the shown table (row 0 = first data row; column by name), as an edit would.
    bool setCell(int row, const QString& column, const QString& text);
    QString cell(int row, const QString& column) const;
    void addRow();
    void removeRow(int row);
    /// The shown table's problems as listed (one line each; errors and warnings).
    QStringList problems() const;
    bool canSave() const;
    /// Saves the shown table; false with the reason in problems() on failure.
    bool save();
    /// The project as the dialog left it (parameters paths updated when a table moved into the project).
    const models::Project& project() const { return m_project; }
    QTableWidget* tableWidget() const { return m_table; }

signals:
    /// A save changed the project's parameters entry (the table now lives beside the project).
    void projectChanged();

private:
    void fillTable();
    void validate();
    void onItemChanged(int row, int column);

    models::Project m_project;
    QString m_name;
    const models::params::TableSpec* m_spec = nullptr;
    models::analysis::TextTable m_text;
    bool m_modified = false;
    bool m_filling = false;
    models::params::Issues m_issues;
    QString m_readError;
    QListWidget* m_list = nullptr;
    QTableWidget* m_table = nullptr;
    QListWidget* m_problems = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace tanhui::gui
