import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { CsrfProtection } from './csrf-protection';
import { CSRF } from './csrf.tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every state-changing request must carry a valid CSRF token; otherwise 403 and nothing runs. */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(@Inject(CSRF) private readonly csrf: CsrfProtection) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method) || this.csrf.isValid(request)) return true;
    throw new ForbiddenException('The form has expired or did not come from this site. Reload the page and submit it again.');
  }
}
