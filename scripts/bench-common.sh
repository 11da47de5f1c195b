# SPDX-License-Identifier: GPL-3.0-or-later
#
# Shared parts of the city-scale benchmarks (sourced by scripts/bench.sh and scripts/bench-carbon.sh;
# see docs/benchmark.md). Callers set ROOT, BUILD, DO_BUILD, SIZE, PARCELS, SEED and define die().

# bench_build: configures and builds the release preset when DO_BUILD is 1.
bench_build() {
    if [[ $DO_BUILD -eq 1 ]]; then
        echo "== building the release preset"
        (cd "$ROOT" && { [[ -f "$BUILD/CMakeCache.txt" ]] || cmake --preset release; } \
            && cmake --build --preset release -j"$(nproc)") >&2 || die "release build failed"
    fi
}

# bench_scene: generates (once, cached in build/bench-data) the scene of SIZE/PARCELS/SEED with
# tanhui-bench-scene and sets DATA, R1, R2 and PARCELS_GPKG.
bench_scene() {
    local scene_bin="$BUILD/tests/bench/tanhui-bench-scene"
    [[ -x "$scene_bin" ]] || die "bench tools missing in $BUILD/tests/bench"
    DATA="$ROOT/build/bench-data"
    if [[ $SIZE -ne 8600 || $PARCELS -ne 100000 || $SEED -ne 1 ]]; then
        DATA="$DATA/s$SIZE-p$PARCELS-seed$SEED"
    fi
    R1="$DATA/landcover_2015.tif"
    R2="$DATA/landcover_2024.tif"
    PARCELS_GPKG="$DATA/parcels.gpkg"
    echo "== scene in $DATA"
    "$scene_bin" --out "$DATA" --size "$SIZE" --parcels "$PARCELS" --seed "$SEED" 2>/dev/null \
        || die "scene generation failed"
    local f
    for f in "$R1" "$R2" "$PARCELS_GPKG"; do
        printf '   %-60s %8.1f MB\n' "$f" "$(awk -v b="$(stat -c %s "$f")" 'BEGIN { print b / 1048576 }')"
    done
}

# measure NAME CMD...: runs CMD under /usr/bin/time, appends "wall maxrss_kb" to $OUT/NAME.time.
measure() {
    local name="$1"; shift
    if ! /usr/bin/time -f '%e %M' -a -o "$OUT/$name.time" "$@" >>"$OUT/$name.log" 2>&1; then
        echo "   $name failed; last lines of its log:" >&2
        tail -n 15 "$OUT/$name.log" >&2
        return 1
    fi
}

# best NAME: "best_wall max_peak_mb" over the runs recorded in $OUT/NAME.time
best() {
    awk 'NF == 2 && $1 ~ /^[0-9.]+$/ { if (w == "" || $1 < w) w = $1; if ($2 > m) m = $2 }
         END { if (w == "") print "NA NA"; else printf "%.2f %.0f\n", w, m / 1024 }' "$OUT/$1.time"
}
