import type { CompareRow, HistoryCell, PluginReporter } from '@radium-stats/core';
import type { ToolsSection } from './section.js';
import { toolsSessionBlocks } from './session-view.js';
import { callCountText, successRateText } from './text.js';
import { successRate } from './values.js';

/** Position of the Tool Calls section in `rad stats compare`. */
export const COMPARE_ORDER = 40;

/** `Session A: 231` / `Session B: 145`, the call delta, then `Success Rate: 92.6% → 95.2%`. */
export function compareTools(a: ToolsSection, b: ToolsSection): CompareRow[] {
  return [
    { section: 'Tool Calls', label: 'Delta', unit: 'count', a: a.calls, b: b.calls, detail: { a: callCountText(a), b: callCountText(b) }, order: COMPARE_ORDER },
    { section: 'Tool Calls', label: 'Success Rate', unit: 'ratio', a: successRate(a).value, b: successRate(b).value, order: COMPARE_ORDER },
  ];
}

/** The Tool Calls and Success Rate columns of `rad stats history`. */
export function toolsHistory(s: ToolsSection): HistoryCell[] {
  return [
    { column: 'Tool Calls', short: 'Calls', value: callCountText(s), order: 20 },
    { column: 'Success Rate', short: 'Success', value: successRateText(s), order: 30, drop: 2 },
  ];
}

/** How the tools section is shown. */
export const toolsReporter: PluginReporter<ToolsSection> = {
  session: toolsSessionBlocks,
  compare: compareTools,
  history: toolsHistory,
};
