import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pageLocals } from '../../platform/http/page-locals';
import { setFlash } from '../../ssr/flash/flash-cookie';
import { renderContextOf } from '../../ssr/page-context';
import { ErrorPage } from '../../ssr/pages/ErrorPage';
import type { RenderContext } from '../../ssr/render-context';
import { renderPage } from '../../ssr/render-page';
import { errorActions, FailedRequest, sameSiteReferer } from './error-actions';
import { ErrorResponse, toErrorResponse } from './error-response';
import { missingSchemaHint } from './missing-schema-hint';

/**
 * The one place errors become responses: an error page inside the layout for
 * browsers, JSON for clients that ask for it (`Accept: application/json`).
 * Registered as `APP_FILTER` (http-platform.module.ts), so every app built
 * from AppModule has it, tests included. Details go to the log only, under
 * the request's id, which the page shows as its reference.
 */
@Catch()
export class ErrorPageFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const answer = toErrorResponse(error);
    const reference = pageLocals(response).requestId;
    this.log(answer, error, request, reference);
    if (response.headersSent) {
      // Too late for an error page: cut the connection, so the client sees a
      // failed response rather than a truncated one that looks complete.
      if (!response.writableEnded) response.destroy();
      return;
    }

    const { status, heading, message } = answer;
    response.status(status);
    if (answer.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(answer.retryAfterSeconds));
    const shownReference = answer.log === 'none' ? undefined : reference;
    if (request.accepts(['html', 'json']) === 'json') {
      response.json({ statusCode: status, error: heading, message, ...(shownReference ? { reference: shownReference } : {}) });
      return;
    }
    if (answer.browserLocation !== undefined) {
      // The page it leads to says why (e.g. the sign-in page: "Sign in to do this.").
      setFlash(response, message);
      response.redirect(303, answer.browserLocation);
      return;
    }
    const failed: FailedRequest = {
      method: request.method,
      url: request.originalUrl,
      referer: request.get('referer'),
      host: request.get('host'),
    };
    const actions = errorActions(status, failed, { formExpired: answer.formExpired ?? false });
    const context = renderContextOf(request, response);
    response.type('html').send(
      renderPage(<ErrorPage status={status} heading={heading} message={message} actions={actions} reference={shownReference} />, {
        title: `${heading} (error ${status})`,
        context: status === 404 ? signInLeadingAway(context, failed) : context,
      }),
    );
  }

  private log(answer: ErrorResponse, error: unknown, request: Request, reference: string | undefined): void {
    if (answer.log === 'none') return;
    // The path only: a query string may carry personal data.
    const line = `${reference ?? '-'} ${request.method} ${request.path} answered ${answer.status}`;
    if (answer.log === 'reason') {
      this.logger.warn(`${line}: ${answer.reason}`);
      return;
    }
    const hint = missingSchemaHint(error);
    this.logger.error(`${line}${hint ? `: ${hint}` : ''}`, error instanceof Error ? error.stack : String(error));
  }
}

/**
 * A missing page is no place to come back to after signing in: the layout's
 * "Sign in" returns to the page that linked to it, when that is on this
 * site, or else home.
 */
function signInLeadingAway(context: RenderContext, failed: FailedRequest): RenderContext {
  if (!context.account) return context;
  const back = sameSiteReferer(failed);
  const signInHref = context.account.signInReturningTo(back === failed.url ? undefined : back);
  return { ...context, account: { ...context.account, signInHref } };
}
