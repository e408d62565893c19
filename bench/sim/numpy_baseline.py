#!/usr/bin/python3
"""The baseline an analyst would write: the same campaign model as guarantor simulate
(src/sim/replication.cpp, docs/model/simulation.md), vectorised over all replications with NumPy,
one day a step (daily Bernoulli/Poisson draws for every process that feeds back on the state; the
violation and hybrid counts, which do not, summed as Poisson means and drawn once). Reads the model numbers
sim_bench writes (MODEL_JSON), prints replications per CPU-second, and compares P(ceasefire holds
to the end), mean fatalities and the mean of every incident count with the engine's (the
`engine` section sim_bench adds): they should agree within a few standard errors, up to the
daily discretisation (at most one ladder move, failure and regime change a day; events within a
day in a fixed order). Usage: numpy_baseline.py MODEL_JSON REPLICATIONS [SEED]"""
import json
import sys
import time

import numpy as np

INCIDENTS = ["ceasefire_violations", "violations_detected", "probes_on_force", "probes_answered", "probes_unanswered",
             "escalations_after_response", "hybrid_attacks", "strikes_on_force", "mass_casualty_events",
             "renewal_votes_failed", "air_incursions", "air_engagements", "air_shootdowns", "snap_elections",
             "us_backstop_withdrawals", "violation_regime_erosions", "recommitments"]


def nation_array(nat, key, dtype=float):
    return np.array([x[key] for x in nat], dtype=dtype)


def square_law_blue_after(a, b, blue, red, days):
    """Blue's strength after `days` of the square law dB/dt = -a R, dR/dt = -b B (closed form)."""
    w = np.sqrt(a * b)
    k = np.sqrt(a / b)
    ch, sh = np.cosh(w * days), np.sinh(w * days)
    out = blue * ch - red * k * sh
    # Blue annihilated within the period, or Red annihilated first (Blue keeps sqrt(B0^2 - (a/b) R0^2)).
    blue_dies = (b * blue ** 2 < a * red ** 2) & (np.tanh(w * days) >= blue / np.maximum(red * k, 1e-300))
    red_dies = (a * red ** 2 < b * blue ** 2) & (np.tanh(w * days) >= red / np.maximum(blue / k, 1e-300))
    out = np.where(blue_dies, 0.0, out)
    out = np.where(red_dies, np.sqrt(np.maximum(0.0, blue ** 2 - (a / b) * red ** 2)), out)
    return np.maximum(out, 0.0)


def lanchester_blue_after(c, blue, red, days):
    if c["p"] == 1 and c["q"] == 0 and c["a"] > 0 and c["b"] > 0:
        return square_law_blue_after(c["a"], c["b"], blue, red, days)
    # Other exponents: Euler with quarter-day steps.
    steps = int(np.ceil(4 * max(1.0, float(np.max(days, initial=0)))))
    h = days / steps
    for _ in range(steps):
        blue, red = (np.maximum(0, blue - h * c["a"] * red ** c["p"] * blue ** c["q"]),
                     np.maximum(0, red - h * c["b"] * blue ** c["p"] * red ** c["q"]))
    return blue


def us_withdrawal_days(segments, threshold):
    """When the piecewise-constant withdrawal hazard (raised in the provider's election windows)
    integrates to each unit-exponential threshold; inf when it never does."""
    day = np.full(threshold.shape, np.inf)
    accumulated = 0.0
    for i, (start, rate) in enumerate(segments):
        end = segments[i + 1][0] if i + 1 < len(segments) else np.inf
        if rate <= 0:
            continue
        here = np.isinf(day) & (threshold <= accumulated + rate * (end - start))
        day[here] = start + (threshold[here] - accumulated) / rate
        accumulated += rate * (end - start)
    return day


