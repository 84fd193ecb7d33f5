import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pageLocals } from '../platform/http/page-locals';
import { takeFlash } from './flash/flash-cookie';
import type { RenderContext } from './render-context';

/** The render context of a request: its path, its flash message and, when the CSRF middleware ran, its token generator. */
export function renderContextOf(request: Request, response: Response): RenderContext {
  const { csrfToken, account } = pageLocals(response);
  let flash: { text?: string } | undefined;
  return {
    flash: () => (flash ??= { text: takeFlash(request, response) }).text,
    currentPath: request.path,
    account,
    csrfToken:
      csrfToken ??
      (() => {
        throw new Error('no CSRF token for this request: the CSRF middleware did not run; install it with configureApp()');
      }),
  };
}

/** `@PageContext() context: RenderContext` in a page handler: pass it to `renderPage`. */
export const PageContext = createParamDecorator((_: unknown, context: ExecutionContext): RenderContext => {
  const http = context.switchToHttp();
  return renderContextOf(http.getRequest<Request>(), http.getResponse<Response>());
});
