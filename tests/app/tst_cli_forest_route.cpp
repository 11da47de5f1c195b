// SPDX-License-Identifier: GPL-3.0-or-later
// `tanhui-cli carbon --project` on the shared sample (one run, no Monte Carlo): forest and clear-cut
// 小班 by the volume_gainloss route have a stock at every date and a change in every interval in
// totals_by_ecosystem_type.csv; no type has a 0 that means "not computed" (a blank has a note); the
// summary's per-date totals cover the same parcels (no like-for-like series needed) and the NPV counts
// forest. Issue 11, "The forest sink is missing from the headline".
#include "CliRun.h"
#include "TestUtil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

std::vector<QStringList> readCsv(const QString& path) {
    QFile f(path);
    std::vector<QStringList> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    for (const QString& line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QStringList row;
        QString cell;
        bool quoted = false;
        for (const QChar ch : line) {
            if (ch == QLatin1Char('"'))
                quoted = !quoted;
            else if (!quoted && ch == QLatin1Char(','))
                row << std::exchange(cell, QString());
            else if (ch != QLatin1Char('\r'))
                cell += ch;
        }
        row << cell;
        rows.push_back(row);
    }
    return rows;
}

} // namespace

class TestCliForestRoute : public QObject {
    Q_OBJECT

private slots:
    void forestInEveryInterval() {
        TANHUI_REQUIRE_SAMPLE(sample);
        QTemporaryDir out;
        // Its own process rather than runCli(): the sample run takes minutes on a shared machine (runCli
        // waits five), so wait up to 14 minutes (the test's timeout is 15).
        QProcess p;
        p.start(tanhui::test::cliPath(),
                { QStringLiteral("carbon"),
                  QStringLiteral("--project"),
                  QDir(sample).filePath(QStringLiteral("project.tanhui.json")),
                  QStringLiteral("--out"),
                  out.filePath(QStringLiteral("carbon")),
                  QStringLiteral("--quiet") });
        QVERIFY(p.waitForFinished(14 * 60 * 1000));
        const tanhui::test::CliRun run{ p.exitCode(),
                                        QString::fromUtf8(p.readAllStandardOutput()),
                                        QString::fromUtf8(p.readAllStandardError()) };
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto totals = readCsv(out.filePath(QStringLiteral("carbon/totals_by_ecosystem_type.csv")));
        QVERIFY(totals.size() > 3);
        const QStringList& header = totals.front();
        const qsizetype note = header.indexOf(QStringLiteral("blank_note"));
        QVERIFY(note >= 0);
        QStringList valueColumns;
        for (const QString& h : header)
            if ((h.startsWith(QLatin1String("c_total_t_")) && h.size() == 14) ||
                (h.startsWith(QLatin1String("change_t_")) && h.count(QLatin1Char('_')) == 3))
                valueColumns << h;
        // 4 dates, 3 intervals and first → last.
        QCOMPARE(valueColumns.size(), 8);
        QStringList types;
        for (std::size_t r = 1; r < totals.size(); ++r) {
            const QStringList& row = totals[r];
            types << row.front();
            for (const QString& c : valueColumns) {
                const QString v = row[header.indexOf(c)];
                const bool forest =
                  row.front() == QLatin1String("forest") || row.front() == QLatin1String("clear_cut");
                if (forest)
                    QVERIFY2(!v.isEmpty(), qPrintable(row.front() + QLatin1Char(' ') + c));
                // Blank only with a note; never a 0 standing for "not computed".
                if (v.isEmpty())
                    QVERIFY2(!row[note].isEmpty(), qPrintable(row.front() + QLatin1Char(' ') + c));
            }
            if (row.front() == QLatin1String("forest")) {
                QVERIFY(row[header.indexOf(QStringLiteral("c_total_t_2024"))].toDouble() > 100000);
                QVERIFY(row[header.indexOf(QStringLiteral("parcels_2024"))] ==
                        row[header.indexOf(QStringLiteral("computed"))]);
            }
        }
        for (const char* t :
             { "forest", "clear_cut", "shrubland", "cropland", "mangrove", "marsh", "tidal_flat", "all" })
            QVERIFY2(types.contains(QLatin1String(t)), t);

        // Summary: per-date totals over the same parcels (no like-for-like series needed) and an NPV.
        const auto summary = readCsv(out.filePath(QStringLiteral("carbon/summary.csv")));
        std::map<QString, QString> s;
        for (const QStringList& row : summary)
            if (row.size() >= 2)
                s[row[0]] = row[1];
        QVERIFY(!s.count(QStringLiteral("parcels_all_dates")));
        QCOMPARE(s[QStringLiteral("parcels_2015")], s[QStringLiteral("parcels_2024")]);
        QVERIFY(s[QStringLiteral("c_total_t_2018")].toDouble() >
                0.9 * s[QStringLiteral("c_total_t_2015")].toDouble());
        QVERIFY(s.count(QStringLiteral("npv_2015_2024")));
        QVERIFY(s.count(QStringLiteral("parcels_volume_gainloss")));
    }
};

QTEST_GUILESS_MAIN(TestCliForestRoute)
#include "tst_cli_forest_route.moc"
