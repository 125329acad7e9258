// The rules of a trace (trace.json, written by `oversight run --export-trace`) as SQL.
//
// Each rule becomes one query over the trace's tables that yields the alerts Oversight's
// operator raises: columns (person, time), one row per alert, red-listed persons included
// (Oversight keeps those apart as suppressed; the caller compares both). The semantics are
// docs/RULES.md's, written as an analyst would with window functions, self-joins and a
// recursive query where a rule's state depends on its own past alerts. Scores (weighted,
// learned) are not stream rules and have no SQL here.

const kMinutesPerDay = 1440;

// A day of minute `t`.
const dayOf = (t) => `(${t} // ${kMinutesPerDay})`;

function listIndex(who, lists) {
  const index = lists.get(who);
  if (index === undefined) throw new Error(`unknown list '${who}'`);
  return index;
}

// SQL for "person `p` is on list `who` on day `d`" (true for "anyone").
function watched(who, p, d, lists) {
  if (who === 'anyone') return 'TRUE';
  const index = listIndex(who, lists);
  return `EXISTS (SELECT 1 FROM list_members m WHERE m.list = ${index} AND m.person = ${p} ` +
    `AND m.from_day <= ${d} AND ${d} < m.until_day)`;
}

// "hour of minute t within [from, to)", wrapping past midnight when from > to.
function inHours(when, t) {
  if (when.from_hour === 0 && when.to_hour === 24) return 'TRUE';
  const hour = `((${t} % ${kMinutesPerDay}) // 60)`;
  return when.from_hour <= when.to_hour
    ? `(${hour} >= ${when.from_hour} AND ${hour} < ${when.to_hour})`
    : `(${hour} >= ${when.from_hour} OR ${hour} < ${when.to_hour})`;
}

function activeDay(days, d) {
  if (days === 'any') return 'TRUE';
  const kind = { workdays: 'workday', weekends: 'weekend', holidays: 'holiday' }[days];
  return `${d} IN (SELECT day FROM days WHERE kind = '${kind}')`;
}

const quoteList = (names) => names.map((n) => `'${n}'`).join(', ');

// Places within `r` metres of a place of `types` (a place of such a type is near itself):
// a grid of r-metre cells, each place checked against the 3 x 3 cells around it.
function nearPlaces(types, r) {
  return `(SELECT DISTINCT p.place
      FROM (SELECT place, x, y, floor(x / ${r})::BIGINT + dx AS cx, floor(y / ${r})::BIGINT + dy AS cy
            FROM places, (SELECT unnest([-1, 0, 1]) AS dx), (SELECT unnest([-1, 0, 1]) AS dy)) p
      JOIN (SELECT x, y, floor(x / ${r})::BIGINT AS cx, floor(y / ${r})::BIGINT AS cy
            FROM places WHERE type IN (${quoteList(types)})) q USING (cx, cy)
      WHERE sqrt((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)) <= ${r})`;
}

// The places a rule's `where.at` and `where.near` accept, or null for any place.
function placeCondition(where, column) {
  const parts = [];
  if (where.at.length > 0) {
    parts.push(`${column} IN (SELECT place FROM places WHERE type IN (${quoteList(where.at)}))`);
  }
  if (where.near.length > 0) parts.push(`${column} IN ${nearPlaces(where.near, where.near_m)}`);
  return parts.length > 0 ? parts.join(' AND ') : null;
}

// The evidence of kind `what` as rows (person, time, place, leave, counterpart).
function evidence(what) {
  switch (what) {
    case 'sighting':
      return 'SELECT person, time, place, time AS leave, NULL::BIGINT AS counterpart FROM sightings';
    case 'ticket':
      return 'SELECT person, time, station AS place, time AS leave, destination AS counterpart FROM tickets';
    case 'check_in':
      return 'SELECT person, time, hotel AS place, time AS leave, NULL::BIGINT AS counterpart FROM check_ins';
    case 'call':
      return 'SELECT caller AS person, time, NULL::INTEGER AS place, time AS leave, number AS counterpart FROM calls';
    case 'phone_dark':
      return 'SELECT person, since AS time, NULL::INTEGER AS place, since AS leave, NULL::BIGINT AS counterpart FROM dark';
    case 'location':
      return 'SELECT person, enter AS time, place, leave, NULL::BIGINT AS counterpart FROM locations';
    default:
      throw new Error(`no SQL for evidence '${what}'`);
  }
}
const placed = (what) => what === 'sighting' || what === 'check_in' || what === 'location';

