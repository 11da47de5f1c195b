// SPDX-License-Identifier: GPL-3.0-or-later
// The result tables of a GEP run (docs/gep.md "Outputs"): each column's unit and description declared
// once, here; totals over the accounted parts of the parcels; the GEP side of the ledger check.
#include "models/carbon/Valuation.h"
#include "models/gep/GepRunData.h"
#include "models/gep/Plausibility.h"
#include "models/params/ParameterTable.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace tanhui::models::gep {

namespace {

using Type = gis::TableColumn::Type;
using analysis::Column;
using analysis::Table;

/// Appends a value to a table row.
std::vector<QVariant>& operator<<(std::vector<QVariant>& row, const QVariant& value) {
    row.push_back(value);
    return row;
}

Column text(const char* name, const char* description) {
    return { QString::fromLatin1(name), QString(), QString::fromUtf8(description), Type::String };
}
Column real(const char* name, const char* unit, const char* description) {
    return { QString::fromLatin1(name), QString::fromUtf8(unit), QString::fromUtf8(description), Type::Real };
}
Column integer(const char* name, const char* unit, const char* description) {
    return {
        QString::fromLatin1(name), QString::fromUtf8(unit), QString::fromUtf8(description), Type::Integer
    };
}

Table makeTable(const char* name, const char* title, const char* description, std::vector<Column> columns) {
    Table t;
    t.name = QString::fromLatin1(name);
    t.title = QString::fromUtf8(title);
    t.description = QString::fromUtf8(description);
    t.columns = std::move(columns);
    return t;
}

// ---- indicators -------------------------------------------------------------------------------------

/// One line of the indicators table: an indicator's total (part −1), a component (part ≥ 0) or the
/// emission of a net carbon source (part −2).
struct IndicatorLine {
    const ParcelRow* row;
    const IndicatorResult* r;
    int part;
};

void indicatorLine(const IndicatorLine& o, std::vector<QVariant>& v) {
    // The same indicator at the base-year prices (same position: same inputs).
    const IndicatorResult* base = nullptr;
    if (!o.row->baseResults.empty())
        base = &o.row->baseResults[std::size_t(o.r - o.row->results.data())];
    const IndicatorSpec* spec = findIndicator(o.r->key);
    v = { o.row->layer,
          o.row->id,
          o.row->ecosystemName,
          o.row->district,
          o.r->key,
          QString::fromUtf8(spec->nameZh),
          categoryName(o.r->category) };
    if (o.part == -2) {
        // A net carbon source: t CO2 emitted and its value at the carbon price, reported next to GEP,
        // never subtracted inside it.
        const Price& price = o.r->parts.front().price;
        v << QStringLiteral("emission") << o.r->emission->value << unitSymbol(o.r->emission->unit)
          << o.r->emissionYuan << price.yuanPerUnit << price.unitText()
          << (price.priceYear > 0 ? QVariant(price.priceYear) : QVariant()) << price.source
          << params::tagName(price.tag) << QStringLiteral("net_carbon_source;emission_not_in_gep")
          << (base && base->emission ? QVariant(base->emissionYuan) : QVariant());
    } else if (o.part < 0) {
        v << QStringLiteral("total") << o.r->quantity.value << unitSymbol(o.r->quantity.unit)
          << o.r->valueYuan << QVariant() << QString() << QVariant() << QString() << QString()
          << (o.r->flags + o.row->flags).join(QLatin1Char(';'))
          << (base ? QVariant(base->valueYuan) : QVariant());
    } else {
        const Component& c = o.r->parts[std::size_t(o.part)];
        v << c.label << c.quantity.value << unitSymbol(c.quantity.unit) << c.valueYuan << c.price.yuanPerUnit
          << c.price.unitText() << (c.price.priceYear > 0 ? QVariant(c.price.priceYear) : QVariant())
          << (c.price.note.isEmpty()
                ? c.price.source
                : c.price.source + QStringLiteral(" (") + c.price.note + QLatin1Char(')'))
          << params::tagName(c.price.tag) << QString()
          << (base && std::size_t(o.part) < base->parts.size()
                ? QVariant(base->parts[std::size_t(o.part)].valueYuan)
                : QVariant());
    }
}

/// indicators: parcel × indicator, one line per component plus the indicator's total line (lazy rows).
Table indicatorsTable(const std::shared_ptr<const GepParcels>& parcels) {
    Table t = makeTable(
      "indicators",
      "Indicators per parcel",
      "One row per parcel, indicator and component (component 'total' is the indicator's value, "
      "'emission' the loss of a net carbon source, not part of GEP): physical quantity, price and value.",
      { text("layer", "Parcel layer id."),
        text("parcel_id", "Parcel id (the layer's id field)."),
        text("ecosystem", "Ecosystem of the parcel (ecosystem_params)."),
        text("district", "District the parcel overlaps most (gis::assignLargestOverlap)."),
        text("indicator", "Indicator key (gep-methods.md §4)."),
        text("name_zh", "Chinese name of the indicator."),
        text("category", "material, regulating or cultural."),
        text("component", "total, the component's label, or emission."),
        real("quantity", "", "Physical quantity per year, in the unit of the column unit."),
        text("unit", "Unit of quantity."),
        real("value_cny", "CNY", "Value per year at the prices used, CNY/a."),
        real("price", "", "Unit price, in price_unit (components only)."),
        text("price_unit", "Unit of price, CNY per basis unit."),
        integer("price_year", "year", "Price year of the price."),
        text("price_source", "Source of the price (and conversion note)."),
        text("price_tag", "Evidence tag of the price."),
        text("flags", "Indicator and parcel flags, ';'-separated."),
        real("value_base_cny",
             "CNY",
             "Value per year at the base-year prices (with a price-year adjustment).") });
    auto lines = std::make_shared<std::vector<IndicatorLine>>();
    for (const ParcelRow& row : parcels->rows)
        for (const IndicatorResult& r : row.results) {
            if (r.skipped)
                continue;
            lines->push_back({ &row, &r, -1 });
            for (std::size_t p = 0; p < r.parts.size(); ++p)
                lines->push_back({ &row, &r, int(p) });
            if (r.emission)
                lines->push_back({ &row, &r, -2 });
        }
    t.lazyRowCount = lines->size();
    t.source = [parcels, lines](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>&) {
        indicatorLine((*lines)[i], v);
    };
    return t;
}

/// skipped: one row per layer, ecosystem, indicator and reason with the number of parcels (the per-parcel
/// detail is in parcels_<layer>, where a skipped indicator is null).
Table skippedTable(const GepParcels& parcels) {
    Table t = makeTable("skipped",
                        "Skipped indicators",
                        "Indicators not valued for lack of input, per layer, ecosystem and reason.",
                        { text("layer", "Parcel layer id."),
                          text("ecosystem", "Ecosystem of the parcels."),
                          text("indicator", "Indicator key."),
                          text("reason", "Why the indicator was skipped."),
                          integer("parcels", "1", "Number of parcels.") });
    std::map<std::tuple<QString, QString, QString, QString>, int> skipped;
    for (const ParcelRow& row : parcels.rows)
        for (const IndicatorResult& r : row.results)
            if (r.skipped)
                skipped[{ row.layer, row.ecosystemName, r.key, r.reason }]++;
    for (const auto& [k, n] : skipped)
        t.rows.push_back({ std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), n });
    return t;
}

