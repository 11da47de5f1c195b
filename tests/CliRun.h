// SPDX-License-Identifier: GPL-3.0-or-later
// Running tanhui-cli from a test: one helper for the CLI test suites (tests/app/). The older suites
// still carry their own copies; move them here when touching them (issue 10's test-helper clean-up).
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace tanhui::test {

/// The tanhui-cli of this build tree (TANHUI_BINARY_DIR is set by ctest).
inline QString cliPath() {
    return QString::fromLocal8Bit(qgetenv("TANHUI_BINARY_DIR")) + QStringLiteral("/app/cli/tanhui-cli");
}

struct CliRun {
    int exitCode = -1;
    QString out, err;
};

/// Runs tanhui-cli with `args` in the language `lang` (TANHUI_LANG) and waits up to `timeoutMs` (default
/// five minutes).
inline CliRun runCli(const QStringList& args, const char* lang = "en", int timeoutMs = 300000) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TANHUI_LANG"), QString::fromLatin1(lang));
    p.setProcessEnvironment(env);
    p.start(cliPath(), args);
    p.waitForFinished(timeoutMs);
    return { p.exitCode(),
             QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()) };
}

} // namespace tanhui::test
