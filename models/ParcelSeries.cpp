// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ParcelSeries.h"

#include "gis/Errors.h"
#include "gis/ParcelReader.h"
#include "gis/ZonalEngine.h"
#include "models/project/Project.h"

#include <algorithm>
#include <limits>

namespace tanhui::models {

std::vector<SeriesInput> projectSeriesInputs(const Project& project) {
    std::vector<SeriesInput> out;
    for (const ProjectLayer& l : project.layers) {
        if (l.kind != QLatin1String("raster") || l.year <= 0)
            continue;
        SeriesInput in;
        if (l.role == QLatin1String("ndvi"))
            in.kind = SeriesInput::Kind::Continuous;
        else if (l.role == QLatin1String("landcover"))
            in.kind = SeriesInput::Kind::Classes;
        else
            continue;
        in.id = l.id;
        in.path = project.resolve(l.path);
        in.year = l.year;
        in.units = in.kind == SeriesInput::Kind::Classes ? QStringLiteral("class") : l.units;
        out.push_back(std::move(in));
    }
    std::stable_sort(
      out.begin(), out.end(), [](const SeriesInput& a, const SeriesInput& b) { return a.year < b.year; });
    return out;
}

ParcelSeries parcelSeries(const gis::MultiPolygon& geometry,
                          const gis::Crs& crs,
                          const std::vector<SeriesInput>& inputs,
                          gis::Feedback* feedback) {
    ParcelSeries series;
    if (inputs.empty())
        return series;
    if (!crs.isValid())
        throw gis::GisError(gis::GisError::Kind::Crs, "The parcel has no coordinate reference system.");
    gis::ParcelSet set;
    set.crs = crs;
    gis::Parcel parcel;
    parcel.fid = 0;
    parcel.geometry = geometry;
    // True areas: the engine scales planar cell areas by ellipsoidal / planar area of the parcel.
    gis::MultiPolygon lonLat = geometry;
    if (!crs.isGeographic()) {
        parcel.planarAreaM2 = geometry.planarArea() * crs.linearUnitMetres() * crs.linearUnitMetres();
        gis::CoordinateTransform(crs, crs.geographic()).transform(lonLat);
    }
    parcel.ellipsoidalAreaM2 = gis::ellipsoidalAreaM2(lonLat, crs.semiMajorMetres(), crs.flattening());
    set.parcels.push_back(std::move(parcel));

    std::vector<gis::ZonalBand> bands;
    for (const SeriesInput& in : inputs) {
        gis::ZonalBand b;
        b.path = in.path.toStdString();
        b.band = in.band;
        b.prefix = in.id.toStdString() + "_" + std::to_string(bands.size());
        // dataType left empty: runZonal reads it from the file it opens anyway.
        bands.push_back(std::move(b));
    }
    gis::ZonalOptions options;
    options.stats = gis::Stat::Count | gis::Stat::Sum | gis::Stat::Mean | gis::Stat::Area;
    options.threads = 1;
    options.feedback = feedback;
    const gis::ZonalResult result = gis::runZonal(set, bands, options);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const gis::ZonalStats& st = result.stats[0][i];
        SeriesPoint p;
        p.year = inputs[i].year;
        p.validAreaM2 = st.validAreaM2;
        const double covered = st.validAreaM2 + st.nodataAreaM2;
        p.validShare = covered > 0 ? st.validAreaM2 / covered : 0.0;
        if (inputs[i].kind == SeriesInput::Kind::Classes) {
            p.mean = std::numeric_limits<double>::quiet_NaN();
            p.classes = st.classes;
            series.classes.push_back(std::move(p));
        } else {
            p.mean = st.count > 0 ? st.mean : std::numeric_limits<double>::quiet_NaN();
            series.continuous.push_back(std::move(p));
        }
    }
    return series;
}

} // namespace tanhui::models
