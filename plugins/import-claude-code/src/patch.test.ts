import { describe, expect, it } from 'vitest';
import { patchLines } from './patch.js';

describe('patchLines', () => {
  it('counts + and - lines of every hunk, not context lines', () => {
    const result = { structuredPatch: [{ lines: ['-a', '+b', '+c', ' d'] }, { lines: ['-x', '\\ No newline at end of file'] }] };
    expect(patchLines(result)).toEqual({ added: 2, removed: 2 });
  });

  it('counts every line of a file Write created', () => {
    expect(patchLines({ type: 'create', content: 'a\nb\nc\n', structuredPatch: [] })).toEqual({ added: 3, removed: 0 });
  });

  it('finds nothing in results that are not edits', () => {
    expect(patchLines({ stdout: 'ok' })).toEqual({ added: 0, removed: 0 });
  });
});
