import { describe, expect, it } from 'vitest';
import { toSafeJson } from './safe-json.js';

const hostile = 'x\u007f\u0080\u009b[2J\u202a\u202e\u2066\u2069\u200e\u200f\u061c\u2028\u2029\u200b\ufeff\u{e0041}y';

describe('toSafeJson', () => {
  it('writes DEL, C1 controls, bidi and invisible characters as \\u escapes', () => {
    const json = toSafeJson({ name: hostile });
    expect(json).toMatch(/^[\x20-\x7e]*$/);
    expect(json).toContain('\\u007f\\u0080\\u009b[2J\\u202a\\u202e\\u2066\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029\\u200b\\ufeff\\udb40\\udc41');
  });

  it('still parses to the same value, keys included, indented or not', () => {
    const value = { [hostile]: [hostile, 1, null, { deep: `${hostile}\n\t"` }] };
    expect(JSON.parse(toSafeJson(value))).toEqual(value);
    expect(JSON.parse(toSafeJson(value, 2))).toEqual(value);
  });

  it('is JSON.stringify for ordinary values', () => {
    const value = { model: 'gemini-2.5-pro', note: 'é 読 🚀', n: [1, 2.5], nested: { ok: true } };
    expect(toSafeJson(value, 2)).toBe(JSON.stringify(value, null, 2));
    expect(toSafeJson(value)).toBe(JSON.stringify(value));
  });
});
