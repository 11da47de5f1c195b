// SPDX-License-Identifier: GPL-3.0-or-later
// The project ledger end to end on the generated sample project (docs/carbon-project.md "Overlapping
// layers", "Ledger check"; issue 11): the sample declares carbon.precedence; tanhui-cli carbon --project
// removes the overlaps of its four parcel layers (farm plots in wetland units ~997 ha, farm plots in
// 小班 ~619 ha, restoration plots in tidal-flat units ~34 ha), its totals' area is the union of the
// layers (~35,318 ha, not the 36,978 ha they sum to), it writes overlaps.csv and ledger_check.csv and
// warns; a failed check is an error naming it. GEP counts the same ground once.
#include "CliRun.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using tanhui::test::runCli;

namespace {
constexpr int kTimeoutMs = 1200000; // the whole sample on a shared 2-core machine: minutes
}

namespace {

std::vector<QStringList> readCsv(const QString& path) {
    QFile f(path);
    std::vector<QStringList> rows;
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray& line : f.readAll().split('\n'))
            if (!line.trimmed().isEmpty())
                rows.push_back(QString::fromUtf8(line.trimmed()).split(QLatin1Char(',')));
    return rows;
}

/// The value of `column` in the first row whose first cells are `key` (and `key2`, when given).
double value(const std::vector<QStringList>& rows,
             const QString& column,
             const QString& key,
             const QString& key2 = {}) {
    const qsizetype c = rows.front().indexOf(column);
    for (const QStringList& r : rows)
        if (r.size() > c && c >= 0 && r[0] == key && (key2.isEmpty() || r[1] == key2))
            return r[c].toDouble();
    return std::nan("");
}

} // namespace

