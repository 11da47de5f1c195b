#!/usr/bin/env bash
# The main job on the sample project: sets up and builds Tanhui, generates the deterministic
# Guangzhou-like sample project (20 x 20 km, EPSG:4547, 10 m; once, kept in OUT_DIR/sample) and runs
# exact zonal statistics of the forest sub-compartments (小班), farmland plots and wetland units by
# land-cover class for 2015 and 2024. Writes to out/demo/ (or the folder given).
#
#   scripts/demo.sh [OUT_DIR]
#
# Then the pool-table and volume carbon methods on the 小班. The other carbon methods, GEP, the PDF report and the
# map join the demo as their issues land; until then this runs what exists and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-out/demo}"
scripts/setup.sh release
mkdir -p "$OUT"
BIN=build/release
CLI="$BIN/app/cli/tanhui-cli"
SAMPLE="$OUT/sample"
if [[ -f "$SAMPLE/project.tanhui.json" ]]; then
  echo "demo: using the sample project in $SAMPLE (delete the folder to regenerate)"
else
  echo "demo: generating the sample project in $SAMPLE"
  rm -rf "$SAMPLE"
  "$CLI" sample --out "$SAMPLE" --size small
fi
LC=(--raster "$SAMPLE/rasters/landcover_2015.tif" --raster "$SAMPLE/rasters/landcover_2024.tif")
echo "demo: land cover 2015 and 2024 of every forest sub-compartment (小班, GBK shapefile)"
for fmt in csv gpkg; do
  "$CLI" zonal --parcels "$SAMPLE/vectors/xiaoban.shp" --id 小班号 "${LC[@]}" \
    --stats count,majority,frac,area --out "$OUT/xiaoban_landcover.$fmt"
done
echo "demo: land cover 2015 and 2024 of farmland plots and wetland units"
"$CLI" zonal --parcels "$SAMPLE/vectors/farmland_plots.gpkg" --id 地块编码 "${LC[@]}" \
  --stats count,majority,frac,area --out "$OUT/farmland_landcover.csv"
"$CLI" zonal --parcels "$SAMPLE/vectors/wetland_units.gpkg" --id 单元编码 "${LC[@]}" \
  --stats count,majority,frac,area --out "$OUT/wetland_landcover.csv"
echo "demo: carbon stock and change 2015 -> 2024 per 小班 (pool-table method, built-in Tier 1 defaults)"
"$CLI" carbon --method pools \
  --lulc "$SAMPLE/rasters/landcover_2015.tif@2015" --lulc "$SAMPLE/rasters/landcover_2024.tif@2024" \
  --parcels "$SAMPLE/vectors/xiaoban.shp" --id 小班号 --price 220 --discount 8 --out "$OUT/carbon"
echo "demo: carbon stock per 小班 from stand volume and dominant species (volume method, constant BEF)"
"$CLI" carbon --method volume --parcels "$SAMPLE/vectors/xiaoban.shp" --id 小班号 --species-field 优势树种 --volume-field 每公顷蓄积 --out "$OUT/carbon_volume"
cat <<MSG

demo: done. Open these:
  $(realpath "$OUT/xiaoban_landcover.csv")    (spreadsheet: one row per 小班, class shares and areas in ha, 2015 and 2024)
  $(realpath "$OUT/xiaoban_landcover.gpkg")   (the same with geometry, e.g. in QGIS or: $BIN/app/gui/tanhui)
  $(realpath "$OUT/farmland_landcover.csv")   (farmland plots)
  $(realpath "$OUT/wetland_landcover.csv")    (wetland units)
  $(realpath "$OUT/carbon/totals.csv")        (carbon stock 2015 and 2024, change, NPV at 220 per t C and 8 %)
  $(realpath "$OUT/carbon/parcels.csv")       (carbon per 小班 and pool, t C and t C/ha; also parcels.gpkg)
  $(realpath "$OUT/carbon")                   (also density rasters c_density_<year>.tif, t C/ha, and parameters_used.csv)
  $(realpath "$OUT/carbon_volume/parcels_volume.csv") (tree carbon per 小班 from volume × species parameters, t C; totals in totals_volume.csv)
  $(realpath "$SAMPLE/project.tanhui.json")   (the sample project: rasters, parcel layers, parameter tables)
The built-in carbon pool and species values are fallbacks tagged "unconfirmed" (see parameters_used.csv and
the flagged_parameters column); the remote-sensing, blue-carbon and cropland methods, uncertainty, GEP, the PDF report and the map image
are not in the demo yet (their issues are open).
MSG
