#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Times `tanhui-cli gep` against a zonal-only run of exactly the rasters it reads, on the same parcels,
# in the same script run (issue 5 acceptance: GEP for all parcels costs at most 1.5× the zonal-only
# time for the rasters it reads):
#   (a) zonal-only = Σ over the parcel layers of one `tanhui-cli zonal` with the rasters GEP's zonal pass
#       reads: the latest land cover, precipitation, ET (and the storm rainfall when the project has it)
#       and GEP's own derived soil-retention raster (written by run (b), which therefore runs first; the
#       script warms the file cache with the project's files before it), with count,sum,mean,min (+ majority for the land
#       cover, which comes from the same histogram);
#   (b) gep = `tanhui-cli gep --project` on all parcel layers with precomputed carbon results (the
#       carbon project's parcels.csv, written beforehand by `tanhui-cli carbon --project`, timed
#       separately as "carbon": carbon is the carbon engine's cost, not GEP's). (b) also includes the
#       per-pixel LS / soil-retention pass and all outputs, which (a) does not do.
#
#   scripts/bench-gep.sh [--build-dir DIR] [--quick] [--sample DIR]
#
# Default: the city scene (`tanhui-cli sample --size city`, 86 × 86 km, a few minutes to generate),
# cached in build/bench-data/gep-city with a stamp (regenerated when the sample generator's sources
# change). --quick uses the small sample (20 × 20 km, cached likewise). --sample DIR reuses a sample
# project folder. Uses build/release by default. Prints the times, the load average, the ratio b/a and
# PASS/FAIL (ratio ≤ 1.5).
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
        -h|--help) sed -n '4,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-gep.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
