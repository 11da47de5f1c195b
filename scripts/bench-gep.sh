#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Times `tanhui-cli gep` against zonal-only runs of the rasters it reads (issue 5 acceptance: GEP for
# all parcels costs at most 1.5× the zonal-only time), both in the same script run on the same files:
#   zonal-only = Σ over the parcel layers of `tanhui-cli zonal` with the land-cover rasters (class
#   statistics) + `tanhui-cli zonal` with precipitation, ET, R, K, C and the DEM (count,sum,mean,min);
#   gep        = `tanhui-cli gep` on all parcel layers with --carbon tables written beforehand by
#                `tanhui-cli carbon --parcels` (timed separately as "carbon"); it includes the per-pixel
#                LS/soil-retention pass, which zonal-only does not do. "gep+pool" is the same run with
#                the built-in pool-method pass instead of the carbon tables.
#
#   scripts/bench-gep.sh [--build-dir DIR] [--quick] [--sample DIR]
#
# --quick uses the small sample (20 × 20 km) instead of the city scene (86 × 86 km; generating it takes
# minutes and ~6 GB). --sample DIR reuses an existing sample project folder. Uses build/release by
# default (build it first). Prints the times, the ratio and PASS/FAIL (ratio ≤ 1.5).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build/release"
SIZE=city
SAMPLE=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --build-dir) BUILD="$(cd "${2:?}" && pwd)"; shift 2 ;;
        --quick) SIZE=small; shift ;;
        --sample) SAMPLE="$(cd "${2:?}" && pwd)"; shift 2 ;;
        -h|--help) sed -n '4,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-gep.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
CLI="$BUILD/app/cli/tanhui-cli"
[[ -x "$CLI" ]] || { echo "bench-gep.sh: $CLI not found; build first" >&2; exit 2; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
if [[ -z "$SAMPLE" ]]; then
    SAMPLE="$TMP/sample"
    "$CLI" sample --out "$SAMPLE" --size "$SIZE" --quiet
fi
R="$SAMPLE/rasters"
now() { date +%s.%N; }
layers=("xiaoban.shp:小班号" "farmland_plots.gpkg:地块编码" "wetland_units.gpkg:单元编码" "mangrove_restoration.gpkg:plot_id")
t0=$(now)
for spec in "${layers[@]}"; do
    file="${spec%%:*}" id="${spec##*:}"
    "$CLI" zonal --parcels "$SAMPLE/vectors/$file" --id "$id" \
        --raster "$R/landcover_2015.tif" --raster "$R/landcover_2018.tif" \
        --raster "$R/landcover_2021.tif" --raster "$R/landcover_2024.tif" \
        --stats count,majority,area --out "$TMP/zonal_lc.csv" > /dev/null 2>&1
    "$CLI" zonal --parcels "$SAMPLE/vectors/$file" --id "$id" \
        --raster "$R/precipitation.tif" --raster "$R/evapotranspiration.tif" --raster "$R/rusle_r.tif" \
        --raster "$R/rusle_k.tif" --raster "$R/rusle_c.tif" --raster "$R/dem.tif" \
        --stats count,sum,mean,min --out "$TMP/zonal_cont.csv" > /dev/null 2>&1
done
t1=$(now)
carbon_args=()
for spec in "${layers[@]}"; do
    file="${spec%%:*}" id="${spec##*:}" layer="${file%%.*}"
    "$CLI" carbon --method pools --lulc "$R/landcover_2015.tif@2015" --lulc "$R/landcover_2024.tif@2024" \
        --parcels "$SAMPLE/vectors/$file" --id "$id" --out "$TMP/carbon_$layer" --quiet > /dev/null 2>&1
    carbon_args+=(--carbon "$layer=$TMP/carbon_$layer/parcels.csv")
done
t2=$(now)
"$CLI" gep --project "$SAMPLE/project.tanhui.json" --out "$TMP/gep" --ac-days 120 --quiet "${carbon_args[@]}" \
    2> "$TMP/gep.log" > /dev/null
t3=$(now)
"$CLI" gep --project "$SAMPLE/project.tanhui.json" --out "$TMP/gep_pool" --ac-days 120 --quiet > /dev/null 2>&1
t4=$(now)
grep timing "$TMP/gep.log" | sed 's/^tanhui-cli: /bench-gep: gep /'
label="$SIZE scene"
[[ -n "$SAMPLE" && "$SAMPLE" != "$TMP/sample" ]] && label="$SAMPLE"
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$t4" -v n="$(nproc)" -v s="$label" 'BEGIN {
    z = b - a; cb = c - b; g = d - c; gp = e - d; r = g / z;
    printf "bench-gep: %s, %d cores: zonal-only %.1f s, carbon %.1f s, gep %.1f s, gep+pool %.1f s\n", s, n, z, cb, g, gp;
    printf "bench-gep: ratio gep / zonal-only %.2f (target <= 1.5) %s\n", r, (r <= 1.5) ? "PASS" : "FAIL";
    exit (r <= 1.5) ? 0 : 1 }'
