// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/MapRenderer.h"

#include "gis/Crs.h"
#include "gis/Errors.h"
#include "gis/Feedback.h"

#include <QElapsedTimer>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QScopeGuard>

#include <algorithm>
#include <cmath>
#include <future>
#include <limits>
#include <map>
#include <optional>
#include <thread>

namespace tanhui::render {

// ---------------------------------------------------------------------------------------------------
// RasterSource

std::shared_ptr<RasterSource> RasterSource::open(const std::string& path) {
    auto source = std::shared_ptr<RasterSource>(new RasterSource());
    auto handle = std::make_unique<gis::RasterDataset>(path);
    source->m_info = handle->info();
    source->m_free.push_back(std::move(handle));
    return source;
}

std::unique_ptr<gis::RasterDataset> RasterSource::acquire() const {
    {
        std::lock_guard lock(m_mutex);
        if (!m_free.empty()) {
            auto h = std::move(m_free.back());
            m_free.pop_back();
            return h;
        }
    }
    return std::make_unique<gis::RasterDataset>(m_info.path, gis::RasterDataset::CrsReading::Skip);
}

void RasterSource::release(std::unique_ptr<gis::RasterDataset> handle) const {
    std::lock_guard lock(m_mutex);
    if (handle && m_free.size() < 4)
        m_free.push_back(std::move(handle));
}

namespace {

// ---------------------------------------------------------------------------------------------------
// Rasters

/// Colours of values: a lookup table for the style.
class Colorizer {
public:
    explicit Colorizer(const RasterStyle& style)
      : m_style(style) {
        if (style.kind == RasterStyle::Kind::Paletted) {
            bool small = true;
            int maxValue = 0;
            for (const RasterClass& c : style.classes) {
                if (c.value != std::floor(c.value) || c.value < 0 || c.value > 65535)
                    small = false;
                else
                    maxValue = std::max(maxValue, int(c.value));
            }
            m_small = small;
            if (small) {
                m_table.assign(std::size_t(maxValue) + 1, 0u);
                for (const RasterClass& c : style.classes)
                    m_table[std::size_t(c.value)] = c.visible ? qPremultiply(c.color.rgba()) : 0u;
            } else {
                for (const RasterClass& c : style.classes)
                    m_map[c.value] = c.visible ? qPremultiply(c.color.rgba()) : 0u;
            }
        } else {
            m_table.resize(1024);
            for (std::size_t i = 0; i < m_table.size(); ++i)
                m_table[i] = qPremultiply(style.ramp.at(double(i) / 1023.0).rgba());
        }
    }

    QRgb color(double v) const {
        if (m_style.kind == RasterStyle::Kind::Paletted) {
            if (m_small) {
                if (v >= 0 && v < double(m_table.size()) && v == std::floor(v))
                    return m_table[std::size_t(v)];
                return 0u;
            }
            const auto it = m_map.find(v);
            return it == m_map.end() ? 0u : it->second;
        }
        const double span = m_style.max - m_style.min;
        double t = span > 0 ? (v - m_style.min) / span : 0.5;
        t = std::clamp(t, 0.0, 1.0);
        return m_table[std::size_t(t * 1023.0 + 0.5)];
    }

private:
    const RasterStyle& m_style;
    bool m_small = false;
    std::vector<QRgb> m_table;
    std::map<double, QRgb> m_map;
};

/// The raster pixel coordinates (column, row; 0 at the grid's top-left edge) of every device pixel
/// centre, from a grid of control points every kStep pixels transformed exactly and interpolated
/// bilinearly in between (GDAL's approximate transformer does the same).
class PixelToRaster {
public:
    static constexpr int kStep = 16;

    PixelToRaster(const MapSettings& settings,
                  const gis::Grid& grid,
                  const gis::CoordinateTransform* toRaster)
      : m_w(settings.size.width())
      , m_h(settings.size.height()) {
        m_nx = m_w / kStep + 2;
        m_ny = m_h / kStep + 2;
        std::vector<double> xy;
        xy.reserve(std::size_t(m_nx) * std::size_t(m_ny) * 2);
        for (int j = 0; j < m_ny; ++j)
            for (int i = 0; i < m_nx; ++i) {
                const QPointF p = settings.toMap(QPointF(i * kStep + 0.5, j * kStep + 0.5));
                xy.push_back(p.x());
                xy.push_back(p.y());
            }
        if (toRaster) {
            try {
                toRaster->transform(xy);
            } catch (const gis::GisError&) {
                // Some points lie outside the projection's domain: transform one by one, marking those.
                for (std::size_t k = 0; k < xy.size(); k += 2) {
                    std::vector<double> one{ xy[k], xy[k + 1] };
                    try {
                        toRaster->transform(one);
                        xy[k] = one[0];
                        xy[k + 1] = one[1];
                    } catch (const gis::GisError&) {
                        xy[k] = xy[k + 1] = std::numeric_limits<double>::quiet_NaN();
                    }
                }
            }
        }
        m_axisAligned = toRaster == nullptr;
        m_col.resize(std::size_t(m_nx) * std::size_t(m_ny));
        m_row.resize(m_col.size());
        for (std::size_t k = 0; k < m_col.size(); ++k) {
            m_col[k] = grid.colCoord(xy[2 * k]);
            m_row[k] = grid.rowCoord(xy[2 * k + 1]);
        }
    }

    /// True when the mapping is exactly axis-aligned and linear (no reprojection): column then depends
    /// on x only and row on y only.
    bool axisAligned() const { return m_axisAligned; }

    /// Bounds of the control points that are finite: {col0, row0, col1, row1}; false when none.
    bool bounds(double& c0, double& r0, double& c1, double& r1) const {
        c0 = r0 = std::numeric_limits<double>::infinity();
        c1 = r1 = -std::numeric_limits<double>::infinity();
        for (std::size_t k = 0; k < m_col.size(); ++k)
            if (std::isfinite(m_col[k]) && std::isfinite(m_row[k])) {
                c0 = std::min(c0, m_col[k]);
                c1 = std::max(c1, m_col[k]);
                r0 = std::min(r0, m_row[k]);
                r1 = std::max(r1, m_row[k]);
            }
        return c1 >= c0;
    }

