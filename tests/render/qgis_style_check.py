#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Opens a GeoPackage layer with QGIS's Python API (python3-qgis) and prints its renderer as JSON:
the style QGIS applied on open (the default style of the layer_styles table).

usage: qgis_style_check.py GPKG LAYER"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import QgsApplication, QgsVectorLayer  # noqa: E402

app = QgsApplication([], False)
app.initQgis()
path, name = sys.argv[1], sys.argv[2]
layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
out = {"valid": layer.isValid(), "features": layer.featureCount()}
renderer = layer.renderer()
out["renderer"] = renderer.type() if renderer else None
if renderer and renderer.type() == "graduatedSymbol":
    out["attribute"] = renderer.classAttribute()
    out["ranges"] = [
        {
            "lower": r.lowerValue(),
            "upper": r.upperValue(),
            "label": r.label(),
            "color": r.symbol().color().name(),
        }
        for r in renderer.ranges()
    ]
styles = layer.listStylesInDatabase()
out["styles_in_database"] = list(styles[2]) if styles and len(styles) > 2 else []
print(json.dumps(out, ensure_ascii=False), flush=True)
# QGIS's Python teardown may crash once the layer is garbage-collected after exitQgis(); the result
# is printed, so leave without it.
os._exit(0)
