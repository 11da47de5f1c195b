// SPDX-License-Identifier: GPL-3.0-or-later
// The declared inputs (models/analysis/AnalysisSpec.h, issue 10): every analysis's defaults validate on
// the sample project; a bad parameter set lists every problem at once, each naming its option; the
// command line parses back what it was given; the project file keeps the values (storeInProject → save
// → load → defaultValues); --help lists every input with its unit.
#include "TestUtil.h"
#include "gis/Gdal.h"
#include "models/analysis/AnalysisSpec.h"
#include "models/analysis/Declarations.h"
#include "models/project/Project.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <gdal.h>

using namespace tanhui;
namespace analysis = tanhui::models::analysis;
namespace params = tanhui::models::params;
using analysis::InputKind;

namespace {

QString issuesText(const params::Issues& issues) {
    QStringList lines;
    for (const params::Issue& i : issues)
        lines << (i.isError() ? QStringLiteral("error: ") : QStringLiteral("warning: ")) + i.toString();
    return lines.join(QLatin1Char('\n'));
}

/// Values different from the defaults for every input of `spec` (a round trip of them proves more).
analysis::ParameterValues sampleValues(const analysis::AnalysisSpec& spec, const QString& dir) {
    analysis::ParameterValues v;
    for (const analysis::InputSpec& in : spec.inputs) {
        switch (in.kind) {
            case InputKind::Number:
                v.insert(in.id, in.id == QLatin1String("default_uncertainty") ? 35.5 : 12.25);
                break;
            case InputKind::Integer:
                v.insert(in.id, in.id == QLatin1String("price_year") ? qlonglong(2020) : qlonglong(7));
                break;
            case InputKind::Boolean:
                v.insert(in.id, true);
                break;
            case InputKind::Choice:
                v.insert(in.id, in.choices.back().value);
                break;
            case InputKind::LayerList:
                v.insert(in.id, QStringList{ QStringLiteral("xiaoban"), QStringLiteral("wetland_units") });
                break;
            default:
                if (in.multiple)
                    v.insert(in.id,
                             QStringList{ QStringLiteral("a=") + dir + QStringLiteral("/a.csv"),
                                          QStringLiteral("b=") + dir + QStringLiteral("/b.csv") });
                else
                    v.insert(in.id, QDir(dir).filePath(in.id + QStringLiteral(".x")));
                break;
        }
    }
    return v;
}

void compareValues(const analysis::AnalysisSpec& spec,
                   const analysis::ParameterValues& expected,
                   const analysis::ParameterValues& actual) {
    for (const analysis::InputSpec& in : spec.inputs)
        QVERIFY2(analysis::valueText(in, expected.value(in.id)) ==
                   analysis::valueText(in, actual.value(in.id)),
                 qPrintable(QStringLiteral("%1.%2: %3 vs %4")
                              .arg(spec.id,
                                   in.id,
                                   analysis::valueText(in, expected.value(in.id)),
                                   analysis::valueText(in, actual.value(in.id)))));
}

/// A 2 × 2 GeoTIFF without a coordinate reference system.
void writeRasterWithoutCrs(const QString& path) {
    GDALDriverH driver = GDALGetDriverByName("GTiff");
    GDALDatasetH ds = GDALCreate(driver, path.toUtf8().constData(), 2, 2, 1, GDT_Byte, nullptr);
    double gt[6] = { 500000, 30, 0, 2500000, 0, -30 };
    GDALSetGeoTransform(ds, gt);
    GDALClose(ds);
}

} // namespace

