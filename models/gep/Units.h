// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/params/Parameter.h"

#include <QString>

#include <stdexcept>

namespace tanhui::models::gep {

/// @brief Physical units of GEP quantities (gep-methods.md §0.4, §11 item 5). Every quantity and every
/// price carries one; the only way to combine units is through the named conversions below, so the
/// traps of §10.2 (mm × m² without 10⁻³, a per-t-C price applied to t CO2) cannot be written.
enum class Unit {
    None,       ///< dimensionless (ratios, coefficients)
    Millimetre, ///< mm (depth of water per year)
    SquareMetre,
    Hectare,
    CubicMetre,
    Metre,
    Kilometre,
    Tonne,    ///< t of a pollutant, soil or product
    TonneC,   ///< t C (carbon)
    TonneCO2, ///< t CO2
    TonneO2,  ///< t O2
    KilowattHour,
    Visit, ///< 人次
    Yuan,  ///< CNY of the price year
};

/// Unit symbol as written in CSV files and outputs: "mm", "m2", "ha", "m3", "m", "km", "t", "t C",
/// "t CO2", "t O2", "kWh", "visit", "CNY", "" (None).
QString unitSymbol(Unit unit);
/// Parses a symbol (case-insensitive; "m²", "m³", "tC", "tCO2", "t_C", "yuan", "元" are accepted).
/// Returns false when unknown.
bool parseUnit(const QString& text, Unit& unit);

/// @brief A unit mismatch or a bad value at a unit boundary. The message names the operation, the
/// units involved and what to do.
class UnitError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// @brief A value with its unit.
struct Quantity {
    double value = 0;
    Unit unit = Unit::None;
};

/// @brief A unit price: CNY per one `basis` unit of the price year, with provenance (gep-methods.md
/// "How the app should use this" item 1: value, unit, basis, price_year, source, tag).
struct Price {
    QString key; ///< e.g. "reservoir_cost"
    double yuanPerUnit = 0;
    Unit basis = Unit::None; ///< the unit the price is quoted per (t C vs t CO2 matters, §4.8)
    int priceYear = 0;
    QString source;
    params::Tag tag = params::Tag::User;
    QString indexSeries; ///< price level used for the price-year adjustment (§5.3): cpi, construction, market
    QString file;        ///< where the row was read
    int line = 0;
    QString note;      ///< e.g. "converted from 1200 CNY/t C × 12/44"
    QString indexRows; ///< price-index rows used by a price-year adjustment, with their tags

    /// "CNY/t CO2" etc.
    QString unitText() const;
};

/// Throws UnitError unless q.unit == expected. `what` names the input (e.g. "precipitation").
void requireUnit(const Quantity& q, Unit expected, const char* what);

/// Area conversions (1 ha = 10⁴ m²).
Quantity toSquareMetres(const Quantity& area);
Quantity toHectares(const Quantity& area);

/// @brief The one conversion of a water depth over an area into a volume (§0.4: mm × m² × 10⁻³ = m³).
/// `depth` must be mm, `area` m² or ha. There is no other way to obtain m³ from mm.
Quantity waterVolume(const Quantity& depth, const Quantity& area);

/// t C → t CO2 (× 44/12 exactly, §0.4).
Quantity co2FromCarbon(const Quantity& carbon);
/// t CO2 → t O2 (× 32/44, §4.9: O2 is derived from the same CO2 figure).
Quantity o2FromCo2(const Quantity& co2);

/// @brief A price per t C expressed per t CO2: × 12/44 (§4.8, §6.4 test 3: 1200 CNY/t C → 327.27 CNY/t
/// CO2). The only way to change a carbon price basis. A price already per t CO2 is returned unchanged.
Price carbonPricePerTco2(const Price& price);

/// @brief Value (CNY) of a quantity at a price. Throws UnitError when q.unit differs from the price
/// basis (e.g. t CO2 at a price per t C), naming the price key, both units and the fix.
double valueOf(const Quantity& q, const Price& price);

} // namespace tanhui::models::gep
