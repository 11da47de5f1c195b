// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Geometry.h"
#include "gis/Grid.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tanhui::models::sample {

/// Land-cover class codes of the sample project (two digits: family, member). See
/// docs/sample-project.md.
enum LandCover : std::uint8_t {
    NoData = 0,
    EvergreenBroadleaf = 11,
    Coniferous = 12,
    Eucalyptus = 13,
    Shrubland = 14,
    Paddy = 21,
    DryCropland = 22,
    Orchard = 23,
    Grassland = 31,
    FreshwaterMarsh = 41,
    Mangrove = 42,
    TidalFlat = 43,
    Water = 51,
    BuiltUp = 61,
};

struct LandCoverClass {
    int code;
    const char* nameEn;
    const char* nameZh; ///< UTF-8
    std::uint32_t rgb;  ///< 0xRRGGBB
};

/// The 13 classes in code order.
const std::vector<LandCoverClass>& landCoverClasses();
inline bool isForest(int code) {
    return code >= 11 && code <= 14;
}

/// Years with a land-cover map and the NDVI years.
inline constexpr int kLandCoverYears[] = { 2015, 2018, 2021, 2024 };
inline constexpr int kFirstNdviYear = 2015;
inline constexpr int kLastNdviYear = 2024;
inline constexpr int kNdviYears = kLastNdviYear - kFirstNdviYear + 1;

/// Dominant species of a forest stand (sub-compartment).
enum class Species : std::uint8_t { BroadleafMix, MassonPine, ChineseFir, Eucalyptus, Shrub, Orchard };

/// @brief One forest stand: a Voronoi cell of a jittered grid of seeds.
struct Stand {
    double x = 0, y = 0;    ///< seed, CRS metres
    float elevation = 0;    ///< at the seed
    std::uint8_t cover = 0; ///< class when standing: 11, 12, 13, 14 or 23
    Species species = Species::BroadleafMix;
    bool plantation = false; ///< harvested and replanted on a rotation
    int plantYear = 0;       ///< first planting year of the current series (plantations)
    int rotation = 0;        ///< years standing before harvest (plantations)
    int age2015 = 0;         ///< stand age in 2015 (natural stands)
    /// Stand age in `year` and whether the stand is a fresh clear-cut (harvested, not yet replanted).
    int ageIn(int year, bool* clearCut = nullptr) const;
};

/// @brief A mangrove restoration plot planted on 2015 tidal flat.
struct RestorationPlot {
    gis::Ring ring; ///< closed rectangle, CRS metres
    int plantYear = 0;
    int speciesIndex = 0; ///< 0 秋茄 Kandelia obovata, 1 桐花树 Aegiceras corniculatum, 2 无瓣海桑
};

/// @brief Every per-cell field of the landscape that does not depend on the year.
struct Site {
    double x = 0, y = 0;    ///< cell centre, CRS metres
    float elevation = 0;    ///< m
    float riverBank = 1e9f; ///< distance to the nearest river bank (m); negative inside the river
    float coast = 0;        ///< distance inland from the shoreline (m); negative at sea
    bool reservoir = false;
    bool pondZone = false;  ///< fish-pond (基塘) block
    bool pondWater = false; ///< inside a pond (else on a dyke)
    float urbanNoise = 0, marshNoise = 0, mangroveNoise = 0, tidalNoise = 0, edgeNoise = 0, soilNoise = 0;
    float detail = 0;        ///< fine noise in [0, 1]
    int stand = -1;          ///< nearest stand seed
    std::int64_t field = -1; ///< farmland field index
    int plot = -1;           ///< restoration plot containing the cell
    // Year-independent parts of the built-up test, computed once per cell in siteAt().
    bool nearTown = false; ///< close enough to some town to be town land in some year
    double townX = 0, townY = 0, roadPull = 1, townFactor = 0; ///< warped position, road pull, noise factor
    double villageNoise = 0;                                   ///< village noise in [0, 1]
    bool onRoad = false;                                       ///< within a road's width
};

/// @brief Sizes of the sample project.
enum class SampleSize { Test, Small, City };

/// @brief The deterministic fictional Guangzhou-like landscape: hills in the north, a river
/// network flowing south into an estuary, farmland, fish ponds, wetlands, mangroves, a growing city.
/// Every value is a pure function of the seed and the position (and the year), so any row band can
/// be computed independently, on any thread, with identical results.
class Landscape {
public:
    Landscape(std::uint64_t seed, SampleSize size);

    std::uint64_t seed() const { return m_seed; }
    const gis::Grid& grid() const { return m_grid; }
    double extentMetres() const { return m_L; }

