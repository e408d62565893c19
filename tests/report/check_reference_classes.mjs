// Checks reference_classes.json from `guarantor run` against the run's simulation.json.
// Usage: node check_reference_classes.mjs REFERENCE_CLASSES.json SIMULATION.json
// - three classes in order (fortna-civil-war, interstate, donbas-recommitments), each with a source,
//   its calibration, and P(holds to the end) inside its Wilson interval, with holding/replications = p,
//   and a median failure day exactly when half or more failed;
// - exactly one marked as the scenario's choice, the scenario_class;
// - with the main run's replications and seed, the chosen class gives the main run's base (planned)
//   P(holds) exactly, and its evidence-only the main run's evidence-only (planned) when simulated.
import fs from "node:fs";

const [rcPath, simPath] = process.argv.slice(2);
const rc = JSON.parse(fs.readFileSync(rcPath, "utf8"));
const sim = JSON.parse(fs.readFileSync(simPath, "utf8"));
const failures = [];
const check = (ok, message) => { if (!ok) failures.push(message); };

check(rc.kind === "guarantor.reference_classes", "kind is " + rc.kind);
const keys = (rc.classes || []).map((c) => c.key);
check(JSON.stringify(keys) === JSON.stringify(["fortna-civil-war", "interstate", "donbas-recommitments"]), "classes: " + keys.join(", "));
check(rc.days === sim.days, `days ${rc.days}, simulation ${sim.days}`);
const estimateOk = (e, what) => {
  check(e && e.replications > 0, what + ": no replications");
  if (!e) return;
  check(Math.abs(e.holding / e.replications - e.p) < 1e-4, `${what}: p ${e.p} is not holding/replications`);
  check(e.low <= e.p && e.p <= e.high && e.low < e.high, `${what}: p ${e.p} outside [${e.low}, ${e.high}]`);
  // The median failure day exists exactly when half or more failed, and lies within the period.
  const m = e.median_failure_day;
  check(e.p > 0.5 ? m === null : Number.isInteger(m) && m >= 0 && m < rc.days,
    `${what}: median failure day ${m} with P(holds) ${e.p}`);
};
for (const c of rc.classes || []) {
  check((c.source || "").length > 20, c.key + ": no source");
  check((c.calibration || "").length > 5, c.key + ": no calibration");
  check(c.baseline_hazard && c.baseline_hazard.weibull_shape > 0 && c.baseline_hazard.weibull_scale_days > 0, c.key + ": no baseline hazard");
  estimateOk(c.p_hold_end, c.key);
  if (c.evidence_only) estimateOk(c.evidence_only, c.key + " evidence-only");
}
const chosen = (rc.classes || []).filter((c) => c.is_scenario_choice);
check(chosen.length === 1, chosen.length + " classes marked as the scenario's choice");
check(chosen.length !== 1 || chosen[0].key === rc.scenario_class, "the marked class is not scenario_class " + rc.scenario_class);
// Different classes give different answers: the table is not the same run three times.
const ps = (rc.classes || []).map((c) => c.p_hold_end && c.p_hold_end.p);
check(new Set(ps).size === ps.length, "the classes give the same P(holds): " + ps.join(", "));

const entry = (name) => (sim.variants || []).find((v) => v.name === name && (!v.mode || v.mode === "planned"));
const atEnd = (v) => (v.survival || []).find((s) => s.day === sim.days);
if (chosen.length === 1 && rc.replications === sim.replications && rc.seed === sim.seed) {
  const base = atEnd(entry("base"));
  check(base && base.p === chosen[0].p_hold_end.p, `the chosen class gives ${chosen[0].p_hold_end.p}, the main run's base ${base && base.p}`);
  const evidence = entry("evidence-only");
  if (evidence) {
    check(!!chosen[0].evidence_only, "the run simulated evidence-only but the reference classes did not");
    const e = atEnd(evidence);
    check(chosen[0].evidence_only && e && e.p === chosen[0].evidence_only.p,
          `evidence-only under the chosen class ${chosen[0].evidence_only && chosen[0].evidence_only.p}, main run ${e && e.p}`);
  }
} else {
  failures.push(`expected the main run's replications and seed (${sim.replications}, ${sim.seed}), got (${rc.replications}, ${rc.seed})`);
}
if (failures.length) {
  console.error("reference_classes.json check FAILED:\n  " + failures.join("\n  "));
  process.exit(1);
}
console.log("reference_classes.json check passed: " + (rc.classes || []).map((c) => c.key + " " + c.p_hold_end.p).join(", "));
