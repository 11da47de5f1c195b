#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Memory and scaling benchmark (see docs/benchmark.md, "Memory and scaling").
#
#   scripts/bench-memory.sh [--size N] [--parcels N] [--threads N] [--budget-mb MB] [--quick]
#                           [--skip-carbon] [--no-build] [--build-dir DIR] [--keep]
#
# Runs tanhui-cli zonal and tanhui-cli carbon --project on two scenes and reports, per run, the wall
# time and the peak resident memory (max RSS of the child process, from /usr/bin/time):
#   city   the cached scene of scripts/bench.sh: two 8600 x 8600 land-cover rasters, 100,000 parcels
#   large  N x N cells (default 40,000 x 40,000) with M parcels (default 1,000,000): the land cover
#          is a VRT mosaic repeating the city rasters (tanhui-bench-mosaic; no raster is copied) and
#          the parcels are Voronoi parcels over the whole extent (tanhui-bench-scene --parcels-only)
# Each scene gets a project file (two land-cover dates, one parcel layer whose parcels all use the
# pools method, valuation) for the carbon run. The script prints the cost per cell and per parcel
# of the large scene relative to the city scene (1.00 = linear) and what the carbon run wrote to
# disk. Exit status: 0 when every large-scene peak is under the budget (default 1024 MB), 1 when
# one is not, 2 on usage or setup errors.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build/release"
LARGE_SIZE=40000
LARGE_PARCELS=1000000
SIZE=8600 # reference scene (bench_scene)
PARCELS=100000
SEED=1
THREADS="$(nproc)"
BUDGET_MB=1024
SKIP_CARBON=0
DO_BUILD=1
KEEP=0

usage() {
    sed -n '4,19p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF2'

Options:
  --size N       cells per side of the large scene (default 40000)
  --parcels N    parcels of the large scene (default 1000000)
  --threads N    threads for tanhui-cli (default: nproc)
  --budget-mb MB peak memory budget of the large-scene runs (default 1024)
  --quick        smoke run: reference 2000 x 2000 / 5,000 parcels, large 6000 x 6000 / 45,000
  --skip-carbon  zonal only
  --no-build     do not configure/build; use the binaries already in the build directory
  --build-dir D  use binaries from D (implies --no-build; default build/release)
  --keep         keep the outputs (CSV files, rasters, logs) instead of deleting them
EOF2
}

die() { echo "bench-memory.sh: $*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --size) LARGE_SIZE="${2:?}"; shift 2 ;;
        --parcels) LARGE_PARCELS="${2:?}"; shift 2 ;;
        --threads) THREADS="${2:?}"; shift 2 ;;
        --budget-mb) BUDGET_MB="${2:?}"; shift 2 ;;
        --quick) SIZE=2000; PARCELS=5000; LARGE_SIZE=6000; LARGE_PARCELS=45000; shift ;;
        --skip-carbon) SKIP_CARBON=1; shift ;;
        --no-build) DO_BUILD=0; shift ;;
        --build-dir) BUILD="$(cd "${2:?}" && pwd)"; DO_BUILD=0; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
for v in LARGE_SIZE LARGE_PARCELS THREADS BUDGET_MB; do
    [[ "${!v}" =~ ^[0-9]+$ && "${!v}" -gt 0 ]] || die "expected a positive integer for ${v,,}, got '${!v}'"
done
[[ $LARGE_SIZE -ge $SIZE ]] || die "--size must be at least the reference scene's $SIZE cells"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (Debian package 'time')"

# shellcheck source=scripts/bench-common.sh
source "$ROOT/scripts/bench-common.sh" # bench_build, bench_scene, measure, best
bench_build
CLI_BIN="$BUILD/app/cli/tanhui-cli"
SCENE_BIN="$BUILD/tests/bench/tanhui-bench-scene"
MOSAIC_BIN="$BUILD/tests/bench/tanhui-bench-mosaic"
for b in "$CLI_BIN" "$SCENE_BIN" "$MOSAIC_BIN"; do [[ -x "$b" ]] || die "$b is not built"; done

# --- scenes ------------------------------------------------------------------------------------
bench_scene # reference scene: DATA, R1, R2, PARCELS_GPKG
CITY_DIR="$DATA"
LARGE_DIR="$ROOT/build/bench-data/large-s$LARGE_SIZE-p$LARGE_PARCELS-seed$SEED"
echo "== large scene in $LARGE_DIR"
"$SCENE_BIN" --out "$LARGE_DIR" --size "$LARGE_SIZE" --parcels "$LARGE_PARCELS" --seed "$SEED" \
    --parcels-only 2>/dev/null || die "parcel generation failed"
