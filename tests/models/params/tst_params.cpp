// SPDX-License-Identifier: GPL-3.0-or-later
// Parameter declarations and tables: loading (BOM, quotes), every validation issue with file, row and
// column, overrides, and the embedded default tables.
#include "models/carbon/PoolMethod.h"
#include "models/carbon/Valuation.h"
#include "models/params/ParameterTable.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tanhui::models;
using params::Issue;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
    return path;
}

/// The issue at (row, column), or an empty issue whose message says it was not found.
Issue issueAt(const params::Issues& issues, int row, const QString& column) {
    for (const Issue& i : issues)
        if (i.row == row && i.column == column)
            return i;
    return { Issue::Severity::Error, {}, -1, {}, QStringLiteral("NOT FOUND") };
}

} // namespace

class TestParams : public QObject {
    Q_OBJECT
private slots:
    void defaultPoolsTableFromResource() {
        const params::LoadedTable t = params::loadDefaultTable(carbon::carbonPoolsSpec());
        for (const Issue& i : t.issues)
            qWarning("%s", qPrintable(i.toString()));
        QVERIFY(t.issues.empty());
        QCOMPARE(t.table.rows().size(), std::size_t(13));
        // The 13 sample classes; nothing shipped as verified (carbon-methods.md "Evidence tags").
        const QStringList codes{
            "11", "12", "13", "14", "21", "22", "23", "31", "41", "42", "43", "51", "61"
        };
        for (const QString& c : codes) {
            const params::TableRow* row = t.table.find(c);
            QVERIFY2(row, qPrintable(c));
            QCOMPARE(row->tag, params::Tag::Unconfirmed);
            QVERIFY(row->source.contains(QStringLiteral("carbon-methods.md")) ||
                    row->source.contains(QStringLiteral("§")));
        }
        // §10.4: secondary subtropical humid forest = 151.3242 t C/ha of biomass (AGB 258.4, R 0.246, CF
        // 0.47).
        QCOMPARE(*t.table.value("11", "c_above") + *t.table.value("11", "c_below"), 258.4 * 1.246 * 0.47);
        // §10.6: paddy soil 47 × 1.10; dry cropland 22.56.
        QCOMPARE(*t.table.value("21", "c_soil"), 51.7);
        QCOMPARE(*t.table.value("22", "c_soil"), 22.56);
        // §10.7: mangrove biomass 66.297 t C/ha + soil 386.
        QVERIFY(std::fabs(*t.table.value("42", "c_above") + *t.table.value("42", "c_below") - 66.297) < 1e-9);
        QCOMPARE(*t.table.value("42", "c_soil"), 386.0);
        QCOMPARE(t.table.find("11")->text.at("name_zh"), QStringLiteral("常绿阔叶林"));
    }

    void defaultSpeciesTableFromResource() {
        const params::LoadedTable t = params::loadDefaultTable(carbon::speciesParamsSpec());
        for (const Issue& i : t.issues)
            qWarning("%s", qPrintable(i.toString()));
        QVERIFY(t.issues.empty());
        QCOMPARE(t.table.rows().size(), std::size_t(10));
        for (const params::TableRow& r : t.table.rows())
            QCOMPARE(r.tag, params::Tag::Unconfirmed); // §5.2: every value [unconfirmed]
        // §10.5, V = 100 m³/ha, Chinese fir: 100 × WD × BEF × (1 + R) × CF = 32.50213 t C/ha.
        const auto v = [&](const char* c) { return *t.table.value("chinese_fir", c); };
        QVERIFY(std::fabs(100 * v("wd") * v("bef") * (1 + v("r")) * v("cf") - 32.50213) < 1e-5);
        // Fang continuous BEF at V = 100: B = 62.531 t/ha.
        QVERIFY(std::fabs(v("fang_a") * 100 + v("fang_b") - 62.531) < 1e-9);
        const auto e = [&](const char* c) { return *t.table.value("eucalyptus", c); };
        QVERIFY(std::fabs(100 * e("wd") * e("bef") * (1 + e("r")) * e("cf") - 46.79572) < 1e-5);
        QVERIFY(!t.table.value("casuarina", "fang_a").has_value()); // optional, empty
    }

