// SPDX-License-Identifier: GPL-3.0-or-later
// Data exports of a result set (issue 14, "Data export"): the XLSX workbook (one sheet per table,
// units in the headers, numbers as numbers, every cell equal to the CSV's, read back with openpyxl) and
// the CSV byte-order mark for Excel.
#include "PythonRun.h"
#include "TestUtil.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "models/analysis/ResultSet.h"
#include "models/analysis/Xlsx.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace tanhui;
using namespace tanhui::models::analysis;
using tanhui::test::pythonHas;
using tanhui::test::runPython;
using tanhui::test::sourceFile;

namespace {

using Type = gis::TableColumn::Type;

/// Two tables with the cells that go wrong in spreadsheets: empty and NaN cells, big and tiny numbers,
/// Chinese text, commas, quotes and line breaks; and a lazy table of 2,500 rows.
ResultSet sampleResultSet() {
    ResultSet rs;
    rs.analysis = QStringLiteral("carbon_project");
    Table totals;
    totals.name = QStringLiteral("totals_by_ecosystem_type");
    totals.title = QStringLiteral("Totals by ecosystem type");
    totals.description = QStringLiteral("One row per ecosystem type.");
    totals.columns = {
        { QStringLiteral("ecosystem_type"), QString(), QStringLiteral("Ecosystem type."), Type::String },
        { QStringLiteral("parcels"), QString(), QStringLiteral("Parcels counted."), Type::Integer },
        { QStringLiteral("area_ha"), QStringLiteral("ha"), QStringLiteral("Area in ha."), Type::Real },
        { QStringLiteral("c_total_t_2015"),
          QStringLiteral("t C"),
          QStringLiteral("Carbon stock in 2015 (t C)."),
          Type::Real },
        { QStringLiteral("note"), QString(), QStringLiteral("Remarks."), Type::String }
    };
    totals.rows = {
        { QStringLiteral("forest"),
          15209LL,
          35313.755614725414,
          1439732.6902353487,
          QStringLiteral("森林, \"乔木林\"") },
        { QStringLiteral("cropland"),
          1128LL,
          0.1 + 0.2,
          std::numeric_limits<double>::quiet_NaN(),
          QVariant() },
        { QStringLiteral("wetland"), 0LL, 1e-12, -2.5e9, QStringLiteral("two\nlines") },
        { QVariant(), QVariant(), QVariant(), 123456789.12345679, QString() },
    };
    rs.addTable(totals);
    Table lazy;
    lazy.name = QStringLiteral("parcels_with_a_very_long_table_name_over_31"); // > 31 characters
    lazy.title = QStringLiteral("Parcels");
    lazy.description = QStringLiteral("One row per parcel.");
    lazy.columns = {
        { QStringLiteral("fid"), QString(), QStringLiteral("Feature id."), Type::Integer },
        { QStringLiteral("c_density_t_ha"), QStringLiteral("t C/ha"), QStringLiteral("Density."), Type::Real }
    };
    lazy.lazyRowCount = 2500;
    lazy.source = [](std::size_t row, std::vector<QVariant>& values, std::vector<unsigned char>&) {
        values[0] = qlonglong(row + 1);
        values[1] = row % 7 == 0 ? QVariant() : QVariant(std::sqrt(double(row)) * 10.0 / 3.0);
    };
    rs.addTable(lazy);
    return rs;
}

QByteArray head(const QString& path, int n) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(n) : QByteArray();
}

} // namespace

