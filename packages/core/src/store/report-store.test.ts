import { appendFileSync, existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UnsupportedSchemaVersionError } from '../errors.js';
import { countPlugin, testHost } from '../testing/index.js';

async function recordOne(env: NodeJS.ProcessEnv = {}) {
  const host = await testHost([countPlugin()], { env });
  const rec = await host.recorders.start();
  rec.record({ type: 'tool.call', name: 'Edit', success: true });
  await rec.end();
  return { host, file: host.paths.reportFile(rec.sessionId), id: rec.sessionId };
}

describe('report files', () => {
  it('are pretty-printed by default', async () => {
    const { file } = await recordOne();
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').length).toBeGreaterThan(10);
    expect(text).toContain('\n  "schemaVersion": 1,');
  });

  it.each(['true', '1'])('are one compact line when RADIUM_COMPACT_SESSION_JSON=%s', async (value) => {
    const { file } = await recordOne({ RADIUM_COMPACT_SESSION_JSON: value });
    const text = readFileSync(file, 'utf8');
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(text).schemaVersion).toBe(1);
  });
});

describe('listing sessions', () => {
  it('skips corrupt, truncated and wrong-shaped files with a warning naming each, and loads the rest', async () => {
    const { host, id } = await recordOne();
    const dir = host.paths.sessionsDir;
    const good = readFileSync(host.paths.reportFile(id), 'utf8');
    writeFileSync(`${dir}/truncated.json`, good.slice(0, good.length / 2));
    writeFileSync(`${dir}/empty.json`, '');
    writeFileSync(`${dir}/shape.json`, JSON.stringify({ schemaVersion: 1, sessionId: 'shape' }));
    writeFileSync(`${dir}/notes.txt`, 'ignored');
    const loaded = [];
    for await (const report of host.store.loadAll()) loaded.push(report.sessionId);
    expect(loaded).toEqual([id]);
    const warnings = host.warnings.messages.join('\n');
    for (const name of ['truncated.json', 'empty.json', 'shape.json']) expect(warnings).toContain(`${dir}/${name}`);
    expect(warnings).not.toContain('notes.txt');
  });

  it('drops a section that fails its plugin schema but keeps the report', async () => {
    const { host, id, file } = await recordOne();
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    raw.sections.count = { byType: 'nope' };
    writeFileSync(file, JSON.stringify(raw));
    const { report } = await host.store.load(id);
    expect(report.sections.count).toBeUndefined();
    expect(host.warnings.messages.join('\n')).toMatch(/section count does not match its schema/);
  });

  it('load alike in bulk: a good report as load gives it, anything else through load (journal, warning, error)', async () => {
    const { host, id, file } = await recordOne();
    expect(JSON.stringify((await host.store.loadInBulk(id)).report)).toBe(JSON.stringify((await host.store.load(id)).report));
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));
    // Truncated, with its journal still there: rebuilt from the journal, with the warning load gives.
    expect(host.store.readInBulk(id)).toBeUndefined();
    expect((await host.store.loadInBulk(id)).origin).toBe('journal');
    expect(host.warnings.messages.join('\n')).toMatch(/Rebuilding it from the journal/);
    await expect(host.store.loadInBulk('no-such-session')).rejects.toThrow(/no-such-session/);
  });

  it('refuses a report from a newer version with advice to upgrade', async () => {
    const { host, id, file } = await recordOne();
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...raw, schemaVersion: 99 }));
    const error = await host.store.load(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedSchemaVersionError);
    expect(String((error as Error).message)).toMatch(/schemaVersion 99 .* upgrade rad/);
  });
});

