import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { SignedInUser } from '../component.types';
import { signInRequired } from './require-user.guard';
import { signedInUserOf } from './signed-in-request';

/**
 * The signed-in user, as a handler parameter. Without `{ optional: true }`
 * a signed-out request is refused as `@RequireUser()` refuses it, so a
 * handler that forgot the guard still never runs without a user; with it,
 * the parameter is null then.
 */
export const CurrentUser = createParamDecorator(
  (options: { optional?: boolean } | undefined, context: ExecutionContext): SignedInUser | null => {
    const request = context.switchToHttp().getRequest<Request>();
    const user = signedInUserOf(request);
    if (user === null && !options?.optional) throw signInRequired(request);
    return user;
  },
);
