// SPDX-License-Identifier: GPL-3.0-or-later
// The forest route volume_gainloss (models/carbon/InventoryRoute.h, docs/carbon-project.md "The forest
// route"): the carried stock by hand for stands of known volume, age, origin and species (carbon-methods.md
// §5.1, §3.2, §3.5, §10.4, §10.5), the MAI-derived rate of a natural Masson pine stand, and a hand-made
// project (land cover 2015, 2018, 2021) through runCarbonProject: a stock at every date and a change in
// every interval per stand and in the totals, blanks with a note (never 0) where a method has no value,
// and Monte Carlo bounds of the route's stocks, changes and totals.
#include "gis/Crs.h"
#include "gis/RasterWriter.h"
#include "gis/VectorWriter.h"
#include "models/carbon/CarbonProject.h"
#include "models/carbon/CarbonResult.h"
#include "models/carbon/InventoryRoute.h"
#include "models/project/Project.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tanhui;
using namespace tanhui::models::carbon;
namespace params = tanhui::models::params;

namespace {

bool near(double a, double b, double rel = 1e-9) {
    return std::fabs(a - b) <= rel * std::max(1.0, std::fabs(b));
}

params::ParameterTable defaultTable(const params::TableSpec& spec) {
    params::LoadedTable t = params::loadDefaultTable(spec);
    if (params::hasErrors(t.issues))
        qFatal("%s", qPrintable(t.issues.front().toString()));
    return t.table;
}

// §10.5: carbon of 100 m³/ha with the §5.2 parameters (t C/ha) → per m³.
constexpr double kFir = 32.50213 / 100;   // 0.307 × 1.634 × 1.246 × 0.520
constexpr double kPine = 30.54217 / 100;  // 0.380 × 1.472 × 1.187 × 0.460
constexpr double kPlantation = 4.6248;    // §10.4: 8 × 1.230 × 0.47 t C/ha/yr
constexpr double kYoungNatural = 1.44525; // §10.4: 2.5 × 1.230 × 0.47
constexpr double kOldNatural = 0.58562;   // §10.4: 1.0 × 1.246 × 0.47
const double kBroadleaf = 0.482 * 1.514 * 1.262 * 0.490;

GainLossInterval interval(int y1, int y2, double remaining, double lost, double toForest, double nodata = 0) {
    GainLossInterval iv;
    iv.year1 = y1;
    iv.year2 = y2;
    iv.remainingHa = remaining;
    iv.lostHa = lost;
    iv.toForestHa = toForest;
    iv.nodataHa = nodata;
    iv.validHa = remaining + lost + toForest;
    return iv;
}

gis::MultiPolygon rect(double x0, double y0, double x1, double y1) {
    gis::Ring r;
    r.xy = { x0, y0, x1, y0, x1, y1, x0, y1 };
    gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

/// RFC 4180 CSV without quoted newlines (the writers' notes have none).
std::vector<QStringList> readCsv(const QString& path) {
    QFile f(path);
    std::vector<QStringList> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    for (const QString& line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QStringList row;
        QString cell;
        bool quoted = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar ch = line[i];
            if (quoted && ch == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                cell += ch;
                ++i;
            } else if (ch == QLatin1Char('"')) {
                quoted = !quoted;
            } else if (!quoted && ch == QLatin1Char(',')) {
                row << cell;
                cell.clear();
            } else if (ch != QLatin1Char('\r')) {
                cell += ch;
            }
        }
        row << cell;
        rows.push_back(row);
    }
    return rows;
}

QString cell(const std::vector<QStringList>& rows, const QString& key, const QString& column) {
    const qsizetype c = rows.front().indexOf(column);
    for (const QStringList& r : rows)
        if (!r.isEmpty() && r.front() == key)
            return c < 0 ? QStringLiteral("<no column %1>").arg(column) : r[c];
    return QStringLiteral("<no row %1>").arg(key);
}

/// Land cover 2015, 2018, 2021 on a 20 × 10 grid of 10 m cells (EPSG:32650) and six 50 m stands:
/// S1 natural pine V 60 age 15 (forest 11 throughout), S2 planted fir V 100 age 20 (forest; 2021: its
/// two left columns, 40 %, cleared to 21), S3 a clear-cut eucalyptus plantation V 0 (21 in 2015, 13 from
/// 2018), S4 natural broadleaf V 80 without age (forest throughout), S5 a type by the volume method only,
/// S6 an unknown origin. `uncertainty`: the carbon.uncertainty object or empty.
QString writeProject(const QTemporaryDir& dir, const QByteArray& uncertainty) {
    const gis::Crs crs = gis::Crs::fromEpsg(32650);
    for (int year : { 2015, 2018, 2021 }) {
        gis::RasterSpec spec;
        spec.grid.originX = 500000;
        spec.grid.originY = 2500000;
        spec.grid.cellWidth = 10;
        spec.grid.cellHeight = 10;
        spec.grid.cols = 20;
        spec.grid.rows = 10;
        spec.crs = crs;
        spec.type = gis::RasterSpec::Type::Byte;
        spec.nodata = 255;
        spec.overviews = false;
        gis::RasterWriter w(dir.filePath(QStringLiteral("lc%1.tif").arg(year)).toStdString(), spec);
        std::vector<std::uint8_t> cells(200, 11);
        for (int r = 0; r < 5; ++r) {
            for (int c = 5; c < 7; ++c)
                cells[std::size_t(r * 20 + c)] = year == 2021 ? 21 : 11;
            for (int c = 10; c < 15; ++c)
                cells[std::size_t(r * 20 + c)] = year == 2015 ? 21 : 13;
        }
        w.writeRows(1, 0, 10, cells.data());
        w.commit();
    }
    using F = gis::VectorField;
    const std::vector<F> fields = {
        { QStringLiteral("xbh"), F::Type::String }, { QStringLiteral("dl"), F::Type::String },
        { QStringLiteral("sz"), F::Type::String },  { QStringLiteral("xj"), F::Type::Real },
        { QStringLiteral("age"), F::Type::String }, { QStringLiteral("qy"), F::Type::String }
    };
    auto feature = [](const char* id,
                      const char* type,
                      const char* sz,
                      double xj,
                      const char* age,
                      const char* origin,
                      gis::MultiPolygon g) {
        gis::VectorFeature f;
        f.values = { QString::fromUtf8(id),
                     QString::fromUtf8(type),
                     QString::fromUtf8(sz),
                     xj,
                     *age ? QVariant(QString::fromUtf8(age)) : QVariant(),
                     QString::fromUtf8(origin) };
        f.geometry = std::move(g);
        return f;
    };
    const double x = 500000, y = 2500000;
    gis::writePolygonLayer(
      dir.filePath(QStringLiteral("xb.gpkg")).toStdString(),
      QStringLiteral("xb"),
      crs,
      fields,
      { feature("S1", "forest", "马尾松", 60, "15", "天然", rect(x, y - 50, x + 50, y)),
        feature("S2", "forest", "杉木", 100, "20", "人工", rect(x + 50, y - 50, x + 100, y)),
        feature("S3", "clear_cut", "桉树", 0, "0", "人工", rect(x + 100, y - 50, x + 150, y)),
        feature("S4", "forest", "阔叶混交林", 80, "", "天然", rect(x + 150, y - 50, x + 200, y)),
        feature("S5", "other", "杉木", 50, "10", "人工", rect(x, y - 100, x + 50, y - 50)),
        feature("S6", "forest", "杉木", 50, "10", "混交", rect(x + 50, y - 100, x + 100, y - 50)) });
    const QString path = dir.filePath(QStringLiteral("route.tanhui.json"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(R"({"format": "tanhui-project", "version": 1, "name": "route", "crs": "EPSG:32650",
      "layers": [
        {"id": "lc2015", "kind": "raster", "role": "landcover", "path": "lc2015.tif", "year": 2015},
        {"id": "lc2018", "kind": "raster", "role": "landcover", "path": "lc2018.tif", "year": 2018},
        {"id": "lc2021", "kind": "raster", "role": "landcover", "path": "lc2021.tif", "year": 2021},
        {"id": "xb", "kind": "vector", "role": "forest_subcompartments", "path": "xb.gpkg", "id_field": "xbh",
         "year": 2015, "fields": {"ecosystem_type": "dl", "species_group": "sz", "volume_m3_per_ha": "xj",
         "age_years": "age", "origin": "qy"}}
      ],
      "carbon": {"layers": [{"layer": "xb", "ecosystem_type_field": "ecosystem_type"}],
                 "methods": {"forest": [{"method": "volume_gainloss"}, {"method": "volume"}],
                             "clear_cut": {"method": "volume_gainloss"},
                             "other": {"method": "volume"}})" +
            (uncertainty.isEmpty() ? QByteArray() : ", \"uncertainty\": " + uncertainty) + "}}");
    return path;
}

/// The volume ceiling: land cover forest (11) throughout 2015, 2018, 2021 on a 20 × 10 grid of 10 m
/// cells, eight 50 m stands. Five natural Masson pines with volume (the group's ceiling is their largest
/// volume, 90 m³/ha): P1 V 50 age 10 (MAI 5), P2 V 60 age 20 (MAI 3), P3 V 70 age 35 (MAI 2), P4 V 80 age
/// 10 (MAI 8: reaches 90 during 2017), P5 V 90 age 45 (at the ceiling from 2015); E1 a eucalyptus
/// plantation V 40 age 4 (MAI 10), alone in its group (Tier 1 ceiling). `method`: the forest method
/// entry; `uncertainty`: the carbon.uncertainty object or empty.
QString writeCapProject(const QTemporaryDir& dir, const QByteArray& method, const QByteArray& uncertainty) {
    const gis::Crs crs = gis::Crs::fromEpsg(32650);
    for (int year : { 2015, 2018, 2021 }) {
        gis::RasterSpec spec;
        spec.grid.originX = 500000;
        spec.grid.originY = 2500000;
        spec.grid.cellWidth = 10;
        spec.grid.cellHeight = 10;
        spec.grid.cols = 20;
        spec.grid.rows = 10;
        spec.crs = crs;
        spec.type = gis::RasterSpec::Type::Byte;
        spec.nodata = 255;
        spec.overviews = false;
        gis::RasterWriter w(dir.filePath(QStringLiteral("lc%1.tif").arg(year)).toStdString(), spec);
        std::vector<std::uint8_t> cells(200, 11);
        w.writeRows(1, 0, 10, cells.data());
        w.commit();
    }
    using F = gis::VectorField;
    const std::vector<F> fields = {
        { QStringLiteral("xbh"), F::Type::String }, { QStringLiteral("dl"), F::Type::String },
        { QStringLiteral("sz"), F::Type::String },  { QStringLiteral("xj"), F::Type::Real },
        { QStringLiteral("age"), F::Type::String }, { QStringLiteral("qy"), F::Type::String }
    };
    const double x = 500000, y = 2500000;
    auto feature =
      [&](const char* id, const char* sz, double xj, const char* age, const char* origin, int k) {
          gis::VectorFeature f;
          f.values = { QString::fromUtf8(id),  QStringLiteral("forest"), QString::fromUtf8(sz), xj,
                       QString::fromUtf8(age), QString::fromUtf8(origin) };
          const double x0 = x + 50 * (k % 4), y0 = y - 50 * (k / 4 + 1);
          f.geometry = rect(x0, y0, x0 + 50, y0 + 50);
          return f;
      };
    gis::writePolygonLayer(dir.filePath(QStringLiteral("xb.gpkg")).toStdString(),
                           QStringLiteral("xb"),
                           crs,
                           fields,
                           { feature("P1", "马尾松", 50, "10", "天然", 0),
                             feature("P2", "马尾松", 60, "20", "天然", 1),
                             feature("P3", "马尾松", 70, "35", "天然", 2),
                             feature("P4", "马尾松", 80, "10", "天然", 3),
                             feature("P5", "马尾松", 90, "45", "天然", 4),
                             feature("E1", "桉树", 40, "4", "人工", 5) });
    const QString path = dir.filePath(QStringLiteral("cap.tanhui.json"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(R"({"format": "tanhui-project", "version": 1, "name": "cap", "crs": "EPSG:32650",
      "layers": [
        {"id": "lc2015", "kind": "raster", "role": "landcover", "path": "lc2015.tif", "year": 2015},
        {"id": "lc2018", "kind": "raster", "role": "landcover", "path": "lc2018.tif", "year": 2018},
        {"id": "lc2021", "kind": "raster", "role": "landcover", "path": "lc2021.tif", "year": 2021},
        {"id": "xb", "kind": "vector", "role": "forest_subcompartments", "path": "xb.gpkg", "id_field": "xbh",
         "year": 2015, "fields": {"ecosystem_type": "dl", "species_group": "sz", "volume_m3_per_ha": "xj",
         "age_years": "age", "origin": "qy"}}
      ],
      "carbon": {"layers": [{"layer": "xb", "ecosystem_type_field": "ecosystem_type"}],
                 "methods": {"forest": )" +
            method + "}" + (uncertainty.isEmpty() ? QByteArray() : ", \"uncertainty\": " + uncertainty) +
            "}}");
    return path;
}

const ParcelResult* resultOf(const CarbonProjectRun& run, const char* id, const char* method) {
    for (const ParcelResult& r : run.results())
        if (r.id == QLatin1String(id) && r.method == QLatin1String(method))
            return &r;
    return nullptr;
}

} // namespace

class TestCarbonInventoryRoute : public QObject {
    Q_OBJECT

private slots:
    void originNames() {
        QVERIFY(parseStandOrigin(QStringLiteral("天然")) == StandOrigin::Natural);
        QVERIFY(parseStandOrigin(QStringLiteral(" Planted ")) == StandOrigin::Plantation);
        QVERIFY(parseStandOrigin(QStringLiteral("飞播")) == StandOrigin::Plantation);
        QVERIFY(!parseStandOrigin(QStringLiteral("混交")));
        QVERIFY(!parseStandOrigin(QString()));
    }

    // The issue's figure: natural pine stands grow at their own volume ÷ age (median 1.23 t C/ha/yr in
    // the sample), not at the plantation rate 4.62.
    void maiOfNaturalPine() {
        const params::ParameterTable table = defaultTable(speciesParamsSpec());
        const SpeciesLookup species(table);
        Stand s;
        s.group = species.resolve(QStringLiteral("马尾松"));
        QVERIFY(s.group);
        s.volume = 52.8; // the sample's 0202-01
        s.age = 13;
        s.origin = StandOrigin::Natural;
        QVERIFY(near(carbonPerM3(*s.group, BefForm::Constant), kPine, 1e-6));
        QVERIFY(near(*standMai(s), 52.8 / 13));
        const double rate = *standMai(s) * carbonPerM3(*s.group, BefForm::Constant);
        QVERIFY2(near(rate, 52.8 / 13 * 0.380 * 1.472 * 1.187 * 0.460), qPrintable(QString::number(rate)));
        QVERIFY(std::fabs(rate - 1.2405) < 1e-3);
        // No MAI without an age or without volume.
        s.age.reset();
        QVERIFY(!standMai(s));
        s.age = 13;
        s.volume = 0;
        QVERIFY(!standMai(s));
        // Continuous form: the increment of B = a·V + b per m³ is a, carbon a × 0.5 (§5.3).
        QVERIFY(near(carbonPerM3(*s.group, BefForm::Continuous), 0.5101 * 0.5, 1e-6));
        QVERIFY(near(interceptCarbonPerHa(*s.group, BefForm::Continuous), 1.0451 * 0.5, 1e-6));
    }

    void referenceRows() {
        const GrowthLookup growth(defaultTable(growthRatesSpec()));
        QCOMPARE(referenceGrowthType(StandOrigin::Plantation, 3, QStringLiteral("eucalyptus"), growth),
                 QStringLiteral("plantation"));
        QCOMPARE(referenceGrowthType(StandOrigin::Natural, 20, {}, growth),
                 QStringLiteral("natural_secondary_young"));
        QCOMPARE(referenceGrowthType(StandOrigin::Natural, 21, {}, growth),
                 QStringLiteral("natural_secondary_old"));
        QCOMPARE(referenceGrowthType(StandOrigin::Natural, std::nullopt, {}, growth),
                 QStringLiteral("natural_secondary_old"));
    }

    // Hand-computed carried stocks (t C) of four stands over 2015, 2018, 2021.
    void carriedStocksByHand() {
        const params::ParameterTable table = defaultTable(speciesParamsSpec());
        const SpeciesLookup species(table);
        const GrowthLookup growth(defaultTable(growthRatesSpec()));
        const std::vector<int> years = { 2015, 2018, 2021 };

        // Chinese fir, V 100, age 20, 10 ha, own MAI 5 m³/ha/yr; 2018–2021 4 of 10 ha cleared.
        Stand fir{ species.resolve(QStringLiteral("杉木")),
                   BefForm::Constant,
                   100,
                   20,
                   StandOrigin::Natural,
                   10,
                   2015 };
        StandRoute r = carryStand(fir,
                                  { GrowthSource::StandMai, 5, {}, CapSource::None },
                                  years,
                                  { interval(2015, 2018, 10, 0, 0), interval(2018, 2021, 6, 4, 0) },
                                  1.0,
                                  growth);
        QVERIFY(near(r.stockT.at(2015), 1000 * kFir, 1e-6));
        QVERIFY(near(r.stockT.at(2018), (1000 + 5 * 10 * 3) * kFir, 1e-6));
        // Loss: 4/10 of the 2018 stock at the stand's own density; growth on the 6 ha left.
        QVERIFY(near(r.stockT.at(2021), (1150 * 0.6 + 5 * 6 * 3) * kFir, 1e-6));
        QVERIFY(near(r.lossT, 460 * kFir, 1e-6));
        QVERIFY(r.blankYears.empty());

        // Clear-cut eucalyptus plantation, V 0: replanted by 2018, growing at the plantation rate from
        // the interval's start (§3.2), or at a group MAI when given.
        Stand cut{
            species.resolve(QStringLiteral("桉树")), BefForm::Constant, 0, 0, StandOrigin::Plantation, 5, 2015
        };
        r = carryStand(
          cut, {}, years, { interval(2015, 2018, 0, 0, 5), interval(2018, 2021, 5, 0, 0) }, 1.0, growth);
        QCOMPARE(r.stockT.at(2015), 0.0);
        QVERIFY(near(r.stockT.at(2018), 5 * 3 * kPlantation, 1e-6));
        QVERIFY(near(r.stockT.at(2021), 5 * 6 * kPlantation, 1e-6));
        QCOMPARE(r.referenceTypes, QStringList{ QStringLiteral("plantation") });
        r = carryStand(cut,
                       { GrowthSource::GroupMai, 8, {}, CapSource::None },
                       years,
                       { interval(2015, 2018, 0, 0, 5), interval(2018, 2021, 5, 0, 0) },
                       1.0,
                       growth);
        QVERIFY(near(r.stockT.at(2018), 8 * 15 * 0.578 * 1.263 * 1.221 * 0.525, 1e-6));

        // Natural pine by the growth table, age 18 in 2015: ≤ 20 yr rate to 2018, > 20 yr from 2018.
        Stand pine{ species.resolve(QStringLiteral("马尾松")),
                    BefForm::Constant,
                    50,
                    18,
                    StandOrigin::Natural,
                    2,
                    2015 };
        r = carryStand(
          pine, {}, years, { interval(2015, 2018, 2, 0, 0), interval(2018, 2021, 2, 0, 0) }, 1.0, growth);
        QVERIFY(near(r.stockT.at(2015), 100 * kPine, 1e-6));
        QVERIFY(near(r.stockT.at(2018), 100 * kPine + 6 * kYoungNatural, 1e-6));
        QVERIFY(near(r.stockT.at(2021), 100 * kPine + 6 * kYoungNatural + 6 * kOldNatural, 1e-6));

        // fd 0.5: half the lost area's stock; a year before the inventory and an interval without land
        // cover are blanks with a reason, never 0.
        r = carryStand(fir,
                       { GrowthSource::StandMai, 5, {}, CapSource::None },
                       { 2012, 2015, 2018, 2021 },
                       { interval(2012, 2015, 10, 0, 0),
                         interval(2015, 2018, 5, 5, 0),
                         interval(2018, 2021, 0, 0, 0, 10) },
                       0.5,
                       growth);
        QVERIFY(!r.stockT.count(2012));
        QVERIFY(!r.stockT.count(2021));
        QCOMPARE(r.blankYears, (std::vector<int>{ 2012, 2021 }));
        QVERIFY(r.blankReason.contains(QStringLiteral("2018")));
        QVERIFY(near(r.stockT.at(2018), (1000 * 0.75 + 5 * 5 * 3) * kFir, 1e-6));
        // The linear form gives the same stock as the table values.
        QVERIFY(near(r.stocks.at(2018).carbonT(fir.group, fir.form, growth), r.stockT.at(2018)));
    }

    // The volume ceiling by hand (docs/carbon-project.md, "The forest route", "Ceiling"): Chinese fir, V
    // 100, 10 ha, MAI 5 m³/ha/yr.
    void volumeCapByHand() {
        const params::ParameterTable table = defaultTable(speciesParamsSpec());
        const SpeciesLookup species(table);
        const GrowthLookup growth(defaultTable(growthRatesSpec()));
        const std::vector<int> years = { 2015, 2018, 2021 };
        Stand fir{ species.resolve(QStringLiteral("杉木")),
                   BefForm::Constant,
                   100,
                   20,
                   StandOrigin::Natural,
                   10,
                   2015 };
        const std::vector<GainLossInterval> forest = { interval(2015, 2018, 10, 0, 0),
                                                       interval(2018, 2021, 10, 0, 0) };
        // Ceiling 110 m³/ha: 1,100 m³ on 10 ha; 100 m³ of room at 50 m³/yr → reached after 2 years, 2017.
        StandRoute r = carryStand(
          fir, { GrowthSource::StandMai, 5, 110.0, CapSource::Inventory }, years, forest, 1.0, growth);
        QVERIFY(near(r.stockT.at(2015), 1000 * kFir, 1e-6));
        QVERIFY(near(r.stockT.at(2018), 1100 * kFir, 1e-6));
        QVERIFY(near(r.stockT.at(2021), 1100 * kFir, 1e-6));
        QCOMPARE(r.capReachedYear, std::optional<int>(2017));
        QVERIFY(near(r.growthT, 100 * kFir, 1e-6));
        QVERIFY(near(r.stocks.at(2021).volumeM3, 1100, 1e-12));
        // Below the ceiling (200 m³/ha): as without one, 100 + 5 × 6 = 130 m³/ha in 2021.
        r = carryStand(
          fir, { GrowthSource::StandMai, 5, 200.0, CapSource::Inventory }, years, forest, 1.0, growth);
        QVERIFY(near(r.stockT.at(2021), 1300 * kFir, 1e-6));
        QVERIFY(!r.capReachedYear);
        // Reached in the second interval: ceiling 125 → 1,150 m³ in 2018, 100 m³ of room at 50 m³/yr → 2020.
        r = carryStand(
          fir, { GrowthSource::StandMai, 5, 125.0, CapSource::Inventory }, years, forest, 1.0, growth);
        QVERIFY(near(r.stockT.at(2018), 1150 * kFir, 1e-6));
        QVERIFY(near(r.stockT.at(2021), 1250 * kFir, 1e-6));
        QCOMPARE(r.capReachedYear, std::optional<int>(2020));
        // A loss shrinks the area carrying the stock: 4 of 10 ha cleared 2018–2021 → 1,100 × 0.6 = 660 m³
        // on 6 ha, at its ceiling of 110 × 6 = 660: no growth.
        r = carryStand(fir,
                       { GrowthSource::StandMai, 5, 110.0, CapSource::Inventory },
                       years,
                       { interval(2015, 2018, 10, 0, 0), interval(2018, 2021, 6, 4, 0) },
                       1.0,
                       growth);
        QVERIFY(near(r.stockT.at(2021), 660 * kFir, 1e-6));
        // A Tier 1 ceiling below the inventory volume: the stand keeps its volume, reached in 2015.
        r =
          carryStand(fir, { GrowthSource::StandMai, 5, 90.0, CapSource::Tier1 }, years, forest, 1.0, growth);
        QVERIFY(near(r.stockT.at(2021), 1000 * kFir, 1e-6));
        QCOMPARE(r.capReachedYear, std::optional<int>(2015));

        // Tier 1 ceilings (§3.5 Table 4.7 / 4.8 AGB as volume, §5.1, §5.3).
        const SpeciesParams& euc = *species.resolve(QStringLiteral("桉树"));
        const SpeciesParams& pine = *species.resolve(QStringLiteral("马尾松"));
        QVERIFY(near(
          *tier1VolumeCap(euc, BefForm::Constant, StandOrigin::Plantation), 180 / (0.578 * 1.263), 1e-6));
        QVERIFY(near(
          *tier1VolumeCap(pine, BefForm::Constant, StandOrigin::Natural), 258.4 / (0.380 * 1.472), 1e-6));
        QVERIFY(near(*tier1VolumeCap(*fir.group, BefForm::Continuous, StandOrigin::Plantation),
                     (180 * 1.246 - 22.541) / 0.3999,
                     1e-6));
        SpeciesParams bad = pine;
        bad.fangA = 0;
        QVERIFY(!tier1VolumeCap(bad, BefForm::Continuous, StandOrigin::Natural));
    }

    // The ceiling through runCarbonProject: the group's largest volume (five natural pines), the Tier 1
    // ceiling for a group of one, the ledger check, method_detail, the warning, and volume_cap = none.
    void volumeCapProject() {
        QTemporaryDir dir;
        const models::Project project =
          models::Project::load(writeCapProject(dir, R"({"method": "volume_gainloss"})", {}));
        CarbonProjectOptions options;
        options.outDir = dir.filePath(QStringLiteral("out")).toStdString();
        const CarbonProjectRun run = runCarbonProject(project, options);
        QVERIFY2(!run.stopped, run.issues.empty() ? "" : qPrintable(run.issues.front().toString()));
        auto density = [&](const CarbonProjectRun& in, const char* id, int year) {
            const ParcelResult* r = resultOf(in, id, "volume_gainloss");
            const CarbonStock* s = r ? r->stock(year) : nullptr;
            return s ? s->totalT / r->areaHa : std::nan("");
        };
        const double tol = 1e-3; // cell areas on the ellipsoid vary slightly within the grid
        const double kEuc = 0.578 * 1.263 * 1.221 * 0.525;
        // Below the ceiling of 90 m³/ha.
        QVERIFY(near(density(run, "P1", 2021), 80 * kPine, tol));
        QVERIFY(near(density(run, "P2", 2021), 78 * kPine, tol));
        QVERIFY(near(density(run, "P3", 2021), 82 * kPine, tol));
        // P4: 80 + 8 × 3 = 104 in 2018 without the ceiling; 90 from 2017 on.
        QVERIFY2(near(density(run, "P4", 2018), 90 * kPine, tol),
                 qPrintable(QString::number(density(run, "P4", 2018))));
        QVERIFY(near(density(run, "P4", 2021), 90 * kPine, tol));
        QVERIFY(near(density(run, "P5", 2021), 90 * kPine, tol));
        // E1 alone in its group: Tier 1 ceiling 180 / (0.578 × 1.263) = 246.6 m³/ha, not reached (100).
        QVERIFY(near(density(run, "E1", 2021), 100 * kEuc, tol));
        const QString p4 = resultOf(run, "P4", "volume_gainloss")->methodDetail;
        QVERIFY2(p4.contains(QStringLiteral("cap=90.0 m3/ha (inventory_max) reached 2017")), qPrintable(p4));
        QVERIFY(
          resultOf(run, "P5", "volume_gainloss")->methodDetail.contains(QStringLiteral("reached 2015")));
        const QString p1 = resultOf(run, "P1", "volume_gainloss")->methodDetail;
        QVERIFY2(p1.contains(QStringLiteral("cap=90.0 m3/ha (inventory_max)")) &&
                   !p1.contains(QStringLiteral("reached")),
                 qPrintable(p1));
        const QString e1 = resultOf(run, "E1", "volume_gainloss")->methodDetail;
        QVERIFY2(e1.contains(QStringLiteral("cap=246.6 m3/ha (ipcc_tier1)")), qPrintable(e1));
        // The ledger check: stock(t2) − stock(t1) = change.
        for (const char* id : { "P1", "P2", "P3", "P4", "P5", "E1" }) {
            const ParcelResult* r = resultOf(run, id, "volume_gainloss");
            QVERIFY(r && r->computed());
            for (const CarbonChange& c : r->changes)
                QVERIFY(near(c.changeT, r->stock(c.year2)->totalT - r->stock(c.year1)->totalT, 1e-9));
        }
        // One warning with the count (P4, P5).
        int warnings = 0;
        for (const auto& i : run.issues)
            if (i.message.contains(QStringLiteral("volume ceiling"))) {
                ++warnings;
                QVERIFY2(i.message.startsWith(QStringLiteral("2 stand(s)")), qPrintable(i.message));
            }
        QCOMPARE(warnings, 1);

        // volume_cap = none: P4 grows to 80 + 8 × 6 = 128 m³/ha.
        QTemporaryDir dir2;
        const models::Project off = models::Project::load(
          writeCapProject(dir2, R"({"method": "volume_gainloss", "volume_cap": "none"})", {}));
        options.outDir = dir2.filePath(QStringLiteral("out")).toStdString();
        const CarbonProjectRun uncapped = runCarbonProject(off, options);
        QVERIFY(!uncapped.stopped);
        QVERIFY(near(density(uncapped, "P4", 2021), 128 * kPine, tol));
        QVERIFY(resultOf(uncapped, "P4", "volume_gainloss")
                  ->methodDetail.contains(QStringLiteral("cap=none (volume_cap=none)")));
    }

    // Bounds of the capped trajectory: they contain the deterministic value, and the change of a stand at
    // its ceiling is exactly 0 in every draw (the sampler uses the capped volumes).
    void volumeCapBounds() {
        QTemporaryDir dir;
        const models::Project project = models::Project::load(writeCapProject(
          dir, R"({"method": "volume_gainloss"})", R"({"iterations": 300, "seed": 7, "default_u_pct": 30})"));
        CarbonProjectOptions options;
        options.outDir = dir.filePath(QStringLiteral("out")).toStdString();
        const CarbonProjectRun run = runCarbonProject(project, options);
        QVERIFY2(!run.stopped, run.issues.empty() ? "" : qPrintable(run.issues.front().toString()));
        for (const char* id : { "P1", "P2", "P3", "P4", "P5", "E1" }) {
            const ParcelResult* r = resultOf(run, id, "volume_gainloss");
            for (const CarbonStock& s : r->stocks) {
                QVERIFY(s.bounds);
                QVERIFY2(s.bounds->p2_5 < s.totalT && s.totalT < s.bounds->p97_5,
                         qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(id)).arg(s.year)));
            }
        }
        const CarbonChange* flat = resultOf(run, "P4", "volume_gainloss")->change(2018, 2021);
        QVERIFY(flat && flat->bounds);
        QCOMPARE(flat->changeT, 0.0);
        QCOMPARE(flat->bounds->p2_5, 0.0);
        QCOMPARE(flat->bounds->p97_5, 0.0);
        const CarbonChange* grows = resultOf(run, "P4", "volume_gainloss")->change(2015, 2018);
        QVERIFY(grows && grows->bounds && grows->bounds->p2_5 < grows->changeT &&
                grows->changeT < grows->bounds->p97_5);
    }

    // A hand-made project through runCarbonProject: stocks at every date and changes in every interval,
    // per stand (hand values per hectare of the stand's own area) and in the totals.
    void projectRun() {
        QTemporaryDir dir;
        const models::Project project = models::Project::load(writeProject(dir, {}));
        CarbonProjectOptions options;
        options.outDir = dir.filePath(QStringLiteral("out")).toStdString();
        const CarbonProjectRun run = runCarbonProject(project, options);
        QVERIFY2(!run.stopped, run.issues.empty() ? "" : qPrintable(run.issues.front().toString()));

        auto density = [&](const char* id, int year) {
            const ParcelResult* r = resultOf(run, id, "volume_gainloss");
            const CarbonStock* s = r ? r->stock(year) : nullptr;
            return s ? s->totalT / r->areaHa : std::nan("");
        };
        const double tol = 1e-3; // cell areas on the ellipsoid vary slightly within the grid
        QVERIFY(near(density("S1", 2015), 60 * kPine, tol));
        QVERIFY(near(density("S1", 2018), 72 * kPine, tol));
        QVERIFY(near(density("S1", 2021), 84 * kPine, tol));
        QVERIFY(near(density("S2", 2018), 115 * kFir, tol));
        QVERIFY2(near(density("S2", 2021), (115 * 0.6 + 5 * 0.6 * 3) * kFir, tol),
                 qPrintable(QString::number(density("S2", 2021))));
        QCOMPARE(density("S3", 2015), 0.0);
        QVERIFY(near(density("S3", 2018), 3 * kPlantation, tol));
        QVERIFY(near(density("S3", 2021), 6 * kPlantation, tol));
        QVERIFY(near(density("S4", 2015), 80 * kBroadleaf, tol));
        QVERIFY(near(density("S4", 2021), 80 * kBroadleaf + 6 * kOldNatural, tol));
        for (const char* id : { "S1", "S2", "S3", "S4" }) {
            const ParcelResult* r = resultOf(run, id, "volume_gainloss");
            QVERIFY(r && r->primary && r->computed());
            QCOMPARE(r->stocks.size(), std::size_t(3));
            for (const auto& [y1, y2] :
                 { std::pair{ 2015, 2018 }, std::pair{ 2018, 2021 }, std::pair{ 2015, 2021 } }) {
                const CarbonChange* c = r->change(y1, y2);
                QVERIFY(c);
                QVERIFY(near(c->changeT, r->stock(y2)->totalT - r->stock(y1)->totalT, 1e-9));
            }
        }
        QVERIFY(
          resultOf(run, "S1", "volume_gainloss")->methodDetail.contains(QStringLiteral("growth=stand_mai")));
        QVERIFY(
          resultOf(run, "S4", "volume_gainloss")->methodDetail.contains(QStringLiteral("growth=reference")));
        // Unknown origin: not computed, naming the row, the field and the accepted values.
        const ParcelResult* s6 = resultOf(run, "S6", "volume_gainloss");
        QVERIFY(s6 && !s6->computed());
        QVERIFY2(s6->notComputed.contains(QStringLiteral("qy")) &&
                   s6->notComputed.contains(QStringLiteral("混交")) &&
                   s6->notComputed.contains(QStringLiteral("天然")),
                 qPrintable(s6->notComputed));

        // Totals by type: forest and clear_cut have a stock at every date and a change in every
        // interval; "other" (volume method only) has blanks with a note, never 0.
        const auto rows = readCsv(dir.filePath(QStringLiteral("out/totals_by_ecosystem_type.csv")));
        QVERIFY(rows.size() > 3);
        for (const char* type : { "forest", "clear_cut" }) {
            for (const char* column : { "c_total_t_2015",
                                        "c_total_t_2018",
                                        "c_total_t_2021",
                                        "change_t_2015_2018",
                                        "change_t_2018_2021",
                                        "change_t_2015_2021" })
                QVERIFY2(!cell(rows, QLatin1String(type), QLatin1String(column)).isEmpty(), column);
        }
        const double forest2021 =
          cell(rows, QStringLiteral("forest"), QStringLiteral("c_total_t_2021")).toDouble();
        double expected = 0;
        for (const char* id : { "S1", "S2", "S4" })
            expected += resultOf(run, id, "volume_gainloss")->stock(2021)->totalT;
        QVERIFY(near(forest2021, expected, 1e-9));
        QVERIFY(cell(rows, QStringLiteral("other"), QStringLiteral("c_total_t_2018")).isEmpty());
        QVERIFY(cell(rows, QStringLiteral("other"), QStringLiteral("change_t_2015_2018")).isEmpty());
        QVERIFY(!cell(rows, QStringLiteral("other"), QStringLiteral("c_total_t_2015")).isEmpty());
        const QString note = cell(rows, QStringLiteral("other"), QStringLiteral("blank_note"));
        QVERIFY2(note.contains(QStringLiteral("2018")) && note.contains(QStringLiteral("volume")),
                 qPrintable(note));
        QVERIFY(cell(rows, QStringLiteral("clear_cut"), QStringLiteral("blank_note")).isEmpty());
        // Parcels: the volume row of S1 names its blank dates and why.
        const auto parcels = readCsv(dir.filePath(QStringLiteral("out/parcels.csv")));
        bool seen = false;
        const qsizetype method = parcels.front().indexOf(QStringLiteral("method"));
        const qsizetype blank = parcels.front().indexOf(QStringLiteral("blank_note"));
        const qsizetype id = parcels.front().indexOf(QStringLiteral("id"));
        QVERIFY(method >= 0 && blank >= 0 && id >= 0);
        for (const QStringList& p : parcels)
            if (p[id] == QLatin1String("S1") && p[method] == QLatin1String("volume")) {
                seen = true;
                QVERIFY2(p[blank].contains(QStringLiteral("no stock in 2018, 2021")) &&
                           p[blank].contains(QStringLiteral("inventory year")),
                         qPrintable(p[blank]));
            } else if (p[id] == QLatin1String("S1")) {
                QVERIFY(p[blank].isEmpty());
            }
        QVERIFY(seen);
    }

    // Monte Carlo: bounds of every stock and change of the route, and totals with bounds.
    void projectRunBounds() {
        QTemporaryDir dir;
        const models::Project project =
          models::Project::load(writeProject(dir, R"({"iterations": 300, "seed": 7, "default_u_pct": 30})"));
        CarbonProjectOptions options;
        options.outDir = dir.filePath(QStringLiteral("out")).toStdString();
        const CarbonProjectRun run = runCarbonProject(project, options);
        QVERIFY2(!run.stopped, run.issues.empty() ? "" : qPrintable(run.issues.front().toString()));
        for (const char* id : { "S1", "S2", "S3", "S4" }) {
            const ParcelResult* r = resultOf(run, id, "volume_gainloss");
            for (const CarbonStock& s : r->stocks) {
                QVERIFY(s.bounds);
                if (s.totalT > 0)
                    QVERIFY2(s.bounds->p2_5 < s.totalT && s.totalT < s.bounds->p97_5,
                             qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(id)).arg(s.year)));
            }
            for (const CarbonChange& c : r->changes)
                QVERIFY(c.bounds && c.bounds->p2_5 <= c.bounds->p97_5);
        }
        // S3's 2015 stock is an exact zero.
        const CarbonStock* zero = resultOf(run, "S3", "volume_gainloss")->stock(2015);
        QCOMPARE(zero->bounds->p97_5, 0.0);
        QVERIFY(run.uncertainty);
        bool forest = false;
        for (const ResultTotals& t : run.uncertainty->by.at(TotalsKey::EcosystemType))
            if (t.key == QLatin1String("forest")) {
                forest = true;
                QVERIFY2(t.boundsNote.isEmpty(), qPrintable(t.boundsNote));
                QCOMPARE(t.stocks.size(), std::size_t(3));
                for (const auto& s : t.stocks)
                    QVERIFY(s.bounds && s.bounds->p2_5 < s.totalT && s.totalT < s.bounds->p97_5);
                for (const auto& c : t.changes)
                    QVERIFY(c.bounds);
            }
        QVERIFY(forest);
    }
};

QTEST_GUILESS_MAIN(TestCarbonInventoryRoute)
#include "tst_carbon_inventory_route.moc"
