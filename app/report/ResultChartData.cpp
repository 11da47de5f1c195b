// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/report/ResultChartData.h"

#include "models/carbon/Valuation.h"
#include "models/gep/Indicators.h"
#include "render/ProjectMaps.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace tanhui::report {

namespace analysis = models::analysis;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Translation context of the report's strings (shared with ReportBuilder.cpp).
struct ReportText {
    Q_DECLARE_TR_FUNCTIONS(ReportText)
};

double numberOf(const QVariant& v) {
    if (v.isNull() || !v.isValid()) {
        return kNaN;
    }
    bool ok = false;
    const double d = v.toDouble(&ok);
    return ok ? d : kNaN;
}

/// Says so in `spec.note` when no category has an error bar although the chart draws them.
void noteMissingBounds(ChartSpec& spec, const QString& what) {
    const bool any =
      std::any_of(spec.errorLow.begin(), spec.errorLow.end(), [](double v) { return std::isfinite(v); });
    if (!any && !spec.categories.isEmpty()) {
        spec.errorLow.clear();
        spec.errorHigh.clear();
        spec.note = ReportText::tr("No error bars: the run computed no 95 % range of %1 (run it with "
                                   "carbon.uncertainty, the Monte Carlo iterations).")
                      .arg(what);
    }
}

ChartSpec missing(const QString& title, const QString& message) {
    ChartSpec c;
    c.title = title;
    c.message = message;
    return c;
}

/// The GEP totals' rows of `group` as (key, value in CNY).
std::vector<std::pair<QString, double>> gepGroup(const analysis::Table& totals, const QString& group) {
    std::vector<std::pair<QString, double>> out;
    for (std::size_t r = 0; r < totals.rowCount(); ++r) {
        if (totals.value(r, QStringLiteral("group")).toString() == group) {
            out.emplace_back(totals.value(r, QStringLiteral("key")).toString(),
                             totals.number(r, QStringLiteral("value_cny")));
        }
    }
    return out;
}

MoneyScale resolveScale(const GepChartOptions& o, const std::vector<std::pair<QString, double>>& values) {
    if (o.scale.divisor > 0) {
        return o.scale;
    }
    double absMax = 0;
    for (const auto& kv : values) {
        absMax = std::isfinite(kv.second) ? std::max(absMax, std::abs(kv.second)) : absMax;
    }
    return moneyScaleFor(absMax, o.chinese);
}

} // namespace

// ---- names and colours ---------------------------------------------------------------------------------

QString typeName(const QString& type) {
    if (type == QLatin1String("all")) {
        return ReportText::tr("All");
    }
    return render::LayerStyler::ecosystemName(type);
}

QString methodName(const QString& method) {
    static const std::map<QString, const char*> names{
        { QStringLiteral("pools"), QT_TRANSLATE_NOOP("ReportText", "Carbon pools (InVEST Carbon)") },
        { QStringLiteral("volume"), QT_TRANSLATE_NOOP("ReportText", "Forest volume (BEF)") },
        { QStringLiteral("volume_gainloss"), QT_TRANSLATE_NOOP("ReportText", "Forest volume with growth") },
        { QStringLiteral("gainloss"), QT_TRANSLATE_NOOP("ReportText", "Gain–loss (IPCC)") },
        { QStringLiteral("soil"), QT_TRANSLATE_NOOP("ReportText", "Soil organic carbon (IPCC)") },
        { QStringLiteral("bluecarbon"), QT_TRANSLATE_NOOP("ReportText", "Coastal blue carbon") },
        { QStringLiteral("regression"), QT_TRANSLATE_NOOP("ReportText", "Remote-sensing regression") },
    };
    if (method == QLatin1String("all")) {
        return ReportText::tr("All");
    }
    const auto it = names.find(method);
    return it == names.end() ? method : QCoreApplication::translate("ReportText", it->second);
}

QColor typeColour(const QString& type, int index) {
    if (render::LayerStyler::ecosystemName(type) != type) {
        return render::LayerStyler::ecosystemColor(type);
    }
    return QColor::fromHsv((index * 47) % 360, 120, 200);
}

