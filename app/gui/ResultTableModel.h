// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/analysis/ResultSet.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace tanhui::gui {

/// @brief A result table (models::analysis::Table) as a Qt model (issue 13, "Results"): every row, one
/// column per result column, headed "name (unit)" with the column's description as tooltip. Numbers are
/// formatted in the UI locale with decimals fitting their unit. With bounds merged, a column X that has
/// X_p2_5 and X_p97_5 shows "value [low–high]" (the 95 % bounds) and the two bound columns are not shown.
/// A ledger check's "passed" column reads "passed" / "FAILED" and a failed row is painted red.
class ResultTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    /// The raw value of a cell (double for numbers, QString otherwise): what sorting and filtering use.
    static constexpr int RawRole = Qt::UserRole + 1;
    /// The row's index in the result table (int), whatever the sort.
    static constexpr int TableRowRole = Qt::UserRole + 2;

    explicit ResultTableModel(QObject* parent = nullptr);

    /// Shows `table` of `owner` (kept alive by the model); null: empty. Lazy tables are read in full.
    void setTable(std::shared_ptr<const models::analysis::ResultSet> owner,
                  const models::analysis::Table* table,
                  bool mergeBounds);
    const models::analysis::Table* table() const { return m_table; }
    /// The result column shown in model column `column` (−1 when none).
    int tableColumn(int column) const;
    /// The model column showing result column `name` (−1 when not shown).
    int columnOf(const QString& name) const;
    /// Whether model column `column` holds numbers.
    bool isNumeric(int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// A number as the table shows it: in the UI locale, with the decimals of `unit`.
    static QString formatNumber(double value, const QString& unit, bool integer = false);

private:
    struct Shown {
        int column = -1;         ///< in the result table
        int low = -1, high = -1; ///< its 95 % bounds' columns (merged), or −1
    };
    QString cellText(int row, const Shown& shown) const;
    bool failedRow(int row) const;

    std::shared_ptr<const models::analysis::ResultSet> m_owner;
    const models::analysis::Table* m_table = nullptr;
    std::vector<Shown> m_shown;
    int m_passedColumn = -1; ///< ledger_check's "passed", or −1
};

/// @brief Sorts a ResultTableModel (numbers as numbers, empty cells last) and filters it: rows whose
/// cell in the chosen column (−1: any text column) contains the text, case-insensitive; on a numeric
/// column a text such as "> 100", "<= 0" or "= 5" compares numbers. An optional fixed filter keeps only
/// rows whose `keyColumn` equals `keyValue` (GEP totals by group).
class ResultFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setFilter(int column, const QString& text);
    void setFixedFilter(int keyColumn, const QString& keyValue);
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    int m_column = -1;
    QString m_text;
    int m_op = 0; ///< 0: contains; otherwise '<', '>', 'l' (≤), 'g' (≥), '=' on numbers
    double m_number = 0;
    int m_keyColumn = -1;
    QString m_keyValue;
};

} // namespace tanhui::gui
