#!/bin/sh
# MPI benchmark (never a test): parallel efficiency of `mpirun -np 2 ... --threads 1` against one
# process with --threads 1, for simulate (10^6 replications) and a sensitivity run, plus the costs
# docs/dev/scaling.md projects a cluster from: per replication, per design point, setup, launch,
# merge per shard and the size of the messages. Target: efficiency >= 90 %.
# Usage: bench/mpi/run.sh [BUILD_DIR] [SCENARIO]
#   REPS (1000000) SENS_SAMPLES (64) SENS_REPS (200) REPEAT (3: pairs, and best of) NP (2) override the sizes;
#   MPIRUN_FLAGS adds flags to every mpirun (e.g. "--mca pml ob1 --mca btl self,vader" on one node).
# The efficiency is wall time, so run it on an otherwise idle machine; the load average is printed.
set -eu
BUILD=${1:-build}
SCENARIO=${2:-data/scenarios/mnf-ukraine.yaml}
exec /usr/bin/python3 "$(dirname "$0")/scaling.py" --cli "$BUILD/guarantor" --scenario "$SCENARIO" \
  --replications "${REPS:-1000000}" --sens-samples "${SENS_SAMPLES:-64}" --sens-replications "${SENS_REPS:-200}" \
  --repeat "${REPEAT:-3}" --np "${NP:-2}"
