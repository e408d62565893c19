#!/usr/bin/python3
"""Measures what an MPI run of guarantor costs and how well two ranks share the work (bench/mpi/run.sh).

Prints key=value lines (the inputs of docs/dev/scaling.md) and the two efficiencies
T(1 process) / (np x T(np ranks)), each the median of --repeat pairs of runs made back to back
(the costs are the best of --repeat runs), every run with --threads 1.
"""

import argparse
import glob
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time


def timed(args):
    """Wall seconds and CPU seconds (user + system, children included) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(args)}\n{proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def best(args, repeat):
    runs = [timed(args) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def paired(one_args, ranks_args, repeat, np_):
    """One process and the ranks run alternately, `repeat` pairs: the machine's speed drifts by
    tens of percent over minutes on a shared host, so each efficiency compares a pair of runs
    made back to back. Returns the best wall and CPU times of each side and the pairs' median and
    lowest efficiency."""
    ones, ranks, effs = [], [], []
    for _ in range(repeat):
        ones.append(timed(one_args))
        ranks.append(timed(ranks_args))
        effs.append(ones[-1][0] / (np_ * ranks[-1][0]))
    effs.sort()
    median = effs[len(effs) // 2] if len(effs) % 2 else (effs[len(effs) // 2 - 1] + effs[len(effs) // 2]) / 2
    return (min(r[0] for r in ones), min(r[1] for r in ones), min(r[0] for r in ranks), min(r[1] for r in ranks),
            median, effs[0])


def compact_size(path):
    with open(path, encoding="utf-8") as f:
        return len(json.dumps(json.load(f), separators=(",", ":")))


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cli", required=True)
    p.add_argument("--scenario", required=True)
    p.add_argument("--replications", type=int, default=1000000)
    p.add_argument("--sens-samples", type=int, default=64)
    p.add_argument("--sens-replications", type=int, default=200)
    p.add_argument("--repeat", type=int, default=2)
    p.add_argument("--np", type=int, default=2)
    o = p.parse_args()
    launcher = [shutil.which("mpirun") or "mpirun", "--allow-run-as-root", "--oversubscribe", "-np", str(o.np)]
    mpirun = launcher + os.environ.get("MPIRUN_FLAGS", "").split()
    tmp = tempfile.mkdtemp(prefix="guarantor-mpi-bench-")
    print(f"cores={os.cpu_count()} np={o.np} mpirun_flags='{os.environ.get('MPIRUN_FLAGS', '')}' "
          f"load_average_before={load()}")

    # --- what starting MPI costs: mpirun alone, then with MPI_Init/Finalize (the default
    # transports, and shared memory only as on one node)
    bare, _ = best(launcher + ["true"], o.repeat)
    init_default, _ = best(launcher + [o.cli, "--version"], o.repeat)
    init_shm, _ = best(launcher + ["--mca", "pml", "ob1", "--mca", "btl", "self,vader", o.cli, "--version"], o.repeat)
    print(f"mpirun_true_s={bare:.3f} mpirun_mpi_init_default_s={init_default:.3f} "
          f"mpirun_mpi_init_shared_memory_s={init_shm:.3f}")

    # --- simulate
    sim = [o.cli, "simulate", o.scenario, "--threads", "1"]
    setup_wall, _ = best(sim + ["--replications", "1", "--out", f"{tmp}/s0"], o.repeat)
    t1, c1, tn, cn, sim_eff, sim_low = paired(sim + ["--replications", str(o.replications), "--out", f"{tmp}/s1"],
                                              mpirun + sim + ["--replications", str(o.replications), "--out", f"{tmp}/s2"],
                                              o.repeat, o.np)
    launch_wall, _ = best(mpirun + sim + ["--replications", str(o.np), "--out", f"{tmp}/s3"], o.repeat)
    per_rep = (t1 - setup_wall) / o.replications
    print(f"simulate_replications={o.replications} setup_s={setup_wall:.3f} one_process_s={t1:.3f} "
          f"one_process_cpu_s={c1:.3f} ranks_s={tn:.3f} ranks_cpu_s={cn:.3f}")
    print(f"simulate_per_replication_us={per_rep * 1e6:.3f} mpirun_setup_and_launch_s={launch_wall:.3f}")

    # Message size (a rank's record as compact JSON) and the merge cost per shard.
    shards_small = f"{tmp}/shards2"
    for i in (1, 2):
        timed(sim + ["--replications", str(o.replications), "--shard", f"{i}/2", "--out", shards_small])
    message = compact_size(glob.glob(f"{shards_small}/simulation-shard-1-of-2.json")[0])
    shards_big = f"{tmp}/shards16"
    for i in range(1, 17):
        timed(sim + ["--replications", "1600", "--shard", f"{i}/16", "--out", shards_big])
    m2, _ = best([o.cli, "merge", *sorted(glob.glob(f"{shards_small}/*.json")), "--out", f"{tmp}/m2"], o.repeat)
    m16, _ = best([o.cli, "merge", *sorted(glob.glob(f"{shards_big}/*.json")), "--out", f"{tmp}/m16"], o.repeat)
    print(f"rank_message_bytes={message} merge_2_shards_s={m2:.3f} merge_16_shards_s={m16:.3f} "
          f"merge_per_shard_ms={(m16 - m2) / 14 * 1e3:.2f}")

    # --- sensitivity
    sens = [o.cli, "sensitivity", o.scenario, "--samples", str(o.sens_samples), "--threads", "1"]
    fixed_wall, _ = best(sens + ["--replications", "1", "--out", f"{tmp}/e0"], o.repeat)
    e1, d1, en, dn, sens_eff, sens_low = paired(sens + ["--replications", str(o.sens_replications), "--out", f"{tmp}/e1"],
                                                mpirun + sens + ["--replications", str(o.sens_replications), "--out",
                                                                 f"{tmp}/e2"], o.repeat, o.np)
    with open(f"{tmp}/e1/sensitivity.json", encoding="utf-8") as f:
        design = json.load(f)["design"]
    points = design["points"]
    per_point = (e1 - fixed_wall) / points
    print(f"sensitivity_points={points} k={design['k']} replications_per_point={o.sens_replications} "
          f"fixed_s={fixed_wall:.3f} one_process_s={e1:.3f} one_process_cpu_s={d1:.3f} ranks_s={en:.3f} "
          f"ranks_cpu_s={dn:.3f}")
    print(f"sensitivity_per_point_ms={per_point * 1e3:.3f} "
          f"sensitivity_per_replication_us={per_point / o.sens_replications * 1e6:.3f}")
    print(f"load_average_after={load()}")
    print(f"parallel efficiency, simulate {o.replications} replications, np {o.np} vs 1, --threads 1: "
          f"{sim_eff * 100:.1f} % median of {o.repeat} back-to-back pairs, lowest {sim_low * 100:.1f} % (target >= 90 %)")
    print(f"parallel efficiency, sensitivity {points} points x {o.sens_replications}, np {o.np} vs 1, --threads 1: "
          f"{sens_eff * 100:.1f} % median of {o.repeat} back-to-back pairs, lowest {sens_low * 100:.1f} % "
          f"(target >= 90 %)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
