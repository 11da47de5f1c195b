#!/usr/bin/env bash
# Fuzzes every libFuzzer target of tests/fuzz for SECONDS each (default 300), one after the other, in the
# sanitizer build (preset asan: clang, ASan + UBSan, TANHUI_FUZZ), which it configures and builds first.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     TARGET: params project dates coverage (default: all)
#
# New interesting inputs are kept in build/asan/tests/fuzz/corpus/<target>/ (reused by the next run);
# a crash or a broken property stops the target and leaves the input in
# build/asan/tests/fuzz/artifacts/<target>/ (crash-*, leak-*, timeout-*). To turn it into a regression
# test: fix the bug, then copy the input to tests/fuzz/regressions/<target>/ (ctest fuzz_replay_<target>
# replays it in every build). Exit status: 0 when no target failed. See docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH="${1:-300}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(params project dates coverage)

cmake --preset asan -G Ninja >/dev/null
cmake --build build/asan -j "$(nproc)" --target "${TARGETS[@]/#/fuzz_}"

export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen
failed=()
for t in "${TARGETS[@]}"; do
  work="build/asan/tests/fuzz/corpus/$t"
  artifacts="build/asan/tests/fuzz/artifacts/$t"
  mkdir -p "$work" "$artifacts"
  echo "fuzz: $t for ${SECONDS_EACH}s"
  if ! "build/asan/tests/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=3072 \
      -print_final_stats=1 -artifact_prefix="$artifacts/" \
      "$work" "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t"; then
    echo "fuzz: $t FAILED; the input is in $artifacts/" >&2
    failed+=("$t")
  fi
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: all ${#TARGETS[@]} targets ran ${SECONDS_EACH}s without a failure"
