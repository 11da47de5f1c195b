// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/TableWriter.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <cstddef>
#include <functional>
#include <limits>
#include <vector>

namespace tanhui::gis {
class Feedback;
}

namespace tanhui::models::params {
struct Issue;
}

namespace tanhui::models::analysis {

// ---------------------------------------------------------------------------------------------------
// A result set: what an analysis returns in memory (issue 10, "Run"). Writers (CSV, GeoPackage, XLSX),
// the app's tables and charts and the report all read it; none of them re-reads the files a run wrote.
// A number's meaning (unit, description) is declared once, on its column, where it is computed.
// ---------------------------------------------------------------------------------------------------

/// @brief A column of a result table.
struct Column {
    QString name;        ///< as written in files, units in the name where they apply ("area_ha")
    QString unit;        ///< "ha", "t C", "t CO2e", "t C/ha", "CNY", "1" (fraction), "%"; empty for text/ids
    QString description; ///< English sentence (unit included); tooltips, GeoPackage and report notes
    gis::TableColumn::Type type = gis::TableColumn::Type::Real;
};

/// @brief A table of a result set. Rows are held in memory (`rows`), or, for large per-parcel tables,
/// produced on demand by `source` (then `rows` is empty and `rowCount` gives the count).
struct Table {
    QString name;        ///< file stem, e.g. "totals_by_ecosystem_type"
    QString title;       ///< English title, e.g. "Totals by ecosystem type"
    QString description; ///< English, one or two sentences: what a row is, what is counted
    std::vector<Column> columns;
    std::vector<std::vector<QVariant>> rows; ///< rows × columns (null QVariant: empty cell)
    /// Lazy rows (when set): fills one row's values (and its geometry as ISO WKB in `crs`).
    gis::RowSource source;
    std::size_t lazyRowCount = 0;
    bool hasGeometry = false; ///< `source` (or `geometry`) gives WKB geometry (GeoPackage output)
    gis::Crs crs;
    /// When set, a lazy row's geometry (ISO WKB in `crs`), asked only when the table is written with
    /// geometry (GeoPackage): for geometries read again from their files rather than held in memory.
    std::function<std::vector<unsigned char>(std::size_t row)> geometry;

    std::size_t rowCount() const { return source ? lazyRowCount : rows.size(); }
    /// Index of column `name`, or −1.
    int columnIndex(const QString& name) const;
    const Column* column(const QString& name) const;
    /// The cell (row, column name); null when the column does not exist or the cell is empty.
    QVariant value(std::size_t row, const QString& columnName) const;
    QVariant value(std::size_t row, int column) const;
    /// Every cell of row `row`, one per column (null: empty), from `rows` or one call of `source`.
    std::vector<QVariant> rowValues(std::size_t row) const;
    /// The cell as a number; NaN when empty, missing or not a number.
    double number(std::size_t row, const QString& columnName) const;
    /// The first row whose column `keyColumn` equals `key` (as text), or −1.
    long long findRow(const QString& keyColumn, const QString& key) const;
    /// The column specs as the file writers take them.
    std::vector<gis::TableColumn> fileColumns() const;
    /// A row source reading `rows` (or `source` itself when lazy), for gis::writeTable.
    gis::RowSource rowSource() const;
};

/// @brief One file of an input (a shapefile has several: .shp, .shx, .dbf, .prj, .cpg).
struct InputFile {
    QString path;   ///< absolute
    QString sha256; ///< lower-case hex
    qint64 bytes = 0;
};

/// @brief An input the run read, as the report's "study area and data" lists it.
struct InputRecord {
    QString role;                 ///< e.g. "land_cover", "forest_subcompartments", "parameters:pools"
    QString id;                   ///< the project's layer id (or table role), when any
    QString kind;                 ///< "raster", "vector", "table"
    QString path;                 ///< the main file, absolute (or ":/parameters/…" for a built-in table)
    std::vector<InputFile> files; ///< the main file first, then its side-car files
    QString crs;             ///< "EPSG:4547 — CGCS2000 / 3-degree Gauss-Kruger CM 114E", empty when none
    QString resolution;      ///< rasters: "30 × 30 m" (the CRS's units); empty otherwise
    QString dates;           ///< "2015", "2015, 2018, 2021", empty when not dated
    QString extent;          ///< "xmin, ymin, xmax, ymax" in the CRS
    long long features = -1; ///< vectors: feature count; rasters: −1
    QString details;         ///< size in cells, bands, data type, or row count
};

/// @brief A parameter row that entered the result, as parameters_used lists it.
struct ParameterRecord {
    QString table;        ///< role or table name, e.g. "pools"
    QString file;         ///< as loaded (":/parameters/…" for a built-in table)
    int row = 0;          ///< 1-based line in the file
    QString key;          ///< e.g. the lucode, species group or indicator
    QString values;       ///< the row's values used, "c_above=60.5 t C/ha; …" (may be empty)
    QString tag;          ///< evidence tag as written (verified, secondary, unconfirmed, example, user)
    QString source;       ///< the row's source
    bool flagged = false; ///< secondary, unconfirmed or example (params::isFlagged)
    long long uses = 0;   ///< parcels (or cells) that used it; 0 when not counted
};

/// @brief Where a result came from.
struct Provenance {
    QString analysis; ///< e.g. "carbon_project", "gep"
    QString software = QStringLiteral("Tanhui");
    QString version;             ///< TANHUI_VERSION
    QString projectFile;         ///< absolute, when run from a project
    QDateTime started, finished; ///< UTC
    int threads = 0;
    std::vector<InputRecord> inputs;
    std::vector<ParameterRecord> parameters;
    /// Settings as (key, value, unit), e.g. ("carbon.uncertainty.iterations", "1000", "").
    struct Setting {
        QString key, value, unit, source;
    };
    std::vector<Setting> settings;
};

/// @brief A message of a run: a repair, a skipped feature with its reason, a warning or an error.
struct Message {
    enum class Level { Info, Warning, Error };
    Level level = Level::Warning;
    QString text;    ///< complete sentence (translated when produced under a translator)
    QString file;    ///< the file it concerns, when any
    QString feature; ///< the feature (fid or id) it concerns, when any
    QString field;   ///< the field, column or option it concerns, when any
    int row = 0;     ///< 1-based row of a table file, when any
};

/// A run's issue as a message of its result set: an error as an error, anything else as a warning, with
/// its file, field (the issue's column) and row.
Message messageOf(const params::Issue& issue);

/// @brief What an analysis returns.
struct ResultSet {
    QString analysis; ///< as Provenance::analysis
    std::vector<Table> tables;
    Provenance provenance;
    std::vector<Message> messages;
    QStringList files; ///< files the run wrote, relative to its output folder (a run writes into a staging
                       ///< folder that is then renamed, so absolute paths would be wrong), when it wrote any

