// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <string>

namespace tanhui::gis {

/// @brief Writes `bytes` to `path` atomically and durably (QSaveFile: a temporary file beside the
/// target, fsync, rename over it), so `path` is either its old content or the new one, also after a
/// crash or `kill -9`. Throws GisError(Io) naming the file.
void writeFileAtomically(const QString& path, const QByteArray& bytes);

/// @brief Finishes a file written under a temporary name by another library (GDAL): fsyncs the
/// temporary, renames it over `target` and fsyncs the folder, so that after a crash the target is the
/// old file or the complete new one. Throws GisError(Io) naming the target (the temporary is removed).
void replaceWithTemporary(const std::string& temporary, const std::string& target);

/// @brief fsyncs the file or folder `path` (flushes it to the disk); false when it cannot be opened
/// or the flush fails. Folders are flushed so that renames and new entries in them are durable.
bool syncPath(const std::string& path);

/// @brief The temporary name of a writer's output beside `target`:
/// `<folder>/.<stem>.tmp-<pid><suffix>`; the pid lets removeStaleTemporaries() tell a live writer's
/// temporary from one left by a writer that was killed.
std::string temporaryPathFor(const std::string& target, const std::string& suffix);

/// @brief Removes the temporaries of `target` (named by temporaryPathFor()) whose process no longer
/// runs: what a writer killed with `kill -9` or a power cut left behind. Returns how many it removed.
int removeStaleTemporaries(const std::string& target);

/// True when the process `pid` exists (a temporary or staging folder it owns may still be written).
bool processAlive(long long pid);

} // namespace tanhui::gis