// The events a rule reads (Oversight's EventSource): kind `what` (to `to`) by persons on
// any of `who`, with the rule's where and when. `personal` = false drops the conditions on
// the person's own places (for the others a `with` clause pairs with).
function source(rule, trace, lists, { what = rule.what, to = rule.where.to, who = [rule.who],
  personal = true, where = rule.where, when = rule.when, days = rule.when.days } = {}) {
  const d = dayOf('e.time');
  const conditions = [activeDay(days, d), inHours(when, 'e.time')];
  if (what === 'ticket' && to !== 'anywhere') {
    conditions.push(`e.counterpart ${to === 'capital' ? '=' : '<>'} ${trace.capital}`);
  }
  if (what === 'call' && where.out_of_town) {
    conditions.push(`e.counterpart >= ${trace.out_of_town_numbers_from}`);
  }
  let join = '';
  if (placed(what)) {
    const place = placeCondition(where, 'e.place');
    if (place !== null) conditions.push(place);
    if (where.away_from_home && personal) {
      join = 'JOIN persons pp ON pp.person = e.person JOIN places hp ON hp.place = pp.home';
      conditions.push('e.place <> pp.home AND e.place IS DISTINCT FROM hp.parent');
    }
  }
  // On one of the lists that day (a semi-join: a person may have left and rejoined a list).
  if (!who.includes('anyone')) {
    const indices = who.map((w) => listIndex(w, lists)).join(', ');
    join += ` SEMI JOIN list_members m ON m.person = e.person AND m.list IN (${indices})
      AND m.from_day <= ${d} AND ${d} < m.until_day`;
  }
  return `SELECT e.person, e.time, ${d} AS day, e.place, e.leave, e.counterpart
    FROM (${evidence(what)}) e ${join}
    WHERE ${conditions.join('\n      AND ')}`;
}

// Each operator: SQL yielding (person, time) per alert.

function filterRule(rule, trace, lists) {
  return `SELECT person, min(time) AS time FROM (${source(rule, trace, lists)}) GROUP BY person, day`;
}

function togetherRule(rule, trace, lists) {
  const events = source(rule, trace, lists, { who: [rule.who, rule.with.who] });
  const r = rule.where.nearby_m;
  // "The same or nearby": places of `at` linked by chains of links no longer than r are one
  // key, named by its smallest place id (a transitive closure).
  const clusters = r > 0 ? `
    at_places AS (SELECT place, x, y, floor(x / ${r})::BIGINT AS cx, floor(y / ${r})::BIGINT AS cy
                  FROM places WHERE type IN (${quoteList(rule.where.at)})),
    links AS (SELECT a.place AS a, b.place AS b
              FROM (SELECT place, x, y, cx + dx AS cx, cy + dy AS cy FROM at_places,
                      (SELECT unnest([-1, 0, 1]) AS dx), (SELECT unnest([-1, 0, 1]) AS dy)) a
              JOIN at_places b USING (cx, cy)
              WHERE sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)) <= ${r}),
    reach(a, b) AS (SELECT a, b FROM links UNION SELECT reach.a, links.b FROM reach JOIN links ON reach.b = links.a),
    clusters AS (SELECT a AS place, min(b) AS key FROM reach GROUP BY a),` : '';
  const key = r > 0 ? 'coalesce(c.key, ev.place)' : 'ev.place';
  const join = r > 0 ? 'LEFT JOIN clusters c ON c.place = ev.place' : '';
  return `WITH RECURSIVE ${clusters}
    ev AS (${events}),
    k AS (SELECT ev.person, ev.time, ev.day, ${key} AS key,
                 row_number() OVER (PARTITION BY ${key}, ev.day ORDER BY ev.time, ev.person, ev.place) AS rn,
                 ${watched(rule.who, 'ev.person', 'ev.day', lists)} AS is_who,
                 ${watched(rule.with.who, 'ev.person', 'ev.day', lists)} AS is_with
          FROM ev ${join}),
    win AS (SELECT j.key, j.day, j.rn AS jrn, j.time AS jtime, i.person, i.is_who, i.is_with
            FROM k j JOIN k i ON i.key = j.key AND i.day = j.day AND i.rn <= j.rn
                             AND i.time > j.time - ${rule.with.within_minutes}),
    company AS (SELECT key, day, jrn, count(DISTINCT CASE WHEN is_with THEN person END) AS with_count
                FROM win GROUP BY key, day, jrn)
    SELECT w.person, min(w.jtime) AS time
    FROM win w JOIN company c ON c.key = w.key AND c.day = w.day AND c.jrn = w.jrn
    WHERE w.is_who AND c.with_count - (CASE WHEN w.is_with THEN 1 ELSE 0 END) >= ${rule.with.at_least}
    GROUP BY w.person, w.key, w.day`;
}

