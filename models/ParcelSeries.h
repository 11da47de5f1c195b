// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Geometry.h"
#include "gis/ZonalStats.h"

#include <QString>

#include <vector>

namespace tanhui::gis {
class Feedback;
}

namespace tanhui::models {

class Project;

/// @brief One dated raster band of a parcel's time series.
struct SeriesInput {
    enum class Kind { Continuous, Classes };
    QString id;   ///< project layer id
    QString path; ///< absolute
    int band = 1;
    int year = 0;
    Kind kind = Kind::Continuous;
    QString units; ///< e.g. "NDVI", "class"
};

/// @brief The dated rasters of a project a parcel's series is drawn from, by year: every "ndvi" layer
/// (continuous) and every "landcover" layer (classes) with a year, ascending. Paths absolute
/// (Project::resolve).
std::vector<SeriesInput> projectSeriesInputs(const Project& project);

/// @brief A parcel's statistics on one dated band.
struct SeriesPoint {
    int year = 0;
    double mean = 0;                      ///< coverage-weighted mean (continuous; NaN when nothing valid)
    double validShare = 0;                ///< share of the parcel's covered area with valid cells (0–1)
    std::vector<gis::ClassTotal> classes; ///< classes: true areas per class (m²)
    double validAreaM2 = 0;
};

/// @brief A parcel's series: continuous values by year (e.g. NDVI) and class areas by year (land cover).
struct ParcelSeries {
    std::vector<SeriesPoint> continuous;
    std::vector<SeriesPoint> classes;
};

/// @brief The exact, coverage-weighted statistics of one parcel (`geometry` in `crs`, which must be valid)
/// on every input (gis::runZonal: its coverage computed once per grid, reused for every date), as the
/// carbon and zonal runs compute them. Throws GisError naming the raster, CancelledError.
ParcelSeries parcelSeries(const gis::MultiPolygon& geometry,
                          const gis::Crs& crs,
                          const std::vector<SeriesInput>& inputs,
                          gis::Feedback* feedback = nullptr);

} // namespace tanhui::models
