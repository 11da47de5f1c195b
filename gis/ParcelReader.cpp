// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/ParcelReader.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/Gdal.h"
#include "gis/private/Densify.h"
#include "gis/private/GeodesicAreas.h"
#include "gis/private/GeosContext.h"
#include "gis/private/Parallel.h"
#include "gis/private/SimpleRing.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include <cmath>
#include <cstring>
#include <memory>

namespace tanhui::gis {

namespace {

/// True when every vertex of `mp` (in degrees) has a finite longitude and a latitude within ±90°.
bool withinLatitudes(const MultiPolygon& mp) {
    for (const Polygon& p : mp.parts)
        for (const Ring& r : p.rings)
            for (std::size_t i = 0; i < r.size(); ++i)
                if (!std::isfinite(r.x(i)) || !(std::abs(r.y(i)) <= 90.0))
                    return false;
    return true;
}

/// Largest ring handled by the fast path below (its simplicity test is quadratic in the vertices).
constexpr std::uint32_t kFastRingVertices = 64;

/// Fast path for the usual parcel: little-endian 2D WKB of a Polygon, or of a MultiPolygon with one
/// Polygon, made of one closed ring of at most kFastRingVertices vertices that is certainly simple
/// (detail::isCertainlySimpleRing). Such a polygon is valid, so GEOS would accept it unchanged and
/// return exactly these coordinates (without the closing point); reading it here skips building a
/// GEOS geometry and running GEOSisValid. Returns false, leaving `out` unspecified, for anything else;
/// the caller then takes the GEOS path.
bool readCertainlyValidPolygon(const std::vector<unsigned char>& wkb, MultiPolygon& out) {
    auto u32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (int b = 3; b >= 0; --b)
            v = (v << 8) | wkb[at + std::size_t(b)];
        return v;
    };
    std::size_t pos = 0;
    if (wkb.size() < 9 || wkb[0] != 1)
        return false;
    if (u32(1) == 6) { // MultiPolygon with exactly one Polygon
        if (u32(5) != 1 || wkb.size() < 18 || wkb[9] != 1 || u32(10) != 3)
            return false;
        pos = 14;
    } else if (u32(1) == 3) {
        pos = 5;
    } else {
        return false;
    }
    if (wkb.size() < pos + 8 || u32(pos) != 1) // exactly one ring
        return false;
    const std::uint32_t points = u32(pos + 4);
    pos += 8;
    if (points < 4 || points > kFastRingVertices + 1 || wkb.size() != pos + 16u * std::size_t(points))
        return false;
    std::vector<double> xy(2u * points);
    for (std::size_t i = 0; i < xy.size(); ++i) {
        std::uint64_t bits = 0;
        for (int b = 7; b >= 0; --b)
            bits = (bits << 8) | wkb[pos + 8 * i + std::size_t(b)];
        std::memcpy(&xy[i], &bits, sizeof bits);
    }
    const std::size_t n = points - 1;
    if (!(xy[0] == xy[2 * n] && xy[1] == xy[2 * n + 1])) // not closed: GEOS decides
        return false;
    xy.resize(2 * n);
    if (!detail::isCertainlySimpleRing(xy.data(), n))
        return false;
    out.parts.assign(1, Polygon());
    out.parts[0].rings.assign(1, Ring());
    out.parts[0].rings[0].xy = std::move(xy);
    return true;
}

QString idText(const QVariant& id) {
    return id.isValid() ? id.toString() : QString();
}

struct Worker {
    std::unique_ptr<detail::GeosContext> geos;
    std::unique_ptr<detail::GeodesicAreas> areas; // remembers shared vertices and edges
    std::vector<MultiPolygon> dense;              // densified copies of a chunk's parcels (reused)
    std::vector<const MultiPolygon*> measured;    // what is measured per parcel of the chunk
    std::vector<double> areasM2;
    std::vector<ParcelNote> repaired, skipped;
};

/// Why a layer gave no parcel: no features, or the reasons of the first skipped ones, with what to do.
std::string noParcelsMessage(const std::string& path, const ParcelSet& set) {
    const std::string layer = "The parcel layer '" + set.layer.layerName.toStdString() + "' in " + path;
    if (set.skipped.empty())
        return layer + " has no features; nothing can be computed. Choose a layer with polygons (--layer "
                       "for a multi-layer file).";
    std::string message = layer + ": all " + std::to_string(set.skipped.size()) +
                          " features were skipped, so nothing can be computed. ";
    constexpr std::size_t kShown = 3;
    bool outsideDegrees = false;
    for (std::size_t i = 0; i < set.skipped.size(); ++i) {
        const ParcelNote& n = set.skipped[i];
        outsideDegrees = outsideDegrees || n.what.find("±90°") != std::string::npos;
        if (i < kShown)
            message +=
              "Feature " + std::to_string(n.fid) + " (id " + n.id.toStdString() + "): " + n.what + ". ";
    }
    if (set.skipped.size() > kShown)
        message += "(" + std::to_string(set.skipped.size() - kShown) + " more.) ";
    if (outsideDegrees)
        message += "The coordinates are not the degrees of the layer's CRS (" + set.crs.name() +
                   "): the file's CRS is missing or wrong; assign the right one (e.g. --parcels-crs "
                   "EPSG:4547, or a correct .prj file).";
    else
        message += "Repair the geometries (e.g. in QGIS: Fix Geometries) or choose another layer.";
    return message;
}

/// Reads `feature`'s geometry into p.geometry: as it is when it is certainly valid (one simple ring),
/// otherwise checked with GEOS and, when invalid, repaired with MakeValid (structure method, collapsed
/// parts dropped; p.repaired set and `repairNote` says why). Returns why the feature must be skipped
/// (null, unreadable, empty or non-polygonal geometry, nothing left after repair); empty when usable.
std::string readGeometry(Worker& worker, const Feature& feature, Parcel& p, std::string& repairNote) {
    if (feature.wkb.empty())
        return "null geometry";
    if (!readCertainlyValidPolygon(feature.wkb, p.geometry)) {
        const auto ctx = worker.geos->handle();
        auto g = worker.geos->fromWkb(feature.wkb.data(), feature.wkb.size());
        if (!g)
            return "unreadable geometry: " + worker.geos->lastError();
        if (GEOSisEmpty_r(ctx, g.get()))
            return "empty geometry";
        const int type = GEOSGeomTypeId_r(ctx, g.get());
        if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON && type != GEOS_GEOMETRYCOLLECTION) {
            char* typeName = GEOSGeomType_r(ctx, g.get());
            const std::string why = std::string("not a polygon (") + (typeName ? typeName : "?") + ")";
            GEOSFree_r(ctx, typeName);
            return why;
        }
        if (GEOSisValid_r(ctx, g.get()) != 1) {
            char* reason = GEOSisValidReason_r(ctx, g.get());
            std::string why = reason ? reason : "invalid";
            GEOSFree_r(ctx, reason);
            GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(ctx);
            GEOSMakeValidParams_setMethod_r(ctx, params, GEOS_MAKE_VALID_STRUCTURE);
            GEOSMakeValidParams_setKeepCollapsed_r(ctx, params, 0);
            auto fixed = worker.geos->own(GEOSMakeValidWithParams_r(ctx, g.get(), params));
            GEOSMakeValidParams_destroy_r(ctx, params);
            if (!fixed || GEOSisEmpty_r(ctx, fixed.get()))
                return why + "; repair left no polygon";
            repairNote = why + "; repaired with MakeValid";
            g = std::move(fixed);
            p.repaired = true;
        }
        worker.geos->toMultiPolygon(g.get(), p.geometry);
    }
    if (p.geometry.isEmpty())
        return "no polygonal part";
    return {};
}

