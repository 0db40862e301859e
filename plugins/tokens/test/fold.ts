import { foldLiveWith, foldWith, type Folded as FoldedWith } from '@radium-stats/core/testing';
import { tokensPlugin } from '../src/plugin.js';
import type { TokensSection } from '../src/section.js';

/** What a fold gives: the section, its fact rows and the warnings. */
export type Folded = FoldedWith<TokensSection>;

/** Folds terse events through the plugin with the real price table; returns the section, the fact rows and the warnings. */
export function foldTokens(...inputs: Record<string, unknown>[]): Promise<Folded> {
  return foldWith<TokensSection>(tokensPlugin, ...inputs);
}

/** Folds a session that started at `start` and is still being recorded (no `session.end`). */
export function foldLive(start: string, ...inputs: Record<string, unknown>[]): Promise<Folded> {
  return foldLiveWith<TokensSection>(tokensPlugin, start, '2025-11-02T12:00:00Z', ...inputs);
}

/** An `api.response` event input with the given tokens. */
export function response(model: string, engine: string, tokens: Record<string, number>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'api.response', ts: '2025-11-01T10:01:00Z', model, engine, tokens, ...extra };
}