// ---- parcels_<layer> -------------------------------------------------------------------------------

void parcelLine(const ParcelRow& r, const std::vector<QString>& keys, std::vector<QVariant>& v) {
    v = { r.id,       r.sourceFid, r.ecosystemKey,   r.ecosystemName, r.ecosystemSource, r.ecosystemType,
          r.district, r.areaHa,    r.accountedShare, r.carbonSource,  r.carbonYears,     r.carbonNote };
    for (const QString& key : keys) {
        const IndicatorResult* found = nullptr;
        for (const IndicatorResult& x : r.results)
            if (x.key == key)
                found = &x;
        if (!found || found->skipped)
            v << QVariant() << QVariant(); // skipped: null, never 0
        else
            v << found->quantity.value << found->valueYuan;
    }
    const double gepTotal = totalValue(r.results);
    v << totalValue(r.results, Category::Material) << totalValue(r.results, Category::Regulating)
      << totalValue(r.results, Category::Cultural) << gepTotal << (r.areaHa > 0 ? gepTotal / r.areaHa : 0.0);
    double counted = 0;
    forEachCounted(r, false, [&](const IndicatorResult& x, double factor) {
        if (!x.skipped)
            counted += x.valueYuan * factor;
    });
    v << counted;
    const IndicatorResult* emission = nullptr;
    for (const IndicatorResult& x : r.results)
        if (x.emission)
            emission = &x;
    v << (emission ? QVariant(emission->emission->value) : QVariant(0.0))
      << (emission ? QVariant(emission->emissionYuan) : QVariant(0.0))
      << (std::isnan(r.potentialErosionTPerHa) ? QVariant() : QVariant(r.potentialErosionTPerHa))
      << r.slopeCappedShare * 100.0 << r.flags.join(QLatin1Char(';'));
}