    /// Raster cells per device pixel near the centre of the frame.
    double cellsPerPixel() const {
        const int i = m_nx / 2 - 1, j = m_ny / 2 - 1;
        if (i < 0 || j < 0)
            return 1;
        const std::size_t a = std::size_t(j) * std::size_t(m_nx) + std::size_t(i);
        const double dc = std::hypot(m_col[a + 1] - m_col[a], m_row[a + 1] - m_row[a]) / kStep;
        const double dr =
          std::hypot(m_col[a + std::size_t(m_nx)] - m_col[a], m_row[a + std::size_t(m_nx)] - m_row[a]) /
          kStep;
        const double v = std::min(dc, dr);
        return std::isfinite(v) && v > 0 ? v : 1;
    }

    /// Column and row coordinates along device row y, for x = 0 … width − 1.
    void row(int y, std::vector<double>& cols, std::vector<double>& rows) const {
        cols.resize(std::size_t(m_w));
        rows.resize(std::size_t(m_w));
        const int j = y / kStep;
        const double fy = double(y - j * kStep) / kStep;
        for (int i = 0; i + 1 < m_nx; ++i) {
            const std::size_t a = std::size_t(j) * std::size_t(m_nx) + std::size_t(i),
                              b = a + std::size_t(m_nx);
            const double c0 = m_col[a] + (m_col[b] - m_col[a]) * fy,
                         c1 = m_col[a + 1] + (m_col[b + 1] - m_col[a + 1]) * fy;
            const double r0 = m_row[a] + (m_row[b] - m_row[a]) * fy,
                         r1 = m_row[a + 1] + (m_row[b + 1] - m_row[a + 1]) * fy;
            const int x0 = i * kStep, x1 = std::min(m_w, x0 + kStep);
            for (int x = x0; x < x1; ++x) {
                const double fx = double(x - x0) / kStep;
                cols[std::size_t(x)] = c0 + (c1 - c0) * fx;
                rows[std::size_t(x)] = r0 + (r1 - r0) * fx;
            }
        }
    }

private:
    int m_w, m_h, m_nx = 0, m_ny = 0;
    bool m_axisAligned = false;
    std::vector<double> m_col, m_row;
};

void drawRaster(QPainter& painter,
                const MapSettings& settings,
                const RasterSource& source,
                const RasterStyle& style,
                gis::Feedback* feedback,
                RenderStats& stats) {
    const gis::RasterInfo& info = source.info();
    const gis::Grid& grid = info.grid;
    std::unique_ptr<gis::CoordinateTransform> toRaster;
    if (settings.crs.isValid()) {
        if (!info.crs.isValid())
            throw gis::GisError(gis::GisError::Kind::Crs,
                                "\"" + info.path + "\" has no coordinate reference system" +
                                  (info.crsProblem.empty() ? std::string() : " (" + info.crsProblem + ")") +
                                  ", so it cannot be placed on the map; assign one in the layer's properties",
                                info.path);
        if (!info.crs.isSame(settings.crs))
            toRaster = std::make_unique<gis::CoordinateTransform>(settings.crs, info.crs);
    }
    const PixelToRaster mapping(settings, grid, toRaster.get());
    double c0, r0, c1, r1;
    if (!mapping.bounds(c0, r0, c1, r1))
        return;
    gis::Window window;
    window.col0 = std::max(0, int(std::floor(c0)) - 1);
    window.row0 = std::max(0, int(std::floor(r0)) - 1);
    window.cols = std::min(grid.cols, int(std::ceil(c1)) + 1) - window.col0;
    window.rows = std::min(grid.rows, int(std::ceil(r1)) + 1) - window.row0;
    if (window.isEmpty())
        return;
    // Read at about the frame's resolution: never more cells than the window has, never fewer than
    // one per device pixel (GDAL picks the overview).
    const double factor = std::max(1.0, mapping.cellsPerPixel());
    const int bufCols = std::max(1, std::min(window.cols, int(std::ceil(window.cols / factor))));
    const int bufRows = std::max(1, std::min(window.rows, int(std::ceil(window.rows / factor))));
    const int w = settings.size.width(), h = settings.size.height();
    QImage image(w, h, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);

    auto dataset = source.acquire();
    const auto giveBack = qScopeGuard([&] { source.release(std::move(dataset)); });
    const bool rgb = style.kind == RasterStyle::Kind::Rgb;
    std::vector<int> bands =
      rgb ? std::vector<int>{ style.red, style.green, style.blue } : std::vector<int>{ style.band };
    std::vector<std::vector<double>> values(bands.size());
    std::vector<std::vector<unsigned char>> valid(bands.size());
    for (std::size_t b = 0; b < bands.size(); ++b) {
        if (feedback)
            feedback->throwIfCancelled();
        dataset->readResampled(bands[b], window, bufCols, bufRows, values[b], valid[b]);
        stats.rasterCellsRead += values[b].size();
    }
    const Colorizer colorizer(style);
    const double sx = double(bufCols) / window.cols, sy = double(bufRows) / window.rows;
    const double span = style.max - style.min;
    const auto channel = [&](double v) {
        const double t = span > 0 ? (v - style.min) / span : 0.5;
        return int(std::lround(255.0 * std::clamp(t, 0.0, 1.0)));
    };
    // Buffer cell of a raster coordinate, or -1 outside the window.
    const auto bufferCol = [&](double c) {
        return c >= window.col0 && c < window.col0 + window.cols
                 ? std::min(bufCols - 1, int((c - window.col0) * sx))
                 : -1;
    };
    const auto bufferRow = [&](double r) {
        return r >= window.row0 && r < window.row0 + window.rows
                 ? std::min(bufRows - 1, int((r - window.row0) * sy))
                 : -1;
    };
    std::vector<double> cols, rows;
    std::vector<int> bxOfX; // axis-aligned: the buffer column of each device column, computed once
    if (mapping.axisAligned()) {
        mapping.row(0, cols, rows);
        bxOfX.resize(std::size_t(w));
        for (int x = 0; x < w; ++x)
            bxOfX[std::size_t(x)] = bufferCol(cols[std::size_t(x)]);
    }
    std::vector<QRgb> colorOfCell; // per buffer row, the colour of each cell, computed once per row
    for (int y = 0; y < h; ++y) {
        if (feedback && (y & 63) == 0)
            feedback->throwIfCancelled();
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        mapping.row(y, cols, rows);
        if (mapping.axisAligned()) {
            const int by = bufferRow(rows[0]);
            if (by < 0)
                continue;
            const std::size_t k0 = std::size_t(by) * std::size_t(bufCols);
            colorOfCell.resize(std::size_t(bufCols));
            for (int bx = 0; bx < bufCols; ++bx) {
                const std::size_t k = k0 + std::size_t(bx);
                if (!rgb)
                    colorOfCell[std::size_t(bx)] = valid[0][k] ? colorizer.color(values[0][k]) : 0u;
                else
                    colorOfCell[std::size_t(bx)] =
                      valid[0][k] && valid[1][k] && valid[2][k]
                        ? qRgb(channel(values[0][k]), channel(values[1][k]), channel(values[2][k]))
                        : 0u;
            }
            for (int x = 0; x < w; ++x)
                if (const int bx = bxOfX[std::size_t(x)]; bx >= 0)
                    line[x] = colorOfCell[std::size_t(bx)];
            continue;
        }
        for (int x = 0; x < w; ++x) {
            const int bx = bufferCol(cols[std::size_t(x)]), by = bufferRow(rows[std::size_t(x)]);
            if (bx < 0 || by < 0)
                continue;
            const std::size_t k = std::size_t(by) * std::size_t(bufCols) + std::size_t(bx);
            if (!rgb) {
                if (valid[0][k])
                    line[x] = colorizer.color(values[0][k]);
            } else if (valid[0][k] && valid[1][k] && valid[2][k]) {
                line[x] = qRgb(channel(values[0][k]), channel(values[1][k]), channel(values[2][k]));
            }
        }
    }
    painter.save();
    painter.setOpacity(std::clamp(style.opacity, 0.0, 1.0));
    painter.drawImage(QPointF(0, 0), image);
    painter.restore();
}

// ---------------------------------------------------------------------------------------------------
// Polygons

/// Device-pixel rings of a feature into flat buffers (reused across features): ring k covers
/// points [starts[k], starts[k + 1]). With `snapPx` 0, vertices closer than half a pixel to the last
/// kept one are merged (the vector devices' path); otherwise every vertex is snapped to a grid of
/// `snapPx` pixels and repeated points dropped (QGIS's snap-to-grid simplification): a vertex shared
/// by two features lands on the same point in both, so their common edges are identical.
void devicePolygons(const VectorSource& source,
                    std::uint32_t feature,
                    const gis::Box& view,
                    double mupp,
                    double snapPx,
                    std::vector<QPointF>& points,
                    std::vector<int>& starts) {
    points.clear();
    starts.assign(1, 0);
    const double* xy = source.xy();
    const double inv = 1.0 / mupp;
    const double perSnap = snapPx > 0 ? 1.0 / snapPx : 0;
    for (std::uint32_t r = source.firstRing(feature); r < source.endRing(feature); ++r) {
        const std::uint32_t a = source.ringStart(r), b = source.ringStart(r + 1);
        const std::size_t first = points.size();
        double lx = 0, ly = 0;
        for (std::uint32_t i = a; i < b; ++i) {
            double px = (xy[2 * i] - view.xmin) * inv, py = (view.ymax - xy[2 * i + 1]) * inv;
            if (snapPx > 0) {
                px = std::floor(px * perSnap + 0.5) * snapPx;
                py = std::floor(py * perSnap + 0.5) * snapPx;
                if (i > a && px == lx && py == ly)
                    continue;
            } else if (i > a && i + 1 < b && std::abs(px - lx) < 0.5 && std::abs(py - ly) < 0.5) {
                continue;
            }
            points.emplace_back(px, py);
            lx = px;
            ly = py;
        }
        if (points.size() - first >= 3)
            starts.push_back(int(points.size()));
        else
            points.resize(first);
    }
}

/// Snapping grid of the raster path, in device pixels: vertices move by at most a quarter pixel
/// along each axis (less than the half-pixel merge of the vector path).
constexpr double kSnapPx = 0.5;

/// The outlines of one symbol gathered over a drawing pass onto an image, drawn after the fills (by
/// LineRasterizer, whose result does not depend on how often an edge is drawn). Edges on the snapping
/// grid are kept as 8 bytes each. An edge shared by two features (the same snapped end points, either
/// direction) is usually kept once: a small direct-mapped table remembers the recent edges (features
/// come in index order, so neighbours are near each other); an edge it has forgotten is drawn twice,
/// to the same pixels. In a tiling such as parcels this halves the outline work.
class OutlineBatch {
public:
    explicit OutlineBatch(const FillSymbol* symbol)
      : m_symbol(symbol)
      , m_recent(std::size_t(1) << kRecentBits, 0) {}

