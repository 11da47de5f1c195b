// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/VectorSource.h"

#include "gis/Errors.h"
#include "gis/Feedback.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tanhui::render {

namespace {

constexpr std::uint32_t kNodeSize = 16;

gis::Box unite(const gis::Box& a, const gis::Box& b) {
    return {
        std::min(a.xmin, b.xmin), std::min(a.ymin, b.ymin), std::max(a.xmax, b.xmax), std::max(a.ymax, b.ymax)
    };
}

bool touches(const gis::Box& a, const gis::Box& b) {
    return a.xmin <= b.xmax && b.xmin <= a.xmax && a.ymin <= b.ymax && b.ymin <= a.ymax;
}

const QVariant kNull;

} // namespace

std::shared_ptr<const VectorSource> VectorSource::load(const std::string& path,
                                                       const gis::VectorOpenOptions& options,
                                                       const gis::Crs& mapCrs,
                                                       gis::Feedback* feedback) {
    auto source = std::shared_ptr<VectorSource>(new VectorSource());
    gis::VectorLayer layer(path, options);
    source->m_path = path;
    source->m_info = layer.info();
    std::unique_ptr<gis::CoordinateTransform> transform;
    if (mapCrs.isValid()) {
        if (!source->m_info.crs.isValid())
            throw gis::GisError(
              gis::GisError::Kind::Crs,
              "\"" + path + "\" has no coordinate reference system" +
                (source->m_info.crsProblem.empty() ? std::string() : " (" + source->m_info.crsProblem + ")") +
                ", so it cannot be placed on the map; assign one in the layer's properties",
              path);
        if (!source->m_info.crs.isSame(mapCrs))
            transform = std::make_unique<gis::CoordinateTransform>(source->m_info.crs, mapCrs);
        source->m_crs = mapCrs;
    } else {
        source->m_crs = source->m_info.crs;
    }
    const std::int64_t expected = std::max<std::int64_t>(source->m_info.featureCount, 1);
    source->m_fids.reserve(std::size_t(std::max<std::int64_t>(source->m_info.featureCount, 0)));
    gis::Feature feature;
    gis::MultiPolygon geometry;
    bool first = true;
    while (layer.next(feature)) {
        const std::size_t index = source->m_fids.size();
        if (feedback && (index & 1023) == 0) {
            feedback->throwIfCancelled();
            feedback->setProgress(100.0 * double(index) / double(expected), "Reading features");
        }
        source->m_fids.push_back(feature.fid);
        source->m_attributes.push_back(std::move(feature.attributes));
        gis::Box box{ std::numeric_limits<double>::infinity(),
                      std::numeric_limits<double>::infinity(),
                      -std::numeric_limits<double>::infinity(),
                      -std::numeric_limits<double>::infinity() };
        if (!feature.wkb.empty() && gis::polygonFromWkb(feature.wkb.data(), feature.wkb.size(), geometry)) {
            if (transform) {
                try {
                    transform->transform(geometry);
                } catch (const gis::GisError& e) {
                    throw gis::GisError(gis::GisError::Kind::Crs,
                                        "Feature " + std::to_string(feature.fid) + " of \"" + path +
                                          "\" cannot be reprojected to the map CRS: " + e.what(),
                                        path);
                }
            }
            for (const gis::Polygon& part : geometry.parts)
                for (const gis::Ring& ring : part.rings) {
                    if (ring.size() < 3)
                        continue;
                    for (std::size_t i = 0; i < ring.size(); ++i) {
                        const double x = ring.x(i), y = ring.y(i);
                        box.xmin = std::min(box.xmin, x);
                        box.ymin = std::min(box.ymin, y);
                        box.xmax = std::max(box.xmax, x);
                        box.ymax = std::max(box.ymax, y);
                    }
                    source->m_xy.insert(source->m_xy.end(), ring.xy.begin(), ring.xy.end());
                    source->m_ringStart.push_back(std::uint32_t(source->m_xy.size() / 2));
                }
        }
        source->m_featureRing.push_back(std::uint32_t(source->m_ringStart.size() - 1));
        if (!(box.xmax >= box.xmin))
            box = gis::Box{ 0, 0, -1, -1 }; // no rings: never matches a query
        else {
            source->m_extent = first ? box : unite(source->m_extent, box);
            first = false;
        }
        source->m_bounds.push_back(box);
    }
    source->buildIndex();
    if (feedback)
        feedback->setProgress(100.0, "Reading features");
    return source;
}