/// parcels_<layer>: one row per parcel with geometry and one quantity and value column per indicator of
/// the profile (lazy rows).
std::vector<Table> parcelTables(const std::shared_ptr<const GepParcels>& parcels, const Profile& profile) {
    std::vector<Column> wide = {
        text("parcel_id", "Parcel id (the layer's id field)."),
        integer("source_fid",
                "",
                "The parcel's feature id (FID) in the layer's file: the map's key, as in the carbon run."),
        text("ecosystem_code", "Key of the ecosystem_params row (land-cover code or type)."),
        text("ecosystem", "Ecosystem name."),
        text("ecosystem_source", "type_field, land_use_change or landcover_majority."),
        text("ecosystem_type", "The parcel's mapped ecosystem type (empty without a type field)."),
        text("district", "District the parcel overlaps most (gis::assignLargestOverlap)."),
        real("area_ha", "ha", "Ellipsoidal area of the parcel, ha."),
        real("accounted_share",
             "1",
             "Part of the parcel the totals count (layers of higher precedence removed)."),
        text("carbon_source", "carbon_results, carbon_table or pool_method."),
        text("carbon_years", "Interval of the carbon change used, e.g. 2015-2024."),
        text("carbon_note", "Carbon method used, or why there is no carbon change."),
    };
    auto keys = std::make_shared<std::vector<QString>>();
    for (const IndicatorSpec& spec : indicatorRegistry())
        if (profile.enabled(QString::fromLatin1(spec.key))) {
            keys->push_back(QString::fromLatin1(spec.key));
            wide.push_back(
              { keys->back() + QStringLiteral("_qty"),
                unitSymbol(spec.quantityUnit),
                QStringLiteral("Physical quantity of %1 per year (null: skipped).").arg(keys->back()),
                Type::Real });
            wide.push_back({ keys->back() + QStringLiteral("_cny"),
                             QStringLiteral("CNY"),
                             QStringLiteral("Value of %1, CNY/a (null: skipped).").arg(keys->back()),
                             Type::Real });
        }
    wide.push_back(real("material_cny", "CNY", "Material products, CNY/a."));
    wide.push_back(real("regulating_cny", "CNY", "Regulating services, CNY/a."));
    wide.push_back(real("cultural_cny", "CNY", "Cultural services, CNY/a."));
    wide.push_back(real("gep_cny", "CNY", "GEP of the parcel, CNY/a (the whole parcel)."));
    wide.push_back(real("gep_cny_per_ha", "CNY/ha", "GEP per hectare, CNY/ha/a."));
    wide.push_back(real("accounted_gep_cny",
                        "CNY",
                        "GEP of the accounted part, CNY/a: what the totals count (gep_cny × accounted_share, "
                        "except carbon sequestration and oxygen release of a part the carbon run computed "
                        "from its own coverage, valued from that part's flux). The rows sum to the total."));
    // A net carbon source: an emission next to GEP (not in gep_cny), t CO2e and CNY at the carbon price.
    wide.push_back(
      real("carbon_emission_tco2e", "t CO2e", "Emission of a net carbon source, t CO2e/a, not in GEP."));
    wide.push_back(
      real("carbon_emission_cny", "CNY", "The emission at the carbon price, CNY/a, not in GEP."));
    wide.push_back(real("potential_erosion_t_ha", "t/ha", "Mean potential erosion R·K·LS, t/ha/a."));
    wide.push_back(
      real("slope_capped_pct", "%", "Share of the parcel's cells with the RUSLE slope capped, %."));
    wide.push_back(text("flags", "Parcel flags, ';'-separated."));
    std::map<QString, std::shared_ptr<std::vector<const ParcelRow*>>> byLayer;
    for (const ParcelRow& row : parcels->rows) {
        auto& rows = byLayer[row.layer];
        if (!rows)
            rows = std::make_shared<std::vector<const ParcelRow*>>();
        rows->push_back(&row);
    }
    std::vector<Table> tables;
    for (const auto& entry : byLayer) {
        // Not a structured binding: clang 14 (the sanitizer build) cannot capture one in a lambda.
        const QString& layer = entry.first;
        const auto rows = entry.second;
        Table t;
        t.name = QStringLiteral("parcels_%1").arg(layer);
        t.title = QStringLiteral("GEP per parcel of %1").arg(layer);
        t.description = QStringLiteral("One row per parcel of layer %1 with its geometry: ecosystem, area, "
                                       "carbon source, quantity and value of each indicator, GEP.")
                          .arg(layer);
        t.columns = wide;
        t.hasGeometry = true;
        t.crs = parcels->layerCrs.at(layer);
        t.lazyRowCount = rows->size();
        t.source =
          [parcels, rows, keys](std::size_t i, std::vector<QVariant>& v, std::vector<unsigned char>& wkb) {
              const ParcelRow& r = *(*rows)[i];
              parcelLine(r, *keys, v);
              wkb = r.wkb;
          };
        tables.push_back(std::move(t));
    }
    return tables;
}

