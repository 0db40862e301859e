import { OtlpEndpointError } from '../errors.js';

/** Path OTLP/HTTP receivers take traces on, below the base endpoint. */
export const TRACES_PATH = 'v1/traces';

/** Where spans go, and where that was set. */
export interface TracesEndpoint {
  /** The full URL spans are posted to. */
  url: string;
  /** The URL as messages may show it: no user, password or query (they can carry credentials). */
  shown: string;
  /** The flag or variable that set it. */
  from: string;
}

/** A variable's value, or undefined when unset or empty (as the OpenTelemetry SDKs read them). */
function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** The URL without credentials or query, for messages. */
export function shownUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** Parses an http(s) URL; anything else is a usage error naming where it came from (never echoing it: it may hold a token). */
function httpUrl(text: string, from: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new OtlpEndpointError(`${from} is not an http or https URL`);
  return url;
}

/** A base endpoint with the traces path appended, as OTEL_EXPORTER_OTLP_ENDPOINT is read; a URL already ending in it is kept. */
function withTracesPath(base: URL): URL {
  if (base.pathname.endsWith(`/${TRACES_PATH}`)) return base;
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${TRACES_PATH}`;
  return url;
}

/**
 * The traces URL: `--endpoint` (a base URL, like OTEL_EXPORTER_OTLP_ENDPOINT), else
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (used as it is), else OTEL_EXPORTER_OTLP_ENDPOINT plus
 * `/v1/traces`. With none of them it is a usage error: spans are never sent to a default address.
 */
export function resolveTracesEndpoint(flag: string | undefined, env: NodeJS.ProcessEnv): TracesEndpoint {
  const make = (url: URL, from: string): TracesEndpoint => ({ url: url.href, shown: shownUrl(url), from });
  if (flag !== undefined) return make(withTracesPath(httpUrl(flag, '--endpoint')), '--endpoint');
  const traces = envValue(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  if (traces !== undefined) return make(httpUrl(traces, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'), 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const base = envValue(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (base !== undefined) return make(withTracesPath(httpUrl(base, 'OTEL_EXPORTER_OTLP_ENDPOINT')), 'OTEL_EXPORTER_OTLP_ENDPOINT');
  throw new OtlpEndpointError('--format otlp needs a receiver');
}
