// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliCommon.h"

#include "app/common/ErrorText.h"
#include "app/common/MessageText.h"
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/ParcelReader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace tanhui::cli {

namespace {

std::atomic<gis::Feedback*> g_active{ nullptr };
std::atomic<bool> g_lineOpen{ false };
std::atomic<bool> g_interrupted{ false }; ///< Ctrl+C before the command's Feedback existed

extern "C" void onSigint(int) {
    if (gis::Feedback* f = g_active.load())
        f->cancel();
    else
        g_interrupted = true;
}

void printLine(const char* tag, const QString& message) {
    finishProgressLine();
    const QByteArray text = message.toUtf8();
    std::fprintf(stderr, "tanhui-cli: %s%s\n", tag, text.constData());
}

/// The parser's help text with the usage line naming the command: "Usage: tanhui-cli carbon [options]".
QString commandHelpText(const QCommandLineParser& parser, const QString& command) {
    // Qt's usage line names the executable as started ("Usage: /path/tanhui-cli [options]"); it becomes
    // "tanhui-cli <command>" so that the line can be typed as shown.
    QString text = parser.helpText();
    const QString exe = QCoreApplication::arguments().value(0);
    const qsizetype eol = text.indexOf(QLatin1Char('\n'));
    const qsizetype at = exe.isEmpty() ? -1 : text.indexOf(exe);
    if (at >= 0 && (eol < 0 || at < eol))
        text.replace(at, exe.size(), QStringLiteral("tanhui-cli ") + command);
    return text;
}

} // namespace

std::optional<int> parseCommandLine(QCommandLineParser& parser,
                                    const QStringList& arguments,
                                    const QString& command,
                                    std::initializer_list<QCommandLineOption> required) {
    const QString seeHelp = QCoreApplication::translate("Cli", "(see tanhui-cli %1 --help)").arg(command);
    QStringList args = arguments;
    if (args.size() > 1)
        args.removeAt(1); // the command name
    if (!parser.parse(args)) {
        printError(parser.errorText() + QLatin1Char(' ') + seeHelp);
        return ExitUsage;
    }
    // --help-all (added by addHelpOption()) shows the same text: a QCoreApplication has no Qt options.
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        std::fputs(commandHelpText(parser, command).toUtf8().constData(), stdout);
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(QCoreApplication::translate("Cli", "unexpected argument '%1' %2")
                     .arg(parser.positionalArguments().first(), seeHelp));
        return ExitUsage;
    }
    for (const QCommandLineOption& o : required)
        if (!parser.isSet(o)) {
            printError(QCoreApplication::translate("Cli", "missing --%1 %2").arg(o.names().first(), seeHelp));
            return ExitUsage;
        }
    return std::nullopt;
}

void reportParcelNotes(const QString& path, const gis::ParcelSet& parcels) {
    for (const gis::ParcelNote& n : parcels.repaired)
        printWarning(QCoreApplication::translate("Cli", "%1: feature %2 (id %3): %4")
                       .arg(path)
                       .arg(n.fid)
                       .arg(n.id, app::parcelNoteText(n.what)));
    for (const gis::ParcelNote& n : parcels.skipped)
        printWarning(QCoreApplication::translate("Cli", "%1: feature %2 (id %3) skipped: %4")
                       .arg(path)
                       .arg(n.fid)
                       .arg(n.id, app::parcelNoteText(n.what)));
}

int reportFailure(const QString& cancelledMessage) {
    finishProgressLine();
    try {
        throw;
    } catch (const gis::CancelledError&) {
        printError(cancelledMessage);
        return ExitCancelled;
    } catch (const gis::GisError& e) {
        printError(app::errorHeadline(e) + QStringLiteral(": ") + QString::fromStdString(e.what()));
    } catch (const std::exception& e) {
        printError(
          QCoreApplication::translate("Cli", "unexpected failure: %1").arg(QString::fromStdString(e.what())));
    } catch (...) {
        printError(QCoreApplication::translate("Cli", "unexpected failure"));
    }
    return ExitFailure;
}

QString outputsUnchangedMessage(const QString& dir) {
    return QCoreApplication::translate("Cli", "cancelled; %1 is unchanged").arg(dir);
}

bool requireInputFile(const QString& path) {
    // A subdataset name (NETCDF:"f.nc":lulc) is accepted when its file exists; GDAL checks the rest.
    if (QFileInfo::exists(path) || gis::datasetFileExists(path.toStdString()))
        return true;
    printError(QCoreApplication::translate("Cli", "input file not found: %1").arg(path));
    return false;
}

bool prepareOutputFolder(const QString& dir) {
    // The folder itself is created by the run's gis::StagedOutput when its outputs are complete; here
    // only its parent is created, and both are checked.
    const QFileInfo info(QDir::cleanPath(QDir().absoluteFilePath(dir)));
    if (info.exists() && !info.isDir()) {
        printError(QCoreApplication::translate("Cli", "--out %1 is a file, not a folder").arg(dir));
        return false;
    }
    if ((info.exists() && !info.isWritable()) || !QDir().mkpath(info.absolutePath()) ||
        !QFileInfo(info.absolutePath()).isWritable()) {
        printError(
          QCoreApplication::translate("Cli", "--out %1: the folder cannot be created or is not writable")
            .arg(dir));
        return false;
    }
    return true;
}

void printError(const QString& message) {
    printLine(qPrintable(QCoreApplication::translate("Cli", "error: ")), message);
}

void printWarning(const QString& message) {
    printLine(qPrintable(QCoreApplication::translate("Cli", "warning: ")), message);
}

void printInfo(const QString& message) {
    printLine("", message);
}

void printIssues(const models::params::Issues& issues) {
    for (const models::params::Issue& i : issues) {
        if (i.isError())
            printError(i.toString());
        else
            printWarning(i.toString());
    }
}

void finishProgressLine() {
    if (g_lineOpen.exchange(false)) {
        std::fputc('\n', stderr);
        std::fflush(stderr);
    }
}

void installInterruptHandler() {
    std::signal(SIGINT, onSigint);
}

void TerminalFeedbackDeleter::operator()(gis::Feedback* feedback) const {
    gis::Feedback* expected = feedback;
    g_active.compare_exchange_strong(expected, nullptr);
    delete feedback;
}

TerminalFeedback makeTerminalFeedback(bool quiet) {
    const bool tty = !quiet && ::isatty(STDERR_FILENO);
    TerminalFeedback feedback(new gis::Feedback([tty](double percent, const std::string& status) {
        if (!tty)
            return;
        constexpr int width = 30;
        const int filled = int(percent / 100.0 * width + 0.5);
        std::string bar(std::size_t(filled), '#');
        bar.resize(width, '.');
        // The stage name in the interface language, padded to 40 characters (not bytes).
        const QByteArray label = app::progressLabel(status).leftJustified(40).toUtf8();
        std::fprintf(stderr, "\r[%s] %5.1f%%  %s", bar.c_str(), percent, label.constData());
        std::fflush(stderr);
        g_lineOpen = true;
    }));
    g_active = feedback.get();
    installInterruptHandler();
    if (g_interrupted)
        feedback->cancel(); // Ctrl+C while the arguments were read: the run stops at its first check
    return feedback;
}

} // namespace tanhui::cli
