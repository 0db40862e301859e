import { foldWith } from '@radium-stats/core/testing';
import { cachePlugin } from '../src/plugin.js';
import type { CacheSection } from '../src/section.js';

/** Folds terse events through the plugin with the real price table; returns the section and the warnings. */
export function foldCache(...inputs: Record<string, unknown>[]): Promise<{ section: CacheSection; warnings: string[] }> {
  return foldWith<CacheSection>(cachePlugin, ...inputs);
}

/** An `api.response` event input with the given tokens. */
export function response(model: string, engine: string, tokens: Record<string, number>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'api.response', ts: '2025-11-01T10:01:00Z', model, engine, tokens, ...extra };
}
