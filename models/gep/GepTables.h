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
/// cod_kg_ha, nh3n_kg_ha, tp_kg_ha, et_hot_mm_d, water_conservation (0/1); source, tag.
const params::TableSpec& ecosystemTableSpec();
/// `constants.csv`: key, value, unit, source, tag (λ, ρ, C_N, C_P, COP, q, γ, reservoir share, ...).
const params::TableSpec& constantsTableSpec();
/// `deflators.csv` (user-supplied; no default ships, §5.3): key = year; cpi, construction, market
/// (price levels of the year, any base); source, tag.
const params::TableSpec& deflatorTableSpec();

/// Built-in price profiles: id → default file under :/parameters/gep/ (e.g. "P0_RCEES2010").
QStringList priceProfileIds();
QString priceProfilePath(const QString& id);

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

/// Ecosystem coefficients by key from a loaded table.
std::map<QString, EcosystemParams> ecosystemsFromTable(const params::ParameterTable& table);

/// Constants from a loaded table (known keys; unknown keys are warnings).
Constants constantsFromTable(const params::ParameterTable& table, params::Issues& issues);

/// @brief Price-year adjustment (§5.3): p_t = p_base × I_t / I_base with the index series named by the
/// price's `index_series`. Throws UnitError naming the deflator file, the series and the missing year.
Price adjustPriceYear(const Price& price, int targetYear, const params::ParameterTable& deflators);

} // namespace tanhui::models::gep
