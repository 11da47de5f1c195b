// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/gep/GepTables.h"

#include <cstring>
#include <stdexcept>

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace tanhui::models::gep {

namespace {

struct Gep {
    Q_DECLARE_TR_FUNCTIONS(Gep)
};

using params::ColumnSpec;
using params::Issue;
using params::TableSpec;

params::TableSpec makeProfileSpec() {
    TableSpec s;
    s.id = "gep_profiles";
    s.keyColumn = "profile";
    s.keyLabel = QT_TRANSLATE_NOOP("Parameters", "GEP profile");
    for (const IndicatorSpec& ind : indicatorRegistry())
        s.values.push_back({ ind.key, ind.nameEn, "0/1", 0, 1, false, true });
    s.values.push_back({ "include_vegetation_flood",
                         QT_TRANSLATE_NOOP("Parameters", "vegetation flood term"),
                         "0/1",
                         0,
                         1,
                         false,
                         true });
    s.values.push_back({ "water_cop_divides_cooling",
                         QT_TRANSLATE_NOOP("Parameters", "water-surface cooling divided by COP"),
                         "0/1",
                         0,
                         1,
                         false,
                         true });
    s.textColumns = { "name" };
    s.defaultPath = "gep/profiles.csv";
    return s;
}

std::optional<double> col(const params::TableRow& row, const TableSpec& spec, const char* name) {
    for (std::size_t i = 0; i < spec.values.size(); ++i)
        if (qstricmp(spec.values[i].name, name) == 0)
            return i < row.values.size() ? row.values[i] : std::nullopt;
    return std::nullopt;
}

QString text(const params::TableRow& row, const char* name) {
    auto it = row.text.find(QString::fromLatin1(name));
    return it == row.text.end() ? QString() : it->second;
}

} // namespace

const params::TableSpec& priceTableSpec() {
    static const TableSpec spec{
        "gep_prices",
        "key",
        {},
        false,
        QT_TRANSLATE_NOOP("Parameters", "price key"),
        { { "value", QT_TRANSLATE_NOOP("Parameters", "unit price"), "CNY per basis unit", 0, 1e12 },
          { "price_year", QT_TRANSLATE_NOOP("Parameters", "price year"), "year", 1900, 2100 } },
        { "unit", "basis", "index_series", "source" },
        "gep/prices_P0_RCEES2010.csv",
    };
    return spec;
}

const params::TableSpec& profileTableSpec() {
    static const TableSpec spec = makeProfileSpec();
    return spec;
}

const params::TableSpec& ecosystemTableSpec() {
    static const TableSpec spec{
        "gep_ecosystems",
        "lucode",
        {},
        true,
        QT_TRANSLATE_NOOP("Parameters", "land-cover code"),
        {
          { "runoff_coef",
            QT_TRANSLATE_NOOP("Parameters", "surface runoff coefficient α"),
            "fraction",
            0,
            1,
            false,
            false },
          { "storm_runoff_coef",
            QT_TRANSLATE_NOOP("Parameters", "storm runoff coefficient"),
            "fraction",
            0,
            1,
            false,
            false },
          { "storage_depth_m",
            QT_TRANSLATE_NOOP("Parameters", "flood storage depth"),
            "m",
            0,
            20,
            false,
            false },
          { "so2_kg_ha", QT_TRANSLATE_NOOP("Parameters", "SO2 absorption"), "kg/ha/a", 0, 1e4, false, false },
          { "nox_kg_ha", QT_TRANSLATE_NOOP("Parameters", "NOx absorption"), "kg/ha/a", 0, 1e4, false, false },
          { "dust_t_ha", QT_TRANSLATE_NOOP("Parameters", "dust retention"), "t/ha/a", 0, 1e3, false, false },
          { "cod_kg_ha", QT_TRANSLATE_NOOP("Parameters", "COD removal"), "kg/ha/a", 0, 1e6, false, false },
          { "nh3n_kg_ha", QT_TRANSLATE_NOOP("Parameters", "NH3-N removal"), "kg/ha/a", 0, 1e5, false, false },
          { "tp_kg_ha", QT_TRANSLATE_NOOP("Parameters", "TP removal"), "kg/ha/a", 0, 1e5, false, false },
          { "et_hot_mm_d",
            QT_TRANSLATE_NOOP("Parameters", "ET on air-conditioning days"),
            "mm/d",
            0,
            30,
            false,
            false },
          { "water_conservation",
            QT_TRANSLATE_NOOP("Parameters", "water conservation counted"),
            "0/1",
            0,
            1,
            false,
            false },
        },
        { "ecosystem", "group", "pest_group", "climate_form", "ecosystem_types" },
        "gep/ecosystem_params.csv",
    };
    return spec;
}

const params::TableSpec& constantsTableSpec() {
    static const TableSpec spec{
        "gep_constants",
        "key",
        {},
        false,
        QT_TRANSLATE_NOOP("Parameters", "constant"),
        { { "value", QT_TRANSLATE_NOOP("Parameters", "value"), "see unit column", -1e12, 1e12 } },
        { "unit" },
        "gep/constants.csv",
    };
    return spec;
}

const std::vector<params::ParameterSpec>& runParameters() {
    using params::ParameterSpec;
    using params::Tag;
    static const std::vector<ParameterSpec> specs = [] {
        std::vector<ParameterSpec> s(5);
        s[0].id = "slope-length";
        s[0].label = QT_TRANSLATE_NOOP("Parameters", "RUSLE slope length");
        s[0].unit = "m";
        s[0].min = 0.1;
        s[0].max = 2000;
        s[0].usualMax = 300; // longer uniform slopes are rare; the L factor grows with λ^m
        s[0].defaultValue = 22.13;
        s[0].source = "gep-methods.md §4.3, §7.2: λ = 22.13 m gives L = 1";
        s[0].tag = Tag::Verified;
        s[1].id = "ac-days";
        s[1].label = QT_TRANSLATE_NOOP("Parameters", "days with air conditioning");
        s[1].unit = "day";
        s[1].min = 0;
        s[1].max = 366;
        s[1].source = "gep-methods.md §4.10 (D, no default)";
        s[1].tag = Tag::User;
        s[2].id = "seawall-cost";
        s[2].label = QT_TRANSLATE_NOOP("Parameters", "sea-wall construction cost");
        s[2].unit = "CNY/m";
        s[2].min = 1e-6;
        s[2].max = 1e9;
        s[2].usualMin = 1000; // §6.2 example: 20 000 CNY/m
        s[2].usualMax = 1e6;
        s[2].source = "gep-methods.md §4.12 (no verified default; §6.2 example 20 000 CNY/m)";
        s[2].tag = Tag::Example;
        s[3].id = "seawall-life";
        s[3].label = QT_TRANSLATE_NOOP("Parameters", "sea-wall design life");
        s[3].unit = "year";
        s[3].min = 1;
        s[3].max = 1000;
        s[3].usualMin = 10; // §6.2 example: 50 a
        s[3].usualMax = 200;
        s[3].source = "gep-methods.md §4.12 (§6.2 example 50 years)";
        s[3].tag = Tag::Example;
        s[4].id = "price-year";
        s[4].label = QT_TRANSLATE_NOOP("Parameters", "price year");
        s[4].unit = "year";
        s[4].min = 1900;
        s[4].max = 2100;
        s[4].integer = true;
        s[4].source = "gep-methods.md §5.3";
        s[4].tag = Tag::Verified;
        return s;
    }();
    return specs;
}

const params::ParameterSpec& runParameter(const char* id) {
    return params::specById(runParameters(), id, "GEP run");
}

const params::TableSpec& deflatorTableSpec() {
    // Per series either a price level of the year (any base) or a year-on-year index (previous year =
    // 100, as the NBS yearbook prints it), which is chained (gep-methods.md §5.3).
    static const TableSpec spec{
        "gep_deflators",
        "year",
        {},
        true,
        QT_TRANSLATE_NOOP("Parameters", "year"),
        { { "cpi",
            QT_TRANSLATE_NOOP("Parameters", "consumer price level"),
            "index",
            1e-6,
            1e9,
            false,
            false },
          { "construction",
            QT_TRANSLATE_NOOP("Parameters", "construction cost level"),
            "index",
            1e-6,
            1e9,
            false,
            false },
          { "market",
            QT_TRANSLATE_NOOP("Parameters", "market price level"),
            "index",
            1e-6,
            1e9,
            false,
            false },
          { "cpi_yoy",
            QT_TRANSLATE_NOOP("Parameters", "consumer price index, previous year = 100"),
            "index",
            50,
            200,
            false,
            false },
          { "construction_yoy",
            QT_TRANSLATE_NOOP("Parameters", "construction cost index, previous year = 100"),
            "index",
            50,
            200,
            false,
            false },
          { "market_yoy",
            QT_TRANSLATE_NOOP("Parameters", "market price index, previous year = 100"),
            "index",
            50,
            200,
            false,
            false } },
        {},
        "gep/price_index.csv",
    };
    return spec;
}

QString priceIndexPath() {
    return QStringLiteral(":/parameters/gep/price_index.csv");
}

IndexRatio indexRatio(const params::ParameterTable& table,
                      const QString& series,
                      int baseYear,
                      int targetYear) {
    IndexRatio out;
    out.series = series;
    QString file;
    for (const params::TableRow& r : table.rows())
        if (file.isEmpty())
            file = r.file;
    if (file.isEmpty())
        file = Gep::tr("(empty price index table)");
    out.file = file;
    auto use = [&](int year) {
        const params::TableRow* r = table.find(QString::number(year));
        out.rows.push_back({ r->file, r->line, year, r->tag });
    };
    const QString yoy = series + QStringLiteral("_yoy");
    const int levelCol = table.columnIndex(series), yoyCol = table.columnIndex(yoy);
    bool anyLevel = false, anyYoy = false;
    for (const params::TableRow& r : table.rows()) {
        anyLevel = anyLevel || (levelCol >= 0 && r.values[std::size_t(levelCol)]);
        anyYoy = anyYoy || (yoyCol >= 0 && r.values[std::size_t(yoyCol)]);
    }
    if (!anyLevel && !anyYoy)
        throw UnitError(
          Gep::tr("the price index table %1 has no '%2' series (column %2 or %3); supply a table "
                  "with it (--deflators FILE, with source and tag per row) or choose another "
                  "series with --index-fallback (gep-methods.md §5.3)")
            .arg(file, series, yoy)
            .toStdString());
    auto missing = [&](int year) {
        return UnitError(
          Gep::tr("the price index table %1 has no '%2' value for year %3; add the row to adjust "
                  "prices from %4 to %5 (gep-methods.md §5.3)")
            .arg(file, anyLevel ? series : yoy)
            .arg(year)
            .arg(baseYear)
            .arg(targetYear)
            .toStdString());
    };
    if (baseYear == targetYear) {
        out.factor = 1;
        return out;
    }
    if (anyLevel) {
        const std::optional<double> b = table.value(QString::number(baseYear), series);
        const std::optional<double> t = table.value(QString::number(targetYear), series);
        if (!b)
            throw missing(baseYear);
        if (!t)
            throw missing(targetYear);
        out.baseLevel = *b;
        out.targetLevel = *t;
        out.factor = *t / *b; // I_t / I_base
        use(baseYear);
        use(targetYear);
        return out;
    }
    // Chain of year-on-year indices: I_t / I_base = Π_{y = base+1..t} (i_y / 100), inverted when t < base.
    const int lo = std::min(baseYear, targetYear), hi = std::max(baseYear, targetYear);
    double chain = 1;
    for (int y = lo + 1; y <= hi; ++y) {
        const std::optional<double> v = table.value(QString::number(y), yoy);
        if (!v)
            throw missing(y);
        chain *= *v / 100.0;
        use(y);
    }
    out.factor = targetYear > baseYear ? chain : 1.0 / chain;
    out.baseLevel = 100;
    out.targetLevel = 100 * out.factor;
    return out;
}

QString IndexRatio::rowsText() const {
    QStringList parts;
    for (const IndexRowUse& r : rows)
        parts << QStringLiteral("%1:%2 %3 (%4)")
                   .arg(QFileInfo(r.file).fileName())
                   .arg(r.line)
                   .arg(r.year)
                   .arg(params::tagName(r.tag));
    return parts.join(QStringLiteral("; "));
}

QStringList priceProfileIds() {
    return { QStringLiteral("P0_RCEES2010"),
             QStringLiteral("LYT1721_2008"),
             QStringLiteral("P0_CPI2020"),
             QStringLiteral("P0_CPI2024") };
}

QString priceProfilePath(const QString& id) {
    if (derivedPriceYear(id) > 0)
        return QStringLiteral(":/parameters/gep/prices_P0_RCEES2010.csv");
    return QStringLiteral(":/parameters/gep/prices_%1.csv").arg(id);
}

int derivedPriceYear(const QString& id) {
    if (id == QLatin1String("P0_CPI2020"))
        return 2020;
    if (id == QLatin1String("P0_CPI2024"))
        return 2024;
    return 0;
}

PriceSet pricesFromTable(const params::ParameterTable& table, params::Issues& issues) {
    PriceSet set;
    for (const params::TableRow& row : table.rows()) {
        auto issue = [&](const QString& column, const QString& message) {
            issues.push_back({ Issue::Severity::Error, row.file, row.line, column, message });
        };
        Price p;
        p.key = row.key;
        p.yuanPerUnit = row.values[0].value_or(0);
        p.priceYear = int(row.values[1].value_or(0));
        p.tag = row.tag;
        p.file = row.file;
        p.line = row.line;
        p.indexSeries = text(row, "index_series");
        const QString rawSource = text(row, "source");
        p.source = rawSource.isEmpty() ? row.source : rawSource;
        if (rawSource.isEmpty())
            issue(QStringLiteral("source"),
                  Gep::tr("price '%1' has no source; name the document, table and page (the app does not run "
                          "with an unsourced price)")
                    .arg(row.key));
        if (!parseUnit(text(row, "basis"), p.basis) || p.basis == Unit::Yuan)
            issue(QStringLiteral("basis"),
                  Gep::tr("unknown price basis '%1'; use m3, t, t C, t CO2, t O2, kWh, ha, km or visit")
                    .arg(text(row, "basis")));
        else if (!text(row, "unit").isEmpty()) {
            QString u = text(row, "unit");
            u.remove(QLatin1Char(' '));
            QString expected = p.unitText();
            expected.remove(QLatin1Char(' '));
            Unit stated = Unit::None;
            const int slash = u.indexOf(QLatin1Char('/'));
            if (slash < 0 || !parseUnit(u.mid(slash + 1), stated) || stated != p.basis)
                issue(
                  QStringLiteral("unit"),
                  Gep::tr("unit '%1' does not match basis '%2' (expected '%3'): a price per t C and a price "
                          "per t CO2 differ by 44/12")
                    .arg(text(row, "unit"), text(row, "basis"), p.unitText()));
        }
        set.put(p);
    }
    return set;
}

params::Issues overridePrices(PriceSet& base, const QString& path) {
    params::LoadedTable loaded = params::loadTable(priceTableSpec(), path, params::Provenance::UserSupplied);
    params::Issues issues = loaded.issues;
    if (params::hasErrors(issues))
        return issues;
    PriceSet user = pricesFromTable(loaded.table, issues);
    for (const auto& [key, price] : user.all())
        base.put(price);
    base.file = base.file.isEmpty() ? path : base.file + QStringLiteral(" + ") + path;
    return issues;
}

std::optional<Profile> profileFromTable(const params::ParameterTable& table,
                                        const QString& id,
                                        params::Issues& issues) {
    const params::TableRow* row = table.find(id);
    if (!row) {
        QStringList known;
        for (const params::TableRow& r : table.rows())
            known << r.key;
        issues.push_back({ Issue::Severity::Error,
                           QString(),
                           0,
                           QStringLiteral("--profile"),
                           Gep::tr("unknown GEP profile '%1'; known profiles: %2")
                             .arg(id, known.join(QStringLiteral(", "))) });
        return std::nullopt;
    }
    Profile p;
    p.id = id;
    p.source = row->source;
    p.tag = row->tag;
    const TableSpec& spec = table.spec();
    for (const IndicatorSpec& ind : indicatorRegistry())
        p.indicators[QString::fromLatin1(ind.key)] = col(*row, spec, ind.key).value_or(0) != 0;
    p.includeVegetationFlood = col(*row, spec, "include_vegetation_flood").value_or(0) != 0;
    p.waterCopDividesCooling = col(*row, spec, "water_cop_divides_cooling").value_or(0) != 0;
    return p;
}

QString ecosystemKeyForType(const std::map<QString, EcosystemParams>& ecosystems, const QString& type) {
    if (type.isEmpty())
        return {};
    if (ecosystems.count(type))
        return type; // a land-cover code
    for (const auto& [key, e] : ecosystems)
        if (e.types.contains(type) || e.name == type)
            return key;
    return {};
}

std::map<QString, EcosystemParams> ecosystemsFromTable(const params::ParameterTable& table) {
    std::map<QString, EcosystemParams> out;
    const TableSpec& spec = table.spec();
    for (const params::TableRow& row : table.rows()) {
        EcosystemParams e;
        e.key = row.key;
        e.name = text(row, "ecosystem");
        e.group = text(row, "group");
        e.pestGroup = text(row, "pest_group");
        e.climateWaterForm = text(row, "climate_form") == QLatin1String("water");
        e.climateApplies = !text(row, "climate_form").isEmpty();
        e.runoffCoef = col(row, spec, "runoff_coef");
        e.stormRunoffCoef = col(row, spec, "storm_runoff_coef");
        e.storageDepthM = col(row, spec, "storage_depth_m");
        e.so2KgPerHa = col(row, spec, "so2_kg_ha");
        e.noxKgPerHa = col(row, spec, "nox_kg_ha");
        e.dustTPerHa = col(row, spec, "dust_t_ha");
        e.codKgPerHa = col(row, spec, "cod_kg_ha");
        e.nh3nKgPerHa = col(row, spec, "nh3n_kg_ha");
        e.tpKgPerHa = col(row, spec, "tp_kg_ha");
        e.etHotMmPerDay = col(row, spec, "et_hot_mm_d");
        e.waterConservationCounted = col(row, spec, "water_conservation").value_or(1) != 0;
        e.source = row.source;
        e.tag = row.tag;
        for (const QString& t : text(row, "ecosystem_types").split(QLatin1Char(';'), Qt::SkipEmptyParts))
            e.types << t.trimmed();
        out[e.key] = e;
    }
    return out;
}

Constants constantsFromTable(const params::ParameterTable& table, params::Issues& issues) {
    Constants k;
    struct Slot {
        const char* key;
        double* value;
    };
    const Slot targets[] = {
        { "sediment_lambda", &k.sedimentLambda },
        { "soil_bulk_density", &k.soilBulkDensity },
        { "soil_n_fraction", &k.soilNFraction },
        { "soil_p_fraction", &k.soilPFraction },
        { "cop", &k.cop },
        { "latent_heat", &k.latentHeatKjPerKg },
        { "humidifier_energy", &k.humidifierKwhPerM3 },
        { "reservoir_flood_share", &k.reservoirFloodShare },
    };
    for (const params::TableRow& row : table.rows()) {
        const double v = row.values[0].value_or(0);
        bool known = false;
        for (const Slot& s : targets) {
            if (row.key == QLatin1String(s.key)) {
                *s.value = v;
                known = true;
            }
        }
        if (row.key == QLatin1String("ac_days"))
            k.acDays = v, known = true;
        else if (row.key == QLatin1String("seawall_cost"))
            k.seawallYuanPerM = v, known = true;
        else if (row.key == QLatin1String("seawall_life"))
            k.seawallLifeYears = v, known = true;
        if (!known)
            issues.push_back({ Issue::Severity::Warning,
                               row.file,
                               row.line,
                               QStringLiteral("key"),
                               Gep::tr("unknown constant '%1' is ignored").arg(row.key) });
        k.tags[row.key] = row.tag;
    }
    return k;
}

Price adjustPriceYear(const Price& price,
                      int targetYear,
                      const params::ParameterTable& deflators,
                      const QString& fallbackSeries,
                      bool forceFallback) {
    const QString named = price.indexSeries.isEmpty() ? QStringLiteral("cpi") : price.indexSeries;
    if (price.priceYear == targetYear)
        return price;
    QString series = forceFallback && !fallbackSeries.isEmpty() ? fallbackSeries : named;
    IndexRatio ratio;
    try {
        ratio = indexRatio(deflators, series, price.priceYear, targetYear);
    } catch (const UnitError& e) {
        // Only a series the table lacks altogether falls back; a missing year is always an error.
        bool hasSeries = false;
        const int a = deflators.columnIndex(series),
                  b = deflators.columnIndex(series + QStringLiteral("_yoy"));
        for (const params::TableRow& r : deflators.rows())
            hasSeries =
              hasSeries || (a >= 0 && r.values[std::size_t(a)]) || (b >= 0 && r.values[std::size_t(b)]);
        if (hasSeries || fallbackSeries.isEmpty() || series == fallbackSeries)
            throw UnitError(Gep::tr("price '%1' (%2, %3): %4")
                              .arg(price.key, price.file)
                              .arg(price.line)
                              .arg(QString::fromUtf8(e.what()))
                              .toStdString());
        series = fallbackSeries;
        ratio = indexRatio(deflators, series, price.priceYear, targetYear);
    }
    Price out = price;
    out.yuanPerUnit = price.yuanPerUnit * ratio.factor; // p_t = p_base × I_t / I_base
    out.priceYear = targetYear;
    out.indexSeries = series;
    out.indexRows = ratio.rowsText();
    out.note = Gep::tr("adjusted from %1 (%2) by %3 index %4 → %5 (× %6)")
                 .arg(price.yuanPerUnit, 0, 'g', 10)
                 .arg(price.priceYear)
                 .arg(series)
                 .arg(ratio.baseLevel, 0, 'g', 10)
                 .arg(ratio.targetLevel, 0, 'g', 10)
                 .arg(ratio.factor, 0, 'g', 10);
    if (series != named) {
        out.note += Gep::tr("; the price names the '%1' series, which the index table lacks: %2 used instead "
                            "[design approximation]")
                      .arg(named, series);
        out.tag = params::Tag::Unconfirmed;
    }
    for (const IndexRowUse& r : ratio.rows)
        if (params::isFlagged(r.tag))
            out.tag = params::Tag::Unconfirmed; // a flagged index row flags the adjusted price
    return out;
}

} // namespace tanhui::models::gep