/// The index of the id field `name` of `layer`; an error listing the layer's fields when it has none of
/// that name (naming a missing .dbf when a shapefile has no fields at all).
int idFieldIndex(const VectorLayer& layer, const QString& name, const std::string& path) {
    const int index = layer.fieldIndex(name);
    if (index >= 0)
        return index;
    const LayerInfo& info = layer.info();
    QStringList names;
    for (const FieldInfo& f : info.fields)
        names << f.name;
    const std::string available =
      names.isEmpty() ? std::string("; the layer has no attribute fields at all") +
                          (info.driver == "ESRI Shapefile"
                             ? " (is the shapefile's .dbf file missing? copy it next to the .shp)"
                             : "")
                      : "; available fields: " + names.join(QStringLiteral(", ")).toStdString();
    throw GisError(GisError::Kind::InvalidArgument,
                   "The id field '" + name.toStdString() + "' does not exist in " + path + available,
                   path);
}

/// The repaired and skipped features every worker noted, into `set` in FID order.
void gatherNotes(const std::vector<Worker>& workers, ParcelSet& set) {
    for (const Worker& w : workers) {
        set.repaired.insert(set.repaired.end(), w.repaired.begin(), w.repaired.end());
        set.skipped.insert(set.skipped.end(), w.skipped.begin(), w.skipped.end());
    }
    auto byFid = [](const ParcelNote& x, const ParcelNote& y) { return x.fid < y.fid; };
    std::sort(set.repaired.begin(), set.repaired.end(), byFid);
    std::sort(set.skipped.begin(), set.skipped.end(), byFid);
}

} // namespace