    const FillSymbol* symbol() const { return m_symbol; }

    /// Adds the edges of the rings [starts[k], starts[k + 1]) of `points` (closed rings: the closing
    /// edge is added when the last point differs from the first).
    void addRings(const std::vector<QPointF>& points, const std::vector<int>& starts) {
        for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
            const int a = starts[k], b = starts[k + 1];
            for (int i = a; i < b; ++i) {
                const QPointF& p = points[std::size_t(i)];
                const QPointF& q = points[std::size_t(i + 1 < b ? i + 1 : a)];
                if (p != q)
                    add(p, q);
            }
        }
    }

    /// Calls `draw(QLineF)` for every kept edge.
    template<typename Draw>
    void forEach(Draw&& draw) const {
        for (const std::uint64_t key : m_keys)
            draw(QLineF(unpack(std::uint32_t(key >> 32)), unpack(std::uint32_t(key))));
        for (const QLineF& line : m_other)
            draw(line);
    }

private:
    static constexpr int kRecentBits = 15; // 256 KB: stays in the cache

    /// A point on the half-pixel grid (kSnapPx) as 32 bits (16 per axis, −8,192 … 24,575 px); false out
    /// of range.
    static bool pack(const QPointF& p, std::uint32_t& out) {
        const double x = p.x() * 2 + 16384, y = p.y() * 2 + 16384;
        if (!(x >= 0 && x < 65535 && y >= 0 && y < 65535))
            return false;
        out = (std::uint32_t(x) << 16) | std::uint32_t(y);
        return true;
    }
    static QPointF unpack(std::uint32_t u) {
        return QPointF((double(u >> 16) - 16384) * 0.5, (double(u & 0xffffu) - 16384) * 0.5);
    }

