import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '@radium-stats/core/testing';
import { freshCliHome, rad } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';

const env = freshCliHome();

interface ModelJson {
  scope: { sessions: number };
  models: { model: string; requests: number }[];
  total: { requests: number };
}

/** An ended session: one response per model, each a minute after the start. */
function session(root: string, id: string, start: string, models: string[], options: { agent?: string; workspace?: string } = {}): void {
  const t0 = Date.parse(start);
  const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
  const lines: object[] = [{ type: 'session.start', ts: at(0), sessionId: id, workspace: options.workspace ?? root, ...(options.agent ? { agent: options.agent } : {}) }];
  models.forEach((model, i) => lines.push({ type: 'api.response', ts: at(i + 1), model, engine: 'claude', durationMs: 100, tokens: { input: 10, output: 5 } }));
  lines.push({ type: 'session.end', ts: at(models.length + 1) });
  writeFileSync(path.join(root, '.radium/_internals/sessions', `${id}.events.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

describe('filters on aggregate views', () => {
  let cwd: string;
  const model = (...args: string[]) => rad(['stats', 'model', ...args], { cwd, env: { ...env, TZ: 'UTC' } });
  const requests = (...args: string[]) => {
    const result = model(...args, '--json');
    expect(result.status, result.stderr).toBe(0);
    return jsonOutput<ModelJson>(result.stdout, 'model.schema.json');
  };

  beforeAll(async () => {
    cwd = await tempWorkspace();
    // 23:30 in Paris on Nov 2 is 22:30 UTC: one day in Paris, the same day in UTC too; 23:30 UTC on Nov 3 is Nov 4 in Paris.
    session(cwd, 's1', '2026-11-02T22:30:00Z', ['opus', 'haiku'], { agent: 'claude' });
    session(cwd, 's2', '2026-11-03T23:30:00Z', ['haiku'], { agent: 'codex', workspace: path.join(cwd, 'app') });
    session(cwd, 's3', '2026-11-05T10:00:00Z', ['opus', 'opus'], { agent: 'claude', workspace: path.join(cwd, 'lib') });
  });

  it('count tokens spent within --since and --until dates, in the time zone', () => {
    expect(requests().total.requests).toBe(5);
    expect(requests('--since', '2026-11-03', '--until', '2026-11-03').total.requests).toBe(1);
    // In Paris, s2's response (00:31 on Nov 4) is a day later.
    expect(requests('--since', '2026-11-03', '--until', '2026-11-03', '--timezone', 'Europe/Paris').total.requests).toBe(0);
    expect(requests('--since', '2026-11-04', '--timezone', 'Europe/Paris').total.requests).toBe(3);
    expect(requests('--since', '2026-11-05T09:00:00Z').total.requests).toBe(2);
  });

  it('select sessions by agent, project and source, and facts by model', () => {
    expect(requests('--agent', 'claude').total.requests).toBe(4);
    expect(requests('--project', 'app').total.requests).toBe(1);
    expect(requests('--project', cwd).total.requests).toBe(5);
    expect(requests('--source', 'live').total.requests).toBe(5);
    expect(requests('--model', 'opus').models.map((m) => [m.model, m.requests])).toEqual([['opus', 3]]);
    expect(requests('--model', 'opus', '--model', 'haiku', '--agent', 'codex').total.requests).toBe(1);
  });

  it('say which filters applied, and that nothing matched (exit 0)', () => {
    const shown = model('--agent', 'claude', '--since', '2026-11-01');
    expect(shown.stdout.split('\n')[0]).toBe('Filters: since 2026-11-01 (UTC), agent "claude".');
    const none = model('--agent', 'nobody');
    expect(none.status).toBe(0);
    expect(none.stdout.trim()).toBe('No sessions match these filters: agent "nobody".');
    expect(requests('--agent', 'nobody')).toMatchObject({ scope: { sessions: 0 }, models: [], total: { requests: 0 } });
  });

  it.each([
    [['--since', '2026-02-30'], /^Error: --since: "2026-02-30" is not a date/],
    [['--until', 'yesterday'], /^Error: --until: "yesterday" is not a date/],
    [['--timezone', 'Mars/Olympus'], /^Error: --timezone: "Mars\/Olympus" is not an IANA time zone/],
    [['--source', 'cowork'], /^Error: --source: "cowork" is not a source; use one of live, legacy, claude-code/],
    [['--since', '2026-11-05', '--until', '2026-11-01'], /^Error: --until \(2026-11-01\) is not after --since/],
  ])('refuse %j with one line naming the flag', (args, message) => {
    const result = model(...(args as string[]));
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('select sessions of history and export by their start and by who ran them', () => {
    const history = (...args: string[]) => {
      const result = rad(['stats', 'history', '--json', ...args], { cwd, env: { ...env, TZ: 'UTC' } });
      expect(result.status, result.stderr).toBe(0);
      return jsonOutput<{ total: number; sessions: { sessionId: string }[] }>(result.stdout, 'history.schema.json');
    };
    expect(history('--agent', 'claude').sessions.map((s) => s.sessionId)).toEqual(['s3', 's1']);
    expect(history('--since', '2026-11-03').sessions.map((s) => s.sessionId)).toEqual(['s3', 's2']);
    expect(history('--model', 'haiku').total).toBe(2);
    expect(history('--agent', 'nobody')).toMatchObject({ total: 0, sessions: [] });
    const shown = rad(['stats', 'history', '--project', 'lib'], { cwd, env });
    expect(shown.stdout.split('\n')[0]).toBe(`Filters: project ${JSON.stringify(path.join(cwd, 'lib'))}.`);
    const exported = rad(['stats', 'export', '--agent', 'codex'], { cwd, env });
    expect(exported.status, exported.stderr).toBe(0);
    expect((JSON.parse(exported.stdout) as { sessions: { sessionId: string }[] }).sessions.map((s) => s.sessionId)).toEqual(['s2']);
    const none = rad(['stats', 'export', '--agent', 'nobody'], { cwd, env });
    expect(none.status).toBe(0);
    expect((JSON.parse(none.stdout) as { sessions: unknown[] }).sessions).toEqual([]);
    expect(none.stderr).toContain('No sessions match these filters: agent "nobody".');
  });
});

