import {
  ATTR_ERROR_TYPE,
  ATTR_GEN_AI_AGENT_NAME,
  ATTR_GEN_AI_CONVERSATION_ID,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_TOOL_NAME,
  ERROR_TYPE_VALUE_OTHER,
  GEN_AI_OPERATION_NAME_VALUE_CHAT,
  GEN_AI_OPERATION_NAME_VALUE_EXECUTE_TOOL,
  GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT,
} from '@opentelemetry/semantic-conventions/incubating';
import {
  nanoToUsd,
  sourceOf,
  toNanoUsd,
  type ApiErrorEvent,
  type ApiResponseEvent,
  type PriceQuote,
  type SessionEvent,
  type SessionReport,
  type ToolCallEvent,
} from '@radium-stats/core';
import { providerName } from './provider-name.js';
import { eventSpanIdOf, rootSpanIdOf, traceIdOf } from './span-ids.js';
import type { SpanAttributeValue, SpanRecord } from './span-record.js';
import { usageAttributes, type UsageTotals } from './usage-attributes.js';

/** Cost of the session's spans in USD; summed over every span of an export it is the cost `rad stats model` shows. */
export const ATTR_RAD_COST_USD = 'rad.cost.usd';
/** Why a response (or some of a legacy session's) had no price; such a span carries no cost. */
export const ATTR_RAD_COST_UNPRICED = 'rad.cost.unpriced_reason';

/** What one session's spans are made from. */
export interface SessionSpansInput {
  report: SessionReport;
  /** The session's journal events in order; empty when it has no journal (a legacy report). */
  events: readonly SessionEvent[];
  /** Prices one response with the workspace's price data, as the tokens plugin does. */
  quote: (event: ApiResponseEvent) => PriceQuote;
  /** The session's usage summed from its facts, put on the root span when there are no events to carry it. */
  totals?: UsageTotals;
}

const NS_PER_MS = 1_000_000n;

/** Epoch nanoseconds of an ISO time (whole milliseconds). */
function nsOf(iso: string): bigint {
  return BigInt(Date.parse(iso)) * NS_PER_MS;
}

/** Start and end of work that completed at `ts` after `durationMs` (a point in time when the source did not time it). */
function timed(ts: string, durationMs: number | undefined): { startNs: bigint; endNs: bigint } {
  const endNs = nsOf(ts);
  return { startNs: endNs - BigInt(Math.round((durationMs ?? 0) * 1e6)), endNs };
}

