import { escapeTerminal, formatDecimal } from '@radium-stats/core/light';
import { outputStyle } from '../output/style.js';
import type { StatusUsage } from './usage.js';

/** What the status line shows; each part is left out when unknown. */
export interface StatusParts {
  /** The model's name as Claude Code gave it (untrusted). */
  model?: string;
  /** This session's cost: the store's when it holds the session, else Claude Code's estimate. */
  session?: StatusUsage;
  /** Today's cost from the store. */
  today?: StatusUsage;
  /** Cache hit rate of this session, or of today when the store does not hold the session. */
  cache?: { rate: number; of: 'session' | 'today' };
  /** Percentages of the five-hour and seven-day limits used, as Claude Code reports them. */
  fiveHourPercent?: number;
  sevenDayPercent?: number;
}

/** Longest model name shown: the line shares the bar with nothing else, but must stay one short line. */
const MODEL_CHARS = 40;
/** What is printed when nothing is known: an empty line would blank the bar and look broken. */
export const NOTHING_KNOWN = 'rad: no cost data';

const SEPARATOR = ' · ';

/** SGR codes: green, yellow and red for how close a limit is; dim for the separators. */
const sgr = (code: string, text: string) => `\u001b[${code}m${text}\u001b[0m`;
const levelColor = (percent: number) => (percent >= 80 ? '31' : percent >= 50 ? '33' : '32');

/** An untrusted name made short, then safe: control characters and escape sequences become visible `\xNN` text. */
function safeName(name: string): string {
  if (name.length <= MODEL_CHARS) return escapeTerminal(name);
  let head = name.slice(0, MODEL_CHARS - 1);
  // Never leave half of a surrogate pair at the cut.
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  return `${escapeTerminal(head)}…`;
}

/** `$12.31`, with `+` when some responses had no price (the cost is at least that). */
const cost = (u: StatusUsage) => `$${formatDecimal(u.costUsd, 2)}${u.complete ? '' : '+'}`;
const percent = (value: number) => `${formatDecimal(value, 0)}%`;

/** The one status line, e.g. `Opus · $0.84 session · $12.31 today · cache 91% · 5h 42% · 7d 13%`; ANSI colours only with `color`. */
export function renderStatusLine(parts: StatusParts, color: boolean): string {
  const out: string[] = [];
  if (parts.model !== undefined) out.push(safeName(parts.model));
  if (parts.session) out.push(`${cost(parts.session)} session`);
  if (parts.today) out.push(`${cost(parts.today)} today`);
  if (parts.cache) out.push(`cache ${percent(parts.cache.rate * 100)}${parts.cache.of === 'today' ? ' today' : ''}`);
  for (const [label, used] of [['5h', parts.fiveHourPercent], ['7d', parts.sevenDayPercent]] as const) {
    if (used === undefined) continue;
    const text = `${label} ${percent(used)}`;
    out.push(color ? sgr(levelColor(used), text) : text);
  }
  if (out.length === 0) return NOTHING_KNOWN;
  return out.join(color ? sgr('2', SEPARATOR) : SEPARATOR);
}

/** Whether the line is coloured: `--color` asks for it even in a pipe; otherwise as any output (a TTY, FORCE_COLOR); NO_COLOR always wins. */
export function statusColor(colorFlag: boolean, stdout: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return colorFlag ? !noColor : outputStyle(stdout, env).color;
}
