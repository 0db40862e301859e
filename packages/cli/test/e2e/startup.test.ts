import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { CLI_ROOT, freshCliHome, radOk } from '../helpers/rad.js';

const env = freshCliHome();
const preload = path.join(CLI_ROOT, 'test', 'fixtures', 'report-native.cjs');
const loadedPreload = path.join(CLI_ROOT, 'test', 'fixtures', 'report-loaded.mjs');

/** Runs rad and says whether it loaded the SQLite native module. */
function nativeLoaded(args: string[], cwd: string, input = ''): string {
  const report = path.join(tempDir(), 'native.txt');
  radOk(args, { cwd, input, env: { ...env, NODE_OPTIONS: `--require ${preload}`, RAD_TEST_NATIVE_REPORT: report } });
  return readFileSync(report, 'utf8');
}

/**
 * Runs rad and says which of these packages (or `node:` built-ins) it loaded. This repository's own
 * packages (`@radium-stats/...`) load from their folders here, from node_modules once installed.
 */
function packagesLoaded(args: string[], cwd: string, names: string[], extraEnv: NodeJS.ProcessEnv = {}): string[] {
  const report = path.join(tempDir(), 'loaded.txt');
  writeFileSync(report, '');
  radOk(args, { cwd, env: { ...env, ...extraEnv, NODE_OPTIONS: `--import ${loadedPreload}`, RAD_TEST_LOADED_REPORT: report } });
  const files = readFileSync(report, 'utf8').split('\n');
  const own = (name: string) => `/${name.replace('@radium-stats/', '').replace(/^import-/, 'plugins/import-')}/dist/`;
  return names.filter((name) =>
    name.startsWith('node:')
      ? files.includes(`builtin:${name.slice('node:'.length)}`)
      : files.some((file) => file.includes(`/node_modules/${name}/`) || (name.startsWith('@radium-stats/') && file.includes(own(name)))),
  );
}

describe('start-up', () => {
  it('commands that need no store never load the SQLite native module; views over sessions do', () => {
    const ws = path.join(tempDir(), 'ws');
    radOk(['init', ws], { cwd: tempDir(), env });
    expect(nativeLoaded(['--version'], ws)).toBe('not loaded');
    expect(nativeLoaded(['--help'], ws)).toBe('not loaded');
    const id = radOk(['session', 'start', '--agent', 'startup-test'], { cwd: ws, env }).stdout.trim();
    expect(nativeLoaded(['session', 'record', '--session-id', id], ws, '{"type":"tool.call","name":"Bash","durationMs":3,"success":true}\n')).toBe('not loaded');
    expect(nativeLoaded(['stats', 'history'], ws)).toBe('loaded');
  });

  it('showing a recorded session loads neither the git client, the progress bar nor node:crypto; ending one loads git', () => {
    const ws = path.join(tempDir(), 'ws');
    radOk(['init', ws], { cwd: tempDir(), env });
    const id = radOk(['session', 'start', '--agent', 'startup-test'], { cwd: ws, env }).stdout.trim();
    radOk(['session', 'record', '--session-id', id], { cwd: ws, env, input: '{"type":"tool.call","name":"Bash","durationMs":3,"success":true}\n' });
    expect(packagesLoaded(['session', 'end', '--session-id', id], ws, ['simple-git', 'node:crypto'])).toEqual(['simple-git', 'node:crypto']);
    expect(packagesLoaded(['stats', 'session'], ws, ['simple-git', 'cli-progress', 'node:crypto'])).toEqual([]);
  });

  it('a view with auto-import on and nothing new loads only the listed agent\'s importer', () => {
    const ws = path.join(tempDir(), 'ws');
    radOk(['init', ws], { cwd: tempDir(), env });
    writeFileSync(path.join(ws, '.radium', 'stats.config.json'), JSON.stringify({ import: { auto: ['claude-code'] } }));
    const claude = tempDir();
    const logs = path.join(claude, 'projects', ws.replace(/[^a-zA-Z0-9]/g, '-'));
    mkdirSync(logs, { recursive: true });
    const usage = { input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
    const line = { sessionId: 's1', cwd: ws, timestamp: '2026-03-02T10:00:00.000Z', type: 'assistant', requestId: 'r1', message: { id: 'm1', model: 'claude-sonnet-4-5-20250929', content: [], usage } };
    writeFileSync(path.join(logs, 's1.jsonl'), `${JSON.stringify(line)}\n`);
    const agentEnv = { CLAUDE_CONFIG_DIR: claude };
    const importers = ['@radium-stats/import-claude-code', '@radium-stats/import-codex', '@radium-stats/import-gemini', '@radium-stats/import-amp', '@radium-stats/import-opencode'];
    // The first view imports the new log.
    expect(radOk(['stats', 'model', '--json'], { cwd: ws, env: { ...env, ...agentEnv } }).stdout).toContain('"inputTokens": 10');
    expect(packagesLoaded(['stats', 'model'], ws, importers, agentEnv)).toEqual(['@radium-stats/import-claude-code']);
  });
});
