// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/VectorStyle.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace tanhui::render {

const FillSymbol* VectorStyle::symbolFor(const QVariant& value) const {
    switch (kind) {
        case Kind::Single:
            return &symbol;
        case Kind::Categorized: {
            const QString text = value.isNull() ? QString() : value.toString();
            for (const VectorCategory& c : categories)
                if (c.value == text)
                    return &c.symbol;
            break;
        }
        case Kind::Graduated: {
            bool ok = false;
            const double v = value.toDouble(&ok);
            if (ok && std::isfinite(v) && !value.isNull())
                if (const int i = rangeIndex(ranges, v); i >= 0)
                    return &ranges[std::size_t(i)].symbol;
            break;
        }
    }
    return drawOthers ? &symbol : nullptr;
}

int rangeIndex(const std::vector<VectorRange>& ranges, double v) {
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        const VectorRange& r = ranges[i];
        if ((v > r.lower || (i == 0 && v == r.lower)) && v <= r.upper)
            return int(i);
    }
    return -1;
}

std::vector<VectorRange> graduatedRanges(const std::vector<double>& values,
                                         int classes,
                                         ClassMethod method,
                                         const ColorRamp& ramp,
                                         int decimals,
                                         bool symmetricAroundZero) {
    std::vector<double> limits = classLimits(values, classes, method);
    // A change map: no class holds both losses and gains (a class from −11.6 to 25.5 would be drawn in
    // one colour near the middle of the ramp); 0 becomes a limit when the values span it.
    if (symmetricAroundZero && limits.size() >= 2 && limits.front() < 0 && limits.back() > 0) {
        const auto at = std::lower_bound(limits.begin(), limits.end(), 0.0);
        if (*at != 0.0)
            limits.insert(at, 0.0);
    }
    std::vector<VectorRange> ranges;
    if (limits.size() < 2)
        return ranges;
    const std::size_t n = limits.size() - 1;
    const double extreme = std::max(std::abs(limits.front()), std::abs(limits.back()));
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::OmitGroupSeparator);
    for (std::size_t i = 0; i < n; ++i) {
        VectorRange r;
        r.lower = limits[i];
        r.upper = limits[i + 1];
        double t = (double(i) + 0.5) / double(n);
        if (symmetricAroundZero && extreme > 0)
            t = 0.5 + 0.5 * (0.5 * (r.lower + r.upper)) / extreme;
        r.symbol.fill = ramp.at(t);
        r.symbol.stroke = QColor(80, 80, 80);
        r.symbol.strokeWidthMm = 0.1;
        r.label = QStringLiteral("%1 – %2").arg(c.toString(r.lower, 'f', decimals),
                                                c.toString(r.upper, 'f', decimals));
        ranges.push_back(std::move(r));
    }
    return ranges;
}

} // namespace tanhui::render
