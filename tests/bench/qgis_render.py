#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""QGIS's frame times for the views of tanhui-bench-render (scripts/bench-render.sh).

usage: qgis_render.py RASTER PARCELS VIEWS WIDTH HEIGHT REPEAT
VIEWS: one "kind x0 y0 x1 y1" per line (written by tanhui-bench-render --views). The same layers as
Tanhui draws: the raster (QGIS's default renderer for it) under the parcels with QGIS's default fill
symbol, in the raster's CRS, WIDTH x HEIGHT pixels at 96 dpi, rendered by QgsMapRendererParallelJob
(QGIS's canvas job). Prints "view KIND first_ms F median_ms M" per kind, as tanhui-bench-render.
"""
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsRasterLayer,  # noqa: E402
                       QgsRectangle, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize  # noqa: E402


def main():
    raster_path, parcels_path, views_path = sys.argv[1:4]
    width, height, repeat = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
    app = QgsApplication([], False)
    app.initQgis()
    raster = QgsRasterLayer(raster_path, "raster")
    parcels = QgsVectorLayer(parcels_path, "parcels", "ogr")
    if not raster.isValid() or not parcels.isValid():
        sys.exit("qgis_render.py: cannot open the scene")
    views = [line.split() for line in open(views_path) if line.strip()]
    for kind in dict.fromkeys(v[0] for v in views):
        firsts, repeats = [], []
        for v in views:
            if v[0] != kind:
                continue
            settings = QgsMapSettings()
            settings.setLayers([parcels, raster])  # top first
            settings.setDestinationCrs(raster.crs())
            settings.setOutputSize(QSize(width, height))
            settings.setOutputDpi(96)
            settings.setExtent(QgsRectangle(*map(float, v[1:5])))
            for i in range(repeat + 1):
                t0 = time.perf_counter()
                job = QgsMapRendererParallelJob(settings)
                job.start()
                job.waitForFinished()
                job.renderedImage()
                ms = (time.perf_counter() - t0) * 1000
                (firsts if i == 0 else repeats).append(ms)
        print(f"view {kind} first_ms {max(firsts):.1f} median_ms {statistics.median(repeats):.1f}", flush=True)
    # QgsApplication.exitQgis() crashes on exit in QGIS 3.22's Python bindings; nothing is left to save.
    os._exit(0)


if __name__ == "__main__":
    main()