def run(p, n, seed):
    rng = np.random.default_rng(seed)
    days = p["days"]
    nat = p["nations"]
    N = len(nat)
    troops = nation_array(nat, "troops")
    exposed = nation_array(nat, "exposed")
    combat = nation_array(nat, "combat")
    air = nation_array(nat, "air")
    air_shield = nation_array(nat, "air_shield")
    icombat = nation_array(nat, "interposition_combat")
    iexposed = nation_array(nat, "interposition_exposed")
    training = nation_array(nat, "training")
    monitoring = nation_array(nat, "monitoring")
    nuclear = nation_array(nat, "nuclear_in_ukraine", bool)
    lead = nation_array(nat, "lead", bool)
    holds_elections = nation_array(nat, "holds_elections", bool)  # notional units call no snap elections
    inv_log_tol = 1 / np.log1p(nation_array(nat, "tolerance"))
    month = 365.25 / 12
    d, inc, coh, vr = p["deterrence"], p["incidents"], p["cohesion"], p["violation_regime"]
    up, down = np.array(p["up"] + [0.0]), np.array([0.0] + p["down"])
    mult = np.array(p["failure_multiplier"])
    H0 = (np.arange(days + 1) / p["weibull_scale_days"]) ** p["weibull_shape"]
    log_force_hr = np.log(d["force_hr"]) * d["readiness"]
    scale, coupling = p["direct_effect_scale"], p["coupling"]
    probes_l, strikes_l = np.array(inc["probes"]), np.array(inc["strikes"])
    air_l, viol_l, hybrid_l = np.array(inc["air_incursions"]), np.array(inc["violations"]), np.array(inc["hybrid"])
    hostile_l = np.array(p["hostile"]) / 1000 / 365.25 * p["exposure"]
    shield = p["air_shield_coverage"] > 0 and p["full_air_shield_troops"] > 0
    reassurance, interposition_mandate = p["mandate"] == 0, p["mandate"] == 2
    # The build-up: the share of the package in theatre on each day (arrivals at whole days).
    share_by_day = np.full(days + 1, p["initial_share"])
    for day, share in zip(p["arrival_days"], p["arrival_shares"]):
        share_by_day[int(np.ceil(day)):] = share
    # Dated election windows, per nation and day (a window [start, end) covers day t if t + 0.5 is in it).
    mid = np.arange(days) + 0.5
    election_open = np.zeros((days, N), dtype=np.int64)
    for j, x in enumerate(nat):
        for start, end in x["election_windows"]:
            election_open[:, j] += (mid >= start) & (mid < end)
    votes_on = {}  # whole day -> [(nation, exact vote day)]
    for j, x in enumerate(nat):
        for v in x["vote_days"]:
            votes_on.setdefault(int(v), []).append((j, v))
    reviews = {int(r) for r in p["review_days"]}
    backstop_day = p["backstop_arrival_day"]
    snap_rate = p["snap_elections_per_day"]
    window2 = 2 * coh["election_window"]

    level = np.zeros(n, dtype=np.int64)
    highest = np.zeros(n, dtype=np.int64)
    holding = np.ones(n, dtype=bool)
    present = np.ones((n, N), dtype=bool)
    kia = np.zeros((n, N))
    last_kia = np.full((n, N), -np.inf)
    pending = np.full((n, N), np.inf)
    cascaded = np.zeros(n, dtype=bool)
    record = np.zeros(n)
    rebuild = np.full(n, d["rebuild0"])
    ukraine_term = np.full(n, d["log_ukraine_hr"] * min(1.0, d["rebuild0"]))
    backstop = np.full(n, bool(p["backstop_at_start"]))
    withdrawn_us = np.zeros(n, dtype=bool)
    us_day = us_withdrawal_days(p["us_withdrawal_segments"], rng.exponential(size=n))
    in_snap = np.zeros((n, N), dtype=bool)
    snap_end = np.full((n, N), np.inf)
    low_violence = np.ones(n, dtype=bool)
    counts = {k: np.zeros(n) for k in INCIDENTS}
    fail_day = np.full(n, np.inf)
    detected_mean, undetected_mean, hybrid_mean = np.zeros(n), np.zeros(n), np.zeros(n)

    def answer(mask, answered, escalate_u):
        """A test met (answered) or not: the response record, and an answer's chance to escalate."""
        nonlocal record, level
        record = np.where(mask & answered, np.maximum(0.0, record - d["credit"]), record)
        record = np.where(mask & ~answered, np.minimum(d["penalty_cap"], record + d["penalty"]), record)
        esc = mask & answered & (escalate_u < inc["escalate"]) & (level < 3)
        counts["escalations_after_response"] += esc
        level = level + esc

    for t in range(days):
        share = share_by_day[t]
        # Scheduled events of the day: reviews (Ukraine's rebuild counts), the backstop's arrival, votes.
        if t in reviews:
            ukraine_term = d["log_ukraine_hr"] * np.minimum(1.0, rebuild)
        if t <= backstop_day < t + 1:
            backstop |= ~withdrawn_us
        leave = np.zeros((n, N), dtype=bool)
        for j, vote_day in votes_on.get(t, []):
            recent = (vote_day - last_kia[:, j]) <= coh["recent"]
            fail_vote = present[:, j] & holding & (rng.random(n) < np.where(recent, coh["renew1"], coh["renew0"]))
            counts["renewal_votes_failed"] += fail_vote
            leave[:, j] |= fail_vote
        us_now = holding & (us_day < t + 1) & ~withdrawn_us
        counts["us_backstop_withdrawals"] += us_now
        withdrawn_us |= us_now
        backstop &= ~withdrawn_us
        # The force in theatre and the deterrence terms.
        power = (present @ combat) * share
        interposing = (np.ones(n) if interposition_mandate
                       else np.clip((present @ icombat) / np.maximum(present @ combat, 1e-300), 0, 1))
        force = np.where(power > 0, log_force_hr * np.minimum(d["cap"], (np.maximum(power, 1e-300) / d["reference"])
                                                               ** d["elasticity"])
                         * (1 + (d["interposition"] - 1) * interposing), 0.0)
        monitor_share = np.minimum(1.0, (present @ monitoring) * share / inc["monitors_full"])
        log_hr = (force + np.where((present & nuclear).any(axis=1), d["log_nuclear_hr"], 0.0)
                  + np.where(backstop, p["log_us_backstop_hr"], 0.0) + ukraine_term
                  + d["log_monitoring_hr"] * monitor_share + record)
        # Failure during the day: the direct effect on the Weibull hazard.
        failing = holding & (rng.random(n) < 1 - np.exp(-mult[level] * np.exp(scale * log_hr) * (H0[t + 1] - H0[t])))
        fail_day[failing] = t + 0.5
        holding &= ~failing
        # Ladder: the coupling scales the up-rate.
        go_up = rng.random(n) < 1 - np.exp(-up[level] * np.exp(coupling * log_hr))
        go_down = rng.random(n) < 1 - np.exp(-down[level])
        level = np.clip(level + (go_up & holding) - (go_down & ~go_up & holding), 0, 3)
        # Probes of the force (only with exposed troops in theatre): under reassurance only the
        # buffer-zone troops answer, in proportion to their share of the exposed force.
        exposed_now = (present @ exposed) * share
        answering = (np.clip((present @ iexposed) / np.maximum(present @ exposed, 1e-300), 0, None) if reassurance
                     else np.ones(n))
        probes = rng.poisson(probes_l[level] * (exposed_now > 0)) * holding
        counts["probes_on_force"] += probes
        for k in range(int(probes.max(initial=0))):
            mask = probes > k
            answered = rng.random(n) < inc["respond"] * answering
            counts["probes_answered"] += mask & answered
            counts["probes_unanswered"] += mask & ~answered
            answer(mask, answered, rng.random(n))
        # Air incursions: met by the shield on station (coverage × air-shield troops in theatre / full).
        incursions = rng.poisson(air_l[level]) * holding
        counts["air_incursions"] += incursions
        if shield:
            on_station = p["air_shield_coverage"] * np.minimum(1.0, (present @ air_shield) * share / p["full_air_shield_troops"])
            for k in range(int(incursions.max(initial=0))):
                mask = incursions > k
                engaged = rng.random(n) < on_station
                counts["air_engagements"] += mask & engaged
                counts["air_shootdowns"] += mask & engaged & (rng.random(n) < inc["shootdown"])
                answer(mask, engaged, rng.random(n))
        highest = np.maximum(highest, level)
        # The violation regime (low-violence after a commitment, or eroded), violations, detection, hybrid attacks.
        multiplier = np.where(low_violence, vr["bare_multiplier"] + (vr["monitored_multiplier"] - vr["bare_multiplier"])
                              * monitor_share, 1.0)
        # Counts that do not feed back are summed as Poisson means and drawn once at the end (as
        # the engine does; a sum of Poisson counts is Poisson, detection thins it).
        v = viol_l[level] * multiplier * holding
        detection = inc["det0"] + (inc["det1"] - inc["det0"]) * monitor_share
        detected_mean += v * detection
        undetected_mean += v * (1 - detection)
        hybrid_mean += hybrid_l[level] * holding
        regime_rate = np.where(low_violence, vr["bare_erosion"] + (vr["monitored_erosion"] - vr["bare_erosion"])
                               * monitor_share, vr["recommitment"])
        flip = holding & (rng.random(n) < 1 - np.exp(-regime_rate))
        counts["violation_regime_erosions"] += flip & low_violence
        counts["recommitments"] += flip & ~low_violence
        low_violence ^= flip
        # Fatalities by nation; strikes on the force (one contingent, by exposed troops).
        dead = rng.poisson(hostile_l[level][:, None] * exposed[None, :] * share * present) * holding[:, None]
        strikes = rng.poisson(strikes_l[level] * (exposed_now > 0)) * holding
        counts["strikes_on_force"] += strikes
        for k in range(int(strikes.max(initial=0))):
            hit = np.where(strikes > k)[0]
            weights = np.cumsum(present[hit] * exposed, axis=1)
            who = (weights < rng.random(hit.size)[:, None] * weights[:, -1:]).sum(axis=1)
            killed = rng.poisson(inc["kia_per_strike"], size=hit.size)
            dead[hit, who] += killed
            shock = killed >= coh["shock_kia"]
            counts["mass_casualty_events"][hit] += shock
            p_exit = np.where(level[hit] >= 3, coh["shock_p_doubted"], coh["shock_p"])
            go = shock & (rng.random(hit.size) < p_exit)
            when = t + rng.random(hit.size) * coh["shock_days"]
            pending[hit[go], who[go]] = np.where(present[hit[go], who[go]],
                                                 np.minimum(pending[hit[go], who[go]], when[go]), np.inf)
        kia += dead
        last_kia = np.where(dead > 0, t + 0.5, last_kia)  # within the day: its middle
        # Snap elections: called at a constant rate; the campaign window runs 2 × election_window_days.
        if snap_rate > 0:
            ended = in_snap & (snap_end < t + 1)
            in_snap &= ~ended
            called = (present & ~in_snap & holds_elections[None, :] & holding[:, None] &
                      (rng.random((n, N)) < 1 - np.exp(-snap_rate)))
            counts["snap_elections"] += called.sum(axis=1)
            in_snap |= called
            snap_end = np.where(called, t + window2, snap_end)
        # Exits: politics (casualties and elections raise the hazard), pending exits, cascades.
        elections = (election_open[t][None, :] + in_snap) > 0
        hazard = (coh["base"] / 365.25 * (1 + coh["weight"] * np.log1p(kia) * inv_log_tol)
                  * np.where(elections, coh["election_multiplier"], 1.0))
        leave |= present & holding[:, None] & (rng.random((n, N)) < 1 - np.exp(-hazard))
        leave |= present & holding[:, None] & (pending < t + 1)
        lead_left = (leave & lead).any(axis=1) & ~cascaded
        if lead_left.any():
            r = np.where(lead_left)[0]
            decide = rng.random((r.size, N)) < coh["cascade"]
            when = t + rng.random((r.size, N)) * coh["cascade_days"]
            pending[r] = np.where(decide & present[r], np.minimum(pending[r], when), pending[r])
            cascaded |= lead_left
        present &= ~leave
        in_snap &= present
        pending = np.where(present, pending, np.inf)
        # Ukraine's rebuild, with the trainers in theatre.
        rebuild += (d["rebuild_rate"] + d["rebuild_per_1000"] * (present @ training) * share / 1000) / 365.25
    counts["violations_detected"] = rng.poisson(detected_mean).astype(float)
    counts["ceasefire_violations"] = counts["violations_detected"] + rng.poisson(undetected_mean)
    counts["hybrid_attacks"] = rng.poisson(hybrid_mean).astype(float)
    # Combat after a failure (square law, closed form), vectorised over the failed replications.
    failed = np.isfinite(fail_day)
    c = p["combat"]
    in_theatre = present[failed] * troops * share_by_day[np.floor(fail_day[failed]).astype(int)][:, None]
    coalition = in_theatre.sum(axis=1) * c["engaged"]
    red = np.minimum(c["cap"], c["red"] + c["regen"] * fail_day[failed] / month)
    blue = c["ukraine"] + coalition
    duration = np.minimum(c["days"], days - fail_day[failed])
    losses = (blue - lanchester_blue_after(c, blue, red, duration))[:, None] * in_theatre * c["engaged"] / blue[:, None]
    kia[failed] += rng.poisson(losses * c["killed"])
    metrics = {"fatalities": kia.sum(axis=1), "nations_withdrawn": (~present).sum(axis=1).astype(float),
               "highest_level": np.where(failed, 4, highest).astype(float)}  # 4 = failed, as the engine
    metrics.update(counts)
    return 1 - failed.mean(), metrics