ParcelSet readParcels(const std::string& path, const ParcelReadOptions& options, Feedback* feedback) {
    VectorLayer layer(path, options.open);
    ParcelSet set;
    set.stamp = FileStamp::of(layer.files());
    set.layer = layer.info();
    set.crs = set.layer.crs;
    if (!set.crs.isValid())
        throw GisError(GisError::Kind::Crs,
                       "The parcel layer '" + set.layer.layerName.toStdString() + "' in " + path +
                         (set.layer.crsProblem.empty()
                            ? std::string(" has no coordinate reference system")
                            : " has no usable coordinate reference system: " + set.layer.crsProblem) +
                         "; assign one (e.g. --parcels-crs EPSG:4547) or give the file a correct .prj "
                         "(shapefile) or CRS.",
                       path);
    const int idIndex = options.idField.isEmpty() ? -1 : idFieldIndex(layer, options.idField, path);

    const bool geographic = set.crs.isGeographic();
    const double unit = geographic ? 1.0 : set.crs.linearUnitMetres();
    const double a = set.crs.semiMajorMetres(), fl = set.crs.flattening();
    // Densify before geodesic area: 1 km for projected layers, 0.01° for geographic ones.
    const double densifyStep = geographic ? 0.01 : 1000.0 / (unit > 0 ? unit : 1.0);

    // Reading is sequential (OGR layers are not thread-safe); checking, repairing and measuring run
    // on worker threads at the same time, chunk by chunk, as the features arrive. Each chunk keeps its
    // results, and chunks are joined in feature order, so the outcome is independent of threads.
    struct Chunk {
        std::vector<Feature> features;
        std::vector<Parcel> parcels;
        std::vector<bool> ok;
    };
    // 1024 features: about three rows of a layer stored in spatial order, so a parcel's neighbours
    // above and below are mostly measured by the same thread, which then finds their shared vertices
    // and edges in its tables (bench scene, 598,780 edges of which ~300,000 distinct: the S12 of 65 %
    // of them is computed with chunks of 256, of 61 % with 1024).
    constexpr std::size_t kChunk = 1024;
    std::vector<std::unique_ptr<Chunk>> chunks;
    std::deque<Chunk*> queue;
    std::mutex mutex;
    std::condition_variable wake;
    bool readingDone = false;
    std::exception_ptr error;
    std::atomic<bool> failed{ false };
    std::atomic<std::size_t> processed{ 0 };
    const std::int64_t expected = std::max<std::int64_t>(1, set.layer.featureCount);

    auto processChunk = [&](Worker& worker, Chunk& chunk) {
        // Each thread sets up its GEOS context and geodesic tables (a transformation from PROJ's
        // database, 2 MB of tables) itself, when it gets its first chunk: not one after the other on
        // the reading thread before anything is read.
        if (!worker.areas) {
            worker.geos = std::make_unique<detail::GeosContext>();
            worker.areas = std::make_unique<detail::GeodesicAreas>(set.crs, a, fl);
        }
        chunk.parcels.resize(chunk.features.size());
        chunk.ok.assign(chunk.features.size(), false);
        for (std::size_t i = 0; i < chunk.features.size(); ++i) {
            Feature& feature = chunk.features[i];
            Parcel& p = chunk.parcels[i];
            p.fid = feature.fid;
            p.id = idIndex >= 0 ? feature.attributes[std::size_t(idIndex)] : QVariant::fromValue(feature.fid);
            auto idStr = [&p] { return idText(p.id); };
            std::string repairNote;
            const std::string skip = readGeometry(worker, feature, p, repairNote);
            if (!skip.empty()) {
                worker.skipped.push_back({ p.fid, idStr(), skip });
                continue;
            }
            if (p.repaired)
                worker.repaired.push_back({ p.fid, idStr(), repairNote });
            if (geographic && !withinLatitudes(p.geometry)) {
                worker.skipped.push_back(
                  { p.fid,
                    idStr(),
                    "a latitude beyond ±90° or a coordinate that is not a number: the layer's coordinates "
                    "are not the degrees of its CRS (assign the right CRS, e.g. --parcels-crs)" });
                continue;
            }
            if (options.keepWkb)
                p.wkb = std::move(feature.wkb);
            p.planarAreaM2 = geographic ? 0.0 : p.geometry.planarArea() * unit * unit;
            chunk.ok[i] = true;
        }
        // Ellipsoidal areas, a chunk at a time: its vertices go to lon/lat in one transformation
        // call (each call has a set-up cost larger than a parcel's few vertices), and vertices and
        // edges shared with parcels this thread measured before are not computed again
        // (detail::GeodesicAreas).
        worker.dense.resize(chunk.parcels.size());
        worker.measured.assign(chunk.parcels.size(), nullptr);
        for (std::size_t i = 0; i < chunk.parcels.size(); ++i) {
            if (!chunk.ok[i])
                continue;
            const MultiPolygon& geometry = chunk.parcels[i].geometry;
            if (detail::needsDensify(geometry, densifyStep)) {
                worker.dense[i] = geometry;
                detail::densify(worker.dense[i], densifyStep);
                worker.measured[i] = &worker.dense[i];
            } else {
                worker.measured[i] = &geometry;
            }
        }
        worker.areas->measure(worker.measured, worker.areasM2);
        for (std::size_t i = 0; i < chunk.parcels.size(); ++i)
            if (chunk.ok[i])
                chunk.parcels[i].ellipsoidalAreaM2 = worker.areasM2[i];
        chunk.features.clear();
        chunk.features.shrink_to_fit();
        const std::size_t n = processed.fetch_add(chunk.parcels.size()) + chunk.parcels.size();
        if (feedback)
            feedback->setProgress(100.0 * double(n) / double(expected), "Reading and checking parcels");
    };
    // Takes chunks until reading is done and the queue is empty (or something failed).
    auto drain = [&](Worker& worker) {
        try {
            for (;;) {
                Chunk* chunk = nullptr;
                {
                    std::unique_lock lock(mutex);
                    wake.wait(lock, [&] { return !queue.empty() || readingDone || failed.load(); });
                    if (failed.load() || queue.empty())
                        return;
                    chunk = queue.front();
                    queue.pop_front();
                }
                if (feedback)
                    feedback->throwIfCancelled();
                processChunk(worker, *chunk);
            }
        } catch (...) {
            std::lock_guard lock(mutex);
            if (!error)
                error = std::current_exception();
            failed.store(true);
            wake.notify_all();
        }
    };

    const int workers = detail::workerCount(options.threads, std::size_t(expected) / 64 + 1);
    std::vector<Worker> results(std::size_t(workers) + 1); // the last one is the reading thread's
    std::vector<std::thread> pool;
    for (int w = 0; w < workers; ++w)
        pool.emplace_back(drain, std::ref(results[std::size_t(w)]));
    try {
        auto chunk = std::make_unique<Chunk>();
        Feature f;
        auto publish = [&] {
            std::lock_guard lock(mutex);
            queue.push_back(chunk.get());
            chunks.push_back(std::move(chunk));
            wake.notify_one();
        };
        while (!failed.load() && layer.next(f)) {
            chunk->features.push_back(std::move(f));
            f = Feature();
            if (chunk->features.size() == kChunk) {
                if (feedback)
                    feedback->throwIfCancelled();
                publish();
                chunk = std::make_unique<Chunk>();
            }
        }
        if (!chunk->features.empty())
            publish();
    } catch (...) {
        std::lock_guard lock(mutex);
        if (!error)
            error = std::current_exception();
        failed.store(true);
    }
    {
        std::lock_guard lock(mutex);
        readingDone = true;
        wake.notify_all();
    }
    drain(results.back()); // the reading thread helps with what is left
    for (std::thread& t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);

    // Each chunk is freed as soon as its parcels are moved, so that its memory serves the next
    // allocations instead of staying reserved until the end.
    set.parcels.reserve(processed.load());
    for (auto& chunk : chunks) {
        for (std::size_t i = 0; i < chunk->parcels.size(); ++i)
            if (chunk->ok[i])
                set.parcels.push_back(std::move(chunk->parcels[i]));
        chunk.reset();
    }
    gatherNotes(results, set);
    if (options.requireParcels && set.parcels.empty())
        throw GisError(GisError::Kind::InvalidArgument, noParcelsMessage(path, set), path);
    // The readers' features, WKB and chunks are freed: their pages go back to the system instead of
    // staying resident under what the caller allocates next (docs/benchmark.md, "Memory and scaling").
    releaseFreeMemory();
    return set;
}

