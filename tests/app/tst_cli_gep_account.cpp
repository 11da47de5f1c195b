// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli gep, focused (the 24 mangrove restoration plots of the shared sample project, read-only):
// the project's gep section sets the account (NDRC2022, climate variant cop, D = 120 in new projects) and
// every output names it (run_settings.csv, totals.csv, the summary); command-line flags override it; a
// bad gep section is refused naming the file and the key; a hand-made carbon table with pool stocks gives
// O2 from the vegetation part only and shows a net source as an emission next to GEP (docs/gep.md).
#include "CliRun.h"
#include "TestUtil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using tanhui::test::runCli;

namespace {

/// CSV rows split on commas outside quotes.
std::vector<QStringList> readCsv(const QString& path) {
    QFile f(path);
    std::vector<QStringList> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    for (const QByteArray& raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty())
            continue;
        QStringList cells;
        QString cell;
        bool quoted = false;
        for (QChar c : line) {
            if (c == QLatin1Char('"'))
                quoted = !quoted;
            else if (c == QLatin1Char(',') && !quoted) {
                cells << cell;
                cell.clear();
            } else
                cell += c;
        }
        cells << cell;
        rows.push_back(cells);
    }
    return rows;
}

std::map<QString, QString> settingsOf(const QString& dir) {
    std::map<QString, QString> out;
    for (const QStringList& row : readCsv(dir + QStringLiteral("/run_settings.csv")))
        if (row.size() >= 2)
            out[row[0]] = row[1];
    return out;
}

} // namespace

class TstCliGepAccount : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void projectSettingsNamedInOutputs();
    void flagsOverrideProject();
    void badGepSectionNamed();
    void oxygenAndEmissionFromCarbonTable();

private:
    QStringList gepArgs(const QString& out) const {
        return { QStringLiteral("gep"),
                 QStringLiteral("--project"),
                 m_project,
                 QStringLiteral("--out"),
                 out,
                 QStringLiteral("--layers"),
                 QStringLiteral("mangrove_restoration"),
                 QStringLiteral("--quiet") };
    }
    QTemporaryDir m_dir;
    QString m_project;
};

void TstCliGepAccount::initTestCase() {
    TANHUI_REQUIRE_SAMPLE(sample);
    m_project = sample + QStringLiteral("/project.tanhui.json");
}

// New projects: NDRC2022, cop, D = 120 from the gep section; named in run_settings.csv, in every row of
// totals.csv and in the summary.
void TstCliGepAccount::projectSettingsNamedInOutputs() {
    const QString out = m_dir.filePath(QStringLiteral("account"));
    const auto r = runCli(gepArgs(out));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto s = settingsOf(out);
    QCOMPARE(s.at(QStringLiteral("profile")), QStringLiteral("NDRC2022"));
    QCOMPARE(s.at(QStringLiteral("price_set")), QStringLiteral("P0_RCEES2010"));
    QCOMPARE(s.at(QStringLiteral("price_year")), QStringLiteral("2010"));
    QCOMPARE(s.at(QStringLiteral("price_index")), QStringLiteral("none"));
    QCOMPARE(s.at(QStringLiteral("climate_variant")), QStringLiteral("cop"));
    QCOMPARE(s.at(QStringLiteral("ac_days")), QStringLiteral("120"));
    QVERIFY(s.at(QStringLiteral("settings_origin")).contains(QLatin1String("gep.profile")));
    const auto totals = readCsv(out + QStringLiteral("/totals.csv"));
    const QStringList h = totals.front();
    const int cProfile = int(h.indexOf(QStringLiteral("profile"))),
              cYear = int(h.indexOf(QStringLiteral("price_year"))),
              cIndex = int(h.indexOf(QStringLiteral("price_index"))),
              cVariant = int(h.indexOf(QStringLiteral("climate_variant")));
    QVERIFY(cProfile >= 0 && cYear >= 0 && cIndex >= 0 && cVariant >= 0);
    bool climate = false;
    for (std::size_t i = 1; i < totals.size(); ++i) {
        QCOMPARE(totals[i][cProfile], QStringLiteral("NDRC2022"));
        QCOMPARE(totals[i][cYear], QStringLiteral("2010"));
        QCOMPARE(totals[i][cIndex], QStringLiteral("none"));
        QCOMPARE(totals[i][cVariant], QStringLiteral("cop"));
        climate = climate || totals[i][1] == QLatin1String("climate_regulation");
        // NDRC2022 has no 释氧.
        QVERIFY(totals[i][1] != QLatin1String("oxygen_release"));
    }
    QVERIFY(climate); // D = 120 from the project
    QCOMPARE(totals.back()[0], QStringLiteral("total"));
    QVERIFY2(r.err.contains(QLatin1String("account: profile NDRC2022")) &&
               r.err.contains(QLatin1String("climate-regulation variant cop")),
             qPrintable(r.err));
    // The water-surface results name the variant.
    bool named = false;
    for (const QStringList& row : readCsv(out + QStringLiteral("/indicators.csv")))
        named = named || row.join(QLatin1Char(',')).contains(QLatin1String("climate_variant:cop"));
    QVERIFY(named);
}

