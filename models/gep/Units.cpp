// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/gep/Units.h"

#include "models/carbon/Valuation.h"

#include <QCoreApplication>

namespace tanhui::models::gep {

namespace {

struct Gep {
    Q_DECLARE_TR_FUNCTIONS(Gep)
};

[[noreturn]] void fail(const QString& message) {
    throw UnitError(message.toStdString());
}

} // namespace

QString unitSymbol(Unit unit) {
    switch (unit) {
        case Unit::None:
            return {};
        case Unit::Millimetre:
            return QStringLiteral("mm");
        case Unit::SquareMetre:
            return QStringLiteral("m2");
        case Unit::Hectare:
            return QStringLiteral("ha");
        case Unit::CubicMetre:
            return QStringLiteral("m3");
        case Unit::Metre:
            return QStringLiteral("m");
        case Unit::Kilometre:
            return QStringLiteral("km");
        case Unit::Tonne:
            return QStringLiteral("t");
        case Unit::TonneC:
            return QStringLiteral("t C");
        case Unit::TonneCO2:
            return QStringLiteral("t CO2");
        case Unit::TonneO2:
            return QStringLiteral("t O2");
        case Unit::KilowattHour:
            return QStringLiteral("kWh");
        case Unit::Visit:
            return QStringLiteral("visit");
        case Unit::Yuan:
            return QStringLiteral("CNY");
    }
    return {};
}

bool parseUnit(const QString& text, Unit& unit) {
    QString t = text.trimmed().toLower();
    t.remove(QLatin1Char(' '));
    t.remove(QLatin1Char('_'));
    t.replace(QStringLiteral("²"), QStringLiteral("2"));
    t.replace(QStringLiteral("³"), QStringLiteral("3"));
    t.replace(QStringLiteral("₂"), QStringLiteral("2"));
    static const struct {
        const char* text;
        Unit unit;
    } table[] = {
        { "", Unit::None },          { "1", Unit::None },         { "ratio", Unit::None },
        { "mm", Unit::Millimetre },  { "m2", Unit::SquareMetre }, { "ha", Unit::Hectare },
        { "m3", Unit::CubicMetre },  { "m", Unit::Metre },        { "km", Unit::Kilometre },
        { "t", Unit::Tonne },        { "tc", Unit::TonneC },      { "tco2", Unit::TonneCO2 },
        { "tco2e", Unit::TonneCO2 }, { "to2", Unit::TonneO2 },    { "kwh", Unit::KilowattHour },
        { "visit", Unit::Visit },    { "visits", Unit::Visit },   { "cny", Unit::Yuan },
        { "yuan", Unit::Yuan },
    };
    for (const auto& row : table) {
        if (t == QLatin1String(row.text)) {
            unit = row.unit;
            return true;
        }
    }
    if (t == QStringLiteral("元")) {
        unit = Unit::Yuan;
        return true;
    }
    return false;
}

QString Price::unitText() const {
    const QString b = unitSymbol(basis);
    return b.isEmpty() ? QStringLiteral("CNY") : QStringLiteral("CNY/") + b;
}

void requireUnit(const Quantity& q, Unit expected, const char* what) {
    if (q.unit != expected)
        fail(Gep::tr("%1 is in '%2' but '%3' is required; convert it first.")
               .arg(QString::fromUtf8(what), unitSymbol(q.unit), unitSymbol(expected)));
}

Quantity toSquareMetres(const Quantity& area) {
    if (area.unit == Unit::SquareMetre)
        return area;
    if (area.unit == Unit::Hectare)
        return { area.value * 1e4, Unit::SquareMetre };
    fail(Gep::tr("an area must be in m2 or ha, not '%1'.").arg(unitSymbol(area.unit)));
}

Quantity toHectares(const Quantity& area) {
    if (area.unit == Unit::Hectare)
        return area;
    if (area.unit == Unit::SquareMetre)
        return { area.value * 1e-4, Unit::Hectare };
    fail(Gep::tr("an area must be in m2 or ha, not '%1'.").arg(unitSymbol(area.unit)));
}

Quantity waterVolume(const Quantity& depth, const Quantity& area) {
    requireUnit(depth, Unit::Millimetre, "water depth");
    // gep-methods.md §0.4: mm × m² × 10⁻³ = m³ (S9 forgot the 10⁻³ and reported litres, §4.2).
    return { depth.value * toSquareMetres(area).value * 1e-3, Unit::CubicMetre };
}

Quantity co2FromCarbon(const Quantity& carbon) {
    requireUnit(carbon, Unit::TonneC, "carbon");
    return { carbon.value * carbon::kCo2PerC, Unit::TonneCO2 };
}

Quantity o2FromCo2(const Quantity& co2) {
    requireUnit(co2, Unit::TonneCO2, "carbon dioxide");
    return { co2.value * 32.0 / 44.0, Unit::TonneO2 };
}

Price carbonPricePerTco2(const Price& price) {
    if (price.basis == Unit::TonneCO2)
        return price;
    if (price.basis != Unit::TonneC)
        fail(Gep::tr("price '%1' is quoted per '%2'; a carbon price must be per t C or per t CO2.")
               .arg(price.key, unitSymbol(price.basis)));
    Price out = price;
    out.yuanPerUnit = price.yuanPerUnit * 12.0 / 44.0; // §4.8, §6.4 test 3
    out.basis = Unit::TonneCO2;
    out.note = Gep::tr("converted from %1 CNY/t C × 12/44").arg(price.yuanPerUnit, 0, 'g', 10);
    return out;
}

double valueOf(const Quantity& q, const Price& price) {
    if (q.unit != price.basis) {
        if ((q.unit == Unit::TonneCO2 && price.basis == Unit::TonneC) ||
            (q.unit == Unit::TonneC && price.basis == Unit::TonneCO2))
            fail(Gep::tr("price '%1' is quoted in %2 but the quantity is in %3: a price per t C must not "
                         "be applied to t CO2 (gep-methods.md §4.8); convert the price with × 12/44 or "
                         "give it per %3.")
                   .arg(price.key, price.unitText(), unitSymbol(q.unit)));
        fail(Gep::tr("price '%1' is quoted in %2 but the quantity is in %3; fix the 'basis' of the price.")
               .arg(price.key, price.unitText(), unitSymbol(q.unit)));
    }
    return q.value * price.yuanPerUnit;
}

} // namespace tanhui::models::gep
