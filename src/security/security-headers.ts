import helmet from 'helmet';

/**
 * Helmet's defaults plus a Content-Security-Policy the pages satisfy: no
 * scripts at all, styles and images only from this origin, forms only to it.
 * `upgrade-insecure-requests` is left out so plain-HTTP local development
 * works; TLS is the proxy's job in production. Referrer-Policy
 * `same-origin` (Helmet's default is `no-referrer`): this site's own pages
 * still learn where a form was posted from, so an expired form's 403 page can
 * link back to it, and nothing leaks to other sites.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  });
}
