import type { SessionEvent, SessionStartEvent } from '../events/schema.js';
import type { AnyMetricPlugin, Collector, FinishInfo, HostServices } from '../plugin/contract.js';
import { REPORT_SCHEMA_VERSION, type SessionReport } from './schema.js';
import { storableSection } from './storable.js';
import { factRowsProblem, pickFactColumns } from './fact-rows.js';
import type { FactRows } from '../plugin/facts.js';
import { trackPrices } from './track-prices.js';

/** A plugin switched on for this run, with its options from config. */
export interface ActivePlugin {
  plugin: AnyMetricPlugin;
  options: Record<string, unknown>;
}

/** Everything a fold needs besides the events. */
export interface FoldInput {
  sessionId: string;
  workspace: string;
  plugins: readonly ActivePlugin[];
  services: HostServices;
  /** Status to give a session whose events have no `session.end`. */
  openStatus: 'live' | 'abandoned';
  /** Where the events came from (`journal`, `import:claude-code`). */
  source: string;
  /** Clock, for tests. */
  now?: () => Date;
  /** Lines skipped while reading the events, recorded in the report. */
  skippedLines?: () => number;
}

/** Runs a plugin call so that a throwing plugin costs only its own section, with a warning naming it. */
export async function guard<T>(pluginId: string, what: string, warn: (m: string) => void, run: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    warn(`Plugin ${pluginId} failed in ${what} (${(error as Error)?.message ?? String(error)}); its section is left out.`);
    return undefined;
  }
}

/** Folds a session's events through every active plugin's collector into one report. */
export async function foldSession(events: AsyncIterable<SessionEvent> | Iterable<SessionEvent>, input: FoldInput): Promise<SessionReport> {
  const warn = input.services.warn;
  const prices = trackPrices(input.services);
  const collectors: { id: string; plugin: AnyMetricPlugin; collector: Collector<unknown> }[] = [];
  for (const { plugin, options } of input.plugins) {
    const collector = await guard(plugin.id, 'createCollector', warn, () =>
      plugin.createCollector({ sessionId: input.sessionId, workspace: input.workspace, options, services: prices.services }),
    );
    if (collector) collectors.push({ id: plugin.id, plugin, collector });
  }
  let start: SessionStartEvent | undefined;
  let firstTs: string | undefined;
  let lastTs: string | undefined;
  let endTs: string | null = null;
  let count = 0;
  const failed = new Set<string>();
  for await (const event of events) {
    count += 1;
    firstTs ??= event.ts;
    if (!lastTs || Date.parse(event.ts) > Date.parse(lastTs)) lastTs = event.ts;
    if (event.type === 'session.start' && !start) start = event as SessionStartEvent;
    if (event.type === 'session.end') endTs = event.ts;
    for (const { id, collector } of collectors) {
      if (failed.has(id)) continue;
      try {
        collector.add(event);
      } catch (error) {
        failed.add(id);
        warn(`Plugin ${id} failed on a ${event.type} event (${(error as Error)?.message ?? String(error)}); its section is left out.`);
      }
    }
  }
  const now = (input.now ?? (() => new Date()))().toISOString();
  const startTime = start?.ts ?? firstTs ?? now;
  const info: FinishInfo = {
    startTime,
    endTime: endTs,
    status: endTs ? 'ended' : input.openStatus,
    now: endTs ? endTs : input.openStatus === 'live' ? now : (lastTs ?? now),
  };
  const sections: Record<string, unknown> = {};
  const facts: Record<string, FactRows> = {};
  for (const { id, plugin, collector } of collectors) {
    if (failed.has(id)) continue;
    const section = await guard(id, 'finish', warn, () => collector.finish(info));
    if (section === undefined || !storableSection(plugin, section, warn)) continue;
    sections[id] = section;
    if (!plugin.facts || !collector.facts) continue;
    const rows = await guard(id, 'facts', warn, () => collector.facts!());
    const problem = rows === undefined ? 'no rows' : factRowsProblem(plugin.facts.tables, rows);
    if (problem === undefined) facts[id] = pickFactColumns(plugin.facts.tables, rows!);
    else if (rows !== undefined) warn(`Plugin ${id} produced fact rows that cannot be stored (${problem}); its section is kept without them.`);
  }
  const report: SessionReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    sessionId: input.sessionId,
    startTime,
    endTime: endTs,
    status: info.status,
    source: input.source,
    generatedAt: now,
    plugins: Object.keys(sections),
    sections,
    eventCount: count,
  };
  if (Object.keys(facts).length > 0) report.facts = facts;
  const pricing = await prices.pricing();
  if (pricing) report.pricing = pricing;
  if (start?.agent) report.agent = start.agent;
  report.workspace = start?.workspace ?? input.workspace;
  const skipped = input.skippedLines?.() ?? 0;
  if (skipped > 0) report.skippedLines = skipped;
  return report;
}
