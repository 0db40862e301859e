import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callsPlugin, tempDir } from '../testing/index.js';
import { ensureFactTables, factTablesOf } from './fact-tables.js';
import { openDatabase } from './open-database.js';
import { sessionColumnValues, sessionsRankedBy } from './session-groups.js';
import { SessionWriter, type SessionRow } from './session-row.js';

const row = (id: string, start: number, agent: string | null, project: string): SessionRow => ({
  id, agent_session_id: null, source: 'live', agent, project, start_ms: start, end_ms: start + 1, status: 'ended', wall_ms: 1,
  report_size: 1, report_mtime_ms: 1, journal_size: null, journal_mtime_ms: null, summary: null,
});

function store() {
  const db = openDatabase(path.join(tempDir(), 'stats.db'), () => {});
  const tables = factTablesOf([{ plugin: callsPlugin(), options: {} }]);
  ensureFactTables(db, tables);
  const writer = new SessionWriter(db, tables);
  const calls = (...n: number[]) => ({ calls: { calls: n.map((c, i) => ({ bucket: i * 900_000, tool: `t${i}`, calls: c, ms: 0 })) } });
  writer.transaction(() => {
    writer.write(row('a', 1_000, 'claude', '/w'), calls(5, 5));
    writer.write(row('b', 2_000, 'codex', '/w/sub'), calls(30));
    writer.write(row('c', 3_000, 'claude', '/w'), calls(1));
    writer.write(row('d', 4_000, null, '/other'), calls());
    writer.write(row('e', 5_000, 'claude', '/w'), calls(1));
  });
  return { db, tables };
}

describe('session groups', () => {
  it('rank sessions by a measure summed over all their rows, newest first among equals, within the filter', () => {
    const { db, tables } = store();
    const calls = tables[0]!;
    expect(sessionsRankedBy(db, {}, tables, calls, 'calls', 10)).toEqual(['b', 'a', 'e', 'c', 'd']);
    expect(sessionsRankedBy(db, {}, tables, calls, 'calls', 2)).toEqual(['b', 'a']);
    expect(sessionsRankedBy(db, { agent: 'claude' }, tables, calls, 'calls', 10)).toEqual(['a', 'e', 'c']);
    // Sessions by their start, as history lists them.
    expect(sessionsRankedBy(db, { sinceMs: 2_500 }, tables, calls, 'calls', 10)).toEqual(['e', 'c', 'd']);
    db.close();
  });

  it('list the values of a session column with their session counts, nulls left out', () => {
    const { db, tables } = store();
    expect(sessionColumnValues(db, {}, tables, 'agent')).toEqual([
      { value: 'claude', sessions: 3 },
      { value: 'codex', sessions: 1 },
    ]);
    expect(sessionColumnValues(db, { project: '/w' }, tables, 'project')).toEqual([
      { value: '/w', sessions: 3 },
      { value: '/w/sub', sessions: 1 },
    ]);
    db.close();
  });
});
