import { SpanKind, SpanStatusCode, TraceFlags, type Attributes, type HrTime } from '@opentelemetry/api';
import type { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { detectResources, envDetector, resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import type { OtlpProtocol } from './protocol.js';
import type { SpanRecord } from './span-record.js';

/** The SDK's span type, as the exporters take it. */
type ReadableSpan = Parameters<OTLPTraceExporter['export']>[0][number];

/** `ExportResultCode.SUCCESS` of @opentelemetry/core, which the exporters report with. */
const EXPORT_SUCCESS = 0;
const NS_PER_S = 1_000_000_000n;

/** Epoch nanoseconds as the SDK's [seconds, nanoseconds]. */
const hrTime = (ns: bigint): HrTime => [Number(ns / NS_PER_S), Number(ns % NS_PER_S)];

/** Sends spans with one of the official OTLP/HTTP trace exporters. */
export interface SpanSender {
  /** Posts the spans as one request; rejects with the exporter's error when the receiver is down or answers non-2xx (after its own retries of 429, 502-504 and dropped connections). */
  send(spans: readonly SpanRecord[]): Promise<void>;
  /** Lets go of the exporter's connections. */
  close(): Promise<void>;
}

/** Loads the exporter of one protocol only: each pulls in its own serializer. */
async function createExporter(protocol: OtlpProtocol, url: string): Promise<OTLPTraceExporter> {
  const module = protocol === 'http/json' ? await import('@opentelemetry/exporter-trace-otlp-http') : await import('@opentelemetry/exporter-trace-otlp-proto');
  // Headers, timeout and compression come from the standard OTEL_EXPORTER_OTLP_* variables, read by the exporter itself.
  return new module.OTLPTraceExporter({ url });
}

/** The resource every span shares: rad's attributes, overridden by OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME as the SDKs do. */
function resourceOf(attributes: Attributes): Resource {
  return resourceFromAttributes(attributes).merge(detectResources({ detectors: [envDetector] }));
}

/** A span record as the SDK's finished span. */
function toReadableSpan(span: SpanRecord, resource: Resource, scope: { name: string; version: string }): ReadableSpan {
  const context = { traceId: span.traceId, spanId: span.spanId, traceFlags: TraceFlags.SAMPLED };
  return {
    name: span.name,
    kind: span.kind === 'client' ? SpanKind.CLIENT : SpanKind.INTERNAL,
    spanContext: () => context,
    ...(span.parentSpanId ? { parentSpanContext: { traceId: span.traceId, spanId: span.parentSpanId, traceFlags: TraceFlags.SAMPLED } } : {}),
    startTime: hrTime(span.startNs),
    endTime: hrTime(span.endNs),
    duration: hrTime(span.endNs - span.startNs),
    status: span.status.code === 'error' ? { code: SpanStatusCode.ERROR, ...(span.status.message ? { message: span.status.message } : {}) } : { code: SpanStatusCode.UNSET },
    attributes: span.attributes,
    links: [],
    events: [],
    ended: true,
    resource,
    instrumentationScope: scope,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

/** Opens a sender to `url`; `attributes` describe who sent the spans (service, team, developer, machine). */
export async function openSpanSender(options: { protocol: OtlpProtocol; url: string; attributes: Attributes; scope: { name: string; version: string } }): Promise<SpanSender> {
  const exporter = await createExporter(options.protocol, options.url);
  const resource = resourceOf(options.attributes);
  return {
    send: (spans) =>
      new Promise<void>((resolve, reject) => {
        exporter.export(
          spans.map((span) => toReadableSpan(span, resource, options.scope)),
          (result) => (result.code === EXPORT_SUCCESS ? resolve() : reject(result.error ?? new Error('the exporter gave no reason'))),
        );
      }),
    close: () => exporter.shutdown(),
  };
}
