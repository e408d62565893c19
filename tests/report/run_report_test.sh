#!/usr/bin/env bash
# End-to-end test of the main job as a reader sees it: `guarantor run` on the shipped default
# scenario, then report.html opened in headless Chromium (tests/report/check_report.mjs).
# Usage: run_report_test.sh GUARANTOR_BINARY OUTPUT_DIR
set -euo pipefail
binary=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
scenario="$here/../../data/scenarios/mnf-ukraine.yaml"
rm -rf "$out"
mkdir -p "$out"
"$binary" run --replications 2000 --seed 7 --out "$out" > "$out/run.stdout" 2> "$out/run.stderr" || {
  echo "guarantor run failed:"; cat "$out/run.stderr"; exit 1; }
for file in plan.json plan.md laydown.geojson coverage.json laydown-required.geojson coverage-required.json map.svg simulation.json simulation.md sensitivity.json reference_classes.json report.html; do
  [ -s "$out/$file" ] || { echo "guarantor run did not write $file"; exit 1; }
done
grep -q "^Report: $out/report.html" "$out/run.stdout" || { echo "run did not say where the report is"; cat "$out/run.stdout"; exit 1; }
grep -q "^Headline under each reference class" "$out/run.stdout" || { echo "run did not print the reference-class table"; cat "$out/run.stdout"; exit 1; }
# reference_classes.json: three classes, the scenario's one marked; with as many replications as the
# main run and the same seed, its P(holds) is the main run's base (planned) to the last replication,
# and so is the evidence-only variant's.
node "$here/check_reference_classes.mjs" "$out/reference_classes.json" "$out/simulation.json"
# The keys the assumptions register must list: every row `guarantor params` gives for the run.
"$binary" params --json > "$out/params.json"
node "$here/check_report.mjs" "$out/report.html" "$out/report.png" --expect-simulation --expect-plan --expect-laydown --expect-sensitivity \
  --expect-reference-classes --expect-evidence-only --expect-term-charts --expect-notional --params "$out/params.json"
echo "screenshot: $out/report.png"
# The same page from a simulation.json without the per-variant outputs of issue 12 (an older engine)
# and without reference classes: those charts say so and nothing else breaks.
node -e '
  const fs = require("fs");
  const sim = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  for (const v of sim.variants) { delete v.deterrence_terms; delete v.failures_by_level; delete v.air_incursions; }
  fs.writeFileSync(process.argv[2], JSON.stringify(sim));' "$out/simulation.json" "$out/simulation-older.json"
"$binary" report "$scenario" --plan "$out/plan.json" --coverage "$out/coverage.json" --laydown "$out/laydown.geojson" \
  --simulation "$out/simulation-older.json" --out "$out/report-older.html" > /dev/null
node "$here/check_report.mjs" "$out/report-older.html" "$out/report-older.png" --expect-simulation --expect-plan --expect-no-term-charts