QString poolName(const QString& pool) {
    if (pool == QLatin1String("c_above")) {
        return ReportText::tr("Above-ground biomass");
    }
    if (pool == QLatin1String("c_below")) {
        return ReportText::tr("Below-ground biomass");
    }
    if (pool == QLatin1String("c_dead")) {
        return ReportText::tr("Dead wood");
    }
    if (pool == QLatin1String("c_litter")) {
        return ReportText::tr("Litter");
    }
    if (pool == QLatin1String("c_soil")) {
        return ReportText::tr("Soil organic carbon");
    }
    if (pool == QLatin1String("c_biomass")) {
        return ReportText::tr("Tree biomass (not split)");
    }
    if (pool == QLatin1String("unattributed")) {
        return ReportText::tr("Not split by pool");
    }
    return pool;
}

QColor poolColour(const QString& pool, int index) {
    static const std::map<QString, QColor> colours{
        { QStringLiteral("c_above"), QColor(QStringLiteral("#2e7d32")) },
        { QStringLiteral("c_below"), QColor(QStringLiteral("#8d6e63")) },
        { QStringLiteral("c_dead"), QColor(QStringLiteral("#ffb300")) },
        { QStringLiteral("c_litter"), QColor(QStringLiteral("#cddc39")) },
        { QStringLiteral("c_soil"), QColor(QStringLiteral("#5d4037")) },
        { QStringLiteral("c_biomass"), QColor(QStringLiteral("#66bb6a")) },
        { QStringLiteral("unattributed"), QColor(QStringLiteral("#9e9e9e")) },
    };
    const auto it = colours.find(pool);
    return it != colours.end() ? it->second : QColor::fromHsv((index * 53) % 360, 140, 190);
}

QString serviceName(const QString& key) {
    static const std::map<QString, const char*> names{
        { QStringLiteral("material_products"), QT_TRANSLATE_NOOP("ReportText", "Material products") },
        { QStringLiteral("water_conservation"), QT_TRANSLATE_NOOP("ReportText", "Water conservation") },
        { QStringLiteral("soil_retention"), QT_TRANSLATE_NOOP("ReportText", "Soil retention") },
        { QStringLiteral("sand_fixation"), QT_TRANSLATE_NOOP("ReportText", "Sand fixation") },
        { QStringLiteral("flood_regulation"), QT_TRANSLATE_NOOP("ReportText", "Flood regulation") },
        { QStringLiteral("air_purification"), QT_TRANSLATE_NOOP("ReportText", "Air purification") },
        { QStringLiteral("water_purification"), QT_TRANSLATE_NOOP("ReportText", "Water purification") },
        { QStringLiteral("carbon_sequestration"), QT_TRANSLATE_NOOP("ReportText", "Carbon sequestration") },
        { QStringLiteral("oxygen_release"), QT_TRANSLATE_NOOP("ReportText", "Oxygen release") },
        { QStringLiteral("climate_regulation"), QT_TRANSLATE_NOOP("ReportText", "Climate regulation") },
        { QStringLiteral("pest_control"), QT_TRANSLATE_NOOP("ReportText", "Pest and disease control") },
        { QStringLiteral("coastal_protection"), QT_TRANSLATE_NOOP("ReportText", "Coastal protection") },
        { QStringLiteral("recreation"), QT_TRANSLATE_NOOP("ReportText", "Recreation") },
        { QStringLiteral("regulating"), QT_TRANSLATE_NOOP("ReportText", "Regulating services") },
        { QStringLiteral("material"), QT_TRANSLATE_NOOP("ReportText", "Material services") },
        { QStringLiteral("cultural"), QT_TRANSLATE_NOOP("ReportText", "Cultural services") },
        { QStringLiteral("carbon_emission"), QT_TRANSLATE_NOOP("ReportText", "Carbon emission (deducted)") },
        { QStringLiteral("gep"), QT_TRANSLATE_NOOP("ReportText", "GEP") },
    };
    const auto it = names.find(key);
    return it == names.end() ? key : QCoreApplication::translate("ReportText", it->second);
}

