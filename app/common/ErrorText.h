// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Errors.h"

#include <QString>

namespace tanhui::app {

/// @brief A translated one-line headline for the category of `error` (e.g. "Cannot open the file"),
/// shown above the error's English message by the GUI and the CLI.
QString errorHeadline(const tanhui::gis::GisError& error);
QString errorHeadline(tanhui::gis::GisError::Kind kind);

/// @brief The error's message (complete English text naming the file etc.) as a QString.
QString errorDetail(const std::exception& error);

} // namespace tanhui::app
