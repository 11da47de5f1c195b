// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/MetadataPanel.h"

#include "app/gui/FeatureTableModel.h"
#include "app/gui/LayerEntry.h"
#include "app/gui/MetadataFormatter.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tanhui::gui {

MetadataPanel::MetadataPanel(QWidget* parent)
  : QWidget(parent) {
    setObjectName(QStringLiteral("metadataPanel"));

    m_metadataView = new QTextBrowser(this);
    m_metadataView->setObjectName(QStringLiteral("metadataView"));
    m_metadataView->setOpenLinks(false);
    m_metadataView->setFrameShape(QFrame::NoFrame);
    m_metadataView->document()->setDocumentMargin(14);

    m_featureBox = new QWidget(this);
    m_featureBox->setBackgroundRole(QPalette::Base);
    m_featureBox->setAutoFillBackground(true);
    auto* featureLayout = new QVBoxLayout(m_featureBox);
    featureLayout->setContentsMargins(14, 8, 14, 14);
    m_featureLabel = new QLabel(m_featureBox);
    m_featureLabel->setObjectName(QStringLiteral("featureLabel"));
    QFont labelFont = m_featureLabel->font();
    labelFont.setBold(true);
    m_featureLabel->setFont(labelFont);
    m_featureModel = new FeatureTableModel(this);
    m_featureView = new QTableView(m_featureBox);
    m_featureView->setObjectName(QStringLiteral("featureTable"));
    m_featureView->setModel(m_featureModel);
    m_featureView->setAlternatingRowColors(true);
    m_featureView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_featureView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_featureView->setWordWrap(false);
    m_featureView->verticalHeader()->setVisible(false);
    m_featureView->verticalHeader()->setDefaultSectionSize(m_featureView->fontMetrics().height() + 8);
    m_featureView->horizontalHeader()->setHighlightSections(false);
    m_featureView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // No stretched last column: numbers stay next to their header instead of at the far right.
    m_featureView->horizontalHeader()->setStretchLastSection(false);
    featureLayout->addWidget(m_featureLabel);
    featureLayout->addWidget(m_featureView);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_metadataView);
    m_splitter->addWidget(m_featureBox);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    showPlaceholder();
}

void MetadataPanel::showPlaceholder() {
    m_featureModel->clear();
    m_featureBox->hide();
    m_metadataView->setHtml(
      QStringLiteral("<div style=\"color:#6b7b6b\"><h2>%1</h2><p>%2</p></div>")
        .arg(tr("No layer selected").toHtmlEscaped(),
             tr("Add a raster or a vector layer with the File menu, or drop files onto this window.")
               .toHtmlEscaped()));
}

void MetadataPanel::showEntry(const LayerEntry* entry) {
    m_entry = entry;
    if (!entry) {
        showPlaceholder();
        return;
    }
    if (entry->kind == LayerEntry::Kind::Raster) {
        m_featureModel->clear();
        m_featureBox->hide();
        m_metadataView->setHtml(MetadataFormatter::rasterHtml(entry->raster));
        return;
    }
    m_metadataView->setHtml(MetadataFormatter::vectorHtml(entry->vector));
    m_featureModel->setFeatures(entry->vector.fields, entry->preview);
    const QLocale locale;
    const auto shown = qlonglong(entry->preview.size());
    m_featureLabel->setText(
      shown < entry->vector.featureCount
        ? tr("Features (first %1 of %2)")
            .arg(locale.toString(shown), locale.toString(qlonglong(entry->vector.featureCount)))
        : tr("Features (%1)").arg(locale.toString(shown)));
    m_featureBox->show();
    m_featureView->resizeColumnsToContents();
    for (int column = 0; column < m_featureModel->columnCount(); ++column)
        m_featureView->setColumnWidth(column, qMin(m_featureView->columnWidth(column), 320));
}

QString MetadataPanel::metadataText() const {
    return m_metadataView->toPlainText();
}

void MetadataPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        showEntry(m_entry);
    QWidget::changeEvent(event);
}

} // namespace tanhui::gui