QString shippedGepEcosystemName(const QString& key, bool chinese) {
    static const char* const shipped[] = {
        QT_TRANSLATE_NOOP("GepEcosystem", "evergreen broadleaf forest"),
        QT_TRANSLATE_NOOP("GepEcosystem", "coniferous forest"),
        QT_TRANSLATE_NOOP("GepEcosystem", "eucalyptus plantation"),
        QT_TRANSLATE_NOOP("GepEcosystem", "shrubland"),
        QT_TRANSLATE_NOOP("GepEcosystem", "clear-cut / sparse forest"),
        QT_TRANSLATE_NOOP("GepEcosystem", "paddy field"),
        QT_TRANSLATE_NOOP("GepEcosystem", "dry cropland"),
        QT_TRANSLATE_NOOP("GepEcosystem", "orchard"),
        QT_TRANSLATE_NOOP("GepEcosystem", "grassland"),
        QT_TRANSLATE_NOOP("GepEcosystem", "freshwater marsh"),
        QT_TRANSLATE_NOOP("GepEcosystem", "mangrove"),
        QT_TRANSLATE_NOOP("GepEcosystem", "tidal flat"),
        QT_TRANSLATE_NOOP("GepEcosystem", "water"),
        QT_TRANSLATE_NOOP("GepEcosystem", "built-up land"),
    };
    for (const char* name : shipped) {
        if (key == QLatin1String(name)) {
            QString t = QCoreApplication::translate("GepEcosystem", name);
            if (!t.isEmpty() && !chinese) {
                t[0] = t[0].toUpper();
            }
            return t;
        }
    }
    return key;
}

// ---- reading the tables ----------------------------------------------------------------------------------

double carbonSummaryValue(const analysis::ResultSet& carbon, const QString& quantity) {
    const analysis::Table* s = carbon.table(QStringLiteral("summary"));
    if (!s) {
        return kNaN;
    }
    const long long r = s->findRow(QStringLiteral("quantity"), quantity);
    return r < 0 ? kNaN : s->number(std::size_t(r), QStringLiteral("value"));
}

std::vector<int> carbonYears(const analysis::ResultSet& carbon) {
    std::vector<int> years;
    const analysis::Table* s = carbon.table(QStringLiteral("summary"));
    if (!s) {
        return years;
    }
    static const QRegularExpression re(QStringLiteral("^c_total_t_(\\d{4})$"));
    for (std::size_t r = 0; r < s->rowCount(); ++r) {
        const auto m = re.match(s->value(r, QStringLiteral("quantity")).toString());
        if (m.hasMatch()) {
            years.push_back(m.captured(1).toInt());
        }
    }
    std::sort(years.begin(), years.end());
    years.erase(std::unique(years.begin(), years.end()), years.end());
    return years;
}

MoneyScale moneyScaleFor(double absMax, bool chinese) {
    if (chinese) {
        if (absMax >= 1e8) {
            return { 1e8, ReportText::tr("100 million CNY") };
        }
        if (absMax >= 1e4) {
            return { 1e4, ReportText::tr("10 thousand CNY") };
        }
    } else {
        if (absMax >= 1e6) {
            return { 1e6, ReportText::tr("million CNY") };
        }
        if (absMax >= 1e4) {
            return { 1e3, ReportText::tr("thousand CNY") };
        }
    }
    return { 1, ReportText::tr("CNY") };
}

ChartSpec stockByPoolChart(const analysis::ResultSet& carbon) {
    const QString title = ReportText::tr("Carbon stock by pool");
    const analysis::Table* byPool = carbon.table(QStringLiteral("totals_by_pool"));
    if (!byPool) {
        return missing(title,
                       ReportText::tr("The carbon results have no table totals_by_pool: rerun the carbon "
                                      "project with this version to chart the stock by pool."));
    }
    if (byPool->rowCount() == 0) {
        return missing(title, ReportText::tr("The table totals_by_pool has no rows: no parcel has a stock."));
    }
    QStringList pools; // column stems, in the table's order
    for (const analysis::Column& c : byPool->columns) {
        if (c.name.endsWith(QLatin1String("_t")) && c.name != QLatin1String("c_total_t")) {
            pools << c.name.chopped(2);
        }
    }
    ChartSpec c;
    c.title = title;
    c.valueAxisTitle = ReportText::tr("Carbon stock (t C)");
    c.thousandsAxisTitle = ReportText::tr("Carbon stock (thousand t C)");
    c.stacked = true;
    for (int i = 0; i < pools.size(); ++i) {
        c.series.push_back({ poolName(pools[i]), poolColour(pools[i], i), {} });
    }
    for (std::size_t r = 0; r < byPool->rowCount(); ++r) {
        const QString year = QString::number(qlonglong(byPool->number(r, QStringLiteral("year"))));
        for (int i = 0; i < pools.size(); ++i) {
            c.series[std::size_t(i)].values.push_back(byPool->number(r, pools[i] + QStringLiteral("_t")));
        }
        c.categories << year;
        c.errorLow.push_back(carbonSummaryValue(carbon, QStringLiteral("c_total_t_%1_p2_5").arg(year)));
        c.errorHigh.push_back(carbonSummaryValue(carbon, QStringLiteral("c_total_t_%1_p97_5").arg(year)));
    }
    noteMissingBounds(c, ReportText::tr("the total stock"));
    return c;
}

