import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callsPlugin, tempDir } from '../testing/index.js';
import { ensureFactTables, factTablesOf } from './fact-tables.js';
import { openDatabase } from './open-database.js';
import { sumFacts } from './sum-facts.js';
import { SessionWriter, type SessionRow } from './session-row.js';

const row = (id: string): SessionRow => ({
  id, agent_session_id: null, source: 'live', agent: null, project: '/p', start_ms: 0, end_ms: 0, status: 'ended', wall_ms: 0,
  report_size: 1, report_mtime_ms: 1, journal_size: null, journal_mtime_ms: null, summary: null,
});

describe('fact sums in SQLite', () => {
  it('stay exact past 2^63, where SQLite SUM would fail, and match the reference sum', () => {
    const db = openDatabase(path.join(tempDir(), 'stats.db'), () => {});
    const tables = factTablesOf([{ plugin: callsPlugin(), options: {} }]);
    ensureFactTables(db, tables);
    const writer = new SessionWriter(db, tables);
    const big = Number.MAX_SAFE_INTEGER;
    writer.transaction(() => {
      for (let s = 0; s < 1_100; s++) writer.write(row(`s${s}`), { calls: { calls: [{ bucket: 0, tool: 'Bash', calls: big, ms: 0.5 }] } });
      writer.write(row('small'), { calls: { calls: [{ bucket: 900_000, tool: 'Edit', calls: 3, ms: 1 }] } });
    });
    const sums = sumFacts(db, tables[0]!, {});
    expect(sums).toEqual(expect.arrayContaining([{ tool: 'Bash', calls: BigInt(big) * 1_100n, ms: 550 }, { tool: 'Edit', calls: 3, ms: 1 }]));
    expect(BigInt(big) * 1_100n > 2n ** 63n).toBe(true);
    expect(sumFacts(db, tables[0]!, { sinceMs: 900_000 })).toEqual([{ tool: 'Edit', calls: 3, ms: 1 }]);
    db.close();
  });
});
