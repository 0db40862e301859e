import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '@radium-stats/core';
import { collectingWarnings, tempWorkspace } from '@radium-stats/core/testing';
import { freshCliHome, radOk } from '../helpers/rad.js';
import { HOSTILE_DEVELOPER, writeSession } from '../helpers/warehouse-sessions.js';
import { CHDB_INSTALL, CHDB_PATH, CHDB_REQUIRED, ChdbWarehouse } from '../helpers/chdb.js';
import { openWorkspaceHost } from '../../src/host/open-host.js';
import { warehouseError } from '../../src/warehouse/client.js';
import { pushSessions } from '../../src/warehouse/push.js';
import { resolveTarget } from '../../src/warehouse/settings.js';
import type { WarehouseExecutor } from '../../src/warehouse/executor.js';
import { TeamSource } from '../../src/warehouse/team-source.js';
import type { TeamScope } from '../../src/warehouse/team-sql.js';
import { teamHosts } from '../../src/base/team-view.js';
import { namedView } from '../../src/views/named-view.js';
import { timeView } from '../../src/time-views/time-view.js';

const skip = !CHDB_PATH && !CHDB_REQUIRED;
if (skip) console.warn(`The team view tests on current ClickHouse (chdb) are skipped: RADIUM_CHDB_PATH is not set; ${CHDB_INSTALL}.`);

