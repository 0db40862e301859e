import type { ActivePlugin, SessionReport } from '@radium-stats/core';

/** The report as `--json` and export show it: the envelope plus the sections of plugins switched on. */
export function activeReport(report: SessionReport, plugins: readonly ActivePlugin[]): SessionReport {
  const sections: Record<string, unknown> = {};
  for (const { plugin } of plugins) {
    if (report.sections[plugin.id] !== undefined) sections[plugin.id] = report.sections[plugin.id];
  }
  return { ...report, plugins: report.plugins.filter((id) => id in sections), sections };
}
