// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Geometry.h"
#include "gis/VectorLayer.h"

#include <QString>
#include <QVariant>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tanhui::gis {

class Feedback;

/// @brief One parcel ready for statistics: valid polygonal geometry in the layer's CRS and its areas.
struct Parcel {
    std::int64_t fid = -1;
    QVariant id;           ///< value of the id field (the FID when no id field was named)
    MultiPolygon geometry; ///< valid (repaired if needed), layer CRS
    /// The geometry as read (for writing results with geometry); empty when the reader was asked not
    /// to keep it (ParcelReadOptions::keepWkb).
    std::vector<unsigned char> wkb;
    bool repaired = false;        ///< the input geometry was invalid and was repaired
    double planarAreaM2 = 0;      ///< area in the layer's CRS (m²); 0 for geographic layers
    double ellipsoidalAreaM2 = 0; ///< geodesic area on the CRS's ellipsoid (m²)
};

/// @brief A feature that was repaired or skipped, and why (English, names the feature).
struct ParcelNote {
    std::int64_t fid = -1;
    QString id;
    std::string what;
};

/// @brief All usable parcels of a layer, in the layer's feature order, and what happened to the rest.
struct ParcelSet {
    LayerInfo layer;
    Crs crs;
    std::vector<Parcel> parcels;
    std::vector<ParcelNote> repaired; ///< invalid geometries repaired with GEOS MakeValid
    std::vector<ParcelNote> skipped;  ///< null, empty or non-polygonal geometries, not in `parcels`
    /// The layer's files as they were when reading began (VectorLayer::files()), for ParcelGeometries.
    FileStamp stamp;
};

struct ParcelReadOptions {
    VectorOpenOptions open;
    QString idField; ///< empty: use the FID as id
    int threads = 0; ///< 0: all cores
    /// When true (the default), a layer without any usable parcel (no features, or every feature
    /// skipped) is an error naming the layer and the reasons, never an empty result.
    bool requireParcels = true;
    /// Keep each parcel's geometry as read in Parcel::wkb (needed to write results with geometry).
    /// Off: `wkb` stays empty, which saves about a sixth of a parcel's memory (1,000,000 Voronoi
    /// parcels: ~140 MB; docs/benchmark.md, "Memory and scaling").
    bool keepWkb = true;
};

/// @brief Reads a polygon layer into a ParcelSet: every geometry is checked with GEOS and repaired
/// with MakeValid (structure method, keeping collapsed parts out) when invalid; null, empty and
/// non-polygonal features are skipped and listed, never silently dropped; areas are computed.
///
/// Throws GisError: Open (file or layer), Crs (layer without CRS and none assigned), InvalidArgument
/// (id field missing — the message lists the fields; with requireParcels, no usable parcel — the
/// message gives the skip reasons of the first features and what to do), Cancelled.
ParcelSet readParcels(const std::string& path,
                      const ParcelReadOptions& options,
                      Feedback* feedback = nullptr);

/// @brief The geometries of a parcel layer's features read again from its file by FID, as readParcels
/// keeps them in Parcel::wkb (the same bytes): for writers that need each parcel's geometry once, at the
/// end of a long run, instead of holding every WKB through it (1,000,000 parcels: ~150 MB;
/// docs/benchmark.md, "Memory and scaling"). Opens the file read-only when first asked; thread-safe.
///
/// With the stamp of the read (ParcelSet::stamp), each opening first checks that the layer's files
/// are still as they were: otherwise the geometries could be the file's new ones next to numbers
/// computed from the old, and wkb() throws GisError(Io) naming the files that changed.
class ParcelGeometries {
public:
    ParcelGeometries(std::string path, VectorOpenOptions open, FileStamp stamp = {});
    ~ParcelGeometries();
    ParcelGeometries(const ParcelGeometries&) = delete;
    ParcelGeometries& operator=(const ParcelGeometries&) = delete;
    /// The ISO WKB of feature `fid` (empty for a null geometry). Throws GisError(Open) when the file
    /// cannot be opened again, GisError(Io) naming the file when its files differ from the stamp, and
    /// naming the file and FID when it no longer has the feature (the file changed during the run).
    std::vector<unsigned char> wkb(std::int64_t fid) const;
    /// Closes the file (wkb() opens it again when asked): a long-lived owner calls it once it has read
    /// what it needed, so that finished runs do not keep files and their caches open.
    void close() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace tanhui::gis
