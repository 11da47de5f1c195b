// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/ParcelReader.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/private/GeosContext.h"
#include "gis/private/Parallel.h"

#include <cmath>
#include <memory>

namespace tanhui::gis {

namespace {

/// Inserts vertices so no edge is longer than maxLength (in the ring's units); used before geodesic
/// area so that long straight edges follow the layer's CRS rather than the geodesic.
void densify(MultiPolygon& mp, double maxLength) {
    for (Polygon& p : mp.parts) {
        for (Ring& r : p.rings) {
            const std::size_t n = r.size();
            std::vector<double> out;
            out.reserve(r.xy.size());
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t j = (i + 1 == n) ? 0 : i + 1;
                const double x0 = r.x(i), y0 = r.y(i), x1 = r.x(j), y1 = r.y(j);
                out.push_back(x0);
                out.push_back(y0);
                const double len = std::hypot(x1 - x0, y1 - y0);
                const int pieces = int(std::ceil(len / maxLength));
                for (int k = 1; k < pieces; ++k) {
                    const double t = double(k) / pieces;
                    out.push_back(x0 + t * (x1 - x0));
                    out.push_back(y0 + t * (y1 - y0));
                }
            }
            r.xy = std::move(out);
        }
    }
}

QString idText(const QVariant& id) {
    return id.isValid() ? id.toString() : QString();
}

struct Worker {
    std::unique_ptr<detail::GeosContext> geos;
    std::unique_ptr<CoordinateTransform> toGeographic;
    std::vector<ParcelNote> repaired, skipped;
};

} // namespace

