// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Grid.h"

#include <memory>
#include <string>
#include <vector>

namespace tanhui::gis {

/// @brief Writes a floating-point GeoTIFF (tiled 256 × 256, DEFLATE) on a given grid and CRS, band by
/// band and window by window; used for per-cell carbon density rasters (t C/ha, carbon-methods.md §0).
///
/// Atomic like writeTable: the file is created as a temporary next to `path` and renamed over `path`
/// by commit(); destroying the writer without commit() removes the temporary and leaves any existing
/// file unchanged. Throws GisError(Io) naming the file on failure. Not thread-safe.
class DensityRasterWriter {
public:
    /// `bandNames` become the band descriptions; `float64` selects Float64 (else Float32); every band
    /// gets `nodata` as its nodata value.
    DensityRasterWriter(const std::string& path,
                        const Grid& grid,
                        const Crs& crs,
                        const std::vector<std::string>& bandNames,
                        bool float64,
                        double nodata);
    ~DensityRasterWriter();
    DensityRasterWriter(const DensityRasterWriter&) = delete;
    DensityRasterWriter& operator=(const DensityRasterWriter&) = delete;

    /// Writes `window` (inside the grid) of `band` (1-based) from row-major `values`.
    void write(int band, const Window& window, const double* values);
    /// Flushes, closes and renames the temporary over the target.
    void commit();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace tanhui::gis
