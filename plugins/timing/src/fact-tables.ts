import type { FactColumn, FactTable } from '@radium-stats/core';

/** The durations of a section, by the prefix of their fact columns. */
export const TIMING_PARTS = { wall: 'wallTime', api: 'apiTime', tool: 'toolTime', active: 'agentActive', busy: 'busyTime' } as const;

/** Prefix of a duration's fact columns. */
export type TimingPart = keyof typeof TIMING_PARTS;

const titles: Record<TimingPart, string> = { wall: 'Wall time', api: 'API time', tool: 'Tool time', active: 'Agent active time', busy: 'Busy time' };
const parts = Object.keys(TIMING_PARTS) as TimingPart[];
const count = (name: string, description: string): FactColumn => ({ name, type: 'integer', description });

/** One row per session: its durations, whether each was known, and why not. */
export const timingSessionsTable: FactTable = {
  name: 'timing_sessions',
  description: 'One row per session, in the 15-minute bucket of its start: its wall, API, tool, agent active and busy time',
  dimensions: parts.map((p) => ({ name: `${p}_reason`, type: 'text', description: `Why ${titles[p].toLowerCase()} is not known; null when it is` })),
  measures: [
    count('sessions', 'Sessions (1 per row)'),
    count('live_sessions', '1 when the session was still running when folded (its wall time runs to then)'),
    ...parts.flatMap((p): FactColumn[] => [
      { name: `${p}_ms`, type: 'real', description: `${titles[p]} in milliseconds; 0 when not known (real: durations may carry fractions)` },
      count(`${p}_unknown`, `1 when ${titles[p].toLowerCase()} is not known (the section's unrecordedSessions)`),
    ]),
    count('api_timed', 'API requests (responses and errors) that carried a duration'),
    count('api_untimed', 'API requests without a duration'),
    count('tool_timed', 'Tool calls that carried a duration'),
    count('tool_untimed', 'Tool calls without a duration'),
  ],
};

/** The tables of the timing plugin. */
export const timingFactTables: FactTable[] = [timingSessionsTable];
