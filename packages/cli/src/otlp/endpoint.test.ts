import { describe, expect, it } from 'vitest';
import { resolveTracesEndpoint } from './endpoint.js';
import { resolveProtocol } from './protocol.js';
import { redact, secretsOf } from './secrets.js';

describe('the OTLP receiver of an export', () => {
  it('adds /v1/traces to a base URL from --endpoint or OTEL_EXPORTER_OTLP_ENDPOINT, and keeps a traces URL as it is', () => {
    expect(resolveTracesEndpoint('http://localhost:4318', {}).url).toBe('http://localhost:4318/v1/traces');
    expect(resolveTracesEndpoint('http://localhost:4318/otlp/', {}).url).toBe('http://localhost:4318/otlp/v1/traces');
    expect(resolveTracesEndpoint('https://otel.example/v1/traces', {}).url).toBe('https://otel.example/v1/traces');
    expect(resolveTracesEndpoint(undefined, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toMatchObject({ url: 'http://c:4318/v1/traces', from: 'OTEL_EXPORTER_OTLP_ENDPOINT' });
    // The signal's own variable is a full URL and wins over the base one; --endpoint wins over both.
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://base:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:4318/custom' };
    expect(resolveTracesEndpoint(undefined, env).url).toBe('http://traces:4318/custom');
    expect(resolveTracesEndpoint('http://flag:1', env).url).toBe('http://flag:1/v1/traces');
  });

  it('shows the URL without user, password or query', () => {
    expect(resolveTracesEndpoint('https://me:pw@otel.example:4318/base?api_key=k', {}).shown).toBe('https://otel.example:4318/base/v1/traces');
  });

  it('takes the protocol from --protocol, then the OTEL variables, else http/protobuf', () => {
    expect(resolveProtocol(undefined, {})).toBe('http/protobuf');
    expect(resolveProtocol(undefined, { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toBe('http/json');
    expect(resolveProtocol('http/protobuf', { OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' })).toBe('http/protobuf');
    expect(() => resolveProtocol(undefined, { OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' })).toThrow(/OTEL_EXPORTER_OTLP_TRACES_PROTOCOL is "grpc"/);
  });

  it('hides header values (as written and decoded) and URL credentials from any message', () => {
    const env = { OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20abc%2Fdef,x-short=ab', OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'api-key=k3y-value' };
    const secrets = secretsOf(env, 'https://robot:p%40ss@h/?token=t0ken');
    const text = 'Bearer abc/def Bearer%20abc%2Fdef k3y-value robot p@ss t0ken ab';
    expect(redact(text, secrets)).toBe('*** *** *** *** *** *** ab');
  });
});
