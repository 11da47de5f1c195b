// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tanhui::cli {

/// `tanhui-cli gep`: per-parcel GEP of a project (gep-methods.md), see docs/gep.md.
int runGepCommand(const QStringList& arguments);

} // namespace tanhui::cli
