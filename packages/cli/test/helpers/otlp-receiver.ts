import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import protobuf from 'protobufjs';
import { CLI_ROOT } from './rad.js';

/** An attribute value as both encodings carry it, normalized. */
export type AttributeValue = string | number | boolean;

/** One span as the receiver decoded it: ids in hex, times in epoch nanoseconds (as strings: they pass 2^53). */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  /** OTLP's SpanKind: 1 internal, 3 client. */
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: Record<string, AttributeValue>;
  /** OTLP's StatusCode: 0 unset, 2 error. */
  status: { code: number; message: string };
  resource: Record<string, AttributeValue>;
  scope: string;
}

/** One request the receiver took. */
export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  contentType: string;
  spans: ReceivedSpan[];
}

/** The official OTLP definitions (test/fixtures/otlp-proto), loaded once. */
let requestType: protobuf.Type | undefined;
function exportRequestType(): protobuf.Type {
  if (requestType) return requestType;
  const root = new protobuf.Root();
  const dir = path.join(CLI_ROOT, 'test', 'fixtures', 'otlp-proto');
  root.resolvePath = (_origin, target) => path.join(dir, target);
  root.loadSync('opentelemetry/proto/collector/trace/v1/trace_service.proto', { keepCase: false });
  requestType = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest');
  return requestType;
}

/** Plain object shapes both decoders give (protobuf through toObject, JSON as parsed). */
interface AnyValueObject {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number;
}
interface KeyValueObject {
  key: string;
  value?: AnyValueObject;
}
interface SpanObject {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  startTimeUnixNano: string | number;
  endTimeUnixNano: string | number;
  attributes?: KeyValueObject[];
  status?: { code?: number; message?: string };
}
interface RequestObject {
  resourceSpans?: { resource?: { attributes?: KeyValueObject[] }; scopeSpans?: { scope?: { name?: string }; spans?: SpanObject[] }[] }[];
}

function valueOf(value: AnyValueObject | undefined): AttributeValue {
  if (value?.stringValue !== undefined) return value.stringValue;
  if (value?.boolValue !== undefined) return value.boolValue;
  if (value?.intValue !== undefined) return Number(value.intValue);
  if (value?.doubleValue !== undefined) return value.doubleValue;
  throw new Error(`attribute value of an unexpected type: ${JSON.stringify(value)}`);
}

function attributesOf(list: KeyValueObject[] | undefined): Record<string, AttributeValue> {
  return Object.fromEntries((list ?? []).map((kv) => [kv.key, valueOf(kv.value)]));
}

function spansOf(request: RequestObject, hex: (id: string | undefined) => string): ReceivedSpan[] {
  const out: ReceivedSpan[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = attributesOf(resourceSpans.resource?.attributes);
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      for (const span of scopeSpans.spans ?? []) {
        out.push({
          traceId: hex(span.traceId),
          spanId: hex(span.spanId),
          parentSpanId: hex(span.parentSpanId),
          name: span.name,
          kind: span.kind ?? 0,
          startTimeUnixNano: String(span.startTimeUnixNano),
          endTimeUnixNano: String(span.endTimeUnixNano),
          attributes: attributesOf(span.attributes),
          status: { code: span.status?.code ?? 0, message: span.status?.message ?? '' },
          resource,
          scope: scopeSpans.scope?.name ?? '',
        });
      }
    }
  }
  return out;
}

/** Decodes an OTLP/HTTP trace request: protobuf with the official definitions, or OTLP/JSON (ids in hex there). */
export function decodeTraceRequest(contentType: string, body: Buffer): ReceivedSpan[] {
  if (contentType.startsWith('application/x-protobuf')) {
    const type = exportRequestType();
    const object = type.toObject(type.decode(body), { longs: String, enums: Number, bytes: String, defaults: false }) as RequestObject;
    return spansOf(object, (id) => Buffer.from(id ?? '', 'base64').toString('hex'));
  }
  if (contentType.startsWith('application/json')) return spansOf(JSON.parse(body.toString('utf8')) as RequestObject, (id) => id ?? '');
  throw new Error(`unexpected content type ${contentType}`);
}

/** A local OTLP/HTTP receiver on 127.0.0.1: records every request and answers with `status`. */
export class OtlpReceiver {
  readonly requests: ReceivedRequest[] = [];
  /** HTTP status of the next answers. */
  status = 200;
  private constructor(private readonly server: Server) {}

  /** Starts a receiver on a free port. */
  static async start(): Promise<OtlpReceiver> {
    let receiver: OtlpReceiver | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const contentType = req.headers['content-type'] ?? '';
        try {
          receiver!.requests.push({ path: req.url ?? '', headers: req.headers, contentType, spans: decodeTraceRequest(contentType, Buffer.concat(chunks)) });
        } catch (error) {
          res.writeHead(400).end(String(error));
          return;
        }
        // An empty ExportTraceServiceResponse is a full success in either encoding.
        const json = contentType.startsWith('application/json');
        res.writeHead(receiver!.status, { 'content-type': json ? 'application/json' : 'application/x-protobuf' }).end(json ? '{}' : '');
      });
    });
    receiver = new OtlpReceiver(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  /** Base URL, e.g. http://127.0.0.1:40123. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Every span received since the last `clear`. */
  get spans(): ReceivedSpan[] {
    return this.requests.flatMap((request) => request.spans);
  }

  /** Forgets what was received. */
  clear(): void {
    this.requests.length = 0;
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