const QVariant& VectorSource::attribute(std::size_t feature, int field) const {
    const auto& row = m_attributes[feature];
    return field >= 0 && std::size_t(field) < row.size() ? row[std::size_t(field)] : kNull;
}

int VectorSource::fieldIndex(const QString& name) const {
    for (std::size_t i = 0; i < m_info.fields.size(); ++i)
        if (m_info.fields[i].name == name)
            return int(i);
    return -1;
}

std::shared_ptr<const VectorSource> VectorSource::withField(const QString& name,
                                                            const QString& typeName,
                                                            const std::vector<QVariant>& values) const {
    auto copy = std::make_shared<VectorSource>(*this);
    int field = copy->fieldIndex(name);
    if (field < 0) {
        copy->m_info.fields.push_back({ name, typeName });
        field = int(copy->m_info.fields.size()) - 1;
    }
    for (std::size_t f = 0; f < copy->m_attributes.size(); ++f) {
        auto& row = copy->m_attributes[f];
        if (row.size() <= std::size_t(field))
            row.resize(std::size_t(field) + 1);
        row[std::size_t(field)] = f < values.size() ? values[f] : QVariant();
    }
    return copy;
}

void VectorSource::buildIndex() {
    m_levels.clear();
    m_leafOrder.clear();
    for (std::uint32_t i = 0; i < m_bounds.size(); ++i)
        if (m_bounds[i].xmax >= m_bounds[i].xmin)
            m_leafOrder.push_back(i);
    if (m_leafOrder.empty())
        return;
    // Sort-tile-recursive: sort by x centre, cut into vertical slices, sort each slice by y centre.
    const auto cx = [this](std::uint32_t i) { return m_bounds[i].xmin + m_bounds[i].xmax; };
    const auto cy = [this](std::uint32_t i) { return m_bounds[i].ymin + m_bounds[i].ymax; };
    const std::size_t n = m_leafOrder.size();
    const std::size_t leaves = (n + kNodeSize - 1) / kNodeSize;
    const auto slices = std::size_t(std::ceil(std::sqrt(double(leaves))));
    const std::size_t perSlice = slices * kNodeSize;
    std::stable_sort(m_leafOrder.begin(), m_leafOrder.end(), [&](auto a, auto b) { return cx(a) < cx(b); });
    for (std::size_t s = 0; s < n; s += perSlice)
        std::stable_sort(m_leafOrder.begin() + std::ptrdiff_t(s),
                         m_leafOrder.begin() + std::ptrdiff_t(std::min(n, s + perSlice)),
                         [&](auto a, auto b) { return cy(a) < cy(b); });
    std::vector<Node> level;
    for (std::size_t s = 0; s < n; s += kNodeSize) {
        Node node{ m_bounds[m_leafOrder[s]],
                   std::uint32_t(s),
                   std::uint32_t(std::min<std::size_t>(kNodeSize, n - s)) };
        for (std::uint32_t k = 1; k < node.count; ++k)
            node.box = unite(node.box, m_bounds[m_leafOrder[s + k]]);
        level.push_back(node);
    }
    m_levels.push_back(std::move(level));
    while (m_levels.back().size() > 1) {
        const std::vector<Node>& below = m_levels.back();
        std::vector<Node> up;
        for (std::size_t s = 0; s < below.size(); s += kNodeSize) {
            Node node{ below[s].box,
                       std::uint32_t(s),
                       std::uint32_t(std::min<std::size_t>(kNodeSize, below.size() - s)) };
            for (std::uint32_t k = 1; k < node.count; ++k)
                node.box = unite(node.box, below[s + k].box);
            up.push_back(node);
        }
        m_levels.push_back(std::move(up));
    }
}