CLI="$BUILD/app/cli/tanhui-cli"
[[ -x "$CLI" ]] || { echo "bench-gep.sh: $CLI not found; build first" >&2; exit 2; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Cached sample: build/bench-data/gep-<size>/sample with a stamp of the generator's sources.
if [[ -z "$SAMPLE" ]]; then
    CACHE="$ROOT/build/bench-data/gep-$SIZE"
    STAMP="size=$SIZE $(cat "$ROOT"/app/cli/SampleCommand.cpp "$ROOT"/models/sample/*.cpp "$ROOT"/models/sample/*.h \
        2> /dev/null | sha256sum | cut -c1-16)"
    SAMPLE="$CACHE/sample"
    if [[ ! -f "$CACHE/stamp" || "$(cat "$CACHE/stamp")" != "$STAMP" || ! -f "$SAMPLE/project.tanhui.json" ]]; then
        echo "bench-gep: generating the $SIZE sample in $SAMPLE (cached; a few minutes for city)"
        rm -rf "$CACHE"
        mkdir -p "$CACHE"
        g0=$(date +%s.%N)
        "$CLI" sample --out "$SAMPLE" --size "$SIZE" --quiet
        g1=$(date +%s.%N)
        awk -v a="$g0" -v b="$g1" 'BEGIN { printf "bench-gep: sample generated in %.0f s\n", b - a }'
        echo "$STAMP" > "$CACHE/stamp"
    fi
fi
PROJECT="$SAMPLE/project.tanhui.json"
[[ -n "${BENCH_GEP_PREPARE_ONLY:-}" ]] && exit 0
R="$SAMPLE/rasters"
now() { date +%s.%N; }

# Precomputed carbon results (not timed as GEP): the carbon project's parcels.csv (GEP reads
# only the table). Cached next to a cached sample (build/bench-data/gep-<size>/carbon).
CARBON="$TMP/carbon"
[[ -n "${CACHE:-}" ]] && CARBON="$CACHE/carbon"
c0=$(now)
if [[ ! -f "$CARBON/parcels.csv" ]]; then
    "$CLI" carbon --project "$PROJECT" --out "$CARBON.tmp" --quiet > "$TMP/carbon.log" 2>&1 \
        || { cat "$TMP/carbon.log" >&2; rm -rf "$CARBON.tmp"; exit 1; }
    rm -rf "$CARBON"
    mv "$CARBON.tmp" "$CARBON"
    carbon_note="computed"
else
    carbon_note="cached"
fi
c1=$(now)

# Warm the page cache with every file of the project (rasters, vectors, tables) and the carbon
# results, so that neither run pays for what ran before the script (e.g. a build that evicted the
# city sample's ~6 GB of rasters: GEP runs first and would read them from disk).
find "$SAMPLE" -type f ! -name 'ndvi*' -exec cat {} + > /dev/null # GEP reads no NDVI
cat "$CARBON/parcels.csv" > /dev/null

# (b) gep with the precomputed carbon results (first: it writes the soil-retention raster (a) reads).
t0=$(now)
"$CLI" gep --project "$PROJECT" --out "$TMP/gep" --ac-days 120 --carbon-results "$CARBON" --quiet \
    2> "$TMP/gep.log" > "$TMP/gep.out" || { cat "$TMP/gep.log" >&2; exit 1; }
t1=$(now)
cp "$TMP/gep/derived/soil_retention_t_ha.tif" "$TMP/soil_retention_t_ha.tif"

# The parcel layers and rasters of the project, read from the project file.
mapfile -t LAYERS < <(python3 - "$PROJECT" <<'EOF'
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
for l in p["layers"]:
    if l.get("role") in ("forest_subcompartments", "farmland_plots", "wetland_units", "restoration_plots"):
        print(l["path"] + "\t" + l.get("fields", {}).get("id", l.get("id_field", "")))
EOF
)
mapfile -t RASTERS < <(python3 - "$PROJECT" <<'EOF'
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
best = {}
for l in p["layers"]:
    r = l.get("role")
    if r in ("landcover", "precipitation", "evapotranspiration", "precipitation_storm"):
        if r not in best or l.get("year", 0) > best[r].get("year", 0):
            best[r] = l
for r in ("landcover", "precipitation", "evapotranspiration", "precipitation_storm"):
    if r in best:
        print(best[r]["path"])
EOF
)
raster_args=()
for r in "${RASTERS[@]}"; do raster_args+=(--raster "$SAMPLE/$r"); done
raster_args+=(--raster "$TMP/soil_retention_t_ha.tif")

# (a) zonal-only over exactly those rasters.
t2=$(now)
for spec in "${LAYERS[@]}"; do
    file="${spec%%$'\t'*}" id="${spec##*$'\t'}"
    "$CLI" zonal --parcels "$SAMPLE/$file" --id "$id" "${raster_args[@]}" \
        --stats count,sum,mean,min,majority --out "$TMP/zonal.csv" > "$TMP/zonal.log" 2>&1 \
        || { cat "$TMP/zonal.log" >&2; exit 1; }
done
t3=$(now)
grep -h "timing\|carbon source\|parcels$" "$TMP/gep.log" "$TMP/gep.out" | sed 's/^tanhui-cli: /bench-gep: gep /' | head -12
label="$SIZE scene"
[[ "$SAMPLE" != "$ROOT/build/bench-data/gep-$SIZE/sample" ]] && label="$SAMPLE"
echo "bench-gep: load average during the run: $(uptime | sed 's/.*load average: //')"
awk -v a="$t2" -v b="$t3" -v g0="$t0" -v g1="$t1" -v c0="$c0" -v c1="$c1" -v n="$(nproc)" -v s="$label" \
    -v cn="$carbon_note" -v nl="${#LAYERS[@]}" -v nr="$(( ${#RASTERS[@]} + 1 ))" 'BEGIN {
    z = b - a; g = g1 - g0; r = g / z;
    printf "bench-gep: %s, %d cores, %d parcel layers, %d rasters: carbon results (not GEP) %s, %.1f s\n", s, n, nl, nr, cn, c1 - c0;
    printf "bench-gep: (a) zonal-only %.1f s, (b) gep %.1f s\n", z, g;
    printf "bench-gep: ratio b/a %.2f (target <= 1.5) %s\n", r, (r <= 1.5) ? "PASS" : "FAIL";
    exit (r <= 1.5) ? 0 : 1 }'
