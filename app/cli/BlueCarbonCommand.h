// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tanhui::cli {

/// True when `arguments` ask for `carbon --method bluecarbon` (or --method=bluecarbon).
bool wantsBlueCarbon(const QStringList& arguments);

/// `tanhui-cli carbon --method bluecarbon ...`: blue carbon (mangroves and coastal wetlands) with the
/// Coastal Blue Carbon engine and the Wetlands Supplement Tier 1 restoration route
/// (carbon-methods.md §2, §4; docs/blue-carbon.md). `arguments` starts with the program name followed
/// by "carbon". Returns the process exit code.
int runBlueCarbonCommand(const QStringList& arguments);

} // namespace tanhui::cli
