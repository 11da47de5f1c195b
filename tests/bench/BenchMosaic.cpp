// SPDX-License-Identifier: GPL-3.0-or-later
//
// tanhui-bench-mosaic: writes a VRT that repeats one single-band raster as tiles of a larger grid.
//
//   tanhui-bench-mosaic --tile T.tif --size N --out X.vrt
//
// X.vrt is N x N cells with T's origin, cell size, CRS, data type, nodata and block size; tile (i, j)
// (i, j = 0, 1, ...) is T placed at cell offset (i × width(T), j × height(T)), the last row and column
// of tiles cut at N. Nothing is copied: the memory benchmark (scripts/bench-memory.sh) runs on a
// 40,000 × 40,000 grid this way for the cost of the city scene's two 6 MB files. The landscape repeats
// and its edges do not match from tile to tile, which does not matter for timing and memory.

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void usage(int code) {
    std::fprintf(code == 0 ? stdout : stderr,
                 "usage: tanhui-bench-mosaic --tile T.tif --size N --out X.vrt\n"
                 "  --tile T   single-band raster repeated as tiles (its absolute path goes into the VRT)\n"
                 "  --size N   width and height of the mosaic in cells\n"
                 "  --out X    VRT file to write\n");
    std::exit(code);
}

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "tanhui-bench-mosaic: %s\n", message.c_str());
    std::exit(1);
}

std::string xmlEscape(std::string_view s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    std::string tile, out;
    long size = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                usage(2);
            return argv[++i];
        };
        if (a == "--tile")
            tile = value();
        else if (a == "--out")
            out = value();
        else if (a == "--size") {
            const std::string v = value();
            char* end = nullptr;
            size = std::strtol(v.c_str(), &end, 10);
            if (!end || *end != '\0' || size <= 0 || size > 10000000L)
                fail("--size expects a positive integer, got '" + v + "'");
        } else if (a == "-h" || a == "--help")
            usage(0);
        else
            usage(2);
    }
    if (tile.empty() || out.empty() || size <= 0)
        usage(2);
    GDALAllRegister();
    const std::string tilePath = std::filesystem::absolute(tile).string();
    GDALDatasetH ds = GDALOpen(tilePath.c_str(), GA_ReadOnly);
    if (!ds)
        fail("cannot open " + tilePath + ": " + CPLGetLastErrorMsg());
    if (GDALGetRasterCount(ds) != 1)
        fail(tilePath + " must have exactly one band");
    const int w = GDALGetRasterXSize(ds), h = GDALGetRasterYSize(ds);
    double gt[6];
    if (GDALGetGeoTransform(ds, gt) != CE_None)
        fail(tilePath + " has no geotransform");
    const char* wkt = GDALGetProjectionRef(ds);
    GDALRasterBandH band = GDALGetRasterBand(ds, 1);
    int bw = 0, bh = 0;
    GDALGetBlockSize(band, &bw, &bh);
    const char* type = GDALGetDataTypeName(GDALGetRasterDataType(band));
    int hasNodata = 0;
    const double nodata = GDALGetRasterNoDataValue(band, &hasNodata);

    const std::string tmp = out + ".part";
    std::FILE* f = std::fopen(tmp.c_str(), "w");
    if (!f)
        fail("cannot write " + tmp);
    std::fprintf(f, "<VRTDataset rasterXSize=\"%ld\" rasterYSize=\"%ld\">\n", size, size);
    if (wkt && *wkt)
        std::fprintf(f, "  <SRS dataAxisToSRSAxisMapping=\"1,2\">%s</SRS>\n", xmlEscape(wkt).c_str());
    std::fprintf(f,
                 "  <GeoTransform>%.17g, %.17g, %.17g, %.17g, %.17g, %.17g</GeoTransform>\n",
                 gt[0],
                 gt[1],
                 gt[2],
                 gt[3],
                 gt[4],
                 gt[5]);
    std::fprintf(
      f, "  <VRTRasterBand dataType=\"%s\" band=\"1\" blockXSize=\"%d\" blockYSize=\"%d\">\n", type, bw, bh);
    if (hasNodata)
        std::fprintf(f, "    <NoDataValue>%.17g</NoDataValue>\n", nodata);
    const std::string src = xmlEscape(tilePath);
    long tiles = 0;
    for (long y0 = 0; y0 < size; y0 += h)
        for (long x0 = 0; x0 < size; x0 += w) {
            const long cw = std::min<long>(w, size - x0), ch = std::min<long>(h, size - y0);
            std::fprintf(f,
                         "    <SimpleSource>\n"
                         "      <SourceFilename relativeToVRT=\"0\">%s</SourceFilename>\n"
                         "      <SourceBand>1</SourceBand>\n"
                         "      <SourceProperties RasterXSize=\"%d\" RasterYSize=\"%d\" DataType=\"%s\" "
                         "BlockXSize=\"%d\" BlockYSize=\"%d\"/>\n"
                         "      <SrcRect xOff=\"0\" yOff=\"0\" xSize=\"%ld\" ySize=\"%ld\"/>\n"
                         "      <DstRect xOff=\"%ld\" yOff=\"%ld\" xSize=\"%ld\" ySize=\"%ld\"/>\n"
                         "    </SimpleSource>\n",
                         src.c_str(),
                         w,
                         h,
                         type,
                         bw,
                         bh,
                         cw,
                         ch,
                         x0,
                         y0,
                         cw,
                         ch);
            ++tiles;
        }
    std::fprintf(f, "  </VRTRasterBand>\n</VRTDataset>\n");
    const bool ok = std::fflush(f) == 0 && !std::ferror(f);
    std::fclose(f);
    GDALClose(ds);
    if (!ok)
        fail("cannot write " + tmp);
    std::filesystem::rename(tmp, out);
    std::printf(
      "mosaic: %s (%ld x %ld cells, %ld tiles of %s)\n", out.c_str(), size, size, tiles, tilePath.c_str());
    return 0;
}
