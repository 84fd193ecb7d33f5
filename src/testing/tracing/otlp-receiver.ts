import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { DEFAULT_WAIT_TIMEOUT_MS, waitUntil } from '../process/wait-until';

type AttributeValue = string | number | boolean | null | AttributeValue[];

/** A span as the receiver decoded it: hex ids, plain attribute values, the kind's name. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** Empty for a trace's root. */
  parentSpanId: string;
  name: string;
  kind: 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';
  attributes: Record<string, AttributeValue>;
  links: { traceId: string; spanId: string }[];
  /** 0 unset, 1 ok, 2 error. */
  statusCode: number;
  /** The resource's `service.name`. */
  service: string;
  /** The instrumentation scope that made it (`@opentelemetry/instrumentation-pg`, ...). */
  scope: string;
}

const KINDS: ReceivedSpan['kind'][] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

interface OtlpValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number;
  arrayValue?: { values?: OtlpValue[] };
}
interface OtlpKeyValue {
  key: string;
  value?: OtlpValue;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  attributes?: OtlpKeyValue[];
  links?: { traceId: string; spanId: string }[];
  status?: { code?: number };
}
interface ExportTraceServiceRequest {
  resourceSpans?: { resource?: { attributes?: OtlpKeyValue[] }; scopeSpans?: { scope?: { name?: string }; spans?: OtlpSpan[] }[] }[];
}

/** OTLP/JSON writes ids as hex; protobuf-JSON mappings write base64. Either way: lower-case hex. */
function hexId(id: string | undefined): string {
  if (!id) return '';
  return /^[0-9a-f]+$/i.test(id) && (id.length === 32 || id.length === 16) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex');
}

function valueOf(value: OtlpValue | undefined): AttributeValue {
  if (!value) return null;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(valueOf);
  return null;
}

function attributesOf(list: OtlpKeyValue[] | undefined): Record<string, AttributeValue> {
  return Object.fromEntries((list ?? []).map(({ key, value }) => [key, valueOf(value)]));
}

/** Every span of one export request. */
export function decodeExport(request: ExportTraceServiceRequest): ReceivedSpan[] {
  return (request.resourceSpans ?? []).flatMap((resourceSpans) => {
    const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name'] ?? '');
    return (resourceSpans.scopeSpans ?? []).flatMap(({ scope, spans }) =>
      (spans ?? []).map((span): ReceivedSpan => ({
        traceId: hexId(span.traceId),
        spanId: hexId(span.spanId),
        parentSpanId: hexId(span.parentSpanId),
        name: span.name,
        kind: KINDS[span.kind ?? 0] ?? 'unspecified',
        attributes: attributesOf(span.attributes),
        links: (span.links ?? []).map((link) => ({ traceId: hexId(link.traceId), spanId: hexId(link.spanId) })),
        statusCode: span.status?.code ?? 0,
        service,
        scope: scope?.name ?? '',
      })),
    );
  });
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  return request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
}

/**
 * A real OTLP/HTTP trace receiver on a free loopback port, as a collector
 * would be: `POST /v1/traces` with a JSON ExportTraceServiceRequest is
 * decoded and kept; anything else is refused (404, or 415 for protobuf,
 * which the app's exporter must not send). Point an app at `endpoint` with
 * OTEL_EXPORTER_OTLP_ENDPOINT.
 */
export class OtlpReceiver {
  /** Every span received so far, in arrival order. */
  readonly spans: ReceivedSpan[] = [];
  /** Export requests received, whatever their content. */
  exports = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<OtlpReceiver> {
    const receiver: { value?: OtlpReceiver } = {};
    const server = createServer((request, response) => {
      void (async () => {
        receiver.value!.exports += 1;
        if (request.method !== 'POST' || request.url !== '/v1/traces') return response.writeHead(404).end();
        if (!String(request.headers['content-type']).startsWith('application/json')) return response.writeHead(415).end();
        try {
          receiver.value!.spans.push(...decodeExport(JSON.parse((await bodyOf(request)).toString('utf8')) as ExportTraceServiceRequest));
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        } catch (error) {
          response.writeHead(400).end(String(error));
        }
      })();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    receiver.value = new OtlpReceiver(server);
    return receiver.value;
  }

  /** The OTLP/HTTP base URL (the exporter appends /v1/traces). */
  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The spans of one trace. */
  trace(traceId: string): ReceivedSpan[] {
    return this.spans.filter((span) => span.traceId === traceId);
  }

  /**
   * Waits until `find` returns a value for the spans received so far, and
   * returns it; fails after `timeoutMs` naming `awaited` and listing the
   * spans seen (a bound on a hang, not a measure of speed).
   */
  waitFor<T>(awaited: string, find: (spans: ReceivedSpan[]) => T | undefined, timeoutMs = DEFAULT_WAIT_TIMEOUT_MS): Promise<T> {
    return waitUntil(
      `the OTLP receiver to get ${awaited}`,
      () => {
        const found = find(this.spans);
        if (found !== undefined) return { done: true as const, value: found };
        const seen = this.spans.map((span) => `${span.name} [${span.traceId.slice(0, 8)}]`).join(', ');
        return { done: false as const, seen: `${this.spans.length} span(s): ${seen.slice(-2000) || 'none'}` };
      },
      { timeoutMs, intervalMs: 100 },
    );
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
