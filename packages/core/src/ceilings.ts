/**
 * Ceilings on the numbers rad accepts from events and config, documented in the README. Each sits
 * far above what a real session reaches, so only corrupt or hostile input meets one, and low
 * enough that totals stay exact: token and line totals need millions of responses at the ceiling
 * before they pass 2^53, and cost totals, which a team's history can take past 2^53 nano-dollars
 * (about $9 million), are summed exactly beyond it (see pricing/nano-usd.ts).
 */

/** Most tokens one bucket of one `api.response` may hold: a billion (the largest context windows hold about ten million). */
export const MAX_TOKENS = 1_000_000_000;

/** Most lines one `file.edit` may add, or remove: a billion. */
export const MAX_EDIT_LINES = 1_000_000_000;

/** Longest `durationMs` of one event: 30 days. */
export const MAX_DURATION_MS = 30 * 24 * 60 * 60 * 1000;

/** Highest process id a `session.start` may carry (the largest a 32-bit pid can be). */
export const MAX_PID = 4_294_967_295;

/** Highest price config may set, in USD per million tokens: a cent a token (the priciest model listed costs $600). */
export const MAX_USD_PER_MILLION = 10_000;

/** Longest `liveSessionMinutes` config may set: a year. */
export const MAX_LIVE_SESSION_MINUTES = 525_600;

/** Highest cost one legacy Radium report may state for its session, in USD. */
export const MAX_LEGACY_SESSION_USD = 1_000_000;
