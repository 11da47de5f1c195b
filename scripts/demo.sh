#!/usr/bin/env bash
# The main job on the sample project: sets up and builds Tanhui, generates the deterministic
# Guangzhou-like sample project (20 x 20 km, EPSG:4547, 10 m; once, kept in OUT_DIR/sample), then
#   1. exact land-cover statistics of every forest sub-compartment (小班) for 2015 and 2024;
#   2. the carbon of every parcel of the project (tanhui-cli carbon --project): each ecosystem type
#      with the methods of the project's carbon section (forest: the inventory stock carried by
#      gain − loss, volume, pools, gain-loss, NDVI regression; cropland: soil carbon and pools;
#      mangroves and wetlands: blue carbon; the rest: pools), with Monte Carlo bounds (1,000
#      iterations) and totals by ecosystem type and district;
#   3. GEP per parcel (tanhui-cli gep --project), its carbon sequestration taken from step 2;
#   4. the project's restoration plan mangrove_2026 (every 8th fishpond dyke and tidal-flat unit planted
#      with mangrove from 2026): its carbon and GEP against the baseline at the horizon 2036
#      (tanhui-cli plan --gep), read by the report's plan section;
#   5. the land-cover map of the last date with the parcels and districts (tanhui-cli map, PNG).
# Writes to out/demo/ (or the folder given), ending with the valuation report (PDF and HTML).
#
#   scripts/demo.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-out/demo}"
scripts/setup.sh release
mkdir -p "$OUT"
BIN=build/release
CLI="$BIN/app/cli/tanhui-cli"
SAMPLE="$OUT/sample"
if [[ -f "$SAMPLE/project.tanhui.json" ]] && ! grep -q '"mangrove_2026"' "$SAMPLE/project.tanhui.json"; then
  echo "demo: the sample project in $SAMPLE predates restoration plans; regenerating it"
  rm -rf "$SAMPLE"
fi
if [[ -f "$SAMPLE/project.tanhui.json" ]]; then
  echo "demo: using the sample project in $SAMPLE (delete the folder to regenerate)"
else
  echo "demo: generating the sample project in $SAMPLE"
  rm -rf "$SAMPLE"
  "$CLI" sample --out "$SAMPLE" --size small
fi
PROJECT="$SAMPLE/project.tanhui.json"

echo "demo: land cover 2015 and 2024 of every forest sub-compartment (小班, GBK shapefile)"
"$CLI" zonal --parcels "$SAMPLE/vectors/xiaoban.shp" --id 小班号 \
  --raster "$SAMPLE/rasters/landcover_2015.tif" --raster "$SAMPLE/rasters/landcover_2024.tif" \
  --stats count,majority,frac,area --out "$OUT/xiaoban_landcover.csv"

echo "demo: carbon of every parcel of the project, methods per ecosystem type, Monte Carlo bounds"
# --default-uncertainty 90: table values without their own uncertainty columns take the default of
# their kind (carbon fraction ±6.4 % in [0, 1]; R, Tier 1 densities, wood density, BEF ≥ 1 and the soil
# factors (drawn jointly) ±90 %, the IPCC convention for a value given without an uncertainty; reference
# levels exact; docs/uncertainty.md "Defaults by kind"); 90 % also reaches the kinds without a default.
"$CLI" carbon --project "$PROJECT" --out "$OUT/carbon" \
  --uncertainty --iterations 1000 --seed 42 --default-uncertainty 90

echo "demo: GEP per parcel (RCEES 2010 prices; 120 air-conditioning days, the reference's example value)"
# Profile, prices, climate-regulation variant and D = 120 come from the project's gep section.
"$CLI" gep --project "$PROJECT" --carbon-results "$OUT/carbon" --out "$OUT/gep"

echo "demo: the project's restoration plan mangrove_2026 against the baseline (carbon up to 2036, GEP, bounds)"
# The plan is in the project (its "plans" section): every 8th fishpond dyke and tidal-flat unit planted
# with mangrove from 2026; the difference per parcel and pool, and with --gep per parcel and GEP service
# (the project's GEP account valuing the planted parcels with mangrove and the planting's accrual), with
# bounds (docs/carbon-project.md, "Restoration plans").
"$CLI" plan --project "$PROJECT" --plan mangrove_2026 --carbon-results "$OUT/carbon" --gep \
  --out "$OUT/plan_mangrove_2026" --uncertainty --iterations 1000 --seed 42 --default-uncertainty 90

echo "demo: land-cover map of the project (A4, legend, scale bar, north arrow; Chinese)"
"$CLI" map --project "$PROJECT" --lang zh_CN --out "$OUT/map_landcover.png"

echo "demo: valuation report (PDF and HTML, Chinese) from the carbon and GEP result sets"
for EXT in pdf html; do
  "$CLI" report --project "$PROJECT" --carbon-results "$OUT/carbon" --gep-results "$OUT/gep" --lang zh_CN \
      --plan-results "$OUT/plan_mangrove_2026" \
      --out "$OUT/report_zh_CN.$EXT" --quiet
done

cat <<MSG

demo: done. Open these:
  $(realpath "$OUT/carbon/parcels.csv")    (carbon per parcel and method: stocks per pool and date in t C and t C/ha, change in t C, t CO2e and t C/yr, 95 % bounds, flags; also parcels.gpkg)
  $(realpath "$OUT/carbon/totals_by_ecosystem_type.csv")  (and totals_by_district.csv, totals_by_method.csv, summary.csv)
  $(realpath "$OUT/carbon/parameters_used.csv")  (every parameter row used, with source and evidence tag)
  $(realpath "$OUT/carbon/rasters")      (carbon density rasters per method and date, t C/ha)
  $(realpath "$OUT/gep/totals.csv")       (GEP by service, ecosystem type and district, with shares; CNY; carbon emission next to GEP)
  $(realpath "$OUT/gep/run_settings.csv") (profile, price year, price index, climate-regulation variant of the account)
  $(realpath "$OUT/gep/indicators.csv")   (every parcel x indicator: physical quantity, unit, price, source, value)
  $(realpath "$OUT/gep/skipped.csv")      (indicators skipped for lack of input, with the reason)
  $(realpath "$OUT/map_landcover.png")    (the land-cover map of the last date: parcels, districts, legend of the classes drawn)
  $(realpath "$OUT/report_zh_CN.pdf")     (the valuation report: summary, data with SHA-256, methods and parameters, results, charts, maps, the restoration plan against the baseline; also .html)
  $(realpath "$OUT/plan_mangrove_2026/plan_totals.csv")  (the restoration plan against the baseline in 2036: t C and t CO2e by pool with 95 % bounds; per parcel in plan_parcels.csv)
  $(realpath "$OUT/plan_mangrove_2026/plan_gep_services.csv")  (the plan's GEP difference by service, CNY/a with 95 % bounds; per parcel in plan_gep_parcels.csv)
  $(realpath "$OUT/xiaoban_landcover.csv")  (land-cover shares and areas per 小班, 2015 and 2024)
  $(realpath "$PROJECT")   (the sample project: rasters, parcel layers, parameter tables, carbon methods)
Built-in parameter values tagged "unconfirmed" (carbon pools, species, soil factors, CPI) and the sample's
example regression coefficients are flagged in every output that uses them.
MSG
