import { describe, expect, it } from 'vitest';
import { truncateText } from './truncate.js';

describe('truncateText', () => {
  it('leaves text up to the limit unchanged', () => {
    expect(truncateText('a'.repeat(80), 80)).toBe('a'.repeat(80));
  });

  it('cuts longer text to the limit, ending with the full length', () => {
    const cut = truncateText('a'.repeat(1_048_576), 80);
    expect(cut).toHaveLength(80);
    expect(cut).toMatch(/^a+…\(1048576 chars\)$/);
  });

  it('keeps the recorded full length when cutting text that was cut before', () => {
    const stored = truncateText('m'.repeat(1_048_576), 1_000);
    expect(stored).toHaveLength(1_000);
    expect(truncateText(stored, 80)).toMatch(/^m+…\(1048576 chars\)$/);
  });

  it('never splits a surrogate pair', () => {
    const cut = truncateText('🚀'.repeat(100), 20);
    expect(cut).toMatch(/^(🚀)+…\(200 chars\)$/u);
  });
});
