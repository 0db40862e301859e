import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { discoverCodexFiles, rolloutGroup } from './discover.js';
import { codexSources } from './sources.js';

describe('Codex files', () => {
  it('uses CODEX_HOME, else ~/.codex', () => {
    expect(codexSources({ env: {}, home: '/home/me' })).toEqual(['/home/me/.codex']);
    expect(codexSources({ env: { CODEX_HOME: '/srv/codex' }, home: '/home/me' })).toEqual(['/srv/codex']);
  });

  it('finds rollouts in sessions and archived_sessions, once each, grouped by session uuid', async () => {
    const home = tempDir();
    const name = 'rollout-2026-05-13T09-00-00-0199a213-81c0-7800-8aa1-bbab2a035a53.jsonl';
    for (const dir of ['sessions/2026/05/13', 'archived_sessions']) mkdirSync(path.join(home, dir), { recursive: true });
    writeFileSync(path.join(home, 'sessions/2026/05/13', name), 'short\n');
    writeFileSync(path.join(home, 'archived_sessions', name), 'longer copy\n');
    writeFileSync(path.join(home, 'sessions/2026/05/13', 'notes.jsonl'), '');
    const files = discoverCodexFiles(home);
    expect(files).toEqual([{ path: path.join(home, 'archived_sessions', name), group: '0199a213-81c0-7800-8aa1-bbab2a035a53', part: 0, format: 'jsonl' }]);
    expect(rolloutGroup('/x/rollout-abc.jsonl')).toBe('rollout-abc');
  });

  it('lists rollouts in code point order, the same on every machine whatever its locale', async () => {
    const home = tempDir();
    mkdirSync(path.join(home, 'sessions'));
    const names = ['a', 'B', 'Z', '_', 'é'].map((s) => `rollout-${s}.jsonl`);
    for (const name of names) writeFileSync(path.join(home, 'sessions', name), '');
    const files = discoverCodexFiles(home);
    // A locale sorts these `_ a B é Z`; code points sort capitals, then `_`, then small letters, then accents.
    expect(files.map((f) => path.basename(f.path))).toEqual(['B', 'Z', '_', 'a', 'é'].map((s) => `rollout-${s}.jsonl`));
  });
});
