// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli carbon --method regression end to end on the generated sample project (carbon-methods.md
// §6.1 with the illustrative curve of the written template, tagged example): a 10-year trajectory per
// sub-compartment, plausible forest carbon densities, --vi-stack equal to --vi per file, identical
// outputs for 1 and 2 threads, totals = Σ parcels, and validation messages naming file, row and column.
#include "TestUtil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <set>

namespace {

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run runCli(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TANHUI_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start(QString::fromLocal8Bit(qgetenv("TANHUI_BINARY_DIR")) + QStringLiteral("/app/cli/tanhui-cli"),
            args);
    p.waitForFinished(600000);
    return { p.exitCode(),
             QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()) };
}

std::vector<QStringList> readCsv(const QString& path) {
    QFile f(path);
    std::vector<QStringList> rows;
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray& line : f.readAll().split('\n'))
            if (!line.trimmed().isEmpty())
                rows.push_back(QString::fromUtf8(line.trimmed()).split(QLatin1Char(',')));
    return rows;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliCarbonRegression : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_sample, m_coef;

    QStringList lulcArgs() const {
        QStringList a;
        for (int y : { 2015, 2018, 2021, 2024 })
            a << QStringLiteral("--lulc")
              << QStringLiteral("%1/rasters/landcover_%2.tif@%2").arg(m_sample).arg(y);
        return a;
    }
    QStringList baseArgs(const QString& out) const {
        QStringList a = { QStringLiteral("carbon"),
                          QStringLiteral("--method"),
                          QStringLiteral("regression") };
        a << lulcArgs() << QStringLiteral("--coefficients") << m_coef << QStringLiteral("--parcels")
          << m_sample + QStringLiteral("/vectors/xiaoban.shp") << QStringLiteral("--id")
          << QStringLiteral("小班号") << QStringLiteral("--out") << out << QStringLiteral("--quiet");
        return a;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // The sample project generated once per ctest run (fixture sample_project_setup); read-only.
        m_sample = tanhui::test::sampleProjectDir();
        QVERIFY2(!m_sample.isEmpty(),
                 "sample project missing: run through ctest (fixture sample_project_setup)");
        m_coef = m_dir.filePath(QStringLiteral("coef.csv"));
        const Run t = runCli({ QStringLiteral("carbon"),
                               QStringLiteral("--method"),
                               QStringLiteral("regression"),
                               QStringLiteral("--write-template"),
                               m_coef });
        QVERIFY2(t.exitCode == 0, qPrintable(t.err));
        QVERIFY(t.err.contains(QStringLiteral("tagged example")));
    }

    void help() {
        const Run h = runCli({ QStringLiteral("carbon"),
                               QStringLiteral("--method"),
                               QStringLiteral("regression"),
                               QStringLiteral("--help") });
        QCOMPARE(h.exitCode, 0);
        for (const char* s : { "--vi-stack",
                               "--coefficients",
                               "rs_trajectory.csv",
                               "carbon_t_per_ha",
                               "t CO2e",
                               "no\ndefault table",
                               "hysteresis" })
            QVERIFY2(h.out.contains(QLatin1String(s)), s);
    }

    void sampleProject() {
        const QString out = m_dir.filePath(QStringLiteral("stack"));
        QStringList args = baseArgs(out);
        args << QStringLiteral("--vi-stack") << m_sample + QStringLiteral("/rasters/ndvi_2015-2024.tif")
             << QStringLiteral("--threads") << QStringLiteral("1");
        const Run r = runCli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("is tagged example")), qPrintable(r.err));
        for (int y = 2015; y <= 2024; ++y)
            QVERIFY(QFile::exists(out + QStringLiteral("/rs_carbon_%1.tif").arg(y)));
        QVERIFY(QFile::exists(out + QStringLiteral("/rs_parcels.gpkg")));

        const auto traj = readCsv(out + QStringLiteral("/rs_trajectory.csv"));
        QVERIFY(traj.size() > 11);
        const QStringList& h = traj[0];
        const int cYear = int(h.indexOf(QStringLiteral("year"))),
                  cLc = int(h.indexOf(QStringLiteral("lulc_year")));
        const int cForest = int(h.indexOf(QStringLiteral("forest_area_ha")));
        const int cDensity = int(h.indexOf(QStringLiteral("carbon_t_per_ha")));
        const int cCarbon = int(h.indexOf(QStringLiteral("carbon_t")));
        const int cCo2 = int(h.indexOf(QStringLiteral("co2e_t")));
        const int cAgb = int(h.indexOf(QStringLiteral("mean_agb_t_dm_per_ha")));
        const int cFlag = int(h.indexOf(QStringLiteral("flagged_parameters")));
        QVERIFY(cYear > 0 && cLc > 0 && cForest > 0 && cDensity > 0 && cCarbon > 0 && cCo2 > 0 && cAgb > 0);
        QCOMPARE((traj.size() - 1) % 10, std::size_t(0));
        std::map<QString, std::vector<int>> yearsByFid;
        std::map<int, double> carbonByYear;
        int plausible = 0;
        for (std::size_t i = 1; i < traj.size(); ++i) {
            const QStringList& row = traj[i];
            const int year = row[cYear].toInt();
            yearsByFid[row[0]].push_back(year);
            // Nearest earlier land-cover date.
            const int lc = row[cLc].toInt();
            QCOMPARE(lc, year >= 2024 ? 2024 : year >= 2021 ? 2021 : year >= 2018 ? 2018 : 2015);
            const double carbonT = row[cCarbon].toDouble();
            carbonByYear[year] += carbonT;
            QVERIFY(std::fabs(row[cCo2].toDouble() - carbonT * 44.0 / 12.0) <= 1e-9 * std::max(1.0, carbonT));
            QVERIFY(row[cFlag].contains(QStringLiteral(":example")));
            if (row[cForest].toDouble() > 1.0) {
                // §6.1 curve, AGB ≤ cap 200 → C ≤ 200 × 1.246 × 0.47 = 117.1 t C/ha; forest NDVI > 0.3.
                const double d = row[cDensity].toDouble(), agb = row[cAgb].toDouble();
                QVERIFY2(d > 10 && d <= 117.124 + 1e-6, qPrintable(row.join(QLatin1Char(','))));
                QVERIFY(agb > 20 && agb <= 200 + 1e-9);
                const double r = d / (agb * 0.47) - 1; // R actually applied: 0.230 or 0.246
                QVERIFY2(std::fabs(r - 0.230) < 1e-5 || std::fabs(r - 0.246) < 1e-5,
                         qPrintable(QString::number(r)));
                ++plausible;
            }
        }
        QVERIFY(plausible > 50);
        for (const auto& [fid, years] : yearsByFid) {
            QCOMPARE(years.size(), std::size_t(10));
            QCOMPARE(years.front(), 2015);
            QCOMPARE(years.back(), 2024);
        }
        // Totals = Σ parcels, per year, and the first → last change.
        std::map<QString, double> totals;
        for (const QStringList& t : readCsv(out + QStringLiteral("/rs_totals.csv")))
            totals[t[0]] = t[1].toDouble();
        for (const auto& [year, sum] : carbonByYear)
            QVERIFY(std::fabs(totals[QStringLiteral("parcels_carbon_%1").arg(year)] - sum) <= 1e-9 * sum);
        // Wide table: one row per parcel with 10 years.
        const auto wide = readCsv(out + QStringLiteral("/rs_parcels.csv"));
        QCOMPARE(wide.size(), yearsByFid.size() + 1);
        // The first → last change is the sum of the parcels' changes, each over the forest cells valid
        // in both 2015 and 2024 (a cloud gap on either date is left out, not counted as a loss).
        const int cChange = int(wide[0].indexOf(QStringLiteral("change_t")));
        QVERIFY(cChange > 0);
        double change = 0;
        for (std::size_t i = 1; i < wide.size(); ++i)
            change += wide[i][cChange].toDouble();
        QVERIFY(std::fabs(totals[QStringLiteral("parcels_change_2015_2024")] - change) <=
                1e-9 * std::fabs(carbonByYear[2015]));
        QVERIFY(std::fabs(totals[QStringLiteral("parcels_rate_2015_2024")] - change / 9) <=
                1e-9 * std::fabs(carbonByYear[2015]));
        QVERIFY(wide[0].contains(QStringLiteral("carbon_2019_t_per_ha")));
        QVERIFY(wide[0].contains(QStringLiteral("rate_co2e_t_per_yr")));
        // Provenance: every used row with its tag, and the R rule.
        const QByteArray params = readAll(out + QStringLiteral("/parameters_used.csv"));
        QVERIFY(params.contains("example") && params.contains("r_class_hysteresis_t_dm_per_ha"));

        // --vi per file gives the same results as the stack; 2 threads the same as 1.
        const QString out2 = m_dir.filePath(QStringLiteral("files"));
        QStringList files = baseArgs(out2);
        for (int y = 2015; y <= 2024; ++y)
            files << QStringLiteral("--vi")
                  << QStringLiteral("%1/rasters/ndvi_%2.tif@%2").arg(m_sample).arg(y);
        files << QStringLiteral("--threads") << QStringLiteral("2");
        const Run r2 = runCli(files);
        QVERIFY2(r2.exitCode == 0, qPrintable(r2.err));
        QCOMPARE(readAll(out2 + QStringLiteral("/rs_trajectory.csv")),
                 readAll(out + QStringLiteral("/rs_trajectory.csv")));
        QCOMPARE(readAll(out2 + QStringLiteral("/rs_totals.csv")),
                 readAll(out + QStringLiteral("/rs_totals.csv")));
    }

    void validation() {
        const QString out = m_dir.filePath(QStringLiteral("bad"));
        // No coefficients: no default table.
        QStringList a = { QStringLiteral("carbon"),
                          QStringLiteral("--method"),
                          QStringLiteral("regression") };
        a << lulcArgs() << QStringLiteral("--vi-stack")
          << m_sample + QStringLiteral("/rasters/ndvi_2015-2024.tif") << QStringLiteral("--parcels")
          << m_sample + QStringLiteral("/vectors/xiaoban.shp") << QStringLiteral("--out") << out;
        const Run n = runCli(a);
        QCOMPARE(n.exitCode, 2);
        QVERIFY2(n.err.contains(QStringLiteral("missing --coefficients")) &&
                   n.err.contains(QStringLiteral("no default coefficient table")),
                 qPrintable(n.err));

        // Unknown form and missing forest rows.
        const QString coef = m_dir.filePath(QStringLiteral("bad.csv"));
        {
            QFile f(coef);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("lucode,form,a,b,agb_cap,r_low,r_high,cf\n11,sigmoid,10,3.5,200,0.23,0.246,0.47\n");
        }
        QStringList b = a;
        b << QStringLiteral("--coefficients") << coef;
        const Run u = runCli(b);
        QCOMPARE(u.exitCode, 1);
        QVERIFY2(u.err.contains(coef + QStringLiteral(", row 2, column form: unknown form 'sigmoid'")),
                 qPrintable(u.err));
        {
            QFile f(coef);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("lucode,form,a,b,agb_cap,r_low,r_high,cf\n11,exponential,10,3.5,200,0.23,0.246,0.47\n");
        }
        const Run m = runCli(b);
        QCOMPARE(m.exitCode, 1);
        QVERIFY2(m.err.contains(coef + QStringLiteral(", column lucode: forest land-cover codes without a "
                                                      "coefficient row: 12 (in ")),
                 qPrintable(m.err));
        QVERIFY(m.err.contains(QStringLiteral("; 13 (in ")) && m.err.contains(QStringLiteral("; 14 (in ")));
        QVERIFY(!QFile::exists(out + QStringLiteral("/rs_trajectory.csv")));

        // Years not covered by land cover.
        QStringList c = { QStringLiteral("carbon"),
                          QStringLiteral("--method"),
                          QStringLiteral("regression") };
        c << QStringLiteral("--lulc") << m_sample + QStringLiteral("/rasters/landcover_2018.tif@2018")
          << QStringLiteral("--vi-stack") << m_sample + QStringLiteral("/rasters/ndvi_2015-2024.tif")
          << QStringLiteral("--coefficients") << m_coef << QStringLiteral("--parcels")
          << m_sample + QStringLiteral("/vectors/xiaoban.shp") << QStringLiteral("--out") << out;
        const Run y = runCli(c);
        QCOMPARE(y.exitCode, 1);
        QVERIFY2(
          y.err.contains(QStringLiteral("years 2015, 2016, 2017 are earlier than every land-cover date")),
          qPrintable(y.err));
    }
};

QTEST_GUILESS_MAIN(TestCliCarbonRegression)
#include "tst_cli_carbon_regression.moc"
