import 'reflect-metadata';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createHost, type Host } from '../host/create-host.js';
import { serializeReport } from '../store/report-store.js';
import { collectingWarnings, countPlugin, tempWorkspace } from '../testing/index.js';
import type { AnyMetricPlugin } from '../plugin/contract.js';
import type { CountSection } from '../testing/count-plugin.js';
import { MANIFEST, readManifest } from './manifest.js';
import { at, countReport, settle, writeReportBehindItsBack } from './test-support.js';

function hostFor(workspace: string, plugins: AnyMetricPlugin[] = [countPlugin()]): Host {
  return createHost({ workspace, plugins, env: {}, warnings: collectingWarnings() });
}

/** A workspace with `n` ended sessions saved through the store, session i starting at minute i. */
async function workspaceWith(n: number, pluginIds: string[] = ['count']): Promise<string> {
  const workspace = await tempWorkspace();
  const host = hostFor(workspace, pluginIds.map((id) => countPlugin(id)));
  for (let i = 0; i < n; i++) await host.store.save(countReport(`s${String(i).padStart(5, '0')}`, at(i), i, pluginIds));
  return workspace;
}

/** Past the in-memory limit, so the index is built streaming: report `name(i)` starts at minute i. */
const LARGE = 4500;
const name = (i: number) => `r${String(i).padStart(5, '0')}`;
async function largeWorkspace(): Promise<{ workspace: string; host: Host }> {
  const workspace = await tempWorkspace();
  const host = hostFor(workspace);
  for (let i = 0; i < LARGE; i++) writeReportBehindItsBack(host, countReport(name(i), at(i), 1));
  return { workspace, host };
}

const ids = async (host: Host, limit = 100) => (await host.catalog.page(0, limit)).items.map((s) => s.sessionId);
const toolCalls = async (host: Host) => ((await host.catalog.merged()).plugins.count?.section as CountSection | undefined)?.byType['tool.call'];

