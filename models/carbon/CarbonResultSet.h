// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/analysis/ResultSet.h"

#include <QDateTime>
#include <QString>

namespace tanhui::models {
class Project;
}

// The result set of a carbon project run (issue 10, "Run"): what `carbon --project` computes, in
// memory, before any file is written. docs/architecture.md, "From parameters to files".
namespace tanhui::models::carbon {

struct CarbonProjectRun;
struct CarbonProjectOptions;

/// @brief Fills run.resultSet's tables and messages from the run (keeps its provenance): one table per
/// output file, named as the file's stem, in the order they are written — "parcels" (lazy over
/// run.results(), with geometry, shared so the result set outlives a moved or destroyed run),
/// "totals_by_ecosystem_type", "totals_by_method", "totals_by_<group>" (grouped runs),
/// "uncertainty_run" and "uncertainty_parameters" (with carbon.uncertainty), "overlaps" (with the
/// ledger), "parameters_used", "summary" and "ledger_check". The totals are computed here (with
/// bounds from the uncertainty run when it ran) and so is the ledger check (run.ledgerCheck). Messages:
/// the run's issues; every parcel not computed with its reason (warning, field "not_computed", feature
/// = its id; also kept in the parcels table); every repaired geometry (info, field
/// "geometry_repaired", once per parcel); every failed ledger check (error).
void buildCarbonResultSet(CarbonProjectRun& run);

/// @brief The provenance of a run of `project`: each input read (carbon layers, the grouping layer,
/// the land-cover rasters of the carbon years, NDVI rasters of the regression method, each parameter
/// table of the methods that ran: analysis::describeInput with SHA-256), the parameter rows of the
/// result set's parameters_used table (with the source and values read from each table row), the
/// settings of the carbon section and the run (years, precedence, methods per type, grouping, land-use
/// rules, uncertainty, valuation, threads). Needs run.resultSet's tables (buildCarbonResultSet).
/// `version` empty: QCoreApplication::applicationVersion() (the CLI sets TANHUI_VERSION there).
analysis::Provenance carbonProvenance(const Project& project,
                                      const CarbonProjectRun& run,
                                      const CarbonProjectOptions& options,
                                      const QDateTime& started);

/// The input tables a method reads (carbon.parameters roles): pools → pools; volume → species; …
QStringList methodParameterRoles(const QString& method);

} // namespace tanhui::models::carbon
