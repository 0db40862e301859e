import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHost, type Host } from '../host/create-host.js';
import type { PluginSource } from '../host/plugin-source.js';
import type { AnyMetricPlugin } from '../plugin/contract.js';
import { collectingWarnings, tempDir, tempWorkspace } from '../testing/index.js';
import type { CountSection } from '../testing/count-plugin.js';
import type { BucketPart } from './bucket.js';
import { BuildThreads, ChunkQueue } from './build-threads.js';
import { compareNewestFirst, sessionKey, type SessionKey } from './order.js';
import { boundaries } from './partition.js';
import { at, countReport, writeReportBehindItsBack } from './test-support.js';
import { DEFAULT_MIN_THREADED_REPORTS, indexThreads } from './thread-count.js';

// Build threads run the compiled core, so both sides use the compiled count plugin: a plugin
// counts as the same in a thread only when its code is the same.
const BUILT_TESTING = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/testing/index.js')).href;
const built = (await import(BUILT_TESTING)) as { countPlugin: (id?: string) => AnyMetricPlugin };

/** More reports than a build keeps in memory, so it streams and may use threads. */
const REPORTS = 4_500;

// A summarize that takes 0.3 ms where `globalThis.__radSlowHere` is set: only on the test's
// own thread (each build thread has its own globals), so the build threads surely take chunks of
// the shared queue before the calling thread empties it. The same source text on both sides
// gives the plugin the same fingerprint there and here.
const SLOW_HERE = `(section) => { const end = performance.now() + (globalThis.__radSlowHere ? 0.3 : 0); while (performance.now() < end); return section; }`;
// As SLOW_HERE, but a build thread (no flag) stops dead at its 300th report.
const DIES_THERE = `(section) => { if (!globalThis.__radSlowHere && (globalThis.__radSeen = (globalThis.__radSeen ?? 0) + 1) === 300) process.exit(1); const end = performance.now() + (globalThis.__radSlowHere ? 0.3 : 0); while (performance.now() < end); return section; }`;
const withSummarize = (plugin: AnyMetricPlugin, source: string): AnyMetricPlugin => ({ ...plugin, summarize: new Function(`return ${source}`)() as AnyMetricPlugin['summarize'] });

/** A plugin source module that records each load in `marker` and hands out the compiled count plugin, changed when `differ`. */
function pluginSource(options: { differ?: boolean; summarize?: string } = {}): { source: PluginSource; loads: () => number } {
  const dir = tempDir('rad-source-');
  const marker = path.join(dir, 'loads.txt');
  const module = path.join(dir, 'source.mjs');
  writeFileSync(
    module,
    `import { appendFileSync } from 'node:fs';
export async function loadMetricPlugins(data) {
  appendFileSync(data.marker, 'x');
  const { countPlugin } = await import(data.testing);
  const plugin = { ...countPlugin('count'), summarize: new Function('return ' + data.summarize)() };
  return data.differ ? [{ ...plugin, summarize: (s) => s }] : [plugin];
}
`,
  );
  return {
    source: { module, data: { marker, testing: BUILT_TESTING, differ: options.differ ?? false, summarize: options.summarize ?? SLOW_HERE } },
    loads: () => (existsSync(marker) ? readFileSync(marker, 'utf8').length : 0),
  };
}

function hostFor(workspace: string, threads: string, source?: PluginSource, summarize = SLOW_HERE): Host {
  return createHost({
    workspace,
    plugins: [withSummarize(built.countPlugin('count'), summarize)],
    env: { RADIUM_STATS_INDEX_THREADS: threads },
    warnings: collectingWarnings(),
    ...(source ? { pluginSource: source } : {}),
  });
}

let shared: string | undefined;
/** A workspace of REPORTS sessions written as another program would, copied fresh for each test. */
async function bigWorkspace(): Promise<string> {
  if (!shared) {
    shared = await tempWorkspace();
    const host = hostFor(shared, '0');
    // Start times out of file order, so segments gather rows from everywhere.
    for (let i = 0; i < REPORTS; i++) writeReportBehindItsBack(host, countReport(`s${String(i).padStart(5, '0')}`, at((i * 7919) % REPORTS), i % 13));
  }
  const copy = tempDir('rad-big-');
  cpSync(path.join(shared, '.radium'), path.join(copy, '.radium'), { recursive: true });
  return copy;
}

/** Everything the views read: every summary in history order and the merged sections. */
async function everything(host: Host) {
  const summaries = [];
  for await (const summary of host.catalog.summaries()) summaries.push(summary);
  return { page: await host.catalog.page(0, 20), summaries, merged: await host.catalog.merged() };
}