class TestAnalysisSpec : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { gis::initializeGdal(); }

    void registryHasTheAnalyses() {
        QStringList ids;
        for (const analysis::AnalysisSpec& a : analysis::analyses()) {
            ids << a.id;
            QVERIFY(a.run);
            QVERIFY(!a.translatedLabel().isEmpty());
            QSet<QString> seen;
            for (const analysis::InputSpec& in : a.inputs) {
                QVERIFY2(!seen.contains(in.optionName()), qPrintable(in.id));
                seen.insert(in.optionName());
                QVERIFY2(*in.label && *in.help, qPrintable(in.id));
            }
        }
        QCOMPARE(ids,
                 (QStringList{ QStringLiteral("zonal"),
                               QStringLiteral("carbon_project"),
                               QStringLiteral("carbon_method"),
                               QStringLiteral("gep"),
                               QStringLiteral("restoration_plan") }));
        QVERIFY(analysis::findAnalysis(QStringLiteral("gep")));
        QVERIFY(!analysis::findAnalysis(QStringLiteral("nope")));
    }

    void defaultsValidateOnTheSample() {
        TANHUI_REQUIRE_SAMPLE(dir);
        const models::Project project = models::Project::load(QDir(dir).filePath("project.tanhui.json"));
        QTemporaryDir out;
        for (const analysis::AnalysisSpec& a : analysis::analyses()) {
            analysis::ParameterValues v = analysis::defaultValues(a, &project);
            v.insert(QStringLiteral("out"), out.filePath(a.id));
            // What the user must choose (no default can): a parcel layer, rasters, a plan.
            for (const analysis::InputSpec& in : a.inputs) {
                if (v.contains(in.id) || !in.required)
                    continue;
                if (in.kind == analysis::InputKind::ParcelLayer)
                    v.insert(in.id, QStringLiteral("xiaoban"));
                else if (in.kind == analysis::InputKind::RasterList)
                    v.insert(
                      in.id,
                      QStringList{ QStringLiteral("landcover_2015"), QStringLiteral("landcover_2024") });
                else if (in.kind == analysis::InputKind::Plan)
                    v.insert(in.id, project.plans.front().name);
            }
            const params::Issues issues = analysis::validate(a, v, &project);
            QVERIFY2(!params::hasErrors(issues), qPrintable(a.id + QLatin1Char('\n') + issuesText(issues)));
        }
        // The project's gep section overrides the declared defaults.
        const analysis::ParameterValues gep =
          analysis::defaultValues(*analysis::findAnalysis("gep"), &project);
        QCOMPARE(gep.value("profile").toString(), QStringLiteral("NDRC2022"));
        QCOMPARE(gep.value("ac_days").toDouble(), 120.0);
        QCOMPARE(gep.value("slope_length").toDouble(), 22.13); // not in the section: the default
        QVERIFY(!gep.contains("price_year"));
    }

    void badSetListsEveryProblem() {
        TANHUI_REQUIRE_SAMPLE(dir);
        QTemporaryDir tmp;
        const QString prices = tmp.filePath("prices.csv");
        QFile f(prices);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("key,value,unit,basis,price_year,source\n"
                "water_price,-3.5,CNY/m3,m3,2020,test\n");
        f.close();
        const models::Project project = models::Project::load(QDir(dir).filePath("project.tanhui.json"));
        const analysis::AnalysisSpec& spec = *analysis::findAnalysis("gep");
        analysis::ParameterValues v = analysis::defaultValues(spec, &project);
        v.remove("out");                                      // required
        v.insert("prices", prices);                           // a negative price
        v.insert("layers", QStringList{ "xiaoban", "nope" }); // an unknown layer
        v.insert("profile", "GEP2099");                       // an unknown choice
        v.insert("ac_days", 400.0);                           // out of range
        v.insert("deflators", tmp.filePath("missing.csv"));   // a missing file, and no price year
        const params::Issues issues = analysis::validate(spec, v, &project);
        const QString text = issuesText(issues);
        for (const char* expected :
             { "column --out: Output folder is required",
               "column value: --prices: negative value -3.5 CNY per basis unit",
               "column --layers: Parcel layers: the project has no layer 'nope'",
               "column --profile: Accounting profile: unknown value 'GEP2099'",
               "column --ac-days: days with air conditioning is 400 day, outside the valid range",
               "column --deflators: Price index table: ",
               "column --price-year: Price year is required when --deflators is given" })
            QVERIFY2(text.contains(QString::fromUtf8(expected)),
                     qPrintable(expected + QStringLiteral("\n") + text));
        QVERIFY2(!text.contains("'xiaoban'"), qPrintable(text));
        const params::Issue* price = nullptr;
        for (const params::Issue& i : issues)
            if (i.file == prices)
                price = &i;
        QVERIFY(price);
        QCOMPARE(price->row, 2);
        QCOMPARE(price->column, QStringLiteral("value"));

        // A usual-range warning is a warning, not an error.
        analysis::ParameterValues w = analysis::defaultValues(spec, &project);
        w.insert("out", tmp.filePath("out"));
        w.insert("seawall_life", 5.0);
        const params::Issues wi = analysis::validate(spec, w, &project);
        QVERIFY2(!params::hasErrors(wi) && issuesText(wi).contains("warning: column --seawall-life"),
                 qPrintable(issuesText(wi)));

        // Layer kinds and roles, fields of the parent layer, and a raster without a CRS.
        models::Project p = project;
        const QString noCrs = tmp.filePath("nocrs.tif");
        writeRasterWithoutCrs(noCrs);
        p.layers.push_back({});
        p.layers.back().id = "nocrs";
        p.layers.back().kind = "raster";
        p.layers.back().role = "dem";
        p.layers.back().path = noCrs;
        analysis::AnalysisSpec zonal;
        zonal.id = "test";
        analysis::InputSpec raster;
        raster.id = "raster";
        raster.kind = InputKind::RasterLayer;
        raster.label = "Raster";
        raster.layerRoles = { "dem" };
        analysis::InputSpec parcels;
        parcels.id = "parcels";
        parcels.kind = InputKind::ParcelLayer;
        parcels.label = "Parcels";
        parcels.layerRoles = { "forest_subcompartments" };
        analysis::InputSpec field;
        field.id = "field";
        field.kind = InputKind::Field;
        field.label = "Field";
        field.parentInput = "parcels";
        zonal.inputs = { raster, parcels, field };
        params::Issues zi =
          analysis::validate(zonal, { { "raster", "nocrs" }, { "parcels", "districts" } }, &p);
        QString zt = issuesText(zi);
        QVERIFY2(
          zt.contains("column --raster: Raster: raster layer 'nocrs' has no coordinate reference system") &&
            zt.contains("column --parcels: Parcels: layer 'districts' has the role 'districts'"),
          qPrintable(zt));
        zi = analysis::validate(
          zonal, { { "raster", "dem" }, { "parcels", "xiaoban" }, { "field", "no_such" } }, &p);
        zt = issuesText(zi);
        QVERIFY2(zi.size() == 1 &&
                   zt.contains("column --field: Field: layer 'xiaoban' has no field 'no_such'"),
                 qPrintable(zt));
    }

    void runStopsOnBadTables() {
        // run() goes through gep::prepareGepModel: a problem of the model stops it before any data is
        // read or written, with the problem in the outcome.
        TANHUI_REQUIRE_SAMPLE(dir);
        QTemporaryDir tmp;
        const models::Project project = models::Project::load(QDir(dir).filePath("project.tanhui.json"));
        const analysis::AnalysisSpec& spec = *analysis::findAnalysis("gep");
        analysis::ParameterValues v = analysis::defaultValues(spec, &project);
        v.insert("out", tmp.filePath("gep"));
        const QString prices = tmp.filePath("prices.csv");
        QFile f(prices);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("key,value,unit,basis,price_year,source\nwater_price,-3.5,CNY/m3,m3,2020,test\n");
        f.close();
        v.insert("prices", prices);
        const analysis::AnalysisOutcome outcome = spec.run(project, v, nullptr);
        QVERIFY(outcome.stopped);
        QVERIFY2(issuesText(outcome.issues).contains(prices + ", row 2, column value"),
                 qPrintable(issuesText(outcome.issues)));
        QVERIFY(!QFileInfo::exists(tmp.filePath("gep")));
        // The settings' origin: values equal to the project's are named by their key, the others as set.
        v.insert("ac_days", 90.0);
        const auto settings = analysis::gepSettings(spec, project, v, { QStringLiteral("ac_days") });
        QCOMPARE(settings.acDays.value_or(0), 90.0);
        QCOMPARE(settings.profile, QStringLiteral("NDRC2022"));
        QCOMPARE(
          settings.origin,
          QStringLiteral("project: gep.profile, gep.price_set, gep.climate_variant; flags: --ac-days"));
    }

    void conditions() {
        const analysis::AnalysisSpec& spec = *analysis::findAnalysis("carbon_project");
        const analysis::InputSpec* seed = spec.input("seed");
        QVERIFY(seed);
        QVERIFY(!analysis::isEnabled(*seed, { { "uncertainty", false } }));
        QVERIFY(analysis::isEnabled(*seed, { { "uncertainty", true } }));
        // Disabled inputs are not checked.
        QVERIFY(analysis::validate(spec, { { "seed", -3 } }, nullptr).empty());
        const params::Issues bad =
          analysis::validate(spec, { { "uncertainty", true }, { "seed", -3 } }, nullptr);
        QVERIFY2(issuesText(bad).contains(
                   "column --seed: --seed must be a whole number from 0 to 9007199254740991, not -3"),
                 qPrintable(issuesText(bad)));
        const analysis::AnalysisSpec& gep = *analysis::findAnalysis("gep");
        QVERIFY(!analysis::isRequired(*gep.input("price_year"), {}));
        QVERIFY(analysis::isRequired(*gep.input("price_year"), { { "deflators", "x.csv" } }));
    }

    void cliRoundTrip() {
        QTemporaryDir tmp;
        for (const analysis::AnalysisSpec& spec : analysis::analyses()) {
            const analysis::ParameterValues v = sampleValues(spec, tmp.path());
            QStringList args{ QStringLiteral("tanhui-cli") };
            for (const analysis::InputSpec& in : spec.inputs) {
                if (in.kind == InputKind::Boolean) {
                    if (v.value(in.id).toBool())
                        args << QStringLiteral("--") + in.optionName();
                } else if (in.multiple) {
                    for (const QString& s : v.value(in.id).toStringList())
                        args << QStringLiteral("--") + in.optionName() << s;
                } else {
                    args << QStringLiteral("--") + in.optionName() << analysis::valueText(in, v.value(in.id));
                }
            }
            QCommandLineParser parser;
            analysis::addCliOptions(parser, spec);
            QVERIFY2(parser.parse(args), qPrintable(parser.errorText()));
            params::Issues issues;
            const analysis::ParameterValues back = analysis::parseCli(parser, spec, {}, issues);
            QVERIFY2(issues.empty(), qPrintable(issuesText(issues)));
            compareValues(spec, v, back);
            // Not given: the base value stays; unparsable: an issue naming the option.
            QCommandLineParser p2;
            analysis::addCliOptions(p2, spec);
            QVERIFY(p2.parse({ QStringLiteral("tanhui-cli") }));
            QCOMPARE(analysis::parseCli(p2, spec, v, issues), v);
        }
        QCommandLineParser p3;
        const analysis::AnalysisSpec& gep = *analysis::findAnalysis("gep");
        analysis::addCliOptions(p3, gep);
        QVERIFY(p3.parse({ "tanhui-cli", "--ac-days", "many" }));
        params::Issues issues;
        const analysis::ParameterValues back = analysis::parseCli(p3, gep, { { "ac_days", 5.0 } }, issues);
        QCOMPARE(issues.size(), std::size_t(1));
        QCOMPARE(issues.front().column, QStringLiteral("--ac-days"));
        QVERIFY(!back.contains("ac_days"));
    }

    void projectFileKeepsTheValues() {
        TANHUI_REQUIRE_SAMPLE(dir);
        QTemporaryDir tmp;
        models::Project project = models::Project::load(QDir(dir).filePath("project.tanhui.json"));
        std::map<QString, analysis::ParameterValues> stored;
        for (const analysis::AnalysisSpec& spec : analysis::analyses()) {
            stored[spec.id] = sampleValues(spec, tmp.path());
            analysis::storeInProject(spec, stored[spec.id], project);
        }
        const QString file = tmp.filePath("project.tanhui.json");
        project.save(file);
        const models::Project reloaded = models::Project::load(file);
        for (const analysis::AnalysisSpec& spec : analysis::analyses())
            compareValues(spec, stored[spec.id], analysis::defaultValues(spec, &reloaded));
        // The project's own sections hold the inputs with a project key, the "analyses" object the others.
        QCOMPARE(reloaded.gep.acDays.value_or(0), 12.25);
        QCOMPARE(reloaded.gep.priceYear.value_or(0), 2020);
        QCOMPARE(reloaded.carbon.uncertainty.iterations.value_or(0), 7.0);
        QVERIFY(reloaded.carbon.uncertainty.present);
        QCOMPARE(reloaded.analyses.values.value("gep").value("layers").toStringList(),
                 (QStringList{ "xiaoban", "wetland_units" }));
        QVERIFY(!reloaded.analyses.values.value("gep").contains("ac_days"));
        // Clearing a value removes it again.
        models::Project cleared = reloaded;
        analysis::ParameterValues v = stored["gep"];
        v.remove("layers");
        v.remove("ac_days");
        analysis::storeInProject(*analysis::findAnalysis("gep"), v, cleared);
        QVERIFY(!cleared.gep.acDays);
        QVERIFY(!cleared.analyses.values.value("gep").contains("layers"));
    }

    void helpListsEveryInputWithItsUnit() {
        for (const analysis::AnalysisSpec& spec : analysis::analyses()) {
            QCommandLineParser parser;
            analysis::addCliOptions(parser, spec);
            const QString help = parser.helpText().simplified(); // a unit may wrap ("t d.m./ha")
            for (const analysis::InputSpec& in : spec.inputs) {
                QVERIFY2(help.contains(QStringLiteral("--") + in.optionName()), qPrintable(in.id));
                if (!in.unit.isEmpty())
                    QVERIFY2(help.contains(QStringLiteral("unit: ") + in.unit), qPrintable(in.id));
            }
        }
        QCommandLineParser parser;
        analysis::addCliOptions(parser, *analysis::findAnalysis("gep"));
        QVERIFY2(parser.helpText().simplified().contains("[unit: d; range: 0 to 366; project: gep.ac_days]"),
                 qPrintable(parser.helpText()));
    }
};

QTEST_GUILESS_MAIN(TestAnalysisSpec)
#include "tst_analysisspec.moc"
