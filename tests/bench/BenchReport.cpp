// SPDX-License-Identifier: GPL-3.0-or-later
// tanhui-bench-report: how long the valuation report takes (issue 14: the sample project's PDF report in
// under 10 s), by phase: reading the result sets, building the model (tables, charts, maps), writing the
// PDF and the HTML. Usage:
//   tanhui-bench-report --project FILE --carbon-results DIR [--gep-results DIR] [--lang zh_CN|en] --out-dir
//   DIR
// Prints one line per phase and the total of the PDF path; exits 1 when it exceeds 10 s.
#include "app/report/Report.h"
#include "app/report/ReportApplication.h"
#include "gis/Gdal.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char** argv) {
    auto app = tanhui::report::makeReportApplication(argc, argv);
    tanhui::gis::initializeGdal();
    QCommandLineParser parser;
    const QCommandLineOption project(
      QStringLiteral("project"), QStringLiteral("project file"), QStringLiteral("FILE"));
    const QCommandLineOption carbon(
      QStringLiteral("carbon-results"), QStringLiteral("carbon run"), QStringLiteral("DIR"));
    const QCommandLineOption gep(
      QStringLiteral("gep-results"), QStringLiteral("GEP run"), QStringLiteral("DIR"));
    const QCommandLineOption lang(
      QStringLiteral("lang"), QStringLiteral("language"), QStringLiteral("LANG"), QStringLiteral("zh_CN"));
    const QCommandLineOption outDir(
      QStringLiteral("out-dir"), QStringLiteral("output folder"), QStringLiteral("DIR"));
    parser.addOptions({ project, carbon, gep, lang, outDir });
    parser.process(*app);
    namespace report = tanhui::report;
    try {
        QElapsedTimer total, phase;
        total.start();
        phase.start();
        report::ReportInputs in;
        in.projectFile = parser.value(project);
        in.language = parser.value(lang);
        in.carbonDir = QDir(parser.value(carbon)).absolutePath();
        tanhui::models::analysis::ReadOptions options; // as report::generateReport reads them
        options.headerOnly = [](const QString& table) {
            return table == QLatin1String("parcels") || table.startsWith(QLatin1String("parcels_")) ||
                   table == QLatin1String("indicators") || table.startsWith(QLatin1String("uncertainty_"));
        };
        in.carbon = tanhui::models::analysis::readResultSet(in.carbonDir.toStdString(), options);
        if (parser.isSet(gep)) {
            in.gepDir = QDir(parser.value(gep)).absolutePath();
            in.gep = tanhui::models::analysis::readResultSet(in.gepDir.toStdString(), options);
        }
        const qint64 read = phase.restart();
        in.maps = false;
        report::buildReport(in);
        const qint64 noMaps = phase.restart();
        in.maps = true;
        const report::Report r = report::buildReport(in);
        const qint64 build = phase.restart();
        report::writeReportPdf(r, parser.value(outDir) + QStringLiteral("/report.pdf"));
        const qint64 pdf = phase.restart();
        report::writeReportHtml(r, parser.value(outDir) + QStringLiteral("/report.html"));
        const qint64 html = phase.restart();
        const double totalS = double(read + build + pdf) / 1000.0;
        std::printf("read result sets   %7.2f s\n", double(read) / 1000.0);
        std::printf("model without maps %7.2f s (tables and charts)\n", double(noMaps) / 1000.0);
        std::printf("model with maps    %7.2f s\n", double(build) / 1000.0);
        std::printf("write PDF          %7.2f s\n", double(pdf) / 1000.0);
        std::printf("write HTML         %7.2f s\n", double(html) / 1000.0);
        std::printf("PDF report total   %7.2f s (read + model with maps + PDF; limit 10 s)\n", totalS);
        return totalS < 10.0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tanhui-bench-report: %s\n", e.what());
        return 2;
    }
}
