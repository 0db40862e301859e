/** An attribute value as OTLP carries it here. */
export type SpanAttributeValue = string | number | boolean;

/**
 * One span to send, in rad's own terms (ids as hex, times in epoch nanoseconds): the mapping from
 * sessions builds these without the OpenTelemetry SDK, which only the sender loads.
 */
export interface SpanRecord {
  /** 32 hex digits, shared by every span of one session. */
  traceId: string;
  /** 16 hex digits. */
  spanId: string;
  /** The root span's id, for a child span; absent on the root. */
  parentSpanId?: string;
  name: string;
  /** `client` for a call to a model provider, `internal` for work inside the agent. */
  kind: 'internal' | 'client';
  startNs: bigint;
  endNs: bigint;
  attributes: Record<string, SpanAttributeValue>;
  /** `error` with a message for a failed request or tool call; `unset` otherwise, as the convention asks. */
  status: { code: 'unset' | 'error'; message?: string };
}
