#!/usr/bin/env bash
# Builds the release preset and prints person-days per second for the world step alone and
# for the full pipeline, at 100,000 and 1,000,000 persons, on 1 and 2 threads, plus the
# whole `oversight run` of the default city (100,000 persons x 30 days), and the rule set
# alone over a 1,000,000-person city's observation stream.
#
# Usage: bash bench/run.sh            (from the repository root; about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release --target world_step_bench rules_bench oversight >/dev/null

csv=$(mktemp)
trap 'rm -f "$csv"' EXIT
./build/release/bench/world_step_bench --benchmark_format=csv --benchmark_min_time=2 \
  --benchmark_repetitions=3 --benchmark_report_aggregates_only=true >"$csv" 2>/dev/null

echo "Micro-benchmarks (median of 3 repetitions; person-days per second):"
printf '  %-12s %10s %8s %16s\n' benchmark persons threads person-days/s
# CSV columns: name,iterations,real_time,cpu_time,time_unit,bytes_per_second,items_per_second,...
awk -F, '$1 ~ /_median"?$/ {
  gsub(/"/, "", $1); split($1, part, "/");
  sub(/^BM_/, "", part[1]); sub(/persons:/, "", part[2]); sub(/threads:/, "", part[3]);
  printf "  %-12s %10s %8s %16.0f\n", part[1], part[2], part[3], $7 }' "$csv"

echo
echo "The whole article rule set alone over 14 days of a 1,000,000-person city's observations"
echo "and records (per-rule state after day 14 first; then observations + records per second):"
./build/release/bench/rules_bench --benchmark_format=csv 2>"$csv.rules" >"$csv"
grep "per watched person" "$csv.rules"
awk -F, 'NR > 1 && $1 ~ /BM_Rules/ {
  gsub(/"/, "", $1); split($1, part, "/"); sub(/threads:/, "", part[3]);
  printf "  %s thread(s): %.1f M observations/s\n", part[3], $7 / 1e6 }' "$csv"
rm -f "$csv.rules"

echo
echo "Whole run of the default city (100,000 persons x 30 days, 2 threads):"
out=$(mktemp -d)
/usr/bin/time -f '  wall %e s, peak memory %M KiB' ./build/release/oversight run --out "$out/o" \
  --threads 2 -q --profile 2>&1 >/dev/null | sed -n 's/^oversight: /  /p; /wall/p'
rm -rf "$out"
