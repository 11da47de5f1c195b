// SPDX-License-Identifier: GPL-3.0-or-later
// The analysis form (issue 13, "Analyses"): built from a declared analysis only, it offers the project's
// layers of the accepted roles and the chosen layer's fields, shows each input's default, source and
// evidence tag, greys out inputs whose condition does not hold, lists every problem at once and keeps
// Run disabled until the set is valid.
#include "app/gui/AnalysisDialog.h"
#include "models/analysis/Declarations.h"
#include "models/project/Project.h"
#include "tests/TestUtil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace tanhui;
namespace analysis = models::analysis;
using analysis::InputKind;

namespace {

/// A declared analysis with one input of each kind the form edits.
analysis::AnalysisSpec testSpec() {
    analysis::AnalysisSpec spec;
    spec.id = QStringLiteral("test_analysis");
    spec.label = "Test analysis";
    spec.description = "An analysis declared by the test.";
    analysis::InputSpec layer;
    layer.id = QStringLiteral("parcels");
    layer.kind = InputKind::ParcelLayer;
    layer.label = "Parcels";
    layer.layerRoles =
      QStringList{ QStringLiteral("forest_subcompartments"), QStringLiteral("wetland_units") };
    layer.required = true;
    spec.inputs.push_back(layer);
    analysis::InputSpec field;
    field.id = QStringLiteral("id_field");
    field.kind = InputKind::Field;
    field.label = "Id field";
    field.parentInput = QStringLiteral("parcels");
    field.required = true;
    spec.inputs.push_back(field);
    analysis::InputSpec price;
    price.id = QStringLiteral("price");
    price.kind = InputKind::Number;
    price.label = "Carbon price";
    price.unit = QStringLiteral("CNY/t C");
    price.min = 0;
    price.defaultValue = 220.0;
    price.source = QStringLiteral("carbon-methods.md §1.3");
    price.tag = models::params::Tag::Unconfirmed;
    spec.inputs.push_back(price);
    analysis::InputSpec mc;
    mc.id = QStringLiteral("uncertainty");
    mc.kind = InputKind::Boolean;
    mc.label = "Monte Carlo bounds";
    mc.defaultValue = false;
    spec.inputs.push_back(mc);
    analysis::InputSpec iterations;
    iterations.id = QStringLiteral("iterations");
    iterations.kind = InputKind::Integer;
    iterations.label = "Iterations";
    iterations.min = 10;
    iterations.max = 100000;
    iterations.defaultValue = 1000;
    iterations.enabledIf = analysis::Condition{ QStringLiteral("uncertainty"), {} };
    spec.inputs.push_back(iterations);
    analysis::InputSpec variant;
    variant.id = QStringLiteral("variant");
    variant.kind = InputKind::Choice;
    variant.label = "Variant";
    variant.choices = { { QStringLiteral("s1"), "S1" }, { QStringLiteral("cop"), "COP" } };
    variant.advanced = true;
    spec.inputs.push_back(variant);
    analysis::InputSpec out;
    out.id = QStringLiteral("out");
    out.kind = InputKind::OutputFolder;
    out.label = "Output folder";
    out.required = true;
    spec.inputs.push_back(out);
    return spec;
}

QStringList problems(const gui::AnalysisDialog& dialog) {
    QStringList out;
    for (int i = 0; i < dialog.problemList()->count(); ++i)
        out << dialog.problemList()->item(i)->text() + QStringLiteral(" | ") +
                 dialog.problemList()->item(i)->toolTip();
    return out;
}

} // namespace

class TestAnalysisDialog : public QObject {
    Q_OBJECT

    models::Project m_project;
    analysis::AnalysisSpec m_spec = testSpec();

private slots:
    void initTestCase() {
        const QString dir = test::sampleProjectDir();
        QVERIFY2(!dir.isEmpty(), "the sample project (fixture sample_project_setup) is missing");
        m_project = models::Project::load(dir + QStringLiteral("/project.tanhui.json"));
    }

    /// Every input has its editor; layers are the project's layers of the accepted roles; the fields
    /// follow the chosen layer; the default, source and tag are shown.
    void editors() {
        gui::AnalysisDialog dialog(m_spec, m_project);
        auto* layers = qobject_cast<QComboBox*>(dialog.editor(QStringLiteral("parcels")));
        QVERIFY(layers);
        QStringList ids;
        for (int i = 1; i < layers->count(); ++i)
            ids << layers->itemData(i).toString();
        QCOMPARE(ids, (QStringList{ QStringLiteral("xiaoban"), QStringLiteral("wetland_units") }));

        dialog.setValue(QStringLiteral("parcels"), QStringLiteral("xiaoban"));
        auto* fields = qobject_cast<QComboBox*>(dialog.editor(QStringLiteral("id_field")));
        QVERIFY(fields);
        QVERIFY(fields->findData(QStringLiteral("小班号")) > 0);
        dialog.setValue(QStringLiteral("parcels"), QStringLiteral("wetland_units"));
        QCOMPARE(fields->findData(QStringLiteral("小班号")), -1);

        auto* price = qobject_cast<QLineEdit*>(dialog.editor(QStringLiteral("price")));
        QVERIFY(price);
        QCOMPARE(price->text(), QStringLiteral("220"));
        const auto labels = dialog.findChildren<QLabel*>();
        bool info = false;
        for (const QLabel* l : labels)
            info = info || (l->text().contains(QStringLiteral("carbon-methods.md §1.3")) &&
                            l->text().contains(QStringLiteral("to confirm")));
        QVERIFY2(info, "the price's source and its unconfirmed tag are shown");
        QVERIFY(qobject_cast<QCheckBox*>(dialog.editor(QStringLiteral("uncertainty"))));
    }

