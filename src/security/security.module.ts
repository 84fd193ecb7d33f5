import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CsrfGuard } from './csrf.guard';
import { createCsrfProtection } from './csrf-protection';
import { readCsrfSecret } from './csrf-secret';
import { CSRF } from './csrf.tokens';
import { isProductionRuntime } from '../platform/environment/runtime-environment';

/** CSRF protection for the whole app: the global guard, and the middleware `configureApp` installs. */
@Global()
@Module({
  providers: [
    {
      provide: CSRF,
      useFactory: () => createCsrfProtection(readCsrfSecret(process.env), isProductionRuntime(process.env)),
    },
    { provide: APP_GUARD, useClass: CsrfGuard },
  ],
  exports: [CSRF],
})
export class SecurityModule {}
