// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/RasterStyle.h"
#include "render/VectorStyle.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace tanhui::render {

/// @brief Layer styles as JSON, for the "workspace" section of a project file (docs/project-file.md).
/// Every field of RasterStyle / VectorStyle is written, so that reading gives the same style back:
/// kinds as words ("paletted", "categorized", …), colours as "#rrggbb" (or "#aarrggbb" when not opaque;
/// null for an unset colour), ramps as their id and stops, non-finite numbers as null.
QJsonObject rasterStyleToJson(const RasterStyle& style);
QJsonObject vectorStyleToJson(const VectorStyle& style);
QJsonObject colorRampToJson(const ColorRamp& ramp);

/// @brief Reads a style written by rasterStyleToJson(). Absent keys keep RasterStyle's defaults. A wrong
/// type, an unknown kind, a bad colour or an out-of-range value gives nullopt and `error` names the
/// field and what is wrong (translated), e.g. `classes[3].color: "#zz" is not a colour`.
std::optional<RasterStyle> rasterStyleFromJson(const QJsonValue& value, QString* error = nullptr);
/// @brief Reads a style written by vectorStyleToJson(); as rasterStyleFromJson().
std::optional<VectorStyle> vectorStyleFromJson(const QJsonValue& value, QString* error = nullptr);

} // namespace tanhui::render
