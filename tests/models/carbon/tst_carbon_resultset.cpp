// SPDX-License-Identifier: GPL-3.0-or-later
// The result set of a carbon project run (models/carbon/CarbonResultSet.h, issue 10): a hand-made project
// (two land covers, three overlapping parcel layers, one parcel outside the land cover, Monte Carlo
// bounds, a price) run in-process; the totals equal the sums of the parcels, every CSV written equals
// its table cell by cell, readResultSet round-trips, every input file is listed with its SHA-256, the
// parameter rows match parameters_used.csv, and the result set outlives the run.
#include "gis/Crs.h"
#include "gis/RasterWriter.h"
#include "gis/VectorWriter.h"
#include "models/analysis/ResultSet.h"
#include "models/carbon/CarbonProject.h"
#include "models/params/ParameterTable.h"
#include "models/project/Project.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

using namespace tanhui;
using namespace tanhui::models::carbon;
namespace analysis = tanhui::models::analysis;

namespace {

constexpr double kX = 500000, kY = 2499900; // lower-left corner of the land cover

gis::MultiPolygon rect(double x1, double y1, double x2, double y2) {
    gis::Ring r;
    r.xy = { kX + x1, kY + y1, kX + x2, kY + y1, kX + x2, kY + y2, kX + x1, kY + y2 };
    gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

/// Land cover 300 m × 100 m in 10 m cells (EPSG:32650), 2015 and 2024; a tagged pools table; three
/// parcel layers that overlap (restoration plot A, wetland units B1 B2, farm plots C and D, D outside
/// the land cover so not computed); grouping by the farm/wetland `zone` field; bounds and a price.
QString writeProject(const QTemporaryDir& dir) {
    const gis::Crs crs = gis::Crs::fromEpsg(32650);
    for (int year : { 2015, 2024 }) {
        gis::RasterSpec spec;
        spec.grid.originX = kX;
        spec.grid.originY = kY + 100;
        spec.grid.cellWidth = 10;
        spec.grid.cellHeight = 10;
        spec.grid.cols = 30;
        spec.grid.rows = 10;
        spec.crs = crs;
        spec.type = gis::RasterSpec::Type::Byte;
        spec.nodata = 255;
        spec.overviews = false;
        gis::RasterWriter w(dir.filePath(QStringLiteral("lc%1.tif").arg(year)).toStdString(), spec);
        std::vector<std::uint8_t> cells(300);
        for (int r = 0; r < 10; ++r)
            for (int c = 0; c < 30; ++c)
                cells[std::size_t(r * 30 + c)] = year == 2015 && c >= 10 ? 2 : 1;
        w.writeRows(1, 0, 10, cells.data());
        w.commit();
    }
    QFile pools(dir.filePath(QStringLiteral("pools.csv")));
    pools.open(QIODevice::WriteOnly);
    pools.write("lucode,lulc_name,c_above,c_below,c_soil,c_dead,u_pct,tag,source\n"
                "1,forest,10,2,50,1,20,verified,\"Survey 2020, plot means\"\n"
                "2,grass,4,1,30,0,20,secondary,IPCC 2006 Vol. 4 Table 6.4\n");
    pools.close();
    using F = gis::VectorField;
    const std::vector<F> fields = { { QStringLiteral("code"), F::Type::String },
                                    { QStringLiteral("zone"), F::Type::String } };
    auto layer = [&](const char* file, std::vector<std::pair<const char*, gis::MultiPolygon>> parcels) {
        std::vector<gis::VectorFeature> features;
        for (auto& [code, g] : parcels) {
            gis::VectorFeature f;
            f.values = { QString::fromLatin1(code),
                         QString::fromLatin1(code).left(1) == QLatin1String("C") ? QStringLiteral("north")
                                                                                 : QStringLiteral("south") };
            f.geometry = std::move(g);
            features.push_back(std::move(f));
        }
        gis::writePolygonLayer(
          dir.filePath(QString::fromLatin1(file) + QStringLiteral(".gpkg")).toStdString(),
          QString::fromLatin1(file),
          crs,
          fields,
          features);
    };
    layer("restore", { { "A", rect(0, 0, 100, 100) } });
    // B3 is a bow tie (self-intersecting): the reader repairs it into two triangles of 0.125 ha.
    gis::MultiPolygon bowTie;
    gis::Ring ring;
    ring.xy = { kX + 200, kY + 0, kX + 300, kY + 50, kX + 300, kY + 0, kX + 200, kY + 50 };
    bowTie.parts.push_back({ { ring } });
    layer("wet",
          { { "B1", rect(50, 0, 150, 100) }, { "B2", rect(150, 0, 200, 100) }, { "B3", std::move(bowTie) } });
    layer("farm", { { "C", rect(0, 50, 300, 100) }, { "D", rect(1000, 1000, 1100, 1100) } });
    const QString path = dir.filePath(QStringLiteral("rs.tanhui.json"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(R"({"format": "tanhui-project", "version": 1, "name": "rs", "crs": "EPSG:32650",
      "layers": [
        {"id": "lc2015", "kind": "raster", "role": "landcover", "path": "lc2015.tif", "year": 2015},
        {"id": "lc2024", "kind": "raster", "role": "landcover", "path": "lc2024.tif", "year": 2024},
        {"id": "farm", "kind": "vector", "role": "farmland_plots", "path": "farm.gpkg", "id_field": "code"},
        {"id": "wet", "kind": "vector", "role": "wetland_units", "path": "wet.gpkg", "id_field": "code"},
        {"id": "restore", "kind": "vector", "role": "restoration_plots", "path": "restore.gpkg", "id_field": "code"}
      ],
      "parameters": [{"name": "my_pools", "path": "pools.csv"}],
      "carbon": {"layers": [{"layer": "farm", "ecosystem_type": "c"}, {"layer": "wet", "ecosystem_type": "b"},
                            {"layer": "restore", "ecosystem_type": "a"}],
                 "parameters": {"pools": "my_pools"}, "methods": {"*": "pools"},
                 "grouping": {"name": "zone", "field": "zone"},
                 "valuation": {"price": 100, "discount": 3},
                 "uncertainty": {"iterations": 200, "seed": 7}}})");
    return path;
}

CarbonProjectRun runIn(const QTemporaryDir& dir, const QString& project) {
    CarbonProjectOptions options;
    options.outDir = dir.filePath(QStringLiteral("out")).toStdString();
    options.threads = 1;
    options.version = QStringLiteral("9.9.9-test");
    return runCarbonProject(models::Project::load(project), options);
}

QString sha256(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("<unreadable %1>").arg(path);
    return QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
}

/// A cell as the file holds it equals the table's value: the same number, or the same text.
bool sameCell(const QVariant& value, const QString& text) {
    if (value.isNull() || !value.isValid())
        return text.isEmpty();
    const int type = value.typeId();
    if (type == QMetaType::Double || type == QMetaType::Int || type == QMetaType::LongLong) {
        bool ok = false;
        const double d = text.toDouble(&ok);
        return ok && (d == value.toDouble() || (std::isnan(d) && std::isnan(value.toDouble())));
    }
    return value.toString() == text;
}

/// A value a CSV cell cannot tell from an empty one: null, or empty text.
bool isEmptyValue(const QVariant& v) {
    return v.isNull() || !v.isValid() || (v.typeId() == QMetaType::QString && v.toString().isEmpty());
}

/// Two values of a round-trip: both empty, equal as numbers when both are, else equal as text.
bool sameValue(const QVariant& a, const QVariant& b) {
    if (isEmptyValue(a) || isEmptyValue(b))
        return isEmptyValue(a) && isEmptyValue(b);
    bool okA = false, okB = false;
    const double da = a.toDouble(&okA), db = b.toDouble(&okB);
    if (okA && okB)
        return da == db;
    return a.toString() == b.toString();
}

bool near(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

class TestCarbonResultSet : public QObject {
    Q_OBJECT

private slots:
    void tablesTotalsAndFiles() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const CarbonProjectRun run = runIn(dir, writeProject(dir));
        QVERIFY2(!run.stopped, qPrintable(run.issues.empty() ? QString() : run.issues.front().toString()));
        const analysis::ResultSet& rs = run.resultSet;
        QCOMPARE(rs.analysis, QStringLiteral("carbon_project"));
        QStringList names;
        for (const analysis::Table& t : rs.tables)
            names << t.name;
        QCOMPARE(names,
                 QStringList({ "parcels",
                               "totals_by_ecosystem_type",
                               "totals_by_method",
                               "totals_by_zone",
                               "totals_by_pool",
                               "uncertainty_run",
                               "uncertainty_parameters",
                               "overlaps",
                               "parameters_used",
                               "summary",
                               "ledger_check" }));
        // Every column is described; quantities carry their unit.
        for (const analysis::Table& t : rs.tables) {
            QVERIFY2(!t.title.isEmpty() && !t.description.isEmpty(), qPrintable(t.name));
            for (const analysis::Column& c : t.columns) {
                QVERIFY2(!c.description.isEmpty(), qPrintable(t.name + QLatin1Char('.') + c.name));
                if (c.name.endsWith(QLatin1String("_ha")) || c.name.startsWith(QLatin1String("area_ha")))
                    QVERIFY2(c.unit == QLatin1String("ha"), qPrintable(t.name + QLatin1Char('.') + c.name));
                if (c.name.startsWith(QLatin1String("c_total_t_")) &&
                    !c.name.contains(QLatin1String("per_ha")) && !c.name.endsWith(QLatin1String("u95_pct")))
                    QVERIFY2(c.unit == QLatin1String("t C"), qPrintable(t.name + QLatin1Char('.') + c.name));
            }
        }
        QCOMPARE(rs.table(QStringLiteral("parcels"))->column(QStringLiteral("change_tco2e_2015_2024"))->unit,
                 QStringLiteral("t CO2e"));

        // The totals (accounted parts of the primary results) equal the sums of the parcel rows.
        const analysis::Table& parcels = *rs.table(QStringLiteral("parcels"));
        QCOMPARE(parcels.rowCount(), std::size_t(6));
        double area = 0, stock2015 = 0, stock2024 = 0, change = 0;
        std::size_t notComputed = 0;
        for (std::size_t r = 0; r < parcels.rowCount(); ++r) {
            if (!parcels.value(r, QStringLiteral("not_computed")).toString().isEmpty()) {
                ++notComputed;
                QCOMPARE(parcels.value(r, QStringLiteral("id")).toString(), QStringLiteral("D"));
            }
            if (parcels.number(r, QStringLiteral("primary")) != 1)
                continue;
            area += parcels.number(r, QStringLiteral("accounted_area_ha"));
            // The values the totals count (docs/carbon-project.md "Overlapping layers"): the accounted
            // part's, from its own coverage (accounted_rule coverage) or × accounted_share.
            auto add = [&](double& sum, const char* column) {
                const double v =
                  parcels.number(r, QStringLiteral("accounted_") + QString::fromLatin1(column));
                const double whole = parcels.number(r, QString::fromLatin1(column));
                QCOMPARE(std::isnan(v), std::isnan(whole));
                if (parcels.value(r, QStringLiteral("accounted_rule")).toString() !=
                    QLatin1String("coverage"))
                    QVERIFY(std::isnan(v) ||
                            v == whole * parcels.number(r, QStringLiteral("accounted_share")));
                if (!std::isnan(v))
                    sum += v;
            };
            add(stock2015, "c_total_t_2015");
            add(stock2024, "c_total_t_2024");
            add(change, "change_t_2015_2024");
        }
        QCOMPARE(notComputed, std::size_t(1));
        for (const char* name : { "totals_by_ecosystem_type", "totals_by_zone" }) {
            const analysis::Table& totals = *rs.table(QString::fromLatin1(name));
            const long long all = totals.findRow(totals.columns.front().name, QStringLiteral("all"));
            QVERIFY(all >= 0);
            QVERIFY2(near(totals.number(std::size_t(all), QStringLiteral("area_ha")), area), name);
            QVERIFY2(near(totals.number(std::size_t(all), QStringLiteral("c_total_t_2015")), stock2015),
                     name);
            QVERIFY2(near(totals.number(std::size_t(all), QStringLiteral("c_total_t_2024")), stock2024),
                     name);
            QVERIFY2(near(totals.number(std::size_t(all), QStringLiteral("change_t_2015_2024")), change),
                     name);
            double rowsArea = 0;
            for (std::size_t r = 0; r < totals.rowCount(); ++r)
                if (std::size_t(all) != r)
                    rowsArea += totals.number(r, QStringLiteral("area_ha"));
            QVERIFY2(near(rowsArea, area), name);
        }
        // Ellipsoidal: the union of A, B1, B2, C (2.5 ha), B3 (0.25 ha) and D (1 ha, not computed).
        QVERIFY2(std::abs(area - 3.75) < 0.01, qPrintable(QString::number(area)));
        const analysis::Table& summary = *rs.table(QStringLiteral("summary"));
        QVERIFY(near(summary.number(std::size_t(summary.findRow(QStringLiteral("quantity"),
                                                                QStringLiteral("c_total_t_2024"))),
                                    QStringLiteral("value")),
                     stock2024));
        QVERIFY(run.ledgerCheck.passed());
        QCOMPARE(rs.table(QStringLiteral("ledger_check"))->rowCount(), run.ledgerCheck.rows.size());

        // Stock by pool per date (issue 14): each pool equals Σ of the parcels' accounted <pool>_t_<y>, and
        // the pools add up to the date's stock of the totals (also a ledger row "pool_sum" per date).
        const analysis::Table& byPool = *rs.table(QStringLiteral("totals_by_pool"));
        QCOMPARE(byPool.rowCount(), std::size_t(2));
        const analysis::Table& byTypeTotals = *rs.table(QStringLiteral("totals_by_ecosystem_type"));
        const std::size_t allRow =
          std::size_t(byTypeTotals.findRow(QStringLiteral("ecosystem_type"), QStringLiteral("all")));
        int poolColumns = 0;
        for (std::size_t r = 0; r < byPool.rowCount(); ++r) {
            const int year = int(byPool.number(r, QStringLiteral("year")));
            double poolSum = 0;
            for (const analysis::Column& c : byPool.columns) {
                if (!c.name.endsWith(QLatin1String("_t")) || c.name == QLatin1String("c_total_t"))
                    continue;
                QCOMPARE(c.unit, QStringLiteral("t C"));
                poolColumns += r == 0 ? 1 : 0;
                const QString parcelColumn = c.name + QStringLiteral("_%1").arg(year);
                QVERIFY2(parcels.column(parcelColumn), qPrintable(parcelColumn));
                double fromParcels = 0;
                for (std::size_t p = 0; p < parcels.rowCount(); ++p) {
                    const double v = parcels.number(p, parcelColumn);
                    if (parcels.number(p, QStringLiteral("primary")) != 1 || std::isnan(v))
                        continue;
                    // A part computed from its own coverage has its own pools (the run's results are in
                    // the table's order); the others count × accounted_share.
                    const ParcelResult& pr = run.results()[p];
                    if (pr.accountedPart) {
                        const std::size_t i = std::size_t(pr.stock(year) - pr.stocks.data());
                        for (std::size_t j = 0; j < pr.stocks[i].pools.size(); ++j)
                            if (c.name == pr.stocks[i].pools[j].pool + QStringLiteral("_t"))
                                fromParcels += pr.countedPoolT(i, j);
                        continue;
                    }
                    fromParcels += v * parcels.number(p, QStringLiteral("accounted_share"));
                }
                QVERIFY2(near(byPool.number(r, c.name), fromParcels), qPrintable(parcelColumn));
                poolSum += byPool.number(r, c.name);
            }
            QVERIFY(near(poolSum, byPool.number(r, QStringLiteral("c_total_t"))));
            QVERIFY2(near(poolSum, byTypeTotals.number(allRow, QStringLiteral("c_total_t_%1").arg(year))),
                     qPrintable(QString::number(year)));
        }
        QVERIFY(poolColumns >= 2); // the pools method gives above, below, soil, dead
        int poolChecks = 0;
        for (const LedgerCheckRow& row : run.ledgerCheck.rows)
            poolChecks += row.check == QLatin1String("pool_sum") ? 1 : 0;
        QCOMPARE(poolChecks, 2);

        // Every CSV written equals its table, cell by cell; the manifest is there.
        const QDir out(dir.filePath(QStringLiteral("out")));
        for (const analysis::Table& t : rs.tables) {
            QFile f(out.filePath(t.name + QStringLiteral(".csv")));
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
            models::params::CsvReader reader(f.readAll());
            QVERIFY(reader.next());
            QStringList header;
            for (const analysis::Column& c : t.columns)
                header << c.name;
            QCOMPARE(reader.fields(), header);
            std::size_t row = 0;
            while (reader.next()) {
                QVERIFY2(row < t.rowCount(), qPrintable(t.name));
                for (std::size_t c = 0; c < t.columns.size(); ++c)
                    QVERIFY2(
                      sameCell(t.value(row, int(c)), reader.field(int(c))),
                      qPrintable(
                        QStringLiteral("%1 row %2 %3: %4 vs %5")
                          .arg(t.name)
                          .arg(row)
                          .arg(t.columns[c].name, t.value(row, int(c)).toString(), reader.field(int(c)))));
                ++row;
            }
            QCOMPARE(row, t.rowCount());
        }
        QVERIFY(QFileInfo::exists(out.filePath(QStringLiteral("parcels.gpkg"))));
        QVERIFY(run.files.contains(out.absoluteFilePath(QStringLiteral("resultset.json"))));
        QVERIFY(rs.files.contains(QStringLiteral("parcels.csv")));
        QVERIFY(rs.files.contains(QStringLiteral("rasters/pools/c_density_2015.tif")));

        // readResultSet round-trips tables, columns, units, descriptions and values.
        const analysis::ResultSet back = analysis::readResultSet(out.path().toStdString());
        QCOMPARE(back.analysis, rs.analysis);
        QCOMPARE(back.tables.size(), rs.tables.size());
        for (std::size_t i = 0; i < rs.tables.size(); ++i) {
            const analysis::Table& a = rs.tables[i];
            const analysis::Table& b = back.tables[i];
            QCOMPARE(b.name, a.name);
            QCOMPARE(b.title, a.title);
            QCOMPARE(b.columns.size(), a.columns.size());
            for (std::size_t c = 0; c < a.columns.size(); ++c) {
                QCOMPARE(b.columns[c].name, a.columns[c].name);
                QCOMPARE(b.columns[c].unit, a.columns[c].unit);
                QCOMPARE(b.columns[c].description, a.columns[c].description);
                QCOMPARE(int(b.columns[c].type), int(a.columns[c].type));
            }
            QCOMPARE(b.rowCount(), a.rowCount());
            for (std::size_t r = 0; r < a.rowCount(); ++r)
                for (std::size_t c = 0; c < a.columns.size(); ++c)
                    QVERIFY2(
                      sameValue(a.value(r, int(c)), b.value(r, int(c))),
                      qPrintable(
                        QStringLiteral("%1 row %2 column %3").arg(a.name).arg(r).arg(a.columns[c].name)));
        }
        QCOMPARE(back.provenance.inputs.size(), rs.provenance.inputs.size());
        QCOMPARE(back.provenance.parameters.size(), rs.provenance.parameters.size());
        QCOMPARE(back.messages.size(), rs.messages.size());
    }

    void provenanceAndMessages() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString projectFile = writeProject(dir);
        const CarbonProjectRun run = runIn(dir, projectFile);
        QVERIFY(!run.stopped);
        const analysis::Provenance& p = run.resultSet.provenance;
        QCOMPARE(p.analysis, QStringLiteral("carbon_project"));
        QCOMPARE(p.version, QStringLiteral("9.9.9-test"));
        QCOMPARE(p.threads, 1);
        QVERIFY(p.started.isValid() && p.finished.isValid() && p.started <= p.finished);
        QCOMPARE(QFileInfo(p.projectFile).canonicalFilePath(), QFileInfo(projectFile).canonicalFilePath());

        // Every input file with the SHA-256 QCryptographicHash computes, its role, id and dates.
        struct Expected {
            const char* file;
            const char* role;
            const char* id;
            const char* dates;
        };
        const Expected expected[] = { { "farm.gpkg", "farmland_plots", "farm", "" },
                                      { "wet.gpkg", "wetland_units", "wet", "" },
                                      { "restore.gpkg", "restoration_plots", "restore", "" },
                                      { "lc2015.tif", "landcover", "lc2015", "2015" },
                                      { "lc2024.tif", "landcover", "lc2024", "2024" },
                                      { "pools.csv", "parameters:pools", "my_pools", "" } };
        QCOMPARE(p.inputs.size(), std::size(expected));
        for (const Expected& e : expected) {
            const QString path = QFileInfo(dir.filePath(QString::fromLatin1(e.file))).absoluteFilePath();
            const auto it = std::find_if(p.inputs.begin(),
                                         p.inputs.end(),
                                         [&](const analysis::InputRecord& in) { return in.path == path; });
            QVERIFY2(it != p.inputs.end(), e.file);
            QCOMPARE(it->role, QString::fromLatin1(e.role));
            QCOMPARE(it->id, QString::fromLatin1(e.id));
            QCOMPARE(it->dates, QString::fromLatin1(e.dates));
            QVERIFY(!it->files.empty());
            QCOMPARE(it->files.front().path, path);
            QCOMPARE(it->files.front().sha256, sha256(path));
            QCOMPARE(it->files.front().bytes, QFileInfo(path).size());
            if (it->kind != QLatin1String("table"))
                QVERIFY2(it->crs.startsWith(QLatin1String("EPSG:32650")), qPrintable(it->crs));
        }

        // The parameter rows are those of parameters_used.csv, with the source and values of each row.
        QFile used(dir.filePath(QStringLiteral("out/parameters_used.csv")));
        QVERIFY(used.open(QIODevice::ReadOnly));
        models::params::CsvReader reader(used.readAll());
        QVERIFY(reader.next());
        QCOMPARE(reader.fields(), QStringList({ "file", "row", "key", "tag", "flagged", "parcels" }));
        std::size_t i = 0;
        while (reader.next()) {
            QVERIFY(i < p.parameters.size());
            const analysis::ParameterRecord& r = p.parameters[i++];
            QCOMPARE(r.file, reader.field(0));
            QCOMPARE(QString::number(r.row), reader.field(1));
            QCOMPARE(r.key, reader.field(2));
            QCOMPARE(r.tag, reader.field(3));
            QCOMPARE(r.flagged ? QStringLiteral("1") : QStringLiteral("0"), reader.field(4));
            QCOMPARE(QString::number(r.uses), reader.field(5));
            QCOMPARE(r.table, QStringLiteral("pools"));
        }
        QCOMPARE(i, p.parameters.size());
        QCOMPARE(i, std::size_t(2));
        QCOMPARE(p.parameters[0].source, QStringLiteral("Survey 2020, plot means"));
        QVERIFY2(p.parameters[0].values.contains(QLatin1String("c_above=10")),
                 qPrintable(p.parameters[0].values));
        QVERIFY(!p.parameters[0].flagged);
        QCOMPARE(p.parameters[1].source, QStringLiteral("IPCC 2006 Vol. 4 Table 6.4"));
        QVERIFY(p.parameters[1].flagged);

        // Settings that shape the result.
        auto setting = [&](const char* key) -> QString {
            for (const analysis::Provenance::Setting& s : p.settings)
                if (s.key == QLatin1String(key))
                    return s.value;
            return QStringLiteral("<missing %1>").arg(QLatin1String(key));
        };
        QCOMPARE(setting("carbon.years"), QStringLiteral("2015, 2024"));
        QCOMPARE(setting("carbon.precedence"), QStringLiteral("restore, wet, farm"));
        QCOMPARE(setting("carbon.methods.*"), QStringLiteral("pools"));
        QCOMPARE(setting("carbon.uncertainty.iterations"), QStringLiteral("200"));
        QCOMPARE(setting("carbon.uncertainty.seed"), QStringLiteral("7"));
        QCOMPARE(setting("carbon.valuation.price"), QStringLiteral("100"));
        QCOMPARE(setting("carbon.valuation.discount_pct"), QStringLiteral("3"));
        QCOMPARE(setting("threads"), QStringLiteral("1"));

        // Messages: the run's warnings (the overlap), the parcel not computed with its reason, the repair.
        bool overlap = false, notComputed = false, repaired = false;
        for (const analysis::Message& m : run.resultSet.messages) {
            overlap = overlap || (m.field == QLatin1String("carbon.precedence") &&
                                  m.level == analysis::Message::Level::Warning);
            notComputed =
              notComputed || (m.feature == QLatin1String("D") && m.field == QLatin1String("not_computed") &&
                              m.text.contains(QLatin1String("no land-cover data")));
            repaired = repaired ||
                       (m.feature == QLatin1String("B3") && m.field == QLatin1String("geometry_repaired") &&
                        m.level == analysis::Message::Level::Info);
        }
        QVERIFY(overlap);
        QVERIFY(notComputed);
        const analysis::Table& parcels = *run.resultSet.table(QStringLiteral("parcels"));
        const long long b3 = parcels.findRow(QStringLiteral("id"), QStringLiteral("B3"));
        QVERIFY(b3 >= 0);
        QCOMPARE(parcels.number(std::size_t(b3), QStringLiteral("geometry_repaired")), 1.0);
        QVERIFY(repaired);
    }

    void outlivesTheRun() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        analysis::ResultSet rs;
        std::vector<QString> ids;
        {
            CarbonProjectRun run = runIn(dir, writeProject(dir));
            QVERIFY(!run.stopped);
            for (const ParcelResult& r : run.results())
                ids.push_back(r.id);
            CarbonProjectRun moved = std::move(run);
            rs = moved.resultSet;
        } // the run is gone; the lazy parcels table shares its results
        const analysis::Table& parcels = *rs.table(QStringLiteral("parcels"));
        QCOMPARE(parcels.rowCount(), ids.size());
        for (std::size_t r = 0; r < ids.size(); ++r)
            QCOMPARE(parcels.value(r, QStringLiteral("id")).toString(), ids[r]);
        QVERIFY(parcels.number(0, QStringLiteral("area_ha")) > 0);
    }
};

QTEST_GUILESS_MAIN(TestCarbonResultSet)
#include "tst_carbon_resultset.moc"
