#!/usr/bin/python3
"""simulate and sensitivity under `mpirun -np 2` write the results one process writes, bit for bit.

Runs each command once in one process and once on two ranks (--threads 1 both, as the issue's
done-when says) and compares:
  simulation.json   every field except mpi_ranks (1 vs 2) byte for byte, in particular replications,
                    seed, survival, escalation, casualties, withdrawals, troops_in_theatre and
                    variants[]; the whole file with the mpi_ranks line taken out; simulation.md
  sensitivity.json  every field except mpi_ranks, and the file without that line
Then the failure paths: a rank that fails ends the whole run with a non-zero status and a
message (the run must not hang; ctest's TIMEOUT is the guard, no timing is asserted).

Usage: mpi_equivalence.py --cli build/guarantor --mpirun /usr/bin/mpirun --scenario FILE
Exit 0 when everything matches, 1 otherwise.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

RESULT_FIELDS = ["replications", "seed", "survival", "escalation", "casualties", "withdrawals",
                 "troops_in_theatre", "variants"]
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL: " + message, file=sys.stderr)
    return condition


def run(args, expect_ok=True):
    print("+ " + " ".join(args), flush=True)
    proc = subprocess.run(args, capture_output=True, text=True, timeout=600)
    if expect_ok and proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def without_mpi_ranks(text):
    return "".join(line for line in text.splitlines(keepends=True) if '"mpi_ranks"' not in line)


def compare(name, one_dir, two_dir, fields):
    with open(os.path.join(one_dir, name), encoding="utf-8") as f:
        one_text = f.read()
    with open(os.path.join(two_dir, name), encoding="utf-8") as f:
        two_text = f.read()
    one, two = json.loads(one_text), json.loads(two_text)
    check(one.get("mpi_ranks") == 1, f"{name}: one process records mpi_ranks {one.get('mpi_ranks')}, not 1")
    check(two.get("mpi_ranks") == 2, f"{name}: two ranks record mpi_ranks {two.get('mpi_ranks')}, not 2")
    for field in fields:
        check(field in one, f"{name}: '{field}' is missing")
        check(json.dumps(one.get(field)) == json.dumps(two.get(field)), f"{name}: '{field}' differs under mpirun")
    check(set(one) == set(two), f"{name}: the fields differ: {sorted(set(one) ^ set(two))}")
    for field in sorted(set(one) & set(two) - {"mpi_ranks"}):
        check(json.dumps(one[field]) == json.dumps(two[field]), f"{name}: '{field}' differs under mpirun")
    check(without_mpi_ranks(one_text) == without_mpi_ranks(two_text),
          f"{name}: the files differ beyond mpi_ranks")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--mpirun", required=True)
    parser.add_argument("--scenario", required=True)
    o = parser.parse_args()
    mpirun = [o.mpirun, "--allow-run-as-root", "--oversubscribe", "-np", "2"]
    with tempfile.TemporaryDirectory(prefix="guarantor-mpi-") as tmp:
        def out(name):
            return os.path.join(tmp, name)

        # simulate: two variants (paired comparisons), an odd count so the ranks' shares differ.
        simulate = [o.cli, "simulate", o.scenario, "--variant", "base", "--variant", "iiss-small",
                    "--replications", "3001", "--threads", "1"]
        run(simulate + ["--out", out("sim1")])
        run(mpirun + simulate + ["--out", out("sim2")])
        compare("simulation.json", out("sim1"), out("sim2"), RESULT_FIELDS)
        with open(out("sim1/simulation.md"), "rb") as a, open(out("sim2/simulation.md"), "rb") as b:
            check(a.read() == b.read(), "simulation.md differs under mpirun")

        # Fewer replications than ranks: rank 1 has nothing to run, and still merges.
        tiny = [o.cli, "simulate", o.scenario, "--replications", "1", "--threads", "1"]
        run(tiny + ["--out", out("tiny1")])
        run(mpirun + tiny + ["--out", out("tiny2")])
        compare("simulation.json", out("tiny1"), out("tiny2"), RESULT_FIELDS)

        # sensitivity: design points handed out dynamically; Sobol' and Morris.
        for method, samples in (("sobol", "8"), ("morris", "6")):
            sens = [o.cli, "sensitivity", o.scenario, "--method", method, "--samples", samples,
                    "--replications", "40", "--threads", "1", "--parameters", "simulation.*"]
            run(sens + ["--out", out(f"{method}1")])
            run(mpirun + sens + ["--out", out(f"{method}2")])
            compare("sensitivity.json", out(f"{method}1"), out(f"{method}2"),
                    ["design", "parameters", "by_output", "headline", "tornado", "prim"])

        # A rank that fails ends the run: rank 0 cannot write its output after the others finished.
        failed = run(mpirun + tiny + ["--out", "/dev/null/not-a-folder"], expect_ok=False)
        check(failed.returncode != 0, "a failing rank 0 left mpirun with status 0")
        check("cannot write" in failed.stderr, "no message says why the run failed:\n" + failed.stderr)
        # Every rank fails on invalid input: exit status 2, the message printed.
        bad = run(mpirun + [o.cli, "simulate", out("missing.yaml"), "--threads", "1"], expect_ok=False)
        check(bad.returncode == 2, f"invalid input under mpirun exits {bad.returncode}, not 2")
        check("missing.yaml" in bad.stderr, "the invalid input is not named:\n" + bad.stderr)
        # --shard is for separate processes; under mpirun it is refused.
        shard = run(mpirun + tiny + ["--shard", "1/2", "--out", out("shard")], expect_ok=False)
        check(shard.returncode == 2, f"--shard under mpirun exits {shard.returncode}, not 2")
    if FAILURES:
        print(f"{len(FAILURES)} failures", file=sys.stderr)
        return 1
    print("mpirun -np 2 writes the results of one process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
