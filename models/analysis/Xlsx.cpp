// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/analysis/Xlsx.h"

#include "gis/AtomicFile.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"

#include <xlsxwriter.h>

#include <QByteArray>
#include <QChar>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <locale.h>
#include <memory>
#include <string>
#include <system_error>

namespace tanhui::models::analysis {

namespace {

// libxlsxwriter's C handles stay in this file, each owned by RAII.

/// Owns a workbook until workbook_close() (which writes and frees it) takes it over.
struct WorkbookFree {
    void operator()(lxw_workbook* wb) const { lxw_workbook_free(wb); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookFree>;

/// libxlsxwriter formats numbers with snprintf("%.16G"): under a locale with a decimal comma (Qt sets
/// the user's locale) that would write "1,5". The C numeric locale is used for this thread meanwhile.
class CNumericLocale {
public:
    CNumericLocale()
      : m_c(newlocale(LC_NUMERIC_MASK, "C", locale_t(nullptr))) {
        if (m_c)
            m_old = uselocale(m_c);
    }
    ~CNumericLocale() {
        if (m_c) {
            uselocale(m_old);
            freelocale(m_c);
        }
    }
    CNumericLocale(const CNumericLocale&) = delete;
    CNumericLocale& operator=(const CNumericLocale&) = delete;

private:
    locale_t m_c = locale_t(nullptr);
    locale_t m_old = locale_t(nullptr);
};

/// Removes the temporary unless released (error, cancel).
struct TemporaryFile {
    std::string path;
    bool keep = false;
    ~TemporaryFile() {
        if (!keep) {
            std::error_code ec;
            std::filesystem::remove(path, ec);
        }
    }
};

constexpr int kMaxSheetName = 31;
constexpr int kMaxColumns = 16384;
constexpr std::size_t kWidthSampleRows = 200;

int displayWidth(const QString& text) {
    int w = 0;
    for (const char32_t c : text.toStdU32String())
        w += c >= 0x1100 ? 2 : 1; // CJK and other wide characters take two columns
    return w;
}

QString numberText(double v) {
    return QString::number(v, 'g', 15);
}

} // namespace

QString xlsxSheetName(const QString& name, const QStringList& taken) {
    // Excel's rules: 1–31 characters, none of []:*?/\, no apostrophe first or last, not "History".
    std::u32string chars;
    for (const char32_t c : name.toStdU32String()) {
        const bool invalid =
          c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\' || c < 0x20;
        chars.push_back(invalid ? U'_' : c);
    }
    while (!chars.empty() && chars.front() == U'\'')
        chars.erase(0, 1);
    while (!chars.empty() && chars.back() == U'\'')
        chars.pop_back();
    if (chars.empty())
        chars = U"Sheet";
    if (chars.size() > std::size_t(kMaxSheetName))
        chars.resize(kMaxSheetName);
    QString base = QString::fromStdU32String(chars);
    if (base.compare(QLatin1String("History"), Qt::CaseInsensitive) == 0)
        base += QStringLiteral("_");
    QSet<QString> lower;
    for (const QString& t : taken)
        lower.insert(t.toLower());
    QString candidate = base;
    for (int n = 2; lower.contains(candidate.toLower()); ++n) {
        const QString suffix = QStringLiteral("~%1").arg(n);
        std::u32string head = chars;
        if (head.size() + std::size_t(suffix.size()) > std::size_t(kMaxSheetName))
            head.resize(std::size_t(kMaxSheetName - suffix.size()));
        candidate = QString::fromStdU32String(head) + suffix;
    }
    return candidate;
}

QString xlsxHeader(const Column& column) {
    return column.unit.isEmpty() ? column.name : QStringLiteral("%1 (%2)").arg(column.name, column.unit);
}

void writeXlsx(const std::vector<const Table*>& tables, const std::string& path, gis::Feedback* feedback) {
    using gis::GisError;
    for (const Table* t : tables) {
        if (t->rowCount() > kXlsxMaxDataRows)
            throw GisError(GisError::Kind::InvalidArgument,
                           "Table \"" + t->name.toStdString() + "\" has " + std::to_string(t->rowCount()) +
                             " rows; an XLSX sheet holds at most " + std::to_string(kXlsxMaxDataRows) +
                             ": use its CSV file instead of \"" + path + "\"",
                           path);
        if (t->columns.size() > std::size_t(kMaxColumns))
            throw GisError(
              GisError::Kind::InvalidArgument,
              "Table \"" + t->name.toStdString() + "\" has " + std::to_string(t->columns.size()) +
                " columns; an XLSX sheet holds at most 16384: use its CSV file instead of \"" + path + "\"",
              path);
    }
    gis::removeStaleTemporaries(path);
    TemporaryFile temp{ gis::temporaryPathFor(path, ".xlsx") };
    std::error_code ec;
    std::filesystem::remove(temp.path, ec);

    const CNumericLocale cLocale;
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE; // rows are streamed to a temporary file, not held in memory
    options.use_zip64 = LXW_TRUE;       // large workbooks (> 4 GB uncompressed parts)
    const std::string tmpdir = std::filesystem::path(path).parent_path().string();
    options.tmpdir = tmpdir.empty() ? nullptr : const_cast<char*>(tmpdir.c_str());
    WorkbookPtr wb(workbook_new_opt(temp.path.c_str(), &options));
    auto fail = [&](const std::string& what, lxw_error err) {
        throw GisError(GisError::Kind::Io,
                       "Cannot write the workbook \"" + path + "\": " + what +
                         (err != LXW_NO_ERROR ? std::string(" (") + lxw_strerror(err) + ")" : std::string()),
                       path);
    };
    if (!wb)
        fail("libxlsxwriter could not create it (is the folder writable?)", LXW_NO_ERROR);

    lxw_format* headerFormat = workbook_add_format(wb.get());
    format_set_bold(headerFormat);
    format_set_bottom(headerFormat, LXW_BORDER_THIN);
    format_set_bg_color(headerFormat, 0xEDEDED);

    QStringList sheetNames;
    std::vector<QVariant> values;
    std::vector<unsigned char> wkb;
    for (const Table* tp : tables) {
        const Table& t = *tp;
        const QString sheetName =
          xlsxSheetName(t.name, sheetNames + QStringList{ QStringLiteral("columns") });
        sheetNames << sheetName;
        const QByteArray sheetUtf8 = sheetName.toUtf8();
        lxw_worksheet* ws = workbook_add_worksheet(wb.get(), sheetUtf8.constData());
        if (!ws)
            fail("cannot add the sheet \"" + sheetUtf8.toStdString() + "\"", LXW_NO_ERROR);
        const auto nCols = lxw_col_t(t.columns.size());
        const gis::RowSource source = t.rowSource();
        const std::size_t nRows = t.rowCount();

        // Column widths from the header and the first rows (set before the rows are streamed).
        std::vector<int> widths(t.columns.size(), 8);
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(xlsxHeader(t.columns[c])) + 2);
        for (std::size_t r = 0; r < std::min(nRows, kWidthSampleRows); ++r) {
            values.assign(t.columns.size(), QVariant());
            wkb.clear();
            source(r, values, wkb);
            for (std::size_t c = 0; c < t.columns.size() && c < values.size(); ++c) {
                const QVariant& v = values[c];
                const int w = v.typeId() == QMetaType::Double ? displayWidth(numberText(v.toDouble()))
                                                              : displayWidth(v.toString());
                widths[c] = std::max(widths[c], std::min(w + 2, 60));
            }
        }
        for (lxw_col_t c = 0; c < nCols; ++c)
            worksheet_set_column(ws, c, c, widths[c], nullptr);
        worksheet_freeze_panes(ws, 1, 0);
        if (nCols > 0)
            worksheet_autofilter(ws, 0, 0, lxw_row_t(nRows), lxw_col_t(nCols - 1));

        auto check = [&](lxw_error err, std::size_t row, std::size_t col) {
            if (err != LXW_NO_ERROR)
                fail("table \"" + t.name.toStdString() + "\", row " + std::to_string(row + 1) +
                       ", column \"" + t.columns[col].name.toStdString() + "\"",
                     err);
        };
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            check(worksheet_write_string(
                    ws, 0, lxw_col_t(c), xlsxHeader(t.columns[c]).toUtf8().constData(), headerFormat),
                  0,
                  c);
        for (std::size_t r = 0; r < nRows; ++r) {
            if (feedback && r % 1000 == 0)
                feedback->throwIfCancelled();
            values.assign(t.columns.size(), QVariant());
            wkb.clear();
            source(r, values, wkb);
            const auto xr = lxw_row_t(r + 1);
            for (std::size_t c = 0; c < t.columns.size() && c < values.size(); ++c) {
                const QVariant& v = values[c];
                if (v.isNull() || !v.isValid())
                    continue; // empty cell
                const bool numeric = t.columns[c].type != gis::TableColumn::Type::String;
                if (numeric) {
                    bool ok = false;
                    const double d = v.toDouble(&ok);
                    if (ok) {
                        if (std::isfinite(d))
                            check(worksheet_write_number(ws, xr, lxw_col_t(c), d, nullptr), r + 1, c);
                        continue; // NaN: empty, as in the CSV
                    }
                }
                const QString text = v.toString();
                if (text.isEmpty())
                    continue;
                check(
                  worksheet_write_string(ws, xr, lxw_col_t(c), text.toUtf8().constData(), nullptr), r + 1, c);
            }
        }
    }

