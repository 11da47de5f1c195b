// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/gui/LayerEntry.h"
#include "gis/Crs.h"
#include "render/VectorSource.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <vector>

namespace tanhui::gui {

/// @brief What a result layer on the map shows (issue 13, "The result layer is added to the map").
enum class ResultQuantity {
    StockDensity, ///< carbon stock density of the last date, t C/ha (sequential "carbon" ramp)
    Change,       ///< change over the longest interval, t CO2e/ha (diverging ramp centred on 0)
    GepPerHa,     ///< GEP per hectare, CNY/ha (GEP parcels_<layer>.gpkg)
    /// a restoration plan's carbon difference per parcel at its horizon, plan − baseline, t C
    /// (plan_parcels.gpkg; diverging ramp centred on 0)
    PlanDifference,
};

/// @brief How a result GeoPackage is drawn: the attribute (a derived one for the change per hectare),
/// its unit, and whether the ramp diverges around zero.
struct ResultLayerField {
    QString field; ///< e.g. "c_total_t_per_ha_2024", "change_tco2e_per_ha_2015_2024", "gep_cny_per_ha"
    QString unit;  ///< "t C/ha", "t CO2e/ha", "CNY/ha"
    QString title; ///< translated, e.g. "Carbon density 2024 (t C/ha)"
    bool diverging = false;
    /// Change: the per-parcel columns divided (change_tco2e_<a>_<b> / area_ha); empty otherwise.
    QString numerator, denominator;
};

/// @brief The field `quantity` is drawn from on a result layer with fields `fields`: the last
/// c_total_t_per_ha_<year>, the change_tco2e_<a>_<b> of the longest interval (per ha of area_ha), or
/// gep_cny_per_ha. Empty `field` when the layer has none.
ResultLayerField resultLayerField(const QStringList& fields, ResultQuantity quantity);

/// @brief Loads a carbon parcels.gpkg or a GEP parcels_<layer>.gpkg as a map layer (LayerLoader's entry,
/// drawn in `mapCrs`) with the graduated style of `quantity`: render::resultLayerStyle's natural-breaks
/// classes (the report's and the QGIS styles' choice: "carbon" ramp for densities, "diverging" centred on
/// zero for changes; GEP on the report's "viridis"), legend labels in the unit, thin outlines. The
/// change per hectare is added to the drawn source as a derived field. Of a carbon parcel's rows (one per
/// method) only the primary one is drawn: the others' drawn value is null. Throws gis::GisError naming the
/// file when it cannot be read or has no field for `quantity`.
LayerEntry loadResultLayer(const QString& gpkg, ResultQuantity quantity, const gis::Crs& mapCrs);

/// @brief The parcels (project layer id → source FIDs) that `features` of `source` are: read from its
/// "layer" and "source_fid" fields (a carbon result layer), else `projectId` with the features' FIDs.
std::vector<std::pair<QString, QList<qint64>>> parcelsOfFeatures(const render::VectorSource& source,
                                                                 const QString& projectId,
                                                                 const std::vector<std::uint32_t>& features);

/// @brief The features (ascending) of `source` that are the parcels `fids` of project layer `layer`;
/// `handled` tells whether `source` holds parcels of that layer at all (so a selection there is replaced).
std::vector<std::uint32_t> featuresOfParcels(const render::VectorSource& source,
                                             const QString& projectId,
                                             const QString& layer,
                                             const QList<qint64>& fids,
                                             bool* handled = nullptr);

} // namespace tanhui::gui
