import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/index.js';
import { ClaimRegistry } from './claims.js';
import type { ImportState } from './state.js';
import { ImportStateStore } from './state-store.js';

const open: ImportStateStore[] = [];
afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

/** The import state of a toy importer in a fresh stats store. */
function freshStore(): { store: ImportStateStore; reopen(): ImportStateStore } {
  const file = path.join(tempDir(), 'stats.db');
  const at = (): ImportStateStore => {
    const store = ImportStateStore.open(file, 'toy', () => {});
    open.push(store);
    return store;
  };
  return { store: at(), reopen: at };
}

/** Saves each group as a session holding the keys it claimed, as a run does after each group. */
function save(store: ImportStateStore, registry: ClaimRegistry, groups: string[]): void {
  const state: ImportState = { importer: 'toy', files: {}, sessions: {} };
  for (const g of groups) state.sessions[g] = { id: `toy-${g}`, bodySize: 0, journalSize: 1, firstTs: '2026-01-01T00:00:00.000Z', lastTs: '2026-01-01T00:00:00.000Z' };
  for (const g of groups) store.saveGroup(g, [], state, registry);
}

describe('ClaimRegistry', () => {
  it('gives a key to the first session that claims it, and keeps that across runs', () => {
    const { store, reopen } = freshStore();
    const first = new ClaimRegistry(store.savedClaims());
    expect(first.claim('a', 'msg_1:req_1')).toBe(true);
    expect(first.claim('b', 'msg_1:req_1')).toBe(false);
    expect(first.claim('b', 'msg_2:req_2')).toBe(true);
    save(store, first, ['a', 'b']);
    const next = new ClaimRegistry(reopen().savedClaims());
    expect(next.claim('c', 'msg_1:req_1')).toBe(false);
    expect(next.claim('c', 'msg_2:req_2')).toBe(false);
    expect(next.claim('c', 'msg_3:req_3')).toBe(true);
  });

  it('frees the keys of a session that is imported again, in this run and in the store', () => {
    const { store, reopen } = freshStore();
    const first = new ClaimRegistry(store.savedClaims());
    first.claim('a', 'k');
    save(store, first, ['a']);
    const next = new ClaimRegistry(reopen().savedClaims());
    expect(next.claim('b', 'k')).toBe(false);
    next.release('a');
    expect(next.claim('b', 'k')).toBe(true);
    save(store, next, ['a', 'b']);
    const third = new ClaimRegistry(reopen().savedClaims());
    expect(third.heldByOther('a', 'k')).toBe(true);
    expect(third.heldByOther('b', 'k')).toBe(false);
  });

  it('tells whether another session holds a key, not counting the asking session', () => {
    const registry = new ClaimRegistry();
    registry.claim('parent', 'msg_1:req_1');
    expect(registry.heldByOther('resumed', 'msg_1:req_1')).toBe(true);
    expect(registry.heldByOther('parent', 'msg_1:req_1')).toBe(false);
    expect(registry.heldByOther('resumed', 'msg_2:req_2')).toBe(false);
  });

  it('keeps keys exactly, so keys that a hash or a text encoding would fold together are still told apart', () => {
    // Version 1 kept 53-bit hashes: two keys with the same hash were one response, and the second was
    // dropped. Lone surrogates have no UTF-8 form: as SQLite text both would read back as U+FFFD.
    const keys = ['msg_1:req_1', 'msg_1:req_1\u0000', 'msg_1:req_2', 'x'.repeat(10_000), `${'x'.repeat(9_999)}y`, 'id-\ud800', 'id-\ud801', 'id-\ufffd'];
    const { store, reopen } = freshStore();
    const first = new ClaimRegistry(store.savedClaims());
    for (const key of keys) expect(first.claim('a', key)).toBe(true);
    save(store, first, ['a']);
    const next = new ClaimRegistry(reopen().savedClaims());
    for (const key of keys) expect(next.claim('b', key)).toBe(false);
    expect(next.claim('b', 'msg_1:req_3')).toBe(true);
    expect(next.claim('b', 'id-\udc00')).toBe(true);
    expect(next.claim('b', 'x'.repeat(10_001))).toBe(true);
  });
});