    // The "columns" sheet: what every table and column means (units, descriptions).
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), "columns");
    if (!ws)
        fail("cannot add the sheet \"columns\"", LXW_NO_ERROR);
    const char* headers[] = { "sheet", "table", "column", "unit", "type", "description" };
    const double headerWidths[] = { 24, 28, 28, 10, 9, 90 };
    for (lxw_col_t c = 0; c < 6; ++c) {
        worksheet_set_column(ws, c, c, headerWidths[c], nullptr);
        worksheet_write_string(ws, 0, c, headers[c], headerFormat);
    }
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t row = 1;
    auto put = [&](lxw_col_t c, const QString& text) {
        if (!text.isEmpty()) {
            const lxw_error err = worksheet_write_string(ws, row, c, text.toUtf8().constData(), nullptr);
            if (err != LXW_NO_ERROR)
                fail("sheet \"columns\", row " + std::to_string(row + 1), err);
        }
    };
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const Table& t = *tables[i];
        put(0, sheetNames[qsizetype(i)]);
        put(1, t.name);
        put(5, t.title.isEmpty() ? t.description : t.title + QStringLiteral(": ") + t.description);
        ++row;
        for (const Column& c : t.columns) {
            put(0, sheetNames[qsizetype(i)]);
            put(1, t.name);
            put(2, c.name);
            put(3, c.unit);
            put(4,
                c.type == gis::TableColumn::Type::String    ? QStringLiteral("text")
                : c.type == gis::TableColumn::Type::Integer ? QStringLiteral("integer")
                                                            : QStringLiteral("number"));
            put(5, c.description);
            ++row;
        }
    }

    if (feedback)
        feedback->throwIfCancelled();
    const lxw_error err = workbook_close(wb.release()); // writes the file and frees the workbook
    if (err != LXW_NO_ERROR)
        fail("closing failed", err);
    gis::replaceWithTemporary(temp.path, path); // fsync, rename over the target, fsync of the folder
    temp.keep = true;
}

void writeXlsx(const ResultSet& rs, const std::string& path, gis::Feedback* feedback) {
    std::vector<const Table*> tables;
    tables.reserve(rs.tables.size());
    for (const Table& t : rs.tables)
        tables.push_back(&t);
    writeXlsx(tables, path, feedback);
}

} // namespace tanhui::models::analysis
