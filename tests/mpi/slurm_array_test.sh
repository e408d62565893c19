#!/bin/bash
# The Slurm scripts without Slurm (tests/mpi/fake_sbatch.sh runs each batch script at once):
# submit.sh runs a 3-task array and the merge; shard 2 is then lost as a failed task would lose it,
# merge.sbatch must refuse, `submit.sh --rerun 2` re-runs it alone (the same bits as before) and
# merges again; simulation.json and simulation.md must equal one process's byte for byte.
# Usage: slurm_array_test.sh GUARANTOR SOURCE_DIR
set -euo pipefail
guarantor="$1" source_dir="$2"
tmp="$(mktemp -d /tmp/guarantor-slurm-test.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
slurm="$source_dir/scripts/slurm"
mkdir -p "$tmp/bin"
ln -s "$source_dir/tests/mpi/fake_sbatch.sh" "$tmp/bin/sbatch"
export PATH="$tmp/bin:$PATH" FAKE_SBATCH_LOG="$tmp/sbatch.log" GUARANTOR="$guarantor" VARIANTS="base iiss-small" \
  SLURM_CPUS_PER_TASK=1
scenario="$source_dir/data/scenarios/mnf-ukraine.yaml" out="$tmp/run"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$slurm/submit.sh" "$scenario" 2001 3 "$out" 7 -- --partition=test 2>"$tmp/submit.log" ||
  fail "submit.sh failed: $(cat "$tmp/submit.log")"
grep -q -- "--array=1-3 .*--partition=test" "$tmp/sbatch.log" || fail "the array was not submitted as 1-3 with the sbatch flags"
grep -q -- "--dependency=afterok:" "$tmp/sbatch.log" || fail "the merge job does not depend on the array"
"$guarantor" simulate "$scenario" --variant base --variant iiss-small --replications 2001 --seed 7 --threads 1 \
  --out "$tmp/one" >/dev/null
cmp "$tmp/one/simulation.json" "$out/simulation.json" || fail "merged simulation.json differs from one process's"

# Task 2 failed: its shard is missing; the merge refuses and writes nothing.
shard2="$out/shards/simulation-shard-2-of-3.json"
mv "$shard2" "$tmp/shard2-first.json"
rm "$out/simulation.json" "$out/simulation.md"
if SHARDS=3 OUT="$out" "$slurm/merge.sbatch" >"$tmp/merge.log" 2>&1; then fail "merge succeeded without shard 2"; fi
grep -q "simulation-shard-2-of-3" "$tmp/merge.log" || fail "the refused merge does not name the missing shard: $(cat "$tmp/merge.log")"
[ ! -f "$out/simulation.json" ] || fail "merge wrote simulation.json without shard 2"

# Re-run task 2 alone: the same shard file, and the merge of one process's bits.
"$slurm/submit.sh" --rerun 2 "$scenario" 2001 3 "$out" 7 2>"$tmp/rerun.log" || fail "rerun failed: $(cat "$tmp/rerun.log")"
cmp "$shard2" "$tmp/shard2-first.json" || fail "the re-run shard differs from the first run"
cmp "$tmp/one/simulation.json" "$out/simulation.json" || fail "re-merged simulation.json differs from one process's"
cmp "$tmp/one/simulation.md" "$out/simulation.md" || fail "re-merged simulation.md differs from one process's"
echo "3 array shards, shard 2 re-run alone, merged: the bits of one process"
