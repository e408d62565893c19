// Opens report.html in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// the way a reader would, and checks that the page rendered: no console errors, the map has its
// layers, every chart with data drew a canvas, the tables and the assumptions register are filled.
// Usage: node check_report.mjs REPORT.html SCREENSHOT.png [--expect-simulation] [--expect-plan] [--expect-laydown]
//        [--expect-sensitivity] [--expect-reference-classes] [--expect-evidence-only] [--expect-term-charts]
//        [--expect-no-term-charts] [--expect-notional] [--params PARAMS.json]
// The charts of the per-variant outputs (deterrence terms, failures by level, air incursions) must
// draw whenever simulation.json has those fields; --expect-term-charts also requires the fields,
// --expect-no-term-charts requires that they are absent and that each chart says so instead.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);
const webDir = process.env.GUARANTOR_WEB_DIR || path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../web");
const { chromium } = require(path.join(webDir, "node_modules/playwright-core"));

const [reportPath, screenshotPath, ...flags] = process.argv.slice(2);
const expect = (flag) => flags.includes(flag);
const paramsFile = flags.includes("--params") ? flags[flags.indexOf("--params") + 1] : null;
const failures = [];
const check = (ok, message) => { if (!ok) failures.push(message); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const consoleErrors = [];
  const requests = [];
  page.on("console", (msg) => { if (msg.type() === "error") consoleErrors.push(msg.text()); });
  page.on("pageerror", (err) => consoleErrors.push(String(err)));
  page.on("request", (req) => { if (!req.url().startsWith("file:") && !req.url().startsWith("data:")) requests.push(req.url()); });
  await page.goto("file://" + path.resolve(reportPath), { waitUntil: "load" });
  await page.waitForSelector("body[data-rendered=true]", { timeout: 30000 });
  await page.waitForTimeout(500);

  check(consoleErrors.length === 0, "console errors: " + consoleErrors.join(" | "));
  check(requests.length === 0, "the page made network requests (it must work offline): " + requests.join(", "));
  const state = await page.evaluate(() => ({
    summary: document.getElementById("summary-body").innerText.trim().length,
    mapTiles: document.querySelectorAll("#map .leaflet-overlay-pane path, #map .leaflet-overlay-pane canvas").length,
    mapMarkers: document.querySelectorAll("#map .leaflet-interactive").length,
    layerControl: document.querySelectorAll("#map .leaflet-control-layers-overlays label").length,
    canvases: Array.from(document.querySelectorAll(".chart")).map((c) => ({ id: c.id, canvas: !!c.querySelector("canvas") })),
    pledgeRows: document.querySelectorAll("#table-pledges tbody tr").length,
    assumptionRows: document.querySelectorAll("#table-assumptions tbody tr").length,
    // The first cell of each register row is the key, as plain text.
    assumptionKeys: Array.from(document.querySelectorAll("#table-assumptions tbody tr td:first-child")).map((td) => td.textContent),
    assumptionsHeading: (document.querySelector("#assumptions h2") || {}).textContent,
    manifestRows: document.querySelectorAll("#manifest-body tbody tr").length,
  }));
  check(state.summary > 0, "the summary is empty");
  check(state.pledgeRows > 0, "the pledges table is empty");
  check(state.assumptionRows > 0, "the assumptions register is empty");
  check(state.manifestRows > 0, "the run manifest is empty");
  check(state.assumptionsHeading === "Assumptions register", "no 'Assumptions register' heading");
  if (paramsFile) {
    // Every parameter of the run has its row, rendered without interaction, keyed as params spells it.
    const expected = JSON.parse(fs.readFileSync(paramsFile, "utf8")).map((r) => r.key);
    const shown = new Set(state.assumptionKeys);
    const missing = expected.filter((k) => !shown.has(k));
    check(state.assumptionRows === expected.length,
          `the register has ${state.assumptionRows} rows, guarantor params lists ${expected.length}`);
    check(missing.length === 0, "register rows missing for: " + missing.slice(0, 10).join(", "));
    for (const key of ["simulation.deterrence.force_hazard_ratio", "simulation.baseline_hazard.weibull_shape", "laydown.min_distance_to_line_km"]) {
      check(shown.has(key), "the register has no row " + key);
    }
  }
  if (expect("--expect-laydown")) {
    check(state.mapTiles > 0, "the map drew no shapes");
    check(state.layerControl >= 3, "the map has fewer than 3 toggleable layers: " + state.layerControl);
  }
  if (expect("--expect-laydown")) {
    // Every layer with coverage, of each force mode, has its overlay ("planned: air_defence") and,
    // shown alone, draws shapes on the map.
    const layers = await page.evaluate(() => {
      const data = JSON.parse(document.getElementById("guarantor-data").textContent);
      const withCoverage = (coverage, mode) =>
        ((coverage && coverage.layers) || []).filter((l) => l.emitters > 0).map((l) => mode + ": " + l.name);
      const expected = withCoverage(data.coverage, "planned").concat(withCoverage(data.required_coverage, "required"));
      const inputs = Array.from(document.querySelectorAll("#map .leaflet-control-layers-overlays label"))
        .map((label) => ({ name: label.textContent.trim(), input: label.querySelector("input") }));
      const paths = () => document.querySelectorAll("#map .leaflet-overlay-pane path").length;
      const drawn = {};
      const shownAtFirst = inputs.map(({ input }) => input.checked);
      for (const { input } of inputs) if (input.checked) input.click();  // everything off
      const empty = paths();
      for (const name of expected) {
        const entry = inputs.find((i) => i.name === name);
        if (!entry) { drawn[name] = -1; continue; }
        entry.input.click();
        drawn[name] = paths() - empty;
        entry.input.click();
      }
      inputs.forEach(({ input }, i) => { if (input.checked !== shownAtFirst[i]) input.click(); });  // as the reader first sees it
      return { expected, overlays: inputs.map((i) => i.name), drawn };
    });
    check(layers.expected.some((n) => n.startsWith("planned: ")), "no planned layer has coverage");
    check(layers.expected.some((n) => n.startsWith("required: ")), "no required layer has coverage");
    for (const name of layers.expected) {
      check(layers.drawn[name] !== -1, "no overlay '" + name + "' in the layer control (has: " + layers.overlays.join(", ") + ")");
      check(layers.drawn[name] !== -1 && layers.drawn[name] > 0, "the overlay '" + name + "' draws no shapes");
    }
    console.log(JSON.stringify({ overlays: layers.overlays.length, checked_layers: layers.drawn }));
  }
  const drew = (id) => state.canvases.find((c) => c.id === id)?.canvas;
  // The per-variant outputs of simulation.json and their charts.
  const terms = await page.evaluate(() => {
    const data = JSON.parse(document.getElementById("guarantor-data").textContent);
    const variants = (data.simulation && data.simulation.variants) || [];
    const has = (key) => variants.some((v) => v[key] !== undefined && v[key] !== null);
    const hint = (id) => (document.getElementById(id).querySelector(".hint") || {}).textContent || "";
    return {
      fields: { "chart-deterrence": has("deterrence_terms"), "chart-failures-level": has("failures_by_level"), "chart-air": has("air_incursions") },
      hints: { "chart-deterrence": hint("chart-deterrence"), "chart-failures-level": hint("chart-failures-level"), "chart-air": hint("chart-air") },
      options: document.querySelectorAll("#deterrence-variant option").length,
      variants: variants.length,
    };
  });
  for (const [id, present] of Object.entries(terms.fields)) {
    if (present) check(drew(id), id + " drew nothing although simulation.json has its field");
    else check(!drew(id) && terms.hints[id].length > 0, id + " should say that simulation.json lacks its field");
  }
  if (expect("--expect-term-charts")) {
    for (const [id, present] of Object.entries(terms.fields)) check(present, "simulation.json has no field for " + id);
    check(terms.options === terms.variants, `the deterrence chart offers ${terms.options} options for ${terms.variants} variants`);
    // Another option redraws the chart without errors.
    if (terms.options > 1) {
      await page.selectOption("#deterrence-variant", { index: terms.options - 1 });
      await page.waitForTimeout(200);
      check(await page.evaluate(() => !!document.querySelector("#chart-deterrence canvas")), "the deterrence chart vanished after choosing another option");
    }
  }
  if (expect("--expect-no-term-charts")) {
    for (const [id, present] of Object.entries(terms.fields)) check(!present, "simulation.json was expected without the field for " + id);
  }
  if (expect("--expect-reference-classes")) {
    const rc = await page.evaluate(() => {
      const rows = Array.from(document.querySelectorAll("#table-reference-classes tbody tr"));
      return { rows: rows.length, keys: rows.map((r) => (r.querySelector("code") || {}).textContent),
               chosen: rows.filter((r) => /the scenario's choice/.test(r.innerText)).length,
               sources: rows.map((r) => r.children[3] ? r.children[3].textContent.trim().length : 0),
               intervals: rows.map((r) => /^\d\.\d{3,} \[\d\.\d{3,}, \d\.\d{3,}\]$/.test(r.children[4] ? r.children[4].textContent : "")),
               medians: rows.map((r) => (r.children[5] ? r.children[5].textContent : "")) };
    });
    check(rc.rows === 3, "the reference classes table has " + rc.rows + " rows, not 3");
    check(JSON.stringify(rc.keys) === JSON.stringify(["fortna-civil-war", "interstate", "donbas-recommitments"]),
          "reference classes shown: " + rc.keys.join(", "));
    check(rc.chosen === 1, "the scenario's class is marked on " + rc.chosen + " rows, not 1");
    check(rc.sources.every((n) => n > 20), "a reference class has no source");
    check(rc.intervals.every(Boolean), "a reference class has no P(holds) with its interval");
    check(rc.medians.every((t) => /^(day \d+|> \d+)$/.test(t)), "a reference class has no median failure day: " + rc.medians.join(", "));
    check(/^day \d+$/.test(rc.medians[2]), "donbas-recommitments (every truce fails in weeks) shows no median failure day: " + rc.medians[2]);
  } else {
    const hint = await page.evaluate(() => document.getElementById("table-reference-classes").innerText);
    check(/No reference-class runs/.test(hint), "the reference classes section should say it has no runs");
  }
  if (expect("--expect-evidence-only")) {
    const ev = await page.evaluate(() => ({
      text: document.getElementById("summary-evidence").innerText,
      cards: ["card-default", "card-evidence-only"].map((id) => (document.getElementById(id) || {}).innerText || ""),
      option: Array.from(document.querySelectorAll("#table-options tbody tr td:first-child")).map((td) => td.textContent),
      sourceLinks: document.querySelectorAll("#card-evidence-only a, #card-evidence-only p").length,
    }));
    check(/sets every assumed effect size to no effect/.test(ev.text), "no sentence on what evidence-only does");
    check(ev.cards.every((t) => /\d%/.test(t)), "the default and evidence-only cards do not both show P(holds)");
    check(ev.sourceLinks >= 2, "the evidence-only card shows no description and sources");
    check(ev.option.includes("evidence-only"), "the options table has no evidence-only row");
  }
  if (expect("--expect-simulation")) {
    for (const id of ["chart-survival", "chart-escalation", "chart-troops", "chart-casualties"]) check(drew(id), id + " drew nothing");
    // The withdrawals tables (the first option, planned and required) name each contributor as
    // simulation.json labels it (notional units by their component), not by its code.
    const simFile = path.join(path.dirname(reportPath), "simulation.json");
    if (fs.existsSync(simFile)) {
      const variants = JSON.parse(fs.readFileSync(simFile, "utf8")).variants || [];
      const first = variants[0] || {};
      const forces = [first].concat(first.mode === "planned" ? variants.filter((v) => v.name === first.name && v.mode === "required") : []);
      const expected = forces.flatMap((v) => ((v.withdrawals || {}).by_nation || []).map((r) => r.label || r.nation));
      if (expect("--expect-notional")) check(expected.some((l) => l.startsWith("notional, ")), "no notional contributor in the withdrawals tables");
      const shown = await page.evaluate(() =>
        Array.from(document.querySelectorAll("#table-withdrawals tbody tr td:first-child")).map((td) => td.textContent));
      check(expected.length > 0 && JSON.stringify(shown) === JSON.stringify(expected),
        "the withdrawals table names " + JSON.stringify(shown) + ", simulation.json labels " + JSON.stringify(expected));
    }
  }
  if (expect("--expect-plan")) check(drew("chart-shortfall"), "chart-shortfall drew nothing");
  if (expect("--expect-sensitivity")) {
    check(drew("chart-tornado"), "chart-tornado drew nothing");
    const sens = await page.evaluate(() => ({
      sobolRows: document.querySelectorAll("#table-sobol tbody tr").length,
      headline: document.getElementById("sensitivity-headline").innerText,
      prim: document.getElementById("sensitivity-prim").innerText,
    }));
    check(sens.sobolRows >= 20, "the Sobol' table has fewer than 20 rows: " + sens.sobolRows);
    check(/median/.test(sens.headline), "the sensitivity headline interval is missing");
    check(sens.prim.length > 0, "the PRIM result is missing");
  }
  await page.screenshot({ path: screenshotPath, fullPage: true });
  const { assumptionKeys, ...summary } = state;
  console.log(JSON.stringify(summary));
} finally {
  await browser.close();
}
if (failures.length) {
  console.error("report check FAILED:\n  " + failures.join("\n  "));
  process.exit(1);
}
console.log("report check passed");
