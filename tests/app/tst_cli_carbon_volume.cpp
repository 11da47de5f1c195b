// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli carbon --method volume end to end (carbon-methods.md §5) on a GBK shapefile with Chinese
// field names and species: per-parcel carbon = density × area_ha, totals = Σ parcels, §10.5 densities,
// validation (unknown species, negative volume, missing field) naming file, row and column.
#include "TestUtil.h"
#include "gis/Gdal.h"
#include "gis/VectorWriter.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace tanhui;

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
    p.waitForFinished(300000);
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

gis::MultiPolygon square(double x, double y, double side) {
    gis::Ring r;
    r.xy = { x, y, x + side, y, x + side, y + side, x, y + side, x, y };
    gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

/// A GBK shapefile (with .cpg) of sub-compartments: 小班号, 优势树种, 每公顷蓄积 (m³/ha).
void writeXiaoban(const QString& path, const std::vector<std::pair<QString, QVariant>>& rows) {
    using F = gis::VectorField;
    const std::vector<F> fields = { { QStringLiteral("小班号"), F::Type::String, 12, 0 },
                                    { QStringLiteral("优势树种"), F::Type::String, 12, 0 },
                                    { QStringLiteral("每公顷蓄积"), F::Type::Real, 8, 1 } };
    std::vector<gis::VectorFeature> features;
    for (std::size_t i = 0; i < rows.size(); ++i)
        features.push_back(
          { { QStringLiteral("0101-%1").arg(i + 1, 2, 10, QLatin1Char('0')), rows[i].first, rows[i].second },
            square(500000 + 300.0 * double(i), 2500000, 100 + 50.0 * double(i)) });
    gis::VectorWriteOptions wo;
    wo.encoding = "CP936";
    gis::writePolygonLayer(
      path.toStdString(), QStringLiteral("xiaoban"), gis::Crs::fromEpsg(4547), fields, features, wo);
}

QStringList volumeArgs(const QString& shp, const QString& out) {
    return { QStringLiteral("carbon"),
             QStringLiteral("--method"),
             QStringLiteral("volume"),
             QStringLiteral("--parcels"),
             shp,
             QStringLiteral("--id"),
             QStringLiteral("小班号"),
             QStringLiteral("--species-field"),
             QStringLiteral("优势树种"),
             QStringLiteral("--volume-field"),
             QStringLiteral("每公顷蓄积"),
             QStringLiteral("--out"),
             out };
}

} // namespace

