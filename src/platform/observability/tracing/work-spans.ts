import {
  type Attributes,
  context,
  type Link,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

/** The attribute naming the component a span's work belongs to (as on request spans). */
export const COMPONENT_ATTRIBUTE = 'app.component';

/** `@opentelemetry/api` calls are no-ops until tracing registers a provider (src/server/observability/tracing/). */
const tracer = trace.getTracer('component-platform');

/** Ends `span` with the work's outcome: an error status and the exception when it threw. */
async function endWith<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Runs a job, schedule run or event delivery as the root of a trace of its
 * own (consumer kind, `app.component`): its SQL and mail spans nest under it.
 * `links`: the publishing span, for a delivery (linkTo).
 */
export function inWorkSpan<T>(
  name: string,
  component: string,
  attributes: Attributes,
  work: () => Promise<T>,
  links: Link[] = [],
): Promise<T> {
  const options = { kind: SpanKind.CONSUMER, root: true, links, attributes: { [COMPONENT_ATTRIBUTE]: component, ...attributes } };
  return tracer.startActiveSpan(name, options, (span) => endWith(span, work));
}

/** A client span (`smtp send`, ...) under the active span. */
export function inClientSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, (span) => endWith(span, work));
}

/**
 * The active span as a W3C `traceparent`, for an event envelope to carry to
 * its deliveries; undefined when tracing is off or nothing is being traced.
 */
export function currentTraceparent(): string | undefined {
  const carrier: { traceparent?: string } = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** A link to the span a `traceparent` names (currentTraceparent), or none when absent or unreadable. */
export function linkTo(traceparent: string | undefined): Link[] {
  if (!traceparent) return [];
  const spanContext = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent }));
  return spanContext && trace.isSpanContextValid(spanContext) ? [{ context: spanContext }] : [];
}
