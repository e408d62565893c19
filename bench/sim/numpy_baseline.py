#!/usr/bin/python3
"""The baseline an analyst would write: the same campaign model as guarantor simulate, vectorised
over all replications with NumPy, one day a step (daily Bernoulli/Poisson draws for every
process). Reads the model numbers sim_bench writes (MODEL_JSON) and prints replications per
second and P(ceasefire holds to the end), which should agree with the C++ engine up to the
daily discretisation. Usage: numpy_baseline.py MODEL_JSON REPLICATIONS [SEED]"""
import json
import sys
import time

import numpy as np


def run(p, n, seed):
    rng = np.random.default_rng(seed)
    days = p["days"]
    nat = p["nations"]
    N = len(nat)
    troops = np.array([x["troops"] for x in nat])
    exposed = np.array([x["exposed"] for x in nat])
    combat = np.array([x["combat"] for x in nat])
    training = np.array([x["training"] for x in nat])
    monitoring = np.array([x["monitoring"] for x in nat])
    nuclear = np.array([x["nuclear"] for x in nat], dtype=bool)
    lead = np.array([x["lead"] for x in nat], dtype=bool)
    tolerance = np.array([x["tolerance"] for x in nat])
    month = 365.25 / 12
    d, inc, coh = p["deterrence"], p["incidents"], p["cohesion"]
    up, down = np.array(p["up"] + [0.0]), np.array([0.0] + p["down"])
    mult = np.array(p["failure_multiplier"])
    shape, scale = p["weibull_shape"], p["weibull_scale_days"]
    H0 = (np.arange(days + 1) / scale) ** shape

    level = np.zeros(n, dtype=np.int64)
    highest = np.zeros(n, dtype=np.int64)
    holding = np.ones(n, dtype=bool)
    present = np.ones((n, N), dtype=bool)
    kia = np.zeros((n, N))
    last_kia = np.full((n, N), -1e9)
    pending = np.full((n, N), np.inf)
    cascaded = np.zeros(n, dtype=bool)
    penalty = np.zeros(n)
    rebuild = np.full(n, d["rebuild0"])
    violations = np.zeros(n)
    detected = np.zeros(n)
    fail_day = np.full(n, np.inf)
    interposition = d["interposition"] if p["mandate"] == 2 else 1.0

    for t in range(days):
        power = present @ combat
        force = np.where(power > 0, np.log(d["force_hr"]) * d["readiness"] * interposition *
                         np.minimum(d["cap"], (np.maximum(power, 1e-9) / d["reference"]) ** d["elasticity"]), 0.0)
        log_hr = (force + np.where((present & nuclear).any(axis=1), np.log(d["nuclear_hr"]), 0.0)
                  + (np.log(d["us_hr"]) if p["backstop"] else 0.0)
                  + np.log(d["ukraine_hr"]) * np.minimum(1.0, rebuild)
                  + np.log(d["monitoring_hr"]) * np.minimum(1.0, (present @ monitoring) / inc["monitors_full"])
                  + penalty)
        hr = np.exp(log_hr)
        # Failure during the day.
        failing = holding & (rng.random(n) < 1 - np.exp(-mult[level] * hr * (H0[t + 1] - H0[t])))
        fail_day[failing] = t
        holding &= ~failing
        # Ladder.
        go_up = rng.random(n) < 1 - np.exp(-up[level] * hr ** p["coupling"])
        go_down = rng.random(n) < 1 - np.exp(-down[level])
        level = np.clip(level + (go_up & holding) - (go_down & ~go_up & holding), 0, 3)
        # Probes of the force.
        exposed_now = present @ exposed
        probes = rng.poisson(np.array(inc["probes"])[level] * (exposed_now > 0)) * holding
        if p["mandate"] == 0:
            penalty = np.minimum(d["penalty_cap"], penalty + d["penalty"] * probes)
        else:
            answered = rng.binomial(probes, inc["respond"])
            penalty = np.clip(penalty + d["penalty"] * (probes - answered) - d["credit"] * answered, 0, d["penalty_cap"])
            escalate = rng.binomial(answered, inc["escalate"]) > 0
            level = np.minimum(3, level + escalate)
        highest = np.maximum(highest, level)
        # Violations, detection.
        v = rng.poisson(np.array(inc["violations"])[level]) * holding
        share = np.minimum(1.0, (present @ monitoring) / inc["monitors_full"])
        detected += rng.binomial(v, inc["det0"] + (inc["det1"] - inc["det0"]) * share)
        violations += v
        # Fatalities by nation.
        rate = np.array(p["hostile"])[level][:, None] * exposed[None, :] / 1000 / 365.25 * p["exposure"]
        dead = rng.poisson(rate * present) * holding[:, None]
        strikes = rng.poisson(np.array(inc["strikes"])[level] * (exposed_now > 0)) * holding
        hit = strikes > 0
        if hit.any():
            who = np.array([rng.choice(N, p=(present[i] * exposed) / (present[i] * exposed).sum()) for i in np.where(hit)[0]])
            dead[np.where(hit)[0], who] += rng.poisson(inc["kia_per_strike"], size=hit.sum())
        kia += dead
        last_kia = np.where(dead > 0, t, last_kia)
        # Exits: politics, renewals, cascades.
        hazard = coh["base"] / 365.25 * (1 + coh["weight"] * np.log1p(kia) / np.log1p(tolerance))
        leave = present & holding[:, None] & (rng.random((n, N)) < 1 - np.exp(-hazard))
        for j, x in enumerate(nat):
            votes = []
            if x["first_vote_month"] > 0:
                votes.append(int(x["first_vote_month"] * month))
            if x["cycle_months"] > 0:
                votes += list(range(int(x["cycle_months"] * month), days, max(1, int(x["cycle_months"] * month))))
            if t in votes:
                recent = (t - last_kia[:, j]) <= coh["recent"]
                fail_vote = rng.random(n) < np.where(recent, coh["renew1"], coh["renew0"])
                leave[:, j] |= present[:, j] & holding & fail_vote
        leave |= present & (pending <= t)
        lead_left = (leave & lead).any(axis=1) & ~cascaded
        if lead_left.any():
            rows = np.where(lead_left)[0]
            decide = rng.random((rows.size, N)) < coh["cascade"]
            when = t + rng.random((rows.size, N)) * coh["cascade_days"]
            pending[rows] = np.where(decide, np.minimum(pending[rows], when), pending[rows])
            cascaded |= lead_left
        present &= ~leave
        rebuild += (d["rebuild_rate"] + d["rebuild_per_1000"] * (present @ training) / 1000) / 365.25
    # Combat after a failure (square law, Euler, half-day steps), vectorised over failed replications.
    failed = np.isfinite(fail_day)
    c = p["combat"]
    coalition = (present[failed] @ troops) * c["engaged"]
    red = np.minimum(c["cap"], c["red"] + c["regen"] * fail_day[failed] / month)
    blue = c["ukraine"] + coalition
    blue0 = blue.copy()
    duration = np.minimum(c["days"], days - fail_day[failed])
    for _ in range(int(2 * c["days"])):
        step = np.minimum(0.5, np.maximum(duration, 0))
        duration -= step
        blue, red = np.maximum(0, blue - step * c["a"] * red), np.maximum(0, red - step * c["b"] * blue)
    losses = (blue0 - blue)[:, None] * (present[failed] * troops * c["engaged"]) / blue0[:, None]
    kia[failed] += rng.poisson(losses * c["killed"])
    return 1 - failed.mean(), highest, kia


def main():
    p = json.load(open(sys.argv[1]))
    n = int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    start = time.process_time()  # CPU time: the machine is shared; NumPy here runs on one core
    p_hold, _, kia = run(p, n, seed)
    elapsed = time.process_time() - start
    print(f"RESULT numpy_reps_per_cpu_s={n / elapsed:.0f} numpy_cpu_s={elapsed:.3f} p_hold={p_hold:.4f} "
          f"mean_fatalities={kia.sum(axis=1).mean():.2f}")


if __name__ == "__main__":
    main()
