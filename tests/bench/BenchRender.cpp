// SPDX-License-Identifier: GPL-3.0-or-later
//
// tanhui-bench-render: frame times of the map renderer (issue 12) on the city-scale scene: a land-cover
// raster (external overviews built once, if missing) under 100,000 parcel outlines, W × H pixels, in
// the scene's CRS. Views: the full extent, 1:50,000 and 1:5,000 at five places each. For each view
// the first frame (cold: right after loading, GDAL cache empty) and the median of the repeated frames.
// Prints one line per view kind and a machine-readable summary (scripts/bench-render.sh):
//   view full first_ms 98.1 median_ms 75.0
//   ...
//   peak_rss_mb 181
#include "gis/Errors.h"
#include "render/MapRenderer.h"

#include <QGuiApplication>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace tanhui;
using namespace tanhui::render;

namespace {

/// CPU time of the process (all threads), in ms.
double cpuMs() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (double(u.ru_utime.tv_sec) + double(u.ru_stime.tv_sec)) * 1e3 +
           (double(u.ru_utime.tv_usec) + double(u.ru_stime.tv_usec)) / 1e3;
}

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

[[noreturn]] void usage() {
    std::fprintf(stderr,
                 "usage: tanhui-bench-render --raster TIF --parcels GPKG [--width 1600] [--height 1000] "
                 "[--repeat 5] [--views FILE] [--only full|1:50000|1:5000]\n"
                 "  --views FILE writes the views (kind x0 y0 x1 y1 per line) for the QGIS run\n"
                 "  --only KIND renders the views of one kind (e.g. under callgrind)\n");
    std::exit(2);
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    std::string rasterPath, parcelsPath, viewsPath, only;
    int width = 1600, height = 1000, repeat = 5;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&]() -> std::string {
            if (i + 1 >= argc)
                usage();
            return argv[++i];
        };
        if (a == "--raster")
            rasterPath = next();
        else if (a == "--parcels")
            parcelsPath = next();
        else if (a == "--width")
            width = std::atoi(next().c_str());
        else if (a == "--height")
            height = std::atoi(next().c_str());
        else if (a == "--repeat")
            repeat = std::atoi(next().c_str());
        else if (a == "--views")
            viewsPath = next();
        else if (a == "--only")
            only = next();
        else
            usage();
    }
    if (rasterPath.empty() || parcelsPath.empty() || width <= 0 || height <= 0 || repeat <= 0)
        usage();
    try {
        {
            gis::RasterDataset ds(rasterPath);
            if (ds.info().bands[0].overviewCount == 0) {
                const auto t0 = std::chrono::steady_clock::now();
                ds.buildOverviews("NEAREST");
                std::printf("overviews built in %.1f s\n", msSince(t0) / 1000.0);
            }
        }
        auto t0 = std::chrono::steady_clock::now();
        MapLayer raster;
        raster.raster = RasterSource::open(rasterPath);
        {
            gis::RasterDataset ds(rasterPath);
            raster.rasterStyle = palettedFromColorTable(ds, 1);
            if (raster.rasterStyle.classes.empty()) {
                const auto [lo, hi] = computeStretch(ds, 1, StretchKind::MinMax);
                raster.rasterStyle.kind = RasterStyle::Kind::Pseudocolor;
                raster.rasterStyle.min = lo;
                raster.rasterStyle.max = hi;
                raster.rasterStyle.ramp = ColorRamp::named(QStringLiteral("viridis"));
            }
        }
        const double rasterOpenMs = msSince(t0);
        t0 = std::chrono::steady_clock::now();
        const gis::Crs crs = raster.raster->info().crs;
        MapLayer parcels;
        parcels.vector = VectorSource::load(parcelsPath, {}, crs);
        // QGIS's default polygon symbol: a fill with a 0.26 mm dark outline.
        parcels.vectorStyle.symbol.fill = QColor(190, 207, 80);
        parcels.vectorStyle.symbol.stroke = QColor(35, 35, 35);
        parcels.vectorStyle.symbol.strokeWidthMm = 0.26;
        const double loadMs = msSince(t0);
        std::printf("raster %s: %d x %d, %d overview(s), opened in %.1f ms\n",
                    rasterPath.c_str(),
                    raster.raster->info().grid.cols,
                    raster.raster->info().grid.rows,
                    raster.raster->info().bands[0].overviewCount,
                    rasterOpenMs);
        std::printf("parcels %s: %zu features loaded and indexed in %.1f ms (%.0f MB)\n",
                    parcelsPath.c_str(),
                    parcels.vector->size(),
                    loadMs,
                    double(parcels.vector->memoryBytes()) / 1048576.0);

        const gis::Box full = raster.raster->info().grid.extent();
        const std::vector<MapLayer> layers{ raster, parcels };
        struct View {
            std::string kind;
            gis::Box extent;
        };
        std::vector<View> views{ { "full", full } };
        // 1:N at 96 dpi: N × 0.0254 / 96 metres per pixel.
        for (const auto& [kind, scale] :
             { std::pair<std::string, double>{ "1:50000", 50000 }, { "1:5000", 5000 } }) {
            const double mupp = scale * 0.0254 / 96.0;
            const double hw = 0.5 * mupp * width, hh = 0.5 * mupp * height;
            for (const auto& [fx, fy] :
                 { std::pair{ 0.5, 0.5 }, { 0.25, 0.3 }, { 0.7, 0.25 }, { 0.3, 0.75 }, { 0.8, 0.7 } }) {
                const double cx = full.xmin + fx * full.width(), cy = full.ymin + fy * full.height();
                views.push_back({ kind, { cx - hw, cy - hh, cx + hw, cy + hh } });
            }
        }
        if (!viewsPath.empty()) {
            FILE* f = std::fopen(viewsPath.c_str(), "w");
            if (!f) {
                std::fprintf(stderr, "cannot write %s\n", viewsPath.c_str());
                return 1;
            }
            for (const View& v : views)
                std::fprintf(f,
                             "%s %.6f %.6f %.6f %.6f\n",
                             v.kind.c_str(),
                             v.extent.xmin,
                             v.extent.ymin,
                             v.extent.xmax,
                             v.extent.ymax);
            std::fclose(f);
        }
        std::vector<std::string> kinds{ "full", "1:50000", "1:5000" };
        for (const std::string& kind : kinds) {
            if (!only.empty() && kind != only)
                continue;
            std::vector<double> firsts, repeats, cpu;
            std::size_t drawn = 0, cells = 0;
            double rasterMs = 0, vectorMs = 0;
            for (const View& v : views) {
                if (v.kind != kind)
                    continue;
                MapSettings s;
                s.crs = crs;
                s.extent = v.extent;
                s.size = QSize(width, height);
                RenderStats stats;
                auto t = std::chrono::steady_clock::now();
                QImage image = MapRenderer::renderImage(s, layers, nullptr, &stats);
                firsts.push_back(msSince(t));
                drawn = std::max(drawn, stats.featuresDrawn);
                cells = std::max(cells, stats.rasterCellsRead);
                for (int r = 0; r < repeat; ++r) {
                    t = std::chrono::steady_clock::now();
                    const double c0 = cpuMs();
                    image = MapRenderer::renderImage(s, layers, nullptr, &stats);
                    repeats.push_back(msSince(t));
                    cpu.push_back(cpuMs() - c0);
                    rasterMs += stats.rasterMs;
                    vectorMs += stats.vectorMs;
                }
                if (kind == "full" && std::getenv("TANHUI_BENCH_SAVE"))
                    image.save(QString::fromLocal8Bit(std::getenv("TANHUI_BENCH_SAVE")));
            }
            std::sort(repeats.begin(), repeats.end());
            const double median = repeats[repeats.size() / 2];
            std::sort(cpu.begin(), cpu.end());
            const double firstMax = *std::max_element(firsts.begin(), firsts.end());
            std::printf(
              "view %s first_ms %.1f median_ms %.1f cpu_ms %.1f raster_ms %.1f vector_ms %.1f features %zu "
              "cells %zu\n",
              kind.c_str(),
              firstMax,
              median,
              cpu[cpu.size() / 2],
              rasterMs / double(repeats.size()),
              vectorMs / double(repeats.size()),
              drawn,
              cells);
        }
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("peak_rss_mb %.0f\n", double(usage.ru_maxrss) / 1024.0);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tanhui-bench-render: %s\n", e.what());
        return 1;
    }
    return 0;
}
