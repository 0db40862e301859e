import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { exampleWorkspace, freshCliHome, rad, radOk } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';

const cliHome = freshCliHome();

describe('rad init --global', () => {
  it('creates the workspace in RADIUM_HOME and --json says where', () => {
    const home = tempDir();
    // HOME too: --global looks for agents' log folders there.
    const env = { ...cliHome, RADIUM_HOME: home, HOME: tempDir(), CLAUDE_CONFIG_DIR: undefined, CODEX_HOME: undefined, GEMINI_CLI_HOME: undefined };
    const created = jsonOutput(radOk(['init', '--global', '--json'], { cwd: tempDir(), env }).stdout, 'init.schema.json');
    expect(created).toEqual({ root: home, created: true, global: true, autoImport: [] });
    expect(existsSync(path.join(home, '.radium', '_internals', 'sessions'))).toBe(true);
    expect(existsSync(path.join(home, '.gitignore'))).toBe(false);
    expect(radOk(['init', '--global'], { cwd: tempDir(), env }).stdout).toBe(`The global Radium workspace already exists in ${home}\n`);
  });

  it('refuses a DIR', () => {
    const result = rad(['init', '--global', 'somewhere'], { cwd: tempDir(), env: { ...cliHome, RADIUM_HOME: tempDir() } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Error: rad init --global takes no DIR .*RADIUM_HOME/m);
  });
});

describe('the global workspace', () => {
  it('answers a view run from a folder with no workspace above, and says so on stderr only', () => {
    const home = exampleWorkspace();
    const cwd = tempDir();
    const viaGlobal = radOk(['stats', 'history'], { cwd, env: { ...cliHome, RADIUM_HOME: home } });
    const direct = radOk(['stats', 'history', '--workspace', home], { cwd, env: cliHome });
    expect(viaGlobal.stdout).toBe(direct.stdout);
    expect(viaGlobal.stderr).toContain(`Using the global workspace ${home} (no .radium above ${cwd}).\n`);
    expect(direct.stderr).not.toContain('global workspace');
    const json = radOk(['stats', 'history', '--json'], { cwd, env: { ...cliHome, RADIUM_HOME: home } });
    expect(json.stderr).not.toContain('global workspace');
  });

  it('loses to a project workspace above the current folder', () => {
    const home = exampleWorkspace();
    const project = tempDir();
    radOk(['init', project], { cwd: project, env: cliHome });
    const cwd = path.join(project, 'src', 'deep');
    mkdirSync(cwd, { recursive: true });
    const result = rad(['stats', 'history'], { cwd, env: { ...cliHome, RADIUM_HOME: home } });
    expect(result.stderr).not.toContain('global workspace');
    expect(result.stderr).toMatch(/No session history found/);
  });

  it('is named in the error when there is neither', () => {
    const result = rad(['stats', 'history'], { cwd: tempDir(), env: { ...cliHome, RADIUM_HOME: tempDir() } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Error: No Radium workspace found at or above .*`rad init --global`/m);
  });
});