void VectorSource::query(const gis::Box& box, std::vector<std::uint32_t>& out) const {
    if (m_levels.empty())
        return;
    const std::size_t begin = out.size();
    std::vector<std::pair<std::size_t, std::uint32_t>> stack; // (level, node)
    const std::size_t top = m_levels.size() - 1;
    for (std::uint32_t i = 0; i < m_levels[top].size(); ++i)
        stack.emplace_back(top, i);
    while (!stack.empty()) {
        const auto [lvl, idx] = stack.back();
        stack.pop_back();
        const Node& node = m_levels[lvl][idx];
        if (!touches(node.box, box))
            continue;
        if (lvl == 0) {
            for (std::uint32_t k = 0; k < node.count; ++k) {
                const std::uint32_t f = m_leafOrder[node.first + k];
                if (touches(m_bounds[f], box))
                    out.push_back(f);
            }
        } else {
            for (std::uint32_t k = 0; k < node.count; ++k)
                stack.emplace_back(lvl - 1, node.first + k);
        }
    }
    const std::size_t found = out.size() - begin;
    if (found > size() / 8) {
        // Many hits (a view of most of the layer): ascending by marking, in linear time (sorting
        // 100,000 indices cost ~12 M instructions per full-view frame).
        std::vector<std::uint8_t> hit(size(), 0);
        for (std::size_t k = begin; k < out.size(); ++k)
            hit[out[k]] = 1;
        std::size_t k = begin;
        for (std::uint32_t f = 0; f < hit.size(); ++f)
            if (hit[f])
                out[k++] = f;
        out.resize(k);
    } else {
        std::sort(out.begin() + std::ptrdiff_t(begin), out.end());
    }
}

bool VectorSource::ringContains(std::uint32_t ring, double x, double y) const {
    bool in = false; // even–odd crossings of a ray towards +x
    const std::uint32_t a = m_ringStart[ring], b = m_ringStart[ring + 1];
    for (std::uint32_t i = a, j = b - 1; i < b; j = i++) {
        const double xi = m_xy[2 * i], yi = m_xy[2 * i + 1], xj = m_xy[2 * j], yj = m_xy[2 * j + 1];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            in = !in;
    }
    return in;
}

bool VectorSource::contains(std::size_t feature, double x, double y) const {
    bool in = false; // even–odd over all rings: holes and parts alike
    for (std::uint32_t r = firstRing(feature); r < endRing(feature); ++r)
        in = in != ringContains(r, x, y);
    return in;
}

std::vector<std::uint32_t> VectorSource::featuresAt(double x, double y) const {
    std::vector<std::uint32_t> candidates, hits;
    query(gis::Box{ x, y, x, y }, candidates);
    for (std::uint32_t f : candidates)
        if (contains(f, x, y))
            hits.push_back(f);
    std::reverse(hits.begin(), hits.end());
    return hits;
}

namespace {

/// Whether segment (x1, y1)–(x2, y2) meets the rectangle `b` (Liang–Barsky clipping).
bool segmentMeetsBox(double x1, double y1, double x2, double y2, const gis::Box& b) {
    double t0 = 0, t1 = 1;
    const double dx = x2 - x1, dy = y2 - y1;
    const double p[4] = { -dx, dx, -dy, dy };
    const double q[4] = { x1 - b.xmin, b.xmax - x1, y1 - b.ymin, b.ymax - y1 };
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    return true;
}

} // namespace

