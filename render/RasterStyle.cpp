// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/RasterStyle.h"

#include "gis/RasterDataset.h"

#include <algorithm>
#include <cmath>

namespace tanhui::render {

QString RasterClass::label(const QString& language) const {
    if (language.startsWith(QLatin1String("zh")) && !nameZh.isEmpty())
        return nameZh;
    return nameEn.isEmpty() ? nameZh : nameEn;
}

namespace {

/// The valid values of `band` read at most 1024 cells across (an overview when there is one).
std::vector<double> reducedValues(gis::RasterDataset& raster, int band) {
    const gis::Grid& grid = raster.info().grid;
    const double f = std::max(1.0, double(std::max(grid.cols, grid.rows)) / 1024.0);
    const int cols = std::max(1, int(std::lround(grid.cols / f)));
    const int rows = std::max(1, int(std::lround(grid.rows / f)));
    std::vector<double> values;
    std::vector<unsigned char> valid;
    raster.readResampled(band, gis::Window{ 0, 0, grid.rows, grid.cols }, cols, rows, values, valid);
    std::size_t n = 0;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (valid[i] && std::isfinite(values[i]))
            values[n++] = values[i];
    values.resize(n);
    return values;
}

} // namespace

std::vector<double> distinctValues(gis::RasterDataset& raster, int band, std::size_t maxValues) {
    std::vector<double> values = reducedValues(raster, band);
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    if (values.size() > maxValues)
        values.resize(maxValues);
    return values;
}

std::pair<double, double> computeStretch(gis::RasterDataset& raster,
                                         int band,
                                         StretchKind kind,
                                         double lowPct,
                                         double highPct) {
    std::vector<double> values = reducedValues(raster, band);
    if (values.empty())
        return { 0.0, 0.0 };
    if (kind == StretchKind::MinMax) {
        const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
        return { *lo, *hi };
    }
    const auto at = [&values](double pct) {
        const double h = std::clamp(pct, 0.0, 100.0) / 100.0 * double(values.size() - 1);
        const auto k = std::size_t(std::lround(h));
        std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(k), values.end());
        return values[k];
    };
    const double lo = at(lowPct), hi = at(highPct);
    return { lo, hi };
}

RasterStyle palettedFromColorTable(const gis::RasterDataset& raster, int band) {
    RasterStyle style;
    style.kind = RasterStyle::Kind::Paletted;
    style.band = band;
    const auto& bands = raster.info().bands;
    if (band < 1 || band > int(bands.size()))
        return style;
    const gis::BandInfo& info = bands[std::size_t(band - 1)];
    for (std::size_t i = 0; i < info.colorTable.size(); ++i) {
        const std::uint32_t argb = info.colorTable[i];
        const bool named = i < info.categoryNames.size() && !info.categoryNames[i].empty();
        // Writers fill the entries of unused values with transparent or opaque black.
        if ((argb >> 24) == 0 || (argb == 0xff000000u && !named) ||
            (info.nodata && *info.nodata == double(i)))
            continue;
        RasterClass c;
        c.value = double(i);
        c.color = QColor::fromRgba(argb);
        if (i < info.categoryNames.size())
            c.nameEn = QString::fromStdString(info.categoryNames[i]);
        style.classes.push_back(std::move(c));
    }
    return style;
}

} // namespace tanhui::render
