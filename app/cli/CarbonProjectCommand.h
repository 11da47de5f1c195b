// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tanhui::cli {

/// True when `arguments` ask for `carbon --project FILE` (also `--project=FILE`).
bool isCarbonProjectRun(const QStringList& arguments);

/// `tanhui-cli carbon --project FILE [--out DIR] [--threads N] [--quiet]`: runs the carbon section of a
/// project (docs/carbon-project.md): every parcel layer with its assigned methods, common per-parcel
/// outputs, totals by ecosystem type and grouping. Returns the process exit code.
int runCarbonProjectCommand(const QStringList& arguments);

} // namespace tanhui::cli
