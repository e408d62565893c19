#!/bin/sh
# Simulation benchmark: C++ engine vs threads and days, vs drawing the same random numbers alone,
# vs the NumPy baseline, and the baseline's agreement with the engine in distribution.
# Usage: bench/sim/run.sh [BUILD_DIR] [SCENARIO] [REPLICATIONS]
# Environment: NUMPY_REPS (default 5000) replications of the NumPy baseline; PAIRS (default 5)
# back-to-back engine/NumPy timing pairs for their ratio; VARIANT (default base)
# the scenario variant; ALL_CHANNELS=1 turns on the US backstop and an air shield (sim_bench
# all-channels) to check agreement on the channels the default scenario leaves off.
set -eu
BUILD=${1:-build}
SCENARIO=${2:-data/scenarios/mnf-ukraine.yaml}
REPS=${3:-100000}
NUMPY_REPS=${NUMPY_REPS:-5000}
VARIANT=${VARIANT:-base}
CHANNELS=""
[ "${ALL_CHANNELS:-0}" = 1 ] && CHANNELS=all-channels
# One BLAS/OpenMP thread, so NumPy is timed on one core like the C++ single-thread run.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
MODEL=$(mktemp /tmp/guarantor-sim-model.XXXXXX.json)
trap 'rm -f "$MODEL"' EXIT
"$BUILD/bench/sim/sim_bench" "$SCENARIO" "$REPS" "$MODEL" "$VARIANT" $CHANNELS | tee /tmp/guarantor-sim-bench.txt
/usr/bin/python3 "$(dirname "$0")/numpy_baseline.py" "$MODEL" "$NUMPY_REPS" | tee /tmp/guarantor-numpy-bench.txt
ratio=$(sed -n 's/.*ratio_sim_to_draws=\([0-9.]*\).*/\1/p' /tmp/guarantor-sim-bench.txt)
z=$(sed -n 's/.*max_abs_z=\([0-9.]*\).*/\1/p' /tmp/guarantor-numpy-bench.txt)
# The engine against NumPy in back-to-back pairs (the host's speed drifts by 10-30 % over the
# minutes the runs above take, so a ratio of two timings minutes apart measures the drift too):
# PAIRS rounds (default 5) of the engine's one-thread run and the NumPy run, the median ratio.
PAIRS=${PAIRS:-5}
: > /tmp/guarantor-sim-pairs.txt
for i in $(seq "$PAIRS"); do
  cpp=$("$BUILD/bench/sim/sim_bench" "$SCENARIO" "$REPS" "" "$VARIANT" $CHANNELS time-only |
        sed -n 's/.*cpp_1thread_reps_per_cpu_s=\([0-9.]*\).*/\1/p')
  numpy=$(/usr/bin/python3 "$(dirname "$0")/numpy_baseline.py" "$MODEL" "$NUMPY_REPS" |
          sed -n 's/.*numpy_reps_per_cpu_s=\([0-9.]*\).*/\1/p')
  echo "$cpp $numpy $(echo "$cpp / $numpy" | bc -l)" >> /tmp/guarantor-sim-pairs.txt
  printf 'pair %d: engine %s, NumPy %s replications per CPU-second\n' "$i" "$cpp" "$numpy"
done
pairs=$(sort -k3 -g /tmp/guarantor-sim-pairs.txt | awk '{r[NR]=$3} END {m=(NR%2)?r[(NR+1)/2]:(r[NR/2]+r[NR/2+1])/2; printf "%.1fx (lowest %.1f, highest %.1f, %d pairs)", m, r[1], r[NR], NR}')
echo "simulation time / time to draw the same variates alone: ${ratio}x (target <= 3)"
echo "C++ one core / NumPy one core (CPU time), median of back-to-back pairs: ${pairs} (target >= 100)"
echo "NumPy vs engine, largest |z| over P(hold), fatalities and incident means: ${z} (daily steps; about 3 or less expected)"
