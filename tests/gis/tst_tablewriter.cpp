// SPDX-License-Identifier: GPL-3.0-or-later
// gis/TableWriter.h: the CSV fast path (writeCsvRows + appendCsvNumber, used by the zonal table)
// writes exactly the bytes of the generic QVariant path (writeTable), in row order across chunks, and
// keeps the previous file when formatting fails.
#include "gis/TableWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <stdexcept>

using namespace tanhui::gis;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

double valueAt(std::size_t row, std::size_t col) {
    switch ((row + col) % 7) {
        case 0:
            return 0.0;
        case 1:
            return double(row) / 3.0;
        case 2:
            return -0.0;
        case 3:
            return std::numeric_limits<double>::quiet_NaN();
        case 4:
            return 1e5 * double(row);
        case 5:
            return 1e-300 * double(col + 1);
        default:
            return std::ldexp(1.0, int(row % 2000) - 1000);
    }
}

} // namespace

class TestTableWriter : public QObject {
    Q_OBJECT
private slots:
    void numberMatchesVariant() {
        const double values[] = { 0.0,
                                  -0.0,
                                  1.0,
                                  -1.5,
                                  0.1,
                                  100000.0,
                                  123456789012345678.0,
                                  1e-300,
                                  4.9e-324,
                                  std::numeric_limits<double>::max(),
                                  std::numeric_limits<double>::infinity(),
                                  -std::numeric_limits<double>::infinity(),
                                  std::numeric_limits<double>::quiet_NaN(),
                                  760.4759073453993 };
        for (double v : values) {
            std::string a, b;
            appendCsvNumber(a, v);
            appendCsvValue(b, QVariant(v));
            QCOMPARE(QString::fromStdString(a), QString::fromStdString(b));
        }
        std::string zero, negativeZero, nan;
        appendCsvNumber(zero, 0.0);
        appendCsvNumber(negativeZero, -0.0);
        appendCsvNumber(nan, std::nan(""));
        QCOMPARE(zero, std::string("0"));
        QCOMPARE(negativeZero, std::string("-0"));
        QVERIFY(nan.empty());
    }

    void rowsMatchGenericWriter() {
        QTemporaryDir dir;
        const std::vector<TableColumn> columns = { { "id", TableColumn::Type::Integer },
                                                   { "name", TableColumn::Type::String },
                                                   { "a", TableColumn::Type::Real },
                                                   { "b", TableColumn::Type::Real } };
        const std::size_t rows = 10007; // several chunks, the last one partial
        const QString generic = dir.filePath(QStringLiteral("generic.csv"));
        const QString fast = dir.filePath(QStringLiteral("fast.csv"));
        writeTable(generic.toStdString(),
                   columns,
                   rows,
                   [](std::size_t r, std::vector<QVariant>& values, std::vector<unsigned char>&) {
                       values[0] = QVariant::fromValue<qlonglong>(qlonglong(r) + 1);
                       values[1] = QStringLiteral("p,%1").arg(r);
                       values[2] = QVariant(valueAt(r, 2));
                       values[3] = QVariant(valueAt(r, 3));
                   });
        writeCsvRows(
          fast.toStdString(), columns, rows, [](std::size_t begin, std::size_t end, std::string& text) {
              for (std::size_t r = begin; r < end; ++r) {
                  appendCsvValue(text, QVariant::fromValue<qlonglong>(qlonglong(r) + 1));
                  text += ',';
                  appendCsvValue(text, QStringLiteral("p,%1").arg(r));
                  text += ',';
                  appendCsvNumber(text, valueAt(r, 2));
                  text += ',';
                  appendCsvNumber(text, valueAt(r, 3));
                  text += '\n';
              }
          });
        const QByteArray a = readAll(generic), b = readAll(fast);
        QVERIFY(a.startsWith("id,name,a,b\n1,\"p,0\","));
        QCOMPARE(a.count('\n'), qsizetype(rows + 1));
        QCOMPARE(b, a);
    }

    void failureKeepsPreviousFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old\n");
        }
        const std::vector<TableColumn> columns = { { "x", TableColumn::Type::Real } };
        QVERIFY_THROWS_EXCEPTION(
          std::runtime_error,
          writeCsvRows(
            path.toStdString(), columns, 50000, [](std::size_t begin, std::size_t end, std::string& text) {
                if (begin >= 20000)
                    throw std::runtime_error("formatting failed");
                for (std::size_t r = begin; r < end; ++r)
                    text += "1\n";
            }));
        QCOMPARE(readAll(path), QByteArray("old\n"));
    }
};

QTEST_GUILESS_MAIN(TestTableWriter)
#include "tst_tablewriter.moc"
