// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-cli carbon --project on the shared sample project (fixture sample_project_setup): every
// feature of every carbon layer appears once per method of its type, exactly one row primary; per-parcel
// numbers equal those of `carbon --method pools|volume|soil|gainloss|bluecarbon|regression` on the same
// parcels (1e-9 relative); forest 小班 have volume and pool stocks; restoration plots sequester after
// planting and nothing before; totals by type and district count primary rows and add up; 1 and 2
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

/// Row index of each value of `column` (e.g. fid) in a reference table.
std::map<QString, std::size_t> indexBy(const Csv& csv, const QString& column) {
    std::map<QString, std::size_t> index;
    for (std::size_t i = 0; i < csv.rows.size(); ++i)
        index[csv.at(i, column)] = i;
    return index;
}

} // namespace

class TestCliCarbonProject : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_sample, m_project, m_out1;
    Csv m_parcels;

    /// The sample's project file as JSON.
    QJsonObject projectJson() const {
        QFile f(m_project);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

    /// Writes a modified project into the temporary folder (the sample folder is read-only), with
    /// every layer and parameter path made relative to it so that it still finds the sample's files
    /// (projects reject absolute paths).
    QString writeProject(QJsonObject root, const QString& name) const {
        for (const char* list : { "layers", "parameters" }) {
            QJsonArray items = root.value(QLatin1String(list)).toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                QJsonObject o = items[i].toObject();
                o.insert(QStringLiteral("path"),
                         QDir(m_dir.path())
                           .relativeFilePath(m_sample + QLatin1Char('/') +
                                             o.value(QStringLiteral("path")).toString()));
                items[i] = o;
            }
            root.insert(QLatin1String(list), items);
        }
        const QString path = m_dir.filePath(name);
        QFile out(path);
        if (out.open(QIODevice::WriteOnly))
            out.write(QJsonDocument(root).toJson());
        return path;
    }

    /// Rows of the project run of `layer` and `method`: source_fid → row.
    std::map<QString, std::size_t> projectRows(const QString& layer, const QString& method) const {
        std::map<QString, std::size_t> rows;
        for (std::size_t i = 0; i < m_parcels.rows.size(); ++i)
            if (m_parcels.at(i, QStringLiteral("layer")) == layer &&
                m_parcels.at(i, QStringLiteral("method")) == method)
                rows[m_parcels.at(i, QStringLiteral("source_fid"))] = i;
        return rows;
    }

    QStringList lulcArgs() const {
        QStringList args;
        for (int y : { 2015, 2018, 2021, 2024 })
            args << QStringLiteral("--lulc")
                 << QStringLiteral("%1/rasters/landcover_%2.tif@%2").arg(m_sample).arg(y);
        return args;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        TANHUI_REQUIRE_SAMPLE(sample);
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
        const QJsonArray forest =
          carbon.value(QStringLiteral("methods")).toObject().value(QStringLiteral("forest")).toArray();
        QCOMPARE(forest.size(), 5);
        QStringList names;
        for (const QJsonValue& v : forest)
            names << v.toObject().value(QStringLiteral("method")).toString();
        QCOMPARE(names.join(','), QStringLiteral("volume_gainloss,volume,pools,gainloss,regression"));
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
        // The methods of each type in the sample, the primary one first.
        const std::map<QString, QStringList> expected = {
            { QStringLiteral("forest"),
              { QStringLiteral("volume_gainloss"),
                QStringLiteral("volume"),
                QStringLiteral("pools"),
                QStringLiteral("gainloss"),
                QStringLiteral("regression") } },
            { QStringLiteral("clear_cut"), { QStringLiteral("volume_gainloss"), QStringLiteral("pools") } },
            { QStringLiteral("cropland"), { QStringLiteral("soil"), QStringLiteral("pools") } },
            { QStringLiteral("mangrove"), { QStringLiteral("bluecarbon") } },
            { QStringLiteral("marsh"), { QStringLiteral("bluecarbon") } },
            { QStringLiteral("tidal_flat"), { QStringLiteral("bluecarbon") } },
        };
        std::map<QString, std::int64_t> featuresPerLayer;
        std::map<QString, QStringList> methodsOf;  // layer/fid → methods in row order
        std::map<QString, std::size_t> firstRowOf; // layer/fid → its first row
        std::map<QString, int> primaries;
        std::map<QString, int> methods;
        // The value columns, looked up once (thousands of rows × a hundred columns).
        std::vector<qsizetype> valueColumns;
        for (qsizetype c = 0; c < m_parcels.header.size(); ++c)
            if (m_parcels.header[c].startsWith(QLatin1String("c_total_t_")) ||
                m_parcels.header[c].startsWith(QLatin1String("change_t_")))
                valueColumns.push_back(c);
        for (std::size_t i = 0; i < m_parcels.rows.size(); ++i) {
            const QString layer = m_parcels.at(i, QStringLiteral("layer"));
            const QString key = layer + QLatin1Char('/') + m_parcels.at(i, QStringLiteral("source_fid"));
            const QString method = m_parcels.at(i, QStringLiteral("method"));
            const QString type = m_parcels.at(i, QStringLiteral("ecosystem_type"));
            const bool primary = m_parcels.at(i, QStringLiteral("primary")) == QLatin1String("1");
            QVERIFY2(!methodsOf[key].contains(method), qPrintable(key + QLatin1Char(' ') + method));
            // The primary row comes first, and is the first method of the type.
            QCOMPARE(primary, methodsOf[key].isEmpty());
            methodsOf[key] << method;
            firstRowOf.emplace(key, i);
            if (primary) {
                ++featuresPerLayer[layer];
                ++primaries[key];
            }
            ++methods[method];
            if (layer == QLatin1String("farmland_plots"))
                QCOMPARE(type, QStringLiteral("cropland"));
            if (layer == QLatin1String("mangrove_restoration"))
                QCOMPARE(type, QStringLiteral("mangrove"));
            // Not computed: a reason and no numbers; computed: a stock at some date or a change.
            const QString reason = m_parcels.at(i, QStringLiteral("not_computed"));
            const QString c2015 = m_parcels.at(i, QStringLiteral("c_total_t_2015"));
            if (reason.isEmpty()) {
                // A stock or a change at some date, or a blank_note saying why there is none (e.g. NDVI
                // regression at dates where clouds hide most of the parcel's forest).
                bool any = false;
                for (const qsizetype c : valueColumns)
                    any = any || !m_parcels.rows[i][c].isEmpty();
                QVERIFY2(any || !m_parcels.at(i, QStringLiteral("blank_note")).isEmpty(),
                         qPrintable(key + QLatin1Char(' ') + method));
            } else
                QVERIFY2(c2015.isEmpty(), qPrintable(key));
            QVERIFY(!m_parcels.at(i, QStringLiteral("district")).isEmpty() || !reason.isEmpty() ||
                    layer == QLatin1String("wetland_units"));
        }
        for (const auto& [key, list] : methodsOf) {
            QCOMPARE(primaries[key], 1);
            const std::size_t row = firstRowOf.at(key);
            const auto e = expected.find(m_parcels.at(row, QStringLiteral("ecosystem_type")));
            if (e != expected.end())
                QCOMPARE(list, e->second);
            else
                QCOMPARE(list, QStringList{ QStringLiteral("pools") });
        }
        for (const auto& [id, path] : layers) {
            gis::VectorLayer l((m_sample + QLatin1Char('/') + path).toStdString());
            QCOMPARE(featuresPerLayer[id], l.info().featureCount);
        }
        for (const char* m :
             { "volume_gainloss", "volume", "pools", "soil", "gainloss", "bluecarbon", "regression" })
            QVERIFY2(methods[QString::fromLatin1(m)] > 5, m);
    }

    // Methods that report consecutive intervals (soil, gain-loss, blue carbon) also get the first → last
    // change, the sum of the intervals with their basis, so first → last totals count every parcel.
    void firstToLastChangeForIntervalMethods() {
        QVERIFY(m_parcels.has(QStringLiteral("change_t_2015_2024")));
        std::map<QString, int> checked;
        for (std::size_t i = 0; i < m_parcels.rows.size(); ++i) {
            const QString method = m_parcels.at(i, QStringLiteral("method"));
            if (method != QLatin1String("soil") && method != QLatin1String("gainloss") &&
                method != QLatin1String("bluecarbon"))
                continue;
            if (!m_parcels.at(i, QStringLiteral("not_computed")).isEmpty())
                continue;
            const QString a = m_parcels.at(i, QStringLiteral("change_t_2015_2018"));
            const QString b = m_parcels.at(i, QStringLiteral("change_t_2018_2021"));
            const QString c = m_parcels.at(i, QStringLiteral("change_t_2021_2024"));
            if (a.isEmpty() || b.isEmpty() || c.isEmpty())
                continue;
            const double sum = a.toDouble() + b.toDouble() + c.toDouble();
            const double span = m_parcels.at(i, QStringLiteral("change_t_2015_2024")).toDouble();
            QVERIFY2(std::abs(span - sum) <= 1e-9 * std::max(1.0, std::abs(sum)),
                     qPrintable(QStringLiteral("%1 %2: %3 vs %4")
                                  .arg(method, m_parcels.at(i, QStringLiteral("id")))
                                  .arg(span)
                                  .arg(sum)));
            QCOMPARE(m_parcels.at(i, QStringLiteral("change_basis_2015_2024")),
                     m_parcels.at(i, QStringLiteral("change_basis_2015_2018")));
            ++checked[method];
        }
        QVERIFY(checked[QStringLiteral("soil")] > 1000);
        QVERIFY(checked[QStringLiteral("gainloss")] > 1000);
        QVERIFY(checked[QStringLiteral("bluecarbon")] > 100);
    }

    void forestHasVolumeAndPoolStocks() {
        // Acceptance of issue 4: forest stock per sub-compartment from the volume method and from the
        // pool table are both reported.
        const auto volume = projectRows(QStringLiteral("xiaoban"), QStringLiteral("volume"));
        const auto pools = projectRows(QStringLiteral("xiaoban"), QStringLiteral("pools"));
        int both = 0;
        for (const auto& [fid, row] : volume) {
            if (m_parcels.at(row, QStringLiteral("ecosystem_type")) != QLatin1String("forest"))
                continue;
            const auto p = pools.find(fid);
            QVERIFY2(p != pools.end(), qPrintable(fid));
            if (!m_parcels.at(row, QStringLiteral("c_biomass_t_2015")).isEmpty() &&
                !m_parcels.at(p->second, QStringLiteral("c_above_t_2015")).isEmpty())
                ++both;
        }
        QVERIFY(both > 100);
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

    void soilMatchesMethodSoil() {
        const QString out = m_dir.filePath(QStringLiteral("soil"));
        const Run r = runCli({ QStringLiteral("carbon"),
                               QStringLiteral("--method"),
                               QStringLiteral("soil"),
                               QStringLiteral("--parcels"),
                               m_sample + QStringLiteral("/vectors/farmland_plots.gpkg"),
                               QStringLiteral("--id"),
                               QStringLiteral("地块编码"),
                               QStringLiteral("--crop-field"),
                               QStringLiteral("crop"),
                               QStringLiteral("--straw-year-field"),
                               QStringLiteral("秸秆还田起始年"),
                               QStringLiteral("--organic-field"),
                               QStringLiteral("施用有机肥"),
                               QStringLiteral("--years"),
                               QStringLiteral("2015,2018,2021,2024"),
                               QStringLiteral("--out"),
                               out,
                               QStringLiteral("--quiet") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Csv ref = readCsv(out + QStringLiteral("/parcels_soil.csv"));
        const auto refRow = indexBy(ref, QStringLiteral("fid"));
        const auto rows = projectRows(QStringLiteral("farmland_plots"), QStringLiteral("soil"));
        QCOMPARE(rows.size(), ref.rows.size());
        int changed = 0, builtOver = 0;
        for (const auto& [fid, i] : rows) {
            const std::size_t k = refRow.at(fid);
            QCOMPARE(m_parcels.at(i, QStringLiteral("primary")), QStringLiteral("1"));
            // Plots the land cover shows built over (the sample's land_use_change rule) follow the new use
            // from then on (tests/models/carbon/tst_carbon_project.cpp, landUseChangePerDate): their
            // stocks up to the change are the method's, and no interval ending at a built-up date gains.
            if (m_parcels.at(i, QStringLiteral("method_detail")).contains(QLatin1String("land-use change"))) {
                ++builtOver;
                for (const auto& [y1, y2] :
                     { std::pair{ 2015, 2018 }, std::pair{ 2018, 2021 }, std::pair{ 2021, 2024 } })
                    if (m_parcels.at(i, QStringLiteral("ecosystem_type_%1").arg(y2)) ==
                        QLatin1String("settlement"))
                        QVERIFY2(
                          m_parcels.at(i, QStringLiteral("change_t_%1_%2").arg(y1).arg(y2)).toDouble() <= 0,
                          qPrintable(fid));
                QVERIFY(close(m_parcels.at(i, QStringLiteral("c_soil_t_2015")).toDouble(),
                              ref.at(k, QStringLiteral("soc_t_2015")).toDouble()));
                continue;
            }
            for (int y : { 2015, 2018, 2021, 2024 }) {
                const double a = m_parcels.at(i, QStringLiteral("c_soil_t_%1").arg(y)).toDouble();
                QVERIFY2(close(a, ref.at(k, QStringLiteral("soc_t_%1").arg(y)).toDouble()), qPrintable(fid));
                QCOMPARE(m_parcels.at(i, QStringLiteral("c_total_t_%1").arg(y)).toDouble(), a);
            }
            for (const auto& [y1, y2] :
                 { std::pair{ 2015, 2018 }, std::pair{ 2018, 2021 }, std::pair{ 2021, 2024 } }) {
                const QString s = QStringLiteral("%1_%2").arg(y1).arg(y2);
                const double a = m_parcels.at(i, QStringLiteral("change_t_") + s).toDouble();
                QVERIFY2(close(a, ref.at(k, QStringLiteral("change_t_") + s).toDouble()), qPrintable(fid));
                QCOMPARE(m_parcels.at(i, QStringLiteral("change_basis_") + s), QStringLiteral("flux"));
                changed += a != 0;
            }
            QVERIFY(
              m_parcels.at(i, QStringLiteral("parameters_used")).contains(QStringLiteral("soc_ref.csv:")));
        }
        QVERIFY(changed > 0);
        QVERIFY(builtOver > 0);
    }

    void gainLossMatchesMethodGainLoss() {
        const QString out = m_dir.filePath(QStringLiteral("gainloss"));
        const Run r = runCli(QStringList{ QStringLiteral("carbon"),
                                          QStringLiteral("--method"),
                                          QStringLiteral("gainloss"),
                                          QStringLiteral("--parcels"),
                                          m_sample + QStringLiteral("/vectors/xiaoban.shp"),
                                          QStringLiteral("--id"),
                                          QStringLiteral("小班号"),
                                          QStringLiteral("--out"),
                                          out,
                                          QStringLiteral("--quiet") } +
                             lulcArgs());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Csv ref = readCsv(out + QStringLiteral("/parcels_gainloss.csv"));
        const auto refRow = indexBy(ref, QStringLiteral("fid"));
        const auto rows = projectRows(QStringLiteral("xiaoban"), QStringLiteral("gainloss"));
        QVERIFY(rows.size() > 100);
        int sinks = 0, sources = 0;
        for (const auto& [fid, i] : rows) {
            const std::size_t k = refRow.at(fid);
            QCOMPARE(m_parcels.at(i, QStringLiteral("primary")), QStringLiteral("0"));
            QVERIFY(m_parcels.at(i, QStringLiteral("c_total_t_2015")).isEmpty()); // a flux method
            for (const auto& [y1, y2] :
                 { std::pair{ 2015, 2018 }, std::pair{ 2018, 2021 }, std::pair{ 2021, 2024 } }) {
                const QString s = QStringLiteral("%1_%2").arg(y1).arg(y2);
                const double a = m_parcels.at(i, QStringLiteral("change_t_") + s).toDouble();
                const double b = ref.at(k, QStringLiteral("net_t_per_yr_") + s).toDouble() * (y2 - y1);
                QVERIFY2(close(a, b),
                         qPrintable(QStringLiteral("%1 %2: %3 vs %4").arg(fid, s).arg(a).arg(b)));
                QCOMPARE(m_parcels.at(i, QStringLiteral("change_basis_") + s), QStringLiteral("flux"));
                sinks += a > 0;
                sources += a < 0;
            }
        }
        QVERIFY(sinks > 0 && sources > 0);
    }

    void blueCarbonMatchesMethodBlueCarbon() {
        // The CLI needs an analysis year after the last snapshot; the periods between snapshots and the
        // stocks at the snapshots do not depend on it (the engine runs year by year).
        const QString out = m_dir.filePath(QStringLiteral("bluecarbon"));
        const Run r = runCli(QStringList{ QStringLiteral("carbon"),
                                          QStringLiteral("--method"),
                                          QStringLiteral("bluecarbon"),
                                          QStringLiteral("--analysis-year"),
                                          QStringLiteral("2025"),
                                          QStringLiteral("--parcels"),
                                          m_sample + QStringLiteral("/vectors/wetland_units.gpkg"),
                                          QStringLiteral("--id"),
                                          QStringLiteral("单元编码"),
                                          QStringLiteral("--restoration-plots"),
                                          m_sample + QStringLiteral("/vectors/mangrove_restoration.gpkg"),
                                          QStringLiteral("--planting-year-field"),
                                          QStringLiteral("种植年份"),
                                          QStringLiteral("--plot-id"),
                                          QStringLiteral("plot_id"),
                                          QStringLiteral("--out"),
                                          out,
                                          QStringLiteral("--quiet") } +
                             lulcArgs());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const std::vector<std::pair<int, int>> periods = { { 2015, 2018 }, { 2018, 2021 }, { 2021, 2024 } };
        // CBC on the wetland units of mangrove, marsh and tidal flat.
        const Csv ref = readCsv(out + QStringLiteral("/parcels_bluecarbon.csv"));
        const auto refRow = indexBy(ref, QStringLiteral("fid"));
        const auto rows = projectRows(QStringLiteral("wetland_units"), QStringLiteral("bluecarbon"));
        QVERIFY(rows.size() > 50);
        for (const auto& [fid, i] : rows) {
            const std::size_t k = refRow.at(fid);
            QVERIFY(m_parcels.at(i, QStringLiteral("method_detail")).startsWith(QStringLiteral("route=cbc")));
            for (int y : { 2015, 2018, 2021, 2024 }) {
                QVERIFY2(close(m_parcels.at(i, QStringLiteral("c_total_t_%1").arg(y)).toDouble(),
                               ref.at(k, QStringLiteral("total_t_%1").arg(y)).toDouble()),
                         qPrintable(fid));
                for (const char* pool : { "biomass", "soil", "litter" })
                    QVERIFY(close(
                      m_parcels.at(i, QStringLiteral("c_%1_t_%2").arg(QLatin1String(pool)).arg(y)).toDouble(),
                      ref.at(k, QStringLiteral("%1_t_%2").arg(QLatin1String(pool)).arg(y)).toDouble()));
            }
            for (const auto& [y1, y2] : periods) {
                const QString s = QStringLiteral("%1_%2").arg(y1).arg(y2);
                QVERIFY2(close(m_parcels.at(i, QStringLiteral("change_t_") + s).toDouble(),
                               ref.at(k, QStringLiteral("net_seq_t_") + s).toDouble()),
                         qPrintable(fid + QLatin1Char(' ') + s));
            }
        }
        // Wetlands Supplement Tier 1 on the restoration plots.
        const Csv plots = readCsv(out + QStringLiteral("/restoration_plots.csv"));
        const auto plotRow = indexBy(plots, QStringLiteral("fid"));
        const auto restoration =
          projectRows(QStringLiteral("mangrove_restoration"), QStringLiteral("bluecarbon"));
        QVERIFY(restoration.size() > 3);
        for (const auto& [fid, i] : restoration) {
            const std::size_t k = plotRow.at(fid);
            QVERIFY(
              m_parcels.at(i, QStringLiteral("method_detail")).startsWith(QStringLiteral("route=tier1")));
            for (int y : { 2015, 2018, 2021, 2024 })
                QVERIFY2(close(m_parcels.at(i, QStringLiteral("c_total_t_%1").arg(y)).toDouble(),
                               plots.at(k, QStringLiteral("stock_t_%1").arg(y)).toDouble()),
                         qPrintable(fid));
            for (const auto& [y1, y2] : periods) {
                const QString s = QStringLiteral("%1_%2").arg(y1).arg(y2);
                QVERIFY(close(m_parcels.at(i, QStringLiteral("change_t_") + s).toDouble(),
                              plots.at(k, QStringLiteral("net_seq_t_") + s).toDouble()));
            }
        }
    }

    void restorationSequestersAfterPlanting() {
        // Acceptance of issue 4: mangrove restoration plots show positive sequestration after planting
        // (and nothing before it).
        gis::VectorLayer l((m_sample + QStringLiteral("/vectors/mangrove_restoration.gpkg")).toStdString());
        const int yearField = l.fieldIndex(QStringLiteral("种植年份"));
        QVERIFY(yearField >= 0);
        std::map<QString, int> planted;
        gis::Feature f;
        l.resetReading();
        while (l.next(f))
            planted[QString::number(f.fid)] = f.attributes[std::size_t(yearField)].toInt();
        const auto rows = projectRows(QStringLiteral("mangrove_restoration"), QStringLiteral("bluecarbon"));
        int after = 0, before = 0;
        for (const auto& [fid, i] : rows) {
            const int year = planted.at(fid);
            for (const auto& [y1, y2] :
                 { std::pair{ 2015, 2018 }, std::pair{ 2018, 2021 }, std::pair{ 2021, 2024 } }) {
                const double change =
                  m_parcels.at(i, QStringLiteral("change_t_%1_%2").arg(y1).arg(y2)).toDouble();
                if (year < y2) {
                    QVERIFY2(change > 0,
                             qPrintable(QStringLiteral("%1 planted %2: %3").arg(fid).arg(year).arg(change)));
                    ++after;
                } else {
                    QCOMPARE(change, 0.0);
                    ++before;
                }
            }
            for (int y : { 2015, 2018, 2021, 2024 })
                if (y <= year)
                    QCOMPARE(m_parcels.at(i, QStringLiteral("c_total_t_%1").arg(y)).toDouble(), 0.0);
        }
        QVERIFY(after > 0);
        QVERIFY(before > 0);
    }

    void regressionMatchesMethodRegression() {
        // The sample's example coefficients (tagged example, sample-only) over the NDVI of the carbon years.
        const QString out = m_dir.filePath(QStringLiteral("regression"));
        QStringList args = { QStringLiteral("carbon"),
                             QStringLiteral("--method"),
                             QStringLiteral("regression"),
                             QStringLiteral("--coefficients"),
                             m_sample + QStringLiteral(
                                          "/parameters/carbon/regression_coefficients_sample_example.csv"),
                             QStringLiteral("--parcels"),
                             m_sample + QStringLiteral("/vectors/xiaoban.shp"),
                             QStringLiteral("--id"),
                             QStringLiteral("小班号"),
                             QStringLiteral("--out"),
                             out,
                             QStringLiteral("--quiet") };
        for (int y : { 2015, 2018, 2021, 2024 })
            args << QStringLiteral("--vi")
                 << QStringLiteral("%1/rasters/ndvi_%2.tif@%2").arg(m_sample).arg(y);
        const Run r = runCli(args + lulcArgs());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Csv ref = readCsv(out + QStringLiteral("/rs_parcels.csv"));
        const auto refRow = indexBy(ref, QStringLiteral("fid"));
        const auto rows = projectRows(QStringLiteral("xiaoban"), QStringLiteral("regression"));
        QVERIFY(rows.size() > 100);
        int compared = 0;
        for (const auto& [fid, i] : rows) {
            const std::size_t k = refRow.at(fid);
            for (int y : { 2015, 2018, 2021, 2024 }) {
                const QString mine = m_parcels.at(i, QStringLiteral("c_biomass_t_%1").arg(y));
                if (mine.isEmpty())
                    continue;
                QVERIFY2(close(mine.toDouble(), ref.at(k, QStringLiteral("carbon_%1_t").arg(y)).toDouble()),
                         qPrintable(fid));
                ++compared;
            }
            // The example rows are flagged wherever they are used.
            if (m_parcels.at(i, QStringLiteral("not_computed")).isEmpty())
                QVERIFY(m_parcels.at(i, QStringLiteral("flagged_parameters"))
                          .contains(QStringLiteral("(example)")));
        }
        QVERIFY(compared > 400);
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

    // Every primary method of the sample has a stock at every date (forest and clear-cut 小班: the
    // volume_gainloss route), so the per-date totals cover the same parcels and summary.csv needs no
    // like-for-like series; their differences are the changes.
    void likeForLikeStocks() {
        const Csv summary = readCsv(m_out1 + QStringLiteral("/summary.csv"));
        std::map<QString, double> v;
        for (std::size_t i = 0; i < summary.rows.size(); ++i)
            v[summary.at(i, QStringLiteral("quantity"))] = summary.at(i, QStringLiteral("value")).toDouble();
        QVERIFY(!v.count(QStringLiteral("parcels_all_dates")));
        QCOMPARE(v[QStringLiteral("parcels_2015")], v[QStringLiteral("parcels_2024")]);
        QVERIFY(close(v[QStringLiteral("c_total_t_2018")] - v[QStringLiteral("c_total_t_2015")],
                      v[QStringLiteral("change_t_2015_2018")]));
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
            // By type and district: primary rows only (each feature once); by method: every row.
            const bool byMethod = name == QLatin1String("totals_by_method.csv");
            // Totals count each parcel's accounted part (docs/carbon-project.md "Overlapping layers"):
            // parcels.csv's accounted_* columns, from the part's own coverage (accounted_rule coverage) or
            // the parcel's value × accounted_share.
            std::size_t rows = 0, coverage = 0;
            double sum2024 = 0, change = 0;
            for (std::size_t i = 0; i < m_parcels.rows.size(); ++i)
                if (byMethod || m_parcels.at(i, QStringLiteral("primary")) == QLatin1String("1")) {
                    ++rows;
                    sum2024 += m_parcels.at(i, QStringLiteral("accounted_c_total_t_2024")).toDouble();
                    change += m_parcels.at(i, QStringLiteral("accounted_change_t_2015_2018")).toDouble();
                    const QString rule = m_parcels.at(i, QStringLiteral("accounted_rule"));
                    coverage += rule == QLatin1String("coverage") ? 1 : 0;
                    if (rule != QLatin1String("coverage")) {
                        const double share = m_parcels.at(i, QStringLiteral("accounted_share")).toDouble();
                        QCOMPARE(m_parcels.at(i, QStringLiteral("accounted_c_total_t_2024")).toDouble(),
                                 m_parcels.at(i, QStringLiteral("c_total_t_2024")).toDouble() * share);
                    }
                }
            QVERIFY(coverage > 0); // the sample's partly overlapped wetland units, 小班, farm plots
            QCOMPARE(t.at(all, QStringLiteral("parcels")).toULongLong(), (unsigned long long)rows);
            QVERIFY(close(sum2024, t.at(all, QStringLiteral("c_total_t_2024")).toDouble()));
            QVERIFY(close(change, t.at(all, QStringLiteral("change_t_2015_2018")).toDouble()));
            if (!byMethod)
                QVERIFY(rows < m_parcels.rows.size());
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
                                  QStringLiteral("rasters/pools/c_density_2024.tif"),
                                  QStringLiteral("rasters/bluecarbon/cbc_stock_2024.tif"),
                                  QStringLiteral("rasters/regression/rs_carbon_2024.tif"),
                                  QStringLiteral("rasters/gainloss/transition_2021_2024.tif") })
            QVERIFY2(hashOf(m_out1 + QLatin1Char('/') + f) == hashOf(out2 + QLatin1Char('/') + f),
                     qPrintable(f));
    }

    void uncertaintyBounds() {
        // carbon.uncertainty in the project (200 iterations, seed 5, ±40 % for table values without
        // uncertainty columns); --seed on the command line overrides the project's seed.
        // Monte Carlo covers the pools, volume, soil and gain-loss methods (docs/uncertainty.md): the
        // project keeps only those (forest: volume, pools, gainloss; cropland: soil, pools; every other
        // type: pools), so that every total has bounds.
        QJsonObject root = projectJson();
        QJsonObject carbon = root.value(QStringLiteral("carbon")).toObject();
        QJsonObject methods = carbon.value(QStringLiteral("methods")).toObject();
        for (const QString& type : methods.keys()) {
            QJsonArray kept;
            const QJsonValue v = methods.value(type);
            const QJsonArray list = v.isArray() ? v.toArray() : QJsonArray{ v };
            for (const QJsonValue& e : list) {
                const QString m = e.toObject().value(QStringLiteral("method")).toString();
                // volume_gainloss: the forest route (a stock at every date; a volume-only forest fails
                // the ledger check, its stock lacking after the inventory year).
                if (m == QLatin1String("pools") || m == QLatin1String("volume") ||
                    m == QLatin1String("volume_gainloss") || m == QLatin1String("soil") ||
                    m == QLatin1String("gainloss"))
                    kept.append(e);
            }
            if (kept.isEmpty())
                kept.append(QJsonObject{ { QStringLiteral("method"), QStringLiteral("pools") } });
            methods.insert(type, kept);
        }
        carbon.insert(QStringLiteral("methods"), methods);
        carbon.insert(QStringLiteral("uncertainty"),
                      QJsonObject{ { QStringLiteral("iterations"), 200 },
                                   { QStringLiteral("seed"), 5 },
                                   { QStringLiteral("default_u_pct"), 40 } });
        root.insert(QStringLiteral("carbon"), carbon);
        const QString project = writeProject(root, QStringLiteral("mc.tanhui.json"));
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
        // Central values as in the run without uncertainty (same layer, feature and method).
        std::map<QString, QString> central;
        auto keyOf = [](const Csv& c, std::size_t i) {
            return c.at(i, QStringLiteral("layer")) + QLatin1Char('|') +
                   c.at(i, QStringLiteral("source_fid")) + QLatin1Char('|') +
                   c.at(i, QStringLiteral("method"));
        };
        for (std::size_t i = 0; i < m_parcels.rows.size(); ++i)
            central[keyOf(m_parcels, i)] = m_parcels.at(i, QStringLiteral("c_total_t_2015"));
        QVERIFY(!p.rows.empty());
        int pools = 0, volume = 0, soil = 0, gainloss = 0;
        for (std::size_t i = 0; i < p.rows.size(); ++i) {
            // Bounds around the central value for every computed stock.
            const QString method = p.at(i, QStringLiteral("method"));
            if (const auto it = central.find(keyOf(p, i)); it != central.end())
                QCOMPARE(p.at(i, QStringLiteral("c_total_t_2015")), it->second);
            // Gain-loss (no stocks): bounds of every change, first → last included.
            if (method == QLatin1String("gainloss") &&
                !p.at(i, QStringLiteral("change_t_2015_2024")).isEmpty()) {
                for (const char* pair : { "2015_2018", "2018_2021", "2021_2024", "2015_2024" })
                    QVERIFY2(!p.at(i, QStringLiteral("change_t_%1_p2_5").arg(QLatin1String(pair))).isEmpty(),
                             qPrintable(p.at(i, QStringLiteral("id"))));
                ++gainloss;
            }
            const QString total = p.at(i, QStringLiteral("c_total_t_2015"));
            if (total.isEmpty() || total.toDouble() <= 0)
                continue;
            const double lo = p.at(i, QStringLiteral("c_total_t_2015_p2_5")).toDouble();
            const double hi = p.at(i, QStringLiteral("c_total_t_2015_p97_5")).toDouble();
            QVERIFY2(lo < total.toDouble() && total.toDouble() < hi,
                     qPrintable(p.at(i, QStringLiteral("id"))));
            // Approach 1: the absolute half-width always; U in % only where it is at most 100 % (the
            // interval excludes 0; with the ±90 % defaults of wood density and BEF a volume stand's U can
            // exceed it, docs/uncertainty.md "Approach 1").
            QVERIFY(!p.at(i, QStringLiteral("c_total_t_2015_u95_t")).isEmpty());
            if (const QString u = p.at(i, QStringLiteral("c_total_t_2015_u95_pct")); !u.isEmpty())
                QVERIFY(u.toDouble() <= 100.0);
            pools += method == QLatin1String("pools");
            volume += method == QLatin1String("volume");
            soil += method == QLatin1String("soil");
            // A pools change with bounds, or (no class changed: 0 in every draw) blank bounds with a note.
            if (method == QLatin1String("pools") && !p.at(i, QStringLiteral("change_t_2015_2024")).isEmpty())
                QVERIFY(
                  !p.at(i, QStringLiteral("change_t_2015_2024_p2_5")).isEmpty() ||
                  (p.at(i, QStringLiteral("change_t_2015_2024")).toDouble() == 0 &&
                   p.at(i, QStringLiteral("bounds_note")).contains(QStringLiteral("no uncertainty source"))));
        }
        QVERIFY(pools > 0 && volume > 0 && soil > 0 && gainloss > 0);
        // District totals carry bounds (from per-iteration sums): the interval brackets the total and
        // is narrower than the sum of the parcels' intervals.
        const Csv d = readCsv(out1 + QStringLiteral("/totals_by_district.csv"));
        QVERIFY(d.has(QStringLiteral("c_total_t_2015_p2_5")) && d.has(QStringLiteral("bounds_note")));
        for (std::size_t i = 0; i < d.rows.size(); ++i) {
            const double t = d.at(i, QStringLiteral("c_total_t_2015")).toDouble();
            QVERIFY(d.at(i, QStringLiteral("c_total_t_2015_p2_5")).toDouble() < t);
            QVERIFY(t < d.at(i, QStringLiteral("c_total_t_2015_p97_5")).toDouble());
            // Stocks altered by the sample's land-use changes have bounds too (docs/uncertainty.md
            // "Land-use change"): every date and interval of every district, around the total, no note.
            const QString note = d.at(i, QStringLiteral("bounds_note"));
            QVERIFY2(note.isEmpty(), qPrintable(note));
            for (const char* q : { "c_total_t_2015",
                                   "c_total_t_2018",
                                   "c_total_t_2021",
                                   "c_total_t_2024",
                                   "change_t_2015_2018",
                                   "change_t_2018_2021",
                                   "change_t_2021_2024",
                                   "change_t_2015_2024" }) {
                const QString c = QString::fromLatin1(q);
                const QString lo = d.at(i, c + QStringLiteral("_p2_5"));
                const QString hi = d.at(i, c + QStringLiteral("_p97_5"));
                QVERIFY2(!lo.isEmpty() && !hi.isEmpty(), qPrintable(d.rows[i][0] + QLatin1Char(' ') + c));
                const double x = d.at(i, c).toDouble();
                QVERIFY2(lo.toDouble() <= x && x <= hi.toDouble(),
                         qPrintable(d.rows[i][0] + QLatin1Char(' ') + c));
            }
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
        const QString badProject = writeProject(root, QStringLiteral("mcbad.tanhui.json"));
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
        QJsonObject root = projectJson();
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
        // Only the forest route for forest here (the other methods are tested above; keeps it short). The
        // volume method alone would give forest a stock in 2015 only, which the ledger check refuses.
        QJsonObject methods = carbon.value(QStringLiteral("methods")).toObject();
        methods.insert(QStringLiteral("forest"),
                       QJsonObject{ { QStringLiteral("method"), QStringLiteral("volume_gainloss") },
                                    { QStringLiteral("bef_form"), QStringLiteral("constant") } });
        carbon.insert(QStringLiteral("methods"), methods);
        carbon.insert(QStringLiteral("layers"),
                      QJsonArray{ QJsonObject{
                        { QStringLiteral("layer"), QStringLiteral("xiaoban") },
                        { QStringLiteral("ecosystem_type_field"), QStringLiteral("ecosystem_type") } } });
        root.insert(QStringLiteral("carbon"), carbon);
        const QString pine = writeProject(root, QStringLiteral("pine.tanhui.json"));
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
                // (volume_gainloss also computes the clear_cut type; the forest row counts forest only)
                computedForest += p.at(i, QStringLiteral("method")) == QLatin1String("volume_gainloss") &&
                                  p.at(i, QStringLiteral("ecosystem_type")) == QLatin1String("forest");
                continue;
            }
            if (p.at(i, QStringLiteral("method")) != QLatin1String("volume_gainloss"))
                continue;
            ++notComputed;
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
        QJsonObject root = projectJson();
        QJsonObject carbon = root.value(QStringLiteral("carbon")).toObject();
        QJsonObject methods = carbon.value(QStringLiteral("methods")).toObject();
        methods.insert(QStringLiteral("marsh"),
                       QJsonObject{ { QStringLiteral("method"), QStringLiteral("invest") } });
        methods.remove(QStringLiteral("river"));
        carbon.insert(QStringLiteral("methods"), methods);
        root.insert(QStringLiteral("carbon"), carbon);
        const QString bad = writeProject(root, QStringLiteral("bad.tanhui.json"));
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

    void badMultiMethodProjectIsRejected() {
        QJsonObject root = projectJson();
        QJsonObject carbon = root.value(QStringLiteral("carbon")).toObject();
        QJsonObject methods = carbon.value(QStringLiteral("methods")).toObject();
        // A method listed twice, an unknown method inside a list, a bad option of a new method.
        methods.insert(QStringLiteral("cropland"),
                       QJsonArray{ QStringLiteral("soil"), QStringLiteral("soil") });
        methods.insert(QStringLiteral("forest"),
                       QJsonArray{ QStringLiteral("volume"), QStringLiteral("volumes") });
        methods.insert(QStringLiteral("marsh"),
                       QJsonObject{ { QStringLiteral("method"), QStringLiteral("bluecarbon") },
                                    { QStringLiteral("route"), QStringLiteral("tier2") } });
        carbon.insert(QStringLiteral("methods"), methods);
        root.insert(QStringLiteral("carbon"), carbon);
        const QString bad = writeProject(root, QStringLiteral("multi.tanhui.json"));
        const Run r = runCli({ QStringLiteral("carbon"),
                               QStringLiteral("--project"),
                               bad,
                               QStringLiteral("--out"),
                               m_dir.filePath(QStringLiteral("multi")) });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(bad), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("carbon.methods.cropland[1]")) &&
                   r.err.contains(QStringLiteral("listed twice")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("carbon.methods.forest[1]")) &&
                   r.err.contains(QStringLiteral("unknown method 'volumes'")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("carbon.methods.marsh.route")) &&
                   r.err.contains(QStringLiteral("auto, cbc or tier1")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("multi/parcels.csv"))));

        // The regression method without a coefficient table: no default, the key is named.
        QJsonObject root2 = projectJson();
        QJsonObject carbon2 = root2.value(QStringLiteral("carbon")).toObject();
        QJsonObject params = carbon2.value(QStringLiteral("parameters")).toObject();
        params.remove(QStringLiteral("regression"));
        carbon2.insert(QStringLiteral("parameters"), params);
        root2.insert(QStringLiteral("carbon"), carbon2);
        const QString noTable = writeProject(root2, QStringLiteral("notable.tanhui.json"));
        const Run r2 = runCli({ QStringLiteral("carbon"),
                                QStringLiteral("--project"),
                                noTable,
                                QStringLiteral("--out"),
                                m_dir.filePath(QStringLiteral("notable")) });
        QCOMPARE(r2.exitCode, 1);
        QVERIFY2(r2.err.contains(QStringLiteral("carbon.parameters.regression")), qPrintable(r2.err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("notable/parcels.csv"))));
    }
};

QTEST_GUILESS_MAIN(TestCliCarbonProject)
#include "tst_cli_carbon_project.moc"