ChartSpec stockByTypeChart(const analysis::ResultSet& carbon) {
    const QString title = ReportText::tr("Carbon stock by ecosystem type");
    const analysis::Table* byType = carbon.table(QStringLiteral("totals_by_ecosystem_type"));
    const std::vector<int> years = carbonYears(carbon);
    if (!byType || years.empty()) {
        return missing(title,
                       ReportText::tr("The carbon results have no table totals_by_ecosystem_type or no "
                                      "dated stock in their summary."));
    }
    ChartSpec c;
    c.title = title;
    c.valueAxisTitle = QStringLiteral("t C");
    c.thousandsAxisTitle = ReportText::tr("thousand t C");
    c.stacked = true;
    for (const int y : years) {
        c.categories << QString::number(y);
        c.errorLow.push_back(carbonSummaryValue(carbon, QStringLiteral("c_total_t_%1_p2_5").arg(y)));
        c.errorHigh.push_back(carbonSummaryValue(carbon, QStringLiteral("c_total_t_%1_p97_5").arg(y)));
    }
    int index = 0;
    for (std::size_t r = 0; r < byType->rowCount(); ++r) {
        const QString key = byType->value(r, QStringLiteral("ecosystem_type")).toString();
        if (key == QLatin1String("all")) {
            continue;
        }
        ChartSpec::Series series{ typeName(key), typeColour(key, index++), {} };
        for (const int y : years) {
            series.values.push_back(byType->number(r, QStringLiteral("c_total_t_%1").arg(y)));
        }
        c.series.push_back(series);
    }
    return c;
}

ChartSpec changeByTypeChart(const analysis::ResultSet& carbon, bool co2e) {
    const analysis::Table* byType = carbon.table(QStringLiteral("totals_by_ecosystem_type"));
    const std::vector<int> years = carbonYears(carbon);
    if (!byType) {
        return missing(ReportText::tr("Stock change by ecosystem type"),
                       ReportText::tr("The carbon results have no table totals_by_ecosystem_type: rerun "
                                      "the carbon project to chart the change by ecosystem type."));
    }
    if (years.size() < 2) {
        return missing(
          ReportText::tr("Stock change by ecosystem type"),
          ReportText::tr("The carbon run has fewer than two dates: there is no change to chart."));
    }
    const QString iv = QStringLiteral("%1_%2").arg(years.front()).arg(years.back());
    ChartSpec c;
    c.title = ReportText::tr("Stock change %1–%2 by ecosystem type").arg(years.front()).arg(years.back());
    c.valueAxisTitle = co2e ? ReportText::tr("Change (t CO2e)") : QStringLiteral("t C");
    c.thousandsAxisTitle = co2e ? ReportText::tr("Change (thousand t CO2e)") : ReportText::tr("thousand t C");
    c.horizontal = true;
    // A change in t CO2e is the change in t C × 44/12 (carbon-methods.md §1.3), its bounds too.
    const double factor = co2e ? models::carbon::kCo2PerC : 1.0;
    const QString valueColumn = (co2e ? QStringLiteral("change_tco2e_") : QStringLiteral("change_t_")) + iv;
    ChartSpec::Series series{ ReportText::tr("Change"), QColor(QStringLiteral("#2e7d32")), {} };
    for (std::size_t r = 0; r < byType->rowCount(); ++r) {
        const QString key = byType->value(r, QStringLiteral("ecosystem_type")).toString();
        if (key == QLatin1String("all")) {
            continue;
        }
        c.categories << typeName(key);
        double v = byType->number(r, valueColumn);
        if (co2e && !std::isfinite(v)) {
            v = byType->number(r, QStringLiteral("change_t_") + iv) * factor;
        }
        series.values.push_back(v);
        c.errorLow.push_back(byType->number(r, QStringLiteral("change_t_") + iv + QStringLiteral("_p2_5")) *
                             factor);
        c.errorHigh.push_back(byType->number(r, QStringLiteral("change_t_") + iv + QStringLiteral("_p97_5")) *
                              factor);
    }
    c.series.push_back(series);
    c.heightMm = 20 + 7 * double(c.categories.size());
    if (c.categories.isEmpty()) {
        c.message = ReportText::tr("The table totals_by_ecosystem_type has no ecosystem type.");
    }
    noteMissingBounds(c, ReportText::tr("the change"));
    return c;
}

