// SPDX-License-Identifier: GPL-3.0-or-later
// The declared analysis "carbon_method" (one carbon method on one parcel layer, DeclarationsCarbon.cpp):
// it runs through the project run itself, so a parcel whose project method is the one chosen gets the very
// result of the project run (same adapter, same options), every parcel of the layer is computed with that
// method, and the outputs are the carbon result set (parcels, totals, ledger check); a cancelled run leaves
// the folder as it was.
#include "IssueUtil.h"
#include "TestUtil.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/Gdal.h"
#include "models/analysis/Declarations.h"
#include "models/carbon/CarbonProject.h"
#include "models/carbon/GainLossMethod.h"
#include "models/plans/PlanTestProject.h"
#include "models/project/Project.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
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

    /// Every option a method declares (carbon::MethodOption) passes the method's own check with each of
    /// its choices and its default, and an undeclared value fails it: the form's choices and the project
    /// loader's check cannot drift apart.
    void declaredOptionsPassTheMethodsCheck() {
        int options = 0;
        for (const models::carbon::MethodInfo& m : models::carbon::carbonMethods())
            for (const models::carbon::MethodOption& o : m.options) {
                ++options;
                QVERIFY2(m.checkOption, qPrintable(m.name));
                QVERIFY2(*o.label && *o.help && !o.source.isEmpty(),
                         qPrintable(m.name + QLatin1Char('.') + o.key));
                if (!o.defaultValue.isEmpty())
                    QVERIFY2(
                      m.checkOption(o.key, o.defaultValue).isEmpty(),
                      qPrintable(m.name + QLatin1Char('.') + o.key + QLatin1Char('=') + o.defaultValue));
                for (const auto& choice : o.choices)
                    QVERIFY2(m.checkOption(o.key, choice.first).isEmpty(),
                             qPrintable(m.name + QLatin1Char('.') + o.key + QLatin1Char('=') + choice.first));
                if (!o.choices.empty() || o.number || o.key == QLatin1String("forest_classes"))
                    QVERIFY2(!m.checkOption(o.key, QStringLiteral("bogus")).isEmpty(),
                             qPrintable(m.name + QLatin1Char('.') + o.key));
                if (o.number) {
                    const double d = o.defaultValue.toDouble();
                    QVERIFY(d >= o.number->min && d <= o.number->max);
                    QVERIFY(!m.checkOption(o.key, QString::number(o.number->max + 1)).isEmpty());
                }
            }
        QCOMPARE(options,
                 17); // bef_form ×2, volume_gainloss 4 more, soil 3, gainloss 2, bluecarbon 4, regression 2
    }

    /// The form has one input per option key, shown only for the methods that take it; it starts from
    /// the project's value (the hand project's mangrove entry says climate=subtrop; a copy says trop_wet),
    /// and a bad value is named by the input.
    void optionInputs() {
        const analysis::InputSpec* climate = m_spec->input(QStringLiteral("climate"));
        const analysis::InputSpec* bef = m_spec->input(QStringLiteral("bef_form"));
        const analysis::InputSpec* fd = m_spec->input(QStringLiteral("fd"));
        QVERIFY(climate && bef && fd);
        QCOMPARE(climate->kind, analysis::InputKind::Choice);
        QCOMPARE(fd->kind, analysis::InputKind::Number);
        QCOMPARE(fd->scalar, &models::carbon::disturbanceFractionParameter()); // its range and checks
        QCOMPARE(fd->max, 1.0);
        QVERIFY(bef->hiddenWhenDisabled);
        QCOMPARE(bef->enabledIf->values,
                 (QStringList{ QStringLiteral("volume"), QStringLiteral("volume_gainloss") }));
        QCOMPARE(fd->enabledIf->values,
                 (QStringList{ QStringLiteral("volume_gainloss"), QStringLiteral("gainloss") }));

        analysis::ParameterValues values = analysis::defaultValues(*m_spec, &m_project);
        QCOMPARE(values.value(QStringLiteral("climate")).toString(), QStringLiteral("subtrop"));
        QCOMPARE(values.value(QStringLiteral("bef_form")).toString(), QStringLiteral("constant"));
        models::Project other = m_project;
        other.carbon.methods[QStringLiteral("mangrove")].front().options[QStringLiteral("climate")] =
          QStringLiteral("trop_wet");
        QCOMPARE(analysis::defaultValues(*m_spec, &other).value(QStringLiteral("climate")).toString(),
                 QStringLiteral("trop_wet"));
        // Written in another case (the loader accepts it): the choice it names.
        other.carbon.methods[QStringLiteral("mangrove")].front().options[QStringLiteral("climate")] =
          QStringLiteral("Trop_Dry ");
        QCOMPARE(analysis::defaultValues(*m_spec, &other).value(QStringLiteral("climate")).toString(),
                 QStringLiteral("trop_dry"));

        values.insert(QStringLiteral("layer"), QStringLiteral("wet"));
        values.insert(QStringLiteral("method"), QStringLiteral("gainloss"));
        values.insert(QStringLiteral("fd"), 1.5);
        values.insert(QStringLiteral("forest_classes"), QStringLiteral("11:plantation"));
        values.insert(QStringLiteral("climate"), QStringLiteral("arctic")); // not gainloss's: not checked
        const models::params::Issues issues = analysis::validate(*m_spec, values, &m_project);
        const QString text = test::issuesText(issues);
        QVERIFY2(test::hasError(issues, QStringLiteral("--fd"), QString()), qPrintable(text));
        QCOMPARE(
          std::count_if(issues.begin(),
                        issues.end(),
                        [](const models::params::Issue& i) { return i.column == QLatin1String("--fd"); }),
          1); // once: by its scalar declaration, not again by the method's check
        QVERIFY2(test::hasError(issues, QStringLiteral("--forest-classes"), QString()), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("CODE=TYPE")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("arctic")), qPrintable(text));
        values.insert(QStringLiteral("method"), QStringLiteral("bluecarbon"));
        QVERIFY(test::hasError(
          analysis::validate(*m_spec, values, &m_project), QStringLiteral("--climate"), QString()));
    }

    /// The options of the form reach every parcel (method_detail says what was used), and where the
    /// project's own entries differ the run says so.
    void optionsReachTheRun() {
        const QString out = m_dir.filePath(QStringLiteral("invest"));
        analysis::ParameterValues values = analysis::defaultValues(*m_spec, &m_project);
        values.insert(QStringLiteral("layer"), QStringLiteral("wet"));
        values.insert(QStringLiteral("method"), QStringLiteral("bluecarbon"));
        values.insert(QStringLiteral("route"), QStringLiteral("cbc"));
        values.insert(QStringLiteral("invest_compatible"), QStringLiteral("yes"));
        values.insert(QStringLiteral("out"), out);
        QVERIFY(!models::params::hasErrors(analysis::validate(*m_spec, values, &m_project)));
        gis::Feedback fb;
        const analysis::AnalysisOutcome outcome = m_spec->run(m_project, values, &fb);
        QVERIFY(!outcome.stopped);
        const analysis::Table* t = outcome.resultSet.table(QStringLiteral("parcels"));
        QVERIFY(t);
        QCOMPARE(t->rowCount(), std::size_t(3));
        for (std::size_t i = 0; i < t->rowCount(); ++i)
            QCOMPARE(t->value(i, QStringLiteral("method_detail")).toString(),
                     QStringLiteral("route=cbc; invest_compatible=yes"));
        // The project's bluecarbon entries (tidal_flat, mangrove, ...) use invest_compatible=no.
        const QString text = test::issuesText(outcome.issues);
        QVERIFY2(
          text.contains(QStringLiteral("the project gives tidal_flat invest_compatible=no; this run uses "
                                       "invest_compatible=yes for every parcel")),
          qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("climate=")), qPrintable(text)); // the same climate: no note
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
