import type { FactRow, FactValue } from './facts.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Splits an exact sum into safe integers that add back up to it (one part unless it is past 2^53 - 1). */
function safeParts(value: bigint): number[] {
  const step = value < 0n ? -MAX_SAFE : MAX_SAFE;
  const parts: number[] = [];
  let rest = value;
  while (rest > MAX_SAFE || rest < -MAX_SAFE) {
    parts.push(Number(step));
    rest -= step;
  }
  parts.push(Number(rest));
  return parts;
}

/**
 * One session's fact rows of one table, summed per bucket and dimension values as events arrive.
 * Integer measures are summed exactly; a sum past 2^53 - 1 (a cost past about $9 million in one
 * 15-minute bucket) is emitted over several rows with the same dimensions, since a stored row
 * holds only safe integers and the store's sums add them back exactly.
 */
export class FactSums {
  // Sums stay plain numbers while they are safe integers (nearly always) and turn into bigints past
  // that: BigInt arithmetic on every event made folding noticeably slower.
  private readonly groups = new Map<string, { bucket: number; dims: Record<string, FactValue>; sums: (number | bigint)[] }>();

  /** @param measures the table's integer measure names, in the order `add` takes them */
  constructor(private readonly measures: readonly string[]) {}

  /** Adds integer `values` (by measure name; absent is 0) to the row of `bucket` and `dims`. */
  add(bucket: number, dims: Record<string, FactValue>, values: Record<string, number | string | bigint>): void {
    const key = JSON.stringify([bucket, ...Object.values(dims)]);
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { bucket, dims, sums: this.measures.map(() => 0) }));
    this.measures.forEach((name, i) => {
      const value = values[name];
      if (value === undefined) return;
      const sum = group!.sums[i]!;
      if (typeof sum === 'number' && typeof value === 'number' && Number.isSafeInteger(value)) {
        const next = sum + value;
        if (Number.isSafeInteger(next)) {
          group!.sums[i] = next;
          return;
        }
      }
      group!.sums[i] = BigInt(sum) + BigInt(value);
    });
  }

  /** The rows, in the order their groups first appeared. */
  rows(): FactRow[] {
    const out: FactRow[] = [];
    for (const { bucket, dims, sums } of this.groups.values()) {
      const parts = sums.map((sum) => (typeof sum === 'number' ? [sum] : safeParts(sum)));
      const count = Math.max(...parts.map((p) => p.length));
      for (let i = 0; i < count; i += 1) {
        const row: FactRow = { bucket, ...dims };
        this.measures.forEach((name, m) => (row[name] = parts[m]![i] ?? 0));
        out.push(row);
      }
    }
    return out;
  }
}
