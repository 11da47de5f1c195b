// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Feedback.h"
#include "models/params/Parameter.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include <initializer_list>
#include <optional>
#include <utility>

#include <memory>

namespace tanhui::gis {
struct ParcelSet;
}

namespace tanhui::cli {

/// Exit codes of tanhui-cli.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,   ///< the job failed (bad input data, I/O error)
    ExitUsage = 2,     ///< bad command-line arguments
    ExitCancelled = 3, ///< interrupted (SIGINT)
};

/// @brief The part every command shares: parses `arguments` (program, command name, options), prints
/// --help, and rejects parse errors, stray arguments and missing `required` options with one line
/// naming them. Returns an exit code when the command must stop here (help shown or bad usage),
/// nothing when it should go on.
std::optional<int> parseCommandLine(QCommandLineParser& parser,
                                    const QStringList& arguments,
                                    const QString& command,
                                    std::initializer_list<QCommandLineOption> required = {});

/// Prints one warning per repaired or skipped parcel of `parcels` (read from `path`).
void reportParcelNotes(const QString& path, const gis::ParcelSet& parcels);

/// @brief For use in `catch (...)`: prints the current exception as one line (a GisError with its
/// translated headline; a cancel with `cancelledMessage`) and returns the exit code.
int reportFailure(const QString& cancelledMessage);

/// "cancelled; DIR is unchanged": the message of a cancelled run whose outputs go to `dir` through a
/// gis::StagedOutput (nothing of the run reaches `dir`).
QString outputsUnchangedMessage(const QString& dir);

/// Prints "input file not found: PATH" and returns false when `path` does not exist (the caller then
/// exits with ExitUsage). A GDAL subdataset name (NETCDF:"f.nc":lulc) counts as existing when its file
/// does.
bool requireInputFile(const QString& path);
/// @brief Checks the output folder `dir` before a run: it must be a writable folder or not exist yet, in a
/// writable parent (created if missing). Prints "--out DIR: the folder cannot be created or is not
/// writable" (or that it is a file) and returns false otherwise. The run then writes through a
/// gis::StagedOutput, which creates `dir` only when the outputs are complete.
bool prepareOutputFolder(const QString& dir);

/// Prints one line to stderr prefixed "tanhui-cli: " (UTF-8).
void printError(const QString& message);
void printWarning(const QString& message);
void printInfo(const QString& message);
/// Prints each issue (errors with printError, warnings with printWarning), naming file, row and column.
void printIssues(const models::params::Issues& issues);

/// @brief Maps Ctrl+C (SIGINT) to cancelling the command's Feedback (makeTerminalFeedback), also when it
/// comes before that Feedback exists: a run then stops at its first check, so an interrupt never kills
/// the process in the middle of writing. Called by main() first thing.
void installInterruptHandler();

/// Deletes the command's Feedback after taking it off Ctrl+C's target (a later Ctrl+C, e.g. while the
/// process exits, then only sets a flag instead of writing into freed memory).
struct TerminalFeedbackDeleter {
    void operator()(gis::Feedback* feedback) const;
};
using TerminalFeedback = std::unique_ptr<gis::Feedback, TerminalFeedbackDeleter>;

/// @brief A Feedback that draws a one-line progress bar on stderr when it is a terminal (nothing
/// otherwise) and is cancelled by Ctrl+C (SIGINT) while it lives.
TerminalFeedback makeTerminalFeedback(bool quiet);
/// Ends the progress line (newline) if one was drawn.
void finishProgressLine();

/// @brief Keeps `value` until the process exits instead of freeing it allocation by allocation. A
/// command's parcels and per-parcel results are, for hundreds of thousands of parcels, millions of
/// small frees (up to seconds on one thread) of memory the operating system takes back at once when
/// the command returns. The object stays reachable through a pointer, so leak checkers (LeakSanitizer,
/// valgrind) do not report it; a later call for the same type in the same process frees the previous
/// one first.
template<typename T>
T& keepUntilExit(T&& value) {
    static T* kept = nullptr; // deliberately never deleted at exit
    delete kept;
    kept = new T(std::move(value));
    return *kept;
}

} // namespace tanhui::cli
