// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <optional>

namespace tanhui::cli {

/// `tanhui-cli carbon --method soil ...` (SoilCommand.cpp): cropland soil carbon per plot,
/// carbon-methods.md §3.3, §3.7, §3.8. Returns the process exit code.
int runSoilCommand(const QStringList& arguments);

/// `tanhui-cli carbon --method gainloss ...` (GainLossCommand.cpp): forest gain-loss flux per parcel,
/// carbon-methods.md §3.2, §3.5. Returns the process exit code.
int runGainLossCommand(const QStringList& arguments);

/// Runs the soil or gain-loss command when `arguments` ask for `--method soil` / `--method gainloss`
/// (these have their own options); nothing for the other methods.
std::optional<int> runCarbonFluxMethod(const QStringList& arguments);

} // namespace tanhui::cli
