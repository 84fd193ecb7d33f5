import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CsrfGuard } from './csrf.guard';
import { createCsrfProtection } from './csrf-protection';
import { readCsrfSecret } from './csrf-secret';
import { useCsrfProtection } from './csrf-token.decorator';
import { CSRF } from './csrf.tokens';
import { isProductionRuntime } from '../server/runtime-environment';

/** CSRF protection for the whole app: the global guard and the token decorator. */
@Global()
@Module({
  providers: [
    {
      provide: CSRF,
      useFactory: () => {
        const csrf = createCsrfProtection(readCsrfSecret(process.env), isProductionRuntime(process.env));
        useCsrfProtection(csrf);
        return csrf;
      },
    },
    { provide: APP_GUARD, useClass: CsrfGuard },
  ],
  exports: [CSRF],
})
export class SecurityModule {}