// ---- prices, settings -------------------------------------------------------------------------------

/// prices_used: with a price-year adjustment, the base price and the index rows used (with tags).
Table pricesTable(const GepModel& model) {
    Table t = makeTable("prices_used",
                        "Prices used",
                        "Every price of the price set, with its year, source and evidence tag.",
                        { text("key", "Price key."),
                          real("value", "", "Price in CNY per basis unit (see unit)."),
                          text("unit", "CNY per basis unit."),
                          integer("price_year", "year", "Price year."),
                          text("source", "Source of the price."),
                          text("tag", "Evidence tag."),
                          text("note", "Conversion note."),
                          real("base_value", "", "The price before the price-year adjustment."),
                          integer("base_year", "year", "Its price year."),
                          text("index_series", "Price index series of the adjustment."),
                          text("index_rows", "Price-index rows used, with their tags.") });
    for (const auto& [key, p] : model.prices.all()) {
        std::vector<QVariant> v = { p.key,    p.yuanPerUnit,          p.unitText(), p.priceYear,
                                    p.source, params::tagName(p.tag), p.note };
        const Price* base = model.basePrices ? model.basePrices->find(p.key) : nullptr;
        v << (base ? QVariant(base->yuanPerUnit) : QVariant())
          << (base ? QVariant(base->priceYear) : QVariant()) << p.indexSeries << p.indexRows;
        t.rows.push_back(std::move(v));
    }
    return t;
}

/// run_settings: the settings that define the account (key, value, note).
Table runSettingsTable(const AccountSettings& a) {
    Table t =
      makeTable("run_settings",
                "Settings of the account",
                "Profile, price set, price year, price index, climate-regulation variant and the other "
                "settings that define the account.",
                { text("key", "Setting."), text("value", "Value."), text("note", "What it means.") });
    t.rows = {
        { QStringLiteral("profile"),
          a.profile,
          GepCommand::tr("accounting profile (gep/profiles.csv), tag %1").arg(a.profileTag) },
        { QStringLiteral("price_set"),
          a.priceSet,
          GepCommand::tr("price table (prices_used.csv lists every price)") },
        { QStringLiteral("price_year"),
          a.priceYears,
          GepCommand::tr("price year of the values (value_cny)") },
        { QStringLiteral("base_price_year"),
          a.baseYears,
          GepCommand::tr("base year of value_base_cny (empty: no adjustment)") },
        { QStringLiteral("price_index"),
          a.priceIndex,
          GepCommand::tr("price index used for the price-year adjustment (gep-methods.md §5.3)") },
        { QStringLiteral("climate_variant"), a.climateVariant, a.climateVariantText },
        { QStringLiteral("ac_days"),
          a.acDays,
          GepCommand::tr("days with air conditioning D (gep-methods.md §4.10)") },
        { QStringLiteral("slope_length_m"),
          a.slopeLength,
          GepCommand::tr("RUSLE slope length used (at most %1 m)").arg(LsFactor::kMaxSlopeLengthM) },
        { QStringLiteral("ls_slope_cap_pct"),
          QString::number(LsFactor::kMaxGradient * 100),
          GepCommand::tr("steeper cells use the S factor of this slope (Liu, Nearing & Risse 1994)") },
        { QStringLiteral("settings_origin"),
          a.origin,
          GepCommand::tr("the project's gep section, overridden by command-line flags") },
    };
    return t;
}

