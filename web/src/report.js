// guarantor report: renders the run's results (embedded as JSON) into the summary, map, charts and
// tables. Runs offline: Leaflet and ECharts are inlined above this script.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("guarantor-data").textContent);
  const fmt = (x, digits = 0) =>
    x === null || x === undefined || Number.isNaN(x) ? "–" : Number(x).toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const pct = (x, digits = 1) => (x === null || x === undefined ? "–" : fmt(100 * x, digits) + "%");
  const el = (tag, attrs = {}, children = []) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "text") node.textContent = v; else if (k === "html") node.innerHTML = v; else node.setAttribute(k, v);
    }
    for (const c of [].concat(children)) if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    return node;
  };
  const charts = [];

  // A table from rows: columns = [{key, label, num, render}].
  function table(columns, rows) {
    const head = el("tr", {}, columns.map((c) => el("th", { class: c.num ? "num" : "", text: c.label })));
    const body = rows.map((row) =>
      el("tr", {}, columns.map((c) => {
        const value = c.render ? c.render(row) : row[c.key];
        const cell = el("td", { class: c.num ? "num" : "" });
        if (value instanceof Node) cell.appendChild(value); else cell.textContent = value === undefined || value === null ? "–" : String(value);
        return cell;
      })));
    return el("div", { class: "table-wrap" }, el("table", {}, [el("thead", {}, head), el("tbody", {}, body)]));
  }

  function sourceLinks(provenance) {
    const span = el("span");
    if (!provenance) return span;
    (provenance.sources || []).forEach((s, i) => {
      if (i) span.appendChild(document.createTextNode("; "));
      const label = (s.outlet || s.file || "source") + (s.date ? ", " + s.date : "");
      if (s.url) span.appendChild(el("a", { href: s.url, target: "_blank", rel: "noopener", text: label }));
      else span.appendChild(document.createTextNode(label));
    });
    if (provenance.assumption) span.appendChild(el("span", { class: "tag", text: "assumption" }));
    if (provenance.note) span.appendChild(el("span", { class: "hint", text: " " + provenance.note }));
    return span;
  }

  // ---- Simulation adapters: one place that knows simulation.json's shape. ----
  function simVariants() {
    const sim = data.simulation;
    if (!sim) return [];
    if (Array.isArray(sim.variants) && sim.variants.length && sim.variants[0].survival) return sim.variants;
    return [Object.assign({ name: sim.variant || "base" }, sim)];
  }
  function survivalAt(variant, day) {
    const s = variant.survival || [];
    const entry = Array.isArray(s) ? s.find((e) => e.day === day) : s[String(day)];
    if (!entry) return null;
    return { p: entry.p, lo: entry.low, hi: entry.high };
  }
  // "name (mode)": a run simulates each option planned and required, so the name alone is ambiguous.
  function withMode(name, mode) {
    return mode ? name + " (" + mode + ")" : name;
  }

  function survivalCurve(variant) {
    return (variant.survival_curve || []).map((pt) => [pt.day, pt.p]);
  }
  function escalationLevels(variant) {
    return (variant.escalation && variant.escalation.highest_level) || [];
  }
  // A contributor as simulation.json labels it (notional units by the component they fill); the
  // code itself in files written before the label existed.
  function nationLabel(row) {
    return row.label || row.nation;
  }
  function casualtyRows(variant) {
    return (variant.casualties && variant.casualties.by_nation) || [];
  }
  // The last day of the period (simulation.json `days`, else the last survival row).
  function simDays() {
    const sim = data.simulation || {};
    if (sim.days) return sim.days;
    const s = (simVariants()[0] || {}).survival || [];
    return Array.isArray(s) && s.length ? s[s.length - 1].day : null;
  }
  // The simulated entry of option `name` in `mode` (planned by default; an entry without a mode matches).
  function findVariant(name, mode = "planned") {
    return simVariants().find((v) => v.name === name && (!v.mode || v.mode === mode)) || null;
  }
  // The scenario's declaration of a variant: {name, description, provenance}, or null.
  function declaredVariant(name) {
    return (data.variants || []).find((v) => v.name === name) || null;
  }
  const EVIDENCE_ONLY = "evidence-only";
  // Three decimals, or two significant digits below 0.0005 (0 of 10,000 holding has an upper bound
  // of 0.0004, which three decimals would show as 0.000).
  const prob3 = (x) => (x > 0 && x < 0.0005 ? String(Number(Number(x).toPrecision(2))) : fmt(x, 3));
  const interval3 = (e) => (e ? prob3(e.p) + " [" + prob3(e.low) + ", " + prob3(e.high) + "]" : "–");
  // The day by which half the replications failed, "> days" when more than half hold (null), "–"
  // in a file written before the field existed.
  const medianFailure = (e, days) => (!e || e.median_failure_day === undefined ? "–"
    : Number.isInteger(e.median_failure_day) ? "day " + e.median_failure_day : "> " + days);

  // ---- Coalition cohesion ----
  // Who withdraws, for the first option as planned and, when the run simulated it, as required (the
  // required force's notional units are contributors of their own, labelled by their component).
  function renderWithdrawals() {
    const box = document.getElementById("table-withdrawals");
    const first = simVariants()[0];
    const forces = first ? [first] : [];
    const required = first && first.mode === "planned" ? simVariants().find((v) => v.name === first.name && v.mode === "required") : null;
    if (required) forces.push(required);
    for (const v of forces) {
      const rows = (v.withdrawals && v.withdrawals.by_nation) || [];
      if (!rows.length) continue;
      box.appendChild(el("h4", { text: withMode(v.name, v.mode) + ": mean " + fmt((v.withdrawals || {}).mean_nations_withdrawn, 2) + " contributors withdrawn" }));
      box.appendChild(table([
        { label: "Contributor", render: nationLabel },
        { label: "P(withdraws)", num: true, render: (r) => pct(r.p) + " [" + pct(r.low) + ", " + pct(r.high) + "]" },
        { label: "by cause", render: (r) => Object.entries(r.by_cause || {}).map(([k, x]) => k.replace(/_/g, " ") + " " + pct(x)).join(", ") },
      ], rows));
    }
    if (!box.childElementCount) box.appendChild(el("p", { class: "hint", text: "No simulation in this run." }));
  }

  // ---- Summary ----
  function renderSummary() {
    const box = document.getElementById("summary-body");
    const plan = data.plan;
    const cards = el("div", { class: "cards" });
    const card = (label, big, extra, cls = "") => cards.appendChild(el("div", { class: "card" }, [
      el("div", { class: "label", text: label }), el("div", { class: "big " + cls, text: big }), extra ? el("div", { class: "label", text: extra }) : null]));
    if (plan) {
      const inTheatre = (plan.assignments || []).reduce((a, x) => a + (x.troops || 0), 0);
      card("Force package in theatre", fmt(inTheatre) + " troops", (plan.assignments || []).length + " assignments; solver status: " + plan.status);
      const short = (plan.shortfalls || []).filter((s) => (s.required || 0) > (s.filled || 0) + 1e-9);
      card("Components short of their requirement", String(short.length) + " of " + (plan.shortfalls || []).length,
        short.map((s) => s.component + " (" + fmt(s.filled) + "/" + fmt(s.required) + ")").join(", ") || "all filled", short.length ? "bad" : "good");
    }
    for (const v of simVariants()) {
      const y1 = survivalAt(v, 365), y2 = survivalAt(v, 730);
      card("P(ceasefire holds), " + withMode(v.name, v.mode), y1 ? pct(y1.p) + " at 1 yr" : "–",
        (y1 ? "95% CI " + pct(y1.lo) + "–" + pct(y1.hi) + ". " : "") + (y2 ? "2 yrs: " + pct(y2.p) + " (" + pct(y2.lo) + "–" + pct(y2.hi) + ")" : ""));
    }
    box.appendChild(cards);
    if (plan && plan.binding && plan.binding.length) {
      box.appendChild(el("h3", { text: "The three most binding constraints" }));
      box.appendChild(el("ol", {}, plan.binding.slice(0, 3).map((b) => el("li", { text: b.explanation || b.constraint }))));
    }
    if (plan && plan.contingency && plan.contingency.length) {
      const worst = plan.contingency.reduce((a, b) => ((b.shortfall_troops || 0) > (a.shortfall_troops || 0) ? b : a));
      box.appendChild(el("h3", { text: "The withdrawal that hurts most" }));
      box.appendChild(el("p", { text: "Without " + (worst.removed || []).join(" and ") + ": shortfall of " + fmt(worst.shortfall_troops) +
        " troops; components broken: " + ((worst.broken_components || []).join(", ") || "none") + "." }));
    }
    if (!plan && data.summary) {
      box.appendChild(el("p", { text: "No plan was computed; the tally of pledges is shown in the tables." }));
    }
  }

  // ---- Default beside evidence-only ----
  // The base option and the evidence-only variant (every assumed effect size set to no effect),
  // planned, side by side: from the simulation when the run compared them, else from the scenario's
  // reference class in reference_classes.json.
  function renderEvidenceOnly() {
    const box = document.getElementById("summary-evidence");
    const declared = declaredVariant(EVIDENCE_ONLY);
    const days = simDays();
    let base = null, evidence = null, origin = "";
    const simBase = simVariants()[0], simEvidence = findVariant(EVIDENCE_ONLY);
    if (simBase && simEvidence && days) {
      const b = survivalAt(simBase, days), e = survivalAt(simEvidence, days);
      if (b && e) {
        base = { p: b.p, low: b.lo, high: b.hi };
        evidence = { p: e.p, low: e.lo, high: e.hi };
        origin = "the simulation above (" + fmt((data.simulation || {}).replications) + " replications, common random numbers)";
      }
    }
    const rc = data.reference_classes;
    const chosen = rc && (rc.classes || []).find((c) => c.is_scenario_choice);
    if (!evidence && chosen && chosen.evidence_only) {
      base = chosen.p_hold_end;
      evidence = chosen.evidence_only;
      origin = "the reference-class runs (" + fmt(rc.replications) + " replications)";
    }
    if (!evidence) {
      if (declared) box.appendChild(el("p", { class: "hint", text: "The scenario declares an evidence-only variant, but this run did not simulate it." }));
      return;
    }
    const shownDays = days || (rc && rc.days);
    box.appendChild(el("h3", { text: "The default beside the evidence-only variant" }));
    box.appendChild(el("p", { text: "The evidence-only variant sets every assumed effect size to no effect (a hazard ratio of 1); " +
      "the rates of the other channels and simulation.days are unchanged (its description lists what is switched off). " +
      "The difference between the two cards is how much of the headline rests on assumed effect sizes. Both: base option, " +
      "planned force, from " + origin + "." }));
    const grid = el("div", { class: "side-by-side", id: "evidence-side-by-side" });
    const card = (label, e, extra, id) => el("div", { class: "card", id }, [
      el("div", { class: "label", text: label }),
      el("div", { class: "big", text: pct(e.p) }),
      el("div", { class: "label", text: "P(ceasefire holds " + shownDays + " days); 95% CI " + pct(e.low) + "–" + pct(e.high) }),
      extra]);
    grid.appendChild(card("Default (the scenario's assumptions)", base, null, "card-default"));
    const about = el("div", { class: "label" });
    if (declared) {
      about.appendChild(el("p", { text: declared.description || "" }));
      const src = el("p", {}, [el("span", { text: "Sources: " }), sourceLinks(declared.provenance)]);
      about.appendChild(src);
    }
    grid.appendChild(card("Evidence-only (assumed effect sizes set to no effect)", evidence, about, "card-evidence-only"));
    box.appendChild(grid);
  }

  // ---- Reference classes ----
  function renderReferenceClasses() {
    const box = document.getElementById("table-reference-classes");
    const rc = data.reference_classes;
    if (!rc || !(rc.classes || []).length) {
      box.appendChild(el("p", { class: "hint", text: "No reference-class runs in this report (guarantor run writes reference_classes.json)." }));
      return;
    }
    const withEvidence = rc.classes.some((c) => c.evidence_only);
    const columns = [
      { label: "Reference class", render: (c) => el("span", {}, [el("b", { text: c.title || c.key }), el("br"), el("code", { text: c.key }),
        c.is_scenario_choice ? el("span", { class: "tag committed", text: " the scenario's choice" }) : null]) },
      { label: "Baseline (Weibull)", render: (c) => (c.baseline_hazard ? "shape " + fmt(c.baseline_hazard.weibull_shape, 3) + ", scale " +
        fmt(c.baseline_hazard.weibull_scale_days, 0) + " d" : "–") },
      { key: "calibration", label: "Calibration (what the fit reproduces)" },
      { key: "source", label: "Source" },
      { label: "P(holds " + rc.days + " d), base planned [95%]", num: true, render: (c) => interval3(c.p_hold_end) },
      { label: "median failure", num: true, render: (c) => medianFailure(c.p_hold_end, rc.days) },
    ];
    if (withEvidence) {
      columns.push({ label: "evidence-only [95%]", num: true, render: (c) => interval3(c.evidence_only) });
      columns.push({ label: "evidence-only median failure", num: true, render: (c) => medianFailure(c.evidence_only, rc.days) });
    }
    box.appendChild(table(columns, rc.classes));
    const chosen = rc.classes.find((c) => c.is_scenario_choice);
    box.appendChild(el("p", { class: "hint", text: fmt(rc.replications) + " replications per class, seed " + rc.seed + ". " +
      "Median failure: the day by which half the replications have failed (> " + rc.days + ": more than half hold through the period). " +
      (chosen ? "The scenario uses " + chosen.key + "." : "The scenario sets its own baseline (" + rc.scenario_class + "), none of these.") }));
  }

  // ---- Map ----
  function renderMap() {
    const map = L.map("map", { preferCanvas: false, zoomSnap: 0.25 }).setView([48.5, 31.5], 5.5);
    const overlays = {};
    if (data.basemap) {
      L.geoJSON(data.basemap, {
        style: (f) => ({ color: "#7d8796", weight: 1, fillColor: f.properties && (f.properties.iso_a2 || f.properties.iso) === "UA" ? "#fbf6e9" : "#eceae4", fillOpacity: 1 }),
      }).addTo(map);
    }
    const groups = {};
    const group = (name, on = true) => {
      if (!groups[name]) { groups[name] = L.featureGroup(); if (on) groups[name].addTo(map); overlays[name] = groups[name]; }
      return groups[name];
    };
    const styleFor = (p) => {
      const kind = p.kind || p.layer || "";
      if (kind.includes("occupied")) return { color: "#7f6a6a", weight: 0, fillColor: "#7f6a6a", fillOpacity: 0.35 };
      if (kind.includes("aew")) return { color: "#b15928", weight: 1, dashArray: "2 3", fillOpacity: 0.04 };
      if (kind.includes("line")) return { color: "#b3261e", weight: 3 };
      if (kind.includes("buffer")) return { color: "#b3261e", weight: 1, dashArray: "4 3", fillColor: "#e57373", fillOpacity: 0.25 };
      if (kind.includes("air_defence") || kind.includes("ad_")) return { color: "#1f5fae", weight: 1, fillOpacity: 0.08 };
      if (kind.includes("air_policing")) return { color: "#6a3fa0", weight: 1, fillOpacity: 0.05 };
      if (kind.includes("monitor") || kind.includes("isr")) return { color: "#1e7d3a", weight: 1, fillOpacity: 0.08 };
      if (kind.includes("corridor")) return { color: "#0b7285", weight: 3, dashArray: "6 4" };
      return { color: "#444", weight: 1, fillOpacity: 0.1 };
    };
    // One overlay per layer and force mode ("planned: air_defence", "required: air_policing"): the
    // planned force is on by default, the required force (the option as designed) off. Context
    // (line, occupied side, buffer zone, corridor, hub candidates) is drawn once, from the planned laydown.
    const addFeature = (f, mode) => {
      const p = f.properties || {};
      const layerName = p.layer_title || p.layer || p.kind || "other";
      const perMode = p.layer || p.role === "hub";
      if (mode !== "planned" && !perMode) return;
      const name = perMode ? mode + ": " + layerName : layerName;
      const g = group(name, mode === "planned" && !p.default_hidden);
      L.geoJSON(f, {
        style: () => styleFor(p),
        pointToLayer: (feat, latlng) => L.circleMarker(latlng, {
          radius: p.kind === "hub" ? 8 : 4, color: p.kind === "hub" ? "#16213a" : "#555",
          fillColor: p.kind === "hub" ? "#f2b134" : "#fff", fillOpacity: 1, weight: 2 }),
        onEachFeature: (feat, layer) => {
          const title = p.name || p.title || p.label || layerName;
          layer.bindPopup("<b>" + title + "</b>" + (p.description ? "<br>" + p.description : "") + (perMode ? "<br>force: " + mode : ""));
          if (p.kind === "hub" || p.label) layer.bindTooltip(title, { permanent: p.kind === "hub" && mode === "planned", direction: "right", className: "map-label" });
        },
      }).addTo(g);
    };
    for (const [mode, collection] of [["planned", data.laydown], ["required", data.required_laydown]]) {
      for (const f of (collection && collection.features) || []) addFeature(f, mode);
    }
    L.control.layers(null, overlays, { collapsed: false }).addTo(map);
    L.control.scale({ metric: true, imperial: false }).addTo(map);
    const all = Object.values(groups).filter((g) => g.getLayers().length && map.hasLayer(g));
    if (all.length) {
      const bounds = L.featureGroup(all).getBounds();
      if (bounds.isValid()) map.fitBounds(bounds.pad(0.05));
    }
  }

  // ---- Charts ----
  function chart(id, option) {
    const node = document.getElementById(id);
    const c = echarts.init(node, null, { renderer: "canvas" });
    c.setOption(Object.assign({ animation: false, grid: { left: 60, right: 20, top: 30, bottom: 50 }, tooltip: { trigger: "axis" } }, option));
    charts.push(c);
  }
  function noData(id, why) { document.getElementById(id).appendChild(el("p", { class: "hint", text: why })); }

  function renderCharts() {
    const variants = simVariants();
    if (variants.length) {
      chart("chart-survival", {
        legend: { top: 0 },
        xAxis: { type: "value", name: "day", nameLocation: "middle", nameGap: 28 },
        yAxis: { type: "value", min: 0, max: 1, name: "P(holds)" },
        series: variants.map((v) => ({ name: withMode(v.name, v.mode), type: "line", showSymbol: false, data: survivalCurve(v) })),
      });
      const esc = escalationLevels(variants[0]);
      chart("chart-escalation", {
        legend: { top: 0 },
        xAxis: { type: "category", data: esc.map((e) => e.name), axisLabel: { interval: 0, rotate: 20 } },
        yAxis: { type: "value", name: "share of runs", max: 1 },
        series: variants.map((v) => ({ name: v.name, type: "bar", data: escalationLevels(v).map((e) => e.p) })),
      });
      const tt = variants.map((v) => ({ name: v.name, type: "line", showSymbol: false,
        data: (v.troops_in_theatre || []).map((pt) => [pt.day, pt.mean]) }));
      chart("chart-troops", { legend: { top: 0 }, xAxis: { type: "value", name: "day", nameLocation: "middle", nameGap: 28 }, yAxis: { type: "value", name: "troops" }, series: tt });
      const rows = casualtyRows(variants[0]);
      chart("chart-casualties", {
        xAxis: { type: "category", data: rows.map(nationLabel), axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: "value", name: "casualties" },
        series: [
          { name: "mean", type: "bar", data: rows.map((r) => r.mean) },
          { name: "p95", type: "scatter", data: rows.map((r) => r.p95) },
          { name: "p5", type: "scatter", data: rows.map((r) => r.p5) },
        ],
      });
    } else {
      for (const id of ["chart-survival", "chart-escalation", "chart-troops", "chart-casualties"]) noData(id, "No simulation in this run.");
    }
    renderDeterrenceTerms(variants);
    renderFailuresByLevel(variants);
    renderAirIncursions(variants);
    const shortfalls = (data.plan && data.plan.shortfalls) || [];
    if (shortfalls.length) {
      chart("chart-shortfall", {
        legend: { top: 0 },
        xAxis: { type: "category", data: shortfalls.map((s) => s.component), axisLabel: { interval: 0, rotate: 15 } },
        yAxis: { type: "value", name: "troops" },
        series: [
          { name: "required", type: "bar", data: shortfalls.map((s) => s.required) },
          { name: "filled", type: "bar", data: shortfalls.map((s) => s.filled) },
        ],
      });
    } else {
      noData("chart-shortfall", "No plan in this run.");
    }
  }

  // Per-term deterrence over time for one option (base planned first), chosen with a select.
  const TERM_ORDER = ["land", "air", "maritime", "nuclear", "us_backstop", "ukraine", "monitoring", "response_record"];
  function termKeys(rows) {
    const keys = new Set();
    for (const r of rows) for (const k of Object.keys(r)) if (k !== "day" && k !== "holding") keys.add(k);
    return TERM_ORDER.filter((k) => keys.has(k)).concat([...keys].filter((k) => !TERM_ORDER.includes(k)).sort());
  }
  function renderDeterrenceTerms(variants) {
    const id = "chart-deterrence";
    const select = document.getElementById("deterrence-variant");
    const withTerms = variants.map((v, i) => ({ v, i })).filter(({ v }) => Array.isArray(v.deterrence_terms) && v.deterrence_terms.length);
    if (!withTerms.length) {
      select.disabled = true;
      noData(id, "This simulation.json has no per-term deterrence output.");
      return;
    }
    for (const { v, i } of withTerms) select.appendChild(el("option", { value: String(i), text: withMode(v.name, v.mode) }));
    const option = (v) => {
      const rows = v.deterrence_terms;
      const keys = termKeys(rows);
      const series = keys.map((k) => ({ name: k.replace(/_/g, " "), type: "line", stack: "terms", showSymbol: false,
        areaStyle: { opacity: 0.5 }, lineStyle: { width: 1 }, data: rows.map((r) => r[k] || 0) }));
      series.push({ name: "total", type: "line", showSymbol: false, lineStyle: { width: 2.5, type: "dashed", color: "#16213a" },
        itemStyle: { color: "#16213a" }, data: rows.map((r) => keys.reduce((a, k) => a + (r[k] || 0), 0)) });
      if (rows.some((r) => r.holding !== undefined)) {
        series.push({ name: "share still holding", type: "line", yAxisIndex: 1, showSymbol: false,
          lineStyle: { type: "dotted", color: "#888" }, itemStyle: { color: "#888" }, data: rows.map((r) => r.holding) });
      }
      return {
        legend: { top: 0, type: "scroll" },
        grid: { left: 60, right: 60, top: 50, bottom: 50 },
        // A category axis: ECharts stacks series by index, one category a report day.
        xAxis: { type: "category", boundaryGap: false, data: rows.map((r) => r.day), name: "day", nameLocation: "middle", nameGap: 28 },
        yAxis: [{ type: "value", name: "mean log HR" }, { type: "value", name: "holding", min: 0, max: 1, splitLine: { show: false } }],
        series,
      };
    };
    chart(id, option(withTerms[0].v));
    const c = charts[charts.length - 1];
    select.addEventListener("change", () => c.setOption(Object.assign({ animation: false, tooltip: { trigger: "axis" } },
      option(variants[Number(select.value)])), true));
  }
  // The options drawn once each: the planned entries when the run has modes.
  function plannedOnly(variants) {
    const planned = variants.filter((v) => !v.mode || v.mode === "planned");
    return planned.length ? planned : variants;
  }
  function renderFailuresByLevel(variants) {
    const shown = plannedOnly(variants).filter((v) => Array.isArray(v.failures_by_level) && v.failures_by_level.length);
    if (!shown.length) { noData("chart-failures-level", "This simulation.json has no failures by level."); return; }
    const levels = [];
    for (const v of shown) for (const f of v.failures_by_level) if (!levels.some((l) => l.level === f.level)) levels.push({ level: f.level, name: f.name });
    levels.sort((a, b) => a.level - b.level);
    chart("chart-failures-level", {
      legend: { top: 0, type: "scroll" },
      grid: { left: 60, right: 20, top: 50, bottom: 50 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "category", data: levels.map((l) => l.level + " " + String(l.name || "").replace(/_/g, " ")), axisLabel: { interval: 0 } },
      yAxis: { type: "value", name: "share of failures", max: 1 },
      series: shown.map((v) => ({ name: withMode(v.name, v.mode), type: "bar",
        data: levels.map((l) => { const f = v.failures_by_level.find((x) => x.level === l.level); return f ? f.share : 0; }) })),
    });
  }
  function renderAirIncursions(variants) {
    const shown = plannedOnly(variants).filter((v) => v.air_incursions && typeof v.air_incursions === "object");
    if (!shown.length) { noData("chart-air", "This simulation.json has no air-incursion output."); return; }
    const metrics = ["incursions", "engagements", "shootdowns"];
    chart("chart-air", {
      legend: { top: 0 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 60, right: 20, top: 30, bottom: 70 },
      xAxis: { type: "category", data: shown.map((v) => withMode(v.name, v.mode)), axisLabel: { interval: 0, rotate: 25 } },
      yAxis: { type: "value", name: "per replication" },
      series: metrics.map((m) => ({ name: m === "shootdowns" ? "shoot-downs" : m, type: "bar", data: shown.map((v) => v.air_incursions[m] || 0) })),
    });
  }

  // ---- Sensitivity ----
  function renderSensitivity() {
    const s = data.sensitivity;
    const none = (id, why) => document.getElementById(id).appendChild(el("p", { class: "hint", text: why }));
    if (!s || !s.parameters) {
      for (const id of ["sensitivity-headline", "chart-tornado", "table-sobol", "sensitivity-prim"]) none(id, "No sensitivity analysis in this run.");
      return;
    }
    const d = s.design || {};
    const h = (s.headline || {}).p_hold_730;
    const head = document.getElementById("sensitivity-headline");
    head.appendChild(el("p", { text: `${d.method} design, ${d.points} points × ${d.replications} replications, k = ${d.k} assumptions, variant ${d.variant}.` }));
    if (h) {
      head.appendChild(el("p", { class: "headline", text:
        `P(holds 730 days) over the plausible ranges: median ${fmt(h.median, 3)}, 5th–95th percentile [${fmt(h.p5, 3)}, ${fmt(h.p95, 3)}]` +
        ` — against ${fmt(h.sampling.p, 3)} [${fmt(h.sampling.low, 3)}, ${fmt(h.sampling.high, 3)}] from sampling alone at the defaults.` }));
    }
    const bars = ((s.tornado || {}).bars || []).slice(0, 15).reverse();
    const centre = (s.tornado || {}).centre;
    chart("chart-tornado", {
      grid: { left: 330, right: 30, top: 30, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", name: "P(holds 730 days)", nameLocation: "middle", nameGap: 26, scale: true },
      yAxis: { type: "category", data: bars.map((b) => b.key.replace(/^simulation\./, "")), axisLabel: { fontSize: 10 } },
      series: [
        { name: "input low", type: "bar", data: bars.map((b) => b.output_low) },
        { name: "input high", type: "bar", data: bars.map((b) => b.output_high) },
        { name: "all at the centre of their ranges", type: "line", data: bars.map(() => centre), showSymbol: false, lineStyle: { type: "dashed" } },
      ],
    });
    const num = (v) => (Math.abs(v) >= 100 ? fmt(v, 0) : fmt(v, Math.abs(v) >= 1 ? 2 : 4));
    const sobol = (s.parameters || []).filter((p) => p.st !== null && p.st !== undefined).sort((a, b) => b.st - a.st);
    const ci = (v) => (v ? "[" + fmt(v[0], 3) + ", " + fmt(v[1], 3) + "]" : "–");
    document.getElementById("table-sobol").appendChild(sobol.length ? table([
      { key: "key", label: "Assumption" },
      { label: "Plausible range", render: (p) => (p.range_note ? "low .. high list" : num(p.low) + " .. " + num(p.high)) },
      { label: "ST", num: true, render: (p) => fmt(p.st, 3) }, { label: "ST 95% interval", render: (p) => ci(p.st_ci) },
      { label: "S1", num: true, render: (p) => fmt(p.s1, 3) }, { label: "S1 95% interval", render: (p) => ci(p.s1_ci) },
    ], sobol) : el("p", { class: "hint", text: "Sobol' indices need --method sobol." }));
    const prim = s.prim || {};
    const box = document.getElementById("sensitivity-prim");
    if (!(prim.boxes || []).length) {
      box.appendChild(el("p", { class: "hint", text: "PRIM found no box: " + (prim.reason || "") }));
    } else {
      prim.boxes.forEach((b, i) => {
        const major = (b.ranges || []).filter((r) => !r.minor);
        const minor = (b.ranges || []).length - major.length;
        const words = major.map((r) => `${r.key} between ${num(r.low)} and ${num(r.high)} (plausible ${num(r.plausible[0])}–${num(r.plausible[1])})`);
        if (minor) words.push(`${minor} slight trims of other inputs (each keeping 90% or more of its range)`);
        box.appendChild(el("p", { text: `Box ${i + 1}: when ${words.join(" and ") || "(no restriction)"}, ` +
          `${pct(b.density)} of design points have P(holds 730 days) below ${fmt(prim.threshold, 3)} ` +
          `(density), and the box holds ${pct(b.coverage)} of all such points (coverage).` }));
      });
    }
  }

  // ---- Tables ----
  function renderTables() {
    const pledges = [];
    for (const n of (data.summary && data.summary.nations) || []) {
      for (const p of n.pledges || []) pledges.push(Object.assign({ nation: n.name + " (" + n.code + ")" }, p));
    }
    document.getElementById("table-pledges").appendChild(table([
      { key: "nation", label: "Nation" },
      { key: "unit_type", label: "Offer (unit type)" },
      { key: "quantity", label: "Units", num: true },
      { key: "troops", label: "Troops", num: true, render: (r) => fmt(r.troops) },
      { label: "Status", render: (r) => el("span", { class: "tag " + r.status, text: r.status }) },
      { label: "Conditions", render: (r) => (r.conditions || []).join(", ") },
      { label: "Sources", render: (r) => sourceLinks(r.provenance) },
    ], pledges));
    const plan = data.plan || {};
    document.getElementById("table-assignments").appendChild(plan.assignments ? table([
      { key: "nation", label: "Nation" }, { key: "component", label: "Component" }, { key: "unit_type", label: "Unit type" },
      { key: "units", label: "Units", num: true }, { key: "troops", label: "Troops in theatre", num: true, render: (r) => fmt(r.troops) },
    ], plan.assignments) : el("p", { class: "hint", text: "No plan in this run." }));
    document.getElementById("table-contingency").appendChild(plan.contingency ? table([
      { label: "Removed", render: (r) => (r.removed || []).join(" + ") },
      { key: "shortfall_troops", label: "Shortfall (troops)", num: true, render: (r) => fmt(r.shortfall_troops) },
      { label: "Broken components", render: (r) => (r.broken_components || []).join(", ") || "none" },
    ], plan.contingency.slice().sort((a, b) => (b.shortfall_troops || 0) - (a.shortfall_troops || 0))) : el("p", { class: "hint", text: "No plan in this run." }));
    renderOptionsTable();
    const sim = data.simulation || {};
    const metrics = ["p_fail_by_end", "highest_level", "coalition_fatalities", "nations_withdrawn", "troops_at_end"];
    const interval = (m) => (m ? fmt(m.difference, 3) + " [" + fmt(m.low, 3) + ", " + fmt(m.high, 3) + "]" : "–");
    document.getElementById("table-comparisons").appendChild((sim.comparisons || []).length ? table(
      [{ label: "Option − baseline", render: (r) => withMode(r.variant, r.mode) + " − " + withMode(r.baseline, r.baseline_mode) }].concat(metrics.map((k) => ({ label: k.replace(/_/g, " "), render: (r) => interval((r.metrics || {})[k]) }))),
      sim.comparisons) : el("p", { class: "hint", text: "Only one option was simulated." }));
    renderWithdrawals();
    // Every row of `guarantor params` for this run, keys spelled as params spells them.
    const showValue = (v) => (v === null || v === undefined ? "unknown" : Array.isArray(v) ? "[" + v.join(", ") + "]" : String(v));
    document.getElementById("table-assumptions").appendChild(table([
      { key: "key", label: "Key" }, { key: "stage", label: "Stage" },
      { label: "Value", render: (r) => showValue(r.value) },
      { key: "unit", label: "Unit" }, { key: "label", label: "Label" },
      { label: "Plausible range", render: (r) => (r.plausible ? showValue(r.plausible[0]) + " .. " + showValue(r.plausible[1]) : "–") },
      { key: "source", label: "Source" },
    ], data.assumptions || []));
    const m = data.manifest || {};
    document.getElementById("manifest-body").appendChild(table([{ key: "k", label: "Field" }, { key: "v", label: "Value" }],
      Object.entries(m).map(([k, v]) => ({ k, v: typeof v === "object" ? JSON.stringify(v) : v }))));
    const s = data.scenario || {};
    document.getElementById("subtitle").textContent = (s.file || "") + (s.as_of ? " · sources up to " + s.as_of : "") +
      (m.generated ? " · generated " + m.generated : "");
  }

  // Every option the simulation compared, with the scenario's description and sources, and
  // P(holds to the end) for each force mode simulated.
  function renderOptionsTable() {
    const box = document.getElementById("table-options");
    const variants = simVariants();
    const days = simDays();
    if (!variants.length) { box.appendChild(el("p", { class: "hint", text: "No simulation in this run." })); return; }
    const names = [...new Set(variants.map((v) => v.name))];
    const modes = [...new Set(variants.map((v) => v.mode || ""))];
    const rows = names.map((name) => {
      const declared = declaredVariant(name);
      const row = { name, description: name === "base" ? "The scenario as given." : (declared ? declared.description : ""),
                    provenance: declared ? declared.provenance : null };
      for (const m of modes) {
        const v = variants.find((x) => x.name === name && (x.mode || "") === m);
        row[m] = v && days ? survivalAt(v, days) : null;
      }
      return row;
    });
    const cell = (s) => (s ? fmt(s.p, 3) + " [" + fmt(s.lo, 3) + ", " + fmt(s.hi, 3) + "]" : "–");
    box.appendChild(table([
      { label: "Option", render: (r) => el("b", { text: r.name }) },
      { key: "description", label: "What it is" },
      { label: "Sources", render: (r) => sourceLinks(r.provenance) },
    ].concat(modes.map((m) => ({ label: "P(holds " + days + " d)" + (m ? ", " + m : ""), num: true, render: (r) => cell(r[m]) }))), rows));
  }

  renderSummary();
  renderEvidenceOnly();
  renderReferenceClasses();
  renderTables();
  renderSensitivity();
  renderMap();
  renderCharts();
  window.addEventListener("resize", () => charts.forEach((c) => c.resize()));
  document.body.setAttribute("data-rendered", "true");
})();
