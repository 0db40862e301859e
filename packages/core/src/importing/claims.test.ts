import { describe, expect, it } from 'vitest';
import { ClaimRegistry } from './claims.js';

describe('ClaimRegistry', () => {
  it('gives a key to the first session that claims it, and keeps that across a save', () => {
    const saved: Record<string, readonly string[] | undefined> = {};
    const first = new ClaimRegistry(saved);
    expect(first.claim('a', 'msg_1:req_1')).toBe(true);
    expect(first.claim('b', 'msg_1:req_1')).toBe(false);
    expect(first.claim('b', 'msg_2:req_2')).toBe(true);
    const next = new ClaimRegistry({ a: first.keys('a'), b: first.keys('b') });
    expect(next.claim('c', 'msg_1:req_1')).toBe(false);
    expect(next.claim('c', 'msg_2:req_2')).toBe(false);
    expect(next.claim('c', 'msg_3:req_3')).toBe(true);
  });

  it('frees the keys of a session that is imported again', () => {
    const registry = new ClaimRegistry({});
    registry.claim('a', 'k');
    registry.release('a');
    expect(registry.keys('a')).toBeUndefined();
    expect(registry.claim('a', 'k')).toBe(true);
  });

  it('tells whether another session holds a key, not counting the asking session', () => {
    const registry = new ClaimRegistry({});
    registry.claim('parent', 'msg_1:req_1');
    expect(registry.heldByOther('resumed', 'msg_1:req_1')).toBe(true);
    expect(registry.heldByOther('parent', 'msg_1:req_1')).toBe(false);
    expect(registry.heldByOther('resumed', 'msg_2:req_2')).toBe(false);
  });

  it('keeps keys exactly, so keys that a hash would fold together are still told apart', () => {
    // Version 1 kept 53-bit hashes: two keys with the same hash were one response, and the second was dropped.
    // Keys now round-trip as the strings themselves, so only an identical key is refused.
    const keys = ['msg_1:req_1', 'msg_1:req_1\u0000', 'msg_1:req_2', 'x'.repeat(10_000), `${'x'.repeat(9_999)}y`];
    const first = new ClaimRegistry({});
    for (const key of keys) expect(first.claim('a', key)).toBe(true);
    expect(first.keys('a')).toEqual(keys);
    const next = new ClaimRegistry({ a: first.keys('a') });
    for (const key of keys) expect(next.claim('b', key)).toBe(false);
    expect(next.claim('b', 'msg_1:req_3')).toBe(true);
    expect(next.keys('b')).toEqual(['msg_1:req_3']);
  });
});
