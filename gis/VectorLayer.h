// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Geometry.h"

#include <QString>
#include <QVariant>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tanhui::gis {

/// @brief A field (column) of a vector layer.
struct FieldInfo {
    QString name;     ///< decoded to Unicode with the layer's encoding
    QString typeName; ///< OGR type name: "Integer", "Integer64", "Real", "String", "Date", ...
};

/// @brief How attribute text of the layer was decoded.
struct EncodingInfo {
    std::string encoding; ///< "UTF-8", "GBK", "ISO-8859-1", ... (what was used)
    /// Where it came from: "cpg" (.cpg file), "ldid" (DBF language driver id), "detected"
    /// (GBK/UTF-8 detection on the raw bytes), "override" (caller), "format" (always UTF-8 formats
    /// such as GeoPackage and GeoJSON).
    std::string source;
};

/// @brief Summary of an opened vector layer for display and validation.
struct LayerInfo {
    std::string path;
    std::string driver; ///< e.g. "ESRI Shapefile", "GPKG", "GeoJSON", "OpenFileGDB", "KML"
    QString layerName;
    QStringList allLayerNames; ///< every layer of the data source
    std::string geometryType;  ///< e.g. "Polygon", "Multi Polygon"
    std::int64_t featureCount = 0;
    Crs crs; ///< invalid when the layer has none
    /// Why the layer's own CRS was not used, naming what to do about it (empty when it was used or
    /// the file declares none): an unreadable .prj, a local/engineering or "Undefined" CRS, or a
    /// geographic CRS its coordinates cannot be in (replaced by VectorOpenOptions::assignCrs if set).
    std::string crsProblem;
    Box extent; ///< in the layer's CRS
    std::vector<FieldInfo> fields;
    EncodingInfo encoding;
};

/// @brief One feature as read: its FID, its attributes (in field order, decoded) and its geometry as
/// ISO WKB in the layer's CRS (empty when the feature has a null geometry).
struct Feature {
    std::int64_t fid = -1;
    std::vector<QVariant> attributes;
    std::vector<unsigned char> wkb;
};

/// @brief Options for opening a vector layer.
struct VectorOpenOptions {
    QString layerName; ///< empty: the first layer
    /// Attribute encoding to force (e.g. "GBK", "UTF-8"), overriding .cpg and detection. Empty: honour
    /// a shapefile's .cpg or LDID; without either, detect GBK vs UTF-8 from the raw bytes.
    std::string encodingOverride;
    /// CRS to assign when the file has none, an undefined one (LayerInfo::crsProblem) or a geographic
    /// one that its coordinates contradict (an extent entirely beyond ±90° latitude); a file with a
    /// usable CRS keeps its own. Invalid: none.
    Crs assignCrs;
};

/// @brief An opened vector layer (Shapefile, GeoPackage, GeoJSON, FileGDB via OpenFileGDB, KML, ...).
///
/// Throws GisError(Open) naming the file (and GDAL's message) when it cannot be opened, and naming
/// the available layers when the requested layer does not exist. Not thread-safe.
/// @brief The size and modification time of each file of a dataset: compared with a later stamp of the
/// same files, whether the data changed in between (e.g. a parcel file edited during a long run).
struct FileStamp {
    struct File {
        std::string path;
        std::uintmax_t bytes = 0;
        std::int64_t modifiedNs = 0; ///< since the epoch; -1 when the file is gone
    };
    std::vector<File> files;
    bool empty() const { return files.empty(); }
    /// Stamps `paths` now.
    static FileStamp of(const std::vector<std::string>& paths);
    /// The files whose size or time differ from `earlier` (one path per line, with what changed);
    /// empty when none does.
    std::string changesSince(const FileStamp& earlier) const;
};

class VectorLayer {
public:
    explicit VectorLayer(const std::string& path, const VectorOpenOptions& options = {});
    ~VectorLayer();
    VectorLayer(VectorLayer&&) noexcept;
    VectorLayer& operator=(VectorLayer&&) noexcept;

    const LayerInfo& info() const;
    /// The files the dataset consists of, as GDAL lists them (a shapefile's .shp, .shx, .dbf, .prj, .cpg;
    /// a GeoPackage's one file; a FileGDB's tables). Empty when the driver lists none.
    std::vector<std::string> files() const;
    /// Index of a field by (decoded) name, or -1.
    int fieldIndex(const QString& name) const;

    /// Restarts reading at the first feature.
    void resetReading();
    /// Reads the next feature (its attributes only when asked); false at the end. Throws GisError(Io) on
    /// a read failure.
    bool next(Feature& feature, bool attributes = true);
    /// Reads the feature `fid` (random access; the geometry exactly as next() gives it; attributes
    /// only when asked); false when the layer has no such feature. next() after it may restart
    /// (GDAL: a GetFeature() interrupts sequential reading). Throws GisError(Io) on a read failure.
    bool feature(std::int64_t fid, Feature& feature, bool attributes = true);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// @brief Parses ISO/OGC WKB polygon or multipolygon into plain rings. Returns false for other
/// geometry types (e.g. points, lines) or malformed WKB; `why` then says what was found.
bool polygonFromWkb(const unsigned char* wkb,
                    std::size_t size,
                    MultiPolygon& out,
                    std::string* why = nullptr);

} // namespace tanhui::gis
