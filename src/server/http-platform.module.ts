import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ErrorPageFilter } from './errors/error-page.filter';

/**
 * The error filter, as a provider rather than `app.useGlobalFilters()`: every
 * app built from AppModule gets it, also one a test compiles with
 * `Test.createTestingModule`.
 *
 * No global ValidationPipe: handlers take forms as `Record<string, unknown>`
 * and read them with parseForm (src/platform/forms/parse-form.ts), which
 * keeps what the user typed and a message per field for the page; a pipe
 * would answer a bare 400 before the handler could show the form again.
 */
@Module({
  providers: [{ provide: APP_FILTER, useClass: ErrorPageFilter }],
})
export class HttpPlatformModule {}
