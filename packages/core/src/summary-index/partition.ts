import type { ActivePlugin } from '../report/fold.js';
import { Bucket, type BucketPart } from './bucket.js';
import { compareNewestFirst, type SessionKey } from './order.js';
import { rowKey, type Row } from './rows.js';

/** `count` ids picked at random (deterministically), for the sample that fixes segment boundaries. */
export function sampleOf(ids: readonly string[], count: number): string[] {
  const copy = [...ids];
  let seed = 0x9e3779b9;
  for (let i = 0; i < count; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const j = i + (seed % (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

/** Boundary keys that cut the sampled keys into `parts` runs of equal size; the last bucket takes the rest. */
export function boundaries(sample: SessionKey[], parts: number): SessionKey[] {
  if (sample.length === 0) return [];
  const sorted = [...sample].sort(compareNewestFirst);
  return Array.from({ length: parts - 1 }, (_, b) => sorted[Math.max(0, Math.floor(((b + 1) * sorted.length) / parts) - 1)]!);
}

function bucketOf(cuts: readonly SessionKey[], key: SessionKey): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareNewestFirst(key, cuts[mid]!) <= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * One thread's buckets for the segments that `cuts` delimit: each row goes to the bucket of its
 * place in history. Only the newest bucket keeps its rows' text: serializing and writing every
 * row was a fifth of a full build, and older segments are rarely paged through or rewritten
 * (their rows are then read from the reports, see segment-rows.ts). New sessions land in the
 * newest segment, whose rows a repair reuses.
 */
export class BucketSet {
  private readonly buckets: Bucket[];

  constructor(
    /** For each segment but the last, the oldest key it may hold (history order, newest first). */
    readonly cuts: SessionKey[],
    dir: string,
    plugins: readonly ActivePlugin[],
  ) {
    this.buckets = Array.from({ length: cuts.length + 1 }, (_, b) => new Bucket(dir, plugins, b === 0));
  }

  add(row: Row): void {
    const key = rowKey(row);
    this.buckets[bucketOf(this.cuts, key)]!.add(row, key);
  }

  /** Every bucket's part, by bucket number. */
  close(): BucketPart[] {
    return this.buckets.map((b) => b.close());
  }
}