function countRule(rule, trace, lists) {
  const how = rule.how_often;
  const window = how.within_days;
  // Calls to new numbers only: a stretch of calls to one number starts again after a gap of
  // `new_after_days`; a call counts when its stretch began within the window, once that
  // much history exists.
  const counted = how.new_after_days > 0 ? `
    days_called AS (SELECT DISTINCT person, counterpart, day FROM own),
    stretches AS (SELECT person, counterpart, day,
                    max(CASE WHEN prev IS NULL OR day - prev >= ${how.new_after_days} THEN day END)
                      OVER (PARTITION BY person, counterpart ORDER BY day ROWS UNBOUNDED PRECEDING) AS first
                  FROM (SELECT *, lag(day) OVER (PARTITION BY person, counterpart ORDER BY day) AS prev
                        FROM days_called)),
    counted AS (SELECT own.* FROM own JOIN stretches s USING (person, counterpart, day)
                WHERE own.day >= ${how.new_after_days} AND s.first > own.day - ${window}),` : `
    counted AS (SELECT * FROM own),`;
  return `WITH RECURSIVE
    own AS (${source(rule, trace, lists)}),${counted}
    ranked AS (SELECT person, time, day,
                 row_number() OVER w AS r,
                 coalesce(count(*) OVER (PARTITION BY person ORDER BY day
                          RANGE BETWEEN UNBOUNDED PRECEDING AND ${window} PRECEDING), 0) AS expired
               FROM counted WINDOW w AS (PARTITION BY person ORDER BY time, counterpart)),
    candidates AS (SELECT person, time, day, r FROM ranked WHERE r - expired >= ${how.at_least}),
    -- At most one alert per window: after an alert on day L, the next candidate from day L + window.
    next AS (SELECT c.person, c.r, min(n.r) AS next_r FROM candidates c
             JOIN candidates n ON n.person = c.person AND n.day >= c.day + ${window}
             GROUP BY c.person, c.r),
    chain(person, r) AS (SELECT person, min(r) FROM candidates GROUP BY person
                         UNION ALL
                         SELECT n.person, n.next_r FROM chain JOIN next n ON n.person = chain.person AND n.r = chain.r)
    SELECT c.person, c.time FROM chain JOIN candidates c USING (person, r)`;
}

function normRule(rule, trace, lists) {
  return `WITH per_resident AS (
      SELECT day, household, water_l / greatest(registered, 1)::FLOAT AS v FROM meters
      WHERE ${activeDay(rule.when.days, 'day')}),
    ranked AS (SELECT *, row_number() OVER (PARTITION BY day ORDER BY v) AS rank,
                      count(*) OVER (PARTITION BY day) AS n FROM per_resident),
    -- The day's median: the value at 0-based rank n / 2 (the upper one of an even count).
    norm AS (SELECT day, v::DOUBLE * ${rule.how_often.times_norm} AS threshold FROM ranked
             WHERE rank = n // 2 + 1)
    SELECT h.holder AS person, (r.day + 1) * ${kMinutesPerDay} - 1 AS time
    FROM ranked r JOIN norm USING (day) JOIN households h USING (household)
    WHERE r.v::DOUBLE > norm.threshold AND ${watched(rule.who, 'h.holder', 'r.day', lists)}`;
}