ChartSpec gepByServiceChart(const analysis::ResultSet& gep, bool stacked, const GepChartOptions& options) {
    const QString title = ReportText::tr("GEP by service");
    const analysis::Table* totals = gep.table(QStringLiteral("totals"));
    if (!totals) {
        return missing(title, ReportText::tr("The GEP results have no table totals: rerun GEP to chart it."));
    }
    const std::vector<std::pair<QString, double>> services = gepGroup(*totals, QStringLiteral("service"));
    if (services.empty()) {
        return missing(title, ReportText::tr("The GEP totals have no service: no indicator was valued."));
    }
    const MoneyScale scale = resolveScale(options, services);
    ChartSpec c;
    c.title = title;
    c.valueAxisTitle = ReportText::tr("GEP (%1)").arg(scale.unit);
    if (!stacked) {
        c.horizontal = true;
        ChartSpec::Series series{ QStringLiteral("GEP"), QColor(QStringLiteral("#1565c0")), {} };
        std::vector<std::pair<double, QString>> v;
        for (const auto& [key, value] : services) {
            v.emplace_back(value / scale.divisor, serviceName(key));
        }
        std::sort(v.begin(), v.end());
        for (const auto& [value, name] : v) {
            c.categories << name;
            series.values.push_back(value);
        }
        c.series.push_back(series);
        c.heightMm = 20 + 7 * double(v.size());
        return c;
    }
    // One bar per category of gep-methods.md §3 (material, regulating, cultural), stacked by service.
    QStringList categories;
    for (const models::gep::Category cat : { models::gep::Category::Material,
                                             models::gep::Category::Regulating,
                                             models::gep::Category::Cultural }) {
        categories << models::gep::categoryName(cat);
    }
    auto categoryOf = [&](const QString& key) {
        const models::gep::IndicatorSpec* spec = models::gep::findIndicator(key);
        return spec ? models::gep::categoryName(spec->category) : QString();
    };
    for (const auto& kv : services) {
        const QString cat = categoryOf(kv.first);
        if (cat.isEmpty() && !categories.contains(kv.first)) {
            categories << kv.first; // not in the registry: a bar of its own
        }
    }
    // Categories without a service are left out.
    QStringList used;
    for (const QString& cat : categories) {
        for (const auto& kv : services) {
            const QString own = categoryOf(kv.first);
            if ((own.isEmpty() ? kv.first : own) == cat) {
                used << cat;
                break;
            }
        }
    }
    c.stacked = true;
    for (const QString& cat : used) {
        c.categories << serviceName(cat);
    }
    int index = 0;
    for (const auto& [key, value] : services) {
        const QString own = categoryOf(key);
        const int at = int(used.indexOf(own.isEmpty() ? key : own));
        // The value in the legend: a small service is a sliver of its stack.
        ChartSpec::Series s{ ReportText::tr("%1: %2").arg(serviceName(key),
                                                          QLocale().toString(value / scale.divisor, 'f', 2)),
                             QColor::fromHsv((index * 67 + 200) % 360, 150, 200),
                             std::vector<double>(std::size_t(used.size()), kNaN) };
        s.values[std::size_t(at)] = value / scale.divisor;
        c.series.push_back(s);
        ++index;
    }
    c.heightMm = 100;
    return c;
}

