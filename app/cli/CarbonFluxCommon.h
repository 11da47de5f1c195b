// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by SoilCommand.cpp and GainLossCommand.cpp (not part of the public CLI interface).
#pragma once

#include "models/params/ParameterTable.h"

#include <QCommandLineParser>
#include <QString>

#include <utility>
#include <vector>

namespace tanhui::cli::flux {

/// The default table of `spec`, or the user's table (`path`) whose rows replace default rows by key.
/// Issues are appended to `issues`.
models::params::ParameterTable loadTableWithOverride(const models::params::TableSpec& spec,
                                                     const QString& path,
                                                     models::params::Issues& issues);

/// `parameters_used.csv`: table, key, column, value, unit, source, tag, edition, flagged (1 for
/// secondary / unconfirmed / example), then settings rows (table "settings", key = name, value = text).
void writeParametersUsed(
  const QString& path,
  const std::vector<std::pair<const models::params::TableSpec*, const models::params::TableRow*>>& rows,
  const std::vector<std::pair<QString, QString>>& settings);

/// Parses a positive whole --threads value; prints an error and returns -1 when invalid.
int parseThreads(const QCommandLineParser& parser);

} // namespace tanhui::cli::flux
