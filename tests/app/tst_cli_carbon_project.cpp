// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli carbon --project on the shared sample project (fixture, read-only): every feature of every
// carbon layer appears once with its method; per-parcel totals equal those of `carbon --method pools` and
// `carbon --method volume` on the same parcels; district totals add up to the grand total; 1 and 2
// threads give identical files; bad project sections fail with the file and key named; Monte Carlo
// bounds (carbon.uncertainty, --seed) per parcel and in the district totals, reproducible.
#include "TestUtil.h"
#include "gis/RasterDataset.h"
#include "gis/VectorLayer.h"
#include "gis/VectorWriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
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
    p.waitForFinished(600000);
    return { p.exitCode(),
             QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()) };
}

/// RFC 4180 CSV as a header and rows of cells.
struct Csv {
    QStringList header;
    std::vector<QStringList> rows;
    QString at(std::size_t row, const QString& column) const {
        const qsizetype c = header.indexOf(column);
        return c < 0 ? QStringLiteral("<no column %1>").arg(column) : rows[row][c];
    }
    bool has(const QString& column) const { return header.contains(column); }
};

Csv readCsv(const QString& path) {
    QFile f(path);
    Csv csv;
    if (!f.open(QIODevice::ReadOnly))
        return csv;
    const QString text = QString::fromUtf8(f.readAll());
    std::vector<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                cell += ch;
                ++i;
            } else if (ch == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += ch;
            }
        } else if (ch == QLatin1Char('"')) {
            quoted = true;
        } else if (ch == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (ch == QLatin1Char('\n') || ch == QLatin1Char('\r')) {
            if (ch == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            row << cell;
            cell.clear();
            rows.push_back(row);
            row.clear();
        } else {
            cell += ch;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        row << cell;
        rows.push_back(row);
    }
    if (!rows.empty()) {
        csv.header = rows.front();
        csv.rows.assign(rows.begin() + 1, rows.end());
    }
    return csv;
}

QByteArray hashOf(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

bool close(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

class TestCliCarbonProject : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_sample, m_project, m_out1;
    Csv m_parcels;

    /// Writes a modified copy of the sample project into m_dir (the fixture stays untouched), with the
    /// layer and parameter paths rewritten relative to m_dir so that they still point into the sample.
    QString writeProjectCopy(QJsonObject root, const QString& name) const {
        for (const char* key : { "layers", "parameters" }) {
            QJsonArray list = root.value(QLatin1String(key)).toArray();
            for (qsizetype i = 0; i < list.size(); ++i) {
                QJsonObject o = list[i].toObject();
                if (o.contains(QStringLiteral("path")))
                    o.insert(QStringLiteral("path"),
                             QDir(m_dir.path())
                               .relativeFilePath(m_sample + QLatin1Char('/') +
                                                 o.value(QStringLiteral("path")).toString()));
                list[i] = o;
            }
            root.insert(QLatin1String(key), list);
        }
        const QString path = m_dir.filePath(name);
        QFile out(path);
        if (out.open(QIODevice::WriteOnly))
            out.write(QJsonDocument(root).toJson());
        return path;
    }

    QJsonObject sampleRoot() const {
        QFile f(m_project);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        TANHUI_REQUIRE_SAMPLE(sample); // shared fixture, read-only: modified projects go to m_dir
        m_sample = sample;
        m_project = m_sample + QStringLiteral("/project.tanhui.json");
        m_out1 = m_dir.filePath(QStringLiteral("out1"));
        const Run r = runCli({ QStringLiteral("carbon"),
                               QStringLiteral("--project"),
                               m_project,
                               QStringLiteral("--out"),
                               m_out1,
                               QStringLiteral("--threads"),
                               QStringLiteral("1") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("stock 2015:")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("t CO2e")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("are not verified")),
                 qPrintable(r.err)); // built-in rows unconfirmed
        m_parcels = readCsv(m_out1 + QStringLiteral("/parcels.csv"));
        QVERIFY(!m_parcels.rows.empty());
    }

    void sampleProjectHasCarbonSection() {
        QFile f(m_project);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject carbon =
          QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("carbon")).toObject();
        QCOMPARE(carbon.value(QStringLiteral("methods"))
                   .toObject()
                   .value(QStringLiteral("forest"))
                   .toObject()
                   .value(QStringLiteral("method"))
                   .toString(),
                 QStringLiteral("volume"));
        QCOMPARE(
          carbon.value(QStringLiteral("grouping")).toObject().value(QStringLiteral("layer")).toString(),
          QStringLiteral("districts"));
    }

    void everyParcelOnceWithItsMethod() {
        const std::map<QString, QString> layers = {
            { QStringLiteral("xiaoban"), QStringLiteral("vectors/xiaoban.shp") },
            { QStringLiteral("farmland_plots"), QStringLiteral("vectors/farmland_plots.gpkg") },
            { QStringLiteral("wetland_units"), QStringLiteral("vectors/wetland_units.gpkg") },
            { QStringLiteral("mangrove_restoration"), QStringLiteral("vectors/mangrove_restoration.gpkg") }
        };
        std::map<QString, std::int64_t> rowsPerLayer;
        QSet<QString> seen;
        std::map<QString, int> methods;
        for (std::size_t i = 0; i < m_parcels.rows.size(); ++i) {
            const QString layer = m_parcels.at(i, QStringLiteral("layer"));
            const QString key = layer + QLatin1Char('/') + m_parcels.at(i, QStringLiteral("source_fid"));
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen.insert(key);
            ++rowsPerLayer[layer];
            const QString method = m_parcels.at(i, QStringLiteral("method"));
            const QString type = m_parcels.at(i, QStringLiteral("ecosystem_type"));
            ++methods[method];
            QCOMPARE(method,
                     type == QLatin1String("forest") ? QStringLiteral("volume") : QStringLiteral("pools"));
            if (layer == QLatin1String("farmland_plots"))
                QCOMPARE(type, QStringLiteral("cropland"));
            if (layer == QLatin1String("mangrove_restoration"))
                QCOMPARE(type, QStringLiteral("mangrove"));
            // Not computed: a reason and no numbers; computed: a total at some date.
            const QString reason = m_parcels.at(i, QStringLiteral("not_computed"));
            const QString c2015 = m_parcels.at(i, QStringLiteral("c_total_t_2015"));
            if (reason.isEmpty())
                QVERIFY2(!c2015.isEmpty() || !m_parcels.at(i, QStringLiteral("c_total_t_2024")).isEmpty(),
                         qPrintable(key));
            else
                QVERIFY2(c2015.isEmpty(), qPrintable(key));
            QVERIFY(!m_parcels.at(i, QStringLiteral("district")).isEmpty() || !reason.isEmpty() ||
                    layer == QLatin1String("wetland_units"));
        }
        for (const auto& [id, path] : layers) {
            gis::VectorLayer l((m_sample + QLatin1Char('/') + path).toStdString());
            QCOMPARE(rowsPerLayer[id], l.info().featureCount);
        }
        QVERIFY(methods[QStringLiteral("volume")] > 10);
        QVERIFY(methods[QStringLiteral("pools")] > 10);
    }

    void poolsMatchMethodPools() {
        const QString out = m_dir.filePath(QStringLiteral("pools"));
        QStringList args = { QStringLiteral("carbon"),
                             QStringLiteral("--method"),
                             QStringLiteral("pools"),
                             QStringLiteral("--quiet") };
        for (int y : { 2015, 2018, 2021, 2024 })
            args << QStringLiteral("--lulc")
                 << QStringLiteral("%1/rasters/landcover_%2.tif@%2").arg(m_sample).arg(y);
        for (const auto& [layer, path, idField] :
             { std::tuple{
                 QStringLiteral("xiaoban"), QStringLiteral("vectors/xiaoban.shp"), QStringLiteral("小班号") },
               std::tuple{ QStringLiteral("wetland_units"),
                           QStringLiteral("vectors/wetland_units.gpkg"),
                           QStringLiteral("单元编码") } }) {
            const Run r = runCli(args + QStringList{ QStringLiteral("--parcels"),
                                                     m_sample + QLatin1Char('/') + path,
                                                     QStringLiteral("--id"),
                                                     idField,
                                                     QStringLiteral("--out"),
                                                     out });
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            const Csv ref = readCsv(out + QStringLiteral("/parcels.csv"));
            QVERIFY(!ref.rows.empty());
            std::map<QString, std::size_t> refRow;
            for (std::size_t i = 0; i < ref.rows.size(); ++i)
                refRow[ref.at(i, QStringLiteral("fid"))] = i;
            int compared = 0;
            for (std::size_t i = 0; i < m_parcels.rows.size(); ++i) {
                if (m_parcels.at(i, QStringLiteral("layer")) != layer ||
                    m_parcels.at(i, QStringLiteral("method")) != QLatin1String("pools"))
                    continue;
                const auto it = refRow.find(m_parcels.at(i, QStringLiteral("source_fid")));
                QVERIFY(it != refRow.end());
                QCOMPARE(m_parcels.at(i, QStringLiteral("id")), ref.at(it->second, idField));
                for (int y : { 2015, 2018, 2021, 2024 })
                    for (const QString& col : { QStringLiteral("c_total_t_%1"),
                                                QStringLiteral("c_above_t_%1"),
                                                QStringLiteral("c_soil_t_%1") }) {
                        const double a = m_parcels.at(i, col.arg(y)).toDouble();
                        const double b = ref.at(it->second, col.arg(y)).toDouble();
                        QVERIFY2(
                          close(a, b),
                          qPrintable(QStringLiteral("%1 %2: %3 vs %4").arg(layer, col.arg(y)).arg(a).arg(b)));
                    }
                const double a = m_parcels.at(i, QStringLiteral("change_t_2015_2024")).toDouble();
                const double b = ref.at(it->second, QStringLiteral("change_t_2015_2024")).toDouble();
                QVERIFY2(close(a, b), qPrintable(QStringLiteral("change %1 vs %2").arg(a).arg(b)));
                QVERIFY(close(m_parcels.at(i, QStringLiteral("change_tco2e_2015_2024")).toDouble(),
                              a * 44.0 / 12.0));
                ++compared;
            }
            QVERIFY2(compared > 5, qPrintable(layer));
        }
    }

    void volumeMatchesMethodVolume() {
        // The project's volume parcels that were computed, written to a layer of their own, through
        // `carbon --method volume` (which stops on any unknown species of a whole layer).
        std::map<QString, std::size_t> projectRow;
        for (std::size_t i = 0; i < m_parcels.rows.size(); ++i)
            if (m_parcels.at(i, QStringLiteral("method")) == QLatin1String("volume") &&
                m_parcels.at(i, QStringLiteral("not_computed")).isEmpty())
                projectRow[m_parcels.at(i, QStringLiteral("id"))] = i;
        QVERIFY(projectRow.size() > 10);
        gis::VectorOpenOptions open;
        gis::VectorLayer xb((m_sample + QStringLiteral("/vectors/xiaoban.shp")).toStdString(), open);
        const int idI = xb.fieldIndex(QStringLiteral("小班号"));
        const int spI = xb.fieldIndex(QStringLiteral("优势树种"));
        const int vI = xb.fieldIndex(QStringLiteral("每公顷蓄积"));
        using F = gis::VectorField;
        const std::vector<F> fields = { { QStringLiteral("小班号"), F::Type::String },
                                        { QStringLiteral("优势树种"), F::Type::String },
                                        { QStringLiteral("每公顷蓄积"), F::Type::Real } };
        std::vector<gis::VectorFeature> features;
        gis::Feature f;
        xb.resetReading();
        while (xb.next(f)) {
            if (!projectRow.count(f.attributes[std::size_t(idI)].toString()))
                continue;
            gis::VectorFeature vf;
            vf.values = { f.attributes[std::size_t(idI)],
                          f.attributes[std::size_t(spI)],
                          f.attributes[std::size_t(vI)] };
            QVERIFY(gis::polygonFromWkb(f.wkb.data(), f.wkb.size(), vf.geometry));
            features.push_back(std::move(vf));
        }
        QCOMPARE(features.size(), projectRow.size());
        const QString subset = m_dir.filePath(QStringLiteral("forest.gpkg"));
        gis::writePolygonLayer(
          subset.toStdString(), QStringLiteral("forest"), xb.info().crs, fields, features);
        const QString out = m_dir.filePath(QStringLiteral("volume"));
        const Run r = runCli({ QStringLiteral("carbon"),
                               QStringLiteral("--method"),
                               QStringLiteral("volume"),
                               QStringLiteral("--parcels"),
                               subset,
                               QStringLiteral("--id"),
                               QStringLiteral("小班号"),
                               QStringLiteral("--species-field"),
                               QStringLiteral("优势树种"),
                               QStringLiteral("--volume-field"),
                               QStringLiteral("每公顷蓄积"),
                               QStringLiteral("--bef-form"),
                               QStringLiteral("constant"),
                               QStringLiteral("--out"),
                               out,
                               QStringLiteral("--quiet") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Csv ref = readCsv(out + QStringLiteral("/parcels_volume.csv"));
        QCOMPARE(ref.rows.size(), projectRow.size());
        for (std::size_t i = 0; i < ref.rows.size(); ++i) {
            const std::size_t p = projectRow.at(ref.at(i, QStringLiteral("小班号")));
            const double a = m_parcels.at(p, QStringLiteral("c_total_t_2015")).toDouble();
            const double b = ref.at(i, QStringLiteral("carbon_t")).toDouble();
            QVERIFY2(close(a, b), qPrintable(QStringLiteral("%1 vs %2").arg(a).arg(b)));
            QCOMPARE(m_parcels.at(p, QStringLiteral("c_biomass_t_2015")),
                     m_parcels.at(p, QStringLiteral("c_total_t_2015")));
            QVERIFY(close(m_parcels.at(p, QStringLiteral("c_total_t_per_ha_2015")).toDouble(),
                          ref.at(i, QStringLiteral("carbon_t_per_ha")).toDouble()));
            QVERIFY(m_parcels.at(p, QStringLiteral("parameters_used"))
                      .contains(QStringLiteral("species_params_cn.csv:")));
        }
    }

    void volumeDensityRaster() {
        // Σ cell value (t C/ha) × cell area (ha) of the volume method's raster = Σ parcel stocks, up to
        // the planar vs ellipsoidal area difference (EPSG:4547 near its central meridian: < 0.5 %).
        gis::RasterDataset raster(
          (m_out1 + QStringLiteral("/rasters/volume/c_density_2015.tif")).toStdString());
        const gis::Grid grid = raster.info().grid;
        QCOMPARE(raster.info().metadata.at("UNITS"), std::string("t C/ha"));
        std::vector<double> values;
        std::vector<unsigned char> valid;
        raster.read(1, gis::Window{ 0, 0, grid.rows, grid.cols }, values, valid);
        double rasterT = 0;
        for (std::size_t i = 0; i < values.size(); ++i)
            if (valid[i])
                rasterT += values[i] * grid.cellWidth * grid.cellHeight / 10000.0;
        double parcelsT = 0;
        for (std::size_t i = 0; i < m_parcels.rows.size(); ++i)
            if (m_parcels.at(i, QStringLiteral("method")) == QLatin1String("volume"))
                parcelsT += m_parcels.at(i, QStringLiteral("c_total_t_2015")).toDouble();
        QVERIFY(parcelsT > 0);
        QVERIFY2(std::abs(rasterT - parcelsT) < 0.005 * parcelsT,
                 qPrintable(QStringLiteral("%1 vs %2").arg(rasterT).arg(parcelsT)));
    }

    void notComputedParcelsHaveReasons() {
        int notComputed = 0;
        for (std::size_t i = 0; i < m_parcels.rows.size(); ++i) {
            const QString reason = m_parcels.at(i, QStringLiteral("not_computed"));
            if (reason.isEmpty())
                continue;
            ++notComputed;
            QVERIFY2(reason.size() > 10, qPrintable(reason));
            QVERIFY(m_parcels.at(i, QStringLiteral("c_total_t_2024")).isEmpty());
        }
        const Csv summary = readCsv(m_out1 + QStringLiteral("/summary.csv"));
        bool found = false;
        for (std::size_t i = 0; i < summary.rows.size(); ++i)
            if (summary.at(i, QStringLiteral("quantity")) == QLatin1String("parcels_not_computed")) {
                QCOMPARE(summary.at(i, QStringLiteral("value")).toInt(), notComputed);
                found = true;
            }
        QVERIFY(found);
    }

    void groupTotalsAddUp() {
        for (const QString& name : { QStringLiteral("totals_by_district.csv"),
                                     QStringLiteral("totals_by_ecosystem_type.csv"),
                                     QStringLiteral("totals_by_method.csv") }) {
            const Csv t = readCsv(m_out1 + QLatin1Char('/') + name);
            QVERIFY2(t.rows.size() >= 2, qPrintable(name));
            const std::size_t all = t.rows.size() - 1;
            QCOMPARE(t.rows[all][0], QStringLiteral("all"));
            for (const QString& col : t.header.mid(1)) {
                double sum = 0;
                for (std::size_t i = 0; i < all; ++i)
                    sum += t.at(i, col).toDouble();
                QVERIFY2(close(sum, t.at(all, col).toDouble()), qPrintable(name + QLatin1Char(' ') + col));
            }
            QCOMPARE(t.at(all, QStringLiteral("parcels")).toULongLong(),
                     (unsigned long long)m_parcels.rows.size());
            // The grand total equals the sum over parcels.
            double sum2024 = 0;
            for (std::size_t i = 0; i < m_parcels.rows.size(); ++i)
                sum2024 += m_parcels.at(i, QStringLiteral("c_total_t_2024")).toDouble();
            QVERIFY(close(sum2024, t.at(all, QStringLiteral("c_total_t_2024")).toDouble()));
        }
        const Csv d = readCsv(m_out1 + QStringLiteral("/totals_by_district.csv"));
        QStringList names;
        for (std::size_t i = 0; i + 1 < d.rows.size(); ++i)
            names << d.rows[i][0];
        QVERIFY2(names.contains(QStringLiteral("北岭区")) && names.contains(QStringLiteral("南滨区")),
                 qPrintable(names.join(',')));
    }

    void outputsExist() {
        for (const QString& f : { QStringLiteral("parcels.gpkg"),
                                  QStringLiteral("parameters_used.csv"),
                                  QStringLiteral("rasters/pools/c_density_2015.tif"),
                                  QStringLiteral("rasters/pools/c_density_2024.tif"),
                                  QStringLiteral("rasters/volume/c_density_2015.tif") })
            QVERIFY2(QFile::exists(m_out1 + QLatin1Char('/') + f), qPrintable(f));
        gis::VectorLayer g((m_out1 + QStringLiteral("/parcels.gpkg")).toStdString());
        QCOMPARE(std::size_t(g.info().featureCount), m_parcels.rows.size());
        QVERIFY(g.info().crs.isValid());
    }

    void threadsGiveIdenticalFiles() {
        const QString out2 = m_dir.filePath(QStringLiteral("out2"));
        const Run r = runCli({ QStringLiteral("carbon"),
                               QStringLiteral("--project"),
                               m_project,
                               QStringLiteral("--out"),
                               out2,
                               QStringLiteral("--threads"),
                               QStringLiteral("2"),
                               QStringLiteral("--quiet") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // parcels.gpkg is not compared byte for byte: GeoPackage files carry write timestamps (its
        // attributes are those of parcels.csv).
        for (const QString& f : { QStringLiteral("parcels.csv"),
                                  QStringLiteral("totals_by_district.csv"),
                                  QStringLiteral("totals_by_ecosystem_type.csv"),
                                  QStringLiteral("totals_by_method.csv"),
                                  QStringLiteral("summary.csv"),
                                  QStringLiteral("parameters_used.csv"),
                                  QStringLiteral("rasters/volume/c_density_2015.tif"),
                                  QStringLiteral("rasters/pools/c_density_2024.tif") })
            QVERIFY2(hashOf(m_out1 + QLatin1Char('/') + f) == hashOf(out2 + QLatin1Char('/') + f),
                     qPrintable(f));
    }

    void uncertaintyBounds() {
        // carbon.uncertainty in the project (200 iterations, seed 5, ±40 % for table values without
        // uncertainty columns); --seed on the command line overrides the project's seed.
        QJsonObject root = sampleRoot();
        QJsonObject carbon = root.value(QStringLiteral("carbon")).toObject();
        carbon.insert(QStringLiteral("uncertainty"),
                      QJsonObject{ { QStringLiteral("iterations"), 200 },
                                   { QStringLiteral("seed"), 5 },
                                   { QStringLiteral("default_u_pct"), 40 } });
        root.insert(QStringLiteral("carbon"), carbon);
        const QString project = writeProjectCopy(root, QStringLiteral("mc.tanhui.json"));
        const QString out1 = m_dir.filePath(QStringLiteral("mc1"));
        const Run r = runCli({ QStringLiteral("carbon"),
                               QStringLiteral("--project"),
                               project,
                               QStringLiteral("--out"),
                               out1,
                               QStringLiteral("--threads"),
                               QStringLiteral("1") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("uncertainty: 200 Monte Carlo iterations, seed 5")),
                 qPrintable(r.err));
        const Csv p = readCsv(out1 + QStringLiteral("/parcels.csv"));
        QCOMPARE(p.rows.size(), m_parcels.rows.size());
        int pools = 0, volume = 0;
        for (std::size_t i = 0; i < p.rows.size(); ++i) {
            // Central values as without uncertainty; bounds around them for every computed stock.
            QCOMPARE(p.at(i, QStringLiteral("c_total_t_2015")),
                     m_parcels.at(i, QStringLiteral("c_total_t_2015")));
            const QString method = p.at(i, QStringLiteral("method"));
            const QString total = p.at(i, QStringLiteral("c_total_t_2015"));
            if (total.isEmpty() || total.toDouble() <= 0)
                continue;
            const double lo = p.at(i, QStringLiteral("c_total_t_2015_p2_5")).toDouble();
            const double hi = p.at(i, QStringLiteral("c_total_t_2015_p97_5")).toDouble();
            QVERIFY2(lo < total.toDouble() && total.toDouble() < hi,
                     qPrintable(p.at(i, QStringLiteral("id"))));
            QVERIFY(!p.at(i, QStringLiteral("c_total_t_2015_u95_pct")).isEmpty());
            pools += method == QLatin1String("pools");
            volume += method == QLatin1String("volume");
            if (method == QLatin1String("pools") && !p.at(i, QStringLiteral("change_t_2015_2024")).isEmpty())
                QVERIFY(!p.at(i, QStringLiteral("change_t_2015_2024_p2_5")).isEmpty());
        }
        QVERIFY(pools > 0 && volume > 0);
        // District totals carry bounds (from per-iteration sums): the interval brackets the total and
        // is narrower than the sum of the parcels' intervals.
        const Csv d = readCsv(out1 + QStringLiteral("/totals_by_district.csv"));
        QVERIFY(d.has(QStringLiteral("c_total_t_2015_p2_5")) && d.has(QStringLiteral("bounds_note")));
        for (std::size_t i = 0; i < d.rows.size(); ++i) {
            const double t = d.at(i, QStringLiteral("c_total_t_2015")).toDouble();
            QVERIFY(d.at(i, QStringLiteral("c_total_t_2015_p2_5")).toDouble() < t);
            QVERIFY(t < d.at(i, QStringLiteral("c_total_t_2015_p97_5")).toDouble());
            QVERIFY(d.at(i, QStringLiteral("bounds_note")).isEmpty());
        }
        double sumHi = 0;
        for (std::size_t i = 0; i < p.rows.size(); ++i)
            sumHi += p.at(i, QStringLiteral("c_total_t_2015_p97_5")).toDouble();
        QVERIFY(d.at(d.rows.size() - 1, QStringLiteral("c_total_t_2015_p97_5")).toDouble() < sumHi);
        const Csv run = readCsv(out1 + QStringLiteral("/uncertainty_run.csv"));
        std::map<QString, QString> meta;
        for (const QStringList& row : run.rows)
            meta[row[0]] = row[1];
        QCOMPARE(meta[QStringLiteral("seed")], QStringLiteral("5"));
        QCOMPARE(meta[QStringLiteral("iterations")], QStringLiteral("200"));
        QVERIFY(meta[QStringLiteral("generator")].startsWith(QStringLiteral("splitmix64")));
        QVERIFY(QFile::exists(out1 + QStringLiteral("/uncertainty_parameters.csv")));

        // --seed 6 overrides the project (1 vs 2 threads: tst_carbon_project, monteCarloBounds).
        const QString out3 = m_dir.filePath(QStringLiteral("mc3"));
        const Run r3 = runCli({ QStringLiteral("carbon"),
                                QStringLiteral("--project"),
                                project,
                                QStringLiteral("--out"),
                                out3,
                                QStringLiteral("--seed"),
                                QStringLiteral("6"),
                                QStringLiteral("--quiet") });
        QVERIFY2(r3.exitCode == 0, qPrintable(r3.err));
        QVERIFY(hashOf(out1 + QStringLiteral("/totals_by_district.csv")) !=
                hashOf(out3 + QStringLiteral("/totals_by_district.csv")));
        QCOMPARE(readCsv(out3 + QStringLiteral("/uncertainty_run.csv")).rows[2][1], QStringLiteral("6"));

        // Flags without uncertainty anywhere, and bad values: usage errors naming the option; a bad
        // project value: the file and key.
        const Run noMc = runCli({ QStringLiteral("carbon"),
                                  QStringLiteral("--project"),
                                  m_project,
                                  QStringLiteral("--out"),
                                  m_dir.filePath(QStringLiteral("mc4")),
                                  QStringLiteral("--iterations"),
                                  QStringLiteral("10") });
        QCOMPARE(noMc.exitCode, 2);
        QVERIFY2(noMc.err.contains(QStringLiteral("--iterations needs --uncertainty")), qPrintable(noMc.err));
        const Run badSeed = runCli({ QStringLiteral("carbon"),
                                     QStringLiteral("--project"),
                                     project,
                                     QStringLiteral("--seed"),
                                     QStringLiteral("-3") });
        QCOMPARE(badSeed.exitCode, 2);
        QVERIFY2(badSeed.err.contains(QStringLiteral("--seed must be")), qPrintable(badSeed.err));
        carbon.insert(QStringLiteral("uncertainty"), QJsonObject{ { QStringLiteral("iterations"), 0 } });
        root.insert(QStringLiteral("carbon"), carbon);
        const QString badProject = writeProjectCopy(root, QStringLiteral("mcbad.tanhui.json"));
        const Run badIt = runCli({ QStringLiteral("carbon"),
                                   QStringLiteral("--project"),
                                   badProject,
                                   QStringLiteral("--out"),
                                   m_dir.filePath(QStringLiteral("mc5")) });
        QCOMPARE(badIt.exitCode, 1);
        QVERIFY2(badIt.err.contains(badProject) &&
                   badIt.err.contains(QStringLiteral("carbon.uncertainty.iterations")),
                 qPrintable(badIt.err));
    }

    void parcelsTheMethodCannotComputeAreListed() {
        // Masson pine 小班 whose species name maps (through the layer's value mapping) to a group the
        // species table lacks: listed with the reason, no numbers, and the run still succeeds.
        QFile f(m_project);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        QJsonArray layers = root.value(QStringLiteral("layers")).toArray();
        for (qsizetype i = 0; i < layers.size(); ++i) {
            QJsonObject l = layers[i].toObject();
            if (l.value(QStringLiteral("id")).toString() != QLatin1String("xiaoban"))
                continue;
            QJsonObject values = l.value(QStringLiteral("values")).toObject();
            values.insert(QStringLiteral("species_group:马尾松"), QStringLiteral("pinus_unlisted"));
            l.insert(QStringLiteral("values"), values);
            layers[i] = l;
        }
        root.insert(QStringLiteral("layers"), layers);
        QJsonObject carbon = root.value(QStringLiteral("carbon")).toObject();
        carbon.insert(QStringLiteral("layers"),
                      QJsonArray{ QJsonObject{
                        { QStringLiteral("layer"), QStringLiteral("xiaoban") },
                        { QStringLiteral("ecosystem_type_field"), QStringLiteral("ecosystem_type") } } });
        root.insert(QStringLiteral("carbon"), carbon);
        const QString pine = writeProjectCopy(root, QStringLiteral("pine.tanhui.json"));
        const QString dir = m_dir.filePath(QStringLiteral("pine"));
        const Run r = runCli(
          { QStringLiteral("carbon"), QStringLiteral("--project"), pine, QStringLiteral("--out"), dir });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("not computed")), qPrintable(r.err));
        const Csv p = readCsv(dir + QStringLiteral("/parcels.csv"));
        int notComputed = 0, computedForest = 0;
        for (std::size_t i = 0; i < p.rows.size(); ++i) {
            QCOMPARE(p.at(i, QStringLiteral("layer")), QStringLiteral("xiaoban"));
            const QString reason = p.at(i, QStringLiteral("not_computed"));
            if (reason.isEmpty()) {
                computedForest += p.at(i, QStringLiteral("method")) == QLatin1String("volume");
                continue;
            }
            ++notComputed;
            QCOMPARE(p.at(i, QStringLiteral("method")), QStringLiteral("volume"));
            QVERIFY2(reason.contains(QStringLiteral("pinus_unlisted")), qPrintable(reason));
            QVERIFY(p.at(i, QStringLiteral("c_total_t_2015")).isEmpty());
        }
        QVERIFY(notComputed > 0);
        QVERIFY(computedForest > 0);
        const Csv t = readCsv(dir + QStringLiteral("/totals_by_ecosystem_type.csv"));
        bool found = false;
        for (std::size_t i = 0; i < t.rows.size(); ++i)
            if (t.rows[i][0] == QLatin1String("forest")) {
                QCOMPARE(t.at(i, QStringLiteral("not_computed")).toInt(), notComputed);
                QCOMPARE(t.at(i, QStringLiteral("computed")).toInt(), computedForest);
                found = true;
            }
        QVERIFY(found);
    }

    void badProjectIsRejected() {
        QFile f(m_project);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        QJsonObject carbon = root.value(QStringLiteral("carbon")).toObject();
        QJsonObject methods = carbon.value(QStringLiteral("methods")).toObject();
        methods.insert(QStringLiteral("marsh"),
                       QJsonObject{ { QStringLiteral("method"), QStringLiteral("invest") } });
        methods.remove(QStringLiteral("river"));
        carbon.insert(QStringLiteral("methods"), methods);
        root.insert(QStringLiteral("carbon"), carbon);
        const QString bad = writeProjectCopy(root, QStringLiteral("bad.tanhui.json"));
        const Run r = runCli({ QStringLiteral("carbon"),
                               QStringLiteral("--project"),
                               bad,
                               QStringLiteral("--out"),
                               m_dir.filePath(QStringLiteral("bad")) });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(bad) && r.err.contains(QStringLiteral("carbon.methods.marsh")) &&
                   r.err.contains(QStringLiteral("unknown method 'invest'")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad/parcels.csv"))));
        const Run missing = runCli({ QStringLiteral("carbon"),
                                     QStringLiteral("--project"),
                                     m_dir.filePath(QStringLiteral("none.json")) });
        QCOMPARE(missing.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliCarbonProject)
#include "tst_cli_carbon_project.moc"
