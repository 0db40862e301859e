import { describe, expect, it } from 'vitest';
import { fitLine, wrapText } from './wrap.js';

describe('wrapText', () => {
  it('breaks at spaces within the width, keeps a longer word whole, and leaves text alone without a limit', () => {
    expect(wrapText('Unpriced (no cost counted): my-model. Set prices in prices.overrides.', 30)).toEqual(['Unpriced (no cost counted):', 'my-model. Set prices in', 'prices.overrides.']);
    expect(wrapText('a verylongwordthatdoesnotfit b', 10)).toEqual(['a', 'verylongwordthatdoesnotfit', 'b']);
    expect(wrapText('short', 80)).toEqual(['short']);
    expect(wrapText('x '.repeat(100), undefined)).toHaveLength(1);
  });
});

describe('fitLine', () => {
  it('continues a long line indented and cuts a word that cannot fit', () => {
    expect(fitLine('  Session B: n/a (unpriced: a-very-long-model-name-indeed)', 24)).toEqual(['  Session B: n/a', '    (unpriced:', '    a-very-long-model-n…']);
    expect(fitLine('short', 24)).toEqual(['short']);
    expect(fitLine('x'.repeat(30), undefined)).toEqual(['x'.repeat(30)]);
  });
});
