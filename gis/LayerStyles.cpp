// SPDX-License-Identifier: GPL-3.0-or-later
#include "gis/LayerStyles.h"

#include "gis/Errors.h"
#include "gis/Gdal.h"
#include "gis/private/GdalHandles.h"

#include <QDateTime>

#include <gdal.h>
#include <ogr_api.h>

namespace tanhui::gis {

namespace {

struct FieldSpec {
    const char* name;
    OGRFieldType type;
    int width;
    OGRFieldSubType subtype;
};

// QGIS's layer_styles columns (its OGR provider creates the same table when a style is saved).
const FieldSpec kFields[] = {
    { "f_table_catalog", OFTString, 256, OFSTNone },
    { "f_table_schema", OFTString, 256, OFSTNone },
    { "f_table_name", OFTString, 256, OFSTNone },
    { "f_geometry_column", OFTString, 256, OFSTNone },
    { "styleName", OFTString, 30, OFSTNone },
    { "styleQML", OFTString, 0, OFSTNone },
    { "styleSLD", OFTString, 0, OFSTNone },
    { "useAsDefault", OFTInteger, 0, OFSTBoolean },
    { "description", OFTString, 0, OFSTNone },
    { "owner", OFTString, 30, OFSTNone },
    { "ui", OFTString, 30, OFSTNone },
    { "update_time", OFTDateTime, 0, OFSTNone },
};

std::string sqlText(const std::string& s) {
    std::string out("'");
    for (char c : s) {
        out.push_back(c);
        if (c == '\'')
            out.push_back('\'');
    }
    out.push_back('\'');
    return out;
}

/// Rolls the transaction back unless committed.
struct Transaction {
    GDALDatasetH ds;
    bool done = false;
    ~Transaction() {
        if (!done)
            GDALDatasetRollbackTransaction(ds);
    }
};

} // namespace

void writeLayerStyles(const std::string& path, const std::vector<LayerStyle>& styles) {
    initializeGdal();
    clearGdalError();
    const char* const drivers[] = { "GPKG", nullptr };
    DatasetPtr ds(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr));
    if (!ds)
        throw GisError(GisError::Kind::Open,
                       "Cannot open the GeoPackage \"" + path +
                         "\" to write its layer styles: " + lastGdalError(),
                       path);
    auto fail = [&](const std::string& what) {
        std::string message("Cannot write the layer styles of \"");
        message.append(path).append("\": ").append(what);
        const std::string gdal = lastGdalError();
        if (!gdal.empty())
            message.append(" (").append(gdal).append(")");
        throw GisError(GisError::Kind::Io, message, path);
    };
    std::vector<std::string> geometryColumns;
    for (const LayerStyle& s : styles) {
        OGRLayerH layer = GDALDatasetGetLayerByName(ds.get(), s.layer.c_str());
        if (!layer)
            throw GisError(GisError::Kind::InvalidArgument,
                           "The GeoPackage \"" + path + "\" has no layer \"" + s.layer + "\" to style",
                           path);
        const char* g = OGR_L_GetGeometryColumn(layer);
        geometryColumns.emplace_back(g ? g : "");
    }
    if (GDALDatasetStartTransaction(ds.get(), FALSE) != OGRERR_NONE)
        fail("cannot start a transaction");
    Transaction transaction{ ds.get() };

    OGRLayerH table = GDALDatasetGetLayerByName(ds.get(), "layer_styles");
    if (!table) {
        CslList options;
        options.set("FID", "id");
        table = GDALDatasetCreateLayer(ds.get(), "layer_styles", nullptr, wkbNone, options.get());
        if (!table)
            fail("cannot create the layer_styles table");
        for (const FieldSpec& f : kFields) {
            OGRFieldDefnH def = OGR_Fld_Create(f.name, f.type);
            OGR_Fld_SetWidth(def, f.width);
            OGR_Fld_SetSubType(def, f.subtype);
            if (f.type == OFTDateTime)
                OGR_Fld_SetDefault(def, "CURRENT_TIMESTAMP");
            const OGRErr err = OGR_L_CreateField(table, def, TRUE);
            OGR_Fld_Destroy(def);
            if (err != OGRERR_NONE)
                fail(std::string("cannot add the column ") + f.name + " to layer_styles");
        }
    } else {
        OGRFeatureDefnH def = OGR_L_GetLayerDefn(table);
        for (const FieldSpec& f : kFields)
            if (OGR_FD_GetFieldIndex(def, f.name) < 0)
                throw GisError(
                  GisError::Kind::InvalidArgument,
                  "The layer_styles table of \"" + path + "\" has no column \"" + f.name +
                    "\"; it was not written by QGIS or Tanhui (drop it and write the styles again)",
                  path);
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (std::size_t i = 0; i < styles.size(); ++i) {
        const LayerStyle& s = styles[i];
        auto exec = [&](const std::string& sql) {
            clearGdalError();
            OGRLayerH result = GDALDatasetExecuteSQL(ds.get(), sql.c_str(), nullptr, nullptr);
            if (result)
                GDALDatasetReleaseResultSet(ds.get(), result);
            if (!lastGdalError().empty())
                fail(std::string("the statement \"").append(sql).append("\" failed"));
        };
        exec(std::string("DELETE FROM layer_styles WHERE f_table_name = ")
               .append(sqlText(s.layer))
               .append(" AND styleName = ")
               .append(sqlText(s.name)));
        if (s.useAsDefault)
            exec(std::string("UPDATE layer_styles SET useAsDefault = 0 WHERE f_table_name = ")
                   .append(sqlText(s.layer)));
        OGRFeatureDefnH def = OGR_L_GetLayerDefn(table);
        FeaturePtr feature(OGR_F_Create(def));
        auto setText = [&](const char* field, const std::string& value) {
            OGR_F_SetFieldString(feature.get(), OGR_FD_GetFieldIndex(def, field), value.c_str());
        };
        setText("f_table_catalog", "");
        setText("f_table_schema", "");
        setText("f_table_name", s.layer);
        setText("f_geometry_column", geometryColumns[i]);
        setText("styleName", s.name);
        setText("styleQML", s.qml);
        setText("styleSLD", s.sld);
        OGR_F_SetFieldInteger(
          feature.get(), OGR_FD_GetFieldIndex(def, "useAsDefault"), s.useAsDefault ? 1 : 0);
        setText("description", s.description);
        setText("owner", "");
        setText("ui", "");
        OGR_F_SetFieldDateTimeEx(feature.get(),
                                 OGR_FD_GetFieldIndex(def, "update_time"),
                                 now.date().year(),
                                 now.date().month(),
                                 now.date().day(),
                                 now.time().hour(),
                                 now.time().minute(),
                                 float(now.time().second()),
                                 100); // UTC
        clearGdalError();
        if (OGR_L_CreateFeature(table, feature.get()) != OGRERR_NONE)
            fail("cannot add the style \"" + s.name + "\" of layer \"" + s.layer + "\"");
    }
    if (GDALDatasetCommitTransaction(ds.get()) != OGRERR_NONE)
        fail("cannot commit the transaction");
    transaction.done = true;
    clearGdalError();
    GDALClose(ds.release());
    if (!lastGdalError().empty())
        fail("closing failed");
}

} // namespace tanhui::gis
