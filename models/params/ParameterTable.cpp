// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/params/ParameterTable.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace tanhui::models::params {

namespace {

/// Translation context of this file's user-facing strings.
struct Parameters {
    Q_DECLARE_TR_FUNCTIONS(Parameters)
};
QString number(double v) {
    return QString::number(v, 'g', 12);
}

struct CsvRecord {
    int line = 0; ///< 1-based line where the record starts
    QStringList fields;
};

std::vector<CsvRecord> parseCsv(QByteArray bytes, bool& unterminatedQuote) {
    std::vector<CsvRecord> records;
    CsvReader reader(std::move(bytes));
    while (reader.next())
        records.push_back({ reader.line(), reader.fields() });
    unterminatedQuote = reader.unterminatedQuote();
    return records;
}

/// One character of a field, RFC 4180 (CsvReader): the single state machine that both splits records
/// into fields and decodes a field's text.
struct FieldState {
    bool inQuotes = false;
    bool quoted = false;   ///< the field was quoted (its text is kept untrimmed)
    bool nonblank = false; ///< a character other than ASCII white space is part of the text
};
enum class Step { Append, AppendQuote, StartQuote, Skip, EndField, EndRecord };

bool isBlankChar(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

Step step(FieldState& s, const char* d, qsizetype& i, qsizetype n) {
    const char c = d[i];
    if (s.inQuotes) {
        if (c == '"') {
            if (i + 1 < n && d[i + 1] == '"') {
                ++i;
                s.nonblank = true;
                return Step::AppendQuote;
            }
            s.inQuotes = false;
            return Step::Skip;
        }
        s.nonblank = s.nonblank || !isBlankChar(c);
        return Step::Append;
    }
    if (c == '"' && !s.nonblank) { // an opening quote (after ASCII white space only, which is dropped)
        s.inQuotes = s.quoted = true;
        return Step::StartQuote;
    }
    if (c == ',')
        return Step::EndField;
    if (c == '\r')
        return Step::Skip; // part of CRLF, or a lone CR: ignored
    if (c == '\n')
        return Step::EndRecord;
    s.nonblank = s.nonblank || !isBlankChar(c);
    return Step::Append;
}

std::optional<double> parseNumber(const QString& text) {
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

} // namespace

const TableRow* ParameterTable::find(const QString& key) const& {
    for (const TableRow& r : m_rows)
        if (r.key == key)
            return &r;
    return nullptr;
}

int ParameterTable::columnIndex(const QString& column) const {
    for (std::size_t i = 0; i < m_spec.values.size(); ++i)
        if (column.compare(QLatin1String(m_spec.values[i].name), Qt::CaseInsensitive) == 0)
            return int(i);
    return -1;
}

std::optional<double> ParameterTable::value(const QString& key, const QString& column) const {
    const TableRow* row = find(key);
    const int c = columnIndex(column);
    if (!row || c < 0)
        return std::nullopt;
    return row->values[std::size_t(c)];
}

void ParameterTable::put(TableRow row) {
    for (TableRow& r : m_rows)
        if (r.key == row.key) {
            r = std::move(row);
            return;
        }
    m_rows.push_back(std::move(row));
}

LoadedTable loadTable(const TableSpec& spec,
                      const QString& path,
                      Provenance provenance,
                      const QString& displayName) {
    LoadedTable result{ ParameterTable(spec), {} };
    const QString file = displayName.isEmpty() ? path : displayName;
    auto error = [&](int row, const QString& column, const QString& message) {
        result.issues.push_back({ Issue::Severity::Error, file, row, column, message });
    };
    auto warning = [&](int row, const QString& column, const QString& message) {
        result.issues.push_back({ Issue::Severity::Warning, file, row, column, message });
    };

    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error(0, {}, Parameters::tr("cannot open the table: %1").arg(f.errorString()));
        return result;
    }
    // Invalid UTF-8 (e.g. Latin-1 names in old InVEST tables, or GBK from Excel's plain "CSV") only
    // affects text columns; the replacement character keeps every numeric cell readable. Said once.
    const QByteArray bytes = f.readAll();
    {
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString decoded = utf8(bytes);
        if (utf8.hasError() && !decoded.isEmpty())
            warning(
              0,
              {},
              Parameters::tr("the file is not UTF-8 (e.g. GBK saved by Excel as plain CSV); numbers are "
                             "read, but Chinese text may be garbled: save it as \"CSV UTF-8\""));
    }
    bool unterminated = false;
    const std::vector<CsvRecord> records = parseCsv(bytes, unterminated);
    if (unterminated)
        error(0, {}, Parameters::tr("a quoted field is not closed (missing '\"')"));
    if (records.empty()) {
        error(1,
              {},
              Parameters::tr("the table is empty: a header row with the column %1 is expected")
                .arg(spec.keyColumn));
        return result;
    }

    // Header.
    const QStringList& header = records.front().fields;
    auto findColumn = [&](const char* name) -> int {
        for (qsizetype i = 0; i < header.size(); ++i)
            if (header[i].trimmed().compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
                return int(i);
        return -1;
    };
    const int keyCol = findColumn(spec.keyColumn);
    if (keyCol < 0)
        error(1,
              QString::fromLatin1(spec.keyColumn),
              Parameters::tr("the key column %1 is missing (columns found: %2)")
                .arg(QString::fromLatin1(spec.keyColumn), header.join(QStringLiteral(", "))));
    // A whole header in one column: another separator (Excel in some locales writes ';'; tabs from a
    // copied sheet).
    if (keyCol < 0 && header.size() == 1)
        for (const QChar sep : { QLatin1Char(';'), QLatin1Char('\t') })
            if (header.front().contains(sep)) {
                error(1,
                      {},
                      Parameters::tr("the columns are separated by '%1', not by commas; save the table as "
                                     "comma-separated CSV")
                        .arg(sep == QLatin1Char('\t') ? QStringLiteral("\\t") : QString(sep)));
                break;
            }
    std::vector<int> extraKeyCols;
    for (const char* name : spec.extraKeyColumns) {
        extraKeyCols.push_back(findColumn(name));
        if (extraKeyCols.back() < 0)
            error(1,
                  QString::fromLatin1(name),
                  Parameters::tr("the key column %1 is missing (columns found: %2)")
                    .arg(QString::fromLatin1(name), header.join(QStringLiteral(", "))));
    }
    const bool extraKeysMissing =
      std::any_of(extraKeyCols.begin(), extraKeyCols.end(), [](int c) { return c < 0; });
    std::vector<int> valueCols;
    for (const ColumnSpec& c : spec.values) {
        valueCols.push_back(findColumn(c.name));
        if (valueCols.back() < 0 && c.required)
            error(1,
                  QString::fromLatin1(c.name),
                  Parameters::tr("the column %1 (%2, %3) is missing; add it to the header row (columns "
                                 "found: %4)")
                    .arg(QString::fromLatin1(c.name),
                         QCoreApplication::translate("Parameters", c.label),
                         QString::fromUtf8(c.unit),
                         header.join(QStringLiteral(", "))));
    }
    const int sourceCol = findColumn("source");
    const int tagCol = findColumn("tag");
    const int editionCol = findColumn("edition");
    if (provenance == Provenance::Required) {
        if (sourceCol < 0)
            error(1,
                  QStringLiteral("source"),
                  Parameters::tr("the column source (where each value comes from) is missing"));
        if (tagCol < 0)
            error(1,
                  QStringLiteral("tag"),
                  Parameters::tr("the column tag (verified, secondary, unconfirmed or example) is missing"));
    }
    if (keyCol < 0 || extraKeysMissing)
        return result;

    // Rows.
    std::map<QString, int> seen; // key → the row that has it
    std::vector<std::vector<double>> columnValues(spec.values.size());
    std::vector<std::vector<int>> columnLines(spec.values.size());
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& rec = records[r];
        auto cell = [&](int col) {
            return col >= 0 && col < rec.fields.size() ? rec.fields[col] : QString();
        };
        TableRow row;
        row.file = file;
        row.line = rec.line;
        row.key = cell(keyCol).trimmed();
        const QString keyName = QString::fromLatin1(spec.keyColumn);
        if (row.key.isEmpty()) {
            error(rec.line,
                  keyName,
                  Parameters::tr("the %1 is empty")
                    .arg(QCoreApplication::translate("Parameters", spec.keyLabel)));
            continue;
        }
        if (spec.integerKey) {
            bool ok = false;
            const double k = row.key.toDouble(&ok);
            if (!ok || k != std::floor(k) || std::fabs(k) > 9.0e15) {
                error(rec.line,
                      keyName,
                      Parameters::tr("the %1 must be a whole number, not '%2'")
                        .arg(QCoreApplication::translate("Parameters", spec.keyLabel), row.key));
                continue;
            }
            row.key = QString::number(qint64(k));
        }
        if (!spec.extraKeyColumns.empty()) {
            QStringList parts{ row.key };
            bool complete = true;
            for (std::size_t e = 0; e < extraKeyCols.size(); ++e) {
                const QString part = cell(extraKeyCols[e]).trimmed();
                if (part.isEmpty()) {
                    error(rec.line,
                          QString::fromLatin1(spec.extraKeyColumns[e]),
                          Parameters::tr("the key column %1 is empty").arg(spec.extraKeyColumns[e]));
                    complete = false;
                }
                parts << part;
            }
            if (!complete)
                continue;
            for (qsizetype e = 0; e < parts.size(); ++e)
                if (parts[e].contains(QLatin1Char('|'))) {
                    error(
                      rec.line,
                      QString::fromLatin1(e == 0 ? spec.keyColumn : spec.extraKeyColumns[std::size_t(e - 1)]),
                      Parameters::tr("'%1' contains '|', which separates the parts of a key").arg(parts[e]));
                    complete = false;
                }
            if (!complete)
                continue;
            row.key = compositeKey(parts);
        }
        if (const auto first = seen.find(row.key); first != seen.end()) {
            error(rec.line,
                  keyName,
                  Parameters::tr("the %1 %2 appears more than once (first in row %3); keep one row per key")
                    .arg(QCoreApplication::translate("Parameters", spec.keyLabel), row.key)
                    .arg(first->second));
            continue;
        }
        seen.emplace(row.key, rec.line);

        for (std::size_t c = 0; c < spec.values.size(); ++c) {
            const ColumnSpec& cs = spec.values[c];
            const QString name = QString::fromLatin1(cs.name);
            const QString text = cell(valueCols[c]).trimmed();
            if (valueCols[c] < 0 || text.isEmpty()) {
                if (cs.required && valueCols[c] >= 0)
                    error(rec.line,
                          name,
                          Parameters::tr("the value is empty; a number in %1 is expected")
                            .arg(QString::fromUtf8(cs.unit)));
                row.values.push_back(std::nullopt);
                continue;
            }
            const std::optional<double> v = parseNumber(text);
            if (!v) {
                if (text.endsWith(QLatin1Char('%')) && parseNumber(text.chopped(1)))
                    error(rec.line,
                          name,
                          Parameters::tr("'%1' is not a number: write the value without the %-sign, in %2")
                            .arg(text, QString::fromUtf8(cs.unit)));
                else
                    error(rec.line,
                          name,
                          Parameters::tr("'%1' is not a number (%2 expected)")
                            .arg(text, QString::fromUtf8(cs.unit)));
                row.values.push_back(std::nullopt);
                continue;
            }
            if (*v < 0 && cs.min >= 0)
                error(rec.line,
                      name,
                      Parameters::tr("negative value %1 %2: %3 cannot be negative")
                        .arg(number(*v),
                             QString::fromUtf8(cs.unit),
                             QCoreApplication::translate("Parameters", cs.label)));
            else if (!cs.percent && cs.max <= 1.5 && std::strcmp(cs.unit, "0/1") != 0 && *v > cs.max &&
                     *v <= 100 && *v / 100 >= cs.min)
                // A fraction or ratio column (carbon fraction 0.47, runoff coefficient 0.0267) given as a
                // percent (47, 2.67): said as such. Not for 0/1 switches.
                error(rec.line,
                      name,
                      Parameters::tr("%1 %2 is outside the valid range %3 to %4 %2; it looks like a percent: "
                                     "write the fraction %5")
                        .arg(number(*v), QString::fromUtf8(cs.unit), number(cs.min), number(cs.max))
                        .arg(number(*v / 100)));
            else if (*v < cs.min || *v > cs.max)
                error(rec.line,
                      name,
                      Parameters::tr("%1 %2 is outside the valid range %3 to %4 %2")
                        .arg(number(*v), QString::fromUtf8(cs.unit), number(cs.min), number(cs.max)));
            columnValues[c].push_back(*v);
            columnLines[c].push_back(rec.line);
            row.values.push_back(v);
        }
        for (const char* t : spec.textColumns) {
            const int col = findColumn(t);
            if (col >= 0)
                row.text[QString::fromLatin1(t).toLower()] = cell(col).trimmed();
        }
        row.edition = cell(editionCol).trimmed();
        const QString source = cell(sourceCol).trimmed();
        if (provenance == Provenance::Required) {
            if (sourceCol >= 0 && source.isEmpty())
                error(rec.line,
                      QStringLiteral("source"),
                      Parameters::tr(
                        "the source is empty; name the document and table, or the repository and path"));
            row.source = source;
            if (tagCol >= 0) {
                // `user`: a row the user edited in a project's copy (File ▸ Parameter Tables…); its
                // source says so and names the one it replaced.
                const std::optional<Tag> tag = parseTag(cell(tagCol));
                if (!tag)
                    error(rec.line,
                          QStringLiteral("tag"),
                          Parameters::tr(
                            "unknown tag '%1'; use verified, secondary, unconfirmed, example or user")
                            .arg(cell(tagCol)));
                else
                    row.tag = *tag;
            }
        } else {
            row.tag = Tag::User;
            row.source = source.isEmpty()
                           ? Parameters::tr("%1, row %2").arg(QFileInfo(file).fileName()).arg(rec.line)
                           : source;
        }
        result.table.put(std::move(row));
    }

    if (records.size() == 1)
        error(1,
              {},
              Parameters::tr("the table has a header but no rows; add one row per %1")
                .arg(QCoreApplication::translate("Parameters", spec.keyLabel)));

    // Percent columns given as fractions: every non-zero value lies in (−1, 1).
    for (std::size_t c = 0; c < spec.values.size(); ++c) {
        if (!spec.values[c].percent || columnValues[c].empty())
            continue;
        bool anyNonZero = false, allSmall = true;
        for (double v : columnValues[c]) {
            anyNonZero = anyNonZero || v != 0;
            allSmall = allSmall && std::fabs(v) < 1;
        }
        if (anyNonZero && allSmall)
            warning(columnLines[c].front(),
                    QString::fromLatin1(spec.values[c].name),
                    Parameters::tr(
                      "every value of this percent column lies between -1 and 1; it looks like fractions "
                      "(0.07) were given where percent (7) is expected"));
    }
    return result;
}

QString compositeKey(const QStringList& parts) {
    QStringList normalised;
    for (const QString& p : parts)
        normalised << p.trimmed().toLower();
    return normalised.join(QLatin1Char('|'));
}

LoadedTable loadDefaultTable(const TableSpec& spec) {
    const QString path = QStringLiteral(":/parameters/") + QString::fromLatin1(spec.defaultPath);
    return loadTable(spec, path, Provenance::Required);
}

ParameterTable overrideTable(const ParameterTable& base, const ParameterTable& user) {
    ParameterTable merged = base;
    for (TableRow row : user.rows()) {
        row.tag = Tag::User;
        merged.put(std::move(row));
    }
    return merged;
}

Issues checkKeysPresent(const ParameterTable& table,
                        const QStringList& keys,
                        const QString& tablePath,
                        const QString& where) {
    std::vector<QString> missing;
    for (const QString& k : keys)
        if (!table.find(k))
            missing.push_back(k);
    if (missing.empty())
        return {};
    std::sort(missing.begin(), missing.end(), [](const QString& a, const QString& b) {
        bool oka = false, okb = false;
        const double x = a.toDouble(&oka), y = b.toDouble(&okb);
        return oka && okb ? x < y : a < b;
    });
    missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
    QStringList list;
    for (const QString& m : missing)
        list << m;
    return { { Issue::Severity::Error,
               tablePath,
               0,
               QString::fromLatin1(table.spec().keyColumn),
               Parameters::tr("%1 present in %2 but missing from the table (%3 in all): %4")
                 .arg(QCoreApplication::translate("Parameters", table.spec().keyLabel))
                 .arg(where)
                 .arg(list.size())
                 .arg(list.join(QStringLiteral(", "))) } };
}

Issues checkKnownKey(const ParameterTable& table,
                     const QString& key,
                     const QString& where,
                     const QString& column) {
    if (table.find(key))
        return {};
    QStringList known;
    for (const TableRow& r : table.rows())
        known << r.key;
    return { { Issue::Severity::Error,
               where,
               0,
               column,
               Parameters::tr("unknown %1 '%2'; known: %3")
                 .arg(QCoreApplication::translate("Parameters", table.spec().keyLabel),
                      key,
                      known.join(QStringLiteral(", "))) } };
}

CsvReader::CsvReader(QByteArray bytes)
  : m_data(std::move(bytes)) {
    if (m_data.startsWith("\xEF\xBB\xBF"))
        m_pos = 3;
}

bool CsvReader::next() {
    const char* d = m_data.constData();
    const qsizetype n = m_data.size();
    while (m_pos < n) {
        m_spans.clear();
        m_recordLine = m_nextLine;
        FieldState state;
        bool any = false; // a comma or a quote: the record is not blank even if every field is empty
        qsizetype fieldBegin = m_pos, i = m_pos;
        for (; i < n; ++i) {
            const Step st = step(state, d, i, n);
            if (d[i] == '\n' && st != Step::EndRecord)
                ++m_nextLine; // a line break inside quotes
            if (st == Step::StartQuote) {
                any = true;
            } else if (st == Step::EndField) {
                m_spans.push_back({ fieldBegin, i });
                fieldBegin = i + 1;
                state = FieldState();
                any = true;
            } else if (st == Step::EndRecord) {
                ++m_nextLine;
                break;
            }
        }
        m_spans.push_back({ fieldBegin, std::min(i, n) });
        m_pos = i + 1;
        if (i >= n && state.inQuotes)
            m_unterminated = true;
        // Blank: one field of white space only (Unicode white space counts too, as trimmed() does).
        if (any || (state.nonblank && !field(0).isEmpty()))
            return true;
    }
    m_spans.clear();
    return false;
}

QString CsvReader::field(int index) const {
    if (index < 0 || std::size_t(index) >= m_spans.size())
        return {};
    const auto [b, e] = m_spans[std::size_t(index)];
    const char* d = m_data.constData();
    bool plain = true; // no quote and no CR: the bytes are the text
    for (qsizetype i = b; i < e && plain; ++i)
        plain = d[i] != '"' && d[i] != '\r';
    if (plain)
        return QString::fromUtf8(d + b, e - b).trimmed();
    QByteArray text;
    FieldState state;
    for (qsizetype i = b; i < e; ++i) {
        switch (step(state, d, i, e)) {
            case Step::Append:
                text += d[i];
                break;
            case Step::AppendQuote:
                text += '"';
                break;
            case Step::StartQuote:
                text.clear(); // white space before the opening quote
                break;
            default:
                break;
        }
    }
    const QString s = QString::fromUtf8(text);
    return state.quoted ? s : s.trimmed();
}

QStringList CsvReader::fields() const {
    QStringList out;
    out.reserve(qsizetype(m_spans.size()));
    for (int i = 0; i < fieldCount(); ++i)
        out << field(i);
    return out;
}

std::vector<CsvLine> readCsvLines(const QString& path, Issues& issues, const QString& displayName) {
    const QString file = displayName.isEmpty() ? path : displayName;
    std::vector<CsvLine> lines;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        issues.push_back({ Issue::Severity::Error,
                           file,
                           0,
                           {},
                           Parameters::tr("cannot open the table: %1").arg(f.errorString()) });
        return lines;
    }
    bool unterminated = false;
    for (CsvRecord& r : parseCsv(f.readAll(), unterminated))
        lines.push_back({ r.line, std::move(r.fields) });
    if (unterminated)
        issues.push_back({ Issue::Severity::Error,
                           file,
                           0,
                           {},
                           Parameters::tr("a quoted field is not closed (missing '\"')") });
    return lines;
}

} // namespace tanhui::models::params
