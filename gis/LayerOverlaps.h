// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Geometry.h"

#include <cstddef>
#include <utility>
#include <vector>

namespace tanhui::gis {

class Feedback;

/// @brief One parcel layer for accountedAreas(): its parcels' geometries and full ellipsoidal areas
/// (m², as ParcelReader measured them), aligned.
struct OverlapLayer {
    std::vector<const MultiPolygon*> geometries;
    std::vector<double> ellipsoidalAreasM2;
};

/// @brief Area of ground two layers share: higher ∩ lower (m², ellipsoidal), indices into the layers
/// as given to accountedAreas() (higher < lower: the higher one has precedence).
struct LayerPairOverlap {
    std::size_t higher = 0, lower = 0;
    double areaM2 = 0;
};

/// @brief The ledger of ground among overlapping parcel layers.
struct AccountedAreas {
    /// Per layer, per parcel: the part of the parcel that no parcel of a higher layer covers (m²,
    /// ellipsoidal). Equal to the full area for a parcel that overlaps no higher layer.
    std::vector<std::vector<double>> accountedM2;
    /// Every pair (higher < lower), in order (0,1), (0,2), ..., (1,2), ...; zero when they do not
    /// overlap.
    std::vector<LayerPairOverlap> pairs;
    /// Per layer, the accounted parts of the parcels that higher layers cover in part (0 < accounted
    /// area < full area): (parcel index, the parcel minus the higher layers' parcels), ascending
    /// indices. Parcels covered wholly or not at all have none (their part is nothing or the parcel).
    std::vector<std::vector<std::pair<std::size_t, MultiPolygon>>> partialParts;
    double unionM2 = 0;  ///< Σ accounted areas: the area of the union of the layers (m²)
    double summedM2 = 0; ///< Σ full areas (m²)
};

/// @brief Removes, exactly, the ground of higher layers from lower ones: `layers` are in precedence
/// order (index 0 first). Each parcel's accounted part is the parcel minus the union of the parcels
/// of all earlier layers (GEOS difference; candidates from a GEOS STRtree on bounding boxes), its
/// area measured with the same densified geodesic area as ParcelReader (so a parcel nothing overlaps
/// keeps its area bit for bit). A pair's overlap is Σ over the lower layer's parcels of the area they
/// share with the higher layer's parcels. Parcels of one layer are taken not to overlap each other (a
/// layer is a partition of its ground); their overlaps within a layer are not removed.
/// All layers must be valid polygons in `crs`. Throws GisError(Geometry) naming the layer and parcel
/// when GEOS fails, GisError(Crs) when areas cannot be measured, CancelledError.
AccountedAreas accountedAreas(const std::vector<OverlapLayer>& layers,
                              const Crs& crs,
                              Feedback* feedback = nullptr);

} // namespace tanhui::gis
