import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { renderContextOf } from '../../ssr/page-context';
import { ErrorPage } from '../../ssr/pages/ErrorPage';
import { renderPage } from '../../ssr/render-page';
import { errorActions } from './error-actions';
import { toErrorResponse } from './error-response';
import { missingSchemaHint } from './missing-schema-hint';

/**
 * The one place errors become responses: an error page inside the layout for
 * browsers, JSON for clients that ask for it (`Accept: application/json`).
 * Details of unexpected errors go to the log only.
 */
@Catch()
export class ErrorPageFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const { status, heading, message, unexpected } = toErrorResponse(error);
    if (unexpected) {
      const hint = missingSchemaHint(error);
      this.logger.error(
        `${request.method} ${request.originalUrl} failed${hint ? `: ${hint}` : ''}`,
        error instanceof Error ? error.stack : String(error),
      );
    }
    if (response.headersSent) return;

    response.status(status);
    if (request.accepts(['html', 'json']) === 'json') {
      response.json({ statusCode: status, error: heading, message });
      return;
    }
    const actions = errorActions(status, {
      method: request.method,
      url: request.originalUrl,
      referer: request.get('referer'),
      host: request.get('host'),
    });
    response.type('html').send(
      renderPage(<ErrorPage status={status} heading={heading} message={message} actions={actions} />, {
        title: `${heading} (error ${status})`,
        context: renderContextOf(request, response),
      }),
    );
  }
}