    void add(const QPointF& p, const QPointF& q) {
        std::uint32_t u, v;
        if (!pack(p, u) || !pack(q, v)) {
            m_other.emplace_back(p, q); // far off the frame: kept as is
            return;
        }
        const std::uint64_t key = u < v ? (std::uint64_t(u) << 32 | v) : (std::uint64_t(v) << 32 | u);
        std::uint64_t& slot = m_recent[std::size_t((key * 0x9E3779B97F4A7C15ull) >> (64 - kRecentBits))];
        if (slot == key)
            return; // kept already, for the feature on the other side
        slot = key;
        m_keys.push_back(key);
    }

    const FillSymbol* m_symbol;
    std::vector<std::uint64_t> m_keys; ///< two packed end points per edge
    std::vector<QLineF> m_other;
    std::vector<std::uint64_t> m_recent; ///< direct-mapped by a hash of the edge; 0: empty
};

QPen outlinePen(const FillSymbol& symbol, const MapSettings& settings) {
    QPen pen(symbol.stroke);
    const double width = settings.pixelsFromMm(symbol.strokeWidthMm);
    pen.setWidthF(width);
    pen.setJoinStyle(Qt::MiterJoin);
    // Outlines up to 1.5 px are drawn as cosmetic lines (Qt's fast line rasteriser) instead of
    // being stroked into polygons: the same pixels within a fraction of one, several times faster.
    pen.setCosmetic(width <= 1.5);
    return pen;
}

void setSymbol(QPainter& painter, const FillSymbol& symbol, const MapSettings& settings) {
    painter.setBrush(symbol.fill.alpha() ? QBrush(symbol.fill) : QBrush(Qt::NoBrush));
    if (symbol.strokeWidthMm <= 0 || symbol.stroke.alpha() == 0) {
        painter.setPen(Qt::NoPen);
    } else {
        painter.setPen(outlinePen(symbol, settings));
    }
}

/// The rows of the frame (device pixels, y down) a drawing pass covers: features wholly outside
/// [top, bottom] (with room for their outline) are skipped, and a feature is counted as drawn by the
/// pass whose rows hold its top edge, so that passes splitting one frame count each feature once.
constexpr double kNoLimit = std::numeric_limits<double>::infinity();
struct RowBand {
    double top = -kNoLimit;
    double bottom = kNoLimit;
};

/// Antialiased thin lines (up to a pixel wide) of an opaque colour straight into an ARGB32
/// premultiplied image. Along the major axis, each pixel-centre column (or row) is crossed by the line
/// over an interval of width × √(1 + slope²); each pixel gets the part of that interval it holds as
/// coverage (a box filter across the line, exact for straight lines away from their ends). This is
/// what Qt's cosmetic stroker approximates with two pixels per step; here without its per-pixel calls
/// through the blend functions, several times cheaper for the short edges of a dense map. Coverage is
/// gathered per pixel as the largest of the lines' (where lines meet at a vertex, their ends overlap:
/// composing each would darken every vertex) and composed onto the image once, by finish(). `top` is
/// the frame row of the image's first row; pixels outside the image are skipped, so bands of one
/// frame join seamlessly.
class LineRasterizer {
public:
    LineRasterizer(QImage& image, int top, QRgb color, double width, std::vector<std::uint8_t>& coverage)
      : m_bits(reinterpret_cast<std::uint32_t*>(image.bits()))
      , m_stride(std::size_t(image.bytesPerLine() / 4))
      , m_w(image.width())
      , m_top(top)
      , m_bottom(top + image.height())
      , m_color(color)
      , m_width(width)
      , m_coverage(coverage) {
        m_coverage.assign(std::size_t(m_w) * std::size_t(image.height()), 0);
    }

    /// Composes the gathered coverage onto the image.
    void finish() {
        for (int y = m_rowMin; y <= m_rowMax; ++y) {
            std::uint32_t* line = m_bits + std::size_t(y) * m_stride;
            const std::uint8_t* cover = m_coverage.data() + std::size_t(y) * std::size_t(m_w);
            for (int x = 0; x < m_w; ++x)
                if (const unsigned a = cover[x])
                    line[x] = interpolate(m_color, a, line[x], 255u - a);
        }
    }