describe('reports of the original Radium', () => {
  const legacy = {
    metrics: {
      session_id: '3c6ddcd3-85b6-48f1-88e1-f428ca458337',
      start_time: '2025-12-07T04:00:00.123456789Z',
      end_time: '2025-12-07T05:00:00.123456789Z',
      wall_time: { secs: 3600, nanos: 0 },
      agent_active_time: { secs: 1800, nanos: 0 },
      api_time: { secs: 1, nanos: 200000000 },
      tool_time: { secs: 1798, nanos: 800000000 },
      tool_calls: 7,
      successful_tool_calls: 0,
      failed_tool_calls: 0,
      tool_approvals_allowed: 0,
      tool_approvals_denied: 0,
      tool_approvals_asked: 0,
      lines_added: 505,
      lines_removed: 208,
      model_usage: { 'claude-3-sonnet': { requests: 12, input_tokens: 50000, output_tokens: 2000, cached_tokens: 0, estimated_cost: 0.18 } },
      engine_usage: { claude: { requests: 12, input_tokens: 50000, output_tokens: 2000, cached_tokens: 0, estimated_cost: 0.18 } },
      total_cached_tokens: 0,
      total_cache_creation_tokens: 0,
      total_cache_read_tokens: 0,
      total_cost: 0.18,
    },
    generated_at: '2025-12-07T05:00:00.223456789Z',
  };

  it('load as schema version 0 and migrate, with plugin sections built by fromLegacy', async () => {
    const host = await testHost([countPlugin()]);
    writeFileSync(host.paths.reportFile(legacy.metrics.session_id), JSON.stringify(legacy, null, 2));
    const { report } = await host.store.load(legacy.metrics.session_id);
    expect(report).toMatchObject({
      schemaVersion: 1,
      source: 'legacy-radium',
      status: 'ended',
      startTime: '2025-12-07T04:00:00.123Z',
      endTime: '2025-12-07T05:00:00.123Z',
      sections: { count: { byType: { 'legacy.tool_calls': 7 } } },
    });
  });

  it('with a null end_time load as abandoned', async () => {
    const host = await testHost([countPlugin()]);
    writeFileSync(host.paths.reportFile('old'), JSON.stringify({ metrics: { ...legacy.metrics, session_id: 'old', end_time: null } }));
    const { report } = await host.store.load('old');
    expect(report.status).toBe('abandoned');
    expect(report.endTime).toBeNull();
  });
});

describe('an abandoned session', () => {
  /** A journal without an end and without a recorder's pid, last written two hours ago. */
  async function abandoned() {
    const host = await testHost([countPlugin()]);
    const journal = host.paths.journalFile('gone-quiet');
    const ts = new Date(Date.now() - 3 * 60 * 60_000).toISOString();
    const events = [{ type: 'session.start', ts, sessionId: 'gone-quiet', workspace: host.paths.root }, { type: 'tool.call', ts, name: 'Edit', success: true }];
    writeFileSync(journal, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
    const past = new Date(Date.now() - 2 * 60 * 60_000);
    utimesSync(journal, past, past);
    return { host, journal, report: host.paths.reportFile('gone-quiet') };
  }

  it('is stored once folded, and read from that report after', async () => {
    const { host, report } = await abandoned();
    expect((await host.store.load('gone-quiet')).origin).toBe('journal');
    expect(existsSync(report)).toBe(true);
    const again = await host.store.load('gone-quiet');
    expect(again).toMatchObject({ origin: 'report', report: { status: 'abandoned', eventCount: 2 } });
  });

  it('is not stored when its journal changed after it was listed (the fold may have missed the change)', async () => {
    const { host, report } = await abandoned();
    const entry = await host.store.entry('gone-quiet');
    await host.store.loadEntry({ ...entry, journal: { ...entry.journal!, size: entry.journal!.size - 1 } });
    expect(existsSync(report)).toBe(false);
  });

  it('is folded again when its journal was written after its report', async () => {
    const { host, journal } = await abandoned();
    await host.store.load('gone-quiet');
    appendFileSync(journal, `${JSON.stringify({ type: 'tool.call', ts: new Date().toISOString(), name: 'Read', success: true })}\n`);
    const later = new Date(Date.now() + 60_000);
    utimesSync(journal, later, later);
    expect(await host.store.load('gone-quiet')).toMatchObject({ origin: 'journal', report: { eventCount: 3 } });
    expect(host.store.readInBulk('gone-quiet')).toBeUndefined();
  });
});
