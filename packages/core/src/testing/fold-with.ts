import type { AnyMetricPlugin } from '../plugin/contract.js';
import type { FactRows } from '../plugin/facts.js';
import { foldSession } from '../report/fold.js';
import { collectingWarnings, events, tempDir, testServices } from './index.js';

/** Folds terse event inputs (after a `session.start`) through one plugin with the real price table; returns its section, its fact rows and the warnings. */
export async function foldWith<Section>(plugin: AnyMetricPlugin, ...inputs: Record<string, unknown>[]): Promise<{ section: Section; facts: FactRows | undefined; warnings: string[] }> {
  const workspace = tempDir();
  const warnings = collectingWarnings();
  const report = await foldSession(events({ type: 'session.start', ts: '2025-11-01T10:00:00Z', sessionId: 's1', workspace }, ...inputs), {
    sessionId: 's1',
    workspace,
    plugins: [{ plugin, options: {} }],
    services: testServices(workspace, warnings),
    openStatus: 'abandoned',
    source: 'journal',
  });
  return { section: report.sections[plugin.id] as Section, facts: report.facts?.[plugin.id] as FactRows | undefined, warnings: warnings.messages };
}
