import { sameSiteRefererPath } from '../../platform/http/same-site-referer';
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

/** The page the failed request came from, when it is on this site (see sameSiteRefererPath). */
export function sameSiteReferer(request: FailedRequest): string | undefined {
  return sameSiteRefererPath(request);
}

/**
 * The failed request's own path and query, or undefined: a request target may
 * also be absolute-form (`GET http://other.example/x`, which Express routes by
 * its path) or start with `//`, and neither may become a link elsewhere.
 */
function ownPath(url: string): string | undefined {
  const base = 'http://this-site.invalid';
  try {
    const parsed = new URL(url, base);
    return parsed.origin === base && !parsed.pathname.startsWith('//') ? parsed.pathname + parsed.search : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What an error page offers, by status: each status gets the way out that
 * fits it. `formExpired`: the error is the CSRF check's FORM_EXPIRED (a 403),
 * not a component's "not allowed" (also a 403). Pure.
 */
export function errorActions(status: number, request: FailedRequest, { formExpired = false } = {}): ErrorAction[] {
  const back = sameSiteReferer(request);
  if (formExpired) {
    // An expired form (CSRF): the fix is the form, freshly loaded.
    return back ? [{ href: back, label: 'Go back to the form and submit it again' }, HOME] : [HOME];
  }
  if (status >= 500 && request.method === 'GET') {
    const again = ownPath(request.url);
    return again ? [{ href: again, label: 'Try again' }, HOME] : [HOME];
  }
  if (status >= 500 || [400, 403, 409, 413, 429].includes(status)) {
    // A GET back to itself would fail the same way; a form posted to its own
    // page's address is another matter: that page (a GET) shows the form again.
    const loopsBack = request.method === 'GET' && back === request.url;
    return back && !loopsBack ? [{ href: back, label: 'Go back to the previous page' }, HOME] : [HOME];
  }
  return [HOME];
}
