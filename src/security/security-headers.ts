import helmet from 'helmet';

/**
 * Helmet's defaults plus a Content-Security-Policy the pages satisfy: no
 * scripts at all, styles and images only from this origin, forms only to it.
 * `upgrade-insecure-requests` is left out so plain-HTTP local development
 * works; TLS is the proxy's job in production.
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
  });
}
