// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/params/Parameter.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace tanhui::models::params {

/// @brief One value column of a parameter table.
struct ColumnSpec {
    const char* name = "";  ///< column name as written in the CSV (matched case-insensitively)
    const char* label = ""; ///< QT_TRANSLATE_NOOP("Parameters", ...)
    const char* unit = "";  ///< e.g. "t C/ha", "t/m³", "ratio", "%"
    double min = -1e300;    ///< valid range, inclusive
    double max = 1e300;
    bool percent = false; ///< values are percent: a column whose non-zero values all lie in (−1, 1) is
                          ///< flagged as fractions
    bool required = true; ///< a missing column is an error; optional columns may be absent or empty
};

/// @brief Layout of a parameter table (carbon-methods.md §9): a key column, typed value columns each
/// with unit and range, optional text columns (names), and the provenance columns `source` and `tag`
/// (required in default tables) and `edition` (optional). Other columns are ignored.
struct TableSpec {
    const char* id = "";        ///< e.g. "carbon_pools"; the default file is :/parameters/<defaultPath>
    const char* keyColumn = ""; ///< e.g. "lucode"
    /// Further key columns of a composite key (carbon-methods.md §9, e.g. soil_factors.csv: climate_zone,
    /// factor, level). The row key is then the key column's value followed by these, each trimmed and
    /// lower-cased, joined by '|' (compositeKey()); each part must be filled and must not contain '|'.
    std::vector<const char*> extraKeyColumns;
    bool integerKey = false;   ///< keys must be whole numbers (land-cover codes)
    const char* keyLabel = ""; ///< QT_TRANSLATE_NOOP("Parameters", ...), e.g. "land-cover code"
    std::vector<ColumnSpec> values;
    std::vector<const char*> textColumns; ///< optional text columns kept with each row (e.g. "lulc_name")
    const char* defaultPath = "";         ///< path under :/parameters/, e.g. "carbon/carbon_pools.csv"
};

/// The key of a composite-key row: the parts trimmed, lower-cased and joined by '|'
/// (e.g. "tropical_moist|lac").
QString compositeKey(const QStringList& parts);

/// @brief One row of a loaded table. Values are in the order of TableSpec::values; an optional column
/// that is absent or empty holds nullopt.
struct TableRow {
    QString key;
    std::vector<std::optional<double>> values;
    std::map<QString, QString> text; ///< text columns by (lower-case) name
    QString source;                  ///< provenance, as written (user rows: the user's text or the file)
    Tag tag = Tag::User;
    QString edition;
    QString file; ///< where the row was read
    int line = 0; ///< its 1-based row in that file (header = 1)
};

/// @brief A loaded, validated parameter table. Keys are unique.
class ParameterTable {
public:
    ParameterTable() = default;
    explicit ParameterTable(TableSpec spec)
      : m_spec(std::move(spec)) {}

    const TableSpec& spec() const { return m_spec; }
    // Accessors that return references or pointers into the table are deleted on temporaries, so
    // that `loadTable(...).table.find(k)` cannot dangle (it does not compile).
    const std::vector<TableRow>& rows() const& { return m_rows; }
    const std::vector<TableRow>& rows() const&& = delete;
    const TableRow* find(const QString& key) const&;
    const TableRow* find(const QString& key) const&& = delete;
    /// Column index in spec().values of `column` (case-insensitive), or -1.
    int columnIndex(const QString& column) const;
    /// The value of `column` in the row with `key`; nullopt when the row or the value is absent.
    std::optional<double> value(const QString& key, const QString& column) const;

    /// Adds or replaces (by key) a row.
    void put(TableRow row);

private:
    TableSpec m_spec;
    std::vector<TableRow> m_rows;
};

/// @brief How a table file is read.
enum class Provenance {
    Required,    ///< default tables and their copies: `source` and `tag` columns must exist and be filled in
                 ///< every row (tag `user` for a row the user edited)
    UserSupplied ///< user tables: provenance optional; rows are tagged User, `source` kept or set to
                 ///< "<file>, row <n>"
};

