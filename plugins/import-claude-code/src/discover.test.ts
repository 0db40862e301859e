import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectScope } from '@radium-stats/core';
import { tempDir } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { discoverClaudeFiles, projectDirMayMatch } from './discover.js';

describe('discoverClaudeFiles', () => {
  it('finds transcripts and subagent transcripts, grouped by session, under a config root', async () => {
    const root = tempDir();
    const project = path.join(root, 'projects', '-srv-proj');
    mkdirSync(path.join(project, 's1', 'subagents'), { recursive: true });
    writeFileSync(path.join(project, 's1.jsonl'), '');
    writeFileSync(path.join(project, 's1', 'subagents', 'agent-a.jsonl'), '');
    writeFileSync(path.join(project, 'notes.txt'), '');
    const files = discoverClaudeFiles(root, projectScope('/w', true));
    expect(files.sort((a, b) => a.part - b.part).map((f) => [path.relative(root, f.path), f.group, f.part])).toEqual([
      ['projects/-srv-proj/s1.jsonl', 's1', 0],
      ['projects/-srv-proj/s1/subagents/agent-a.jsonl', 's1', 1],
    ]);
  });

  it('marks project folders of other directories as outside the workspace', async () => {
    const root = tempDir();
    for (const name of ['-srv-proj', '-srv-proj-pkg', '-srv-project2']) {
      mkdirSync(path.join(root, name), { recursive: true });
      writeFileSync(path.join(root, name, 's.jsonl'), '');
    }
    const files = discoverClaudeFiles(root, projectScope('/srv/proj'));
    const skipped = Object.fromEntries(files.map((f) => [path.basename(path.dirname(f.path)), f.skip ?? 'read']));
    expect(skipped).toEqual({ '-srv-proj': 'read', '-srv-proj-pkg': 'read', '-srv-project2': 'outside this workspace (use --all-projects)' });
  });

  it('never rules out a folder by name when names may be shortened or every project is wanted', () => {
    expect(projectDirMayMatch('x'.repeat(220), projectScope('/w'))).toBe(true);
    expect(projectDirMayMatch('-elsewhere', projectScope('/w', true))).toBe(true);
    expect(projectDirMayMatch('-w-my-app', projectScope('/w/my.app'))).toBe(true);
  });
});
