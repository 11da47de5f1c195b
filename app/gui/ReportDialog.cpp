// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ReportDialog.h"

#include "app/common/ErrorText.h"
#include "app/common/Translations.h"
#include "app/report/Report.h"
#include "gis/Errors.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace tanhui::gui {

namespace {

QWidget* withBrowse(QLineEdit* edit, QWidget* parent, const std::function<void()>& browse) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* button = new QPushButton(ReportDialog::tr("Browse…"), row);
    QObject::connect(button, &QPushButton::clicked, row, browse);
    layout->addWidget(button);
    return row;
}

} // namespace

ReportDialog::ReportDialog(const QString& projectFile, QWidget* parent)
  : QDialog(parent)
  , m_projectFile(projectFile) {
    setWindowTitle(tr("Export Report"));
    setObjectName(QStringLiteral("reportDialog"));
    m_carbon = new QLineEdit(this);
    m_carbon->setPlaceholderText(tr("Folder written by the carbon project run (resultset.json)"));
    m_gep = new QLineEdit(this);
    m_gep->setPlaceholderText(tr("Optional: folder written by the GEP run"));
    m_out = new QLineEdit(this);
    m_out->setPlaceholderText(tr("report.pdf or report.html"));
    m_language = new QComboBox(this);
    m_language->addItem(QStringLiteral("中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(app::uiLocale().language() == QLocale::Chinese ? 0 : 1);
    const QString base = projectFile.isEmpty() ? QString() : QFileInfo(projectFile).absolutePath();
    auto* form = new QFormLayout;
    form->addRow(tr("Carbon results:"), withBrowse(m_carbon, this, [this, base] {
                     const QString dir = QFileDialog::getExistingDirectory(this, tr("Carbon results"), base);
                     if (!dir.isEmpty())
                         m_carbon->setText(dir);
                 }));
    form->addRow(tr("GEP results:"), withBrowse(m_gep, this, [this, base] {
                     const QString dir = QFileDialog::getExistingDirectory(this, tr("GEP results"), base);
                     if (!dir.isEmpty())
                         m_gep->setText(dir);
                 }));
    form->addRow(tr("Language:"), m_language);
    form->addRow(tr("Report file:"), withBrowse(m_out, this, [this, base] {
                     const QString file = QFileDialog::getSaveFileName(
                       this, tr("Report file"), base, tr("PDF (*.pdf);;HTML (*.html)"));
                     if (!file.isEmpty())
                         m_out->setText(file);
                 }));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ReportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReportDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(640, sizeHint().height());
}

bool ReportDialog::generate(QString* error) {
    try {
        report::generateReport(m_projectFile,
                               m_carbon->text().trimmed(),
                               m_gep->text().trimmed(),
                               m_language->currentData().toString(),
                               m_out->text().trimmed());
        return true;
    } catch (const gis::GisError& e) {
        if (error)
            *error = app::errorHeadline(e) + QStringLiteral(": ") + QString::fromStdString(e.what());
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
    }
    return false;
}

void ReportDialog::accept() {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool ok = generate(&error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        QMessageBox::warning(this, tr("Export Report"), error);
        return;
    }
    QDialog::accept();
}

} // namespace tanhui::gui
