#!/usr/bin/env bash
# Builds the release preset and prints one table of Oversight's speed and memory on this
# machine, each figure beside the target the performance work aims at:
#   - person-days per second of the world alone and of the full pipeline (world, sensors,
#     the default city's 14 rules and 2 scores, police, audit; no twin), at 100,000 and
#     1,000,000 persons, on 1 and 2 threads, and the speed-up from 1 to 2 threads
#     (Google Benchmark, bench/world_step_bench.cc, median of 3; the full pipeline steps
#     days 0 to 29 of the default city on each thread count);
#   - the rule set alone (bench/rules_bench.cc), and after the table each rule's state after
#     14 days of a 1,000,000-person city;
#   - the world state in bytes per person (oversight world-stats);
#   - against the analyst's tool: the default city at 500,000 persons x 30 days, Oversight's
#     whole run (generation included; no twin) against DuckDB running the same 14 rules as
#     SQL over the run's exported trace (bench/sql-baseline/; query time, loading apart),
#     and whether every rule raised the same alerts in both;
#   - whole runs: the default city (100,000 x 30), and with --scale the scaling series
#     (100,000 to 10,000,000 persons x 5 days) and bench/tianjin-scale.toml (14,000,000 x 30):
#     wall time, person-days per second over the day loop and peak memory (/usr/bin/time).
#
# Usage: bash bench/run.sh            (from the repository root; about 5 minutes, and 2 GB
#                                      of disk for the trace, removed after)
#        bash bench/run.sh --scale    (adds the scaling series and Tianjin; about 8 minutes,
#                                      and 11 GiB of memory)
set -euo pipefail
cd "$(dirname "$0")/.."

scale=0
for option in "$@"; do
  case "$option" in
    --scale) scale=1 ;;
    *) echo "bench/run.sh: unknown option '$option' (expected --scale)" >&2; exit 2 ;;
  esac
done

bash scripts/install-deps.sh --sql >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release --target world_step_bench rules_bench oversight >/dev/null
bin=./build/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "Measuring on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))..." >&2

# Micro-benchmarks: "<name> <persons> <threads> <items_per_second>" per line.
"$bin/bench/world_step_bench" --benchmark_format=csv --benchmark_min_time=2 \
  --benchmark_repetitions=3 --benchmark_report_aggregates_only=true 2>/dev/null |
  awk -F, '$1 ~ /_median"?$/ { gsub(/"/, "", $1); split($1, part, "/");
    sub(/^BM_/, "", part[1]); sub(/persons:/, "", part[2]); sub(/threads:/, "", part[3]);
    print part[1], part[2], part[3], $7 }' >"$work/micro"
"$bin/bench/rules_bench" --benchmark_format=csv 2>"$work/rules.err" |
  awk -F, 'NR > 1 && $1 ~ /BM_Rules/ { gsub(/"/, "", $1); split($1, part, "/");
    sub(/persons:/, "", part[2]); sub(/threads:/, "", part[3]); print "Rules", part[2], part[3], $7 }' \
  >>"$work/micro"

rate() { awk -v b="$1" -v p="$2" -v t="$3" '$1 == b && $2 == p && $3 == t { print $4 }' "$work/micro"; }
millions() { awk -v x="$1" 'BEGIN { printf "%.2f M", x / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", b / a }'; }

# A whole run: prints "<wall s> <person-days/s over the day loop> <peak MiB>".
run() {
  rm -rf "$work/out"
  /usr/bin/time -f 'TIME %e %M' "$bin/oversight" run "$@" --out "$work/out" -q --profile \
    >/dev/null 2>"$work/run.err" || { cat "$work/run.err" >&2; exit 1; }
  awk '/person-days\/s over the day loop/ { for (i = 1; i <= NF; ++i) if ($i == "person-days/s") pd = $(i - 1) }
       /^TIME/ { wall = $2; peak = $3 / 1024 }
       END { printf "%s %s %.0f\n", wall, pd, peak }' "$work/run.err"
}

