#!/usr/bin/env bash
# The main job on bundled, generated data: sets up and builds Tanhui, generates a deterministic
# 20 × 20 km land-cover scene (two dates, EPSG:4547) with 3,000 parcels, and runs exact zonal
# statistics by parcel and land-cover class. Writes to out/demo/ (or the folder given).
#
#   scripts/demo.sh [OUT_DIR]
#
# The full Guangzhou-like sample project, carbon accounting, GEP and the PDF report come with the
# sample-project, carbon and GEP work; until then this runs what exists and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-out/demo}"
scripts/setup.sh release
mkdir -p "$OUT"
BIN=build/release
echo "demo: generating the scene in $OUT (cached; delete the folder to regenerate)"
"$BIN/tests/bench/tanhui-bench-scene" --out "$OUT/scene" --size 2000 --parcels 3000 --seed 7
echo "demo: zonal statistics by parcel and land-cover class, 2015 and 2024"
for fmt in csv gpkg; do
  "$BIN/app/cli/tanhui-cli" zonal --parcels "$OUT/scene/parcels.gpkg" --id id \
    --raster "$OUT/scene/landcover_2015.tif" --raster "$OUT/scene/landcover_2024.tif" \
    --stats count,majority,variety,frac,area --out "$OUT/zonal_by_parcel.$fmt"
done
cat <<MSG

demo: done. Open these:
  $(realpath "$OUT/zonal_by_parcel.csv")   (spreadsheet: one row per parcel, class areas in ha)
  $(realpath "$OUT/zonal_by_parcel.gpkg")  (GIS layer with the same columns, e.g. in QGIS or: $BIN/app/gui/tanhui)
  $(realpath "$OUT/scene")                 (the generated rasters and parcels)
Not yet in the demo: carbon stocks, GEP, the PDF report and the map (their issues are open).
MSG
