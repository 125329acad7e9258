// The cross-check of the SQL baseline: every stream rule, run as SQL in DuckDB over the
// trace Oversight exports, raises the very alerts Oversight raised (same persons, same
// minutes, same multiplicity). Runs tests/bench/cross_check.toml (every operator and its
// branches, loosened so each rule fires) at two thread counts, checks that the two traces
// are the same bytes, that the lists changed during the run (so the SQL had to follow
// them day by day), that each rule raised enough alerts for the comparison to mean
// something, and that the comparison does catch a single missing alert.
//
// Usage: node sql_cross_check_test.mjs OVERSIGHT_BINARY SOURCE_DIR WORK_DIR
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const [binary, sourceDir, workDir] = process.argv.slice(2);
if (!workDir) {
  console.error('usage: node sql_cross_check_test.mjs OVERSIGHT_BINARY SOURCE_DIR WORK_DIR');
  process.exit(2);
}
const { openTrace, runRules, compareRule } =
  await import(path.join(sourceDir, 'bench', 'sql-baseline', 'baseline.mjs'));

const failures = [];
function check(condition, message) {
  if (!condition) failures.push(message);
}

rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const scenario = path.join(sourceDir, 'tests', 'bench', 'cross_check.toml');
const traces = [];
for (const threads of ['1', '2']) {
  const trace = path.join(workDir, `trace-j${threads}`);
  execFileSync(binary, ['run', scenario, '--threads', threads, '--quiet',
                        '--out', path.join(workDir, `run-j${threads}`), '--export-trace', trace],
               { stdio: ['ignore', 'ignore', 'inherit'] });
  traces.push(trace);
}

// The trace is an output like any other: the same bytes at any thread count.
const files = readdirSync(traces[0]).sort();
check(files.length === 15, `expected 15 files in the trace, found ${files.join(', ')}`);
check(JSON.stringify(readdirSync(traces[1]).sort()) === JSON.stringify(files),
      'the two traces hold different files');
for (const file of files) {
  const a = readFileSync(path.join(traces[0], file));
  const b = readFileSync(path.join(traces[1], file));
  check(a.equals(b), `${file} differs between --threads 1 and --threads 2`);
}

const { db, trace } = await openTrace(traces[0], 2);
check(trace.synthetic === true, 'trace.json does not say the trace is synthetic');

// The lists moved during the run: members added after day 0 and members taken off.
const [lists] = (await db.runAndReadAll(`
  SELECT count(*) FILTER (WHERE from_day > 0) AS added,
         count(*) FILTER (WHERE until_day < ${trace.days}) AS removed FROM list_members`)).getRowObjects();
check(Number(lists.added) >= 10, `only ${lists.added} list additions during the run`);
check(Number(lists.removed) >= 10, `only ${lists.removed} list removals during the run`);

const runs = await runRules(db, trace);
const operators = new Set(runs.map((r) => r.operator));
for (const op of ['filter', 'together', 'count', 'norm', 'dwell', 'pair', 'companions', 'sequence']) {
  check(operators.has(op), `no rule of operator '${op}' in the cross-check`);
}
for (const run of runs) {
  const c = await compareRule(db, run.index);
  check(c.oversight_alerts >= 5, `${run.id}: only ${c.oversight_alerts} alerts, too few to compare`);
  check(c.same, `${run.id}: ${c.only_sql} alerts only in SQL, ${c.only_oversight} only in Oversight ` +
    `(e.g. ${JSON.stringify(c.examples)})`);
}

// The comparison catches one alert missing from Oversight's side.
const victim = runs.find((r) => r.operator === 'companions');
await db.run(`DELETE FROM alerts WHERE rowid = (SELECT min(rowid) FROM alerts WHERE rule = ${victim.index})`);
const mutated = await compareRule(db, victim.index);
check(!mutated.same && mutated.only_sql === 1 && mutated.only_oversight === 0,
      `a deleted alert went unnoticed: ${JSON.stringify(mutated)}`);

if (failures.length > 0) {
  for (const f of failures) console.error(`FAIL: ${f}`);
  process.exit(1);
}
console.log(`sql cross-check: ${runs.length} rules, every alert the same in Oversight and DuckDB`);
