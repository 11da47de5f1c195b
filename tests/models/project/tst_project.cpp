// SPDX-License-Identifier: GPL-3.0-or-later
// Project files: round trip, relative path resolution, validation messages, refused input.
#include "TestUtil.h"
#include "models/project/Project.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tanhui;
using models::Project;

class TestProject : public QObject {
    Q_OBJECT

private slots:
    void roundTrip() {
        QTemporaryDir dir;
        Project p;
        p.name = QStringLiteral("测试 project");
        p.crs = QStringLiteral("EPSG:4547");
        models::ProjectLayer l;
        l.id = QStringLiteral("xiaoban");
        l.kind = QStringLiteral("vector");
        l.role = QStringLiteral("forest_subcompartments");
        l.path = QStringLiteral("vectors/xiaoban.shp");
        l.encoding = QStringLiteral("GBK");
        l.idField = QStringLiteral("小班号");
        l.year = 2015;
        l.fields.insert(QStringLiteral("volume_m3_per_ha"), QStringLiteral("每公顷蓄积"));
        l.values.insert(QStringLiteral("species_group:马尾松"), QStringLiteral("masson_pine"));
        p.layers.push_back(l);
        p.classes.push_back(
          { 42, QStringLiteral("Mangrove"), QStringLiteral("红树林"), QStringLiteral("#006d5b") });
        p.parameters.push_back({ QStringLiteral("carbon/x"), QStringLiteral("parameters/carbon/x.csv") });
        const QString file = dir.filePath(QStringLiteral("project.tanhui.json"));
        p.save(file);
        const Project q = Project::load(file);
        QCOMPARE(q.version, Project::kVersion);
        QCOMPARE(q.name, p.name);
        QCOMPARE(q.layers.size(), std::size_t(1));
        const models::ProjectLayer* r = q.layer(QStringLiteral("xiaoban"));
        QVERIFY(r);
        QCOMPARE(r->idField, QStringLiteral("小班号"));
        QCOMPARE(r->year, 2015);
        QCOMPARE(r->fields.value(QStringLiteral("volume_m3_per_ha")), QStringLiteral("每公顷蓄积"));
        QCOMPARE(r->values.value(QStringLiteral("species_group:马尾松")), QStringLiteral("masson_pine"));
        QCOMPARE(q.classes.at(0).nameZh, QStringLiteral("红树林"));
        QCOMPARE(q.resolve(r->path), dir.filePath(QStringLiteral("vectors/xiaoban.shp")));
        // Saving again gives the same bytes.
        const QString file2 = dir.filePath(QStringLiteral("again.json"));
        q.save(file2);
        QFile a(file), b(file2);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
        // Missing files are named.
        const QStringList problems = q.validate();
        QCOMPARE(problems.size(), 2);
        QVERIFY2(problems.at(0).contains(QStringLiteral("xiaoban.shp")), qPrintable(problems.at(0)));
        QVERIFY2(problems.at(1).contains(QStringLiteral("x.csv")), qPrintable(problems.at(1)));
    }