/// @brief Result of loading a table: the rows that could be read, and every problem found (the
/// loader never stops at the first bad cell). `table` is only usable when !hasErrors(issues).
struct LoadedTable {
    ParameterTable table;
    Issues issues;
};

/// @brief Reads a CSV table (UTF-8, byte-order mark tolerated, RFC 4180 quoting, blank lines skipped)
/// laid out by `spec`. `displayName` names the file in issues (defaults to `path`). Checks: missing
/// required columns (one issue each), empty or non-numeric values, values outside the column's range
/// (negative stocks are named as such), percent columns given as fractions (warning), non-integer or
/// duplicate keys, missing or unknown tags, empty sources. Paths starting with ":/" are Qt resources.
LoadedTable loadTable(const TableSpec& spec,
                      const QString& path,
                      Provenance provenance,
                      const QString& displayName = {});

/// @brief The default table of `spec`, from the Qt resource :/parameters/<spec.defaultPath>.
LoadedTable loadDefaultTable(const TableSpec& spec);

/// @brief Overrides `base` with `user`: a user row replaces the base row with the same key, keeping
/// the user's source text and tag User; base rows without a user row are kept unchanged.
ParameterTable overrideTable(const ParameterTable& base, const ParameterTable& user);

/// @brief One issue (an error) when any of `keys` has no row in `table`, listing all of them in
/// ascending order: "land-cover codes present in <where> but missing from the table: 7, 200".
/// `tablePath` becomes the issue's file; `where` names the data (e.g. the raster).
Issues checkKeysPresent(const ParameterTable& table,
                        const QStringList& keys,
                        const QString& tablePath,
                        const QString& where);

/// @brief Looks up a key that the user named (e.g. a species group) and returns an issue naming the
/// known keys when it is not in the table.
Issues checkKnownKey(const ParameterTable& table,
                     const QString& key,
                     const QString& where,
                     const QString& column);

/// @brief A CSV text read record by record (UTF-8, byte-order mark tolerated, RFC 4180 quoting: a
/// field may be quoted with '"', "" inside quotes is one quote, and quoted fields may hold commas and
/// line breaks; CRLF and LF line ends; blank lines are skipped). Quoted fields keep their text as
/// written, unquoted ones are trimmed. A record is split into byte ranges only and a field is decoded
/// when asked for, so a wide file costs one pass over its bytes plus the fields a caller reads (the
/// GEP run reads a few columns of the carbon run's ~60-column parcels.csv this way). The parser of
/// readCsvLines() and the parameter tables.
class CsvReader {
public:
    explicit CsvReader(QByteArray bytes);

    /// Moves to the next record that is not blank; false at the end of the text.
    bool next();
    /// 1-based line where the current record starts.
    int line() const { return m_recordLine; }
    int fieldCount() const { return int(m_spans.size()); }
    /// The field's text ("" for a field the record does not have).
    QString field(int index) const;
    /// All fields of the current record.
    QStringList fields() const;
    /// After next() returned false: the text ended inside a quoted field.
    bool unterminatedQuote() const { return m_unterminated; }

private:
    QByteArray m_data;
    qsizetype m_pos = 0;
    int m_nextLine = 1, m_recordLine = 0;
    bool m_unterminated = false;
    std::vector<std::pair<qsizetype, qsizetype>> m_spans; ///< [begin, end) of each field
};

/// @brief One raw record of a CSV file: its 1-based starting line and its fields (quoted fields as
/// written, unquoted fields trimmed). For tables that are not key × column (e.g. transition matrices).
struct CsvLine {
    int line = 0;
    QStringList fields;
};
/// @brief Reads a CSV file (UTF-8, byte-order mark tolerated, RFC 4180 quoting, blank lines skipped;
/// ":/" paths are Qt resources). Problems (cannot open, unclosed quote) are appended to `issues`
/// naming `displayName` (defaults to `path`).
std::vector<CsvLine> readCsvLines(const QString& path, Issues& issues, const QString& displayName = {});

} // namespace tanhui::models::params
