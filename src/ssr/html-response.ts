import type { Express, Response } from 'express';

/** What every page handler declares (`@Header('Content-Type', …)`); other answers keep Express's own `send`. */
export const PAGE_CONTENT_TYPE = 'text/html; charset=utf-8';

/** Answers whose body Express's `send` would drop or replace (HEAD, no content, not modified) keep its own handling. */
const BODILESS_STATUSES = new Set([204, 205, 304]);

/**
 * Whether `send` may write this answer as it is: a rendered page (the page
 * content type, a string), a status with a body, not HEAD, and no validator
 * (ETag, Last-Modified) a handler set itself, which Express would check
 * against the request's conditional headers.
 */
function isPlainPage(response: Response, body: unknown): body is string {
  return (
    typeof body === 'string' &&
    response.req.method !== 'HEAD' &&
    !response.headersSent &&
    !BODILESS_STATUSES.has(response.statusCode) &&
    response.getHeader('Content-Type') === PAGE_CONTENT_TYPE &&
    !response.hasHeader('ETag') &&
    !response.hasHeader('Last-Modified')
  );
}

/**
 * Sends a rendered page as the string it is, with its Content-Length; Node
 * encodes it once while writing it out with the headers (one `writev`, as
 * before). Express's own `send` first copies every page into a Buffer and
 * hashes it for a weak ETag (SHA-1 of the whole page): 1.9 % and 1.4 % of the
 * list page's busy CPU in its profile, and about 30 µs of CPU per 15 KB page
 * in a side-by-side micro run (docs/performance.md). The ETag bought nothing
 * here: a page is rendered in full before it could be compared, pages with a
 * form are per browser, and signed-in pages are `no-store`. So pages carry no
 * ETag and a conditional request gets the page (200) rather than 304; every
 * other answer (JSON, redirects, static files, HEAD, 204/304, a page with its
 * own validator) keeps Express's `send` unchanged.
 */
export function sendPagesUncopied(app: Express): void {
  const expressSend = app.response.send;
  app.response.send = function send(this: Response, body?: unknown): Response {
    if (!isPlainPage(this, body)) return expressSend.call(this, body);
    this.setHeader('Content-Length', Buffer.byteLength(body, 'utf8'));
    this.end(body, 'utf8');
    return this;
  };
}
