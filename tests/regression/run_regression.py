#!/usr/bin/python3
"""Golden regression tests: runs guarantor on fixed cases and compares its outputs byte for byte.

Every folder tests/regression/<case>/ holds
  scenario.txt  the repository-relative path of the scenario (referenced, not copied, so it cannot go stale)
  commands      the guarantor commands to run and the files each one produces (format below)
  expected/     the reviewed outputs: every produced file must equal its copy here, byte for byte

`commands` has one command a line; blank lines and lines starting with '#' are ignored:
  plan {scenario} --out {out} -> plan.json              compare files the command writes into {out}
  params {scenario} --json > params.json                compare what the command prints on stdout
{scenario} is the path in scenario.txt and {out} a fresh temporary folder for that command. File
names must be unique within a case. guarantor runs in the source folder, so the outputs carry
repository-relative paths; any absolute path of the source or temporary folder that still appears
is replaced by '<source>/' or '<out>/' before the comparison.

With --update (or GUARANTOR_UPDATE_GOLDEN=1) the produced files replace expected/ and the changed
ones are listed: review them with `git diff tests/regression` before committing. A difference
nobody intended is a bug in the change that caused it, not a reason to update.

Usage: run_regression.py --cli build/guarantor [--source-dir DIR] [--case NAME]... [--update]
Exit 0 when every case matches (or was updated), 1 on a difference, 2 on a broken case or command.
"""

import argparse
import difflib
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DIFF_LINES = 40
COMMAND_TIMEOUT_SECONDS = 120


class CaseError(Exception):
    """A case that cannot be run: a malformed case folder or a command that failed."""


class Command:
    def __init__(self, args, out_files, stdout_file):
        self.args = args                # guarantor arguments, placeholders still in
        self.out_files = out_files      # files the command writes into {out}
        self.stdout_file = stdout_file  # name under which its stdout is compared, or None

    def produced_names(self):
        return self.out_files + ([self.stdout_file] if self.stdout_file else [])


def parse_command(line, where):
    if "->" in line:
        args_text, files_text = line.split("->", 1)
        out_files, stdout_file = files_text.split(), None
    elif ">" in line:
        args_text, files_text = line.split(">", 1)
        names = files_text.split()
        if len(names) != 1:
            raise CaseError(f"{where}: '>' takes exactly one file name")
        out_files, stdout_file = [], names[0]
    else:
        raise CaseError(f"{where}: expected '-> FILE...' or '> FILE' after the arguments")
    command = Command(shlex.split(args_text), out_files, stdout_file)
    if not command.args or not command.produced_names():
        raise CaseError(f"{where}: a command needs arguments and at least one output file")
    return command


def load_case(case_dir):
    name = os.path.basename(case_dir)
    scenario_file = os.path.join(case_dir, "scenario.txt")
    commands_file = os.path.join(case_dir, "commands")
    for path in (scenario_file, commands_file):
        if not os.path.isfile(path):
            raise CaseError(f"{name}: missing {os.path.basename(path)}")
    with open(scenario_file, encoding="utf-8") as f:
        scenario = f.read().strip()
    commands = []
    with open(commands_file, encoding="utf-8") as f:
        for number, raw in enumerate(f, start=1):
            line = raw.strip()
            if line and not line.startswith("#"):
                commands.append(parse_command(line, f"{name}/commands:{number}"))
    names = [n for c in commands for n in c.produced_names()]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise CaseError(f"{name}/commands: output names used twice: {', '.join(duplicates)}")
    return scenario, commands


def normalise(content, source_dir, out_dir):
    """Replaces absolute paths that depend on where the test runs with stable placeholders."""
    for path, placeholder in ((out_dir, b"<out>"), (source_dir, b"<source>")):
        content = content.replace(os.fsencode(path + os.sep), placeholder + b"/")
    return content


def child_environment(source_dir):
    """The repository under test supplies the data, whatever the caller's environment says."""
    env = dict(os.environ)
    env["GUARANTOR_GEO_DATA"] = os.path.join(source_dir, "data", "geo")
    env["GUARANTOR_DATA_DIR"] = os.path.join(source_dir, "data")
    return env


def run_case(cli, source_dir, case_dir, work_dir):
    """Runs every command of the case; returns {file name: normalised bytes}."""
    name = os.path.basename(case_dir)
    scenario, commands = load_case(case_dir)
    if not os.path.isfile(os.path.join(source_dir, scenario)):
        raise CaseError(f"{name}/scenario.txt: no such scenario '{scenario}' in {source_dir}")
    produced = {}
    for index, command in enumerate(commands):
        out_dir = os.path.join(work_dir, f"{name}-{index}")
        os.makedirs(out_dir)
        args = [a.replace("{scenario}", scenario).replace("{out}", out_dir) for a in command.args]
        run = subprocess.run([cli, *args], cwd=source_dir, env=child_environment(source_dir),
                             capture_output=True, timeout=COMMAND_TIMEOUT_SECONDS)
        if run.returncode != 0:
            stderr = run.stderr.decode("utf-8", "replace").strip()
            raise CaseError(f"{name}: `guarantor {shlex.join(args)}` exited {run.returncode}\n{stderr}")
        if command.stdout_file:
            produced[command.stdout_file] = normalise(run.stdout, source_dir, out_dir)
        for file_name in command.out_files:
            path = os.path.join(out_dir, file_name)
            if not os.path.isfile(path):
                raise CaseError(f"{name}: `guarantor {shlex.join(args)}` did not write {file_name}")
            with open(path, "rb") as f:
                produced[file_name] = normalise(f.read(), source_dir, out_dir)
    return produced


