/**
 * Which session holds which de-duplication key, across every file of an importer and across runs,
 * so a response copied into another transcript (a resumed session) is counted once. Keys are kept
 * and compared exactly (never hashed): two different responses can never be taken for one. Saved
 * keys are indexed on first use only, so a run with nothing new pays nothing.
 */
export class ClaimRegistry {
  private index: Map<string, string> | undefined;
  private readonly bySession = new Map<string, string[]>();

  constructor(private readonly saved: Record<string, readonly string[] | undefined>) {}

  /** Owner of each held key. */
  private owners(): Map<string, string> {
    if (this.index) return this.index;
    this.index = new Map();
    for (const [group, keys] of Object.entries(this.saved)) {
      if (!keys || keys.length === 0 || this.bySession.has(group)) continue;
      this.bySession.set(group, [...keys]);
      for (const key of keys) this.index.set(key, group);
    }
    return this.index;
  }

  /** Claims a key for a session; false when any session already holds it. */
  claim(group: string, key: string): boolean {
    const owners = this.owners();
    if (owners.has(key)) return false;
    owners.set(key, group);
    let list = this.bySession.get(group);
    if (!list) this.bySession.set(group, (list = []));
    list.push(key);
    return true;
  }

  /** True when a session other than `group` holds the key. */
  heldByOther(group: string, key: string): boolean {
    const owner = this.owners().get(key);
    // A rebuilt session still holds its keys from before until it is named again.
    return owner !== undefined && owner !== group;
  }

  /** Drops every key a session holds (it is about to be imported again). */
  release(group: string): void {
    const owners = this.owners();
    for (const key of this.bySession.get(group) ?? []) owners.delete(key);
    this.bySession.delete(group);
    delete this.saved[group];
  }

  /** The keys a session holds, in claim order, for the state file; undefined when none. */
  keys(group: string): readonly string[] | undefined {
    if (!this.index) return this.saved[group];
    const list = this.bySession.get(group);
    return list && list.length > 0 ? list : undefined;
  }
}
