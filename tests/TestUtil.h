// SPDX-License-Identifier: GPL-3.0-or-later
// Shared helpers for the Qt Test suite.
#pragma once

#include "gis/Errors.h"

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

/// The small sample project generated once per ctest run by the fixture test sample_project_setup
/// (tests declared with SAMPLE in tanhui_add_test); empty when it is missing. Read-only: copy files
/// before modifying them.
inline QString sampleProjectDir() {
    const QString dir = QString::fromLocal8Bit(qgetenv("TANHUI_TEST_SAMPLE"));
    if (dir.isEmpty() || !QFile::exists(QDir(dir).filePath(QStringLiteral("project.tanhui.json"))))
        return {};
    return dir;
}

/// Runs fn and returns the GisError it throws; a GisError of kind Cancelled with the message
/// "NO EXCEPTION" when it throws nothing (so a QCOMPARE on the kind or message fails visibly).
template<typename Fn>
tanhui::gis::GisError expectError(Fn&& fn) {
    try {
        fn();
    } catch (const tanhui::gis::GisError& e) {
        return e;
    }
    return tanhui::gis::GisError(tanhui::gis::GisError::Kind::Cancelled, "NO EXCEPTION");
}

/// Makes `dir` a previous run's output folder holding one file, old.txt ("before"), for cancel tests.
inline bool writeOldOutput(const QString& dir) {
    QDir().mkpath(dir);
    QFile old(QDir(dir).filePath(QStringLiteral("old.txt")));
    return old.open(QIODevice::WriteOnly) && old.write("before") == 6;
}

/// After a cancelled run into `dir` (writeOldOutput): whether it still holds old.txt alone and its
/// parent folder no staging folder (gis::StagedOutput).
inline bool oldOutputKept(const QString& dir) {
    const QStringList files = QDir(dir).entryList(QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden);
    QDir parent(dir);
    parent.cdUp();
    return files == QStringList{
        QStringLiteral("old.txt")
    } && parent.entryList({ QStringLiteral("*tanhui-staging*") }, QDir::AllEntries | QDir::Hidden).isEmpty();
}

} // namespace tanhui::test

/// Fail when the shared sample project (tanhui::test::sampleProjectDir()) is missing: run the test through
/// ctest, which generates it first (fixture sample_project_setup).
#define TANHUI_REQUIRE_SAMPLE(dir)                                                                           \
    const QString dir = tanhui::test::sampleProjectDir();                                                    \
    if (dir.isEmpty())                                                                                       \
        QFAIL("the sample project is missing: run this test through ctest (fixture sample_project_setup), "  \
              "or set TANHUI_TEST_SAMPLE to a folder made by tanhui-cli sample");

/// Skip (outside CI) or fail (under CI) when a shared dataset is missing.
#define TANHUI_REQUIRE_SHARED(path, relative)                                                                \
    const QString path = tanhui::test::sharedDataFile(relative);                                             \
    if (path.isEmpty()) {                                                                                    \
        if (tanhui::test::runningInCi())                                                                     \
            QFAIL(qPrintable(QStringLiteral("../shared/data/%1 is missing under CI").arg(relative)));        \
        QSKIP(                                                                                               \
          qPrintable(QStringLiteral("../shared/data/%1 not found; real-data test skipped").arg(relative)));  \
    }
