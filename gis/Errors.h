// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

namespace tanhui::gis {

/// @brief Base of every error thrown by tanhui_gis. The message is complete English text that names
/// the file, layer, feature or argument concerned and, where possible, what the user should do.
/// `app/` translates the category into a localised headline and shows the message as detail.
class GisError : public std::runtime_error {
public:
    enum class Kind {
        Open,            ///< a file cannot be opened or read (missing, corrupt, unsupported format)
        Crs,             ///< missing, unknown or incompatible coordinate reference system
        Geometry,        ///< unusable geometry (wrong type, cannot be repaired)
        InvalidArgument, ///< a caller-supplied argument is out of range or inconsistent
        Io,              ///< a write failed (disk full, permissions) or a read failed midway
        Cancelled,       ///< the user cancelled the operation through a Feedback object
    };
    GisError(Kind kind, const std::string& message, std::string path = {})
      : std::runtime_error(message)
      , m_kind(kind)
      , m_path(std::move(path)) {}
    Kind kind() const noexcept { return m_kind; }
    /// The file the error concerns, if any (empty otherwise).
    const std::string& path() const noexcept { return m_path; }

private:
    Kind m_kind;
    std::string m_path;
};

/// @brief Thrown when a Feedback object was cancelled; never indicates a defect.
class CancelledError : public GisError {
public:
    CancelledError()
      : GisError(Kind::Cancelled, "Cancelled by the user") {}
};

} // namespace tanhui::gis