describe.skipIf(skip)(`team views (--warehouse) on current ClickHouse (chdb)${skip ? ` (skipped: ${CHDB_INSTALL})` : ''}`, () => {
  let chdb: ChdbWarehouse;
  let alice: string;
  let bob: string;
  let host: Host;
  const env = { ...freshCliHome(), TZ: 'UTC' };
  const local = (cwd: string, args: string[]) => JSON.parse(radOk(['stats', ...args, '--json'], { cwd, env }).stdout) as unknown;

  /** The team view's host for a scope, as `--warehouse` builds it, over chdb. */
  const teamHost = (scope: TeamScope) => {
    const source = new TeamSource(chdb, host.plugins, scope);
    return teamHosts(host, { source, warehouse: chdb, scope, applied: [] });
  };

  /**
   * Pushes a workspace as `developer` on `machine`: push's own code, the chdb session under that identity;
   * with `mayNotOptimize`, its OPTIMIZE statements are refused as a server refuses a user without that grant.
   */
  async function pushAs(cwd: string, developer: string, machine: string, options: { mayNotOptimize?: boolean; warn?: (message: string) => void } = {}): Promise<void> {
    const target = await resolveTarget({ url: 'http://embedded-chdb:8123', team: 'core', developer, machine }, {}, async () => undefined);
    const command = async (q: string) => {
      if (options.mayNotOptimize && q.startsWith('OPTIMIZE')) throw warehouseError(target, new Error(`Code: 497. DB::Exception: ${developer}: Not enough privileges. (ACCESS_DENIED)`));
      await chdb.command(q);
    };
    const as: WarehouseExecutor = { target, command, rows: (q) => chdb.rows(q), insert: (t, v) => chdb.insert(t, v), close: async () => {} };
    const workspaceHost = await openWorkspaceHost({ workspace: cwd, env, warnings: collectingWarnings() });
    const store = await workspaceHost.catalog.store();
    try {
      await pushSessions(store, as, { warn: options.warn ?? (() => {}), batch: 1 });
    } finally {
      store.close();
    }
  }

  beforeAll(async () => {
    alice = await tempWorkspace();
    bob = await tempWorkspace();
    writeSession(alice, 'a-1', { agent: 'claude', hoursAgo: 50 }, [{ model: 'claude-opus-4-1', input: 1_000, output: 40 }, { model: 'claude-haiku-4-5', input: 3_000, output: 40 }]);
    writeSession(alice, 'a-2', { agent: 'codex', hoursAgo: 2 }, [{ model: 'claude-haiku-4-5', input: 123_456, output: 40 }]);
    writeSession(bob, 'b-1', { agent: 'claude', hoursAgo: 3 }, [{ model: 'claude-opus-4-1', input: 77, output: 40 }]);
    writeSession(bob, 'b-2', { agent: 'claude', hoursAgo: 30 }, [{ model: 'claude-opus-4-1', input: 999_999, output: 40 }]);
    const target = await resolveTarget({ url: 'http://embedded-chdb:8123' }, {}, async () => undefined);
    chdb = await ChdbWarehouse.open(target);
    await pushAs(alice, HOSTILE_DEVELOPER, 'laptop-a');
    await pushAs(bob, 'bob@example.com', 'desk-b');
    await pushAs(bob, 'bob@example.com', 'desk-b');
    host = await openWorkspaceHost({ workspace: alice, env, warnings: collectingWarnings() });
  });

  afterAll(async () => {
    await chdb?.close();
  });

  it('model and engine for one developer equal their local views', async () => {
    const hosts = teamHost({ developer: HOSTILE_DEVELOPER });
    expect((await namedView(hosts.hostOf(null), 'model', undefined, {}, true)).json).toEqual(local(alice, ['model']));
    const bobs = teamHost({ machine: 'desk-b' });
    expect((await namedView(bobs.hostOf(null), 'engine', undefined, {}, true)).json).toEqual(local(bob, ['engine']));
  });

  it('--by developer groups equal each local view', async () => {
    const hosts = teamHost({ by: 'developer' });
    expect(await hosts.values({}, ['tokens'])).toEqual(['bob@example.com', HOSTILE_DEVELOPER]);
    expect((await namedView(hosts.hostOf('bob@example.com'), 'model', undefined, {}, true)).json).toEqual(local(bob, ['model']));
    expect((await namedView(hosts.hostOf(HOSTILE_DEVELOPER), 'model', undefined, {}, true)).json).toEqual(local(alice, ['model']));
  });

  it('daily for one developer equals their local daily view; --by agent counts sessions per agent', async () => {
    const hosts = teamHost({ developer: 'bob@example.com' });
    const view = await timeView(hosts.hostOf(null), { unit: 'day', zone: 'UTC', weekStart: 'monday', filter: {} }, true);
    expect(view).toEqual(local(bob, ['daily']));
    const byAgent = teamHost({ by: 'agent' });
    const merged = await Promise.all(['claude', 'codex'].map(async (agent) => (await byAgent.hostOf(agent).catalog.merged({}, ['tokens'])).sessions));
    expect(merged).toEqual([3, 1]);
  });

  it('history for one developer lists their sessions newest first', async () => {
    const page = await new TeamSource(chdb, host.plugins, { developer: 'bob@example.com' }).page({}, 0, 10, () => {});
    expect([page.total, page.items.map((s) => s.sessionId)]).toEqual([2, ['b-1', 'b-2']]);
  });

  it('counts a session changed and pushed again once when the push may not merge its partitions, and says so', async () => {
    const dana = await tempWorkspace();
    // 40 days ago: a month partition of its own, while the others' stays merged.
    const startMs = Date.now() - 40 * 24 * 3_600_000;
    const warnings: string[] = [];
    const options = { mayNotOptimize: true, warn: (message: string) => warnings.push(message) };
    // Merges stopped, so that the server does not merge her rows before the views read them.
    await chdb.command('SYSTEM STOP MERGES');
    try {
      writeSession(dana, 'd-1', { startMs, ended: false }, [{ model: 'claude-opus-4-1', input: 10, output: 40 }]);
      await pushAs(dana, 'dana@example.com', 'pc-d', options);
      writeSession(dana, 'd-1', { startMs }, [
        { model: 'claude-opus-4-1', input: 10, output: 40 },
        { model: 'claude-opus-4-1', input: 500, output: 7 },
        { model: 'claude-haiku-4-5', input: 20, output: 2 },
      ]);
      await pushAs(dana, 'dana@example.com', 'pc-d', options);
      expect(warnings.length).toBeGreaterThan(0);
      for (const warning of warnings) expect(warning).toMatch(/\(ClickHouse code 497\).*The sessions are pushed; until their partitions are merged, team views read them more slowly\.$/);
      const [split] = await chdb.rows<{ n: number }>(`SELECT count() AS n FROM system.parts WHERE database = 'radium' AND table = 'facts_tokens_usage' AND active GROUP BY partition_id ORDER BY n DESC LIMIT 1`);
      expect(split!.n).toBeGreaterThan(1);
      const hosts = teamHost({ developer: 'dana@example.com' });
      expect((await namedView(hosts.hostOf(null), 'model', undefined, {}, true)).json).toEqual(local(dana, ['model']));
      expect(await new TeamSource(chdb, host.plugins, {}).total()).toBe(5);
    } finally {
      await chdb.command('SYSTEM START MERGES');
    }
  });
});
