import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../platform/errors/domain.error';
import type { CsrfProtection } from './csrf-protection';
import { CSRF } from './csrf.tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const FORM_EXPIRED_MESSAGE = 'The form has expired or did not come from this site. Reload the page and submit it again.';

/**
 * Every state-changing request must carry a valid CSRF token; otherwise 403
 * (FORM_EXPIRED: the error page offers the form again) and nothing runs.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(@Inject(CSRF) private readonly csrf: CsrfProtection) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method) || this.csrf.isValid(request)) return true;
    throw new DomainError('FORM_EXPIRED', FORM_EXPIRED_MESSAGE);
  }
}