    /// The table named `name`, or null.
    const Table* table(const QString& name) const;
    Table* table(const QString& name);
    /// Adds a table (replacing one of the same name) and returns it.
    Table& addTable(Table table);
};

/// @brief Describes an input for the provenance: SHA-256 of its files (a shapefile's side-cars too),
/// CRS, resolution, extent and size read through gis/. `kind` "raster", "vector" or "table". A file that
/// cannot be opened gets what can be read (its hash) and `details` says why the rest is missing.
/// Streams the files (any size); checks `feedback` for cancel between files.
InputRecord describeInput(const QString& path,
                          const QString& kind,
                          const QString& role,
                          const QString& id = QString(),
                          const QString& dates = QString(),
                          gis::Feedback* feedback = nullptr);

/// @brief SHA-256 of a file (lower-case hex), streamed; empty when it cannot be read.
QString sha256OfFile(const QString& path);

/// @brief Writes `table` as CSV (.csv; `csvBom` adds a UTF-8 byte-order mark for Excel) or GeoPackage
/// (.gpkg, with geometry when the table has it) through gis::writeTable (atomic).
void writeTableFile(const Table& table, const std::string& path, bool csvBom = false);

/// @brief Prepends the UTF-8 byte-order mark (for Excel) to the CSV file `path`, atomically; a file that
/// starts with one is left as it is. Throws GisError(Io) naming the file.
void addCsvByteOrderMark(const std::string& path);

/// @brief Options of writeResultSet().
struct WriteOptions {
    bool csvBom = false;    ///< UTF-8 byte-order mark on CSV files (Excel)
    bool geoPackage = true; ///< also `<name>.gpkg` for tables with geometry
    bool xlsx = false;      ///< also every table in one workbook `results.xlsx` (writeXlsx, Xlsx.h)
};

/// @brief Writes a result set into `dir` (which must exist): each table as `<name>.csv` (and
/// `<name>.gpkg` for tables with geometry; with `options.xlsx` all tables in `results.xlsx`), then the
/// manifest `resultset.json` (format "tanhui-resultset", version 1: analysis, provenance, messages, files and
/// each table's name, title, description, file, row count and columns with unit, description and type). Every
/// file is written atomically; the manifest last, so a folder with a manifest has all its tables. Appends
/// nothing to `rs.files`; returns the paths written. Throws GisError(Io) naming the file.
QStringList writeResultSet(const ResultSet& rs, const std::string& dir, const WriteOptions& options = {});

/// The workbook's file name with WriteOptions::xlsx, "results.xlsx".
QString resultSetXlsxName();

/// The manifest's file name, "resultset.json".
QString resultSetManifestName();

/// @brief Reads the rows of every lazy table (Table::source) into Table::rows and drops the source, so
/// that a view can read cells in any order (the app's Results dock). Geometry is not kept.
void materialiseTables(ResultSet& rs);

/// @brief Reads a result set written by writeResultSet() from `dir` (its manifest and CSV tables; values
/// typed by their columns, empty cells null). Tables are read in full. Throws GisError(Open) naming the
/// file (and row and column) when the manifest or a table is missing, malformed, of another format or
/// version, or when a table's header or a numeric cell disagrees with the manifest.
ResultSet readResultSet(const std::string& dir);

/// @brief Options of readResultSet().
struct ReadOptions {
    /// Tables for which it answers true are read without their rows (e.g. a report that needs a large
    /// per-parcel table's columns, not its rows): their header is still checked against the manifest,
    /// `rows` stays empty and `lazyRowCount` holds the manifest's row count (`source` is not set).
    std::function<bool(const QString& table)> headerOnly;
    /// Tables for which it answers true are left out of the result set (not opened at all).
    std::function<bool(const QString& table)> skipTable;
    /// Columns for which it answers false keep their declaration but their cells stay null (not decoded):
    /// a reader that needs a few columns of a wide per-parcel table saves most of the parsing.
    std::function<bool(const QString& table, const QString& column)> readColumn;
};
/// @brief readResultSet() with `options`.
ResultSet readResultSet(const std::string& dir, const ReadOptions& options);

} // namespace tanhui::models::analysis
