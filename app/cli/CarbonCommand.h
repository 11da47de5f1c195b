// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tanhui::cli {

/// `tanhui-cli carbon ...`: carbon stocks, change and value (pool-table method). `arguments` starts
/// with the program name followed by "carbon". Returns the process exit code.
int runCarbonCommand(const QStringList& arguments);

} // namespace tanhui::cli
