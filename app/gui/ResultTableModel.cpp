// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/ResultTableModel.h"

#include "app/gui/ResultColumnLabels.h"

#include "app/report/ResultChartData.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <cmath>

namespace tanhui::gui {

namespace analysis = tanhui::models::analysis;
using Type = tanhui::gis::TableColumn::Type;

namespace {

bool numericType(Type t) {
    return t == Type::Real || t == Type::Integer;
}

double toNumber(const QVariant& v, bool* ok) {
    if (v.isNull() || !v.isValid()) {
        *ok = false;
        return 0;
    }
    return v.toDouble(ok);
}

} // namespace

ResultTableModel::ResultTableModel(QObject* parent)
  : QAbstractTableModel(parent) {}

void ResultTableModel::setTable(std::shared_ptr<const analysis::ResultSet> owner,
                                const analysis::Table* table,
                                bool mergeBounds) {
    beginResetModel();
    m_owner = std::move(owner);
    m_table = table;
    m_shown.clear();
    m_passedColumn = -1;
    if (m_table) {
        std::vector<bool> hidden(m_table->columns.size(), false);
        if (mergeBounds) {
            for (std::size_t c = 0; c < m_table->columns.size(); ++c) {
                const QString& name = m_table->columns[c].name;
                const int low = m_table->columnIndex(name + QStringLiteral("_p2_5"));
                const int high = m_table->columnIndex(name + QStringLiteral("_p97_5"));
                if (low >= 0 && high >= 0) {
                    hidden[std::size_t(low)] = hidden[std::size_t(high)] = true;
                }
            }
        }
        for (std::size_t c = 0; c < m_table->columns.size(); ++c) {
            if (hidden[c]) {
                continue;
            }
            Shown s;
            s.column = int(c);
            if (mergeBounds) {
                const QString& name = m_table->columns[c].name;
                s.low = m_table->columnIndex(name + QStringLiteral("_p2_5"));
                s.high = m_table->columnIndex(name + QStringLiteral("_p97_5"));
                if (s.low < 0 || s.high < 0) {
                    s.low = s.high = -1;
                }
            }
            m_shown.push_back(s);
        }
        if (m_table->name == QLatin1String("ledger_check")) {
            m_passedColumn = m_table->columnIndex(QStringLiteral("passed"));
        }
    }
    endResetModel();
}

int ResultTableModel::tableColumn(int column) const {
    return column >= 0 && column < int(m_shown.size()) ? m_shown[std::size_t(column)].column : -1;
}

int ResultTableModel::columnOf(const QString& name) const {
    if (!m_table) {
        return -1;
    }
    const int c = m_table->columnIndex(name);
    for (std::size_t i = 0; i < m_shown.size(); ++i) {
        if (m_shown[i].column == c) {
            return int(i);
        }
    }
    return -1;
}

bool ResultTableModel::isNumeric(int column) const {
    const int c = tableColumn(column);
    return c >= 0 && c != m_passedColumn && numericType(m_table->columns[std::size_t(c)].type);
}

int ResultTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_table ? 0 : int(m_table->rowCount());
}

int ResultTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_shown.size());
}

QString ResultTableModel::formatNumber(double value, const QString& unit, bool integer) {
    if (!std::isfinite(value)) {
        return QString();
    }
    const QLocale locale;
    if (value == 0) {
        return locale.toString(0);
    }
    if (integer) {
        return locale.toString(qlonglong(std::llround(value)));
    }
    int decimals = 2;
    if (unit == QLatin1String("CNY") || unit == QLatin1String("CNY/a") || unit == QLatin1String("year"))
        decimals = 0;
    else if (unit == QLatin1String("1") || unit == QLatin1String("0/1"))
        decimals = 3;
    else if (unit == QLatin1String("%"))
        decimals = 1;
    else if (std::abs(value) >= 10000)
        decimals = 0;
    else if (std::abs(value) >= 100)
        decimals = 1;
    else if (value != 0 && std::abs(value) < 0.01)
        return locale.toString(value, 'g', 3); // 3.2e-10, not "-0.0000"
    return locale.toString(value, 'f', decimals);
}

