import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CsrfGuard } from './csrf.guard';
import { createCsrfProtection } from './csrf-protection';
import { readCsrfSecret } from './csrf-secret';
import { COOKIE_SECRET, cookieSecretFrom } from './cookie-secret';
import { CSRF } from './csrf.tokens';
import { secureCookies } from '../platform/http/cookie-security';

const CSRF_SECRET = Symbol('CSRF_SECRET');

/**
 * CSRF protection for the whole app (the global guard, and the middleware
 * `configureApp` installs) and the key signed cookies use.
 */
@Global()
@Module({
  providers: [
    { provide: CSRF_SECRET, useFactory: () => readCsrfSecret(process.env) },
    {
      provide: CSRF,
      inject: [CSRF_SECRET],
      useFactory: (secret: string) => createCsrfProtection(secret, secureCookies(process.env)),
    },
    { provide: COOKIE_SECRET, inject: [CSRF_SECRET], useFactory: cookieSecretFrom },
    { provide: APP_GUARD, useClass: CsrfGuard },
  ],
  exports: [CSRF, COOKIE_SECRET],
})
export class SecurityModule {}
