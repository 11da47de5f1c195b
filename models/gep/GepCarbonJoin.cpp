// SPDX-License-Identifier: GPL-3.0-or-later
// The carbon sequestration GEP values (gep-methods.md §4.8, docs/gep.md "Carbon sequestration"): taken
// from the carbon run's per-parcel result table, never re-derived.
#include "gis/Errors.h"
#include "models/gep/GepRunData.h"
#include "models/gep/Indicators.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace tanhui::models::gep {

namespace {

QString text(const std::vector<QVariant>& row, int column) {
    if (column < 0 || std::size_t(column) >= row.size() || row[std::size_t(column)].isNull())
        return {};
    return row[std::size_t(column)].toString().trimmed();
}

/// A cell as a number: a numeric cell as it is, a text cell parsed (trimmed); `ok` false when empty or
/// not a number.
double number(const QVariant& cell, bool* ok) {
    if (cell.typeId() == QMetaType::Double || cell.typeId() == QMetaType::LongLong)
        return cell.toDouble(ok);
    return cell.toString().trimmed().toDouble(ok);
}

/// @brief Per-row carbon flow (t C/a) of the accounting year from a carbon parcels table
/// (docs/carbon-project.md, docs/gep.md "Carbon sequestration"): GEP values the flow of the accounting
/// year (gep-methods.md §4.8), so the change is taken from the interval ending at the accounting year, the
/// narrowest such interval (2021–2024 before 2015–2024), else the narrowest interval containing it; never
/// the first → last mean of a longer record. Units come from the column names: change_t_per_yr_<y1>_<y2>
/// (t C/yr), else change_t_<y1>_<y2> (t C) / (y2 − y1); the change_tco2e_* columns are never taken as
/// t C. A row without a change for such an interval (e.g. the volume method's single inventory date) gets
/// a reason instead of a value. Throws GisError naming the table, row and column of a non-number, or the
/// table when it has no change column.
class CarbonColumns {
public:
    CarbonColumns(const analysis::Table& table, const QString& origin, int accountingYear)
      : m_origin(origin)
      , m_year(accountingYear) {
        QStringList header;
        for (const analysis::Column& c : table.columns)
            header << c.name;
        findChangeColumns(header);
        // Pool stocks <pool>_t_<year> (docs/carbon-project.md): the vegetation / soil split of a change.
        const QRegularExpression pool(QStringLiteral("^(c_[a-z]+)_t_(\\d{4})$"));
        for (int c = 0; c < header.size(); ++c)
            if (const auto m = pool.match(header[c]);
                m.hasMatch() && m.captured(1) != QLatin1String("c_total"))
                m_pools.push_back({ c, m.captured(2).toInt(), m.captured(1) });
        const bool anyChange = std::any_of(header.cbegin(), header.cend(), [](const QString& h) {
            return h.startsWith(QLatin1String("change_t_")) && !h.startsWith(QLatin1String("change_tco2e"));
        });
        m_notComputed = int(header.indexOf(QStringLiteral("not_computed")));
        m_rule = int(header.indexOf(QStringLiteral("accounted_rule")));
        m_method = int(header.indexOf(QStringLiteral("method")));
        if (!anyChange)
            throw gis::GisError(
              gis::GisError::Kind::InvalidArgument,
              GepCommand::tr("the carbon table %1 has no column change_t_per_yr_<y1>_<y2> (t C/yr) or "
                             "change_t_<y1>_<y2> (t C); write it with tanhui-cli carbon")
                .arg(origin)
                .toStdString());
        if (m_cols.empty())
            throw gis::GisError(
              gis::GisError::Kind::InvalidArgument,
              GepCommand::tr("the carbon table %1 has no change for an interval ending at or containing the "
                             "accounting year %2; run tanhui-cli carbon with %2 among its years")
                .arg(origin)
                .arg(accountingYear)
                .toStdString());
    }

