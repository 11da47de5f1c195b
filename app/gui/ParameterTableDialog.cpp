// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ParameterTableDialog.h"

#include "app/common/ErrorText.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tanhui::gui {

namespace analysis = models::analysis;
namespace params = models::params;

ParameterTableDialog::ParameterTableDialog(const models::Project& project, QWidget* parent)
  : QDialog(parent)
  , m_project(project) {
    setObjectName(QStringLiteral("parameterTableDialog"));
    setWindowTitle(tr("Parameter Tables"));
    auto* layout = new QVBoxLayout(this);
    auto* split = new QSplitter(Qt::Horizontal, this);
    m_list = new QListWidget(split);
    m_list->setObjectName(QStringLiteral("parameterTableList"));
    for (const models::ProjectParameterTable& t : m_project.parameters)
        if (analysis::parameterTableSpec(t.name)) {
            auto* item = new QListWidgetItem(t.name, m_list);
            item->setToolTip(m_project.resolve(t.path));
        }
    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(right);
    m_status->setWordWrap(true);
    rightLayout->addWidget(m_status);
    m_table = new QTableWidget(right);
    m_table->setObjectName(QStringLiteral("parameterTable"));
    rightLayout->addWidget(m_table, 3);
    auto* rowButtons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add Row"), right);
    auto* remove = new QPushButton(tr("Remove Row"), right);
    connect(add, &QPushButton::clicked, this, &ParameterTableDialog::addRow);
    connect(remove, &QPushButton::clicked, this, [this] { removeRow(m_table->currentRow()); });
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch();
    rightLayout->addLayout(rowButtons);
    m_problems = new QListWidget(right);
    m_problems->setObjectName(QStringLiteral("parameterProblems"));
    m_problems->setMaximumHeight(120);
    rightLayout->addWidget(m_problems);
    split->addWidget(m_list);
    split->addWidget(right);
    split->setStretchFactor(1, 4);
    split->setSizes({ 240, 860 });
    layout->addWidget(split, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveTableButton"));
    connect(m_save, &QPushButton::clicked, this, &ParameterTableDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString& name) {
        if (!name.isEmpty() && name != m_name)
            showTable(name);
    });
    connect(m_table, &QTableWidget::cellChanged, this, &ParameterTableDialog::onItemChanged);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        m_status->setText(tr("The project lists no parameter tables. Tables copied beside the project "
                             "(its \"parameters\" section) can be edited here."));
    m_save->setEnabled(false);
    resize(1100, 620);
}

ParameterTableDialog::~ParameterTableDialog() = default;

QStringList ParameterTableDialog::tableNames() const {
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

bool ParameterTableDialog::showTable(const QString& name) {
    const models::ProjectParameterTable* t = m_project.parameterTable(name);
    m_spec = analysis::parameterTableSpec(name);
    if (!t || !m_spec)
        return false;
    m_name = name;
    m_modified = false;
    m_readError.clear();
    m_text = {};
    const QString file = m_project.resolve(t->path);
    try {
        m_text = analysis::readTextTable(file);
    } catch (const std::exception& e) {
        m_readError = app::errorDetail(e);
    }
    if (const auto items = m_list->findItems(name, Qt::MatchExactly); !items.isEmpty())
        m_list->setCurrentItem(items.first());
    m_status->setText(tr("<b>%1</b> — %2. Values with unit and range as the runs read them; an edited row "
                         "is tagged <i>user</i> and its source marked as edited.")
                        .arg(name.toHtmlEscaped(), QDir::toNativeSeparators(file).toHtmlEscaped()));
    fillTable();
    validate();
    return m_readError.isEmpty();
}

void ParameterTableDialog::fillTable() {
    m_filling = true;
    m_table->clear();
    m_table->setColumnCount(int(m_text.header.size()));
    m_table->setRowCount(int(m_text.rows.size()));
    m_table->setHorizontalHeaderLabels(m_text.header);
    // Headers say the unit and range of the value columns (the spec the runs load the table with).
    for (const params::ColumnSpec& c : m_spec->values) {
        const int col = m_text.column(QString::fromLatin1(c.name));
        if (col < 0)
            continue;
        QString tip = QCoreApplication::translate("Parameters", c.label);
        if (c.unit && *c.unit)
            tip += QStringLiteral(" (%1)").arg(QString::fromUtf8(c.unit));
        m_table->horizontalHeaderItem(col)->setToolTip(tip);
    }
    for (int r = 0; r < int(m_text.rows.size()); ++r)
        for (int c = 0; c < int(m_text.header.size()); ++c)
            m_table->setItem(r,
                             c,
                             new QTableWidgetItem(c < m_text.rows[std::size_t(r)].size()
                                                    ? m_text.rows[std::size_t(r)][c]
                                                    : QString()));
    m_table->resizeColumnsToContents();
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 320));
    m_filling = false;
}

