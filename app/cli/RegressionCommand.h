// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tanhui::cli {

/// True when `arguments` (program, "carbon", options) select `--method regression`.
bool isRegressionMethod(const QStringList& arguments);

/// `tanhui-cli carbon --method regression ...`: the remote-sensing regression method
/// (carbon-methods.md §6.1; docs/remote-sensing-carbon.md). Returns the process exit code.
int runRegressionCommand(const QStringList& arguments);

} // namespace tanhui::cli
