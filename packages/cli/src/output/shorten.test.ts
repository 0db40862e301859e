import { describe, expect, it } from 'vitest';
import { SHOWN_NAME_CHARS, SHOWN_WORD_CHARS, Shortener } from './shorten.js';

describe('Shortener', () => {
  it('cuts a long name to its start and full length and names where in one warning', () => {
    const cut = new Shortener();
    expect(cut.name('t'.repeat(5_000), 'the Tool column')).toMatch(/^t+…\(5000 chars\)$/);
    expect(cut.name('m'.repeat(5_000), 'the Model column')).toHaveLength(SHOWN_NAME_CHARS);
    cut.name('t'.repeat(6_000), 'the Tool column');
    expect(cut.warning()).toMatch(/\(in the Tool column, the Model column\)/);
  });

  it('keeps a 128-character session id whole in free text but cuts longer words', () => {
    const cut = new Shortener();
    const id = 'a'.repeat(SHOWN_WORD_CHARS);
    expect(cut.words(`Session ${id} ended`, 'a note')).toBe(`Session ${id} ended`);
    expect(cut.warning()).toBeUndefined();
    expect(cut.words(`unpriced: ${'m'.repeat(1_000)} (no price)`, 'the Cost section')).toMatch(/^unpriced: m+…\(1000 chars\) \(no price\)$/);
    expect(cut.warning()).toMatch(/the Cost section/);
  });
});
