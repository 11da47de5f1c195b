// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <string>
#include <vector>

namespace tanhui::app {

/// @brief The progress stage names that the engines report through gis::Feedback (English keys such as
/// "Zonal statistics", "carbon per cell"), each marked for translation in context "Progress".
const std::vector<const char*>& progressLabels();

/// @brief A progress stage name as shown to the user: the translation of `status` in context
/// "Progress", or `status` itself when it has none.
QString progressLabel(const std::string& status);

/// @brief A note on a repaired or skipped parcel (gis::ParcelNote::what, English) in the interface
/// language. The note's parts (separated by "; ") are translated when known: the GEOS validity reasons
/// ("Self-intersection[x y]", "Ring Self-intersection[x y]", "Hole lies outside shell[x y]", …) keep
/// their coordinates; unknown parts stay as written.
QString parcelNoteText(const std::string& what);

} // namespace tanhui::app
