import type { SummedFactRow } from '../plugin/facts.js';
import { narrowSum } from '../plugin/sum-facts.js';
import type { StoredFactTable } from './fact-tables.js';
import { measureParts, quoteIdent, ROLLUP_DAY_MS, ROLLUP_ROWS, rollupSessionColumn, sessionKeyOf, sumColumns } from './fact-tables.js';
import type { Db } from './open-database.js';
import { rollupsLag } from './rollup.js';
import { hasModel, openEnds, sessionWhere, usedModelsSql, type StoreFilter, type TimeRange } from './queries.js';

/** A part of a time range read from a table's rows, with the sign its sums are taken with. */
type RowPart = { range: TimeRange; sign: 1 | -1 };

/**
 * Which whole UTC days a time range is read from (a rollup), and the rest of it from rows. An end
 * that covers most of a UTC day (a day in Europe/Paris is 23 hours of one UTC day and 1 of the day
 * before) is read, when `subtract`, as that whole day less the rows of the part outside the range:
 * the rows of an hour instead of 23. A range within one UTC day is read from rows.
 */
function splitRange([since, until]: TimeRange, subtract: boolean): { days?: TimeRange; rows: RowPart[] } {
  const first = since === undefined ? undefined : Math.ceil(since / ROLLUP_DAY_MS) * ROLLUP_DAY_MS;
  const last = until === undefined ? undefined : Math.floor(until / ROLLUP_DAY_MS) * ROLLUP_DAY_MS;
  if (first !== undefined && last !== undefined && first > last) return { rows: [{ range: [since, until], sign: 1 }] };
  const mostOfADay = (ms: number) => subtract && ms > ROLLUP_DAY_MS / 2;
  let [from, to] = [first, last];
  const rows: RowPart[] = [];
  if (since !== undefined && since < first!) {
    if (mostOfADay(first! - since)) {
      from = first! - ROLLUP_DAY_MS;
      rows.push({ range: [from, since], sign: -1 });
    } else rows.push({ range: [since, first], sign: 1 });
  }
  if (until !== undefined && last! < until) {
    if (mostOfADay(until - last!)) {
      to = last! + ROLLUP_DAY_MS;
      rows.push({ range: [until, to], sign: -1 });
    } else rows.push({ range: [last, until], sign: 1 });
  }
  return { ...(from === undefined || to === undefined || from < to ? { days: [from, to] as TimeRange } : {}), rows };
}

/** The part of a period inside the filter's time range, or undefined when they do not meet. */
function clip([from, to]: TimeRange, filter: StoreFilter): TimeRange | undefined {
  const a = from === undefined ? filter.sinceMs : filter.sinceMs === undefined ? from : Math.max(from, filter.sinceMs);
  const b = to === undefined ? filter.untilMs : filter.untilMs === undefined ? to : Math.min(to, filter.untilMs);
  return a !== undefined && b !== undefined && a >= b ? undefined : [a, b];
}

/** The SQL column of the period a summed row belongs to (a colon: no declared column can be named so). */
const PERIOD = '":period"';

/**
 * A fact table's rows summed over the matching sessions' facts, per period (time ranges, each also
 * cut to the filter's own range) and every dimension: the SQL twin of `sumFactRows`. Whole UTC days
 * come from the table's rollup and the rest of each period from the rows' 15-minute buckets (or a
 * whole day less the rows outside the period, see splitRange); a filter on what the rollup lacks (a
 * session's status) reads every row. Integer sums past 2^53 - 1 come back as bigint. Periods with
 * no facts are absent from the map.
 */
export function sumFactsByPeriod(db: Db, stored: StoredFactTable, filter: StoreFilter, periods: readonly TimeRange[], tables: readonly StoredFactTable[] = [stored]): Map<number, SummedFactRow[]> {
  // Whether the rollups lag (see `subtract` below) and the sums are read in one snapshot.
  return db.transaction(() => sumInSnapshot(db, stored, filter, periods, tables))();
}

