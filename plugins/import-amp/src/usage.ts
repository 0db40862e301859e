import type { TokenCounts } from '@radium-stats/core';

type Json = Record<string, unknown>;
const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : 0);

/** Engine of models whose provider the name does not tell. */
export const AMP_ENGINE = 'amp';

/**
 * Maps an assistant message's `usage` to our buckets. Amp's counts are already disjoint, as
 * Anthropic's are: `totalInputTokens` = `inputTokens` + `cacheReadInputTokens` +
 * `cacheCreationInputTokens`, so nothing is taken out of the input. Amp records no reasoning count.
 */
export function messageTokens(usage: Json): TokenCounts {
  return {
    input: n(usage.inputTokens),
    output: n(usage.outputTokens),
    cacheRead: n(usage.cacheReadInputTokens),
    cacheWrite: n(usage.cacheCreationInputTokens),
    cacheWrite1h: 0,
    reasoning: 0,
  };
}

/** Maps a legacy `usageLedger` event's `tokens` (`input`, `output` only: its cache counts live on the message). */
export function ledgerTokens(tokens: Json): TokenCounts {
  return { input: n(tokens.input), output: n(tokens.output), cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 };
}

/** True when a usage counts nothing (an aborted request, or a `totalTokens`-only record). */
export function isEmpty(tokens: TokenCounts): boolean {
  return tokens.input + tokens.output + tokens.cacheRead + tokens.cacheWrite === 0;
}

/**
 * The engine a model runs on, from its name: Amp routes to several providers and records only the
 * model. Unrecognised names get `amp`, which prices by model name alone.
 */
export function engineOf(model: string): string {
  const m = model.toLowerCase();
  if (/claude|opus|sonnet|haiku/.test(m)) return 'claude';
  if (/gemini/.test(m)) return 'gemini';
  if (/grok/.test(m)) return 'xai';
  if (/gpt|codex|(^|[^a-z])o[1-9]([^0-9]|$)/.test(m)) return 'openai';
  return AMP_ENGINE;
}

/** Key of one response for de-duplication across threads: a forked thread that copies a message copies its usage exactly. */
export function responseKey(timestamp: string, model: string, t: TokenCounts): string {
  return `usage:${timestamp}:${model}:${t.input}:${t.output}:${t.cacheRead}:${t.cacheWrite}`;
}
