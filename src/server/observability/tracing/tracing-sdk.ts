import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import { BackgroundRootSampler, configuredSampler } from './background-root-sampler';
import { QueryStrippingSpanProcessor } from './query-stripping-span-processor';
import { addRequestFacts } from './request-span-attributes';

/** A running tracer provider; `shutdown` exports what is buffered and never rejects. */
export interface RunningTracing {
  shutdown(): Promise<void>;
}

/** At most one line per distinct message per this interval: a collector that is down fails every batch. */
const REPEAT_AFTER_MS = 60_000;

/** A failed export reaches the logger as a serialised error (JSON with its stack): its message is enough. */
function readable(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value !== 'string') return JSON.stringify(value);
  try {
    const parsed = JSON.parse(value) as { message?: unknown };
    if (typeof parsed.message === 'string') return `an export failed: ${parsed.message}`;
  } catch {
    // plain text
  }
  return value;
}

/**
 * The SDK's own warnings and errors (an export that failed, a bad OTEL_*
 * value) as log lines prefixed `tracing:`, each message at most once a
 * minute; without a logger OpenTelemetry says nothing at all.
 */
function diagnostics(warn: (line: string) => void): DiagLogger {
  const lastSeen = new Map<string, number>();
  const report = (message: string, ...args: unknown[]) => {
    // An error naming the endpoint must not print its user:password.
    const line = [readable(message), ...args.map(readable)]
      .join(' ')
      .replace(/\/\/[^/@\s"]+@/g, '//')
      .slice(0, 500);
    const now = Date.now();
    if ((lastSeen.get(line) ?? -Infinity) > now - REPEAT_AFTER_MS) return;
    lastSeen.set(line, now);
    warn(`tracing: ${line} (spans are dropped, requests are not affected; see docs/troubleshooting.md, "Traces")`);
  };
  const ignore = () => undefined;
  return { error: report, warn: report, info: ignore, debug: ignore, verbose: ignore };
}

/**
 * The Node SDK: W3C trace context, the sampler OTEL_TRACES_SAMPLER names
 * minus background traces (BackgroundRootSampler), a batch processor
 * exporting OTLP/HTTP JSON behind one that strips query strings, and the
 * instrumentations. They hook `require`, so this must run before http,
 * express, pg and @nestjs/core are first loaded.
 */
export function startTracingSdk(env: NodeJS.ProcessEnv, serviceName: string, warn: (line: string) => void): RunningTracing {
  diag.setLogger(diagnostics(warn), DiagLogLevel.WARN);
  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName })),
    sampler: new BackgroundRootSampler(configuredSampler(env)),
    spanProcessors: [new QueryStrippingSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter()))],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ applyCustomAttributesOnSpan: addRequestFacts }),
      // Routers and handlers only: a span for each of the dozen middleware every request passes (headers,
      // cookies, CSRF, body checks…) says nothing the request's own spans do not, and without them the
      // bench's traced app exported 42 % fewer bytes (docs/performance.md, "the cost of logs, metrics and tracing").
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      new NestInstrumentation(),
      // Only inside a request, job or delivery: the job runner's polling and the outbox relay would otherwise make a trace per query.
      new PgInstrumentation({ requireParentSpan: true }),
      // Prisma's own spans (prisma:client:operation with the model and method, then compile, serialize and
      // db_query); checked with 6.19's query compiler and driver adapter, the pg spans nest under db_query.
      new PrismaInstrumentation(),
    ],
  });
  return {
    shutdown: () => provider.shutdown().catch((error: unknown) => warn(`tracing: the last spans were not exported: ${String(error)}`)),
  };
}
