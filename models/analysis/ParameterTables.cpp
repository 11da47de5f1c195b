// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/analysis/ParameterTables.h"

#include "gis/AtomicFile.h"
#include "gis/Errors.h"
#include "gis/TableWriter.h"
#include "models/carbon/BlueCarbon.h"
#include "models/carbon/GainLossMethod.h"
#include "models/carbon/PoolMethod.h"
#include "models/carbon/RegressionMethod.h"
#include "models/carbon/SoilMethod.h"
#include "models/gep/GepTables.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

namespace tanhui::models::analysis {

namespace {

const QString kEditedPrefix = QStringLiteral("user edit of: ");

QString nameOf(const params::TableSpec& spec) {
    QString path = QString::fromLatin1(spec.defaultPath);
    if (path.endsWith(QLatin1String(".csv")))
        path.chop(4);
    return path;
}

} // namespace

const params::TableSpec* parameterTableSpec(const QString& name) {
    if (name.startsWith(QLatin1String("gep/prices_")))
        return &gep::priceTableSpec();
    if (name.startsWith(QLatin1String("carbon/regression_coefficients")))
        return &carbon::regressionCoefficientsSpec();
    const params::TableSpec* specs[] = { &carbon::carbonPoolsSpec(), &carbon::speciesParamsSpec(),
                                         &carbon::socRefSpec(),      &carbon::soilFactorsSpec(),
                                         &carbon::growthRatesSpec(), &carbon::cbcBiophysicalSpec(),
                                         &carbon::mangroveWsSpec(),  &gep::profileTableSpec(),
                                         &gep::ecosystemTableSpec(), &gep::constantsTableSpec(),
                                         &gep::deflatorTableSpec() };
    for (const params::TableSpec* spec : specs)
        if (nameOf(*spec) == name)
            return spec;
    return nullptr;
}

int TextTable::column(const QString& name) const {
    for (int i = 0; i < header.size(); ++i)
        if (header[i].trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

TextTable readTextTable(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw gis::GisError(gis::GisError::Kind::Open,
                            "Cannot read " + path.toStdString() + ": " + f.errorString().toStdString(),
                            path.toStdString());
    params::CsvReader reader(f.readAll());
    TextTable out;
    bool first = true;
    while (reader.next()) {
        if (first)
            out.header = reader.fields();
        else
            out.rows.push_back(reader.fields());
        first = false;
    }
    if (reader.unterminatedQuote())
        throw gis::GisError(gis::GisError::Kind::Io,
                            path.toStdString() + ": a quoted field is not closed (a '\"' is missing)",
                            path.toStdString());
    if (out.header.isEmpty())
        throw gis::GisError(
          gis::GisError::Kind::Io, path.toStdString() + " is empty (no header row)", path.toStdString());
    return out;
}

void writeTextTable(const QString& path, const TextTable& table) {
    std::string text;
    auto line = [&text](const QStringList& fields, int count) {
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                text += ',';
            gis::appendCsvValue(text, i < fields.size() ? QVariant(fields[i]) : QVariant(QString()));
        }
        text += '\n';
    };
    const int n = int(table.header.size());
    line(table.header, n);
    for (const QStringList& row : table.rows)
        line(row, n);
    gis::writeFileAtomically(path, QByteArray::fromStdString(text));
}

params::Issues validateTextTable(const params::TableSpec& spec,
                                 const TextTable& table,
                                 const QString& displayName) {
    QTemporaryDir dir;
    if (!dir.isValid())
        return { { params::Issue::Severity::Error,
                   displayName,
                   0,
                   {},
                   QStringLiteral("cannot create a temporary folder to check the table") } };
    const QString file = dir.filePath(QStringLiteral("table.csv"));
    writeTextTable(file, table);
    const params::Provenance provenance = table.column(QStringLiteral("tag")) >= 0
                                            ? params::Provenance::Required
                                            : params::Provenance::UserSupplied;
    params::Issues issues = params::loadTable(spec, file, provenance, displayName).issues;
    return issues;
}

void markRowEdited(TextTable& table, std::size_t row) {
    if (row >= table.rows.size())
        return;
    QStringList& r = table.rows[row];
    while (r.size() < table.header.size())
        r << QString();
    if (const int tag = table.column(QStringLiteral("tag")); tag >= 0)
        r[tag] = params::tagName(params::Tag::User);
    if (const int source = table.column(QStringLiteral("source"));
        source >= 0 && !r[source].startsWith(kEditedPrefix))
        r[source] = kEditedPrefix + (r[source].isEmpty() ? QStringLiteral("(no source)") : r[source]);
}

} // namespace tanhui::models::analysis
