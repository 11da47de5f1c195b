// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/LayerOverlaps.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/private/Densify.h"
#include "gis/private/GeodesicAreas.h"
#include "gis/private/GeosContext.h"

#include <algorithm>
#include <memory>
#include <string>

namespace tanhui::gis {

namespace {

using detail::GeosContext;

/// A GEOS STRtree owned with its context.
struct TreeDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSSTRtree* t) const {
        if (t)
            GEOSSTRtree_destroy_r(ctx, t);
    }
};
using TreePtr = std::unique_ptr<GEOSSTRtree, TreeDeleter>;

void collectItem(void* item, void* userdata) {
    static_cast<std::vector<std::size_t>*>(userdata)->push_back(reinterpret_cast<std::size_t>(item));
}

/// GEOS geometries owned by a list (freed on every path, also when an error is thrown).
struct OwnedGeometries {
    GEOSContextHandle_t ctx = nullptr;
    std::vector<GEOSGeometry*> list;
    void clear() {
        for (GEOSGeometry* g : list)
            GEOSGeom_destroy_r(ctx, g);
        list.clear();
    }
    ~OwnedGeometries() { clear(); }
};

std::string where(std::size_t layer, std::size_t parcel) {
    return "layer " + std::to_string(layer + 1) + ", parcel " + std::to_string(parcel + 1);
}

} // namespace

