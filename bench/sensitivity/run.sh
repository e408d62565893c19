#!/usr/bin/env bash
# Benchmark of `guarantor sensitivity` against a plain `guarantor simulate` in the same run
# (never part of the tests). Reports:
#   1. the cost per replication inside a sensitivity run over the cost per replication of simulate,
#      both on one thread, the start-up (load + plan) of each measured with one replication and
#      subtracted (issue: within 1.5x);
#   2. with FULL=1, the wall time of the issue's analysis: Sobol', N = 512, 1,000 replications a
#      point, on every core (issue: under 10 minutes on 2 cores).
# Usage: bench/sensitivity/run.sh [BUILD_DIR] [SCENARIO]
set -euo pipefail
build=${1:-build}
scenario=${2:-data/scenarios/mnf-ukraine.yaml}
cli="$build/guarantor"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# CPU seconds (user + system) of a command.
cpu() { /usr/bin/time -f "%U %S" "$@" > /dev/null 2> "$out/time" || { cat "$out/time"; exit 1; }
        tail -1 "$out/time" | awk '{print $1 + $2}'; }

reps=2000
sens_start=$(cpu "$cli" sensitivity "$scenario" --method oat --replications 1 --threads 1 --out "$out/t0")
sens_full=$(cpu "$cli" sensitivity "$scenario" --method oat --replications "$reps" --threads 1 --out "$out/t1")
# The design's size as the run reports it (every assumption and pledge draw, low and high, plus the centre).
points=$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["design"]["points"])' "$out/t1/sensitivity.json")
total=$(( points * reps ))
echo "one-at-a-time design: $points points x $reps replications = $total replications"

sim_start=$(cpu "$cli" simulate "$scenario" --replications 1 --threads 1 --out "$out/s0")
sim_full=$(cpu "$cli" simulate "$scenario" --replications "$total" --threads 1 --out "$out/s1")
/usr/bin/python3 - "$total" "$sim_start" "$sim_full" "$sens_start" "$sens_full" <<'PY'
import sys
total, s0, s1, t0, t1 = (float(x) for x in sys.argv[1:])
sim = (s1 - s0) / total * 1e6
sens = (t1 - t0) / total * 1e6
print(f"simulate:    {sim:.2f} us of CPU per replication ({s1:.2f} s, start-up {s0:.2f} s)")
print(f"sensitivity: {sens:.2f} us of CPU per replication ({t1:.2f} s, start-up {t0:.2f} s)")
print(f"ratio sensitivity / simulate: {sens / sim:.2f}x (issue: within 1.5x)")
PY

if [ "${FULL:-0}" = 1 ]; then
  start=$(date +%s.%N)
  "$cli" sensitivity "$scenario" --samples 512 --replications 1000 --out "$out/full" > /dev/null
  end=$(date +%s.%N)
  /usr/bin/python3 -c "print(f'Sobol N=512, 1,000 replications a point, every core: {$end - $start:.0f} s wall (issue: under 600 s)')"
fi
