// SPDX-License-Identifier: GPL-3.0-or-later
// The declared analysis "zonal" (models/analysis/DeclarationsZonal.cpp) run in-process with a feedback:
// its validation names every bad input (a vector layer among the rasters, an unknown statistic, no
// raster); its run writes the result set (zonal.csv, zonal.gpkg, resultset.json) with the hand-known
// shares and areas of a uniform land cover; a cancelled run leaves the previous folder as it was and no
// staging folder.
#include "IssueUtil.h"
#include "TestUtil.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/Gdal.h"
#include "models/analysis/Declarations.h"
#include "models/plans/PlanTestProject.h"
#include "models/project/Project.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace tanhui;
namespace analysis = tanhui::models::analysis;

class TestZonalAnalysis : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    models::Project m_project;
    const analysis::AnalysisSpec* m_spec = nullptr;

private slots:
    void initTestCase() {
        gis::initializeGdal();
        m_project = models::Project::load(test::writePlanProject(m_dir, "[]"));
        m_spec = analysis::findAnalysis(QStringLiteral("zonal"));
        QVERIFY(m_spec);
    }

    void validation() {
        const analysis::ParameterValues bad{
            { QStringLiteral("parcels"), QStringLiteral("wet") },
            { QStringLiteral("rasters"), QStringList{ QStringLiteral("lc2021"), QStringLiteral("wet") } },
            { QStringLiteral("stats"), QStringList{ QStringLiteral("mean"), QStringLiteral("median") } },
            { QStringLiteral("out"), m_dir.filePath(QStringLiteral("z")) }
        };
        const auto issues = analysis::validate(*m_spec, bad, &m_project);
        QVERIFY2(test::hasError(issues, QStringLiteral("--rasters"), QStringLiteral("'wet'")),
                 qPrintable(test::issuesText(issues)));
        QVERIFY2(test::hasError(issues, QStringLiteral("--stats"), QStringLiteral("'median'")),
                 qPrintable(test::issuesText(issues)));
        analysis::ParameterValues none = bad;
        none.remove(QStringLiteral("rasters"));
        QVERIFY(models::params::hasErrors(analysis::validate(*m_spec, none, &m_project)));
    }

    void runWritesTheResultSet() {
        const QString out = m_dir.filePath(QStringLiteral("zonal"));
        const analysis::ParameterValues values{
            { QStringLiteral("parcels"), QStringLiteral("wet") },
            { QStringLiteral("rasters"), QStringList{ QStringLiteral("lc2021"), QStringLiteral("lc2024") } },
            { QStringLiteral("stats"),
              QStringList{ QStringLiteral("count"), QStringLiteral("frac"), QStringLiteral("area") } },
            { QStringLiteral("out"), out }
        };
        QVERIFY2(!models::params::hasErrors(analysis::validate(*m_spec, values, &m_project)),
                 qPrintable(test::issuesText(analysis::validate(*m_spec, values, &m_project))));
        gis::Feedback fb;
        const analysis::AnalysisOutcome outcome = m_spec->run(m_project, values, &fb);
        QVERIFY(!outcome.stopped);
        for (const char* f : { "zonal.csv", "zonal.gpkg", "resultset.json" })
            QVERIFY2(QFile::exists(out + QLatin1Char('/') + QLatin1String(f)), f);
        const analysis::ResultSet read = analysis::readResultSet(out.toStdString());
        QCOMPARE(read.analysis, QStringLiteral("zonal"));
        QCOMPARE(read.provenance.inputs.size(), std::size_t(3)); // the layer and the two rasters, hashed
        QCOMPARE(read.provenance.inputs.front().files.front().sha256.size(), 64);
        const analysis::Table* t = read.table(QStringLiteral("zonal"));
        QVERIFY(t);
        QCOMPARE(t->rowCount(), std::size_t(3));
        // Each column's unit as its producer declares it (ZonalTableColumn::unit); the land-cover
        // layers' units ("class") for their values.
        for (const auto& [column, unit] : { std::pair{ "lc2024_area_ha_41", "ha" },
                                            std::pair{ "lc2021_frac_41", "1" },
                                            std::pair{ "lc2021_count_cells", "cells" },
                                            std::pair{ "lc2021_nodata_ha", "ha" },
                                            std::pair{ "area_ha", "ha" },
                                            std::pair{ "code", "" },
                                            std::pair{ "geometry_repaired", "" } })
            QCOMPARE(t->column(QLatin1String(column))->unit, QLatin1String(unit));
        // Uniform class 41: share 1; its area the parcel's (W1, W2 1 ha; W3 2 ha, true area within 0.5 %).
        const double expected[] = { 1.0, 1.0, 2.0 };
        for (std::size_t i = 0; i < 3; ++i) {
            QCOMPARE(t->value(i, QStringLiteral("code")).toString(), QStringLiteral("W%1").arg(i + 1));
            QVERIFY(std::abs(t->number(i, QStringLiteral("lc2021_frac_41")) - 1.0) < 1e-12);
            const double area = t->number(i, QStringLiteral("lc2024_area_ha_41"));
            QVERIFY2(std::abs(area - expected[i]) < 0.005 * expected[i], qPrintable(QString::number(area)));
            QVERIFY(std::abs(area - t->number(i, QStringLiteral("area_ha"))) < 1e-9);
            QVERIFY(std::abs(t->number(i, QStringLiteral("lc2021_count_cells")) - 100.0 * expected[i]) <
                    1e-9);
        }
    }

    void valuesCarryTheLayersUnit() {
        // The statistics of a band's values carry its layer's units; a sum, value × cells.
        models::Project project = m_project;
        for (models::ProjectLayer& l : project.layers)
            if (l.id == QLatin1String("lc2021"))
                l.units = QStringLiteral("class");
        const QString out = m_dir.filePath(QStringLiteral("zonal_units"));
        const analysis::ParameterValues values{
            { QStringLiteral("parcels"), QStringLiteral("wet") },
            { QStringLiteral("rasters"), QStringList{ QStringLiteral("lc2021"), QStringLiteral("lc2024") } },
            { QStringLiteral("stats"),
              QStringList{ QStringLiteral("sum"), QStringLiteral("mean"), QStringLiteral("majority") } },
            { QStringLiteral("out"), out }
        };
        gis::Feedback fb;
        const analysis::AnalysisOutcome outcome = m_spec->run(project, values, &fb);
        QVERIFY(!outcome.stopped);
        const analysis::Table* t = outcome.resultSet.table(QStringLiteral("zonal"));
        QVERIFY(t);
        QCOMPARE(t->column(QStringLiteral("lc2021_mean"))->unit, QStringLiteral("class"));
        QCOMPARE(t->column(QStringLiteral("lc2021_majority"))->unit, QStringLiteral("class"));
        QCOMPARE(t->column(QStringLiteral("lc2021_sum"))->unit, QStringLiteral("class·cells"));
        QCOMPARE(t->column(QStringLiteral("lc2024_mean"))->unit, QString()); // no units given: unknown
        QCOMPARE(t->column(QStringLiteral("lc2024_sum"))->unit, QString());
        QCOMPARE(t->column(QStringLiteral("lc2024_nodata_ha"))->unit, QStringLiteral("ha"));
    }

    void cancelLeavesTheFolder() {
        const QString out = m_dir.filePath(QStringLiteral("zonal_cancel"));
        QVERIFY(test::writeOldOutput(out));
        gis::Feedback fb;
        fb.cancel();
        const analysis::ParameterValues values{
            { QStringLiteral("parcels"), QStringLiteral("wet") },
            { QStringLiteral("rasters"), QStringList{ QStringLiteral("lc2021") } },
            { QStringLiteral("stats"), QStringList{ QStringLiteral("mean") } },
            { QStringLiteral("out"), out }
        };
        QVERIFY_THROWS_EXCEPTION(gis::CancelledError, m_spec->run(m_project, values, &fb));
        QVERIFY(test::oldOutputKept(out));
    }
};

QTEST_GUILESS_MAIN(TestZonalAnalysis)
#include "tst_zonal_analysis.moc"
