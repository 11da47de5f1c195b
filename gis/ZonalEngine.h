// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Grid.h"
#include "gis/ZonalStats.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tanhui::gis {

class Feedback;
struct ParcelSet;

/// @brief One raster band taking part in a zonal run.
struct ZonalBand {
    std::string path;      ///< raster file
    int band = 1;          ///< 1-based band index
    std::string prefix;    ///< column prefix, unique in the run (e.g. "landcover_2015")
    std::string dataType;  ///< GDAL type name (empty: runZonal takes it, and isInteger, from the file)
    bool isInteger = true; ///< class statistics are meaningful
    int gridGroup = 0;     ///< bands with equal grid and CRS share a group (and parcel coverage)
};

/// @brief A derived Byte band combining two Byte bands of the same run cell by cell, e.g. the pair of
/// land-cover classes of two dates: value = min(255, lutFirst[v₁] + lutSecond[v₂]) where v₁, v₂ are
/// the cells of run bands `first` and `second` (same grid; Byte bands whose invalid cells are marked
/// by nodata). 255 is the derived band's nodata, so a LUT maps a source's nodata (and any value to
/// exclude) to 255. Nothing is written to disk: the engine combines the windows it reads. The run's
/// band `band` is the derived one; its ZonalBand names the first source (path, band, "Byte").
struct ZonalPairBand {
    std::size_t band = 0;   ///< index of the derived band in the run's band list
    std::size_t first = 0;  ///< index of a Byte band in the run's band list
    std::size_t second = 0; ///< index of a Byte band in the run's band list
    std::array<std::uint8_t, 256> lutFirst{};
    std::array<std::uint8_t, 256> lutSecond{};
};

struct ZonalOptions {
    StatSet stats = Stat::Count | Stat::Sum | Stat::Mean;
    int threads = 0;                            ///< 0: all cores
    std::size_t memoryBudgetBytes = 512u << 20; ///< bound on buffers + GDAL block cache
    /// Largest window (cells) a worker holds at once; larger parcels are processed in bands of rows.
    /// 0: derived from the memory budget. Results do not depend on it.
    std::int64_t maxWindowCells = 0;
    /// When parcels are reprojected, insert vertices so that every edge, straight in the parcel CRS,
    /// stays within the raster's cell size of its true curved image. Off: only vertices are
    /// transformed (edges become straight in the raster CRS). Tests switch it off to check the
    /// round trip.
    bool densifyEdges = true;
    /// Byte bands of tiled or striped GeoTIFFs are read through one store of decoded blocks shared
    /// by the workers (every block inflated once; see docs/architecture.md). Off: every worker reads
    /// its windows through its own GDAL dataset and block cache. Results do not depend on it (tests
    /// compare the two paths).
    bool shareByteBlocks = true;
    Feedback* feedback = nullptr;
    /// Derived pair bands of the run (ZonalPairBand; additive hook for class-pair statistics).
    std::vector<ZonalPairBand> pairBands;
    /// Called once per parcel when its statistics on every band are complete (after the last grid group
    /// that covers it; at the end for parcels no raster covers), from the workers, concurrently for
    /// different parcels. It may take or free `stats` (ZonalResult::stats[parcel] is then what it
    /// leaves): a caller turning each parcel's statistics into its own result at once never holds
    /// every parcel's statistics (1,000,000 parcels and three bands: about 0.5 GB).
    std::function<void(std::size_t parcel, std::vector<ZonalStats>& stats)> onParcelFinished;
};

/// @brief Statistics of every parcel (in ParcelSet order) on every band.
struct ZonalResult {
    std::vector<ZonalBand> bands;
    std::vector<Grid> grids;                    ///< one per grid group
    std::vector<Crs> crs;                       ///< one per grid group
    std::vector<std::vector<ZonalStats>> stats; ///< [parcel][band]
    /// [band]: every class value of any parcel (ZonalStats::classes), ascending; collected while the
    /// parcels are finished, so that tables need not scan all parcels for their class columns. Empty
    /// unless class shares or areas (Stat::Frac, Stat::Area) were asked for.
    std::vector<std::vector<double>> bandClasses;
    int threadsUsed = 1;
};

/// @brief Adds every band of a raster file to a list of bands, with a prefix derived from the file
/// name (and "_b<N>" for multi-band files). Throws GisError(Open) if the file cannot be opened.
void appendRasterBands(const std::string& path,
                       std::vector<ZonalBand>& bands,
                       const std::string& prefix = {});

/// @brief Exact, coverage-weighted zonal statistics of polygons over raster bands.
///
/// Rules (see docs/zonal-statistics.md):
/// - Parcels are transformed into each raster's CRS (edges densified to the cell size so that they
///   follow the parcel CRS's straight lines); rasters are never resampled.
/// - Each parcel's exact cell coverage (Coverage.h) is computed once per grid and reused for every
///   band, date and file on that grid.
/// - Nodata, NaN and masked cells are excluded from the statistics and reported as nodata area.
/// - True areas: on a geographic grid each cell row has its own ellipsoidal area
///   (geographicCellAreaM2); on a projected grid, planar cell areas are scaled, per parcel, by the
///   parcel's ellipsoidal area / its planar area in the raster CRS, so a parcel's class areas add up
///   to its ellipsoidal area when it lies wholly inside the raster.
/// - Windows are read on demand in row bands bounded by the memory budget; parcels are processed in
///   raster block order by all threads, each parcel by exactly one thread in row-major cell order, so
///   results are bit-identical for any thread count and memory budget.
/// Throws GisError (Open, Io, Crs, InvalidArgument) and CancelledError.
ZonalResult runZonal(const ParcelSet& parcels,
                     const std::vector<ZonalBand>& bands,
                     const ZonalOptions& options);

/// @brief runZonal() for a caller that needs no parcel geometry afterwards (e.g. a CSV table): each
/// parcel's geometry is freed (Parcel::geometry left empty; ids, areas and wkb are kept) as soon as
/// its statistics are finished on every grid, so the statistics take the place of the geometries
/// instead of adding to them (1,000,000 Voronoi parcels: ~200 MB less at the peak; docs/benchmark.md,
/// "Memory and scaling"). Results are identical to runZonal()'s.
ZonalResult runZonalReleasingGeometry(ParcelSet& parcels,
                                      const std::vector<ZonalBand>& bands,
                                      const ZonalOptions& options);

} // namespace tanhui::gis
