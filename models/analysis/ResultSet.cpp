// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/analysis/ResultSet.h"

#include "models/analysis/Xlsx.h"

#include "gis/AtomicFile.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/RasterDataset.h"
#include "gis/VectorLayer.h"
#include "models/params/ParameterTable.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <optional>

namespace tanhui::models::analysis {

int Table::columnIndex(const QString& name) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name == name) {
            return int(i);
        }
    }
    return -1;
}

const Column* Table::column(const QString& name) const {
    const int i = columnIndex(name);
    return i < 0 ? nullptr : &columns[std::size_t(i)];
}

QVariant Table::value(std::size_t row, int column) const {
    if (column < 0 || std::size_t(column) >= columns.size() || row >= rowCount()) {
        return {};
    }
    if (source) {
        std::vector<QVariant> values(columns.size());
        std::vector<unsigned char> wkb;
        source(row, values, wkb);
        return values[std::size_t(column)];
    }
    const auto& r = rows[row];
    return std::size_t(column) < r.size() ? r[std::size_t(column)] : QVariant();
}

std::vector<QVariant> Table::rowValues(std::size_t row) const {
    std::vector<QVariant> values(columns.size());
    if (row >= rowCount()) {
        return values;
    }
    if (source) {
        std::vector<unsigned char> wkb;
        source(row, values, wkb);
        return values;
    }
    const auto& r = rows[row];
    for (std::size_t c = 0; c < values.size() && c < r.size(); ++c) {
        values[c] = r[c];
    }
    return values;
}

QVariant Table::value(std::size_t row, const QString& columnName) const {
    return value(row, columnIndex(columnName));
}