    void draw(const QLineF& line) {
        double x0 = line.x1(), y0 = line.y1(), x1 = line.x2(), y1 = line.y2();
        if (!(std::isfinite(x0) && std::isfinite(y0) && std::isfinite(x1) && std::isfinite(y1)))
            return;
        const bool steep = std::abs(y1 - y0) > std::abs(x1 - x0);
        if (steep) {
            std::swap(x0, y0);
            std::swap(x1, y1);
        }
        if (x0 > x1) {
            std::swap(x0, x1);
            std::swap(y0, y1);
        }
        const double slope = x1 > x0 ? (y1 - y0) / (x1 - x0) : 0;
        const double half = 0.5 * m_width * std::sqrt(1 + slope * slope);
        // Pixel centres i + 0.5 in [x0, x1) along the major axis, clipped to the image.
        const int majorEnd = steep ? m_bottom : m_w, majorBegin = steep ? m_top : 0;
        const int i0 = std::max(majorBegin, int(std::ceil(std::max(x0 - 0.5, -1e9))));
        const int i1 = std::min(majorEnd, int(std::ceil(std::min(x1 - 0.5, 1e9))));
        for (int i = i0; i < i1; ++i) {
            const double c = y0 + (i + 0.5 - x0) * slope;
            const double lo = c - half, hi = c + half;
            for (int j = int(std::floor(lo)); j < hi; ++j) {
                const double cover = std::min(hi, j + 1.0) - std::max(lo, double(j));
                plot(steep, i, j, unsigned(std::min(1.0, cover) * 255.0 + 0.5));
            }
        }
    }

private:
    void plot(bool steep, int i, int j, unsigned alpha) {
        const int x = steep ? j : i, y = steep ? i : j;
        if (alpha == 0 || x < 0 || x >= m_w || y < m_top || y >= m_bottom)
            return;
        std::uint8_t& c = m_coverage[std::size_t(y - m_top) * std::size_t(m_w) + std::size_t(x)];
        c = std::max(c, std::uint8_t(std::min(alpha, 255u)));
        m_rowMin = std::min(m_rowMin, y - m_top);
        m_rowMax = std::max(m_rowMax, y - m_top);
    }

    /// a × alpha + b × beta per channel, for alpha + beta = 255 (premultiplied source-over of an
    /// opaque colour with coverage alpha).
    static std::uint32_t interpolate(std::uint32_t a, unsigned alpha, std::uint32_t b, unsigned beta) {
        std::uint32_t t = (a & 0xff00ffu) * alpha + (b & 0xff00ffu) * beta;
        t = ((t + ((t >> 8) & 0xff00ffu) + 0x800080u) >> 8) & 0xff00ffu;
        std::uint32_t u = ((a >> 8) & 0xff00ffu) * alpha + ((b >> 8) & 0xff00ffu) * beta;
        u = (u + ((u >> 8) & 0xff00ffu) + 0x800080u) & 0xff00ff00u;
        return t | u;
    }

    std::uint32_t* m_bits;
    std::size_t m_stride;
    int m_w, m_top, m_bottom;
    std::uint32_t m_color;
    double m_width;
    std::vector<std::uint8_t>& m_coverage; ///< per pixel of the image, row by row
    int m_rowMin = std::numeric_limits<int>::max(), m_rowMax = -1;
};

/// Fills small polygons without antialiasing straight into an ARGB32 premultiplied image: each pixel
/// whose centre lies inside (even-odd over the rings) takes the colour, as Qt's aliased rasteriser does,
/// without its per-call set-up (outline conversion, span functions), which dominates for polygons of a
/// few pixels. `top` is the frame row of the image's first row.
class SpanFiller {
public:
    /// Polygons with more points than this, or taller than this many rows, go to Qt's rasteriser
    /// (this one tests every edge on every row).
    static constexpr int kMaxPoints = 64;

    SpanFiller(QImage& image, int top)
      : m_bits(reinterpret_cast<std::uint32_t*>(image.bits()))
      , m_stride(std::size_t(image.bytesPerLine() / 4))
      , m_w(image.width())
      , m_top(top)
      , m_bottom(top + image.height()) {}

    /// Fills the rings [starts[k], starts[k + 1]) of `points` with `color` (premultiplied); false, doing
    /// nothing, when the polygon is too large for this filler.
    bool fill(const std::vector<QPointF>& points, const std::vector<int>& starts, QRgb color) {
        if (points.size() > std::size_t(kMaxPoints))
            return false;
        double ymin = points[0].y(), ymax = ymin;
        for (const QPointF& p : points) {
            ymin = std::min(ymin, p.y());
            ymax = std::max(ymax, p.y());
        }
        if (ymax - ymin > kMaxPoints)
            return false;
        // Rows whose centre y + 0.5 lies in [ymin, ymax).
        const int r0 = std::max(m_top, int(std::ceil(ymin - 0.5))),
                  r1 = std::min(m_bottom, int(std::ceil(ymax - 0.5)));
        const unsigned alpha = qAlpha(color);
        double xs[kMaxPoints];
        for (int r = r0; r < r1; ++r) {
            const double yc = r + 0.5;
            int n = 0;
            for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
                const int a = starts[k], b = starts[k + 1];
                for (int i = a; i < b; ++i) {
                    const QPointF& p = points[std::size_t(i)];
                    const QPointF& q = points[std::size_t(i + 1 < b ? i + 1 : a)];
                    if ((p.y() <= yc) != (q.y() <= yc))
                        xs[n++] = p.x() + (yc - p.y()) * (q.x() - p.x()) / (q.y() - p.y());
                }
            }
            std::sort(xs, xs + n);
            std::uint32_t* line = m_bits + std::size_t(r - m_top) * m_stride;
            for (int m = 0; m + 1 < n; m += 2) {
                const int xa = std::max(0, int(std::ceil(xs[m] - 0.5)));
                const int xb = std::min(m_w, int(std::ceil(xs[m + 1] - 0.5)));
                if (alpha == 255) {
                    std::fill(line + xa, line + std::max(xa, xb), color);
                } else {
                    for (int x = xa; x < xb; ++x) // source-over
                        line[x] = color + BYTE_MUL(line[x], 255u - alpha);
                }
            }
        }
        return true;
    }

private:
    static std::uint32_t BYTE_MUL(std::uint32_t x, unsigned a) {
        std::uint32_t t = (x & 0xff00ffu) * a;
        t = ((t + ((t >> 8) & 0xff00ffu) + 0x800080u) >> 8) & 0xff00ffu;
        x = ((x >> 8) & 0xff00ffu) * a;
        x = (x + ((x >> 8) & 0xff00ffu) + 0x800080u) & 0xff00ff00u;
        return x | t;
    }

