/** Cost and cache use of one session or one day, as the status line shows them. */
export interface StatusUsage {
  /** Cost of the priced responses in USD. */
  costUsd: number;
  /** False when some responses had no price, so the cost is a lower bound. */
  complete: boolean;
  /** Cache reads over every prompt token (uncached, cache writes and reads), as the cache plugin counts it; undefined when no prompt token was sent. */
  hitRate?: number;
}

/** Token counts a cache hit rate is made of. */
export interface PromptTokens {
  inputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  cacheWrite1hTokens: number;
}

/** Cache reads over all prompt tokens; undefined when there were none. */
export function cacheHitRate(u: PromptTokens): number | undefined {
  const prompt = u.inputTokens + u.cacheWriteTokens + u.cacheWrite1hTokens + u.cacheReadTokens;
  return prompt > 0 ? u.cacheReadTokens / prompt : undefined;
}
