// SPDX-License-Identifier: GPL-3.0-or-later
//
// tanhui-bench-ioread: the I/O floor of the zonal benchmark. For each raster it reads every natural
// block of band 1 with GDALReadBlock on one thread (decompression included, no block cache), sums the
// valid cells of each block and prints the sum, so the work cannot be optimised away.

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace {

template<typename T>
std::uint64_t sumBlock(const void* data, int blockX, int validX, int validY) {
    const T* p = static_cast<const T*>(data);
    std::uint64_t s = 0;
    for (int y = 0; y < validY; ++y) {
        const T* row = p + static_cast<std::size_t>(y) * static_cast<std::size_t>(blockX);
        for (int x = 0; x < validX; ++x)
            s += static_cast<std::uint64_t>(row[x]);
    }
    return s;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: tanhui-bench-ioread FILE...\n");
        return 2;
    }
    GDALAllRegister();
    int rc = 0;
    const auto all0 = std::chrono::steady_clock::now();
    for (int f = 1; f < argc; ++f) {
        const auto t0 = std::chrono::steady_clock::now();
        GDALDatasetH ds = GDALOpen(argv[f], GA_ReadOnly);
        if (!ds) {
            std::fprintf(stderr, "tanhui-bench-ioread: cannot open %s: %s\n", argv[f], CPLGetLastErrorMsg());
            rc = 1;
            continue;
        }
        GDALRasterBandH band = GDALGetRasterBand(ds, 1);
        const GDALDataType type = GDALGetRasterDataType(band);
        if (type != GDT_Byte && type != GDT_UInt16 && type != GDT_Int16) {
            std::fprintf(
              stderr, "tanhui-bench-ioread: %s: only Byte/UInt16/Int16 bands are supported\n", argv[f]);
            GDALClose(ds);
            rc = 1;
            continue;
        }
        int bx = 0;
        int by = 0;
        GDALGetBlockSize(band, &bx, &by);
        const int w = GDALGetRasterBandXSize(band);
        const int h = GDALGetRasterBandYSize(band);
        const int nbx = (w + bx - 1) / bx;
        const int nby = (h + by - 1) / by;
        std::vector<unsigned char> buf(static_cast<std::size_t>(bx) * static_cast<std::size_t>(by) *
                                       static_cast<std::size_t>(GDALGetDataTypeSizeBytes(type)));
        std::uint64_t sum = 0;
        long blocks = 0;
        for (int yb = 0; yb < nby; ++yb) {
            for (int xb = 0; xb < nbx; ++xb) {
                if (GDALReadBlock(band, xb, yb, buf.data()) != CE_None) {
                    std::fprintf(stderr,
                                 "tanhui-bench-ioread: %s: block %d,%d: %s\n",
                                 argv[f],
                                 xb,
                                 yb,
                                 CPLGetLastErrorMsg());
                    rc = 1;
                    continue;
                }
                const int vx = std::min(bx, w - xb * bx);
                const int vy = std::min(by, h - yb * by);
                switch (type) {
                    case GDT_Byte:
                        sum += sumBlock<std::uint8_t>(buf.data(), bx, vx, vy);
                        break;
                    case GDT_UInt16:
                        sum += sumBlock<std::uint16_t>(buf.data(), bx, vx, vy);
                        break;
                    default:
                        sum += sumBlock<std::int16_t>(buf.data(), bx, vx, vy);
                        break;
                }
                ++blocks;
            }
        }
        GDALClose(ds);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::printf("%s: %d x %d, %ld blocks of %d x %d, sum %llu, %.3f s\n",
                    argv[f],
                    w,
                    h,
                    blocks,
                    bx,
                    by,
                    static_cast<unsigned long long>(sum),
                    s);
    }
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - all0).count();
    std::printf("total %.3f s\n", total);
    return rc;
}
