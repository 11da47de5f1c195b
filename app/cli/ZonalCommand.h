// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tanhui::cli {

/// `tanhui-cli zonal ...`: exact per-parcel zonal statistics. `arguments` starts with the program
/// name followed by "zonal". Returns the process exit code.
int runZonalCommand(const QStringList& arguments);

} // namespace tanhui::cli
