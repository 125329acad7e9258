#!/usr/bin/env bash
# Installs exactly the Debian packages Oversight needs to build, test and benchmark.
# Idempotent: packages already present are skipped, and apt-get runs only when one is missing.
# Usage: scripts/install-deps.sh            (needs root, or sudo when not root)
set -euo pipefail

packages=(
  build-essential cmake make pkg-config git
  libtomlplusplus-dev   # scenario files (TOML)
  libcli11-dev          # command line
  libfmt-dev            # formatting
  nlohmann-json3-dev    # report.json
  librandom123-dev      # counter-based RNG (Philox)
  libtbb-dev            # parallel day step
  libabsl-dev           # Status / StatusOr
  libgtest-dev libgmock-dev  # unit and end-to-end tests
  libbenchmark-dev      # micro-benchmarks
  time                  # bench/run.sh: wall time and peak memory
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
