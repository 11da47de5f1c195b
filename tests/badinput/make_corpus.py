#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the bad-input corpus (tests/badinput/README.md) into OUTDIR.

    make_corpus.py OUTDIR

Every file is generated here with GDAL/OGR (python3-gdal) or plain bytes, deterministically, so the
corpus lives in the build tree and nothing binary is committed. tests/badinput/cases.csv says what
each command must do with each file; tests/app/tst_badinput.cpp runs it.

Reference layout (EPSG:4547, CGCS2000 / 3-degree Gauss-Kruger CM 114E): a 20 x 20 land-cover grid
of 10 m cells at (500000, 2500200) top-left, classes 11/12/13/14 in quadrants; two parcels inside it.
"""
import json
import math
import os
import shutil
import struct
import sys

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

OUT = sys.argv[1] if len(sys.argv) > 1 else "badinput-corpus"
X0, Y0, CELL, N = 500000.0, 2500200.0, 10.0, 20

PARCELS = [  # (XBH, species, volume m3/ha, crop, wkt)
    ("A-001", "杉木", 120.0, "水稻",
     "POLYGON((500010 2500010,500090 2500010,500090 2500090,500010 2500090,500010 2500010))"),
    ("B-002", "马尾松", 80.0, "水稻",
     "POLYGON((500100 2500100,500190 2500100,500190 2500190,500100 2500190,500100 2500100))"),
]


def path(name):
    return os.path.join(OUT, name)


def srs_of(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def landcover(values_of, rows=N, cols=N):
    return [[values_of(r, c) for c in range(cols)] for r in range(rows)]


def quadrants(r, c):
    return 11 + (2 if r >= N // 2 else 0) + (1 if c >= N // 2 else 0)


def write_raster(name, epsg=4547, wkt=None, dtype=gdal.GDT_Byte, bands=1, nodata=0, values=quadrants,
                 gt=None, options=("TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16", "COMPRESS=DEFLATE")):
    ds = gdal.GetDriverByName("GTiff").Create(path(name), N, N, bands, dtype, list(options))
    ds.SetGeoTransform(gt or (X0, CELL, 0, Y0, 0, -CELL))
    if wkt is not None:
        ds.SetProjection(wkt)
    elif epsg:
        ds.SetSpatialRef(srs_of(epsg))
    for b in range(1, bands + 1):
        band = ds.GetRasterBand(b)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        rows = landcover(values)
        fmt = {gdal.GDT_Byte: "B", gdal.GDT_Float32: "f"}[dtype]
        data = b"".join(struct.pack("<%d%s" % (N, fmt), *row) for row in rows)
        band.WriteRaster(0, 0, N, N, data, N, N, dtype)
    ds = None


def write_netcdf(name):
    import numpy as np
    ds = gdal.GetDriverByName("netCDF").CreateMultiDimensional(path(name), [], ["FORMAT=NC"])
    root = ds.GetRootGroup()
    dy = root.CreateDimension("y", gdal.DIM_TYPE_HORIZONTAL_Y, None, N)
    dx = root.CreateDimension("x", gdal.DIM_TYPE_HORIZONTAL_X, None, N)
    f64 = gdal.ExtendedDataType.Create(gdal.GDT_Float64)
    for dim, values, std in ((dx, [X0 + (c + 0.5) * CELL for c in range(N)], "projection_x_coordinate"),
                             (dy, [Y0 - (r + 0.5) * CELL for r in range(N)], "projection_y_coordinate")):
        a = root.CreateMDArray(dim.GetName(), [dim], f64)
        a.Write(np.array(values, dtype=np.float64))
        for key, value in (("standard_name", std), ("units", "m")):
            attr = a.CreateAttribute(key, [], gdal.ExtendedDataType.CreateString())
            attr.WriteString(value)
    lulc = np.array(landcover(quadrants), dtype=np.float64)
    i16 = gdal.ExtendedDataType.Create(gdal.GDT_Int16)
    for var, values, t in (("lulc", lulc.astype(np.int16), i16), ("ndvi", np.full((N, N), 0.6), f64)):
        a = root.CreateMDArray(var, [dy, dx], t)
        a.SetSpatialRef(srs_of(4547))
        a.Write(values)
    ds = None


def write_layer(name, driver="ESRI Shapefile", epsg=4547, srs=None, features=PARCELS, lco=None,
                geom_type=ogr.wkbPolygon, layer_name=None):
    p = path(name)
    drv = ogr.GetDriverByName(driver)
    if os.path.exists(p):
        drv.DeleteDataSource(p)
    ds = drv.CreateDataSource(p)
    s = srs if srs is not None else (srs_of(epsg) if epsg else None)
    if lco is None:
        lco = ["ENCODING=UTF-8"] if driver == "ESRI Shapefile" else []
    layer = ds.CreateLayer(layer_name or os.path.splitext(os.path.basename(name))[0], s, geom_type, lco)
    for fname, ftype, width in (("XBH", ogr.OFTString, 20), ("SZ", ogr.OFTString, 20),
                                ("XJ", ogr.OFTReal, 0), ("ZW", ogr.OFTString, 20)):
        fd = ogr.FieldDefn(fname, ftype)
        if width:
            fd.SetWidth(width)
        layer.CreateField(fd)
    for xbh, sz, xj, zw, wkt in features:
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("XBH", xbh)
        f.SetField("SZ", sz)
        f.SetField("XJ", xj)
        f.SetField("ZW", zw)
        if wkt is not None:
            f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(f)
    ds = None


def truncate(src, dst, keep):
    with open(path(src), "rb") as f:
        data = f.read()
    with open(path(dst), "wb") as f:
        f.write(data[:keep])


def copy_shapefile(src, dst, skip=()):
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        if ext in skip or not os.path.exists(path(src + ext)):
            continue
        shutil.copyfile(path(src + ext), path(dst + ext))


def write_text(name, text, encoding="utf-8"):
    with open(path(name), "wb") as f:
        f.write(text.encode(encoding) if isinstance(text, str) else text)


def dbf_utf8_cut(name):
    """A UTF-8 shapefile without .cpg (LDID 0) whose Chinese field names were cut by the DBF's
    11-byte field-name limit in the middle of a character: '小班编号' (12 bytes) keeps 10 bytes,
    i.e. '小班编' plus one byte of '号'."""
    write_layer(name + ".shp", lco=["ENCODING="])
    # Rewrite the .dbf by hand: fields XBH (C20) -> '小班编号' cut at 10 bytes, SZ -> '树种名称' cut.
    dbf = path(name + ".dbf")
    with open(dbf, "rb") as f:
        data = bytearray(f.read())
    data[29] = 0  # language driver id: none
    header_len = struct.unpack("<H", data[8:10])[0]
    names = ["小班编号".encode("utf-8")[:10], "优势树种名".encode("utf-8")[:10]]
    for i, raw in enumerate(names):
        off = 32 + 32 * i
        data[off:off + 11] = raw.ljust(11, b"\0")
    # Values: make the id values Chinese UTF-8 (fit in 20 bytes).
    nfields = (header_len - 33) // 32
    widths = [data[32 + 32 * i + 16] for i in range(nfields)]
    rec_len = struct.unpack("<H", data[10:12])[0]
    count = struct.unpack("<I", data[4:8])[0]
    ids = ["杉木一号", "马尾松二号"]
    for r in range(count):
        start = header_len + r * rec_len + 1
        data[start:start + widths[0]] = ids[r].encode("utf-8").ljust(widths[0], b" ")
    with open(dbf, "wb") as f:
        f.write(bytes(data))
    if os.path.exists(path(name + ".cpg")):
        os.remove(path(name + ".cpg"))


def huge_polygon(vertices):
    """A star-free convex-ish polygon of `vertices` vertices (a circle) inside the reference grid."""
    cx, cy, rad = X0 + 100, Y0 - 100, 90.0
    pts = ["%.6f %.6f" % (cx + rad * math.cos(2 * math.pi * k / vertices),
                          cy + rad * math.sin(2 * math.pi * k / vertices)) for k in range(vertices)]
    pts.append(pts[0])
    return "POLYGON((" + ",".join(pts) + "))"


def project(name, doc):
    write_text(name, json.dumps(doc, ensure_ascii=False, indent=2))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)

    # --- reference inputs (good) ---
    write_raster("lc2015.tif")
    write_raster("lc2024.tif", values=lambda r, c: 11 if c < N // 2 else 14)
    write_layer("parcels.shp")
    write_raster("ndvi2015.tif", dtype=gdal.GDT_Float32, nodata=-9999, values=lambda r, c: 0.6)
    write_raster("ndvi2024.tif", dtype=gdal.GDT_Float32, nodata=-9999, values=lambda r, c: 0.7)
    write_text("coefficients.csv",
               "lucode,forest_type,name_zh,form,a,b,bias_sigma2,smearing,agb_cap,r_low,r_high,cf,source,tag\n" +
               "".join("%d,type%d,林%d,exponential,10,3.5,,,200,0.230,0.246,0.47,corpus,example\n" % (c, c, c)
                       for c in (11, 12, 13, 14)))

    # --- rasters ---
    write_text("raster_zero_byte.tif", b"")
    truncate("lc2015.tif", "raster_truncated.tif", -80)  # header intact, last tile cut
    write_raster("raster_no_crs.tif", epsg=0)
    write_raster("raster_local_cs.tif", wkt='LOCAL_CS["site grid",UNIT["metre",1],'
                                            'AXIS["Easting",EAST],AXIS["Northing",NORTH]]')
    # Geographic raster (EPSG:4490, CGCS2000 lon/lat) covering the parcels: reprojection.
    t = osr.CoordinateTransformation(srs_of(4547), srs_of(4490))
    lon0, lat0, _ = t.TransformPoint(X0 - 20, Y0 + 20)
    lon1, lat1, _ = t.TransformPoint(X0 + N * CELL + 20, Y0 - N * CELL - 20)
    write_raster("raster_geographic.tif", epsg=4490,
                 gt=(lon0, (lon1 - lon0) / N, 0, lat0, 0, -(lat0 - lat1) / N))
    # Another projected CRS (UTM 49N, WGS 84) covering the parcels.
    t = osr.CoordinateTransformation(srs_of(4547), srs_of(32649))
    ux, uy, _ = t.TransformPoint(X0 - 20, Y0 + 20)
    write_raster("raster_utm.tif", epsg=32649, gt=(ux, 12.0, 0, uy, 0, -12.0))
    # Far away from the parcels (same CRS): every parcel outside.
    write_raster("raster_elsewhere.tif", gt=(X0 + 100000, CELL, 0, Y0, 0, -CELL))
    write_raster("raster_all_nodata.tif", values=lambda r, c: 0)
    write_raster("raster_nan_nodata.tif", dtype=gdal.GDT_Float32, nodata=float("nan"),
                 values=lambda r, c: float("nan") if c < N // 2 else 2.5, options=())
    write_raster("lc_three_bands.tif", bands=3)
    write_raster("ndvi_two_bands.tif", dtype=gdal.GDT_Float32, nodata=-9999, bands=2,
                 values=lambda r, c: 0.5)
    # A NetCDF file with two variables on the reference grid (lulc: land cover, ndvi): a container
    # whose rasters are named as subdatasets, NETCDF:"landcover.nc":lulc. GDAL 3.6's classic writer
    # cannot append a variable, so the multidimensional API writes it (x/y coordinate variables).
    write_netcdf("landcover.nc")
    # --- vector layers ---
    for ext in (".shp", ".shx", ".dbf"):
        write_text("shp_zero_byte" + ext, b"")
    copy_shapefile("parcels", "shp_truncated")
    truncate("parcels.shp", "shp_truncated.shp", 180)
    copy_shapefile("parcels", "shp_no_shx", skip=(".shx",))
    copy_shapefile("parcels", "shp_no_dbf", skip=(".dbf",))
    copy_shapefile("parcels", "shp_no_prj", skip=(".prj",))
    copy_shapefile("parcels", "shp_prj_garbage", skip=(".prj",))
    write_text("shp_prj_garbage.prj", "this is not a projection\n")
    copy_shapefile("parcels", "shp_prj_local_cs", skip=(".prj",))
    write_text("shp_prj_local_cs.prj", 'LOCAL_CS["site grid",UNIT["metre",1]]')
    copy_shapefile("parcels", "shp_prj_wgs84_wrong", skip=(".prj",))
    write_text("shp_prj_wgs84_wrong.prj", srs_of(4326).ExportToWkt())
    # GeoJSON without a "crs" member holding projected coordinates (RFC 7946 says WGS 84).
    write_text("geojson_no_crs.geojson", json.dumps({
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {"XBH": x, "SZ": s, "XJ": v, "ZW": z},
                      "geometry": json.loads(ogr.CreateGeometryFromWkt(w).ExportToJson())}
                     for x, s, v, z, w in PARCELS]}, ensure_ascii=False))
    # GeoPackage layers with the undefined SRSs of the GeoPackage standard (srs_id 0 and -1).
    for suffix, srs_id in (("geographic", 0), ("cartesian", -1)):
        name = "gpkg_undefined_%s.gpkg" % suffix
        write_layer(name, driver="GPKG", epsg=0, layer_name="parcels")
        ds = ogr.Open(path(name), update=1)
        ds.ExecuteSQL("UPDATE gpkg_contents SET srs_id = %d" % srs_id)
        ds.ExecuteSQL("UPDATE gpkg_geometry_columns SET srs_id = %d" % srs_id)
        ds = None
    write_layer("geom_self_intersecting.shp", features=[
        ("BOW-1", "杉木", 100.0, "水稻",
         "POLYGON((500010 2500010,500090 2500090,500090 2500010,500010 2500090,500010 2500010))"),
        PARCELS[1]])
    write_layer("geom_empty.shp", features=[("EMPTY-1", "杉木", 100.0, "水稻", None), PARCELS[1]])
    write_layer("geom_all_empty.shp", features=[("EMPTY-1", "杉木", 100.0, "水稻", None),
                                                ("EMPTY-2", "杉木", 100.0, "水稻", None)])
    write_layer("geom_degenerate.gpkg", driver="GPKG", layer_name="parcels", features=[
        ("ZERO-1", "杉木", 100.0, "水稻",
         "POLYGON((500010 2500010,500050 2500050,500090 2500090,500010 2500010))"),
        ("TWO-2", "杉木", 100.0, "水稻", "POLYGON((500010 2500010,500090 2500090))"),
        ("LINE-3", "杉木", 100.0, "水稻", "LINESTRING(500010 2500010,500090 2500090)"),
        PARCELS[1]], geom_type=ogr.wkbUnknown)
    write_layer("geom_all_degenerate.gpkg", driver="GPKG", layer_name="parcels", features=[
        ("ZERO-1", "杉木", 100.0, "水稻",
         "POLYGON((500010 2500010,500050 2500050,500090 2500090,500010 2500010))"),
        ("TWO-2", "杉木", 100.0, "水稻", "POLYGON((500010 2500010,500090 2500090))")],
        geom_type=ogr.wkbUnknown)
    write_layer("geom_huge.gpkg", driver="GPKG", layer_name="parcels",
                features=[("HUGE-1", "杉木", 100.0, "水稻", huge_polygon(1000000)), PARCELS[1]])
    # GBK attributes without .cpg (LDID 0).
    write_layer("gbk_no_cpg.shp", lco=["ENCODING=CP936"])
    os.remove(path("gbk_no_cpg.cpg"))
    with open(path("gbk_no_cpg.dbf"), "r+b") as f:
        f.seek(29)
        f.write(b"\0")
    dbf_utf8_cut("utf8_cut_names")

    # --- projects ---
    proj_layers = [
        {"id": "landcover_2015", "kind": "raster", "role": "landcover", "path": "lc2015.tif",
         "year": 2015, "units": "class"},
        {"id": "landcover_2024", "kind": "raster", "role": "landcover", "path": "lc2024.tif",
         "year": 2024, "units": "class"},
        {"id": "xiaoban", "kind": "vector", "role": "forest_subcompartments", "path": "parcels.shp",
         "id_field": "XBH"},
    ]
    carbon = {"years": [2015, 2024], "layers": [{"layer": "xiaoban", "ecosystem_type": "forest"}],
              "methods": {"forest": [{"method": "pools"}]}}
    base = {"format": "tanhui-project", "version": 1, "name": "corpus", "crs": "EPSG:4547",
            "layers": proj_layers, "classes": [], "parameters": [], "carbon": carbon}
    project("project_good.tanhui.json", base)
    missing = json.loads(json.dumps(base))
    missing["layers"][1]["path"] = "missing/lc2024.tif"
    missing["layers"][2]["path"] = "missing/xiaoban.shp"
    project("project_missing_layers.tanhui.json", missing)
    wrong = json.loads(json.dumps(base))
    wrong["layers"][0]["year"] = "2015"
    wrong["layers"][1]["kind"] = 7
    wrong["classes"] = "none"
    project("project_wrong_types.tanhui.json", wrong)
    kinds = json.loads(json.dumps(base))
    kinds["layers"][0]["path"] = "parcels.shp"   # declared raster, is a vector layer
    kinds["layers"][2]["path"] = "lc2024.tif"    # declared vector, is a raster
    project("project_wrong_kinds.tanhui.json", kinds)
    future = json.loads(json.dumps(base))
    future["version"] = 99
    project("project_future_version.tanhui.json", future)
    not_array = json.loads(json.dumps(base))
    not_array["layers"] = {"landcover": "lc2015.tif"}
    project("project_layers_not_array.tanhui.json", not_array)
    for name, parcels in (("project_parcels_no_crs", "shp_no_prj.shp"),
                          ("project_parcels_all_empty", "geom_all_empty.shp")):
        bad_layer = json.loads(json.dumps(base))
        bad_layer["layers"][2]["path"] = parcels
        project(name + ".tanhui.json", bad_layer)
    write_text("project_zero_byte.tanhui.json", b"")
    write_text("project_truncated.tanhui.json", json.dumps(base)[:120])


if __name__ == "__main__":
    main()
