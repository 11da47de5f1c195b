// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/ReportCommand.h"

#include "app/cli/CliCommon.h"
#include "app/report/Report.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

namespace tanhui::cli {

namespace {

/// Translation context of this file's user-facing strings.
struct ReportCommand {
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)
};

} // namespace

int runReportCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(ReportCommand::tr(
      "Writes the valuation report (PDF or HTML, in Chinese or English) from the result sets of a carbon\n"
      "project run (tanhui-cli carbon --project FILE --out DIR) and, optionally, a GEP run: summary, study\n"
      "area and data (every input with its SHA-256), methods and parameter rows, results by ecosystem type,\n"
      "district and service, charts, maps and an appendix."));
    parser.addHelpOption();
    const QCommandLineOption projectOpt(
      QStringLiteral("project"),
      ReportCommand::tr("The project file (classes and layers for the maps)."),
      ReportCommand::tr("FILE"));
    const QCommandLineOption carbonOpt(
      QStringLiteral("carbon-results"),
      ReportCommand::tr("Folder of the carbon project run (holds resultset.json)."),
      ReportCommand::tr("DIR"));
    const QCommandLineOption gepOpt(QStringLiteral("gep-results"),
                                    ReportCommand::tr("Folder of the GEP run (optional)."),
                                    ReportCommand::tr("DIR"));
    const QCommandLineOption planOpt(
      QStringLiteral("plan-results"),
      ReportCommand::tr("Folder of a restoration plan's run ('plan --carbon-results DIR [--gep]', optional): "
                        "adds the plan section (carbon and GEP differences with bounds, top parcels, map)."),
      ReportCommand::tr("DIR"));
    const QCommandLineOption langOpt(QStringLiteral("lang"),
                                     ReportCommand::tr("Language of the report: zh_CN (default) or en."),
                                     ReportCommand::tr("LANG"),
                                     QStringLiteral("zh_CN"));
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    ReportCommand::tr("The report file: .pdf or .html (written atomically)."),
                                    ReportCommand::tr("FILE"));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"),
                                      ReportCommand::tr("No progress bar and no summary."));
    parser.addOptions({ projectOpt, carbonOpt, gepOpt, planOpt, langOpt, outOpt, quietOpt });
    if (const auto stop =
          parseCommandLine(parser, arguments, QStringLiteral("report"), { carbonOpt, outOpt }))
        return *stop;
    const QString out = parser.value(outOpt);
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("html") && suffix != QLatin1String("htm")) {
        printError(ReportCommand::tr("--out %1: the report's file name must end in .pdf or .html").arg(out));
        return ExitUsage;
    }
    const QString lang = parser.value(langOpt);
    if (lang != QLatin1String("zh_CN") && lang != QLatin1String("en")) {
        printError(ReportCommand::tr("--lang %1: the report's language must be zh_CN or en").arg(lang));
        return ExitUsage;
    }
    const bool quiet = parser.isSet(quietOpt);
    auto feedback = makeTerminalFeedback(quiet);
    QElapsedTimer timer;
    timer.start();
    try {
        report::generateReport(parser.value(projectOpt),
                               parser.value(carbonOpt),
                               parser.value(gepOpt),
                               lang,
                               out,
                               feedback.get(),
                               parser.value(planOpt));
    } catch (...) {
        return reportFailure(ReportCommand::tr("cancelled; %1 is unchanged").arg(out));
    }
    finishProgressLine();
    if (!quiet) {
        printInfo(ReportCommand::tr("report written: %1 (%2 s)")
                    .arg(QDir::toNativeSeparators(QFileInfo(out).absoluteFilePath()))
                    .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    }
    return ExitOk;
}

} // namespace tanhui::cli
