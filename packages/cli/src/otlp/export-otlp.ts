import { RadiumError, reportFacts, type ApiResponseEvent, type Host, type SessionReport } from '@radium-stats/core';
import { OtlpExportError } from '../errors.js';
import type { Progress } from '../output/progress.js';
import type { OtlpExportResultJson } from '../output/schemas.js';
import type { TracesEndpoint } from './endpoint.js';
import { warehouseSettings } from '../warehouse/settings.js';
import { resourceAttributes } from './resource-attributes.js';
import { redact, secretsOf } from './secrets.js';
import type { OtlpProtocol } from './protocol.js';
import { openSpanSender } from './send-spans.js';
import { sessionSpans } from './session-spans.js';
import type { SpanRecord } from './span-record.js';
import { USAGE_FACTS, usageTotals, type UsageTotals } from './usage-attributes.js';

/** Spans per request: the batch size of the SDK's BatchSpanProcessor, so a receiver's default limits hold. */
const SPANS_PER_REQUEST = 512;

/** What an OTLP export sends. */
export interface OtlpExportOptions {
  host: Host;
  /** Sessions to send, in order. */
  ids: readonly string[];
  endpoint: TracesEndpoint;
  protocol: OtlpProtocol;
  /** rad's version, for `service.version` and the instrumentation scope. */
  version: string;
  env: NodeJS.ProcessEnv;
  progress: Progress;
}

/** What was sent (`rad stats export --format otlp --json`, schema/otlp-export-result.schema.json). */
export type OtlpExportResult = OtlpExportResultJson;

/** A session's usage from its facts (the tokens plugin's `usage` rows), for a session without a journal. */
function totalsOf(report: SessionReport, host: Host): UsageTotals | undefined {
  const rows = reportFacts(report, host.plugins)[USAGE_FACTS.plugin]?.[USAGE_FACTS.table];
  return rows ? usageTotals(rows) : undefined;
}

/** A failure as one short line: an HTTP status with its text, or the network error's message. */
function reasonOf(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  const message = typeof e?.message === 'string' ? e.message.split('\n')[0]!.trim() : String(error);
  if (typeof e?.code === 'number') return `HTTP ${e.code}${message ? ` ${message}` : ''}`;
  return message || 'no reason given';
}

/**
 * Sends the sessions as traces (see session-spans.ts), SPANS_PER_REQUEST spans per request. A
 * session that went bad since it was listed is skipped with a warning, as `export` does; a failed
 * request stops the export with OtlpExportError, whose message never holds a credential.
 */
export async function exportOtlp(options: OtlpExportOptions): Promise<OtlpExportResult> {
  const { host, endpoint } = options;
  const prices = await host.services.prices();
  const quote = (e: ApiResponseEvent) => prices.quote({ model: e.model, engine: e.engine, tokens: e.tokens, at: e.ts });
  const identity = warehouseSettings(host.config, options.env, host.warnings.warn);
  const attributes = await resourceAttributes({ version: options.version, git: host.services.git, identity });
  const sender = await openSpanSender({ protocol: options.protocol, url: endpoint.url, attributes, scope: { name: '@radium-stats/cli', version: options.version } });
  const pending: SpanRecord[] = [];
  // Span count at which each session read so far is wholly sent, to say how far a failed export got.
  const sessionEnds: number[] = [];
  let queued = 0;
  let sent = 0;
  const flush = async (all: boolean) => {
    while (pending.length >= SPANS_PER_REQUEST || (all && pending.length > 0)) {
      const batch = pending.splice(0, SPANS_PER_REQUEST);
      try {
        await sender.send(batch);
      } catch (error) {
        const done = sessionEnds.filter((end) => end <= sent).length;
        throw new OtlpExportError(endpoint.shown, redact(reasonOf(error), secretsOf(options.env, endpoint.url)), done, options.ids.length);
      }
      sent += batch.length;
    }
  };
  try {
    for (const id of options.ids) {
      try {
        const { report } = await host.store.loadInBulk(id);
        const events = await host.store.eventsSince(id, -Infinity);
        const spans = sessionSpans({ report, events, quote, totals: events.length === 0 ? totalsOf(report, host) : undefined });
        pending.push(...spans);
        queued += spans.length;
        sessionEnds.push(queued);
      } catch (error) {
        if (!(error instanceof RadiumError)) throw error;
        host.warnings.warn(error.message);
      } finally {
        options.progress.tick();
      }
      await flush(false);
    }
    await flush(true);
  } finally {
    await sender.close().catch(() => {});
  }
  return { endpoint: endpoint.shown, protocol: options.protocol, sessions: sessionEnds.length, spans: queued };
}
