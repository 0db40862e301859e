import { formatDecimal, formatInteger } from '@radium-stats/core';
import { renderTable, type Column } from '../output/table.js';
import { compactNumber } from '../output/compact-number.js';
import { wrapText } from '../output/wrap.js';
import { Shortener } from '../output/shorten.js';
import { plainStyle, type OutputStyle } from '../output/style.js';
import type { PeriodJson, TimeViewJson, UsageJson } from './time-view.js';

/** How a time view is drawn. */
export interface TimeViewLayout {
  /** One row per model under each period. */
  breakdown: boolean;
  /** Columns available; undefined: no limit. */
  width?: number | undefined;
  style?: OutputStyle;
}

type Row = UsageJson & { sessions?: number };

interface NumberColumn {
  header: string;
  value: (row: Row) => number | undefined;
  /** Left out first when the terminal is narrow (lower: sooner). */
  drop?: number;
}

const NUMBER_COLUMNS: NumberColumn[] = [
  { header: 'Sessions', value: (r) => r.sessions, drop: 2 },
  { header: 'Requests', value: (r) => r.requests, drop: 1 },
  { header: 'Input', value: (r) => r.inputTokens },
  { header: 'Output', value: (r) => r.outputTokens },
  { header: 'Cache Read', value: (r) => r.cacheReadTokens },
  { header: 'Cache Write', value: (r) => r.cacheWriteTokens + r.cacheWrite1hTokens, drop: 3 },
];

/** Ways to fit, widest first: every number in full, then shortened (`12.3M`), then fewer columns. */
const FITS: { compact: boolean; dropped: number }[] = [
  { compact: false, dropped: 0 },
  { compact: true, dropped: 0 },
  { compact: true, dropped: 1 },
  { compact: true, dropped: 2 },
  { compact: true, dropped: 3 },
];

/** A bar narrower than this says too little to be worth its room. */
const MIN_BAR = 5;
const MAX_BAR = 20;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `value` out of `max`, `width` cells at most, in eighths of a cell. */
export function costBar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

const costCell = (row: UsageJson) => `$${formatDecimal(row.pricedCostUsd, 2)}${row.unpricedRequests > 0 ? '*' : ''}`;

const LABELS = { day: 'Date', week: 'Week', month: 'Month' } as const;
const TITLES = { day: 'Daily', week: 'Weekly', month: 'Monthly' } as const;

/** Longest model name in a breakdown row when numbers are shortened to fit a narrow terminal. */
const NARROW_MODEL = 24;

function shortModel(model: string, max: number): string {
  return model.length <= max ? model : `${model.slice(0, max - 1)}…`;
}

/** The table for one way to fit, and its width. */
function drawTable(view: TimeViewJson, layout: TimeViewLayout, fit: (typeof FITS)[number], bar: number, shortener: Shortener): string[] {
  const shown = NUMBER_COLUMNS.filter((c) => c.drop === undefined || c.drop > fit.dropped);
  const number = (n: number | undefined) => (n === undefined ? '' : fit.compact ? compactNumber(n) : formatInteger(n));
  const cells = (label: string, row: Row) => [label, ...shown.map((c) => number(c.value(row))), costCell(row)];
  const maxCost = Math.max(0, ...view.periods.map((p) => p.pricedCostUsd));
  const rows: string[][] = [];
  for (const period of view.periods) {
    rows.push([...cells(period.period, period), ...(bar > 0 ? [costBar(period.pricedCostUsd, maxCost, bar)] : [])]);
    if (!layout.breakdown) continue;
    for (const model of period.models) rows.push(cells(`  ${fit.compact ? shortModel(model.model, NARROW_MODEL) : model.model}`, model));
  }
  const columns: Column[] = [
    { header: LABELS[view.unit], align: 'left' },
    ...shown.map((c): Column => ({ header: c.header, align: 'right', width: c.header.length + 2 })),
    { header: 'Cost', align: 'right', width: 'Cost'.length + 2 },
    ...(bar > 0 ? [{ header: '', align: 'left' } as Column] : []),
  ];
  return renderTable({ columns, rows, footer: [cells('TOTAL', view.total)] }, layout.style ?? plainStyle, shortener);
}

const widthOf = (lines: string[]) => Math.max(...lines.map((l) => l.length));

function titleOf(view: TimeViewJson): string {
  const week = view.unit === 'week' ? `, weeks from ${view.weekStart === 'sunday' ? 'Sunday' : 'Monday'}` : '';
  return `${TITLES[view.unit]} Usage (${view.timezone}${week})`;
}

/**
 * Human output of a time view: a title, one row per period (and per model with `breakdown`) with a
 * bar of each period's cost, a TOTAL row and footnotes. On a narrow terminal numbers are shortened
 * and the least important columns left out, never wrapped.
 */
export function renderTimeView(view: TimeViewJson, layout: TimeViewLayout): string {
  const limit = layout.width ?? Infinity;
  const shortener = new Shortener();
  let table: string[] | undefined;
  let chosen = FITS[FITS.length - 1]!;
  for (const fit of FITS) {
    const plain = drawTable(view, layout, fit, 0, new Shortener());
    if (widthOf(plain) > limit && fit !== FITS[FITS.length - 1]) continue;
    chosen = fit;
    // The bar takes the room left, up to MAX_BAR cells, with the gaps on either side of a column.
    const room = Math.min(MAX_BAR, limit - widthOf(plain) - 4);
    table = drawTable(view, layout, fit, room >= MIN_BAR ? room : 0, shortener);
    break;
  }
  const notes: string[] = [];
  const periods: Row[] = [view.total, ...view.periods, ...view.periods.flatMap((p: PeriodJson) => p.models)];
  if (periods.some((r) => r.unpricedRequests > 0)) notes.push('* Part of the cost is unknown: some responses have no price (`rad stats model` names the models).');
  const left = NUMBER_COLUMNS.filter((c) => c.drop !== undefined && c.drop <= chosen.dropped).map((c) => c.header);
  if (left.length > 0) notes.push(`Left out to fit ${limit} columns: ${left.join(', ')} (--json has them).`);
  const warning = shortener.warning();
  if (warning) notes.push(warning);
  return [titleOf(view), '', ...table!, ...(notes.length ? ['', ...notes.flatMap((note) => wrapText(note, layout.width))] : [])].join('\n');
}
