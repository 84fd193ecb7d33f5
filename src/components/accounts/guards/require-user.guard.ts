import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../../../surface';
import { ACCOUNT_PATHS } from '../account-paths';
import { returnPathOf, signInLocation } from './return-path';
import { signedInUserOf } from './signed-in-request';

export const SIGN_IN_REQUIRED_MESSAGE = 'Sign in to do this. If you have no account yet, create one at /accounts/sign-up.';

/**
 * Lets a request through when someone is signed in. Otherwise a browser is
 * sent (303) to the sign-in page, which brings it back here afterwards, and
 * an API client (`Accept: application/json`) gets 401 JSON.
 */
@Injectable()
export class RequireUserGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (signedInUserOf(request)) return true;
    throw signInRequired(request);
  }
}

/** The error that sends a browser to sign in; thrown by the guard and by `@CurrentUser()`. */
export function signInRequired(request: Request): DomainError {
  return new DomainError('UNAUTHENTICATED', SIGN_IN_REQUIRED_MESSAGE, {
    browserLocation: signInLocation(ACCOUNT_PATHS.signIn, returnPathOf(request)),
  });
}