class TestResultSetExport : public QObject {
    Q_OBJECT
private slots:
    void sheetNamesFollowExcelsRules() {
        QCOMPARE(xlsxSheetName(QStringLiteral("totals"), {}), QStringLiteral("totals"));
        const QString longName = QStringLiteral("parcels_with_a_very_long_table_name_over_31");
        const QString a = xlsxSheetName(longName, {});
        QCOMPARE(a.size(), 31);
        const QString b = xlsxSheetName(longName, { a });
        QCOMPARE(b.size(), 31);
        QVERIFY(b.endsWith(QStringLiteral("~2")));
        QCOMPARE(xlsxSheetName(QStringLiteral("TOTALS"), { QStringLiteral("totals") }),
                 QStringLiteral("TOTALS~2"));
        QCOMPARE(xlsxSheetName(QStringLiteral("a/b:c[d]*?\\"), {}), QStringLiteral("a_b_c_d____"));
        QCOMPARE(xlsxSheetName(QStringLiteral("'quoted'"), {}), QStringLiteral("quoted"));
        QCOMPARE(xlsxSheetName(QString(), {}), QStringLiteral("Sheet"));
        QCOMPARE(xlsxSheetName(QStringLiteral("history"), {}), QStringLiteral("history_"));
        QCOMPARE(
          xlsxSheetName(
            QStringLiteral("按生态系统类型汇总的碳储量与变化量以及其不确定性区间和说明以及备注信息"), {})
            .toUcs4()
            .size(),
          31);
        Column c{ QStringLiteral("c_total_t_2015"), QStringLiteral("t C"), QString(), Type::Real };
        QCOMPARE(xlsxHeader(c), QStringLiteral("c_total_t_2015 (t C)"));
        c.unit.clear();
        QCOMPARE(xlsxHeader(c), QStringLiteral("c_total_t_2015"));
    }

    void csvByteOrderMark() {
        const ResultSet rs = sampleResultSet();
        QTemporaryDir plain, bom;
        writeResultSet(rs, plain.path().toStdString());
        WriteOptions withBom;
        withBom.csvBom = true;
        writeResultSet(rs, bom.path().toStdString(), withBom);
        for (const Table& t : rs.tables) {
            const QString name = t.name + QStringLiteral(".csv");
            QCOMPARE(head(bom.filePath(name), 3), QByteArray("\xEF\xBB\xBF"));
            QCOMPARE(head(plain.filePath(name), 3), t.columns.front().name.left(3).toUtf8());
            // The same bytes after the mark.
            QFile a(plain.filePath(name)), b(bom.filePath(name));
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QCOMPARE(b.readAll().mid(3), a.readAll());
        }
        // The manifest is JSON, without a mark; both folders read back to the same values.
        QVERIFY(head(bom.filePath(resultSetManifestName()), 1) == "{");
        const ResultSet p = readResultSet(plain.path().toStdString());
        const ResultSet q = readResultSet(bom.path().toStdString());
        QCOMPARE(q.tables.size(), rs.tables.size());
        for (std::size_t i = 0; i < rs.tables.size(); ++i) {
            QCOMPARE(q.tables[i].rowCount(), rs.tables[i].rowCount());
            QCOMPARE(q.tables[i].rows, p.tables[i].rows);
        }
        QCOMPARE(q.tables[0].value(0, QStringLiteral("note")).toString(), QStringLiteral("森林, \"乔木林\""));
        // writeTableFile directly: the mark only on CSV.
        writeTableFile(rs.tables[0], bom.filePath(QStringLiteral("t.csv")).toStdString(), true);
        QCOMPARE(head(bom.filePath(QStringLiteral("t.csv")), 3), QByteArray("\xEF\xBB\xBF"));
        writeTableFile(rs.tables[0], bom.filePath(QStringLiteral("t.gpkg")).toStdString(), true);
        QCOMPARE(head(bom.filePath(QStringLiteral("t.gpkg")), 6), QByteArray("SQLite"));
    }

