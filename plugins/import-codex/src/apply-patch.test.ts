import { describe, expect, it } from 'vitest';
import { findPatch, patchFiles } from './apply-patch.js';

const PATCH = '*** Begin Patch\n*** Update File: a.rs\n*** Move to: b.rs\n@@\n-x\n+y\n ctx\n*** Delete File: c.rs\n*** Add File: d.rs\n+1\n+2\n*** End Patch\n+not counted';

describe('apply_patch', () => {
  it('counts added and removed lines per file', () => {
    expect(patchFiles(PATCH)).toEqual([
      { path: 'a.rs', added: 1, removed: 1 },
      { path: 'd.rs', added: 2, removed: 0 },
    ]);
  });

  it('finds the patch in a custom tool input, JSON arguments or a shell command list', () => {
    expect(findPatch(PATCH)).toBe(PATCH);
    expect(findPatch(JSON.stringify({ input: PATCH }))).toBe(PATCH);
    expect(findPatch(JSON.stringify({ command: ['apply_patch', PATCH] }))).toBe(PATCH);
    expect(findPatch(JSON.stringify({ cmd: 'ls' }))).toBeUndefined();
  });
});
