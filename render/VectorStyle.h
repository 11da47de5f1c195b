// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/Classification.h"
#include "render/ColorRamp.h"

#include <QColor>
#include <QString>
#include <QVariant>

#include <vector>

namespace tanhui::render {

/// @brief A polygon symbol: fill and outline (width in mm, as QGIS).
struct FillSymbol {
    QColor fill = QColor(190, 207, 80);
    QColor stroke = QColor(35, 35, 35);
    double strokeWidthMm = 0.26;
};

/// @brief One category of a categorised style: features whose field equals `value`.
struct VectorCategory {
    QString value; ///< the field value as text (numbers as written by QVariant::toString)
    QString label;
    FillSymbol symbol;
};

/// @brief One class of a graduated style: lower < value ≤ upper (the first class includes its lower).
struct VectorRange {
    double lower = 0, upper = 0;
    QString label;
    FillSymbol symbol;
};

/// @brief How a polygon layer is drawn (QGIS's single symbol, categorised and graduated renderers).
struct VectorStyle {
    enum class Kind { Single, Categorized, Graduated };
    Kind kind = Kind::Single;
    FillSymbol symbol; ///< Single; also features no category or class takes (when drawOthers)
    QString field;     ///< Categorized and Graduated: the attribute
    std::vector<VectorCategory> categories;
    std::vector<VectorRange> ranges;
    bool drawOthers = false; ///< draw features without a category or class with `symbol`
    QString labelField;      ///< empty: no labels
    double labelSizePt = 8;
    QColor labelColor = QColor(20, 20, 20);
    double opacity = 1.0; ///< 0…1

    /// The symbol of a feature whose style field has `value` (ignored for Single); null when the
    /// feature is not drawn.
    const FillSymbol* symbolFor(const QVariant& value) const;
};

/// @brief The class of `v` among graduated `ranges`: the first with lower < v ≤ upper (the first range
/// also takes v = its lower limit); −1 for none. The rule VectorStyle::symbolFor draws by and the styling
/// dock counts by.
int rangeIndex(const std::vector<VectorRange>& ranges, double v);

/// @brief A graduated style's classes for `values` (e.g. t C/ha of every parcel): limits by `method`,
/// colours along `ramp` (class i at (i + 0.5) / n), labels "lower – upper" with `decimals`. For a
/// diverging ramp on changes pass symmetricAroundZero: the ramp's middle then falls on 0, and 0 is a class
/// limit whenever the values span it (one more class), so no class mixes losses and gains.
std::vector<VectorRange> graduatedRanges(const std::vector<double>& values,
                                         int classes,
                                         ClassMethod method,
                                         const ColorRamp& ramp,
                                         int decimals = 1,
                                         bool symmetricAroundZero = false);

} // namespace tanhui::render
