// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/sample/Landscape.h"

#include "models/sample/Random.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tanhui::models::sample {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Seeds of the independent noise fields (offsets from the project seed).
enum NoiseField : std::uint64_t {
    NHill = 101,
    NRidge,
    NMidHills,
    NLowland,
    NUrban,
    NMarsh,
    NMangrove,
    NTidal,
    NEdge,
    NSoil,
    NDetail,
    NCoast,
    NReservoir,
    NPrecip,
    NCloud = 1000,
    NPixel = 2000,
    NRiver = 5000,
};

double lerp(double a, double b, double t) {
    return a + (b - a) * t;
}

double distanceToSegment(double px, double py, double x0, double y0, double x1, double y1) {
    const double dx = x1 - x0, dy = y1 - y0;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((px - x0) * dx + (py - y0) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = x0 + t * dx - px, ey = y0 + t * dy - py;
    return std::sqrt(ex * ex + ey * ey);
}

bool pointInRing(const gis::Ring& ring, double x, double y) {
    bool inside = false;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const double xi = ring.x(i), yi = ring.y(i), xj = ring.x(j), yj = ring.y(j);
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            inside = !inside;
    }
    return inside;
}

/// Clips a convex polygon (x, y pairs, open) by the half-plane of points closer to (ax, ay) than to
/// (bx, by).
void clipHalfPlane(std::vector<double>& poly, double ax, double ay, double bx, double by) {
    const double nx = bx - ax, ny = by - ay;
    const double c = (bx * bx + by * by - ax * ax - ay * ay) / 2; // inside: nx*x + ny*y <= c
    std::vector<double> out;
    const std::size_t n = poly.size() / 2;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t j = (i + 1) % n;
        const double x0 = poly[2 * i], y0 = poly[2 * i + 1], x1 = poly[2 * j], y1 = poly[2 * j + 1];
        const double d0 = nx * x0 + ny * y0 - c, d1 = nx * x1 + ny * y1 - c;
        if (d0 <= 0) {
            out.push_back(x0);
            out.push_back(y0);
        }
        if ((d0 < 0 && d1 > 0) || (d0 > 0 && d1 < 0)) {
            const double t = d0 / (d0 - d1);
            out.push_back(x0 + t * (x1 - x0));
            out.push_back(y0 + t * (y1 - y0));
        }
    }
    poly.swap(out);
}

void clipBox(std::vector<double>& poly, const gis::Box& b) {
    // Four half-planes expressed as clipHalfPlane pairs mirrored across each edge.
    auto clip = [&](double nx, double ny, double c) {
        std::vector<double> out;
        const std::size_t n = poly.size() / 2;
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t j = (i + 1) % n;
            const double x0 = poly[2 * i], y0 = poly[2 * i + 1], x1 = poly[2 * j], y1 = poly[2 * j + 1];
            const double d0 = nx * x0 + ny * y0 - c, d1 = nx * x1 + ny * y1 - c;
            if (d0 <= 0) {
                out.push_back(x0);
                out.push_back(y0);
            }
            if ((d0 < 0 && d1 > 0) || (d0 > 0 && d1 < 0)) {
                const double t = d0 / (d0 - d1);
                out.push_back(x0 + t * (x1 - x0));
                out.push_back(y0 + t * (y1 - y0));
            }
        }
        poly.swap(out);
    };
    clip(-1, 0, -b.xmin);
    clip(1, 0, b.xmax);
    clip(0, -1, -b.ymin);
    clip(0, 1, b.ymax);
}

gis::Ring closedRing(std::vector<double> xy) {
    // Round to the centimetre so that coordinates print and compare stably.
    for (double& v : xy)
        v = std::round(v * 100) / 100;
    if (xy.size() >= 2) {
        xy.push_back(xy[0]);
        xy.push_back(xy[1]);
    }
    gis::Ring r;
    r.xy = std::move(xy);
    return r;
}

} // namespace

const std::vector<LandCoverClass>& landCoverClasses() {
    static const std::vector<LandCoverClass> classes = {
        { 11, "Evergreen broadleaf forest", "常绿阔叶林", 0x1b7837 },
        { 12, "Coniferous forest", "针叶林", 0x3a5f0b },
        { 13, "Eucalyptus plantation", "桉树人工林", 0x7fbf3f },
        { 14, "Shrubland", "灌木林", 0xa6c96a },
        { 21, "Paddy field", "水田", 0xf2e394 },
        { 22, "Dry cropland", "旱地", 0xe6b85c },
        { 23, "Orchard", "园地", 0xd98c3f },
        { 31, "Grassland", "草地", 0xcfe8a0 },
        { 41, "Freshwater marsh", "淡水沼泽", 0x5fb8a6 },
        { 42, "Mangrove", "红树林", 0x006d5b },
        { 43, "Tidal flat", "滩涂", 0xc9b99a },
        { 51, "Water", "水体", 0x3b83bd },
        { 61, "Built-up land", "建设用地", 0xc0392b },
    };
    return classes;
}

int Stand::ageIn(int year, bool* clearCut) const {
    if (!plantation) {
        if (clearCut)
            *clearCut = false;
        return std::max(0, age2015 + year - 2015);
    }
    const int cycle = rotation + 1;
    const int t = (((year - plantYear) % cycle) + cycle) % cycle;
    if (clearCut)
        *clearCut = t == rotation;
    return t == rotation ? 0 : t;
}