class TestCliLedger : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_sample;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_sample = QString::fromLocal8Bit(qgetenv("TANHUI_TEST_SAMPLE"));
        QVERIFY2(QFile::exists(m_sample + QStringLiteral("/project.tanhui.json")), qPrintable(m_sample));
    }

    void sampleCarbonAndGep() {
        QFile project(m_sample + QStringLiteral("/project.tanhui.json"));
        QVERIFY(project.open(QIODevice::ReadOnly));
        QVERIFY(project.readAll().contains("\"precedence\""));
        const QString carbon = m_dir.filePath(QStringLiteral("carbon"));
        const auto r = runCli({ QStringLiteral("carbon"),
                                QStringLiteral("--project"),
                                m_sample + QStringLiteral("/project.tanhui.json"),
                                QStringLiteral("--out"),
                                carbon },
                              "en",
                              kTimeoutMs);
        // Information, warnings and errors go to stderr (CliCommon.h).
        QVERIFY2(r.err.contains(QStringLiteral("ledger: union of the parcel layers")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("parcel layers overlap")), qPrintable(r.err));
        // Overlaps (ha, ellipsoidal) against the reviewer figures.
        const auto overlaps = readCsv(carbon + QStringLiteral("/overlaps.csv"));
        QVERIFY(!overlaps.empty());
        const double wetFarm = value(overlaps,
                                     QStringLiteral("overlap_ha"),
                                     QStringLiteral("wetland_units"),
                                     QStringLiteral("farmland_plots"));
        const double xiaobanFarm = value(overlaps,
                                         QStringLiteral("overlap_ha"),
                                         QStringLiteral("xiaoban"),
                                         QStringLiteral("farmland_plots"));
        const double plotsWet = value(overlaps,
                                      QStringLiteral("overlap_ha"),
                                      QStringLiteral("mangrove_restoration"),
                                      QStringLiteral("wetland_units"));
        const double unionHa = value(overlaps, QStringLiteral("overlap_ha"), QStringLiteral("union"));
        const double sumHa = value(overlaps, QStringLiteral("overlap_ha"), QStringLiteral("sum"));
        qInfo("overlaps: wetland∩farm %.2f ha, xiaoban∩farm %.2f ha, plots∩wetland %.2f ha; union %.2f ha, "
              "sum %.2f ha",
              wetFarm,
              xiaobanFarm,
              plotsWet,
              unionHa,
              sumHa);
        QVERIFY(std::abs(wetFarm - 997) < 10);
        QVERIFY(std::abs(xiaobanFarm - 619) < 10);
        QVERIFY(std::abs(plotsWet - 34) < 2);
        QVERIFY(std::abs(unionHa - 35318) < 50);
        QVERIFY(std::abs(sumHa - 36978) < 50);
        // The totals' area is the union.
        const auto totals = readCsv(carbon + QStringLiteral("/totals_by_ecosystem_type.csv"));
        const double totalsHa = value(totals, QStringLiteral("area_ha"), QStringLiteral("all"));
        QVERIFY2(std::abs(totalsHa - unionHa) < 1e-6 * unionHa, qPrintable(QString::number(totalsHa)));
        const auto district = readCsv(carbon + QStringLiteral("/totals_by_district.csv"));
        QVERIFY(std::abs(value(district, QStringLiteral("area_ha"), QStringLiteral("all")) - unionHa) <
                1e-6 * unionHa);
        // The ledger check: union area and Σ parcels pass; any failure is an error naming it, and then
        // the exit status is 1.
        const auto check = readCsv(carbon + QStringLiteral("/ledger_check.csv"));
        QVERIFY(check.size() > 20);
        const qsizetype passed = check.front().indexOf(QStringLiteral("passed"));
        int failed = 0;
        for (std::size_t i = 1; i < check.size(); ++i) {
            if (check[i][0] == QLatin1String("union_area") || check[i][0] == QLatin1String("parcels_sum"))
                QVERIFY2(check[i][passed] == QLatin1String("1"), qPrintable(check[i].join(QLatin1Char(','))));
            if (check[i][passed] == QLatin1String("0")) {
                ++failed;
                qInfo("failed: %s", qPrintable(check[i].join(QLatin1Char(','))));
                QVERIFY(r.err.contains(
                  QStringLiteral("ledger check %1 failed: totals_by_ecosystem_type.csv, row %2")
                    .arg(check[i][0], check[i][2])));
            }
        }
        QCOMPARE(r.exitCode, failed > 0 ? 1 : 0);
        if (failed > 0)
            QVERIFY(r.err.contains(QStringLiteral("the ledger check failed")));

        // GEP on the same ground: totals over accounted parts, its own ledger check passes.
        const QString gep = m_dir.filePath(QStringLiteral("gep"));
        const auto g = runCli({ QStringLiteral("gep"),
                                QStringLiteral("--project"),
                                m_sample + QStringLiteral("/project.tanhui.json"),
                                QStringLiteral("--carbon-results"),
                                carbon,
                                QStringLiteral("--ac-days"),
                                QStringLiteral("120"),
                                QStringLiteral("--out"),
                                gep },
                              "en",
                              kTimeoutMs);
        QVERIFY2(g.exitCode == 0, qPrintable(g.err));
        QVERIFY2(g.err.contains(QStringLiteral("ledger check: all 2 check(s) passed")), qPrintable(g.err));
        const auto gepCheck = readCsv(gep + QStringLiteral("/ledger_check.csv"));
        QCOMPARE(gepCheck.size(), std::size_t(3));
        QVERIFY(std::abs(value(readCsv(gep + QStringLiteral("/overlaps.csv")),
                               QStringLiteral("overlap_ha"),
                               QStringLiteral("union")) -
                         unionHa) < 1e-6 * unionHa);
        qInfo("GEP total %.2f CNY/a",
              value(readCsv(gep + QStringLiteral("/totals.csv")),
                    QStringLiteral("value_cny"),
                    QStringLiteral("total")));
    }
};

QTEST_GUILESS_MAIN(TestCliLedger)
#include "tst_cli_ledger.moc"