class TestCliCarbonVolume : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { gis::initializeGdal(); }

    void totalsEqualSumOfParcels() {
        QTemporaryDir dir;
        const QString shp = dir.filePath(QStringLiteral("xiaoban.shp"));
        writeXiaoban(shp,
                     { { QStringLiteral("马尾松"), 100.0 },
                       { QStringLiteral("杉木"), 100.0 },
                       { QStringLiteral("桉树"), 100.0 },
                       { QStringLiteral("阔叶混交林"), 180.5 },
                       { QStringLiteral("其他灌木"), 0.0 } });
        const QString out = dir.filePath(QStringLiteral("out"));
        const Run r = runCli(volumeArgs(shp, out));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("(masson_pine) is tagged unconfirmed")), qPrintable(r.err));
        QVERIFY(QFile::exists(out + QStringLiteral("/parcels_volume.gpkg")));
        const auto rows = readCsv(out + QStringLiteral("/parcels_volume.csv"));
        QCOMPARE(rows.size(), std::size_t(6));
        QCOMPARE(rows[0].join(QLatin1Char(',')),
                 QStringLiteral("fid,小班号,species,species_group,method_form,area_ha,volume_m3_per_ha,"
                                "biomass_t_per_ha,carbon_t_per_ha,carbon_t,co2e_t,flagged_parameters,"
                                "geometry_repaired"));
        // §10.5 densities at V = 100 m³/ha (t C/ha).
        const double expected[] = { 30.54217, 32.50213, 46.79572 };
        double sumC = 0, sumArea = 0;
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const QStringList& c = rows[i];
            const double area = c[5].toDouble(), density = c[8].toDouble(), carbonT = c[9].toDouble();
            QVERIFY(std::fabs(carbonT - density * area) <= 1e-9 * std::max(1.0, carbonT));
            QVERIFY(std::fabs(c[10].toDouble() - carbonT * 44.0 / 12.0) <= 1e-9 * std::max(1.0, carbonT));
            if (i <= 3)
                QVERIFY2(std::fabs(density - expected[i - 1]) < 5e-5, qPrintable(c.join(QLatin1Char(','))));
            sumC += carbonT;
            sumArea += area;
        }
        QCOMPARE(rows[1][1], QStringLiteral("0101-01"));
        QCOMPARE(rows[1][2], QStringLiteral("马尾松"));
        QCOMPARE(rows[1][3], QStringLiteral("masson_pine"));
        QCOMPARE(rows[1][11], QStringLiteral("masson_pine:unconfirmed"));
        QCOMPARE(rows[4][3], QStringLiteral("mixed_broadleaf"));
        QCOMPARE(rows[5][9].toDouble(), 0.0); // shrub, no stand volume
        std::map<QString, double> totals;
        for (const QStringList& t : readCsv(out + QStringLiteral("/totals_volume.csv")))
            totals[t[0]] = t[1].toDouble();
        QVERIFY(std::fabs(totals[QStringLiteral("carbon_total")] - sumC) <= 1e-9 * sumC);
        QVERIFY(std::fabs(totals[QStringLiteral("co2e_total")] - sumC * 44.0 / 12.0) <= 1e-9 * sumC);
        QVERIFY(std::fabs(totals[QStringLiteral("area_ha")] - sumArea) <= 1e-9 * sumArea);
        QCOMPARE(totals[QStringLiteral("parcels")], 5.0);

        // Continuous form: (a·V + b) × 0.5; fir at V = 100: 31.2655 t C/ha (§10.5).
        QStringList args = volumeArgs(shp, dir.filePath(QStringLiteral("cont")));
        args << QStringLiteral("--bef-form") << QStringLiteral("continuous");
        const Run c = runCli(args);
        QVERIFY2(c.exitCode == 0, qPrintable(c.err));
        const auto crow = readCsv(dir.filePath(QStringLiteral("cont/parcels_volume.csv")));
        QCOMPARE(crow[2][4], QStringLiteral("continuous_bef"));
        QVERIFY(std::fabs(crow[2][8].toDouble() - 31.2655) < 1e-9);
    }

    void validationErrors() {
        QTemporaryDir dir;
        const QString shp = dir.filePath(QStringLiteral("bad.shp"));
        writeXiaoban(shp,
                     { { QStringLiteral("马尾松"), 100.0 },
                       { QStringLiteral("松树"), 80.0 },
                       { QStringLiteral("杉木"), -3.0 },
                       { QStringLiteral("松树"), 50.0 } });
        const QString out = dir.filePath(QStringLiteral("out"));
        const Run r = runCli(volumeArgs(shp, out));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
          r.err.contains(shp + QStringLiteral(", row 2, column 优势树种: unknown species group in 2 "
                                              "feature(s): '松树' (rows 2, 4); known: 杉木 (chinese_fir)")),
          qPrintable(r.err));
        QVERIFY2(
          r.err.contains(shp + QStringLiteral(", row 3, column 每公顷蓄积: feature 2 (id 0101-03): the "
                                              "stand volume -3 m³/ha is negative")),
          qPrintable(r.err));
        QVERIFY(!QFile::exists(out + QStringLiteral("/parcels_volume.csv")));

        QStringList args = volumeArgs(shp, out);
        args[10] = QStringLiteral("蓄积量");
        const Run m = runCli(args);
        QCOMPARE(m.exitCode, 1);
        QVERIFY2(
          m.err.contains(shp + QStringLiteral(", column 蓄积量: the layer has no field '蓄积量'; its fields "
                                              "are: 小班号, 优势树种, 每公顷蓄积")),
          qPrintable(m.err));

        args = volumeArgs(shp, out);
        args << QStringLiteral("--bef-form") << QStringLiteral("fang");
        QCOMPARE(runCli(args).exitCode, 2);
        const Run u = runCli({ QStringLiteral("carbon"),
                               QStringLiteral("--method"),
                               QStringLiteral("volume"),
                               QStringLiteral("--out"),
                               out });
        QCOMPARE(u.exitCode, 2);
        QVERIFY(u.err.contains(QStringLiteral("missing --parcels")));
        // --method pools still requires --lulc.
        const Run p = runCli({ QStringLiteral("carbon"),
                               QStringLiteral("--method"),
                               QStringLiteral("pools"),
                               QStringLiteral("--out"),
                               out });
        QCOMPARE(p.exitCode, 2);
        QVERIFY(p.err.contains(QStringLiteral("missing --lulc")));
    }
};

QTEST_GUILESS_MAIN(TestCliCarbonVolume)
#include "tst_cli_carbon_volume.moc"
