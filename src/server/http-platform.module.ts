import { Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ErrorPageFilter } from './errors/error-page.filter';

/**
 * The error filter and the validation pipe, as providers rather than
 * `app.useGlobal…()` calls: every app built from AppModule gets them, also
 * one a test compiles with `Test.createTestingModule`.
 *
 * The pipe validates handler parameters typed with a class (a DTO with
 * class-validator decorators): unknown properties are refused, values are
 * converted to the declared types, and a failure is a 400 listing what is
 * wrong. Parameters typed as plain objects or strings pass through.
 */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: ErrorPageFilter },
    {
      provide: APP_PIPE,
      useFactory: () => new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, forbidUnknownValues: true }),
    },
  ],
})
export class HttpPlatformModule {}
