// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/RasterDataset.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tanhui::models {

/// @brief The date of one raster of a time series: the year (what the time slider and the analyses
/// step by) and, when known, the full ISO date.
struct SeriesDate {
    int year = 0;
    QString iso; ///< "2015-06-30", or empty when only the year is known
    /// As shown and typed: the ISO date, else the year.
    QString text() const { return iso.isEmpty() ? QString::number(year) : iso; }
};

/// @brief Reads a date as typed or as a metadata item holds it: "2015", "2015-06", "2015-06-30",
/// "2015/06/30", "20150630", "2015:06:30 12:00:00" (TIFFTAG_DATETIME), "2015-06-30T10:00:00Z". The
/// year must lie in 1000–9999 and month and day must form a real date. nullopt otherwise.
std::optional<SeriesDate> parseSeriesDate(const QString& text);

/// @brief Where a proposed date comes from.
enum class DateSource { None, Metadata, FileName, Typed };

/// @brief A date proposed for one band, and the metadata item or name it was read from.
struct DateProposal {
    std::optional<SeriesDate> date;
    DateSource source = DateSource::None;
    QString key; ///< e.g. "DATE", "ACQUISITION_DATE", "NETCDF_DIM_time", "description", the file name
};

/// @brief The date of band `band` (1-based) of `info`, from what gis::RasterDataset reads: the band's
/// metadata items DATE, ACQUISITION_DATE, TIFFTAG_DATETIME, NETCDF_DIM_time (a number in the units of
/// the dataset's "time#units", e.g. "days since 1970-01-01"), then its description ("2015 NDVI",
/// "2015-06-30"; models::leadingYear), then — for a single-band file only, where the file's date is the
/// band's — the dataset's DATE, ACQUISITION_DATE and TIFFTAG_DATETIME. Source None when none holds one.
DateProposal bandDate(const gis::RasterInfo& info, int band);

/// @brief The date in a file name: the one plausible year (1900–2100, four digits not part of a longer
/// number, e.g. "ndvi_2015.tif") or eight-digit date ("S2_20150630.tif"). nullopt when there is none,
/// or several different ones ("ndvi_2015-2024.tif": a stack, not one date).
std::optional<SeriesDate> dateInFileName(const QString& path);

/// @brief The date proposed for band `band` of `info`: its metadata (bandDate), else — for a
/// single-band file — the file name (dateInFileName); source None when neither gives one.
DateProposal proposeDate(const gis::RasterInfo& info, int band);

/// @brief What the rasters chosen for a series must satisfy (translated lines, each naming the file):
/// several single-band files (one file per date) or one multiband file (one band per date); every file
/// with a coordinate reference system, all the same CRS (the map would reproject, but a change between
/// dates must compare the same ground: reproject with gdalwarp first). Empty when usable.
QStringList seriesRasterProblems(const std::vector<gis::RasterInfo>& rasters);

/// @brief Notes that do not stop a series: files of one CRS whose grids differ (the analyses compute
/// each grid's coverage on its own, so this is allowed; pixel-by-pixel comparisons would need one grid).
QStringList seriesRasterNotes(const std::vector<gis::RasterInfo>& rasters);

/// @brief One date of a series as the user set it: `label` names the file (and band); `text` the
/// date typed or proposed.
struct SeriesDateEntry {
    QString label;
    QString text;
};

/// @brief The problems of a series' dates (translated lines naming the file or band): a missing date,
/// one that does not parse (parseSeriesDate), two entries of the same year (the slider and the analyses
/// step by year). Empty when every entry has its own year.
QStringList seriesDateProblems(const std::vector<SeriesDateEntry>& entries);

} // namespace tanhui::models
