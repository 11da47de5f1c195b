// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CarbonFluxCommon.h"

#include "app/cli/CarbonFluxCommands.h"
#include "app/cli/CliCommon.h"
#include "gis/TableWriter.h"

#include <QCoreApplication>
#include <QLocale>

namespace tanhui::cli {

namespace {

/// Translation context of this file's user-facing strings.
struct CarbonFlux {
    Q_DECLARE_TR_FUNCTIONS(CarbonFlux)
};

} // namespace

std::optional<int> runCarbonFluxMethod(const QStringList& arguments) {
    QString method;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        if (a == QLatin1String("--method") && i + 1 < arguments.size())
            method = arguments[i + 1];
        else if (a.startsWith(QLatin1String("--method=")))
            method = a.mid(9);
    }
    if (method == QLatin1String("soil"))
        return runSoilCommand(arguments);
    if (method == QLatin1String("gainloss"))
        return runGainLossCommand(arguments);
    return std::nullopt;
}

namespace flux {

namespace params = models::params;

params::ParameterTable loadTableWithOverride(const params::TableSpec& spec,
                                             const QString& path,
                                             params::Issues& issues) {
    params::LoadedTable base = params::loadDefaultTable(spec);
    issues.insert(issues.end(), base.issues.begin(), base.issues.end());
    if (path.isEmpty())
        return base.table;
    params::LoadedTable user = params::loadTable(spec, path, params::Provenance::UserSupplied);
    issues.insert(issues.end(), user.issues.begin(), user.issues.end());
    return params::overrideTable(base.table, user.table);
}

void writeParametersUsed(
  const QString& path,
  const std::vector<std::pair<const params::TableSpec*, const params::TableRow*>>& rows,
  const std::vector<std::pair<QString, QString>>& settings) {
    struct Line {
        QString table, key, column, value, unit, source, tag, edition;
        int flagged = 0;
    };
    std::vector<Line> lines;
    for (const auto& [spec, row] : rows)
        for (std::size_t c = 0; c < spec->values.size() && c < row->values.size(); ++c) {
            if (!row->values[c])
                continue;
            lines.push_back({ QString::fromLatin1(spec->id),
                              row->key,
                              QString::fromLatin1(spec->values[c].name),
                              QString::number(*row->values[c], 'g', QLocale::FloatingPointShortest),
                              QString::fromUtf8(spec->values[c].unit),
                              row->source,
                              params::tagName(row->tag),
                              row->edition,
                              params::isFlagged(row->tag) ? 1 : 0 });
        }
    for (const auto& [name, value] : settings)
        lines.push_back({ QStringLiteral("settings"), name, {}, value, {}, {}, {}, {}, 0 });
    using T = gis::TableColumn::Type;
    gis::writeTable(
      path.toStdString(),
      { { "table", T::String },
        { "key", T::String },
        { "column", T::String },
        { "value", T::String },
        { "unit", T::String },
        { "source", T::String },
        { "tag", T::String },
        { "edition", T::String },
        { "flagged", T::Integer } },
      lines.size(),
      [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
          const Line& l = lines[i];
          v = { l.table, l.key, l.column, l.value, l.unit, l.source, l.tag, l.edition, l.flagged };
      });
}

int parseThreads(const QCommandLineParser& parser) {
    bool ok = false;
    const int threads = parser.value(QStringLiteral("threads")).toInt(&ok);
    if (!ok || threads < 0 || threads > 1024) {
        printError(CarbonFlux::tr("--threads must be a whole number from 0 (all cores) to 1024, not '%1'")
                     .arg(parser.value(QStringLiteral("threads"))));
        return -1;
    }
    return threads;
}

} // namespace flux

} // namespace tanhui::cli
