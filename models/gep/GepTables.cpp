// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/gep/GepTables.h"

#include <QCoreApplication>
#include <QFileInfo>

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
        { "ecosystem", "group", "pest_group", "climate_form" },
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

const params::TableSpec& deflatorTableSpec() {
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
            false } },
        {},
        "",
    };
    return spec;
}

QStringList priceProfileIds() {
    return { QStringLiteral("P0_RCEES2010"), QStringLiteral("LYT1721_2008") };
}

QString priceProfilePath(const QString& id) {
    return QStringLiteral(":/parameters/gep/prices_%1.csv").arg(id);
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

Price adjustPriceYear(const Price& price, int targetYear, const params::ParameterTable& deflators) {
    if (price.priceYear == targetYear)
        return price;
    const QString series = price.indexSeries.isEmpty() ? QStringLiteral("cpi") : price.indexSeries;
    const std::optional<double> base = deflators.value(QString::number(price.priceYear), series);
    const std::optional<double> target = deflators.value(QString::number(targetYear), series);
    if (!base || !target)
        throw UnitError(
          Gep::tr("the deflator table has no '%1' level for year %2; add it to adjust price '%3' "
                  "from %4 to %5 (gep-methods.md §5.3)")
            .arg(series)
            .arg(!base ? price.priceYear : targetYear)
            .arg(price.key)
            .arg(price.priceYear)
            .arg(targetYear)
            .toStdString());
    Price out = price;
    out.yuanPerUnit = price.yuanPerUnit * *target / *base; // p_t = p_base × I_t / I_base
    out.priceYear = targetYear;
    out.note = Gep::tr("adjusted from %1 (%2) by %3 index %4 → %5")
                 .arg(price.yuanPerUnit, 0, 'g', 10)
                 .arg(price.priceYear)
                 .arg(series)
                 .arg(*base, 0, 'g', 10)
                 .arg(*target, 0, 'g', 10);
    if (deflators.find(QString::number(targetYear)) &&
        params::isFlagged(deflators.find(QString::number(targetYear))->tag))
        out.tag = params::Tag::Unconfirmed;
    return out;
}

} // namespace tanhui::models::gep
