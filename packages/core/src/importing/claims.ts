/**
 * A de-duplication key reduced to 53 bits, exact in a double (collisions: about 1 in 10^6 at 100,000
 * keys): two 32-bit multiply-xorshift lanes (the public-domain cyrb53 mix), far cheaper than a
 * cryptographic digest per key.
 */
export function hashKey(key: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function decode(packed: string): number[] {
  const bytes = Buffer.from(packed, 'base64');
  const out: number[] = [];
  for (let i = 0; i + 8 <= bytes.length; i += 8) out.push(bytes.readDoubleLE(i));
  return out;
}

function encode(hashes: readonly number[]): string {
  const bytes = Buffer.alloc(hashes.length * 8);
  hashes.forEach((h, i) => bytes.writeDoubleLE(h, i * 8));
  return bytes.toString('base64');
}

/**
 * Which session holds which de-duplication key, across every file of an importer and across runs,
 * so a response copied into another transcript (a resumed session) is counted once. Saved claims
 * are unpacked on first use only, so a run with nothing new pays nothing.
 */
export class ClaimRegistry {
  private held: Set<number> | undefined;
  private readonly bySession = new Map<string, number[]>();

  constructor(private readonly saved: Record<string, string | undefined>) {}

  private load(): Set<number> {
    if (this.held) return this.held;
    this.held = new Set();
    for (const [group, packed] of Object.entries(this.saved)) {
      if (!packed || this.bySession.has(group)) continue;
      const hashes = decode(packed);
      this.bySession.set(group, hashes);
      for (const h of hashes) this.held.add(h);
    }
    return this.held;
  }

  /** Claims a key for a session; false when any session already holds it. */
  claim(group: string, key: string): boolean {
    const held = this.load();
    const hash = hashKey(key);
    if (held.has(hash)) return false;
    held.add(hash);
    let list = this.bySession.get(group);
    if (!list) this.bySession.set(group, (list = []));
    list.push(hash);
    return true;
  }

  /** True when a session other than `group` holds the key. */
  heldByOther(group: string, key: string): boolean {
    const hash = hashKey(key);
    if (!this.load().has(hash)) return false;
    // A rebuilt session still holds its keys from before until it is named again.
    return !(this.bySession.get(group)?.includes(hash) ?? false);
  }

  /** Drops every key a session holds (it is about to be imported again). */
  release(group: string): void {
    const held = this.load();
    for (const h of this.bySession.get(group) ?? []) held.delete(h);
    this.bySession.delete(group);
    delete this.saved[group];
  }

  /** The keys a session holds, packed for the state file, or undefined when none. */
  packed(group: string): string | undefined {
    if (!this.held) return this.saved[group];
    const list = this.bySession.get(group);
    return list && list.length > 0 ? encode(list) : undefined;
  }
}