void ParameterTableDialog::validate() {
    m_problems->clear();
    m_issues.clear();
    if (!m_readError.isEmpty()) {
        m_problems->addItem(m_readError);
    } else if (m_spec) {
        m_issues = analysis::validateTextTable(*m_spec, m_text, m_name);
        for (const params::Issue& i : m_issues) {
            auto* item = new QListWidgetItem(
              (i.isError() ? tr("Error: %1") : tr("Warning: %1")).arg(i.toString()), m_problems);
            item->setForeground(i.isError() ? QColor(0xb0, 0x00, 0x20) : QColor(0x8a, 0x6d, 0x00));
        }
    }
    if (m_problems->count() == 0)
        m_problems->addItem(tr("No problems: the runs will read this table as shown."));
    m_save->setEnabled(canSave());
}

void ParameterTableDialog::onItemChanged(int row, int column) {
    if (m_filling || row < 0 || std::size_t(row) >= m_text.rows.size())
        return;
    QStringList& r = m_text.rows[std::size_t(row)];
    while (r.size() < m_text.header.size())
        r << QString();
    const QString text = m_table->item(row, column)->text();
    if (r[column] == text)
        return;
    r[column] = text;
    // A value edited by the user is the user's, whatever the row's source said.
    const QString header = m_text.header.value(column).trimmed().toLower();
    if (header != QLatin1String("source") && header != QLatin1String("tag")) {
        analysis::markRowEdited(m_text, std::size_t(row));
        m_filling = true;
        for (const char* key : { "source", "tag" })
            if (const int c = m_text.column(QString::fromLatin1(key)); c >= 0)
                m_table->item(row, c)->setText(r[c]);
        m_filling = false;
    }
    m_modified = true;
    validate();
}

bool ParameterTableDialog::setCell(int row, const QString& column, const QString& text) {
    const int c = m_text.column(column);
    if (c < 0 || row < 0 || row >= m_table->rowCount())
        return false;
    m_table->item(row, c)->setText(text); // through cellChanged, as an edit
    return true;
}

QString ParameterTableDialog::cell(int row, const QString& column) const {
    const int c = m_text.column(column);
    return c < 0 || row < 0 || std::size_t(row) >= m_text.rows.size()
             ? QString()
             : m_text.rows[std::size_t(row)].value(c);
}

void ParameterTableDialog::addRow() {
    if (!m_spec || !m_readError.isEmpty())
        return;
    QStringList row;
    for (int c = 0; c < m_text.header.size(); ++c)
        row << QString();
    if (const int tag = m_text.column(QStringLiteral("tag")); tag >= 0)
        row[tag] = params::tagName(params::Tag::User);
    m_text.rows.push_back(row);
    m_modified = true;
    fillTable();
    validate();
    m_table->setCurrentCell(m_table->rowCount() - 1, 0);
}

void ParameterTableDialog::removeRow(int row) {
    if (row < 0 || std::size_t(row) >= m_text.rows.size())
        return;
    m_text.rows.erase(m_text.rows.begin() + row);
    m_modified = true;
    fillTable();
    validate();
}

QStringList ParameterTableDialog::problems() const {
    QStringList out;
    for (int i = 0; i < m_problems->count(); ++i)
        out << m_problems->item(i)->text();
    if (!m_issues.empty() || !m_readError.isEmpty())
        return out;
    return {};
}

bool ParameterTableDialog::canSave() const {
    return m_spec && m_modified && m_readError.isEmpty() && !params::hasErrors(m_issues);
}

bool ParameterTableDialog::save() {
    if (!canSave())
        return false;
    const models::ProjectParameterTable* t = m_project.parameterTable(m_name);
    if (!t)
        return false;
    // Beside the project: a table kept elsewhere is saved under <project>/parameters/<name>.csv.
    const QString projectDir = QFileInfo(m_project.fileName()).absolutePath();
    QString file = QFileInfo(m_project.resolve(t->path)).absoluteFilePath();
    bool moved = false;
    if (!file.startsWith(projectDir + QLatin1Char('/'))) {
        file = QDir(projectDir).filePath(QStringLiteral("parameters/") + m_name + QStringLiteral(".csv"));
        QDir().mkpath(QFileInfo(file).absolutePath());
        moved = true;
    }
    try {
        analysis::writeTextTable(file, m_text);
    } catch (const std::exception& e) {
        m_problems->clear();
        m_problems->addItem(tr("Not saved: %1").arg(app::errorDetail(e)));
        return false;
    }
    m_modified = false;
    m_save->setEnabled(false);
    m_status->setText(tr("Saved %1").arg(QDir::toNativeSeparators(file)));
    if (moved) {
        for (models::ProjectParameterTable& p : m_project.parameters)
            if (p.name == m_name)
                p.path = QDir(projectDir).relativeFilePath(file);
        emit projectChanged();
    }
    return true;
}

} // namespace tanhui::gui