void TstCliGepAccount::flagsOverrideProject() {
    const QString out = m_dir.filePath(QStringLiteral("flags"));
    const auto r = runCli(gepArgs(out) + QStringList{ QStringLiteral("--profile"),
                                                      QStringLiteral("RCEES_LEGACY"),
                                                      QStringLiteral("--climate-variant"),
                                                      QStringLiteral("s1"),
                                                      QStringLiteral("--ac-days"),
                                                      QStringLiteral("90"),
                                                      QStringLiteral("--price-year"),
                                                      QStringLiteral("2024"),
                                                      QStringLiteral("--index-fallback"),
                                                      QStringLiteral("cpi") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto s = settingsOf(out);
    QCOMPARE(s.at(QStringLiteral("profile")), QStringLiteral("RCEES_LEGACY"));
    QCOMPARE(s.at(QStringLiteral("climate_variant")), QStringLiteral("s1"));
    QCOMPARE(s.at(QStringLiteral("ac_days")), QStringLiteral("90"));
    QCOMPARE(s.at(QStringLiteral("price_year")), QStringLiteral("2024"));
    QCOMPARE(s.at(QStringLiteral("base_price_year")), QStringLiteral("2010"));
    QVERIFY2(s.at(QStringLiteral("price_index")).contains(QLatin1String("price_index.csv")) &&
               s.at(QStringLiteral("price_index")).contains(QLatin1String("cpi")),
             qPrintable(s.at(QStringLiteral("price_index"))));
    QVERIFY(s.at(QStringLiteral("settings_origin")).contains(QLatin1String("--profile")));
}

void TstCliGepAccount::badGepSectionNamed() {
    QFile f(m_project);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray json = f.readAll();
    f.close();
    QVERIFY(json.contains("\"climate_variant\": \"cop\""));
    json.replace("\"climate_variant\": \"cop\"", "\"climate_variant\": \"cop3\"");
    const QString bad = m_dir.filePath(QStringLiteral("bad.tanhui.json"));
    QFile g(bad);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(json);
    g.close();
    const auto r = runCli({ QStringLiteral("gep"),
                            QStringLiteral("--project"),
                            bad,
                            QStringLiteral("--out"),
                            m_dir.filePath(QStringLiteral("bad_out")),
                            QStringLiteral("--quiet") });
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(bad) && r.err.contains(QLatin1String("gep.climate_variant")), qPrintable(r.err));
    QVERIFY(!QDir(m_dir.filePath(QStringLiteral("bad_out"))).exists(QStringLiteral("totals.csv")));
}

// Hand-made carbon table (tanhui-cli carbon layout, t C stocks per pool): HSL-01 biomass 100 → 190, soil
// 50 → 95 over 2015–2024: 15 t C/a, of which vegetation 10 → 固碳 55 t CO2, 释氧 10 × 32/12 = 26.667 t O2;
// HSL-02 biomass 200 → 146, soil 80 → 80: −6 t C/a → 固碳 0, emission 22 t CO2e (× 380 = 8360 CNY at P0),
// 释氧 0 flagged vegetation_net_loss.
void TstCliGepAccount::oxygenAndEmissionFromCarbonTable() {
    const QString table = m_dir.filePath(QStringLiteral("carbon.csv"));
    QFile f(table);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
      "plot_id,method,c_biomass_t_2015,c_soil_t_2015,c_biomass_t_2024,c_soil_t_2024,change_t_2015_2024\n"
      "HSL-01,bluecarbon,100,50,190,95,135\n"
      "HSL-02,bluecarbon,200,80,146,80,-54\n");
    f.close();
    const QString out = m_dir.filePath(QStringLiteral("carbon_out"));
    const auto r = runCli(gepArgs(out) + QStringList{ QStringLiteral("--profile"),
                                                      QStringLiteral("RCEES_LEGACY"),
                                                      QStringLiteral("--carbon"),
                                                      QStringLiteral("mangrove_restoration=") + table });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto ind = readCsv(out + QStringLiteral("/indicators.csv"));
    const QStringList h = ind.front();
    const int cId = int(h.indexOf(QStringLiteral("parcel_id"))),
              cInd = int(h.indexOf(QStringLiteral("indicator"))),
              cComp = int(h.indexOf(QStringLiteral("component"))),
              cQty = int(h.indexOf(QStringLiteral("quantity"))),
              cVal = int(h.indexOf(QStringLiteral("value_cny"))),
              cUnit = int(h.indexOf(QStringLiteral("unit"))),
              cFlags = int(h.indexOf(QStringLiteral("flags")));
    std::map<QString, QStringList> line; // "<parcel>/<indicator>/<component>"
    for (std::size_t i = 1; i < ind.size(); ++i)
        line[ind[i][cId] + QLatin1Char('/') + ind[i][cInd] + QLatin1Char('/') + ind[i][cComp]] = ind[i];
    auto qty = [&](const char* key) {
        const auto it = line.find(QString::fromLatin1(key));
        return it == line.end() ? std::nan("") : it->second[cQty].toDouble();
    };
    QVERIFY(std::fabs(qty("HSL-01/carbon_sequestration/total") - 55.0) < 1e-6);
    QVERIFY(std::fabs(qty("HSL-01/oxygen_release/total") - 26.666666666666667) < 1e-6);
    QCOMPARE(qty("HSL-02/carbon_sequestration/total"), 0.0);
    QCOMPARE(qty("HSL-02/oxygen_release/total"), 0.0);
    QVERIFY(line.at(QStringLiteral("HSL-02/oxygen_release/total"))[cFlags].contains(
      QLatin1String("vegetation_net_loss")));
    const QStringList& emission = line.at(QStringLiteral("HSL-02/carbon_sequestration/emission"));
    QVERIFY(std::fabs(emission[cQty].toDouble() - 22.0) < 1e-6);
    QCOMPARE(emission[cUnit], QStringLiteral("t CO2"));
    QVERIFY(std::fabs(emission[cVal].toDouble() - 8360.0) < 1e-6);
    // totals.csv: the emission line (t CO2e and CNY) next to GEP, not inside it.
    const auto totals = readCsv(out + QStringLiteral("/totals.csv"));
    const QStringList th = totals.front();
    const int tQty = int(th.indexOf(QStringLiteral("quantity"))),
              tUnit = int(th.indexOf(QStringLiteral("unit")));
    bool sawEmission = false;
    double services = 0, total = 0;
    for (std::size_t i = 1; i < totals.size(); ++i) {
        if (totals[i][0] == QLatin1String("emission")) {
            sawEmission = true;
            QCOMPARE(totals[i][1], QStringLiteral("carbon_emission"));
            QVERIFY(std::fabs(totals[i][2].toDouble() - 8360.0) < 1e-6);
            QVERIFY(std::fabs(totals[i][tQty].toDouble() - 22.0) < 1e-6);
            QCOMPARE(totals[i][tUnit], QStringLiteral("t CO2e"));
        }
        if (totals[i][0] == QLatin1String("service")) {
            services += totals[i][2].toDouble();
            QVERIFY2(totals[i][2].toDouble() >= 0, qPrintable(totals[i].join(QLatin1Char(','))));
        }
        if (totals[i][0] == QLatin1String("total"))
            total = totals[i][2].toDouble();
    }
    QVERIFY(sawEmission);
    QVERIFY(std::fabs(services - total) < 1e-6 * std::max(1.0, total));
    QVERIFY2(r.err.contains(QLatin1String("carbon emission (net carbon source, not in GEP): 22.00 t CO2e/a")),
             qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TstCliGepAccount)
#include "tst_cli_gep_account.moc"
