#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Independent reference for the pool-table carbon method (carbon-methods.md §1.2-§1.4), written
with GDAL's Python bindings and numpy only (Debian python3-gdal, python3-numpy; run with
/usr/bin/python3). Prints JSON.

Whole raster, per pixel as InVEST does: storage = c_above + c_below + c_soil + c_dead (t C/ha) per
class; totals = sum over valid pixels of storage x |pixel width x height| / 10000 (float64);
change = sum over pixels valid on BOTH dates of (storage_alt - storage_bas) x area; NPV = change x K
with InVEST's valuation constant (§1.3, ratio = 1 limit).

Optional parcel check (--parcels, --fid): stock of one parcel on the cell grid with coverage
approximated by rasterising the polygon on a grid `--supersample` times finer (planar areas), plus
the polygon's planar area.
"""
import argparse
import csv
import json
import sys

import numpy as np
from osgeo import gdal, ogr

gdal.UseExceptions()


def read_pools(path):
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        text = f.read().lstrip("\ufeff")
    rows = list(csv.reader(text.splitlines()))
    header = [h.strip().lower() for h in rows[0]]
    idx = {name: header.index(name) for name in ("lucode", "c_above", "c_below", "c_soil", "c_dead")}
    table = {}
    for r in rows[1:]:
        if not r or not "".join(r).strip():
            continue
        code = int(float(r[idx["lucode"]]))
        table[code] = sum(float(r[idx[p]]) for p in ("c_above", "c_below", "c_soil", "c_dead"))
    return table


def read_band(path):
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    data = band.ReadAsArray().astype(np.int64)
    nodata = band.GetNoDataValue()
    valid = np.ones(data.shape, dtype=bool) if nodata is None else data != int(nodata)
    return ds, data, valid


def storage(data, valid, table):
    out = np.zeros(data.shape, dtype=np.float64)
    for code in np.unique(data[valid]):
        if int(code) not in table:
            raise SystemExit(f"missing lucode {int(code)}")
        out[(data == code) & valid] = table[int(code)]
    return out


def valuation_constant(price, discount, change, y1, y2):
    n = y2 - y1
    ratio = 1.0 / ((1.0 + discount / 100.0) * (1.0 + change / 100.0))
    if abs(1.0 - ratio) < 1e-12:
        return price
    return price / n * (1.0 - ratio ** n) / (1.0 - ratio)


def parcel_stock(ds, storages, parcels, fid, supersample):
    gt = ds.GetGeoTransform()
    vds = ogr.Open(parcels)
    layer = vds.GetLayer(0)
    feature = layer.GetFeature(fid)
    geom = feature.GetGeometryRef().Clone()
    minx, maxx, miny, maxy = geom.GetEnvelope()
    c0 = max(0, int(np.floor((minx - gt[0]) / gt[1])))
    c1 = min(ds.RasterXSize, int(np.ceil((maxx - gt[0]) / gt[1])))
    r0 = max(0, int(np.floor((gt[3] - maxy) / -gt[5])))
    r1 = min(ds.RasterYSize, int(np.ceil((gt[3] - miny) / -gt[5])))
    cols, rows = c1 - c0, r1 - r0
    mem = gdal.GetDriverByName("MEM").Create("", cols * supersample, rows * supersample, 1, gdal.GDT_Byte)
    mem.SetGeoTransform((gt[0] + c0 * gt[1], gt[1] / supersample, 0, gt[3] + r0 * gt[5], 0, gt[5] / supersample))
    mem.SetProjection(ds.GetProjection())
    # Keep every OGR object referenced while it is used (the bindings do not keep parents alive).
    mds = ogr.GetDriverByName("Memory").CreateDataSource("m")
    mlayer = mds.CreateLayer("p", layer.GetSpatialRef())
    f = ogr.Feature(mlayer.GetLayerDefn())
    f.SetGeometry(geom.MakeValid() if not geom.IsValid() else geom)
    mlayer.CreateFeature(f)
    gdal.RasterizeLayer(mem, [1], mlayer, burn_values=[1])
    del f, mlayer, mds, feature, layer, vds
    fine = mem.GetRasterBand(1).ReadAsArray().astype(np.float64)
    coverage = fine.reshape(rows, supersample, cols, supersample).mean(axis=(1, 3))
    cell_ha = abs(gt[1] * gt[5]) / 10000.0
    stocks = [float(np.sum(s[r0:r1, c0:c1] * coverage) * cell_ha) for s in storages]
    return {"fid": fid, "planar_area_ha": geom.GetArea() / 10000.0, "stock_t": stocks}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bas", required=True)
    p.add_argument("--alt", required=True)
    p.add_argument("--pools", required=True)
    p.add_argument("--y1", type=int, required=True)
    p.add_argument("--y2", type=int, required=True)
    p.add_argument("--price", type=float, default=0.0)
    p.add_argument("--discount", type=float, default=0.0)
    p.add_argument("--change", type=float, default=0.0)
    p.add_argument("--parcels")
    p.add_argument("--fid", type=int, default=0)
    p.add_argument("--supersample", type=int, default=20)
    a = p.parse_args()

    table = read_pools(a.pools)
    ds, bas, vb = read_band(a.bas)
    _, alt, va = read_band(a.alt)
    if bas.shape != alt.shape:
        raise SystemExit("rasters differ in size")
    gt = ds.GetGeoTransform()
    cell_ha = abs(gt[1] * gt[5]) / 10000.0
    sb = storage(bas, vb, table)
    sa = storage(alt, va, table)
    both = vb & va
    out = {
        "stock_bas": float(np.sum(sb[vb], dtype=np.float64) * cell_ha),
        "stock_alt": float(np.sum(sa[va], dtype=np.float64) * cell_ha),
        "change": float(np.sum((sa - sb)[both], dtype=np.float64) * cell_ha),
    }
    out["stock_difference"] = out["stock_alt"] - out["stock_bas"]
    k = valuation_constant(a.price, a.discount, a.change, a.y1, a.y2)
    out["valuation_constant"] = k
    out["npv"] = out["change"] * k
    if a.parcels:
        out["parcel"] = parcel_stock(ds, [sb, sa], a.parcels, a.fid, a.supersample)
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
