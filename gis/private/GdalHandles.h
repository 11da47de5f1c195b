// SPDX-License-Identifier: GPL-3.0-or-later
// RAII owners for GDAL/OGR/OSR C handles. Private to tanhui_gis: may include GDAL headers.
#pragma once

#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>
#include <string>
#include <vector>

namespace tanhui::gis {

class Crs;

namespace detail {

struct DatasetCloser {
    void operator()(GDALDatasetH h) const noexcept {
        if (h)
            GDALClose(h);
    }
};
struct GeometryDestroyer {
    void operator()(OGRGeometryH h) const noexcept {
        if (h)
            OGR_G_DestroyGeometry(h);
    }
};
struct SrsReleaser {
    void operator()(OGRSpatialReferenceH h) const noexcept {
        if (h)
            OSRRelease(h);
    }
};
struct TransformDestroyer {
    void operator()(OGRCoordinateTransformationH h) const noexcept {
        if (h)
            OCTDestroyCoordinateTransformation(h);
    }
};
struct FeatureDestroyer {
    void operator()(OGRFeatureH h) const noexcept {
        if (h)
            OGR_F_Destroy(h);
    }
};
struct CslDestroyer {
    void operator()(char** list) const noexcept { CSLDestroy(list); }
};
struct CplFreer {
    void operator()(void* p) const noexcept { CPLFree(p); }
};

} // namespace detail

/// Owning handles: GDALDatasetH, OGRGeometryH, OGRSpatialReferenceH, OGRCoordinateTransformationH,
/// OGRFeatureH. The pointee types are GDAL's opaque handle targets.
using DatasetPtr = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, detail::DatasetCloser>;
using GeometryPtr = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, detail::GeometryDestroyer>;
using SrsPtr = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, detail::SrsReleaser>;
using TransformPtr =
  std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, detail::TransformDestroyer>;
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, detail::FeatureDestroyer>;
/// A CPL-allocated string (e.g. from OSRExportToWkt), freed with CPLFree.
using CplCharPtr = std::unique_ptr<char, detail::CplFreer>;

/// @brief An owned NULL-terminated CSL string list (open options, creation options, ...).
class CslList {
public:
    CslList() = default;
    ~CslList() { CSLDestroy(m_list); }
    CslList(const CslList&) = delete;
    CslList& operator=(const CslList&) = delete;
    CslList(CslList&& o) noexcept
      : m_list(o.m_list) {
        o.m_list = nullptr;
    }
    CslList& operator=(CslList&& o) noexcept {
        if (this != &o) {
            CSLDestroy(m_list);
            m_list = o.m_list;
            o.m_list = nullptr;
        }
        return *this;
    }
    /// Appends "KEY=value".
    CslList& set(const char* key, const std::string& value) {
        m_list = CSLSetNameValue(m_list, key, value.c_str());
        return *this;
    }
    CslList& add(const std::string& item) {
        m_list = CSLAddString(m_list, item.c_str());
        return *this;
    }
    char** get() const { return m_list; }
    bool empty() const { return m_list == nullptr || m_list[0] == nullptr; }

private:
    char** m_list = nullptr;
};

/// Creates a Crs from an OGR spatial reference (copied; the handle stays the caller's). An empty
/// handle gives an invalid Crs. Implemented in Crs.cpp.
Crs crsFromOgr(OGRSpatialReferenceH srs);

/// Why a CRS a file declares cannot place it on the Earth, or empty when it can: a local/engineering
/// CRS (LOCAL_CS, ENGCRS, e.g. a site grid or GeoPackage's srs_id −1) or one of GDAL's "Undefined …
/// SRS" placeholders (GeoPackage srs_id 0). Such files are treated as having no CRS. In Crs.cpp.
std::string undefinedCrsReason(OGRSpatialReferenceH srs);

} // namespace tanhui::gis
