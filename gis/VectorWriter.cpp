// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/VectorWriter.h"

#include "gis/AtomicFile.h"
#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/private/GdalHandles.h"
#include "gis/private/OgrFields.h"

#include <cpl_conv.h>

#include <cmath>
#include <filesystem>
#include <unistd.h>

namespace tanhui::gis {

namespace {

namespace fs = std::filesystem;

std::string lowerExtension(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    for (char& c : ext)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

/// Sets a thread-local GDAL configuration option for the lifetime of the object, then restores it.
class ScopedConfig {
public:
    ScopedConfig(const char* key, const std::string& value)
      : m_key(key) {
        const char* old = CPLGetThreadLocalConfigOption(key, nullptr);
        m_had = old != nullptr;
        if (old)
            m_old = old;
        CPLSetThreadLocalConfigOption(key, value.c_str());
    }
    ~ScopedConfig() { CPLSetThreadLocalConfigOption(m_key, m_had ? m_old.c_str() : nullptr); }
    ScopedConfig(const ScopedConfig&) = delete;
    ScopedConfig& operator=(const ScopedConfig&) = delete;

private:
    const char* m_key;
    bool m_had = false;
    std::string m_old;
};

GeometryPtr toOgr(const MultiPolygon& mp) {
    GeometryPtr multi(OGR_G_CreateGeometry(wkbMultiPolygon));
    for (const Polygon& p : mp.parts) {
        OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
        for (const Ring& r : p.rings) {
            OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
            for (std::size_t i = 0; i < r.size(); ++i)
                OGR_G_AddPoint_2D(ring, r.x(i), r.y(i));
            if (r.size() > 0 && (r.x(0) != r.x(r.size() - 1) || r.y(0) != r.y(r.size() - 1)))
                OGR_G_AddPoint_2D(ring, r.x(0), r.y(0));
            OGR_G_AddGeometryDirectly(poly, ring);
        }
        OGR_G_AddGeometryDirectly(multi.get(), poly);
    }
    if (mp.parts.size() == 1) {
        GeometryPtr single(OGR_G_Clone(OGR_G_GetGeometryRef(multi.get(), 0)));
        return single;
    }
    return multi;
}

void writeLayer(const std::string& path,
                const std::string& tempPath,
                bool shapefile,
                const QString& layerName,
                const Crs& crs,
                const std::vector<VectorField>& fields,
                const std::vector<VectorFeature>& features,
                const VectorWriteOptions& options) {
    GDALDriverH driver = GDALGetDriverByName(shapefile ? "ESRI Shapefile" : "GPKG");
    if (!driver)
        throw GisError(GisError::Kind::Io, "GDAL lacks the driver needed to write " + path, path);
    auto fail = [&](const std::string& what) {
        throw GisError(GisError::Kind::Io,
                       "Writing " + path + " failed: " + what + " (the previous file, if any, is unchanged)",
                       path);
    };
    clearGdalError();
    DatasetPtr ds(GDALCreate(driver, tempPath.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        fail(lastGdalError());
    CslList layerOptions;
    if (shapefile) {
        layerOptions.set("ENCODING", options.encoding);
        layerOptions.set("DBF_DATE_LAST_UPDATE", options.date);
    }
    OGRSpatialReferenceH srs =
      crs.isValid() ? static_cast<OGRSpatialReferenceH>(crs.nativeHandle()) : nullptr;
    OGRLayerH layer = GDALDatasetCreateLayer(ds.get(),
                                             layerName.toUtf8().constData(),
                                             srs,
                                             shapefile ? wkbPolygon : wkbMultiPolygon,
                                             layerOptions.get());
    if (!layer)
        fail(lastGdalError());
    for (const VectorField& f : fields) {
        const OGRFieldType t = f.type == VectorField::Type::Integer ? OFTInteger
                               : f.type == VectorField::Type::Real  ? OFTReal
                                                                    : OFTString;
        OGRFieldDefnH fd = OGR_Fld_Create(f.name.toUtf8().constData(), t);
        if (shapefile) {
            const int width = f.width > 0                            ? f.width
                              : f.type == VectorField::Type::Integer ? 10
                              : f.type == VectorField::Type::Real    ? 18
                                                                     : 50;
            OGR_Fld_SetWidth(fd, width);
            if (f.type == VectorField::Type::Real)
                OGR_Fld_SetPrecision(fd, f.precision > 0 ? f.precision : 6);
        }
        const OGRErr err = OGR_L_CreateField(layer, fd, TRUE);
        OGR_Fld_Destroy(fd);
        if (err != OGRERR_NONE)
            fail("cannot create field " + f.name.toStdString() + ": " + lastGdalError());
    }
    const bool transaction = !shapefile;
    if (transaction && GDALDatasetStartTransaction(ds.get(), FALSE) != OGRERR_NONE)
        fail(lastGdalError());
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    for (std::size_t r = 0; r < features.size(); ++r) {
        const VectorFeature& in = features[r];
        FeaturePtr feature(OGR_F_Create(defn));
        for (std::size_t c = 0; c < fields.size() && c < in.values.size(); ++c) {
            detail::setOgrField(feature.get(),
                                int(c),
                                detail::ogrFieldType(fields[c].type == VectorField::Type::Integer,
                                                     fields[c].type == VectorField::Type::Real),
                                in.values[c]);
        }
        if (!in.geometry.isEmpty()) {
            GeometryPtr g = toOgr(in.geometry);
            if (!shapefile && OGR_G_GetGeometryType(g.get()) == wkbPolygon)
                g.reset(OGR_G_ForceToMultiPolygon(g.release()));
            if (srs)
                OGR_G_AssignSpatialReference(g.get(), srs);
            OGR_F_SetGeometryDirectly(feature.get(), g.release());
        }
        if (OGR_L_CreateFeature(layer, feature.get()) != OGRERR_NONE)
            fail("feature " + std::to_string(r + 1) + ": " + lastGdalError());
    }
    if (transaction && GDALDatasetCommitTransaction(ds.get()) != OGRERR_NONE)
        fail(lastGdalError());
    ds.reset();
    if (!lastGdalError().empty())
        fail(lastGdalError());
}

} // namespace

void writePolygonLayer(const std::string& path,
                       const QString& layerName,
                       const Crs& crs,
                       const std::vector<VectorField>& fields,
                       const std::vector<VectorFeature>& features,
                       const VectorWriteOptions& options) {
    initializeGdal();
    const std::string ext = lowerExtension(path);
    if (ext != ".shp" && ext != ".gpkg")
        throw GisError(GisError::Kind::InvalidArgument,
                       "Unsupported vector output " + path + ": use a .shp or .gpkg file name.",
                       path);
    const bool shapefile = ext == ".shp";
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string stem = target.stem().string();
    std::error_code ec;
    removeStaleTemporaries(path); // left by writers that were killed
    if (!shapefile) {
        const fs::path tmp = temporaryPathFor(path, ".gpkg");
        fs::remove(tmp, ec);
        try {
            // gpkg_contents.last_change and the metadata timestamps use this instead of the clock.
            const ScopedConfig date("OGR_CURRENT_DATE", options.date + "T00:00:00.000Z");
            writeLayer(path, tmp.string(), false, layerName, crs, fields, features, options);
        } catch (...) {
            fs::remove(tmp, ec);
            throw;
        }
        replaceWithTemporary(tmp.string(), path); // fsync, rename, fsync of the folder
        return;
    }
    // A shapefile is several files: write them in a temporary folder beside the target, then move
    // each into place.
    const fs::path tmpDir = temporaryPathFor(path, "");
    fs::remove_all(tmpDir, ec);
    fs::create_directories(tmpDir, ec);
    if (ec)
        throw GisError(
          GisError::Kind::Io, "Cannot create a temporary folder for " + path + ": " + ec.message(), path);
    try {
        writeLayer(
          path, (tmpDir / target.filename()).string(), true, layerName, crs, fields, features, options);
        for (const char* e : { ".dbf", ".shx", ".prj", ".cpg", ".shp" }) {
            const fs::path from = tmpDir / (stem + e);
            const fs::path to = dir / (stem + e);
            if (fs::exists(from)) {
                replaceWithTemporary(from.string(), to.string());
            } else {
                fs::remove(to, ec);
            }
        }
    } catch (...) {
        fs::remove_all(tmpDir, ec);
        throw;
    }
    fs::remove_all(tmpDir, ec);
}

} // namespace tanhui::gis