def readable_lines(content):
    """Lines to show in a diff. Single-line JSON (GeoJSON) is pretty-printed so the diff points at
    the value that moved; the comparison itself stays byte for byte."""
    text = content.decode("utf-8", "replace")
    if text.count("\n") <= 1 and len(text) > 200:
        try:
            text = json.dumps(json.loads(text), indent=1, ensure_ascii=False) + "\n"
        except ValueError:
            pass
    return [line if len(line) <= 200 else line[:200] + "…\n" for line in text.splitlines(keepends=True)]


def short_diff(expected, actual, label):
    diff = list(difflib.unified_diff(readable_lines(expected), readable_lines(actual),
                                     fromfile=f"expected/{label}", tofile=f"produced/{label}", n=2))
    shown = "".join(line if line.endswith("\n") else line + "\n" for line in diff[:DIFF_LINES])
    if len(diff) > DIFF_LINES:
        shown += f"... {len(diff) - DIFF_LINES} more diff lines\n"
    return shown


def expected_files(expected_dir):
    if not os.path.isdir(expected_dir):
        return set()
    return {n for n in os.listdir(expected_dir) if os.path.isfile(os.path.join(expected_dir, n))}


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def check_case(name, produced, expected_dir):
    """Prints the differences; returns True when every file matches."""
    ok = True
    for file_name in sorted(produced):
        path = os.path.join(expected_dir, file_name)
        if not os.path.isfile(path):
            print(f"FAIL {name}/{file_name}: no expected file (run with --update and review the new file)")
            ok = False
            continue
        expected = read_bytes(path)
        if expected != produced[file_name]:
            print(f"FAIL {name}/{file_name} differs from expected/{file_name}:")
            sys.stdout.write(short_diff(expected, produced[file_name], file_name))
            ok = False
    for file_name in sorted(expected_files(expected_dir) - set(produced)):
        print(f"FAIL {name}/expected/{file_name}: no command produces it any more (run with --update)")
        ok = False
    return ok


def update_case(name, produced, expected_dir):
    """Writes the produced files into expected/ and prints what changed."""
    os.makedirs(expected_dir, exist_ok=True)
    changed = 0
    for file_name in sorted(produced):
        path = os.path.join(expected_dir, file_name)
        status = "new" if not os.path.isfile(path) else (
            "unchanged" if read_bytes(path) == produced[file_name] else "changed")
        if status != "unchanged":
            with open(path, "wb") as f:
                f.write(produced[file_name])
            print(f"{status:9} {os.path.relpath(path, HERE)}")
            changed += 1
    for file_name in sorted(expected_files(expected_dir) - set(produced)):
        path = os.path.join(expected_dir, file_name)
        os.remove(path)
        print(f"removed   {os.path.relpath(path, HERE)}")
        changed += 1
    if changed == 0:
        print(f"unchanged {name}")


def find_cases(selected):
    available = sorted(n for n in os.listdir(HERE) if os.path.isfile(os.path.join(HERE, n, "commands")))
    unknown = [n for n in selected if n not in available]
    if unknown:
        raise CaseError(f"unknown case(s) {', '.join(unknown)}; available: {', '.join(available)}")
    return selected or available


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True, help="the guarantor binary")
    parser.add_argument("--source-dir", default=os.path.dirname(os.path.dirname(HERE)),
                        help="repository root (default: two folders above this script)")
    parser.add_argument("--case", action="append", default=[], help="run only this case (repeatable)")
    parser.add_argument("--update", action="store_true",
                        default=os.environ.get("GUARANTOR_UPDATE_GOLDEN") == "1",
                        help="rewrite expected/ instead of comparing (also GUARANTOR_UPDATE_GOLDEN=1)")
    options = parser.parse_args()
    cli = os.path.abspath(options.cli)
    source_dir = os.path.realpath(options.source_dir)

    failed = broken = 0
    try:
        cases = find_cases(options.case)
    except CaseError as error:
        print(f"ERROR {error}")
        return 2
    with tempfile.TemporaryDirectory(prefix="guarantor-regression-") as work_dir:
        for name in cases:
            case_dir = os.path.join(HERE, name)
            expected_dir = os.path.join(case_dir, "expected")
            started = time.monotonic()
            try:
                produced = run_case(cli, source_dir, case_dir, work_dir)
            except (CaseError, subprocess.TimeoutExpired, OSError) as error:
                print(f"ERROR {error}")
                broken += 1
                continue
            if options.update:
                update_case(name, produced, expected_dir)
            elif check_case(name, produced, expected_dir):
                print(f"ok   {name} ({len(produced)} files, {time.monotonic() - started:.1f} s)")
            else:
                failed += 1
    if options.update and not broken:
        print("Review the changes with `git diff tests/regression` before committing them.")
    elif failed:
        print(f"{failed} case(s) differ. If the change was intended, rerun with --update and review "
              "`git diff tests/regression`; otherwise the difference is a regression.")
    return 2 if broken else (1 if failed else 0)


if __name__ == "__main__":
    sys.exit(main())
