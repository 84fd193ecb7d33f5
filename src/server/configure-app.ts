import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { watchConnections } from './lifecycle/graceful-shutdown';
import { answerMalformedHttp } from './malformed-http';
import { requestId } from './request-id';
import { ComponentRouteTable } from './components/component-route-table';
import { httpMetrics } from './observability/http-metrics';
import { logRequests } from './observability/logging/log-requests';
import { observeRequests } from './observability/observe-requests';
import { traceRoutesOf } from './observability/tracing/request-span-attributes';
import { applyTrustProxy } from './trust-proxy';
import { httpBodyLimits } from './request-input/http-body-limits';
import { installRequestInputChecks } from './request-input/install-request-input-checks';
import { secureCookies } from '../platform/http/cookie-security';
import { pageLocals } from '../platform/http/page-locals';
import { MetricsRegistry } from '../platform/observability/metrics/metrics-registry';
import { COOKIE_SECRET } from '../security/cookie-secret';
import type { CsrfProtection } from '../security/csrf-protection';
import { CSRF } from '../security/csrf.tokens';
import { securityHeaders } from '../security/security-headers';
import { sendPagesUncopied } from '../ssr/html-response';

/**
 * HTTP concerns shared by the server and the tests that start it: security
 * headers, cookies (signed ones too), the browser id and CSRF tokens for pages,
 * the checks of addresses and bodies (with the body parsers) and static
 * assets. The error filter is a provider (HttpPlatformModule).
 */
export function configureApp(app: NestExpressApplication, staticDir = join(process.cwd(), 'dist', 'static')): NestExpressApplication {
  applyTrustProxy(app, process.env);
  watchConnections(app);
  answerMalformedHttp(app.getHttpServer());
  // First, so every later failure (even the body parser's) is logged under it.
  app.use(requestId);
  // Everything after runs in the serving component's scope (metrics, logs, spans).
  const routes = routeTableOf(app);
  app.use(observeRequests(routes));
  // One log line per finished request, refused and static ones included (docs/operations.md, "Logs").
  app.use(logRequests(app, routes));
  // Only with METRICS_PORT set: metrics off install no hook.
  const requestDurations = httpMetrics(app.get(MetricsRegistry, { strict: false }), routes);
  if (requestDurations) app.use(requestDurations);
  traceRoutesOf(routes);
  app.use(securityHeaders());
  // Decided once, from NODE_ENV, never from the request's scheme (see secureCookies).
  const secure = secureCookies(process.env);
  app.use((_request: Request, response: Response, next: NextFunction) => {
    pageLocals(response).secureCookies = secure;
    next();
  });
  // Keyed: flash messages travel in a signed cookie (src/ssr/flash).
  app.use(cookieParser(app.get<string>(COOKIE_SECRET)));
  app.use(app.get<CsrfProtection>(CSRF).middleware);
  // After the CSRF middleware: the error page of a refused request carries the layout's token.
  installRequestInputChecks(app, httpBodyLimits(process.env));
  // A rendered page goes out as the string it is, with its Content-Length (no Buffer copy, no ETag); see src/ssr/html-response.ts.
  sendPagesUncopied(app.getHttpAdapter().getInstance());
  // File names carry a content hash, so they can be cached for a year.
  app.useStaticAssets(staticDir, { prefix: '/static/', immutable: true, maxAge: '365d', index: false, fallthrough: true });
  return app;
}

/** The composed components' routes; an app without components (a database-only test module) has none. */
function routeTableOf(app: NestExpressApplication): ComponentRouteTable {
  try {
    return app.get(ComponentRouteTable, { strict: false });
  } catch {
    return new ComponentRouteTable([]);
  }
}