double Table::number(std::size_t row, const QString& columnName) const {
    const QVariant v = value(row, columnName);
    if (v.isNull() || !v.isValid()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    bool ok = false;
    const double d = v.toDouble(&ok);
    return ok ? d : std::numeric_limits<double>::quiet_NaN();
}

long long Table::findRow(const QString& keyColumn, const QString& key) const {
    const int c = columnIndex(keyColumn);
    if (c < 0) {
        return -1;
    }
    for (std::size_t r = 0; r < rowCount(); ++r) {
        if (value(r, c).toString() == key) {
            return static_cast<long long>(r);
        }
    }
    return -1;
}

std::vector<gis::TableColumn> Table::fileColumns() const {
    std::vector<gis::TableColumn> out;
    out.reserve(columns.size());
    for (const Column& c : columns) {
        out.push_back({ c.name.toStdString(), c.type });
    }
    return out;
}

gis::RowSource Table::rowSource() const {
    if (source) {
        return source;
    }
    return [this](std::size_t row, std::vector<QVariant>& values, std::vector<unsigned char>&) {
        const auto& r = rows[row];
        for (std::size_t c = 0; c < values.size(); ++c) {
            values[c] = c < r.size() ? r[c] : QVariant();
        }
    };
}

const Table* ResultSet::table(const QString& name) const {
    for (const Table& t : tables) {
        if (t.name == name) {
            return &t;
        }
    }
    return nullptr;
}

Table* ResultSet::table(const QString& name) {
    for (Table& t : tables) {
        if (t.name == name) {
            return &t;
        }
    }
    return nullptr;
}

Table& ResultSet::addTable(Table table) {
    if (Table* existing = this->table(table.name)) {
        *existing = std::move(table);
        return *existing;
    }
    tables.push_back(std::move(table));
    return tables.back();
}

Message messageOf(const params::Issue& issue) {
    Message m;
    m.level = issue.isError() ? Message::Level::Error : Message::Level::Warning;
    m.text = issue.message;
    m.file = issue.file;
    m.field = issue.column;
    m.row = issue.row;
    return m;
}

QString sha256OfFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

namespace {

/// The files that make up `path`: itself, then side-cars sharing its base name (shapefile parts,
/// .aux.xml, world files, .ovr).
std::vector<QString> filesOf(const QString& path) {
    std::vector<QString> out{ path };
    const QFileInfo info(path);
    if (!info.exists() || path.startsWith(QLatin1Char(':'))) {
        return out;
    }
    static const char* const kSidecars[] = { "shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx", "tfw", "ovr" };
    const QString base = info.path() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('.');
    for (const char* ext : kSidecars) {
        for (const QString& candidate :
             { base + QLatin1String(ext), base + QString::fromLatin1(ext).toUpper() }) {
            if (candidate != path && QFileInfo::exists(candidate)) {
                out.push_back(candidate);
                break;
            }
        }
    }
    if (QFileInfo::exists(path + QStringLiteral(".ovr"))) {
        out.push_back(path + QStringLiteral(".ovr"));
    }
    return out;
}

QString crsText(const gis::Crs& crs) {
    if (!crs.isValid()) {
        return {};
    }
    const QString id = QString::fromStdString(crs.authorityId());
    const QString name = QString::fromStdString(crs.name());
    return id.isEmpty() ? name : id + QStringLiteral(" — ") + name;
}

QString number(double v) {
    return QString::number(v, 'g', 12);
}

QString extentText(const gis::Box& b) {
    return QStringLiteral("%1, %2, %3, %4")
      .arg(number(b.xmin), number(b.ymin), number(b.xmax), number(b.ymax));
}

} // namespace

InputRecord describeInput(const QString& path,
                          const QString& kind,
                          const QString& role,
                          const QString& id,
                          const QString& dates,
                          gis::Feedback* feedback) {
    InputRecord record;
    record.role = role;
    record.id = id;
    record.kind = kind;
    record.dates = dates;
    const QFileInfo info(path);
    record.path =
      path.startsWith(QLatin1Char(':')) || path.contains(QLatin1Char('"')) ? path : info.absoluteFilePath();
    for (const QString& file : filesOf(record.path)) {
        if (feedback) {
            feedback->throwIfCancelled();
        }
        InputFile f;
        f.path = file;
        f.sha256 = sha256OfFile(file);
        f.bytes = QFileInfo(file).size();
        record.files.push_back(std::move(f));
    }
    try {
        if (kind == QLatin1String("raster")) {
            gis::RasterDataset raster(record.path.toStdString());
            const gis::RasterInfo& ri = raster.info();
            record.crs = crsText(ri.crs);
            const QString units =
              ri.crs.isValid() && ri.crs.isGeographic() ? QStringLiteral("°") : QStringLiteral("m");
            double w = ri.grid.cellWidth, h = ri.grid.cellHeight;
            if (ri.crs.isValid() && !ri.crs.isGeographic()) {
                w *= ri.crs.linearUnitMetres();
                h *= ri.crs.linearUnitMetres();
            }
            record.resolution = QStringLiteral("%1 × %2 %3").arg(number(w), number(h), units);
            record.extent = extentText(ri.grid.extent());
            record.details =
              QStringLiteral("%1 × %2 cells, %3 band(s), %4")
                .arg(ri.grid.cols)
                .arg(ri.grid.rows)
                .arg(ri.bands.size())
                .arg(ri.bands.empty() ? QString() : QString::fromStdString(ri.bands[0].dataType));
        } else if (kind == QLatin1String("vector")) {
            gis::VectorLayer layer(record.path.toStdString());
            const gis::LayerInfo& li = layer.info();
            record.crs = crsText(li.crs);
            record.extent = extentText(li.extent);
            record.features = li.featureCount;
            record.details =
              QStringLiteral("%1, %2, %3 field(s)")
                .arg(QString::fromStdString(li.driver), QString::fromStdString(li.geometryType))
                .arg(li.fields.size());
        }
    } catch (const gis::CancelledError&) {
        throw;
    } catch (const gis::GisError& e) {
        record.details = QString::fromUtf8(e.what());
    }
    return record;
}

void writeTableFile(const Table& table, const std::string& path, bool csvBom) {
    gis::RowSource rows = table.rowSource();
    const bool gpkg = QString::fromStdString(path).endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive);
    if (gpkg && table.geometry)
        rows = [&table, source = std::move(rows)](
                 std::size_t row, std::vector<QVariant>& values, std::vector<unsigned char>& wkb) {
            source(row, values, wkb);
            wkb = table.geometry(row);
        };
    gis::writeTable(path, table.fileColumns(), table.rowCount(), rows, table.hasGeometry, table.crs);
    if (csvBom && path.size() > 4 && path.compare(path.size() - 4, 4, ".csv") == 0) {
        addCsvByteOrderMark(path);
    }
}