ParcelSet readParcels(const std::string& path, const ParcelReadOptions& options, Feedback* feedback) {
    VectorLayer layer(path, options.open);
    ParcelSet set;
    set.layer = layer.info();
    set.crs = set.layer.crs;
    if (!set.crs.isValid())
        throw GisError(GisError::Kind::Crs,
                       "The parcel layer '" + set.layer.layerName.toStdString() + "' in " + path +
                           " has no coordinate reference system; assign one (e.g. --parcels-crs EPSG:4547) "
                           "or add a .prj file.",
                       path);
    int idIndex = -1;
    if (!options.idField.isEmpty()) {
        idIndex = layer.fieldIndex(options.idField);
        if (idIndex < 0) {
            QStringList names;
            for (const FieldInfo& f : set.layer.fields)
                names << f.name;
            throw GisError(GisError::Kind::InvalidArgument,
                           "The id field '" + options.idField.toStdString() + "' does not exist in " + path +
                               "; available fields: " + names.join(QStringLiteral(", ")).toStdString(),
                           path);
        }
    }

    // 1. Read sequentially (OGR layers are not thread-safe).
    std::vector<Feature> features;
    features.reserve(std::size_t(std::max<std::int64_t>(0, set.layer.featureCount)));
    Feature f;
    while (layer.next(f)) {
        features.push_back(std::move(f));
        f = Feature();
        if (feedback && features.size() % 4096 == 0) {
            feedback->throwIfCancelled();
            if (set.layer.featureCount > 0)
                feedback->setProgress(30.0 * double(features.size()) / double(set.layer.featureCount),
                                      "Reading parcels");
        }
    }

    // 2. Validate, repair and measure in parallel; every feature gets its own slot.
    struct Entry {
        bool ok = false;
        Parcel parcel;
    };
    std::vector<Entry> entries(features.size());
    const bool geographic = set.crs.isGeographic();
    const double unit = geographic ? 1.0 : set.crs.linearUnitMetres();
    const Crs geographicCrs = set.crs.geographic();
    const double a = set.crs.semiMajorMetres(), fl = set.crs.flattening();
    // Densify before geodesic area: 1 km for projected layers, 0.01° for geographic ones.
    const double densifyStep = geographic ? 0.01 : 1000.0 / (unit > 0 ? unit : 1.0);
    const int workers = detail::workerCount(options.threads, features.size() / 64 + 1);
    std::vector<Worker> results(std::size_t(std::max(1, workers)));
    std::atomic<std::size_t> done{0};

    detail::parallelChunks<Worker*>(
        features.size(), 256, workers,
        [&](int w) {
            Worker* worker = &results[std::size_t(w)];
            worker->geos = std::make_unique<detail::GeosContext>();
            worker->toGeographic = std::make_unique<CoordinateTransform>(set.crs, geographicCrs);
            return worker;
        },
        [&](Worker*& worker, std::size_t begin, std::size_t end) {
            if (feedback)
                feedback->throwIfCancelled();
            const auto ctx = worker->geos->handle();
            for (std::size_t i = begin; i < end; ++i) {
                Feature& feature = features[i];
                Parcel& p = entries[i].parcel;
                p.fid = feature.fid;
                p.id = idIndex >= 0 ? feature.attributes[std::size_t(idIndex)] : QVariant::fromValue(feature.fid);
                const QString idStr = idText(p.id);
                if (feature.wkb.empty()) {
                    worker->skipped.push_back({p.fid, idStr, "null geometry"});
                    continue;
                }
                auto g = worker->geos->fromWkb(feature.wkb.data(), feature.wkb.size());
                if (!g) {
                    worker->skipped.push_back({p.fid, idStr, "unreadable geometry: " + worker->geos->lastError()});
                    continue;
                }
                if (GEOSisEmpty_r(ctx, g.get())) {
                    worker->skipped.push_back({p.fid, idStr, "empty geometry"});
                    continue;
                }
                const int type = GEOSGeomTypeId_r(ctx, g.get());
                if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON && type != GEOS_GEOMETRYCOLLECTION) {
                    char* typeName = GEOSGeomType_r(ctx, g.get());
                    worker->skipped.push_back(
                        {p.fid, idStr, std::string("not a polygon (") + (typeName ? typeName : "?") + ")"});
                    GEOSFree_r(ctx, typeName);
                    continue;
                }
                if (GEOSisValid_r(ctx, g.get()) != 1) {
                    char* reason = GEOSisValidReason_r(ctx, g.get());
                    std::string why = reason ? reason : "invalid";
                    GEOSFree_r(ctx, reason);
                    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(ctx);
                    GEOSMakeValidParams_setMethod_r(ctx, params, GEOS_MAKE_VALID_STRUCTURE);
                    GEOSMakeValidParams_setKeepCollapsed_r(ctx, params, 0);
                    auto fixed = worker->geos->own(GEOSMakeValidWithParams_r(ctx, g.get(), params));
                    GEOSMakeValidParams_destroy_r(ctx, params);
                    if (!fixed || GEOSisEmpty_r(ctx, fixed.get())) {
                        worker->skipped.push_back({p.fid, idStr, why + "; repair left no polygon"});
                        continue;
                    }
                    worker->repaired.push_back({p.fid, idStr, why + "; repaired with MakeValid"});
                    g = std::move(fixed);
                    p.repaired = true;
                }
                worker->geos->toMultiPolygon(g.get(), p.geometry);
                if (p.geometry.isEmpty()) {
                    worker->skipped.push_back({p.fid, idStr, "no polygonal part"});
                    continue;
                }
                p.wkb = std::move(feature.wkb);
                p.planarAreaM2 = geographic ? 0.0 : p.geometry.planarArea() * unit * unit;
                MultiPolygon lonLat = p.geometry;
                densify(lonLat, densifyStep);
                worker->toGeographic->transform(lonLat);
                p.ellipsoidalAreaM2 = ellipsoidalAreaM2(lonLat, a, fl);
                entries[i].ok = true;
            }
            const std::size_t n = done.fetch_add(end - begin) + (end - begin);
            if (feedback)
                feedback->setProgress(30.0 + 70.0 * double(n) / double(features.size()), "Checking geometries");
        });

    set.parcels.reserve(entries.size());
    for (Entry& s : entries)
        if (s.ok)
            set.parcels.push_back(std::move(s.parcel));
    for (Worker& w : results) {
        set.repaired.insert(set.repaired.end(), w.repaired.begin(), w.repaired.end());
        set.skipped.insert(set.skipped.end(), w.skipped.begin(), w.skipped.end());
    }
    auto byFid = [](const ParcelNote& x, const ParcelNote& y) { return x.fid < y.fid; };
    std::sort(set.repaired.begin(), set.repaired.end(), byFid);
    std::sort(set.skipped.begin(), set.skipped.end(), byFid);
    return set;
}

} // namespace tanhui::gis
