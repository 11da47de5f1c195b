// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tanhui::cli {

/// `tanhui-cli plan --project FILE --plan NAME --out DIR [--carbon-results DIR] [--uncertainty ...]`:
/// runs a restoration plan of the project against the baseline (models/plans/PlanRun.h) and writes
/// its result set (plan_parcels, plan_totals, plan_settings). Returns the process exit code.
int runPlanCommand(const QStringList& arguments);

} // namespace tanhui::cli
