import type { FactColumn, FactTable } from '@radium-stats/core';

const count = (name: string, description: string): FactColumn => ({ name, type: 'integer', description });
const reason = (name: string, description: string): FactColumn => ({ name, type: 'text', description });

/** Calls of one tool that completed in one 15-minute bucket of a session. */
export const toolCallsTable: FactTable = {
  name: 'tool_calls',
  description: "A session's calls of one tool that completed in one 15-minute bucket (by the call's ts)",
  dimensions: [{ name: 'tool', type: 'text', description: 'Tool name as the agent reported it; null for calls a report counted without tool names (original Radium)' }],
  measures: [
    count('calls', 'Tool calls'),
    count('succeeded', 'Calls that succeeded'),
    count('failed', 'Calls that failed'),
    count('timed_calls', 'Calls that carried a duration'),
    { name: 'duration_ms', type: 'real', description: 'Sum of the durations of the timed calls, in milliseconds (fractional: events may carry fractions)' },
    count('accepted', 'Calls the user accepted'),
    count('rejected', 'Calls the user rejected'),
    count('modified', 'Calls the user modified'),
    count('auto_accepted', 'Calls accepted automatically'),
  ],
};

/** One row per session: what its section knows, and why not. */
export const toolSessionsTable: FactTable = {
  name: 'tool_sessions',
  description: 'One row per session, in the 15-minute bucket of its start: whether its calls and decisions were recorded, and why not',
  dimensions: [
    reason('calls_reason', 'Why the session has no call count; null when it has one'),
    reason('duration_reason', 'Why the session has no total duration; null when it has one'),
    reason('decisions_reason', 'Why the session has no decision counts; null when it has them'),
  ],
  measures: [
    count('sessions', 'Sessions (1 per row)'),
    count('calls_recorded', '1 when the session recorded its tool calls'),
    count('unrecorded_sessions', 'Sessions whose calls were not recorded (the section\'s unrecordedSessions)'),
    count('decisions_recorded', '1 when the session recorded decisions'),
    count('tools_omitted', '1 when the session\'s per-tool list was dropped (a summary)'),
  ],
};

/** The tables of the tools plugin. */
export const toolsFactTables: FactTable[] = [toolCallsTable, toolSessionsTable];
