import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_ROOT, exampleWorkspace, freshCliHome, rad, radOk } from '../helpers/rad.js';

const env = freshCliHome();
/** More sessions than an index build keeps in memory, so a rebuild streams and may use threads. */
const SESSIONS = 4_100;

/** `rad stats …` after deleting the index, with `threads` build threads. */
function rebuilt(cwd: string, args: string[], threads: string) {
  rmSync(path.join(cwd, '.radium', '_internals', 'index'), { recursive: true, force: true });
  return radOk(args, { cwd, env: { ...env, RADIUM_STATS_INDEX_THREADS: threads } }).stdout;
}

describe('rebuilding the summary index of a large workspace on several threads', () => {
  let cwd: string;
  beforeAll(() => {
    // The example sessions' real reports, copied under new ids and start times.
    cwd = exampleWorkspace();
    const sessions = path.join(cwd, '.radium', '_internals', 'sessions');
    radOk(['stats', 'history'], { cwd, env });
    const reports = readdirSync(sessions).filter((f) => f.endsWith('.json') && !f.endsWith('.events.jsonl'));
    const templates = reports.map((f) => JSON.parse(readFileSync(path.join(sessions, f), 'utf8')) as { sessionId: string; startTime: string });
    for (let i = 0; i < SESSIONS; i++) {
      const id = `bulk-${String(i).padStart(5, '0')}`;
      const startTime = new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % SESSIONS) * 60_000).toISOString();
      writeFileSync(path.join(sessions, `${id}.json`), JSON.stringify({ ...templates[i % templates.length], sessionId: id, startTime }));
    }
  });

  it('answers exactly as one thread does', () => {
    for (const args of [['stats', 'model', '--json'], ['stats', 'history', '--limit', '100', '--json']]) {
      expect(rebuilt(cwd, args, '2')).toBe(rebuilt(cwd, args, '0'));
    }
  });

  it('refuses a thread count that is not a number, in one line', () => {
    rmSync(path.join(cwd, '.radium', '_internals', 'index'), { recursive: true, force: true });
    const result = rad(['stats', 'model'], { cwd, env: { ...env, RADIUM_STATS_INDEX_THREADS: 'many' } });
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim()).toMatch(/^Error: RADIUM_STATS_INDEX_THREADS must be a whole number of threads \(0 to 99\), not "many"; unset it to use one per core\.$/);
  });
});

describe('the plugin source build threads load plugins from', () => {
  it('gives a thread the same plugins, with the same fingerprints, as this thread', async () => {
    const source = pathToFileURL(path.join(CLI_ROOT, 'dist', 'host', 'plugin-source.js')).href;
    const core = pathToFileURL(path.join(CLI_ROOT, 'node_modules', '@radium-stats', 'core', 'dist', 'summary-index', 'fingerprint.js')).href;
    const describeIn = (code: string) => `
      const [{ loadMetricPlugins }, { pluginFingerprint }] = await Promise.all([import(${JSON.stringify(source)}), import(${JSON.stringify(core)})]);
      const plugins = await loadMetricPlugins({ root: ${JSON.stringify(CLI_ROOT)} });
      ${code}(plugins.map((p) => p.id + ' ' + pluginFingerprint(p)));`;
    const [{ loadMetricPlugins }, { pluginFingerprint }] = (await Promise.all([import(source), import(core)])) as [
      { loadMetricPlugins: (data: unknown) => Promise<{ id: string }[]> },
      { pluginFingerprint: (plugin: unknown) => string },
    ];
    const here = (await loadMetricPlugins({ root: CLI_ROOT })).map((p) => `${p.id} ${pluginFingerprint(p)}`);
    const there = await new Promise((resolve, reject) => {
      const worker = new Worker(`(async () => {${describeIn("require('node:worker_threads').parentPort.postMessage")}})()`, { eval: true, env: { ...process.env, ...env } });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(here.map((line) => line.split(' ')[0])).toEqual(['tools', 'git', 'timing', 'tokens', 'cache']);
    expect(there).toEqual(here);
  });
});
