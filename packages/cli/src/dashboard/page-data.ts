import type { SessionReport, ViewBlock } from '@radium-stats/core';

/** How a chart's values read: the page formats axis ticks and tooltips by it. */
export type ValueUnit = 'usd' | 'tokens' | 'percent' | 'hours' | 'lines' | 'calls';

/** A table of already formatted cells: the numbers behind a chart, for screen readers and copying. */
export interface TableSpec {
  caption: string;
  /** The caption repeats the heading above the table: shown to screen readers only. */
  captionHidden?: boolean;
  columns: string[];
  /** Which columns hold numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
  footer?: string[];
}

/** One series of a chart; values are null where nothing is known. */
export interface SeriesSpec {
  name: string;
  values: (number | null)[];
  /** Index into the page's palette. */
  color: number;
}

/** A Chart.js chart and the table behind it. */
export interface ChartSpec {
  id: string;
  title: string;
  /** One sentence saying what is counted and how. */
  description: string;
  type: 'bar' | 'line';
  stacked: boolean;
  horizontal: boolean;
  unit: ValueUnit;
  labels: string[];
  series: SeriesSpec[];
  table: TableSpec;
  /** Why there is nothing to draw; the chart is left out when set. */
  empty?: string;
}

/** A headline number. */
export interface KpiSpec {
  id: string;
  label: string;
  /** The number as the `--json` views give it (USD, count, ratio); null when not known. */
  value: number | null;
  text: string;
  note?: string;
}

/** One day of the calendar heatmap. */
export interface CalendarCell {
  date: string;
  /** Column: weeks since the first Monday of the grid. */
  week: number;
  /** Row: 0 Monday … 6 Sunday. */
  weekday: number;
  /** 0 nothing, 1-4 quarters of the rank among days with a cost. */
  level: number;
  /** Priced cost in USD. */
  value: number;
  text: string;
}

/** The calendar heatmap of daily cost over the last year. */
export interface CalendarSpec {
  id: string;
  title: string;
  description: string;
  weeks: number;
  cells: CalendarCell[];
  /** First week of each month, for the labels above the grid. */
  months: { week: number; text: string }[];
  /** Legend text of each level, 0 to 4. */
  levels: string[];
  table: TableSpec;
}

/** The most expensive sessions: their `rad stats history` rows, and each one's detail. */
export interface SessionsSpec {
  title: string;
  description: string;
  table: TableSpec;
  /** Detail of each row, in the same order: the blocks `rad stats session` prints and its `--json` report. */
  details: { sessionId: string; blocks: ViewBlock[]; report: SessionReport }[];
}

/** Everything the page draws, as JSON inside it. */
export interface PageData {
  title: string;
  /** The range of days and the filters, in words. */
  scope: string;
  generated: string;
  kpis: KpiSpec[];
  charts: ChartSpec[];
  calendar: CalendarSpec;
  sessions: SessionsSpec;
}
