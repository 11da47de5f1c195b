// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/TimeSeriesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tanhui::gui {

namespace {

QString sourceText(const tanhui::models::DateProposal& p) {
    switch (p.source) {
        case tanhui::models::DateSource::Metadata:
            return TimeSeriesDialog::tr("metadata (%1)").arg(p.key);
        case tanhui::models::DateSource::FileName:
            return TimeSeriesDialog::tr("file name");
        case tanhui::models::DateSource::Typed:
            return TimeSeriesDialog::tr("typed");
        case tanhui::models::DateSource::None:
            break;
    }
    return TimeSeriesDialog::tr("none: type the date");
}

} // namespace

TimeSeriesDialog::TimeSeriesDialog(const std::vector<tanhui::gis::RasterInfo>& rasters,
                                   const std::vector<std::pair<QString, QString>>& roles,
                                   QWidget* parent)
  : QDialog(parent)
  , m_rasters(rasters) {
    setObjectName(QStringLiteral("timeSeriesDialog"));
    setWindowTitle(tr("Make Time Series"));
    m_bandSeries = rasters.size() == 1 && rasters.front().bands.size() > 1;

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
      m_bandSeries
        ? tr("One band per date of %1. Each band is written as a small VRT file beside it (one file per "
             "date), so the map and every analysis read the band of its date.")
            .arg(rasters.empty() ? QString()
                                 : QFileInfo(QString::fromStdString(rasters.front().path)).fileName())
        : tr("One file per date. The dates are proposed from the band metadata or the file names; type "
             "the others (YYYY or YYYY-MM-DD)."),
      this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("seriesRole"));
    for (const auto& [id, name] : roles)
        m_role->addItem(name, id);
    form->addRow(tr("What the rasters hold:"), m_role);
    layout->addLayout(form);

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("seriesTable"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({ tr("File"), tr("Band"), tr("Date"), tr("Date from") });
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(BandColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DateColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(DateColumn, fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00")) + 32);
    m_table->horizontalHeader()->setSectionResizeMode(SourceColumn, QHeaderView::ResizeToContents);
    m_filling = true;
    for (std::size_t f = 0; f < rasters.size(); ++f) {
        const tanhui::gis::RasterInfo& info = rasters[f];
        const int bands = m_bandSeries ? int(info.bands.size()) : 1;
        for (int b = 1; b <= bands; ++b) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            auto* file = new QTableWidgetItem(QFileInfo(QString::fromStdString(info.path)).fileName());
            file->setToolTip(QString::fromStdString(info.path));
            file->setFlags(Qt::ItemIsEnabled);
            file->setData(Qt::UserRole, int(f));
            m_table->setItem(row, FileColumn, file);
            const QString description = b <= int(info.bands.size())
                                          ? QString::fromStdString(info.bands[std::size_t(b - 1)].description)
                                          : QString();
            auto* band = new QTableWidgetItem(
              description.isEmpty() ? QString::number(b) : QStringLiteral("%1 (%2)").arg(b).arg(description));
            band->setData(Qt::UserRole, b);
            band->setFlags(Qt::ItemIsEnabled);
            m_table->setItem(row, BandColumn, band);
            const tanhui::models::DateProposal p = tanhui::models::proposeDate(info, b);
            auto* date = new QTableWidgetItem(p.date ? p.date->text() : QString());
            date->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
            date->setToolTip(tr("YYYY or YYYY-MM-DD"));
            m_table->setItem(row, DateColumn, date);
            auto* source = new QTableWidgetItem(sourceText(p));
            source->setFlags(Qt::ItemIsEnabled);
            m_table->setItem(row, SourceColumn, source);
        }
    }
    m_filling = false;
    m_table->setMinimumWidth(560);
    layout->addWidget(m_table, 1);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("seriesProblems"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_problemLabel);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_filling || item->column() != DateColumn)
            return;
        m_filling = true;
        tanhui::models::DateProposal typed;
        typed.source = tanhui::models::DateSource::Typed;
        m_table->item(item->row(), SourceColumn)->setText(sourceText(typed));
        m_filling = false;
        validate();
    });
    connect(m_role, &QComboBox::currentIndexChanged, this, [this] { validate(); });
    validate();
    resize(720, 420);
}

QString TimeSeriesDialog::role() const {
    return m_role->currentData().toString();
}

void TimeSeriesDialog::setRole(const QString& role) {
    const int i = m_role->findData(role);
    if (i >= 0)
        m_role->setCurrentIndex(i);
}

QPushButton* TimeSeriesDialog::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

void TimeSeriesDialog::setExistingDates(const QMap<QString, QMap<int, QString>>& dates) {
    m_existing = dates;
    validate();
}

void TimeSeriesDialog::setDateText(int row, const QString& text) {
    if (QTableWidgetItem* item = m_table->item(row, DateColumn))
        item->setText(text); // itemChanged: typed, validated
}

QString TimeSeriesDialog::rowLabel(int row) const {
    const QString file = m_table->item(row, FileColumn)->text();
    return m_bandSeries
             ? tr("%1 band %2").arg(file).arg(m_table->item(row, BandColumn)->data(Qt::UserRole).toInt())
             : file;
}

void TimeSeriesDialog::validate() {
    m_problems = tanhui::models::seriesRasterProblems(m_rasters);
    std::vector<tanhui::models::SeriesDateEntry> entries;
    for (int row = 0; row < m_table->rowCount(); ++row)
        entries.push_back({ rowLabel(row), m_table->item(row, DateColumn)->text() });
    m_problems << tanhui::models::seriesDateProblems(entries);
    const QMap<int, QString> taken = m_existing.value(role());
    for (const auto& e : entries)
        if (const auto d = tanhui::models::parseSeriesDate(e.text); d && taken.contains(d->year))
            m_problems
              << tr("%1: %2 has a layer of this kind for %3 already; remove it or choose another kind.")
                   .arg(e.label, taken.value(d->year))
                   .arg(d->year);
    const QStringList notes = tanhui::models::seriesRasterNotes(m_rasters);
    QStringList lines = m_problems;
    lines << notes;
    m_problemLabel->setText(lines.join(QLatin1Char('\n')));
    m_problemLabel->setStyleSheet(m_problems.isEmpty() ? QString() : QStringLiteral("color: #b00020;"));
    okButton()->setEnabled(m_problems.isEmpty());
}

std::vector<TimeSeriesMember> TimeSeriesDialog::members() const {
    std::vector<TimeSeriesMember> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto date = tanhui::models::parseSeriesDate(m_table->item(row, DateColumn)->text());
        if (!date)
            continue;
        TimeSeriesMember m;
        m.path = QString::fromStdString(
          m_rasters[std::size_t(m_table->item(row, FileColumn)->data(Qt::UserRole).toInt())].path);
        m.band = m_table->item(row, BandColumn)->data(Qt::UserRole).toInt();
        m.date = *date;
        out.push_back(std::move(m));
    }
    std::sort(out.begin(), out.end(), [](const TimeSeriesMember& a, const TimeSeriesMember& b) {
        return a.date.year < b.date.year;
    });
    return out;
}

} // namespace tanhui::gui
