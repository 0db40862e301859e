import { describe, expect, it } from 'vitest';
import { escapeTerminal } from './escape.js';

describe('escapeTerminal', () => {
  it.each([
    ['ESC', '\u001b', '\\x1b'],
    ['DEL', '\u007f', '\\x7f'],
    ['C1 CSI', '\u009b', '\\x9b'],
    ['a line separator', '\u2028', '\\u{2028}'],
    ['a paragraph separator', '\u2029', '\\u{2029}'],
    ['a right-to-left mark', '\u200f', '\\u{200f}'],
    ['a left-to-right mark', '\u200e', '\\u{200e}'],
    ['the Arabic letter mark', '\u061c', '\\u{61c}'],
    ['a right-to-left override', '\u202e', '\\u{202e}'],
    ['a first-strong isolate', '\u2068', '\\u{2068}'],
    ['a zero-width space', '\u200b', '\\u{200b}'],
    ['a zero-width joiner', '\u200d', '\\u{200d}'],
    ['a byte-order mark', '\ufeff', '\\u{feff}'],
    ['a tag character', '\u{e0041}', '\\u{e0041}'],
  ])('shows %s as a visible escape', (_what, ch, shown) => {
    expect(escapeTerminal(`a${ch}b`)).toBe(`a${shown}b`);
  });

  it('leaves ordinary text alone, non-Latin letters and emoji included', () => {
    expect(escapeTerminal('read_file — 読み込み ✓ 🚀 مرحبا')).toBe('read_file — 読み込み ✓ 🚀 مرحبا');
  });
});