function dwellRule(rule, trace, lists) {
  const how = rule.how_often;
  if (how.dwell_minutes > 0) {
    return `SELECT person, min(time) + ${how.dwell_minutes} AS time
      FROM (${source(rule, trace, lists)}) WHERE leave - time >= ${how.dwell_minutes}
      GROUP BY person, day`;
  }
  // Totals: the minutes of the window's earlier days (each day's capped at a day) plus
  // today's so far; the rule fires when they reach the total, armed while the earlier days
  // alone are below it.
  const total = how.total_minutes;
  return `WITH own AS (${source(rule, trace, lists)}),
    daily AS (SELECT person, day, least(sum(leave - time), ${kMinutesPerDay}) AS minutes
              FROM own GROUP BY person, day),
    prior AS (SELECT person, day, coalesce(sum(minutes) OVER (PARTITION BY person ORDER BY day
                RANGE BETWEEN ${how.within_days - 1} PRECEDING AND 1 PRECEDING), 0) AS prior
              FROM daily),
    running AS (SELECT own.person, own.day, own.time, own.leave - own.time AS stay, p.prior,
                  sum(own.leave - own.time) OVER (PARTITION BY own.person, own.day ORDER BY own.time
                                                   ROWS UNBOUNDED PRECEDING) AS upto
                FROM own JOIN prior p USING (person, day))
    SELECT person, min(time + ${total} - (prior + upto - stay)) AS time FROM running
    WHERE prior < ${total} AND prior + upto >= ${total}
    GROUP BY person, day`;
}

function pairRule(rule, trace, lists) {
  const period = rule.how_often.within_days;
  const when = rule.when;
  // Minutes of [a, b) on day d within the rule's hours.
  const overlap = (a, b, d, from, to) =>
    `greatest(0, least(${b}, ${d} * ${kMinutesPerDay} + ${to * 60}) - greatest(${a}, ${d} * ${kMinutesPerDay} + ${from * 60}))`;
  const active = (a, b, d) => when.from_hour <= when.to_hour
    ? overlap(a, b, d, when.from_hour, when.to_hour)
    : `(${overlap(a, b, d, 0, when.to_hour)} + ${overlap(a, b, d, when.from_hour, 24)})`;
  const closed = Math.floor(trace.days / period);  // periods that close within the run
  return `WITH loc AS (
      SELECT l.person, p.spouse, l.place, l.enter, l.leave, ${dayOf('l.enter')} AS day
      FROM locations l JOIN persons p ON p.person = l.person
      WHERE p.spouse IS NOT NULL AND ${activeDay(when.days, dayOf('l.enter'))}
        AND (${watched(rule.who, 'l.person', dayOf('l.enter'), lists)}
             OR ${watched(rule.who, 'p.spouse', dayOf('l.enter'), lists)})),
    present AS (SELECT least(person, spouse) AS couple, day // ${period} AS period,
                  sum(CASE WHEN person < spouse THEN ${active('enter', 'leave', 'day')} ELSE 0 END) AS a,
                  sum(CASE WHEN person > spouse THEN ${active('enter', 'leave', 'day')} ELSE 0 END) AS b
                FROM loc GROUP BY ALL),
    together AS (SELECT x.person AS couple, x.day // ${period} AS period,
                   sum(${active('greatest(x.enter, y.enter)', 'least(x.leave, y.leave)', 'x.day')}) AS t
                 FROM loc x JOIN loc y ON y.person = x.spouse AND y.day = x.day AND y.place = x.place
                 WHERE x.person < x.spouse GROUP BY ALL),
    judged AS (SELECT p.couple, p.period FROM present p
               LEFT JOIN together t ON t.couple = p.couple AND t.period = p.period
               WHERE p.period < ${closed} AND least(p.a, p.b) > 0
                 AND coalesce(t.t, 0)::DOUBLE < ${rule.how_often.together_below} * least(p.a, p.b)::DOUBLE),
    spouses AS (SELECT couple AS person, period FROM judged
                UNION ALL SELECT couple + 1, period FROM judged)
    SELECT person, (period + 1) * ${period * kMinutesPerDay} - 1 AS time FROM spouses
    WHERE ${watched(rule.who, 'person', `((period + 1) * ${period} - 1)`, lists)}`;
}

