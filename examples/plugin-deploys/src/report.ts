import type { CompareRow, HistoryCell, PluginReporter, TableBlock, ViewBlock } from '@radium-stats/core';
import type { DeploysSection } from './section.js';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Environments, most deploys first, then by name. */
function environments(section: DeploysSection): [string, { deploys: number; failed: number }][] {
  return Object.entries(section.byEnvironment).sort(([a, x], [b, y]) => y.deploys - x.deploys || (a < b ? -1 : a > b ? 1 : 0));
}

/** `3 ( ✓ 2 x 1 )`, like the tool-call line of the session view. */
function outcome(deploys: number, failed: number): string {
  return `${integer.format(deploys)} ( ✓ ${integer.format(deploys - failed)} x ${integer.format(failed)} )`;
}

/** The per-environment table of `rad stats deploys`, with a TOTAL row. */
export function environmentTable(section: DeploysSection, title: string): TableBlock {
  return {
    kind: 'table',
    title,
    order: 50,
    columns: [{ header: 'Environment', width: 24 }, { header: 'Deploys', align: 'right', width: 10 }, { header: 'Failed', align: 'right', width: 10 }],
    rows: environments(section).map(([name, c]) => [name, integer.format(c.deploys), integer.format(c.failed)]),
    footer: [['TOTAL', integer.format(section.deploys), integer.format(section.failed)]],
  };
}

/** How the deploys section shows in every `rad stats` view. */
export const deploysReporter: PluginReporter<DeploysSection> = {
  session(section): ViewBlock[] {
    return [
      {
        kind: 'fields',
        title: 'Deploys',
        order: 50,
        rows: [
          { label: 'Deploys', value: outcome(section.deploys, section.failed) },
          ...environments(section).map(([name, c]) => ({ label: name, value: outcome(c.deploys, c.failed), indent: 1 })),
        ],
      },
    ];
  },
  compare(a, b): CompareRow[] {
    return [
      { section: 'Deploys', order: 70, label: 'Delta', unit: 'count', a: a.deploys, b: b.deploys, detail: { a: outcome(a.deploys, a.failed), b: outcome(b.deploys, b.failed) } },
      { section: 'Deploys', order: 70, label: 'Failed', unit: 'count', a: a.failed, b: b.failed },
    ];
  },
  history(section): HistoryCell[] {
    return [{ column: 'Deploys', value: integer.format(section.deploys), order: 50 }];
  },
  views: {
    deploys: (section, scope) => ({
      blocks: [environmentTable(section, scope.kind === 'all' ? `Deploys (all sessions: ${integer.format(scope.sessions)})` : `Deploys (session ${scope.sessionId ?? ''})`)],
      json: { scope, ...section },
    }),
  },
};
