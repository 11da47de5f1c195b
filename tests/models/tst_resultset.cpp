// SPDX-License-Identifier: GPL-3.0-or-later
// models/analysis/ResultSet: tables, saving and reading a result set, describing inputs.
#include "gis/Crs.h"
#include "gis/Errors.h"
#include "gis/RasterWriter.h"
#include "gis/VectorLayer.h"
#include "models/analysis/ResultSet.h"
#include "models/params/Parameter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

using namespace tanhui;
using namespace tanhui::models::analysis;
using Type = gis::TableColumn::Type;

namespace {

ResultSet sampleResultSet() {
    ResultSet rs;
    rs.analysis = QStringLiteral("test");
    rs.provenance.analysis = rs.analysis;
    rs.provenance.version = QStringLiteral("0.0-test");
    rs.provenance.started = QDateTime(QDate(2026, 12, 6), QTime(10, 0, 0), Qt::UTC);
    rs.provenance.finished = rs.provenance.started.addSecs(42);
    rs.provenance.threads = 2;
    rs.provenance.parameters.push_back({ QStringLiteral("pools"),
                                         QStringLiteral(":/parameters/pools.csv"),
                                         7,
                                         QStringLiteral("21"),
                                         QStringLiteral("c_above=60.5"),
                                         QStringLiteral("unconfirmed"),
                                         QStringLiteral("IPCC 2006"),
                                         true,
                                         12 });
    rs.provenance.settings.push_back(
      { QStringLiteral("carbon.years"), QStringLiteral("2015, 2024"), {}, {} });
    rs.messages.push_back({ Message::Level::Warning,
                            QStringLiteral("feature skipped: null geometry"),
                            QStringLiteral("/data/x.shp"),
                            QStringLiteral("17"),
                            {},
                            0 });
    Table t;
    t.name = QStringLiteral("totals");
    t.title = QStringLiteral("Totals");
    t.description = QStringLiteral("One row per type.");
    t.columns = {
        { QStringLiteral("type"), {}, QStringLiteral("Ecosystem type."), Type::String },
        { QStringLiteral("parcels"), {}, QStringLiteral("Parcels counted."), Type::Integer },
        { QStringLiteral("c_total_t_2015"), QStringLiteral("t C"), QStringLiteral("Stock."), Type::Real }
    };
    t.rows = { { QStringLiteral("forest, \"natural\"\n林地"), 3LL, 1234.5678901234 },
               { QStringLiteral("cropland"), 0LL, QVariant() },
               { QStringLiteral("all"), 3LL, 0.1 + 0.2 } };
    rs.addTable(std::move(t));
    return rs;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return f.readAll();
}

void writeText(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

QString expectReadError(const QString& dir) {
    try {
        readResultSet(dir.toStdString());
    } catch (const gis::GisError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace

class TestResultSet : public QObject {
    Q_OBJECT
private slots:
    void issuesAsMessages() {
        // A run's issue as a result-set message: its level, sentence, file, field and row kept.
        using Issue = models::params::Issue;
        const Message e = messageOf({ Issue::Severity::Error,
                                      QStringLiteral("pools.csv"),
                                      4,
                                      QStringLiteral("c_soil"),
                                      QStringLiteral("bad") });
        QCOMPARE(e.level, Message::Level::Error);
        QCOMPARE(e.text, QStringLiteral("bad"));
        QCOMPARE(e.file, QStringLiteral("pools.csv"));
        QCOMPARE(e.field, QStringLiteral("c_soil"));
        QCOMPARE(e.row, 4);
        const Message w =
          messageOf({ Issue::Severity::Warning, QString(), 0, QString(), QStringLiteral("note") });
        QCOMPARE(w.level, Message::Level::Warning);
        QVERIFY(w.file.isEmpty() && w.field.isEmpty() && w.row == 0);
    }

    void tableAccessors() {
        const ResultSet rs = sampleResultSet();
        const Table* t = rs.table(QStringLiteral("totals"));
        QVERIFY(t);
        QVERIFY(!rs.table(QStringLiteral("nope")));
        QCOMPARE(t->rowCount(), std::size_t(3));
        QCOMPARE(t->columnIndex(QStringLiteral("parcels")), 1);
        QCOMPARE(t->columnIndex(QStringLiteral("missing")), -1);
        QCOMPARE(t->column(QStringLiteral("c_total_t_2015"))->unit, QStringLiteral("t C"));
        QCOMPARE(t->findRow(QStringLiteral("type"), QStringLiteral("all")), 2LL);
        QCOMPARE(t->findRow(QStringLiteral("type"), QStringLiteral("wetland")), -1LL);
        QCOMPARE(t->number(0, QStringLiteral("c_total_t_2015")), 1234.5678901234);
        QVERIFY(std::isnan(t->number(1, QStringLiteral("c_total_t_2015")))); // empty stays empty
        QVERIFY(std::isnan(t->number(0, QStringLiteral("type"))));           // text is not a number
        QVERIFY(!t->value(99, 0).isValid());

        // Lazy rows: the source fills them on demand.
        Table lazy;
        lazy.name = QStringLiteral("lazy");
        lazy.columns = { { QStringLiteral("i"), {}, {}, Type::Integer } };
        lazy.lazyRowCount = 5;
        lazy.source = [](std::size_t row, std::vector<QVariant>& v, std::vector<unsigned char>&) {
            v[0] = qlonglong(row * row);
        };
        QCOMPARE(lazy.rowCount(), std::size_t(5));
        QCOMPARE(lazy.value(4, 0).toLongLong(), 16LL);

        // A whole row, one value per column, lazy or in memory; past the end: all empty.
        QCOMPARE(lazy.rowValues(3), std::vector<QVariant>{ QVariant(9LL) });
        const std::vector<QVariant> row0 = t->rowValues(0);
        QCOMPARE(row0.size(), t->columns.size());
        QCOMPARE(row0[0].toString(), t->value(0, 0).toString());
        QCOMPARE(row0[1], t->value(0, 1));
        const std::vector<QVariant> past = t->rowValues(99);
        QCOMPARE(past.size(), t->columns.size());
        QVERIFY(std::all_of(past.begin(), past.end(), [](const QVariant& v) { return v.isNull(); }));

        // addTable replaces a table of the same name.
        ResultSet copy = rs;
        Table replacement;
        replacement.name = QStringLiteral("totals");
        copy.addTable(replacement);
        QCOMPARE(copy.tables.size(), std::size_t(1));
        QCOMPARE(copy.table(QStringLiteral("totals"))->rowCount(), std::size_t(0));
    }

    /// A lazy table's geometry (Table::geometry) is asked only when it is written as a GeoPackage, once
    /// per row, and lands there; the CSV never asks for it.
    void lazyGeometryOnlyForGeoPackage() {
        QTemporaryDir dir;
        Table t;
        t.name = QStringLiteral("parcels");
        t.columns = { { QStringLiteral("i"), {}, {}, Type::Integer } };
        t.lazyRowCount = 3;
        t.source = [](std::size_t row, std::vector<QVariant>& v, std::vector<unsigned char>&) {
            v[0] = qlonglong(row);
        };
        t.hasGeometry = true;
        t.crs = gis::Crs::fromEpsg(4547);
        int asked = 0;
        t.geometry = [&asked](std::size_t row) {
            ++asked;
            // ISO WKB, little endian: a polygon of one ring, the square [row, row + 1]².
            std::vector<unsigned char> wkb;
            auto u32 = [&wkb](std::uint32_t v) {
                for (int b = 0; b < 4; ++b)
                    wkb.push_back(static_cast<unsigned char>(v >> (8 * b)));
            };
            auto f64 = [&wkb](double d) {
                std::uint64_t bits;
                std::memcpy(&bits, &d, 8);
                for (int b = 0; b < 8; ++b)
                    wkb.push_back(static_cast<unsigned char>(bits >> (8 * b)));
            };
            wkb.push_back(1);
            u32(3);
            u32(1);
            u32(5);
            const double x = double(row);
            for (const auto& [px, py] :
                 { std::pair{ x, x }, { x + 1, x }, { x + 1, x + 1 }, { x, x + 1 }, { x, x } }) {
                f64(px);
                f64(py);
            }
            return wkb;
        };
        writeTableFile(t, dir.filePath(QStringLiteral("parcels.csv")).toStdString());
        QCOMPARE(asked, 0);
        const std::string gpkg = dir.filePath(QStringLiteral("parcels.gpkg")).toStdString();
        writeTableFile(t, gpkg);
        QCOMPARE(asked, 3);
        gis::VectorLayer layer(gpkg);
        gis::Feature f;
        int features = 0;
        while (layer.next(f)) {
            gis::MultiPolygon g;
            QVERIFY(gis::polygonFromWkb(f.wkb.data(), f.wkb.size(), g));
            QCOMPARE(g.planarArea(), 1.0);
            QCOMPARE(g.bounds().xmin, double(f.attributes.at(0).toLongLong()));
            ++features;
        }
        QCOMPARE(features, 3);
    }

    void roundTrip() {
        QTemporaryDir dir;
        const ResultSet rs = sampleResultSet();
        const QStringList written = writeResultSet(rs, dir.path().toStdString());
        QCOMPARE(written.size(), 2); // totals.csv, resultset.json
        QVERIFY(written.last().endsWith(resultSetManifestName()));
        const ResultSet back = readResultSet(dir.path().toStdString());
        QCOMPARE(back.analysis, rs.analysis);
        QCOMPARE(back.provenance.version, rs.provenance.version);
        QCOMPARE(back.provenance.started, rs.provenance.started);
        QCOMPARE(back.provenance.finished, rs.provenance.finished);
        QCOMPARE(back.provenance.parameters.size(), std::size_t(1));
        QCOMPARE(back.provenance.parameters[0].key, QStringLiteral("21"));
        QCOMPARE(back.provenance.parameters[0].uses, 12LL);
        QVERIFY(back.provenance.parameters[0].flagged);
        QCOMPARE(back.provenance.settings.size(), std::size_t(1));
        QCOMPARE(back.messages.size(), std::size_t(1));
        QCOMPARE(back.messages[0].feature, QStringLiteral("17"));
        QCOMPARE(back.messages[0].level, Message::Level::Warning);
        const Table* a = rs.table(QStringLiteral("totals"));
        const Table* b = back.table(QStringLiteral("totals"));
        QVERIFY(b);
        QCOMPARE(b->title, a->title);
        QCOMPARE(b->columns.size(), a->columns.size());
        for (std::size_t c = 0; c < a->columns.size(); ++c) {
            QCOMPARE(b->columns[c].name, a->columns[c].name);
            QCOMPARE(b->columns[c].unit, a->columns[c].unit);
            QCOMPARE(b->columns[c].description, a->columns[c].description);
            QCOMPARE(int(b->columns[c].type), int(a->columns[c].type));
        }
        QCOMPARE(b->rowCount(), a->rowCount());
        for (std::size_t r = 0; r < a->rowCount(); ++r) {
            for (int c = 0; c < int(a->columns.size()); ++c) {
                QCOMPARE(b->value(r, c).isNull(), a->value(r, c).isNull());
                QCOMPARE(b->value(r, c).toString(), a->value(r, c).toString()); // doubles round-trip exactly
            }
        }
        QCOMPARE(b->number(2, QStringLiteral("c_total_t_2015")), 0.1 + 0.2);
    }

    void readOnlyWhatIsAsked() {
        QTemporaryDir dir;
        ResultSet rs = sampleResultSet();
        Table other;
        other.name = QStringLiteral("other");
        other.columns = { { QStringLiteral("x"), {}, {}, Type::Real } };
        other.rows = { { 1.5 } };
        rs.addTable(other);
        writeResultSet(rs, dir.path().toStdString());
        ReadOptions options;
        options.skipTable = [](const QString& t) { return t == QLatin1String("other"); };
        options.readColumn = [](const QString&, const QString& c) { return c != QLatin1String("type"); };
        const ResultSet back = readResultSet(dir.path().toStdString(), options);
        QVERIFY(!back.table(QStringLiteral("other")));
        const Table* t = back.table(QStringLiteral("totals"));
        QVERIFY(t);
        QCOMPARE(t->rowCount(), std::size_t(3));
        QCOMPARE(t->columns.size(), std::size_t(3));           // declared, …
        QVERIFY(t->value(0, QStringLiteral("type")).isNull()); // … not decoded
        QCOMPARE(t->number(0, QStringLiteral("c_total_t_2015")), 1234.5678901234);
    }

    void byteOrderMark() {
        QTemporaryDir dir;
        const ResultSet rs = sampleResultSet();
        WriteOptions options;
        writeResultSet(rs, dir.path().toStdString(), options);
        QVERIFY(!readAll(dir.filePath(QStringLiteral("totals.csv"))).startsWith("\xEF\xBB\xBF"));
        options.csvBom = true;
        writeResultSet(rs, dir.path().toStdString(), options);
        const QByteArray withBom = readAll(dir.filePath(QStringLiteral("totals.csv")));
        QVERIFY(withBom.startsWith("\xEF\xBB\xBF"
                                   "type,parcels,c_total_t_2015\n"));
        // Still readable.
        QCOMPARE(readResultSet(dir.path().toStdString()).table(QStringLiteral("totals"))->rowCount(),
                 std::size_t(3));
    }

    void readErrorsNameTheFile() {
        QTemporaryDir dir;
        QVERIFY(expectReadError(dir.path()).contains(QStringLiteral("resultset.json")));

        writeResultSet(sampleResultSet(), dir.path().toStdString());
        const QString manifest = dir.filePath(QStringLiteral("resultset.json"));
        const QString csv = dir.filePath(QStringLiteral("totals.csv"));
        const QByteArray good = readAll(manifest);
        const QByteArray goodCsv = readAll(csv);

        writeText(manifest, QByteArray(good).replace("\"version\": 1", "\"version\": 7"));
        QVERIFY2(expectReadError(dir.path()).contains(QStringLiteral("version 7")),
                 qPrintable(expectReadError(dir.path())));
        writeText(manifest, "{ not json");
        QVERIFY(expectReadError(dir.path()).contains(QStringLiteral("not valid JSON")));
        writeText(manifest, QByteArray(good).replace("tanhui-resultset", "something-else"));
        QVERIFY(expectReadError(dir.path()).contains(QStringLiteral("not a Tanhui result set")));
        writeText(manifest, good);

        // A table cut short (the folder was edited or half-copied).
        writeText(csv, goodCsv.left(goodCsv.lastIndexOf("all")));
        QString e = expectReadError(dir.path());
        QVERIFY2(e.contains(QStringLiteral("totals.csv")) && e.contains(QStringLiteral("2 row(s)")),
                 qPrintable(e));
        // Text in a number column: row and column named.
        writeText(csv, QByteArray(goodCsv).replace(",3,", ",three,"));
        e = expectReadError(dir.path());
        QVERIFY2(e.contains(QStringLiteral("column parcels")) && e.contains(QStringLiteral("three")),
                 qPrintable(e));
        // A header that does not match.
        writeText(csv, QByteArray(goodCsv).replace("parcels", "plots"));
        QVERIFY(expectReadError(dir.path()).contains(QStringLiteral("header")));
        QFile::remove(csv);
        QVERIFY(expectReadError(dir.path()).contains(QStringLiteral("totals.csv")));
    }

    void describeInputs() {
        QTemporaryDir dir;
        // A 4 × 3 GeoTIFF, 10 m cells, EPSG:4547.
        const QString asc = dir.filePath(QStringLiteral("lc.tif"));
        {
            gis::RasterSpec spec;
            spec.grid = { 500000, 2500030, 10, 10, 4, 3 };
            spec.crs = gis::Crs::fromEpsg(4547);
            spec.type = gis::RasterSpec::Type::Byte;
            spec.overviews = false;
            gis::RasterWriter w(asc.toStdString(), spec);
            const std::uint8_t cells[12] = { 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4 };
            w.writeRows(1, 0, 3, cells);
            w.commit();
        }
        writeText(dir.filePath(QStringLiteral("lc.tfw")), "10\n0\n0\n-10\n500005\n2500025\n");
        const InputRecord r = describeInput(asc,
                                            QStringLiteral("raster"),
                                            QStringLiteral("land_cover"),
                                            QStringLiteral("lc"),
                                            QStringLiteral("2015"));
        QCOMPARE(r.kind, QStringLiteral("raster"));
        QCOMPARE(r.dates, QStringLiteral("2015"));
        QVERIFY2(r.crs.startsWith(QStringLiteral("EPSG:4547")), qPrintable(r.crs));
        QCOMPARE(r.resolution, QStringLiteral("10 × 10 m"));
        QCOMPARE(r.extent, QStringLiteral("500000, 2500000, 500040, 2500030"));
        QCOMPARE(r.files.size(), std::size_t(2)); // .tif and its world file
        const QByteArray expected =
          QCryptographicHash::hash(readAll(asc), QCryptographicHash::Sha256).toHex();
        QCOMPARE(r.files[0].sha256, QString::fromLatin1(expected));
        QCOMPARE(r.files[0].bytes, QFileInfo(asc).size());
        QCOMPARE(sha256OfFile(asc), QString::fromLatin1(expected));

        const QString json = dir.filePath(QStringLiteral("parcels.geojson"));
        writeText(json, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":1},
            "geometry":{"type":"Polygon","coordinates":[[[113,23],[113.01,23],[113.01,23.01],[113,23]]]}}]})");
        const InputRecord v = describeInput(json, QStringLiteral("vector"), QStringLiteral("parcels"));
        QCOMPARE(v.features, 1LL);
        QVERIFY2(v.crs.startsWith(QStringLiteral("EPSG:4326")), qPrintable(v.crs));
        QCOMPARE(v.files.size(), std::size_t(1));

        // A file GDAL cannot read still gets its hash, and says why the rest is missing.
        const QString bad = dir.filePath(QStringLiteral("bad.tif"));
        writeText(bad, "not a tiff");
        const InputRecord b = describeInput(bad, QStringLiteral("raster"), QStringLiteral("land_cover"));
        QVERIFY(!b.files.empty() && !b.files[0].sha256.isEmpty());
        QVERIFY(!b.details.isEmpty());
        QVERIFY(b.crs.isEmpty());
        // A missing file: no hash, no throw.
        const InputRecord m =
          describeInput(dir.filePath(QStringLiteral("gone.tif")), QStringLiteral("raster"), {});
        QVERIFY(m.files[0].sha256.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestResultSet)
#include "tst_resultset.moc"