Landscape::Landscape(std::uint64_t seed, SampleSize size)
  : m_seed(seed)
  , m_size(size) {
    const int cells = size == SampleSize::Test ? 600 : size == SampleSize::Small ? 2000 : 8600;
    m_grid.cellWidth = m_grid.cellHeight = 10;
    m_grid.cols = m_grid.rows = cells;
    m_grid.originX = 420000;
    m_grid.originY = 2600000;
    m_L = cells * 10.0;
    m_x0 = m_grid.originX;
    m_y0 = m_grid.originY - m_L;
    // The test size is the small landscape seen through a smaller window would need the same
    // structure; scale features with the extent but keep absolute widths readable.
    const double scale = std::sqrt(m_L / 20000.0);

    Rng rng(mix64(seed ^ 0xA11CE));
    // Main river (index 0), flowing from the north-west hills south-east to the estuary.
    River main;
    main.seed = seed + NRiver;
    main.nStart = 1.05;
    main.nEnd = -0.1;
    main.uTop = rng.uniform(0.30, 0.42);
    main.uBottom = rng.uniform(0.50, 0.60);
    main.widthTop = 30 * scale;
    main.widthBottom = 420 * scale;
    m_rivers.push_back(main);
    // Tributaries from the hills, and small streams feeding them.
    const int tributaries = size == SampleSize::City ? 9 : 4;
    for (int k = 0; k < tributaries; ++k) {
        River t;
        t.seed = seed + NRiver + 10 + std::uint64_t(k);
        t.nStart = rng.uniform(0.9, 1.05);
        t.nEnd = rng.uniform(0.28, 0.62);
        double u;
        do
            u = rng.uniform(0.04, 0.96);
        while (std::fabs(u - riverCentreU(m_rivers[0], t.nStart)) < 0.15);
        t.uTop = u;
        t.uBottom = riverCentreU(m_rivers[0], t.nEnd);
        t.widthTop = 10;
        t.widthBottom = rng.uniform(30, 55) * scale;
        t.joins = 0;
        m_rivers.push_back(t);
    }
    for (int k = 1; k <= tributaries; ++k) {
        for (int s = 0; s < 2; ++s) {
            const River& parent = m_rivers[std::size_t(k)];
            River st;
            st.seed = seed + NRiver + 100 + std::uint64_t(k * 2 + s);
            st.nEnd = lerp(parent.nEnd, parent.nStart, rng.uniform(0.2, 0.6));
            st.nStart = std::min(1.05, st.nEnd + rng.uniform(0.15, 0.35));
            st.uBottom = riverCentreU(parent, st.nEnd);
            st.uTop = std::clamp(st.uBottom + (s == 0 ? -1 : 1) * rng.uniform(0.08, 0.2), 0.02, 0.98);
            st.widthTop = 6;
            st.widthBottom = 14;
            st.joins = k;
            m_rivers.push_back(st);
        }
    }
    // Delta distributaries branching off the main river towards the sea.
    for (int d = 0; d < 2; ++d) {
        River b;
        b.seed = seed + NRiver + 200 + std::uint64_t(d);
        b.nStart = rng.uniform(0.2, 0.32);
        b.nEnd = -0.1;
        b.uTop = riverCentreU(m_rivers[0], b.nStart);
        b.uBottom = std::clamp(b.uTop + (d == 0 ? -1 : 1) * rng.uniform(0.2, 0.3), 0.05, 0.95);
        b.widthTop = 90 * scale;
        b.widthBottom = 220 * scale;
        m_rivers.push_back(b);
    }
    // The city on the main river, older towns, and new towns that start after 2015.
    const double coreN = rng.uniform(0.24, 0.3);
    const double coreU = riverCentreU(m_rivers[0], coreN) + rng.uniform(-0.04, 0.04);
    m_towns.push_back({ m_x0 + coreU * m_L, m_y0 + coreN * m_L, 0.075 * m_L, 0.045 * m_L, 2015 });
    const int towns = size == SampleSize::City ? 12 : 4;
    const int newTowns = size == SampleSize::City ? 3 : 1;
    int attempts = 0;
    while (int(m_towns.size()) < 1 + towns + newTowns && attempts++ < 2000) {
        const double x = m_x0 + rng.uniform(0.08, 0.92) * m_L, y = m_y0 + rng.uniform(0.14, 0.6) * m_L;
        Site s;
        siteAt(x, y, s);
        if (s.elevation > 60 || s.riverBank < 150 || s.coast < 1500)
            continue;
        bool far = true;
        for (const Town& t : m_towns)
            far = far && std::hypot(t.x - x, t.y - y) > 0.16 * m_L;
        if (!far)
            continue;
        const bool isNew = int(m_towns.size()) > towns;
        if (isNew)
            m_towns.push_back({ x, y, 0, rng.uniform(0.035, 0.05) * m_L, 2016 + rng.below(3) });
        else
            m_towns.push_back(
              { x, y, rng.uniform(0.018, 0.03) * m_L, rng.uniform(0.008, 0.016) * m_L, 2015 });
    }
    for (std::size_t t = 1; t < m_towns.size(); ++t)
        m_roads.push_back({ m_towns[0].x, m_towns[0].y, m_towns[t].x, m_towns[t].y });
    m_roads.push_back({ m_towns[0].x, m_towns[0].y, m_x0 + 0.45 * m_L, m_y0 + m_L * 1.01 });
    // A reservoir in the hills.
    m_reservoirX = m_x0 + rng.uniform(0.6, 0.8) * m_L;
    m_reservoirY = m_y0 + rng.uniform(0.72, 0.84) * m_L;
    m_reservoirR = 0.035 * m_L;

    buildStands();
    buildFields();
    buildPlots();
}

