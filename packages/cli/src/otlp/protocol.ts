import { UsageError } from '@radium-stats/core';

/** OTLP/HTTP encodings rad sends: protobuf (the OpenTelemetry SDKs' default) or JSON. */
export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;
/** One of OTLP_PROTOCOLS. */
export type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];

const isProtocol = (value: string): value is OtlpProtocol => (OTLP_PROTOCOLS as readonly string[]).includes(value);

/**
 * `--protocol`, else OTEL_EXPORTER_OTLP_TRACES_PROTOCOL, else OTEL_EXPORTER_OTLP_PROTOCOL, else
 * http/protobuf. A variable naming another protocol (grpc) is a usage error: rad speaks OTLP/HTTP only.
 */
export function resolveProtocol(flag: string | undefined, env: NodeJS.ProcessEnv): OtlpProtocol {
  if (flag !== undefined && isProtocol(flag)) return flag;
  for (const name of ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL']) {
    const value = env[name]?.trim();
    if (!value) continue;
    if (isProtocol(value)) return value;
    throw new UsageError(`${name} is ${JSON.stringify(value)}, but rad sends OTLP over HTTP only: pass --protocol ${OTLP_PROTOCOLS.join(' or --protocol ')}, or unset ${name}.`);
  }
  return 'http/protobuf';
}
