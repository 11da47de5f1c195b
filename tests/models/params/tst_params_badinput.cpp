// SPDX-License-Identifier: GPL-3.0-or-later
// The bad-input corpus of the parameter tables (tests/badinput/params/, written by generate.py): every
// case of expected.csv is loaded with the loader the program uses for that table, and must give exactly
// the expected outcome: no issue at all (BOM, CRLF), or an issue of the expected severity naming the
// file, the row and the column, with the expected message. Never a crash, never a silent pass.
#include "models/carbon/BlueCarbon.h"
#include "models/carbon/GainLossMethod.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/RegressionMethod.h"
#include "models/carbon/SoilMethod.h"
#include "models/gep/GepTables.h"
#include "models/params/ParameterTable.h"
#include "models/uncertainty/UncertainParameters.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

#include <map>
#include <set>

using namespace tanhui::models;
using params::Issue;

namespace {

QString corpusDir() {
    return QDir(qEnvironmentVariable("TANHUI_SOURCE_DIR")).filePath(QStringLiteral("tests/badinput/params"));
}

/// Every table the program reads through params::loadTable, by TableSpec::id.
const std::map<QString, const params::TableSpec*>& tableSpecs() {
    static const std::map<QString, const params::TableSpec*> specs = [] {
        std::map<QString, const params::TableSpec*> m;
        for (const params::TableSpec* s : { &carbon::carbonPoolsSpec(),
                                            &carbon::speciesParamsSpec(),
                                            &carbon::socRefSpec(),
                                            &carbon::soilFactorsSpec(),
                                            &carbon::growthRatesSpec(),
                                            &carbon::cbcBiophysicalSpec(),
                                            &carbon::mangroveWsSpec(),
                                            &carbon::regressionCoefficientsSpec(),
                                            &gep::priceTableSpec(),
                                            &gep::profileTableSpec(),
                                            &gep::ecosystemTableSpec(),
                                            &gep::constantsTableSpec(),
                                            &gep::deflatorTableSpec() })
            m[QString::fromLatin1(s->id)] = s;
        return m;
    }();
    return specs;
}

/// Loads a corpus file as the program would load a user's table of that kind.
params::Issues load(const QString& table, const QString& path) {
    if (table == QLatin1String("cbc_transitions")) {
        const params::LoadedTable bio = params::loadDefaultTable(carbon::cbcBiophysicalSpec());
        return carbon::loadCbcTransitions(
                 path, carbon::CbcParameters(bio.table), params::Provenance::UserSupplied)
          .issues;
    }
    const auto it = tableSpecs().find(table);
    if (it == tableSpecs().end())
        qFatal("expected.csv names an unknown table %s", qPrintable(table));
    return params::loadTable(*it->second, path, params::Provenance::UserSupplied).issues;
}

QString describe(const params::Issues& issues) {
    QStringList out;
    for (const Issue& i : issues)
        out << QStringLiteral("[%1] %2").arg(
          i.isError() ? QStringLiteral("error") : QStringLiteral("warning"), i.toString());
    return out.isEmpty() ? QStringLiteral("(no issue)") : out.join(QLatin1Char('\n'));
}

struct Case {
    QString name, table, expect, column, message;
    int row = 0;
};

std::vector<Case> readExpected() {
    params::Issues issues;
    const std::vector<params::CsvLine> lines =
      params::readCsvLines(QDir(corpusDir()).filePath(QStringLiteral("expected.csv")), issues);
    std::vector<Case> cases;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const QStringList& f = lines[i].fields;
        cases.push_back({ f.value(0), f.value(1), f.value(2), f.value(4), f.value(5), f.value(3).toInt() });
    }
    return cases;
}

} // namespace

