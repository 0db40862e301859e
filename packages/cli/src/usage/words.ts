/** `a`, `a and b`, `a, b and c`. */
export function and(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** `argument` or `arguments`. */
export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
