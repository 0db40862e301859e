import { formatDuration, formatInteger, formatNotAvailable, formatPercent, formatUsd } from '@radium-stats/core';
import type { DashboardData } from './collect.js';
import type { GroupUsage } from './groups.js';
import type { ChartSpec } from './page-data.js';

/** Tools and groups drawn; the tables list them all. */
const SHOWN_BARS = 15;
const HOUR_MS = 3_600_000;

const ratio = (part: number, whole: number) => (whole > 0 ? formatPercent(part / whole) : formatNotAvailable());

/** Calls per tool (succeeded, failed, outcome unknown) and each tool's failure rate, from the tools plugin's merged section. */
export function toolCalls(data: DashboardData): ChartSpec {
  const tools = data.sections.tools?.tools ?? [];
  const shown = tools.slice(0, SHOWN_BARS);
  const unknown = (t: (typeof tools)[number]) => t.calls - t.succeeded - t.failed;
  const empty = !data.sections.tools
    ? 'Not measured: no session in this range has a tools section (is the tools plugin switched off?).'
    : data.sections.tools.toolsOmitted
      ? 'The per-tool counts were left out of these sessions.'
      : tools.length === 0
        ? 'No tool calls in this range.'
        : undefined;
  return {
    id: 'tool-calls',
    title: 'Tool calls and failure rate per tool',
    description: `Calls per tool, most first${tools.length > SHOWN_BARS ? ` (the first ${SHOWN_BARS} drawn, all in the table)` : ''}; the failure rate counts the calls whose outcome is known.`,
    type: 'bar',
    stacked: true,
    horizontal: true,
    unit: 'calls',
    labels: shown.map((t) => t.name),
    series: [
      { name: 'Succeeded', values: shown.map((t) => t.succeeded), color: 2 },
      { name: 'Failed', values: shown.map((t) => t.failed), color: 3 },
      ...(shown.some((t) => unknown(t) > 0) ? [{ name: 'Outcome unknown', values: shown.map(unknown), color: 8 }] : []),
    ],
    table: {
      caption: 'Tool calls per tool',
      columns: ['Tool', 'Calls', 'Failed', 'Failure rate', 'Time'],
      numeric: [false, true, true, true, true],
      rows: tools.map((t) => [t.name, formatInteger(t.calls), formatInteger(t.failed), ratio(t.failed, t.succeeded + t.failed), t.totalDurationMs === null ? formatNotAvailable() : formatDuration(t.totalDurationMs)]),
      ...(data.sections.tools && data.sections.tools.calls !== null
        ? { footer: ['Total', formatInteger(data.sections.tools.calls), formatInteger(data.sections.tools.failed), ratio(data.sections.tools.failed, data.sections.tools.succeeded + data.sections.tools.failed), data.sections.tools.totalDurationMs === null ? formatNotAvailable() : formatDuration(data.sections.tools.totalDurationMs)] }
        : {}),
    },
    ...(empty ? { empty } : {}),
  };
}

/** Wall time split into API time, tool time and idle time (wall minus busy), from the timing plugin's merged section. */
export function timeSplit(data: DashboardData): ChartSpec {
  const t = data.sections.timing;
  const wall = t?.wallTime.ms ?? null;
  const busy = t?.busyTime.ms ?? null;
  const idle = wall !== null && busy !== null ? Math.max(0, wall - busy) : null;
  const parts = [
    { name: 'API time', ms: t?.apiTime.ms ?? null, reason: t?.apiTime.reason },
    { name: 'Tool time', ms: t?.toolTime.ms ?? null, reason: t?.toolTime.reason },
    { name: 'Idle time', ms: idle, reason: t?.wallTime.reason ?? t?.busyTime.reason },
  ];
  const text = (ms: number | null, reason?: string | null) => (ms === null ? formatNotAvailable(reason ?? undefined) : formatDuration(ms));
  return {
    id: 'time-split',
    title: 'Where the time went',
    description: 'API time (requests), tool time (calls) and idle time (wall time when neither ran); requests and calls can overlap, so API and tool time may add up to more than the busy time.',
    type: 'bar',
    stacked: false,
    horizontal: true,
    unit: 'hours',
    labels: parts.map((p) => p.name),
    series: [{ name: 'Time', values: parts.map((p) => (p.ms === null ? null : p.ms / HOUR_MS)), color: 0 }],
    table: {
      caption: 'Where the time went',
      columns: ['Part', 'Time', 'Share of wall time'],
      numeric: [false, true, true],
      rows: [
        ...parts.map((p) => [p.name, text(p.ms, p.reason), p.ms !== null && wall ? ratio(p.ms, wall) : formatNotAvailable()]),
        ['Busy time', text(busy, t?.busyTime.reason), busy !== null && wall ? ratio(busy, wall) : formatNotAvailable()],
      ],
      footer: ['Wall time', text(wall, t?.wallTime.reason), wall ? '100.0%' : formatNotAvailable()],
    },
    ...(!t ? { empty: 'Not measured: no session in this range has a timing section (is the timing plugin switched off?).' } : parts.every((p) => p.ms === null) ? { empty: 'No durations recorded in this range.' } : {}),
  };
}

/** Cost per agent or per project, from `rad stats model --agent|--project X --json`. */
export function costByGroup(groups: readonly GroupUsage[], kind: 'agent' | 'project'): ChartSpec {
  const word = kind === 'agent' ? 'Agent' : 'Project';
  const none = kind === 'agent' ? '(no agent)' : '(no project)';
  const name = (g: GroupUsage) => g.name ?? none;
  const shown = groups.slice(0, SHOWN_BARS);
  const inside = groups.some((g) => g.inside);
  return {
    id: `cost-by-${kind}`,
    title: `Cost by ${kind}`,
    description:
      kind === 'agent'
        ? 'Priced cost of each agent’s sessions, highest first.'
        : `Priced cost of each project’s sessions, highest first${inside ? '; a project’s row leaves out the projects inside its folder, which have their own rows' : ''}.`,
    type: 'bar',
    stacked: false,
    horizontal: true,
    unit: 'usd',
    labels: shown.map(name),
    series: [{ name: 'Cost', values: shown.map((g) => g.pricedCostUsd), color: kind === 'agent' ? 4 : 5 }],
    table: {
      caption: `Cost by ${kind}`,
      columns: [word, 'Sessions', 'Requests', 'Tokens', 'Cost'],
      numeric: [false, true, true, true, true],
      rows: groups.map((g) => [name(g), formatInteger(g.sessions), formatInteger(g.requests), formatInteger(g.tokens), `${formatUsd(g.pricedCostUsd)}${g.unpriced ? ' + unpriced' : ''}`]),
    },
    ...(groups.length === 0 ? { empty: 'No sessions in this range.' } : {}),
  };
}
