// SPDX-License-Identifier: GPL-3.0-or-later
// Forest gain-loss method: carbon-methods.md §10.4 test vectors (IPCC Tier 1, subtropical humid forest,
// Asia), the accounting from class-pair areas checked by hand, and a synthetic raster pair with known
// remaining / cleared / nodata areas through the transition rasters and the zonal engine.
#include "gis/Crs.h"
#include "gis/ParcelReader.h"
#include "gis/RasterWriter.h"
#include "gis/VectorWriter.h"
#include "models/carbon/BlueCarbon.h"
#include "models/carbon/CarbonResult.h"
#include "models/carbon/GainLossMethod.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/RegressionMethod.h"
#include "models/carbon/Valuation.h"
#include "models/carbon/VolumeMethod.h"
#include "models/gep/Indicators.h"
#include "models/project/Project.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <concepts>
#include <cstdint>
#include <optional>
#include <utility>

namespace carbon = tanhui::models::carbon;
namespace params = tanhui::models::params;
namespace gis = tanhui::gis;

namespace {

bool near(double a, double b, double rel = 1e-6) {
    return std::fabs(a - b) <= rel * std::max(1.0, std::fabs(b));
}

params::ParameterTable defaultTable(const params::TableSpec& spec) {
    params::LoadedTable t = params::loadDefaultTable(spec);
    if (!t.issues.empty())
        qFatal("%s", qPrintable(t.issues.front().toString()));
    return t.table;
}

gis::MultiPolygon square(double x, double y, double side) {
    gis::Ring r;
    r.xy = { x, y, x + side, y, x + side, y + side, x, y + side, x, y };
    gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

// Lookups cannot hand out pointers or references into a temporary (issue 15: a heap-use-after-free
// through GrowthLookup(table).find(...)): on an rvalue the accessors are deleted, so such code does not
// compile. GrowthLookup::find returns the row by value instead, and works on a temporary.
template<class T, class K>
concept FindOnTemporary = requires(T t, K k) {
    std::move(t).find(k);
};
template<class T, class K>
concept FindOnLvalue = requires(const T& t, K k) {
    t.find(k);
};
template<class T>
concept RowsOnTemporary = requires(T t) {
    std::move(t).rows();
};
template<class T>
concept CodesOnTemporary = requires(T t) {
    std::move(t).codes();
};
template<class T>
concept ResolveOnTemporary = requires(T t) {
    std::move(t).resolve(QString());
};
template<class T>
concept FindByNameOnTemporary = requires(T t) {
    std::move(t).findByName(QString());
};
template<class T>
concept LayerOnTemporary = requires(T t) {
    std::move(t).layer(QString());
};
template<class T>
concept ParameterTableOnTemporary = requires(T t) {
    std::move(t).parameterTable(QString());
};
template<class T>
concept StockOnTemporary = requires(T t) {
    std::move(t).stock(2015);
};

static_assert(!FindOnTemporary<params::ParameterTable, QString>);
static_assert(!RowsOnTemporary<params::ParameterTable>);
static_assert(!FindOnTemporary<carbon::PoolLookup, std::int64_t>);
static_assert(!CodesOnTemporary<carbon::PoolLookup>);
static_assert(!FindOnTemporary<carbon::SpeciesLookup, QString>);
static_assert(!ResolveOnTemporary<carbon::SpeciesLookup>);
static_assert(!FindOnTemporary<carbon::CbcParameters, std::int64_t>);
static_assert(!FindByNameOnTemporary<carbon::CbcParameters>);
static_assert(!FindOnTemporary<carbon::RegressionLookup, std::int64_t>);
static_assert(!FindOnTemporary<tanhui::models::gep::PriceSet, QString>);
static_assert(!LayerOnTemporary<tanhui::models::Project>);
static_assert(!ParameterTableOnTemporary<tanhui::models::Project>);
static_assert(!StockOnTemporary<carbon::ParcelResult>);
// ... while the same calls on an lvalue compile, and the growth lookup (rows by value) works on both.
static_assert(FindOnLvalue<params::ParameterTable, QString>);
static_assert(FindOnLvalue<carbon::PoolLookup, std::int64_t>);
static_assert(FindOnTemporary<carbon::GrowthLookup, QString>);
static_assert(std::same_as<decltype(std::declval<const carbon::GrowthLookup&>().find(QString())),
                           std::optional<carbon::ForestType>>);

} // namespace

class TestCarbonGainLoss : public QObject {
    Q_OBJECT
private slots:
    // A row found in a temporary lookup is a copy that outlives it (was a heap-use-after-free under ASan).
    void growthRowOutlivesTemporaryLookup() {
        const std::optional<carbon::ForestType> plantation =
          carbon::GrowthLookup(defaultTable(carbon::growthRatesSpec())).find(QStringLiteral("plantation"));
        QVERIFY(plantation);
        QCOMPARE(plantation->name, QStringLiteral("plantation"));
        QVERIFY(near(plantation->gainPerHaYr(), 4.6248));
        QVERIFY(!carbon::GrowthLookup(defaultTable(carbon::growthRatesSpec())).find(QStringLiteral("none")));
    }

