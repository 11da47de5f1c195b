// SPDX-License-Identifier: GPL-3.0-or-later
// The declared analysis "carbon_method" (one carbon method on one parcel layer, DeclarationsCarbon.cpp):
// it runs through the project run itself, so a parcel whose project method is the one chosen gets the very
// result of the project run (same adapter, same options), every parcel of the layer is computed with that
// method, and the outputs are the carbon result set (parcels, totals, ledger check); a cancelled run leaves
// the folder as it was.
#include "TestUtil.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/Gdal.h"
#include "models/analysis/Declarations.h"
#include "models/carbon/CarbonProject.h"
#include "models/plans/PlanTestProject.h"
#include "models/project/Project.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>

using namespace tanhui;
namespace analysis = tanhui::models::analysis;

class TestCarbonMethodAnalysis : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    models::Project m_project;
    const analysis::AnalysisSpec* m_spec = nullptr;

    /// Stock 2024 (t C) per parcel id and method of a carbon result set's parcels table.
    static std::map<QString, std::pair<QString, double>> stocks(const analysis::ResultSet& rs) {
        std::map<QString, std::pair<QString, double>> out;
        const analysis::Table* t = rs.table(QStringLiteral("parcels"));
        for (std::size_t i = 0; t && i < t->rowCount(); ++i)
            out[t->value(i, QStringLiteral("id")).toString()] = {
                t->value(i, QStringLiteral("method")).toString(),
                t->number(i, QStringLiteral("c_total_t_2024"))
            };
        return out;
    }

private slots:
    void initTestCase() {
        gis::initializeGdal();
        // Layer wet: W1, W3 tidal flats (project method bluecarbon), W2 a fishpond dyke (pools).
        m_project = models::Project::load(test::writePlanProject(m_dir, "[]"));
        m_spec = analysis::findAnalysis(QStringLiteral("carbon_method"));
        QVERIFY(m_spec);
    }

    void sameAsTheProjectRun() {
        models::carbon::CarbonProjectOptions options;
        options.outDir = m_dir.filePath(QStringLiteral("project")).toStdString();
        const models::carbon::CarbonProjectRun project = models::carbon::runCarbonProject(m_project, options);
        QVERIFY(!project.stopped);
        const auto whole = stocks(project.resultSet);
        QCOMPARE(whole.size(), std::size_t(3));
        for (const QString& method : { QStringLiteral("pools"), QStringLiteral("bluecarbon") }) {
            const analysis::ParameterValues values{ { QStringLiteral("layer"), QStringLiteral("wet") },
                                                    { QStringLiteral("method"), method },
                                                    { QStringLiteral("out"), m_dir.filePath(method) } };
            QVERIFY(!models::params::hasErrors(analysis::validate(*m_spec, values, &m_project)));
            gis::Feedback fb;
            const analysis::AnalysisOutcome outcome = m_spec->run(m_project, values, &fb);
            QVERIFY(!outcome.stopped);
            QVERIFY(QFile::exists(m_dir.filePath(method) + QStringLiteral("/parcels.csv")));
            QVERIFY(outcome.resultSet.table(QStringLiteral("ledger_check")));
            const auto one = stocks(outcome.resultSet);
            QCOMPARE(one.size(), std::size_t(3));
            int same = 0;
            for (const auto& [id, r] : one) {
                QCOMPARE(r.first, method); // every parcel with the chosen method
                if (whole.at(id).first == method) {
                    QCOMPARE(r.second, whole.at(id).second); // the project run's own result
                    ++same;
                }
            }
            QCOMPARE(same, method == QLatin1String("pools") ? 1 : 2);
        }
    }

    void cancelLeavesTheFolder() {
        const QString out = m_dir.filePath(QStringLiteral("cancelled"));
        QVERIFY(test::writeOldOutput(out));
        gis::Feedback fb;
        fb.cancel();
        const analysis::ParameterValues values{ { QStringLiteral("layer"), QStringLiteral("wet") },
                                                { QStringLiteral("method"), QStringLiteral("pools") },
                                                { QStringLiteral("out"), out } };
        QVERIFY_THROWS_EXCEPTION(gis::CancelledError, m_spec->run(m_project, values, &fb));
        QVERIFY(test::oldOutputKept(out));
    }
};

QTEST_GUILESS_MAIN(TestCarbonMethodAnalysis)
#include "tst_carbon_method_analysis.moc"
