// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Geometry.h"

#include <vector>

namespace tanhui::gis {

class Feedback;

/// @brief The zone a parcel overlaps most, and by how much (planar, in the layers' CRS units).
struct ZoneOverlap {
    int zone = -1;          ///< index into the zones; -1 when the parcel overlaps no zone
    double overlapArea = 0; ///< area of parcel ∩ zone (squared CRS units)
    double share = 0;       ///< overlapArea / parcel area (0–1); 0 when the parcel has no area
};

/// @brief For each parcel, the zone with the largest exact intersection area (GEOS, re-entrant API):
/// used to put every parcel into one district. A parcel straddling two zones goes to the one holding
/// the larger part; equal overlaps go to the lower zone index, so the result is deterministic. Parcels
/// and zones must be valid polygons in the same CRS (ParcelReader output; areas are planar, which is
/// the right comparison for a projected CRS and a close one for small parcels in a geographic CRS).
/// Zones are compared with parcels' bounding boxes first. Throws CancelledError (checked per parcel),
/// GisError(Geometry) when GEOS fails on a parcel (the message names its index).
std::vector<ZoneOverlap> assignLargestOverlap(const std::vector<MultiPolygon>& parcels,
                                              const std::vector<MultiPolygon>& zones,
                                              Feedback* feedback = nullptr);

} // namespace tanhui::gis
