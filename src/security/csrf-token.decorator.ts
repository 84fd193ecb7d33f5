import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { CsrfProtection } from './csrf-protection';

/** Set once at startup by SecurityModule; the decorator cannot inject. */
let protection: CsrfProtection | undefined;
export function useCsrfProtection(csrf: CsrfProtection): void {
  protection = csrf;
}

/** A CSRF token for the forms of the page being rendered (sets its cookie on the response). */
export const CsrfToken = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  if (!protection) throw new Error('CsrfToken used before SecurityModule was initialised; import SecurityModule in AppModule');
  const http = context.switchToHttp();
  return protection.generateToken(http.getRequest<Request>(), http.getResponse<Response>());
});
