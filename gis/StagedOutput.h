// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace tanhui::gis {

/// @brief An output folder written as a whole: a run writes into a staging folder beside the target
/// and commit() swaps it in; a run that is cancelled, fails or is killed leaves the target exactly
/// as it was.
///
/// - The staging folder is `<target>.tanhui-staging-<pid>-<n>`, beside the target (same file system,
///   so the swap is a rename). Write every output under path(); finalPath() names a staged file by
///   its place after the commit (for messages).
/// - commit() writes the manifest `.tanhui-outputs` (every file of the run), carries over the files
///   of the old target that this run does not write and that the previous run's manifest does not
///   list (files the user put there are kept, hard-linked, or copied when links are impossible; a
///   previous run's outputs are replaced as a whole), fsyncs every file, then renames the old target
///   to `<target>.tanhui-old-<pid>-<n>`, renames the staging folder to the target, fsyncs the parent
///   and removes the old folder. Cancellation is not checked inside commit(): once the swap starts,
///   the run finishes.
/// - The destructor removes the staging folder unless commit() succeeded.
/// - A process that dies (kill -9, power cut) leaves a staging or old folder named with its pid. The
///   next StagedOutput for the same target (recover()) removes stale staging folders; a stale old
///   folder is removed when the target exists, and renamed back to the target when the process died
///   between the two renames (the target then holds the previous outputs again).
///
/// Not for two runs writing the same target at the same time (the last to commit wins).
class StagedOutput {
public:
    /// Creates the staging folder for `target` (and the target's parent folders) after recover().
    /// Throws GisError(InvalidArgument) when the target is a file, the root, a mount point or the
    /// current folder (or contains it), GisError(Io) naming the folder when it cannot be created.
    explicit StagedOutput(const QString& target);
    ~StagedOutput();
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    /// The staging folder: write the run's outputs here.
    const QString& path() const noexcept { return m_staging; }
    /// The target folder (absolute).
    const QString& target() const noexcept { return m_target; }
    /// `staged` (a path under path()) as it will be named after commit(); other paths unchanged.
    QString finalPath(const QString& staged) const;
    /// Swaps the staging folder in (see the class). Throws GisError(Io) naming the folder; the
    /// target is then unchanged.
    void commit();
    bool isCommitted() const noexcept { return m_committed; }

    /// Cleans what runs that died left beside `target` (see the class); returns one line per folder
    /// removed or restored.
    static QStringList recover(const QString& target);

    static constexpr const char* kManifestName = ".tanhui-outputs";
    static constexpr const char* kStagingInfix = ".tanhui-staging-";
    static constexpr const char* kOldInfix = ".tanhui-old-";

private:
    QString m_target;
    QString m_staging;
    bool m_committed = false;
};

} // namespace tanhui::gis