struct ParcelGeometries::Impl {
    std::string path;
    VectorOpenOptions open;
    std::mutex mutex;
    // Asked in feature order (a writer going through the results), the features are read sequentially,
    // skipping a few (those not asked for); otherwise by FID from a second handle of the file, so the
    // sequential reading is never interrupted (GDAL restarts it after a read by FID).
    std::unique_ptr<VectorLayer> sequential, random; ///< opened when first needed
    Feature current;                                 ///< the last sequentially read feature
    bool ended = false;                              ///< the sequential reading reached the end
    Feature byFid;
    FileStamp stamp; ///< of the read; empty: not checked
    std::unique_ptr<VectorLayer> open_() const {
        if (!stamp.empty()) {
            std::vector<std::string> paths;
            for (const FileStamp::File& f : stamp.files)
                paths.push_back(f.path);
            const std::string changed = FileStamp::of(paths).changesSince(stamp);
            if (!changed.empty())
                throw GisError(GisError::Kind::Io,
                               "\"" + path +
                                 "\" changed after it was read, so its geometries may no longer be those "
                                 "the results were computed from:\n" +
                                 changed + "\nRun again with the file as it is now.",
                               path);
        }
        return std::make_unique<VectorLayer>(path, open);
    }
};

ParcelGeometries::ParcelGeometries(std::string path, VectorOpenOptions open, FileStamp stamp)
  : m_impl(std::make_unique<Impl>()) {
    m_impl->path = std::move(path);
    m_impl->open = std::move(open);
    m_impl->stamp = std::move(stamp);
}