def compare(p, p_hold, metrics, n):
    """The engine's numbers (sim_bench's `engine` section) against these: z = difference / its standard error."""
    engine = p.get("engine")
    if not engine:
        return
    m = engine["replications"]
    worst = 0.0
    print(f"agreement (engine {m} replications, event-driven; NumPy {n}, daily steps): "
          f"name, engine mean, numpy mean, z")
    se = np.sqrt(engine["p_hold"] * (1 - engine["p_hold"]) / m + p_hold * (1 - p_hold) / n)
    z = (p_hold - engine["p_hold"]) / se if se > 0 else 0.0
    worst = max(worst, abs(z))
    print(f"  {'p_hold_end':28s} {engine['p_hold']:12.4f} {p_hold:12.4f} {z:7.2f}")
    for name, e in engine["metrics"].items():
        x = metrics[name]
        se = np.sqrt(e["sd"] ** 2 / m + x.var(ddof=1) / n)
        z = (x.mean() - e["mean"]) / se if se > 0 else (0.0 if x.mean() == e["mean"] else float("inf"))
        worst = max(worst, abs(z))
        print(f"  {name:28s} {e['mean']:12.4f} {x.mean():12.4f} {z:7.2f}")
    print(f"AGREEMENT max_abs_z={worst:.2f}")


def main():
    p = json.load(open(sys.argv[1]))
    n = int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    start = time.process_time()  # CPU time: the machine is shared; NumPy here runs on one core
    p_hold, metrics = run(p, n, seed)
    elapsed = time.process_time() - start
    print(f"RESULT numpy_reps_per_cpu_s={n / elapsed:.0f} numpy_cpu_s={elapsed:.3f} p_hold={p_hold:.4f} "
          f"mean_fatalities={metrics['fatalities'].mean():.2f}")
    compare(p, p_hold, metrics, n)


if __name__ == "__main__":
    main()