for year in 2015 2024; do
    "$MOSAIC_BIN" --tile "$CITY_DIR/landcover_$year.tif" --size "$LARGE_SIZE" \
        --out "$LARGE_DIR/landcover_$year.vrt" >/dev/null || die "mosaic failed"
done
printf '   %-60s %8.1f MB\n' "$LARGE_DIR/parcels.gpkg" \
    "$(awk -v b="$(stat -c %s "$LARGE_DIR/parcels.gpkg")" 'BEGIN { print b / 1048576 }')"

# write_project DIR RASTER_EXT: the pools table and project.tanhui.json of a scene. The densities
# are those of scripts/bench-carbon.sh (benchmark values tagged example, not defaults).
write_project() {
    local dir="$1" ext="$2"
    cat >"$dir/bench_pools.csv" <<'CSV'
lucode,lulc_name,c_above,c_below,c_soil,c_dead,source,tag
11,paddy,3,1,45,0,benchmark value,example
12,dry land,2,1,40,0,benchmark value,example
13,orchard,20,5,45,1,benchmark value,example
21,forest,60,14,60,3,benchmark value,example
22,shrub,10,4,50,1,benchmark value,example
23,sparse woodland,25,6,50,2,benchmark value,example
31,grassland,2,3,45,0,benchmark value,example
41,water,0,0,0,0,benchmark value,example
42,fish ponds,0,0,30,0,benchmark value,example
51,urban,1,0,20,0,benchmark value,example
52,rural settlement,2,1,25,0,benchmark value,example
61,bare rock,0,0,5,0,benchmark value,example
CSV
    cat >"$dir/project.tanhui.json" <<EOF2
{
  "format": "tanhui-project",
  "version": 1,
  "name": "memory benchmark",
  "crs": "EPSG:4547",
  "layers": [
    { "id": "landcover_2015", "kind": "raster", "role": "landcover", "path": "landcover_2015.$ext",
      "year": 2015, "units": "class" },
    { "id": "landcover_2024", "kind": "raster", "role": "landcover", "path": "landcover_2024.$ext",
      "year": 2024, "units": "class" },
    { "id": "parcels", "kind": "vector", "role": "farmland_plots", "path": "parcels.gpkg",
      "id_field": "id" }
  ],
  "parameters": [ { "name": "carbon/bench_pools", "path": "bench_pools.csv" } ],
  "carbon": {
    "years": [2015, 2024],
    "layers": [ { "layer": "parcels", "ecosystem_type": "cropland" } ],
    "methods": { "cropland": { "method": "pools" } },
    "valuation": { "price": 220, "discount": 8, "price_change": 0 },
    "parameters": { "pools": "carbon/bench_pools" }
  }
}
EOF2
}
write_project "$CITY_DIR" tif
write_project "$LARGE_DIR" vrt

# measure_cpu NAME CMD...: as measure (bench-common.sh), recording "wall maxrss_kb user sys".
measure_cpu() {
    local name="$1"; shift
    if ! /usr/bin/time -f '%e %M %U %S' -o "$OUT/$name.time" "$@" >>"$OUT/$name.log" 2>&1; then
        echo "   $name failed; last lines of its log:" >&2
        tail -n 15 "$OUT/$name.log" >&2
        return 1
    fi
}
# figures NAME: "wall peak_mb cpu_s" of the run recorded by measure_cpu.
figures() {
    awk 'NF == 4 && $1 ~ /^[0-9.]+$/ { printf "%.2f %.0f %.2f\n", $1, $2 / 1024, $3 + $4 }' "$OUT/$1.time"
}

OUT="$(mktemp -d "${TMPDIR:-/tmp}/tanhui-bench-memory.XXXXXX")"
if [[ $KEEP -eq 0 ]]; then
    trap 'rm -rf "$OUT"' EXIT
else
    echo "== outputs kept in $OUT"
fi
cat "$R1" "$R2" "$CITY_DIR/parcels.gpkg" "$LARGE_DIR/parcels.gpkg" >/dev/null # warm the page cache

