import { describe, expect, it } from 'vitest';
import { unionLength } from './intervals.js';

describe('unionLength', () => {
  it('is zero for no intervals and for an empty window', () => {
    expect(unionLength([], 0, 100)).toBe(0);
    expect(unionLength([[0, 10]], 50, 50)).toBe(0);
    expect(unionLength([[0, 10]], 60, 50)).toBe(0);
  });

  it('adds disjoint intervals and counts overlaps once', () => {
    expect(unionLength([[0, 10], [20, 25]], 0, 100)).toBe(15);
    expect(unionLength([[0, 10], [5, 15]], 0, 100)).toBe(15);
    expect(unionLength([[0, 30], [5, 10], [12, 20]], 0, 100)).toBe(30);
    expect(unionLength([[10, 20], [20, 30]], 0, 100)).toBe(20);
  });

  it('does not depend on the order intervals arrive in', () => {
    const list: [number, number][] = [[50, 70], [0, 10], [65, 90], [5, 12], [30, 31]];
    const expected = unionLength(list, 0, 100);
    expect(expected).toBe(12 + 1 + 40);
    expect(unionLength([...list].reverse(), 0, 100)).toBe(expected);
  });

  it('clips to the window, so many parallel intervals never exceed it', () => {
    expect(unionLength([[-50, 10], [90, 200]], 0, 100)).toBe(20);
    const parallel = Array.from({ length: 1000 }, (_, i): [number, number] => [i * 0.1, 100 + i * 0.1]);
    expect(unionLength(parallel, 0, 100)).toBe(100);
  });

  it('handles a long session without recursion limits', () => {
    const many = Array.from({ length: 200_000 }, (_, i): [number, number] => [i * 10, i * 10 + 5]);
    expect(unionLength(many, 0, 2_000_000)).toBe(1_000_000);
  });
});
