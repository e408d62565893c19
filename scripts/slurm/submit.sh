#!/bin/bash
# Submits a sharded simulation to Slurm: a job array of SHARDS tasks (simulate-shard.sbatch) and a
# merge job (merge.sbatch) that starts when every task has succeeded.
#
#   scripts/slurm/submit.sh SCENARIO REPLICATIONS SHARDS OUT [SEED] [-- sbatch flags...]
#   scripts/slurm/submit.sh --rerun LIST SCENARIO REPLICATIONS SHARDS OUT [SEED]  # shards LIST (3,37,80-82) alone, then merge
#   scripts/slurm/submit.sh --merge-only SHARDS OUT
#
# Example, 10^9 replications on 100 nodes: submit.sh data/scenarios/mnf-ukraine.yaml 1000000000 100 /scratch/run1
# Environment: GUARANTOR (default build/guarantor, absolute paths are safest on a cluster),
# VARIANTS, EXTRA, as in simulate-shard.sbatch. SEED defaults to 20260227 (write it down: the
# shards of one run must share it, and a re-run must use it again).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${GUARANTOR:=$(pwd)/build/guarantor}"

usage() { sed -n '2,13p' "$0" >&2; exit 2; }  # the comment above

submit_merge() {  # SHARDS OUT [dependency]
  local dependency=()
  [ -n "${3:-}" ] && dependency=(--dependency="afterok:$3")
  sbatch --parsable "${dependency[@]}" --export="ALL,GUARANTOR=$GUARANTOR,SHARDS=$1,OUT=$2" "$here/merge.sbatch"
}

case "${1:-}" in
  --merge-only)
    [ $# -eq 3 ] || usage
    submit_merge "$2" "$3"
    exit 0
    ;;
  --rerun)
    [ $# -ge 6 ] || usage
    array="$2"; shift 2
    ;;
  ""|-h|--help) usage ;;
  *) array="" ;;
esac

[ $# -ge 4 ] || usage
scenario="$1" replications="$2" shards="$3" out="$4" seed="${5:-20260227}"
shift $(( $# >= 5 ? 5 : 4 ))
[ "${1:-}" = "--" ] && shift
array="${array:-1-$shards}"
mkdir -p "$out/shards"
exports="ALL,GUARANTOR=$GUARANTOR,SCENARIO=$scenario,REPLICATIONS=$replications,SEED=$seed,SHARDS=$shards,OUT=$out"
exports+=",VARIANTS=${VARIANTS:-},EXTRA=${EXTRA:-}"
job=$(sbatch --parsable --array="$array" --export="$exports" "$@" "$here/simulate-shard.sbatch")
job="${job%%;*}"  # --parsable prints JOBID[;CLUSTER]
merge=$(submit_merge "$shards" "$out" "$job")
echo "array job $job (tasks $array), merge job $merge: results in $out/simulation.json"