# --- runs --------------------------------------------------------------------------------------
run_zonal() { # run_zonal NAME DIR EXT
    echo "== zonal ($1): count, sum, majority, frac over both dates, $THREADS thread(s)"
    measure_cpu "zonal_$1" "$CLI_BIN" zonal --quiet --parcels "$2/parcels.gpkg" --id id \
        --raster "$2/landcover_2015.$3" --raster "$2/landcover_2024.$3" \
        --stats count,sum,majority,frac --out "$OUT/zonal_$1.csv" --threads "$THREADS" \
        || die "zonal ($1) failed"
    ZONAL_ROWS[$1]=$(($(wc -l <"$OUT/zonal_$1.csv") - 1))
    rm -f "$OUT/zonal_$1.csv"
}
run_carbon() { # run_carbon NAME DIR
    echo "== carbon --project ($1): pools method, 2 dates, $THREADS thread(s)"
    measure_cpu "carbon_$1" "$CLI_BIN" carbon --quiet --project "$2/project.tanhui.json" \
        --out "$OUT/carbon_$1" --threads "$THREADS" || die "carbon ($1) failed"
    CARBON_DISK[$1]="$(du -sm "$OUT/carbon_$1" | cut -f1)"
    echo "   written ($(du -sh "$OUT/carbon_$1" | cut -f1)):"
    (cd "$OUT/carbon_$1" && find . -type f -printf '%s %p\n' | sort -k2 \
        | awk '{ printf "     %-44s %10.1f MB\n", $2, $1 / 1048576 }')
    CARBON_ROWS[$1]=$(($(wc -l <"$OUT/carbon_$1/parcels.csv") - 1))
    rm -rf "$OUT/carbon_$1"
}
declare -A ZONAL_ROWS CARBON_ROWS CARBON_DISK
run_zonal city "$CITY_DIR" tif
run_zonal large "$LARGE_DIR" vrt
if [[ $SKIP_CARBON -eq 0 ]]; then
    run_carbon city "$CITY_DIR"
    run_carbon large "$LARGE_DIR"
fi

# --- report ------------------------------------------------------------------------------------
CITY_CELLS=$((SIZE * SIZE))
LARGE_CELLS=$((LARGE_SIZE * LARGE_SIZE))
echo
echo "Scenes: city ${SIZE} x ${SIZE} cells, $PARCELS parcels; large ${LARGE_SIZE} x ${LARGE_SIZE} cells" \
    "(VRT mosaic), $LARGE_PARCELS parcels; 2 dates each"
echo "$(nproc) CPU(s): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); tanhui-cli --threads $THREADS"
CELL_RATIO="$(awk -v a="$LARGE_CELLS" -v b="$CITY_CELLS" 'BEGIN { printf "%.4f", a / b }')"
PARCEL_RATIO="$(awk -v a="$LARGE_PARCELS" -v b="$PARCELS" 'BEGIN { printf "%.4f", a / b }')"
echo "large / city: cells x$CELL_RATIO, parcels x$PARCEL_RATIO"
echo
printf '%-8s %8s %8s %8s %9s %9s %9s %11s %11s %8s\n' run "city s" "cpu s" "MB" "large s" "cpu s" "MB" \
    "wall/cell" "wall/parcel" "verdict"
VERDICT=0
ratio() { awk -v a="$1" -v b="$2" -v s="$3" 'BEGIN { if (b <= 0) print "NA"; else printf "%.2f", a / b / s }'; }
report() { # report NAME
    local cw cp cc lw lp lc ok=PASS
    read -r cw cp cc < <(figures "$1_city")
    read -r lw lp lc < <(figures "$1_large")
    [[ "$lp" =~ ^[0-9]+$ && $lp -lt $BUDGET_MB ]] || { ok=FAIL; VERDICT=1; }
    printf '%-8s %8s %8s %8s %9s %9s %9s %11s %11s %8s\n' "$1" "$cw" "$cc" "$cp" "$lw" "$lc" "$lp" \
        "$(ratio "$lw" "$cw" "$CELL_RATIO")" "$(ratio "$lw" "$cw" "$PARCEL_RATIO")" "$ok"
    printf '%-8s %8s %8s %8s %9s %9s %9s %11s %11s\n' "" "" "" "" "" "" "cpu:" \
        "$(ratio "$lc" "$cc" "$CELL_RATIO")" "$(ratio "$lc" "$cc" "$PARCEL_RATIO")"
}
report zonal
[[ $SKIP_CARBON -eq 0 ]] && report carbon
echo
echo "s: wall seconds; cpu s: user + system seconds; MB: peak RSS. wall/cell = (large wall / city wall)"
echo "/ (large cells / city cells), wall/parcel the same per parcel; cpu: the same ratios of CPU time."
echo "1.00 = the cost per cell (per parcel) is that of the city scene; a cost linear in cells and parcels"
echo "gives values between the two. Verdict: large-scene peak RSS < $BUDGET_MB MB."
echo "Rows: zonal city ${ZONAL_ROWS[city]}, large ${ZONAL_ROWS[large]}" \
    "$([[ $SKIP_CARBON -eq 0 ]] && echo "; carbon city ${CARBON_ROWS[city]}, large ${CARBON_ROWS[large]};" \
        "carbon outputs on disk: city ${CARBON_DISK[city]} MB, large ${CARBON_DISK[large]} MB")"
exit "$VERDICT"
