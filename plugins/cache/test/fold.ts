import { foldSession, type SessionEvent } from '@radium-stats/core';
import { collectingWarnings, events, tempDir, testServices } from '@radium-stats/core/testing';
import { cachePlugin } from '../src/plugin.js';
import type { CacheSection } from '../src/section.js';

/** Folds terse events through the plugin with the real price table; returns the section and the warnings. */
export async function foldCache(...inputs: Record<string, unknown>[]): Promise<{ section: CacheSection; warnings: string[] }> {
  const workspace = tempDir();
  const warnings = collectingWarnings();
  const list: SessionEvent[] = events({ type: 'session.start', ts: '2025-11-01T10:00:00Z', sessionId: 's1', workspace }, ...inputs);
  const report = await foldSession(list, {
    sessionId: 's1',
    workspace,
    plugins: [{ plugin: cachePlugin, options: {} }],
    services: testServices(workspace, warnings),
    openStatus: 'abandoned',
    source: 'journal',
  });
  return { section: report.sections.cache as CacheSection, warnings: warnings.messages };
}

/** An `api.response` event input with the given tokens. */
export function response(model: string, engine: string, tokens: Record<string, number>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'api.response', ts: '2025-11-01T10:01:00Z', model, engine, tokens, ...extra };
}