    /// The entry of one row (`line`: its 1-based line in the file, for messages).
    CarbonEntry entry(const std::vector<QVariant>& row, int line) const {
        CarbonEntry e;
        for (const Col& c : m_cols) {
            const std::optional<double> x = c.y2 > c.y1 ? cellNumber(row, c.index, line) : std::nullopt;
            if (!x)
                continue;
            e.tcPerYr = c.perYear ? *x : *x / (c.y2 - c.y1);
            e.years = QStringLiteral("%1-%2").arg(c.y1).arg(c.y2);
            e.method = text(row, m_method);
            e.flux = text(row, c.basis) == QLatin1String("flux");
            const std::vector<PoolChange> pools = poolChanges(row, c);
            const CarbonSplit split = splitCarbonChange(*e.tcPerYr, pools, e.method);
            e.vegetationTcPerYr = split.vegetationTcPerYr;
            e.soilTcPerYr = split.soilTcPerYr;
            accountedPart(row, line, c, !pools.empty(), e);
            return e;
        }
        const QString nc = text(row, m_notComputed);
        e.method = text(row, m_method);
        e.reason = !nc.isEmpty()
                     ? GepCommand::tr("the carbon engine did not compute the parcel: %1").arg(nc)
                     : GepCommand::tr("the carbon engine gives no change for the parcel in an "
                                      "interval ending at or containing the accounting year %1 "
                                      "(method %2)")
                         .arg(m_year)
                         .arg(m_method >= 0 ? row[std::size_t(m_method)].toString() : QStringLiteral("?"));
        return e;
    }

private:
    struct Col {
        int index;
        int y1, y2;
        bool perYear;
        QString name;
        int basis;      ///< column change_basis_<y1>_<y2> (-1 when absent)
        int accounted;  ///< column accounted_change_t_<y1>_<y2> (-1 when absent)
        int vegetation; ///< column accounted_vegetation_change_t_<y1>_<y2> (-1 when absent)
    };

    /// A number cell of the row, or nothing when blank; throws naming the cell when not a number.
    std::optional<double> cellNumber(const std::vector<QVariant>& row, int column, int line) const {
        const QString v = text(row, column);
        if (v.isEmpty())
            return std::nullopt;
        bool ok = false;
        const double x = number(row[std::size_t(column)], &ok);
        if (!ok)
            throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                GepCommand::tr("%1, row %2, column %3: '%4' is not a number")
                                  .arg(m_origin)
                                  .arg(line)
                                  .arg(m_header[column], v)
                                  .toStdString());
        return x;
    }

    /// The accounted part's own flux of a row whose part the carbon run computed from its own coverage
    /// (accounted_rule "coverage", docs/carbon-project.md "Overlapping layers"): GEP's totals value it
    /// instead of the whole parcel's flux × the accounted share (docs/gep.md "Totals"). Split into
    /// vegetation and soil as the whole row (`hasPools`: the row's split came from its pool stocks).
    void accountedPart(const std::vector<QVariant>& row,
                       int line,
                       const Col& c,
                       bool hasPools,
                       CarbonEntry& e) const {
        if (m_rule < 0 || c.accounted < 0 || text(row, m_rule) != QLatin1String("coverage"))
            return;
        const std::optional<double> part = cellNumber(row, c.accounted, line);
        if (!part)
            return;
        const double years = c.y2 - c.y1;
        e.accountedTcPerYr = *part / years;
        std::vector<PoolChange> pools;
        const std::optional<double> vegetation =
          c.vegetation >= 0 ? cellNumber(row, c.vegetation, line) : std::nullopt;
        if (vegetation)
            pools.push_back({ QStringLiteral("vegetation"), *vegetation / years });
        else if (hasPools) // pool stocks, none of them vegetation: the change is soil carbon only
            pools.push_back({ QStringLiteral("c_soil"), 0.0 });
        const CarbonSplit split = splitCarbonChange(*e.accountedTcPerYr, pools, e.method);
        e.accountedVegetationTcPerYr = split.vegetationTcPerYr;
        e.accountedSoilTcPerYr = split.soilTcPerYr;
    }
    struct PoolCol {
        int index;
        int year;
        QString pool;
    };

    void findChangeColumns(const QStringList& header) {
        m_header = header;
        const QRegularExpression perYr(QStringLiteral("^change_t_per_yr_(\\d{4})_(\\d{4})$"));
        const QRegularExpression total(QStringLiteral("^change_t_(\\d{4})_(\\d{4})$"));
        for (int c = 0; c < header.size(); ++c) {
            for (int pass = 0; pass < 2; ++pass) {
                const auto m = (pass == 0 ? perYr : total).match(header[c]);
                if (!m.hasMatch())
                    continue;
                const int y1 = m.captured(1).toInt(), y2 = m.captured(2).toInt();
                m_cols.push_back(
                  { c,
                    y1,
                    y2,
                    pass == 0,
                    header[c],
                    int(header.indexOf(QStringLiteral("change_basis_%1_%2").arg(y1).arg(y2))),
                    int(header.indexOf(QStringLiteral("accounted_change_t_%1_%2").arg(y1).arg(y2))),
                    int(header.indexOf(
                      QStringLiteral("accounted_vegetation_change_t_%1_%2").arg(y1).arg(y2))) });
            }
        }
        // Only intervals ending at or containing the accounting year; those ending at it first, then the
        // narrowest (the accounting year's own interval, not a first → last mean); per-year before total
        // for the same span.
        std::erase_if(m_cols, [&](const Col& c) { return !(c.y1 < m_year && m_year <= c.y2); });
        std::stable_sort(m_cols.begin(), m_cols.end(), [&](const Col& a, const Col& b) {
            if ((a.y2 == m_year) != (b.y2 == m_year))
                return a.y2 == m_year;
            if (a.y2 - a.y1 != b.y2 - b.y1)
                return a.y2 - a.y1 < b.y2 - b.y1;
            if (a.y2 != b.y2)
                return a.y2 < b.y2;
            return a.perYear > b.perYear;
        });
    }

