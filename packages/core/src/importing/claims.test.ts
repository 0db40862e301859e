import { describe, expect, it } from 'vitest';
import { ClaimRegistry, hashKey } from './claims.js';

describe('ClaimRegistry', () => {
  it('gives a key to the first session that claims it, and keeps that across a save', () => {
    const saved: Record<string, string | undefined> = {};
    const first = new ClaimRegistry(saved);
    expect(first.claim('a', 'msg_1:req_1')).toBe(true);
    expect(first.claim('b', 'msg_1:req_1')).toBe(false);
    expect(first.claim('b', 'msg_2:req_2')).toBe(true);
    const next = new ClaimRegistry({ a: first.packed('a'), b: first.packed('b') });
    expect(next.claim('c', 'msg_1:req_1')).toBe(false);
    expect(next.claim('c', 'msg_2:req_2')).toBe(false);
    expect(next.claim('c', 'msg_3:req_3')).toBe(true);
  });

  it('frees the keys of a session that is imported again', () => {
    const registry = new ClaimRegistry({});
    registry.claim('a', 'k');
    registry.release('a');
    expect(registry.packed('a')).toBeUndefined();
    expect(registry.claim('a', 'k')).toBe(true);
  });

  it('tells whether another session holds a key, not counting the asking session', () => {
    const registry = new ClaimRegistry({});
    registry.claim('parent', 'msg_1:req_1');
    expect(registry.heldByOther('resumed', 'msg_1:req_1')).toBe(true);
    expect(registry.heldByOther('parent', 'msg_1:req_1')).toBe(false);
    expect(registry.heldByOther('resumed', 'msg_2:req_2')).toBe(false);
  });

  it('hashes keys to stable integers within 53 bits', () => {
    expect(hashKey('msg_1:req_1')).toBe(hashKey('msg_1:req_1'));
    expect(hashKey('msg_1:req_1')).not.toBe(hashKey('msg_1:req_2'));
    expect(Number.isSafeInteger(hashKey('x'.repeat(1000)))).toBe(true);
  });
});
