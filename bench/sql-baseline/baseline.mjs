// Loading a trace into DuckDB and running its rules as SQL (rules.mjs) against it, with
// the comparison to Oversight's own alerts. Used by run.mjs (the command) and by the
// cross-check test (tests/bench/sql_cross_check_test.mjs).
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesAsSql } from './rules.mjs';

export class TraceError extends Error {}

// The trace's tables and their column types.
const kTables = {
  places: { place: 'INTEGER', type: 'VARCHAR', x: 'DOUBLE', y: 'DOUBLE', parent: 'INTEGER' },
  persons: { person: 'INTEGER', household: 'INTEGER', home: 'INTEGER', spouse: 'INTEGER' },
  households: { household: 'INTEGER', holder: 'INTEGER' },
  days: { day: 'INTEGER', kind: 'VARCHAR' },
  red_list: { person: 'INTEGER' },
  list_members: { list: 'INTEGER', person: 'INTEGER', from_day: 'INTEGER', until_day: 'INTEGER' },
  sightings: { time: 'INTEGER', place: 'INTEGER', person: 'INTEGER' },
  tickets: { time: 'INTEGER', station: 'INTEGER', person: 'INTEGER', destination: 'BIGINT' },
  check_ins: { time: 'INTEGER', person: 'INTEGER', hotel: 'INTEGER' },
  calls: { time: 'INTEGER', caller: 'INTEGER', number: 'BIGINT' },
  dark: { since: 'INTEGER', person: 'INTEGER' },
  locations: { person: 'INTEGER', place: 'INTEGER', enter: 'INTEGER', leave: 'INTEGER' },
  meters: { day: 'INTEGER', household: 'INTEGER', registered: 'INTEGER', water_l: 'FLOAT' },
  alerts: { day: 'INTEGER', time: 'INTEGER', rule: 'INTEGER', person: 'INTEGER', suppressed: 'INTEGER' },
};

export const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;

// Opens a trace folder: its manifest and every table, in a new in-memory database.
export async function openTrace(dir, threads = 2) {
  const manifestPath = join(dir, 'trace.json');
  if (!existsSync(manifestPath)) {
    throw new TraceError(`'${dir}' is not a trace folder (no trace.json): see oversight run --export-trace`);
  }
  const trace = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (trace.format !== 1) throw new TraceError(`'${manifestPath}': trace format ${trace.format}, expected 1`);
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const db = await instance.connect();
  const start = process.hrtime.bigint();
  for (const [table, columns] of Object.entries(kTables)) {
    const path = join(dir, `${table}.csv`);
    if (!existsSync(path)) throw new TraceError(`'${path}' is missing`);
    const types = Object.entries(columns).map(([c, t]) => `${sqlString(c)}: ${sqlString(t)}`).join(', ');
    await db.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv(${sqlString(path)},
      header = true, auto_detect = false, columns = {${types}})`);
  }
  const loadSeconds = seconds(start);
  const [{ n }] = (await db.runAndReadAll(
    `SELECT (SELECT count(*) FROM sightings) + (SELECT count(*) FROM tickets) + (SELECT count(*) FROM check_ins)
          + (SELECT count(*) FROM calls) + (SELECT count(*) FROM dark) + (SELECT count(*) FROM locations)
          + (SELECT count(*) FROM meters) AS n`)).getRowObjects();
  const [{ v }] = (await db.runAndReadAll('SELECT version() AS v')).getRowObjects();
  return { db, instance, trace, loadSeconds, rows: Number(n), version: v };
}

// Runs each stream rule's query, timed, into table sql_alerts_<index>.
export async function runRules(db, trace) {
  const runs = [];
  for (const rule of rulesAsSql(trace)) {
    const start = process.hrtime.bigint();
    await db.run(`CREATE OR REPLACE TABLE sql_alerts_${rule.index} AS ${rule.sql}`);
    runs.push({ ...rule, seconds: seconds(start) });
  }
  return runs;
}

// Compares one rule's SQL alerts with Oversight's (alerts.csv, suppressed ones included)
// as multisets of (person, minute); returns the counts and a few alerts found on one side only.
export async function compareRule(db, index) {
  const sql = `SELECT person, time FROM sql_alerts_${index}`;
  const ours = `SELECT person, time FROM alerts WHERE rule = ${index}`;
  const [c] = (await db.runAndReadAll(`
    SELECT (SELECT count(*) FROM (${sql})) AS sql_alerts, (SELECT count(*) FROM (${ours})) AS oversight_alerts,
           (SELECT count(*) FROM (${sql} EXCEPT ALL ${ours})) AS only_sql,
           (SELECT count(*) FROM (${ours} EXCEPT ALL ${sql})) AS only_oversight`)).getRowObjects();
  const counts = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Number(v)]));
  const examples = (await db.runAndReadAll(`
    (SELECT 'SQL' AS side, * FROM (${sql} EXCEPT ALL ${ours}) ORDER BY ALL LIMIT 3)
    UNION ALL (SELECT 'Oversight', * FROM (${ours} EXCEPT ALL ${sql}) ORDER BY ALL LIMIT 3)`))
    .getRowObjects().map((e) => ({ side: e.side, person: Number(e.person), time: Number(e.time) }));
  return { ...counts, same: counts.only_sql === 0 && counts.only_oversight === 0, examples };
}
