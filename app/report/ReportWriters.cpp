// SPDX-License-Identifier: GPL-3.0-or-later
// The report's two writers (issue 14): one self-contained XHTML file and an A4 PDF, both from the one
// Report model.
#include "app/report/Report.h"

#include "gis/AtomicFile.h"
#include "gis/Errors.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace tanhui::report {

namespace {

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

QString htmlLang(const QString& language) {
    return language.startsWith(QLatin1String("zh")) ? QStringLiteral("zh-CN") : QStringLiteral("en");
}

const char* kCss = R"(
body { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; font-size: 10.5pt; color: #222;
       max-width: 190mm; margin: 0 auto; padding: 12mm 10mm; line-height: 1.45; }
header.cover { border-bottom: 2px solid #2e7d32; padding-bottom: 8mm; margin-bottom: 8mm; }
header.cover h1 { font-size: 22pt; color: #1b5e20; margin: 0 0 3mm 0; }
header.cover p.subtitle { font-size: 15pt; margin: 0 0 4mm 0; }
header.cover ul.figures { font-size: 12pt; font-weight: bold; color: #1b5e20; }
h2 { font-size: 15pt; color: #1b5e20; border-bottom: 1px solid #a5d6a7; margin-top: 10mm; }
h3 { font-size: 11.5pt; color: #2e7d32; margin-top: 6mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 1mm 0; font-size: 8.5pt; }
caption { text-align: left; font-weight: bold; padding: 1mm 0; }
th { background: #e8f5e9; text-align: left; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
td:first-child, th:first-child { min-width: 6em; }
tr.total td { font-weight: bold; background: #f5f5f5; }
table.mono td { font-family: "Noto Sans Mono CJK SC", monospace; font-size: 7.5pt; word-break: break-all; }
p.note { font-size: 8.5pt; color: #555; margin-top: 0; }
figure { margin: 4mm 0; text-align: center; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #444; margin-top: 1mm; }
nav ol { columns: 2; }
footer { margin-top: 10mm; font-size: 8.5pt; color: #777; border-top: 1px solid #ccc; }
)";

} // namespace

void writeReportHtml(const Report& report, const QString& path) {
    QString h;
    h.reserve(1 << 20);
    h += QStringLiteral(
           "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%1\" xml:lang=\"%1\">\n")
           .arg(htmlLang(report.language));
    h += QStringLiteral("<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"generator\" "
                        "content=\"Tanhui\"/>\n<title>%1 – %2</title>\n<style>")
           .arg(esc(report.title), esc(report.subtitle));
    h += QString::fromUtf8(kCss);
    h += QStringLiteral(
           "</style>\n</head>\n<body>\n<header class=\"cover\">\n<h1>%1</h1>\n<p class=\"subtitle\">%2</p>\n")
           .arg(esc(report.title), esc(report.subtitle));
    if (!report.coverFigures.isEmpty()) {
        h += QStringLiteral("<ul class=\"figures\">\n");
        for (const QString& f : report.coverFigures) {
            h += QStringLiteral("<li>%1</li>\n").arg(esc(f));
        }
        h += QStringLiteral("</ul>\n");
    }
    for (const QString& line : report.coverLines) {
        h += QStringLiteral("<p>%1</p>\n").arg(esc(line));
    }
    h += QStringLiteral("</header>\n<nav>\n<h2>%1</h2>\n<ol>\n").arg(esc(report.contentsTitle));
    for (const ReportSection& s : report.sections) {
        h += QStringLiteral("<li><a href=\"#%1\">%2</a></li>\n").arg(s.id, esc(s.title));
    }
    h += QStringLiteral("</ol>\n</nav>\n");
    for (const ReportSection& s : report.sections) {
        h += QStringLiteral("<section id=\"%1\">\n<h2>%2</h2>\n").arg(s.id, esc(s.title));
        for (const ReportBlock& b : s.blocks) {
            switch (b.kind) {
                case ReportBlock::Kind::Heading:
                    h += QStringLiteral("<h3>%1</h3>\n").arg(esc(b.text));
                    break;
                case ReportBlock::Kind::Paragraph:
                    h += QStringLiteral("<p>%1</p>\n").arg(esc(b.text));
                    break;
                case ReportBlock::Kind::Bullets:
                    h += QStringLiteral("<ul>\n");
                    for (const QString& item : b.items) {
                        h += QStringLiteral("<li>%1</li>\n").arg(esc(item));
                    }
                    h += QStringLiteral("</ul>\n");
                    break;
                case ReportBlock::Kind::Table: {
                    const ReportTable& t = b.table;
                    h +=
                      t.monospace ? QStringLiteral("<table class=\"mono\">\n") : QStringLiteral("<table>\n");
                    h += QStringLiteral("<caption>%1</caption>\n<thead><tr>").arg(esc(t.caption));
                    for (int c = 0; c < t.header.size(); ++c) {
                        h += QStringLiteral("<th%1>%2</th>")
                               .arg(t.numeric[std::size_t(c)] ? QStringLiteral(" class=\"num\"") : QString(),
                                    esc(t.header[c]));
                    }
                    h += QStringLiteral("</tr></thead>\n<tbody>\n");
                    for (std::size_t r = 0; r < t.rows.size(); ++r) {
                        const bool total = std::find(t.emphasisRows.begin(), t.emphasisRows.end(), int(r)) !=
                                           t.emphasisRows.end();
                        h += total ? QStringLiteral("<tr class=\"total\">") : QStringLiteral("<tr>");
                        for (int c = 0; c < t.header.size(); ++c) {
                            h +=
                              QStringLiteral("<td%1>%2</td>")
                                .arg(t.numeric[std::size_t(c)] ? QStringLiteral(" class=\"num\"") : QString(),
                                     esc(c < t.rows[r].size() ? t.rows[r][c] : QString()));
                        }
                        h += QStringLiteral("</tr>\n");
                    }
                    h += QStringLiteral("</tbody>\n</table>\n");
                    if (!t.note.isEmpty()) {
                        h += QStringLiteral("<p class=\"note\">%1</p>\n").arg(esc(t.note));
                    }
                    break;
                }
                case ReportBlock::Kind::Figure: {
                    const ReportFigure& f = b.figure;
                    h += QStringLiteral("<figure>\n");
                    if (!f.svg.isEmpty()) {
                        h += QString::fromUtf8(f.svg);
                    } else {
                        QByteArray png;
                        QBuffer buffer(&png);
                        buffer.open(QIODevice::WriteOnly);
                        f.image.save(&buffer, "PNG");
                        h += QStringLiteral(
                               "<img src=\"data:image/png;base64,%1\" alt=\"%2\" style=\"width:%3mm\"/>")
                               .arg(QString::fromLatin1(png.toBase64()), esc(f.caption))
                               .arg(f.widthMm);
                    }
                    h += QStringLiteral("\n<figcaption>%1</figcaption>\n</figure>\n").arg(esc(f.caption));
                    break;
                }
            }
        }
        h += QStringLiteral("</section>\n");
    }
    h += QStringLiteral("<footer><p>%1</p></footer>\n</body>\n</html>\n").arg(esc(report.footer));
    gis::writeFileAtomically(path, h.toUtf8());
}

namespace {

/// Lays out the report as a QTextDocument for a device of `dpi`, `bodyWidth` px wide.
class PdfLayout {
public:
    PdfLayout(QTextDocument& doc, double dpi, double bodyWidth, double bodyHeight)
      : m_doc(doc)
      , m_dpi(dpi)
      , m_bodyWidth(bodyWidth)
      , m_bodyHeight(bodyHeight) {}

    /// Lengths of the layout (margins, paddings, image sizes) are in pixels of a 96 dpi screen: the
    /// document layout scales them to its paint device (the PDF writer); page sizes are device pixels.
    double px(double mm) const { return mm * 96.0 / 25.4; }
    double fromDevice(double devicePixels) const { return devicePixels * 96.0 / m_dpi; }

    QTextCharFormat charFormat(double pt,
                               bool bold = false,
                               const QColor& colour = QColor(34, 34, 34),
                               bool mono = false) const {
        // Latin runs in a Latin font, Chinese in the CJK font (font fallback over the families): set in
        // Noto Sans CJK alone, Qt's PDF text (ToUnicode) loses digits after letters ("landcover_2015.tif"
        // extracts as "landcover_.tif"); drawn in DejaVu they extract whole.
        QTextCharFormat f;
        const QStringList families =
          mono ? QStringList{ QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Noto Sans Mono CJK SC") }
               : reportFontFamilies();
        QFont font(families.constFirst());
        font.setFamilies(families);
        font.setPointSizeF(pt);
        font.setBold(bold);
        font.setHintingPreference(QFont::PreferNoHinting);
        f.setFont(font);
        f.setFontFamilies(families);
        f.setForeground(colour);
        return f;
    }

    /// Lays out `report`; `pages` gives the page of each section (for the contents), empty on the
    /// first pass.
    void build(const Report& report, const std::vector<int>& pages) {
        m_doc.clear();
        m_sectionBlocks.clear();
        m_parts.clear();
        m_tables = 0;
        QTextCursor cur(&m_doc);
        cur.beginEditBlock(); // one layout at the end, not one per inserted cell
        QTextBlockFormat bf;
        bf.setTopMargin(px(40));
        cur.setBlockFormat(bf);
        cur.insertText(report.title, charFormat(22, true, QColor(27, 94, 32)));
        paragraph(cur, report.subtitle, charFormat(15), px(4));
        for (const QString& f : report.coverFigures) {
            paragraph(cur, f, charFormat(12, true, QColor(27, 94, 32)), px(3));
        }
        bool first = true;
        for (const QString& l : report.coverLines) {
            paragraph(cur, l, charFormat(10), first ? px(8) : px(1));
            first = false;
        }
        paragraph(cur, report.contentsTitle, charFormat(13, true, QColor(27, 94, 32)), px(14));
        for (std::size_t i = 0; i < report.sections.size(); ++i) {
            QString line = report.sections[i].title;
            if (i < pages.size()) {
                line += QStringLiteral(" · %1").arg(pages[i]);
            }
            paragraph(cur, line, charFormat(10.5), px(1.5));
        }
        for (const ReportSection& s : report.sections) {
            QTextBlockFormat hf;
            hf.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            hf.setBottomMargin(px(3));
            cur.insertBlock(hf);
            m_sectionBlocks.push_back(cur.block().blockNumber());
            cur.insertText(s.title, charFormat(15, true, QColor(27, 94, 32)));
            for (const ReportBlock& b : s.blocks) {
                block(cur, b);
            }
        }
        cur.endEditBlock();
    }

    /// Lays out `report` so that no table row is cut by a page break: QTextDocument's layout would
    /// split a row across two pages (its cells' lines on both). A table whose row crosses a page break
    /// is split before that row and continues, with its header, on the next page; repeated until no
    /// row crosses one (each pass only moves content after the rows already placed).
    void buildKeepingRowsTogether(const Report& report, const std::vector<int>& pages) {
        build(report, pages);
        for (int pass = 0; pass < 200 && splitCrossingRows(); ++pass)
            build(report, pages);
    }

    /// Page (1-based) of each section's heading, after layout.
    std::vector<int> sectionPages() const {
        std::vector<int> pages;
        for (const int n : m_sectionBlocks) {
            const QTextBlock b = m_doc.findBlockByNumber(n);
            const QRectF r = m_doc.documentLayout()->blockBoundingRect(b);
            pages.push_back(int(r.top() / m_bodyHeight) + 1);
        }
        return pages;
    }

private:
    void paragraph(QTextCursor& cur,
                   const QString& text,
                   const QTextCharFormat& f,
                   double topMargin,
                   Qt::Alignment align = Qt::AlignLeft) {
        QTextBlockFormat bf;
        bf.setTopMargin(topMargin);
        bf.setAlignment(align);
        cur.insertBlock(bf);
        cur.insertText(text, f);
    }

    void block(QTextCursor& cur, const ReportBlock& b) {
        switch (b.kind) {
            case ReportBlock::Kind::Heading: {
                QTextBlockFormat bf;
                bf.setTopMargin(px(4));
                bf.setBottomMargin(px(1));
                cur.insertBlock(bf);
                cur.insertText(b.text, charFormat(11.5, true, QColor(46, 125, 50)));
                break;
            }
            case ReportBlock::Kind::Paragraph:
                paragraph(cur, b.text, charFormat(9.5), px(2));
                break;
            case ReportBlock::Kind::Bullets: {
                QTextBlockFormat bf;
                bf.setTopMargin(px(1));
                cur.insertBlock(bf, charFormat(9.5)); // the marker is drawn in the block's font
                QTextListFormat lf;
                lf.setStyle(QTextListFormat::ListDisc);
                lf.setIndent(1);
                cur.createList(lf);
                for (int i = 0; i < b.items.size(); ++i) {
                    if (i > 0) {
                        cur.insertBlock(cur.blockFormat(), charFormat(9.5)); // stays in the list
                    }
                    cur.insertText(b.items[i], charFormat(9.5));
                }
                break;
            }
            case ReportBlock::Kind::Table:
                table(cur, b.table);
                break;
            case ReportBlock::Kind::Figure:
                figure(cur, b.figure);
                break;
        }
    }

    /// Adds, for each table, a split before its first row that crosses a page break (a row shorter
    /// than half a page); true when it added one.
    bool splitCrossingRows() {
        QAbstractTextDocumentLayout* layout = m_doc.documentLayout();
        bool added = false;
        std::set<int> done; // tables split in this pass: their later rows move
        for (const TablePart& part : m_parts) {
            if (done.count(part.table))
                continue;
            for (int r = 1; r < part.text->rows(); ++r) {
                // Where the row's lines are: a line Qt moved to the next page keeps its block's bounding
                // rectangle but not its place, so each line is measured.
                double top = 1e300, bottom = -1e300;
                for (int c = 0; c < part.text->columns(); ++c) {
                    const QTextTableCell cell = part.text->cellAt(r, c);
                    for (QTextBlock b = cell.firstCursorPosition().block();
                         b.isValid() && b.position() <= cell.lastCursorPosition().position();
                         b = b.next()) {
                        const double y = layout->blockBoundingRect(b).top(); // the layout's position
                        for (int l = 0; l < b.layout()->lineCount(); ++l) {
                            const QTextLine line = b.layout()->lineAt(l);
                            top = std::min(top, y + line.y());
                            bottom = std::max(bottom, y + line.y() + line.height());
                        }
                    }
                }
                if (top > bottom)
                    continue; // no line
                const double pageEnd = (std::floor(top / m_bodyHeight) + 1) * m_bodyHeight;
                if (bottom > pageEnd + 0.5 && bottom - top < m_bodyHeight / 2) {
                    m_splits[part.table].insert(part.firstRow + r - 1);
                    done.insert(part.table);
                    added = true;
                    break;
                }
            }
        }
        return added;
    }

    void table(QTextCursor& cur, const ReportTable& t) {
        paragraph(cur, t.caption, charFormat(9, true), px(3));
        // Rows that begin a new page (splitCrossingRows): the table is laid out in parts.
        const int index = m_tables++;
        const std::set<int>& splits = m_splits[index];
        int first = 0;
        for (const int split : splits) {
            if (split > first && split < int(t.rows.size())) {
                tablePart(cur, t, index, first, split, first > 0);
                first = split;
            }
        }
        tablePart(cur, t, index, first, int(t.rows.size()), first > 0);
        if (!t.note.isEmpty()) {
            paragraph(cur, t.note, charFormat(7.5, false, QColor(85, 85, 85)), px(1));
        }
    }

    /// Rows [first, end) of `t` as one QTextTable with the header row; `newPage`: it starts a page.
    void tablePart(QTextCursor& cur, const ReportTable& t, int index, int first, int end, bool newPage) {
        const int cols = int(t.header.size());
        QTextTableFormat tf;
        tf.setHeaderRowCount(1);
        tf.setBorder(0.6);
        tf.setBorderBrush(QColor(170, 170, 170));
        tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        tf.setBorderCollapse(true);
        tf.setCellPadding(px(0.7));
        tf.setCellSpacing(0);
        tf.setTopMargin(px(1));
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        QList<QTextLength> widths;
        for (int c = 0; c < cols; ++c) {
            widths << QTextLength(QTextLength::PercentageLength, 100.0 * t.widths[std::size_t(c)]);
        }
        tf.setColumnWidthConstraints(widths);
        if (newPage)
            tf.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextTable* table = cur.insertTable(end - first + 1, cols, tf);
        m_parts.push_back({ table, index, first });
        const double pt = cols > 6 ? 7 : 8;
        for (int c = 0; c < cols; ++c) {
            QTextTableCell cell = table->cellAt(0, c);
            QTextTableCellFormat cf = cell.format().toTableCellFormat();
            cf.setBackground(QColor(232, 245, 233));
            cell.setFormat(cf);
            QTextCursor cc = cell.firstCursorPosition();
            QTextBlockFormat bf;
            bf.setAlignment(t.numeric[std::size_t(c)] ? Qt::AlignRight : Qt::AlignLeft);
            cc.setBlockFormat(bf);
            cc.insertText(t.header[c], charFormat(pt, true));
        }
        for (std::size_t r = std::size_t(first); r < std::size_t(end); ++r) {
            const bool total =
              std::find(t.emphasisRows.begin(), t.emphasisRows.end(), int(r)) != t.emphasisRows.end();
            for (int c = 0; c < cols; ++c) {
                QTextTableCell cell = table->cellAt(int(r) - first + 1, c);
                if (total) {
                    QTextTableCellFormat cf = cell.format().toTableCellFormat();
                    cf.setBackground(QColor(245, 245, 245));
                    cell.setFormat(cf);
                }
                QTextCursor cc = cell.firstCursorPosition();
                QTextBlockFormat bf;
                bf.setAlignment(t.numeric[std::size_t(c)] ? Qt::AlignRight : Qt::AlignLeft);
                cc.setBlockFormat(bf);
                const QString text = c < t.rows[r].size() ? t.rows[r][c] : QString();
                const bool mono = t.monospace && c == cols - 1;
                cc.insertText(text, charFormat(mono ? pt - 1.2 : pt, total, QColor(34, 34, 34), mono));
            }
        }
        cur.movePosition(QTextCursor::End);
    }

    void figure(QTextCursor& cur, const ReportFigure& f) {
        const QString name = QStringLiteral("figure%1").arg(++m_images);
        m_doc.addResource(QTextDocument::ImageResource, QUrl(name), f.image);
        double w = std::min(px(f.widthMm), fromDevice(m_bodyWidth));
        double h = w * f.image.height() / std::max(1, f.image.width());
        const double maxH = fromDevice(m_bodyHeight) * 0.8;
        if (h > maxH) {
            w *= maxH / h;
            h = maxH;
        }
        QTextBlockFormat bf;
        bf.setTopMargin(px(3));
        bf.setAlignment(Qt::AlignHCenter);
        bf.setPageBreakPolicy(QTextFormat::PageBreak_Auto);
        cur.insertBlock(bf);
        QTextImageFormat img;
        img.setName(name);
        img.setWidth(w);
        img.setHeight(h);
        cur.insertImage(img);
        paragraph(cur, f.caption, charFormat(8.5, false, QColor(68, 68, 68)), px(1), Qt::AlignHCenter);
    }

    QTextDocument& m_doc;
    double m_dpi, m_bodyWidth, m_bodyHeight;
    std::vector<int> m_sectionBlocks;
    int m_images = 0;
    /// One QTextTable of a report table: its index among the report's tables and its first row.
    struct TablePart {
        QTextTable* text;
        int table, firstRow;
    };
    std::vector<TablePart> m_parts;
    int m_tables = 0;
    std::map<int, std::set<int>> m_splits; ///< per report table: the rows that begin a new page
};

} // namespace

void writeReportPdf(const Report& report, const QString& path) {
    // Painted into memory, then written as the HTML writer does (gis::writeFileAtomically: temporary,
    // fsync, rename, fsync of the folder), so an interrupted export keeps the previous file.
    QByteArray bytes;
    QBuffer file(&bytes);
    file.open(QIODevice::WriteOnly);
    constexpr int dpi = 300;
    {
        QPdfWriter pdf(&file);
        pdf.setResolution(dpi);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(18, 16, 18, 16), QPageLayout::Millimeter);
        pdf.setTitle(report.title + QStringLiteral(" – ") + report.subtitle);
        pdf.setCreator(QStringLiteral("Tanhui"));
        const QRectF body = pdf.pageLayout().paintRectPixels(dpi);
        const double footerH = 7.0 * dpi / 25.4;
        const double pageH = body.height() - footerH;

        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&pdf);
        doc.setDocumentMargin(0);
        QFont base(reportFontFamilies().constFirst());
        base.setFamilies(reportFontFamilies());
        base.setPointSizeF(9.5);
        base.setHintingPreference(QFont::PreferNoHinting);
        doc.setDefaultFont(base);
        doc.setPageSize(QSizeF(body.width(), pageH));
        PdfLayout layout(doc, dpi, body.width(), pageH);
        // First with two-digit placeholders for the contents' page numbers, so that the pages found for
        // the sections hold once the real numbers are written (the cover holds them: same layout).
        layout.buildKeepingRowsTogether(report, std::vector<int>(report.sections.size(), 99));
        const std::vector<int> pages = layout.sectionPages();
        layout.buildKeepingRowsTogether(report, pages);

        QPainter painter;
        if (!painter.begin(&pdf)) {
            throw gis::GisError(gis::GisError::Kind::Io,
                                QStringLiteral("%1: cannot start the PDF").arg(path).toStdString(),
                                path.toStdString());
        }
        const int count = doc.pageCount();
        QFont footerFont;
        footerFont.setFamilies(reportFontFamilies());
        footerFont.setPointSizeF(7.5);
        for (int p = 0; p < count; ++p) {
            if (p > 0) {
                pdf.newPage();
            }
            painter.save();
            painter.translate(0, -p * pageH);
            QAbstractTextDocumentLayout::PaintContext ctx;
            ctx.clip = QRectF(0, p * pageH, body.width(), pageH);
            painter.setClipRect(ctx.clip);
            doc.documentLayout()->draw(&painter, ctx);
            painter.restore();
            painter.setFont(footerFont);
            painter.setPen(QColor(110, 110, 110));
            const QRectF footer(0, pageH + footerH * 0.3, body.width(), footerH * 0.7);
            painter.drawLine(QPointF(0, pageH + footerH * 0.25),
                             QPointF(body.width(), pageH + footerH * 0.25));
            painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, report.footer);
            painter.drawText(
              footer, Qt::AlignRight | Qt::AlignVCenter, report.pageFormat.arg(p + 1).arg(count));
        }
        painter.end();
    }
    file.close();
    gis::writeFileAtomically(path, bytes);
}

} // namespace tanhui::report
