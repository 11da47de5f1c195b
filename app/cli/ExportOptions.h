// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

namespace tanhui::gis {
class Feedback;
}
namespace tanhui::models::analysis {
struct ResultSet;
}

namespace tanhui::cli {

/// @brief What the data-export options of a command ask for (issue 14, "Data export").
struct ExportRequest {
    bool xlsx = false;   ///< --xlsx: every table in one workbook results.xlsx
    bool csvBom = false; ///< --csv-bom: a UTF-8 byte-order mark on every table's CSV (Excel)
};

/// The options --xlsx and --csv-bom (help text translated).
QList<QCommandLineOption> exportOptions();

/// The request the parsed command line makes.
ExportRequest readExportRequest(const QCommandLineParser& parser);

/// @brief The exports of a result set that a run wrote into `dir` (before its staged folder is
/// committed): with --csv-bom the byte-order mark on each table's CSV, with --xlsx results.xlsx
/// (analysis::writeXlsx), and always, when the CLI is built with the renderer, QGIS's default style
/// in every GeoPackage table: graduated (natural breaks, "carbon" ramp) on its last t C/ha column,
/// plus a second style on its longest change column (diverging, centred on 0). Appends what it
/// writes to `written`. Throws gis::GisError naming the file.
void writeResultExports(const models::analysis::ResultSet& rs,
                        const QString& dir,
                        const ExportRequest& request,
                        QStringList& written,
                        gis::Feedback* feedback);

} // namespace tanhui::cli
