// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/ColorRamp.h"

#include <algorithm>
#include <cmath>

namespace tanhui::render {

QColor ColorRamp::at(double t) const {
    if (stops.empty())
        return QColor(0, 0, 0, 0);
    if (!std::isfinite(t))
        t = 0;
    t = std::clamp(t, 0.0, 1.0);
    if (t <= stops.front().first)
        return stops.front().second;
    for (std::size_t i = 1; i < stops.size(); ++i) {
        if (t <= stops[i].first) {
            const auto& [t0, c0] = stops[i - 1];
            const auto& [t1, c1] = stops[i];
            const double f = t1 > t0 ? (t - t0) / (t1 - t0) : 1.0;
            const auto mix = [f](int a, int b) { return int(std::lround(a + (b - a) * f)); };
            return QColor(mix(c0.red(), c1.red()),
                          mix(c0.green(), c1.green()),
                          mix(c0.blue(), c1.blue()),
                          mix(c0.alpha(), c1.alpha()));
        }
    }
    return stops.back().second;
}

ColorRamp ColorRamp::reversed() const {
    ColorRamp r;
    r.id = id;
    for (auto it = stops.rbegin(); it != stops.rend(); ++it)
        r.stops.emplace_back(1.0 - it->first, it->second);
    return r;
}

QStringList ColorRamp::names() {
    return { QStringLiteral("ndvi"),    QStringLiteral("carbon"), QStringLiteral("diverging"),
             QStringLiteral("viridis"), QStringLiteral("greys"),  QStringLiteral("blues") };
}

ColorRamp ColorRamp::named(const QString& id) {
    const auto ramp = [&id](std::initializer_list<std::pair<double, const char*>> list) {
        ColorRamp r;
        r.id = id;
        for (const auto& [t, hex] : list)
            r.stops.emplace_back(t, QColor(QString::fromLatin1(hex)));
        return r;
    };
    // Stops after ColorBrewer (BrBG/YlGn/RdYlGn/Blues) and matplotlib's viridis.
    if (id == QLatin1String("ndvi"))
        return ramp({ { 0.0, "#8c510a" },
                      { 0.35, "#dfc27d" },
                      { 0.55, "#f6e8c3" },
                      { 0.75, "#78c679" },
                      { 1.0, "#005a32" } });
    if (id == QLatin1String("carbon"))
        return ramp({ { 0.0, "#ffffe5" },
                      { 0.25, "#d9f0a3" },
                      { 0.5, "#78c679" },
                      { 0.75, "#238443" },
                      { 1.0, "#004529" } });
    if (id == QLatin1String("diverging"))
        return ramp({ { 0.0, "#a50026" },
                      { 0.25, "#f46d43" },
                      { 0.5, "#f7f7f7" },
                      { 0.75, "#66bd63" },
                      { 1.0, "#006837" } });
    if (id == QLatin1String("viridis"))
        return ramp({ { 0.0, "#440154" },
                      { 0.25, "#3b528b" },
                      { 0.5, "#21918c" },
                      { 0.75, "#5ec962" },
                      { 1.0, "#fde725" } });
    if (id == QLatin1String("blues"))
        return ramp({ { 0.0, "#f7fbff" }, { 0.5, "#6baed6" }, { 1.0, "#08306b" } });
    ColorRamp greys = ramp({ { 0.0, "#000000" }, { 1.0, "#ffffff" } });
    greys.id = QStringLiteral("greys");
    return greys;
}

} // namespace tanhui::render