ParcelGeometries::~ParcelGeometries() = default;

void ParcelGeometries::close() const {
    Impl& d = *m_impl;
    const std::lock_guard lock(d.mutex);
    d.sequential.reset();
    d.random.reset();
    d.current = Feature();
    d.ended = false;
}

std::vector<unsigned char> ParcelGeometries::wkb(std::int64_t fid) const {
    Impl& d = *m_impl;
    const std::lock_guard lock(d.mutex);
    if (!d.sequential)
        d.sequential = d.open_();
    // Up to this many features ahead are read and passed over before a read by FID is cheaper.
    constexpr int kMaxSkip = 256;
    for (int skipped = 0; !d.ended && d.current.fid < fid && skipped <= kMaxSkip; ++skipped)
        if (!d.sequential->next(d.current, false)) {
            d.ended = true;
            d.current = Feature();
        }
    if (d.current.fid == fid)
        return d.current.wkb;
    if (!d.random)
        d.random = d.open_();
    if (!d.random->feature(fid, d.byFid, false))
        throw GisError(GisError::Kind::Io,
                       "Feature " + std::to_string(fid) + " of \"" + d.path +
                         "\" is gone: the file changed while it was being used. Run again.",
                       d.path);
    return d.byFid.wkb;
}

} // namespace tanhui::gis
