#!/bin/bash
# A stand-in for sbatch in tests/mpi/slurm_array_test.sh: runs the batch script at once (an array
# as its tasks in order, with SLURM_ARRAY_TASK_ID), with the variables of --export, and prints a job
# id as `sbatch --parsable` does. Dependencies are met by running in order; the script's own output
# goes to stderr. Records every call in $FAKE_SBATCH_LOG.
set -euo pipefail
array="" exports="" script=""
for a in "$@"; do
  case "$a" in
    --array=*) array="${a#--array=}" ;;
    --export=*) exports="${a#--export=}" ;;
    -*) ;;
    *) script="$a" ;;
  esac
done
echo "sbatch $*" >>"${FAKE_SBATCH_LOG:-/dev/null}"
IFS=',' read -ra pairs <<<"$exports"
for pair in "${pairs[@]}"; do [ "$pair" = ALL ] || export "${pair?}"; done
if [ -n "$array" ]; then
  IFS=',' read -ra ranges <<<"$array"
  for range in "${ranges[@]}"; do
    for ((i = ${range%-*}; i <= ${range#*-}; i++)); do SLURM_ARRAY_TASK_ID=$i bash "$script" >&2 || true; done
  done
else
  bash "$script" >&2 || true
fi
echo "$$"