    std::uint32_t* m_bits;
    std::size_t m_stride;
    int m_w, m_top, m_bottom;
};

/// True when `symbol`'s outline is drawn by the batched raster path: an opaque cosmetic line (0.75 to
/// 1 px: Qt's one-pixel lines) that covers the edge of the fill, so the fill needs no antialiasing (its edge
/// pixels lie under the outline, or next to the neighbour's fill in a tiling).
bool batchedOutline(const FillSymbol& symbol, const MapSettings& settings) {
    const double width = settings.pixelsFromMm(symbol.strokeWidthMm);
    return symbol.stroke.alpha() == 255 && width >= 0.75 && width <= 1.0;
}

/// Draws the `features` (ascending) of a layer that meet `band`. With a `target` (the image `painter`
/// draws into, translated by −band.top) vertices are snapped to half a pixel, and the features whose
/// symbol has an opaque thin outline (batchedOutline) are filled without antialiasing and outlined
/// after every fill, each shared edge once (OutlineBatch, LineRasterizer); other features, and every
/// feature without a target (vector devices, transformed painters), are filled and outlined one by one
/// with antialiasing.
std::size_t drawFeatures(QPainter& painter,
                         const MapSettings& settings,
                         const VectorSource& source,
                         const VectorStyle& style,
                         const std::vector<std::uint32_t>& features,
                         const FillSymbol* overrideSymbol,
                         gis::Feedback* feedback,
                         QImage* target = nullptr,
                         RowBand band = {}) {
    const bool raster = target != nullptr;
    const gis::Box view = settings.visibleExtent();
    const double mupp = settings.mapUnitsPerPixel();
    const int field = style.kind == VectorStyle::Kind::Single ? -1 : source.fieldIndex(style.field);
    painter.setRenderHint(QPainter::Antialiasing, true);
    // Room for antialiasing, the widest outline and the one-pixel dots of tiny features: a feature
    // farther than that from the band is another pass's, tested before its symbol is looked up.
    double widestStrokeMm = overrideSymbol ? overrideSymbol->strokeWidthMm : style.symbol.strokeWidthMm;
    if (!overrideSymbol) {
        for (const VectorCategory& c : style.categories)
            widestStrokeMm = std::max(widestStrokeMm, c.symbol.strokeWidthMm);
        for (const VectorRange& r : style.ranges)
            widestStrokeMm = std::max(widestStrokeMm, r.symbol.strokeWidthMm);
    }
    const double margin = 1.0 + settings.pixelsFromMm(std::max(0.0, widestStrokeMm));
    const FillSymbol* current = nullptr;
    OutlineBatch* batch = nullptr; // the current symbol's, when its outline is batched
    std::vector<std::unique_ptr<OutlineBatch>> batches;
    std::optional<SpanFiller> filler;
    if (target)
        filler.emplace(*target, std::isfinite(band.top) ? int(band.top) : 0);
    QRgb fillColor = 0;
    std::vector<QPointF> points;
    std::vector<int> starts;
    std::size_t drawn = 0;
    const auto dot = [&](const gis::Box& b, const FillSymbol& symbol) {
        // Smaller than a pixel: one pixel in the outline colour (or fill), as it would average out.
        const QColor c = symbol.stroke.alpha() ? symbol.stroke : symbol.fill;
        painter.fillRect(QRectF((0.5 * (b.xmin + b.xmax) - view.xmin) / mupp - 0.5,
                                (view.ymax - 0.5 * (b.ymin + b.ymax)) / mupp - 0.5,
                                1,
                                1),
                         c);
    };
    for (std::size_t n = 0; n < features.size(); ++n) {
        if (feedback && (n & 2047) == 0)
            feedback->throwIfCancelled();
        const std::uint32_t f = features[n];
        const gis::Box& b = source.bounds(f);
        const double rowTop = (view.ymax - b.ymax) / mupp, rowBottom = (view.ymax - b.ymin) / mupp;
        if (rowBottom < band.top - margin || rowTop > band.bottom + margin)
            continue; // wholly in another pass's rows
        const FillSymbol* symbol =
          overrideSymbol ? overrideSymbol : style.symbolFor(source.attribute(f, field));
        if (!symbol)
            continue;
        const bool counted = rowTop >= band.top && rowTop < band.bottom;
        if (symbol != current) {
            current = symbol;
            batch = nullptr;
            if (raster && batchedOutline(*symbol, settings)) {
                for (const auto& ob : batches)
                    if (ob->symbol() == symbol)
                        batch = ob.get();
                if (!batch)
                    batch = batches.emplace_back(std::make_unique<OutlineBatch>(symbol)).get();
                painter.setPen(Qt::NoPen);
                painter.setBrush(symbol->fill.alpha() ? QBrush(symbol->fill) : QBrush(Qt::NoBrush));
                painter.setRenderHint(QPainter::Antialiasing, false);
                fillColor = qPremultiply(symbol->fill.rgba());
            } else {
                setSymbol(painter, *symbol, settings);
                painter.setRenderHint(QPainter::Antialiasing, true);
            }
        }
        if ((b.xmax - b.xmin) < mupp && (b.ymax - b.ymin) < mupp) {
            dot(b, *symbol);
            drawn += counted;
            continue;
        }
        devicePolygons(source, f, view, mupp, raster ? kSnapPx : 0.0, points, starts);
        if (starts.size() < 2) {
            if (raster) { // collapsed by the snapping: still shown, as a dot
                dot(b, *symbol);
                drawn += counted;
            }
            continue;
        }
        if (batch && symbol->fill.alpha() == 0) {
            // outline only
        } else if (batch && filler->fill(points, starts, fillColor)) {
            // filled straight into the image
        } else if (starts.size() == 2) {
            painter.drawPolygon(points.data(), starts[1]);
        } else {
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
                path.addPolygon(
                  QPolygonF(QList<QPointF>(points.begin() + starts[k], points.begin() + starts[k + 1])));
                path.closeSubpath();
            }
            painter.drawPath(path);
        }
        if (batch)
            batch->addRings(points, starts);
        drawn += counted;
    }
    if (!batches.empty()) {
        painter.setBrush(Qt::NoBrush);
        painter.setRenderHint(QPainter::Antialiasing, true);
        const int top = std::isfinite(band.top) ? int(band.top) : 0;
        std::vector<std::uint8_t> coverage;
        for (const auto& ob : batches) {
            if (feedback)
                feedback->throwIfCancelled();
            LineRasterizer lines(*target,
                                 top,
                                 qPremultiply(ob->symbol()->stroke.rgba()),
                                 settings.pixelsFromMm(ob->symbol()->strokeWidthMm),
                                 coverage);
            ob->forEach([&](const QLineF& line) { lines.draw(line); });
            lines.finish();
        }
    }
    return drawn;
}

