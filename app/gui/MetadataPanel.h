// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QSplitter;
class QTableView;
class QTextBrowser;

namespace tanhui::gui {

class FeatureTableModel;
struct LayerEntry;

/// @brief Shows what is known about the selected layer: its metadata (HTML) and, for vector layers,
/// a table of its first features.
class MetadataPanel : public QWidget {
    Q_OBJECT
public:
    explicit MetadataPanel(QWidget* parent = nullptr);

    /// Shows `entry` (nullptr: the "nothing loaded" hint).
    void showEntry(const LayerEntry* entry);

    /// The metadata as plain text (what the user reads; used by tests).
    QString metadataText() const;
    FeatureTableModel* featureModel() const { return m_featureModel; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void showPlaceholder();

    QSplitter* m_splitter = nullptr;
    QTextBrowser* m_metadataView = nullptr;
    QWidget* m_featureBox = nullptr;
    QLabel* m_featureLabel = nullptr;
    QTableView* m_featureView = nullptr;
    FeatureTableModel* m_featureModel = nullptr;
    const LayerEntry* m_entry = nullptr;
};

} // namespace tanhui::gui
