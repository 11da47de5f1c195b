// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace tanhui::models {

/// @brief A dated input of the command line: `FILE@YEAR` (e.g. `landcover_2015.tif@2015`).
struct FileYear {
    QString file;
    int year = 0;
};

/// @brief Splits `FILE@YEAR` at the last '@' (a file name or a GDAL subdataset such as
/// `NETCDF:"f.nc":lc@2015` may contain '@' itself). FILE must not be empty; YEAR is a whole number
/// (surrounding spaces allowed, "2015.0" accepted) of at most ±1,000,000, so that it converts to int
/// without overflow; callers check the plausible range (the declared `year` parameter, 1000–9999).
/// nullopt when malformed. The one parser of every `--lulc` / `--vi` value.
std::optional<FileYear> parseFileYear(const QString& text);

/// @brief The year a band's DATE metadata item (`2015-06-30`, `2015`) or description (`2015 NDVI`)
/// starts with: four digits at the start (after spaces), followed by a non-digit or the end.
/// nullopt when the text does not start with a year.
std::optional<int> leadingYear(const QString& text);

} // namespace tanhui::models
