import { formatDurationShort, formatNotAvailable, type CompareRow, type FieldBlock, type HistoryCell, type PluginReporter } from '@radium-stats/core';
import type { TimingSection } from './section.js';
import { busyText, durationText, partText, wallText } from './text.js';

/** Position of the Performance section in `rad stats compare`. */
export const COMPARE_ORDER = 30;

/** The Performance block: the spec's four rows, then busy time. */
export function timingSessionBlocks(s: TimingSection): FieldBlock[] {
  return [
    {
      kind: 'fields',
      title: 'Performance',
      order: 20,
      rows: [
        { label: 'Wall Time', value: wallText(s), order: 10 },
        { label: 'Agent Active', value: durationText(s.agentActive), order: 20 },
        { label: 'API Time', value: partText(s.apiTime, s, 'requests'), indent: 1, order: 30 },
        { label: 'Tool Time', value: partText(s.toolTime, s, 'tool calls'), indent: 1, order: 40 },
        { label: 'Busy Time', value: busyText(s), order: 50 },
      ],
    },
  ];
}

/** Performance deltas (`Wall Time: -1h 54m (-46.2%)`), no per-session lines. */
export function compareTiming(a: TimingSection, b: TimingSection): CompareRow[] {
  const row = (label: string, pick: (s: TimingSection) => number | null): CompareRow => ({
    section: 'Performance',
    label,
    unit: 'duration',
    a: pick(a),
    b: pick(b),
    order: COMPARE_ORDER,
  });
  return [
    row('Wall Time', (s) => s.wallTime.ms),
    row('Agent Active', (s) => s.agentActive.ms),
    row('API Time', (s) => s.apiTime.ms),
    row('Tool Time', (s) => s.toolTime.ms),
  ];
}

/** The Duration column of `rad stats history` (`4h 9m`). */
export function timingHistory(s: TimingSection): HistoryCell[] {
  const wall = s.wallTime.ms;
  return [{ column: 'Duration', value: wall === null ? formatNotAvailable(s.wallTime.reason ?? undefined) : formatDurationShort(wall), order: 10 }];
}

/** How the timing section is shown. */
export const timingReporter: PluginReporter<TimingSection> = {
  session: timingSessionBlocks,
  compare: compareTiming,
  history: timingHistory,
};
