#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Frame times of the map renderer on the city-scale scene (issue 12; see docs/benchmark.md).
#
#   scripts/bench-render.sh [--repeat N] [--skip-qgis] [--no-build] [--build-dir DIR]
#
# Builds the release preset if needed, generates (once, cached in build/bench-data) the 8,600 × 8,600
# land cover and the 100,000 parcels, builds the raster's overviews once (.ovr beside it), then renders
# 1600 × 1000 px frames of the full extent, of 1:50,000 and of 1:5,000 (five places each), first and
# repeated, with tanhui-bench-render; with QGIS's Python bindings (Debian python3-qgis) it renders the
# same views with QGIS in the same run and prints the ratios. Exit status 0 when every target passes,
# 1 when one fails, 2 on usage or setup errors. Targets: full view median under 150 ms; each zoomed
# view at least as fast as QGIS (without QGIS: under 45 and 15 ms, the issue's QGIS 3.22 figures).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build/release"
SIZE=8600
PARCELS=100000
SEED=1
REPEAT=5
SKIP_QGIS=0
DO_BUILD=1
WIDTH=1600
HEIGHT=1000
TARGET_FULL_MS=150

die() { echo "bench-render.sh: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --repeat) REPEAT="${2:?}"; shift 2 ;;
        --skip-qgis) SKIP_QGIS=1; shift ;;
        --no-build) DO_BUILD=0; shift ;;
        --build-dir) BUILD="$(cd "${2:?}" && pwd)"; DO_BUILD=0; shift 2 ;;
        -h|--help) sed -n '4,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "--repeat expects a positive integer"

# shellcheck source=scripts/bench-common.sh
source "$ROOT/scripts/bench-common.sh" # bench_build, bench_scene
bench_build
RENDER_BIN="$BUILD/tests/bench/tanhui-bench-render"
[[ -x "$RENDER_BIN" ]] || die "$RENDER_BIN is not built (it needs the GUI libraries)"
bench_scene
OUT="$(mktemp -d "${TMPDIR:-/tmp}/tanhui-bench-render.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT
cat "$R1" "$PARCELS_GPKG" >/dev/null # page cache warm for both contenders

echo "== Tanhui: $WIDTH x $HEIGHT px, $REPEAT repeated frames per view"
"$RENDER_BIN" --raster "$R1" --parcels "$PARCELS_GPKG" --width "$WIDTH" --height "$HEIGHT" \
    --repeat "$REPEAT" --views "$OUT/views.txt" 2>/dev/null | tee "$OUT/tanhui.txt"

QGIS_OK=0
if [[ $SKIP_QGIS -eq 0 ]] && /usr/bin/python3 -c 'import qgis.core' 2>/dev/null; then
    echo "== QGIS $(/usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.version())' 2>/dev/null): same views"
    /usr/bin/python3 "$ROOT/tests/bench/qgis_render.py" "$R1" "$PARCELS_GPKG" "$OUT/views.txt" \
        "$WIDTH" "$HEIGHT" "$REPEAT" 2>/dev/null | tee "$OUT/qgis.txt" || true
    [[ $(grep -c '^view ' "$OUT/qgis.txt") -eq 3 ]] && QGIS_OK=1
elif [[ $SKIP_QGIS -eq 0 ]]; then
    echo "== QGIS not measured: no Python bindings (Debian: apt install python3-qgis)"
fi

median() { awk -v k="$2" '$1 == "view" && $2 == k { for (i = 3; i < NF; i += 2) if ($i == "median_ms") print $(i + 1) }' "$1"; }
FAIL=0
printf '\n%-10s %12s %12s %10s %8s\n' view "Tanhui ms" "QGIS ms" "QGIS/T" target
for kind in full 1:50000 1:5000; do
    t="$(median "$OUT/tanhui.txt" "$kind")"
    q="NA"; ratio="NA"
    [[ $QGIS_OK -eq 1 ]] && q="$(median "$OUT/qgis.txt" "$kind")"
    [[ "$q" != "NA" && -n "$q" ]] && ratio="$(awk -v a="$q" -v b="$t" 'BEGIN { printf "%.2f", a / b }')"
    case "$kind" in
        full) limit=$TARGET_FULL_MS ;;
        1:50000) limit=$([[ "$q" != NA && -n "$q" ]] && echo "$q" || echo 45) ;;
        1:5000) limit=$([[ "$q" != NA && -n "$q" ]] && echo "$q" || echo 15) ;;
    esac
    verdict="$(awk -v a="$t" -v b="$limit" 'BEGIN { print (a <= b) ? "PASS" : "FAIL" }')"
    [[ "$verdict" == PASS ]] || FAIL=1
    printf '%-10s %12s %12s %10s %8s  (<= %s ms)\n' "$kind" "$t" "$q" "$ratio" "$verdict" "$limit"
done
grep '^peak_rss_mb' "$OUT/tanhui.txt" || true
exit $FAIL
