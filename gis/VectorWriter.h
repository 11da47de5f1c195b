// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gis/Crs.h"
#include "gis/Geometry.h"

#include <QString>
#include <QVariant>

#include <string>
#include <vector>

namespace tanhui::gis {

/// @brief A typed attribute field of a polygon layer to write.
struct VectorField {
    enum class Type { Integer, Real, String };
    QString name; ///< may be Chinese (recoded to the layer's encoding in a shapefile)
    Type type = Type::String;
    int width = 0;     ///< shapefile field width in bytes (0: a default for the type)
    int precision = 0; ///< decimals of a Real field in a shapefile
};

/// @brief One feature to write: values in field order (invalid QVariant = null) and its geometry
/// (written as given, even when invalid, so test data may carry deliberate blemishes).
struct VectorFeature {
    std::vector<QVariant> values;
    MultiPolygon geometry;
};

struct VectorWriteOptions {
    /// Shapefile attribute encoding (a GDAL/iconv name such as "CP936" for GBK, or "UTF-8"); a
    /// matching .cpg is written. Ignored for GeoPackage (always UTF-8).
    std::string encoding = "UTF-8";
    /// Date stamped into the files instead of today, so equal inputs give identical bytes:
    /// the DBF header date of a shapefile and the gpkg_contents.last_change of a GeoPackage.
    std::string date = "2024-12-31";
};

/// @brief Writes a polygon layer to `path`: an ESRI Shapefile (.shp with .shx, .dbf, .prj and .cpg)
/// or a GeoPackage (.gpkg, one layer named `layerName`), deterministically (see options.date).
///
/// Atomic: written under temporary names in the target folder and renamed when complete; on failure
/// the previous files, if any, are unchanged. Throws GisError(InvalidArgument) for another extension
/// or a value that does not fit the encoding, GisError(Io) naming the file on write failures.
void writePolygonLayer(const std::string& path,
                       const QString& layerName,
                       const Crs& crs,
                       const std::vector<VectorField>& fields,
                       const std::vector<VectorFeature>& features,
                       const VectorWriteOptions& options = {});

} // namespace tanhui::gis
