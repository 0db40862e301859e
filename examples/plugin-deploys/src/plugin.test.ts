import { describe, expect, it } from 'vitest';
import { validateMetricPlugin } from '@radium-stats/core';
import { testHost } from '@radium-stats/core/testing';
import { deploysPlugin } from './plugin.js';
import { mergeDeploys } from './merge.js';
import { deploysSectionSchema } from './section.js';

describe('deploys plugin', () => {
  it('satisfies the plugin contract the host checks', () => {
    expect(validateMetricPlugin(deploysPlugin, '@acme/rad-plugin-deploys')).toBe(deploysPlugin);
  });

  it('counts acme.deploy events through the real pipeline: all, failed, per environment', async () => {
    const host = await testHost([deploysPlugin]);
    const rec = await host.recorders.start({ sessionId: 'deploys-1' });
    rec.record({ type: 'acme.deploy', environment: 'production', success: true });
    rec.record({ type: 'acme.deploy', environment: 'production', success: false });
    rec.record({ type: 'acme.deploy', success: true });
    rec.record({ type: 'tool.call', name: 'deploy.sh', success: true });
    const report = await rec.end();
    expect(report.sections.deploys).toEqual({
      deploys: 3,
      failed: 1,
      byEnvironment: { production: { deploys: 2, failed: 1 }, '(none)': { deploys: 1, failed: 0 } },
    });
    const reloaded = await host.store.load('deploys-1');
    expect(reloaded.report.sections.deploys).toEqual(report.sections.deploys);
  });

  it('shows a Deploys block, most deploys first', () => {
    const blocks = deploysPlugin.report.session!({ deploys: 3, failed: 1, byEnvironment: { staging: { deploys: 1, failed: 0 }, production: { deploys: 2, failed: 1 } } });
    expect(blocks).toEqual([
      {
        kind: 'fields',
        title: 'Deploys',
        order: 50,
        rows: [
          { label: 'Deploys', value: '3 ( ✓ 2 x 1 )' },
          { label: 'production', value: '2 ( ✓ 1 x 1 )', indent: 1 },
          { label: 'staging', value: '1 ( ✓ 1 x 0 )', indent: 1 },
        ],
      },
    ]);
  });

  it('merges sessions exactly', () => {
    const a = { deploys: 2, failed: 1, byEnvironment: { production: { deploys: 2, failed: 1 } } };
    const b = { deploys: 1, failed: 0, byEnvironment: { production: { deploys: 1, failed: 0 } } };
    expect(mergeDeploys([a, b])).toEqual({ deploys: 3, failed: 1, byEnvironment: { production: { deploys: 3, failed: 1 } } });
  });

  it('compares two sessions and adds a history column', () => {
    const a = { deploys: 2, failed: 1, byEnvironment: {} };
    const b = { deploys: 4, failed: 0, byEnvironment: {} };
    expect(deploysPlugin.report.compare!(a, b).map((r) => [r.label, r.a, r.b])).toEqual([
      ['Delta', 2, 4],
      ['Failed', 1, 0],
    ]);
    expect(deploysPlugin.report.history!(b)).toEqual([{ column: 'Deploys', value: '4', order: 50 }]);
  });

  it('rejects a stored section of the wrong shape', () => {
    expect(deploysSectionSchema.safeParse({ deploys: 1, failed: 0, byEnvironment: { prod: { deploys: -1, failed: 0 } } })).toEqual({
      success: false,
      error: { message: 'byEnvironment.prod: expected { deploys, failed }' },
    });
  });
});
