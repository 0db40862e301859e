import { describe, expect, it } from 'vitest';
import { sumFactRows, validateMetricPlugin, type BucketRange, type FactRows } from '@radium-stats/core';
import { foldWith, testHost } from '@radium-stats/core/testing';
import { deploysPlugin } from './plugin.js';
import { mergeDeploys } from './merge.js';
import type { DeploysSection } from './section.js';

const facts = deploysPlugin.facts!;
const at = (iso: string) => Date.parse(iso);
const deploy = (ts: string, environment?: string, success = true) => ({ type: 'acme.deploy', ts, success, ...(environment === undefined ? {} : { environment }) });

async function fold(...inputs: Record<string, unknown>[]): Promise<{ section: DeploysSection; facts: FactRows }> {
  const { section, facts: rows, warnings } = await foldWith<DeploysSection>(deploysPlugin, ...inputs);
  expect(warnings).toEqual([]);
  return { section, facts: rows ?? {} };
}

/** What rad gives for these sessions: their rows summed (as its store's GROUP BY does), handed to toSection. */
function fromFacts(sessions: { facts: FactRows }[], range: BucketRange = {}): DeploysSection {
  return facts.toSection(sumFactRows(facts.tables, sessions.map((s) => s.facts), range), { sessions: sessions.length });
}

describe('deploys facts', () => {
  it('are declared as rad checks them, at plugin API 2', () => {
    expect(validateMetricPlugin(deploysPlugin, '@acme/rad-plugin-deploys').apiVersion).toBe(2);
  });

  it('are one row per 15-minute bucket and environment, stored in the report', async () => {
    const host = await testHost([deploysPlugin]);
    const rec = await host.recorders.start({ sessionId: 'deploys-facts' });
    rec.record(deploy('2026-05-01T09:14:59.999Z', 'production'));
    rec.record(deploy('2026-05-01T09:15:00.000Z', 'production', false));
    rec.record(deploy('2026-05-01T09:16:00.000Z', 'production'));
    rec.record(deploy('2026-05-01T23:59:00.000Z'));
    rec.record(deploy('2026-05-02T00:00:00.000Z'));
    const report = await rec.end();
    const rows = (reloaded: typeof report) => reloaded.facts?.deploys;
    expect(rows(report)).toEqual({
      deploys: [
        { bucket: at('2026-05-01T09:00:00Z'), environment: 'production', deploys: 1, failed: 0 },
        { bucket: at('2026-05-01T09:15:00Z'), environment: 'production', deploys: 2, failed: 1 },
        { bucket: at('2026-05-01T23:45:00Z'), environment: '(none)', deploys: 1, failed: 0 },
        { bucket: at('2026-05-02T00:00:00Z'), environment: '(none)', deploys: 1, failed: 0 },
      ],
    });
    expect(rows((await host.store.load('deploys-facts')).report)).toEqual(rows(report));
  });

  it('summed over any mix of sessions give exactly the merged section', async () => {
    const sessions = [
      await fold(deploy('2025-11-01T10:01:00Z', 'production'), deploy('2025-11-01T10:20:00Z', 'production', false), deploy('2025-11-01T10:21:00Z', 'staging')),
      await fold(deploy('2025-11-01T11:00:00Z'), deploy('2025-11-01T11:00:01Z', 'staging', false)),
      await fold({ type: 'tool.call', ts: '2025-11-01T10:05:00Z', name: 'deploy.sh', success: true }),
      await fold(deploy('2025-11-01T12:00:00Z', '__proto__')),
    ];
    for (let mask = 0; mask < 2 ** sessions.length; mask++) {
      const combo = sessions.filter((_, i) => mask & (1 << i));
      expect(fromFacts(combo)).toEqual(mergeDeploys(combo.map((s) => s.section)));
    }
    expect(fromFacts(sessions)).toEqual({
      deploys: 6,
      failed: 2,
      byEnvironment: { production: { deploys: 2, failed: 1 }, staging: { deploys: 2, failed: 1 }, '(none)': { deploys: 1, failed: 0 }, ['__proto__']: { deploys: 1, failed: 0 } },
    });
  });

  it('summed from a time on, count only the deploys from then', async () => {
    const s = await fold(deploy('2025-11-01T10:05:00Z', 'production'), deploy('2025-11-01T10:44:59Z', 'production', false), deploy('2025-11-01T10:45:00Z', 'staging'));
    expect(fromFacts([s], { from: at('2025-11-01T10:45:00Z') })).toEqual({ deploys: 1, failed: 0, byEnvironment: { staging: { deploys: 1, failed: 0 } } });
  });

  it('count an environment named __proto__ like any other, without touching other objects', async () => {
    try {
      const s = await fold(deploy('2025-11-01T10:00:00Z', '__proto__'), deploy('2025-11-01T10:01:00Z', '__proto__', false));
      expect(Object.entries(s.section.byEnvironment)).toEqual([['__proto__', { deploys: 2, failed: 1 }]]);
      expect(Object.entries(mergeDeploys([s.section, s.section]).byEnvironment)).toEqual([['__proto__', { deploys: 4, failed: 2 }]]);
      expect(({} as Record<string, unknown>)['deploys']).toBeUndefined();
    } finally {
      delete (Object.prototype as Record<string, unknown>)['deploys'];
      delete (Object.prototype as Record<string, unknown>)['failed'];
    }
  });
});
