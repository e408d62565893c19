#!/usr/bin/env bash
# End-to-end test of the main job as a reader sees it: `guarantor run` on the shipped default
# scenario, then report.html opened in headless Chromium (tests/report/check_report.mjs).
# Usage: run_report_test.sh GUARANTOR_BINARY OUTPUT_DIR
set -euo pipefail
binary=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out"
"$binary" run --replications 2000 --seed 7 --out "$out" > "$out/run.stdout" 2> "$out/run.stderr" || {
  echo "guarantor run failed:"; cat "$out/run.stderr"; exit 1; }
for file in plan.json plan.md laydown.geojson coverage.json laydown-required.geojson coverage-required.json map.svg simulation.json simulation.md sensitivity.json report.html; do
  [ -s "$out/$file" ] || { echo "guarantor run did not write $file"; exit 1; }
done
grep -q "^Report: $out/report.html" "$out/run.stdout" || { echo "run did not say where the report is"; cat "$out/run.stdout"; exit 1; }
# The keys the assumptions register must list: every row `guarantor params` gives for the run.
"$binary" params --json > "$out/params.json"
node "$here/check_report.mjs" "$out/report.html" "$out/report.png" --expect-simulation --expect-plan --expect-laydown --expect-sensitivity \
  --params "$out/params.json"
echo "screenshot: $out/report.png"
