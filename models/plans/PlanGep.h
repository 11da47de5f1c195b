// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to models/plans: the GEP part of a plan run (PlanRun.h, "GEP of a plan").
#pragma once

#include "models/plans/PlanRun.h"

namespace tanhui::models::plans {

/// @brief Values the plan's GEP against the baseline's into `run.gep` (issues into `run.issues`,
/// errors set `run.stopped`). `sampled`: every planted parcel has Monte Carlo draws (samplesT), so the
/// totals get bounds. Throws GisError for I/O, CancelledError when cancelled.
void runPlanGep(PlanRun& run, const Project& project, const PlanOptions& options, bool sampled);

/// Adds plan_gep_parcels and plan_gep_services (units and descriptions) for `run.gep`.
void addPlanGepTables(const PlanRun& run, analysis::ResultSet& rs);

} // namespace tanhui::models::plans