double Landscape::riverCentreU(const River& r, double n) const {
    const double span = r.nStart - r.nEnd;
    const double t = std::clamp((n - r.nEnd) / span, 0.0, 1.0); // 0 at the mouth/junction, 1 at the source
    const double base = lerp(r.uBottom, r.uTop, std::pow(t, 0.8));
    const double meander = (0.05 * std::sin(2 * kPi * (1.3 * n * (1 + span)) + double(r.seed % 628) / 100) +
                            0.08 * (fbm1(r.seed, n * 7, 3) - 0.5)) *
                           std::min(1.0, t * 6) * (r.joins < 0 && r.nStart < 1 ? 0.5 : 1.0);
    return base + meander * std::max(0.3, span);
}

double Landscape::coastN(double u) const {
    return 0.075 + 0.025 * std::sin(2 * kPi * (1.3 * u) + double(m_seed % 628) / 100) +
           0.05 * (fbm1(m_seed + NCoast, u * 5, 3) - 0.5);
}

void Landscape::rowContext(double y, RowContext& ctx) const {
    ctx.y = y;
    ctx.n = (y - m_y0) / m_L;
    ctx.riverX.resize(m_rivers.size());
    ctx.riverHalfWidth.resize(m_rivers.size());
    for (std::size_t i = 0; i < m_rivers.size(); ++i) {
        const River& r = m_rivers[i];
        if (ctx.n > r.nStart || ctx.n < r.nEnd) {
            ctx.riverHalfWidth[i] = -1;
            ctx.riverX[i] = 0;
            continue;
        }
        const double t = (ctx.n - r.nEnd) / (r.nStart - r.nEnd);
        double w = lerp(r.widthBottom, r.widthTop, std::pow(t, 0.6));
        if (i == 0) // the estuary opens towards the sea
            w += 0.12 * m_L * std::pow(smoothstep(0.2, 0.02, ctx.n), 2.0);
        // Taper the source.
        w *= smoothstep(1.0, 0.9, t) * 0.8 + 0.2;
        ctx.riverX[i] = m_x0 + riverCentreU(r, ctx.n) * m_L;
        ctx.riverHalfWidth[i] = w / 2;
    }
}

double Landscape::elevationAt(double x, double y, double n, double bank, double coast) const {
    const double s = 20000.0 / 4500.0;
    const double hill = smoothstep(0.45, 0.9, n + 0.35 * (fbm(m_seed + NHill, x / 5000, y / 5000, 3) - 0.5));
    const double ridge = ridged(m_seed + NRidge, x / 4500 * (s / s), y / 4500, 5);
    const double mountain = std::pow(hill, 1.3) * (120 + 1100 * ridge * (0.55 + 0.45 * hill));
    const double mid = 480 * std::max(0.0, fbm(m_seed + NMidHills, x / 3000, y / 3000, 4) - 0.58) / 0.42 *
                       smoothstep(0.14, 0.34, n) * (1 - hill);
    const double lowland = 2 + 40 * smoothstep(0.05, 0.6, n) +
                           14 * fbm(m_seed + NLowland, x / 1500, y / 1500, 3) * smoothstep(0, 3000, coast);
    double e = lowland + mountain + mid;
    // Valleys: the relief falls towards the rivers.
    const double valley = smoothstep(0, 300 + 0.8 * (mountain + mid), std::max(0.0, bank));
    e = lowland * 0.6 + (e - lowland * 0.6) * valley;
    if (bank < 0)
        e = std::min(e, lowland * 0.5) - 2;
    if (coast < 0)
        e = std::max(-8.0, coast / 150) - 0.5;
    return e;
}

void Landscape::siteAt(double x, double y, Site& site) const {
    RowContext ctx;
    rowContext(y, ctx);
    siteAt(x, y, ctx, site);
}

void Landscape::siteAt(double x, double y, const RowContext& ctx, Site& s) const {
    s = Site();
    s.x = x;
    s.y = y;
    const double u = (x - m_x0) / m_L, n = ctx.n;
    double bank = 1e9;
    for (std::size_t i = 0; i < m_rivers.size(); ++i)
        if (ctx.riverHalfWidth[i] >= 0)
            bank = std::min(bank, std::fabs(x - ctx.riverX[i]) - ctx.riverHalfWidth[i]);
    s.coast = float((n - coastN(u)) * m_L);
    // Reservoir: a lobed lake in the hills.
    const double dr = std::hypot(x - m_reservoirX, (y - m_reservoirY) * 1.6);
    const double lobes = 0.75 + 0.5 * fbm(m_seed + NReservoir, x / 900, y / 900, 3);
    s.reservoir = dr < m_reservoirR * lobes;
    if (s.reservoir)
        bank = std::min(bank, -1.0);
    s.riverBank = float(bank);
    s.elevation = float(elevationAt(x, y, n, bank, s.coast));
    if (s.reservoir)
        s.elevation = float(std::max(80.0, double(s.elevation)));
    s.urbanNoise = float(fbm(m_seed + NUrban, x / 900, y / 900, 3));
    prepareUrban(s);
    s.marshNoise = float(fbm(m_seed + NMarsh, x / 400, y / 400, 3));
    s.mangroveNoise = float(fbm(m_seed + NMangrove, x / 350, y / 350, 3));
    s.tidalNoise = float(fbm(m_seed + NTidal, x / 800, y / 800, 2));
    s.edgeNoise = float(fbm(m_seed + NEdge, x / 600, y / 600, 3));
    s.soilNoise = float(fbm(m_seed + NSoil, x / 2500, y / 2500, 3));
    s.detail = float(valueNoise(m_seed + NDetail, x / 60, y / 60));
    // Fish-pond blocks of the delta.
    const auto bx = std::int64_t(std::floor((x - m_x0) / 500)),
               by = std::int64_t(std::floor((y - m_y0) / 500));
    if (s.coast > 0 && s.coast < 0.25 * m_L && s.elevation < 16 && bank > 30 &&
        unitFromHash(hash64(m_seed + 77, bx, by)) < 0.5) {
        s.pondZone = true;
        const double px = std::fmod(x - m_x0, 70.0), py = std::fmod(y - m_y0, 50.0);
        s.pondWater = px >= 10 && py >= 10;
    }
    s.stand = nearestSeed(m_standSeeds, m_standCols, m_standRows, m_standSpacing, x, y);
    // Farmland field on the rotated grid.
    const double c = std::cos(m_fieldAngle), sn = std::sin(m_fieldAngle);
    const double a = (x - m_x0) * c + (y - m_y0) * sn, b = -(x - m_x0) * sn + (y - m_y0) * c;
    const auto fi = std::int64_t(std::floor((a - m_fieldA0) / m_fieldW));
    const auto fj = std::int64_t(std::floor((b - m_fieldB0) / m_fieldH));
    if (fi >= 0 && fj >= 0 && fi < m_fieldCols && fj < m_fieldRows)
        s.field = fj * m_fieldCols + fi;
    if (s.coast < 0 && s.coast > -1500)
        for (std::size_t p = 0; p < m_plots.size(); ++p) {
            const gis::Box& bb = m_plotBoxes[p];
            if (x >= bb.xmin && x <= bb.xmax && y >= bb.ymin && y <= bb.ymax &&
                pointInRing(m_plots[p].ring, x, y)) {
                s.plot = int(p);
                break;
            }
        }
}