gis::MultiPolygon VectorSource::geometry(std::size_t feature) const {
    const std::uint32_t r0 = firstRing(feature), r1 = endRing(feature);
    auto inside = [this](std::uint32_t ring, double x, double y) { return ringContains(ring, x, y); };
    // Depth of each ring: how many other rings of the feature contain its first vertex.
    std::vector<int> depth(r1 - r0, 0);
    for (std::uint32_t r = r0; r < r1; ++r) {
        const double x = m_xy[2 * m_ringStart[r]], y = m_xy[2 * m_ringStart[r] + 1];
        for (std::uint32_t o = r0; o < r1; ++o)
            if (o != r && inside(o, x, y))
                ++depth[r - r0];
    }
    gis::MultiPolygon out;
    std::vector<int> partOf(r1 - r0, -1);
    for (std::uint32_t r = r0; r < r1; ++r) {
        if (depth[r - r0] % 2 != 0)
            continue;
        partOf[r - r0] = int(out.parts.size());
        gis::Polygon part;
        part.rings.push_back(
          { std::vector<double>(m_xy.begin() + 2 * m_ringStart[r], m_xy.begin() + 2 * m_ringStart[r + 1]) });
        out.parts.push_back(std::move(part));
    }
    for (std::uint32_t r = r0; r < r1; ++r) {
        if (depth[r - r0] % 2 == 0)
            continue;
        const double x = m_xy[2 * m_ringStart[r]], y = m_xy[2 * m_ringStart[r] + 1];
        int best = -1, bestDepth = -1;
        for (std::uint32_t o = r0; o < r1; ++o)
            if (partOf[o - r0] >= 0 && depth[o - r0] > bestDepth && inside(o, x, y)) {
                best = partOf[o - r0];
                bestDepth = depth[o - r0];
            }
        if (best >= 0)
            out.parts[std::size_t(best)].rings.push_back({ std::vector<double>(
              m_xy.begin() + 2 * m_ringStart[r], m_xy.begin() + 2 * m_ringStart[r + 1]) });
    }
    return out;
}

std::vector<std::uint32_t> VectorSource::featuresIntersecting(const gis::Box& box) const {
    std::vector<std::uint32_t> candidates, hits;
    query(box, candidates);
    const double cx = 0.5 * (box.xmin + box.xmax), cy = 0.5 * (box.ymin + box.ymax);
    for (std::uint32_t f : candidates) {
        const gis::Box& fb = m_bounds[f];
        // Bounds inside the rectangle: the feature is inside (when it has rings at all).
        bool hit = firstRing(f) < endRing(f) && fb.xmin >= box.xmin && fb.xmax <= box.xmax &&
                   fb.ymin >= box.ymin && fb.ymax <= box.ymax;
        // An edge crossing or touching the rectangle.
        for (std::uint32_t r = firstRing(f); !hit && r < endRing(f); ++r) {
            const std::uint32_t a = m_ringStart[r], b = m_ringStart[r + 1];
            for (std::uint32_t i = a, j = b - 1; i < b && !hit; j = i++)
                hit = segmentMeetsBox(m_xy[2 * j], m_xy[2 * j + 1], m_xy[2 * i], m_xy[2 * i + 1], box);
        }
        // No edge meets it: the rectangle lies wholly inside the polygon (or wholly outside).
        if (!hit)
            hit = contains(f, cx, cy);
        if (hit)
            hits.push_back(f);
    }
    return hits;
}

std::size_t VectorSource::memoryBytes() const {
    std::size_t bytes = m_xy.capacity() * sizeof(double) + m_ringStart.capacity() * 4 +
                        m_featureRing.capacity() * 4 + m_fids.capacity() * 8 +
                        m_bounds.capacity() * sizeof(gis::Box) + m_leafOrder.capacity() * 4;
    for (const auto& row : m_attributes)
        bytes += row.capacity() * sizeof(QVariant);
    for (const auto& level : m_levels)
        bytes += level.capacity() * sizeof(Node);
    return bytes;
}

} // namespace tanhui::render
