#!/usr/bin/python3
"""Checks that the parameter registry, the JSON Schema, the docs and the loader agree.

  1. The schema's definitions of the plan, laydown and simulation sections are exactly what the
     registry generates (`guarantor params --schema`), and docs/model/parameters.md is exactly
     `guarantor params --markdown`. Refresh both with scripts/update-generated.sh.
  2. For every registered parameter, values at and beyond its allowed range (and of the wrong
     type) are written into the minimal scenario; the schema and the loader must accept and reject
     the same ones.
  3. `guarantor params` on the shipped scenario: at least 60 simulation parameters, every row has a
     label and a non-empty source, and every simulation `assumption` has a plausible range.

Usage: check_registry.py --source-dir DIR --cli build/guarantor. Exit 0 when every check passes.
"""

import argparse
import copy
import json
import math
import os
import subprocess
import sys
import tempfile

import jsonschema
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_schema import load_yaml_text  # noqa: E402 (the YAML 1.2 core-schema reading the loader uses)


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL: " + message)
        return condition


def run_cli(cli, *args):
    run = subprocess.run([cli, *args], capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        raise RuntimeError(f"guarantor {' '.join(args)} exited {run.returncode}: {run.stderr.strip()}")
    return run.stdout


def check_generated(report, cli, source_dir):
    with open(os.path.join(source_dir, "schema", "scenario.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    generated = json.loads(run_cli(cli, "params", "--schema"))
    for name, definition in generated.items():
        report.check(schema["definitions"].get(name) == definition,
                     f"schema definition '{name}' differs from the registry: run scripts/update-generated.sh")
    with open(os.path.join(source_dir, "docs", "model", "parameters.md"), encoding="utf-8") as f:
        docs = f.read()
    report.check(docs == run_cli(cli, "params", "--markdown"),
                 "docs/model/parameters.md differs from the registry: run scripts/update-generated.sh")
    print(f"ok:   {len(generated)} schema definitions and docs/model/parameters.md match the registry")
    return schema


def candidates(row):
    """(label, value) pairs around the parameter's allowed range and of the wrong type."""
    kind = row["kind"]
    low, high = row["range"]
    if kind in ("number", "integer"):
        values = [("low", low), ("mid", low if high is None else (low + high) / 2)]
        if high is not None:
            values.append(("high", high))
            values.append(("above high", high + max(1.0, abs(high)) * 1e-3))
        values.append(("below low", low - max(1.0, abs(low)) * 1e-3))
        if kind == "integer":
            values = [(n, math.floor(v) if n in ("low", "high") else v) for n, v in values]
            values.append(("fraction", math.floor(values[0][1]) + 0.5))
        values.append(("word", "lots"))
        values.append(("figure form", {"value": low, "assumption": "a test value"}))
        return values
    if kind == "number_list":
        fixed = row.get("length", 0) > 0
        size = row["length"] if fixed else 2
        values = [("at low", [low] * size), ("below low", [low - 1] * size), ("not a list", 3)]
        if high is not None:
            values.append(("above high", [high + 1] * size))
        if fixed:
            values.append(("one too many", [low] * (size + 1)))
        return values
    if kind == "boolean":
        return [("true", True), ("yes", "yes"), ("word", "maybe")]
    if kind == "choice":
        return [("first", row["value"]), ("bad", "no-such-choice")]
    if kind == "seed":
        return [("zero", 0), ("largest", 18446744073709551615), ("negative", -1), ("word", "x")]
    if kind == "text_list":
        return [("names", ["a", "b"]), ("mapping", {"a": 1})]
    if kind == "date":
        # The schema checks the pattern only; the loader also rejects days that do not exist
        # (2027-02-30) and dates outside the allowed range: tests/io covers those.
        return [("date", row["value"]), ("month 13", "2027-13-01"), ("word", "soon"), ("number", 3),
                ("no dashes", "20270101")]
    return []


def with_value(document, key, value):
    doc = copy.deepcopy(document)
    node = doc
    parts = key.split(".")
    for part in parts[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[parts[-1]] = value
    return doc


def check_accept_reject(report, cli, source_dir, schema):
    validator = jsonschema.Draft7Validator(schema)
    minimal_path = os.path.join(source_dir, "tests", "data", "minimal.yaml")
    with open(minimal_path, encoding="utf-8") as f:
        minimal = load_yaml_text(f.read())
    rows = [r for r in json.loads(run_cli(cli, "params", minimal_path, "--json")) if r["stage"] != "scenario"]
    cases = []
    with tempfile.TemporaryDirectory() as folder:
        for row in rows:
            for label, value in candidates(row):
                doc = with_value(minimal, row["key"], value)
                path = os.path.join(folder, f"case{len(cases):04d}.yaml")
                with open(path, "w", encoding="utf-8") as f:
                    yaml.safe_dump(doc, f, sort_keys=False, allow_unicode=True)
                cases.append((row["key"], label, value, path, not list(validator.iter_errors(doc))))
        run = subprocess.run([cli, "validate", *[c[3] for c in cases]], capture_output=True, text=True, timeout=600)
        rejected = {line.split(":", 1)[0] for line in run.stderr.splitlines() if ": error: " in line}
    agree = 0
    for key, label, value, path, schema_accepts in cases:
        loader_accepts = path not in rejected
        if report.check(loader_accepts == schema_accepts,
                        f"{key} = {value!r} ({label}): schema {'accepts' if schema_accepts else 'rejects'}, "
                        f"loader {'accepts' if loader_accepts else 'rejects'}"):
            agree += 1
    report.check(any(not c[4] for c in cases) and any(c[4] for c in cases),
                 "the generated cases must include both accepted and rejected values")
    print(f"ok:   schema and loader agree on {agree} of {len(cases)} values of {len(rows)} registered parameters")


def check_listing(report, cli, source_dir):
    default = os.path.join(source_dir, "data", "scenarios", "mnf-ukraine.yaml")
    rows = json.loads(run_cli(cli, "params", default, "--json"))
    simulation = [r for r in rows if r["stage"] == "simulation"]
    report.check(len(simulation) >= 60, f"only {len(simulation)} simulation parameters are listed (at least 60)")
    for r in rows:
        report.check(r["label"] in ("sourced", "derived", "assumption"), f"{r['key']}: bad label {r['label']!r}")
        report.check(bool(r["source"].strip()) and r["source"].strip() != "assumption",
                     f"{r['key']}: the source must give a citation or the reasoning, not be empty or the bare word")
        if r["stage"] == "simulation" and r["label"] == "assumption":
            report.check(r["plausible"] is not None, f"{r['key']}: a simulation assumption needs a plausible range")
    keys = [r["key"] for r in rows]
    report.check(len(keys) == len(set(keys)), "keys are listed once each")
    print(f"ok:   params lists {len(rows)} rows, {len(simulation)} of them simulation parameters")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    parser.add_argument("--cli", required=True, help="the built guarantor binary")
    args = parser.parse_args()
    source_dir = os.path.abspath(args.source_dir)
    report = Report()
    schema = check_generated(report, args.cli, source_dir)
    check_accept_reject(report, args.cli, source_dir, schema)
    check_listing(report, args.cli, source_dir)
    print(f"\n{report.passed} checks passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
