#!/usr/bin/env bash
# The one test command (CI runs it through .ci/run). Two builds, see docs/testing.md:
#  1. preset ci (gcc, Release, warnings are errors): the whole suite, including the sample-project tests;
#     arguments are passed to this ctest (e.g. -R tst_params);
#  2. preset asan (clang, ASan + UBSan, libFuzzer targets, no GUI): the tests labelled `unit` (all but
#     the sample-project ones) and `fuzz` (short fuzz runs and replays of the committed inputs).
#     TANHUI_SKIP_SANITIZE=1 skips this part.
# Real-data tests read ../shared/data next to the repository; under CI=true they must not skip.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
start=$(date +%s)
scripts/setup.sh ci
(cd build/ci && ctest --output-on-failure -j "$(nproc)" "$@") || status=1
echo "test: ci build and suite took $(($(date +%s) - start)) s"
if [ "${TANHUI_SKIP_SANITIZE:-0}" != "1" ]; then
  start=$(date +%s)
  scripts/setup.sh asan
  (cd build/asan && ctest --output-on-failure -j "$(nproc)" -L 'unit|fuzz') || status=1
  echo "test: sanitizer build and its tests took $(($(date +%s) - start)) s"
fi
exit $status
