import { UseGuards } from '@nestjs/common';
import { RequireUserGuard } from './require-user.guard';

/**
 * On a controller or a handler: only signed-in users get through; browsers
 * are sent to sign in (and back), API clients get 401 JSON.
 *
 *     @Post('notes') @RequireUser() create(@CurrentUser() user: SignedInUser) { … }
 */
export const RequireUser = (): MethodDecorator & ClassDecorator => UseGuards(RequireUserGuard);