    // §10.4, relative tolerance 1e-6.
    void tier1Vectors() {
        QVERIFY(near(carbon::biomassCarbonPerHa(258.4, 0.246, 0.47), 151.3242));
        QVERIFY(near(carbon::biomassCarbonPerHa(258.4, 0.246, 0.47) * carbon::kCo2PerC, 554.8554));
        QVERIFY(near(carbon::growthCarbonPerHaYr(2.5, 0.230, 0.47), 1.44525));
        QVERIFY(near(carbon::growthCarbonPerHaYr(2.5, 0.230, 0.47) * carbon::kCo2PerC, 5.29925));
        QVERIFY(near(carbon::growthCarbonPerHaYr(1.0, 0.246, 0.47), 0.58562));
        QVERIFY(near(carbon::growthCarbonPerHaYr(8, 0.230, 0.47), 4.6248));
        QVERIFY(near(carbon::growthCarbonPerHaYr(8, 0.230, 0.47) * carbon::kCo2PerC, 16.9576));
        QVERIFY(near(carbon::disturbanceLossPerHa(258.4, 0.246, 0.47, 1.0), 151.3242));
        QVERIFY(near(carbon::disturbanceLossPerHa(258.4, 0.246, 0.47, 0.5), 75.6621));

        // The default growth table reproduces the vectors; its rows are flagged (CF is [unconfirmed]).
        const carbon::GrowthLookup growth(defaultTable(carbon::growthRatesSpec()));
        QVERIFY(near(growth.find(QStringLiteral("natural_secondary_young"))->gainPerHaYr(), 1.44525));
        QVERIFY(near(growth.find(QStringLiteral("natural_secondary_old"))->gainPerHaYr(), 0.58562));
        QVERIFY(near(growth.find(QStringLiteral("plantation"))->gainPerHaYr(), 4.6248));
        QCOMPARE(*growth.find(QStringLiteral("natural_secondary_young"))->gWSd, 0.8);
        QVERIFY(!growth.find(QStringLiteral("plantation"))->gWSd);
        QCOMPARE(growth.find(QStringLiteral("plantation"))->tag, params::Tag::Unconfirmed);
        // The loss of a cleared evergreen broadleaf cell (class 11) is the §10.4 stock: c_above + c_below.
        const carbon::PoolLookup pools(defaultTable(carbon::carbonPoolsSpec()));
        const carbon::PoolClass* c11 = pools.find(11);
        QVERIFY(near(c11->density[carbon::Above] + c11->density[carbon::Below], 151.3242));
    }

