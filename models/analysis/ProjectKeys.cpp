// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/analysis/ProjectKeys.h"

#include "models/project/Project.h"

#include <optional>
#include <stdexcept>

namespace tanhui::models::analysis {

namespace {

QVariant of(const QString& s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}

template<typename T>
QVariant of(const std::optional<T>& v) {
    return v ? QVariant::fromValue(*v) : QVariant();
}

void put(QString& out, const QVariant& v) {
    out = v.isValid() ? v.toString() : QString();
}

void put(std::optional<double>& out, const QVariant& v) {
    out = v.isValid() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

void put(std::optional<int>& out, const QVariant& v) {
    out = v.isValid() ? std::optional<int>(v.toInt()) : std::nullopt;
}

/// Calls `f` with a reference to the member of `key` (QString, optional<double> or optional<int>);
/// false for an unknown key.
template<typename P, typename F>
bool withMember(P& p, const QString& key, F&& f) {
    auto& g = p.gep;
    auto& u = p.carbon.uncertainty;
    if (key == QLatin1String("gep.profile"))
        f(g.profile);
    else if (key == QLatin1String("gep.price_set"))
        f(g.priceSet);
    else if (key == QLatin1String("gep.price_year"))
        f(g.priceYear);
    else if (key == QLatin1String("gep.deflators"))
        f(g.deflators);
    else if (key == QLatin1String("gep.index_fallback"))
        f(g.indexFallback);
    else if (key == QLatin1String("gep.climate_variant"))
        f(g.climateVariant);
    else if (key == QLatin1String("gep.ac_days"))
        f(g.acDays);
    else if (key == QLatin1String("gep.slope_length_m"))
        f(g.slopeLengthM);
    else if (key == QLatin1String("gep.seawall_cost_cny_per_m"))
        f(g.seawallCostYuanPerM);
    else if (key == QLatin1String("gep.seawall_life_years"))
        f(g.seawallLifeYears);
    else if (key == QLatin1String("carbon.uncertainty.iterations"))
        f(u.iterations);
    else if (key == QLatin1String("carbon.uncertainty.seed"))
        f(u.seed);
    else if (key == QLatin1String("carbon.uncertainty.default_u_pct"))
        f(u.defaultUPct);
    else
        return false;
    return true;
}

} // namespace

QVariant projectValue(const Project& project, const QString& key) {
    if (key == QLatin1String("carbon.uncertainty"))
        return project.carbon.present ? QVariant(project.carbon.uncertainty.present) : QVariant();
    QVariant v;
    withMember(project, key, [&](const auto& m) { v = of(m); });
    return v;
}

void setProjectValue(Project& project, const QString& key, const QVariant& value) {
    if (key == QLatin1String("carbon.uncertainty")) {
        project.carbon.uncertainty.present = value.toBool();
        return;
    }
    if (!withMember(project, key, [&](auto& m) { put(m, value); }))
        throw std::invalid_argument("unknown project key " + key.toStdString());
    if (key.startsWith(QLatin1String("gep.")) && value.isValid())
        project.gep.present = true;
}

} // namespace tanhui::models::analysis