void Landscape::prepareUrban(Site& s) const {
    if (s.elevation > 90)
        return;
    // Towns are not discs: the distance is measured from a domain-warped position (blocks of
    // development several hundred metres across), the edge is ragged at the 150 m scale, and the
    // built-up area reaches further out along the roads. Cheap test first: town land needs a warped
    // distance < roadPull × r × factor ≤ 1.6 × 1.2 × r, and the warp moves a site by at most
    // 225·√2 ≈ 318 m, so a site further than 2.4 r + 350 m from every town (at its 2024 size) is
    // never town land.
    for (const Town& t : m_towns)
        if (std::hypot(s.x - t.x, s.y - t.y) <
            2.4 * (t.startYear > 2015 ? t.growth : t.r2015 + t.growth) + 350)
            s.nearTown = true;
    double roadDistance = 1e300;
    for (const Road& r : m_roads)
        roadDistance = std::min(roadDistance, distanceToSegment(s.x, s.y, r.x0, r.y0, r.x1, r.y1));
    s.onRoad = roadDistance < 11;
    if (s.elevation < 60 && s.coast > 300)
        s.villageNoise = valueNoise(m_seed + NUrban + 9, s.x / 350, s.y / 350);
    if (!s.nearTown)
        return;
    s.townX = s.x + 450 * (fbm(m_seed + NUrban + 11, s.x / 1400, s.y / 1400, 3) - 0.5);
    s.townY = s.y + 450 * (fbm(m_seed + NUrban + 12, s.x / 1400, s.y / 1400, 3) - 0.5);
    s.roadPull = std::max(1.0, 1.6 - roadDistance / 400.0);
    const double coarse = fbm(m_seed + NUrban + 7, s.x / 3000, s.y / 3000, 2);
    const double ragged = fbm(m_seed + NUrban + 13, s.x / 150, s.y / 150, 2);
    s.townFactor = 0.4 + 0.8 * (0.45 * coarse + 0.25 * s.urbanNoise + 0.3 * ragged);
}

bool Landscape::urbanIn(const Site& s, int year) const {
    if (s.elevation > 90)
        return false;
    if (s.nearTown) {
        double best = 0;
        for (const Town& t : m_towns) {
            if (year < t.startYear)
                continue;
            const double r = t.startYear > 2015
                               ? t.growth * double(year - t.startYear + 1) / double(2025 - t.startYear)
                               : t.r2015 + t.growth * double(year - 2015) / 9.0;
            const double d = std::hypot(s.townX - t.x, s.townY - t.y);
            best = std::max(best, s.roadPull * r / std::max(d, 1.0));
        }
        if (best * s.townFactor > 1)
            return true;
    }
    // Villages: small clusters in the lowland that grow a little.
    if (s.elevation < 60 && s.coast > 300 && s.villageNoise > 0.95 - 0.002 * (year - 2015))
        return true;
    return s.onRoad;
}

std::uint8_t Landscape::fieldCover(std::int64_t field) const {
    return field >= 0 && std::size_t(field) < m_fieldCover.size() ? m_fieldCover[std::size_t(field)]
                                                                  : std::uint8_t(DryCropland);
}

