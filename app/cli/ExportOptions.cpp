// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/ExportOptions.h"

#include "models/analysis/ResultSet.h"
#include "models/analysis/Xlsx.h"
#ifdef TANHUI_HAVE_RENDER
#include "gis/LayerStyles.h"
#include "render/QgisStyle.h"
#endif

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <cmath>
#include <vector>

namespace tanhui::cli {

namespace {

struct ExportOptions {
    Q_DECLARE_TR_FUNCTIONS(ExportOptions)
};

namespace analysis = models::analysis;

#ifdef TANHUI_HAVE_RENDER
/// The values of column `c` of `t` (NaN for empty cells), read through its row source (lazy tables too).
std::vector<double> columnValues(const analysis::Table& t, int c) {
    std::vector<double> out;
    out.reserve(t.rowCount());
    const gis::RowSource source = t.rowSource();
    std::vector<QVariant> values;
    std::vector<unsigned char> wkb;
    for (std::size_t r = 0; r < t.rowCount(); ++r) {
        values.assign(t.columns.size(), QVariant());
        wkb.clear();
        source(r, values, wkb);
        bool ok = false;
        const double v = values[std::size_t(c)].toDouble(&ok);
        out.push_back(ok ? v : std::nan(""));
    }
    return out;
}

/// QGIS styles for a GeoPackage table: default on the last t C/ha column, one on the longest change.
void styleGeoPackage(const analysis::Table& t, const QString& gpkg) {
    int density = -1, change = -1, span = -1;
    static const QRegularExpression changeName(QStringLiteral("^change_t_(\\d{4})_(\\d{4})$"));
    for (int c = 0; c < int(t.columns.size()); ++c) {
        const analysis::Column& col = t.columns[std::size_t(c)];
        if (col.unit == QLatin1String("t C/ha"))
            density = c;
        if (const auto m = changeName.match(col.name); m.hasMatch()) {
            const int s = m.captured(2).toInt() - m.captured(1).toInt();
            if (s > span) {
                span = s;
                change = c;
            }
        }
    }
    if (density < 0 && change < 0)
        return;
    std::vector<gis::LayerStyle> styles;
    auto add = [&](int c, bool isChange, bool isDefault) {
        const analysis::Column& col = t.columns[std::size_t(c)];
        const render::VectorStyle style = render::resultLayerStyle(col.name, columnValues(t, c), isChange);
        if (style.ranges.empty())
            return; // no values to classify
        gis::LayerStyle s;
        s.layer = t.name.toStdString();
        s.name = col.name.toStdString();
        s.qml = render::qgisQml(style).toStdString();
        s.sld = render::qgisSld(style, t.name).toStdString();
        s.description = (col.description.isEmpty() ? col.name : col.description).toStdString();
        s.useAsDefault = isDefault;
        styles.push_back(std::move(s));
    };
    if (change >= 0)
        add(change, true, density < 0);
    if (density >= 0)
        add(density, false, true); // written last: the default
    if (!styles.empty())
        gis::writeLayerStyles(gpkg.toStdString(), styles);
}
#endif

} // namespace

QList<QCommandLineOption> exportOptions() {
    return {
        QCommandLineOption(QStringLiteral("xlsx"),
                           ExportOptions::tr("Also write every result table into one Excel workbook, "
                                             "results.xlsx (one sheet per table, units in the headers).")),
        QCommandLineOption(QStringLiteral("csv-bom"),
                           ExportOptions::tr("Start each CSV table with a UTF-8 byte-order mark, so that "
                                             "Excel shows Chinese text correctly.")),
    };
}

ExportRequest readExportRequest(const QCommandLineParser& parser) {
    ExportRequest r;
    r.xlsx = parser.isSet(QStringLiteral("xlsx"));
    r.csvBom = parser.isSet(QStringLiteral("csv-bom"));
    return r;
}

void writeResultExports(const analysis::ResultSet& rs,
                        const QString& dir,
                        const ExportRequest& request,
                        QStringList& written,
                        gis::Feedback* feedback) {
    const QDir folder(dir);
    for (const analysis::Table& t : rs.tables) {
        const QString csv = folder.filePath(t.name + QStringLiteral(".csv"));
        if (request.csvBom && QFileInfo::exists(csv))
            analysis::addCsvByteOrderMark(csv.toStdString());
#ifdef TANHUI_HAVE_RENDER
        const QString gpkg = folder.filePath(t.name + QStringLiteral(".gpkg"));
        if (t.hasGeometry && QFileInfo::exists(gpkg))
            styleGeoPackage(t, gpkg); // already listed: the run wrote it
#endif
    }
    if (request.xlsx) {
        const QString xlsx = folder.filePath(analysis::resultSetXlsxName());
        analysis::writeXlsx(rs, xlsx.toStdString(), feedback);
        written << xlsx;
    }
}

} // namespace tanhui::cli
