#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# City-scale benchmark of pool-table carbon with Monte Carlo uncertainty (see docs/benchmark.md).
#
#   scripts/bench-carbon.sh [--size N] [--parcels N] [--seed S] [--threads N] [--repeat N]
#                           [--iterations N] [--quick] [--no-build] [--build-dir DIR] [--keep]
#
# Uses the cached scene of scripts/bench.sh (two land-cover rasters, Voronoi parcels) and a pools
# table with uncertainty columns for its classes, then measures in this one run, with /usr/bin/time:
#   (a) tanhui-cli zonal over both rasters with the statistics the carbon run needs (count,
#       majority, class areas)
#   (b) tanhui-cli carbon --method pools, two dates, per parcel, --uncertainty with N iterations
#       (default 1,000), --no-rasters, --parcel-formats csv (a CSV per-parcel table, as (a) writes)
# and prints the ratio b / a (target: at most 2). It then runs (b) with --threads 1 and --threads 2
# and checks that totals.csv and parcels.csv are byte-identical. Exit status: 0 when the ratio and
# the determinism check pass, 1 when one fails, 2 on usage or setup errors.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build/release"
SIZE=8600
PARCELS=100000
SEED=1
THREADS="$(nproc)"
REPEAT=3
ITERATIONS=1000
DO_BUILD=1
KEEP=0
TARGET_RATIO=2 # carbon with Monte Carlo / zonal only, at most

usage() {
    sed -n '4,17p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF2'

Options:
  --size N        raster width/height in 10 m cells (default 8600, i.e. 86 km)
  --parcels N     number of parcels (default 100000)
  --seed S        scene seed (default 1)
  --threads N     threads for tanhui-cli (default: nproc)
  --repeat N      runs of (a) and (b); the best wall time and the highest peak count (default 3)
  --iterations N  Monte Carlo iterations of (b) (default 1000)
  --quick         smoke run: --size 2000 --parcels 5000 --repeat 1
  --no-build      do not configure/build; use the binaries already in the build directory
  --build-dir D   use binaries from D (implies --no-build; default build/release)
  --keep          keep the outputs (CSV files, logs) instead of deleting them
EOF2
}

die() { echo "bench-carbon.sh: $*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --size) SIZE="${2:?}"; shift 2 ;;
        --parcels) PARCELS="${2:?}"; shift 2 ;;
        --seed) SEED="${2:?}"; shift 2 ;;
        --threads) THREADS="${2:?}"; shift 2 ;;
        --repeat) REPEAT="${2:?}"; shift 2 ;;
        --iterations) ITERATIONS="${2:?}"; shift 2 ;;
        --quick) SIZE=2000; PARCELS=5000; REPEAT=1; shift ;;
        --no-build) DO_BUILD=0; shift ;;
        --build-dir) BUILD="$(cd "${2:?}" && pwd)"; DO_BUILD=0; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
for v in SIZE PARCELS SEED THREADS REPEAT ITERATIONS; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || die "--${v,,} expects a non-negative integer, got '${!v}'"
done
[[ $SIZE -gt 0 && $PARCELS -gt 0 && $THREADS -gt 0 && $REPEAT -gt 0 && $ITERATIONS -gt 0 ]] \
    || die "sizes must be positive"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (Debian package 'time')"

# shellcheck source=scripts/bench-common.sh
source "$ROOT/scripts/bench-common.sh" # bench_build, bench_scene, measure, best
bench_build
CLI_BIN="$BUILD/app/cli/tanhui-cli"
[[ -x "$CLI_BIN" ]] || die "$CLI_BIN is not built"
bench_scene

OUT="$(mktemp -d "${TMPDIR:-/tmp}/tanhui-bench-carbon.XXXXXX")"
if [[ $KEEP -eq 0 ]]; then
    trap 'rm -rf "$OUT"' EXIT
else
    echo "== outputs kept in $OUT"
fi

# Pools table for the scene's classes (docs/benchmark.md). The densities are benchmark values
# (tag example), not defaults; u_pct is the row-wide 95 % half-width in % (docs/uncertainty.md).
POOLS="$OUT/bench_pools.csv"
cat >"$POOLS" <<'CSV'
lucode,lulc_name,c_above,c_below,c_soil,c_dead,u_pct,source,tag
11,paddy,3,1,45,0,30,benchmark value,example
12,dry land,2,1,40,0,30,benchmark value,example
13,orchard,20,5,45,1,50,benchmark value,example
21,forest,60,14,60,3,90,benchmark value,example
22,shrub,10,4,50,1,90,benchmark value,example
23,sparse woodland,25,6,50,2,90,benchmark value,example
31,grassland,2,3,45,0,75,benchmark value,example
41,water,0,0,0,0,,benchmark value,example
42,fish ponds,0,0,30,0,50,benchmark value,example
51,urban,1,0,20,0,50,benchmark value,example
52,rural settlement,2,1,25,0,50,benchmark value,example
61,bare rock,0,0,5,0,90,benchmark value,example
CSV

# Warm the page cache.
cat "$R1" "$R2" "$PARCELS_GPKG" >/dev/null