std::uint8_t Landscape::baseCover(const Site& s, int year, bool restoration) const {
    const double n = (s.y - m_y0) / m_L;
    const double u = (s.x - m_x0) / m_L;
    if (s.coast < 0) {
        const double tidalWidth = (350 + 650 * s.tidalNoise) * std::sqrt(m_L / 20000.0);
        if (s.coast > -tidalWidth) {
            if (s.mangroveNoise > 0.64 && s.coast > -tidalWidth * 0.6)
                return Mangrove;
            if (restoration && s.plot >= 0 && year >= m_plots[std::size_t(s.plot)].plantYear + 2)
                return Mangrove;
            return TidalFlat;
        }
        return Water;
    }
    if (s.riverBank < 0) {
        // Estuary banks: mangrove fringes and mud.
        if (!s.reservoir && n < coastN(u) + 0.1) {
            if (s.riverBank > -70 && s.mangroveNoise > 0.55)
                return Mangrove;
            if (s.riverBank > -140 && s.tidalNoise > 0.55)
                return TidalFlat;
        }
        return Water;
    }
    if (urbanIn(s, year))
        return BuiltUp;
    if ((s.riverBank < 40 + 160 * s.marshNoise && s.elevation < 30 && s.marshNoise > 0.56) ||
        (s.coast < 700 && s.marshNoise > 0.5))
        return FreshwaterMarsh;
    if (s.pondZone)
        return s.pondWater ? Water : DryCropland;
    if (s.elevation > 55 + 45 * s.edgeNoise && s.stand >= 0) {
        const Stand& st = m_stands[std::size_t(s.stand)];
        bool cut = false;
        st.ageIn(year, &cut);
        if (cut)
            return Grassland;
        if (s.elevation < 70 + 45 * s.edgeNoise && st.cover != Orchard && s.detail > 0.55)
            return Shrubland; // forest edge
        return st.cover;
    }
    return fieldCover(s.field);
}

std::uint8_t Landscape::landCover(const Site& site, int year) const {
    return baseCover(site, year, true);
}

std::uint8_t Landscape::landCoverWithoutRestoration(const Site& site, int year) const {
    return baseCover(site, year, false);
}

float Landscape::ndvi(const Site& s, int year, std::uint8_t cover, bool clouds) const {
    if (clouds) {
        const double cloud = fbm(m_seed + NCloud + std::uint64_t(year), s.x / 2500, s.y / 2500, 3);
        const double threshold = 0.69 + 0.06 * unitFromHash(hash64(m_seed + NCloud, year));
        if (cloud > threshold)
            return std::numeric_limits<float>::quiet_NaN();
    }
    double v = 0;
    switch (cover) {
        case EvergreenBroadleaf:
        case Coniferous:
        case Eucalyptus:
        case Shrubland:
        case Orchard: {
            if (s.stand >= 0 && s.elevation > 50 && cover != Shrubland) {
                const Stand& st = m_stands[std::size_t(s.stand)];
                const int age = st.ageIn(year);
                const double mature = cover == EvergreenBroadleaf ? 0.84
                                      : cover == Coniferous       ? 0.77
                                      : cover == Eucalyptus       ? 0.8
                                                                  : 0.68;
                const double years = cover == Eucalyptus ? 3.5 : cover == Orchard ? 4 : 12;
                v = 0.32 + (mature - 0.32) * std::min(1.0, (age + 0.5) / years);
            } else {
                v = cover == Shrubland ? 0.64 : cover == Orchard ? 0.66 : 0.78;
            }
            break;
        }
        case Paddy:
            v = 0.56;
            break;
        case DryCropland:
            v = 0.47;
            break;
        case Grassland:
            v = 0.4;
            break;
        case FreshwaterMarsh:
            v = 0.52;
            break;
        case Mangrove:
            if (s.plot >= 0)
                v = 0.1 + 0.6 * std::min(1.0, double(year - m_plots[std::size_t(s.plot)].plantYear) / 6.0);
            else
                v = 0.74;
            break;
        case TidalFlat:
            v = s.plot >= 0 && year >= m_plots[std::size_t(s.plot)].plantYear ? 0.12 : 0.04;
            break;
        case Water:
            v = -0.12;
            break;
        case BuiltUp:
            v = 0.12 + 0.12 * s.urbanNoise;
            break;
        default:
            return std::numeric_limits<float>::quiet_NaN();
    }
    const double yearEffect = 0.04 * (unitFromHash(hash64(m_seed + 31, year)) - 0.5);
    const auto ix = std::int64_t(std::floor(s.x / 10)), iy = std::int64_t(std::floor(s.y / 10));
    const double pixel = 0.04 * (unitFromHash(hash64(m_seed + NPixel + std::uint64_t(year), ix, iy)) - 0.5);
    v += yearEffect + pixel + 0.08 * (s.detail - 0.5) * (cover == Water ? 0.3 : 1.0);
    v = std::clamp(v, -0.3, 0.95);
    return float(std::round(v * 1000) / 1000);
}

float Landscape::precipitation(const Site& s) const {
    const double n = (s.y - m_y0) / m_L;
    const double p = 1700 + 300 * smoothstep(0, 1000, s.elevation) + 80 * n +
                     70 * fbm(m_seed + NPrecip, s.x / 6000, s.y / 6000, 2);
    return float(std::round(std::clamp(p, 1690.0, 2150.0) * 10) / 10);
}

float Landscape::evapotranspiration(const Site& s, std::uint8_t cover) const {
    double base = 900;
    switch (cover) {
        case EvergreenBroadleaf:
            base = 1060;
            break;
        case Coniferous:
            base = 1000;
            break;
        case Eucalyptus:
            base = 1110;
            break;
        case Shrubland:
            base = 860;
            break;
        case Paddy:
            base = 960;
            break;
        case DryCropland:
            base = 780;
            break;
        case Orchard:
            base = 880;
            break;
        case Grassland:
            base = 720;
            break;
        case FreshwaterMarsh:
            base = 1080;
            break;
        case Mangrove:
            base = 1150;
            break;
        case TidalFlat:
            base = 950;
            break;
        case Water:
            base = 1200;
            break;
        case BuiltUp:
            base = 420;
            break;
        default:
            break;
    }
    const double et = base - 0.08 * std::max(0.0f, s.elevation) + 40 * (s.detail - 0.5);
    return float(std::round(et * 10) / 10);
}

float Landscape::erosivity(const Site& s) const {
    const double p = precipitation(s);
    return float(std::round(7800 + 4200 * (p - 1700) / 450));
}

