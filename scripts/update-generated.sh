#!/usr/bin/env bash
# Regenerates the files that come from the parameter registry (src/scenario/*_parameters.cpp):
#   schema/scenario.schema.json   the definitions of the plan, laydown and simulation sections
#   docs/model/parameters.md      the parameter tables
# Usage: scripts/update-generated.sh [BUILD_DIR]   (default build; the guarantor binary must be built)
# tests/schema/check_registry.py fails until the committed files match the registry.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="${1:-$root/build}/guarantor"
[ -x "$cli" ] || { echo "update-generated: build guarantor first ($cli not found)" >&2; exit 1; }
"$cli" params --markdown > "$root/docs/model/parameters.md"
"$cli" params --schema | /usr/bin/python3 -c '
import json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    schema = json.load(f)
schema["definitions"].update(json.load(sys.stdin))
with open(path, "w", encoding="utf-8") as f:
    json.dump(schema, f, indent=2, ensure_ascii=False)
    f.write("\n")
' "$root/schema/scenario.schema.json"
echo "update-generated: wrote docs/model/parameters.md and the registry's definitions in schema/scenario.schema.json"
