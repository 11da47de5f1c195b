// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tanhui::cli {

/// `tanhui-cli sample --out DIR [--seed N] [--size small|city] [--force]`: writes the deterministic
/// Guangzhou-like sample project. `arguments` starts with the program name followed by "sample".
/// Returns the process exit code.
int runSampleCommand(const QStringList& arguments);

} // namespace tanhui::cli