/** Attributes of a request's model: operation, provider and model. */
function chatAttributes(e: ApiResponseEvent | ApiErrorEvent): Record<string, SpanAttributeValue> {
  return {
    [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_NAME_VALUE_CHAT,
    [ATTR_GEN_AI_PROVIDER_NAME]: providerName(e.engine),
    [ATTR_GEN_AI_REQUEST_MODEL]: e.model,
    'rad.engine': e.engine,
  };
}

/** One response: its tokens (input including the cache, as the convention counts it) and its cost. */
function responseSpan(e: ApiResponseEvent, quote: PriceQuote): Omit<SpanRecord, 'traceId' | 'spanId'> {
  const attributes: Record<string, SpanAttributeValue> = {
    ...chatAttributes(e),
    ...usageAttributes({ input: e.tokens.input, output: e.tokens.output, cacheRead: e.tokens.cacheRead, cacheWrite: e.tokens.cacheWrite + e.tokens.cacheWrite1h, reasoning: e.tokens.reasoning }),
  };
  // Rounded to nano-dollars once per response, as the tokens plugin sums them, so the spans add up to its total.
  if (quote.costUsd === null) attributes[ATTR_RAD_COST_UNPRICED] = quote.unpricedReason ?? 'no price known';
  else attributes[ATTR_RAD_COST_USD] = nanoToUsd(toNanoUsd(quote.costUsd));
  if (e.agentId !== undefined) attributes['rad.subagent.id'] = e.agentId;
  return { name: `chat ${e.model}`, kind: 'client', ...timed(e.ts, e.durationMs), attributes, status: { code: 'unset' } };
}

/** One failed request: no tokens, an error status. */
function errorSpan(e: ApiErrorEvent): Omit<SpanRecord, 'traceId' | 'spanId'> {
  const attributes = { ...chatAttributes(e), [ATTR_ERROR_TYPE]: ERROR_TYPE_VALUE_OTHER };
  return { name: `chat ${e.model}`, kind: 'client', ...timed(e.ts, e.durationMs), attributes, status: { code: 'error', message: e.error } };
}

/** One tool call; a failed one has an error status and `error.type`. */
function toolSpan(e: ToolCallEvent): Omit<SpanRecord, 'traceId' | 'spanId'> {
  const attributes: Record<string, SpanAttributeValue> = {
    [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_NAME_VALUE_EXECUTE_TOOL,
    [ATTR_GEN_AI_TOOL_NAME]: e.name,
  };
  if (e.decision !== undefined) attributes['rad.tool.decision'] = e.decision;
  if (!e.success) attributes[ATTR_ERROR_TYPE] = ERROR_TYPE_VALUE_OTHER;
  const status: SpanRecord['status'] = e.success ? { code: 'unset' } : { code: 'error', ...(e.error ? { message: e.error } : {}) };
  return { name: `execute_tool ${e.name}`, kind: 'internal', ...timed(e.ts, e.durationMs), attributes, status };
}

/** The span an event becomes, or undefined for events that are not requests or tool calls. */
function eventSpan(event: SessionEvent, quote: SessionSpansInput['quote']): Omit<SpanRecord, 'traceId' | 'spanId'> | undefined {
  if (event.type === 'api.response') return responseSpan(event as ApiResponseEvent, quote(event as ApiResponseEvent));
  if (event.type === 'api.error') return errorSpan(event as ApiErrorEvent);
  if (event.type === 'tool.call') return toolSpan(event as ToolCallEvent);
  return undefined;
}

/** When the session ended, or for one without an end yet its last event; never before its start. */
function endNsOf(report: SessionReport, events: readonly SessionEvent[]): bigint {
  let last = nsOf(report.startTime);
  const times = report.endTime ? [report.endTime] : events.map((event) => event.ts);
  for (const ts of times) {
    const at = nsOf(ts);
    if (at > last) last = at;
  }
  return last;
}

/** Attributes of the session itself, on its root span. */
function rootAttributes(report: SessionReport, totals: UsageTotals | undefined): Record<string, SpanAttributeValue> {
  const attributes: Record<string, SpanAttributeValue> = {
    [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT,
    [ATTR_GEN_AI_CONVERSATION_ID]: report.sessionId,
    'rad.source': sourceOf(report.source),
    'rad.session.status': report.status,
  };
  if (report.agent !== undefined) attributes[ATTR_GEN_AI_AGENT_NAME] = report.agent;
  if (report.workspace !== undefined) attributes['rad.project'] = report.workspace;
  if (totals) {
    Object.assign(attributes, usageAttributes(totals), { 'rad.usage.requests': totals.requests });
    if (totals.costNanoUsd > 0 || totals.unpricedRequests === 0) attributes[ATTR_RAD_COST_USD] = nanoToUsd(totals.costNanoUsd);
    if (totals.unpricedRequests > 0) attributes['rad.cost.unpriced_requests'] = totals.unpricedRequests;
  }
  return attributes;
}

/**
 * One trace per session: a root span `invoke_agent <agent>` for the whole session, and under it a
 * `chat <model>` span per API response or error and an `execute_tool <name>` span per tool call,
 * from its journal. A session without a journal gets the root span alone, with its usage summed
 * from its facts. Ids come from the session id and the event's place in the journal.
 */
export function sessionSpans(input: SessionSpansInput): SpanRecord[] {
  const { report, events } = input;
  const traceId = traceIdOf(report.sessionId);
  const rootId = rootSpanIdOf(report.sessionId);
  const children: SpanRecord[] = [];
  events.forEach((event, index) => {
    const span = eventSpan(event, input.quote);
    if (span) children.push({ ...span, traceId, spanId: eventSpanIdOf(report.sessionId, index), parentSpanId: rootId });
  });
  const root: SpanRecord = {
    traceId,
    spanId: rootId,
    name: report.agent ? `${GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT} ${report.agent}` : GEN_AI_OPERATION_NAME_VALUE_INVOKE_AGENT,
    kind: 'internal',
    startNs: nsOf(report.startTime),
    endNs: endNsOf(report, events),
    // Usage goes on the root only when no child span carries it, so every token and cent is on one span.
    attributes: rootAttributes(report, events.length === 0 ? input.totals : undefined),
    status: { code: 'unset' },
  };
  return [root, ...children];
}
