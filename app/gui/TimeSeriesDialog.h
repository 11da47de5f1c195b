// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/RasterDataset.h"
#include "models/TimeSeries.h"

#include <QDialog>
#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace tanhui::gui {

/// @brief One date of a series made in the dialog: a band of a file and its date.
struct TimeSeriesMember {
    QString path; ///< the raster file (absolute)
    int band = 1; ///< 1-based
    tanhui::models::SeriesDate date;
};

/// @brief Layer ▸ Make Time Series…: the chosen rasters as a time series, as QGIS's temporal
/// properties do it per layer but for a whole series at once. Several single-band files make one file
/// per date; one multiband file makes one band per date. A role (land cover, NDVI, …) and, for each
/// file or band, its date: proposed from the band metadata or the file name (models::proposeDate) or
/// typed into the editable cell; the Source column says which. Problems — files of another CRS, band
/// counts that do not fit, dates missing, unreadable or used twice — are listed naming the file or band,
/// and OK stays disabled until there are none.
class TimeSeriesDialog : public QDialog {
    Q_OBJECT
public:
    /// `rasters`: what gis::RasterDataset read of each chosen file; `roles`: role id → shown name.
    TimeSeriesDialog(const std::vector<tanhui::gis::RasterInfo>& rasters,
                     const std::vector<std::pair<QString, QString>>& roles,
                     QWidget* parent = nullptr);

    /// The chosen role id (e.g. "ndvi").
    QString role() const;
    void setRole(const QString& role);
    /// One band per date (one multiband file) rather than one file per date.
    bool isBandSeries() const { return m_bandSeries; }
    /// The dates, ascending (valid only while problems() is empty).
    std::vector<TimeSeriesMember> members() const;
    /// The problems that keep OK disabled (translated, one per line).
    QStringList problems() const { return m_problems; }
    /// The dated layers already listed, not among the chosen rasters: role → year → layer name. A date
    /// of the chosen role that one of them has is a problem (two layers of one role and year).
    void setExistingDates(const QMap<QString, QMap<int, QString>>& dates);
    /// Types `text` into the date cell of `row`.
    void setDateText(int row, const QString& text);

    QTableWidget* table() const { return m_table; }
    QComboBox* roleBox() const { return m_role; }
    QPushButton* okButton() const;

    /// The table's columns.
    enum Column { FileColumn, BandColumn, DateColumn, SourceColumn };

private:
    void validate();
    QString rowLabel(int row) const;

    std::vector<tanhui::gis::RasterInfo> m_rasters;
    bool m_bandSeries = false;
    bool m_filling = false;
    QMap<QString, QMap<int, QString>> m_existing;
    QStringList m_problems;
    QComboBox* m_role = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_problemLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace tanhui::gui