    /// What a row of cells shares (river positions at that latitude), computed once per row.
    struct RowContext {
        double y = 0, n = 0;
        std::vector<double> riverX, riverHalfWidth; ///< CRS metres; halfWidth < 0: absent
    };
    void rowContext(double y, RowContext& ctx) const;
    /// Fills `site` for the point (x, y) in CRS metres; ctx must be for y.
    void siteAt(double x, double y, const RowContext& ctx, Site& site) const;
    /// The same without a precomputed row context.
    void siteAt(double x, double y, Site& site) const;

    /// Land-cover class of a site in a year (2015–2024).
    std::uint8_t landCover(const Site& site, int year) const;
    /// Class ignoring the restoration plots (what the area would be without restoration).
    std::uint8_t landCoverWithoutRestoration(const Site& site, int year) const;
    /// NDVI (-1..1) of a site in a year given its class; NaN under a cloud.
    float ndvi(const Site& site, int year, std::uint8_t cover, bool clouds = true) const;
    /// Static rasters.
    float precipitation(const Site& site) const;                          ///< mm/yr
    float evapotranspiration(const Site& site, std::uint8_t cover) const; ///< mm/yr
    float erosivity(const Site& site) const;                              ///< MJ·mm/(ha·h·yr)
    float erodibility(const Site& site) const;                            ///< t·ha·h/(ha·MJ·mm)
    float coverManagement(std::uint8_t cover, float ndvi) const;          ///< 0–1

    const std::vector<Stand>& stands() const { return m_stands; }
    const std::vector<RestorationPlot>& restorationPlots() const { return m_plots; }
    /// The Voronoi cell of stand `index`, clipped to `clip` (an empty box: not clipped).
    gis::Ring standCell(int index, const gis::Box& clip) const;
    /// Farmland fields are rotated rectangles on a regular grid; the ring of field `index`, and the
    /// number of field columns/rows of that grid.
    gis::Ring fieldRing(std::int64_t index) const;
    std::int64_t fieldCount() const { return std::int64_t(m_fieldCols) * m_fieldRows; }
    /// Centre of field `index`.
    void fieldCentre(std::int64_t index, double& x, double& y) const;
    /// Wetland units are Voronoi cells of a second jittered grid.
    int wetlandSeedCount() const { return int(m_wetSeeds.size() / 2); }
    gis::Ring wetlandCell(int index, const gis::Box& clip) const;
    void wetlandSeed(int index, double& x, double& y) const;
    /// The district (0 north, 1 middle, 2 south) of a point, and the district boundary polylines.
    gis::Ring districtRing(int district) const;

private:
    struct River {
        std::uint64_t seed = 0;
        double nStart = 0, nEnd = 0; ///< north fraction range it spans
        double uTop = 0, uBottom = 0;
        double widthTop = 0, widthBottom = 0;
        int joins = -1; ///< river it joins at nEnd (-1: reaches the sea)
    };
    struct Town {
        double x = 0, y = 0, r2015 = 0, growth = 0; ///< radius (m) in 2015 and growth to 2024 (m)
        int startYear = 2015;
    };
    struct Road {
        double x0, y0, x1, y1;
    };

    double riverCentreU(const River& r, double n) const;
    double coastN(double u) const;
    double elevationAt(double x, double y, double n, double bank, double coast) const;
    bool urbanIn(const Site& s, int year) const;
    void prepareUrban(Site& s) const;
    std::uint8_t baseCover(const Site& s, int year, bool restoration) const;
    std::uint8_t fieldCover(std::int64_t field) const;
    gis::Ring voronoiCell(const std::vector<double>& seeds,
                          int cols,
                          int rows,
                          double spacing,
                          int index,
                          const gis::Box& clip) const;
    int nearestSeed(const std::vector<double>& seeds, int cols, int rows, double spacing, double x, double y)
      const;
    void buildStands();
    void buildFields();
    void buildPlots();

    std::uint64_t m_seed;
    SampleSize m_size;
    gis::Grid m_grid;
    double m_x0 = 0, m_y0 = 0; ///< south-west corner
    double m_L = 0;            ///< extent (m)
    std::vector<River> m_rivers;
    std::vector<Town> m_towns;
    std::vector<Road> m_roads;
    double m_reservoirX = 0, m_reservoirY = 0, m_reservoirR = 0;
    // stands
    double m_standSpacing = 400;
    int m_standCols = 0, m_standRows = 0;
    std::vector<double> m_standSeeds; ///< x, y pairs
    std::vector<Stand> m_stands;
    // wetland units
    double m_wetSpacing = 300;
    int m_wetCols = 0, m_wetRows = 0;
    std::vector<double> m_wetSeeds;
    // fields
    double m_fieldW = 120, m_fieldH = 80, m_fieldAngle = 0.21;
    double m_fieldA0 = 0, m_fieldB0 = 0;
    int m_fieldCols = 0, m_fieldRows = 0;
    std::vector<std::uint8_t> m_fieldCover;
    std::vector<RestorationPlot> m_plots;
    std::vector<gis::Box> m_plotBoxes;
};

} // namespace tanhui::models::sample
