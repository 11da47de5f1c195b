// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/uncertainty/UncertaintyFiles.h"

#include "gis/TableWriter.h"
#include "models/analysis/ResultSet.h"

#include <QVariant>

#include <cmath>

namespace tanhui::models::uncertainty {

namespace {

using Type = gis::TableColumn::Type;

QVariant orNull(double v) {
    return std::isfinite(v) ? QVariant(v) : QVariant();
}

} // namespace

analysis::Table uncertaintyParametersTable(const std::vector<const UncertainValue*>& values) {
    analysis::Table t;
    t.name = QStringLiteral("uncertainty_parameters");
    t.title = QStringLiteral("Monte Carlo parameters");
    t.description =
      QStringLiteral("Every distribution the Monte Carlo run drew, one row per uncertain value, "
                     "with its origin and provenance (carbon-methods.md §6.2).");
    t.columns = {
        { QStringLiteral("parameter"),
          QString(),
          QStringLiteral("The value's id (its random-number stream), e.g. table:row:column."),
          Type::String },
        { QStringLiteral("distribution"),
          QString(),
          QStringLiteral("The distribution drawn, with its parameters."),
          Type::String },
        { QStringLiteral("value"),
          QString(),
          QStringLiteral("The central value, in the parameter's own unit."),
          Type::Real },
        { QStringLiteral("sd"),
          QString(),
          QStringLiteral("Standard deviation, in the parameter's own unit."),
          Type::Real },
        { QStringLiteral("u95_pct"),
          QStringLiteral("%"),
          QStringLiteral("95 % half-width in % of the value."),
          Type::Real },
        { QStringLiteral("origin"),
          QString(),
          QStringLiteral(
            "Where the uncertainty comes from: table, default (the run's default U), constant or "
            "none."),
          Type::String },
        { QStringLiteral("provenance"),
          QString(),
          QStringLiteral("The table row or setting the value and its uncertainty come from."),
          Type::String },
    };
    for (const UncertainValue* value : values) {
        const UncertainValue& u = *value;
        t.rows.push_back({ QString::fromStdString(u.id),
                           describe(u.dist),
                           orNull(u.dist.value),
                           orNull(u.dist.stddev()),
                           orNull(u.dist.u95() * 100.0),
                           u.origin == UncertainValue::Origin::Table        ? QStringLiteral("table")
                           : u.origin == UncertainValue::Origin::RunDefault ? QStringLiteral("default")
                           : u.origin == UncertainValue::Origin::Constant   ? QStringLiteral("constant")
                                                                            : QStringLiteral("none"),
                           u.provenance });
    }
    return t;
}

void writeUncertaintyParameters(const std::string& path, const std::vector<const UncertainValue*>& values) {
    analysis::writeTableFile(uncertaintyParametersTable(values), path);
}

analysis::Table uncertaintyRunTable(const MonteCarloMetadata& m,
                                    std::optional<double> defaultPct,
                                    const QString& correlation,
                                    const std::vector<std::pair<QString, QString>>& extra) {
    std::vector<std::pair<QString, QString>> rows = {
        { QStringLiteral("method"),
          QStringLiteral("IPCC Approach 2 (Monte Carlo) and Approach 1, carbon-methods.md §6.2") },
        { QStringLiteral("iterations"), QString::number(m.iterations) },
        { QStringLiteral("seed"), QString::number(m.seed) },
        { QStringLiteral("generator"), QString::fromLatin1(m.generator) },
        { QStringLiteral("correlation"), correlation },
        { QStringLiteral("percentiles"), QStringLiteral("Hyndman-Fan type 7 (linear interpolation)") },
        { QStringLiteral("approach1"),
          QStringLiteral("Eq. 3.1 products, Eq. 3.2 sums, U_(1+R) = U_R R/(1+R); change: stocks taken as "
                         "uncorrelated (overstates)") },
        { QStringLiteral("default_uncertainty_pct"), defaultPct ? QString::number(*defaultPct) : QString() },
    };
    rows.insert(rows.end(), extra.begin(), extra.end());
    analysis::Table t;
    t.name = QStringLiteral("uncertainty_run");
    t.title = QStringLiteral("Monte Carlo run");
    t.description =
      QStringLiteral("How the bounds were computed: iterations, seed, generator, correlation rule, "
                     "percentiles and Approach 1 rules (carbon-methods.md §6.2: record the seed "
                     "and the generator).");
    t.columns = { { QStringLiteral("key"), QString(), QStringLiteral("The setting."), Type::String },
                  { QStringLiteral("value"),
                    QString(),
                    QStringLiteral("Its value (default_uncertainty_pct in %)."),
                    Type::String } };
    for (const auto& [key, value] : rows)
        t.rows.push_back({ key, value });
    return t;
}

void writeUncertaintyRun(const std::string& path,
                         const MonteCarloMetadata& m,
                         std::optional<double> defaultPct,
                         const QString& correlation,
                         const std::vector<std::pair<QString, QString>>& extra) {
    analysis::writeTableFile(uncertaintyRunTable(m, defaultPct, correlation, extra), path);
}

QString methodCorrelationRule() {
    return QStringLiteral(
      "one draw per parameter per iteration, shared by all dates and parcels (§6.2 item 2)");
}

} // namespace tanhui::models::uncertainty
