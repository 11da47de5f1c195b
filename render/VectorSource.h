// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Geometry.h"
#include "gis/VectorLayer.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tanhui::gis {
class Feedback;
}

namespace tanhui::render {

/// @brief A polygon layer held for drawing: every feature's rings reprojected once to the map CRS, in
/// flat arrays, its attributes, and a packed R-tree (sort-tile-recursive, 16 entries per node), so a
/// zoomed-in frame visits only the features it shows. Read-only after load(): safe to draw from
/// several threads at once.
class VectorSource {
public:
    /// Reads `path` (any OGR polygon layer; `options` as for analyses: layer name, encoding, assigned
    /// CRS) and reprojects it to `mapCrs` (the layer's own CRS when `mapCrs` is invalid). Features
    /// without polygonal geometry are kept (attributes, no rings) so that feature indices equal the
    /// layer's order. Throws GisError naming the file (no CRS while mapCrs is valid, unreadable
    /// file, failed reprojection of a feature), CancelledError.
    static std::shared_ptr<const VectorSource> load(const std::string& path,
                                                    const gis::VectorOpenOptions& options,
                                                    const gis::Crs& mapCrs,
                                                    gis::Feedback* feedback = nullptr);

    const std::string& path() const { return m_path; }
    const gis::LayerInfo& info() const { return m_info; }
    const gis::Crs& crs() const { return m_crs; } ///< the map CRS the rings are in
    std::size_t size() const { return m_fids.size(); }
    gis::Box extent() const { return m_extent; }

    std::int64_t fid(std::size_t feature) const { return m_fids[feature]; }
    const gis::Box& bounds(std::size_t feature) const { return m_bounds[feature]; }
    /// Attribute `field` (index in info().fields) of a feature.
    const QVariant& attribute(std::size_t feature, int field) const;
    /// Index of a field by name, or -1.
    int fieldIndex(const QString& name) const;
    /// A copy with one more field, `name` (OGR type name `typeName`, e.g. "Real"), whose value for
    /// feature f is values[f] (missing values null): a quantity derived for drawing, such as a result
    /// layer's change per hectare, without writing a file. Replaces a field of that name.
    std::shared_ptr<const VectorSource> withField(const QString& name,
                                                  const QString& typeName,
                                                  const std::vector<QVariant>& values) const;

    /// Rings of a feature: ring r covers points [ringStart(r), ringStart(r + 1)) of xy().
    std::uint32_t firstRing(std::size_t feature) const { return m_featureRing[feature]; }
    std::uint32_t endRing(std::size_t feature) const { return m_featureRing[feature + 1]; }
    std::uint32_t ringStart(std::uint32_t ring) const { return m_ringStart[ring]; }
    const double* xy() const { return m_xy.data(); }

    /// A feature's polygon rebuilt from its rings (map CRS): a ring inside an even number of the feature's
    /// other rings is an outer ring starting a part, one inside an odd number a hole of the innermost
    /// outer ring containing it (rings of valid polygons do not cross).
    gis::MultiPolygon geometry(std::size_t feature) const;

    /// Appends to `out` the features whose bounds intersect `box` (in ascending feature order).
    void query(const gis::Box& box, std::vector<std::uint32_t>& out) const;
    /// The features containing point (x, y) (even–odd rule over all rings), topmost (last) first.
    std::vector<std::uint32_t> featuresAt(double x, double y) const;

    /// The features whose polygons intersect the rectangle `box` (interior, boundary or touching; holes
    /// excluded: a rectangle inside a hole does not select), ascending. Exact on the drawn rings.
    std::vector<std::uint32_t> featuresIntersecting(const gis::Box& box) const;

    /// Approximate memory held, in bytes.
    std::size_t memoryBytes() const;

private:
    struct Node {
        gis::Box box;
        std::uint32_t first = 0, count = 0; ///< children: nodes of the level below, or features (leaves)
    };

    void buildIndex();
    /// Point in one ring (even–odd crossings).
    bool ringContains(std::uint32_t ring, double x, double y) const;
    /// Point in a feature: even–odd over all its rings (holes excluded).
    bool contains(std::size_t feature, double x, double y) const;

    std::string m_path;
    gis::LayerInfo m_info;
    gis::Crs m_crs;
    gis::Box m_extent{};
    std::vector<std::int64_t> m_fids;
    std::vector<gis::Box> m_bounds;
    std::vector<std::vector<QVariant>> m_attributes;
    std::vector<std::uint32_t> m_featureRing{ 0 };
    std::vector<std::uint32_t> m_ringStart{ 0 };
    std::vector<double> m_xy;
    /// Index levels, leaves first; leaf entries are feature numbers in m_leafOrder.
    std::vector<std::vector<Node>> m_levels;
    std::vector<std::uint32_t> m_leafOrder;
};

} // namespace tanhui::render