float Landscape::erodibility(const Site& s) const {
    double k = 0.02 + 0.03 * s.soilNoise;
    if (s.coast < 2000)
        k = std::min(k, 0.03); // sandy-silty coastal soils
    return float(std::round(std::clamp(k, 0.02, 0.05) * 10000) / 10000);
}

float Landscape::coverManagement(std::uint8_t cover, float ndviValue) const {
    double base = 0;
    switch (cover) {
        case EvergreenBroadleaf:
            base = 0.006;
            break;
        case Coniferous:
            base = 0.012;
            break;
        case Eucalyptus:
            base = 0.03;
            break;
        case Shrubland:
            base = 0.05;
            break;
        case Paddy:
            base = 0.12;
            break;
        case DryCropland:
            base = 0.28;
            break;
        case Orchard:
            base = 0.15;
            break;
        case Grassland:
            base = 0.06;
            break;
        case FreshwaterMarsh:
            base = 0.01;
            break;
        case Mangrove:
            base = 0.005;
            break;
        default:
            return 0;
    }
    const double v = std::isnan(ndviValue) ? 0.6 : double(ndviValue);
    return float(std::round(std::clamp(base * (1.4 - 0.6 * std::max(0.0, v)), 0.0, 1.0) * 10000) / 10000);
}