// ---- totals ----------------------------------------------------------------------------------------

/// Totals over the parcels' accounted parts: each value × the parcel's accountedShare, as the carbon
/// totals (docs/carbon-project.md, "Overlapping layers"; docs/gep.md).
GepTotals totalsOf(const GepParcels& parcels) {
    GepTotals t;
    for (const ParcelRow& row : parcels.rows) {
        const double share = row.accountedShare;
        const QString district = row.district.isEmpty() ? QStringLiteral("(none)") : row.district;
        t.areaByEcosystem[row.ecosystemName] += row.areaHa * share;
        forEachCounted(row, false, [&](const IndicatorResult& r, double factor) {
            if (r.skipped)
                return;
            const double v = r.valueYuan * factor;
            t.byService[r.key] += v;
            t.byCategory[categoryName(r.category)] += v;
            t.byEcosystem[row.ecosystemName] += v;
            t.byDistrict[district] += v;
            t.total += v;
            if (r.emission) {
                t.emissionTco2 += r.emission->value * factor;
                t.emissionYuan += r.emissionYuan * factor;
                t.emissionParcels++;
            }
        });
        forEachCounted(row, true, [&](const IndicatorResult& r, double factor) {
            if (r.skipped)
                return;
            const double v = r.valueYuan * factor;
            t.hasBase = true;
            t.baseByService[r.key] += v;
            t.baseByCategory[categoryName(r.category)] += v;
            t.baseByEcosystem[row.ecosystemName] += v;
            t.baseByDistrict[district] += v;
            t.baseTotal += v;
            if (r.emission)
                t.baseEmissionYuan += r.emissionYuan * factor;
        });
    }
    return t;
}

Table totalsTable(const GepTotals& t, const AccountSettings& a) {
    Table table = makeTable(
      "totals",
      "GEP totals",
      "GEP by category, service, ecosystem and district over the accounted parts of the parcels, with "
      "shares of the total; the emission of net carbon sources beside GEP; the total.",
      { text("group", "category, service, ecosystem, district, emission or total."),
        text("key", "The category, indicator key, ecosystem, district or 'gep'."),
        real("value_cny", "CNY", "Value per year, CNY/a."),
        real("share_pct", "%", "Share of GEP, %."),
        real("value_base_cny", "CNY", "Value at the base-year prices, CNY/a (with a price-year adjustment)."),
        real("quantity", "", "Quantity (emission: t CO2e/a)."),
        text("unit", "Unit of quantity."),
        text("profile", "Accounting profile."),
        text("price_year", "Price years of the prices used."),
        text("price_index", "Price index used."),
        text("climate_variant", "Climate-regulation variant (s1 or cop).") });
    auto at = [](const std::map<QString, double>& m, const QString& k) {
        const auto it = m.find(k);
        return it == m.end() ? 0.0 : it->second;
    };
    auto add = [&](const QString& group,
                   const QString& key,
                   double value,
                   double base,
                   std::optional<double> quantity,
                   const QString& unit,
                   bool share) {
        table.rows.push_back({ group,
                               key,
                               value,
                               !share ? QVariant() : QVariant(t.total != 0 ? value / t.total * 100.0 : 0.0),
                               t.hasBase ? QVariant(base) : QVariant(),
                               quantity ? QVariant(*quantity) : QVariant(),
                               unit,
                               a.profile,
                               a.priceYears,
                               a.priceIndex,
                               a.climateVariant });
    };
    for (const auto& [k, v] : t.byCategory)
        add(QStringLiteral("category"), k, v, at(t.baseByCategory, k), std::nullopt, QString(), true);
    for (const auto& [k, v] : t.byService)
        add(QStringLiteral("service"), k, v, at(t.baseByService, k), std::nullopt, QString(), true);
    for (const auto& [k, v] : t.byEcosystem)
        add(QStringLiteral("ecosystem"), k, v, at(t.baseByEcosystem, k), std::nullopt, QString(), true);
    for (const auto& [k, v] : t.byDistrict)
        add(QStringLiteral("district"), k, v, at(t.baseByDistrict, k), std::nullopt, QString(), true);
    // A net carbon source is an emission next to GEP (its own line, t CO2e and CNY), never inside it.
    add(QStringLiteral("emission"),
        QStringLiteral("carbon_emission"),
        t.emissionYuan,
        t.baseEmissionYuan,
        t.emissionTco2,
        QStringLiteral("t CO2e"),
        false);
    add(QStringLiteral("total"), QStringLiteral("gep"), t.total, t.baseTotal, std::nullopt, QString(), true);
    return table;
}

