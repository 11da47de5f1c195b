// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/gep/Indicators.h"
#include "models/params/ParameterTable.h"

namespace tanhui::models::gep {

// Parameter files of the GEP engine (gep-methods.md §11 item 4), loaded with models/params so that
// every problem names the file, row and column. Defaults are embedded under :/parameters/gep/.

/// `prices_<id>.csv`: key, value, unit ("CNY/<basis>"), basis (m3, t, t C, t CO2, t O2, kWh, ha, ...),
/// price_year, index_series (cpi | construction | market, for §5.3), source, tag.
const params::TableSpec& priceTableSpec();
/// `profiles.csv`: key = profile id; one 0/1 column per registry indicator; include_vegetation_flood,
/// water_cop_divides_cooling; source, tag.
const params::TableSpec& profileTableSpec();
/// `ecosystem_params.csv`: key = land-cover code; ecosystem, group, pest_group, climate_form text
/// columns; runoff_coef, storm_runoff_coef (fractions), storage_depth_m, so2_kg_ha, nox_kg_ha, dust_t_ha,
/// cod_kg_ha, nh3n_kg_ha, tp_kg_ha, et_hot_mm_d, water_conservation (0/1); ecosystem_types (canonical
/// parcel types that map to the row, ';'-separated); source, tag.
const params::TableSpec& ecosystemTableSpec();
/// `constants.csv`: key, value, unit, source, tag (λ, ρ, C_N, C_P, COP, q, γ, reservoir share, ...).
const params::TableSpec& constantsTableSpec();
/// Price index table (gep-methods.md §5.3): key = year; per series (cpi, construction, market) either
/// a price level (columns cpi, construction, market; any base) or a year-on-year index with the previous
/// year = 100 (cpi_yoy, construction_yoy, market_yoy; chained); source, tag. The shipped table
/// (gep/price_index.csv) holds the NBS national CPI, tagged unconfirmed until transcribed.
const params::TableSpec& deflatorTableSpec();
/// ":/parameters/gep/price_index.csv"
QString priceIndexPath();

/// @brief Declarations of the scalar settings of a GEP run given on the command line (unit, valid and
/// usual range, whole number), ids = CLI option names: "slope-length" (m, §4.3), "ac-days" (day,
/// §4.10), "seawall-cost" (CNY/m, §4.12), "seawall-life" (year, §4.12), "price-year" (year, §5.3).
const std::vector<params::ParameterSpec>& runParameters();
/// The declaration with `id`; throws std::invalid_argument when unknown.
const params::ParameterSpec& runParameter(const char* id);

/// One index row used by an adjustment.
struct IndexRowUse {
    QString file;
    int line = 0;
    int year = 0;
    params::Tag tag = params::Tag::User;
};

/// I_target / I_base of one series with the rows it was computed from.
struct IndexRatio {
    QString series;
    QString file;
    double factor = 1;
    double baseLevel = 100, targetLevel = 100;
    std::vector<IndexRowUse> rows;
    /// "price_index.csv:3 2011 (unconfirmed); ..."
    QString rowsText() const;
};

/// @brief I_t / I_base of `series` from levels when the table has them, else by chaining the
/// year-on-year column `<series>_yoy` over base+1..target (inverted when target < base). Throws
/// UnitError naming the table file, the series and the missing year (or the missing series).
IndexRatio indexRatio(const params::ParameterTable& table,
                      const QString& series,
                      int baseYear,
                      int targetYear);

/// Built-in price sets: id → default file under :/parameters/gep/ (e.g. "P0_RCEES2010"). The derived
/// sets P0_CPI2020 and P0_CPI2024 are P0 adjusted at run time by the shipped CPI (every series; their
/// flag comes from the index rows' tags): derivedPriceYear() gives their year, 0 for a shipped file.
QStringList priceProfileIds();
QString priceProfilePath(const QString& id);
int derivedPriceYear(const QString& id);

/// @brief Prices from a loaded table. Checks each row: a known basis, a `unit` that agrees with it
/// ("CNY/t C" for basis t C), a non-empty source (the app refuses to run without one, "How the app
/// should use this" item 5). Problems are appended to `issues` with file, row and column.
PriceSet pricesFromTable(const params::ParameterTable& table, params::Issues& issues);

/// @brief A user price file (`--prices`) applied over `base`: each row must carry value, unit, basis,
/// price_year and a source (rows without a source are errors); its rows get tag User unless the file
/// gives a tag.
params::Issues overridePrices(PriceSet& base, const QString& path);

/// The profile with `id` from a loaded profiles table; an issue naming the known profiles otherwise.
std::optional<Profile> profileFromTable(const params::ParameterTable& table,
                                        const QString& id,
                                        params::Issues& issues);

/// @brief The ecosystem row for a canonical parcel type (e.g. "mangrove" from a layer's mapped
/// ecosystem_type field): a row whose key (land-cover code) or name equals it, or whose
/// `ecosystem_types` column lists it; empty when none does.
QString ecosystemKeyForType(const std::map<QString, EcosystemParams>& ecosystems, const QString& type);

/// Ecosystem coefficients by key from a loaded table (`ecosystem_types`: canonical parcel types,
/// ';'-separated).
std::map<QString, EcosystemParams> ecosystemsFromTable(const params::ParameterTable& table);

/// Constants from a loaded table (known keys; unknown keys are warnings).
Constants constantsFromTable(const params::ParameterTable& table, params::Issues& issues);

/// @brief Price-year adjustment (§5.3): p_t = p_base × I_t / I_base with the index series named by the
/// price's `index_series` (cpi when empty). When the table lacks that series altogether and
/// `fallbackSeries` is given, the fallback is used and the price is flagged unconfirmed; with
/// `forceFallback` the fallback is used for every price. The result records the series and the index
/// rows used (Price::indexRows); a flagged index row flags the price. Throws UnitError naming the
/// price, the index table, the series and the missing year.
Price adjustPriceYear(const Price& price,
                      int targetYear,
                      const params::ParameterTable& deflators,
                      const QString& fallbackSeries = {},
                      bool forceFallback = false);

} // namespace tanhui::models::gep