    void bomQuotesAndCaseInsensitiveHeader() {
        QTemporaryDir dir;
        const QString path =
          writeFile(dir,
                    "pools.csv",
                    "\xEF\xBB\xBF"
                    "LUCODE,C_above,C_below,C_soil,C_dead,lulc_name,source,tag\r\n"
                    "1,15,10,60,1,\"forest, \"\"old\"\"\",\"InVEST test, §1.5\",verified\r\n"
                    "\r\n"
                    "2,5,3,20,0,\"multi\nline\",x,example\r\n"
                    "3,2,1,5,0,c,y,secondary\r\n");
        const params::LoadedTable t =
          params::loadTable(carbon::carbonPoolsSpec(), path, params::Provenance::Required);
        QVERIFY(t.issues.empty());
        QCOMPARE(t.table.rows().size(), std::size_t(3));
        QCOMPARE(t.table.find("1")->text.at("lulc_name"), QStringLiteral("forest, \"old\""));
        QCOMPARE(t.table.find("1")->source, QStringLiteral("InVEST test, §1.5"));
        QCOMPARE(t.table.find("1")->line, 2);
        QCOMPARE(t.table.find("2")->line, 4);
        QCOMPARE(t.table.find("3")->line, 6); // the quoted line break counts
        QCOMPARE(t.table.find("3")->tag, params::Tag::Secondary);
        QCOMPARE(*t.table.value("1", "c_soil"), 60.0);
    }

    // The record reader under readCsvLines() and the tables (also used by the GEP run).
    void csvReaderRecords() {
        params::CsvReader r(QByteArray("\xEF\xBB\xBF"
                                       "a, b ,\"c\"\r\n"
                                       "   \r\n"
                                       "\"\"\n"
                                       "  \"x \"\"y\"\"\n z\" ,2\n"
                                       "last,\"open"));
        QVERIFY(r.next());
        QCOMPARE(r.line(), 1);
        QCOMPARE(r.fields(), (QStringList{ "a", "b", "c" })); // unquoted fields trimmed, BOM dropped
        QVERIFY(r.next()); // the white-space line is skipped; an empty quoted field is a record
        QCOMPARE(r.line(), 3);
        QCOMPARE(r.fieldCount(), 1);
        QCOMPARE(r.field(0), QString());
        QVERIFY(r.next());
        QCOMPARE(r.line(), 4);
        // Quoted: kept as written ("" is one quote), with what follows the closing quote, untrimmed.
        QCOMPARE(r.field(0), QStringLiteral("x \"y\"\n z "));
        QCOMPARE(r.field(1), QStringLiteral("2"));
        QCOMPARE(r.field(7), QString()); // a field the record does not have
        QVERIFY(r.next());
        QCOMPARE(r.line(), 6); // the quoted line break counts
        QCOMPARE(r.field(1), QStringLiteral("open"));
        QVERIFY(!r.next());
        QVERIFY(r.unterminatedQuote());
        params::CsvReader closed(QByteArray("a\n\n"));
        QVERIFY(closed.next());
        QVERIFY(!closed.next());
        QVERIFY(!closed.unterminatedQuote());
    }

    void everyBadCellIsReported() {
        QTemporaryDir dir;
        const QString path = writeFile(dir,
                                       "bad.csv",
                                       "lucode,c_above,c_below,c_soil,source,tag\n" // c_dead missing
                                       "1,15,-10,60,s,verified\n"                   // negative stock
                                       "2,abc,3,20,s,maybe\n"                       // not a number, bad tag
                                       "2,1,1,1,s,verified\n"                       // duplicate key
                                       "3.5,1,1,1,s,verified\n"                     // non-integer key
                                       "4,1,,1,,verified\n"        // empty value, empty source
                                       "5,1,1,9000,s,verified\n"); // out of range
        const params::LoadedTable t =
          params::loadTable(carbon::carbonPoolsSpec(), path, params::Provenance::Required);
        QVERIFY(params::hasErrors(t.issues));
        QCOMPARE(
          issueAt(t.issues, 1, "c_dead").message,
          QStringLiteral("the column c_dead (dead wood and litter carbon stock, t C/ha) is missing; add it "
                         "to the header row (columns found: lucode, c_above, c_below, c_soil, source, tag)"));
        QCOMPARE(issueAt(t.issues, 2, "c_below").toString(),
                 path +
                   QStringLiteral(", row 2, column c_below: negative value -10 t C/ha: below-ground carbon "
                                  "stock cannot be negative"));
        QCOMPARE(issueAt(t.issues, 3, "c_above").message,
                 QStringLiteral("'abc' is not a number (t C/ha expected)"));
        QCOMPARE(
          issueAt(t.issues, 3, "tag").message,
          QStringLiteral("unknown tag 'maybe'; use verified, secondary, unconfirmed, example or user"));
        QCOMPARE(
          issueAt(t.issues, 4, "lucode").message,
          QStringLiteral("the land-cover code 2 appears more than once (first in row 3); keep one row per "
                         "key"));
        QCOMPARE(issueAt(t.issues, 5, "lucode").message,
                 QStringLiteral("the land-cover code must be a whole number, not '3.5'"));
        QCOMPARE(issueAt(t.issues, 6, "c_below").message,
                 QStringLiteral("the value is empty; a number in t C/ha is expected"));
        QVERIFY(issueAt(t.issues, 6, "source").message.startsWith(QStringLiteral("the source is empty")));
        QCOMPARE(issueAt(t.issues, 7, "c_soil").message,
                 QStringLiteral("9000 t C/ha is outside the valid range 0 to 5000 t C/ha"));
        QCOMPARE(t.issues.size(), std::size_t(9));
    }

