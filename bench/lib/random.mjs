// A small seeded random generator (mulberry32), so every run generates the same workspaces.

/** Returns a function giving floats in [0, 1) from a 32-bit seed. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
export const int = (rand, min, max) => min + Math.floor(rand() * (max - min + 1));

/** One element of a list. */
export const pick = (rand, list) => list[Math.floor(rand() * list.length)];