/** sumFactsByPeriod's reads, in one transaction. */
function sumInSnapshot(db: Db, stored: StoredFactTable, filter: StoreFilter, periods: readonly TimeRange[], tables: readonly StoredFactTable[]): Map<number, SummedFactRow[]> {
  const { table } = stored;
  const dims = table.dimensions.map((d) => quoteIdent(d.name));
  // An integer sum is taken in two halves (bits 32 and up, and the low 32 bits) and put together as a
  // bigint, because SQLite's SUM fails past 2^63 and each stored value is below 2^53. The rollup
  // keeps the halves already summed.
  const columns = sumColumns(table);
  const fromRows = measureParts(table, 'f').map((part, i) => `(p.value ->> 3) * (${part}) AS ${columns[i]}`);
  // What a rollup cannot tell: a session's status, or for a table without models, the models its session used.
  const rowsOnly = filter.status !== undefined || (filter.models !== undefined && !hasModel(stored));
  // Integer sums are exact both ways; a floating-point sum less a part of it need not be. While
  // another process's rebuild has its rollups lag its rows, taking rows away from them could go
  // below zero.
  const subtract = table.measures.every((m) => m.type === 'integer') && !rollupsLag(db);
  const modelRows = filter.models !== undefined && hasModel(stored) ? ` AND f."model" IN (SELECT value FROM json_each(?))` : '';
  const dayParts: [number, number, number][] = [];
  const rowParts: [number, number, number, 1 | -1][] = [];
  periods.forEach((period, i) => {
    const range = clip(period, filter);
    if (!range) return;
    const split = rowsOnly ? { rows: [{ range, sign: 1 as const }] } : splitRange(range, subtract);
    if (split.days) dayParts.push([i, ...openEnds(split.days)]);
    for (const { range: rows, sign } of split.rows) rowParts.push([i, ...openEnds(rows), sign]);
  });
  const selects: string[] = [];
  const params: unknown[] = [];
  // The periods are a JSON array of [index, from, to] (and for rows, the sign) walked first (CROSS JOIN
  // keeps that order), so each is a range scan of the day or bucket index. Each part also counts its
  // fact rows, so that a group whose rows are all taken away again is left out, not summed to zero.
  const inPeriod = (column: string) => `${column} >= p.value ->> 1 AND ${column} < p.value ->> 2`;
  if (dayParts.length > 0) {
    const where = sessionWhere(filter, (name) => `f.${rollupSessionColumn(name)}`);
    params.push(JSON.stringify(dayParts), ...where.params);
    if (modelRows) params.push(JSON.stringify(filter.models));
    selects.push(`SELECT p.value ->> 0 AS ${PERIOD}, ${[...dims.map((d) => `f.${d}`), ...columns.map((c) => `f.${c}`), `f.${ROLLUP_ROWS} AS ${ROLLUP_ROWS}`].join(', ')}
      FROM json_each(?) p CROSS JOIN ${stored.rollup} f WHERE ${inPeriod('f.day')} AND ${where.sql}${modelRows}`);
  }
  if (rowParts.length > 0) {
    const where = sessionWhere(filter);
    const models = hasModel(stored) ? undefined : usedModelsSql(filter, tables, where.params);
    if (models) where.sql += ` AND ${models}`;
    // Without a condition on sessions, the join is only cost: every fact row belongs to a stored session.
    const join = where.sql === '1' ? '' : ` JOIN sessions s ON s.key = ${sessionKeyOf('f')}`;
    params.push(JSON.stringify(rowParts), ...where.params);
    if (modelRows) params.push(JSON.stringify(filter.models));
    selects.push(`SELECT p.value ->> 0 AS ${PERIOD}, ${[...dims.map((d) => `f.${d}`), ...fromRows, `p.value ->> 3 AS ${ROLLUP_ROWS}`].join(', ')}
      FROM json_each(?) p CROSS JOIN ${stored.sql} f${join} WHERE ${inPeriod('f.bucket')} AND ${where.sql}${modelRows}`);
  }
  const out = new Map<number, SummedFactRow[]>();
  if (selects.length === 0) return out;
  const sums = columns.map((c) => `SUM(${c}) AS ${c}`);
  const rows = db
    .prepare(`SELECT ${[PERIOD, ...dims, ...sums].join(', ')} FROM (${selects.join(' UNION ALL ')}) GROUP BY ${[PERIOD, ...dims].join(', ')} HAVING SUM(${ROLLUP_ROWS}) <> 0`)
    .safeIntegers(true)
    .all(...params) as Record<string, string | number | bigint | null>[];
  const sumOf = (row: Record<string, unknown>, m: { name: string; type: string }): number | bigint => {
    if (m.type !== 'integer') return (row[m.name] as number | null) ?? 0;
    return narrowSum(((row[`${m.name}:high`] as bigint) << 32n) + (row[`${m.name}:low`] as bigint));
  };
  for (const row of rows) {
    const summed: SummedFactRow = {};
    for (const d of table.dimensions) summed[d.name] = typeof row[d.name] === 'bigint' ? Number(row[d.name]) : row[d.name]!;
    for (const m of table.measures) summed[m.name] = sumOf(row, m);
    const period = Number(row[':period']);
    const list = out.get(period) ?? [];
    list.push(summed);
    out.set(period, list);
  }
  return out;
}

/** A fact table's rows summed over the matching sessions' facts within the filter's time range, grouped by every dimension (see sumFactsByPeriod). */
export function sumFacts(db: Db, stored: StoredFactTable, filter: StoreFilter, tables: readonly StoredFactTable[] = [stored]): SummedFactRow[] {
  return sumFactsByPeriod(db, stored, filter, [[undefined, undefined]], tables).get(0) ?? [];
}
