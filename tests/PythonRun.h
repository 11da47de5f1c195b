// SPDX-License-Identifier: GPL-3.0-or-later
// Running a Python check from a test (openpyxl, GDAL's Python utilities, QGIS's Python API). Debian's
// /usr/bin/python3 is preferred: the python3-* packages install there, not into a pyenv or venv.
#pragma once

#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace tanhui::test {

struct PythonRun {
    int exitCode = -1;
    QString out, err;
};

/// The Python interpreter: /usr/bin/python3 when present, else python3 on the PATH.
inline QString pythonPath() {
    return QFileInfo::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3")
                                                                 : QStringLiteral("python3");
}

/// Runs `python3 args…` and waits up to `timeoutMs`.
inline PythonRun runPython(const QStringList& args, int timeoutMs = 300000) {
    QProcess p;
    p.start(pythonPath(), args);
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
             QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()) };
}

/// True when the interpreter can `import <modules>` (e.g. "openpyxl", "qgis.core").
inline bool pythonHas(const QString& modules) {
    return runPython({ QStringLiteral("-c"), QStringLiteral("import ") + modules }, 60000).exitCode == 0;
}

/// A test script of the source tree (TANHUI_SOURCE_DIR is set by ctest), e.g. "tests/models/analysis/x.py".
inline QString sourceFile(const QString& relative) {
    return QString::fromLocal8Bit(qgetenv("TANHUI_SOURCE_DIR")) + QLatin1Char('/') + relative;
}

} // namespace tanhui::test
