// SPDX-License-Identifier: GPL-3.0-or-later
// Snapshots of output folders for the atomic-run tests: every file (hidden ones too) with its SHA-256.
#pragma once

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace tanhui::test {

/// Relative path → SHA-256 of every file under `dir` (hidden files included; folders as "<path>/").
inline QMap<QString, QByteArray> treeHashes(const QString& dir) {
    QMap<QString, QByteArray> out;
    QDirIterator it(
      dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(dir).relativeFilePath(path);
        if (QFileInfo(path).isDir()) {
            out.insert(rel + QLatin1Char('/'), QByteArray());
            continue;
        }
        QFile f(path);
        out.insert(rel,
                   f.open(QIODevice::ReadOnly)
                     ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                     : QByteArray("unreadable"));
    }
    return out;
}

/// Entries beside `target` left by a staged run: `<name>.tanhui-staging-*` and `<name>.tanhui-old-*`.
inline QStringList stagingLeftovers(const QString& target) {
    const QFileInfo t(QDir::cleanPath(QDir().absoluteFilePath(target)));
    return QDir(t.absolutePath())
      .entryList({ t.fileName() + QStringLiteral(".tanhui-staging-*"),
                   t.fileName() + QStringLiteral(".tanhui-old-*") },
                 QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

/// The pid of a process that has exited (for stale-folder tests).
inline qint64 deadPid() {
    QProcess p;
    p.start(QStringLiteral("true"), {});
    p.waitForStarted();
    const qint64 pid = p.processId();
    p.waitForFinished();
    return pid;
}

} // namespace tanhui::test