void drawLabels(QPainter& painter,
                const MapSettings& settings,
                const VectorSource& source,
                const VectorStyle& style,
                const std::vector<std::uint32_t>& features) {
    const int field = source.fieldIndex(style.labelField);
    if (field < 0)
        return;
    const gis::Box view = settings.visibleExtent();
    const double mupp = settings.mapUnitsPerPixel();
    QFont font = painter.font();
    font.setPixelSize(std::max(1, int(std::lround(style.labelSizePt * settings.dpi / 72.0))));
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    std::vector<QRectF> placed;
    painter.setPen(style.labelColor);
    for (std::uint32_t f : features) {
        const QString text = source.attribute(f, field).toString();
        if (text.isEmpty())
            continue;
        const gis::Box& b = source.bounds(f);
        const QRectF box((b.xmin - view.xmin) / mupp,
                         (view.ymax - b.ymax) / mupp,
                         (b.xmax - b.xmin) / mupp,
                         (b.ymax - b.ymin) / mupp);
        QRectF rect = metrics.boundingRect(text);
        if (rect.width() > box.width() * 1.2 || rect.height() > box.height())
            continue; // does not fit its feature
        rect.moveCenter(box.center());
        if (std::any_of(placed.begin(), placed.end(), [&](const QRectF& o) { return o.intersects(rect); }))
            continue;
        placed.push_back(rect);
        painter.drawText(rect, Qt::AlignCenter, text);
    }
}

/// A polygon layer's features in view and, when they go through drawFeatures' image path, the images
/// they were drawn into (bands of the frame's rows, transparent elsewhere).
struct VectorBands {
    std::vector<std::uint32_t> features;
    bool banded = false;
    std::vector<QImage> bands;
    std::vector<int> tops; ///< first frame row of each band, then the frame's height
    std::size_t drawn = 0;
};

/// Queries `layer` and, when its features go to images (`image` device with over 2,000 features, or
/// `plainRaster`: a raster engine whose painter only translates), draws them into bands: above 2,000
/// features two threads each draw the features that reach their half of the frame into their own image
/// (clipped to it); every pixel belongs to one half, so the result equals a single pass. Runs on any
/// thread (the painter is not touched).
VectorBands drawVectorBands(const MapSettings& settings,
                            const MapLayer& layer,
                            bool image,
                            bool plainRaster,
                            gis::Feedback* feedback) {
    VectorBands out;
    const VectorSource& source = *layer.vector;
    source.query(settings.visibleExtent(), out.features);
    const int w = settings.size.width(), h = settings.size.height();
    const bool threads = image && out.features.size() > 2000 && h >= 2;
    out.banded = threads || plainRaster;
    if (!out.banded)
        return out;
    const int parts = threads ? 2 : 1;
    out.tops = parts == 2 ? std::vector<int>{ 0, h / 2, h } : std::vector<int>{ 0, h };
    for (int k = 0; k < parts; ++k) {
        out.bands.emplace_back(
          w, out.tops[std::size_t(k) + 1] - out.tops[std::size_t(k)], QImage::Format_ARGB32_Premultiplied);
        out.bands.back().fill(Qt::transparent);
    }
    std::vector<std::size_t> drawn(std::size_t(parts), 0);
    const auto drawBand = [&](int k) {
        QImage& band = out.bands[std::size_t(k)];
        QPainter p(&band);
        p.translate(0, -out.tops[std::size_t(k)]);
        const RowBand rows{ k == 0 ? -kNoLimit : double(out.tops[std::size_t(k)]),
                            k + 1 == parts ? kNoLimit : double(out.tops[std::size_t(k) + 1]) };
        drawn[std::size_t(k)] =
          drawFeatures(p, settings, source, layer.vectorStyle, out.features, nullptr, feedback, &band, rows);
    };
    std::exception_ptr failure;
    std::thread worker;
    if (parts == 2)
        worker = std::thread([&] {
            try {
                drawBand(1);
            } catch (...) {
                failure = std::current_exception();
            }
        });
    try {
        drawBand(0);
    } catch (...) {
        if (worker.joinable())
            worker.join();
        throw;
    }
    if (worker.joinable())
        worker.join();
    if (failure)
        std::rethrow_exception(failure);
    for (const std::size_t d : drawn)
        out.drawn += d;
    return out;
}