# zonal_cmd OUTFILE THREADS / carbon_cmd OUTDIR THREADS: set CMD (an array; /usr/bin/time needs a program).
zonal_cmd() {
    CMD=("$CLI_BIN" zonal --quiet --parcels "$PARCELS_GPKG" --id id --raster "$R1" --raster "$R2" \
        --stats count,majority,area --out "$1" --threads "$2")
}
carbon_cmd() { # carbon_cmd OUTDIR THREADS [extra options]: with Monte Carlo unless "plain" is given
    local out="$1" threads="$2" mc=(--uncertainty --iterations "$ITERATIONS" --seed 7)
    [[ "${3:-}" == plain ]] && mc=()
    CMD=("$CLI_BIN" carbon --quiet --method pools --lulc "$R1@2015" --lulc "$R2@2024" --pools "$POOLS" \
        --parcels "$PARCELS_GPKG" --id id "${mc[@]}" --no-rasters --parcel-formats csv --out "$out" \
        --threads "$threads")
}

echo "== (a) tanhui-cli zonal (count, majority, area) over both rasters, $THREADS thread(s) (x$REPEAT)"
for ((i = 0; i < REPEAT; i++)); do
    rm -f "$OUT/zonal.csv"
    zonal_cmd "$OUT/zonal.csv" "$THREADS"
    measure zonal "${CMD[@]}" || die "zonal run failed"
done
read -r ZO_WALL ZO_PEAK < <(best zonal)

echo "== (b) tanhui-cli carbon --method pools, 2 dates, $ITERATIONS Monte Carlo iterations, $THREADS thread(s) (x$REPEAT)"
for ((i = 0; i < REPEAT; i++)); do
    rm -rf "$OUT/carbon"
    carbon_cmd "$OUT/carbon" "$THREADS"
    measure carbon "${CMD[@]}" || die "carbon run failed"
done
read -r CA_WALL CA_PEAK < <(best carbon)

echo "== (b0) the same carbon run without --uncertainty, for reference (x$REPEAT)"
for ((i = 0; i < REPEAT; i++)); do
    rm -rf "$OUT/plain"
    carbon_cmd "$OUT/plain" "$THREADS" plain
    measure plain "${CMD[@]}" || die "carbon run without uncertainty failed"
done
read -r PL_WALL PL_PEAK < <(best plain)

echo "== determinism: (b) with --threads 1 and --threads 2"
carbon_cmd "$OUT/carbon_t1" 1
"${CMD[@]}" >"$OUT/carbon_t1.log" 2>&1 || die "carbon run (1 thread) failed"
carbon_cmd "$OUT/carbon_t2" 2
"${CMD[@]}" >"$OUT/carbon_t2.log" 2>&1 || die "carbon run (2 threads) failed"
SAME=PASS
for f in totals.csv parcels.csv; do
    if cmp -s "$OUT/carbon_t1/$f" "$OUT/carbon_t2/$f"; then
        echo "   $f identical"
    else
        echo "   $f DIFFERS between 1 and 2 threads"
        SAME=FAIL
    fi
done

RATIO="$(awk -v a="$CA_WALL" -v b="$ZO_WALL" 'BEGIN { if (b <= 0) print "NA"; else printf "%.2f", a / b }')"
V_RATIO=FAIL
awk -v r="$RATIO" -v l="$TARGET_RATIO" 'BEGIN { exit !(r != "NA" && r <= l) }' && V_RATIO=PASS

echo
echo "Scene: ${SIZE} x ${SIZE} cells x 2 rasters, $PARCELS parcels, seed $SEED; $(nproc) CPU(s): $(
    grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "tanhui-cli --threads $THREADS; Monte Carlo $ITERATIONS iterations, seed 7"
echo
printf '%-56s %10s %10s\n' "run" "wall s" "peak MB"
printf '%-56s %10s %10s\n' "(a) zonal only (count, majority, area), both rasters" "$ZO_WALL" "$ZO_PEAK"
printf '%-56s %10s %10s\n' "(b) carbon pools, 2 dates, Monte Carlo per parcel" "$CA_WALL" "$CA_PEAK"
printf '%-56s %10s %10s\n' "(b0) the same without --uncertainty (reference)" "$PL_WALL" "$PL_PEAK"
echo
printf '%-56s %10s %10s  %s\n' "target" "measured" "limit" "verdict"
printf '%-56s %10s %10s  %s\n' "(b) / (a) wall time" "${RATIO}x" "<= ${TARGET_RATIO}x" "$V_RATIO"
printf '%-56s %10s\n' "    (b0) / (a), for reference" "$(awk -v a="$PL_WALL" -v b="$ZO_WALL" 'BEGIN { if (b <= 0) print "NA"; else printf "%.2fx", a / b }')"
printf '%-56s %10s %10s  %s\n' "1 vs 2 threads: totals.csv, parcels.csv" "" "identical" "$SAME"
rows() { [[ -f "$1" ]] && echo $(($(wc -l <"$1") - 1)) || echo "n/a"; }
echo
echo "Result rows: parcels $PARCELS, zonal $(rows "$OUT/zonal.csv"), carbon $(rows "$OUT/carbon/parcels.csv")"
grep -E '^(stock_2015|stock_2024|change_2015_2024)(,|_p2_5|_p50|_p97_5|_u95_pct)' "$OUT/carbon/totals.csv" \
    | sed 's/^/   /' || true

[[ "$V_RATIO $SAME" == *FAIL* ]] && exit 1
exit 0