    void defaultTablesNeedProvenance() {
        QTemporaryDir dir;
        const QString path = writeFile(dir, "p.csv", "lucode,c_above,c_below,c_soil,c_dead\n1,1,1,1,1\n");
        const params::LoadedTable strict =
          params::loadTable(carbon::carbonPoolsSpec(), path, params::Provenance::Required);
        QCOMPARE(issueAt(strict.issues, 1, "source").message,
                 QStringLiteral("the column source (where each value comes from) is missing"));
        QCOMPARE(issueAt(strict.issues, 1, "tag").message,
                 QStringLiteral("the column tag (verified, secondary, unconfirmed or example) is missing"));
        // A user table (InVEST layout) needs none: rows are user-supplied, source = file and row.
        const params::LoadedTable user =
          params::loadTable(carbon::carbonPoolsSpec(), path, params::Provenance::UserSupplied, "p.csv");
        QVERIFY(user.issues.empty());
        QCOMPARE(user.table.find("1")->tag, params::Tag::User);
        QCOMPARE(user.table.find("1")->source, QStringLiteral("p.csv, row 2"));
    }

    void missingKeyColumnAndEmptyFile() {
        QTemporaryDir dir;
        const QString a = writeFile(dir, "a.csv", "code,c_above\n1,2\n");
        const params::LoadedTable ta =
          params::loadTable(carbon::carbonPoolsSpec(), a, params::Provenance::UserSupplied);
        QCOMPARE(issueAt(ta.issues, 1, "lucode").message,
                 QStringLiteral("the key column lucode is missing (columns found: code, c_above)"));
        const QString b = writeFile(dir, "b.csv", "");
        const params::LoadedTable tb =
          params::loadTable(carbon::carbonPoolsSpec(), b, params::Provenance::UserSupplied);
        QCOMPARE(tb.issues.size(), std::size_t(1));
        QCOMPARE(tb.issues[0].row, 1);
        const params::LoadedTable tc = params::loadTable(
          carbon::carbonPoolsSpec(), dir.filePath("none.csv"), params::Provenance::UserSupplied);
        QVERIFY(tc.issues[0].message.startsWith(QStringLiteral("cannot open the table")));
    }

    void overrideKeepsUserSourceAndTag() {
        QTemporaryDir dir;
        const params::LoadedTable base = params::loadDefaultTable(carbon::carbonPoolsSpec());
        const QString path = writeFile(dir,
                                       "mine.csv",
                                       "lucode,c_above,c_below,c_soil,c_dead,source,tag\n"
                                       "11,30,8,60,2,Guangzhou forest inventory 2021 plot means,verified\n"
                                       "99,1,1,1,1,,\n");
        const params::LoadedTable user =
          params::loadTable(carbon::carbonPoolsSpec(), path, params::Provenance::UserSupplied);
        QVERIFY(user.issues.empty());
        const params::ParameterTable merged = params::overrideTable(base.table, user.table);
        QCOMPARE(merged.rows().size(), std::size_t(14));
        QCOMPARE(*merged.value("11", "c_above"), 30.0);
        QCOMPARE(merged.find("11")->tag, params::Tag::User); // "tag user", whatever the file says
        QCOMPARE(merged.find("11")->source, QStringLiteral("Guangzhou forest inventory 2021 plot means"));
        QCOMPARE(merged.find("99")->tag, params::Tag::User);
        QCOMPARE(merged.find("12")->tag, params::Tag::Unconfirmed); // untouched default
        QCOMPARE(*merged.value("12", "c_above"), 47.0);
    }

    void missingCodesAreListedAll() {
        const params::LoadedTable base = params::loadDefaultTable(carbon::carbonPoolsSpec());
        const params::Issues issues = params::checkKeysPresent(
          base.table, { "11", "200", "7", "200", "12" }, "carbon_pools.csv", "lc2015.tif");
        QCOMPARE(issues.size(), std::size_t(1));
        QCOMPARE(
          issues[0].toString(),
          QStringLiteral("carbon_pools.csv, column lucode: land-cover code present in lc2015.tif but missing "
                         "from the table (2 in all): 7, 200"));
        QVERIFY(params::checkKeysPresent(base.table, { "11", "61" }, "x", "y").empty());
    }

