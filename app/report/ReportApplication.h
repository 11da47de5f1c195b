// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

#include <memory>

namespace tanhui::report {

/// @brief The application object a report needs (charts and maps are painted with QtWidgets and
/// QtGui): a QApplication, on the offscreen platform when there is no display (no DISPLAY nor
/// WAYLAND_DISPLAY) and QT_QPA_PLATFORM is not set. `argc` must outlive the application.
std::unique_ptr<QCoreApplication> makeReportApplication(int& argc, char** argv);

} // namespace tanhui::report
