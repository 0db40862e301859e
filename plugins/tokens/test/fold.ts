import { foldSession, type FactRows } from '@radium-stats/core';
import { collectingWarnings, events, foldWith, tempDir, testServices } from '@radium-stats/core/testing';
import { tokensPlugin } from '../src/plugin.js';
import type { TokensSection } from '../src/section.js';

/** What a fold gives: the section, its fact rows and the warnings. */
export interface Folded {
  section: TokensSection;
  facts: FactRows | undefined;
  warnings: string[];
}

/** Folds terse events through the plugin with the real price table; returns the section, the fact rows and the warnings. */
export function foldTokens(...inputs: Record<string, unknown>[]): Promise<Folded> {
  return foldWith<TokensSection>(tokensPlugin, ...inputs);
}

/** Folds a session that started at `start` and is still being recorded (no `session.end`). */
export async function foldLive(start: string, ...inputs: Record<string, unknown>[]): Promise<Folded> {
  const workspace = tempDir();
  const warnings = collectingWarnings();
  const report = await foldSession(events({ type: 'session.start', ts: start, sessionId: 's2', workspace }, ...inputs), {
    sessionId: 's2',
    workspace,
    plugins: [{ plugin: tokensPlugin, options: {} }],
    services: testServices(workspace, warnings),
    openStatus: 'live',
    source: 'journal',
    now: () => new Date('2025-11-02T12:00:00Z'),
  });
  return { section: report.sections.tokens as TokensSection, facts: report.facts?.tokens as FactRows | undefined, warnings: warnings.messages };
}

/** An `api.response` event input with the given tokens. */
export function response(model: string, engine: string, tokens: Record<string, number>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'api.response', ts: '2025-11-01T10:01:00Z', model, engine, tokens, ...extra };
}