    // The accounting from class-pair areas, by hand.
    void accountingByHand() {
        const carbon::GrowthLookup growth(defaultTable(carbon::growthRatesSpec()));
        const carbon::PoolLookup pools(defaultTable(carbon::carbonPoolsSpec()));
        carbon::GainLossSettings s; // 11 → natural_secondary_old, 12, 13 → plantation
        s.fd = 0.8;
        const std::map<std::pair<std::int64_t, std::int64_t>, double> areas = {
            { { 11, 11 }, 2.0 },  // remaining broadleaf
            { { 12, 13 }, 0.5 },  // type change (remaining, growth of the y2 type)
            { { 13, 13 }, 1.0 },  // remaining eucalyptus
            { { 13, 31 }, 0.25 }, // clear-cut: loss
            { { 11, 61 }, 0.1 },  // converted to built-up: loss
            { { 31, 13 }, 0.4 },  // replanted: converted to forest
            { { 14, 31 }, 3.0 },  // shrubland (not forest) → grassland: nothing
            { { carbon::kNoClass, carbon::kNoClass }, 0.7 },
        };
        QStringList flagged;
        const carbon::GainLossInterval g =
          carbon::gainLossFromTransitions(areas, 2015, 2018, growth, pools, s, &flagged);
        QVERIFY(near(g.remainingHa, 3.5));
        QVERIFY(near(g.typeChangeHa, 0.0)); // 12 and 13 are both "plantation"
        QVERIFY(near(g.remainingHaByType.at(QStringLiteral("plantation")), 1.5));
        QVERIFY(near(g.remainingHaByType.at(QStringLiteral("natural_secondary_old")), 2.0));
        QVERIFY(near(g.toForestHa, 0.4));
        QVERIFY(near(g.lostHa, 0.35));
        QVERIFY(near(g.nodataHa, 0.7));
        QVERIFY(near(g.validHa, 7.25));
        const double gain = 2.0 * 0.58562 + 1.5 * 4.6248 + 0.4 * 4.6248;
        const double loss = (0.25 * (32.2984 + 7.428632) + 0.1 * 151.3242) * 0.8;
        QVERIFY(near(g.gainTPerYr(), gain));
        QVERIFY(near(g.lossT, loss));
        QVERIFY(near(g.lossTPerYr(), loss / 3));
        QVERIFY(near(g.netTPerYr(), gain - loss / 3));
        QCOMPARE(flagged.size(), 4); // growth: 2 types; pools: 11, 13
        QVERIFY(flagged.contains(QStringLiteral("growth_rates.csv:plantation:unconfirmed")));
        QVERIFY(flagged.contains(QStringLiteral("carbon_pools.csv:13:unconfirmed")));

        // A change between two different forest types is remaining forest, reported as a type change.
        carbon::GainLossSettings young = s;
        young.forestClasses[12] = QStringLiteral("natural_secondary_young");
        const carbon::GainLossInterval h =
          carbon::gainLossFromTransitions({ { { 12, 11 }, 1.0 } }, 2015, 2018, growth, pools, young);
        QVERIFY(near(h.typeChangeHa, 1.0));
        QVERIFY(near(h.gainTPerYr(), 0.58562));

        QCOMPARE(*carbon::parseForestClass(QStringLiteral("11=natural_secondary_young")),
                 std::make_pair(std::int64_t(11), QStringLiteral("natural_secondary_young")));
        QVERIFY(!carbon::parseForestClass(QStringLiteral("x=plantation")));
        QVERIFY(!carbon::parseForestClass(QStringLiteral("11")));
        QCOMPARE(carbon::decodeTransition(carbon::transitionCode(13, 31)),
                 std::make_pair(std::int64_t(13), std::int64_t(31)));
    }

    // Synthetic 10 × 10 grid of 10 m cells (UTM 49N): 2015 left half broadleaf (11), right half eucalyptus
    // (13); 2018 the same except the lower right quarter clear-cut to grassland (31) and one nodata cell
    // (0) in the upper left corner. Parcel A covers the grid, parcel B the lower left quarter.
    void syntheticRasterPair() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const gis::Crs crs = gis::Crs::fromEpsg(32649);
        gis::RasterSpec spec;
        spec.grid = { 500000, 2500100, 10, 10, 10, 10 };
        spec.crs = crs;
        spec.type = gis::RasterSpec::Type::Byte;
        spec.nodata = 0;
        spec.overviews = false;
        auto write = [&](const QString& name, bool later) {
            std::vector<std::uint8_t> v(100);
            for (int r = 0; r < 10; ++r)
                for (int c = 0; c < 10; ++c)
                    v[std::size_t(r * 10 + c)] = c < 5 ? 11 : (later && r >= 5 ? 31 : 13);
            if (later)
                v[0] = 0;
            const std::string path = dir.filePath(name).toStdString();
            gis::RasterWriter w(path, spec);
            w.writeRows(1, 0, 10, v.data());
            w.commit();
            return path;
        };
        const std::vector<carbon::LulcInput> inputs = { { write(QStringLiteral("lc2015.tif"), false), 2015 },
                                                        { write(QStringLiteral("lc2018.tif"), true), 2018 } };
        const QString parcelsPath = dir.filePath(QStringLiteral("parcels.gpkg"));
        using F = gis::VectorField;
        gis::writePolygonLayer(parcelsPath.toStdString(),
                               QStringLiteral("parcels"),
                               crs,
                               { { QStringLiteral("pid"), F::Type::String, 8, 0 } },
                               { { { QStringLiteral("A") }, square(500000, 2500000, 100) },
                                 { { QStringLiteral("B") }, square(500000, 2500000, 50) } });
        gis::ParcelReadOptions ro;
        ro.idField = QStringLiteral("pid");
        const gis::ParcelSet parcels = gis::readParcels(parcelsPath.toStdString(), ro);
        QCOMPARE(parcels.parcels.size(), std::size_t(2));

