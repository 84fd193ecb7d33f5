// Shared by the error pages' "go back" links and the sign-in return path.

/**
 * A path on this site taken from the Referer, or undefined: only http(s) URLs
 * on this very host, reduced to path and query, so an error page never links
 * to another site whatever a request claims.
 */
export function sameSiteRefererPath({ referer, host }: { referer?: string; host?: string }): string | undefined {
  if (!referer || !host) return undefined;
  try {
    const url = new URL(referer);
    // Host names are case-insensitive; the URL parser lower-cases the Referer's.
    if (!['http:', 'https:'].includes(url.protocol) || url.host !== host.toLowerCase()) return undefined;
    // `http://host//evil.example/` (or `/\evil.example/`, which the URL parser
    // reads as `//`) has a path a browser would follow as a link to evil.example.
    if (url.pathname.startsWith('//')) return undefined;
    return url.pathname + url.search;
  } catch {
    return undefined;
  }
}