int Landscape::nearestSeed(const std::vector<double>& seeds,
                           int cols,
                           int rows,
                           double spacing,
                           double x,
                           double y) const {
    const int ci = int(std::floor((x - m_x0) / spacing)), cj = int(std::floor((y - m_y0) / spacing));
    int best = -1;
    double bestD = std::numeric_limits<double>::max();
    for (int j = cj - 1; j <= cj + 1; ++j)
        for (int i = ci - 1; i <= ci + 1; ++i) {
            if (i < 0 || j < 0 || i >= cols || j >= rows)
                continue;
            const int k = j * cols + i;
            const double dx = seeds[2 * std::size_t(k)] - x, dy = seeds[2 * std::size_t(k) + 1] - y;
            const double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
    return best;
}

gis::Ring Landscape::voronoiCell(const std::vector<double>& seeds,
                                 int cols,
                                 int rows,
                                 double spacing,
                                 int index,
                                 const gis::Box& clip) const {
    const int i = index % cols, j = index / cols;
    const double sx = seeds[2 * std::size_t(index)], sy = seeds[2 * std::size_t(index) + 1];
    std::vector<double> poly = { sx - 2 * spacing, sy - 2 * spacing, sx + 2 * spacing, sy - 2 * spacing,
                                 sx + 2 * spacing, sy + 2 * spacing, sx - 2 * spacing, sy + 2 * spacing };
    for (int b = j - 2; b <= j + 2; ++b)
        for (int a = i - 2; a <= i + 2; ++a) {
            if (a < 0 || b < 0 || a >= cols || b >= rows || (a == i && b == j))
                continue;
            const int k = b * cols + a;
            clipHalfPlane(poly, sx, sy, seeds[2 * std::size_t(k)], seeds[2 * std::size_t(k) + 1]);
        }
    if (!clip.isEmpty())
        clipBox(poly, clip);
    return closedRing(std::move(poly));
}

void Landscape::buildStands() {
    m_standSpacing = 400;
    m_standCols = int(std::ceil(m_L / m_standSpacing));
    m_standRows = m_standCols;
    m_standSeeds.resize(std::size_t(m_standCols) * std::size_t(m_standRows) * 2);
    for (int j = 0; j < m_standRows; ++j)
        for (int i = 0; i < m_standCols; ++i) {
            const std::size_t k = std::size_t(j) * std::size_t(m_standCols) + std::size_t(i);
            m_standSeeds[2 * k] =
              m_x0 + (i + 0.25 + 0.5 * unitFromHash(hash64(m_seed + 301, i, j))) * m_standSpacing;
            m_standSeeds[2 * k + 1] =
              m_y0 + (j + 0.25 + 0.5 * unitFromHash(hash64(m_seed + 302, i, j))) * m_standSpacing;
        }
    m_stands.resize(m_standSeeds.size() / 2);
    for (std::size_t k = 0; k < m_stands.size(); ++k) {
        Stand& st = m_stands[k];
        st.x = m_standSeeds[2 * k];
        st.y = m_standSeeds[2 * k + 1];
        RowContext ctx;
        rowContext(st.y, ctx);
        double bank = 1e9;
        for (std::size_t r = 0; r < m_rivers.size(); ++r)
            if (ctx.riverHalfWidth[r] >= 0)
                bank = std::min(bank, std::fabs(st.x - ctx.riverX[r]) - ctx.riverHalfWidth[r]);
        const double coast = (ctx.n - coastN((st.x - m_x0) / m_L)) * m_L;
        st.elevation = float(elevationAt(st.x, st.y, ctx.n, bank, coast));
        Rng rng(hash64(m_seed + 303, std::int64_t(k)));
        // Neighbouring stands tend to share a type (coherent forest regions), with some mixing.
        const double p =
          0.7 * smoothstep(0.3, 0.7, fbm(m_seed + 304, st.x / 2500, st.y / 2500, 2)) + 0.3 * rng.uniform();
        const double e = st.elevation;
        if (e > 850)
            st.cover = p < 0.72 ? EvergreenBroadleaf : p < 0.9 ? Shrubland : Coniferous;
        else if (e > 380)
            st.cover = p < 0.55   ? EvergreenBroadleaf
                       : p < 0.9  ? Coniferous
                       : p < 0.96 ? Eucalyptus
                                  : Shrubland;
        else if (e > 150)
            st.cover = p < 0.32   ? EvergreenBroadleaf
                       : p < 0.7  ? Coniferous
                       : p < 0.95 ? Eucalyptus
                                  : Shrubland;
        else
            st.cover = p < 0.2 ? EvergreenBroadleaf : p < 0.4 ? Coniferous : p < 0.8 ? Eucalyptus : Orchard;
        switch (st.cover) {
            case EvergreenBroadleaf:
                st.species = Species::BroadleafMix;
                st.age2015 = 18 + rng.below(45);
                break;
            case Coniferous:
                st.species =
                  rng.uniform() < (e > 300 ? 0.6 : 0.35) ? Species::ChineseFir : Species::MassonPine;
                if (rng.uniform() < (st.species == Species::ChineseFir ? 0.35 : 0.12)) {
                    st.plantation = true;
                    st.rotation = st.species == Species::ChineseFir ? 25 : 30;
                    st.plantYear = 1988 + rng.below(28);
                } else {
                    st.age2015 = (st.species == Species::ChineseFir ? 6 : 10) + rng.below(32);
                }
                break;
            case Eucalyptus:
                st.species = Species::Eucalyptus;
                st.plantation = true;
                st.rotation = 6 + rng.below(2);
                st.plantYear = 2008 + rng.below(8);
                break;
            case Shrubland:
                st.species = Species::Shrub;
                st.age2015 = 4 + rng.below(12);
                break;
            default:
                st.species = Species::Orchard;
                st.age2015 = 5 + rng.below(20);
                break;
        }
    }
    // Wetland unit seeds.
    m_wetSpacing = 300;
    m_wetCols = int(std::ceil(m_L / m_wetSpacing));
    m_wetRows = m_wetCols;
    m_wetSeeds.resize(std::size_t(m_wetCols) * std::size_t(m_wetRows) * 2);
    for (int j = 0; j < m_wetRows; ++j)
        for (int i = 0; i < m_wetCols; ++i) {
            const std::size_t k = std::size_t(j) * std::size_t(m_wetCols) + std::size_t(i);
            m_wetSeeds[2 * k] =
              m_x0 + (i + 0.25 + 0.5 * unitFromHash(hash64(m_seed + 401, i, j))) * m_wetSpacing;
            m_wetSeeds[2 * k + 1] =
              m_y0 + (j + 0.25 + 0.5 * unitFromHash(hash64(m_seed + 402, i, j))) * m_wetSpacing;
        }
}

void Landscape::buildFields() {
    const double c = std::cos(m_fieldAngle), s = std::sin(m_fieldAngle);
    double amin = 1e18, amax = -1e18, bmin = 1e18, bmax = -1e18;
    for (double x : { 0.0, m_L })
        for (double y : { 0.0, m_L }) {
            amin = std::min(amin, x * c + y * s);
            amax = std::max(amax, x * c + y * s);
            bmin = std::min(bmin, -x * s + y * c);
            bmax = std::max(bmax, -x * s + y * c);
        }
    m_fieldA0 = std::floor(amin / m_fieldW) * m_fieldW;
    m_fieldB0 = std::floor(bmin / m_fieldH) * m_fieldH;
    m_fieldCols = int(std::ceil((amax - m_fieldA0) / m_fieldW));
    m_fieldRows = int(std::ceil((bmax - m_fieldB0) / m_fieldH));
    m_fieldCover.assign(std::size_t(m_fieldCols) * std::size_t(m_fieldRows), DryCropland);
    for (std::int64_t f = 0; f < fieldCount(); ++f) {
        double x, y;
        fieldCentre(f, x, y);
        if (x < m_x0 || y < m_y0 || x > m_x0 + m_L || y > m_y0 + m_L)
            continue;
        RowContext ctx;
        rowContext(y, ctx);
        double bank = 1e9;
        for (std::size_t r = 0; r < m_rivers.size(); ++r)
            if (ctx.riverHalfWidth[r] >= 0)
                bank = std::min(bank, std::fabs(x - ctx.riverX[r]) - ctx.riverHalfWidth[r]);
        const double coast = (ctx.n - coastN((x - m_x0) / m_L)) * m_L;
        const double e = elevationAt(x, y, ctx.n, bank, coast);
        const double p = 0.6 * smoothstep(0.3, 0.7, fbm(m_seed + 502, x / 1500, y / 1500, 2)) +
                         0.4 * unitFromHash(hash64(m_seed + 501, f));
        std::uint8_t cover;
        if (bank < 500 || e < 15)
            cover = p < 0.68 ? Paddy : p < 0.84 ? DryCropland : p < 0.96 ? Orchard : Grassland;
        else
            cover = p < 0.3 ? Paddy : p < 0.62 ? DryCropland : p < 0.93 ? Orchard : Grassland;
        m_fieldCover[std::size_t(f)] = cover;
    }
}

void Landscape::fieldCentre(std::int64_t index, double& x, double& y) const {
    const double i = double(index % m_fieldCols) + 0.5, j = double(index / m_fieldCols) + 0.5;
    const double a = m_fieldA0 + i * m_fieldW, b = m_fieldB0 + j * m_fieldH;
    const double c = std::cos(m_fieldAngle), s = std::sin(m_fieldAngle);
    x = m_x0 + a * c - b * s;
    y = m_y0 + a * s + b * c;
}

gis::Ring Landscape::fieldRing(std::int64_t index) const {
    const double i = double(index % m_fieldCols), j = double(index / m_fieldCols);
    const double c = std::cos(m_fieldAngle), s = std::sin(m_fieldAngle);
    std::vector<double> xy;
    const double corners[4][2] = { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 } };
    for (const auto& k : corners) {
        const double a = m_fieldA0 + (i + k[0]) * m_fieldW, b = m_fieldB0 + (j + k[1]) * m_fieldH;
        xy.push_back(m_x0 + a * c - b * s);
        xy.push_back(m_y0 + a * s + b * c);
    }
    return closedRing(std::move(xy));
}

