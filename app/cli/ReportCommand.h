// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tanhui::cli {

/// `tanhui-cli report`: the valuation report (PDF or HTML) from a carbon run's result set and
/// optionally a GEP run's (issue 14). Needs the QApplication that main() creates for it.
int runReportCommand(const QStringList& arguments);

} // namespace tanhui::cli
