import { describe, expect, it } from 'vitest';
import type { WarehouseExecutor } from './executor.js';
import { stayedClean } from './parts.js';
import type { WarehouseTarget } from './settings.js';
import { TeamSource } from './team-source.js';

describe('stayedClean', () => {
  const parts = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

  it('holds when every part clean before is still clean after, whatever else changed', () => {
    expect(stayedClean(parts({ sessions: ['202501_1_1_0'] }), parts({ sessions: ['202501_1_1_0', '202502_7_7_0'], facts_x: ['202501_2_2_0'] }))).toBe(true);
  });

  it('fails when a clean part was merged away or its partition got another part', () => {
    expect(stayedClean(parts({ sessions: ['202501_1_1_0'] }), parts({ sessions: ['202501_1_3_1'] }))).toBe(false);
    expect(stayedClean(parts({ sessions: ['202501_1_1_0'] }), parts({}))).toBe(false);
  });
});

/** An executor that answers a team view: the parts it lists come from `listings` in turn (the last one repeated; `denied`: refused), every other statement is recorded. */
function fakeWarehouse(listings: (string[] | 'denied')[]): { warehouse: WarehouseExecutor; statements: string[] } {
  const statements: string[] = [];
  let listed = 0;
  const warehouse: WarehouseExecutor = {
    target: { database: 'radium' } as WarehouseTarget,
    command: async () => {},
    insert: async () => {},
    close: async () => {},
    rows: async <T>(query: string): Promise<T[]> => {
      if (query.includes('system.tables')) return [{ name: 'sessions' }] as T[];
      if (query.includes('system.parts')) {
        const listing = listings[Math.min(listed++, listings.length - 1)]!;
        if (listing === 'denied') throw new Error('The warehouse failed (ClickHouse code 497): Not enough privileges.');
        return listing.map((part) => ({ table: 'sessions', part })) as T[];
      }
      statements.push(query);
      return [{ n: 7 }] as T[];
    },
  };
  return { warehouse, statements };
}

describe('TeamSource reads', () => {
  it('read a clean part without FINAL once its partition kept that one part throughout', async () => {
    const { warehouse, statements } = fakeWarehouse([['202501_1_1_0']]);
    expect(await new TeamSource(warehouse, [], {}).total()).toBe(7);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain("_part IN ('202501_1_1_0')");
  });

  it('run again over the new parts when a push changed them meanwhile, and through FINAL alone when pushes keep changing them', async () => {
    const { warehouse, statements } = fakeWarehouse([['202501_1_1_0'], ['202501_2_2_0'], ['202501_3_3_0'], ['202501_4_4_0']]);
    expect(await new TeamSource(warehouse, [], {}).total()).toBe(7);
    expect(statements.map((s) => /_part IN \('([^']*)'\)/.exec(s)?.[1] ?? 'FINAL only')).toEqual(['202501_1_1_0', '202501_2_2_0', '202501_3_3_0', 'FINAL only']);
    expect(statements[3]).toContain('FINAL');
  });

  it('read through FINAL alone when the user may not list the parts', async () => {
    const { warehouse, statements } = fakeWarehouse(['denied']);
    expect(await new TeamSource(warehouse, [], {}).total()).toBe(7);
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toContain('_part');
    expect(statements[0]).toContain('FINAL');
  });
});
