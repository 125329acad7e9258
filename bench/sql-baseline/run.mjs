// Runs a trace's rules as SQL in DuckDB and compares their alerts with Oversight's.
//
//   node bench/sql-baseline/run.mjs TRACE_DIR [--threads N] [--json FILE] [--quiet]
//
// Loads the trace's CSV files into an in-memory DuckDB database (timed apart), runs each
// stream rule's query (rules.mjs) and times it, then compares, rule by rule, the alerts
// (person, minute; a multiset) with those Oversight raised in the same run (alerts.csv,
// suppressed ones included). Prints one line per rule; exits 1 if any rule differs, 2 on
// bad input. --json writes the timings and counts for bench/run.sh.
import { writeFileSync } from 'node:fs';
import { TraceError, compareRule, openTrace, runRules } from './baseline.mjs';

function usage(message) {
  if (message) console.error(`sql-baseline: ${message}`);
  console.error('usage: node bench/sql-baseline/run.mjs TRACE_DIR [--threads N] [--json FILE] [--quiet]');
  process.exit(2);
}

const args = process.argv.slice(2);
let dir = null;
let threads = 2;
let jsonPath = null;
let quiet = false;
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--threads') threads = Number(args[++i]);
  else if (args[i] === '--json') jsonPath = args[++i];
  else if (args[i] === '--quiet') quiet = true;
  else if (args[i].startsWith('--')) usage(`unknown option '${args[i]}'`);
  else if (dir === null) dir = args[i];
  else usage(`unexpected argument '${args[i]}'`);
}
if (dir === null) usage('no trace folder given');
if (!Number.isInteger(threads) || threads < 1) usage('--threads needs a positive integer');

let opened;
try {
  opened = await openTrace(dir, threads);
} catch (e) {
  if (e instanceof TraceError) usage(e.message);
  throw e;
}
const { db, trace, loadSeconds, rows, version } = opened;
if (!quiet) {
  console.log(`sql-baseline: DuckDB ${version}, ${threads} threads; trace '${trace.scenario}': ` +
    `${trace.persons} persons x ${trace.days} days, ${rows} evidence rows loaded in ${loadSeconds.toFixed(2)} s`);
}
const results = [];
for (const run of await runRules(db, trace)) {
  const c = await compareRule(db, run.index);
  results.push({ id: run.id, operator: run.operator, seconds: run.seconds, ...c });
  if (!quiet || !c.same) {
    console.log(`  ${run.id.padEnd(26)} ${run.operator.padEnd(11)} ${run.seconds.toFixed(3).padStart(8)} s ` +
      `${String(c.sql_alerts).padStart(7)} alerts  ${c.same ? 'same as Oversight'
        : `DIFFERENT: ${c.only_sql} only in SQL, ${c.only_oversight} only in Oversight (of ${c.oversight_alerts})`}`);
    for (const e of c.examples) console.log(`      only in ${e.side}: person ${e.person} at minute ${e.time}`);
  }
}
const differing = results.filter((r) => !r.same).length;
const total = results.reduce((sum, r) => sum + r.seconds, 0);
console.log(`sql-baseline: ${results.length} rules, query time ${total.toFixed(2)} s (loading ` +
  `${loadSeconds.toFixed(2)} s apart); ${differing === 0 ? 'every rule yields the same alerts as Oversight'
    : `${differing} rule(s) differ`}`);
if (jsonPath !== null) {
  writeFileSync(jsonPath, JSON.stringify({ persons: trace.persons, days: trace.days, threads, rows,
    load_seconds: loadSeconds, query_seconds: total, rules: results }, null, 2) + '\n');
}
process.exit(differing === 0 ? 0 : 1);
