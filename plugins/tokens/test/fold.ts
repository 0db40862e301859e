import { foldWith } from '@radium-stats/core/testing';
import { tokensPlugin } from '../src/plugin.js';
import type { TokensSection } from '../src/section.js';

/** Folds terse events through the plugin with the real price table; returns the section and the warnings. */
export function foldTokens(...inputs: Record<string, unknown>[]): Promise<{ section: TokensSection; warnings: string[] }> {
  return foldWith<TokensSection>(tokensPlugin, ...inputs);
}

/** An `api.response` event input with the given tokens. */
export function response(model: string, engine: string, tokens: Record<string, number>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'api.response', ts: '2025-11-01T10:01:00Z', model, engine, tokens, ...extra };
}