    void xlsxEqualsCsv() {
        if (!pythonHas(QStringLiteral("openpyxl"))) {
            if (tanhui::test::runningInCi())
                QFAIL("python3-openpyxl is missing under CI (apt install python3-openpyxl)");
            QSKIP("python3 cannot import openpyxl (apt install python3-openpyxl); XLSX check skipped");
        }
        QTemporaryDir dir;
        const ResultSet rs = sampleResultSet();
        WriteOptions options;
        options.xlsx = true;
        options.csvBom = true; // the checker reads the CSVs with or without the mark
        const QStringList written = writeResultSet(rs, dir.path().toStdString(), options);
        const QString xlsx = dir.filePath(resultSetXlsxName());
        QVERIFY(written.contains(xlsx));
        QCOMPARE(head(xlsx, 2), QByteArray("PK")); // a zip container
        QFile manifest(dir.filePath(resultSetManifestName()));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QCOMPARE(
          QJsonDocument::fromJson(manifest.readAll()).object().value(QStringLiteral("xlsx")).toString(),
          resultSetXlsxName());

        const auto r = runPython(
          { sourceFile(QStringLiteral("tests/models/analysis/xlsx_equals_csv.py")), xlsx, dir.path() });
        qInfo("%s", qPrintable(r.out.trimmed()));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(s.value(QStringLiteral("sheets")).toVariant().toStringList(),
                 QStringList({ QStringLiteral("totals_by_ecosystem_type"),
                               QStringLiteral("parcels_with_a_very_long_table_"),
                               QStringLiteral("columns") }));
        // 4 × 5 + 2500 × 2 cells; 4 + 358 empty (null, NaN, empty text; every 7th density)
        QCOMPARE(s.value(QStringLiteral("cells")).toInt(), 4 * 5 + 2500 * 2);
        QCOMPARE(s.value(QStringLiteral("empty")).toInt(), 6 + 358);
        QCOMPARE(s.value(QStringLiteral("numbers")).toInt(), 9 + 2500 + 2500 - 358);
        QCOMPARE(s.value(QStringLiteral("frozen"))
                   .toObject()
                   .value(QStringLiteral("totals_by_ecosystem_type"))
                   .toString(),
                 QStringLiteral("A2"));
        QCOMPARE(s.value(QStringLiteral("headers"))
                   .toObject()
                   .value(QStringLiteral("totals_by_ecosystem_type"))
                   .toVariant()
                   .toStringList()
                   .at(3),
                 QStringLiteral("c_total_t_2015 (t C)"));
        QCOMPARE(s.value(QStringLiteral("descriptions")).toInt(), 7);

        // The checker fails on a difference: change one CSV cell and run it again.
        const QString csv = dir.filePath(QStringLiteral("totals_by_ecosystem_type.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        QVERIFY(bytes.contains("35313.755614725414"));
        bytes.replace("35313.755614725414", "35313.755614725");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
        f.close();
        const auto bad = runPython(
          { sourceFile(QStringLiteral("tests/models/analysis/xlsx_equals_csv.py")), xlsx, dir.path() });
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.out.contains(QStringLiteral("column area_ha")), qPrintable(bad.out));
    }

    void xlsxErrorsLeaveTheTargetUnchanged() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("results.xlsx"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        // Too many rows for a sheet: a clear error naming the table, before anything is written.
        Table big;
        big.name = QStringLiteral("cells");
        big.columns = { { QStringLiteral("v"), QString(), QString(), Type::Real } };
        big.lazyRowCount = kXlsxMaxDataRows + 1;
        big.source = [](std::size_t, std::vector<QVariant>& v, std::vector<unsigned char>&) { v[0] = 1.0; };
        const gis::GisError e = tanhui::test::expectError([&] { writeXlsx({ &big }, path.toStdString()); });
        QCOMPARE(e.kind(), gis::GisError::Kind::InvalidArgument);
        QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("\"cells\"")), e.what());
        QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("CSV")), e.what());
        QCOMPARE(head(path, 10), QByteArray("old"));
        // A cancel midway: the target is unchanged and no temporary is left.
        big.lazyRowCount = 5000;
        gis::Feedback feedback;
        int calls = 0;
        big.source = [&](std::size_t, std::vector<QVariant>& v, std::vector<unsigned char>&) {
            v[0] = 1.0;
            if (++calls == 1500)
                feedback.cancel();
        };
        QVERIFY_THROWS_EXCEPTION(gis::CancelledError, writeXlsx({ &big }, path.toStdString(), &feedback));
        QCOMPARE(head(path, 10), QByteArray("old"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{ QStringLiteral("results.xlsx") });
        // A folder that does not exist: an I/O error naming the file.
        const QString missing = dir.filePath(QStringLiteral("no/such/folder/results.xlsx"));
        big.source = [](std::size_t, std::vector<QVariant>& v, std::vector<unsigned char>&) { v[0] = 1.0; };
        big.lazyRowCount = 3;
        const gis::GisError io =
          tanhui::test::expectError([&] { writeXlsx({ &big }, missing.toStdString()); });
        QCOMPARE(io.kind(), gis::GisError::Kind::Io);
        QVERIFY2(QString::fromStdString(io.what()).contains(missing), io.what());
    }
};

QTEST_GUILESS_MAIN(TestResultSetExport)
#include "tst_resultset_export.moc"
