// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The project styles moved to the rendering library (render/ProjectMaps.h) so that the map export,
// tanhui-cli and the report style layers exactly as the canvas does.
#include "render/ProjectMaps.h"

namespace tanhui::gui {
using LayerStyler = tanhui::render::LayerStyler;
} // namespace tanhui::gui
