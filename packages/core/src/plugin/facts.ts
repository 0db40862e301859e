/**
 * Typed facts: the one description of a plugin's numbers that every store shares. A plugin declares
 * flat tables once (dimension columns to group and filter by, measure columns that add up); its
 * collector emits rows stamped with the 15-minute bucket they belong to; the SQLite store, the team
 * warehouse and exports create their tables from the declaration, sum rows in their own engine, and
 * hand the sums back to the plugin, which derives its ratios from them. Ratios are never stored.
 */

/** Engine-neutral type of a fact column: SQLite, ClickHouse and OTLP each map it to their own. */
export type FactColumnType = 'text' | 'integer' | 'real';

/** A column of a fact table. */
export interface FactColumn {
  /** Column name, `^[a-z][a-z0-9_]{0,62}$`, unique within its table (`bucket` and `session_id` are taken). */
  name: string;
  /** Dimensions are `text` or `integer`; measures are `integer` (exact sums) or `real`. */
  type: FactColumnType;
  /** One sentence on what it holds, with its unit. */
  description: string;
}

/** A flat table of one plugin's facts: one row per session, bucket and combination of dimensions. */
export interface FactTable {
  /** Table name, `^[a-z][a-z0-9_]{0,62}$`, unique among the plugin's tables. */
  name: string;
  /** One sentence on what a row is. */
  description: string;
  /** Columns rows are grouped and filtered by (model, engine, tool); may be empty. */
  dimensions: FactColumn[];
  /** Columns that add up across rows and sessions (requests, tokens, nano-USD, calls, milliseconds). */
  measures: FactColumn[];
}

/** Length of a fact bucket: 15 minutes, so a day is exact in every time zone (all offsets are multiples of 15 minutes). */
export const FACT_BUCKET_MS = 15 * 60 * 1000;

/** Start of the 15-minute bucket holding `time` (an ISO time or epoch ms), in epoch ms. */
export function factBucket(time: string | number): number {
  const ms = typeof time === 'number' ? time : Date.parse(time);
  return Math.floor(ms / FACT_BUCKET_MS) * FACT_BUCKET_MS;
}

/** A value of a fact column. */
export type FactValue = string | number | null;

/**
 * One fact row as a collector emits it and a report stores it: `bucket` (epoch ms of its 15-minute
 * bucket) plus a value for every dimension and measure of its table, by column name.
 */
export interface FactRow {
  bucket: number;
  [column: string]: FactValue;
}

/** A session's fact rows, by table name. */
export type FactRows = Record<string, FactRow[]>;

/**
 * Rows summed by a store over the selected sessions and buckets, grouped by every dimension of the
 * table: dimension values, and each measure's sum. Integer sums past 2^53 - 1 come as bigint.
 */
export type SummedFactRow = Record<string, string | number | bigint | null>;

/** What the selected sessions were, for `toSection`. */
export interface FactScope {
  /** Sessions selected (whether or not they have rows in a table). */
  sessions: number;
  /** True when the rows are one session's own (a history row): give that session's section, not a merged one. */
  single?: boolean;
}

/** A plugin's facts: the tables it declares and how its merged section is derived from their sums. */
export interface PluginFacts<Section> {
  /** The tables, declared once for every engine. */
  tables: FactTable[];
  /** The merged section of the selected sessions, from each table's rows summed and grouped by its dimensions. */
  toSection(rows: Record<string, SummedFactRow[]>, scope: FactScope): Section;
  /** Rows for one session whose report holds no facts of this plugin (a legacy report), every row in `bucket`. */
  fromSection?(section: Section, bucket: number): FactRows;
}
