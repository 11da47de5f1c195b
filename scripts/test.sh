#!/usr/bin/env bash
# Sets up, builds (warnings are errors) and runs the whole test suite with ctest.
# Real-data tests read ../shared/data next to the repository; under CI=true they must not skip.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh ci
cd build/ci
ctest --output-on-failure -j "$(nproc)" "$@"
