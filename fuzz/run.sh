#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time, in parallel (one per core), from a seed
# corpus of the shipped scenarios. Used by `make fuzz`; needs the fuzz preset built.
#
#   FUZZ_SECONDS=600 bash fuzz/run.sh     # ten minutes per target
#
# Corpora grow in build/fuzz/corpus/<target>/ across runs. A crash leaves its input as
# build/fuzz/crash-<target>-*: fix the bug, then copy the input into
# fuzz/regressions/<target>/ so that the test suite replays it (tests/fuzz/).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
build=build/fuzz
targets=(scenario_loader rule_compiler)

for target in "${targets[@]}"; do
  [ -x "$build/fuzz/${target}_fuzz" ] || { echo "fuzz: $build/fuzz/${target}_fuzz is missing; run 'make fuzz'" >&2; exit 2; }
  mkdir -p "$build/corpus/$target"
done
# Seeds: whole scenario files for the loader; their apparatus (from the first list, rule or
# score on) for the rule compiler. Earlier findings are seeds too.
for file in scenarios/*.toml tests/sim/e2e/*.toml; do
  name=$(basename "$file" .toml)
  cp "$file" "$build/corpus/scenario_loader/seed-$name"
  awk 'found || /^\[\[(lists|rules|scores)\]\]/ { found = 1; print }' "$file" \
    > "$build/corpus/rule_compiler/seed-$name"
done
for target in "${targets[@]}"; do
  cp fuzz/regressions/"$target"/* "$build/corpus/$target/" 2>/dev/null || true
done

pids=()
for target in "${targets[@]}"; do
  echo "fuzz: $target for ${seconds} s" >&2
  "$build/fuzz/${target}_fuzz" "$build/corpus/$target" -dict=fuzz/scenario.dict \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=16384 \
    -print_final_stats=1 -artifact_prefix="$build/crash-$target-" \
    > "$build/$target.log" 2>&1 &
  pids+=($!)
done
status=0
for i in "${!targets[@]}"; do
  if ! wait "${pids[$i]}"; then
    echo "fuzz: ${targets[$i]} found a problem; see $build/${targets[$i]}.log" >&2
    status=1
  fi
done
for target in "${targets[@]}"; do
  echo "== $target" >&2
  grep -E "^#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::average_exec_per_sec|cov:" \
    "$build/$target.log" | tail -3 >&2 || true
done
exit "$status"