class TestParamsBadInput : public QObject {
    Q_OBJECT
private slots:
    void corpusCoversEveryTable() {
        // Every table kind has every case kind, so that a new table cannot be left out silently.
        std::map<QString, std::set<QString>> kinds;
        for (const Case& c : readExpected())
            kinds[c.table].insert(c.name.section(QStringLiteral("__"), 1).section(QLatin1Char('.'), 0, 0));
        for (const auto& [id, spec] : tableSpecs())
            for (const char* kind : { "bom",
                                      "crlf",
                                      "empty",
                                      "header_only",
                                      "missing_column",
                                      "duplicate_key",
                                      "text_in_number",
                                      "percent_sign" })
                QVERIFY2(kinds[id].count(QLatin1String(kind)),
                         qPrintable(QStringLiteral("no %1 case for table %2").arg(QLatin1String(kind), id)));
        for (const char* kind : { "bom", "crlf", "empty", "header_only", "duplicate_row" })
            QVERIFY(kinds[QStringLiteral("cbc_transitions")].count(QLatin1String(kind)));
        // Negative values and percent-for-fraction wherever the spec makes them invalid.
        QVERIFY(kinds[QStringLiteral("carbon_pools")].count(QStringLiteral("negative")));
        QVERIFY(kinds[QStringLiteral("species_params_cn")].count(QStringLiteral("percent_for_fraction")));
        QVERIFY(kinds[QStringLiteral("growth_rates")].count(QStringLiteral("percent_for_fraction")));
    }

    void uncertaintyPercentGivenAsFraction() {
        // growth_rates.csv's r_u_pct is a percent (90 = ±90 %): 0.9 is read as written, with a warning
        // naming the file, row and column.
        const QString path =
          QDir(corpusDir()).filePath(QStringLiteral("cases/growth_rates__u_pct_fraction.csv"));
        const params::LoadedTable t =
          params::loadTable(carbon::growthRatesSpec(), path, params::Provenance::UserSupplied);
        QVERIFY2(t.issues.empty(), qPrintable(describe(t.issues)));
        params::Issues issues;
        const params::TableRow& row = t.table.rows().front();
        uncertainty::readUncertainty(t.table, row, QStringLiteral("r"), {}, issues);
        QCOMPARE(issues.size(), std::size_t(1));
        QCOMPARE(issues[0].severity, Issue::Severity::Warning);
        QCOMPARE(
          issues[0].toString(),
          path + QStringLiteral(", row 2, column r_u_pct: the uncertainty is 0.9 %; percentages are written "
                                "as percent (30 means ±30 %), so 0.9 looks like a fraction (did you mean "
                                "90?)"));
    }

    void corpus_data() {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("expect");
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("path");
        const std::vector<Case> cases = readExpected();
        if (cases.size() < 100)
            qFatal("expected.csv has %d cases; run tests/badinput/params/generate.py", int(cases.size()));
        for (const Case& c : cases)
            QTest::newRow(qPrintable(c.name))
              << c.table << c.expect << c.row << c.column << c.message
              << QDir(corpusDir()).filePath(QStringLiteral("cases/") + c.name);
    }

    void corpus() {
        QFETCH(QString, table);
        QFETCH(QString, expect);
        QFETCH(int, row);
        QFETCH(QString, column);
        QFETCH(QString, message);
        QFETCH(QString, path);
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        const params::Issues issues = load(table, path);
        if (expect == QLatin1String("ok")) {
            QVERIFY2(issues.empty(), qPrintable(describe(issues)));
            return;
        }
        const bool wantError = expect == QLatin1String("error");
        QCOMPARE(params::hasErrors(issues), wantError); // a warning case must still load
        bool found = false;
        for (const Issue& i : issues)
            if (i.isError() == wantError && i.row == row && i.column == column &&
                i.message.contains(message)) {
                // Names the file, then the row and the column (Issue::toString()).
                QVERIFY(i.toString().startsWith(path));
                if (row > 0)
                    QVERIFY(i.toString().contains(QStringLiteral("row %1").arg(row)));
                if (!column.isEmpty())
                    QVERIFY(i.toString().contains(QStringLiteral("column ") + column));
                found = true;
            }
        QVERIFY2(found,
                 qPrintable(QStringLiteral("expected %1 at row %2, column '%3' containing \"%4\"; got:\n%5")
                              .arg(expect)
                              .arg(row)
                              .arg(column, message, describe(issues))));
    }
};

QTEST_GUILESS_MAIN(TestParamsBadInput)
#include "tst_params_badinput.moc"