void Landscape::buildPlots() {
    // Restoration plots: rectangles on 2015 tidal flat (never on natural mangrove or water), planted
    // 2017–2021 and counted as mangrove two years after planting.
    const int wanted = m_size == SampleSize::City ? 24 : m_size == SampleSize::Small ? 9 : 4;
    Rng rng(hash64(m_seed + 601, 0));
    for (int attempt = 0; attempt < 4000 && int(m_plots.size()) < wanted; ++attempt) {
        const double u = rng.uniform(0.04, 0.96);
        const double depth = rng.uniform(80, 350);
        const double cx = m_x0 + u * m_L;
        const double cy = m_y0 + coastN(u) * m_L - depth;
        const double w = rng.uniform(180, 420), h = rng.uniform(90, 200);
        const double ang = rng.uniform(-0.25, 0.25);
        const double ca = std::cos(ang), sa = std::sin(ang);
        RestorationPlot plot;
        std::vector<double> xy;
        const double corners[4][2] = { { -0.5, -0.5 }, { 0.5, -0.5 }, { 0.5, 0.5 }, { -0.5, 0.5 } };
        for (const auto& k : corners) {
            xy.push_back(cx + k[0] * w * ca - k[1] * h * sa);
            xy.push_back(cy + k[0] * w * sa + k[1] * h * ca);
        }
        plot.ring = closedRing(std::move(xy));
        gis::Box bb{ 1e18, 1e18, -1e18, -1e18 };
        for (std::size_t p = 0; p < plot.ring.size(); ++p) {
            bb.xmin = std::min(bb.xmin, plot.ring.x(p));
            bb.xmax = std::max(bb.xmax, plot.ring.x(p));
            bb.ymin = std::min(bb.ymin, plot.ring.y(p));
            bb.ymax = std::max(bb.ymax, plot.ring.y(p));
        }
        bool ok = bb.xmin > m_x0 + 50 && bb.xmax < m_x0 + m_L - 50 && bb.ymin > m_y0 + 50;
        for (const gis::Box& other : m_plotBoxes)
            ok = ok && !(other.xmin < bb.xmax + 100 && bb.xmin < other.xmax + 100 &&
                         other.ymin < bb.ymax + 100 && bb.ymin < other.ymax + 100);
        // Every sample inside (and a margin of one cell) must be tidal flat without restoration.
        for (int a = 0; ok && a <= 10; ++a)
            for (int b = 0; ok && b <= 10; ++b) {
                const double px = bb.xmin - 10 + (bb.xmax - bb.xmin + 20) * a / 10.0;
                const double py = bb.ymin - 10 + (bb.ymax - bb.ymin + 20) * b / 10.0;
                Site s;
                siteAt(px, py, s);
                if (!pointInRing(plot.ring, px, py) && a != 0 && a != 10 && b != 0 && b != 10)
                    continue;
                if (baseCover(s, 2015, false) != TidalFlat || baseCover(s, 2024, false) != TidalFlat)
                    ok = false;
            }
        if (!ok)
            continue;
        plot.plantYear = 2017 + int(m_plots.size()) % 5;
        plot.speciesIndex = rng.below(3);
        m_plots.push_back(plot);
        m_plotBoxes.push_back(bb);
    }
}

gis::Ring Landscape::standCell(int index, const gis::Box& clip) const {
    return voronoiCell(m_standSeeds, m_standCols, m_standRows, m_standSpacing, index, clip);
}

gis::Ring Landscape::wetlandCell(int index, const gis::Box& clip) const {
    return voronoiCell(m_wetSeeds, m_wetCols, m_wetRows, m_wetSpacing, index, clip);
}

void Landscape::wetlandSeed(int index, double& x, double& y) const {
    x = m_wetSeeds[2 * std::size_t(index)];
    y = m_wetSeeds[2 * std::size_t(index) + 1];
}

gis::Ring Landscape::districtRing(int district) const {
    // Two wavy boundaries across the area split it into north, middle and south districts.
    auto boundary = [&](int b, double u) {
        const double base = b == 0 ? 0.66 : 0.36;
        return base +
               0.035 * std::sin(2 * kPi * (1.4 * u) + double((m_seed + std::uint64_t(b) * 97) % 628) / 100) +
               0.03 * (fbm1(m_seed + 700 + std::uint64_t(b), u * 4, 2) - 0.5);
    };
    constexpr int kSteps = 48;
    std::vector<double> xy;
    auto line = [&](int b, bool eastward) {
        for (int i = 0; i <= kSteps; ++i) {
            const double u = eastward ? double(i) / kSteps : 1 - double(i) / kSteps;
            xy.push_back(m_x0 + u * m_L);
            xy.push_back(m_y0 + boundary(b, u) * m_L);
        }
    };
    if (district == 0) {
        line(0, true);
        xy.insert(xy.end(), { m_x0 + m_L, m_y0 + m_L, m_x0, m_y0 + m_L });
    } else if (district == 1) {
        line(1, true);
        line(0, false);
    } else {
        xy.insert(xy.end(), { m_x0, m_y0, m_x0 + m_L, m_y0 });
        line(1, false);
    }
    return closedRing(std::move(xy));
}

} // namespace tanhui::models::sample
