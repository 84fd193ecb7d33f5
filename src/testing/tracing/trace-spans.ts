import type { ReceivedSpan } from './otlp-receiver';

/** Settings of an instance that exports to `endpoint`, in batches sent a tenth of a second after a span ends. */
export const exportingTo = (endpoint: string): Record<string, string> => ({
  OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
  OTEL_BSP_SCHEDULE_DELAY: '100',
  OTEL_SERVICE_NAME: 'traces-spec',
});

/** The server span of a request the instance answered with that route pattern and method. */
export const serverSpan = (spans: ReceivedSpan[], method: string, route: string): ReceivedSpan | undefined =>
  spans.find((span) => span.kind === 'server' && span.attributes['http.route'] === route && span.name === `${method} ${route}`);

/** Spans of `trace` whose parent is not in it (its roots). */
export const rootsOf = (trace: ReceivedSpan[]): ReceivedSpan[] =>
  trace.filter((span) => !trace.some((parent) => parent.spanId === span.parentSpanId));

/** Whether `span` descends from `ancestor` within `trace`. */
export function descendsFrom(trace: ReceivedSpan[], span: ReceivedSpan, ancestor: ReceivedSpan): boolean {
  for (let current: ReceivedSpan | undefined = span; current; current = trace.find((parent) => parent.spanId === current.parentSpanId)) {
    if (current.parentSpanId === ancestor.spanId) return true;
  }
  return false;
}

/** SQL spans (instrumentation-pg, stable database conventions: `db.system.name`, `db.query.text`). */
export const isSql = (span: ReceivedSpan): boolean => span.attributes['db.system.name'] === 'postgresql';
