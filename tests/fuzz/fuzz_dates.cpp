// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the date parsers (models/Dates.h): `FILE@YEAR` of every `--lulc` / `--vi` option
// (parseFileYear) and the year at the start of a band's DATE metadata or description (leadingYear, used
// by the regression method's --vi-stack). The input is read as UTF-8 text.
//
// Properties (a violation aborts): parseFileYear gives a non-empty file and a whole year within ±10⁶,
// and FILE@YEAR rebuilt from the result parses to the same; leadingYear gives 0–9999 and the text's first
// four non-space characters are exactly that year's digits.
#include "FuzzInput.h"
#include "models/Dates.h"

#include <QString>

using namespace tanhui;
using tanhui::fuzz::fail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));

    if (const std::optional<models::FileYear> fy = models::parseFileYear(text)) {
        if (fy->file.isEmpty())
            fail("parseFileYear: empty file accepted");
        if (fy->year < -1000000 || fy->year > 1000000)
            fail("parseFileYear: year out of range");
        if (!text.startsWith(fy->file))
            fail("parseFileYear: the file is not the text before the '@'");
        const std::optional<models::FileYear> again =
          models::parseFileYear(fy->file + QLatin1Char('@') + QString::number(fy->year));
        if (!again || again->file != fy->file || again->year != fy->year)
            fail("parseFileYear: FILE@YEAR rebuilt from the result does not parse to the same");
    }

    if (const std::optional<int> y = models::leadingYear(text)) {
        if (*y < 0 || *y > 9999)
            fail("leadingYear: not a four-digit year");
        const QString digits = text.trimmed().left(4);
        if (digits != QStringLiteral("%1").arg(*y, 4, 10, QLatin1Char('0')))
            fail("leadingYear: the year is not the text's first four digits");
    }
    return 0;
}
