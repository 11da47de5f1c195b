// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/ColorRamp.h"
#include "render/VectorStyle.h"

#include <QColor>
#include <QString>

#include <cstddef>
#include <vector>

namespace tanhui::render {

class VectorSource;

/// @brief One distinct value of a field and how many features have it (a categorised style's row).
struct ValueCount {
    QString value; ///< as VectorStyle::symbolFor compares it (QVariant::toString; null gives "")
    std::size_t count = 0;
};

/// @brief True for OGR's integer and real field types ("Integer", "Integer64", "Real"): the fields a
/// graduated style can use.
bool isNumericField(const QString& typeName);

/// @brief The distinct values of field `field` (index in the source's fields) with their counts:
/// numeric fields in numeric order, others in text order, an empty value (null) first.
std::vector<ValueCount> uniqueValues(const VectorSource& source, int field);

/// @brief The finite numeric values of field `field`, one per feature that has one (nulls and text
/// that is not a number left out), in feature order.
std::vector<double> numericValues(const VectorSource& source, int field);

/// @brief How many of `values` each range takes, by VectorStyle's rule (lower < v ≤ upper; the first
/// range also takes its lower limit).
std::vector<std::size_t> rangeCounts(const std::vector<VectorRange>& ranges,
                                     const std::vector<double>& values);

/// @brief Colour `i` of a qualitative palette for categories: twelve distinct colours (after
/// ColorBrewer's Set3 and Paired), then hues a golden angle apart.
QColor qualitativeColor(std::size_t i);

/// @brief Categories for `values`, in their order, coloured along qualitativeColor, each with the
/// outline of `base`; labelled with the value ("(no value)" text is the caller's: empty stays empty).
std::vector<VectorCategory> categoriesFor(const std::vector<ValueCount>& values, const FillSymbol& base);

/// @brief True when `ramp` is its built-in ramp (ColorRamp::named(ramp.id)) reversed.
bool isReversedNamedRamp(const ColorRamp& ramp);

/// @brief Decimals for class limits spanning `span` (max − min): enough for about three significant
/// digits of the span, between 0 and 4 (300 t C/ha → 0, 1.0 → 2, 0.05 → 4).
int limitDecimals(double span);

} // namespace tanhui::render