        const params::ParameterTable poolsTable = defaultTable(carbon::carbonPoolsSpec());
        const carbon::PoolLookup pools(poolsTable);
        const carbon::GrowthLookup growth(defaultTable(carbon::growthRatesSpec()));
        const carbon::GainLossSettings s;
        QVERIFY(carbon::validateGainLossInputs(
                  inputs, pools, QStringLiteral("pools.csv"), growth, QStringLiteral("g.csv"), s)
                  .empty());
        const std::vector<carbon::TransitionRaster> tr =
          carbon::writeTransitionRasters(inputs, dir.path().toStdString());
        QCOMPARE(tr.size(), std::size_t(1));
        QVERIFY(QFileInfo::exists(QString::fromStdString(tr[0].path)));
        gis::ZonalOptions zonal;
        zonal.threads = 2;
        const std::vector<carbon::GainLossParcel> res =
          carbon::runGainLossParcels(parcels, tr, growth, pools, s, zonal);
        QCOMPARE(res.size(), std::size_t(2));

        // True cell area of each parcel: its ellipsoidal area over its cells (UTM scale ≈ 0.9996²).
        const double cellA = parcels.parcels[0].ellipsoidalAreaM2 / 100 / 1e4; // ha
        const double cellB = parcels.parcels[1].ellipsoidalAreaM2 / 25 / 1e4;
        QVERIFY(std::fabs(cellA - 0.01) < 0.0001);
        const carbon::GainLossInterval& a = res[0].intervals[0];
        QVERIFY(near(a.remainingHa, 74 * cellA, 1e-9)); // 49 broadleaf + 25 eucalyptus
        QVERIFY(near(a.remainingHaByType.at(QStringLiteral("natural_secondary_old")), 49 * cellA, 1e-9));
        QVERIFY(near(a.remainingHaByType.at(QStringLiteral("plantation")), 25 * cellA, 1e-9));
        QVERIFY(near(a.lostHa, 25 * cellA, 1e-9));
        QVERIFY(near(a.nodataHa, 1 * cellA, 1e-9));
        QVERIFY(near(a.toForestHa, 0.0));
        const double gainA = 49 * cellA * 0.58562 + 25 * cellA * 4.6248;
        const double lossA = 25 * cellA * (32.2984 + 7.428632);
        QVERIFY(near(a.gainTPerYr(), gainA, 1e-9));
        QVERIFY(near(a.lossT, lossA, 1e-9));
        QVERIFY(near(a.netTPerYr(), gainA - lossA / 3, 1e-9));
        QVERIFY(a.netTPerYr() < 0); // clearing a quarter outweighs three years of growth: a source
        const carbon::GainLossInterval& b = res[1].intervals[0];
        QVERIFY(near(b.remainingHa, 25 * cellB, 1e-9));
        QVERIFY(near(b.lostHa, 0.0));
        QVERIFY(near(b.netTPerYr(), 25 * cellB * 0.58562, 1e-9));

        const carbon::GainLossTotals tot = carbon::sumGainLossParcels(res);
        QCOMPARE(tot.sinkParcels, std::size_t(1));
        QCOMPARE(tot.sourceParcels, std::size_t(1));
        QVERIFY(near(tot.intervals[0].lossT, lossA, 1e-9));

        // Tables are written (CSV and GeoPackage, atomic through gis::writeTable).
        const QString csv = dir.filePath(QStringLiteral("p.csv"));
        carbon::writeGainLossParcelTable(csv.toStdString(), parcels, QStringLiteral("pid"), res);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QVERIFY(lines[0].startsWith("fid,pid,area_ha,remaining_forest_ha_2015_2018,"));
        QVERIFY(lines[0].contains("net_co2e_t_per_yr_2015_2018"));

        // Validation: a forest type the growth table lacks, fd outside [0, 1], a single date.
        carbon::GainLossSettings bad;
        bad.forestClasses[14] = QStringLiteral("bamboo");
        bad.fd = 1.5;
        const params::Issues issues = carbon::validateGainLossInputs(
          { inputs[0] }, pools, QStringLiteral("pools.csv"), growth, QStringLiteral("g.csv"), bad);
        QStringList text;
        for (const params::Issue& i : issues)
            text << i.toString();
        const QString all = text.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral(
                   "g.csv, column forest_type: class 14 is mapped to the forest type 'bamboo', "
                   "which the growth table does not have; known: natural_secondary_young")),
                 qPrintable(all));
        QVERIFY(all.contains(
          QStringLiteral("column --fd: the disturbed fraction fd must lie between 0 and 1, not 1.5")));
        QVERIFY(all.contains(QStringLiteral(
          "column --lulc: the gain-loss method needs land cover at two dates or more (1 given)")));
    }
};

QTEST_GUILESS_MAIN(TestCarbonGainLoss)
#include "tst_carbon_gainloss.moc"
