import { formatInteger, formatNotAvailable, formatPercent, type FieldRow, type TableBlock, type ViewBlock } from '@radium-stats/core';
import type { DecisionCounts, ToolsSection } from './section.js';
import { callsText, successRateText, timeCells, untimedNote } from './text.js';
import { agreementRate, decisionTotal } from './values.js';

/** Row orders in Interaction Summary: the spec's rows, then agreement after every row the spec shows. */
export const ROW_ORDER = { toolCalls: 20, successRate: 30, agreement: 90 } as const;
/** Block order of the Tool Usage table (after Model Usage at 30). */
export const TOOL_USAGE_ORDER = 50;

function agreementRows(d: DecisionCounts | null): FieldRow[] {
  const rate = agreementRate(d);
  if (!d || rate === null) return [];
  const agreed = d.accept + d.autoAccept;
  const total = decisionTotal(d);
  const at = ROW_ORDER.agreement;
  return [
    { label: 'User Agreement', value: `${formatPercent(rate)} (${formatInteger(agreed)} of ${formatInteger(total)} ${total === 1 ? 'decision' : 'decisions'})`, order: at },
    { label: 'Accepted', value: formatInteger(d.accept), indent: 1, order: at + 1 },
    { label: 'Auto-accepted', value: formatInteger(d.autoAccept), indent: 1, order: at + 2 },
    { label: 'Modified', value: formatInteger(d.modify), indent: 1, order: at + 3 },
    { label: 'Rejected', value: formatInteger(d.reject), indent: 1, order: at + 4 },
  ];
}

function toolUsageTable(s: ToolsSection): TableBlock {
  const rows = s.tools.map((t) => [t.name, formatInteger(t.calls), formatInteger(t.succeeded), formatInteger(t.failed), ...timeCells(t.timedCalls, t.totalDurationMs)]);
  const table: TableBlock = {
    kind: 'table',
    title: 'Tool Usage',
    order: TOOL_USAGE_ORDER,
    columns: [
      { header: 'Tool', width: 28 },
      { header: 'Calls', align: 'right', width: 8 },
      { header: '✓', align: 'right', width: 8 },
      { header: 'x', align: 'right', width: 8 },
      { header: 'Avg Time', align: 'right', width: 12 },
      { header: 'Total Time', align: 'right', width: 14 },
    ],
    rows,
  };
  if (s.tools.length > 1) {
    const calls = s.calls ?? 0;
    table.footer = [['TOTAL', formatInteger(calls), formatInteger(s.succeeded), formatInteger(s.failed), ...timeCells(s.timedCalls, s.totalDurationMs)]];
  }
  return table;
}

/** Blocks of `rad stats session`: summary rows, agreement when there were decisions, and the per-tool table. */
export function toolsSessionBlocks(s: ToolsSection): ViewBlock[] {
  const rows: FieldRow[] = [
    { label: 'Tool Calls', value: callsText(s), order: ROW_ORDER.toolCalls },
    { label: 'Success Rate', value: successRateText(s), order: ROW_ORDER.successRate },
    ...agreementRows(s.decisions),
  ];
  const blocks: ViewBlock[] = [{ kind: 'fields', title: 'Interaction Summary', order: 10, rows }];
  if ((s.calls ?? 0) === 0) return blocks;
  if (s.tools.length > 0) {
    blocks.push(toolUsageTable(s));
    const note = untimedNote(s);
    if (note) blocks.push({ kind: 'note', order: TOOL_USAGE_ORDER + 1, text: note });
  } else if (s.toolsOmitted) {
    blocks.push({ kind: 'note', title: 'Tool Usage', order: TOOL_USAGE_ORDER, text: formatNotAvailable('per-tool breakdown not kept in the summary index') });
  }
  return blocks;
}
