// SPDX-License-Identifier: GPL-3.0-or-later
// Volume-based carbon method (carbon-methods.md §5): the §10.5 test vectors for the constant-BEF chain
// (§5.1, species parameters of §5.2) and Fang's continuous BEF (§5.3), the species alias mapping,
// validation messages (unknown species, negative/missing/implausible volume, missing field) naming
// file, row and column, and a per-parcel run on a GBK shapefile.
#include "TestUtil.h"
#include "gis/Gdal.h"
#include "gis/ParcelReader.h"
#include "gis/VectorWriter.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/VolumeMethod.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tanhui;
using namespace tanhui::models;

namespace {

/// Agreement to the 5 significant decimals printed in §10.5.
bool near5(double a, double b) {
    return std::fabs(a - b) <= 5e-6 * std::max(1.0, std::fabs(b));
}

carbon::SpeciesLookup defaultSpecies() {
    const params::LoadedTable t = params::loadDefaultTable(carbon::speciesParamsSpec());
    return carbon::SpeciesLookup(t.table);
}

/// A square parcel of `side` metres with its south-west corner at (x, y).
gis::MultiPolygon square(double x, double y, double side) {
    gis::Ring r;
    r.xy = { x, y, x + side, y, x + side, y + side, x, y + side, x, y };
    gis::MultiPolygon mp;
    mp.parts.push_back({ { r } });
    return mp;
}

} // namespace