    void unknownSpeciesGroup() {
        const params::LoadedTable t = params::loadDefaultTable(carbon::speciesParamsSpec());
        const params::Issues issues = params::checkKnownKey(t.table, "teak", "stands.csv", "species_group");
        QCOMPARE(issues.size(), std::size_t(1));
        QVERIFY(issues[0].toString().startsWith(QStringLiteral(
          "stands.csv, column species_group: unknown species group 'teak'; known: chinese_fir, ")));
        QVERIFY(params::checkKnownKey(t.table, "eucalyptus", "stands.csv", "species_group").empty());
    }

    void percentGivenAsFraction() {
        const params::ParameterSpec& discount = carbon::valuationParameter("discount");
        params::Issues issues = params::validateScalar(discount, 0.07, "--discount");
        QCOMPARE(issues.size(), std::size_t(1));
        QCOMPARE(issues[0].severity, Issue::Severity::Warning);
        QCOMPARE(
          issues[0].toString(),
          QStringLiteral("column --discount: discount rate is 0.07 %; percentages are written as percent (7 "
                         "means 7 %), so 0.07 looks like a fraction (did you mean 7?)"));
        QVERIFY(params::validateScalar(discount, 7, "--discount").empty());
        // Negative allowed (carbon-methods.md §1.1) but outside the usual range: a warning, never silent.
        const params::Issues negative = params::validateScalar(discount, -7.1, "--discount");
        QCOMPARE(negative.size(), std::size_t(1));
        QCOMPARE(negative[0].severity, Issue::Severity::Warning);
        QCOMPARE(
          negative[0].message,
          QStringLiteral("discount rate is -7.1 %, outside the usual range 0 to 30 %: accepted, but check "
                         "it for a unit or sign mistake"));
        // A bound on one side only is said as such (no "1e+300").
        QCOMPARE(params::validateScalar(carbon::valuationParameter("price"), -1, "--price").at(0).message,
                 QStringLiteral("carbon price is -1 currency/t C; it must be at least 0 currency/t C"));
        QVERIFY(params::hasErrors(params::validateScalar(discount, -150, "--discount")));
        // A percent column of a table whose values all look like fractions.
        params::TableSpec spec;
        spec.id = "rates";
        spec.keyColumn = "name";
        spec.keyLabel = "rate name";
        spec.values = { { "rate", "rate", "%", -100, 100, true } };
        QTemporaryDir dir;
        const QString path = writeFile(dir, "rates.csv", "name,rate\na,0.05\nb,0.08\nc,0\n");
        const params::LoadedTable t = params::loadTable(spec, path, params::Provenance::UserSupplied);
        QCOMPARE(t.issues.size(), std::size_t(1));
        QCOMPARE(t.issues[0].severity, Issue::Severity::Warning);
        QCOMPARE(t.issues[0].row, 2);
        QCOMPARE(t.issues[0].column, QStringLiteral("rate"));
        QVERIFY(!params::hasErrors(t.issues));
    }

    void yearsOutOfOrder() {
        const params::Issues issues =
          params::checkYearsAscending({ 2015, 2024, 2020 }, { "a.tif", "b.tif", "c.tif" });
        QCOMPARE(issues.size(), std::size_t(1));
        QCOMPARE(
          issues[0].toString(),
          QStringLiteral("c.tif, column year: years out of order: 2020 comes after 2024; dates must be given "
                         "from the earliest to the latest, each year once"));
        QCOMPARE(params::checkYearsAscending({ 2015, 2015 }, { "a", "b" }).size(), std::size_t(1));
        QVERIFY(params::checkYearsAscending({ 2015, 2024 }, { "a", "b" }).empty());
        QVERIFY(
          params::hasErrors(params::validateScalar(carbon::valuationParameter("year"), 2015.5, "--lulc")));
    }

    void tags() {
        QCOMPARE(params::parseTag(" Unconfirmed "), params::Tag::Unconfirmed);
        QVERIFY(!params::parseTag("maybe"));
        QVERIFY(params::isFlagged(params::Tag::Unconfirmed));
        QVERIFY(params::isFlagged(params::Tag::Secondary));
        QVERIFY(!params::isFlagged(params::Tag::Verified));
        QVERIFY(!params::isFlagged(params::Tag::User));
    }
};

QTEST_GUILESS_MAIN(TestParams)
#include "tst_params.moc"
