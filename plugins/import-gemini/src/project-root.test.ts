import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { ProjectRoots, projectHash } from './project-root.js';
import { geminiSources } from './sources.js';

describe('Gemini project folders', () => {
  it('resolves a hashed folder to the workspace folder (or subfolder) with that hash', async () => {
    const workspace = tempDir();
    mkdirSync(path.join(workspace, 'packages', 'api'), { recursive: true });
    const roots = new ProjectRoots(undefined, workspace);
    expect(roots.resolve(`/g/tmp/${projectHash(path.join(workspace, 'packages', 'api'))}`)).toBe(path.join(workspace, 'packages', 'api'));
    expect(roots.resolve(`/g/tmp/${projectHash('/elsewhere')}`)).toBeUndefined();
  });

  it('prefers the .project_root marker, then projects.json', async () => {
    const gemini = tempDir();
    mkdirSync(path.join(gemini, 'tmp', 'app'), { recursive: true });
    writeFileSync(path.join(gemini, 'tmp', 'app', '.project_root'), '/srv/app\n');
    writeFileSync(path.join(gemini, 'projects.json'), JSON.stringify({ projects: { '/srv/site': 'site' } }));
    const roots = new ProjectRoots(gemini, '/nowhere');
    expect(roots.resolve(path.join(gemini, 'tmp', 'app'))).toBe('/srv/app');
    expect(roots.resolve(path.join(gemini, 'tmp', 'site'))).toBe('/srv/site');
  });

  it('looks in ~/.gemini, with GEMINI_CLI_HOME in place of the home directory', () => {
    expect(geminiSources({ env: {}, home: '/home/me' })).toEqual(['/home/me/.gemini']);
    expect(geminiSources({ env: { GEMINI_CLI_HOME: '/profiles/a' }, home: '/home/me' })).toEqual(['/profiles/a/.gemini']);
  });
});