row() { printf '| %s | %s | %s |\n' "$1" "$2" "$3"; }
thousands() { echo "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }

echo
echo "| measure | this machine | target |"
echo "|---|---:|---:|"
for persons in 100000 1000000; do
  for bench in WorldStep FullDay; do
    one=$(rate "$bench" "$persons" 1)
    two=$(rate "$bench" "$persons" 2)
    label=$([ "$bench" = WorldStep ] && echo "world alone" || echo "full pipeline")
    target=$([ "$bench" = WorldStep ] && echo "≥ 4 M per core" || echo "≥ 1.5 M per core")
    row "$label, $(thousands "$persons") persons, 1 thread (person-days/s)" "$(millions "$one")" "$target"
    row "$label, $(thousands "$persons") persons, 2 threads (person-days/s)" "$(millions "$two")" ""
    row "$label, $(thousands "$persons") persons, speed-up 1 → 2 threads" "$(ratio "$one" "$two")" "≥ 1.8x"
  done
done
row "rule set alone, 1,000,000 persons, 1 thread (observations/s)" "$(millions "$(rate Rules 1000000 1)")" "≥ 20 M per core"
row "rule set alone, 1,000,000 persons, 2 threads (observations/s)" "$(millions "$(rate Rules 1000000 2)")" ""
bytes=$("$bin/oversight" world-stats --persons 1000000 --days 0 | sed -n 's/.*(\([0-9.]*\) per person).*/\1/p')
row "world state, 1,000,000 persons (bytes per person)" "$bytes" "≤ 200"
read -r wall pd peak < <(run)
row "default city, 100,000 × 30 with the twin, 2 threads: wall, day loop, peak" \
  "${wall} s, $(millions "$pd") pd/s, ${peak} MiB" ""
# Against DuckDB: Oversight's whole run, then the same run's trace through the SQL rules.
read -r wall pd peak < <(run --persons 500000 --no-twin)
"$bin/oversight" run --persons 500000 --no-twin --out "$work/out" -q --export-trace "$work/trace" >/dev/null
node bench/sql-baseline/run.mjs "$work/trace" --quiet --json "$work/sql.json" >"$work/sql.txt" ||
  { cat "$work/sql.txt" >&2; echo "bench/run.sh: the SQL rules disagree with Oversight (above)" >&2; }
rm -rf "$work/trace"
read -r sql_seconds load_seconds same rules < <(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(r.query_seconds.toFixed(2), r.load_seconds.toFixed(2),
              r.rules.filter((x) => x.same).length, r.rules.length);' "$work/sql.json")
row "default city, 500,000 × 30, no twin, 2 threads: Oversight's whole run (wall)" "${wall} s" ""
row "the same 14 rules as SQL in DuckDB, 2 threads: query time (loading ${load_seconds} s apart)" \
  "${sql_seconds} s" ""
row "DuckDB's query time ÷ Oversight's whole run" "$(ratio "$wall" "$sql_seconds")" "≥ 10x"
row "rules whose alerts are the same in Oversight and DuckDB" "${same} of ${rules}" "all"
if [ "$scale" = 1 ]; then
  for persons in 100000 1000000 3000000 10000000; do
    read -r wall pd peak < <(run --persons "$persons" --days 5 --no-twin)
    row "$(thousands "$persons") × 5, no twin, 2 threads: wall, day loop, peak" \
      "${wall} s, $(millions "$pd") pd/s, ${peak} MiB ($(awk -v m="$peak" -v p="$persons" 'BEGIN { printf "%.0f", m * 1048576 / p }') B/person)" \
      "linear in persons"
  done
  read -r wall pd peak < <(run bench/tianjin-scale.toml)
  row "bench/tianjin-scale.toml (14,000,000 × 30, no twin): wall, day loop, peak" \
    "${wall} s, $(millions "$pd") pd/s, ${peak} MiB" "< 180 s, < 6,144 MiB"
fi

echo
echo "Rule state carried across days, after 14 days of a 1,000,000-person city:"
grep "per watched person" "$work/rules.err" || true