AccountedAreas accountedAreas(const std::vector<OverlapLayer>& layers, const Crs& crs, Feedback* feedback) {
    GeosContext geos;
    GEOSContextHandle_t ctx = geos.handle();
    const double step = detail::densifyStepOf(crs.isGeographic(), crs.linearUnitMetres());
    detail::GeodesicAreas geodesic(crs, crs.semiMajorMetres(), crs.flattening());
    // Geodesic area of plain polygons, densified as ParcelReader does before measuring.
    std::vector<MultiPolygon> dense;
    std::vector<const MultiPolygon*> measured;
    std::vector<double> areas;
    auto measure = [&](std::vector<MultiPolygon>& polygons) {
        dense.assign(polygons.size(), MultiPolygon());
        measured.assign(polygons.size(), nullptr);
        for (std::size_t i = 0; i < polygons.size(); ++i) {
            if (detail::needsDensify(polygons[i], step)) {
                dense[i] = polygons[i];
                detail::densify(dense[i], step);
                measured[i] = &dense[i];
            } else {
                measured[i] = &polygons[i];
            }
        }
        geodesic.measure(measured, areas);
        return areas;
    };

    AccountedAreas out;
    out.accountedM2.resize(layers.size());
    out.partialParts.resize(layers.size());
    for (std::size_t a = 0; a < layers.size(); ++a)
        for (std::size_t b = a + 1; b < layers.size(); ++b)
            out.pairs.push_back({ a, b, 0.0 });
    auto pairIndex = [&](std::size_t higher, std::size_t lower) {
        // Pairs (h, l) with h < l, row by row: offset of row h is h·n − h(h+1)/2.
        const std::size_t n = layers.size();
        return higher * n - higher * (higher + 1) / 2 + (lower - higher - 1);
    };

    std::size_t total = 0, done = 0;
    for (const OverlapLayer& l : layers)
        total += l.geometries.size();
    // GEOS geometries and an STRtree per layer (all but the last: nothing lies below it to query).
    std::vector<std::vector<GeosContext::GeomPtr>> geoms(layers.size());
    std::vector<TreePtr> trees;
    for (std::size_t l = 0; l < layers.size(); ++l) {
        if (layers[l].geometries.size() != layers[l].ellipsoidalAreasM2.size())
            throw GisError(GisError::Kind::InvalidArgument,
                           "layer " + std::to_string(l + 1) + ": geometries and areas are not aligned");
        out.accountedM2[l] = layers[l].ellipsoidalAreasM2;
        for (double a : layers[l].ellipsoidalAreasM2)
            out.summedM2 += a;
        geoms[l].resize(layers[l].geometries.size());
        if (l + 1 == layers.size())
            break;
        trees.push_back(TreePtr(GEOSSTRtree_create_r(ctx, 10), TreeDeleter{ ctx }));
        for (std::size_t k = 0; k < layers[l].geometries.size(); ++k) {
            geoms[l][k] = geos.fromMultiPolygon(*layers[l].geometries[k]);
            if (!geoms[l][k])
                throw GisError(GisError::Kind::Geometry,
                               where(l, k) + ": cannot build its geometry (" + geos.lastError() + ")");
            GEOSSTRtree_insert_r(ctx, trees.back().get(), geoms[l][k].get(), reinterpret_cast<void*>(k));
        }
    }

    std::vector<std::size_t> candidates;
    std::vector<MultiPolygon> pieces;
    std::vector<std::size_t> pieceLayer;
    OwnedGeometries ownedList{ ctx, {} };
    std::vector<GEOSGeometry*>& owned = ownedList.list;
    for (std::size_t l = 1; l < layers.size(); ++l) {
        for (std::size_t k = 0; k < layers[l].geometries.size(); ++k, ++done) {
            if (feedback && k % 256 == 0) {
                feedback->throwIfCancelled();
                feedback->setProgress(100.0 * double(done) / double(std::max<std::size_t>(total, 1)),
                                      "Removing overlaps of parcel layers");
            }
            const MultiPolygon& parcel = *layers[l].geometries[k];
            GeosContext::GeomPtr pg = geos.fromMultiPolygon(parcel);
            if (!pg)
                throw GisError(GisError::Kind::Geometry,
                               where(l, k) + ": cannot build its geometry (" + geos.lastError() + ")");
            double parcelPlanar = 0;
            GEOSArea_r(ctx, pg.get(), &parcelPlanar);
            // Slivers below this (floating-point noise along shared boundaries) are not overlaps.
            const double minArea = 1e-9 * parcelPlanar;
            const GEOSPreparedGeometry* prepared = GEOSPrepare_r(ctx, pg.get());
            pieces.clear();
            pieceLayer.clear();
            ownedList.clear();
            for (std::size_t h = 0; h < l; ++h) {
                candidates.clear();
                GEOSSTRtree_query_r(ctx, trees[h].get(), pg.get(), collectItem, &candidates);
                for (std::size_t j : candidates) {
                    const GEOSGeometry* q = geoms[h][j].get();
                    if (GEOSPreparedIntersects_r(ctx, prepared, q) != 1)
                        continue;
                    GEOSGeometry* inter = GEOSIntersection_r(ctx, pg.get(), q);
                    if (!inter) {
                        GEOSPreparedGeom_destroy_r(ctx, prepared);
                        throw GisError(GisError::Kind::Geometry,
                                       where(l, k) + " ∩ " + where(h, j) + ": the intersection failed (" +
                                         geos.lastError() + ")");
                    }
                    double a = 0;
                    if (GEOSisEmpty_r(ctx, inter) || GEOSArea_r(ctx, inter, &a) != 1 || !(a > minArea)) {
                        GEOSGeom_destroy_r(ctx, inter);
                        continue;
                    }
                    owned.push_back(inter);
                    pieces.emplace_back();
                    geos.toMultiPolygon(inter, pieces.back());
                    pieceLayer.push_back(h);
                }
            }
            GEOSPreparedGeom_destroy_r(ctx, prepared);
            if (owned.empty())
                continue; // nothing above: the full area, bit for bit
            const std::vector<double> pieceAreas = measure(pieces);
            for (std::size_t i = 0; i < pieces.size(); ++i)
                out.pairs[pairIndex(pieceLayer[i], l)].areaM2 += pieceAreas[i];
            // The accounted part: the parcel minus the union of what higher layers cover of it.
            auto covered = geos.own(GEOSGeom_createCollection_r(
              ctx, GEOS_GEOMETRYCOLLECTION, owned.data(), static_cast<unsigned>(owned.size())));
            owned.clear(); // the collection owns them now
            auto unioned = covered ? geos.own(GEOSUnaryUnion_r(ctx, covered.get())) : geos.own(nullptr);
            auto rest =
              unioned ? geos.own(GEOSDifference_r(ctx, pg.get(), unioned.get())) : geos.own(nullptr);
            if (!rest)
                throw GisError(GisError::Kind::Geometry,
                               where(l, k) + ": removing the higher layers' parcels failed (" +
                                 geos.lastError() + ")");
            pieces.assign(1, MultiPolygon());
            if (!GEOSisEmpty_r(ctx, rest.get()))
                geos.toMultiPolygon(rest.get(), pieces[0]);
            const double accounted = pieces[0].isEmpty() ? 0.0 : measure(pieces)[0];
            out.accountedM2[l][k] = std::min(accounted, layers[l].ellipsoidalAreasM2[k]);
            if (accounted > 0 && accounted < layers[l].ellipsoidalAreasM2[k])
                out.partialParts[l].emplace_back(k, std::move(pieces[0]));
        }
    }
    ownedList.clear();
    for (const auto& layer : out.accountedM2)
        for (double a : layer)
            out.unionM2 += a;
    if (feedback)
        feedback->setProgress(100.0, "Removing overlaps of parcel layers");
    return out;
}

} // namespace tanhui::gis
