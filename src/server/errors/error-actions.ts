import type { ErrorAction } from '../../ssr/pages/ErrorPage';

export interface FailedRequest {
  method: string;
  /** Path and query of the failed request. */
  url: string;
  /** The Referer header: the page the request came from, when the browser sends it (same-origin only, see security-headers). */
  referer?: string;
  /** The Host header, to tell this site's pages from others. */
  host?: string;
}

const HOME: ErrorAction = { href: '/', label: 'Go to the home page' };

/**
 * A path on this site taken from the Referer, or undefined: only http(s) URLs
 * on this very host, reduced to path and query, so an error page never links
 * to another site whatever a request claims.
 */
export function sameSiteReferer({ referer, host }: FailedRequest): string | undefined {
  if (!referer || !host) return undefined;
  try {
    const url = new URL(referer);
    if (!['http:', 'https:'].includes(url.protocol) || url.host !== host) return undefined;
    return url.pathname + url.search;
  } catch {
    return undefined;
  }
}

/** What an error page offers, by status: each status gets the way out that fits it. Pure. */
export function errorActions(status: number, request: FailedRequest): ErrorAction[] {
  const back = sameSiteReferer(request);
  if (status === 403) {
    // Mostly an expired form (CSRF): the fix is the form, freshly loaded.
    return back ? [{ href: back, label: 'Go back to the form and submit it again' }, HOME] : [HOME];
  }
  if (status >= 500 && request.method === 'GET') return [{ href: request.url, label: 'Try again' }, HOME];
  if (status >= 500 || status === 400 || status === 409 || status === 413) {
    return back && back !== request.url ? [{ href: back, label: 'Go back to the previous page' }, HOME] : [HOME];
  }
  return [HOME];
}
