// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/StyleTools.h"

#include "render/VectorSource.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace tanhui::render {

bool isNumericField(const QString& typeName) {
    return typeName == QLatin1String("Integer") || typeName == QLatin1String("Integer64") ||
           typeName == QLatin1String("Real");
}

std::vector<ValueCount> uniqueValues(const VectorSource& source, int field) {
    std::vector<ValueCount> out;
    const auto& fields = source.info().fields;
    if (field < 0 || field >= int(fields.size()))
        return out;
    std::map<QString, std::size_t> counts;
    for (std::size_t f = 0; f < source.size(); ++f) {
        const QVariant& v = source.attribute(f, field);
        ++counts[v.isNull() ? QString() : v.toString()];
    }
    out.reserve(counts.size());
    for (const auto& [value, count] : counts)
        out.push_back({ value, count });
    if (isNumericField(fields[std::size_t(field)].typeName)) {
        std::stable_sort(out.begin(), out.end(), [](const ValueCount& a, const ValueCount& b) {
            if (a.value.isEmpty() || b.value.isEmpty())
                return a.value.isEmpty() && !b.value.isEmpty();
            return a.value.toDouble() < b.value.toDouble();
        });
    }
    return out; // text: std::map's order, the empty value first
}

std::vector<double> numericValues(const VectorSource& source, int field) {
    std::vector<double> out;
    if (field < 0 || field >= int(source.info().fields.size()))
        return out;
    out.reserve(source.size());
    for (std::size_t f = 0; f < source.size(); ++f) {
        const QVariant& v = source.attribute(f, field);
        bool ok = false;
        const double x = v.toDouble(&ok);
        if (!v.isNull() && ok && std::isfinite(x))
            out.push_back(x);
    }
    return out;
}

std::vector<std::size_t> rangeCounts(const std::vector<VectorRange>& ranges,
                                     const std::vector<double>& values) {
    std::vector<std::size_t> counts(ranges.size(), 0);
    for (double v : values) // the drawing rule, so the counts match what is drawn
        if (const int i = rangeIndex(ranges, v); i >= 0)
            ++counts[std::size_t(i)];
    return counts;
}

QColor qualitativeColor(std::size_t i) {
    static const char* const kPalette[] = {
        "#8dd3c7", "#fdb462", "#bebada", "#fb8072", "#80b1d3", "#b3de69",
        "#fccde5", "#1f78b4", "#33a02c", "#e31a1c", "#ff7f00", "#6a3d9a"
    };
    constexpr std::size_t n = sizeof(kPalette) / sizeof(kPalette[0]);
    if (i < n)
        return QColor(QLatin1String(kPalette[i]));
    // Beyond the palette: hues a golden angle (137.5°) apart, two saturation/value levels alternating.
    const double hue = std::fmod(double(i - n) * 137.508 + 20.0, 360.0);
    return QColor::fromHsv(int(hue), (i % 2) ? 150 : 110, (i % 2) ? 210 : 235);
}

std::vector<VectorCategory> categoriesFor(const std::vector<ValueCount>& values, const FillSymbol& base) {
    std::vector<VectorCategory> out;
    out.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        VectorCategory c;
        c.value = values[i].value;
        c.label = values[i].value;
        c.symbol = base;
        c.symbol.fill = qualitativeColor(i);
        out.push_back(std::move(c));
    }
    return out;
}

bool isReversedNamedRamp(const ColorRamp& ramp) {
    const ColorRamp named = ColorRamp::named(ramp.id);
    if (named.id != ramp.id || ramp.stops.size() != named.stops.size())
        return false;
    const ColorRamp reversed = named.reversed();
    for (std::size_t i = 0; i < ramp.stops.size(); ++i)
        if (std::abs(ramp.stops[i].first - reversed.stops[i].first) > 1e-9 ||
            ramp.stops[i].second != reversed.stops[i].second)
            return false;
    // A symmetric ramp reversed is itself: call it not reversed.
    for (std::size_t i = 0; i < ramp.stops.size(); ++i)
        if (named.stops[i].second != reversed.stops[i].second)
            return true;
    return false;
}

int limitDecimals(double span) {
    if (!(span > 0) || !std::isfinite(span))
        return 2;
    return std::clamp(2 - int(std::floor(std::log10(span))), 0, 4);
}

} // namespace tanhui::render
