#!/usr/bin/env bash
# Installs exactly what Oversight needs to build, test and benchmark: Debian packages, and
# the chart libraries inlined into report.html (npm, pinned in web/package-lock.json).
# Idempotent: packages already present are skipped, apt-get runs only when one is missing,
# and npm only when web/node_modules is missing or older than the lock file.
# Usage: scripts/install-deps.sh [--browser] [--sql] [--fuzz] [--tidy]   (root, or sudo when not root)
#   --browser   also Chromium, for the headless-browser test of the report (make test)
#   --sql       also DuckDB for Node.js (npm, pinned in bench/sql-baseline/package-lock.json),
#               for the SQL baseline: its cross-check (make test) and bench/run.sh
#   --fuzz      also clang with its libFuzzer runtime, for the fuzz targets (make fuzz)
#   --tidy      also clang-tidy, for the static checks of .clang-tidy (make tidy)
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
  libcereal-dev         # checkpoints (portable binary archives)
  libxxhash-dev         # checkpoint checksums (XXH3)
  libgtest-dev libgmock-dev  # unit and end-to-end tests
  libbenchmark-dev      # micro-benchmarks
  time                  # bench/run.sh: wall time and peak memory
  clang-format          # the layout check of the test suite (scripts/check-format.sh)
)
# Node.js and npm fetch the chart libraries; a machine may already have them outside apt.
if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi
sql=0
for option in "$@"; do
  case "$option" in
    --browser) packages+=(chromium chromium-driver) ;;
    --sql) sql=1 ;;
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
    --tidy) packages+=(clang-tidy) ;;
    *) echo "install-deps: unknown option '$option' (expected --browser, --sql, --fuzz or --tidy)" >&2; exit 2 ;;
  esac
done

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
  fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "install-deps: done"
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
# npm ci in folder $1 (what it holds: $2) unless its node_modules is newer than its lock file.
npm_ci() {
  if [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules" ]; then
    echo "install-deps: installing $2 (npm ci in ${1#"$root"/}/)"
    npm ci --prefix "$1" --no-audit --no-fund --loglevel=error
    touch "$1/node_modules"
  else
    echo "install-deps: $2 present (${1#"$root"/}/node_modules)"
  fi
}
npm_ci "$root/web" "the chart libraries"
if [ "$sql" -eq 1 ]; then npm_ci "$root/bench/sql-baseline" "DuckDB for Node.js"; fi
