// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/ReportApplication.h"

#include <QApplication>

namespace tanhui::report {

std::unique_ptr<QCoreApplication> makeReportApplication(int& argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    return std::make_unique<QApplication>(argc, argv);
}

} // namespace tanhui::report
