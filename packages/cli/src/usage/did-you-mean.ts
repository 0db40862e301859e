/**
 * Optimal string alignment distance: insertions, deletions, substitutions, and a swap of two
 * neighbouring characters, each one edit (`stast` → `stats` is 1, where plain Levenshtein says 2).
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * How far `typed` is from `candidate`, or undefined when too far to be a typo: more than a quarter of
 * the candidate's length (at least one edit is always allowed), so `stats foo` suggests nothing.
 */
export function typoDistance(typed: string, candidate: string): number | undefined {
  const distance = editDistance(typed, candidate);
  return distance <= Math.max(1, Math.floor(candidate.length / 4)) ? distance : undefined;
}

/** The candidate `typed` is most likely a typo of; ties go to the first given. */
export function closest(typed: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = typoDistance(typed, candidate);
    if (distance !== undefined && distance > 0 && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
