#!/usr/bin/env bash
# Regenerates data/geo/countries.geojson and data/geo/places.tsv from the npm packages pinned in
# package-lock.json. Needs node >= 18 and npm; the C++ build never runs this.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
npm ci --no-audit --no-fund
node generate.mjs "${1:-$here/../../data/geo}"
