// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui/MetadataFormatter.h"

#include <QFileInfo>
#include <QLocale>

#include <cmath>

namespace tanhui::gui {

namespace {

const char* const kKeyStyle = "color:#4a5a4a; font-weight:600; padding-right:18px; vertical-align:middle;";
const char* const kValueStyle = "vertical-align:middle;";
const char* const kCellStyle =
  "padding:4px 10px 4px 6px; border-bottom-width:1px; border-bottom-style:solid; "
  "border-bottom-color:#d6e2d6; vertical-align:middle;";
const char* const kHeaderStyle = "padding:5px 10px 5px 6px; background-color:#e3eee3; color:#2f4f2f; "
                                 "font-weight:600; border-bottom-width:1px; border-bottom-style:solid; "
                                 "border-bottom-color:#a9c4a9;";

QString esc(const QString& text) {
    return text.toHtmlEscaped();
}

QString esc(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped();
}

/// Shortest faithful decimal representation (no trailing zeros), up to 12 significant digits.
QString shortNumber(double value) {
    return QString::number(value, 'g', 12);
}

/// `value` with at most `decimals` decimals, trailing zeros removed.
QString trimmedNumber(double value, int decimals) {
    QString text = QString::number(value, 'f', decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text;
}

QString row(const QString& key, const QString& valueHtml) {
    return QStringLiteral("<tr><td style=\"%1\">%2</td><td style=\"%3\">%4</td></tr>")
      .arg(QLatin1String(kKeyStyle), esc(key), QLatin1String(kValueStyle), valueHtml);
}

QString headerRow(const QStringList& headers) {
    QString html = QStringLiteral("<tr>");
    for (const QString& header : headers)
        html += QStringLiteral("<td style=\"%1\">%2</td>").arg(QLatin1String(kHeaderStyle), esc(header));
    return html + QStringLiteral("</tr>");
}

QString dataRow(const QStringList& cellsHtml) {
    QString html = QStringLiteral("<tr>");
    for (const QString& cell : cellsHtml)
        html += QStringLiteral("<td style=\"%1\">%2</td>").arg(QLatin1String(kCellStyle), cell);
    return html + QStringLiteral("</tr>");
}

QString openTable(bool grid) {
    return grid ? QStringLiteral("<table cellspacing=\"0\" style=\"border-collapse:collapse;\">")
                : QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
}

QString title(const std::string& path, const QString& subtitle) {
    return QStringLiteral(
             "<h2 style=\"margin-bottom:0\">%1</h2><p style=\"color:#5f6f5f; margin-top:2px\">%2</p>")
      .arg(esc(QFileInfo(QString::fromStdString(path)).fileName()), esc(subtitle));
}

} // namespace

QString MetadataFormatter::crsHtml(const tanhui::gis::Crs& crs) {
    if (!crs.isValid())
        return QStringLiteral("<span style=\"color:#c62828; font-weight:600\">%1</span>")
          .arg(esc(tr("No CRS — assign one before analysis")));
    const std::string id = crs.authorityId();
    QString html = esc(crs.name());
    if (!id.empty())
        html += QStringLiteral(" <span style=\"color:#5f6f5f\">(%1)</span>").arg(esc(id));
    return html;
}

QString MetadataFormatter::unitText(const tanhui::gis::Crs& crs) {
    if (!crs.isValid())
        return tr("unknown units");
    if (crs.isGeographic())
        return QStringLiteral("°");
    const double metres = crs.linearUnitMetres();
    if (std::abs(metres - 1.0) < 1e-12)
        return tr("m");
    if (std::abs(metres - 0.3048) < 1e-9)
        return tr("ft");
    if (std::abs(metres - 1200.0 / 3937.0) < 1e-9)
        return tr("US survey ft");
    return tr("CRS units (1 unit = %1 m)").arg(shortNumber(metres));
}

QString MetadataFormatter::cellSizeText(const tanhui::gis::Grid& grid, const tanhui::gis::Crs& crs) {
    if (crs.isValid() && crs.isGeographic()) {
        // Degrees are hard to read at cell scale: add arc seconds (3″ = 0.000833…°).
        return tr("%1 × %2 %3 (%4″ × %5″)")
          .arg(QString::number(grid.cellWidth, 'g', 8),
               QString::number(grid.cellHeight, 'g', 8),
               unitText(crs),
               trimmedNumber(grid.cellWidth * 3600.0, 3),
               trimmedNumber(grid.cellHeight * 3600.0, 3));
    }
    return tr("%1 × %2 %3")
      .arg(trimmedNumber(grid.cellWidth, 4), trimmedNumber(grid.cellHeight, 4), unitText(crs));
}

QString MetadataFormatter::extentText(const tanhui::gis::Box& box, const tanhui::gis::Crs& crs) {
    const int decimals = crs.isValid() && crs.isGeographic() ? 6 : 2;
    const auto n = [decimals](double v) { return QString::number(v, 'f', decimals); };
    return tr("x: %1 … %2, y: %3 … %4 (%5)")
      .arg(n(box.xmin), n(box.xmax), n(box.ymin), n(box.ymax), unitText(crs));
}

QString MetadataFormatter::geometryTypeText(const std::string& ogrName) {
    QString name = QString::fromStdString(ogrName);
    // OGR appends " Z", " M" or " ZM" (or prefixes "3D ") for geometries with extra dimensions.
    QString suffix;
    for (const QString& dim : { QStringLiteral(" ZM"), QStringLiteral(" Z"), QStringLiteral(" M") }) {
        if (name.endsWith(dim)) {
            suffix = dim;
            name.chop(dim.size());
            break;
        }
    }
    if (name.startsWith(QLatin1String("3D "))) {
        name = name.mid(3);
        suffix = QStringLiteral(" Z");
    }
    QString text;
    if (name == QLatin1String("Point"))
        text = tr("Point");
    else if (name == QLatin1String("Line String"))
        text = tr("Line");
    else if (name == QLatin1String("Polygon"))
        text = tr("Polygon");
    else if (name == QLatin1String("Multi Point"))
        text = tr("Multipoint");
    else if (name == QLatin1String("Multi Line String"))
        text = tr("Multiline");
    else if (name == QLatin1String("Multi Polygon"))
        text = tr("Multipolygon");
    else if (name == QLatin1String("Geometry Collection"))
        text = tr("Geometry collection");
    else if (name == QLatin1String("None"))
        text = tr("No geometry");
    else if (name.startsWith(QLatin1String("Unknown")))
        text = tr("Mixed geometry types");
    else
        return QString::fromStdString(ogrName);
    return text + suffix;
}

QString MetadataFormatter::fieldTypeText(const QString& ogrName) {
    if (ogrName == QLatin1String("Integer"))
        return tr("Integer");
    if (ogrName == QLatin1String("Integer64"))
        return tr("Integer (64-bit)");
    if (ogrName == QLatin1String("Real"))
        return tr("Real");
    if (ogrName == QLatin1String("String"))
        return tr("Text");
    if (ogrName == QLatin1String("Date"))
        return tr("Date");
    if (ogrName == QLatin1String("Time"))
        return tr("Time");
    if (ogrName == QLatin1String("DateTime"))
        return tr("Date and time");
    if (ogrName == QLatin1String("Binary"))
        return tr("Binary");
    return ogrName;
}

QString MetadataFormatter::encodingText(const tanhui::gis::EncodingInfo& encoding) {
    const std::string& s = encoding.source;
    QString source;
    if (s == "cpg")
        source = tr("from the .cpg file");
    else if (s == "ldid")
        source = tr("from the DBF language driver ID");
    else if (s == "detected")
        source = tr("detected");
    else if (s == "override")
        source = tr("chosen by the user");
    else if (s == "format")
        source = tr("defined by the format");
    else
        source = QString::fromStdString(s);
    const QString name =
      encoding.encoding.empty() ? tr("unknown") : QString::fromStdString(encoding.encoding);
    return source.isEmpty() ? name : tr("%1 (%2)").arg(name, source);
}

QString MetadataFormatter::rasterHtml(const tanhui::gis::RasterInfo& info) {
    const QLocale locale;
    const tanhui::gis::Grid& grid = info.grid;
    QString html = title(info.path, tr("Raster"));

    html += openTable(false);
    html += row(tr("Path"), esc(info.path));
    html += row(tr("Driver"), esc(info.driver));
    html +=
      row(tr("Size"),
          esc(tr("%1 × %2 (columns × rows)").arg(locale.toString(grid.cols), locale.toString(grid.rows))));
    html += row(tr("Cell size"), esc(cellSizeText(grid, info.crs)));
    html += row(tr("Extent"), esc(extentText(grid.extent(), info.crs)));
    html += row(tr("CRS"), crsHtml(info.crs));
    if (!info.crsProblem.empty()) // why the file's own CRS is not used (English, from gis/)
        html += row(tr("CRS problem"), esc(QString::fromStdString(info.crsProblem)));
    html += row(tr("Band count"), esc(locale.toString(qulonglong(info.bands.size()))));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Bands")));
    html += openTable(true);
    html += headerRow({ tr("Band"),
                        tr("Data type"),
                        tr("NoData value"),
                        tr("Block size"),
                        tr("Overviews"),
                        tr("Description") });
    const QString none = QStringLiteral("<span style=\"color:#9e9e9e\">—</span>");
    for (const tanhui::gis::BandInfo& band : info.bands) {
        QString type = esc(band.dataType);
        if (band.scale != 1.0 || band.offset != 0.0)
            type +=
              QStringLiteral("<br><span style=\"color:#5f6f5f\">%1</span>")
                .arg(esc(tr("scale %1, offset %2").arg(shortNumber(band.scale), shortNumber(band.offset))));
        html += dataRow({
          QString::number(band.index),
          type,
          band.nodata ? esc(QString::number(*band.nodata, 'g', 17)) : none,
          esc(tr("%1 × %2").arg(band.blockWidth).arg(band.blockHeight)),
          band.overviewCount > 0 ? QString::number(band.overviewCount) : none,
          band.description.empty() ? none : esc(band.description),
        });
    }
    html += QStringLiteral("</table>");

    if (!info.metadata.empty()) {
        html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Dataset metadata")));
        html += openTable(false);
        int shown = 0;
        for (const auto& [key, value] : info.metadata) {
            if (++shown > 40)
                break;
            html += row(QString::fromStdString(key), esc(value));
        }
        html += QStringLiteral("</table>");
    }
    return html;
}

QString MetadataFormatter::vectorHtml(const tanhui::gis::LayerInfo& info) {
    const QLocale locale;
    QString html = title(info.path, tr("Vector layer"));

    QString layer = esc(info.layerName);
    if (info.allLayerNames.size() > 1)
        layer += QStringLiteral(" <span style=\"color:#5f6f5f\">%1</span>")
                   .arg(esc(tr("(one of %n layers in this file)", nullptr, int(info.allLayerNames.size()))));

    html += openTable(false);
    html += row(tr("Path"), esc(info.path));
    html += row(tr("Driver"), esc(info.driver));
    html += row(tr("Layer"), layer);
    html += row(tr("Geometry type"), esc(geometryTypeText(info.geometryType)));
    html += row(tr("Feature count"), esc(locale.toString(qlonglong(info.featureCount))));
    html += row(tr("CRS"), crsHtml(info.crs));
    if (!info.crsProblem.empty()) // why the file's own CRS is not used (English, from gis/)
        html += row(tr("CRS problem"), esc(QString::fromStdString(info.crsProblem)));
    html += row(tr("Extent"),
                info.extent.isEmpty() && info.featureCount == 0 ? esc(tr("empty layer"))
                                                                : esc(extentText(info.extent, info.crs)));
    html += row(tr("Encoding"), esc(encodingText(info.encoding)));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Fields (%1)").arg(info.fields.size())));
    if (info.fields.empty()) {
        html += QStringLiteral("<p style=\"color:#5f6f5f\">%1</p>")
                  .arg(esc(tr("This layer has no attribute fields.")));
        return html;
    }
    html += openTable(true);
    html += headerRow({ tr("#"), tr("Name"), tr("Type") });
    int number = 0;
    for (const tanhui::gis::FieldInfo& field : info.fields) {
        html +=
          dataRow({ QString::number(++number),
                    esc(field.name),
                    esc(fieldTypeText(field.typeName)) +
                      (fieldTypeText(field.typeName) != field.typeName
                         ? QStringLiteral(" <span style=\"color:#9e9e9e\">%1</span>").arg(esc(field.typeName))
                         : QString()) });
    }
    html += QStringLiteral("</table>");
    return html;
}

} // namespace tanhui::gui
