import { describe, expect, it } from 'vitest';
import { WARNING_WORD_CHARS, Warnings } from './warnings.js';

describe('warnings', () => {
  it('shorten an over-long name to its start and full length, keeping the rest of the line', () => {
    const lines: string[] = [];
    const warnings = new Warnings((line) => lines.push(line));
    warnings.warn(`Model ${'m'.repeat(1000)} (engine claude) is unpriced: no price known.`);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThan(WARNING_WORD_CHARS + 80);
    expect(lines[0]).toMatch(/^Warning: Model m+…\(1000 chars\) \(engine claude\) is unpriced: no price known\.$/);
  });

  it('show real file paths whole, escaped, and each distinct message once', () => {
    const lines: string[] = [];
    const warnings = new Warnings((line) => lines.push(line));
    const file = `/home/dev/${'project/'.repeat(40)}session.json`;
    warnings.warn(`${file} is corrupt\u001b[31m; it was skipped.`);
    warnings.warn(`${file} is corrupt\u001b[31m; it was skipped.`);
    expect(lines).toEqual([`Warning: ${file} is corrupt\\x1b[31m; it was skipped.`]);
  });
});
