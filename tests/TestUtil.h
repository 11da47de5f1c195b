// SPDX-License-Identifier: GPL-3.0-or-later
// Shared helpers for the Qt Test suite.
#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QtGlobal>

namespace tanhui::test {

/// ../shared/data (from the TANHUI_SHARED_DATA environment variable set by ctest).
inline QString sharedDataDir() {
    return QString::fromLocal8Bit(qgetenv("TANHUI_SHARED_DATA"));
}

/// True when running under CI (CI=true): real-data tests must then run, not skip.
inline bool runningInCi() {
    return qgetenv("CI") == "true";
}

/// Path of a dataset in ../shared/data, or empty if absent.
inline QString sharedDataFile(const QString& relative) {
    const QString dir = sharedDataDir();
    if (dir.isEmpty())
        return {};
    const QString path = QDir(dir).filePath(relative);
    return QFile::exists(path) ? path : QString();
}

} // namespace tanhui::test

/// Skip (outside CI) or fail (under CI) when a shared dataset is missing.
#define TANHUI_REQUIRE_SHARED(path, relative)                                                                \
    const QString path = tanhui::test::sharedDataFile(relative);                                             \
    if (path.isEmpty()) {                                                                                    \
        if (tanhui::test::runningInCi())                                                                     \
            QFAIL(qPrintable(QStringLiteral("../shared/data/%1 is missing under CI").arg(relative)));        \
        QSKIP(                                                                                               \
          qPrintable(QStringLiteral("../shared/data/%1 not found; real-data test skipped").arg(relative)));  \
    }
