import type { SessionEvent } from '../events/schema.js';
import type { PriceService } from '../pricing/types.js';
import type { LegacyMetrics } from '../report/legacy-schema.js';
import type { Git } from '../host/git.js';
import type { FactRows, PluginFacts } from './facts.js';

/** Contract version the host implements: 2 adds typed facts (`facts`, `Collector.facts`). */
export const PLUGIN_API_VERSION = 2;

/** Contract versions the host still runs: a version 1 plugin (no facts) reports through `merge`. */
export const SUPPORTED_PLUGIN_API_VERSIONS: readonly number[] = [1, 2];

/** Anything with zod's `safeParse`, so a plugin's own copy of zod works with the host's. */
export interface SchemaLike<T> {
  /** Validates a value; zod schemas satisfy this. */
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

/** Services the host hands to plugins; plugins never build their own. */
export interface HostServices {
  /** Loads the price service on first use (the price table is large, so only commands that price pay for it). */
  prices(): Promise<PriceService>;
  /** Git for the workspace, with a locale and environment that make its output parseable. */
  git(): Git;
  /** Prints a warning on stderr once per distinct message. */
  warn(message: string): void;
}

/** What a collector knows about the session it folds. */
export interface SessionContext {
  /** Session id. */
  sessionId: string;
  /** Absolute path of the workspace root (the folder holding `.radium`). */
  workspace: string;
}

/** Handed to a plugin's collector factory and lifecycle hooks. */
export interface PluginContext<Options = Record<string, unknown>> extends SessionContext {
  /** Options from config for this plugin (validated by the plugin's `options` schema when it has one). */
  options: Options;
  /** Shared services. */
  services: HostServices;
}

/** How the session stands when a collector finishes. */
export interface FinishInfo {
  /** Time of `session.start`. */
  startTime: string;
  /** Time of `session.end`, or null when the session has not ended. */
  endTime: string | null;
  /** `ended`: has `session.end`; `live`: still being written; `abandoned`: stopped without an end (a crash). */
  status: 'ended' | 'live' | 'abandoned';
  /** The moment the fold runs; a live session's wall time runs to here. */
  now: string;
}

/** Folds one session's events into one report section. */
export interface Collector<Section> {
  /** Called once per event, in journal order, including event types this plugin does not know. */
  add(event: SessionEvent): void;
  /** Called once after the last event; returns the section stored in the report. */
  finish(info: FinishInfo): Section | Promise<Section>;
  /** Called after `finish` when the plugin declares `facts`: the session's fact rows, by table name. */
  facts?(): FactRows;
}

/** An event a lifecycle hook asks the host to append to the journal (`ts` is filled in when absent). */
export interface HookEvent {
  type: string;
  ts?: string;
  [field: string]: unknown;
}

/** Passed to lifecycle hooks. */
export interface LifecycleContext<Options = Record<string, unknown>> extends PluginContext<Options> {
  /** True when the host only previews (a live session's view): events are folded but not stored. */
  preview: boolean;
}

/** One `label: value` line of a field block. */
export interface FieldRow {
  /** Label without the colon, e.g. `Tool Calls`. */
  label: string;
  /** Value already formatted with the core formatters. */
  value: string;
  /** Nesting level; 1 renders as `  » label`. */
  indent?: number;
  /** Sort key inside the block; lower first, ties keep plugin order. */
  order?: number;
}

/** A column of a table block. */
export interface TableColumn {
  /** Header text. */
  header: string;
  /** Text alignment; numbers are right-aligned. */
  align?: 'left' | 'right';
  /** Minimum width including the gap before it; the column grows for longer cells. */
  width?: number;
  /** A shorter header for a narrow terminal (`Input` for `Input Tokens`). */
  short?: string;
  /** Left out when a narrow terminal has no room for it, lowest first; without it the column always stays. */
  drop?: number;
}

/** A titled list of `label: value` lines (`Interaction Summary`, `Performance`). */
export interface FieldBlock {
  kind: 'fields';
  /** Heading; blocks with the same title from several plugins are merged. */
  title: string;
  /** Position among blocks; lower first. Interaction Summary is 10, Performance 20, Model Usage 30. */
  order?: number;
  rows: FieldRow[];
}

/** A table with a rule under the header and, optionally, a totals row under a second rule. */
export interface TableBlock {
  kind: 'table';
  /** Shown in the first header cell (`Model Usage`) when set, else above the table. */
  title?: string;
  /** Position among blocks; lower first. */
  order?: number;
  /** When true the title replaces the first column's header, as in the spec's session view. */
  titleInHeader?: boolean;
  columns: TableColumn[];
  rows: string[][];
  /** Totals rows, under a rule. */
  footer?: string[][];
}

/** A line of free text (a note such as `n/a: not a git repository`). */
export interface NoteBlock {
  kind: 'note';
  title?: string;
  order?: number;
  text: string;
}

/** A piece of human output a plugin contributes. */
export type ViewBlock = FieldBlock | TableBlock | NoteBlock;

/** Units the compare view knows how to format and subtract. */
export type CompareUnit = 'count' | 'tokens' | 'usd' | 'duration' | 'ratio' | 'lines';

/** One quantity compared between two sessions. */
export interface CompareRow {
  /** Section heading (`Cost`, `Performance`); rows with the same section are grouped. */
  section: string;
  /** Label of the delta line; `Delta` for a section's headline number. */
  label: string;
  unit: CompareUnit;
  /** Value in session A (ms for durations, 0..1 for ratios), or null when not known. */
  a: number | null;
  /** Value in session B, or null when not known. */
  b: number | null;
  /** When set, `Session A: …` and `Session B: …` lines are shown before the delta. */
  detail?: { a: string; b: string };
  /** Position among sections; lower first. */
  order?: number;
}

/** A cell of `rad stats history`. */
export interface HistoryCell {
  /** Column header (`Duration`, `Tool Calls`, `Success Rate`, `Cost`). */
  column: string;
  value: string;
  /** Column position; lower first. */
  order?: number;
  /** A shorter header for a narrow terminal (`Calls` for `Tool Calls`). */
  short?: string;
  /** Left out when a narrow terminal has no room for it, lowest first; without it the column always stays. */
  drop?: number;
}

/** A named view such as `model` or `engine`, over one session or many merged. */
export interface NamedView {
  /** Human output. */
  blocks: ViewBlock[];
  /** The `--json` payload. */
  json: unknown;
}

/** Whether a view shows one session or a merge of many. */
export interface ViewScope {
  /** `session` for one session, `all` for a merge of every session. */
  kind: 'session' | 'all';
  /** Number of sessions merged. */
  sessions: number;
  /** The session id when kind is `session`. */
  sessionId?: string;
}

/** Requests, tokens and cost of one period of a time view (or of one model in it). */
export interface PeriodUsage {
  /** API requests made: successful responses plus errors. */
  requests: number;
  /** Uncached prompt tokens. */
  inputTokens: number;
  /** Generated tokens, reasoning included. */
  outputTokens: number;
  /** Prompt tokens read from the cache. */
  cacheReadTokens: number;
  /** Prompt tokens written to the cache with a 5 minute TTL. */
  cacheWriteTokens: number;
  /** Prompt tokens written to the cache with a 1 hour TTL. */
  cacheWrite1hTokens: number;
  /** Cost of the priced responses, in integer nano-USD (exact when summed). */
  costNanoUsd: number;
  /** Successful responses with no known price (not in costNanoUsd). */
  unpricedRequests: number;
}

/** What `rad stats daily|weekly|monthly` show of a section merged over one period: its total and each model's part. */
export interface PeriodView {
  total: PeriodUsage;
  models: Record<string, PeriodUsage>;
}

/** How a plugin shows its section. All members are optional. */
export interface PluginReporter<Section> {
  /** Blocks for `rad stats session`. */
  session?(section: Section): ViewBlock[];
  /** Rows for `rad stats compare A B`. */
  compare?(a: Section, b: Section): CompareRow[];
  /** Cells for one row of `rad stats history`. */
  history?(section: Section): HistoryCell[];
  /** Named views; `rad stats model` renders the view `model` and `rad stats engine` the view `engine`. */
  views?: Record<string, (section: Section, scope: ViewScope) => NamedView>;
  /** Usage of a section merged over one period, for the time views; the first plugin that has it answers them. */
  period?(section: Section): PeriodView;
}

/**
 * A metric plugin: one metric's whole story, as a plain object.
 *
 * @example
 * export const deploysPlugin: MetricPlugin<{ deploys: number }> = {
 *   id: 'deploys', apiVersion: 1, title: 'Deploys', description: 'Counts acme.deploy events',
 *   section: z.object({ deploys: z.number() }),
 *   createCollector: () => { let n = 0; return { add: (e) => { if (e.type === 'acme.deploy') n++; }, finish: () => ({ deploys: n }) }; },
 *   merge: (all) => ({ deploys: all.reduce((s, x) => s + x.deploys, 0) }),
 *   report: { session: (s) => [{ kind: 'fields', title: 'Deploys', rows: [{ label: 'Deploys', value: String(s.deploys) }] }] },
 * };
 */
export interface MetricPlugin<Section = unknown, Options = Record<string, unknown>> {
  /** Stable id: the section key in reports and the key in config (`^[a-z][a-z0-9-]*$`). */
  id: string;
  /** Contract version the plugin was written against: one of SUPPORTED_PLUGIN_API_VERSIONS. */
  apiVersion: number;
  /** Version of the plugin's code (its package version, say); cached summaries are remade when it changes. */
  version?: string;
  /** Human name. */
  title: string;
  /** One sentence on what it measures. */
  description: string;
  /** Schema of this plugin's report section; reports are checked against it when loaded. */
  section: SchemaLike<Section>;
  /** Schema of this plugin's config options; bad options are a config error naming the key. */
  options?: SchemaLike<Options>;
  /** Makes the collector for one session. May be async (to load the price table, say). */
  createCollector(context: PluginContext<Options>): Collector<Section> | Promise<Collector<Section>>;
  /** Runs when a session starts (a git snapshot, say); returned events are appended to the journal. */
  onSessionStart?(context: LifecycleContext<Options>): Promise<HookEvent[]> | HookEvent[];
  /** Runs just before `session.end` is written, or at preview time for a live session. */
  onSessionEnd?(context: LifecycleContext<Options>): Promise<HookEvent[]> | HookEvent[];
  /** Typed facts (API 2): tables whose summed rows give the merged section, so views filter and group in SQL. */
  facts?: PluginFacts<Section>;
  /** Combines the sections of many sessions into one; must be exact (integer counts, cost without drift). */
  merge(sections: Section[]): Section;
  /** Shrinks a section to what merge and the history row need; stored in the summary index. Default: the section. */
  summarize?(section: Section): Section;
  /** Builds this plugin's section from a report written by the original Radium, or undefined when it had none. */
  fromLegacy?(legacy: LegacyMetrics): Section | undefined;
  /** Human output. */
  report: PluginReporter<Section>;
}

/** A metric plugin whose section type is not known statically (as the host holds them). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMetricPlugin = MetricPlugin<any, any>;
