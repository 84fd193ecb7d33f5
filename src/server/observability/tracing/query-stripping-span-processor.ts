import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Attributes that hold a URL or a request target: kept without the query, the fragment and any user:password. */
const URL_ATTRIBUTES = ['url.full', 'http.url', 'http.target'];
/** Attributes that hold the query alone: dropped. */
const QUERY_ATTRIBUTES = ['url.query'];

/** `https://user:pw@host/path?token=…#x` -> `https://host/path`; `/path?email=…` -> `/path`. */
export function withoutQuery(url: string): string {
  return url.replace(/[?#].*$/s, '').replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

/**
 * Strips query strings from every span before `next` sees it: a reset or
 * verification link's `?token=`, an `?email=` typed into a search. The
 * instrumentations put them there (instrumentation-http's `url.query`, which
 * redacts only a few signature parameters; instrumentation-nestjs-core's
 * `url.full`, the request's originalUrl). Done in onEnding, while the span
 * can still be changed, so no processor or exporter ever gets the query.
 */
export class QueryStrippingSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnding(span: Span): void {
    const attributes = span.attributes as Record<string, unknown>;
    for (const key of QUERY_ATTRIBUTES) delete attributes[key];
    for (const key of URL_ATTRIBUTES) {
      const value = attributes[key];
      if (typeof value === 'string') span.setAttribute(key, withoutQuery(value));
    }
    this.next.onEnding?.(span);
  }

  onEnd(span: ReadableSpan): void {
    this.next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
