// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/Dates.h"

#include <cmath>

namespace tanhui::models {

std::optional<FileYear> parseFileYear(const QString& text) {
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return std::nullopt;
    bool ok = false;
    const double year = text.mid(at + 1).trimmed().toDouble(&ok);
    // A whole number small enough for int: the cast below is defined (no float-cast-overflow).
    if (!ok || !std::isfinite(year) || year != std::floor(year) || std::abs(year) > 1e6)
        return std::nullopt;
    return FileYear{ text.left(at), int(year) };
}

std::optional<int> leadingYear(const QString& text) {
    qsizetype i = 0;
    while (i < text.size() && text[i].isSpace())
        ++i;
    int year = 0;
    for (int k = 0; k < 4; ++k, ++i) {
        if (i >= text.size() || text[i] < QLatin1Char('0') || text[i] > QLatin1Char('9'))
            return std::nullopt;
        year = year * 10 + (text[i].unicode() - '0');
    }
    if (i < text.size() && text[i] >= QLatin1Char('0') && text[i] <= QLatin1Char('9'))
        return std::nullopt;
    return year;
}

} // namespace tanhui::models
