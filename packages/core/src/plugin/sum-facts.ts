import type { FactRows, FactTable, SummedFactRow } from './facts.js';

/** Which buckets to keep: `[from, to)` in epoch ms, either end open. */
export interface BucketRange {
  from?: number;
  to?: number;
}

/**
 * Sums fact rows of many sessions as a store's `GROUP BY` does: per table, rows grouped by every
 * dimension, each measure summed (integers exactly, as bigint past 2^53 - 1). Used for sessions
 * that are not in a store (a live session) and as the reference the SQL stores are tested against.
 */
export function sumFactRows(tables: readonly FactTable[], sessions: Iterable<FactRows>, range: BucketRange = {}): Record<string, SummedFactRow[]> {
  const groups = new Map<string, Map<string, { dims: SummedFactRow; sums: (number | bigint)[] }>>();
  for (const table of tables) groups.set(table.name, new Map());
  for (const rows of sessions) {
    for (const table of tables) {
      const group = groups.get(table.name)!;
      for (const row of rows[table.name] ?? []) {
        if ((range.from !== undefined && row.bucket < range.from) || (range.to !== undefined && row.bucket >= range.to)) continue;
        const dims = table.dimensions.map((d) => row[d.name] ?? null);
        const key = JSON.stringify(dims);
        let entry = group.get(key);
        if (!entry) {
          const dimRow: SummedFactRow = {};
          table.dimensions.forEach((d, i) => (dimRow[d.name] = dims[i]!));
          entry = { dims: dimRow, sums: table.measures.map((m) => (m.type === 'integer' ? 0n : 0)) };
          group.set(key, entry);
        }
        table.measures.forEach((m, i) => {
          const value = Number(row[m.name] ?? 0);
          entry!.sums[i] = m.type === 'integer' ? (entry!.sums[i] as bigint) + BigInt(value) : (entry!.sums[i] as number) + value;
        });
      }
    }
  }
  const out: Record<string, SummedFactRow[]> = {};
  for (const table of tables) {
    out[table.name] = [...groups.get(table.name)!.values()].map(({ dims, sums }) => {
      const row: SummedFactRow = { ...dims };
      table.measures.forEach((m, i) => (row[m.name] = narrowSum(sums[i]!)));
      return row;
    });
  }
  return out;
}

/** A sum as stores hand it over: a number while it is a safe integer (or a real), a bigint past that. */
export function narrowSum(value: number | bigint): number | bigint {
  if (typeof value === 'number') return value;
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}