// Each test builds 4,500 reports several times with a plugin made slow on purpose, while the
// other packages' tests share the same two cores: far from the default 30 s budget only when alone.
describe('index build threads', { timeout: 120_000 }, () => {
  beforeAll(() => {
    (globalThis as { __radSlowHere?: boolean }).__radSlowHere = true;
  });
  afterAll(() => {
    delete (globalThis as { __radSlowHere?: boolean }).__radSlowHere;
  });

  it('build the same index as one thread does, the calling thread and the others sharing the reports', async () => {
    const { source, loads } = pluginSource();
    const threaded = hostFor(await bigWorkspace(), '3', source);
    const progress: number[] = [];
    threaded.catalog.setProgress((done) => progress.push(done));
    const run = vi.spyOn(BuildThreads.prototype, 'run');
    const withThreads = await everything(threaded);
    expect(loads()).toBe(2);
    expect(progress.at(-1)).toBe(REPORTS);
    const threadParts = (await run.mock.results[0]!.value) as BucketPart[][];
    const readByThreads = threadParts.flat().reduce((n, part) => n + part.ids.length, 0);
    expect(readByThreads).toBeGreaterThan(0);
    expect(readByThreads).toBeLessThan(REPORTS);
    run.mockRestore();
    const single = await everything(hostFor(await bigWorkspace(), '0', source));
    expect(loads()).toBe(2);
    expect(withThreads).toEqual(single);
    expect(withThreads.summaries).toHaveLength(REPORTS);
    const calls = (withThreads.merged.plugins.count?.section as CountSection).byType['tool.call'];
    expect(calls).toBe(Array.from({ length: REPORTS }, (_, i) => i % 13).reduce((a, b) => a + b, 0));
  });

  it('skip a corrupt report with a warning naming it, and rebuild one that has a journal from the journal', async () => {
    const workspace = await bigWorkspace();
    const { source, loads } = pluginSource();
    const host = hostFor(workspace, '2', source);
    writeFileSync(host.paths.reportFile('s00010'), '{"schemaVersion": 1, "sessi');
    writeFileSync(host.paths.reportFile('s00011'), '{ not json');
    const journal = [
      { type: 'session.start', ts: at(5000), sessionId: 's00011', workspace },
      { type: 'tool.call', ts: at(5000), name: 'read_file', durationMs: 5, success: true },
      { type: 'session.end', ts: at(5001) },
    ];
    writeFileSync(host.paths.journalFile('s00011'), journal.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const { summaries } = await everything(host);
    expect(summaries).toHaveLength(REPORTS - 1);
    expect(summaries[0]?.sessionId).toBe('s00011');
    expect((summaries[0]?.sections.count as CountSection).byType['tool.call']).toBe(1);
    expect(host.warnings.messages.filter((m) => m.includes('s00010.json'))).toHaveLength(1);
    expect(loads()).toBe(1);
  });

  it('skip what is not a regular file, an oversized report and one named for another session, warning about each, on whichever thread reads it', async () => {
    const workspace = await bigWorkspace();
    const { source } = pluginSource();
    const host = hostFor(workspace, '2', source);
    const elsewhere = path.join(tempDir(), 'fifo');
    expect(spawnSync('mkfifo', [elsewhere]).status).toBe(0);
    // Spread over the listing, so the sample, this thread's chunks and the build threads' chunks all meet some.
    const odd: string[] = [];
    for (let i = 0; i < REPORTS; i += 150) {
      const file = host.paths.reportFile(`s${String(i).padStart(5, '0')}`);
      rmSync(file);
      const kind = (i / 150) % 5;
      if (kind === 0) expect(spawnSync('mkfifo', [file]).status).toBe(0);
      else if (kind === 1) symlinkSync(elsewhere, file);
      else if (kind === 2) mkdirSync(file);
      else if (kind === 3) symlinkSync(path.join(workspace, 'nowhere'), file);
      else {
        writeFileSync(file, '');
        truncateSync(file, 600 * 1024 * 1024);
      }
      odd.push(file);
    }
    const copy = host.paths.reportFile('copy-of-s00001');
    cpSync(host.paths.reportFile('s00001'), copy);
    odd.push(copy);
    const run = vi.spyOn(BuildThreads.prototype, 'run');
    const { summaries } = await everything(host);
    const readByThreads = ((await run.mock.results[0]!.value) as BucketPart[][]).flat().reduce((n, part) => n + part.ids.length, 0);
    run.mockRestore();
    expect(readByThreads).toBeGreaterThan(0);
    expect(summaries).toHaveLength(REPORTS - odd.length + 1);
    for (const file of odd) expect(host.warnings.messages.filter((m) => m.startsWith(`${file} is `))).toHaveLength(1);
  });

  it('are not used when a thread would load the plugins differently, and the answer is the same', async () => {
    const { source, loads } = pluginSource({ differ: true });
    const host = hostFor(await bigWorkspace(), '2', source);
    const result = await everything(host);
    expect(loads()).toBe(1);
    expect(host.warnings.messages).toEqual([]);
    expect(result).toEqual(await everything(hostFor(await bigWorkspace(), '0')));
  });

  it('leave the reports a thread took to the calling thread when that thread dies, and the answer is the same', async () => {
    const { source, loads } = pluginSource({ summarize: DIES_THERE });
    const host = hostFor(await bigWorkspace(), '2', source, DIES_THERE);
    const progress: number[] = [];
    host.catalog.setProgress((done) => progress.push(done));
    const run = vi.spyOn(BuildThreads.prototype, 'run');
    const result = await everything(host);
    await expect(run.mock.results[0]!.value).rejects.toThrow(/stopped early/);
    run.mockRestore();
    expect(loads()).toBe(1);
    expect(progress.at(-1)).toBe(REPORTS);
    expect(result).toEqual(await everything(hostFor(await bigWorkspace(), '0', undefined, DIES_THERE)));
    expect(result.summaries).toHaveLength(REPORTS);
  });

  it('read chunks before the cuts are known, and file those rows into their segments once they are', async () => {
    const { source } = pluginSource();
    const host = hostFor(await bigWorkspace(), '2', source);
    mkdirSync(host.paths.indexDir, { recursive: true });
    const pool = await BuildThreads.start({ source, count: 1, minReports: 0 }, host.plugins, host.paths, Date.now()).ready;
    expect(pool).toBeDefined();
    const ids = Array.from({ length: REPORTS }, (_, i) => `s${String(i).padStart(5, '0')}`);
    const keys = ids.map((id, i) => sessionKey(id, at((i * 7919) % REPORTS)));
    let fixCuts!: (cuts: SessionKey[]) => void;
    const cuts = new Promise<SessionKey[]>((resolve) => (fixCuts = resolve));
    let read = 0;
    const parts = pool!.run(cuts, new ChunkQueue(ids), {
      warn: () => {},
      broken: () => {},
      refold: () => {},
      // Every chunk is read, and the thread has asked for more, before the cuts are sent.
      progress: (count) => {
        read += count;
        if (read === REPORTS) fixCuts(boundaries(keys, 3));
      },
    });
    const [newest, middle, oldest] = (await parts)[0]!;
    await pool!.terminate();
    expect([newest, middle, oldest].map((part) => part!.ids.length)).toEqual([1500, 1500, 1500]);
    const sorted = [...keys].sort(compareNewestFirst);
    expect(new Set(middle!.ids)).toEqual(new Set(sorted.slice(1500, 3000).map(([, id]) => id)));
  });

  it('stop at once when the build no longer needs them, still loading', async () => {
    const { source } = pluginSource();
    const host = hostFor(await tempWorkspace(), '2', source);
    const launch = BuildThreads.start({ source, count: 2, minReports: 0 }, host.plugins, host.paths, Date.now());
    await launch.cancel();
    await expect(launch.ready).resolves.toBeUndefined();
  });

  it('default to one per core, at most four, for large builds only; a set count applies to every streaming build', () => {
    expect(indexThreads({}, 2)).toEqual({ count: 2, minReports: DEFAULT_MIN_THREADED_REPORTS });
    expect(indexThreads({}, 16)).toEqual({ count: 4, minReports: DEFAULT_MIN_THREADED_REPORTS });
    expect(indexThreads({ RADIUM_STATS_INDEX_THREADS: ' 3 ' }, 2)).toEqual({ count: 3, minReports: 0 });
    expect(indexThreads({ RADIUM_STATS_INDEX_THREADS: '0' }, 8)).toEqual({ count: 0, minReports: 0 });
  });

  it('are not started for a build smaller than the default threshold', async () => {
    const { source, loads } = pluginSource();
    const host = createHost({ workspace: await bigWorkspace(), plugins: [built.countPlugin('count')], env: {}, warnings: collectingWarnings(), pluginSource: source });
    expect((await host.catalog.page(0, 1)).total).toBe(REPORTS);
    expect(loads()).toBe(0);
  });

  it('refuses a thread count that is not a whole number, naming the variable', async () => {
    const host = hostFor(await tempWorkspace(), 'lots', pluginSource().source);
    await expect(host.catalog.page(0, 10)).rejects.toThrow(/RADIUM_STATS_INDEX_THREADS must be a whole number of threads \(0 to 99\), not "lots"/);
  });
});
