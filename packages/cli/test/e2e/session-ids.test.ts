import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '@radium-stats/core/testing';
import { freshCliHome, rad } from '../helpers/rad.js';

const env = freshCliHome();
const A = 'abcd0001-1111-4111-8111-111111111111';
const B = 'abcd0002-2222-4222-8222-222222222222';
const C = 'f00dcafe-3333-4333-8333-333333333333';

function journal(root: string, id: string, start: string, calls: number): void {
  const t0 = Date.parse(start);
  const at = (s: number) => new Date(t0 + s * 1000).toISOString();
  const lines: object[] = [{ type: 'session.start', ts: at(0), sessionId: id, workspace: root }];
  for (let i = 1; i <= calls; i++) lines.push({ type: 'tool.call', ts: at(i), name: 'Bash', durationMs: 10, success: true });
  lines.push({ type: 'session.end', ts: at(calls + 1) });
  writeFileSync(path.join(root, '.radium/_internals/sessions', `${id}.events.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

describe('session ids people can type', () => {
  let cwd: string;
  const idOf = (args: string[]) => {
    const result = rad([...args, '--json'], { cwd, env });
    expect(result.status, result.stderr).toBe(0);
    return (JSON.parse(result.stdout) as { sessionId: string }).sessionId;
  };

  beforeAll(async () => {
    cwd = await tempWorkspace();
    journal(cwd, A, '2026-11-01T10:00:00Z', 1);
    journal(cwd, B, '2026-11-02T10:00:00Z', 2);
    journal(cwd, C, '2026-11-03T10:00:00Z', 3);
    // An imported Claude Code session: its file id is the importer's, its own id the agent's.
    const imported = { ...JSON.parse(rad(['stats', 'session', '--session-id', C, '--json'], { cwd, env }).stdout), sessionId: 'claude-code-9e1f2a3b-4444-4444-8444-444444444444', source: 'import:claude-code' };
    writeFileSync(path.join(cwd, '.radium/_internals/sessions', 'claude-code-9e1f2a3b-4444-4444-8444-444444444444.json'), JSON.stringify(imported));
  });

  it('accept a full id, a unique start of at least 4 characters, and the agent\'s own id or its start', () => {
    expect(idOf(['stats', 'session', '--session-id', A])).toBe(A);
    expect(idOf(['stats', 'session', '--session-id', 'abcd0002'])).toBe(B);
    expect(idOf(['stats', 'session', '--session-id', 'f00d'])).toBe(C);
    expect(idOf(['stats', 'session', '--session-id', '9e1f2a3b-4444-4444-8444-444444444444'])).toBe('claude-code-9e1f2a3b-4444-4444-8444-444444444444');
    expect(idOf(['stats', 'session', '--session-id', '9e1f'])).toBe('claude-code-9e1f2a3b-4444-4444-8444-444444444444');
    const compared = rad(['stats', 'compare', 'abcd0001', 'abcd0002', '--json'], { cwd, env });
    expect(compared.status, compared.stderr).toBe(0);
    expect(JSON.parse(compared.stdout)).toMatchObject({ a: A, b: B });
    const exported = rad(['stats', 'export', '--session-id', 'f00dc'], { cwd, env });
    expect((JSON.parse(exported.stdout) as { sessions: { sessionId: string }[] }).sessions.map((s) => s.sessionId)).toEqual([C]);
    expect(rad(['stats', 'model', '--session-id', 'abcd0001', '--json'], { cwd, env }).status).toBe(0);
  });

  it('refuse an ambiguous start, listing the sessions it could be, and a start shorter than 4 characters', () => {
    const ambiguous = rad(['stats', 'session', '--session-id', 'abcd'], { cwd, env });
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr.trim()).toBe(`Error: Session id "abcd" is the start of 2 sessions (${A}, ${B}): type more of it.`);
    const short = rad(['stats', 'session', '--session-id', 'f00'], { cwd, env });
    expect(short.status).toBe(1);
    expect(short.stderr.trim()).toMatch(/^Error: No session found with id "f00": run `rad stats history`/);
  });

  it('are shown in history as the shortest start that names one session, never cut with ...', () => {
    // A session whose id shares 15 characters with C's: both need more than 8 to be told apart.
    const E = 'f00dcafe-3333-4999-8999-999999999999';
    journal(cwd, E, '2026-11-04T10:00:00Z', 1);
    const history = rad(['stats', 'history'], { cwd, env: { ...env, TZ: 'UTC' } });
    expect(history.status, history.stderr).toBe(0);
    const rows = history.stdout.split('\n').filter((line) => /^\S+ +\d{4}-\d{2}-\d{2} \d{2}:\d{2} /.test(line));
    expect(rows.map((line) => line.split(/ +/).slice(0, 4))).toEqual([
      ['f00dcafe-3333-49', '2026-11-04', '10:00', 'live'],
      // Same start: newest first by id.
      ['f00dcafe-3333-43', '2026-11-03', '10:00', 'live'],
      ['9e1f2a3b', '2026-11-03', '10:00', 'claude-code'],
      ['abcd0002', '2026-11-02', '10:00', 'live'],
      ['abcd0001', '2026-11-01', '10:00', 'live'],
    ]);
    expect(history.stdout).not.toContain('...');
    for (const [shown, id] of [['f00dcafe-3333-49', E], ['f00dcafe-3333-43', C], ['9e1f2a3b', 'claude-code-9e1f2a3b-4444-4444-8444-444444444444']]) {
      expect(idOf(['stats', 'session', '--session-id', shown!])).toBe(id);
    }
    // --json keeps full ids.
    const json = JSON.parse(rad(['stats', 'history', '--json'], { cwd, env }).stdout) as { sessions: { sessionId: string }[] };
    expect(json.sessions[0]!.sessionId).toBe(E);
  });
});