class TestCarbonVolume : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { gis::initializeGdal(); }

    // §10.5, V = 100 m³/ha, species parameters of §5.2 (values [unconfirmed], vectors [example]).
    void constantBefVectors() {
        const carbon::SpeciesLookup species = defaultSpecies();
        struct Row {
            const char* group;
            double agb, biomass, carbon, co2;
        };
        const Row rows[] = {
            { "chinese_fir", 50.1638, 62.50409, 32.50213, 119.17447 },
            { "masson_pine", 55.936, 66.39603, 30.54217, 111.98797 },
            { "eucalyptus", 73.0014, 89.13471, 46.79572, 171.58432 },
        };
        for (const Row& row : rows) {
            const carbon::SpeciesParams* s = species.find(QString::fromLatin1(row.group));
            QVERIFY2(s, row.group);
            // The shipped row is tagged unconfirmed (§5.2) and must be flagged.
            QCOMPARE(s->tag, params::Tag::Unconfirmed);
            QVERIFY(params::isFlagged(s->tag));
            const carbon::VolumeDensity d = carbon::constantBefDensity(100, s->wd, s->bef, s->r, s->cf);
            QVERIFY2(near5(d.aboveGroundBiomass, row.agb), row.group);
            QVERIFY2(near5(d.biomass, row.biomass), row.group);
            QVERIFY2(near5(d.carbon, row.carbon), row.group);
            QVERIFY2(near5(d.carbon * 44.0 / 12.0, row.co2), row.group);
        }
        // Stock difference, Chinese fir, V 100 → 130 over 5 years: 1.95013 t C/ha/yr (§10.5).
        const carbon::SpeciesParams* fir = species.find(QStringLiteral("chinese_fir"));
        const double c100 = carbon::constantBefDensity(100, fir->wd, fir->bef, fir->r, fir->cf).carbon;
        const double c130 = carbon::constantBefDensity(130, fir->wd, fir->bef, fir->r, fir->cf).carbon;
        QVERIFY(near5((c130 - c100) / 5, 1.95013));
    }

    // §10.5 Fang continuous BEF at V = 100: fir 62.531 t/ha (31.2655 t C/ha at CF 0.5), Masson pine
    // 52.0551, eucalyptus 93.2839; roots are included (no (1 + R)).
    void continuousBefVectors() {
        const carbon::SpeciesLookup species = defaultSpecies();
        struct Row {
            const char* group;
            double biomass;
        };
        const Row rows[] = { { "chinese_fir", 62.531 },
                             { "masson_pine", 52.0551 },
                             { "eucalyptus", 93.2839 } };
        for (const Row& row : rows) {
            const carbon::SpeciesParams* s = species.find(QString::fromLatin1(row.group));
            QVERIFY(s && s->fangA && s->fangB);
            const carbon::VolumeDensity d = carbon::continuousBefDensity(100, *s->fangA, *s->fangB);
            QVERIFY2(near5(d.biomass, row.biomass), row.group);
            QVERIFY(near5(d.carbon, row.biomass * 0.5));
            QVERIFY(std::isnan(d.aboveGroundBiomass));
        }
        const carbon::SpeciesParams* fir = species.find(QStringLiteral("chinese_fir"));
        QVERIFY(near5(carbon::continuousBefDensity(100, *fir->fangA, *fir->fangB).carbon, 31.2655));
        // Cross-check of §10.5: the two routes nearly agree for Chinese fir at 100 m³/ha.
        const double constant = carbon::constantBefDensity(100, fir->wd, fir->bef, fir->r, fir->cf).biomass;
        QVERIFY(std::fabs(constant - 62.531) < 0.05);
    }

    void speciesAliases() {
        const carbon::SpeciesLookup species = defaultSpecies();
        const std::pair<const char*, const char*> cases[] = {
            { "马尾松", "masson_pine" },
            { "Masson pine", "masson_pine" },
            { " 杉木 ", "chinese_fir" },
            { "CHINESE FIR", "chinese_fir" },
            { "桉树", "eucalyptus" },
            { "Eucalyptus spp.", "eucalyptus" },
            { "阔叶混交林", "mixed_broadleaf" },
            { "阔叶混交", "mixed_broadleaf" },
            { "mixed_broadleaf", "mixed_broadleaf" },
            { "湿地松", "exotic_pine" },
            { "针阔混交", "mixed_conifer_broadleaf" },
        };
        for (const auto& [name, group] : cases) {
            const carbon::SpeciesParams* s = species.resolve(QString::fromUtf8(name));
            QVERIFY2(s, name);
            QCOMPARE(s->group, QString::fromLatin1(group));
        }
        QVERIFY(!species.resolve(QStringLiteral("其他灌木")));
        QVERIFY(!species.resolve(QString()));
        QCOMPARE(carbon::parseBefForm(QStringLiteral(" Continuous ")), carbon::BefForm::Continuous);
        QVERIFY(!carbon::parseBefForm(QStringLiteral("fang")));
    }

    void validationNamesFileRowColumn() {
        const carbon::SpeciesLookup species = defaultSpecies();
        auto rec = [](int row, const QString& sp, const QVariant& v) {
            carbon::VolumeRecord r;
            r.fid = row - 1;
            r.row = row;
            r.id = QStringLiteral("X%1").arg(row);
            r.species = sp;
            r.volume = v;
            r.areaHa = 1;
            return r;
        };
        const std::vector<carbon::VolumeRecord> records = {
            rec(1, QStringLiteral("马尾松"), 80.0),
            rec(2, QStringLiteral("松树"), 50.0),
            rec(3, QStringLiteral("杉木"), -5.0),
            rec(4, QStringLiteral("松树"), 60.0),
            rec(5, QStringLiteral("foo"), 70.0),
            rec(6, QStringLiteral("桉树"), QVariant()),
            rec(7, QStringLiteral("桉树"), 2500.0),
            rec(8, QStringLiteral("其他灌木"), 0.0), // no stand: not an error, a warning
            rec(9, QStringLiteral("杉木"), QStringLiteral("abc")),
        };
        const QString file = QStringLiteral("xiaoban.shp");
        const params::Issues issues = carbon::validateVolumeRecords(records,
                                                                    species,
                                                                    carbon::BefForm::Constant,
                                                                    file,
                                                                    QStringLiteral("优势树种"),
                                                                    QStringLiteral("蓄积"));
        QStringList errors, warnings;
        for (const params::Issue& i : issues)
            (i.isError() ? errors : warnings) << i.toString();
        const QString all = errors.join(QLatin1Char('\n'));
        // One line for all unknown species: the distinct names with rows, and the known names.
        QVERIFY2(
          all.contains(QStringLiteral("xiaoban.shp, row 2, column 优势树种: unknown species group in 3 "
                                      "feature(s): '松树' (rows 2, 4), 'foo' (rows 5); known: 杉木 "
                                      "(chinese_fir), 马尾松 (masson_pine)")),
          qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("xiaoban.shp, row 3, column 蓄积: feature 2 (id X3): the stand "
                                            "volume -5 m³/ha is negative")));
        QVERIFY(all.contains(
          QStringLiteral("xiaoban.shp, row 6, column 蓄积: feature 5 (id X6): the stand volume is missing")));
        QVERIFY(all.contains(QStringLiteral("xiaoban.shp, row 7, column 蓄积: feature 6 (id X7): the stand "
                                            "volume 2500 m³/ha is implausibly large")));
        QVERIFY(all.contains(QStringLiteral("row 9, column 蓄积: feature 8 (id X9): the stand volume 'abc' "
                                            "is not a number")));
        QCOMPARE(errors.size(), 5);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0].contains(QStringLiteral("row 8")) &&
                warnings[0].contains(QStringLiteral("其他灌木")));

        // Continuous form: groups without Fang coefficients are named with the table's file and row.
        const std::vector<carbon::VolumeRecord> casu = { rec(1, QStringLiteral("木麻黄"), 80.0),
                                                         rec(2, QStringLiteral("杉木"), 5.0) };
        const params::Issues ci = carbon::validateVolumeRecords(
          casu, species, carbon::BefForm::Continuous, file, QStringLiteral("sp"), QStringLiteral("v"));
        QCOMPARE(ci.size(), std::size_t(2));
        QVERIFY(ci[0].isError());
        QCOMPARE(ci[0].column, QStringLiteral("fang_a"));
        QVERIFY(ci[0].file.endsWith(QStringLiteral("species_params_cn.csv")));
        QCOMPARE(ci[0].row, 11);   // casuarina, last row (header = row 1)
        QVERIFY(!ci[1].isError()); // V = 5 < 10 m³/ha: intercept dominates (§5.3)
        QCOMPARE(ci[1].row, 2);
    }

    // A GBK shapefile with Chinese field names and species: attributes read by FID through
    // VectorLayer, stock = density × ellipsoidal area, a missing field named with the layer's fields.
    void parcelsFromGbkShapefile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("xb.shp"));
        using F = gis::VectorField;
        const std::vector<F> fields = { { QStringLiteral("小班号"), F::Type::String, 12, 0 },
                                        { QStringLiteral("优势树种"), F::Type::String, 12, 0 },
                                        { QStringLiteral("每公顷蓄积"), F::Type::Real, 8, 1 } };
        const std::vector<gis::VectorFeature> features = {
            { { QStringLiteral("A-01"), QStringLiteral("马尾松"), 100.0 }, square(500000, 2500000, 100) },
            { { QStringLiteral("A-02"), QStringLiteral("杉木"), 100.0 }, square(500200, 2500000, 200) },
            { { QStringLiteral("A-03"), QStringLiteral("阔叶混交林"), 150.5 }, square(500500, 2500000, 50) },
        };
        gis::VectorWriteOptions wo;
        wo.encoding = "CP936";
        gis::writePolygonLayer(
          path.toStdString(), QStringLiteral("xb"), gis::Crs::fromEpsg(4547), fields, features, wo);

        gis::ParcelReadOptions ro;
        ro.idField = QStringLiteral("小班号");
        const gis::ParcelSet parcels = gis::readParcels(path.toStdString(), ro);
        QCOMPARE(parcels.layer.encoding.encoding, std::string("GBK"));
        const carbon::VolumeAttributes attrs = carbon::readVolumeAttributes(
          path.toStdString(), ro.open, QStringLiteral("优势树种"), QStringLiteral("每公顷蓄积"));
        QVERIFY(attrs.issues.empty());
        const std::vector<carbon::VolumeRecord> records = carbon::joinVolumeRecords(parcels, attrs);
        QCOMPARE(records.size(), std::size_t(3));
        QCOMPARE(records[1].species, QStringLiteral("杉木"));
        QCOMPARE(records[1].row, 2);
        const carbon::SpeciesLookup species = defaultSpecies();
        QVERIFY(carbon::validateVolumeRecords(records,
                                              species,
                                              carbon::BefForm::Constant,
                                              path,
                                              QStringLiteral("优势树种"),
                                              QStringLiteral("每公顷蓄积"))
                  .empty());
        const auto results = carbon::computeVolumeParcels(records, species, carbon::BefForm::Constant);
        QVERIFY(near5(results[0].density.carbon, 30.54217));
        QVERIFY(near5(results[1].density.carbon, 32.50213));
        QCOMPARE(results[2].group->group, QStringLiteral("mixed_broadleaf"));
        double sum = 0;
        for (std::size_t i = 0; i < records.size(); ++i) {
            // Ellipsoidal area of a 100 m square in CGCS2000 / 3-degree GK: ≈ 1 ha (scale factor ≈ 1).
            QVERIFY(std::fabs(records[i].areaHa - parcels.parcels[i].ellipsoidalAreaM2 / 1e4) < 1e-12);
            QCOMPARE(results[i].carbonT, results[i].density.carbon * records[i].areaHa);
            QVERIFY(results[i].flagged);
            sum += results[i].carbonT;
        }
        QVERIFY(std::fabs(records[0].areaHa - 1.0) < 0.01);
        const carbon::VolumeTotals t = carbon::sumVolumeParcels(records, results);
        QCOMPARE(t.carbonT, sum);
        QCOMPARE(t.parcels, std::size_t(3));

        const carbon::VolumeAttributes bad = carbon::readVolumeAttributes(
          path.toStdString(), ro.open, QStringLiteral("树种"), QStringLiteral("每公顷蓄积"));
        QCOMPARE(bad.issues.size(), std::size_t(1));
        QCOMPARE(bad.issues[0].toString(),
                 path +
                   QStringLiteral(", column 树种: the layer has no field '树种'; its fields are: 小班号, "
                                  "优势树种, 每公顷蓄积"));
    }
};

QTEST_GUILESS_MAIN(TestCarbonVolume)
#include "tst_carbon_volume.moc"