    void listsEveryWrongType() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("types.tanhui.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "tanhui-project", "version": 1, "name": 5,
                    "layers": [{"id": "lc", "kind": "raster", "path": "lc.tif", "year": "2015"},
                               {"id": "x", "kind": 7, "path": "x.shp", "fields": {"area_ha": 3}}, 12],
                    "classes": "none"})");
        f.close();
        const gis::GisError e = test::expectError([&] { Project::load(file); });
        QCOMPARE(e.kind(), gis::GisError::Kind::InvalidArgument);
        const QString what = QString::fromUtf8(e.what());
        for (const char* expected : { "6 problem(s)",
                                      "\"name\" must be a text, not a number",
                                      "layer lc: \"year\" must be a whole number, not the text \"2015\"",
                                      "layer x: \"kind\" must be a text, not a number",
                                      "layer x: \"fields\".\"area_ha\" must be a text, not a number",
                                      "layers entry 3 must be an object, not a number",
                                      "\"classes\" must be an array of objects, not a text" })
            QVERIFY2(what.contains(QString::fromUtf8(expected)), qPrintable(what));
    }

    // The gep section (docs/gep.md "Project settings"): every setting survives save → load with the same
    // bytes; a project without it has none; bad values are refused naming the file and the key.
    void gepSection() {
        QTemporaryDir dir;
        Project p;
        p.name = QStringLiteral("gep");
        p.crs = QStringLiteral("EPSG:4547");
        p.gep.present = true;
        p.gep.profile = QStringLiteral("NDRC2022");
        p.gep.priceSet = QStringLiteral("P0_RCEES2010");
        p.gep.priceYear = 2024;
        p.gep.deflators = QStringLiteral("parameters/gep/my_index.csv");
        p.gep.indexFallback = QStringLiteral("cpi");
        p.gep.climateVariant = QStringLiteral("cop");
        p.gep.acDays = 120;
        p.gep.slopeLengthM = 40;
        p.gep.seawallCostYuanPerM = 20000;
        p.gep.seawallLifeYears = 50;
        const QString file = dir.filePath(QStringLiteral("g.tanhui.json"));
        p.save(file);
        const Project q = Project::load(file);
        QVERIFY(q.gep.present);
        QCOMPARE(q.gep.profile, QStringLiteral("NDRC2022"));
        QCOMPARE(q.gep.priceSet, QStringLiteral("P0_RCEES2010"));
        QCOMPARE(*q.gep.priceYear, 2024);
        QCOMPARE(q.gep.deflators, QStringLiteral("parameters/gep/my_index.csv"));
        QCOMPARE(q.gep.indexFallback, QStringLiteral("cpi"));
        QCOMPARE(q.gep.climateVariant, QStringLiteral("cop"));
        QCOMPARE(*q.gep.acDays, 120.0);
        QCOMPARE(*q.gep.slopeLengthM, 40.0);
        QCOMPARE(*q.gep.seawallCostYuanPerM, 20000.0);
        QCOMPARE(*q.gep.seawallLifeYears, 50.0);
        const QString again = dir.filePath(QStringLiteral("again.json"));
        q.save(again);
        QFile a(file), b(again);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
        Project none;
        none.name = QStringLiteral("none");
        none.save(again);
        QVERIFY(!Project::load(again).gep.present);

        const std::vector<std::pair<const char*, const char*>> bad = {
            { R"("gep": {"climate_variant": "cop3"})", "gep.climate_variant must be \"s1\" or \"cop\"" },
            { R"("gep": {"ac_days": 400})", "gep.ac_days must be a number from 0 to 366" },
            { R"("gep": {"ac_days": "120"})", "gep.ac_days must be a number" },
            { R"("gep": {"price_year": 2024.5})", "gep.price_year must be a whole year" },
            { R"("gep": {"profile": 3})", "gep.profile must be a non-empty text" },
            { R"("gep": {"acdays": 120})", "gep.acdays is not a known key" },
            { R"("gep": {"deflators": "x.csv"})", "gep.deflators needs gep.price_year" },
            { R"("gep": [1])", "\"gep\" must be a JSON object" },
        };
        const QString badFile = dir.filePath(QStringLiteral("bad.tanhui.json"));
        for (const auto& [json, expected] : bad) {
            QFile f(badFile);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QByteArray(R"({"format": "tanhui-project", "version": 1, "layers": [], )") + json + "}");
            f.close();
            const gis::GisError e = test::expectError([&] { Project::load(badFile); });
            QCOMPARE(e.kind(), gis::GisError::Kind::InvalidArgument);
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.contains(QString::fromUtf8(expected)) && what.contains(badFile), qPrintable(what));
        }
    }

    // The layouts section (issue 14, map export): every setting survives save → load with the same
    // bytes; bad values are refused naming the file, the layout and the key.
    void layoutsSection() {
        QTemporaryDir dir;
        Project p;
        p.name = QStringLiteral("maps");
        p.crs = QStringLiteral("EPSG:4547");
        for (const char* id : { "landcover_2024", "districts" }) {
            models::ProjectLayer l;
            l.id = QString::fromLatin1(id);
            l.kind = QStringLiteral("vector");
            l.role = l.id;
            l.path = l.id + QStringLiteral(".gpkg");
            p.layers.push_back(l);
        }
        models::ProjectLayout a;
        a.name = QStringLiteral("土地覆被");
        a.title = QStringLiteral("Land cover 2024");
        a.layers = { QStringLiteral("landcover_2024"), QStringLiteral("districts") };
        a.extent = { 440000, 2540000, 460000, 2560000 };
        a.year = 2024;
        a.page = QStringLiteral("A3");
        a.orientation = QStringLiteral("portrait");
        a.dpi = 300;
        a.marginMm = 12.5;
        a.legend = false;
        a.scaleBar = false;
        a.northArrow = false;
        a.grid = true;
        a.overview = true;
        a.source = QStringLiteral("Survey 2024");
        a.atlasLayer = QStringLiteral("districts");
        a.atlasField = QStringLiteral("name");
        models::ProjectLayout b;
        b.name = QStringLiteral("default");
        p.layouts = { a, b };
        const QString file = dir.filePath(QStringLiteral("l.tanhui.json"));
        p.save(file);
        const Project q = Project::load(file);
        QCOMPARE(q.layouts.size(), std::size_t(2));
        const models::ProjectLayout* r = q.layout(QStringLiteral("土地覆被"));
        QVERIFY(r);
        QCOMPARE(r->title, a.title);
        QCOMPARE(r->layers, a.layers);
        QCOMPARE(r->extent, a.extent);
        QCOMPARE(r->year, 2024);
        QCOMPARE(r->page, QStringLiteral("A3"));
        QCOMPARE(r->orientation, QStringLiteral("portrait"));
        QCOMPARE(r->dpi, 300.0);
        QCOMPARE(r->marginMm, 12.5);
        QVERIFY(!r->legend && !r->scaleBar && !r->northArrow && r->grid && r->overview);
        QCOMPARE(r->source, a.source);
        QCOMPARE(r->atlasLayer, a.atlasLayer);
        QCOMPARE(r->atlasField, a.atlasField);
        const models::ProjectLayout* d = q.layout(QStringLiteral("default"));
        QVERIFY(d && d->extent.empty() && d->layers.isEmpty() && d->legend && !d->grid);
        QCOMPARE(d->page, QStringLiteral("A4"));
        QVERIFY(!q.layout(QStringLiteral("none")));
        const QString again = dir.filePath(QStringLiteral("again.json"));
        q.save(again);
        QFile fa(file), fb(again);
        QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
        QCOMPARE(fa.readAll(), fb.readAll());

        const std::vector<std::pair<const char*, const char*>> bad = {
            { R"("layouts": {"name": "x"})", "\"layouts\" must be a JSON array" },
            { R"("layouts": [{"title": "x"}])", "layouts[0].name must be a non-empty text" },
            { R"("layouts": [{"name": "x"}, {"name": "x"}])", "layouts[1] (\"x\").name: another layout" },
            { R"("layouts": [{"name": "x", "dpi": 5}])",
              "layouts[0] (\"x\").dpi must be a number from 36 to 1200" },
            { R"("layouts": [{"name": "x", "page": "A9"}])", "layouts[0] (\"x\").page must be one of" },
            { R"("layouts": [{"name": "x", "orientation": "up"}])",
              "layouts[0] (\"x\").orientation must be" },
            { R"("layouts": [{"name": "x", "extent": [1, 2, 0, 3]}])",
              "layouts[0] (\"x\").extent must be \"full\"" },
            { R"("layouts": [{"name": "x", "grid": "yes"}])",
              "layouts[0] (\"x\").grid must be true or false" },
            { R"("layouts": [{"name": "x", "date": 2024.5}])",
              "layouts[0] (\"x\").date must be a whole year" },
            { R"("layouts": [{"name": "x", "legnd": true}])", "layouts[0] (\"x\").legnd is not a known key" },
            { R"("layouts": [{"name": "x", "layers": ["nope"]}])",
              "layout \"x\": layers: unknown layer \"nope\"" },
            { R"("layouts": [{"name": "x", "atlas": {"field": "n"}}])",
              "layouts[0] (\"x\").atlas must be an object" },
            { R"("layouts": [{"name": "x", "atlas": {"layer": "nope"}}])",
              "layout \"x\": atlas.layer: unknown layer" },
        };
        const QString badFile = dir.filePath(QStringLiteral("bad.tanhui.json"));
        for (const auto& [json, expected] : bad) {
            QFile f(badFile);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QByteArray(R"({"format": "tanhui-project", "version": 1, "layers": [], )") + json + "}");
            f.close();
            const gis::GisError e = test::expectError([&] { Project::load(badFile); });
            QCOMPARE(e.kind(), gis::GisError::Kind::InvalidArgument);
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.contains(QString::fromUtf8(expected)) && what.contains(badFile), qPrintable(what));
        }
    }

    void refusesBadFiles() {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("none.json"));
        gis::GisError e = test::expectError([&] { Project::load(missing); });
        QCOMPARE(e.kind(), gis::GisError::Kind::Open);
        QVERIFY(QString::fromStdString(e.what()).contains(missing));
        const QString newer = dir.filePath(QStringLiteral("newer.json"));
        QFile f(newer);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "tanhui-project", "version": 99, "layers": []})");
        f.close();
        e = test::expectError([&] { Project::load(newer); });
        QCOMPARE(e.kind(), gis::GisError::Kind::InvalidArgument);
        QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("newer")), e.what());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        QCOMPARE(test::expectError([&] { Project::load(newer); }).kind(), gis::GisError::Kind::Open);
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
