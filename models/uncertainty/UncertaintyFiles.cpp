// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/uncertainty/UncertaintyFiles.h"

#include "gis/TableWriter.h"

#include <QVariant>

#include <cmath>

namespace tanhui::models::uncertainty {

namespace {

using Type = gis::TableColumn::Type;

QVariant orNull(double v) {
    return std::isfinite(v) ? QVariant(v) : QVariant();
}

} // namespace

void writeUncertaintyParameters(const std::string& path, const std::vector<const UncertainValue*>& values) {
    gis::writeTable(path,
                    { { "parameter", Type::String },
                      { "distribution", Type::String },
                      { "value", Type::Real },
                      { "sd", Type::Real },
                      { "u95_pct", Type::Real },
                      { "origin", Type::String },
                      { "provenance", Type::String } },
                    values.size(),
                    [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                        const UncertainValue& u = *values[i];
                        v[0] = QString::fromStdString(u.id);
                        v[1] = describe(u.dist);
                        v[2] = orNull(u.dist.value);
                        v[3] = orNull(u.dist.stddev());
                        v[4] = orNull(u.dist.u95() * 100.0);
                        v[5] = u.origin == UncertainValue::Origin::Table        ? QStringLiteral("table")
                               : u.origin == UncertainValue::Origin::RunDefault ? QStringLiteral("default")
                               : u.origin == UncertainValue::Origin::Constant   ? QStringLiteral("constant")
                                                                                : QStringLiteral("none");
                        v[6] = u.provenance;
                    });
}

void writeUncertaintyRun(const std::string& path,
                         const MonteCarloMetadata& m,
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
    gis::writeTable(path,
                    { { "key", Type::String }, { "value", Type::String } },
                    rows.size(),
                    [&](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
                        v[0] = rows[i].first;
                        v[1] = rows[i].second;
                    });
}

QString methodCorrelationRule() {
    return QStringLiteral(
      "one draw per parameter per iteration, shared by all dates and parcels (§6.2 item 2)");
}

} // namespace tanhui::models::uncertainty
