// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tanhui::cli {

/// `tanhui-cli map`: exports a project map (a named layout or the default) to PNG, PDF or SVG, or an
/// atlas (one page per feature of a coverage layer). Needs a QGuiApplication (main() creates one for
/// this command, offscreen when there is no display).
int runMapCommand(const QStringList& arguments);

} // namespace tanhui::cli
