// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QString>

class QComboBox;
class QLineEdit;

namespace tanhui::gui {

/// @brief File ▸ Export Report…: asks for the carbon run's result folder, the GEP run's (optional), the
/// language and the output file (.pdf or .html), then writes the valuation report (issue 14) through
/// report::generateReport. Problems (a folder without a result set, a wrong extension) are shown
/// naming the folder or file, and the dialog stays open.
class ReportDialog : public QDialog {
    Q_OBJECT
public:
    /// `projectFile` may be empty (no project open: the report has no land-cover maps).
    explicit ReportDialog(const QString& projectFile, QWidget* parent = nullptr);

    QLineEdit* carbonEdit() const { return m_carbon; }
    QLineEdit* gepEdit() const { return m_gep; }
    QLineEdit* outEdit() const { return m_out; }
    QComboBox* languageBox() const { return m_language; }

    /// Writes the report; false with `error` (English detail after a translated headline) on failure.
    bool generate(QString* error);

public slots:
    void accept() override;

private:
    QString m_projectFile;
    QLineEdit* m_carbon = nullptr;
    QLineEdit* m_gep = nullptr;
    QLineEdit* m_out = nullptr;
    QComboBox* m_language = nullptr;
};

} // namespace tanhui::gui
