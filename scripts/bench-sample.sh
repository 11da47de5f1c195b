#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Times the generation of the sample project (tanhui-cli sample) with /usr/bin/time and prints wall
# time and peak memory against the targets: small < 30 s, city < 180 s (on 2 cores).
#
#   scripts/bench-sample.sh [--build-dir DIR] [--only small|city]
#
# Uses build/release/app/cli/tanhui-cli by default (build it first, e.g. with scripts/demo.sh).
# Writes to a temporary folder that is removed afterwards. Exit status 0 when every target passes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build/release"
ONLY=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --build-dir) BUILD="$(cd "${2:?}" && pwd)"; shift 2 ;;
        --only) ONLY="${2:?}"; shift 2 ;;
        -h|--help) sed -n '4,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-sample.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
CLI="$BUILD/app/cli/tanhui-cli"
[[ -x "$CLI" ]] || { echo "bench-sample.sh: $CLI not found; build first" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench-sample.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
status=0
echo "bench-sample: $(nproc) cores, $CLI"
for spec in small:30 city:180; do
    size="${spec%%:*}" target="${spec##*:}"
    [[ -z "$ONLY" || "$ONLY" == "$size" ]] || continue
    /usr/bin/time -f "%e %M" -o "$TMP/time.txt" "$CLI" sample --out "$TMP/$size" --size "$size" --quiet
    read -r wall kb < "$TMP/time.txt"
    mb=$((kb / 1024))
    verdict=$(awk -v w="$wall" -v t="$target" 'BEGIN { print (w < t) ? "PASS" : "FAIL" }')
    [[ $verdict == PASS ]] || status=1
    printf "bench-sample: %-5s %7.1f s (target < %d s) %s, peak %d MB, %s on disk\n" \
        "$size" "$wall" "$target" "$verdict" "$mb" "$(du -sh "$TMP/$size" | cut -f1)"
    rm -rf "${TMP:?}/$size"
done
exit $status