// ---- the ledger -------------------------------------------------------------------------------------

/// The GEP side of the ledger check (docs/carbon-project.md, "Ledger check"): the accounted area of the
/// rows = the union of the parcel layers, and GEP's carbon sequestration (t CO2/a) = the carbon flux the
/// parcels used × 44/12, both over accounted parts.
carbon::LedgerCheck gepLedgerCheck(const GepParcels& parcels) {
    carbon::LedgerCheck check;
    double areaHa = 0, fluxTCo2 = 0, gepTCo2 = 0;
    for (const ParcelRow& row : parcels.rows) {
        areaHa += row.areaHa * row.accountedShare;
        // The carbon run's flux of the accounted part: its own where the run computed the part, else the
        // whole parcel's × the share (as the carbon totals, accounted_change_t_<y1>_<y2>).
        if (row.accountedCarbonFluxTC)
            fluxTCo2 += *row.accountedCarbonFluxTC * carbon::kCo2PerC;
        else if (row.carbonFluxTC)
            fluxTCo2 += *row.carbonFluxTC * carbon::kCo2PerC * row.accountedShare;
        forEachCounted(row, false, [&](const IndicatorResult& r, double factor) {
            if (r.key != QLatin1String("carbon_sequestration") || r.skipped)
                return;
            // A net source is valued 0 with its loss as an emission beside GEP (docs/gep.md): the net
            // flux is the sequestration minus the emission.
            gepTCo2 += r.quantity.value * factor;
            if (r.emission)
                gepTCo2 -= r.emission->value * factor;
        });
    }
    if (parcels.ledger)
        check.add({ QStringLiteral("union_area"),
                    QStringLiteral("totals.csv"),
                    QStringLiteral("all"),
                    QString(),
                    QStringLiteral("area_ha"),
                    parcels.ledger->unionHa,
                    areaHa,
                    QStringLiteral("ha") });
    check.add({ QStringLiteral("gep_carbon"),
                QStringLiteral("totals.csv"),
                QStringLiteral("carbon_sequestration"),
                QString(),
                QStringLiteral("quantity_tco2_per_yr"),
                fluxTCo2,
                gepTCo2,
                QStringLiteral("t CO2/a") });
    return check;
}

// ---- provenance -------------------------------------------------------------------------------------

