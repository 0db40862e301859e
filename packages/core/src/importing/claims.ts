/** The keys earlier runs saved (in the stats store), looked up one at a time. */
export interface SavedClaims {
  /** The session group holding a key, or undefined when none does. */
  owner(key: string): string | undefined;
}

/**
 * Which session holds which de-duplication key, across every file of an importer and across runs,
 * so a response copied into another transcript (a resumed session) is counted once. Keys are kept
 * and compared exactly (never hashed): two different responses can never be taken for one. Keys of
 * earlier runs are looked up in the store as they are asked about, never loaded all at once; keys
 * claimed in this run are kept in memory for the rest of it.
 */
export class ClaimRegistry {
  /** Owner of each key claimed in this run. */
  private readonly owners = new Map<string, string>();
  /** Keys claimed in this run by group, in claim order. */
  private readonly byGroup = new Map<string, string[]>();
  /** How many of a group's keys of this run are saved. */
  private readonly savedCount = new Map<string, number>();
  /** Groups whose saved keys no longer count (they are being imported again); they are deleted when the group is saved. */
  private readonly dropped = new Set<string>();

  constructor(private readonly saved: SavedClaims = { owner: () => undefined }) {}

  private ownerOf(key: string): string | undefined {
    const here = this.owners.get(key);
    if (here !== undefined) return here;
    const before = this.saved.owner(key);
    return before !== undefined && !this.dropped.has(before) ? before : undefined;
  }

  /** Claims a key for a session; false when any session already holds it. */
  claim(group: string, key: string): boolean {
    if (this.ownerOf(key) !== undefined) return false;
    this.owners.set(key, group);
    let list = this.byGroup.get(group);
    if (!list) this.byGroup.set(group, (list = []));
    list.push(key);
    return true;
  }

  /** True when a session other than `group` holds the key. */
  heldByOther(group: string, key: string): boolean {
    const owner = this.ownerOf(key);
    // A rebuilt session still holds its keys from before until it is named again.
    return owner !== undefined && owner !== group;
  }

  /** Drops every key a session holds (it is about to be imported again). */
  release(group: string): void {
    for (const key of this.byGroup.get(group) ?? []) this.owners.delete(key);
    this.byGroup.delete(group);
    this.savedCount.delete(group);
    this.dropped.add(group);
  }

  /** True when the group's saved keys were released in this run and are still in the store. */
  releasedSaved(group: string): boolean {
    return this.dropped.has(group);
  }

  /** Keys the group claimed in this run that are not saved yet, in claim order. */
  unsaved(group: string): readonly string[] {
    return (this.byGroup.get(group) ?? []).slice(this.savedCount.get(group) ?? 0);
  }

  /**
   * Marks the group saved: its released keys are gone from the store and its unsaved keys were
   * written (or, for a session left out of the run, are held for the rest of the run only).
   */
  markSaved(group: string): void {
    this.dropped.delete(group);
    this.savedCount.set(group, this.byGroup.get(group)?.length ?? 0);
  }
}
