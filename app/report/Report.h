// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/analysis/ResultSet.h"

#include <QByteArray>
#include <QImage>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tanhui::gis {
class Feedback;
}

namespace tanhui::report {

// ---------------------------------------------------------------------------------------------------
// The valuation report (issue 14, "Valuation report"; gep-methods.md §9): one document model built from
// the result sets of the runs (never by re-reading their CSV files) and the project, written as HTML
// (one self-contained file) and as PDF (A4) by two writers that read only this model.
// ---------------------------------------------------------------------------------------------------

/// @brief A table of the report: text cells, formatted for the report's language.
struct ReportTable {
    QString caption;
    QStringList header;
    std::vector<QStringList> rows;
    std::vector<bool> numeric;     ///< per column: right-aligned
    std::vector<double> widths;    ///< per column: share of the page width (sums to 1)
    std::vector<int> emphasisRows; ///< rows set in bold (totals)
    bool monospace = false;        ///< hashes and file names
    QString note;                  ///< below the table
};

/// @brief A chart or a map. Charts carry SVG (HTML) and an image (PDF); maps an image only.
struct ReportFigure {
    QString caption;
    QByteArray svg;       ///< an <svg> element (no XML declaration); empty for maps
    QImage image;         ///< rendered at 200 dpi for the PDF
    double widthMm = 160; ///< width on the page
    bool isMap = false;
    /// Charts: the numbers drawn (in the result set's unit, before any scaling for the axis) per series
    /// (name, one value per category), so that they can be checked against the result set.
    QStringList categories;
    std::vector<std::pair<QString, std::vector<double>>> values;
};

/// @brief A block of a section, in reading order.
struct ReportBlock {
    enum class Kind { Heading, Paragraph, Bullets, Table, Figure };
    Kind kind = Kind::Paragraph;
    QString text;      ///< Heading, Paragraph
    QStringList items; ///< Bullets
    ReportTable table;
    ReportFigure figure;
};

/// @brief A numbered section ("1 Summary", …).
struct ReportSection {
    QString id;    ///< stable anchor, e.g. "summary"
    QString title; ///< translated
    std::vector<ReportBlock> blocks;
};

/// @brief The whole report.
struct Report {
    QString language; ///< "zh_CN" or "en"
    QString title, subtitle;
    QStringList coverLines;   ///< project, period, date, software
    QStringList coverFigures; ///< the headline numbers on the cover
    std::vector<ReportSection> sections;
    QString footer;        ///< e.g. "project name · report title"
    QString contentsTitle; ///< "Contents", translated
    QString pageFormat;    ///< "Page %1 of %2", translated
};

/// @brief What the report is built from.
struct ReportInputs {
    QString projectFile; ///< the project file (classes, layers for the maps); may be empty
    models::analysis::ResultSet carbon;
    std::optional<models::analysis::ResultSet> gep;
    QString carbonDir, gepDir; ///< the folders the result sets were read from (named in the appendix)
    /// A restoration plan's run (`tanhui-cli plan --carbon-results DIR [--gep]`, result set
    /// "restoration_plan": plan_parcels, plan_totals, plan_settings and, with --gep, plan_gep_parcels and
    /// plan_gep_services). With it the report has a plan section (plan minus baseline) read from those
    /// tables only; without it the section is absent.
    std::optional<models::analysis::ResultSet> plan;
    QString planDir;
    QString language = QStringLiteral("zh_CN");
    bool maps = true;   ///< render the maps (the slowest part)
    bool charts = true; ///< render the charts
};

/// @brief Builds the report model. Needs a QGuiApplication (charts and maps are painted). Throws
/// gis::GisError naming the file when the project cannot be read, or when the carbon result set is not
/// a carbon project run (names the folder and the analysis it holds).
Report buildReport(const ReportInputs& inputs, gis::Feedback* feedback = nullptr);

/// @brief Writes the report as one self-contained XHTML file (inline CSS, charts as inline SVG, maps as
/// PNG data URIs), atomically. Throws gis::GisError(Io) naming the file.
void writeReportHtml(const Report& report, const QString& path);

/// @brief Writes the report as an A4 PDF (page numbers, tables with repeated headers), atomically, with
/// a CJK font (Noto Sans CJK SC). Throws gis::GisError(Io) naming the file.
void writeReportPdf(const Report& report, const QString& path);

/// @brief Reads the result sets and writes the report to `out` (.pdf or .html, by extension). Throws
/// gis::GisError naming the option or file of a problem (missing result set, wrong folder, extension).
/// `planDir` (--plan-results, optional): a `tanhui-cli plan` run, the plan section's only source.
void generateReport(const QString& projectFile,
                    const QString& carbonDir,
                    const QString& gepDir,
                    const QString& language,
                    const QString& out,
                    gis::Feedback* feedback = nullptr,
                    const QString& planDir = QString());

/// The report's CJK font family (Noto Sans CJK SC, from fonts-noto-cjk; it covers Latin too).
QString reportFontFamily();
/// The PDF's font families: a Latin font first (DejaVu Sans Condensed from fonts-dejavu-extra, else DejaVu
/// Sans from fonts-dejavu-core), then the CJK font, by font fallback. With the CJK font alone, Qt's PDF
/// text loses digits that follow letters on extraction (pdftotext, search): "landcover_.tif".
QStringList reportFontFamilies();

} // namespace tanhui::report
