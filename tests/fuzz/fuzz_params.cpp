// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the parameter-table parsers (models/params): CsvReader on the bytes, and the loaders a
// user's table goes through — params::loadTable with every table specification Tanhui declares (both
// provenance modes), the regression-coefficient and Blue Carbon transition loaders, readCsvLines — and
// the lookups built from a table that loaded without errors.
//
// Input: byte 0 chooses the loader, byte 1 the provenance; the rest is the file's bytes.
// Properties (a violation aborts): no exception escapes a loader (problems are issues); every issue
// names the file; a table without errors has unique keys found by find(), one value slot per declared
// column and rows on lines ≥ 2; CsvReader's record lines increase.
#include "FuzzInput.h"
#include "models/carbon/BlueCarbon.h"
#include "models/carbon/GainLossMethod.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/RegressionMethod.h"
#include "models/carbon/SoilMethod.h"
#include "models/carbon/VolumeMethod.h"
#include "models/gep/GepTables.h"
#include "models/params/ParameterTable.h"

#include <QCoreApplication>
#include <QSet>

#include <exception>
#include <functional>
#include <vector>

using namespace tanhui;
using namespace tanhui::models;
using tanhui::fuzz::fail;

namespace {

void checkIssues(const params::Issues& issues, const QString& file, const char* what) {
    for (const params::Issue& i : issues) {
        if (i.message.trimmed().isEmpty())
            fail(std::string(what) + ": an issue without a message");
        if (i.file != file && !i.file.isEmpty())
            fail(std::string(what) + ": an issue names " + i.file.toStdString() + " instead of the file");
    }
}

void checkTable(const params::LoadedTable& t, const QString& file, const char* what) {
    checkIssues(t.issues, file, what);
    if (params::hasErrors(t.issues))
        return;
    QSet<QString> keys;
    for (const params::TableRow& row : t.table.rows()) {
        if (keys.contains(row.key))
            fail(std::string(what) + ": duplicate key " + row.key.toStdString() + " without an error");
        keys.insert(row.key);
        if (t.table.find(row.key) != &row)
            fail(std::string(what) + ": find() does not return the row of key " + row.key.toStdString());
        if (row.values.size() != t.table.spec().values.size())
            fail(std::string(what) + ": a row has the wrong number of values");
        if (row.line < 2)
            fail(std::string(what) + ": a row on line < 2");
    }
}

using Spec = const params::TableSpec& (*)();
const Spec kSpecs[] = { &carbon::carbonPoolsSpec,    &carbon::speciesParamsSpec,
                        &carbon::growthRatesSpec,    &carbon::regressionCoefficientsSpec,
                        &carbon::socRefSpec,         &carbon::soilFactorsSpec,
                        &carbon::cbcBiophysicalSpec, &carbon::mangroveWsSpec,
                        &gep::priceTableSpec,        &gep::profileTableSpec,
                        &gep::ecosystemTableSpec,    &gep::constantsTableSpec,
                        &gep::deflatorTableSpec };
constexpr int kSpecCount = int(sizeof(kSpecs) / sizeof(kSpecs[0]));

void run(const std::uint8_t* data, std::size_t size) {
    if (size < 2)
        return;
    const int choice = data[0] % (kSpecCount + 3);
    const params::Provenance provenance =
      (data[1] & 1) ? params::Provenance::Required : params::Provenance::UserSupplied;
    const std::uint8_t* body = data + 2;
    const std::size_t bodySize = size - 2;

    // The record reader on its own.
    {
        params::CsvReader reader(QByteArray(reinterpret_cast<const char*>(body), qsizetype(bodySize)));
        int last = 0;
        while (reader.next()) {
            if (reader.line() <= last)
                fail("CsvReader: record lines do not increase");
            last = reader.line();
            if (reader.fields().size() != reader.fieldCount())
                fail("CsvReader: fields() and fieldCount() disagree");
            (void)reader.field(reader.fieldCount()); // past the end: ""
        }
    }

    static const QString path = fuzz::scratchPath("table.csv");
    fuzz::writeFile(path, body, bodySize);
    const QString name = QStringLiteral("user.csv");
    if (choice < kSpecCount) {
        const params::LoadedTable t = params::loadTable(kSpecs[choice](), path, provenance, name);
        checkTable(t, name, kSpecs[choice]().id);
        if (params::hasErrors(t.issues))
            return;
        // The lookups the methods build from a loaded table.
        if (kSpecs[choice] == &carbon::carbonPoolsSpec) {
            const carbon::PoolLookup pools(t.table);
            for (const std::int64_t code : pools.codes())
                if (!pools.find(code))
                    fail("PoolLookup: a code of codes() is not found");
        } else if (kSpecs[choice] == &carbon::growthRatesSpec) {
            const carbon::GrowthLookup growth(t.table);
            for (const QString& n : growth.names())
                if (!growth.find(n))
                    fail("GrowthLookup: a name of names() is not found");
        } else if (kSpecs[choice] == &carbon::speciesParamsSpec) {
            const carbon::SpeciesLookup species(t.table);
            for (const QString& n : species.knownNames())
                (void)species.resolve(n);
        } else if (kSpecs[choice] == &carbon::cbcBiophysicalSpec) {
            const carbon::CbcParameters classes(t.table);
            for (const auto& [code, c] : classes.classes())
                if (!classes.find(code))
                    fail("CbcParameters: a class of classes() is not found");
        }
    } else if (choice == kSpecCount) {
        const carbon::LoadedRegression r = carbon::loadRegressionCoefficients(path);
        checkIssues(r.issues, path, "regression coefficients");
    } else if (choice == kSpecCount + 1) {
        static const carbon::CbcParameters classes(
          params::loadDefaultTable(carbon::cbcBiophysicalSpec()).table);
        const carbon::LoadedTransitions tr = carbon::loadCbcTransitions(path, classes, provenance, name);
        checkIssues(tr.issues, name, "cbc transitions");
    } else {
        params::Issues issues;
        const std::vector<params::CsvLine> lines = params::readCsvLines(path, issues, name);
        checkIssues(issues, name, "readCsvLines");
        int last = 0;
        for (const params::CsvLine& l : lines) {
            if (l.line <= last)
                fail("readCsvLines: lines do not increase");
            last = l.line;
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    static QCoreApplication app(*argc, *argv); // Qt resources (:/parameters) and translators
    // Qt's warnings on such input are expected; fatal messages still abort after the handler.
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) {});
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        run(data, size);
    } catch (const std::exception& e) {
        fail(std::string("an exception escaped a table loader: ") + e.what());
    }
    return 0;
}