QString ResultTableModel::cellText(int row, const Shown& shown) const {
    const analysis::Column& col = m_table->columns[std::size_t(shown.column)];
    const QVariant v = m_table->value(std::size_t(row), shown.column);
    if (shown.column == m_passedColumn) {
        if (v.isNull())
            return QString();
        return v.toInt() != 0 ? tr("passed") : tr("FAILED");
    }
    if (!numericType(col.type)) {
        // Ecosystem types by their names, as the map legend and the charts name them (the key stays in
        // RawRole and is matched by the filter too).
        // ecosystem_type and the per-date ecosystem_type_<year>.
        // A plan's baseline_type and target_type likewise.
        const bool type = col.name.startsWith(QLatin1String("ecosystem_type")) ||
                          col.name == QLatin1String("baseline_type") ||
                          col.name == QLatin1String("target_type");
        if (type && !v.isNull() && !v.toString().isEmpty())
            return report::typeName(v.toString());
        // Carbon methods by their names, as the report names them (the parcels' method column and the
        // key of the totals by method).
        if (col.name == QLatin1String("method") && !v.isNull() && !v.toString().isEmpty())
            return report::methodName(v.toString());
        // A plan's planting model (models/plans: restoration plot or forest planting).
        if (col.name == QLatin1String("planting_model")) {
            if (v.toString() == QLatin1String("bluecarbon_restoration"))
                return tr("mangrove restoration (§4)");
            if (v.toString() == QLatin1String("forest_growth"))
                return tr("forest planting (§3.2)");
        }
        return v.toString();
    }
    bool ok = false;
    const double d = toNumber(v, &ok);
    if (!ok) {
        return QString();
    }
    // Years and feature ids are names, not amounts: no group separator ("2026", not "2,026").
    if (col.type == Type::Integer &&
        (col.name == QLatin1String("year") || col.name.endsWith(QLatin1String("_year")) ||
         col.name.endsWith(QLatin1String("fid")) || col.name == QLatin1String("row")))
        return QString::number(qlonglong(std::llround(d)));
    // The ledger compares totals to the last digits: its numbers keep 12 significant digits.
    QString text = m_passedColumn >= 0 && col.type == Type::Real
                     ? QLocale().toString(d, 'g', 12)
                     : formatNumber(d, col.unit, col.type == Type::Integer);
    if (shown.low >= 0) {
        bool okLow = false, okHigh = false;
        const double low = toNumber(m_table->value(std::size_t(row), shown.low), &okLow);
        const double high = toNumber(m_table->value(std::size_t(row), shown.high), &okHigh);
        if (okLow && okHigh) {
            //: A value with its 95 % bounds, e.g. "12,345.6 [11,020.0–13,880.2]"
            text = tr("%1 [%2–%3]").arg(text, formatNumber(low, col.unit), formatNumber(high, col.unit));
        }
    }
    return text;
}

bool ResultTableModel::failedRow(int row) const {
    if (m_passedColumn < 0) {
        return false;
    }
    const QVariant v = m_table->value(std::size_t(row), m_passedColumn);
    return !v.isNull() && v.toInt() == 0;
}

QVariant ResultTableModel::data(const QModelIndex& index, int role) const {
    if (!m_table || !index.isValid() || index.column() >= int(m_shown.size())) {
        return {};
    }
    const Shown& shown = m_shown[std::size_t(index.column())];
    switch (role) {
        case Qt::DisplayRole:
            return cellText(index.row(), shown);
        case RawRole: {
            const QVariant v = m_table->value(std::size_t(index.row()), shown.column);
            if (numericType(m_table->columns[std::size_t(shown.column)].type)) {
                bool ok = false;
                const double d = toNumber(v, &ok);
                return ok ? QVariant(d) : QVariant();
            }
            return v.toString();
        }
        case TableRowRole:
            return index.row();
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(isNumeric(index.column()) ? Qt::AlignRight | Qt::AlignVCenter
                                                                 : Qt::AlignLeft | Qt::AlignVCenter);
        case Qt::BackgroundRole:
            if (failedRow(index.row()))
                return QBrush(QColor(255, 205, 205));
            return {};
        case Qt::ForegroundRole:
            if (shown.column == m_passedColumn && failedRow(index.row()))
                return QBrush(QColor(170, 0, 0));
            return {};
        case Qt::FontRole:
            if (shown.column == m_passedColumn && failedRow(index.row())) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        default:
            return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    }
    if (!m_table || section < 0 || section >= int(m_shown.size())) {
        return {};
    }
    const Shown& shown = m_shown[std::size_t(section)];
    const analysis::Column& col = m_table->columns[std::size_t(shown.column)];
    if (role == Qt::DisplayRole) {
        // not_computed: the reason in the parcels table, a count of parcels in the totals.
        const QString label = col.name == QLatin1String("not_computed") && numericType(col.type)
                                ? tr("Parcels not computed")
                                : resultColumnLabel(col.name);
        // Units that are words ("count") or none at all are left out: the label says what is counted.
        QString text = col.unit.isEmpty() || col.unit == QLatin1String("0/1") ||
                           col.unit == QLatin1String("1") || col.unit == QLatin1String("count")
                         ? label
                         : tr("%1 (%2)").arg(label, col.unit);
        if (shown.low >= 0)
            //: Header of a column showing a value with its 95 % bounds
            text = tr("%1 [95 % bounds]").arg(text);
        return text;
    }
    if (role == Qt::ToolTipRole) {
        // The column's name as in the CSV and GeoPackage, then what it means.
        QString tip = col.description.isEmpty() ? col.name : tr("%1: %2").arg(col.name, col.description);
        if (shown.low >= 0)
            tip += QLatin1Char('\n') +
                   tr("In brackets: the 95 % bounds (2.5th and 97.5th percentiles of the Monte Carlo run).");
        return tip;
    }
    return {};
}

