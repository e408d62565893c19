#!/usr/bin/python3
"""Checks schema/scenario.schema.json against the scenarios we ship and against the C++ loader.

  1. The schema itself is a valid JSON Schema (draft-07).
  2. Shipped scenarios validate: tests/data/minimal.yaml and data/scenarios/mnf-ukraine.yaml.
  3. Hand-made variations of the minimal scenario are accepted or rejected as expected: an unknown
     top-level key, a bad status, latitude 95, a pledge without source... must fail; the word
     `unknown`, the code NO, `yes` for true, [lat, lon] as a mapping... must pass.
  4. With --cli (the built `guarantor` binary), the loader must give the same verdict on every
     variation of step 3, and must not accept any scenario under tests/data or data/scenarios that
     the schema rejects. That is what keeps the schema from drifting away from src/io/.

Exit status 0 when every check passes, 1 otherwise.
"""

import argparse
import copy
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml


# --- YAML as the loader reads it -------------------------------------------------------------
# yaml-cpp has no implicit typing: each key's reader interprets the text. PyYAML's default YAML 1.1
# rules would turn `NO` (Norway) into false, `2025-09-05` into a date and leave `3e6` a string.
# The YAML 1.2 core schema (what editors use too) matches the loader's reading of every scalar.
class CoreSchemaLoader(yaml.SafeLoader):
    """A safe loader with YAML 1.2 core-schema scalars that rejects duplicate keys."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = key_node.value
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def _construct_core_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


CoreSchemaLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+0123456789.")),
]:
    CoreSchemaLoader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(pattern), first)
CoreSchemaLoader.add_constructor("tag:yaml.org,2002:int", _construct_core_int)


def keys_as_text(value):
    """Mapping keys are text to the loader (and in JSON)."""
    if isinstance(value, dict):
        return {str(k).lower() if isinstance(k, bool) else str(k): keys_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [keys_as_text(v) for v in value]
    return value


def load_yaml_text(text):
    return keys_as_text(yaml.load(text, Loader=CoreSchemaLoader))  # noqa: S506 (a SafeLoader subclass)


def load_yaml_file(path):
    with open(path, encoding="utf-8") as f:
        return load_yaml_text(f.read())


# --- checks ----------------------------------------------------------------------------------
class Checker:
    def __init__(self, schema, cli):
        self.validator = jsonschema.Draft7Validator(schema)
        self.cli = cli
        self.failures = []
        self.passed = 0

    def fail(self, message):
        self.failures.append(message)
        print("FAIL: " + message)

    def ok(self, message):
        self.passed += 1
        print("ok:   " + message)

    def schema_errors(self, document):
        return sorted(self.validator.iter_errors(document), key=lambda e: list(e.absolute_path))

    def loader_accepts(self, path):
        """True/False from `guarantor validate`; raises if the CLI misbehaves (neither 0 nor 2)."""
        run = subprocess.run([self.cli, "validate", path], capture_output=True, text=True, timeout=60)
        if run.returncode not in (0, 2):
            raise RuntimeError(f"guarantor validate {path} exited {run.returncode}: {run.stderr.strip()}")
        return run.returncode == 0, run.stderr.strip()

    def expect_file_valid(self, path):
        try:
            document = load_yaml_file(path)
        except yaml.YAMLError as e:
            self.fail(f"{path}: cannot parse: {e}")
            return
        errors = self.schema_errors(document)
        if errors:
            self.fail(f"{path}: the schema rejects a scenario it must accept:\n" + describe(errors))
        else:
            self.ok(f"{path} validates against the schema")

    def check_case(self, name, text, expect_valid):
        document = load_yaml_text(text)
        errors = self.schema_errors(document)
        if bool(errors) == expect_valid:
            verdict = "rejects" if errors else "accepts"
            self.fail(f"case '{name}': the schema {verdict} it" + (":\n" + describe(errors) if errors else ""))
        else:
            self.ok(f"case '{name}': schema {'accepts' if expect_valid else 'rejects'} it")
        if not self.cli:
            return
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as f:
            f.write(text)
            path = f.name
        try:
            accepted, stderr = self.loader_accepts(path)
        finally:
            os.unlink(path)
        if accepted != expect_valid:
            self.fail(f"case '{name}': the loader {'accepts' if accepted else 'rejects'} it, "
                      f"expected the opposite (schema and loader disagree or the case is wrong)\n{stderr}")
        else:
            self.ok(f"case '{name}': loader agrees")

    def check_loader_agreement(self, paths):
        """Every file the loader accepts, the schema must accept (the reverse cannot hold: the schema
        does not check references between sections)."""
        for path in paths:
            accepted, _ = self.loader_accepts(path)
            if not accepted:
                print(f"info: {path}: rejected by the loader (an invalid fixture); not compared")
                continue
            self.expect_file_valid(path)


def deepest_cause(error):
    """anyOf errors (optional sections, figures) hide the real cause among the branches' errors:
    the one deepest in the document, preferring a real mismatch over `not null`."""
    leaves = []

    def collect(e):
        if e.context:
            for sub in e.context:
                collect(sub)
        else:
            leaves.append(e)

    collect(error)
    return max(leaves, key=lambda e: (len(e.absolute_path), e.validator != "type")) if leaves else error


def describe(errors, limit=8):
    lines = []
    for error in errors[:limit]:
        e = deepest_cause(error)
        where = "/".join(str(p) for p in e.absolute_path) or "(top)"
        lines.append(f"    at {where}: {e.message[:200]}")
    if len(errors) > limit:
        lines.append(f"    ... and {len(errors) - limit} more")
    return "\n".join(lines)


# --- variations of the minimal scenario ------------------------------------------------------
def by_id(items, wanted, key="id"):
    return next(item for item in items if item.get(key) == wanted)


def mutations():
    """(name, expect_valid, function that changes the minimal scenario in place)."""

    cases = []

    def case(name, expect_valid):
        def register(fn):
            cases.append((name, expect_valid, fn))
            return fn
        return register

    # Must fail: the four named in the issue, then one per kind of rule.
    @case("unknown top-level key", False)
    def _(d): d["pledgez"] = []

    @case("bad pledge status", False)
    def _(d): by_id(d["pledges"], "GB-land")["status"] = "comitted"

    @case("site latitude 95", False)
    def _(d): by_id(d["geography"]["sites"], "kyiv")["lat"] = 95

    @case("pledge without source", False)
    def _(d): del by_id(d["pledges"], "GB-land")["source"]

    @case("pledge with an empty sources list", False)
    def _(d):
        pledge = by_id(d["pledges"], "GB-land")
        del pledge["source"]
        pledge["sources"] = []

    @case("probability without provenance", False)
    def _(d): by_id(d["pledges"], "FR-land")["probability"] = 0.8

    @case("probability above 1", False)
    def _(d): by_id(d["pledges"], "FR-land")["probability"]["value"] = 1.2

    @case("planning factor without source or assumption", False)
    def _(d): del by_id(d["components"], "land")["requirements"][0]["assumption"]

    @case("planning factor with assumption: false", False)
    def _(d): by_id(d["components"], "land")["requirements"][0]["assumption"] = False

    @case("site without source or assumption", False)
    def _(d): del by_id(d["geography"]["sites"], "lviv")["source"]

    @case("line of contact without source or assumption", False)
    def _(d): del d["geography"]["line_of_contact"]["assumption"]

    @case("alternative value without source", False)
    def _(d): del by_id(d["pledges"], "FR-land")["alternatives"][0]["source"]

    @case("bad unit domain", False)
    def _(d): by_id(d["unit_types"], "inf_bn")["domain"] = "space"

    @case("bad component kind", False)
    def _(d): by_id(d["components"], "land")["kind"] = "peacekeeping"

    @case("bad component location", False)
    def _(d): by_id(d["components"], "land")["location"] = "inside_ukraine"

    @case("bad site kind", False)
    def _(d): by_id(d["geography"]["sites"], "kyiv")["kind"] = "town"

    @case("bad condition", False)
    def _(d): by_id(d["pledges"], "GB-land")["conditions"] = ["cease_fire"]

    @case("bad membership", False)
    def _(d): by_id(d["nations"], "GB", "code")["memberships"] = ["OTAN"]

    @case("misspelt nation key", False)
    def _(d): by_id(d["nations"], "GB", "code")["nuclear_armd"] = True

    @case("nation code not two capitals", False)
    def _(d): by_id(d["nations"], "PL", "code")["code"] = "pol"

    @case("id with a space", False)
    def _(d): by_id(d["unit_types"], "fighter_det")["id"] = "fighter det"

    @case("figure mapping without value", False)
    def _(d): by_id(d["nations"], "FR", "code")["active_personnel"] = {"source": "seed-004"}

    @case("required figure missing", False)
    def _(d): del by_id(d["unit_types"], "inf_bn")["troops_per_unit"]

    @case("figure out of range", False)
    def _(d): by_id(d["unit_types"], "inf_bn")["deploy_months"] = 0.1

    @case("figure that is a word", False)
    def _(d): by_id(d["unit_types"], "inf_bn")["troops_per_unit"] = "lots"

    @case("whole number expected", False)
    def _(d): by_id(d["components"], "land")["min_nations"] = 1.5

    @case("negative requirement units", False)
    def _(d): by_id(d["components"], "land")["requirements"][0]["units"] = -1

    @case("requirements: null", False)
    def _(d): by_id(d["components"], "air")["requirements"] = None

    @case("driver without a value", False)
    def _(d): by_id(d["components"], "air")["drivers"]["orbits"] = None

    @case("source confidence not verified/uncertain", False)
    def _(d): d["sources"][0]["confidence"] = "maybe"

    @case("inline source without outlet or file", False)
    def _(d): by_id(d["pledges"], "GB-land")["source"] = {"date": "2025-01-01"}

    @case("registry source without id", False)
    def _(d): d["sources"].append({"outlet": "Somebody"})

    @case("line of contact with one point", False)
    def _(d): d["geography"]["line_of_contact"]["points"] = [[50.3, 37.5]]

    @case("point with three coordinates", False)
    def _(d): d["geography"]["line_of_contact"]["points"][0] = [50.3, 37.5, 0]

    @case("longitude 200 in a line", False)
    def _(d): d["geography"]["line_of_contact"]["points"][0] = [50.3, 200]

    @case("key not read in geography", False)
    def _(d): d["geography"]["source"] = "seed-004"

    @case("format version 2", False)
    def _(d): d["guarantor"] = 2

    @case("no scenario section", False)
    def _(d): del d["scenario"]

    @case("no nations", False)
    def _(d): d["nations"] = []

    @case("variant path with an empty segment", False)
    def _(d): by_id(d["variants"], "small", "name")["set"] = {"components.land..hubs": 1}

    @case("variant with an id key", False)
    def _(d): by_id(d["variants"], "small", "name")["id"] = "small"

    @case("plan section that is not a mapping", False)
    def _(d): d["plan"] = 5

    # Must pass: legal forms a stricter schema would wrongly reject.
    @case("minimal scenario as shipped", True)
    def _(d): pass

    @case("nation code NO, flags as yes/no", True)
    def _(d): d["nations"].append({"code": "NO", "name": "Norway", "memberships": ["NATO"], "nuclear_armed": "no",
                                   "active_personnel": {"value": "unknown", "source": "seed-004"}})

    @case("unknown values and empty optional keys", True)
    def _(d):
        pledge = by_id(d["pledges"], "GB-land")
        pledge["quantity"] = "unknown"
        pledge["description"] = None
        pledge["probability"] = "unknown"
        by_id(d["nations"], "GB", "code")["gdp_usd_bn"] = None

    @case("several sources, inline and registered", True)
    def _(d):
        pledge = by_id(d["pledges"], "GB-land")
        del pledge["source"]
        pledge["sources"] = ["seed-004", {"outlet": "Reuters", "date": "2026-01-08", "url": "https://example.org/x",
                                          "confidence": "verified"}]

    @case("assumption as true and as a sentence", True)
    def _(d):
        by_id(d["pledges"], "FR-land")["probability"] = {"value": 0.5, "assumption": True, "note": "even odds"}
        by_id(d["components"], "air")["requirements"][0]["assumption"] = "three detachments keep one orbit"

    @case("positions as mappings, closed buffer ring", True)
    def _(d):
        d["geography"]["line_of_contact"]["points"] = [{"lat": 50.3, "lon": 37.5}, {"lat": 46.6, "lon": 32.6}]
        ring = d["geography"]["buffer_zone"]["points"]
        ring.append(list(ring[0]))

    @case("borders, population, fractional per", True)
    def _(d):
        d["geography"]["borders"] = {"RU": {"points": [[52.3, 34.0], [50.3, 38.0]], "source": "seed-004"}}
        by_id(d["geography"]["sites"], "kyiv")["population"] = {"value": 2.9e6, "source": "seed-004"}
        by_id(d["components"], "land")["requirements"][0]["per"] = 0.5
        by_id(d["components"], "land")["min_nations"] = 2.0

    @case("settings sections empty", True)
    def _(d):
        d["plan"] = None
        d["laydown"] = None
        d["simulation"] = None

    return cases


# Text-level cases: scalars whose reading depends on the YAML rules, not on the schema.
TEXT_CASES = [
    ("unquoted dates", True, ('as_of: "2026-02-27"', "as_of: 2026-02-27"), ('date: "2025-09-05"', "date: 2025-09-05")),
    ("exponent without a dot", True, ("troops_per_unit: 600", "troops_per_unit: 6e2")),
    ("duplicate key", False, ("    nuclear_armed: true\n    active_personnel: {value: 138000",
                              "    nuclear_armed: true\n    nuclear_armed: true\n    active_personnel: {value: 138000")),
]


def run_cases(checker, minimal_text):
    base = load_yaml_text(minimal_text)
    for name, expect_valid, mutate in mutations():
        document = copy.deepcopy(base)
        mutate(document)
        checker.check_case(name, yaml.safe_dump(document, sort_keys=False, allow_unicode=True), expect_valid)
    for name, expect_valid, *replacements in TEXT_CASES:
        text = minimal_text
        for old, new in replacements:
            if old not in text:
                checker.fail(f"text case '{name}': '{old}' no longer occurs in minimal.yaml; update the case")
                break
            text = text.replace(old, new, 1)
        else:
            if expect_valid:
                checker.check_case(name, text, True)
            else:
                try:
                    load_yaml_text(text)
                    checker.fail(f"text case '{name}': parsed without error")
                except yaml.YAMLError:
                    checker.ok(f"text case '{name}': rejected when read")


def scenario_files(source_dir):
    found = []
    for folder in ("tests/data", "data/scenarios"):
        for root, _, files in os.walk(os.path.join(source_dir, folder)):
            found += [os.path.join(root, f) for f in files if f.endswith((".yaml", ".yml"))]
    return sorted(found)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    parser.add_argument("--cli", help="the built guarantor binary; compares the loader's verdicts with the schema's")
    args = parser.parse_args()
    source_dir = os.path.abspath(args.source_dir)

    with open(os.path.join(source_dir, "schema", "scenario.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft7Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        print(f"FAIL: schema/scenario.schema.json is not a valid draft-07 schema: {e.message}")
        return 1
    print("ok:   schema/scenario.schema.json is a valid draft-07 schema")

    cli = args.cli
    if cli and not os.path.isfile(cli):
        print(f"note: {cli} is not built; skipping the comparison with the loader")
        cli = None
    checker = Checker(schema, cli)

    minimal = os.path.join(source_dir, "tests", "data", "minimal.yaml")
    checker.expect_file_valid(minimal)
    default = os.path.join(source_dir, "data", "scenarios", "mnf-ukraine.yaml")
    if os.path.exists(default):
        checker.expect_file_valid(default)
    else:
        print(f"skip: {default} does not exist yet")

    with open(minimal, encoding="utf-8") as f:
        run_cases(checker, f.read())
    if cli:
        others = [p for p in scenario_files(source_dir) if p not in (minimal, default)]
        checker.check_loader_agreement(others)

    print(f"\n{checker.passed} checks passed, {len(checker.failures)} failed")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
