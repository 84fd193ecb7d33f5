import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { ErrorPageFilter } from './errors/error-page.filter';
import { httpBodyLimits } from './request-input/http-body-limits';
import { installRequestInputChecks } from './request-input/install-request-input-checks';
import { COOKIE_SECRET } from '../security/cookie-secret';
import type { CsrfProtection } from '../security/csrf-protection';
import { CSRF } from '../security/csrf.tokens';
import { securityHeaders } from '../security/security-headers';

/**
 * HTTP concerns shared by the server and the tests that start it: security
 * headers, cookies (signed ones too), the browser id and CSRF tokens for pages,
 * the checks of addresses and bodies (with the body parsers), static assets and
 * the error filter.
 */
export function configureApp(app: NestExpressApplication, staticDir = join(process.cwd(), 'dist', 'static')): NestExpressApplication {
  app.use(securityHeaders());
  // Keyed: flash messages travel in a signed cookie (src/ssr/flash).
  app.use(cookieParser(app.get<string>(COOKIE_SECRET)));
  app.use(app.get<CsrfProtection>(CSRF).middleware);
  // After the CSRF middleware: the error page of a refused request carries the layout's token.
  installRequestInputChecks(app, httpBodyLimits(process.env));
  // File names carry a content hash, so they can be cached for a year.
  app.useStaticAssets(staticDir, { prefix: '/static/', immutable: true, maxAge: '365d', index: false, fallthrough: true });
  app.useGlobalFilters(new ErrorPageFilter());
  return app;
}
