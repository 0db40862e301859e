import type { AnyMetricPlugin } from '../plugin/contract.js';
import type { FactRows } from '../plugin/facts.js';
import { foldSession } from '../report/fold.js';
import { collectingWarnings, events, tempDir, testServices } from './index.js';

/** What a test fold gives: one plugin's section, its fact rows and the warnings. */
export interface Folded<Section> {
  section: Section;
  facts: FactRows | undefined;
  warnings: string[];
}

/** Folds a session through one plugin with the real price table; `live` sessions have no end and run to `now`. */
async function foldThrough<Section>(plugin: AnyMetricPlugin, session: { id: string; start: string; live?: { now: string } }, inputs: Record<string, unknown>[]): Promise<Folded<Section>> {
  const workspace = tempDir();
  const warnings = collectingWarnings();
  const report = await foldSession(events({ type: 'session.start', ts: session.start, sessionId: session.id, workspace }, ...inputs), {
    sessionId: session.id,
    workspace,
    plugins: [{ plugin, options: {} }],
    services: testServices(workspace, warnings),
    openStatus: session.live ? 'live' : 'abandoned',
    source: 'journal',
    ...(session.live ? { now: () => new Date(session.live!.now) } : {}),
  });
  return { section: report.sections[plugin.id] as Section, facts: report.facts?.[plugin.id] as FactRows | undefined, warnings: warnings.messages };
}

/** Folds terse event inputs (after a `session.start` at 2025-11-01T10:00:00Z) through one plugin; returns its section, its fact rows and the warnings. */
export function foldWith<Section>(plugin: AnyMetricPlugin, ...inputs: Record<string, unknown>[]): Promise<Folded<Section>> {
  return foldThrough(plugin, { id: 's1', start: '2025-11-01T10:00:00Z' }, inputs);
}

/** As foldWith, for a session that started at `start` and is still being recorded when folded at `now`. */
export function foldLiveWith<Section>(plugin: AnyMetricPlugin, start: string, now: string, ...inputs: Record<string, unknown>[]): Promise<Folded<Section>> {
  return foldThrough(plugin, { id: 's2', start, live: { now } }, inputs);
}