ChartSpec gepByEcosystemChart(const analysis::ResultSet& gep, const GepChartOptions& options) {
    const QString title = ReportText::tr("GEP by ecosystem");
    const analysis::Table* totals = gep.table(QStringLiteral("totals"));
    if (!totals) {
        return missing(title, ReportText::tr("The GEP results have no table totals: rerun GEP to chart it."));
    }
    const std::vector<std::pair<QString, double>> rows = gepGroup(*totals, QStringLiteral("ecosystem"));
    if (rows.empty()) {
        return missing(title, ReportText::tr("The GEP totals have no ecosystem: no parcel was valued."));
    }
    const MoneyScale scale = resolveScale(options, rows);
    ChartSpec c;
    c.title = title;
    c.valueAxisTitle = ReportText::tr("GEP (%1)").arg(scale.unit);
    c.horizontal = true;
    ChartSpec::Series series{ QStringLiteral("GEP"), QColor(QStringLiteral("#00897b")), {} };
    std::vector<std::pair<double, QString>> v;
    for (const auto& [key, value] : rows) {
        v.emplace_back(value / scale.divisor,
                       options.ecosystemName ? options.ecosystemName(key)
                                             : shippedGepEcosystemName(key, options.chinese));
    }
    std::sort(v.begin(), v.end());
    for (const auto& [value, name] : v) {
        c.categories << name;
        series.values.push_back(value);
    }
    c.series.push_back(series);
    c.heightMm = 20 + 7 * double(v.size());
    return c;
}

ChartSpec planCarbonChart(const analysis::ResultSet& plan) {
    const analysis::Table* totals = plan.table(QStringLiteral("plan_totals"));
    const QString title = ReportText::tr("Carbon difference by pool (plan − baseline)");
    if (!totals || totals->rowCount() == 0) {
        return missing(title, ReportText::tr("The plan results have no table plan_totals: rerun the plan."));
    }
    ChartSpec c;
    c.title = title;
    c.valueAxisTitle = ReportText::tr("Difference (t C)");
    c.thousandsAxisTitle = ReportText::tr("Difference (thousand t C)");
    ChartSpec::Series series{ ReportText::tr("Difference"), QColor(QStringLiteral("#2e7d32")), {} };
    for (std::size_t r = 0; r < totals->rowCount(); ++r) {
        const std::vector<QVariant> v = totals->rowValues(r);
        auto at = [&](const char* column) {
            const int i = totals->columnIndex(QString::fromLatin1(column));
            return i < 0 ? kNaN : numberOf(v[std::size_t(i)]);
        };
        const QString q = totals->value(r, QStringLiteral("quantity")).toString();
        const bool total = q == QLatin1String("total");
        c.categories << (total ? ReportText::tr("Total") : poolName(q));
        series.values.push_back(at("diff_t"));
        // Only the total has bounds (percentiles of the per-iteration sums; PlanRun.h).
        c.errorLow.push_back(total ? at("diff_p2_5_t") : kNaN);
        c.errorHigh.push_back(total ? at("diff_p97_5_t") : kNaN);
    }
    c.series.push_back(series);
    noteMissingBounds(c, ReportText::tr("the plan's difference"));
    return c;
}

ChartSpec planGepChart(const analysis::ResultSet& plan, const GepChartOptions& options) {
    const analysis::Table* services = plan.table(QStringLiteral("plan_gep_services"));
    const QString title = ReportText::tr("GEP difference by service (plan − baseline)");
    if (!services) {
        return missing(title,
                       ReportText::tr("The plan was run without GEP: run it again with “Value GEP too”."));
    }
    struct Row {
        QString name;
        double diff, low, high;
    };
    std::vector<Row> rows;
    std::vector<std::pair<QString, double>> magnitudes;
    for (std::size_t r = 0; r < services->rowCount(); ++r) {
        const std::vector<QVariant> v = services->rowValues(r);
        auto at = [&](const char* column) {
            const int i = services->columnIndex(QString::fromLatin1(column));
            return i < 0 ? kNaN : numberOf(v[std::size_t(i)]);
        };
        const QString key = services->value(r, QStringLiteral("service")).toString();
        const double diff = at("diff_cny");
        // The services the plan changes; the total and the emission beside GEP are in the table.
        if (key == QLatin1String("total") || key == QLatin1String("carbon_emission") || !(diff != 0)) {
            continue;
        }
        rows.push_back({ serviceName(key), diff, at("diff_p2_5_cny"), at("diff_p97_5_cny") });
        magnitudes.emplace_back(key, diff);
        for (const double b : { rows.back().low, rows.back().high })
            magnitudes.emplace_back(key, b);
    }
    if (rows.empty()) {
        return missing(title, ReportText::tr("The plan changes no GEP service."));
    }
    const MoneyScale scale = resolveScale(options, magnitudes);
    ChartSpec c;
    c.title = title;
    c.valueAxisTitle = ReportText::tr("Difference (%1 per year)").arg(scale.unit);
    c.horizontal = true;
    ChartSpec::Series series{ ReportText::tr("Difference"), QColor(QStringLiteral("#00897b")), {} };
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.diff < b.diff; });
    for (const Row& row : rows) {
        c.categories << row.name;
        series.values.push_back(row.diff / scale.divisor);
        c.errorLow.push_back(row.low / scale.divisor);
        c.errorHigh.push_back(row.high / scale.divisor);
    }
    c.series.push_back(series);
    c.heightMm = 20 + 7 * double(rows.size());
    noteMissingBounds(c, ReportText::tr("the plan's GEP difference"));
    return c;
}

