import type { ActivePlugin, FieldRow, SessionReport, ViewBlock } from '@radium-stats/core';
import { arrangeBlocks } from './arrange-blocks.js';
import { checkBlocks } from './check-blocks.js';
import { guardReport } from './guard.js';

/** Title and order of the block the CLI puts the session id in; plugins add their rows to it. */
export const SUMMARY_TITLE = 'Interaction Summary';

const STATUS_TEXT: Record<SessionReport['status'], string | undefined> = {
  ended: undefined,
  live: 'live (still recording)',
  abandoned: 'abandoned (stopped without session.end)',
};

/** The rows the CLI itself contributes: the id, and the status when the session has not ended cleanly. */
function hostRows(report: SessionReport): FieldRow[] {
  const rows: FieldRow[] = [{ label: 'Session ID', value: report.sessionId, order: 0 }];
  const status = STATUS_TEXT[report.status];
  if (status) rows.push({ label: 'Status', value: status, order: 1 });
  return rows;
}

/** Blocks of `rad stats session`: each active plugin's `report.session`, merged and sorted. */
export function sessionBlocks(report: SessionReport, plugins: readonly ActivePlugin[], warn: (message: string) => void): ViewBlock[] {
  const blocks: ViewBlock[] = [{ kind: 'fields', title: SUMMARY_TITLE, order: 10, rows: hostRows(report) }];
  for (const { plugin } of plugins) {
    const section = report.sections[plugin.id];
    const render = plugin.report.session;
    if (section === undefined || !render) continue;
    const out = guardReport(plugin.id, 'report.session', warn, () => render.call(plugin.report, section));
    if (out !== undefined) blocks.push(...checkBlocks(plugin.id, 'report.session', out, warn));
  }
  return arrangeBlocks(blocks);
}
