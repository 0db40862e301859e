import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/index.js';
import { createGit } from './git.js';

const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

describe('createGit', () => {
  it('runs git even when the user has an editor, a pager or ssh settings in the environment', async () => {
    Object.assign(process.env, { EDITOR: 'vi', GIT_PAGER: 'less', PAGER: 'less', GIT_SSH_COMMAND: 'ssh' });
    expect(await createGit(tempDir()).raw(['--version'])).toMatch(/^git version /);
  });

  it('gives extra variables to its own client only', async () => {
    const dir = tempDir();
    const withVar = createGit(dir, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'rad.probe', GIT_CONFIG_VALUE_0: 'here' });
    const shared = createGit(dir);
    expect((await withVar.raw(['config', '--get', 'rad.probe'])).trim()).toBe('here');
    expect((await shared.raw(['config', '--get', 'rad.probe'])).trim()).toBe('');
  });
});