void addProvenance(GepRun& run, const GepInputs& inputs) {
    analysis::Provenance& p = run.results.provenance;
    const GepModel& model = inputs.model;
    p.analysis = QStringLiteral("gep");
    p.version = QCoreApplication::applicationVersion();
    std::map<QString, long long> uses;
    for (const ParcelRow& row : run.parcels->rows)
        uses[row.ecosystemKey]++;
    for (const auto& [key, price] : model.prices.all())
        p.parameters.push_back({ QStringLiteral("gep/prices"),
                                 price.file,
                                 price.line,
                                 key,
                                 QStringLiteral("%1 %2").arg(price.yuanPerUnit).arg(price.unitText()),
                                 params::tagName(price.tag),
                                 price.source,
                                 params::isFlagged(price.tag),
                                 0 });
    p.parameters.push_back({ QStringLiteral("gep/profiles"),
                             QString(),
                             0,
                             model.profile.id,
                             QString(),
                             params::tagName(model.profile.tag),
                             model.profile.source,
                             params::isFlagged(model.profile.tag),
                             (long long)run.parcels->rows.size() });
    for (const auto& [key, eco] : model.ecosystems)
        if (uses.count(key))
            p.parameters.push_back({ QStringLiteral("gep/ecosystem_params"),
                                     QString(),
                                     0,
                                     key,
                                     eco.name,
                                     params::tagName(eco.tag),
                                     eco.source,
                                     params::isFlagged(eco.tag),
                                     uses.at(key) });
    const AccountSettings& a = inputs.account;
    const QString src = a.origin;
    for (const auto& [key, value, unit] : std::vector<std::tuple<const char*, QString, const char*>>{
           { "gep.profile", a.profile, "" },
           { "gep.price_set", a.priceSet, "" },
           { "gep.price_year", a.priceYears, "year" },
           { "gep.base_price_year", a.baseYears, "year" },
           { "gep.price_index", a.priceIndex, "" },
           { "gep.climate_variant", a.climateVariant, "" },
           { "gep.ac_days", a.acDays, "day" },
           { "gep.slope_length_m", a.slopeLength, "m" } })
        p.settings.push_back({ QString::fromLatin1(key), value, QString::fromLatin1(unit), src });
}

} // namespace

void addResultTables(GepRun& run, const GepInputs& inputs) {
    const GepParcels& parcels = *run.parcels;
    run.totals = totalsOf(parcels);
    run.ledgerCheck = gepLedgerCheck(parcels);
    for (const ParcelRow& r : parcels.rows) {
        run.parcelsByLayer[r.layer]++;
        for (const IndicatorResult& x : r.results)
            if (x.skipped) {
                auto& entry = run.skippedByIndicator[x.key];
                entry.first++;
                if (!entry.second.contains(x.reason))
                    entry.second << x.reason;
            }
    }
    analysis::ResultSet& rs = run.results;
    rs.analysis = QStringLiteral("gep");
    rs.addTable(indicatorsTable(run.parcels));
    rs.addTable(skippedTable(parcels));
    for (Table& t : parcelTables(run.parcels, inputs.model.profile))
        rs.addTable(std::move(t));
    rs.addTable(pricesTable(inputs.model));
    rs.addTable(totalsTable(run.totals, inputs.account));
    rs.addTable(runSettingsTable(inputs.account));
    if (parcels.ledger)
        rs.addTable(carbon::overlapsTable(*parcels.ledger)); // the carbon run's table and columns
    rs.addTable(carbon::ledgerCheckTable(run.ledgerCheck));
    addProvenance(run, inputs);
}

Table scenarioDiffTable(const GepParcels& baseline, const GepParcels& scenario) {
    Table t = makeTable("scenario_diff",
                        "Scenario against baseline",
                        "GEP per parcel of the baseline and of the scenario, and the difference.",
                        { text("layer", "Parcel layer id."),
                          text("parcel_id", "Parcel id."),
                          real("baseline_gep_cny", "CNY", "GEP of the baseline, CNY/a."),
                          real("scenario_gep_cny", "CNY", "GEP of the scenario, CNY/a."),
                          real("difference_cny", "CNY", "Scenario minus baseline, CNY/a.") });
    std::map<std::pair<QString, QString>, std::pair<double, double>> diff;
    for (const ParcelRow& r : baseline.rows)
        diff[{ r.layer, r.id }].first = totalValue(r.results);
    for (const ParcelRow& r : scenario.rows)
        diff[{ r.layer, r.id }].second = totalValue(r.results);
    for (const auto& [key, v] : diff)
        t.rows.push_back({ key.first, key.second, v.first, v.second, v.second - v.first });
    return t;
}

} // namespace tanhui::models::gep
