// SPDX-License-Identifier: GPL-3.0-or-later
// LS and soil retention raster (gep-methods.md §4.3; docs/gep.md "Soil retention").
#include "gis/Errors.h"
#include "gis/Feedback.h"
#include "gis/RasterDataset.h"
#include "gis/RasterWriter.h"
#include "models/gep/GepRunData.h"
#include "models/gep/Plausibility.h"

#include <QDir>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <future>
#include <thread>

namespace tanhui::models::gep {

/// Writes soil_retention_t_ha.tif (band 1: R·K·LS·(1 − C), t/ha/a; band 2: LS; band 3: potential erosion
/// R·K·LS, t/ha/a; band 4: 1 where the slope exceeded the validity cap of gep::LsFactor, else 0) on the DEM
/// grid. The R, K and C rasters must share the DEM's grid. Slope by Horn's 3 × 3 method (edges
/// replicated). `cappedCells` receives the number of cells whose slope was capped.
std::string writeSoilRetention(const std::string& dem,
                               const std::string& r,
                               const std::string& k,
                               const std::string& c,
                               double slopeLengthM,
                               int threads,
                               const QString& outDir,
                               gis::Feedback* feedback,
                               std::int64_t* cappedCells) {
    gis::RasterDataset d(dem), rr(r), kk(k), cc(c);
    const gis::Grid& g = d.info().grid;
    for (const gis::RasterDataset* o : { &rr, &kk, &cc })
        if (!o->info().grid.sameAs(g))
            throw gis::GisError(
              gis::GisError::Kind::InvalidArgument,
              GepCommand::tr("raster %1 is not on the grid of the DEM %2; resample the RUSLE "
                             "factors to the DEM grid (same origin, cell size and size)")
                .arg(QString::fromStdString(o->path()), QString::fromStdString(dem))
                .toStdString());
    gis::RasterSpec spec;
    spec.grid = g;
    spec.crs = d.info().crs;
    spec.type = gis::RasterSpec::Type::Float32;
    spec.bands = 4;
    spec.nodata = -1;
    spec.bandDescriptions = { "soil_retention_t_ha", "ls", "potential_erosion_t_ha", "slope_capped" };
    spec.overviews = false;
    spec.deflateLevel = 1; // an intermediate product: fast compression
    const std::string path = QDir(outDir).filePath(QStringLiteral("soil_retention_t_ha.tif")).toStdString();
    gis::RasterWriter writer(path, spec);
    const int band = 256;
    // One band of rows with its inputs (the DEM with a one-row halo above and below).
    struct Rows {
        int row0 = 0, rows = 0, h0 = 0, h1 = 0;
        std::vector<double> z, rv, kv, cv;
        std::vector<unsigned char> zok, rok, kok, cok;
    };
    // The four inputs are read concurrently (each dataset has its own handle), and the next band is
    // read while the current one is compressed and written: decompression and compression run on
    // different cores. Exceptions (a corrupt block) reach the caller through the futures.
    auto readRows = [&](Rows& in, int row0) {
        in.row0 = row0;
        in.rows = std::min(band, g.rows - row0);
        in.h0 = std::max(0, row0 - 1);
        in.h1 = std::min(g.rows, row0 + in.rows + 1);
        const gis::Window w{ row0, 0, in.rows, g.cols };
        auto fz = std::async(std::launch::async, [&] {
            d.read(1, { in.h0, 0, in.h1 - in.h0, g.cols }, in.z, in.zok);
        });
        auto fr = std::async(std::launch::async, [&] { rr.read(1, w, in.rv, in.rok); });
        auto fk = std::async(std::launch::async, [&] { kk.read(1, w, in.kv, in.kok); });
        cc.read(1, w, in.cv, in.cok);
        fz.get();
        fr.get();
        fk.get();
    };
    std::vector<float> outSr, outLs, outPot, outCap;
    const double dx = g.cellWidth, dy = g.cellHeight;
    const LsFactor lsOf(slopeLengthM);
    std::atomic<std::int64_t> capped{ 0 };
    Rows cur, next;
    readRows(cur, 0);
    for (int row0 = 0; row0 < g.rows; row0 += band) {
        if (feedback) {
            feedback->throwIfCancelled();
            feedback->setProgress(100.0 * row0 / g.rows, "LS");
        }
        const int rows = cur.rows, h0 = cur.h0, h1 = cur.h1;
        const std::vector<double>& z = cur.z;
        const std::vector<unsigned char>& zok = cur.zok;
        outSr.assign(std::size_t(rows) * g.cols, -1.0f);
        outLs.assign(std::size_t(rows) * g.cols, -1.0f);
        outPot.assign(std::size_t(rows) * g.cols, -1.0f);
        outCap.assign(std::size_t(rows) * g.cols, -1.0f);
        auto zAt = [&](int row, int col) {
            row = std::clamp(row, h0, h1 - 1);
            col = std::clamp(col, 0, g.cols - 1);
            return z[std::size_t(row - h0) * g.cols + col];
        };
        // Rows are independent (each cell a pure function of its neighbourhood): split them over the
        // cores; the output does not depend on the split.
        auto computeRows = [&](int iBegin, int iEnd) {
            std::int64_t cappedHere = 0;
            for (int i = iBegin; i < iEnd; ++i) {
                const int row = row0 + i;
                for (int col = 0; col < g.cols; ++col) {
                    const std::size_t o = std::size_t(i) * g.cols + col;
                    if (!zok[std::size_t(row - h0) * g.cols + col] || !cur.rok[o] || !cur.kok[o] ||
                        !cur.cok[o])
                        continue;
                    const double a = zAt(row - 1, col - 1), b = zAt(row - 1, col), c3 = zAt(row - 1, col + 1);
                    const double dd = zAt(row, col - 1), f = zAt(row, col + 1);
                    const double gg = zAt(row + 1, col - 1), hh = zAt(row + 1, col),
                                 ii = zAt(row + 1, col + 1);
                    const double dzdx = ((c3 + 2 * f + ii) - (a + 2 * dd + gg)) / (8 * dx);
                    const double dzdy = ((gg + 2 * hh + ii) - (a + 2 * b + c3)) / (8 * dy);
                    bool over = false;
                    const double ls = std::max(0.0, lsOf(std::sqrt(dzdx * dzdx + dzdy * dzdy), &over));
                    const double potential = cur.rv[o] * cur.kv[o] * ls;
                    const double cFactor = std::clamp(cur.cv[o], 0.0, 1.0);
                    outLs[o] = float(ls);
                    outSr[o] = float(potential - potential * cFactor * 1.0); // support practice P = 1
                    outPot[o] = float(potential);
                    outCap[o] = over ? 1.0f : 0.0f;
                    cappedHere += over ? 1 : 0;
                }
            }
            capped += cappedHere;
        };
        const int workers =
          std::clamp(threads > 0 ? threads : int(std::thread::hardware_concurrency()), 1, rows);
        std::vector<std::thread> pool;
        for (int t = 1; t < workers; ++t)
            pool.emplace_back(computeRows, rows * t / workers, rows * (t + 1) / workers);
        computeRows(0, rows / workers);
        for (std::thread& t : pool)
            t.join();
        std::future<void> prefetch;
        if (row0 + band < g.rows)
            prefetch = std::async(std::launch::async, [&] { readRows(next, row0 + band); });
        writer.writeRows(1, row0, rows, outSr.data());
        writer.writeRows(2, row0, rows, outLs.data());
        writer.writeRows(3, row0, rows, outPot.data());
        writer.writeRows(4, row0, rows, outCap.data());
        writer.flush();
        if (prefetch.valid()) {
            prefetch.get();
            std::swap(cur, next);
        }
    }
    writer.commit(feedback);
    if (cappedCells)
        *cappedCells = capped;
    return path;
}

} // namespace tanhui::models::gep