void addCsvByteOrderMark(const std::string& path) {
    // Prepend the UTF-8 BOM through a second atomic write (the table is small next to its cost).
    QFile in(QString::fromStdString(path));
    if (!in.open(QIODevice::ReadOnly)) {
        throw gis::GisError(
          gis::GisError::Kind::Io, "cannot reopen " + path + " to add the byte-order mark", path);
    }
    const QByteArray body = in.readAll();
    in.close();
    if (body.startsWith("\xEF\xBB\xBF")) {
        return;
    }
    gis::writeFileAtomically(QString::fromStdString(path), QByteArray("\xEF\xBB\xBF") + body);
}

// ---------------------------------------------------------------------------------------------------
// Saving and reading a result set
// ---------------------------------------------------------------------------------------------------

namespace {

constexpr int kResultSetVersion = 1;
const char* const kResultSetFormat = "tanhui-resultset";

QString typeName(gis::TableColumn::Type t) {
    switch (t) {
        case gis::TableColumn::Type::Integer:
            return QStringLiteral("integer");
        case gis::TableColumn::Type::Real:
            return QStringLiteral("real");
        case gis::TableColumn::Type::String:
            break;
    }
    return QStringLiteral("string");
}

std::optional<gis::TableColumn::Type> parseTypeName(const QString& s) {
    if (s == QLatin1String("integer")) {
        return gis::TableColumn::Type::Integer;
    }
    if (s == QLatin1String("real")) {
        return gis::TableColumn::Type::Real;
    }
    if (s == QLatin1String("string")) {
        return gis::TableColumn::Type::String;
    }
    return std::nullopt;
}

QString isoTime(const QDateTime& t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString levelName(Message::Level l) {
    switch (l) {
        case Message::Level::Info:
            return QStringLiteral("info");
        case Message::Level::Warning:
            return QStringLiteral("warning");
        case Message::Level::Error:
            break;
    }
    return QStringLiteral("error");
}

Message::Level parseLevel(const QString& s) {
    if (s == QLatin1String("info")) {
        return Message::Level::Info;
    }
    if (s == QLatin1String("error")) {
        return Message::Level::Error;
    }
    return Message::Level::Warning;
}

QJsonObject provenanceJson(const Provenance& p) {
    QJsonObject o;
    o[QStringLiteral("analysis")] = p.analysis;
    o[QStringLiteral("software")] = p.software;
    o[QStringLiteral("version")] = p.version;
    o[QStringLiteral("project_file")] = p.projectFile;
    o[QStringLiteral("started")] = isoTime(p.started);
    o[QStringLiteral("finished")] = isoTime(p.finished);
    o[QStringLiteral("threads")] = p.threads;
    QJsonArray inputs;
    for (const InputRecord& in : p.inputs) {
        QJsonObject i;
        i[QStringLiteral("role")] = in.role;
        i[QStringLiteral("id")] = in.id;
        i[QStringLiteral("kind")] = in.kind;
        i[QStringLiteral("path")] = in.path;
        QJsonArray files;
        for (const InputFile& f : in.files) {
            files.append(QJsonObject{ { QStringLiteral("path"), f.path },
                                      { QStringLiteral("sha256"), f.sha256 },
                                      { QStringLiteral("bytes"), double(f.bytes) } });
        }
        i[QStringLiteral("files")] = files;
        i[QStringLiteral("crs")] = in.crs;
        i[QStringLiteral("resolution")] = in.resolution;
        i[QStringLiteral("dates")] = in.dates;
        i[QStringLiteral("extent")] = in.extent;
        i[QStringLiteral("features")] = double(in.features);
        i[QStringLiteral("details")] = in.details;
        inputs.append(i);
    }
    o[QStringLiteral("inputs")] = inputs;
    QJsonArray params;
    for (const ParameterRecord& r : p.parameters) {
        params.append(QJsonObject{ { QStringLiteral("table"), r.table },
                                   { QStringLiteral("file"), r.file },
                                   { QStringLiteral("row"), r.row },
                                   { QStringLiteral("key"), r.key },
                                   { QStringLiteral("values"), r.values },
                                   { QStringLiteral("tag"), r.tag },
                                   { QStringLiteral("source"), r.source },
                                   { QStringLiteral("flagged"), r.flagged },
                                   { QStringLiteral("uses"), double(r.uses) } });
    }
    o[QStringLiteral("parameters")] = params;
    QJsonArray settings;
    for (const Provenance::Setting& s : p.settings) {
        settings.append(QJsonObject{ { QStringLiteral("key"), s.key },
                                     { QStringLiteral("value"), s.value },
                                     { QStringLiteral("unit"), s.unit },
                                     { QStringLiteral("source"), s.source } });
    }
    o[QStringLiteral("settings")] = settings;
    return o;
}

Provenance provenanceFrom(const QJsonObject& o) {
    Provenance p;
    p.analysis = o.value(QStringLiteral("analysis")).toString();
    p.software = o.value(QStringLiteral("software")).toString();
    p.version = o.value(QStringLiteral("version")).toString();
    p.projectFile = o.value(QStringLiteral("project_file")).toString();
    p.started = QDateTime::fromString(o.value(QStringLiteral("started")).toString(), Qt::ISODateWithMs);
    p.finished = QDateTime::fromString(o.value(QStringLiteral("finished")).toString(), Qt::ISODateWithMs);
    p.threads = o.value(QStringLiteral("threads")).toInt();
    for (const QJsonValue& v : o.value(QStringLiteral("inputs")).toArray()) {
        const QJsonObject i = v.toObject();
        InputRecord in;
        in.role = i.value(QStringLiteral("role")).toString();
        in.id = i.value(QStringLiteral("id")).toString();
        in.kind = i.value(QStringLiteral("kind")).toString();
        in.path = i.value(QStringLiteral("path")).toString();
        for (const QJsonValue& fv : i.value(QStringLiteral("files")).toArray()) {
            const QJsonObject f = fv.toObject();
            in.files.push_back({ f.value(QStringLiteral("path")).toString(),
                                 f.value(QStringLiteral("sha256")).toString(),
                                 qint64(f.value(QStringLiteral("bytes")).toDouble()) });
        }
        in.crs = i.value(QStringLiteral("crs")).toString();
        in.resolution = i.value(QStringLiteral("resolution")).toString();
        in.dates = i.value(QStringLiteral("dates")).toString();
        in.extent = i.value(QStringLiteral("extent")).toString();
        in.features = static_cast<long long>(i.value(QStringLiteral("features")).toDouble(-1));
        in.details = i.value(QStringLiteral("details")).toString();
        p.inputs.push_back(std::move(in));
    }
    for (const QJsonValue& v : o.value(QStringLiteral("parameters")).toArray()) {
        const QJsonObject r = v.toObject();
        ParameterRecord pr;
        pr.table = r.value(QStringLiteral("table")).toString();
        pr.file = r.value(QStringLiteral("file")).toString();
        pr.row = r.value(QStringLiteral("row")).toInt();
        pr.key = r.value(QStringLiteral("key")).toString();
        pr.values = r.value(QStringLiteral("values")).toString();
        pr.tag = r.value(QStringLiteral("tag")).toString();
        pr.source = r.value(QStringLiteral("source")).toString();
        pr.flagged = r.value(QStringLiteral("flagged")).toBool();
        pr.uses = static_cast<long long>(r.value(QStringLiteral("uses")).toDouble());
        p.parameters.push_back(std::move(pr));
    }
    for (const QJsonValue& v : o.value(QStringLiteral("settings")).toArray()) {
        const QJsonObject s = v.toObject();
        p.settings.push_back({ s.value(QStringLiteral("key")).toString(),
                               s.value(QStringLiteral("value")).toString(),
                               s.value(QStringLiteral("unit")).toString(),
                               s.value(QStringLiteral("source")).toString() });
    }
    return p;
}

[[noreturn]] void failRead(const QString& file, const QString& what) {
    throw gis::GisError(
      gis::GisError::Kind::Open, QStringLiteral("%1: %2").arg(file, what).toStdString(), file.toStdString());
}

} // namespace

void materialiseTables(ResultSet& rs) {
    for (Table& t : rs.tables) {
        if (!t.source)
            continue;
        t.rows.resize(t.lazyRowCount);
        std::vector<unsigned char> wkb;
        for (std::size_t r = 0; r < t.lazyRowCount; ++r) {
            t.rows[r].resize(t.columns.size());
            t.source(r, t.rows[r], wkb);
        }
        t.source = nullptr;
        t.lazyRowCount = 0;
    }
}

QString resultSetManifestName() {
    return QStringLiteral("resultset.json");
}

QString resultSetXlsxName() {
    return QStringLiteral("results.xlsx");
}

QStringList writeResultSet(const ResultSet& rs, const std::string& dir, const WriteOptions& options) {
    const QString base = QString::fromStdString(dir) + QLatin1Char('/');
    QStringList written;
    QJsonArray tables;
    for (const Table& t : rs.tables) {
        const QString csv = base + t.name + QStringLiteral(".csv");
        writeTableFile(t, csv.toStdString(), options.csvBom);
        written << csv;
        QJsonObject o;
        o[QStringLiteral("name")] = t.name;
        o[QStringLiteral("title")] = t.title;
        o[QStringLiteral("description")] = t.description;
        o[QStringLiteral("file")] = t.name + QStringLiteral(".csv");
        o[QStringLiteral("rows")] = double(t.rowCount());
        if (t.hasGeometry && options.geoPackage) {
            const QString gpkg = base + t.name + QStringLiteral(".gpkg");
            writeTableFile(t, gpkg.toStdString());
            written << gpkg;
            o[QStringLiteral("geopackage")] = t.name + QStringLiteral(".gpkg");
        }
        QJsonArray columns;
        for (const Column& c : t.columns) {
            columns.append(QJsonObject{ { QStringLiteral("name"), c.name },
                                        { QStringLiteral("unit"), c.unit },
                                        { QStringLiteral("description"), c.description },
                                        { QStringLiteral("type"), typeName(c.type) } });
        }
        o[QStringLiteral("columns")] = columns;
        tables.append(o);
    }
    QJsonArray messages;
    for (const Message& m : rs.messages) {
        messages.append(QJsonObject{ { QStringLiteral("level"), levelName(m.level) },
                                     { QStringLiteral("text"), m.text },
                                     { QStringLiteral("file"), m.file },
                                     { QStringLiteral("feature"), m.feature },
                                     { QStringLiteral("field"), m.field },
                                     { QStringLiteral("row"), m.row } });
    }
    QJsonObject root;
    root[QStringLiteral("format")] = QLatin1String(kResultSetFormat);
    root[QStringLiteral("version")] = kResultSetVersion;
    root[QStringLiteral("analysis")] = rs.analysis;
    root[QStringLiteral("provenance")] = provenanceJson(rs.provenance);
    root[QStringLiteral("messages")] = messages;
    root[QStringLiteral("files")] = QJsonArray::fromStringList(rs.files);
    root[QStringLiteral("tables")] = tables;
    if (options.xlsx) {
        // All tables in one workbook for Excel users (issue 14, "Data export").
        const QString xlsx = base + resultSetXlsxName();
        writeXlsx(rs, xlsx.toStdString());
        written << xlsx;
        root[QStringLiteral("xlsx")] = resultSetXlsxName();
    }
    const QString manifest = base + resultSetManifestName();
    gis::writeFileAtomically(manifest, QJsonDocument(root).toJson(QJsonDocument::Indented));
    written << manifest;
    return written;
}

ResultSet readResultSet(const std::string& dir) {
    return readResultSet(dir, ReadOptions{});
}

ResultSet readResultSet(const std::string& dir, const ReadOptions& options) {
    const QString base = QString::fromStdString(dir) + QLatin1Char('/');
    const QString manifestPath = base + resultSetManifestName();
    QFile file(manifestPath);
    if (!file.open(QIODevice::ReadOnly)) {
        failRead(manifestPath,
                 QStringLiteral("cannot open the result-set manifest (%1); run the analysis first")
                   .arg(file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull() || !doc.isObject()) {
        failRead(manifestPath, QStringLiteral("not valid JSON (%1)").arg(parseError.errorString()));
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(kResultSetFormat)) {
        failRead(manifestPath,
                 QStringLiteral("not a Tanhui result set (\"format\" is not \"%1\")")
                   .arg(QLatin1String(kResultSetFormat)));
    }
    const int version = root.value(QStringLiteral("version")).toInt(-1);
    if (version < 1 || version > kResultSetVersion) {
        failRead(manifestPath,
                 QStringLiteral("result-set version %1 is not supported (this Tanhui reads up "
                                "to %2); rerun the analysis or update Tanhui")
                   .arg(version)
                   .arg(kResultSetVersion));
    }
    ResultSet rs;
    rs.analysis = root.value(QStringLiteral("analysis")).toString();
    rs.provenance = provenanceFrom(root.value(QStringLiteral("provenance")).toObject());
    for (const QJsonValue& v : root.value(QStringLiteral("messages")).toArray()) {
        const QJsonObject m = v.toObject();
        rs.messages.push_back({ parseLevel(m.value(QStringLiteral("level")).toString()),
                                m.value(QStringLiteral("text")).toString(),
                                m.value(QStringLiteral("file")).toString(),
                                m.value(QStringLiteral("feature")).toString(),
                                m.value(QStringLiteral("field")).toString(),
                                m.value(QStringLiteral("row")).toInt() });
    }
    for (const QJsonValue& v : root.value(QStringLiteral("files")).toArray()) {
        rs.files << v.toString();
    }
    for (const QJsonValue& v : root.value(QStringLiteral("tables")).toArray()) {
        const QJsonObject o = v.toObject();
        Table t;
        t.name = o.value(QStringLiteral("name")).toString();
        t.title = o.value(QStringLiteral("title")).toString();
        t.description = o.value(QStringLiteral("description")).toString();
        for (const QJsonValue& cv : o.value(QStringLiteral("columns")).toArray()) {
            const QJsonObject c = cv.toObject();
            const auto type = parseTypeName(c.value(QStringLiteral("type")).toString());
            if (!type) {
                failRead(manifestPath,
                         QStringLiteral("table %1, column %2: unknown type \"%3\"")
                           .arg(t.name,
                                c.value(QStringLiteral("name")).toString(),
                                c.value(QStringLiteral("type")).toString()));
            }
            t.columns.push_back({ c.value(QStringLiteral("name")).toString(),
                                  c.value(QStringLiteral("unit")).toString(),
                                  c.value(QStringLiteral("description")).toString(),
                                  *type });
        }
        if (options.skipTable && options.skipTable(t.name)) {
            continue;
        }
        const QString tablePath = base + o.value(QStringLiteral("file")).toString();
        QFile tf(tablePath);
        if (!tf.open(QIODevice::ReadOnly)) {
            failRead(
              tablePath,
              QStringLiteral("cannot open table %1 of the result set (%2)").arg(t.name, tf.errorString()));
        }
        const bool rowsWanted = !options.headerOnly || !options.headerOnly(t.name);
        params::CsvReader reader(rowsWanted ? tf.readAll() : tf.readLine());
        if (!reader.next()) {
            failRead(tablePath, QStringLiteral("the table is empty (no header)"));
        }
        const QStringList header = reader.fields();
        QStringList expected;
        for (const Column& c : t.columns) {
            expected << c.name;
        }
        if (header != expected) {
            failRead(
              tablePath,
              QStringLiteral("row %1: the header does not match the manifest's columns").arg(reader.line()));
        }
        if (!rowsWanted) {
            t.lazyRowCount = static_cast<std::size_t>(o.value(QStringLiteral("rows")).toDouble(0));
            rs.tables.push_back(std::move(t));
            continue;
        }
        std::vector<char> wanted(t.columns.size(), 1);
        if (options.readColumn) {
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                wanted[c] = options.readColumn(t.name, t.columns[c].name) ? 1 : 0;
            }
        }
        while (reader.next()) {
            std::vector<QVariant> row(t.columns.size());
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                if (!wanted[c]) {
                    continue;
                }
                const QString text = reader.field(int(c));
                if (text.isEmpty()) {
                    continue;
                }
                bool ok = true;
                switch (t.columns[c].type) {
                    case gis::TableColumn::Type::Integer:
                        row[c] = text.toLongLong(&ok);
                        break;
                    case gis::TableColumn::Type::Real:
                        row[c] = text.toDouble(&ok);
                        break;
                    case gis::TableColumn::Type::String:
                        row[c] = text;
                        break;
                }
                if (!ok) {
                    failRead(tablePath,
                             QStringLiteral("row %1, column %2: \"%3\" is not a number")
                               .arg(reader.line())
                               .arg(t.columns[c].name, text));
                }
            }
            t.rows.push_back(std::move(row));
        }
        if (reader.unterminatedQuote()) {
            failRead(tablePath, QStringLiteral("the file ends inside a quoted field"));
        }
        const auto expectedRows = static_cast<std::size_t>(o.value(QStringLiteral("rows")).toDouble(-1));
        if (t.rows.size() != expectedRows) {
            failRead(tablePath,
                     QStringLiteral("%1 row(s) where the manifest says %2; the folder is incomplete "
                                    "or was edited — rerun the analysis")
                       .arg(t.rows.size())
                       .arg(expectedRows));
        }
        rs.tables.push_back(std::move(t));
    }
    return rs;
}

} // namespace tanhui::models::analysis