    /// The per-pool changes (t C/a) of the interval of `c`, where the row has both stocks.
    std::vector<PoolChange> poolChanges(const std::vector<QVariant>& row, const Col& c) const {
        std::vector<PoolChange> pools;
        for (const PoolCol& p1 : m_pools) {
            if (p1.year != c.y1)
                continue;
            for (const PoolCol& p2 : m_pools) {
                if (p2.year != c.y2 || p2.pool != p1.pool)
                    continue;
                bool ok1 = false, ok2 = false;
                const double a = number(row[std::size_t(p1.index)], &ok1);
                const double b = number(row[std::size_t(p2.index)], &ok2);
                if (ok1 && ok2)
                    pools.push_back({ p1.pool, (b - a) / (c.y2 - c.y1) });
            }
        }
        return pools;
    }

    QString m_origin;
    int m_year = 0; ///< the accounting year
    std::vector<Col> m_cols;
    std::vector<PoolCol> m_pools;
    QStringList m_header;
    int m_notComputed = -1, m_method = -1, m_rule = -1;
};

} // namespace

std::map<QString, CarbonEntry> carbonTableEntries(const CarbonInput& input,
                                                  const QString& idField,
                                                  int accountingYear) {
    const analysis::Table& t = input.table;
    const CarbonColumns cols(t, input.origin, accountingYear);
    int idCol = t.columnIndex(idField);
    if (idCol < 0)
        idCol = t.columnIndex(QStringLiteral("id"));
    if (idCol < 0)
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            GepCommand::tr("the carbon table %1 needs the id column '%2' or 'id'")
                              .arg(input.origin, idField)
                              .toStdString());
    std::map<QString, CarbonEntry> out;
    std::vector<QVariant> row;
    for (std::size_t i = 0; i < t.rowCount(); ++i) {
        row = t.rowValues(i);
        out[row[std::size_t(idCol)].toString()] = cols.entry(row, int(i) + 2);
    }
    return out;
}

/// @brief The carbon project run's parcels table, by layer id and source_fid (the feature id in the
/// layer). When the table has a `primary` column (several methods per ecosystem type,
/// docs/carbon-project.md), the parcel's primary row gives the change; when that method has none (e.g. the
/// volume method's single inventory date), another row of the parcel does: the first whose change is a
/// flux (the gain-loss method: growth minus losses, the counterpart of the NEP that GEP's 固碳 values,
/// gep-methods.md §4.8), else the first with any change (in the order of the carbon section's methods);
/// CarbonEntry::method says which.
std::map<std::pair<QString, qint64>, CarbonEntry> carbonResultEntries(const CarbonInput& input,
                                                                      int accountingYear) {
    const analysis::Table& t = input.table;
    const CarbonColumns cols(t, input.origin, accountingYear);
    const int layerCol = t.columnIndex(QStringLiteral("layer"));
    const int fidCol = t.columnIndex(QStringLiteral("source_fid"));
    const int primaryCol = t.columnIndex(QStringLiteral("primary"));
    if (layerCol < 0 || fidCol < 0)
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            GepCommand::tr("the carbon results %1 need the columns layer and source_fid "
                                           "(written by tanhui-cli carbon --project)")
                              .arg(input.origin)
                              .toStdString());
    std::map<std::pair<QString, qint64>, CarbonEntry> out;
    std::map<std::pair<QString, qint64>, CarbonEntry> fallback; // first other row with a change
    std::vector<QVariant> row;
    for (std::size_t i = 0; i < t.rowCount(); ++i) {
        row = t.rowValues(i);
        bool primary = true;
        if (primaryCol >= 0) {
            const QString p = text(row, primaryCol).toLower();
            primary = p == QLatin1String("1") || p == QLatin1String("true") || p == QLatin1String("yes");
        }
        bool ok = false;
        const qint64 fid = text(row, fidCol).toLongLong(&ok);
        if (!ok)
            throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                                GepCommand::tr("%1, row %2, column source_fid: '%3' is not a feature id")
                                  .arg(input.origin)
                                  .arg(i + 2)
                                  .arg(text(row, fidCol))
                                  .toStdString());
        const std::pair<QString, qint64> key{ text(row, layerCol), fid };
        CarbonEntry e = cols.entry(row, int(i) + 2);
        if (primary)
            out[key] = std::move(e);
        else if (e.tcPerYr) {
            const auto it = fallback.find(key);
            if (it == fallback.end())
                fallback[key] = std::move(e);
            else if (e.flux && !it->second.flux)
                it->second = std::move(e);
        }
    }
    for (auto& [key, e] : out)
        if (!e.tcPerYr) {
            const auto it = fallback.find(key);
            if (it != fallback.end())
                e = it->second;
        }
    return out;
}

