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