describe('summary index', () => {
  it('answers history newest first and keeps the index in .radium/_internals/index', async () => {
    const host = hostFor(await workspaceWith(3));
    expect(await ids(host)).toEqual(['s00002', 's00001', 's00000']);
    expect((await host.catalog.page(1, 1)).items.map((s) => s.sessionId)).toEqual(['s00001']);
    expect((await host.catalog.page(0, 1)).total).toBe(3);
    expect(existsSync(path.join(host.paths.indexDir, MANIFEST))).toBe(true);
    expect(await host.catalog.latestId()).toBe('s00002');
  });

  it('reads no report when nothing changed since the index was written', async () => {
    const workspace = await workspaceWith(5);
    await hostFor(workspace).catalog.page(0, 10);
    settle(hostFor(workspace));
    await hostFor(workspace).catalog.page(0, 10);
    const host = hostFor(workspace);
    const parse = vi.spyOn(host.store, 'parseReport');
    expect(await ids(host, 2)).toEqual(['s00004', 's00003']);
    expect(await toolCalls(host)).toBe(0 + 1 + 2 + 3 + 4);
    expect(parse).not.toHaveBeenCalled();
  });

  it('merges every session, and a merged view equals merging all summaries', async () => {
    const host = hostFor(await workspaceWith(12));
    const merged = await host.catalog.merged();
    expect(merged.sessions).toBe(12);
    expect(merged.plugins.count?.sessions).toBe(12);
    const all: CountSection[] = [];
    for await (const summary of host.catalog.summaries()) all.push(summary.sections.count as CountSection);
    expect(merged.plugins.count?.section).toEqual(countPlugin().merge(all));
  });

  it('is repaired after a report is added behind its back', async () => {
    const workspace = await workspaceWith(3);
    await hostFor(workspace).catalog.page(0, 10);
    settle(hostFor(workspace));
    await hostFor(workspace).catalog.page(0, 10);
    const host = hostFor(workspace);
    writeReportBehindItsBack(host, countReport('added', at(100), 50));
    expect(await ids(host)).toEqual(['added', 's00002', 's00001', 's00000']);
    expect(await toolCalls(host)).toBe(53);
  });

  it('is repaired after a report is replaced under its own name behind its back', async () => {
    const workspace = await workspaceWith(3);
    const host = hostFor(workspace);
    expect(await toolCalls(host)).toBe(3);
    settle(host);
    await host.catalog.page(0, 10);
    // An editor that saves through a temp file and a rename: same name, new content, no log entry.
    const temp = path.join(host.paths.sessionsDir, 'edit.tmp');
    writeFileSync(temp, serializeReport(countReport('s00000', at(0), 40), {}));
    renameSync(temp, host.paths.reportFile('s00000'));
    expect(await toolCalls(hostFor(workspace))).toBe(43);
  });

  it('is repaired after a report is rewritten in place, for the rows history shows', async () => {
    const workspace = await workspaceWith(3);
    const host = hostFor(workspace);
    await host.catalog.page(0, 10);
    settle(host);
    await host.catalog.page(0, 10);
    // Rewriting in place leaves the folder's stamp alone; the shown rows are checked one by one.
    writeFileSync(host.paths.reportFile('s00001'), serializeReport(countReport('s00001', at(500), 7), {}));
    expect(await ids(hostFor(workspace))).toEqual(['s00001', 's00002', 's00000']);
    expect(await toolCalls(hostFor(workspace))).toBe(0 + 7 + 2);
  });

  it('re-reads a report saved again through the store (the change log), not the others', async () => {
    const workspace = await workspaceWith(4);
    const host = hostFor(workspace);
    await host.catalog.page(0, 10);
    settle(host);
    await host.catalog.page(0, 10);
    await host.store.save(countReport('s00002', at(2), 20));
    const again = hostFor(workspace);
    const parse = vi.spyOn(again.store, 'parseReport');
    expect(await toolCalls(again)).toBe(0 + 1 + 20 + 3);
    expect(parse.mock.calls.map((c) => c[0])).toEqual(['s00002']);
  });

  it('is repaired after a report is deleted behind its back', async () => {
    const workspace = await workspaceWith(3);
    const host = hostFor(workspace);
    await host.catalog.page(0, 10);
    settle(host);
    rmSync(host.paths.reportFile('s00001'));
    const after = hostFor(workspace);
    expect(await ids(after)).toEqual(['s00002', 's00000']);
    expect((await after.catalog.page(0, 10)).total).toBe(2);
    expect(await toolCalls(after)).toBe(2);
  });

  it('is repaired after a report is corrupted behind its back, with a warning naming the file', async () => {
    const workspace = await workspaceWith(3);
    const host = hostFor(workspace);
    await host.catalog.page(0, 10);
    settle(host);
    const temp = path.join(host.paths.sessionsDir, 'garbage.tmp');
    writeFileSync(temp, '{"schemaVersion":1,"sessi');
    renameSync(temp, host.paths.reportFile('s00000'));
    const after = hostFor(workspace);
    expect(await ids(after)).toEqual(['s00002', 's00001']);
    // Counted only once readable again: a total with it would advertise a page that is empty.
    expect((await after.catalog.page(0, 10)).total).toBe(2);
    expect(await toolCalls(after)).toBe(3);
    expect(after.warnings.messages.join('\n')).toContain(`${host.paths.reportFile('s00000')} is corrupt`);
    // Still warned about on later runs, without being read again.
    settle(after);
    await hostFor(workspace).catalog.page(0, 10);
    const later = hostFor(workspace);
    const parse = vi.spyOn(later.store, 'parseReport');
    await later.catalog.page(0, 10);
    expect(later.warnings.messages.join('\n')).toContain('is corrupt');
    expect(parse).not.toHaveBeenCalled();
  });

  it('notices a report truncated in place when history shows it', async () => {
    const workspace = await workspaceWith(2);
    const host = hostFor(workspace);
    await host.catalog.page(0, 10);
    settle(host);
    await host.catalog.page(0, 10);
    writeFileSync(host.paths.reportFile('s00001'), '');
    const after = hostFor(workspace);
    expect(await ids(after)).toEqual(['s00000']);
    expect(after.warnings.messages.join('\n')).toContain('is corrupt (empty file)');
  });

  it.each([
    ['the manifest is garbage', (dir: string) => writeFileSync(path.join(dir, MANIFEST), '{"format":1,"sess')],
    ['a segment file is gone', (dir: string) => rmSync(path.join(dir, readdirSync(dir).find((n) => n.endsWith('.rows.jsonl'))!))],
    ['a segment file is truncated', (dir: string) => {
      const file = path.join(dir, readdirSync(dir).find((n) => n.endsWith('.rows.jsonl'))!);
      writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));
    }],
    ['a key file is damaged', (dir: string) => {
      const file = path.join(dir, readdirSync(dir).find((n) => n.endsWith('.keys.json'))!);
      writeFileSync(file, readFileSync(file, 'utf8').replace('"ids":[', '"ids":["x",'));
    }],
  ])('is rebuilt without a warning when %s', async (_what, damage) => {
    const workspace = await workspaceWith(4);
    const host = hostFor(workspace);
    await host.catalog.page(0, 10);
    settle(host);
    await host.catalog.page(0, 10);
    damage(host.paths.indexDir);
    // A new report too, so the repair path (which reads key files) runs as well as plain reads.
    await host.store.save(countReport('late', at(50), 10));
    const after = hostFor(workspace);
    expect(await ids(after)).toEqual(['late', 's00003', 's00002', 's00001', 's00000']);
    expect(await toolCalls(after)).toBe(16);
    expect(after.warnings.messages).toEqual([]);
    expect(readManifest(host.paths.indexDir)?.segments[0]?.count).toBe(5);
  });

  it('serves no section of a disabled plugin, and reuses the index when it is enabled again', async () => {
    const workspace = await workspaceWith(3, ['count', 'extra']);
    const both = () => [countPlugin('count'), countPlugin('extra')];
    settle(hostFor(workspace));
    await hostFor(workspace, both()).catalog.page(0, 10);
    const only = hostFor(workspace, [countPlugin('count')]);
    const page = await only.catalog.page(0, 10);
    expect(page.items.every((s) => Object.keys(s.sections).join() === 'count')).toBe(true);
    expect(Object.keys((await only.catalog.merged()).plugins)).toEqual(['count']);
    for await (const summary of only.catalog.summaries()) expect(Object.keys(summary.sections)).toEqual(['count']);
    const again = hostFor(workspace, both());
    const parse = vi.spyOn(again.store, 'parseReport');
    expect(Object.keys((await again.catalog.merged()).plugins)).toEqual(['count', 'extra']);
    expect(parse).not.toHaveBeenCalled();
  });

  it('re-summarizes when a plugin changes how it summarizes', async () => {
    const workspace = await workspaceWith(2);
    expect(await toolCalls(hostFor(workspace))).toBe(1);
    const upgraded = { ...countPlugin(), version: '2.0.0', summarize: (s: CountSection) => ({ byType: { 'tool.call': (s.byType['tool.call'] ?? 0) * 100 } }) };
    expect(await toolCalls(hostFor(workspace, [upgraded]))).toBe(100);
  });

  it('lists journal-only sessions (live ones) with the indexed ones, newest first', async () => {
    const workspace = await workspaceWith(2);
    const host = hostFor(workspace);
    await host.catalog.page(0, 10);
    const live = await host.recorders.start({ sessionId: 'live-one' });
    live.record({ type: 'tool.call', name: 'Edit', success: true });
    const again = hostFor(workspace);
    expect(await ids(again)).toEqual(['live-one', 's00001', 's00000']);
    expect(await again.catalog.latestId()).toBe('live-one');
    expect(await again.catalog.idsNewestFirst()).toEqual(['live-one', 's00001', 's00000']);
    expect((await again.catalog.merged()).sessions).toBe(3);
    await live.end();
    const ended = hostFor(workspace);
    expect(await ids(ended)).toEqual(['live-one', 's00001', 's00000']);
    expect(readManifest(host.paths.indexDir)?.journals).toEqual([]);
  });

  it('keeps history order across many segments while sessions arrive out of order', async () => {
    const workspace = await tempWorkspace();
    const host = hostFor(workspace);
    const minutes = Array.from({ length: 2600 }, (_, i) => (i * 7919) % 2600);
    for (const m of minutes.slice(0, 2300)) writeReportBehindItsBack(host, countReport(`m${String(m).padStart(5, '0')}`, at(m), 1));
    expect((await host.catalog.page(0, 1)).total).toBe(2300);
    for (const m of minutes.slice(2300)) writeReportBehindItsBack(host, countReport(`m${String(m).padStart(5, '0')}`, at(m), 1));
    rmSync(host.paths.reportFile('m01300'));
    const after = hostFor(workspace);
    const all = await after.catalog.idsNewestFirst();
    const expected = Array.from({ length: 2600 }, (_, i) => `m${String(2599 - i).padStart(5, '0')}`).filter((id) => id !== 'm01300');
    expect(all).toEqual(expected);
    expect((await after.catalog.page(1500, 3)).items.map((s) => s.sessionId)).toEqual(expected.slice(1500, 1503));
    expect(await toolCalls(after)).toBe(2599);
    const manifest = readManifest(host.paths.indexDir)!;
    expect(manifest.segments.length).toBeGreaterThan(1);
    expect(manifest.segments.reduce((n, s) => n + s.count, 0)).toBe(2599);
    // Segment files vanishing while a stream reads them (a writer collected them): the stream
    // rebuilds and carries on after the last session it gave, with no session twice or missed.
    const streamed: string[] = [];
    for await (const summary of hostFor(workspace).catalog.summaries()) {
      if (streamed.length === 1) for (const name of readdirSync(host.paths.indexDir)) if (name.endsWith('.rows.jsonl')) rmSync(path.join(host.paths.indexDir, name));
      streamed.push(summary.sessionId);
    }
    expect(streamed).toEqual(expected);
  });

  it('streams a large build into segments and still answers in history order', async () => {
    const workspace = await tempWorkspace();
    const host = hostFor(workspace);
    // 4,500 sessions (past the in-memory limits), crowded into a few bursts so the segment cuts
    // taken from the first rows read must cope with an uneven spread over time.
    const total = 4500;
    const minuteOf = (i: number) => (i % 3) * 100_000 + ((i * 7919) % total);
    const write = (i: number) => writeReportBehindItsBack(host, countReport(`b${String(i).padStart(5, '0')}`, at(minuteOf(i)), 1));
    // A small index first: so many new reports then make the repair give way to a streaming rebuild.
    for (let i = 0; i < 10; i++) write(i);
    expect((await host.catalog.page(0, 1)).total).toBe(10);
    for (let i = 10; i < total; i++) write(i);
    const merged = await host.catalog.merged();
    expect(merged.sessions).toBe(total);
    expect((merged.plugins.count?.section as CountSection).byType['tool.call']).toBe(total);
    const expected = Array.from({ length: total }, (_, i) => i)
      .sort((a, b) => minuteOf(b) - minuteOf(a) || (b < a ? -1 : 1))
      .map((i) => `b${String(i).padStart(5, '0')}`);
    expect(await hostFor(workspace).catalog.idsNewestFirst()).toEqual(expected);
    expect((await hostFor(workspace).catalog.page(2000, 5)).items.map((s) => s.sessionId)).toEqual(expected.slice(2000, 2005));
    const manifest = readManifest(host.paths.indexDir)!;
    expect(manifest.segments.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...manifest.segments.map((s) => s.count))).toBeLessThanOrEqual(2000);
  });

  it('keeps rows only for the newest segment of a large build, and pages anywhere by reading just their reports', async () => {
    const { workspace, host } = await largeWorkspace();
    // Journal-only sessions (a crashed agent's) among old, middle and new history.
    const journals: [string, number][] = [['jold', 10.5], ['jmid', 2000.5], ['jnew', 4600]];
    for (const [id, minute] of journals) writeFileSync(host.paths.journalFile(id), `${JSON.stringify({ type: 'session.start', ts: at(minute), sessionId: id, workspace })}\n`);
    const expected = [...Array.from({ length: LARGE }, (_, i): [string, number] => [name(i), i]), ...journals].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    settle(host);

    expect((await hostFor(workspace).catalog.page(0, 1)).total).toBe(LARGE + journals.length);
    const manifest = readManifest(host.paths.indexDir)!;
    expect(manifest.segments.length).toBeGreaterThanOrEqual(4);
    expect(manifest.segments.map((s) => s.noRows ?? false)).toEqual(manifest.segments.map((_, i) => i > 0));
    expect(readdirSync(host.paths.indexDir).filter((f) => f.endsWith('.rows.jsonl'))).toHaveLength(1);

    const reader = hostFor(workspace);
    const parse = vi.spyOn(reader.store, 'parseReport');
    for (const offset of [0, 3, 995, 1500, 2497, 2500, 4490, 4495]) {
      expect((await reader.catalog.page(offset, 10)).items.map((s) => s.sessionId), `offset ${offset}`).toEqual(expected.slice(offset, offset + 10));
    }
    expect(parse.mock.calls.length).toBeLessThanOrEqual(7 * (10 + journals.length));
    const streamed: string[] = [];
    for await (const summary of hostFor(workspace).catalog.summaries()) streamed.push(summary.sessionId);
    expect(streamed).toEqual(expected);
  });

  it('repairs a segment stored without rows from its reports, and keeps its rows from then on', async () => {
    const { workspace, host } = await largeWorkspace();
    expect(await toolCalls(hostFor(workspace))).toBe(LARGE);
    const before = readManifest(host.paths.indexDir)!;
    const oldest = before.segments.at(-1)!;
    expect(oldest.noRows).toBe(true);

    rmSync(host.paths.reportFile(name(20)));
    await host.store.save(countReport(name(10), at(10), 50));
    writeReportBehindItsBack(host, countReport('added', at(15.5), 7));
    const after = hostFor(workspace);
    expect(await toolCalls(after)).toBe(LARGE - 1 - 1 + 50 + 7);
    const ids = await after.catalog.idsNewestFirst();
    expect(ids.slice(-22, -8)).toEqual([21, 19, 18, 17, 16, 'added', 15, 14, 13, 12, 11, 10, 9, 8].map((i) => (typeof i === 'number' ? name(i) : i)));
    const repaired = readManifest(host.paths.indexDir)!;
    expect(repaired.segments.at(-1)!.noRows).toBeUndefined();
    expect(repaired.segments.slice(1, -1).every((s) => s.noRows)).toBe(true);
    expect((await after.catalog.page(LARGE - 13, 3)).items.map((s) => s.sessionId)).toEqual([name(12), name(11), name(10)]);
  });

  it('is repaired after a report in a segment stored without rows is rewritten in place, once history shows it', async () => {
    const { workspace, host } = await largeWorkspace();
    settle(host);
    expect(await toolCalls(hostFor(workspace))).toBe(LARGE);
    expect(readManifest(host.paths.indexDir)!.segments.at(-2)!.noRows).toBe(true);
    // In place and long ago: neither the folder's stamp nor a too-recent file time gives it away.
    const file = host.paths.reportFile(name(1500));
    writeFileSync(file, serializeReport(countReport(name(1500), at(1500), 30), {}));
    utimesSync(file, new Date(Date.now() - 30_000), new Date(Date.now() - 30_000));
    const page = await hostFor(workspace).catalog.page(LARGE - 1501, 1);
    expect(page.items.map((s) => [s.sessionId, (s.sections.count as CountSection).byType['tool.call']])).toEqual([[name(1500), 30]]);
    expect(await toolCalls(hostFor(workspace))).toBe(LARGE - 1 + 30);
  });

  it('still answers, from memory, when the index folder cannot be written', async () => {
    const workspace = await workspaceWith(3);
    const host = hostFor(workspace);
    rmSync(host.paths.indexDir, { recursive: true, force: true });
    writeFileSync(host.paths.indexDir, 'not a folder');
    await host.store.save(countReport('s00003', at(3), 3));
    expect(await ids(host)).toEqual(['s00003', 's00002', 's00001', 's00000']);
    expect(await toolCalls(host)).toBe(6);
    expect(host.warnings.messages).toEqual([]);
  });

  it('finds no sessions, without failing, when the sessions folder does not exist', async () => {
    const workspace = await tempWorkspace();
    const host = hostFor(workspace);
    rmSync(host.paths.sessionsDir, { recursive: true });
    expect(await host.catalog.page(0, 10)).toEqual({ total: 0, items: [] });
    expect(await host.catalog.merged()).toEqual({ sessions: 0, plugins: {} });
    expect(await host.catalog.latestId()).toBeUndefined();
  });

  it('reports progress while it builds', async () => {
    const host = hostFor(await workspaceWith(5));
    const calls: [number, number][] = [];
    host.catalog.setProgress((done, total) => calls.push([done, total]));
    await host.catalog.rebuildIndex();
    expect(calls[0]).toEqual([0, 5]);
    expect(calls.at(-1)).toEqual([5, 5]);
  });

  it('streams full reports newest first for export', async () => {
    const host = hostFor(await workspaceWith(3));
    const out: string[] = [];
    for await (const report of host.catalog.reports()) out.push(`${report.sessionId}:${report.status}`);
    expect(out).toEqual(['s00002:ended', 's00001:ended', 's00000:ended']);
  });
});