CarbonInput readCarbonResultSet(const QString& dir) {
    const QString manifest = QDir(dir).filePath(analysis::resultSetManifestName());
    if (!QFileInfo::exists(manifest)) {
        const bool oldRun = QFileInfo::exists(QDir(dir).filePath(QStringLiteral("parcels.csv")));
        throw gis::GisError(
          gis::GisError::Kind::Open,
          (oldRun ? GepCommand::tr("the carbon results %1 have no result set (%2): they were written by an "
                                   "older version of Tanhui; rerun tanhui-cli carbon --project with this "
                                   "version into that folder")
                  : GepCommand::tr("%1 holds no carbon results (%2 is missing); run tanhui-cli carbon "
                                   "--project with --out to that folder first"))
            .arg(QDir(dir).absolutePath(), analysis::resultSetManifestName())
            .toStdString(),
          manifest.toStdString());
    }
    // Only the per-parcel table, and only the columns the join reads (not the 95 % bounds, flags and notes,
    // which are most of the file): reading all of the sample's 57 MB parcels.csv took 10 s.
    analysis::ReadOptions options;
    options.skipTable = [](const QString& table) { return table != QLatin1String("parcels"); };
    options.readColumn = [](const QString&, const QString& column) {
        static const QRegularExpression bounds(QStringLiteral("_(p2_5|p50|p97_5|u95_pct|u95_t)$"));
        static const QStringList notes{ QStringLiteral("flagged_parameters"),
                                        QStringLiteral("parameters_used"),
                                        QStringLiteral("blank_note"),
                                        QStringLiteral("method_detail") };
        return !notes.contains(column) && !bounds.match(column).hasMatch();
    };
    analysis::ResultSet rs = analysis::readResultSet(dir.toStdString(), options);
    analysis::Table* parcels = rs.table(QStringLiteral("parcels"));
    if (!parcels)
        throw gis::GisError(gis::GisError::Kind::Open,
                            GepCommand::tr("the result set %1 (analysis %2) has no table 'parcels'; give the "
                                           "folder of a tanhui-cli carbon --project run")
                              .arg(manifest, rs.analysis)
                              .toStdString(),
                            manifest.toStdString());
    const QString origin = QDir(dir).filePath(parcels->name + QStringLiteral(".csv"));
    return { std::move(*parcels), origin };
}

analysis::Table readCsvTable(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw gis::GisError(gis::GisError::Kind::Open,
                            GepCommand::tr("cannot open the carbon table %1").arg(path).toStdString(),
                            path.toStdString());
    params::CsvReader reader(f.readAll());
    if (!reader.next())
        throw gis::GisError(gis::GisError::Kind::InvalidArgument,
                            GepCommand::tr("the carbon table %1 is empty").arg(path).toStdString());
    analysis::Table t;
    t.name = QFileInfo(path).completeBaseName();
    for (const QString& h : reader.fields())
        t.columns.push_back({ h, QString(), QString(), gis::TableColumn::Type::String });
    while (reader.next()) {
        std::vector<QVariant> row(t.columns.size());
        for (int c = 0; c < int(t.columns.size()); ++c)
            row[std::size_t(c)] = reader.field(c);
        t.rows.push_back(std::move(row));
    }
    if (reader.unterminatedQuote())
        throw gis::GisError(
          gis::GisError::Kind::InvalidArgument,
          GepCommand::tr("the carbon table %1 has a quoted field that is not closed (missing '\"')")
            .arg(path)
            .toStdString());
    return t;
}

} // namespace tanhui::models::gep
