// SPDX-License-Identifier: GPL-3.0-or-later
// The project ledger (models/carbon/ProjectLedger.h, docs/carbon-project.md "Overlapping layers" and
// "Ledger check"): three parcel layers of squares in UTM 50N overlapping by known areas, run by the pool
// method on a hand-made land cover; accounted areas, totals over accounted parts, union area, overlaps
// and a changed precedence against hand-computed values; Monte Carlo bounds scaled like the totals;
// carbon.precedence validation; the ledger check failing on deliberately inconsistent totals.
#include "gis/Crs.h"
#include "gis/RasterWriter.h"
#include "gis/VectorLayer.h"
#include "gis/VectorWriter.h"
#include "models/carbon/CarbonProject.h"
#include "models/carbon/CarbonResult.h"
#include "models/carbon/ProjectLedger.h"
#include "models/project/Project.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace tanhui;
using namespace tanhui::models::carbon;

namespace {

constexpr double kX = 500000, kY = 2499900; // lower-left corner of the land cover

gis::MultiPolygon rect(double x1, double y1, double x2, double y2) {
    gis::Ring r;
    r.xy = { kX + x1, kY + y1, kX + x2, kY + y1, kX + x2, kY + y2, kX + x1, kY + y2 };
    gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

std::vector<QStringList> readCsv(const QString& path) {
    QFile f(path);
    std::vector<QStringList> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            rows.push_back(QString::fromUtf8(line.trimmed()).split(QLatin1Char(',')));
    return rows;
}

QString cellOf(const std::vector<QStringList>& rows, const QString& key, const QString& column) {
    const qsizetype c = rows.front().indexOf(column);
    for (const QStringList& r : rows)
        if (!r.isEmpty() && r[0] == key && c >= 0 && c < r.size())
            return r[c];
    return QStringLiteral("<none: %1 %2>").arg(key, column);
}

bool near(double a, double b, double rel = 2e-3) {
    return std::abs(a - b) <= rel * std::max(1.0, std::abs(b));
}

/// Land cover 300 m × 100 m in 10 m cells (EPSG:32650): 2015 class 1 left of x = 100 m, class 2 right;
/// 2024 all class 1. Pools: class 1 63 t C/ha, class 2 35 t C/ha (u_pct 20 for Monte Carlo).
/// Layers (x, y in m from the lower-left corner):
///   restore (restoration_plots, type a): A  [0,100] × [0,100]              1 ha
///   wet (wetland_units, type b):        B1 [50,150] × [0,100], B2 [150,200] × [0,100]  1 + 0.5 ha
///   farm (farmland_plots, type c):      C  [0,300] × [50,100]               1.5 ha
/// Overlaps: A∩B 0.5 ha, A∩C 0.5 ha, B∩C 0.75 ha; union 2.5 ha, the layers sum to 4 ha.
using Plots = std::vector<std::pair<const char*, gis::MultiPolygon>>;
/// Land cover class of cell (column c, row r from the top) in `year`.
using CoverOf = int (*)(int year, int c, int r);
int defaultCover(int year, int c, int) {
    return year == 2015 && c >= 10 ? 2 : 1;
}

QString writeProject(const QTemporaryDir& dir,
                     const QByteArray& extra,
                     CoverOf cover = &defaultCover,
                     Plots restore = {},
                     Plots wet = {},
                     Plots farm = {}) {
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
                cells[std::size_t(r * 30 + c)] = std::uint8_t(cover(year, c, r));
        w.writeRows(1, 0, 10, cells.data());
        w.commit();
    }
    QFile pools(dir.filePath(QStringLiteral("pools.csv")));
    pools.open(QIODevice::WriteOnly);
    pools.write("lucode,c_above,c_below,c_soil,c_dead,u_pct\n1,10,2,50,1,20\n2,4,1,30,0,20\n");
    pools.close();
    using F = gis::VectorField;
    const std::vector<F> fields = { { QStringLiteral("code"), F::Type::String } };
    auto layer = [&](const char* file, std::vector<std::pair<const char*, gis::MultiPolygon>> parcels) {
        std::vector<gis::VectorFeature> features;
        for (auto& [code, g] : parcels) {
            gis::VectorFeature f;
            f.values = { QString::fromLatin1(code) };
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
    if (restore.empty() && wet.empty() && farm.empty()) {
        restore = { { "A", rect(0, 0, 100, 100) } };
        wet = { { "B1", rect(50, 0, 150, 100) }, { "B2", rect(150, 0, 200, 100) } };
        farm = { { "C", rect(0, 50, 300, 100) } };
    }
    layer("restore", std::move(restore));
    layer("wet", std::move(wet));
    layer("farm", std::move(farm));
    const QString path = dir.filePath(QStringLiteral("ledger.tanhui.json"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    // The farm layer comes first in the project: the default precedence follows the roles, not this.
    f.write(R"({"format": "tanhui-project", "version": 1, "name": "ledger", "crs": "EPSG:32650",
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
                 "parameters": {"pools": "my_pools"}, "methods": {"*": "pools"})" +
            extra + "}}");
    return path;
}

CarbonProjectRun run(const QTemporaryDir& dir, const QString& path) {
    const models::Project project = models::Project::load(path);
    CarbonProjectOptions options;
    options.outDir = dir.filePath(QStringLiteral("out")).toStdString();
    options.threads = 1;
    return runCarbonProject(project, options);
}

const ResultTotals* row(const std::vector<ResultTotals>& rows, const char* key) {
    for (const ResultTotals& t : rows)
        if (t.key == QLatin1String(key))
            return &t;
    return nullptr;
}

} // namespace

class TstCarbonLedger : public QObject {
    Q_OBJECT

private slots:
    void defaultPrecedenceByRole() {
        QTemporaryDir dir;
        const CarbonProjectRun r = run(dir, writeProject(dir, {}));
        QVERIFY2(!r.stopped, qPrintable(r.issues.empty() ? QString() : r.issues.front().toString()));
        QVERIFY(r.ledger);
        QCOMPARE(r.ledger->order, QStringList({ "restore", "wet", "farm" }));
        std::map<QString, const ParcelResult*> byId;
        for (const ParcelResult& p : r.results())
            byId[p.id] = &p;
        // Accounted parts: A whole; B1 [100,150] × [0,100]; B2 whole; C [200,300] × [50,100].
        QCOMPARE(byId.at("A")->accountedShare(), 1.0);
        QVERIFY(near(byId.at("B1")->accountedShare(), 0.5, 1e-6));
        QCOMPARE(byId.at("B2")->accountedShare(), 1.0);
        QVERIFY(near(byId.at("C")->accountedShare(), 1.0 / 3.0, 1e-6));
        QVERIFY(near(byId.at("C")->areaHa, 1.5));
        QVERIFY(near(byId.at("C")->accountedArea(), 0.5));
        // Totals: union 2.5 ha (the layers sum to 4 ha). Stocks of the accounted parts, computed by the
        // pool method from their own coverage: 2015 A 63, B1's [100,150] class 2 17.5, B2 17.5, C's
        // [200,300] class 2 17.5 = 115.5 t C; 2024 A 63, B1 31.5, B2 31.5, C 31.5 = 157.5 t C; change
        // 42 t C (the mean-density rule gave B1 49 × 0.5, C 66.5 / 3: 127.1667 and 30.3333).
        const ResultTotals all = totalOf(r.results());
        QVERIFY(near(all.areaHa, 2.5));
        QVERIFY(near(all.fullAreaHa, 4.0));
        QVERIFY(near(r.ledger->unionHa, 2.5));
        QVERIFY(near(r.ledger->summedHa, 4.0));
        QVERIFY(near(all.stocks[0].totalT, 115.5));
        QVERIFY(near(all.stocks[1].totalT, 157.5));
        QVERIFY(near(all.changes.back().changeT, 42.0));
        const std::vector<ResultTotals> byType = totalsBy(r.results(), TotalsKey::EcosystemType);
        QVERIFY(near(row(byType, "c")->areaHa, 0.5));
        QVERIFY(near(row(byType, "c")->stocks[0].totalT, 17.5));
        QVERIFY(near(row(byType, "b")->stocks[0].totalT, 17.5 + 17.5));
        // Overlaps: A∩B 0.5, A∩C 0.5, B∩C 0.75 ha, named in the warning.
        QCOMPARE(r.ledger->overlaps.size(), std::size_t(3));
        QCOMPARE(r.ledger->overlaps[0].higher, QStringLiteral("restore"));
        QCOMPARE(r.ledger->overlaps[0].lower, QStringLiteral("wet"));
        QVERIFY(near(r.ledger->overlaps[0].areaHa, 0.5));
        QVERIFY(near(r.ledger->overlaps[1].areaHa, 0.5));
        QVERIFY(near(r.ledger->overlaps[2].areaHa, 0.75));
        bool warned = false;
        for (const auto& i : r.issues)
            warned = warned || (!i.isError() && i.message.contains(QStringLiteral("wet ∩ farm: 0.75 ha")));
        QVERIFY(warned);
        // Files: overlaps.csv, parcels.csv with both areas, totals with the accounted area, the check.
        const QString out = dir.filePath(QStringLiteral("out/"));
        const auto overlaps = readCsv(out + QStringLiteral("overlaps.csv"));
        QCOMPARE(overlaps.front(), QStringList({ "higher_layer", "lower_layer", "overlap_ha" }));
        QVERIFY(
          near(cellOf(overlaps, QStringLiteral("union"), QStringLiteral("overlap_ha")).toDouble(), 2.5));
        const auto parcels = readCsv(out + QStringLiteral("parcels.csv"));
        QVERIFY(parcels.front().contains(QStringLiteral("accounted_area_ha")));
        QVERIFY(parcels.front().contains(QStringLiteral("accounted_share")));
        const auto totals = readCsv(out + QStringLiteral("totals_by_ecosystem_type.csv"));
        QVERIFY(near(cellOf(totals, QStringLiteral("all"), QStringLiteral("area_ha")).toDouble(), 2.5));
        QVERIFY(near(cellOf(totals, QStringLiteral("all"), QStringLiteral("area_full_ha")).toDouble(), 4.0));
        QVERIFY(r.ledgerCheck.passed());
        const auto check = readCsv(out + QStringLiteral("ledger_check.csv"));
        QVERIFY(check.size() > 10);
        QCOMPARE(cellOf(check, QStringLiteral("union_area"), QStringLiteral("passed")), QStringLiteral("1"));
        int stockChange = 0;
        for (const QStringList& line : check)
            stockChange += line[0] == QLatin1String("stock_change") ? 1 : 0;
        QCOMPARE(stockChange, 4); // a, b, c and all over 2015-2024
    }

    void changedPrecedence() {
        QTemporaryDir dir;
        const CarbonProjectRun r =
          run(dir, writeProject(dir, R"(, "precedence": ["farm", "restore", "wet"])"));
        QVERIFY2(!r.stopped, qPrintable(r.issues.empty() ? QString() : r.issues.front().toString()));
        QCOMPARE(r.ledger->order, QStringList({ "farm", "restore", "wet" }));
        const std::vector<ResultTotals> byType = totalsBy(r.results(), TotalsKey::EcosystemType);
        // C whole (1.5 ha, 66.5 t C in 2015); A keeps [0,100] × [0,50] (0.5 ha, 31.5 t C); B1 keeps
        // [100,150] × [0,50] (0.25 ha of class 2: 8.75 t C, not the mean-density 49 / 4), B2
        // [150,200] × [0,50] (17.5 / 2).
        QVERIFY(near(row(byType, "c")->areaHa, 1.5));
        QVERIFY(near(row(byType, "c")->stocks[0].totalT, 66.5));
        QVERIFY(near(row(byType, "a")->stocks[0].totalT, 31.5));
        QVERIFY(near(row(byType, "b")->stocks[0].totalT, 8.75 + 17.5 / 2));
        // The union does not depend on the order.
        QVERIFY(near(totalOf(r.results()).areaHa, 2.5));
        QVERIFY(r.ledgerCheck.passed());
    }

    void monteCarloBoundsScaled() {
        QTemporaryDir dir;
        const CarbonProjectRun r =
          run(dir, writeProject(dir, R"(, "uncertainty": {"iterations": 400, "seed": 7})"));
        QVERIFY2(!r.stopped, qPrintable(r.issues.empty() ? QString() : r.issues.front().toString()));
        QVERIFY(r.uncertainty);
        // Type c counts C's accounted part (0.5 ha of class 2): its bounds surround 17.5 t C, not C's
        // whole 66.5.
        const ResultTotals* c = row(r.uncertainty->by.at(TotalsKey::EcosystemType), "c");
        QVERIFY(c && c->stocks[0].bounds);
        const Bounds& b = *c->stocks[0].bounds;
        QVERIFY2(b.p2_5 < 17.5 && 17.5 < b.p97_5,
                 qPrintable(QStringLiteral("%1 %2").arg(b.p2_5).arg(b.p97_5)));
        QVERIFY(b.p97_5 < 40);
        QVERIFY(near(b.p50, 17.5, 0.1));
        const ResultTotals& all = r.uncertainty->total;
        QVERIFY(all.stocks[0].bounds);
        QVERIFY(all.stocks[0].bounds->p2_5 < all.stocks[0].totalT);
        QVERIFY(all.stocks[0].totalT < all.stocks[0].bounds->p97_5);
        QVERIFY(near(all.stocks[0].bounds->p50, 115.5, 0.1));
        QVERIFY(r.ledgerCheck.passed());
    }

    /// Land-cover change concentrated inside or outside the overlap (docs/carbon-project.md "Overlapping
    /// layers"): 2015 all class 2 (35 t C/ha); 2024 class 1 (63 t C/ha) on [0,100] (a mangrove planting)
    /// and [250,300]. Restoration plots P [0,100] and P2 [200,230] (× [0,100]) lie in the wetland units
    /// W1 [0,200] and W2 [200,300]: W1's whole change (1 ha × 28 = 28 t C) lies inside P, so W1 counts
    /// 0 (the share rule: 14); W2's (0.5 ha × 28 = 14 t C) lies outside P2, so W2 counts 14 (the share
    /// rule: × 0.7 = 9.8). The farm plot F [120,140] × [0,20] lies inside W1: nothing of it counts. The
    /// ground changed on 1.5 ha: the total change is 42 t C, once.
    void changeInsideOrOutsideTheOverlap() {
        auto cover = [](int year, int c, int) { return year == 2024 && (c < 10 || c >= 25) ? 1 : 2; };
        for (const bool mc : { false, true }) {
            QTemporaryDir dir;
            const QByteArray extra = mc ? R"(, "uncertainty": {"iterations": 500, "seed": 11})" : "";
            const CarbonProjectRun r =
              run(dir,
                  writeProject(dir,
                               extra,
                               cover,
                               { { "P", rect(0, 0, 100, 100) }, { "P2", rect(200, 0, 230, 100) } },
                               { { "W1", rect(0, 0, 200, 100) }, { "W2", rect(200, 0, 300, 100) } },
                               { { "F", rect(120, 0, 140, 20) } }));
            QVERIFY2(!r.stopped, qPrintable(r.issues.empty() ? QString() : r.issues.front().toString()));
            std::map<QString, const ParcelResult*> byId;
            for (const ParcelResult& p : r.results())
                byId[p.id] = &p;
            const ParcelResult& w1 = *byId.at("W1");
            const ParcelResult& w2 = *byId.at("W2");
            QVERIFY(near(w1.accountedShare(), 0.5, 1e-6));
            QVERIFY(near(w2.accountedShare(), 0.7, 1e-6));
            // parcels.csv's existing columns keep the whole parcel: W1 changes by 28 t C.
            QVERIFY(near(w1.change(2015, 2024)->changeT, 28.0));
            QVERIFY(near(w2.change(2015, 2024)->changeT, 14.0));
            // The accounted parts, from their own coverage.
            QVERIFY(w1.accountedPart && w2.accountedPart);
            QVERIFY(!byId.at("P")->accountedPart);
            QVERIFY(!byId.at("F")->accountedPart);
            QCOMPARE(byId.at("F")->accountedShare(), 0.0);
            QVERIFY(std::abs(w1.countedChangeT(0)) < 1e-9);
            QVERIFY(near(w2.countedChangeT(0), 14.0));
            QVERIFY(near(w1.countedStockT(0), 35.0)); // [100,200]: 1 ha of class 2
            QVERIFY(near(w1.countedStockAreaHa(0), 1.0));
            QVERIFY(near(w2.countedStockT(1), 0.2 * 35 + 0.5 * 63)); // [230,300] in 2024
            const ResultTotals all = totalOf(r.results());
            QVERIFY(near(all.areaHa, 3.0));
            QVERIFY(near(all.stocks[0].totalT, 105.0));
            QVERIFY(near(all.stocks[1].totalT, 147.0));
            QVERIFY(near(all.changes.back().changeT, 42.0));
            const std::vector<ResultTotals> byType = totalsBy(r.results(), TotalsKey::EcosystemType);
            QVERIFY2(near(row(byType, "b")->changes.back().changeT, 14.0),
                     qPrintable(QString::number(row(byType, "b")->changes.back().changeT))); // W1 0 + W2 14
            QVERIFY(near(row(byType, "a")->changes.back().changeT, 28.0));
            // parcels.csv: the accounted values add up to the totals; the rule per row.
            const auto parcels = readCsv(dir.filePath(QStringLiteral("out/parcels.csv")));
            const qsizetype idCol = parcels.front().indexOf(QStringLiteral("id"));
            const qsizetype ruleCol = parcels.front().indexOf(QStringLiteral("accounted_rule"));
            const qsizetype changeCol =
              parcels.front().indexOf(QStringLiteral("accounted_change_t_2015_2024"));
            const qsizetype vegetationCol =
              parcels.front().indexOf(QStringLiteral("accounted_vegetation_change_t_2015_2024"));
            QVERIFY(idCol >= 0 && ruleCol >= 0 && changeCol >= 0 && vegetationCol >= 0);
            double sum = 0;
            std::map<QString, QString> rule;
            std::map<QString, double> vegetation;
            for (std::size_t i = 1; i < parcels.size(); ++i) {
                // The accounted columns come last (bounds notes before them may hold quoted commas).
                const QStringList& line = parcels[i];
                sum += line[line.size() - (parcels.front().size() - changeCol)].toDouble();
                rule[line[idCol]] = line[line.size() - (parcels.front().size() - ruleCol)];
                vegetation[line[idCol]] =
                  line[line.size() - (parcels.front().size() - vegetationCol)].toDouble();
            }
            QVERIFY2(near(sum, 42.0), qPrintable(QString::number(sum)));
            // The part's vegetation pools (c_above + c_below + c_dead, GEP's O2 base): W2's [230, 300] goes
            // from 0.7 ha of class 2 (5 t C/ha) to 0.2 ha of class 2 and 0.5 ha of class 1 (13 t C/ha):
            // 3.5 → 7.5, +4 t C (the share rule would give 0.7 × 4 = 2.8); W1's part stays class 2: 0.
            QVERIFY2(near(vegetation["W2"], 4.0), qPrintable(QString::number(vegetation["W2"])));
            QVERIFY(std::abs(vegetation["W1"]) < 1e-9);
            QCOMPARE(rule["W1"], QStringLiteral("coverage"));
            QCOMPARE(rule["P"], QStringLiteral("whole"));
            QCOMPARE(rule["F"], QStringLiteral("share"));
            QVERIFY(r.ledgerCheck.passed());
            QVERIFY(r.ledger->partResults == 2);
            if (!mc)
                continue;
            // Monte Carlo: the same ground. Bounds of the total change surround 42 t C (the share rule's
            // 51.8 lies outside the ±20 % pool uncertainty of 42 only at the median: check the median).
            QVERIFY(r.uncertainty);
            const ResultTotals& u = r.uncertainty->total;
            QVERIFY(u.changes.back().bounds && u.stocks[0].bounds && u.stocks[1].bounds);
            const Bounds& ch = *u.changes.back().bounds;
            QVERIFY2(ch.p2_5 < 42.0 && 42.0 < ch.p97_5,
                     qPrintable(QStringLiteral("%1 %2").arg(ch.p2_5).arg(ch.p97_5)));
            QVERIFY(near(ch.p50, 42.0, 0.05));
            for (const auto& s : u.stocks)
                QVERIFY(s.bounds->p2_5 < s.totalT && s.totalT < s.bounds->p97_5);
            // Type b: W1 counts no change in any iteration, so the bounds surround W2's 14 t C.
            const ResultTotals* b = row(r.uncertainty->by.at(TotalsKey::EcosystemType), "b");
            QVERIFY(b && b->changes.back().bounds);
            QVERIFY(b->changes.back().bounds->p2_5 < 14.0 && 14.0 < b->changes.back().bounds->p97_5);
            QVERIFY(near(b->changes.back().bounds->p50, 14.0, 0.05));
            QVERIFY(b->changes.back().bounds->p97_5 < 23.8); // the share rule's 14 + 9.8 is out of reach
        }
    }

    void precedenceValidation() {
        QTemporaryDir dir;
        const models::Project project =
          models::Project::load(writeProject(dir, R"(, "precedence": ["wet", "nowhere", "wet"])"));
        const auto issues = validateCarbonProject(project);
        bool unknown = false, twice = false;
        for (const auto& i : issues) {
            unknown =
              unknown || (i.isError() && i.column == QLatin1String("carbon.precedence[1]") &&
                          i.message.contains(QStringLiteral("nowhere")) && i.file == project.fileName());
            twice = twice || (i.isError() && i.column == QLatin1String("carbon.precedence[2]") &&
                              i.message.contains(QStringLiteral("wet")));
        }
        QVERIFY(unknown);
        QVERIFY(twice);
        // A precedence that is not a list of strings is refused when the file is read.
        QTemporaryDir dir2;
        QVERIFY_THROWS_EXCEPTION(std::exception,
                                 models::Project::load(writeProject(dir2, R"(, "precedence": "wet")")));
    }

    void checkFailsOnInconsistentTotals() {
        ResultTotals a;
        a.key = QStringLiteral("forest");
        a.stocks = { { 2015, 100.0, 1.0, 1, {} }, { 2018, 80.0, 1.0, 1, {} } };
        a.changes = { { 2015, 2018, 0.0, 1, {} } }; // should be −20
        ResultTotals all = a;
        all.key.clear();
        all.changes[0].changeT = -20.0;
        LedgerCheck check;
        checkStockChange(check, QStringLiteral("totals_by_ecosystem_type.csv"), { a }, all);
        QCOMPARE(check.rows.size(), std::size_t(2));
        QVERIFY(!check.passed());
        QCOMPARE(check.failures(), std::size_t(1));
        const QString m = check.rows[0].message();
        QVERIFY2(m.contains(QStringLiteral("stock_change")) && m.contains(QStringLiteral("forest")) &&
                   m.contains(QStringLiteral("2015-2018")) && m.contains(QStringLiteral("-20.000000")) &&
                   m.contains(QStringLiteral("0.000000")),
                 qPrintable(m));
        QVERIFY(check.rows[1].passed);
        // Union area against a totals area that counts an overlap twice.
        all.areaHa = 3.0;
        checkUnionArea(check, QStringLiteral("totals_by_ecosystem_type.csv"), 2.5, all);
        QVERIFY(!check.rows.back().passed);
        // Σ parcels against totals that lost a parcel's share.
        ParcelResult p;
        p.ecosystemType = QStringLiteral("forest");
        p.areaHa = 2.0;
        p.accountedAreaHa = 1.0;
        p.stocks = { { 2015, {}, 100.0, 2.0, {} } };
        ResultTotals wrong;
        wrong.key = QStringLiteral("forest");
        wrong.areaHa = 1.0;
        wrong.stocks = { { 2015, 100.0, 2.0, 1, {} } }; // the whole parcel, not its half
        LedgerCheck sums;
        checkParcelSums(sums, QStringLiteral("t.csv"), { p }, TotalsKey::EcosystemType, { wrong }, wrong);
        QVERIFY(!sums.passed());
        const ResultTotals right = totalOf({ p });
        QVERIFY(std::abs(right.stocks[0].totalT - 50.0) < 1e-12);
        LedgerCheck ok;
        ResultTotals rightRow = right;
        rightRow.key = QStringLiteral("forest");
        checkParcelSums(ok, QStringLiteral("t.csv"), { p }, TotalsKey::EcosystemType, { rightRow }, right);
        QVERIFY(ok.passed());
    }
};

QTEST_GUILESS_MAIN(TstCarbonLedger)
#include "tst_carbon_ledger.moc"