    /// Missing required values and a negative price are all listed at once, each named by its label (the
    /// option in the tooltip); Run stays disabled until every error is fixed; Run then emits the values.
    void validation() {
        gui::AnalysisDialog dialog(m_spec, m_project);
        dialog.validateNow();
        QVERIFY(!dialog.runButton()->isEnabled());
        dialog.setValue(QStringLiteral("price"), -5.0);
        dialog.validateNow();
        const QStringList p = problems(dialog);
        QVERIFY2(p.join(QLatin1Char('\n')).contains(QStringLiteral("--parcels")), qPrintable(p.join('\n')));
        QVERIFY2(p.join(QLatin1Char('\n')).contains(QStringLiteral("--id-field")), qPrintable(p.join('\n')));
        QVERIFY2(p.join(QLatin1Char('\n')).contains(QStringLiteral("--price")), qPrintable(p.join('\n')));
        QVERIFY2(p.join(QLatin1Char('\n')).contains(QStringLiteral("--out")), qPrintable(p.join('\n')));
        QVERIFY2(p.join(QLatin1Char('\n')).contains(QStringLiteral("Carbon price: ")),
                 qPrintable(p.join('\n')));
        QVERIFY(!dialog.runButton()->isEnabled());

        dialog.setValue(QStringLiteral("parcels"), QStringLiteral("xiaoban"));
        dialog.setValue(QStringLiteral("id_field"), QStringLiteral("小班号"));
        dialog.setValue(QStringLiteral("price"), 180.0);
        dialog.setValue(QStringLiteral("out"), QDir::tempPath() + QStringLiteral("/tanhui_dialog_out"));
        // A typed change disables Run until the debounced validation has run.
        auto* price = qobject_cast<QLineEdit*>(dialog.editor(QStringLiteral("price")));
        QTest::keyClick(price, Qt::Key_End);
        QTest::keyClicks(price, QStringLiteral("0"));
        QVERIFY(!dialog.runButton()->isEnabled());
        QTRY_VERIFY2(dialog.runButton()->isEnabled(), qPrintable(problems(dialog).join('\n')));

        QSignalSpy run(&dialog, &gui::AnalysisDialog::runRequested);
        dialog.runButton()->click();
        QCOMPARE(run.count(), 1);
        const auto values = run.first().first().value<analysis::ParameterValues>();
        QCOMPARE(values.value(QStringLiteral("parcels")).toString(), QStringLiteral("xiaoban"));
        QCOMPARE(values.value(QStringLiteral("id_field")).toString(), QStringLiteral("小班号"));
        QCOMPARE(values.value(QStringLiteral("price")).toDouble(), 1800.0);
    }

    /// An input whose condition does not hold is greyed out and follows the condition.
    void conditions() {
        gui::AnalysisDialog dialog(m_spec, m_project);
        QWidget* iterations = dialog.editor(QStringLiteral("iterations"));
        QVERIFY(!iterations->isEnabled());
        dialog.setValue(QStringLiteral("uncertainty"), true);
        QVERIFY(iterations->isEnabled());
        // A value the project names but the layer lacks stays visible and is reported.
        dialog.setValue(QStringLiteral("parcels"), QStringLiteral("xiaoban"));
        dialog.setValue(QStringLiteral("id_field"), QStringLiteral("no_such_field"));
        dialog.validateNow();
        QVERIFY2(problems(dialog).join('\n').contains(QStringLiteral("no_such_field")),
                 qPrintable(problems(dialog).join('\n')));
    }

    /// The carbon_method form shows the options of the chosen method only (bef_form for volume, climate
    /// for bluecarbon), starting from the project's values, and a bad option keeps Run disabled.
    void methodOptionsFollowTheMethod() {
        const analysis::AnalysisSpec* spec = analysis::findAnalysis(QStringLiteral("carbon_method"));
        QVERIFY(spec);
        gui::AnalysisDialog dialog(*spec, m_project, analysis::defaultValues(*spec, &m_project));
        QWidget* bef = dialog.editor(QStringLiteral("bef_form"));
        QWidget* climate = dialog.editor(QStringLiteral("climate"));
        QWidget* fd = dialog.editor(QStringLiteral("fd"));
        QVERIFY(bef && climate && fd);
        dialog.setValue(QStringLiteral("layer"), QStringLiteral("xiaoban"));
        dialog.setValue(QStringLiteral("method"), QStringLiteral("pools"));
        QVERIFY(!bef->isVisibleTo(&dialog) && !climate->isVisibleTo(&dialog) && !fd->isVisibleTo(&dialog));
        dialog.setValue(QStringLiteral("method"), QStringLiteral("volume"));
        QVERIFY(bef->isVisibleTo(&dialog) && !climate->isVisibleTo(&dialog) && !fd->isVisibleTo(&dialog));
        QCOMPARE(dialog.values().value(QStringLiteral("bef_form")).toString(), QStringLiteral("constant"));
        dialog.setValue(QStringLiteral("method"), QStringLiteral("volume_gainloss"));
        QVERIFY(bef->isVisibleTo(&dialog) && fd->isVisibleTo(&dialog) && !climate->isVisibleTo(&dialog));
        dialog.setValue(QStringLiteral("fd"), 2.0);
        dialog.validateNow();
        QVERIFY2(problems(dialog).join('\n').contains(QStringLiteral("fd")),
                 qPrintable(problems(dialog).join('\n')));
        QVERIFY(!dialog.runButton()->isEnabled());
        dialog.setValue(QStringLiteral("fd"), 0.5);
        dialog.validateNow();
        QVERIFY2(!problems(dialog).join('\n').contains(QStringLiteral("fd")),
                 qPrintable(problems(dialog).join('\n')));
    }
};

QTEST_MAIN(TestAnalysisDialog)
#include "tst_analysisdialog.moc"
