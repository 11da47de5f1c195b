#!/usr/bin/env bash
# Fixture sample_results_setup: one carbon project run of the test sample with a small Monte Carlo
# (30 iterations, seed 42, ±20 % default uncertainty, so the totals carry 95 % bounds) and the GEP run on
# it, written once per ctest run into TANHUI_TEST_RESULTS/{carbon,gep} for the GUI tests that read
# results (tst_resultsdock, tst_resultcharts, tst_analysis_gui), instead of each running its own.
#
#   tests/sample_results.sh CLI SAMPLE_DIR RESULTS_DIR
set -euo pipefail
CLI="$1"
PROJECT="$2/project.tanhui.json"
OUT="$3"
rm -rf "$OUT"
mkdir -p "$OUT"
"$CLI" carbon --project "$PROJECT" --out "$OUT/carbon" --uncertainty --iterations 30 --seed 42 \
  --default-uncertainty 20 --quiet
"$CLI" gep --project "$PROJECT" --carbon-results "$OUT/carbon" --out "$OUT/gep" --quiet
"$CLI" plan --project "$PROJECT" --plan mangrove_2026 --carbon-results "$OUT/carbon" --gep --out "$OUT/plan" \
  --quiet