function companionsRule(rule, trace, lists) {
  const how = rule.how_often;
  const window = how.within_days;
  const near = rule.with.within_minutes;
  const others = source(rule, trace, lists, { who: [rule.with.who], personal: false });
  return `WITH entries AS (
      SELECT person, place, time, day,
             row_number() OVER (PARTITION BY person, place ORDER BY time) AS r
      FROM (${source(rule, trace, lists)})),
    others AS (${others}),
    -- Who arrived at the same place within ${near} minutes of each entry.
    -- (An equi-join on the place and a ${near}-minute bucket of time, each arrival also
    -- under the buckets before and after it; the band is then checked exactly.)
    seen AS (SELECT DISTINCT e.person, e.place, e.r, o.person AS companion
             FROM (SELECT *, time // ${Math.max(near, 1)} AS bucket FROM entries) e
             JOIN (SELECT person, place, time, time // ${Math.max(near, 1)} + shift AS bucket FROM others,
                     (SELECT unnest([-1, 0, 1]) AS shift)) o USING (place, bucket)
             WHERE o.person <> e.person AND o.time BETWEEN e.time - ${near} AND e.time + ${near}),
    -- At each entry: entries and distinct companions over the window's earlier entries of
    -- the same (person, place), this one included.
    state AS (SELECT e.person, e.place, e.r, e.time, e.day,
                count(DISTINCT w.r) AS entries,
                count(DISTINCT s.companion) AS companions
              FROM entries e
              JOIN entries w ON w.person = e.person AND w.place = e.place AND w.r <= e.r
                            AND w.day > e.day - ${window}
              LEFT JOIN seen s ON s.person = w.person AND s.place = w.place AND s.r = w.r
              GROUP BY e.person, e.place, e.r, e.time, e.day),
    holds AS (SELECT *, entries >= ${how.at_least} AND companions >= ${how.distinct_companions} AS holds,
                lag(entries >= ${how.at_least} AND companions >= ${how.distinct_companions})
                  OVER k AS held, lag(day) OVER k AS prev_day
              FROM state WINDOW k AS (PARTITION BY person, place ORDER BY r))
    -- Rising edge; a key whose entries all left the window is dropped at the weekly
    -- clean-up (days divisible by 7) and starts again unfired.
    SELECT person, time FROM holds
    WHERE holds AND NOT (coalesce(held, FALSE)
                         AND ((prev_day + ${window} + 6) // 7) * 7 >= day)`;
}

function sequenceRule(rule, trace, lists) {
  const then = rule.then;
  const second = source(rule, trace, lists, {
    what: then.what, to: then.to, where: { at: [], near: [], away_from_home: false, out_of_town: false },
    when: { from_hour: 0, to_hour: 24 }, days: 'any',
  });
  return `WITH steps AS (
      SELECT person, time, 0 AS step FROM (${source(rule, trace, lists)})
      UNION ALL SELECT person, time, 1 AS step FROM (${second})),
    ordered AS (SELECT *, row_number() OVER (PARTITION BY person ORDER BY time, step) AS r FROM steps),
    -- For each second step: the latest first step before it, and the latest second step.
    marked AS (SELECT *,
                 max(CASE WHEN step = 0 THEN r END) OVER w AS first_r,
                 max(CASE WHEN step = 0 THEN time END) OVER w AS first_time,
                 max(CASE WHEN step = 1 THEN r END) OVER w AS second_r
               FROM ordered
               WINDOW w AS (PARTITION BY person ORDER BY r ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))
    SELECT person, time FROM marked
    WHERE step = 1 AND first_r IS NOT NULL AND (second_r IS NULL OR second_r < first_r)
      AND time - first_time <= ${then.within_hours * 60}`;
}

const kOperators = {
  filter: filterRule,
  together: togetherRule,
  count: countRule,
  norm: normRule,
  dwell: dwellRule,
  pair: pairRule,
  companions: companionsRule,
  sequence: sequenceRule,
};

// The trace's stream rules, each as { id, index, operator, sql }.
export function rulesAsSql(trace) {
  const lists = new Map(trace.lists.map((l) => [l.name, l.index]));
  const out = [];
  for (const rule of trace.rules) {
    const make = kOperators[rule.operator];
    if (make === undefined) continue;  // a score
    out.push({ id: rule.id, index: rule.index, operator: rule.operator, sql: make(rule, trace, lists) });
  }
  return out;
}