void ResultFilterModel::setFilter(int column, const QString& text) {
    m_column = column;
    m_text = text.trimmed();
    m_op = 0;
    static const struct {
        const char* prefix;
        int op;
    } ops[] = { { "<=", 'l' }, { ">=", 'g' }, { "≤", 'l' }, { "≥", 'g' },
                { "<", '<' },  { ">", '>' },  { "=", '=' } };
    auto* model = qobject_cast<ResultTableModel*>(sourceModel());
    if (model && column >= 0 && model->isNumeric(column)) {
        for (const auto& o : ops) {
            const QString prefix = QString::fromUtf8(o.prefix);
            if (m_text.startsWith(prefix)) {
                bool ok = false;
                const QString rest = m_text.mid(prefix.size()).trimmed();
                double n = QLocale().toDouble(rest, &ok);
                if (!ok)
                    n = rest.toDouble(&ok);
                if (ok) {
                    m_op = o.op;
                    m_number = n;
                }
                break;
            }
        }
    }
    invalidateRowsFilter();
}

void ResultFilterModel::setFixedFilter(int keyColumn, const QString& keyValue) {
    m_keyColumn = keyColumn;
    m_keyValue = keyValue;
    invalidateRowsFilter();
}

bool ResultFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    auto* model = qobject_cast<ResultTableModel*>(sourceModel());
    if (!model) {
        return true;
    }
    if (m_keyColumn >= 0 &&
        model->index(sourceRow, m_keyColumn, sourceParent).data(ResultTableModel::RawRole).toString() !=
          m_keyValue) {
        return false;
    }
    if (m_text.isEmpty()) {
        return true;
    }
    if (m_op != 0) {
        const QVariant v = model->index(sourceRow, m_column, sourceParent).data(ResultTableModel::RawRole);
        if (v.isNull()) {
            return false;
        }
        const double d = v.toDouble();
        switch (m_op) {
            case '<':
                return d < m_number;
            case '>':
                return d > m_number;
            case 'l':
                return d <= m_number;
            case 'g':
                return d >= m_number;
            default:
                return d == m_number;
        }
    }
    // A cell matches by the text shown or by its value (a translated type or its key).
    auto matches = [&](int c) {
        const QModelIndex i = model->index(sourceRow, c, sourceParent);
        return i.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive) ||
               i.data(ResultTableModel::RawRole).toString().contains(m_text, Qt::CaseInsensitive);
    };
    if (m_column >= 0) {
        return matches(m_column);
    }
    // Any text column (ids, types, methods, districts): numbers are searched through a chosen column.
    for (int c = 0; c < model->columnCount(); ++c) {
        if (!model->isNumeric(c) && matches(c)) {
            return true;
        }
    }
    return false;
}

QVariant ResultFilterModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical && role == Qt::DisplayRole) {
        return section + 1; // the shown row's number, whatever the sort and filter
    }
    return QSortFilterProxyModel::headerData(section, orientation, role);
}

bool ResultFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const QVariant a = left.data(ResultTableModel::RawRole);
    const QVariant b = right.data(ResultTableModel::RawRole);
    // Empty cells after every value, in either order of the sort as the user reads it.
    const bool descending = sortOrder() == Qt::DescendingOrder;
    if (a.isNull() || b.isNull()) {
        if (a.isNull() && b.isNull())
            return left.row() < right.row();
        return descending ? a.isNull() : b.isNull();
    }
    if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double) {
        return a.toDouble() < b.toDouble();
    }
    return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
}

} // namespace tanhui::gui