/// Paints a polygon layer: its bands (drawVectorBands, already drawn or drawn now) composited with the
/// layer's opacity, or its features drawn by the painter (vector devices, transformed painters); then
/// the selection highlight and the labels.
void drawVector(QPainter& painter,
                const MapSettings& settings,
                const MapLayer& layer,
                gis::Feedback* feedback,
                RenderStats& stats,
                bool image,
                bool plainRaster,
                VectorBands* drawnBefore = nullptr) {
    const VectorSource& source = *layer.vector;
    const VectorStyle& style = layer.vectorStyle;
    VectorBands now;
    if (!drawnBefore)
        now = drawVectorBands(settings, layer, image, plainRaster, feedback);
    VectorBands& vb = drawnBefore ? *drawnBefore : now;
    const std::vector<std::uint32_t>& features = vb.features;
    painter.save();
    painter.setOpacity(std::clamp(style.opacity, 0.0, 1.0));
    if (vb.banded) {
        for (std::size_t k = 0; k < vb.bands.size(); ++k)
            painter.drawImage(QPointF(0, vb.tops[k]), vb.bands[k]);
        stats.featuresDrawn += vb.drawn;
    } else {
        painter.setClipRect(QRect(0, 0, settings.size.width(), settings.size.height()));
        stats.featuresDrawn += drawFeatures(painter, settings, source, style, features, nullptr, feedback);
    }
    if (!layer.selection.empty()) {
        std::vector<std::uint32_t> selected;
        std::set_intersection(features.begin(),
                              features.end(),
                              layer.selection.begin(),
                              layer.selection.end(),
                              std::back_inserter(selected));
        FillSymbol highlight;
        highlight.fill = QColor(255, 255, 0, 150);
        highlight.stroke = QColor(255, 255, 0);
        highlight.strokeWidthMm = 0.6;
        painter.setOpacity(1.0);
        drawFeatures(painter, settings, source, style, selected, &highlight, feedback);
    }
    if (!style.labelField.isEmpty())
        drawLabels(painter, settings, source, style, features);
    painter.restore();
}

} // namespace

gis::Box layersExtent(const std::vector<MapLayer>& layers, const gis::Crs& crs, bool visibleOnly) {
    gis::Box box{};
    bool any = false;
    for (const MapLayer& layer : layers) {
        if (visibleOnly && !layer.visible)
            continue;
        const gis::Box b = layerExtent(layer, crs);
        if (b.isEmpty())
            continue;
        box = any ? gis::Box{ std::min(box.xmin, b.xmin),
                              std::min(box.ymin, b.ymin),
                              std::max(box.xmax, b.xmax),
                              std::max(box.ymax, b.ymax) }
                  : b;
        any = true;
    }
    return box;
}

gis::Box layerExtent(const MapLayer& layer, const gis::Crs& crs) {
    if (layer.vector)
        return layer.vector->extent();
    if (!layer.raster)
        return {};
    const gis::Box b = layer.raster->info().grid.extent();
    const gis::Crs& rc = layer.raster->info().crs;
    if (!crs.isValid() || (rc.isValid() && rc.isSame(crs)))
        return b;
    if (!rc.isValid())
        return {};
    // Corners and edge points, as a reprojected rectangle's edges may bulge.
    std::vector<double> xy;
    for (int i = 0; i <= 4; ++i)
        for (int j = 0; j <= 4; ++j)
            if (i == 0 || i == 4 || j == 0 || j == 4)
                xy.insert(xy.end(), { b.xmin + b.width() * i / 4.0, b.ymin + b.height() * j / 4.0 });
    try {
        gis::CoordinateTransform(rc, crs).transform(xy);
    } catch (const gis::GisError&) {
        return {};
    }
    gis::Box out{ xy[0], xy[1], xy[0], xy[1] };
    for (std::size_t k = 0; k < xy.size(); k += 2) {
        out.xmin = std::min(out.xmin, xy[k]);
        out.xmax = std::max(out.xmax, xy[k]);
        out.ymin = std::min(out.ymin, xy[k + 1]);
        out.ymax = std::max(out.ymax, xy[k + 1]);
    }
    return out;
}

RenderStats MapRenderer::render(QPainter& painter,
                                const MapSettings& settings,
                                const std::vector<MapLayer>& layers,
                                gis::Feedback* feedback) {
    RenderStats stats;
    if (settings.mapUnitsPerPixel() <= 0)
        return stats;
    const bool image = painter.device() && (painter.device()->devType() == QInternal::Image);
    const bool plainRaster = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster &&
                             painter.worldTransform().type() <= QTransform::TxTranslate;
    // Polygon layers above a raster layer are drawn into their images on threads of their own while the
    // layers below are painted (layers are independent until composited): on two cores the raster pass
    // no longer waits for the polygons nor they for it.
    std::vector<std::future<VectorBands>> early(layers.size());
    bool below = false;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const MapLayer& layer = layers[i];
        if (!layer.visible)
            continue;
        if (layer.vector && below && (image || plainRaster))
            early[i] = std::async(std::launch::async, [&settings, &layer, image, plainRaster, feedback] {
                return drawVectorBands(settings, layer, image, plainRaster, feedback);
            });
        below = below || layer.raster;
    }
    QElapsedTimer timer;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const MapLayer& layer = layers[i];
        if (!layer.visible)
            continue;
        if (feedback)
            feedback->throwIfCancelled();
        timer.start();
        if (layer.raster) {
            drawRaster(painter, settings, *layer.raster, layer.rasterStyle, feedback, stats);
            stats.rasterMs += double(timer.nsecsElapsed()) / 1e6;
        } else if (layer.vector) {
            const bool drawnEarly = early[i].valid();
            VectorBands drawnBefore;
            if (drawnEarly)
                drawnBefore = early[i].get();
            drawVector(painter,
                       settings,
                       layer,
                       feedback,
                       stats,
                       image,
                       plainRaster,
                       drawnEarly ? &drawnBefore : nullptr);
            stats.vectorMs += double(timer.nsecsElapsed()) / 1e6;
        }
    }
    return stats;
}

QImage MapRenderer::renderImage(const MapSettings& settings,
                                const std::vector<MapLayer>& layers,
                                gis::Feedback* feedback,
                                RenderStats* stats) {
    QImage image(settings.size, QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(int(std::lround(settings.dpi / 0.0254)));
    image.setDotsPerMeterY(int(std::lround(settings.dpi / 0.0254)));
    image.fill(settings.background);
    QPainter painter(&image);
    const RenderStats s = render(painter, settings, layers, feedback);
    if (stats)
        *stats = s;
    return image;
}

} // namespace tanhui::render
