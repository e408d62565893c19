#!/usr/bin/env bash
# Installs every Debian 12 package guarantor needs to build, test and benchmark.
# Idempotent: packages already present are skipped, and apt-get runs only when something is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  clang libclang-rt-14-dev            # libFuzzer and the sanitizer runtimes
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  coinor-libcbc-dev coinor-cbc glpk-utils libglpk-dev
  libgeographiclib-dev librandom123-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libboost-dev                        # Boost.Random's Sobol' sequence (sensitivity designs)
  python3 python3-numpy python3-yaml python3-jsonschema
  python3-openturns                   # cross-checks the Sobol' indices from an exported design
  libssl-dev                          # SHA-256 of inputs in the run manifest
  chromium                            # headless browser for the report test
  openmpi-bin libopenmpi-dev          # mpirun: simulate and sensitivity across ranks (optional at build time)
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

# Node.js and npm build the report's front-end assets. The machine image may ship Node.js from
# elsewhere (with its own npm); only fall back to Debian's packages when there is no npm at all.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The report's JavaScript libraries (Leaflet, ECharts) and the browser test driver, pinned by
# web/package-lock.json. Reinstalled only when the lock file changes.
web_dir="$(cd "$(dirname "$0")/.." && pwd)/web"
if [ ! -f "$web_dir/node_modules/.package-lock.json" ] || [ "$web_dir/package-lock.json" -nt "$web_dir/node_modules/.package-lock.json" ]; then
  echo "install-deps: npm ci in web/"
  (cd "$web_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
