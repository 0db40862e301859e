import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './compare-code-points.js';

describe('compareCodePoints', () => {
  it('orders by code point, where a locale would interleave cases and put accents and `_` elsewhere', () => {
    const words = ['é', 'a', '_', 'Z', 'B', 'b', 'ab', 'a_', 'A'];
    expect([...words].sort(compareCodePoints)).toEqual(['A', 'B', 'Z', '_', 'a', 'a_', 'ab', 'b', 'é']);
    // The order ICU's root locale gives, for contrast: the test above cannot pass by accident on a machine that sorts like this.
    expect([...words].sort((x, y) => x.localeCompare(y, 'en'))).not.toEqual([...words].sort(compareCodePoints));
  });

  it('puts characters above U+FFFF after U+E000..U+FFFF, unlike UTF-16 unit order', () => {
    const astral = '\u{1F600}';
    const privateUse = '\uE000';
    expect([astral, privateUse, 'z'].sort(compareCodePoints)).toEqual(['z', privateUse, astral]);
    expect(compareCodePoints('a', 'a')).toBe(0);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
  });
});