long long findParcelRow(const analysis::Table& parcels, const QString& layer, qint64 fid) {
    const int layerCol = parcels.columnIndex(QStringLiteral("layer"));
    const int fidCol = parcels.columnIndex(QStringLiteral("source_fid"));
    const int primaryCol = parcels.columnIndex(QStringLiteral("primary"));
    if (layerCol < 0 || fidCol < 0) {
        return -1;
    }
    long long first = -1;
    for (std::size_t r = 0; r < parcels.rowCount(); ++r) {
        const std::vector<QVariant> v = parcels.rowValues(r);
        if (v.size() <= std::size_t(std::max(layerCol, fidCol)) ||
            v[std::size_t(layerCol)].toString() != layer || v[std::size_t(fidCol)].toLongLong() != fid) {
            continue;
        }
        if (primaryCol < 0 || v[std::size_t(primaryCol)].isNull() ||
            v[std::size_t(primaryCol)].toInt() == 1) {
            return (long long)r;
        }
        if (first < 0) {
            first = (long long)r;
        }
    }
    return first;
}

ChartSpec parcelTrajectoryChart(const analysis::ResultSet& carbon, const QString& layer, qint64 fid) {
    const QString title = ReportText::tr("Carbon stock of parcel %1 (%2)").arg(fid).arg(layer);
    const analysis::Table* parcels = carbon.table(QStringLiteral("parcels"));
    if (!parcels) {
        return missing(title, ReportText::tr("The carbon results have no table parcels."));
    }
    const long long row = findParcelRow(*parcels, layer, fid);
    if (row < 0) {
        return missing(title,
                       ReportText::tr("Feature %1 of layer %2 is not in the carbon results (not a carbon "
                                      "layer of the run, or added since).")
                         .arg(fid)
                         .arg(layer));
    }
    const std::vector<QVariant> v = parcels->rowValues(std::size_t(row));
    auto cell = [&](const QString& column) {
        const int i = parcels->columnIndex(column);
        return i < 0 || std::size_t(i) >= v.size() ? QVariant() : v[std::size_t(i)];
    };
    const QString id = cell(QStringLiteral("id")).toString();
    ChartSpec c;
    c.title =
      ReportText::tr("Carbon stock of parcel %1 (%2)").arg(id.isEmpty() ? QString::number(fid) : id, layer);
    c.valueAxisTitle = ReportText::tr("Carbon stock (t C)");
    ChartSpec::Series series{ ReportText::tr("Stock"), QColor(QStringLiteral("#2e7d32")), {} };
    static const QRegularExpression re(QStringLiteral("^c_total_t_(\\d{4})$"));
    for (const analysis::Column& col : parcels->columns) {
        const auto m = re.match(col.name);
        if (!m.hasMatch()) {
            continue;
        }
        c.categories << m.captured(1);
        series.values.push_back(numberOf(cell(col.name)));
        c.errorLow.push_back(numberOf(cell(col.name + QStringLiteral("_p2_5"))));
        c.errorHigh.push_back(numberOf(cell(col.name + QStringLiteral("_p97_5"))));
    }
    c.series.push_back(series);
    const QString notComputed = cell(QStringLiteral("not_computed")).toString();
    const bool anyValue =
      std::any_of(series.values.begin(), series.values.end(), [](double x) { return std::isfinite(x); });
    if (!anyValue) {
        c.categories.clear();
        c.series.clear();
        c.message = notComputed.isEmpty()
                      ? ReportText::tr("The parcel has no carbon stock at any date.")
                      : ReportText::tr("The parcel was not computed: %1").arg(notComputed);
        return c;
    }
    noteMissingBounds(c, ReportText::tr("the parcel's stock"));
    return c;
}

} // namespace tanhui::report
